/* unit-mocheck.c - the catalogue check (mocheck.h) and the printf
   reader under it (fmtsig.h): the build's catalogues are taken, in
   either byte order; each rule refuses the damage it is about, with
   its reason; and printf's arguments are read as glibc reads them.  */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
# include <printf.h>
#endif

#include "fmtsig.h"
#include "mocheck.h"
#include "tap.h"

/* --- fmtsig.  */

/* Whether FMT parses to the types TYPES (a string of enum fmtsig_type
   values, 0-terminated) with N_ERRNO %m; TYPES NULL: refused.  */
static bool
sig_is (const char *fmt, const char *types, unsigned n_errno)
{
  struct fmtsig sig;
  bool ok = fmtsig_parse (fmt, strlen (fmt), &sig);
  if (!types)
    return !ok;
  return ok && sig.n == strlen (types) && sig.n_errno == n_errno
         && memcmp (sig.type, types, sig.n) == 0;
}

static bool
same (const char *a, const char *b)
{
  struct fmtsig x, y;
  return fmtsig_parse (a, strlen (a), &x) && fmtsig_parse (b, strlen (b), &y)
         && fmtsig_same (&x, &y);
}

static void
test_fmtsig (void)
{
  static const char s[] = { FMTSIG_STRING, 0 }, sz[] = { FMTSIG_STRING,
                                                        FMTSIG_SIZE, 0 };
  static const char is[] = { FMTSIG_INT, FMTSIG_STRING, 0 };
  static const char ii[] = { FMTSIG_INT, FMTSIG_INT, 0 };
  tap_ok (sig_is ("no directive", "", 0), "fmtsig: plain text takes none");
  tap_ok (sig_is ("100%%", "", 0), "fmtsig: %%%% is a percent sign");
  tap_ok (sig_is ("%s", s, 0), "fmtsig: %%s, a string");
  tap_ok (sig_is ("%s: %zu more", sz, 0), "fmtsig: %%s and %%zu");
  tap_ok (sig_is ("%2$s %1$d", is, 0), "fmtsig: numbered arguments");
  tap_ok (sig_is ("%*d", ii, 0) && sig_is ("%.*s", is, 0)
          && sig_is ("%1$*2$d", ii, 0), "fmtsig: widths from arguments");
  tap_ok (sig_is ("%-10s|%'d|%02X|% d|%+.3f", (const char[]) {
            FMTSIG_STRING, FMTSIG_INT, FMTSIG_INT, FMTSIG_INT,
            FMTSIG_DOUBLE, 0 }, 0), "fmtsig: flags, widths, precisions");
  tap_ok (sig_is ("%hhd%hd%ld%lld%jd%zd%td%Lf%lc%ls%p%n", (const char[]) {
            FMTSIG_INT, FMTSIG_INT, FMTSIG_LONG, FMTSIG_LLONG,
            FMTSIG_INTMAX, FMTSIG_SIZE, FMTSIG_PTRDIFF, FMTSIG_LDOUBLE,
            FMTSIG_WINT, FMTSIG_WSTRING, FMTSIG_POINTER, FMTSIG_COUNT, 0 },
                  0), "fmtsig: every length");
  tap_ok (sig_is ("%m", "", 1), "fmtsig: %%m takes no argument");
  tap_ok (sig_is ("100%", NULL, 0) && sig_is ("50% 的", NULL, 0)
          && sig_is ("%y", NULL, 0) && sig_is ("%zs", NULL, 0)
          && sig_is ("%Ld", NULL, 0) && sig_is ("%hs", NULL, 0)
          && sig_is ("%lp", NULL, 0), "fmtsig: what printf cannot read");
  tap_ok (sig_is ("%1$s %s", NULL, 0) && sig_is ("%s %1$s", NULL, 0)
          && sig_is ("%1$*d", NULL, 0),
          "fmtsig: numbered and unnumbered arguments mixed");
  tap_ok (sig_is ("%2$s", NULL, 0) && sig_is ("%1$s %1$d", NULL, 0)
          && sig_is ("%0$s", NULL, 0) && sig_is ("%17$s", NULL, 0),
          "fmtsig: an argument skipped, read twice as two types, 0, or "
          "past 16");
  tap_ok (sig_is ("%9999s", s, 0) && sig_is ("%10000s", NULL, 0)
          && sig_is ("%.10000s", NULL, 0) && sig_is ("%*5d", NULL, 0),
          "fmtsig: widths up to 9999");
  tap_ok (same ("%d", "%u") && same ("%c", "%x") && same ("%f", "%lf")
          && same ("%s %d", "%1$s %2$d") && same ("%2$d %1$s", "%s %d"),
          "fmtsig_same: same arguments");
  tap_ok (!same ("%s", "%n") && !same ("%s", "%s%s") && !same ("%zu", "%d")
          && !same ("%s", "") && !same ("%m", "") && !same ("%d %s", "%s %d"),
          "fmtsig_same: other arguments");
}

