#!/bin/sh
# run.sh - the benchmarks of issue 9, run by `make bench` from the
# build directory.  Prints every figure with the command that gave it.
#
# Environment: srcdir (the source tree), BENCH_DIR (scratch, default
# bench-data), BENCH_RUNS (runs of each pty measurement, default 21),
# BENCH_CALLGRIND=1 (also count instructions under callgrind: slow).
# Ends with a table of issue 17's goals: each figure, the peer's, the
# ratio, the goal, and whether the ratio meets it, from the figures
# ptybench wrote to $BENCH_DIR/summary.txt in this run.
# Peers that are not installed (less, info + makeinfo, lynx) are left
# out, and said to be.
# Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.
set -e
srcdir=${srcdir:-.}
dir=${BENCH_DIR:-bench-data}
runs=${BENCH_RUNS:-21}
pinav=src/pinav
data=$srcdir/data
big=$dir/big

run () {
  printf '$'
  for a; do
    case $a in *' '*) printf " '%s'" "$a" ;; *) printf ' %s' "$a" ;; esac
  done
  echo
  "$@"
  echo
}

mkdir -p "$dir"
BENCH_SUMMARY=$dir/summary.txt
: > "$BENCH_SUMMARY"
export BENCH_SUMMARY
git -C "$srcdir" rev-parse --short HEAD 2>/dev/null | sed 's/^/commit: /' || true
uname -srm
grep -m1 'model name' /proc/cpuinfo 2>/dev/null || true
echo "cores: $(getconf _NPROCESSORS_ONLN)"
echo

# The peers read the same content: pinav --dump as text, and Texinfo and
# HTML made from it.
LC_ALL=C.UTF-8 COLUMNS=80 $pinav --data="$data" --dump > "$dir/pinav-dump.txt"
peers="--less=$dir/pinav-dump.txt"
command -v less > /dev/null || { peers=; echo "less: not installed"; }
if command -v info > /dev/null && command -v makeinfo > /dev/null; then
  bench/dump2doc texi < "$dir/pinav-dump.txt" > "$dir/pinav-dump.texi"
  makeinfo --no-split -o "$dir/pinav-dump.info" "$dir/pinav-dump.texi"
  peers="$peers --info=$dir/pinav-dump.info"
else
  echo "info or makeinfo: not installed"
fi
if command -v lynx > /dev/null; then
  bench/dump2doc html < "$dir/pinav-dump.txt" > "$dir/pinav-dump.html"
  peers="$peers --lynx=$dir/pinav-dump.html"
else
  echo "lynx: not installed"
fi
echo "the same content: $(wc -c < "$dir/pinav-dump.txt") bytes of text"
echo

# The large pack: 10,000 items and 10,000 sections.  $big has no
# pack.bin: pinav reads its YAML.  $bigc links to the same YAML and holds
# its compiled image (src/load/packfile.h), as an installed pack would.
test -f "$big/pack.yaml" || run bench/genpack "$big"
bigc=$dir/bigc
mkdir -p "$bigc"
for f in "$big"/*.yaml; do ln -sf "../big/${f##*/}" "$bigc/"; done
run src/pinav-packc "$bigc" "$bigc/pack.bin"

# The bundled pack is read from data/pack.bin (built by make).
run bench/ptybench paint --runs="$runs" --tag=paint --pinav=$pinav \
  --data="$data" $peers
run bench/ptybench paint --runs="$runs" --pinav=$pinav --data="$big"
run bench/ptybench paint --runs="$runs" --tag=paint-big --pinav=$pinav \
  --data="$bigc"

# What pinav costs without its pack: a pack of one item and one section,
# with the same title and a shorter disclaimer on the home screen.
mkdir -p "$dir/tiny"
cat > "$dir/tiny/pack.yaml" <<'EOF'
kind: pack
title: Stem cell therapy for bone and joint conditions
reviewed: 2026-11-22
disclaimer: >-
  This kiosk shows what information documents from stem cell clinics and
  providers say about stem cell therapy for bone and joint conditions.
menu: [conditions]
EOF
cat > "$dir/tiny/conditions.yaml" <<'EOF'
kind: collection
id: conditions
title: Conditions
items:
  - id: oa
    name: Osteoarthritis
    summary: A joint condition.
    sources: [d1#intro]
EOF
cat > "$dir/tiny/doc.yaml" <<'EOF'
kind: document
id: d1
title: A document
source: x.txt
sections:
  - id: intro
    heading: Introduction
    blocks:
      - p: Text.
EOF
run src/pinav-packc "$dir/tiny" "$dir/tiny/pack.bin"
run bench/ptybench paint --runs="$runs" --pinav=$pinav --data="$dir/tiny" $peers

# Keys on the longest document of each pack (the 20 MB one from its
# image: under callgrind its YAML alone takes longer than ptybench waits).
run bench/ptybench keys --runs="$runs" --tag=keys --pinav=$pinav \
  --data="$data" --lang=en \
  --open="The source documents" --open="Stem Cell Therapy for Joint Pain" \
  $peers
run bench/ptybench keys --runs="$runs" --tag=keys-zh --pinav=$pinav \
  --data="$data" --lang=zh_CN --open="来源文件" --open="文件 003"
run bench/ptybench keys --runs="$runs" --tag=keys-big --pinav=$pinav \
  --data="$bigc" --open="The source documents" --open="Document 1:"

# Enter into a collection: the first on the home screen, and the
# glossary, of each pack.
run bench/ptybench enter --runs="$runs" --tag=enter-coll --pinav=$pinav \
  --data="$data" --open="Conditions"
run bench/ptybench enter --runs="$runs" --tag=enter-coll-big --pinav=$pinav \
  --data="$bigc" --open="Topic 1:"
run bench/ptybench enter --runs="$runs" --tag=enter-gloss --pinav=$pinav \
  --data="$data" --open="Glossary"
run bench/ptybench enter --runs="$runs" --tag=enter-gloss-big \
  --pinav=$pinav --data="$bigc" --open="Glossary"

run bench/loadbench "$data" 21 data/pack.bin
run bench/loadbench "$big" 7 "$bigc/pack.bin"

# Search: the bundled pack (its pack.bin holds the search index), and
# the 20 MB pack from its YAML (the index built at the first search)
# and compiled (the index read from its pack.bin).
run bench/searchbench "$data" locale
run bench/searchbench "$big"
run bench/searchbench "$bigc"

# The goals of issue 17, from this run's figures.
sh "$srcdir/bench/goals.sh" "$BENCH_SUMMARY"
