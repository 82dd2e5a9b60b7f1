/* arena.h - a region allocator: many allocations, one free.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_ARENA_H
#define PINAV_ARENA_H

#include <stddef.h>

struct arena_chunk;

/* An arena hands out memory that lives until arena_free().  */
struct arena
{
  struct arena_chunk *head;
  size_t used;          /* bytes handed out from head */
  size_t total;         /* bytes handed out in all */
};

/** arena_alloc - zeroed memory for N bytes, aligned for any type.
   @retval NULL when N is absurd or memory is exhausted.  */
void *arena_alloc (struct arena *a, size_t n);

/** arena_array - zeroed memory for COUNT objects of SIZE bytes.  */
void *arena_array (struct arena *a, size_t count, size_t size);

/** arena_strndup - a NUL-terminated copy of the first N bytes of S.  */
char *arena_strndup (struct arena *a, const char *s, size_t n);

/** arena_strdup - a copy of S, or NULL when S is NULL.  */
char *arena_strdup (struct arena *a, const char *s);

/** arena_wipe - arena_free, the memory first overwritten with zeros
   (explicit_bzero: what one patient read is not left for the next).  */
void arena_wipe (struct arena *a);

/** arena_free - release everything; the arena can be used again.  */
void arena_free (struct arena *a);

#endif
