/* i18n.c - locale set-up and the language switch.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "i18n.h"

#include <dirent.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"
#include "mocheck.h"

static char i18n_lang[8] = "en";
static bool i18n_zh_damaged;    /* zh_CN's catalogues: not used */
static bool i18n_zh_checked;    /* ... looked at (i18n_check_catalogues) */

const char *
C_ (const char *s)
{
  /* English is the msgid: no catalogue lookup per string.  */
  if (i18n_content_as_is ())
    return s;
  return s && *s ? dgettext (CONTENT_DOMAIN, s) : s;
}

bool
i18n_content_as_is (void)
{
  return i18n_lang[0] == 'e';
}

bool
i18n_supported (const char *lang)
{
  return lang && (strcmp (lang, "en") == 0 || strcmp (lang, "zh_CN") == 0);
}

static bool
i18n_locale_is_utf8 (void)
{
  const char *cs = nl_langinfo (CODESET);
  return cs && (strcmp (cs, "UTF-8") == 0 || strcmp (cs, "utf8") == 0);
}

/* The language the environment asks for, as gettext would see it.  */
static const char *
i18n_env_language (void)
{
  static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES",
                                      "LANG" };
  for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
    {
      const char *v = getenv (vars[i]);
      if (v && *v)
        return strncmp (v, "zh", 2) == 0 ? "zh_CN" : "en";
    }
  return "en";
}

/* Say on stderr what printf would of FMT, or keep it for later while
   the screen is curses' (journal_hold).  */
static void __attribute__ ((format (printf, 1, 2)))
i18n_warn (const char *fmt, ...)
{
  va_list ap;
  char *msg = NULL;
  va_start (ap, fmt);
  if (vasprintf (&msg, fmt, ap) >= 0)
    journal_say (msg);
  free (msg);
  va_end (ap);
}

/* Say that the catalogue at PATH is not used, and why (RES).  */
static void
i18n_refused (const char *path, const struct mocheck_result *res)
{
  if (res->entry)
    /* TRANSLATORS: a translation file pinav will not use.  The first %s
       is "pinav", the second the file, %lu the number of a string in
       it, and the third %s what is wrong with that string (one of the
       messages about translation files).  */
    i18n_warn (_("%s: %s: a damaged translation file (string %lu: %s); "
                 "Chinese is not available\n"), PACKAGE, path, res->entry,
               _(res->why));
  else
    /* TRANSLATORS: the same, when what is wrong is about the whole
       file.  */
    i18n_warn (_("%s: %s: a damaged translation file (%s); Chinese is not "
                 "available\n"), PACKAGE, path, _(res->why));
}

/* Whether NAME, a directory in a locale directory, may hold catalogues
   that gettext opens for LANG.  LANGUAGE is LANG alone
   (i18n_set_language), so gettext looks in LANG's directory, then in
   its language's ("zh_CN", then "zh"), or in those of what
   /etc/locale.alias turns LANG into, which adds a character set or a
   modifier at most ("zh_CN.GB2312", "zh.gb2312", "zh@x").  */
static bool
i18n_lang_dir (const char *name, const char *lang)
{
  static const char name_chars[] = "abcdefghijklmnopqrstuvwxyz"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.@-";
  size_t n = strlen (lang);
  if (strncmp (name, lang, n) != 0)
    n = strcspn (lang, "_");
  return strncmp (name, lang, n) == 0
         && (name[n] == '\0' || name[n] == '.' || name[n] == '@')
         && strspn (name, name_chars) == strlen (name);
}

/* Check DOMAIN's catalogue in directory NAME of DIR, saying whether it
   is refused.  */
static bool
i18n_check_one (const char *dir, const char *name, const char *domain)
{
  char *path = NULL;
  struct mocheck_result res;
  bool whole;
  if (asprintf (&path, "%s/%s/LC_MESSAGES/%s.mo", dir, name, domain) < 0)
    return false;
  whole = mocheck_file (path, strcmp (domain, PACKAGE) == 0, &res);
  if (!whole)
    i18n_refused (path, &res);
  free (path);
  return whole;
}

