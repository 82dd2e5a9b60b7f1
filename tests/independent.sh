#!/bin/sh
# What independent bodies say (issue 14, point 2): every topic item of
# the bundled pack (an item of a collection that is neither untraced nor
# the glossary) ends its page, in English and in Chinese, with the
# heading and at least one link, each naming an item of the collection
# that pack.yaml names 'independent'; an item about PRP links NICE's
# guidance on it and the RESTORE trial; and in plain mode such a link
# opens that item's page.
. "${top_srcdir:-.}/tests/tap.sh"

PINAV_LOCALEDIR="$top_builddir/locale"; export PINAV_LOCALEDIR
data="$top_srcdir/data"
t="$tap_tmp"

ind=$(awk '/^independent:/ { print $2 }' "$data/pack.yaml")
gloss=$(awk '/^glossary:/ { g = 1; next } g && /^  collection:/ { print $2; exit }' \
          "$data/pack.yaml")
[ -n "$ind" ]; ok $? "pack.yaml names the collection of independent items ($ind)"

# item_ids FILE: the ids of the items of collection file FILE.
item_ids () {
  awk '/^items:/ { items = 1 } items && /^  - id: / { print $3 }' "$1"
}

# The topics, as COLL/ITEM, and the independent items' ids.
: >"$t/topics"
for f in "$data"/*.yaml; do
  grep -q '^kind: collection' "$f" || continue
  grep -q '^untraced: true' "$f" && continue
  coll=$(awk '/^id:/ { print $2; exit }' "$f")
  [ "$coll" = "$gloss" ] && continue
  item_ids "$f" | sed "s|^|$coll/|" >>"$t/topics"
done
n_topics=$(wc -l <"$t/topics")
for f in "$data"/*.yaml; do
  grep -q "^id: $ind\$" "$f" && item_ids "$f" >"$t/ind-ids"
done
[ "$n_topics" -ge 50 ] && [ -s "$t/ind-ids" ]
ok $? "found $n_topics topic items and $(wc -l <"$t/ind-ids") independent items"

# check LANG HEADING: every topic's page in LANG ends with HEADING and
# links, each the name of an independent item (its page's title).
check () {
  lang=$1 heading=$2
  : >"$t/names.$lang"
  while read -r id; do
    "$PINAV" --data="$data" --lang="$lang" --width=0 --dump="$ind/$id" \
      2>>"$t/err" | head -1 >>"$t/names.$lang"
  done <"$t/ind-ids"
  bad=0 links=0
  : >"$t/prp.$lang"
  while read -r topic; do
    "$PINAV" --data="$data" --lang="$lang" --width=0 --dump="$topic" \
      >"$t/page" 2>>"$t/err" || { bad=$((bad + 1)); echo "# $topic: no page"; continue; }
    # The block: the last heading, and every line after it.
    at=$(grep -n -F -x -e "$heading" "$t/page" | tail -1 | cut -d: -f1)
    if [ -z "$at" ]; then
      bad=$((bad + 1)); echo "# $topic ($lang): no heading '$heading'"; continue
    fi
    tail -n "+$((at + 1))" "$t/page" >"$t/block"
    head -n "$((at - 1))" "$t/page" >"$t/before"
    if [ ! -s "$t/block" ] || grep -q -v '^- ' "$t/block"; then
      bad=$((bad + 1)); echo "# $topic ($lang): the block is not last, or has no link"
      sed 's/^/#   /' "$t/block" | head -5
      continue
    fi
    sed 's/^- //' "$t/block" >"$t/links"
    if grep -v -F -x -f "$t/names.$lang" "$t/links" >"$t/unknown"; then
      bad=$((bad + 1)); echo "# $topic ($lang): links no independent item:"
      sed 's/^/#   /' "$t/unknown"
    fi
    links=$((links + $(wc -l <"$t/links")))
    # An item whose page speaks of PRP, the block left out.
    if grep -q -i -e 'PRP' -e 'platelet-rich' -e '富血小板血浆' "$t/before"; then
      echo "$topic" >>"$t/prp.$lang"
      nice=$(sed -n "$(grep -n -x nice-ipg637 "$t/ind-ids" | cut -d: -f1)p" "$t/names.$lang")
      grep -q -F -x -e "$nice" "$t/links" ||
        { bad=$((bad + 1)); echo "# $topic ($lang): about PRP, but no link to NICE IPG637"; }
      restore=$(sed -n "$(grep -n -x restore-trial "$t/ind-ids" | cut -d: -f1)p" "$t/names.$lang")
      grep -q -F -x -e "$restore" "$t/links" ||
        { bad=$((bad + 1)); echo "# $topic ($lang): about PRP, but no link to the RESTORE trial"; }
    fi
  done <"$t/topics"
  [ "$bad" -eq 0 ]
  ok $? "$lang: every topic page ($n_topics) ends with '$heading' and links to independent items ($links links)"
  [ "$(wc -l <"$t/names.$lang")" -eq "$(wc -l <"$t/ind-ids")" ] && ! grep -q '^$' "$t/names.$lang"
  ok $? "$lang: every independent item has a page with a title"
}

check en 'Section: What independent bodies say'
check zh_CN '章节：独立机构的说法'
[ ! -s "$t/err" ]; ok $? "nothing on stderr"
[ "$(cat "$t/prp.en")" = "$(cat "$t/prp.zh_CN")" ] &&
  grep -q -x cell-sources/prp "$t/prp.en" &&
  grep -q -x delivery-methods/intra-articular "$t/prp.en"
ok $? "the PRP items, found in both languages, include the PRP cell source and injection into the joint ($(wc -l <"$t/prp.en"))"

# Plain mode: the last link of PRP's page opens NICE's item.
run "$PINAV" --data="$data" --lang=en --plain --width=0
c=$(grep -E '^\[[0-9]+\] Cell sources$' "$t/out" | sed 's/^\[\([0-9]*\)\].*/\1/')
printf '%s\n' "$c" | "$PINAV" --data="$data" --lang=en --plain --width=0 >"$t/out" 2>&1
p=$(grep -E '^\[[0-9]+\] Platelet-rich plasma \(PRP\)$' "$t/out" | sed 's/^\[\([0-9]*\)\].*/\1/')
printf '%s\n%s\n' "$c" "$p" | "$PINAV" --data="$data" --lang=en --plain --width=0 >"$t/out" 2>&1
nice=$(sed -n "$(grep -n -x nice-ipg637 "$t/ind-ids" | cut -d: -f1)p" "$t/names.en")
l=$(grep -E '^\[[0-9]+\] ' "$t/out" | grep -F -e "$nice" | tail -1 | sed 's/^\[\([0-9]*\)\] \(.*\)/\1 \2/')
[ "${l#* }" = "$nice" ]; ok $? "plain: PRP's page has a link to NICE ($l)"
printf '%s\n%s\n%s\n' "$c" "$p" "${l%% *}" |
  "$PINAV" --data="$data" --lang=en --plain --width=0 >"$t/out" 2>&1
"$PINAV" --data="$data" --lang=en --width=0 --dump="$ind/nice-ipg637" | sed -n 3p >"$t/summary"
grep -q -F -x -f "$t/summary" "$t/out" && [ -s "$t/summary" ]
ok $? "plain: and the link opens NICE's page"

done_testing
