/* unit-layout.c - pages laid out as display lines, and movement.  */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "layout.h"
#include "tap.h"
#include "text.h"

/* The display column where NEEDLE starts in line L, or -1.  */
static long
col_of (const struct lay_line *l, const char *needle)
{
  const char *p = strstr (l->text, needle);
  return p ? (long) (l->indent + text_width (l->text, (size_t) (p - l->text)))
           : -1;
}

/* The first line whose text contains NEEDLE, or -1.  */
static long
find (const struct layout *lo, const char *needle)
{
  for (size_t i = 0; i < lo->n; i++)
    if (strstr (lo->lines[i].text, needle))
      return (long) i;
  return -1;
}

/* Whether every line fits WIDTH columns.  */
static bool
all_fit (const struct layout *lo, size_t width)
{
  for (size_t i = 0; i < lo->n; i++)
    if (lo->lines[i].indent + lo->lines[i].width > width)
      {
        printf ("# line %zu too wide: '%s'\n", i, lo->lines[i].text);
        return false;
      }
  return true;
}

static void
dump (const struct layout *lo)
{
  for (size_t i = 0; i < lo->n; i++)
    printf ("# %2zu s%d sel%ld |%*s%s|\n", i, (int) lo->lines[i].style,
            lo->lines[i].sel, (int) lo->lines[i].indent, "",
            lo->lines[i].text);
}

static void
fruit_table (struct page *pg, const char *name0)
{
  struct ptable *t = page_table (pg, 3, 3);
  page_cell (pg, t, 0, 0, "Name");
  page_cell (pg, t, 0, 1, "Colour");
  page_cell (pg, t, 0, 2, "Grows on");
  page_cell (pg, t, 1, 0, name0);
  page_cell (pg, t, 1, 1, "Red");
  page_cell (pg, t, 1, 2, "Tree");
  page_cell (pg, t, 2, 0, "Banana");
  page_cell (pg, t, 2, 1, "Yellow");
  page_cell (pg, t, 2, 2, "Not stated");
  t->targets[1] = "item:fruits/apple";
  t->targets[2] = "item:fruits/banana";
}

static void
test_text (void)
{
  struct page pg;
  struct layout lo;
  page_init (&pg, "test");
  page_title (&pg, "A title that is far too long for twenty columns");
  page_add (&pg, PB_PARA, "the quick brown fox jumps over the lazy dog");
  page_add (&pg, PB_PARA, "中文的段落，用来测试宽字符的换行。");
  page_add (&pg, PB_BULLET, "a bullet that wraps onto a second line");
  page_link (&pg, "A link with rather long text", "home");
  page_add (&pg, PB_PARA, "bell\a and tab\t");
  layout_page (&lo, &pg, 20);
  dump (&lo);
  tap_ok (lo.ok, "a page lays out at 20 columns");
  tap_ok (all_fit (&lo, 20), "every line fits 20 columns");
  tap_ok (lo.lines[0].style == LS_TITLE && lo.lines[1].style == LS_TITLE,
          "a title too wide for the top line is wrapped into the body");
  long p = find (&lo, "the quick");
  tap_ok (p >= 0 && strcmp (lo.lines[p].text, "the quick brown fox") == 0
          && strcmp (lo.lines[p + 1].text, "jumps over the lazy") == 0,
          "paragraphs wrap at word boundaries");
  long c = find (&lo, "中文");
  tap_ok (c >= 0 && lo.lines[c].width == 20
          && strcmp (lo.lines[c].text, "中文的段落，用来测试") == 0
          && strcmp (lo.lines[c + 1].text, "宽字符的换行。") == 0,
          "CJK wraps by display width (ten wide characters in 20 columns)");
  long b = find (&lo, "- a bullet");
  tap_ok (b >= 0 && lo.lines[b].indent == 0 && lo.lines[b + 1].indent == 2,
          "a bullet's second line hangs under its text");
  long l = find (&lo, "A link");
  tap_ok (l >= 0 && lo.lines[l].style == LS_LINK && lo.lines[l].sel == 0
          && lo.lines[l].indent == LAY_MARK && lo.lines[l + 1].sel == 0
          && layout_sel_first (&lo, 0) == l
          && layout_sel_last (&lo, 0) == l + 1,
          "a wrapped link's lines all belong to its place");
  tap_ok (find (&lo, "bell? and tab?") >= 0,
          "control characters are shown as '?'");
  layout_free (&lo);

  layout_page (&lo, &pg, 12);
  c = find (&lo, "中文");
  tap_ok (c >= 0 && strcmp (lo.lines[c].text, "中文的段落，") == 0
          && strcmp (lo.lines[c + 1].text, "用来测试宽字") == 0,
          "CJK at 12 columns: six characters a line");
  layout_free (&lo);

  layout_page (&lo, &pg, 1);
  tap_ok (lo.ok && lo.n > 0, "a width of 1 does not fail");
  layout_free (&lo);
  page_free (&pg);
}

