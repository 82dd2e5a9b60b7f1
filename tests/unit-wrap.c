/* unit-wrap.c - display width, grapheme clusters and wrapping
   (src/base/text.c).  */
#include <config.h>

#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#include "tap.h"
#include "text.h"
#include "text_safe.h"
#include "text_words.h"

struct lines
{
  char out[20][200];
  size_t width[20];
  size_t n;
  const char *src;
};

static void
collect (const struct text_line *l, void *data)
{
  struct lines *ls = data;
  if (ls->n < 20)
    {
      memcpy (ls->out[ls->n], ls->src + l->start, l->len);
      ls->width[ls->n] = l->width;
      ls->out[ls->n++][l->len] = '\0';
    }
}

static struct lines
wrap (const char *s, size_t width)
{
  struct lines ls = { .src = s };
  text_wrap (s, strlen (s), width, collect, &ls);
  return ls;
}

/* Whether some line of LS begins with PREFIX.  */
static bool
some_line_starts (const struct lines *ls, const char *prefix)
{
  for (size_t i = 0; i < ls->n; i++)
    if (strncmp (ls->out[i], prefix, strlen (prefix)) == 0)
      return true;
  return false;
}

/* Whether some line of LS ends with SUFFIX.  */
static bool
some_line_ends (const struct lines *ls, const char *suffix)
{
  for (size_t i = 0; i < ls->n; i++)
    {
      size_t n = strlen (ls->out[i]), k = strlen (suffix);
      if (n >= k && strcmp (ls->out[i] + n - k, suffix) == 0)
        return true;
    }
  return false;
}

/* A copy of S without spaces, in BUF (SIZE bytes).  */
static const char *
squeeze (const char *s, char *buf, size_t size)
{
  size_t k = 0;
  for (; *s && k + 1 < size; s++)
    if (*s != ' ')
      buf[k++] = *s;
  buf[k] = '\0';
  return buf;
}

/* Whether every line of LS is at most WIDTH columns (as it says), and
   the lines together are S but for the spaces at the breaks.  */
static bool
fits_and_keeps (const struct lines *ls, const char *s, size_t width)
{
  char all[4000] = "", a[4000], b[4000];
  for (size_t i = 0; i < ls->n; i++)
    {
      if (ls->width[i] > width
          || ls->width[i] != text_width (ls->out[i], strlen (ls->out[i])))
        return false;
      strcat (all, ls->out[i]);
    }
  return strcmp (squeeze (all, a, sizeof a), squeeze (s, b, sizeof b)) == 0;
}

/* Whether every line of LS but the last ends with one of ENDS.  */
static bool
lines_end_in (const struct lines *ls, const char *ends)
{
  for (size_t i = 0; i + 1 < ls->n; i++)
    {
      size_t n = strlen (ls->out[i]);
      if (!n || !strchr (ends, ls->out[i][n - 1]))
        return false;
    }
  return true;
}

#define E_ACUTE "e\xcc\x81"                    /* e + U+0301 */
#define FAMILY "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d" \
  "\xf0\x9f\x91\xa7"                           /* man ZWJ woman ZWJ girl */
/* Hangul jamo G, A, G: the syllable U+AC01 as three code points.  */
#define GAG "\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8"
/* The flags of France and Germany: four regional indicators.  */
#define FLAGS "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7" "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"

static void
test_width (void)
{
  tap_ok (text_width ("中文 abc é", strlen ("中文 abc é")) == 10,
          "mixed text: CJK two columns, Latin one, a space one");
  tap_ok (text_width ("中a" E_ACUTE, strlen ("中a" E_ACUTE)) == 4,
          "mixed text with a combining mark");
  tap_ok (text_width ("\xff\xfe", 2) == 2
          && text_width ("a\xe4\xb8", 3) == 3,
          "invalid UTF-8 is one column a byte");
  tap_ok (text_width ("a\tb\x7f", 4) == 4,
          "a control character is one column");
  tap_ok (text_width (FAMILY, strlen (FAMILY)) == 6,
          "an emoji ZWJ sequence is as wide as curses draws it");
  tap_ok (text_width (GAG, strlen (GAG)) == 2,
          "a Hangul jamo syllable is two columns");
  tap_ok (text_width ("\xc2\xad", 2) == 1,
          "a soft hyphen is one column: it is shown as '?'");
  const char *raw = "a\tb\xff\xe4\xb8\xad\xc2\x85" E_ACUTE "\xe4\xb8";
  char out[32];
  size_t cols, n = text_clean (out, raw, strlen (raw), &cols);
  out[n] = '\0';
  tap_ok (strcmp (out, "a?b?中?" E_ACUTE "??") == 0 && cols == 10,
          "controls and invalid bytes are shown as '?', a column each");
}

