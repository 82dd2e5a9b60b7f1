/* journal.h - the lines a kiosk writes for its staff, one an event, on
   standard error (which systemd sends to the journal): "pinav: kiosk:
   MESSAGE".  The program name and "kiosk:" are never translated, so
   that staff can look for them; the message is in the staff's language
   (the one pinav started in), whatever a patient has chosen since.
   No line ever holds what a patient typed.  While the full-screen
   navigator is up on a terminal that is also standard error, lines
   wait and are written when it ends (journal_hold), as the warnings
   about damaged translation files do.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_JOURNAL_H
#define PINAV_JOURNAL_H

#include <stdbool.h>

/* The most bytes of lines kept while held; later ones are counted.  */
#define JOURNAL_HELD_MAX 65536

/** journal_start - write kiosk lines from now on when ON (a kiosk, or
   a run with an idle reset), in language LANG ("en" or "zh_CN").  */
void journal_start (bool on, const char *lang);

/** journal_kiosk - when journal_start turned the lines on, one line
   "pinav: kiosk: " and MSGID (a printf format, marked with N_ and
   translated here into the staff's language) with its arguments.  */
void journal_kiosk (const char *msgid, ...)
  __attribute__ ((format (printf, 1, 2)));

/** journal_say - write TEXT (whole lines, already translated) on
   standard error, or keep it while held.  */
void journal_say (const char *text);

/** journal_hold - while HOLD, keep the lines; when no longer, write
   those kept.  */
void journal_hold (bool hold);

#endif
