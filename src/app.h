/* app.h - what the front ends (TUI and plain mode) are given.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_APP_H
#define PINAV_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"

struct app
{
  const struct content_pack *pack;
  size_t width;                 /* plain mode: 0 for no wrapping */
  bool kiosk;
  unsigned idle;                /* seconds before the idle reset; 0: never */
  const char *start;            /* the first location: "home" or "lang" */
};

/** app_follow_action - carry out an action location (setlang:LL).
   @retval true when LOCATION was an action it carried out.  */
bool app_follow_action (const char *location);

#endif
