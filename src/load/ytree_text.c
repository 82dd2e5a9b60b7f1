/* ytree_text.c - check a YAML file's bytes before libyaml reads them:
   UTF-8 that YAML accepts, or one message that says what is wrong and
   where; and convert between byte offsets and lines and columns.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "ytree_text.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

/* The length of a line break at byte I (as libyaml counts them: LF,
   CR LF, CR, NEL, LS, PS), or 0.  */
static size_t
ytext_break (const struct ybuild *b, size_t i)
{
  const unsigned char *s = b->buf + i;
  size_t left = b->len - i;
  if (s[0] == '\n')
    return 1;
  if (s[0] == '\r')
    return left > 1 && s[1] == '\n' ? 2 : 1;
  if (left > 1 && s[0] == 0xC2 && s[1] == 0x85)
    return 2;
  if (left > 2 && s[0] == 0xE2 && s[1] == 0x80
      && (s[2] == 0xA8 || s[2] == 0xA9))
    return 3;
  return 0;
}

void
ytext_position (const struct ybuild *b, size_t offset, unsigned *line,
                unsigned *col)
{
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < offset && i < b->len;)
    {
      size_t w = ytext_break (b, i);
      if (w)
        {
          ++*line;
          *col = 1;
          i += w;
          continue;
        }
      if ((b->buf[i] & 0xC0) != 0x80)
        ++*col;
      i++;
    }
}

size_t
ytext_offset (const struct ybuild *b, unsigned line, unsigned col)
{
  size_t i = 0;
  for (unsigned l = 1; l < line && i < b->len;)
    {
      size_t w = ytext_break (b, i);
      i += w ? w : 1;
      l += w != 0;
    }
  for (unsigned c = 1; c < col && i < b->len && !ytext_break (b, i); c++)
    do
      i++;
    while (i < b->len && (b->buf[i] & 0xC0) == 0x80);
  return i;
}

/* Write the LEN bytes at S as "0xC3 0xA9" into WHAT.  */
static void
ytext_bytes (char *what, size_t size, const unsigned char *s, size_t len)
{
  size_t n = 0;
  what[0] = '\0';
  for (size_t j = 0; j < len && n + 6 < size; j++)
    n += (size_t) snprintf (what + n, size - n, "%s0x%02X", j ? " " : "",
                            s[j]);
}

/* Whether the 8 bytes at S are printable ASCII (0x20 to 0x7E), which
   needs no closer look: most of a pack.  */
static bool
ytext_plain8 (const unsigned char *s)
{
  const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
  uint64_t x, del;
  memcpy (&x, s, sizeof x);
  del = x ^ (ones * 0x7F);
  return !(x & highs)                           /* no byte >= 0x80 */
         && !((x - ones * 0x20) & ~x & highs)   /* none < 0x20 */
         && !((del - ones) & ~del & highs);     /* none is 0x7F */
}

/* The text is UTF-16 or UTF-32 (with a BOM), which libyaml would
   take but a pack must not be: report it.  */
static bool
ytext_wide (struct ybuild *b)
{
  const unsigned char *s = b->buf;
  size_t n = b->len;
  if (n >= 4 && ((s[0] == 0xFF && s[1] == 0xFE && !s[2] && !s[3])
                 || (!s[0] && !s[1] && s[2] == 0xFE && s[3] == 0xFF)))
    {
      ybuild_report (b, 1, 1, true, "%s", _("the file is in UTF-32: save "
                                            "it as UTF-8"));
      return true;
    }
  if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE)
                 || (s[0] == 0xFE && s[1] == 0xFF)))
    {
      ybuild_report (b, 1, 1, true, "%s", _("the file is in UTF-16: save "
                                            "it as UTF-8"));
      return true;
    }
  return false;
}

/* A character as the UTF-8 at a byte of the text says it is.  */
struct ychar
{
  unsigned c;                   /* its first byte */
  size_t w;                     /* the length its first byte gives, or 0
                                   when that cannot start a character */
  size_t k;                     /* the bytes of it present (1 to W) */
  uint32_t v;                   /* its value, when K is W */
};

