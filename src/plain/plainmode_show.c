/* plainmode_show.c - what plain mode prints: the page at the
   navigator's location, a long one in parts, its numbered choices, the
   prompt with the commands, and after each command, what changed.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "plainmode_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "keys.h"
#include "plain.h"

/* Say TEXT on a line of its own, wrapped.  */
void
session_say (struct session *s, const char *text)
{
  plain_wrapped (s->out, "", text, s->app->width);
}

/* The commands the prompt names, from the key table, joined.  */
static char *
session_commands (bool kiosk)
{
  size_t n;
  const struct key_row *t = keys_table (&n);
  char *list = NULL;
  for (size_t i = 0; i < n; i++)
    if (t[i].plain_hint && keys_allowed (&t[i], kiosk))
      {
        char *more = NULL;
        /* TRANSLATORS: between two commands in plain mode's prompt.  */
        if (asprintf (&more, "%s%s%s", list ? list : "", list ? _(", ") : "",
                      _(t[i].plain_hint)) < 0)
          more = NULL;
        free (list);
        list = more;
        if (!list)
          return NULL;
      }
  return list;
}

void
session_prompt (struct session *s)
{
  char *text = NULL, *cmds;
  size_t n = s->nav.lo.n_sel;
  if (s->nav.page.keys_hint)
    {
      session_say (s, s->nav.page.keys_hint);
      fflush (s->out);
      return;
    }
  cmds = session_commands (s->app->kiosk);
  if (!cmds)
    return;
  /* TRANSLATORS: plain mode's prompt; %zu is the highest number, %s
     the list of commands ("l back, t home, ...").  */
  if (n ? asprintf (&text, _("Type a number from 1 to %zu and Enter; %s."),
                    n, cmds) < 0
        /* TRANSLATORS: plain mode's prompt on a page without links; %s
           is the list of commands.  */
        : asprintf (&text, _("Type %s."), cmds) < 0)
    text = NULL;
  if (text)
    session_say (s, text);
  free (text);
  free (cmds);
  fflush (s->out);
}

/* The blocks [*FROM, *TO) whose first line the screen at the
   navigator's location shows (a block begun above it was printed with
   the part before); the block at the top if none begins there.  */
static void
session_part_blocks (const struct nav *nv, size_t *from, size_t *to)
{
  size_t n = nv->lo.n, top = nv->view.top > 0 ? (size_t) nv->view.top : 0;
  size_t end = nv->rows > 0 ? top + (size_t) nv->rows : n;
  const struct lay_line *l = nv->lo.lines;
  *from = top < n ? l[top].block : 0;
  /* A block's blank line before it (a heading's gap) is not its text:
     a block whose only line above is that blank begins here.  */
  if (top > 0 && top < n && l[top - 1].block == *from
      && l[top - 1].style != LS_BLANK
      && end < n && l[end].block != *from)
    ++*from;                    /* printed with the part above */
  *to = end < n ? l[end].block : nv->page.n;
  if (end < n && end > 0 && l[end - 1].block == *to
      && l[end - 1].style != LS_BLANK)
    ++*to;                      /* the block that goes on below */
  if (*to <= *from)
    *to = *from + 1;
}

/* Which part of the page the screen at the navigator's location is,
   from 0, and how many parts the page has.  */
static void
session_part_number (const struct nav *nv, size_t *part, size_t *parts)
{
  size_t rows = nv->rows > 0 ? (size_t) nv->rows : 0, n = nv->lo.n;
  size_t top = nv->view.top > 0 ? (size_t) nv->view.top : 0;
  *parts = rows && n > rows ? (n + rows - 1) / rows : 1;
  *part = rows ? (top + rows - 1) / rows : 0;
  if (*part >= *parts)
    *part = *parts - 1;
}

/* Print the part of the page at the navigator's location: the page
   from its top, or from the section a link opened (OPENED), or the
   screenful the navigator scrolled to; for a page of several parts,
   which one it is and how to get to the others.  */
