/* vtdrive.c - run a program in a pseudo-terminal, render what it writes
   with libvterm, and check what a person would see, following a script.
   The script language is documented in tests/vtdrive.md.  Exit status:
   0 the script passed, 1 an assertion failed, 2 usage or setup error.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#define _GNU_SOURCE
#include <ctype.h>
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

#define CONT ((uint32_t) -1)    /* chars[0] of a wide char's right half */
#define NELEM(a) (sizeof (a) / sizeof (a)[0])
#define fail(...) report (1, __VA_ARGS__)
#define syntax(...) report (2, __VA_ARGS__)

enum shape { S_NONE, S_TEXT, S_ROW_TEXT, S_INT, S_POS, S_SIZE, S_KEYS,
             S_HEX, S_EXIT, S_SIG };
enum { M_SCREEN, M_GONE, M_ROW, M_WAIT = 4 };      /* text conditions */
enum { AT_REVERSE, AT_BOLD, AT_WIDE, AT_NOT = 8 }; /* cell conditions */

struct cmd;
typedef void runfn (const struct cmd *c);
struct spec { const char *name; enum shape shape; runfn *run; int arg; };
struct cmd                      /* one parsed script line */
{
  const struct spec *spec;
  int line;
  long a, b;                    /* row/col, cols/rows, code/within_ms */
  char *text;                   /* text, key list or raw bytes */
};

static struct
{
  VTerm *vt;
  VTermScreen *scr;
  VTermState *st;
  int master;                   /* pty master; -1 after `close` */
  int eof;                      /* read gave EIO: all slave fds closed */
  int mouse;                    /* VTERM_PROP_MOUSE_*: the app's mode */
  char mode[48];                /* a "CSI ? Pm" seen so far, or "" */
  pid_t pid;
  int reaped, status;
  char *out;                    /* bytes waiting to be written to the pty */
  size_t outlen, outcap;
  int rows, cols, line;
  double timeout;
  const char *script;
} D = { .master = -1, .rows = 24, .cols = 80, .timeout = 5.0 };

