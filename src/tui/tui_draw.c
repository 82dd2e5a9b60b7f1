/* tui_draw.c - painting the screen with wide-character curses.  Text
   arrives laid out (layout.h); here it is only clipped to the screen by
   display width, never past the right edge and never mid-character.
   The selection is shown by reverse video and a '>' marker (a chosen
   card: its name so, and a bar at the left of its lines), so that it
   never depends on colour; so are search matches (bold, underlined,
   reversed), and a mark in the margin of each line that holds one.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "tui_draw.h"

#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistr.h>
#include <wchar.h>

#include "i18n.h"
#include "keys.h"
#include "text.h"

/* put_clean hands ncurses UTF-32 from libunistring as wchar_t.  */
#ifndef __STDC_ISO_10646__
# error "wchar_t must hold ISO 10646 code points (__STDC_ISO_10646__)"
#endif
_Static_assert (sizeof (wchar_t) == sizeof (uint32_t),
                "wchar_t must be 32 bits wide");

enum { PAIR_TITLE = 1, PAIR_HEADING, PAIR_LINK };

static bool draw_colour;

/* The mark beside a line that holds a search match: a heavy asterisk
   (U+2731, one column wide everywhere, East Asian width neutral), or
   '*' where it may not be shown (a locale not in UTF-8; the Linux
   console, whose fonts hold 512 glyphs).  */
static const char *draw_hit_mark = "*";

struct tui_geom
tui_geometry (int rows)
{
  struct tui_geom g = { -1, 0, rows > 0 ? rows : 0, -1 };
  if (rows >= 2)
    g.title_y = 0, g.body_y = 1, g.body_rows = rows - 1;
  if (rows >= 3)
    g.hint_y = rows - 1, g.body_rows = rows - 2;
  return g;
}

void
tui_draw_start (void)
{
  const char *no = getenv ("NO_COLOR"), *term = termname ();
  const char *cs = nl_langinfo (CODESET);
  bool utf8 = cs && strcmp (cs, "UTF-8") == 0;
  draw_hit_mark = utf8 && !(term && strncmp (term, "linux", 5) == 0)
                  ? "\xe2\x9c\xb1" : "*";    /* U+2731 */
  draw_colour = has_colors () && !(no && *no) && start_color () == OK;
  if (!draw_colour)
    return;
  short bg = use_default_colors () == OK ? -1 : COLOR_BLACK;
  init_pair (PAIR_TITLE, COLOR_CYAN, bg);
  init_pair (PAIR_HEADING, COLOR_CYAN, bg);
  init_pair (PAIR_LINK, COLOR_BLUE, bg);
}

/* The attributes of a line of STYLE.  */
static attr_t
style_attr (enum lay_style style)
{
  switch (style)
    {
    case LS_TITLE:
      return A_BOLD | (draw_colour ? COLOR_PAIR (PAIR_TITLE) : 0);
    case LS_HEADING:
      return A_BOLD | (draw_colour ? COLOR_PAIR (PAIR_HEADING) : 0);
    case LS_NOTE:
      /* Never A_DIM: the start screen's disclaimer and a document's
         "marketing material" note are notes, and many terminals draw
         dim text barely readable (issue 16, point 3).  */
      return A_NORMAL;
    case LS_LINK:
      return A_UNDERLINE;
    case LS_THEAD:
      return A_BOLD | A_UNDERLINE;
    case LS_CARD_NAME:
      return A_BOLD;
    default:
      return A_NORMAL;
    }
}

/* Write the LEN bytes of S (valid UTF-8) at (Y, X) as wide-character
   cells in the current attributes, decoded once by libunistring: each
   cell made with setcchar (a zero-width character joins the cell
   before it) and all of them handed to wadd_wchnstr, which copies them
   into the window; waddnwstr would take each character through
   wadd_wch's checks one by one (issue 17: a Chinese page's keys).
   Cells that would go past the right edge are left out.
   @retval false when S could not be converted.  */
