/* content.c - the content model's index and lookups.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "content.h"
#include "hash.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Keys are "K\037A" or "K\037A\037B", K one letter for the kind; the
   keys map to positions in VALUES.  The keys and VALUES live in the
   pack's arena, the table's slots in the heap (content_free).  */
struct content_index
{
  struct hash_table keys;
  const void **values;
  size_t n;
};

/* The longest key a lookup builds, NUL included.  */
#define INDEX_KEY_MAX 512

/* The key of A (and B) into BUF of SIZE bytes.
   @retval its length, or 0 if it does not fit.
   Copied, not printed: snprintf took most of the index's building.  */
static size_t
index_key (char *buf, size_t size, char kind, const char *a, const char *b)
{
  size_t na = strlen (a), nb = b ? strlen (b) : 0;
  if (2 + na + (b ? 1 + nb : 0) >= size)
    return 0;
  char *p = buf;
  *p++ = kind;
  *p++ = '\037';
  memcpy (p, a, na);
  p += na;
  if (b)
    {
      *p++ = '\037';
      memcpy (p, b, nb);
      p += nb;
    }
  *p = '\0';
  return (size_t) (p - buf);
}

/* A lookup copies the parts of its key into a buffer on the stack: no
   key is printed, nor allocated, for it.  */
static const void *
index_get (const struct content_index *ix, char kind, const char *a,
           const char *b)
{
  char buf[INDEX_KEY_MAX];
  size_t len = ix && a ? index_key (buf, sizeof buf, kind, a, b) : 0;
  if (!len)
    return NULL;
  size_t i = hash_get (&ix->keys, buf, len);
  return i == HASH_NONE ? NULL : ix->values[i];
}

/* Insert; the first of two equal keys wins (the loader reports them).  */
static bool
index_put (struct content_pack *p, char kind, const char *a, const char *b,
           const void *value)
{
  struct content_index *ix = p->index;
  size_t len = strlen (a) + (b ? strlen (b) : 0) + 4;
  char *key = arena_alloc (&p->arena, len);
  if (!key)
    return false;
  size_t i = hash_put (&ix->keys, key, index_key (key, len, kind, a, b),
                       ix->n);
  if (i == HASH_NONE)
    return false;
  if (i == ix->n)
    ix->values[ix->n++] = value;
  return true;
}

/* Put the sections of D in the id index of P.  */
static bool
index_sections (struct content_pack *p, struct content_document *d)
{
  bool ok = true;
  for (size_t j = 0; j < d->n_sections; j++)
    ok &= index_put (p, 's', d->id, d->sections[j].id, &d->sections[j]);
  return ok;
}

/* The pack is the model's to change: a pending document or collection
   is const only for its readers.  */
static bool
doc_ready (const struct content_document *cd)
{
  struct content_document *d = (struct content_document *) cd;
  if (d->state == CONTENT_PENDING)
    {
      struct content_pack *p = d->decoder->pack;
      d->state = d->decoder->doc_sections (d->decoder->ctx, d)
                 && (!p->index || index_sections (p, d))
                 ? CONTENT_READY : CONTENT_UNAVAILABLE;
    }
  return d->state == CONTENT_READY;
}

const struct content_section *
content_cite_section (const struct content_cite *cc)
{
  struct content_cite *c = (struct content_cite *) cc;
  if (!c->section || !doc_ready (c->section->doc))
    return NULL;
  c->section_id = c->section->id;
  return c->section;
}

/* Put the items of C in the id index of P.  */
static bool
index_items (struct content_pack *p, struct content_collection *c)
{
  bool ok = true;
  for (size_t j = 0; j < c->n_items; j++)
    ok &= index_put (p, 'i', c->id, c->items[j].id, &c->items[j]);
  c->indexed = ok;
  return ok;
}

static bool
coll_ready (const struct content_collection *cc)
{
  struct content_collection *c = (struct content_collection *) cc;
  if (c->state == CONTENT_PENDING)
    c->state = c->decoder->coll_items (c->decoder->ctx, c)
               ? CONTENT_READY : CONTENT_UNAVAILABLE;
  return c->state == CONTENT_READY;
}