static void
test_table (void)
{
  struct page pg;
  struct layout lo;
  page_init (&pg, "cmp:x");
  page_title (&pg, "Compare");
  page_link (&pg, "Choose two", "pick:x");
  fruit_table (&pg, "Apple");
  layout_page (&lo, &pg, 80);
  dump (&lo);
  long h = find (&lo, "Name");
  long r = find (&lo, "Apple");
  tap_ok (h >= 0 && lo.lines[h].style == LS_THEAD && lo.lines[h].sel == -1,
          "at 80 columns the table is a grid with a header line");
  tap_ok (r == h + 1 && lo.lines[r].style == LS_TCELL && lo.lines[r].sel == 1
          && lo.lines[r + 1].sel == 2, "each grid row is a place");
  tap_ok (col_of (&lo.lines[h], "Colour") == col_of (&lo.lines[r], "Red")
          && col_of (&lo.lines[h], "Grows") == col_of (&lo.lines[r], "Tree")
          && col_of (&lo.lines[r], "Tree")
             == col_of (&lo.lines[r + 1], "Not stated"),
          "grid columns line up");
  tap_ok (all_fit (&lo, 80), "the grid fits 80 columns");
  layout_free (&lo);

  layout_page (&lo, &pg, 20);
  dump (&lo);
  r = find (&lo, "Apple");
  tap_ok (r >= 0 && lo.lines[r].style == LS_CARD_NAME && lo.lines[r].sel == 1
          && strcmp (lo.lines[r + 1].text, "Colour: Red") == 0
          && lo.lines[r + 1].style == LS_CARD_FIELD
          && lo.lines[r + 1].sel == 1
          && strcmp (lo.lines[r + 2].text, "Grows on: Tree") == 0,
          "at 20 columns each row is a card of \"Label: value\" lines");
  tap_ok (find (&lo, "Name") < 0, "cards have no header line");
  r = find (&lo, "Banana");
  tap_ok (r >= 0 && lo.lines[r].sel == 2
          && strcmp (lo.lines[r + 2].text, "Grows on: Not") == 0
          && lo.lines[r + 3].indent == lo.lines[r + 2].indent,
          "a long card line wraps under itself");
  tap_ok (all_fit (&lo, 20), "the cards fit 20 columns");
  layout_free (&lo);

  layout_page (&lo, &pg, 24);
  dump (&lo);
  h = find (&lo, "Name");
  tap_ok (h >= 0 && lo.lines[h].style == LS_THEAD && all_fit (&lo, 24),
          "at 24 columns the grid still fits, its cells wrapped");
  tap_ok (find (&lo, "Not") >= 0 && find (&lo, "Not stated") < 0
          && col_of (&lo.lines[find (&lo, "Not")], "Not")
             == col_of (&lo.lines[h], "Grows"),
          "a wrapped cell stays in its column");
  layout_free (&lo);
  page_free (&pg);
}

/* Items side by side (issue 16, point 4): the table turned, an item a
   column, while every column fits at its readable width; else a card
   an item, a blank line between two.  */