/* Issue 15, F1 and F5: the characters a terminal must not be given
   (text_safe.h).  */

/* The rule as docs/security.md states it, from libunistring's tables.  */
static bool
refused (unsigned c, bool block)
{
  return (c < 0x20 && !(block && c == '\n')) || (c >= 0x7F && c <= 0x9F)
         || c == 0x2028 || c == 0x2029
         || (uc_is_general_category (c, UC_CATEGORY_Cf) && c != 0x200C
             && c != 0x200D);
}

static void
test_safe (void)
{
  unsigned first_wrong = 0x110000, first_bidi = 0x110000, c;
  for (unsigned u = 0x10FFFF + 1; u-- > 0;)
    {
      if ((text_unsafe (u, true) != TEXT_SAFE) != refused (u, true)
          || (text_unsafe (u, false) != TEXT_SAFE) != refused (u, false))
        first_wrong = u;
      if ((text_unsafe (u, true) == TEXT_BIDI)
          != uc_is_property_bidi_control (u))
        first_bidi = u;
    }
  tap_ok (first_wrong == 0x110000, "F1, F5: text_unsafe is the rule for "
          "every code point, fast paths included");
  tap_ok (first_bidi == 0x110000, "F5: the bidirectional controls are "
          "named as such");
  if (first_wrong < 0x110000 || first_bidi < 0x110000)
    printf ("# first wrong: U+%04X, U+%04X\n", first_wrong, first_bidi);
  const char *s = "UNSAFE\b\b\bSAFE";
  tap_ok (text_find_unsafe (s, strlen (s), true, &c) == 6 && c == 8,
          "F1: the first backspace of \"UNSAFE\\b\\b\\bSAFE\" is found");
  s = "0123456789abcdefghij\x7f";
  tap_ok (text_find_unsafe (s, 21, true, &c) == 20 && c == 0x7F
          && text_find_unsafe (s, 20, true, &c) == 20,
          "F1: DEL after 20 printable bytes, and none before it");
  s = "para\nnext";
  tap_ok (text_find_unsafe (s, 9, true, &c) == 9
          && text_find_unsafe (s, 9, false, &c) == 4 && c == '\n'
          && text_unsafe ('\n', false) == TEXT_NEWLINE,
          "F1: a line break is refused only in text of one line");
  s = "中文\xe2\x80\xaex";
  tap_ok (text_find_unsafe (s, strlen (s), true, &c) == 6 && c == 0x202E,
          "F5: a right-to-left override after Chinese is found");
  tap_ok (text_find_unsafe (FAMILY, strlen (FAMILY), false, &c)
          == strlen (FAMILY)
          && text_find_unsafe ("\xff\xfe", 2, false, &c) == 2,
          "ZWJ (an emoji sequence) and invalid bytes are not refused");
  char out[64];
  size_t cols, n;
  s = "无效\b\b\b\b有效";
  n = text_clean (out, s, strlen (s), &cols);
  out[n] = '\0';
  tap_ok (strcmp (out, "无效????有效") == 0 && cols == 12,
          "F1: \"无效\\b\\b\\b\\b有效\" is shown as \"无效????有效\"");
  s = "a\xe2\x80\xae" "b\xe2\x81\xa6" "c\xe2\x80\x8b" "d\xef\xbb\xbf"
      "e\xc2\xad";
  n = text_clean (out, s, strlen (s), &cols);
  out[n] = '\0';
  tap_ok (strcmp (out, "a?b?c?d?e?") == 0 && cols == 10,
          "F5: bidi controls (RLO, LRI) and format characters (ZWSP, BOM, "
          "soft hyphen) are shown as '?', a column each");
}

