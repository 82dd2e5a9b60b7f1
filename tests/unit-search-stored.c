/* unit-search-stored.c - the search with the index stored in pack.bin
   (src/view/search_stored.h: each string's target, rank and text, each
   target's location, title and context, read where they are in the
   image) finds exactly what the search finds with the index built by
   walking the pack: the same results, in order, the same titles,
   contexts, snippets and highlights, and the same "more", on the
   bundled pack in English and in Chinese and on a generated pack,
   whole and bounded.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "load.h"
#include "load_terms.h"
#include "packfile.h"
#include "search.h"
#include "search_blob.h"
#include "search_int.h"
#include "tap.h"

#define COLS 60
#define HASH 1

static const char *srcdir;
static struct search_result res_a[SEARCH_MAX_RESULTS];
static struct search_result res_b[SEARCH_MAX_RESULTS];

/* The pack in DIR (under srcdir when not absolute), from its YAML.  */
static struct content_pack *
load (const char *dir)
{
  char path[4096];
  struct diags d = { 0 };
  snprintf (path, sizeof path, "%s/%s", dir[0] == '/' ? "" : srcdir, dir);
  struct content_pack *p = load_pack (path, &d);
  if (!p)
    diag_print (&d, stdout);
  diag_free (&d);
  return p;
}

/* P compiled as pinav-packc compiles it (the image read back, indexed
   by walking it, the index attached), read back with its index.  */
static struct content_pack *
compiled (const struct content_pack *p)
{
  size_t len = 0, blen = 0;
  unsigned char *img = packfile_encode (p, HASH, &len);
  struct content_pack *back = img ? packfile_decode (img, len, HASH) : NULL;
  struct search_index *ix = back ? search_index_build (back, "en") : NULL;
  unsigned char *blob = ix ? search_blob_make (ix, &blen) : NULL;
  search_index_free (ix);
  content_free (back);
  unsigned char *with = blob ? packfile_attach_search (img, &len, blob, blen)
                        : NULL;
  free (blob);
  struct content_pack *c = with ? packfile_decode (with, len, HASH) : NULL;
  free (with ? with : img);
  return c;
}

/* Whether QUERY finds the same in A and B, in LANG, pages of MAX.  */
static bool
same (struct search_index *a, struct search_index *b, const char *lang,
      const char *query, size_t max)
{
  size_t n = search_query (a, lang, query, COLS, res_a, max);
  bool more = search_more (a);
  size_t m = search_query (b, lang, query, COLS, res_b, max);
  bool ok = n == m && more == search_more (b);
  for (size_t i = 0; ok && i < n && i < max; i++)
    {
      const struct search_result *x = &res_a[i], *y = &res_b[i];
      ok = strcmp (x->target, y->target) == 0
           && strcmp (x->title, y->title) == 0
           && (x->context == y->context
               || (x->context && y->context
                   && strcmp (x->context, y->context) == 0))
           && x->rank == y->rank && x->in_title == y->in_title
           && x->title_hl == y->title_hl
           && strcmp (x->snippet, y->snippet) == 0
           && x->hl_start == y->hl_start && x->hl_len == y->hl_len;
    }
  if (!ok)
    printf ("# %s: '%s': %zu results stored, %zu walked\n", lang, query, n,
            m);
  return ok;
}

/* Queries cut from S (from every 7th byte, 1 to 10 bytes, whole
   characters), each in pages of SEARCH_MAX_RESULTS and of 3.
   @retval those that differ; *COUNT counts them all.  */
static size_t
cuts (struct search_index *a, struct search_index *b, const char *lang,
      const char *s, size_t *count)
{
  size_t bad = 0, len = strlen (s);
  for (size_t i = 0; i < len; i += 7)
    for (size_t k = 1; k <= 12 && i + k <= len; k += 1 + k / 3)
      {
        char q[16];
        if ((s[i] & 0xc0) == 0x80 || (s[i + k] & 0xc0) == 0x80)
          continue;
        memcpy (q, s + i, k);
        q[k] = '\0';
        *count += 2;
        bad += !same (a, b, lang, q, SEARCH_MAX_RESULTS);
        bad += !same (a, b, lang, q, 3);
      }
  return bad;
}

/* Queries cut from P's documents' first blocks and item summaries, and
   OTHER, in LANG.  */
