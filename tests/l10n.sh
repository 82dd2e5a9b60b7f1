#!/bin/sh
# Translations: both catalogues complete and clean, the content
# catalogue up to date with the pack, and no English sentence left in
# the Chinese dump where a translation exists.
. "${top_srcdir:-.}/tests/tap.sh"

PINAV_LOCALEDIR="$top_builddir/locale"; export PINAV_LOCALEDIR
data="$top_srcdir/data"
t="$tap_tmp"

for po in "$top_srcdir/po/zh_CN.po" "$data/po/zh_CN.po"; do
  name=${po#"$top_srcdir"/}
  msgfmt -c -o /dev/null "$po" 2>"$t/err"
  ok $? "$name: msgfmt -c is clean"
  msgattrib --untranslated "$po" | grep -c '^msgid' >"$t/n" || :
  n=$(cat "$t/n"); [ "${n:-0}" -le 1 ]
  ok $? "$name: every string is translated"
  msgattrib --only-fuzzy "$po" | grep -c '^msgid' >"$t/n" || :
  n=$(cat "$t/n"); [ "${n:-0}" -le 1 ]
  ok $? "$name: no fuzzy string"
done

# The interface: every string of the sources is in the catalogue.
(cd "$top_srcdir" && xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 \
   --files-from=po/POTFILES.in -o "$t/ui.pot") 2>"$t/err"
msgcmp "$top_srcdir/po/zh_CN.po" "$t/ui.pot" 2>"$t/err"
r=$?; ok $r "po/zh_CN.po covers every interface string of the sources"
[ $r -eq 0 ] || head -10 "$t/err" | sed 's/^/# /'

# The content: every string of the pack is in the catalogue.
files=$(cd "$top_srcdir" && ls data/*.yaml)
"$top_builddir/src/pinav-extract" --srcdir="$top_srcdir" $files >"$t/content.pot"
ok $? "pinav-extract reads the pack"
msgcmp "$data/po/zh_CN.po" "$t/content.pot" 2>"$t/err"
r=$?; ok $r "data/po/zh_CN.po covers every content string of the pack"
[ $r -eq 0 ] || head -10 "$t/err" | sed 's/^/# /'

"$PINAV" --check "$data" 2>"$t/err"
ok $? "the bundled pack passes --check (every claim cites an existing section)"

# No English sentence in the Chinese dump where a translation exists:
# the msgids of three words or more whose translation differs.
msgcat --no-wrap "$data/po/zh_CN.po" | awk '
  /^msgid "/ { id = substr($0, 8, length($0) - 8); next }
  /^msgstr "/ { str = substr($0, 9, length($0) - 9)
                if (split(id, w, " ") >= 3 && str != "" && str != id) print id }' |
  sed 's/\\"/"/g; s/\\\\/\\/g' >"$t/english"
[ -s "$t/english" ]; ok $? "found the translated content strings"
"$PINAV" --data="$data" --dump --lang=zh_CN --width=0 >"$t/zh" 2>"$t/err"
ok $? "--dump --lang=zh_CN exits 0"
grep -F -f "$t/english" "$t/zh" >"$t/leaks"
[ ! -s "$t/leaks" ]; r=$?
ok $r "the Chinese dump holds no English sentence that has a translation"
[ $r -eq 0 ] || head -5 "$t/leaks" | sed 's/^/# /'
grep -q '骨质疏松症' "$t/zh"; ok $? "the Chinese dump is in Chinese"

# Document pages: in Chinese, a translation, and they say so; in English,
# and in Chinese without the content's catalogue, the provider's words.
"$PINAV" --data="$data" --lang=en --dump --width=0 >"$t/en" 2>"$t/err"
n=$(grep -c '^Shown as written\.$' "$t/en")
[ "$n" -eq 4 ]; ok $? "every English document page: shown as written ($n of 4)"
n=$(grep -c '^以下为中文译文，原文为英文。$' "$t/zh")
[ "$n" -eq 4 ]; ok $? "every Chinese document page: a translation of the English ($n of 4)"
! grep -q '按原文呈现' "$t/zh"; ok $? "no Chinese document page says it is shown as written"
"$PINAV" --data="$data" --lang=zh_CN --dump 'd003#intro' --width=0 >"$t/c" 2>&1
grep -q '^以下为中文译文，原文为英文。$' "$t/c"
ok $? "a section of a document, in Chinese, says it is a translation"
mkdir -p "$t/ui/zh_CN/LC_MESSAGES"
cp "$PINAV_LOCALEDIR/zh_CN/LC_MESSAGES/pinav.mo" "$t/ui/zh_CN/LC_MESSAGES/"
PINAV_LOCALEDIR="$t/ui" "$PINAV" --data="$data" --lang=zh_CN --dump d003 --width=0 >"$t/c" 2>&1
grep -q '^按原文呈现。$' "$t/c" && ! grep -q '译文' "$t/c"
ok $? "without the content's catalogue, a Chinese screen shows the document as written"

# The glossary's other forms ("Also written as"), in both languages:
# each once, and none that the headword shows (all of it, the part
# before its brackets, what they hold), ignoring the case of letters.
ids=$(awk '/^items:/ { items = 1 } items && /^  - id: / { print $3 }' \
        "$data/glossary.yaml")
for lang in en zh_CN; do
  for id in $ids; do
    "$PINAV" --data="$data" --lang=$lang --dump "glossary/$id" --width=0 |
      awk -v id="$id" 'NR == 1 { head = $0 }
        /^(Also written as: |又称：)/ { print id "\t" head "\t" $0 }'
  done
done >"$t/also"
[ "$(wc -l <"$t/also")" -gt 40 ]; ok $? "the glossary's terms have other forms"
awk -F '\t' '
  { head = tolower($2); also = $3
    sub(/^(Also written as: |又称：)/, "", also)
    n = split(also, f, /; |；/)
    name = head; inner = ""
    if (match(head, / \(|（/)) {
      name = substr(head, 1, RSTART - 1)
      inner = substr(head, RSTART + RLENGTH); sub(/[)）].*$/, "", inner)
    }
    split("", seen)
    for (i = 1; i <= n; i++) {
      g = tolower(f[i])
      if (g == head || g == name || g == inner)
        print "# " $1 ": " f[i] " is the headword " $2
      if (g in seen) print "# " $1 ": " f[i] " twice"
      seen[g] = 1
    } }' "$t/also" >"$t/bad"
[ ! -s "$t/bad" ]; r=$?
ok $r "no term's other forms repeat a form or the headword"
[ $r -eq 0 ] || head -10 "$t/bad"
grep -q '^msc	.*	又称：MSC干细胞$' "$t/also"
ok $? "间充质干细胞（MSC）: 又称：MSC干细胞 (was MSC；MSC；MSC干细胞；间充质干细胞)"
grep -q '^msc	.*	Also written as: MSCs; MSC stem cells; mesenchymal stem cells$' "$t/also"
ok $? "Mesenchymal stem cell (MSC): Also written as: MSCs; ... (no MSC)"
! grep -q '^osteoarthritis	' "$t/also"
ok $? "Osteoarthritis (OA): no other forms line, in either language"

# Chinese without any Chinese locale, and with LANG=C.
LANG=C LC_ALL= LANGUAGE= "$PINAV" --data="$data" --lang=zh_CN --dump conditions --width=0 >"$t/c" 2>&1
grep -q '骨质疏松症' "$t/c"; ok $? "LANG=C --lang=zh_CN shows Chinese"
LC_ALL=zh_CN.UTF-8 LANGUAGE= "$PINAV" --data="$data" --dump conditions --width=0 >"$t/c" 2>&1
grep -q '骨质疏松症' "$t/c"; ok $? "LC_ALL=zh_CN.UTF-8 without that locale installed still shows Chinese"

# Issue 14, point 1: the documents are named as marketing on the start
# screen, the About page and every document page, in both languages, and
# no page shows a source file's name.
for lang in en zh_CN; do
  "$PINAV" --data="$data" --lang=$lang --dump --width=0 >"$t/all" 2>&1
  if [ $lang = en ]; then m='marketing' ad='advertising published by a clinic or company that sells stem cell treatments'
  else m='宣传材料' ad='出售干细胞治疗的诊所或公司发布的广告'; fi
  n=$(grep -c "^[^ ]* [0-9]*[：:] *$m" "$t/all")
  [ "$n" -eq 4 ]; ok $? "$lang: every document page says it is marketing ($n of 4)"
  grep -q -F "$ad" "$t/all"; ok $? "$lang: the marketing is said to be a seller's advertising"
  "$PINAV" --data="$data" --lang=$lang --dump home --width=0 | grep -q "$m"
  ok $? "$lang: the start screen's disclaimer says marketing"
  "$PINAV" --data="$data" --lang=$lang --dump about --width=0 | grep -q "$m\|宣传文件"
  ok $? "$lang: the About page says marketing"
  ! grep -q '_[0-9a-f]\{16\}\.txt' "$t/all"; ok $? "$lang: no source file name is shown"
done

done_testing
