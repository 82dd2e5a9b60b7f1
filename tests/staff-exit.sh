#!/bin/sh
# The staff exit by the documented steps (issue 18, point 3): the
# commands of docs/kiosk.md between "staff-steps: begin" and "end" are
# run as written, as root, with /etc/pinav moved into a scratch root and
# systemd-sysusers given --root, inside a private mount namespace (the
# scratch root's passwd and group are bound over the host's there, so
# the host changes nothing).  The PIN is then handed over as systemd's
# LoadCredential= does, and pinav --kiosk runs as the unit's user in a
# pseudo-terminal: F12, the PIN and Enter end it with 0; a wrong PIN
# does not; a PIN file of mode 644 read by pinav itself is refused.
. "${top_srcdir:-.}/tests/tap.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root (it makes a system user and root-owned files, in a private root)"
for t in unshare setpriv systemd-sysusers; do
  command -v $t >/dev/null 2>&1 \
    || skip_all "$t is missing (Debian: apt-get install util-linux systemd)"
done
no_vtdrive && skip_all "$no_vtdrive_why"

if [ "${STAFF_EXIT_INSIDE:-}" != yes ]; then
  # Into a private mount namespace; the script again, inside.
  unshare --mount --propagation private true 2>"$tap_tmp/err" \
    || skip_all "unshare --mount fails here: $(head -1 "$tap_tmp/err")"
  rm -rf "$tap_tmp"
  STAFF_EXIT_INSIDE=yes exec unshare --mount --propagation private /bin/sh "$0" "$@"
fi

vtdrive="${top_builddir:-.}/tests/vtdrive"
scripts="$top_srcdir/tests/staff-exit"
root="$tap_tmp/root"
TERM=xterm-256color
unset CREDENTIALS_DIRECTORY RUNTIME_DIRECTORY
export TERM
# Under --enable-sanitizers: LeakSanitizer stops the process with ptrace
# at exit, which a kiosk's pinav, not dumpable, refuses to its own
# unprivileged user (root may); the leak checks run in tests/kiosk.sh.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
unset LSAN_OPTIONS
export ASAN_OPTIONS

# The kiosk's user must reach pinav, its pack and translations: copies
# in the scratch root (the build tree may be under a private home).
chmod 711 "$tap_tmp"
mkdir -p "$root/etc" "$root/usr/bin" "$root/usr/share/pinav" \
  "$root/usr/lib/sysusers.d" "$root/locale" || exit 99
