/* view_doc.c - the document reader: sections with their headings,
   and the items that cite each section.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "view.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

const char *
view_item_location (struct page *pg, const struct content_item *it)
{
  char loc[200];
  snprintf (loc, sizeof loc, "item:%s/%s", it->coll->id, it->id);
  return page_strdup (pg, loc);
}

const char *
view_doc_number (const struct content_document *d)
{
  return d->id[0] == 'd' && d->id[1] ? d->id + 1 : d->id;
}

/* The number after "Document" or "Documents" at *P ("000", and in
   "Documents 001, 002 and 003" each in turn), into NUM; *P moves past
   it.  @retval false when no more follow.  */
static bool
doc_next_number (const char **p, char num[4])
{
  const char *s = *p;
  while (*s == ' ' || *s == ',')
    s++;
  if (strncmp (s, "and ", 4) == 0 || strncmp (s, "or ", 3) == 0)
    s += *s == 'a' ? 4 : 3;
  if (!(s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9'
        && s[2] >= '0' && s[2] <= '9' && !(s[3] >= '0' && s[3] <= '9')))
    return false;
  memcpy (num, s, 3);
  num[3] = '\0';
  *p = s + 3;
  return true;
}

/* Whether claim CL (or NULL) cites document DOC.  */
static bool
doc_cited (const struct content_claim *cl, const char *doc)
{
  for (size_t i = 0; cl && i < cl->n_cites; i++)
    if (strcmp (cl->cites[i].doc_id, doc) == 0)
      return true;
  return false;
}

void
view_doc_mentions (struct page *pg, const struct view_ctx *ctx,
                   const char *text, const struct content_claim *cl)
{
  for (const char *p = text; p && (p = strcasestr (p, "document"));)
    {
      char num[4], id[8], loc[16];
      const struct content_document *d;
      p += 8;
      if (*p == 's')
        p++;
      while (doc_next_number (&p, num))
        {
          snprintf (id, sizeof id, "d%s", num);
          snprintf (loc, sizeof loc, "doc:%s", id);
          d = content_document (ctx->pack, id);
          if (d && !doc_cited (cl, id) && !page_links_to (pg, loc))
            view_doc_link (pg, d);
        }
    }
}

void
view_doc_link (struct page *pg, const struct content_document *d)
{
  char loc[200];
  snprintf (loc, sizeof loc, "doc:%s", d->id);
  /* TRANSLATORS: a link to a document: its number (as in "Document
     003") and its title.  */
  struct pblock *b = page_addf (pg, PB_LINK, _("Document %s: %s"),
                                view_doc_number (d), C_ (d->title));
  if (b)
    b->target = page_strdup (pg, loc);
}

void
view_cite_link (struct page *pg, const struct content_cite *c)
{
  char loc[200];
  const struct content_section *s = content_cite_section (c);
  if (!s)
    return;
  snprintf (loc, sizeof loc, "doc:%s#%s", c->doc_id, s->id);
  /* TRANSLATORS: a link to where a claim comes from: the document's
     number (as in "Document 003"), its title, then the section's
     heading.  */
  struct pblock *b = page_addf (pg, PB_LINK,
                                _("Source: Document %s (%s), section “%s”"),
                                view_doc_number (s->doc),
                                C_ (s->doc->title), C_ (s->heading));
  if (b)
    b->target = page_strdup (pg, loc);
}

/* Links to every item whose claims or sources cite section S.  */
static void
doc_backlinks (struct page *pg, const struct content_pack *p,
               const struct content_section *s)
{
  bool first = true;
  size_t n;
  const struct content_item *const *by = content_cited_by (s, &n);
  for (size_t i = 0; i < n; i++)
    {
      const struct content_item *it = by[i];
      if (p->glossary && strcmp (it->coll->id, p->glossary) == 0)
        continue;
      if (first)
        page_add (pg, PB_NOTE, _("Topics that cite this section:"));
      first = false;
      /* TRANSLATORS: a link to a topic: its list (e.g. "Conditions"),
         then its name.  */
      struct pblock *b = page_addf (pg, PB_LINK, _("%s: %s"),
                                    C_ (it->coll->title), C_ (it->name));
      if (b)
        b->target = view_item_location (pg, it);
    }
}

