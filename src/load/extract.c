/* extract.c - the content string extractor (xgettext has no YAML, and
   po4a mangles block scalars).  Which strings are translatable follows
   docs/schema.md: the keys marked (tr), and the values of text and
   list attributes.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "extract.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "hash.h"
#include "vec.h"
#include "ytree.h"

/* One msgid and the places it comes from.  */
struct msg
{
  const char *id;
  char *refs;                   /* "file:line file:line" */
};

struct extract
{
  struct msg *v;
  size_t n, cap;
  struct hash_table ids;        /* msgid -> its index in V */
  const char *file;             /* the file being read, as referenced */
  struct arena arena;
};

static const char *const tr_keys[] = {
  "title", "heading", "p", "ul", "ol", "name", "summary", "label", "intro",
  "disclaimer", "about", "text", NULL
};

struct extract *
extract_new (void)
{
  return calloc (1, sizeof (struct extract));
}

static void
extract_add (struct extract *x, const struct ynode *n)
{
  char ref[4096];
  if (n->type != YNODE_SCALAR || n->len == 0
      || !VEC_ROOM (x->v, x->n, x->cap, 256))
    return;
  snprintf (ref, sizeof ref, "%s:%u", x->file, n->line);
  size_t i = hash_get_str (&x->ids, n->str);
  if (i != HASH_NONE)
    {
      struct msg *m = &x->v[i];
      char *r = NULL;
      if (asprintf (&r, "%s %s", m->refs, ref) >= 0)
        {
          free (m->refs);
          m->refs = r;
        }
      return;
    }
  char *refs = strdup (ref);
  if (!refs || hash_put_str (&x->ids, n->str, x->n) == HASH_NONE)
    {
      free (refs);
      return;
    }
  x->v[x->n++] = (struct msg) { n->str, refs };
}

/* Add N, or each string of N when it is a list.  */
static void
extract_value (struct extract *x, const struct ynode *n)
{
  if (n->type == YNODE_SCALAR)
    extract_add (x, n);
  else if (n->type == YNODE_SEQ)
    for (size_t i = 0; i < n->n; i++)
      extract_add (x, n->kids[i]);
}

static bool
is_tr_key (const char *k)
{
  for (size_t i = 0; tr_keys[i]; i++)
    if (strcmp (tr_keys[i], k) == 0)
      return true;
  return false;
}

/* Is attribute ID of the collection ROOT a text or list attribute?  */
static bool
attr_translatable (const struct ynode *root, const char *id)
{
  const struct ynode *defs = ytree_get (root, "attributes");
  for (size_t i = 0; defs && defs->type == YNODE_SEQ && i < defs->n; i++)
    {
      const struct ynode *d = defs->kids[i], *did = ytree_get (d, "id"),
        *type = ytree_get (d, "type");
      if (did && type && did->type == YNODE_SCALAR
          && type->type == YNODE_SCALAR && strcmp (did->str, id) == 0)
        return strcmp (type->str, "text") == 0
               || strcmp (type->str, "list") == 0;
    }
  return false;
}

/* Walk N in document order; ROOT is the file's top mapping.  */
static void
extract_walk (struct extract *x, const struct ynode *root,
              const struct ynode *n)
{
  if (n->type == YNODE_SEQ)
    for (size_t i = 0; i < n->n; i++)
      extract_walk (x, root, n->kids[i]);
  if (n->type != YNODE_MAP)
    return;
  for (size_t i = 0; i + 1 < n->n; i += 2)
    {
      const char *k = n->kids[i]->str;
      const struct ynode *v = n->kids[i + 1];
      if (is_tr_key (k))
        extract_value (x, v);
      else if (strcmp (k, "attrs") == 0 && v->type == YNODE_MAP)
        {
          for (size_t j = 0; j + 1 < v->n; j += 2)
            if (attr_translatable (root, v->kids[j]->str))
              extract_value (x, v->kids[j + 1]);
        }
      else
        extract_walk (x, root, v);
    }
}

bool
extract_buffer (struct extract *x, const char *file,
                const unsigned char *buf, size_t len, struct diags *diags)
{
  x->file = arena_strdup (&x->arena, file);
  const struct ynode *root = x->file ? ytree_parse (&x->arena, file, buf,
                                                    len, diags) : NULL;
  if (!root)
    return false;
  extract_walk (x, root, root);
  return true;
}

size_t
extract_count (const struct extract *x)
{
  return x->n;
}

static void
po_string (FILE *out, const char *s)
{
  putc ('"', out);
  for (; *s; s++)
    switch (*s)
      {
      case '"': fputs ("\\\"", out); break;
      case '\\': fputs ("\\\\", out); break;
      case '\n': fputs ("\\n", out); break;
      case '\t': fputs ("\\t", out); break;
      default: putc (*s, out);
      }
  putc ('"', out);
}

/* The template's creation date, as xgettext writes it: now in UTC, or
   SOURCE_DATE_EPOCH's time when it is set (reproducible builds).  */
static void
pot_date (char *buf, size_t size)
{
  const char *epoch = getenv ("SOURCE_DATE_EPOCH");
  time_t t = time (NULL);
  if (epoch && *epoch)
    {
      char *end;
      errno = 0;
      long long v = strtoll (epoch, &end, 10);
      if (!errno && !*end && v >= 0)
        t = (time_t) v;
    }
  struct tm tm;
  if (!gmtime_r (&t, &tm) || !strftime (buf, size, "%Y-%m-%d %H:%M+0000", &tm))
    snprintf (buf, size, "1970-01-01 00:00+0000");
}

void
extract_write (const struct extract *x, FILE *out)
{
  char date[32];
  pot_date (date, sizeof date);
  /* The header xgettext writes, with the fields a translator fills in
     left as its placeholders.  pinav has no address for bug reports
     (configure.ac): then the field is left out.  */
  fputs ("# Content strings of the pinav content pack.\n"
         "# This file is generated by pinav-extract: do not edit it.\n"
         "#, fuzzy\n"
         "msgid \"\"\n"
         "msgstr \"\"\n"
         "\"Project-Id-Version: " PACKAGE_NAME " " PACKAGE_VERSION "\\n\"\n",
         out);
  if (*PACKAGE_BUGREPORT)
    fputs ("\"Report-Msgid-Bugs-To: " PACKAGE_BUGREPORT "\\n\"\n", out);
  fprintf (out, "\"POT-Creation-Date: %s\\n\"\n", date);
  fputs ("\"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n\"\n"
         "\"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n\"\n"
         "\"Language-Team: LANGUAGE <LL@li.org>\\n\"\n"
         "\"Language: \\n\"\n"
         "\"MIME-Version: 1.0\\n\"\n"
         "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
         "\"Content-Transfer-Encoding: 8bit\\n\"\n", out);
  for (size_t i = 0; i < x->n; i++)
    {
      fprintf (out, "\n#: %s\nmsgid ", x->v[i].refs);
      po_string (out, x->v[i].id);
      fputs ("\nmsgstr \"\"\n", out);
    }
}

void
extract_free (struct extract *x)
{
  if (!x)
    return;
  for (size_t i = 0; i < x->n; i++)
    free (x->v[i].refs);
  free (x->v);
  hash_free (&x->ids);
  arena_free (&x->arena);
  free (x);
}
