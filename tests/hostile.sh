#!/bin/sh
# Hostile packs beyond the corpus: each gets a clear error or loads
# correctly, within a time and a memory bound.  The bounds are generous
# enough for the sanitizer build: 20 s and 1024 MB of peak resident
# memory per run (a plain build needs well under a second and 100 MB;
# see docs/security.md).
. "${top_srcdir:-.}/tests/tap.sh"

limit="$top_builddir/tests/runlimit 20 1024"
t="$tap_tmp"

# bounded CASE WANT_STATUS: run --check on $t/CASE within the bounds.
bounded () {
  $limit "$PINAV" --check "$t/$1" >"$t/out" 2>"$t/err"
  tap_status=$?
  grep '^time=' "$t/err" | sed "s/^/# $1: /"
  ok $([ "$tap_status" -eq "$2" ]; echo $?) "$1: exit $2 within 20 s and 1024 MB"
  [ "$tap_status" -eq "$2" ] || { echo "# status $tap_status"; tail -3 "$t/err" | sed 's/^/# /'; }
}

doc_head () {
  printf 'kind: document\nid: big\ntitle: Big\nsource: big.txt\nsections:\n'
}

# 100,000 sections: loads.
doc_head >"$t/sections.yaml"
awk 'BEGIN { for (i = 0; i < 100000; i++)
  printf "  - id: s%d\n    heading: Section %d\n    blocks: [{p: Text %d.}]\n", i, i, i }' >>"$t/sections.yaml"
bounded sections.yaml 0

# A 10 MB line: refused as too long a text.
doc_head >"$t/longline.yaml"
awk 'BEGIN { printf "  - id: a\n    heading: H\n    blocks: [{p: "; s = "abcdefghij"; for (i = 0; i < 20; i++) s = s s; while (length (s) > 10485760) s = substr (s, 1, 10485760); printf "%s", s; print "}]" }' >>"$t/longline.yaml"
bounded longline.yaml 65
grep -q 'text longer than 1 MiB' "$t/err"; ok $? "longline: says the text is too long"

# 100,000 levels of nesting: refused at level 33.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }' >"$t/deep.yaml"
bounded deep.yaml 65
grep -q 'deep.yaml:1:33: nesting deeper than 32 levels' "$t/err"; ok $? "deep: located error"
[ "$(wc -l <"$t/err")" -le 2 ]; ok $? "deep: one error, not thousands"

# The billion laughs: refused at the first anchor.
{ printf 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
  for i in b c d e f g h i; do
    printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $i $i a a a a a a a a a
  done; } >"$t/bomb.yaml"
bounded bomb.yaml 65
grep -q 'bomb.yaml:1:4: anchors' "$t/err"; ok $? "bomb: refused at the first anchor"

# Duplicate keys: an error at the second.
printf 'kind: pack\ntitle: A\ntitle: B\n' >"$t/dupkeys.yaml"
bounded dupkeys.yaml 65
grep -q "dupkeys.yaml:3:1: duplicate key 'title'" "$t/err"; ok $? "dupkeys: located error"

# 100,000 duplicate keys: still fast (sorted, not quadratic).
awk 'BEGIN { print "kind: pack"; for (i = 0; i < 100000; i++) print "k: v" }' >"$t/manydup.yaml"
bounded manydup.yaml 65

# A byte-order mark and CRLF line ends: the good pack still loads.
mkdir "$t/bomcrlf"
for f in "$top_srcdir"/tests/data/good/*.yaml; do
  { printf '\357\273\277'; sed 's/$/\r/' "$f"; } >"$t/bomcrlf/${f##*/}"
done
bounded bomcrlf 0

# A NUL byte: a clear, located error.
printf 'kind: pack\ntitle: a\000b\n' >"$t/nul.yaml"
bounded nul.yaml 65
grep -q 'nul.yaml:2:' "$t/err"; ok $? "nul: located error"

# 2,000 files in one pack directory: loads.
mkdir "$t/manyfiles"
cp "$top_srcdir/tests/data/good/pack.yaml" "$top_srcdir/tests/data/good/fruits.yaml" \
   "$top_srcdir/tests/data/good/places.yaml" "$top_srcdir/tests/data/good/doc.yaml" "$t/manyfiles/"
awk -v dir="$t/manyfiles" 'BEGIN { for (i = 0; i < 2000; i++) {
  f = sprintf ("%s/d%04d.yaml", dir, i)
  printf "kind: document\nid: x%d\ntitle: T\nsource: s\nsections:\n  - id: a\n    heading: H\n    blocks: [{p: P}]\n", i > f
  close (f) } }'
bounded manyfiles 0

done_testing
