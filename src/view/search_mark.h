/* search_mark.h - the words of a search found again in the text of the
   page a result opens, so that a renderer can set them apart and the
   reader can go from one to the next.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_MARK_H
#define PINAV_SEARCH_MARK_H

#include <stdbool.h>
#include <stddef.h>

#include "page.h"
#include "search_index.h"

struct search_words;

/** search_words_new - the words of QUERY as search_query looks for
   them in IX, in English and LANG (folded, with their terms' other
   forms, and a Chinese word no page holds as written cut into its
   parts).  Valid until IX searches in another language.
   @retval the words, or NULL for none (or on memory exhaustion).  */
struct search_words *search_words_new (struct search_index *ix,
                                       const char *lang, const char *query);

/** search_words_find - the first match in TEXT of any of W: its bytes
   of TEXT at *START, *LEN of them.  O(length of TEXT x forms).
   @retval false when TEXT has none.  */
bool search_words_find (const struct search_words *w, const char *text,
                        size_t *start, size_t *len);

/** search_words_find_all - every match in TEXT of any of W, in the
   order of TEXT: the first MAX spans of TEXT's bytes (whole characters)
   into R, matches that overlap or touch made one span.
   O(length of TEXT x forms + matches x forms); nothing allocated but
   TEXT folded.
   @retval the count (0 on memory exhaustion).  */
size_t search_words_find_all (const struct search_words *w, const char *text,
                              struct prange *r, size_t max);

/** search_words_free - release W (NULL is fine).  */
void search_words_free (struct search_words *w);

#endif
