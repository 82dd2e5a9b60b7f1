#!/bin/sh
# Plain mode: a session that visits every page, in English and in
# Chinese, on the test pack and on the bundled pack; the output holds
# every page's title and not one forbidden byte or character.
. "${top_srcdir:-.}/tests/tap.sh"

crawl="$top_builddir/tests/plain-crawl"
PINAV_LOCALEDIR="$top_builddir/locale"; export PINAV_LOCALEDIR

# scan FILE: fail on ESC and other control bytes (but newline), box
# drawing (U+2500-U+257F) and Braille patterns (U+2800-U+28FF).
scan () {
  LC_ALL=C grep -n -P '[\x00-\x09\x0b-\x1f\x7f]|\xe2\x94[\x80-\xbf]|\xe2\x95[\x80-\xbf]|\xe2[\xa0-\xa3][\x80-\xbf]' "$1" >"$tap_tmp/bad"
  [ ! -s "$tap_tmp/bad" ]
}

session () { # DATA LANG
  "$crawl" "$1" "$2" >"$tap_tmp/in" || return 1
  "$crawl" --titles "$1" "$2" >"$tap_tmp/titles" || return 1
  "$PINAV" --data="$1" --lang="$2" --plain --width=0 <"$tap_tmp/in" >"$tap_tmp/out" 2>"$tap_tmp/err"
}

for data in "$top_srcdir/tests/data/good" "$top_srcdir/data"; do
  for lang in en zh_CN; do
    what="$(basename "$data") $lang"
    session "$data" "$lang"
    ok $? "$what: a session visiting $(wc -l <"$tap_tmp/titles") pages exits 0"
    missing=0
    while IFS= read -r title; do
      grep -q -F -x -e "$title" "$tap_tmp/out" || { missing=$((missing + 1)); echo "# missing page: $title"; }
    done <"$tap_tmp/titles"
    [ "$missing" -eq 0 ]; ok $? "$what: every page was shown"
    scan "$tap_tmp/out"; r=$?
    ok $r "$what: no control byte, box drawing or Braille character"
    [ $r -eq 0 ] || head -5 "$tap_tmp/bad" | sed 's/^/# /'
    [ ! -s "$tap_tmp/err" ]; ok $? "$what: nothing on stderr"
    cp "$tap_tmp/out" "$tap_tmp/out-$lang"
  done
done

# Headings are announced in words, tables come one row per line.
grep -q '^Section: ' "$tap_tmp/out-en"; ok $? "headings are announced in words"
grep -q '^章节：' "$tap_tmp/out-zh_CN" || grep -q '^Section: ' "$tap_tmp/out-zh_CN"
ok $? "headings are announced in Chinese too"

good="$top_srcdir/tests/data/good"
printf 'xyz\n' | "$PINAV" --data="$good" --plain --lang=en >"$tap_tmp/out" 2>&1
ok $? "unknown input, then end of input: exit 0"
grep -q '^Not understood\.$' "$tap_tmp/out"; ok $? "one short message for unknown input"
[ "$(grep -c '^\[2\] Compare fruits$' "$tap_tmp/out")" -eq 2 ]; ok $? "then the menu again"

printf '99\n' | "$PINAV" --data="$good" --plain --lang=en >"$tap_tmp/out" 2>&1
grep -q '^There is no such number\.$' "$tap_tmp/out"; ok $? "a number out of range is refused"

"$PINAV" --data="$good" --plain </dev/null >"$tap_tmp/out" 2>&1
ok $? "stdin at end: exit 0"
head -1 "$tap_tmp/out" | grep -q '^$' && sed -n 2p "$tap_tmp/out" | grep -q '^A small test pack$'
ok $? "the start screen is shown first"

printf '1\n1\nl\nq\n' | TERM=dumb "$PINAV" --data="$good" --lang=en >"$tap_tmp/out" 2>&1
ok $? "TERM=dumb without --plain: plain mode, q quits with 0"
grep -q '^\[1\] Apple$' "$tap_tmp/out"; ok $? "a collection's items are numbered"
grep -q '^- Claim: Apples are red.$' "$tap_tmp/out"; ok $? "an item's claims are shown"
[ "$(grep -c '^Fruits$' "$tap_tmp/out")" -eq 2 ]; ok $? "l goes back to the list"

