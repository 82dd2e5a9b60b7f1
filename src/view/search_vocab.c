/* search_vocab.c - the word index of a folded text: building it (a
   hash of the words met, the words of each string, then a counting
   sort of them by word), and the strings a query word may be in.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search_vocab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search_blob.h"
#include "search_find.h"
#include "search_int.h"
#include "vec.h"

/* Whether the folded byte C is not part of a word: an ASCII byte
   other than a letter or a digit (a UTF-8 sequence is all bytes of
   0x80 and over, so that a word never ends inside a character).  */
static bool
vocab_sep (unsigned char c)
{
  return c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                       || (c >= 'A' && c <= 'Z'));
}

bool
search_vocab_exact (const char *q, size_t len)
{
  for (size_t i = 0; i < len; i++)
    if (vocab_sep ((unsigned char) q[i]))
      return false;
  return true;
}

/* A word index being built: the words (VOC, VOFF, N), a hash of them
   (SLOT: a word + 1, 0 for none; SLOTS a power of 2), the last string
   each was noted in (LAST, + 1), and the words of each string, each
   once (IDS, from SSTART[I] to SSTART[I + 1]).  */
struct wb
{
  char *voc;
  size_t voc_len, voc_cap;
  uint32_t *voff, *last;
  size_t n, voff_cap, last_cap;
  uint32_t *slot;
  size_t slots;
  uint32_t *ids;                /* the words of each string, in turn */
  size_t n_ids, ids_cap;
  uint32_t *sstart;             /* string I's are IDS[SSTART[I]]... */
  bool ok;
};

static uint64_t
vocab_hash (const char *s, size_t len)
{
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char) s[i]) * 0x100000001b3ULL;
  return h ^ (h >> 29);
}

/* Twice the room in B's hash, every word hashed again.  */
static bool
wb_rehash (struct wb *b)
{
  size_t slots = b->slots ? b->slots * 2 : 4096;
  uint32_t *slot = calloc (slots, sizeof *slot);
  if (!slot)
    return false;
  for (size_t w = 0; w < b->n; w++)
    {
      size_t len = b->voff[w + 1] - b->voff[w] - 1;
      size_t h = (size_t) vocab_hash (b->voc + b->voff[w], len);
      while (slot[h & (slots - 1)])
        h++;
      slot[h & (slots - 1)] = (uint32_t) w + 1;
    }
  free (b->slot);
  b->slot = slot;
  b->slots = slots;
  return true;
}

/* The word S (LEN bytes) in B, added if it is new; SIZE_MAX when
   memory ran out.  */
static size_t
wb_word (struct wb *b, const char *s, size_t len)
{
  if (b->n * 2 >= b->slots && !wb_rehash (b))
    return SIZE_MAX;
  size_t h = (size_t) vocab_hash (s, len), mask = b->slots - 1;
  for (;; h++)
    {
      uint32_t w = b->slot[h & mask];
      if (!w)
        break;
      const char *v = b->voc + b->voff[w - 1];
      if (b->voff[w] - b->voff[w - 1] == len + 1 && memcmp (v, s, len) == 0)
        return w - 1;
    }
  if (!vec_reserve (&b->voc, &b->voc_cap, b->voc_len + len + 1, 1, 65536)
      || !vec_reserve (&b->voff, &b->voff_cap, b->n + 2, sizeof *b->voff,
                       4096)
      || !VEC_ROOM (b->last, b->n, b->last_cap, 4096)
      || b->voc_len + len + 1 >= UINT32_MAX)
    return SIZE_MAX;
  memcpy (b->voc + b->voc_len, s, len);
  b->voc[b->voc_len + len] = '\0';
  b->voff[b->n] = (uint32_t) b->voc_len;
  b->voc_len += len + 1;
  b->voff[b->n + 1] = (uint32_t) b->voc_len;
  b->last[b->n] = 0;
  b->slot[h & mask] = (uint32_t) b->n + 1;
  return b->n++;
}

