/* search_index.c - building the full-text index: every string of the
   pack in the order a reader meets them, and each language's folded
   text (search_int.h).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "search_blob.h"
#include "search_bound.h"
#include "search_fold.h"
#include "search_int.h"
#include "search_terms.h"
#include "search_vocab.h"
#include "vec.h"

static size_t
index_target (struct search_index *ix, const char *loc, const char *title,
              const char *context)
{
  if (ix->n_targets >= UINT32_MAX
      || !VEC_ROOM (ix->targets, ix->n_targets, ix->cap_targets, 256))
    {
      ix->ok = false;
      return ix->n_targets ? ix->n_targets - 1 : 0;
    }
  struct search_target *t = &ix->targets[ix->n_targets];
  t->loc = arena_strdup (&ix->arena, loc);
  t->title = title;
  t->context = context;
  if (!t->loc)
    ix->ok = false;
  return ix->n_targets++;
}

/* Index TEXT, an attribute value shown after LABEL (or NULL).  */
static void
index_value (struct search_index *ix, size_t target, enum search_rank rank,
             const char *text, const char *label)
{
  if (!text || !*text || !ix->ok)
    return;
  if (!VEC_ROOM (ix->entries, ix->n_entries, ix->cap_entries, 1024))
    {
      ix->ok = false;
      return;
    }
  ix->entries[ix->n_entries++] = (struct search_entry) {
    text, label, (uint32_t) target, (unsigned char) rank,
    text == ix->targets[target].title
  };
}

static void
index_add (struct search_index *ix, size_t target, enum search_rank rank,
           const char *text)
{
  index_value (ix, target, rank, text, NULL);
}

static void
index_item (struct search_index *ix, const struct content_collection *c,
            const struct content_item *it)
{
  char loc[300];
  snprintf (loc, sizeof loc, "item:%s/%s", c->id, it->id);
  size_t t = index_target (ix, loc, it->name, c->title);
  index_add (ix, t, SEARCH_NAME, it->name);
  index_add (ix, t, SEARCH_BODY, it->summary);
  for (size_t i = 0; i < c->n_attrs && it->values; i++)
    {
      const struct content_attrdef *a = &c->attrs[i];
      const struct content_value *v = &it->values[i];
      if (v->set && a->type == ATTR_TEXT)
        index_value (ix, t, SEARCH_BODY, v->text, a->label);
      for (size_t j = 0; v->set && a->type == ATTR_LIST && j < v->n_list; j++)
        index_value (ix, t, SEARCH_BODY, v->list[j], a->label);
    }
  for (size_t i = 0; i < it->n_claims; i++)
    index_add (ix, t, SEARCH_BODY, it->claims[i].text);
  /* The page shows the names of the items it refers to.  */
  for (size_t i = 0; i < c->n_attrs && it->values; i++)
    {
      const struct content_attrdef *a = &c->attrs[i];
      const struct content_value *v = &it->values[i];
      for (size_t j = 0; v->set && a->type == ATTR_REFS && j < v->n_list; j++)
        {
          const struct content_item *r
            = content_item (ix->pack, a->ref_collection, v->list[j]);
          if (r)
            index_value (ix, t, SEARCH_MENTION, r->name, a->label);
        }
    }
}

static void
index_collection (struct search_index *ix, const struct content_collection *c)
{
  char loc[300];
  snprintf (loc, sizeof loc, "coll:%s", c->id);
  size_t t = index_target (ix, loc, c->title, NULL);
  index_add (ix, t, SEARCH_NAME, c->title);
  index_add (ix, t, SEARCH_BODY, c->intro);
  size_t n;
  const struct content_item *items = content_coll_items (c, &n);
  for (size_t i = 0; i < n; i++)
    index_item (ix, c, &items[i]);
}

static void
index_comparison (struct search_index *ix, const struct content_comparison *m)
{
  char loc[300];
  snprintf (loc, sizeof loc, "cmp:%s", m->id);
  index_add (ix, index_target (ix, loc, m->title, NULL), SEARCH_NAME,
             m->title);
}

