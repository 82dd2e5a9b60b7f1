/* diag.c - located diagnostics.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "i18n.h"
#include "text.h"
#include "text_safe.h"
#include "vec.h"

/* A malloc'd copy of S with every invalid byte and every character a
   terminal must not be given in a line (text_safe.h) written as an
   escape, so that no message can drive the terminal or read other
   than it is: \xNN, \uNNNN or \UNNNNNNNN.  */
static char *
diag_clean (const char *s)
{
  size_t len = strlen (s), n = 0;
  char *out = malloc (len * 6 + 1);
  if (!out)
    return NULL;
  const unsigned char *p = (const unsigned char *) s;
  for (size_t i = 0; i < len;)
    {
      ucs4_t c = 0;
      int w = u8_mbtoucr (&c, p + i, len - i);
      if (w < 0)
        n += (size_t) sprintf (out + n, "\\x%02X", p[i++]);
      else if (text_unsafe (c, false) != TEXT_SAFE)
        n += (size_t) sprintf (out + n, c < 0x100 ? "\\x%02X"
                               : c < 0x10000 ? "\\u%04X" : "\\U%08X",
                               (unsigned) c), i += (size_t) w;
      else
        {
          memcpy (out + n, p + i, (size_t) w);
          n += (size_t) w;
          i += (size_t) w;
        }
    }
  out[n] = '\0';
  return out;
}

/* Count characters with u8_mbtoucr (an invalid byte is one), and cut
   at the start of a grapheme cluster, so that a quote never ends in a
   letter without its accent or in half an emoji sequence.  */
size_t
diag_clip (const char *s, size_t max_chars, bool *clipped)
{
  size_t len = strlen (s), i = 0, chars = 0;
  while (i < len && chars < max_chars)
    {
      ucs4_t c;
      int w = u8_mbtoucr (&c, (const uint8_t *) s + i, len - i);
      i += w > 0 ? (size_t) w : 1;
      chars++;
    }
  i = text_grapheme_start (s, len, i);
  *clipped = i < len;
  return i;
}

void
diag_add (struct diags *d, const char *file, unsigned line, unsigned col,
          const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  diag_vadd (d, file, line, col, fmt, ap);
  va_end (ap);
}

void
diag_vadd (struct diags *d, const char *file, unsigned line, unsigned col,
           const char *fmt, va_list ap)
{
  if (d->n >= DIAG_MAX)
    {
      d->dropped++;
      return;
    }
  if (!VEC_ROOM (d->v, d->n, d->cap, 16))
    {
      d->dropped++;
      return;
    }
  char *raw = NULL;
  if (vasprintf (&raw, fmt, ap) < 0)
    raw = NULL;
  char *msg = raw ? diag_clean (raw) : NULL;
  char *f = diag_clean (file ? file : "");
  free (raw);
  if (!msg || !f)
    {
      free (msg);
      free (f);
      d->dropped++;
      return;
    }
  d->v[d->n] = (struct diag) { f, line, col, msg, d->n };
  d->n++;
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

char *
diag_escape (const char *s)
{
  return diag_clean (s);
}
