/* genpack.c - write a large, valid content pack for the benchmarks:
   by default 10,000 collection items and 10,000 document sections,
   about 20 MB of YAML, split over files well under the loader's 32 MiB
   per-file cap: at most MAX_SECS sections a document and MAX_ITEMS
   items a collection, more documents and collections for more (a 1 GB
   pack: genpack DIR 500000 500000).  The text is made of pseudo-words from a fixed seed, so
   every run writes the same bytes.

   usage: genpack DIR [ITEMS SECTIONS]
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "benchutil.h"

#define N_COLLS 8               /* at least so many topic collections,
                                   besides the glossary */
#define N_DOCS 20               /* and documents */
#define MAX_COLLS 999
#define MAX_ITEMS 12500         /* a collection's, about 15 MB of YAML */
#define MAX_SECS 5000           /* a document's, about 6 MB */
#define N_GLOSS 300             /* glossary terms (part of ITEMS) */
#define N_WORDS 4096            /* the vocabulary */
#define WRAP 72                 /* YAML text lines wrap here */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
static char words[N_WORDS][16];
static char gloss_name[N_GLOSS + MAX_COLLS][48];
static char gloss_abbr[N_GLOSS + MAX_COLLS][8];
static const char *out_dir;
static size_t total_bytes;
static size_t n_items, n_sections, items_per_coll, secs_per_doc, n_gloss;
static size_t n_colls = N_COLLS, n_docs = N_DOCS;

static uint64_t
rng (void)
{
  return bench_rng (&rng_state);
}

static size_t
rng_below (size_t n)
{
  return n ? (size_t) (rng () % n) : 0;
}

/* A vocabulary index, small ones far more often (roughly Zipf), as in
   prose: a few words are everywhere, most are rare.  */
static size_t
zipf_word (void)
{
  double u = (double) (rng () >> 11) / 9007199254740992.0;
  return (size_t) (N_WORDS * u * u * u) % N_WORDS;
}

static void
make_words (void)
{
  static const char *const common[] = {
    "the", "cells", "stem", "therapy", "joint", "bone", "and", "of", "to",
    "in", "cartilage", "pain", "patients", "treatment", "may", "can",
    "injection", "knee", "tissue", "repair", "clinic", "study", "says",
    "growth", "marrow", "fat", "donor", "cord", "blood", "hip", "spine",
    "doctor", "weeks", "months", "results", "risk", "inflammation",
    "healing", "regeneration", "osteoarthritis", "osteoporosis", "with",
    "for", "is", "are", "that", "this", "a", "from", "by", "their",
  };
  static const char *const syl[] = {
    "ka", "lo", "mi", "ne", "ro", "ta", "vi", "su", "pe", "do", "ar",
    "en", "il", "os", "ul", "ber", "cor", "dan", "fel", "gor", "han",
    "jus", "kel", "lim", "mor", "nat", "pil", "quo", "ret", "sol", "tir",
    "van",
  };
  size_t nc = sizeof common / sizeof *common;
  for (size_t i = 0; i < N_WORDS; i++)
    if (i < nc)
      strcpy (words[i], common[i]);
    else
      {
        size_t v = i * 2654435761u, k = 2 + i % 3;
        words[i][0] = '\0';
        for (size_t j = 0; j < k; j++, v /= 32)
          strcat (words[i], syl[v % 32]);
      }
  for (size_t g = 0; g < N_GLOSS + n_colls; g++)
    {
      const char *a = words[400 + g * 7 % 3000], *b = words[60 + g % 200];
      snprintf (gloss_name[g], sizeof gloss_name[g], "%c%s %s",
                a[0] - 'a' + 'A', a + 1, b);
      snprintf (gloss_abbr[g], sizeof gloss_abbr[g], "%c%c%c",
                a[0] - 'a' + 'A', b[0] - 'a' + 'A', (int) ('A' + g % 26));
    }
}

/* A sentence of about LEN bytes into BUF, sometimes naming a glossary
   term.  */
static void
sentence (char *buf, size_t size, size_t len)
{
  size_t n = 0;
  buf[0] = '\0';
  while (n < len && n + 40 < size)
    {
      const char *w = words[zipf_word ()];
      if (rng_below (60) == 0)
        w = gloss_name[rng_below (n_gloss)];
      n += (size_t) snprintf (buf + n, size - n, "%s%s", n ? " " : "", w);
      if (rng_below (9) == 0 && n < len)
        n += (size_t) snprintf (buf + n, size - n, ",");
    }
  if (n)
    buf[0] = (char) (buf[0] >= 'a' && buf[0] <= 'z' ? buf[0] - 32 : buf[0]);
  snprintf (buf + n, size - n, ".");
}

