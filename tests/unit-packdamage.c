/* unit-packdamage.c - the compiled pack damaged: every
   truncation, every word of every table set to values a count, an
   index or a reference could trip on, random bytes flipped, hand-made
   edges, and a collection or a document found bad when reached.
   The rules, and the breaks of the reader each test was checked
   against, are in packtest.h.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dump.h"
#include "i18n.h"
#include "load.h"
#include "packfile.h"
#include "packfmt.h"
#include "packtest.h"
#include "search.h"
#include "search_blob.h"
#include "search_int.h"
#include "search_stored.h"
#include "text_safe.h"
#include "tap.h"
#include "text.h"

/* --- Damaged images.  */

/* An image to damage, and what its directory says.  */
struct fixture
{
  unsigned char *img;
  size_t len;
  uint32_t text, text_size, n_secs, n_items;
  bool *indep;                  /* per item of ITEM: in the independent
                                   collection, so a link may name it */
};

static uint32_t
dir_word (const unsigned char *img, int t, int k)
{
  return pf_get32 (img + PF_H_DIR + 8 * t + 4 * k);
}

/* The good pack, with banana's source moved to the last section (so
   that a document cut short leaves a citation of a section not read)
   and, when BIG, the comparison's title (the text's last string) so
   long that the image, a multiple of 16 bytes, fills a block of the
   arena of its own: ASan then sees any read past its end.  */
static void
fixture_make (struct fixture *f, bool big)
{
  static char title[70000 + 16];
  struct content_pack *a = load_dir ("tests/data/good");
  if (!a)
    exit (99);
  struct content_cite *c = item_of (a, "fruits", "banana")->sources;
  c->section = &a->docs[0]->sections[1];
  c->section_id = c->section->id;
  size_t n = 0;
  f->indep = calloc (64, sizeof *f->indep);
  for (size_t i = 0; f->indep && i < a->n_colls; i++)
    for (size_t j = 0; j < a->colls[i]->n_items && n < 64; j++)
      f->indep[n++] = a->independent
                      && strcmp (a->colls[i]->id, a->independent) == 0;
  memset (title, 'x', sizeof title - 1);
  title[70000] = '\0';
  if (big)
    a->comps[0]->title = title;
  f->img = packfile_encode (a, HASH, &f->len);
  if (big && f->img)
    {
      title[70000] = 'x';
      title[70000 + (16 - f->len % 16) % 16] = '\0';
      free (f->img);
      f->img = packfile_encode (a, HASH, &f->len);
    }
  content_free (a);
  if (!f->img || !f->indep || (big && f->len % 16 != 0))
    exit (99);
  f->text = dir_word (f->img, PF_TEXT, 0);
  f->text_size = dir_word (f->img, PF_TEXT, 1);
  f->n_secs = dir_word (f->img, PF_SEC, 1);
  f->n_items = dir_word (f->img, PF_ITEM, 1);
  if (f->n_items > 64)
    exit (99);
}

/* BAD (room for the image): F cut short; then cut short with the
   header's size made to fit, so that the tables are what is checked.  */
static void
test_truncations (const struct fixture *f, unsigned char *bad)
{
  size_t n = 0, m = PF_HEADER_SIZE;
  while (n < f->len && try_image (f->img, n) == REFUSED)
    n++;
  for (; m < f->len; m++)
    {
      memcpy (bad, f->img, m);
      pf_put64 (bad + PF_H_SIZE, m);
      if (try_image (bad, m) != REFUSED)
        break;
    }
  char first[80] = "";
  if (n < f->len || m < f->len)
    snprintf (first, sizeof first, ": one of %zu bytes loads%s",
              n < f->len ? n : m, n < f->len ? "" : " (size made to fit)");
  tap_ok (!first[0], "every truncation (%zu) is refused, with the header's "
          "size as it was and made to fit%s", f->len, first);
}

/* The words of each table's records (packfmt.h): S a string, s one
   that may be PF_NONE, x one that must be there or not by the record;
   I, i and j the same for an id; n a count; k a block's kind, u
   untraced, t an attribute's type, f a value's flags, m a
   collection's longest name; c a citation, l a link, b a back
   reference.  */
