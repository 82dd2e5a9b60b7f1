/* packtest.c - what the tests of the compiled pack share (packtest.h).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dump.h"
#include "i18n.h"
#include "load.h"
#include "packfile.h"
#include "packfmt.h"
#include "packtest.h"
#include "search.h"
#include "search_blob.h"
#include "search_int.h"
#include "search_stored.h"
#include "text_safe.h"
#include "text.h"

const char *srcdir;
FILE *devnull;

void
packtest_init (void)
{
  const char *builddir = getenv ("top_builddir");
  char localedir[4096];
  srcdir = getenv ("top_srcdir");
  if (!srcdir)
    srcdir = ".";
  snprintf (localedir, sizeof localedir, "%s/locale",
            builddir ? builddir : ".");
  i18n_init (getenv ("PINAV_LOCALEDIR") ? getenv ("PINAV_LOCALEDIR")
             : localedir, "en");
  devnull = fopen ("/dev/null", "w");
  if (!devnull)
    exit (99);
}

struct content_pack *
load_dir (const char *rel)
{
  char path[4096];
  struct diags d = { 0 };
  snprintf (path, sizeof path, "%s/%s", srcdir, rel);
  struct content_pack *p = load_pack (path, &d);
  diag_print (&d, stdout);
  diag_free (&d);
  return p;
}

/* The whole --dump of P at WIDTH, malloc'd; *LEN bytes.  */
char *
dump_text (const struct content_pack *p, size_t width, size_t *len)
{
  char *buf = NULL;
  FILE *f = open_memstream (&buf, len);
  if (!f)
    exit (99);
  dump_pack (f, p, NULL, width);
  fclose (f);
  return buf;
}

static bool
same_dump (const struct content_pack *a, const struct content_pack *b,
           size_t width)
{
  size_t la, lb;
  char *x = dump_text (a, width, &la), *y = dump_text (b, width, &lb);
  bool same = la == lb && memcmp (x, y, la) == 0 && la > 0;
  free (x);
  free (y);
  return same;
}

/* The same --dump of A and B, wrapped and not, in English and in
   Chinese; and the Chinese is not the English.  */
bool
same_dumps (const struct content_pack *a, const struct content_pack *b)
{
  size_t en_len, zh_len;
  bool ok = same_dump (a, b, 80) && same_dump (a, b, 0);
  char *en = dump_text (b, 80, &en_len);
  i18n_set_language ("zh_CN");
  char *zh = dump_text (b, 80, &zh_len);
  ok = ok && same_dump (a, b, 80)
       && (en_len != zh_len || memcmp (en, zh, en_len) != 0);
  i18n_set_language ("en");
  free (en);
  free (zh);
  return ok;
}

/* --- The model, field by field.  */

bool
same_str (const char *a, const char *b)
{
  return a == b || (a && b && strcmp (a, b) == 0);
}

static bool
same_strs (const char *const *a, size_t na, const char *const *b, size_t nb)
{
  bool ok = na == nb;
  for (size_t i = 0; ok && i < na; i++)
    ok = same_str (a[i], b[i]);
  return ok;
}

static bool
same_cites (const struct content_cite *a, size_t na,
            const struct content_cite *b, size_t nb)
{
  bool ok = na == nb;
  for (size_t i = 0; ok && i < na; i++)
    ok = same_str (a[i].doc_id, b[i].doc_id)
         && content_cite_section (&b[i])
         && same_str (a[i].section_id, b[i].section_id)
         && a[i].section && b[i].section
         && same_str (a[i].section->id, b[i].section->id)
         && a[i].section->index == b[i].section->index
         && same_str (a[i].section->doc->id, b[i].section->doc->id);
  return ok;
}

