#!/bin/sh
# Command-line behaviour: --help, --version, --check, --dump, bad options.
. "${top_srcdir:-.}/tests/tap.sh"

good="$top_srcdir/tests/data/good"

run "$PINAV" --help
is_status 0 "--help exits 0"
has_out "Usage: pinav \[OPTION\]" "--help shows usage"
has_out "65  the content pack has errors" "--help lists exit codes"

run "$PINAV" --version
is_status 0 "--version exits 0"
has_out "^pinav [0-9]" "--version names the program"
has_out "^License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.$" "--version names the licence"
has_out "^There is NO WARRANTY, to the extent permitted by law.$" "and says there is no warranty"
grep -q "^ *Version 3, 29 June 2007$" "$top_srcdir/COPYING"
ok $? "COPYING holds the GPL, version 3"

# What pinav prints must arrive: a write error is reported and exits 1
# (as gnulib's close_stdout), for every option that writes to stdout.
if [ -w /dev/full ]; then
  for args in --help --version "--data=$good --dump" \
              "--data=$good --search=apple"; do
    # shellcheck disable=SC2086
    "$PINAV" $args >/dev/full 2>"$tap_tmp/err" </dev/null
    st=$?
    [ $st -eq 1 ]; ok $? "${args##* } to a full disk exits 1 (got $st)"
    has_err "pinav: write error: No space left on device" \
      "${args##* } to a full disk says so on stderr"
  done
  "$PINAV" --lang=zh_CN --version >/dev/full 2>"$tap_tmp/err" </dev/null
  has_err "pinav: 写入错误: " "the write error in Chinese"
else
  echo "ok $((tap_n = tap_n + 1)) - write errors # SKIP no writable /dev/full"
fi
"$PINAV" --version >&- 2>"$tap_tmp/err"
[ $? -eq 1 ]; ok $? "--version with stdout closed exits 1"
has_err "pinav: write error: Bad file descriptor" "and says so"
"$PINAV" --check "$good" >&- 2>"$tap_tmp/err"
[ $? -eq 0 ] && [ ! -s "$tap_tmp/err" ]
ok $? "--check with stdout closed: nothing to write, nothing lost"
(trap '' PIPE; "$PINAV" --data="$good" --dump --width=0 2>"$tap_tmp/err" |
   head -c1 >/dev/null)
[ ! -s "$tap_tmp/err" ]; ok $? "a reader that stops early (EPIPE) is not a write error"

run "$PINAV" --bogus
is_status 2 "an unknown option exits 2"
has_err "Try 'pinav --help' for more information." "a usage error says how to get help"

run "$PINAV" --lang=fr --check "$good"
is_status 2 "an unknown language exits 2"

run "$PINAV" --width=abc --dump --data="$good"
is_status 2 "a bad width exits 2"

run "$PINAV" --check "$good"
is_status 0 "--check passes on a good pack"
is_empty_err "--check prints nothing on a good pack"

run "$PINAV" --check="$good"
is_status 0 "--check=DIR works too"

run "$PINAV" --check "$top_srcdir/tests/data/no-such-dir"
is_status 65 "--check on a missing directory exits 65"
has_err "no-such-dir: cannot read: No such file or directory" "and says why"

run "$PINAV" --data="$good" --dump --width=0
is_status 0 "--dump exits 0"
has_out "^A small test pack$" "--dump starts with the pack title"
has_out "^Section: Introduction$" "--dump announces headings in words"
has_out "Apple. Colour: Red; Grows on: Tree; Sweet: Yes" "--dump prints a table row per line"

run "$PINAV" --data="$good" --dump d1#more --width=0
is_status 0 "--dump DOC#SECTION"
has_out "^1. First$" "the section's numbered list"
lacks_out "Introduction" "only that section"

run "$PINAV" --data="$good" --dump fruits/apple --width=0
is_status 0 "--dump COLL/ITEM"
has_out "Claim: Apples are red." "the item's claim, in the editors' words: not in quotation marks"
has_out "Source: Document 1 (All about fruit), section “Introduction”" "traced to its document and section"