static void
doc_block (struct page *pg, const struct view_ctx *ctx,
           const struct content_block *b)
{
  switch (b->kind)
    {
    case BLOCK_PARA:
      page_add (pg, PB_PARA, C_ (b->text));
      view_gloss_links (pg, ctx, C_ (b->text));
      break;
    case BLOCK_BULLETS:
    case BLOCK_NUMBERED:
      for (size_t i = 0; i < b->n_items; i++)
        {
          struct pblock *x = page_add (pg, b->kind == BLOCK_BULLETS
                                       ? PB_BULLET : PB_NUMBERED,
                                       C_ (b->items[i]));
          if (x)
            x->number = (int) i + 1;
        }
      for (size_t i = 0; i < b->n_items; i++)
        view_gloss_links (pg, ctx, C_ (b->items[i]));
      break;
    }
}

static void
doc_section (struct page *pg, const struct view_ctx *ctx,
             const struct content_section *s)
{
  page_heading (pg, 2, C_ (s->heading), s->id);
  for (size_t j = 0; j < s->n_blocks; j++)
    doc_block (pg, ctx, &s->blocks[j]);
  doc_backlinks (pg, ctx->pack, s);
}

/* The document named by the part of ARG before '#', or NULL.  */
static const struct content_document *
doc_lookup (const struct view_ctx *ctx, const char *arg)
{
  char id[80];
  size_t n = strcspn (arg, "#");
  if (n == 0 || n >= sizeof id)
    return NULL;
  memcpy (id, arg, n);
  id[n] = '\0';
  return content_document (ctx->pack, id);
}

/* Is D shown in translation: has any of its strings a translation in
   the current language?  The pack's strings are its documents' own
   words, in English (the msgids); C_ returns a string itself when
   there is none, in English or with a missing catalogue.  */
static bool
doc_translated (const struct content_document *d)
{
  if (C_ (d->title) != d->title)
    return true;
  size_t n;
  const struct content_section *secs = content_doc_sections (d, &n);
  for (size_t i = 0; i < n; i++)
    {
      const struct content_section *s = &secs[i];
      if (C_ (s->heading) != s->heading)
        return true;
      for (size_t j = 0; j < s->n_blocks; j++)
        {
          const struct content_block *b = &s->blocks[j];
          if (b->kind == BLOCK_PARA && C_ (b->text) != b->text)
            return true;
          for (size_t k = 0; b->kind != BLOCK_PARA && k < b->n_items; k++)
            if (C_ (b->items[k]) != b->items[k])
              return true;
        }
    }
  return false;
}

/* The head of a document's page: what it is (marketing, by whom), and
   whether it is shown as written or translated; never the file name.  */
static void
doc_head (struct page *pg, const struct content_document *d)
{
  const char *num = view_doc_number (d);
  page_title (pg, C_ (d->title));
  /* TRANSLATORS: the first line under a document's title; %s is its
     number, as in "Document 003".  */
  page_addf (pg, PB_NOTE, _("Document %s: marketing material, advertising "
                            "published by a clinic or company that sells "
                            "stem cell treatments. What it says is its "
                            "own claim, not checked evidence."), num);
  if (d->publisher)
    /* TRANSLATORS: %s is the name of the business that published it.  */
    page_addf (pg, PB_NOTE, _("Publisher: %s."), d->publisher);
  else
    page_add (pg, PB_NOTE, _("The publisher is not named."));
  if (doc_translated (d))
    /* TRANSLATORS: said of a document shown in your language: the
       provider wrote it in English, and what follows is a translation.  */
    page_add (pg, PB_NOTE, _("Shown in translation; the original is in "
                             "English."));
  else
    page_add (pg, PB_NOTE, _("Shown as written."));
}

static bool
sec_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  const struct content_document *d = doc_lookup (ctx, arg);
  const char *hash = strchr (arg, '#');
  const struct content_section *s
    = d && hash ? content_section (ctx->pack, d->id, hash + 1) : NULL;
  if (!s)
    return false;
  doc_head (pg, d);
  doc_section (pg, ctx, s);
  return true;
}

static bool
doc_build (struct page *pg, const struct view_ctx *ctx, const char *arg)
{
  const struct content_document *d = doc_lookup (ctx, arg);
  if (!d)
    return false;
  doc_head (pg, d);
  if (content_doc_unavailable (d))
    /* TRANSLATORS: "pinav-packc" is a command: keep it as it is.  */
    page_add (pg, PB_PARA, _("This document cannot be shown: its part of "
                             "the compiled pack (pack.bin) is damaged. "
                             "Compile the pack again with pinav-packc."));
  size_t n;
  const struct content_section *secs = content_doc_sections (d, &n);
  for (size_t i = 0; i < n; i++)
    doc_section (pg, ctx, &secs[i]);
  return true;
}

const struct view_ops view_doc_ops = { "doc:", doc_build };
const struct view_ops view_sec_ops = { "sec:", sec_build };
