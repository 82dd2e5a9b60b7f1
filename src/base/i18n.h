/* i18n.h - gettext for the interface and for the content.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_I18N_H
#define PINAV_I18N_H

#include <stdbool.h>
#include <libintl.h>

#define _(msgid) gettext (msgid)
#define N_(msgid) (msgid)

/* The text domain of the pack's strings, apart from the interface's.  */
#define CONTENT_DOMAIN "pinav-content"

/** C_ - the current language's version of content string S.
   An untranslated or fuzzy string falls back to S.  */
const char *C_ (const char *s);

/** i18n_content_as_is - whether C_ gives every string as it is (the
   pack's own language, English): a string's length and words are then
   its shown ones.  */
bool i18n_content_as_is (void);

/** i18n_init - set the locale and bind both text domains to LOCALEDIR.
   LANG is "en", "zh_CN", or NULL to follow the environment.  Falls
   back to C.UTF-8 when the locale is missing or not UTF-8.  Call it
   before any _() and before initscr().  */
void i18n_init (const char *localedir, const char *lang);

/** i18n_set_language - switch the language at run time ("en" or
   "zh_CN"), invalidating gettext's catalogue cache.  LANGUAGE is set
   to LANG alone ("C" for English, which opens no catalogue), so that
   gettext opens only the catalogues checked.  Chinese's are checked
   when it is first chosen, every one gettext may open, of both text
   domains (mocheck.h): a damaged one is named on stderr (journal_say),
   with why, and Chinese is then not used.
   @retval false when LANG is not a supported language, or its
   catalogues are damaged (the language is then English).  */
bool i18n_set_language (const char *lang);

/** i18n_language - the current language: "en" or "zh_CN".  */
const char *i18n_language (void);

/** i18n_supported - true when LANG names a language pinav speaks.  */
bool i18n_supported (const char *lang);

#endif
