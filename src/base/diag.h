/* diag.h - located diagnostics, reported in the GNU form
   FILE:LINE:COLUMN: message.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_DIAG_H
#define PINAV_DIAG_H

#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct diag
{
  char *file;
  unsigned line;        /* 1-based; 0 when the problem has no place */
  unsigned col;
  char *msg;
  size_t seq;           /* order of report, for a stable sort */
};

struct diags
{
  struct diag *v;
  size_t n, cap;
  size_t dropped;       /* problems past DIAG_MAX, counted only */
};

#define DIAG_MAX 1000

/** diag_vadd - diag_add with a va_list.  */
void diag_vadd (struct diags *d, const char *file, unsigned line,
                unsigned col, const char *fmt, va_list ap)
  __attribute__ ((format (printf, 5, 0)));

/** diag_add - record a problem at FILE:LINE:COL (printf-style FMT).  */
void diag_add (struct diags *d, const char *file, unsigned line,
               unsigned col, const char *fmt, ...)
  __attribute__ ((format (printf, 5, 6)));

/** diag_clip - the length in bytes of the first MAX_CHARS characters
   of S (fewer, not to split a grapheme cluster), for quoting part of a
   long text in a message; *CLIPPED tells whether anything was left
   out.  diag_add makes any control character
   or invalid byte of a message visible as an escape.  */
size_t diag_clip (const char *s, size_t max_chars, bool *clipped);

/** diag_escape - a malloc'd copy of S with every control character,
   bidirectional control and invalid byte written as an escape (\x1B,
   \u202E), for quoting what a user gave in a message; NULL when memory
   ran out.  */
char *diag_escape (const char *s);

/** diag_print - print every problem, ordered by file, line and column.  */
void diag_print (struct diags *d, FILE *out);

/** diag_free - forget every problem.  */
void diag_free (struct diags *d);

#endif
