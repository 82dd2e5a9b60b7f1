/* view_cmp.c - comparison tables, and two to four items, marked by
   the reader, side by side.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* Split "A/B/C" into at most MAX parts of at most 79 bytes.  */
static size_t
split (const char *arg, char parts[][80], size_t max)
{
  size_t n = 0;
  while (n < max)
    {
      size_t len = strcspn (arg, "/");
      if (len == 0 || len >= 80)
        return 0;
      memcpy (parts[n], arg, len);
      parts[n++][len] = '\0';
      if (!arg[len])
        return n;
      arg += len + 1;
    }
  return 0;
}

/* The comparison and its collection, or NULL.  */
static const struct content_collection *
cmp_lookup (const struct view_ctx *ctx, const char *id,
            const struct content_comparison **m)
{
  *m = content_comparison (ctx->pack, id);
  return *m ? content_collection (ctx->pack, (*m)->collection) : NULL;
}

static const struct content_value *
cmp_value (const struct content_collection *c, const struct content_item *it,
           const char *attr, const struct content_attrdef **a)
{
  int ix = content_attr_index (c, attr);
  if (ix < 0)
    return NULL;
  *a = &c->attrs[ix];
  return &it->values[ix];
}

static bool
cmp_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  const struct content_comparison *m;
  const struct content_collection *c = cmp_lookup (ctx, arg, &m);
  char loc[200];
  if (!c)
    return false;
  page_title (pg, C_ (m->title));
  snprintf (loc, sizeof loc, "pick:%s", m->id);
  page_link (pg, _("Choose two to four to see side by side"), loc);
  view_related_links (pg, ctx, c, true);
  size_t n;
  const struct content_item *items = content_coll_items (c, &n);
  struct ptable *t = page_table (pg, n + 1, m->n_columns + 1);
  if (!t)
    return true;
  page_cell (pg, t, 0, 0, _("Name"));
  for (size_t j = 0; j < m->n_columns; j++)
    {
      int ix = content_attr_index (c, m->columns[j]);
      page_cell (pg, t, 0, j + 1, ix < 0 ? "" : C_ (c->attrs[ix].label));
    }
  for (size_t i = 0; i < n; i++)
    {
      const struct content_item *it = &items[i];
      page_cell (pg, t, i + 1, 0, C_ (it->name));
      t->targets[i + 1] = view_item_location (pg, it);
      for (size_t j = 0; j < m->n_columns; j++)
        {
          const struct content_attrdef *a = NULL;
          const struct content_value *v = cmp_value (c, it, m->columns[j], &a);
          const char *s = v ? view_value_text (pg, ctx, a, v) : NULL;
          page_cell (pg, t, i + 1, j + 1, s ? s : _("Not stated"));
        }
    }
  return true;
}

#define CMP_MAX_COLL 512        /* items of a collection that can be
                                   marked; a larger one names nothing */

/* The items a pick: or pair: location names after the comparison.  */
struct cmp_sel
{
  const struct content_comparison *m;
  const struct content_collection *c;
  const struct content_item *items;     /* C's (content_coll_items) */
  size_t n_items;
  bool on[CMP_MAX_COLL];                /* per item of C: named */
  size_t n;                             /* how many are */
};

/* Read "CMP[/A[/B...]]" (at most VIEW_CMP_MAX_ITEMS items, each of
   the comparison's collection, none twice).  @retval false when it
   names anything else.  */
static bool
cmp_sel_read (struct cmp_sel *cs, const struct view_ctx *ctx,
              const char *arg)
{
  char parts[VIEW_CMP_MAX_ITEMS + 1][80];
  size_t n = split (arg, parts, VIEW_CMP_MAX_ITEMS + 1);
  memset (cs, 0, sizeof *cs);
  cs->c = n ? cmp_lookup (ctx, parts[0], &cs->m) : NULL;
  if (!cs->c)
    return false;
  cs->items = content_coll_items (cs->c, &cs->n_items);
  if (cs->n_items > sizeof cs->on / sizeof *cs->on)
    return false;
  for (size_t k = 1; k < n; k++)
    {
      const struct content_item *it = content_item (ctx->pack, cs->c->id,
                                                    parts[k]);
      if (!it || it->coll != cs->c || cs->on[it->index])
        return false;
      cs->on[it->index] = true;
      cs->n++;
    }
  return true;
}

/* "PREFIX:CMP/A/B..." for the items of CS, item I turned over (I out
   of range: none), in collection order, in PG's arena.  */
static const char *
cmp_sel_location (struct page *pg, const struct cmp_sel *cs,
                  const char *prefix, size_t flip)
{
  char loc[600];
  size_t len = (size_t) snprintf (loc, sizeof loc, "%s%s", prefix,
                                  cs->m->id);
  for (size_t i = 0; i < cs->n_items && len < sizeof loc; i++)
    if (cs->on[i] != (i == flip))
      len += (size_t) snprintf (loc + len, sizeof loc - len, "/%s",
                                cs->items[i].id);
  return len < sizeof loc ? page_strdup (pg, loc) : NULL;
}

/* Where choosing item I leads on the pick page: with two or more
   marked, to them side by side; with one, to it and I (when I is not
   it); else to the page with I marked or unmarked.  */
