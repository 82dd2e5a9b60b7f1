/* speech_play.h - a page read aloud on the sound device, in a child
   process, while the reader goes on pressing keys.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SPEECH_PLAY_H
#define PINAV_SPEECH_PLAY_H

#include <stdbool.h>

/** speech_play - stop what is being said, then start saying TEXT in
   LANG's voice (speech_synth.h) through libespeak-ng's own playback,
   in a child process whose standard input, output and error are
   /dev/null: the sound libraries' complaints (no sound card) never
   reach the screen, and a failure there is silent.  For the tests,
   with PINAV_SPEECH_WAV=FILE in the environment, the child writes the
   speech to FILE as a WAV file instead, and speech_stop waits for it.
   @retval false when pinav has no speech, or no child could start.  */
bool speech_play (const char *text, const char *lang);

/** speech_stop - stop what speech_play started (the child is killed),
   and reap a child that has finished.  */
void speech_stop (void);

#endif
