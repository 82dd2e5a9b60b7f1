/* unit-nav.c - the navigator core (src/view/nav.c) without a terminal:
   a sequence of actions gives a location.  On the test pack, laid out
   for an 80x24 screen (22 body lines), as the TUI and plain mode with
   LINES=24 have it.  */
#include <config.h>

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "load.h"
#include "nav.h"
#include "packfile.h"
#include "packfmt.h"
#include "tap.h"

static const char *srcdir, *builddir;

/* F8 (issue 15): every free of the navigator's goes through here (the
   test is linked with -Wl,--wrap=free); while SECRET is set, a block
   freed with SECRET still in it is counted.  */
void __real_free (void *p);
void __wrap_free (void *p);
static const char *secret;
static int secret_left;

void
__wrap_free (void *p)
{
  if (p && secret)
    {
      size_t n = malloc_usable_size (p);
      if (memmem (p, n, secret, strlen (secret)))
        secret_left++;
    }
  __real_free (p);
}

/* Whether NV stands at LOC with SEL chosen, DEPTH places deep.  */
static bool
at (const struct nav *nv, const char *loc, long sel, size_t depth)
{
  bool ok = strcmp (nav_location (nv), loc) == 0 && nv->view.sel == sel
            && nv->n == depth;
  if (!ok)
    {
      char buf[256];
      printf ("# at %s\n", nav_describe (nv, buf, sizeof buf));
    }
  return ok;
}

static void
test_links (struct nav *nv)
{
  tap_ok (at (nv, "home", 0, 1), "start: home, its first link chosen");
  nav_do (nv, NAV_DOWN);
  tap_ok (at (nv, "home", 1, 1), "Down: the second link");
  nav_do (nv, NAV_UP);
  nav_do (nv, NAV_OPEN);
  tap_ok (at (nv, "coll:fruits", 0, 2), "Up, Enter: the first link opens");
  nav_do (nv, NAV_NEXT_LINK);
  nav_do (nv, NAV_BACK);
  tap_ok (at (nv, "home", 0, 1) && nv->msg == NULL,
          "Back: home as it was left");
  nav_do (nv, NAV_BACK);
  tap_ok (at (nv, "home", 0, 1) && nv->msg != NULL,
          "Back on the first page: nowhere, and it says so");
  nav_do (nv, NAV_PREV_LINK);
  tap_ok (at (nv, "home", 0, 1) && nv->msg != NULL,
          "Shift+Tab on the first link: stays, and says so");
  nav_do (nv, NAV_NEXT_LINK);
  nav_do (nv, NAV_NEXT_LINK);
  nav_do (nv, NAV_OPEN);
  tap_ok (at (nv, "docs", 0, 2), "Tab Tab Enter: the third link (docs)");
  nav_do (nv, NAV_OPEN);
  nav_do (nv, NAV_OPEN);
  nav_do (nv, NAV_HOME);
  tap_ok (at (nv, "home", 0, 1), "Home: the start, the history forgotten");
  nav_do (nv, NAV_BACK);
  tap_ok (nv->n == 1, "... so Back has nowhere to go");
  nav_do (nv, NAV_HELP);
  nav_do (nv, NAV_HELP);
  tap_ok (at (nv, "help", -1, 2), "? twice: the Keys page once");
  nav_do (nv, NAV_BACK);
}

static void
test_sections (struct nav *nv)
{
  nav_resize (nv, 80, 4);       /* a small screen: the page is long */
  nav_follow (nv, "doc:d1#more");
  long b = page_find_anchor (&nv->page, "more");
  long line = b < 0 ? -1 : layout_block_line (&nv->lo, (size_t) b);
  long end = (long) nv->lo.n - 4;
  tap_ok (line > 0 && nv->view.top == line,
          "a link to a section opens at its heading (line %ld, top %ld)",
          line, nv->view.top);
  nav_do (nv, NAV_TOP);
  tap_ok (nv->view.top == 0, "g: the top of the page");
  nav_do (nv, NAV_PAGE_DOWN);
  tap_ok (nv->view.top == 3 || (end < 3 && nv->view.top == end),
          "PgDn: down a screen less a line (top %ld)", nv->view.top);
  nav_do (nv, NAV_BOTTOM);
  tap_ok (end > 3 && nv->view.top == end,
          "G: the last screenful (top %ld of %zu lines)", nv->view.top,
          nv->lo.n);
  nav_do (nv, NAV_BOTTOM);
  tap_ok (nv->view.top == end && nv->msg != NULL,
          "G at the end: stays, and says so");
  nav_do (nv, NAV_PAGE_UP);
  tap_ok (nv->view.top == end - 3, "PgUp: up a screen less a line");
  nav_do (nv, NAV_TOP);
  nav_do (nv, NAV_PAGE_UP);
  tap_ok (nv->view.top == 0 && nv->msg != NULL,
          "PgUp at the top: stays, and says so");
  nav_resize (nv, 80, 22);
  nav_do (nv, NAV_HOME);
}

