/* plain.c - the line renderer.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "plain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "text_safe.h"

struct plain_emit
{
  FILE *out;
  const char *text;
  const char *first;
  size_t indent;
  size_t count;
};

/* Write one '?' for every invalid byte and every character a terminal
   must not be given in a line (text_safe.h).  */
static void
plain_put (FILE *out, const char *s, size_t len)
{
  for (size_t i = 0; i < len;)
    {
      unsigned wc;
      size_t n = text_decode (s + i, len - i, &wc);
      if (text_unsafe (wc, false) != TEXT_SAFE || wc == 0xFFFD)
        fputc ('?', out);
      else
        fwrite (s + i, 1, n, out);
      i += n;
    }
}

static void
plain_line (const struct text_line *l, void *data)
{
  struct plain_emit *e = data;
  if (e->count++ == 0)
    fputs (e->first, e->out);
  else
    fprintf (e->out, "%*s", (int) e->indent, "");
  plain_put (e->out, e->text + l->start, l->len);
  fputc ('\n', e->out);
}

void
plain_wrapped (FILE *out, const char *first, const char *text, size_t width)
{
  size_t indent = text_width (first, strlen (first));
  size_t w = width == 0 ? 0 : width > indent + 8 ? width - indent : 8;
  struct plain_emit e = { out, text, first, indent, 0 };
  text_wrap (text, strlen (text), w, plain_line, &e);
}

/* Table T's row R as one line, "Name. Column: value; Column: value",
   sized from its strings (the separators are translated, and may be
   long).  @retval malloc'd, or NULL.  */
static char *
plain_row (const struct ptable *t, size_t r)
{
  /* TRANSLATORS: in plain mode a table row is one line, "Name.
     Column: value; Column: value": this ends the row's name.  */
  const char *name_end = _(". ");
  /* TRANSLATORS: between a column's label and its value.  */
  const char *label_end = _(": ");
  const char *between = _("; ");
  const char *const *row = t->cells + r * t->cols;
  size_t len = strlen (row[0]) + 1;
  for (size_t c = 1; c < t->cols; c++)
    len += strlen (c == 1 ? name_end : between) + strlen (row[c])
           + (*t->cells[c] ? strlen (t->cells[c]) + strlen (label_end) : 0);
  char *s = malloc (len), *p = s;
  if (!s)
    return NULL;
  p = stpcpy (p, row[0]);
  for (size_t c = 1; c < t->cols; c++)
    {
      p = stpcpy (p, c == 1 ? name_end : between);
      if (*t->cells[c])
        p = stpcpy (stpcpy (p, t->cells[c]), label_end);
      p = stpcpy (p, row[c]);
    }
  return s;
}

/* One table row per line (plain_row).  */
static void
plain_table (FILE *out, const struct ptable *t, size_t width, bool numbered,
             size_t *num)
{
  for (size_t r = 1; r < t->rows; r++)
    {
      char *s = plain_row (t, r);
      if (!s)
        return;
      char mark[32] = "";
      if (numbered && t->targets[r])
        snprintf (mark, sizeof mark, "[%zu] ", ++*num);
      plain_wrapped (out, mark, s, width);
      free (s);
    }
}

/* Block B's text with each of its highlights (search matches) between
   stars, *like this*, which a screen reader says and a braille display
   shows: a new string, or NULL when it has none (or on memory
   exhaustion: the text is then shown without them).  */
static char *
plain_starred (const struct pblock *b)
{
  size_t len = strlen (b->text), at = 0, n = 0;
  char *s = b->n_hl ? malloc (len + 2 * b->n_hl + 1) : NULL;
  for (size_t i = 0; s && i < b->n_hl; i++)
    {
      size_t from = b->hl[i].start, to = from + b->hl[i].len;
      if (from < at || to > len || to < from)
        break;          /* cannot happen: page_set_hl keeps them so */
      memcpy (s + n, b->text + at, from - at);
      n += from - at;
      s[n++] = '*';
      memcpy (s + n, b->text + from, to - from);
      n += to - from;
      s[n++] = '*';
      at = to;
    }
  if (s)
    {
      memcpy (s + n, b->text + at, len - at);
      s[n + len - at] = '\0';
    }
  return s;
}

/* Block B's text after FIRST, its highlights between stars.  */
static void
plain_marked (FILE *out, const char *first, const struct pblock *b,
              size_t width)
{
  char *s = plain_starred (b);
  plain_wrapped (out, first, s ? s : b->text, width);
  free (s);
}

