#!/bin/sh
# Speech (issue 19): --dump=ID --speak=FILE writes the page of ID,
# spoken, as a WAV file of 16-bit mono PCM, with audio of a plausible
# length, in English and in Chinese; in the TUI, s turns speech on
# (the page is read) and off, and while it is on each move says what
# it chose; --speech starts with it on.  Without speech (configure
# --without-speech, or no libespeak-ng), --speak and --speech are usage
# errors and the rest is skipped.
. "${top_srcdir:-.}/tests/tap.sh"

PINAV_LOCALEDIR="$top_builddir/locale"; export PINAV_LOCALEDIR
data="$top_srcdir/data"
wavcheck="$top_builddir/tests/wavcheck"
vtdrive="$top_builddir/tests/vtdrive"
t="$tap_tmp"
TERM=xterm-256color; export TERM
timeout=10
[ -n "${PINAV_WRAPPER:-}" ] && timeout=120

# okv STATUS DESCRIPTION: ok, for a test through tests/vtdrive, which
# is skipped when vtdrive was not built (no libvterm).
okv () {
  if no_vtdrive; then skip "$2" "$no_vtdrive_why"; else ok "$@"; fi
}

# vt SCRIPT [ENV...]: the full-screen navigator on an 80x24 terminal,
# in English (and with the options $vt_opts), driven by the
# tests/vtdrive script SCRIPT (a string); each wait may take $timeout
# seconds.
vt_opts=
vt () {
  no_vtdrive && return 1        # okv skips the test
  printf '%s\n' "$1" >"$t/s.vt"; shift
  env "$@" "$vtdrive" --size=80x24 --timeout=$timeout "$t/s.vt" -- \
    $PINAV_WRAPPER "$PINAV" --data="$data" --lang=en $vt_opts \
    >"$t/vt.out" 2>&1
  r=$?
  [ $r -eq 0 ] || sed 's/^/# /' "$t/vt.out" | head -30
  return $r
}

# --speech-rate and --speech-volume, checked with or without speech.
bad_option () {
  run "$PINAV" --data="$data" --dump=home "$1"
  [ "$tap_status" -eq 2 ] && grep -q -F -e "pinav: $2" "$t/err" \
    && grep -q -F "Try 'pinav --help'" "$t/err" && [ ! -s "$t/out" ]
  ok $? "$1 is a usage error: $2"
  [ "$tap_status" -eq 2 ] || sed 's/^/# err: /' "$t/err" | head -5
}
bad_option --speech-rate=79 \
  "invalid speech rate '79': give words a minute from 80 to 450"
bad_option --speech-rate=451 "invalid speech rate '451'"
bad_option --speech-rate=fast "invalid speech rate 'fast'"
bad_option --speech-rate= "invalid speech rate ''"
bad_option --speech-volume=201 \
  "invalid speech volume '201': give a per cent from 0 to 200"
bad_option --speech-volume=-1 "invalid speech volume '-1'"
run "$PINAV" --data="$data" --dump=home --speech-rate=450 --speech-volume=0
is_status 0 "--speech-rate=450 --speech-volume=0 are taken"

run "$PINAV" --data="$data" --speak="$t/x.wav"
if grep -q 'built without speech' "$t/err"; then
  is_status 2 "without speech, --speak is a usage error"
  has_err "Try 'pinav --help'" "... that says how to get help"
  [ ! -e "$t/x.wav" ]; ok $? "... and writes no file"
  run "$PINAV" --data="$data" --speech
  is_status 2 "without speech, --speech is a usage error"
  has_err "pinav: --speech: pinav was built without speech" \
    "... that says pinav was built without speech"
  vt 'wait-row 23 ?
key s
wait-row 23 "pinav was built without speech"
key Down
wait-gone "built without speech"
key q
expect-exit 0'
  okv $? "without speech, the TUI's s says pinav was built without speech"
  skip "WAV files of pages, and s reads aloud" "pinav was built without speech"
  done_testing; exit
fi
is_status 2 "--speak without --dump=ID is a usage error"
has_err "--speak needs --dump=ID" "... that says what it needs"

run "$PINAV" --data="$data" --dump=nothing-here --speak="$t/x.wav"
is_status 2 "--speak of a page that does not exist is a usage error"
[ ! -e "$t/x.wav" ]; ok $? "... and writes no file"

run "$PINAV" --data="$data" --dump=conditions --speak="$t/no/such/dir/x.wav"
is_status 1 "--speak to a file that cannot be made fails"
has_err "$t/no/such/dir/x.wav: No such file or directory" \
  "... and names the file and the reason"

