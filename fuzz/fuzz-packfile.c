/* fuzz-packfile.c - libFuzzer target: a compiled pack image (packfile.h)
   in memory.  It must never crash, leak or hang, whatever the bytes;
   an image that loads is shown whole, as --dump would, and searched
   through its stored index (search_blob.c checks it; a damaged one
   is built again from the strings).  The hash is taken from the
   image, so that the fuzzer gets past that check.  */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dump.h"
#include "packfile.h"
#include "packfmt.h"
#include "search.h"
#include "search_index.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static FILE *devnull;
  if (!devnull && !(devnull = fopen ("/dev/null", "w")))
    return 0;
  uint64_t hash = size >= PF_H_HASH + 8 ? pf_get64 (data + PF_H_HASH) : 0;
  struct content_pack *p = packfile_decode (data, size, hash);
  if (p)
    {
      static const char *const queries[] = { "a", "stem cell", "zz", "é" };
      struct search_result res[8];
      dump_pack (devnull, p, NULL, 60);
      struct search_index *ix = search_index_build (p, "en");
      for (size_t i = 0; ix && i < sizeof queries / sizeof *queries; i++)
        search_query (ix, "en", queries[i], 60, res, 8);
      search_index_free (ix);
    }
  content_free (p);
  return 0;
}
