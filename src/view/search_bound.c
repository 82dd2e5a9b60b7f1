/* search_bound.c - the bounded search: the names and headings kept
   apart, scans of a window of targets at a time, and the test of
   whether the first page of results is certain.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search_bound.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search_blob.h"
#include "search_find.h"
#include "search_int.h"
#include "search_rank.h"
#include "search_vocab.h"

void
search_tiers_free (struct search_text *t)
{
  for (int r = 0; r <= SEARCH_HEADING; r++)
    {
      struct search_tier *x = &t->tier[r];
      if (x->owned)
        {
          free (x->buf);
          free (x->off);
          free (x->str);
        }
      memset (x, 0, sizeof *x);
    }
}

static unsigned char
string_rank (const struct search_index *ix, const struct search_text *t,
             size_t i)
{
  return search_entry_rank (ix, search_text_entry (t, i));
}

/* Copy the strings of T of rank RANK into X.  */
static bool
tier_build (struct search_tier *x, const struct search_text *t,
            const struct search_index *ix, unsigned char rank)
{
  size_t n = 0, len = 0;
  for (size_t i = 0; i < t->n; i++)
    if (string_rank (ix, t, i) == rank)
      n++, len += t->off[i + 1] - t->off[i];
  x->owned = true;
  x->buf = malloc (len + 1);
  x->off = malloc ((n + 1) * sizeof *x->off);
  x->str = malloc ((n + 1) * sizeof *x->str);
  if (!x->buf || !x->off || !x->str)
    return false;
  for (size_t i = 0; i < t->n; i++)
    if (string_rank (ix, t, i) == rank)
      {
        size_t k = t->off[i + 1] - t->off[i];
        x->off[x->n] = (uint32_t) x->len;
        x->str[x->n++] = (uint32_t) i;
        memcpy (x->buf + x->len, t->buf + t->off[i], k);
        x->len += k;
      }
  x->off[x->n] = (uint32_t) x->len;
  x->buf[x->len] = '\0';
  return true;
}

bool
search_tiers_build (struct search_text *t, const struct search_index *ix)
{
  search_tiers_free (t);
  for (int r = 0; r <= SEARCH_HEADING; r++)
    if (!tier_build (&t->tier[r], t, ix, (unsigned char) r))
      {
        search_tiers_free (t);
        return false;
      }
  return true;
}

/* What a window scans: the strings of a tier of T, or T's own (STR
   NULL).  */
struct span
{
  const struct search_text *t;
  const char *buf;
  const uint32_t *off, *str;
  size_t n;
};

static struct span
span_of (const struct search_text *t, int rank)
{
  if (rank <= SEARCH_HEADING)
    {
      const struct search_tier *x = &t->tier[rank];
      return (struct span) { t, x->buf, x->off, x->str, x->n };
    }
  return (struct span) { t, t->buf, t->off, NULL, t->n };
}

/* The text's string that string J of S is.  */
static size_t
span_string (const struct span *s, size_t j)
{
  return s->str ? s->str[j] : j;
}

/* The first string of S whose target is G or after (strings are in
   their targets' order).  */
static size_t
span_first (const struct search_index *ix, const struct span *s, size_t g)
{
  if (!s->str && s->t == &ix->en && ix->en.st.target)
    return g < ix->n_targets ? search_target_first (ix, g) : s->n;
  size_t lo = 0, hi = s->n;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (search_entry_target (ix, search_text_entry (s->t,
                                                      span_string (s, mid)))
          < g)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}


/* Scan the strings of rank RANK of T (all of T for SEARCH_BODY) of the
   targets G0 to G1 - 1 for Q (LEN bytes), part PART, as search.c's
   query_scan does the whole text; only the targets with a bit in HAS
   are noted, when it is not NULL.  @retval the bytes scanned.  */
static size_t
window_scan (struct search_index *ix, const struct search_text *t, int rank,
             const char *q, size_t len, bool translated, size_t part,
             size_t g0, size_t g1, const uint64_t *has)
{
  const struct span s = span_of (t, rank);
  if (!s.buf || !s.n || len > t->longest)
    return 0;
  size_t j = span_first (ix, &s, g0), end = span_first (ix, &s, g1);
  if (j >= end || !search_blob_ready (t, &s.off[j], 4)
      || !search_blob_ready (t, &s.off[end], 4))
    return 0;
  const size_t stop = s.off[end], bytes = stop - s.off[j];
  if (!search_blob_sound (t, s.buf + s.off[j], bytes))
    return 0;
  const struct search_needle nd = search_needle_make (t->freq, q, len);
  const char *m;
  while (j < end && search_blob_ready (t, &s.off[j], 4)
         && (m = search_find (s.buf + s.off[j], stop - s.off[j], &nd)))
    {
      size_t at = (size_t) (m - s.buf);
      j = search_gallop (s.off, j, end, at);
      if (!search_blob_ready (t, &s.off[j], 8))
        break;
      size_t i = span_string (&s, j), e = search_text_entry (t, i);
      size_t g = search_entry_target (ix, e);
      if (!has || has[g / 64] & (uint64_t) 1 << (g % 64))
        search_hit_note (ix, e, at - s.off[j], len, translated, part);
      j = s.str ? j + 1 : search_text_next (ix, t, j);
    }
  return bytes;
}

