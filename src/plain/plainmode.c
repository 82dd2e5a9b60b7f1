/* plainmode.c - plain mode: numbered menus, one line of input at a time
   (what it prints: plainmode_show.c), and in a kiosk or with --idle,
   the idle reset between lines.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "plainmode.h"
#include "plainmode_int.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "keys.h"
#include "nav.h"
#include "plain.h"
#include "view.h"

#define LINE_MAX_BYTES 4096
#define PART_LINES 40           /* a long page is printed in parts of
                                   about as many lines */

/* The width the navigator lays pages out for: the text's, or where
   nothing is wrapped, a terminal's usual 80 columns.  */
static size_t
plain_layout_width (size_t width)
{
  return width ? width : 80;
}

/* The screen the navigator moves over as the full-screen one would:
   LINES, when the environment sets it, less the title and hint lines;
   else PART_LINES, the part of a long page printed at a time.  */
static long
plain_rows (void)
{
  const char *e = getenv ("LINES");
  char *end;
  long n = e && *e ? strtol (e, &end, 10) : 0;
  return e && *e && !*end && n >= 3 && n <= 100000 ? n - 2 : PART_LINES;
}

/* The line after "Search for: ", not a command: its words are
   searched for; an empty line shows the search page, which says how
   to search.  (A command is carried out as on the search page, as a
   key that is not typed ends the typing in the full-screen
   navigator.)  */
