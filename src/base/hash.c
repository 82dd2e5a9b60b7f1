/* hash.c - a table of strings to indexes.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "hash.h"

#include <stdint.h>
#include <stdlib.h>

bool
hash_init (struct hash_table *t, size_t n)
{
  size_t size = 16;
  *t = (struct hash_table) { 0 };
  if (n > SIZE_MAX / 4 / sizeof *t->slots)
    return false;
  while (size < n * 2 + 16)
    size *= 2;
  t->slots = calloc (size, sizeof *t->slots);
  if (!t->slots)
    return false;
  t->mask = size - 1;
  return true;
}

/* The slot of KEY (of LEN bytes, hash H) in T: the one that holds it,
   or the free one where it would go.  T has a free slot.  */
static struct hash_slot *
hash_slot (const struct hash_table *t, const char *key, size_t len,
           uint64_t h)
{
  size_t i = (size_t) h & t->mask;
  for (; t->slots[i].key; i = (i + 1) & t->mask)
    if (t->slots[i].len == len && memcmp (t->slots[i].key, key, len) == 0)
      break;
  return &t->slots[i];
}

/* Double T's slots, moving every key.  */
static bool
hash_grow (struct hash_table *t)
{
  struct hash_table bigger;
  if (!hash_init (&bigger, t->n * 2))
    return false;
  for (size_t i = 0; t->slots && i <= t->mask; i++)
    if (t->slots[i].key)
      *hash_slot (&bigger, t->slots[i].key, t->slots[i].len,
                  hash_mem (t->slots[i].key, t->slots[i].len))
        = t->slots[i];
  bigger.n = t->n;
  free (t->slots);
  *t = bigger;
  return true;
}

size_t
hash_put (struct hash_table *t, const char *key, size_t len, size_t value)
{
  if (len > HASH_MAX || value > HASH_MAX)
    return HASH_NONE;
  if ((!t->slots || (t->n + 1) * 2 > t->mask + 1) && !hash_grow (t))
    return HASH_NONE;
  struct hash_slot *s = hash_slot (t, key, len, hash_mem (key, len));
  if (s->key)
    return s->value;
  *s = (struct hash_slot) { key, (uint32_t) len, (uint32_t) value };
  t->n++;
  return value;
}

size_t
hash_get (const struct hash_table *t, const char *key, size_t len)
{
  if (!t->slots || len > HASH_MAX)
    return HASH_NONE;
  const struct hash_slot *s = hash_slot (t, key, len, hash_mem (key, len));
  return s->key ? s->value : HASH_NONE;
}

void
hash_free (struct hash_table *t)
{
  free (t->slots);
  *t = (struct hash_table) { 0 };
}
