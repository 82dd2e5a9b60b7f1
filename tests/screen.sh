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
  screen allhits-${lang%_CN} 80x24 $lang "every match set apart, two on a line, each such line marked; n through them all"
  screen hitwrap-${lang%_CN} 20x10 $lang "a match cut by a line break: set apart and marked on both lines"
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

# Issue 16, point 4: two to four items, marked by the reader, side by
# side, at both sizes in both languages.
pack=$real
# unsplit WHAT: in every screen printed, 骨质疏松症 whole: each of its
# pieces (骨质疏, 质疏, 疏松, 松症) shown as often as the whole word,
# which is shown.
unsplit () {
  n=$(grep -o 骨质疏松症 "$tap_tmp/out" | wc -l)
  for piece in 骨质疏 质疏 疏松 松症; do
    [ "$(grep -o "$piece" "$tap_tmp/out" | wc -l)" -eq "$n" ] || n=0
  done
  [ "$n" -gt 0 ]; ok $? "$1: 骨质疏松症 is never cut across two lines ($n shown whole)"
}
# blank_before LINE WHAT: the screen printed shows LINE, and an empty
# line just above it, between two cards.
blank_before () {
  grep -B1 -x -- "$1" "$tap_tmp/out" | head -n 1 | grep -q '^$'
  ok $? "$2"
}
for size in 80x24 132x43; do
  screen side-${size%x*}-en $size en "2, 3 and 4 marked cell sources side by side; Back keeps the marks; a fifth refused"
  [ $size = 80x24 ] && blank_before "  Bone marrow-derived stem cells" \
    "side-80-en: a blank line between two cards"
  screen side-${size%x*}-zh $size zh_CN "2, 3 and 4 marked cell sources side by side, in Chinese; a fifth refused"
  unsplit "side-${size%x*}-zh ($size)"
  [ $size = 80x24 ] && blank_before "  骨髓来源干细胞" \
    "side-80-zh: a blank line between two cards"
done
pack=$good

screen contrast 80x24 en "the disclaimer and a document's marketing note at full contrast: never dim"
screen where 60x10 en "where am I: the lines shown of a long page, and whether more follows"
screen repeat 80x24 en "r shows the screen again, the cursor at the body's top for a screen reader"
screen path 80x24 en "the title line: the path to the page, shortened from the left to fit"

# Issue 17: a key that scrolls moves the rows that stay by the
# terminal's own scrolling and draws only the new ones.  A document of
# 260 lines, with wide characters, is scrolled N lines one by one, each
# waited for, then back; at each end the screen must be what a fresh
# paint of the same place shows (a resize and back lays out and paints
# everything again), text and attributes, row by row.
long="$tap_tmp/long"
mkdir "$long" && cp "$good"/*.yaml "$long/" || exit 99
{
  printf 'kind: document\nid: d2\ntitle: A long document\n'
  printf 'publisher: Test Publisher\nsource: long.txt\nsections:\n'
  printf '  - id: long\n    heading: A long section\n    blocks:\n'
  for i in $(seq -w 1 260); do
    printf '      - p: "Line %s of a long page: 骨质疏松症"\n' "$i"
  done
} >"$long/long.yaml"

# scroll_script N LANG: the script, on stdout.  The bottom line says
# where the screen is, in LANG.
scroll_script () {
  n=$1 i=1
  where () {
    if [ "$2" = en ]; then echo "lines $1-$(($1 + $3)) of"
    else echo "第 $1-$(($1 + $3)) 行"; fi
  }
  echo "wait-row 23 ?"
  echo "key Down Down Enter"
  if [ "$2" = en ]; then echo "down-to 5 > Document 2"
  else echo "down-to 5 > 文件 2"; fi
  echo "key Enter"
  echo "wait-row 0 A long document"
  echo "wait-row 23 $(where $i "$2" 21)"
  for dir in Down Up; do
    k=0
    while [ $k -lt "$n" ]; do
      k=$((k + 1))
      if [ $dir = Down ]; then i=$((i + 1)); else i=$((i - 1)); fi
      echo "key $dir"
      echo "wait-row 23 $(where $i "$2" 21)"
    done
    echo "snap"
    echo "resize 80 30"
    echo "wait-row 29 $(where $i "$2" 27)"
    echo "resize 80 24"
    echo "wait-row 23 $(where $i "$2" 21)"
    # the end of the bottom line, drawn last
    if [ "$2" = en ]; then echo "wait-row 23 (more)"
    else echo "wait-row 23 下面还有"; fi
    echo "expect-snap"
  done
  echo "key q"
  echo "expect-exit 0 1000"
}
saved_pack=$pack scripts=$tap_tmp pack=$long
for run in "200 en" "60 zh_CN"; do
  set -- $run
  scroll_script "$1" "$2" >"$scripts/scroll.vt"
  screen scroll 80x24 "$2" \
    "$1 lines down one by one and back, each end as a fresh paint shows it"
done
scripts="$top_srcdir/tests/screen" pack=$saved_pack

# Issue 17: a list of 100 items, laid out lazily, as the whole layout
# shows it (tests/screen/lazy.vt).
many="$tap_tmp/many"
mkdir "$many" && cp "$good"/*.yaml "$many/" || exit 99
sed 's/^menu: \[fruits, compare-fruits\]$/menu: [fruits, compare-fruits, many]/' \
  "$good/pack.yaml" >"$many/pack.yaml" || exit 99
{
  printf 'kind: collection\nid: many\ntitle: Many things\n'
  printf 'intro: A long list.\nuntraced: true\nitems:\n'
  for i in $(seq -w 1 100); do
    printf '  - id: m%s\n    name: Thing %s\n    summary: Thing %s.\n' \
      "$i" "$i" "$i"
  done
} >"$many/many.yaml"
pack=$many
screen lazy 80x24 en "a list of 100 laid out lazily: End, top, PgDn, resize, an item and Back as laid out whole"
pack=$saved_pack

# Issue 15, F10: TERM=linux, where ncurses loads libgpm (tests/lsan.supp
# says why its leak is suppressed, and why this needs the slow unwinder).
TERM=linux
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
export ASAN_OPTIONS
screen linux 80x24 en "F10: TERM=linux (libgpm loaded for the mouse): no leak reported at exit"
screen contrast 80x24 en "the disclaimer and a document's marketing note at full contrast on the console: never dim"
pack=$good
screen hits-linux 80x24 en "the console, whose fonts lack U+2731: a line with a match is marked with '*'"

done_testing
