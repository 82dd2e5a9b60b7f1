/* speech_synth.c - text to audio with libespeak-ng.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "speech_synth.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "vec.h"

/* The sample rate libespeak-ng gave, 0 before it started, -1 when it
   could not.  */
static int speech_rate;
/* --speech-rate (0: libespeak-ng's) and --speech-volume (-1: its).  */
static int speech_wpm;
static int speech_volume = -1;

void
speech_set_manner (int rate, int volume)
{
  speech_wpm = rate;
  speech_volume = volume;
}

#ifdef HAVE_SPEECH
#include <dlfcn.h>
#include <espeak-ng/speak_lib.h>

/* libespeak-ng, opened at the first use of speech, not linked in: it
   brings 36 libraries with it on Debian 12 (PulseAudio, ALSA, X11...),
   which cost every start of pinav 6 M instructions of the dynamic
   linker's (a first paint went from 4.3 M to 10.6 M).  */
static struct
{
  void *handle;
  __typeof__ (espeak_Initialize) *Initialize;
  __typeof__ (espeak_SetSynthCallback) *SetSynthCallback;
  __typeof__ (espeak_SetVoiceByName) *SetVoiceByName;
  __typeof__ (espeak_SetParameter) *SetParameter;
  __typeof__ (espeak_Synth) *Synth;
  __typeof__ (espeak_Synchronize) *Synchronize;
  __typeof__ (espeak_Terminate) *Terminate;
} es;

/* Open libespeak-ng once.  @retval whether it is there, whole.  */
static bool
speech_lib (void)
{
  static bool tried;
  if (tried)
    return es.handle != NULL;
  tried = true;
  void *h = dlopen ("libespeak-ng.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!h)
    h = dlopen ("libespeak-ng.so", RTLD_NOW | RTLD_LOCAL);
  if (!h)
    return false;
  *(void **) &es.Initialize = dlsym (h, "espeak_Initialize");
  *(void **) &es.SetSynthCallback = dlsym (h, "espeak_SetSynthCallback");
  *(void **) &es.SetVoiceByName = dlsym (h, "espeak_SetVoiceByName");
  *(void **) &es.SetParameter = dlsym (h, "espeak_SetParameter");
  *(void **) &es.Synth = dlsym (h, "espeak_Synth");
  *(void **) &es.Synchronize = dlsym (h, "espeak_Synchronize");
  *(void **) &es.Terminate = dlsym (h, "espeak_Terminate");
  if (!es.Initialize || !es.SetSynthCallback || !es.SetVoiceByName
      || !es.SetParameter || !es.Synth || !es.Synchronize || !es.Terminate)
    {
      dlclose (h);
      return false;
    }
  es.handle = h;
  return true;
}

static const char *speech_voice_name;

/* The voices of a language, best first.  Debian 12's "cmn" reads most
   characters as pinyin spelled in English with the tone's digit
   ("gan one"); its "cmn-latn-pinyin" variant says them in Mandarin
   (docs/speech.md).  */
static const char *const speech_voices_zh[] = { "cmn-latn-pinyin", "cmn",
  NULL };
static const char *const speech_voices_en[] = { "en", NULL };

/* Where the samples of a synthesis go.  */
struct speech_to
{
  speech_sink *sink;
  void *ctx;
  bool stopped;                 /* the sink said stop */
};

/* libespeak-ng's callback: the samples to the sink.  */
static int
speech_give (short *wav, int n, espeak_EVENT *ev)
{
  struct speech_to *to = ev ? ev->user_data : NULL;
  if (!wav || n <= 0 || !to)
    return 0;
  if (!to->sink (to->ctx, wav, (size_t) n, (unsigned) speech_rate))
    {
      to->stopped = true;
      return 1;
    }
  return 0;
}

static bool
speech_start (void)
{
  if (speech_rate == 0 && !speech_lib ())
    speech_rate = -1;
  if (speech_rate == 0)
    {
      speech_rate = es.Initialize (AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL,
                                   espeakINITIALIZE_DONT_EXIT);
      if (speech_rate <= 0)
        speech_rate = -1;
      else
        es.SetSynthCallback (speech_give);
    }
  return speech_rate > 0;
}

/* LANG's voice, the first of its list that libespeak-ng has, at the
   rate and volume asked for.  */
static bool
speech_set_voice (const char *lang)
{
  const char *const *v = strncmp (lang, "zh", 2) == 0 ? speech_voices_zh
                                                      : speech_voices_en;
  while (*v && es.SetVoiceByName (*v) != EE_OK)
    v++;
  if (!*v)
    return false;
  speech_voice_name = *v;
  return (speech_wpm <= 0
          || es.SetParameter (espeakRATE, speech_wpm, 0) == EE_OK)
         && (speech_volume < 0
             || es.SetParameter (espeakVOLUME, speech_volume, 0) == EE_OK);
}

bool
speech_synth_to (const char *text, const char *lang, speech_sink *sink,
                 void *ctx, const char **why)
{
  if (!speech_start ())
    {
      *why = _("libespeak-ng could not start (is espeak-ng-data "
               "installed?)");
      return false;
    }
  if (!speech_set_voice (lang))
    {
      *why = _("libespeak-ng has no voice for this language");
      return false;
    }
  struct speech_to to = { sink, ctx, false };
  if (es.Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                    espeakCHARS_UTF8, NULL, &to) != EE_OK || to.stopped)
    {
      *why = _("speech synthesis failed");
      return false;
    }
  return true;
}

