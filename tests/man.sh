#!/bin/sh
# The manual: lint-clean, and it documents every option --help lists.
. "${top_srcdir:-.}/tests/tap.sh"

# mandoc: configure's MANDOC, "no" when it found none (the lint is
# then skipped); unset when run by hand, then mandoc from PATH.
mandoc=${MANDOC:-mandoc}
[ "$mandoc" = no ] || command -v "$mandoc" >/dev/null 2>&1 || mandoc=no

# manual PROGRAM CODES: the manual of PROGRAM as built (docs/PROGRAM.1,
# from docs/PROGRAM.1.in) is lint-clean, documents every option of its
# --help and lists the exit status CODES.
manual () {
  man="$top_builddir/docs/$1.1"
  if [ "$mandoc" = no ]; then
    skip "$1.1: mandoc -Tlint finds nothing" "mandoc was not found (Debian: apt-get install mandoc)"
  else
    "$mandoc" -Tlint -Wall "$man" >"$tap_tmp/lint" 2>&1
    [ ! -s "$tap_tmp/lint" ]; r=$?
    ok $r "$1.1: mandoc -Tlint finds nothing"
    [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/lint"
  fi
  "$2" --help | grep -o -e '--[a-z-]*' | sort -u >"$tap_tmp/opts"
  [ -s "$tap_tmp/opts" ]; ok $? "$1 --help lists options"
  while read -r opt; do
    esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
    grep -q -e "$esc" "$man"
    ok $? "$1.1 documents $opt"
  done <"$tap_tmp/opts"
  for code in $3; do
    grep -q "^\.B $code\$" "$man"
    ok $? "$1.1 lists exit status $code"
  done
}

manual pinav "$PINAV" "0 1 2 65"
manual pinav-packc "$top_builddir/src/pinav-packc" "0 1 2 65"

done_testing
