/* mocheck.c - checking a gettext catalogue before gettext reads it.
   The format is GNU gettext's (info gettext "MO Files"); what is read
   and trusted is glibc's intl/loadmsgcat.c and intl/dcigettext.c.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "mocheck.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fmtsig.h"
#include "i18n.h"
#include "text_safe.h"

#define MO_MAGIC 0x950412deu
#define MO_HEADER_BYTES 48      /* gettext reads no smaller file */
/* Probes of the hash table allowed a string, on average: msgfmt's
   tables (a third empty) need fewer than 2.  */
#define MO_PROBES 16

/* A catalogue being checked.  */
struct mo
{
  const unsigned char *m;
  size_t size;
  bool swap, formats;
  uint32_t n, orig, trans, hsize, hash;   /* the header's words */
  const char *prev;             /* the last original, for the order */
  struct mocheck_result *res;
};

/* A string of the catalogue: LEN bytes, then a NUL.  */
struct mo_str
{
  const char *s;
  uint32_t len;
};

static bool
mo_fail (struct mo *mo, unsigned long entry, const char *why)
{
  mo->res->why = why;
  mo->res->entry = entry;
  return false;
}

/* The word at OFF, which the caller knows to lie inside the file.  */
static uint32_t
mo_word (const struct mo *mo, uint64_t off)
{
  const unsigned char *p = mo->m + off;
  uint32_t w = (uint32_t) p[0] | (uint32_t) p[1] << 8
               | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
  return mo->swap ? __builtin_bswap32 (w) : w;
}

/* Whether COUNT items of WIDTH bytes at OFF lie inside the file, at an
   offset gettext can read words at.  */
static bool
mo_inside (const struct mo *mo, uint32_t off, uint32_t count, unsigned width)
{
  return off % 4 == 0 && (uint64_t) off + (uint64_t) count * width
                         <= mo->size;
}

/* The header: magic number, revision, and the tables' places.  */
static bool
mo_header (struct mo *mo)
{
  if (mo->size < MO_HEADER_BYTES)
    return mo_fail (mo, 0, N_("too short to be a catalogue"));
  uint32_t magic = mo_word (mo, 0);
  mo->swap = magic == __builtin_bswap32 (MO_MAGIC);
  if (magic != MO_MAGIC && !mo->swap)
    return mo_fail (mo, 0, N_("not a catalogue"));
  uint32_t rev = mo_word (mo, 4);
  if (rev >> 16 > 1)
    return mo_fail (mo, 0, N_("a revision of the format gettext does not "
                              "read"));
  mo->n = mo_word (mo, 8);
  mo->orig = mo_word (mo, 12);
  mo->trans = mo_word (mo, 16);
  mo->hsize = mo_word (mo, 20);
  mo->hash = mo_word (mo, 24);
  /* Minor revisions from 1 need a hash table, and may have strings
     that differ by system (<PRIu64>), which pinav has none of.  */
  if ((rev & 0xffff) && mo->hsize <= 2)
    return mo_fail (mo, 0, N_("a revision that needs a hash table, "
                              "without one"));
  if ((rev & 0xffff) && mo_word (mo, 36) != 0)
    return mo_fail (mo, 0, N_("system-dependent strings, which pinav "
                              "does not use"));
  if (!mo_inside (mo, mo->orig, mo->n, 8)
      || !mo_inside (mo, mo->trans, mo->n, 8)
      || (mo->hsize > 2 && !mo_inside (mo, mo->hash, mo->hsize, 4)))
    return mo_fail (mo, 0, N_("a table that is not inside the file"));
  return true;
}

/* String I of the table at TAB into *S: inside the file, NUL after.  */
static bool
mo_string (struct mo *mo, uint32_t tab, uint32_t i, struct mo_str *s)
{
  uint32_t len = mo_word (mo, tab + (uint64_t) i * 8);
  uint32_t off = mo_word (mo, tab + (uint64_t) i * 8 + 4);
  if ((uint64_t) off + len >= mo->size)
    return mo_fail (mo, i + 1UL, N_("a string that runs past the end of "
                                    "the file"));
  if (mo->m[off + len] != '\0')
    return mo_fail (mo, i + 1UL, N_("a string without its ending NUL"));
  s->s = (const char *) mo->m + off;
  s->len = len;
  return true;
}

