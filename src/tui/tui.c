/* tui.c - the full-screen navigator: the key and mouse loop, history,
   resizing, search typing, and the signals that end it.
   Pages come from the views, lines from layout.c, paint from
   tui_draw.c, the terminal from tui_term.c; only tui*.c use curses.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "tui.h"

#include <curses.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "i18n.h"
#include "layout.h"
#include "nav.h"
#include "tui_draw.h"
#include "tui_kiosk.h"
#include "tui_term.h"
#include "view.h"

#define TUI_WHEEL 3             /* lines a mouse wheel step scrolls */
#define TUI_QUERY_SIZE 256      /* bytes of a search being typed */

struct tui
{
  const struct app *app;
  struct nav nav;
  struct page page;
  struct layout lo;
  struct lay_view view;
  long pressed;                 /* the place a mouse button went down on */
  int errors;                   /* getch errors in a row without a wait */
  bool quit;
  bool typing;                  /* keys go into QUERY */
  char query[TUI_QUERY_SIZE];   /* the search being typed, UTF-8 */
  struct tui_kiosk kiosk;       /* the idle reset and the staff exit */
};

static struct tui_geom
tui_geom_now (void)
{
  return tui_geometry (LINES);
}

/* Lay the current page out for the screen's width.  */
static void
tui_layout (struct tui *t)
{
  layout_page (&t->lo, &t->page, COLS > 0 ? (size_t) COLS : 1);
  t->view.rows = tui_geom_now ().body_rows;
}

/* Build the page for the current place in history.  */
static void
tui_build (struct tui *t)
{
  struct view_ctx ctx = { t->app->pack, VIEW_TUI, t->app->kiosk };
  layout_free (&t->lo);
  page_free (&t->page);
  view_build (&t->page, &ctx, nav_here (&t->nav)->location);
  tui_layout (t);
}

/* Show the current place afresh: at the top, or at the heading that
   a doc:DOC#SECTION location names.  */
static void
tui_show_new (struct tui *t)
{
  const char *loc = nav_here (&t->nav)->location;
  const char *hash = strchr (loc, '#');
  long line = 0;
  tui_build (t);
  if (hash && strncmp (loc, "doc:", 4) == 0)
    {
      long b = page_find_anchor (&t->page, hash + 1);
      line = b < 0 ? 0 : layout_block_line (&t->lo, (size_t) b);
    }
  layout_start (&t->lo, &t->view, line);
}

static void
tui_home (struct tui *t)
{
  if (nav_reset (&t->nav, "home"))
    tui_show_new (t);
}

/* The idle time ran out: forget the history, the search and the
   choice, and start again in the first language.  */
static void
tui_reset (struct tui *t)
{
  t->typing = false;
  memset (t->query, 0, sizeof t->query);
  if (t->app->lang)
    i18n_set_language (t->app->lang);
  if (nav_reset (&t->nav, t->app->start ? t->app->start : "home"))
    tui_show_new (t);
}

/* Go to TARGET, a location or an action.  */
static void
tui_follow (struct tui *t, const char *target)
{
  if (view_is_action (target))
    {
      if (strcmp (target, "quit") == 0)
        t->quit = !t->app->kiosk;
      else if (app_follow_action (target))
        tui_home (t);
      return;
    }
  struct nav_entry *here = nav_here (&t->nav);
  here->top = t->view.top;
  here->sel = t->view.sel;
  if (nav_push (&t->nav, target))
    tui_show_new (t);
}

static void
tui_open (struct tui *t)
{
  if (t->view.sel >= 0 && (size_t) t->view.sel < t->lo.n_sel)
    tui_follow (t, t->lo.sels[t->view.sel].target);
}

/* Back, to the previous page as the reader left it.  */
static void
tui_back (struct tui *t)
{
  if (!nav_back (&t->nav))
    return;
  struct nav_entry *here = nav_here (&t->nav);
  tui_build (t);
  t->view.top = here->top;
  t->view.sel = here->sel;
  layout_clamp (&t->lo, &t->view);
  layout_show_sel (&t->lo, &t->view);
}

static void
tui_help (struct tui *t)
{
  if (strcmp (nav_here (&t->nav)->location, "help") != 0)
    tui_follow (t, "help");
}

/* A new size: lay out again, keeping the selection and the block at
   the top of the screen; and paint it all afresh, for the terminal may
   have lost its contents even when the size is back where it was (a
   storm of resizes gives one SIGWINCH, and ncurses sees no change).  */
static void
tui_resize (struct tui *t)
{
  clearok (curscr, TRUE);
  struct layout old = t->lo;
  tui_layout (t);
  t->view.top = layout_map_line (&old, t->view.top, &t->lo);
  layout_free (&old);
  if (t->view.top > (long) t->lo.n - t->view.rows)
    t->view.top = (long) t->lo.n - t->view.rows;  /* no wasted rows */
  layout_clamp (&t->lo, &t->view);
  layout_show_sel (&t->lo, &t->view);
  layout_settle (&t->lo, &t->view, 1);  /* none chosen: one may fit now */
}