static void
test_search (struct nav *nv)
{
  nav_do (nv, NAV_DOWN);
  nav_search (nv, "apple");
  tap_ok (at (nv, "search:apple", 0, 2), "a search: its results page");
  nav_search (nv, "a");
  tap_ok (at (nv, "search:a", 0, 2), "another: in place of the first");
  nav_do (nv, NAV_NEXT_MATCH);
  tap_ok (at (nv, "search:a", 1, 2), "n on the results: the next result");
  nav_do (nv, NAV_OPEN);
  const char *second = nv->hist[1].location;
  tap_ok (strcmp (second, "search:a") == 0 && nv->n == 3,
          "Enter: the result opens");
  size_t hits = nv->n_hits, set_apart = 0;
  for (size_t i = 0; i < nv->page.n; i++)
    set_apart += nv->page.blocks[i].n_hl;
  tap_ok (hits > 1 && nv->hit == 0 && nv->msg == nv->msg_buf
          && nv->page.blocks[nv->hits[0]].n_hl > 0
          && nv->view.top == layout_hl_line (&nv->lo, nv->hits[0], 0),
          "the result opens at its first match, set apart, and says so "
          "(%s)", nv->msg ? nv->msg : "");
  tap_ok (set_apart == hits, "every match set apart is one n goes to "
          "(%zu, %zu)", set_apart, hits);
  bool lines_ok = true;
  for (size_t i = 1; i < hits; i++)
    {
      size_t j = 0;     /* the match's number in its block */
      while (j < i && nv->hits[i - j - 1] == nv->hits[i])
        j++;
      nav_do (nv, NAV_NEXT_MATCH);
      long line = layout_hl_line (&nv->lo, nv->hits[i], j);
      lines_ok = lines_ok && line >= 0
                 && (nv->view.top == line || nv->view.top
                     == (long) nv->lo.n - nv->view.rows);
    }
  tap_ok (nv->hit == (long) hits - 1 && nv->n == 3 && nv->hist[1].sel == 1
          && lines_ok,
          "n goes from match to match on the page, each at the top unless "
          "the page ends (%zu)", hits);
  nav_do (nv, NAV_NEXT_MATCH);
  tap_ok (nv->n == 3 && nv->hist[1].sel == 2,
          "n after the last match: the next result, in its place (%s)",
          nav_location (nv));
  nav_do (nv, NAV_PREV_MATCH);
  tap_ok (nv->n == 3 && nv->hist[1].sel == 1 && nv->hit == (long) hits - 1,
          "N from a result's first match: the one before, at its last");
  for (size_t i = 0; i < hits; i++)
    nav_do (nv, NAV_PREV_MATCH);
  nav_do (nv, NAV_PREV_MATCH);
  nav_do (nv, NAV_PREV_MATCH);
  tap_ok (nv->n == 3 && nv->hist[1].sel == 0 && nv->msg != NULL
          && strcmp (nav_location (nv), "search:a") != 0,
          "N back to the first result, and no further (it stays on it)");
  /* Back to a page opened from the results builds it again, with no
     current match: n and N go on from where the screen is.  */
  nav_do (nv, NAV_NEXT_MATCH);
  nav_do (nv, NAV_NEXT_MATCH);
  char *loc = strdup (nav_location (nv));
  long top = nv->view.top, above = -1;
  nav_follow (nv, "help");
  nav_do (nv, NAV_BACK);
  for (size_t i = 0; i < nv->n_hits; i++)
    {
      long line = layout_hl_line (&nv->lo, nv->hits[i], 0);
      if (line >= 0 && line < top)
        above = (long) i;
    }
  tap_ok (loc && strcmp (nav_location (nv), loc) == 0 && nv->view.top == top
          && nv->hit == -1 && above >= 0,
          "Back to a result's page: the same place, no current match");
  nav_do (nv, NAV_PREV_MATCH);
  tap_ok (loc && strcmp (nav_location (nv), loc) == 0 && nv->hit == above,
          "N then: the last match above the screen's top, on that page "
          "(%ld, %ld)", nv->hit, above);
  free (loc);
  nav_do (nv, NAV_BACK);
  nav_do (nv, NAV_BACK);
  tap_ok (at (nv, "home", 1, 1),
          "Back, Back: the page searched from, as it was left");
  nav_do (nv, NAV_SEARCH);
  tap_ok (at (nv, "search:", 0, 2), "/ opens the search page");
  nav_do (nv, NAV_SEARCH);
  tap_ok (at (nv, "search:", 0, 2), "/ on it stays (to type on)");
  nav_do (nv, NAV_HOME);
  nav_do (nv, NAV_NEXT_MATCH);
  tap_ok (strcmp (nav_location (nv), "search:a") == 0,
          "n elsewhere: the last search's results again");
  nav_follow (nv, "help");
  tap_ok (nv->n_hits == 0 && nv->view.top == 0,
          "help from a results page: not a result, nothing marked");
  nav_do (nv, NAV_BACK);
}

