/* load_coll.c - read a file of kind collection: its attribute
   definitions, its items and their values, claims, sources and sort
   keys.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "load_coll.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "i18n.h"
#include "loadctx.h"
#include "vec.h"
#include "ytree.h"

/* What the items of the collection being read need of its attribute
   definitions.  */
struct attr_lookup
{
  struct hash_table ids;        /* attribute id -> index */
  bool *usable;                 /* per attribute: its type is known */
  bool unsure;                  /* some definition has no readable id, or
                                   the list is unreadable: an unknown
                                   attribute in an item may be meant */
  struct hash_table unknown;    /* attribute names used but not defined,
                                   -> index in UNK */
  struct unknown_attr
  {
    const struct ynode *first;  /* where it is first used */
    size_t uses;
  } *unk;
  size_t n_unk, cap_unk;
};

/* Note a use of an undefined attribute at K, to report once.  */
static void
note_unknown_attr (struct attr_lookup *look, const struct ynode *k)
{
  size_t ix = hash_get_str (&look->unknown, k->str);
  if (ix != HASH_NONE)
    {
      look->unk[ix].uses++;
      return;
    }
  if (!VEC_ROOM (look->unk, look->n_unk, look->cap_unk, 8))
    return;
  if (hash_put_str (&look->unknown, k->str, look->n_unk) != HASH_NONE)
    look->unk[look->n_unk++] = (struct unknown_attr) { k, 1 };
}

/* Report each undefined attribute once, where it is first used: a
   definition renamed or left out must not give one message an item.  */
static void
report_unknown_attrs (struct loadctx *lc, const struct content_collection *c,
                      const struct attr_lookup *look)
{
  for (size_t i = 0; i < look->n_unk; i++)
    {
      const struct ynode *k = look->unk[i].first;
      if (look->unk[i].uses == 1)
        lc_error (lc, k, _("unknown attribute '%s': collection '%s' does not "
                           "define it"), lc_show (lc, k->str),
                  lc_show (lc, c->id));
      else
        lc_error (lc, k, _("unknown attribute '%s': collection '%s' does not "
                           "define it (used by %zu items)"),
                  lc_show (lc, k->str), lc_show (lc, c->id),
                  look->unk[i].uses);
    }
}

/* Read one attribute definition.
   @retval whether its type is known, so values can be checked.  */
static bool
load_attrdef (struct loadctx *lc, const struct ynode *n,
              struct content_attrdef *a)
{
  static const char *const keys[] = { "id", "label", "type", "collection",
                                      NULL };
  static const char *const req[] = { "id", "label", "type", NULL };
  static const char *const types[] = { "text", "list", "bool", "refs" };
  if (!lc_keys (lc, n, keys, req))
    return false;
  a->id = lc_defid (lc, n, "id");
  a->label = lc_str (lc, n, "label");
  const char *type = lc_str (lc, n, "type");
  const struct ynode *coll = ytree_get (n, "collection");
  bool known = false;
  for (size_t i = 0; type && i < 4; i++)
    if (strcmp (type, types[i]) == 0)
      {
        a->type = (enum attr_type) i;
        known = true;
      }
  if (type && !known)
    lc_error (lc, ytree_get (n, "type"),
              _("unknown attribute type '%s' (expected text, list, bool "
                "or refs)"), lc_show (lc, type));
  if (!known)
    return false;
  if (a->type == ATTR_REFS && !coll)
    lc_error (lc, n, "%s", _("a refs attribute needs a 'collection': the "
                             "collection its values name"));
  else if (a->type != ATTR_REFS && coll)
    lc_error (lc, coll, "%s", _("only a refs attribute has a 'collection'"));
  if (coll && a->type == ATTR_REFS
      && (a->ref_collection = lc_id (lc, n, "collection")) != NULL)
    lc_ref (lc, REF_COLLECTION, coll, NULL, NULL);
  return true;
}

static size_t
load_cites (struct loadctx *lc, const struct ynode *seq,
            struct content_cite **out)
{
  if (!seq)
    return 0;
  if (seq->n == 0)
    lc_error (lc, seq, "%s", _("an empty list: at least one citation "
                               "(document#section) is needed"));
  *out = lc_alloc (lc, seq->n, sizeof **out);
  if (!*out)
    return 0;
  for (size_t i = 0; i < seq->n; i++)
    {
      const struct ynode *c = seq->kids[i];
      if (lc_type (lc, c, YNODE_SCALAR, NULL))
        lc_ref (lc, REF_CITE, c, NULL, &(*out)[i]);
    }
  return seq->n;
}

