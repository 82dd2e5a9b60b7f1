#!/bin/sh
# The key table (src/view/keys.c): every key of every row does what its
# help says, in the full-screen navigator (tests/vtdrive, 80x24) and in
# plain mode (its command), and both end at the same location
# (PINAV_TRACE_FD: "LOCATION top=T sel=S depth=D" after each action).
# The manual's and docs/tui.md's key lists are the table's.
. "${top_srcdir:-.}/tests/tap.sh"

vtdrive="${top_builddir:-.}/tests/vtdrive"
tool="${top_builddir:-.}/tests/keys-tool"
good="$top_srcdir/tests/data/good"
real="$top_srcdir/data"
timeout=20
[ -n "${PINAV_WRAPPER:-}" ] && timeout=300

# The setup: actions, or "/WORDS" searches, from the start screen.
setup_vt () {
  for a; do
    case $a in
      /*) printf 'key / ^U\ntype %s\nkey Enter\n' "${a#/}" ;;
      *) printf 'key %s\n' "$("$tool" key "$a")" ;;
    esac
  done
}
setup_plain () {
  for a; do
    case $a in
      /*) printf '%s\n' "$a" ;;
      *) "$tool" plain "$a" ;;
    esac
  done
}

# run_both DATA KEY CMD SETUP...: the setup, then the TUI's KEY (vtdrive
# names, "/" types WORDS of $search) and plain mode's CMD; the traces in
# $tap_tmp/tui and $tap_tmp/plain, without the final q's line.
run_both () {
  data=$1 key=$2 cmd=$3; shift 3
  { echo "wait-row 23 ?"; setup_vt "$@"
    if [ "$key" = / ]; then printf 'key / ^U\ntype %s\nkey Enter\n' "$search"
    else printf 'key %s\n' "$key"; fi
    [ "$key" = q ] || echo "key q"; echo "expect-exit 0 5000"; } >"$tap_tmp/k.vt"
  [ "$cmd" = / ] && cmd="/$search"
  { setup_plain "$@"; printf '%s\n' "$cmd"; [ "$cmd" = q ] || echo q; } >"$tap_tmp/k.in"
  LC_ALL=C.UTF-8 PINAV_TRACE_FD=3 "$vtdrive" --size=80x24 --timeout=$timeout \
    "$tap_tmp/k.vt" -- $PINAV_WRAPPER "$PINAV" --data="$data" --lang=en \
    3>"$tap_tmp/tui" >"$tap_tmp/vt.out" 2>&1 || { sed 's/^/# /' "$tap_tmp/vt.out"; return 1; }
  LINES=24 PINAV_TRACE_FD=3 $PINAV_WRAPPER "$PINAV" --data="$data" --lang=en \
    --plain --width=80 <"$tap_tmp/k.in" 3>"$tap_tmp/plain" >"$tap_tmp/p.out" 2>&1 \
    || return 1
  cmp -s "$tap_tmp/tui" "$tap_tmp/plain" || { diff "$tap_tmp/tui" "$tap_tmp/plain" | sed 's/^/# /'; return 1; }
}

# field F LINE: the location (F=loc) or top, sel or depth of a trace line.
field () {
  case $1 in
    loc) echo "${2%% *}" ;;
    *) echo "$2" | sed -n "s/.* $1=\\(-*[0-9]*\\).*/\\1/p" ;;
  esac
}

