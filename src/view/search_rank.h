/* search_rank.h - ranking the targets a query matched (search.h:
   more of its words in names, then in headings, then in the body,
   then the pack's order), for the search's own files.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_RANK_H
#define PINAV_SEARCH_RANK_H

#include <stddef.h>

struct search_index;
struct search_match;

/** search_match_fill - X, the match of target T, from its best hits
   of the N parts.  */
void search_match_fill (const struct search_index *ix, size_t t, size_t n,
                        struct search_match *x);

/** search_match_cmp - qsort's order of matches: more parts at a
   better rank first (names, then headings, then the body), then the
   pack's order.  */
int search_match_cmp (const void *a, const void *b);

/** search_matches_sort - put the MAX best of the K matches at M first,
   best first, the rest after them in no order: a quickselect, then a
   sort of MAX alone (the results page shows no more; a common word
   has thousands).  */
void search_matches_sort (struct search_match *m, size_t k, size_t max);

#endif
