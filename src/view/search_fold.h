/* search_fold.h - how search reads text and queries: Unicode NFKC and
   case folding (libunistring), so that fullwidth and compatibility
   forms and either case match ("ＰＲＰ" finds "PRP", "Ａ" "a"), with
   a way back from folded bytes to the original ones (folding changes
   lengths); queries trimmed of spaces and checked for UTF-8.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_FOLD_H
#define PINAV_SEARCH_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Folded text, growing as strings are added: S (LEN bytes, CAP
   allocated).  When MAP is asked for (WANT_MAP), MAP[I] is the offset,
   in the string given to search_fold_add, of the character folded
   byte I comes from.  CACHE speeds up the folding of many strings
   (search_fold_cache); NULL is fine.  Zero it to begin.  */
struct search_folded
{
  char *s;
  size_t len, cap;
  bool want_map;
  uint32_t *map;
  struct search_fold_cache *cache;
  bool failed;                  /* memory ran out */
};

/** search_fold_add - append the LEN bytes at S to F, folded: each
   character with the combining marks after it through NFKC and Unicode
   case folding (u8_casefold), whitespace and U+3000 to spaces; bytes
   that are not UTF-8 as they are.  O(LEN), with fast paths for ASCII,
   CJK ideographs and fullwidth ASCII.
   @retval false on memory exhaustion (F->failed).  */
bool search_fold_add (struct search_folded *f, const char *s, size_t len);

/** search_fold_cache_new - a cache of the folded forms of the
   characters search_fold_add meets off its fast paths, for F.  */
void search_fold_cache_new (struct search_folded *f);

/** search_fold_free - release F's text, map and cache, and zero it.  */
void search_fold_free (struct search_folded *f);

/** search_fold_span - turn *POS and *LEN, a span of S folded, into the
   span of S's own bytes it comes from (whole characters).  */
void search_fold_span (const char *s, size_t *pos, size_t *len);

/** search_trim - the bytes of QUERY without leading and trailing
   spaces: *LEN of them from the returned pointer.  */
const char *search_trim (const char *query, size_t *len);

/** search_query_valid - true when QUERY is valid UTF-8 and, once
   trimmed of spaces, not empty.  */
bool search_query_valid (const char *query);

#endif
