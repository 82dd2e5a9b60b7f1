/* ytree.c - a bounded YAML tree built from libyaml's event parser.
   With load.c and extract.c, the only files that know libyaml.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "ytree.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
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
  struct arena *arena;          /* nodes, keys, kids */
  struct arena *values;         /* the text of other scalars */
  const char *file;
  struct diags *diags;
  const unsigned char *buf;     /* the text after any UTF-8 BOM */
  size_t len;
  struct yframe stack[YTREE_MAX_DEPTH + 1];
  size_t depth;
  struct ynode *root;
  int documents;
  bool merge_key;               /* the last event was a '<<' key */
  bool failed;                  /* a problem was reported */
  bool stop;                    /* ... and the parse cannot go on */
};

/* The text of a node that stands in for one refused, so that the tree
   keeps its shape and the parse can go on to report more.  */
static const char placeholder[] = "";

static void ybuild_vreport (struct ybuild *b, unsigned line, unsigned col,
                            bool fatal, const char *fmt, va_list ap)
  __attribute__ ((format (printf, 5, 0)));
static void ybuild_report (struct ybuild *b, unsigned line, unsigned col,
                           bool fatal, const char *fmt, ...)
  __attribute__ ((format (printf, 5, 6)));
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

static void
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
  if (f->n == f->cap)
    {
      size_t cap = f->cap ? f->cap * 2 : 8;
      struct ynode **kids = realloc (f->kids, cap * sizeof *kids);
      if (!kids)
        {
          ybuild_error (b, m, true, "%s", _("out of memory"));
          return false;
        }
      f->kids = kids;
      f->cap = cap;
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

/* Handle one event; false to stop.  */
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

/* The length of a line break at byte I (as libyaml counts them: LF,
   CR LF, CR, NEL, LS, PS), or 0.  */
static size_t
ybuild_break (const struct ybuild *b, size_t i)
{
  const unsigned char *s = b->buf + i;
  size_t left = b->len - i;
  if (s[0] == '\n')
    return 1;
  if (s[0] == '\r')
    return left > 1 && s[1] == '\n' ? 2 : 1;
  if (left > 1 && s[0] == 0xC2 && s[1] == 0x85)
    return 2;
  if (left > 2 && s[0] == 0xE2 && s[1] == 0x80
      && (s[2] == 0xA8 || s[2] == 0xA9))
    return 3;
  return 0;
}

/* The 1-based line and column (in characters) of byte OFFSET.  */
static void
ybuild_position (const struct ybuild *b, size_t offset, unsigned *line,
                 unsigned *col)
{
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < offset && i < b->len;)
    {
      size_t w = ybuild_break (b, i);
      if (w)
        {
          ++*line;
          *col = 1;
          i += w;
          continue;
        }
      if ((b->buf[i] & 0xC0) != 0x80)
        ++*col;
      i++;
    }
}

/* The byte offset of the 1-based LINE and COL, or LEN past the end.  */
static size_t
ybuild_offset (const struct ybuild *b, unsigned line, unsigned col)
{
  size_t i = 0;
  for (unsigned l = 1; l < line && i < b->len;)
    {
      size_t w = ybuild_break (b, i);
      i += w ? w : 1;
      l += w != 0;
    }
  for (unsigned c = 1; c < col && i < b->len && !ybuild_break (b, i); c++)
    do
      i++;
    while (i < b->len && (b->buf[i] & 0xC0) == 0x80);
  return i;
}

/* Write the LEN bytes at S as "0xC3 0xA9" into WHAT.  */
static void
ybuild_bytes (char *what, size_t size, const unsigned char *s, size_t len)
{
  size_t n = 0;
  what[0] = '\0';
  for (size_t j = 0; j < len && n + 6 < size; j++)
    n += (size_t) snprintf (what + n, size - n, "%s0x%02X", j ? " " : "",
                            s[j]);
}

/* Whether the 8 bytes at S are printable ASCII (0x20 to 0x7E), which
   needs no closer look: most of a pack.  */