/* --- What glibc's printf reads, for comparing (parse_printf_format).  */

/* A class of argument as the callee reads it.  (glibc's
   parse_printf_format says PA_CHAR for %lc and PA_STRING for %ls, so
   narrow and wide are one class here; fmtsig keeps them apart.)  */
enum cls { C_NONE, C_INT, C_INT64, C_DOUBLE, C_LDOUBLE, C_STRING,
           C_POINTER, C_COUNT, C_OTHER };

static enum cls
cls_of_sig (unsigned char t)
{
  switch (t)
    {
    case FMTSIG_INT: case FMTSIG_WINT: return C_INT;
    case FMTSIG_LONG: case FMTSIG_LLONG: case FMTSIG_INTMAX:
    case FMTSIG_SIZE: case FMTSIG_PTRDIFF:
      return sizeof (long) == 8 ? C_INT64 : C_OTHER;
    case FMTSIG_DOUBLE: return C_DOUBLE;
    case FMTSIG_LDOUBLE: return C_LDOUBLE;
    case FMTSIG_STRING: case FMTSIG_WSTRING: return C_STRING;
    case FMTSIG_POINTER: return C_POINTER;
    case FMTSIG_COUNT: return C_COUNT;
    default: return C_OTHER;
    }
}

#ifdef __GLIBC__
static enum cls
cls_of_glibc (int t)
{
  int base = t & ~PA_FLAG_MASK, flags = t & PA_FLAG_MASK;
  if (flags & PA_FLAG_PTR)
    return base == PA_INT ? C_COUNT : C_OTHER;
  switch (base)
    {
    case PA_CHAR: case PA_WCHAR: return C_INT;
    case PA_INT:
      return flags & (PA_FLAG_LONG | PA_FLAG_LONG_LONG) ? C_INT64 : C_INT;
    case PA_DOUBLE:
      return flags & PA_FLAG_LONG_DOUBLE ? C_LDOUBLE : C_DOUBLE;
    case PA_STRING: case PA_WSTRING: return C_STRING;
    case PA_POINTER: return C_POINTER;
    default: return C_OTHER;
    }
}

/* The classes glibc's printf reads FMT's arguments as, into C.
   @retval how many, or -1.  */
static int
glibc_classes (const char *fmt, enum cls *c, int max)
{
  int types[FMTSIG_MAX_ARGS * 2];
  size_t n = parse_printf_format (fmt, FMTSIG_MAX_ARGS * 2, types);
  if (n > (size_t) max)
    return -1;
  for (size_t i = 0; i < n; i++)
    c[i] = cls_of_glibc (types[i]);
  return (int) n;
}
#endif

/* Whether glibc reads FMT's arguments as fmtsig says it takes them.  */
static bool
agrees_with_glibc (const char *fmt)
{
#ifdef __GLIBC__
  struct fmtsig sig;
  enum cls c[FMTSIG_MAX_ARGS];
  if (!fmtsig_parse (fmt, strlen (fmt), &sig))
    return true;                /* refused: nothing to agree on */
  if (glibc_classes (fmt, c, FMTSIG_MAX_ARGS) != (int) sig.n)
    return false;
  for (unsigned i = 0; i < sig.n; i++)
    if (cls_of_sig (sig.type[i]) != c[i])
      return false;
#else
  (void) fmt;
#endif
  return true;
}