static void
test_side (void)
{
  struct page pg;
  struct layout lo;
  page_init (&pg, "pair:x/a/b");
  page_title (&pg, "Apple and Banana");
  fruit_table (&pg, "Apple");
  struct ptable *t = pg.blocks[pg.n - 1].table;
  t->by_column = true;
  t->min_width = 16;
  layout_page (&lo, &pg, 80);
  dump (&lo);
  long h = find (&lo, "Apple"), r = find (&lo, "Colour");
  tap_ok (lo.ok && h >= 0 && h == find (&lo, "Banana")
          && lo.lines[h].style == LS_THEAD && r == h + 1
          && col_of (&lo.lines[h], "Banana") == col_of (&lo.lines[r],
                                                        "Yellow"),
          "side by side at 80 columns: an item a column, under its name");
  tap_ok (lo.n_sel == 2 && layout_sel_first (&lo, 0) < 0
          && layout_sel_first (&lo, 1) < 0,
          "... the items' places have no lines as columns");
  layout_free (&lo);
  layout_page (&lo, &pg, 26);
  dump (&lo);
  h = find (&lo, "Apple");
  r = find (&lo, "Banana");
  tap_ok (lo.ok && h >= 0 && lo.lines[h].style == LS_CARD_NAME
          && lo.lines[h].sel == 0 && r > h && lo.lines[r].sel == 1
          && strcmp (lo.lines[h + 1].text, "Colour: Red") == 0,
          "at 26 columns (the words would fit, 16-column columns do not): "
          "a card an item");
  tap_ok (lo.lines[r - 1].style == LS_BLANK && lo.lines[r - 2].sel == 0,
          "a blank line between two cards");
  layout_free (&lo);
  t->by_column = false;
  layout_page (&lo, &pg, 26);
  tap_ok (lo.lines[find (&lo, "Banana")].style == LS_TCELL,
          "the same table not side by side is a grid at 26 columns");
  layout_free (&lo);
  page_free (&pg);
}

static void
test_cjk_table (void)
{
  struct page pg;
  struct layout lo;
  page_init (&pg, "cmp:x");
  page_title (&pg, "比较");
  fruit_table (&pg, "苹果");
  layout_page (&lo, &pg, 40);
  dump (&lo);
  long r = find (&lo, "苹果");
  long b = find (&lo, "Banana");
  tap_ok (r >= 0 && b >= 0 && lo.lines[r].style == LS_TCELL
          && col_of (&lo.lines[r], "Red") == col_of (&lo.lines[b], "Yellow"),
          "a CJK cell is padded by display width");
  layout_free (&lo);
  page_free (&pg);
}

/* A page with N links, each after a paragraph of GAP lines.  */
static void
link_page (struct page *pg, int n, int gap)
{
  page_init (pg, "t");
  page_title (pg, "T");
  for (int i = 0; i < n; i++)
    {
      for (int k = 0; k < gap; k++)
        page_add (pg, PB_PARA, "text");
      page_addf (pg, PB_LINK, "link %d", i);
      pg->blocks[pg->n - 1].target = "home";
    }
}

static void
test_move (void)
{
  struct page pg;
  struct layout lo;
  struct lay_view v = { 0, 4, -1 };
  link_page (&pg, 6, 0);
  layout_page (&lo, &pg, 20);
  layout_start (&lo, &v, 0);
  tap_ok (v.sel == 0 && v.top == 0, "a new page selects its first place");
  for (int i = 0; i < 4; i++)
    layout_move (&lo, &v, 1);
  tap_ok (v.sel == 4 && v.top == 1, "Down scrolls to keep the place shown");
  layout_move (&lo, &v, 1);
  layout_move (&lo, &v, 1);
  tap_ok (v.sel == 5 && v.top == 2, "Down stops at the last place");
  layout_scroll (&lo, &v, -10);
  tap_ok (v.top == 0 && v.sel == 3,
          "scrolling away selects the last place still shown");
  layout_free (&lo);
  page_free (&pg);

  link_page (&pg, 2, 12);
  layout_page (&lo, &pg, 20);
  layout_start (&lo, &v, 0);
  tap_ok (v.sel == -1, "no place selected when none is on the screen");
  layout_move (&lo, &v, 1);
  tap_ok (v.sel == -1 && v.top == 3,
          "Down scrolls a screen when the next place is far");
  layout_move (&lo, &v, 1);
  layout_move (&lo, &v, 1);
  tap_ok (v.sel == 0 && v.top == 9, "then selects it when it is near");
  layout_move (&lo, &v, -1);
  tap_ok (v.sel == -1 && v.top == 8,
          "Up with no place before scrolls a line (the link scrolls off)");
  layout_free (&lo);
  page_free (&pg);

  page_init (&pg, "t");
  for (int k = 0; k < 10; k++)
    page_add (&pg, PB_PARA, "text");
  layout_page (&lo, &pg, 20);
  layout_start (&lo, &v, 0);
  layout_move (&lo, &v, 1);
  tap_ok (v.top == 1 && v.sel == -1, "no places: Down scrolls a line");
  layout_scroll (&lo, &v, 100);
  tap_ok (v.top == 6, "scrolling stops at the end");
  layout_free (&lo);
  page_free (&pg);
}