static void
load_claim (struct loadctx *lc, const struct ynode *n,
            struct content_claim *c)
{
  static const char *const keys[] = { "text", "cite", NULL };
  if (!lc_keys (lc, n, keys, keys))
    return;
  c->text = lc_text (lc, n, "text");
  c->n_cites = load_cites (lc, lc_seq (lc, n, "cite"), &c->cites);
}

static void
load_value (struct loadctx *lc, const struct content_attrdef *a,
            const struct ynode *n, struct content_value *v)
{
  const char *id = lc_show (lc, a->id);
  v->set = true;
  switch (a->type)
    {
    case ATTR_TEXT:
      if (n->type != YNODE_SCALAR)
        lc_error (lc, n, _("attribute '%s' must be a string, not %s"), id,
                  ytree_type_name (n->type));
      else
        lc_one_line (lc, n);  /* a table's cell */
      v->text = n->str;
      break;
    case ATTR_BOOL:
      if (n->type != YNODE_SCALAR)
        lc_error (lc, n, _("attribute '%s' must be true or false, not %s"),
                  id, ytree_type_name (n->type));
      else if (strcmp (n->str, "true") && strcmp (n->str, "false"))
        lc_error (lc, n, _("attribute '%s' must be true or false, not '%s'"),
                  id, lc_show (lc, n->str));
      else if (!n->plain)
        lc_error (lc, n, _("attribute '%s' must be true or false, without "
                           "quotes"), id);
      else
        v->boolean = n->str[0] == 't';
      break;
    case ATTR_LIST:
    case ATTR_REFS:
      if (n->type != YNODE_SEQ)
        {
          lc_error (lc, n, _("attribute '%s' must be a list, not %s"), id,
                    ytree_type_name (n->type));
          break;
        }
      v->n_list = lc_strings (lc, n, &v->list);
      for (size_t i = 0; a->type == ATTR_REFS && i < v->n_list; i++)
        lc_ref (lc, REF_ITEM, n->kids[i], a->ref_collection, NULL);
      break;
    }
}

static void
load_values (struct loadctx *lc, const struct content_collection *coll,
             struct attr_lookup *look, const struct ynode *attrs,
             struct content_item *it)
{
  it->values = lc_alloc (lc, coll->n_attrs, sizeof *it->values);
  if (!attrs || !it->values)
    return;
  for (size_t i = 0; i + 1 < attrs->n; i += 2)
    {
      const struct ynode *k = attrs->kids[i];
      size_t ix = hash_get_str (&look->ids, k->str);
      if (ix == HASH_NONE && !look->unsure)
        note_unknown_attr (look, k);
      else if (ix != HASH_NONE && look->usable[ix])
        load_value (lc, &coll->attrs[ix], attrs->kids[i + 1],
                    &it->values[ix]);
    }
}

/* The 'independent' list of item IT of collection COLL, in map N: the
   ids of items of the pack's independent collection, checked once the
   pack file is read (load_refs.c).  A topic item without one is noted
   there too: whether it needs one is known then.  */
static void
load_independent (struct loadctx *lc, const struct content_collection *coll,
                  const struct ynode *n, struct content_item *it)
{
  const struct ynode *v = ytree_get (n, "independent");
  if (!v)
    {
      if (!coll->untraced && it->id && coll->id)
        lc_ref_at (lc, REF_INDEP_NONE, n, it->id, coll->id);
      return;
    }
  if (coll->untraced)
    {
      lc_error (lc, v, _("'independent' is for topic items, and "
                         "collection '%s' is untraced: remove it"),
                lc_show (lc, coll->id));
      return;
    }
  const struct ynode *seq = lc_seq (lc, n, "independent");
  if (!seq)
    return;
  it->independent = lc_alloc (lc, seq->n, sizeof *it->independent);
  if (!it->independent)
    return;
  struct loadref *list = lc_ref_at (lc, REF_INDEP_LIST, seq,
                                    it->id ? it->id : "", coll->id);
  if (list)
    list->n_links = seq->n;
  for (size_t i = 0; i < seq->n; i++)
    {
      const struct ynode *e = seq->kids[i];
      struct loadref *r;
      if (!lc_type (lc, e, YNODE_SCALAR, NULL) || !lc_one_line (lc, e))
        continue;
      it->independent[i].id = e->str;
      for (size_t j = 0; j < i; j++)
        if (it->independent[j].id
            && strcmp (it->independent[j].id, e->str) == 0)
          {
            lc_error (lc, e, _("'%s' is already in this 'independent' "
                               "list: remove it"), lc_show (lc, e->str));
            break;
          }
      if ((r = lc_ref_at (lc, REF_INDEP, e, e->str, coll->id)) != NULL)
        r->link = &it->independent[i];
    }
  it->n_independent = seq->n;
}

