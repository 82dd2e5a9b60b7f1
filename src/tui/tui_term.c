/* tui_term.c - the terminal under the navigator.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "tui_term.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "i18n.h"
#include "journal.h"
#include "keys.h"

#define TUI_BUF_ROWS 60         /* the least screen ncurses sizes its */
#define TUI_BUF_COLS 200        /* output buffer for, see term_newterm */
#define TUI_BUF_WIDEST 30000    /* the widest line newterm is told of */
#define TUI_MAX_ROWS 1000       /* a bigger terminal is drawn on as if */
#define TUI_MAX_COLS 1000       /* it were this big */

static volatile sig_atomic_t term_signal;
static volatile sig_atomic_t term_winch;        /* a SIGWINCH came */

static void
term_on_winch (int sig)
{
  (void) sig;
  term_winch = 1;
}

static void
term_on_signal (int sig)
{
  term_signal = sig == SIGQUIT ? SIGINT : sig;  /* ^\ is ^C's twin */
}

/* Catch SIGTERM, SIGHUP, SIGINT and SIGQUIT (the last two not in a
   KIOSK, which ignores them) so that the loop can restore the terminal
   before leaving.  Installed before newterm, which then leaves them
   alone.  */
static void
term_catch_signals (bool kiosk)
{
  static const int sigs[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
  size_t n = sizeof sigs / sizeof *sigs - (kiosk ? 2 : 0);  /* INT, QUIT */
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = term_on_signal;
  sigemptyset (&sa.sa_mask);
  for (size_t i = 0; i < n; i++)
    sigaction (sigs[i], &sa, NULL);
  /* The size is taken here, not by ncurses (which leaves a SIGWINCH
     handler of the program's alone): a terminal may claim 65535 x 65535,
     and ncurses 6.4 crashes at 32768 (issue 15, F6).  */
  sa.sa_handler = term_on_winch;
  sigaction (SIGWINCH, &sa, NULL);
}

/* The terminal's size, clamped to what pinav draws.
   @retval false when the terminal does not say.  */
static bool
term_size (int *rows, int *cols)
{
  struct winsize ws;
  if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || !ws.ws_row
      || !ws.ws_col)
    return false;
  *rows = ws.ws_row > TUI_MAX_ROWS ? TUI_MAX_ROWS : ws.ws_row;
  *cols = ws.ws_col > TUI_MAX_COLS ? TUI_MAX_COLS : ws.ws_col;
  return true;
}

bool
tui_term_resized (void)
{
  int rows, cols;
  if (!term_winch)
    return false;
  term_winch = 0;
  if (term_size (&rows, &cols))
    resize_term (rows, cols);
  return true;
}

int
tui_term_signal (void)
{
  int sig = term_signal;
  term_signal = 0;
  return sig;
}

bool
tui_term_signal_pending (void)
{
  return term_signal != 0;
}

