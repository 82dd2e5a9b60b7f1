/* fuzz-extract.c - libFuzzer target: the content string extractor on
   one in-memory YAML file, then writing the .pot.  */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "extract.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static FILE *devnull;
  struct diags d = { 0 };
  struct extract *x = extract_new ();
  if (!devnull)
    devnull = fopen ("/dev/null", "w");
  if (x && extract_buffer (x, "fuzz.yaml", data, size, &d) && devnull)
    extract_write (x, devnull);
  extract_free (x);
  diag_free (&d);
  return 0;
}
