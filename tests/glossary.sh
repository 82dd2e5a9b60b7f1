#!/bin/sh
# The glossary's list (issue 16, point 5): in English in the order of
# its names, ignoring the case of letters; in Chinese in the order of
# the pinyin sort keys the pack gives (sort: {zh_CN: ...}), then of the
# names, with no zh_CN locale needed; other collections as in the pack.
# The sort keys are not content to translate.
. "${top_srcdir:-.}/tests/tap.sh"

PINAV_LOCALEDIR="$top_builddir/locale"; export PINAV_LOCALEDIR
data="$top_srcdir/data"
t="$tap_tmp"
tab=$(printf '\t')

# The names a list page shows, in its order ("- NAME" lines).
names () {
  sed -n 's/^- //p' "$t/out"
}

# id, English name and pinyin key of every glossary item, in the
# pack's order (a name in double quotes holds no escape).
awk 'function unquote(s) { return s ~ /^".*"$/ ? substr(s, 2, length(s) - 2) : s }
     /^items:/ { items = 1 }
     items && /^  - id: / { id = $3 }
     items && /^    name: / { sub(/^    name: /, ""); name = unquote($0) }
     items && /^    sort: / { match($0, /zh_CN: "[^"]*"/)
                              key = substr($0, RSTART + 8, RLENGTH - 9)
                              print id "\t" name "\t" key }' \
  "$data/glossary.yaml" >"$t/items"
n=$(wc -l <"$t/items")
all=$(awk '/^items:/ { items = 1 } items && /^  - id: /' "$data/glossary.yaml" | wc -l)
[ "$n" -eq "$all" ] && [ "$n" -gt 60 ]
ok $? "every glossary item has a zh_CN sort key ($n)"

run "$PINAV" --dump=glossary --width=0
is_status 0 "--dump=glossary exits 0"
names >"$t/en"
cut -f2 "$t/items" | LC_ALL=C sort >"$t/want"
LC_ALL=C sort "$t/en" | cmp -s - "$t/want"
ok $? "the English list shows every item once"
tr 'A-Z' 'a-z' <"$t/en" | LC_ALL=C sort -c 2>"$t/err"
r=$?; ok $r "the English list is in alphabetical order, ignoring case"
cut -f2 "$t/items" >"$t/yaml"
! cmp -s "$t/en" "$t/yaml"
ok $? "... which is not the pack's order (the view sorts it)"

# Each item's Chinese name, from its own page; the list must be in the
# order of the keys, then of the names.
: >"$t/keyed"
while IFS="$tab" read -r id name key; do
  zh=$("$PINAV" --lang=zh_CN --dump="glossary/$id" --width=0 | head -n 1)
  printf '%s\t%s\n' "$key" "$zh" >>"$t/keyed"
done <"$t/items"
LC_ALL=C sort -t "$tab" -k1,1 -k2 "$t/keyed" | cut -f2 >"$t/want"
run "$PINAV" --lang=zh_CN --dump=glossary --width=0
is_status 0 "--lang=zh_CN --dump=glossary exits 0"
names >"$t/zh"
grep -q '骨质疏松症' "$t/zh"; ok $? "the Chinese list is in Chinese"
cmp -s "$t/zh" "$t/want"
r=$?; ok $r "the Chinese list is in the order of the pinyin sort keys"
[ $r -eq 0 ] || diff "$t/want" "$t/zh" | head -10 | sed 's/^/# /'
# A few pairs a reader checks at a glance, in the order of toneless
# pinyin and not of the characters' code points (cheng before ci, gu
# before guan, lei before mian, xue jiang before xue xiao,
# fu xue before fu zhong, and a word before a longer one that starts
# with it).
before () {
  a=$(grep -n -x -F "$1" "$t/zh" | cut -d: -f1)
  b=$(grep -n -x -F "$2" "$t/zh" | cut -d: -f1)
  [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
  ok $? "$1 before $2"
}
before '成骨细胞' '雌激素'
before '骨质疏松症' '关节炎'
before '类风湿关节炎（RA）' '免疫排斥'
before '血浆' '血小板'
before '富血小板血浆（PRP）' '负重运动'
before '再生' '再生医学'

# The same without any locale but C: the order is not the locale's.
LC_ALL=C LANG= "$PINAV" --lang=zh_CN --dump=glossary --width=0 \
  </dev/null >"$t/out" 2>"$t/err"
if grep -q '骨质疏松症' "$t/out"; then
  names | cmp -s - "$t/zh"; ok $? "under LC_ALL=C, the same Chinese order"
else
  skip "under LC_ALL=C, the same Chinese order" "pinav shows no Chinese under LC_ALL=C here"
fi

# Another collection keeps the pack's order, in both languages.
awk '/^items:/ { items = 1 }
     items && /^    name: / { sub(/^    name: /, ""); print }' \
  "$data/conditions.yaml" >"$t/want"
run "$PINAV" --dump=conditions --width=0
names | cmp -s - "$t/want"
ok $? "the conditions keep the pack's order"

# The keys are no content to translate.
"$top_builddir/src/pinav-extract" --srcdir="$top_srcdir" data/glossary.yaml \
  >"$t/pot" 2>"$t/err"
ok $? "pinav-extract reads the glossary"
grep -q '^msgid "Osteoporosis"$' "$t/pot"
ok $? "... and extracts its names"
! grep -q -e 'gu zhi shu song' -e 'gan xi bao' "$t/pot"
ok $? "no sort key is extracted for translation"

done_testing
