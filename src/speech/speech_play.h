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
   reach the screen, and a failure there is silent.
   Two test hooks in the environment replace the sound card, unless
   KIOSK (a kiosk writes no file): PINAV_TEST_SPEECH_WAV=FILE, the
   speech as a WAV file, written whole (speech_stop then waits for
   it); PINAV_TEST_SPEECH_SINK=FILE, a fake sound card: the samples
   added to FILE (a file or a FIFO, 16-bit mono, no header) as fast
   as they would be played, until speech_stop kills the child.
   @retval false when pinav has no speech, or no child could start.  */
bool speech_play (const char *text, const char *lang, bool kiosk);

/** speech_stop - stop what speech_play started (the child is killed),
   and reap a child that has finished.  */
void speech_stop (void);

#endif