static void
index_document (struct search_index *ix, const struct content_document *d)
{
  char loc[300];
  snprintf (loc, sizeof loc, "doc:%s", d->id);
  index_add (ix, index_target (ix, loc, d->title, NULL), SEARCH_NAME,
             d->title);
  size_t n;
  const struct content_section *secs = content_doc_sections (d, &n);
  for (size_t i = 0; i < n; i++)
    {
      const struct content_section *s = &secs[i];
      snprintf (loc, sizeof loc, "doc:%s#%s", d->id, s->id);
      size_t t = index_target (ix, loc, s->heading, d->title);
      index_add (ix, t, SEARCH_HEADING, s->heading);
      for (size_t j = 0; j < s->n_blocks; j++)
        {
          const struct content_block *b = &s->blocks[j];
          index_add (ix, t, SEARCH_BODY, b->text);
          for (size_t k = 0; k < b->n_items; k++)
            index_add (ix, t, SEARCH_BODY, b->items[k]);
        }
    }
}

static bool
in_menu (const struct content_pack *p, const char *id)
{
  for (size_t i = 0; i < p->n_menu; i++)
    if (strcmp (p->menu[i], id) == 0)
      return true;
  return false;
}

/* Every string, in the order a reader meets them: the home menu's
   collections and comparisons, the others, the documents, About.  */
static void
index_pack (struct search_index *ix)
{
  const struct content_pack *p = ix->pack;
  for (size_t i = 0; i < p->n_menu; i++)
    {
      const struct content_collection *c = content_collection (p, p->menu[i]);
      const struct content_comparison *m = content_comparison (p, p->menu[i]);
      if (c)
        index_collection (ix, c);
      else if (m)
        index_comparison (ix, m);
    }
  for (size_t i = 0; i < p->n_colls; i++)
    if (!in_menu (p, p->colls[i]->id))
      index_collection (ix, p->colls[i]);
  for (size_t i = 0; i < p->n_comps; i++)
    if (!in_menu (p, p->comps[i]->id))
      index_comparison (ix, p->comps[i]);
  for (size_t i = 0; i < p->n_docs; i++)
    index_document (ix, p->docs[i]);
  size_t t = index_target (ix, "about", NULL, NULL);
  index_add (ix, t, SEARCH_BODY, p->disclaimer);
  for (size_t i = 0; i < p->n_about; i++)
    index_add (ix, t, SEARCH_BODY, p->about[i]);
}

static void
text_free (struct search_text *t)
{
  if (t->owned)
    {
      free ((void *) t->buf);
      free ((void *) t->off);
    }
  search_vocab_free (&t->vocab);
  search_tiers_free (t);
  search_blob_forget (t);
  free (t->entry);
  free (t->next);
  free (t->tstart);
  free (t->by_target);
  free (t->tbytes);
  memset (t, 0, sizeof *t);
}

/* The string entry E shows in the current language; NULL when that is
   the English one.  */
static const char *
translated (const struct search_entry *e)
{
  const char *s = C_ (e->text);
  return s && s != e->text && strcmp (s, e->text) != 0 ? s : NULL;
}

/* Fill T->next (see struct search_text).  */
static void
text_link (struct search_text *t, const struct search_index *ix)
{
  t->next[t->n] = t->n;
  for (size_t i = t->n; i-- > 0;)
    {
      const struct search_entry *a = &ix->entries[t->entry[i]];
      const struct search_entry *b = i + 1 < t->n
                                     ? &ix->entries[t->entry[i + 1]] : NULL;
      t->next[i] = b && b->target == a->target && b->rank >= a->rank
                   ? t->next[i + 1] : i + 1;
    }
}

/* The string of entry I in T's language: English when TRANSLATE is
   false, else only the strings C_ translates.  */
static const char *
text_string (const struct search_index *ix, size_t i, bool translate)
{
  return translate ? translated (&ix->entries[i]) : ix->entries[i].text;
}

/* Fill T->tstart, T->by_target and T->tbytes (see struct search_text):
   a counting sort of T's strings by target.  @retval false on memory
   exhaustion.  */
