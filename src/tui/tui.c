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
#include "keys.h"
#include "nav.h"
#include "speech_play.h"
#include "text.h"
#include "tui_draw.h"
#include "tui_kiosk.h"
#include "tui_speech.h"
#include "tui_term.h"
#include "tui_text.h"
#include "view.h"

#define TUI_QUERY_SIZE 256      /* bytes of a search being typed */

struct tui
{
  struct app *app;              /* its pack changes at an idle reset */
  struct nav nav;
  long pressed;                 /* the place a mouse button went down on */
  int errors;                   /* getch errors in a row without a wait */
  bool typing;                  /* keys go into QUERY */
  bool cursor_top;              /* r: the next paint leaves the cursor
                                   at the body's top */
  char query[TUI_QUERY_SIZE];   /* the search being typed, UTF-8 */
  struct tui_kiosk kiosk;       /* the idle reset and the staff exit */
  struct tui_speech speech;     /* on or off, and what a key says */
  enum nav_action act;          /* the last key's action (tui_act) */
};

/* The body's lines and columns now.  */
static void
tui_size (size_t *width, long *rows)
{
  *width = COLS > 0 ? (size_t) COLS : 1;
  *rows = tui_geometry (LINES).body_rows;
}

/* The idle time ran out: forget the history, the search and the
   choice, and start again in the first language, on the pack as it is
   now (app.h).  */
static void
tui_reset (struct tui *t)
{
  t->typing = false;
  explicit_bzero (t->query, sizeof t->query);
  flushinp ();                  /* keys the last patient left unread */
  speech_stop ();
  tui_text_forget ();
  app_idle_reset (t->app, &t->nav);
  tui_speech_reset (&t->speech, &t->nav);
}

/* A new size: lay out again, and paint it all afresh, for the terminal
   may have lost its contents even when the size is back where it was
   (a storm of resizes gives one SIGWINCH, and ncurses sees no change).  */
static void
tui_resize (struct tui *t)
{
  size_t width;
  long rows;
  clearok (curscr, TRUE);
  tui_draw_forget ();
  tui_size (&width, &rows);
  nav_resize (&t->nav, width, rows);
}

/* The selectable place on screen row Y, or -1.  */
static long
tui_place_at (const struct tui *t, int y)
{
  struct tui_geom g = tui_geometry (LINES);
  const struct nav *nv = &t->nav;
  long k = nv->view.top + (y - g.body_y);
  if (y < g.body_y || y >= g.body_y + g.body_rows || k < 0
      || (size_t) k >= nv->lo.n)
    return -1;
  return nv->lo.lines[k].sel;
}

static void tui_act (struct tui *t, enum nav_action a);

/* A click or touch on a key hint acts as that key.  */
static void
tui_click_hint (struct tui *t, const struct tui_screen *scr, int y, int x)
{
  if (y != tui_geometry (LINES).hint_y)
    return;
  for (size_t i = 0; i < scr->n_hints; i++)
    if (x >= scr->hints[i].x0 && x < scr->hints[i].x1)
      tui_act (t, scr->hints[i].action);
}

/* A press chooses the place under it; the release on the same place
   (or a click) opens it.  The wheel scrolls.  */
static void
tui_mouse (struct tui *t, const struct tui_screen *scr)
{
  MEVENT ev;
  if (getmouse (&ev) != OK)
    return;
  long s = tui_place_at (t, ev.y);
  if (ev.bstate & BUTTON4_PRESSED)
    tui_act (t, keys_action (KEYS_WHEEL_UP, t->app->kiosk));
#ifdef BUTTON5_PRESSED
  else if (ev.bstate & BUTTON5_PRESSED)
    tui_act (t, keys_action (KEYS_WHEEL_DOWN, t->app->kiosk));
#endif
  else if (ev.bstate & BUTTON1_PRESSED)
    {
      t->pressed = s;
      nav_choose (&t->nav, s);
    }
  else if (ev.bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED))
    {
      bool clicked = (ev.bstate & BUTTON1_CLICKED) != 0;
      if (s >= 0 && (clicked || s == t->pressed) && nav_choose (&t->nav, s))
        tui_act (t, keys_action (KEYS_CLICK, t->app->kiosk));
      else if (s < 0 && (clicked || t->pressed < 0))
        tui_click_hint (t, scr, ev.y, ev.x);
      t->pressed = -1;
    }
}

/* Take the typed key R/WC into the search; the results follow each key.
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
    {
      t->typing = false;
      nav_trace (&t->nav);
    }
  else if (r == OK && wc == 21)        /* ^U: the words typed, away */
    {
      memset (t->query, 0, sizeof t->query);
      nav_search (&t->nav, t->query);
    }
  else if ((r == OK && (wc == 127 || wc == 8))
           || (r == KEY_CODE_YES && wc == KEY_BACKSPACE))
    {
      if (n == 0)
        {
          t->typing = false;
          return true;
        }
      t->query[text_prev_grapheme (t->query, n)] = '\0';
      nav_search (&t->nav, t->query);
    }
  else if (r == OK && iswprint (wc))
    {
      memset (&st, 0, sizeof st);
      size_t k = wcrtomb (mb, (wchar_t) wc, &st);
      if (k == (size_t) -1 || n + k >= sizeof t->query)
        return true;
      memcpy (t->query + n, mb, k);
      t->query[n + k] = '\0';
      nav_search (&t->nav, t->query);
    }
  else
    {
      t->typing = false;        /* any other key ends the typing */
      return false;
    }
  return true;
}

