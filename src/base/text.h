/* text.h - UTF-8 text for every renderer, on GNU libunistring:
   decoding, display width, grapheme clusters (UAX #29) and line
   breaking (UAX #14).  No grapheme cluster is ever split; invalid bytes
   and the characters a terminal must not be given (text_safe.h) take
   one column each, shown as '?'.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_TEXT_H
#define PINAV_TEXT_H

#include <stddef.h>

/* One line of wrapped text: bytes [START, START+LEN) of the input.  */
struct text_line
{
  size_t start, len;
  size_t width;         /* display columns */
};

/** text_decode - decode one UTF-8 character at S (LEN > 0 bytes).
   Sets *WC (U+FFFD for an invalid or truncated sequence, which uses
   one byte).
   @retval the bytes used (at least 1).  */
size_t text_decode (const char *s, size_t len, unsigned *wc);

/** text_width - the display width of the LEN bytes at S (invalid bytes
   and unsafe characters, text_safe.h, count as one column each, as
   shown by '?').  */
size_t text_width (const char *s, size_t len);

/** text_clean - copy the LEN bytes at S to OUT (room for LEN bytes;
   it may be S), each invalid byte and each character a terminal must
   not be given in a line (text_unsafe (C, false): a control, U+000A
   included, a separator, a bidirectional control, a format character)
   written as '?'; sets *WIDTH to their display width.
   @retval the bytes written.  */
size_t text_clean (char *out, const char *s, size_t len, size_t *width);

/** text_wrap - break the LEN bytes of S into lines of at most WIDTH
   columns (WIDTH 0: no limit; a line breaks only at newlines), at the
   line break opportunities of UAX #14, or between grapheme clusters
   when a piece is wider than WIDTH.  Calls EMIT for each line, in
   order.
   @retval the number of lines.  */
size_t text_wrap (const char *s, size_t len, size_t width,
                  void (*emit) (const struct text_line *line, void *data),
                  void *data);

/** text_longest - the width of the widest piece of the LEN bytes at S
   that text_wrap never breaks (a word, an ideograph with its
   punctuation), trailing spaces left out.  */
size_t text_longest (const char *s, size_t len);

/** text_fit - the number of bytes of S (LEN bytes) that fit in WIDTH
   columns without splitting a grapheme cluster.  */
size_t text_fit (const char *s, size_t len, size_t width);

/** text_fit_tail - where the longest tail of S (LEN bytes) that fits in
   WIDTH columns begins, at the start of a grapheme cluster.  */
size_t text_fit_tail (const char *s, size_t len, size_t width);

/** text_grapheme_start - the start of the grapheme cluster of S (LEN
   bytes) that holds byte POS: POS itself when a cluster begins there,
   LEN when POS >= LEN.  */
size_t text_grapheme_start (const char *s, size_t len, size_t pos);

/** text_prev_grapheme - where the last grapheme cluster of S (N bytes)
   begins (0 when N is 0): what one Backspace takes away.  */
size_t text_prev_grapheme (const char *s, size_t n);

/** text_next_grapheme - the length in bytes of the grapheme cluster at
   the start of S (N bytes; 0 when N is 0).  */
size_t text_next_grapheme (const char *s, size_t n);

#endif