static bool
text_group (struct search_text *t, const struct search_index *ix)
{
  size_t nt = ix->n_targets;
  t->tstart = calloc (nt + 2, sizeof *t->tstart);
  t->tbytes = calloc (nt + 1, sizeof *t->tbytes);
  t->by_target = malloc ((t->n + 1) * sizeof *t->by_target);
  if (!t->tstart || !t->tbytes || !t->by_target)
    return false;
  for (size_t i = 0; i < t->n; i++)
    {
      size_t g = ix->entries[t->entry[i]].target;
      t->tstart[g + 2]++;
      t->tbytes[g] += t->off[i + 1] - t->off[i];
    }
  for (size_t g = 2; g < nt + 2; g++)
    t->tstart[g] += t->tstart[g - 1];
  /* Now TSTART[G + 1] is where target G's strings go.  */
  for (size_t i = 0; i < t->n; i++)
    t->by_target[t->tstart[ix->entries[t->entry[i]].target + 1]++] = i;
  return true;
}

/* Fold T's text from the entries of IX: English unless TRANSLATE,
   else only the strings C_ translates; each folded (search_fold.h) and
   followed by a NUL.  T->entry must have room for every entry.  */
static bool
text_fold (struct search_text *t, const struct search_index *ix,
           bool translate)
{
  struct search_folded f = { 0 };
  size_t len = 0, n = 0;
  for (size_t i = 0; i < ix->n_entries; i++)
    {
      const char *s = text_string (ix, i, translate);
      if (s)
        len += strlen (s) + 1, n++;
    }
  search_fold_cache_new (&f);
  uint32_t *off = malloc ((n + 1) * sizeof *off);
  t->off = off;
  t->owned = true;
  /* Room for the strings as they are: folding changes little.  */
  f.s = f.cache && off ? malloc (len + 1) : NULL;
  f.cap = f.s ? len + 1 : 0;
  for (size_t i = 0; f.s && i < ix->n_entries && !f.failed; i++)
    {
      const char *s = text_string (ix, i, translate);
      if (!s)
        continue;
      off[t->n] = (uint32_t) f.len;
      t->entry[t->n++] = i;
      search_fold_add (&f, s, strlen (s));
      search_fold_add (&f, "", 1);
    }
  bool ok = f.s && !f.failed && search_fold_add (&f, "", 1)
            && f.len < UINT32_MAX;
  if (ok)
    {
      t->len = f.len - 1;
      off[t->n] = (uint32_t) t->len;
      t->buf = f.s;
      f.s = NULL;
      for (size_t i = 0; i < t->len; i++)
        t->freq[(unsigned char) t->buf[i]]++;
    }
  search_fold_free (&f);
  return ok;
}

/* Build T from the entries of IX (made by walking the pack): English
   when LANG is "en", else only the strings C_ translates (into
   LANG).  */
static bool
text_build (struct search_text *t, const struct search_index *ix,
            const char *lang)
{
  bool translate = strcmp (lang, "en") != 0;
  text_free (t);
  t->entry = malloc ((ix->n_entries + 1) * sizeof *t->entry);
  t->next = malloc ((ix->n_entries + 1) * sizeof *t->next);
  if (!t->entry || !t->next || !text_fold (t, ix, translate))
    {
      text_free (t);
      return false;
    }
  for (size_t i = 0; i < t->n; i++)
    if (t->off[i + 1] - t->off[i] - 1 > t->longest)
      t->longest = t->off[i + 1] - t->off[i] - 1;
  text_link (t, ix);
  if (!text_group (t, ix))
    {
      text_free (t);
      return false;
    }
  /* Without its word index, T is still searched, by whole scans;
     without its tiers, without bounds.  */
  search_vocab_build (t);
  search_tiers_build (t, ix);
  snprintf (t->lang, sizeof t->lang, "%s", lang);
  return true;
}

/* IX's English text from its pack's compiled index, when it has a
   sound one and IX->unblob is not set (search_blob.h): its strings,
   their targets and the targets read where they are in the image, the
   pack not walked.  */
static bool
index_compiled (struct search_index *ix)
{
  const struct content_pack *p = ix->pack;
  struct search_text *t = &ix->en;
  text_free (t);
  if (ix->unblob
      || !search_blob_read (t, p, p->search_blob, p->search_blob_len))
    return false;
  ix->n_entries = t->n;
  ix->n_targets = t->st.n_targets;
  snprintf (t->lang, sizeof t->lang, "en");
  return true;
}

/* Free IX's per-query scratch for its targets and entries.  */
static void
scratch_free (struct search_index *ix)
{
  free (ix->stamp);
  free (ix->mask);
  free (ix->best);
  free (ix->touched);
  free (ix->cand);
  free (ix->cbits);
}

