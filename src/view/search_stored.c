/* search_stored.c - what each string and each target of the search
   index is: from the entries and targets made by walking the pack, or
   from a compiled index's stored part, read where it is in the image,
   each value checked as it is read (search_stored.h).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search_stored.h"

#include <string.h>
#include <unistr.h>

#include "search_blob.h"
#include "search_int.h"
#include "text_safe.h"

#define NONE UINT32_MAX

static size_t
pad4 (size_t n)
{
  return (n + 3) / 4 * 4;
}

static void
put32 (unsigned char *p, uint32_t v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (unsigned char) (v >> (8 * i));
}

uint64_t
search_stored_size (uint64_t n, uint64_t nt, uint64_t locs)
{
  return 12 * n + (n + 3) / 4 * 4 + 8 * (nt + 1) + 8 * nt
         + (locs + 3) / 4 * 4;
}

size_t
search_stored_locs (const struct search_index *ix)
{
  size_t n = 0;
  for (size_t g = 0; g < ix->n_targets; g++)
    n += strlen (ix->targets[g].loc) + 1;
  return n;
}

/* Write at P the offset of S (NULL: NONE) in P's image's text.
   @retval false when S is not in it.  */
static bool
put_ref (unsigned char *p, const struct content_pack *pack, const char *s)
{
  if (s && (!pack->text || s < pack->text
            || s >= pack->text + pack->text_len))
    return false;
  put32 (p, s ? (uint32_t) (s - pack->text) : NONE);
  return true;
}

bool
search_stored_put (const struct search_index *ix, unsigned char *p)
{
  const struct content_pack *pack = ix->pack;
  size_t n = ix->n_entries, nt = ix->n_targets;
  bool ok = pack->text_len < NONE;
  unsigned char *text = p + 4 * n, *label = text + 4 * n;
  unsigned char *flags = label + 4 * n;
  for (size_t i = 0; ok && i < n; i++)
    {
      const struct search_entry *e = &ix->entries[i];
      put32 (p + 4 * i, e->target);
      ok = put_ref (text + 4 * i, pack, e->text)
           && put_ref (label + 4 * i, pack, e->label);
      flags[i] = (unsigned char) (e->rank
                                  | (e->is_title ? SEARCH_FLAG_TITLE : 0));
    }
  unsigned char *loc = flags + pad4 (n), *title = loc + 4 * (nt + 1);
  unsigned char *context = title + 4 * nt, *first = context + 4 * nt;
  unsigned char *locs = first + 4 * (nt + 1);
  size_t at = 0, i = 0;
  for (size_t g = 0; ok && g <= nt; g++)
    {
      while (i < n && ix->entries[i].target < g)
        i++;
      put32 (first + 4 * g, (uint32_t) i);
    }
  for (size_t g = 0; ok && g < nt; g++)
    {
      const struct search_target *t = &ix->targets[g];
      size_t len = strlen (t->loc) + 1;
      put32 (loc + 4 * g, (uint32_t) at);
      memcpy (locs + at, t->loc, len);
      at += len;
      ok = at < NONE && put_ref (title + 4 * g, pack, t->title)
           && put_ref (context + 4 * g, pack, t->context);
    }
  put32 (loc + 4 * nt, (uint32_t) at);
  return ok;
}

void
search_stored_arrays (struct search_stored *st, const unsigned char *p,
                      size_t n, size_t nt, size_t locs,
                      const struct content_pack *pack)
{
  st->target = (const uint32_t *) (const void *) p;
  st->text = st->target + n;
  st->label = st->text + n;
  st->flags = (const unsigned char *) (st->label + n);
  st->loc = (const uint32_t *) (const void *) (st->flags + pad4 (n));
  st->title = st->loc + nt + 1;
  st->context = st->title + nt;
  st->first = st->context + nt;
  st->locs = (const char *) (st->first + nt + 1);
  st->locs_len = locs;
  st->n_targets = nt;
  st->ptext = pack->text;
  st->ptext_len = pack->text_len;
}

/* Whether the 4 bytes at P of T's compiled index are sound, as a u32
   in *V.  */
static bool
stored_get (const struct search_text *t, const uint32_t *p, uint32_t *v)
{
  if (!search_blob_ready (t, p, 4))
    return false;
  *v = *p;
  return true;
}

/* The string at REF (NONE: NULL) of the image's text, when REF is the
   start of a string that is UTF-8 and safe for a terminal (text_safe.h:
   of one line unless BLOCK); else "", T marked damaged.  */
