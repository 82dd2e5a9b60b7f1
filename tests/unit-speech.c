/* unit-speech.c - the speakable text of a page (speech_text.h): what
   the voice is given, without a synthesiser.  */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "dump.h"
#include "i18n.h"
#include "load.h"
#include "speech_text.h"
#include "tap.h"
#include "view.h"

/* S on one line of TAP: its line breaks as "|".  */
static char *
one_line (const char *s)
{
  char *t = strdup (s);
  for (char *p = t; p && *p; p++)
    if (*p == '\n')
      *p = '|';
  return t;
}

/* speech_clean of IN in LANG is WANT.  */
static void
is_clean (const char *lang, const char *in, const char *want)
{
  char *got = speech_clean (in, lang), *shown = one_line (in);
  bool same = got && strcmp (got, want) == 0;
  tap_ok (same, "%s: \"%s\"", lang, shown ? shown : "?");
  free (shown);
  if (!same)
    {
      char *g = one_line (got ? got : "(null)"), *w = one_line (want);
      printf ("# got  \"%s\"\n# want \"%s\"\n", g ? g : "?", w ? w : "?");
      free (g);
      free (w);
    }
  free (got);
}

static void
test_clean_en (void)
{
  is_clean ("en", "- Conditions", "Conditions.\n");
  is_clean ("en", "[12] Osteoporosis\n[3] Joint pain",
            "Osteoporosis.\nJoint pain.\n");
  is_clean ("en", "Document 003 says so", "Document zero zero three "
            "says so.\n");
  is_clean ("en", "numbered 000 to 003.", "numbered zero zero zero to zero "
            "zero three.\n");
  is_clean ("en", "Bone marrow (d001, d002)",
            "Bone marrow (document zero zero one, document zero zero "
            "two).\n");
  is_clean ("en", "Source: https://www.fda.gov/consumers/a-b_c.htm.",
            "Source: fda.gov.\n");
  is_clean ("en", "(the ISSCR, www.isscr.org)", "(the ISSCR, isscr.org).\n");
  is_clean ("en", "See http://www.closerlookatstemcells.org/What_to_Ask.html",
            "See closerlookatstemcells.org.\n");
  is_clean ("en", "a joint [pain] in [UC-MSC therapy]",
            "a joint pain in UC-MSC therapy.\n");
  is_clean ("en", "\u2502 \u2022 Item \u2500\u2500", "Item.\n");
  is_clean ("en", "the *stem* cells", "the stem cells.\n");
  is_clean ("en", "0.05 mg, 2026-11-22, 100 people, 1,005 and 1.05",
            "0.05 mg, 2026-11-22, 100 people, 1,005 and 1.05.\n");
  is_clean ("en", "Is it safe?\n\n   \nSection: Risks",
            "Is it safe?\nSection: Risks.\n");
  is_clean ("en", "Document 003 says \"a cure\"", "Document zero zero three "
            "says \"a cure\".\n");
  is_clean ("en", "dd003 d0031 d03", "dd003 d0031 d03.\n");
}

static void
test_clean_zh (void)
{
  is_clean ("zh_CN", "- 文件 003 称", "文件零零三称。\n");
  is_clean ("zh_CN", "骨髓（d001、d002）", "骨髓（文件零零一、文件零零二）。\n");
  is_clean ("zh_CN", "文件 000 至 003。", "文件零零零至零零三。\n");
  is_clean ("zh_CN", "来源：https://www.nice.org.uk/guidance/ipg637",
            "来源：nice.org.uk。\n");
  is_clean ("zh_CN", "［编者］说", "编者说。\n");
  is_clean ("zh_CN", "有风险吗？", "有风险吗？\n");
}

/* A page built by hand: the title first, no list marks.  */
static void
test_page (void)
{
  struct page pg;
  page_init (&pg, "test");
  page_title (&pg, "Conditions");
  page_add (&pg, PB_PARA, "Document 002 says:");
  page_add (&pg, PB_BULLET, "Osteoporosis");
  page_link (&pg, "Joint pain", "item:conditions/joint-pain");
  char *s = speech_text (&pg, "en", 0);
  tap_ok (s && strcmp (s, "Conditions.\nDocument zero zero two says:\n"
                       "Osteoporosis.\nJoint pain.\n") == 0,
          "speech_text: the title, then the blocks, made speakable");
  free (s);
  s = speech_text (&pg, "en", 1);
  tap_ok (s && strcmp (s, "Conditions.\nOsteoporosis.\nJoint pain.\n") == 0,
          "speech_text from a block: the title, then that block on");
  free (s);
  page_free (&pg);
}

/* What the voice would read as a symbol, or spell out: an address, a
   bracket, a star, an underscore, a list mark, a number with a
   leading zero.  @retval a description, or NULL.  */
static const char *
speech_symbol (const char *s)
{
  if (strstr (s, "http") || strstr (s, "www."))
    return "a web address";
  if (strpbrk (s, "[]*_"))
    return "a bracket, a star or an underscore";
  if (strstr (s, "\n- ") || strncmp (s, "- ", 2) == 0)
    return "a list mark";
  for (const char *p = s; *p; p++)
    if (*p == '0' && p[1] >= '0' && p[1] <= '9'
        && (p == s || !((p[-1] >= '0' && p[-1] <= '9') || p[-1] == '.'
                        || p[-1] == ',')))
      return "a number with a leading zero";
  return NULL;
}

/* Every page of the bundled pack that --dump takes, in LANG.  */
static void
test_pack (const struct content_pack *p, const char *lang)
{
  static const char *const ids[] = { "home", "about", "docs", "conditions",
    "cell-sources", "challenges", "context", "questions", "glossary",
    "d000", "d003", "conditions/osteoporosis", "cell-sources/msc" };
  size_t bad = 0, pages = 0;
  i18n_set_language (lang);
  for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
    {
      char *loc = dump_location (p, ids[i]);
      struct view_ctx ctx = { p, VIEW_PLAIN, false, NULL };
      struct page pg;
      if (!loc || !view_build (&pg, &ctx, loc))
        {
          printf ("# %s: no page\n", ids[i]);
          free (loc);
          continue;
        }
      char *s = speech_text (&pg, lang, 0);
      const char *why = s ? speech_symbol (s) : "no text";
      if (why)
        printf ("# %s (%s): %s\n", ids[i], lang, why);
      bad += why != NULL;
      pages++;
      free (s);
      page_free (&pg);
      free (loc);
    }
  tap_ok (pages == sizeof ids / sizeof *ids && bad == 0,
          "%s: %zu pages of the pack, none with a symbol the voice would "
          "read", lang, pages);
}

int
main (void)
{
  char locale[4096], path[4096];
  const char *srcdir = getenv ("top_srcdir");
  const char *builddir = getenv ("top_builddir");
  struct diags d = { 0 };
  snprintf (locale, sizeof locale, "%s/locale", builddir ? builddir : ".");
  i18n_init (locale, "en");
  test_clean_en ();
  test_clean_zh ();
  test_page ();
  snprintf (path, sizeof path, "%s/data", srcdir ? srcdir : ".");
  struct content_pack *p = load_pack (path, &d);
  diag_free (&d);
  tap_ok (p != NULL, "the bundled pack loads");
  if (p)
    {
      test_pack (p, "en");
      test_pack (p, "zh_CN");
      content_free (p);
    }
  return tap_done ();
}