# The pages: every collection's list, the start screen, a comparison,
# a document and one of its sections, and the first item of three
# collections.
colls=$(for f in "$data"/*.yaml; do
          grep -q '^kind: collection' "$f" && sed -n 's/^id: //p' "$f"
        done)
first_item () { sed -n '/^items:/,$s/^  - id: //p' "$data/$1.yaml" | head -1; }
items="conditions/$(first_item conditions) challenges/$(first_item challenges)"
items="$items cell-sources/$(first_item cell-sources)"
pages="home compare-cell-sources d000 d003#types $colls $items"

# check LANG ID MIN MAX: the WAV of page ID in LANG is valid, and has
# between MIN and MAX samples for each character of the page's text,
# at least half of them not zero, and a peak over 1000.
check () {
  "$PINAV" --data="$data" --lang="$1" --dump="$2" --width=0 >"$t/text" 2>"$t/err"
  chars=$(wc -m <"$t/text")
  rm -f "$t/x.wav"
  "$PINAV" --data="$data" --lang="$1" --dump="$2" --speak="$t/x.wav" \
    >"$t/out" 2>"$t/err" \
    && "$wavcheck" "$t/x.wav" >"$t/wav" 2>>"$t/err" \
    && read -r rate n nonzero peak <"$t/wav" \
    && [ "$chars" -gt 0 ] \
    && [ "$n" -ge $((chars * $3)) ] && [ "$n" -le $((chars * $4)) ] \
    && [ $((nonzero * 2)) -ge "$n" ] && [ "$peak" -gt 1000 ] \
    && [ ! -s "$t/out" ] && [ ! -s "$t/err" ]
  r=$?
  ok $r "$1 $2: a WAV file of $(cat "$t/wav" 2>/dev/null | cut -d' ' -f2) samples for $chars characters"
  [ $r -eq 0 ] || { echo "# rate samples nonzero peak: $(cat "$t/wav")";
                    sed 's/^/# err: /' "$t/err" | head -5; }
  rm -f "$t/x.wav"
}

# --speech-rate and --speech-volume: faster is shorter (175 words a
# minute by default), half the volume has about half the peak.
wav_of () {
  "$PINAV" --data="$data" --dump=conditions "$@" --speak="$t/r.wav" \
    && "$wavcheck" "$t/r.wav"
}
read -r rate n0 nz0 peak0 <<EOF
$(wav_of)
EOF
read -r rate nfast nz peak <<EOF
$(wav_of --speech-rate=350)
EOF
read -r rate nslow nz peak <<EOF
$(wav_of --speech-rate=80)
EOF
[ -n "$n0" ] && [ -n "$nfast" ] && [ -n "$nslow" ] \
  && [ $((nfast * 10)) -lt $((n0 * 6)) ] && [ $((nslow * 10)) -gt $((n0 * 18)) ]
ok $? "--speech-rate: $n0 samples at 175 words a minute, $nfast at 350, $nslow at 80"
read -r rate n nz peak <<EOF
$(wav_of --speech-volume=50)
EOF
[ -n "$peak" ] && [ "$n" -eq "$n0" ] && [ $((peak * 10)) -lt $((peak0 * 6)) ] \
  && [ $((peak * 10)) -gt $((peak0 * 3)) ]
ok $? "--speech-volume=50: a peak of $peak, against $peak0 at 100"
read -r rate n nz peak <<EOF
$(wav_of --lang=zh_CN --speech-rate=350)
EOF
read -r rate n1 nz peak <<EOF
$(wav_of --lang=zh_CN)
EOF
[ -n "$n" ] && [ -n "$n1" ] && [ $((n * 10)) -lt $((n1 * 6)) ]
ok $? "--speech-rate=350 in Chinese: $n samples, against $n1"

# English is said at about 1,400 samples (at 22,050 a second) a
# character, Chinese at about 5,000.
for id in $pages; do check en "$id" 600 4000; done
for id in $pages; do check zh_CN "$id" 1500 12000; done

# The TUI's s: the page read aloud from the top of the screen, in a
# child process that any key stops.  This machine may have no sound
# card: the sound libraries' complaints must not reach the screen, and
# the keys go on working.
vt 'wait-row 23 ?
expect-not "Speech on"
key s
wait-row 23 "Reading aloud; any key stops."
key Down
wait-gone "Reading aloud"
key Up
wait-row 1 "> Conditions"
key s
wait-row 23 "Speech off."
key s
wait-row 23 "Reading aloud"
expect-not ALSA
expect-not rror
key q
expect-exit 0'
okv $? "s reads aloud and says so; keys go on working; nothing of the sound libraries shows"

# The fake sound card: with PINAV_TEST_SPEECH_SINK=FILE the child
# adds its samples to FILE as fast as a sound card would play them
# (the start screen is 52 s of speech).  A key must kill it at once:
# the child is gone (killed and reaped) by the time the screen answers
# the key, within the usual time, and the file stops growing.  The key
# is z, which does nothing, so that speech, still on, says nothing
# new; then s turns speech off, and Down says nothing.
sink="$t/sink.raw"
rm -f "$sink"
"$PINAV" --data="$data" --lang=en --dump=home --speak="$t/home.wav" \
  && read -r rate full rest <<EOF
$("$wavcheck" "$t/home.wav")
EOF
vt "wait-row 23 ?
key s
wait-row 23 \"Reading aloud\"
wait-file-grows $sink
expect-children 1
sleep-ms 500
wait-file-grows $sink
expect-children 1
key z
wait-gone \"Reading aloud\"
expect-within 1000
expect-children 0
expect-file-still 500 $sink
wait-row 0 \"Speech on (s: off)\"
key s
wait-row 23 \"Speech off.\"
expect-not \"Speech on\"
key Down
wait-row 2 \"> Compare cell sources\"
expect-within 1000
expect-children 0
expect-file-still 500 $sink
key q
expect-exit 0" PINAV_TEST_SPEECH_SINK="$sink"
r=$?
got=$(($(cat "$sink" 2>/dev/null | wc -c) / 2))
[ $r -eq 0 ] && [ -n "$full" ] && [ $((got * 2)) -ge "$rate" ] \
  && [ $((got * 10)) -lt "$full" ]
okv $? "any key kills the speaking child at once: $got of the page's $full samples said (at least half a second's, at most a tenth)"
no_vtdrive \
  || sed -n 's/.*expect-within: the wait was met \(.*\) after.*/\1/p' "$t/vt.out" \
  | { read -r speaking; read -r quiet
      echo "# a key answered in $speaking while speaking, $quiet after"; }

