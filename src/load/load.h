/* load.h - read a content pack from YAML files, strictly.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_LOAD_H
#define PINAV_LOAD_H

#include <stddef.h>

#include "content.h"
#include "diag.h"

/** load_pack - load the pack at PATH: a directory of *.yaml files (one
   of them of kind pack), or a single YAML file (checked on its own).
   Every problem goes to DIAGS as FILE:LINE:COLUMN: message.
   @retval the pack, or NULL when there was any problem.  */
struct content_pack *load_pack (const char *path, struct diags *diags);

/** load_pack_buffer - load one in-memory YAML document of LEN bytes,
   named NAME in messages (for tests and fuzzing).
   @retval the pack, or NULL when there was any problem.  */
struct content_pack *load_pack_buffer (const char *name,
                                       const unsigned char *buf,
                                       size_t len, struct diags *diags);

#endif
