/* layout_move.c - the reader's movement over laid-out lines: which
   place is selected, and which line is at the top.  Lynx-like: Up and
   Down go from place to place while the next one is on or near the
   screen, and scroll through the text between places that are far apart.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "layout.h"

/* A key that moves cost O(1), not O(page): the places' lines come
   from layout_page (SEL_FIRST, SEL_LAST); the scans are for a layout
   made without them.  */
long
layout_sel_first (const struct layout *lo, long sel)
{
  if (sel < 0 || (size_t) sel >= lo->n_sel)
    return -1;
  if (lo->sel_first)
    return lo->sel_first[sel];
  for (size_t i = 0; i < lo->n; i++)
    if (lo->lines[i].sel == sel)
      return (long) i;
  return -1;
}

long
layout_sel_last (const struct layout *lo, long sel)
{
  if (sel < 0 || (size_t) sel >= lo->n_sel)
    return -1;
  if (lo->sel_last)
    return lo->sel_last[sel];
  for (size_t i = lo->n; i-- > 0;)
    if (lo->lines[i].sel == sel)
      return (long) i;
  return -1;
}

/* The first line of place S, or for a place without lines (a table's
   header row shown as cards), of the next place that has lines (LO->n
   when none has): this grows with S, so places can be searched.  */
static long
place_key (const struct layout *lo, long s)
{
  for (; s < (long) lo->n_sel; s++)
    {
      long first = layout_sel_first (lo, s);
      if (first >= 0)
        return first;
    }
  return (long) lo->n;
}

/* The first place that starts on LINE or after it (LO->n_sel when
   none does): a binary search.  */
static long
place_from (const struct layout *lo, long line)
{
  long lo_s = 0, hi_s = (long) lo->n_sel;
  while (lo_s < hi_s)
    {
      long mid = lo_s + (hi_s - lo_s) / 2;
      if (place_key (lo, mid) < line)
        lo_s = mid + 1;
      else
        hi_s = mid;
    }
  while (lo_s < (long) lo->n_sel && layout_sel_first (lo, lo_s) < 0)
    lo_s++;
  return lo_s;
}

static long
rows_of (const struct lay_view *v)
{
  return v->rows > 0 ? v->rows : 1;
}

void
layout_clamp (const struct layout *lo, struct lay_view *v)
{
  /* The top may be past the last screenful (after a jump to a heading
     near the end), but never past the last line.  */
  if (v->top > (long) lo->n - 1)
    v->top = (long) lo->n - 1;
  if (v->top < 0)
    v->top = 0;
  if (v->sel < -1 || v->sel >= (long) lo->n_sel
      || layout_sel_first (lo, v->sel) < 0)
    v->sel = -1;
}

void
layout_show_sel (const struct layout *lo, struct lay_view *v)
{
  long first = layout_sel_first (lo, v->sel);
  long last = layout_sel_last (lo, v->sel);
  if (first < 0)
    return;
  if (last >= v->top + rows_of (v))
    v->top = last - rows_of (v) + 1;
  if (first < v->top)
    v->top = first;
  layout_clamp (lo, v);
}

/* Whether place SEL starts on the screen.  */
static bool
on_screen (const struct layout *lo, const struct lay_view *v, long sel)
{
  long first = layout_sel_first (lo, sel);
  return first >= v->top && first < v->top + rows_of (v);
}

void
layout_settle (const struct layout *lo, struct lay_view *v, int dir)
{
  if (v->sel >= 0 && on_screen (lo, v, v->sel))
    return;
  v->sel = -1;
  long end = v->top + rows_of (v);
  for (long s = place_from (lo, v->top);
       s < (long) lo->n_sel && place_key (lo, s) < end; s++)
    if (on_screen (lo, v, s) && layout_sel_last (lo, s) < end)
      {
        v->sel = s;
        if (dir > 0)
          return;
      }
}

void
layout_scroll (const struct layout *lo, struct lay_view *v, long n)
{
  long end = (long) lo->n - rows_of (v);
  if (n > 0)
    v->top = v->top + n < end ? v->top + n : v->top > end ? v->top : end;
  else
    v->top += n;
  layout_clamp (lo, v);
  layout_settle (lo, v, n >= 0 ? 1 : -1);
}

/* The place Down (DIR > 0) or Up would go to, or -1.  */
static long
next_place (const struct layout *lo, const struct lay_view *v, int dir)
{
  if (v->sel >= 0)
    {
      long s = v->sel + (dir > 0 ? 1 : -1);
      return s >= 0 && s < (long) lo->n_sel ? s : -1;
    }
  /* Down: the first place from the top of the screen on; Up: the last
     that starts above the bottom of the screen.  */
  long s = place_from (lo, dir > 0 ? v->top : v->top + rows_of (v));
  if (dir > 0)
    return s < (long) lo->n_sel ? s : -1;
  while (--s >= 0 && layout_sel_first (lo, s) < 0)
    ;
  return s;
}

void
layout_move (const struct layout *lo, struct lay_view *v, int dir)
{
  long rows = rows_of (v);
  long step = rows > 1 ? rows - 1 : 1;
  long s = next_place (lo, v, dir);
  if (s < 0)
    {
      layout_scroll (lo, v, dir > 0 ? 1 : -1);
      return;
    }
  bool near = dir > 0
    ? layout_sel_first (lo, s) < v->top + rows + step
    : layout_sel_last (lo, s) >= v->top - step;
  if (!near)
    {
      layout_scroll (lo, v, dir > 0 ? step : -step);
      return;
    }
  v->sel = s;
  layout_show_sel (lo, v);
}

void
layout_start (const struct layout *lo, struct lay_view *v, long line)
{
  v->top = line > 0 ? line : 0;
  v->sel = -1;
  layout_clamp (lo, v);
  layout_settle (lo, v, 1);
  /* A page that opens with its links (a menu) shows the first one
     chosen, even where the full title laid out above it fills a small
     screen: the title line still names the page.  */
  if (v->sel < 0 && line <= 0 && lo->n_sel && lo->sels[0].block == 0
      && lo->sels[0].row < 0)
    {
      v->sel = 0;
      v->top = layout_sel_first (lo, 0);
      layout_clamp (lo, v);
    }
}

/* The first non-blank line of BLOCK in LO, and how many non-blank
   lines it has.  */
static long
block_span (const struct layout *lo, size_t block, long *count)
{
  long first = -1;
  *count = 0;
  for (size_t i = 0; i < lo->n; i++)
    if (lo->lines[i].block == block && lo->lines[i].style != LS_BLANK)
      {
        if (first < 0)
          first = (long) i;
        ++*count;
      }
  return first;
}

long
layout_map_line (const struct layout *from, long line,
                 const struct layout *to)
{
  if (line <= 0 || !from->n || !to->n)
    return 0;
  if (line >= (long) from->n)
    line = (long) from->n - 1;
  size_t block = from->lines[line].block;
  long n_from, n_to;
  long f_from = block_span (from, block, &n_from);
  long f_to = block_span (to, block, &n_to);
  if (f_from < 0 || f_to < 0)
    {
      long l = layout_block_line (to, block);
      return l < 0 ? (long) to->n - 1 : l;
    }
  long off = line > f_from ? line - f_from : 0;
  return f_to + off * n_to / n_from;
}
