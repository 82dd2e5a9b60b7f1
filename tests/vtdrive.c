/* vtdrive.c - run a program in a pseudo-terminal, render what it writes
   with libvterm, and check what a person would see, following a script.
   The script language is documented in tests/vtdrive.md.  Exit status:
   0 the script passed, 1 an assertion failed, 2 usage or setup error.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

#include "vtdrive.h"

struct vtdrive D = { .master = -1, .rows = 24, .cols = 80, .timeout = 5.0,
                     .scale = 1.0 };

/* realloc that exits on failure.  */
void *
xrealloc (void *p, size_t n)
{
  if (!(p = realloc (p, n ? n : 1)))
    {
      fputs ("vtdrive: out of memory\n", stderr);
      exit (2);
    }
  return p;
}

/* strdup that exits on failure.  */
char *
xstrdup (const char *s)
{
  size_t n = strlen (s) + 1;
  return memcpy (xrealloc (NULL, n), s, n);
}

/* Monotonic clock in seconds.  */
double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Sleep MS milliseconds, resuming after signal interruptions.  */
void
sleep_ms (int ms)
{
  struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
  while (nanosleep (&ts, &ts) < 0 && errno == EINTR)
    ;
}

/* Milliseconds left until DEADLINE, rounded up, at most CAP.  */
int
left_ms (double deadline, int cap)
{
  double ms = (deadline - now ()) * 1000;
  return ms <= 0 ? 0 : ms < cap ? (int) ms + 1 : cap;
}

/* Append code point CP to S as UTF-8; return the new end.  */
static char *
put_utf8 (char *s, uint32_t cp)
{
  static const unsigned char lead[] = { 0, 0, 0xc0, 0xe0, 0xf0 };
  int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  for (int i = len - 1; i > 0; i--, cp >>= 6)
    s[i] = (char) (0x80 | (cp & 0x3f));
  s[0] = (char) (lead[len] | cp);
  return s + len;
}

/* ------------------------------------------------------------- screen */

/* The libvterm cell at ROW,COL, zeroed first so unused chars are 0.  */
VTermScreenCell
get_cell (long row, long col)
{
  VTermScreenCell cell;
  VTermPos pos = { (int) row, (int) col };
  memset (&cell, 0, sizeof cell);
  vterm_screen_get_cell (D.scr, pos, &cell);
  return cell;
}

/* Append the characters of CELL to S, a blank for an empty cell.  */
char *
put_cell (char *s, const VTermScreenCell *cell)
{
  if (cell->chars[0] == 0)
    *s++ = ' ';
  for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell->chars[i]; i++)
    s = put_utf8 (s, cell->chars[i]);
  return s;
}

/* Row ROW as malloc'd UTF-8 (wide chars once); trailing blanks
   removed if TRIM.  */
char *
row_text (long row, int trim)
{
  size_t size = (size_t) D.cols * VTERM_MAX_CHARS_PER_CELL * 4 + 1;
  char *buf = xrealloc (NULL, size), *s = buf;
  for (int col = 0; col < D.cols; col++)
    {
      VTermScreenCell cell = get_cell (row, col);
      if (cell.chars[0] != CONT)
        s = put_cell (s, &cell);
    }
  while (trim && s > buf && s[-1] == ' ')
    s--;
  *s = 0;
  return buf;
}

/* The first row containing TEXT, or -1.  */
int
find_row (const char *text)
{
  for (int row = 0; row < D.rows; row++)
    {
      char *t = row_text (row, 0);
      int hit = strstr (t, text) != NULL;
      free (t);
      if (hit)
        return row;
    }
  return -1;
}

/* Print the screen, framed, to F.  */
void
dump (FILE *f)
{
  VTermPos cur;
  vterm_state_get_cursorpos (D.st, &cur);
  fprintf (f, "--- screen %dx%d cursor %d,%d ---\n", D.cols, D.rows,
           cur.row, cur.col);
  for (int row = 0; row < D.rows; row++)
    {
      char *t = row_text (row, 1);
      fprintf (f, "%s\n", t);
      free (t);
    }
  fputs ("---\n", f);
  fflush (f);
}

