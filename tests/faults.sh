#!/bin/sh
# Terminal faults (issue 8): resize storms, every size from 1x1 to
# 300x100, hang-ups and signals in the middle of a frame, no input, a
# terminal that stops reading, hostile bytes, floods of keys, and CPU
# use while idle.  The program must not crash or spin, must exit when
# it should, and must leave the terminal as it found it.  The screen
# scripts are tests/faults/*.vt, run through tests/vtdrive; they wait
# for what they expect, and never sleep to synchronise.
#
# PINAV_WRAPPER, when set, goes before pinav on every command line
# (e.g. valgrind, see .ci/run); the waits are then longer.
# FAULT_WIDTHS and FAULT_HEIGHTS change the sizes of the size sweep.
. "${top_srcdir:-.}/tests/tap.sh"

vtdrive="${top_builddir:-.}/tests/vtdrive"
scripts="$top_srcdir/tests/faults"
good="$top_srcdir/tests/data/good"
real="$top_srcdir/data"
TERM=xterm-256color
unset NO_COLOR
export TERM
timeout=10 scale=1
if [ -n "${PINAV_WRAPPER:-}" ]; then
  timeout=120 scale=20
fi

no_vtdrive && skip_all "$no_vtdrive_why"

# vt SCRIPT SIZE COMMAND...: run SCRIPT against COMMAND on a SIZE
# terminal.  The program must end with 0 (or as an expect-exit says).
vt () {
  v_script=$1 v_size=$2
  shift 2
  "$vtdrive" --size="$v_size" --timeout="$timeout" --time-scale="$scale" \
    --require-clean-exit --term="${vt_term:-$TERM}" "$v_script" -- "$@" \
    >"$tap_tmp/out" 2>"$tap_tmp/err"
}

# fault NAME SIZE PACK WHAT: tests/faults/NAME.vt against
# pinav --data=PACK --lang=en on a SIZE terminal.
fault () {
  vt "$scripts/$1.vt" "$2" $PINAV_WRAPPER "$PINAV" --data="$3" --lang=en
  r=$?
  ok $r "$1 ($2): $4"
  [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -40
}

# A resize storm: 100 sizes in a row, from 1x1 to 300x100, as fast as
# the kernel takes them, on the page of a collection.
{ printf 'wait-row 23 ?\nkey Enter\nwait-row 0 Fruits\n'
  awk 'BEGIN { for (i = 0; i < 100; i++)
    printf "resize %d %d\n", (i * 97) % 300 + 1, (i * 31) % 100 + 1 }'
  cat "$scripts/storm-end.vt"; } >"$tap_tmp/storm.vt"