bool
speech_aloud (const char *text, const char *lang)
{
  speech_end ();
  if (!speech_lib ())
    return false;
  speech_rate = es.Initialize (AUDIO_OUTPUT_PLAYBACK, 0, NULL,
                               espeakINITIALIZE_DONT_EXIT);
  if (speech_rate <= 0)
    {
      speech_rate = 0;
      return false;
    }
  bool ok = speech_set_voice (lang)
            && es.Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                             espeakCHARS_UTF8, NULL, NULL) == EE_OK
            && es.Synchronize () == EE_OK;
  speech_end ();
  return ok;
}

void
speech_end (void)
{
  if (speech_rate > 0)
    es.Terminate ();
  speech_rate = 0;
}

bool
speech_available (void)
{
  return true;
}

const char *
speech_voice (void)
{
  return speech_voice_name;
}

#else /* !HAVE_SPEECH */

bool
speech_synth_to (const char *text, const char *lang, speech_sink *sink,
                 void *ctx, const char **why)
{
  (void) text, (void) lang, (void) sink, (void) ctx;
  *why = _("pinav was built without speech");
  return false;
}

bool
speech_aloud (const char *text, const char *lang)
{
  (void) text, (void) lang;
  return false;
}

void
speech_end (void)
{
}

bool
speech_available (void)
{
  return false;
}

const char *
speech_voice (void)
{
  return NULL;
}

#endif

/* A sink that keeps the samples in a struct speech_audio.  */
static bool
speech_keep (void *ctx, const int16_t *samples, size_t n, unsigned rate)
{
  struct speech_audio *a = ctx;
  (void) rate;
  if (!vec_reserve (&a->samples, &a->cap, a->n + n, sizeof *a->samples,
                    1 << 16))
    {
      a->failed = true;         /* out of memory: stop */
      return false;
    }
  memcpy (a->samples + a->n, samples, n * sizeof *samples);
  a->n += n;
  return true;
}

bool
speech_synth (const char *text, const char *lang, struct speech_audio *a,
              const char **why)
{
  a->failed = false;
  if (!speech_synth_to (text, lang, speech_keep, a, why))
    return false;
  a->rate = (unsigned) speech_rate;
  return true;
}

void
speech_audio_free (struct speech_audio *a)
{
  free (a->samples);
  a->samples = NULL;
  a->n = a->cap = 0;
}
