/* view_cmp.c - comparison tables, and two items side by side.
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
  page_link (pg, _("Choose two to see side by side"), loc);
  view_related_links (pg, ctx, c, true);
  struct ptable *t = page_table (pg, c->n_items + 1, m->n_columns + 1);
  if (!t)
    return true;
  page_cell (pg, t, 0, 0, _("Name"));
  for (size_t j = 0; j < m->n_columns; j++)
    {
      int ix = content_attr_index (c, m->columns[j]);
      page_cell (pg, t, 0, j + 1, ix < 0 ? "" : C_ (c->attrs[ix].label));
    }
  for (size_t i = 0; i < c->n_items; i++)
    {
      const struct content_item *it = &c->items[i];
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

static bool
pick_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  char parts[2][80];
  size_t n = split (arg, parts, 2);
  const struct content_comparison *m;
  const struct content_collection *c = n ? cmp_lookup (ctx, parts[0], &m)
                                         : NULL;
  const struct content_item *first = NULL;
  if (!c || (n == 2 && !(first = content_item (ctx->pack, c->id, parts[1]))))
    return false;
  page_title (pg, C_ (m->title));
  if (first)
    page_addf (pg, PB_PARA, _("Compare “%s” with:"), C_ (first->name));
  else
    page_add (pg, PB_PARA, _("Choose the first of two:"));
  for (size_t i = 0; i < c->n_items; i++)
    {
      char loc[320];
      if (&c->items[i] == first)
        continue;
      if (first)
        snprintf (loc, sizeof loc, "pair:%s/%s/%s", m->id, first->id,
                  c->items[i].id);
      else
        snprintf (loc, sizeof loc, "pick:%s/%s", m->id, c->items[i].id);
      page_link (pg, C_ (c->items[i].name), loc);
    }
  return true;
}

static bool
pair_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  char parts[3][80];
  const struct content_comparison *m;
  const struct content_collection *c = split (arg, parts, 3) == 3
    ? cmp_lookup (ctx, parts[0], &m) : NULL;
  const struct content_item *it[2] = { NULL, NULL };
  if (c)
    for (size_t k = 0; k < 2; k++)
      it[k] = content_item (ctx->pack, c->id, parts[k + 1]);
  if (!it[0] || !it[1])
    return false;
  char *title = NULL;
  /* TRANSLATORS: the title of two items side by side.  */
  if (asprintf (&title, _("%s and %s"), C_ (it[0]->name), C_ (it[1]->name)) >= 0)
    page_title (pg, title);
  free (title);
  struct ptable *t = page_table (pg, c->n_attrs + 1, 3);
  if (!t)
    return true;
  page_cell (pg, t, 0, 0, "");
  for (size_t k = 0; k < 2; k++)
    {
      page_cell (pg, t, 0, k + 1, C_ (it[k]->name));
    }
  for (size_t i = 0; i < c->n_attrs; i++)
    {
      page_cell (pg, t, i + 1, 0, C_ (c->attrs[i].label));
      for (size_t k = 0; k < 2; k++)
        {
          const char *s = view_value_text (pg, ctx, &c->attrs[i],
                                           &it[k]->values[i]);
          page_cell (pg, t, i + 1, k + 1, s ? s : _("Not stated"));
        }
    }
  for (size_t k = 0; k < 2; k++)
    {
      struct pblock *b = page_addf (pg, PB_LINK, _("More about %s"),
                                    C_ (it[k]->name));
      if (b)
        b->target = view_item_location (pg, it[k]);
    }
  view_related_links (pg, ctx, c, true);
  return true;
}

const struct view_ops view_cmp_ops = { "cmp:", cmp_build };
const struct view_ops view_pick_ops = { "pick:", pick_build };
const struct view_ops view_pair_ops = { "pair:", pair_build };
