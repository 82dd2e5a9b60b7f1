/* nav.c - the navigator core: history, the page at the location, and
   the actions (searching and the search's matches: nav_search.c).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "nav_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"

/* --- The history.  */

bool
nav_hist_push (struct nav *nv, const char *location)
{
  char *s = strdup (location);
  if (!s)
    return false;
  if (nv->n == NAV_MAX)
    {
      free (nv->hist[0].location);
      memmove (nv->hist, nv->hist + 1, (NAV_MAX - 1) * sizeof *nv->hist);
      nv->n--;
    }
  nv->hist[nv->n++] = (struct nav_entry) { s, 0, -1 };
  return true;
}

/* Forget the history; where a patient went is overwritten first.  */
static void
hist_free (struct nav *nv)
{
  for (size_t i = 0; i < nv->n; i++)
    {
      explicit_bzero (nv->hist[i].location, strlen (nv->hist[i].location));
      free (nv->hist[i].location);
    }
  nv->n = 0;
}

/* Forget the last search's words, overwritten first.  */
void
nav_forget_query (struct nav *nv)
{
  if (nv->query)
    explicit_bzero (nv->query, strlen (nv->query));
  free (nv->query);
  nv->query = NULL;
}

static struct nav_entry *
hist_here (struct nav *nv)
{
  return &nv->hist[nv->n - 1];
}

const char *
nav_location (const struct nav *nv)
{
  return nv->n ? nv->hist[nv->n - 1].location : "";
}

/* --- The page at the location.  */

/* The body's height: the screen's, or the whole page.  */
static long
nav_rows (const struct nav *nv)
{
  if (nv->rows > 0)
    return nv->rows;
  return nv->lo.n ? (long) nv->lo.n : 1;
}

/* Lay the page out for WIDTH columns: lazily on a screen (nav_ready
   makes the lines shown), all of it for plain mode, which prints it.  */
static void
nav_lay_out (struct nav *nv, size_t width)
{
  if (nv->ctx.mode == VIEW_PLAIN)
    layout_page (&nv->lo, &nv->page, width ? width : 1);
  else
    layout_page_lazy (&nv->lo, &nv->page, width ? width : 1);
}

/* The lines on the screen made ready to be drawn: after every change
   of the page or of its place.  */
void
nav_ready (struct nav *nv)
{
  layout_ready (&nv->lo, nv->view.top, nav_rows (nv));
}

/* Build and lay out the page at the location.  */
static void
nav_build (struct nav *nv)
{
  layout_free (&nv->lo);
  page_free (&nv->page);
  view_build (&nv->page, &nv->ctx, nav_location (nv));
  nav_mark_hits (nv);
  nav_lay_out (nv, nv->width);
  nv->view.rows = nav_rows (nv);
  nv->shown++;
}

/* Show the location afresh: at the top, or at the heading that a
   doc:DOC#SECTION location names.  */
void
nav_show_new (struct nav *nv)
{
  const char *loc = nav_location (nv);
  const char *hash = strchr (loc, '#');
  long line = 0;
  nav_build (nv);
  if (hash && strncmp (loc, "doc:", 4) == 0)
    {
      long b = page_find_anchor (&nv->page, hash + 1);
      line = b < 0 ? 0 : layout_block_line (&nv->lo, (size_t) b);
    }
  layout_start (&nv->lo, &nv->view, line);
  nav_first_hit (nv, line);
}

/* Forget the history and stand at LOCATION.  */
static void
nav_restart (struct nav *nv, const char *location)
{
  hist_free (nv);
  if (nav_hist_push (nv, location))
    nav_show_new (nv);
  else
    nv->msg = _("Out of memory.");
}

/* The descriptor PINAV_TRACE_FD names (3 to 255), or -1.  */
static int
nav_trace_fd (void)
{
  const char *e = getenv ("PINAV_TRACE_FD");
  char *end;
  long fd = e && *e ? strtol (e, &end, 10) : -1;
  return e && *e && !*end && fd >= 3 && fd <= 255 ? (int) fd : -1;
}

