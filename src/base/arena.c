/* arena.c - a region allocator.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "arena.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK (64 * 1024)
#define ARENA_ALIGN 16

struct arena_chunk
{
  struct arena_chunk *next;
  size_t size;
  _Alignas (ARENA_ALIGN) unsigned char data[];
};

/* A chunk of SIZE bytes; cleared when ZERO (calloc: a large one comes
   from the kernel already zero, and its pages are not touched until
   used, so an array made for records never reached costs no memory).  */
static struct arena_chunk *
arena_chunk_new (size_t size, bool zero)
{
  struct arena_chunk *c = zero ? calloc (1, sizeof *c + size)
                               : malloc (sizeof *c + size);
  if (c)
    {
      c->next = NULL;
      c->size = size;
    }
  return c;
}

void *
arena_alloc (struct arena *a, size_t n)
{
  size_t need = (n + ARENA_ALIGN - 1) & ~(size_t) (ARENA_ALIGN - 1);
  if (n > SIZE_MAX / 2)
    return NULL;
  if (need == 0)
    need = ARENA_ALIGN;
  if (need > ARENA_CHUNK)
    {
      /* A chunk of its own, behind the head, whose room stays.  */
      struct arena_chunk *c = arena_chunk_new (need, true);
      if (!c)
        return NULL;
      if (a->head)
        {
          c->next = a->head->next;
          a->head->next = c;
        }
      else
        {
          c->next = NULL;
          a->head = c;
          a->used = need;
        }
      a->total += need;
      return c->data;
    }
  if (!a->head || a->used + need > a->head->size)
    {
      struct arena_chunk *c = arena_chunk_new (ARENA_CHUNK, false);
      if (!c)
        return NULL;
      c->next = a->head;
      a->head = c;
      a->used = 0;
    }
  void *p = a->head->data + a->used;
  a->used += need;
  a->total += need;
  memset (p, 0, n);
  return p;
}

void *
arena_array (struct arena *a, size_t count, size_t size)
{
  if (size && count > SIZE_MAX / 4 / size)
    return NULL;
  return arena_alloc (a, count * size);
}

char *
arena_strndup (struct arena *a, const char *s, size_t n)
{
  char *p = arena_alloc (a, n + 1);
  if (p)
    {
      memcpy (p, s, n);
      p[n] = '\0';
    }
  return p;
}

char *
arena_strdup (struct arena *a, const char *s)
{
  return s ? arena_strndup (a, s, strlen (s)) : NULL;
}

void
arena_wipe (struct arena *a)
{
  for (struct arena_chunk *c = a->head; c; c = c->next)
    explicit_bzero (c->data, c->size);
  arena_free (a);
}

void
arena_free (struct arena *a)
{
  struct arena_chunk *c = a->head;
  while (c)
    {
      struct arena_chunk *next = c->next;
      free (c);
      c = next;
    }
  a->head = NULL;
  a->used = 0;
  a->total = 0;
}
