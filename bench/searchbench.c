/* searchbench.c - how long a search takes: getting the index once
   (read from the compiled pack.bin when DIR has a valid one, as pinav
   does, and built from the strings, for comparison), then 100
   queries, each timed on its own (the median of 3 rounds), as
   search_query alone and as the whole results page (view_build of
   "search:QUERY", what a reader waits for).

   The queries come from the pack itself, so that any pack can be used:
   60 words and 20 two-word queries taken from its text at fixed
   pseudo-random places, 10 fragments of 2 or 3 letters (many hits) and
   10 words it does not contain (a full scan with no hit).

   With LOCALEDIR (the build tree's locale/), the pack's termbase is
   read and 12 Chinese queries are timed in zh_CN too: terms, a
   termbase variant, words cut into parts, and a miss.

   With --first, only the first search of a process that has just
   loaded DIR, as a reader meets it: the index set up, then the results
   page of QUERY, then the same page again; nothing else of the pack
   is read first (the 100 queries are taken from the pack's text, which
   reads all of it).

   usage: searchbench DIR [LOCALEDIR]
          searchbench --first DIR QUERY
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchutil.h"
#include "content.h"
#include "diag.h"
#include "i18n.h"
#include "load.h"
#include "load_terms.h"
#include "packfile.h"
#include "search.h"
#include "view.h"

#define N_QUERIES 100
#define ROUNDS 3
#define SNIPPET_COLS 60         /* as on the results page */

static uint64_t rng_state = 0x2545f4914f6cdd1dULL;

static uint64_t
rng (void)
{
  return bench_rng (&rng_state);
}

/* Every paragraph of the pack's documents, and every item summary.  */
static const char **texts;
static size_t n_texts;

static void
collect_texts (const struct content_pack *p)
{
  /* Through the accessors: a compiled pack's documents and
     collections are decoded when first reached.  */
  for (size_t i = 0; i < p->n_docs; i++)
    {
      size_t n_secs;
      const struct content_section *secs
        = content_doc_sections (p->docs[i], &n_secs);
      for (size_t j = 0; j < n_secs; j++)
        for (size_t k = 0; k < secs[j].n_blocks; k++)
          {
            const struct content_block *b = &secs[j].blocks[k];
            if (b->kind == BLOCK_PARA && b->text)
              {
                texts = bench_xrealloc (texts,
                                        (n_texts + 1) * sizeof *texts);
                texts[n_texts++] = b->text;
              }
          }
    }
  for (size_t i = 0; i < p->n_colls; i++)
    {
      size_t n_items;
      const struct content_item *items
        = content_coll_items (p->colls[i], &n_items);
      for (size_t j = 0; j < n_items; j++)
        {
          texts = bench_xrealloc (texts, (n_texts + 1) * sizeof *texts);
          texts[n_texts++] = items[j].summary;
        }
    }
  if (!n_texts)
    bench_die ("searchbench: the pack has no text to take queries from");
}

/* WORDS words (letters only) from a random place of a random text;
   false when that place has too few.  */
static bool
take_words (char *out, size_t size, int words, size_t min_len)
{
  const char *t = texts[rng () % n_texts];
  size_t len = strlen (t), at = len ? rng () % len : 0, n = 0;
  while (at > 0 && t[at - 1] != ' ')
    at--;
  for (int w = 0; w < words; w++)
    {
      size_t k = 0;
      while (t[at] == ' ')
        at++;
      if (w && n + 1 < size)
        out[n++] = ' ';
      while ((t[at] | 0x20) >= 'a' && (t[at] | 0x20) <= 'z' && n + 1 < size)
        out[n++] = t[at++], k++;
      if (k < min_len)
        return false;
      while (t[at] && t[at] != ' ')
        at++;
    }
  out[n] = '\0';
  return true;
}

static void
make_queries (char q[N_QUERIES][64])
{
  static const char *const misses[] = {
    "zqxjv", "xylophonic", "qwertzuiop", "nonexistentword", "vvvvvv",
    "bzzkt", "jjjqqq", "flurbish", "xqz kwv", "mmmzzzx",
  };
  int n = 0;
  while (n < 60)
    n += take_words (q[n], 64, 1, 4);
  while (n < 80)
    n += take_words (q[n], 64, 2, 2);
  while (n < 90)
    if (take_words (q[n], 64, 1, 3))
      q[n][2 + (rng () & 1)] = '\0', n++;
  for (int i = 0; i < 10; i++)
    snprintf (q[n++], 64, "%s", misses[i]);
}

