/* ptybench.c - how fast pinav and its peers (less, GNU info, lynx)
   paint their first screen and answer keys, in an 80x24 pseudo-terminal.

   What the programs write goes into libvterm, as in tests/vtdrive.c,
   so that the clock stops when the screen shows what it should:
     - first paint: from just before the fork until what a program
       draws last on its first screen is on the screen: pinav's key
       hints (bottom row), less's prompt (the file name, bottom row),
       info's last body row (info writes its echo area and mode line
       first), lynx's "-- press space for next page --" (it then only
       highlights the first link); then from the same start until the
       program has exited after its quit key (q; Q for lynx);
     - keys: from writing a key until the program has answered it: it
       has read the key, sleeps waiting for the next, and its output has
       all been read; a 2 ms settle check (not counted) catches bytes
       still on their way through the pty.  Bytes are counted per key.
       The first run finds the keys: Down while it changes the screen,
       Up once it no longer does (the end of the page), and so on; the
       other runs, and the callgrind sessions, replay them.
   With BENCH_CALLGRIND=1 (or --callgrind) the same sessions also run
   under valgrind's callgrind; instructions per key come from the
   difference between sessions with and without the keys.

   usage: ptybench paint [--runs=N] PROGRAMS
          ptybench keys [--runs=N] [--callgrind] PROGRAMS
   PROGRAMS: --pinav=PINAV --data=DIR [--open=LINK]...
             [--less=TEXTFILE] [--info=INFOFILE] [--lynx=HTMLFILE]
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vterm.h>

#include "benchutil.h"

#define ROWS 24
#define COLS 80
#define MAX_PROGS 4
#define N_DOWN 200
#define N_PAGE 50
#define SETTLE_MS 2
#define GRACE_S 1.0             /* for output the program wrote elsewhere */
#define TIMEOUT_S 30.0          /* per wait */
#define CG_TIMEOUT_S 600.0      /* per wait under callgrind: a 20 MB pack
                                   read from its YAML takes minutes
                                   on a loaded machine */

struct prog
{
  const char *name;
  const char *argv[8];
  const char *ready;            /* drawn last on the first screen */
  int ready_row;                /* its row, or -1 for any */
  const char *quit;             /* keys that leave at once */
  const char *open[4];          /* links to open, in turn, to reach the
                                   page the keys run on (pinav) */
  size_t n_open;
  char seq[N_DOWN + N_PAGE];    /* the keys, as the first run found them */
  size_t n_seq;
};

/* A program running in a pty.  */
struct session
{
  const struct prog *prog;
  pid_t pid;
  int master, slave;
  int pidfd;                    /* readable once the program exits */
  VTerm *vt;
  VTermScreen *scr;
  size_t bytes;                 /* output read so far */
  long long rchar0, wchar0;     /* the program's reads and writes (bytes,
                                   /proc/PID/io) when the last key was sent */
  size_t bytes0;                /* output read by then */
  bool key_sent;                /* a key is on its way */
  double timeout;               /* seconds, per wait */
  bool valgrind;                /* under callgrind: its reads and writes
                                   include its own (the lock it passes
                                   between threads is a pipe) */
  int status;
  bool exited;
};

static struct prog progs[MAX_PROGS];
static size_t n_progs;
static const char *tag;         /* --tag: names the figures in BENCH_SUMMARY */
static int runs = 21;
static bool use_callgrind;
static FILE *trace;             /* BENCH_TRACE=FILE: raw output, by read */

/* -------------------------------------------------------------- pty */

