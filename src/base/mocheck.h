/* mocheck.h - checking a gettext catalogue (.mo) before gettext reads
   it: glibc's gettext trusts every offset, length and count in one.
   The rules are docs/security.md's "Translation catalogues".
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_MOCHECK_H
#define PINAV_MOCHECK_H

#include <stdbool.h>
#include <stddef.h>

/* The largest catalogue taken (pinav's are under 200 KiB).  */
#define MOCHECK_MAX_BYTES (16L << 20)

/* What is wrong with a catalogue.  */
struct mocheck_result
{
  const char *why;              /* untranslated (N_): pass it to _() */
  unsigned long entry;          /* the string pair it is about, from 1;
                                   0: the file as a whole */
};

/** mocheck_buffer - whether gettext may use the catalogue M of SIZE
   bytes: its header, tables, strings and hash table are whole and
   consistent, its plural forms and character set are ones pinav
   knows, and each translation is UTF-8 without control characters
   but newlines.  When FORMATS (the interface's catalogue, whose
   originals are printf formats or plain text), each translation takes
   the same printf arguments as its original, and never %n.
   @retval false with RES saying why.  */
bool mocheck_buffer (const unsigned char *m, size_t size, bool formats,
                     struct mocheck_result *res);

/** mocheck_file - mocheck_buffer on the file at PATH, opened without
   waiting (a FIFO is refused, not waited on).  A file that does not
   exist is fine: gettext does without.
   @retval false with RES saying why, when the file is there but is
   not a regular file, cannot be read, is over MOCHECK_MAX_BYTES, or is
   refused by mocheck_buffer.  */
bool mocheck_file (const char *path, bool formats,
                   struct mocheck_result *res);

#endif
