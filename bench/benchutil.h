/* benchutil.h - what the benchmark programs share: a clock, medians,
   and dying with a message.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_BENCHUTIL_H
#define PINAV_BENCHUTIL_H

#include <stddef.h>
#include <stdint.h>

/** bench_now - the monotonic clock, in seconds.  */
double bench_now (void);

/** bench_median - the median of the N values of V (V is sorted).  */
double bench_median (double *v, size_t n);

/** bench_pct - the P-th percentile (0..100) of the N values of V
   (sorted first).  */
double bench_pct (double *v, size_t n, double p);

/** bench_die - print a printf-style message and exit 1.  */
void bench_die (const char *fmt, ...)
  __attribute__ ((noreturn, format (printf, 1, 2)));

/** bench_xrealloc - realloc, or die.  */
void *bench_xrealloc (void *p, size_t n);

/** bench_rng - the next number of the xorshift64* sequence in *STATE:
   the same on every machine, so that generated packs and queries repeat.  */
static inline uint64_t
bench_rng (uint64_t *state)
{
  *state ^= *state >> 12;
  *state ^= *state << 25;
  *state ^= *state >> 27;
  return *state * 2685821657736338717ULL;
}

#endif
