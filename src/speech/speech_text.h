/* speech_text.h - a page as text for a speech synthesiser: the page's
   plain text (plain.h), without what a synthesiser would read as
   symbols or spell badly.  Pure text processing, no synthesiser.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SPEECH_TEXT_H
#define PINAV_SPEECH_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "page.h"

/** speech_clean - TEXT (lines of plain text, in language LANG: "en" or
   "zh_CN") made speakable: list marks ("- ", "[3] ") and brackets,
   stars, bullets and box-drawing characters left out; a number with a
   leading zero read digit by digit ("Document 003" as "Document zero
   zero three", 文件 003 as 文件零零三), "d003" as the document it
   names; a web address as its site ("fda.gov"); each line ended as a
   sentence, so that the voice pauses there.
   @retval the text, malloc'd, or NULL when out of memory.  */
char *speech_clean (const char *text, const char *lang);

/** speech_text - the speakable text of page PG in LANG: its title,
   then its blocks from block FROM on (speech_clean of plain_render's
   text, not wrapped, links not numbered).
   @retval malloc'd, or NULL when out of memory.  */
char *speech_text (const struct page *pg, const char *lang, size_t from);

/** speech_part - the speakable text of a part of page PG in LANG:
   LEAD (a message, a link's text; NULL: none), then the page's title
   when TITLE, then its blocks FROM to TO (not included).
   @retval malloc'd, or NULL when out of memory.  */
char *speech_part (const struct page *pg, const char *lang, const char *lead,
                   bool title, size_t from, size_t to);

#endif
