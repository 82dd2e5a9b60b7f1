/* tui.h - the full-screen curses navigator.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_TUI_H
#define PINAV_TUI_H

#include "app.h"

/** tui_run - run the navigator on the terminal until the reader quits
   or the terminal goes away; the terminal is always restored.  An
   idle reset may put a new pack in APP (app_idle_reset).
   @retval the exit status.  */
int tui_run (struct app *app);

#endif