static bool
same_section (const struct content_section *a, const struct content_section *b)
{
  bool ok = same_str (a->id, b->id) && same_str (a->heading, b->heading)
            && a->n_blocks == b->n_blocks && a->index == b->index
            && same_str (a->doc->id, b->doc->id);
  size_t nb;
  const struct content_item *const *by = content_cited_by (b, &nb);
  ok = ok && a->n_cited_by == nb;
  for (size_t i = 0; ok && i < a->n_blocks; i++)
    ok = a->blocks[i].kind == b->blocks[i].kind
         && same_str (a->blocks[i].text, b->blocks[i].text)
         && same_strs (a->blocks[i].items, a->blocks[i].n_items,
                       b->blocks[i].items, b->blocks[i].n_items);
  for (size_t i = 0; ok && i < a->n_cited_by; i++)
    ok = same_str (a->cited_by[i]->id, by[i]->id)
         && same_str (a->cited_by[i]->coll->id, by[i]->coll->id);
  return ok;
}

static bool
same_item (const struct content_collection *c, const struct content_item *a,
           const struct content_item *b)
{
  bool ok = same_str (a->id, b->id) && same_str (a->name, b->name)
            && same_str (a->summary, b->summary) && a->index == b->index
            && same_str (a->coll->id, b->coll->id)
            && a->n_claims == b->n_claims
            && same_cites (a->sources, a->n_sources, b->sources,
                           b->n_sources)
            && a->n_independent == b->n_independent
            && same_strs (a->sort, c->n_sort_langs, b->sort,
                          c->n_sort_langs);
  for (size_t i = 0; ok && i < a->n_independent; i++)
    ok = same_str (a->independent[i].id, b->independent[i].id)
         && a->independent[i].item && b->independent[i].item
         && same_str (a->independent[i].item->id,
                      b->independent[i].item->id)
         && same_str (a->independent[i].item->coll->id,
                      b->independent[i].item->coll->id);
  for (size_t i = 0; ok && i < c->n_attrs; i++)
    {
      const struct content_value *x = &a->values[i], *y = &b->values[i];
      ok = x->set == y->set && x->boolean == y->boolean
           && same_str (x->text, y->text)
           && same_strs (x->list, x->n_list, y->list, y->n_list);
    }
  for (size_t i = 0; ok && i < a->n_claims; i++)
    ok = same_str (a->claims[i].text, b->claims[i].text)
         && same_cites (a->claims[i].cites, a->claims[i].n_cites,
                        b->claims[i].cites, b->claims[i].n_cites);
  return ok;
}

static bool
same_collection (const struct content_collection *a,
                 const struct content_collection *b)
{
  bool ok = same_str (a->id, b->id) && same_str (a->title, b->title)
            && same_str (a->intro, b->intro) && a->untraced == b->untraced
            && same_strs (a->related, a->n_related, b->related, b->n_related)
            && a->n_attrs == b->n_attrs && a->n_items == b->n_items
            && same_strs (a->sort_langs, a->n_sort_langs, b->sort_langs,
                          b->n_sort_langs);
  for (size_t i = 0; ok && i < a->n_attrs; i++)
    ok = same_str (a->attrs[i].id, b->attrs[i].id)
         && same_str (a->attrs[i].label, b->attrs[i].label)
         && a->attrs[i].type == b->attrs[i].type
         && same_str (a->attrs[i].ref_collection, b->attrs[i].ref_collection);
  for (size_t i = 0; ok && i < a->n_items; i++)
    ok = same_item (a, &a->items[i], &b->items[i]);
  return ok;
}

/* Every field of A and B, and B's lookups.  */
/* Decode every document and collection of P that a loader left
   pending.  @retval how many are unavailable.  */
size_t
decode_all (const struct content_pack *p)
{
  size_t n = 0;
  for (size_t i = 0; i < p->n_docs; i++)
    n += content_doc_unavailable (p->docs[i]);
  for (size_t i = 0; i < p->n_colls; i++)
    n += content_coll_unavailable (p->colls[i]);
  return n;
}