/* Time query Q (the median of ROUNDS each): search_query alone into
   *T_QUERY, the results page built in CTX into *T_PAGE, in ms.
   @retval the targets it found.  */
static size_t
time_query (struct search_index *ix, const struct view_ctx *ctx,
            const char *q, double *t_query, double *t_page)
{
  static struct search_result res[SEARCH_MAX_RESULTS];
  double round[ROUNDS];
  size_t found = 0;
  for (int r = 0; r < ROUNDS; r++)
    {
      double a = bench_now ();
      found = search_query (ix, "en", q, SNIPPET_COLS, res,
                            SEARCH_MAX_RESULTS);
      round[r] = (bench_now () - a) * 1000;
    }
  *t_query = bench_median (round, ROUNDS);
  char loc[80];
  snprintf (loc, sizeof loc, "search:%s", q);
  for (int r = 0; r < ROUNDS; r++)
    {
      struct page pg;
      double a = bench_now ();
      view_build (&pg, ctx, loc);
      round[r] = (bench_now () - a) * 1000;
      page_free (&pg);
    }
  *t_page = bench_median (round, ROUNDS);
  return found;
}

/* The slowest queries (results page at or over p95), for a profile,
   into SLOW (SIZE bytes).  */
static void
slowest (char q[N_QUERIES][64], const double *t_page, char *slow,
         size_t size)
{
  /* bench_pct sorts its array.  */
  double sorted[N_QUERIES];
  memcpy (sorted, t_page, sizeof sorted);
  double cut = bench_pct (sorted, N_QUERIES, 95);
  *slow = '\0';
  for (int i = 0, n = 0; i < N_QUERIES; i++)
    if (t_page[i] >= cut && n < (int) size - 100)
      n += snprintf (slow + n, size - (size_t) n, " \"%s\" %.2f ms",
                     q[i], t_page[i]);
}

/* How long the index of P takes to build without the one compiled
   into its image, in ms.  */
static double
time_build (struct content_pack *p)
{
  const unsigned char *blob = p->search_blob;
  p->search_blob = NULL;
  double t0 = bench_now ();
  struct search_index *ix = search_index_build (p, "en");
  double t = (bench_now () - t0) * 1000;
  p->search_blob = blob;
  if (!ix)
    bench_die ("searchbench: out of memory");
  search_index_free (ix);
  return t;
}

/* The Chinese queries, in zh_CN, each the median of ROUNDS.  */
static void
time_chinese (struct search_index *ix, const char *dir)
{
  static const char *const zh[] = {
    "骨质疏松症", "关节痛", "关节疼痛", "膝关节", "膝关节干细胞",
    "干细胞膝关节", "富血小板血浆", "ＰＲＰ", "间充质干细胞 软骨",
    "骨", "细胞", "膝骨質",
  };
  enum { N_ZH = sizeof zh / sizeof *zh };
  static struct search_result res[SEARCH_MAX_RESULTS];
  double t[N_ZH], round[ROUNDS];
  struct content_pack *p = (struct content_pack *) search_index_pack (ix);
  if (!load_terms (p, dir) || !i18n_set_language ("zh_CN"))
    bench_die ("searchbench: no termbase or no zh_CN");
  search_query (ix, "zh_CN", "x", SNIPPET_COLS, res, 1);
  for (int i = 0; i < N_ZH; i++)
    {
      for (int r = 0; r < ROUNDS; r++)
        {
          double a = bench_now ();
          search_query (ix, "zh_CN", zh[i], SNIPPET_COLS, res,
                        SEARCH_MAX_RESULTS);
          round[r] = (bench_now () - a) * 1000;
        }
      t[i] = bench_median (round, ROUNDS);
    }
  printf ("  zh_CN, %d queries: search_query median %7.3f ms  p90 %7.3f  "
          "max %7.3f\n", N_ZH, bench_median (t, N_ZH), bench_pct (t, N_ZH, 90),
          bench_pct (t, N_ZH, 100));
}