static bool
ybuild_plain8 (const unsigned char *s)
{
  const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
  uint64_t x, del;
  memcpy (&x, s, sizeof x);
  del = x ^ (ones * 0x7F);
  return !(x & highs)                           /* no byte >= 0x80 */
         && !((x - ones * 0x20) & ~x & highs)   /* none < 0x20 */
         && !((del - ones) & ~del & highs);     /* none is 0x7F */
}

/* Check that the text is UTF-8 that YAML accepts, the way libyaml's
   reader does but with a message a person can act on.  Reports the
   first problem only: past a bad byte nothing can be trusted.  */
static bool
ybuild_check_text (struct ybuild *b)
{
  const unsigned char *s = b->buf;
  size_t n = b->len;
  char what[64];
  unsigned line, col;
  if (n >= 4 && ((s[0] == 0xFF && s[1] == 0xFE && !s[2] && !s[3])
                 || (!s[0] && !s[1] && s[2] == 0xFE && s[3] == 0xFF)))
    {
      ybuild_report (b, 1, 1, true, "%s", _("the file is in UTF-32: save "
                                            "it as UTF-8"));
      return false;
    }
  if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE)
                 || (s[0] == 0xFE && s[1] == 0xFF)))
    {
      ybuild_report (b, 1, 1, true, "%s", _("the file is in UTF-16: save "
                                            "it as UTF-8"));
      return false;
    }
  for (size_t i = 0; i < n;)
    {
      if (i + 8 <= n && ybuild_plain8 (s + i))
        {
          i += 8;
          continue;
        }
      unsigned c = s[i];
      size_t w = c < 0x80 ? 1 : c < 0xC0 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3
                 : c < 0xF8 ? 4 : 0, k = 1;
      uint32_t v = w == 1 ? c : c & (0x7F >> w);
      for (; k < w && i + k < n && (s[i + k] & 0xC0) == 0x80; k++)
        v = v << 6 | (s[i + k] & 0x3F);
      if (w && k == w && w > 1
          && !((w == 2 && v < 0x80) || (w == 3 && v < 0x800)
               || (w == 4 && v < 0x10000))
          && v >= 0xA0 && !(v >= 0xD800 && v <= 0xDFFF)
          && v != 0xFFFE && v != 0xFFFF && v <= 0x10FFFF)
        {
          i += w;
          continue;
        }
      if (w == 1 && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
          && c != 0x7F)
        {
          i++;
          continue;
        }
      ybuild_position (b, i, &line, &col);
      if (w == 0)
        ybuild_report (b, line, col, true,
                       _("not UTF-8: byte 0x%02X cannot start a character; "
                         "save the file as UTF-8"), c);
      else if (k < w)
        {
          ybuild_bytes (what, sizeof what, s + i, k);
          if (i + k >= n)
            ybuild_report (b, line, col, true,
                           _("not UTF-8: the file ends inside a character "
                             "(%s)"), what);
          else
            ybuild_report (b, line, col, true,
                           _("not UTF-8: an incomplete character (%s); "
                             "save the file as UTF-8"), what);
        }
      else if ((w == 2 && v < 0x80) || (w == 3 && v < 0x800)
               || (w == 4 && v < 0x10000))
        {
          ybuild_bytes (what, sizeof what, s + i, w);
          ybuild_report (b, line, col, true,
                         _("not UTF-8: an overlong encoding (%s)"), what);
        }
      else if (v == 0)
        ybuild_report (b, line, col, true, "%s",
                       _("a NUL byte: this is not a text file"));
      else if (v >= 0xD800 && v <= 0xDFFF)
        ybuild_report (b, line, col, true,
                       _("not UTF-8: U+%04X is a UTF-16 surrogate"),
                       (unsigned) v);
      else if (v > 0x10FFFF)
        ybuild_report (b, line, col, true, "%s",
                       _("not UTF-8: a character beyond Unicode"));
      else if (v == 0x85)
        {
          i += w;
          continue;
        }
      else
        ybuild_report (b, line, col, true,
                       _("control character U+%04X is not allowed"),
                       (unsigned) v);
      return false;
    }
  return true;
}