/* Check every catalogue of DOMAIN that gettext may open for LANG: in
   the directory DOMAIN is bound to, each of LANG's language
   (i18n_lang_dir); say which are refused.  */
static bool
i18n_check_domain (const char *domain, const char *lang)
{
  const char *dir = bindtextdomain (domain, NULL);
  DIR *d = dir ? opendir (dir) : NULL;
  bool whole = true;
  if (!d && dir && errno != ENOENT && errno != ENOTDIR)
    {
      /* A directory that cannot be listed, whose files gettext may
         still open: those it opens first.  */
      char lang1[8];
      snprintf (lang1, sizeof lang1, "%.*s", (int) strcspn (lang, "_"),
                lang);
      whole = i18n_check_one (dir, lang, domain);
      return i18n_check_one (dir, lang1, domain) && whole;
    }
  for (struct dirent *e; d && (e = readdir (d));)
    if (i18n_lang_dir (e->d_name, lang)
        && !i18n_check_one (dir, e->d_name, domain))
      whole = false;
  if (d)
    closedir (d);
  return whole;
}

/* Look at LANG's catalogues, of both text domains (i18n_check_domain);
   say which are damaged.  @retval false when one is.  */
static bool
i18n_check_catalogues (const char *lang)
{
  bool whole = i18n_check_domain (PACKAGE, lang);
  return i18n_check_domain (CONTENT_DOMAIN, lang) && whole;
}

/* Use LANG from now on, whose catalogues were checked.  */
static void
i18n_use (const char *lang)
{
  snprintf (i18n_lang, sizeof i18n_lang, "%s", lang);
  /* gettext opens the catalogues of the languages LANGUAGE lists,
     whatever the environment said: LANG's only, which were checked.
     English is the msgid: "C" makes gettext open none, and "en" must
     not fall through to another language listed after it.  */
  setenv ("LANGUAGE", strcmp (lang, "en") == 0 ? "C" : lang, 1);
  /* Make gettext forget the catalogues it has cached.  */
  {
    extern int _nl_msg_cat_cntr;
    ++_nl_msg_cat_cntr;
  }
  textdomain (PACKAGE);
}

/* Make gettext open the current language's catalogues now, just after
   they were checked, rather than at some first use later: a string
   that no catalogue has makes it open every file it may.  */
static void
i18n_open_catalogues (void)
{
  const char *none = "\001pinav: in no catalogue";
  (void) dgettext (PACKAGE, none);
  (void) dgettext (CONTENT_DOMAIN, none);
}

bool
i18n_set_language (const char *lang)
{
  if (!i18n_supported (lang))
    return false;
  bool en = strcmp (lang, "en") == 0, first = !en && !i18n_zh_checked;
  /* Chinese's catalogues are looked at when it is first chosen (in
     English, for the warnings), and never read by gettext if damaged;
     English reads none.  */
  if (first)
    {
      i18n_zh_checked = true;
      i18n_use ("en");
      i18n_zh_damaged = !i18n_check_catalogues (lang);
    }
  if (!en && i18n_zh_damaged)
    {
      i18n_use ("en");
      return false;
    }
  i18n_use (lang);
  if (first)
    i18n_open_catalogues ();
  return true;
}

const char *
i18n_language (void)
{
  return i18n_lang;
}

void
i18n_init (const char *localedir, const char *lang)
{
  if (!setlocale (LC_ALL, "") || !i18n_locale_is_utf8 ())
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (PACKAGE, localedir);
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  bindtextdomain (CONTENT_DOMAIN, localedir);
  bind_textdomain_codeset (CONTENT_DOMAIN, "UTF-8");
  textdomain (PACKAGE);
  i18n_set_language (lang ? lang : i18n_env_language ());
}
