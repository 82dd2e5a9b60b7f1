#!/bin/sh
# A running kiosk takes an updated content pack at its next idle reset,
# and keeps the one it has when the new one has errors (issue 18, point
# 4); the kiosk's lines for its staff on standard error, the journal
# under systemd (issue 18, point 6), and that no patient input is ever
# in them.  An idle reset takes the idle time and then the warning's
# 30 s, so only two cases wait for one: the full-screen navigator on a
# good update, plain mode on a broken one (both call the same
# app_idle_reset; tests/unit-load checks the look at the files itself).
. "${top_srcdir:-.}/tests/tap.sh"

vtdrive="${top_builddir:-.}/tests/vtdrive"
good="$top_srcdir/tests/data/good"
TERM=xterm-256color
unset NO_COLOR CREDENTIALS_DIRECTORY RUNTIME_DIRECTORY
export TERM
version=$("$PINAV" --version | sed -n '1s/^pinav //p')

# copy DIR: a fresh copy of the good pack in DIR (YAML only).
copy () {
  rm -rf "$1" && mkdir "$1" && cp "$good"/*.yaml "$1/"
}

# replace DIR SED: rewrite DIR/fruits.yaml through SED, as a package
# manager does: a new file renamed over the old one.
replace () {
  sed "$2" "$1/fruits.yaml" >"$1/.fruits.new" && mv "$1/.fruits.new" "$1/fruits.yaml"
}

# wait_for FILE TEXT SECONDS: until FILE holds TEXT (a fixed string);
# false after SECONDS.  Polls; the text is what is waited for.
wait_for () {
  w_n=$(($3 * 10))
  while [ "$w_n" -gt 0 ]; do
    grep -q -F -e "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
    w_n=$((w_n - 1))
  done
  return 1
}

# no_input FILE WHAT WORD...: none of the WORDs (what a patient typed)
# is in FILE.
no_input () {
  n_file=$1 n_what=$2
  shift 2
  r=0
  for w; do
    grep -q -F -e "$w" "$n_file" && { r=1; echo "# '$w' is in stderr"; }
  done
  ok $r "$n_what"
}

# The first line, in each mode; none without a kiosk or an idle reset.
printf '1\n' | "$PINAV" --data="$good" --kiosk --plain >/dev/null 2>"$tap_tmp/err"
has_err "pinav: kiosk: start: pinav $version, pack $good, language en (ask), idle reset after 120 s, staff exit no" \
  "journal: start (version, pack, language, idle time, staff exit)"
[ "$(wc -l <"$tap_tmp/err")" -eq 1 ]
ok $? "journal: one line for a kiosk that only starts"
printf '1\n' | "$PINAV" --data="$good" --plain --idle=7 --lang=en >/dev/null 2>"$tap_tmp/err"
has_err "pinav: kiosk: start: pinav $version, pack $good, language en (fixed), idle reset after 7 s, staff exit no" \
  "journal: --idle alone has the lines too"
printf '1\n' | "$PINAV" --data="$good" --plain >/dev/null 2>"$tap_tmp/err"
is_empty_err "journal: no line without a kiosk or an idle reset"
printf '1\n' | "$PINAV" --data="$good" --kiosk --idle=0 --plain >/dev/null 2>"$tap_tmp/err"
has_err "idle reset after 0 s," "journal: --kiosk --idle=0 says there is no idle reset"

no_vtdrive && { skip "the full-screen journal and reload" "$no_vtdrive_why"; }

# drive SCRIPT WHAT ERR COMMAND...: SCRIPT against COMMAND on an 80x24
# terminal, its standard error into ERR (a file: the journal, not the
# screen).
drive () {
  d_script=$1 d_what=$2 d_err=$3
  shift 3
  "$vtdrive" --size=80x24 --timeout="${timeout:-10}" --term="$TERM" \
    "$d_script" -- sh -c 'e=$1; shift; exec "$@" 2>"$e"' sh "$d_err" "$@" \
    >"$tap_tmp/out" 2>"$tap_tmp/vterr"
  r=$?
  ok $r "$d_what"
  [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/vterr" | head -40
}

if ! no_vtdrive; then
  umask 077
  printf '4321\n' >"$tap_tmp/pin"
  # The staff exit and the wrong PINs (tests/kiosk/pin.vt types 9999
  # and 43, then 4321; lockout.vt 1111, 2222 and 3333).
  drive "$top_srcdir/tests/kiosk/pin.vt" "journal: a wrong PIN, then the staff exit" \
    "$tap_tmp/err" "$PINAV" --data="$good" --kiosk --staff-pin-file="$tap_tmp/pin"
  has_err "pinav: kiosk: start: pinav $version, pack $good, language en (ask), idle reset after 120 s, staff exit yes" \
    "journal: start says there is a staff exit"
  has_err "pinav: kiosk: wrong staff PIN (1 of 3 before a lock-out)" "journal: wrong PIN, counted"
  has_err "pinav: kiosk: staff exit" "journal: staff exit"
  no_input "$tap_tmp/err" "journal: no PIN digits" 9999 4321 43
  drive "$top_srcdir/tests/kiosk/lockout.vt" "journal: three wrong PINs" \
    "$tap_tmp/err" "$PINAV" --data="$good" --kiosk --staff-pin-file="$tap_tmp/pin"
  has_err "pinav: kiosk: wrong staff PIN (2 of 3 before a lock-out)" "journal: the second wrong PIN"
  has_err "pinav: kiosk: wrong staff PIN (3 in a row): F12 locked out for 300 s" \
    "journal: the lock-out"
  no_input "$tap_tmp/err" "journal: no PIN digits in the lock-out's lines" 1111 2222 3333 4321

  # On the screen's own terminal the lines wait for the end of the
  # full-screen navigator, and do not land on its screen.
  printf '%s\n' "wait-row 0 Language / 语言" "key Enter" "wait-row 1 > Fruits" \
    "key F12" "wait-row 23 Staff PIN:" "type 9999" "key Enter" \
    "wait-row 23 Up/Down choose" "expect-not wrong staff PIN" \
    "expect-row 1 > Fruits" "signal TERM" "expect-exit 0 2000" \
    "expect pinav: kiosk: wrong staff PIN (1 of 3" >"$tap_tmp/held.vt"
  "$vtdrive" --size=80x24 --timeout=10 "$tap_tmp/held.vt" -- "$PINAV" \
    --data="$good" --kiosk --staff-pin-file="$tap_tmp/pin" \
    >"$tap_tmp/out" 2>"$tap_tmp/vterr"
  r=$?
  ok $r "journal on the screen's terminal: not over the screen, written at the end"
  [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/vterr" | head -40

  # A damaged translation, found when a patient chooses 中文: said in
  # its one form, at once when stderr is not the screen (pinav is then
  # killed, so nothing held could be written at its end).
  mkdir -p "$tap_tmp/trunc/zh_CN/LC_MESSAGES"
  head -c 1000 "$top_builddir/locale/zh_CN/LC_MESSAGES/pinav.mo" \
    >"$tap_tmp/trunc/zh_CN/LC_MESSAGES/pinav.mo"
  printf '%s\n' "wait-row 0 Language / 语言" "key Down Enter" \
    "wait translation files are damaged" "signal KILL" \
    "expect-exit signal:KILL 2000" >"$tap_tmp/mo.vt"
  drive "$tap_tmp/mo.vt" "journal: a damaged catalogue, chosen by a patient" \
    "$tap_tmp/err" env PINAV_LOCALEDIR="$tap_tmp/trunc" "$PINAV" --data="$good" --kiosk
  has_err "pinav: $tap_tmp/trunc/zh_CN/LC_MESSAGES/pinav.mo: a damaged translation file" \
    "journal: the catalogue refused, in its one form, at once"

  # A good update while a patient reads, searches and walks away: the
  # next patient has it.
  copy "$tap_tmp/pack"
  cat >"$tap_tmp/update.vt" <<'EOF'
wait-row 0 Language / 语言
key Enter
wait-row 1 > Fruits
key /
type kiwiq
wait-row 23 /kiwiq
key Enter
sleep-ms 1200
wait-row 0 Are you still there?
wait-row 0 Language / 语言
key Enter
wait-row 1 > Fresh fruits
expect-not > Fruits
key Enter
wait Apple
expect-running
EOF
  : >"$tap_tmp/err"
  ( wait_for "$tap_tmp/err" "pinav: kiosk: start" 10 \
      && replace "$tap_tmp/pack" 's/^title: Fruits$/title: Fresh fruits/' ) &
  timeout=45 drive "$tap_tmp/update.vt" \
    "reload, full screen: a pack updated during a session is shown after the idle reset" \
    "$tap_tmp/err" "$PINAV" --data="$tap_tmp/pack" --kiosk --idle=1
  wait
  has_err "pinav: kiosk: idle reset" "journal: idle reset"
  has_err "pinav: kiosk: content pack reloaded (changed: fruits.yaml)" \
    "journal: pack reloaded, and which file changed"
  no_input "$tap_tmp/err" "journal: not the search typed" kiwiq
fi

# A broken update, in plain mode: the old pack stays, and the journal
# says why, with the loader's FILE:LINE:COLUMN.
copy "$tap_tmp/pack2"
: >"$tap_tmp/err"
{
  printf '1\n/kiwiq\n'
  wait_for "$tap_tmp/err" "pinav: kiosk: start" 10 \
    && replace "$tap_tmp/pack2" 's/^title: Fruits$/title: [Fruits/'
  wait_for "$tap_tmp/err" "pinav: kiosk: idle reset" 45
  wait_for "$tap_tmp/err" "pinav: kiosk: content pack" 5
  printf '1\n'
} | "$PINAV" --data="$tap_tmp/pack2" --kiosk --plain --idle=1 --width=0 \
  >"$tap_tmp/out" 2>>"$tap_tmp/err"
ok $? "reload, plain: the session ends with its input"
has_out '^Are you still there' "reload, plain: the idle warning"
sed -n '/^Are you still there/,$p' "$tap_tmp/out" >"$tap_tmp/after"
grep -q '^\[[0-9]*\] Fruits$' "$tap_tmp/after"
ok $? "reload, plain: a broken update leaves the old pack in use"
has_err "pinav: kiosk: idle reset" "journal, plain: idle reset"
has_err "pinav: kiosk: content pack refused, the one in use is kept: $tap_tmp/pack2/fruits.yaml:4:6: " \
  "journal, plain: pack refused, with the loader's FILE:LINE:COLUMN"
[ "$(grep -c 'content pack refused' "$tap_tmp/err")" -eq 1 ]
ok $? "journal, plain: said once"
no_input "$tap_tmp/err" "journal, plain: not the search typed" kiwiq

done_testing