static bool
put_wide (int y, int x, const char *s, size_t len)
{
  cchar_t small[256], *cells = small;
  size_t cap = sizeof small / sizeof *small, n = 0;
  attr_t attrs;
  short pair;
  wchar_t wc[CCHARW_MAX + 1];
  size_t nwc = 0;
  if (len > cap && !(cells = malloc (len * sizeof *cells)))
    return false;
  wattr_get (stdscr, &attrs, &pair, NULL);
  for (const uint8_t *p = (const uint8_t *) s, *e = p + len; p < e;)
    {
      ucs4_t u;
      int k = u8_mbtouc (&u, p, e - p);
      bool join = nwc > 0 && nwc < CCHARW_MAX
                  && text_width ((const char *) p, (size_t) k) == 0;
      p += k;
      if (!join && nwc > 0)
        {
          wc[nwc] = 0;
          setcchar (&cells[n++], wc, attrs, pair, NULL);
          nwc = 0;
        }
      wc[nwc++] = (wchar_t) u;
    }
  if (nwc > 0)
    {
      wc[nwc] = 0;
      setcchar (&cells[n++], wc, attrs, pair, NULL);
    }
  if (n > 0)
    mvadd_wchnstr (y, x, cells, (int) n);
  if (cells != small)
    free (cells);
  return true;
}

/* Write the N bytes at S at (Y, X), each invalid byte and character a
   terminal must not be given shown as '?' (text_clean): the body's
   lines are clean already (layout.c), but the title, the hints (from a
   catalogue), a message and the prompt arrive here as they are.  */
static void
put_clean (int y, int x, const char *s, size_t n)
{
  char small[512], *buf = n <= sizeof small ? small : malloc (n);
  size_t width;
  if (!buf)
    return;
  n = text_clean (buf, s, n, &width);
  /* As wide characters (decoded once, by libunistring): addnstr would
     decode the UTF-8 a byte at a time, through mbrtowc and wctob, four
     times the cost of the rest of a key in Chinese (issue 17).  */
  if (!put_wide (y, x, buf, n))
    mvaddnstr (y, x, buf, (int) n);
  if (buf != small)
    free (buf);
}

/* Write the LEN bytes of S at (Y, X): text that is clean already (a
   laid-out line, layout.c) and fits the screen.  Printable ASCII goes
   in as cells; the rest as wide characters.  */
static void
put_fitting (int y, int x, const char *s, size_t len)
{
  chtype cells[256];
  size_t i = 0;
  if (len <= sizeof cells / sizeof *cells)
    {
      chtype a = (chtype) getattrs (stdscr);
      for (; i < len && (unsigned char) (s[i] - 0x20) < 0x5F; i++)
        cells[i] = (unsigned char) s[i] | a;
      if (i == len)
        {
          if (len)
            mvaddchnstr (y, x, cells, (int) len);
          return;
        }
    }
  put_wide (y, x, s, len);
}

/* Write the LEN bytes of S at (Y, X), as much as fits the screen,
   never splitting a grapheme cluster.  Printable ASCII (most text), a
   cell a byte, goes straight into the window in the current attributes
   (addchnstr: the same cells as addnstr, without decoding each byte
   and looking up its width), when it is all of S or the byte after it
   is ASCII too (a combining mark would belong to the last cell); the
   rest through put_clean.  The cursor is placed at the end of
   tui_draw.  */
static void
put_clipped (int y, int x, const char *s, size_t len)
{
  if (x < 0 || x >= COLS || y < 0 || y >= LINES)
    return;
  size_t room = (size_t) (COLS - x), n = len < room ? len : room, i = 0;
  chtype cells[256];
  if (n <= sizeof cells / sizeof *cells)
    {
      chtype a = (chtype) getattrs (stdscr);
      for (; i < n && (unsigned char) (s[i] - 0x20) < 0x5F; i++)
        cells[i] = (unsigned char) s[i] | a;
      if (i == n && (n == len || (unsigned char) s[n] <= 0x7F))
        {
          if (n)
            mvaddchnstr (y, x, cells, (int) n);
          return;
        }
    }
  n = text_fit (s, len, room);
  if (n)
    put_clean (y, x, s, n);
}

static void
first_line (const struct text_line *l, void *data)
{
  struct text_line *first = data;
  if (first->len == (size_t) -1)
    *first = *l;
}

/* The page's path from its part K on, "... > " before it when K > 0,
   into BUF (cut short when it does not fit).  */
