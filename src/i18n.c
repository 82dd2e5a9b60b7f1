/* i18n.c - locale set-up and the language switch.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

static char i18n_lang[8] = "en";

const char *
C_ (const char *s)
{
  /* English is the msgid: no catalogue lookup per string.  */
  if (i18n_lang[0] == 'e')
    return s;
  return s && *s ? dgettext (CONTENT_DOMAIN, s) : s;
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

bool
i18n_set_language (const char *lang)
{
  if (!i18n_supported (lang))
    return false;
  strcpy (i18n_lang, lang);
  /* English is the msgid; "en" must not fall through to another
     language listed after it.  */
  setenv ("LANGUAGE", lang, 1);
  /* Make gettext forget the catalogues it has cached.  */
  {
    extern int _nl_msg_cat_cntr;
    ++_nl_msg_cat_cntr;
  }
  textdomain (PACKAGE);
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
