#!/bin/sh
# Installing (issue 18): nothing of the build tree is compiled into
# pinav, which finds an uninstalled pack and translations only through
# PINAV_DATADIR, PINAV_PACKBIN and PINAV_LOCALEDIR; the manual names the
# configured places, not the source tree's.  make installcheck (which
# make distcheck runs) tries the installed pinav itself.
. "${top_srcdir:-.}/tests/tap.sh"

# The build tree's paths, as a program would hold them.  The debugging
# information names the directory it was compiled in (DW_AT_comp_dir):
# that is for debuggers and goes with strip, so it is left out.
bin="$tap_tmp/pinav"
if command -v objcopy >/dev/null 2>&1; then
  objcopy --strip-debug "$PINAV" "$bin" || exit 99
  what="without its debugging information"
else
  cp "$PINAV" "$bin" || exit 99
  what="(objcopy missing: debugging information included)"
fi
for dir in "$abs_top_builddir" "$abs_top_srcdir"; do
  [ "${#dir}" -gt 1 ] || continue
  n=$(LC_ALL=C grep -a -c -F -e "$dir" "$bin")
  [ "$n" -eq 0 ]; ok $? "src/pinav $what holds no '$dir' ($n lines)"
  [ "$n" -eq 0 ] || LC_ALL=C strings "$bin" | grep -F -e "$dir" | sed 's/^/# /'
done

# The uninstalled pinav: the build tree's pack, compiled pack and
# translations through the environment (as ./pre-inst-env gives them).
run "$PINAV" --lang=zh_CN --dump --width=0
is_status 0 "uninstalled: PINAV_DATADIR's pack"
has_out "骨质疏松症" "uninstalled: PINAV_LOCALEDIR's translations"
run env PINAV_DATADIR="$tap_tmp/no-such-dir" "$PINAV" --dump
is_status 65 "PINAV_DATADIR names the pack's directory"
has_err "no-such-dir" "and a missing one is named"
run env PINAV_DATADIR= PINAV_LOCALEDIR= PINAV_PACKBIN= "$PINAV" --version
is_status 0 "empty variables: the installed places (--version runs)"

# The manual as built: the configured places, no placeholder left, and
# no path of the source tree.
man="$top_builddir/docs/pinav.1"
! grep -n -e '@[a-zA-Z_]*@' "$man" | grep -v 'bugs@example' >"$tap_tmp/d"
ok $? "docs/pinav.1: every @placeholder@ of docs/pinav.1.in replaced"
sed 's/^/# /' "$tap_tmp/d"
! grep -n -e 'docs/' "$man" >"$tap_tmp/d"
ok $? "docs/pinav.1 names no file of the source tree"
sed 's/^/# /' "$tap_tmp/d"
! grep -n -e '/usr/' -e '/share/' "$top_srcdir/docs/pinav.1.in" >"$tap_tmp/d"
ok $? "docs/pinav.1.in names no installed place itself: configure's, at make time"
sed 's/^/# /' "$tap_tmp/d"
grep -q -e '/kiosk\.md' "$man"
ok $? "docs/pinav.1 points to the installed kiosk guide"
man="$top_builddir/docs/pinav-packc.1"
! grep -n -e '@[a-zA-Z_]*@' -e 'docs/' "$man" >"$tap_tmp/d"
ok $? "docs/pinav-packc.1: every @placeholder@ replaced, no file of the source tree"
sed 's/^/# /' "$tap_tmp/d"

done_testing
