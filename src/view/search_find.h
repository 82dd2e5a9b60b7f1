/* search_find.h - finding a folded word in folded text: a memmem that
   tests 16 places at a time for three of the word's rarest bytes.
   Used by the scans of search.c and the word index (search_words.c).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_FIND_H
#define PINAV_SEARCH_FIND_H

#include <stddef.h>

/* A needle and three of its bytes to test first, at K[0], K[1] and
   K[2] (the same place more than once when it is shorter).  */
struct search_needle
{
  const char *q;
  size_t len, k[3];
};

/** search_needle_make - the needle for Q (LEN bytes, LEN > 0), its
   bytes to test first the rarest by FREQ (how often each byte occurs
   in the text it will be looked for in), far apart.  */
struct search_needle search_needle_make (const size_t freq[256],
                                         const char *q, size_t len);

/** search_find - the first occurrence of ND in the N bytes at HAY, or
   NULL.  O(N).  */
const char *search_find (const char *hay, size_t n,
                         const struct search_needle *nd);

#endif
