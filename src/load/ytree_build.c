/* ytree_build.c - build ytree.c's tree from libyaml's events,
   refusing anchors, aliases, tags, merge keys, duplicate keys and
   anything past ytree.h's bounds.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "ytree_build.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "vec.h"
#include "ytree_text.h"

/* The text of a node that stands in for one refused, so that the tree
   keeps its shape and the parse can go on to report more.  */
static const char placeholder[] = "";

static void ybuild_vreport (struct ybuild *b, unsigned line, unsigned col,
                            bool fatal, const char *fmt, va_list ap)
  __attribute__ ((format (printf, 5, 0)));
static void ybuild_error (struct ybuild *b, const yaml_mark_t *m,
                          bool fatal, const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));

static void
ybuild_vreport (struct ybuild *b, unsigned line, unsigned col, bool fatal,
                const char *fmt, va_list ap)
{
  diag_vadd (b->diags, b->file, line, col, fmt, ap);
  b->failed = true;
  if (fatal)
    b->stop = true;
}

void
ybuild_report (struct ybuild *b, unsigned line, unsigned col, bool fatal,
               const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  ybuild_vreport (b, line, col, fatal, fmt, ap);
  va_end (ap);
}

static void
ybuild_error (struct ybuild *b, const yaml_mark_t *m, bool fatal,
              const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  ybuild_vreport (b, (unsigned) m->line + 1, (unsigned) m->column + 1, fatal,
                  fmt, ap);
  va_end (ap);
}

/* S clipped to a short quotation, in the arena ("" when out of memory).  */
static const char *
ybuild_show (struct ybuild *b, const char *s)
{
  bool more;
  if (b->diags->n >= DIAG_MAX)
    return "";                  /* the message will not be kept */
  size_t n = diag_clip (s, 40, &more);
  char *t = arena_alloc (b->arena, n + 4);
  if (!t)
    return "";
  memcpy (t, s, n);
  strcpy (t + n, more ? "..." : "");
  return t;
}

static struct ynode *
ybuild_node (struct ybuild *b, enum ynode_type type, const yaml_mark_t *m)
{
  struct ynode *n = arena_alloc (b->arena, sizeof *n);
  if (!n)
    {
      ybuild_error (b, m, true, "%s", _("out of memory"));
      return NULL;
    }
  n->type = type;
  n->line = (unsigned) m->line + 1;
  n->col = (unsigned) m->column + 1;
  return n;
}

/* Attach N to the open container, or make it the root.  */
static bool
ybuild_attach (struct ybuild *b, struct ynode *n, const yaml_mark_t *m)
{
  if (b->depth == 0)
    {
      b->root = n;
      return true;
    }
  struct yframe *f = &b->stack[b->depth - 1];
  if (!VEC_ROOM (f->kids, f->n, f->cap, 8))
    {
      ybuild_error (b, m, true, "%s", _("out of memory"));
      return false;
    }
  if (f->node->type == YNODE_MAP && f->n % 2 == 0
      && n->type != YNODE_SCALAR)
    ybuild_error (b, m, false, "%s", _("a mapping key must be text, not a "
                                       "list or a mapping"));
  f->kids[f->n++] = n;
  return true;
}

/* TAG as it is usually written: "!!str" for the standard ones.  */
static const char *
ybuild_tag_name (struct ybuild *b, const char *tag)
{
  static const char std[] = "tag:yaml.org,2002:";
  if (strncmp (tag, std, sizeof std - 1) != 0)
    return ybuild_show (b, tag);
  char *t = arena_alloc (b->arena, strlen (tag));
  if (!t)
    return "";
  strcpy (t, "!!");
  strcat (t, tag + sizeof std - 1);
  return ybuild_show (b, t);
}

/* Refuse an anchor or a tag; the node itself is kept.  */
static void
ybuild_props (struct ybuild *b, const yaml_char_t *anchor,
              const yaml_char_t *tag, bool implicit, const yaml_mark_t *m)
{
  if (anchor)
    ybuild_error (b, m, false, _("anchors (&%s) are not allowed: write the "
                                 "text out in full"),
                  ybuild_show (b, (const char *) anchor));
  if (tag && !implicit)
    ybuild_error (b, m, false, _("YAML tags (%s) are not allowed: remove "
                                 "the tag"),
                  ybuild_tag_name (b, (const char *) tag));
}

/* A placeholder scalar at M, for an alias or a refused text.  */
static void
ybuild_placeholder (struct ybuild *b, const yaml_mark_t *m)
{
  struct ynode *n = ybuild_node (b, YNODE_SCALAR, m);
  if (!n)
    return;
  n->str = placeholder;
  ybuild_attach (b, n, m);
}

/* Whether the next node is a key of the open mapping.  */
static bool
ybuild_at_key (const struct ybuild *b)
{
  const struct yframe *f = b->depth ? &b->stack[b->depth - 1] : NULL;
  return f && f->node->type == YNODE_MAP && f->n % 2 == 0;
}

