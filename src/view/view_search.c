/* view_search.c - the search results page, search:QUERY.
   Each result is one link, "Name (where) — ...text around the match...",
   with the match's bytes set apart in the block (page_set_hl; the TUI
   reverses them).  Plain mode prints the match between stars, *like
   this*, which a screen reader says and a braille display shows.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "view.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "search.h"
#include "search_mark.h"
#include "text.h"

void
view_search_free (struct view_search *vs)
{
  if (vs && !vs->given)
    search_index_free (vs->ix);
  if (vs)
    vs->ix = NULL;
}

/* The index for a search page of CTX: its kept one (built now if need
   be), or (*OWN) one built for this page alone; in English and LANG.  */
static struct search_index *
search_index_for (const struct view_ctx *ctx, const char *lang, bool *own)
{
  *own = ctx->search == NULL;
  if (*own)
    return search_index_build (ctx->pack, lang);
  if (!ctx->search->ix)
    ctx->search->ix = search_index_build (ctx->pack, lang);
  return ctx->search->ix;
}

/* Where the snippet goes in a composed link text.  */
#define SLOT "\001"

/* The columns of the query shown in the title and messages.  */
#define QUERY_COLS 40

/* The columns of the text around a result's match.  */
#define SNIPPET_COLS 60

/* FMT with its arguments, one of them SLOT, which is replaced by SNIP;
   *AT is where SNIP starts.  @retval malloc'd text, or NULL.  */
static char * __attribute__ ((format (printf, 3, 4)))
splice (const char *snip, size_t *at, const char *fmt, ...)
{
  va_list ap;
  char *s = NULL, *out = NULL;
  va_start (ap, fmt);
  int n = vasprintf (&s, fmt, ap);
  va_end (ap);
  if (n < 0)
    return NULL;
  char *slot = strchr (s, SLOT[0]);
  *at = slot ? (size_t) (slot - s) : strlen (s);
  if (asprintf (&out, "%.*s%s%s", (int) *at, s, slot ? snip : "",
                slot ? slot + 1 : "") < 0)
    out = NULL;
  free (s);
  return out;
}

/* The link text of R, and where its match is.  */
static char *
result_text (const struct search_result *r, size_t *hl)
{
  /* The match's bytes are set apart in the block (hl); plain mode
     puts stars around them when it prints the page (plain.c).  */
  size_t at = 0, shl = r->in_title ? r->title_hl : r->hl_start;
  char *snip = strdup (r->in_title ? r->title : r->snippet);
  char *head = NULL, *text = NULL;
  if (!snip)
    return NULL;
  if (r->in_title)
    /* TRANSLATORS: a search result: a page's name, then what it belongs
       to (an item's list, a section's document).  */
    text = r->context ? splice (snip, &at, _("%s (%s)"), SLOT, r->context)
                      : splice (snip, &at, "%s", SLOT);
  else
    {
      size_t ignored;
      head = r->context ? splice (r->title, &ignored, _("%s (%s)"), SLOT,
                                  r->context)
                        : strdup (r->title);
      /* TRANSLATORS: a search result: the page it leads to, then the
         words around the match.  */
      text = head ? splice (snip, &at, _("%s — %s"), head, SLOT) : NULL;
    }
  *hl = at + shl;
  free (head);
  free (snip);
  return text;
}

static void
search_results (struct page *pg,
                const struct search_result *res, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      size_t hl;
      char *text = result_text (&res[i], &hl);
      struct pblock *b = text ? page_link (pg, text, res[i].target) : NULL;
      if (b && res[i].hl_len)
        page_set_hl (pg, b, &(struct prange) { hl, res[i].hl_len }, 1);
      if (!text)
        pg->ok = false;
      free (text);
    }
}

/* QUERY (LEN bytes) cut to QUERY_COLS columns, in PG's arena.  */
static const char *
shown_query (struct page *pg, const char *query, size_t len)
{
  char buf[QUERY_COLS * 4 + 8];
  size_t n = text_fit (query, len, QUERY_COLS);
  if (n > QUERY_COLS * 4)
    n = 0;
  snprintf (buf, sizeof buf, "%.*s%s", (int) n, query, n < len ? "..." : "");
  return page_strdup (pg, buf);
}

/* "“A”, “B” and “C”": the N PARTS, quoted, in a list.  */
static char *
quoted_list (const char *const *parts, size_t n)
{
  char *out = NULL;
  for (size_t i = 0; i < n; i++)
    {
      char *next = NULL;
      int r = i == 0
              /* TRANSLATORS: the first word of a list, quoted.  */
              ? asprintf (&next, _("“%s”"), parts[i])
              : i + 1 < n
              /* TRANSLATORS: a list, then one more word of it, quoted;
                 in Chinese “%s”、“%s”.  */
              ? asprintf (&next, _("%s, “%s”"), out, parts[i])
              /* TRANSLATORS: a list, then its last word, quoted.  */
              : asprintf (&next, _("%s and “%s”"), out, parts[i]);
      free (out);
      out = r < 0 ? NULL : next;
      if (!out)
        break;
    }
  return out;
}

