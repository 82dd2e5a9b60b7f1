/* plainmode.h - the whole navigator as a conversation of lines.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_PLAINMODE_H
#define PINAV_PLAINMODE_H

#include <stdio.h>

#include "app.h"

/** plainmode_run - read commands a line at a time from IN and answer
   on OUT until q or end of input.  SIGTERM and SIGHUP (and outside a
   kiosk SIGINT and SIGQUIT) end the process at once, with status 0 and
   the terminal as it was.  An idle reset may put a new pack in APP
   (app_idle_reset).
   @retval the exit status (0).  */
int plainmode_run (struct app *app, FILE *in, FILE *out);

#endif
