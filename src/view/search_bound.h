/* search_bound.h - the bounded search: a query whose words are in most
   of a large pack's strings (a fragment, a common word) stops once the
   first page of its results is certain, instead of finding, ranking
   and counting every target that has them.

   Results rank by their words' best places, names before headings
   before the body before mentions, then in the pack's order
   (search.h).  So the names are scanned first, all of them (the
   text's strings of that rank, kept apart: struct search_tier), then
   the headings, then the whole text (or, for a word of one form, only
   the strings the word index names for it), each in the pack's order,
   a window of targets at a time (the window doubling).  After each
   window every target is bounded: one scanned in all the ranks so far
   has what it will have, one not yet can at best have its missing
   words at the rank being scanned, and after the page's targets.
   Once more than MAX targets have every word and the MAX-th best of
   them ranks before the best any other target could, the first MAX
   are those a whole search would show, in its order, with the same
   hits; the count is then only "more than MAX".
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_BOUND_H
#define PINAV_SEARCH_BOUND_H

#include <stdbool.h>
#include <stddef.h>

struct search_index;
struct search_text;
struct search_query_parts;

/* The bytes of strings a query's first word must be in for the
   bounded search to be used (the word index reads fewer quickly),
   and its first window, in targets.  */
#define SEARCH_BOUND_MIN (256u << 10)
#define SEARCH_BOUND_WINDOW 64
/* The bytes a scan of the body for a word reads before it goes on
   only in the strings the word index names for it.  */
#define SEARCH_BOUND_BUDGET (4u << 20)

/** search_tiers_build - copy the names and the headings of T (of
   IX's entries) into T->tier.  O(T->n).
   @retval false on memory exhaustion (T has none then).  */
bool search_tiers_build (struct search_text *t,
                         const struct search_index *ix);

/** search_tiers_free - release T's tiers, and zero them.  */
void search_tiers_free (struct search_text *t);

/** search_bound_run - find every form of every part of QY (after
   IX's hits were reset), in English and, when OTHER, in the current
   language's text, until the MAX best targets that have them all are
   certain and there is one more (IX->more set then), or the text
   ends.  The body is scanned whole, a window at a time, when DENSE
   (the query's rarest word, part FIRST, is in half the text or more);
   else, when that word has one form and only English is searched,
   only in the strings the word index names for it, and the other
   words only in the targets that have it; else not (the names and
   headings did not make the page certain).
   @retval false when it gave up so, the hits it noted to be reset;
   else true, the parts found anywhere in *FOUND, a bit each (all of
   them when it stopped early).  */
bool search_bound_run (struct search_index *ix,
                       const struct search_query_parts *qy, size_t first,
                       bool other, size_t max, bool dense, unsigned *found);

#endif
