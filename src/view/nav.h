/* nav.h - the navigator core: where the reader is (the page, the line
   at the top, the chosen link), where they have been, and every action
   that moves them.  It knows neither curses nor stdio: the TUI and
   plain mode turn input into actions and show the page at the
   location, so whatever one of them can do, the other can.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_NAV_H
#define PINAV_NAV_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "keys.h"
#include "layout.h"
#include "page.h"
#include "view.h"

#define NAV_MAX 256     /* older places are forgotten */
#define NAV_WHEEL 3     /* lines a mouse wheel step scrolls */
#define NAV_MAX_HITS 512        /* search matches on a page, at most */

/* A place in the history: the location, and how it was left.  */
struct nav_entry
{
  char *location;
  long top;             /* the line at the top */
  long sel;             /* the chosen place, -1 for none */
};

struct nav
{
  const struct app *app;
  struct view_ctx ctx;
  struct nav_entry hist[NAV_MAX];
  size_t n;
  struct page page;     /* the page at the location */
  struct layout lo;     /* ... laid out for WIDTH */
  struct lay_view view; /* top, rows and the chosen place */
  size_t width;
  long rows;            /* the screen's body lines; 0: the whole page */
  unsigned long shown;  /* pages built so far: a new value, a new page */
  const char *msg;      /* what the last action has to say, or NULL */
  char msg_buf[256];    /* ... when it is made up (MSG points here) */
  bool quit;            /* the reader asked to leave */
  char *query;          /* the last search's words, or NULL */
  int trace_fd;         /* PINAV_TRACE_FD, for the tests; -1: none */
  struct view_search search;    /* the index, from the first search */
  /* On a page opened from search results: the block of each match of
     its words (set apart on the page), in page order (a block with two:
     twice), and the match n and N are at.  */
  size_t hits[NAV_MAX_HITS];
  size_t n_hits;
  long hit;
};

/** nav_init - stand at APP's start location in MODE, for a body of
   ROWS lines (0: the whole page) of WIDTH columns.
   @retval false on memory exhaustion.  */
bool nav_init (struct nav *nv, const struct app *app, enum view_mode mode,
               size_t width, long rows);

/** nav_free - release everything NV holds, the search words too.  */
void nav_free (struct nav *nv);

/** nav_do - carry out action A (NAV_SEARCH opens the search page; the
   words come with nav_search).  */
void nav_do (struct nav *nv, enum nav_action a);

/** nav_follow - go on to TARGET: a location, or an action location
   (setlang:LL, quit).  */
void nav_follow (struct nav *nv, const char *target);

/** nav_choose - make place SEL (an index into NV->lo.sels) the chosen
   one, scrolled into view.  @retval false when there is no such place.  */
bool nav_choose (struct nav *nv, long sel);

/** nav_search - show the results for WORDS (in place of a results page
   being shown), and remember WORDS for n and N.  */
void nav_search (struct nav *nv, const char *words);

/** nav_resize - the body is now ROWS lines of WIDTH columns: lay out
   again, keeping the chosen place and the text at the top.  */
void nav_resize (struct nav *nv, size_t width, long rows);

/** nav_reset - the idle reset: forget the history, the search and the
   choice, go back to the first language and the start location.  */
void nav_reset (struct nav *nv);

/** nav_reset_pack - nav_reset, on PACK from now on (a pack loaded
   again: nothing of NV points into the one before it afterwards).  */
void nav_reset_pack (struct nav *nv, const struct content_pack *pack);

/** nav_location - the location shown (never NULL after nav_init).  */
const char *nav_location (const struct nav *nv);

/** nav_top_block - the page block of the line at the top of the body,
   where reading aloud starts (0 at the top of the page).  */
size_t nav_top_block (const struct nav *nv);

/** nav_describe - "LOCATION top=T sel=S depth=D" in BUF (SIZE bytes):
   the whole state that two renderers must agree on.  */
const char *nav_describe (const struct nav *nv, char *buf, size_t size);

/** nav_trace - when the environment gave PINAV_TRACE_FD (the tests
   do), write nav_describe and a newline to that descriptor.  */
void nav_trace (const struct nav *nv);

/** nav_hit_in_block - which of its block's matches match K of the
   page's matches (NV->hits) is, from 0: what n/N show, and what plain
   mode stars alone.  */
size_t nav_hit_in_block (const struct nav *nv, size_t k);

#endif