/* Whether C is decoded with its items in the id index, putting them
   there if they are not: when one is first looked up by its id, not
   when the collection is decoded (a list's Enter needs no id).  Out of
   memory, a lookup fails, and the next tries again (the first of two
   equal keys is kept).  */
static bool
coll_indexed (const struct content_collection *cc)
{
  struct content_collection *c = (struct content_collection *) cc;
  if (!coll_ready (c))
    return false;
  struct content_pack *p = c->decoder ? c->decoder->pack : NULL;
  return c->indexed || !p || !p->index || index_items (p, c);
}

/* Whether IT is decoded, decoding its collection (DEC's) if it was
   pending.  */
static bool
item_ready (const struct content_decoder *dec, const struct content_item *it)
{
  const struct content_collection *c = it->coll;
  if (!c && dec && dec->item_coll)
    c = dec->item_coll (dec->ctx, it);
  return c && coll_ready (c);
}

/* Whether one of IT's claims or sources cites S.  */
static bool
item_cites (const struct content_item *it, const struct content_section *s)
{
  for (size_t i = 0; i < it->n_claims; i++)
    for (size_t j = 0; j < it->claims[i].n_cites; j++)
      if (it->claims[i].cites[j].section == s)
        return true;
  for (size_t j = 0; j < it->n_sources; j++)
    if (it->sources[j].section == s)
      return true;
  return false;
}

const struct content_item *const *
content_cited_by (const struct content_section *cs, size_t *n)
{
  /* The pack is the model's to change: those that could not be
     decoded, or do not cite S, are dropped from the list.  */
  struct content_section *s = (struct content_section *) cs;
  const struct content_decoder *dec = s->doc ? s->doc->decoder : NULL;
  size_t k = 0;
  if (s->cited_checked)
    {
      *n = s->n_cited_by;
      return s->cited_by;
    }
  if (s->doc && !doc_ready (s->doc))
    s->n_cited_by = 0;
  for (size_t i = 0; i < s->n_cited_by; i++)
    if (item_ready (dec, s->cited_by[i]) && item_cites (s->cited_by[i], s)
        && (k == 0 || s->cited_by[k - 1] != s->cited_by[i]))
      s->cited_by[k++] = s->cited_by[i];
  s->n_cited_by = k;
  s->cited_checked = true;      /* a decoded item stays so */
  *n = k;
  return s->cited_by;
}

const struct content_item *
content_link_item (const struct content_item *it, size_t i)
{
  const struct content_item *t = i < it->n_independent
                                 ? it->independent[i].item : NULL;
  return t && item_ready (it->coll->decoder, t) ? t : NULL;
}

/* Field FIELD (0 the id, 1 the name) of item I of C, not decoded.  */
static const char *
coll_item_str (const struct content_collection *c, size_t i, int field)
{
  if (i >= c->n_items || c->state == CONTENT_UNAVAILABLE)
    return NULL;
  if (c->state == CONTENT_READY)
    return field ? c->items[i].name : c->items[i].id;
  return c->decoder->item_str
         ? c->decoder->item_str (c->decoder->ctx, c, i, field) : NULL;
}

const char *
content_coll_item_name (const struct content_collection *c, size_t i)
{
  return coll_item_str (c, i, 1);
}

size_t
content_coll_longest (const struct content_collection *cc)
{
  /* The model's to change: measured once.  */
  struct content_collection *c = (struct content_collection *) cc;
  if (!c->longest_name && c->state == CONTENT_READY)
    for (size_t i = 0; i < c->n_items; i++)
      {
        size_t n = strlen (c->items[i].name);
        c->longest_name = n > c->longest_name ? n : c->longest_name;
      }
  return c->longest_name && c->state != CONTENT_UNAVAILABLE
         ? c->longest_name : SIZE_MAX;
}

const char *
content_coll_item_id (const struct content_collection *c, size_t i)
{
  return coll_item_str (c, i, 0);
}

