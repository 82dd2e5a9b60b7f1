#!/bin/sh
# Issue 16, point 4, in plain mode (for a screen reader): a transcript
# of marking cell sources to compare, in English and in Chinese, on the
# bundled pack.  "m N" marks or unmarks item N and says only what
# changed: the item, as it now reads, and how many are marked; a fifth
# mark is refused, a number that is no item too; "r" prints the page
# again, its marks shown in words; the "Compare the marked items" link
# shows them side by side; "l" comes back to the marks as they were;
# "m" alone marks the chosen link, and on a link that is no item says
# so.  The transcript is compared from the pick page's first line on.
. "${top_srcdir:-.}/tests/tap.sh"

PINAV_LOCALEDIR="$top_builddir/locale"; export PINAV_LOCALEDIR
data="$top_srcdir/data"

# session LANG FIRST: the session's transcript from the line FIRST on.
session () {
  printf '2\n1\nm 1\nm 2\nm 3\nm 4\nm 5\nm 9\nm 1\nr\n8\nl\nm\nq\n' \
    | $PINAV_WRAPPER "$PINAV" --plain --width=0 --data="$data" --lang="$1" \
        >"$tap_tmp/all" 2>"$tap_tmp/err" || return 1
  sed -n "/^$2/,\$p" "$tap_tmp/all" >"$tap_tmp/got"
  [ ! -s "$tap_tmp/err" ]
}

cat >"$tap_tmp/want-en" <<'EOF'
Mark two to four items to see them side by side: type m and an item's number, then Enter; then choose “Compare the marked items”.
[1] Mesenchymal stem cells (MSCs)
[2] Bone marrow-derived stem cells
[3] Adipose-derived stem cells (ADSCs)
[4] Umbilical cord tissue MSCs (UC-MSCs)
[5] Umbilical cord blood
[6] Induced pluripotent stem cells (iPSCs)
[7] Platelet-rich plasma (PRP)

Type a number from 1 to 7 and Enter; l back, t home, /word search, ? help, q quit.
[1] Mesenchymal stem cells (MSCs) (marked)
1 item marked: mark two to four to compare them.
Type a number from 1 to 7 and Enter; l back, t home, /word search, ? help, q quit.
[2] Bone marrow-derived stem cells (marked)
2 items marked: “Compare the marked items” shows them side by side.
Type a number from 1 to 8 and Enter; l back, t home, /word search, ? help, q quit.
[3] Adipose-derived stem cells (ADSCs) (marked)
3 items marked: “Compare the marked items” shows them side by side.
Type a number from 1 to 8 and Enter; l back, t home, /word search, ? help, q quit.
[4] Umbilical cord tissue MSCs (UC-MSCs) (marked)
4 items marked: “Compare the marked items” shows them side by side.
Type a number from 1 to 8 and Enter; l back, t home, /word search, ? help, q quit.
Four items are marked, the most that fit side by side: unmark one first.
Type a number from 1 to 8 and Enter; l back, t home, /word search, ? help, q quit.
There is no such number.
[1] Mesenchymal stem cells (MSCs) (marked)
[2] Bone marrow-derived stem cells (marked)
[3] Adipose-derived stem cells (ADSCs) (marked)
[4] Umbilical cord tissue MSCs (UC-MSCs) (marked)
[5] Umbilical cord blood
[6] Induced pluripotent stem cells (iPSCs)
[7] Platelet-rich plasma (PRP)
[8] Compare the marked items
Type a number from 1 to 8 and Enter; l back, t home, /word search, ? help, q quit.
[1] Mesenchymal stem cells (MSCs)
3 items marked: “Compare the marked items” shows them side by side.
Type a number from 1 to 8 and Enter; l back, t home, /word search, ? help, q quit.

Compare cell sources

Mark two to four items to see them side by side: type m and an item's number, then Enter; then choose “Compare the marked items”.
[1] Mesenchymal stem cells (MSCs)
[2] Bone marrow-derived stem cells (marked)
[3] Adipose-derived stem cells (ADSCs) (marked)
[4] Umbilical cord tissue MSCs (UC-MSCs) (marked)
[5] Umbilical cord blood
[6] Induced pluripotent stem cells (iPSCs)
[7] Platelet-rich plasma (PRP)
[8] Compare the marked items

Type a number from 1 to 8 and Enter; l back, t home, /word search, ? help, q quit.

Bone marrow-derived stem cells, Adipose-derived stem cells (ADSCs) and Umbilical cord tissue MSCs (UC-MSCs)

