/* unit-search.c - the full-text index: matching, ranking, snippets and
   hostile queries, on the test pack and on the real pack.  */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "load.h"
#include "load_terms.h"
#include "search_mark.h"
#include "search.h"
#include "search_bound.h"
#include "search_int.h"
#include "search_vocab.h"
#include "tap.h"
#include "text.h"
#include "view.h"

/* The snippets' width on the results page (view_search.c), and a
   narrower one.  */
#define COLS 60
#define NARROW_COLS 24

static const char *srcdir, *builddir;
static struct search_result res[SEARCH_MAX_RESULTS];

static struct content_pack *
load (const char *dir)
{
  char path[4096];
  struct diags d = { 0 };
  snprintf (path, sizeof path, "%s/%s", srcdir, dir);
  struct content_pack *p = load_pack (path, &d);
  if (!p)
    diag_print (&d, stdout);
  diag_free (&d);
  return p;
}

/* The position of TARGET among the first N results, or -1.  */
static long
find (size_t n, const char *target)
{
  for (size_t i = 0; i < n && i < SEARCH_MAX_RESULTS; i++)
    if (strcmp (res[i].target, target) == 0)
      return (long) i;
  return -1;
}

/* True when the highlighted bytes of result R are QUERY, ignoring the
   case of ASCII letters.  */
static bool
hl_is (const struct search_result *r, const char *query)
{
  return r->hl_len == strlen (query)
         && strncasecmp (r->snippet + r->hl_start, query, r->hl_len) == 0;
}

static bool
valid_utf8 (const char *s)
{
  for (size_t i = 0, n = strlen (s); i < n;)
    {
      unsigned wc;
      size_t k = text_decode (s + i, n - i, &wc);
      if (wc == 0xFFFD && k == 1)
        return false;
      i += k;
    }
  return true;
}

