/* search_fold.h - how search reads text and queries: letters folded
   to one case without changing a string's length, queries trimmed of
   spaces and checked for UTF-8.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_FOLD_H
#define PINAV_SEARCH_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/** search_fold - fold the LEN bytes at S in place, keeping every
   character's length: capitals to small letters (ASCII, Latin-1,
   Latin Extended-A, basic Greek and Cyrillic; final sigma to sigma),
   whitespace to spaces.  */
void search_fold (char *s, size_t len);

/** search_trim - the bytes of QUERY without leading and trailing
   spaces: *LEN of them from the returned pointer.  */
const char *search_trim (const char *query, size_t *len);

/** search_query_valid - true when QUERY is valid UTF-8 and, once
   trimmed of spaces, not empty.  */
bool search_query_valid (const char *query);

#endif
