/* page.c - building pages.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "page.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vec.h"

void
page_init (struct page *pg, const char *location)
{
  memset (pg, 0, sizeof *pg);
  pg->ok = true;
  pg->location = page_strdup (pg, location ? location : "");
  pg->title = "";
}

void
page_free (struct page *pg)
{
  free (pg->blocks);
  arena_free (&pg->arena);
  memset (pg, 0, sizeof *pg);
}

void
page_wipe (struct page *pg)
{
  if (pg->blocks)
    explicit_bzero (pg->blocks, pg->cap * sizeof *pg->blocks);
  arena_wipe (&pg->arena);
  page_free (pg);
}

bool
page_block_pending (const struct page *pg, size_t b)
{
  return b < pg->n && !pg->blocks[b].text && pg->lazy_text
         && b >= pg->lazy_from && b - pg->lazy_from < pg->lazy_n;
}

const char *
page_block_text (const struct page *pg, size_t b)
{
  struct pblock *blk = b < pg->n ? (struct pblock *) &pg->blocks[b] : NULL;
  if (page_block_pending (pg, b))
    blk->text = pg->lazy_text (pg->lazy_ctx, b - pg->lazy_from);
  else if (blk && !blk->text && blk->kind == PB_LINK)
    blk->text = "";             /* a link has a text, if empty */
  return blk ? blk->text : NULL;
}

void
page_ready (const struct page *pg)
{
  for (size_t i = 0; pg->lazy_text && i < pg->lazy_n; i++)
    page_block_text (pg, pg->lazy_from + i);
}

const char *
page_strdup (struct page *pg, const char *s)
{
  char *p = arena_strdup (&pg->arena, s ? s : "");
  if (!p)
    pg->ok = false;
  return p ? p : "";
}

static int
range_cmp (const void *a, const void *b)
{
  const struct prange *x = a, *y = b;
  return (x->start > y->start) - (x->start < y->start);
}

size_t
page_set_hl (struct page *pg, struct pblock *b, const struct prange *r,
             size_t n)
{
  size_t len = b->text ? strlen (b->text) : 0, k = 0;
  struct prange *v = n ? arena_array (&pg->arena, n, sizeof *v) : NULL;
  b->hl = NULL;
  b->n_hl = 0;
  if (!v)
    {
      pg->ok = pg->ok && n == 0;
      return 0;
    }
  memcpy (v, r, n * sizeof *v);
  if (n > 1)
    qsort (v, n, sizeof *v, range_cmp);
  for (size_t i = 0; i < n; i++)
    {
      size_t from = v[i].start, to = from + v[i].len;
      if (v[i].len == 0 || from >= len || to < from)
        continue;
      to = to < len ? to : len;
      if (k && from <= v[k - 1].start + v[k - 1].len)
        {
          size_t end = v[k - 1].start + v[k - 1].len;
          v[k - 1].len = (to > end ? to : end) - v[k - 1].start;
        }
      else if (k < PAGE_MAX_HL)
        v[k++] = (struct prange) { from, to - from };
    }
  b->hl = k ? v : NULL;
  b->n_hl = k;
  return k;
}

void
page_title (struct page *pg, const char *title)
{
  pg->title = page_strdup (pg, title);
}

struct pblock *
page_add (struct page *pg, enum pblock_kind kind, const char *text)
{
  if (!VEC_ROOM (pg->blocks, pg->n, pg->cap, 32))
    {
      pg->ok = false;
      return NULL;
    }
  struct pblock *b = &pg->blocks[pg->n++];
  memset (b, 0, sizeof *b);
  b->kind = kind;
  b->text = page_strdup (pg, text);
  return b;
}

struct pblock *
page_addf (struct page *pg, enum pblock_kind kind, const char *fmt, ...)
{
  va_list ap;
  char *s = NULL;
  va_start (ap, fmt);
  if (vasprintf (&s, fmt, ap) < 0)
    s = NULL;
  va_end (ap);
  if (!s)
    {
      pg->ok = false;
      return NULL;
    }
  struct pblock *b = page_add (pg, kind, s);
  free (s);
  return b;
}

struct pblock *
page_link (struct page *pg, const char *text, const char *target)
{
  struct pblock *b = page_add (pg, PB_LINK, text);
  if (b)
    b->target = page_strdup (pg, target);
  return b;
}

void
page_heading (struct page *pg, int level, const char *text,
              const char *anchor)
{
  struct pblock *b = page_add (pg, PB_HEADING, text);
  if (b)
    {
      b->level = level;
      b->anchor = anchor ? page_strdup (pg, anchor) : NULL;
    }
}

struct ptable *
page_table (struct page *pg, size_t rows, size_t cols)
{
  struct ptable *t = arena_alloc (&pg->arena, sizeof *t);
  if (t)
    {
      t->cells = arena_array (&pg->arena, rows * cols + 1, sizeof *t->cells);
      t->targets = arena_array (&pg->arena, rows + 1, sizeof *t->targets);
    }
  if (!t || !t->cells || !t->targets)
    {
      pg->ok = false;
      return NULL;
    }
  t->rows = rows;
  t->cols = cols;
  t->by_column = false;
  t->min_width = 0;
  for (size_t i = 0; i < rows * cols; i++)
    t->cells[i] = "";
  struct pblock *b = page_add (pg, PB_TABLE, "");
  if (!b)
    return NULL;
  b->table = t;
  return t;
}

void
page_cell (struct page *pg, struct ptable *t, size_t r, size_t c,
           const char *text)
{
  if (t && r < t->rows && c < t->cols)
    t->cells[r * t->cols + c] = page_strdup (pg, text);
}

long
page_find_anchor (const struct page *pg, const char *anchor)
{
  for (size_t i = 0; anchor && i < pg->n; i++)
    if (pg->blocks[i].anchor && strcmp (pg->blocks[i].anchor, anchor) == 0)
      return (long) i;
  return -1;
}

long
page_next_link (const struct page *pg, long from, int dir)
{
  for (long i = from + (dir < 0 ? -1 : 1); i >= 0 && (size_t) i < pg->n;
       i += dir < 0 ? -1 : 1)
    if (pg->blocks[i].kind == PB_LINK)
      return i;
  return -1;
}

size_t
page_count_links (const struct page *pg)
{
  size_t n = 0;
  for (size_t i = 0; i < pg->n; i++)
    if (pg->blocks[i].kind == PB_LINK)
      n++;
    else if (pg->blocks[i].kind == PB_TABLE)
      for (size_t r = 0; r < pg->blocks[i].table->rows; r++)
        n += pg->blocks[i].table->targets[r] != NULL;
  return n;
}

size_t
page_selectables (const struct page *pg, struct psel **out)
{
  size_t n = page_count_links (pg), k = 0;
  *out = malloc ((n ? n : 1) * sizeof **out);
  if (!*out)
    return 0;
  for (size_t i = 0; i < pg->n; i++)
    {
      const struct pblock *b = &pg->blocks[i];
      if (b->kind == PB_LINK)
        (*out)[k++] = (struct psel) { i, -1, b->target };
      else if (b->kind == PB_TABLE)
        for (size_t r = 0; r < b->table->rows; r++)
          if (b->table->targets[r])
            (*out)[k++] = (struct psel) { i, (long) r, b->table->targets[r] };
    }
  return k;
}

bool
page_links_to (const struct page *pg, const char *target)
{
  for (size_t i = 0; i < pg->n; i++)
    if (pg->blocks[i].kind == PB_LINK && pg->blocks[i].target
        && strcmp (pg->blocks[i].target, target) == 0)
      return true;
  return strcmp (pg->location, target) == 0;
}
