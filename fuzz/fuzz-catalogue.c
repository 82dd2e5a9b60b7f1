/* fuzz-catalogue.c - libFuzzer target: the catalogue check (mocheck.h)
   on any bytes, as the interface's catalogue and as the content's.  It
   must never crash, leak or hang; and a catalogue it takes must be one
   glibc's gettext reads safely.  So each one taken is then read as
   gettext reads it (intl/loadmsgcat.c, intl/dcigettext.c): every
   original and translation with strlen (ASan knows where the input
   ends), every original looked for in the hash table (a search that
   does not end traps); and for the interface,
   each translation's printf arguments as glibc's parse_printf_format
   reads them must be the first of its original's, of the same types.
   Seeds: the build's catalogues (make fuzz).  */
#include <config.h>

#include <printf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "mocheck.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define MAX_ARGS 64

struct cat
{
  const uint8_t *m;
  size_t size;
  bool swap;
};

static uint32_t
word (const struct cat *c, uint64_t off)
{
  if (off + 4 > c->size)
    __builtin_trap ();          /* taken, yet a word past the end */
  uint32_t w;
  memcpy (&w, c->m + off, 4);
  return c->swap ? __builtin_bswap32 (w) : w;
}

static const char *
str (const struct cat *c, uint32_t tab, uint32_t i, uint32_t *len)
{
  *len = word (c, tab + (uint64_t) i * 8);
  const char *s = (const char *) c->m + word (c, tab + (uint64_t) i * 8 + 4);
  if (strlen (s) > *len)        /* reads to the NUL: ASan watches */
    __builtin_trap ();
  return s;
}

/* glibc's lookup of KEY in the hash table: it must end.  */
static void
lookup (const struct cat *c, const char *key)
{
  uint32_t n = word (c, 8), orig = word (c, 12);
  uint32_t hsize = word (c, 20), hash = word (c, 24);
  uint32_t h = 0, len = (uint32_t) strlen (key);
  if (hsize <= 2)
    return;
  for (const unsigned char *p = (const unsigned char *) key; *p; p++)
    {
      h = (h << 4) + *p;
      h ^= ((h & 0xf0000000u) >> 24) ^ (h & 0xf0000000u);
    }
  uint32_t idx = h % hsize, incr = 1 + h % (hsize - 2);
  for (uint32_t steps = 0;; steps++)
    {
      uint32_t e = word (c, hash + (uint64_t) idx * 4), l;
      if (steps > hsize)
        __builtin_trap ();      /* gettext would search for ever */
      if (e == 0)
        return;
      if (e - 1 >= n)
        __builtin_trap ();
      if (word (c, orig + (uint64_t) (e - 1) * 8) >= len
          && strcmp (key, str (c, orig, e - 1, &l)) == 0)
        return;
      idx = idx >= hsize - incr ? idx - (hsize - incr) : idx + incr;
    }
}

/* The class of argument glibc's type T is read as: the same for types
   read by the same va_arg (%c and %d), and for %s and %ls, which
   parse_printf_format does not tell apart.  */
static int
arg_class (int t)
{
  int base = t & ~PA_FLAG_MASK;
  if (t & PA_FLAG_PTR)
    return t;
  if (base == PA_CHAR || base == PA_WCHAR || base == PA_INT)
    return t & (PA_FLAG_LONG | PA_FLAG_LONG_LONG) ? PA_INT | PA_FLAG_LONG
                                                   : PA_INT;
  return base == PA_WSTRING ? PA_STRING : t;
}

/* Whether glibc's printf reads T's arguments as the first of O's.  */
static bool
args_within (const char *o, const char *t)
{
  int a[MAX_ARGS], b[MAX_ARGS];
  for (int i = 0; i < MAX_ARGS; i++)
    a[i] = b[i] = -1;
  size_t na = parse_printf_format (o, MAX_ARGS, a);
  size_t nb = parse_printf_format (t, MAX_ARGS, b);
  if (nb > MAX_ARGS || nb > na)
    return false;
  for (size_t i = 0; i < nb; i++)
    if (arg_class (a[i]) != arg_class (b[i]))
      return false;
  return true;
}

/* Entry I's translation, each plural form, against its original.  */
static void
formats (const struct cat *c, uint32_t i)
{
  uint32_t ol, tl;
  const char *o = str (c, word (c, 12), i, &ol);
  const char *t = str (c, word (c, 16), i, &tl);
  if (!*o)
    return;                     /* a header */
  for (const char *f = t; f <= t + tl; f += strlen (f) + 1)
    if (!args_within (o, f))
      __builtin_trap ();
}

/* Read catalogue M (SIZE bytes), taken, as gettext does.  */
static void
read_as_gettext (const uint8_t *m, size_t size, bool interface)
{
  struct cat c = { m, size, false };
  c.swap = word (&c, 0) != 0x950412deu;
  uint32_t n = word (&c, 8), orig = word (&c, 12), l;
  for (uint32_t i = 0; i < n; i++)
    {
      const char *o = str (&c, orig, i, &l);
      (void) str (&c, word (&c, 16), i, &l);
      lookup (&c, o);
      if (interface)
        formats (&c, i);
    }
  lookup (&c, "");
  lookup (&c, "pinav: in no catalogue");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct mocheck_result res;
  if (mocheck_buffer (data, size, true, &res))
    read_as_gettext (data, size, true);
  if (mocheck_buffer (data, size, false, &res))
    read_as_gettext (data, size, false);
  return 0;
}
