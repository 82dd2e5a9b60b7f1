/* search_terms.h - the terms search knows (the glossary's names and
   other forms, the termbases' terms and variants): a word that is one
   of a term's forms finds the others too, and a Chinese word found
   nowhere as written is split into the terms and characters it is
   made of.  For the search's own files (search_int.h).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_TERMS_H
#define PINAV_SEARCH_TERMS_H

#include <stdbool.h>
#include <stddef.h>

#include "search_int.h"

/** search_terms_ready - IX's terms in English and LANG (C_'s
   language), gathered now if they are another language's.
   @retval false on memory exhaustion (then there are none).  */
bool search_terms_ready (struct search_index *ix, const char *lang);

/** search_terms_free - release the terms of IX.  */
void search_terms_free (struct search_index *ix);

/** search_terms_expand - add to each part of QY the other forms of the
   terms its word is a form of.  */
void search_terms_expand (const struct search_index *ix,
                          struct search_query_parts *qy);

/** search_terms_split - replace each part of QY that FOUND says was
   found nowhere, and that holds Chinese characters, by the terms the
   index knows that it is made of and the runs of other characters
   between them (each as long as the text holds as written, down to
   one character); note the first such word and its parts in IX->split.
   @retval true when a part was split.  */
bool search_terms_split (struct search_index *ix,
                         struct search_query_parts *qy, unsigned found);

#endif
