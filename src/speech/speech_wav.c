/* speech_wav.c - audio samples as a WAV file.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "speech_wav.h"

/* V as N little-endian bytes.  */
static void
speech_le (FILE *out, uint32_t v, int n)
{
  for (int i = 0; i < n; i++)
    fputc ((int) ((v >> (8 * i)) & 0xFF), out);
}

/* The 44-byte header of a PCM WAV file of BYTES bytes of 16-bit mono
   samples at RATE.  */
static void
speech_wav_header (FILE *out, uint32_t bytes, unsigned rate)
{
  fputs ("RIFF", out);
  speech_le (out, 36 + bytes, 4);
  fputs ("WAVEfmt ", out);
  speech_le (out, 16, 4);       /* the fmt chunk's size */
  speech_le (out, 1, 2);        /* PCM */
  speech_le (out, 1, 2);        /* one channel */
  speech_le (out, rate, 4);
  speech_le (out, rate * 2, 4); /* bytes a second */
  speech_le (out, 2, 2);        /* bytes a frame */
  speech_le (out, 16, 2);       /* bits a sample */
  fputs ("data", out);
  speech_le (out, bytes, 4);
}

bool
speech_wav_write (FILE *out, const int16_t *samples, size_t n, unsigned rate)
{
  if (n > (UINT32_MAX - 36) / 2)
    return false;
  speech_wav_header (out, (uint32_t) (n * 2), rate);
  for (size_t i = 0; i < n; i++)
    speech_le (out, (uint16_t) samples[i], 2);
  return fflush (out) == 0 && !ferror (out);
}