bool
nav_init (struct nav *nv, const struct app *app, enum view_mode mode,
          size_t width, long rows)
{
  memset (nv, 0, sizeof *nv);
  nv->app = app;
  nv->ctx = (struct view_ctx) { app->pack, mode, app->kiosk, &nv->search };
  nv->width = width;
  nv->rows = rows;
  nv->trace_fd = nav_trace_fd ();
  page_init (&nv->page, "");
  nav_restart (nv, app->start ? app->start : "home");
  nav_ready (nv);
  nav_trace (nv);
  return nv->n > 0;
}

void
nav_free (struct nav *nv)
{
  hist_free (nv);
  layout_free (&nv->lo);
  page_free (&nv->page);
  view_search_free (&nv->search);
  view_words_forget ();
  nav_forget_query (nv);
}

/* --- Going places.  */

void
nav_follow (struct nav *nv, const char *target)
{
  if (strcmp (target, "quit") == 0)
    {
      nv->quit = !nv->app->kiosk;
      return;
    }
  if (strncmp (target, "setlang:", 8) == 0)
    {
      if (i18n_set_language (target + 8))
        nav_restart (nv, "home");
      else
        /* TRANSLATORS: the reader chose a language whose translation
           files are damaged (standard error says which).  */
        nv->msg = _("That language is not available: its translation "
                    "files are damaged.");
      return;
    }
  struct nav_entry *here = hist_here (nv);
  here->top = nv->view.top;
  here->sel = nv->view.sel;
  if (nav_hist_push (nv, target))
    nav_show_new (nv);
  else
    nv->msg = _("Out of memory.");
  nav_ready (nv);
}

/* Back, to the previous page as the reader left it.  */
void
nav_back (struct nav *nv)
{
  if (nv->n <= 1)
    {
      nv->msg = _("This is the first page.");
      return;
    }
  --nv->n;
  explicit_bzero (nv->hist[nv->n].location, strlen (nv->hist[nv->n].location));
  free (nv->hist[nv->n].location);
  struct nav_entry *here = hist_here (nv);
  nav_build (nv);
  nv->view.top = here->top;
  nv->view.sel = here->sel;
  layout_clamp (&nv->lo, &nv->view);
  layout_show_sel (&nv->lo, &nv->view);
}

void
nav_open (struct nav *nv)
{
  long s = nv->view.sel;
  const char *target = NULL;
  if (s >= 0 && (size_t) s < nv->lo.n_sel)
    {
      const struct psel *p = &nv->lo.sels[s];
      /* A list's link has its location made when it is opened.  */
      target = p->target || p->row >= 0
               ? p->target : view_link_target (&nv->page, p->block);
    }
  if (target)
    nav_follow (nv, target);
  else
    nv->msg = _("No link is chosen.");
}

bool
nav_choose (struct nav *nv, long sel)
{
  if (sel < 0 || (size_t) sel >= nv->lo.n_sel
      || layout_sel_first (&nv->lo, sel) < 0)
    return false;
  nv->view.sel = sel;
  layout_show_sel (&nv->lo, &nv->view);
  nav_ready (nv);
  return true;
}

/* Tab (DIR > 0) or Shift+Tab: the next or previous link with lines,
   wherever it is.  */
void
nav_step_link (struct nav *nv, int dir)
{
  long s = nv->view.sel;
  if (s < 0)
    s = dir > 0 ? -1 : (long) nv->lo.n_sel;
  for (s += dir; s >= 0 && (size_t) s < nv->lo.n_sel; s += dir)
    if (nav_choose (nv, s))
      return;
  nv->msg = nv->lo.n_sel ? (dir > 0 ? _("This is the last link.")
                                    : _("This is the first link."))
                         : _("This page has no links.");
}

/* --- Moving over the page.  */

static long
nav_screenful (const struct nav *nv)
{
  return nv->view.rows > 1 ? nv->view.rows - 1 : 1;
}

/* Scroll by N lines; say so when there was nowhere to go.  */
static void
nav_scroll (struct nav *nv, long n)
{
  long top = nv->view.top;
  layout_scroll (&nv->lo, &nv->view, n);
  if (nv->view.top == top && n)
    nv->msg = n > 0 ? _("This is the end of the page.")
                    : _("This is the top of the page.");
}