/* Text of about LEN bytes: sentences of 60 to 160 bytes.  */
static void
text (char *buf, size_t size, size_t len)
{
  char s[400];
  size_t n = 0;
  buf[0] = '\0';
  while (n < len && n + sizeof s + 2 < size)
    {
      sentence (s, sizeof s, 60 + rng_below (100));
      n += (size_t) snprintf (buf + n, size - n, "%s%s", n ? " " : "", s);
    }
}

/* Write KEY: TEXT at INDENT as a folded block scalar, wrapped.  */
static void
put_folded (FILE *f, int indent, const char *key, const char *s)
{
  int body = indent + 2 + (strncmp (key, "- ", 2) == 0 ? 2 : 0);
  fprintf (f, "%*s%s >-\n", indent, "", key);
  while (*s)
    {
      size_t n = strlen (s), cut = n;
      if (n > WRAP)
        {
          cut = WRAP;
          while (cut > 0 && s[cut] != ' ')
            cut--;
          if (cut == 0)
            cut = strcspn (s, " ");
        }
      fprintf (f, "%*s%.*s\n", body, "", (int) cut, s);
      s += cut + (s[cut] == ' ');
    }
}

static FILE *
open_file (const char *name)
{
  char path[4096];
  snprintf (path, sizeof path, "%s/%s", out_dir, name);
  FILE *f = fopen (path, "w");
  if (!f)
    {
      fprintf (stderr, "genpack: %s: %s\n", path, strerror (errno));
      exit (1);
    }
  return f;
}

static void
close_file (FILE *f)
{
  long n = ftell (f);
  total_bytes += n > 0 ? (size_t) n : 0;
  if (fclose (f) != 0)
    {
      perror ("genpack");
      exit (1);
    }
}

/* A random "gNNN#sNNNN" citation.  */
static void
put_cite (FILE *f)
{
  size_t d = rng_below (n_docs), s = rng_below (secs_per_doc);
  fprintf (f, "g%03zu#s%04zu", d + 1, s + 1);
}

static void
write_document (size_t d)
{
  char name[64], buf[4096];
  snprintf (name, sizeof name, "doc-g%03zu.yaml", d + 1);
  FILE *f = open_file (name);
  fprintf (f, "kind: document\nid: g%03zu\n", d + 1);
  sentence (buf, sizeof buf, 50);
  fprintf (f, "title: \"Document %zu: %s\"\n", d + 1, buf);
  fprintf (f, "publisher: Generated\nsource: bench-%03zu.txt\nsections:\n",
           d + 1);
  for (size_t s = 0; s < secs_per_doc; s++)
    {
      sentence (buf, sizeof buf, 20 + rng_below (30));
      buf[strlen (buf) - 1] = '\0';
      fprintf (f, "\n  - id: s%04zu\n    heading: \"%s\"\n    blocks:\n",
               s + 1, buf);
      text (buf, sizeof buf, 200 + rng_below (200));
      put_folded (f, 6, "- p:", buf);
      if (s % 2 == 0)
        {
          fputs ("      - ul:\n", f);
          for (int k = 0; k < 3; k++)
            {
              sentence (buf, sizeof buf, 30 + rng_below (40));
              fprintf (f, "          - \"%s\"\n", buf);
            }
        }
      text (buf, sizeof buf, 120 + rng_below (160));
      put_folded (f, 6, "- p:", buf);
    }
  close_file (f);
}

static void
write_item (FILE *f, size_t i)
{
  char buf[4096];
  sentence (buf, sizeof buf, 10 + rng_below (25));
  buf[strlen (buf) - 1] = '\0';
  fprintf (f, "\n  - id: i%05zu\n    name: \"%s %zu\"\n", i + 1, buf, i + 1);
  text (buf, sizeof buf, 100 + rng_below (80));
  put_folded (f, 4, "summary:", buf);
  fputs ("    attrs:\n", f);
  text (buf, sizeof buf, 40 + rng_below (80));
  put_folded (f, 6, "described:", buf);
  fputs ("      kinds:\n", f);
  for (int k = 0; k < 3; k++)
    {
      sentence (buf, sizeof buf, 10 + rng_below (20));
      fprintf (f, "        - \"%s\"\n", buf);
    }
  fprintf (f, "      related-items: [");
  for (int k = 0; k < 3; k++)
    fprintf (f, "%si%05zu", k ? ", " : "", rng_below (items_per_coll) + 1);
  fprintf (f, "]\n      proven: %s\n",
           rng_below (2) ? "true" : "false");
  fputs ("    claims:\n", f);
  for (int k = 0; k < 2; k++)
    {
      text (buf, sizeof buf, 80 + rng_below (80));
      put_folded (f, 6, "- text:", buf);
      fputs ("        cite: [", f);
      put_cite (f);
      if (rng_below (2))
        fputs (", ", f), put_cite (f);
      fputs ("]\n", f);
    }
  fputs ("    sources: [", f);
  put_cite (f);
  fputs ("]\n", f);
}

