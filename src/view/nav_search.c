/* nav_search.c - the navigator's search: the words searched for, the
   results page, and on a page opened from it, the matches of its words
   (set apart on the page) that n and N go through before they go on to
   the next result.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "nav_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

bool
nav_is_search (const char *location)
{
  return strncmp (location, "search:", 7) == 0;
}

/* Whether LOCATION is of a kind a search result leads to (not help,
   not the language screen).  */
static bool
is_result (const char *location)
{
  static const char *const kinds[] = { "item:", "doc:", "coll:", "cmp:",
                                       "about" };
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (strncmp (location, kinds[i], strlen (kinds[i])) == 0)
      return true;
  return false;
}

/* On a page opened from search results, set its matches apart.  */
void
nav_mark_hits (struct nav *nv)
{
  nv->n_hits = 0;
  nv->hit = -1;
  if (nv->n > 1 && nav_is_search (nv->hist[nv->n - 2].location)
      && is_result (nav_location (nv)))
    nv->n_hits = view_search_mark (&nv->page, &nv->ctx,
                                   nv->hist[nv->n - 2].location + 7,
                                   nv->hits, NAV_MAX_HITS);
}

size_t
nav_hit_in_block (const struct nav *nv, size_t k)
{
  size_t first = k;     /* its block's first match */
  while (first > 0 && nv->hits[first - 1] == nv->hits[k])
    first--;
  return k - first;
}

/* The first line that shows match K of the page's matches (its
   block's, when no line does).  */
static long
nav_hit_line (const struct nav *nv, size_t k)
{
  long line = layout_hl_line (&nv->lo, nv->hits[k],
                              nav_hit_in_block (nv, k));
  return line >= 0 ? line : layout_block_line (&nv->lo, nv->hits[k]);
}

/* Show match K of the page's matches at the top of the body, and say
   which it is.  */
static void
nav_show_hit (struct nav *nv, long k)
{
  nv->hit = k;
  nv->view.top = nav_hit_line (nv, (size_t) k);
  nv->view.sel = -1;
  layout_clamp (&nv->lo, &nv->view);
  /* TRANSLATORS: on a page opened from search results, where the
     reader is among the places its words are found; n and N go on.  */
  snprintf (nv->msg_buf, sizeof nv->msg_buf, _("Match %ld of %zu."), k + 1,
            nv->n_hits);
  nv->msg = nv->msg_buf;
}

/* A page with matches opens at the first at or after LINE (a section's
   heading), else at the first.  */
void
nav_first_hit (struct nav *nv, long line)
{
  long k = 0;
  for (size_t i = 0; i < nv->n_hits; i++)
    if (nav_hit_line (nv, i) >= line)
      {
        k = (long) i;
        break;
      }
  if (nv->n_hits)
    nav_show_hit (nv, k);
}

void
nav_search (struct nav *nv, const char *words)
{
  char *loc = NULL;
  if (asprintf (&loc, "search:%s", words) < 0)
    {
      nv->msg = _("Out of memory.");
      return;
    }
  if (words[strspn (words, " ")])
    {
      char *q = strdup (words);
      if (q)
        {
          nav_forget_query (nv);
          nv->query = q;
        }
    }
  if (nv->n > 1 && nav_is_search (nav_location (nv)))
    {
      /* In place of the results shown: the page before keeps the
         state it was left in.  */
      --nv->n;
      explicit_bzero (nv->hist[nv->n].location,
                      strlen (nv->hist[nv->n].location));
      free (nv->hist[nv->n].location);
      if (nav_hist_push (nv, loc))
        nav_show_new (nv);
    }
  else
    nav_follow (nv, loc);
  free (loc);
  nav_ready (nv);
}

/* With no current match (the page was built again: Back to it, a
   mark), the match n (DIR > 0) goes to: the first below the top line
   of the screen, which the reader sees; or N: the last above it.
   @retval its index, or -1: none that way.  */
static long
nav_hit_near (const struct nav *nv, int dir)
{
  long k = 0, n = (long) nv->n_hits, top = nv->view.top;
  while (k < n && nav_hit_line (nv, (size_t) k) < top + (dir > 0))
    k++;
  return dir > 0 ? (k < n ? k : -1) : k - 1;
}

/* n (DIR > 0) or N: on a results page, choose the next or previous
   result; on a page opened from one, open the next or previous result
   in its place; elsewhere, show the last search's results again.  */
void
nav_match (struct nav *nv, int dir)
{
  if (nav_is_search (nav_location (nv)))
    {
      nav_step_link (nv, dir);
      return;
    }
  /* The page's own matches first, then the next result.  */
  long k = nv->hit >= 0 ? nv->hit + dir : nav_hit_near (nv, dir);
  if (nv->n_hits && k >= 0 && k < (long) nv->n_hits)
    {
      nav_show_hit (nv, k);
      return;
    }
  if (nv->n > 1 && nav_is_search (nv->hist[nv->n - 2].location))
    {
      long was = nv->hist[nv->n - 2].sel, hit = nv->hit;
      struct lay_view view = nv->view;
      nav_back (nv);
      if (nav_choose (nv, was + dir))
        {
          nav_open (nv);
          if (dir < 0 && nv->n_hits)    /* N: its last match */
            nav_show_hit (nv, (long) nv->n_hits - 1);
        }
      else if (nav_choose (nv, was))
        {
          nav_open (nv);        /* no other: the same, as it was */
          nv->view = view;
          nv->hit = hit < (long) nv->n_hits ? hit : -1;
          layout_clamp (&nv->lo, &nv->view);
          nv->msg = dir > 0 ? _("This was the last result.")
                            : _("This was the first result.");
        }
      return;
    }
  if (nv->query)
    {
      char *q = strdup (nv->query);
      if (q)
        nav_search (nv, q);
      free (q);
    }
  else
    nv->msg = _("Nothing has been searched for yet.");
}
