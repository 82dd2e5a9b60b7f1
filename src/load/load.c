/* load.c - read a content pack from a directory of YAML files, one
   file, or a buffer: each file is read whole, parsed (ytree.c) and
   handed to load_kinds.c; once all are read, load_refs.c checks the
   references between them.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "load_kinds.h"
#include "load_refs.h"
#include "loadctx.h"
#include "packdir.h"
#include "ytree.h"

/* Read FILE whole, within YTREE_MAX_FILE.  */
static unsigned char *
load_read (struct loadctx *lc, const char *file, size_t *len)
{
  /* O_NONBLOCK: a FIFO named x.yaml must not hang the loader.  */
  int fd = open (file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  struct stat st;
  if (fd < 0 || fstat (fd, &st) < 0)
    {
      lc_error (lc, NULL, _("cannot read: %s"), strerror (errno));
      if (fd >= 0)
        close (fd);
      return NULL;
    }
  unsigned char *buf = NULL;
  if (S_ISDIR (st.st_mode))
    lc_error (lc, NULL, _("is a directory, not a YAML file"));
  else if (!S_ISREG (st.st_mode))
    lc_error (lc, NULL, _("not a regular file"));
  else if (st.st_size > YTREE_MAX_FILE)
    lc_error (lc, NULL, _("file larger than 32 MiB"));
  else if ((buf = malloc ((size_t) st.st_size + 1)) == NULL)
    lc_error (lc, NULL, _("out of memory"));
  size_t got = 0;
  while (buf && got < (size_t) st.st_size)
    {
      ssize_t r = read (fd, buf + got, (size_t) st.st_size - got);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        {
          if (r < 0)
            lc_error (lc, NULL, _("cannot read: %s"), strerror (errno));
          else
            lc_error (lc, NULL, "%s", _("cannot read: the file got shorter "
                                        "while it was read"));
          free (buf);
          buf = NULL;
          break;
        }
      got += (size_t) r;
    }
  close (fd);
  *len = got;
  return buf;
}

/* Whether the LEN bytes of BUF hold a '#' comment (and so are not
   quite empty).  */
static bool
has_comment (const unsigned char *buf, size_t len)
{
  return memchr (buf, '#', len) != NULL;
}

/* A file that gave no tree: BUF, of LEN bytes, is empty, or the
   parser reported why not.  BEFORE is the number of problems reported
   before it was parsed.  */
static void
load_nothing (struct loadctx *lc, const unsigned char *buf, size_t len,
              size_t before)
{
  if (lc->diags->n + lc->diags->dropped == before)
    lc_error (lc, NULL, "%s", has_comment (buf, len)
              ? _("no content, only comments: expected a mapping with "
                  "'kind'")
              : _("empty file: expected a mapping with 'kind'"));
  lc->n_errors++;
  /* What this file defines is unknown: references to it cannot be
     checked.  */
  lc->n_unread++;
}

/* Parse one YAML document and add what it holds to the pack.  The tree
   lives only while the file is read: the model keeps the text of the
   values, which ytree puts in the pack's arena.  */
static void
load_root (struct loadctx *lc, const unsigned char *buf, size_t len)
{
  struct arena tree = { 0 };
  size_t before = lc->diags->n + lc->diags->dropped;
  const struct ynode *root = ytree_parse_values (&tree, &lc->pack->arena,
                                                 lc->file, buf, len,
                                                 lc->diags);
  if (root)
    load_kind (lc, root);
  else
    load_nothing (lc, buf, len, before);
  arena_free (&tree);
}

static void
load_file (struct loadctx *lc, const char *file)
{
  size_t len = 0;
  lc->file = arena_strdup (&lc->pack->arena, file);
  if (!lc->file)
    {
      lc->file = file;
      lc_error (lc, NULL, _("out of memory"));
      return;
    }
  unsigned char *buf = load_read (lc, file, &len);
  if (buf)
    load_root (lc, buf, len);
  else
    lc->n_unread++;
  free (buf);
}

/* Load every *.yaml file of directory DIR, in name order.  */
static void
load_dir (struct loadctx *lc, const char *dir)
{
  char **names;
  size_t n;
  lc->file = dir;
  if (packdir_names (dir, &names, &n) < 0)
    {
      lc_error (lc, NULL, _("cannot read: %s"), strerror (errno));
      return;
    }
  for (size_t i = 0; i < n; i++)
    {
      char *path = NULL;
      if (asprintf (&path, "%s/%s", dir, names[i]) >= 0)
        load_file (lc, path);
      free (path);
    }
  lc->file = arena_strdup (&lc->pack->arena, dir);
  if (n == 0)
    lc_error (lc, NULL, "%s", _("no content pack here: no *.yaml files"));
  else if (!lc->pack_file && lc->n_errors == 0)
    lc_error (lc, NULL, "%s", _("no content pack here: no file of kind "
                                "'pack'"));
  packdir_free (names, n);
}

static struct content_pack *
load_finish (struct loadctx *lc)
{
  if (!lc_settle (lc) || !content_index_build (lc->pack))
    lc_error (lc, NULL, "%s", _("out of memory"));
  else
    load_refs_check (lc);
  free (lc->refs);
  if (!lc->n_errors && (!content_backrefs_build (lc->pack)
                        || !content_words_build (lc->pack)))
    lc_error (lc, NULL, "%s", _("out of memory"));
  if (lc->n_errors)
    {
      content_free (lc->pack);
      return NULL;
    }
  return lc->pack;
}

static bool
load_start (struct loadctx *lc, struct diags *diags, const char *name)
{
  *lc = (struct loadctx) { .diags = diags, .file = name };
  lc->pack = calloc (1, sizeof *lc->pack);
  if (!lc->pack)
    diag_add (diags, name, 0, 0, "%s", _("out of memory"));
  return lc->pack != NULL;
}

struct content_pack *
load_pack (const char *path, struct diags *diags)
{
  struct loadctx lc;
  struct stat st;
  if (!load_start (&lc, diags, path))
    return NULL;
  if (stat (path, &st) < 0)
    lc_error (&lc, NULL, _("cannot read: %s"), strerror (errno));
  else if (S_ISDIR (st.st_mode))
    load_dir (&lc, path);
  else
    load_file (&lc, path);
  return load_finish (&lc);
}

struct content_pack *
load_pack_buffer (const char *name, const unsigned char *buf, size_t len,
                  struct diags *diags)
{
  struct loadctx lc;
  if (!load_start (&lc, diags, name))
    return NULL;
  if (len > YTREE_MAX_FILE)
    lc_error (&lc, NULL, _("file larger than 32 MiB"));
  else
    load_root (&lc, buf, len);
  return load_finish (&lc);
}
