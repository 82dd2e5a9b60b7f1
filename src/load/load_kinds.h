/* load_kinds.h - read one file of a pack by its kind (load_kinds.c),
   for load.c; loadctx.h says who calls whom.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_LOAD_KINDS_H
#define PINAV_LOAD_KINDS_H

#include "loadctx.h"

/** load_kind - add what the top mapping ROOT of a file holds (a
   document, a collection or the pack's own file, by its 'kind') to the
   pack, and report what is wrong with it.  */
void load_kind (struct loadctx *lc, const struct ynode *root);

#endif
