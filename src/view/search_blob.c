/* search_blob.c - the search index of a compiled pack: writing the
   English text and its word index as bytes, and checking them before
   they are used where they are.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search_blob.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistring/version.h>

#include "search_int.h"
#include "search_stored.h"

#define BLOB_MAGIC "PNVSIX3\n"
#define BLOB_HEADER SEARCH_BLOB_HEADER
#define BLOB_FREQ (256 * 4)
#define BLOB_SHIFT 16           /* a checksum covers 64 KiB of the body */
#define BLOB_SHIFT_MIN 8
#define BLOB_SHIFT_MAX 24

/* The header's fields: byte offsets.  */
enum
{
  B_MAGIC = 0, B_N = 8, B_LEN = 12, B_WORDS = 16, B_VOC = 20, B_POST = 24,
  B_UNISTRING = 28, B_LONGEST = 32, B_T0N = 36, B_T0LEN = 40, B_T1N = 44,
  B_T1LEN = 48, B_SHIFT = 52, B_SUM = 56, B_TARGETS = 64, B_LOCS = 68
};

static bool
little_endian (void)
{
  const uint32_t one = 1;
  unsigned char b;
  memcpy (&b, &one, 1);
  return b == 1;
}

static uint32_t
get32 (const unsigned char *p)
{
  return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16
         | (uint32_t) p[3] << 24;
}

static uint64_t
get64 (const unsigned char *p)
{
  return get32 (p) | (uint64_t) get32 (p + 4) << 32;
}

static void
put32 (unsigned char *p, uint64_t v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (unsigned char) (v >> (8 * i));
}

static void
put64 (unsigned char *p, uint64_t v)
{
  put32 (p, v);
  put32 (p + 4, v >> 32);
}

/* A checksum of the N bytes at P: four lanes of a multiply and rotate
   of each 8 bytes, then the lanes one after the other (each step a
   bijection, so that any one word changed changes the sum), several
   bytes a cycle.  */
static uint64_t
blob_sum (const unsigned char *p, size_t n)
{
  uint64_t h[4] = { 1, 2, 3, 4 };
  size_t i = 0;
  for (; i + 32 <= n; i += 32)
    for (int j = 0; j < 4; j++)
      {
        uint64_t w = get64 (p + i + 8 * (size_t) j);
        h[j] ^= w;
        h[j] = (h[j] << 29 | h[j] >> 35) * 0x9e3779b97f4a7c15ULL;
      }
  for (; i < n; i++)
    h[0] = (h[0] ^ p[i]) * 0x100000001b3ULL;
  uint64_t s = n;
  for (int j = 0; j < 4; j++)
    s = (s * 0x9e3779b97f4a7c15ULL) ^ h[j];
  return s;
}

static size_t
pad4 (size_t n)
{
  return (n + 3) / 4 * 4;
}

/* The counts a blob's header gives (as u64: no overflow).  */
struct counts
{
  uint64_t n, len, words, voc, post, tn[2], tlen[2], targets, locs;
};

/* The bytes of the body of a blob of counts C: the byte counts, the
   text and its offsets, the vocabulary and its offsets, the postings,
   each tier's text, offsets and strings, and the stored part
   (search_stored.h).  */
static uint64_t
body_size (const struct counts *c)
{
  uint64_t b = BLOB_FREQ + (c->len + 1 + 3) / 4 * 4 + 4 * (c->n + 1)
               + (c->voc + 3) / 4 * 4 + 8 * (c->words + 1) + 4 * c->post;
  for (int r = 0; r < 2; r++)
    b += (c->tlen[r] + 1 + 3) / 4 * 4 + 4 * (c->tn[r] + 1) + 4 * c->tn[r];
  return b + search_stored_size (c->n, c->targets, c->locs);
}

static uint64_t
chunks_of (uint64_t body, unsigned shift)
{
  return (body + ((uint64_t) 1 << shift) - 1) >> shift;
}

/* Write the N u32 at V to P.  @retval the bytes after them.  */
static unsigned char *
put_array (unsigned char *p, const uint32_t *v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    put32 (p + 4 * i, v[i]);
  return p + 4 * n;
}

/* Write tier X's text, offsets and strings at P.  @retval the bytes
   after them.  */
static unsigned char *
put_tier (unsigned char *p, const struct search_tier *x)
{
  memcpy (p, x->buf, x->len + 1);
  p = put_array (p + pad4 (x->len + 1), x->off, x->n + 1);
  return put_array (p, x->str, x->n);
}