static size_t
cuts_of (struct search_index *a, struct search_index *b, const char *lang,
         const struct content_pack *p, const char *const *other,
         size_t *count)
{
  size_t bad = 0;
  for (size_t i = 0; i < p->n_docs; i++)
    for (size_t j = 0; j < p->docs[i]->n_sections; j += 5)
      {
        const struct content_section *s = &p->docs[i]->sections[j];
        if (s->n_blocks && s->blocks[0].text)
          bad += cuts (a, b, lang, C_ (s->blocks[0].text), count);
      }
  for (size_t i = 0; i < p->n_colls; i++)
    {
      size_t n;
      const struct content_item *it = content_coll_items (p->colls[i], &n);
      for (size_t j = 0; j < n; j += 9)
        if (it[j].summary)
          bad += cuts (a, b, lang, C_ (it[j].summary), count);
    }
  for (; *other; other++, *count += 1)
    bad += !same (a, b, lang, *other, SEARCH_MAX_RESULTS);
  return bad;
}

/* The bundled pack, with its termbase, stored (A) and walked (B): in
   English first (A walks nothing), then in Chinese (A walks the pack
   for the Chinese text, its English still the stored one).  */
static void
test_bundled (void)
{
  static const char *const other[] = {
    "the", "e", "stem cell", "knee pain", "osteoarthritis", "cost",
    "zqxj", "ＰＲＰ", "(", "骨", "细胞", "膝关节干细胞", "间充质干细胞 软骨",
    "the 细胞", NULL,
  };
  char path[4096];
  snprintf (path, sizeof path, "%s/data", srcdir);
  struct content_pack *p = load ("data");
  struct content_pack *c = p ? compiled (p) : NULL;
  if (!c || !load_terms (p, path) || !load_terms (c, path))
    {
      tap_ok (0, "the bundled pack loads, compiled and not, with its "
              "termbase");
      return;
    }
  struct search_index *a = search_index_build (c, "en");
  struct search_index *b = search_index_build (p, "en");
  tap_ok (a && b && search_index_compiled (a) && !search_index_compiled (b)
          && !a->entries && !a->targets, "compiled, its index is read "
          "from pack.bin, the pack not walked");
  if (!a || !b)
    return;
  size_t n = 0, bad = cuts_of (a, b, "en", p, other, &n);
  tap_ok (n > 1000 && bad == 0 && !a->entries && search_index_compiled (a),
          "%zu queries in English: the same results, titles, contexts, "
          "snippets and highlights stored as walked, nothing walked (%zu "
          "differ)", n, bad);
  i18n_set_language ("zh_CN");
  n = 0;
  bad = cuts_of (a, b, "zh_CN", p, other, &n);
  tap_ok (n > 500 && bad == 0 && search_index_compiled (a),
          "%zu queries in Chinese: the same (%zu differ)", n, bad);
  i18n_set_language ("en");
  search_index_free (a);
  search_index_free (b);
  content_free (c);
  content_free (p);
}

/* A pseudo-word: syllables from the generator at *R.  */
static void
word (char *w, unsigned *r)
{
  static const char *const syl[] = { "ka", "lo", "mi", "ne", "ru", "ta",
                                     "vo", "si", "pe", "do", "an", "el" };
  int n = 1 + (int) (*r >> 7) % 3;
  w[0] = '\0';
  for (int i = 0; i < n; i++)
    {
      *r = *r * 1103515245u + 12345u;
      strcat (w, syl[(*r >> 9) % 12]);
    }
}

/* Words of the generator at *R, N of them, into F.  */
static void
words (FILE *f, unsigned *r, int n)
{
  char w[16];
  for (int i = 0; i < n; i++)
    {
      word (w, r);
      fprintf (f, "%s%s", i ? " " : "", w);
    }
}

/* A generated pack in DIR: THINGS items with a text, a list and
   references (mentions), PARTS items they refer to, and a document of
   SECS sections of paragraphs and lists.  */
