/* load_refs.h - the loader's second pass (load_refs.c), for load.c;
   loadctx.h says who calls whom.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_LOAD_REFS_H
#define PINAV_LOAD_REFS_H

#include "loadctx.h"

/** load_refs_check - once every file is read and the pack's index is
   built, report every cross-reference that names nothing, and what is
   defined twice.  */
void load_refs_check (struct loadctx *lc);

#endif
