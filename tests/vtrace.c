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
