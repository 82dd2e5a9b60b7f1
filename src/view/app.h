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
struct nav;

/* What an idle reset found of the pack's files (struct app's RELOAD).  */
enum app_reload
{
  APP_PACK_SAME,        /* unchanged (or changed back to ones refused) */
  APP_PACK_RELOADED,    /* changed: a new pack, which passed every check */
  APP_PACK_REFUSED      /* changed, and the new pack has errors */
};

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
  /* At each idle reset, when set: load the pack again from SOURCE if
     its files changed, as main.c loaded it (the view cannot see the
     loader: main.c gives packsrc.h's pack_source_reload).  *PACK is the
     new pack; *WHAT (malloc'd) says which files changed, or the first
     problem found.  */
  enum app_reload (*reload) (void *source, struct content_pack **pack,
                             char **what);
  void *source;
  bool speech;                  /* --speech: the TUI starts, and an idle
                                   reset goes back, with speech on */
};

/** app_idle_reset - the idle reset of NV, whose APP is APP: load the
   pack again when its files have changed since it was loaded (a new
   one that passes every check takes the old one's place, which is
   freed; one that fails leaves the old one in use), then forget the
   patient (nav_reset).  Each step is said on the journal (journal.h).
   Nothing may point into the old pack but APP and NV.  */
void app_idle_reset (struct app *app, struct nav *nv);

#endif
