/* load.c - read a content pack from a directory of YAML files.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "i18n.h"
#include "loadctx.h"
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

bool
lc_idset_init (struct lc_idset *set, size_t n)
{
  size_t size = 16;
  while (size < n * 2 + 16)
    size *= 2;
  *set = (struct lc_idset) { 0 };
  set->slots = calloc (size, sizeof *set->slots);
  if (!set->slots)
    return false;
  set->mask = size - 1;
  return true;
}

static void
idset_insert (struct lc_idset *set, const char *key, int value)
{
  size_t i = hash_str (key) & set->mask;
  for (; set->slots[i].key; i = (i + 1) & set->mask)
    if (strcmp (set->slots[i].key, key) == 0)
      return;
  set->slots[i].key = key;
  set->slots[i].value = value;
  set->n++;
}

bool
lc_idset_put (struct lc_idset *set, const char *key, int value)
{
  if (!set->slots && !lc_idset_init (set, 0))
    return false;
  if ((set->n + 1) * 2 > set->mask + 1)
    {
      struct lc_idset bigger;
      if (!lc_idset_init (&bigger, set->n * 2))
        return false;
      for (size_t i = 0; i <= set->mask; i++)
        if (set->slots[i].key)
          idset_insert (&bigger, set->slots[i].key, set->slots[i].value);
      free (set->slots);
      *set = bigger;
    }
  idset_insert (set, key, value);
  return true;
}

int
lc_idset_get (const struct lc_idset *set, const char *key)
{
  if (!set->slots)
    return -1;
  for (size_t i = hash_str (key) & set->mask; set->slots[i].key;
       i = (i + 1) & set->mask)
    if (strcmp (set->slots[i].key, key) == 0)
      return set->slots[i].value;
  return -1;
}

void
lc_idset_free (struct lc_idset *set)
{
  free (set->slots);
  *set = (struct lc_idset) { 0 };
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
    lc_error (lc, NULL, "%s", _("no content pack here: no *.yaml files"));
  else if (!lc->pack_file && lc->n_errors == 0)
    lc_error (lc, NULL, "%s", _("no content pack here: no file of kind "
                                "'pack'"));
  for (size_t i = 0; i < n; i++)
    free (names[i]);
  free (names);
}

static void ref_error (struct loadctx *lc, const struct loadref *r,
                       const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

static void
ref_error (struct loadctx *lc, const struct loadref *r, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  diag_vadd (lc->diags, r->file, r->line, r->col, fmt, ap);
  va_end (ap);
  lc->n_errors++;
}

static bool is_unsure (const struct lc_idset *unsure, enum ref_kind kind,
                       const char *id);

/* Resolve "document#section".  */
static void
ref_cite (struct loadctx *lc, const struct loadref *r,
          const struct lc_idset *unsure)
{
  const struct content_pack *p = lc->pack;
  const char *hash = strchr (r->value, '#');
  if (!hash || hash == r->value || !hash[1])
    {
      ref_error (lc, r, _("citation '%s' is not document#section"),
                 lc_show (lc, r->value));
      return;
    }
  char *doc = arena_strndup (&lc->pack->arena, r->value,
                             (size_t) (hash - r->value));
  if (!doc)
    {
      ref_error (lc, r, "%s", _("out of memory"));
      return;
    }
  r->cite->doc_id = doc;
  r->cite->section_id = hash + 1;
  if (!content_document (p, doc))
    {
      if (!lc->unsure_docs)
        ref_error (lc, r, _("citation names a missing document '%s'"),
                   lc_show (lc, doc));
    }
  else if (!(r->cite->section = content_section (p, doc, hash + 1))
           && !is_unsure (unsure, REF_UNSURE_SECTIONS, doc))
    ref_error (lc, r, _("document '%s' has no section '%s'"),
               lc_show (lc, doc), lc_show (lc, hash + 1));
}

/* The attributes of every collection, by "collection\037attribute".  */
static bool
attr_index (struct loadctx *lc, struct lc_idset *set)
{
  const struct content_pack *p = lc->pack;
  size_t n = 0;
  for (size_t i = 0; i < p->n_colls; i++)
    n += p->colls[i]->n_attrs;
  if (!lc_idset_init (set, n))
    return false;
  for (size_t i = 0; i < p->n_colls; i++)
    for (size_t j = 0; j < p->colls[i]->n_attrs; j++)
      {
        char *key = NULL;
        if (asprintf (&key, "%s\037%s", p->colls[i]->id,
                      p->colls[i]->attrs[j].id) < 0)
          return false;
        char *k = arena_strdup (&lc->pack->arena, key);
        free (key);
        if (!k)
          return false;
        if (!lc_idset_put (set, k, (int) j))
          return false;
      }
  return true;
}

/* Whether what KIND says of ID was noted by lc_unsure.  */
static bool
is_unsure (const struct lc_idset *unsure, enum ref_kind kind, const char *id)
{
  char *key = NULL;
  if (asprintf (&key, "%d\037%s", (int) kind, id) < 0)
    return false;
  bool found = lc_idset_get (unsure, key) >= 0;
  free (key);
  return found;
}

