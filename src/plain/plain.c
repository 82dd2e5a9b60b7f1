/* plain.c - the line renderer.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "plain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#include "i18n.h"
#include "text.h"

struct plain_emit
{
  FILE *out;
  const char *text;
  const char *first;
  size_t indent;
  size_t count;
};

/* Write one character for every control or invalid byte: '?'.  */
static void
plain_put (FILE *out, const char *s, size_t len)
{
  for (size_t i = 0; i < len;)
    {
      unsigned wc;
      size_t n = text_decode (s + i, len - i, &wc);
      if (uc_is_cntrl (wc) || wc == 0xFFFD)
        fputc ('?', out);
      else
        fwrite (s + i, 1, n, out);
      i += n;
    }
}

static void
plain_line (const struct text_line *l, void *data)
{
  struct plain_emit *e = data;
  if (e->count++ == 0)
    fputs (e->first, e->out);
  else
    fprintf (e->out, "%*s", (int) e->indent, "");
  plain_put (e->out, e->text + l->start, l->len);
  fputc ('\n', e->out);
}

void
plain_wrapped (FILE *out, const char *first, const char *text, size_t width)
{
  size_t indent = text_width (first, strlen (first));
  size_t w = width == 0 ? 0 : width > indent + 8 ? width - indent : 8;
  struct plain_emit e = { out, text, first, indent, 0 };
  text_wrap (text, strlen (text), w, plain_line, &e);
}

/* One table row per line: "Name. Column: value; Column: value".  */
static void
plain_table (FILE *out, const struct ptable *t, size_t width, bool numbered,
             size_t *num)
{
  for (size_t r = 1; r < t->rows; r++)
    {
      size_t len = 1;
      for (size_t c = 0; c < t->cols; c++)
        len += strlen (t->cells[c]) + strlen (t->cells[r * t->cols + c]) + 8;
      char *s = malloc (len);
      if (!s)
        return;
      strcpy (s, t->cells[r * t->cols]);
      for (size_t c = 1; c < t->cols; c++)
        {
          /* TRANSLATORS: in plain mode a table row is one line, "Name.
             Column: value; Column: value": this ends the row's name.  */
          strcat (s, c == 1 ? _(". ") : _("; "));
          if (*t->cells[c])
            {
              strcat (s, t->cells[c]);
              /* TRANSLATORS: between a column's label and its value.  */
              strcat (s, _(": "));
            }
          strcat (s, t->cells[r * t->cols + c]);
        }
      char mark[32] = "";
      if (numbered && t->targets[r])
        snprintf (mark, sizeof mark, "[%zu] ", ++*num);
      plain_wrapped (out, mark, s, width);
      free (s);
    }
}

static void
plain_block (FILE *out, const struct pblock *b, size_t width, bool numbered,
             size_t *num)
{
  char mark[32];
  switch (b->kind)
    {
    case PB_HEADING:
      {
        char *s = NULL;
        fputc ('\n', out);
        /* TRANSLATORS: how plain mode announces a heading in words.  */
        if (asprintf (&s, _("Section: %s"), b->text) >= 0)
          plain_wrapped (out, "", s, width);
        free (s);
      }
      break;
    case PB_PARA:
    case PB_NOTE:
      plain_wrapped (out, "", b->text, width);
      break;
    case PB_BULLET:
      plain_wrapped (out, "- ", b->text, width);
      break;
    case PB_NUMBERED:
      snprintf (mark, sizeof mark, "%d. ", b->number);
      plain_wrapped (out, mark, b->text, width);
      break;
    case PB_LINK:
      if (numbered)
        snprintf (mark, sizeof mark, "[%zu] ", ++*num);
      else
        snprintf (mark, sizeof mark, "- ");
      plain_wrapped (out, mark, b->text, width);
      break;
    case PB_TABLE:
      plain_table (out, b->table, width, numbered, num);
      break;
    case PB_BLANK:
      fputc ('\n', out);
      break;
    }
}

void
plain_render (FILE *out, const struct page *pg, size_t width, bool numbered)
{
  size_t num = 0;
  plain_wrapped (out, "", pg->title, width);
  fputc ('\n', out);
  for (size_t i = 0; i < pg->n; i++)
    plain_block (out, &pg->blocks[i], width, numbered, &num);
}