static const char *const fields[PF_TEXT] = {
  [PF_PACK] = "SSSnniii", [PF_DOC] = "ISsSnnnn", [PF_SEC] = "ISnn",
  [PF_BLOCK] = "kxn", [PF_COLL] = "ISsunnnnmnnnnn", [PF_ATTR] = "IStj",
  [PF_ITEM] = "ISSnnn", [PF_VALUE] = "fxn", [PF_CLAIM] = "Sn",
  [PF_CITE] = "c", [PF_LINK] = "l", [PF_COMP] = "ISIn", [PF_STRS] = "S",
  [PF_BREF] = "b", [PF_WORDS] = "S"
};

/* What the word at AT of F is: 'z' in the header's stamp (any value
   decodes: the stamp only tells packfile_load whether to hash the
   YAML), 'h' elsewhere in the header, else a letter of FIELDS.  */
static char
word_kind (const struct fixture *f, size_t at)
{
  if (at >= PF_H_STAMP && at < PF_H_STAMP + 8)
    return 'z';
  if (at < PF_HEADER_SIZE)
    return 'h';
  for (int t = 0; t < PF_TEXT; t++)
    {
      size_t off = dir_word (f->img, t, 0), w = strlen (fields[t]);
      if (at >= off && at < off + 4 * w * dir_word (f->img, t, 1))
        return fields[t][(at - off) / 4 % w];
    }
  exit (99);
}

static bool
is_start (const struct fixture *f, uint32_t ref)
{
  return ref < f->text_size
         && (ref == 0 || f->img[f->text + ref - 1] == '\0');
}

/* Whether the format forbids V in a word of kind K of F.  */
static bool
forbidden (const struct fixture *f, char k, uint32_t v)
{
  switch (k)
    {
    case 'h': case 'n':
      return true;
    case 'z':
      return false;
    case 'c':
      return v >= f->n_secs;
    case 'l':
      return v >= f->n_items || !f->indep[v];
    case 'b':
      return v >= f->n_items;
    case 'k':
      return v > BLOCK_NUMBERED;
    case 'u':
      return v > 1;
    case 't':
      return v > ATTR_REFS;
    case 'f':
      return v > (PF_SET | PF_TRUE);
    case 'm':
      /* Shorter than a name: that name is bad when read (decode_all).  */
      return v == 0 || v > PF_MAX_STRING;
    }
  if (v == PF_NONE)
    return k == 'S' || k == 'I';
  return !is_start (f, v)
         || (strchr ("Iij", k)
             && !sound_id ((const char *) f->img + f->text + v));
}

enum { C_HEADER, C_COUNT, C_REF, C_KIND, C_CITE, C_LINK, C_BREF, C_N };

/* Images of one class of change: how many were tried and loaded, and
   the first that broke its rule.  */
struct tally
{
  size_t tried, loaded;
  char first[100];
};

/* F, in BAD, with the word at AT set to V, into T: it breaks its rule
   when it loads though the format forbids V there, or when its pack
   is not sound.  */
static void
try_word (const struct fixture *f, unsigned char *bad, size_t at,
          uint32_t v, struct tally *t)
{
  char k = word_kind (f, at);
  memcpy (bad, f->img, f->len);
  pf_put32 (bad + at, v);
  enum verdict r = try_image (bad, f->len);
  t->tried++;
  t->loaded += r != REFUSED;
  if (!t->first[0] && (r == UNSOUND || (r == SOUND && forbidden (f, k, v))))
    snprintf (t->first, sizeof t->first,
              ": the word at %zu (%c) set to %#x loads%s", at, k,
              (unsigned) v, r == UNSOUND ? " an unsound pack" : "");
}

static int
word_class (char k)
{
  return strchr ("hz", k) ? C_HEADER : k == 'n' ? C_COUNT : k == 'c' ? C_CITE
         : k == 'l' ? C_LINK : k == 'b' ? C_BREF
         : strchr ("kutfm", k) ? C_KIND : C_REF;
}

/* Every word of class C before the text, set to values that a count,
   an index or a reference could trip on; a reference also to every
   string.  */
