/* closeout.c - close standard output at exit, and report a write error.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "closeout.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"

int
close_stream (FILE *stream)
{
  int err = 0;
  /* A flush now retries what an earlier failed write left, and so
     gives its errno back.  */
  if (fflush (stream) != 0)
    err = errno ? errno : -1;
  bool failed = err != 0 || ferror (stream);
  /* EBADF with nothing pending: the descriptor was closed (pinav
     --version >&-), and nothing was lost.  */
  if (fclose (stream) != 0 && !failed && errno != EBADF)
    {
      err = errno ? errno : -1;
      failed = true;
    }
  return failed ? (err ? err : -1) : 0;
}

void
close_stdout (void)
{
  int err = close_stream (stdout);
  if (err && err != EPIPE)
    {
      /* TRANSLATORS: as in "pinav: write error: No space left on
         device", when what pinav printed could not all be written.  */
      if (err > 0)
        fprintf (stderr, "%s: %s: %s\n", PACKAGE, _("write error"),
                 strerror (err));
      else
        fprintf (stderr, "%s: %s\n", PACKAGE, _("write error"));
      fflush (stderr);
      _exit (1);
    }
  if (close_stream (stderr) != 0)
    _exit (1);
}