/* Down (DIR > 0) or Up.  */
static void
nav_move (struct nav *nv, int dir)
{
  long top = nv->view.top, sel = nv->view.sel;
  layout_move (&nv->lo, &nv->view, dir);
  if (nv->view.top == top && nv->view.sel == sel)
    nv->msg = dir > 0 ? _("This is the end of the page.")
                      : _("This is the top of the page.");
}

static void
nav_edge (struct nav *nv, bool bottom)
{
  if (bottom)
    nav_scroll (nv, (long) nv->lo.n);
  else
    layout_start (&nv->lo, &nv->view, 0);
}

/* --- Marking items to compare.  */

/* The block of the chosen place, when it is a link that can be
   marked; else NULL.  */
static const struct pblock *
nav_markable (const struct nav *nv)
{
  long s = nv->view.sel;
  if (s < 0 || (size_t) s >= nv->lo.n_sel || nv->lo.sels[s].row >= 0)
    return NULL;
  const struct pblock *b = &nv->page.blocks[nv->lo.sels[s].block];
  return b->kind == PB_LINK && b->mark ? b : NULL;
}

/* How many links of the page are marked, and whether any can be.  */
static size_t
nav_marks (const struct nav *nv, bool *any)
{
  size_t n = 0;
  *any = false;
  for (size_t i = 0; i < nv->page.n; i++)
    if (nv->page.blocks[i].mark)
      {
        *any = true;
        n += nv->page.blocks[i].marked;
      }
  return n;
}

/* Say how many items are marked, and what then.  */
static void
nav_say_marks (struct nav *nv, size_t n)
{
  if (n < 2)
    snprintf (nv->msg_buf, sizeof nv->msg_buf,
              /* TRANSLATORS: after an item is marked or unmarked, when
                 fewer than two are.  */
              ngettext ("%zu item marked: mark two to four to compare "
                        "them.", "%zu items marked: mark two to four to "
                        "compare them.", (unsigned long) n), n);
  else
    snprintf (nv->msg_buf, sizeof nv->msg_buf,
              nv->ctx.mode == VIEW_PLAIN
              /* TRANSLATORS: plain mode, two to four items marked.  */
              ? _("%zu items marked: “Compare the marked items” shows "
                  "them side by side.")
              /* TRANSLATORS: two to four items marked.  */
              : _("%zu items marked: Enter shows them side by side."), n);
  nv->msg = nv->msg_buf;
}

/* Space or x: turn the chosen item's mark over, in place (the marks
   are in the location, so Back comes back to them); where nothing can
   be marked, Space scrolls down a screen.  */
static void
nav_mark (struct nav *nv)
{
  const struct pblock *b = nav_markable (nv);
  bool any;
  if (!b)
    {
      nav_marks (nv, &any);
      if (any)
        nv->msg = _("Choose an item first, then mark it.");
      else
        nav_scroll (nv, nav_screenful (nv));
      return;
    }
  if (!*b->mark)
    {
      /* TRANSLATORS: a fifth item cannot be marked.  */
      nv->msg = _("Four items are marked, the most that fit side by "
                  "side: unmark one first.");
      return;
    }
  char *loc = strdup (b->mark);
  if (!loc)
    {
      nv->msg = _("Out of memory.");
      return;
    }
  struct nav_entry *here = hist_here (nv);
  explicit_bzero (here->location, strlen (here->location));
  free (here->location);
  here->location = loc;
  struct lay_view view = nv->view;
  nav_build (nv);
  nv->view.top = view.top;
  nv->view.sel = view.sel;
  layout_clamp (&nv->lo, &nv->view);
  layout_show_sel (&nv->lo, &nv->view);
  nav_say_marks (nv, nav_marks (nv, &any));
}

