/* vtscript.c - vtdrive's script: reading and checking it before the
   program starts (tests/vtdrive.md), the command table, and the names of
   keys and signals.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vtdrive.h"

static const struct { const char *name; int sig; } signames[] = {
  { "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
  { "ABRT", SIGABRT }, { "KILL", SIGKILL }, { "SEGV", SIGSEGV },
  { "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM },
  { "USR1", SIGUSR1 }, { "USR2", SIGUSR2 }, { "CONT", SIGCONT },
  { "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "WINCH", SIGWINCH },
};
static const struct { const char *name; VTermKey key; } keynames[] = {
  { "Up", VTERM_KEY_UP }, { "Down", VTERM_KEY_DOWN },
  { "Left", VTERM_KEY_LEFT }, { "Right", VTERM_KEY_RIGHT },
  { "Enter", VTERM_KEY_ENTER }, { "Tab", VTERM_KEY_TAB },
  { "Backspace", VTERM_KEY_BACKSPACE }, { "Esc", VTERM_KEY_ESCAPE },
  { "Home", VTERM_KEY_HOME }, { "End", VTERM_KEY_END },
  { "PgUp", VTERM_KEY_PAGEUP }, { "PgDn", VTERM_KEY_PAGEDOWN },
  { "Insert", VTERM_KEY_INS }, { "Delete", VTERM_KEY_DEL },
};
static const char *const shape_usage[] = {
  "", " TEXT", " ROW TEXT", " N", " ROW COL", " COLS ROWS", " KEY...",
  " HEX", " CODE|signal:NAME [WITHIN_MS]", " NAME", " N KEY...",
  " MS MAXPCT", " MS FILE",
};

/* Signal number for NAME ("TERM" or "SIGTERM"); 0 if unknown.  */
int
sig_num (const char *name)
{
  name += strncmp (name, "SIG", 3) ? 0 : 3;
  for (size_t i = 0; i < NELEM (signames); i++)
    if (!strcmp (signames[i].name, name))
      return signames[i].sig;
  return 0;
}

/* Short name of signal SIG ("TERM"), or its number.  */
const char *
sig_name (int sig)
{
  static char buf[16];
  for (size_t i = 0; i < NELEM (signames); i++)
    if (signames[i].sig == sig)
      return signames[i].name;
  snprintf (buf, sizeof buf, "%d", sig);
  return buf;
}


/* The code point of TOK if it is exactly one UTF-8 character, else 0.  */
static uint32_t
one_char (const char *tok)
{
  const unsigned char *u = (const unsigned char *) tok;
  size_t len = u[0] < 0xc0 ? 1 : u[0] < 0xe0 ? 2 : u[0] < 0xf0 ? 3 : 4;
  uint32_t cp = len == 1 ? u[0] : u[0] & (0x7fu >> len);
  if (strlen (tok) != len || u[0] < 0x20 || (u[0] & 0xc0) == 0x80)
    return 0;
  for (size_t i = 1; i < len; i++)
    cp = cp << 6 | (u[i] & 0x3f);
  return cp;
}


/* Parse key token TOK ("q", "^X", "F5", "C-Left", "S-Tab"); if SEND,
   encode it with libvterm and queue it.  Return 0 if TOK is valid.  */
int
do_key (const char *tok, int send)
{
  VTermModifier mod = VTERM_MOD_NONE;
  VTermKey key = VTERM_KEY_NONE;
  uint32_t ch = 0;
  int n, up;
  for (; tok[0] && tok[1] == '-' && tok[2] && strchr ("SCM", tok[0]); tok += 2)
    mod |= tok[0] == 'S' ? VTERM_MOD_SHIFT
      : tok[0] == 'C' ? VTERM_MOD_CTRL : VTERM_MOD_ALT;
  for (size_t i = 0; i < NELEM (keynames); i++)
    if (!strcmp (tok, keynames[i].name))
      key = keynames[i].key;
  n = tok[0] == 'F' ? atoi (tok + 1) : 0;
  if (n >= 1 && n <= 24 && strspn (tok + 1, "0123456789") == strlen (tok + 1))
    key = VTERM_KEY_FUNCTION (n);
  up = toupper ((unsigned char) tok[1]);
  if (tok[0] == '^' && tok[1] && !tok[2]
      && (up == '?' || (up >= '@' && up <= '_')))
    ch = up == '?' ? 0x7f : (uint32_t) (up - '@');
  else if (key == VTERM_KEY_NONE)
    ch = strcmp (tok, "Space") ? one_char (tok) : ' ';
  if (key == VTERM_KEY_NONE && !ch && strcmp (tok, "^@"))
    return -1;
  if (send && key != VTERM_KEY_NONE)
    vterm_keyboard_key (D.vt, key, mod);
  else if (send)
    vterm_keyboard_unichar (D.vt, ch, mod);
  return 0;
}

/* Check (SEND 0) or send (SEND 1) each key of the list S; return an
   error message for the first unknown key, or NULL.  */
