/* view_coll.c - a collection's list and an item's page.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "view.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "vec.h"

/* Join the N strings of V with SEP, in PG's arena.  */
static const char *
join (struct page *pg, const char *const *v, size_t n, const char *sep)
{
  size_t len = 1;
  for (size_t i = 0; i < n; i++)
    len += strlen (v[i]) + strlen (sep);
  char *s = arena_alloc (&pg->arena, len);
  if (!s)
    {
      pg->ok = false;
      return "";
    }
  char *p = s;
  for (size_t i = 0; i < n; i++)
    p = stpcpy (i ? stpcpy (p, sep) : p, v[i]);
  return s;
}

/* The strings of list value V, translated, each once (as
   view_gloss_same_form compares them) and leaving out those that
   HEADWORD already shows (NULL: none), joined; NULL when none is left.
   Two forms that differ in English can be one in translation ("MSC",
   "MSCs": MSC), and a form can be the headword's own name.  */
static const char *
list_text (struct page *pg, const struct content_value *v,
           const char *headword)
{
  const char **keep = arena_array (&pg->arena, v->n_list + 1, sizeof *keep);
  size_t k = 0;
  if (!keep)
    {
      pg->ok = false;
      return "";
    }
  for (size_t i = 0; i < v->n_list; i++)
    {
      const char *f = C_ (v->list[i]);
      bool dup = headword && view_gloss_headword_form (headword, f);
      for (size_t j = 0; j < k && !dup; j++)
        dup = view_gloss_same_form (keep[j], f);
      if (!dup)
        keep[k++] = f;
    }
  if (k == 0)
    return NULL;
  /* TRANSLATORS: the separator between the parts of a list value.  */
  return join (pg, keep, k, _("; "));
}

/* Is A the glossary's attribute of other forms of a term, in C?  */
static bool
is_gloss_also (const struct content_pack *p,
               const struct content_collection *c,
               const struct content_attrdef *a)
{
  return p->glossary && p->glossary_also && strcmp (c->id, p->glossary) == 0
         && strcmp (a->id, p->glossary_also) == 0;
}

const char *
view_value_text (struct page *pg, const struct view_ctx *ctx,
                 const struct content_attrdef *a,
                 const struct content_value *v)
{
  if (!v || !v->set)
    return NULL;
  switch (a->type)
    {
    case ATTR_TEXT:
      return C_ (v->text);
    case ATTR_BOOL:
      return v->boolean ? _("Yes") : _("No");
    case ATTR_LIST:
      {
        const char *t = list_text (pg, v, NULL);
        return t ? t : "";
      }
    case ATTR_REFS:
      {
        const char **names = arena_array (&pg->arena, v->n_list + 1,
                                          sizeof *names);
        if (!names)
          return "";
        for (size_t i = 0; i < v->n_list; i++)
          {
            const struct content_item *it
              = content_item (ctx->pack, a->ref_collection, v->list[i]);
            names[i] = it ? C_ (it->name) : v->list[i];
          }
        return join (pg, names, v->n_list, _("; "));
      }
    }
  return NULL;
}

/* An item of a list in the order it is shown: its sort key in the
   current language (NULL: none), its name as shown, and its index in
   its collection; the first bytes of the key and of the name with
   small letters (prefix8), which decide most comparisons without a
   call.  */
struct listed
{
  const char *key;
  const char *name;
  size_t index;
  uint64_t key8, name8;
};

/* The first eight bytes of S, ASCII capitals as small letters when
   FOLD, as a big-endian number: two of them are ordered as strcmp
   (FOLD: ascii_casecmp) orders the strings, when they differ.  */
static uint64_t
prefix8 (const char *s, bool fold)
{
  uint64_t k = 0;
  size_t i = 0;
  for (; i < 8 && s[i]; i++)
    {
      unsigned char x = (unsigned char) s[i];
      k = k << 8 | (fold && x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x);
    }
  return i ? k << (8 * (8 - i)) : 0;
}

/* -1, 0 or 1 as A is below, equal to or above B.  */
static int
cmp_u64 (uint64_t a, uint64_t b)
{
  return (a > b) - (a < b);
}

/* A and B compared with ASCII capitals as small letters, whatever the
   locale.  */
static int
ascii_casecmp (const char *a, const char *b)
{
  for (;; a++, b++)
    {
      unsigned char x = (unsigned char) *a, y = (unsigned char) *b;
      x = x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x;
      y = y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y;
      if (x != y || x == '\0')
        return x - y;
    }
}

/* The glossary's order: by sort key (pinyin in Chinese), then by name
   ignoring the case of Latin letters, then as in the pack.  */
