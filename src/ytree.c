/* ytree.c - a bounded YAML tree built from libyaml's event parser.
   With load.c and extract.c, the only files that know libyaml.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "ytree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "i18n.h"

/* A container under construction: its kids grow in a malloc'd vector
   and move to the arena when it closes.  */
struct yframe
{
  struct ynode *node;
  struct ynode **kids;
  size_t n, cap;
};

struct ybuild
{
  struct arena *arena;
  const char *file;
  struct diags *diags;
  const unsigned char *buf;
  size_t len;
  struct yframe stack[YTREE_MAX_DEPTH + 1];
  size_t depth;
  struct ynode *root;
  int documents;
  bool failed;
};

static void
ybuild_error (struct ybuild *b, const yaml_mark_t *m, const char *msg)
{
  diag_add (b->diags, b->file, (unsigned) m->line + 1,
            (unsigned) m->column + 1, "%s", msg);
  b->failed = true;
}

static struct ynode *
ybuild_node (struct ybuild *b, enum ynode_type type, const yaml_mark_t *m)
{
  struct ynode *n = arena_alloc (b->arena, sizeof *n);
  if (!n)
    {
      ybuild_error (b, m, _("out of memory"));
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
  if (f->n == f->cap)
    {
      size_t cap = f->cap ? f->cap * 2 : 8;
      struct ynode **kids = realloc (f->kids, cap * sizeof *kids);
      if (!kids)
        {
          ybuild_error (b, m, _("out of memory"));
          return false;
        }
      f->kids = kids;
      f->cap = cap;
    }
  if (f->node->type == YNODE_MAP && f->n % 2 == 0
      && n->type != YNODE_SCALAR)
    {
      ybuild_error (b, m, _("a mapping key must be a plain string"));
      return false;
    }
  f->kids[f->n++] = n;
  return true;
}

static bool
ybuild_props (struct ybuild *b, const yaml_char_t *anchor,
              const yaml_char_t *tag, bool implicit, const yaml_mark_t *m)
{
  if (anchor)
    {
      ybuild_error (b, m, _("anchors and aliases are not allowed"));
      return false;
    }
  if (tag && !implicit)
    {
      ybuild_error (b, m, _("YAML tags are not allowed"));
      return false;
    }
  return true;
}

static void
ybuild_scalar (struct ybuild *b, const yaml_event_t *e)
{
  const yaml_mark_t *m = &e->start_mark;
  if (!ybuild_props (b, e->data.scalar.anchor, e->data.scalar.tag,
                     e->data.scalar.plain_implicit
                     || e->data.scalar.quoted_implicit, m))
    return;
  if (e->data.scalar.length > YTREE_MAX_SCALAR)
    {
      ybuild_error (b, m, _("text longer than 1 MiB"));
      return;
    }
  struct ynode *n = ybuild_node (b, YNODE_SCALAR, m);
  if (!n)
    return;
  n->str = arena_strndup (b->arena, (const char *) e->data.scalar.value,
                          e->data.scalar.length);
  n->len = e->data.scalar.length;
  n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
  if (!n->str)
    ybuild_error (b, m, _("out of memory"));
  else if (strlen (n->str) != n->len)
    ybuild_error (b, m, _("text contains a NUL character"));
  else
    ybuild_attach (b, n, m);
}

static void
ybuild_open (struct ybuild *b, enum ynode_type type, const yaml_event_t *e)
{
  const yaml_mark_t *m = &e->start_mark;
  bool ok = type == YNODE_MAP
    ? ybuild_props (b, e->data.mapping_start.anchor,
                    e->data.mapping_start.tag,
                    e->data.mapping_start.implicit, m)
    : ybuild_props (b, e->data.sequence_start.anchor,
                    e->data.sequence_start.tag,
                    e->data.sequence_start.implicit, m);
  if (!ok)
    return;
  if (b->depth >= YTREE_MAX_DEPTH)
    {
      ybuild_error (b, m, _("nesting deeper than 32 levels"));
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
  size_t nk = map->n / 2;
  if (nk < 2)
    return;
  struct ynode **keys = malloc (nk * sizeof *keys);
  if (!keys)
    return;
  for (size_t i = 0; i < nk; i++)
    keys[i] = map->kids[2 * i];
  qsort (keys, nk, sizeof *keys, ykey_cmp);
  for (size_t i = 1; i < nk; i++)
    if (strcmp (keys[i]->str, keys[i - 1]->str) == 0)
      {
        diag_add (b->diags, b->file, keys[i]->line, keys[i]->col,
                  _("duplicate key '%s' (first at line %u)"),
                  keys[i]->str, keys[i - 1]->line);
        b->failed = true;
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
    ybuild_error (b, m, _("out of memory"));
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

/* Handle one event; false to stop.  */
static bool
ybuild_event (struct ybuild *b, const yaml_event_t *e)
{
  switch (e->type)
    {
    case YAML_DOCUMENT_START_EVENT:
      if (++b->documents > 1)
        ybuild_error (b, &e->start_mark,
                      _("a file must hold one YAML document"));
      break;
    case YAML_ALIAS_EVENT:
      ybuild_error (b, &e->start_mark,
                    _("anchors and aliases are not allowed"));
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
  return !b->failed;
}

/* The 1-based line and column (in characters) of byte OFFSET.  */
static void
ybuild_position (const struct ybuild *b, size_t offset, unsigned *line,
                 unsigned *col)
{
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < offset && i < b->len; i++)
    if (b->buf[i] == '\n')
      {
        ++*line;
        *col = 1;
      }
    else if ((b->buf[i] & 0xC0) != 0x80)
      ++*col;
}

static void
ybuild_parse_error (struct ybuild *b, const yaml_parser_t *p)
{
  const yaml_mark_t *m = &p->problem_mark;
  const char *problem = p->problem ? p->problem : "unknown problem";
  if (p->error == YAML_READER_ERROR)
    {
      unsigned line, col;
      ybuild_position (b, p->problem_offset, &line, &col);
      diag_add (b->diags, b->file, line, col,
                _("invalid text (%s, byte %zu)"), problem, p->problem_offset);
    }
  else if (p->context)
    diag_add (b->diags, b->file, (unsigned) m->line + 1,
              (unsigned) m->column + 1, _("YAML syntax error: %s %s"),
              problem, p->context);
  else
    diag_add (b->diags, b->file, (unsigned) m->line + 1,
              (unsigned) m->column + 1, _("YAML syntax error: %s"),
              problem);
  b->failed = true;
}

struct ynode *
ytree_parse (struct arena *arena, const char *file,
             const unsigned char *buf, size_t len, struct diags *diags)
{
  struct ybuild b = { .arena = arena, .file = file, .diags = diags,
                     .buf = buf, .len = len };
  yaml_parser_t parser;
  if (!yaml_parser_initialize (&parser))
    {
      diag_add (diags, file, 0, 0, _("out of memory"));
      return NULL;
    }
  yaml_parser_set_input_string (&parser, buf, len);
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);
  for (;;)
    {
      yaml_event_t e;
      if (!yaml_parser_parse (&parser, &e))
        {
          ybuild_parse_error (&b, &parser);
          break;
        }
      bool more = ybuild_event (&b, &e);
      yaml_event_delete (&e);
      if (!more)
        break;
    }
  while (b.depth)
    free (b.stack[--b.depth].kids);
  yaml_parser_delete (&parser);
  return b.failed ? NULL : b.root;
}

const struct ynode *
ytree_get (const struct ynode *map, const char *key)
{
  if (!map || map->type != YNODE_MAP)
    return NULL;
  for (size_t i = 0; i + 1 < map->n; i += 2)
    if (strcmp (map->kids[i]->str, key) == 0)
      return map->kids[i + 1];
  return NULL;
}

const char *
ytree_type_name (enum ynode_type type)
{
  switch (type)
    {
    case YNODE_SCALAR:
      return _("a string");
    case YNODE_SEQ:
      return _("a list");
    default:
      return _("a mapping");
    }
}
