/* unit-packfile.c - the compiled pack: round trips, and an image
   beside its YAML (packfile_load, the hash).
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

/* --- Round trips.  */

/* Whether the image at IMG (LEN bytes, naming HASH) is refused for
   every hash but HASH that differs from it in one bit.  */
static bool
other_hashes_refused (const unsigned char *img, size_t len)
{
  bool ok = true;
  for (int bit = 0; ok && bit < 64; bit++)
    {
      struct content_pack *p
        = packfile_decode (img, len, HASH ^ ((uint64_t) 1 << bit));
      ok = p == NULL;
      content_free (p);
    }
  return ok;
}

/* Whether S is all printable ASCII.  */
static bool
printable_ascii (const char *s)
{
  const unsigned char *u = (const unsigned char *) s;
  for (; *u; u++)
    if (*u < 0x20 || *u >= 0x7F)
      return false;
  return true;
}

/* Whether P's words are the names of its items that are not all
   printable ASCII, each of them, in the pack's order, then the
   glossary's other forms that are not.  */
static bool
words_sound (const struct content_pack *p)
{
  size_t k = 0, n;
  bool ok = true;
  for (size_t i = 0; ok && i < p->n_colls; i++)
    {
      const struct content_item *items = content_coll_items (p->colls[i], &n);
      for (size_t j = 0; ok && j < n; j++)
        if (!printable_ascii (items[j].name))
          ok = k < p->n_words && same_str (p->words[k++], items[j].name);
    }
  const struct content_collection *g
    = p->glossary ? content_collection (p, p->glossary) : NULL;
  int also = g && p->glossary_also ? content_attr_index (g, p->glossary_also)
                                   : -1;
  const struct content_item *items = also >= 0 ? content_coll_items (g, &n)
                                               : NULL;
  for (size_t j = 0; ok && items && j < n; j++)
    {
      const struct content_value *v = &items[j].values[also];
      for (size_t f = 0; ok && v->set && f < v->n_list; f++)
        if (!printable_ascii (v->list[f]))
          ok = k < p->n_words && same_str (p->words[k++], v->list[f]);
    }
  return ok && k == p->n_words;
}

static void
test_round_trip (const char *rel)
{
  struct content_pack *a = load_dir (rel), *b = NULL;
  size_t len = 0, len2 = 0;
  unsigned char *img = a ? packfile_encode (a, HASH, &len) : NULL;
  unsigned char *copy = img ? malloc (len) : NULL;
  if (copy)
    {
      memcpy (copy, img, len);
      b = packfile_decode (copy, len, HASH);
      /* The pack must not point into the caller's bytes.  */
      memset (copy, 'x', len);
    }
  tap_ok (b != NULL, "%s: the image (%zu bytes) loads back", rel, len);
  tap_ok (b && same_pack (a, b), "%s: the same pack, field by field", rel);
  tap_ok (a && b && words_sound (b), "%s: its words (%zu) are the names, "
          "then the glossary's forms, that are not all printable ASCII, in "
          "the pack's order", rel,
          b ? b->n_words : 0);
  unsigned char *again = b ? packfile_encode (b, HASH, &len2) : NULL;
  tap_ok (again && len2 == len && memcmp (again, img, len) == 0,
          "%s: compiled again, the same bytes", rel);
  tap_ok (b && same_dumps (a, b),
          "%s: the same --dump, wrapped and not, in English and in "
          "Chinese (which is not the English)", rel);
  tap_ok (img && other_hashes_refused (img, len),
          "%s: refused for the hash of other YAML (any one bit changed)",
          rel);
  free (again);
  free (copy);
  free (img);
  content_free (a);
  content_free (b);
}

/* --- An image beside its YAML: packfile_load, packfile_hash_dir.  */

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

/* Remove every file of DIR.  */
static void
empty_dir (const char *dir)
{
  char path[4096];
  DIR *d = opendir (dir);
  for (struct dirent *e; d && (e = readdir (d)) != NULL;)
    if (strcmp (e->d_name, ".") != 0 && strcmp (e->d_name, "..") != 0)
      {
        snprintf (path, sizeof path, "%s/%s", dir, e->d_name);
        if (unlink (path) != 0)
          rmdir (path);
      }
  if (d)
    closedir (d);
}

/* Whether DIR's pack.bin (or IMAGE) is used, and is DIR's pack.  */
static bool
image_used (const char *dir, const char *image)
{
  struct content_pack *p = packfile_load (dir, image, NULL);
  bool ok = p && strcmp (p->title, "A small test pack") == 0;
  content_free (p);
  return ok;
}

/* Copy tests/data/good into TMP.  @retval an image of it, for its
   YAML's hash: *LEN bytes, malloc'd.  */
