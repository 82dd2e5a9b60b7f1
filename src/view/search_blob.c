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

#define BLOB_MAGIC "PNVSIX1\n"
#define BLOB_HEADER 48
#define BLOB_FREQ (256 * 4)

/* The header's fields: byte offsets.  */
enum
{
  B_MAGIC = 0, B_N = 8, B_LEN = 12, B_WORDS = 16, B_VOC = 20, B_POST = 24,
  B_UNISTRING = 28, B_SOURCE = 32, B_SUM = 40
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

/* The bytes the English strings of IX take before folding.  */
static uint64_t
source_bytes (const struct search_index *ix)
{
  uint64_t n = 0;
  for (size_t i = 0; i < ix->n_entries; i++)
    n += strlen (ix->entries[i].text);
  return n;
}

static size_t
pad4 (size_t n)
{
  return (n + 3) / 4 * 4;
}

/* The size of a blob of N strings, LEN bytes of text, WORDS words of
   VOC bytes and POST postings (as u64: no overflow).  */
static uint64_t
blob_size (uint64_t n, uint64_t len, uint64_t words, uint64_t voc,
           uint64_t post)
{
  return BLOB_HEADER + BLOB_FREQ + (len + 1 + 3) / 4 * 4 + 4 * (n + 1)
         + (voc + 3) / 4 * 4 + 8 * (words + 1) + 4 * post;
}

/* Write the N u32 at V to P.  @retval the bytes after them.  */
static unsigned char *
put_array (unsigned char *p, const uint32_t *v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    put32 (p + 4 * i, v[i]);
  return p + 4 * n;
}

unsigned char *
search_blob_make (const struct search_index *ix, size_t *len)
{
  const struct search_text *t = &ix->en;
  const struct search_vocab *w = &t->vocab;
  if (!w->voc || !t->buf || !little_endian () || t->n != ix->n_entries)
    return NULL;
  uint64_t size = blob_size (t->n, t->len, w->n, w->voc_len,
                             w->pstart[w->n]);
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
  put64 (b + B_SOURCE, source_bytes (ix));
  unsigned char *p = b + BLOB_HEADER;
  for (int c = 0; c < 256; c++, p += 4)
    put32 (p, t->freq[c]);
  memcpy (p, t->buf, t->len + 1);
  p = put_array (p + pad4 (t->len + 1), t->off, t->n + 1);
  memcpy (p, w->voc, w->voc_len);
  p = put_array (p + pad4 (w->voc_len), w->voff, w->n + 1);
  p = put_array (p, w->pstart, w->n + 1);
  put_array (p, w->post, w->pstart[w->n]);
  search_blob_seal (b, (size_t) size);
  *len = (size_t) size;
  return b;
}

void
search_blob_seal (unsigned char *blob, size_t len)
{
  if (len >= BLOB_HEADER)
    put64 (blob + B_SUM, blob_sum (blob + BLOB_HEADER, len - BLOB_HEADER));
}

/* Whether the N + 1 offsets at OFF rise, from 0 to LEN, into the
   bytes at S, each but the first just past a NUL: strings, each
   ending where the next one starts.  */
static bool
offsets_sound (const uint32_t *off, size_t n, const char *s, size_t len)
{
  if (off[0] != 0 || off[n] != len)
    return false;
  for (size_t i = 0; i < n; i++)
    if (off[i + 1] <= off[i] || off[i + 1] > len || s[off[i + 1] - 1])
      return false;
  return true;
}

/* Whether word index W, of a text of N strings, is sound.  */
static bool
vocab_sound (const struct search_vocab *w, size_t n)
{
  size_t posts = w->pstart[w->n];
  if (!w->n || w->pstart[0] != 0
      || !offsets_sound (w->voff, w->n, w->voc, w->voc_len))
    return false;
  for (size_t k = 0; k < w->n; k++)
    if (w->pstart[k + 1] < w->pstart[k] || w->pstart[k + 1] > posts)
      return false;
  for (size_t k = 0; k < posts; k++)
    if (w->post[k] >= n)
      return false;
  return true;
}

/* The arrays of the blob B, whose header is checked, of N strings,
   LEN bytes of text and W's counts, into T and W.  */
static void
blob_arrays (const unsigned char *b, size_t n, size_t len,
             struct search_text *t, struct search_vocab *w)
{
  const unsigned char *p = b + BLOB_HEADER + BLOB_FREQ;
  t->buf = (const char *) p;
  p += pad4 (len + 1);
  t->off = (const uint32_t *) (const void *) p;
  p += 4 * (n + 1);
  w->voc = (const char *) p;
  p += pad4 (w->voc_len);
  w->voff = (const uint32_t *) (const void *) p;
  w->pstart = w->voff + w->n + 1;
  w->post = w->pstart + w->n + 1;
}

size_t
search_blob_strings (const unsigned char *blob, size_t len)
{
  if (!blob || len < BLOB_HEADER || memcmp (blob, BLOB_MAGIC, 8) != 0)
    return 0;
  size_t n = get32 (blob + B_N);
  return n < len / 4 ? n : 0;   /* each has an offset of 4 bytes */
}

bool
search_blob_read (struct search_text *t, const struct search_index *ix,
                  const unsigned char *blob, size_t len)
{
  if (!blob || len < BLOB_HEADER || (uintptr_t) blob % 8 != 0
      || !little_endian () || memcmp (blob, BLOB_MAGIC, 8) != 0)
    return false;
  size_t n = get32 (blob + B_N), text = get32 (blob + B_LEN);
  struct search_vocab w = { .n = get32 (blob + B_WORDS),
                            .voc_len = get32 (blob + B_VOC) };
  size_t posts = get32 (blob + B_POST);
  if (n != ix->n_entries
      || blob_size (n, text, w.n, w.voc_len, posts) != len
      || get32 (blob + B_UNISTRING) != (uint32_t) _libunistring_version
      || get64 (blob + B_SUM) != blob_sum (blob + BLOB_HEADER,
                                           len - BLOB_HEADER)
      || get64 (blob + B_SOURCE) != source_bytes (ix))
    return false;
  struct search_text x = { .len = text, .n = n };
  blob_arrays (blob, n, text, &x, &w);
  if (!offsets_sound (x.off, n, x.buf, text) || x.buf[text]
      || w.pstart[w.n] != posts || !vocab_sound (&w, n))
    return false;
  t->buf = x.buf;
  t->off = x.off;
  t->len = text;
  t->n = n;
  t->owned = false;
  t->vocab = w;
  for (int c = 0; c < 256; c++)
    t->freq[c] = get32 (blob + BLOB_HEADER + 4 * (size_t) c);
  return true;
}
