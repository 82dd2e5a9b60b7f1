/* vtrace.c - vtdrive's race audit (VTDRIVE_RACE, tests/vtdrive.md): a
   script run as if the pty handed every paint over one byte at a time
   (early), or as if each check came only once the program had gone
   quiet (late).  A script that passes both ways does not depend on how
   the pty splits the program's output.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "vtdrive.h"

enum { RACE_OFF, RACE_EARLY, RACE_LATE };
static int mode;
static char *held;              /* early: read, not yet given to libvterm */
static size_t held_len, held_off;

/* Read VTDRIVE_RACE: unset or empty, early or late.  */
void
race_init (void)
{
  const char *e = getenv ("VTDRIVE_RACE");
  if (!e || !*e)
    mode = RACE_OFF;
  else if (!strcmp (e, "early"))
    mode = RACE_EARLY;
  else if (!strcmp (e, "late"))
    mode = RACE_LATE;
  else
    {
      fprintf (stderr, "vtdrive: VTDRIVE_RACE must be early or late, "
               "not \"%s\"\n", e);
      exit (2);
    }
}

/* Early, while the program runs: keep the N bytes at S back, to be
   given to libvterm one by one by race_next; 1 if kept.  */
int
race_hold (const char *s, size_t n)
{
  if (mode != RACE_EARLY || D.reaped)
    return 0;
  held = xrealloc (held, held_len + n);
  memcpy (held + held_len, s, n);
  held_len += n;
  return 1;
}

/* Give libvterm the next byte kept back, if any; 1 if one was.  */
int
race_next (void)
{
  if (held_off >= held_len)
    return 0;
  feed (held + held_off++, 1);
  if (held_off == held_len)
    held_off = held_len = 0;
  return 1;
}

/* Whether drain must take in nothing (early, the program running);
   once it has exited, everything kept back is taken in.  */
int
race_no_drain (void)
{
  if (mode != RACE_EARLY)
    return 0;
  if (!D.reaped && !D.eof)
    return 1;
  while (race_next ())
    ;
  return 0;
}

/* Take in output before a check (expect*, snap, screen): as drain; late,
   until the program has written nothing for 200 ms (times
   --time-scale), at most 3 s.  */
void
drain_check (void)
{
  double quiet = 0.2 * D.scale, end = now () + 3 * D.scale, last = now ();
  if (mode != RACE_LATE)
    {
      drain ();
      return;
    }
  while (now () < end && now () < last + quiet && !D.eof && D.master >= 0)
    if (pump (left_ms (last + quiet, 50)))
      last = now ();
  drain ();
}

static unsigned long fed, fed_at_input;
static int input_unwaited;

/* Count N bytes given to libvterm.  */
void
race_fed (size_t n)
{
  fed += n;
}

/* Note that input has just been written.  */
void
race_sent (void)
{
  fed_at_input = fed;
  input_unwaited = 1;
}

/* Early: say on stderr when wait command WHAT, whose condition is MET
   at its start, was met by the screen as it was before the last input
   (nothing drawn since): it waited for nothing.  */
void
race_stale (const char *what, int met)
{
  if (mode == RACE_EARLY && input_unwaited && met && fed == fed_at_input)
    fprintf (stderr, "%s:%d: note: %s met before anything was drawn after "
             "the input\n", D.script, D.line, what);
  input_unwaited = 0;
}

/* The bytes the program has read in all (rchar of /proc/PID/io), 0
   when unknown.  */
static unsigned long long
child_rchar (void)
{
  char path[64], key[32];
  unsigned long long v, rchar = 0;
  FILE *f;
  snprintf (path, sizeof path, "/proc/%d/io", (int) D.pid);
  if ((f = fopen (path, "r")))
    {
      while (fscanf (f, "%31[^:]: %llu\n", key, &v) == 2)
        if (!strcmp (key, "rchar"))
          rchar = v;
      fclose (f);
    }
  return rchar;
}