bool
same_pack (const struct content_pack *a, const struct content_pack *b)
{
  bool ok = decode_all (b) == 0 && same_str (a->title, b->title)
            && same_str (a->reviewed, b->reviewed)
            && same_str (a->disclaimer, b->disclaimer)
            && same_strs (a->about, a->n_about, b->about, b->n_about)
            && same_strs (a->menu, a->n_menu, b->menu, b->n_menu)
            && same_str (a->glossary, b->glossary)
            && same_str (a->glossary_also, b->glossary_also)
            && same_str (a->independent, b->independent)
            && a->n_docs == b->n_docs && a->n_colls == b->n_colls
            && a->n_comps == b->n_comps
            && same_strs (a->words, a->n_words, b->words, b->n_words);
  for (size_t i = 0; ok && i < a->n_docs; i++)
    {
      const struct content_document *x = a->docs[i], *y = b->docs[i];
      ok = same_str (x->id, y->id) && same_str (x->title, y->title)
           && same_str (x->publisher, y->publisher)
           && same_str (x->source, y->source)
           && x->n_sections == y->n_sections
           && content_document (b, y->id) == y;
      for (size_t j = 0; ok && j < x->n_sections; j++)
        ok = same_section (&x->sections[j], &y->sections[j])
             && content_section (b, y->id, y->sections[j].id)
                == &y->sections[j];
    }
  for (size_t i = 0; ok && i < a->n_colls; i++)
    ok = same_collection (a->colls[i], b->colls[i])
         && content_collection (b, b->colls[i]->id) == b->colls[i];
  for (size_t i = 0; ok && i < a->n_comps; i++)
    {
      const struct content_comparison *x = a->comps[i], *y = b->comps[i];
      ok = same_str (x->id, y->id) && same_str (x->title, y->title)
           && same_str (x->collection, y->collection)
           && same_strs (x->columns, x->n_columns, y->columns, y->n_columns)
           && content_comparison (b, y->id) == y;
    }
  return ok;
}

/* --- What a loaded pack promises the rest of pinav (content.h): the
   reader must refuse an image whose pack would break any of it.  */

/* Not NULL, UTF-8 (text_decode gives U+FFFD for a bad byte), and
   without a character that a terminal must not be given in block text
   (text_safe.h; issue 15, F1 and F5).  */
static bool
sound_text (const char *s)
{
  size_t n = s ? strlen (s) : 0;
  if (text_find_unsafe (s, n, true, NULL) < n)
    return false;
  for (size_t i = 0; i < n;)
    {
      unsigned wc;
      size_t w = text_decode (s + i, n - i, &wc);
      if (wc == 0xFFFD && strncmp (s + i, "\xEF\xBF\xBD", 3) != 0)
        return false;
      i += w;
    }
  return s != NULL;
}

