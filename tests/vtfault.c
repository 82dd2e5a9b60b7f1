/* vtfault.c - vtdrive's commands for terminal faults (tests/vtdrive.md):
   a terminal that stops reading (stall, wait-blocked), a flood of keys,
   waiting for a program to take keys (wait-keypad), the program's CPU
   use while it should be idle (cpu-idle), and the terminal it leaves
   behind (expect-sane).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include "vtdrive.h"

/* stall MS: read nothing from the pty for the next MS ms, while the
   commands that follow run (a terminal that has stopped reading);
   `stall 0` ends a stall.  */
void
run_stall (const struct cmd *c)
{
  drain ();
  D.stall_until = now () + c->a / 1000.0;
}

/* flood N KEY...: N keys, each picked from the list by a fixed
   pseudo-random sequence, queued at once and written as fast as the
   program takes them.  */
void
run_flood (const struct cmd *c)
{
  char *copy = xstrdup (c->text), *save = NULL, **tok = NULL;
  size_t ntok = 0;
  unsigned long x = 1;
  need_pty ("flood");
  for (char *t = strtok_r (copy, " \t", &save); t;
       t = strtok_r (NULL, " \t", &save))
    {
      tok = xrealloc (tok, (ntok + 1) * sizeof *tok);
      tok[ntok++] = t;
    }
  for (long i = 0; i < c->a; i++)
    {
      x = x * 1103515245UL + 12345UL;
      do_key (tok[(x >> 16) % ntok], 1);
    }
  free (tok);
  free (copy);
  flush_input ("flood");
}

/* Whether the child is blocked in a write: 1 yes, 0 no, -1 unknown
   (the system call it waits in, from /proc/PID/syscall).  */
static int
child_in_write (void)
{
  char path[64];
  long nr = -1;
  FILE *f;
  snprintf (path, sizeof path, "/proc/%d/syscall", (int) D.pid);
  if (!(f = fopen (path, "r")))
    return -1;
  if (fscanf (f, "%ld", &nr) != 1)
    nr = -1;                    /* "running" */
  fclose (f);
  return nr == SYS_write || nr == SYS_writev;
}

/* wait-blocked: wait until the program is blocked writing to the
   terminal (after a `stall`, once the pty is full).  */
void
run_wait_blocked (const struct cmd *c)
{
  double deadline = now () + D.timeout;
  int state;
  (void) c;
  while ((state = child_in_write ()) != 1)
    {
      check_child ();
      if (D.reaped || state < 0 || now () >= deadline)
        fail ("wait-blocked: expected the program to block writing to the "
              "terminal within %.1f s; %s; the program %s", D.timeout,
              state < 0 ? "/proc/PID/syscall cannot be read"
              : "it has not", child_state ());
      pump (left_ms (deadline, 20));
    }
}

/* wait-keypad: wait until the program has turned the keypad's
   application mode on (curses' keypad(TRUE) does at its first refresh):
   from then on named keys go in the encoding it reads.  For screens
   whose text a script cannot predict.  */
void
run_wait_keypad (const struct cmd *c)
{
  double deadline = now () + D.timeout;
  (void) c;
  drain ();
  while (!D.appkeys)
    {
      check_child ();
      if (D.reaped || D.eof || D.master < 0 || now () >= deadline)
        {
          if (D.eof)
            reap_for (1000);
          fail ("wait-keypad: expected the program to turn the keypad's "
                "application mode on within %.1f s; it has not%s; the "
                "program %s", D.timeout,
                D.master < 0 ? " (`close` closed the terminal)" : "",
                child_state ());
        }
      pump (left_ms (deadline, 100));
    }
}

/* The CPU time the child has used (user and system), in clock ticks;
   -1 when it cannot be read (the child has gone).  */
static long
child_ticks (void)
{
  char path[64], buf[1024], *p;
  long utime, stime;
  FILE *f;
  size_t n;
  snprintf (path, sizeof path, "/proc/%d/stat", (int) D.pid);
  if (!(f = fopen (path, "r")))
    return -1;
  n = fread (buf, 1, sizeof buf - 1, f);
  fclose (f);
  buf[n] = 0;
  /* After the command name, in parentheses: state, then fields 4 to
     13, then utime and stime (proc(5)).  */
  if (!(p = strrchr (buf, ')'))
      || sscanf (p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u "
                 "%ld %ld", &utime, &stime) != 2)
    return -1;
  return utime + stime;
}

/* cpu-idle MS MAXPCT: over the next MS ms (output still read), the
   program uses at most MAXPCT per cent of one CPU: it is not spinning.  */
void
run_cpu_idle (const struct cmd *c)
{
  double start, deadline, secs;
  long t0, t1, hz = sysconf (_SC_CLK_TCK);
  drain ();
  check_child ();
  if (D.reaped || (t0 = child_ticks ()) < 0)
    fail ("cpu-idle: the program already %s", child_state ());
  start = now ();
  deadline = start + c->a / 1000.0;
  while (now () < deadline)
    pump (left_ms (deadline, 50));
  secs = now () - start;
  check_child ();
  if (D.reaped || (t1 = child_ticks ()) < 0)
    fail ("cpu-idle: the program %s while it should have been idle",
          child_state ());
  if ((t1 - t0) * 100.0 / hz > c->b * secs)
    fail ("cpu-idle: expected at most %ld%% of a CPU over %.1f s; the "
          "program used %.2f s (%.0f%%)", c->b, secs,
          (double) (t1 - t0) / hz, (t1 - t0) * 100.0 / hz / secs);
}

/* expect-sane: the program left the terminal as it found it: the
   kernel's cooked modes (line editing, echo, signal keys, flow control,
   CR to NL, output processing), the normal screen, the cursor shown,
   no mouse reporting.  */
void
run_sane (const struct cmd *c)
{
  static const struct { int field; tcflag_t bit; const char *name; }
  want[] = {
    { 'l', ICANON, "line mode (ICANON)" }, { 'l', ECHO, "echo" },
    { 'l', ISIG, "signal keys (ISIG)" }, { 'i', IXON, "flow control (IXON)" },
    { 'i', ICRNL, "CR to NL (ICRNL)" }, { 'o', OPOST, "output processing" },
  };
  struct termios tio;
  char bad[512] = "";
  size_t n = 0;
  (void) c;
  drain ();
  if (D.master < 0)
    fail ("expect-sane: the terminal was closed by `close`");
  if (tcgetattr (D.master, &tio) != 0)
    fail ("expect-sane: cannot read the terminal's modes");
  for (size_t i = 0; i < NELEM (want); i++)
    {
      tcflag_t flags = want[i].field == 'l' ? tio.c_lflag
        : want[i].field == 'i' ? tio.c_iflag : tio.c_oflag;
      if (!(flags & want[i].bit))
        n += (size_t) snprintf (bad + n, sizeof bad - n, ", %s off",
                                want[i].name);
    }
  if (D.altscreen)
    n += (size_t) snprintf (bad + n, sizeof bad - n, ", the alternate screen");
  if (D.cursor_hidden)
    n += (size_t) snprintf (bad + n, sizeof bad - n, ", the cursor hidden");
  if (D.mouse)
    snprintf (bad + n, sizeof bad - n, ", mouse reporting on");
  if (bad[0])
    fail ("expect-sane: expected the terminal as the program found it; "
          "it was left with%s", bad + 1);
}
