/* keys.c - the key table.  less and GNU info where they agree with a
   patient's habits: ? and h help, q quit, Space and b page, arrows and
   j and k, Tab to the next link, Backspace and l back, n and N through
   the search results, g and G top and bottom, / search.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "keys.h"

#include <string.h>

#include "i18n.h"

static const struct key_row keys_rows[] = {
  { NAV_DOWN, { KEYS_DOWN, 'j' }, "j",
    N_("Down, j"), N_("the next link, or the next line of text"),
    /* TRANSLATORS: the key hints on the bottom line.  Keep each short:
       the screen may be only 20 columns wide.  */
    N_("Up/Down choose"), 4, true, false, NULL, NULL, NULL },
  { NAV_UP, { KEYS_UP, 'k' }, "k",
    N_("Up, k"), N_("the previous link, or the line above"),
    NULL, 0, true, false, NULL, NULL, NULL },
  { NAV_NEXT_LINK, { '\t' }, ">",
    N_("Tab"), N_("the next link, wherever it is on the page"),
    NULL, 0, true, false, NULL, NULL, NULL },
  { NAV_PREV_LINK, { KEYS_BTAB }, "<",
    N_("Shift+Tab"), N_("the previous link"),
    NULL, 0, true, false, NULL, NULL, NULL },
  { NAV_OPEN, { KEYS_ENTER, '\n', '\r', KEYS_RIGHT, KEYS_CLICK }, "o",
    N_("Enter, Right, a click or a touch"), N_("open the chosen link"),
    N_("Enter open"), 2, true, false, NULL, NULL, NULL },
  { NAV_OPEN, { 0 }, NULL, NULL, N_("open that link"),
    NULL, 0, true, false, N_("a number, then Enter"), NULL, NULL },
  { NAV_BACK, { KEYS_BACKSPACE, 127, 8, KEYS_LEFT, 'l' }, "l",
    N_("Backspace, Left, l"), N_("go back"),
    N_("Backspace back"), 3, true, false, NULL, NULL,
    /* TRANSLATORS: plain mode's prompt lists its commands so, each a
       command (keep it as it is) and what it does.  */
    N_("l back") },
  { NAV_HOME, { KEYS_HOME, 't' }, "t",
    N_("Home, t"), N_("go to the start screen"),
    NULL, 0, true, false, NULL, NULL, N_("t home") },
  /* Before NAV_PAGE_DOWN, so that Space marks where there are items
     to mark (nav.c pages down elsewhere).  */
  { NAV_MARK, { ' ', 'x' }, "m",
    N_("Space, x"), N_("mark or unmark an item to compare (elsewhere Space "
                       "scrolls down)"),
    NULL, 0, true, false,
    /* TRANSLATORS: plain mode's mark command: m, a space and the
       number of an item, as in "m 3"; keep "m" as it is.  */
    N_("m and a number"),
    N_("mark or unmark that item to compare (m alone: the chosen one)"),
    NULL },
  { NAV_PAGE_DOWN, { KEYS_PGDN, ' ', 'f' }, "f",
    N_("PgDn, Space, f"), N_("scroll down a screen"),
    NULL, 0, true, false, NULL, NULL, NULL },
  { NAV_PAGE_UP, { KEYS_PGUP, 'b' }, "b",
    N_("PgUp, b"), N_("scroll up a screen"),
    NULL, 0, true, false, NULL, NULL, NULL },
  { NAV_TOP, { 'g' }, "g",
    N_("g"), N_("go to the top of the page"),
    NULL, 0, true, false, NULL, NULL, NULL },
  { NAV_BOTTOM, { KEYS_END, 'G' }, "G",
    N_("End, G"), N_("go to the end of the page"),
    NULL, 0, true, false, NULL, NULL, NULL },
  { NAV_WHEEL_DOWN, { KEYS_WHEEL_DOWN }, NULL,
    N_("the mouse wheel"), N_("scroll three lines"),
    NULL, 0, true, false, NULL, NULL, NULL },
  { NAV_WHEEL_UP, { KEYS_WHEEL_UP }, NULL, NULL, NULL,
    NULL, 0, true, false, NULL, NULL, NULL },
  /* TRANSLATORS: the search key of the full-screen navigator.  */
  { NAV_SEARCH, { '/' }, "/",
    N_("/"), N_("search: type words on the bottom line, then Enter"),
    NULL, 0, true, false,
    /* TRANSLATORS: plain mode's search command: a slash, then the
       words, as in "/knee".  */
    N_("/word"), N_("search for that word"), N_("/word search") },
  { NAV_NEXT_MATCH, { 'n' }, "n",
    N_("n"), N_("the next match, then the next result"),
    NULL, 0, true, false, NULL, NULL, NULL },
  { NAV_PREV_MATCH, { 'N' }, "N",
    N_("N"), N_("the previous match, then the previous result"),
    NULL, 0, true, false, NULL, NULL, NULL },
  { NAV_REPEAT, { 'r' }, "r",
    /* TRANSLATORS: the cursor goes to the top of the page's text,
       where a screen reader starts reading.  */
    N_("r"), N_("show the screen again, the cursor at its top (speech on: "
               "read it aloud)"),
    NULL, 0, true, false, NULL,
    N_("print the page (or this part of it) again"), NULL },
  /* TRANSLATORS: the full-screen navigator's key that turns speech on
     and off (pinav built with speech: docs/speech.md).  Plain mode has
     no such command: its reader's screen reader speaks.  */
  { NAV_SPEAK, { 's' }, NULL,
    N_("s"), N_("speech on (the page is read aloud, then what each key "
               "chooses) or off"),
    NULL, 0, true, false, NULL, NULL, NULL },
  { NAV_HELP, { '?', 'h' }, "? h",
    N_("?, h"), N_("this help"),
    N_("? help"), 0, true, false, N_("?, h"), NULL, N_("? help") },
  { NAV_QUIT, { 'q' }, "q",
    N_("q"), N_("quit"),
    N_("q quit"), 1, false, false, NULL, NULL, N_("q quit") },
  { NAV_STAFF, { KEYS_F12 }, NULL,
    N_("F12"), N_("staff only: leave the kiosk, after the staff PIN"),
    NULL, 0, true, true, NULL, NULL, NULL },
};

