/* speech_dump.c - one page of the pack, spoken into a WAV file.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "speech_dump.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "dump.h"
#include "i18n.h"
#include "speech_synth.h"
#include "speech_text.h"
#include "speech_wav.h"
#include "view.h"

/* "pinav: NAME: WHAT", NAME escaped (it comes from the command
   line).  */
static void
speech_say (const char *name, const char *what)
{
  char *safe = diag_escape (name);
  fprintf (stderr, "%s: %s: %s\n", PACKAGE, safe ? safe : "?", what);
  free (safe);
}

/* A's samples into FILE.  @retval false, said, on a failure.  */
static bool
speech_save (const char *file, const struct speech_audio *a)
{
  bool to_stdout = strcmp (file, "-") == 0;
  if (to_stdout && isatty (STDOUT_FILENO))
    {
      /* Audio on a terminal would be bytes that drive it.  */
      speech_say (file, _("standard output is a terminal: give a file "
                          "name, or a pipe"));
      return false;
    }
  FILE *f = to_stdout ? stdout : fopen (file, "wb");
  if (!f)
    {
      speech_say (file, strerror (errno));
      return false;
    }
  bool ok = speech_wav_write (f, a->samples, a->n, a->rate);
  int err = errno;
  if (!to_stdout && fclose (f) != 0 && ok)
    {
      ok = false;
      err = errno;
    }
  if (!ok)
    speech_say (file, strerror (err));
  return ok;
}

/* The speakable text of the page at LOC.  @retval malloc'd, or NULL.  */
static char *
speech_page_text (const struct content_pack *pack, const char *loc)
{
  struct view_ctx ctx = { pack, VIEW_PLAIN, false, NULL };
  struct page pg;
  char *text = NULL;
  if (view_build (&pg, &ctx, loc))
    text = speech_text (&pg, i18n_language (), 0);
  page_free (&pg);
  return text;
}

int
speech_dump (const struct content_pack *pack, const char *id,
             const char *file)
{
  char *loc = dump_location (pack, id);
  char *text = loc && !view_is_action (loc)
               ? speech_page_text (pack, loc) : NULL;
  struct speech_audio a = { 0 };
  const char *why = NULL;
  int status = 0;
  if (!text && loc)
    {
      speech_say (id, _("out of memory"));
      status = 1;
    }
  else if (!text)
    {
      char *safe = diag_escape (id);
      fprintf (stderr, _("%s: nothing is called '%s'\n"), PACKAGE,
               safe ? safe : "?");
      free (safe);
      status = 2;
    }
  else if (!speech_synth (text, i18n_language (), &a, &why))
    {
      speech_say (file, why);
      status = 1;
    }
  else if (!speech_save (file, &a))
    status = 1;
  speech_audio_free (&a);
  speech_end ();
  free (text);
  free (loc);
  return status;
}
