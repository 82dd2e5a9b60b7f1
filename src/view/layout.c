/* layout.c - a page as display lines for one width.  Text wraps at
   UAX #14 line break opportunities by display width (text.h); tables
   become a grid when every column fits, and cards otherwise
   (layout_table.c).  A long list of links may be laid out lazily.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "layout_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "vec.h"

#define MEASURE 80      /* text wraps at most this wide, however wide the
                           screen: longer lines are hard to read (issue 16);
                           tables use the whole width */

/* Append one line: a copy of the LEN bytes of TEXT, with control
   characters and invalid bytes shown as '?'.  */
void
lay_add (struct layout *lo, const char *text, size_t len, size_t indent,
         enum lay_style style, long sel, size_t block)
{
  if (!VEC_ROOM (lo->lines, lo->n, lo->cap, 64))
    {
      lo->ok = false;
      return;
    }
  char *s = arena_strndup (&lo->arena, text, len);
  if (!s)
    {
      lo->ok = false;
      return;
    }
  size_t width, j = text_clean (s, text, len, &width);
  s[j] = '\0';
  lo->lines[lo->n++] = (struct lay_line) { s, width, indent + lo->margin,
                                           style, sel, block, NULL, 0, 0 };
}

/* A blank line, unless the page is empty or already ends in one.  */
void
lay_gap (struct layout *lo, size_t block)
{
  if (lo->n && lo->lines[lo->n - 1].style != LS_BLANK)
    lay_add (lo, "", 0, 0, LS_BLANK, -1, block);
}

/* The wrapping of one text: PREFIX before the first line ("- ", "1. "),
   the rest hanging under the text.  */
struct lay_wrap
{
  struct layout *lo;
  const char *text, *prefix;
  size_t indent;
  enum lay_style style;
  long sel;
  size_t block;
  size_t count;
  const struct prange *hl;      /* bytes of TEXT to highlight, less HL_OFF */
  size_t n_hl, hl_off;
  size_t hl_next;               /* the first that may reach this line */
};

/* Give the line just added (TEXT bytes [START, START+LEN) after SKIP
   bytes of prefix) its part of the highlight: the spans that reach
   into it, clipped to it (one across a line break is on both).  */
static void
lay_wrap_hl (struct lay_wrap *w, size_t start, size_t len, size_t skip)
{
  struct lay_line *line = &w->lo->lines[w->lo->n - 1];
  const struct prange *h = w->hl;
  size_t end = start + len, k = w->hl_next, n = 0;
  while (k < w->n_hl && h[k].start + w->hl_off + h[k].len <= start)
    k++;
  w->hl_next = k;
  while (k + n < w->n_hl && h[k + n].start + w->hl_off < end)
    n++;
  if (!n || strlen (line->text) != skip + len)
    return;
  struct prange *r = arena_array (&w->lo->arena, n, sizeof *r);
  if (!r)
    {
      w->lo->ok = false;
      return;
    }
  for (size_t i = 0; i < n; i++)
    {
      size_t at = h[k + i].start + w->hl_off, to = at + h[k + i].len;
      at = at > start ? at : start;
      to = to < end ? to : end;
      r[i] = (struct prange) { skip + at - start, to - at };
    }
  line->hl = r;
  line->n_hl = (unsigned) n;
  line->hl_first = (unsigned) k;
}

static void
lay_wrap_line (const struct text_line *l, void *data)
{
  struct lay_wrap *w = data;
  size_t plen = strlen (w->prefix), n = w->lo->n;
  bool first = w->count++ == 0;
  if (first && plen)
    {
      char *s = malloc (plen + l->len + 1);
      if (!s)
        {
          w->lo->ok = false;
          return;
        }
      memcpy (s, w->prefix, plen);
      memcpy (s + plen, w->text + l->start, l->len);
      lay_add (w->lo, s, plen + l->len, w->indent, w->style, w->sel,
               w->block);
      free (s);
    }
  else
    lay_add (w->lo, w->text + l->start, l->len,
             w->indent + text_width (w->prefix, plen), w->style, w->sel,
             w->block);
  if (w->lo->n > n && w->n_hl)
    lay_wrap_hl (w, l->start, l->len, first ? plen : 0);
}

/* The columns left for text after INDENT (at least 1).  */
size_t
lay_room (const struct layout *lo, size_t indent)
{
  return lo->width > lo->margin + indent + 1
         ? lo->width - lo->margin - indent : 1;
}

/* The columns left for running text after INDENT and PREFIX: the
   room, but no wider than the measure.  */
static size_t
lay_text_room (const struct layout *lo, size_t indent, const char *prefix)
{
  size_t used = indent + text_width (prefix, strlen (prefix));
  size_t room = lay_room (lo, used);
  return used < MEASURE && room > MEASURE - used ? MEASURE - used : room;
}