static void
ybuild_scalar (struct ybuild *b, const yaml_event_t *e)
{
  const yaml_mark_t *m = &e->start_mark;
  bool at_key = ybuild_at_key (b);
  ybuild_props (b, e->data.scalar.anchor, e->data.scalar.tag,
                e->data.scalar.plain_implicit
                || e->data.scalar.quoted_implicit, m);
  if (e->data.scalar.length > YTREE_MAX_SCALAR)
    {
      ybuild_error (b, m, false, "%s", _("text longer than 1 MiB"));
      ybuild_placeholder (b, m);
      return;
    }
  struct ynode *n = ybuild_node (b, YNODE_SCALAR, m);
  if (!n)
    return;
  n->str = arena_strndup (at_key ? b->arena : b->values,
                          (const char *) e->data.scalar.value,
                          e->data.scalar.length);
  n->len = e->data.scalar.length;
  n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
  if (!n->str)
    {
      ybuild_error (b, m, true, "%s", _("out of memory"));
      return;
    }
  if (strlen (n->str) != n->len)
    ybuild_error (b, m, false, "%s", _("text contains a NUL character "
                                       "('\\0')"));
  else
    ytext_scalar (b, e, n);
  if (at_key && n->plain && strcmp (n->str, "<<") == 0)
    {
      ybuild_error (b, m, false, "%s", _("merge keys ('<<') are not "
                                         "allowed: write the keys out"));
      b->merge_key = true;
    }
  ybuild_attach (b, n, m);
}

static void
ybuild_alias (struct ybuild *b, const yaml_event_t *e)
{
  /* '<<: *a' was reported at its key, once.  */
  if (!b->merge_key)
    ybuild_error (b, &e->start_mark, false,
                  _("aliases (*%s) are not allowed: write the text out in "
                    "full"),
                  ybuild_show (b, (const char *) e->data.alias.anchor));
  ybuild_placeholder (b, &e->start_mark);
}

static void
ybuild_open (struct ybuild *b, enum ynode_type type, const yaml_event_t *e)
{
  const yaml_mark_t *m = &e->start_mark;
  if (type == YNODE_MAP)
    ybuild_props (b, e->data.mapping_start.anchor,
                  e->data.mapping_start.tag,
                  e->data.mapping_start.implicit, m);
  else
    ybuild_props (b, e->data.sequence_start.anchor,
                  e->data.sequence_start.tag,
                  e->data.sequence_start.implicit, m);
  if (b->depth >= YTREE_MAX_DEPTH)
    {
      ybuild_error (b, m, true, "%s", _("nesting deeper than 32 levels"));
      return;
    }
  struct ynode *n = ybuild_node (b, type, m);
  if (!n || !ybuild_attach (b, n, m))
    return;
  b->stack[b->depth++] = (struct yframe) { n, NULL, 0, 0 };
}

static int
ykey_cmp (const void *a, const void *b)
{
  const struct ynode *x = *(struct ynode *const *) a;
  const struct ynode *y = *(struct ynode *const *) b;
  int c = strcmp (x->str, y->str);
  if (c)
    return c;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

/* Report each key of MAP that repeats an earlier one: O(n log n).  */
static void
ybuild_dupkeys (struct ybuild *b, const struct ynode *map)
{
  size_t nk = map->n / 2, n = 0;
  if (nk < 2)
    return;
  struct ynode **keys = malloc (nk * sizeof *keys);
  if (!keys)
    return;
  for (size_t i = 0; i < nk; i++)
    if (map->kids[2 * i]->type == YNODE_SCALAR
        && map->kids[2 * i]->str != placeholder)
      keys[n++] = map->kids[2 * i];
  if (n)
    qsort (keys, n, sizeof *keys, ykey_cmp);
  for (size_t i = 1; i < n; i++)
    if (strcmp (keys[i]->str, keys[i - 1]->str) == 0)
      {
        ybuild_report (b, keys[i]->line, keys[i]->col, false,
                       _("duplicate key '%s' (first at line %u)"),
                       ybuild_show (b, keys[i]->str), keys[i - 1]->line);
      }
  free (keys);
}

static void
ybuild_close (struct ybuild *b, const yaml_mark_t *m)
{
  if (b->depth == 0)
    return;
  struct yframe *f = &b->stack[--b->depth];
  struct ynode *n = f->node;
  n->kids = arena_array (b->arena, f->n ? f->n : 1, sizeof *n->kids);
  if (!n->kids)
    ybuild_error (b, m, true, "%s", _("out of memory"));
  else
    {
      if (f->n)
        memcpy (n->kids, f->kids, f->n * sizeof *n->kids);
      n->n = f->n;
      if (n->type == YNODE_MAP)
        ybuild_dupkeys (b, n);
    }
  free (f->kids);
  f->kids = NULL;
}

/* Add what the event E says to the tree; false to stop.  */
static bool
ybuild_event (struct ybuild *b, const yaml_event_t *e)
{
  bool merge_key = b->merge_key;
  b->merge_key = false;
  switch (e->type)
    {
    case YAML_DOCUMENT_START_EVENT:
      if (++b->documents > 1)
        ybuild_error (b, &e->start_mark, true, "%s",
                      _("a second YAML document: a file must hold one "
                        "(remove the '---')"));
      break;
    case YAML_ALIAS_EVENT:
      b->merge_key = merge_key;
      ybuild_alias (b, e);
      b->merge_key = false;
      break;
    case YAML_SCALAR_EVENT:
      ybuild_scalar (b, e);
      break;
    case YAML_SEQUENCE_START_EVENT:
      ybuild_open (b, YNODE_SEQ, e);
      break;
    case YAML_MAPPING_START_EVENT:
      ybuild_open (b, YNODE_MAP, e);
      break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      ybuild_close (b, &e->start_mark);
      break;
    case YAML_STREAM_END_EVENT:
      return false;
    default:
      break;
    }
  return !b->stop;
}

bool
ybuild_parse (struct ybuild *b, yaml_parser_t *p)
{
  for (;;)
    {
      yaml_event_t e;
      if (!yaml_parser_parse (p, &e))
        return false;
      bool more = ybuild_event (b, &e);
      yaml_event_delete (&e);
      if (!more)
        return true;
    }
}

void
ybuild_end (struct ybuild *b)
{
  while (b->depth)
    free (b->stack[--b->depth].kids);
}
