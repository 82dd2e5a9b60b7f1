/* load_kinds.c - read a file of the pack by its kind: documents and
   the pack file here, collections in load_coll.c.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "load_kinds.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "load_coll.h"
#include "loadctx.h"
#include "vec.h"
#include "ytree.h"

/* One block: a mapping with exactly one of p, ul, ol.  */
static void
load_block (struct loadctx *lc, const struct ynode *n, struct content_block *b)
{
  if (n->type != YNODE_MAP)
    {
      lc_error (lc, n, _("a block must be a mapping with one key, 'p', 'ul' "
                         "or 'ol', not %s"), ytree_type_name (n->type));
      return;
    }
  if (n->n == 0)
    {
      lc_error (lc, n, "%s", _("an empty block: give it one key, 'p', 'ul' "
                               "or 'ol'"));
      return;
    }
  const char *key = n->kids[0]->str;
  bool known = true;
  for (size_t i = 0; i + 1 < n->n; i += 2)
    {
      const struct ynode *k = n->kids[i];
      if (strcmp (k->str, "p") && strcmp (k->str, "ul")
          && strcmp (k->str, "ol"))
        {
          lc_error (lc, k, _("unknown key '%s' in a block (expected 'p', "
                             "'ul' or 'ol')"), lc_show (lc, k->str));
          if (i == 0)
            known = false;
        }
      else if (i > 0)
        lc_error (lc, k, _("a second key '%s' in one block: start a new "
                           "block with '- '"), k->str);
    }
  /* The first key, when known, is read even beside a stray one.  */
  if (!known)
    return;
  if (strcmp (key, "p") == 0)
    {
      b->kind = BLOCK_PARA;
      b->text = lc_text (lc, n, "p");
    }
  else
    {
      b->kind = strcmp (key, "ul") == 0 ? BLOCK_BULLETS : BLOCK_NUMBERED;
      b->n_items = lc_texts (lc, lc_seq (lc, n, key), &b->items);
    }
}

static void
load_section (struct loadctx *lc, const struct ynode *n,
              struct content_section *s)
{
  static const char *const keys[] = { "id", "heading", "blocks", NULL };
  if (!lc_keys (lc, n, keys, keys))
    return;
  s->id = lc_defid (lc, n, "id");
  s->heading = lc_str (lc, n, "heading");
  const struct ynode *blocks = lc_seq (lc, n, "blocks");
  if (!blocks)
    return;
  s->blocks = lc_alloc (lc, blocks->n, sizeof *s->blocks);
  if (!s->blocks)
    return;
  for (size_t i = 0; i < blocks->n; i++)
    load_block (lc, blocks->kids[i], &s->blocks[i]);
  s->n_blocks = blocks->n;
}

static void
load_document (struct loadctx *lc, const struct ynode *root)
{
  static const char *const keys[] = { "kind", "id", "title", "publisher",
                                      "source", "sections", NULL };
  static const char *const req[] = { "kind", "id", "title", "source",
                                     "sections", NULL };
  struct content_pack *p = lc->pack;
  lc_keys (lc, root, keys, req);
  struct content_document *d = lc_alloc (lc, 1, sizeof *d);
  if (!d)
    return;
  d->id = lc_defid (lc, root, "id");
  if (!d->id)
    lc->unsure_docs = true;
  d->title = lc_str (lc, root, "title");
  d->source = lc_str (lc, root, "source");
  if (ytree_get (root, "publisher"))
    d->publisher = lc_str (lc, root, "publisher");
  const struct ynode *secs = lc_seq (lc, root, "sections");
  if (secs && secs->n == 0)
    lc_error (lc, secs, "%s", _("a document needs at least one section"));
  if (secs)
    {
      d->sections = lc_alloc (lc, secs->n, sizeof *d->sections);
      if (!d->sections)
        return;
      for (size_t i = 0; i < secs->n; i++)
        {
          d->sections[i].doc = d;
          d->sections[i].index = i;
          load_section (lc, secs->kids[i], &d->sections[i]);
        }
      d->n_sections = secs->n;
      lc_unique (lc, secs, _("section"));
      for (size_t i = 0; i < secs->n; i++)
        if (!d->sections[i].id)
          lc_unsure (lc, REF_UNSURE_SECTIONS, d->id);
    }
  else
    lc_unsure (lc, REF_UNSURE_SECTIONS, d->id);
  if (d->id)
    lc_ref (lc, REF_DEF_DOC, ytree_get (root, "id"), NULL, NULL);
  if (d->id && !VEC_ROOM (p->docs, p->n_docs, lc->cap_docs, 8))
    lc_error (lc, NULL, "%s", _("out of memory"));
  else if (d->id)
    p->docs[p->n_docs++] = d;
}

