#!/bin/sh
# The hostile corpus's cases that are too big, or too odd, to commit:
# made here in the test's temporary directory.  Each must give exactly
# the message shown (exit 65), or load (exit 0).
. "${top_srcdir:-.}/tests/tap.sh"

t="$tap_tmp"
to=
command -v timeout >/dev/null 2>&1 && to="timeout 60"

# expect NAME STATUS MESSAGE: pinav --check $t/NAME exits STATUS and
# prints exactly MESSAGE (nothing when empty) on stderr.
expect () {
  run $to "$PINAV" --check "$t/$1"
  if [ -n "$3" ]; then printf '%s\n' "$3" >"$t/want"; else : >"$t/want"; fi
  [ "$tap_status" -eq "$2" ] && cmp -s "$t/want" "$tap_tmp/err"
  r=$?
  ok $r "$1"
  if [ $r -ne 0 ]; then
    echo "# exit status $tap_status, expected $2"
    diff "$t/want" "$tap_tmp/err" | cut -c1-200 | sed 's/^/# /' | head -10
  fi
}

# N bytes of the letter a.
letters () {
  head -c "$1" /dev/zero | tr '\000' a
}

pack_head () {
  printf 'kind: pack\ntitle: Test pack\nreviewed: 2026-11-22\nmenu: []\n'
}

# 50 MB, one scalar: refused by its size before it is parsed.
{ printf 'kind: pack\ntitle: '; letters 52428800; echo; } >"$t/50mb.yaml"
expect 50mb.yaml 65 "$t/50mb.yaml: file larger than 32 MiB"
rm -f "$t/50mb.yaml"

# A 2 MB text in a small file: refused by the text's size, at the text.
{ printf 'kind: pack\ntitle: '; letters 2097152; echo; } >"$t/2mb-text.yaml"
expect 2mb-text.yaml 65 "$t/2mb-text.yaml:2:8: text longer than 1 MiB"

# A text of exactly 1 MiB is allowed.
{ pack_head; printf 'disclaimer: '; letters 1048576; echo; } >"$t/1mib-text.yaml"
expect 1mib-text.yaml 0 ""

# A text of 1 MiB and one byte is not; the rest of the file is still read.
{ pack_head; printf 'disclaimer: '; letters 1048577; echo;
  printf 'about: &a [x]\n'; } >"$t/1mib-plus-1.yaml"
expect 1mib-plus-1.yaml 65 "$t/1mib-plus-1.yaml:5:13: text longer than 1 MiB
$t/1mib-plus-1.yaml:6:8: anchors (&a) are not allowed: write the text out in full"

# A file that cannot be read.
cp "$top_srcdir/tests/data/good/pack.yaml" "$t/unreadable.yaml"
chmod 000 "$t/unreadable.yaml"
if [ "$(id -u)" -eq 0 ]; then
  tap_n=$((tap_n + 1))
  echo "ok $tap_n - unreadable file # SKIP running as root can read anything"
else
  expect unreadable.yaml 65 "$t/unreadable.yaml: cannot read: Permission denied"
fi
chmod 600 "$t/unreadable.yaml"

# A FIFO named like a pack file: refused at once, not waited on.
mkdir "$t/fifo-pack"
sed 's/^menu:.*/menu: []/; /^comparisons:/,$d' \
  "$top_srcdir/tests/data/good/pack.yaml" >"$t/fifo-pack/pack.yaml"
if mkfifo "$t/fifo-pack/x.yaml" 2>/dev/null; then
  expect fifo-pack 65 "$t/fifo-pack/x.yaml: not a regular file"
else
  tap_n=$((tap_n + 1))
  echo "ok $tap_n - fifo-pack # SKIP mkfifo failed"
fi

done_testing
