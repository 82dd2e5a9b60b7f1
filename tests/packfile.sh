#!/bin/sh
# The compiled pack (src/load/packfile.h): pinav reads pack.bin when it was
# compiled from the YAML beside it, and the YAML otherwise; what it shows
# is the same either way.
. "${top_srcdir:-.}/tests/tap.sh"

packc="$top_builddir/src/pinav-packc"
t="$tap_tmp"
mkdir "$t/data" "$t/good" || exit 99
cp "$top_srcdir"/data/*.yaml "$t/data/" || exit 99
cp "$top_srcdir"/tests/data/good/*.yaml "$t/good/" || exit 99
chmod u+w "$t"/data/*.yaml "$t"/good/*.yaml
# A comment makes this copy's YAML differ from the build's, so that the
# build's own data/pack.bin (which an uninstalled pinav also tries)
# does not apply to it.
echo "# a copy" >> "$t/data/pack.yaml"

for lang in en zh_CN; do
  "$PINAV" --lang=$lang --data="$t/data" --dump >"$t/yaml.$lang" 2>"$t/err"
  ok $? "--dump --lang=$lang from the YAML"
done

run "$packc" "$t/data" "$t/data/pack.bin"
is_status 0 "pinav-packc compiles the bundled pack"
is_empty_err "and says nothing"
for lang in en zh_CN; do
  run "$PINAV" --lang=$lang --data="$t/data" --dump
  cmp -s "$t/out" "$t/yaml.$lang"
  ok $? "--dump --lang=$lang is the same with pack.bin"
done

# An image of good YAML made to name the hash of broken YAML: pinav
# shows the image, so it does read it; --check reads the YAML always.
mkdir "$t/broken" && cp "$t"/good/*.yaml "$t/broken/" || exit 99
echo "oops: [" >> "$t/broken/doc.yaml"
run "$packc" --hash-of="$t/broken" "$t/good" "$t/broken/pack.bin"
is_status 0 "pinav-packc --hash-of (for this test only)"
run "$PINAV" --data="$t/broken" --dump --width=0
has_out "^A small test pack$" "pinav reads pack.bin when its hash matches"
run "$PINAV" --data="$t/broken" --dump=fruits/apple --width=0
[ "$(tail -n 2 "$t/out" | tr '\n' '|')" = "Section: What independent bodies say|- Tree|" ]
ok $? "and an item's page ends with its link to what independent bodies say"
run "$PINAV" --check "$t/broken"
is_status 65 "--check reads the YAML, whatever pack.bin says"

# The stamp (packfile_stamp_dir): while the YAML files are as they were
# when the image was compiled (by stat: size, inode, times), pinav uses
# the image without hashing them.  The image's hash is made wrong, so
# only the stamp can make it used; a touch changes the stamp, and then
# the hash decides (and refuses it).
printf '\0\0\0\0\0\0\0\0' |
  dd of="$t/broken/pack.bin" bs=1 seek=24 count=8 conv=notrunc 2>/dev/null
run "$PINAV" --data="$t/broken" --dump --width=0
has_out "^A small test pack$" "pinav uses pack.bin, unhashed, while its stamp is the YAML's"
touch "$t/broken/doc.yaml"
run "$PINAV" --data="$t/broken" --dump --width=0
is_status 65 "a touched YAML file changes the stamp: the hash decides, and the YAML is read"
lacks_out "^A small test pack$" "and the image (whose hash is wrong) is not shown"

# The YAML is the source of truth: an edit is seen at once.
"$packc" "$t/data" "$t/data/pack.bin"
sed 's/^title: .*/title: An edited title/' "$t/data/pack.yaml" >"$t/p" &&
  cat "$t/p" >"$t/data/pack.yaml"
run "$PINAV" --data="$t/data" --dump --width=0
has_out "^An edited title$" "an edited YAML file is read, not the stale image"

# A damaged image is not used, and does no harm; it is named, with
# what is wrong with it (issue 15, point 5: never silently replaced).
"$packc" "$t/good" "$t/good/pack.bin"
"$PINAV" --data="$t/good" --dump >"$t/good.txt"
size=$(wc -c <"$t/good/pack.bin")
# The message ends with what to run: pinav-packc, installed (issue 17).
instead="; the pack is read from its YAML instead; to compile it again, run: pinav-packc $t/good"
for how in "cut short" "of random bytes" "empty"; do
  case $how in
    cut*) head -c 300 "$t/good/pack.bin" >"$t/bin"
          why="damaged: its header says $size bytes, the file has 300" ;;
    of*) head -c 2000 /dev/urandom >"$t/bin"; why="not a compiled pack" ;;
    empty) : >"$t/bin"; why="not a compiled pack" ;;
  esac
  cp "$t/bin" "$t/good/pack.bin"
  run "$PINAV" --data="$t/good" --dump
  is_status 0 "a pack.bin $how: pinav still starts"
  cmp -s "$t/out" "$t/good.txt"
  ok $? "and shows the pack from its YAML"
  has_err "$t/good/pack.bin: $why$instead" "and says so, once, and what to run"
  [ "$(wc -l <"$t/err")" -eq 1 ]
  ok $? "in one line"