[1] Bone marrow-derived stem cells. Where the cells come from: Bone marrow (d001, d002, d003); How they are obtained: d003 says they are "extracted from the patient's bone marrow"; how this is done is not stated in the documents; What the documents say they can become: cartilage cells and other tissue types (d003); Own cells or a donor's: Own cells (autologous): d003 says they are extracted from the patient's bone marrow; Stem cells: Yes; Conditions mentioned: Osteoarthritis (OA); Degenerative joint disorders; Chronic joint pain; Osteoporosis
[2] Adipose-derived stem cells (ADSCs). Where the cells come from: Fat (adipose) tissue; How they are obtained: d003 says they are "harvested from the patient's fat tissue", which it calls "abundant and easy to collect"; the procedure is not described; What the documents say they can become: cartilage, bone and fat cells (d003); Own cells or a donor's: Own cells (autologous), as d000 and d003 describe them; Stem cells: Yes; Conditions mentioned: Chronic joint pain; Osteoporosis
[3] Umbilical cord tissue MSCs (UC-MSCs). Where the cells come from: Umbilical cord tissue (d001, d002); How they are obtained: Not stated in the documents; What the documents say they can become: Not stated for UC-MSCs in particular; d002 says stem cells can develop into osteoblasts; Own cells or a donor's: Not stated in the documents; Stem cells: Yes; Conditions mentioned: Osteoporosis

Page 1 of 2. f: the next page; b: the previous page; r: this page again.
Type a number from 1 to 7 and Enter; l back, t home, /word search, ? help, q quit.

Compare cell sources

Mark two to four items to see them side by side: type m and an item's number, then Enter; then choose “Compare the marked items”.
[1] Mesenchymal stem cells (MSCs)
[2] Bone marrow-derived stem cells (marked)
[3] Adipose-derived stem cells (ADSCs) (marked)
[4] Umbilical cord tissue MSCs (UC-MSCs) (marked)
[5] Umbilical cord blood
[6] Induced pluripotent stem cells (iPSCs)
[7] Platelet-rich plasma (PRP)
[8] Compare the marked items

Type a number from 1 to 8 and Enter; l back, t home, /word search, ? help, q quit.
Choose an item first, then mark it.
Type a number from 1 to 8 and Enter; l back, t home, /word search, ? help, q quit.
EOF
cat >"$tap_tmp/want-zh_CN" <<'EOF'
标记二至四项即可并排查看：输入 m 和项目编号，然后按 Enter 键；再选择“对比已标记的项目”。
[1] 间充质干细胞（MSC）
[2] 骨髓来源干细胞
[3] 脂肪来源干细胞（ADSC）
[4] 脐带间充质干细胞（UC-MSC）
[5] 脐带血
[6] 诱导多能干细胞（iPSC）
[7] 富血小板血浆（PRP）

请输入 1 到 7 之间的数字并按 Enter 键；l 返回，t 首页，/词语 搜索，? 帮助，q 退出。
[1] 间充质干细胞（MSC）（已标记）
已标记 1 项：请标记二至四项进行对比。
请输入 1 到 7 之间的数字并按 Enter 键；l 返回，t 首页，/词语 搜索，? 帮助，q 退出。
[2] 骨髓来源干细胞（已标记）
已标记 2 项：选择“对比已标记的项目”即可并排查看。
请输入 1 到 8 之间的数字并按 Enter 键；l 返回，t 首页，/词语 搜索，? 帮助，q 退出。
[3] 脂肪来源干细胞（ADSC）（已标记）
已标记 3 项：选择“对比已标记的项目”即可并排查看。
请输入 1 到 8 之间的数字并按 Enter 键；l 返回，t 首页，/词语 搜索，? 帮助，q 退出。
[4] 脐带间充质干细胞（UC-MSC）（已标记）
已标记 4 项：选择“对比已标记的项目”即可并排查看。
请输入 1 到 8 之间的数字并按 Enter 键；l 返回，t 首页，/词语 搜索，? 帮助，q 退出。
已标记四项，这是并排对比的上限：请先取消标记一项。
请输入 1 到 8 之间的数字并按 Enter 键；l 返回，t 首页，/词语 搜索，? 帮助，q 退出。
没有这个编号。
[1] 间充质干细胞（MSC）（已标记）
[2] 骨髓来源干细胞（已标记）
[3] 脂肪来源干细胞（ADSC）（已标记）
[4] 脐带间充质干细胞（UC-MSC）（已标记）
[5] 脐带血
[6] 诱导多能干细胞（iPSC）
[7] 富血小板血浆（PRP）
[8] 对比已标记的项目
请输入 1 到 8 之间的数字并按 Enter 键；l 返回，t 首页，/词语 搜索，? 帮助，q 退出。
[1] 间充质干细胞（MSC）
已标记 3 项：选择“对比已标记的项目”即可并排查看。
请输入 1 到 8 之间的数字并按 Enter 键；l 返回，t 首页，/词语 搜索，? 帮助，q 退出。

