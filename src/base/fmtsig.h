/* fmtsig.h - the arguments a printf format takes, as glibc's printf
   reads it: for comparing a translation with its original.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_FMTSIG_H
#define PINAV_FMTSIG_H

#include <stdbool.h>
#include <stddef.h>

/* The most arguments a format may take (pinav's take at most 4).  */
#define FMTSIG_MAX_ARGS 16

/* What printf reads an argument as.  Integers of int's size and less
   are one type (%c, %d, %u, %hhx, a '*' width); so are the doubles
   (%e, %f, %g, %a).  */
enum fmtsig_type
{
  FMTSIG_INT = 1, FMTSIG_LONG, FMTSIG_LLONG, FMTSIG_INTMAX, FMTSIG_SIZE,
  FMTSIG_PTRDIFF, FMTSIG_DOUBLE, FMTSIG_LDOUBLE, FMTSIG_WINT,
  FMTSIG_STRING, FMTSIG_WSTRING, FMTSIG_POINTER, FMTSIG_COUNT
};

struct fmtsig
{
  unsigned n;                            /* arguments taken */
  unsigned char type[FMTSIG_MAX_ARGS];   /* enum fmtsig_type, by number */
  unsigned n_errno;                      /* %m directives (no argument) */
};

/** fmtsig_parse - the arguments of the format S (LEN bytes) into SIG.
   A directive is '%', then an argument number ("2$") or none, flags,
   a width, a precision, a length and a conversion, as C and POSIX
   define them; "%%" is a percent sign.
   @retval false when some '%' begins no such directive, when numbered
   and unnumbered arguments are mixed, an argument number is skipped
   or read as two types, a width or precision is over 9999, or the
   format takes more than FMTSIG_MAX_ARGS arguments.  */
bool fmtsig_parse (const char *s, size_t len, struct fmtsig *sig);

/** fmtsig_same - whether A and B take the same arguments, of the same
   types, and have as many %m.  */
bool fmtsig_same (const struct fmtsig *a, const struct fmtsig *b);

#endif
