/* app.c - what both front ends do alike at an idle reset.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "app.h"

#include <stdlib.h>

#include "i18n.h"
#include "journal.h"
#include "nav.h"

void
app_idle_reset (struct app *app, struct nav *nv)
{
  struct content_pack *fresh = NULL;
  char *what = NULL;
  /* The loader's messages in the language the reset goes back to.  */
  if (app->lang)
    i18n_set_language (app->lang);
  enum app_reload r = app->reload ? app->reload (app->source, &fresh, &what)
                                  : APP_PACK_SAME;
  /* TRANSLATORS: the journal, when the idle time ran out and the
     kiosk started again for the next patient.  */
  journal_kiosk (N_("idle reset"));
  if (r == APP_PACK_RELOADED)
    {
      const struct content_pack *old = app->pack;
      app->pack = fresh;
      nav_reset_pack (nv, fresh);
      content_free ((struct content_pack *) old);       /* APP's own */
      /* TRANSLATORS: the journal; %s says which files changed
         ("changed: d003.yaml; added: d005.yaml").  */
      journal_kiosk (N_("content pack reloaded (%s)"), what ? what : "?");
    }
  else
    {
      nav_reset (nv);
      if (r == APP_PACK_REFUSED)
        /* TRANSLATORS: the journal; %s is the first problem found in
           the new pack, as FILE:LINE:COLUMN: message.  */
        journal_kiosk (N_("content pack refused, the one in use is kept: "
                          "%s"), what ? what : "?");
    }
  free (what);
}
