/* load_terms.h - the termbases beside a pack: DIR/po/LANG-terms.tsv,
   whose terms and variants search counts as one.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_LOAD_TERMS_H
#define PINAV_LOAD_TERMS_H

#include <stdbool.h>

#include "content.h"

/** load_terms - read every po/LANG-terms.tsv of the pack directory DIR
   into PACK's terms: lines of tab-separated columns (English, the
   term, a note, the variants separated by "|"), "#" lines left out;
   the term's column may hold several forms separated by "；".  A pack
   with no termbase, or a file that cannot be read, has no terms from
   it: they only widen searches.
   @retval false on memory exhaustion.  */
bool load_terms (struct content_pack *pack, const char *dir);

#endif
