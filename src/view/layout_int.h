/* layout_int.h - the layout's insides, shared by its own files
   (layout.c lays out a page's text and calls layout_table.c for its
   tables) and by no one else: not part of the API (layout.h).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_LAYOUT_INT_H
#define PINAV_LAYOUT_INT_H

#include <stddef.h>

#include "layout.h"
#include "page.h"

/* layout.c */

/** lay_add - append to LO one line for place SEL (or -1) of page block
   BLOCK: a copy of the LEN bytes of TEXT, with control characters and
   invalid bytes shown as '?', after INDENT columns.  */
void lay_add (struct layout *lo, const char *text, size_t len, size_t indent,
              enum lay_style style, long sel, size_t block);

/** lay_gap - a blank line, unless the page is empty or already ends in
   one.  */
void lay_gap (struct layout *lo, size_t block);

/** lay_room - the columns left for text after INDENT (at least 1).  */
size_t lay_room (const struct layout *lo, size_t indent);

/** lay_text - TEXT wrapped into lines no wider than the measure, PREFIX
   before the first ("- ", "1. "), the rest hanging under the text.  */
void lay_text (struct layout *lo, const char *prefix, const char *text,
               size_t indent, enum lay_style style, long sel, size_t block);

/* layout_table.c */

/** lay_table - lay out table T of page block BLOCK, between blank
   lines: as a grid, or as cards; its rows' places numbered on from
   *SEL.  */
void lay_table (struct layout *lo, const struct ptable *t, long *sel,
                size_t block);

#endif