const struct key_row *
keys_table (size_t *n)
{
  *n = sizeof keys_rows / sizeof *keys_rows;
  return keys_rows;
}

bool
keys_allowed (const struct key_row *r, bool kiosk)
{
  return kiosk ? r->kiosk : !r->kiosk_only;
}

enum nav_action
keys_action (int key, bool kiosk)
{
  if (key == 0)
    return NAV_NONE;
  for (size_t i = 0; i < sizeof keys_rows / sizeof *keys_rows; i++)
    for (size_t k = 0; k < KEYS_PER_ROW && keys_rows[i].keys[k]; k++)
      if (keys_rows[i].keys[k] == key)
        return keys_allowed (&keys_rows[i], kiosk) ? keys_rows[i].action
                                                   : NAV_NONE;
  return NAV_NONE;
}

/* Whether CMD is one of the space-separated words of LIST.  */
static bool
keys_listed (const char *list, const char *cmd)
{
  size_t n = strlen (cmd);
  for (const char *p = list; *p;)
    {
      size_t w = strcspn (p, " ");
      if (w == n && strncmp (p, cmd, n) == 0)
        return true;
      p += w + (p[w] == ' ');
    }
  return false;
}

enum nav_action
keys_plain (const char *cmd, bool kiosk)
{
  if (!*cmd)
    return NAV_NONE;
  for (size_t i = 0; i < sizeof keys_rows / sizeof *keys_rows; i++)
    {
      const struct key_row *r = &keys_rows[i];
      if (!r->plain || !keys_allowed (r, kiosk))
        continue;
      if (r->action == NAV_SEARCH ? cmd[0] == '/'
          : r->action == NAV_MARK ? keys_listed (r->plain, cmd)
                                    || (cmd[0] == 'm' && cmd[1] == ' ')
          : keys_listed (r->plain, cmd))
        return r->action;
    }
  return NAV_NONE;
}

int
keys_first (enum nav_action action)
{
  for (size_t i = 0; i < sizeof keys_rows / sizeof *keys_rows; i++)
    if (keys_rows[i].action == action && keys_rows[i].keys[0])
      return keys_rows[i].keys[0];
  return 0;
}