static const struct { const char *name; int sig; } signames[] = {
  { "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
  { "ABRT", SIGABRT }, { "KILL", SIGKILL }, { "SEGV", SIGSEGV },
  { "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM },
  { "USR1", SIGUSR1 }, { "USR2", SIGUSR2 }, { "CONT", SIGCONT },
  { "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "WINCH", SIGWINCH },
};
static const struct { const char *name; VTermKey key; } keynames[] = {
  { "Up", VTERM_KEY_UP }, { "Down", VTERM_KEY_DOWN },
  { "Left", VTERM_KEY_LEFT }, { "Right", VTERM_KEY_RIGHT },
  { "Enter", VTERM_KEY_ENTER }, { "Tab", VTERM_KEY_TAB },
  { "Backspace", VTERM_KEY_BACKSPACE }, { "Esc", VTERM_KEY_ESCAPE },
  { "Home", VTERM_KEY_HOME }, { "End", VTERM_KEY_END },
  { "PgUp", VTERM_KEY_PAGEUP }, { "PgDn", VTERM_KEY_PAGEDOWN },
  { "Insert", VTERM_KEY_INS }, { "Delete", VTERM_KEY_DEL },
};
static const char *const shape_usage[] = {
  "", " TEXT", " ROW TEXT", " N", " ROW COL", " COLS ROWS", " KEY...",
  " HEX", " CODE|signal:NAME [WITHIN_MS]", " NAME",
};

/* realloc that exits on failure.  */
static void *
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
static char *
xstrdup (const char *s)
{
  size_t n = strlen (s) + 1;
  return memcpy (xrealloc (NULL, n), s, n);
}

/* Monotonic clock in seconds.  */
static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Sleep MS milliseconds, resuming after signal interruptions.  */
static void
sleep_ms (int ms)
{
  struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
  while (nanosleep (&ts, &ts) < 0 && errno == EINTR)
    ;
}

/* Milliseconds left until DEADLINE, rounded up, at most CAP.  */
static int
left_ms (double deadline, int cap)
{
  double ms = (deadline - now ()) * 1000;
  return ms <= 0 ? 0 : ms < cap ? (int) ms + 1 : cap;
}

/* Signal number for NAME ("TERM" or "SIGTERM"); 0 if unknown.  */
static int
sig_num (const char *name)
{
  name += strncmp (name, "SIG", 3) ? 0 : 3;
  for (size_t i = 0; i < NELEM (signames); i++)
    if (!strcmp (signames[i].name, name))
      return signames[i].sig;
  return 0;
}

/* Short name of signal SIG ("TERM"), or its number.  */
static const char *
sig_name (int sig)
{
  static char buf[16];
  for (size_t i = 0; i < NELEM (signames); i++)
    if (signames[i].sig == sig)
      return signames[i].name;
  snprintf (buf, sizeof buf, "%d", sig);
  return buf;
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

/* The code point of TOK if it is exactly one UTF-8 character, else 0.  */
static uint32_t
one_char (const char *tok)
{
  const unsigned char *u = (const unsigned char *) tok;
  size_t len = u[0] < 0xc0 ? 1 : u[0] < 0xe0 ? 2 : u[0] < 0xf0 ? 3 : 4;
  uint32_t cp = len == 1 ? u[0] : u[0] & (0x7fu >> len);
  if (strlen (tok) != len || u[0] < 0x20 || (u[0] & 0xc0) == 0x80)
    return 0;
  for (size_t i = 1; i < len; i++)
    cp = cp << 6 | (u[i] & 0x3f);
  return cp;
}

/* ------------------------------------------------------------- screen */

/* The libvterm cell at ROW,COL, zeroed first so unused chars are 0.  */
static VTermScreenCell
get_cell (long row, long col)
{
  VTermScreenCell cell;
  VTermPos pos = { (int) row, (int) col };
  memset (&cell, 0, sizeof cell);
  vterm_screen_get_cell (D.scr, pos, &cell);
  return cell;
}

/* Append the characters of CELL to S, a blank for an empty cell.  */
static char *
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
static char *
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
static int
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
static void
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
static void
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
static const char *
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
static void __attribute__ ((noreturn, format (printf, 2, 3)))
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
static void
queue (const char *s, size_t len)
{
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
   mode, as libvterm 0.1 encodes clicks even if the app asked for none.  */
static int
on_prop (VTermProp prop, VTermValue *val, void *user)
{
  (void) user;
  if (prop == VTERM_PROP_MOUSE)
    D.mouse = val->number;
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

/* Feed child output to libvterm.  libvterm 0.1 applies only the first
   parameter of "CSI ? Pm h/l" (ncurses enables the mouse with
   CSI ? 1006;1000 h), so apply the others right after each one.  */
static void
feed (const char *s, size_t n)
{
  size_t done = 0, len;
  for (size_t i = 0; i < n; i++)
    {
      char ch = s[i];
      len = strlen (D.mode);
      if (len >= 3 && (ch == 'h' || ch == 'l'))
        {
          vterm_input_write (D.vt, s + done, i + 1 - done);
          split_modes (D.mode + 3, ch);
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
      feed (buf, (size_t) n);
      got++;
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
static int
pump (int ms)
{
  struct pollfd p = { D.master, POLLIN, 0 };
  int got = 0;
  if (D.master < 0 || D.eof)
    {
      sleep_ms (ms);
      return 0;
    }
  if (D.outlen)
    p.events |= POLLOUT;
  if (poll (&p, 1, ms) <= 0)    /* timeout or EINTR: the caller loops */
    return 0;
  if (p.revents & (POLLIN | POLLHUP | POLLERR))
    got = read_child ();
  if (D.outlen && !D.eof)
    write_child ();
  return got;
}

/* Take in the output the child has already produced (at most 1 MiB, in
   case it never stops), without blocking.  */
static void
drain (void)
{
  for (int i = 0; i < 16 && pump (0); i++)
    ;
}

/* Wait up to MS ms for the child to exit, draining the pty meanwhile.  */
static void
reap_for (int ms)
{
  double deadline = now () + ms / 1000.0;
  for (check_child (); !D.reaped && now () < deadline; check_child ())
    pump (10);
}

/* Fail unless the pty can still carry input for command WHAT.  */
static void
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
static void
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
}

/* ---------------------------------------------------------- commands */

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
static void
run_text (const struct cmd *c)
{
  double deadline = now () + (c->spec->arg & M_WAIT ? D.timeout : 0);
  char why[4096];
  drain ();
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
          return;
        }
      pump (left_ms (deadline, 100));
    }
}

/* Fail unless cell ROW,COL of command C lies on the screen.  */
static void
check_cell (const struct cmd *c)
{
  if (c->a >= D.rows || c->b >= D.cols)
    fail ("%s: cell %ld,%ld is outside the %dx%d screen", c->spec->name,
          c->a, c->b, D.cols, D.rows);
}

/* expect-cursor ROW COL.  */
static void
run_cursor (const struct cmd *c)
{
  VTermPos p;
  drain ();
  vterm_state_get_cursorpos (D.st, &p);
  if (p.row != c->a || p.col != c->b)
    fail ("expect-cursor: expected the cursor at %ld,%ld; it is at %d,%d",
          c->a, c->b, p.row, p.col);
}

/* expect-[not-]reverse, expect-[not-]bold, expect-wide ROW COL.  */
static void
run_attr (const struct cmd *c)
{
  static const char *const what[] = { "reverse video", "bold",
                                      "a double-width character" };
  int kind = c->spec->arg & 7, neg = !!(c->spec->arg & AT_NOT), have;
  VTermScreenCell cell;
  char text[32] = "";
  drain ();
  check_cell (c);
  cell = get_cell (c->a, c->b);
  have = kind == AT_REVERSE ? cell.attrs.reverse
    : kind == AT_BOLD ? cell.attrs.bold : cell.width == 2;
  if (!!have != neg)
    return;
  if (cell.chars[0] != CONT)
    *put_cell (text, &cell) = 0;
  fail ("%s: expected %s%s at %ld,%ld; the cell holds \"%s\"%s, width %d%s%s",
        c->spec->name, neg ? "no " : "", what[kind], c->a, c->b, text,
        cell.chars[0] == CONT ? " (right half of a wide char)" : "",
        cell.width, cell.attrs.reverse ? ", reverse" : "",
        cell.attrs.bold ? ", bold" : "");
}

/* Parse key token TOK ("q", "^X", "F5", "C-Left", "S-Tab"); if SEND,
   encode it with libvterm and queue it.  Return 0 if TOK is valid.  */
static int
do_key (const char *tok, int send)
{
  VTermModifier mod = VTERM_MOD_NONE;
  VTermKey key = VTERM_KEY_NONE;
  uint32_t ch = 0;
  int n, up;
  for (; tok[0] && tok[1] == '-' && tok[2] && strchr ("SCM", tok[0]); tok += 2)
    mod |= tok[0] == 'S' ? VTERM_MOD_SHIFT
      : tok[0] == 'C' ? VTERM_MOD_CTRL : VTERM_MOD_ALT;
  for (size_t i = 0; i < NELEM (keynames); i++)
    if (!strcmp (tok, keynames[i].name))
      key = keynames[i].key;
  n = tok[0] == 'F' ? atoi (tok + 1) : 0;
  if (n >= 1 && n <= 24 && strspn (tok + 1, "0123456789") == strlen (tok + 1))
    key = VTERM_KEY_FUNCTION (n);
  up = toupper ((unsigned char) tok[1]);
  if (tok[0] == '^' && tok[1] && !tok[2]
      && (up == '?' || (up >= '@' && up <= '_')))
    ch = up == '?' ? 0x7f : (uint32_t) (up - '@');
  else if (key == VTERM_KEY_NONE)
    ch = strcmp (tok, "Space") ? one_char (tok) : ' ';
  if (key == VTERM_KEY_NONE && !ch && strcmp (tok, "^@"))
    return -1;
  if (send && key != VTERM_KEY_NONE)
    vterm_keyboard_key (D.vt, key, mod);
  else if (send)
    vterm_keyboard_unichar (D.vt, ch, mod);
  return 0;
}

/* Check (SEND 0) or send (SEND 1) each key of the list S; return an
   error message for the first unknown key, or NULL.  */
static const char *
each_key (const char *s, int send)
{
  static char msg[96];
  char *copy = xstrdup (s), *save = NULL;
  msg[0] = 0;
  for (char *t = strtok_r (copy, " \t", &save); t && !msg[0];
       t = strtok_r (NULL, " \t", &save))
    if (do_key (t, send))
      snprintf (msg, sizeof msg, "unknown key '%.40s'", t);
    else if (send)
      flush_input ("key");
  free (copy);
  return msg[0] ? msg : NULL;
}

/* key NAME...: send each key, encoded by libvterm as xterm would.  */
static void
run_key (const struct cmd *c)
{
  need_pty ("key");
  each_key (c->text, 1);
}

/* type TEXT: send TEXT as typed.  (vterm_keyboard_unichar without
   modifiers emits exactly the character's UTF-8 bytes.)  raw HEX: send
   the decoded bytes.  */
static void
run_send (const struct cmd *c)
{
  need_pty (c->spec->name);
  queue (c->text, c->spec->shape == S_HEX ? (size_t) c->a : strlen (c->text));
  flush_input (c->spec->name);
}

/* click ROW COL: left press and release, in the app's mouse mode.  */
static void
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
static void
run_resize (const struct cmd *c)
{
  struct winsize ws = { .ws_row = (unsigned short) c->b,
                        .ws_col = (unsigned short) c->a };
  need_pty ("resize");
  drain ();
  vterm_set_size (D.vt, D.rows = (int) c->b, D.cols = (int) c->a);
  if (ioctl (D.master, TIOCSWINSZ, &ws) < 0)
    fail ("resize: TIOCSWINSZ: %s", strerror (errno));
}

/* screen: print the screen to stdout.  */
static void
run_screen (const struct cmd *c)
{
  (void) c;
  drain ();
  dump (stdout);
}

/* sleep-ms N: let N ms pass, still processing output (timing tests).  */
static void
run_sleep (const struct cmd *c)
{
  double deadline = now () + c->a / 1000.0;
  while (now () < deadline)
    pump (left_ms (deadline, 50));
}

/* signal NAME: send a signal to the child process.  */
static void
run_signal (const struct cmd *c)
{
  check_child ();
  if (D.reaped)
    fail ("signal: the program already %s", child_state ());
  kill (D.pid, (int) c->a);
}

/* close: close the pty master; the terminal goes away.  */
static void
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
static void
run_exit (const struct cmd *c)
{
  int ms = c->b >= 0 ? (int) c->b : (int) (D.timeout * 1000);
  char want[64];
  reap_for (ms);
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
}

/* expect-running: the child has not exited.  */
static void
run_running (const struct cmd *c)
{
  (void) c;
  drain ();
  check_child ();
  if (D.reaped)
    fail ("expect-running: expected the program to run; it %s",
          child_state ());
}

static const struct spec specs[] = {
  { "wait", S_TEXT, run_text, M_WAIT | M_SCREEN },
  { "wait-row", S_ROW_TEXT, run_text, M_WAIT | M_ROW },
  { "wait-gone", S_TEXT, run_text, M_WAIT | M_GONE },
  { "expect", S_TEXT, run_text, M_SCREEN },
  { "expect-not", S_TEXT, run_text, M_GONE },
  { "expect-row", S_ROW_TEXT, run_text, M_ROW },
  { "expect-cursor", S_POS, run_cursor, 0 },
  { "expect-reverse", S_POS, run_attr, AT_REVERSE },
  { "expect-not-reverse", S_POS, run_attr, AT_REVERSE | AT_NOT },
  { "expect-bold", S_POS, run_attr, AT_BOLD },
  { "expect-not-bold", S_POS, run_attr, AT_BOLD | AT_NOT },
  { "expect-wide", S_POS, run_attr, AT_WIDE },
  { "expect-exit", S_EXIT, run_exit, 0 },
  { "expect-running", S_NONE, run_running, 0 },
  { "key", S_KEYS, run_key, 0 },
  { "type", S_TEXT, run_send, 0 },
  { "raw", S_HEX, run_send, 0 },
  { "click", S_POS, run_click, 0 },
  { "resize", S_SIZE, run_resize, 0 },
  { "screen", S_NONE, run_screen, 0 },
  { "sleep-ms", S_INT, run_sleep, 0 },
  { "signal", S_SIG, run_signal, 0 },
  { "close", S_NONE, run_close, 0 },
};

/* ----------------------------------------------------------- parsing */

/* Parse a decimal number 0..MAX at *P, then skip blanks; 0 if valid.  */
static int
parse_num (char **p, long max, long *out)
{
  char *end;
  if (!isdigit ((unsigned char) **p))
    return -1;
  errno = 0;
  *out = strtol (*p, &end, 10);
  if (errno || *out > max || (*end && *end != ' ' && *end != '\t'))
    return -1;
  *p = end + strspn (end, " \t");
  return 0;
}

/* Strip trailing blanks and one pair of enclosing double quotes.  */
static char *
unquote (char *s)
{
  size_t n = strlen (s);
  while (n && isspace ((unsigned char) s[n - 1]))
    s[--n] = 0;
  if (n >= 2 && s[0] == '"' && s[n - 1] == '"')
    s[n - 1] = 0, s++;
  return s;
}

/* Decode hex byte pairs (blanks allowed between) from S into C->text,
   counting them in C->a; 0 if valid.  */
static int
parse_hex (struct cmd *c, const char *s)
{
  unsigned char byte;
  int used;
  for (s += strspn (s, " \t"); *s; s += used + strspn (s + used, " \t"))
    {
      if (!isxdigit ((unsigned char) s[0]) || !isxdigit ((unsigned char) s[1])
          || sscanf (s, "%2hhx%n", &byte, &used) != 1)
        return -1;
      c->text[c->a++] = (char) byte;
    }
  return 0;
}

/* Parse "CODE|signal:NAME [WITHIN_MS]" into C->a (-signal) and C->b.  */
static const char *
parse_exit (struct cmd *c, char *s)
{
  c->b = -1;
  if (!strncmp (s, "signal:", 7))
    {
      size_t n = strcspn (s, " \t");
      char save = s[n];
      s[n] = 0;
      c->a = -sig_num (s + 7);
      s[n] = save;
      if (!c->a)
        return "unknown signal";
      s += n + strspn (s + n, " \t");
    }
  else if (parse_num (&s, 255, &c->a))
    return "CODE must be 0..255 or signal:NAME";
  if (*s && parse_num (&s, 86400000, &c->b))
    return "bad WITHIN_MS";
  return *s ? "too many arguments" : NULL;
}

/* Fill C's arguments from S by its command's shape; an error or NULL.  */
static const char *
parse_args (struct cmd *c, char *s)
{
  enum shape sh = c->spec->shape;
  if (sh == S_ROW_TEXT && parse_num (&s, 9999, &c->a))
    return "bad ROW";
  c->text = xstrdup (sh == S_HEX ? s : unquote (s));
  switch (sh)
    {
    case S_NONE:
      return *s ? "takes no arguments" : NULL;
    case S_INT:
      return parse_num (&s, 86400000, &c->a) || *s ? "bad number" : NULL;
    case S_POS:
    case S_SIZE:
      return parse_num (&s, 9999, &c->a) || parse_num (&s, 9999, &c->b) || *s
        || (sh == S_SIZE && (c->a < 1 || c->b < 1)) ? "bad numbers" : NULL;
    case S_ROW_TEXT:
    case S_TEXT:
      return *c->text ? NULL : "missing TEXT";
    case S_KEYS:
      return *s ? each_key (s, 0) : "missing KEY";
    case S_HEX:
      return parse_hex (c, s) ? "HEX must be pairs of hex digits"
        : c->a ? NULL : "missing HEX";
    case S_EXIT:
      return parse_exit (c, unquote (s));
    case S_SIG:
      return (c->a = sig_num (unquote (s))) ? NULL : "unknown signal";
    }
  return "internal error";
}

/* Parse one non-blank script line S into C; exit 2 on a syntax error.  */
static void
parse_line (struct cmd *c, char *s)
{
  char *rest = s + strcspn (s, " \t");
  const char *err;
  if (*rest)
    *rest++ = 0;
  memset (c, 0, sizeof *c);
  c->line = D.line;
  for (size_t i = 0; i < NELEM (specs); i++)
    if (!strcmp (specs[i].name, s))
      c->spec = &specs[i];
  if (!c->spec)
    syntax ("unknown command '%s'", s);
  if ((err = parse_args (c, rest + strspn (rest, " \t"))))
    syntax ("%s: %s (usage: %s%s)", s, err, s, shape_usage[c->spec->shape]);
}

/* Read and check the whole script before anything runs.  */
static struct cmd *
load_script (int *ncmd)
{
  FILE *f = strcmp (D.script, "-") ? fopen (D.script, "r") : stdin;
  char *buf = NULL, *s;
  size_t cap = 0;
  struct cmd *cmds = NULL;
  int n = 0;
  if (!f)
    {
      fprintf (stderr, "vtdrive: %s: %s\n", D.script, strerror (errno));
      exit (2);
    }
  for (D.line = 1; getline (&buf, &cap, f) >= 0; D.line++)
    {
      buf[strcspn (buf, "\r\n")] = 0;
      s = buf + strspn (buf, " \t");
      if (*s == 0 || *s == '#')
        continue;
      cmds = xrealloc (cmds, (size_t) (n + 1) * sizeof *cmds);
      parse_line (&cmds[n++], s);
    }
  free (buf);
  if (f != stdin)
    fclose (f);
  *ncmd = n;
  return cmds;
}

/* -------------------------------------------------------------- main */

/* Print usage to stdout (exit 0) or stderr (exit 2).  */
static void
usage (int code)
{
  fputs ("usage: vtdrive [--size=COLSxROWS] [--timeout=SECONDS] "
         "[--term=NAME] SCRIPT -- COMMAND [ARGS...]\n",
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
  D.vt = vterm_new (D.rows, D.cols);
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

/* End of script: stop a still running child (TERM, 1 s, KILL), reap.  */
static void
finish (void)
{
  check_child ();
  if (!D.reaped)
    {
      signal_group (SIGTERM);
      signal_group (SIGCONT);
      reap_for (1000);
    }
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
