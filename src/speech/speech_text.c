/* speech_text.c - a page as text for a speech synthesiser.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "speech_text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plain.h"
#include "text.h"
#include "vec.h"

/* The text being built, and its language.  */
struct speech_out
{
  char *s;
  size_t n, cap;
  bool zh;
  bool failed;                  /* out of memory */
};

static bool
speech_alnum (unsigned char c)
{
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static bool
speech_digit (unsigned char c)
{
  return c >= '0' && c <= '9';
}

/* Append the N bytes at S to O.  In Chinese, a space between two
   characters that are not ASCII goes: 文件 003 is said 文件零零三.  */
static void
speech_put (struct speech_out *o, const char *s, size_t n)
{
  if (o->zh && n > 0 && (unsigned char) s[0] >= 0x80 && o->n > 1
      && o->s[o->n - 1] == ' ' && (unsigned char) o->s[o->n - 2] >= 0x80)
    o->n--;
  if (o->failed || !vec_reserve (&o->s, &o->cap, o->n + n + 1, 1, 256))
    {
      o->failed = true;
      return;
    }
  memcpy (o->s + o->n, s, n);
  o->n += n;
  o->s[o->n] = '\0';
}

static bool
speech_last_space (const struct speech_out *o)
{
  return o->n == 0 || o->s[o->n - 1] == ' ' || o->s[o->n - 1] == '\n';
}

/* A space, unless the text is at a space already.  */
static void
speech_space (struct speech_out *o)
{
  if (!speech_last_space (o))
    speech_put (o, " ", 1);
}

/* N digits at S, one by one: "zero zero three", or 零零三.  */
static void
speech_digits (struct speech_out *o, const char *s, size_t n)
{
  static const char *const words[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine",
    "零", "一", "二", "三", "四", "五", "六", "七", "八", "九"
  };
  for (size_t i = 0; i < n && speech_digit (s[i]); i++)
    {
      const char *w = words[(o->zh ? 10 : 0) + (s[i] - '0')];
      if (i > 0 && !o->zh)
        speech_put (o, " ", 1);
      speech_put (o, w, strlen (w));
    }
}

/* The length of the run of digits at S, at most N.  */
static size_t
speech_digit_run (const char *s, size_t n)
{
  size_t i = 0;
  while (i < n && speech_digit (s[i]))
    i++;
  return i;
}

/* Whether the N digits at S + I (in LINE of LEN bytes) are a number
   with a leading zero standing alone: not a part of a decimal
   ("0.05"), nor of a word.  */
static bool
speech_zero_number (const char *line, size_t len, size_t i, size_t n)
{
  if (n < 2 || line[i] != '0')
    return false;
  if (i > 0 && (speech_alnum (line[i - 1])
                || ((line[i - 1] == '.' || line[i - 1] == ',')
                    && i > 1 && speech_digit (line[i - 2]))))
    return false;
  size_t e = i + n;
  if (e < len && (speech_alnum (line[e])
                  || ((line[e] == '.' || line[e] == ',') && e + 1 < len
                      && speech_digit (line[e + 1]))))
    return false;
  return true;
}

/* "d003" at LINE + I (LEN bytes): a document's short name.
   @retval its length, or 0.  */
static size_t
speech_doc_ref (const char *line, size_t len, size_t i)
{
  if (line[i] != 'd' || (i > 0 && speech_alnum (line[i - 1])))
    return 0;
  size_t n = speech_digit_run (line + i + 1, len - i - 1);
  if (n != 3 || (i + 4 < len && speech_alnum (line[i + 4])))
    return 0;
  return 4;
}

/* The end of the web address that starts at LINE + I: at a space, or
   at the punctuation that follows it in a sentence.  */
static size_t
speech_url_end (const char *line, size_t len, size_t i)
{
  size_t e = i;
  while (e < len && line[e] != ' ' && !strchr ("()[]<>\"',;", line[e])
         && (unsigned char) line[e] < 0x80)
    e++;
  while (e > i && strchr (".:!?", line[e - 1]))
    e--;
  return e;
}

/* A web address at LINE + I ("https://www.fda.gov/...", or
   "www.isscr.org"): say its site, "fda.gov".
   @retval its length, or 0 when there is none.  */
static size_t
speech_url (struct speech_out *o, const char *line, size_t len, size_t i)
{
  static const char *const starts[] = { "https://", "http://", "www." };
  size_t skip = 0;
  if (i > 0 && speech_alnum (line[i - 1]))
    return 0;
  for (size_t k = 0; k < 3 && !skip; k++)
    if (strncmp (line + i, starts[k], strlen (starts[k])) == 0)
      skip = strlen (starts[k]);
  if (!skip)
    return 0;
  size_t e = speech_url_end (line, len, i);
  size_t h = i + skip;
  if (e - h > 4 && strncmp (line + h, "www.", 4) == 0)
    h += 4;
  size_t he = h;
  while (he < e && line[he] != '/' && line[he] != ':' && line[he] != '?')
    he++;
  if (he == h)
    return 0;
  speech_put (o, line + h, he - h);
  return e - i;
}

/* Characters said as symbols, or not at all, that speech leaves out:
   stars (a search match), underscores, brackets (an editor's
   insertion), bullets, box drawing, block elements and geometric
   shapes.  */
static bool
speech_dropped (unsigned wc)
{
  return wc == '*' || wc == '_' || wc == '[' || wc == ']' || wc == 0xFF3B
         || wc == 0xFF3D || wc == 0x2022 || wc == 0x2023 || wc == 0x2043
         || wc == 0x00B7 || (wc >= 0x2500 && wc <= 0x25FF);
}

/* "[12]": a link's number in a numbered page.
   @retval its length, or 0.  */
static size_t
speech_link_number (const char *line, size_t len, size_t i)
{
  if (line[i] != '[')
    return 0;
  size_t n = speech_digit_run (line + i + 1, len - i - 1);
  return n > 0 && i + 1 + n < len && line[i + 1 + n] == ']' ? n + 2 : 0;
}

/* One step through LINE at I: a web address, a document's short name,
   a number with a leading zero, a dropped character, or a character
   as it is.  @retval the bytes read.  */
static size_t
speech_step (struct speech_out *o, const char *line, size_t len, size_t i)
{
  size_t n;
  unsigned wc;
  if ((n = speech_url (o, line, len, i)) > 0)
    return n;
  if ((n = speech_link_number (line, len, i)) > 0)
    return n;
  if ((n = speech_doc_ref (line, len, i)) > 0)
    {
      const char *doc = o->zh ? "文件" : "document ";
      speech_put (o, doc, strlen (doc));
      speech_digits (o, line + i + 1, 3);
      return n;
    }
  n = speech_digit_run (line + i, len - i);
  if (speech_zero_number (line, len, i, n))
    {
      speech_digits (o, line + i, n);
      return n;
    }
  if (n > 0)
    {
      speech_put (o, line + i, n);
      return n;
    }
  n = text_decode (line + i, len - i, &wc);
  if (speech_dropped (wc) || wc == ' ')
    speech_space (o);
  else
    speech_put (o, line + i, n);
  return n;
}

/* The length of a list mark at the start of LINE: "- ", "* ", a bullet
   and a space, or a link's number "[3] ".  */
static size_t
speech_mark (const char *line, size_t len)
{
  static const char *const marks[] = { "- ", "* ", "\u2022 ", "\u25CF " };
  for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
    if (len >= strlen (marks[k])
        && strncmp (line, marks[k], strlen (marks[k])) == 0)
      return strlen (marks[k]);
  size_t n = speech_link_number (line, len, 0);
  return n > 0 && n < len && line[n] == ' ' ? n + 1 : 0;
}

/* Whether the LEN bytes at S end a sentence already.  */
static bool
speech_ends_sentence (const char *s, size_t len)
{
  static const char *const ends[] = { ".", "!", "?", ":", ";", "\u3002",
    "\uFF01", "\uFF1F", "\uFF1A", "\uFF1B" };
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == ')'
                     || s[len - 1] == '"'))
    len--;
  for (size_t k = 0; k < sizeof ends / sizeof *ends; k++)
    {
      size_t n = strlen (ends[k]);
      if (len >= n && memcmp (s + len - n, ends[k], n) == 0)
        return true;
    }
  return len == 0;
}