void
lay_text (struct layout *lo, const char *prefix, const char *text,
          size_t indent, enum lay_style style, long sel, size_t block)
{
  struct lay_wrap w = { lo, text, prefix, indent, style, sel, block, 0,
                        NULL, 0, 0, 0 };
  size_t room = lay_text_room (lo, indent, prefix);
  text_wrap (text, strlen (text), room, lay_wrap_line, &w);
}

/* lay_text for block B, its TEXT (B's text, or one that ends with it),
   with B's highlight (search matches).  */
static void
lay_block_text (struct layout *lo, const char *prefix, const struct pblock *b,
                const char *text, size_t indent, enum lay_style style,
                long sel, size_t block)
{
  size_t len = strlen (text), blen = strlen (b->text);
  struct lay_wrap w = { lo, text, prefix, indent, style, sel, block, 0,
                        b->hl, len >= blen ? b->n_hl : 0, len - blen, 0 };
  size_t room = lay_text_room (lo, indent, prefix);
  text_wrap (text, len, room, lay_wrap_line, &w);
}


static void
lay_block (struct layout *lo, const struct pblock *b, long *sel,
           size_t block)
{
  char mark[32];
  if (b->kind == PB_LINK && !b->text)
    page_block_text (lo->page, block);  /* a list's name, read now */
  switch (b->kind)
    {
    case PB_HEADING:
      lay_gap (lo, block);
      lay_block_text (lo, "", b, b->text, 0, LS_HEADING, -1, block);
      break;
    case PB_PARA:
      lay_block_text (lo, "", b, b->text, 0, LS_BODY, -1, block);
      break;
    case PB_NOTE:
      lay_block_text (lo, "", b, b->text, 0, LS_NOTE, -1, block);
      break;
    case PB_BULLET:
      lay_block_text (lo, "- ", b, b->text,
                      2 * (size_t) (b->level > 0 ? b->level : 0),
                      LS_BODY, -1, block);
      break;
    case PB_NUMBERED:
      snprintf (mark, sizeof mark, "%d. ", b->number);
      lay_block_text (lo, mark, b, b->text, 0, LS_BODY, -1, block);
      break;
    case PB_LINK:
      {
        char *s = NULL;
        if (b->label && *b->label
            && asprintf (&s, _("%s: %s"), b->label, b->text) < 0)
          s = NULL;
        /* The label first: the matches, in the text, come after it.  */
        bool ends = s && strlen (s) >= strlen (b->text)
                    && strcmp (s + strlen (s) - strlen (b->text), b->text) == 0;
        if (s && !ends)
          lay_text (lo, "", s, LAY_MARK, LS_LINK, (*sel)++, block);
        else
          lay_block_text (lo, "", b, s ? s : b->text, LAY_MARK, LS_LINK,
                          (*sel)++, block);
        free (s);
      }
      break;
    case PB_TABLE:
      lay_table (lo, b->table, sel, block);
      break;
    case PB_BLANK:
      lay_gap (lo, block);
      break;
    }
}

/* Note each place's first and last line, so that moving over the page
   costs O(1) a key (layout_move.c), not a scan of the page: those of
   the first PLACES places, from the lines laid out so far (lay_stubs
   notes the others').  Both in one malloc'd array, not the arena's,
   which would clear it first.  */
static void
lay_index_places (struct layout *lo, size_t places)
{
  size_t n = lo->n_sel + 1;
  lo->sel_first = n <= SIZE_MAX / 2 / sizeof (long)
                  ? malloc (2 * n * sizeof (long)) : NULL;
  if (!lo->sel_first)
    return;                     /* layout_move.c scans */
  lo->sel_last = lo->sel_first + n;
  places = places < lo->n_sel ? places : lo->n_sel;
  for (size_t s = 0; s < places; s++)
    lo->sel_first[s] = lo->sel_last[s] = -1;
  for (size_t i = 0; i < lo->n; i++)
    {
      long s = lo->lines[i].sel;
      if (s < 0 || (size_t) s >= places)
        continue;
      if (lo->sel_first[s] < 0)
        lo->sel_first[s] = (long) i;
      lo->sel_last[s] = (long) i;
    }
}

/* Whether lay_block lays out block B of PG as one line of a link in a
   measure of ROOM columns (lay_text_room's for a link): a link without
   a label whose text has no newline and fits, as text_wrap sees it.
   Every such line is the block's alone, whatever comes before it.  A
   link whose text is read when needed (page.h) is not read when the
   longest such text fits.  */
static bool
lay_one_line (const struct page *pg, size_t block, size_t room)
{
  const struct pblock *b = &pg->blocks[block];
  if (b->kind != PB_LINK || (b->label && *b->label))
    return false;
  /* A character takes no more columns than it has bytes.  */
  if (page_block_pending (pg, block) && pg->lazy_max <= room)
    return true;                /* one line, at most LAZY_MAX bytes */
  const char *text = page_block_text (pg, block);
  if (!text)
    return false;
  const char *end = strchrnul (text, '\n');
  size_t len = (size_t) (end - text);
  return !*end && (len <= room || text_width (text, len) <= room);
}