static int
listed_cmp (const void *pa, const void *pb)
{
  const struct listed *a = pa, *b = pb;
  int d = 0;
  if (a->key && b->key && (d = cmp_u64 (a->key8, b->key8)) == 0)
    d = strcmp (a->key, b->key);
  if (d == 0 && (d = cmp_u64 (a->name8, b->name8)) == 0)
    d = ascii_casecmp (a->name, b->name);
  if (d == 0)
    d = strcmp (a->name, b->name);
  return d ? d : (a->index > b->index) - (a->index < b->index);
}

/* Whether C's items have sort keys in the language shown.  */
static bool
coll_keyed (const struct content_collection *c)
{
  for (size_t i = 0; i < c->n_sort_langs; i++)
    if (strcmp (c->sort_langs[i], i18n_language ()) == 0)
      return true;
  return false;
}

/* The items of glossary C in the order of listed_cmp: without their
   sort keys in the language shown (English), by the names alone, which
   are read without decoding the items.
   @retval NULL when out of memory (PG->ok false), or when a name could
   not be read or the items decoded.  */
static struct listed *
coll_order (struct page *pg, const struct content_collection *c)
{
  size_t n = c->n_items;
  const struct content_item *items = NULL;
  if (coll_keyed (c) && !(items = content_coll_items (c, &n))
      && content_coll_unavailable (c))
    return NULL;
  struct listed *v = arena_array (&pg->arena, n + 1, sizeof *v);
  if (!v)
    {
      pg->ok = false;
      return NULL;
    }
  for (size_t i = 0; i < n; i++)
    {
      const char *key = items ? content_sort_key (&items[i],
                                                  i18n_language ()) : NULL;
      const char *name = items ? items[i].name
                               : content_coll_item_name (c, i);
      if (!name)
        return NULL;
      name = C_ (name);
      v[i] = (struct listed) { key, name, i, key ? prefix8 (key, false) : 0,
                               prefix8 (name, true) };
    }
  qsort (v, n, sizeof *v, listed_cmp);
  return v;
}

/* The bytes of an allocation of locations (arena_alloc clears what it
   gives: a larger block costs more instructions a byte), and the room
   kept after each location for a whole copy of "item:COLL/".  */
#define LOC_CHUNK 2048
#define LOC_HEAD 16

/* The name of item I of collection CTX, a list's link read when it is
   first shown (page.h).  A name found bad only then is a replacement
   character: the item's page says that the list's part of the pack is
   damaged.  */
static const char *
coll_lazy_text (const void *ctx, size_t i)
{
  const char *name = content_coll_item_name (ctx, i);
  return name ? C_ (name) : "\xEF\xBF\xBD";
}

/* In the full-screen navigator, the links of a list in the pack's
   order, appended with no text: each item's name is read when its
   line is first shown (issue 17: a thousand of them on a large pack,
   of which a screen shows twenty).  In English (the names as they
   are), they are laid out by the length of the longest, unread.  */
static bool
coll_lazy (struct page *pg, const struct content_collection *c)
{
  size_t n = c->n_items;
  if (!vec_reserve (&pg->blocks, &pg->cap, pg->n + n, sizeof *pg->blocks,
                    32))
    return pg->ok = false;
  pg->lazy_from = pg->n;
  pg->lazy_n = n;
  pg->lazy_max = i18n_content_as_is () ? content_coll_longest (c)
                                        : SIZE_MAX;
  pg->lazy_text = coll_lazy_text;
  pg->lazy_ctx = c;
  for (size_t i = 0; i < n; i++)
    pg->blocks[pg->n++] = (struct pblock) { .kind = PB_LINK };
  return true;
}

/* A link to each item of C, in the order of V (NULL: the pack's), to
   "item:COLL/ID" (COLL: C's id), appended at once: page_link's two
   copies and one growth a link were most of the Enter into a list of
   a thousand items (issue 17).  The names are not copied: they are the
   pack's (or its catalogue's) and outlive the page, which page_wipe
   needs not clear (they are no patient's).  In the full-screen
   navigator, a list in the pack's order has neither names nor
   locations until they are needed (coll_lazy; view_link_target makes
   the one opened).  */