enum content_state
content_coll_state (const struct content_collection *c)
{
  return c->state;
}

const struct content_section *
content_doc_sections (const struct content_document *d, size_t *n)
{
  bool ok = doc_ready (d);
  *n = ok ? d->n_sections : 0;
  return ok ? d->sections : NULL;
}

const struct content_item *
content_coll_items (const struct content_collection *c, size_t *n)
{
  bool ok = coll_ready (c);
  *n = ok ? c->n_items : 0;
  return ok && c->n_items ? c->items : NULL;
}

bool
content_doc_unavailable (const struct content_document *d)
{
  return !doc_ready (d);
}

bool
content_coll_unavailable (const struct content_collection *c)
{
  return !coll_ready (c);
}

static size_t
index_count (const struct content_pack *p)
{
  size_t n = p->n_docs + p->n_colls + p->n_comps;
  for (size_t i = 0; i < p->n_docs; i++)
    n += p->docs[i]->n_sections;
  for (size_t i = 0; i < p->n_colls; i++)
    n += p->colls[i]->n_items;
  return n;
}

static bool
index_fill (struct content_pack *p)
{
  bool ok = true;
  for (size_t i = 0; i < p->n_docs; i++)
    {
      struct content_document *d = p->docs[i];
      ok &= index_put (p, 'd', d->id, NULL, d);
      /* A pending document's, once it is decoded (doc_ready).  */
      if (d->state == CONTENT_READY)
        ok &= index_sections (p, d);
    }
  for (size_t i = 0; i < p->n_colls; i++)
    {
      struct content_collection *c = p->colls[i];
      ok &= index_put (p, 'c', c->id, NULL, c);
      /* A pending collection's, once one is looked up (coll_indexed).  */
      if (c->state == CONTENT_READY)
        ok &= index_items (p, c);
    }
  for (size_t i = 0; i < p->n_comps; i++)
    ok &= index_put (p, 'm', p->comps[i]->id, NULL, p->comps[i]);
  return ok;
}

bool
content_index_build (struct content_pack *p)
{
  size_t n = index_count (p);
  p->index = arena_alloc (&p->arena, sizeof *p->index);
  if (!p->index)
    return false;
  p->index->values = arena_array (&p->arena, n ? n : 1,
                                  sizeof *p->index->values);
  if (!p->index->values || !hash_init (&p->index->keys, n))
    return false;
  return index_fill (p);
}

/* Note that IT cites section S (in CITES[0..N)): count it (pass 0), or
   add it once (pass 1; an item's citations of S are consecutive).  */
static void
backrefs_note (const struct content_item *it, const struct content_cite *c,
               size_t n, int pass)
{
  for (size_t i = 0; i < n; i++)
    {
      /* The pack is P's to change: the citation's pointer is const only
         for its readers.  */
      struct content_section *s = (struct content_section *) c[i].section;
      if (!s)
        continue;
      if (pass == 0)
        s->n_cited_by++;
      else if (!s->n_cited_by || s->cited_by[s->n_cited_by - 1] != it)
        s->cited_by[s->n_cited_by++] = it;
    }
}

static void
backrefs_scan (struct content_pack *p, int pass)
{
  for (size_t i = 0; i < p->n_colls; i++)
    for (size_t j = 0; j < p->colls[i]->n_items; j++)
      {
        const struct content_item *it = &p->colls[i]->items[j];
        for (size_t k = 0; k < it->n_claims; k++)
          backrefs_note (it, it->claims[k].cites, it->claims[k].n_cites, pass);
        backrefs_note (it, it->sources, it->n_sources, pass);
      }
}

static bool
backrefs_alloc (struct content_pack *p)
{
  for (size_t i = 0; i < p->n_docs; i++)
    for (size_t j = 0; j < p->docs[i]->n_sections; j++)
      {
        struct content_section *s = &p->docs[i]->sections[j];
        s->cited_by = s->n_cited_by ? arena_array (&p->arena, s->n_cited_by,
                                                   sizeof *s->cited_by)
                                    : NULL;
        if (s->n_cited_by && !s->cited_by)
          return false;
        s->n_cited_by = 0;
      }
  return true;
}

