/* wrap.h - display width and word wrapping of UTF-8 text, for every
   renderer.  CJK text breaks between any two wide characters; no
   character is ever split.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_WRAP_H
#define PINAV_WRAP_H

#include <stddef.h>

/* One line of wrapped text: bytes [START, START+LEN) of the input.  */
struct wrap_line
{
  size_t start, len;
  size_t width;         /* display columns */
};

/** wrap_width - the display width of the LEN bytes at S (invalid bytes
   and control characters count as one column each, as shown by '?').  */
size_t wrap_width (const char *s, size_t len);

/** wrap_text - break the LEN bytes of S into lines of at most WIDTH
   columns (WIDTH 0: no limit; a line breaks only at newlines).
   Calls EMIT for each line, in order.
   @retval the number of lines.  */
size_t wrap_text (const char *s, size_t len, size_t width,
                  void (*emit) (const struct wrap_line *line, void *data),
                  void *data);

/** wrap_fit - the number of bytes of S (LEN bytes) that fit in WIDTH
   columns without splitting a character.  */
size_t wrap_fit (const char *s, size_t len, size_t width);

/** wrap_decode - decode one UTF-8 character at S (LEN > 0 bytes).
   Sets *WC (U+FFFD for invalid input).
   @retval the bytes used (at least 1).  */
size_t wrap_decode (const char *s, size_t len, unsigned *wc);

#endif
