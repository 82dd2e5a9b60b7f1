/* keys.h - the key table: every key of both renderers, the action it
   stands for, its help and hint text, and whether a kiosk allows it.
   The TUI's key handler, the plain mode's commands, the Keys page, the
   bottom line's hints and the manual's key list all come from it.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_KEYS_H
#define PINAV_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* What a key asks the navigator (nav.h) to do.  */
enum nav_action
{
  NAV_NONE,
  NAV_DOWN,             /* the next link, or scroll down through text */
  NAV_UP,               /* the previous link, or scroll up */
  NAV_NEXT_LINK,        /* the next link, wherever it is */
  NAV_PREV_LINK,        /* the previous link, wherever it is */
  NAV_MARK,             /* mark or unmark the chosen item to compare
                           (elsewhere, Space: NAV_PAGE_DOWN) */
  NAV_PAGE_DOWN,
  NAV_PAGE_UP,
  NAV_WHEEL_DOWN,       /* a few lines down */
  NAV_WHEEL_UP,
  NAV_TOP,              /* the top of the page */
  NAV_BOTTOM,           /* the end of the page */
  NAV_OPEN,             /* open the chosen link */
  NAV_BACK,             /* the previous page, as it was left */
  NAV_HOME,             /* the start screen */
  NAV_HELP,             /* the Keys page */
  NAV_SEARCH,           /* search (the renderer reads the words) */
  NAV_NEXT_MATCH,       /* the next search result */
  NAV_PREV_MATCH,       /* the previous search result */
  NAV_REPEAT,           /* show (or say) the page again, from the top of
                           the screen (plain mode: of the part shown) */
  NAV_QUIT,
  NAV_SPEAK,            /* speech on, reading the page aloud from the
                           top of the screen, or off (the TUI, with
                           speech; any key stops what is said) */
  NAV_STAFF             /* a kiosk's staff exit (the renderer asks for
                           the PIN) */
};

/* Keys that are not characters, as the renderers name them (above
   Unicode, so that no character is mistaken for one).  */
enum
{
  KEYS_UP = 0x110000, KEYS_DOWN, KEYS_LEFT, KEYS_RIGHT, KEYS_HOME,
  KEYS_END, KEYS_PGUP, KEYS_PGDN, KEYS_ENTER, KEYS_BACKSPACE, KEYS_BTAB,
  KEYS_F12, KEYS_WHEEL_UP, KEYS_WHEEL_DOWN, KEYS_CLICK
};

#define KEYS_PER_ROW 6
#define KEYS_HINT_KEEP 8      /* KEEP is below this */

/* One row of the table.  */
struct key_row
{
  enum nav_action action;
  int keys[KEYS_PER_ROW];       /* TUI keys (characters or KEYS_*), 0 ends */
  const char *plain;            /* plain mode's command, or NULL */
  const char *label;            /* the TUI keys in words (N_) */
  const char *help;             /* what it does (N_) */
  const char *hint;             /* the bottom line's hint (N_), or NULL */
  int keep;                     /* hints kept first when the line is
                                   short: 0 first */
  bool kiosk;                   /* allowed in a kiosk */
  bool kiosk_only;              /* only in a kiosk */
  const char *plain_label;      /* plain mode's command in words (N_);
                                   NULL: PLAIN as it is */
  const char *plain_help;       /* plain mode's help (N_); NULL: HELP */
  const char *plain_hint;       /* plain mode's prompt names it so (N_),
                                   or NULL */
};

/** keys_table - the table, in the order the Keys page lists it.
   @retval its rows; *N is set to their count.  */
const struct key_row *keys_table (size_t *n);

/** keys_action - the action of TUI key KEY (a character or KEYS_*), in
   a kiosk when KIOSK.  @retval NAV_NONE for a key that does nothing.  */
enum nav_action keys_action (int key, bool kiosk);

/** keys_plain - the action of plain mode's command CMD (a whole line,
   trimmed), in a kiosk when KIOSK.  @retval NAV_NONE when none.  */
enum nav_action keys_plain (const char *cmd, bool kiosk);

/** keys_allowed - whether row R's keys work (in a kiosk when KIOSK).  */
bool keys_allowed (const struct key_row *r, bool kiosk);

/** keys_first - the first TUI key of ACTION, or 0 (for hints).  */
int keys_first (enum nav_action action);

#endif