/* The first search in DIR, for QUERY (see the top): print its times.  */
static int
first_search (const char *dir, const char *query)
{
  struct diags diags = { 0 };
  double t0 = bench_now ();
  struct content_pack *p = packfile_load (dir, NULL, &diags);
  diag_print (&diags, stderr);
  diag_free (&diags);
  if (!p)
    bench_die ("searchbench: %s has no usable pack.bin", dir);
  double t1 = bench_now ();
  struct search_index *ix = search_index_build (p, "en");
  double t2 = bench_now ();
  if (!ix)
    bench_die ("searchbench: out of memory");
  struct view_search vs = { ix, true };
  struct view_ctx ctx = { p, VIEW_TUI, false, &vs };
  char loc[80];
  double t[2];
  snprintf (loc, sizeof loc, "search:%s", query);
  for (int r = 0; r < 2; r++)
    {
      struct page pg;
      double a = bench_now ();
      view_build (&pg, &ctx, loc);
      t[r] = (bench_now () - a) * 1000;
      page_free (&pg);
    }
  printf ("first search %s \"%s\": load %.1f ms; index %s in %.1f ms; "
          "results page %.1f ms (again %.3f ms); first search %.1f ms\n",
          dir, query, (t1 - t0) * 1000,
          search_index_compiled (ix) ? "read from pack.bin" : "built",
          (t2 - t1) * 1000, t[0], t[1], (t2 - t1) * 1000 + t[0]);
  search_index_free (ix);
  content_free (p);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc == 4 && strcmp (argv[1], "--first") == 0)
    return first_search (argv[2], argv[3]);
  static char q[N_QUERIES][64];
  double t_query[N_QUERIES], t_page[N_QUERIES];
  size_t hits = 0, zero = 0;
  if (argc != 2 && argc != 3)
    {
      fputs ("usage: searchbench DIR [LOCALEDIR]\n"
             "       searchbench --first DIR QUERY\n", stderr);
      return 2;
    }
  if (argc == 3)
    i18n_init (argv[2], "en");
  struct diags diags = { 0 };
  /* As pinav loads it: the compiled image when there is one.  */
  struct content_pack *p = packfile_load (argv[1], NULL, &diags);
  if (!p)
    p = load_pack (argv[1], &diags);
  diag_print (&diags, stderr);
  diag_free (&diags);
  if (!p)
    bench_die ("searchbench: %s does not load", argv[1]);
  double t_build = time_build (p);
  double t0 = bench_now ();
  struct search_index *ix = search_index_build (p, "en");
  double t_ready = (bench_now () - t0) * 1000;
  if (!ix)
    bench_die ("searchbench: out of memory");
  struct view_search vs = { ix, true };
  struct view_ctx ctx = { p, VIEW_TUI, false, &vs };
  collect_texts (p);
  make_queries (q);
  for (int i = 0; i < N_QUERIES; i++)
    {
      size_t found = time_query (ix, &ctx, q[i], &t_query[i], &t_page[i]);
      hits += found;
      zero += found == 0;
    }
  char slow[2048];
  slowest (q, t_page, slow, sizeof slow);
  printf ("search %s: index %s in %.1f ms (built: %.1f ms); %d queries "
          "(60 words, 20 two-word, 10 fragments, 10 misses; %zu targets "
          "found, %zu queries found nothing)\n", argv[1],
          search_index_compiled (ix) ? "read from pack.bin" : "built",
          t_ready, t_build, N_QUERIES, hits, zero);
  printf ("  search_query     median %7.3f ms  p90 %7.3f  max %7.3f\n",
          bench_median (t_query, N_QUERIES),
          bench_pct (t_query, N_QUERIES, 90),
          bench_pct (t_query, N_QUERIES, 100));
  printf ("  results page     median %7.3f ms  p90 %7.3f  max %7.3f\n",
          bench_median (t_page, N_QUERIES),
          bench_pct (t_page, N_QUERIES, 90),
          bench_pct (t_page, N_QUERIES, 100));
  printf ("  slowest (results page >= p95):%s\n", slow);
  if (argc == 3)
    time_chinese (ix, argv[1]);
  search_index_free (ix);
  content_free (p);
  free (texts);
  return 0;
}
