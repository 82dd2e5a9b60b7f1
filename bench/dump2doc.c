/* dump2doc.c - turn `pinav --dump` output into Texinfo or HTML, so that
   GNU info and lynx can be timed on the same content as pinav and less.

   The dump is a list of pages separated by two empty lines; a page's
   first line is its title.  In a page, "- " starts a list item (its
   following lines are indented by two spaces), an empty line ends a
   paragraph, and every other line is paragraph text.  The first page
   (the home screen) becomes Info's Top node, with a menu of the others,
   or the top of the HTML file, with links to the others.

   usage: dump2doc texi|html < DUMP > FILE
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct page
{
  char **lines;
  size_t n;
};

static struct page *pages;
static size_t n_pages;
static bool html;

static void *
xrealloc (void *p, size_t n)
{
  if (!(p = realloc (p, n)))
    {
      fputs ("dump2doc: out of memory\n", stderr);
      exit (1);
    }
  return p;
}

/* Read stdin into pages.  */
static void
read_pages (void)
{
  char *line = NULL;
  size_t cap = 0, blanks = 2;
  ssize_t len;
  while ((len = getline (&line, &cap, stdin)) >= 0)
    {
      line[strcspn (line, "\n")] = '\0';
      if (!*line)
        {
          blanks++;
          continue;
        }
      if (blanks >= 2)
        {
          pages = xrealloc (pages, (n_pages + 1) * sizeof *pages);
          pages[n_pages++] = (struct page) { NULL, 0 };
        }
      struct page *p = &pages[n_pages - 1];
      p->lines = xrealloc (p->lines, (p->n + 2) * sizeof *p->lines);
      if (blanks == 1 && p->n)
        p->lines[p->n++] = strdup ("");
      p->lines[p->n++] = strdup (line);
      blanks = 0;
    }
  free (line);
}

/* Write S escaped for the output format.  */
static void
put (const char *s)
{
  for (; *s; s++)
    if (html && (*s == '<' || *s == '>' || *s == '&'))
      fputs (*s == '<' ? "&lt;" : *s == '>' ? "&gt;" : "&amp;", stdout);
    else if (!html && (*s == '@' || *s == '{' || *s == '}'))
      printf ("@%c", *s);
    else
      putchar (*s);
}

/* The page whose title is TEXT, or 0 (the home page: no link).  */
static size_t
page_titled (const char *text)
{
  for (size_t i = 1; i < n_pages; i++)
    if (strcmp (pages[i].lines[0], text) == 0)
      return i;
  return 0;
}

/* A list item's text; on the home page of HTML, a link.  */
static void
put_item (const char *text, bool home)
{
  size_t to = home && html ? page_titled (text) : 0;
  fputs (html ? "<li>" : "@item ", stdout);
  if (to)
    printf ("<a href=\"#p%zu\">", to);
  put (text);
  fputs (to ? "</a>\n" : "\n", stdout);
}

/* The body of page P: paragraphs and lists.  */
static void
put_body (const struct page *p, bool home)
{
  enum { NONE, PARA, LIST } in = NONE;
  for (size_t i = 1; i < p->n; i++)
    {
      const char *s = p->lines[i];
      bool item = strncmp (s, "- ", 2) == 0;
      bool more = in == LIST && strncmp (s, "  ", 2) == 0;
      if (in != NONE && (!*s || (in == LIST && !item && !more)
                         || (in == PARA && item)))
        {
          fputs (in == LIST ? (html ? "</ul>\n" : "@end itemize\n")
                 : (html ? "</p>\n" : "\n"), stdout);
          in = NONE;
        }
      if (!*s)
        continue;
      if (item && in == NONE)
        fputs (html ? "<ul>\n" : "@itemize @bullet\n", stdout), in = LIST;
      else if (!item && in == NONE)
        fputs (html ? "<p>" : "", stdout), in = PARA;
      if (item)
        put_item (s + 2, home);
      else
        put (more ? s + 2 : s), putchar ('\n');
    }
  if (in != NONE)
    fputs (in == LIST ? (html ? "</ul>\n" : "@end itemize\n")
           : (html ? "</p>\n" : "\n"), stdout);
}

static void
write_texi (void)
{
  fputs ("\\input texinfo\n@setfilename pinav-dump.info\n"
         "@documentencoding UTF-8\n@settitle ", stdout);
  put (pages[0].lines[0]);
  fputs ("\n\n@node Top\n@top ", stdout);
  put (pages[0].lines[0]);
  fputs ("\n\n", stdout);
  put_body (&pages[0], true);
  fputs ("\n@menu\n", stdout);
  for (size_t i = 1; i < n_pages; i++)
    {
      printf ("* Page %zu:: ", i);
      put (pages[i].lines[0]);
      putchar ('\n');
    }
  fputs ("@end menu\n", stdout);
  for (size_t i = 1; i < n_pages; i++)
    {
      printf ("\n@node Page %zu\n@chapter ", i);
      put (pages[i].lines[0]);
      fputs ("\n\n", stdout);
      put_body (&pages[i], false);
    }
  fputs ("\n@bye\n", stdout);
}

static void
write_html (void)
{
  fputs ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>",
         stdout);
  put (pages[0].lines[0]);
  fputs ("</title></head>\n<body>\n", stdout);
  for (size_t i = 0; i < n_pages; i++)
    {
      printf ("<h1 id=\"p%zu\">", i);
      put (pages[i].lines[0]);
      fputs ("</h1>\n", stdout);
      put_body (&pages[i], i == 0);
    }
  fputs ("</body></html>\n", stdout);
}

int
main (int argc, char **argv)
{
  if (argc != 2 || (strcmp (argv[1], "texi") && strcmp (argv[1], "html")))
    {
      fputs ("usage: dump2doc texi|html < DUMP > FILE\n", stderr);
      return 2;
    }
  html = strcmp (argv[1], "html") == 0;
  read_pages ();
  if (!n_pages)
    {
      fputs ("dump2doc: no pages in the input\n", stderr);
      return 1;
    }
  if (html)
    write_html ();
  else
    write_texi ();
  return fflush (stdout) == 0 ? 0 : 1;
}
