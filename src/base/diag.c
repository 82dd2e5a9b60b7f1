/* diag.c - located diagnostics.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "vec.h"

/* The length of the valid UTF-8 character at S (of at most AVAIL
   bytes) and its code point in *CP, or 0 when S does not start one.  */
static size_t
utf8_char (const unsigned char *s, size_t avail, uint32_t *cp)
{
  size_t w;
  uint32_t v;
  if (s[0] < 0x80)
    w = 1, v = s[0];
  else if (s[0] >= 0xC2 && s[0] < 0xE0)
    w = 2, v = s[0] & 0x1F;
  else if (s[0] >= 0xE0 && s[0] < 0xF0)
    w = 3, v = s[0] & 0x0F;
  else if (s[0] >= 0xF0 && s[0] < 0xF5)
    w = 4, v = s[0] & 0x07;
  else
    return 0;
  if (w > avail)
    return 0;
  for (size_t i = 1; i < w; i++)
    {
      if ((s[i] & 0xC0) != 0x80)
        return 0;
      v = v << 6 | (s[i] & 0x3F);
    }
  if ((w == 3 && v < 0x800) || (w == 4 && (v < 0x10000 || v > 0x10FFFF))
      || (v >= 0xD800 && v <= 0xDFFF))
    return 0;
  *cp = v;
  return w;
}

/* Characters a terminal must not receive raw: controls, and the
   bidirectional overrides that can make text read other than it is.  */
static bool
unsafe_char (uint32_t c)
{
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E)
         || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
}

/* A malloc'd copy of S with every unsafe character or invalid byte
   written as an escape, so that no message can drive the terminal.  */
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
      uint32_t c = 0;
      size_t w = utf8_char (p + i, len - i, &c);
      if (w == 0)
        n += (size_t) sprintf (out + n, "\\x%02X", p[i++]);
      else if (unsafe_char (c) && c < 0x100)
        n += (size_t) sprintf (out + n, "\\x%02X", (unsigned) c), i += w;
      else if (unsafe_char (c))
        n += (size_t) sprintf (out + n, "\\u%04X", (unsigned) c), i += w;
      else
        {
          memcpy (out + n, p + i, w);
          n += w;
          i += w;
        }
    }
  out[n] = '\0';
  return out;
}

size_t
diag_clip (const char *s, size_t max_chars, bool *clipped)
{
  size_t i = 0, chars = 0;
  const unsigned char *p = (const unsigned char *) s;
  while (p[i] && chars < max_chars)
    {
      i++;
      while ((p[i] & 0xC0) == 0x80)
        i++;
      chars++;
    }
  *clipped = p[i] != '\0';
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
