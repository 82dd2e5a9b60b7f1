/* layout_table.c - a page's table laid out: a grid when every column
   fits its widest unbreakable piece, else a card a row ("Label:
   value" lines); items side by side (a comparison) turned so that each
   item is a column, when they fit.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "layout_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "vec.h"

#define GRID_GAP 2      /* spaces between grid columns */
#define CARD_INDENT (LAY_MARK + 2)

static const char *
cell (const struct ptable *t, size_t r, size_t c)
{
  const char *s = t->cells[r * t->cols + c];
  return s ? s : "";
}

/* Column widths for a grid in ROOM columns: each column gets its
   widest unbreakable piece (text_longest: a word, a Chinese term the
   pack knows (text_words.h), or another Chinese character with its
   punctuation) and at least MIN columns (or its whole text), then the rest is shared out one
   column at a time up to each column's natural width.
   @retval false when the widest pieces alone do not fit.  */
static bool
grid_widths (const struct ptable *t, size_t room, size_t min, size_t *w)
{
  size_t need = 0, natural[t->cols];
  for (size_t c = 0; c < t->cols; c++)
    {
      w[c] = 1;
      natural[c] = 1;
      for (size_t r = 0; r < t->rows; r++)
        {
          const char *s = cell (t, r, c);
          size_t lw = text_longest (s, strlen (s));
          size_t nw = text_width (s, strlen (s));
          w[c] = lw > w[c] ? lw : w[c];
          natural[c] = nw > natural[c] ? nw : natural[c];
        }
      size_t readable = natural[c] < min ? natural[c] : min;
      w[c] = readable > w[c] ? readable : w[c];
      need += w[c] + (c ? GRID_GAP : 0);
    }
  if (need > room)
    return false;
  for (size_t extra = room - need, more = 1; extra && more;)
    {
      more = 0;
      for (size_t c = 0; c < t->cols && extra; c++)
        if (w[c] < natural[c])
          w[c]++, extra--, more = 1;
    }
  return true;
}

/* The wrapped lines of one cell.  */
struct cell_lines
{
  struct text_line *v;
  size_t n, cap;
};

static void
cell_line (const struct text_line *l, void *data)
{
  struct cell_lines *cl = data;
  if (!VEC_ROOM (cl->v, cl->n, cl->cap, 4))
    return;
  cl->v[cl->n++] = *l;
}

/* Line K of a grid row: each cell's K-th line, padded to its column.  */
static void
grid_line (struct layout *lo, const struct ptable *t, size_t r,
           const size_t *w, struct cell_lines *cl, size_t k,
           enum lay_style style, long sel, size_t block)
{
  size_t size = 1;
  for (size_t c = 0; c < t->cols; c++)
    size += strlen (cell (t, r, c)) + w[c] + GRID_GAP;
  char *s = malloc (size);
  if (!s)
    {
      lo->ok = false;
      return;
    }
  size_t len = 0, pad = 0;
  for (size_t c = 0; c < t->cols; c++)
    {
      if (c)
        pad += GRID_GAP;
      if (k >= cl[c].n)
        {
          pad += w[c];
          continue;
        }
      const struct text_line *l = &cl[c].v[k];
      memset (s + len, ' ', pad);
      len += pad;
      memcpy (s + len, cell (t, r, c) + l->start, l->len);
      len += l->len;
      pad = w[c] > l->width ? w[c] - l->width : 0;
    }
  lay_add (lo, s, len, LAY_MARK, style, sel, block);
  free (s);
}

/* Lay out row R of a grid.  @retval its height in lines.  */
static size_t
grid_row (struct layout *lo, const struct ptable *t, size_t r,
          const size_t *w, long sel, size_t block)
{
  struct cell_lines cl[t->cols];
  size_t h = 1;
  memset (cl, 0, sizeof cl);
  for (size_t c = 0; c < t->cols; c++)
    {
      const char *s = cell (t, r, c);
      text_wrap (s, strlen (s), w[c], cell_line, &cl[c]);
      h = cl[c].n > h ? cl[c].n : h;
    }
  for (size_t k = 0; k < h; k++)
    grid_line (lo, t, r, w, cl, k, r ? LS_TCELL : LS_THEAD, sel, block);
  for (size_t c = 0; c < t->cols; c++)
    free (cl[c].v);
  return h;
}