# Speech as a mode (issue 19, point 2): --speech starts with it on, and
# the start screen is read; the title line says so, in words and in
# reverse video.  While it is on, a key stops what is being said at
# once (the child is killed and reaped) and then, once the screen has
# answered, says what the key chose: Down, the link now chosen (a new
# child adds its samples to the sink), Enter, the page opened.  s turns it off: the child is gone,
# nothing more is said, and the mark goes.
rm -f "$sink"
vt_opts=--speech vt "wait-row 0 \"Speech on (s: off)\"
wait-reverse 0 79
wait-file-grows $sink
expect-children 1
key Down
wait-row 2 \"> Compare cell sources\"
expect-within 1000
wait-children 1
wait-file-grows $sink
key Enter
wait-row 0 \"Compare cell sources\"
wait-row 0 \"Speech on\"
wait-children 1
wait-file-grows $sink
key s
wait-row 23 \"Speech off.\"
expect-children 0
expect-not \"Speech on\"
expect-not-reverse 0 79
expect-file-still 500 $sink
key Down
wait-row 23 ?
expect-children 0
expect-file-still 500 $sink
key s
wait-row 23 \"Reading aloud\"
wait-row 0 \"Speech on\"
wait-children 1
wait-file-grows $sink
key q
expect-exit 0" PINAV_TEST_SPEECH_SINK="$sink"
okv $? "--speech: the start screen is read, Down says the link chosen and Enter the page, in a new child each; s turns speech off and on"

# In Chinese: the mark and the word that speech is off.
vt_opts="--speech --lang=zh_CN" vt "wait-row 0 \"朗读已开启（s 关闭）\"
wait-file-grows $sink
key s
wait-row 23 已关闭朗读。
expect-not 朗读已开启
expect-children 0
key q
expect-exit 0" PINAV_TEST_SPEECH_SINK="$sink"
okv $? "--speech in Chinese: 朗读已开启 on the title line, then s turns it off"

# The idle reset stops the speech too (--idle=1: one second without a
# key, then the warning's 30 seconds): the speech goes on under the
# warning, and the child is gone once the start screen is back, long
# before the page (the Context page, 133 s of speech) has been said;
# and it turns speech off, as it was at the start: no mark, and Down
# says nothing.
timeout=60 vt_opts=--idle=1 vt "wait-row 23 ?
down-to 12 \"> Context\"
key Enter
wait-row 0 Context
key s
wait-row 23 \"Reading aloud\"
wait-row 0 \"Speech on\"
wait-file-grows $sink
expect-children 1
wait-row 0 \"Are you still there?\"
wait-file-grows $sink
expect-children 1
wait-row 1 \"> Conditions\"
expect-children 0
expect-not \"Speech on\"
expect-file-still 500 $sink
key Down
wait-row 2 \"> Compare cell sources\"
expect-children 0
key q
expect-exit 0" PINAV_TEST_SPEECH_SINK="$sink"
okv $? "the idle reset kills the speaking child (the sink stops growing) and turns speech off"