static void
session_asked (struct session *s, const char *line)
{
  s->asking = false;
  line += strspn (line, " ");
  if (*line)
    nav_search (&s->nav, line);
  session_answer (s, false);
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

/* Open link number N (from 1).  */
static void
session_number (struct session *s, unsigned long n)
{
  if (n >= 1 && n <= s->nav.lo.n_sel && nav_choose (&s->nav, (long) n - 1))
    {
      nav_do (&s->nav, NAV_OPEN);
      session_opened (s, false);
    }
  else
    {
      session_say (s, _("There is no such number."));
      session_menu (s);
    }
}

/* "m N" or "m": mark or unmark item N (or the chosen one) to
   compare.  Only what changed is said: the page is not printed again
   ("r" does that).  */
static void
session_mark (struct session *s, const char *arg)
{
  char *end;
  unsigned long n = strtoul (arg, &end, 10);
  arg += strspn (arg, " ");
  if (*arg && (*end || n < 1 || n > s->nav.lo.n_sel
               || !nav_choose (&s->nav, (long) n - 1)))
    {
      session_say (s, _("There is no such number."));
      session_menu (s);
      return;
    }
  unsigned long was = s->nav.shown;
  nav_do (&s->nav, NAV_MARK);
  nav_trace (&s->nav);
  if (s->nav.shown != was && s->nav.view.sel >= 0)
    {
      char mark[32];
      snprintf (mark, sizeof mark, "[%ld] ", s->nav.view.sel + 1);
      plain_wrapped (s->out, mark, plain_sel_text (&s->nav.page,
                                                   &s->nav.lo.sels
                                                   [s->nav.view.sel]),
                     s->app->width);
    }
  if (s->nav.msg)
    session_say (s, s->nav.msg);
  if (s->nav.shown != s->shown && s->nav.view.top == s->part_top)
    s->shown = s->nav.shown;    /* the same part, its marks changed */
  if (s->nav.shown != s->shown || s->nav.view.top != s->part_top)
    session_show (s);           /* Space scrolled: the next part */
  else
    session_prompt (s);
}

/* Handle one line.  @retval false to quit.  */
static bool
session_command (struct session *s, const char *line)
{
  const char *p = line + strspn (line, " ");
  char *end;
  enum nav_action a = keys_plain (p, s->app->kiosk);
  if (s->asking && a == NAV_NONE)
    {
      session_asked (s, line);
      return true;
    }
  s->asking = false;            /* a command, as on the search page */
  errno = 0;
  unsigned long n = strtoul (p, &end, 10);
  if (*p >= '0' && *p <= '9' && *end == '\0' && errno == 0)
    session_number (s, n);
  else if (a == NAV_SEARCH && p[1 + strspn (p + 1, " ")])
    {
      nav_search (&s->nav, p + 1);
      session_answer (s, false);
    }
  else if (a == NAV_SEARCH && s->nav.shown == s->shown
           && strncmp (nav_location (&s->nav), "search:", 7) == 0)
    {
      nav_do (&s->nav, a);      /* a results page stays */
      nav_trace (&s->nav);
      /* TRANSLATORS: keep "/" as it is; in place of "knee",
         give a word that the content in your language holds,
         so that the example finds something (tests/terms.sh).  */
      session_say (s, _("Type / and a word, then Enter; for example: /knee"));
      session_prompt (s);
    }
  else if (a == NAV_MARK)
    session_mark (s, p + 1);
  else if (a != NAV_NONE)
    {
      nav_do (&s->nav, a);
      if (s->nav.quit)
        {
          nav_trace (&s->nav);
          return false;
        }
      if (a == NAV_OPEN)
        session_opened (s, false);
      else
        session_answer (s, a == NAV_REPEAT);
    }
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
   and start again, in the first language, on the pack as it is now
   (app.h).  */
static void
session_reset (struct session *s)
{
  /* What the last patient typed and did not send goes too.  */
  if (isatty (fileno (s->in)))
    tcflush (fileno (s->in), TCIFLUSH);
  app_idle_reset (s->app, &s->nav);
  s->touched = false;
  s->asking = false;
  session_show (s);
}

/* Print the idle warning (the idle:N page).  */
static void
session_warn (struct session *s)
{
  struct view_ctx ctx = { s->app->pack, VIEW_PLAIN, s->app->kiosk, NULL };
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
              explicit_bzero (buf, size);
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

/* A kiosk's terminal before plain mode took flow control away.  */
static struct termios plain_saved;
static volatile sig_atomic_t plain_saved_fd = -1;

static void
plain_restore (void)
{
  if (plain_saved_fd >= 0)
    tcsetattr (plain_saved_fd, TCSANOW, &plain_saved);
  plain_saved_fd = -1;
}

/* SIGTERM or SIGHUP (or, outside a kiosk, SIGINT or SIGQUIT): the
   terminal as it was, then the end, with 0, as the full-screen
   navigator ends (tcsetattr and _exit are async-signal-safe).  Leaving
   at once, rather than after the line being read, cannot miss a
   signal that comes just before the read.  Every page was flushed
   when it was printed: at most a page being printed is cut short.  */
static void
plain_on_signal (int sig)
{
  (void) sig;
  if (plain_saved_fd >= 0)
    tcsetattr (plain_saved_fd, TCSANOW, &plain_saved);
  _exit (0);
}

/* End on the signals that end the full-screen navigator (a kiosk
   ignores SIGINT and SIGQUIT: main.c).  */
static void
plain_catch_signals (const struct app *app)
{
  static const int sigs[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = plain_on_signal;
  sigfillset (&sa.sa_mask);
  for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
    if (!app->kiosk || (sigs[i] != SIGINT && sigs[i] != SIGQUIT))
      sigaction (sigs[i], &sa, NULL);
}

/* In a kiosk on a terminal, ^S must not freeze the output (a patient
   would then never see the idle reset): software flow control off
   until plain mode ends.  */
static void
plain_no_flow_control (const struct app *app, FILE *in)
{
  struct termios t;
  int fd = fileno (in);
  if (!app->kiosk || !isatty (fd) || tcgetattr (fd, &plain_saved) != 0)
    return;
  t = plain_saved;
  t.c_iflag &= ~(tcflag_t) (IXON | IXOFF);
  plain_saved_fd = fd;
  if (tcsetattr (fd, TCSANOW, &t) != 0)
    plain_saved_fd = -1;
}

int
plainmode_run (struct app *app, FILE *in, FILE *out)
{
  struct session s = { .app = app, .in = in, .out = out };
  char line[LINE_MAX_BYTES];
  /* Waiting for a line with poll needs every byte read to be taken:
     no read-ahead in a buffer that poll cannot see.  */
  if (app->idle)
    setvbuf (in, NULL, _IONBF, 0);
  if (!nav_init (&s.nav, app, VIEW_PLAIN, plain_layout_width (app->width),
                 plain_rows ()))
    return 1;
  plain_catch_signals (app);
  plain_no_flow_control (app, in);
  session_show (&s);
  while (session_next (&s, line, sizeof line))
    if (!session_command (&s, line))
      break;
  nav_free (&s.nav);
  explicit_bzero (line, sizeof line);
  plain_restore ();
  fflush (out);
  return 0;
}
