/* page.h - what a view shows: a title and a list of blocks (headings,
   paragraphs, list items, links, tables) that a renderer draws.  Pages
   hold translated, display-ready UTF-8 text; the renderers (curses and
   plain) decide layout.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_PAGE_H
#define PINAV_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

enum pblock_kind
{
  PB_HEADING,           /* text; level 1 (page part) or 2 (section) */
  PB_PARA,              /* text */
  PB_BULLET,            /* text, one list item; level = nesting */
  PB_NUMBERED,          /* text, one list item numbered NUMBER */
  PB_LINK,              /* text, leading to TARGET; selectable */
  PB_NOTE,              /* text: a note (the disclaimer, a document's
                           framing), at full contrast */
  PB_TABLE,             /* TABLE */
  PB_BLANK              /* an empty line */
};

/* A table: ROWS x COLS cells, row 0 the header, column 0 the row
   names.  A row may lead somewhere (TARGETS[r], NULL for none).  */
struct ptable
{
  size_t rows, cols;
  const char **cells;           /* rows * cols, row-major */
  const char **targets;         /* rows */
  bool by_column;               /* items side by side: as a grid, each
                                   row is drawn as a column (row 0, the
                                   labels, the first), and as cards,
                                   each row a card */
  size_t min_width;             /* BY_COLUMN: a column narrower than
                                   this (or than its text) is not read
                                   easily: cards instead */
};

/* Bytes of a block's text set apart: a search match.  */
struct prange
{
  size_t start, len;
};

/* Matches a block holds at most (page_set_hl): a text with more has
   its first PAGE_MAX_HL set apart.  */
#define PAGE_MAX_HL 64

struct pblock
{
  enum pblock_kind kind;
  int level;
  int number;
  const char *text;
  const char *target;           /* PB_LINK: a location, see view.h */
  const char *label;            /* PB_LINK: optional prefix ("Source") */
  struct ptable *table;
  const char *anchor;           /* an id a location can jump to */
  const struct prange *hl;      /* bytes of TEXT to highlight (search
                                   matches): N_HL spans, in order, apart
                                   and not empty (page_set_hl) */
  size_t n_hl;
  const char *mark;             /* PB_LINK to an item that may be marked
                                   to compare: the location with its mark
                                   turned over ("" when no more may be
                                   marked), or NULL (nav.h, NAV_MARK) */
  bool marked;                  /* ... and it is marked now */
};

struct page
{
  const char *title;
  const char *location;         /* where this page came from */
  struct pblock *blocks;
  size_t n, cap;
  const char *crumbs[3];        /* where the page is: "Home", the list it
                                   belongs to, its title (the title line
                                   shows them as a path); N_CRUMBS 0: the
                                   title alone */
  size_t n_crumbs;
  const char *keys_hint;        /* what the bottom line (plain mode: the
                                   prompt) says instead of the key hints,
                                   or NULL */
  bool hl_marks;                /* a mark beside each line that holds a
                                   highlight (a page opened from search
                                   results): its layout keeps a margin */
  bool ok;                      /* false once an allocation failed */
  /* Links whose text is read only when it is first needed (a long
     list's names, issue 17): blocks LAZY_FROM to LAZY_FROM + LAZY_N,
     each a PB_LINK whose TEXT is NULL until page_block_text reads it.
     LAZY_TEXT gives the text of the I-th of them (never NULL), of one
     line and at most LAZY_MAX bytes (no more columns), or of any
     length when LAZY_MAX is SIZE_MAX.  Read them through
     page_block_text, or page_ready first.  */
  size_t lazy_from, lazy_n, lazy_max;
  const char *(*lazy_text) (const void *ctx, size_t i);
  const void *lazy_ctx;
  struct arena arena;
};

/** page_init - start an empty page at LOCATION.  */
void page_init (struct page *pg, const char *location);

/** page_free - release the page and its text.  */
void page_free (struct page *pg);

/** page_wipe - page_free, its text first overwritten with zeros.  */
void page_wipe (struct page *pg);

/** page_title - set the page title (copied).  */
void page_title (struct page *pg, const char *title);

/** page_add - append a block of KIND with TEXT (copied).
   @retval the block, so that a caller may set more fields, or NULL.  */
struct pblock *page_add (struct page *pg, enum pblock_kind kind,
                         const char *text);

/** page_addf - page_add with printf-style text.  */
struct pblock *page_addf (struct page *pg, enum pblock_kind kind,
                          const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

/** page_heading - append a heading of LEVEL (1 or 2) with TEXT;
   ANCHOR (copied, may be NULL) lets a location jump to it.  */
void page_heading (struct page *pg, int level, const char *text,
                   const char *anchor);

/** page_link - append a link with TEXT to TARGET (both copied).  */
struct pblock *page_link (struct page *pg, const char *text,
                          const char *target);

/** page_table - append an empty ROWS x COLS table.  */
struct ptable *page_table (struct page *pg, size_t rows, size_t cols);

/** page_cell - set cell (R, C) of table T to TEXT (copied).  */
void page_cell (struct page *pg, struct ptable *t, size_t r, size_t c,
                const char *text);

/** page_set_hl - set apart the N spans R of block B's text (copied into
   PG's arena; N 0: none).  Spans out of order, overlapping or touching
   are made sorted and merged; empty ones and those past the text's end
   are dropped, and PAGE_MAX_HL are kept at most.
   @retval the count kept.  */
size_t page_set_hl (struct page *pg, struct pblock *b,
                    const struct prange *r, size_t n);

/** page_block_pending - whether block B of PG is a link whose text is
   read when needed, not read yet.  */
bool page_block_pending (const struct page *pg, size_t b);

/** page_block_text - the text of block B of PG, read now if it is a
   link whose text is read when needed (the page keeps it: PG is the
   page's to change, as a cache); never NULL for a link; NULL for
   another block without text.  */
const char *page_block_text (const struct page *pg, size_t b);

/** page_ready - read the text of every link of PG read when needed:
   afterwards every block's TEXT is set, for those that read it there
   (a search's highlights, speech).  */
void page_ready (const struct page *pg);

/** page_strdup - copy S into the page's arena.  */
const char *page_strdup (struct page *pg, const char *s);

/** page_find_anchor - the index of the block with ANCHOR, or -1.  */
long page_find_anchor (const struct page *pg, const char *anchor);

/** page_next_link - the index of the first link after block FROM (or
   before it when DIR < 0), or -1.  */
long page_next_link (const struct page *pg, long from, int dir);

/** page_links_to - whether PG is at TARGET or has a link to it.  */
bool page_links_to (const struct page *pg, const char *target);

/** page_count_links - the number of links (and table rows with a
   target) on the page.  */
size_t page_count_links (const struct page *pg);

/* A place a reader can select: a link, or a table row with a target.  */
struct psel
{
  size_t block;
  long row;                     /* table row, or -1 for a link */
  const char *target;
};

/** page_selectables - every selectable place of PG, in page order, in
   a malloc'd array *OUT (free it).
   @retval the count.  */
size_t page_selectables (const struct page *pg, struct psel **out);

#endif