/* The length of the character at P (N bytes left) if it is valid
   UTF-8 (Unicode's table 3-7: no overlong form, no surrogate) and no
   control character but a newline or the NUL between plural forms;
   else 0.  */
static int
mo_char (const uint8_t *p, size_t n)
{
  uint8_t c = p[0];
  if (c < 0x80)
    return (c < 0x20 && c != '\n' && c != '\0') || c == 0x7f ? 0 : 1;
  if (c < 0xc2 || c > 0xf4 || n < 2 || (p[1] & 0xc0) != 0x80)
    return 0;
  if (c < 0xe0)                 /* not C1, U+0080 to U+009F */
    return c > 0xc2 || p[1] >= 0xa0 ? 2 : 0;
  if (n < 3 || (p[2] & 0xc0) != 0x80 || (c == 0xe0 && p[1] < 0xa0)
      || (c == 0xed && p[1] >= 0xa0))
    return 0;
  if (c < 0xf0)
    return 3;
  return n >= 4 && (p[3] & 0xc0) == 0x80 && (c > 0xf0 || p[1] >= 0x90)
         && (c < 0xf4 || p[1] < 0x90) ? 4 : 0;
}

/* The code point of the valid UTF-8 character of W bytes at P.  */
static unsigned
mo_code (const uint8_t *p, int w)
{
  unsigned c = w == 1 ? p[0] : p[0] & (0x7f >> w);
  for (int k = 1; k < w; k++)
    c = c << 6 | (p[k] & 0x3f);
  return c;
}

/* Translation T of entry I: UTF-8 without control characters
   (mo_char), nor any other character that text_unsafe refuses in
   block text (bidirectional controls, format characters): the rule
   the loader holds the pack to (docs/security.md).  */
static bool
mo_text (struct mo *mo, uint32_t i, const struct mo_str *t)
{
  const uint8_t *p = (const uint8_t *) t->s;
  for (size_t k = 0; k < t->len;)
    {
      /* Most of it: printable ASCII, and the three bytes of a Chinese
         character (U+3000 to U+CFFF, where Unicode has no format
         character); P[LEN] is a NUL.  */
      uint8_t c = p[k];
      if (c >= 0x20 && c < 0x7f)
        {
          k++;
          continue;
        }
      if (c >= 0xe3 && c < 0xed && (p[k + 1] & 0xc0) == 0x80
          && (p[k + 2] & 0xc0) == 0x80)
        {
          k += 3;
          continue;
        }
      int w = mo_char (p + k, t->len - k);
      if (w == 0)
        return mo_fail (mo, i + 1UL, N_("a translation that is not UTF-8, "
                                        "or has a control character"));
      if (w > 1 && text_unsafe (mo_code (p + k, w), true) != TEXT_SAFE)
        return mo_fail (mo, i + 1UL,
                        N_("a translation with a character that would "
                           "change how the line reads (a bidirectional "
                           "control or another format character)"));
      k += (size_t) w;
    }
  return true;
}

/* Whether the header's plural forms, from "plural=" at PLURAL and
   NPLURALS, are ones pinav knows: glibc parses the expression, and
   evaluates it for every ngettext (n/0 raises SIGFPE).  */
static bool
mo_plural_known (const char *plural, unsigned long nplurals)
{
  static const struct { const char *exp; unsigned long n; } known[] = {
    { "0", 1 }, { "n!=1", 2 }, { "(n!=1)", 2 }, { "n>1", 2 },
    { "(n>1)", 2 },
  };
  char exp[16];
  size_t n = 0;
  /* As glibc's lexer reads it: to ';', a newline or the end, without
     spaces and tabs.  */
  for (const char *p = plural; *p && *p != ';' && *p != '\n'; p++)
    if (*p != ' ' && *p != '\t')
      {
        if (n + 1 == sizeof exp)
          return false;
        exp[n++] = *p;
      }
  exp[n] = '\0';
  for (size_t k = 0; k < sizeof known / sizeof *known; k++)
    if (strcmp (exp, known[k].exp) == 0)
      return nplurals == known[k].n;
  return false;
}

