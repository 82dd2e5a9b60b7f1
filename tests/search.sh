#!/bin/sh
# Search: --search=WORDS on the bundled pack, and /word in plain mode.
. "${top_srcdir:-.}/tests/tap.sh"

data="$top_srcdir/data"
PINAV_LOCALEDIR="$top_builddir/locale"; export PINAV_LOCALEDIR

run "$PINAV" --data="$data" --lang=en --width=0 --search=osteoporosis
is_status 0 "--search=osteoporosis exits 0"
has_out "^Search: osteoporosis$" "the page is titled with the query"
has_out "^[0-9][0-9]* results$" "it says how many results"
sed -n '/^- /{p;q;}' "$tap_tmp/out" | grep -q -x -e '- \*Osteoporosis\* (Conditions)'
ok $? "the condition comes first, the match marked with stars"
is_empty_err "nothing on stderr"

run "$PINAV" --data="$data" --lang=en --width=0 --search=OSTEOPOROSIS
is_status 0 "capitals find the same"
has_out "^- \*Osteoporosis\* (Conditions)$" "the condition again"

run "$PINAV" --data="$data" --lang=en --search=zzzzqqq
is_status 1 "--search=zzzzqqq exits 1"
has_out "^No results for “zzzzqqq”\.$" "and says there are no results"
has_out "^- Home$" "with a way home"

run "$PINAV" --data="$data" --lang=en --width=0 --search=cost
is_status 0 "--search=cost exits 0"
sed -n '/^- /{p;q;}' "$tap_tmp/out" | grep -q -x -e '- \*Cost\* and insurance (Challenges)'
ok $? "the challenge 'Cost and insurance' comes first"

run "$PINAV" --data="$data" --lang=en --width=0 --search=knee
is_status 0 "--search=knee exits 0"
has_out "^- NICE: Platelet-rich plasma injections for \*knee\* osteoarthritis" \
  "the NICE guidance on the knee is found"

# Issue 16: words in any order, all of them required.
run "$PINAV" --data="$data" --lang=en --width=0 "--search=knee pain"
is_status 0 "--search='knee pain' exits 0"
grep '^- ' "$tap_tmp/out" >"$tap_tmp/kp"
has_out "^- .*[Kk]nee" "'knee pain' finds pages about the knee"
run "$PINAV" --data="$data" --lang=en --width=0 "--search=pain knee"
grep '^- ' "$tap_tmp/out" | cmp -s - "$tap_tmp/kp"
ok $? "'pain knee' finds the same pages in the same order"
run "$PINAV" --data="$data" --lang=en --width=0 "--search=knee zzzzqqq"
is_status 1 "every word is needed: 'knee zzzzqqq' finds nothing"
run "$PINAV" --data="$data" --lang=en --width=0 "--search=stem cells knee"
is_status 0 "'stem cells knee' finds pages"

# NFKC and case folding: fullwidth letters are the ASCII ones.
run "$PINAV" --data="$data" --lang=en --width=0 "--search=ＰＲＰ"
is_status 0 "--search=ＰＲＰ (fullwidth) exits 0"
has_out "^- Platelet-rich plasma (\*PRP\*) (Cell sources)$" \
  "and finds PRP, the ASCII letters marked"
run "$PINAV" --data="$data" --lang=zh_CN --width=0 "--search=ＰＲＰ"
is_status 0 "--lang=zh_CN --search=ＰＲＰ exits 0"
has_out "^- 富血小板血浆（\*PRP\*）" "and finds 富血小板血浆（PRP）"
run "$PINAV" --data="$data" --lang=zh_CN --width=0 "--search=（prp）"
has_out "^- 富血小板血浆\*（PRP）\*" "fullwidth brackets match either form"

# Chinese: a term's variants are the term; a word found nowhere as
# written is cut into the terms and characters the pack holds.
run "$PINAV" --data="$data" --lang=zh_CN --width=0 --search=关节痛
is_status 0 "--lang=zh_CN --search=关节痛 exits 0"
grep '^- ' "$tap_tmp/out" >"$tap_tmp/gjt"
has_out "^- 慢性\*关节痛\*（病症）$" "it finds chronic joint pain first"
run "$PINAV" --data="$data" --lang=zh_CN --width=0 --search=关节疼痛
is_status 0 "--search=关节疼痛 (the termbase's variant) exits 0"
grep '^- ' "$tap_tmp/out" | cmp -s - "$tap_tmp/gjt"
ok $? "关节疼痛 finds the pages that say 关节痛, the same way"
! grep -q '^No page has\|^没有页面' "$tap_tmp/out"
ok $? "a variant is not a split: nothing is said about parts"
run "$PINAV" --data="$data" --lang=zh_CN --width=0 --search=膝关节
is_status 0 "--search=膝关节 exits 0"
has_out "^- RESTORE.*\*膝关节\*" "膝关节 finds the RESTORE trial, marked"
run "$PINAV" --data="$data" --lang=zh_CN --width=0 --search=膝关节干细胞
is_status 0 "--search=膝关节干细胞 (found nowhere as written) exits 0"
has_out "“膝关节干细胞”.*“膝关节”.*“干细胞”" \
  "it says the word was cut into 膝关节 and 干细胞"