static void
test_anchor_and_map (void)
{
  struct page pg;
  struct layout wide, narrow;
  page_init (&pg, "doc:d");
  page_title (&pg, "Doc");
  page_heading (&pg, 2, "Intro", "intro");
  for (int k = 0; k < 5; k++)
    page_add (&pg, PB_PARA, "a paragraph of some length that wraps at "
              "twenty columns but not at eighty");
  page_heading (&pg, 2, "More", "more");
  page_add (&pg, PB_PARA, "end");
  layout_page (&wide, &pg, 80);
  layout_page (&narrow, &pg, 20);
  long a = page_find_anchor (&pg, "more");
  long w = layout_block_line (&wide, (size_t) a);
  long n = layout_block_line (&narrow, (size_t) a);
  tap_ok (w >= 0 && strcmp (wide.lines[w].text, "More") == 0
          && n >= 0 && strcmp (narrow.lines[n].text, "More") == 0,
          "an anchor's heading line is found, not the blank before it");
  tap_ok (layout_map_line (&wide, w, &narrow) == n
          && layout_map_line (&narrow, n, &wide) == w,
          "a resize keeps the top line's block");
  tap_ok (narrow.lines[n - 1].style == LS_BLANK
          && layout_map_line (&narrow, n - 1, &wide) == w,
          "a blank line before a heading maps to the heading");
  long third = find (&wide, "paragraph") + 2;
  long m = layout_map_line (&wide, third, &narrow);
  tap_ok (narrow.lines[m].block == wide.lines[third].block,
          "a line in a paragraph maps into the same paragraph");
  layout_free (&wide);
  layout_free (&narrow);
  page_free (&pg);
}

/* Whether line L's highlights are the N spans (start, length) in R.  */
static bool
hl_is (const struct lay_line *l, size_t n, const size_t *r)
{
  if (l->n_hl != n)
    return false;
  for (size_t i = 0; i < n; i++)
    if (l->hl[i].start != r[2 * i] || l->hl[i].len != r[2 * i + 1])
      return false;
  return true;
}

