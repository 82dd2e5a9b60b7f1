/* packsrc.c - load a pack, and load it again when its files change.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "packsrc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "i18n.h"
#include "load.h"
#include "load_terms.h"
#include "packdir.h"
#include "packfile.h"
#include "vec.h"

/* One file of a pack as it was when stamped.  */
struct stamp_file
{
  char *name;                   /* as messages name it */
  bool there;                   /* it could be stat'ed */
  dev_t dev;
  ino_t ino;
  off_t size;
  struct timespec mtime;
};

/* The files of a pack, sorted by name.  */
struct pack_stamp
{
  struct stamp_file *v;
  size_t n, cap;
};

/* The value of environment variable NAME, or NULL when it is unset or
   empty.  */
static const char *
env_value (const char *name)
{
  const char *env = getenv (name);
  return env && *env ? env : NULL;
}

static void
stamp_free (struct pack_stamp *st)
{
  for (size_t i = 0; st && i < st->n; i++)
    free (st->v[i].name);
  if (st)
    free (st->v);
  free (st);
}

/* Add the file at PATH, called NAME, to ST.  @retval false when out
   of memory.  */
static bool
stamp_add (struct pack_stamp *st, const char *name, const char *path)
{
  struct stat sb;
  if (!VEC_ROOM (st->v, st->n, st->cap, 16))
    return false;
  struct stamp_file *f = &st->v[st->n];
  memset (f, 0, sizeof *f);
  if (!(f->name = strdup (name)))
    return false;
  st->n++;
  if (stat (path, &sb) == 0)
    *f = (struct stamp_file) { f->name, true, sb.st_dev, sb.st_ino,
                               sb.st_size, sb.st_mtim };
  return true;
}

/* Add DIR's file NAME to ST.  */
static bool
stamp_add_in (struct pack_stamp *st, const char *dir, const char *name)
{
  char *path = NULL;
  if (asprintf (&path, "%s/%s", dir, name) < 0)
    return false;
  bool ok = stamp_add (st, name, path);
  free (path);
  return ok;
}

static int
stamp_cmp (const void *a, const void *b)
{
  return strcmp (((const struct stamp_file *) a)->name,
                 ((const struct stamp_file *) b)->name);
}

/* The files of the pack at PATH now: a directory's YAML files and the
   images that may stand for them (when COMPILED), or the one file.
   @retval the stamp, or NULL when out of memory.  */
static struct pack_stamp *
stamp_take (const char *path, bool compiled)
{
  struct pack_stamp *st = calloc (1, sizeof *st);
  struct stat sb;
  char **names = NULL;
  size_t n = 0;
  bool ok = st != NULL;
  if (ok && stat (path, &sb) == 0 && S_ISDIR (sb.st_mode))
    {
      if (packdir_names (path, &names, &n) != 0)
        n = 0;                  /* none: a change, when there were */
      for (size_t i = 0; ok && i < n; i++)
        ok = stamp_add_in (st, path, names[i]);
      packdir_free (names, n);
      if (ok && compiled)
        ok = stamp_add_in (st, path, PACKFILE_NAME);
      if (ok && compiled && env_value ("PINAV_PACKBIN"))
        ok = stamp_add (st, env_value ("PINAV_PACKBIN"),
                        env_value ("PINAV_PACKBIN"));
    }
  else if (ok)
    ok = stamp_add (st, path, path);
  if (ok && st->n)
    qsort (st->v, st->n, sizeof *st->v, stamp_cmp);
  if (!ok)
    stamp_free (st);
  return ok ? st : NULL;
}

static bool
stamp_same_file (const struct stamp_file *a, const struct stamp_file *b)
{
  return a->there == b->there
         && (!a->there
             || (a->dev == b->dev && a->ino == b->ino && a->size == b->size
                 && a->mtime.tv_sec == b->mtime.tv_sec
                 && a->mtime.tv_nsec == b->mtime.tv_nsec));
}

/* Append NAME (escaped) to the list *LIST.  */
static void
list_add (char **list, const char *name)
{
  char *safe = diag_escape (name), *more = NULL;
  if (safe && asprintf (&more, "%s%s%s", *list ? *list : "",
                        *list ? ", " : "", safe) >= 0)
    {
      free (*list);
      *list = more;
    }
  free (safe);
}

/* Append "LABEL: LIST" to *OUT, after a "; " when it is not empty;
   free LIST.  */
static void
what_add (char **out, const char *label, char *list)
{
  char *more = NULL;
  if (list && asprintf (&more, "%s%s%s: %s", *out ? *out : "",
                        *out ? "; " : "", label, list) >= 0)
    {
      free (*out);
      *out = more;
    }
  free (list);
}

/* Which of the files of A and B (sorted by name) differ.
   @retval whether any does; *WHAT (when WHAT is not NULL) says which:
   changed, added and removed, each a list.  */