/* B: N parts, all at RANK, before every entry from ENTRY on.  */
static void
bound_all (struct search_match *b, size_t n, int rank, size_t entry)
{
  memset (b, 0, sizeof *b);
  b->count[rank] = (unsigned char) n;
  b->lead.entry = (uint32_t) entry;
}

/* The best that incomplete target T could still rank, into *B, after
   the ranks before RANK were scanned, and RANK up to target POS: a
   missing part at RANK when T is at or after POS, else after it.  */
static void
bound_target (const struct search_index *ix, size_t t, size_t n, int rank,
              size_t pos, struct search_match *b)
{
  memset (b, 0, sizeof *b);
  b->target = t;
  /* Its first string in English, which has every entry.  */
  size_t from, to;
  search_text_span (ix, &ix->en, t, &from, &to);
  b->lead.entry = (uint32_t) search_text_by_target (&ix->en, from);
  for (size_t p = 0; p < n; p++)
    if (ix->mask[t] & (1u << p))
      b->count[ix->best[t * SEARCH_MAX_PARTS + p].rank]++;
    else
      b->count[t >= pos ? rank : rank + 1]++;
}

/* Room for N matches in IX's scratch.  */
static bool
scratch_room (struct search_index *ix, size_t n)
{
  if (n <= ix->mcap)
    return true;
  struct search_match *m = realloc (ix->mscratch, 2 * n * sizeof *m);
  if (!m)
    return false;
  ix->mscratch = m;
  ix->mcap = 2 * n;
  return true;
}

/* Whether, after the ranks before RANK were scanned and RANK up to
   target POS, more than MAX targets have all N parts and the MAX-th
   best of them ranks before the best any other target could; when
   HAS is not NULL, only the targets with a bit in it may have part
   FIRST (the others, that lack it, cannot match).  */
static bool
bound_certain (struct search_index *ix, size_t n, int rank, size_t pos,
               size_t max, const uint64_t *has, size_t first)
{
  unsigned all = (1u << n) - 1;
  struct search_match best, x;
  size_t k = 0;
  if (ix->n_complete <= max || !scratch_room (ix, ix->n_touched))
    return false;
  /* A target not met yet, after POS, or before it at a worse rank.  */
  bound_all (&best, n, rank, search_target_first (ix, pos));
  if (rank < SEARCH_BODY)
    {
      bound_all (&x, n, rank + 1, 0);
      if (search_match_cmp (&x, &best) < 0)
        best = x;
    }
  for (size_t i = 0; i < ix->n_touched; i++)
    {
      size_t t = ix->touched[i];
      if ((ix->mask[t] & all) == all)
        search_match_fill (ix, t, n, &ix->mscratch[k++]);
      else if (!(ix->mask[t] & SEARCH_RESOLVED)
               && (rank < SEARCH_BODY || t >= pos)
               && (!has || ix->mask[t] & (1u << first)
                   || has[t / 64] & (uint64_t) 1 << (t % 64)))
        {
          bound_target (ix, t, n, rank, pos, &x);
          if (search_match_cmp (&x, &best) < 0)
            best = x;
        }
    }
  if (k <= max)
    return false;
  search_matches_sort (ix->mscratch, k, max);
  return max == 0 || search_match_cmp (&ix->mscratch[max - 1], &best) < 0;
}

/* Scan the strings of RANK (of every rank for SEARCH_BODY) of every
   target for every form of every part of QY, a window of targets at a
   time, until the MAX best are certain (search_bound.h); with HAS, as
   bound_certain, only in the targets that may have part FIRST; with
   REACHED, until IX->bound_budget bytes were scanned, and the target
   it stopped at into *REACHED (else there the number of targets).
   @retval true when they are, IX->more set.  */
