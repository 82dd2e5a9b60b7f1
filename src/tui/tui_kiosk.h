/* tui_kiosk.h - what a kiosk adds to the navigator: the idle reset (a
   warning page that counts down, then the start screen for the next
   patient) and the staff exit (F12, then a PIN on the bottom line).
   The clock is passed in, in milliseconds, so that the unit tests run
   the timers without waiting.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_TUI_KIOSK_H
#define PINAV_TUI_KIOSK_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "app.h"
#include "staff.h"
#include "view.h"

#define TUI_PIN_WAIT_S 10       /* the PIN prompt closes after this long
                                   without a key */
#define TUI_PIN_TRIES 3         /* wrong PINs before F12 is refused */
#define TUI_PIN_LOCK_S 300      /* ... for this long */

/* What the navigator does after a key or a tick.  */
enum tui_kiosk_act
{
  TK_PASS,              /* nothing for the kiosk: the key acts as usual */
  TK_TAKEN,             /* the kiosk took the key (or changed the screen) */
  TK_RESET,             /* the time is up: forget the patient, go to the
                           start */
  TK_EXIT               /* the staff PIN was right: leave */
};

struct tui_kiosk
{
  const struct staff_pin *pin;  /* NULL: F12 does nothing */
  long long idle_ms;            /* 0: no idle reset */
  long long last;               /* when the last key came */
  bool touched;                 /* a key since the start or the reset */
  long long warn_end;           /* when the warning runs out; 0: none */
  bool pin_open;                /* the PIN prompt is on the bottom line */
  char typed[STAFF_PIN_MAX + 1];        /* NUL-padded */
  size_t n_typed;
  int wrong;                    /* wrong PINs since the last lock */
  long long locked_until;       /* F12 does nothing until then */
  const char *lockdir;          /* where the two above are kept, or NULL */
};

/** tui_kiosk_now - the monotonic clock, in milliseconds.  */
long long tui_kiosk_now (void);

/** tui_kiosk_init - the timers of APP (its idle time and staff PIN;
   the PIN only in a kiosk), starting at NOW.  */
void tui_kiosk_init (struct tui_kiosk *k, const struct app *app,
                     long long now);

/** tui_kiosk_key - key WC came at NOW (R is get_wch's result).  Any
   key but a resize dismisses the idle warning, and is then taken;
   while the PIN prompt is open every key is taken.
   @retval what the navigator does with the key.  */
enum tui_kiosk_act tui_kiosk_key (struct tui_kiosk *k, long long now,
                                  int r, wint_t wc);

/** tui_kiosk_tick - the time is NOW: show the warning when the idle
   time is up (only after a key: an untouched start screen waits for
   ever), close a forgotten PIN prompt.
   @retval TK_RESET when the warning ran out, TK_TAKEN when the screen
   changed, else TK_PASS.  */
enum tui_kiosk_act tui_kiosk_tick (struct tui_kiosk *k, long long now);

/** tui_kiosk_countdown - the seconds left on the warning, or -1 when
   none is shown.  */
int tui_kiosk_countdown (const struct tui_kiosk *k, long long now);

/** tui_kiosk_stars - the PIN being typed, one '*' a digit, in BUF
   (STAFF_PIN_MAX + 1 bytes), or NULL when the prompt is closed.  */
const char *tui_kiosk_stars (const struct tui_kiosk *k, char *buf);

/** tui_kiosk_draw_warning - paint the idle warning (CTX's view
   "idle:N") on the whole screen.  */
void tui_kiosk_draw_warning (const struct tui_kiosk *k,
                             const struct view_ctx *ctx, long long now);

#endif