static bool
stamp_diff (const struct pack_stamp *a, const struct pack_stamp *b,
            char **what)
{
  char *lists[3] = { NULL, NULL, NULL };        /* changed, added, gone */
  bool differ = false;
  size_t i = 0, j = 0;
  while (i < a->n || j < b->n)
    {
      int c = i == a->n ? 1 : j == b->n ? -1
              : strcmp (a->v[i].name, b->v[j].name);
      const struct stamp_file *x = c <= 0 ? &a->v[i] : NULL;
      const struct stamp_file *y = c >= 0 ? &b->v[j] : NULL;
      bool in_a = x && x->there, in_b = y && y->there;
      int k = in_a && in_b ? 0 : in_b ? 1 : 2;
      if ((in_a || in_b) && !(x && y && stamp_same_file (x, y)))
        {
          differ = true;
          if (what)
            list_add (&lists[k], (x ? x : y)->name);
        }
      i += c <= 0;
      j += c >= 0;
    }
  if (what)
    {
      *what = NULL;
      /* TRANSLATORS: in the journal's "content pack reloaded
         (changed: d003.yaml)": before the files that changed.  */
      what_add (what, _("changed"), lists[0]);
      /* TRANSLATORS: the same, before the files added.  */
      what_add (what, _("added"), lists[1]);
      /* TRANSLATORS: the same, before the files removed.  */
      what_add (what, _("removed"), lists[2]);
    }
  return differ;
}

/* The pack in directory DIR from its compiled image (packfile.h): DIR's
   own, or PINAV_PACKBIN's (the build tree's, for an uninstalled pinav
   whose YAML is in the source tree).  Either is used only if compiled
   from DIR's YAML as it is now; an image refused for what it is goes
   to DIAGS, and then PINAV_PACKBIN's is not tried (they may be the
   same file).
   @retval NULL when there is none.  */
static struct content_pack *
load_compiled (const char *dir, struct diags *diags)
{
  size_t said = diags->n;
  struct content_pack *pack = packfile_load (dir, NULL, diags);
  const char *other = env_value ("PINAV_PACKBIN");
  if (!pack && diags->n == said && other)
    pack = packfile_load (dir, other, diags);
  return pack;
}

/* The pack of SRC, from its image or its YAML; problems into DIAGS.  */
static struct content_pack *
source_load (const struct pack_source *src, struct diags *diags)
{
  struct content_pack *pack = src->compiled
                              ? load_compiled (src->path, diags) : NULL;
  if (!pack)
    pack = load_pack (src->path, diags);
  /* The termbases beside the pack, which search reads (issue 16).  */
  if (pack && !load_terms (pack, src->path))
    {
      content_free (pack);
      pack = NULL;
      diag_add (diags, src->path, 0, 0, "%s", _("Out of memory."));
    }
  return pack;
}

struct content_pack *
pack_source_load (struct pack_source *src, const char *path, bool compiled,
                  bool watch, FILE *err)
{
  struct diags diags = { 0 };
  *src = (struct pack_source) { path, compiled, NULL, NULL };
  /* Stamped before it is read: a file that changes while it is read
     differs at the next look.  */
  if (watch)
    src->stamp = stamp_take (path, compiled);
  struct content_pack *pack = source_load (src, &diags);
  diag_print (&diags, err);
  diag_free (&diags);
  return pack;
}

/* The first of the problems in DIAGS, sorted as diag_print sorts them,
   and how many more there are, on one line; malloc'd, or NULL.  */
static char *
first_problem (struct diags *diags)
{
  char *all = NULL, *line = NULL;
  size_t size = 0, more = 0;
  FILE *f = open_memstream (&all, &size);
  if (!f)
    return NULL;
  diag_print (diags, f);
  if (fclose (f) != 0 || !all || !*all)
    {
      free (all);
      return NULL;
    }
  size_t len = strcspn (all, "\n");
  for (const char *p = all + len; p && *p && p[1]; p = strchr (p + 1, '\n'))
    more++;
  /* TRANSLATORS: a problem of a content pack, then how many more
     there are.  */
  if (more ? asprintf (&line, _("%.*s (and %zu more)"), (int) len, all,
                       more) < 0
           : asprintf (&line, "%.*s", (int) len, all) < 0)
    line = NULL;
  free (all);
  return line;
}

enum pack_reload
pack_source_reload (struct pack_source *src, struct content_pack **pack,
                    char **what)
{
  struct diags diags = { 0 };
  *pack = NULL;
  *what = NULL;
  if (!src->stamp)
    return PACK_SAME;           /* not watched */
  struct pack_stamp *now = stamp_take (src->path, src->compiled);
  if (!now || !stamp_diff (src->stamp, now, NULL)
      || (src->tried && !stamp_diff (src->tried, now, NULL)))
    {
      stamp_free (now);
      return PACK_SAME;
    }
  *pack = source_load (src, &diags);
  stamp_free (src->tried);
  src->tried = NULL;
  if (*pack)
    {
      stamp_diff (src->stamp, now, what);
      stamp_free (src->stamp);
      src->stamp = now;
    }
  else
    {
      *what = first_problem (&diags);
      src->tried = now;
    }
  diag_free (&diags);
  return *pack ? PACK_RELOADED : PACK_REFUSED;
}

void
pack_source_free (struct pack_source *src)
{
  stamp_free (src->stamp);
  stamp_free (src->tried);
  src->stamp = src->tried = NULL;
}
