/* search_index.h - the full-text index of a content pack: building it,
   and the language it searches besides English (search.h tells how).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_INDEX_H
#define PINAV_SEARCH_INDEX_H

#include <stdbool.h>

#include "content.h"

struct search_index;

/** search_index_build - index every string of PACK (titles, headings,
   paragraphs, list items, names, summaries, attribute values, claims)
   in English and in LANG, the language C_ translates into ("en" or
   i18n_language ()).  O(total text); for a pack whose compiled index
   is sound (search_blob.h), its English text, strings and targets are
   read where they are in the image and the pack is not walked (until
   another language's text is needed).  PACK must outlive the index.
   @retval the index, or NULL on memory exhaustion.  */
struct search_index *search_index_build (const struct content_pack *pack,
                                         const char *lang);

/** search_index_relang - index LANG's text (after i18n_set_language
   (LANG)) now, so that the next query does not pay for it; nothing to
   do for "en" or for the language indexed last.  search_query does it
   by itself when given another language.
   @retval false on memory exhaustion (English is still searched).  */
bool search_index_relang (struct search_index *ix, const char *lang);

/** search_index_compiled - whether IX's English text and its word
   index are the ones made when its pack was compiled, used where they
   are in the image (search_blob.h), rather than built.  */
bool search_index_compiled (const struct search_index *ix);

/** search_index_pack - the pack IX indexes.  */
const struct content_pack *search_index_pack (const struct search_index *ix);

/** search_index_free - release IX (NULL is fine).  */
void search_index_free (struct search_index *ix);

#endif