/* page_set_hl: sorted, merged, clipped, capped.  */
static void
test_hl_ranges (void)
{
  struct page pg;
  page_init (&pg, "item:a/b");
  struct pblock *b = page_add (&pg, PB_PARA, "alpha beta gamma delta");
  /* Out of order; "eta" and "ta g" overlap; "alpha" touches the space
     after it; one empty, one past the end, one that goes past it.  */
  struct prange in[] = { { 17, 5 }, { 7, 3 }, { 0, 5 }, { 8, 4 }, { 5, 1 },
                         { 3, 0 }, { 30, 2 }, { 20, 9 } };
  size_t n = page_set_hl (&pg, b, in, sizeof in / sizeof *in);
  tap_ok (n == 3 && b->n_hl == 3
          && b->hl[0].start == 0 && b->hl[0].len == 6
          && b->hl[1].start == 7 && b->hl[1].len == 5
          && b->hl[2].start == 17 && b->hl[2].len == 5,
          "page_set_hl: sorted, overlapping and touching spans merged, "
          "empty ones and those past the end dropped (%zu)", n);
  struct prange many[200];
  for (size_t i = 0; i < 200; i++)
    many[i] = (struct prange) { (199 - i) % 11 * 2, 1 };
  b = page_add (&pg, PB_PARA, "a b c d e f g h i j k l m n o p q r s t u v "
                "w x y z A B C D E F G H I J K L M N O P Q R S T U V W X Y Z "
                "0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9");
  n = page_set_hl (&pg, b, many, 200);
  tap_ok (n == 11 && b->hl[10].start == 20, "duplicates are one span (%zu)",
          n);
  for (size_t i = 0; i < 200; i++)
    many[i] = (struct prange) { (199 - i) * 2 % 190, 1 };
  n = page_set_hl (&pg, b, many, 200);
  tap_ok (n == PAGE_MAX_HL && b->hl[0].start == 0
          && b->hl[PAGE_MAX_HL - 1].start == 2 * (PAGE_MAX_HL - 1),
          "at most PAGE_MAX_HL (%d), the first in the text", PAGE_MAX_HL);
  n = page_set_hl (&pg, b, NULL, 0);
  tap_ok (n == 0 && b->n_hl == 0 && b->hl == NULL, "none: none");
  page_free (&pg);
}

/* A page whose lines with a match are marked: a margin for the mark
   before every line; a link's label before its matches.  */
static void
test_hl_margin (void)
{
  struct page pg;
  struct layout lo;
  page_init (&pg, "item:a/b");
  page_title (&pg, "Item");
  struct pblock *p = page_add (&pg, PB_PARA, "red apples and red pears are "
                               "found in every market of the town");
  page_set_hl (&pg, p, (struct prange[]) { { 0, 3 }, { 15, 3 } }, 2);
  page_add (&pg, PB_PARA, "nothing here");
  struct pblock *l = page_link (&pg, "a red link", "home");
  l->label = "Source";
  page_set_hl (&pg, l, &(struct prange) { 2, 3 }, 1);
  pg.hl_marks = true;
  layout_page (&lo, &pg, 30);
  dump (&lo);
  long n = find (&lo, "nothing"), k = find (&lo, "Source: a red link");
  tap_ok (lo.margin == LAY_HIT && lo.lines[0].indent == LAY_HIT
          && n > 0 && lo.lines[n].indent == LAY_HIT && lo.lines[n].n_hl == 0
          && k > 0 && lo.lines[k].indent == LAY_HIT + LAY_MARK
          && all_fit (&lo, 30),
          "marked matches: every line after a margin of %d", LAY_HIT);
  tap_ok (hl_is (&lo.lines[0], 2, (size_t[]) { 0, 3, 15, 3 })
          && k > 0 && hl_is (&lo.lines[k], 1, (size_t[]) { 10, 3 }),
          "both matches on the first line; a link's after its label");
  layout_free (&lo);
  layout_page (&lo, &pg, 2 * LAY_HIT);
  tap_ok (lo.margin == 0, "no margin on a screen too narrow for it");
  layout_free (&lo);
  page_free (&pg);
}