has_out "^- RESTORE" "and shows the pages that hold both"
run "$PINAV" --data="$data" --lang=zh_CN --width=0 --search=干细胞膝关节
has_out "“干细胞膝关节”.*“干细胞”.*“膝关节”" "the parts in either order"
run "$PINAV" --data="$data" --lang=zh_CN --width=0 --search=膝骨質
is_status 1 "a character found nowhere (質) leaves nothing to show"

# The examples of the help and the manual find what they promise.
run "$PINAV" --data="$data" --lang=en --width=0 --search=knee
has_out "^- .*\*knee\* osteoarthritis" "/knee (the help's example) finds the knee"
run "$PINAV" --data="$data" --lang=zh_CN --width=0 --search=骨关节炎
has_out "^- \*骨关节炎\*（OA）（病症）$" \
  "/骨关节炎 (the Chinese help's example) finds osteoarthritis first"
run "$PINAV" --data="$data" --lang=en --width=0 "--search=bone marrow"
has_out "^- \*Bone\* marrow-derived stem cells (Cell sources)$" \
  "'bone marrow' (the manual's example) finds the bone marrow cells first"
run "$PINAV" --data="$data" --lang=en --width=0 "--search=marrow bone"
has_out "^- \*Bone\* marrow-derived stem cells (Cell sources)$" \
  "'marrow bone' finds them first too, marked the same"

run "$PINAV" --data="$data" --lang=en --width=0 '--search=.*'
is_status 1 "'.*' is literal text, found nowhere"
run "$PINAV" --data="$data" --lang=en --width=0 '--search=[('
is_status 1 "'[(' is literal text"
run "$PINAV" --data="$data" --lang=en "--search=$(printf '\377\376')"
is_status 1 "invalid UTF-8 exits 1"
has_out "cannot be read as text" "and says why"
run "$PINAV" --data="$data" --lang=en "--search=$(printf '%010000d' 0)"
is_status 1 "a 10,000-character query finds nothing"
run "$PINAV" --data="$data" --lang=en "--search=  "
is_status 1 "an empty query finds nothing"
run "$PINAV" --data="$data" --search=x --dump
is_status 2 "--search and --dump together are a usage error"

run "$PINAV" --data="$data" --lang=en --width=40 --search=stem
[ "$(LC_ALL=C.UTF-8 wc -L <"$tap_tmp/out")" -le 40 ]
ok $? "results wrap at --width (display columns)"

run "$PINAV" --data="$data" --lang=zh_CN --width=0 --search=脂肪
if grep -q '脂肪' "$tap_tmp/out" && [ "$tap_status" -eq 0 ]; then
  ok 0 "--lang=zh_CN --search=脂肪 exits 0"
  sed -n '/^- /{p;q;}' "$tap_tmp/out" | grep -q -e '^- \*脂肪\*来源干细胞'
  ok $? "the adipose-derived stem cells come first"
elif "$PINAV" --data="$data" --lang=zh_CN --dump cell-sources/adsc | grep -q '脂肪'; then
  ok 1 "--lang=zh_CN --search=脂肪 finds what the Chinese page shows"
else
  echo "ok $((tap_n = tap_n + 1)) - --lang=zh_CN --search=脂肪 # SKIP the content is not translated into Chinese"
fi
run "$PINAV" --data="$data" --lang=zh_CN --width=0 --search=adipose
is_status 0 "English words are found on a Chinese screen"

printf '/cost\n1\nl\n/ zzzzqqq\n/\nq\n' | "$PINAV" --data="$data" --lang=en --plain --width=0 >"$tap_tmp/out" 2>&1
ok $? "plain mode: /cost, a result, back, a search with no results: exit 0"
grep -q '^\[1\] \*Cost\* and insurance (Challenges)$' "$tap_tmp/out"
ok $? "plain mode: /cost numbers the results"
[ "$(grep -c '^Cost and insurance$' "$tap_tmp/out")" -eq 1 ]
ok $? "plain mode: 1 opens the challenge"
[ "$(grep -c '^Search: cost$' "$tap_tmp/out")" -eq 2 ]
ok $? "plain mode: l goes back to the results"
grep -q '^No results for “zzzzqqq”\.$' "$tap_tmp/out"
ok $? "plain mode: a search with no results says so"
grep -q '^Type / and a word, then Enter; for example: /knee$' "$tap_tmp/out"
ok $? "plain mode: / alone opens the search page, which says how to search"
grep -q '/word search' "$tap_tmp/out"
ok $? "plain mode: the prompt mentions /word"