/* Whether glibc reads A's and B's arguments as the same classes.  */
static bool
glibc_same (const char *a, const char *b)
{
#ifdef __GLIBC__
  enum cls x[FMTSIG_MAX_ARGS], y[FMTSIG_MAX_ARGS];
  int n = glibc_classes (a, x, FMTSIG_MAX_ARGS);
  return n >= 0 && n == glibc_classes (b, y, FMTSIG_MAX_ARGS)
         && memcmp (x, y, (size_t) n * sizeof *x) == 0;
#else
  (void) a;
  (void) b;
  return true;
#endif
}

static void
test_glibc (void)
{
  static const char *const fmts[] = {
    "%s", "%2$s %1$d", "%*d", "%.*s", "%1$*2$d", "%-10s|%'d|%02X|% d",
    "%hhd%hd%ld%lld%jd%zd%td%Lf%lc%ls%p%n", "%m %s", "%c%C%S", "%I5d",
    "%#x %#o %a %A %e %E %g %G %F", "%1$.*3$s %2$d",
  };
  bool all = true;
  for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++)
    if (!agrees_with_glibc (fmts[i]))
      {
        all = false;
        printf ("# fmtsig and glibc differ on \"%s\"\n", fmts[i]);
      }
  tap_ok (all, "fmtsig reads every directive as glibc's printf does");
}

/* --- mocheck on the build's catalogues, whole and damaged.  */

struct cat
{
  unsigned char *p;
  size_t n;
};

static struct cat ui, content;  /* pinav.mo, pinav-content.mo */

static uint32_t
get (const struct cat *c, size_t off)
{
  return (uint32_t) c->p[off] | (uint32_t) c->p[off + 1] << 8
         | (uint32_t) c->p[off + 2] << 16 | (uint32_t) c->p[off + 3] << 24;
}

static void
set (struct cat *c, size_t off, uint32_t w)
{
  for (int i = 0; i < 4; i++)
    c->p[off + i] = (unsigned char) (w >> (8 * i));
}

static struct cat
cat_load (const char *domain)
{
  char path[4096];
  struct cat c = { NULL, 0 };
  struct stat st;
  /* The build's catalogues, from the test environment (Makefile.am).  */
  const char *dir = getenv ("PINAV_LOCALEDIR");
  if (!dir || !*dir)
    exit (99);
  snprintf (path, sizeof path, "%s/zh_CN/LC_MESSAGES/%s.mo", dir, domain);
  FILE *f = fopen (path, "rb");
  if (!f || fstat (fileno (f), &st) != 0
      || !(c.p = malloc ((size_t) st.st_size))
      || fread (c.p, 1, (size_t) st.st_size, f) != (size_t) st.st_size)
    exit (99);
  c.n = (size_t) st.st_size;
  fclose (f);
  return c;
}

static struct cat
cat_copy (const struct cat *c)
{
  struct cat d = { malloc (c->n), c->n };
  if (!d.p)
    exit (99);
  memcpy (d.p, c->p, c->n);
  return d;
}

/* The entry of C whose original is ID, and where its translation is
   (*AT, *LEN).  */
static uint32_t
cat_entry (const struct cat *c, const char *id, uint32_t *at, uint32_t *len)
{
  uint32_t n = get (c, 8), orig = get (c, 12), trans = get (c, 16);
  for (uint32_t i = 0; i < n; i++)
    if (strcmp ((const char *) c->p + get (c, orig + 8 * i + 4), id) == 0)
      {
        *len = get (c, trans + 8 * i);
        *at = get (c, trans + 8 * i + 4);
        return i;
      }
  printf ("# no entry \"%s\"\n", id);
  exit (99);
}

/* Whether C is refused with reason WHY (and entry ENTRY, from 1, when
   not 0); FORMATS as for the interface's catalogue.  */
static bool
refused (struct cat *c, const char *why, unsigned long entry)
{
  struct mocheck_result res;
  bool ok = mocheck_buffer (c->p, c->n, true, &res);
  bool as_told = !ok && res.why && strcmp (res.why, why) == 0
                 && (entry == 0 || res.entry == entry);
  if (!as_told)
    printf ("# %s: %s (string %lu)\n", ok ? "taken" : "refused",
            res.why ? res.why : "-", res.entry);
  free (c->p);
  return as_told;
}