/* Read one item.
   @retval whether it cites no document though it should.  */
static bool
load_item (struct loadctx *lc, const struct content_collection *coll,
           struct attr_lookup *look, const struct ynode *n,
           struct content_item *it)
{
  static const char *const keys[] = { "id", "name", "summary", "attrs",
                                      "claims", "sources", "independent",
                                      "sort", NULL };
  static const char *const req[] = { "id", "name", "summary", NULL };
  if (!lc_keys (lc, n, keys, req))
    return false;
  it->id = lc_defid (lc, n, "id");
  it->name = lc_str (lc, n, "name");
  it->summary = lc_text (lc, n, "summary");
  load_values (lc, coll, look, lc_value (lc, n, "attrs", YNODE_MAP), it);
  const struct ynode *claims = lc_seq (lc, n, "claims");
  if (claims)
    {
      it->claims = lc_alloc (lc, claims->n, sizeof *it->claims);
      for (size_t i = 0; it->claims && i < claims->n; i++)
        load_claim (lc, claims->kids[i], &it->claims[i]);
      it->n_claims = it->claims ? claims->n : 0;
    }
  const struct ynode *sources = ytree_get (n, "sources");
  it->n_sources = load_cites (lc, lc_seq (lc, n, "sources"), &it->sources);
  load_independent (lc, coll, n, it);
  /* A 'claims' that is no list, or any 'sources', was reported if
     wrong, and an item without an id is broken enough already: no
     second message for them.  */
  return !coll->untraced && it->id && it->n_claims == 0 && !sources
         && !(ytree_get (n, "claims") && !claims);
}

static void
load_attrdefs (struct loadctx *lc, const struct ynode *root,
               struct content_collection *c, struct attr_lookup *look)
{
  const struct ynode *defs = lc_seq (lc, root, "attributes");
  if (!defs && ytree_get (root, "attributes"))
    look->unsure = true;
  if (!defs)
    return;
  c->attrs = lc_alloc (lc, defs->n, sizeof *c->attrs);
  look->usable = calloc (defs->n ? defs->n : 1, sizeof *look->usable);
  if (!c->attrs || !look->usable || !hash_init (&look->ids, defs->n))
    {
      look->unsure = true;
      return;
    }
  for (size_t i = 0; i < defs->n; i++)
    {
      look->usable[i] = load_attrdef (lc, defs->kids[i], &c->attrs[i]);
      if (c->attrs[i].id)
        hash_put_str (&look->ids, c->attrs[i].id, i);
      else
        look->unsure = true;
    }
  c->n_attrs = defs->n;
  lc_unique (lc, defs, _("attribute"));
  for (size_t i = 0; i < c->n_attrs; i++)
    if (!c->attrs[i].id)
      c->attrs[i].id = "";
}

/* Report the items of ITEMS that cite no document: those marked in
   BARE, N_BARE of them (BARE is NULL when out of memory).  */
static void
report_bare (struct loadctx *lc, const struct content_collection *c,
             const struct ynode *items, const bool *bare, size_t n_bare)
{
  /* When no item cites a document, say it once: more likely the
     collection lacks 'untraced: true' than every item its cites.  */
  if ((n_bare >= 2 && n_bare == items->n) || (n_bare && !bare))
    lc_error (lc, items, _("no item of collection '%s' cites a document: "
                           "give them claims or sources, or set "
                           "'untraced: true'"), lc_show (lc, c->id));
  else
    for (size_t i = 0; bare && i < items->n; i++)
      if (bare[i])
        lc_error (lc, items->kids[i], _("item '%s' cites no document: "
                                        "give it claims or sources"),
                  lc_show (lc, c->items[i].id));
}

