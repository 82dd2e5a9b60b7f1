/* tap.h - a tiny Test Anything Protocol writer for the unit tests.  */
#ifndef PINAV_TAP_H
#define PINAV_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_n, tap_failed;

/* Report test COND with a printf-style description.  */
static void __attribute__ ((format (printf, 2, 3)))
tap_ok (int cond, const char *fmt, ...)
{
  va_list ap;
  printf ("%s %d - ", cond ? "ok" : "not ok", ++tap_n);
  va_start (ap, fmt);
  vprintf (fmt, ap);
  va_end (ap);
  putchar ('\n');
  if (!cond)
    tap_failed++;
}

/* Print the plan and return the exit status.  */
static int
tap_done (void)
{
  printf ("1..%d\n", tap_n);
  return tap_failed ? 1 : 0;
}

#endif
