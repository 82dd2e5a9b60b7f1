/* speech_synth.c - text to audio with libespeak-ng.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "speech_synth.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "vec.h"

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
  *(void **) &es.Synth = dlsym (h, "espeak_Synth");
  *(void **) &es.Synchronize = dlsym (h, "espeak_Synchronize");
  *(void **) &es.Terminate = dlsym (h, "espeak_Terminate");
  if (!es.Initialize || !es.SetSynthCallback || !es.SetVoiceByName
      || !es.Synth || !es.Synchronize || !es.Terminate)
    {
      dlclose (h);
      return false;
    }
  es.handle = h;
  return true;
}

/* The sample rate libespeak-ng gave, 0 before it started, -1 when it
   could not.  */
static int speech_rate;
static const char *speech_voice_name;

/* The voices of a language, best first.  Debian 12's "cmn" reads most
   characters as pinyin spelled in English with the tone's digit
   ("gan one"); its "cmn-latn-pinyin" variant says them in Mandarin
   (docs/speech.md).  */
static const char *const speech_voices_zh[] = { "cmn-latn-pinyin", "cmn",
  NULL };
static const char *const speech_voices_en[] = { "en", NULL };

/* libespeak-ng's callback: keep the samples.  */
static int
speech_keep (short *wav, int n, espeak_EVENT *ev)
{
  struct speech_audio *a = ev ? ev->user_data : NULL;
  if (!wav || n <= 0 || !a)
    return 0;
  if (!vec_reserve (&a->samples, &a->cap, a->n + (size_t) n,
                    sizeof *a->samples, 1 << 16))
    {
      a->failed = true;         /* out of memory: stop */
      return 1;
    }
  memcpy (a->samples + a->n, wav, (size_t) n * sizeof *wav);
  a->n += (size_t) n;
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
        es.SetSynthCallback (speech_keep);
    }
  return speech_rate > 0;
}

/* LANG's voice, the first of its list that libespeak-ng has.  */
static bool
speech_set_voice (const char *lang)
{
  const char *const *v = strncmp (lang, "zh", 2) == 0 ? speech_voices_zh
                                                      : speech_voices_en;
  for (; *v; v++)
    if (es.SetVoiceByName (*v) == EE_OK)
      {
        speech_voice_name = *v;
        return true;
      }
  return false;
}

bool
speech_synth (const char *text, const char *lang, struct speech_audio *a,
              const char **why)
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
  a->rate = (unsigned) speech_rate;
  a->failed = false;
  if (es.Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                    espeakCHARS_UTF8, NULL, a) != EE_OK || a->failed)
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
speech_synth (const char *text, const char *lang, struct speech_audio *a,
              const char **why)
{
  (void) text, (void) lang, (void) a;
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

void
speech_audio_free (struct speech_audio *a)
{
  free (a->samples);
  a->samples = NULL;
  a->n = a->cap = 0;
}