static void
path_text (const struct tui_screen *s, size_t k, char *buf, size_t size)
{
  /* TRANSLATORS: between the places of the path on the title line,
     "Home > Conditions > Osteoarthritis".  */
  const char *sep = _(" > ");
  size_t n = (size_t) snprintf (buf, size, "%s", k ? "..." : "");
  for (size_t i = k; i < s->n_crumbs && n < size; i++)
    n += (size_t) snprintf (buf + n, size - n, "%s%s", i > 0 ? sep : "",
                            s->crumbs[i]);
}

/* The path to the page, "Home > Conditions > Osteoarthritis", leaving
   out its first places ("... > Osteoarthritis") until it fits COLS
   columns.  @retval false when even the title alone with "... > " does
   not.  */
static bool
draw_path (const struct tui_screen *s, int y, int cols)
{
  char buf[1024];
  for (size_t k = 0; k < s->n_crumbs; k++)
    {
      path_text (s, k, buf, sizeof buf);
      size_t len = strlen (buf);
      if (len < sizeof buf - 1 && text_width (buf, len) <= (size_t) cols)
        {
          put_clipped (y, 0, buf, len);
          return true;
        }
    }
  return false;
}

/* Speech's mark (S's MARK) at the right of row Y, in reverse video,
   when it leaves the title 8 columns.  @retval the columns left for
   the title.  */
static int
draw_mark (const struct tui_screen *s, int y)
{
  if (!s->mark)
    return COLS;
  size_t len = strlen (s->mark);
  int w = (int) text_width (s->mark, len) + 2;
  if (COLS - w - 1 < 8)
    return COLS;
  attrset (A_REVERSE | A_BOLD);
  mvhline (y, COLS - w, ' ' | A_REVERSE | A_BOLD, w);
  put_clipped (y, COLS - w + 1, s->mark, len);
  return COLS - w - 1;
}

/* The title (or the path to it), cut at a word with "..." when it is
   too wide (the body then begins with the whole title, see
   layout_page), left of speech's mark.  */
static void
draw_title (const struct tui_screen *s, int y)
{
  size_t len = strlen (s->title);
  int cols = draw_mark (s, y);
  attrset (A_BOLD | (draw_colour ? COLOR_PAIR (PAIR_TITLE) : 0));
  if (s->n_crumbs > 1 && draw_path (s, y, cols))
    ;
  else if (text_width (s->title, len) <= (size_t) cols || cols <= 4)
    put_clipped (y, 0, s->title, len);
  else
    {
      struct text_line first = { 0, (size_t) -1, 0 };
      text_wrap (s->title, len, (size_t) cols - 3, first_line, &first);
      put_clipped (y, 0, s->title + first.start, first.len);
      put_clipped (y, (int) first.width, "...", 3);
    }
  attrset (A_NORMAL);
}

/* Write the LEN bytes of L's text on row Y as cells in attributes A,
   its highlights in H, in one call, when they are printable ASCII that
   fit the screen.  @retval false when they are not (nothing written).  */
static bool
put_cells_hl (const struct lay_line *l, size_t len, int y, attr_t a,
              attr_t h)
{
  chtype cells[256];
  const char *s = l->text;
  if (len > sizeof cells / sizeof *cells
      || l->indent + l->width > (size_t) COLS)
    return false;
  for (size_t i = 0; i < len; i++)
    if ((unsigned char) (s[i] - 0x20) < 0x5F)
      cells[i] = (unsigned char) s[i] | (chtype) a;
    else
      return false;
  for (unsigned i = 0; i < l->n_hl; i++)
    {
      size_t to = l->hl[i].start + l->hl[i].len;
      for (size_t j = l->hl[i].start; j < to && j < len; j++)
        cells[j] = (unsigned char) s[j] | (chtype) h;
    }
  if (len)
    mvaddchnstr (y, (int) l->indent, cells, (int) len);
  return true;
}

/* The text of L on row Y in attributes A, with its highlights (search
   matches) set apart: bold, underlined, and reversed against the rest.  */
