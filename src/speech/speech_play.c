/* speech_play.c - a page read aloud, in a child process.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "speech_play.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "speech_synth.h"
#include "speech_wav.h"

static pid_t speech_child;      /* 0: none */
static bool speech_child_waited;        /* PINAV_SPEECH_WAV: wait */

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

/* The child: nothing of it reaches the terminal.  */
static void __attribute__ ((noreturn))
speech_child_run (const char *text, const char *lang, const char *file)
{
  int fd = open ("/dev/null", O_RDWR);
  if (fd >= 0)
    {
      dup2 (fd, STDIN_FILENO);
      dup2 (fd, STDOUT_FILENO);
      dup2 (fd, STDERR_FILENO);
    }
  signal (SIGTERM, SIG_DFL);
  bool ok = file ? speech_to_file (text, lang, file)
                 : speech_aloud (text, lang);
  _exit (ok ? 0 : 1);
}

bool
speech_play (const char *text, const char *lang)
{
  speech_stop ();
  if (!speech_available ())
    return false;
  const char *file = getenv ("PINAV_SPEECH_WAV");
  if (file && !*file)
    file = NULL;
  fflush (NULL);
  pid_t pid = fork ();
  if (pid < 0)
    return false;
  if (pid == 0)
    speech_child_run (text, lang, file);
  speech_child = pid;
  speech_child_waited = file != NULL;
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
