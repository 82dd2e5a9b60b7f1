/* load_refs.c - the loader's second pass: once every file is read,
   check every cross-reference (citations, item references, collections,
   attributes) and report what is defined twice.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "load_refs.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "i18n.h"
#include "loadctx.h"

static void ref_error (struct loadctx *lc, const struct loadref *r,
                       const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

static void
ref_error (struct loadctx *lc, const struct loadref *r, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  diag_vadd (lc->diags, r->file, r->line, r->col, fmt, ap);
  va_end (ap);
  lc->n_errors++;
}

static bool is_unsure (const struct hash_table *unsure, enum ref_kind kind,
                       const char *id);

/* Resolve "document#section".  */
static void
ref_cite (struct loadctx *lc, const struct loadref *r,
          const struct hash_table *unsure)
{
  const struct content_pack *p = lc->pack;
  const char *hash = strchr (r->value, '#');
  if (!hash || hash == r->value || !hash[1])
    {
      ref_error (lc, r, _("citation '%s' is not document#section"),
                 lc_show (lc, r->value));
      return;
    }
  char *doc = arena_strndup (&lc->pack->arena, r->value,
                             (size_t) (hash - r->value));
  if (!doc)
    {
      ref_error (lc, r, "%s", _("out of memory"));
      return;
    }
  r->cite->doc_id = doc;
  r->cite->section_id = hash + 1;
  if (!content_document (p, doc))
    {
      if (!lc->unsure_docs)
        ref_error (lc, r, _("citation names a missing document '%s'"),
                   lc_show (lc, doc));
    }
  else if (!(r->cite->section = content_section (p, doc, hash + 1))
           && !is_unsure (unsure, REF_UNSURE_SECTIONS, doc))
    ref_error (lc, r, _("document '%s' has no section '%s'"),
               lc_show (lc, doc), lc_show (lc, hash + 1));
}

/* The attributes of every collection, by "collection\037attribute".  */
static bool
attr_index (struct loadctx *lc, struct hash_table *set)
{
  const struct content_pack *p = lc->pack;
  size_t n = 0;
  for (size_t i = 0; i < p->n_colls; i++)
    n += p->colls[i]->n_attrs;
  if (!hash_init (set, n))
    return false;
  for (size_t i = 0; i < p->n_colls; i++)
    for (size_t j = 0; j < p->colls[i]->n_attrs; j++)
      {
        char *key = NULL;
        if (asprintf (&key, "%s\037%s", p->colls[i]->id,
                      p->colls[i]->attrs[j].id) < 0)
          return false;
        char *k = arena_strdup (&lc->pack->arena, key);
        free (key);
        if (!k)
          return false;
        if (hash_put_str (set, k, j) == HASH_NONE)
          return false;
      }
  return true;
}

/* Whether what KIND says of ID was noted by lc_unsure.  */
static bool
is_unsure (const struct hash_table *unsure, enum ref_kind kind, const char *id)
{
  char *key = NULL;
  if (asprintf (&key, "%d\037%s", (int) kind, id) < 0)
    return false;
  bool found = hash_get_str (unsure, key) != HASH_NONE;
  free (key);
  return found;
}

/* The links to what independent bodies say (REF_INDEP_LIST, REF_INDEP,
   REF_INDEP_NONE): the pack file names their collection, or none.  */
static void
ref_indep (struct loadctx *lc, const struct loadref *r,
           const struct hash_table *unsure)
{
  const struct content_pack *p = lc->pack;
  const char *ind = p->independent;
  if (lc->unsure_indep || !lc->pack_file)
    return;
  if (r->kind == REF_INDEP_LIST && !ind)
    ref_error (lc, r, _("'independent' names items of the collection of "
                        "what independent bodies say, but %s names no "
                        "such collection: add 'independent: COLLECTION' "
                        "to it"), lc->pack_file);
  else if (r->kind == REF_INDEP_LIST && r->n_links == 0)
    ref_error (lc, r, _("item '%s' has an empty 'independent' list: add "
                        "the id of at least one item of collection '%s' "
                        "that concerns it"),
               lc_show (lc, r->value), lc_show (lc, ind));
  else if (r->kind == REF_INDEP_NONE && ind
           && strcmp (r->scope, ind) != 0
           && !(p->glossary && strcmp (r->scope, p->glossary) == 0))
    ref_error (lc, r, _("item '%s' has no 'independent' list: add "
                        "'independent: [ID, ...]' with the ids of the "
                        "items of collection '%s' that concern it"),
               lc_show (lc, r->value), lc_show (lc, ind));
  else if (r->kind == REF_INDEP && ind && content_collection (p, ind)
           && !is_unsure (unsure, REF_UNSURE_ITEMS, ind)
           && !(r->link->item = content_item (p, ind, r->value)))
    ref_error (lc, r, _("'independent' names '%s', but collection '%s' "
                        "has no such item"), lc_show (lc, r->value),
               lc_show (lc, ind));
}

