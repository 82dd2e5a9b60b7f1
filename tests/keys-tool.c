/* keys-tool.c - the key table (src/view/keys.c) for the tests.
   keys-tool list          one line a row: ACTION, the TUI keys as
                           tests/vtdrive names them, plain mode's
                           commands (tab-separated, "-" for none)
   keys-tool key ACTION    the first TUI key of ACTION (vtdrive's name)
   keys-tool plain ACTION  plain mode's first command for ACTION
   keys-tool man           the manual's KEYS list (roff), as docs/pinav.1
                           must have it between its "keys:" markers
   keys-tool md            docs/tui.md's key table, likewise
   keys-tool walk SEED N VT IN
                           N random walks (each from the start screen):
                           the TUI's keys as a vtdrive script in VT, the
                           same actions as plain mode's lines in IN  */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"

static const char *const action_names[] = {
  [NAV_NONE] = "none", [NAV_DOWN] = "down", [NAV_UP] = "up",
  [NAV_NEXT_LINK] = "next-link", [NAV_PREV_LINK] = "prev-link",
  [NAV_PAGE_DOWN] = "page-down", [NAV_PAGE_UP] = "page-up",
  [NAV_WHEEL_DOWN] = "wheel-down", [NAV_WHEEL_UP] = "wheel-up",
  [NAV_TOP] = "top", [NAV_BOTTOM] = "bottom", [NAV_OPEN] = "open",
  [NAV_BACK] = "back", [NAV_HOME] = "home", [NAV_HELP] = "help",
  [NAV_SEARCH] = "search", [NAV_NEXT_MATCH] = "next-match",
  [NAV_PREV_MATCH] = "prev-match", [NAV_REPEAT] = "repeat",
  [NAV_QUIT] = "quit", [NAV_SPEAK] = "speak",
  [NAV_STAFF] = "staff", [NAV_MARK] = "mark",
};

/* KEY as vtdrive's "key" command names it, or NULL (no such key on a
   keyboard: the keypad's Enter, the mouse).  */
static const char *
vt_name (int key)
{
  static char one[8];
  switch (key)
    {
    case KEYS_UP: return "Up";
    case KEYS_DOWN: return "Down";
    case KEYS_LEFT: return "Left";
    case KEYS_RIGHT: return "Right";
    case KEYS_HOME: return "Home";
    case KEYS_END: return "End";
    case KEYS_PGUP: return "PgUp";
    case KEYS_PGDN: return "PgDn";
    case KEYS_BACKSPACE: return "Backspace";
    case KEYS_BTAB: return "S-Tab";
    case KEYS_F12: return "F12";
    case '\r': return "Enter";
    case '\n': return "^J";
    case '\t': return "Tab";
    case ' ': return "Space";
    case 8: return "^H";
    case 127: return NULL;      /* what Backspace sends: KEYS_BACKSPACE */
    default:
      if (key > ' ' && key < 127)
        {
          snprintf (one, sizeof one, "%c", key);
          return one;
        }
      return NULL;
    }
}

static enum nav_action
action_named (const char *name)
{
  for (size_t a = 0; a < sizeof action_names / sizeof *action_names; a++)
    if (strcmp (action_names[a], name) == 0)
      return (enum nav_action) a;
  fprintf (stderr, "keys-tool: no action '%s'\n", name);
  exit (2);
}

static void
list (void)
{
  size_t n;
  const struct key_row *t = keys_table (&n);
  for (size_t i = 0; i < n; i++)
    {
      int shown = 0;
      printf ("%s\t", action_names[t[i].action]);
      for (size_t k = 0; k < KEYS_PER_ROW && t[i].keys[k]; k++)
        if (vt_name (t[i].keys[k]))
          printf ("%s%s", shown++ ? " " : "", vt_name (t[i].keys[k]));
      printf ("%s\t%s\n", shown ? "" : "-", t[i].plain ? t[i].plain : "-");
    }
}

/* The first TUI key of row R that vtdrive can type, or NULL.  */
static const char *
typable (const struct key_row *r)
{
  for (size_t k = 0; k < KEYS_PER_ROW && r->keys[k]; k++)
    if (vt_name (r->keys[k]))
      return vt_name (r->keys[k]);
  return NULL;
}

/* Write to OUT the first TUI key (PLAIN: plain command) of ACTION.
   @retval 0, or 1 when it has none.  */
static int
first (FILE *out, const char *action, bool plain)
{
  size_t n;
  enum nav_action a = action_named (action);
  const struct key_row *t = keys_table (&n);
  for (size_t i = 0; i < n; i++)
    if (t[i].action == a && (plain ? t[i].plain != NULL
                                   : typable (&t[i]) != NULL))
      {
        if (plain)
          fprintf (out, "%.*s\n", (int) strcspn (t[i].plain, " "),
                   t[i].plain);
        else
          fprintf (out, "%s\n", typable (&t[i]));
        return 0;
      }
  return 1;
}

