/* plain.h - the line renderer for screen readers, braille displays,
   pipes and printing: only appended lines of UTF-8, no escape codes,
   no box drawing.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_PLAIN_H
#define PINAV_PLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "page.h"

/** plain_render - write PG to OUT wrapped at WIDTH columns (0: no
   wrapping).  When NUMBERED, selectable places are numbered from 1 in
   page order ("[3] Osteoporosis"), the numbers a reader types.  */
void plain_render (FILE *out, const struct page *pg, size_t width,
                   bool numbered);

/** plain_wrapped - write TEXT to OUT wrapped at WIDTH, the first line
   prefixed with FIRST and the others indented to line up with it.  */
void plain_wrapped (FILE *out, const char *first, const char *text,
                    size_t width);

#endif
