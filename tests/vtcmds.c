/* vtcmds.c - the commands of vtdrive's scripts (tests/vtdrive.md):
   waiting and checking, input, and the others.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vtdrive.h"

/* Does text condition C hold?  If not, say in WHY what was found.  */
static int
text_ok (const struct cmd *c, char *why, size_t n)
{
  int row, ok, gone = (c->spec->arg & 3) == M_GONE;
  char *t;
  if ((c->spec->arg & 3) != M_ROW)
    {
      if (((row = find_row (c->text)) < 0) == gone)
        return 1;
      snprintf (why, n, row < 0 ? "not found" : "it is on row %d", row);
      return 0;
    }
  if (c->a >= D.rows)
    return snprintf (why, n, "the screen has %d rows", D.rows), 0;
  t = row_text (c->a, 1);
  ok = strstr (t, c->text) != NULL;
  snprintf (why, n, "row %ld is \"%s\"", c->a, t);
  free (t);
  return ok;
}

/* Report that text condition C failed; WHY says what was found.  */
static void
text_fail (const struct cmd *c, const char *why)
{
  char want[1024], when[64] = "";
  int waiting = c->spec->arg & M_WAIT;
  if ((c->spec->arg & 3) == M_ROW)
    snprintf (want, sizeof want, "\"%s\" on row %ld", c->text, c->a);
  else
    snprintf (want, sizeof want, "\"%s\" %son the screen", c->text,
              (c->spec->arg & 3) == M_GONE ? "not " : "");
  if (!waiting || D.master < 0)
    fail ("%s: expected %s%s; %s", c->spec->name, want,
          waiting ? ", but `close` closed the terminal" : "", why);
  if (D.eof || D.reaped)
    reap_for (1000);
  else
    snprintf (when, sizeof when, " within %.1f s", D.timeout);
  fail ("%s: expected %s%s; %s; the program %s%s", c->spec->name, want,
        when, why, D.eof ? "closed the terminal and " : "", child_state ());
}

/* wait, wait-row, wait-gone: read output until the text condition
   holds.  expect, expect-not, expect-row: check it now, after a drain.  */
void
run_text (const struct cmd *c)
{
  double deadline = now () + (c->spec->arg & M_WAIT ? D.timeout : 0);
  char why[4096];
  if (c->spec->arg & M_WAIT)
    {
      drain ();
      race_stale (c->spec->name, text_ok (c, why, sizeof why));
    }
  else
    drain_check ();
  while (!text_ok (c, why, sizeof why))
    {
      if (now () >= deadline || D.master < 0 || D.eof)
        text_fail (c, why);
      check_child ();
      if (D.reaped)             /* it exited: take in its last output */
        {
          drain ();
          if (!text_ok (c, why, sizeof why))
            text_fail (c, why);
          break;
        }
      pump (left_ms (deadline, 100));
    }
  if (c->spec->arg & M_WAIT)
    D.waited_at = now ();
}

/* Fail unless cell ROW,COL of command C lies on the screen.  */
static void
check_cell (const struct cmd *c)
{
  if (c->a >= D.rows || c->b >= D.cols)
    fail ("%s: cell %ld,%ld is outside the %dx%d screen", c->spec->name,
          c->a, c->b, D.cols, D.rows);
}

/* expect-cursor ROW COL; wait-cursor ROW COL (c->spec->arg 1): for a
   key that moves only the cursor, there is nothing else to wait for.  */
void
run_cursor (const struct cmd *c)
{
  VTermPos p;
  double deadline = now () + (c->spec->arg ? D.timeout : 0);
  if (c->spec->arg)
    drain ();
  else
    drain_check ();
  vterm_state_get_cursorpos (D.st, &p);
  if (c->spec->arg)
    race_stale (c->spec->name, p.row == c->a && p.col == c->b);
  while ((p.row != c->a || p.col != c->b) && now () < deadline
         && D.master >= 0 && !D.eof && !D.reaped)
    {
      check_child ();
      pump (left_ms (deadline, 100));
      vterm_state_get_cursorpos (D.st, &p);
    }
  if (p.row != c->a || p.col != c->b)
    fail ("%s: expected the cursor at %ld,%ld%s; it is at %d,%d",
          c->spec->name, c->a, c->b, c->spec->arg ? " in time" : "",
          p.row, p.col);
}

/* Whether cell condition C (run_attr) holds now.  */
static int
attr_ok (const struct cmd *c)
{
  int kind = c->spec->arg & 7, neg = !!(c->spec->arg & AT_NOT);
  VTermScreenCell cell = get_cell (c->a, c->b);
  int have = kind == AT_REVERSE ? cell.attrs.reverse
    : kind == AT_BOLD ? cell.attrs.bold : cell.width == 2;
  return !!have != neg;
}

/* expect-[not-]reverse, expect-[not-]bold, expect-wide ROW COL;
   wait-[not-]reverse, wait-[not-]bold (AT_WAIT): until it holds.  */
