/* search_mark.c - a search's words, found again in a page's text.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search_mark.h"

#include <stdlib.h>
#include <string.h>

#include "search_fold.h"
#include "search_int.h"
#include "search_terms.h"

struct search_words
{
  struct search_folded q;       /* the folded query the parts point in */
  struct search_query_parts qy;
};

/* The parts of QY with a form in the text of IX, a bit each.  */
static unsigned
words_found (const struct search_index *ix,
             const struct search_query_parts *qy)
{
  unsigned found = 0;
  for (size_t p = 0; p < qy->n; p++)
    for (size_t a = 0; a < qy->n_alt[p] && !(found & (1u << p)); a++)
      if (search_text_has (ix, qy->alt[p][a], qy->alt_len[p][a]))
        found |= 1u << p;
  return found;
}

struct search_words *
search_words_new (struct search_index *ix, const char *lang,
                  const char *query)
{
  size_t len;
  if (!ix || !search_query_valid (query))
    return NULL;
  struct search_words *w = calloc (1, sizeof *w);
  const char *trimmed = search_trim (query, &len);
  if (!w || !search_fold_add (&w->q, trimmed, len))
    {
      search_words_free (w);
      return NULL;
    }
  if (strcmp (lang, "en") != 0)
    search_index_relang (ix, lang);
  search_terms_ready (ix, lang);
  search_query_split (&w->qy, w->q.s, w->q.len);
  search_terms_expand (ix, &w->qy);
  unsigned found = words_found (ix, &w->qy);
  if (w->qy.n && found != (1u << w->qy.n) - 1
      && search_terms_split (ix, &w->qy, found))
    search_terms_expand (ix, &w->qy);
  return w;
}

bool
search_words_find (const struct search_words *w, const char *text,
                   size_t *start, size_t *len)
{
  struct search_folded f = { 0 };
  size_t best = SIZE_MAX, best_len = 0;
  if (!w || !text || !search_fold_add (&f, text, strlen (text)))
    {
      search_fold_free (&f);
      return false;
    }
  for (size_t p = 0; p < w->qy.n; p++)
    for (size_t a = 0; a < w->qy.n_alt[p]; a++)
      {
        const char *m = memmem (f.s, f.len, w->qy.alt[p][a],
                                w->qy.alt_len[p][a]);
        size_t at = m ? (size_t) (m - f.s) : SIZE_MAX;
        if (m && (at < best || (at == best && w->qy.alt_len[p][a] > best_len)))
          {
            best = at;
            best_len = w->qy.alt_len[p][a];
          }
      }
  search_fold_free (&f);
  if (best == SIZE_MAX)
    return false;
  search_fold_span (text, &best, &best_len);
  *start = best;
  *len = best_len;
  return true;
}

/* The forms a page's text is searched for: every part's.  */
#define MARK_FORMS (SEARCH_MAX_PARTS * SEARCH_MAX_ALTS)

/* Where in F, at or after FROM, the LEN bytes at S are next, or
   SIZE_MAX.  */
static size_t
form_next (const struct search_folded *f, const char *s, size_t len,
           size_t from)
{
  if (len == 0 || from >= f->len)
    return SIZE_MAX;
  const char *m = memmem (f->s + from, f->len - from, s, len);
  return m ? (size_t) (m - f->s) : SIZE_MAX;
}

/* Turn *POS and *LEN, a span of F (the N bytes of a text, folded), into
   the span of the text's own bytes it comes from, as search_fold_span
   does (F's map, when it has one; without, F is the text).  */
static void
span_back (const struct search_folded *f, size_t n, size_t *pos, size_t *len)
{
  if (!f->map)
    return;
  size_t a = f->map[*pos], last = f->map[*pos + *len - 1];
  size_t e = *pos + *len;
  while (e < f->len && f->map[e] == last)
    e++;
  *pos = a;
  *len = (e < f->len ? f->map[e] : n) - a;
}

/* Add the span at POS, LEN bytes, after the K spans of R (room for
   MAX): joined to the last when they overlap or touch.
   @retval the new count, or MAX + 1 when there is no room.  */
static size_t
span_add (struct prange *r, size_t k, size_t max, size_t pos, size_t len)
{
  if (k && pos <= r[k - 1].start + r[k - 1].len)
    {
      size_t end = r[k - 1].start + r[k - 1].len;
      if (pos + len > end)
        r[k - 1].len = pos + len - r[k - 1].start;
      return k;
    }
  if (k == max)
    return max + 1;
  r[k] = (struct prange) { pos, len };
  return k + 1;
}

size_t
search_words_find_all (const struct search_words *w, const char *text,
                       struct prange *r, size_t max)
{
  struct search_folded f = { 0 };
  const char *form[MARK_FORMS];
  size_t flen[MARK_FORMS], next[MARK_FORMS], nf = 0, k = 0;
  if (!w || !text || !max)
    return 0;
  size_t n = strlen (text);
  /* ASCII folds byte for byte: only other text needs the way back.  */
  for (size_t i = 0; i < n && !f.want_map; i++)
    f.want_map = (unsigned char) text[i] >= 0x80;
  if (search_fold_add (&f, text, n))
    for (size_t p = 0; p < w->qy.n; p++)
      for (size_t a = 0; a < w->qy.n_alt[p] && nf < MARK_FORMS; a++, nf++)
        {
          form[nf] = w->qy.alt[p][a];
          flen[nf] = w->qy.alt_len[p][a];
          next[nf] = form_next (&f, form[nf], flen[nf], 0);
        }
  /* The earliest match left (the longest there), its span added; then
     the forms found there looked for again a byte on.  */
  for (;;)
    {
      size_t best = SIZE_MAX, blen = 0;
      for (size_t i = 0; i < nf; i++)
        if (next[i] < best || (next[i] == best && flen[i] > blen))
          best = next[i], blen = flen[i];
      if (best == SIZE_MAX)
        break;
      size_t pos = best, len = blen;
      span_back (&f, n, &pos, &len);
      if ((k = span_add (r, k, max, pos, len)) > max)
        {
          k = max;
          break;
        }
      for (size_t i = 0; i < nf; i++)
        if (next[i] == best)
          next[i] = form_next (&f, form[i], flen[i], best + 1);
    }
  search_fold_free (&f);
  return k;
}

void
search_words_free (struct search_words *w)
{
  if (w)
    search_fold_free (&w->q);
  free (w);
}
