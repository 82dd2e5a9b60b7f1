/* wavcheck.c - check a WAV file as --speak writes it, for
   tests/speech.sh: "wavcheck FILE" prints "RATE SAMPLES NONZERO PEAK"
   and exits 0 when FILE is a RIFF/WAVE file of 16-bit mono PCM whose
   sizes agree with its length, else says why and exits 1.  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t
le (const unsigned char *p, int n)
{
  uint32_t v = 0;
  for (int i = n - 1; i >= 0; i--)
    v = v << 8 | p[i];
  return v;
}

static int
fail (const char *why)
{
  fprintf (stderr, "wavcheck: %s\n", why);
  return 1;
}

int
main (int argc, char **argv)
{
  unsigned char h[44], s[2];
  FILE *f = argc == 2 ? fopen (argv[1], "rb") : NULL;
  if (!f)
    return fail ("usage: wavcheck FILE (a readable file)");
  if (fread (h, 1, 44, f) != 44)
    return fail ("shorter than a WAV header");
  if (memcmp (h, "RIFF", 4) || memcmp (h + 8, "WAVEfmt ", 8)
      || memcmp (h + 36, "data", 4))
    return fail ("not RIFF, WAVE, fmt and data in their places");
  if (le (h + 16, 4) != 16 || le (h + 20, 2) != 1 || le (h + 22, 2) != 1
      || le (h + 34, 2) != 16 || le (h + 32, 2) != 2)
    return fail ("not 16-bit mono PCM");
  uint32_t rate = le (h + 24, 4), bytes = le (h + 40, 4);
  if (rate < 8000 || rate > 96000 || le (h + 28, 4) != rate * 2)
    return fail ("an unlikely sample rate, or bytes a second not rate * 2");
  if (le (h + 4, 4) != 36 + bytes || bytes % 2)
    return fail ("the RIFF and data sizes disagree");
  unsigned long n = 0, nonzero = 0, peak = 0;
  while (fread (s, 1, 2, f) == 2)
    {
      long v = (int16_t) le (s, 2);
      n++;
      nonzero += v != 0;
      if ((unsigned long) labs (v) > peak)
        peak = (unsigned long) labs (v);
    }
  if (n * 2 != bytes)
    return fail ("the data size is not the file's");
  printf ("%lu %lu %lu %lu\n", (unsigned long) rate, n, nonzero, peak);
  return 0;
}