/* When IX split a word of the last query into parts, say so.  */
static void
search_split_note (struct page *pg, const struct search_index *ix)
{
  const char *whole, *parts[16];
  size_t n = search_split (ix, &whole, parts, 16);
  char *list = n ? quoted_list (parts, n < 16 ? n : 16) : NULL;
  if (list)
    /* TRANSLATORS: a search for a Chinese word found nothing as the
       word was typed, so it was cut into the terms and characters it
       is made of; the first %s is the word, the second the list of
       its parts ("“A” and “B”").  */
    page_addf (pg, PB_NOTE, _("No page has “%s” as written; showing pages "
                              "with %s."), whole, list);
  free (list);
}

static void
search_none (struct page *pg, const char *shown, const char *why)
{
  if (why)
    page_add (pg, PB_PARA, why);
  else
    /* TRANSLATORS: %s is what the reader searched for.  */
    page_addf (pg, PB_PARA, _("No results for “%s”."), shown);
  page_link (pg, _("Home"), "home");
}

static bool
search_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  size_t len;
  const char *q = search_trim (arg, &len);
  const char *shown = shown_query (pg, q, len);
  char *title = NULL;
  /* TRANSLATORS: the search results page's title; %s is what the
     reader searched for.  */
  if (len == 0)
    page_title (pg, _("Search"));
  else if (asprintf (&title, _("Search: %s"), shown) >= 0)
    page_title (pg, title);
  free (title);
  if (len == 0)
    {
      search_none (pg, shown, ctx->mode == VIEW_PLAIN
                   /* TRANSLATORS: keep "/" as it is; in place of "knee",
                      give a word that the content in your language holds,
                      so that the example finds something (tests/terms.sh).  */
                   ? _("Type / and a word, then Enter; for example: /knee")
                   : _("Press / and type a word; the results follow as "
                       "you type."));
      return true;
    }
  if (!search_query_valid (arg))
    {
      search_none (pg, shown, _("These characters cannot be read as text. "
                                "Please type the words again."));
      return true;
    }
  /* The language the page is built in, that of C_ and _().  */
  const char *lang = i18n_language ();
  bool own;
  struct search_index *ix = search_index_for (ctx, lang, &own);
  struct search_result *res = malloc (SEARCH_MAX_RESULTS * sizeof *res);
  size_t total = ix && res ? search_query (ix, lang, arg, SNIPPET_COLS, res,
                                           SEARCH_MAX_RESULTS)
                           : 0;
  size_t n = total < SEARCH_MAX_RESULTS ? total : SEARCH_MAX_RESULTS;
  if (total == 0)
    search_none (pg, shown, ix && res ? NULL : _("Out of memory."));
  else
    {
      search_split_note (pg, ix);
      if (search_more (ix))
        /* TRANSLATORS: the search stopped once its first %zu results
           were certain (the best ones, in their order); there are
           more, not counted.  */
        page_addf (pg, PB_PARA, ngettext ("More than %zu result",
                                          "More than %zu results", n), n);
      else
        page_addf (pg, PB_PARA, ngettext ("%zu result", "%zu results",
                                          total), total);
      if (n < total)
        page_addf (pg, PB_NOTE, _("The first %zu are shown."), n);
      search_results (pg, res, n);
    }
  free (res);
  if (own)
    search_index_free (ix);
  return true;
}

size_t
view_search_mark (struct page *pg, const struct view_ctx *ctx,
                  const char *query, size_t *blocks, size_t max)
{
  struct search_index *ix = ctx->search ? ctx->search->ix : NULL;
  struct search_words *w = search_words_new (ix, i18n_language (), query);
  struct prange r[PAGE_MAX_HL];
  size_t n = 0;
  page_ready (pg);              /* a list's names: every one is searched */
  for (size_t i = 0; w && i < pg->n && n < max; i++)
    {
      struct pblock *b = &pg->blocks[i];
      size_t room = max - n < PAGE_MAX_HL ? max - n : PAGE_MAX_HL;
      size_t k = b->kind != PB_TABLE && b->text && !b->n_hl
                 ? search_words_find_all (w, b->text, r, room) : 0;
      /* Every match set apart is one that n and N go to.  */
      for (k = k ? page_set_hl (pg, b, r, k) : 0; k; k--)
        blocks[n++] = i;
    }
  /* Laid out alike in both modes, so that both are at the same lines
     (tests/walk.sh); plain mode prints no margin: its stars mark.  */
  pg->hl_marks = n > 0;
  search_words_free (w);
  return n;
}

const struct view_ops view_search_ops = { "search:", search_build };
