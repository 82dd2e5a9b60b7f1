/* search_fold.c - folding text and queries for search.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search_fold.h"

#include <stdint.h>
#include <string.h>
#include <unicase.h>
#include <unistr.h>

/* The small letter of WC as search folds it: uc_tolower for the
   letters folded so far (Latin-1 and Latin Extended-A, and the
   capitals of basic Greek and Cyrillic), and final sigma as sigma.
   Full case folding and NFKC are for another issue.  */
static ucs4_t
fold_char (ucs4_t wc)
{
  if (wc == 0x03C2)
    return 0x03C3;
  if ((wc >= 0x00C0 && wc <= 0x017F) || (wc >= 0x0391 && wc <= 0x03A9)
      || (wc >= 0x0400 && wc <= 0x042F))
    return uc_tolower (wc);
  return wc;
}

/* A small letter of another length than its capital is left alone.  */
void
search_fold (char *s, size_t len)
{
  uint8_t *u = (uint8_t *) s;
  for (size_t i = 0; i < len;)
    {
      ucs4_t c = u[i];
      int n = c <= 0x7F ? 1 : u8_mbtoucr (&c, u + i, len - i);
      if (c >= 'A' && c <= 'Z')
        u[i] = (uint8_t) (c + ('a' - 'A'));
      else if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
        u[i] = ' ';
      else if (n > 1)
        {
          ucs4_t lc = fold_char (c);
          uint8_t b[6];
          if (lc != c && u8_uctomb (b, lc, sizeof b) == n)
            memcpy (u + i, b, (size_t) n);
        }
      i += n > 0 ? (size_t) n : 1;
    }
}

static bool
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

const char *
search_trim (const char *query, size_t *len)
{
  while (is_space (*query))
    query++;
  size_t n = strlen (query);
  while (n && is_space (query[n - 1]))
    n--;
  *len = n;
  return query;
}

bool
search_query_valid (const char *query)
{
  size_t len;
  const char *q = search_trim (query, &len);
  return len > 0 && u8_check ((const uint8_t *) q, len) == NULL;
}
