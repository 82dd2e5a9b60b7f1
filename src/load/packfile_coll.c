/* packfile_coll.c - a compiled pack's collections and items
   (packfmt.h), trusting nothing in the image.  Loading reads each
   collection's own record and attributes, and passes over its items'
   records by the counts the record holds; the items themselves (their
   strings, values, claims) are decoded and checked when the collection
   is first reached (content_coll_items), which checks that they take
   exactly those records.  A collection found bad then
   is unavailable: it reads as having no items, and nothing of the bad
   records is shown.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "packfile_int.h"

#include <string.h>

/* N citations, the next of CITE: *OUT.  */
static size_t
pf_cites (struct pf *r, uint32_t n, struct content_cite **out)
{
  size_t first;
  n = (uint32_t) pf_span (r, PF_CITE, n, &first);
  *out = n ? &r->cites[first] : NULL;
  for (size_t i = 0; i < n; i++)
    {
      uint32_t sec = W (r->at[PF_CITE], first + i);
      if (sec >= r->count[PF_SEC])
        {
          r->ok = false;
          return 0;
        }
      /* Its document may be pending: the section's id is set when the
         citation is first followed (content_cite_section), not read
         now (a read of the text at random: 0.8 s at 1 GB).  */
      const struct content_section *s = pf_sec_doc (r, sec);
      r->cites[first + i] = (struct content_cite) { s->doc->id, NULL, s };
    }
  return n;
}

/* The value of attribute A: its shape must be A's type's.  */
static void
pf_value (struct pf *r, const unsigned char *rec,
          const struct content_attrdef *a, struct content_value *v)
{
  uint32_t flags = W (rec, 0);
  v->set = flags & PF_SET;
  v->boolean = flags & PF_TRUE;
  bool text = v->set && a->type == ATTR_TEXT;
  v->text = pf_str (r, W (rec, 1), text);
  v->n_list = pf_strs (r, W (rec, 2), false, &v->list);
  if (flags > (PF_SET | PF_TRUE) || (v->boolean && a->type != ATTR_BOOL)
      || (v->boolean && !v->set) || (v->text && !text)
      || (v->n_list && (!v->set || (a->type != ATTR_LIST
                                    && a->type != ATTR_REFS))))
    r->ok = false;
}

/* Decode item IT (the INDEX-th of C) from its record REC.  Its links
   were set at load (pf_colls_finish).  */
static void
pf_item (struct pf *r, const unsigned char *rec,
         const struct content_collection *c, size_t index,
         struct content_item *it)
{
  size_t first;
  it->id = pf_id (r, W (rec, 0), true);
  it->name = pf_str (r, W (rec, 1), true);
  if (it->name && strlen (it->name) > c->longest_name)
    r->ok = false;              /* a list was laid out for it */
  it->summary = pf_text (r, W (rec, 2), true);
  /* One value an attribute; never NULL, as in the loader.  */
  pf_span (r, PF_VALUE, (uint32_t) c->n_attrs, &first);
  it->values = &r->values[first];
  for (size_t i = 0; r->ok && i < c->n_attrs; i++)
    pf_value (r, pf_rec (r, PF_VALUE, first + i), &c->attrs[i],
              &it->values[i]);
  /* One sort key a language of the collection's, none NULL.  */
  pf_strs (r, (uint32_t) c->n_sort_langs, false, &it->sort);
  it->n_claims = pf_span (r, PF_CLAIM, W (rec, 3), &first);
  it->claims = it->n_claims ? &r->claims[first] : NULL;
  for (size_t i = 0; r->ok && i < it->n_claims; i++)
    {
      const unsigned char *cl = pf_rec (r, PF_CLAIM, first + i);
      it->claims[i].text = pf_text (r, W (cl, 0), true);
      it->claims[i].n_cites = pf_cites (r, W (cl, 1), &it->claims[i].cites);
    }
  it->n_sources = pf_cites (r, W (rec, 4), &it->sources);
  it->n_independent = pf_span (r, PF_LINK, W (rec, 5), &first);
  it->independent = it->n_independent ? &r->links[first] : NULL;
  if (it->n_independent && c->untraced)
    r->ok = false;
  it->index = index;
  it->coll = c;
}

static void
pf_attr (struct pf *r, const unsigned char *rec, struct content_attrdef *a)
{
  uint32_t type = W (rec, 2);
  a->id = pf_id (r, W (rec, 0), true);
  a->label = pf_str (r, W (rec, 1), true);
  a->type = (enum attr_type) type;
  a->ref_collection = pf_id (r, W (rec, 3), type == ATTR_REFS);
  if (type > ATTR_REFS || (type != ATTR_REFS && a->ref_collection))
    r->ok = false;
}

/* The tables whose records a collection's items take, in the order of
   their counts in its record (packfmt.h).  */
static const enum pf_table pf_item_tables[] =
  { PF_VALUE, PF_STRS, PF_CLAIM, PF_CITE, PF_LINK };

