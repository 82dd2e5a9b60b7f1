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
#include "text.h"
#include "text_safe.h"

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
    ybuild_report (b, line, col, true, _("U+%04X (%s) cannot be shown; "
                                         "remove it"), (unsigned) ch->v,
                   text_unsafe_name (TEXT_CONTROL));
  return true;
}

/* Whether CH, which ychar_ok took, puts in a scalar that holds it a
   character that text_unsafe refuses in block text: a tab, or another
   character refused itself (but a line break of YAML's: CR, LF, NEL,
   which give U+000A or a space).  */
static bool
ychar_risky (const struct ychar *ch)
{
  return ch->v == '\t' || (ch->v >= 0x80 && ch->v != 0x85
                           && text_unsafe (ch->v, true) != TEXT_SAFE);
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
      /* Printable ASCII needs no closer look: most of a pack.  */
      if (i + 8 <= n && !text_not_printable8 (s + i))
        {
          i += 8;
          continue;
        }
      struct ychar ch;
      ychar_read (s, n, i, &ch);
      if (!ychar_ok (&ch) && ytext_bad (b, i, &ch))
        return false;
      b->risky = b->risky || ychar_risky (&ch);
      i += ch.w;
    }
  return true;
}

/* Unsafe characters in scalars.  */

/* The byte offset of mark M, from the start of the last line looked up
   when M is not before it: the scalars' marks come in order, so that
   looking them all up reads the text once.  */
static size_t
ytext_mark (struct ybuild *b, const yaml_mark_t *m)
{
  unsigned line = (unsigned) m->line + 1;
  if (b->at_line == 0 || b->at_line > line)
    b->at_line = 1, b->at_off = 0;
  while (b->at_line < line && b->at_off < b->len)
    {
      size_t w = ytext_break (b, b->at_off);
      b->at_off += w ? w : 1;
      b->at_line += w != 0;
    }
  size_t i = b->at_off;
  for (size_t c = 0; c < m->column && i < b->len && !ytext_break (b, i); c++)
    do
      i++;
    while (i < b->len && (b->buf[i] & 0xC0) == 0x80);
  return i;
}

/* The hexadecimal number of the N digits at S (at most LEFT bytes), or
   UINT32_MAX.  */
static uint32_t
ytext_hex (const unsigned char *s, size_t left, size_t n)
{
  uint32_t v = 0;
  for (size_t i = 0; i < n; i++)
    {
      unsigned c = i < left ? s[i] : 0, d = c - '0', x = (c | 0x20) - 'a';
      if (d > 9 && x > 5)
        return UINT32_MAX;
      v = v << 4 | (d <= 9 ? d : x + 10);
    }
  return v;
}

/* The character that the escape after a backslash at S (LEFT > 0 bytes)
   stands for in a double-quoted scalar, and its length in *W; or
   UINT32_MAX (an escaped line break, or no escape).  */
static uint32_t
ytext_escape (const unsigned char *s, size_t left, size_t *w)
{
  static const char from[] = "0abt\tnvfre \"/\\N_LP", *p;
  static const uint32_t to[] = { 0, 7, 8, 9, 9, 10, 11, 12, 13, 27, 32, 34,
                                 47, 92, 0x85, 0xA0, 0x2028, 0x2029 };
  size_t digits = s[0] == 'x' ? 2 : s[0] == 'u' ? 4 : s[0] == 'U' ? 8 : 0;
  *w = 1 + digits;
  if (digits)
    return ytext_hex (s + 1, left - 1, digits);
  p = s[0] ? strchr (from, s[0]) : NULL;
  return p ? to[p - from] : UINT32_MAX;
}

/* A walk through the source of a scalar, a character or an escape at
   a time.  */
struct ywalk
{
  const yaml_mark_t *end;       /* the scalar's end */
  bool dq;                      /* in double quotes: escapes */
  size_t i;                     /* the next byte */
  unsigned line, col;           /* its position */
};

static void
ywalk_start (struct ybuild *b, const yaml_event_t *e, struct ywalk *w)
{
  w->end = &e->end_mark;
  w->dq = e->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
  w->i = ytext_mark (b, &e->start_mark);
  w->line = (unsigned) e->start_mark.line + 1;
  w->col = (unsigned) e->start_mark.column + 1;
}

