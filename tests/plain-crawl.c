/* plain-crawl.c - find every page reachable from the start screen and
   write a plain-mode session that visits them all: for each page, the
   numbers to type from the start screen (and an empty line after the
   one that opens the search page, which asks for words), then the
   command for the start screen.  With --titles,
   write the title of each page instead, one a line, for the test to
   look for in the session's output.
   Usage: plain-crawl [--titles] DATA_DIR LANG  */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "load.h"
#include "keys.h"
#include "view.h"

struct visit
{
  char *location;
  char *path;                   /* "3 1 2": the numbers typed */
};

struct crawl
{
  struct visit *v;
  size_t n, cap;
};

/* Plain mode's command for the start screen, from the key table.  */
static const char *
home_command (void)
{
  size_t n;
  const struct key_row *t = keys_table (&n);
  for (size_t i = 0; i < n; i++)
    if (t[i].action == NAV_HOME && t[i].plain)
      return t[i].plain;
  return "?";
}

static bool
crawl_seen (const struct crawl *c, const char *loc)
{
  for (size_t i = 0; i < c->n; i++)
    if (strcmp (c->v[i].location, loc) == 0)
      return true;
  return false;
}

static void
crawl_add (struct crawl *c, const char *loc, const char *path)
{
  if (c->n == c->cap)
    {
      c->cap = c->cap ? c->cap * 2 : 64;
      c->v = realloc (c->v, c->cap * sizeof *c->v);
      if (!c->v)
        exit (99);
    }
  c->v[c->n].location = strdup (loc);
  c->v[c->n++].path = strdup (path);
}

/* Breadth first from "home": the shortest path to every page.  */
static void
crawl_run (struct crawl *c, const struct view_ctx *ctx)
{
  crawl_add (c, "home", "");
  for (size_t i = 0; i < c->n; i++)
    {
      struct page pg;
      struct psel *sel;
      view_build (&pg, ctx, c->v[i].location);
      size_t n = page_selectables (&pg, &sel);
      for (size_t k = 0; k < n; k++)
        {
          char path[4096];
          if (view_is_action (sel[k].target)
              || crawl_seen (c, sel[k].target))
            continue;
          /* The search page asks for words when opened: an empty
             line (a path's empty step) shows it.  */
          snprintf (path, sizeof path, "%s%s%zu%s", c->v[i].path,
                    *c->v[i].path ? " " : "", k + 1,
                    strcmp (sel[k].target, "search:") == 0 ? " " : "");
          crawl_add (c, sel[k].target, path);
        }
      free (sel);
      page_free (&pg);
    }
}

static void
crawl_print (const struct crawl *c, const struct view_ctx *ctx, bool titles)
{
  for (size_t i = 0; i < c->n; i++)
    if (titles)
      {
        struct page pg;
        view_build (&pg, ctx, c->v[i].location);
        printf ("%s\n", pg.title);
        page_free (&pg);
      }
    else
      {
        for (const char *p = c->v[i].path; *p; p++)
          putchar (*p == ' ' ? '\n' : *p);
        printf ("%s%s\n", *c->v[i].path ? "\n" : "", home_command ());
      }
}

int
main (int argc, char **argv)
{
  bool titles = argc > 1 && strcmp (argv[1], "--titles") == 0;
  if (argc != 3 + titles)
    {
      fprintf (stderr, "usage: plain-crawl [--titles] DATA_DIR LANG\n");
      return 2;
    }
  const char *localedir = getenv ("PINAV_LOCALEDIR");
  i18n_init (localedir ? localedir : ".", argv[2 + titles]);
  struct diags d = { 0 };
  struct content_pack *pack = load_pack (argv[1 + titles], &d);
  diag_print (&d, stderr);
  diag_free (&d);
  if (!pack)
    return 1;
  struct view_ctx ctx = { pack, VIEW_PLAIN, false, NULL };
  struct crawl c = { 0 };
  crawl_run (&c, &ctx);
  crawl_print (&c, &ctx, titles);
  for (size_t i = 0; i < c.n; i++)
    {
      free (c.v[i].location);
      free (c.v[i].path);
    }
  free (c.v);
  content_free (pack);
  return 0;
}
