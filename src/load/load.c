/* load.c - read a content pack from a directory of YAML files.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "loadctx.h"
#include "packdir.h"
#include "vec.h"
#include "ytree.h"

void
lc_error (struct loadctx *lc, const struct ynode *n, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  diag_vadd (lc->diags, lc->file, n ? n->line : 0, n ? n->col : 0, fmt, ap);
  va_end (ap);
  lc->n_errors++;
}

const char *
lc_show (struct loadctx *lc, const char *s)
{
  bool more;
  size_t n;
  if (!s || lc->diags->n >= DIAG_MAX)
    return "";                  /* no text, or the message is not kept */
  n = diag_clip (s, 40, &more);
  char *t = arena_alloc (&lc->pack->arena, n + 4);
  if (!t)
    return "";
  memcpy (t, s, n);
  strcpy (t + n, more ? "..." : "");
  return t;
}

static bool
lc_in (const char *const *set, const char *s)
{
  for (; set && *set; set++)
    if (strcmp (*set, s) == 0)
      return true;
  return false;
}

/* Report N, the value of KEY (or a list entry when KEY is NULL), for
   not being of type T, at AT.  */
static void
lc_type_error (struct loadctx *lc, const struct ynode *at,
               const struct ynode *n, enum ynode_type t, const char *key)
{
  bool none = n->type == YNODE_SCALAR && n->plain && n->len == 0;
  if (key && none)
    lc_error (lc, at, _("'%s' has no value: it must be %s"), key,
              ytree_type_name (t));
  else if (key)
    lc_error (lc, at, _("'%s' must be %s, not %s"), key, ytree_type_name (t),
              ytree_type_name (n->type));
  else if (none)
    lc_error (lc, at, _("an empty entry: expected %s"), ytree_type_name (t));
  else
    lc_error (lc, at, _("expected %s here, not %s"), ytree_type_name (t),
              ytree_type_name (n->type));
}

bool
lc_type (struct loadctx *lc, const struct ynode *n, enum ynode_type t,
         const char *key)
{
  if (n->type == t)
    return true;
  lc_type_error (lc, n, n, t, key);
  return false;
}

const struct ynode *
lc_value (struct loadctx *lc, const struct ynode *map, const char *key,
          enum ynode_type t)
{
  if (!map || map->type != YNODE_MAP)
    return NULL;
  for (size_t i = 0; i + 1 < map->n; i += 2)
    if (strcmp (map->kids[i]->str, key) == 0)
      {
        const struct ynode *k = map->kids[i], *v = map->kids[i + 1];
        if (v->type == t)
          return v;
        /* A block list or mapping starts on the next line: the key
           says better where the mistake is.  */
        lc_type_error (lc, v->line == k->line ? v : k, v, t, key);
        return NULL;
      }
  return NULL;
}

/* The edit distance of A and B, or 3 when it is more than 2.  */
static size_t
lc_distance (const char *a, const char *b)
{
  size_t la = strlen (a), lb = strlen (b);
  if (la > 32 || lb > 32 || (la > lb ? la - lb : lb - la) > 2)
    return 3;
  size_t row[33];
  for (size_t j = 0; j <= lb; j++)
    row[j] = j;
  for (size_t i = 1; i <= la; i++)
    {
      size_t diag = row[0];
      row[0] = i;
      for (size_t j = 1; j <= lb; j++)
        {
          size_t up = row[j];
          size_t best = diag + (a[i - 1] != b[j - 1]);
          if (up + 1 < best)
            best = up + 1;
          if (row[j - 1] + 1 < best)
            best = row[j - 1] + 1;
          row[j] = best;
          diag = up;
        }
    }
  return row[lb] > 3 ? 3 : row[lb];
}

/* The allowed key that KEY looks like a typing slip of, or NULL.  */
static const char *
lc_near (const char *const *allowed, const char *key)
{
  const char *near = NULL;
  size_t best = 3;
  for (const char *const *a = allowed; a && *a; a++)
    {
      size_t d = lc_distance (key, *a);
      if (d < best && d < strlen (*a))
        best = d, near = *a;
    }
  return near;
}

bool
lc_keys (struct loadctx *lc, const struct ynode *map,
         const char *const *allowed, const char *const *required)
{
  if (!lc_type (lc, map, YNODE_MAP, NULL))
    return false;
  for (size_t i = 0; i + 1 < map->n; i += 2)
    {
      const char *key = map->kids[i]->str;
      if (lc_in (allowed, key))
        continue;
      const char *near = lc_near (allowed, key);
      if (near)
        lc_error (lc, map->kids[i], _("unknown key '%s' (did you mean "
                                      "'%s'?)"), lc_show (lc, key), near);
      else
        {
          char list[256] = "";
          size_t n = 0;
          for (const char *const *a = allowed; a && *a && n < 200; a++)
            n += (size_t) snprintf (list + n, sizeof list - n, "%s%s",
                                    n ? ", " : "", *a);
          lc_error (lc, map->kids[i], _("unknown key '%s' (allowed here: "
                                        "%s)"), lc_show (lc, key), list);
        }
    }
  for (; required && *required; required++)
    {
      if (ytree_get (map, *required))
        continue;
      /* 'titel' was reported as meaning 'title': once is enough.  */
      bool misspelt = false;
      for (size_t i = 0; i + 1 < map->n && !misspelt; i += 2)
        misspelt = !lc_in (allowed, map->kids[i]->str)
                   && lc_near (allowed, map->kids[i]->str) == *required;
      if (!misspelt)
        lc_error (lc, map, _("missing required key '%s'"), *required);
    }
  return true;
}