/* Text for roff: a leading dot or quote escaped, backslashes doubled.  */
static void
roff (const char *s)
{
  if (*s == '.' || *s == '\'')
    fputs ("\\&", stdout);
  for (; *s; s++)
    if (*s == '\\')
      fputs ("\\e", stdout);
    else if (*s == '-')
      fputs ("\\-", stdout);
    else
      putchar (*s);
}

/* The rows a reader's documentation lists: all but the wheel's second
   half.  KIOSK_NOTE says where a row is not in a kiosk.  */
static void
docs (bool man)
{
  size_t n;
  const struct key_row *t = keys_table (&n);
  if (!man)
    printf ("| keys | plain mode | action | in a kiosk |\n|---|---|---|---|\n");
  for (size_t i = 0; i < n; i++)
    {
      const struct key_row *r = &t[i];
      const char *plain = r->plain_label ? r->plain_label : r->plain;
      const char *kiosk = r->kiosk_only ? "only" : r->kiosk ? "yes" : "no";
      if (!r->label && !plain)
        continue;
      if (man)
        {
          printf (".TP\n");
          roff (r->label ? r->label : "");
          if (plain)
            {
              printf ("%s(plain mode: ", r->label ? " " : "");
              roff (plain);
              printf (")");
            }
          printf ("\n");
          roff (r->help);
          printf ("%s\n", r->kiosk_only ? " (only in a kiosk)"
                          : r->kiosk ? "" : " (not in a kiosk)");
        }
      else
        printf ("| %s | %s | %s | %s |\n", r->label ? r->label : "",
                plain ? plain : "", r->help, kiosk);
    }
}

/* N random walks of 4 to 16 actions each, from the start screen.  */
static int
walk (unsigned long seed, int n, const char *vtpath, const char *inpath)
{
  static const char *const words[] = { "apple", "fruit", "red", "中文",
                                       "zzz", "yellow", "a" };
  static const enum nav_action acts[] = {
    NAV_DOWN, NAV_DOWN, NAV_UP, NAV_NEXT_LINK, NAV_PREV_LINK, NAV_OPEN,
    NAV_OPEN, NAV_OPEN, NAV_BACK, NAV_BACK, NAV_HOME, NAV_PAGE_DOWN,
    NAV_PAGE_UP, NAV_TOP, NAV_BOTTOM, NAV_HELP, NAV_SEARCH, NAV_NEXT_MATCH,
    NAV_PREV_MATCH,
  };
  FILE *vt = fopen (vtpath, "w"), *in = fopen (inpath, "w");
  if (!vt || !in)
    return 2;
  srand ((unsigned) seed);
  fprintf (vt, "wait-row 23 ?\n");
  for (int w = 0; w < n; w++)
    {
      int len = 4 + rand () % 13;
      fprintf (vt, "key Home\n");
      fprintf (in, "t\n");
      for (int k = 0; k < len; k++)
        {
          enum nav_action a = acts[rand () % (sizeof acts / sizeof *acts)];
          if (a == NAV_SEARCH)
            {
              const char *word = words[rand () % (sizeof words / sizeof *words)];
              fprintf (vt, "key / ^U\ntype %s\nkey Enter\n", word);
              fprintf (in, "/%s\n", word);
              continue;
            }
          fputs ("key ", vt);
          first (vt, action_names[a], false);
          first (in, action_names[a], true);
        }
    }
  fprintf (vt, "key q\nexpect-exit 0 10000\n");
  fprintf (in, "q\n");
  return fclose (vt) | fclose (in) ? 2 : 0;
}

int
main (int argc, char **argv)
{
  if (argc == 2 && strcmp (argv[1], "list") == 0)
    list ();
  else if (argc == 3 && strcmp (argv[1], "key") == 0)
    return first (stdout, argv[2], false);
  else if (argc == 3 && strcmp (argv[1], "plain") == 0)
    return first (stdout, argv[2], true);
  else if (argc == 2 && (strcmp (argv[1], "man") == 0
                         || strcmp (argv[1], "md") == 0))
    docs (strcmp (argv[1], "man") == 0);
  else if (argc == 6 && strcmp (argv[1], "walk") == 0)
    return walk (strtoul (argv[2], NULL, 10), atoi (argv[3]), argv[4],
                 argv[5]);
  else
    {
      fprintf (stderr, "usage: keys-tool list|key A|plain A|man|md|"
               "walk SEED N VT IN\n");
      return 2;
    }
  return 0;
}
