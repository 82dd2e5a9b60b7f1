#!/bin/sh
# The four catalogues and templates (both text domains), and the
# compiled catalogues, as i18nspector (Debian's gettext checker) sees
# them.  It reports nothing but what follows from pinav having no
# public address for bug reports (README, "Translations"): the
# Report-Msgid-Bugs-To field is left out, and the Last-Translator is
# the team without an address, rather than a placeholder address.  Any
# other tag fails.
. "${top_srcdir:-.}/tests/tap.sh"

command -v i18nspector >/dev/null 2>&1 \
  || skip_all "i18nspector was not found (Debian: apt-get install i18nspector)"

# The tags that the missing address explains, and nothing else.
allowed='^[WI]: [^ ]*: (no-report-msgid-bugs-to-header-field|invalid-last-translator '"'"'pinav developers'"'"'|boilerplate-in-initial-comments '"'"'Copyright \(C\) YEAR the pinav developers'"'"')$'

for f in po/zh_CN.po po/pinav.pot data/po/zh_CN.po data/po/pinav-content.pot \
         po/zh_CN.gmo data/po/zh_CN.gmo; do
  path=$top_srcdir/$f
  [ -f "$path" ] || path=$top_builddir/$f
  if [ ! -f "$path" ]; then
    # po/pinav.pot is made by the build (po/Makefile), not kept in git.
    skip "i18nspector: $f" "$f was not built here"
    continue
  fi
  i18nspector "$path" >"$tap_tmp/tags" 2>&1
  grep -v -E "$allowed" "$tap_tmp/tags" >"$tap_tmp/other"
  [ ! -s "$tap_tmp/other" ]; r=$?
  ok $r "i18nspector: $f has no tag but the missing bug address's"
  [ $r -eq 0 ] || sed 's/^/# /' "$tap_tmp/other"
done

# The content template is a template: its date is there, and the fields
# a translator fills in are xgettext's placeholders.
grep -q '^"POT-Creation-Date: [0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]+0000\\n"$' \
  "$top_srcdir/data/po/pinav-content.pot"
ok $? "the content template has a POT-Creation-Date"
grep -q '^"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"$' \
  "$top_srcdir/data/po/pinav-content.pot"
ok $? "the content template has the PO-Revision-Date placeholder"

# No placeholder address anywhere a user or translator reads it.
run "$PINAV" --help
lacks_out 'example\.invalid' "--help names no placeholder address"
grep -l 'example\.invalid' "$top_srcdir"/po/*.po "$top_srcdir"/data/po/*.po \
  "$top_srcdir"/data/po/*.pot "$top_builddir/docs/pinav.1" >"$tap_tmp/ph" 2>/dev/null
[ ! -s "$tap_tmp/ph" ]; ok $? "no catalogue or manual names a placeholder address"

done_testing