/* Every word of C's header and tables in the other byte order.  */
static void
swap_order (struct cat *c)
{
  uint32_t n = get (c, 8), orig = get (c, 12), trans = get (c, 16);
  uint32_t size = get (c, 20), hash = get (c, 24);
  for (size_t off = 0; off < 28; off += 4)
    set (c, off, __builtin_bswap32 (get (c, off)));
  for (uint32_t i = 0; i < 2 * n; i++)
    {
      set (c, orig + 4 * i, __builtin_bswap32 (get (c, orig + 4 * i)));
      set (c, trans + 4 * i, __builtin_bswap32 (get (c, trans + 4 * i)));
    }
  for (uint32_t i = 0; i < size; i++)
    set (c, hash + 4 * i, __builtin_bswap32 (get (c, hash + 4 * i)));
}

static void
test_whole (void)
{
  struct mocheck_result res;
  tap_ok (mocheck_buffer (ui.p, ui.n, true, &res),
          "the build's pinav.mo is taken");
  tap_ok (mocheck_buffer (content.p, content.n, false, &res),
          "the build's pinav-content.mo is taken");
  struct cat c = cat_copy (&ui);
  swap_order (&c);
  tap_ok (mocheck_buffer (c.p, c.n, true, &res),
          "pinav.mo in the other byte order is taken");
  free (c.p);
  /* glibc reads each translation's arguments as its original's.  */
  uint32_t n = get (&ui, 8), orig = get (&ui, 12), trans = get (&ui, 16);
  bool all = true;
  for (uint32_t i = 0; i < n; i++)
    {
      const char *o = (const char *) ui.p + get (&ui, orig + 8 * i + 4);
      const char *t = (const char *) ui.p + get (&ui, trans + 8 * i + 4);
      if (*o && !glibc_same (o, t))
        {
          all = false;
          printf ("# glibc: \"%s\" and \"%s\" differ\n", o, t);
        }
    }
  tap_ok (all, "pinav.mo: glibc reads each translation's printf arguments "
          "as its original's");
}

/* Replace the bytes FROM with TO (as long) at the first place at or
   after AT in C.  */
static void
replace (struct cat *c, size_t at, const char *from, const char *to)
{
  unsigned char *p = memmem (c->p + at, c->n - at, from, strlen (from));
  if (!p || strlen (to) != strlen (from))
    exit (99);
  memcpy (p, to, strlen (to));
}

/* The file as a whole.  */
static void
test_damaged_file (void)
{
  struct cat c = cat_copy (&ui);
  c.n = 47;
  tap_ok (refused (&c, "too short to be a catalogue", 0), "47 bytes");
  c = cat_copy (&ui);
  c.p[0] ^= 1;
  tap_ok (refused (&c, "not a catalogue", 0), "a wrong magic number");
  c = cat_copy (&ui);
  set (&c, 4, 0x00020000);
  tap_ok (refused (&c, "a revision of the format gettext does not read", 0),
          "revision 2.0 (which gettext does not read either)");
  c = cat_copy (&ui);
  set (&c, 4, 0x00010000);
  c.n = 3000;
  tap_ok (refused (&c, "a table that is not inside the file", 0),
          "revision 1.0, cut short (it used to skip the check)");
  c = cat_copy (&ui);
  set (&c, 4, 0x00000001);
  tap_ok (refused (&c, "system-dependent strings, which pinav does not use",
                   0), "revision 0.1: system-dependent strings");
  c = cat_copy (&ui);
  set (&c, 4, 0x00010001);
  set (&c, 20, 0);
  tap_ok (refused (&c, "a revision that needs a hash table, without one", 0),
          "revision 1.1 without a hash table");
  c = cat_copy (&ui);
  set (&c, 12, (uint32_t) c.n - 8);
  tap_ok (refused (&c, "a table that is not inside the file", 0),
          "the table of originals past the end");
  c = cat_copy (&ui);
  set (&c, 8, get (&c, 8) + 100000);
  tap_ok (refused (&c, "a table that is not inside the file", 0),
          "a count of strings too large");
}

