/* journal.c - the kiosk's lines for its staff on standard error.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "journal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static bool journal_on;
static char journal_lang[8] = "en";
static bool journal_holding;
static char *journal_held;      /* the lines kept, or NULL */
static size_t journal_held_len;
static unsigned long journal_dropped;   /* lines past JOURNAL_HELD_MAX */

void
journal_start (bool on, const char *lang)
{
  journal_on = on;
  snprintf (journal_lang, sizeof journal_lang, "%s", lang ? lang : "en");
}

void
journal_say (const char *text)
{
  size_t n = strlen (text);
  if (!journal_holding)
    {
      /* One write for a line, at once: the journal stamps each.  */
      fputs (text, stderr);
      fflush (stderr);
      return;
    }
  char *more = journal_held_len + n <= JOURNAL_HELD_MAX
               ? realloc (journal_held, journal_held_len + n + 1) : NULL;
  if (!more)
    {
      journal_dropped++;
      return;
    }
  memcpy (more + journal_held_len, text, n + 1);
  journal_held = more;
  journal_held_len += n;
}

void
journal_hold (bool hold)
{
  journal_holding = hold;
  if (hold)
    return;
  if (journal_held)
    journal_say (journal_held);
  free (journal_held);
  journal_held = NULL;
  journal_held_len = 0;
  if (journal_dropped)
    /* TRANSLATORS: after the lines kept while the screen was in use;
       %lu is how many more there were.  */
    fprintf (stderr, _("%s: %lu more lines were not kept\n"), PACKAGE,
             journal_dropped);
  journal_dropped = 0;
}

void
journal_kiosk (const char *msgid, ...)
{
  char now[8], *msg = NULL, *line = NULL;
  va_list ap;
  if (!journal_on)
    return;
  /* In the staff's language: a patient's choice is theirs alone.  */
  snprintf (now, sizeof now, "%s", i18n_language ());
  bool other = strcmp (now, journal_lang) != 0;
  if (other)
    i18n_set_language (journal_lang);
  va_start (ap, msgid);
  if (vasprintf (&msg, _(msgid), ap) < 0)
    msg = NULL;
  va_end (ap);
  if (other)
    i18n_set_language (now);
  if (msg && asprintf (&line, "%s: kiosk: %s\n", PACKAGE, msg) >= 0)
    journal_say (line);
  free (line);
  free (msg);
}