static void
ref_check (struct loadctx *lc, const struct loadref *r,
           const struct hash_table *attrs, const struct hash_table *unsure)
{
  const struct content_pack *p = lc->pack;
  char *key = NULL;
  switch (r->kind)
    {
    case REF_CITE:
      ref_cite (lc, r, unsure);
      break;
    case REF_ITEM:
      if (r->scope && content_collection (p, r->scope)
          && !is_unsure (unsure, REF_UNSURE_ITEMS, r->scope)
          && !content_item (p, r->scope, r->value))
        ref_error (lc, r, _("collection '%s' has no item '%s'"),
                   lc_show (lc, r->scope), lc_show (lc, r->value));
      break;
    case REF_COLLECTION:
      if (!lc->unsure_colls && !content_collection (p, r->value))
        ref_error (lc, r, _("no collection '%s'"), lc_show (lc, r->value));
      break;
    case REF_MENU:
      if (!lc->unsure_colls && !lc->unsure_comps
          && !content_collection (p, r->value)
          && !content_comparison (p, r->value))
        ref_error (lc, r, _("no collection or comparison '%s'"),
                   lc_show (lc, r->value));
      break;
    case REF_ATTR:
      if (!r->scope || !content_collection (p, r->scope)
          || is_unsure (unsure, REF_UNSURE_ATTRS, r->scope))
        break;
      if (asprintf (&key, "%s\037%s", r->scope, r->value) < 0)
        key = NULL;
      if (key && hash_get_str (attrs, key) == HASH_NONE)
        ref_error (lc, r, _("collection '%s' has no attribute '%s'"),
                   lc_show (lc, r->scope), lc_show (lc, r->value));
      free (key);
      break;
    case REF_INDEP_LIST:
    case REF_INDEP:
    case REF_INDEP_NONE:
      ref_indep (lc, r, unsure);
      break;
    case REF_SORT:
      if (lc->pack_file && (!p->glossary || strcmp (r->scope, p->glossary)))
        ref_error (lc, r, _("'sort' orders the glossary's list, and "
                            "collection '%s' is not the glossary that %s "
                            "names: remove it"), lc_show (lc, r->scope),
                   lc->pack_file);
      break;
    case REF_SORT_NONE:
      if (lc->pack_file && p->glossary && strcmp (r->scope, p->glossary) == 0)
        ref_error (lc, r, _("item '%s' has no sort key in %s, and other "
                            "items of collection '%s' have one: add it to "
                            "its 'sort'"), lc_show (lc, r->value), r->lang,
                   lc_show (lc, r->scope));
      break;
    default:
      break;
    }
}

static int
def_group (enum ref_kind k)
{
  return k == REF_DEF_COMP ? REF_DEF_COLL : (int) k;
}

static int
def_cmp (const void *a, const void *b)
{
  const struct loadref *x = *(struct loadref *const *) a;
  const struct loadref *y = *(struct loadref *const *) b;
  if (def_group (x->kind) != def_group (y->kind))
    return def_group (x->kind) < def_group (y->kind) ? -1 : 1;
  int c = strcmp (x->value, y->value);
  if (c)
    return c;
  return x < y ? -1 : x > y;
}

/* Report documents, collections or comparisons defined twice, and a
   collection and a comparison of one id (the menu names either).  */
static void
check_defs (struct loadctx *lc)
{
  struct loadref **v = malloc ((lc->n_refs + 1) * sizeof *v);
  size_t n = 0;
  if (!v)
    return;
  for (size_t i = 0; i < lc->n_refs; i++)
    if (lc->refs[i].kind >= REF_DEF_DOC && lc->refs[i].kind <= REF_DEF_COMP)
      v[n++] = &lc->refs[i];
  if (n)
    qsort (v, n, sizeof *v, def_cmp);
  for (size_t i = 1; i < n; i++)
    {
      const struct loadref *a = v[i - 1], *b = v[i];
      if (def_group (a->kind) != def_group (b->kind)
          || strcmp (a->value, b->value) != 0)
        continue;
      char *where = NULL;
      if (strcmp (a->file, b->file) == 0
          ? asprintf (&where, _("line %u"), a->line) < 0
          : asprintf (&where, "%s:%u", a->file, a->line) < 0)
        where = NULL;
      const char *id = lc_show (lc, b->value);
      if (b->kind == REF_DEF_DOC)
        ref_error (lc, b, _("duplicate document id '%s' (first at %s)"), id,
                   where ? where : "?");
      else if (a->kind == REF_DEF_COLL && b->kind == REF_DEF_COLL)
        ref_error (lc, b, _("duplicate collection id '%s' (first at %s)"),
                   id, where ? where : "?");
      else if (a->kind == REF_DEF_COMP && b->kind == REF_DEF_COMP)
        ref_error (lc, b, _("duplicate comparison id '%s' (first at %s)"),
                   id, where ? where : "?");
      else
        ref_error (lc, b, _("id '%s' names both a collection and a "
                            "comparison (the other at %s): the menu needs "
                            "distinct ids"), id, where ? where : "?");
      free (where);
    }
  free (v);
}

/* The notes of lc_unsure, as "KIND\037ID".  */
static bool
unsure_index (struct loadctx *lc, struct hash_table *set)
{
  for (size_t i = 0; i < lc->n_refs; i++)
    {
      const struct loadref *r = &lc->refs[i];
      if (r->kind < REF_UNSURE_SECTIONS || r->kind > REF_UNSURE_ATTRS)
        continue;
      char *key = NULL;
      if (asprintf (&key, "%d\037%s", (int) r->kind, r->value) < 0)
        return false;
      char *k = arena_strdup (&lc->pack->arena, key);
      free (key);
      if (!k || hash_put_str (set, k, 0) == HASH_NONE)
        return false;
    }
  return true;
}


void
load_refs_check (struct loadctx *lc)
{
  struct hash_table attrs = { 0 }, unsure = { 0 };
  if (!attr_index (lc, &attrs) || !unsure_index (lc, &unsure))
    lc_error (lc, NULL, "%s", _("out of memory"));
  else
    {
      check_defs (lc);
      /* With a file unread, a reference may name what it holds.  */
      for (size_t i = 0; lc->n_unread == 0 && i < lc->n_refs; i++)
        ref_check (lc, &lc->refs[i], &attrs, &unsure);
    }
  hash_free (&attrs);
  hash_free (&unsure);
}
