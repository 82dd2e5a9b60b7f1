#!/bin/sh
# The context collection (issue 14, point 4): each item added or corrected
# on 2026-12-04 shows its source, its date and its web address, in English
# and in Chinese; the address is the same, byte for byte, in both; and the
# corrections (the FDA's words on orthopedic conditions, the ISSCR's 2008
# handbook marked superseded) are there in both languages.  The sources
# and what was checked in each: docs/context-sources.md.
. "${top_srcdir:-.}/tests/tap.sh"

PINAV_LOCALEDIR="$top_builddir/locale"; export PINAV_LOCALEDIR
data="$top_srcdir/data"
t="$tap_tmp"

# id|web address (a prefix of the line)|English date|Chinese date|
# English source|Chinese source
cat >"$t/items" <<'TABLE'
fda-enforcement-discretion-end|https://www.aabb.org/news-resources/news/article/2021/04/27/fda-to-end-enforcement-discretion-for-cell-and-tissue-products|May 31, 2021|2021年5月31日|AABB|AABB
fda-ryoncil-approval|https://pharmacytimes.com/view/remestemcel-l-rknd-receives-fda-approval-for-sr-agvhd-in-pediatric-patients|December 18, 2024|2024年12月18日|Food and Drug Administration (FDA)|美国食品药品监督管理局（FDA）
isscr-guidelines-2021|https://www.isscr.org/policy/guidelines-for-stem-cell-research-and-clinical-translation|May 27, 2021|2021年5月27日|International Society for Stem Cell Research (ISSCR)|国际干细胞研究学会（ISSCR）
isscr-unproven-treatments|https://www.closerlookatstemcells.org/patient-resources/truth-about-stem-cell-treatments/|date not confirmed|日期未经确认|A Closer Look at Stem Cells|深入了解干细胞
ema-unproven-cell-therapies|https://www.raps.org/news-and-articles/news-articles/2020/4/ema-warns-against-unapproved-cell-therapies|April 28, 2020|2020年4月28日|European Medicines Agency (EMA)|欧洲药品管理局（EMA）
restore-trial|https://pubmed.ncbi.nlm.nih.gov/34812863/|November 23, 2021|2021年11月23日|JAMA. 2021;326(20):2021-2030|JAMA. 2021;326(20):2021-2030
aaos-knee-oa-2021|https://www.orthoguidelines.org/guideline-detail?id=1661&tab=by_strength|August 31, 2021|2021年8月31日|American Academy of Orthopaedic Surgeons (AAOS)|美国骨科医师学会（AAOS）
cochrane-stem-cells-knee-oa|https://abstracts.cochrane.org/2024-prague-global-evidence-summit/stem-cell-injections-osteoarthritis-knee-cochrane-living|15 September 2023|2023年9月15日|CD013342.pub2|CD013342.pub2
china-stem-cell-rules-2015|http://dwgpr.com/yaopinchaxun/rga1ihsu82.html|国卫科教发〔2015〕48号|国卫科教发〔2015〕48号|国家卫生和计划生育委员会|国家卫生和计划生育委员会
nmpa-amimestrocel-2025|http://big5.news.cn/gate/big5/www.xinhuanet.com/health/20250103/333eb0c67e0f4a13b47aea9b97f9b071/c.html|January 2, 2025|2025年1月2日|国家药品监督管理局|国家药品监督管理局
TABLE

# line LABEL FILE: the text after "LABEL" at the start of a line of FILE.
line () { sed -n "s/^$1//p" "$2" | head -1; }

while IFS='|' read -r id url den dzh sen szh; do
  "$PINAV" --data="$data" --lang=en --dump="context/$id" --width=0 \
    >"$t/en" 2>"$t/err"
  ok $? "context/$id: --dump exits 0 (English)"
  "$PINAV" --data="$data" --lang=zh_CN --dump="context/$id" --width=0 \
    >"$t/zh" 2>"$t/err"
  ok $? "context/$id: --dump exits 0 (Chinese)"

  case $(line 'Source: ' "$t/en") in *"$sen"*) r=0 ;; *) r=1 ;; esac
  ok $r "context/$id: English source names $sen"
  case $(line '来源：' "$t/zh") in *"$szh"*) r=0 ;; *) r=1 ;; esac
  ok $r "context/$id: Chinese source names $szh"
  case $(line 'Date: ' "$t/en") in *"$den"*) r=0 ;; *) r=1 ;; esac
  ok $r "context/$id: English date says $den"
  case $(line '日期：' "$t/zh") in *"$dzh"*) r=0 ;; *) r=1 ;; esac
  ok $r "context/$id: Chinese date says $dzh"

  en_url=$(line 'Web address: ' "$t/en" | sed 's/ .*//')
  zh_url=$(line '网址：' "$t/zh" | sed 's/（.*//; s/ .*//')
  [ "$en_url" = "$url" ]
  ok $? "context/$id: English web address is $url"
  [ "$zh_url" = "$en_url" ]; r=$?
  ok $r "context/$id: the Chinese web address is the same as the English"
  [ $r -eq 0 ] || echo "# zh: $zh_url"

  # The Chinese page is a translation: what it says is not the English.
  line 'What it says: ' "$t/en" >"$t/what"
  [ -s "$t/what" ] && grep -q '^主要内容：' "$t/zh" && ! grep -q -F -f "$t/what" "$t/zh"
  ok $? "context/$id: the Chinese page is translated"
done <"$t/items"

# The corrections, in both languages.
"$PINAV" --data="$data" --lang=en --dump=context/fda-regenerative-medicine \
  --width=0 >"$t/en" 2>"$t/err"
grep -q '"Regenerative medicine therapies have not been approved for the treatment of any orthopedic condition' "$t/en"
ok $? "context/fda-regenerative-medicine quotes the FDA on orthopedic conditions"
"$PINAV" --data="$data" --lang=zh_CN --dump=context/fda-regenerative-medicine \
  --width=0 >"$t/zh" 2>"$t/err"
grep -q '再生医学疗法尚未获批用于治疗任何骨科病症' "$t/zh"
ok $? "context/fda-regenerative-medicine: the same, in Chinese"
"$PINAV" --data="$data" --lang=en --dump=context/isscr-patient-handbook \
  --width=0 >"$t/en" 2>"$t/err"
head -1 "$t/en" | grep -q 'superseded' && grep -q 'This handbook is superseded' "$t/en"
ok $? "context/isscr-patient-handbook says it is superseded"
"$PINAV" --data="$data" --lang=zh_CN --dump=context/isscr-patient-handbook \
  --width=0 >"$t/zh" 2>"$t/err"
head -1 "$t/zh" | grep -q '已被取代' && grep -q '本手册已被取代' "$t/zh"
ok $? "context/isscr-patient-handbook: the same, in Chinese"

# The collection's intro and the About page name the new bodies.
"$PINAV" --data="$data" --lang=en --dump=context --width=0 >"$t/en" 2>"$t/err"
grep -q 'the EMA is the European Union' "$t/en" && grep -q 'the NMPA' "$t/en"
ok $? "the context intro names the EMA and the NMPA"

done_testing
