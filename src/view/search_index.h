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
   in English and in the current language.  O(total text).  PACK must
   outlive the index.
   @retval the index, or NULL on memory exhaustion.  */
struct search_index *search_index_build (const struct content_pack *pack);

/** search_index_relang - index the current language's text (after
   i18n_set_language) now, so that the next query does not pay for it.
   search_query does it by itself when the language has changed.
   @retval false on memory exhaustion (English is still searched).  */
bool search_index_relang (struct search_index *ix);

/** search_index_pack - the pack IX indexes.  */
const struct content_pack *search_index_pack (const struct search_index *ix);

/** search_index_free - release IX (NULL is fine).  */
void search_index_free (struct search_index *ix);

#endif