static void
test_reset (struct nav *nv, struct app *app)
{
  nav_follow (nv, "setlang:zh_CN");
  tap_ok (at (nv, "home", 0, 1) && strcmp (i18n_language (), "zh_CN") == 0,
          "a language link: Chinese, from the start screen");
  nav_do (nv, NAV_OPEN);
  nav_reset (nv);
  tap_ok (at (nv, "lang", 0, 1) && strcmp (i18n_language (), "en") == 0
          && nv->query == NULL,
          "the idle reset: the start location, the first language, the "
          "search forgotten");
  nav_do (nv, NAV_QUIT);
  tap_ok (nv->quit == false, "q in a kiosk: nothing");
  app->kiosk = false;
  nav_do (nv, NAV_QUIT);
  tap_ok (nv->quit == true, "q elsewhere: quit");
  for (int i = 0; i < NAV_MAX + 50; i++)
    nav_follow (nv, i % 2 ? "home" : "help");
  tap_ok (nv->n == NAV_MAX, "the history keeps the last %d places", NAV_MAX);
}

/* F8: after the idle reset, nothing freed holds what was searched for,
   and no place in memory the navigator still holds does either.  */
static void
test_wipe (struct nav *nv)
{
  nav_search (nv, "zqxsecret");
  nav_do (nv, NAV_HOME);
  nav_search (nv, "zqxsecret");
  nav_follow (nv, "help");
  secret = "zqxsecret";
  secret_left = 0;
  nav_reset (nv);
  secret = NULL;
  tap_ok (secret_left == 0 && nv->query == NULL,
          "F8: the idle reset frees no memory with the search still in it "
          "(%d blocks had it)", secret_left);
}

static void
test_resize (struct nav *nv)
{
  nav_do (nv, NAV_HOME);
  nav_do (nv, NAV_NEXT_LINK);
  nav_do (nv, NAV_NEXT_LINK);
  nav_resize (nv, 20, 4);
  tap_ok (at (nv, "home", 2, 1) && nv->width == 20 && nv->view.rows == 4,
          "a resize keeps the chosen link");
  nav_resize (nv, 80, 0);
  tap_ok (nv->view.rows == (long) nv->lo.n, "rows 0: the whole page");
}

/* Issue 16, point 4: marking two to four items of a comparison (on
   the bundled pack, whose cell sources are seven).  */
/* Whether the lines of NV's body made ready from the top all show
   TEXT, as links, and there are N of them.  */
static bool
list_shows (struct nav *nv, const char *text, size_t n)
{
  size_t k = 0;
  for (size_t i = 0; i < nv->lo.n && (long) i < nv->rows; i++)
    if (nv->lo.lines[i].style == LS_LINK)
      k += nv->lo.lines[i].text && strcmp (nv->lo.lines[i].text, text) == 0;
  return k == n;
}

/* A list in the full-screen navigator reads its items' names when
   their lines are shown (page.h): from an image of GOOD whose fruits
   record a longest name shorter than their names, each shows as a
   replacement character, and an item's page says that the list's part
   of the pack is damaged.  */
static void
test_lazy_names (const struct content_pack *good)
{
  size_t len;
  unsigned char *img = packfile_encode (good, 7, &len);
  if (!img)
    exit (99);
  /* COLL's first record (fruits): its longest name, its ninth word.  */
  unsigned char *rec = img + pf_get32 (img + PF_H_DIR + 8 * PF_COLL);
  struct content_pack *whole = packfile_decode (img, len, 7);
  pf_put32 (rec + 4 * 8, 1);
  struct content_pack *p = packfile_decode (img, len, 7);
  struct app app = { whole, 80, false, 0, "coll:fruits", "en", NULL };
  struct nav nv;
  nav_init (&nv, &app, VIEW_TUI, 80, 22);
  tap_ok (whole && list_shows (&nv, "Apple", 1)
          && list_shows (&nv, "Banana", 1), "a list from an image: its names read when shown");
  nav_free (&nv);
  app.pack = p;
  nav_init (&nv, &app, VIEW_TUI, 80, 22);
  tap_ok (p && list_shows (&nv, "\xEF\xBF\xBD", 2),
          "each name found bad when shown: a replacement character");
  nav_do (&nv, NAV_OPEN);
  tap_ok (strcmp (nav_location (&nv), "item:fruits/apple") == 0
          && nv.page.n == 1 && strstr (nv.page.blocks[0].text, "damaged"),
          "its item: the page says the list's part of the pack is damaged");
  nav_free (&nv);
  content_free (p);
  content_free (whole);
  free (img);
}

