/* search_snip.c - a search result's snippet.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search_snip.h"

#include <string.h>

#include "text.h"

/* The bytes of S (LEN) that fit in COLS columns and SIZE bytes, never
   splitting a grapheme cluster.  */
static size_t
fit (const char *s, size_t len, size_t cols, size_t size)
{
  size_t n = text_fit (s, len, cols);
  return n <= size ? n : text_grapheme_start (s, len, size);
}

/* The start of the text before byte POS of S that fits in COLS
   columns (and a quarter of SIZE bytes), at a grapheme cluster.  */
static size_t
fit_back (const char *s, size_t pos, size_t cols, size_t size)
{
  size_t p = text_fit_tail (s, pos, cols);
  if (pos - p > size / 4)
    {
      size_t lo = pos - size / 4;
      p = text_grapheme_start (s, pos, lo);
      if (p < lo)
        p += text_next_grapheme (s + p, pos - p);
    }
  return p;
}

static void
snip_put (struct search_result *r, size_t *n, const char *s, size_t len)
{
  for (size_t i = 0; i < len && *n + 1 < sizeof r->snippet; i++)
    {
      unsigned char c = (unsigned char) s[i];
      r->snippet[(*n)++] = c < 0x20 || c == 0x7F ? ' ' : (char) c;
    }
  r->snippet[*n] = '\0';
}

/* Where a snippet of S (TOTAL bytes) around the match of LEN bytes at
   POS starts and ends, for COLS columns (at least 2 * 3, for the dots)
   and SIZE bytes: the whole string when it fits, else 2/5 of the room
   before the match and the rest after it, moved to spaces when the cut
   would fall in a word.  */
static void
snippet_span (const char *s, size_t total, size_t pos, size_t len,
              size_t cols, size_t size, size_t *startp, size_t *endp)
{
  const size_t dots = 3;
  size_t start = 0, end = total;
  if (text_width (s, total) > cols || total > size)
    {
      size_t avail = cols - 2 * dots;
      size_t mw = text_width (s + pos, len);
      start = mw >= avail ? pos
              : fit_back (s, pos, (avail - mw) * 2 / 5, size);
      if (start > 0 && s[start - 1] != ' ')
        {
          const char *sp = memchr (s + start, ' ', pos - start);
          if (sp)
            start = (size_t) (sp + 1 - s);
        }
      while (start < pos && s[start] == ' ')
        start++;
      size_t room = cols - (start ? dots : 0)
                    - text_width (s + start, pos - start);
      if (text_width (s + pos, total - pos) > room || total - start > size)
        {
          end = pos + fit (s + pos, total - pos, room - dots,
                           size - (pos - start));
          if (end < total && s[end] != ' ')
            for (size_t k = end; k > pos + len && end - k < 20; k--)
              if (s[k - 1] == ' ')
                {
                  end = k - 1;
                  break;
                }
        }
    }
  while (end > pos + len && s[end - 1] == ' ')
    end--;
  *startp = start;
  *endp = end;
}

void
search_snip (struct search_result *r, const char *s, size_t pos, size_t len,
             size_t cols)
{
  static const char dots[] = "...";
  size_t total = strlen (s), start, end, n = 0;
  if (cols < SEARCH_SNIPPET_MIN_COLS)
    cols = SEARCH_SNIPPET_MIN_COLS;
  snippet_span (s, total, pos, len, cols, sizeof r->snippet - 8, &start,
                &end);
  if (start > 0)
    snip_put (r, &n, dots, sizeof dots - 1);
  r->hl_start = n + (pos - start);
  snip_put (r, &n, s + start, end - start);
  r->hl_len = pos + len <= end ? len : end > pos ? end - pos : 0;
  if (s[end + strspn (s + end, " ")] != '\0')
    snip_put (r, &n, dots, sizeof dots - 1);
}