unsigned char *
search_blob_make (const struct search_index *ix, size_t *len)
{
  return search_blob_make_chunked (ix, BLOB_SHIFT, len);
}

unsigned char *
search_blob_make_chunked (const struct search_index *ix, unsigned shift,
                          size_t *len)
{
  const struct search_text *t = &ix->en;
  const struct search_vocab *w = &t->vocab;
  if (!w->voc || !t->buf || !little_endian () || t->n != ix->n_entries
      || !t->tier[SEARCH_HEADING].off || shift < BLOB_SHIFT_MIN
      || shift > BLOB_SHIFT_MAX || !ix->entries || !ix->targets
      || !ix->pack->text)
    return NULL;
  struct counts c = { t->n, t->len, w->n, w->voc_len, w->pstart[w->n],
                      { t->tier[0].n, t->tier[1].n },
                      { t->tier[0].len, t->tier[1].len }, ix->n_targets,
                      search_stored_locs (ix) };
  uint64_t body = body_size (&c), chunks = chunks_of (body, shift);
  uint64_t size = BLOB_HEADER + 8 * chunks + body;
  unsigned char *b = size < UINT32_MAX ? calloc (1, (size_t) size) : NULL;
  if (!b)
    return NULL;
  memcpy (b + B_MAGIC, BLOB_MAGIC, 8);
  put32 (b + B_N, t->n);
  put32 (b + B_LEN, t->len);
  put32 (b + B_WORDS, w->n);
  put32 (b + B_VOC, w->voc_len);
  put32 (b + B_POST, w->pstart[w->n]);
  put32 (b + B_UNISTRING, (uint32_t) _libunistring_version);
  put32 (b + B_LONGEST, t->longest);
  for (int r = 0; r < 2; r++)
    {
      put32 (b + B_T0N + 8 * r, t->tier[r].n);
      put32 (b + B_T0LEN + 8 * r, t->tier[r].len);
    }
  put32 (b + B_SHIFT, shift);
  put32 (b + B_TARGETS, c.targets);
  put32 (b + B_LOCS, c.locs);
  unsigned char *p = b + BLOB_HEADER + 8 * chunks;
  for (int k = 0; k < 256; k++, p += 4)
    put32 (p, t->freq[k]);
  memcpy (p, t->buf, t->len + 1);
  p = put_array (p + pad4 (t->len + 1), t->off, t->n + 1);
  memcpy (p, w->voc, w->voc_len);
  p = put_array (p + pad4 (w->voc_len), w->voff, w->n + 1);
  p = put_array (p, w->pstart, w->n + 1);
  p = put_array (p, w->post, w->pstart[w->n]);
  for (int r = 0; r < 2; r++)
    p = put_tier (p, &t->tier[r]);
  if (c.targets >= UINT32_MAX || c.locs >= UINT32_MAX
      || !search_stored_put (ix, p))
    {
      free (b);
      return NULL;
    }
  search_blob_seal (b, (size_t) size);
  *len = (size_t) size;
  return b;
}

void
search_blob_seal (unsigned char *blob, size_t len)
{
  unsigned shift = len >= BLOB_HEADER ? get32 (blob + B_SHIFT) : 0;
  if (shift < BLOB_SHIFT_MIN || shift > BLOB_SHIFT_MAX)
    return;
  /* The chunks of a body of LEN - HEADER - 8 CHUNKS bytes.  */
  size_t chunks = 0, size = (size_t) 1 << shift;
  while (BLOB_HEADER + 8 * (chunks + 1) <= len
         && chunks_of (len - BLOB_HEADER - 8 * chunks, shift) > chunks)
    chunks++;
  unsigned char *sums = blob + BLOB_HEADER, *body = sums + 8 * chunks;
  size_t body_len = len - BLOB_HEADER - 8 * chunks;
  for (size_t k = 0; k < chunks && k * size < body_len; k++)
    {
      size_t n = body_len - k * size;
      put64 (sums + 8 * k, blob_sum (body + k * size, n < size ? n : size));
    }
  put64 (blob + B_SUM, blob_sum (sums, 8 * chunks));
}

bool
search_blob_sound (const struct search_text *t, const void *at, size_t n)
{
  struct search_lazy *z = t->lazy;
  if (!z)
    return true;
  if (z->damaged)
    return false;
  size_t from = (size_t) ((const unsigned char *) at - z->body);
  if (from > z->body_len || n > z->body_len - from)
    return !(z->damaged = true);
  size_t size = (size_t) 1 << z->shift;
  for (size_t k = from >> z->shift; n && k <= (from + n - 1) >> z->shift;
       k++)
    {
      if (z->done[k / 64] & (uint64_t) 1 << (k % 64))
        continue;
      size_t left = z->body_len - k * size;
      if (blob_sum (z->body + k * size, left < size ? left : size)
          != get64 (z->sums + 8 * k))
        return !(z->damaged = true);
      z->done[k / 64] |= (uint64_t) 1 << (k % 64);
      z->read++;
    }
  return true;
}