static void
draw_text (const struct lay_line *l, int y, attr_t a)
{
  size_t len = strlen (l->text), at = 0;
  int x = (int) l->indent;
  attr_t h = (a ^ A_REVERSE) | A_BOLD | A_UNDERLINE;
  attrset (a);
  if (!l->n_hl && l->indent + l->width <= (size_t) COLS)
    {
      put_fitting (y, x, l->text, len);   /* the most common case */
      return;
    }
  if (put_cells_hl (l, len, y, a, h))
    return;
  for (unsigned i = 0; i < l->n_hl; i++)
    {
      size_t from = l->hl[i].start, to = from + l->hl[i].len;
      if (from < at || to > len || to < from)
        break;          /* cannot happen: layout.c clips them */
      put_clipped (y, x, l->text + at, from - at);
      x += (int) text_width (l->text + at, from - at);
      attrset (h);
      put_clipped (y, x, l->text + from, to - from);
      x += (int) text_width (l->text + from, to - from);
      attrset (a);
      at = to;
    }
  put_clipped (y, x, l->text + at, len - at);
}

/* Draw L on row Y, SELECTED or not, after MARGIN columns kept for the
   mark of a line with a search match (layout.h, LAY_HIT).  */
static void
draw_line (const struct lay_line *l, int y, bool selected, int margin)
{
  if (selected && l->style == LS_CARD_FIELD)
    {
      /* The chosen card: its name in reverse (below), and a one-column
         bar, a reverse-video space, at the left of its other lines:
         readable, and not colour alone (issue 16, point 4).  */
      mvaddch (y, margin, ' ' | A_REVERSE);
      selected = false;
    }
  attr_t a = style_attr (l->style) | (selected ? A_REVERSE : 0);
  if (selected)
    {
      mvhline (y, 0, ' ' | A_REVERSE, COLS);
      attrset (A_REVERSE | A_BOLD);
      put_clipped (y, margin, ">", 1);
    }
  if (margin && l->n_hl)
    {
      /* A match on this line: a mark that is not colour alone, where
         the eye (and a screen reader, at the line's start) finds it.  */
      attrset (A_BOLD | (selected ? A_REVERSE : 0));
      put_clipped (y, 0, draw_hit_mark, strlen (draw_hit_mark));
    }
  draw_text (l, y, a);
  attrset (A_NORMAL);
}

/* What the last frame's body showed, so that the next one draws only
   the rows that changed: after a scroll, the terminal's own scrolling
   (a scroll region) moves the rows that stay, and only the new ones
   are drawn (issue 17: curses then compares and copies a few rows a
   key, not the whole screen).  ROW[i] is the line of the layout
   SERIAL on body row i, or -1 for none.  */
#define FRAME_ROWS 512
static struct
{
  bool valid;
  unsigned long serial;
  const char *mark;             /* the title line's (it is drawn anew
                                   when this changes) */
  int lines, cols, body_y, body_rows;
  long top;
  long row[FRAME_ROWS];
  bool sel[FRAME_ROWS];
} frame;

/* The line of S's layout on body row I, or -1.  */
static long
body_line (const struct tui_screen *s, int i)
{
  long k = s->view->top + i;
  return k >= 0 && (size_t) k < s->lo->n ? k : -1;
}

/* Draw body row I of S afresh: cleared, then its line.  */
static void
draw_row (const struct tui_screen *s, const struct tui_geom *g, int i)
{
  long k = body_line (s, i);
  move (g->body_y + i, 0);
  clrtoeol ();
  if (k >= 0)
    {
      const struct lay_line *l = &s->lo->lines[k];
      draw_line (l, g->body_y + i, l->sel >= 0 && l->sel == s->view->sel,
                 (int) s->lo->margin);
    }
}

/* Whether the last frame's body is S's page at G, so that only what
   changed need be drawn.  */
static bool
frame_fits (const struct tui_screen *s, const struct tui_geom *g)
{
  return frame.valid && frame.serial == s->lo->serial
         && frame.lines == LINES && frame.cols == COLS
         && frame.body_y == g->body_y && frame.body_rows == g->body_rows
         && g->body_rows <= FRAME_ROWS && !s->cursor_top
         && frame.mark == s->mark;
}

/* Scroll the body rows of the last frame by N lines (up when N > 0)
   in a scroll region, as the terminal will, and their record too.  */
static void
frame_scroll (const struct tui_geom *g, long n)
{
  int rows = g->body_rows;
  setscrreg (g->body_y, g->body_y + rows - 1);
  scrollok (stdscr, TRUE);
  scrl ((int) n);
  scrollok (stdscr, FALSE);
  setscrreg (0, LINES - 1);
  for (int i = 0; i < rows; i++)
    {
      int from = n > 0 ? i : rows - 1 - i;
      long src = from + n;
      frame.row[from] = src >= 0 && src < rows ? frame.row[src] : -2;
      frame.sel[from] = src >= 0 && src < rows && frame.sel[src];
    }
}