# Issue 16: the home menu's Search asks for the words at once, as the
# full-screen one does; an empty answer shows the page that says how.
home_search () { # LANG WORD: the number of the home menu's WORD link
  printf 'q\n' | "$PINAV" --data="$data" --lang="$1" --plain --width=0 |
    sed -n "s/^\[\([0-9]*\)\] $2\$/\1/p"
}
n=$(home_search en Search)
printf '%s\nknee\nq\n' "$n" |
  "$PINAV" --data="$data" --lang=en --plain --width=0 >"$tap_tmp/out" 2>&1
ok $? "plain mode: the home menu's Search ($n), then knee: exit 0"
[ "$(sed -n '/^Search for: $/{n;p;}' "$tap_tmp/out")" = 'Search: knee' ] &&
  grep -q '^\[1\] .*\*knee\*' "$tap_tmp/out"
ok $? "plain mode: it asks 'Search for: ', and the words typed are searched for"
printf '%s\n\nq\n' "$n" |
  "$PINAV" --data="$data" --lang=en --plain --width=0 >"$tap_tmp/out" 2>&1
grep -q '^Search for: $' "$tap_tmp/out" &&
  grep -q '^Type / and a word, then Enter; for example: /knee$' "$tap_tmp/out"
ok $? "plain mode: an empty answer shows the search page, which says how"
printf '%s\nt\nq\n' "$n" |
  "$PINAV" --data="$data" --lang=en --plain --width=0 >"$tap_tmp/out" 2>&1
[ "$(sed -n '/^Search for: $/{n;p;}' "$tap_tmp/out")" = \
  'Stem cell therapy for bone and joint conditions' ]
ok $? "plain mode: a command after 'Search for: ' is carried out (t: home)"
n=$(home_search zh_CN 搜索)
printf '%s\n膝关节\nq\n' "$n" |
  "$PINAV" --data="$data" --lang=zh_CN --plain --width=0 >"$tap_tmp/out" 2>&1
[ "$(sed -n '/^搜索内容：$/{n;p;}' "$tap_tmp/out")" = '搜索：膝关节' ] &&
  grep -q '^\[1\] .*\*膝关节\*' "$tap_tmp/out"
ok $? "plain mode in Chinese: 搜索 ($n) asks 搜索内容：, then searches"

# Issue 16: a result opens at its first match; n and N go from match
# to match, then to the next result, saying "match 2 of 5".
good="$top_srcdir/tests/data/good"
printf '/red\n1\nn\nn\nN\nq\n' |
  "$PINAV" --data="$good" --lang=en --plain --width=0 >"$tap_tmp/out" 2>&1
ok $? "plain mode: /red, 1, n, n, N: exit 0"
sed -n '/^Match 1 of 2\.$/,/^Type/p' "$tap_tmp/out" | grep -q -x 'Colour: \*Red\*'
ok $? "plain mode: the result says 'Match 1 of 2.', the match marked"
sed -n '/^Match 2 of 2\.$/{n;p;}' "$tap_tmp/out" | grep -q -x -e '- Claim: Apples are \*red\*\.'
ok $? "plain mode: n says 'Match 2 of 2.' and the text that holds it"
[ "$(grep -c '^Match 1 of 1\.$' "$tap_tmp/out")" -eq 1 ] &&
  [ "$(grep -c '^Match 2 of 2\.$' "$tap_tmp/out")" -eq 2 ]
ok $? "plain mode: n after the last match opens the next result, N the one before at its last"
printf '/red\n1\nn\nq\n' |
  "$PINAV" --data="$good" --lang=zh_CN --plain --width=0 >"$tap_tmp/out" 2>&1
grep -q -x '第 1 处匹配，共 2 处。' "$tap_tmp/out" &&
  grep -q -x '第 2 处匹配，共 2 处。' "$tap_tmp/out"