/* A header: the translation H of an empty original, which gettext
   reads its character set and plural forms from, with strstr.  */
static bool
mo_header_entry (struct mo *mo, uint32_t i, const char *h)
{
  const char *cs = strstr (h, "charset=");
  if (cs && (strcspn (cs + 8, " \t\n") != 5
             || strncasecmp (cs + 8, "UTF-8", 5) != 0))
    return mo_fail (mo, i + 1UL, N_("a character set other than UTF-8"));
  const char *plural = strstr (h, "plural=");
  const char *np = strstr (h, "nplurals=");
  if (!plural || !np)
    return true;                /* gettext takes English's */
  for (np += 9; isspace ((unsigned char) *np); np++)
    continue;
  if (!isdigit ((unsigned char) *np))
    return true;                /* the same */
  if (!mo_plural_known (plural + 7, strtoul (np, NULL, 10)))
    return mo_fail (mo, i + 1UL, N_("plural forms pinav does not know"));
  return true;
}

/* The printf arguments of original O and translation T of entry I:
   each plural form of T takes those of O's forms (which must agree).
   An original that is no format takes none.  */
static bool
mo_formats (struct mo *mo, uint32_t i, const struct mo_str *o,
            const struct mo_str *t)
{
  struct fmtsig want, other, got;
  const char *nul = memchr (o->s, '\0', o->len);
  size_t one = nul ? (size_t) (nul - o->s) : o->len;
  if (!fmtsig_parse (o->s, one, &want))
    memset (&want, 0, sizeof want);
  if (nul && !fmtsig_parse (nul + 1, o->len - one - 1, &other))
    memset (&other, 0, sizeof other);
  if (nul && !fmtsig_same (&want, &other))
    return mo_fail (mo, i + 1UL, N_("an original whose two forms take "
                                    "different printf arguments"));
  for (const char *f = t->s; f <= t->s + t->len; f += strlen (f) + 1)
    {
      if (!fmtsig_parse (f, strlen (f), &got))
        return mo_fail (mo, i + 1UL, N_("a translation with a percent sign "
                                        "that printf cannot read"));
      if (fmtsig_same (&want, &got))
        continue;
      if (memchr (got.type, FMTSIG_COUNT, got.n))
        return mo_fail (mo, i + 1UL, N_("a translation with printf's n "
                                        "conversion, which writes to "
                                        "memory"));
      return mo_fail (mo, i + 1UL, N_("a translation that takes other "
                                      "printf arguments than its "
                                      "original"));
    }
  return true;
}

/* Entry I: its original and translation.  */
static bool
mo_entry (struct mo *mo, uint32_t i)
{
  struct mo_str o, t;
  if (!mo_string (mo, mo->orig, i, &o) || !mo_string (mo, mo->trans, i, &t)
      || !mo_text (mo, i, &t))
    return false;
  const char *nul = memchr (o.s, '\0', o.len);
  if (nul && memchr (nul + 1, '\0', o.len - (size_t) (nul + 1 - o.s)))
    return mo_fail (mo, i + 1UL, N_("an original with more than two "
                                    "forms"));
  /* Without a hash table gettext searches the originals in order.  */
  if (mo->hsize <= 2 && mo->prev && strcmp (mo->prev, o.s) > 0)
    return mo_fail (mo, i + 1UL, N_("originals out of order"));
  mo->prev = o.s;
  if (o.s[0] == '\0')           /* what gettext("") finds: a header */
    return mo_header_entry (mo, i, t.s);
  if (t.len == 0)
    return mo_fail (mo, i + 1UL, N_("an empty translation"));
  return !mo->formats || mo_formats (mo, i, &o, &t);
}

/* glibc's __hash_string (intl/hash-string.c), which msgfmt uses, of S;
   its length into *LEN.  */
static uint32_t
mo_hash_string (const char *s, size_t *len)
{
  uint32_t h = 0;
  const unsigned char *p = (const unsigned char *) s;
  for (; *p; p++)
    {
      h = (h << 4) + *p;
      uint32_t g = h & 0xf0000000u;
      h ^= (g >> 24) ^ g;       /* nothing when G is 0 */
    }
  *len = (size_t) (p - (const unsigned char *) s);
  return h;
}

