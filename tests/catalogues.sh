#!/bin/sh
# Translation catalogues (issue 15).  F3: pinav checks every catalogue
# gettext may open before gettext reads it, and refuses a damaged one:
# English, one line on stderr naming it, never a crash or a hang; the
# catalogues of other languages (en among them) are never opened,
# whatever LANGUAGE says.  F4: translated separators of any length.
# (tests/mutate.sh damages the catalogues 2,000 ways more;
# tests/unit-mocheck each rule of the check.)
. "${top_srcdir:-.}/tests/tap.sh"

t="$tap_tmp"
data="$top_srcdir/data"
localedir="$top_builddir/locale"
po="$top_srcdir/po/zh_CN.po"
limit="$top_builddir/tests/runlimit 20 1024"

# pinav ARG...: run pinav within 20 s (a hang is status 124), stdin
# $t/in, into $t/out and $t/err; PINAV_LOCALEDIR is $loc.
pinav () {
  $limit sh -c 'exec "$@" <"$0/in" >"$0/out" 2>"$0/err"' "$t" \
    env PINAV_LOCALEDIR="$loc" "$PINAV" "$@" 2>"$t/limit"
  tap_status=$?
}

# mkloc DIR: a locale directory with the build's catalogues in zh_CN.
mkloc () {
  mkdir -p "$1/zh_CN/LC_MESSAGES"
  cp "$localedir"/zh_CN/LC_MESSAGES/*.mo "$1/zh_CN/LC_MESSAGES/"
}

# mkloc_po DIR SED: mkloc, with pinav.mo made from po/zh_CN.po edited
# by the sed script SED (without msgfmt -c, which would refuse it).
mkloc_po () {
  mkloc "$1"
  sed "$2" "$po" >"$t/edit.po"
  msgfmt -o "$1/zh_CN/LC_MESSAGES/pinav.mo" "$t/edit.po"
}

# english WHAT: the last run exited 0 and spoke English; the lines on
# stderr are $lines, each naming a damaged file ($bad, if set).
english () {
  [ "$tap_status" -eq 0 ] && grep -q "$marker" "$t/out" \
    && ! grep -q '输入\|用法' "$t/out"
  r=$?
  ok $r "$1: English, exit 0"
  [ $r -eq 0 ] || { echo "# status $tap_status"; head -3 "$t/err" | sed 's/^/# /'; }
  n=$(wc -l <"$t/err")
  [ "$n" -eq "$lines" ] \
    && { [ -z "${bad:-}" ] || grep -q -F "$bad: a damaged translation file (" "$t/err"; }
  r=$?
  ok $r "$1: $lines line(s) on stderr${bad:+, naming the file}"
  [ $r -eq 0 ] || sed 's/^/# err: /' "$t/err" | head -5
}

# refused WHAT LOC FILE WHY: with the catalogues of LOC, FILE (under
# it) damaged, Chinese asked for: a session with help, pages and a
# search in Chinese; and --help.  English each time, and one line that
# names FILE and says WHY.
refused () {
  loc=$2 bad="$2/$3" lines=1
  marker='Type a number from 1 to'
  printf '?\nt\n1\n1\nt\n/干细胞\n1\nq\n' >"$t/in"
  pinav --data="$data" --lang=zh_CN --plain --width=72
  english "$1"
  grep -q -F "$4" "$t/err"; ok $? "$1: the line says why ($4)"
  : >"$t/in"
  marker='^Usage: pinav'
  pinav --lang=zh_CN --help
  english "$1, --help"
  bad=
}

# F3: the attack review's cases, each of which crashed pinav.
mkloc "$t/rev"
f="$t/rev/zh_CN/LC_MESSAGES/pinav.mo"
head -c 3000 "$localedir/zh_CN/LC_MESSAGES/pinav.mo" >"$f"
printf '\000\000\001\000' | dd of="$f" bs=1 seek=4 conv=notrunc 2>/dev/null
refused "F3: revision 0x00010000, cut short (it skipped the check)" \
  "$t/rev" zh_CN/LC_MESSAGES/pinav.mo "a table that is not inside the file"

mkloc "$t/ins"
f="$t/ins/zh_CN/LC_MESSAGES/pinav-content.mo"
{ head -c 40000 "$localedir/zh_CN/LC_MESSAGES/pinav-content.mo"
  printf 'inserted bytes'
  tail -c +40001 "$localedir/zh_CN/LC_MESSAGES/pinav-content.mo"; } >"$f"
refused "F3: bytes inserted into the content's catalogue (vasprintf in a search)" \
  "$t/ins" zh_CN/LC_MESSAGES/pinav-content.mo "string"

mkloc_po "$t/pct-n" '/^msgid "Usage: %s \[OPTION\]\.\.\.\\n"$/{n;s/%s/%n/;}'
refused "F3: --help's %s turned into %n" "$t/pct-n" \
  zh_CN/LC_MESSAGES/pinav.mo "printf's n conversion, which writes to memory"

mkloc_po "$t/pct-ss" '/^msgid "Search: %s"$/{n;s/%s/%s%s/;}'
refused "F3: the search's %s turned into %s%s" "$t/pct-ss" \
  zh_CN/LC_MESSAGES/pinav.mo "takes other printf arguments than its original"

mkloc_po "$t/plural" '/^msgid_plural "%zu results"$/{n;s/%zu/%s/;}'
refused "F3: ngettext's %zu turned into %s in a plural form" "$t/plural" \
  zh_CN/LC_MESSAGES/pinav.mo "takes other printf arguments than its original"

mkloc_po "$t/div0" 's/plural=0;/plural=n\/0;/'
refused "F3: Plural-Forms n/0 (SIGFPE at a search's count)" "$t/div0" \
  zh_CN/LC_MESSAGES/pinav.mo "plural forms pinav does not know"

mkloc_po "$t/esc" '/^msgid "Search: %s"$/{n;s/：/\\033[2J/;}'
refused "F3: a translation with ESC" "$t/esc" zh_CN/LC_MESSAGES/pinav.mo \
  "a translation that is not UTF-8, or has a control character"

mkloc "$t/gb"
msgconv --to-code=GB18030 "$po" >"$t/gb.po" 2>/dev/null
msgfmt -o "$t/gb/zh_CN/LC_MESSAGES/pinav.mo" "$t/gb.po"
refused "F3: a catalogue in GB18030" "$t/gb" zh_CN/LC_MESSAGES/pinav.mo \
  "a character set other than UTF-8"

mkloc "$t/fifo"
rm "$t/fifo/zh_CN/LC_MESSAGES/pinav.mo"
mkfifo "$t/fifo/zh_CN/LC_MESSAGES/pinav.mo"
refused "F3: a FIFO for pinav.mo (not waited on)" "$t/fifo" \
  zh_CN/LC_MESSAGES/pinav.mo "not a regular file"

# gettext looks in zh for what zh_CN's catalogue lacks: zh's is checked.
mkloc "$t/zh"
mkdir -p "$t/zh/zh/LC_MESSAGES"
head -c 5000 "$localedir/zh_CN/LC_MESSAGES/pinav-content.mo" \
  >"$t/zh/zh/LC_MESSAGES/pinav-content.mo"
refused "F3: a damaged catalogue in zh, where gettext looks next" "$t/zh" \
  zh/LC_MESSAGES/pinav-content.mo "a table that is not inside the file"

# The catalogues gettext never opens: en's (English is the msgid), and
# other languages', whatever LANGUAGE says.  Damaged, and FIFOs that
# would hang whoever opened them.
loc="$t/others" lines=0 bad=
mkloc "$loc"
for l in en en_US fr zh_TW C; do
  mkdir -p "$loc/$l/LC_MESSAGES"
  cp "$t/rev/zh_CN/LC_MESSAGES/pinav.mo" "$loc/$l/LC_MESSAGES/pinav.mo"
  mkfifo "$loc/$l/LC_MESSAGES/pinav-content.mo"
done
: >"$t/in"
marker='^Usage: pinav'
pinav --help
english "F3: en's catalogues damaged: --help never opens them"
LANGUAGE=en_US:fr:zh_TW LANG=fr_FR.UTF-8 pinav --lang=en --help
english "F3: LANGUAGE=en_US:fr:zh_TW --lang=en --help"
marker='Type a number from 1 to'
printf '?\nt\n1\n1\nt\n/knee\n1\nq\n' >"$t/in"
LANGUAGE=fr:en pinav --data="$data" --plain
english "F3: LANGUAGE=fr:en, plain mode"
printf '?\nt\n1\n1\nt\n/干细胞\n1\nq\n' >"$t/in"
LANGUAGE=zh_TW:fr:en:C pinav --data="$data" --lang=zh_CN --plain
[ "$tap_status" -eq 0 ] && grep -q '输入 1 到\|请输入' "$t/out" && [ ! -s "$t/err" ]
ok $? "F3: LANGUAGE=zh_TW:fr:en:C --lang=zh_CN: Chinese from zh_CN alone"
LANGUAGE=zh_TW:fr pinav --data="$data" --plain
[ "$tap_status" -eq 0 ] && grep -q '输入 1 到\|请输入' "$t/out" && [ ! -s "$t/err" ]
ok $? "F3: LANGUAGE=zh_TW:fr: Chinese from zh_CN alone"

# Choosing 中文 on the language screen, its catalogues damaged: said on
# the screen, and on stderr; the screen stays English.
loc="$t/pct-n"
printf '2\n' >"$t/in"
pinav --data="$data" --lang=ask --plain
grep -q '^That language is not available: its translation files are damaged\.$' "$t/out" \
  && grep -q '^Type 1 or 2, then Enter' "$t/out" && [ "$(wc -l <"$t/err")" -eq 1 ]
ok $? "F3: 中文 chosen, its catalogue refused: a message, English, one line on stderr"

# F4: ". ", "; " and ": " translated 40 characters long (120 bytes):
# every page of the bundled pack, its tables and lists, in plain mode.
# Under ASan (./configure --enable-sanitizers) an overflow is an error;
# otherwise glibc's malloc check catches one, where it is installed.
forty () { printf "%.0s$1" 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 \
  21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40; }
a=$(forty 句) b=$(forty 分) c=$(forty 冒)
mkloc_po "$t/long" "/^msgid \"\\. \"\$/{n;s/\"。\"/\"$a\"/;}
/^msgid \"; \"\$/{n;s/\"；\"/\"$b\"/;}
/^msgid \": \"\$/{n;s/\"：\"/\"$c\"/;}"
mcheck=
lib=$(ls /usr/lib/*/libc_malloc_debug.so.0 /lib/*/libc_malloc_debug.so.0 \
        2>/dev/null | head -1)
if [ -n "$lib" ] && ! ldd "$PINAV" 2>/dev/null | grep -q libasan; then
  mcheck="LD_PRELOAD=$lib GLIBC_TUNABLES=glibc.malloc.check=3"
fi
PINAV_LOCALEDIR="$localedir" "$top_builddir/tests/plain-crawl" "$data" zh_CN >"$t/in"
loc="$t/long"
$limit sh -c 'exec env $1 PINAV_LOCALEDIR="$2" "$3" --data="$4" --lang=zh_CN \
  --plain --width=0 <"$0/in" >"$0/out" 2>"$0/err"' "$t" "$mcheck" "$loc" \
  "$PINAV" "$data" 2>"$t/limit"
tap_status=$?
[ "$tap_status" -eq 0 ] && [ ! -s "$t/err" ]
r=$?
ok $r "F4: separators of 40 characters: every page in plain mode, exit 0, nothing on stderr${mcheck:+ (glibc's malloc check)}"
[ $r -eq 0 ] || { echo "# status $tap_status"; head -5 "$t/err" | sed 's/^/# /'; }
rows=$(grep -c "$a.*$c.*$b.*$c" "$t/out")
[ "$rows" -gt 0 ]; ok $? "F4: table rows carry the whole separators ($rows rows)"

done_testing
