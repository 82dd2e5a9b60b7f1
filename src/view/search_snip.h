/* search_snip.h - the snippet of a search result: the text around its
   match, cut to a width between grapheme clusters.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_SNIP_H
#define PINAV_SEARCH_SNIP_H

#include <stddef.h>

#include "search.h"

/** search_snip - fill R's snippet, hl_start and hl_len: at most COLS
   columns (and SEARCH_SNIPPET_SIZE bytes) of S around its match of LEN
   bytes at byte POS, "..." where it is cut, control characters as
   spaces.  COLS below SEARCH_SNIPPET_MIN_COLS counts as that.  */
void search_snip (struct search_result *r, const char *s, size_t pos,
                  size_t len, size_t cols);

#endif
