/* search.c - queries: scanning the folded text of the index for a
   query, and the best match of each target, ranked.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "search_int.h"
#include "search_snip.h"

/* Note a match of entry E at byte POS: keep the target's best.  */
static void
query_hit (struct search_index *ix, size_t e, size_t pos, bool translated)
{
  const struct search_entry *en = &ix->entries[e];
  size_t t = en->target;
  struct search_hit h = { en->rank, e, pos, translated };
  if (ix->stamp[t] != ix->gen)
    {
      ix->stamp[t] = ix->gen;
      ix->slot[t] = ix->n_hits;
      ix->hits[ix->n_hits++] = h;
      return;
    }
  struct search_hit *old = &ix->hits[ix->slot[t]];
  if (h.rank < old->rank || (h.rank == old->rank && e < old->entry))
    *old = h;
}

/* The string of T holding byte AT, at or after string FROM: a
   galloping search, O(log distance).  */
static size_t
text_string_at (const struct search_text *t, size_t from, size_t at)
{
  size_t lo = from, step = 1, hi = from + 1;
  while (hi < t->n && t->off[hi] <= at)
    {
      lo = hi;
      hi = step < t->n - lo ? lo + step : t->n;
      step *= 2;
    }
  while (hi - lo > 1)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (t->off[mid] <= at)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* A needle and its two rarest bytes in a text, at K1 and K2.  */
struct needle
{
  const char *q;
  size_t len, k1, k2;
};

static struct needle
needle_make (const struct search_text *t, const char *q, size_t len)
{
  struct needle nd = { q, len, 0, 0 };
  for (size_t i = 1; i < len; i++)
    if (t->freq[(unsigned char) q[i]] < t->freq[(unsigned char) q[nd.k1]])
      nd.k1 = i;
  nd.k2 = nd.k1 ? 0 : len > 1;
  for (size_t i = 0; i < len; i++)
    if (i != nd.k1
        && t->freq[(unsigned char) q[i]] < t->freq[(unsigned char) q[nd.k2]])
      nd.k2 = i;
  return nd;
}

typedef unsigned char search_vec __attribute__ ((vector_size (16)));

/* The first occurrence of ND in the N bytes at HAY, or NULL.  Like
   memmem, but 16 places at a time are tested for the needle's two
   rarest bytes (GCC vectors: SSE2 or NEON), and only those places
   that have both are compared whole.  */
static const char *
find (const char *hay, size_t n, const struct needle *nd)
{
  if (n < nd->len)
    return NULL;
  const unsigned char b1 = (unsigned char) nd->q[nd->k1];
  const unsigned char b2 = (unsigned char) nd->q[nd->k2];
  size_t places = n - nd->len + 1, i = 0;
  for (; i + 16 <= places; i += 16)
    {
      search_vec a, b, m;
      uint64_t w[2];
      memcpy (&a, hay + i + nd->k1, 16);
      memcpy (&b, hay + i + nd->k2, 16);
      m = (search_vec) ((a == b1) & (b == b2));
      memcpy (w, &m, 16);
      if (w[0] | w[1])
        for (size_t j = 0; j < 16; j++)
          if (m[j] && memcmp (hay + i + j, nd->q, nd->len) == 0)
            return hay + i + j;
    }
  for (; i < places; i++)
    if ((unsigned char) hay[i + nd->k1] == b1
        && (unsigned char) hay[i + nd->k2] == b2
        && memcmp (hay + i, nd->q, nd->len) == 0)
      return hay + i;
  return NULL;
}

/* Scan T for the folded query Q (LEN bytes): one pass over the
   buffer; after a match, go on from T->next of its string.  */
static void
query_scan (struct search_index *ix, const struct search_text *t,
            const char *q, size_t len, bool translated)
{
  if (!t->buf || len > t->longest)
    return;
  const struct needle nd = needle_make (t, q, len);
  const char *m;
  size_t i = 0;
  while (i < t->n
         && (m = find (t->buf + t->off[i], t->len - t->off[i], &nd)))
    {
      size_t at = (size_t) (m - t->buf);
      i = text_string_at (t, i, at);
      query_hit (ix, t->entry[i], at - t->off[i], translated);
      i = t->next[i];
    }
}

static int
hit_cmp (const void *a, const void *b)
{
  const struct search_hit *x = a, *y = b;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static void
query_result (const struct search_index *ix, const struct search_hit *h,
              struct search_result *r, size_t len, size_t cols)
{
  const struct search_entry *e = &ix->entries[h->entry];
  const struct search_target *t = &ix->targets[e->target];
  const char *s = h->translated ? C_ (e->text) : e->text;
  char *joined = NULL;
  size_t pos = h->pos;
  memset (r, 0, sizeof *r);
  r->target = t->loc;
  r->title = t->title ? C_ (t->title) : _("About this information");
  r->context = t->context ? C_ (t->context) : NULL;
  r->rank = e->rank;
  r->in_title = e->is_title && (h->translated || s == C_ (e->text));
  r->title_hl = r->in_title ? h->pos : 0;
  /* TRANSLATORS: an attribute in a search result: its label, then
     the value that matched.  */
  if (e->label && asprintf (&joined, _("%s: %s"), C_ (e->label), s) >= 0)
    {
      const char *at = strstr (joined, s);
      if (at)
        {
          pos += (size_t) (at - joined);
          s = joined;
        }
    }
  search_snip (r, s, pos, len, cols);
  free (joined);
}

size_t
search_query (struct search_index *ix, const char *lang, const char *query,
              size_t cols, struct search_result *res, size_t max)
{
  char small[256], *q = small;
  size_t len;
  if (!ix || !search_query_valid (query))
    return 0;
  const char *trimmed = search_trim (query, &len);
  bool other = strcmp (lang, "en") != 0;
  if (other)
    search_index_relang (ix, lang);
  if (len > ix->en.longest && (!other || len > ix->cur.longest))
    return 0;
  if (len > sizeof small && !(q = malloc (len)))
    return 0;
  memcpy (q, trimmed, len);
  search_fold (q, len);
  if (++ix->gen == 0)
    {
      memset (ix->stamp, 0, ix->n_targets * sizeof *ix->stamp);
      ix->gen = 1;
    }
  ix->n_hits = 0;
  if (other)
    query_scan (ix, &ix->cur, q, len, true);
  query_scan (ix, &ix->en, q, len, false);
  if (q != small)
    free (q);
  qsort (ix->hits, ix->n_hits, sizeof *ix->hits, hit_cmp);
  for (size_t i = 0; i < ix->n_hits && i < max; i++)
    query_result (ix, &ix->hits[i], &res[i], len, cols);
  return ix->n_hits;
}
