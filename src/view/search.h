/* search.h - full-text search over every string of a content pack.
   No curses, no YAML: an index of the model, and ranked results with
   snippets that any renderer can show.

   The index keeps, for each language it has been asked about, one
   contiguous buffer of folded text: every string of the pack, folded
   by NFKC and Unicode case folding (search_fold.h: "ＰＲＰ" is "prp",
   "Straße" is "strasse"), whitespace to spaces, each followed by a
   NUL.  Folding changes lengths, so a match's bytes in the folded
   buffer are turned back into the original string's bytes when its
   result is made (search_fold_span folds that one string again, with
   a map).  Each buffer has a word index (search_vocab.h): its
   vocabulary (the runs of letters, digits and non-ASCII characters
   between other bytes, each once) and, for each word, the strings that
   hold it.  A query word is looked for in the vocabulary (every word
   that holds it as a substring, so that "cel" finds "cell"), and then
   only in the strings those words name; a miss costs a look at the
   vocabulary alone.  A word found in so many strings that a scan is as
   cheap (a fragment, a common word), or with no letter or digit, is
   found by a scan of the whole buffer instead.  The query's word found
   in the fewest bytes of strings goes first; each other word is looked
   for only in the strings of the targets that have it, when those are
   under a quarter of the text, else as the first: O(vocabulary +
   strings named) for a rare word, O(total text) at worst, up to
   O(words x total text), with no per-string call but at matches; the
   targets that have every word are the results.  A scan tests 16
   places at a time for three of the word's rarest bytes, far apart,
   and compares only where they are.
   A query whose rarest word is in many strings (about 256 KB of them
   or more) is bounded (search_bound.h): the names are scanned,
   then the headings, then the body, in the pack's order, and the
   search stops once the first MAX results are certain, with the count
   only "more than MAX".
   Substring matching serves CJK text too (it has no word boundaries).
   The caller names that language (search_index_build, search_query):
   search does not ask i18n which one is current, and reads its text
   through C_, which must be translating into it.

   The search's API is this header (queries and their results), which
   includes search_index.h (building the index) and search_fold.h
   (trimming and checking a query); search_int.h is the index's
   insides, for the search's own files.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_H
#define PINAV_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "search_fold.h"
#include "search_index.h"

/* The most results a search page shows.  */
#define SEARCH_MAX_RESULTS 200

/* A snippet's size in bytes, and the fewest display columns it is
   cut to ("...", a wide character, "...").  Its width is the caller's
   (search_query).  */
#define SEARCH_SNIPPET_SIZE 400
#define SEARCH_SNIPPET_MIN_COLS 8

/* How good a match is: on a target's name, on a heading, in the body,
   or on the name of an item the target refers to (an item's
   "Conditions mentioned").  Results come in this order, then in the
   pack's order.  */
enum search_rank
{
  SEARCH_NAME = 0, SEARCH_HEADING = 1, SEARCH_BODY = 2, SEARCH_MENTION = 3
};

/* One result: one target (a page a link can lead to), its best match.  */
struct search_result
{
  const char *target;   /* item:C/I, doc:D#SEC, doc:D, coll:C, cmp:C, about */
  const char *title;    /* the target's name, in the current language */
  const char *context;  /* what it belongs to (an item's collection, a
                           section's document), or NULL */
  enum search_rank rank;
  bool in_title;        /* the match is in TITLE itself, at TITLE_HL */
  size_t title_hl;
  /* The text around the first match: UTF-8, no control characters, at
     most the COLS columns given to search_query, cut between
     characters, with "..." where it was cut.  */
  char snippet[SEARCH_SNIPPET_SIZE];
  size_t hl_start, hl_len;      /* the match: bytes of SNIPPET */
};

/** search_query - find QUERY in IX, in English and in LANG, the
   language C_ translates into ("en" or i18n_language ()), which is
   indexed first if it was not the last one indexed.  QUERY is split
   into words at spaces (the first SEARCH_MAX_PARTS distinct ones); a
   target matches when each word is in one of its strings, in any
   order.  Every character is literal (no patterns); text and query
   are folded alike (NFKC, case folding).  Stores the matching targets in RES (at most MAX), best first:
   more words in names, then in headings, then in the body, then the
   pack's order; each with a snippet of at most COLS display columns
   (at least SEARCH_SNIPPET_MIN_COLS) around its best hit.
   O(total text) to O(words x total text); a query whose words are in
   most of a large pack's strings stops once its MAX best are certain
   (search_bound.h), and search_more then says so.
   @retval the number of targets that matched, which may exceed MAX
   (when search_more, only a lower bound, over MAX); 0 for an empty
   query or one that is not valid UTF-8.  */
size_t search_query (struct search_index *ix, const char *lang,
                     const char *query, size_t cols,
                     struct search_result *res, size_t max);

/** search_more - after a search_query: whether it stopped once its
   first MAX results were certain, so that there are more targets than
   the count it returned, which is over MAX.  */
bool search_more (const struct search_index *ix);

/** search_split - after a search_query that found targets: when a
   Chinese word of the query was found nowhere as written, and was
   split into the terms the pack knows and the characters between
   them, *WHOLE is that word (folded) and PARTS (at most MAX) its
   parts; the results hold every part.
   @retval the number of parts, 0 (and *WHOLE NULL) when nothing was
   split.  */
size_t search_split (const struct search_index *ix, const char **whole,
                     const char **parts, size_t max);

#endif
