/* unit-packfile.c - the compiled pack (packfile.h): an image loads back
   into the same pack, in English and in Chinese; an image of other
   YAML is not used; and no truncated or corrupt image crashes pinav.  */
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
#include "tap.h"

static const char *srcdir;

static struct content_pack *
load_dir (const char *rel)
{
  char path[4096];
  struct diags d = { 0 };
  snprintf (path, sizeof path, "%s/%s", srcdir, rel);
  struct content_pack *p = load_pack (path, &d);
  diag_print (&d, stdout);
  diag_free (&d);
  return p;
}

/* The whole --dump of P at WIDTH, malloc'd; *LEN bytes.  */
static char *
dump_text (const struct content_pack *p, size_t width, size_t *len)
{
  char *buf = NULL;
  FILE *f = open_memstream (&buf, len);
  if (!f)
    exit (99);
  dump_pack (f, p, NULL, width);
  fclose (f);
  return buf;
}

static bool
same_dump (const struct content_pack *a, const struct content_pack *b,
           size_t width)
{
  size_t la, lb;
  char *x = dump_text (a, width, &la), *y = dump_text (b, width, &lb);
  bool same = la == lb && memcmp (x, y, la) == 0 && la > 0;
  free (x);
  free (y);
  return same;
}

/* --- The model, field by field.  */

static bool
same_str (const char *a, const char *b)
{
  return a == b || (a && b && strcmp (a, b) == 0);
}

static bool
same_strs (const char *const *a, size_t na, const char *const *b, size_t nb)
{
  bool ok = na == nb;
  for (size_t i = 0; ok && i < na; i++)
    ok = same_str (a[i], b[i]);
  return ok;
}

static bool
same_cites (const struct content_cite *a, size_t na,
            const struct content_cite *b, size_t nb)
{
  bool ok = na == nb;
  for (size_t i = 0; ok && i < na; i++)
    ok = same_str (a[i].doc_id, b[i].doc_id)
         && same_str (a[i].section_id, b[i].section_id)
         && a[i].section && b[i].section
         && same_str (a[i].section->id, b[i].section->id)
         && same_str (a[i].section->doc->id, b[i].section->doc->id);
  return ok;
}

static bool
same_section (const struct content_section *a, const struct content_section *b)
{
  bool ok = same_str (a->id, b->id) && same_str (a->heading, b->heading)
            && a->n_blocks == b->n_blocks && a->index == b->index
            && same_str (a->doc->id, b->doc->id)
            && a->n_cited_by == b->n_cited_by;
  for (size_t i = 0; ok && i < a->n_blocks; i++)
    ok = a->blocks[i].kind == b->blocks[i].kind
         && same_str (a->blocks[i].text, b->blocks[i].text)
         && same_strs (a->blocks[i].items, a->blocks[i].n_items,
                       b->blocks[i].items, b->blocks[i].n_items);
  for (size_t i = 0; ok && i < a->n_cited_by; i++)
    ok = same_str (a->cited_by[i]->id, b->cited_by[i]->id)
         && same_str (a->cited_by[i]->coll->id, b->cited_by[i]->coll->id);
  return ok;
}

static bool
same_item (const struct content_collection *c, const struct content_item *a,
           const struct content_item *b)
{
  bool ok = same_str (a->id, b->id) && same_str (a->name, b->name)
            && same_str (a->summary, b->summary) && a->index == b->index
            && same_str (a->coll->id, b->coll->id)
            && a->n_claims == b->n_claims
            && same_cites (a->sources, a->n_sources, b->sources,
                           b->n_sources);
  for (size_t i = 0; ok && i < c->n_attrs; i++)
    {
      const struct content_value *x = &a->values[i], *y = &b->values[i];
      ok = x->set == y->set && x->boolean == y->boolean
           && same_str (x->text, y->text)
           && same_strs (x->list, x->n_list, y->list, y->n_list);
    }
  for (size_t i = 0; ok && i < a->n_claims; i++)
    ok = same_str (a->claims[i].text, b->claims[i].text)
         && same_cites (a->claims[i].cites, a->claims[i].n_cites,
                        b->claims[i].cites, b->claims[i].n_cites);
  return ok;
}

static bool
same_collection (const struct content_collection *a,
                 const struct content_collection *b)
{
  bool ok = same_str (a->id, b->id) && same_str (a->title, b->title)
            && same_str (a->intro, b->intro) && a->untraced == b->untraced
            && same_strs (a->related, a->n_related, b->related, b->n_related)
            && a->n_attrs == b->n_attrs && a->n_items == b->n_items;
  for (size_t i = 0; ok && i < a->n_attrs; i++)
    ok = same_str (a->attrs[i].id, b->attrs[i].id)
         && same_str (a->attrs[i].label, b->attrs[i].label)
         && a->attrs[i].type == b->attrs[i].type
         && same_str (a->attrs[i].ref_collection, b->attrs[i].ref_collection);
  for (size_t i = 0; ok && i < a->n_items; i++)
    ok = same_item (a, &a->items[i], &b->items[i]);
  return ok;
}

