# tap.sh - helpers for TAP shell tests.  Source it, then call run and
# the assertions, then done_testing.
tap_n=0
tap_failed=0
tap_tmp=$(mktemp -d "${TMPDIR:-/tmp}/pinav-test.XXXXXX") || exit 99
trap 'rm -rf "$tap_tmp"' EXIT

# ok COND DESCRIPTION: report one test point; COND is an exit status.
ok () {
  tap_n=$((tap_n + 1))
  if [ "$1" -eq 0 ]; then
    echo "ok $tap_n - $2"
  else
    echo "not ok $tap_n - $2"
    tap_failed=$((tap_failed + 1))
  fi
}

# run CMD...: run a command with no input, keep its output and status.
run () {
  "$@" </dev/null >"$tap_tmp/out" 2>"$tap_tmp/err"
  tap_status=$?
}

is_status () {
  [ "$tap_status" -eq "$1" ]; r=$?
  ok $r "$2"
  [ $r -eq 0 ] || { echo "# status $tap_status, expected $1"; sed 's/^/# /' "$tap_tmp/err" | head -20; }
}

has_out () { grep -q -e "$1" "$tap_tmp/out"; r=$?; ok $r "$2"; [ $r -eq 0 ] || sed 's/^/# out: /' "$tap_tmp/out" | head -40; }
lacks_out () { ! grep -q -e "$1" "$tap_tmp/out"; ok $? "$2"; }
has_err () { grep -q -F -e "$1" "$tap_tmp/err"; r=$?; ok $r "$2"; [ $r -eq 0 ] || sed 's/^/# err: /' "$tap_tmp/err" | head -20; }
is_empty_err () { [ ! -s "$tap_tmp/err" ]; r=$?; ok $r "$1"; [ $r -eq 0 ] || sed 's/^/# err: /' "$tap_tmp/err" | head -20; }

# skip DESCRIPTION REASON: a test point not run here, and why.
skip () {
  tap_n=$((tap_n + 1))
  echo "ok $tap_n - $1 # SKIP $2"
}

# skip_all REASON: the whole script is not run here (the TAP driver's
# "1..0 # SKIP": automake then counts it as skipped, as exit 77 does
# under its plain driver).
skip_all () {
  echo "1..0 # SKIP $1"
  exit 0
}

# no_vtdrive: true when the screen test driver, tests/vtdrive, was not
# built (configure found no libvterm, or was told --without-libvterm);
# $no_vtdrive_why then says so.
no_vtdrive () {
  if [ "${PINAV_HAVE_VTERM:-yes}" = no ]; then
    no_vtdrive_why="configure found no libvterm (or was given --without-libvterm), so tests/vtdrive was not built"
    return 0
  fi
  if [ ! -x "${top_builddir:-.}/tests/vtdrive" ]; then
    no_vtdrive_why="tests/vtdrive was not built"
    return 0
  fi
  return 1
}

done_testing () {
  echo "1..$tap_n"
  [ "$tap_failed" -eq 0 ]
}