printf '1\n1\n' | env -u TERM "$PINAV" --data="$good" --lang=en --width=0 >"$tap_tmp/out" 2>&1
ok $? "TERM unset: plain mode"

long=$(printf '%04000d' 0)
printf '%s\n/\\.*[(\n\377\376\n' "$long" | "$PINAV" --data="$good" --plain >"$tap_tmp/out" 2>&1
ok $? "a 4000-digit number, metacharacters and invalid UTF-8 are harmless"

printf '1\n' | "$PINAV" --data="$good" --plain --lang=en --width=30 >"$tap_tmp/out" 2>&1
LC_ALL=C.UTF-8 awk 'length($0) > 30 { bad = 1 } END { exit bad }' "$tap_tmp/out"
ok $? "--width=30 wraps every line at 30 columns"
# Issue 16: without --width, plain mode leaves the wrapping to the
# screen reader or braille display (COLUMNS does not ask for it).
printf '1\n' | COLUMNS=30 "$PINAV" --data="$good" --plain --lang=en >"$tap_tmp/out" 2>&1
grep -qx 'These are test claims, not advice.' "$tap_tmp/out"
ok $? "without --width a paragraph is one line, whatever COLUMNS says"

# Issue 16, point 2: a page longer than a screen (LINES, or 40 lines)
# is printed a part at a time: which part, and f, b and r to move
# through them; r prints the same part again.
printf '1\n1\nf\nf\nf\nb\nr\nq\n' \
  | "$PINAV" --data="$top_srcdir/data" --plain --lang=en >"$tap_tmp/out" 2>&1
grep -qx 'Page 1 of 3. f: the next page; b: the previous page; r: this page again.' "$tap_tmp/out" \
  && grep -qx 'Osteoporosis, page 3 of 3:' "$tap_tmp/out"
ok $? "a long page in parts: page 1 of 3, then f to page 3 of 3"
last=$(sed -n 's/^\[\([0-9]*\)\] .*/\1/p' "$tap_tmp/out" | sort -n | tail -1)
[ "${last:-0}" -gt 40 ] \
  && sed -n '/^Osteoporosis, page 3 of 3:$/,$p' "$tap_tmp/out" | grep -q "^\[$last\] " \
  && ! sed -n '1,/^Page 1 of 3/p' "$tap_tmp/out" | grep -q "^\[$last\] "
ok $? "the first part stops at the screen's end; the rest comes with f, numbered as in the whole page"
grep -A1 '^Page 3 of 3' "$tap_tmp/out" | grep -q . \
  && grep -qx 'This is the end of the page.' "$tap_tmp/out"
ok $? "f on the last part says it is the end"
awk '/^Osteoporosis, page 2 of 3:$/ { n++; on = 1 } on { print > (dir "/part" n) }
     /^Page 2 of 3\./ { on = 0 }' dir="$tap_tmp" "$tap_tmp/out"
[ -s "$tap_tmp/part3" ] && cmp -s "$tap_tmp/part2" "$tap_tmp/part3"
ok $? "r prints the part shown again, as it was (after b)"

# Issue 16, point 6: before a language is chosen, the prompt is in
# both languages, and names no command of a language not yet chosen.
printf '2\n' | "$PINAV" --data="$good" --plain --lang=ask >"$tap_tmp/out" 2>&1
grep -qx 'Type 1 or 2, then Enter. / 输入 1 或 2，然后按 Enter。' "$tap_tmp/out" \
  && ! grep -q 'l back' "$tap_tmp/out" \
  && grep -q '请输入 1 到 6' "$tap_tmp/out"
ok $? "the language screen's prompt is in English and Chinese; then Chinese"

if command -v espeak-ng >/dev/null 2>&1; then
  "$PINAV" --data="$top_srcdir/data" --dump cell-sources >"$tap_tmp/page"
  espeak-ng -q -w /dev/null -f "$tap_tmp/page"
  ok $? "espeak-ng speaks a whole page"
else
  echo "ok $((tap_n = tap_n + 1)) - espeak-ng speaks a whole page # SKIP espeak-ng is not installed"
fi

done_testing
