/* fuzz-packfile.c - libFuzzer target: a compiled pack image (packfile.h)
   in memory.  It must never crash, leak or hang, whatever the bytes;
   an image that loads is shown whole, as --dump would.  The hash is
   taken from the image, so that the fuzzer gets past that check.  */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dump.h"
#include "packfile.h"
#include "packfmt.h"

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
    dump_pack (devnull, p, NULL, 60);
  content_free (p);
  return 0;
}
