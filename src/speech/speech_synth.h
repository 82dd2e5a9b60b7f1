/* speech_synth.h - text to audio with libespeak-ng (configure
   --with-speech): an English voice, and a Mandarin one for zh_CN.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SPEECH_SYNTH_H
#define PINAV_SPEECH_SYNTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Audio: N 16-bit mono samples at RATE a second.  */
struct speech_audio
{
  int16_t *samples;
  size_t n, cap;
  unsigned rate;
  bool failed;                  /* memory ran out while synthesising */
};

/* The range of --speech-rate (words a minute, libespeak-ng's
   espeakRATE; its own is 175) and of --speech-volume (per cent of the
   voice's loudness, espeakVOLUME; 0 is silence).  */
#define SPEECH_RATE_MIN 80
#define SPEECH_RATE_MAX 450
#define SPEECH_VOLUME_MAX 200

/** speech_set_manner - speak at RATE words a minute (SPEECH_RATE_MIN to
   SPEECH_RATE_MAX; 0: libespeak-ng's own, 175) and at VOLUME per cent
   (0 to SPEECH_VOLUME_MAX; -1: libespeak-ng's own, 100), from the next
   synthesis on; speech_play's child inherits them.  */
void speech_set_manner (int rate, int volume);

/** speech_available - whether pinav was built with speech.  */
bool speech_available (void);

/** speech_voice - the espeak-ng voice pinav speaks LANG ("en",
   "zh_CN") in, as it was found: NULL before speech_synth.  */
const char *speech_voice (void);

/** speech_synth - TEXT (UTF-8, speech_text) spoken in LANG's voice,
   appended to A (free it with speech_audio_free).
   @retval false, with *WHY a translated reason, when libespeak-ng or
   the voice cannot be had, or memory ran out.  */
bool speech_synth (const char *text, const char *lang,
                   struct speech_audio *a, const char **why);

/* A taker of samples as libespeak-ng makes them (about 60 ms at a
   time): N 16-bit mono SAMPLES at RATE a second, for CTX.  It returns
   false to stop the synthesis.  */
typedef bool speech_sink (void *ctx, const int16_t *samples, size_t n,
                          unsigned rate);

/** speech_synth_to - TEXT (UTF-8, speech_text) spoken in LANG's voice,
   given to SINK with CTX piece by piece as it is made: a sink that
   takes its time (speech_play's fake sound card) slows the synthesis
   down to its pace.
   @retval false, with *WHY a translated reason, when libespeak-ng or
   the voice cannot be had, or SINK stopped it.  */
bool speech_synth_to (const char *text, const char *lang, speech_sink *sink,
                      void *ctx, const char **why);

/** speech_aloud - say TEXT in LANG's voice on the sound device
   (libespeak-ng's own playback), and return when it has been said.
   It is for a child process (speech_play.h): the sound libraries may
   write to standard error.
   @retval false when libespeak-ng, the voice or the device failed.  */
bool speech_aloud (const char *text, const char *lang);

/** speech_audio_free - release A's samples.  */
void speech_audio_free (struct speech_audio *a);

/** speech_end - release libespeak-ng, if speech_synth started it.  */
void speech_end (void);

#endif
