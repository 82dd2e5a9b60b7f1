/* vec.c - growable arrays.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "vec.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool
vec_grow (void *vp, size_t *cap, size_t need, size_t elem, size_t first)
{
  /* No more elements than malloc can be asked for in bytes.  */
  size_t limit = PTRDIFF_MAX / (elem ? elem : 1);
  size_t ncap = *cap ? *cap : first ? first : 1;
  if (need <= *cap)
    return true;
  if (need > limit)
    {
      errno = ENOMEM;
      return false;
    }
  while (ncap < need)
    ncap = ncap > limit / 2 ? limit : ncap * 2;
  if (ncap > limit)
    ncap = limit;
  /* The array pointer is read and written as bytes: VP may point to
     any T *, which has the representation of a void *.  */
  void *old, *v;
  size_t bytes = ncap * elem;
  memcpy (&old, vp, sizeof old);
  v = realloc (old, bytes ? bytes : 1);
  if (!v)
    return false;
  memcpy (vp, &v, sizeof v);
  *cap = ncap;
  return true;
}
