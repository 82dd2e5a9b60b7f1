/* speech_dump.h - one page of the pack, spoken into a WAV file
   (--dump=ID --speak=FILE).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SPEECH_DUMP_H
#define PINAV_SPEECH_DUMP_H

#include "content.h"

/** speech_dump - speak the page of ID (as --dump takes it) in the
   current language into the WAV file FILE ("-": standard output),
   saying on standard error what went wrong.
   @retval 0, 1 when speech or the file failed, or 2 when ID names
   nothing.  */
int speech_dump (const struct content_pack *pack, const char *id,
                 const char *file);

#endif