static const char *
stored_string (const struct search_text *t, const uint32_t *at, bool block)
{
  const struct search_stored *st = &t->st;
  uint32_t ref;
  unsigned c;
  if (!stored_get (t, at, &ref))
    return "";
  if (ref == NONE)
    return NULL;
  if (ref >= st->ptext_len || (ref && st->ptext[ref - 1]))
    {
      search_blob_damage (t);
      return "";
    }
  /* Printable ASCII eight bytes at a time, within the text (which ends
     in a NUL: the loader checks it); the rest, from the first byte
     that is not, checked as UTF-8 and for what a terminal must not
     get.  */
  const char *s = st->ptext + ref;
  size_t left = st->ptext_len - ref, i = 0;
  while (i + 8 <= left && !text_not_printable8 ((const unsigned char *) s + i))
    i += 8;
  size_t n = strlen (s + i);
  if (u8_check ((const uint8_t *) s + i, n)
      || text_find_unsafe (s + i, n, block, &c) != n)
    {
      search_blob_damage (t);
      return "";
    }
  return s;
}

size_t
search_stored_bad (const struct search_text *t)
{
  search_blob_damage (t);
  return 0;
}

void
search_entry_get (const struct search_index *ix, size_t e,
                  struct search_entry *out)
{
  const struct search_text *t = &ix->en;
  if (!t->st.target)
    {
      *out = ix->entries[e];
      return;
    }
  unsigned f = search_entry_flags (ix, e);
  out->target = (uint32_t) search_entry_target (ix, e);
  out->rank = (unsigned char) (f & 3);
  out->is_title = f & SEARCH_FLAG_TITLE;
  out->text = e < t->n ? stored_string (t, &t->st.text[e], true) : NULL;
  out->label = e < t->n ? stored_string (t, &t->st.label[e], false) : NULL;
  if (!out->text)
    {
      out->text = "";
      search_blob_damage (t);
    }
}

/* Target G's location in T's compiled index; "" when it is not sound
   (T then marked damaged).  */
static const char *
stored_loc (const struct search_text *t, size_t g)
{
  const struct search_stored *st = &t->st;
  uint32_t a, b;
  unsigned c;
  if (g < st->n_targets && stored_get (t, &st->loc[g], &a)
      && stored_get (t, &st->loc[g + 1], &b) && a < b && b <= st->locs_len
      && search_blob_sound (t, st->locs + a, b - a) && !st->locs[b - 1]
      && strlen (st->locs + a) == b - a - 1
      && text_find_unsafe (st->locs + a, b - a - 1, false, &c) == b - a - 1)
    return st->locs + a;
  search_blob_damage (t);
  return "";
}

void
search_target_get (const struct search_index *ix, size_t g,
                   struct search_target *out)
{
  const struct search_text *t = &ix->en;
  if (!t->st.target)
    {
      *out = ix->targets[g];
      return;
    }
  out->loc = stored_loc (t, g);
  bool in = g < t->st.n_targets;
  out->title = in ? stored_string (t, &t->st.title[g], false) : NULL;
  out->context = in ? stored_string (t, &t->st.context[g], false) : NULL;
}

size_t
search_text_next (const struct search_index *ix, const struct search_text *t,
                  size_t i)
{
  if (t->next)
    return t->next[i];
  /* The first string after I that is another target's, or of a better
     rank than the one before it.  */
  size_t g = search_entry_target (ix, i), j = i + 1;
  unsigned char r = search_entry_rank (ix, i);
  for (; j < t->n; j++)
    {
      unsigned char rj = search_entry_rank (ix, j);
      if (search_entry_target (ix, j) != g || rj < r)
        break;
      r = rj;
    }
  return j;
}

size_t
search_target_first (const struct search_index *ix, size_t g)
{
  const struct search_text *t = &ix->en;
  if (t->st.target)
    {
      /* Checked against the next one's, and the entries.  */
      uint32_t a, b = (uint32_t) t->n;
      if (g < t->st.n_targets ? stored_get (t, &t->st.first[g], &a)
                                && stored_get (t, &t->st.first[g + 1], &b)
                                && a <= b && b <= t->n
                              : g == t->st.n_targets
                                && stored_get (t, &t->st.first[g], &a)
                                && a == t->n)
        return a;
      return search_stored_bad (t);
    }
  size_t lo = 0, hi = ix->n_entries;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (ix->entries[mid].target < g)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

size_t
search_text_span (const struct search_index *ix, const struct search_text *t,
                  size_t g, size_t *from, size_t *to)
{
  if (t->tstart)
    {
      *from = t->tstart[g];
      *to = t->tstart[g + 1];
      return t->tbytes[g];
    }
  *from = search_target_first (ix, g);
  *to = search_target_first (ix, g + 1);
  if (*to < *from)
    *to = *from;                /* only from a damaged index */
  return search_blob_ready (t, &t->off[*to], 4)
         && search_blob_ready (t, &t->off[*from], 4)
         ? t->off[*to] - t->off[*from] : 0;
}