const char *
lc_str (struct loadctx *lc, const struct ynode *map, const char *key)
{
  const struct ynode *n = lc_value (lc, map, key, YNODE_SCALAR);
  if (!n)
    return NULL;
  if (n->len == 0)
    {
      lc_error (lc, n, _("'%s' must not be empty"), key);
      return NULL;
    }
  return n->str;
}

bool
lc_id_valid (const char *s)
{
  size_t n = 0;
  for (; s[n]; n++)
    if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9')
          || s[n] == '-'))
      return false;
  return n >= 1 && n <= 64;
}

const char *
lc_defid (struct loadctx *lc, const struct ynode *map, const char *key)
{
  const char *s = lc_str (lc, map, key);
  if (s && !lc_id_valid (s))
    lc_error (lc, ytree_get (map, key),
              strlen (s) > 64
              ? _("invalid id '%s': longer than 64 characters")
              : _("invalid id '%s': use only a-z, 0-9 and '-'"),
              lc_show (lc, s));
  return s;
}

const char *
lc_id (struct loadctx *lc, const struct ynode *map, const char *key)
{
  const char *s = lc_defid (lc, map, key);
  return s && lc_id_valid (s) ? s : NULL;
}

const struct ynode *
lc_seq (struct loadctx *lc, const struct ynode *map, const char *key)
{
  return lc_value (lc, map, key, YNODE_SEQ);
}

size_t
lc_strings (struct loadctx *lc, const struct ynode *seq, const char ***out)
{
  *out = NULL;
  if (!seq || seq->n == 0)
    return 0;
  const char **v = arena_array (&lc->pack->arena, seq->n, sizeof *v);
  if (!v)
    {
      lc_error (lc, seq, "%s", _("out of memory"));
      return 0;
    }
  bool ok = true;
  for (size_t i = 0; i < seq->n; i++)
    if (lc_type (lc, seq->kids[i], YNODE_SCALAR, NULL))
      v[i] = seq->kids[i]->str;
    else
      ok = false;
  if (!ok)
    return 0;
  *out = v;
  return seq->n;
}

void
lc_ref (struct loadctx *lc, enum ref_kind kind, const struct ynode *n,
        const char *scope, struct content_cite *cite)
{
  if (!n || n->type != YNODE_SCALAR)
    return;
  if (!VEC_ROOM (lc->refs, lc->n_refs, lc->cap_refs, 64))
    {
      lc_error (lc, n, _("out of memory"));
      return;
    }
  lc->refs[lc->n_refs++] = (struct loadref) {
    kind, lc->file, n->line, n->col, n->str, scope, cite
  };
}

void
lc_unsure (struct loadctx *lc, enum ref_kind kind, const char *id)
{
  struct ynode n = { .type = YNODE_SCALAR, .str = id };
  if (id)
    lc_ref (lc, kind, &n, NULL, NULL);
}

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

/* Add what the YAML document ROOT (parsed from BUF) holds to the pack;
   BEFORE is the number of problems reported before it was parsed.  */
static void
load_kind (struct loadctx *lc, const struct ynode *root,
           const unsigned char *buf, size_t len, size_t before)
{
  const struct ynode *kind = root ? ytree_get (root, "kind") : NULL;
  if (!root)
    {
      if (lc->diags->n + lc->diags->dropped == before)
        lc_error (lc, NULL, "%s", has_comment (buf, len)
                  ? _("no content, only comments: expected a mapping with "
                      "'kind'")
                  : _("empty file: expected a mapping with 'kind'"));
      lc->n_errors++;
    }
  else if (root->type != YNODE_MAP)
    lc_error (lc, root, _("expected a mapping with 'kind' at the top level, "
                          "found %s"), ytree_type_name (root->type));
  else if (!kind)
    lc_error (lc, root, _("missing required key 'kind' (pack, document or "
                          "collection)"));
  else if (kind->type != YNODE_SCALAR)
    lc_error (lc, kind, _("'kind' must be pack, document or collection, "
                          "not %s"), ytree_type_name (kind->type));
  else if (strcmp (kind->str, "document") == 0)
    {
      load_document (lc, root);
      return;
    }
  else if (strcmp (kind->str, "collection") == 0)
    {
      load_collection (lc, root);
      return;
    }
  else if (strcmp (kind->str, "pack") == 0)
    {
      load_packinfo (lc, root);
      return;
    }
  else
    lc_error (lc, kind, _("unknown kind '%s' (expected pack, document or "
                          "collection)"), lc_show (lc, kind->str));
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
  load_kind (lc, root, buf, len, before);
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
  if (!content_index_build (lc->pack))
    lc_error (lc, NULL, "%s", _("out of memory"));
  else
    load_refs_check (lc);
  free (lc->refs);
  if (!lc->n_errors && !content_backrefs_build (lc->pack))
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
