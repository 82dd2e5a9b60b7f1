/* search_terms.c - the terms search knows: synonyms of a query's
   words, and Chinese words split into the terms they are made of.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search_terms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "i18n.h"
#include "search_fold.h"
#include "vec.h"

/* Add the form S (LEN bytes) of group G, folded; and, when it ends in
   a bracketed abbreviation ("Platelet-rich plasma (PRP)", "富血小板血浆
   （PRP）"), the name before it and the abbreviation too.  */
static bool
terms_add (struct search_terms *t, const char *s, size_t len, size_t g)
{
  struct search_folded f = { 0 };
  if (!search_fold_add (&f, s, len) || f.len == 0)
    {
      bool ok = !f.failed;
      search_fold_free (&f);
      return ok;
    }
  while (f.len && f.s[f.len - 1] == ' ')
    f.len--;
  if (!search_fold_add (&f, "", 1)
      || !VEC_ROOM (t->forms, t->n, t->cap, 64))
    {
      search_fold_free (&f);
      return false;
    }
  f.len--;
  char *open = f.len > 2 && f.s[f.len - 1] == ')'
               ? memchr (f.s, '(', f.len) : NULL;
  t->forms[t->n++] = (struct search_form) { f.s, f.len, g };
  if (open && open > f.s)
    {
      size_t before = (size_t) (open - f.s);
      return terms_add (t, f.s, before, g)
             && terms_add (t, open + 1, f.len - before - 2, g);
    }
  return true;
}

/* S in English and, when LANG is not English, translated by C_.  */
static bool
terms_add_both (struct search_terms *t, const char *s, bool other, size_t g)
{
  const char *tr = other ? C_ (s) : s;
  return terms_add (t, s, strlen (s), g)
         && (tr == s || terms_add (t, tr, strlen (tr), g));
}

/* The glossary's entries: each name with its other forms.  */
static bool
terms_glossary (struct search_terms *t, const struct content_pack *p,
                bool other)
{
  const struct content_collection *g
    = p->glossary ? content_collection (p, p->glossary) : NULL;
  int also = g && p->glossary_also ? content_attr_index (g, p->glossary_also)
                                   : -1;
  bool ok = true;
  size_t n = 0;
  const struct content_item *items = g ? content_coll_items (g, &n) : NULL;
  for (size_t i = 0; ok && i < n; i++)
    {
      const struct content_item *it = &items[i];
      size_t grp = t->groups++;
      ok = terms_add_both (t, it->name, other, grp);
      const struct content_value *v = also >= 0 && it->values
                                      ? &it->values[also] : NULL;
      for (size_t j = 0; ok && v && v->set && j < v->n_list; j++)
        ok = terms_add_both (t, v->list[j], other, grp);
    }
  return ok;
}

void
search_terms_free (struct search_index *ix)
{
  for (size_t i = 0; i < ix->terms.n; i++)
    free (ix->terms.forms[i].s);
  free (ix->terms.forms);
  memset (&ix->terms, 0, sizeof ix->terms);
}

bool
search_terms_ready (struct search_index *ix, const char *lang)
{
  if (strcmp (ix->terms.lang, lang) == 0)
    return true;
  search_terms_free (ix);
  struct search_terms *t = &ix->terms;
  const struct content_pack *p = ix->pack;
  bool ok = terms_glossary (t, p, strcmp (lang, "en") != 0);
  for (size_t i = 0; ok && i < p->n_terms; i++)
    {
      const struct content_term *c = &p->terms[i];
      size_t grp = t->groups++;
      for (size_t j = 0; ok && strcmp (c->lang, lang) == 0
                         && j < c->n_forms; j++)
        ok = terms_add (t, c->forms[j], strlen (c->forms[j]), grp);
    }
  if (!ok)
    search_terms_free (ix);
  snprintf (t->lang, sizeof t->lang, "%s", lang);
  return ok;
}

/* Add S (LEN bytes) to part P of QY, unless it is there already.  */
static void
part_add (struct search_query_parts *qy, size_t p, const char *s,
          size_t len)
{
  for (size_t a = 0; a < qy->n_alt[p]; a++)
    if (qy->alt_len[p][a] == len && memcmp (qy->alt[p][a], s, len) == 0)
      return;
  if (qy->n_alt[p] < SEARCH_MAX_ALTS)
    {
      qy->alt[p][qy->n_alt[p]] = s;
      qy->alt_len[p][qy->n_alt[p]++] = len;
    }
}

