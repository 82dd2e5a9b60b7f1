/* unit-load.c - the loader and the model, on small packs.  */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "load.h"
#include "packsrc.h"
#include "tap.h"

static const char *srcdir;

static struct content_pack *
load_text (const char *text, struct diags *d)
{
  return load_pack_buffer ("t.yaml", (const unsigned char *) text,
                           strlen (text), d);
}

/* Load TEXT, expect failure with a message containing WANT at LINE:COL.  */
static void
expect_error (const char *text, unsigned line, unsigned col,
              const char *want)
{
  struct diags d = { 0 };
  struct content_pack *p = load_text (text, &d);
  int found = 0;
  for (size_t i = 0; i < d.n; i++)
    if (d.v[i].line == line && d.v[i].col == col
        && strstr (d.v[i].msg, want))
      found = 1;
  tap_ok (!p && found, "error '%s' at %u:%u", want, line, col);
  if (!found)
    diag_print (&d, stdout);
  content_free (p);
  diag_free (&d);
}

static void
test_good_pack (void)
{
  char path[4096];
  struct diags d = { 0 };
  snprintf (path, sizeof path, "%s/tests/data/good", srcdir);
  struct content_pack *p = load_pack (path, &d);
  tap_ok (p != NULL && d.n == 0, "the good pack loads");
  if (!p)
    {
      diag_print (&d, stdout);
      return;
    }
  tap_ok (strcmp (p->title, "A small test pack") == 0, "pack title");
  tap_ok (p->n_docs == 1 && p->docs[0]->n_sections == 2, "one document, "
          "two sections");
  const struct content_section *s = content_section (p, "d1", "more");
  tap_ok (s && s->index == 1 && s->blocks[0].kind == BLOCK_NUMBERED
          && s->blocks[0].n_items == 2, "section lookup and blocks");
  const struct content_item *it = content_item (p, "fruits", "apple");
  tap_ok (it && strcmp (it->name, "Apple") == 0, "item lookup");
  int ix = it ? content_attr_index (it->coll, "sweet") : -1;
  tap_ok (ix >= 0 && it->values[ix].set && it->values[ix].boolean,
          "bool attribute");
  ix = it ? content_attr_index (it->coll, "uses") : -1;
  tap_ok (ix >= 0 && it->values[ix].n_list == 2
          && strcmp (it->values[ix].list[1], "juice") == 0, "list attribute");
  tap_ok (it && it->n_claims == 1 && it->claims[0].cites[0].section
          == content_section (p, "d1", "intro"), "citation resolved");
  tap_ok (content_item (p, "fruits", "cherry") == NULL
          && content_document (p, "nope") == NULL
          && content_comparison (p, "compare-fruits") != NULL,
          "missing ids are NULL");
  content_free (p);
  diag_free (&d);
}

static const char doc_head[] = "kind: document\nid: d\ntitle: T\n"
                               "source: s.txt\nsections:\n";

static void
test_errors (void)
{
  char buf[1024];
  expect_error ("kind: pack\ntitle: x\n", 1, 1, "missing required key "
                "'reviewed'");
  expect_error ("kind: thing\n", 1, 7, "unknown kind 'thing'");
  expect_error ("- a\n- b\n", 1, 1, "expected a mapping with 'kind'");
  expect_error ("kind: document\nkind: pack\n", 2, 1, "duplicate key "
                "'kind'");
  expect_error ("a: &x 1\nb: *x\n", 1, 4, "anchors (&x) are not allowed");
  expect_error ("a: &x 1\nb: *x\n", 2, 4, "aliases (*x) are not allowed");
  snprintf (buf, sizeof buf, "%s  - id: Bad_Id\n    heading: H\n"
            "    blocks: []\n", doc_head);
  expect_error (buf, 6, 9, "invalid id 'Bad_Id'");
  snprintf (buf, sizeof buf, "%s  - id: a\n    heading: H\n    blocks: []\n"
            "  - id: a\n    heading: H\n    blocks: []\n", doc_head);
  expect_error (buf, 9, 9, "duplicate section id 'a'");
  snprintf (buf, sizeof buf, "%s  - id: a\n    heading: H\n"
            "    blocks: [{q: x}]\n", doc_head);
  expect_error (buf, 8, 15, "unknown key 'q'");
  expect_error ("kind: collection\nid: c\ntitle: C\nitems:\n  - id: i\n"
                "    name: N\n    summary: S\n    claims:\n"
                "      - text: x\n        cite: [nodoc#s]\n",
                10, 16, "missing document 'nodoc'");
  expect_error ("kind: collection\nid: c\ntitle: C\nitems:\n  - id: i\n"
                "    name: N\n    summary: S\n", 5, 5, "cites no document");
}

static void
test_deep (void)
{
  char buf[200];
  size_t n = 0;
  for (int i = 0; i < 40; i++)
    buf[n++] = '[';
  buf[n] = '\0';
  expect_error (buf, 1, 33, "nesting deeper than 32 levels");
}

/* Load TEXT, expect exactly N problems, the first containing WANT.  */
static void
expect_count (const char *text, size_t n, const char *want)
{
  struct diags d = { 0 };
  struct content_pack *p = load_text (text, &d);
  bool found = d.n > 0 && strstr (d.v[0].msg, want);
  tap_ok (!p && d.n == n && found, "%zu problem(s): '%s'", n, want);
  if (!found || d.n != n)
    diag_print (&d, stdout);
  content_free (p);
  diag_free (&d);
}