/* Each block from TAIL on as a line without its text (NULL: see
   layout_ready), numbering its place on from SEL.  */
static void
lay_stubs (struct layout *lo, const struct page *pg, size_t tail, long *sel)
{
  if (!vec_reserve (&lo->lines, &lo->cap, lo->n + (pg->n - tail),
                    sizeof *lo->lines, 64))
    {
      lo->ok = false;
      return;
    }
  for (size_t i = tail; i < pg->n; i++)
    {
      if (lo->sel_first && (size_t) *sel < lo->n_sel)
        lo->sel_first[*sel] = lo->sel_last[*sel] = (long) lo->n;
      lo->lines[lo->n++] = (struct lay_line) { .text = NULL, .width = 0,
                                               .indent = LAY_MARK + lo->margin,
                                               .style = LS_LINK,
                                               .sel = (*sel)++, .block = i };
    }
}

/* layout_page, and layout_page_lazy when LAZY.  */
static bool
lay_page (struct layout *lo, const struct page *pg, size_t width, bool lazy)
{
  static unsigned long serial;
  long sel = 0;
  size_t tail = pg->n;
  memset (lo, 0, sizeof *lo);
  lo->ok = true;
  lo->serial = ++serial;
  lo->margin = pg->hl_marks && width > 4 * LAY_HIT ? LAY_HIT : 0;
  lo->width = width ? width : 1;
  lo->page = pg;
  lo->n_sel = page_selectables (pg, &lo->sels);
  if (!lo->sels)
    lo->ok = false;
  const char *title = pg->title ? pg->title : "";
  if (text_width (title, strlen (title)) > lo->width)
    {
      lay_text (lo, "", title, 0, LS_TITLE, -1, 0);
      lay_gap (lo, 0);
    }
  size_t room = lay_text_room (lo, LAY_MARK, "");
  while (lazy && tail > 0 && lay_one_line (pg, tail - 1, room))
    tail--;
  for (size_t i = 0; i < tail; i++)
    lay_block (lo, &pg->blocks[i], &sel, i);
  lay_index_places (lo, (size_t) sel);
  if (tail < pg->n)
    lay_stubs (lo, pg, tail, &sel);     /* ends in a link: no blank */
  for (size_t s = (size_t) sel; lo->sel_first && s < lo->n_sel; s++)
    lo->sel_first[s] = lo->sel_last[s] = -1;    /* none, unless short */
  while (lo->n && lo->lines[lo->n - 1].style == LS_BLANK)
    lo->n--;
  if ((size_t) sel != lo->n_sel)
    lo->ok = false;     /* cannot happen: the same order as page.c */
  return lo->ok;
}

bool
layout_page (struct layout *lo, const struct page *pg, size_t width)
{
  return lay_page (lo, pg, width, false);
}

bool
layout_page_lazy (struct layout *lo, const struct page *pg, size_t width)
{
  return lay_page (lo, pg, width, true);
}

void
layout_ready (struct layout *lo, long from, long count)
{
  size_t n = lo->n;
  for (long k = from > 0 ? from : 0; k < from + count && (size_t) k < n; k++)
    {
      struct lay_line *l = &lo->lines[k];
      if (l->text)
        continue;
      long place = l->sel, sel = place;
      size_t block = l->block;
      lo->n = (size_t) k;       /* lay_block writes line K again */
      lay_block (lo, &lo->page->blocks[block], &sel, block);
      if (lo->n != (size_t) k + 1 || !l->text)
        {
          lo->ok = false;       /* out of memory (lay_one_line's line) */
          *l = (struct lay_line) { .text = "",
                                   .indent = LAY_MARK + lo->margin,
                                   .style = LS_LINK, .sel = place,
                                   .block = block };
        }
      lo->n = n;
    }
}

void
layout_free (struct layout *lo)
{
  free (lo->sel_first);         /* SEL_LAST with it */
  free (lo->lines);
  free (lo->sels);
  arena_free (&lo->arena);
  memset (lo, 0, sizeof *lo);
}

void
layout_wipe (struct layout *lo)
{
  if (lo->lines)
    explicit_bzero (lo->lines, lo->cap * sizeof *lo->lines);
  arena_wipe (&lo->arena);
  layout_free (lo);
}

long
layout_block_line (const struct layout *lo, size_t block)
{
  for (size_t i = 0; i < lo->n; i++)
    if (lo->lines[i].block >= block && lo->lines[i].style != LS_BLANK)
      return (long) i;
  return -1;
}

long
layout_hl_line (const struct layout *lo, size_t block, size_t k)
{
  long i = layout_block_line (lo, block);
  for (; i >= 0 && (size_t) i < lo->n && lo->lines[i].block == block; i++)
    {
      const struct lay_line *l = &lo->lines[i];
      if (l->n_hl && k >= l->hl_first && k - l->hl_first < l->n_hl)
        return i;
    }
  return -1;
}