/* One string or translation.  */
static void
test_damaged_strings (void)
{
  uint32_t at, len, i;
  struct mocheck_result res;
  struct cat c = cat_copy (&ui);
  i = cat_entry (&c, "%s: out of memory\n", &at, &len);
  set (&c, get (&c, 16) + 8 * i, (uint32_t) c.n);
  tap_ok (refused (&c, "a string that runs past the end of the file", i + 1),
          "a translation's length past the end of the file");
  c = cat_copy (&ui);
  c.p[at + len] = 'x';
  tap_ok (refused (&c, "a string without its ending NUL", i + 1),
          "a translation without its NUL");
  c = cat_copy (&ui);
  c.p[at + 3] = 0xff;
  tap_ok (refused (&c, "a translation that is not UTF-8, or has a control "
                   "character", i + 1), "a translation that is not UTF-8");
  c = cat_copy (&ui);
  c.p[at + 2] = 0x1b;
  tap_ok (refused (&c, "a translation that is not UTF-8, or has a control "
                   "character", i + 1), "a translation with ESC");
  /* A Chinese character (three bytes) turned into one the rule for
     text refuses (src/base/text_safe.h) and into one it takes.  */
  size_t k = at;
  while (k < at + len && ui.p[k] < 0xe3)
    k++;
  if (k + 3 > at + len)
    exit (99);
  static const struct { const char *bytes, *what; bool ok; } odd[] = {
    { "\xe2\x80\xae", "a right-to-left override (U+202E)", false },
    { "\xe2\x81\xa7", "a first strong isolate (U+2068)", false },
    { "\xe2\x80\x8b", "a zero width space (U+200B)", false },
    { "\xe2\x80\xa8", "a line separator (U+2028)", false },
    { "\xc2\xad\x20", "a soft hyphen (U+00AD)", false },
    { "\xe2\x80\x94", "an em dash (U+2014)", true },
    { "\xe2\x80\x8d", "a zero width joiner (U+200D)", true },
  };
  for (size_t j = 0; j < sizeof odd / sizeof *odd; j++)
    {
      c = cat_copy (&ui);
      memcpy (c.p + k, odd[j].bytes, 3);
      bool ok = odd[j].ok && mocheck_buffer (c.p, c.n, true, &res);
      if (odd[j].ok)
        free (c.p);
      tap_ok (odd[j].ok ? ok : refused (&c, "a translation with a character "
                                        "that would change how the line "
                                        "reads (a bidirectional control or "
                                        "another format character)", i + 1),
              "a translation with %s is %s", odd[j].what,
              odd[j].ok ? "taken" : "refused");
    }
  c = cat_copy (&ui);
  set (&c, get (&c, 16) + 8 * i, 0);
  set (&c, get (&c, 16) + 8 * i + 4, at + len);
  tap_ok (refused (&c, "an empty translation", i + 1), "an empty translation");
  c = cat_copy (&ui);
  replace (&c, 0, "charset=UTF-8", "charset=UTF-7");
  tap_ok (refused (&c, "a character set other than UTF-8", 1),
          "the header's character set, UTF-7");
  c = cat_copy (&ui);
  replace (&c, 0, "plural=0;\n", "plural=n/0");
  tap_ok (refused (&c, "plural forms pinav does not know", 1),
          "the header's plural forms, n/0 (SIGFPE in ngettext)");
  c = cat_copy (&ui);
  replace (&c, 0, "nplurals=1;", "nplurals=9;");
  tap_ok (refused (&c, "plural forms pinav does not know", 1),
          "nine plural forms for plural=0");
}

