/* layout.h - a page laid out for a screen width as display lines, and
   the reader's movement over them (selection and scrolling).  No
   curses here: the TUI paints the lines, the tests check them.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_LAYOUT_H
#define PINAV_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "page.h"

/* How a line is drawn.  */
enum lay_style
{
  LS_BLANK,             /* an empty line between parts */
  LS_TITLE,             /* the page title, when too wide for the top line */
  LS_HEADING,           /* a section heading */
  LS_BODY,              /* paragraphs and list items */
  LS_NOTE,              /* notes: the disclaimer, framing; never dim */
  LS_LINK,              /* a link (selectable) */
  LS_THEAD,             /* a table's header row, as a grid */
  LS_TCELL,             /* a table row, as a grid */
  LS_CARD_NAME,         /* a table row as a card: the row's name */
  LS_CARD_FIELD         /* a table row as a card: "Label: value" */
};

/* Columns kept free on the left of a selectable line for the '>'.  */
#define LAY_MARK 2

/* Columns kept free on the left of every line of a page whose lines
   holding a search match are marked (page.h, hl_marks), for the mark;
   the '>' of a selection comes after them.  */
#define LAY_HIT 2

/* One display line.  */
struct lay_line
{
  const char *text;     /* UTF-8, NUL-terminated, no control characters;
                           NULL on a line of layout_page_lazy's not yet
                           made ready (layout_ready) */
  size_t width;         /* display columns of TEXT */
  size_t indent;        /* columns before TEXT */
  enum lay_style style;
  long sel;             /* the selectable place it belongs to, or -1 */
  size_t block;         /* the page block it comes from */
  const struct prange *hl;      /* bytes of TEXT to highlight (search
                                   matches, those of its block clipped
                                   to it): N_HL spans, in order, apart */
  unsigned n_hl;
  unsigned hl_first;            /* ... the first is its block's match
                                   number HL_FIRST (from 0) */
};

struct layout
{
  struct lay_line *lines;
  size_t n, cap;
  const struct page *page;      /* the page laid out (it must outlive
                                   a lazy layout: layout_ready reads it) */
  struct psel *sels;    /* page_selectables () of the page */
  size_t n_sel;
  size_t margin;        /* columns left free for the marks of lines
                           with a search match (LAY_HIT), or 0; every
                           line's indent counts them */
  size_t width;         /* the width it was laid out for */
  long *sel_first;      /* per place: its first line, or -1 (malloc'd,
                           SEL_LAST with it) */
  long *sel_last;       /* per place: its last line, or -1 */
  bool ok;              /* false once an allocation failed */
  unsigned long serial; /* which layout this is: every layout_page
                           gives a new one (a renderer that drew it can
                           tell that its lines are still those) */
  struct arena arena;
};

/** layout_page - lay PG out for WIDTH columns into LO (initialised
   here; free it with layout_free).  A title wider than WIDTH is also
   laid out, wrapped, as the first lines.
   @retval false when memory ran out (LO is still usable).  */
bool layout_page (struct layout *lo, const struct page *pg, size_t width);

/** layout_page_lazy - layout_page, but a page that ends in links of
   one line each (a collection's list: a thousand of them on a large
   pack) has their lines without their text (NULL) until layout_ready
   makes them: every other field of every line, the places' lines and
   the count are those of layout_page, so that scrolling and the
   position shown need no more (issue 17).  PG must outlive LO.  */
bool layout_page_lazy (struct layout *lo, const struct page *pg,
                       size_t width);

/** layout_ready - give the COUNT lines of LO from line FROM their text
   (those that have it already are left alone): afterwards they are
   the lines layout_page gives.  */
void layout_ready (struct layout *lo, long from, long count);

/** layout_wipe - layout_free, its text first overwritten with zeros.  */
void layout_wipe (struct layout *lo);

/** layout_free - release LO.  */
void layout_free (struct layout *lo);

/** layout_sel_first - the first line of selectable place SEL, or -1.  */
long layout_sel_first (const struct layout *lo, long sel);

/** layout_sel_last - the last line of selectable place SEL, or -1.  */
long layout_sel_last (const struct layout *lo, long sel);

/** layout_block_line - the first non-blank line of page block BLOCK
   (or of the next block that has one), or -1.  */
long layout_block_line (const struct layout *lo, size_t block);

/** layout_hl_line - the first line that shows match K (from 0) of
   page block BLOCK's highlight (page.h, hl), or -1.  */
long layout_hl_line (const struct layout *lo, size_t block, size_t k);

/* Where the reader is: the first line shown, the body's height in
   lines, and the selected place (-1 for none).  */
struct lay_view
{
  long top;
  long rows;
  long sel;
};

/** layout_clamp - keep V's top on a line of the page, and SEL valid.  */
void layout_clamp (const struct layout *lo, struct lay_view *v);

/** layout_show_sel - scroll V as little as possible so that the
   selected place is visible (its first line, when it is too tall).  */
void layout_show_sel (const struct layout *lo, struct lay_view *v);

/** layout_settle - after scrolling: when the selection is off the
   screen, select the first (DIR > 0) or last (DIR < 0) place that is
   fully shown, or none.  */
void layout_settle (const struct layout *lo, struct lay_view *v, int dir);

/** layout_move - Down (DIR > 0) or Up (DIR < 0): select the next place
   when it is on or near the screen and scroll to show it; else scroll
   (a line when the page has no places, a screen otherwise).  */
void layout_move (const struct layout *lo, struct lay_view *v, int dir);

/** layout_scroll - scroll V by N lines (negative: up), then settle.
   Scrolling down stops at the last screenful (or where it is, when
   already past it).  */
void layout_scroll (const struct layout *lo, struct lay_view *v, long n);

/** layout_map_line - the line of TO (the same page at another width)
   that shows what LINE of FROM showed: the same block, the same
   proportion of the way through it.  */
long layout_map_line (const struct layout *from, long line,
                      const struct layout *to);

/** layout_start - V for a freshly shown page: scrolled to LINE (0 for
   the top), with the first fully shown place selected.  */
void layout_start (const struct layout *lo, struct lay_view *v, long line);

#endif