/* Whether any row of T wraps at widths W.  */
static bool
grid_wraps (const struct ptable *t, const size_t *w)
{
  for (size_t r = 0; r < t->rows; r++)
    for (size_t c = 0; c < t->cols; c++)
      if (text_width (cell (t, r, c), strlen (cell (t, r, c))) > w[c])
        return true;
  return false;
}

static void
lay_grid (struct layout *lo, const struct ptable *t, const size_t *w,
          long *sel, size_t block)
{
  bool spaced = grid_wraps (t, w);
  for (size_t r = 0; r < t->rows; r++)
    {
      if (r > 1 && spaced)
        lay_add (lo, "", 0, 0, LS_BLANK, -1, block);
      grid_row (lo, t, r, w, t->targets[r] ? (*sel)++ : -1, block);
    }
}

/* One card per row: the row's name, then "Label: value" lines.  */
static void
lay_cards (struct layout *lo, const struct ptable *t, long *sel,
           size_t block)
{
  if (t->targets[0])
    (*sel)++;   /* the header row is not shown as a card */
  for (size_t r = 1; r < t->rows; r++)
    {
      long s = t->targets[r] ? (*sel)++ : -1;
      if (r > 1)
        lay_add (lo, "", 0, 0, LS_BLANK, -1, block);    /* between cards */
      lay_text (lo, "", cell (t, r, 0), LAY_MARK, LS_CARD_NAME, s, block);
      for (size_t c = 1; c < t->cols; c++)
        {
          char *field = NULL;
          const char *label = cell (t, 0, c);
          /* TRANSLATORS: a table cell shown as a card line: the
             column's label, then the value.  */
          if (!*label)
            field = strdup (cell (t, r, c));
          else if (asprintf (&field, _("%s: %s"), label, cell (t, r, c)) < 0)
            field = NULL;
          if (!field)
            {
              lo->ok = false;
              return;
            }
          lay_text (lo, "", field, CARD_INDENT, LS_CARD_FIELD, s, block);
          free (field);
        }
    }
}

/* Items side by side (T->by_column): T turned so that each row is a
   column, when every column fits at its readable width; else a card
   an item.  The rows' places have lines only as cards.  */
static void
lay_side (struct layout *lo, const struct ptable *t, long *sel, size_t block)
{
  size_t n = t->rows * t->cols;
  struct ptable turned = { t->cols, t->rows, calloc (n ? n : 1,
                                                     sizeof (char *)),
                           calloc (t->cols, sizeof (char *)), false, 0 };
  size_t w[t->rows];
  if (!turned.cells || !turned.targets)
    lo->ok = false;
  else
    for (size_t r = 0; r < t->rows; r++)
      for (size_t c = 0; c < t->cols; c++)
        turned.cells[c * t->rows + r] = cell (t, r, c);
  if (lo->ok && grid_widths (&turned, lay_room (lo, LAY_MARK), t->min_width,
                             w))
    {
      lay_grid (lo, &turned, w, sel, block);
      for (size_t r = 0; r < t->rows; r++)
        *sel += t->targets[r] != NULL;
    }
  else
    lay_cards (lo, t, sel, block);
  free (turned.cells);
  free (turned.targets);
}

void
lay_table (struct layout *lo, const struct ptable *t, long *sel,
           size_t block)
{
  if (!t || !t->cols)
    return;
  size_t w[t->cols];
  lay_gap (lo, block);
  if (t->by_column)
    lay_side (lo, t, sel, block);
  else if (grid_widths (t, lay_room (lo, LAY_MARK), 0, w))
    lay_grid (lo, t, w, sel, block);
  else
    lay_cards (lo, t, sel, block);
  lay_gap (lo, block);
}