/* ------------------------------------------------------------- child */

/* Send SIG to the child's process group (or the child, if none yet).  */
static void
signal_group (int sig)
{
  if (D.pid > 0 && !D.reaped && kill (-D.pid, sig) < 0)
    kill (D.pid, sig);
}

/* Reap the child if it has exited; never blocks.  */
void
check_child (void)
{
  pid_t r;
  if (D.pid <= 0 || D.reaped)
    return;
  do
    r = waitpid (D.pid, &D.status, WNOHANG);
  while (r < 0 && errno == EINTR);
  D.reaped = r == D.pid || (r < 0 && errno == ECHILD);
}

/* SIGKILL all our children but the script's child: descendants of it
   that were orphaned and adopted by us (we are a subreaper).  */
static void
kill_adopted (void)
{
  char path[64];
  long pid;
  FILE *f;
  snprintf (path, sizeof path, "/proc/self/task/%d/children", (int) getpid ());
  if (!(f = fopen (path, "r")))
    return;
  while (fscanf (f, "%ld", &pid) == 1)
    if (pid != D.pid)
      kill ((pid_t) pid, SIGKILL);
  fclose (f);
}

/* SIGKILL the child's process group and reap the child; then kill and
   reap (for up to 1 s) any descendants of it that outlived it.  */
static void
kill_child (void)
{
  double deadline = now () + 1;
  pid_t r;
  if (D.pid > 0 && !D.reaped)
    {
      signal_group (SIGKILL);
      while (waitpid (D.pid, &D.status, 0) < 0 && errno == EINTR)
        ;
      D.reaped = 1;
    }
  for (; now () < deadline; sleep_ms (10))
    {
      kill_adopted ();
      while ((r = waitpid (-1, NULL, WNOHANG)) > 0
             || (r < 0 && errno == EINTR))
        ;
      if (r < 0)
        return;                 /* ECHILD: none left */
    }
}

/* The child's state in words, for messages.  */
const char *
child_state (void)
{
  static char buf[64];
  if (!D.reaped)
    return "is still running";
  if (WIFEXITED (D.status))
    snprintf (buf, sizeof buf, "exited with code %d", WEXITSTATUS (D.status));
  else
    snprintf (buf, sizeof buf, "was killed by signal:%s",
              sig_name (WTERMSIG (D.status)));
  return buf;
}

/* Print "SCRIPT:LINE: message" and exit with CODE; for an assertion
   failure (CODE 1) dump the screen and kill the child first.  */
void
report (int code, const char *fmt, ...)
{
  va_list ap;
  fprintf (stderr, "%s:%d: ", D.script, D.line);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
  if (code == 1)
    {
      dump (stderr);
      kill_child ();
    }
  exit (code);
}

/* ----------------------------------------------------------- pty I/O */

/* Queue LEN bytes for writing to the child.  */
void
queue (const char *s, size_t len)
{
  race_queue ();
  if (D.outlen + len > D.outcap)
    D.out = xrealloc (D.out, D.outcap = (D.outlen + len) * 2);
  memcpy (D.out + D.outlen, s, len);
  D.outlen += len;
}

/* libvterm's output callback (keys, mouse, query replies).  */
static void
on_output (const char *s, size_t len, void *user)
{
  (void) user;
  queue (s, len);
}

/* libvterm's screen callback for terminal properties: note the mouse
   mode, as libvterm 0.1 encodes clicks even if the app asked for none;
   and the alternate screen and the cursor, for expect-sane.  */