done

# Issue 15, F9: the file's size and the image's header are checked
# before the rest is read.  A pack.bin of 255 MiB of junk (sparse: no
# disk used) used to be read whole first (1.5 s, 260 MB); an image
# over 4 GiB (what the format's u32 offsets can address; 256 MiB until
# issue 17) is too big, whatever its header says.
rm "$t/good/pack.bin"
truncate -s 255M "$t/good/pack.bin" || exit 99
run "$top_builddir/tests/runlimit" 1 100 "$PINAV" --data="$t/good" --dump
is_status 0 "F9: a 255 MiB pack.bin of junk is refused within 1 s and 100 MB, unread"
sed 's/^/# /' "$t/err" | grep 'time=' 
has_err "$t/good/pack.bin: not a compiled pack$instead" "F9: and named"
cmp -s "$t/out" "$t/good.txt"
ok $? "F9: the pack is shown from its YAML"
"$packc" "$t/good" "$t/good/pack.bin"
truncate -s 4097M "$t/good/pack.bin" || exit 99
run "$top_builddir/tests/runlimit" 1 100 "$PINAV" --data="$t/good" --dump
is_status 0 "F9: a pack.bin of 4097 MiB with an image's header is refused within 1 s and 100 MB"
has_err "$t/good/pack.bin: too big: 4296015872 bytes, more than the 4096 MiB a compiled pack may have; the pack is read from its YAML instead; pinav-packc makes no image this big: remove it (rm $t/good/pack.bin)" \
  "F9: as too big, and what to run"
"$packc" "$t/good" "$t/good/pack.bin"
truncate -s 255M "$t/good/pack.bin" || exit 99
run "$top_builddir/tests/runlimit" 1 100 "$PINAV" --data="$t/good" --dump
has_err "$t/good/pack.bin: damaged: its header says $size bytes, the file has 267386880$instead" \
  "F9: an image grown to 255 MiB: its header's size is not the file's, unread"
rm "$t/good/pack.bin"

# An image out of date (its YAML edited) is no fault: nothing is said.
"$packc" "$t/good" "$t/good/pack.bin"
echo "# edited" >>"$t/good/pack.yaml"
run "$PINAV" --data="$t/good" --dump
is_empty_err "an image of YAML since edited is passed over without a word"

