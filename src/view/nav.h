/* nav.h - where the reader has been: a history of locations with the
   scroll position and selection of each, for Back and Home.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_NAV_H
#define PINAV_NAV_H

#include <stdbool.h>
#include <stddef.h>

#define NAV_MAX 256     /* older places are forgotten */

struct nav_entry
{
  char *location;
  long top;             /* first line shown (renderer's unit) */
  long sel;             /* selected place, -1 for none */
};

struct nav
{
  struct nav_entry v[NAV_MAX];
  size_t n;
};

/** nav_reset - forget everything and stand at LOCATION.
   @retval false on memory exhaustion.  */
bool nav_reset (struct nav *nav, const char *location);

/** nav_push - go on to LOCATION (the current place keeps its state).
   @retval false on memory exhaustion (nothing changes).  */
bool nav_push (struct nav *nav, const char *location);

/** nav_back - return to the previous place.
   @retval false when there is none.  */
bool nav_back (struct nav *nav);

/** nav_here - the current place (never NULL after nav_reset).  */
struct nav_entry *nav_here (struct nav *nav);

/** nav_free - release the history.  */
void nav_free (struct nav *nav);

#endif
