/* benchutil.c - what the benchmark programs share.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "benchutil.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

double
bench_now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static int
double_cmp (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

double
bench_pct (double *v, size_t n, double p)
{
  if (n == 0)
    return 0;
  qsort (v, n, sizeof *v, double_cmp);
  double at = p / 100 * (double) (n - 1);
  size_t i = (size_t) at;
  return i + 1 < n ? v[i] + (v[i + 1] - v[i]) * (at - (double) i) : v[i];
}

double
bench_median (double *v, size_t n)
{
  return bench_pct (v, n, 50);
}

void
bench_die (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
  exit (1);
}

void *
bench_xrealloc (void *p, size_t n)
{
  p = realloc (p, n ? n : 1);
  if (!p)
    bench_die ("bench: out of memory");
  return p;
}