void
pf_collection (struct pf *r, size_t k, struct content_collection *c)
{
  const unsigned char *rec = pf_take (r, PF_COLL);
  size_t first;
  if (!rec)
    return;
  c->id = pf_id (r, W (rec, 0), true);
  c->title = pf_str (r, W (rec, 1), true);
  c->intro = pf_text (r, W (rec, 2), false);
  c->untraced = W (rec, 3) == 1;
  if (W (rec, 3) > 1)
    r->ok = false;
  c->n_related = pf_strs (r, W (rec, 4), false, &c->related);
  c->n_sort_langs = pf_strs (r, W (rec, 7), false, &c->sort_langs);
  c->n_attrs = pf_span (r, PF_ATTR, W (rec, 5), &first);
  c->attrs = c->n_attrs ? &r->attrs[first] : NULL;
  for (size_t i = 0; i < c->n_attrs; i++)
    pf_attr (r, pf_rec (r, PF_ATTR, first + i), &c->attrs[i]);
  c->n_items = pf_span (r, PF_ITEM, W (rec, 6), &first);
  c->items = c->n_items ? &r->items[first] : NULL;
  memcpy (r->coll_from[k], r->next, sizeof r->next);
  c->longest_name = W (rec, 8);
  if (c->longest_name > PF_MAX_STRING || (c->n_items && !c->longest_name))
    r->ok = false;
  for (size_t t = 0; t < sizeof pf_item_tables / sizeof *pf_item_tables;
       t++)
    pf_span (r, pf_item_tables[t], W (rec, 9 + t), &first);
  memcpy (r->coll_to[k], r->next, sizeof r->next);
  c->state = CONTENT_PENDING;
  c->decoder = r->dec;
}

bool
pf_coll_decode (void *ctx, struct content_collection *c)
{
  struct pf r = *(const struct pf *) ctx;
  size_t k = (size_t) (c - r.colls);
  size_t first = c->items ? (size_t) (c->items - r.items) : 0;
  memcpy (r.next, r.coll_from[k], sizeof r.next);
  /* No further than its own records, whatever the counts say now.  */
  for (size_t t = 0; t < sizeof pf_item_tables / sizeof *pf_item_tables;
       t++)
    r.count[pf_item_tables[t]] = r.coll_to[k][pf_item_tables[t]];
  for (size_t i = 0; r.ok && i < c->n_items; i++)
    pf_item (&r, pf_rec (&r, PF_ITEM, first + i), c, i, &c->items[i]);
  for (size_t t = 0; t < sizeof pf_item_tables / sizeof *pf_item_tables;
       t++)
    r.ok = r.ok && r.next[pf_item_tables[t]] == r.count[pf_item_tables[t]];
  return r.ok;
}

/* The collection the pack names independent, or NULL.  */
static const struct content_collection *
pf_independent (const struct pf *r)
{
  const char *ind = r->pack->independent;
  for (size_t i = 0; ind && i < r->count[PF_COLL]; i++)
    if (r->colls[i].id && strcmp (r->colls[i].id, ind) == 0)
      return &r->colls[i];
  return NULL;
}

/* Every link, to an item of the collection the pack names independent,
   by the item's index in ITEM: its id read from the item's record (the
   item is decoded when the link is followed, content_link_item).  */
static void
pf_links (struct pf *r)
{
  const struct content_collection *ind = pf_independent (r);
  size_t lo = ind && ind->items ? (size_t) (ind->items - r->items) : 0;
  size_t hi = ind ? lo + ind->n_items : 0;
  for (size_t i = 0; r->ok && i < r->count[PF_LINK]; i++)
    {
      uint32_t ix = W (r->at[PF_LINK], i);
      if (ix < lo || ix >= hi)
        {
          r->ok = false;
          return;
        }
      r->links[i] = (struct content_link) {
        pf_id (r, W (pf_rec (r, PF_ITEM, ix), 0), true), &r->items[ix] };
    }
}

bool
pf_colls_finish (struct pf *r)
{
  pf_links (r);
  return r->ok;
}

struct content_collection *
pf_item_coll (void *ctx, const struct content_item *it)
{
  const struct pf *r = ctx;
  if (it < r->items || it >= r->items + r->count[PF_ITEM])
    return NULL;
  /* The last collection whose items begin at or before IT: where
     ITEM stood after its items were taken, less their number, rises
     with the collections (an empty one begins where the next does).  */
  size_t ix = (size_t) (it - r->items), lo = 0, hi = r->count[PF_COLL];
  while (hi - lo > 1)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (r->coll_from[mid][PF_ITEM] - r->colls[mid].n_items <= ix)
        lo = mid;
      else
        hi = mid;
    }
  struct content_collection *c = &r->colls[lo];
  size_t start = r->coll_from[lo][PF_ITEM] - c->n_items;
  return ix >= start && ix < start + c->n_items ? c : NULL;
}

const char *
pf_item_str (void *ctx, const struct content_collection *c, size_t i,
             int field)
{
  struct pf *r = ctx;
  if (!c->items || i >= c->n_items)
    return NULL;
  /* The kept reader is sound: what a bad name does to it is undone.  */
  bool ok = r->ok;
  uint32_t unsafe = r->unsafe;
  size_t ix = (size_t) (c->items - r->items) + i;
  uint32_t ref = W (pf_rec (r, PF_ITEM, ix), field ? 1 : 0);
  const char *s = field ? pf_str (r, ref, true) : pf_id (r, ref, true);
  bool good = r->ok && (!field || strlen (s) <= c->longest_name);
  r->ok = ok;
  r->unsafe = unsafe;
  return good ? s : NULL;
}
