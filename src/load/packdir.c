/* packdir.c - list a pack directory's YAML files.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "packdir.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "vec.h"

static int
name_cmp (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static bool
is_yaml_name (const char *name)
{
  size_t n = strlen (name);
  return name[0] != '.' && n > 5 && strcmp (name + n - 5, ".yaml") == 0;
}

void
packdir_free (char **names, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free (names[i]);
  free (names);
}

int
packdir_names (const char *dir, char ***out, size_t *n)
{
  DIR *d = opendir (dir);
  char **names = NULL;
  size_t cap = 0;
  *out = NULL;
  *n = 0;
  if (!d)
    return -1;
  for (struct dirent *e; (e = readdir (d)) != NULL;)
    {
      if (!is_yaml_name (e->d_name))
        continue;
      if (!VEC_ROOM (names, *n, cap, 16))
        goto fail;
      if (!(names[*n] = strdup (e->d_name)))
        goto fail;
      ++*n;
    }
  closedir (d);
  if (*n)
    qsort (names, *n, sizeof *names, name_cmp);
  *out = names;
  return 0;
fail:
  closedir (d);
  packdir_free (names, *n);
  *n = 0;
  errno = ENOMEM;
  return -1;
}
