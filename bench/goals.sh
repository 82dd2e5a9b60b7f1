#!/bin/sh
# goals.sh - the table of issue 17's goals, from the figures ptybench
# wrote to SUMMARY ("TAG PROGRAM WHAT VALUE" lines, with --tag and
# BENCH_SUMMARY): one row per goal, with pinav's figure, the peer's,
# their ratio, the goal, and "met" or "missed", computed here from the
# measured numbers.  Instruction counts (BENCH_CALLGRIND=1) first, as
# they repeat from run to run; then the wall-clock medians, which a
# loaded machine makes noisy.  A figure not measured (a peer not
# installed) leaves its row "not measured".
#
# usage: goals.sh SUMMARY
# Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.
set -e
test $# = 1 || { echo "usage: goals.sh SUMMARY" >&2; exit 2; }
awk '
{ v[$1 " " $2 " " $3] = $4 }
function get(key, kind,   k) {
  k = key "_" kind
  if (k in v) return v[k]
  # "WHAT_line": per line scrolled, by the lines a key scrolled
  if (key ~ /_line$/) {
    sub(/_line$/, "", key)
    split(key, f, " ")
    if ((key "_" kind) in v && (f[1] " " f[2] " " f[3] "_lines") in v \
        && v[f[1] " " f[2] " " f[3] "_lines"] > 0)
      return v[key "_" kind] / v[f[1] " " f[2] " " f[3] "_lines"]
  }
  return ""
}
function show(x, kind) {
  if (x == "") return "-"
  if (kind == "ms") return sprintf("%.3f ms", x)
  if (x >= 1e6) return sprintf("%.2f M", x / 1e6)
  return sprintf("%.1f k", x / 1e3)
}
function row(goal, what, a, b, peer, op, limit,   x, y, r, res) {
  x = get(a, kind); y = get(b, kind)
  if (x == "" || y == "" || y <= 0) { r = "-"; res = "not measured" }
  else {
    r = x / y
    res = (op == "<=" ? r <= limit : r < limit) ? "met" : "missed"
    r = sprintf("%.2f", r)
  }
  printf "| %s | %s | %s | %s %s | %s | %s %s | %s |\n", goal, what, \
    show(x, kind), peer, show(y, kind), r, op, limit, res
}
function table() {
  printf "| Goal | What | pinav | Against | Ratio | Goal | Result |\n"
  printf "|---|---|---|---|---|---|---|\n"
  row("1", "first paint, bundled pack", "paint pinav paint", \
      "paint less paint", "less", "<=", 1.2)
  row("1", "first paint, bundled pack", "paint pinav paint", \
      "paint info paint", "info", "<", 1.0)
  row("2", "Down, per line scrolled", "keys pinav down_line", \
      "keys less down_line", "less", "<=", 2.0)
  row("2", "Page Down/Up, per key", "keys pinav page", "keys less page", \
      "less", "<=", 1.1)
  row("2", "Down, Chinese against English", "keys-zh pinav down", \
      "keys pinav down", "English", "<=", 1.2)
  row("2", "Page Down/Up, Chinese against English", "keys-zh pinav page", \
      "keys pinav page", "English", "<=", 1.2)
  row("3", "Down, 20 MB pack against bundled", "keys-big pinav down", \
      "keys pinav down", "bundled", "<=", 1.5)
  row("3", "Page Down/Up, 20 MB pack against bundled", \
      "keys-big pinav page", "keys pinav page", "bundled", "<=", 1.5)
  row("3", "Enter into the first collection, 20 MB pack against bundled", \
      "enter-coll-big pinav enter", "enter-coll pinav enter", "bundled", \
      "<=", 1.5)
  row("3", "Enter into the glossary, 20 MB pack against bundled", \
      "enter-gloss-big pinav enter", "enter-gloss pinav enter", "bundled", \
      "<=", 1.5)
}
END {
  kind = "ins"
  for (k in v) if (k ~ /_ins$/) n++
  if (n) {
    print "goals of issue 17, instructions (callgrind: these repeat from run to run)"
    table()
    print ""
  }
  kind = "ms"
  print "goals of issue 17, wall-clock medians (noisy on a loaded machine)"
  table()
}' "$1"
