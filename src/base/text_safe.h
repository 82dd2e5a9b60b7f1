/* text_safe.h - the one rule for text that may reach a terminal: the
   characters that a terminal would act on, or that would make a line
   read other than it is written, instead of showing them.  Where text
   enters pinav (the loader, the pack image, the command line) such a
   character is refused; where text is drawn (text_clean, the plain
   renderer, messages) it is replaced by a visible '?'.
   docs/security.md states the rule.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_TEXT_SAFE_H
#define PINAV_TEXT_SAFE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Why a character may not reach a terminal.  */
enum text_unsafe
{
  TEXT_SAFE = 0,
  TEXT_NEWLINE,         /* U+000A, in text of one line */
  TEXT_CONTROL,         /* C0 but U+000A in block text, DEL, C1 */
  TEXT_SEPARATOR,       /* U+2028 LINE and U+2029 PARAGRAPH SEPARATOR */
  TEXT_BIDI,            /* the bidirectional controls (Bidi_Control):
                           ALM, LRM, RLM, LRE to RLO, LRI to PDI */
  TEXT_FORMAT           /* any other format character (Cf), but U+200C
                           ZWNJ and U+200D ZWJ: soft hyphen, zero width
                           space, word joiner, BOM, tags... */
};

/** text_unsafe - whether character C may not reach a terminal, and
   why.  BLOCK: C is in block text (a paragraph, a list entry), where
   U+000A ends a line; in text of one line (a title, a name, a line
   already laid out) U+000A is refused too.
   @retval TEXT_SAFE (0), or the reason.  */
enum text_unsafe text_unsafe (unsigned c, bool block);

/** text_unsafe_name - what WHY (not TEXT_SAFE) calls such a
   character, translated, for a message: "a control character".  */
const char *text_unsafe_name (enum text_unsafe why);

/** text_find_unsafe - the offset of the first character of the LEN
   bytes of UTF-8 at S that text_unsafe refuses (an invalid byte is
   not one: it is U+FFFD), and its code point in *C; LEN when there is
   none.  Printable ASCII is passed over eight bytes at a time.  */
size_t text_find_unsafe (const char *s, size_t len, bool block,
                         unsigned *c);

/** text_not_printable8 - the bytes of the 8 at S that are not
   printable ASCII (0x20 to 0x7E: a NUL, a control, DEL, or part of a
   longer character), as the high bit of each; 0 when all are.  Past the
   first such byte others may be flagged wrongly.  Inline: it is called
   for every 8 bytes of every string a pack image holds.  */
static inline uint64_t
text_not_printable8 (const unsigned char *s)
{
  const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
  uint64_t x, del;
  memcpy (&x, s, sizeof x);
  del = x ^ (ones * 0x7F);
  /* A byte >= 0x80, one below 0x20, or 0x7F.  */
  return (x | ((x - ones * 0x20) & ~x) | ((del - ones) & ~del)) & highs;
}

#endif