static void
on_output (const char *s, size_t len, void *user)
{
  struct session *ss = user;
  while (len > 0)
    {
      ssize_t n = write (ss->master, s, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      s += n;
      len -= (size_t) n;
    }
}

/* Start PROG (under callgrind, writing to CG_OUT, when CG_OUT).  */
static void
session_start (struct session *ss, const struct prog *p, const char *cg_out)
{
  struct winsize ws = { .ws_row = ROWS, .ws_col = COLS };
  memset (ss, 0, sizeof *ss);
  ss->prog = p;
  ss->timeout = cg_out ? CG_TIMEOUT_S : TIMEOUT_S;
  ss->valgrind = cg_out != NULL;
  ss->vt = vterm_new (ROWS, COLS);
  vterm_set_utf8 (ss->vt, 1);
  vterm_output_set_callback (ss->vt, on_output, ss);
  ss->scr = vterm_obtain_screen (ss->vt);
  vterm_screen_enable_altscreen (ss->scr, 1);
  vterm_screen_reset (ss->scr, 1);
  ss->pid = forkpty (&ss->master, NULL, NULL, &ws);
  if (ss->pid < 0)
    bench_die ("ptybench: forkpty: %s", strerror (errno));
  if (ss->pid == 0)
    {
      const char *argv[16];
      char out[4200];
      size_t n = 0;
      if (cg_out)
        {
          snprintf (out, sizeof out, "--callgrind-out-file=%s", cg_out);
          argv[n++] = "valgrind";
          argv[n++] = "--tool=callgrind";
          argv[n++] = "--quiet";
          argv[n++] = out;
        }
      for (size_t i = 0; p->argv[i] && n < 15; i++)
        argv[n++] = p->argv[i];
      argv[n] = NULL;
      setenv ("TERM", "xterm-256color", 1);
      setenv ("LC_ALL", "C.UTF-8", 1);
      setenv ("LESSHISTFILE", "-", 1);
      unsetenv ("LESS");
      unsetenv ("LANGUAGE");
      unsetenv ("COLUMNS");
      unsetenv ("LINES");
      unsetenv ("NO_COLOR");
      execvp (argv[0], (char *const *) argv);
      _exit (127);
    }
  fcntl (ss->master, F_SETFL, fcntl (ss->master, F_GETFL) | O_NONBLOCK);
  ss->slave = open (ptsname (ss->master), O_RDWR | O_NOCTTY);
#ifdef SYS_pidfd_open
  ss->pidfd = (int) syscall (SYS_pidfd_open, ss->pid, 0);
#else
  ss->pidfd = -1;
#endif
}

/* Read what the program wrote and feed it to libvterm.
   @retval the number of bytes.  */
static size_t
session_read (struct session *ss)
{
  char buf[16384];
  size_t got = 0;
  for (;;)
    {
      ssize_t n = read (ss->master, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      vterm_input_write (ss->vt, buf, (size_t) n);
      if (trace)
        fprintf (trace, "\n=== %s read %zd bytes at %.3f ms\n", ss->prog->name,
                 n, bench_now () * 1000), fwrite (buf, 1, (size_t) n, trace);
      got += (size_t) n;
    }
  ss->bytes += got;
  return got;
}

/* Wait up to MS ms for output.  @retval bytes read.  */
static size_t
session_pump (struct session *ss, int ms)
{
  struct pollfd p = { ss->master, POLLIN, 0 };
  if (poll (&p, 1, ms) <= 0)
    return 0;
  return session_read (ss);
}

static bool
session_check_exit (struct session *ss)
{
  if (!ss->exited && waitpid (ss->pid, &ss->status, WNOHANG) == ss->pid)
    ss->exited = true;
  return ss->exited;
}

static void
session_end (struct session *ss)
{
  if (!session_check_exit (ss))
    {
      kill (ss->pid, SIGKILL);
      waitpid (ss->pid, &ss->status, 0);
    }
  if (ss->slave >= 0)
    close (ss->slave);
  if (ss->pidfd >= 0)
    close (ss->pidfd);
  close (ss->master);
  vterm_free (ss->vt);
}

/* Row ROW of the screen as UTF-8.  */
static void
row_text (struct session *ss, int row, char *out, size_t size)
{
  size_t n = 0;
  for (int col = 0; col < COLS && n + 8 < size; col++)
    {
      VTermScreenCell c;
      VTermPos pos = { row, col };
      memset (&c, 0, sizeof c);
      vterm_screen_get_cell (ss->scr, pos, &c);
      if (c.chars[0] == (uint32_t) -1)
        continue;
      uint32_t cp = c.chars[0] ? c.chars[0] : ' ';
      if (cp < 0x80)
        out[n++] = (char) cp;
      else if (cp < 0x800)
        out[n++] = (char) (0xC0 | cp >> 6), out[n++] = (char) (0x80 | (cp & 0x3F));
      else
        out[n++] = (char) (0xE0 | cp >> 12),
        out[n++] = (char) (0x80 | ((cp >> 6) & 0x3F)),
        out[n++] = (char) (0x80 | (cp & 0x3F));
    }
  out[n] = '\0';
}

/* Whether TEXT is on row ROW (any row when ROW < 0); an empty TEXT:
   whether the row shows anything.  */
static bool
screen_has (struct session *ss, const char *text, int row)
{
  char buf[COLS * 4 + 1];
  for (int r = row < 0 ? 0 : row; r < (row < 0 ? ROWS : row + 1); r++)
    {
      row_text (ss, r, buf, sizeof buf);
      if (*text ? strstr (buf, text) != NULL
          : buf[strspn (buf, " ")] != '\0')
        return true;
    }
  return false;
}

static void
screen_print (struct session *ss)
{
  char buf[COLS * 4 + 1];
  for (int r = 0; r < ROWS; r++)
    {
      row_text (ss, r, buf, sizeof buf);
      fprintf (stderr, "|%s\n", buf);
    }
}

/* Wait until TEXT is on row ROW.  @retval the time it appeared.  */
static double
session_wait_text (struct session *ss, const char *text, int row)
{
  double deadline = bench_now () + ss->timeout;
  session_read (ss);
  while (!screen_has (ss, text, row))
    {
      if (bench_now () > deadline || session_check_exit (ss))
        {
          screen_print (ss);
          bench_die ("ptybench: %s: \"%s\" did not appear%s",
                     ss->prog->name, text,
                     ss->exited ? ": the program exited" : "");
        }
      session_pump (ss, 100);
    }
  return bench_now ();
}

/* The state letter of the program's process (R, S, D...).  */
static char
proc_state (pid_t pid)
{
  char path[64], buf[512];
  snprintf (path, sizeof path, "/proc/%d/stat", (int) pid);
  int fd = open (path, O_RDONLY);
  if (fd < 0)
    return '?';
  ssize_t n = read (fd, buf, sizeof buf - 1);
  close (fd);
  if (n <= 0)
    return '?';
  buf[n] = '\0';
  char *paren = strrchr (buf, ')');
  return paren && paren[1] == ' ' ? paren[2] : '?';
}

/* The program's peak resident set (VmHWM), in kB.  */
static long
proc_hwm_kb (pid_t pid)
{
  char path[64], line[256];
  long kb = -1;
  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  FILE *f = fopen (path, "r");
  while (f && fgets (line, sizeof line, f))
    if (strncmp (line, "VmHWM:", 6) == 0)
      kb = atol (line + 6);
  if (f)
    fclose (f);
  return kb;
}

static int
queued (int fd)
{
  int n = 0;
  return fd >= 0 && ioctl (fd, FIONREAD, &n) == 0 ? n : 0;
}

/* The program's rchar and wchar (bytes it has read and written by
   read and write calls, any file), or -1 when /proc does not say.  */
static void
proc_io (pid_t pid, long long *rchar, long long *wchar)
{
  char path[64], line[128];
  *rchar = *wchar = -1;
  snprintf (path, sizeof path, "/proc/%d/io", (int) pid);
  FILE *f = fopen (path, "r");
  while (f && fgets (line, sizeof line, f))
    if (strncmp (line, "rchar:", 6) == 0)
      *rchar = atoll (line + 6);
    else if (strncmp (line, "wchar:", 6) == 0)
      *wchar = atoll (line + 6);
  if (f)
    fclose (f);
}

/* Whether the program has taken in the key sent last, answered it, and
   sleeps waiting for the next, with all it wrote read.  Neither pty
   queue being empty says so on its own: the kernel moves bytes from
   one side of a pty to the other later, in a worker thread, which a
   loaded machine can delay by milliseconds.  So the key counts as
   taken in only once the program has read something since it was
   sent (its rchar grew), and the output as all read only once we have
   read as many bytes as it has written since (its wchar), or, for a
   program that also writes elsewhere, after GRACE_S.  Under valgrind
   both counts include valgrind's own pipe: the reads still show that
   something happened, the writes say nothing, and only the old checks
   hold (the instruction counts do not depend on the timing).  */
static bool
session_idle (struct session *ss, double since)
{
  session_read (ss);
  if (queued (ss->slave) != 0 || proc_state (ss->pid) != 'S'
      || queued (ss->master) != 0)
    return false;
  long long r, w;
  proc_io (ss->pid, &r, &w);
  if (ss->key_sent && r >= 0 && r == ss->rchar0)
    return false;               /* the key is still in the pty */
  if (w >= 0 && !ss->valgrind
      && (long long) (ss->bytes - ss->bytes0) < w - ss->wchar0
      && bench_now () - since < GRACE_S)
    return false;               /* output still on its way */
  return true;
}

/* Wait until the program is idle (session_idle), then until the pty
   stays quiet for SETTLE_MS.  @retval when it became idle.  */
static double
session_wait_idle (struct session *ss)
{
  double start = bench_now (), deadline = start + ss->timeout, t;
  for (;;)
    {
      while (!session_idle (ss, start))
        {
          if (bench_now () > deadline || session_check_exit (ss))
            bench_die ("ptybench: %s did not settle after a key%s",
                       ss->prog->name, ss->key_sent
                       && !ss->exited ? " (the key was not read)" : "");
          sched_yield ();
        }
      t = bench_now ();
      if (session_pump (ss, SETTLE_MS) == 0)
        {
          ss->key_sent = false;
          return t;
        }
    }
}

/* Note the program's reads and writes before a key is sent.  */
static void
session_mark (struct session *ss)
{
  session_read (ss);
  proc_io (ss->pid, &ss->rchar0, &ss->wchar0);
  ss->bytes0 = ss->bytes;
  ss->key_sent = true;
}

/* Send one key, by name, encoded by libvterm as the program's
   terminal modes ask.  */
static void
session_key (struct session *ss, const char *name)
{
  static const struct { const char *name; VTermKey key; } keys[] = {
    { "Up", VTERM_KEY_UP }, { "Down", VTERM_KEY_DOWN },
    { "Left", VTERM_KEY_LEFT }, { "Right", VTERM_KEY_RIGHT },
    { "Enter", VTERM_KEY_ENTER }, { "PgUp", VTERM_KEY_PAGEUP },
    { "PgDn", VTERM_KEY_PAGEDOWN }, { "Home", VTERM_KEY_HOME },
    { "End", VTERM_KEY_END }, { "Backspace", VTERM_KEY_BACKSPACE },
  };
  session_mark (ss);
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
    if (strcmp (keys[i].name, name) == 0)
      {
        vterm_keyboard_key (ss->vt, keys[i].key, VTERM_MOD_NONE);
        return;
      }
  if (strlen (name) != 1)
    bench_die ("ptybench: unknown key '%s'", name);
  vterm_keyboard_unichar (ss->vt, (uint32_t) (unsigned char) name[0],
                          VTERM_MOD_NONE);
}

/* Send each key of the space-separated list KEYS ("Down*3" repeats),
   waiting for the answer to each.  */
static void
session_keys (struct session *ss, const char *keys)
{
  char *copy = strdup (keys), *save = NULL;
  for (char *k = strtok_r (copy, " ", &save); k; k = strtok_r (NULL, " ", &save))
    {
      char *star = strchr (k, '*');
      int n = star ? atoi (star + 1) : 1;
      if (star)
        *star = '\0';
      for (int i = 0; i < n; i++)
        {
          session_key (ss, k);
          session_wait_idle (ss);
        }
    }
  free (copy);
}

/* Open, in turn, the links of P->open: Down until the selected line
   (marked '>' in its first column) shows the text, then Enter; the
   page is there when the top row has changed.  With LAST false, the
   last link is selected but not opened.  */
static void
session_goto (struct session *ss, bool last)
{
  char buf[COLS * 4 + 1], top[COLS * 4 + 1];
  for (size_t i = 0; i < ss->prog->n_open; i++)
    {
      const char *text = ss->prog->open[i];
      int downs = 0;
      for (;;)
        {
          int r = 0;
          for (; r < ROWS; r++)
            {
              row_text (ss, r, buf, sizeof buf);
              if (buf[0] == '>' && strstr (buf, text))
                break;
            }
          if (r < ROWS)
            break;
          if (++downs > 1000)
            bench_die ("ptybench: %s: no link \"%s\"", ss->prog->name, text);
          session_keys (ss, "Down");
        }
      if (i + 1 == ss->prog->n_open && !last)
        return;
      row_text (ss, 0, top, sizeof top);
      session_keys (ss, "Enter");
      double deadline = bench_now () + ss->timeout;
      for (row_text (ss, 0, buf, sizeof buf); strcmp (buf, top) == 0;
           row_text (ss, 0, buf, sizeof buf))
        {
          if (bench_now () > deadline || session_check_exit (ss))
            {
              screen_print (ss);
              bench_die ("ptybench: %s: \"%s\" did not open",
                         ss->prog->name, text);
            }
          session_pump (ss, 100);
        }
      session_wait_idle (ss);
    }
}

/* The first line shown, from the position on the bottom row ("lines
   22-43 of 101", "第 22-43 行"), or -1 when it shows none.  */
static long
screen_top_line (struct session *ss)
{
  char buf[COLS * 4 + 1];
  row_text (ss, ROWS - 1, buf, sizeof buf);
  for (char *q = buf; *q; q++)
    if (*q >= '0' && *q <= '9' && (q == buf || q[-1] < '0' || q[-1] > '9'))
      {
        char *end;
        long n = strtol (q, &end, 10);
        if (*end == '-' && end[1] >= '0' && end[1] <= '9')
          return n;
      }
  return -1;
}

/* Append "TAG PROGRAM WHAT VALUE" to the file BENCH_SUMMARY names, for
   run.sh's table of goals.  */
static void
summary (const char *prog, const char *what, double value)
{
  const char *file = getenv ("BENCH_SUMMARY");
  if (!tag || !file || !*file)
    return;
  FILE *f = fopen (file, "a");
  if (!f)
    bench_die ("ptybench: %s: %s", file, strerror (errno));
  fprintf (f, "%s %s %s %.6g\n", tag, prog, what, value);
  fclose (f);
}

/* Send the quit keys and wait for the exit.  @retval when it exited.  */
static double
session_quit (struct session *ss)
{
  double deadline = bench_now () + ss->timeout;
  for (const char *q = ss->prog->quit; *q; q++)
    {
      char k[2] = { *q, '\0' };
      session_key (ss, k);
    }
  /* The pidfd wakes us the moment the program exits; without one, look
     every millisecond.  */
  while (!session_check_exit (ss))
    {
      struct pollfd p[2] = { { ss->master, POLLIN, 0 },
                             { ss->pidfd, POLLIN, 0 } };
      if (bench_now () > deadline)
        bench_die ("ptybench: %s did not quit", ss->prog->name);
      if (poll (p, ss->pidfd >= 0 ? 2 : 1, ss->pidfd >= 0 ? 100 : 1) > 0
          && (p[0].revents & POLLIN))
        session_read (ss);
    }
  return bench_now ();
}

/* ------------------------------------------------------ first paint */

struct paint
{
  double *paint, *exit;         /* ms, per run */
  long hwm_kb;
  size_t bytes;
};

static void
paint_once (const struct prog *p, struct paint *r, int i)
{
  struct session ss;
  double t0 = bench_now ();
  session_start (&ss, p, NULL);
  double t1 = session_wait_text (&ss, p->ready, p->ready_row);
  long hwm = proc_hwm_kb (ss.pid);
  r->bytes = ss.bytes;
  double t2 = session_quit (&ss);
  session_end (&ss);
  r->paint[i] = (t1 - t0) * 1000;
  r->exit[i] = (t2 - t0) * 1000;
  r->hwm_kb = hwm > r->hwm_kb ? hwm : r->hwm_kb;
}

/* Total instructions of a callgrind output file.  */
static double
callgrind_total (const char *file)
{
  char line[512];
  double total = -1;
  FILE *f = fopen (file, "r");
  while (f && fgets (line, sizeof line, f))
    if (strncmp (line, "summary:", 8) == 0 || strncmp (line, "totals:", 7) == 0)
      total = strtod (line + (line[0] == 's' ? 8 : 7), NULL);
  if (f)
    fclose (f);
  if (total < 0)
    bench_die ("ptybench: no totals in %s", file);
  if (getenv ("BENCH_CG_KEEP"))
    fprintf (stderr, "ptybench: kept %s\n", file);
  else
    unlink (file);
  return total;
}

/* The name of key C of a recorded sequence.  */
static const char *
seq_key (char c)
{
  return c == 'D' ? "Down" : c == 'U' ? "Up" : c == 'N' ? "PgDn" : "PgUp";
}

/* Instructions for a session that paints, goes to the program's page
   (NAV 1: opens each link of --open; 2: opens all but the last, and
   selects that), replays the first N_KEYS keys of its recorded
   sequence, and quits.  */
static double
callgrind_session (const struct prog *p, int nav, size_t n_keys)
{
  char out[64];
  struct session ss;
  static int serial;
  snprintf (out, sizeof out, "/tmp/ptybench-cg.%d.%d", (int) getpid (),
            serial++);
  session_start (&ss, p, out);
  session_wait_text (&ss, p->ready, p->ready_row);
  session_wait_idle (&ss);
  if (nav)
    session_goto (&ss, nav == 1);
  for (size_t i = 0; i < n_keys; i++)
    session_keys (&ss, seq_key (p->seq[i]));
  session_quit (&ss);
  session_end (&ss);
  return callgrind_total (out);
}

static void
bench_paint (void)
{
  struct paint r[MAX_PROGS];
  for (size_t j = 0; j < n_progs; j++)
    {
      r[j] = (struct paint) { 0 };
      r[j].paint = bench_xrealloc (NULL, runs * sizeof (double));
      r[j].exit = bench_xrealloc (NULL, runs * sizeof (double));
    }
  for (int i = 0; i < runs; i++)
    for (size_t j = 0; j < n_progs; j++)      /* ABAB... */
      paint_once (&progs[j], &r[j], i);
  printf ("first paint, %dx%d pty, %d runs each, alternating "
          "(ms: median [p10-p90])\n", COLS, ROWS, runs);
  double pin_paint = bench_median (r[0].paint, runs);
  double pin_exit = bench_median (r[0].exit, runs);
  for (size_t j = 0; j < n_progs; j++)
    {
      double mp = bench_median (r[j].paint, runs);
      double me = bench_median (r[j].exit, runs);
      summary (progs[j].name, "paint_ms", mp);
      printf ("  %-6s paint %6.2f [%5.2f-%6.2f]  paint+quit %6.2f  "
              "%6zu bytes  VmHWM %6.1f MB", progs[j].name, mp,
              bench_pct (r[j].paint, runs, 10), bench_pct (r[j].paint, runs, 90),
              me, r[j].bytes, r[j].hwm_kb / 1024.0);
      if (j)
        printf ("  pinav/%s %.2f (quit %.2f)", progs[j].name, pin_paint / mp,
                pin_exit / me);
      putchar ('\n');
    }
  if (use_callgrind)
    for (size_t j = 0; j < n_progs; j++)
      {
        double ins = callgrind_session (&progs[j], 0, 0);
        printf ("  %-6s callgrind: paint and quit %.2f M instructions\n",
                progs[j].name, ins / 1e6);
        summary (progs[j].name, "paint_ins", ins);
      }
  for (size_t j = 0; j < n_progs; j++)
    free (r[j].paint), free (r[j].exit);
}

/* ------------------------------------------------------------- keys */

struct keyrun
{
  double *ms[2];                /* per key, all runs: Down/Up, pages */
  size_t n[2], bytes[2];
  size_t silent[2];             /* replayed keys that changed nothing */
  size_t turns[2];              /* direction changes at the page's ends */
  long lines[2];                /* lines scrolled, by the bottom row's
                                   position (from one key that shows it
                                   to the next that does) */
  bool seen[2];                 /* whether any key showed a position */
  long top;                     /* the first line shown, last known */
};

/* Press the key of class CLS (0: Down or Up, 1: PgDn or PgUp) that
   comes next, timing it.  The first run finds the sequence: the same
   key again while it changes the screen, the other direction once it
   no longer does (the end of the page: that press is not counted);
   later runs replay it.  */
static void
key_step (struct session *ss, struct prog *p, struct keyrun *k, size_t i,
          int cls, char *dir)
{
  for (int tries = 0; tries < 2; tries++)
    {
      char c = p->n_seq > i ? p->seq[i] : *dir;
      session_read (ss);
      size_t before = ss->bytes;
      double t0 = bench_now ();
      session_key (ss, seq_key (c));
      double t1 = session_wait_idle (ss);
      long top = screen_top_line (ss);
      if (top >= 0 && k->top >= 0)
        k->lines[cls] += labs (top - k->top), k->seen[cls] = true;
      if (top >= 0)
        k->top = top;
      bool silent = ss->bytes == before;
      if (silent && p->n_seq <= i)
        {
          *dir = c == 'D' ? 'U' : c == 'U' ? 'D' : c == 'N' ? 'P' : 'N';
          k->turns[cls]++;
          continue;
        }
      if (p->n_seq <= i)
        p->seq[p->n_seq++] = c;
      k->ms[cls][k->n[cls]++] = (t1 - t0) * 1000;
      k->bytes[cls] += ss->bytes - before;
      k->silent[cls] += silent;
      return;
    }
  bench_die ("ptybench: %s: neither direction changes the screen",
             p->name);
}

static void
keys_once (struct prog *p, struct keyrun *k)
{
  struct session ss;
  char dir[2] = { 'D', 'N' };
  session_start (&ss, p, NULL);
  session_wait_text (&ss, p->ready, p->ready_row);
  session_wait_idle (&ss);
  session_goto (&ss, true);
  k->top = screen_top_line (&ss);
  for (size_t i = 0; i < N_DOWN + N_PAGE; i++)
    key_step (&ss, p, k, i, i >= N_DOWN, &dir[i >= N_DOWN]);
  session_quit (&ss);
  session_end (&ss);
}

static void
bench_keys (void)
{
  printf ("keys, %dx%d pty: %d Down (Up once Down no longer moves), then "
          "%d page changes (PgDn, then PgUp at the end), %d runs each, "
          "alternating (ms per key: median [p90])\n", COLS, ROWS, N_DOWN,
          N_PAGE, runs);
  struct keyrun k[MAX_PROGS];
  for (size_t j = 0; j < n_progs; j++)
    {
      k[j] = (struct keyrun) { 0 };
      k[j].ms[0] = bench_xrealloc (NULL, runs * N_DOWN * sizeof (double));
      k[j].ms[1] = bench_xrealloc (NULL, runs * N_PAGE * sizeof (double));
    }
  for (int i = 0; i < runs; i++)
    for (size_t j = 0; j < n_progs; j++)
      keys_once (&progs[j], &k[j]);
  for (size_t j = 0; j < n_progs; j++)
    {
      printf ("  %-6s", progs[j].name);
      for (int c = 0; c < 2; c++)
        printf ("  %s %6.3f [%6.3f] %5.0f bytes%s", c ? "page" : "Down",
                bench_median (k[j].ms[c], k[j].n[c]),
                bench_pct (k[j].ms[c], k[j].n[c], 90),
                (double) k[j].bytes[c] / k[j].n[c],
                k[j].turns[c] ? " (turned)" : "");
      if (k[j].silent[0] + k[j].silent[1])
        printf ("  %zu keys changed nothing", k[j].silent[0] + k[j].silent[1]);
      putchar ('\n');
      for (int c = 0; c < 2; c++)
        {
          /* Lines scrolled a key: by the position pinav shows; a peer
             that shows none scrolls a line a Down and a screen less
             its prompt line a page, as less does.  */
          double per = k[j].seen[c]
            ? (double) k[j].lines[c] / k[j].n[c] : c ? ROWS - 1 : 1;
          if (k[j].seen[c])
            printf ("  %-6s %s: %.2f lines scrolled a key\n",
                    progs[j].name, c ? "page" : "Down", per);
          summary (progs[j].name, c ? "page_ms" : "down_ms",
                   bench_median (k[j].ms[c], k[j].n[c]));
          summary (progs[j].name, c ? "page_lines" : "down_lines", per);
        }
      free (k[j].ms[0]);
      free (k[j].ms[1]);
    }
  if (!use_callgrind)
    return;
  for (size_t j = 0; j < n_progs; j++)
    {
      double base = callgrind_session (&progs[j], 1, 0);
      double downs = callgrind_session (&progs[j], 1, N_DOWN);
      double all = callgrind_session (&progs[j], 1, N_DOWN + N_PAGE);
      printf ("  %-6s callgrind: Down %.1f k instructions, page %.1f k "
              "instructions (the session without them %.2f M)\n",
              progs[j].name, (downs - base) / N_DOWN / 1e3,
              (all - downs) / N_PAGE / 1e3, base / 1e6);
      summary (progs[j].name, "down_ins", (downs - base) / N_DOWN);
      summary (progs[j].name, "page_ins", (all - downs) / N_PAGE);
    }
}

/* ------------------------------------------------ Enter into a page */

/* pinav only: open every link of --open but the last, select that,
   and time the Enter that opens it, to the moment the new page is
   drawn and pinav is idle.  Under callgrind, the difference between a
   session that opens it and one that stops on it.  */
static void
bench_enter (void)
{
  struct prog *p = &progs[0];
  double *ms = bench_xrealloc (NULL, runs * sizeof (double));
  size_t bytes = 0;
  if (p->n_open == 0)
    bench_die ("ptybench enter: no --open");
  for (int i = 0; i < runs; i++)
    {
      struct session ss;
      char top[COLS * 4 + 1], buf[COLS * 4 + 1];
      session_start (&ss, p, NULL);
      session_wait_text (&ss, p->ready, p->ready_row);
      session_wait_idle (&ss);
      session_goto (&ss, false);
      session_read (&ss);
      row_text (&ss, 0, top, sizeof top);
      size_t before = ss.bytes;
      double t0 = bench_now ();
      session_key (&ss, "Enter");
      double t1 = session_wait_idle (&ss);
      row_text (&ss, 0, buf, sizeof buf);
      if (strcmp (buf, top) == 0)
        {
          screen_print (&ss);
          bench_die ("ptybench: %s: Enter on \"%s\" changed no title",
                     p->name, p->open[p->n_open - 1]);
        }
      ms[i] = (t1 - t0) * 1000;
      bytes = ss.bytes - before;
      session_quit (&ss);
      session_end (&ss);
    }
  double med = bench_median (ms, runs);
  printf ("Enter on \"%s\", %dx%d pty, %d runs (ms: median [p10-p90])\n"
          "  %-6s Enter %6.3f [%6.3f-%6.3f]  %zu bytes\n",
          p->open[p->n_open - 1], COLS, ROWS, runs, p->name, med,
          bench_pct (ms, runs, 10), bench_pct (ms, runs, 90), bytes);
  summary (p->name, "enter_ms", med);
  free (ms);
  if (!use_callgrind)
    return;
  double stop = callgrind_session (p, 2, 0);
  double open = callgrind_session (p, 1, 0);
  printf ("  %-6s callgrind: Enter %.1f k instructions (the session "
          "without it %.2f M)\n", p->name, (open - stop) / 1e3, stop / 1e6);
  summary (p->name, "enter_ins", open - stop);
}

/* ---------------------------------------------------------- options */

static void
add_prog (const char *name, const char *const *argv, const char *ready,
          int ready_row, const char *quit)
{
  struct prog *p = &progs[n_progs++];
  *p = (struct prog) { .name = name, .ready = ready,
                       .ready_row = ready_row, .quit = quit };
  for (size_t i = 0; argv[i] && i < 7; i++)
    p->argv[i] = argv[i];
}

static const char *
opt (const char *arg, const char *name)
{
  size_t n = strlen (name);
  return strncmp (arg, name, n) == 0 ? arg + n : NULL;
}

static void
usage (void)
{
  fputs ("usage: ptybench paint|keys|enter [--runs=N] [--callgrind] "
         "[--tag=NAME]\n"
         "         --pinav=PROG --data=DIR [--lang=LANG] [--open=LINK]...\n"
         "         [--less=FILE] [--info=FILE] [--lynx=FILE]\n", stderr);
  exit (2);
}

int
main (int argc, char **argv)
{
  const char *pinav = NULL, *data = NULL, *less = NULL, *info = NULL,
    *lynx = NULL, *lang = NULL, *open[4], *v;
  size_t n_open = 0;
  static char data_opt[4200], lang_opt[64];
  const char *cg = getenv ("BENCH_CALLGRIND");
  use_callgrind = cg && *cg && strcmp (cg, "0") != 0;
  if (argc < 2 || (strcmp (argv[1], "paint") && strcmp (argv[1], "keys")
                    && strcmp (argv[1], "enter")))
    usage ();
  for (int i = 2; i < argc; i++)
    if ((v = opt (argv[i], "--runs=")))
      runs = atoi (v) > 0 ? atoi (v) : 1;
    else if (strcmp (argv[i], "--callgrind") == 0)
      use_callgrind = true;
    else if ((v = opt (argv[i], "--pinav=")))
      pinav = v;
    else if ((v = opt (argv[i], "--data=")))
      data = v;
    else if ((v = opt (argv[i], "--lang=")))
      lang = v;
    else if ((v = opt (argv[i], "--tag=")))
      tag = v;
    else if ((v = opt (argv[i], "--open=")) && n_open < 4)
      open[n_open++] = v;
    else if ((v = opt (argv[i], "--less=")))
      less = v;
    else if ((v = opt (argv[i], "--info=")))
      info = v;
    else if ((v = opt (argv[i], "--lynx=")))
      lynx = v;
    else
      usage ();
  if (!pinav || !data)
    usage ();
  signal (SIGPIPE, SIG_IGN);
  if (getenv ("BENCH_TRACE") && *getenv ("BENCH_TRACE"))
    trace = fopen (getenv ("BENCH_TRACE"), "w");
  snprintf (data_opt, sizeof data_opt, "--data=%s", data);
  if (lang)
    snprintf (lang_opt, sizeof lang_opt, "--lang=%s", lang);
  /* The key hints end the first screen: "q quit", or in Chinese
     "q 退出".  */
  add_prog ("pinav", (const char *[]) { pinav, data_opt,
                                        lang ? lang_opt : NULL, NULL },
            lang && strncmp (lang, "zh", 2) == 0 ? "q 退出" : "q quit",
            ROWS - 1, "q");
  memcpy (progs[0].open, open, n_open * sizeof *open);
  progs[0].n_open = n_open;
  if (less)
    add_prog ("less", (const char *[]) { "less", less, NULL },
              strrchr (less, '/') ? strrchr (less, '/') + 1 : less, ROWS - 1,
              "q");
  if (info)
    add_prog ("info", (const char *[]) { "info", "-f", info, NULL },
              "", ROWS - 3, "q");
  if (lynx)
    add_prog ("lynx", (const char *[]) { "lynx", "-nopause", lynx, NULL },
              "-- press space for next page --", ROWS - 3, "Q");
  if (strcmp (argv[1], "paint") == 0)
    bench_paint ();
  else if (strcmp (argv[1], "enter") == 0)
    bench_enter ();
  else
    bench_keys ();
  return 0;
}