/* (Again) IX's per-query scratch, for its targets and entries.  */
static bool
index_scratch (struct search_index *ix)
{
  size_t n = ix->n_targets + 1;
  scratch_free (ix);
  ix->stamp = calloc (n, sizeof *ix->stamp);
  ix->mask = malloc (n * sizeof *ix->mask);
  ix->best = malloc (n * SEARCH_MAX_PARTS * sizeof *ix->best);
  ix->touched = malloc (n * sizeof *ix->touched);
  ix->cand = malloc ((ix->n_entries + 1) * sizeof *ix->cand);
  ix->cbits = calloc (ix->n_entries / 64 + 1, sizeof *ix->cbits);
  ix->gen = 0;
  return ix->stamp && ix->mask && ix->best && ix->touched && ix->cand
         && ix->cbits;
}

/* Walk IX's pack for its entries and targets (index_pack), when they
   were read from a compiled index until now: another language's text
   needs every string.  A compiled index that does not have as many as
   the walk finds is damaged, and its English text is built again from
   the strings.  */
static bool
index_walk (struct search_index *ix)
{
  if (ix->entries)
    return ix->ok;
  size_t n = ix->n_entries, nt = ix->n_targets;
  ix->n_entries = ix->n_targets = 0;
  index_pack (ix);
  if (!ix->ok)
    return false;
  if (n != ix->n_entries || nt != ix->n_targets)
    {
      search_blob_damage (&ix->en);
      ix->ok = index_scratch (ix) && search_index_unblob (ix);
    }
  return ix->ok;
}

struct search_index *
search_index_build (const struct content_pack *pack, const char *lang)
{
  struct search_index *ix = calloc (1, sizeof *ix);
  if (!ix)
    return NULL;
  ix->pack = pack;
  ix->ok = true;
  ix->bound_min = SEARCH_BOUND_MIN;
  ix->bound_window = SEARCH_BOUND_WINDOW;
  ix->bound_budget = SEARCH_BOUND_BUDGET;
  /* Room for as many entries as the compiled index has, so that they
     are not copied as they grow: a hint only, read before the index
     is checked, so not reserved past one per 16 bytes of the blob, and
     a failure leaves the entries to grow as they come.  Not walked
     at all when the pack's compiled index is sound.  */
  size_t hint = search_blob_strings (pack->search_blob,
                                     pack->search_blob_len);
  if (hint > pack->search_blob_len / 16)
    hint = pack->search_blob_len / 16;
  bool pre = index_compiled (ix);
  if (hint && !pre)
    vec_reserve (&ix->entries, &ix->cap_entries, hint, sizeof *ix->entries,
                 1024);
  if (!pre)
    index_pack (ix);
  ix->ok = ix->ok && index_scratch (ix);
  if (!ix->ok || (!pre && !text_build (&ix->en, ix, "en")))
    {
      search_index_free (ix);
      return NULL;
    }
  search_index_relang (ix, lang);
  return ix;
}

bool
search_index_relang (struct search_index *ix, const char *lang)
{
  if (strcmp (lang, "en") == 0 || strcmp (lang, ix->cur.lang) == 0)
    return true;
  return index_walk (ix) && text_build (&ix->cur, ix, lang);
}

bool
search_index_unblob (struct search_index *ix)
{
  if (!search_blob_damaged (&ix->en))
    return true;
  ix->unblob = true;
  if (!ix->entries)
    {
      ix->n_entries = ix->n_targets = 0;
      index_pack (ix);
      if (!ix->ok || !index_scratch (ix))
        return ix->ok = false;
    }
  return text_build (&ix->en, ix, "en");
}

bool
search_index_compiled (const struct search_index *ix)
{
  return ix->en.buf && !ix->en.owned;
}

const struct content_pack *
search_index_pack (const struct search_index *ix)
{
  return ix->pack;
}

void
search_index_free (struct search_index *ix)
{
  if (!ix)
    return;
  text_free (&ix->en);
  text_free (&ix->cur);
  search_terms_free (ix);
  free (ix->targets);
  free (ix->entries);
  scratch_free (ix);
  free (ix->mscratch);
  arena_free (&ix->arena);
  free (ix);
}

