/* tui_kiosk.c - the idle reset and the staff exit of the navigator.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "tui_kiosk.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "journal.h"
#include "layout.h"
#include "keys.h"
#include "tui_draw.h"
#include "tui_term.h"


long long
tui_kiosk_now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
tui_kiosk_init (struct tui_kiosk *k, const struct app *app, long long now)
{
  memset (k, 0, sizeof *k);
  k->pin = app->kiosk && app->pin && app->pin->set ? app->pin : NULL;
  k->idle_ms = (long long) app->idle * 1000;
  k->last = now;
  k->lockdir = app->lockdir;
  if (k->pin)
    {
      struct staff_lock lock;
      staff_lock_load (k->lockdir, &lock, now, TUI_PIN_LOCK_S * 1000LL);
      k->wrong = lock.wrong;
      k->locked_until = lock.until;
    }
}

static void
kiosk_pin_close (struct tui_kiosk *k)
{
  memset (k->typed, 0, sizeof k->typed);
  k->n_typed = 0;
  k->pin_open = false;
}

/* Enter on the PIN prompt: leave on the right PIN; else close the
   prompt, and after too many wrong ones refuse F12 for a while.  The
   journal is told which, never the digits.  */
static enum tui_kiosk_act
kiosk_pin_check (struct tui_kiosk *k, long long now)
{
  bool right = staff_pin_matches (k->pin, k->typed);
  kiosk_pin_close (k);
  if (right)
    {
      k->wrong = 0, k->locked_until = 0;
      /* TRANSLATORS: the journal: staff typed the right PIN, and
         pinav ends.  */
      journal_kiosk (N_("staff exit"));
    }
  else if (++k->wrong >= TUI_PIN_TRIES)
    {
      k->wrong = 0;
      k->locked_until = now + TUI_PIN_LOCK_S * 1000LL;
      /* TRANSLATORS: the journal: %d wrong PINs in a row, and then F12
         does nothing for %d seconds.  */
      journal_kiosk (N_("wrong staff PIN (%d in a row): F12 locked out "
                        "for %d s"), TUI_PIN_TRIES, TUI_PIN_LOCK_S);
    }
  else
    /* TRANSLATORS: the journal: a wrong PIN, the %d-th in a row (of
       %d before a lock-out).  */
    journal_kiosk (N_("wrong staff PIN (%d of %d before a lock-out)"),
                   k->wrong, TUI_PIN_TRIES);
  struct staff_lock lock = { k->wrong, k->locked_until };
  staff_lock_save (k->lockdir, &lock);
  return right ? TK_EXIT : TK_TAKEN;
}

/* A key while the PIN prompt is open: digits, Backspace, Enter, Esc;
   the rest are ignored.  */
static enum tui_kiosk_act
kiosk_pin_key (struct tui_kiosk *k, long long now, int r, wint_t wc)
{
  if (r == OK && wc >= '0' && wc <= '9')
    {
      if (k->n_typed < STAFF_PIN_MAX)
        k->typed[k->n_typed++] = (char) wc;
    }
  else if ((r == OK && (wc == 127 || wc == 8))
           || (r == KEY_CODE_YES && wc == KEY_BACKSPACE))
    {
      if (k->n_typed)
        k->typed[--k->n_typed] = '\0';
    }
  else if ((r == OK && (wc == '\n' || wc == '\r'))
           || (r == KEY_CODE_YES && wc == KEY_ENTER))
    return kiosk_pin_check (k, now);
  else if (r == OK && wc == 27)
    kiosk_pin_close (k);
  return TK_TAKEN;
}

enum tui_kiosk_act
tui_kiosk_key (struct tui_kiosk *k, long long now, int r, wint_t wc)
{
  if (r == KEY_CODE_YES && wc == KEY_RESIZE)
    return TK_PASS;
  k->last = now;
  k->touched = true;
  if (k->warn_end)
    {
      k->warn_end = 0;          /* the key only says "still here" */
      return TK_TAKEN;
    }
  if (k->pin_open)
    return kiosk_pin_key (k, now, r, wc);
  if (keys_action (tui_term_key (r, wc), true) == NAV_STAFF && k->pin
      && now >= k->locked_until)
    {
      k->pin_open = true;
      return TK_TAKEN;
    }
  return TK_PASS;
}

enum tui_kiosk_act
tui_kiosk_tick (struct tui_kiosk *k, long long now)
{
  enum tui_kiosk_act act = TK_PASS;
  if (k->pin_open && now - k->last >= TUI_PIN_WAIT_S * 1000LL)
    {
      kiosk_pin_close (k);
      act = TK_TAKEN;
    }
  if (k->warn_end && now >= k->warn_end)
    {
      k->warn_end = 0;
      k->touched = false;
      k->last = now;
      kiosk_pin_close (k);
      return TK_RESET;
    }
  if (k->warn_end)
    return TK_TAKEN;            /* the countdown may have changed */
  if (k->idle_ms && k->touched && !k->pin_open
      && now - k->last >= k->idle_ms)
    {
      k->warn_end = now + APP_IDLE_WARN_S * 1000LL;
      return TK_TAKEN;
    }
  return act;
}

int
tui_kiosk_countdown (const struct tui_kiosk *k, long long now)
{
  if (!k->warn_end)
    return -1;
  long long left = k->warn_end - now;
  return left <= 0 ? 0 : (int) ((left + 999) / 1000);
}

const char *
tui_kiosk_stars (const struct tui_kiosk *k, char *buf)
{
  if (!k->pin_open)
    return NULL;
  memset (buf, '*', k->n_typed);
  buf[k->n_typed] = '\0';
  return buf;
}

void
tui_kiosk_draw_warning (const struct tui_kiosk *k,
                        const struct view_ctx *ctx, long long now)
{
  char loc[32];
  struct page pg;
  struct layout lo;
  struct lay_view v = { 0, tui_geometry (LINES).body_rows, -1 };
  snprintf (loc, sizeof loc, "idle:%d", tui_kiosk_countdown (k, now));
  view_build (&pg, ctx, loc);
  layout_page (&lo, &pg, COLS > 0 ? (size_t) COLS : 1);
  layout_start (&lo, &v, 0);
  struct tui_screen scr = { .title = pg.title, .lo = &lo, .view = &v,
                            .hints_off = true };
  tui_draw (&scr);
  layout_free (&lo);
  page_free (&pg);
}
