/* dump.h - the whole pack, or one part of it, as plain text.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_DUMP_H
#define PINAV_DUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "content.h"

/** dump_location - the location for ID: a location itself
   ("item:c/i"), a document, "doc#section", "collection/item", a
   collection or a comparison.  The result is malloc'd.
   @retval NULL when ID names nothing.  */
char *dump_location (const struct content_pack *pack, const char *id);

/** dump_pack - print every page of PACK (ID NULL) or the page of ID to
   OUT, wrapped at WIDTH.
   @retval false when ID names nothing.  */
bool dump_pack (FILE *out, const struct content_pack *pack, const char *id,
                size_t width);

#endif
