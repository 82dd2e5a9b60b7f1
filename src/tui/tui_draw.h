/* tui_draw.h - painting the screen: the title line at the top, the
   laid-out page in the body, the key hints at the bottom.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_TUI_DRAW_H
#define PINAV_TUI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"

/* Where the parts of the screen are, for a terminal's height; a part
   that does not fit has its row at -1.  */
struct tui_geom
{
  int title_y;
  int body_y, body_rows;
  int hint_y;
};

/* One key hint on the bottom line, so that a click or touch on it can
   act as the key.  */
struct tui_hint
{
  int x0, x1;           /* the columns [X0, X1) it takes */
  int action;           /* the action of the key it stands for */
};

#define TUI_HINTS 8

struct tui_screen
{
  const char *title;
  const char *const *crumbs;    /* the page's path (page.h), or NULL */
  size_t n_crumbs;
  const struct layout *lo;
  const struct lay_view *view;
  bool kiosk;           /* no "q quit" hint */
  bool hints_off;       /* no hints at all (the idle warning) */
  const char *prompt;   /* a search being typed, shown instead of the
                           hints, or NULL */
  const char *prompt_lead;      /* what comes before it; NULL: "/" */
  const char *message;  /* the navigator's word on the last key, shown
                           instead of the hints, or NULL */
  const char *keys_hint;        /* the page's own bottom line instead of
                                   the key hints (page.h), or NULL */
  const char *mark;     /* speech is on: these words, in reverse video,
                           at the right of the title line; or NULL */
  bool cursor_top;      /* the cursor at the body's top, not on the
                           selection (r: where a screen reader starts
                           reading the screen again) */
  struct tui_hint hints[TUI_HINTS];     /* set by tui_draw */
  size_t n_hints;
};

/** tui_geometry - the screen's parts for a terminal ROWS lines high:
   title 1 line, hints 1 line, the body the rest (when there is room).  */
struct tui_geom tui_geometry (int rows);

/** tui_draw_forget - the screen no longer shows the last frame (the
   terminal was resized, or something else was drawn on it): the next
   tui_draw draws everything.  */
void tui_draw_forget (void);

/** tui_draw_start - choose the attributes: colours only when the
   terminal has them and NO_COLOR is not set.  Call after newterm.  */
void tui_draw_start (void);

/** tui_draw - paint S on the whole screen and leave the terminal's
   cursor on the selected place (screen readers follow it), or at the
   end of the search (or PIN) being typed.  */
void tui_draw (struct tui_screen *s);

#endif
