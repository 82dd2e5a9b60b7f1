/* speech_wav.h - audio samples as a WAV file.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SPEECH_WAV_H
#define PINAV_SPEECH_WAV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/** speech_wav_write - write N 16-bit mono SAMPLES at RATE samples a
   second to OUT as a RIFF/WAVE file (PCM, little-endian).
   @retval false when N is too long for a WAV file, or on a write
   error.  */
bool speech_wav_write (FILE *out, const int16_t *samples, size_t n,
                       unsigned rate);

#endif