/* Note the words of the folded string G, S (LEN bytes).  */
static void
wb_string (struct wb *b, const char *s, size_t len, size_t g)
{
  for (size_t i = 0; i < len && b->ok;)
    {
      while (i < len && vocab_sep ((unsigned char) s[i]))
        i++;
      size_t j = i;
      while (j < len && !vocab_sep ((unsigned char) s[j]))
        j++;
      if (j == i)
        break;
      size_t w = wb_word (b, s + i, j - i);
      if (w == SIZE_MAX
          || !VEC_ROOM (b->ids, b->n_ids, b->ids_cap, 65536))
        b->ok = false;
      else if (b->last[w] != g + 1)
        {
          b->last[w] = (uint32_t) g + 1;
          b->ids[b->n_ids++] = (uint32_t) w;
        }
      i = j;
    }
  b->sstart[g + 1] = (uint32_t) b->n_ids;
}

/* W's postings from B's words of each of its STRINGS: a counting sort
   by word, which keeps each word's strings in order.  */
static bool
wb_postings (struct wb *b, struct search_vocab *w, size_t strings)
{
  size_t np = b->n_ids;
  uint32_t *pstart = calloc (b->n + 2, sizeof *pstart);
  uint32_t *post = malloc ((np + 1) * sizeof *post);
  if (!pstart || !post || np >= UINT32_MAX)
    {
      free (pstart);
      free (post);
      return false;
    }
  for (size_t i = 0; i < np; i++)
    pstart[b->ids[i] + 2]++;
  for (size_t k = 2; k < b->n + 2; k++)
    pstart[k] += pstart[k - 1];
  for (size_t g = 0; g < strings; g++)
    for (size_t i = b->sstart[g]; i < b->sstart[g + 1]; i++)
      post[pstart[b->ids[i] + 1]++] = (uint32_t) g;
  w->pstart = pstart;
  w->post = post;
  return true;
}

bool
search_vocab_build (struct search_text *t)
{
  struct wb b = { .ok = true };
  search_vocab_free (&t->vocab);
  b.sstart = calloc (t->n + 1, sizeof *b.sstart);
  b.ok = b.sstart != NULL;
  for (size_t i = 0; i < t->n && b.ok; i++)
    wb_string (&b, t->buf + t->off[i], t->off[i + 1] - t->off[i] - 1, i);
  /* A vocabulary of a third of the text or more (Chinese, whose runs
     are whole phrases) is no faster to look in than the text.  */
  bool ok = b.ok && b.voc_len < t->len / 3 + 1
            && (b.n || wb_word (&b, "", 0) != SIZE_MAX)
            && wb_postings (&b, &t->vocab, t->n);
  if (ok)
    {
      t->vocab.voc = b.voc;
      t->vocab.voc_len = b.voc_len;
      t->vocab.voff = b.voff;
      t->vocab.n = b.n;
      t->vocab.owned = true;
    }
  else
    {
      free (b.voc);
      free (b.voff);
    }
  free (b.last);
  free (b.slot);
  free (b.ids);
  free (b.sstart);
  return ok;
}

/* The longest piece of Q (LEN) without separators: *AT, its length
   returned.  */
static size_t
vocab_piece (const char *q, size_t len, size_t *at)
{
  size_t best = 0;
  *at = 0;
  for (size_t i = 0; i < len;)
    {
      while (i < len && vocab_sep ((unsigned char) q[i]))
        i++;
      size_t j = i;
      while (j < len && !vocab_sep ((unsigned char) q[j]))
        j++;
      if (j - i > best)
        best = j - i, *at = i;
      i = j;
    }
  return best;
}

