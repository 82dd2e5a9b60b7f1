/* search_find.c - finding a folded word in folded text, 16 places at
   a time.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search_find.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* The rarest byte of Q (LEN) by FREQ at a place not in K[0..J-1] and at
   least GAP bytes from each, or SIZE_MAX.  */
static size_t
needle_pick (const size_t *freq, const char *q, size_t len,
             const size_t *k, int j, size_t gap)
{
  size_t best = SIZE_MAX;
  for (size_t i = 0; i < len; i++)
    {
      bool near = false;
      for (int u = 0; u < j; u++)
        near |= (i > k[u] ? i - k[u] : k[u] - i) < gap;
      if (!near && (best == SIZE_MAX || freq[(unsigned char) q[i]]
                                        < freq[(unsigned char) q[best]]))
        best = i;
    }
  return best;
}

/* The rarest bytes of Q, far apart: bytes next to each other often
   come together (syllables, "qu"), and test little more than one.  */
struct search_needle
search_needle_make (const size_t freq[256], const char *q, size_t len)
{
  struct search_needle nd = { q, len, { 0, 0, 0 } };
  size_t gap = len / 3 > 1 ? len / 3 : 1;
  for (int j = 0; j < 3 && (size_t) j < len; j++)
    {
      nd.k[j] = needle_pick (freq, q, len, nd.k, j, gap);
      if (nd.k[j] == SIZE_MAX)
        nd.k[j] = needle_pick (freq, q, len, nd.k, j, 1);
    }
  for (size_t j = len; j < 3; j++)
    nd.k[j] = nd.k[0];
  return nd;
}

typedef unsigned char search_vec __attribute__ ((vector_size (16)));

/* Like memmem, but 16 places at a time are tested for the needle's
   three rarest bytes (GCC vectors: SSE2 or NEON), and only those
   places that have them are compared whole.  */
const char *
search_find (const char *hay, size_t n, const struct search_needle *nd)
{
  if (n < nd->len)
    return NULL;
  const unsigned char b0 = (unsigned char) nd->q[nd->k[0]];
  const unsigned char b1 = (unsigned char) nd->q[nd->k[1]];
  const unsigned char b2 = (unsigned char) nd->q[nd->k[2]];
  size_t places = n - nd->len + 1, i = 0;
  for (; i + 16 <= places; i += 16)
    {
      search_vec a, b, c, m;
      uint64_t w[2];
      memcpy (&a, hay + i + nd->k[0], 16);
      memcpy (&b, hay + i + nd->k[1], 16);
      memcpy (&c, hay + i + nd->k[2], 16);
      m = (search_vec) ((a == b0) & (b == b1) & (c == b2));
      memcpy (w, &m, 16);
      if (!(w[0] | w[1]))
        continue;
      for (int h = 0; h < 2; h++)
        while (w[h])
          {
            /* The lowest place left: each is 0 or 0xff, a byte.  */
            size_t j = (size_t) h * 8 + (size_t) __builtin_ctzll (w[h]) / 8;
            if (memcmp (hay + i + j, nd->q, nd->len) == 0)
              return hay + i + j;
            w[h] &= w[h] - 1;
            w[h] &= ~((uint64_t) 0xff << (j % 8 * 8));
          }
    }
  for (; i < places; i++)
    if ((unsigned char) hay[i + nd->k[0]] == b0
        && (unsigned char) hay[i + nd->k[1]] == b1
        && (unsigned char) hay[i + nd->k[2]] == b2
        && memcmp (hay + i, nd->q, nd->len) == 0)
      return hay + i;
  return NULL;
}
