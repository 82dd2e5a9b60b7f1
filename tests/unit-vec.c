/* unit-vec.c - the growable array (vec.h) and the string table
   (hash.h) that every layer's vectors and indexes use.  */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hash.h"
#include "tap.h"
#include "vec.h"

struct pair
{
  int a;
  double b;
};

static void
test_vec (void)
{
  struct pair *v = NULL;
  size_t n = 0, cap = 0;
  bool ok = true;
  for (int i = 0; i < 1000 && ok; i++)
    {
      ok = VEC_ROOM (v, n, cap, 8);
      if (ok)
        v[n++] = (struct pair) { i, i / 2.0 };
    }
  tap_ok (ok && n == 1000 && cap == 1024, "1000 pushes from 8: capacity "
          "1024 (doubling), got %zu", cap);
  bool kept = v != NULL;
  for (size_t i = 0; kept && i < n; i++)
    kept = v[i].a == (int) i && v[i].b == (double) i / 2.0;
  tap_ok (kept, "growth keeps every element");
  struct pair *before = v;
  tap_ok (VEC_ROOM (v, n - 1, cap, 8) && v == before && cap == 1024,
          "no growth while there is room");
  ok = vec_reserve (&v, &cap, 3000, sizeof *v, 8);
  tap_ok (ok && cap == 4096, "reserving 3000 doubles twice: %zu", cap);
  for (size_t i = 0; kept && i < n; i++)
    kept = v[i].a == (int) i;
  tap_ok (kept, "a multi-step growth keeps the contents");

  before = v;
  size_t cap_before = cap;
  errno = 0;
  tap_ok (!vec_grow (&v, &cap, SIZE_MAX / sizeof *v + 1, sizeof *v, 8)
          && errno == ENOMEM, "a count whose bytes overflow size_t is "
          "refused");
  tap_ok (v == before && cap == cap_before,
          "a refused growth leaves the array and capacity alone");
  tap_ok (!vec_grow (&v, &cap, SIZE_MAX, 1, 8) && v == before,
          "SIZE_MAX bytes are refused");
  tap_ok (!vec_grow (&v, &cap, PTRDIFF_MAX / sizeof *v + 1, sizeof *v, 8),
          "more than PTRDIFF_MAX bytes are refused");
  for (size_t i = 0; kept && i < n; i++)
    kept = v[i].a == (int) i;
  tap_ok (kept, "and the contents survive it");
  free (v);

  char *s = NULL;
  size_t scap = 0;
  tap_ok (vec_reserve (&s, &scap, 1, 1, 65536) && scap == 65536,
          "the first growth takes FIRST");
  tap_ok (vec_reserve (&s, &scap, 200000, 1, 65536) && scap == 262144,
          "a need past double the capacity doubles until it fits");
  free (s);
  int *z = NULL;
  size_t zcap = 0;
  ok = vec_reserve (&z, &zcap, 5, sizeof *z, 0);
  tap_ok (ok && zcap == 8, "FIRST 0 starts from 1 and doubles: %zu", zcap);
  free (z);
}

