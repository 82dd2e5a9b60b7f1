/* plainmode.c - plain mode: numbered menus, one line of input at a time.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "plainmode.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "nav.h"
#include "plain.h"
#include "view.h"

#define LINE_MAX_BYTES 4096

struct session
{
  const struct app *app;
  FILE *in, *out;
  struct nav nav;
  struct page page;
  struct psel *sel;
  size_t n_sel;
};

bool
app_follow_action (const char *location)
{
  if (strncmp (location, "setlang:", 8) == 0)
    return i18n_set_language (location + 8);
  return false;
}

/* Say TEXT on a line of its own, wrapped.  */
static void
session_say (struct session *s, const char *text)
{
  plain_wrapped (s->out, "", text, s->app->width);
}

static void
session_prompt (struct session *s)
{
  char *text = NULL;
  if (s->n_sel)
    {
      /* TRANSLATORS: plain mode's prompt; %zu is the highest number.
         "/word search" means: type a slash and a word to search.  */
      if (asprintf (&text, _("Type a number from 1 to %zu and Enter; b back, "
                             "h home, /word search, ? help, q quit."),
                    s->n_sel) < 0)
        text = NULL;
    }
  session_say (s, text ? text : _("Type b back, h home, /word search, "
                                  "? help, q quit."));
  free (text);
  fflush (s->out);
}

/* Build and print the current page.  */
static void
session_show (struct session *s)
{
  struct view_ctx ctx = { s->app->pack, VIEW_PLAIN };
  page_free (&s->page);
  free (s->sel);
  view_build (&s->page, &ctx, nav_here (&s->nav)->location);
  s->n_sel = page_selectables (&s->page, &s->sel);
  fputc ('\n', s->out);
  plain_render (s->out, &s->page, s->app->width, true);
  fputc ('\n', s->out);
  session_prompt (s);
}

/* Print only the numbered choices again.  */
static void
session_menu (struct session *s)
{
  for (size_t i = 0; i < s->n_sel; i++)
    {
      const struct psel *p = &s->sel[i];
      const struct pblock *b = &s->page.blocks[p->block];
      const char *text = p->row < 0 ? b->text
        : b->table->cells[(size_t) p->row * b->table->cols];
      char mark[32];
      snprintf (mark, sizeof mark, "[%zu] ", i + 1);
      plain_wrapped (s->out, mark, text, s->app->width);
    }
  session_prompt (s);
}

/* Read one line (at most LINE_MAX_BYTES kept; the rest is dropped).
   @retval false at end of input.  */
static bool
session_read (struct session *s, char *buf, size_t size)
{
  if (!fgets (buf, (int) size, s->in))
    return false;
  size_t n = strlen (buf);
  if (n && buf[n - 1] == '\n')
    buf[--n] = '\0';
  else
    for (int c; (c = getc (s->in)) != EOF && c != '\n';)
      continue;
  while (n && (buf[n - 1] == '\r' || buf[n - 1] == ' '))
    buf[--n] = '\0';
  return true;
}

static void
session_follow (struct session *s, const char *target)
{
  if (app_follow_action (target))
    nav_reset (&s->nav, "home");
  else if (!nav_push (&s->nav, target))
    session_say (s, _("Out of memory."));
  session_show (s);
}

/* Search for WORDS: show the search:WORDS page.  */
static void
session_search (struct session *s, const char *words)
{
  char *loc = NULL;
  if (words[strspn (words, " ")] == '\0')
    {
      session_say (s, _("Type / and a word to search for, "
                        "for example /knee."));
      session_prompt (s);
    }
  else if (asprintf (&loc, "search:%s", words) < 0)
    session_say (s, _("Out of memory."));
  else
    session_follow (s, loc);
  free (loc);
}

/* Handle one line.  @retval false to quit.  */
static bool
session_command (struct session *s, const char *line)
{
  const char *p = line + strspn (line, " ");
  char *end;
  errno = 0;
  unsigned long n = strtoul (p, &end, 10);
  if (*p >= '0' && *p <= '9' && *end == '\0' && errno == 0)
    {
      if (n >= 1 && n <= s->n_sel)
        session_follow (s, s->sel[n - 1].target);
      else
        {
          session_say (s, _("There is no such number."));
          session_menu (s);
        }
    }
  else if (strcmp (p, "q") == 0 && !s->app->kiosk)
    return false;
  else if (strcmp (p, "b") == 0)
    {
      if (!nav_back (&s->nav))
        session_say (s, _("This is the first page."));
      session_show (s);
    }
  else if (strcmp (p, "h") == 0)
    {
      nav_reset (&s->nav, "home");
      session_show (s);
    }
  else if (strcmp (p, "?") == 0)
    session_follow (s, "help");
  else if (*p == '/')
    session_search (s, p + 1);
  else if (*p == '\0')
    session_prompt (s);
  else
    {
      session_say (s, _("Not understood."));
      session_menu (s);
    }
  return true;
}

int
plainmode_run (const struct app *app, FILE *in, FILE *out)
{
  struct session s = { .app = app, .in = in, .out = out };
  char line[LINE_MAX_BYTES];
  page_init (&s.page, "");
  if (!nav_reset (&s.nav, app->start ? app->start : "home"))
    return 1;
  session_show (&s);
  while (session_read (&s, line, sizeof line))
    if (!session_command (&s, line))
      break;
  page_free (&s.page);
  free (s.sel);
  nav_free (&s.nav);
  fflush (out);
  return 0;
}