# check ACTION: whether the traces show ACTION done (B before, A after).
check () {
  n=$(wc -l <"$tap_tmp/tui")
  [ "$1" = quit ] && { a=$(tail -1 "$tap_tmp/tui"); b=$a; } \
    || { a=$(sed -n "$((n - 1))p" "$tap_tmp/tui"); b=$(sed -n "$((n - 2))p" "$tap_tmp/tui"); }
  bl=$(field loc "$b") al=$(field loc "$a")
  bs=$(field sel "$b") as=$(field sel "$a") bt=$(field top "$b") at=$(field top "$a")
  bd=$(field depth "$b") ad=$(field depth "$a")
  case $1 in
    down|next-link) [ "$al" = "$bl" ] && [ "$as" -eq $((bs + 1)) ] ;;
    up|prev-link|prev-match) [ "$al" = "$bl" ] && [ "$as" -eq $((bs - 1)) ] ;;
    next-match) [ "$al" = "$bl" ] && [ "$as" -eq $((bs + 1)) ] ;;
    open) [ "$al" != "$bl" ] && [ "$ad" -eq $((bd + 1)) ] ;;
    back) [ "$al" = home ] && [ "$ad" -eq $((bd - 1)) ] ;;
    home) [ "$al" = home ] && [ "$ad" -eq 1 ] && [ "$bd" -gt 1 ] ;;
    page-down) [ "$al" = "$bl" ] && [ "$at" -eq $((bt + 21)) ] ;;
    page-up) [ "$al" = "$bl" ] && [ "$at" -eq $((bt - 21)) ] ;;
    top) [ "$bt" -gt 0 ] && [ "$at" -eq 0 ] ;;
    bottom) [ "$al" = "$bl" ] && [ "$at" -gt "$bt" ] ;;
    search) [ "$al" = "search:$search" ] ;;
    help) [ "$al" = help ] ;;
    repeat) [ "$al" = "$bl" ] && [ "$at" -eq "$bt" ] && [ "$as" -eq "$bs" ] \
      && [ "$ad" -eq "$bd" ] ;;
    quit) [ "$al" = "$bl" ] ;;
    mark) [ "$al" = "${bl}/apple" ] && [ "$as" -eq "$bs" ] && [ "$ad" -eq "$bd" ] ;;
    *) return 1 ;;
  esac || { echo "# before: $b"; echo "# after:  $a"; return 1; }
}

# The setup each action needs, on which pack.
scene () {
  search=apple
  case $1 in
    up|prev-link) data=$good; setup="next-link next-link" ;;
    back) data=$good; setup="open" ;;
    home) data=$good; setup="open open" ;;
    page-down|bottom) data=$real; setup="/cell" ;;
    page-up) data=$real; setup="/cell page-down page-down" ;;
    top|repeat) data=$real; setup="/cell page-down" ;;
    next-match) data=$real; setup="/cell" ;;
    mark) data=$good; setup="next-link open open" ;;
    prev-match) data=$real; setup="/cell next-link" ;;
    *) data=$good; setup= ;;
  esac
}

"$tool" list >"$tap_tmp/table" || exit 99
if no_vtdrive; then
  skip "every key of the table, in the TUI and plain mode" "$no_vtdrive_why"
  : >"$tap_tmp/table"
fi
while IFS='	' read -r action keys cmds; do
  case $action in wheel-*|staff) continue ;; esac  # the mouse: screen.sh
  scene "$action"
  [ "$keys" = - ] || for k in $keys; do
    pc=$(echo "$cmds" | cut -d' ' -f1)
    [ "$pc" = - ] && continue
    # shellcheck disable=SC2086
    run_both "$data" "$k" "$pc" $setup && check "$action"
    ok $? "$action: TUI key $k and plain '$pc' do it, to the same location"
  done
  [ "$cmds" = - ] || for c in $cmds; do
    k=$(echo "$keys" | cut -d' ' -f1)
    # shellcheck disable=SC2086
    run_both "$data" "$k" "$c" $setup && check "$action"
    ok $? "$action: plain '$c' does it"
  done
done <"$tap_tmp/table"

# The staff key only in a kiosk: outside one, F12 does nothing.
if no_vtdrive; then
  skip "staff: F12 outside a kiosk does nothing" "$no_vtdrive_why"
else
  run_both "$good" F12 "" && check_f12=$(tail -2 "$tap_tmp/tui" | head -1)
  [ "$(field loc "$check_f12")" = home ] && [ "$(wc -l <"$tap_tmp/tui")" -eq 2 ]
  ok $? "staff: F12 outside a kiosk does nothing (kiosk.sh tests the PIN)"
fi

# The manual and docs/tui.md list the table's keys, as the table has them.
"$tool" man >"$tap_tmp/man" &&
  sed -n '/^\.\\" keys: begin/,/^\.\\" keys: end/p' "$top_srcdir/docs/pinav.1.in" \
    | sed '1d;$d' | diff "$tap_tmp/man" - >"$tap_tmp/d" 2>&1
r=$?; ok $r "docs/pinav.1.in's key list is the key table's (keys-tool man)"
[ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/d" | head -10
"$tool" md >"$tap_tmp/md" &&
  sed -n '/^<!-- keys: begin/,/^<!-- keys: end/p' "$top_srcdir/docs/tui.md" \
    | sed '1d;$d' | diff "$tap_tmp/md" - >"$tap_tmp/d" 2>&1
r=$?; ok $r "docs/tui.md's key table is the key table's (keys-tool md)"
[ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/d" | head -10
done_testing
