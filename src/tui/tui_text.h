/* tui_text.h - text put on the screen, clipped to it by display width:
   the layer under tui_draw.c (the TUI's own; no one else calls it).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_TUI_TEXT_H
#define PINAV_TUI_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

#include "layout.h"

/** tui_text_start - choose the attributes: colours only when the
   terminal has them and NO_COLOR is not set, and the mark of a line
   with a search match.  Call after newterm.  */
void tui_text_start (void);

/** tui_text_attr - the attributes of a line of STYLE.  */
attr_t tui_text_attr (enum lay_style style);

/** tui_text_put - write the LEN bytes of S (any text: what a terminal
   must not be given is shown as '?') at (Y, X) in the current
   attributes, as much as fits the screen, never splitting a grapheme
   cluster.  */
void tui_text_put (int y, int x, const char *s, size_t len);

/** tui_text_fitting - tui_text_put for text that is clean already (a
   laid-out line, a hint) and fits the screen.  */
void tui_text_fitting (int y, int x, const char *s, size_t len);

/** tui_text_line - draw line K of LO on row Y, SELECTED or not, after
   MARGIN columns kept for the mark of a line with a search match
   (layout.h, LAY_HIT), its matches set apart.  A line not all ASCII
   keeps its wide characters until tui_text_forget or another layout
   takes its place.  */
void tui_text_line (const struct layout *lo, long k, int y, bool selected,
                    int margin);

/** tui_text_forget - wipe and free the lines' wide characters kept by
   tui_text_line (at an idle reset, and at the end).  */
void tui_text_forget (void);

#endif
