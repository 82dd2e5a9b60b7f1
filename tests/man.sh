#!/bin/sh
# The manual: lint-clean, and it documents every option --help lists.
. "${top_srcdir:-.}/tests/tap.sh"

# The manual as built (docs/pinav.1, from docs/pinav.1.in).
man="$top_builddir/docs/pinav.1"
# configure's MANDOC: "no" when it found none (the lint is then
# skipped); unset when run by hand, then mandoc from PATH.
mandoc=${MANDOC:-mandoc}
[ "$mandoc" = no ] || command -v "$mandoc" >/dev/null 2>&1 || mandoc=no
if [ "$mandoc" = no ]; then
  skip "mandoc -Tlint finds nothing" "mandoc was not found (Debian: apt-get install mandoc)"
else
  "$mandoc" -Tlint -Wall "$man" >"$tap_tmp/lint" 2>&1
  [ ! -s "$tap_tmp/lint" ]; r=$?
  ok $r "mandoc -Tlint finds nothing"
  [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/lint"
fi

"$PINAV" --help | grep -o -e '--[a-z-]*' | sort -u >"$tap_tmp/opts"
[ -s "$tap_tmp/opts" ]; ok $? "--help lists options"
while read -r opt; do
  esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
  grep -q -e "$esc" "$man"
  ok $? "the manual documents $opt"
done <"$tap_tmp/opts"

for code in 0 1 2 65; do
  grep -q "^\.B $code\$" "$man"
  ok $? "the manual lists exit status $code"
done

done_testing