/* Every field of A and B, and B's lookups.  */
static bool
same_pack (const struct content_pack *a, const struct content_pack *b)
{
  bool ok = same_str (a->title, b->title)
            && same_str (a->reviewed, b->reviewed)
            && same_str (a->disclaimer, b->disclaimer)
            && same_strs (a->about, a->n_about, b->about, b->n_about)
            && same_strs (a->menu, a->n_menu, b->menu, b->n_menu)
            && same_str (a->glossary, b->glossary)
            && same_str (a->glossary_also, b->glossary_also)
            && a->n_docs == b->n_docs && a->n_colls == b->n_colls
            && a->n_comps == b->n_comps;
  for (size_t i = 0; ok && i < a->n_docs; i++)
    {
      const struct content_document *x = a->docs[i], *y = b->docs[i];
      ok = same_str (x->id, y->id) && same_str (x->title, y->title)
           && same_str (x->publisher, y->publisher)
           && same_str (x->source, y->source)
           && x->n_sections == y->n_sections
           && content_document (b, y->id) == y;
      for (size_t j = 0; ok && j < x->n_sections; j++)
        ok = same_section (&x->sections[j], &y->sections[j])
             && content_section (b, y->id, y->sections[j].id)
                == &y->sections[j];
    }
  for (size_t i = 0; ok && i < a->n_colls; i++)
    ok = same_collection (a->colls[i], b->colls[i])
         && content_collection (b, b->colls[i]->id) == b->colls[i];
  for (size_t i = 0; ok && i < a->n_comps; i++)
    {
      const struct content_comparison *x = a->comps[i], *y = b->comps[i];
      ok = same_str (x->id, y->id) && same_str (x->title, y->title)
           && same_str (x->collection, y->collection)
           && same_strs (x->columns, x->n_columns, y->columns, y->n_columns)
           && content_comparison (b, y->id) == y;
    }
  return ok;
}

/* --- Round trips.  */

static void
test_round_trip (const char *rel)
{
  struct content_pack *a = load_dir (rel);
  size_t len = 0;
  unsigned char *img = a ? packfile_encode (a, 42, &len) : NULL;
  struct content_pack *b = img ? packfile_decode (img, len, 42) : NULL;
  tap_ok (b != NULL, "%s: the image (%zu bytes) loads back", rel, len);
  tap_ok (b && same_pack (a, b), "%s: the same pack, field by field", rel);
  tap_ok (b && same_dump (a, b, 80) && same_dump (a, b, 0),
          "%s: the same --dump, wrapped and not", rel);
  i18n_set_language ("zh_CN");
  size_t en_len, zh_len;
  char *en = NULL, *zh = b ? dump_text (b, 80, &zh_len) : NULL;
  i18n_set_language ("en");
  if (b)
    en = dump_text (b, 80, &en_len);
  i18n_set_language ("zh_CN");
  tap_ok (b && same_dump (a, b, 80)
          && (en_len != zh_len || memcmp (en, zh, en_len) != 0),
          "%s: the same --dump in Chinese (which is not the English)", rel);
  i18n_set_language ("en");
  tap_ok (packfile_decode (img, len, 43) == NULL,
          "%s: an image is refused for other YAML", rel);
  free (en);
  free (zh);
  free (img);
  content_free (a);
  content_free (b);
}

/* --- An image beside its YAML.  */

static void
copy_file (const char *from, const char *to)
{
  FILE *in = fopen (from, "rb"), *out = fopen (to, "wb");
  char buf[8192];
  size_t n;
  if (!in || !out)
    exit (99);
  while ((n = fread (buf, 1, sizeof buf, in)) > 0)
    fwrite (buf, 1, n, out);
  fclose (in);
  if (fclose (out) != 0)
    exit (99);
}

static void
write_file (const char *path, const void *data, size_t len)
{
  FILE *f = fopen (path, "wb");
  if (!f || fwrite (data, 1, len, f) != len || fclose (f) != 0)
    exit (99);
}

/* Whether DIR's pack.bin is used, and is DIR's pack.  */
static bool
image_used (const char *dir)
{
  struct content_pack *p = packfile_load (dir, NULL);
  bool ok = p && strcmp (p->title, "A small test pack") == 0;
  content_free (p);
  return ok;
}