static int
on_prop (VTermProp prop, VTermValue *val, void *user)
{
  (void) user;
  if (prop == VTERM_PROP_MOUSE)
    D.mouse = val->number;
  else if (prop == VTERM_PROP_ALTSCREEN)
    D.altscreen = val->boolean;
  else if (prop == VTERM_PROP_CURSORVISIBLE)
    D.cursor_hidden = !val->boolean;
  return 1;
}

/* Feed libvterm "CSI ? P h" (or l) for each parameter after the first
   in MODE, the parameters of a complete "CSI ? P;P... h" sequence.  */
static void
split_modes (const char *mode, char final)
{
  char one[32];
  for (const char *p = strchr (mode, ';'); p; p = strchr (p + 1, ';'))
    {
      int n = snprintf (one, sizeof one, "\033[?%.*s%c",
                        (int) strcspn (p + 1, ";"), p + 1, final);
      vterm_input_write (D.vt, one, (size_t) n);
    }
}

/* Note the cursor-key mode (DECCKM, mode 1: the keypad's application
   mode) among PARAMS of a "CSI ? Pm h/l", for wait-keypad.  */
static void
note_keypad (const char *params, char final)
{
  for (const char *p = params;; p++)
    {
      if (atoi (p) == 1)
        D.appkeys = final == 'h';
      if (!(p = strchr (p, ';')))
        break;
    }
}

/* Feed child output to libvterm.  libvterm 0.1 applies only the first
   parameter of "CSI ? Pm h/l" (ncurses enables the mouse with
   CSI ? 1006;1000 h), so apply the others right after each one.  */
/* Give libvterm the N bytes at S that the program wrote.  */
void
feed (const char *s, size_t n)
{
  race_fed (n);
  size_t done = 0, len;
  for (size_t i = 0; i < n; i++)
    {
      char ch = s[i];
      len = strlen (D.mode);
      if (len >= 3 && (ch == 'h' || ch == 'l'))
        {
          vterm_input_write (D.vt, s + done, i + 1 - done);
          split_modes (D.mode + 3, ch);
          note_keypad (D.mode + 3, ch);
          done = i + 1;
        }
      if (len < 3 ? ch == "\033[?"[len]
          : ch && strchr ("0123456789;", ch) && len < sizeof D.mode - 1)
        D.mode[len++] = ch;
      else
        len = ch == '\033' ? (D.mode[0] = ch, 1) : 0;
      D.mode[len] = 0;
    }
  vterm_input_write (D.vt, s + done, n - done);
}