/* Draw the body of S: every row when ALL, else only the rows whose
   line or selection differ from the last frame's.  */
static void
draw_body (const struct tui_screen *s, const struct tui_geom *g, bool all)
{
  const struct lay_view *v = s->view;
  long n = v->top - frame.top;
  if (!all && n != 0 && labs (n) < g->body_rows)
    frame_scroll (g, n);
  else if (n != 0)
    all = true;
  for (int i = 0; i < g->body_rows && i < FRAME_ROWS; i++)
    {
      long k = body_line (s, i);
      bool sel = k >= 0 && s->lo->lines[k].sel >= 0
                 && s->lo->lines[k].sel == v->sel;
      if (all || frame.row[i] != k || frame.sel[i] != sel)
        draw_row (s, g, i);
      frame.row[i] = k;
      frame.sel[i] = sel;
    }
  for (int i = FRAME_ROWS; all && i < g->body_rows; i++)
    draw_row (s, g, i);
}

void
tui_draw_forget (void)
{
  frame.valid = false;
}

/* The key hints of the bottom line, translated and measured once for
   each language (and kiosk or not), not at every key: gettext looks
   at the environment at each call (issue 17).  */
static struct
{
  char lang[16];
  bool kiosk, valid;
  size_t n;
  const struct key_row *rows[TUI_HINTS];
  const char *text[TUI_HINTS];  /* cleaned (text_clean), in CLEAN */
  int width[TUI_HINTS];
  char clean[TUI_HINTS * 64];
  int kept_width;               /* of the hints always kept (keep 0),
                                   with two columns between them */
} hints;

/* The key table's rows with a hint, in table order, at most TUI_HINTS
   of them, with their text in the current language: into HINTS.  */
static void
hints_load (bool kiosk)
{
  const char *lang = i18n_language ();
  if (hints.valid && hints.kiosk == kiosk && strcmp (hints.lang, lang) == 0)
    return;
  size_t n, used = 0;
  const struct key_row *t = keys_table (&n);
  hints.n = 0;
  hints.kept_width = 0;
  for (size_t i = 0; i < n && hints.n < TUI_HINTS; i++)
    if (t[i].hint && keys_allowed (&t[i], kiosk))
      {
        /* Cleaned once here, so that drawing it needs no check.  */
        const char *text = _(t[i].hint);
        size_t len = strlen (text), width;
        if (len >= sizeof hints.clean - used)
          break;
        char *c = hints.clean + used;
        len = text_clean (c, text, len, &width);
        c[len] = '\0';
        used += len + 1;
        int w = (int) width;
        hints.rows[hints.n] = &t[i];
        hints.text[hints.n] = c;
        hints.width[hints.n++] = w;
        if (t[i].keep == 0)
          hints.kept_width += (hints.kept_width ? 2 : 0) + w;
      }
  snprintf (hints.lang, sizeof hints.lang, "%s", lang);
  hints.kiosk = kiosk;
  hints.valid = true;
}

/* Choose the hints that fit WIDTH columns, the most needed (lowest
   keep) first.  */
static void
choose_hints (int width, bool *shown)
{
  int used = 0;
  for (int keep = 0; keep < KEYS_HINT_KEEP; keep++)
    for (size_t i = 0; i < hints.n; i++)
      if (hints.rows[i]->keep == keep)
        {
          int w = hints.width[i] + (used ? 2 : 0);
          shown[i] = used + w <= width;
          used += shown[i] ? w : 0;
        }
}

/* Where the body is on a page longer than the screen, into BUF: "lines
   12-34 of 80 (more)", or "12-34/80+" when only ROOM columns are left;
   its width, or 0 for a page that fits or no room.  */