bool
sound_id (const char *s)
{
  size_t n = s ? strlen (s) : 0;
  return n >= 1 && n <= 64
         && strspn (s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

static bool
sound_strs (const char *const *v, size_t n)
{
  bool ok = n == 0 || v != NULL;
  for (size_t i = 0; ok && i < n; i++)
    ok = sound_text (v[i]);
  return ok;
}

/* Citations of sections of P, under those sections' own ids (a
   section of an unavailable document cannot be reached:
   content_cite_section).  */
static bool
sound_cites (const struct content_pack *p, const struct content_cite *c,
             size_t n)
{
  bool ok = n == 0 || c != NULL;
  for (size_t i = 0; ok && i < n; i++)
    {
      const struct content_section *s = c[i].section;
      ok = false;
      for (size_t k = 0; s && k < p->n_docs; k++)
        ok |= s->doc == p->docs[k] && s->index < s->doc->n_sections
              && s == &s->doc->sections[s->index];
      const struct content_section *r = content_cite_section (&c[i]);
      ok = ok && same_str (c[i].doc_id, s->doc->id)
           && (r ? r == s && same_str (c[i].section_id, s->id)
                 : content_doc_unavailable (s->doc));
    }
  return ok;
}

static bool
sound_block (const struct content_block *b)
{
  if (b->kind == BLOCK_PARA)
    return sound_text (b->text) && b->n_items == 0;
  return (b->kind == BLOCK_BULLETS || b->kind == BLOCK_NUMBERED)
         && !b->text && sound_strs (b->items, b->n_items);
}

/* The items that cite S: decoded items of P, each once, each citing
   S in a claim or its sources.  */
static bool
sound_backrefs (const struct content_pack *p, const struct content_section *s)
{
  size_t n;
  const struct content_item *const *by = content_cited_by (s, &n);
  bool ok = n == 0 || by != NULL;
  for (size_t i = 0; ok && i < n; i++)
    {
      const struct content_item *it = by[i];
      bool cites = false, of_p = false;
      for (size_t k = 0; k < p->n_colls; k++)
        of_p |= it->coll == p->colls[k] && it->index < it->coll->n_items
                && it == &it->coll->items[it->index];
      for (size_t k = 0; of_p && k < it->n_claims; k++)
        for (size_t j = 0; j < it->claims[k].n_cites; j++)
          cites |= it->claims[k].cites[j].section == s;
      for (size_t j = 0; of_p && j < it->n_sources; j++)
        cites |= it->sources[j].section == s;
      ok = of_p && cites && (i == 0 || by[i - 1] != it);
    }
  return ok;
}

static bool
sound_doc (const struct content_pack *p, const struct content_document *d)
{
  size_t n;
  const struct content_section *secs = content_doc_sections (d, &n);
  bool ok = sound_id (d->id) && sound_text (d->title)
            && sound_text (d->source)
            && (!d->publisher || sound_text (d->publisher))
            && d->n_sections > 0 && d->sections;
  /* Unavailable (its part of the image is bad): it has no sections.  */
  if (content_doc_unavailable (d))
    return ok && !secs && n == 0;
  for (size_t j = 0; ok && j < n; j++)
    {
      const struct content_section *s = &secs[j];
      ok = sound_id (s->id) && sound_text (s->heading) && s->doc == d
           && s->index == j && (s->n_blocks == 0 || s->blocks);
      for (size_t k = 0; ok && k < s->n_blocks; k++)
        ok = sound_block (&s->blocks[k]);
      ok = ok && sound_backrefs (p, s);
    }
  return ok;
}

static bool
sound_attr (const struct content_attrdef *a)
{
  return sound_id (a->id) && sound_text (a->label)
         && (a->type == ATTR_TEXT || a->type == ATTR_LIST
             || a->type == ATTR_BOOL || a->type == ATTR_REFS)
         && (a->type == ATTR_REFS ? sound_id (a->ref_collection)
                                  : !a->ref_collection);
}

/* Value V of attribute A has the shape of A's type.  */
static bool
sound_value (const struct content_attrdef *a, const struct content_value *v)
{
  bool text = v->set && a->type == ATTR_TEXT;
  return (!v->boolean || (v->set && a->type == ATTR_BOOL))
         && (text ? sound_text (v->text) : !v->text)
         && (v->n_list == 0
             || (v->set && (a->type == ATTR_LIST || a->type == ATTR_REFS)))
         && sound_strs (v->list, v->n_list);
}

/* Links of item IT of C to items of P, of a collection of the id P
   names independent, under those items' own ids (an item of an
   unavailable collection cannot be reached: content_link_item); none
   from an untraced collection.  */
static bool
sound_links (const struct content_pack *p,
             const struct content_collection *c,
             const struct content_item *it)
{
  const struct content_link *l = it->independent;
  size_t n = it->n_independent;
  bool ok = n == 0 || (l != NULL && !c->untraced && p->independent);
  for (size_t i = 0; ok && i < n; i++)
    {
      const struct content_item *t = content_link_item (it, i);
      const struct content_collection *ind
        = p->independent ? content_collection (p, p->independent) : NULL;
      ok = false;
      for (size_t k = 0; t && k < p->n_colls; k++)
        ok |= t->coll == p->colls[k] && t->index < t->coll->n_items
              && t == &t->coll->items[t->index];
      ok = t ? ok && same_str (t->coll->id, p->independent)
               && same_str (l[i].id, t->id) && t == l[i].item
             : ind && content_coll_unavailable (ind);
    }
  return ok;
}

static bool
sound_item (const struct content_pack *p, const struct content_collection *c,
            const struct content_item *items, size_t i)
{
  const struct content_item *it = &items[i];
  bool ok = sound_id (it->id) && sound_text (it->name)
            && sound_text (it->summary) && it->coll == c && it->index == i
            && it->values && (it->n_claims == 0 || it->claims)
            && sound_cites (p, it->sources, it->n_sources)
            && sound_links (p, c, it);
  for (size_t k = 0; ok && k < c->n_attrs; k++)
    ok = sound_value (&c->attrs[k], &it->values[k]);
  for (size_t k = 0; ok && k < it->n_claims; k++)
    ok = sound_text (it->claims[k].text)
         && sound_cites (p, it->claims[k].cites, it->claims[k].n_cites);
  return ok;
}

static bool
sound_coll (const struct content_pack *p, const struct content_collection *c)
{
  size_t n;
  const struct content_item *items = content_coll_items (c, &n);
  bool ok = sound_id (c->id) && sound_text (c->title)
            && (!c->intro || sound_text (c->intro))
            && sound_strs (c->related, c->n_related)
            && (c->n_attrs == 0 || c->attrs)
            && (c->n_items == 0 || c->items);
  for (size_t k = 0; ok && k < c->n_attrs; k++)
    ok = sound_attr (&c->attrs[k]);
  /* Unavailable (its part of the image is bad): it has no items.  */
  if (content_coll_unavailable (c))
    return ok && !items && n == 0;
  for (size_t k = 0; ok && k < n; k++)
    ok = sound_item (p, c, items, k);
  return ok;
}

bool
pack_sound (const struct content_pack *p)
{
  bool ok = sound_text (p->title) && sound_text (p->reviewed)
            && sound_text (p->disclaimer)
            && sound_strs (p->about, p->n_about)
            && sound_strs (p->menu, p->n_menu)
            && (!p->glossary || sound_id (p->glossary))
            && (!p->glossary_also || sound_id (p->glossary_also))
            && (!p->independent || sound_id (p->independent));
  for (size_t i = 0; ok && i < p->n_docs; i++)
    ok = sound_doc (p, p->docs[i]);
  for (size_t i = 0; ok && i < p->n_colls; i++)
    ok = sound_coll (p, p->colls[i]);
  for (size_t i = 0; ok && i < p->n_comps; i++)
    {
      const struct content_comparison *m = p->comps[i];
      ok = sound_id (m->id) && sound_text (m->title)
           && sound_id (m->collection)
           && sound_strs (m->columns, m->n_columns);
    }
  return ok;
}

/* Load the LEN bytes of IMG and, when the pack is sound, show every
   page of it.  */
enum verdict
try_image (const unsigned char *img, size_t len)
{
  struct content_pack *p = packfile_decode (img, len, HASH);
  enum verdict v = !p ? REFUSED : pack_sound (p) ? SOUND : UNSOUND;
  if (v == SOUND)
    dump_pack (devnull, p, NULL, 40);
  /* A document whose records or strings are bad is decoded only when
     it is reached, and then shown unavailable: refused, in part.  */
  if (v == SOUND && decode_all (p))
    v = REFUSED;
  content_free (p);
  return v;
}

struct content_item *
item_of (struct content_pack *p, const char *coll, const char *id)
{
  struct content_item *it = (struct content_item *) content_item (p, coll,
                                                                   id);
  if (!it)
    exit (99);
  return it;
}