static bool
windows_scan (struct search_index *ix, const struct search_query_parts *qy,
              bool other, int rank, size_t max, const uint64_t *has,
              size_t first, size_t *reached)
{
  size_t nt = ix->n_targets, bytes = 0;
  for (size_t g0 = 0, w = ix->bound_window ? ix->bound_window : 1;
       g0 < nt; w *= 2)
    {
      if (reached && bytes > ix->bound_budget)
        {
          *reached = g0;
          return false;
        }
      size_t g1 = nt - g0 > w ? g0 + w : nt;
      for (size_t p = 0; p < qy->n; p++)
        for (size_t a = 0; a < qy->n_alt[p]; a++)
          {
            const char *q = qy->alt[p][a];
            size_t len = qy->alt_len[p][a];
            if (other)
              bytes += window_scan (ix, &ix->cur, rank, q, len, true, p, g0,
                                    g1, has);
            bytes += window_scan (ix, &ix->en, rank, q, len, false, p, g0,
                                  g1, has);
          }
      g0 = g1;
      if ((rank < SEARCH_BODY || g0 < nt)
          && bound_certain (ix, qy->n, rank, g0, max, has, first))
        return ix->more = true;
    }
  if (reached)
    *reached = nt;
  return false;
}

/* Scan, for Q (LEN bytes, needle ND), part PART, the strings of T at
   IX->cand (in order) from *C on, as far as those of the targets
   before G1; the targets they hit into TGT (room for all), *NT of
   them.  */
static void
cand_scan (struct search_index *ix, const struct search_text *t,
           const struct search_needle *nd, size_t part, size_t n, size_t *c,
           size_t g1, size_t *tgt, size_t *nt)
{
  *nt = 0;
  for (; *c < n; ++*c)
    {
      size_t i = ix->cand[*c], e = search_text_entry (t, i);
      size_t g = search_entry_target (ix, e);
      if (g >= g1)
        break;
      size_t at = search_text_find (t, i, nd);
      if (at == SIZE_MAX)
        continue;
      search_hit_note (ix, e, at, nd->len, false, part);
      if (!*nt || tgt[*nt - 1] != g)
        tgt[(*nt)++] = g;
    }
}

/* Look for every part of QY in all the strings of the targets the
   names and headings gave some parts but not all, that may have part
   FIRST (a bit in HAS), TGT room for them: their ranks are then what
   they will be (SEARCH_RESOLVED), not a bound that holds the search
   until it reaches them.  */
static void
resolve (struct search_index *ix, const struct search_query_parts *qy,
         const uint64_t *has, size_t *tgt)
{
  size_t k = 0;
  for (size_t i = 0; i < ix->n_touched; i++)
    {
      size_t t = ix->touched[i];
      if ((ix->mask[t] & ix->all) != ix->all
          && has[t / 64] & (uint64_t) 1 << (t % 64))
        tgt[k++] = t;
    }
  for (size_t p = 0; p < qy->n; p++)
    for (size_t a = 0; a < qy->n_alt[p]; a++)
      search_scan_targets (ix, &ix->en, qy->alt[p][a], qy->alt_len[p][a],
                           false, p, tgt, k);
  for (size_t i = 0; i < k; i++)
    ix->mask[tgt[i]] |= SEARCH_RESOLVED;
}

/* The strings the word index names for part FIRST of QY (its one
   form), in English, at IX->cand, *N of them; a bit in *HAS for each
   target of theirs, and room in *TGT for each.
   @retval false when it names none (or on memory exhaustion).  */
static bool
cand_setup (struct search_index *ix, const struct search_query_parts *qy,
            size_t first, size_t *n, uint64_t **has, size_t **tgt)
{
  const struct search_text *t = &ix->en;
  if (search_vocab_cand (ix, t, qy->alt[first][0], qy->alt_len[first][0],
                         SIZE_MAX, n) != SEARCH_VOCAB_SOME)
    return false;
  *tgt = malloc ((*n + 1) * sizeof **tgt);
  *has = calloc (ix->n_targets / 64 + 1, sizeof **has);
  if (!*tgt || !*has)
    {
      free (*tgt);
      free (*has);
      return false;
    }
  for (size_t k = 0; k < *n; k++)
    {
      size_t g = search_entry_target (ix, search_text_entry (t,
                                                              ix->cand[k]));
      (*has)[g / 64] |= (uint64_t) 1 << (g % 64);
    }
  return true;
}

/* As windows_scan for the body from target FROM on (those before it
   were), in English alone, for QY whose part FIRST has one form: that
   part only in the N strings the word index names for it (cand_setup:
   HAS, TGT), the others only in the targets that have it.
   @retval whether the first MAX are certain.  */
