/* load.c - read a content pack from a directory of YAML files.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "loadctx.h"
#include "ytree.h"

void
lc_error (struct loadctx *lc, const struct ynode *n, const char *fmt, ...)
{
  va_list ap;
  char *msg = NULL;
  va_start (ap, fmt);
  if (vasprintf (&msg, fmt, ap) < 0)
    msg = NULL;
  va_end (ap);
  diag_add (lc->diags, lc->file, n ? n->line : 0, n ? n->col : 0, "%s",
            msg ? msg : fmt);
  free (msg);
  lc->n_errors++;
}

static bool
lc_in (const char *const *set, const char *s)
{
  for (; set && *set; set++)
    if (strcmp (*set, s) == 0)
      return true;
  return false;
}

static bool
lc_type (struct loadctx *lc, const struct ynode *n, enum ynode_type t)
{
  if (n->type == t)
    return true;
  lc_error (lc, n, _("expected %s, found %s"), ytree_type_name (t),
            ytree_type_name (n->type));
  return false;
}

bool
lc_keys (struct loadctx *lc, const struct ynode *map,
         const char *const *allowed, const char *const *required)
{
  if (!lc_type (lc, map, YNODE_MAP))
    return false;
  for (size_t i = 0; i + 1 < map->n; i += 2)
    if (!lc_in (allowed, map->kids[i]->str))
      lc_error (lc, map->kids[i], _("unknown key '%s'"), map->kids[i]->str);
  for (; required && *required; required++)
    if (!ytree_get (map, *required))
      lc_error (lc, map, _("missing required key '%s'"), *required);
  return true;
}

const char *
lc_str (struct loadctx *lc, const struct ynode *map, const char *key)
{
  const struct ynode *n = ytree_get (map, key);
  if (!n || !lc_type (lc, n, YNODE_SCALAR))
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
lc_id (struct loadctx *lc, const struct ynode *map, const char *key)
{
  const char *s = lc_str (lc, map, key);
  if (s && !lc_id_valid (s))
    {
      lc_error (lc, ytree_get (map, key),
                _("invalid id '%.64s': use 1 to 64 of a-z, 0-9 and '-'"), s);
      return NULL;
    }
  return s;
}

const struct ynode *
lc_seq (struct loadctx *lc, const struct ynode *map, const char *key)
{
  const struct ynode *n = ytree_get (map, key);
  return n && lc_type (lc, n, YNODE_SEQ) ? n : NULL;
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
      lc_error (lc, seq, _("out of memory"));
      return 0;
    }
  for (size_t i = 0; i < seq->n; i++)
    {
      if (!lc_type (lc, seq->kids[i], YNODE_SCALAR))
        return 0;
      v[i] = seq->kids[i]->str;
    }
  *out = v;
  return seq->n;
}

void
lc_ref (struct loadctx *lc, enum ref_kind kind, const struct ynode *n,
        const char *scope, struct content_cite *cite)
{
  if (!n || n->type != YNODE_SCALAR)
    return;
  if (lc->n_refs == lc->cap_refs)
    {
      size_t cap = lc->cap_refs ? lc->cap_refs * 2 : 64;
      struct loadref *v = realloc (lc->refs, cap * sizeof *v);
      if (!v)
        {
          lc_error (lc, n, _("out of memory"));
          return;
        }
      lc->refs = v;
      lc->cap_refs = cap;
    }
  lc->refs[lc->n_refs++] = (struct loadref) {
    kind, lc->file, n->line, n->col, n->str, scope, cite
  };
}

/* Read FILE whole, within YTREE_MAX_FILE.  */
static unsigned char *
load_read (struct loadctx *lc, const char *file, size_t *len)
{
  int fd = open (file, O_RDONLY | O_CLOEXEC);
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
          break;
        }
      got += (size_t) r;
    }
  close (fd);
  *len = got;
  return buf;
}

/* Parse one YAML document and add what it holds to the pack.  */
static void
load_root (struct loadctx *lc, const unsigned char *buf, size_t len)
{
  size_t before = lc->diags->n + lc->diags->dropped;
  const struct ynode *root = ytree_parse (&lc->pack->arena, lc->file, buf,
                                          len, lc->diags);
  if (!root)
    {
      if (lc->diags->n + lc->diags->dropped == before)
        lc_error (lc, NULL, _("empty file: expected a mapping with 'kind'"));
      lc->n_errors++;
      return;
    }
  if (root->type != YNODE_MAP)
    {
      lc_error (lc, root, _("expected a mapping with 'kind', found %s"),
                ytree_type_name (root->type));
      return;
    }
  const struct ynode *kind = ytree_get (root, "kind");
  if (!kind)
    lc_error (lc, root, _("missing required key '%s'"), "kind");
  else if (kind->type != YNODE_SCALAR)
    lc_error (lc, kind, _("expected %s, found %s"),
              ytree_type_name (YNODE_SCALAR), ytree_type_name (kind->type));
  else if (strcmp (kind->str, "document") == 0)
    load_document (lc, root);
  else if (strcmp (kind->str, "collection") == 0)
    load_collection (lc, root);
  else if (strcmp (kind->str, "pack") == 0)
    load_packinfo (lc, root);
  else
    lc_error (lc, kind, _("unknown kind '%s' (expected pack, document or "
                          "collection)"), kind->str);
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
  free (buf);
}

