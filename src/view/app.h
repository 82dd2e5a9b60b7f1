/* app.h - what the front ends (TUI and plain mode) are given.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_APP_H
#define PINAV_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"

/* How long the idle warning counts down before the reset: at least
   20 seconds to answer (WCAG 2.2.1), however short the idle time.  */
#define APP_IDLE_WARN_S 30

struct staff_pin;

struct app
{
  const struct content_pack *pack;
  size_t width;                 /* plain mode: 0 for no wrapping */
  bool kiosk;                   /* no way out but the staff PIN */
  unsigned idle;                /* seconds before the idle reset; 0: never */
  const char *start;            /* the first location: "home" or "lang" */
  const char *lang;             /* the language an idle reset goes back to */
  const struct staff_pin *pin;  /* the staff exit (kiosk), or NULL */
  const char *lockdir;          /* where the PIN lock-out is kept across
                                   restarts ($RUNTIME_DIRECTORY), or NULL */
};

#endif