static void
test_highlight (void)
{
  struct page pg;
  struct layout lo;
  page_init (&pg, "search:beta");
  page_title (&pg, "Search");
  struct pblock *b = page_link (&pg, "alpha beta gamma delta", "home");
  page_set_hl (&pg, b, &(struct prange) { 6, 10 }, 1);  /* "beta gamma" */
  layout_page (&lo, &pg, 14);
  dump (&lo);
  tap_ok (lo.n == 2 && strcmp (lo.lines[0].text, "alpha beta") == 0
          && hl_is (&lo.lines[0], 1, (size_t[]) { 6, 4 })
          && hl_is (&lo.lines[1], 1, (size_t[]) { 0, 5 })
          && lo.lines[0].hl_first == 0 && lo.lines[1].hl_first == 0
          && lo.margin == 0 && lo.lines[0].indent == LAY_MARK,
          "a search match is highlighted across a line break");
  layout_free (&lo);
  /* Three: two on the first line, one split across the break.  */
  page_set_hl (&pg, b, (struct prange[]) { { 0, 5 }, { 6, 6 }, { 17, 3 } },
               3);
  layout_page (&lo, &pg, 14);
  tap_ok (lo.n == 2
          && hl_is (&lo.lines[0], 2, (size_t[]) { 0, 5, 6, 4 })
          && hl_is (&lo.lines[1], 2, (size_t[]) { 0, 1, 6, 3 })
          && lo.lines[0].hl_first == 0 && lo.lines[1].hl_first == 1,
          "every match on a line is highlighted, one split on both lines");
  tap_ok (layout_hl_line (&lo, 0, 0) == 0 && layout_hl_line (&lo, 0, 1) == 0
          && layout_hl_line (&lo, 0, 2) == 1
          && layout_hl_line (&lo, 0, 3) == -1
          && layout_hl_line (&lo, 1, 0) == -1,
          "layout_hl_line: the first line of each match");
  layout_free (&lo);
  page_set_hl (&pg, b, NULL, 0);
  layout_page (&lo, &pg, 14);
  tap_ok (lo.lines[0].n_hl == 0 && lo.lines[1].n_hl == 0,
          "no match, no highlight");
  layout_free (&lo);
  page_free (&pg);
}

/* N copies of the UTF-8 character C (NUL-terminated), into BUF.  */
static const char *
repeat (char *buf, const char *c, size_t n)
{
  buf[0] = '\0';
  for (size_t i = 0; i < n; i++)
    strcat (buf, c);
  return buf;
}

/* A long list, as a collection's, for WIDTH columns: a title too wide
   for a narrow screen, an intro, then links of every kind (short,
   wrapping, with a label, highlighted, wide characters, a newline,
   empty), and last many short ones, among them links one column too
   wide and just wide enough for WIDTH (in bytes, and in columns of
   wide characters whose bytes are more), a newline and an empty one.
   The lazy part is the last 17 links.  */
static void
list_page (struct page *pg, size_t width)
{
  char buf[4 * 80 + 1];
  size_t room = width - LAY_MARK;
  page_init (pg, "coll:t");
  page_title (pg, "A list whose title is wider than twenty columns");
  page_add (pg, PB_PARA, "An intro that is long enough to wrap on the "
            "narrower screens, before the links.");
  page_link (pg, "early link", "home");
  page_add (pg, PB_PARA, "text");
  for (int i = 0; i < 60; i++)
    {
      struct pblock *b;
      switch (i % 10)
        {
        case 3:
          b = page_link (pg, "a link whose name is too long for one line "
                         "of twenty columns", "home");
          break;
        case 4:
          b = page_link (pg, "labelled", "home");
          b->label = "Source";
          break;
        case 5:
          b = page_link (pg, "alpha beta gamma", "home");
          if (b)
            page_set_hl (pg, b, &(struct prange) { 6, 4 }, 1);
          break;
        case 6:
          b = page_link (pg, "中文的链接名称", "home");
          break;
        case 7:
          b = page_link (pg, "two\nlines", "home");
          break;
        case 8:
          b = page_link (pg, "", "home");
          break;
        default:
          b = page_addf (pg, PB_LINK, "link %d", i);
          if (b)
            b->target = "home";
          break;
        }
    }
  for (int i = 0; i < 10; i++)
    page_link (pg, "short", "home");
  page_link (pg, repeat (buf, "中", room / 2 + 1), "home");     /* over */
  for (int i = 0; i < 10; i++)
    page_link (pg, "short", "home");
  page_link (pg, repeat (buf, "y", room + 1), "home");          /* over */
  page_link (pg, "two\nlines", "home");
  for (int i = 0; i < 10; i++)
    page_link (pg, i == 5 ? "" : "short", "home");
  page_link (pg, repeat (buf, "x", room), "home");              /* fits */
  page_link (pg, repeat (buf, "中", room / 2), "home");         /* fits */
  for (int i = 0; i < 5; i++)
    page_link (pg, "short", "home");
}

