#!/bin/sh
# The Chinese terms (issue 14, point 6): one term per concept, as the
# termbase says.  data/po/zh_CN-terms.tsv is a verbatim copy of the
# translators' shared termbase, ../shared/l10n/zh_CN-terms.tsv beside the
# source tree in the developers' checkout (not in a tarball, hence the
# copy); when that file is there, the copy must be the same.  Columns:
# English, Chinese, note, and the variants to avoid, separated by |.
#
# No avoided variant may appear in the whole Chinese dump of the pack
# (--dump --lang=zh_CN) nor in any msgstr of data/po/zh_CN.po (the
# content) or po/zh_CN.po (the interface), obsolete ones included; each
# one found is named, with where.  Where a msgid holds the English term
# of such a row, its msgstr holds the preferred Chinese term (so
# "incomplete fracture" is 不完全骨折).  The search example of the
# Chinese interface finds something in the Chinese content.
. "${top_srcdir:-.}/tests/tap.sh"

PINAV_LOCALEDIR="$top_builddir/locale"; export PINAV_LOCALEDIR
data="$top_srcdir/data"
terms="$data/po/zh_CN-terms.tsv"
shared="$top_srcdir/../shared/l10n/zh_CN-terms.tsv"
t="$tap_tmp"

[ -r "$terms" ]; ok $? "the termbase's copy is there: data/po/zh_CN-terms.tsv"
if [ -r "$shared" ]; then
  cmp -s "$shared" "$terms"
  ok $? "data/po/zh_CN-terms.tsv is a copy of ../shared/l10n/zh_CN-terms.tsv"
else
  echo "ok $((tap_n = tap_n + 1)) - the copy is the shared termbase's # SKIP no ../shared/l10n here"
fi

# The rows with variants to avoid: English, preferred Chinese (before
# any ；or （), variant; one line per variant.
awk -F '\t' '
  /^#/ || NF < 4 || $4 == "" { next }
  { en = $1; sub(/ *\(.*\)/, "", en)
    split($2, zh, /；|（/)
    n = split($4, v, "|")
    for (i = 1; i <= n; i++) if (v[i] != "") print en "\t" zh[1] "\t" v[i] }
' "$terms" >"$t/avoid"
[ -s "$t/avoid" ]; ok $? "the termbase lists variants to avoid"
r=0
for v in 关节疼痛 骨质流失 输送方式 递送方式 供者 通常由医生开具 未完全愈合的骨折; do
  cut -f3 "$t/avoid" | grep -qx "$v" || { echo "# not in the termbase: $v"; r=1; }
done
ok $r "among them those of issue 14"

# What is checked, one line each: where, a tab, the text.
"$PINAV" --data="$data" --dump --lang=zh_CN --width=0 >"$t/zh" 2>"$t/err"
ok $? "--dump --lang=zh_CN exits 0"
grep -q '骨质疏松症' "$t/zh"; ok $? "the Chinese dump is in Chinese"
awk '
  /^$/ { blank++; next }
  { if (NR == 1 || blank >= 2) page = $0
    blank = 0
    printf "the Chinese dump, line %d (page “%s”)\t%s\n", NR, page, $0 }
' "$t/zh" >"$t/texts"
# msgid, a tab, msgstr: one line per message (plural forms each).
pairs () {
  msgcat --no-wrap "$1" | awk '
    { sub(/^#~ /, "") }
    /^msgid "/ { id = substr($0, 8, length($0) - 8); next }
    /^msgstr(\[[0-9]+\])? "/ { s = $0; sub(/^msgstr(\[[0-9]+\])? "/, "", s)
      sub(/"$/, "", s); if (id != "") print id "\t" s }'
}
for po in data/po/zh_CN.po po/zh_CN.po; do
  pairs "$top_srcdir/$po" >"$t/pairs"
  [ -s "$t/pairs" ]; ok $? "$po: read its messages"
  awk -F '\t' -v po="$po" '{ id = $1; if (length(id) > 60) id = substr(id, 1, 57) "..."
    printf "%s, the msgstr of \"%s\"\t%s\n", po, id, $2 }' "$t/pairs" >>"$t/texts"
  cat "$t/pairs" >>"$t/allpairs"
done

# No avoided variant anywhere.
while IFS='	' read -r en zh v; do
  awk -F '\t' -v v="$v" 'index($2, v) { print "# " v ": " $1 }' "$t/texts" >"$t/found"
  [ ! -s "$t/found" ]; r=$?
  ok $r "no $v in the Chinese content or interface (for “$en”, $zh)"
  [ $r -eq 0 ] || head -20 "$t/found"
done <"$t/avoid"

# The preferred term wherever its English is translated.
cut -f1,2 "$t/avoid" | sort -u >"$t/preferred"
while IFS='	' read -r en zh; do
  awk -F '\t' -v en="$en" -v zh="$zh" '
    index(tolower($1), tolower(en)) { n++; if (!index($2, zh)) print "# " $1 }
    END { if (n == 0) print "# no msgid holds it" }' "$t/allpairs" >"$t/bad"
  [ ! -s "$t/bad" ] || [ "$(cat "$t/bad")" = "# no msgid holds it" ]; r=$?
  ok $r "every msgid with “$en” is translated with $zh"
  [ $r -eq 0 ] || head -10 "$t/bad"
done <"$t/preferred"
awk -F '\t' 'index(tolower($1), "incomplete fracture") { n++
    if (!index($2, "不完全骨折")) bad++ }
  END { exit !(n > 0 && bad == 0) }' "$t/allpairs"
ok $? "“incomplete fracture” is translated, and always as 不完全骨折"
grep -q '不完全骨折' "$t/zh"; ok $? "the Chinese dump says 不完全骨折"

# The search example of plain mode, in Chinese, finds something there.
example=$(awk -F '\t' '$1 == "Type / and a word, then Enter; for example: /knee" {
    n = split($2, w, "/"); print w[n] }' "$t/allpairs")
[ -n "$example" ] && [ "$example" != knee ]
ok $? "po/zh_CN.po gives a Chinese search example (/$example)"
run "$PINAV" --data="$data" --lang=zh_CN --width=0 --search="$example"
is_status 0 "--lang=zh_CN --search=$example finds something"
grep -q "\*$example\*" "$t/out"; ok $? "and shows where, in Chinese text"
printf '/\nq\n' | "$PINAV" --data="$data" --lang=zh_CN --plain --width=0 >"$t/out" 2>&1
grep -q "例如：/$example\$" "$t/out"
ok $? "plain mode: / alone says to search for /$example"

done_testing
