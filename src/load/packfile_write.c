/* packfile_write.c - serialise a loaded pack into an image (packfmt.h).
   Used at build time by pinav-packc, and by the tests.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "packfile.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "packfmt.h"
#include "vec.h"

/* A table being written: its u32 words.  */
struct pw_table
{
  uint32_t *w;
  size_t n, cap;
};

/* The text: each distinct string once.  OFFSETS map each string, by
   its copy in the pack, to its offset in BUF.  */
struct pw_text
{
  char *buf;
  size_t len, cap;
  struct hash_table offsets;
};

struct pw
{
  const struct content_pack *pack;
  struct pw_table t[PF_TEXT];
  struct pw_text text;
  size_t *doc_base;             /* each document's first section in SEC */
  size_t *coll_base;            /* each collection's first item in ITEM */
  bool ok;
};

static void
pw_word (struct pw *w, enum pf_table t, uint32_t v)
{
  struct pw_table *tb = &w->t[t];
  if (!VEC_ROOM (tb->w, tb->n, tb->cap, 256))
    {
      w->ok = false;
      return;
    }
  tb->w[tb->n++] = v;
}

/* A count: it must fit a word.  */
static void
pw_count (struct pw *w, enum pf_table t, size_t n)
{
  if (n >= PF_NONE)
    w->ok = false;
  pw_word (w, t, (uint32_t) n);
}

/* The offset of S (a string of the pack, which outlives W) in the
   text, added if it is not there yet.  */
static uint32_t
text_add (struct pw *w, const char *s)
{
  struct pw_text *x = &w->text;
  size_t len = strlen (s) + 1;
  size_t off = hash_put (&x->offsets, s, len - 1, x->len);
  if (off == HASH_NONE)
    goto fail;
  if (off != x->len)
    return (uint32_t) off;      /* there already */
  /* A failure from here on fails the whole image: the offset just
     added is never used.  */
  if (len > PF_MAX_STRING + 1 || x->len + len >= PF_NONE)
    goto fail;
  if (!vec_reserve (&x->buf, &x->cap, x->len + len, 1, 65536))
    goto fail;
  memcpy (x->buf + x->len, s, len);
  x->len += len;
  return (uint32_t) (x->len - len);
fail:
  w->ok = false;
  return PF_NONE;
}

static void
pw_str (struct pw *w, enum pf_table t, const char *s)
{
  pw_word (w, t, s ? text_add (w, s) : PF_NONE);
}

/* N strings of V, counted in table T, listed in STRS.  */
static void
pw_strs (struct pw *w, enum pf_table t, const char *const *v, size_t n)
{
  pw_count (w, t, n);
  for (size_t i = 0; i < n; i++)
    pw_str (w, PF_STRS, v[i]);
}

/* The index in SEC of the section a citation names.  */
static void
pw_cite (struct pw *w, const struct content_cite *c)
{
  const struct content_pack *p = w->pack;
  const struct content_section *s = c->section;
  for (size_t i = 0; s && i < p->n_docs; i++)
    if (p->docs[i] == s->doc && s->index < p->docs[i]->n_sections)
      {
        pw_count (w, PF_CITE, w->doc_base[i] + s->index);
        return;
      }
  w->ok = false;                /* unresolved: not a checked pack */
}

/* The index in ITEM of the item a link names.  */
static void
pw_link (struct pw *w, const struct content_link *l)
{
  const struct content_pack *p = w->pack;
  const struct content_item *it = l->item;
  for (size_t i = 0; it && i < p->n_colls; i++)
    if (p->colls[i] == it->coll && it->index < it->coll->n_items)
      {
        pw_count (w, PF_LINK, w->coll_base[i] + it->index);
        return;
      }
  w->ok = false;                /* unresolved: not a checked pack */
}

/* The records of each table in TABLES that the children of a record
   of table T take (packfmt.h: a document's blocks, lists' entries and
   back references; a collection's items' values, strings, claims,
   citations and links): words of T reserved for their counts (pw_hold)
   and filled once the children are written (pw_fill).  */
struct pw_held
{
  enum pf_table t;
  size_t at;                    /* the first count's word in T */
  size_t from[PF_TEXT];         /* each table's records then */
};