/* Whether line K of A and of B agree; their text too when TEXT.  */
static bool
same_line (const struct layout *a, const struct layout *b, size_t k,
           bool text)
{
  const struct lay_line *x = &a->lines[k], *y = &b->lines[k];
  if (x->style != y->style || x->sel != y->sel || x->block != y->block
      || x->indent != y->indent)
    return false;
  return !text || (x->text && y->text && strcmp (x->text, y->text) == 0
                   && x->width == y->width && x->n_hl == y->n_hl
                   && x->hl_first == y->hl_first
                   && (x->n_hl == 0
                       || memcmp (x->hl, y->hl, x->n_hl * sizeof *x->hl) == 0));
}

/* Whether LAZY, its lines from TOP to TOP + ROWS made ready, is FULL:
   the count, every line but the text, the places' lines, and the text
   of the lines made ready.  */
static bool
same_layout (const struct layout *full, const struct layout *lazy, long top,
             long rows)
{
  if (full->n != lazy->n || full->n_sel != lazy->n_sel)
    return false;
  for (size_t k = 0; k < full->n; k++)
    if (!same_line (full, lazy, k, (long) k >= top && (long) k < top + rows))
      {
        printf ("# line %zu differs (top %ld)\n", k, top);
        return false;
      }
  for (size_t s = 0; s < full->n_sel; s++)
    if (layout_sel_first (full, (long) s) != layout_sel_first (lazy, (long) s)
        || layout_sel_last (full, (long) s) != layout_sel_last (lazy,
                                                                (long) s))
      return false;
  return true;
}

static void
test_lazy (void)
{
  static const size_t widths[] = { 8, 20, 80 };
  for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
    {
      struct page pg;
      list_page (&pg, widths[w]);
      struct layout full, lazy, step;
      long rows = 5, deferred = 0;
      bool same = true, moves = true;
      layout_page (&full, &pg, widths[w]);
      layout_page_lazy (&step, &pg, widths[w]);
      for (size_t k = 0; k < step.n; k++)
        deferred += step.lines[k].text == NULL;
      for (long top = 0; top < (long) full.n && same; top++)
        {
          layout_page_lazy (&lazy, &pg, widths[w]);
          layout_ready (&lazy, top, rows);
          layout_ready (&step, top, rows);
          same = same_layout (&full, &lazy, top, rows) && lazy.ok;
          layout_free (&lazy);
        }
      same = same && same_layout (&full, &step, 0, (long) full.n) && step.ok;
      tap_ok (deferred == 17 && same, "%zu columns: a lazy layout is the "
              "full one, its %ld deferred lines made ready at every top",
              widths[w], deferred);
      /* The same keys move over both alike.  */
      layout_free (&step);
      layout_page_lazy (&step, &pg, widths[w]);
      struct lay_view a = { 0, rows, -1 }, b = a;
      layout_start (&full, &a, 0);
      layout_start (&step, &b, 0);
      for (int i = 0; i < 300 && moves; i++)
        {
          int key = i % 50 < 30 ? 1 : i % 50 < 40 ? -1 : 2;
          if (key == 2)
            {
              layout_scroll (&full, &a, i % 2 ? rows - 1 : (long) full.n);
              layout_scroll (&step, &b, i % 2 ? rows - 1 : (long) step.n);
            }
          else
            {
              layout_move (&full, &a, key);
              layout_move (&step, &b, key);
            }
          layout_ready (&step, b.top, b.rows);
          moves = a.top == b.top && a.sel == b.sel
                  && same_layout (&full, &step, b.top, b.rows);
        }
      tap_ok (moves, "%zu columns: Down, Up, PgDn and End go alike",
              widths[w]);
      layout_free (&step);
      layout_free (&full);
      page_free (&pg);
    }
}

/* Links whose text is read when needed (page.h): the names, and how
   many times one was read.  */
static const char *const lazy_names[] = {
  "Apple", "Banana", "骨质疏松症", "Cherry tree", "", "Date palm", "无花果",
  "Grape", "a name long enough to wrap on a screen of twenty columns",
  "Kiwi"
};
#define N_LAZY (sizeof lazy_names / sizeof *lazy_names)
static size_t lazy_reads;

