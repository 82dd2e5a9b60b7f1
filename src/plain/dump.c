/* dump.c - print pages as plain text, for printing and pipes.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "dump.h"

#include <stdlib.h>
#include <string.h>

#include "plain.h"
#include "view.h"

static char *
dump_fmt (const char *prefix, const char *id)
{
  char *s = NULL;
  return asprintf (&s, "%s%s", prefix, id) < 0 ? NULL : s;
}

char *
dump_location (const struct content_pack *p, const char *id)
{
  const char *hash = strchr (id, '#'), *slash = strchr (id, '/');
  if (strchr (id, ':') || strcmp (id, "home") == 0 || strcmp (id, "about") == 0
      || strcmp (id, "docs") == 0)
    return strdup (id);
  if (hash)
    {
      char *doc = strndup (id, (size_t) (hash - id));
      bool ok = doc && content_section (p, doc, hash + 1);
      free (doc);
      return ok ? dump_fmt ("sec:", id) : NULL;
    }
  if (slash)
    {
      char *coll = strndup (id, (size_t) (slash - id));
      bool ok = coll && content_item (p, coll, slash + 1);
      free (coll);
      return ok ? dump_fmt ("item:", id) : NULL;
    }
  if (content_document (p, id))
    return dump_fmt ("doc:", id);
  if (content_collection (p, id))
    return dump_fmt ("coll:", id);
  if (content_comparison (p, id))
    return dump_fmt ("cmp:", id);
  return NULL;
}

static bool
dump_one (FILE *out, const struct content_pack *p, const char *loc,
          size_t width, bool first)
{
  struct view_ctx ctx = { p, VIEW_PLAIN, false, NULL };
  struct page pg;
  bool ok = view_build (&pg, &ctx, loc);
  if (ok)
    {
      if (!first)
        fputs ("\n\n", out);
      plain_render (out, &pg, width, false);
    }
  page_free (&pg);
  return ok;
}

static void
dump_all (FILE *out, const struct content_pack *p, size_t width)
{
  char loc[300];
  dump_one (out, p, "home", width, true);
  dump_one (out, p, "about", width, false);
  for (size_t i = 0; i < p->n_comps; i++)
    {
      snprintf (loc, sizeof loc, "cmp:%s", p->comps[i]->id);
      dump_one (out, p, loc, width, false);
    }
  for (size_t i = 0; i < p->n_colls; i++)
    {
      const struct content_collection *c = p->colls[i];
      snprintf (loc, sizeof loc, "coll:%s", c->id);
      dump_one (out, p, loc, width, false);
      size_t n;
      const struct content_item *items = content_coll_items (c, &n);
      for (size_t j = 0; j < n; j++)
        {
          snprintf (loc, sizeof loc, "item:%s/%s", c->id, items[j].id);
          dump_one (out, p, loc, width, false);
        }
    }
  for (size_t i = 0; i < p->n_docs; i++)
    {
      snprintf (loc, sizeof loc, "doc:%s", p->docs[i]->id);
      dump_one (out, p, loc, width, false);
    }
}

bool
dump_pack (FILE *out, const struct content_pack *p, const char *id,
           size_t width)
{
  if (!id)
    {
      dump_all (out, p, width);
      return true;
    }
  char *loc = dump_location (p, id);
  bool ok = loc && !view_is_action (loc) && dump_one (out, p, loc, width, true);
  free (loc);
  return ok;
}