/* The first tab in the indentation of LINE, or at LINE:COL; its
   column in *TAB_COL.  */
static bool
ybuild_find_tab (const struct ybuild *b, unsigned line, unsigned col,
                 unsigned *tab_col)
{
  size_t at = ybuild_offset (b, line, col);
  if (at < b->len && b->buf[at] == '\t')
    {
      *tab_col = col;
      return true;
    }
  size_t i = ybuild_offset (b, line, 1);
  for (unsigned c = 1; i < b->len && (b->buf[i] == ' ' || b->buf[i] == '\t');
       i++, c++)
    if (b->buf[i] == '\t')
      {
        *tab_col = c;
        return true;
      }
  return false;
}

/* Whether nothing but blanks, line breaks and comments follow M.  */
static bool
ybuild_at_end (const struct ybuild *b, const yaml_mark_t *m)
{
  size_t i = ybuild_offset (b, (unsigned) m->line + 1,
                            (unsigned) m->column + 1);
  bool comment = false;
  for (; i < b->len; i++)
    {
      unsigned char c = b->buf[i];
      if (c == '\n' || c == '\r')
        comment = false;
      else if (c == '#')
        comment = true;
      else if (!comment && c != ' ' && c != '\t')
        return false;
    }
  return true;
}

static bool
has (const char *s, const char *part)
{
  return s && strstr (s, part);
}

/* Say what libyaml's PROBLEM and CONTEXT mean, in words a person
   editing the pack can act on, at the place the fix goes.  */