比较细胞来源

标记二至四项即可并排查看：输入 m 和项目编号，然后按 Enter 键；再选择“对比已标记的项目”。
[1] 间充质干细胞（MSC）
[2] 骨髓来源干细胞（已标记）
[3] 脂肪来源干细胞（ADSC）（已标记）
[4] 脐带间充质干细胞（UC-MSC）（已标记）
[5] 脐带血
[6] 诱导多能干细胞（iPSC）
[7] 富血小板血浆（PRP）
[8] 对比已标记的项目

请输入 1 到 8 之间的数字并按 Enter 键；l 返回，t 首页，/词语 搜索，? 帮助，q 退出。

骨髓来源干细胞、脂肪来源干细胞（ADSC）与脐带间充质干细胞（UC-MSC）

[1] 骨髓来源干细胞。细胞取自何处：骨髓（d001、d002、d003）；获取方式：d003 称其“从患者的骨髓中提取”；具体如何提取，文件中未说明；文件称其可分化为：软骨细胞及其他组织类型（d003）；自身细胞还是供体细胞：患者自身的细胞（自体）：d003 称其从患者的骨髓中提取；是否为干细胞：是；提及的病症：骨关节炎（OA）；退行性关节病；慢性关节痛；骨质疏松症
[2] 脂肪来源干细胞（ADSC）。细胞取自何处：脂肪组织；获取方式：d003 称其“采集自患者的脂肪组织”，并称脂肪组织“来源丰富且易于采集”；未描述具体操作过程；文件称其可分化为：软骨细胞、骨细胞和脂肪细胞（d003）；自身细胞还是供体细胞：患者自身的细胞（自体），如d000 和d003 所述；是否为干细胞：是；提及的病症：慢性关节痛；骨质疏松症
[3] 脐带间充质干细胞（UC-MSC）。细胞取自何处：脐带组织（d001、d002）；获取方式：文件中未说明；文件称其可分化为：未专门针对脐带间充质干细胞（UC-MSC）说明；d002 称干细胞可以发育为成骨细胞；自身细胞还是供体细胞：文件中未说明；是否为干细胞：是；提及的病症：骨质疏松症
[4] 关于骨髓来源干细胞的更多信息
[5] 关于脂肪来源干细胞（ADSC）的更多信息
[6] 关于脐带间充质干细胞（UC-MSC）的更多信息
[7] 另见：挑战

请输入 1 到 7 之间的数字并按 Enter 键；l 返回，t 首页，/词语 搜索，? 帮助，q 退出。

比较细胞来源

标记二至四项即可并排查看：输入 m 和项目编号，然后按 Enter 键；再选择“对比已标记的项目”。
[1] 间充质干细胞（MSC）
[2] 骨髓来源干细胞（已标记）
[3] 脂肪来源干细胞（ADSC）（已标记）
[4] 脐带间充质干细胞（UC-MSC）（已标记）
[5] 脐带血
[6] 诱导多能干细胞（iPSC）
[7] 富血小板血浆（PRP）
[8] 对比已标记的项目

请输入 1 到 8 之间的数字并按 Enter 键；l 返回，t 首页，/词语 搜索，? 帮助，q 退出。
请先选择一个项目，再标记它。
请输入 1 到 8 之间的数字并按 Enter 键；l 返回，t 首页，/词语 搜索，? 帮助，q 退出。
EOF

for lang in en zh_CN; do
  first="Mark two to four items"; [ $lang = en ] || first="标记二至四项"
  session $lang "$first"; ok $? "$lang: the session exits 0, nothing on stderr"
  diff "$tap_tmp/want-$lang" "$tap_tmp/got" >"$tap_tmp/diff"; r=$?
  ok $r "$lang: marking, the fifth refused, comparing and back, as the transcript says"
  [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/diff" | head -20
done
done_testing