static void
pw_hold (struct pw *w, struct pw_held *h, enum pf_table t,
         const enum pf_table *tables, size_t n)
{
  static const unsigned widths[] = PF_WIDTHS;
  h->t = t;
  h->at = w->t[t].n;
  for (size_t i = 0; i < n; i++)
    {
      h->from[tables[i]] = w->t[tables[i]].n / widths[tables[i]];
      pw_word (w, t, 0);
    }
}

static void
pw_fill (struct pw *w, const struct pw_held *h, const enum pf_table *tables,
         size_t n)
{
  static const unsigned widths[] = PF_WIDTHS;
  for (size_t i = 0; w->ok && i < n; i++)
    {
      size_t now = w->t[tables[i]].n / widths[tables[i]];
      if (now - h->from[tables[i]] >= PF_NONE)
        w->ok = false;
      else
        w->t[h->t].w[h->at + i] = (uint32_t) (now - h->from[tables[i]]);
    }
}

static const enum pf_table pw_doc_tables[] = { PF_BLOCK, PF_STRS, PF_BREF };
static const enum pf_table pw_coll_tables[] =
  { PF_VALUE, PF_STRS, PF_CLAIM, PF_CITE, PF_LINK };
#define PW_N(a) (sizeof (a) / sizeof *(a))

/* The items that cite S, counted in SEC, each by its index in ITEM.  */
static void
pw_backrefs (struct pw *w, const struct content_section *s)
{
  size_t n;
  const struct content_item *const *by = content_cited_by (s, &n);
  pw_count (w, PF_SEC, n);
  for (size_t i = 0; i < n; i++)
    {
      size_t k = 0;
      while (k < w->pack->n_colls && w->pack->colls[k] != by[i]->coll)
        k++;
      if (k == w->pack->n_colls || by[i]->index >= by[i]->coll->n_items)
        w->ok = false;          /* not the pack's: not a checked pack */
      else
        pw_count (w, PF_BREF, w->coll_base[k] + by[i]->index);
    }
}

static void
pw_document (struct pw *w, const struct content_document *d)
{
  pw_str (w, PF_DOC, d->id);
  pw_str (w, PF_DOC, d->title);
  pw_str (w, PF_DOC, d->publisher);
  pw_str (w, PF_DOC, d->source);
  /* A pending document (of an image) is decoded; an unavailable one
     has none, which makes the image bad: only a whole pack can be
     written.  */
  size_t n;
  const struct content_section *secs = content_doc_sections (d, &n);
  w->ok = w->ok && n == d->n_sections;
  pw_count (w, PF_DOC, n);
  struct pw_held h;
  pw_hold (w, &h, PF_DOC, pw_doc_tables, PW_N (pw_doc_tables));
  for (size_t i = 0; i < n; i++)
    {
      const struct content_section *s = &secs[i];
      pw_str (w, PF_SEC, s->id);
      pw_str (w, PF_SEC, s->heading);
      pw_count (w, PF_SEC, s->n_blocks);
      for (size_t j = 0; j < s->n_blocks; j++)
        {
          const struct content_block *b = &s->blocks[j];
          pw_word (w, PF_BLOCK, (uint32_t) b->kind);
          pw_str (w, PF_BLOCK, b->text);
          pw_strs (w, PF_BLOCK, b->items, b->n_items);
        }
      pw_backrefs (w, s);
    }
  pw_fill (w, &h, pw_doc_tables, PW_N (pw_doc_tables));
}

static void
pw_item (struct pw *w, const struct content_collection *c,
         const struct content_item *it)
{
  pw_str (w, PF_ITEM, it->id);
  pw_str (w, PF_ITEM, it->name);
  pw_str (w, PF_ITEM, it->summary);
  pw_count (w, PF_ITEM, it->n_claims);
  pw_count (w, PF_ITEM, it->n_sources);
  pw_count (w, PF_ITEM, it->n_independent);
  if (c->n_attrs && !it->values)
    w->ok = false;
  for (size_t i = 0; w->ok && i < c->n_attrs; i++)
    {
      const struct content_value *v = &it->values[i];
      pw_word (w, PF_VALUE, (v->set ? PF_SET : 0)
                            | (v->boolean ? PF_TRUE : 0));
      pw_str (w, PF_VALUE, v->text);
      pw_strs (w, PF_VALUE, v->list, v->n_list);
    }
  if (c->n_sort_langs && !it->sort)
    w->ok = false;
  for (size_t i = 0; w->ok && i < c->n_sort_langs; i++)
    pw_str (w, PF_STRS, it->sort[i]);
  for (size_t i = 0; i < it->n_claims; i++)
    {
      pw_str (w, PF_CLAIM, it->claims[i].text);
      pw_count (w, PF_CLAIM, it->claims[i].n_cites);
      for (size_t j = 0; j < it->claims[i].n_cites; j++)
        pw_cite (w, &it->claims[i].cites[j]);
    }
  for (size_t i = 0; i < it->n_sources; i++)
    pw_cite (w, &it->sources[i]);
  for (size_t i = 0; i < it->n_independent; i++)
    pw_link (w, &it->independent[i]);
}