static void
ref_check (struct loadctx *lc, const struct loadref *r,
           const struct lc_idset *attrs, const struct lc_idset *unsure)
{
  const struct content_pack *p = lc->pack;
  char *key = NULL;
  switch (r->kind)
    {
    case REF_CITE:
      ref_cite (lc, r, unsure);
      break;
    case REF_ITEM:
      if (r->scope && content_collection (p, r->scope)
          && !is_unsure (unsure, REF_UNSURE_ITEMS, r->scope)
          && !content_item (p, r->scope, r->value))
        ref_error (lc, r, _("collection '%s' has no item '%s'"),
                   lc_show (lc, r->scope), lc_show (lc, r->value));
      break;
    case REF_COLLECTION:
      if (!lc->unsure_colls && !content_collection (p, r->value))
        ref_error (lc, r, _("no collection '%s'"), lc_show (lc, r->value));
      break;
    case REF_MENU:
      if (!lc->unsure_colls && !lc->unsure_comps
          && !content_collection (p, r->value)
          && !content_comparison (p, r->value))
        ref_error (lc, r, _("no collection or comparison '%s'"),
                   lc_show (lc, r->value));
      break;
    case REF_ATTR:
      if (!r->scope || !content_collection (p, r->scope)
          || is_unsure (unsure, REF_UNSURE_ATTRS, r->scope))
        break;
      if (asprintf (&key, "%s\037%s", r->scope, r->value) < 0)
        key = NULL;
      if (key && lc_idset_get (attrs, key) < 0)
        ref_error (lc, r, _("collection '%s' has no attribute '%s'"),
                   lc_show (lc, r->scope), lc_show (lc, r->value));
      free (key);
      break;
    default:
      break;
    }
}

static int
def_group (enum ref_kind k)
{
  return k == REF_DEF_COMP ? REF_DEF_COLL : (int) k;
}

static int
def_cmp (const void *a, const void *b)
{
  const struct loadref *x = *(struct loadref *const *) a;
  const struct loadref *y = *(struct loadref *const *) b;
  if (def_group (x->kind) != def_group (y->kind))
    return def_group (x->kind) < def_group (y->kind) ? -1 : 1;
  int c = strcmp (x->value, y->value);
  if (c)
    return c;
  return x < y ? -1 : x > y;
}

/* Report documents, collections or comparisons defined twice, and a
   collection and a comparison of one id (the menu names either).  */
static void
check_defs (struct loadctx *lc)
{
  struct loadref **v = malloc ((lc->n_refs + 1) * sizeof *v);
  size_t n = 0;
  if (!v)
    return;
  for (size_t i = 0; i < lc->n_refs; i++)
    if (lc->refs[i].kind >= REF_DEF_DOC && lc->refs[i].kind <= REF_DEF_COMP)
      v[n++] = &lc->refs[i];
  if (n)
    qsort (v, n, sizeof *v, def_cmp);
  for (size_t i = 1; i < n; i++)
    {
      const struct loadref *a = v[i - 1], *b = v[i];
      if (def_group (a->kind) != def_group (b->kind)
          || strcmp (a->value, b->value) != 0)
        continue;
      char *where = NULL;
      if (strcmp (a->file, b->file) == 0
          ? asprintf (&where, _("line %u"), a->line) < 0
          : asprintf (&where, "%s:%u", a->file, a->line) < 0)
        where = NULL;
      const char *id = lc_show (lc, b->value);
      if (b->kind == REF_DEF_DOC)
        ref_error (lc, b, _("duplicate document id '%s' (first at %s)"), id,
                   where ? where : "?");
      else if (a->kind == REF_DEF_COLL && b->kind == REF_DEF_COLL)
        ref_error (lc, b, _("duplicate collection id '%s' (first at %s)"),
                   id, where ? where : "?");
      else if (a->kind == REF_DEF_COMP && b->kind == REF_DEF_COMP)
        ref_error (lc, b, _("duplicate comparison id '%s' (first at %s)"),
                   id, where ? where : "?");
      else
        ref_error (lc, b, _("id '%s' names both a collection and a "
                            "comparison (the other at %s): the menu needs "
                            "distinct ids"), id, where ? where : "?");
      free (where);
    }
  free (v);
}

/* The notes of lc_unsure, as "KIND\037ID".  */
static bool
unsure_index (struct loadctx *lc, struct lc_idset *set)
{
  for (size_t i = 0; i < lc->n_refs; i++)
    {
      const struct loadref *r = &lc->refs[i];
      if (r->kind < REF_UNSURE_SECTIONS || r->kind > REF_UNSURE_ATTRS)
        continue;
      char *key = NULL;
      if (asprintf (&key, "%d\037%s", (int) r->kind, r->value) < 0)
        return false;
      char *k = arena_strdup (&lc->pack->arena, key);
      free (key);
      if (!k || !lc_idset_put (set, k, 0))
        return false;
    }
  return true;
}

static struct content_pack *
load_finish (struct loadctx *lc)
{
  struct lc_idset attrs = { 0 }, unsure = { 0 };
  if (!content_index_build (lc->pack) || !attr_index (lc, &attrs)
      || !unsure_index (lc, &unsure))
    lc_error (lc, NULL, "%s", _("out of memory"));
  else
    {
      check_defs (lc);
      /* With a file unread, a reference may name what it holds.  */
      for (size_t i = 0; lc->n_unread == 0 && i < lc->n_refs; i++)
        ref_check (lc, &lc->refs[i], &attrs, &unsure);
    }
  lc_idset_free (&attrs);
  lc_idset_free (&unsure);
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
