/* pinav-packc.c - compile the content pack in DIR into an image
   (packfile.h), OUT (DIR/pack.bin by default), that pinav loads
   without parsing YAML while the YAML is unchanged.  Run by make for
   the bundled pack, and installed for the packs a clinic writes (a
   kiosk's pinav never writes a file: compiling is this program's).
   Writes OUT through a new temporary file beside it.
   Usage: pinav-packc [OPTION]... DIR [OUT]
   --hash-of=OTHER (left out of --help) names the YAML of OTHER
   instead of DIR's: for the tests only, to see that pinav reads the
   image.
   Exit status: 0, 1 on failure, 2 on a usage error, 65 when the pack
   has errors.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "closeout.h"
#include "diag.h"
#include "i18n.h"
#include "load.h"
#include "packfile.h"
#include "search.h"
#include "search_blob.h"
#include "version.h"

#define PROG "pinav-packc"

static void say (const char *file, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

/* Say on stderr what went wrong with FILE (a path from the command
   line, escaped so that none of its bytes can drive the terminal).  */
static void
say (const char *file, const char *fmt, ...)
{
  char *msg = NULL, *safe = diag_escape (file);
  va_list ap;
  va_start (ap, fmt);
  if (vasprintf (&msg, fmt, ap) < 0)
    msg = NULL;
  va_end (ap);
  fprintf (stderr, "%s: %s: %s\n", PROG, safe ? safe : "?", msg ? msg : "?");
  free (msg);
  free (safe);
}

/* Write the LEN bytes of IMG to OUT, through a new temporary file
   beside it (mkstemp: never one that exists, nor a link someone left
   there), with the permissions a new file gets (the umask), flushed to
   the disk, then renamed over OUT: a pinav that starts meanwhile finds
   the old image or the new one.  */
static bool
write_image (const char *out, const unsigned char *img, size_t len)
{
  char *tmp = NULL;
  if (asprintf (&tmp, "%s.XXXXXX", out) < 0)
    return false;
  mode_t mask = umask (0);
  umask (mask);
  int fd = mkstemp (tmp);
  const char *failed = fd < 0 ? out : tmp;
  bool ok = fd >= 0 && fchmod (fd, 0666 & ~mask) == 0;
  for (size_t done = 0; ok && done < len;)
    {
      ssize_t r = write (fd, img + done, len - done);
      if (r < 0 && errno == EINTR)
        continue;
      ok = r > 0;
      done += ok ? (size_t) r : 0;
    }
  ok = ok && fsync (fd) == 0;
  if (fd >= 0 && close (fd) != 0)
    ok = false;
  if (ok && rename (tmp, out) != 0)
    ok = false, failed = out;
  if (!ok)
    {
      say (failed, "%s", strerror (errno));
      if (fd >= 0)
        unlink (tmp);
    }
  free (tmp);
  return ok;
}

/* The image IMG (*LEN bytes, naming HASH) with its search index
   (search_blob.h), made from the image read back, for the index
   refers to its strings by their offsets in the image's text; IMG as
   it is when the index cannot be made (pinav then builds it at its
   first search).  */
static unsigned char *
add_search (unsigned char *img, size_t *len, uint64_t hash)
{
  struct content_pack *p = packfile_decode (img, *len, hash);
  struct search_index *ix = p ? search_index_build (p, "en") : NULL;
  size_t blen = 0;
  unsigned char *blob = ix ? search_blob_make (ix, &blen) : NULL;
  search_index_free (ix);
  content_free (p);
  unsigned char *with = blob ? packfile_attach_search (img, len, blob, blen)
                        : NULL;
  free (blob);
  return with ? with : img;
}

/* Whether the search uses the index in BACK, the image read back,
   when it has one.  */
static bool
search_reads_back (const struct content_pack *back)
{
  if (!back->search_blob)
    return true;
  struct search_index *ix = search_index_build (back, "en");
  bool ok = ix && search_index_compiled (ix);
  search_index_free (ix);
  return ok;
}

/* Load DIR, checking that its YAML does not change meanwhile, and
   compile it, with its search index, with the hash of HASH_DIR's
   YAML.  */
