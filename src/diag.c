/* diag.c - located diagnostics.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

void
diag_add (struct diags *d, const char *file, unsigned line, unsigned col,
          const char *fmt, ...)
{
  if (d->n >= DIAG_MAX)
    {
      d->dropped++;
      return;
    }
  if (d->n == d->cap)
    {
      size_t cap = d->cap ? d->cap * 2 : 16;
      struct diag *v = realloc (d->v, cap * sizeof *v);
      if (!v)
        {
          d->dropped++;
          return;
        }
      d->v = v;
      d->cap = cap;
    }
  va_list ap;
  va_start (ap, fmt);
  char *msg = NULL;
  if (vasprintf (&msg, fmt, ap) < 0)
    msg = NULL;
  va_end (ap);
  char *f = strdup (file ? file : "");
  if (!msg || !f)
    {
      free (msg);
      free (f);
      d->dropped++;
      return;
    }
  d->v[d->n++] = (struct diag) { f, line, col, msg, d->n };
}

static int
diag_cmp (const void *a, const void *b)
{
  const struct diag *x = a, *y = b;
  int c = strcmp (x->file, y->file);
  if (c)
    return c;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  if (x->col != y->col)
    return x->col < y->col ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
diag_print (struct diags *d, FILE *out)
{
  if (d->n)
    qsort (d->v, d->n, sizeof *d->v, diag_cmp);
  for (size_t i = 0; i < d->n; i++)
    {
      const struct diag *g = &d->v[i];
      if (g->line)
        fprintf (out, "%s:%u:%u: %s\n", g->file, g->line, g->col, g->msg);
      else
        fprintf (out, "%s: %s\n", g->file, g->msg);
    }
  if (d->dropped)
    fprintf (out, _("pinav: %zu more problems not shown\n"), d->dropped);
}

void
diag_free (struct diags *d)
{
  for (size_t i = 0; i < d->n; i++)
    {
      free (d->v[i].file);
      free (d->v[i].msg);
    }
  free (d->v);
  *d = (struct diags) { 0 };
}