static bool
mo_prime (uint32_t n)
{
  if (n < 3 || n % 2 == 0)
    return n == 2;
  for (uint32_t d = 3; d <= n / d; d += 2)
    if (n % d == 0)
      return false;
  return true;
}

/* Whether the hash table leads to entry I's original as gettext's
   lookup goes (intl/dcigettext.c, _nl_find_msg), within *BUDGET
   probes.  */
static bool
mo_hash_finds (struct mo *mo, uint32_t i, uint64_t *budget)
{
  const char *key = (const char *) mo->m
                    + mo_word (mo, mo->orig + (uint64_t) i * 8 + 4);
  size_t len;
  uint32_t h = mo_hash_string (key, &len);
  uint32_t idx = h % mo->hsize, incr = 1 + h % (mo->hsize - 2);
  for (;;)
    {
      if ((*budget)-- == 0)
        return mo_fail (mo, i + 1UL, N_("a hash table too crowded to "
                                        "search"));
      uint32_t e = mo_word (mo, mo->hash + (uint64_t) idx * 4);
      if (e == 0)
        return mo_fail (mo, i + 1UL, N_("a string the hash table does "
                                        "not lead to"));
      uint64_t d = mo->orig + (uint64_t) (e - 1) * 8;
      if (mo_word (mo, d) >= len
          && strcmp (key, (const char *) mo->m + mo_word (mo, d + 4)) == 0)
        return true;
      idx = idx >= mo->hsize - incr ? idx - (mo->hsize - incr) : idx + incr;
    }
}

/* The hash table, when gettext uses one (more than 2 entries): every
   entry names a string or none, one at least is empty and the size is
   a prime (so that every search ends), and it leads to every string.
   Call it once every entry is known to be whole.  */
static bool
mo_hash_table (struct mo *mo)
{
  bool empty = false;
  if (mo->hsize <= 2)
    return true;
  if (!mo_prime (mo->hsize))
    return mo_fail (mo, 0, N_("a hash table whose size is not a prime"));
  for (uint32_t k = 0; k < mo->hsize; k++)
    {
      uint32_t e = mo_word (mo, mo->hash + (uint64_t) k * 4);
      if (e > mo->n)
        return mo_fail (mo, 0, N_("a hash table naming a string that is "
                                  "not there"));
      empty = empty || e == 0;
    }
  if (!empty)
    return mo_fail (mo, 0, N_("a hash table without an empty entry"));
  uint64_t budget = (uint64_t) mo->n * MO_PROBES + mo->hsize;
  for (uint32_t i = 0; i < mo->n; i++)
    if (!mo_hash_finds (mo, i, &budget))
      return false;
  return true;
}

bool
mocheck_buffer (const unsigned char *m, size_t size, bool formats,
                struct mocheck_result *res)
{
  struct mo mo = { .m = m, .size = size, .formats = formats, .res = res };
  res->why = NULL;
  res->entry = 0;
  if (!mo_header (&mo))
    return false;
  for (uint32_t i = 0; i < mo.n; i++)
    if (!mo_entry (&mo, i))
      return false;
  return mo_hash_table (&mo);
}

/* All SIZE bytes of FD into M.  */
static bool
mo_read_all (int fd, unsigned char *m, size_t size)
{
  for (size_t got = 0; got < size;)
    {
      ssize_t r = read (fd, m + got, size - got);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        return false;
      got += (size_t) r;
    }
  return true;
}

bool
mocheck_file (const char *path, bool formats, struct mocheck_result *res)
{
  struct stat st;
  unsigned char *m = NULL;
  bool ok = false;
  res->why = N_("it cannot be read");
  res->entry = 0;
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return errno == ENOENT || errno == ENOTDIR;
  if (fstat (fd, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        res->why = N_("not a regular file");
      else if (st.st_size > MOCHECK_MAX_BYTES)
        res->why = N_("too large to be a catalogue");
      else if ((m = malloc ((size_t) st.st_size + 1))
               && mo_read_all (fd, m, (size_t) st.st_size))
        ok = mocheck_buffer (m, (size_t) st.st_size, formats, res);
    }
  free (m);
  close (fd);
  return ok;
}
