/* vec.h - growable arrays: one checked doubling for every vector.
   A vector is three plain fields of its owner, an array pointer, a count
   and a capacity ("struct item *v; size_t n, cap;"), all zero at first;
   vec_reserve (or VEC_ROOM, for one more element) makes room, and the
   owner frees V when it is done.  Any layer may use it.

     if (!VEC_ROOM (x->v, x->n, x->cap, 16))
       return false;            // out of memory: V, N, CAP unchanged
     x->v[x->n++] = item;

   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_VEC_H
#define PINAV_VEC_H

#include <stdbool.h>
#include <stddef.h>

/** vec_grow - make the malloc'd array whose address is VP (a T ** for
   any object type T; the array may be NULL) hold at least NEED
   elements of ELEM bytes.  Its capacity *CAP doubles, from FIRST when
   it is 0, until it is enough (never past what size_t can count in
   bytes); the contents are kept.
   @retval false, with the array and *CAP unchanged and errno ENOMEM,
   when the size would overflow or memory is exhausted.  */
bool vec_grow (void *vp, size_t *cap, size_t need, size_t elem,
               size_t first);

/** vec_reserve - vec_grow, called only when *CAP is under NEED: the
   usual case costs one comparison.  */
static inline bool
vec_reserve (void *vp, size_t *cap, size_t need, size_t elem, size_t first)
{
  return need <= *cap || vec_grow (vp, cap, need, elem, first);
}

/** VEC_ROOM - room in the array V (an lvalue of type T *), holding N
   elements and CAP of room, for one more; the element size is V's.  */
#define VEC_ROOM(v, n, cap, first) \
  vec_reserve (&(v), &(cap), (n) + 1, sizeof *(v), (first))

#endif