# pinav-packc as a clinic runs it (installed since issue 17): OUT is
# DIR/pack.bin by default; --help, --version, and its errors.
mkdir "$t/clinic" && cp "$t"/good/*.yaml "$t/clinic/" || exit 99
run "$packc" "$t/clinic"
is_status 0 "pinav-packc DIR writes DIR/pack.bin"
[ -s "$t/clinic/pack.bin" ] && [ "$(ls "$t/clinic" | grep -c '^pack\.bin.')" -eq 0 ]
ok $? "and leaves no temporary file"
# A link where a temporary file of the old fixed name was is left alone
# (mkstemp makes a new file), and the image gets a new file's mode.
ln -s "$t/victim" "$t/clinic/pack.bin.tmp" && echo "keep" >"$t/victim"
(umask 022 && "$packc" "$t/clinic") &&
  [ "$(cat "$t/victim")" = keep ] && [ -L "$t/clinic/pack.bin.tmp" ] &&
  [ "$(stat -c %a "$t/clinic/pack.bin")" = 644 ]
ok $? "a link at pack.bin.tmp is not followed; the image is 644 under umask 022"
rm -f "$t/clinic/pack.bin.tmp"
run "$PINAV" --data="$t/clinic" --dump
cmp -s "$t/out" "$t/good.txt" && [ ! -s "$t/err" ]
ok $? "which pinav reads without a word"
run "$packc" --help
is_status 0 "pinav-packc --help"
has_out "^Usage: pinav-packc \[OPTION\]... DIR \[OUT\]$" "names its arguments"
run "$packc" --version
has_out "^pinav-packc (pinav) " "pinav-packc --version"
run "$packc"
is_status 2 "pinav-packc without a directory is a usage error"
has_err "Try 'pinav-packc --help' for more information." "which says where help is"
run "$packc" "$t/clinic" "$t/clinic/pack.bin" extra
is_status 2 "three arguments are a usage error"
echo "oops: [" >>"$t/clinic/doc.yaml"
run "$packc" "$t/clinic"
is_status 65 "a pack with errors is not compiled (65)"
grep -q "^$t/clinic/doc.yaml:[0-9]*:[0-9]*: " "$t/err"
ok $? "and its errors are FILE:LINE:COLUMN: message"
run "$packc" "$t/good" "$t/no/such/dir/pack.bin"
is_status 1 "an OUT that cannot be written fails (1)"
has_err "pinav-packc: $t/no/such/dir/pack.bin: No such file or directory" "and says why"

# What to run is quoted for the shell: a directory with a space and a
# quote, copied from the message and run, compiles that directory.
d="$t/it's a pack"
mkdir "$d" && cp "$t"/good/*.yaml "$d/" && printf 'junk' >"$d/pack.bin" || exit 99
run "$PINAV" --data="$d" --dump
has_err "; to compile it again, run: pinav-packc '$t/it'\''s a pack'" \
  "what to run is quoted for the shell"
cmd=$(sed -n 's/.*; to compile it again, run: pinav-packc //p' "$t/err")
eval "set -- $cmd" && [ $# -eq 1 ] && [ "$1" = "$d" ]
ok $? "and the shell reads it back as the one directory"

# An image given by PINAV_PACKBIN (not DIR/pack.bin): what to run names
# both.
printf 'not an image at all' >"$t/elsewhere.bin"
PINAV_PACKBIN="$t/elsewhere.bin" run "$PINAV" --data="$t/good" --dump
has_err "$t/elsewhere.bin: not a compiled pack; the pack is read from its YAML instead; to compile it again, run: pinav-packc $t/good $t/elsewhere.bin" \
  "an image elsewhere: pinav-packc DIR OUT"

# poke IMAGE TABLE AT BYTES: write BYTES (printf's escapes) at byte AT
# of the first record of table TABLE (its index in packfmt.h's enum:
# the directory entry at 48 + 8 x TABLE holds the table's offset).
poke () {
  set -- "$1" "$3" "$4" $(od -An -tu1 -j$((48 + 8 * $2)) -N4 "$1")
  printf "$3" | dd of="$1" bs=1 conv=notrunc 2>/dev/null \
    seek=$(($4 + 256 * $5 + 65536 * $6 + 16777216 * $7 + $2))
}

# A document whose part of the image is damaged (its first block's kind
# out of range) is decoded only when first reached: then it is shown
# unavailable, with what to run, and the rest of the pack is whole.
mkdir "$t/lazy" && cp "$t"/good/*.yaml "$t/lazy/" || exit 99
"$packc" "$t/lazy" "$t/lazy/pack.bin" || exit 99
"$PINAV" --data="$t/lazy" --dump=fruits --width=0 >"$t/fruits.txt"
poke "$t/lazy/pack.bin" 3 0 '\011'             # BLOCK: its kind
run "$PINAV" --data="$t/lazy" --dump=d1 --width=0
is_status 0 "a document damaged in the image: shown"
has_out "^This document cannot be shown: its part of the compiled pack (pack.bin) is damaged\. Compile the pack again with pinav-packc\.$" \
  "as unavailable, with what to run"
is_empty_err "and nothing said of it on standard error"
run "$PINAV" --data="$t/lazy" --dump=fruits --width=0
cmp -s "$t/out" "$t/fruits.txt"
ok $? "the rest of the pack is as it was"

# So is a collection whose items' part is damaged (its first item's
# first value's flags out of range), when one of them is opened: its
# list shows the names alone (the items are decoded when one is
# opened), the item's page says what to run.
mkdir "$t/lazyc" && cp "$t"/good/*.yaml "$t/lazyc/" || exit 99
"$packc" "$t/lazyc" "$t/lazyc/pack.bin" || exit 99
"$PINAV" --data="$t/lazyc" --dump=d1 --width=0 >"$t/d1.txt"
poke "$t/lazyc/pack.bin" 7 0 '\011'            # VALUE: its flags
run "$PINAV" --data="$t/lazyc" --dump=fruits --width=0
is_status 0 "a collection damaged in the image: its list shown"
has_out "^- Apple$" "with its items' names"
is_empty_err "and nothing said of it on standard error"
run "$PINAV" --data="$t/lazyc" --dump=item:fruits/apple --width=0
is_status 0 "an item of it opened"
has_out "^This page cannot be shown: its part of the compiled pack (pack.bin) is damaged\. Compile the pack again with pinav-packc\.$" \
  "shown unavailable, with what to run"
run "$PINAV" --data="$t/lazyc" --dump=fruits/apple --width=0
is_status 2 "and cannot be named to --dump"
# A document cited by its items no longer names them; the rest of it
# is as it was.
run "$PINAV" --data="$t/lazyc" --dump=d1 --width=0
grep -v -e "^Topics that cite this section:$" -e "^- Fruits: " "$t/d1.txt" \
  | cmp -s "$t/out" -
ok $? "the documents are as they were, but for links to its items"

# An item's name that cannot be read (its reference into a string):
# the list is decoded to know, and says it cannot be shown.
mkdir "$t/lazyn" && cp "$t"/good/*.yaml "$t/lazyn/" || exit 99
"$packc" "$t/lazyn" "$t/lazyn/pack.bin" || exit 99
# ITEM: its name, the record's second word, into a string's middle.
poke "$t/lazyn/pack.bin" 6 4 '\001\000\000\000'
run "$PINAV" --data="$t/lazyn" --dump=fruits --width=0
is_status 0 "an item's name damaged in the image: the list shown"
has_out "^This list cannot be shown: its part of the compiled pack (pack.bin) is damaged\. Compile the pack again with pinav-packc\.$" \
  "as unavailable, with what to run"
! grep -q "Banana" "$tap_tmp/out"
ok $? "and none of its items"

# The pack's words (pack.bin's WORDS): in English the line breaker
# knows the names that are not all printable ASCII from them alone,
# and keeps such a name's Chinese word whole: 艾米迈托赛注射液 (16
# columns) is on one line at every width from 17 to 60 (without the
# words, it is cut at 33 of them).
# The widths from FROM to TO at which WORD is not whole on each line of
# --dump=PAGE of DATA in English (it must be on two lines at least):
# cut_widths DATA PAGE FROM TO WORD.
cut_widths () {
  for w in $(seq "$3" "$4"); do
    "$PINAV" --data="$1" --lang=en --width=$w --dump="$2" >"$t/w.txt" 2>&1 \
      || { printf ' %s (pinav failed)' "$w"; return; }
    n=$(grep -c "[$5]" "$t/w.txt")
    m=$(grep -c "$5" "$t/w.txt")
    [ "$n" -ge 2 ] && [ "$n" = "$m" ] || printf ' %s' "$w"
  done
}
cut=$(cut_widths "$top_srcdir/data" context/nmpa-amimestrocel-2025 17 60 \
      艾米迈托赛注射液)
[ -z "$cut" ]
ok $? "English: a name's Chinese word kept whole at widths 17 to 60${cut:+ (cut at$cut)}"

# The glossary's other forms are among the words too: in English, a
# form's Chinese word is kept whole from the image as from the YAML,
# without the glossary decoded (view.c).
mkdir "$t/gl" && cp "$t"/good/*.yaml "$t/gl/" || exit 99
printf 'glossary:\n  collection: fruits\n  also: uses\n' >>"$t/gl/pack.yaml"
sed -i -e 's/uses: \[pies, juice\]/uses: [pies, 骨质疏松症]/' \
  -e 's/summary: A round fruit\./summary: A round fruit, said to help with 骨质疏松症 in the old./' \
  "$t/gl/fruits.yaml" || exit 99
for how in yaml image; do
  [ "$how" = image ] && { "$packc" "$t/gl" "$t/gl/pack.bin" || exit 99; }
  cut=$(cut_widths "$t/gl" fruits/apple 12 50 骨质疏松症)
  [ -z "$cut" ]
  ok $? "English, from the $how: a glossary form's Chinese word kept whole at widths 12 to 50${cut:+ (cut at$cut)}"
done

# The glossary's list, in English, is ordered by the names alone, read
# without decoding its items: one that cannot be read is found, and the
# list says it cannot be shown, as any other.
"$PINAV" --data="$t/gl" --dump=fruits --width=0 >"$t/glfruits.txt" || exit 99
grep -q "^- Apple$" "$t/glfruits.txt" && grep -q "^- Banana$" "$t/glfruits.txt"
ok $? "a glossary's list from the image: its names"
poke "$t/gl/pack.bin" 6 4 '\001\000\000\000'     # ITEM: apple's name
run "$PINAV" --data="$t/gl" --dump=fruits --width=0
has_out "^This list cannot be shown: its part of the compiled pack (pack.bin) is damaged\. Compile the pack again with pinav-packc\.$" \
  "a glossary's name damaged in the image: the list is shown unavailable"

done_testing