static const char *
pick_target (struct page *pg, const struct cmp_sel *cs, size_t i)
{
  if (cs->n >= 2 || (cs->n == 1 && !cs->on[i]))
    {
      struct cmp_sel two = *cs;
      if (cs->n == 1)
        two.on[i] = true;
      return cmp_sel_location (pg, &two, "pair:", (size_t) -1);
    }
  return cmp_sel_location (pg, cs, "pick:", i);
}

/* Item I of the pick page: a link that shows whether it is marked,
   "[x]" (not by colour alone) or, in plain mode, "(marked)".  */
static void
pick_item (struct page *pg, const struct view_ctx *ctx,
           const struct cmp_sel *cs, size_t i)
{
  const char *name = C_ (cs->items[i].name);
  bool on = cs->on[i];
  struct pblock *b;
  if (ctx->mode == VIEW_PLAIN)
    /* TRANSLATORS: plain mode, an item marked to be compared.  */
    b = on ? page_addf (pg, PB_LINK, _("%s (marked)"), name)
           : page_add (pg, PB_LINK, name);
  else
    /* TRANSLATORS: an item marked ([x]) or not ([ ]) to be compared;
       keep the brackets, which show the mark without colour.  */
    b = page_addf (pg, PB_LINK, on ? _("[x] %s") : _("[ ] %s"), name);
  if (!b)
    return;
  b->target = pick_target (pg, cs, i);
  b->marked = on;
  b->mark = !on && cs->n >= VIEW_CMP_MAX_ITEMS
            ? "" : cmp_sel_location (pg, cs, "pick:", i);
}

static bool
pick_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  struct cmp_sel cs;
  if (!cmp_sel_read (&cs, ctx, arg))
    return false;
  page_title (pg, C_ (cs.m->title));
  page_add (pg, PB_PARA, ctx->mode == VIEW_PLAIN
            /* TRANSLATORS: plain mode; keep "m" as it is: the command.  */
            ? _("Mark two to four items to see them side by side: type m "
                "and an item's number, then Enter; then choose “Compare "
                "the marked items”.")
            : _("Mark two to four items to see them side by side: Space "
                "marks the chosen item, Enter compares the marked "
                "items."));
  for (size_t i = 0; i < cs.n_items; i++)
    pick_item (pg, ctx, &cs, i);
  if (cs.n >= 2)
    page_link (pg, _("Compare the marked items"),
               cmp_sel_location (pg, &cs, "pair:", (size_t) -1));
  return true;
}

/* The title of the items of CS side by side: "A and B", "A, B and C"
   or "A, B, C and D".  */
static void
pair_title (struct page *pg, const struct cmp_sel *cs)
{
  const char *name[VIEW_CMP_MAX_ITEMS] = { "", "", "", "" };
  char *title = NULL;
  for (size_t i = 0, k = 0; i < cs->n_items; i++)
    if (cs->on[i])
      name[k++] = C_ (cs->items[i].name);
  /* TRANSLATORS: the title of two, three or four items side by
     side.  */
  int r = cs->n == 2 ? asprintf (&title, _("%s and %s"), name[0], name[1])
    : cs->n == 3 ? asprintf (&title, _("%s, %s and %s"), name[0], name[1],
                             name[2])
    : asprintf (&title, _("%s, %s, %s and %s"), name[0], name[1], name[2],
                name[3]);
  if (r >= 0)
    page_title (pg, title);
  free (title);
}

/* The items of CS as a table, a row an item (led to its page) and a
   column an attribute, drawn turned: the items side by side.  */
static void
pair_table (struct page *pg, const struct view_ctx *ctx,
            const struct cmp_sel *cs)
{
  const struct content_collection *c = cs->c;
  struct ptable *t = page_table (pg, cs->n + 1, c->n_attrs + 1);
  if (!t)
    return;
  t->by_column = true;
  t->min_width = VIEW_CMP_MIN_WIDTH;
  for (size_t j = 0; j < c->n_attrs; j++)
    page_cell (pg, t, 0, j + 1, C_ (c->attrs[j].label));
  for (size_t i = 0, r = 1; i < cs->n_items; i++)
    {
      const struct content_item *it = &cs->items[i];
      if (!cs->on[i])
        continue;
      page_cell (pg, t, r, 0, C_ (it->name));
      t->targets[r] = view_item_location (pg, it);
      for (size_t j = 0; j < c->n_attrs; j++)
        {
          const char *s = view_value_text (pg, ctx, &c->attrs[j],
                                           &it->values[j]);
          page_cell (pg, t, r, j + 1, s ? s : _("Not stated"));
        }
      r++;
    }
}

static bool
pair_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  struct cmp_sel cs;
  if (!cmp_sel_read (&cs, ctx, arg) || cs.n < 2)
    return false;
  pair_title (pg, &cs);
  pair_table (pg, ctx, &cs);
  for (size_t i = 0; i < cs.n_items; i++)
    if (cs.on[i])
      {
        const struct content_item *it = &cs.items[i];
        struct pblock *b = page_addf (pg, PB_LINK, _("More about %s"),
                                      C_ (it->name));
        if (b)
          b->target = view_item_location (pg, it);
      }
  view_related_links (pg, ctx, cs.c, true);
  return true;
}

const struct view_ops view_cmp_ops = { "cmp:", cmp_build };
const struct view_ops view_pick_ops = { "pick:", pick_build };
const struct view_ops view_pair_ops = { "pair:", pair_build };
