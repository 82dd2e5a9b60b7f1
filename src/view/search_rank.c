/* search_rank.c - ranking the targets a query matched: a target's
   match from its best hits, the order of matches, and the best MAX of
   them put first.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search_rank.h"

#include <stdlib.h>
#include <string.h>

#include "search_int.h"

/* Whether hit A is better than hit B: a better rank, or an earlier
   string.  */
static bool
hit_better (const struct search_hit *a, const struct search_hit *b)
{
  return a->rank < b->rank || (a->rank == b->rank && a->entry < b->entry);
}

int
search_match_cmp (const void *a, const void *b)
{
  const struct search_match *x = a, *y = b;
  unsigned cx = 0, cy = 0;
  for (int r = SEARCH_NAME; r <= SEARCH_MENTION; r++)
    {
      cx += x->count[r];
      cy += y->count[r];
      if (cx != cy)
        return cx > cy ? -1 : 1;
    }
  return x->lead.entry < y->lead.entry ? -1 : x->lead.entry > y->lead.entry;
}

/* Whether hit A, of one part, is a better lead than B, of another:
   better, or earlier in the same string, so that the words' order does
   not matter.  */
static bool
lead_better (const struct search_hit *a, const struct search_hit *b)
{
  if (a->rank != b->rank || a->entry != b->entry)
    return hit_better (a, b);
  if (a->translated != b->translated)
    return a->translated;
  return a->pos < b->pos || (a->pos == b->pos && a->len > b->len);
}

static void
match_swap (struct search_match *a, struct search_match *b)
{
  struct search_match t = *a;
  *a = *b;
  *b = t;
}

void
search_matches_sort (struct search_match *m, size_t k, size_t max)
{
  size_t lo = 0, hi = k;        /* lo <= MAX < hi: the border is in */
  while (max && max < k && hi - lo > 1)
    {
      match_swap (&m[lo + (hi - lo) / 2], &m[hi - 1]);
      size_t s = lo;
      for (size_t i = lo; i < hi - 1; i++)
        if (search_match_cmp (&m[i], &m[hi - 1]) < 0)
          match_swap (&m[i], &m[s++]);
      match_swap (&m[s], &m[hi - 1]);
      /* The S matches before M[S] are better than it, the rest worse.  */
      if (s == max)
        break;
      if (s < max)
        lo = s + 1;
      else
        hi = s;
    }
  qsort (m, max < k ? max : k, sizeof *m, search_match_cmp);
}

void
search_match_fill (const struct search_index *ix, size_t t, size_t n,
                   struct search_match *x)
{
  memset (x, 0, sizeof *x);
  x->target = t;
  x->lead = ix->best[t * SEARCH_MAX_PARTS];
  for (size_t p = 0; p < n; p++)
    {
      const struct search_hit *h = &ix->best[t * SEARCH_MAX_PARTS + p];
      x->count[h->rank]++;
      if (lead_better (h, &x->lead))
        x->lead = *h;
    }
}