cp "$PINAV" "$root/usr/bin/pinav" || exit 99
cp "$PINAV_DATADIR"/*.yaml "$root/usr/share/pinav/" || exit 99
cp -R "$PINAV_LOCALEDIR"/. "$root/locale/" || exit 99
chmod -R a+rX "$root"
# A root holding the host's users, and the shipped sysusers.d file as
# the package installs it.
cp /etc/passwd /etc/group "$root/etc/" || exit 99
cp "$top_srcdir/systemd/pinav.sysusers" "$root/usr/lib/sysusers.d/pinav.conf"

# The documented steps, /etc/pinav moved into the root.
sed -n '/<!-- staff-steps: begin -->/,/<!-- staff-steps: end -->/p' \
  "$top_srcdir/docs/kiosk.md" | sed -e '1d' -e '$d' -e 's/^    //' \
  >"$tap_tmp/steps.doc"
[ -s "$tap_tmp/steps.doc" ]
ok $? "docs/kiosk.md has the staff steps between their markers"
sed -e 's/\bsudo //g' -e "s|/etc/pinav|$root/etc/pinav|g" \
  -e "s|systemd-sysusers |systemd-sysusers --root=$root |" \
  "$tap_tmp/steps.doc" >"$tap_tmp/steps.sh"
sed 's/^/# /' "$tap_tmp/steps.sh"
(set -e; . "$tap_tmp/steps.sh") </dev/null >"$tap_tmp/out" 2>"$tap_tmp/err"
r=$?
ok $r "the documented steps run"
[ $r -eq 0 ] || sed 's/^/# err: /' "$tap_tmp/err"

pin="$root/etc/pinav/staff-pin"
[ "$(stat -c '%U:%G %a' "$pin" 2>&1)" = "root:root 600" ]
ok $? "the PIN file is root:root 600 ($(stat -c '%U:%G %a' "$pin" 2>&1))"
[ "$(stat -c '%U:%G %a' "$root/etc/pinav" 2>&1)" = "root:root 755" ]
ok $? "/etc/pinav is root:root 755"
grep -q '^pinav-kiosk:x:[0-9]*:[0-9]*:[^:]*:/nonexistent:/usr/sbin/nologin$' \
  "$root/etc/passwd"
ok $? "systemd-sysusers made pinav-kiosk: home /nonexistent, shell nologin"
grep '^pinav-kiosk:' "$root/etc/passwd" | sed 's/^/# /'
uid=$(awk -F: '$1 == "pinav-kiosk" { print $3 }' "$root/etc/passwd")
gid=$(awk -F: '$1 == "pinav-kiosk" { print $4 }' "$root/etc/passwd")
[ -n "$uid" ] && [ "$uid" -gt 0 ] && [ "$uid" -lt 1000 ]
ok $? "a system user (uid $uid, gid $gid)"
[ -n "$uid" ] || { done_testing; exit 1; }
# The scratch root's users, as the host's, in this namespace only.
mount --bind "$root/etc/passwd" /etc/passwd \
  && mount --bind "$root/etc/group" /etc/group
ok $? "the root's passwd and group bound over the host's, in private"

# As the unit: the service's user, no supplementary groups, no new
# privileges, TERM, LANG, SHELL as the unit sets them.
kiosk () { # SCRIPT WHAT ENV=... [OPTION...]
  k_script=$1 k_what=$2
  shift 2
  "$vtdrive" --size=80x24 --timeout=10 --term=linux "$scripts/$k_script.vt" \
    -- setpriv --reuid=pinav-kiosk --regid=pinav-kiosk --clear-groups \
       --no-new-privs env LANG=C.UTF-8 SHELL=/usr/sbin/nologin \
       PINAV_DATADIR="$root/usr/share/pinav" PINAV_PACKBIN= \
       PINAV_LOCALEDIR="$root/locale" "$@" \
    >"$tap_tmp/out" 2>"$tap_tmp/err"
  r=$?
  ok $r "$k_what"
  [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/err" | head -40
}

# LoadCredential=pinav-staff-pin:/etc/pinav/staff-pin: systemd copies
# the file into a directory of its own, read-only, the copy root's with
# mode 0400 and an ACL entry for the user, or without ACLs the user's
# own with mode 0400.
credential () { # DIR acl|owned
  mkdir -p "$1" && cp "$pin" "$1/pinav-staff-pin" || return 1
  if [ "$2" = acl ]; then
    chown root:root "$1" "$1/pinav-staff-pin" && chmod 0500 "$1" \
      && chmod 0400 "$1/pinav-staff-pin" \
      && setfacl -m u:pinav-kiosk:rx "$1" \
      && setfacl -m u:pinav-kiosk:r "$1/pinav-staff-pin"
  else
    chown pinav-kiosk:pinav-kiosk "$1" "$1/pinav-staff-pin" \
      && chmod 0500 "$1" && chmod 0400 "$1/pinav-staff-pin"
  fi
}

for how in acl owned; do
  cred="$tap_tmp/credentials-$how/pinav-kiosk@tty1.service"
  if [ $how = acl ] && ! command -v setfacl >/dev/null 2>&1; then
    skip "the credential with an ACL" "setfacl is missing (Debian: apt-get install acl)"
    continue
  fi
  mkdir -p "$tap_tmp/credentials-$how" && chmod 755 "$tap_tmp/credentials-$how"
  if ! credential "$cred" $how 2>"$tap_tmp/err"; then
    skip "the credential ($how)" "cannot make it here: $(head -1 "$tap_tmp/err")"
    continue
  fi
  kiosk right "credential ($how, $(stat -c '%U %a' "$cred/pinav-staff-pin")): F12, the PIN, Enter end pinav with 0" \
    env CREDENTIALS_DIRECTORY="$cred" "$root/usr/bin/pinav" --kiosk
  kiosk wrong "credential ($how): a wrong PIN and Enter leave pinav running" \
    env CREDENTIALS_DIRECTORY="$cred" "$root/usr/bin/pinav" --kiosk
done

# A PIN file pinav reads itself, made with the wrong mode: refused, and
# said why on standard error (the journal, under systemd).
cp "$pin" "$root/etc/pinav/kiosk-pin"
chown pinav-kiosk:pinav-kiosk "$root/etc/pinav/kiosk-pin"
chmod 644 "$root/etc/pinav/kiosk-pin"
kiosk refused "a mode 644 PIN file: F12 opens no prompt" \
  "$root/usr/bin/pinav" --kiosk --staff-pin-file="$root/etc/pinav/kiosk-pin"
setpriv --reuid=pinav-kiosk --regid=pinav-kiosk --clear-groups \
  env PINAV_DATADIR="$root/usr/share/pinav" PINAV_PACKBIN= \
  "$root/usr/bin/pinav" --kiosk --plain \
  --staff-pin-file="$root/etc/pinav/kiosk-pin" </dev/null >/dev/null \
  2>"$tap_tmp/err"
grep -q -F "$root/etc/pinav/kiosk-pin: its group or others may use it (chmod 600 it); there is no staff exit" "$tap_tmp/err"
r=$?
ok $r "a mode 644 PIN file: the message names it and says why"
sed 's/^/# err: /' "$tap_tmp/err"
chmod 600 "$root/etc/pinav/kiosk-pin"
kiosk right "the same file, mode 600 as documented: the staff exit works" \
  "$root/usr/bin/pinav" --kiosk --staff-pin-file="$root/etc/pinav/kiosk-pin"

done_testing