static void
test_stale (char *tmp)
{
  char from[4096], to[4096], bin[4096];
  snprintf (from, sizeof from, "%s/tests/data/good", srcdir);
  DIR *d = opendir (from);
  for (struct dirent *e; d && (e = readdir (d)) != NULL;)
    if (e->d_name[0] != '.')
      {
        snprintf (from, sizeof from, "%s/tests/data/good/%s", srcdir,
                  e->d_name);
        snprintf (to, sizeof to, "%s/%s", tmp, e->d_name);
        copy_file (from, to);
      }
  if (d)
    closedir (d);
  struct diags dg = { 0 };
  struct content_pack *p = load_pack (tmp, &dg);
  uint64_t hash = 0;
  size_t len = 0;
  unsigned char *img = p && packfile_hash_dir (tmp, &hash)
                       ? packfile_encode (p, hash, &len) : NULL;
  content_free (p);
  diag_free (&dg);
  snprintf (bin, sizeof bin, "%s/%s", tmp, PACKFILE_NAME);
  tap_ok (!image_used (tmp), "no image, no pack from one");
  if (img)
    write_file (bin, img, len);
  tap_ok (image_used (tmp), "an image of the YAML beside it is used");

  snprintf (to, sizeof to, "%s/doc.yaml", tmp);
  FILE *f = fopen (to, "ab");
  fputs ("# edited\n", f);
  fclose (f);
  tap_ok (!image_used (tmp), "a YAML file edited: the image is not used");
  snprintf (from, sizeof from, "%s/tests/data/good/doc.yaml", srcdir);
  copy_file (from, to);
  tap_ok (image_used (tmp), "edited back: it is used again");

  snprintf (to, sizeof to, "%s/zz.yaml", tmp);
  write_file (to, "kind: pack\n", 11);
  tap_ok (!image_used (tmp), "a YAML file added: not used");
  unlink (to);
  snprintf (to, sizeof to, "%s/fruits.yaml", tmp);
  snprintf (from, sizeof from, "%s/fruit.yaml", tmp);
  rename (to, from);
  tap_ok (!image_used (tmp), "a YAML file renamed: not used");
  rename (from, to);
  snprintf (to, sizeof to, "%s/.hidden.yaml", tmp);
  write_file (to, "x", 1);
  snprintf (from, sizeof from, "%s/notes.txt", tmp);
  write_file (from, "x", 1);
  tap_ok (image_used (tmp), "files the loader does not read do not count");
  unlink (to);
  unlink (from);

  write_file (bin, img, len / 2);
  tap_ok (!image_used (tmp), "a truncated image file is not used");
  write_file (bin, "", 0);
  tap_ok (!image_used (tmp), "an empty one neither");
  unlink (bin);
  mkfifo (bin, 0600);
  tap_ok (!image_used (tmp), "a FIFO named pack.bin: not used, no hang");
  unlink (bin);
  mkdir (bin, 0700);
  tap_ok (!image_used (tmp), "a directory named pack.bin: not used");
  rmdir (bin);
  write_file (bin, img, len);
  struct content_pack *q = packfile_load (tmp, bin);
  tap_ok (q != NULL, "an image named explicitly is used");
  content_free (q);
  snprintf (to, sizeof to, "%s/fruits.yaml", tmp);
  q = packfile_load (to, bin);
  tap_ok (q == NULL, "not for a single YAML file");
  content_free (q);

  /* Leave TMP empty for the caller.  */
  d = opendir (tmp);
  for (struct dirent *e; d && (e = readdir (d)) != NULL;)
    if (strcmp (e->d_name, ".") != 0 && strcmp (e->d_name, "..") != 0)
      {
        snprintf (to, sizeof to, "%s/%s", tmp, e->d_name);
        unlink (to);
      }
  if (d)
    closedir (d);
  free (img);
}

/* --- Damaged images.  */

static FILE *devnull;

/* Load the LEN bytes of IMG (as for the YAML of HASH) and, when that
   works, show every page of the pack.  @retval whether it loaded.  */