static int
position_text (const struct tui_screen *s, int body_rows, int room,
               char *buf, size_t size)
{
  size_t n = s->lo->n;
  long top = s->view->top;
  if (body_rows <= 0 || n <= (size_t) body_rows || top < 0)
    return 0;
  size_t last = (size_t) top + (size_t) body_rows;
  if (last > n)
    last = n;
  if (last < n)
    /* TRANSLATORS: on the bottom line, where the screen is on a long
       page: the first and last line shown, the page's lines; "more":
       the page goes on below.  */
    snprintf (buf, size, _("lines %ld-%zu of %zu (more)"), top + 1, last, n);
  else
    /* TRANSLATORS: as "lines %ld-%zu of %zu (more)", at the page's end.  */
    snprintf (buf, size, _("lines %ld-%zu of %zu"), top + 1, last, n);
  int w = (int) text_width (buf, strlen (buf));
  if (w <= room)
    return w;
  snprintf (buf, size, "%ld-%zu/%zu%s", top + 1, last, n,
            last < n ? "+" : "");
  w = (int) strlen (buf);
  return w <= room ? w : 0;
}

static void
draw_hints (struct tui_screen *s, int y, int body_rows)
{
  bool shown[TUI_HINTS] = { false };
  int x = 0;
  char pos[96];
  hints_load (s->kiosk);
  int pos_w = position_text (s, body_rows, COLS - hints.kept_width - 2, pos,
                             sizeof pos);
  if (pos_w)
    put_clipped (y, COLS - pos_w, pos, strlen (pos));
  else
    pos_w = -2;
  choose_hints (COLS - pos_w - 2, shown);
  s->n_hints = 0;
  for (size_t i = 0; i < hints.n; i++)
    if (shown[i])
      {
        x += x ? 2 : 0;
        if (x + hints.width[i] <= COLS)
          put_fitting (y, x, hints.text[i], strlen (hints.text[i]));
        else
          put_clipped (y, x, hints.text[i], strlen (hints.text[i]));
        s->hints[s->n_hints++] = (struct tui_hint) { x, x + hints.width[i],
                                                     hints.rows[i]->action };
        x += hints.width[i];
      }
}

/* The search being typed, "/words" (or another prompt: its lead,
   then the text), on the hint line, the text's end shown when it is
   too long; the cursor after it.  */
static void
draw_prompt (const struct tui_screen *s, int y)
{
  const char *lead = s->prompt_lead ? s->prompt_lead : "/";
  const char *q = s->prompt;
  size_t len = strlen (q), lead_len = strlen (lead);
  int x = (int) text_width (lead, lead_len);
  if (COLS > x + 1)
    {
      size_t from = text_fit_tail (q, len, (size_t) (COLS - x - 1));
      q += from, len -= from;
    }
  put_clipped (y, 0, lead, lead_len);
  put_clipped (y, x, q, len);
  x += (int) text_width (q, len);
  move (y, x < COLS ? x : COLS - 1);
}

/* Leave the cursor on the selected place, else at the body's top.  */
static void
place_cursor (const struct tui_screen *s, const struct tui_geom *g)
{
  long first = layout_sel_first (s->lo, s->view->sel);
  long row = first - s->view->top;
  if (s->cursor_top || first < 0 || row < 0 || row >= g->body_rows)
    row = 0;
  if (g->body_rows > 0 && COLS > 0)
    move (g->body_y + (int) row, 0);
}

void
tui_draw (struct tui_screen *s)
{
  struct tui_geom g = tui_geometry (LINES);
  bool all = !frame_fits (s, &g);
  if (all)
    {
      erase ();
      if (g.title_y >= 0)
        draw_title (s, g.title_y);
    }
  else if (g.hint_y >= 0)
    {
      move (g.hint_y, 0);
      clrtoeol ();
    }
  draw_body (s, &g, all);
  frame.valid = true;
  frame.serial = s->lo->serial;
  frame.mark = s->mark;
  frame.lines = LINES;
  frame.cols = COLS;
  frame.body_y = g.body_y;
  frame.body_rows = g.body_rows;
  frame.top = s->view->top;
  s->n_hints = 0;
  if (g.hint_y >= 0 && s->prompt)
    draw_prompt (s, g.hint_y);
  else
    {
      if (g.hint_y >= 0 && s->message)
        put_clipped (g.hint_y, 0, s->message, strlen (s->message));
      else if (g.hint_y >= 0 && s->keys_hint && !s->hints_off)
        put_clipped (g.hint_y, 0, s->keys_hint, strlen (s->keys_hint));
      else if (g.hint_y >= 0 && !s->hints_off)
        draw_hints (s, g.hint_y, g.body_rows);
      place_cursor (s, &g);
    }
  refresh ();
}