/* The selectable place on screen row Y, or -1.  */
static long
tui_place_at (const struct tui *t, int y)
{
  struct tui_geom g = tui_geom_now ();
  long k = t->view.top + (y - g.body_y);
  if (y < g.body_y || y >= g.body_y + g.body_rows || k < 0
      || (size_t) k >= t->lo.n)
    return -1;
  return t->lo.lines[k].sel;
}

static void tui_key (struct tui *t, int key);

/* A click or touch on a key hint acts as that key.  */
static void
tui_click_hint (struct tui *t, const struct tui_screen *scr, int y, int x)
{
  if (y != tui_geom_now ().hint_y)
    return;
  for (size_t i = 0; i < scr->n_hints; i++)
    if (x >= scr->hints[i].x0 && x < scr->hints[i].x1 && scr->hints[i].key)
      tui_key (t, scr->hints[i].key);
}

/* A press selects the place under it; the release on the same place
   (or a click) opens it.  The wheel scrolls.  */
static void
tui_mouse (struct tui *t, const struct tui_screen *scr)
{
  MEVENT ev;
  if (getmouse (&ev) != OK)
    return;
  long s = tui_place_at (t, ev.y);
  if (ev.bstate & BUTTON4_PRESSED)
    layout_scroll (&t->lo, &t->view, -TUI_WHEEL);
#ifdef BUTTON5_PRESSED
  else if (ev.bstate & BUTTON5_PRESSED)
    layout_scroll (&t->lo, &t->view, TUI_WHEEL);
#endif
  else if (ev.bstate & BUTTON1_PRESSED)
    {
      t->pressed = s;
      if (s >= 0)
        t->view.sel = s;
    }
  else if (ev.bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED))
    {
      bool clicked = (ev.bstate & BUTTON1_CLICKED) != 0;
      if (s >= 0 && (clicked || s == t->pressed))
        {
          t->view.sel = s;
          tui_open (t);
        }
      else if (s < 0 && (clicked || t->pressed < 0))
        tui_click_hint (t, scr, ev.y, ev.x);
      t->pressed = -1;
    }
}

/* Show search:QUERY, in place of the search page typed into.  */
static void
tui_search_show (struct tui *t)
{
  char *loc = NULL;
  if (asprintf (&loc, "search:%s", t->query) < 0)
    return;
  if (strncmp (nav_here (&t->nav)->location, "search:", 7) == 0)
    nav_back (&t->nav);
  if (nav_push (&t->nav, loc))
    tui_show_new (t);
  free (loc);
}

/* '/': type a search; the results follow each key.  */
static void
tui_search_start (struct tui *t)
{
  const char *loc = nav_here (&t->nav)->location;
  t->typing = true;
  if (strncmp (loc, "search:", 7) == 0)
    snprintf (t->query, sizeof t->query, "%s", loc + 7);
  else
    {
      t->query[0] = '\0';
      tui_follow (t, "search:");
    }
}

/* Take the typed key R/WC into the search.
   @retval false when it is not typing (the key then acts as a key).  */
static bool
tui_search_type (struct tui *t, int r, wint_t wc)
{
  size_t n = strlen (t->query);
  char mb[MB_LEN_MAX];
  mbstate_t st;
  if (r == KEY_CODE_YES && wc == KEY_RESIZE)
    return false;
  if (r == OK && (wc == '\n' || wc == '\r' || wc == 27))
    t->typing = false;
  else if ((r == OK && (wc == 127 || wc == 8))
           || (r == KEY_CODE_YES && wc == KEY_BACKSPACE))
    {
      if (n == 0)
        {
          t->typing = false;
          return true;
        }
      while (n > 0 && (t->query[--n] & 0xC0) == 0x80)
        continue;
      t->query[n] = '\0';
      tui_search_show (t);
    }
  else if (r == OK && iswprint (wc))
    {
      memset (&st, 0, sizeof st);
      size_t k = wcrtomb (mb, (wchar_t) wc, &st);
      if (k == (size_t) -1 || n + k >= sizeof t->query)
        return true;
      memcpy (t->query + n, mb, k);
      t->query[n + k] = '\0';
      tui_search_show (t);
    }
  else
    {
      t->typing = false;        /* any other key ends the typing */
      return false;
    }
  return true;
}

static long
tui_screenful (const struct tui *t)
{
  return t->view.rows > 1 ? t->view.rows - 1 : 1;
}

