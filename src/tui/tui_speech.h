/* tui_speech.h - speech as a mode of the navigator (issue 19, point
   2): s turns it on (and reads the page from the top of the screen) or
   off; while it is on, what a key changes is said, as a screen reader
   echoes the focus: a new page from the top of the screen, the newly
   chosen link, the navigator's message.  Any key stops what is being
   said first (tui.c).  No curses here.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_TUI_SPEECH_H
#define PINAV_TUI_SPEECH_H

#include <stdbool.h>

#include "keys.h"
#include "nav.h"

struct tui_speech
{
  bool on;                      /* speech is on */
  bool start;                   /* ... at the start and after an idle
                                   reset (--speech) */
  bool kiosk;                   /* the test hooks are ignored */
  char *pending;                /* to be said once the screen shows the
                                   key's answer (tui_speech_flush), or
                                   NULL; speakable, malloc'd */
  bool failed;                  /* ... it could not be made */
};

/* Where the reader was before a key, to tell what the key changed.  */
struct tui_speech_was
{
  unsigned long shown;          /* nav's page count */
  long top, sel;
  bool typing;                  /* a search was being typed */
};

/** tui_speech_start - speech off, or on when APP says so (--speech);
   then NV's page, from the top of the screen, is read aloud.  */
void tui_speech_start (struct tui_speech *sp, const struct app *app,
                       struct nav *nv);

/** tui_speech_toggle - s: speech on, reading NV's page aloud from the
   top of the screen, or off; the bottom line (NV's message) says
   which, or why speech cannot start.  */
void tui_speech_toggle (struct tui_speech *sp, struct nav *nv);

/** tui_speech_reset - the idle reset: speech back as it started (on
   with --speech, reading the start screen; else off).  */
void tui_speech_reset (struct tui_speech *sp, struct nav *nv);

/** tui_speech_note - NV now, before a key (TYPING: a search is being
   typed).  */
struct tui_speech_was tui_speech_note (const struct nav *nv, bool typing);

/** tui_speech_echo - after a key that did action A (NAV_NONE: a key
   taken by the search being typed, or a mouse press), with speech on,
   say what changed since WAS: a new page (or r, or the end of the
   typing: the results) from the top of the screen, after NV's message;
   a search match's text after "Match 2 of 5."; a screenful scrolled,
   from the top of the screen; the newly chosen link's text; else the
   message.  Nothing while TYPING, or for s.  */
void tui_speech_echo (struct tui_speech *sp, struct nav *nv,
                      const struct tui_speech_was *was, enum nav_action a,
                      bool typing);

/** tui_speech_flush - start saying what the last key (or s, or the
   start, or the idle reset) had to say: after the screen has been
   painted, so that speech never delays the screen's answer to a key.
   @retval false when it could not start: NV's message then says so,
   and the screen must be painted again.  */
bool tui_speech_flush (struct tui_speech *sp, struct nav *nv);

/** tui_speech_end - forget what was to be said (pinav ends).  */
void tui_speech_end (struct tui_speech *sp);

/** tui_speech_mark - the title line's mark while speech is on
   (translated), or NULL when it is off.  */
const char *tui_speech_mark (const struct tui_speech *sp);

#endif
