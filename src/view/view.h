/* view.h - views turn a location into a page.
   A location is a short string:
     home                    the start screen
     coll:COLL               a collection's items
     item:COLL/ITEM          one item
     cmp:CMP                 a comparison table
     pick:CMP[/A...]         mark two to four items of a comparison
                             (A... the marked ones, up to four)
     pair:CMP/A/B[/C[/D]]    two to four items side by side
     docs                    the source documents
     doc:DOC[#SECTION]       a document (scrolled to SECTION)
     sec:DOC#SECTION         one section alone
     about                   the disclaimer, reviewed date and sources
     lang                    the language picker
     help                    the keys
     idle:N                  the idle warning, N seconds before the reset
     search:QUERY            full-text search results (search.h)
   and two actions that front ends carry out: setlang:LL and quit.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_VIEW_H
#define PINAV_VIEW_H

#include <stdbool.h>

#include "content.h"
#include "page.h"

enum view_mode { VIEW_TUI, VIEW_PLAIN };

#define VIEW_CMP_MAX_ITEMS 4    /* items compared side by side at most */
#define VIEW_CMP_MIN_WIDTH 16   /* a side-by-side column narrower than
                                   this is hard to read: cards instead */

struct search_index;

/* The search index of a pack, built at the first search (so that
   nothing is indexed before the first paint) and kept for the next.  */
struct view_search
{
  struct search_index *ix;      /* NULL until the first search */
  bool given;                   /* IX is the caller's: never freed here */
};

struct view_ctx
{
  const struct content_pack *pack;
  enum view_mode mode;
  bool kiosk;                   /* no way out: no quit key to offer */
  struct view_search *search;   /* NULL: each results page indexes the
                                   pack for itself */
};

/* One kind of view (tig's struct view_ops, reduced to what we need).  */
struct view_ops
{
  const char *prefix;           /* "item:", "home", ... */
  /* Fill PG for ARG (the location after the prefix).
     @retval false when ARG names nothing.  */
  bool (*build) (struct page *pg, const struct view_ctx *ctx,
                 const char *arg);
};

/** view_build - build the page for LOCATION into PG (initialised here).
   An unknown location gives a "not found" page.
   @retval false when LOCATION named nothing.  */
bool view_build (struct page *pg, const struct view_ctx *ctx,
                 const char *location);

/** view_is_action - true when LOCATION is an action (setlang:, quit)
   rather than a page.  */
bool view_is_action (const char *location);

/* The views, defined in view_*.c.  */
extern const struct view_ops view_home_ops, view_about_ops, view_lang_ops,
  view_help_ops, view_idle_ops, view_docs_ops, view_doc_ops, view_coll_ops,
  view_item_ops, view_cmp_ops, view_pick_ops, view_pair_ops, view_sec_ops,
  view_search_ops;

/** view_words_forget - forget the words of the pack last shown, which
   lines keep whole (text_words.h): before the pack is freed, so that
   another pack, perhaps at the same address, gets its own.  */
void view_words_forget (void);

/** view_search_free - free the index VS built (not one it was given).  */
void view_search_free (struct view_search *vs);

/** view_search_mark - on PG, a page opened from the results of QUERY,
   set apart (page_set_hl) every match of QUERY's words in each block
   of text, as the search found them (CTX's kept index; none before the
   first search): at most PAGE_MAX_HL in a block and MAX on the page,
   in page order, and for each the index of its block in BLOCKS (a
   block with three matches: three times).  The lines that hold a
   match are to be marked too (PG->hl_marks).
   @retval the number of matches set apart.  */
size_t view_search_mark (struct page *pg, const struct view_ctx *ctx,
                         const char *query, size_t *blocks, size_t max);

/** view_link_target - where link block BLOCK of PG leads: its target,
   or, for an item's link of a collection's list in the full-screen
   navigator (VIEW_TUI), which is built without one (NULL) and without
   its name so that a list of a thousand opens faster, its location
   made now (in PG's arena); NULL when none.  */
const char *view_link_target (struct page *pg, size_t block);

/** view_item_location - "item:COLL/ITEM" for IT, in PG's arena.  */
const char *view_item_location (struct page *pg,
                                const struct content_item *it);

/** view_doc_number - how D is named to a reader: "003" for d003, as
   in "Document 003" (its id when it is not of that form).  */
const char *view_doc_number (const struct content_document *d);

/** view_doc_mentions - add a link to each document that TEXT (the
   pack's own English, before translation) names as "Document 003" or
   "Documents 000 and 002", but those claim CL (or NULL) cites and those
   the page already links to.  */
void view_doc_mentions (struct page *pg, const struct view_ctx *ctx,
                        const char *text, const struct content_claim *cl);

/** view_doc_link - add a link to document D, "Document 003: TITLE".  */
void view_doc_link (struct page *pg, const struct content_document *d);

/** view_cite_link - add a link to the section a citation names.  */
void view_cite_link (struct page *pg, const struct content_cite *c);

/** view_value_text - the display text of value V of attribute A (refs
   become item names), or NULL when unset; in PG's arena.  */
const char *view_value_text (struct page *pg, const struct view_ctx *ctx,
                             const struct content_attrdef *a,
                             const struct content_value *v);

/** view_related_links - link to each collection C names as related;
   SEE_ALSO prefixes each with "See also:".  */
void view_related_links (struct page *pg, const struct view_ctx *ctx,
                         const struct content_collection *c, bool see_also);

/** view_gloss_links - after TEXT, link each glossary term it mentions
   that the page does not link to yet.  */
void view_gloss_links (struct page *pg, const struct view_ctx *ctx,
                       const char *text);

/** view_gloss_headword_form - true when FORM is what the glossary's
   headword NAME already shows: all of it, the part before its brackets
   or what they hold ("Osteoarthritis (OA)": "osteoarthritis", "OA"),
   ignoring the spaces around it and the case of Latin letters.  */
bool view_gloss_headword_form (const char *name, const char *form);

/** view_gloss_same_form - true when A and B spell the same form, as
   view_gloss_headword_form compares them.  */
bool view_gloss_same_form (const char *a, const char *b);

#endif
