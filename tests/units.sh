#!/bin/sh
# The kiosk unit (issue 18, point 3): systemd/pinav-kiosk@.service as
# built loads (systemd-analyze verify, offline: no systemd needs to run),
# and its sandbox is rated at most 2.0 by systemd-analyze security
# (offline, --threshold=20: the rating times ten); the sysusers.d file
# is what systemd-sysusers reads.
. "${top_srcdir:-.}/tests/tap.sh"

command -v systemd-analyze >/dev/null 2>&1 \
  || skip_all "systemd-analyze is missing (Debian: apt-get install systemd)"

unit="$top_builddir/systemd/pinav-kiosk@.service"
[ -f "$unit" ] || { echo "Bail out! $unit was not built"; exit 99; }

# An instance, as systemctl enable pinav-kiosk@tty1 makes it; ExecStart
# pointed at the pinav just built (the unit's, $(bindir)'s, need not be
# installed yet: verify wants an executable there).
dir="$tap_tmp/units"
mkdir -p "$dir"
bindir_pinav=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$unit")
case $bindir_pinav in
  /*/pinav) ok 0 "ExecStart= runs the configured \$(bindir)/pinav ($bindir_pinav)" ;;
  *) ok 1 "ExecStart= runs the configured \$(bindir)/pinav ($bindir_pinav)" ;;
esac
pinav_abs=$(cd "$(dirname "$PINAV")" && pwd)/$(basename "$PINAV")
sed "s|^ExecStart=[^ ]*|ExecStart=$pinav_abs|" "$unit" \
  >"$dir/pinav-kiosk@tty1.service"

(cd "$dir" && systemd-analyze verify --man=no ./pinav-kiosk@tty1.service) \
  >"$tap_tmp/out" 2>"$tap_tmp/err"
r=$?
[ $r -eq 0 ] && [ ! -s "$tap_tmp/err" ]
ok $? "systemd-analyze verify: pinav-kiosk@tty1 loads, with no warning"
sed 's/^/# /' "$tap_tmp/err" | head -20

(cd "$dir" && systemd-analyze security --offline=yes --threshold=20 \
   ./pinav-kiosk@tty1.service) >"$tap_tmp/out" 2>"$tap_tmp/err"
r=$?
score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$tap_tmp/out")
ok $r "systemd-analyze security --threshold=20: at most 2.0 (rated ${score:-?})"
[ $r -eq 0 ] || { grep '✗' "$tap_tmp/out" | sed 's/^/# /'; sed 's/^/# /' "$tap_tmp/err"; }

# The test must fail where the sandbox would: the unit without it is
# rated above 2.0 (systemd-analyze's threshold works here).
mkdir -p "$dir/bare"
sed '/^# The sandbox/,/^\[Install\]/{/^\[Install\]/!d}' \
  "$dir/pinav-kiosk@tty1.service" >"$dir/bare/pinav-kiosk@tty1.service"
(cd "$dir/bare" && systemd-analyze security --offline=yes --threshold=20 \
   ./pinav-kiosk@tty1.service) >"$tap_tmp/out" 2>&1
r=$?
score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$tap_tmp/out")
[ $r -ne 0 ]
ok $? "without its sandbox the unit fails that check (rated ${score:-?})"

# What the unit promises docs/kiosk.md.
for line in "Type=idle" "TTYPath=/dev/%I" "Restart=always" \
    "RestartPreventExitStatus=0" "OnFailure=getty@%i.service" \
    "Conflicts=getty@%i.service" "After=getty@%i.service" "User=pinav-kiosk" \
    "LoadCredential=pinav-staff-pin:/etc/pinav/staff-pin" \
    "StandardError=journal" "Before=getty.target"; do
  grep -q -x -F "$line" "$unit"
  ok $? "the unit has $line"
done
grep -q '^After=.*plymouth-quit-wait.service' "$unit" \
  && grep -q '^After=.*systemd-user-sessions.service' "$unit"
ok $? "the unit starts after the boot splash and systemd-user-sessions"

# After the staff exit, a getty: the unit's ExecStopPost= command, as
# systemd would run it for pinav-kiosk@tty1 ($$ is $, %n and %i the
# names), against a systemctl that only notes what it is asked.
cmd=$(sed -n "s/^ExecStopPost=+\/bin\/sh -c '\(.*\)'\$/\1/p" "$unit" \
  | sed -e 's/\$\$/$/g' -e 's/%n/pinav-kiosk@tty1.service/g' -e 's/%i/tty1/g')
[ -n "$cmd" ]
ok $? "the unit has an ExecStopPost= shell command"
mkdir -p "$tap_tmp/bin"
cat >"$tap_tmp/bin/systemctl" <<'STUB'
#!/bin/sh
echo "$*" >>"$STUB_LOG"
if [ "$1" = list-jobs ] && [ -n "$STUB_JOBS" ]; then echo "$STUB_JOBS"; fi
STUB
chmod +x "$tap_tmp/bin/systemctl"
stop_post () { # WHAT EXIT_CODE EXIT_STATUS JOBS EXPECTED
  : >"$tap_tmp/calls"
  env PATH="$tap_tmp/bin:$PATH" STUB_LOG="$tap_tmp/calls" STUB_JOBS="$4" \
    EXIT_CODE="$2" EXIT_STATUS="$3" /bin/sh -c "$cmd"
  if grep -q -x -F -e "--no-block start getty@tty1.service" "$tap_tmp/calls"; then
    got=getty
  else
    got=none
  fi
  [ "$got" = "$5" ]
  ok $? "$1: $5"
}
stop_post "the staff exit (exited 0, no job)" exited 0 "" getty
stop_post "systemctl stop or restart (exited 0, a job)" exited 0 \
  "1234 pinav-kiosk@tty1.service stop running" none
stop_post "a failure to start (exited 65)" exited 65 "" none
stop_post "a crash (killed, SEGV)" dumped SEGV "" none

# The sysusers.d file: the user the unit runs as.
users="$top_srcdir/systemd/pinav.sysusers"
grep -q '^u pinav-kiosk - ".*" /nonexistent /usr/sbin/nologin$' "$users"
ok $? "sysusers.d: pinav-kiosk, no home, nologin"
if command -v systemd-sysusers >/dev/null 2>&1; then
  mkdir -p "$tap_tmp/root/etc" "$tap_tmp/root/usr/lib/sysusers.d"
  cp "$users" "$tap_tmp/root/usr/lib/sysusers.d/pinav.conf"
  systemd-sysusers --dry-run --root="$tap_tmp/root" pinav.conf \
    >"$tap_tmp/out" 2>&1
  r=$?
  grep -q "Creating user '\\?pinav-kiosk" "$tap_tmp/out" || r=1
  ok $r "systemd-sysusers reads it (--dry-run), and would make the user"
  [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/out"
else
  skip "systemd-sysusers reads it" "systemd-sysusers is missing"
fi

done_testing
