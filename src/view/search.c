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
#include "search_blob.h"
#include "search_bound.h"
#include "search_find.h"
#include "search_int.h"
#include "search_rank.h"
#include "search_snip.h"
#include "search_terms.h"
#include "search_vocab.h"

/* Whether hit A is better than hit B: a better rank, or an earlier
   string.  */
static bool
hit_better (const struct search_hit *a, const struct search_hit *b)
{
  return a->rank < b->rank || (a->rank == b->rank && a->entry < b->entry);
}

void
search_hit_note (struct search_index *ix, size_t e, size_t pos, size_t len,
           bool translated, size_t part)
{
  size_t t = search_entry_target (ix, e);
  struct search_hit h = { (uint32_t) e, (uint32_t) pos, (uint32_t) len,
                          search_entry_rank (ix, e), translated };
  struct search_hit *old = &ix->best[t * SEARCH_MAX_PARTS + part];
  if (ix->stamp[t] != ix->gen)
    {
      ix->stamp[t] = ix->gen;
      ix->mask[t] = 0;
      ix->touched[ix->n_touched++] = t;
    }
  if (!(ix->mask[t] & (1u << part)) || hit_better (&h, old))
    *old = h;
  else
    return;
  unsigned was = ix->mask[t];
  ix->mask[t] |= 1u << part;
  ix->n_complete += (was & ix->all) != ix->all
                    && (ix->mask[t] & ix->all) == ix->all;
}

/* Whether a hit of part PART in entry E would be its target's best
   so far.  */
static bool
query_improves (const struct search_index *ix, size_t e, size_t part)
{
  size_t t = search_entry_target (ix, e);
  if (ix->stamp[t] != ix->gen || !(ix->mask[t] & (1u << part)))
    return true;
  const struct search_hit *old = &ix->best[t * SEARCH_MAX_PARTS + part];
  unsigned char rank = search_entry_rank (ix, e);
  return rank < old->rank || (rank == old->rank && e < old->entry);
}

/* The most bytes of strings the word index may name for Q (LEN) in T
   before a scan of the whole text is cheaper: half the text when Q is
   a whole word (each string named holds it, and only those that would
   give their target a better hit are read), else a quarter.  */
static size_t
query_limit (const struct search_text *t, const char *q, size_t len)
{
  return search_vocab_exact (q, len) ? t->len / 2 : t->len / 4;
}

size_t
search_text_find (const struct search_text *t, size_t i,
                  const struct search_needle *nd)
{
  if (!search_blob_ready (t, &t->off[i], 8))
    return SIZE_MAX;
  const char *s = t->buf + t->off[i];
  size_t n_s = t->off[i + 1] - t->off[i] - 1;
  const char *m = search_blob_sound (t, s, n_s + 1)
                  ? search_find (s, n_s, nd) : NULL;
  return m ? (size_t) (m - s) : SIZE_MAX;
}

