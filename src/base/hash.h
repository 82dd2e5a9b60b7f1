/* hash.h - FNV-1a string hashing, for the id index, the loader's id
   sets and the extractor's catalogue.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_HASH_H
#define PINAV_HASH_H

#include <stdint.h>

#define HASH_SEED 1469598103934665603ULL

/** hash_more - continue hash H over the string S.  */
static inline uint64_t
hash_more (uint64_t h, const char *s)
{
  for (; *s; s++)
    h = (h ^ (unsigned char) *s) * 1099511628211ULL;
  return h;
}

/** hash_str - the hash of the string S.  */
static inline uint64_t
hash_str (const char *s)
{
  return hash_more (HASH_SEED, s);
}

#endif