void
search_blob_damage (const struct search_text *t)
{
  if (t->lazy)
    t->lazy->damaged = true;
}

size_t
search_blob_chunks_read (const struct search_text *t, size_t *chunks)
{
  *chunks = t->lazy ? t->lazy->chunks : 0;
  return t->lazy ? t->lazy->read : 0;
}

bool
search_blob_damaged (const struct search_text *t)
{
  return t->lazy && t->lazy->damaged;
}

void
search_blob_forget (struct search_text *t)
{
  if (t->lazy)
    free (t->lazy->done);
  free (t->lazy);
  t->lazy = NULL;
}

/* Whether the N + 1 offsets at OFF rise, from 0 to LEN: strings, each
   ending where the next one starts.  When S is not NULL, each but the
   first is just past a NUL of S.  */
static bool
offsets_sound (const uint32_t *off, size_t n, const char *s, size_t len)
{
  if (off[0] != 0 || off[n] != len)
    return false;
  for (size_t i = 0; i < n; i++)
    if (off[i + 1] <= off[i] || off[i + 1] > len
        || (s && s[off[i + 1] - 1]))
      return false;
  return true;
}

/* Whether T's N + 1 offsets rise, from 0 to its LEN (offsets_sound),
   and its longest string's bytes, into T->longest: one pass, without a
   branch a string (7.7 M of them at 1 GB).  */
static bool
text_offsets_sound (struct search_text *t)
{
  const uint32_t *off = t->off;
  size_t n = t->n;
  uint32_t longest = 1, bad = 0, a = 0;
  if (off[0] != 0 || off[n] != t->len)
    return false;
  /* Rising from 0 to LEN, each is at most LEN.  */
  for (size_t i = 0; i < n; i++)
    {
      uint32_t b = off[i + 1], d = b - a;
      bad |= b <= a;
      longest = d > longest ? d : longest;
      a = b;
    }
  t->longest = n ? longest - 1 : 0;
  return !bad;
}

/* Whether word index W, of a text of N strings, is sound but for its
   postings' values (read when they are used: vocab_add).  */
static bool
vocab_sound (const struct search_vocab *w)
{
  size_t posts = w->pstart[w->n];
  if (!w->n || w->pstart[0] != 0
      || !offsets_sound (w->voff, w->n, w->voc, w->voc_len))
    return false;
  for (size_t k = 0; k < w->n; k++)
    if (w->pstart[k + 1] < w->pstart[k] || w->pstart[k + 1] > posts)
      return false;
  return true;
}

/* Whether tier X of a text of N strings is sound but for its text
   (read when it is scanned): its offsets rise, its strings too, each
   one of the text's.  */
static bool
tier_sound (const struct search_tier *x, size_t n)
{
  if (!offsets_sound (x->off, x->n, NULL, x->len))
    return false;
  for (size_t j = 0; j < x->n; j++)
    if (x->str[j] >= n || (j && x->str[j] <= x->str[j - 1]))
      return false;
  return true;
}

/* The arrays of the body B of counts C, into T and W (the stored
   part's with PACK's text).  */
static void
blob_arrays (const unsigned char *b, const struct counts *c,
             struct search_text *t, struct search_vocab *w,
             const struct content_pack *pack)
{
  const unsigned char *p = b + BLOB_FREQ;
  t->buf = (const char *) p;
  p += pad4 (c->len + 1);
  t->off = (const uint32_t *) (const void *) p;
  p += 4 * (c->n + 1);
  w->voc = (const char *) p;
  p += pad4 (c->voc);
  w->voff = (const uint32_t *) (const void *) p;
  w->pstart = w->voff + c->words + 1;
  w->post = w->pstart + c->words + 1;
  p = (const unsigned char *) (w->post + c->post);
  for (int r = 0; r < 2; r++)
    {
      struct search_tier *x = &t->tier[r];
      x->buf = (char *) p;
      x->len = c->tlen[r];
      x->n = c->tn[r];
      p += pad4 (c->tlen[r] + 1);
      x->off = (uint32_t *) (void *) p;
      x->str = x->off + c->tn[r] + 1;
      p = (const unsigned char *) (x->str + c->tn[r]);
    }
  search_stored_arrays (&t->st, p, c->n, c->targets, c->locs, pack);
}

