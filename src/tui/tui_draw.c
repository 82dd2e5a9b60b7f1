/* tui_draw.c - painting the screen: the title line (or the path to the
   page), the body's rows, only those that changed since the last frame
   (the terminal scrolls the rest), the key hints or a prompt at the
   bottom, and the cursor.  Text arrives laid out (layout.h) and is put
   on the screen by tui_text.c.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "tui_draw.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "keys.h"
#include "text.h"
#include "tui_text.h"

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
  tui_text_start ();
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
          tui_text_put (y, 0, buf, len);
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
  tui_text_put (y, COLS - w + 1, s->mark, len);
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
  attrset (tui_text_attr (LS_TITLE));
  if (s->n_crumbs > 1 && draw_path (s, y, cols))
    ;
  else if (text_width (s->title, len) <= (size_t) cols || cols <= 4)
    tui_text_put (y, 0, s->title, len);
  else
    {
      struct text_line first = { 0, (size_t) -1, 0 };
      text_wrap (s->title, len, (size_t) cols - 3, first_line, &first);
      tui_text_put (y, 0, s->title + first.start, first.len);
      tui_text_put (y, (int) first.width, "...", 3);
    }
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
      tui_text_line (s->lo, k, g->body_y + i,
                     l->sel >= 0 && l->sel == s->view->sel,
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
    tui_text_put (y, COLS - pos_w, pos, strlen (pos));
  else
    pos_w = -2;
  choose_hints (COLS - pos_w - 2, shown);
  s->n_hints = 0;
  for (size_t i = 0; i < hints.n; i++)
    if (shown[i])
      {
        x += x ? 2 : 0;
        if (x + hints.width[i] <= COLS)
          tui_text_fitting (y, x, hints.text[i], strlen (hints.text[i]));
        else
          tui_text_put (y, x, hints.text[i], strlen (hints.text[i]));
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
  tui_text_put (y, 0, lead, lead_len);
  tui_text_put (y, x, q, len);
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
        tui_text_put (g.hint_y, 0, s->message, strlen (s->message));
      else if (g.hint_y >= 0 && s->keys_hint && !s->hints_off)
        tui_text_put (g.hint_y, 0, s->keys_hint, strlen (s->keys_hint));
      else if (g.hint_y >= 0 && !s->hints_off)
        draw_hints (s, g.hint_y, g.body_rows);
      place_cursor (s, &g);
    }
  refresh ();
}