static int
name_cmp (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static bool
is_yaml_name (const char *name)
{
  size_t n = strlen (name);
  return name[0] != '.' && n > 5 && strcmp (name + n - 5, ".yaml") == 0;
}

/* Load every *.yaml file of directory DIR, in name order.  */
static void
load_dir (struct loadctx *lc, const char *dir)
{
  DIR *d = opendir (dir);
  char **names = NULL;
  size_t n = 0, cap = 0;
  lc->file = dir;
  if (!d)
    {
      lc_error (lc, NULL, _("cannot read: %s"), strerror (errno));
      return;
    }
  for (struct dirent *e; (e = readdir (d)) != NULL;)
    {
      if (!is_yaml_name (e->d_name))
        continue;
      if (n == cap)
        {
          cap = cap ? cap * 2 : 16;
          char **v = realloc (names, cap * sizeof *v);
          if (!v)
            break;
          names = v;
        }
      if (asprintf (&names[n], "%s/%s", dir, e->d_name) >= 0)
        n++;
    }
  closedir (d);
  lc->file = arena_strdup (&lc->pack->arena, dir);
  if (n)
    qsort (names, n, sizeof *names, name_cmp);
  for (size_t i = 0; i < n; i++)
    load_file (lc, names[i]);
  lc->file = arena_strdup (&lc->pack->arena, dir);
  if (n == 0)
    lc_error (lc, NULL, _("no content pack here: no *.yaml files"));
  else if (!lc->have_pack && lc->n_errors == 0)
    lc_error (lc, NULL, _("no content pack here: no file of kind 'pack'"));
  for (size_t i = 0; i < n; i++)
    free (names[i]);
  free (names);
}

static void
ref_error (struct loadctx *lc, const struct loadref *r, const char *fmt,
           const char *a, const char *b)
{
  diag_add (lc->diags, r->file, r->line, r->col, fmt, a, b);
  lc->n_errors++;
}

/* Resolve "document#section".  */
static void
ref_cite (struct loadctx *lc, const struct loadref *r)
{
  const struct content_pack *p = lc->pack;
  const char *hash = strchr (r->value, '#');
  char doc[80];
  size_t n = hash ? (size_t) (hash - r->value) : 0;
  if (!hash || n == 0 || n >= sizeof doc || !hash[1])
    {
      ref_error (lc, r, _("citation '%.80s' is not document#section%s"),
                 r->value, "");
      return;
    }
  memcpy (doc, r->value, n);
  doc[n] = '\0';
  r->cite->doc_id = doc[0] ? arena_strdup (&lc->pack->arena, doc) : NULL;
  r->cite->section_id = hash + 1;
  if (!content_document (p, doc))
    ref_error (lc, r, _("citation names a missing document '%s'%s"), doc,
               "");
  else if (!(r->cite->section = content_section (p, doc, hash + 1)))
    ref_error (lc, r, _("document '%s' has no section '%.80s'"), doc,
               hash + 1);
}

static void
ref_check (struct loadctx *lc, const struct loadref *r)
{
  const struct content_pack *p = lc->pack;
  const struct content_collection *c;
  switch (r->kind)
    {
    case REF_CITE:
      ref_cite (lc, r);
      break;
    case REF_ITEM:
      if (r->scope && content_collection (p, r->scope)
          && !content_item (p, r->scope, r->value))
        ref_error (lc, r, _("collection '%s' has no item '%.80s'"), r->scope,
                   r->value);
      break;
    case REF_COLLECTION:
      if (!content_collection (p, r->value))
        ref_error (lc, r, _("no collection '%.80s'%s"), r->value, "");
      break;
    case REF_MENU:
      if (!content_collection (p, r->value) && !content_comparison (p, r->value))
        ref_error (lc, r, _("no collection or comparison '%.80s'%s"),
                   r->value, "");
      break;
    case REF_ATTR:
      c = content_collection (p, r->scope);
      if (c && content_attr_index (c, r->value) < 0)
        ref_error (lc, r, _("collection '%s' has no attribute '%.80s'"),
                   r->scope, r->value);
      break;
    default:
      break;
    }
}

static int
def_cmp (const void *a, const void *b)
{
  const struct loadref *x = *(struct loadref *const *) a;
  const struct loadref *y = *(struct loadref *const *) b;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  int c = strcmp (x->value, y->value);
  if (c)
    return c;
  return x < y ? -1 : x > y;
}

/* Report documents, collections or comparisons defined twice.  */
static void
check_defs (struct loadctx *lc)
{
  struct loadref **v = malloc ((lc->n_refs + 1) * sizeof *v);
  size_t n = 0;
  if (!v)
    return;
  for (size_t i = 0; i < lc->n_refs; i++)
    if (lc->refs[i].kind >= REF_DEF_DOC)
      v[n++] = &lc->refs[i];
  if (n)
    qsort (v, n, sizeof *v, def_cmp);
  for (size_t i = 1; i < n; i++)
    if (v[i]->kind == v[i - 1]->kind
        && strcmp (v[i]->value, v[i - 1]->value) == 0)
      ref_error (lc, v[i], _("'%s' is defined twice (first in %s)"),
                 v[i]->value, v[i - 1]->file);
  free (v);
}

static struct content_pack *
load_finish (struct loadctx *lc)
{
  if (!content_index_build (lc->pack))
    lc_error (lc, NULL, _("out of memory"));
  else
    {
      check_defs (lc);
      for (size_t i = 0; i < lc->n_refs; i++)
        ref_check (lc, &lc->refs[i]);
    }
  free (lc->refs);
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
