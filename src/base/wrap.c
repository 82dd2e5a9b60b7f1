/* wrap.c - display width and word wrapping of UTF-8 text.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "wrap.h"

#include <stdbool.h>
#include <wchar.h>

size_t
wrap_decode (const char *s, size_t len, unsigned *wc)
{
  const unsigned char *u = (const unsigned char *) s;
  static const unsigned min[] = { 0, 0x80, 0x800, 0x10000 };
  size_t n;
  unsigned c;
  if (u[0] < 0x80)
    {
      *wc = u[0];
      return 1;
    }
  if ((u[0] & 0xE0) == 0xC0)
    n = 2, c = u[0] & 0x1F;
  else if ((u[0] & 0xF0) == 0xE0)
    n = 3, c = u[0] & 0x0F;
  else if ((u[0] & 0xF8) == 0xF0)
    n = 4, c = u[0] & 0x07;
  else
    goto bad;
  if (n > len)
    goto bad;
  for (size_t i = 1; i < n; i++)
    {
      if ((u[i] & 0xC0) != 0x80)
        goto bad;
      c = (c << 6) | (u[i] & 0x3F);
    }
  if (c < min[n - 1] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    goto bad;
  *wc = c;
  return n;
bad:
  *wc = 0xFFFD;
  return 1;
}

/* The columns of character WC: 0 for combining marks, 2 for wide.
   ASCII (as wcwidth gives it in a UTF-8 locale, with control
   characters 1 as below) without the call: most text is ASCII, and a
   screen's text is measured several times.  */
static size_t
char_width (unsigned wc)
{
  if (wc - 1 < 0x7F)
    return 1;
  int w = wcwidth ((wchar_t) wc);
  return w < 0 ? 1 : (size_t) w;
}

size_t
wrap_width (const char *s, size_t len)
{
  size_t w = 0;
  for (size_t i = 0; i < len;)
    {
      unsigned wc;
      i += wrap_decode (s + i, len - i, &wc);
      w += char_width (wc);
    }
  return w;
}

size_t
wrap_fit (const char *s, size_t len, size_t width)
{
  size_t w = 0, i = 0;
  while (i < len)
    {
      unsigned wc;
      size_t n = wrap_decode (s + i, len - i, &wc);
      size_t cw = char_width (wc);
      if (w + cw > width)
        break;
      w += cw;
      i += n;
    }
  return i;
}

struct wrapper
{
  const char *s;
  size_t len, width;
  void (*emit) (const struct wrap_line *, void *);
  void *data;
  size_t lines;
};

static void
wrap_emit (struct wrapper *w, size_t start, size_t end)
{
  while (end > start && w->s[end - 1] == ' ')
    end--;
  struct wrap_line line = { start, end - start,
                            wrap_width (w->s + start, end - start) };
  w->emit (&line, w->data);
  w->lines++;
}

static size_t
skip_spaces (const char *s, size_t i, size_t len)
{
  while (i < len && s[i] == ' ')
    i++;
  return i;
}

/* CJK punctuation that must not begin a line.  */
static bool
no_break_before (unsigned wc)
{
  static const unsigned marks[] = {
    0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F,
    0xFF09, 0x300D, 0x300F, 0x300B, 0x3009, 0x201D, 0x2019, 0x3011
  };
  for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
    if (wc == marks[i])
      return true;
  return false;
}

/* CJK opening brackets and quotes, which must not end a line.  */
static bool
no_break_after (unsigned wc)
{
  static const unsigned marks[] = {
    0xFF08, 0x300C, 0x300E, 0x300A, 0x3008, 0x201C, 0x2018, 0x3010
  };
  for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
    if (wc == marks[i])
      return true;
  return false;
}

/* Wrap one paragraph (no newlines) [START, END).  A break falls after
   a space, or before or after a wide (CJK) character, but never before
   CJK closing punctuation nor after an opening bracket or quote.  */
static void
wrap_para (struct wrapper *w, size_t start, size_t end)
{
  size_t line = start, brk = 0, col = 0;
  bool have_brk = false;
  bool after = false;           /* a break may follow the last char */
  bool glued = false;           /* the last char holds on to the next */
  for (size_t i = start; i < end;)
    {
      unsigned wc;
      size_t n = wrap_decode (w->s + i, end - i, &wc);
      size_t cw = char_width (wc);
      if (i > line && !glued && (after || cw == 2) && !no_break_before (wc))
        brk = i, have_brk = true;
      if (w->width && col + cw > w->width && i > line)
        {
          size_t at = have_brk ? brk : i;
          wrap_emit (w, line, at);
          line = skip_spaces (w->s, at, end);
          if (line > i)
            i = line;
          col = wrap_width (w->s + line, i - line);
          have_brk = after = glued = false;
          continue;
        }
      col += cw;
      i += n;
      glued = no_break_after (wc);
      after = (wc == ' ' || cw == 2) && !glued;
    }
  wrap_emit (w, line, end);
}

size_t
wrap_text (const char *s, size_t len, size_t width,
           void (*emit) (const struct wrap_line *, void *), void *data)
{
  struct wrapper w = { s, len, width, emit, data, 0 };
  size_t start = 0;
  for (size_t i = 0; i <= len; i++)
    if (i == len || s[i] == '\n')
      {
        wrap_para (&w, start, i);
        start = i + 1;
      }
  return w.lines;
}