static bool
generate (const char *dir, int things, int parts, int secs)
{
  char path[4096];
  unsigned r = 7;
  snprintf (path, sizeof path, "%s/p.yaml", dir);
  FILE *f = fopen (path, "w");
  if (!f)
    return false;
  fputs ("kind: pack\ntitle: Generated\nreviewed: 2026-12-05\n"
         "disclaimer: Generated claims.\nabout: [Made by a test.]\n"
         "menu: [things]\n", f);
  fclose (f);
  snprintf (path, sizeof path, "%s/c.yaml", dir);
  f = fopen (path, "w");
  if (!f)
    return false;
  fputs ("kind: collection\nid: things\ntitle: Many things\nintro: Kalo "
         "mine.\nuntraced: true\nattributes:\n  - id: note\n    label: Note\n"
         "    type: text\n  - id: uses\n    label: Uses\n    type: list\n"
         "  - id: parts\n    label: Parts\n    type: refs\n"
         "    collection: parts\nitems:\n", f);
  for (int i = 0; i < things; i++)
    {
      fprintf (f, "  - id: t%d\n    name: Thing %d ", i, i);
      words (f, &r, 2);
      fputs ("\n    summary: ", f);
      words (f, &r, 8);
      fputs ("\n    attrs:\n      note: ", f);
      words (f, &r, 4);
      fputs ("\n      uses: [", f);
      words (f, &r, 1);
      fputs (", ", f);
      words (f, &r, 2);
      fprintf (f, "]\n      parts: [p%d, p%d]\n", i % parts, (i * 7) % parts);
    }
  if (fclose (f) != 0)
    return false;
  snprintf (path, sizeof path, "%s/parts.yaml", dir);
  f = fopen (path, "w");
  if (!f)
    return false;
  fputs ("kind: collection\nid: parts\ntitle: Parts\nuntraced: true\n"
         "items:\n", f);
  for (int i = 0; i < parts; i++)
    {
      fprintf (f, "  - id: p%d\n    name: Part ", i);
      words (f, &r, 2);
      fputs ("\n    summary: ", f);
      words (f, &r, 3);
      fputs ("\n", f);
    }
  if (fclose (f) != 0)
    return false;
  snprintf (path, sizeof path, "%s/d.yaml", dir);
  f = fopen (path, "w");
  if (!f)
    return false;
  fputs ("kind: document\nid: g\ntitle: Generated notes\nsource: g.txt\n"
         "sections:\n", f);
  for (int i = 0; i < secs; i++)
    {
      fprintf (f, "  - id: s%d\n    heading: ", i);
      words (f, &r, 3);
      fputs ("\n    blocks:\n      - p: ", f);
      words (f, &r, 12);
      fputs ("\n      - ul: [", f);
      words (f, &r, 3);
      fputs (", ", f);
      words (f, &r, 2);
      fputs ("]\n", f);
    }
  return fclose (f) == 0;
}

/* The generated pack, stored and walked, whole and bounded.  */
static void
test_generated (void)
{
  static const char *const other[] = {
    "thing", "thing 1", "part", "ka", "kalo", "mine", "note", "uses",
    "generated", "made", "lo ka", "ta vo si", "zqxj", NULL,
  };
  char dir[] = "/tmp/unit-search-stored-XXXXXX", path[4096];
  bool made = mkdtemp (dir) && generate (dir, 400, 37, 300);
  struct content_pack *p = made ? load (dir) : NULL;
  struct content_pack *c = p ? compiled (p) : NULL;
  struct search_index *a = c ? search_index_build (c, "en") : NULL;
  struct search_index *b = p ? search_index_build (p, "en") : NULL;
  tap_ok (a && b && search_index_compiled (a) && !a->entries,
          "a generated pack (400 items with texts, lists and mentions, 300 "
          "sections): compiled, its index read from pack.bin");
  size_t n = 0, bad = 0;
  for (int bound = 0; a && b && bound < 2; bound++)
    {
      a->bound_min = b->bound_min = bound ? 0 : SIZE_MAX;
      a->bound_window = b->bound_window = 7;
      bad += cuts_of (a, b, "en", p, other, &n);
    }
  tap_ok (n > 1000 && bad == 0 && a && !a->entries, "%zu queries, whole "
          "and bounded: the same stored as walked (%zu differ)", n, bad);
  search_index_free (a);
  search_index_free (b);
  content_free (c);
  content_free (p);
  static const char *const files[] = { "p", "c", "parts", "d" };
  for (size_t i = 0; i < sizeof files / sizeof *files; i++)
    {
      snprintf (path, sizeof path, "%s/%s.yaml", dir, files[i]);
      unlink (path);
    }
  rmdir (dir);
}

int
main (void)
{
  char locale[4096];
  const char *builddir = getenv ("top_builddir");
  srcdir = getenv ("top_srcdir");
  if (!srcdir)
    srcdir = ".";
  snprintf (locale, sizeof locale, "%s/locale", builddir ? builddir : ".");
  i18n_init (locale, "en");
  test_bundled ();
  test_generated ();
  return tap_done ();
}
