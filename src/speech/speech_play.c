/* speech_play.c - a page read aloud, in a child process.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "speech_play.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "speech_synth.h"
#include "speech_wav.h"

static pid_t speech_child;      /* 0: none */
static bool speech_child_waited;        /* PINAV_TEST_SPEECH_WAV: wait */

/* The test's way: TEXT spoken into FILE (a WAV file), whole or not at
   all (written beside it, then renamed).  */
static bool
speech_to_file (const char *text, const char *lang, const char *file)
{
  struct speech_audio a = { 0 };
  const char *why;
  char *tmp = NULL;
  bool ok = speech_synth (text, lang, &a, &why)
            && asprintf (&tmp, "%s.tmp", file) >= 0;
  FILE *f = ok ? fopen (tmp, "wb") : NULL;
  ok = f && speech_wav_write (f, a.samples, a.n, a.rate);
  if (f)
    ok = fclose (f) == 0 && ok;
  ok = ok && rename (tmp, file) == 0;
  free (tmp);
  speech_audio_free (&a);
  return ok;
}

/* The fake sound card: samples written to FD no faster than they would
   be played, counted from START.  */
struct speech_pace
{
  int fd;
  uint64_t sent;                /* samples written */
  struct timespec start;
};

/* A sink (speech_synth.h) that writes the samples, then sleeps until
   the time they would have been played by: a sound card's pace.  */
static bool
speech_pace_give (void *ctx, const int16_t *samples, size_t n,
                  unsigned rate)
{
  struct speech_pace *p = ctx;
  const char *b = (const char *) samples;
  size_t left = n * sizeof *samples;
  while (left > 0)
    {
      ssize_t k = write (p->fd, b, left);
      if (k < 0 && errno == EINTR)
        continue;
      if (k <= 0)
        return false;
      b += k;
      left -= (size_t) k;
    }
  p->sent += n;
  uint64_t ns = p->sent * 1000000000u / (rate ? rate : 1);
  struct timespec until = p->start;
  until.tv_sec += (time_t) (ns / 1000000000u);
  until.tv_nsec += (long) (ns % 1000000000u);
  if (until.tv_nsec >= 1000000000L)
    until.tv_sec++, until.tv_nsec -= 1000000000L;
  while (clock_nanosleep (CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL)
         == EINTR)
    continue;
  return true;
}

/* The other test's way: TEXT spoken into FILE at a sound card's pace,
   after what is in it (as on a sound card, what one child says follows
   what the one before it said).  */
static bool
speech_to_sink (const char *text, const char *lang, const char *file)
{
  const char *why;
  struct speech_pace p = { .fd = open (file, O_WRONLY | O_CREAT | O_APPEND
                                       | O_CLOEXEC, 0600) };
  if (p.fd < 0)
    return false;
  clock_gettime (CLOCK_MONOTONIC, &p.start);
  bool ok = speech_synth_to (text, lang, speech_pace_give, &p, &why);
  return close (p.fd) == 0 && ok;
}

/* The child: nothing of it reaches the terminal.  */
static void __attribute__ ((noreturn))
speech_child_run (const char *text, const char *lang, const char *wav,
                  const char *sink)
{
  int fd = open ("/dev/null", O_RDWR);
  if (fd >= 0)
    {
      dup2 (fd, STDIN_FILENO);
      dup2 (fd, STDOUT_FILENO);
      dup2 (fd, STDERR_FILENO);
    }
  signal (SIGTERM, SIG_DFL);
  bool ok = wav ? speech_to_file (text, lang, wav)
            : sink ? speech_to_sink (text, lang, sink)
            : speech_aloud (text, lang);
  _exit (ok ? 0 : 1);
}

/* Test hook NAME's value: NULL when unset, empty, or in a kiosk.  */
static const char *
speech_hook (const char *name, bool kiosk)
{
  const char *v = kiosk ? NULL : getenv (name);
  return v && *v ? v : NULL;
}

bool
speech_play (const char *text, const char *lang, bool kiosk)
{
  speech_stop ();
  if (!speech_available ())
    return false;
  const char *wav = speech_hook ("PINAV_TEST_SPEECH_WAV", kiosk);
  const char *sink = speech_hook ("PINAV_TEST_SPEECH_SINK", kiosk);
  fflush (NULL);
  pid_t pid = fork ();
  if (pid < 0)
    return false;
  if (pid == 0)
    speech_child_run (text, lang, wav, sink);
  speech_child = pid;
  speech_child_waited = wav != NULL;
  return true;
}

void
speech_stop (void)
{
  if (speech_child <= 0)
    return;
  if (!speech_child_waited)
    kill (speech_child, SIGKILL);
  while (waitpid (speech_child, NULL, 0) < 0 && errno == EINTR)
    continue;
  speech_child = 0;
}
