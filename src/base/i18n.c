/* i18n.c - locale set-up and the language switch.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MO_MAX_BYTES (64L << 20)

static char i18n_lang[8] = "en";
static bool i18n_zh_damaged;    /* zh_CN's catalogues: not used */
static bool i18n_zh_checked;    /* ... looked at (i18n_check_catalogues) */
static char *i18n_localedir;    /* where they are */
static bool i18n_holding;       /* the warnings wait (i18n_hold_warnings) */
static char *i18n_held;         /* the warnings waiting, or NULL */

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

/* The 32-bit word at byte OFF of the catalogue M (SIZE bytes), in the
   byte order its magic number says (SWAP); 0 past the end.  */
static uint32_t
mo_word (const unsigned char *m, size_t size, uint64_t off, bool swap)
{
  if (off + 4 > size)
    return 0;
  uint32_t w = (uint32_t) m[off] | (uint32_t) m[off + 1] << 8
               | (uint32_t) m[off + 2] << 16 | (uint32_t) m[off + 3] << 24;
  return swap ? __builtin_bswap32 (w) : w;
}

/* Whether the N (length, offset) pairs at byte TAB of M name strings
   that lie inside it, their ending NUL too.  */
static bool
mo_strings_inside (const unsigned char *m, size_t size, uint64_t tab,
                   uint32_t n, bool swap)
{
  if (tab + (uint64_t) n * 8 > size)
    return false;
  for (uint32_t i = 0; i < n; i++)
    if ((uint64_t) mo_word (m, size, tab + 8 * i + 4, swap)
        + mo_word (m, size, tab + 8 * i, swap) >= size)
      return false;
  return true;
}

/* Whether the catalogue M (SIZE bytes) is whole: each table and string
   it names lies inside it.  (A file gettext would refuse anyway, by its
   magic number or revision, is whole enough.)  */
static bool
mo_whole (const unsigned char *m, size_t size)
{
  uint32_t magic = mo_word (m, size, 0, false);
  bool swap = magic == 0xde120495u;
  if (size < 28 || (magic != 0x950412deu && !swap)
      || mo_word (m, size, 4, swap) >> 16 != 0)
    return true;
  uint32_t n = mo_word (m, size, 8, swap), nhash = mo_word (m, size, 20, swap);
  uint64_t hash = mo_word (m, size, 24, swap);
  uint32_t nsys = 0;
  if ((mo_word (m, size, 4, swap) & 0xffff) >= 1)
    {
      if (size < 48)
        return false;
      nsys = mo_word (m, size, 36, swap);
      for (int t = 40; t <= 44; t += 4)     /* the sysdep tables */
        {
          uint64_t tab = mo_word (m, size, (uint64_t) t, swap);
          if (tab + (uint64_t) nsys * 4 > size)
            return false;
          for (uint32_t i = 0; i < nsys; i++)
            if (mo_word (m, size, tab + 4 * i, swap) >= size)
              return false;
        }
    }
  if (!mo_strings_inside (m, size, mo_word (m, size, 12, swap), n, swap)
      || !mo_strings_inside (m, size, mo_word (m, size, 16, swap), n, swap)
      || hash + (uint64_t) nhash * 4 > size)
    return false;
  for (uint32_t i = 0; i < nhash; i++)
    if (mo_word (m, size, hash + 4 * i, swap) > (uint64_t) n + nsys)
      return false;
  return true;
}

/* Whether the catalogue at PATH is whole (mo_whole).  glibc's gettext
   trusts a catalogue's offsets, and reads past the end of a truncated
   one.  A missing or unreadable file is fine: gettext does without.  */
static bool
i18n_catalogue_whole (const char *path)
{
  FILE *f = fopen (path, "rb");
  unsigned char *m = NULL;
  long size = -1;
  bool whole = true;
  if (!f)
    return true;
  if (fseek (f, 0, SEEK_END) == 0 && (size = ftell (f)) >= 0
      && size <= MO_MAX_BYTES && fseek (f, 0, SEEK_SET) == 0
      && (m = malloc ((size_t) size + 1))
      && fread (m, 1, (size_t) size, f) == (size_t) size)
    whole = mo_whole (m, (size_t) size);
  else
    whole = false;
  free (m);
  fclose (f);
  return whole;
}

/* Say on stderr what printf would of FMT, or keep it for later while
   the warnings are held.  */
static void __attribute__ ((format (printf, 1, 2)))
i18n_warn (const char *fmt, ...)
{
  va_list ap;
  char *msg = NULL, *all = NULL;
  va_start (ap, fmt);
  if (!i18n_holding)
    vfprintf (stderr, fmt, ap);
  else if (vasprintf (&msg, fmt, ap) >= 0)
    {
      if (asprintf (&all, "%s%s", i18n_held ? i18n_held : "", msg) >= 0)
        {
          free (i18n_held);
          i18n_held = all;
        }
      free (msg);
    }
  va_end (ap);
}

/* Look at zh_CN's catalogues (and zh's, where gettext looks next) under
   LOCALEDIR; say which is damaged, and mark zh_CN as not to be used.  */
static void
i18n_check_catalogues (const char *localedir)
{
  static const char *const files[] = {
    "zh_CN/LC_MESSAGES/" PACKAGE ".mo",
    "zh_CN/LC_MESSAGES/" CONTENT_DOMAIN ".mo",
    "zh/LC_MESSAGES/" PACKAGE ".mo", "zh/LC_MESSAGES/" CONTENT_DOMAIN ".mo",
  };
  for (size_t i = 0; i < sizeof files / sizeof *files; i++)
    {
      char *path = NULL;
      if (asprintf (&path, "%s/%s", localedir, files[i]) < 0)
        continue;
      if (!i18n_catalogue_whole (path))
        {
          i18n_zh_damaged = true;
          /* TRANSLATORS: the first %s is "pinav", the second a file.  */
          i18n_warn (_("%s: %s: a damaged translation file; "
                       "Chinese is not available\n"), PACKAGE, path);
        }
      free (path);
    }
}

void
i18n_hold_warnings (bool hold)
{
  i18n_holding = hold;
  if (!hold && i18n_held)
    {
      fputs (i18n_held, stderr);
      free (i18n_held);
      i18n_held = NULL;
    }
}

bool
i18n_set_language (const char *lang)
{
  if (!i18n_supported (lang))
    return false;
  /* Chinese's catalogues are looked at when it is first chosen (in
     English, for the warnings), and never read by gettext if damaged.  */
  if (!i18n_zh_checked && strcmp (lang, "zh_CN") == 0)
    {
      i18n_zh_checked = true;
      i18n_set_language ("en");
      if (i18n_localedir)
        i18n_check_catalogues (i18n_localedir);
    }
  if (i18n_zh_damaged && strcmp (lang, "zh_CN") == 0)
    {
      i18n_set_language ("en");
      return false;
    }
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
  free (i18n_localedir);
  i18n_localedir = localedir ? strdup (localedir) : NULL;
  i18n_set_language (lang ? lang : i18n_env_language ());
}
