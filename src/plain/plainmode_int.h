/* plainmode_int.h - plain mode's insides, shared by its own files
   (plainmode.c reads the lines and carries out the commands,
   plainmode_show.c prints what they show) and by no one else: not
   part of the API (plainmode.h).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_PLAINMODE_INT_H
#define PINAV_PLAINMODE_INT_H

#include <stdbool.h>
#include <stdio.h>

#include "app.h"
#include "nav.h"

/* A conversation: the navigator, and what was last printed.  */
struct session
{
  struct app *app;              /* its pack changes at an idle reset */
  FILE *in, *out;
  struct nav nav;
  unsigned long shown;          /* the nav's page last printed */
  bool touched;                 /* a line since the start or the reset */
  long part_top;                /* the top line of the part printed */
  bool asking;                  /* the next line is the words to search */
};

/* plainmode_show.c */

/** session_say - say TEXT on a line of its own, wrapped.  */
void session_say (struct session *s, const char *text);

/** session_prompt - print the prompt: the page's own bottom line, or
   the numbers to type and the commands.  */
void session_prompt (struct session *s);

/** session_show - print the page at the location (its part there) and
   the prompt.  */
void session_show (struct session *s);

/** session_menu - print only the numbered choices again, and the
   prompt.  */
void session_menu (struct session *s);

/** session_answer - after an action: print the new page (its part
   again when REPEAT), or what the navigator said, or the link now
   chosen; then the prompt.  */
void session_answer (struct session *s, bool repeat);

/** session_opened - after a link was opened: the home menu's Search
   asks for the words at once ("Search for: "); else as
   session_answer.  */
void session_opened (struct session *s, bool repeat);

#endif