size_t
search_blob_strings (const unsigned char *blob, size_t len)
{
  if (!blob || len < BLOB_HEADER || memcmp (blob, BLOB_MAGIC, 8) != 0)
    return 0;
  size_t n = get32 (blob + B_N);
  return n < len / 4 ? n : 0;   /* each has an offset of 4 bytes */
}

/* The header of the LEN bytes at BLOB, when it is sound, into C.  */
static bool
blob_header (const unsigned char *blob, size_t len, struct counts *c)
{
  if (!blob || len < BLOB_HEADER || (uintptr_t) blob % 8 != 0
      || !little_endian () || memcmp (blob, BLOB_MAGIC, 8) != 0
      || get32 (blob + B_UNISTRING) != (uint32_t) _libunistring_version)
    return false;
  *c = (struct counts) { get32 (blob + B_N), get32 (blob + B_LEN),
                         get32 (blob + B_WORDS), get32 (blob + B_VOC),
                         get32 (blob + B_POST),
                         { get32 (blob + B_T0N), get32 (blob + B_T1N) },
                         { get32 (blob + B_T0LEN), get32 (blob + B_T1LEN) },
                         get32 (blob + B_TARGETS), get32 (blob + B_LOCS) };
  unsigned shift = get32 (blob + B_SHIFT);
  if (shift < BLOB_SHIFT_MIN || shift > BLOB_SHIFT_MAX)
    return false;
  uint64_t body = body_size (c), chunks = chunks_of (body, shift);
  return c->targets > 0 && BLOB_HEADER + 8 * chunks + body == len
         && get64 (blob + B_SUM) == blob_sum (blob + BLOB_HEADER, 8 * chunks);
}

/* Whether the parts of T's blob that are checked before it is used
   (all but the text, the postings' values and the stored part) have
   their checksums, and are sound: the byte counts, the vocabulary,
   the tiers' offsets and strings; and the text's offsets are sound
   (they rise, from 0 to the text's length), their chunks' checksums
   checked when a search reads them (31 MB at 1 GB).  */
static bool
blob_eager (struct search_text *t, const struct search_vocab *w,
            const unsigned char *body, size_t n)
{
  const struct search_lazy *z = t->lazy;
  size_t voc_end = (size_t) ((const unsigned char *) w->post - z->body);
  if (!search_blob_sound (t, body, BLOB_FREQ)
      || !search_blob_sound (t, w->voc, voc_end - (size_t) ((const unsigned
                                                   char *) w->voc - body))
      || !text_offsets_sound (t) || !vocab_sound (w))
    return false;
  for (int r = 0; r < 2; r++)
    {
      const struct search_tier *x = &t->tier[r];
      if (!search_blob_sound (t, x->off, 8 * x->n + 4)
          || !tier_sound (x, n))
        return false;
    }
  return true;
}

bool
search_blob_read (struct search_text *t, const struct content_pack *pack,
                  const unsigned char *blob, size_t len)
{
  struct counts c;
  if (!pack->text || !blob_header (blob, len, &c))
    return false;
  unsigned shift = get32 (blob + B_SHIFT);
  size_t chunks = (size_t) chunks_of (body_size (&c), shift);
  struct search_lazy *z = calloc (1, sizeof *z);
  uint64_t *done = calloc (chunks / 64 + 1, sizeof *done);
  struct search_text x = { .len = c.len, .n = c.n, .lazy = z };
  struct search_vocab w = { .n = c.words, .voc_len = c.voc };
  if (z && done)
    {
      *z = (struct search_lazy) { blob + BLOB_HEADER + 8 * chunks,
                                  blob + BLOB_HEADER,
                                  len - BLOB_HEADER - 8 * chunks, chunks, 0,
                                  shift, done, false };
      blob_arrays (z->body, &c, &x, &w, pack);
    }
  if (!z || !done || !blob_eager (&x, &w, z->body, c.n)
      || w.pstart[w.n] != c.post || x.longest != get32 (blob + B_LONGEST))
    {
      free (done);
      free (z);
      return false;
    }
  t->buf = x.buf;
  t->off = x.off;
  t->len = c.len;
  t->n = c.n;
  t->owned = false;
  t->vocab = w;
  t->lazy = z;
  t->longest = x.longest;
  for (int r = 0; r < 2; r++)
    t->tier[r] = x.tier[r];
  t->st = x.st;
  for (int k = 0; k < 256; k++)
    t->freq[k] = get32 (z->body + 4 * (size_t) k);
  return true;
}
