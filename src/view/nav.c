/* nav.c - the history stack.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "nav.h"

#include <stdlib.h>
#include <string.h>

void
nav_free (struct nav *nav)
{
  for (size_t i = 0; i < nav->n; i++)
    free (nav->v[i].location);
  nav->n = 0;
}

bool
nav_push (struct nav *nav, const char *location)
{
  char *s = strdup (location);
  if (!s)
    return false;
  if (nav->n == NAV_MAX)
    {
      free (nav->v[0].location);
      memmove (nav->v, nav->v + 1, (NAV_MAX - 1) * sizeof *nav->v);
      nav->n--;
    }
  nav->v[nav->n++] = (struct nav_entry) { s, 0, -1 };
  return true;
}

bool
nav_reset (struct nav *nav, const char *location)
{
  nav_free (nav);
  return nav_push (nav, location);
}

bool
nav_back (struct nav *nav)
{
  if (nav->n <= 1)
    return false;
  free (nav->v[--nav->n].location);
  return true;
}

struct nav_entry *
nav_here (struct nav *nav)
{
  return nav->n ? &nav->v[nav->n - 1] : NULL;
}