# A kiosk writes no file: it ignores both test hooks, and speaks (here,
# to no sound card).
rm -f "$sink" "$t/k.wav"
vt_opts=--kiosk vt "wait-row 23 ?
key s
wait-row 23 \"Reading aloud\"
expect-file-still 500 $sink
key Down
wait-gone \"Reading aloud\"" PINAV_TEST_SPEECH_SINK="$sink" \
  PINAV_TEST_SPEECH_WAV="$t/k.wav" CREDENTIALS_DIRECTORY=
[ $? -eq 0 ] && [ ! -e "$sink" ] && [ ! -e "$t/k.wav" ]
okv $? "a kiosk ignores PINAV_TEST_SPEECH_SINK and PINAV_TEST_SPEECH_WAV"

# With PINAV_TEST_SPEECH_WAV the child writes what it would say to a file
# (and the TUI waits for it): less after a page down, less still at
# the end, as the reading starts from the top of the screen.
said () {
  rm -f "$t/s.wav"
  vt "wait-row 23 ?
key / ^U
type cell
key Enter
wait-row 0 cell
$1
key s
wait-row 23 \"Reading aloud\"
key q
expect-exit 0" PINAV_TEST_SPEECH_WAV="$t/s.wav" \
    && "$wavcheck" "$t/s.wav" | cut -d' ' -f2
}
top=$(said "")
down=$(said "key PgDn")
end=$(said "key End")
[ -n "$top" ] && [ -n "$down" ] && [ -n "$end" ] && [ "$end" -gt 0 ] \
  && [ "$top" -gt "$down" ] && [ "$down" -gt "$end" ]
okv $? "s reads from the top of the screen: $top samples at the top, $down a page down, $end at the end"
fast=$(vt_opts=--speech-rate=350 said "")
[ -n "$fast" ] && [ -n "$top" ] && [ $((fast * 10)) -lt $((top * 6)) ]
okv $? "s speaks at --speech-rate=350 too: $fast samples, against $top"

# What a key says while speech is on (--speech), in the WAV file of
# the last child: Down, the link chosen ("Compare cell sources.", about
# a second); Enter, the page it opens, from its title; r, the same
# again; PgDn, the page from the new top of the screen (no title).
echoed () {
  rm -f "$t/e.wav"
  vt_opts=--speech vt "wait-row 0 \"Speech on\"
key Down
wait-row 2 \"> Compare cell sources\"
$1
key q
expect-exit 0" PINAV_TEST_SPEECH_WAV="$t/e.wav" \
    && "$wavcheck" "$t/e.wav" | cut -d' ' -f2
}
item=$(echoed "")
opened=$(echoed 'key Enter
wait-row 0 "Compare cell sources"')
again=$(echoed 'key Enter
wait-row 0 "Compare cell sources"
key r
wait-row 23 "Reading aloud"')
scrolled=$(echoed 'key Enter
wait-row 0 "Compare cell sources"
key PgDn
wait-row 23 "lines 2"')
[ -n "$item" ] && [ -n "$opened" ] && [ -n "$again" ] && [ -n "$scrolled" ] \
  && [ "$item" -ge 6615 ] && [ "$item" -le 88200 ] \
  && [ "$opened" -gt $((item * 20)) ] && [ "$again" -eq "$opened" ] \
  && [ "$scrolled" -lt "$opened" ] && [ "$scrolled" -gt $((item * 20)) ]
okv $? "speech on: Down says the link ($item samples), Enter the page ($opened), r the same ($again), PgDn from the top of the screen ($scrolled)"

# Not onto a terminal: audio would be bytes that drive it.
printf '%s\n' 'wait "standard output is a terminal"' 'expect-exit 1' >"$t/tty.vt"
"$vtdrive" --size=80x24 --timeout=$timeout "$t/tty.vt" -- $PINAV_WRAPPER \
  "$PINAV" --data="$data" --dump=docs --speak=- >"$t/vt.out" 2>&1
r=$?; okv $r "--speak=- refuses a terminal"
[ $r -eq 0 ] || no_vtdrive || sed 's/^/# /' "$t/vt.out" | head -30

# Standard output: the same WAV file.
"$PINAV" --data="$data" --dump=docs --speak=- >"$t/y.wav" 2>"$t/err" \
  && "$wavcheck" "$t/y.wav" >/dev/null
ok $? "--speak=- writes the WAV file to standard output"
# libespeak-ng is opened when speech is first used, not at every start:
# linked in, its 36 sound libraries cost each start 6 M instructions.
if command -v readelf >/dev/null 2>&1; then
  ! readelf -d "$PINAV" | grep -q 'NEEDED.*espeak'
  ok $? "pinav does not load libespeak-ng at start (dlopen at the first use)"
fi

done_testing
