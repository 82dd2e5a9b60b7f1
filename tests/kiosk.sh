#!/bin/sh
# The kiosk (issue 6): pinav --kiosk cannot be left by any key or
# signal a patient can send; the staff PIN (F12); the idle reset; the
# language picker in both languages and both modes; Chinese without a
# Chinese locale.  The screen scripts are tests/kiosk/*.vt, run through
# tests/vtdrive; they wait for what they expect, and sleep only to let
# idle time pass.
. "${top_srcdir:-.}/tests/tap.sh"

vtdrive="${top_builddir:-.}/tests/vtdrive"
scripts="$top_srcdir/tests/kiosk"
good="$top_srcdir/tests/data/good"
TERM=xterm-256color
unset NO_COLOR CREDENTIALS_DIRECTORY
export TERM

no_vtdrive && skip_all "$no_vtdrive_why"

# drive SCRIPT WHAT COMMAND...: run SCRIPT against COMMAND on an 80x24
# terminal; the limit for each wait is $timeout seconds (10).
drive () {
  d_script=$1 d_what=$2
  shift 2
  "$vtdrive" --size=80x24 --timeout="${timeout:-10}" --term="$TERM" \
    "$d_script" -- "$@" >"$tap_tmp/out" 2>"$tap_tmp/err"
  r=$?
  ok $r "$d_what"
  [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -40
}

# kiosk NAME WHAT [OPTION...]: tests/kiosk/NAME.vt against pinav --kiosk.
kiosk () {
  k_name=$1 k_what=$2
  shift 2
  drive "$scripts/$k_name.vt" "$k_what" "$PINAV" --data="$good" --kiosk "$@"
}

# escape WHAT LINE...: the script LINEs on a page of a kiosk leave it
# running, its page intact.
escape () {
  e_what=$1
  shift
  { cat "$scripts/escape-start.vt"; printf '%s\n' "$@"
    cat "$scripts/escape-end.vt"; } >"$tap_tmp/escape.vt"
  drive "$tap_tmp/escape.vt" "escape attempt $e_what: still running, the page intact" \
    "$PINAV" --data="$good" --kiosk
}

escape "^C" "key ^C"
escape "^Z" "key ^Z"
escape '^\' 'key ^\'
escape "^D" "key ^D"
escape "^S (output would stop)" "key ^S"
escape "^Q ^O ^V ^Y" "key ^Q ^O ^V ^Y"
escape "!" "type !"
escape ":" "type :"
escape ":q!" "type :q!"
escape "q" "key q"
escape "Q, x, ZZ" "type QxZZ"
escape "Esc" "key Esc"
escape "Esc Esc" "key Esc Esc"
escape "Esc :q" "key Esc" "type :q"
escape "ESC [ 2 0 ~ (F9)" "raw 1b5b32307e"
escape "ESC O P (F1)" "raw 1b4f50"
escape "ESC [ A in keypad mode" "raw 1b5b41"
escape "a lone ESC [" "raw 1b5b"
escape "Alt-x, Alt-q" "key M-x M-q"
escape "F1 to F11" "key F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11"
escape "F12 (no PIN)" "key F12"
escape "SIGINT" "signal INT"
escape "SIGTSTP" "signal TSTP"
escape "SIGQUIT" "signal QUIT"
escape "a click where q quit would be" "click 23 60"

kiosk help "no quit key on the hint line or the keys page, which lists /, End, the wheel"
kiosk signals "SIGTERM still ends a kiosk, with 0"

# The staff exit.
umask 077
printf '4321\n' >"$tap_tmp/pin"
mkdir "$tap_tmp/cred" "$tap_tmp/nocred"
cp "$tap_tmp/pin" "$tap_tmp/cred/pinav-staff-pin"
printf '4321\n' >"$tap_tmp/pin644"
chmod 644 "$tap_tmp/pin644"
kiosk nopin "no PIN: F12 does nothing at all"
kiosk pin "F12, a wrong PIN: nothing; the right PIN exits 0" \
  --staff-pin-file="$tap_tmp/pin"
drive "$scripts/pin.vt" "the PIN from systemd's \$CREDENTIALS_DIRECTORY" \
  env CREDENTIALS_DIRECTORY="$tap_tmp/cred" "$PINAV" --data="$good" --kiosk
kiosk pin-refused "a mode 644 PIN file is refused: F12 does nothing" \
  --staff-pin-file="$tap_tmp/pin644"
kiosk lockout "after 3 wrong PINs, F12 is ignored" \
  --staff-pin-file="$tap_tmp/pin"
# The lock-out survives a crash or restart where systemd gives a runtime
# directory (RuntimeDirectory=), and only there.
mkdir -p "$tap_tmp/run"
kept () { # SCRIPT WHAT
  drive "$scripts/$1.vt" "lock-out kept: $2" env RUNTIME_DIRECTORY="$tap_tmp/run" \
    "$PINAV" --data="$good" --kiosk --staff-pin-file="$tap_tmp/pin"
}
kept lockout-crash "3 wrong PINs, then pinav is killed"
[ -f "$tap_tmp/run/pinav-staff-lockout" ]
ok $? "lock-out kept: in \$RUNTIME_DIRECTORY/pinav-staff-lockout"
kept lockout-kept "started again, F12 is still ignored"
rm -f "$tap_tmp/run/pinav-staff-lockout"
kept pin "the file removed, F12 works again"

# What the PIN file check says (plain mode reads it too).
pinfile () { # WHAT FILE
  "$PINAV" --data="$good" --kiosk --plain --staff-pin-file="$2" \
    </dev/null >"$tap_tmp/out" 2>"$tap_tmp/err"
  [ $? -eq 0 ] && grep -q -F "$2: " "$tap_tmp/err" \
    && grep -q -F "there is no staff exit" "$tap_tmp/err"
  r=$?
  ok $r "$1 is refused, with a warning"
  [ $r -eq 0 ] || sed 's/^/# err: /' "$tap_tmp/err" | head -5
}
pinfile "a PIN file others may read" "$tap_tmp/pin644"
ln -s pin "$tap_tmp/pinlink"
pinfile "a symbolic link" "$tap_tmp/pinlink"
printf 'abcd\n' >"$tap_tmp/pinbad"
pinfile "a file that is not 4 to 12 digits" "$tap_tmp/pinbad"
pinfile "a directory" "$tap_tmp/cred"
pinfile "a missing file" "$tap_tmp/none"
# A kiosk's stderr holds its journal lines (tests/reload.sh): warnings
# are the other lines.
no_warning () { # WHAT
  grep -v '^pinav: kiosk: ' "$tap_tmp/err" >"$tap_tmp/warnings"
  mv "$tap_tmp/warnings" "$tap_tmp/err"
  is_empty_err "$1"
}
run "$PINAV" --data="$good" --kiosk --plain --staff-pin-file="$tap_tmp/pin"
no_warning "a good PIN file: no warning"
run env CREDENTIALS_DIRECTORY="$tap_tmp/nocred" "$PINAV" --data="$good" --kiosk --plain
no_warning "no PIN in \$CREDENTIALS_DIRECTORY: no warning (and no staff exit)"

# The idle reset.
kiosk idle-warn "--idle=1: the warning, any key dismisses it, the page is kept" \
  --idle=1
timeout=40 kiosk idle-reset "--idle=1, 30 s later: the language screen, no history, no search" \
  --idle=1

# The language picker, and Chinese without a Chinese locale.
kiosk lang "the picker: 中文, then English again"
drive "$scripts/lang.vt" "the picker with LANG=C LC_ALL=" \
  env LANG=C LC_ALL= LANGUAGE= "$PINAV" --data="$good" --kiosk
drive "$scripts/lang.vt" "the picker with LC_ALL=zh_CN.UTF-8 (not installed)" \
  env LC_ALL=zh_CN.UTF-8 LANGUAGE= "$PINAV" --data="$good" --kiosk
drive "$scripts/zh-env.vt" "LC_ALL=zh_CN.UTF-8 (not installed): Chinese" \
  env LC_ALL=zh_CN.UTF-8 LANGUAGE= "$PINAV" --data="$good"
drive "$scripts/zh-env.vt" "LANG=C LC_ALL= --lang=zh_CN: Chinese" \
  env LANG=C LC_ALL= LANGUAGE= "$PINAV" --data="$good" --lang=zh_CN

# Plain mode.
plain () { # INPUT [ENV=VALUE...]: pinav --kiosk --plain, fed INPUT
  p_in=$1
  shift
  printf "$p_in" | env "$@" "$PINAV" --data="$good" --kiosk --plain --width=0 \
    >"$tap_tmp/out" 2>"$tap_tmp/err"
  tap_status=$?
}
plain '2\n'
is_status 0 "plain kiosk: end of input ends the session"
has_out '^Language / 语言$' "plain kiosk: the picker first"
has_out '^\[1\] English$' "plain kiosk: English by its own name"
has_out '^\[2\] 中文$' "plain kiosk: 中文 by its own name"
has_out '^\[3\] 来源文件$' "plain kiosk: 2 gives the home screen in Chinese"
has_out '? 帮助。$' "plain kiosk: the prompt in Chinese, without q"
lacks_out 'q quit\|q 退出' "plain kiosk: no prompt offers q"
plain '2\n5\n1\n'
sed -n '/^\[3\] 来源文件$/,$p' "$tap_tmp/out" >"$tap_tmp/after"
grep -q '^\[3\] The source documents$' "$tap_tmp/after"
ok $? "plain kiosk: Language / 语言, then 1, gives English again"
plain 'q\n1\n'
has_out '^Not understood\.$' "plain kiosk: q is not understood"
has_out '^\[3\] The source documents$' "plain kiosk: and the session goes on"
plain '2\n' LANG=C LC_ALL= LANGUAGE=
has_out '^\[3\] 来源文件$' "plain kiosk with LANG=C LC_ALL=: Chinese"
plain '2\n' LC_ALL=zh_CN.UTF-8 LANGUAGE=
has_out '^\[3\] 来源文件$' "plain kiosk with LC_ALL=zh_CN.UTF-8 (not installed): Chinese"
printf '?\nq\n' | "$PINAV" --data="$good" --plain --lang=ask --width=0 >"$tap_tmp/out" 2>&1
ok $? "plain --lang=ask without a kiosk: q quits"
has_out '^\[2\] 中文$' "plain --lang=ask: the picker first"
has_out '^- q: quit$' "plain, not a kiosk: the keys page offers q"
plain '?\n'
lacks_out '^- q: quit$' "plain kiosk: the keys page does not offer q"
drive "$scripts/plain-tty.vt" "plain kiosk on a terminal: ^C ^\\ ^Z ^D, signals, q: still running" \
  "$PINAV" --data="$good" --kiosk --plain
# SIGTERM and SIGHUP end a plain kiosk with 0, and its terminal gets
# its flow control back (the manual's EXIT STATUS).
for sig in TERM HUP; do
  printf '%s\n' "wait [2] 中文" "signal $sig" "expect-exit 0 2000" \
    "expect-sane" >"$tap_tmp/plain-sig.vt"
  drive "$tap_tmp/plain-sig.vt" "plain kiosk on a terminal: SIG$sig ends it with 0, the terminal sane" \
    "$PINAV" --data="$good" --kiosk --plain
done
drive "$scripts/plain-idle.vt" "plain, --idle=1: the warning; Enter dismisses it" \
  "$PINAV" --data="$good" --kiosk --plain --idle=1
timeout=40 drive "$scripts/plain-idle-reset.vt" \
  "F2: plain kiosk idle reset: the half-typed line and ^S do not reach the next patient" \
  "$PINAV" --data="$good" --kiosk --plain --idle=1

done_testing
