/* ytree_errors.h - what libyaml's syntax errors mean, in words a
   person editing the pack can act on (ytree_errors.c).  Internal to the
   ytree*.c files.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_YTREE_ERRORS_H
#define PINAV_YTREE_ERRORS_H

#include <yaml.h>

#include "ytree_build.h"

/** yerr_report - report the error that stopped parser P, on B's
   text, at the place the fix goes.  */
void yerr_report (struct ybuild *b, const yaml_parser_t *p);

#endif