ok $? "plain mode in Chinese: 第 1 处匹配，共 2 处。, then the second"
# Every match is set apart, two on one line too, and n goes to each:
# "apple red" is three times on the apple's page, twice in its claim.
for lang in en zh_CN; do
  printf '/apple red\n1\nn\nn\nn\nq\n' |
    "$PINAV" --data="$good" --lang=$lang --plain --width=0 >"$tap_tmp/out" 2>&1
  ok $? "plain mode ($lang): /apple red, 1, n, n, n: exit 0"
  if [ $lang = en ]; then
    m1='Match 1 of 3.' m2='Match 2 of 3.' m3='Match 3 of 3.'
    claim='- Claim: *Apple*s are *red*.' colour='Colour: *Red*'
  else
    m1='第 1 处匹配，共 3 处。' m2='第 2 处匹配，共 3 处。'
    m3='第 3 处匹配，共 3 处。'
    claim='- 宣称：*Apple*s are *red*.' colour='Colour：*Red*'
  fi
  sed -n "/^$m1\$/,/^$m2\$/p" "$tap_tmp/out" >"$tap_tmp/first"
  grep -q -x -F "$colour" "$tap_tmp/first" &&
    grep -q -x -F -e "$claim" "$tap_tmp/first"
  ok $? "plain mode ($lang): $m1 every match between stars, two on one line"
  # After "Match K of N.", the text that holds it, with that match
  # alone between stars: which of the two in the claim it is.
  one=$(printf '%s' "$claim" | sed 's/\*red\*/red/')
  two=$(printf '%s' "$claim" | sed 's/\*Apple\*/Apple/')
  [ "$(sed -n "/^$m2\$/{n;p;}" "$tap_tmp/out")" = "$one" ] &&
    [ "$(sed -n "/^$m3\$/{n;p;}" "$tap_tmp/out")" = "$two" ]
  ok $? "plain mode ($lang): n says $m2 then $m3, in the claim, each alone between stars"
  [ "$(grep -c -x -F "$m1" "$tap_tmp/out")" -eq 2 ] &&
    grep -q -x -F -e '- *Apple*s are *red*.' "$tap_tmp/out"
  ok $? "plain mode ($lang): n after the third: the next result, $m1"
done
printf '/膝关节\n1\nq\n' |
  "$PINAV" --data="$data" --lang=zh_CN --plain --width=0 >"$tap_tmp/out" 2>&1
grep -q '\*膝关节\*' "$tap_tmp/out" && grep -q '^第 1 处匹配' "$tap_tmp/out"
ok $? "plain mode: /膝关节 opens its result with 膝关节 marked"

printf '?\n' | "$PINAV" --data="$data" --lang=en --plain --width=0 >"$tap_tmp/out" 2>&1
grep -q '^- /word: search for that word$' "$tap_tmp/out"
ok $? "plain mode: the help lists /word"

# Issue 14, point 5: a mechanism is the documents' claim, and its name
# says so in the results as on its page: "(claimed)", as the benefits.
run "$PINAV" --data="$data" --lang=en --width=0 --search=growth
is_status 0 "--search=growth exits 0"
grep '(How the documents say it works)' "$tap_tmp/out" >"$tap_tmp/mech"
[ "$(grep -c . "$tap_tmp/mech")" -ge 3 ]; ok $? "it finds mechanisms"
! grep -v -e '(claimed) (How the documents say it works)' "$tap_tmp/mech" |
  sed 's/^/# /' | grep .
ok $? "every mechanism found is named (claimed)"
has_out '^- Releasing \*growth\* factors and other molecules (claimed) (How' \
  "a match in the name: the name with (claimed)"
run "$PINAV" --data="$data" --lang=en --width=0 --search=cytokines
has_out '^- Releasing growth factors and other molecules (claimed) (How.* — .*\*cytokines\*' \
  "a match in the text: the name with (claimed), then the words around it"
"$PINAV" --data="$data" --lang=en --dump=mechanisms/bioactive-molecules --width=0 |
  head -1 | grep -q -x 'Releasing growth factors and other molecules (claimed)'
ok $? "the mechanism's page is named the same"
run "$PINAV" --data="$data" --lang=zh_CN --width=0 --search=生长因子
is_status 0 "--lang=zh_CN --search=生长因子 exits 0"
has_out '^- 释放\*生长因子\*和其他分子（宣称）（' "in Chinese: （宣称）"

# A match in a heading: plain mode prints the heading a section link
# opens at (its blank line before it is no part printed above), with
# the match between stars (review of issue 16).
for lang in en zh_CN; do
  printf '/more\n1\nq\n' |
    "$PINAV" --data="$good" --lang=$lang --plain --width=0 >"$tap_tmp/out" 2>&1
  [ $lang = en ] && h='Section: *More*' || h='章节：*More*'
  grep -q -x -F -e "$h" "$tap_tmp/out"
  ok $? "plain mode ($lang): a result at a section prints its heading, $h"
done

done_testing