/* A heading, announced in words, its highlights between stars.  */
static void
plain_heading (FILE *out, const struct pblock *b, size_t width)
{
  char *t = plain_starred (b), *s = NULL;
  fputc ('\n', out);
  /* TRANSLATORS: how plain mode announces a heading in words.  */
  if (asprintf (&s, _("Section: %s"), t ? t : b->text) >= 0)
    plain_wrapped (out, "", s, width);
  free (s);
  free (t);
}

static void
plain_block (FILE *out, const struct pblock *b, size_t width, bool numbered,
             size_t *num)
{
  char mark[32];
  switch (b->kind)
    {
    case PB_HEADING:
      plain_heading (out, b, width);
      break;
    case PB_PARA:
    case PB_NOTE:
      plain_marked (out, "", b, width);
      break;
    case PB_BULLET:
      plain_marked (out, "- ", b, width);
      break;
    case PB_NUMBERED:
      snprintf (mark, sizeof mark, "%d. ", b->number);
      plain_marked (out, mark, b, width);
      break;
    case PB_LINK:
      if (numbered)
        snprintf (mark, sizeof mark, "[%zu] ", ++*num);
      else
        snprintf (mark, sizeof mark, "- ");
      plain_marked (out, mark, b, width);
      break;
    case PB_TABLE:
      plain_table (out, b->table, width, numbered, num);
      break;
    case PB_BLANK:
      fputc ('\n', out);
      break;
    }
}

void
plain_render (FILE *out, const struct page *pg, size_t width, bool numbered)
{
  plain_render_from (out, pg, width, numbered, 0);
}

/* The selectable places in block B (a link, or a table's rows with a
   target).  */
static size_t
plain_block_sels (const struct pblock *b)
{
  size_t n = 0;
  if (b->kind == PB_LINK)
    return 1;
  if (b->kind == PB_TABLE)
    for (size_t r = 1; r < b->table->rows; r++)
      n += b->table->targets[r] != NULL;
  return n;
}

void
plain_render_blocks (FILE *out, const struct page *pg, size_t width,
                     bool numbered, size_t from, size_t to)
{
  size_t num = 0;
  bool told = false;
  for (size_t i = 0; i < from && i < pg->n; i++)
    {
      num += plain_block_sels (&pg->blocks[i]);
      told = told || pg->blocks[i].n_hl;
    }
  for (size_t i = from; i < to && i < pg->n; i++)
    {
      if (!told && pg->blocks[i].n_hl)
        plain_wrapped (out, "", _("The words you searched for are marked "
                                  "with stars, *like this*."), width);
      told = told || pg->blocks[i].n_hl;
      page_block_text (pg, i);  /* a list's name, read when needed */
      plain_block (out, &pg->blocks[i], width, numbered, &num);
    }
}

void
plain_render_match (FILE *out, const struct page *pg, size_t width,
                    size_t block, size_t j)
{
  size_t num = 0;
  if (block >= pg->n || j >= pg->blocks[block].n_hl)
    return;
  for (size_t i = 0; i < block; i++)
    num += plain_block_sels (&pg->blocks[i]);
  page_block_text (pg, block);
  struct pblock one = pg->blocks[block];
  one.hl += j;
  one.n_hl = 1;
  plain_block (out, &one, width, true, &num);
}

void
plain_render_head (FILE *out, const struct page *pg, size_t width,
                   size_t from)
{
  plain_wrapped (out, "", pg->title, width);
  fputc ('\n', out);
  if (from > 0 && from < pg->n)
    /* TRANSLATORS: plain mode, when a link opened a page at one of its
       sections: what comes before it is not printed.  */
    plain_wrapped (out, "", _("(From this section on; g prints the page "
                              "from its top.)"), width);
}

void
plain_render_from (FILE *out, const struct page *pg, size_t width,
                   bool numbered, size_t from)
{
  plain_render_head (out, pg, width, from);
  plain_render_blocks (out, pg, width, numbered, from, pg->n);
}

const char *
plain_sel_text (const struct page *pg, const struct psel *p)
{
  const struct pblock *b = &pg->blocks[p->block];
  return p->row < 0 ? page_block_text (pg, p->block)
                    : b->table->cells[(size_t) p->row * b->table->cols];
}
