/* text_safe.c - the characters a terminal must not be given (see
   text_safe.h), on GNU libunistring's character properties.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "text_safe.h"

#include <stdint.h>
#include <string.h>
#include <unictype.h>

#include "i18n.h"
#include "text.h"

/* C0 and C1 are controls by definition; the separators and the format
   characters (Cf) come from libunistring's tables.  No format character
   nor separator lies below U+00AD, from U+00AE to U+05FF, or from
   U+2070 to U+FEFE (CJK, Hangul, most scripts and punctuation): those
   need no lookup.  tests/unit-wrap compares every code point with the
   definition.  */
enum text_unsafe
text_unsafe (unsigned c, bool block)
{
  if (c < 0x20)
    return c != '\n' ? TEXT_CONTROL : block ? TEXT_SAFE : TEXT_NEWLINE;
  if (c < 0x7F)
    return TEXT_SAFE;
  if (c < 0xA0)
    return TEXT_CONTROL;
  if (c < 0xAD || (c > 0xAD && c < 0x600) || (c >= 0x2070 && c < 0xFEFF))
    return TEXT_SAFE;
  if (c == 0x2028 || c == 0x2029)
    return TEXT_SEPARATOR;
  /* ZWNJ and ZWJ are letters' business: Indic and Arabic scripts and
     emoji sequences need them, and they move nothing.  */
  if (c == 0x200C || c == 0x200D
      || !uc_is_general_category (c, UC_CATEGORY_Cf))
    return TEXT_SAFE;
  return uc_is_property_bidi_control (c) ? TEXT_BIDI : TEXT_FORMAT;
}

const char *
text_unsafe_name (enum text_unsafe why)
{
  switch (why)
    {
    case TEXT_NEWLINE:
      /* TRANSLATORS: this and the four names that follow name a
         character that pinav will not show, in "U+000A (%s) cannot be
         shown...".  */
      return _("a line break");
    case TEXT_SEPARATOR:
      return _("a line or paragraph separator");
    case TEXT_BIDI:
      return _("a bidirectional control, which can reverse the text");
    case TEXT_FORMAT:
      return _("an invisible formatting character");
    default:
      return _("a control character");
    }
}

size_t
text_find_unsafe (const char *s, size_t len, bool block, unsigned *c)
{
  const uint8_t *u = (const uint8_t *) s;
  for (size_t i = 0; i < len;)
    {
      if (len - i >= 8 && !text_not_printable8 (u + i))
        {
          i += 8;
          continue;
        }
      unsigned wc = u[i];
      if (wc - 0x20 < 0x5F)
        {
          i++;                  /* printable ASCII: a short text's tail */
          continue;
        }
      size_t n = wc < 0x80 ? 1 : text_decode (s + i, len - i, &wc);
      if (text_unsafe (wc, block) != TEXT_SAFE)
        {
          if (c)
            *c = wc;
          return i;
        }
      i += n;
    }
  return len;
}
