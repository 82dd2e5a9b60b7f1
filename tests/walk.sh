#!/bin/sh
# One navigator under both screens (issue 13): random walks of actions,
# each from the start screen, through the full-screen navigator (tests/
# vtdrive, 80x24) and plain mode (LINES=24, 80 columns) must pass
# through the same locations: the page, the line at the top, the chosen
# link and the depth of the history, after every action (PINAV_TRACE_FD).
. "${top_srcdir:-.}/tests/tap.sh"

vtdrive="${top_builddir:-.}/tests/vtdrive"
tool="${top_builddir:-.}/tests/keys-tool"
good="$top_srcdir/tests/data/good"
real="$top_srcdir/data"
walks=${PINAV_WALKS:-100}
timeout=60
[ -n "${PINAV_WRAPPER:-}" ] && timeout=600
no_vtdrive && skip_all "$no_vtdrive_why"



# walk DATA LANG SEED: N walks in both renderers; compare the traces.
walk () {
  "$tool" walk "$3" "$walks" "$tap_tmp/w.vt" "$tap_tmp/w.in" || return 1
  rm -f "$tap_tmp/tui" "$tap_tmp/plain"
  LC_ALL=C.UTF-8 PINAV_TRACE_FD=3 "$vtdrive" --size=80x24 --timeout=$timeout \
    "$tap_tmp/w.vt" -- $PINAV_WRAPPER "$PINAV" --data="$1" --lang="$2" \
    3>"$tap_tmp/tui" >"$tap_tmp/vt.out" 2>&1 || { cat "$tap_tmp/vt.out"; return 1; }
  LINES=24 PINAV_TRACE_FD=3 $PINAV_WRAPPER "$PINAV" --data="$1" --lang="$2" \
    --plain --width=80 <"$tap_tmp/w.in" 3>"$tap_tmp/plain" >/dev/null 2>&1 \
    || return 1
  [ -s "$tap_tmp/tui" ] || return 1
  cmp -s "$tap_tmp/tui" "$tap_tmp/plain" && return 0
  diff "$tap_tmp/tui" "$tap_tmp/plain" | head -5 | sed 's/^/# /'
  return 1
}

for seed in 1 2; do
  walk "$good" en $seed; ok $? "test pack, en, seed $seed: $walks walks, the same locations in both renderers"
done
walk "$good" zh_CN 3; ok $? "test pack, zh_CN: $walks walks, the same locations"
walk "$real" en 4; ok $? "bundled pack, en: $walks walks, the same locations"
walk "$real" zh_CN 5; ok $? "bundled pack, zh_CN: $walks walks, the same locations"
# The walks went places: many locations, not the start screen only.
n=$(cut -d' ' -f1 "$tap_tmp/tui" | sort -u | wc -l)
[ "$n" -ge 20 ]; ok $? "the last walks visited $n different locations (20 or more)"
grep -q '^search:' "$tap_tmp/tui"; ok $? "the walks searched"
grep -q '^doc:\|^item:' "$tap_tmp/tui"; ok $? "the walks opened documents or items"
done_testing
