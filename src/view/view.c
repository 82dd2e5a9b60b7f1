/* view.c - the view table, and the home, about, language, help, idle
   warning and document-list views.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "keys.h"
#include "text_words.h"

static const struct view_ops *const view_table[] = {
  &view_home_ops, &view_about_ops, &view_lang_ops, &view_help_ops,
  &view_idle_ops, &view_docs_ops, &view_doc_ops, &view_coll_ops, &view_item_ops,
  &view_cmp_ops, &view_pick_ops, &view_pair_ops, &view_sec_ops,
  &view_search_ops,
};

bool
view_is_action (const char *loc)
{
  return strncmp (loc, "setlang:", 8) == 0 || strcmp (loc, "quit") == 0;
}

/* Set PG's path for the title line from its location LOC: Home, the
   collection (or the documents' list), the title.  */
static void
view_crumbs (struct page *pg, const struct view_ctx *ctx, const char *loc)
{
  const char *parent = NULL;
  char coll[80];
  size_t n = strncmp (loc, "item:", 5) == 0 ? strcspn (loc + 5, "/") : 0;
  if (strcmp (loc, "home") == 0 || strcmp (loc, "lang") == 0
      || strncmp (loc, "idle:", 5) == 0)
    return;
  if (n > 0 && n < sizeof coll)
    {
      memcpy (coll, loc + 5, n);
      coll[n] = '\0';
      const struct content_collection *c = content_collection (ctx->pack,
                                                               coll);
      parent = c ? C_ (c->title) : NULL;
    }
  else if (strncmp (loc, "doc:", 4) == 0)
    parent = _("The source documents");
  /* TRANSLATORS: the first place of the path on the title line, as in
     "Home > Conditions > Osteoarthritis": the start screen.  */
  pg->crumbs[pg->n_crumbs++] = _("Home");
  if (parent)
    pg->crumbs[pg->n_crumbs++] = page_strdup (pg, parent);
  pg->crumbs[pg->n_crumbs++] = pg->title;
}

/* Give the line breaker the words the pack knows in the language
   shown (text_words.h): every item's name, glossary headwords among
   them, and every other form the glossary lists, so that no line cuts
   a term such as 骨质疏松症 in two.  Once a pack and language.  */
static const struct content_pack *words_pack;  /* whose words are set */

void
view_words_forget (void)
{
  text_words_clear ();
  words_pack = NULL;
}

static void
view_words (const struct content_pack *p)
{
  static char lang[32];
  const char *now = i18n_language ();
  if (words_pack == p && strncmp (lang, now, sizeof lang) == 0)
    return;
  words_pack = p;
  snprintf (lang, sizeof lang, "%s", now);
  text_words_clear ();
  /* In English (the names as they are), the pack's words: those of
     the names and the glossary's other forms the breaker would keep,
     without reading them all (content_words_build).  In another
     language, the names alone, and the glossary's forms: no other
     collection's items are decoded for them.  */
  if (i18n_content_as_is ())
    {
      for (size_t i = 0; i < p->n_words; i++)
        text_words_add (p->words[i]);
      return;
    }
  for (size_t i = 0; i < p->n_colls; i++)
    for (size_t k = 0; k < p->colls[i]->n_items; k++)
      {
        const char *name = content_coll_item_name (p->colls[i], k);
        if (name)
          text_words_add (C_ (name));
      }
  const struct content_collection *g = p->glossary
    ? content_collection (p, p->glossary) : NULL;
  int also = g && p->glossary_also ? content_attr_index (g, p->glossary_also)
                                   : -1;
  size_t n;
  const struct content_item *items = also >= 0 ? content_coll_items (g, &n)
                                               : NULL;
  for (size_t k = 0; items && k < n; k++)
    {
      const struct content_value *v = &items[k].values[also];
      for (size_t j = 0; v->set && j < v->n_list; j++)
        text_words_add (C_ (v->list[j]));
    }
}

bool
view_build (struct page *pg, const struct view_ctx *ctx, const char *loc)
{
  page_init (pg, loc);
  view_words (ctx->pack);
  for (size_t i = 0; i < sizeof view_table / sizeof *view_table; i++)
    {
      const struct view_ops *v = view_table[i];
      size_t n = strlen (v->prefix);
      bool whole = v->prefix[n - 1] != ':';
      if (whole ? strcmp (loc, v->prefix) == 0
                : strncmp (loc, v->prefix, n) == 0)
        {
          if (v->build (pg, ctx, loc + n))
            {
              view_crumbs (pg, ctx, loc);
              return true;
            }
          break;
        }
    }
  page_free (pg);
  page_init (pg, loc);
  page_title (pg, _("Not found"));
  page_add (pg, PB_PARA, _("There is no such page."));
  page_link (pg, _("Home"), "home");
  return false;
}

/* The title of menu entry ID: a collection or a comparison.  */
static const char *
home_entry_title (const struct content_pack *p, const char *id)
{
  const struct content_collection *c = content_collection (p, id);
  if (c)
    return C_ (c->title);
  const struct content_comparison *m = content_comparison (p, id);
  return m ? C_ (m->title) : id;
}