static bool
coll_links (struct page *pg, const struct view_ctx *ctx,
            const struct content_collection *c, const struct listed *v)
{
  /* The names and ids alone: the items are decoded when one is opened
     (content_coll_item_name), not for their list.  */
  size_t n = c->n_items, pre = strlen ("item:") + strlen (c->id) + 1;
  size_t left = 0;              /* bytes free at LOC */
  size_t start = pg->n;
  char *head = NULL, *loc = NULL;
  if (ctx->mode == VIEW_TUI && !v)
    return coll_lazy (pg, c);
  if (!(head = arena_alloc (&pg->arena, pre + LOC_HEAD))
      || !vec_reserve (&pg->blocks, &pg->cap, pg->n + n,
                       sizeof *pg->blocks, 32))
    return pg->ok = false;
  stpcpy (stpcpy (stpcpy (head, "item:"), c->id), "/");
  for (size_t i = 0; i < n; i++)
    {
      const char *name = v ? v[i].name : content_coll_item_name (c, i);
      const char *id = content_coll_item_id (c, v ? v[i].index : i);
      if (!name || !id)
        {
          pg->n = start;        /* a bad record: none of them */
          return false;
        }
      name = v ? name : C_ (name);
      pg->blocks[pg->n++] = (struct pblock) { .kind = PB_LINK,
                                              .text = name ? name : "" };
      size_t len = strlen (id), need = pre + len + 1 + LOC_HEAD;
      if (need > left)
        {
          left = need > LOC_CHUNK ? need : LOC_CHUNK;
          if (!(loc = arena_alloc (&pg->arena, left)))
            return pg->ok = false;
        }
      /* A short head as a whole LOC_HEAD bytes: a copy of known size
         needs no call; the id then writes over its end.  */
      if (pre <= LOC_HEAD)
        memcpy (loc, head, LOC_HEAD);
      else
        memcpy (loc, head, pre);
      memcpy (loc + pre, id, len + 1);
      pg->blocks[pg->n - 1].target = loc;
      loc += pre + len + 1;
      left -= pre + len + 1;
    }
  return true;
}

const char *
view_link_target (struct page *pg, size_t block)
{
  struct pblock *b = block < pg->n ? &pg->blocks[block] : NULL;
  if (!b || b->kind != PB_LINK || b->target)
    return b ? b->target : NULL;
  /* A list's link made by coll_lazy: item I of its collection, whose
     page says so if the collection is found damaged.  */
  const struct content_collection *c = pg->lazy_ctx;
  if (pg->lazy_text != coll_lazy_text || block < pg->lazy_from
      || block - pg->lazy_from >= pg->lazy_n)
    return NULL;
  const char *id = content_coll_item_id (c, block - pg->lazy_from);
  if (!id)
    return NULL;
  char loc[200];
  snprintf (loc, sizeof loc, "item:%s/%s", c->id, id);
  b->target = page_strdup (pg, loc);
  return b->target;
}

static bool
coll_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  const struct content_collection *c = content_collection (ctx->pack, arg);
  if (!c)
    return false;
  page_title (pg, C_ (c->title));
  if (c->intro)
    page_add (pg, PB_PARA, C_ (c->intro));
  const char *glossary = ctx->pack->glossary;
  const struct listed *v = NULL;
  /* A name that cannot be read: the items are decoded, to know
     whether the collection is whole (it is not).  */
  if (glossary && strcmp (c->id, glossary) == 0
      && content_coll_state (c) != CONTENT_UNAVAILABLE
      && !(v = coll_order (pg, c))
      && (!pg->ok || !content_coll_unavailable (c)))
    {
      pg->ok = false;
      return true;
    }
  /* A name or an id that cannot be read: the items are decoded, to
     know whether the collection is whole (it is not).  */
  if (content_coll_state (c) != CONTENT_UNAVAILABLE
      && !coll_links (pg, ctx, c, v) && pg->ok
      && !content_coll_unavailable (c))
    pg->ok = false;
  if (content_coll_state (c) == CONTENT_UNAVAILABLE)
    /* TRANSLATORS: "pinav-packc" is a command: keep it as it is.  */
    page_add (pg, PB_PARA, _("This list cannot be shown: its part of the "
                             "compiled pack (pack.bin) is damaged. Compile "
                             "the pack again with pinav-packc."));
  return true;
}

/* The attributes of IT: when REFS, those that are links, each under a
   heading; else the text ones, as "Label: value" (the page's lead, with
   the summary).  */
static void
item_attrs (struct page *pg, const struct view_ctx *ctx,
            const struct content_item *it, bool refs)
{
  const struct content_collection *c = it->coll;
  for (size_t i = 0; i < c->n_attrs; i++)
    {
      const struct content_attrdef *a = &c->attrs[i];
      const struct content_value *v = &it->values[i];
      if (!v->set || (a->type == ATTR_REFS) != refs)
        continue;
      if (a->type != ATTR_REFS)
        {
          /* A glossary term's other forms: those its name shows are
             left out, and the line too when none is left.  */
          const char *t = a->type == ATTR_LIST
                          && is_gloss_also (ctx->pack, c, a)
                          ? list_text (pg, v, C_ (it->name))
                          : view_value_text (pg, ctx, a, v);
          if (t)
            page_addf (pg, PB_PARA, _("%s: %s"), C_ (a->label), t);
          continue;
        }
      page_heading (pg, 2, C_ (a->label), NULL);
      for (size_t j = 0; j < v->n_list; j++)
        {
          const struct content_item *t
            = content_item (ctx->pack, a->ref_collection, v->list[j]);
          struct pblock *b = t ? page_link (pg, C_ (t->name), "") : NULL;
          if (b)
            b->target = view_item_location (pg, t);
        }
    }
}