static void
write_collection (size_t c)
{
  char name[64], buf[4096];
  size_t next = (c + 1) % n_colls;
  snprintf (name, sizeof name, "coll-c%02zu.yaml", c + 1);
  FILE *f = open_file (name);
  fprintf (f, "kind: collection\nid: c%02zu\n", c + 1);
  sentence (buf, sizeof buf, 15);
  buf[strlen (buf) - 1] = '\0';
  fprintf (f, "title: \"Topic %zu: %s\"\n", c + 1, buf);
  text (buf, sizeof buf, 200);
  put_folded (f, 0, "intro:", buf);
  fprintf (f, "related: [c%02zu]\n", next + 1);
  fprintf (f, "attributes:\n"
           "  - id: described\n    label: What the documents say\n"
           "    type: text\n"
           "  - id: kinds\n    label: Kinds named\n    type: list\n"
           "  - id: related-items\n    label: Related topics\n"
           "    type: refs\n    collection: c%02zu\n"
           "  - id: proven\n    label: Tested in a trial\n    type: bool\n"
           "items:\n", next + 1);
  for (size_t i = 0; i < items_per_coll; i++)
    write_item (f, i);
  close_file (f);
}

static void
write_glossary (void)
{
  char buf[4096];
  FILE *f = open_file ("glossary.yaml");
  fputs ("kind: collection\nid: glossary\ntitle: Glossary\n"
         "attributes:\n  - id: also\n    label: Also written as\n"
         "    type: list\nitems:\n", f);
  for (size_t g = 0; g < n_gloss; g++)
    {
      fprintf (f, "\n  - id: t%03zu\n    name: \"%s (%s)\"\n", g + 1,
               gloss_name[g], gloss_abbr[g]);
      text (buf, sizeof buf, 100 + rng_below (100));
      put_folded (f, 4, "summary:", buf);
      fprintf (f, "    attrs:\n      also: [\"%ss\"]\n", gloss_name[g]);
      fputs ("    sources: [", f);
      put_cite (f);
      fputs ("]\n", f);
    }
  close_file (f);
}

static void
write_pack (void)
{
  char buf[4096];
  FILE *f = open_file ("pack.yaml");
  fputs ("kind: pack\ntitle: A generated pack for the benchmarks\n"
         "reviewed: 2026-11-22\n", f);
  text (buf, sizeof buf, 300);
  put_folded (f, 0, "disclaimer:", buf);
  fputs ("about:\n", f);
  text (buf, sizeof buf, 400);
  put_folded (f, 2, "-", buf);
  fputs ("menu:\n", f);
  for (size_t c = 0; c < n_colls; c++)
    fprintf (f, "  - c%02zu\n", c + 1);
  fputs ("  - compare-c01\n  - glossary\n"
         "glossary:\n  collection: glossary\n  also: also\n"
         "comparisons:\n  - id: compare-c01\n    title: Compare topic 1\n"
         "    collection: c01\n    columns: [kinds, proven]\n", f);
  close_file (f);
}

static size_t
arg_count (const char *s, const char *what)
{
  char *end;
  long n = strtol (s, &end, 10);
  if (*end || n < N_DOCS || n > 10000000)
    {
      fprintf (stderr, "genpack: bad %s '%s'\n", what, s);
      exit (2);
    }
  return (size_t) n;
}

int
main (int argc, char **argv)
{
  if (argc != 2 && argc != 4)
    {
      fputs ("usage: genpack DIR [ITEMS SECTIONS]\n", stderr);
      return 2;
    }
  out_dir = argv[1];
  n_items = argc == 4 ? arg_count (argv[2], "item count") : 10000;
  n_sections = argc == 4 ? arg_count (argv[3], "section count") : 10000;
  if (n_items < N_GLOSS + N_COLLS)
    n_items = N_GLOSS + N_COLLS;
  while ((n_items - N_GLOSS) / n_colls > MAX_ITEMS && n_colls < MAX_COLLS)
    n_colls++;
  while (n_sections / n_docs > MAX_SECS)
    n_docs++;
  items_per_coll = (n_items - N_GLOSS) / n_colls;
  secs_per_doc = n_sections / n_docs;
  n_gloss = n_items - items_per_coll * n_colls;
  if (mkdir (out_dir, 0777) != 0 && errno != EEXIST)
    {
      fprintf (stderr, "genpack: %s: %s\n", out_dir, strerror (errno));
      return 1;
    }
  make_words ();
  write_pack ();
  for (size_t d = 0; d < n_docs; d++)
    write_document (d);
  for (size_t c = 0; c < n_colls; c++)
    write_collection (c);
  write_glossary ();
  printf ("genpack: %s: %zu items, %zu sections, %zu bytes of YAML\n",
          out_dir, items_per_coll * n_colls + n_gloss,
          secs_per_doc * n_docs, total_bytes);
  return 0;
}
