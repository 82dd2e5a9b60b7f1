/* load_terms.c - reading the termbases beside a pack.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "load_terms.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vec.h"

#define SUFFIX "-terms.tsv"
#define MAX_FORMS 16

struct terms
{
  struct content_pack *pack;
  size_t cap;
  bool ok;
};

/* Add to FORMS (*N of them) each piece of S (LEN bytes) between the
   separators SEP, trimmed of spaces, not empty.  */
static void
terms_split (struct terms *tm, const char **forms, size_t *n, const char *s,
             size_t len, const char *sep)
{
  size_t seplen = strlen (sep);
  while (len > 0 && *n < MAX_FORMS)
    {
      const char *end = s;
      while (end < s + len && !(end + seplen <= s + len
                                && memcmp (end, sep, seplen) == 0))
        end++;
      const char *a = s, *b = end;
      while (a < b && *a == ' ')
        a++;
      while (b > a && b[-1] == ' ')
        b--;
      if (b > a)
        {
          char *f = arena_alloc (&tm->pack->arena, (size_t) (b - a) + 1);
          if (!f)
            tm->ok = false;
          else
            forms[(*n)++] = memcpy (f, a, (size_t) (b - a));
        }
      size_t used = (size_t) (end - s) + (end < s + len ? seplen : 0);
      s += used;
      len -= used;
    }
}

/* One line of LANG's termbase: its term and variants, when it has a
   term.  */
static void
terms_line (struct terms *tm, const char *lang, char *line)
{
  const char *col[4] = { NULL, NULL, NULL, NULL };
  const char *forms[MAX_FORMS];
  size_t n = 0, k = 0;
  line[strcspn (line, "\r\n")] = '\0';
  if (line[0] == '#')
    return;
  for (char *p = line; p && k < 4; k++)
    {
      col[k] = p;
      p = strchr (p, '\t');
      if (p)
        *p++ = '\0';
    }
  if (!col[1])
    return;
  terms_split (tm, forms, &n, col[1], strlen (col[1]), "；");
  if (col[3])
    terms_split (tm, forms, &n, col[3], strlen (col[3]), "|");
  struct content_pack *p = tm->pack;
  if (n == 0 || !VEC_ROOM (p->terms, p->n_terms, tm->cap, 64))
    {
      tm->ok = tm->ok && n == 0;
      return;
    }
  const char **kept = arena_alloc (&p->arena, n * sizeof *kept);
  if (!kept)
    {
      tm->ok = false;
      return;
    }
  memcpy (kept, forms, n * sizeof *kept);
  p->terms[p->n_terms++] = (struct content_term) { lang, kept, n };
}

static void
terms_file (struct terms *tm, const char *dir, const char *name)
{
  size_t lang_len = strlen (name) - strlen (SUFFIX);
  char *lang = arena_alloc (&tm->pack->arena, lang_len + 1);
  char *path = NULL, *line = NULL;
  size_t size = 0;
  if (!lang || asprintf (&path, "%s/po/%s", dir, name) < 0)
    {
      tm->ok = false;
      return;
    }
  memcpy (lang, name, lang_len);
  FILE *f = fopen (path, "r");
  while (f && tm->ok && getline (&line, &size, f) >= 0)
    terms_line (tm, lang, line);
  if (f)
    fclose (f);
  free (line);
  free (path);
}

bool
load_terms (struct content_pack *pack, const char *dir)
{
  struct terms tm = { pack, 0, true };
  char *po = NULL;
  if (asprintf (&po, "%s/po", dir) < 0)
    return false;
  DIR *d = opendir (po);
  free (po);
  for (struct dirent *e; d && tm.ok && (e = readdir (d));)
    {
      size_t n = strlen (e->d_name);
      if (e->d_name[0] != '.' && n > strlen (SUFFIX)
          && strcmp (e->d_name + n - strlen (SUFFIX), SUFFIX) == 0)
        terms_file (&tm, dir, e->d_name);
    }
  if (d)
    closedir (d);
  return tm.ok;
}