static void
test_good (struct search_index *ix)
{
  size_t n = search_query (ix, "en", "apple", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (n == 2, "'apple': two targets (got %zu)", n);
  tap_ok (n >= 1 && strcmp (res[0].target, "item:fruits/apple") == 0
          && res[0].rank == SEARCH_NAME && res[0].in_title,
          "'apple': the item named Apple comes first, a name match");
  tap_ok (find (n, "doc:d1#intro") == 1 && res[1].rank == SEARCH_BODY,
          "'apple': then the section that says it, a body match");
  tap_ok (n >= 2 && hl_is (&res[1], "apple")
          && strcmp (res[1].snippet, "Apples are red.") == 0,
          "the snippet is the matching text, the match highlighted");

  size_t m = search_query (ix, "en", "APPLE", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (m == n && strcmp (res[0].target, "item:fruits/apple") == 0,
          "'APPLE': case does not matter");
  m = search_query (ix, "en", "  aPpLe \t", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (m == n, "spaces around the query are ignored");

  n = search_query (ix, "en", "fruit", COLS, res, SEARCH_MAX_RESULTS);
  bool unique = true, ordered = true;
  for (size_t i = 0; i < n; i++)
    {
      if (find (i, res[i].target) >= 0)
        unique = false;
      if (i && res[i].rank < res[i - 1].rank)
        ordered = false;
    }
  tap_ok (n >= 3 && unique, "'fruit': one result per target (%zu)", n);
  tap_ok (ordered, "results come best rank first");
  tap_ok (find (n, "coll:fruits") == 0, "'fruit': the collection 'Fruits' "
          "first");
  tap_ok (find (n, "doc:d1") >= 0 && find (n, "doc:d1") < find (n,
                                                                "doc:d1#intro"),
          "a document title before a paragraph");

  n = search_query (ix, "en", "introduction", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (n == 1 && res[0].rank == SEARCH_HEADING
          && strcmp (res[0].target, "doc:d1#intro") == 0,
          "a heading match leads to its section");

  n = search_query (ix, "en", "tree", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (find (n, "item:fruits/apple") > find (n, "item:places/tree")
          && res[find (n, "item:fruits/apple")].rank == SEARCH_MENTION,
          "an item that refers to 'Tree' comes after the item Tree");

  n = search_query (ix, "en", "tests.", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (n == 1 && strcmp (res[0].target, "about") == 0
          && hl_is (&res[0], "tests."),
          "the last bytes of the index are found (About)");
  n = search_query (ix, "en", "tests. for the", COLS, res,
                    SEARCH_MAX_RESULTS);
  tap_ok (n == 1 && strcmp (res[0].target, "about") == 0,
          "words in any order: 'tests. for the' finds About alone");
  n = search_query (ix, "en", "a", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (n > 5, "a one-letter query (%zu targets)", n);

  n = search_query (ix, "en", "red apple", COLS, res, SEARCH_MAX_RESULTS);
  size_t m2 = search_query (ix, "en", "apple red", COLS, res + 1, 1);
  tap_ok (n == 2 && m2 == n && strcmp (res[0].target, "item:fruits/apple") == 0
          && strcmp (res[1].target, "item:fruits/apple") == 0,
          "'red apple' and 'apple red' find the same, the item first");
  tap_ok (res[0].in_title && hl_is (&res[0], "apple"),
          "its snippet is at the best hit, the name");
  n = search_query (ix, "en", "red apple", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (find (n, "doc:d1#intro") == 1, "then the section that says "
          "both in its body");
  n = search_query (ix, "en", "apple yellow", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (n == 1 && strcmp (res[0].target, "doc:d1#intro") == 0,
          "every word is needed: 'apple yellow' only where both are");
  tap_ok (search_query (ix, "en", "apple zzzq", COLS, res, 1) == 0,
          "a word found nowhere: no result");
  tap_ok (search_query (ix, "en", "apple  apple", COLS, res, 5) == 2,
          "a word twice counts once");

  n = search_query (ix, "en", "段落", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (n == 1 && strcmp (res[0].target, "doc:d1#more") == 0
          && hl_is (&res[0], "段落"), "Chinese '段落' is found in its "
          "section, highlighted");
  n = search_query (ix, "en", "中文的段落", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (n == 1 && res[0].hl_start == 0, "'中文的段落' at the start");
}

static void
test_hostile (struct search_index *ix)
{
  static const char *const literal[] = { ".*", "[(", "\\", "^", "$",
                                         "(a|b)", "%s%n", "*" };
  for (size_t i = 0; i < sizeof literal / sizeof *literal; i++)
    {
      size_t n = search_query (ix, "en", literal[i], COLS, res,
                               SEARCH_MAX_RESULTS);
      tap_ok (n == 0, "'%s' is literal text: no match", literal[i]);
    }
  size_t n = search_query (ix, "en", ".", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (n > 0 && hl_is (&res[0], "."), "'.' matches a full stop only");

  char *big = malloc (10001);
  memset (big, 'a', 10000);
  big[10000] = '\0';
  clock_t t0 = clock ();
  n = search_query (ix, "en", big, COLS, res, SEARCH_MAX_RESULTS);
  double ms = (double) (clock () - t0) * 1000.0 / CLOCKS_PER_SEC;
  tap_ok (n == 0 && ms < 50, "a 10,000-character query finds nothing, "
          "quickly (%.3f ms)", ms);
  memcpy (big, "apple", 5);
  n = search_query (ix, "en", big, COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (n == 0, "a long query that begins with a match finds nothing");
  free (big);

  tap_ok (search_query (ix, "en", "\xff\xfe", COLS, res,
                        SEARCH_MAX_RESULTS) == 0
          && !search_query_valid ("\xff\xfe"), "invalid UTF-8 is refused");
  tap_ok (search_query (ix, "en", "\xe6\xae", COLS, res,
                        SEARCH_MAX_RESULTS) == 0
          && !search_query_valid ("\xe6\xae"),
          "half a Chinese character is refused, not matched");
  tap_ok (search_query (ix, "en", "", COLS, res, SEARCH_MAX_RESULTS) == 0
          && search_query (ix, "en", "   ", COLS, res, SEARCH_MAX_RESULTS) == 0
          && !search_query_valid (" "), "an empty query finds nothing");
  tap_ok (search_query (ix, "en", "e", COLS, NULL, 0) > 0,
          "MAX 0 counts without storing");
}

/* Whether the N spans of R are the strings of WANT in TEXT, in order
   (NULL-terminated).  */
static bool
spans_are (const char *text, const struct prange *r, size_t n,
           const char *const *want)
{
  size_t k = 0, at = 0;
  for (; want[k]; k++)
    {
      const char *p = strstr (text + at, want[k]);
      if (k >= n || !p || r[k].start != (size_t) (p - text)
          || r[k].len != strlen (want[k]))
        return false;
      at = r[k].start + r[k].len;
    }
  return k == n;
}

/* A search's words found again in a page's text: every match.  */
static void
test_mark (struct search_index *ix)
{
  struct prange r[8];
  struct search_words *w = search_words_new (ix, "en", "red apple");
  const char *t1 = "Apples are red, and RED again.";
  size_t n = search_words_find_all (w, t1, r, 8), s, len;
  tap_ok (spans_are (t1, r, n, (const char *[]) { "Apple", "red", "RED",
                                                 NULL }),
          "find_all: every match of either word, either case, in order "
          "(%zu)", n);
  tap_ok (search_words_find (w, t1, &s, &len) && n && s == r[0].start
          && len == r[0].len, "the first is search_words_find's");
  n = search_words_find_all (w, t1, r, 2);
  tap_ok (n == 2 && r[1].start == 11, "at most MAX, the first ones");
  const char *t2 = "\xff red \xc3 ＲＥＤ Äpple\xe2\x82";
  n = search_words_find_all (w, t2, r, 8);
  tap_ok (spans_are (t2, r, n, (const char *[]) { "red", "ＲＥＤ", NULL }),
          "invalid bytes and fullwidth letters: the text's own bytes (%zu)",
          n);
  tap_ok (search_words_find_all (w, "", r, 8) == 0
          && search_words_find_all (w, NULL, r, 8) == 0
          && search_words_find_all (NULL, t1, r, 8) == 0
          && search_words_find_all (w, t1, r, 0) == 0,
          "nothing to look in, or for: none");
  search_words_free (w);
  w = search_words_new (ix, "en", "app pples les");
  const char *t3 = "apples, applesauce";
  n = search_words_find_all (w, t3, r, 8);
  tap_ok (spans_are (t3, r, n, (const char *[]) { "apples", "apples",
                                                 NULL }),
          "overlapping and touching matches are one span (%zu)", n);
  search_words_free (w);
  w = search_words_new (ix, "en", "a");
  char many[2001];
  memset (many, 'a', 2000);
  many[2000] = '\0';
  n = search_words_find_all (w, many, r, 8);
  tap_ok (n == 1 && r[0].start == 0 && r[0].len == 2000,
          "2000 matches in a row: one span");
  for (size_t i = 0; i < 2000; i += 2)
    many[i + 1] = ' ';
  n = search_words_find_all (w, many, r, 8);
  tap_ok (n == 8 && r[7].start == 14 && r[7].len == 1,
          "1000 apart: the first 8");
  search_words_free (w);
}

/* Every result of QUERY in LANG: a snippet within COLS columns, made
   of whole characters, its match inside it.  */
static bool
snippets_sound (struct search_index *ix, const char *lang, size_t cols,
                const char *query, size_t *count)
{
  size_t n = search_query (ix, lang, query, cols, res, SEARCH_MAX_RESULTS);
  *count = n;
  for (size_t i = 0; i < n && i < SEARCH_MAX_RESULTS; i++)
    {
      const struct search_result *r = &res[i];
      size_t len = strlen (r->snippet);
      bool ok = valid_utf8 (r->snippet)
                && text_width (r->snippet, len) <= cols
                && r->hl_start + r->hl_len <= len && r->hl_len > 0
                && valid_utf8 (r->title) && strchr (r->snippet, '\n') == NULL;
      if (ok && r->hl_len == strlen (query))
        {
          char *m = strndup (r->snippet + r->hl_start, r->hl_len);
          ok = m && valid_utf8 (m);
          free (m);
        }
      if (!ok)
        {
          printf ("# '%s' -> %s: '%s' [%zu+%zu]\n", query, r->target,
                  r->snippet, r->hl_start, r->hl_len);
          return false;
        }
    }
  return true;
}

/* snippets_sound for each of a set of words; *TOTAL results.  */
static bool
words_sound (struct search_index *ix, const char *lang, size_t cols,
             size_t *total)
{
  static const char *const words[] = {
    "e", "stem", "the", "cell", "osteo", "knee", "cost", "\"", "(", "-",
    "骨", "细胞", "的", "，", "injection", "therapy for", "fda"
  };
  bool all = true;
  *total = 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    {
      size_t c;
      all = snippets_sound (ix, lang, cols, words[i], &c) && all;
      *total += c;
    }
  return all;
}

/* The snippets of both languages, at the results page's width and at
   a narrower one: the width is the caller's.  Leaves zh_CN set.  */
static void
test_snippets (struct search_index *ix)
{
  bool narrow = true;
  size_t total, narrow_total = 0;
  for (int zh = 0; zh < 2; zh++)
    {
      const char *lang = zh ? "zh_CN" : "en";
      i18n_set_language (lang);
      bool all = words_sound (ix, lang, COLS, &total);
      tap_ok (all, "%s: %zu snippets: whole characters, at most %d "
              "columns, the match inside", lang, total, COLS);
      narrow = words_sound (ix, lang, NARROW_COLS, &total) && narrow;
      narrow_total += total;
    }
  tap_ok (narrow, "en and zh_CN: %zu snippets at most %d columns wide, "
          "as asked, whole characters, the match inside", narrow_total,
          NARROW_COLS);
}

/* The termbase's variants and the splitting of Chinese words.  */
static void
test_terms (struct content_pack *p, struct search_index *ix)
{
  const char *whole, *parts[8];
  char path[4096];
  snprintf (path, sizeof path, "%s/data", srcdir);
  size_t before = search_query (ix, "zh_CN", "关节疼痛", COLS, res, 1);
  bool read = load_terms (p, path);
  tap_ok (read && p->n_terms > 10, "the termbase is read (%zu terms)",
          p->n_terms);
  /* A new language, for the index to gather the terms again.  */
  search_query (ix, "en", "x", COLS, res, 1);
  size_t a = search_query (ix, "zh_CN", "关节痛", COLS, res, 1);
  size_t b = search_query (ix, "zh_CN", "关节疼痛", COLS, res, 1);
  tap_ok (a > 5 && a == b
          && search_split (ix, &whole, parts, 8) == 0,
          "the variant 关节疼痛 finds the %zu targets of 关节痛 (before the "
          "termbase, cut into parts: %zu)", a, before);
  b = search_query (ix, "zh_CN", "膝关节干细胞", COLS, res, 5);
  size_t k = search_split (ix, &whole, parts, 8);
  tap_ok (b > 0 && k == 2 && strcmp (whole, "膝关节干细胞") == 0
          && strcmp (parts[0], "膝关节") == 0
          && strcmp (parts[1], "干细胞") == 0,
          "膝关节干细胞, found nowhere as written, is 膝关节 and 干细胞 "
          "(%zu targets)", b);
  tap_ok (search_query (ix, "zh_CN", "骨質", COLS, res, 5) == 0
          && search_split (ix, &whole, parts, 8) == 0,
          "a character found nowhere: nothing, and no split said");
}

static void
test_real (void)
{
  struct content_pack *p = load ("data");
  tap_ok (p != NULL, "the real pack loads");
  if (!p)
    return;
  struct search_index *ix = search_index_build (p, "en");
  tap_ok (ix != NULL, "and is indexed");
  size_t n = search_query (ix, "en", "osteoporosis", COLS, res,
                           SEARCH_MAX_RESULTS);
  tap_ok (n > 1 && strcmp (res[0].target, "item:conditions/osteoporosis")
          == 0, "'osteoporosis': the condition comes first");
  n = search_query (ix, "en", "cost", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (find (n, "item:challenges/cost") == 0, "'cost': the challenge "
          "'Cost and insurance' comes first");
  n = search_query (ix, "en", "e", COLS, res, 5);
  tap_ok (n > 5 && res[4].target != NULL, "a common letter: %zu targets, "
          "5 stored", n);
  test_snippets (ix);
  const struct content_item *adsc = content_item (p, "cell-sources", "adsc");
  if (adsc && strcmp (C_ (adsc->name), adsc->name) != 0)
    {
      n = search_query (ix, "zh_CN", "脂肪", COLS, res, SEARCH_MAX_RESULTS);
      tap_ok (find (n, "item:cell-sources/adsc") == 0
              && res[0].rank == SEARCH_NAME && res[0].in_title,
              "zh_CN: '脂肪' finds the adipose-derived cells first, by name");
    }
  else
    tap_ok (1, "zh_CN: '脂肪' # SKIP the content is not translated");
  n = search_query (ix, "zh_CN", "adipose", COLS, res, SEARCH_MAX_RESULTS);
  tap_ok (n > 0, "zh_CN: English words are still found");
  test_terms (p, ix);
  i18n_set_language ("en");
  search_index_free (ix);
  content_free (p);
}

static void
test_fold (void)
{
  static const char text[] =
    "kind: document\nid: d\ntitle: ÄRZTE und Éléphant\nsource: s.txt\n"
    "sections:\n  - id: a\n    heading: ŁÓDŹ\n    blocks:\n"
    "      - p: ΑΘΗΝΑ and МОСКВА\n"
    "  - id: b\n    heading: Wide\n    blocks:\n"
    "      - p: Ｆｕｌｌｗｉｄｔｈ ＰＲＰ and Straße and ﬁne\n";
  struct diags d = { 0 };
  struct content_pack *p = load_pack_buffer ("t.yaml",
                                              (const unsigned char *) text,
                                              strlen (text), &d);
  tap_ok (p != NULL, "a pack with accented capitals loads");
  if (!p)
    {
      diag_print (&d, stdout);
      diag_free (&d);
      return;
    }
  struct search_index *ix = search_index_build (p, "en");
  tap_ok (search_query (ix, "en", "ärzte", COLS, res, 1) == 1
          && search_query (ix, "en", "ÉLÉPHANT", COLS, res, 1) == 1,
          "Latin-1 letters match either case");
  tap_ok (search_query (ix, "en", "łódź", COLS, res, 1) == 1,
          "Latin Extended-A too");
  tap_ok (search_query (ix, "en", "αθηνα", COLS, res, 1) == 1
          && search_query (ix, "en", "москва", COLS, res, 1) == 1,
          "basic Greek and Cyrillic too");
  tap_ok (search_query (ix, "en", "fullwidth", COLS, res, 1) == 1
          && strncmp (res[0].snippet + res[0].hl_start, "Ｆｕｌｌｗｉｄｔｈ",
                      res[0].hl_len) == 0
          && res[0].hl_len == strlen ("Ｆｕｌｌｗｉｄｔｈ"),
          "NFKC: 'fullwidth' finds fullwidth letters, highlighted whole");
  tap_ok (search_query (ix, "en", "prp", COLS, res, 1) == 1
          && search_query (ix, "en", "ＰＲＰ", COLS, res, 1) == 1,
          "'ＰＲＰ' and 'prp' find 'ＰＲＰ'");
  tap_ok (search_query (ix, "en", "STRASSE", COLS, res, 1) == 1
          && res[0].hl_len == strlen ("Straße")
          && strncmp (res[0].snippet + res[0].hl_start, "Straße",
                      res[0].hl_len) == 0,
          "full case folding: 'STRASSE' finds 'Straße', highlighted whole");
  tap_ok (search_query (ix, "en", "fine", COLS, res, 1) == 1
          && strncmp (res[0].snippet + res[0].hl_start, "ﬁne",
                      res[0].hl_len) == 0,
          "the ligature 'ﬁ' is 'fi'");
  tap_ok (search_query (ix, "en", "E\xcc\x81le\xcc\x81phant", COLS, res,
                       1) == 1,
          "a decomposed 'é' finds the composed one");
  search_index_free (ix);
  content_free (p);
  diag_free (&d);
}

static struct search_result res_b[SEARCH_MAX_RESULTS];

/* Whether QUERY finds the same in A (with word indexes) as in B
   (without: whole scans), in LANG: the results, in order, their
   snippets, and the parts a word was split into.  */
static bool
same_results (struct search_index *a, struct search_index *b,
              const char *lang, const char *query)
{
  size_t n = search_query (a, lang, query, COLS, res, SEARCH_MAX_RESULTS);
  size_t m = search_query (b, lang, query, COLS, res_b, SEARCH_MAX_RESULTS);
  const char *wa, *wb, *pa[8], *pb[8];
  size_t ka = search_split (a, &wa, pa, 8), kb = search_split (b, &wb, pb, 8);
  bool same = n == m && ka == kb && (!ka || strcmp (wa, wb) == 0);
  for (size_t i = 0; same && i < ka; i++)
    same = strcmp (pa[i], pb[i]) == 0;
  for (size_t i = 0; same && i < n && i < SEARCH_MAX_RESULTS; i++)
    {
      const struct search_result *x = &res[i], *y = &res_b[i];
      same = strcmp (x->target, y->target) == 0
             && strcmp (x->title, y->title) == 0 && x->rank == y->rank
             && x->in_title == y->in_title && x->title_hl == y->title_hl
             && strcmp (x->snippet, y->snippet) == 0
             && x->hl_start == y->hl_start && x->hl_len == y->hl_len;
    }
  if (!same)
    printf ("# %s: '%s': %zu results with the word index, %zu without\n",
            lang, query, n, m);
  return same;
}

/* Queries cut from S (the bytes from every 5th, 1 to 12 bytes long,
   whole characters): words, fragments, two words, punctuation, in
   the case written.  @retval the queries whose results differ.  */
typedef bool (*same_fn) (struct search_index *, struct search_index *,
                         const char *, const char *);

static size_t
same_cuts (struct search_index *a, struct search_index *b, const char *lang,
           const char *s, size_t *count, same_fn same)
{
  size_t bad = 0, len = strlen (s);
  for (size_t i = 0; i < len; i += 5)
    for (size_t k = 1; k <= 12 && i + k <= len; k += 1 + k / 3)
      {
        char q[16];
        if ((s[i] & 0xc0) == 0x80 || (s[i + k] & 0xc0) == 0x80)
          continue;
        memcpy (q, s + i, k);
        q[k] = '\0';
        ++*count;
        bad += !same (a, b, lang, q);
      }
  return bad;
}

/* The real pack, with its termbase, in zh_CN; NULL (a failed test
   point said) when it cannot be had.  */
static struct content_pack *
load_real_zh (void)
{
  struct content_pack *p = load ("data");
  char path[4096];
  snprintf (path, sizeof path, "%s/data", srcdir);
  if (!p || !load_terms (p, path) || !i18n_set_language ("zh_CN"))
    {
      tap_ok (0, "the real pack loads, with its termbase, in zh_CN");
      content_free (p);
      return NULL;
    }
  return p;
}

/* The word index changes how fast, not what, search finds: on the
   real pack, in English and in Chinese, queries cut from its
   documents' text and a few others find the same with it and with
   whole scans.  */
static void
test_same (void)
{
  static const char *const other[] = {
    "zqxj", "cel zqxj", "ＰＲＰ", "ｓｔｅｍ ｃｅｌｌ", "STEM", "Stem-cell",
    "e.g.", "(prp)", "-", "...", "knee,", "a b", "骨", "细胞", "膝关节",
    "间充质干细胞 软骨", "膝关节干细胞", "关节疼痛", "骨質", "ＰＲＰ 细胞",
  };
  struct content_pack *p = load_real_zh ();
  if (!p)
    return;
  struct search_index *a = search_index_build (p, "zh_CN");
  struct search_index *b = search_index_build (p, "zh_CN");
  tap_ok (a && b && a->en.vocab.voc && !a->cur.vocab.voc,
          "the English text has a word index; the Chinese one has none "
          "(its vocabulary would be most of it)");
  search_vocab_free (&b->en.vocab);
  search_vocab_free (&b->cur.vocab);
  size_t n = 0, bad = 0;
  for (int zh = 0; zh < 2; zh++)
    {
      const char *lang = zh ? "zh_CN" : "en";
      i18n_set_language (lang);
      for (size_t i = 0; i < p->n_docs; i++)
        for (size_t j = 0; j < p->docs[i]->n_sections; j += 3)
          {
            const struct content_section *s = &p->docs[i]->sections[j];
            for (size_t k = 0; k < s->n_blocks && k < 2; k++)
              if (s->blocks[k].text)
                bad += same_cuts (a, b, lang, C_ (s->blocks[k].text), &n,
                                  same_results);
          }
      for (size_t i = 0; i < sizeof other / sizeof *other; i++, n++)
        bad += !same_results (a, b, lang, other[i]);
    }
  tap_ok (n > 1000 && bad == 0, "%zu queries in en and zh_CN: the same "
          "results, snippets and splits with the word index as with "
          "whole scans (%zu differ)", n, bad);
  i18n_set_language ("en");
  search_index_free (a);
  search_index_free (b);
  content_free (p);
}


/* Whether the first page of QUERY, at most MAX results, is the same in
   A (a bounded search) as in res_b (a whole one, which found M
   targets),
   result for result, with the same snippets; and A's count is M, or
   it says "more" only when M is over MAX, with a count over MAX and
   at most M.  */
static bool
same_page (struct search_index *a, const char *lang, const char *query,
           size_t m, size_t max)
{
  size_t n = search_query (a, lang, query, COLS, res, max);
  bool more = search_more (a);
  bool same = more ? m > max && n > max && n <= m : n == m;
  for (size_t i = 0; same && i < max && i < m; i++)
    {
      const struct search_result *x = &res[i], *y = &res_b[i];
      same = strcmp (x->target, y->target) == 0 && x->rank == y->rank
             && x->in_title == y->in_title && x->title_hl == y->title_hl
             && strcmp (x->snippet, y->snippet) == 0
             && x->hl_start == y->hl_start && x->hl_len == y->hl_len;
    }
  if (!same)
    printf ("# %s: '%s', %zu shown: %zu%s results bounded, %zu whole\n",
            lang, query, max, n, more ? " and more" : "", m);
  return same;
}

/* How many bounded searches stopped early, of how many.  */
static size_t n_more, n_bounded;

/* Whether QUERY's first page is the same bounded (A) and whole (B),
   for pages of 0, 1, 3, 10 and SEARCH_MAX_RESULTS results, and of
   one less than, as many as and one more than B finds.  */
static bool
same_bounded (struct search_index *a, struct search_index *b,
              const char *lang, const char *query)
{
  size_t m = search_query (b, lang, query, COLS, res_b, SEARCH_MAX_RESULTS);
  size_t max[] = { 0, 1, 3, 10, SEARCH_MAX_RESULTS, m ? m - 1 : 0, m, m + 1 };
  bool same = !search_more (b);
  for (size_t i = 0; same && i < sizeof max / sizeof *max; i++)
    if (max[i] <= SEARCH_MAX_RESULTS)
      {
        same = same_page (a, lang, query, m, max[i]);
        n_bounded++;
        n_more += search_more (a);
      }
  return same;
}

/* The bounded search changes how much is counted, not what is shown:
   on the real pack, with every query bounded (windows of 1 and of 7
   targets, and a scan that goes on in the strings the word index
   names after 100 bytes), in English and in Chinese, queries cut from its documents'
   text find the same first page as a whole search, and say "more"
   only when there are more.  */
static void
test_bounded (void)
{
  static const char *const other[] = {
    "the", "a", "e", "cell", "stem cell", "the of", "cel zqxj", "zqxj",
    "ＰＲＰ", "knee pain", "-", "骨", "细胞", "关节疼痛", "间充质干细胞 软骨",
    "ＰＲＰ 细胞", "the 细胞", "膝关节干细胞",
  };
  struct content_pack *p = load_real_zh ();
  if (!p)
    return;
  struct search_index *a = search_index_build (p, "zh_CN");
  struct search_index *b = search_index_build (p, "zh_CN");
  tap_ok (a && b && a->en.tier[SEARCH_NAME].n && a->cur.tier[SEARCH_NAME].n
          && a->en.tier[SEARCH_HEADING].n,
          "the names and headings are kept apart, in English and Chinese");
  if (!a || !b)
    return;
  a->bound_min = 0;
  b->bound_min = SIZE_MAX;
  size_t n = 0, bad = 0;
  for (int round = 0; round < 3; round++)
    {
      a->bound_window = round == 1 ? 7 : 1;
      /* The third, a scan of the body gives up after 100 bytes.  */
      a->bound_budget = round == 2 ? 100 : SEARCH_BOUND_BUDGET;
      for (int zh = 0; zh < 2; zh++)
        {
          const char *lang = zh ? "zh_CN" : "en";
          i18n_set_language (lang);
          for (size_t i = 0; i < p->n_docs; i++)
            for (size_t j = round; j < p->docs[i]->n_sections; j += 7)
              {
                const struct content_section *s = &p->docs[i]->sections[j];
                if (s->n_blocks && s->blocks[0].text)
                  bad += same_cuts (a, b, lang, C_ (s->blocks[0].text), &n,
                                    same_bounded);
              }
          for (size_t i = 0; i < sizeof other / sizeof *other; i++, n++)
            bad += !same_bounded (a, b, lang, other[i]);
        }
    }
  tap_ok (n > 1000 && bad == 0 && n_more > 1000 && n_more < n_bounded,
          "%zu queries in en and zh_CN, %zu pages: a bounded search shows "
          "the first page of a whole one, and says \"more\" (%zu times) "
          "only when there are more (%zu differ)", n, n_bounded, n_more,
          bad);
  i18n_set_language ("en");
  search_index_free (a);
  search_index_free (b);
  content_free (p);
}

/* Whether page PG has a block whose text is S.  */
static bool
page_says (const struct page *pg, const char *s)
{
  for (size_t i = 0; i < pg->n; i++)
    if (pg->blocks[i].text && strcmp (pg->blocks[i].text, s) == 0)
      return true;
  return false;
}

/* The results page of a bounded search says "More than 200 results"
   when it stopped early (there are more), and the count when it did
   not (there are not), and that the first 200 are shown only when
   there are more: a pack of
   THINGS items named "Thing N", written to a temporary directory.  */
static void
test_bounded_page (size_t things, const char *says)
{
  char dir[] = "/tmp/unit-search-XXXXXX", path[64];
  FILE *f = mkdtemp (dir) ? fopen (strcat (strcpy (path, dir), "/p.yaml"),
                                   "w") : NULL;
  if (f)
    {
      fputs ("kind: pack\ntitle: Things\nreviewed: 2026-12-04\n"
             "disclaimer: Test claims.\nmenu: [things]\n", f);
      fclose (f);
      f = fopen (strcat (strcpy (path, dir), "/c.yaml"), "w");
    }
  if (f)
    {
      fputs ("kind: collection\nid: things\ntitle: Many\nuntraced: true\n"
             "items:\n", f);
      for (size_t i = 0; i < things; i++)
        fprintf (f, "  - id: t%zu\n    name: Thing %zu\n    summary: A.\n",
                 i, i);
      fclose (f);
    }
  struct diags d = { 0 };
  struct content_pack *p = f ? load_pack (dir, &d) : NULL;
  diag_print (&d, stdout);
  diag_free (&d);
  struct search_index *ix = p ? search_index_build (p, "en") : NULL;
  struct page pg = { 0 };
  if (ix)
    {
      ix->bound_min = 0;
      struct view_search vs = { ix, true };
      struct view_ctx ctx = { p, VIEW_PLAIN, false, &vs };
      view_build (&pg, &ctx, "search:thing");
    }
  tap_ok (ix && page_says (&pg, says)
          && page_says (&pg, "The first 200 are shown.") == (things > 200)
          && search_more (ix) == (strncmp (says, "More", 4) == 0),
          "%zu things: the results page says \"%s\"", things, says);
  page_free (&pg);
  search_index_free (ix);
  content_free (p);
  unlink (strcat (strcpy (path, dir), "/p.yaml"));
  unlink (strcat (strcpy (path, dir), "/c.yaml"));
  rmdir (dir);
}

int
main (void)
{
  char locale[4096];
  srcdir = getenv ("top_srcdir");
  builddir = getenv ("top_builddir");
  if (!srcdir)
    srcdir = ".";
  if (!builddir)
    builddir = ".";
  snprintf (locale, sizeof locale, "%s/locale", builddir);
  i18n_init (locale, "en");
  struct content_pack *p = load ("tests/data/good");
  tap_ok (p != NULL, "the good pack loads");
  struct search_index *ix = p ? search_index_build (p, "en") : NULL;
  tap_ok (ix != NULL, "and is indexed");
  if (ix)
    {
      test_good (ix);
      test_hostile (ix);
      test_mark (ix);
    }
  search_index_free (ix);
  content_free (p);
  test_fold ();
  test_real ();
  test_same ();
  test_bounded ();
  test_bounded_page (400, "More than 200 results");
  test_bounded_page (201, "More than 200 results");
  test_bounded_page (200, "200 results");
  return tap_done ();
}
