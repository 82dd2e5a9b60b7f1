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

/** plain_render_from - plain_render, but of the blocks from FROM on
   (after the title, and a line that says so); the numbers are still
   those of the whole page.  */
void plain_render_from (FILE *out, const struct page *pg, size_t width,
                        bool numbered, size_t from);

/** plain_render_head - the title of PG, and when FROM (a block) is not
   0, a line that says the page is printed from there on.  */
void plain_render_head (FILE *out, const struct page *pg, size_t width,
                        size_t from);

/** plain_render_match - block BLOCK of PG (its link numbered as in
   the whole page) with only its highlight J between stars: the match
   plain mode has just named ("Match 2 of 5."), told apart from the
   block's other matches.  Nothing when there is no such highlight.  */
void plain_render_match (FILE *out, const struct page *pg, size_t width,
                         size_t block, size_t j);

/** plain_render_blocks - the blocks of PG from FROM to TO (not
   included), numbered as in the whole page.  */
void plain_render_blocks (FILE *out, const struct page *pg, size_t width,
                          bool numbered, size_t from, size_t to);

/** plain_sel_text - the text of selectable place P of PG: the link's,
   or the table row's name.  */
const char *plain_sel_text (const struct page *pg, const struct psel *p);

/** plain_wrapped - write TEXT to OUT wrapped at WIDTH, the first line
   prefixed with FIRST and the others indented to line up with it.  */
void plain_wrapped (FILE *out, const char *first, const char *text,
                    size_t width);

#endif