size_t
search_gallop (const uint32_t *off, size_t from, size_t end, size_t at)
{
  size_t lo = from, step = 1, hi = from + 1;
  while (hi < end && off[hi] <= at)
    {
      lo = hi;
      hi = step < end - lo ? lo + step : end;
      step *= 2;
    }
  while (hi - lo > 1)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (off[mid] <= at)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Scan T for the folded word Q (LEN bytes), part PART of the query:
   one pass over the buffer; after a match, go on from T->next of its
   string.  */
static void
query_scan (struct search_index *ix, const struct search_text *t,
            const char *q, size_t len, bool translated, size_t part)
{
  if (!t->buf || len > t->longest || !search_blob_sound (t, t->buf, t->len))
    return;
  const struct search_needle nd = search_needle_make (t->freq, q, len);
  const char *m;
  size_t i = 0;
  /* The offsets read are checked when read (search_blob_ready): a
     damaged one that the galloping search went by puts it next to
     it.  */
  while (i < t->n && search_blob_ready (t, &t->off[i], 4)
         && (m = search_find (t->buf + t->off[i], t->len - t->off[i], &nd)))
    {
      size_t at = (size_t) (m - t->buf);
      i = search_gallop (t->off, i, t->n, at);
      if (!search_blob_ready (t, &t->off[i], 8))
        return;
      search_hit_note (ix, search_text_entry (t, i), at - t->off[i], len,
                       translated, part);
      i = search_text_next (ix, t, i);
    }
}

void
search_scan_targets (struct search_index *ix, const struct search_text *t,
               const char *q, size_t len, bool translated, size_t part,
               const size_t *cand, size_t n)
{
  if (!t->buf || len > t->longest)
    return;
  const struct search_needle nd = search_needle_make (t->freq, q, len);
  for (size_t c = 0; c < n; c++)
    {
      size_t skip = 0, from, to;
      search_text_span (ix, t, cand[c], &from, &to);
      for (size_t k = from; k < to; k++)
        {
          size_t i = search_text_by_target (t, k);
          if (i < skip)
            continue;
          size_t at = search_text_find (t, i, &nd);
          if (at != SIZE_MAX)
            {
              search_hit_note (ix, search_text_entry (t, i), at, len,
                               translated, part);
              skip = search_text_next (ix, t, i);
            }
        }
    }
}

/* The targets of the query of N parts that have all of them, into M
   (room for IX->n_touched), the best MAX first, ranked.
   @retval how many.  */
static size_t
query_matches (const struct search_index *ix, size_t n,
               struct search_match *m, size_t max)
{
  unsigned all = (1u << n) - 1;
  size_t k = 0;
  for (size_t i = 0; i < ix->n_touched; i++)
    {
      size_t t = ix->touched[i];
      if ((ix->mask[t] & all) == all)
        search_match_fill (ix, t, n, &m[k++]);
    }
  search_matches_sort (m, k, max);
  return k;
}

static void
query_result (const struct search_index *ix, const struct search_hit *h,
              struct search_result *r, size_t cols)
{
  struct search_entry en;
  struct search_target tg;
  search_entry_get (ix, h->entry, &en);
  search_target_get (ix, en.target, &tg);
  const struct search_entry *e = &en;
  const struct search_target *t = &tg;
  const char *s = h->translated ? C_ (e->text) : e->text;
  char *joined = NULL;
  size_t pos = h->pos, len = h->len;
  search_fold_span (s, &pos, &len);
  memset (r, 0, sizeof *r);
  r->target = t->loc;
  r->title = t->title ? C_ (t->title) : _("About this information");
  r->context = t->context ? C_ (t->context) : NULL;
  r->rank = e->rank;
  r->in_title = e->is_title && (h->translated || s == C_ (e->text));
  r->title_hl = r->in_title ? pos : 0;
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

/* The results of the last query of N parts, the best MAX, into RES.
   @retval how many targets it found (0 when IX's compiled index was
   found damaged).  */
static size_t
query_results (struct search_index *ix, size_t n, struct search_result *res,
               size_t max, size_t cols)
{
  struct search_match *m = n && !search_blob_damaged (&ix->en)
                           ? malloc ((ix->n_touched + 1) * sizeof *m) : NULL;
  size_t k = m ? query_matches (ix, n, m, max) : 0;
  for (size_t i = 0; i < k && i < max; i++)
    query_result (ix, &m[i].lead, &res[i], cols);
  free (m);
  return k;
}

void
search_query_split (struct search_query_parts *qy, char *q, size_t len)
{
  qy->n = 0;
  for (size_t i = 0; i < len;)
    {
      while (i < len && q[i] == ' ')
        i++;
      size_t j = i;
      while (j < len && q[j] != ' ')
        j++;
      bool seen = j == i;
      for (size_t p = 0; p < qy->n && !seen; p++)
        seen = qy->alt_len[p][0] == j - i
               && memcmp (qy->alt[p][0], q + i, j - i) == 0;
      if (!seen && qy->n < SEARCH_MAX_PARTS)
        {
          qy->alt[qy->n][0] = q + i;
          qy->alt_len[qy->n][0] = j - i;
          qy->n_alt[qy->n++] = 1;
        }
      i = j;
    }
}

/* How rare the folded bytes S (LEN) are in T: the sum of their
   information, in bits, roughly.  */
static unsigned
rarity (const struct search_text *t, const char *s, size_t len)
{
  unsigned r = 0, total = 64 - (unsigned) __builtin_clzll (t->len | 1);
  for (size_t i = 0; i < len; i++)
    {
      size_t f = t->freq[(unsigned char) s[i]] | 1;
      r += total - (64 - (unsigned) __builtin_clzll (f));
    }
  return r;
}

/* About how many bytes of T a scan for Q reads: the strings its word
   index names, or the whole text (search_vocab_estimate).  */
static size_t
query_cost (const struct search_text *t, const char *q, size_t len)
{
  return t->buf ? search_vocab_estimate (t, q, len) : 0;
}

/* The part of QY a scan should start with: the one whose forms are in
   the fewest bytes of strings (by the word indexes), *COST, and of
   those the one whose rarest form is rarest.  */
static size_t
query_first (struct search_index *ix, const struct search_query_parts *qy,
             bool other, size_t *cost_first)
{
  size_t first = 0, least = SIZE_MAX;
  unsigned best = 0;
  for (size_t p = 0; p < qy->n; p++)
    {
      unsigned r = UINT32_MAX;
      size_t cost = 0;
      for (size_t a = 0; a < qy->n_alt[p]; a++)
        {
          const char *q = qy->alt[p][a];
          size_t len = qy->alt_len[p][a];
          unsigned x = rarity (&ix->en, q, len);
          r = x < r ? x : r;
          cost += query_cost (&ix->en, q, len)
                  + (other ? query_cost (&ix->cur, q, len) : 0);
        }
      if (cost < least || (cost == least && r > best))
        first = p, best = r, least = cost;
    }
  *cost_first = least;
  return first;
}

/* Scan, for Q as query_scan does, only the N strings of T at CAND,
   each string once: a target's best hit is its first in the string of
   its best rank, the first of those, whatever order they come in.  */
static void
query_scan_strings (struct search_index *ix, const struct search_text *t,
                    const char *q, size_t len, bool translated, size_t part,
                    const size_t *cand, size_t n)
{
  if (!t->buf || len > t->longest)
    return;
  const struct search_needle nd = search_needle_make (t->freq, q, len);
  for (size_t c = 0; c < n; c++)
    {
      size_t i = cand[c];
      size_t e = search_text_entry (t, i);
      if (!query_improves (ix, e, part))
        continue;
      size_t at = search_text_find (t, i, &nd);
      if (at != SIZE_MAX)
        search_hit_note (ix, e, at, len, translated, part);
    }
}

/* Scan T for Q as query_scan does: only in the strings T's word index
   names, when they are few enough (query_limit).  */
static void
query_text (struct search_index *ix, const struct search_text *t,
            const char *q, size_t len, bool translated, size_t part)
{
  size_t n;
  switch (search_vocab_cand (ix, t, q, len, query_limit (t, q, len), &n))
    {
    case SEARCH_VOCAB_NONE:
      return;
    case SEARCH_VOCAB_SOME:
      query_scan_strings (ix, t, q, len, translated, part, ix->cand, n);
      return;
    default:
      query_scan (ix, t, q, len, translated, part);
    }
}

/* Scan for every form of part P of QY: the whole text (by its word
   index), or only the strings of the N targets at CAND when CAND is
   not NULL.  */
static void
query_part (struct search_index *ix, const struct search_query_parts *qy,
            size_t p, bool other, const size_t *cand, size_t n)
{
  for (size_t a = 0; a < qy->n_alt[p]; a++)
    {
      const char *q = qy->alt[p][a];
      size_t len = qy->alt_len[p][a];
      if (other && cand)
        search_scan_targets (ix, &ix->cur, q, len, true, p, cand, n);
      else if (other)
        query_text (ix, &ix->cur, q, len, true, p);
      if (cand)
        search_scan_targets (ix, &ix->en, q, len, false, p, cand, n);
      else
        query_text (ix, &ix->en, q, len, false, p);
    }
}

/* Whether the strings of the N targets at CAND are fewer bytes than a
   quarter of the text: worth scanning alone.  */
static bool
query_narrow (const struct search_index *ix, bool other, const size_t *cand,
              size_t n)
{
  size_t bytes = 0, limit = (ix->en.len + (other ? ix->cur.len : 0)) / 4;
  size_t from, to;
  for (size_t c = 0; c < n && bytes <= limit; c++)
    bytes += search_text_span (ix, &ix->en, cand[c], &from, &to)
             + (other && ix->cur.buf
                ? search_text_span (ix, &ix->cur, cand[c], &from, &to) : 0);
  return bytes <= limit;
}

/* Whether the folded S (LEN bytes) is in T: in the strings its word
   index names, or in the whole text.  */
static bool
text_has (struct search_index *ix, const struct search_text *t,
          const char *s, size_t len)
{
  if (!t->buf || len > t->longest)
    return false;
  size_t n;
  enum search_vocab_says says
    = search_vocab_cand (ix, t, s, len, query_limit (t, s, len), &n);
  if (says == SEARCH_VOCAB_NONE)
    return false;
  const struct search_needle nd = search_needle_make (t->freq, s, len);
  if (says != SEARCH_VOCAB_SOME)
    return search_blob_sound (t, t->buf, t->len)
           && search_find (t->buf, t->len, &nd) != NULL;
  if (search_vocab_exact (s, len))
    return true;
  for (size_t c = 0; c < n; c++)
    {
      size_t i = ix->cand[c], n_s = t->off[i + 1] - t->off[i] - 1;
      if (search_blob_ready (t, &t->off[i], 8)
          && search_blob_sound (t, t->buf + t->off[i], n_s + 1)
          && search_find (t->buf + t->off[i], n_s, &nd))
        return true;
    }
  return false;
}

bool
search_has (struct search_index *ix, const char *s, size_t len, bool other)
{
  return text_has (ix, &ix->en, s, len)
         || (other && text_has (ix, &ix->cur, s, len));
}

/* Forget the hits of the last query.  */
static void
query_reset (struct search_index *ix)
{
  if (++ix->gen == 0)
    {
      memset (ix->stamp, 0, ix->n_targets * sizeof *ix->stamp);
      ix->gen = 1;
    }
  ix->n_touched = 0;
  ix->n_complete = 0;
}

/* Whether IX's texts have their names and headings kept apart, for
   the bounded search.  */
static bool
query_tiered (const struct search_index *ix, bool other)
{
  return ix->en.tier[SEARCH_HEADING].off
         && (!other || !ix->cur.buf || ix->cur.tier[SEARCH_HEADING].off);
}

/* Scan the index for every form of every part of QY: the rarest part
   first, in the whole text; then the others only in the targets that
   have it, when they are few (the targets that lack it cannot match).
   When the rarest is in IX->bound_min bytes of strings or more, the
   bounded search instead, for the MAX best (search_bound.h).
   @retval the parts found anywhere in the text, a bit each.  */
static unsigned
query_run (struct search_index *ix, const struct search_query_parts *qy,
           bool other, size_t max)
{
  query_reset (ix);
  if (!qy->n)
    return 0;
  size_t cost;
  ix->all = (1u << qy->n) - 1;
  size_t first = query_first (ix, qy, other, &cost);
  unsigned found = 0;
  /* Hits in one string in 64 or more: a page of them is found soon in
     a scan of the text; fewer, or of more words, soon in the strings
     the word index names.  */
  size_t text = ix->en.len + (other ? ix->cur.len : 0);
  bool dense = cost >= (qy->n > 1 ? text / 2 : text / 64);
  if (cost >= ix->bound_min && query_tiered (ix, other))
    {
      if (search_bound_run (ix, qy, first, other, max, dense, &found))
        return found;
      query_reset (ix);
      found = 0;
    }
  query_part (ix, qy, first, other, NULL, 0);
  size_t n = ix->n_touched;
  bool narrow = query_narrow (ix, other, ix->touched, n);
  for (size_t p = 0; p < qy->n; p++)
    if (p != first)
      query_part (ix, qy, p, other, narrow ? ix->touched : NULL, n);
  for (size_t i = 0; i < ix->n_touched; i++)
    found |= ix->mask[ix->touched[i]] & ~SEARCH_RESOLVED;
  /* A part the narrow scan missed may be elsewhere.  */
  for (size_t p = 0; narrow && p < qy->n; p++)
    for (size_t a = 0; p != first && a < qy->n_alt[p]
                       && !(found & (1u << p)); a++)
      if (search_has (ix, qy->alt[p][a], qy->alt_len[p][a], other))
        found |= 1u << p;
  return found;
}

bool
search_text_has (const struct search_index *ix, const char *s, size_t len)
{
  /* Only the word index's scratch changes.  */
  return search_has ((struct search_index *) ix, s, len, true);
}

/* Find the folded query Q (LEN bytes), split into QY's words: each
   word, and when a Chinese word is found nowhere as written, its
   parts instead (search_terms_split).  */
static void
query_words (struct search_index *ix, struct search_query_parts *qy, char *q,
             size_t len, bool other, size_t max)
{
  ix->split.n = 0;
  ix->more = false;
  search_query_split (qy, q, len);
  search_terms_expand (ix, qy);
  unsigned found = query_run (ix, qy, other, max);
  if (qy->n && found != (1u << qy->n) - 1
      && search_terms_split (ix, qy, found))
    {
      search_terms_expand (ix, qy);
      ix->more = false;
      query_run (ix, qy, other, max);
    }
}

size_t
search_query (struct search_index *ix, const char *lang, const char *query,
              size_t cols, struct search_result *res, size_t max)
{
  struct search_folded q = { 0 };
  size_t len;
  struct search_query_parts qy = { .n = 0 };
  if (!ix || !search_query_valid (query))
    return 0;
  ix->split.n = 0;
  ix->more = false;
  const char *trimmed = search_trim (query, &len);
  bool other = strcmp (lang, "en") != 0;
  if (other)
    search_index_relang (ix, lang);
  search_terms_ready (ix, lang);
  if (!search_fold_add (&q, trimmed, len))
    {
      search_fold_free (&q);
      return 0;
    }
  /* Once more, without the compiled index, when it was found damaged
     as it was read (the results' strings too).  */
  size_t k = 0;
  for (int again = 0; again < 2 && search_index_unblob (ix); again++)
    {
      query_words (ix, &qy, q.s, q.len, other, max);
      k = query_results (ix, qy.n, res, max, cols);
      if (!search_blob_damaged (&ix->en))
        break;
      k = 0;
    }
  search_fold_free (&q);
  if (k == 0)
    ix->split.n = 0;
  return k;
}

bool
search_more (const struct search_index *ix)
{
  return ix && ix->more;
}

size_t
search_split (const struct search_index *ix, const char **whole,
              const char **parts, size_t max)
{
  size_t n = ix ? ix->split.n : 0;
  for (size_t i = 0; i < n && i < max; i++)
    parts[i] = ix->split.part[i];
  *whole = n ? ix->split.whole : NULL;
  return n;
}