# Issue 14, point 1: a document named in running text ("Documents 000
# and 002 describe it...") is a link to it, named as everywhere; one a
# claim already cites gets none of its own.
real="$top_srcdir/data"
run "$PINAV" --data="$real" --dump=conditions/osteoporosis --width=0
sed -n '1,/^Section: /p' "$tap_tmp/out" >"$tap_tmp/head"
grep -qx -e '- Document 000: Stem Cells for Osteoporosis Treatment' "$tap_tmp/head" \
  && grep -qx -e '- Document 002: \[UC-MSC therapy for osteoporosis\]' "$tap_tmp/head"
ok $? "the documents a summary names are links after it, \"Document 000: TITLE\""
[ "$(grep -c '^- Document 00[0-3]: ' "$tap_tmp/out")" -eq 2 ]
ok $? "a claim's own cited document gets no link of its own (its sources lead there)"
# Issue 16, point 5: the lead (summary, then the text attributes such
# as what the documents say a condition is) before any section; See
# also after the claims.
awk '/^What the documents say it is: / { lead = NR } /^Section: / && !first { first = NR }
     /^Section: See also$/ { see = NR } /^Section: What the documents claim$/ { claims = NR }
     END { exit !(lead && lead < first && claims < see) }' "$tap_tmp/out"
ok $? "a condition's description leads its page; See also comes after the claims"
run "$PINAV" --data="$real" --lang=zh_CN --dump=conditions/osteoporosis --width=0
has_out "^- 文件 000：" "in Chinese: 文件 000"
run "$PINAV" --data="$real" --dump=about --width=0
[ "$(grep -c '^- Document 00[0-3]: ' "$tap_tmp/out")" -eq 4 ]
ok $? "the About page's list names each document the same way"

run "$PINAV" --data="$good" --dump nothing-here
is_status 2 "--dump of an unknown id exits 2"
has_err "nothing is called 'nothing-here'" "and says so"

run "$PINAV" --data="$good" --dump d1#more --width=12
has_out "^中文的段落，$" "CJK wraps by display width"

run "$PINAV" --data="$good" --dump --check
is_status 2 "--dump and --check together are a usage error"

run "$PINAV" --data="$good" --dump fruits extra
is_status 2 "an extra operand is a usage error"

data="$top_srcdir/data"
run "$PINAV" --data="$data" --dump d001#role --width=0
has_out "^- Glossary: Osteoblast$" "a glossary term in the text is linked (plural 'osteoblasts')"
has_out "^- Glossary: Chondrocyte$" "each term the paragraph names"
[ "$(grep -c '^- Glossary: Osteoblast$' "$tap_tmp/out")" -eq 1 ]; ok $? "a term is linked once per page"

run "$PINAV" --data="$data" --dump glossary/osteoblast --width=0
lacks_out "^- Glossary: Osteoblast$" "a term's own page does not link to itself"

# F7 (issue 15): a value given on the command line is quoted escaped in
# every message, so that none can drive the terminal: an ESC or a bidi
# override reaches stderr as \x1B or \u202E, never raw.
esc=$(printf '\033[2J')
rlo=$(printf '\342\200\256')
f7 () { # WHAT ARGS...
  f7_what=$1; shift
  run "$@"
  ! LC_ALL=C grep -q "$(printf '\033')" "$tap_tmp/err" \
    && ! grep -q "$rlo" "$tap_tmp/err" \
    && grep -q -e '\\x1B\|\\u202E' "$tap_tmp/err"
  ok $? "F7: $f7_what: the value escaped on stderr"
}
f7 "--lang" "$PINAV" --lang="x${esc}${rlo}"
f7 "--dump" "$PINAV" --data="$good" --dump="x${esc}"
f7 "--idle" "$PINAV" --idle="x${esc}"
f7 "--width" "$PINAV" --width="x${esc}"
f7 "an unknown option" "$PINAV" "--x${esc}"
f7 "an argument too many" "$PINAV" --check "$good" "x${rlo}"
printf '1234\n' >"$tap_tmp/pin${esc}"
chmod 644 "$tap_tmp/pin${esc}"
f7 "--staff-pin-file" "$PINAV" --data="$good" --kiosk --plain \
  --staff-pin-file="$tap_tmp/pin${esc}"

done_testing
