#!/bin/sh
# Screen tests: the full-screen navigator, driven through libvterm on a
# pty by tests/vtdrive, one script of tests/screen/*.vt per test point.
# Each script waits for what it expects; none sleeps.
. "${top_srcdir:-.}/tests/tap.sh"

vtdrive="${top_builddir:-.}/tests/vtdrive"
scripts="$top_srcdir/tests/screen"
good="$top_srcdir/tests/data/good"
real="$top_srcdir/data"
TERM=xterm-256color
unset NO_COLOR
export TERM

no_vtdrive && skip_all "$no_vtdrive_why"

# PINAV_WRAPPER, when set, goes before pinav (e.g. valgrind, see
# .ci/run); the waits are then longer.
timeout=10 scale=1
if [ -n "${PINAV_WRAPPER:-}" ]; then
  timeout=120 scale=20
fi

# screen SCRIPT SIZE LANG WHAT: run tests/screen/SCRIPT.vt against
# pinav --data=$pack --lang=LANG on a COLSxROWS terminal.  The program
# must end with 0 (or as an expect-exit says).
screen () {
  "$vtdrive" --size="$2" --timeout="$timeout" --time-scale="$scale" \
    --require-clean-exit --term="$TERM" "$scripts/$1.vt" -- \
    $PINAV_WRAPPER "$PINAV" --data="$pack" --lang="$3" \
    >"$tap_tmp/out" 2>"$tap_tmp/err"
  r=$?
  ok $r "$1 ($2, $3): $4"
  [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -40
}

for lang in en zh_CN; do
  pack=$good
  screen home 80x24 $lang "start screen, reverse video and '>', cursor on the choice"
  screen back 80x24 $lang "collection, item, Back restores the choice"
  screen compare 80x24 $lang "a comparison table as a grid"
  screen cards 20x6 $lang "the same table as cards"
  screen pair 80x24 $lang "pick two, then side by side"
  screen doc 80x24 $lang "the documents and a document"
  screen wide 20x6 $lang "Chinese wraps by display width in double-width cells"
  screen jump 20x6 $lang "a source link scrolls to its section's heading"
  screen about 80x24 $lang "the about page"
  screen lang 80x24 $lang "the language picker switches the interface"
  screen help 80x24 $lang "? shows the keys"
  screen resize 20x6 $lang "a resize keeps the place and the choice"
  screen click 80x24 $lang "a click opens a link"
  screen wheel 20x6 $lang "the mouse wheel scrolls"
  screen search 80x24 $lang "/ types a search, English and Chinese"
  screen search-home 80x24 $lang "the home menu's Search opens the search prompt"
  screen term 80x24 $lang "SIGTERM restores the terminal, exit 0"
  screen hup 80x24 $lang "SIGHUP restores the terminal, exit 0"
  screen close 80x24 $lang "a closed terminal ends the program within 1 s"
  screen tiny 1x1 $lang "1x1 does not crash, and grows to 20x6"
  screen huge 300x100 $lang "300x100"
  pack=$good
  screen hits-${lang%_CN} 80x24 $lang "a result opens at its first match; n and N"
  pack=$real
  screen walk 80x24 $lang "the real pack: a walk through every menu link"
  screen walk-small 20x6 $lang "the real pack at 20x6"
  task=task-en; [ $lang = en ] || task=task-zh
  for size in 80x24 20x6; do
    screen $task $size $lang "from the start screen alone: three cell sources compared, the regulation challenge read"
  done
done
pack=$real
screen menu-small 20x6 en "the start screen at 20x6: the first entry chosen under the wrapped title"
screen measure 132x43 en "132 columns: text set to a readable measure"
# The About page's rows (the screen printed between the --- lines):
# none wider than 80 columns, and its paragraphs do fill them.
sed -n '/^--- screen/,/^---$/p' "$tap_tmp/out" | sed '1d;$d' | sed '1d;$d' \
  | LC_ALL=C.UTF-8 awk '{ n = length($0); if (n > max) max = n }
      END { print max; exit !(max <= 80 && max >= 70) }' >"$tap_tmp/max"
ok $? "132 columns: the longest line of text is $(cat "$tap_tmp/max") columns (at most 80)"
pack=$good
screen hint 80x24 en "a click on a key hint acts as the key"
screen independent 80x24 en "a topic's page ends with what independent bodies say; a link opens its item"

# Issue 15, F1 and F5: a catalogue with characters a terminal must not
# be given is refused (src/base/mocheck.c), and the pack shown in
# English.
loc="$tap_tmp/locale/zh_CN/LC_MESSAGES"
mkdir -p "$loc"
cp "$top_builddir/locale/zh_CN/LC_MESSAGES/pinav.mo" "$loc/"
rlo=$(printf '\342\200\256')
cat >"$tap_tmp/unsafe.po" <<EOF
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

msgid "Fruits"
msgstr "无效\\b\\b\\b\\b有效"

msgid "Apple"
msgstr "苹果${rlo}果苹"
EOF
msgfmt -o "$loc/pinav-content.mo" "$tap_tmp/unsafe.po" || exit 99
build_localedir=$PINAV_LOCALEDIR
PINAV_LOCALEDIR="$tap_tmp/locale"
export PINAV_LOCALEDIR
screen unsafe 80x24 zh_CN "F1, F5: a catalogue with control and bidi characters is refused: English, in the title bar too"
PINAV_LOCALEDIR=$build_localedir

screen contrast 80x24 en "the disclaimer and a document's marketing note at full contrast: never dim"
screen where 60x10 en "where am I: the lines shown of a long page, and whether more follows"
screen repeat 80x24 en "r shows the screen again, the cursor at the body's top for a screen reader"
screen path 80x24 en "the title line: the path to the page, shortened from the left to fit"

# Issue 15, F10: TERM=linux, where ncurses loads libgpm (tests/lsan.supp
# says why its leak is suppressed, and why this needs the slow unwinder).
TERM=linux
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
export ASAN_OPTIONS
screen linux 80x24 en "F10: TERM=linux (libgpm loaded for the mouse): no leak reported at exit"
screen contrast 80x24 en "the disclaimer and a document's marketing note at full contrast on the console: never dim"

done_testing