/* LINE (LEN bytes, no newline) made speakable, onto O, as a
   sentence of its own line.  */
static void
speech_line (struct speech_out *o, const char *line, size_t len)
{
  size_t start = o->n;
  size_t i = speech_mark (line, len);
  while (i < len)
    i += speech_step (o, line, len, i);
  while (o->n > start && o->s[o->n - 1] == ' ')
    o->n--;
  if (o->n == start)
    return;
  if (!speech_ends_sentence (o->s + start, o->n - start))
    {
      const char *stop = o->zh ? "\u3002" : ".";
      speech_put (o, stop, strlen (stop));
    }
  speech_put (o, "\n", 1);
}

char *
speech_clean (const char *text, const char *lang)
{
  struct speech_out o = { NULL, 0, 0, strncmp (lang, "zh", 2) == 0, false };
  speech_put (&o, "", 0);
  for (const char *p = text; *p;)
    {
      size_t len = strcspn (p, "\n");
      speech_line (&o, p, len);
      p += len + (p[len] == '\n');
    }
  if (!o.failed)
    o.s[o.n] = '\0';
  else
    {
      free (o.s);
      return NULL;
    }
  return o.s;
}

char *
speech_part (const struct page *pg, const char *lang, const char *lead,
             bool title, size_t from, size_t to)
{
  char *buf = NULL, *s = NULL;
  size_t size = 0;
  FILE *f = open_memstream (&buf, &size);
  if (!f)
    return NULL;
  if (lead)
    fprintf (f, "%s\n", lead);
  if (title)
    {
      plain_wrapped (f, "", pg->title, 0);
      fputc ('\n', f);
    }
  if (from < to && to <= pg->n)
    plain_render_blocks (f, pg, 0, false, from, to);
  if (fclose (f) == 0)
    s = speech_clean (buf, lang);
  free (buf);
  return s;
}

char *
speech_text (const struct page *pg, const char *lang, size_t from)
{
  return speech_part (pg, lang, NULL, true, from, pg->n);
}
