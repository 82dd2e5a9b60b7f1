/* packdir.h - the YAML files of a pack directory, in the order the
   loader reads them (shared by the loader and the compiled pack's hash).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_PACKDIR_H
#define PINAV_PACKDIR_H

#include <stddef.h>

/** packdir_names - the names (not paths) of the *.yaml files of DIR,
   hidden files left out, sorted by strcmp, in a malloc'd array *NAMES
   of *N malloc'd strings (free them with packdir_free).
   @retval 0, or -1 with errno set when DIR cannot be read.  */
int packdir_names (const char *dir, char ***names, size_t *n);

/** packdir_free - free what packdir_names returned.  */
void packdir_free (char **names, size_t n);

#endif