/* A key that collides with another in a 16-slot table.  */
static void
test_hash_small (void)
{
  struct hash_table t = { 0 };
  tap_ok (hash_get_str (&t, "absent") == HASH_NONE,
          "an empty zeroed table finds nothing");
  tap_ok (hash_put_str (&t, "alpha", 7) == 7, "put returns the new value");
  tap_ok (hash_put_str (&t, "alpha", 9) == 7,
          "put of a held key keeps (and returns) the first value");
  tap_ok (hash_get_str (&t, "alpha") == 7, "get finds it");
  tap_ok (hash_get (&t, "alphabet", 5) == 7,
          "a key is its LEN bytes, not a NUL-terminated string");
  tap_ok (hash_get (&t, "alpha", 4) == HASH_NONE
          && hash_get_str (&t, "alphas") == HASH_NONE,
          "a prefix or an extension of a key is absent");
  tap_ok (hash_put (&t, "", 0, 3) == 3 && hash_get (&t, "", 0) == 3,
          "the empty key is a key");
  tap_ok (hash_put_str (&t, "big", HASH_MAX) == HASH_MAX
          && hash_get_str (&t, "big") == HASH_MAX, "HASH_MAX is a value");
  tap_ok (hash_put_str (&t, "bigger", HASH_MAX + 1) == HASH_NONE
          && hash_get_str (&t, "bigger") == HASH_NONE,
          "a value over HASH_MAX is refused, not cut");
  tap_ok (sizeof (struct hash_slot) <= 16, "a slot is at most 16 bytes");

  /* Find two keys in the same home slot of a 16-slot table.  */
  char a[8] = "", b[8] = "";
  uint64_t home = hash_str ("k0") & 15;
  strcpy (a, "k0");
  for (int i = 1; i < 1000 && !b[0]; i++)
    {
      char k[8];
      snprintf (k, sizeof k, "k%d", i);
      if ((hash_str (k) & 15) == home)
        strcpy (b, k);
    }
  struct hash_table c;
  tap_ok (hash_init (&c, 0) && c.mask == 15, "init for no keys: 16 slots");
  tap_ok (b[0] && hash_put_str (&c, a, 1) == 1 && hash_put_str (&c, b, 2) == 2
          && hash_get_str (&c, a) == 1 && hash_get_str (&c, b) == 2,
          "two keys with one home slot (%s, %s) both found", a, b);
  tap_ok ((hash_str (b) & 15) == home && strcmp (a, b) != 0,
          "(they are distinct keys that collide)");
  tap_ok (hash_mem ("abc", 3) == hash_str ("abc"),
          "hash_mem of a string's characters is hash_str");
  hash_free (&c);
  tap_ok (c.slots == NULL && c.n == 0 && hash_get_str (&c, a) == HASH_NONE,
          "a freed table is empty");
  hash_free (&t);
}

/* Many keys: every one found after several rehashes, absent ones not.  */
static void
test_hash_many (void)
{
  enum { N = 5000 };
  static char keys[N][16];
  struct hash_table t = { 0 };
  size_t masks = 0, last_mask = 0;
  bool put = true;
  for (size_t i = 0; i < N; i++)
    {
      snprintf (keys[i], sizeof keys[i], "id-%zu", i);
      put &= hash_put_str (&t, keys[i], i) == i;
      if (t.mask != last_mask)
        masks++, last_mask = t.mask;
      put &= (t.n * 2 <= t.mask + 1);
    }
  tap_ok (put && t.n == N, "5000 keys put, the table never more than half "
          "full");
  tap_ok (masks >= 5, "through %zu rehashes", masks);
  size_t found = 0, missing = 0;
  for (size_t i = 0; i < N; i++)
    found += hash_get_str (&t, keys[i]) == i;
  tap_ok (found == N, "every key found with its value (%zu)", found);
  for (size_t i = 0; i < N; i++)
    {
      char k[24];
      snprintf (k, sizeof k, "id-%zu", i + N);
      missing += hash_get_str (&t, k) == HASH_NONE;
    }
  tap_ok (missing == N, "5000 absent keys missed (%zu)", missing);
  /* The table holds addresses: a copy of a key finds it too.  */
  char copy[16];
  strcpy (copy, keys[4321]);
  tap_ok (hash_get_str (&t, copy) == 4321, "keys compare by content");
  hash_free (&t);

  struct hash_table big;
  tap_ok (hash_init (&big, N) && big.mask + 1 >= 2 * N + 16,
          "init for N keys leaves it at most half full");
  size_t mask = big.mask;
  for (size_t i = 0; i < N; i++)
    hash_put_str (&big, keys[i], i);
  tap_ok (big.mask == mask, "and it does not grow while they go in");
  hash_free (&big);
}

int
main (void)
{
  /* A growth loop that no longer stops must fail, not hang.  */
  alarm (30);
  test_vec ();
  test_hash_small ();
  test_hash_many ();
  return tap_done ();
}