/* Decode the character at byte I of the N bytes at S.  */
static void
ychar_read (const unsigned char *s, size_t n, size_t i, struct ychar *ch)
{
  unsigned c = s[i];
  size_t w = c < 0x80 ? 1 : c < 0xC0 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3
             : c < 0xF8 ? 4 : 0, k = 1;
  uint32_t v = w == 1 ? c : c & (0x7F >> w);
  for (; k < w && i + k < n && (s[i + k] & 0xC0) == 0x80; k++)
    v = v << 6 | (s[i + k] & 0x3F);
  *ch = (struct ychar) { c, w, k, v };
}

/* Whether CH is written in more bytes than its value needs.  */
static bool
ychar_overlong (const struct ychar *ch)
{
  return (ch->w == 2 && ch->v < 0x80) || (ch->w == 3 && ch->v < 0x800)
         || (ch->w == 4 && ch->v < 0x10000);
}

/* Whether CH is a character YAML takes as it is.  */
static bool
ychar_ok (const struct ychar *ch)
{
  uint32_t v = ch->v;
  unsigned c = ch->c;
  if (ch->w > 1 && ch->k == ch->w && !ychar_overlong (ch) && v >= 0xA0
      && !(v >= 0xD800 && v <= 0xDFFF) && v != 0xFFFE && v != 0xFFFF
      && v <= 0x10FFFF)
    return true;
  return ch->w == 1 && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
         && c != 0x7F;
}

/* Report CH, at byte I, which ychar_ok refused.
   @retval false, with nothing reported, for a NEL (U+0085): a line
   break to YAML.  */
static bool
ytext_bad (struct ybuild *b, size_t i, const struct ychar *ch)
{
  char what[64];
  unsigned line, col;
  ytext_position (b, i, &line, &col);
  if (ch->w == 0)
    ybuild_report (b, line, col, true,
                   _("not UTF-8: byte 0x%02X cannot start a character; "
                     "save the file as UTF-8"), ch->c);
  else if (ch->k < ch->w)
    {
      ytext_bytes (what, sizeof what, b->buf + i, ch->k);
      if (i + ch->k >= b->len)
        ybuild_report (b, line, col, true,
                       _("not UTF-8: the file ends inside a character "
                         "(%s)"), what);
      else
        ybuild_report (b, line, col, true,
                       _("not UTF-8: an incomplete character (%s); "
                         "save the file as UTF-8"), what);
    }
  else if (ychar_overlong (ch))
    {
      ytext_bytes (what, sizeof what, b->buf + i, ch->w);
      ybuild_report (b, line, col, true,
                     _("not UTF-8: an overlong encoding (%s)"), what);
    }
  else if (ch->v == 0)
    ybuild_report (b, line, col, true, "%s",
                   _("a NUL byte: this is not a text file"));
  else if (ch->v >= 0xD800 && ch->v <= 0xDFFF)
    ybuild_report (b, line, col, true,
                   _("not UTF-8: U+%04X is a UTF-16 surrogate"),
                   (unsigned) ch->v);
  else if (ch->v > 0x10FFFF)
    ybuild_report (b, line, col, true, "%s",
                   _("not UTF-8: a character beyond Unicode"));
  else if (ch->v == 0x85)
    return false;
  else
    ybuild_report (b, line, col, true,
                   _("control character U+%04X is not allowed"),
                   (unsigned) ch->v);
  return true;
}

bool
ytext_check (struct ybuild *b)
{
  const unsigned char *s = b->buf;
  size_t n = b->len;
  if (ytext_wide (b))
    return false;
  for (size_t i = 0; i < n;)
    {
      if (i + 8 <= n && ytext_plain8 (s + i))
        {
          i += 8;
          continue;
        }
      struct ychar ch;
      ychar_read (s, n, i, &ch);
      if (!ychar_ok (&ch) && ytext_bad (b, i, &ch))
        return false;
      i += ch.w;
    }
  return true;
}