/* The word of W holding byte AT of its vocabulary.  */
static size_t
vocab_at (const struct search_vocab *w, size_t at)
{
  size_t lo = 0, hi = w->n;     /* VOFF[LO] <= AT < VOFF[HI] */
  while (hi - lo > 1)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (w->voff[mid] <= at)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Add the strings of word K of T to IX->cbits, those not there yet
   to *N and their bytes to *BYTES.  */
static void
vocab_add (struct search_index *ix, const struct search_text *t, size_t k,
           size_t *n, size_t *bytes)
{
  const struct search_vocab *w = &t->vocab;
  if (!search_blob_sound (t, w->post + w->pstart[k],
                          4 * (w->pstart[k + 1] - w->pstart[k])))
    return;
  for (size_t p = w->pstart[k]; p < w->pstart[k + 1]; p++)
    {
      size_t i = w->post[p];
      if (i >= t->n)
        {
          search_blob_damage (t);
          return;
        }
      uint64_t bit = (uint64_t) 1 << (i % 64);
      if (ix->cbits[i / 64] & bit)
        continue;
      ix->cbits[i / 64] |= bit;
      (*n)++;
      *bytes += t->off[i + 1] - t->off[i];
    }
}

/* How many postings the words of W holding ND have, all told (as many
   as there are; past MAX, any number over it).  */
static size_t
vocab_postings (const struct search_vocab *w, const struct search_needle *nd,
                size_t max)
{
  const char *m;
  size_t from = 0, sum = 0;
  while (sum <= max
         && (m = search_find (w->voc + from, w->voc_len - from, nd)))
    {
      size_t k = vocab_at (w, (size_t) (m - w->voc));
      sum += w->pstart[k + 1] - w->pstart[k];
      from = w->voff[k + 1];
    }
  return sum;
}

enum search_vocab_says
search_vocab_cand (struct search_index *ix, const struct search_text *t,
                   const char *q, size_t len, size_t limit, size_t *n)
{
  const struct search_vocab *w = &t->vocab;
  size_t at, plen = vocab_piece (q, len, &at), bytes = 0;
  *n = 0;
  ix->cbytes = t->len;
  if (!w->voc || !plen)
    return SEARCH_VOCAB_MANY;
  size_t words = (t->n + 63) / 64;
  memset (ix->cbits, 0, words * sizeof *ix->cbits);
  const struct search_needle nd = search_needle_make (t->freq, q + at, plen);
  /* More postings than strings: a scan of the text is as cheap.  */
  if (vocab_postings (w, &nd, t->n) > t->n)
    return SEARCH_VOCAB_MANY;
  const char *m;
  size_t from = 0;
  while (bytes <= limit
         && (m = search_find (w->voc + from, w->voc_len - from, &nd)))
    {
      size_t k = vocab_at (w, (size_t) (m - w->voc));
      vocab_add (ix, t, k, n, &bytes);
      from = w->voff[k + 1];
    }
  if (bytes > limit)
    return SEARCH_VOCAB_MANY;
  ix->cbytes = bytes;
  *n = 0;
  for (size_t k = 0; k < words; k++)
    for (uint64_t b = ix->cbits[k]; b; b &= b - 1)
      ix->cand[(*n)++] = k * 64 + (size_t) __builtin_ctzll (b);
  return *n ? SEARCH_VOCAB_SOME : SEARCH_VOCAB_NONE;
}

size_t
search_vocab_estimate (const struct search_text *t, const char *q,
                       size_t len)
{
  const struct search_vocab *w = &t->vocab;
  size_t at, plen = vocab_piece (q, len, &at);
  if (!w->voc || !plen)
    return t->len;
  const struct search_needle nd = search_needle_make (t->freq, q + at, plen);
  size_t posts = vocab_postings (w, &nd, t->n);
  size_t bytes = posts * (t->len / (t->n | 1) + 1);
  return posts > t->n || bytes > t->len ? t->len : bytes;
}

void
search_vocab_free (struct search_vocab *w)
{
  if (w->owned)
    {
      free ((void *) w->voc);
      free ((void *) w->voff);
      free ((void *) w->pstart);
      free ((void *) w->post);
    }
  memset (w, 0, sizeof *w);
}
