/* extract.h - collect the translatable strings of content pack files
   into a gettext catalogue template (.pot), with FILE:LINE references.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_EXTRACT_H
#define PINAV_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

struct extract;

/** extract_new - an empty catalogue.
   @retval NULL on memory exhaustion.  */
struct extract *extract_new (void);

/** extract_buffer - add the strings of one YAML file of LEN bytes at
   BUF, referenced as FILE.  Problems go to DIAGS.
   @retval false when the file could not be parsed.  */
bool extract_buffer (struct extract *x, const char *file,
                     const unsigned char *buf, size_t len,
                     struct diags *diags);

/** extract_count - the number of distinct strings collected.  */
size_t extract_count (const struct extract *x);

/** extract_write - write the catalogue as a .pot file to OUT.  */
void extract_write (const struct extract *x, FILE *out);

/** extract_free - release X.  */
void extract_free (struct extract *x);

#endif