static void
test_words (const struct fixture *f, unsigned char *bad, int c)
{
  static const uint32_t odd[] = { 0, 1, 2, 3, 0x7F, 0x80, 0xFFFF, 0x10000,
                                  0x7FFFFFFF, 0x80000000, 0xFFFFFFFE,
                                  0xFFFFFFFF };
  static const char *const what[C_N] = {
    "a header or directory word", "a count",
    "a string reference (into a string, past the text, PF_NONE where "
    "one is needed, or not an id for an id)",
    "a kind, type, flags, untraced or longest name word (out of its "
    "range)",
    "a citation (of a section past the last)",
    "a link (to an item past the last, or not of the independent "
    "collection)",
    "a back reference (to an item past the last; one to an item that "
    "does not cite the section is left out)" };
  struct tally t = { 0 };
  for (size_t at = 0; at < f->text; at += 4)
    {
      uint32_t was = pf_get32 (f->img + at);
      uint32_t more[] = { was - 1, was + 1, f->n_secs - 1, f->n_secs,
                          f->text_size - 1, f->text_size, f->n_items - 1,
                          f->n_items };
      if (word_class (word_kind (f, at)) != c)
        continue;
      for (size_t i = 0; i < sizeof odd / sizeof *odd; i++)
        if (odd[i] != was)
          try_word (f, bad, at, odd[i], &t);
      for (size_t i = 0; i < sizeof more / sizeof *more; i++)
        if (more[i] != was)
          try_word (f, bad, at, more[i], &t);
      for (uint32_t v = 0; c == C_REF && v < f->text_size; v++)
        if (v != was && is_start (f, v))
          try_word (f, bad, at, v, &t);
    }
  tap_ok (t.tried && !t.first[0],
          "every change of %s that the format forbids is refused, and the "
          "rest give sound packs (%zu images, %zu load)%s", what[c],
          t.tried, t.loaded, t.first);
}

static void
test_flips (const struct fixture *f, unsigned char *bad)
{
  uint64_t rng = 0x9E3779B97F4A7C15ULL;
  size_t loaded = 0;
  char first[80] = "";
  for (int i = 0; i < 10000 && !first[0]; i++)
    {
      memcpy (bad, f->img, f->len);
      rng ^= rng << 13;
      rng ^= rng >> 7;
      rng ^= rng << 17;
      size_t at = (size_t) (rng % f->len);
      bad[at] ^= (unsigned char) (1 + (rng >> 32) % 255);
      enum verdict v = try_image (bad, f->len);
      loaded += v != REFUSED;
      if (v == UNSOUND)
        snprintf (first, sizeof first, ": byte %zu set to %#x gives an "
                  "unsound pack", at, (unsigned) bad[at]);
    }
  tap_ok (!first[0], "10000 images with a byte changed: each is refused "
          "or gives a sound pack (%zu load)%s", loaded, first);
}

/* Edge case I of F in BAD (room for F and one byte more), *LEN bytes.
   @retval what it is, or NULL past the last.  */
static const char *
edge_image (int i, const struct fixture *f, unsigned char *bad, size_t *len)
{
  uint32_t first = dir_word (f->img, PF_PACK, 0);
  unsigned char *s = bad + f->text + 1;         /* in the pack's title */
  memcpy (bad, f->img, f->len);
  *len = f->len;
  switch (i)
    {
    case 0:
      bad[f->len - 1] = 'x';
      return "a text without its last NUL";
    case 1:
      bad[(*len)++] = '\0';
      return "a byte past the size the header gives";
    case 2:
      pf_put32 (bad + PF_H_DIR + 8 * PF_TEXT + 4, f->text_size + 1);
      return "a text one byte longer than the image";
    case 3:
      pf_put32 (bad + first, f->text_size);
      return "a string reference just past the text";
    case 4:
      *s = 0xFF;
      return "a byte that is not UTF-8";
    case 5:
      memcpy (s, "\xE0\x80\x80", 3);
      return "an overlong form of a 3-byte character";
    case 6:
      memcpy (s, "\xED\xA0\x80", 3);
      return "a UTF-16 surrogate";
    case 7:
      memcpy (s, "\xF4\x90\x80\x80", 4);
      return "a character past U+10FFFF";
    case 8:
      bad[f->len - 2] = 0xFF;
      return "a byte that is not UTF-8 at the end of the text";
    }
  return NULL;
}