static const char *
lazy_name (const void *ctx, size_t i)
{
  const size_t *n = ctx;
  lazy_reads++;
  return lazy_names[(i * 7) % *n];
}

/* A list page of N links read when needed, LONGEST their longest
   length (SIZE_MAX: unknown); or, when FULL, the same with their text
   set.  */
static void
lazy_page (struct page *pg, const size_t *n, size_t longest, bool full)
{
  page_init (pg, "coll:t");
  page_title (pg, "A list");
  page_add (pg, PB_PARA, "An intro.");
  size_t from = pg->n;
  for (size_t i = 0; i < 40; i++)
    {
      struct pblock *b = page_add (pg, PB_LINK, "");
      if (b)
        b->text = full ? lazy_name (n, i) : NULL;
    }
  if (full)
    return;
  pg->lazy_from = from;
  pg->lazy_n = 40;
  pg->lazy_max = longest;
  pg->lazy_text = lazy_name;
  pg->lazy_ctx = n;
}

/* A list whose names are read when needed is laid out as if they were
   there, and reads only those of the lines made ready when the longest
   fits; else every name as it is laid out.  */
static void
test_lazy_text (void)
{
  static const size_t widths[] = { 8, 20, 80 };
  static const size_t counts[] = { N_LAZY - 2, N_LAZY }; /* without the
                                                             long one */
  for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
    for (size_t c = 0; c < 2; c++)
      for (int known = 0; known < 2; known++)
        {
          size_t n = counts[c], longest = 0, most = 0;
          for (size_t i = 0; i < n; i++)
            longest = strlen (lazy_names[i]) > longest
                      ? strlen (lazy_names[i]) : longest;
          struct page want, pg;
          struct layout full, lazy;
          lazy_page (&want, &n, 0, true);
          layout_page (&full, &want, widths[w]);
          bool same = true;
          long rows = 5;
          for (long top = 0; top < (long) full.n && same; top++)
            {
              lazy_page (&pg, &n, known ? longest : SIZE_MAX, false);
              lazy_reads = 0;
              layout_page_lazy (&lazy, &pg, widths[w]);
              layout_ready (&lazy, top, rows);
              most = lazy_reads > most ? lazy_reads : most;
              same = same_layout (&full, &lazy, top, rows) && lazy.ok;
              layout_free (&lazy);
              page_free (&pg);
            }
          bool fits = known && longest <= widths[w] - LAY_MARK;
          tap_ok (same && (fits ? most <= (size_t) rows : most >= 40),
                  "%zu columns, names %s, the longest %s: laid out as if "
                  "read, %zu of 40 read at most (%s)", widths[w],
                  c ? "one of them long" : "short",
                  known ? "known" : "unknown", most,
                  fits ? "those shown" : "every one");
          layout_free (&full);
          page_free (&want);
        }
  /* A link left without text before the lazy ones: an empty link, not
     one of theirs, and never read as if it were.  */
  size_t n = counts[0];
  struct page pg;
  struct layout lo;
  lazy_page (&pg, &n, SIZE_MAX, false);
  pg.lazy_from++;
  pg.lazy_n--;
  lazy_reads = 0;
  layout_page_lazy (&lo, &pg, 80);
  layout_ready (&lo, 0, (long) lo.n);
  long k = layout_sel_first (&lo, 0);
  tap_ok (lo.ok && k >= 0 && lo.lines[k].text && !*lo.lines[k].text
          && lazy_reads == 39, "a link without text outside the lazy "
          "ones: an empty link (%zu names read)", lazy_reads);
  layout_free (&lo);
  page_free (&pg);
}

int
main (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  test_text ();
  test_table ();
  test_cjk_table ();
  test_side ();
  test_move ();
  test_anchor_and_map ();
  test_hl_ranges ();
  test_hl_margin ();
  test_highlight ();
  test_lazy ();
  test_lazy_text ();
  return tap_done ();
}