void
run_attr (const struct cmd *c)
{
  static const char *const what[] = { "reverse video", "bold",
                                      "a double-width character" };
  int kind = c->spec->arg & 7, neg = !!(c->spec->arg & AT_NOT);
  double deadline = now () + (c->spec->arg & AT_WAIT ? D.timeout : 0);
  VTermScreenCell cell;
  char text[32] = "";
  if (c->spec->arg & AT_WAIT)
    drain ();
  else
    drain_check ();
  check_cell (c);
  if (c->spec->arg & AT_WAIT)
    race_stale (c->spec->name, attr_ok (c));
  while (!attr_ok (c) && now () < deadline && D.master >= 0 && !D.eof
         && !D.reaped)
    {
      check_child ();
      pump (left_ms (deadline, 100));
    }
  if (attr_ok (c))
    return;
  cell = get_cell (c->a, c->b);
  if (cell.chars[0] != CONT)
    *put_cell (text, &cell) = 0;
  fail ("%s: expected %s%s at %ld,%ld%s; the cell holds \"%s\"%s, width %d%s%s",
        c->spec->name, neg ? "no " : "", what[kind], c->a, c->b,
        c->spec->arg & AT_WAIT ? " in time" : "", text,
        cell.chars[0] == CONT ? " (right half of a wide char)" : "",
        cell.width, cell.attrs.reverse ? ", reverse" : "",
        cell.attrs.bold ? ", bold" : "");
}

/* Read output for up to MS milliseconds, until TEXT is on the screen.
   @retval whether it is.  */
static int
wait_text_ms (const char *text, int ms)
{
  double deadline = now () + ms / 1000.0;
  drain ();
  while (find_row (text) < 0)
    {
      check_child ();
      if (now () >= deadline || D.master < 0 || D.eof || D.reaped)
        {
          drain ();
          return find_row (text) >= 0;
        }
      pump (left_ms (deadline, 100));
    }
  return 1;
}

/* down-to N TEXT: press Down, at most N times, until TEXT is on the
   screen, as a reader who does not know how far down a link is; after
   each key, wait up to 150 ms (times --time-scale) for it.  */
void
run_down_to (const struct cmd *c)
{
  int ms = (int) (150 * (D.scale > 1 ? D.scale : 1));
  need_pty ("down-to");
  for (long i = 0; !wait_text_ms (c->text, i ? ms : 0); i++)
    {
      if (i == c->a)
        fail ("down-to: \"%s\" not on the screen after %ld Down; %s",
              c->text, c->a, child_state ());
      each_key ("Down", 1);
    }
}

/* key NAME...: send each key, encoded by libvterm as xterm would.  */
void
run_key (const struct cmd *c)
{
  need_pty ("key");
  each_key (c->text, 1);
}

/* type TEXT: send TEXT as typed.  (vterm_keyboard_unichar without
   modifiers emits exactly the character's UTF-8 bytes.)  raw HEX: send
   the decoded bytes.  */
void
run_send (const struct cmd *c)
{
  need_pty (c->spec->name);
  queue (c->text, c->spec->shape == S_HEX ? (size_t) c->a : strlen (c->text));
  flush_input (c->spec->name);
}

/* click ROW COL: left press and release, in the app's mouse mode.  */
void
run_click (const struct cmd *c)
{
  need_pty ("click");
  check_cell (c);
  drain ();
  if (D.mouse == VTERM_PROP_MOUSE_NONE)
    fail ("click: the program has not enabled mouse reporting");
  vterm_mouse_move (D.vt, (int) c->a, (int) c->b, VTERM_MOD_NONE);
  vterm_mouse_button (D.vt, 1, 1, VTERM_MOD_NONE);
  vterm_mouse_button (D.vt, 1, 0, VTERM_MOD_NONE);
  flush_input ("click");
}

/* resize COLS ROWS: resize libvterm and the pty (the kernel then sends
   SIGWINCH to the child).  */
void
run_resize (const struct cmd *c)
{
  struct winsize ws = { .ws_row = (unsigned short) c->b,
                        .ws_col = (unsigned short) c->a };
  need_pty ("resize");
  drain ();
  D.rows = (int) c->b;
  D.cols = (int) c->a;
  vterm_set_size (D.vt, D.rows, VT_COLS (D.cols));
  if (ioctl (D.master, TIOCSWINSZ, &ws) < 0)
    fail ("resize: TIOCSWINSZ: %s", strerror (errno));
}

/* resize-pty COLS ROWS: tell the program (the pty's window size, and
   so SIGWINCH) of a size up to 65535 x 65535, as a terminal may claim,
   while libvterm's screen stays as it is.  */
void
run_resize_pty (const struct cmd *c)
{
  struct winsize ws = { .ws_row = (unsigned short) c->b,
                        .ws_col = (unsigned short) c->a };
  need_pty ("resize-pty");
  drain ();
  if (ioctl (D.master, TIOCSWINSZ, &ws) < 0)
    fail ("resize-pty: TIOCSWINSZ: %s", strerror (errno));
}

