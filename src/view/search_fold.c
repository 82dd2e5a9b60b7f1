/* search_fold.c - folding text and queries for search: NFKC and
   Unicode case folding by libunistring, a character (with its
   combining marks) at a time, so that each folded byte knows the
   character it comes from.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search_fold.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* The folded forms of characters off the fast paths, direct-mapped by
   code point; a form longer than OUT is not kept.  */
#define CACHE_SLOTS 1024
struct search_fold_cache
{
  struct
  {
    ucs4_t wc;                  /* 0: empty (ASCII never comes here) */
    uint8_t n;
    uint8_t out[11];
  } slot[CACHE_SLOTS];
};

/* Room for N more bytes in F.  */
static bool
fold_room (struct search_folded *f, size_t n)
{
  if (f->len + n <= f->cap)
    return true;
  size_t cap = f->cap ? f->cap : 64;
  while (cap < f->len + n)
    cap *= 2;
  char *s = realloc (f->s, cap);
  uint32_t *m = f->want_map && s ? realloc (f->map, cap * sizeof *m) : NULL;
  if (s)
    f->s = s;
  if (m)
    f->map = m;
  if (!s || (f->want_map && !m))
    {
      f->failed = true;
      return false;
    }
  f->cap = cap;
  return true;
}

static bool
fold_put (struct search_folded *f, const uint8_t *b, size_t n, size_t from)
{
  if (!fold_room (f, n))
    return false;
  memcpy (f->s + f->len, b, n);
  for (size_t k = 0; f->want_map && k < n; k++)
    f->map[f->len + k] = (uint32_t) from;
  f->len += n;
  return true;
}

static uint8_t
fold_ascii (ucs4_t c)
{
  if (c >= 'A' && c <= 'Z')
    return (uint8_t) (c + ('a' - 'A'));
  if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
    return ' ';
  return (uint8_t) c;
}

/* The folded form of WC alone into OUT, when it is simple to know:
   ASCII, CJK ideographs (themselves), fullwidth ASCII and the
   ideographic space.  @retval its bytes, or 0.  */
static int
fold_fast (ucs4_t wc, uint8_t *out)
{
  if (wc < 0x80)
    return out[0] = fold_ascii (wc), 1;
  if ((wc >= 0x4E00 && wc <= 0x9FFF) || (wc >= 0x3400 && wc <= 0x4DBF))
    return u8_uctomb (out, wc, 4);
  if (wc >= 0xFF01 && wc <= 0xFF5E)
    return out[0] = fold_ascii (wc - 0xFEE0), 1;
  if (wc == 0x3000)
    return out[0] = ' ', 1;
  return 0;
}

/* Fold the N bytes at U (a character and its combining marks), which
   start at byte FROM, into F: by the cache, or by u8_casefold.  */
static bool
fold_slow (struct search_folded *f, const uint8_t *u, size_t n, ucs4_t wc,
           bool alone, size_t from)
{
  uint8_t buf[64];
  size_t len = sizeof buf;
  __typeof__ (&f->cache->slot[0]) c
    = f->cache && alone ? &f->cache->slot[wc % CACHE_SLOTS] : NULL;
  if (c && c->wc == wc)
    return fold_put (f, c->out, c->n, from);
  uint8_t *r = u8_casefold (u, n, NULL, UNINORM_NFKC, buf, &len);
  if (!r)
    return fold_put (f, u, n, from);
  for (size_t k = 0; k < len; k++)
    r[k] = r[k] < 0x80 ? fold_ascii (r[k]) : r[k];
  bool ok = fold_put (f, r, len, from);
  if (c && len <= sizeof c->out)
    {
      c->wc = wc;
      c->n = (uint8_t) len;
      memcpy (c->out, r, len);
    }
  if (r != buf)
    free (r);
  return ok;
}

/* Fold the ASCII bytes from I of U (LEN) at once, but for the last
   one when a combining mark may follow it.  @retval where they end.  */
static size_t
fold_ascii_run (struct search_folded *f, const uint8_t *u, size_t i,
                size_t len)
{
  size_t j = i;
  while (j < len && u[j] < 0x80)
    j++;
  if (j < len && j > i)
    j--;
  if (j == i || !fold_room (f, j - i))
    return i;
  for (size_t k = i; k < j; k++)
    {
      f->s[f->len] = (char) fold_ascii (u[k]);
      if (f->want_map)
        f->map[f->len] = (uint32_t) k;
      f->len++;
    }
  return j;
}

bool
search_fold_add (struct search_folded *f, const char *s, size_t len)
{
  const uint8_t *u = (const uint8_t *) s;
  for (size_t i = 0; i < len && !f->failed;)
    {
      if (u[i] < 0x80 && (i = fold_ascii_run (f, u, i, len)) >= len)
        break;
      ucs4_t wc = u[i], mark;
      int n = wc < 0x80 ? 1 : u8_mbtouc (&wc, u + i, len - i);
      size_t j = i + (size_t) n;
      /* The combining marks after it go with it.  */
      while (j < len && u[j] >= 0x80)
        {
          int m = u8_mbtouc (&mark, u + j, len - j);
          if (uc_combining_class (mark) == 0)
            break;
          j += (size_t) m;
        }
      uint8_t out[4];
      int k = j == i + (size_t) n ? fold_fast (wc, out) : 0;
      if (k > 0)
        fold_put (f, out, (size_t) k, i);
      else if (wc == 0xFFFD && n == 1 && u[i] >= 0x80)
        fold_put (f, u + i, 1, i);
      else
        fold_slow (f, u + i, j - i, wc, j == i + (size_t) n, i);
      i = j;
    }
  return !f->failed;
}

void
search_fold_cache_new (struct search_folded *f)
{
  f->cache = calloc (1, sizeof *f->cache);
}

void
search_fold_free (struct search_folded *f)
{
  free (f->s);
  free (f->map);
  free (f->cache);
  memset (f, 0, sizeof *f);
}

void
search_fold_span (const char *s, size_t *pos, size_t *len)
{
  struct search_folded f = { .want_map = true };
  size_t n = strlen (s), k = 0;
  while (k < n && (unsigned char) s[k] < 0x80)
    k++;
  if (k == n)
    {
      /* ASCII folds byte for byte (a span past S comes only from a
         hostile compiled index: search_blob.h).  */
      *pos = *pos < n ? *pos : n;
      *len = *len < n - *pos ? *len : n - *pos;
      return;
    }
  if (search_fold_add (&f, s, n) && *len > 0 && *pos + *len <= f.len)
    {
      size_t a = f.map[*pos], last = f.map[*pos + *len - 1];
      size_t e = *pos + *len;
      while (e < f.len && f.map[e] == last)
        e++;
      *pos = a;
      *len = (e < f.len ? f.map[e] : n) - a;
    }
  else
    {
      *pos = *pos < n ? *pos : n;
      *len = *len < n - *pos ? *len : n - *pos;
    }
  search_fold_free (&f);
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
