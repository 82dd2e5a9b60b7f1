/* pinav-extract.c - write every translatable string of content pack
   files to a .pot file on standard output, with FILE:LINE references.
   Usage: pinav-extract [--srcdir=DIR] FILE...
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "extract.h"
#include "vec.h"
#include "ytree.h"

static unsigned char *
read_file (const char *path, size_t *len)
{
  FILE *f = fopen (path, "rb");
  unsigned char *buf = NULL;
  size_t n = 0, cap = 0;
  if (!f)
    return NULL;
  for (;;)
    {
      /* No more than YTREE_MAX_FILE: the rest is left unread.  */
      if (n == cap && (n >= YTREE_MAX_FILE
                       || !vec_reserve (&buf, &cap, n + 1, 1, 65536)))
        break;
      size_t r = fread (buf + n, 1, cap - n, f);
      n += r;
      if (r == 0)
        break;
    }
  fclose (f);
  *len = n;
  return buf;
}

int
main (int argc, char **argv)
{
  struct diags d = { 0 };
  const char *srcdir = ".";
  int status = EXIT_SUCCESS, i = 1;
  struct extract *x = extract_new ();
  if (!x)
    return EXIT_FAILURE;
  if (argc > 1 && strncmp (argv[1], "--srcdir=", 9) == 0)
    srcdir = argv[i++] + 9;
  for (; i < argc; i++)
    {
      char *path = NULL;
      size_t len = 0;
      if (asprintf (&path, "%s/%s", srcdir, argv[i]) < 0)
        return EXIT_FAILURE;
      unsigned char *buf = read_file (path, &len);
      if (!buf)
        fprintf (stderr, "pinav-extract: %s: %s\n", path, strerror (errno));
      if (!buf || !extract_buffer (x, argv[i], buf, len, &d))
        status = EXIT_FAILURE;
      free (buf);
      free (path);
    }
  diag_print (&d, stderr);
  diag_free (&d);
  if (status == EXIT_SUCCESS)
    extract_write (x, stdout);
  extract_free (x);
  return status;
}