static void
test_marks (const struct content_pack *p)
{
  struct app app = { p, 80, false, 0, "pick:compare-cell-sources", "en",
                     NULL };
  struct nav nv;
  nav_init (&nv, &app, VIEW_TUI, 80, 22);
  tap_ok (at (&nv, "pick:compare-cell-sources", 0, 1),
          "the list to mark: its first item chosen");
  nav_do (&nv, NAV_MARK);
  tap_ok (at (&nv, "pick:compare-cell-sources/msc", 0, 1) && nv.msg,
          "Space marks it: in the location, in place, said so");
  nav_do (&nv, NAV_MARK);
  tap_ok (at (&nv, "pick:compare-cell-sources", 0, 1),
          "Space again unmarks it");
  for (int i = 0; i < 4; i++)
    {
      nav_do (&nv, NAV_MARK);
      nav_do (&nv, NAV_DOWN);
    }
  const char *four = "pick:compare-cell-sources/msc/bm-msc/adsc/"
                     "uc-msc";
  tap_ok (at (&nv, four, 4, 1), "four marked, in the list's order");
  nav_do (&nv, NAV_MARK);
  tap_ok (at (&nv, four, 4, 1) && nv.msg && strstr (nv.msg, "Four"),
          "a fifth is refused, and said so");
  nav_do (&nv, NAV_OPEN);
  tap_ok (strcmp (nav_location (&nv), "pair:compare-cell-sources/msc/"
                  "bm-msc/adsc/uc-msc") == 0 && nv.n == 2,
          "Enter: the four marked side by side");
  nav_do (&nv, NAV_BACK);
  tap_ok (at (&nv, four, 4, 1), "Back: the marks as they were");
  nav_do (&nv, NAV_BOTTOM);
  nav_choose (&nv, (long) nv.lo.n_sel - 1);
  nav_do (&nv, NAV_MARK);
  tap_ok (strcmp (nav_location (&nv), four) == 0 && nv.msg,
          "Space on a link that is no item: nothing marked, said so");
  nav_follow (&nv, "pick:compare-cell-sources/prp");
  nav_do (&nv, NAV_OPEN);           /* on the first, msc */
  tap_ok (strcmp (nav_location (&nv), "pair:compare-cell-sources/msc/prp")
          == 0, "one marked: Enter on another shows the two");
  nav_follow (&nv, "cmp:compare-cell-sources");
  long top = nv.view.top;
  nav_do (&nv, NAV_MARK);
  tap_ok (nv.view.top > top, "where nothing can be marked, Space pages down");
  nav_follow (&nv, "pick:compare-cell-sources/msc/msc");
  tap_ok (strcmp (nv.page.title, "Not found") == 0,
          "an item marked twice names nothing");
  nav_free (&nv);
}

int
main (void)
{
  char locale[4096], path[4096];
  struct diags d = { 0 };
  srcdir = getenv ("top_srcdir");
  builddir = getenv ("top_builddir");
  snprintf (locale, sizeof locale, "%s/locale", builddir ? builddir : ".");
  i18n_init (locale, "en");
  snprintf (path, sizeof path, "%s/tests/data/good", srcdir ? srcdir : ".");
  struct content_pack *p = load_pack (path, &d);
  diag_free (&d);
  tap_ok (p != NULL, "the test pack loads");
  if (!p)
    return tap_done ();
  struct app app = { p, 80, false, 0, "home", "en", NULL };
  struct nav nv;
  tap_ok (nav_init (&nv, &app, VIEW_TUI, 80, 22), "the navigator starts");
  test_links (&nv);
  test_sections (&nv);
  test_search (&nv);
  test_resize (&nv);
  nav_free (&nv);
  test_lazy_names (p);
  app.kiosk = true;
  app.start = "lang";
  nav_init (&nv, &app, VIEW_PLAIN, 80, 22);
  test_reset (&nv, &app);
  test_wipe (&nv);
  nav_free (&nv);
  content_free (p);
  snprintf (path, sizeof path, "%s/data", srcdir ? srcdir : ".");
  p = load_pack (path, &d);
  diag_free (&d);
  tap_ok (p != NULL, "the bundled pack loads");
  if (p)
    test_marks (p);
  content_free (p);
  return tap_done ();
}