const char *
each_key (const char *s, int send)
{
  static char msg[96];
  char *copy = xstrdup (s), *save = NULL;
  msg[0] = 0;
  for (char *t = strtok_r (copy, " \t", &save); t && !msg[0];
       t = strtok_r (NULL, " \t", &save))
    if (do_key (t, send))
      snprintf (msg, sizeof msg, "unknown key '%.40s'", t);
    else if (send)
      flush_input ("key");
  free (copy);
  return msg[0] ? msg : NULL;
}


static const struct spec specs[] = {
  { "wait", S_TEXT, run_text, M_WAIT | M_SCREEN },
  { "wait-row", S_ROW_TEXT, run_text, M_WAIT | M_ROW },
  { "wait-gone", S_TEXT, run_text, M_WAIT | M_GONE },
  { "expect", S_TEXT, run_text, M_SCREEN },
  { "expect-not", S_TEXT, run_text, M_GONE },
  { "expect-row", S_ROW_TEXT, run_text, M_ROW },
  { "expect-cursor", S_POS, run_cursor, 0 },
  { "wait-cursor", S_POS, run_cursor, 1 },
  { "expect-reverse", S_POS, run_attr, AT_REVERSE },
  { "expect-not-reverse", S_POS, run_attr, AT_REVERSE | AT_NOT },
  { "expect-bold", S_POS, run_attr, AT_BOLD },
  { "expect-not-bold", S_POS, run_attr, AT_BOLD | AT_NOT },
  { "expect-wide", S_POS, run_attr, AT_WIDE },
  { "wait-reverse", S_POS, run_attr, AT_REVERSE | AT_WAIT },
  { "wait-not-reverse", S_POS, run_attr, AT_REVERSE | AT_NOT | AT_WAIT },
  { "wait-bold", S_POS, run_attr, AT_BOLD | AT_WAIT },
  { "wait-not-bold", S_POS, run_attr, AT_BOLD | AT_NOT | AT_WAIT },
  { "expect-sgr-never", S_INT, run_sgr_never, 0 },
  { "expect-exit", S_EXIT, run_exit, 0 },
  { "expect-running", S_NONE, run_running, 0 },
  { "key", S_KEYS, run_key, 0 },
  { "type", S_TEXT, run_send, 0 },
  { "raw", S_HEX, run_send, 0 },
  { "click", S_POS, run_click, 0 },
  { "resize", S_SIZE, run_resize, 0 },
  { "resize-pty", S_PTYSIZE, run_resize_pty, 0 },
  { "screen", S_NONE, run_screen, 0 },
  { "snap", S_NONE, run_snap, 0 },
  { "expect-snap", S_NONE, run_expect_snap, 0 },
  { "sleep-ms", S_INT, run_sleep, 0 },
  { "signal", S_SIG, run_signal, 0 },
  { "close", S_NONE, run_close, 0 },
  { "stall", S_INT, run_stall, 0 },
  { "wait-blocked", S_NONE, run_wait_blocked, 0 },
  { "flood", S_N_KEYS, run_flood, 0 },
  { "wait-keypad", S_NONE, run_wait_keypad, 0 },
  { "wait-idle", S_NONE, run_wait_idle, 0 },
  { "cpu-idle", S_MS_PCT, run_cpu_idle, 0 },
  { "expect-sane", S_NONE, run_sane, 0 },
  { "down-to", S_ROW_TEXT, run_down_to, 0 },
  { "wait-children", S_INT, run_children, 1 },
  { "expect-children", S_INT, run_children, 0 },
  { "wait-file-grows", S_TEXT, run_file_grows, 0 },
  { "expect-file-still", S_MS_TEXT, run_file_still, 0 },
  { "expect-within", S_INT, run_within, 0 },
};

/* ----------------------------------------------------------- parsing */

/* Parse a decimal number 0..MAX at *P, then skip blanks; 0 if valid.  */
static int
parse_num (char **p, long max, long *out)
{
  char *end;
  if (!isdigit ((unsigned char) **p))
    return -1;
  errno = 0;
  *out = strtol (*p, &end, 10);
  if (errno || *out > max || (*end && *end != ' ' && *end != '\t'))
    return -1;
  *p = end + strspn (end, " \t");
  return 0;
}

/* Strip trailing blanks and one pair of enclosing double quotes.  */
static char *
unquote (char *s)
{
  size_t n = strlen (s);
  while (n && isspace ((unsigned char) s[n - 1]))
    s[--n] = 0;
  if (n >= 2 && s[0] == '"' && s[n - 1] == '"')
    s[n - 1] = 0, s++;
  return s;
}

/* Decode hex byte pairs (blanks allowed between) from S into C->text,
   counting them in C->a; 0 if valid.  */
