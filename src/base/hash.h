/* hash.h - FNV-1a hashing, and a table of strings to indexes (open
   addressing, linear probing, at most half full), for the id index, the
   loader's id sets, the extractor's catalogue and the pack image's
   strings.  Any layer may use it.

     struct hash_table t = { 0 };     // or hash_init (&t, expected)
     if (hash_put (&t, key, len, i) == HASH_NONE)
       ...                            // out of memory
     size_t i = hash_get (&t, key, len);  // HASH_NONE when absent
     hash_free (&t);

   The table keeps the keys' addresses, not copies: each key must stay
   in place, unchanged, while the table is used.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_HASH_H
#define PINAV_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define HASH_SEED 1469598103934665603ULL
#define HASH_PRIME 1099511628211ULL

/** hash_more - continue hash H over the string S.  */
static inline uint64_t
hash_more (uint64_t h, const char *s)
{
  for (; *s; s++)
    h = (h ^ (unsigned char) *s) * HASH_PRIME;
  return h;
}

/** hash_str - the hash of the string S.  */
static inline uint64_t
hash_str (const char *s)
{
  return hash_more (HASH_SEED, s);
}

/** hash_mem - the hash of the LEN bytes at S (hash_str (S) when they
   are the characters of the string S).  */
static inline uint64_t
hash_mem (const char *s, size_t len)
{
  uint64_t h = HASH_SEED;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char) s[i]) * HASH_PRIME;
  return h;
}

/* What hash_get and hash_put return for no value.  */
#define HASH_NONE ((size_t) -1)

/* The largest key length and value a table holds: a slot is 16 bytes,
   so that four share a cache line.  */
#define HASH_MAX ((size_t) UINT32_MAX - 1)

struct hash_slot
{
  const char *key;              /* NULL: the slot is free */
  uint32_t len;
  uint32_t value;
};

/* A table: all zero is an empty one.  */
struct hash_table
{
  struct hash_slot *slots;
  size_t mask;                  /* slots - 1; the slots are a power of 2 */
  size_t n;                     /* keys held */
};

/** hash_init - T, empty, with room for N keys before it must grow.
   @retval false when out of memory (T is then an empty table).  */
bool hash_init (struct hash_table *t, size_t n);

/** hash_put - map the LEN bytes at KEY (kept, not copied) to VALUE,
   unless T holds that key already: the first of two equal keys keeps
   its value.  T grows as it fills.
   @retval the value the key has in T now (VALUE when it was added),
   or HASH_NONE when out of memory or when LEN or VALUE is over
   HASH_MAX.  */
size_t hash_put (struct hash_table *t, const char *key, size_t len,
                 size_t value);

/** hash_get - the value of the LEN bytes at KEY in T, or HASH_NONE.  */
size_t hash_get (const struct hash_table *t, const char *key, size_t len);

/** hash_free - release T's slots (not its keys); T is empty again.  */
void hash_free (struct hash_table *t);

/** hash_put_str - hash_put of the string KEY.  */
static inline size_t
hash_put_str (struct hash_table *t, const char *key, size_t value)
{
  return hash_put (t, key, strlen (key), value);
}

/** hash_get_str - hash_get of the string KEY.  */
static inline size_t
hash_get_str (const struct hash_table *t, const char *key)
{
  return hash_get (t, key, strlen (key));
}

#endif
