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

void
search_words_free (struct search_words *w)
{
  if (w)
    search_fold_free (&w->q);
  free (w);
}