/* The screen as text and attributes: each row's text, then a letter a
   cell (but '.' for the right half of a wide character) for its
   attributes (a bit each for reverse, bold, underline,
   the foreground's and the background's being set).  malloc'd.  */
static char *
screen_image (void)
{
  size_t size = 1, len = 0;
  char *img = NULL;
  for (long r = 0; r < D.rows; r++)
    {
      char *t = row_text (r, 0);
      size_t need = strlen (t) + (size_t) D.cols + 3;
      char *bigger = realloc (img, size += need);
      if (!bigger)
        fail ("snap: out of memory");
      img = bigger;
      len += (size_t) sprintf (img + len, "%s|", t);
      free (t);
      for (long c = 0; c < D.cols; c++)
        {
          VTermScreenCell cell = get_cell (r, c);
          /* The right half of a wide character keeps whatever
             attributes the terminal last gave that cell: not seen.  */
          if (cell.chars[0] == CONT)
            {
              img[len++] = '.';
              continue;
            }
          img[len++] = (char) ('@' + (cell.attrs.reverse ? 1 : 0)
                               + (cell.attrs.bold ? 2 : 0)
                               + (cell.attrs.underline ? 4 : 0)
                               + (VTERM_COLOR_IS_DEFAULT_FG (&cell.fg)
                                  ? 0 : 8)
                               + (VTERM_COLOR_IS_DEFAULT_BG (&cell.bg)
                                  ? 0 : 16));
        }
      img[len++] = '\n';
      img[len] = '\0';
    }
  return img;
}

static char *snapped;

/* snap: keep the screen (text and attributes) for expect-snap.  */
void
run_snap (const struct cmd *c)
{
  (void) c;
  drain_check ();
  free (snapped);
  snapped = screen_image ();
}

/* expect-snap: the screen is as snap kept it, text and attributes
   (the cursor aside); on failure, both rows that differ are shown.  */
void
run_expect_snap (const struct cmd *c)
{
  (void) c;
  if (!snapped)
    fail ("expect-snap: no snap before it");
  drain_check ();
  char *now_img = screen_image ();
  if (strcmp (now_img, snapped) == 0)
    {
      free (now_img);
      return;
    }
  const char *a = snapped, *b = now_img;
  for (long r = 0; *a && *b; r++)
    {
      size_t la = strcspn (a, "\n"), lb = strcspn (b, "\n");
      if (la != lb || memcmp (a, b, la) != 0)
        fail ("expect-snap: row %ld differs:\n  then: %.*s\n  now:  %.*s",
              r, (int) la, a, (int) lb, b);
      a += la + (a[la] != 0);
      b += lb + (b[lb] != 0);
    }
  fail ("expect-snap: the screen differs");
}

/* screen: print the screen to stdout.  */
void
run_screen (const struct cmd *c)
{
  (void) c;
  drain_check ();
  dump (stdout);
}

/* sleep-ms N: let N ms pass, still processing output (timing tests).  */
void
run_sleep (const struct cmd *c)
{
  double deadline = now () + c->a / 1000.0;
  while (now () < deadline)
    pump (left_ms (deadline, 50));
}

/* signal NAME: send a signal to the child process.  */
void
run_signal (const struct cmd *c)
{
  check_child ();
  if (D.reaped)
    fail ("signal: the program already %s", child_state ());
  kill (D.pid, (int) c->a);
}

/* close: close the pty master; the terminal goes away.  */
void
run_close (const struct cmd *c)
{
  (void) c;
  drain ();
  if (D.master >= 0)
    close (D.master);
  D.master = -1;
  D.outlen = 0;
}

/* expect-exit CODE|signal:NAME [WITHIN_MS] (C->a is -signal).  */
void
run_exit (const struct cmd *c)
{
  int ms = c->b >= 0 ? (int) (c->b * D.scale) : (int) (D.timeout * 1000);
  char want[64];
  reap_for (ms);
  if (D.reaped)
    D.stall_until = 0;          /* a stalled terminal gets its last words */
  drain ();
  if (c->a >= 0)
    snprintf (want, sizeof want, "exit with code %ld", c->a);
  else
    snprintf (want, sizeof want, "be killed by signal:%s",
              sig_name ((int) -c->a));
  if (!D.reaped)
    fail ("expect-exit: expected the program to %s within %d ms; it %s",
          want, ms, child_state ());
  if (c->a >= 0 ? !WIFEXITED (D.status) || WEXITSTATUS (D.status) != c->a
      : !WIFSIGNALED (D.status) || WTERMSIG (D.status) != -c->a)
    fail ("expect-exit: expected the program to %s; it %s", want,
          child_state ());
  D.status_checked = 1;
}

/* expect-running: the child has not exited.  */
void
run_running (const struct cmd *c)
{
  (void) c;
  drain ();
  check_child ();
  if (D.reaped)
    fail ("expect-running: expected the program to run; it %s",
          child_state ());
}