void
nav_do (struct nav *nv, enum nav_action a)
{
  nv->msg = NULL;
  switch (a)
    {
    case NAV_DOWN: nav_move (nv, 1); break;
    case NAV_UP: nav_move (nv, -1); break;
    case NAV_NEXT_LINK: nav_step_link (nv, 1); break;
    case NAV_PREV_LINK: nav_step_link (nv, -1); break;
    case NAV_MARK: nav_mark (nv); break;
    case NAV_PAGE_DOWN: nav_scroll (nv, nav_screenful (nv)); break;
    case NAV_PAGE_UP: nav_scroll (nv, -nav_screenful (nv)); break;
    case NAV_WHEEL_DOWN:        /* the wheel says nothing at the ends */
      layout_scroll (&nv->lo, &nv->view, NAV_WHEEL);
      break;
    case NAV_WHEEL_UP:
      layout_scroll (&nv->lo, &nv->view, -NAV_WHEEL);
      break;
    case NAV_TOP: nav_edge (nv, false); break;
    case NAV_BOTTOM: nav_edge (nv, true); break;
    case NAV_OPEN: nav_open (nv); break;
    case NAV_BACK: nav_back (nv); break;
    case NAV_HOME: nav_restart (nv, "home"); break;
    case NAV_HELP:
      if (strcmp (nav_location (nv), "help") != 0)
        nav_follow (nv, "help");
      break;
    case NAV_SEARCH:            /* on a results page: stay, to refine */
      if (!nav_is_search (nav_location (nv)))
        nav_search (nv, "");
      break;
    case NAV_NEXT_MATCH: nav_match (nv, 1); break;
    case NAV_PREV_MATCH: nav_match (nv, -1); break;
    case NAV_QUIT: nv->quit = !nv->app->kiosk; break;
    case NAV_NONE: case NAV_STAFF:
    case NAV_SPEAK:             /* the renderer speaks (nav_top_block) */
    case NAV_REPEAT: break;     /* the renderer shows it again */
    }
  nav_ready (nv);
}

/* --- The screen changes, the patient leaves.  */

void
nav_resize (struct nav *nv, size_t width, long rows)
{
  struct layout old = nv->lo;
  nv->width = width;
  nv->rows = rows;
  nav_lay_out (nv, width);
  nv->view.rows = nav_rows (nv);
  nv->view.top = layout_map_line (&old, nv->view.top, &nv->lo);
  layout_free (&old);
  if (nv->view.top > (long) nv->lo.n - nv->view.rows)
    nv->view.top = (long) nv->lo.n - nv->view.rows;     /* no wasted rows */
  layout_clamp (&nv->lo, &nv->view);
  layout_show_sel (&nv->lo, &nv->view);
  layout_settle (&nv->lo, &nv->view, 1);  /* none chosen: one may fit now */
  nav_ready (nv);
}

void
nav_reset (struct nav *nv)
{
  nav_reset_pack (nv, nv->ctx.pack);
}

void
nav_reset_pack (struct nav *nv, const struct content_pack *pack)
{
  nav_forget_query (nv);
  layout_wipe (&nv->lo);
  page_wipe (&nv->page);
  if (pack != nv->ctx.pack)
    {
      view_search_free (&nv->search);   /* built again at the next search */
      nv->ctx.pack = pack;
    }
  nv->view = (struct lay_view) { 0, 0, -1 };
  if (nv->app->lang)
    i18n_set_language (nv->app->lang);
  nav_restart (nv, nv->app->start ? nv->app->start : "home");
  nav_ready (nv);
  nv->msg = NULL;
}

const char *
nav_describe (const struct nav *nv, char *buf, size_t size)
{
  snprintf (buf, size, "%s top=%ld sel=%ld depth=%zu", nav_location (nv),
            nv->view.top, nv->view.sel, nv->n);
  return buf;
}

void
nav_trace (const struct nav *nv)
{
  char buf[512];
  if (nv->trace_fd < 0)
    return;
  size_t n = strlen (nav_describe (nv, buf, sizeof buf - 1));
  buf[n++] = '\n';
  if (write (nv->trace_fd, buf, n) < 0)
    return;                     /* a test's concern, not the reader's */
}

size_t
nav_top_block (const struct nav *nv)
{
  long top = nv->view.top;
  return top >= 0 && (size_t) top < nv->lo.n ? nv->lo.lines[top].block : 0;
}
