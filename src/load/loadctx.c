/* loadctx.c - the loader's shared state: messages, the checks of a
   node's keys, types and ids, the references to check once every file
   is read, and the pack's growing arrays.  It calls no other loader
   file but ytree.c (loadctx.h says who calls whom).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "loadctx.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text_safe.h"
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

bool
lc_one_line (struct loadctx *lc, const struct ynode *n)
{
  if (n->type != YNODE_SCALAR || !n->nl_line)
    return true;
  diag_add (lc->diags, lc->file, n->nl_line, n->nl_col,
            /* TRANSLATORS: the %s is "a line break" (U+000A).  */
            _("U+000A (%s) cannot be shown in text of one line, such as "
              "a title or a name; write it on one line"),
            text_unsafe_name (TEXT_NEWLINE));
  lc->n_errors++;
  return false;
}

/* The scalar at KEY of MAP, which must not be empty; NULL (reported)
   if not a string.  */
static const struct ynode *
lc_scalar (struct loadctx *lc, const struct ynode *map, const char *key)
{
  const struct ynode *n = lc_value (lc, map, key, YNODE_SCALAR);
  if (!n)
    return NULL;
  if (n->len == 0)
    {
      lc_error (lc, n, _("'%s' must not be empty"), key);
      return NULL;
    }
  return n;
}

const char *
lc_str (struct loadctx *lc, const struct ynode *map, const char *key)
{
  const struct ynode *n = lc_scalar (lc, map, key);
  return n && lc_one_line (lc, n) ? n->str : NULL;
}

const char *
lc_text (struct loadctx *lc, const struct ynode *map, const char *key)
{
  const struct ynode *n = lc_scalar (lc, map, key);
  return n ? n->str : NULL;
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
  const struct ynode *n = lc_scalar (lc, map, key);
  const char *s = n ? n->str : NULL;
  if (s && !lc_id_valid (s))
    lc_error (lc, n,
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

/* The strings of list SEQ, each of one line unless BLOCK.  */
static size_t
lc_list (struct loadctx *lc, const struct ynode *seq, bool block,
         const char ***out)
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
    if (lc_type (lc, seq->kids[i], YNODE_SCALAR, NULL)
        && (block || lc_one_line (lc, seq->kids[i])))
      v[i] = seq->kids[i]->str;
    else
      ok = false;
  if (!ok)
    return 0;
  *out = v;
  return seq->n;
}

size_t
lc_strings (struct loadctx *lc, const struct ynode *seq, const char ***out)
{
  return lc_list (lc, seq, false, out);
}

size_t
lc_texts (struct loadctx *lc, const struct ynode *seq, const char ***out)
{
  return lc_list (lc, seq, true, out);
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
    kind, lc->file, n->line, n->col, n->str, scope, cite, NULL, 0, NULL
  };
}

struct loadref *
lc_ref_at (struct loadctx *lc, enum ref_kind kind, const struct ynode *at,
           const char *value, const char *scope)
{
  if (!VEC_ROOM (lc->refs, lc->n_refs, lc->cap_refs, 64))
    {
      lc_error (lc, at, _("out of memory"));
      return NULL;
    }
  lc->refs[lc->n_refs] = (struct loadref) {
    kind, lc->file, at->line, at->col, value, scope, NULL, NULL, 0, NULL
  };
  return &lc->refs[lc->n_refs++];
}

void
lc_unsure (struct loadctx *lc, enum ref_kind kind, const char *id)
{
  struct ynode n = { .type = YNODE_SCALAR, .str = id };
  if (id)
    lc_ref (lc, kind, &n, NULL, NULL);
}

void *
lc_alloc (struct loadctx *lc, size_t count, size_t size)
{
  void *p = arena_array (&lc->pack->arena, count ? count : 1, size);
  if (!p)
    lc_error (lc, NULL, _("out of memory"));
  return p;
}

static int
idnode_cmp (const void *a, const void *b)
{
  const struct ynode *x = *(struct ynode *const *) a;
  const struct ynode *y = *(struct ynode *const *) b;
  int c = strcmp (x->str, y->str);
  if (c)
    return c;
  return x->line != y->line ? (x->line < y->line ? -1 : 1)
                            : (x->col < y->col ? -1 : x->col > y->col);
}

void
lc_unique (struct loadctx *lc, const struct ynode *seq, const char *what)
{
  if (!seq || seq->n < 2)
    return;
  const struct ynode **ids = malloc (seq->n * sizeof *ids);
  size_t n = 0;
  if (!ids)
    return;
  for (size_t i = 0; i < seq->n; i++)
    {
      const struct ynode *a = ytree_get (seq->kids[i], "id");
      if (a && a->type == YNODE_SCALAR)
        ids[n++] = a;
    }
  qsort (ids, n, sizeof *ids, idnode_cmp);
  for (size_t i = 1; i < n; i++)
    if (strcmp (ids[i]->str, ids[i - 1]->str) == 0)
      lc_error (lc, ids[i], _("duplicate %s id '%s' (first at line %u)"),
                what, lc_show (lc, ids[i]->str), ids[i - 1]->line);
  free (ids);
}

/* Move the array whose address is VP (a T **, as for vec_grow) of *N
   pointers from the heap into the pack's arena.  */
static bool
lc_settle_one (struct loadctx *lc, void *vp, size_t *n)
{
  void *heap, *v = NULL;
  memcpy (&heap, vp, sizeof heap);
  if (!heap)
    return true;
  v = arena_array (&lc->pack->arena, *n ? *n : 1, sizeof (void *));
  if (v)
    memcpy (v, heap, *n * sizeof (void *));
  else
    *n = 0;
  free (heap);
  memcpy (vp, &v, sizeof v);
  return v != NULL;
}

bool
lc_settle (struct loadctx *lc)
{
  struct content_pack *p = lc->pack;
  bool ok = lc_settle_one (lc, &p->docs, &p->n_docs);
  ok &= lc_settle_one (lc, &p->colls, &p->n_colls);
  ok &= lc_settle_one (lc, &p->comps, &p->n_comps);
  return ok;
}
