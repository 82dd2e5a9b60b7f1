#!/bin/sh
# Quotation marks hold only a document's own words (issue 14, point 5).
# Every span between straight double quotes in a claim of a topic
# collection (data/*.yaml, "- text:" under "claims:") must be, word for
# word, in one of the sections the claim cites, as pinav shows that
# section (--dump=DOC#SECTION), or in the cited document's title; and,
# when the seeds are beside the source tree (../shared/seeds, as in the
# developers' checkout, not in a tarball), in the document's seed text
# too.  The comparison ignores runs of white space, the typography of
# quotes and apostrophes, and the case of the first letter (a quote may
# start a sentence the document continues).  An editors' insertion in
# square brackets, or an ellipsis (... or …), splits a quote into parts
# that are checked each.  A paraphrase in quotation marks fails, and is
# named with its item and claim.
. "${top_srcdir:-.}/tests/tap.sh"

PINAV_LOCALEDIR="$top_builddir/locale"; export PINAV_LOCALEDIR
data="$top_srcdir/data"
seeds="$top_srcdir/../shared/seeds"
t="$tap_tmp"

# norm: one line, white space folded, quotes and apostrophes plain.
norm () {
  sed "s/’/'/g; s/‘/'/g; s/“/\"/g; s/”/\"/g" | tr '\n\t' '  ' | tr -s ' '
}

# claims DIR: one line per claim: COLLECTION/ITEM#N, the cites (DOC#SEC
# separated by spaces), the text; tab-separated.
claims () {
  awk '
    function flush() {
      if (text != "") print coll "/" item "#" n "\t" cites "\t" text
      text = ""; cites = ""; intext = 0
    }
    FNR == 1 { flush(); coll = ""; item = ""; claims = 0 }
    /^id: / { coll = $2 }
    /^  - id: / { flush(); item = $3; n = 0; claims = 0 }
    /^    claims:/ { claims = 1; next }
    /^    [a-z]/ { flush(); claims = 0 }
    !claims { next }
    /^      - text: / {
      flush(); n++
      v = $0; sub(/^      - text: */, "", v)
      if (v == ">-" || v == ">") { intext = 1; text = " " } else text = v
      next
    }
    /^        cite: / {
      intext = 0; c = $0; sub(/^ *cite: *\[/, "", c); sub(/\].*$/, "", c)
      gsub(/ *, */, " ", c); cites = c; next
    }
    intext && /^          / { l = $0; sub(/^ +/, "", l); text = text " " l }
    END { flush() }
  ' "$@"
}

# The sections a pack's claims cite, each as pinav shows it: the
# section's heading and blocks, without the glossary links and the list
# of topics that cite it; with the document's title on the first line.
sections () {
  mkdir -p "$2"
  cut -f2 "$1" | tr ' ' '\n' | sort -u | while read -r s; do
    [ -n "$s" ] || continue
    "$PINAV" --data="$3" --dump="$s" --width=0 2>/dev/null |
      awk 'NR == 1 { print; next }
           /^(Section: )/ { on = 1 }
           /^Topics that cite this section:/ { on = 0 }
           on && !/^- Glossary: / { print }' | norm >"$2/$s"
  done
}

# check CLAIMS SECDIR SEEDDIR: print each quote (or part) that is not
# word for word in a cited section (or, with SEEDDIR, in the seed).
check () {
  awk -F '\t' -v secdir="$2" -v seeddir="$3" '
    function slurp(f,   l, s) {
      s = ""
      while ((getline l < f) > 0) s = s l
      close(f); return s
    }
    function fold(s) { gsub(/’|‘/, "\047", s); gsub(/\t/, " ", s)
                       gsub(/  +/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s)
                       return s }
    function swapcase(s,   c) {
      c = substr(s, 1, 1)
      c = (c ~ /[a-z]/) ? toupper(c) : tolower(c)
      return c substr(s, 2)
    }
    function found(q, hay) {
      return index(hay, q) || index(hay, swapcase(q))
    }
    {
      where = $1; ncite = split($2, cite, " "); text = fold($3)
      while (match(text, /"[^"]*"/)) {
        quote = substr(text, RSTART + 1, RLENGTH - 2)
        text = substr(text, RSTART + RLENGTH)
        gsub(/\[[^]]*\]|\.\.\.|…/, "\001", quote)
        np = split(quote, part, "\001")
        for (p = 1; p <= np; p++) {
          q = fold(part[p]); if (q == "") continue
          insec = 0; inseed = 0
          for (i = 1; i <= ncite; i++) {
            if (!(cite[i] in sec)) sec[cite[i]] = slurp(secdir "/" cite[i])
            if (found(q, sec[cite[i]])) insec = 1
            d = cite[i]; sub(/#.*/, "", d)
            if (seeddir != "") {
              if (!(d in seed)) seed[d] = fold(slurp(seeddir "/" d))
              if (found(q, seed[d])) inseed = 1
            }
          }
          if (!insec) print where ": not in the cited sections: \"" q "\""
          else if (seeddir != "" && !inseed)
            print where ": not in the seed of " $2 ": \"" q "\""
          nq++
        }
      }
    }
    END { print nq > (secdir "/.count") }
  ' "$1"
}