/* Feed what the child wrote (at most 64 KiB) to libvterm; 1 if any.  */
static int
read_child (void)
{
  char buf[4096];
  int got = 0;
  while (got < 16)
    {
      ssize_t n = read (D.master, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        break;
      if (n <= 0)               /* EIO: all slave fds are closed */
        {
          D.eof = 1;
          break;
        }
      sgr_scan (buf, (size_t) n);
      got++;
      if (race_hold (buf, (size_t) n))  /* VTDRIVE_RACE=early */
        {
          race_next ();
          break;
        }
      feed (buf, (size_t) n);
    }
  return got > 0;
}

/* Write queued bytes to the child as far as the pty accepts them.  */
static void
write_child (void)
{
  while (D.outlen > 0)
    {
      ssize_t n = write (D.master, D.out, D.outlen);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        return;
      if (n <= 0)               /* the slave side is gone: drop them */
        n = (ssize_t) D.outlen;
      memmove (D.out, D.out + n, D.outlen - (size_t) n);
      D.outlen -= (size_t) n;
    }
}

/* Exchange data with the child, waiting up to MS ms; 1 if it wrote.  */
int
pump (int ms)
{
  struct pollfd p = { D.master, POLLIN, 0 };
  int got = 0, stalled = now () < D.stall_until;
  if (stalled)                  /* `stall`: write, but do not read */
    ms = left_ms (D.stall_until, ms);
  if (D.master < 0 || D.eof || (stalled && !D.outlen))
    {
      sleep_ms (ms);
      return 0;
    }
  if (!stalled && race_next ())  /* VTDRIVE_RACE=early: a byte kept back */
    {
      if (D.outlen && !D.eof)
        write_child ();
      return 1;
    }
  if (D.outlen)
    p.events = stalled ? POLLOUT : POLLIN | POLLOUT;
  if (poll (&p, 1, ms) <= 0)    /* timeout or EINTR: the caller loops */
    return 0;
  if (!stalled && (p.revents & (POLLIN | POLLHUP | POLLERR)))
    got = read_child ();
  if (D.outlen && !D.eof)
    write_child ();
  return got;
}

/* Take in the output the child has already produced (at most 1 MiB, in
   case it never stops), without blocking.  */
void
drain (void)
{
  if (race_no_drain ())
    return;
  for (int i = 0; i < 16 && pump (0); i++)
    ;
}

/* Wait up to MS ms for the child to exit, draining the pty meanwhile.  */
void
reap_for (int ms)
{
  double deadline = now () + ms / 1000.0;
  for (check_child (); !D.reaped && now () < deadline; check_child ())
    pump (10);
}

/* Fail unless the pty can still carry input for command WHAT.  */
void
need_pty (const char *what)
{
  if (D.master < 0)
    fail ("%s: the terminal was closed by `close`", what);
  if (D.eof)
    {
      reap_for (1000);
      fail ("%s: the program closed the terminal; it %s", what,
            child_state ());
    }
}

/* Push all queued input to the child; fail if it is not taken in time.  */
void
flush_input (const char *what)
{
  double deadline = now () + D.timeout;
  while (D.outlen > 0)
    {
      need_pty (what);
      if (now () >= deadline)
        fail ("%s: the program did not read its input within %.1f s",
              what, D.timeout);
      pump (left_ms (deadline, 50));
    }
  D.sent_at = now ();
  race_sent ();
}

/* -------------------------------------------------------------- main */

/* Print usage to stdout (exit 0) or stderr (exit 2).  */
static void
usage (int code)
{
  fputs ("usage: vtdrive [--size=COLSxROWS] [--timeout=SECONDS] "
         "[--time-scale=N]\n"
         "               [--require-clean-exit] [--term=NAME] "
         "SCRIPT -- COMMAND [ARGS...]\n",
         code ? stderr : stdout);
  exit (code);
}

/* Parse options and SCRIPT; return the index of COMMAND in ARGV.  */
static int
parse_options (int argc, char **argv, const char **term)
{
  int i;
  char extra, *end;
  for (i = 1; i < argc && !strncmp (argv[i], "--", 2) && argv[i][2]; i++)
    if (!strncmp (argv[i], "--size=", 7))
      {
        if (sscanf (argv[i] + 7, "%dx%d%c", &D.cols, &D.rows, &extra) != 2
            || D.cols < 1 || D.rows < 1 || D.cols > 9999 || D.rows > 9999)
          usage (2);
      }
    else if (!strncmp (argv[i], "--timeout=", 10))
      {
        D.timeout = strtod (argv[i] + 10, &end);
        if (*end || end == argv[i] + 10 || !(D.timeout > 0 && D.timeout < 1e6))
          usage (2);
      }
    else if (!strncmp (argv[i], "--time-scale=", 13))
      {
        D.scale = strtod (argv[i] + 13, &end);
        if (*end || end == argv[i] + 13 || !(D.scale >= 1 && D.scale < 1e4))
          usage (2);
      }
    else if (!strcmp (argv[i], "--require-clean-exit"))
      D.clean_exit = 1;
    else if (!strncmp (argv[i], "--term=", 7) && argv[i][7])
      *term = argv[i] + 7;
    else
      usage (strcmp (argv[i], "--help") ? 2 : 0);
  if (argc - i < 3 || strcmp (argv[i + 1], "--"))
    usage (2);
  D.script = argv[i];
  return i + 2;
}

/* In the forked child: reset signals and environment, exec ARGV.  */
static void
exec_child (char **argv, const char *term)
{
  static const int reset[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE,
                               SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH, SIGCHLD };
  sigset_t none;
  for (size_t i = 0; i < NELEM (reset); i++)
    signal (reset[i], SIG_DFL);
  sigemptyset (&none);
  sigprocmask (SIG_SETMASK, &none, NULL);
  setenv ("TERM", term, 1);
  unsetenv ("COLUMNS");
  unsetenv ("LINES");
  execvp (argv[0], argv);
  fprintf (stderr, "vtdrive: cannot run %s: %s\n", argv[0], strerror (errno));
  _exit (127);
}

/* If the driver itself is killed, take the child down too.  */
static void
on_fatal (int sig)
{
  signal_group (SIGKILL);
  if (D.pid > 0 && !D.reaped)
    waitpid (D.pid, NULL, 0);
  signal (sig, SIG_DFL);
  raise (sig);
}

/* Create the libvterm terminal; start ARGV on a pty of the same size.  */
static void
start (char **argv, const char *term)
{
  static const VTermScreenCallbacks cb = { .settermprop = on_prop };
  struct winsize ws = { .ws_row = (unsigned short) D.rows,
                        .ws_col = (unsigned short) D.cols };
  D.vt = vterm_new (D.rows, VT_COLS (D.cols));
  vterm_set_utf8 (D.vt, 1);
  vterm_output_set_callback (D.vt, on_output, NULL);
  D.scr = vterm_obtain_screen (D.vt);
  vterm_screen_set_callbacks (D.scr, &cb, NULL);
  vterm_screen_enable_altscreen (D.scr, 1);
  vterm_screen_reset (D.scr, 1);
  D.st = vterm_obtain_state (D.vt);
  prctl (PR_SET_CHILD_SUBREAPER, 1);
  signal (SIGPIPE, SIG_IGN);
  signal (SIGCHLD, SIG_DFL);    /* waitpid must see the child's status */
  signal (SIGINT, on_fatal);
  signal (SIGTERM, on_fatal);
  signal (SIGHUP, on_fatal);
  if ((D.pid = forkpty (&D.master, NULL, NULL, &ws)) < 0)
    {
      perror ("vtdrive: forkpty");
      exit (2);
    }
  if (D.pid == 0)
    exec_child (argv, term);
  fcntl (D.master, F_SETFL, fcntl (D.master, F_GETFL) | O_NONBLOCK);
}

/* End of script: stop a still running child (TERM, 1 s, KILL), reap.
   With --require-clean-exit, wait the timeout for it, and fail unless
   it exited with 0 (or an expect-exit checked its status).  */
static void
finish (void)
{
  D.stall_until = 0;
  check_child ();
  if (!D.reaped)
    {
      signal_group (SIGTERM);
      signal_group (SIGCONT);
      reap_for (D.clean_exit ? (int) (D.timeout * 1000) : 1000);
    }
  if (D.clean_exit && !D.status_checked
      && (!D.reaped || !WIFEXITED (D.status) || WEXITSTATUS (D.status)))
    fail ("end of script: expected the program to exit with code 0 "
          "(--require-clean-exit); it %s", child_state ());
  kill_child ();
  if (D.master >= 0)
    close (D.master);
  vterm_free (D.vt);
  free (D.out);
}

int
main (int argc, char **argv)
{
  const char *term = "xterm-256color";
  int first = parse_options (argc, argv, &term), n;
  struct cmd *cmds = load_script (&n);
  race_init ();
  start (argv + first, term);
  for (int i = 0; i < n; i++)
    {
      D.line = cmds[i].line;
      cmds[i].spec->run (&cmds[i]);
    }
  finish ();
  for (int i = 0; i < n; i++)
    free (cmds[i].text);
  free (cmds);
  return 0;
}