/* printf directives.  */
static void
test_damaged_formats (void)
{
  uint32_t at, len, i;
  struct cat c = cat_copy (&ui);
  i = cat_entry (&c, "%s: out of memory\n", &at, &len);
  replace (&c, at, "%s", "%n");
  tap_ok (refused (&c, "a translation with printf's n conversion, which "
                   "writes to memory", i + 1), "%%s turned into %%n");
  c = cat_copy (&ui);
  replace (&c, at, "%s：", "%s%s ");
  tap_ok (refused (&c, "a translation that takes other printf arguments "
                   "than its original", i + 1), "%%s turned into %%s%%s");
  c = cat_copy (&ui);
  replace (&c, at, "%s", "%y");
  tap_ok (refused (&c, "a translation with a percent sign that printf "
                   "cannot read", i + 1), "%%s turned into %%y");
  c = cat_copy (&ui);
  i = cat_entry (&c, "%zu result", &at, &len);
  replace (&c, at, "%zu", "%s ");
  tap_ok (refused (&c, "a translation that takes other printf arguments "
                   "than its original", i + 1),
          "a plural form's %%zu turned into %%s");
  c = cat_copy (&ui);
  replace (&c, get (&c, get (&c, 12) + 8 * i + 4), "%zu results",
           "%s  results");
  tap_ok (refused (&c, "an original whose two forms take different printf "
                   "arguments", i + 1), "an original's plural form with "
          "%%s for %%zu");
}

/* The hash table.  */
static void
test_damaged_hash (void)
{
  uint32_t at, len, i, n = get (&ui, 8), size = get (&ui, 20);
  uint32_t hash = get (&ui, 24);
  struct cat c = cat_copy (&ui);
  set (&c, 20, size + 1);
  tap_ok (refused (&c, "a hash table whose size is not a prime", 0),
          "a hash table of %u entries, not a prime", size + 1);
  c = cat_copy (&ui);
  for (uint32_t k = 0; k < size; k++)
    if (!get (&c, hash + 4 * k))
      set (&c, hash + 4 * k, 1 + k % n);
  tap_ok (refused (&c, "a hash table without an empty entry", 0),
          "a hash table without an empty entry (gettext's search would "
          "never end)");
  c = cat_copy (&ui);
  set (&c, hash + 4 * 7, n + 1);
  tap_ok (refused (&c, "a hash table naming a string that is not there", 0),
          "a hash table entry past the last string");
  c = cat_copy (&ui);
  i = cat_entry (&c, "%s: out of memory\n", &at, &len);
  for (uint32_t k = 0; k < size; k++)
    if (get (&c, hash + 4 * k) == i + 1)
      set (&c, hash + 4 * k, 0);
  tap_ok (refused (&c, "a string the hash table does not lead to", i + 1),
          "a hash table that has lost a string");
  c = cat_copy (&ui);
  set (&c, 20, 0);              /* searched in order, then */
  uint32_t orig = get (&c, 12);
  for (uint32_t k = 8; k < 16; k += 4)  /* originals 1 and 2 swapped */
    {
      uint32_t w = get (&c, orig + k);
      set (&c, orig + k, get (&c, orig + k + 8));
      set (&c, orig + k + 8, w);
    }
  tap_ok (refused (&c, "originals out of order", 3),
          "no hash table, and two originals out of order");
}

static void
test_files (void)
{
  char dir[] = "/tmp/pinav-mocheck.XXXXXX", path[64];
  struct mocheck_result res;
  if (!mkdtemp (dir))
    exit (99);
  snprintf (path, sizeof path, "%s/none.mo", dir);
  tap_ok (mocheck_file (path, true, &res), "no file: fine");
  snprintf (path, sizeof path, "%s/dir.mo", dir);
  tap_ok (mkdir (path, 0700) == 0 && !mocheck_file (path, true, &res)
          && strcmp (res.why, "not a regular file") == 0,
          "a directory: not a regular file");
  rmdir (path);
  snprintf (path, sizeof path, "%s/fifo.mo", dir);
  tap_ok (mkfifo (path, 0600) == 0 && !mocheck_file (path, true, &res)
          && strcmp (res.why, "not a regular file") == 0,
          "a FIFO: not a regular file, and not waited on");
  unlink (path);
  rmdir (dir);
}

int
main (void)
{
  ui = cat_load ("pinav");
  content = cat_load ("pinav-content");
  test_fmtsig ();
  test_glibc ();
  test_whole ();
  test_damaged_file ();
  test_damaged_strings ();
  test_damaged_formats ();
  test_damaged_hash ();
  test_files ();
  free (ui.p);
  free (content.p);
  return tap_done ();
}