static bool
try_image (const unsigned char *img, size_t len, uint64_t hash)
{
  struct content_pack *p = packfile_decode (img, len, hash);
  if (p)
    dump_pack (devnull, p, NULL, 40);
  content_free (p);
  return p != NULL;
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint64_t
next_random (void)
{
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static void
test_damage (void)
{
  struct content_pack *a = load_dir ("tests/data/good");
  size_t len = 0;
  unsigned char *img = a ? packfile_encode (a, 7, &len) : NULL;
  unsigned char *bad = malloc (len + 1);
  content_free (a);
  if (!img || !bad)
    {
      tap_ok (0, "the good pack compiles");
      return;
    }
  size_t loaded = 0;
  for (size_t n = 0; n < len; n++)
    loaded += try_image (img, n, 7);
  tap_ok (loaded == 0, "every truncation (%zu) is refused", len);

  /* Truncations that say they are whole: the tables are checked.  */
  loaded = 0;
  for (size_t n = PF_HEADER_SIZE; n < len; n++)
    {
      memcpy (bad, img, n);
      pf_put64 (bad + PF_H_SIZE, n);
      loaded += try_image (bad, n, 7);
    }
  tap_ok (loaded == 0, "and with the header's size made to fit, too");

  /* Every word set to values that a count or an index could trip on.  */
  static const uint32_t odd[] = { 0, 1, 2, 3, 0x7F, 0x80, 0xFFFF, 0x10000,
                                  0x7FFFFFFF, 0x80000000, 0xFFFFFFFE,
                                  0xFFFFFFFF };
  size_t tried = 0;
  loaded = 0;
  for (size_t at = 0; at + 4 <= len; at += 4)
    for (size_t k = 0; k < sizeof odd / sizeof *odd; k++)
      {
        memcpy (bad, img, len);
        pf_put32 (bad + at, odd[k]);
        tried++;
        loaded += try_image (bad, len, 7);
      }
  tap_ok (1, "%zu images with a word changed: %zu loaded, none crashed",
          tried, loaded);

  loaded = 0;
  for (int i = 0; i < 10000; i++)
    {
      memcpy (bad, img, len);
      size_t at = (size_t) (next_random () % len);
      bad[at] ^= (unsigned char) (1 + next_random () % 255);
      loaded += try_image (bad, len, 7);
    }
  tap_ok (1, "10000 images with a byte changed: %zu loaded, none crashed",
          loaded);
  free (bad);
  free (img);
}

/* Hand-made damage at known places: each must be refused.  */
static void
test_hostile (void)
{
  struct content_pack *a = load_dir ("tests/data/good");
  size_t len = 0;
  unsigned char *img = a ? packfile_encode (a, 7, &len) : NULL;
  unsigned char *bad = malloc (len);
  content_free (a);
  if (!img || !bad)
    return;
  uint32_t text = pf_get32 (img + PF_H_DIR + 8 * PF_TEXT);
  uint32_t cite = pf_get32 (img + PF_H_DIR + 8 * PF_CITE);
  uint32_t sec = pf_get32 (img + PF_H_DIR + 8 * PF_SEC);
  uint32_t n_secs = pf_get32 (img + PF_H_DIR + 8 * PF_SEC + 4);
  uint32_t doc = pf_get32 (img + PF_H_DIR + 8 * PF_DOC);
  struct { const char *what; size_t at; uint32_t word; int byte; } cases[] = {
    { "a citation of a section past the last", cite, n_secs, -1 },
    { "a string reference into a string", sec, 1, -1 },
    { "a string reference past the text", sec, len, -1 },
    { "a document without sections", doc + 16, 0, -1 },
    { "a document with more sections than there are", doc + 16, n_secs + 1,
      -1 },
    { "a text without its last NUL", len - 1, 0, 'x' },
    { "a byte that is not UTF-8", text + 1, 0, 0xFF },
    { "an overlong encoding", text + 1, 0, 0xC0 },
    { "a bad magic", 0, 0, 'X' },
    { "another version", PF_H_VERSION, 2, -1 },
    { "a table past the end", PF_H_DIR + 8 * PF_ITEM, (uint32_t) len, -1 },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    {
      memcpy (bad, img, len);
      if (cases[i].byte >= 0)
        bad[cases[i].at] = (unsigned char) cases[i].byte;
      else
        pf_put32 (bad + cases[i].at, cases[i].word);
      tap_ok (!try_image (bad, len, 7), "refused: %s", cases[i].what);
    }
  /* A surrogate, U+D800, in place of three bytes of a string.  */
  memcpy (bad, img, len);
  memcpy (bad + text + 1, "\xED\xA0\x80", 3);
  tap_ok (!try_image (bad, len, 7), "refused: a UTF-16 surrogate");
  tap_ok (try_image (img, len, 7), "and the image itself loads");
  free (bad);
  free (img);
}

int
main (void)
{
  char tmp[] = "/tmp/pinav-packfile.XXXXXX";
  const char *builddir = getenv ("top_builddir");
  char localedir[4096];
  srcdir = getenv ("top_srcdir");
  if (!srcdir)
    srcdir = ".";
  snprintf (localedir, sizeof localedir, "%s/locale",
            builddir ? builddir : ".");
  i18n_init (getenv ("PINAV_LOCALEDIR") ? getenv ("PINAV_LOCALEDIR")
             : localedir, "en");
  devnull = fopen ("/dev/null", "w");
  if (!devnull || !mkdtemp (tmp))
    return 99;
  test_round_trip ("tests/data/good");
  test_round_trip ("data");
  test_stale (tmp);
  rmdir (tmp);
  test_damage ();
  test_hostile ();
  return tap_done ();
}
