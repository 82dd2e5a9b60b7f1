/* pinav-packc.c - compile the content pack in DIR into an image
   (packfile.h) that pinav loads without parsing YAML while the YAML
   is unchanged.  Run by make; writes OUT through a temporary file.
   Usage: pinav-packc [--hash-of=OTHER] DIR OUT
   --hash-of names the YAML of OTHER instead of DIR's: for the tests
   only, to see that pinav reads the image.
   Exit status: 0, 1 on failure, 65 when the pack has errors.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "packfile.h"

#define PROG "pinav-packc"

/* Write the LEN bytes of IMG to OUT, through OUT.tmp.  */
static bool
write_image (const char *out, const unsigned char *img, size_t len)
{
  char *tmp = NULL;
  if (asprintf (&tmp, "%s.tmp", out) < 0)
    return false;
  FILE *f = fopen (tmp, "wb");
  bool ok = f && fwrite (img, 1, len, f) == len;
  if (f && fclose (f) != 0)
    ok = false;
  if (ok && rename (tmp, out) != 0)
    ok = false;
  if (!ok)
    {
      fprintf (stderr, "%s: %s: %s\n", PROG, out, strerror (errno));
      remove (tmp);
    }
  free (tmp);
  return ok;
}

/* Load DIR, checking that its YAML does not change meanwhile, and
   compile it with the hash of HASH_DIR's YAML.  */
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
      fprintf (stderr, "%s: %s: cannot read the pack's *.yaml files\n", PROG,
               hash_dir);
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
      fprintf (stderr, "%s: %s: the YAML changed while it was read\n", PROG,
               dir);
      content_free (p);
      return EXIT_FAILURE;
    }
  size_t len = 0;
  unsigned char *img = packfile_encode (p, hash, &len);
  content_free (p);
  if (img)
    packfile_set_stamp (img, len, stamp);
  /* The image must read back, or pinav would always fall back.  */
  struct content_pack *back = img ? packfile_decode (img, len, hash) : NULL;
  bool ok = back && write_image (out, img, len);
  if (!back)
    fprintf (stderr, "%s: %s: the pack cannot be compiled (out of memory, "
             "or its image would be over the 4 GiB a compiled pack can "
             "address)\n", PROG, dir);
  content_free (back);
  free (img);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
main (int argc, char **argv)
{
  const char *hash_dir = NULL;
  int i = 1;
  if (argc > 1 && strncmp (argv[1], "--hash-of=", 10) == 0)
    hash_dir = argv[i++] + 10;
  if (argc - i != 2)
    {
      fprintf (stderr, "usage: %s [--hash-of=OTHER] DIR OUT\n", PROG);
      return 2;
    }
  return compile (argv[i], hash_dir ? hash_dir : argv[i], argv[i + 1]);
}