/* The next character of W as written, in *V, at *LINE:*COL: itself,
   or what an escape stands for.  A line break of the source is
   UINT32_MAX (its text, if any, is folded), unless it is U+2028 or
   U+2029, which libyaml keeps as they are.
   @retval false at the scalar's end.  */
static bool
ywalk_next (struct ybuild *b, struct ywalk *w, uint32_t *v, unsigned *line,
            unsigned *col)
{
  size_t i = w->i, n;
  if (i >= b->len || w->line > w->end->line + 1
      || (w->line == w->end->line + 1 && w->col > w->end->column))
    return false;
  size_t brk = ytext_break (b, i);
  uint32_t c = UINT32_MAX;
  if (!brk && w->dq && b->buf[i] == '\\' && i + 1 < b->len
      && !ytext_break (b, i + 1))
    c = ytext_escape (b->buf + i + 1, b->len - i - 1, &n), n++;
  else
    {
      unsigned wc;
      n = text_decode ((const char *) b->buf + i, b->len - i, &wc);
      c = wc;
    }
  *v = brk && c < 0x2028 ? UINT32_MAX : c;
  *line = w->line, *col = w->col;
  w->i += brk ? brk : n;
  if (brk)
    w->line++, w->col = 1;
  else
    for (size_t j = i; j < w->i; j++)
      w->col += (b->buf[j] & 0xC0) != 0x80;
  return true;
}

/* Note in N where the first line break (U+000A) of its text was
   written: as an escape, in double quotes; else at the scalar's
   start, for the folding of lines is not worth retracing.  */
static void
ytext_newline (struct ybuild *b, const yaml_event_t *e, struct ynode *n)
{
  struct ywalk w;
  uint32_t v;
  if (e->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
    for (ywalk_start (b, e, &w);
         ywalk_next (b, &w, &v, &n->nl_line, &n->nl_col);)
      if (v == '\n')
        return;
  n->nl_line = (unsigned) e->start_mark.line + 1;
  n->nl_col = (unsigned) e->start_mark.column + 1;
}

/* Report character C at LINE:COL.  */
static void
ytext_unsafe (struct ybuild *b, unsigned line, unsigned col, unsigned c)
{
  /* TRANSLATORS: %04X is a code point, as in "U+202E"; the %s is one of
     the names of characters that pinav will not show ("a control
     character").  */
  ybuild_report (b, line, col, false, _("U+%04X (%s) cannot be shown; "
                                        "remove it"),
                 c, text_unsafe_name (text_unsafe (c, true)));
}

/* The next character of N's text from byte K on that text_unsafe
   refuses in block text, in *C; N->len when none.  */
static size_t
ytext_next_unsafe (const struct ynode *n, size_t k, unsigned *c)
{
  return k + text_find_unsafe (n->str + k, n->len - k, true, c);
}

/* Each character of a scalar's text is written, itself or as an
   escape, in the same order in its source, where only line breaks and
   the blanks around them are folded: the walk finds each refused
   character of the text in turn.  */
void
ytext_scalar (struct ybuild *b, const yaml_event_t *e, struct ynode *n)
{
  unsigned c, line, col;
  uint32_t v;
  size_t k;
  /* Nearly always: no escape, nor a refused character in the file.  */
  if (!b->risky && e->data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE)
    {
      if (memchr (n->str, '\n', n->len))
        ytext_newline (b, e, n);
      return;
    }
  if ((k = text_find_unsafe (n->str, n->len, false, &c)) == n->len)
    return;
  if (c == '\n')
    {
      ytext_newline (b, e, n);
      if ((k = ytext_next_unsafe (n, k, &c)) == n->len)
        return;
    }
  struct ywalk w;
  ywalk_start (b, e, &w);
  while (ywalk_next (b, &w, &v, &line, &col))
    if (v == c)
      {
        ytext_unsafe (b, line, col, c);
        unsigned skip;
        k += text_decode (n->str + k, n->len - k, &skip);
        if ((k = ytext_next_unsafe (n, k, &c)) == n->len)
          return;
      }
  ytext_unsafe (b, (unsigned) e->start_mark.line + 1,
                (unsigned) e->start_mark.column + 1, c);   /* not found */
}
