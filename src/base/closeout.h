/* closeout.h - close standard output at exit, and say so when what was
   written did not all arrive (as gnulib's close_stdout).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_CLOSEOUT_H
#define PINAV_CLOSEOUT_H

#include <stdio.h>

/** close_stream - flush and close STREAM.
    @retval 0 when everything written to it arrived (or nothing was
    pending on a stream whose descriptor was already closed); else the
    errno of the failure, or -1 when it is no longer known.  */
int close_stream (FILE *stream);

/** close_stdout - for atexit: close standard output, and on a failure
    say "PROGRAM: write error: REASON" on standard error and end the
    process with status 1; then close standard error (status 1, quietly,
    when that fails).  A broken pipe (EPIPE, when SIGPIPE is ignored)
    is not reported: the reader chose to stop.  */
void close_stdout (void);

#endif
