#!/bin/sh
# Issue 15, F1 and F5: text from the pack never reaches the terminal
# with a character that a terminal acts on (a control: backspace, CR,
# tab, ESC, DEL, C1...) or that makes a line read other than it is
# written (a bidirectional control, an invisible format character).
# Where text enters pinav (the YAML, the compiled pack, the command
# line, the catalogues) such a character is refused, with its place;
# a renderer shows one that comes in anyway as '?' (tests/unit-wrap,
# tests/unit-layout).  Also: the
# loader's messages, tests/bad-corpus.sh (F1-*, F5-*); the rule for
# every code point, tests/unit-wrap; each kind of string of the
# compiled pack, tests/unit-packvariants; the title bar, tests/screen.sh.
. "${top_srcdir:-.}/tests/tap.sh"

t="$tap_tmp"
good="$top_srcdir/tests/data/good"
packc="$top_builddir/src/pinav-packc"
rlo=$(printf '\342\200\256')

# copy DIR: tests/data/good, writable, in $t/DIR.
copy () {
  mkdir "$t/$1" && cp "$good"/*.yaml "$t/$1/" && chmod u+w "$t/$1"/*.yaml \
    || exit 99
}

# --check, as the issue reproduces it: a collection's title with
# backspaces and a right-to-left override, written as YAML escapes.
copy x
sed 's/^title: Fruits$/title: "UNSAFE\\b\\b\\bSAFE\\u202Ex"/' \
  "$good/fruits.yaml" >"$t/x/fruits.yaml"
run "$PINAV" --check "$t/x"
is_status 65 "F1, F5: --check refuses a title with backspaces and a right-to-left override"
msg="cannot be shown; remove it"
cat >"$t/want" <<EOF
$t/x/fruits.yaml:3:15: U+0008 (a control character) $msg
$t/x/fruits.yaml:3:17: U+0008 (a control character) $msg
$t/x/fruits.yaml:3:19: U+0008 (a control character) $msg
$t/x/fruits.yaml:3:25: U+202E (a bidirectional control, which can reverse the text) $msg
EOF
cmp -s "$t/want" "$t/err"
ok $? "F1, F5: each of them named, with its code point, line and column"
[ $? -eq 0 ] || diff "$t/want" "$t/err" | sed 's/^/# /'
run "$PINAV" --data="$t/x" --plain
is_status 65 "F1, F5: nor does pinav show such a pack"

# Block text keeps its line breaks; ZWJ and ZWNJ (emoji sequences,
# scripts) are not refused.
copy y
printf '%s\n' '      - p: |' '          Two lines' "          of text, a family: 👨‍👩‍👧, a ZWNJ: می‌خواهم." \
  >>"$t/y/doc.yaml"
run "$PINAV" --check "$t/y"
is_status 0 "F1: a paragraph's line breaks, ZWJ and ZWNJ pass --check"

# A compiled pack whose strings were changed after pinav-packc wrote
# it (a hostile or damaged install): refused, named, the YAML read.
# patch FILE TEXT: write TEXT (6 bytes) over the first "Fruits".
patch () {
  off=$(grep -obUa 'Fruits' "$1" | head -1 | cut -d: -f1)
  [ -n "$off" ] && printf "$2" | dd of="$1" bs=1 seek="$off" conv=notrunc \
    2>/dev/null || exit 99
}
copy img
for c in bs rlo; do
  "$packc" "$t/img" "$t/img/pack.bin" || exit 99
  case $c in
    bs) patch "$t/img/pack.bin" 'Fr\010\010ts'; what="U+0008 (a control character)"; f=F1 ;;
    rlo) patch "$t/img/pack.bin" 'Fr\342\200\256t'; what="U+202E (a bidirectional control, which can reverse the text)"; f=F5 ;;
  esac
  run "$PINAV" --data="$t/img" --dump=fruits --width=0
  head -1 "$t/out" | grep -qx 'Fruits'
  ok $? "$f: a pack.bin holding $what is not shown: the YAML is"
  has_err "$t/img/pack.bin: it holds $what, which cannot be shown; the pack is read from its YAML instead" \
    "$f: and it is named, with the reason"
done

# An installed catalogue with such characters is refused as a whole
# (src/base/mocheck.c holds its translations to text_unsafe too): the
# pack is shown in English, and one line on stderr names the file.
# Before, its backspaces made the title read 有效 ("valid").
loc="$t/locale/zh_CN/LC_MESSAGES"
mkdir -p "$loc" || exit 99
cp "$top_builddir/locale/zh_CN/LC_MESSAGES/pinav.mo" "$loc/" || exit 99
# catalogue FRUITS APPLE: a content catalogue with these translations.
catalogue () {
  printf '%s\n' 'msgid ""' \
    'msgstr "Content-Type: text/plain; charset=UTF-8\\n"' '' \
    'msgid "Fruits"' "msgstr \"$1\"" '' 'msgid "Apple"' "msgstr \"$2\"" \
    >"$t/unsafe.po" && msgfmt -o "$loc/pinav-content.mo" "$t/unsafe.po" \
    || exit 99
}
for c in "F1:backspaces:无效\\b\\b\\b\\b有效:苹果" \
         "F5:a right-to-left override:水果:苹果${rlo}果苹"; do
  f=${c%%:*}; c=${c#*:}; what=${c%%:*}; c=${c#*:}
  catalogue "${c%%:*}" "${c#*:}"
  run env PINAV_LOCALEDIR="$t/locale" "$PINAV" --data="$good" --lang=zh_CN \
    --dump=fruits --width=0
  head -1 "$t/out" | grep -qx 'Fruits' && grep -qx -e '- Apple' "$t/out"
  ok $? "$f: a catalogue whose translation holds $what is refused: the pack in English"
  has_err "$loc/pinav-content.mo: a damaged translation file (string " \
    "$f: and it is named on stderr"
  ! grep -q "$rlo" "$t/out" && ! grep -q "$(printf '\b')" "$t/out"
  ok $? "$f: nothing of it reaches the output"
done

# The command line: --search's words are shown on its page.
run "$PINAV" --data="$good" --search="$(printf 'App\033[2Jle')"
is_status 2 "F1: --search with an escape sequence is a usage error"
has_err "pinav: --search: U+001B (a control character) cannot be shown; remove it" \
  "F1: that says which character"
run "$PINAV" --data="$good" --search="Apple${rlo}"
is_status 2 "F5: --search with a right-to-left override is a usage error"

done_testing
