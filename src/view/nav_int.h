/* nav_int.h - the navigator's insides, shared by its own files (nav.c:
   the history, the page at the location and the actions; nav_search.c:
   searching, and the matches n and N go through) and by no one else:
   not part of the API (nav.h).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_NAV_INT_H
#define PINAV_NAV_INT_H

#include <stdbool.h>

#include "nav.h"

/* nav.c */

/** nav_hist_push - add LOCATION to the history (the oldest place is
   forgotten when it is full).  @retval false on memory exhaustion.  */
bool nav_hist_push (struct nav *nv, const char *location);

/** nav_forget_query - forget the last search's words, overwritten
   first.  */
void nav_forget_query (struct nav *nv);

/** nav_ready - make the lines on the screen ready to be drawn: after
   every change of the page or of its place.  */
void nav_ready (struct nav *nv);

/** nav_show_new - build the page at the location and show it afresh:
   at the top, at the heading a doc:DOC#SECTION location names, or at
   its first search match.  */
void nav_show_new (struct nav *nv);

/** nav_back - back to the previous page as the reader left it.  */
void nav_back (struct nav *nv);

/** nav_open - follow the chosen link (say so when none is chosen).  */
void nav_open (struct nav *nv);

/** nav_step_link - Tab (DIR > 0) or Shift+Tab: choose the next or
   previous link with lines, wherever it is.  */
void nav_step_link (struct nav *nv, int dir);

/* nav_search.c */

/** nav_is_search - whether LOCATION is a results page ("search:...").  */
bool nav_is_search (const char *location);

/** nav_mark_hits - on a page just built from search results, find the
   search's words and set them apart (NV's hits); else no hits.  */
void nav_mark_hits (struct nav *nv);

/** nav_first_hit - on a page with matches, show the first at or after
   LINE (a section's heading), else the first, and say which it is.  */
void nav_first_hit (struct nav *nv, long line);

/** nav_match - n (DIR > 0) or N: the next or previous result, or match
   on a page opened from one, or the last search's results again.  */
void nav_match (struct nav *nv, int dir);

#endif