static void
tui_key (struct tui *t, int key)
{
  switch (key)
    {
    case KEY_UP: case 'k':
      layout_move (&t->lo, &t->view, -1);
      break;
    case KEY_DOWN: case 'j':
      layout_move (&t->lo, &t->view, 1);
      break;
    case KEY_NPAGE: case ' ':
      layout_scroll (&t->lo, &t->view, tui_screenful (t));
      break;
    case KEY_PPAGE:
      layout_scroll (&t->lo, &t->view, -tui_screenful (t));
      break;
    case KEY_END: case 'G':
      layout_scroll (&t->lo, &t->view, (long) t->lo.n);
      break;
    case KEY_HOME: case 'g':
      tui_home (t);
      break;
    case '\n': case '\r': case KEY_ENTER: case KEY_RIGHT: case 'l':
      tui_open (t);
      break;
    case KEY_BACKSPACE: case 127: case 8: case KEY_LEFT: case 'h':
      tui_back (t);
      break;
    case '?':
      tui_help (t);
      break;
    case '/':
      tui_search_start (t);
      break;
    case 'q':
      t->quit = !t->app->kiosk;
      break;
    case KEY_RESIZE:
      tui_resize (t);
      break;
    default:
      break;            /* unknown keys do nothing */
    }
}

/* Whether a caught signal means leaving (SIGINT is ignored in a
   kiosk).  */
static bool
tui_signalled (const struct tui *t)
{
  int sig = tui_term_signal ();
  return sig == SIGTERM || sig == SIGHUP || (sig == SIGINT && !t->app->kiosk);
}

/* Paint the page (or the idle warning) with the search or the PIN
   being typed.  */
static void
tui_paint (struct tui *t, struct tui_screen *scr, long long now)
{
  char stars[STAFF_PIN_MAX + 1];
  if (tui_kiosk_countdown (&t->kiosk, now) >= 0)
    {
      struct view_ctx ctx = { t->app->pack, VIEW_TUI, t->app->kiosk };
      tui_kiosk_draw_warning (&t->kiosk, &ctx, now);
      return;
    }
  scr->title = t->page.title;
  scr->lo = &t->lo;
  scr->view = &t->view;
  scr->prompt = tui_kiosk_stars (&t->kiosk, stars);
  /* TRANSLATORS: the staff exit's prompt on the bottom line of a
     kiosk; stars follow it, one for each digit typed.  */
  scr->prompt_lead = scr->prompt ? _("Staff PIN: ") : NULL;
  if (!scr->prompt && t->typing)
    scr->prompt = t->query;
  tui_draw (scr);
}

/* What the kiosk makes of key R/WC (when R is not ERR), then of the
   time.  @retval whether the kiosk took the key (it then does nothing
   else).  */
static bool
tui_kiosk_turn (struct tui *t, int r, wint_t wc, bool *dirty)
{
  long long now = tui_kiosk_now ();
  enum tui_kiosk_act key = r == ERR ? TK_PASS
                           : tui_kiosk_key (&t->kiosk, now, r, wc);
  enum tui_kiosk_act tick = tui_kiosk_tick (&t->kiosk, now);
  *dirty = *dirty || key != TK_PASS || tick != TK_PASS;
  if (key == TK_EXIT)
    t->quit = true;
  else if (tick == TK_RESET)
    tui_reset (t);
  if (key == TK_TAKEN && r == KEY_CODE_YES && wc == KEY_MOUSE)
    {
      MEVENT ev;
      getmouse (&ev);           /* taken: not a click */
    }
  return key != TK_PASS;
}

static void
tui_loop (struct tui *t)
{
  struct tui_screen scr = { .kiosk = t->app->kiosk };
  bool dirty = true;
  while (!t->quit)
    {
      if (tui_term_signal_pending () && tui_signalled (t))
        break;
      if (dirty)
        tui_paint (t, &scr, tui_kiosk_now ());
      wint_t wc;
      int r = get_wch (&wc);
      dirty = r != ERR;
      if (r != ERR)
        t->errors = 0;
      if (tui_kiosk_turn (t, r, wc, &dirty) || t->quit)
        continue;
      if (r == ERR)
        {
          if (!tui_term_signal_pending () && tui_term_gone (&t->errors))
            break;
          continue;
        }
      if (r == KEY_CODE_YES && wc == KEY_MOUSE)
        {
          t->typing = false;
          tui_mouse (t, &scr);
        }
      else if (!t->typing || !tui_search_type (t, r, wc))
        tui_key (t, r == KEY_CODE_YES || wc < 0x80 ? (int) wc : 0);
    }
}

int
tui_run (const struct app *app)
{
  struct tui t = { .app = app, .pressed = -1 };
  SCREEN *scr = tui_term_start (app->kiosk);
  if (!scr)
    {
      fprintf (stderr, _("%s: cannot use this terminal; try --plain\n"),
               PACKAGE);
      return 1;
    }
  tui_draw_start ();
  page_init (&t.page, "");
  tui_kiosk_init (&t.kiosk, app, tui_kiosk_now ());
  if (nav_reset (&t.nav, app->start ? app->start : "home"))
    {
      tui_show_new (&t);
      tui_loop (&t);
    }
  tui_term_end (scr);
  layout_free (&t.lo);
  page_free (&t.page);
  nav_free (&t.nav);
  return 0;
}