static void
load_comparison (struct loadctx *lc, const struct ynode *n)
{
  static const char *const keys[] = { "id", "title", "collection",
                                      "columns", NULL };
  struct content_pack *p = lc->pack;
  if (!lc_keys (lc, n, keys, keys))
    {
      lc->unsure_comps = true;
      return;
    }
  struct content_comparison *m = lc_alloc (lc, 1, sizeof *m);
  if (!m)
    return;
  m->id = lc_defid (lc, n, "id");
  if (!m->id)
    lc->unsure_comps = true;
  m->title = lc_str (lc, n, "title");
  m->collection = lc_id (lc, n, "collection");
  if (m->collection)
    lc_ref (lc, REF_COLLECTION, ytree_get (n, "collection"), NULL, NULL);
  const struct ynode *cols = lc_seq (lc, n, "columns");
  m->n_columns = lc_strings (lc, cols, &m->columns);
  for (size_t i = 0; m->collection && i < m->n_columns; i++)
    lc_ref (lc, REF_ATTR, cols->kids[i], m->collection, NULL);
  if (m->id)
    lc_ref (lc, REF_DEF_COMP, ytree_get (n, "id"), NULL, NULL);
  if (m->id && !VEC_ROOM (p->comps, p->n_comps, lc->cap_comps, 8))
    lc_error (lc, NULL, "%s", _("out of memory"));
  else if (m->id)
    p->comps[p->n_comps++] = m;
}

/* A YYYY-MM-DD date that is on the calendar.  */
static bool
date_valid (const char *s)
{
  static const char shape[] = "dddd-dd-dd";
  static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30,
                              31 };
  if (strlen (s) != sizeof shape - 1)
    return false;
  for (size_t i = 0; shape[i]; i++)
    if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
      return false;
  int y = atoi (s), m = atoi (s + 5), d = atoi (s + 8);
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]
         && !(m == 2 && d == 29 && !leap);
}

/* glossary: {collection: ID, also: ATTR}: the terms linked in text.  */
static void
load_glossary (struct loadctx *lc, const struct ynode *n)
{
  static const char *const keys[] = { "collection", "also", NULL };
  static const char *const req[] = { "collection", NULL };
  if (!n || !lc_keys (lc, n, keys, req))
    return;
  lc->pack->glossary = lc_id (lc, n, "collection");
  if (lc->pack->glossary)
    lc_ref (lc, REF_COLLECTION, ytree_get (n, "collection"), NULL, NULL);
  if (ytree_get (n, "also"))
    lc->pack->glossary_also = lc_id (lc, n, "also");
  if (lc->pack->glossary && lc->pack->glossary_also)
    lc_ref (lc, REF_ATTR, ytree_get (n, "also"), lc->pack->glossary, NULL);
}

static void
load_packinfo (struct loadctx *lc, const struct ynode *root)
{
  static const char *const keys[] = { "kind", "title", "reviewed",
                                      "disclaimer", "about", "menu",
                                      "comparisons", "glossary",
                                      "independent", NULL };
  static const char *const req[] = { "kind", "title", "reviewed",
                                     "disclaimer", "menu", NULL };
  struct content_pack *p = lc->pack;
  if (lc->pack_file)
    {
      const struct ynode *kind = ytree_get (root, "kind");
      lc_error (lc, kind, _("a second file of kind 'pack' (the first is %s): "
                            "a pack has one"), lc->pack_file);
      return;
    }
  lc->pack_file = lc->file;
  lc_keys (lc, root, keys, req);
  p->title = lc_str (lc, root, "title");
  p->reviewed = lc_str (lc, root, "reviewed");
  if (p->reviewed && !date_valid (p->reviewed))
    lc_error (lc, ytree_get (root, "reviewed"),
              _("'reviewed' must be a real date written YYYY-MM-DD"));
  p->disclaimer = lc_text (lc, root, "disclaimer");
  p->n_about = lc_texts (lc, lc_seq (lc, root, "about"), &p->about);
  const struct ynode *menu = lc_seq (lc, root, "menu");
  p->n_menu = lc_strings (lc, menu, &p->menu);
  for (size_t i = 0; i < p->n_menu; i++)
    lc_ref (lc, REF_MENU, menu->kids[i], NULL, NULL);
  load_glossary (lc, ytree_get (root, "glossary"));
  if (ytree_get (root, "independent"))
    {
      p->independent = lc_id (lc, root, "independent");
      if (p->independent)
        lc_ref (lc, REF_COLLECTION, ytree_get (root, "independent"), NULL,
                NULL);
      else
        lc->unsure_indep = true;
    }
  const struct ynode *comps = lc_seq (lc, root, "comparisons");
  if (!comps && ytree_get (root, "comparisons"))
    lc->unsure_comps = true;
  for (size_t i = 0; comps && i < comps->n; i++)
    load_comparison (lc, comps->kids[i]);
}

void
load_kind (struct loadctx *lc, const struct ynode *root)
{
  const struct ynode *kind = ytree_get (root, "kind");
  if (root->type != YNODE_MAP)
    lc_error (lc, root, _("expected a mapping with 'kind' at the top level, "
                          "found %s"), ytree_type_name (root->type));
  else if (!kind)
    lc_error (lc, root, _("missing required key 'kind' (pack, document or "
                          "collection)"));
  else if (kind->type != YNODE_SCALAR)
    lc_error (lc, kind, _("'kind' must be pack, document or collection, "
                          "not %s"), ytree_type_name (kind->type));
  else if (strcmp (kind->str, "document") == 0)
    {
      load_document (lc, root);
      return;
    }
  else if (strcmp (kind->str, "collection") == 0)
    {
      load_collection (lc, root);
      return;
    }
  else if (strcmp (kind->str, "pack") == 0)
    {
      load_packinfo (lc, root);
      return;
    }
  else
    lc_error (lc, kind, _("unknown kind '%s' (expected pack, document or "
                          "collection)"), lc_show (lc, kind->str));
  /* What this file defines is unknown: references to it cannot be
     checked.  */
  lc->n_unread++;
}