vt "$tap_tmp/storm.vt" 80x24 $PINAV_WRAPPER "$PINAV" --data="$good" --lang=en
r=$?
ok $r "storm (80x24): 100 resizes in a row, then the page is whole and takes keys"
[ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -40

fault storm-stopped 80x24 "$good" "resizes while stopped, back to the old size: all painted again"

# Every size in steps: started at each, the program takes keys, then
# grows to 80x24 and draws the start screen.  One test point a width.
for w in ${FAULT_WIDTHS:-1 2 3 5 8 13 20 40 80 132 200 300}; do
  bad=
  for h in ${FAULT_HEIGHTS:-1 2 3 4 6 10 24 50 100}; do
    vt "$scripts/size.vt" "${w}x$h" $PINAV_WRAPPER "$PINAV" --data="$good" \
      --lang=en || { bad="$bad ${w}x$h"; sed 's/^/# /' "$tap_tmp/err" | head -20; }
  done
  [ -z "$bad" ]
  ok $? "size: $w columns, each height: takes keys, then grows to 80x24${bad:+ (failed:$bad)}"
done

fault close-mid 300x100 "$real" "a hang-up in the middle of drawing: exit within 1 s"
fault term-mid 300x100 "$real" "SIGTERM in the middle of drawing: the terminal given back, exit 0"
fault hup-mid 300x100 "$real" "SIGHUP in the middle of drawing: the terminal given back, exit 0"
fault int-key 80x24 "$good" "^C: the terminal given back, exit 0"
fault quit-key 80x24 "$good" "^\\: the terminal given back, exit 0 (not killed by SIGQUIT)"
fault keys-ctl 80x24 "$good" "^S does not freeze the screen"
# (wait-blocked reads /proc/PID/syscall, which some systems hide.)
if [ -r /proc/$$/syscall ] && cat /proc/$$/syscall >/dev/null 2>&1; then
  fault stall 300x100 "$real" "a terminal that stops reading: no CPU while blocked, then it catches up"
  fault stall-term 300x100 "$real" "SIGTERM while the output is blocked: exit 0 once the terminal reads"
  fault stall-close 300x100 "$real" "a hang-up while the output is blocked: exit within 1 s"
else
  for s in stall stall-term stall-close; do
    tap_n=$((tap_n + 1))
    echo "ok $tap_n - $s # SKIP /proc/PID/syscall cannot be read here"
  done
fi
fault bytes 80x24 "$good" "invalid UTF-8 and stray escape sequences: still running, the screen intact"
fault bytes-search 80x24 "$good" "invalid UTF-8 and stray escape sequences in a search"
garbage=$(awk 'BEGIN { for (i = 0; i < 500; i++) printf "fffec080" }')
sed "s/@GARBAGE@/$garbage/" "$scripts/garbage.vt" >"$tap_tmp/garbage.vt"
vt "$tap_tmp/garbage.vt" 80x24 $PINAV_WRAPPER "$PINAV" --data="$good" --lang=en
r=$?
ok $r "garbage (80x24): 2,000 bytes of invalid UTF-8 at once: still running"
[ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -40
fault flood 80x24 "$good" "10,000 keys as fast as they go, then the start screen"
fault huge-size 80x24 "$good" "F6: a terminal 33000 wide, then high: still running, whole again at 80x24"
fault idle 80x24 "$good" "idle on a live terminal: at most 5% of a CPU"

# No input: plain mode (standard input is not a terminal), the page and
# the prompt, then exit 0 at once; with /dev/null, and with it closed.
vt "$scripts/plain-eof.vt" 80x24 sh -c 'exec "$@" </dev/null' sh \
  $PINAV_WRAPPER "$PINAV" --data="$good" --lang=en
r=$?
ok $r "plain-eof (80x24): standard input /dev/null: exit 0 at once"
[ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -40
vt "$scripts/plain-eof.vt" 80x24 sh -c 'exec "$@" 0<&-' sh \
  $PINAV_WRAPPER "$PINAV" --data="$good" --lang=en
r=$?
ok $r "plain-eof (80x24): standard input closed: exit 0 at once"
[ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -40

# Plain mode ends with 0 on SIGTERM, SIGHUP, SIGINT and SIGQUIT, as
# the full-screen navigator does (the manual's EXIT STATUS), and leaves
# the terminal as it found it: on a terminal, and with standard input
# a pipe that stays open (a FIFO opened for reading and writing).
mkfifo "$tap_tmp/fifo" || exit 99
for sig in TERM HUP INT QUIT; do
  printf '%s\n' "wait Type a number from 1 to 6" "signal $sig" \
    "expect-exit 0 1000" "expect-sane" >"$tap_tmp/plain-sig.vt"
  vt "$tap_tmp/plain-sig.vt" 80x24 $PINAV_WRAPPER "$PINAV" --data="$good" \
    --lang=en --plain
  r=$?
  ok $r "plain mode on a terminal: SIG$sig ends it with 0, the terminal sane"
  [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -40
  vt "$tap_tmp/plain-sig.vt" 80x24 sh -c 'f=$1; shift; exec "$@" <>"$f"' sh \
    "$tap_tmp/fifo" $PINAV_WRAPPER "$PINAV" --data="$good" --lang=en
  r=$?
  ok $r "plain mode reading a pipe: SIG$sig ends it with 0"
  [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -40
done

# A terminal type with no terminfo entry: a message and exit 1.
vt_term=pinav-no-such-terminal
vt "$scripts/noterm.vt" 80x24 $PINAV_WRAPPER "$PINAV" --data="$good" --lang=en
r=$?
vt_term=
ok $r "noterm (80x24): TERM with no terminfo entry: 'try --plain', exit 1"
[ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -40

# Plain mode into pipes.  Standard input closed: the page, exit 0.
$PINAV_WRAPPER "$PINAV" --data="$good" --lang=en --plain 0<&- \
  >"$tap_tmp/out" 2>"$tap_tmp/err"
r=$?
[ $r -eq 0 ] && grep -q 'Type a number from 1 to 6' "$tap_tmp/out"
ok $? "plain mode, standard input closed: the start page, exit 0"
[ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -20

# A slow reader: the pipe fills (800 pages, about 150 KB, against a
# 64 KB pipe) and the writes block for a second; all of it arrives, as
# with a fast reader, and the exit status is 0.
awk 'BEGIN { for (i = 0; i < 400; i++) print "1\nl"; print "q" }' >"$tap_tmp/keys"
$PINAV_WRAPPER "$PINAV" --data="$good" --lang=en --plain <"$tap_tmp/keys" \
  >"$tap_tmp/fast" 2>"$tap_tmp/err"
{ $PINAV_WRAPPER "$PINAV" --data="$good" --lang=en --plain <"$tap_tmp/keys" \
    2>>"$tap_tmp/err"; echo $? >"$tap_tmp/status"; } \
  | { sleep 1; cat; } >"$tap_tmp/slow"
[ "$(cat "$tap_tmp/status")" = 0 ] && [ "$(wc -c <"$tap_tmp/fast")" -gt 65536 ] \
  && cmp -s "$tap_tmp/fast" "$tap_tmp/slow"
r=$?
ok $r "plain mode into a pipe read slowly: all the output, exit 0"
[ $r -eq 0 ] || { echo "# status $(cat "$tap_tmp/status"), $(wc -c <"$tap_tmp/fast") and $(wc -c <"$tap_tmp/slow") bytes"; sed 's/^/# /' "$tap_tmp/err" | head -20; }

# vtdrive's race audit (tests/vtdrive.md): with VTDRIVE_RACE=early a
# paint is taken in a byte at a time, so a check of a cell that the
# paint draws after the text waited for fails every time (the choice's
# reverse video comes after its '>'); a wait for the cell, or
# wait-idle, is safe.
race () {
  printf '%s\n' "wait-row 23 ?" "key Down" "$@" "key q" "expect-exit 0 1000" \
    >"$tap_tmp/race.vt"
  VTDRIVE_RACE=early vt "$tap_tmp/race.vt" 80x24 $PINAV_WRAPPER "$PINAV" \
    --data="$good" --lang=en
}
race "wait-row 2 > Compare fruits" "expect-reverse 2 2"
r=$?
[ $r -eq 1 ] && grep -q 'race.vt:4: expect-reverse' "$tap_tmp/err"
ok $? "VTDRIVE_RACE=early: expect-reverse of a cell drawn after the text waited for fails"
[ $r -eq 1 ] || sed 's/^/# /' "$tap_tmp/err" | head -20
race "wait-row 2 > Compare fruits" "wait-reverse 2 2"
r=$?
ok $r "VTDRIVE_RACE=early: wait-reverse of that cell passes"
[ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -20
race "wait-idle" "expect-row 2 > Compare fruits" "expect-reverse 2 2" \
  "expect-not-reverse 1 2" "expect-cursor 2 0"
r=$?
ok $r "VTDRIVE_RACE=early: after wait-idle the paint is whole, cursor and all"
[ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -20

done_testing