static bool
home_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  const struct content_pack *p = ctx->pack;
  char loc[200];
  (void) arg;
  page_title (pg, C_ (p->title));
  for (size_t i = 0; i < p->n_menu; i++)
    {
      const char *id = p->menu[i];
      snprintf (loc, sizeof loc, "%s:%s",
                content_collection (p, id) ? "coll" : "cmp", id);
      page_link (pg, home_entry_title (p, id), loc);
    }
  page_link (pg, _("The source documents"), "docs");
  page_link (pg, _("Search"), "search:");
  /* TRANSLATORS: the language menu entry; keep the English word so
     that a patient who cannot read this language finds it.  */
  page_link (pg, _("Language / 语言"), "lang");
  page_link (pg, _("About this information"), "about");
  page_add (pg, PB_BLANK, "");
  page_add (pg, PB_NOTE, C_ (p->disclaimer));
  return true;
}

static bool
about_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  const struct content_pack *p = ctx->pack;
  (void) arg;
  page_title (pg, _("About this information"));
  page_add (pg, PB_PARA, C_ (p->disclaimer));
  for (size_t i = 0; i < p->n_about; i++)
    page_add (pg, PB_PARA, C_ (p->about[i]));
  /* TRANSLATORS: %s is a date written YYYY-MM-DD.  */
  page_addf (pg, PB_PARA, _("Content reviewed on %s."), p->reviewed);
  page_heading (pg, 1, _("Where the content comes from"), NULL);
  for (size_t i = 0; i < p->n_docs; i++)
    view_doc_link (pg, p->docs[i]);
  page_addf (pg, PB_NOTE, "%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  return true;
}

static bool
lang_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  (void) arg;
  /* The title is in both languages: the reader may know either.  */
  page_title (pg, "Language / 语言");
  page_link (pg, "English", "setlang:en");
  page_link (pg, "中文", "setlang:zh_CN");
  /* No language is chosen yet: how to choose is said in both.  */
  pg->keys_hint = page_strdup (pg, ctx->mode == VIEW_PLAIN
                               /* TRANSLATORS: plain mode's prompt on the
                                  language screen, before a language is
                                  chosen: English and Chinese together.
                                  Keep it as it is.  */
                               ? _("Type 1 or 2, then Enter. / 输入 1 或 "
                                   "2，然后按 Enter。")
                               /* TRANSLATORS: the bottom line of the
                                  language screen, in English and Chinese
                                  together.  Keep it as it is.  */
                               : _("Up/Down, Enter: choose / 上下键、Enter"
                                   "：选择"));
  return true;
}

/* The Keys page: the key table's rows that this renderer has and this
   place allows (the staff key is the staff's, not in a patient's help).  */
static bool
help_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  size_t n;
  const struct key_row *t = keys_table (&n);
  (void) arg;
  page_title (pg, _("Keys"));
  for (size_t i = 0; i < n; i++)
    {
      const struct key_row *r = &t[i];
      bool plain = ctx->mode == VIEW_PLAIN;
      const char *key = plain ? (r->plain_label ? r->plain_label : r->plain)
                              : r->label;
      const char *what = plain && r->plain_help ? r->plain_help : r->help;
      if (!key || !what || r->kiosk_only || !keys_allowed (r, ctx->kiosk)
          || (!plain && !r->keys[0]))
        continue;
      /* TRANSLATORS: a key, then what it does.  */
      page_addf (pg, PB_BULLET, _("%s: %s"),
                 plain && !r->plain_label ? key : _(key), _(what));
    }
  return true;
}

/* The idle warning: ARG is the seconds left before the reset.  */
static bool
idle_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  char *end;
  long n = strtol (arg, &end, 10);
  if (!*arg || *end || n < 0 || n > 86400)
    return false;
  page_title (pg, _("Are you still there?"));
  page_addf (pg, PB_PARA, ngettext ("Returning to the start in %ld second.",
                                    "Returning to the start in %ld seconds.",
                                    (unsigned long) n), n);
  page_add (pg, PB_PARA, ctx->mode == VIEW_TUI ? _("Press any key to stay.")
                                               : _("Press Enter to stay."));
  page_add (pg, PB_NOTE, _("What was read here is then forgotten, for the "
                           "next patient."));
  return true;
}

static bool
docs_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  const struct content_pack *p = ctx->pack;
  (void) arg;
  page_title (pg, _("The source documents"));
  page_add (pg, PB_PARA, _("What each document says, section by section, "
                           "as its publisher wrote it."));
  for (size_t i = 0; i < p->n_docs; i++)
    view_doc_link (pg, p->docs[i]);
  return true;
}

const struct view_ops view_home_ops = { "home", home_build };
const struct view_ops view_about_ops = { "about", about_build };
const struct view_ops view_lang_ops = { "lang", lang_build };
const struct view_ops view_help_ops = { "help", help_build };
const struct view_ops view_idle_ops = { "idle:", idle_build };
const struct view_ops view_docs_ops = { "docs", docs_build };
