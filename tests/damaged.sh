#!/bin/sh
# A damaged install: the pack missing, empty, with a file gone or
# unreadable; the translations missing, truncated or garbage.  pinav
# says what is wrong and exits 65, or goes on in English; it never
# crashes.  (A damaged compiled pack is tests/packfile.sh's; a TERM
# without terminfo is tests/faults.sh's.)
. "${top_srcdir:-.}/tests/tap.sh"

t="$tap_tmp"
good="$top_srcdir/tests/data/good"
localedir="$top_builddir/locale"

# The pack: gone, empty, a file that is a dangling link.
run "$PINAV" --data="$t/nowhere" --plain
is_status 65 "--data naming no directory: exit 65"
has_err "$t/nowhere: cannot read: No such file or directory" "and says why"

mkdir "$t/empty"
run "$PINAV" --data="$t/empty" --plain
is_status 65 "an empty pack directory: exit 65"
has_err "no content pack here" "and says why"

mkdir "$t/dangling"
cp "$good"/*.yaml "$t/dangling/"
rm "$t/dangling/doc.yaml"
ln -s "$t/gone/doc.yaml" "$t/dangling/doc.yaml"
run "$PINAV" --data="$t/dangling" --plain
is_status 65 "a pack file that is a dangling link: exit 65"
has_err "$t/dangling/doc.yaml: cannot read: No such file or directory" "and names it"

# A pack file nobody may read: as another user when running as root
# (root reads anything), else as ourselves.
mkdir "$t/unreadable"
cp "$good"/*.yaml "$t/unreadable/"
chmod 755 "$t" "$t/unreadable"
chmod 644 "$t"/unreadable/*.yaml
chmod 000 "$t/unreadable/doc.yaml"
as=
if [ "$(id -u)" -eq 0 ]; then
  command -v setpriv >/dev/null 2>&1 \
    && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null \
    && as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as" ]; then
  run $as "$PINAV" --data="$t/unreadable" --plain
  is_status 65 "a pack file that cannot be read: exit 65"
  has_err "$t/unreadable/doc.yaml: cannot read: Permission denied" "and names it"
else
  for w in "exit 65" "and names it"; do
    tap_n=$((tap_n + 1))
    echo "ok $tap_n - a pack file that cannot be read: $w # SKIP root, and no setpriv"
  done
fi
chmod 700 "$t"

# The translations: nowhere, truncated, garbage.  Chinese is asked for;
# the interface and the pack come in English, the exit status is 0.
english () {
  run env PINAV_LOCALEDIR="$1" "$PINAV" --data="$good" --lang=zh_CN --plain
  [ "$tap_status" -eq 0 ] && grep -q 'Type a number from 1 to 6' "$t/out"
  r=$?
  ok $r "$2: English, exit 0"
  [ $r -eq 0 ] || { echo "# status $tap_status"; sed 's/^/# /' "$t/err" | head -5; }
}
english "$t/no-locale" "no translations at all"

mkdir -p "$t/trunc/zh_CN/LC_MESSAGES" "$t/junk/zh_CN/LC_MESSAGES"
for d in pinav pinav-content; do
  head -c 1000 "$localedir/zh_CN/LC_MESSAGES/$d.mo" \
    >"$t/trunc/zh_CN/LC_MESSAGES/$d.mo"
  awk 'BEGIN { srand (1); for (i = 0; i < 3000; i++) printf "%c", 32 + int (rand () * 90) }' \
    >"$t/junk/zh_CN/LC_MESSAGES/$d.mo"
done
english "$t/trunc" "translations cut short (they used to crash gettext)"
has_err "$t/trunc/zh_CN/LC_MESSAGES/pinav.mo: a damaged translation file" "and the damaged file is named"
english "$t/junk" "translations that are not catalogues"

# Only the content's catalogue cut one byte short, found through LANG:
# still English, not a crash.
mkdir -p "$t/short/zh_CN/LC_MESSAGES"
cp "$localedir/zh_CN/LC_MESSAGES/pinav.mo" "$t/short/zh_CN/LC_MESSAGES/"
size=$(wc -c <"$localedir/zh_CN/LC_MESSAGES/pinav-content.mo")
head -c $((size - 1)) "$localedir/zh_CN/LC_MESSAGES/pinav-content.mo" \
  >"$t/short/zh_CN/LC_MESSAGES/pinav-content.mo"
run env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= PINAV_LOCALEDIR="$t/short" \
  "$PINAV" --data="$good" --plain
[ "$tap_status" -eq 0 ] && grep -q 'A small test pack' "$t/out"
ok $? "a content catalogue one byte short: exit 0"
has_err "pinav-content.mo: a damaged translation file" "and it is named"

# The whole catalogues are taken: Chinese.
run env PINAV_LOCALEDIR="$localedir" "$PINAV" --data="$good" --lang=zh_CN --plain
[ "$tap_status" -eq 0 ] && ! grep -q 'Type a number' "$t/out" && [ ! -s "$t/err" ]
ok $? "the build's own catalogues: Chinese, no warning"

done_testing
