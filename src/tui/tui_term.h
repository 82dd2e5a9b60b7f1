/* tui_term.h - the terminal under the navigator: setting it up (with
   ncurses' output made one write per frame), the signals that end a
   session, noticing that the terminal has gone, and giving it back.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_TUI_TERM_H
#define PINAV_TUI_TERM_H

#include <curses.h>
#include <stdbool.h>
#include <wchar.h>

/* How often getch gives up waiting, so that the loop sees signals.  */
#define TUI_TICK_MS 250

/** tui_term_start - catch SIGTERM, SIGHUP and SIGINT, then set the
   terminal up: cbreak, no echo, keypad, mouse, a TUI_TICK_MS timeout.
   In a KIOSK, SIGINT is left alone (the kiosk ignores it, see
   main.c) and the terminal is raw, so that ^C, ^Z, ^\ and ^S arrive
   as keys.
   @retval the screen, or NULL when the terminal cannot be used.  */
SCREEN *tui_term_start (bool kiosk);

/** tui_term_signal - the signal caught since the last call, or 0.  */
int tui_term_signal (void);

/** tui_term_signal_pending - whether a signal is waiting to be taken.  */
bool tui_term_signal_pending (void);

/** tui_term_gone - after getch failed: whether the terminal has gone
   away (hung up, or the pty's other end closed).  *ERRORS counts the
   failures in a row (the caller zeroes it on a key).  */
bool tui_term_gone (int *errors);

/** tui_term_resized - after a SIGWINCH: the new size taken (clamped to
   1000 x 1000; curses' LINES and COLS follow).
   @retval whether the size may have changed (paint it all afresh).  */
bool tui_term_resized (void);

/** tui_term_key - get_wch's result R and WC as the key table names it
   (keys.h): a character, a KEYS_* code, or 0 for a key it has none for.  */
int tui_term_key (int r, wint_t wc);

/** tui_term_end - give the terminal back as it was, and free SCR.  */
void tui_term_end (SCREEN *scr);

#endif