/* Add to part P every form of the groups its word is a form of.  */
static void
expand_part (const struct search_terms *t, struct search_query_parts *qy,
             size_t p)
{
  const char *w = qy->alt[p][0];
  size_t len = qy->alt_len[p][0];
  for (size_t i = 0; i < t->n; i++)
    if (t->forms[i].len == len && memcmp (t->forms[i].s, w, len) == 0)
      for (size_t j = 0; j < t->n; j++)
        if (t->forms[j].group == t->forms[i].group)
          part_add (qy, p, t->forms[j].s, t->forms[j].len);
}

void
search_terms_expand (const struct search_index *ix,
                     struct search_query_parts *qy)
{
  for (size_t p = 0; p < qy->n; p++)
    expand_part (&ix->terms, qy, p);
}

/* Whether the LEN bytes at S hold a CJK ideograph.  */
static bool
has_han (const char *s, size_t len)
{
  const uint8_t *u = (const uint8_t *) s;
  for (size_t i = 0; i < len;)
    {
      ucs4_t c;
      int n = u8_mbtouc (&c, u + i, len - i);
      if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))
        return true;
      i += (size_t) n;
    }
  return false;
}

/* The longest form of a term at the start of S (LEN bytes), shorter
   than LEN when WHOLE is false.  @retval its length, or 0.  */
static size_t
term_prefix (const struct search_terms *t, const char *s, size_t len,
             size_t whole)
{
  size_t best = 0;
  for (size_t i = 0; i < t->n; i++)
    {
      size_t k = t->forms[i].len;
      if (k > best && k <= len && k < whole
          && memcmp (t->forms[i].s, s, k) == 0)
        best = k;
    }
  return best;
}

/* The longest start of S (LEN bytes, more than none) that the text
   holds as written, down to one character.  */
static size_t
run_piece (const struct search_index *ix, const char *s, size_t len)
{
  for (size_t k = len; k > 0;)
    {
      if (search_text_has (ix, s, k))
        return k;
      /* One character less.  */
      do
        k--;
      while (k > 0 && ((unsigned char) s[k] & 0xC0) == 0x80);
    }
  return (size_t) u8_mblen ((const uint8_t *) s, len);
}

/* Add the word W (LEN bytes) to the new parts NP, cut into terms and
   runs between them.  */
static void
split_word (const struct search_index *ix, struct search_query_parts *np,
            const char *w, size_t len)
{
  size_t run = 0;               /* the start of a run of non-terms */
  for (size_t i = 0; i <= len && np->n < SEARCH_MAX_PARTS;)
    {
      size_t k = i < len ? term_prefix (&ix->terms, w + i, len - i, len) : 0;
      if (k == 0 && i < len)
        {
          i += (size_t) u8_mblen ((const uint8_t *) w + i, len - i);
          continue;
        }
      /* The run before the term (or the end), as long as it is found.  */
      for (size_t r = run, m; r < i && np->n < SEARCH_MAX_PARTS; r += m)
        {
          m = run_piece (ix, w + r, i - r);
          np->alt[np->n][0] = w + r;
          np->alt_len[np->n][0] = m;
          np->n_alt[np->n++] = 1;
        }
      if (i == len || np->n == SEARCH_MAX_PARTS)
        break;
      np->alt[np->n][0] = w + i;
      np->alt_len[np->n][0] = k;
      np->n_alt[np->n++] = 1;
      i += k;
      run = i;
    }
}

static void
split_note (struct search_split_info *sp, const struct search_query_parts *np,
            size_t from, const char *w, size_t len)
{
  snprintf (sp->whole, sizeof sp->whole, "%.*s", (int) len, w);
  sp->n = 0;
  for (size_t p = from; p < np->n; p++)
    snprintf (sp->part[sp->n++], sizeof sp->part[0], "%.*s",
              (int) np->alt_len[p][0], np->alt[p][0]);
}

bool
search_terms_split (struct search_index *ix, struct search_query_parts *qy,
                    unsigned found)
{
  struct search_query_parts np = { .n = 0 };
  bool split = false;
  ix->split.n = 0;
  for (size_t p = 0; p < qy->n; p++)
    {
      const char *w = qy->alt[p][0];
      size_t len = qy->alt_len[p][0], from = np.n;
      if ((found & (1u << p)) || !has_han (w, len))
        {
          if (np.n < SEARCH_MAX_PARTS)
            {
              np.alt[np.n][0] = w;
              np.alt_len[np.n][0] = len;
              np.n_alt[np.n++] = 1;
            }
          continue;
        }
      split_word (ix, &np, w, len);
      if (!split)
        split_note (&ix->split, &np, from, w, len);
      split = true;
    }
  if (split)
    *qy = np;
  return split;
}