/* Carry out action A; '/' also starts the typing of the words.  */
static void
tui_act (struct tui *t, enum nav_action a)
{
  if (a == NAV_SEARCH)
    {
      /* On a results page the words shown are typed on.  */
      const char *loc = nav_location (&t->nav);
      memset (t->query, 0, sizeof t->query);
      if (strncmp (loc, "search:", 7) == 0)
        snprintf (t->query, sizeof t->query, "%s", loc + 7);
      t->typing = true;
    }
  if (a == NAV_REPEAT)
    {
      clearok (curscr, TRUE);   /* all of it, as if it were new */
      t->cursor_top = true;
    }
  t->act = a;
  nav_do (&t->nav, a);
  /* The home menu's Search opens the search being typed (issue 16).  */
  if (a == NAV_OPEN && strcmp (nav_location (&t->nav), "search:") == 0)
    {
      memset (t->query, 0, sizeof t->query);
      t->typing = true;
    }
  if (a == NAV_SPEAK)
    tui_speech_toggle (&t->speech, &t->nav);
  if (a != NAV_SEARCH && a != NAV_NONE)
    nav_trace (&t->nav);        /* a search is traced when typed */
}

static void
tui_key (struct tui *t, int r, wint_t wc)
{
  if (r == KEY_CODE_YES && wc == KEY_RESIZE)
    tui_resize (t);
  else
    tui_act (t, keys_action (tui_term_key (r, wc), t->app->kiosk));
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
      struct view_ctx ctx = { t->app->pack, VIEW_TUI, t->app->kiosk, NULL };
      tui_kiosk_draw_warning (&t->kiosk, &ctx, now);
      return;
    }
  scr->title = t->nav.page.title;
  scr->crumbs = t->nav.page.crumbs;
  scr->n_crumbs = t->nav.page.n_crumbs;
  scr->lo = &t->nav.lo;
  scr->view = &t->nav.view;
  scr->prompt = tui_kiosk_stars (&t->kiosk, stars);
  /* TRANSLATORS: the staff exit's prompt on the bottom line of a
     kiosk; stars follow it, one for each digit typed.  */
  scr->prompt_lead = scr->prompt ? _("Staff PIN: ") : NULL;
  if (!scr->prompt && t->typing)
    scr->prompt = t->query;
  scr->message = t->nav.msg;
  scr->mark = tui_speech_mark (&t->speech);
  scr->keys_hint = t->nav.page.keys_hint;
  scr->cursor_top = t->cursor_top;
  t->cursor_top = false;
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
    t->nav.quit = true;
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
  while (!t->nav.quit)
    {
      if (tui_term_signal_pending () && tui_signalled (t))
        break;
      if (tui_term_resized ())
        {
          tui_resize (t);
          dirty = true;
        }
      if (dirty)
        tui_paint (t, &scr, tui_kiosk_now ());
      /* What the key has to say, once the screen shows its answer.  */
      if (!tui_speech_flush (&t->speech, &t->nav))
        tui_paint (t, &scr, tui_kiosk_now ());  /* ... or why it cannot */
      wint_t wc;
      int r = get_wch (&wc);
      dirty = r != ERR;
      if (r != ERR)
        t->errors = 0;
      bool pressed = r != ERR && !(r == KEY_CODE_YES && wc == KEY_RESIZE);
      if (pressed)
        speech_stop ();         /* any key stops the reading aloud */
      if (tui_kiosk_turn (t, r, wc, &dirty) || t->nav.quit)
        continue;
      if (r == ERR)
        {
          if (!tui_term_signal_pending () && tui_term_gone (&t->errors))
            break;
          continue;
        }
      struct tui_speech_was was = tui_speech_note (&t->nav, t->typing);
      t->act = NAV_NONE;
      if (r == KEY_CODE_YES && wc == KEY_MOUSE)
        {
          t->typing = false;
          tui_mouse (t, &scr);
        }
      else if (!t->typing || !tui_search_type (t, r, wc))
        tui_key (t, r, wc);
      if (pressed)              /* speech on: say what the key changed */
        tui_speech_echo (&t->speech, &t->nav, &was, t->act, t->typing);
    }
}

int
tui_run (struct app *app)
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
  tui_kiosk_init (&t.kiosk, app, tui_kiosk_now ());
  size_t width;
  long rows;
  tui_size (&width, &rows);
  if (nav_init (&t.nav, app, VIEW_TUI, width, rows))
    {
      tui_speech_start (&t.speech, app, &t.nav);
      tui_loop (&t);
    }
  speech_stop ();
  tui_speech_end (&t.speech);
  tui_term_end (scr);
  tui_text_forget ();
  nav_free (&t.nav);
  explicit_bzero (t.query, sizeof t.query);
  return 0;
}