static void
session_part (struct session *s, bool opened)
{
  const struct nav *nv = &s->nav;
  size_t from, to, part, parts;
  char *text = NULL;
  session_part_blocks (nv, &from, &to);
  session_part_number (nv, &part, &parts);
  s->part_top = nv->view.top;
  fputc ('\n', s->out);
  if (opened || nv->view.top <= 0)
    plain_render_head (s->out, &nv->page, s->app->width,
                       nv->view.top > 0 ? from : 0);
  /* TRANSLATORS: plain mode, at the top of a long page's second part
     and after: the page's title, the part, the parts.  */
  else if (asprintf (&text, _("%s, page %zu of %zu:"), nv->page.title,
                     part + 1, parts) >= 0)
    session_say (s, text);
  free (text);
  text = NULL;
  plain_render_blocks (s->out, &nv->page, s->app->width, true, from,
                       parts > 1 ? to : nv->page.n);
  fputc ('\n', s->out);
  /* TRANSLATORS: plain mode, at the end of each part of a long page;
     keep f, b and r: they are the commands.  */
  if (parts > 1 && asprintf (&text, _("Page %zu of %zu. f: the next page; "
                                      "b: the previous page; r: this page "
                                      "again."), part + 1, parts) >= 0)
    session_say (s, text);
  free (text);
}

/* Print the page at the location (its part there) and the prompt.  */
void
session_show (struct session *s)
{
  s->shown = s->nav.shown;
  session_part (s, true);
  session_prompt (s);
}

/* Print only the numbered choices again.  */
void
session_menu (struct session *s)
{
  const struct nav *nv = &s->nav;
  for (size_t i = 0; i < nv->lo.n_sel; i++)
    {
      char mark[32];
      snprintf (mark, sizeof mark, "[%zu] ", i + 1);
      plain_wrapped (s->out, mark, plain_sel_text (&nv->page, &nv->lo.sels[i]),
                     s->app->width);
    }
  session_prompt (s);
}

/* After an action: the new page, or what the navigator said, or the
   link now chosen.  */
void
session_answer (struct session *s, bool repeat)
{
  const struct nav *nv = &s->nav;
  nav_trace (nv);
  if (nv->shown != s->shown)
    {
      if (nv->msg)
        session_say (s, nv->msg);
      session_show (s);
      return;
    }
  if (repeat || (nv->view.top != s->part_top && !nv->msg))
    {
      session_part (s, false);
      session_prompt (s);
      return;
    }
  if (nv->msg)
    session_say (s, nv->msg);
  if (nv->msg && nv->msg == nv->msg_buf && nv->hit >= 0)
    /* "Match 2 of 5.", then the text that holds it, with that match
       alone between stars (issue 16).  */
    plain_render_match (s->out, &nv->page, s->app->width,
                        nv->hits[nv->hit],
                        nav_hit_in_block (nv, (size_t) nv->hit));
  else if (nv->msg)
    ;
  else if (nv->view.sel >= 0)
    {
      char mark[32];
      snprintf (mark, sizeof mark, "[%ld] ", nv->view.sel + 1);
      /* TRANSLATORS: plain mode, after a move: the link now chosen
         follows ("[3] Osteoporosis"); "o" opens it.  */
      session_say (s, _("Chosen (o opens it):"));
      plain_wrapped (s->out, mark,
                     plain_sel_text (&nv->page, &nv->lo.sels[nv->view.sel]),
                     s->app->width);
    }
  session_prompt (s);
}

/* After a link was opened: the home menu's Search (the search page,
   with no words yet) asks for the words at once, as the full-screen
   navigator's does (issue 16); any other page is shown.  ("/" alone
   still shows the search page, which says how to search.)  */
void
session_opened (struct session *s, bool repeat)
{
  if (strcmp (nav_location (&s->nav), "search:") != 0
      || s->nav.shown == s->shown)
    {
      session_answer (s, repeat);
      return;
    }
  nav_trace (&s->nav);
  s->asking = true;
  /* TRANSLATORS: plain mode, after the home menu's Search was chosen:
     the words typed after it, then Enter, are searched for.  */
  fputs (_("Search for: "), s->out);
  fflush (s->out);
}
