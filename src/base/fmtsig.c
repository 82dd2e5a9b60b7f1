/* fmtsig.c - the arguments a printf format takes.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "fmtsig.h"

#include <string.h>

/* A format being read.  */
struct fmt_read
{
  const char *s;
  size_t len, i;
  int numbered;                 /* -1 not yet known, 0 "%s", 1 "%1$s" */
  unsigned next;                /* the last unnumbered argument taken */
  struct fmtsig *sig;
};

/* The length modifiers.  */
enum fmt_len { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_BIGL, LEN_J,
               LEN_Z, LEN_T };

/* The byte at R's place, or '\0' past the end.  */
static char
fmt_at (const struct fmt_read *r)
{
  return r->i < r->len ? r->s[r->i] : '\0';
}

/* The decimal number at R's place, of 1 to 4 digits: -1 when there is
   none, -2 when it is longer.  */
static int
fmt_number (struct fmt_read *r)
{
  int n = 0, digits = 0;
  for (char c; (c = fmt_at (r)) >= '0' && c <= '9'; r->i++, digits++)
    n = n * 10 + (c - '0');
  return digits == 0 ? -1 : digits > 4 ? -2 : n;
}

/* Take argument NUM (from 1), or the next when NUM is 0, as TYPE.  */
static bool
fmt_take (struct fmt_read *r, unsigned num, enum fmtsig_type type)
{
  int numbered = num > 0;
  if (r->numbered >= 0 && r->numbered != numbered)
    return false;
  r->numbered = numbered;
  if (!num)
    num = ++r->next;
  if (num > FMTSIG_MAX_ARGS)
    return false;
  unsigned char *t = &r->sig->type[num - 1];
  if (*t && *t != type)
    return false;
  *t = (unsigned char) type;
  if (num > r->sig->n)
    r->sig->n = num;
  return true;
}

/* An argument number "N$" at R's place: N, or 0 when there is none
   (R's place is then unchanged); -1 when it is not a number.  */
static int
fmt_argnum (struct fmt_read *r)
{
  size_t at = r->i;
  int n = fmt_number (r);
  if (n >= 0 && fmt_at (r) == '$')
    {
      r->i++;
      return n > 0 ? n : -1;
    }
  r->i = at;
  return n == -2 ? -1 : 0;
}

/* A width or precision at R's place: "*", "*N$", digits, or none.  */
static bool
fmt_size (struct fmt_read *r)
{
  if (fmt_at (r) != '*')
    return fmt_number (r) != -2;
  r->i++;
  int num = fmt_argnum (r);
  if (num < 0 || (num == 0 && fmt_at (r) >= '0' && fmt_at (r) <= '9'))
    return false;
  return fmt_take (r, (unsigned) num, FMTSIG_INT);
}

static enum fmt_len
fmt_length (struct fmt_read *r)
{
  static const char one[] = "hlqLjzZt";
  static const enum fmt_len lens[] = { LEN_H, LEN_L, LEN_LL, LEN_BIGL,
                                       LEN_J, LEN_Z, LEN_Z, LEN_T };
  char c = fmt_at (r);
  const char *p = c ? strchr (one, c) : NULL;
  if (!p)
    return LEN_NONE;
  r->i++;
  if ((c == 'h' || c == 'l') && fmt_at (r) == c)
    {
      r->i++;
      return c == 'h' ? LEN_HH : LEN_LL;
    }
  return lens[p - one];
}

/* What conversion C with length LEN takes: 0 when it is none that
   printf knows, -1 for %m (no argument).  */
static int
fmt_type (char c, enum fmt_len len)
{
  static const enum fmtsig_type ints[] = {
    [LEN_NONE] = FMTSIG_INT, [LEN_HH] = FMTSIG_INT, [LEN_H] = FMTSIG_INT,
    [LEN_L] = FMTSIG_LONG, [LEN_LL] = FMTSIG_LLONG, [LEN_J] = FMTSIG_INTMAX,
    [LEN_Z] = FMTSIG_SIZE, [LEN_T] = FMTSIG_PTRDIFF,
  };
  if (c && strchr ("diouxX", c))
    return len == LEN_BIGL ? 0 : (int) ints[len];
  if (c && strchr ("eEfFgGaA", c))
    return len == LEN_NONE || len == LEN_L ? FMTSIG_DOUBLE
           : len == LEN_BIGL ? FMTSIG_LDOUBLE : 0;
  if (c == 'n')
    return FMTSIG_COUNT;
  if (c == 'c' || c == 's')
    return len == LEN_NONE ? (c == 'c' ? FMTSIG_INT : FMTSIG_STRING)
           : len == LEN_L ? (c == 'c' ? FMTSIG_WINT : FMTSIG_WSTRING) : 0;
  if (len != LEN_NONE)
    return 0;
  return c == 'C' ? FMTSIG_WINT : c == 'S' ? FMTSIG_WSTRING
         : c == 'p' ? FMTSIG_POINTER : c == 'm' ? -1 : 0;
}

/* The directive after a '%' at R's place.  */
static bool
fmt_directive (struct fmt_read *r)
{
  int num = fmt_argnum (r);
  if (num < 0)
    return false;
  for (char c; (c = fmt_at (r)) && strchr ("-+ #0'I", c);)
    r->i++;
  if (!fmt_size (r))
    return false;
  if (fmt_at (r) == '.')
    {
      r->i++;
      if (!fmt_size (r))
        return false;
    }
  enum fmt_len len = fmt_length (r);
  int type = fmt_type (fmt_at (r), len);
  r->i++;
  if (type == -1)
    {
      r->sig->n_errno++;
      return num == 0;
    }
  return type > 0 && fmt_take (r, (unsigned) num, (enum fmtsig_type) type);
}

bool
fmtsig_parse (const char *s, size_t len, struct fmtsig *sig)
{
  struct fmt_read r = { s, len, 0, -1, 0, sig };
  memset (sig, 0, sizeof *sig);
  for (;;)
    {
      const char *pc = r.i < len ? memchr (s + r.i, '%', len - r.i) : NULL;
      if (!pc)
        break;
      r.i = (size_t) (pc - s) + 1;
      if (fmt_at (&r) == '%')
        r.i++;
      else if (!fmt_directive (&r))
        return false;
    }
  for (unsigned k = 0; k < sig->n; k++)
    if (!sig->type[k])
      return false;             /* a numbered argument skipped */
  return true;
}

bool
fmtsig_same (const struct fmtsig *a, const struct fmtsig *b)
{
  return a->n == b->n && a->n_errno == b->n_errno
         && memcmp (a->type, b->type, a->n) == 0;
}
