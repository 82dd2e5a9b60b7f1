/* plainmode.c - plain mode: numbered menus, one line of input at a time,
   and in a kiosk or with --idle, the idle reset between lines.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "plainmode.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>

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
  bool touched;                 /* a line since the start or the reset */
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
  bool kiosk = s->app->kiosk;
  if (s->n_sel)
    {
      /* TRANSLATORS: plain mode's prompt; %zu is the highest number.
         "/word search" means: type a slash and a word to search.  */
      if (asprintf (&text, kiosk ? _("Type a number from 1 to %zu and Enter; "
                                     "b back, h home, /word search, ? help.")
                                 : _("Type a number from 1 to %zu and Enter; "
                                     "b back, h home, /word search, ? help, "
                                     "q quit."),
                    s->n_sel) < 0)
        text = NULL;
    }
  if (!text)
    session_say (s, kiosk ? _("Type b back, h home, /word search, ? help.")
                          : _("Type b back, h home, /word search, "
                              "? help, q quit."));
  else
    session_say (s, text);
  free (text);
  fflush (s->out);
}

/* Build and print the current page.  */
static void
session_show (struct session *s)
{
  struct view_ctx ctx = { s->app->pack, VIEW_PLAIN, s->app->kiosk };
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

static long long
session_now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait up to MS milliseconds for input.
   @retval false when the time ran out first.  */
static bool
session_wait (struct session *s, long long ms)
{
  long long end = session_now () + ms;
  for (;;)
    {
      struct pollfd p = { fileno (s->in), POLLIN, 0 };
      long long left = end - session_now ();
      int r = poll (&p, 1, left > 0 ? (int) left : 0);
      if (r == 0)
        return false;
      if (r > 0 || errno != EINTR)
        return true;            /* a line, its end, or an error: read */
    }
}

/* The end of input.  In a kiosk on a terminal, ^D is only a key: go on
   reading, unless the terminal has gone.
   @retval true to go on.  */
static bool
session_eof_ignored (struct session *s)
{
  int fd = fileno (s->in);
  struct pollfd p = { fd, POLLIN, 0 };
  struct termios tio;
  if (!s->app->kiosk || !feof (s->in) || tcgetattr (fd, &tio) != 0)
    return false;
  if (poll (&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
    return false;
  clearerr (s->in);
  return true;
}

/* The idle time ran out, and then the warning's: forget the history
   and start again, in the first language.  */
static void
session_reset (struct session *s)
{
  if (s->app->lang)
    i18n_set_language (s->app->lang);
  if (!nav_reset (&s->nav, s->app->start ? s->app->start : "home"))
    session_say (s, _("Out of memory."));
  s->touched = false;
  session_show (s);
}

/* Print the idle warning (the idle:N page).  */
static void
session_warn (struct session *s)
{
  struct view_ctx ctx = { s->app->pack, VIEW_PLAIN, s->app->kiosk };
  struct page pg;
  char loc[32];
  snprintf (loc, sizeof loc, "idle:%d", APP_IDLE_WARN_S);
  view_build (&pg, &ctx, loc);
  fputc ('\n', s->out);
  plain_render (s->out, &pg, s->app->width, true);
  page_free (&pg);
  fflush (s->out);
}

/* The next line into BUF; the idle reset happens while waiting.
   @retval false at the end of input.  */
static bool
session_next (struct session *s, char *buf, size_t size)
{
  long long idle_ms = (long long) s->app->idle * 1000;
  bool warned = false;
  for (;;)
    {
      if (idle_ms && s->touched && !warned && !session_wait (s, idle_ms))
        {
          session_warn (s);
          warned = true;
          if (!session_wait (s, APP_IDLE_WARN_S * 1000LL))
            {
              session_reset (s);
              warned = false;
              continue;
            }
        }
      bool got = session_read (s, buf, size);
      if (!got && !session_eof_ignored (s))
        return false;
      s->touched = true;
      if (got && !warned)
        return true;
      if (warned)
        session_menu (s);       /* the line only said "still here" */
      warned = false;
    }
}

int
plainmode_run (const struct app *app, FILE *in, FILE *out)
{
  struct session s = { .app = app, .in = in, .out = out };
  char line[LINE_MAX_BYTES];
  /* Waiting for a line with poll needs every byte read to be taken:
     no read-ahead in a buffer that poll cannot see.  */
  if (app->idle)
    setvbuf (in, NULL, _IONBF, 0);
  page_init (&s.page, "");
  if (!nav_reset (&s.nav, app->start ? app->start : "home"))
    return 1;
  session_show (&s);
  while (session_next (&s, line, sizeof line))
    if (!session_command (&s, line))
      break;
  page_free (&s.page);
  free (s.sel);
  nav_free (&s.nav);
  fflush (out);
  return 0;
}