static int
compile (const char *dir, const char *hash_dir, const char *out)
{
  uint64_t hash, after, stamp, stamp_after;
  struct diags d = { 0 };
  /* The stamp before the hash: a file changed between the two is then
     hashed again by pinav, never trusted by its stamp.  */
  if (!packfile_stamp_dir (hash_dir, &stamp)
      || !packfile_hash_dir (hash_dir, &hash))
    {
      say (hash_dir, "%s", _("cannot read the pack's *.yaml files"));
      return EXIT_FAILURE;
    }
  struct content_pack *p = load_pack (dir, &d);
  diag_print (&d, stderr);
  diag_free (&d);
  if (!p)
    return 65;
  if (hash_dir == dir
      && (!packfile_hash_dir (dir, &after) || after != hash
          || !packfile_stamp_dir (dir, &stamp_after) || stamp_after != stamp))
    {
      say (dir, "%s", _("the YAML changed while it was read; run "
                        "pinav-packc again"));
      content_free (p);
      return EXIT_FAILURE;
    }
  size_t len = 0;
  unsigned char *img = packfile_encode (p, hash, &len);
  content_free (p);
  if (img)
    img = add_search (img, &len, hash);
  if (img)
    packfile_set_stamp (img, len, stamp);
  /* The image must read back, or pinav would always fall back.  */
  struct content_pack *back = img ? packfile_decode (img, len, hash) : NULL;
  bool searched = !back || search_reads_back (back);
  if (!searched)
    say (dir, "%s", _("the search index compiled into the image is not "
                      "used when it is read back (a bug in pinav-packc)"));
  bool ok = back && searched && write_image (out, img, len);
  if (!back)
    say (dir, "%s", _("the pack cannot be compiled (out of memory, or its "
                      "image would be over the 4 GiB a compiled pack can "
                      "address); pinav reads it from its YAML"));
  content_free (back);
  free (img);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

static _Noreturn void
usage_error (void)
{
  fprintf (stderr, _("Try '%s --help' for more information.\n"), PROG);
  exit (2);
}

static void
print_help (void)
{
  printf (_("Usage: %s [OPTION]... DIR [OUT]\n"), PROG);
  /* TRANSLATORS: --help output of pinav-packc.  */
  fputs (_("Compile the content pack in DIR (its *.yaml files) into one "
           "image, OUT\n(DIR/pack.bin by default), which pinav reads "
           "at start-up instead of\nthe YAML for as long as the YAML is "
           "unchanged.\n\n"), stdout);
  /* TRANSLATORS: --help output of pinav-packc, the options.  Keep the
     option names in English; line them up as in the English.  */
  fputs (_("  -h, --help     display this help and exit\n"
           "  -V, --version  display version information and exit\n\n"),
         stdout);
  /* TRANSLATORS: --help output of pinav-packc, the exit status.  */
  fputs (_("Exit status:\n"
           "  0   the image was written\n"
           "  1   it could not be (a file could not be read or written)\n"
           "  2   a usage error\n"
           "  65  the content pack has errors (pinav --check=DIR shows "
           "them too)\n"), stdout);
  if (*PACKAGE_BUGREPORT)
    {
      fputs ("\n", stdout);
      printf (_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
    }
}


int
main (int argc, char **argv)
{
  static const struct option longopts[] = {
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { "hash-of", required_argument, NULL, 'H' },
    { NULL, 0, NULL, 0 }
  };
  const char *hash_dir = NULL, *localedir = getenv ("PINAV_LOCALEDIR");
  i18n_init (localedir && *localedir ? localedir : LOCALEDIR, NULL);
  atexit (close_stdout);
  int c;
  while ((c = getopt_long (argc, argv, "hV", longopts, NULL)) != -1)
    switch (c)
      {
      case 'h': print_help (); exit (EXIT_SUCCESS);
      case 'V': version_print (PROG); exit (EXIT_SUCCESS);
      case 'H': hash_dir = optarg; break;
      default: usage_error ();
      }
  int n = argc - optind;
  if (n < 1 || n > 2)
    {
      fprintf (stderr, "%s: %s\n", PROG,
               n < 1 ? _("missing the pack's directory")
                     : _("too many arguments"));
      usage_error ();
    }
  const char *dir = argv[optind];
  char *out = NULL;
  if (n == 2)
    out = strdup (argv[optind + 1]);
  else if (asprintf (&out, "%s/pack.bin", dir) < 0)
    out = NULL;
  if (!out)
    {
      say (dir, "%s", strerror (ENOMEM));
      return EXIT_FAILURE;
    }
  int r = compile (dir, hash_dir ? hash_dir : dir, out);
  free (out);
  return r;
}
