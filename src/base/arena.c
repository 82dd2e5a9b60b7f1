/* arena.c - a region allocator.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "arena.h"

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

static struct arena_chunk *
arena_chunk_new (size_t size)
{
  struct arena_chunk *c = malloc (sizeof *c + size);
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
  if (!a->head || a->used + need > a->head->size)
    {
      size_t size = need > ARENA_CHUNK ? need : ARENA_CHUNK;
      struct arena_chunk *c = arena_chunk_new (size);
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
