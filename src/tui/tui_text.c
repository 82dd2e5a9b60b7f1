/* tui_text.c - text put on the screen with wide-character curses: each
   line clipped to the screen by display width, never past the right
   edge and never mid-character, in the attributes of its style.  The
   selection is shown by reverse video and a '>' marker (a chosen card:
   its name so, and a bar at the left of its lines), so that it never
   depends on colour; so are search matches (bold, underlined,
   reversed), and a mark in the margin of each line that holds one.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "tui_text.h"

#include <langinfo.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistr.h>
#include <wchar.h>

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

void
tui_text_start (void)
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
attr_t
tui_text_attr (enum lay_style style)
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

/* Write the LEN bytes of S (valid UTF-8) at (Y, X) as wide
   characters, decoded once by libunistring.  ncurses' waddnwstr reads
   the character after the last one it is given (to see whether the
   string ends there), so the copy it gets ends with a NUL.
   @retval false when S could not be converted.  */
static bool
put_wide (int y, int x, const char *s, size_t len)
{
  uint32_t small[257], *w;
  size_t n = sizeof small / sizeof *small - 1;
  w = u8_to_u32 ((const uint8_t *) s, len, small, &n);
  if (!w)
    return false;
  if (w != small)
    {
      uint32_t *t = realloc (w, (n + 1) * sizeof *w);
      if (!t)
        {
          free (w);
          return false;
        }
      w = t;
    }
  w[n] = 0;
  mvaddnwstr (y, x, (const wchar_t *) w, (int) n);
  if (w != small)
    free (w);
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

/* Write the LEN bytes of S at (Y, X) as cells in the current
   attributes, when they are printable ASCII that fit CELLS.
   @retval false when they are not (nothing written).  */
static bool
put_ascii (int y, int x, const char *s, size_t len)
{
  chtype cells[256];
  if (len > sizeof cells / sizeof *cells)
    return false;
  chtype a = (chtype) getattrs (stdscr);
  for (size_t i = 0; i < len; i++)
    if ((unsigned char) (s[i] - 0x20) < 0x5F)
      cells[i] = (unsigned char) s[i] | a;
    else
      return false;
  if (len)
    mvaddchnstr (y, x, cells, (int) len);
  return true;
}

/* Write the LEN bytes of S at (Y, X): text that is clean already (a
   laid-out line, layout.c) and fits the screen.  Printable ASCII goes
   in as cells; the rest as wide characters.  */
void
tui_text_fitting (int y, int x, const char *s, size_t len)
{
  if (!put_ascii (y, x, s, len))
    put_wide (y, x, s, len);
}

/* Laid-out lines as wide characters, kept from one draw to the next: a
   Page key in Chinese draws lines drawn before, and decoding them
   again was most of what pinav's own code spent on it (issue 17).  Slot
   K % WIDE_SLOTS holds line K of the layout numbered SERIAL, whose
   lines do not change while it lives (layout.h: each layout has a new
   number); NUL-terminated for ncurses (put_wide).  */
#define WIDE_SLOTS 512
static struct
{
  unsigned long serial;
  long k;
  uint32_t *w;
  size_t n;
} wide[WIDE_SLOTS];

void
tui_text_forget (void)
{
  for (size_t i = 0; i < WIDE_SLOTS; i++)
    if (wide[i].w)
      {
        explicit_bzero (wide[i].w, wide[i].n * sizeof *wide[i].w);
        free (wide[i].w);
        wide[i].w = NULL;
      }
}

/* Write line K of layout SERIAL, the LEN bytes of S, at (Y, X) as
   tui_text_fitting does, its wide characters kept.  */
static void
put_line (unsigned long serial, long k, int y, int x, const char *s,
          size_t len)
{
  if (put_ascii (y, x, s, len))
    return;
  size_t i = (size_t) k % WIDE_SLOTS, n;
  if (!wide[i].w || wide[i].serial != serial || wide[i].k != k)
    {
      uint32_t *w = u8_to_u32 ((const uint8_t *) s, len, NULL, &n);
      uint32_t *t = w ? realloc (w, (n + 1) * sizeof *w) : NULL;
      if (!t)
        {
          free (w);
          put_wide (y, x, s, len);
          return;
        }
      t[n] = 0;
      if (wide[i].w)
        explicit_bzero (wide[i].w, wide[i].n * sizeof *wide[i].w);
      free (wide[i].w);
      wide[i].serial = serial, wide[i].k = k, wide[i].w = t, wide[i].n = n;
    }
  mvaddnwstr (y, x, (const wchar_t *) wide[i].w, (int) wide[i].n);
}

/* Write the LEN bytes of S at (Y, X), as much as fits the screen,
   never splitting a grapheme cluster.  Printable ASCII (most text), a
   cell a byte, goes straight into the window in the current attributes
   (addchnstr: the same cells as addnstr, without decoding each byte
   and looking up its width), when it is all of S or the byte after it
   is ASCII too (a combining mark would belong to the last cell); the
   rest through put_clean.  The cursor is placed at the end of
   tui_draw.  */
void
tui_text_put (int y, int x, const char *s, size_t len)
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

/* The text of L, line K of layout SERIAL, on row Y in attributes A,
   with its highlights (search matches) set apart: bold, underlined, and
   reversed against the rest.  */
static void
draw_text (const struct lay_line *l, unsigned long serial, long k, int y,
           attr_t a)
{
  size_t len = strlen (l->text), at = 0;
  int x = (int) l->indent;
  attr_t h = (a ^ A_REVERSE) | A_BOLD | A_UNDERLINE;
  attrset (a);
  if (!l->n_hl && l->indent + l->width <= (size_t) COLS)
    {
      put_line (serial, k, y, x, l->text, len); /* the most common case */
      return;
    }
  if (put_cells_hl (l, len, y, a, h))
    return;
  for (unsigned i = 0; i < l->n_hl; i++)
    {
      size_t from = l->hl[i].start, to = from + l->hl[i].len;
      if (from < at || to > len || to < from)
        break;          /* cannot happen: layout.c clips them */
      tui_text_put (y, x, l->text + at, from - at);
      x += (int) text_width (l->text + at, from - at);
      attrset (h);
      tui_text_put (y, x, l->text + from, to - from);
      x += (int) text_width (l->text + from, to - from);
      attrset (a);
      at = to;
    }
  tui_text_put (y, x, l->text + at, len - at);
}

void
tui_text_line (const struct layout *lo, long k, int y, bool selected,
               int margin)
{
  const struct lay_line *l = &lo->lines[k];
  if (selected && l->style == LS_CARD_FIELD)
    {
      /* The chosen card: its name in reverse (below), and a one-column
         bar, a reverse-video space, at the left of its other lines:
         readable, and not colour alone (issue 16, point 4).  */
      mvaddch (y, margin, ' ' | A_REVERSE);
      selected = false;
    }
  attr_t a = tui_text_attr (l->style) | (selected ? A_REVERSE : 0);
  if (selected)
    {
      mvhline (y, 0, ' ' | A_REVERSE, COLS);
      attrset (A_REVERSE | A_BOLD);
      tui_text_put (y, margin, ">", 1);
    }
  if (margin && l->n_hl)
    {
      /* A match on this line: a mark that is not colour alone, where
         the eye (and a screen reader, at the line's start) finds it.  */
      attrset (A_BOLD | (selected ? A_REVERSE : 0));
      tui_text_put (y, 0, draw_hit_mark, strlen (draw_hit_mark));
    }
  draw_text (l, lo->serial, k, y, a);
  attrset (A_NORMAL);
}