/* Is S a sort key: small Latin letters and digits, in words apart by
   single spaces?  */
static bool
sort_key_valid (const char *s)
{
  if (*s == '\0' || *s == ' ')
    return false;
  for (; *s; s++)
    if (*s == ' ' ? s[1] == ' ' || s[1] == '\0'
        : !((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
      return false;
  return true;
}

/* Add the languages of the 'sort' mapping M of an item to those of
   collection C, each once: a language the content is translated into
   (not English, whose order is the names').  */
static void
sort_langs_add (struct loadctx *lc, struct content_collection *c,
                const struct ynode *m, size_t *cap)
{
  for (size_t i = 0; i + 1 < m->n; i += 2)
    {
      const char *lang = m->kids[i]->str;
      bool known = false;
      if (strcmp (lang, "en") == 0)
        {
          lc_error (lc, m->kids[i], "%s", _("a sort key for 'en': the "
                                            "English list is in the order "
                                            "of the names: remove it"));
          continue;
        }
      if (!i18n_supported (lang))
        {
          lc_error (lc, m->kids[i], _("a sort key for '%s', a language the "
                                      "content is not translated into: "
                                      "remove it"), lc_show (lc, lang));
          continue;
        }
      for (size_t j = 0; j < c->n_sort_langs && !known; j++)
        known = strcmp (c->sort_langs[j], lang) == 0;
      if (known)
        continue;
      /* A mapping's key lives with the tree, not the pack: copied.  */
      if (!VEC_ROOM (c->sort_langs, c->n_sort_langs, *cap, 2)
          || !(lang = arena_strdup (&lc->pack->arena, lang)))
        lc_error (lc, NULL, "%s", _("out of memory"));
      else
        c->sort_langs[c->n_sort_langs++] = lang;
    }
}

/* The sort keys of item IT, whose node is N and 'sort' mapping M
   (NULL when it has none): one in each language of its collection.  */
static void
sort_keys_read (struct loadctx *lc, struct content_item *it,
                const struct ynode *n, const struct ynode *m)
{
  const struct content_collection *c = it->coll;
  /* A 'sort' that is no mapping was reported: not its keys too.  */
  if (!m && ytree_get (n, "sort"))
    return;
  if (!(it->sort = lc_alloc (lc, c->n_sort_langs, sizeof *it->sort)))
    return;
  for (size_t j = 0; j < c->n_sort_langs; j++)
    {
      const char *lang = c->sort_langs[j];
      const struct ynode *v = m ? ytree_get (m, lang) : NULL;
      struct loadref *r;
      if (!v && c->id
          && (r = lc_ref_at (lc, REF_SORT_NONE, m ? m : n,
                             it->id ? it->id : "", c->id)) != NULL)
        r->lang = lang;
      else if (!v)
        continue;
      else if (!lc_type (lc, v, YNODE_SCALAR, NULL) || !lc_one_line (lc, v))
        continue;
      else if (!sort_key_valid (v->str))
        lc_error (lc, v, _("sort key '%s' is not small Latin letters and "
                           "digits in words apart by single spaces (write "
                           "pinyin without tones)"), lc_show (lc, v->str));
      else
        it->sort[j] = v->str;
    }
}

/* The sort keys of the items of collection C (ITEMS, the list read):
   an item's 'sort' maps a language to its key, and once one item has a
   key in a language, every item must.  */
static void
load_sort_keys (struct loadctx *lc, struct content_collection *c,
                const struct ynode *items)
{
  const struct ynode **maps = calloc (items->n ? items->n : 1,
                                      sizeof *maps);
  const struct ynode *first = NULL;
  size_t cap = 0;
  if (!maps)
    {
      lc_error (lc, NULL, "%s", _("out of memory"));
      return;
    }
  for (size_t i = 0; i < items->n; i++)
    if (items->kids[i]->type == YNODE_MAP
        && (maps[i] = lc_value (lc, items->kids[i], "sort", YNODE_MAP)))
      {
        sort_langs_add (lc, c, maps[i], &cap);
        first = first ? first : maps[i];
      }
  if (first && c->id)
    lc_ref_at (lc, REF_SORT, first, c->id, c->id);
  /* The languages move into the pack's arena, as the model expects.  */
  const char **langs = c->sort_langs;
  c->sort_langs = c->n_sort_langs ? lc_alloc (lc, c->n_sort_langs,
                                              sizeof *langs) : NULL;
  if (c->sort_langs)
    memcpy (c->sort_langs, langs, c->n_sort_langs * sizeof *langs);
  else
    c->n_sort_langs = 0;
  free (langs);
  for (size_t i = 0; c->n_sort_langs && i < items->n; i++)
    if (items->kids[i]->type == YNODE_MAP)
      sort_keys_read (lc, &c->items[i], items->kids[i], maps[i]);
  free (maps);
}

/* Read ITEMS, the list of items of collection C (NULL when it has
   none that can be read).  */
static void
load_items (struct loadctx *lc, struct content_collection *c,
            struct attr_lookup *look, const struct ynode *items)
{
  if (!items)
    {
      lc_unsure (lc, REF_UNSURE_ITEMS, c->id);
      return;
    }
  c->items = lc_alloc (lc, items->n, sizeof *c->items);
  bool *bare = calloc (items->n ? items->n : 1, sizeof *bare);
  size_t n_bare = 0;
  for (size_t i = 0; c->items && i < items->n; i++)
    {
      c->items[i].coll = c;
      c->items[i].index = i;
      if (load_item (lc, c, look, items->kids[i], &c->items[i]))
        {
          n_bare++;
          if (bare)
            bare[i] = true;
        }
    }
  report_bare (lc, c, items, bare, n_bare);
  free (bare);
  if (c->items)
    load_sort_keys (lc, c, items);
  c->n_items = c->items ? items->n : 0;
  lc_unique (lc, items, _("item"));
  for (size_t i = 0; i < c->n_items; i++)
    if (!c->items[i].id)
      lc_unsure (lc, REF_UNSURE_ITEMS, c->id);
}

void
load_collection (struct loadctx *lc, const struct ynode *root)
{
  static const char *const keys[] = { "kind", "id", "title", "intro",
                                      "related", "untraced", "attributes",
                                      "items", NULL };
  static const char *const req[] = { "kind", "id", "title", "items", NULL };
  struct content_pack *p = lc->pack;
  lc_keys (lc, root, keys, req);
  struct content_collection *c = lc_alloc (lc, 1, sizeof *c);
  if (!c)
    return;
  c->id = lc_defid (lc, root, "id");
  if (!c->id)
    lc->unsure_colls = true;
  c->title = lc_str (lc, root, "title");
  if (ytree_get (root, "intro"))
    c->intro = lc_text (lc, root, "intro");
  const struct ynode *u = ytree_get (root, "untraced");
  if (u && (u->type != YNODE_SCALAR || !u->plain
            || (strcmp (u->str, "true") && strcmp (u->str, "false"))))
    lc_error (lc, u, "%s", _("'untraced' must be true or false"));
  /* A wrong 'untraced' was reported: not every item as well.  */
  c->untraced = u && (u->type != YNODE_SCALAR || strcmp (u->str, "false"));
  const struct ynode *rel = lc_seq (lc, root, "related");
  c->n_related = lc_strings (lc, rel, &c->related);
  for (size_t i = 0; i < c->n_related; i++)
    lc_ref (lc, REF_COLLECTION, rel->kids[i], NULL, NULL);
  struct attr_lookup look = { .unsure = false };
  load_attrdefs (lc, root, c, &look);
  load_items (lc, c, &look, lc_seq (lc, root, "items"));
  if (look.unsure)
    lc_unsure (lc, REF_UNSURE_ATTRS, c->id);
  report_unknown_attrs (lc, c, &look);
  hash_free (&look.ids);
  hash_free (&look.unknown);
  free (look.usable);
  free (look.unk);
  if (c->id)
    lc_ref (lc, REF_DEF_COLL, ytree_get (root, "id"), NULL, NULL);
  if (c->id && !VEC_ROOM (p->colls, p->n_colls, lc->cap_colls, 8))
    lc_error (lc, NULL, "%s", _("out of memory"));
  else if (c->id)
    p->colls[p->n_colls++] = c;
}