bool
content_backrefs_build (struct content_pack *p)
{
  backrefs_scan (p, 0);
  if (!backrefs_alloc (p))
    return false;
  backrefs_scan (p, 1);
  return true;
}

/* Whether S is all printable ASCII: then it holds no word the line
   breaker keeps (text_words_add).  */
static bool
all_printable_ascii (const char *s)
{
  for (; *s; s++)
    if (*s < 0x20 || *s > 0x7E)
      return false;
  return true;
}

/* Add S to P's words (room for it was made) when the line breaker
   needs it.  */
static void
words_add (struct content_pack *p, const char *s)
{
  if (s && !all_printable_ascii (s))
    p->words[p->n_words++] = s;
}

bool
content_words_build (struct content_pack *p)
{
  const struct content_collection *g = p->glossary
    ? content_collection (p, p->glossary) : NULL;
  int also = g && p->glossary_also ? content_attr_index (g, p->glossary_also)
                                   : -1;
  size_t n = 0;                 /* at most so many: every name and form */
  for (size_t i = 0; i < p->n_colls; i++)
    n += p->colls[i]->n_items;
  for (size_t k = 0; also >= 0 && k < g->n_items; k++)
    n += g->items[k].values[also].set ? g->items[k].values[also].n_list : 0;
  if (n && !(p->words = arena_array (&p->arena, n, sizeof *p->words)))
    return false;
  for (size_t i = 0; i < p->n_colls; i++)
    for (size_t j = 0; j < p->colls[i]->n_items; j++)
      words_add (p, p->colls[i]->items[j].name);
  for (size_t k = 0; also >= 0 && k < g->n_items; k++)
    {
      const struct content_value *v = &g->items[k].values[also];
      for (size_t j = 0; v->set && j < v->n_list; j++)
        words_add (p, v->list[j]);
    }
  return true;
}

const struct content_document *
content_document (const struct content_pack *p, const char *id)
{
  return index_get (p->index, 'd', id, NULL);
}

const struct content_collection *
content_collection (const struct content_pack *p, const char *id)
{
  return index_get (p->index, 'c', id, NULL);
}

const struct content_comparison *
content_comparison (const struct content_pack *p, const char *id)
{
  return index_get (p->index, 'm', id, NULL);
}

const struct content_section *
content_section (const struct content_pack *p, const char *doc,
                 const char *sec)
{
  /* Its sections are in the index once it is decoded (doc_ready).  */
  const struct content_document *d = sec ? content_document (p, doc) : NULL;
  return d && doc_ready (d) ? index_get (p->index, 's', doc, sec) : NULL;
}

const struct content_item *
content_item (const struct content_pack *p, const char *coll,
              const char *item)
{
  /* Its items are in the index once one is looked up (coll_indexed).  */
  const struct content_collection *c = item ? content_collection (p, coll)
                                            : NULL;
  return c && coll_indexed (c) ? index_get (p->index, 'i', coll, item)
                               : NULL;
}

int
content_attr_index (const struct content_collection *coll, const char *attr)
{
  for (size_t i = 0; i < coll->n_attrs; i++)
    if (strcmp (coll->attrs[i].id, attr) == 0)
      return (int) i;
  return -1;
}

const char *
content_sort_key (const struct content_item *it, const char *lang)
{
  const struct content_collection *c = it->coll;
  for (size_t i = 0; it->sort && i < c->n_sort_langs; i++)
    if (strcmp (c->sort_langs[i], lang) == 0)
      return it->sort[i];
  return NULL;
}

void
content_free (struct content_pack *p)
{
  if (p)
    {
      if (p->index)
        hash_free (&p->index->keys);
      free (p->terms);
      arena_free (&p->arena);
      if (p->backing_free)
        p->backing_free (p->backing, p->backing_len);
      free (p);
    }
}