static bool
cand_windows (struct search_index *ix, const struct search_query_parts *qy,
              size_t first, size_t max, size_t n, const uint64_t *has,
              size_t *tgt, size_t from)
{
  const struct search_text *t = &ix->en;
  size_t c = 0, nt = ix->n_targets, hit, hi = n;
  while (c < hi)                /* the first string of a target >= FROM */
    {
      size_t mid = c + (hi - c) / 2;
      if (search_entry_target (ix, search_text_entry (t, ix->cand[mid]))
          < from)
        c = mid + 1;
      else
        hi = mid;
    }
  const struct search_needle nd
    = search_needle_make (t->freq, qy->alt[first][0], qy->alt_len[first][0]);
  resolve (ix, qy, has, tgt);
  for (size_t g0 = from, w = ix->bound_window ? ix->bound_window : 1;
       g0 < nt && c < n; w *= 2)
    {
      size_t g1 = nt - g0 > w ? g0 + w : nt;
      cand_scan (ix, t, &nd, first, n, &c, g1, tgt, &hit);
      for (size_t p = 0; p < qy->n; p++)
        for (size_t a = 0; p != first && a < qy->n_alt[p]; a++)
          search_scan_targets (ix, t, qy->alt[p][a], qy->alt_len[p][a],
                               false, p, tgt, hit);
      g0 = g1;
      if (g0 < nt && c < n
          && bound_certain (ix, qy->n, SEARCH_BODY, g0, max, has, first))
        return ix->more = true;
    }
  return false;
}

/* For a query of one word with one form, in English alone: its names
   and headings (RANK up to SEARCH_HEADING), only in the N strings the
   word index names for it, until the first MAX are certain.
   @retval whether they are.  */
static bool
cand_ranks (struct search_index *ix, const struct search_query_parts *qy,
            size_t max, size_t n)
{
  const struct search_text *t = &ix->en;
  const struct search_needle nd
    = search_needle_make (t->freq, qy->alt[0][0], qy->alt_len[0][0]);
  for (int r = SEARCH_NAME; r <= SEARCH_HEADING; r++)
    {
      for (size_t c = 0; c < n; c++)
        {
          size_t i = ix->cand[c], e = search_text_entry (t, i);
          if (search_entry_rank (ix, e) != r)
            continue;
          size_t at = search_text_find (t, i, &nd);
          if (at != SIZE_MAX)
            search_hit_note (ix, e, at, nd.len, false, 0);
        }
      if (bound_certain (ix, 1, r, ix->n_targets, max, NULL, 0))
        return ix->more = true;
    }
  return false;
}

/* The parts of QY found anywhere: in IX's hits, and, for those that
   were looked for only in some targets (SOME), by the word index or a
   scan.  */
static unsigned
bound_found (struct search_index *ix, const struct search_query_parts *qy,
             bool other, bool some)
{
  unsigned found = 0;
  for (size_t i = 0; i < ix->n_touched; i++)
    found |= ix->mask[ix->touched[i]] & ~SEARCH_RESOLVED;
  for (size_t p = 0; some && p < qy->n; p++)
    for (size_t a = 0; a < qy->n_alt[p] && !(found & (1u << p)); a++)
      if (search_has (ix, qy->alt[p][a], qy->alt_len[p][a], other))
        found |= 1u << p;
  return found;
}

bool
search_bound_run (struct search_index *ix,
                  const struct search_query_parts *qy, size_t first,
                  bool other, size_t max, bool dense, unsigned *found)
{
  uint64_t *has = NULL;
  size_t *tgt = NULL, n = 0, from = 0;
  bool one = qy->n_alt[first] == 1 && !(other && ix->cur.n);
  bool some = !dense && one && cand_setup (ix, qy, first, &n, &has, &tgt);
  if (!some && !dense)
    return false;
  bool certain = some && qy->n == 1
                 ? cand_ranks (ix, qy, max, n)
                 : windows_scan (ix, qy, other, SEARCH_NAME, max, has, first,
                                 NULL)
                   || windows_scan (ix, qy, other, SEARCH_HEADING, max, has,
                                    first, NULL);
  /* A word in many strings, but not soon after one another (a word of
     the documents, which come after the collections): its strings
     alone, from where the scan stopped.  */
  if (!certain && !some)
    certain = windows_scan (ix, qy, other, SEARCH_BODY, max, NULL, first,
                            one ? &from : NULL);
  if (!certain && !some && from < ix->n_targets)
    some = cand_setup (ix, qy, first, &n, &has, &tgt);
  if (!certain && some)
    certain = cand_windows (ix, qy, first, max, n, has, tgt, from);
  else if (!certain && from < ix->n_targets)
    certain = windows_scan (ix, qy, other, SEARCH_BODY, max, NULL, first,
                            NULL);
  free (has);
  free (tgt);
  *found = certain ? (1u << qy->n) - 1 : bound_found (ix, qy, other, some);
  return true;
}