static void
test_graphemes (void)
{
  const char *acute = "x" E_ACUTE "y";
  tap_ok (text_fit (acute, strlen (acute), 2) == 4
          && text_fit (acute, strlen (acute), 1) == 1,
          "fit keeps a combining mark with its letter");
  tap_ok (text_next_grapheme (FAMILY "x", strlen (FAMILY) + 1)
          == strlen (FAMILY)
          && text_prev_grapheme ("a" FAMILY, strlen ("a" FAMILY)) == 1,
          "an emoji ZWJ sequence is one grapheme");
  tap_ok (text_fit (FAMILY, strlen (FAMILY), 5) == 0,
          "fit never splits an emoji ZWJ sequence");
  tap_ok (text_next_grapheme (GAG "a", strlen (GAG "a")) == strlen (GAG)
          && text_prev_grapheme ("a" GAG, strlen ("a" GAG)) == 1,
          "a Hangul jamo sequence is one grapheme");
  tap_ok (text_prev_grapheme (FLAGS, strlen (FLAGS)) == 8
          && text_next_grapheme (FLAGS, strlen (FLAGS)) == 8,
          "two flags are two graphemes of two regional indicators each");
  tap_ok (text_prev_grapheme ("ab" E_ACUTE, strlen ("ab" E_ACUTE)) == 2
          && text_prev_grapheme ("abc", 3) == 2
          && text_prev_grapheme ("中文", 6) == 3
          && text_prev_grapheme ("", 0) == 0,
          "Backspace takes one grapheme");
  tap_ok (text_prev_grapheme ("a\xff", 2) == 1
          && text_next_grapheme ("\xe4\xb8", 2) >= 1,
          "an invalid byte is a grapheme of its own");
  tap_ok (text_fit_tail ("abcdef", 6, 3) == 3
          && text_fit_tail ("ab" E_ACUTE, strlen ("ab" E_ACUTE), 1) == 2
          && text_fit_tail ("中文", 6, 3) == 3,
          "the tail that fits begins at a grapheme");
  tap_ok (text_grapheme_start ("a" E_ACUTE, 4, 2) == 1
          && text_grapheme_start ("a" E_ACUTE, 4, 1) == 1
          && text_grapheme_start ("a" E_ACUTE, 4, 9) == 4,
          "the start of the grapheme holding a byte");
}

static void
test_uax14 (void)
{
  struct lines ls = wrap (E_ACUTE E_ACUTE E_ACUTE, 2);
  tap_ok (ls.n == 2 && strcmp (ls.out[0], E_ACUTE E_ACUTE) == 0,
          "a combining sequence is never split by wrapping");
  ls = wrap (FAMILY FAMILY, 7);
  tap_ok (ls.n == 2 && strcmp (ls.out[0], FAMILY) == 0,
          "an emoji ZWJ sequence wraps whole");
  ls = wrap ("中文中文。中文", 8);
  tap_ok (ls.n == 2 && strcmp (ls.out[0], "中文中") == 0
          && strcmp (ls.out[1], "文。中文") == 0,
          "CJK breaks between ideographs, never before '。'");
  ls = wrap ("骨关节炎，软骨，骨骼，关节", 8);
  tap_ok (ls.n > 1 && !some_line_starts (&ls, "，") && fits_and_keeps (&ls,
          "骨关节炎，软骨，骨骼，关节", 8), "no line begins with '，'");
  ls = wrap ("文件称“干细胞”可以", 8);
  tap_ok (!some_line_ends (&ls, "“") && !some_line_starts (&ls, "”"),
          "no line ends with '“' nor begins with '”'");
  const char *url = "https://www.example.org/a-long/path/to/far_away_place";
  ls = wrap (url, 20);
  tap_ok (ls.n > 1 && fits_and_keeps (&ls, url, 20),
          "a URL wider than the line is broken, not overflowing");
  tap_ok (lines_end_in (&ls, "/-"),
          "the URL breaks after slashes and hyphens, not inside a name");
  const char *long_seg = "see https://x.org/averyveryveryverylongsegment now";
  ls = wrap (long_seg, 12);
  tap_ok (ls.n > 3 && fits_and_keeps (&ls, long_seg, 12),
          "a piece wider than the line is cut, not overflowing");
  ls = wrap ("well-known fact", 6);
  tap_ok (ls.n == 3 && strcmp (ls.out[0], "well-") == 0,
          "a break may follow a hyphen");
  ls = wrap ("see e.g. this", 6);
  tap_ok (ls.n == 3 && strcmp (ls.out[1], "e.g.") == 0,
          "no break inside \"e.g.\" (UAX #14 LB29)");
  ls = wrap ("\xff\xff\xff\xff\xff", 2);
  tap_ok (ls.n == 3 && ls.width[0] == 2 && ls.width[2] == 1,
          "invalid bytes wrap as one column each");
  ls = wrap ("a\fb\xe2\x80\xa8" "c", 10);
  tap_ok (ls.n == 1 && ls.width[0] == 5,
          "only a newline ends a line (a form feed and U+2028: a column)");
  tap_ok (text_longest ("well-known 中文。", strlen ("well-known 中文。")) == 5,
          "the widest unbreakable piece");
}