bool
tui_term_gone (int *errors)
{
  struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
  struct termios tio;
  if (tcgetattr (STDIN_FILENO, &tio) != 0)
    return true;
  if (poll (&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
    return true;
  /* Readable, yet getch keeps failing without waiting: end of file.
     Unless there are bytes to read: get_wch takes invalid UTF-8 in
     and fails, a hundred bytes at a time; that is no end.  */
  int avail = 0;
  if ((p.revents & POLLIN) && ioctl (STDIN_FILENO, FIONREAD, &avail) == 0
      && avail > 0)
    {
      *errors = 0;
      return false;
    }
  return (p.revents & POLLIN) && ++*errors > 8;
}

/* Make ^S and ^Q keys: with the tty's output flow control (IXON), a
   ^S stops all output until a ^Q, and the screen looks frozen.  The
   mode is kept as curses' program mode; endwin gives the old one back.  */
static void
term_no_flow_control (void)
{
  struct termios tio;
  if (tcgetattr (STDIN_FILENO, &tio) != 0 || !(tio.c_iflag & IXON))
    return;
  tio.c_iflag &= ~(tcflag_t) IXON;
  if (tcsetattr (STDIN_FILENO, TCSANOW, &tio) == 0)
    def_prog_mode ();
}

/* newterm, with an output buffer for a big screen.  ncurses sizes the
   buffer by the screen at newterm and never grows it, so on a small
   screen (or one grown since) a frame reaches the terminal in pieces,
   and a screen reader may read half a frame.  So newterm is told (by
   LINES and COLUMNS, unless the user set those) of a screen whose
   buffer is that of one at least TUI_BUF_COLS x TUI_BUF_ROWS, and the
   real size is taken after.  ncurses 6.4 gives a screen of R x C
   (2 + R) * (6 + C) bytes of buffer, and its windows R x C cells each:
   told of one line as wide as gives the same buffer, it makes and
   clears a third of the cells (a line of 4,252 instead of 60 of 200).  */
static SCREEN *
term_newterm (void)
{
  int ws_row, ws_col;
  char rows[16], cols[16];
  if (getenv ("LINES") || getenv ("COLUMNS") || !term_size (&ws_row, &ws_col))
    return newterm (NULL, stdout, stdin);
  long r = ws_row > TUI_BUF_ROWS ? ws_row : TUI_BUF_ROWS;
  long c = ws_col > TUI_BUF_COLS ? ws_col : TUI_BUF_COLS;
  long wide = ((2 + r) * (6 + c) + 2) / 3 - 6;  /* (2 + 1) * (6 + wide) */
  if (wide <= TUI_BUF_WIDEST)
    r = 1, c = wide;
  snprintf (rows, sizeof rows, "%ld", r);
  snprintf (cols, sizeof cols, "%ld", c);
  setenv ("LINES", rows, 1);
  setenv ("COLUMNS", cols, 1);
  SCREEN *scr = newterm (NULL, stdout, stdin);
  unsetenv ("LINES");
  unsetenv ("COLUMNS");
  /* Narrower before taller (else the new lines are made wide), and by
     resize_term: resizeterm would also queue a KEY_RESIZE, and the
     first screen would be laid out and drawn twice.  */
  if (scr && r < ws_row)
    resize_term ((int) r, ws_col);
  if (scr)
    resize_term (ws_row, ws_col);
  return scr;
}

/* Whether a line on standard error could land on curses' screen: it is
   a terminal (the screen's, or, as a console's /dev/console, perhaps
   the same glass).  Under systemd it is the journal.  */
static bool
term_stderr_is_screen (void)
{
  return isatty (STDERR_FILENO) != 0;
}

SCREEN *
tui_term_start (bool kiosk)
{
  term_catch_signals (kiosk);
  SCREEN *scr = term_newterm ();
  if (!scr)
    return NULL;
  journal_hold (term_stderr_is_screen ());      /* not over curses' */
  /* Until its first endwin, ncurses 6.4 flushes its output at every
     cursor movement, so a frame reaches the terminal a line at a time
     and a screen reader (or a test) may read half a frame.  After an
     endwin the first refresh resumes, and each frame is one write.
     The modes below are set after it, so that they are on before the
     first frame is drawn.  */
  endwin ();
  if (kiosk)
    raw ();                     /* ^C, ^Z, ^\, ^S: keys, not signals */
  else
    cbreak ();
  noecho ();
  term_no_flow_control ();
  keypad (stdscr, TRUE);
  timeout (TUI_TICK_MS);
  mousemask (BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED
             | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
             | BUTTON5_PRESSED
#endif
             , NULL);
  mouseinterval (0);
  set_escdelay (100);           /* Esc ends a search without a wait */
  return scr;
}

void
tui_term_end (SCREEN *scr)
{
  endwin ();
  delscreen (scr);
  journal_hold (false);
}

int
tui_term_key (int r, wint_t wc)
{
  static const struct { int curses, key; } map[] = {
    { KEY_UP, KEYS_UP }, { KEY_DOWN, KEYS_DOWN }, { KEY_LEFT, KEYS_LEFT },
    { KEY_RIGHT, KEYS_RIGHT }, { KEY_HOME, KEYS_HOME }, { KEY_END, KEYS_END },
    { KEY_PPAGE, KEYS_PGUP }, { KEY_NPAGE, KEYS_PGDN },
    { KEY_ENTER, KEYS_ENTER }, { KEY_BACKSPACE, KEYS_BACKSPACE },
    { KEY_BTAB, KEYS_BTAB }, { KEY_F (12), KEYS_F12 },
  };
  if (r == OK)
    return wc < 0x110000 ? (int) wc : 0;
  if (r != KEY_CODE_YES)
    return 0;
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    if ((int) wc == map[i].curses)
      return map[i].key;
  return 0;
}