static void
pw_collection (struct pw *w, const struct content_collection *c)
{
  pw_str (w, PF_COLL, c->id);
  pw_str (w, PF_COLL, c->title);
  pw_str (w, PF_COLL, c->intro);
  pw_word (w, PF_COLL, c->untraced);
  pw_strs (w, PF_COLL, c->related, c->n_related);
  pw_count (w, PF_COLL, c->n_attrs);
  pw_count (w, PF_COLL, c->n_items);
  pw_strs (w, PF_COLL, c->sort_langs, c->n_sort_langs);
  size_t longest = content_coll_longest (c);
  pw_word (w, PF_COLL, longest <= PF_MAX_STRING ? (uint32_t) longest : 0);
  struct pw_held h;
  pw_hold (w, &h, PF_COLL, pw_coll_tables, PW_N (pw_coll_tables));
  for (size_t i = 0; i < c->n_attrs; i++)
    {
      pw_str (w, PF_ATTR, c->attrs[i].id);
      pw_str (w, PF_ATTR, c->attrs[i].label);
      pw_word (w, PF_ATTR, (uint32_t) c->attrs[i].type);
      pw_str (w, PF_ATTR, c->attrs[i].ref_collection);
    }
  size_t n;
  const struct content_item *items = content_coll_items (c, &n);
  if (n != c->n_items)
    w->ok = false;      /* unavailable: not a whole pack */
  for (size_t i = 0; i < n; i++)
    pw_item (w, c, &items[i]);
  pw_fill (w, &h, pw_coll_tables, PW_N (pw_coll_tables));
}

static void
pw_pack (struct pw *w)
{
  const struct content_pack *p = w->pack;
  /* The items' names first, side by side in the text: pinav reads them
     all for its line breaker without decoding the items
     (content_coll_item_name), and a page of the text holds hundreds.  */
  for (size_t i = 0; i < p->n_colls; i++)
    {
      size_t n;
      const struct content_item *items = content_coll_items (p->colls[i], &n);
      for (size_t k = 0; k < n; k++)
        text_add (w, items[k].name);
    }
  pw_str (w, PF_PACK, p->title);
  pw_str (w, PF_PACK, p->reviewed);
  pw_str (w, PF_PACK, p->disclaimer);
  pw_strs (w, PF_PACK, p->about, p->n_about);
  pw_strs (w, PF_PACK, p->menu, p->n_menu);
  pw_str (w, PF_PACK, p->glossary);
  pw_str (w, PF_PACK, p->glossary_also);
  pw_str (w, PF_PACK, p->independent);
  for (size_t i = 0; i < p->n_docs; i++)
    pw_document (w, p->docs[i]);
  for (size_t i = 0; i < p->n_colls; i++)
    pw_collection (w, p->colls[i]);
  for (size_t i = 0; i < p->n_comps; i++)
    {
      const struct content_comparison *m = p->comps[i];
      pw_str (w, PF_COMP, m->id);
      pw_str (w, PF_COMP, m->title);
      pw_str (w, PF_COMP, m->collection);
      pw_strs (w, PF_COMP, m->columns, m->n_columns);
    }
  for (size_t i = 0; i < p->n_words; i++)
    pw_str (w, PF_WORDS, p->words[i]);
}

/* The image: header, directory, tables, text, and the search index
   (at a multiple of 8) when the pack has one.  */