static void
test_one_message (void)
{
  static const char pack[] = "kind: pack\ntitle: T\nreviewed: 2026-11-22\n"
                             "disclaimer: D\nmenu: []\n";
  char buf[512];
  /* A typing slip in a required key: not 'missing' as well.  */
  expect_count ("kind: pack\ntitel: T\nreviewed: 2026-11-22\n"
                "disclaimer: D\nmenu: []\n", 1, "did you mean 'title'?");
  /* An unknown key in a block: not 'expected a list' as well.  */
  snprintf (buf, sizeof buf, "%s  - id: a\n    heading: H\n"
            "    blocks: [{q: x}]\n", doc_head);
  expect_count (buf, 1, "unknown key 'q' in a block");
  /* An anchor, an alias and a tag in one file: all three.  */
  snprintf (buf, sizeof buf, "%sabout: [&a x, *a, !!str y]\n", pack);
  expect_count (buf, 3, "anchors (&a)");
  /* A UTF-8 byte order mark is not text.  */
  snprintf (buf, sizeof buf, "\357\273\277%s", pack);
  struct diags d = { 0 };
  struct content_pack *p = load_text (buf, &d);
  tap_ok (p && d.n == 0, "a UTF-8 byte order mark is skipped");
  content_free (p);
  diag_free (&d);
}

/* Write TEXT (or the file FROM, when TEXT is NULL) to DIR/NAME, as a
   package manager does: a new file renamed over the old one.  */
static void
put_file (const char *dir, const char *name, const char *text,
          const char *from)
{
  char path[4096], tmp[4096], buf[65536];
  size_t n = 0;
  snprintf (path, sizeof path, "%s/%s", dir, name);
  snprintf (tmp, sizeof tmp, "%s/.new", dir);
  FILE *in = text ? NULL : fopen (from, "rb");
  if (in)
    {
      n = fread (buf, 1, sizeof buf - 1, in);
      fclose (in);
    }
  FILE *out = fopen (tmp, "wb");
  if (out)
    {
      fwrite (text ? text : buf, 1, text ? strlen (text) : n, out);
      fclose (out);
    }
  rename (tmp, path);
}

/* Reload SRC; expect R, and WHAT to be found in what it says.  */
static struct content_pack *
expect_reload (struct pack_source *src, enum pack_reload r,
               const char *what, const char *name)
{
  struct content_pack *p;
  char *said;
  enum pack_reload got = pack_source_reload (src, &p, &said);
  tap_ok (got == r && (r == PACK_RELOADED) == (p != NULL)
          && (what ? said && strstr (said, what) : !said),
          "reload: %s", name);
  if (got != r || (what && (!said || !strstr (said, what))))
    printf ("# got %d, said: %s\n", (int) got, said ? said : "(nothing)");
  free (said);
  return p;
}

/* pack_source: loaded again only when its files changed; a broken
   change is refused, once.  */
static void
test_reload (void)
{
  static const char *const files[] = { "doc.yaml", "fruits.yaml",
                                       "pack.yaml", "places.yaml" };
  char dir[] = "/tmp/pinav-unit-load.XXXXXX", from[4096], path[4096];
  struct pack_source src, still;
  if (!mkdtemp (dir))
    return;
  for (size_t i = 0; i < 4; i++)
    {
      snprintf (from, sizeof from, "%s/tests/data/good/%s", srcdir,
                files[i]);
      put_file (dir, files[i], NULL, from);
    }
  struct content_pack *p = pack_source_load (&src, dir, true, true, stderr);
  tap_ok (p && src.stamp, "reload: the copy loads, watched");
  content_free (expect_reload (&src, PACK_SAME, NULL, "unchanged: nothing"));
  snprintf (from, sizeof from, "%s/tests/data/good/fruits.yaml", srcdir);
  put_file (dir, "fruits.yaml", NULL, from);
  struct content_pack *q
    = expect_reload (&src, PACK_RELOADED, "changed: fruits.yaml",
                     "a file replaced: loaded again, and named");
  content_free (q);
  put_file (dir, "zz.yaml", "kind: [\n", NULL);
  snprintf (path, sizeof path, "%s/zz.yaml:2:1: ", dir);
  content_free (expect_reload (&src, PACK_REFUSED, path,
                               "a broken file added: refused, with "
                               "FILE:LINE:COLUMN"));
  content_free (expect_reload (&src, PACK_SAME, NULL,
                               "the same broken files: not tried again"));
  snprintf (path, sizeof path, "%s/zz.yaml", dir);
  unlink (path);
  content_free (expect_reload (&src, PACK_SAME, NULL,
                               "the broken file gone: the pack in use is "
                               "the files'"));
  put_file (dir, "zz.yaml", "kind: document\nid: z\ntitle: Z\n"
            "publisher: P\nsource: s\nsections:\n  - id: a\n"
            "    heading: A\n    blocks:\n      - p: Text.\n", NULL);
  content_free (expect_reload (&src, PACK_RELOADED, "added: zz.yaml",
                               "a good file added"));
  unlink (path);
  content_free (expect_reload (&src, PACK_RELOADED, "removed: zz.yaml",
                               "a file removed"));
  struct content_pack *u = pack_source_load (&still, dir, true, false,
                                             stderr);
  put_file (dir, "fruits.yaml", NULL, from);
  content_free (expect_reload (&still, PACK_SAME, NULL,
                               "a pack not watched: never loaded again"));
  content_free (u);
  content_free (p);
  pack_source_free (&src);
  pack_source_free (&still);
  for (size_t i = 0; i < 4; i++)
    {
      snprintf (path, sizeof path, "%s/%s", dir, files[i]);
      unlink (path);
    }
  rmdir (dir);
}

int
main (void)
{
  srcdir = getenv ("top_srcdir");
  if (!srcdir)
    srcdir = ".";
  setenv ("LANGUAGE", "en", 1);
  test_good_pack ();
  test_errors ();
  test_deep ();
  test_one_message ();
  test_reload ();
  return tap_done ();
}
