/* unit-kiosk.c - the staff PIN file, and the kiosk's timers (idle
   warning, reset, PIN prompt, lock-out) on a made-up clock.  */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "staff.h"
#include "tap.h"
#include "tui_kiosk.h"

#define S 1000LL                /* a second, in the clock's unit */

static char dir[256];

/* Write TEXT to the file NAME in DIR with MODE; return its path.  */
static const char *
put (const char *name, const char *text, mode_t mode)
{
  static char path[512];
  snprintf (path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen (path, "w");
  if (!f)
    abort ();
  fputs (text, f);
  fclose (f);
  chmod (path, mode);
  return path;
}

/* Whether PATH is refused, with a message.  */
static int
refused (const char *path)
{
  struct staff_pin pin;
  FILE *err = tmpfile ();
  bool ok = staff_pin_load (&pin, path, false, err);
  long n = ftell (err);
  fclose (err);
  return !ok && !pin.set && n > 0;
}

/* Give PATH (mode 0400) an ACL: read for USER_ID, and read for its
   group when GROUP_READ, as systemd does for a credential.
   @retval 0, or an errno (ENOTSUP: no ACLs here).  */
static int
put_acl (const char *path, unsigned user_id, bool group_read)
{
  unsigned entries[][3] = {
    { 0x01, 4, 0xffffffffu },           /* the owner: r */
    { 0x02, 4, user_id },               /* the user: r */
    { 0x04, group_read ? 4 : 0, 0xffffffffu },  /* the group */
    { 0x10, 4, 0xffffffffu },           /* the mask: r */
    { 0x20, 0, 0xffffffffu },           /* others: none */
  };
  unsigned char buf[4 + 8 * 5] = { 2, 0, 0, 0 };
  for (size_t i = 0; i < 5; i++)
    for (int b = 0; b < 8; b++)
      buf[4 + i * 8 + b] = b < 2 ? entries[i][0] >> (8 * b)
                           : b < 4 ? entries[i][1] >> (8 * (b - 2))
                           : entries[i][2] >> (8 * (b - 4));
  return setxattr (path, "system.posix_acl_access", buf, sizeof buf, 0) == 0
         ? 0 : errno;
}

/* A credential as systemd leaves it: root's (here: ours), mode 0400,
   and an ACL entry for the service's user.  */
static void
test_pin_acl (void)
{
  struct staff_pin pin;
  struct stat st;
  const char *path = put ("cred", "4321\n", 0400);
  int e = put_acl (path, (unsigned) geteuid (), false);
  if (e == ENOTSUP || e == EOPNOTSUPP)
    {
      for (int i = 0; i < 3; i++)
        tap_ok (1, "ACLs # SKIP no ACLs in %s", dir);
      return;
    }
  tap_ok (e == 0 && stat (path, &st) == 0 && (st.st_mode & 0777) == 0440
          && staff_pin_load (&pin, path, false, stderr),
          "a 0400 file whose ACL lets only us read it (stat: 0440) is taken");
  path = put ("cred-other", "4321\n", 0400);
  tap_ok (geteuid () == 65534
          || (put_acl (path, 65534, false) == 0 && refused (path)),
          "an ACL that lets another user read it is refused");
  path = put ("cred-group", "4321\n", 0400);
  tap_ok (put_acl (path, (unsigned) geteuid (), true) == 0 && refused (path),
          "an ACL that lets the group read it is refused");
}

static void
test_pin_file (void)
{
  struct staff_pin pin;
  char typed[STAFF_PIN_MAX + 1] = "4321";
  tap_ok (staff_pin_load (&pin, put ("good", "4321\n", 0600), false, stderr),
          "a 0600 file with 4 digits and a newline is taken");
  tap_ok (staff_pin_matches (&pin, typed), "the right PIN matches");
  memcpy (typed, "4322", 4);
  tap_ok (!staff_pin_matches (&pin, typed), "a wrong digit does not");
  memcpy (typed, "43210", 5);
  tap_ok (!staff_pin_matches (&pin, typed), "a longer PIN does not");
  memset (typed, 0, sizeof typed);
  memcpy (typed, "432", 3);
  tap_ok (!staff_pin_matches (&pin, typed), "a prefix does not");
  staff_pin_clear (&pin);
  memcpy (typed, "4321", 4);
  tap_ok (!pin.set && !staff_pin_matches (&pin, typed),
          "a cleared PIN matches nothing");
  tap_ok (staff_pin_load (&pin, put ("twelve", "123456789012", 0400), false,
                          stderr), "12 digits, no newline, mode 0400");
  tap_ok (refused (put ("open", "4321\n", 0644)), "mode 0644 is refused");
  tap_ok (refused (put ("group", "4321\n", 0640)), "mode 0640 is refused");
  tap_ok (refused (put ("short", "123\n", 0600)), "3 digits are refused");
  tap_ok (refused (put ("long", "1234567890123\n", 0600)),
          "13 digits are refused");
  tap_ok (refused (put ("letters", "12a4\n", 0600)), "a letter is refused");
  tap_ok (refused (put ("lines", "1234\n\n", 0600)), "two newlines are refused");
  tap_ok (refused (put ("space", " 1234\n", 0600)), "a blank is refused");
  tap_ok (refused (put ("empty", "", 0600)), "an empty file is refused");
  char link[300];
  snprintf (link, sizeof link, "%s/link", dir);
  tap_ok (symlink ("good", link) == 0 && refused (link),
          "a symbolic link to a good file is refused");
  tap_ok (refused (dir), "a directory is refused");
  tap_ok (refused ("/dev/null"), "a device is refused");
  const char *other = put ("other", "4321\n", 0600);
  if (geteuid () == 0)
    tap_ok (chown (other, 65534, 65534) == 0 && refused (other),
            "a file of another user (not root) is refused");
  else
    tap_ok (1, "a file of another user is refused # SKIP not root");
  snprintf (link, sizeof link, "%s/none", dir);
  tap_ok (refused (link), "a missing file is reported");
  tap_ok (!staff_pin_load (&pin, link, true, stderr) && !pin.set,
          "... and not reported when it is only the default");
}

static struct app
app_with (struct staff_pin *pin, unsigned idle)
{
  struct app a = { NULL, 0, true, idle, "lang", "en", pin };
  return a;
}

static enum tui_kiosk_act
type (struct tui_kiosk *k, long long now, const char *s)
{
  enum tui_kiosk_act act = TK_PASS;
  for (; *s; s++)
    act = tui_kiosk_key (k, now, OK, (wint_t) (*s == '\r' ? '\n' : *s));
  return act;
}

static void
test_idle (void)
{
  struct tui_kiosk k;
  struct app a = app_with (NULL, 5);
  tui_kiosk_init (&k, &a, 0);
  tap_ok (tui_kiosk_tick (&k, 3600 * S) == TK_PASS
          && tui_kiosk_countdown (&k, 3600 * S) < 0,
          "an untouched start screen waits for ever");
  tap_ok (tui_kiosk_key (&k, 10 * S, OK, 'j') == TK_PASS,
          "a key passes to the navigator");
  tap_ok (tui_kiosk_tick (&k, 14 * S) == TK_PASS, "no warning before 5 s");
  tap_ok (tui_kiosk_tick (&k, 15 * S) == TK_TAKEN
          && tui_kiosk_countdown (&k, 15 * S) == 30,
          "the warning at 5 s, counting down from 30");
  tap_ok (tui_kiosk_countdown (&k, 15 * S + 1) == 30
          && tui_kiosk_countdown (&k, 16 * S + 1) == 29,
          "the countdown goes down each second");
  tap_ok (tui_kiosk_key (&k, 20 * S, KEY_CODE_YES, KEY_RESIZE) == TK_PASS
          && tui_kiosk_countdown (&k, 20 * S) == 25,
          "a resize is no answer");
  tap_ok (tui_kiosk_key (&k, 21 * S, OK, 'q') == TK_TAKEN
          && tui_kiosk_countdown (&k, 21 * S) < 0,
          "any key dismisses the warning, and is taken");
  tap_ok (tui_kiosk_tick (&k, 26 * S) == TK_TAKEN, "5 s later it warns again");
  tap_ok (tui_kiosk_tick (&k, 55 * S) == TK_TAKEN
          && tui_kiosk_countdown (&k, 55 * S) == 1, "29 s on, 1 s is left");
  tap_ok (tui_kiosk_tick (&k, 56 * S) == TK_RESET, "at 30 s: the reset");
  tap_ok (tui_kiosk_tick (&k, 3600 * S) == TK_PASS,
          "after the reset it waits for the next patient");

  a = app_with (NULL, 1);
  tui_kiosk_init (&k, &a, 0);
  tui_kiosk_key (&k, 0, OK, 'j');
  tui_kiosk_tick (&k, 1 * S);
  tap_ok (tui_kiosk_tick (&k, 20 * S) == TK_TAKEN
          && tui_kiosk_countdown (&k, 20 * S) == 11,
          "--idle=1: the warning still lasts 30 s (WCAG 2.2.1)");
  a = app_with (NULL, 0);
  tui_kiosk_init (&k, &a, 0);
  tui_kiosk_key (&k, 0, OK, 'j');
  tap_ok (tui_kiosk_tick (&k, 86400 * S) == TK_PASS, "--idle=0: never");
}

static void
test_staff (void)
{
  struct staff_pin pin;
  struct tui_kiosk k;
  char stars[STAFF_PIN_MAX + 1];
  staff_pin_load (&pin, put ("good", "4321\n", 0600), false, stderr);

  struct app a = app_with (NULL, 120);
  tui_kiosk_init (&k, &a, 0);
  tap_ok (tui_kiosk_key (&k, S, KEY_CODE_YES, KEY_F (12)) == TK_PASS
          && !tui_kiosk_stars (&k, stars), "no PIN: F12 does nothing");
  a = app_with (&pin, 120);
  a.kiosk = false;
  tui_kiosk_init (&k, &a, 0);
  tap_ok (tui_kiosk_key (&k, S, KEY_CODE_YES, KEY_F (12)) == TK_PASS,
          "outside a kiosk: F12 does nothing");

  a = app_with (&pin, 120);
  tui_kiosk_init (&k, &a, 0);
  tap_ok (tui_kiosk_key (&k, S, KEY_CODE_YES, KEY_F (12)) == TK_TAKEN
          && strcmp (tui_kiosk_stars (&k, stars), "") == 0,
          "F12 opens the PIN prompt");
  type (&k, S, "43x2");
  tap_ok (strcmp (tui_kiosk_stars (&k, stars), "***") == 0,
          "digits echo as stars; other keys are ignored");
  tui_kiosk_key (&k, S, KEY_CODE_YES, KEY_BACKSPACE);
  tap_ok (strcmp (tui_kiosk_stars (&k, stars), "**") == 0,
          "Backspace takes one back");
  tap_ok (type (&k, S, "21\r") == TK_EXIT, "the right PIN leaves");

  tui_kiosk_init (&k, &a, 0);
  tui_kiosk_key (&k, S, KEY_CODE_YES, KEY_F (12));
  type (&k, S, "12");
  tui_kiosk_key (&k, S, OK, 27);
  tap_ok (!tui_kiosk_stars (&k, stars), "Esc closes the prompt");
  tui_kiosk_key (&k, S, KEY_CODE_YES, KEY_F (12));
  type (&k, S, "12");
  tap_ok (tui_kiosk_tick (&k, 10 * S) == TK_PASS
          && tui_kiosk_tick (&k, 11 * S) == TK_TAKEN
          && !tui_kiosk_stars (&k, stars), "10 s without a key close it");
  tui_kiosk_key (&k, 12 * S, KEY_CODE_YES, KEY_F (12));
  tap_ok (strcmp (tui_kiosk_stars (&k, stars), "") == 0,
          "and what was typed is gone");
  tui_kiosk_key (&k, 12 * S, OK, 27);

  for (int i = 0; i < 3; i++)
    {
      tui_kiosk_key (&k, 20 * S, KEY_CODE_YES, KEY_F (12));
      tap_ok (type (&k, 20 * S, "1234\r") == TK_TAKEN
              && !tui_kiosk_stars (&k, stars),
              "wrong PIN %d: the prompt closes, nothing else", i + 1);
    }
  tap_ok (tui_kiosk_key (&k, 21 * S, KEY_CODE_YES, KEY_F (12)) == TK_PASS
          && !tui_kiosk_stars (&k, stars), "after 3 wrong PINs F12 is refused");
  tap_ok (tui_kiosk_key (&k, 319 * S, KEY_CODE_YES, KEY_F (12)) == TK_PASS,
          "still refused after 4 minutes 59 s");
  tap_ok (tui_kiosk_key (&k, 320 * S, KEY_CODE_YES, KEY_F (12)) == TK_TAKEN
          && type (&k, 320 * S, "4321\n") == TK_EXIT,
          "after 5 minutes F12 works again");
  staff_pin_clear (&pin);
}

int
main (void)
{
  const char *tmp = getenv ("TMPDIR");
  snprintf (dir, sizeof dir, "%s/pinav-unit-kiosk.XXXXXX",
            tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp (dir))
    return 99;
  test_pin_file ();
  test_pin_acl ();
  test_idle ();
  test_staff ();
  char cmd[300];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system (cmd) != 0)
    tap_ok (0, "clean up %s", dir);
  return tap_done ();
}