static unsigned char *
good_dir (const char *tmp, size_t *len)
{
  char from[4096], to[4096];
  static const char *const files[] = { "doc.yaml", "fruits.yaml",
                                       "pack.yaml", "places.yaml" };
  for (size_t i = 0; i < sizeof files / sizeof *files; i++)
    {
      snprintf (from, sizeof from, "%s/tests/data/good/%s", srcdir, files[i]);
      snprintf (to, sizeof to, "%s/%s", tmp, files[i]);
      copy_file (from, to);
    }
  struct diags dg = { 0 };
  struct content_pack *p = load_pack (tmp, &dg);
  uint64_t hash = 0;
  unsigned char *img = p && packfile_hash_dir (tmp, &hash)
                       ? packfile_encode (p, hash, len) : NULL;
  content_free (p);
  diag_free (&dg);
  if (!img)
    exit (99);
  return img;
}

/* Write "A smell" over "A small" in the title, in place, in the image
   BIN (of the LEN bytes IMG): as only its owner could.  */
static void
scribble (const char *bin, const unsigned char *img, size_t len)
{
  const unsigned char *at = memmem (img, len, "A small test pack", 17);
  FILE *f = fopen (bin, "r+b");
  if (!at || !f || fseek (f, (long) (at - img) + 2, SEEK_SET) != 0
      || fputs ("smell", f) < 0 || fclose (f) != 0)
    exit (99);
}

/* The title of the pack of DIR, from its image of the LEN bytes IMG
   written with MODE (and owner UID, unless -1), once that image has
   been scribbled on after it was loaded.  */
static char *
title_after_write (const char *dir, const unsigned char *img, size_t len,
                   mode_t mode, uid_t uid)
{
  char bin[4096];
  snprintf (bin, sizeof bin, "%s/%s", dir, PACKFILE_NAME);
  unlink (bin);
  write_file (bin, img, len);
  if (chmod (bin, mode) != 0 || (uid != (uid_t) -1 && chown (bin, uid, -1)))
    exit (99);
  struct content_pack *p = packfile_load (dir, NULL, NULL);
  if (!p)
    return strdup ("(not used)");
  scribble (bin, img, len);
  char *title = strdup (p->title);
  content_free (p);
  unlink (bin);
  return title;
}

/* Issue 17: an image is mapped only when no one but the running user
   and root can change it; else it is copied, and a write to the file
   after it was checked cannot reach the pack (docs/security.md).  */
static void
test_mapping (const char *dir, const unsigned char *img, size_t len)
{
  static const struct { mode_t mode; const char *what; bool mapped; }
  modes[] = {
    { 0644, "the running user's, 644: mapped (only its owner can change "
      "it, and an in-place write by the owner shows)", true },
    { 0664, "group-writable: copied, an in-place write does not reach "
      "the pack", false },
    { 0646, "writable by others: copied", false },
  };
  for (size_t i = 0; i < sizeof modes / sizeof *modes; i++)
    {
      char *t = title_after_write (dir, img, len, modes[i].mode, (uid_t) -1);
      tap_ok (strcmp (t, modes[i].mapped ? "A smell test pack"
                                         : "A small test pack") == 0,
              "an image %s (%s)", modes[i].what, t);
      free (t);
    }
  if (geteuid () == 0)          /* root may give the file away */
    {
      char *t = title_after_write (dir, img, len, 0644, 1);
      tap_ok (strcmp (t, "A small test pack") == 0,
              "an image of another user (not root), 644: copied (%s)", t);
      free (t);
    }
}

static void
test_stale (const char *tmp, const unsigned char *img, size_t len)
{
  char bin[4096], to[4096], from[4096];
  snprintf (bin, sizeof bin, "%s/%s", tmp, PACKFILE_NAME);
  snprintf (to, sizeof to, "%s/fruits.yaml", tmp);
  bool none = !image_used (tmp, NULL);
  write_file (bin, img, len);
  tap_ok (none && image_used (tmp, NULL) && !image_used (to, bin),
          "an image of the YAML beside it is used; without one, or for "
          "a single YAML file, none");

  snprintf (to, sizeof to, "%s/doc.yaml", tmp);
  FILE *f = fopen (to, "ab");
  if (!f || fputs ("# edited\n", f) < 0 || fclose (f) != 0)
    exit (99);
  bool edited = !image_used (tmp, NULL);
  snprintf (from, sizeof from, "%s/tests/data/good/doc.yaml", srcdir);
  copy_file (from, to);
  tap_ok (edited && image_used (tmp, NULL),
          "a YAML file edited: the image is not used; edited back, it is");

  snprintf (to, sizeof to, "%s/zz.yaml", tmp);
  write_file (to, "kind: pack\n", 11);
  tap_ok (!image_used (tmp, NULL), "a YAML file added: not used");
  unlink (to);
  snprintf (to, sizeof to, "%s/fruits.yaml", tmp);
  snprintf (from, sizeof from, "%s/fruit.yaml", tmp);
  rename (to, from);
  tap_ok (!image_used (tmp, NULL), "a YAML file renamed: not used");
  rename (from, to);

  snprintf (to, sizeof to, "%s/.hidden.yaml", tmp);
  write_file (to, "x", 1);
  snprintf (from, sizeof from, "%s/notes.txt", tmp);
  write_file (from, "x", 1);
  tap_ok (image_used (tmp, NULL),
          "files the loader does not read do not count");
  unlink (to);
  unlink (from);
}