/* The words a pack knows are kept whole (text_words.h): UAX #14 alone
   breaks between any two ideographs.  */
static void
test_words (void)
{
  const char *s = "患有骨质疏松症的人";         /* 9 ideographs, 18 columns */
  struct lines ls = wrap (s, 6);
  tap_ok (ls.n == 3 && strcmp (ls.out[0], "患有骨") == 0,
          "without the words, 骨质疏松症 is cut as UAX #14 allows");
  tap_ok (text_longest (s, strlen (s)) == 2, "... and no piece is wider than "
          "an ideograph");
  tap_ok (text_words_add ("骨质疏松症") && text_words_add ("间充质干细胞（MSC）")
          && text_words_add ("Bone marrow 骨髓") && text_words_add ("骨"),
          "words added");
  tap_ok (text_words_count () == 3, "a term's runs of two or more letters "
          "outside ASCII are its words: 骨质疏松症, 间充质干细胞, 骨髓");
  ls = wrap (s, 10);
  tap_ok (ls.n == 3 && strcmp (ls.out[0], "患有") == 0
          && strcmp (ls.out[1], "骨质疏松症") == 0
          && strcmp (ls.out[2], "的人") == 0, "骨质疏松症 is kept whole");
  tap_ok (text_longest (s, strlen (s)) == 10, "... and is the widest piece");
  ls = wrap (s, 6);
  tap_ok (ls.n == 4 && strcmp (ls.out[1], "骨质疏") == 0,
          "a word wider than the line is still cut, between clusters");
  ls = wrap ("骨髓间充质干细胞（MSC）", 14);
  tap_ok (ls.n == 3 && strcmp (ls.out[0], "骨髓") == 0
          && strcmp (ls.out[1], "间充质干细胞") == 0,
          "each word whole, one after the other");
  text_words_clear ();
  tap_ok (text_words_count () == 0 && wrap (s, 10).n == 2,
          "cleared: the words break again");
}

int
main (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  tap_ok (text_width ("abc", 3) == 3, "ASCII width");
  tap_ok (text_width ("中文", 6) == 4, "CJK is two columns each");
  tap_ok (text_width ("e\xcc\x81", 3) == 1, "a combining mark has no width");
  struct lines ls = wrap ("the quick brown fox", 10);
  tap_ok (ls.n == 2 && strcmp (ls.out[0], "the quick") == 0
          && strcmp (ls.out[1], "brown fox") == 0, "breaks at a space");
  ls = wrap ("abcdefghijkl", 5);
  tap_ok (ls.n == 3 && strcmp (ls.out[2], "kl") == 0, "a long word is cut");
  ls = wrap ("中文中文中文", 5);
  tap_ok (ls.n == 3 && strcmp (ls.out[0], "中文") == 0,
          "CJK breaks between characters, never splitting one");
  ls = wrap ("骨质疏松症 is common", 12);
  tap_ok (ls.n == 2 && strcmp (ls.out[0], "骨质疏松症") == 0,
          "mixed CJK and Latin");
  ls = wrap ("a\nb", 0);
  tap_ok (ls.n == 2, "width 0 breaks only at newlines");
  ls = wrap ("", 10);
  tap_ok (ls.n == 1 && ls.out[0][0] == '\0', "empty text is one empty line");
  tap_ok (text_fit ("中文x", strlen ("中文x"), 3) == 3,
          "fit stops before a split");
  ls = wrap ("中文中文中，文", 10);
  tap_ok (ls.n == 2 && strcmp (ls.out[0], "中文中文") == 0,
          "no line begins with a CJK comma");
  ls = wrap ("中文中（文）", 8);
  tap_ok (ls.n == 2 && strcmp (ls.out[0], "中文中") == 0
          && strcmp (ls.out[1], "（文）") == 0,
          "no line ends with a CJK opening bracket");
  unsigned wc;
  tap_ok (text_decode ("\xff", 1, &wc) == 1 && wc == 0xFFFD,
          "invalid UTF-8 decodes to U+FFFD");
  tap_ok (text_decode ("\xe4\xb8", 2, &wc) == 1 && wc == 0xFFFD,
          "a truncated sequence is invalid");
  test_width ();
  test_safe ();
  test_graphemes ();
  test_uax14 ();
  test_words ();
  return tap_done ();
}