static unsigned char *
pw_image (struct pw *w, uint64_t hash, size_t *len)
{
  static const unsigned widths[] = PF_WIDTHS;
  const struct content_pack *p = w->pack;
  uint64_t size = PF_HEADER_SIZE;
  for (int t = 0; t < PF_TEXT; t++)
    size += w->t[t].n * 4;
  size += w->text.len;
  uint64_t search = p->search_blob_len ? (size + 7) / 8 * 8 : size;
  size = search + p->search_blob_len;
  unsigned char *img = size <= PF_MAX_SIZE && size <= SIZE_MAX
                       && search < PF_NONE
                       ? calloc (1, (size_t) size) : NULL;
  if (!img)
    return NULL;
  memcpy (img + PF_H_MAGIC, PF_MAGIC, 8);
  pf_put32 (img + PF_H_VERSION, PF_VERSION);
  pf_put32 (img + PF_H_HSIZE, PF_HEADER_SIZE);
  pf_put64 (img + PF_H_SIZE, size);
  pf_put64 (img + PF_H_HASH, hash);
  pf_put32 (img + PF_H_NTABLES, PF_NTABLES);
  uint32_t off = PF_HEADER_SIZE;
  for (int t = 0; t < PF_SEARCH; t++)
    {
      size_t n = t == PF_TEXT ? w->text.len : w->t[t].n / widths[t];
      pf_put32 (img + PF_H_DIR + 8 * t, off);
      pf_put32 (img + PF_H_DIR + 8 * t + 4, (uint32_t) n);
      if (t == PF_TEXT)
        memcpy (img + off, w->text.buf, n);
      for (size_t i = 0; t != PF_TEXT && i < w->t[t].n; i++)
        pf_put32 (img + off + 4 * i, w->t[t].w[i]);
      off += (uint32_t) (t == PF_TEXT ? n : w->t[t].n * 4);
    }
  pf_put32 (img + PF_H_DIR + 8 * PF_SEARCH, (uint32_t) search);
  pf_put32 (img + PF_H_DIR + 8 * PF_SEARCH + 4,
            (uint32_t) p->search_blob_len);
  if (p->search_blob_len)
    memcpy (img + search, p->search_blob, p->search_blob_len);
  *len = (size_t) size;
  return img;
}

unsigned char *
packfile_attach_search (unsigned char *img, size_t *len,
                        const unsigned char *blob, size_t blen)
{
  uint64_t search = ((uint64_t) *len + 7) / 8 * 8, size = search + blen;
  if (*len < PF_HEADER_SIZE || pf_get64 (img + PF_H_SIZE) != *len
      || pf_get32 (img + PF_H_DIR + 8 * PF_SEARCH + 4) != 0
      || size > PF_MAX_SIZE || size > SIZE_MAX || search >= PF_NONE)
    return NULL;
  unsigned char *r = realloc (img, (size_t) size);
  if (!r)
    return NULL;
  memset (r + *len, 0, (size_t) search - *len);
  memcpy (r + search, blob, blen);
  pf_put64 (r + PF_H_SIZE, size);
  pf_put32 (r + PF_H_DIR + 8 * PF_SEARCH, (uint32_t) search);
  pf_put32 (r + PF_H_DIR + 8 * PF_SEARCH + 4, (uint32_t) blen);
  *len = (size_t) size;
  return r;
}

unsigned char *
packfile_encode (const struct content_pack *pack, uint64_t hash, size_t *len)
{
  struct pw w = { .pack = pack, .ok = true };
  unsigned char *img = NULL;
  w.doc_base = malloc ((pack->n_docs + 1) * sizeof *w.doc_base);
  w.coll_base = malloc ((pack->n_colls + 1) * sizeof *w.coll_base);
  if (w.doc_base && w.coll_base)
    {
      size_t n = 0;
      for (size_t i = 0; i < pack->n_docs; i++)
        {
          w.doc_base[i] = n;
          n += pack->docs[i]->n_sections;
        }
      n = 0;
      for (size_t i = 0; i < pack->n_colls; i++)
        {
          w.coll_base[i] = n;
          n += pack->colls[i]->n_items;
        }
      pw_pack (&w);
      if (w.ok)
        img = pw_image (&w, hash, len);
    }
  for (int t = 0; t < PF_TEXT; t++)
    free (w.t[t].w);
  free (w.text.buf);
  hash_free (&w.text.offsets);
  free (w.doc_base);
  free (w.coll_base);
  return img;
}
