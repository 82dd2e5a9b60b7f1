/* ytree_text.h - the checks of a YAML file's bytes before libyaml
   reads them, and positions in them (ytree_text.c).  Internal to the
   ytree*.c files.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_YTREE_TEXT_H
#define PINAV_YTREE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "ytree_build.h"

/** ytext_check - check that B's text is UTF-8 that YAML accepts
   (not UTF-16 or UTF-32, no control character), the way libyaml's
   reader does but with a message a person can act on.  Reports the
   first problem only: past a bad byte nothing can be trusted.
   @retval false when it reported one.  */
bool ytext_check (struct ybuild *b);

/** ytext_scalar - report the first character of scalar N (event E)
   that text_unsafe refuses in block text, where its escape or the
   character itself was written, and note in N where the first line
   break of its text was written (for the loader, which knows what
   text is of one line).  */
void ytext_scalar (struct ybuild *b, const yaml_event_t *e,
                   struct ynode *n);

/** ytext_position - the 1-based *LINE and *COL (in characters) of
   byte OFFSET of B's text.  */
void ytext_position (const struct ybuild *b, size_t offset,
                     unsigned *line, unsigned *col);

/** ytext_offset - the byte offset of the 1-based LINE and COL in B's
   text, or its length past the end.  */
size_t ytext_offset (const struct ybuild *b, unsigned line, unsigned col);

#endif