static void
test_edges (const struct fixture *small, const struct fixture *big,
            unsigned char *bad)
{
  size_t len;
  const char *what;
  for (int i = 0; (what = edge_image (i, small, bad, &len)) != NULL; i++)
    {
      bool ok = try_image (bad, len) == REFUSED;
      edge_image (i, big, bad, &len);
      tap_ok (ok && try_image (bad, len) == REFUSED,
              "refused: %s (in images of %zu and %zu bytes)", what,
              small->len, big->len);
    }
  tap_ok (try_image (small->img, small->len) == SOUND
          && try_image (big->img, big->len) == SOUND,
          "and both images themselves load");
}

/* F with an unused string of N bytes after its text.  */
static enum verdict
try_long_string (const struct fixture *f, size_t n)
{
  size_t len = f->len + n + 1;
  unsigned char *img = malloc (len);
  if (!img)
    exit (99);
  memcpy (img, f->img, f->len);
  memset (img + f->len, 'a', n);
  img[len - 1] = '\0';
  pf_put64 (img + PF_H_SIZE, len);
  pf_put32 (img + PF_H_DIR + 8 * PF_TEXT + 4, f->text_size + n + 1);
  pf_put32 (img + PF_H_DIR + 8 * PF_SEARCH, (uint32_t) len);
  /* The pack's title: a string is checked when it is read.  */
  pf_put32 (img + dir_word (img, PF_PACK, 0), f->text_size);
  enum verdict v = try_image (img, len);
  free (img);
  return v;
}

/* F, in BAD, with the kind of the first block (document 0's) out of
   its range: the pack loads, for the document is decoded only when it
   is reached; then it is unavailable, shown with what to do; banana's
   source, a section of it, leads nowhere; the other documents are
   whole.  */
static void
test_unavailable (const struct fixture *f, unsigned char *bad)
{
  memcpy (bad, f->img, f->len);
  pf_put32 (bad + dir_word (bad, PF_BLOCK, 0), 9);
  struct content_pack *p = packfile_decode (bad, f->len, HASH);
  size_t len = 0, n = 1;
  char *dump = p ? dump_text (p, 0, &len) : NULL;
  const struct content_document *d = p ? p->docs[0] : NULL;
  const struct content_cite *c
    = p ? item_of (p, "fruits", "banana")->sources : NULL;
  bool ok = d && content_doc_unavailable (d)
            && !content_doc_sections (d, &n) && n == 0
            && !content_section (p, d->id, "intro")
            && !content_cite_section (c) && pack_sound (p)
            && strstr (dump, "This document cannot be shown");
  for (size_t i = 1; ok && i < p->n_docs; i++)
    ok = !content_doc_unavailable (p->docs[i]);
  tap_ok (ok, "a document with a bad block: the pack loads, the document "
          "is shown unavailable, a citation of it leads nowhere, the other "
          "documents are whole");
  free (dump);
  content_free (p);
}

static void
test_damage (void)
{
  struct fixture small, big;
  fixture_make (&small, false);
  fixture_make (&big, true);
  unsigned char *bad = malloc (big.len + 1);
  if (!bad)
    exit (99);
  test_truncations (&small, bad);
  for (int c = 0; c < C_N; c++)
    test_words (&small, bad, c);
  test_flips (&small, bad);
  test_edges (&small, &big, bad);
  test_unavailable (&small, bad);
  tap_ok (try_long_string (&small, PF_MAX_STRING) == SOUND
          && try_long_string (&small, PF_MAX_STRING + 1) == REFUSED,
          "a string of 1 MiB loads; one of 1 MiB and a byte is refused");
  free (bad);
  free (small.img);
  free (big.img);
  free (small.indep);
  free (big.indep);
}

int
main (void)
{
  static const unsigned widths[] = PF_WIDTHS;
  packtest_init ();
  for (int t = 0; t < PF_TEXT; t++)
    if (strlen (fields[t]) != widths[t])
      return 99;
  test_damage ();
  return tap_done ();
}