static void
item_claims (struct page *pg, const struct view_ctx *ctx,
             const struct content_item *it)
{
  if (it->n_claims)
    page_heading (pg, 2, _("What the documents claim"), "claims");
  for (size_t i = 0; i < it->n_claims; i++)
    {
      const struct content_claim *cl = &it->claims[i];
      /* TRANSLATORS: a claim a document makes, in the editors' words
         ("Document 000 says ..."): not in quotation marks, which are kept
         for the document's own words inside it.  */
      page_addf (pg, PB_BULLET, _("Claim: %s"), C_ (cl->text));
      view_gloss_links (pg, ctx, C_ (cl->text));
      view_doc_mentions (pg, ctx, cl->text, cl);
      for (size_t j = 0; j < cl->n_cites; j++)
        view_cite_link (pg, &cl->cites[j]);
    }
  if (it->n_sources)
    page_heading (pg, 2, _("Where the documents say this"), "sources");
  for (size_t i = 0; i < it->n_sources; i++)
    view_cite_link (pg, &it->sources[i]);
}

void
view_related_links (struct page *pg, const struct view_ctx *ctx,
                    const struct content_collection *c, bool see_also)
{
  for (size_t i = 0; i < c->n_related; i++)
    {
      const struct content_collection *r
        = content_collection (ctx->pack, c->related[i]);
      char loc[200];
      struct pblock *b;
      if (!r)
        continue;
      snprintf (loc, sizeof loc, "coll:%s", r->id);
      if (see_also)
        /* TRANSLATORS: %s is a list's title, such as "Challenges".  */
        b = page_addf (pg, PB_LINK, _("See also: %s"), C_ (r->title));
      else
        b = page_add (pg, PB_LINK, C_ (r->title));
      if (b)
        b->target = page_strdup (pg, loc);
    }
}

static void
item_related (struct page *pg, const struct view_ctx *ctx,
              const struct content_item *it)
{
  if (it->coll->n_related)
    page_heading (pg, 2, _("See also"), "related");
  view_related_links (pg, ctx, it->coll, false);
}

/* What independent bodies say about IT: a link to each item it names,
   last on its page.  */
static void
item_independent (struct page *pg, const struct content_item *it)
{
  if (it->n_independent)
    /* TRANSLATORS: the heading of the links, at the end of a topic's
       page, to what regulators and other bodies independent of the
       documents say about it.  */
    page_heading (pg, 2, _("What independent bodies say"), "independent");
  for (size_t i = 0; i < it->n_independent; i++)
    {
      const struct content_item *t = content_link_item (it, i);
      struct pblock *b = t ? page_link (pg, C_ (t->name), "") : NULL;
      if (b)
        b->target = view_item_location (pg, t);
    }
}

static bool
item_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  char coll[80];
  size_t n = strcspn (arg, "/");
  if (n == 0 || n >= sizeof coll || arg[n] != '/')
    return false;
  memcpy (coll, arg, n);
  coll[n] = '\0';
  const struct content_item *it = content_item (ctx->pack, coll, arg + n + 1);
  const struct content_collection *c = it ? NULL
                                          : content_collection (ctx->pack, coll);
  if (c && content_coll_state (c) == CONTENT_UNAVAILABLE)
    {
      /* Its list showed it before its collection was found damaged.  */
      page_title (pg, C_ (c->title));
      /* TRANSLATORS: "pinav-packc" is a command: keep it as it is.  */
      page_add (pg, PB_PARA, _("This page cannot be shown: its part of the "
                               "compiled pack (pack.bin) is damaged. "
                               "Compile the pack again with pinav-packc."));
      return true;
    }
  if (!it)
    return false;
  page_title (pg, C_ (it->name));
  page_add (pg, PB_PARA, C_ (it->summary));
  item_attrs (pg, ctx, it, false);
  view_gloss_links (pg, ctx, C_ (it->summary));
  view_doc_mentions (pg, ctx, it->summary, NULL);
  for (size_t i = 0; i < it->coll->n_attrs; i++)
    if (it->coll->attrs[i].type == ATTR_TEXT && it->values[i].set)
      view_doc_mentions (pg, ctx, it->values[i].text, NULL);
  item_attrs (pg, ctx, it, true);
  item_claims (pg, ctx, it);
  item_related (pg, ctx, it);
  item_independent (pg, it);
  return true;
}

const struct view_ops view_coll_ops = { "coll:", coll_build };
const struct view_ops view_item_ops = { "item:", item_build };
