/* tui_speech.c - speech as a mode of the navigator: on or off, and
   while it is on, what each key changed is said.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "tui_speech.h"

#include <stdlib.h>

#include "i18n.h"
#include "plain.h"
#include "speech_play.h"
#include "speech_synth.h"
#include "speech_text.h"

/* Say TEXT (malloc'd, speakable; NULL: out of memory) once the screen
   is painted (tui_speech_flush), in place of what was to be said.  */
static void
speech_say (struct tui_speech *sp, char *text)
{
  free (sp->pending);
  sp->pending = text;
  sp->failed = !text;
}

bool
tui_speech_flush (struct tui_speech *sp, struct nav *nv)
{
  bool ok = !sp->failed;
  if (sp->pending)
    ok = speech_play (sp->pending, i18n_language (), sp->kiosk);
  tui_speech_end (sp);
  if (!ok)
    nv->msg = _("Reading aloud could not start.");
  return ok;
}

void
tui_speech_end (struct tui_speech *sp)
{
  free (sp->pending);
  sp->pending = NULL;
  sp->failed = false;
}

/* NV's page from the block at the top of the body (nav_top_block),
   after its title, LEAD (or nothing) before it.  */
static char *
speech_page (const struct nav *nv, const char *lead)
{
  return speech_part (&nv->page, i18n_language (), lead, true,
                      nav_top_block (nv), nv->page.n);
}

void
tui_speech_start (struct tui_speech *sp, const struct app *app,
                  struct nav *nv)
{
  sp->start = app->speech && speech_available ();
  sp->kiosk = app->kiosk;
  sp->on = sp->start;
  sp->pending = NULL;
  sp->failed = false;
  if (sp->on)
    speech_say (sp, speech_page (nv, NULL));
}

void
tui_speech_toggle (struct tui_speech *sp, struct nav *nv)
{
  if (!speech_available ())
    {
      nv->msg = _("pinav was built without speech");
      return;
    }
  sp->on = !sp->on;
  if (!sp->on)
    {
      tui_speech_end (sp);
      speech_stop ();
      /* TRANSLATORS: the bottom line after s turned speech off.  */
      nv->msg = _("Speech off.");
      return;
    }
  speech_say (sp, speech_page (nv, NULL));
  nv->msg = _("Reading aloud; any key stops.");
}

void
tui_speech_reset (struct tui_speech *sp, struct nav *nv)
{
  tui_speech_end (sp);
  speech_stop ();
  sp->on = sp->start;
  if (sp->on)
    speech_say (sp, speech_page (nv, NULL));
}

struct tui_speech_was
tui_speech_note (const struct nav *nv, bool typing)
{
  return (struct tui_speech_was) { nv->shown, nv->view.top, nv->view.sel,
                                   typing };
}

/* Whether action A moves the body by a screenful or to an end (Space
   does, where nothing can be marked).  */
static bool
speech_screenful (enum nav_action a)
{
  return a == NAV_PAGE_DOWN || a == NAV_PAGE_UP || a == NAV_TOP
         || a == NAV_BOTTOM || a == NAV_MARK;
}

void
tui_speech_echo (struct tui_speech *sp, struct nav *nv,
                 const struct tui_speech_was *was, enum nav_action a,
                 bool typing)
{
  if (!sp->on || typing || a == NAV_SPEAK)
    return;
  const struct page *pg = &nv->page;
  const char *lang = i18n_language ();
  long sel = nv->view.sel;
  char *text;
  if (a == NAV_REPEAT || (was->typing && a == NAV_NONE)
      || (nv->shown != was->shown && a != NAV_MARK))
    text = speech_page (nv, nv->msg);
  else if ((a == NAV_NEXT_MATCH || a == NAV_PREV_MATCH) && nv->hit >= 0
           && nv->msg == nv->msg_buf)
    /* "Match 2 of 5.", then the text that holds it.  */
    text = speech_part (pg, lang, nv->msg, false, nv->hits[nv->hit],
                        nv->hits[nv->hit] + 1);
  else if (speech_screenful (a) && nv->view.top != was->top)
    text = speech_part (pg, lang, nv->msg, false, nav_top_block (nv), pg->n);
  else if (sel >= 0 && sel != was->sel && (size_t) sel < nv->lo.n_sel)
    text = speech_part (pg, lang, plain_sel_text (pg, &nv->lo.sels[sel]),
                        false, 0, 0);
  else if (nv->msg && a != NAV_NONE)
    text = speech_part (pg, lang, nv->msg, false, 0, 0);
  else
    return;                     /* a line scrolled: nothing new to say */
  speech_say (sp, text);
  if (a == NAV_REPEAT)
    nv->msg = _("Reading aloud; any key stops.");
}

const char *
tui_speech_mark (const struct tui_speech *sp)
{
  /* TRANSLATORS: at the right of the title line while speech is on
     (every move is said); s turns it off.  Keep it short.  */
  return sp->on ? _("Speech on (s: off)") : NULL;
}