static int
parse_hex (struct cmd *c, const char *s)
{
  unsigned char byte;
  int used;
  for (s += strspn (s, " \t"); *s; s += used + strspn (s + used, " \t"))
    {
      if (!isxdigit ((unsigned char) s[0]) || !isxdigit ((unsigned char) s[1])
          || sscanf (s, "%2hhx%n", &byte, &used) != 1)
        return -1;
      c->text[c->a++] = (char) byte;
    }
  return 0;
}

/* Parse "CODE|signal:NAME [WITHIN_MS]" into C->a (-signal) and C->b.  */
static const char *
parse_exit (struct cmd *c, char *s)
{
  c->b = -1;
  if (!strncmp (s, "signal:", 7))
    {
      size_t n = strcspn (s, " \t");
      char save = s[n];
      s[n] = 0;
      c->a = -sig_num (s + 7);
      s[n] = save;
      if (!c->a)
        return "unknown signal";
      s += n + strspn (s + n, " \t");
    }
  else if (parse_num (&s, 255, &c->a))
    return "CODE must be 0..255 or signal:NAME";
  if (*s && parse_num (&s, 86400000, &c->b))
    return "bad WITHIN_MS";
  return *s ? "too many arguments" : NULL;
}

/* Fill C's arguments from S by its command's shape; an error or NULL.  */
static const char *
parse_args (struct cmd *c, char *s)
{
  enum shape sh = c->spec->shape;
  if (sh == S_ROW_TEXT && parse_num (&s, 9999, &c->a))
    return "bad ROW";
  if (sh == S_N_KEYS && (parse_num (&s, 1000000, &c->a) || c->a < 1))
    return "bad N";
  if (sh == S_MS_TEXT && parse_num (&s, 86400000, &c->a))
    return "bad MS";
  c->text = xstrdup (sh == S_HEX ? s : unquote (s));
  switch (sh)
    {
    case S_NONE:
      return *s ? "takes no arguments" : NULL;
    case S_INT:
      return parse_num (&s, 86400000, &c->a) || *s ? "bad number" : NULL;
    case S_PTYSIZE:
      return parse_num (&s, 65535, &c->a) || parse_num (&s, 65535, &c->b)
        || *s || c->a < 1 || c->b < 1 ? "bad numbers" : NULL;
    case S_POS:
    case S_SIZE:
      return parse_num (&s, 9999, &c->a) || parse_num (&s, 9999, &c->b) || *s
        || (sh == S_SIZE && (c->a < 1 || c->b < 1)) ? "bad numbers" : NULL;
    case S_ROW_TEXT:
    case S_MS_TEXT:
    case S_TEXT:
      return *c->text ? NULL : "missing TEXT";
    case S_KEYS:
    case S_N_KEYS:
      return *s ? each_key (s, 0) : "missing KEY";
    case S_MS_PCT:
      return parse_num (&s, 86400000, &c->a) || parse_num (&s, 100, &c->b)
        || *s || c->a < 100 ? "MS must be 100 or more, MAXPCT 0..100" : NULL;
    case S_HEX:
      return parse_hex (c, s) ? "HEX must be pairs of hex digits"
        : c->a ? NULL : "missing HEX";
    case S_EXIT:
      return parse_exit (c, unquote (s));
    case S_SIG:
      return (c->a = sig_num (unquote (s))) ? NULL : "unknown signal";
    }
  return "internal error";
}

/* Parse one non-blank script line S into C; exit 2 on a syntax error.  */
static void
parse_line (struct cmd *c, char *s)
{
  char *rest = s + strcspn (s, " \t");
  const char *err;
  if (*rest)
    *rest++ = 0;
  memset (c, 0, sizeof *c);
  c->line = D.line;
  for (size_t i = 0; i < NELEM (specs); i++)
    if (!strcmp (specs[i].name, s))
      c->spec = &specs[i];
  if (!c->spec)
    syntax ("unknown command '%s'", s);
  if ((err = parse_args (c, rest + strspn (rest, " \t"))))
    syntax ("%s: %s (usage: %s%s)", s, err, s, shape_usage[c->spec->shape]);
}

/* Read and check the whole script before anything runs.  */
struct cmd *
load_script (int *ncmd)
{
  FILE *f = strcmp (D.script, "-") ? fopen (D.script, "r") : stdin;
  char *buf = NULL, *s;
  size_t cap = 0;
  struct cmd *cmds = NULL;
  int n = 0;
  if (!f)
    {
      fprintf (stderr, "vtdrive: %s: %s\n", D.script, strerror (errno));
      exit (2);
    }
  for (D.line = 1; getline (&buf, &cap, f) >= 0; D.line++)
    {
      buf[strcspn (buf, "\r\n")] = 0;
      s = buf + strspn (buf, " \t");
      if (*s == 0 || *s == '#')
        continue;
      cmds = xrealloc (cmds, (size_t) (n + 1) * sizeof *cmds);
      parse_line (&cmds[n++], s);
    }
  free (buf);
  if (f != stdin)
    fclose (f);
  *ncmd = n;
  return cmds;
}