static void
ybuild_parse_error (struct ybuild *b, const yaml_parser_t *p)
{
  const char *problem = p->problem ? p->problem : "unknown problem";
  const char *context = p->context;
  const yaml_mark_t *m = &p->problem_mark, *cm = &p->context_mark;
  unsigned line = (unsigned) m->line + 1, col = (unsigned) m->column + 1;
  unsigned cline = (unsigned) cm->line + 1, ccol = (unsigned) cm->column + 1;
  size_t at = ybuild_offset (b, line, col);
  char ch[8] = "";
  if (at < b->len)
    {
      size_t w = 1;
      while (at + w < b->len && w < 4 && (b->buf[at + w] & 0xC0) == 0x80)
        w++;
      memcpy (ch, b->buf + at, w);
      ch[w] = '\0';
    }
  unsigned tab;
  if (p->error == YAML_READER_ERROR)
    {
      ybuild_position (b, p->problem_offset, &line, &col);
      ybuild_report (b, line, col, true, _("invalid text (%s, byte %zu)"),
                     problem, p->problem_offset);
    }
  else if (ybuild_find_tab (b, line, col, &tab))
    ybuild_report (b, line, tab, true, "%s",
                   _("a tab character: indent with spaces, not tabs"));
  else if (has (problem, "end of stream") && has (context, "quoted"))
    {
      size_t q = ybuild_offset (b, cline, ccol);
      ybuild_report (b, cline, ccol, true,
                     _("the quoted text starting here never ends: add the "
                       "closing %s"),
                     q < b->len && b->buf[q] == '\'' ? "'" : "\"");
    }
  else if (has (problem, "','") && (has (context, "flow sequence")
                                    || has (context, "flow mapping")))
    {
      bool list = has (context, "flow sequence");
      if (ybuild_at_end (b, m))
        ybuild_report (b, cline, ccol, true,
                       list ? _("the list opened here is never closed: add "
                                "']'")
                       : _("the mapping opened here is never closed: add "
                           "'}'"));
      else
        ybuild_report (b, line, col, true,
                       list ? _("expected ',' or ']' in the list opened at "
                                "line %u")
                       : _("expected ',' or '}' in the mapping opened at "
                           "line %u"), cline);
    }
  else if (has (problem, "expected key") && has (context, "block mapping"))
    ybuild_report (b, line, col, true,
                   _("expected a key at column %u, lined up with line %u: "
                     "check the indentation, or quote the whole value"),
                   ccol, cline);
  else if (has (problem, "'-' indicator") && col > ccol)
    ybuild_report (b, line, col, true,
                   _("bad indentation: line this up with the keys of the "
                     "entry above, or start a new entry with '- ' at column "
                     "%u"), ccol);
  else if (has (problem, "'-' indicator"))
    ybuild_report (b, line, col, true,
                   _("expected a '- ' entry at column %u, lined up with "
                     "line %u: check the indentation"), ccol, cline);
  else if (has (problem, "mapping values are not allowed"))
    ybuild_report (b, line, col, true, "%s",
                   _("unexpected ':' here: quote a value that contains ': ', "
                     "or check the indentation"));
  else if (has (problem, "block sequence entries are not allowed"))
    ybuild_report (b, line, col, true, "%s",
                   _("unexpected '- ' entry here: check the indentation"));
  else if (has (problem, "expected ':'"))
    ybuild_report (b, cline, ccol, true, "%s",
                   _("a key without ':' (or text that does not belong to "
                     "the value above): add ': ' or check the indentation"));
  else if (has (context, "anchor"))
    ybuild_report (b, line, col, true, "%s",
                   _("anchors (&) are not allowed: quote text that starts "
                     "with '&'"));
  else if (has (context, "alias"))
    ybuild_report (b, line, col, true, "%s",
                   _("aliases (*) are not allowed: quote text that starts "
                     "with '*'"));
  else if (has (context, "tag") || has (problem, "tag"))
    ybuild_report (b, line, col, true, "%s",
                   _("YAML tags (!) are not allowed: quote text that starts "
                     "with '!'"));
  else if (has (context, "directive"))
    ybuild_report (b, cline, ccol, true, "%s",
                   _("a line starting with a percent sign is a YAML "
                     "directive, which is not allowed: quote the text"));
  else if (has (problem, "unknown escape"))
    ybuild_report (b, line, col, true, "%s",
                   _("unknown escape sequence in double-quoted text: write "
                     "'\\\\' for a backslash, or use single quotes"));
  else if (has (problem, "cannot start any token") && ch[0])
    ybuild_report (b, line, col, true,
                   _("'%s' cannot start a value: quote the text"), ch);
  else if (has (problem, "indentation indicator equal to 0"))
    ybuild_report (b, line, col, true, "%s",
                   _("after '|' or '>', an indentation digit must be 1 to "
                     "9"));
  else if (has (context, "block scalar")
           && has (problem, "expected comment or line break"))
    ybuild_report (b, line, col, true, "%s",
                   _("after '|' or '>' the line must end (only '-', '+', an "
                     "indentation digit or a comment may follow): start the "
                     "text on the next line"));
  else if (has (problem, "expected node content"))
    ybuild_report (b, line, col, true, "%s", _("expected a value here"));
  else if (has (problem, "<document start>"))
    ybuild_report (b, line, col, true, "%s",
                   _("text after the end of the document: check the "
                     "indentation"));
  else
    {
      ybuild_report (b, line, col, true, _("YAML syntax error: %s%s%s"),
                     problem, context ? " " : "", context ? context : "");
    }
}

struct ynode *
ytree_parse (struct arena *arena, const char *file,
             const unsigned char *buf, size_t len, struct diags *diags)
{
  return ytree_parse_values (arena, arena, file, buf, len, diags);
}

struct ynode *
ytree_parse_values (struct arena *arena, struct arena *values,
                    const char *file, const unsigned char *buf, size_t len,
                    struct diags *diags)
{
  /* libyaml, told the encoding, would take a UTF-8 BOM for text.  */
  if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
    {
      buf += 3;
      len -= 3;
    }
  struct ybuild b = { .arena = arena, .values = values, .file = file,
                      .diags = diags,
                      .buf = buf, .len = len };
  if (!ybuild_check_text (&b))
    return NULL;
  yaml_parser_t parser;
  if (!yaml_parser_initialize (&parser))
    {
      diag_add (diags, file, 0, 0, "%s", _("out of memory"));
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
    if (map->kids[i]->type == YNODE_SCALAR
        && strcmp (map->kids[i]->str, key) == 0)
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