/* A pack.bin that is no image, and an image named explicitly.  */
static void
test_bad_bins (const char *tmp, const unsigned char *img, size_t len)
{
  char bin[4096], other[4096];
  snprintf (bin, sizeof bin, "%s/%s", tmp, PACKFILE_NAME);
  snprintf (other, sizeof other, "%s/other.img", tmp);
  static const char *const what[] = { "cut short", "empty",
                                      "7 bytes of its magic", "a FIFO",
                                      "a directory" };
  int used = -1;
  for (int i = 0; i < 5 && used < 0; i++)
    {
      unlink (bin);
      if (i < 3)
        write_file (bin, img, i == 0 ? len / 2 : i == 1 ? 0 : 7);
      else if (i == 3 ? mkfifo (bin, 0600) : mkdir (bin, 0700))
        exit (99);
      if (image_used (tmp, NULL))
        used = i;
      rmdir (bin);
    }
  tap_ok (used < 0, "a pack.bin cut short, empty, of 7 bytes, a FIFO or "
          "a directory is not used (nor hangs)%s%s",
          used < 0 ? "" : ": used when ", used < 0 ? "" : what[used]);

  /* DIR's pack.bin and the image named: one good, the other not.  */
  write_file (other, img, len);
  write_file (bin, img, len / 2);
  bool named = image_used (tmp, other);
  write_file (bin, img, len);
  write_file (other, img, len / 2);
  tap_ok (named && !image_used (tmp, other),
          "an image named explicitly is the one read, not DIR's pack.bin");
}

/* Whether the hash of DIR has changed from *LAST; note it there.  */
static bool
hash_changed (const char *dir, uint64_t *last)
{
  uint64_t h = 0;
  if (!packfile_hash_dir (dir, &h))
    exit (99);
  bool changed = h != *last;
  *last = h;
  return changed;
}

static void
test_hash (const char *tmp)
{
  char a[4096], b[4096];
  char text[] = "kind: pack\ntitle: changed byte by byte\n";
  size_t n = sizeof text - 1, same_at = n;
  uint64_t base = 0, h = 0;
  snprintf (a, sizeof a, "%s/a.yaml", tmp);
  snprintf (b, sizeof b, "%s/b.yaml", tmp);
  write_file (a, text, n);
  hash_changed (tmp, &base);
  for (size_t i = 0; i < n && same_at == n; i++)
    {
      text[i] ^= 0x20;
      write_file (a, text, n);
      h = base;
      if (!hash_changed (tmp, &h))
        same_at = i;
      text[i] ^= 0x20;
    }
  char first[40] = "";
  if (same_at < n)
    snprintf (first, sizeof first, ": not byte %zu", same_at);
  tap_ok (!first[0], "every one-byte change of a YAML file (%zu) changes "
          "the hash%s", n, first);

  /* "foo" then b.yaml's "bar", or the same bytes in a.yaml alone.  */
  write_file (a, "foo", 3);
  write_file (b, "bar", 3);
  hash_changed (tmp, &h);
  unlink (b);
  write_file (a, "foob.yaml\0bar", 13);
  tap_ok (hash_changed (tmp, &h),
          "a file's size is hashed: its bytes are not the next file's");
  unlink (a);
}


int
main (void)
{
  char tmp[] = "/tmp/pinav-packfile.XXXXXX";
  size_t len;
  packtest_init ();
  if (!mkdtemp (tmp))
    return 99;
  test_round_trip ("tests/data/good");
  test_round_trip ("data");
  unsigned char *img = good_dir (tmp, &len);
  test_stale (tmp, img, len);
  test_bad_bins (tmp, img, len);
  test_mapping (tmp, img, len);
  empty_dir (tmp);
  test_hash (tmp);
  empty_dir (tmp);
  rmdir (tmp);
  free (img);
  return tap_done ();
}
