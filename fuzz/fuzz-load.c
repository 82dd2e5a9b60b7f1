/* fuzz-load.c - libFuzzer target: the pack loader on one in-memory YAML
   document.  It must never crash, leak or hang, whatever the bytes.  */
#include <config.h>

#include <stddef.h>
#include <stdint.h>

#include "load.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct diags d = { 0 };
  struct content_pack *p = load_pack_buffer ("fuzz.yaml", data, size, &d);
  content_free (p);
  diag_free (&d);
  return 0;
}