# SEEDDIR/DOC: the seed of each document, folded, when the seeds are here.
seedtexts () {
  mkdir -p "$2"
  for f in "$1"/doc-*.yaml; do
    id=$(awk '/^id: / { print $2; exit }' "$f")
    src=$(awk '/^source: / { print $2; exit }' "$f")
    [ -r "$seeds/$src" ] || return 1
    norm <"$seeds/$src" >"$2/$id"
  done
}

claims "$data"/*.yaml >"$t/claims"
n=$(wc -l <"$t/claims")
[ "$n" -gt 150 ]; ok $? "the claims are read ($n)"
grep -q '^challenges/risks#1	d000#benefits	.*"can reduce the risk of immune rejection' "$t/claims"
ok $? "a claim's text is read whole, with its cites"
sections "$t/claims" "$t/sec" "$data"
[ -s "$t/sec/d003#conclusion" ]; ok $? "the cited sections are read"

if seedtexts "$data" "$t/seed"; then s="$t/seed"; what="and in its seed"
else s=""; what="(no ../shared/seeds here: the sections only)"; fi
check "$t/claims" "$t/sec" "$s" >"$t/bad"
[ ! -s "$t/bad" ]; r=$?
ok $r "every quote in a claim is word for word in a section it cites $what ($(cat "$t/sec/.count") quotes)"
[ $r -eq 0 ] || sed 's/^/# /' "$t/bad"
[ "$(cat "$t/sec/.count")" -gt 200 ]; ok $? "and the quotes were found"

# The check finds a paraphrase in quotation marks, a word changed in a
# quote, and a quote cited to the wrong section; and takes an insertion
# in brackets.
mkdir -p "$t/pack"
cp "$data"/*.yaml "$t/pack/"
cat >>"$t/pack/challenges.yaml" <<'EOF'

  - id: test-quotes
    name: Test
    summary: Test.
    claims:
      - text: >-
          Document 002 says the therapy is "safe and without side effects".
        cite: [d002#benefits]
      - text: >-
          Document 002 says procedures "involve no downtime".
        cite: [d002#benefits]
      - text: >-
          Document 003 says "Stem cell therapy can be expensive".
        cite: [d003#conclusion]
      - text: >-
          Document 001 claims "a noticeable reduction in joint [pain]".
        cite: [d001#outcomes]
    independent: [fda-regenerative-medicine]
EOF
"$PINAV" --check "$t/pack" 2>"$t/err"; ok $? "the test pack passes --check"
claims "$t/pack"/*.yaml >"$t/claims2"
sections "$t/claims2" "$t/sec2" "$t/pack"
check "$t/claims2" "$t/sec2" "" >"$t/bad2"
grep -q '^challenges/test-quotes#1: .*"safe and without side effects"' "$t/bad2"
ok $? "a paraphrase in quotation marks is named"
grep -q '^challenges/test-quotes#2: .*"involve no downtime"' "$t/bad2"
ok $? "a word changed in a quote is named"
grep -q '^challenges/test-quotes#3: ' "$t/bad2"
ok $? "a quote cited to a section that does not hold it is named"
! grep -q '^challenges/test-quotes#4' "$t/bad2"
ok $? "an editors' insertion in brackets is not part of the quote"
[ "$(grep -c . "$t/bad2")" -eq 3 ]; ok $? "and nothing else is named"

# Issue 14, point 3: the challenge Risks and safety, in both languages.
run "$PINAV" --data="$data" --dump=challenges/risks --width=0
is_status 0 "--dump=challenges/risks exits 0"
has_out '^Risks and safety$' "the challenge Risks and safety is there"
has_out 'None of the four documents lists side effects or complications' \
  "it says the documents list no side effects or complications"
has_out 'potentially safer therapies"' "it quotes document 000: own cells \"potentially safer\""
has_out '"are usually performed under local anesthesia, involve limited downtime' \
  "it quotes document 002: \"limited downtime\""
run "$PINAV" --data="$data" --dump=challenges --width=0
has_out '^- Risks and safety$' "the list of challenges names it"
has_out 'cost, evidence and regulation' "the challenges' introduction names the other three"
run "$PINAV" --data="$data" --lang=zh_CN --dump=challenges/risks --width=0
is_status 0 "--lang=zh_CN --dump=challenges/risks exits 0"
has_out '^风险与安全$' "in Chinese: 风险与安全"
has_out '副作用或并发症' "in Chinese: no side effects or complications"
lacks_out 'None of the four documents' "in Chinese: no English left"

# Promotional wording is named as such (issue 14, point 5).
run "$PINAV" --data="$data" --dump=benefits/promotional-wording --width=0
is_status 0 "--dump=benefits/promotional-wording exits 0"
for w in revolutionary groundbreaking transformative \
         'more effective and sustainable alternative'; do
  has_out "\"[^\"]*$w[^\"]*\"" "promotional wording quoted: $w"
done
run "$PINAV" --data="$data" --dump=challenges/evidence --width=0
lacks_out 'promising alternative' "the evidence challenge quotes no promotion"

done_testing
