#!/bin/sh
# The hostile-content corpus: every file or directory X in
# tests/data/bad/ (but *.err) must make 'pinav --check X' exit 65 and
# print exactly X.err (with @BAD@ standing for the corpus directory).
. "${top_srcdir:-.}/tests/tap.sh"

bad="$top_srcdir/tests/data/bad"
for case in "$bad"/*; do
  name=${case##*/}
  case $name in *.err|*.gen) continue ;; esac
  run "$PINAV" --check "$case"
  want="$bad/$name.err"
  sed "s|@BAD@|$bad|g" "$want" >"$tap_tmp/want" 2>/dev/null || : >"$tap_tmp/want"
  [ "$tap_status" -eq 65 ] && cmp -s "$tap_tmp/want" "$tap_tmp/err"
  r=$?
  ok $r "$name"
  if [ $r -ne 0 ]; then
    echo "# exit status $tap_status"
    diff "$tap_tmp/want" "$tap_tmp/err" | sed 's/^/# /' | head -20
  fi
done

done_testing
