/* load_coll.h - read a file of kind collection (load_coll.c), for
   load_kinds.c; loadctx.h says who calls whom.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_LOAD_COLL_H
#define PINAV_LOAD_COLL_H

#include "loadctx.h"

/** load_collection - read ROOT, the top mapping of a file of kind
   collection, into the pack.  */
void load_collection (struct loadctx *lc, const struct ynode *root);

#endif