/* The system call the program is blocked in (/proc/PID/syscall), -1
   while it runs or when unknown; a read counts only from a terminal
   (not a file the program is reading meanwhile).  */
static long
child_syscall (void)
{
  char path[64], link[64];
  long nr = -1;
  unsigned long fd = 0;
  ssize_t n;
  FILE *f;
  snprintf (path, sizeof path, "/proc/%d/syscall", (int) D.pid);
  if ((f = fopen (path, "r")))
    {
      if (fscanf (f, "%ld %lx", &nr, &fd) < 1)
        nr = -1;                /* "running" */
      fclose (f);
    }
  if (nr != SYS_read)
    return nr;
  snprintf (path, sizeof path, "/proc/%d/fd/%lu", (int) D.pid, fd);
  n = readlink (path, link, sizeof link - 1);
  link[n > 0 ? n : 0] = 0;
  return strncmp (link, "/dev/pts/", 9) ? -1 : nr;
}

/* Whether NR is a system call that waits for input.  */
static int
waits_for_input (long nr)
{
  static const long calls[] = { SYS_read, SYS_pselect6, SYS_ppoll,
#ifdef SYS_poll
    SYS_poll,
#endif
#ifdef SYS_select
    SYS_select,
#endif
  };
  for (size_t i = 0; i < NELEM (calls); i++)
    if (nr == calls[i])
      return 1;
  return 0;
}

/* Bytes of input the program has not read yet (FIONREAD on the pty's
   slave side), or -1.  */
static int
input_unread (void)
{
  int fd, n = -1;
  const char *name = ptsname (D.master);
  if (!name || (fd = open (name, O_RDWR | O_NOCTTY | O_NONBLOCK)) < 0)
    return -1;
  if (ioctl (fd, FIONREAD, &n) < 0)
    n = -1;
  close (fd);
  return n;
}

static unsigned long long rchar_sent;   /* rchar before the last input */
static int unread;              /* input written since the last wait-idle */

/* Before each input is queued: note what the program has read so far,
   for wait-idle.  */
void
race_queue (void)
{
  if (D.pid > 0)
    {
      rchar_sent = child_rchar ();
      unread = 1;
    }
}

/* Whether the program is idle: since the last input was written it has
   read (its rchar has grown: the kernel may not yet have handed the
   input to the terminal's queue), none is left unread, and it waits for
   more in read, poll or select.  (Input it discards unread, with
   tcflush, leaves its rchar as it was: wait-idle after input that it
   reads.)  */
static int
child_idle (unsigned long long *rchar)
{
  *rchar = child_rchar ();
  return !D.outlen && waits_for_input (child_syscall ())
    && input_unread () == 0 && !(unread && *rchar <= rchar_sent);
}

/* wait-idle: wait until the program has taken in all the input sent and
   waits for more, then take in all it wrote: the answer to the input
   is drawn whole, down to the cursor.  */
void
run_wait_idle (const struct cmd *c)
{
  double deadline = now () + D.timeout;
  unsigned long long rchar, before = 0;
  int n, seen = 0;
  (void) c;
  need_pty ("wait-idle");
  /* Idle twice in a row, nothing read in between: the kernel hands
     input to the terminal's queue a little after it is written.  */
  while (seen < 2)
    {
      check_child ();
      if (D.reaped || D.eof || now () >= deadline)
        fail ("wait-idle: expected the program to take in its input and "
              "wait for more within %.1f s; the program %s", D.timeout,
              child_state ());
      pump (left_ms (deadline, 5));
      if (!child_idle (&rchar))
        seen = 0;
      else
        seen = seen && rchar == before ? 2 : 1;
      before = rchar;
    }
  unread = 0;
  while (race_next ())
    ;
  do                            /* (a stall reads nothing) */
    {
      while (pump (0))
        while (race_next ())
          ;
    }
  while (ioctl (D.master, FIONREAD, &n) == 0 && n > 0
         && now () >= D.stall_until && now () < deadline);
  D.waited_at = now ();
}
