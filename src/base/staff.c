/* staff.c - the staff PIN file.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "staff.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "diag.h"
#include "i18n.h"

/* Bytes read from the file at most: a longer file is malformed.  */
#define STAFF_FILE_MAX (STAFF_PIN_MAX + 2)

/* The POSIX ACL as Linux keeps it in an extended attribute: a
   little-endian version (2), then entries of a tag, permissions and an
   id (linux/posix_acl_xattr.h).  */
#define ACL_XATTR "system.posix_acl_access"
enum { ACL_TAG_USER = 0x02, ACL_TAG_GROUP_OBJ = 0x04, ACL_TAG_GROUP = 0x08,
       ACL_TAG_OTHER = 0x20 };

static unsigned long
staff_le (const unsigned char *p, size_t n)
{
  unsigned long v = 0;
  while (n--)
    v = v << 8 | p[n];
  return v;
}

/* Whether only root and this user may use the file open on FD, by its
   group bits (MODE) or, when it has an ACL, by the ACL's entries.  An
   ACL shows its mask in the group bits: systemd hands a credential to
   a service's user as a root-owned 0400 file with an ACL entry for
   that user, which stat reports as 0440.  */
static bool
staff_group_ok (int fd, mode_t mode)
{
  unsigned char acl[4 + 8 * 32];
  ssize_t n = fgetxattr (fd, ACL_XATTR, acl, sizeof acl);
  if (n < 0)
    return (errno == ENODATA || errno == ENOTSUP) && !(mode & S_IRWXG);
  if (n < 4 || (n - 4) % 8 != 0 || staff_le (acl, 4) != 2)
    return false;
  for (ssize_t i = 4; i < n; i += 8)
    {
      unsigned long tag = staff_le (acl + i, 2), perm = staff_le (acl + i + 2,
                                                                   2);
      unsigned long id = staff_le (acl + i + 4, 4);
      if (perm && (tag == ACL_TAG_GROUP_OBJ || tag == ACL_TAG_GROUP
                   || tag == ACL_TAG_OTHER
                   || (tag == ACL_TAG_USER && id != 0 && id != geteuid ())))
        return false;
    }
  return true;
}

/* Whether the file open on FD may hold a PIN; else say why.  */
static const char *
staff_file_problem (int fd)
{
  struct stat st;
  if (fstat (fd, &st) != 0)
    return strerror (errno);
  if (!S_ISREG (st.st_mode))
    return _("not a regular file");
  if (st.st_uid != 0 && st.st_uid != geteuid ())
    return _("owned by another user");
  if ((st.st_mode & S_IRWXO) || !staff_group_ok (fd, st.st_mode))
    /* TRANSLATORS: a file's permissions are too open.  */
    return _("its group or others may use it (chmod 600 it)");
  return NULL;
}

/* Take the PIN out of the N bytes of BUF: digits, then at most one
   newline.  */
static bool
staff_parse (struct staff_pin *pin, const char *buf, size_t n)
{
  if (n && buf[n - 1] == '\n')
    n--;
  if (n < STAFF_PIN_MIN || n > STAFF_PIN_MAX)
    return false;
  for (size_t i = 0; i < n; i++)
    if (buf[i] < '0' || buf[i] > '9')
      return false;
  memset (pin->digits, 0, sizeof pin->digits);
  memcpy (pin->digits, buf, n);
  pin->set = true;
  return true;
}

/* Read at most SIZE bytes of FD into BUF.  @retval the count, or -1.  */
static ssize_t
staff_read (int fd, char *buf, size_t size)
{
  size_t n = 0;
  while (n < size)
    {
      ssize_t r = read (fd, buf + n, size - n);
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        return -1;
      if (r == 0)
        break;
      n += (size_t) r;
    }
  return (ssize_t) n;
}

bool
staff_pin_load (struct staff_pin *pin, const char *path, bool quiet_missing,
                FILE *err)
{
  char buf[STAFF_FILE_MAX + 1];
  const char *why = NULL;
  staff_pin_clear (pin);
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK
                       | O_CLOEXEC);
  if (fd < 0)
    {
      if (errno == ENOENT && quiet_missing)
        return false;
      why = errno == ELOOP ? _("a symbolic link") : strerror (errno);
    }
  else if (!(why = staff_file_problem (fd)))
    {
      ssize_t n = staff_read (fd, buf, sizeof buf);
      if (n < 0)
        why = strerror (errno);
      else if (!staff_parse (pin, buf, (size_t) n))
        why = _("it must hold 4 to 12 digits on one line");
      explicit_bzero (buf, sizeof buf);
    }
  if (fd >= 0)
    close (fd);
  if (why)
    {
      char *safe = diag_escape (path);
      /* TRANSLATORS: the first %s is the program, the second a file,
         the third what is wrong with it.  */
      fprintf (err, _("%s: %s: %s; there is no staff exit\n"), PACKAGE,
               safe ? safe : "?", why);
      free (safe);
    }
  return pin->set;
}

bool
staff_pin_matches (const struct staff_pin *pin,
                   const char typed[STAFF_PIN_MAX + 1])
{
  volatile unsigned char diff = 0;
  for (size_t i = 0; i < sizeof pin->digits; i++)
    diff |= (unsigned char) (pin->digits[i] ^ typed[i]);
  return pin->set && diff == 0;
}

void
staff_pin_clear (struct staff_pin *pin)
{
  explicit_bzero (pin, sizeof *pin);
}

/* DIR/STAFF_LOCK_FILE (SUFFIX appended) in BUF.  */
static bool
lock_path (char *buf, size_t size, const char *dir, const char *suffix)
{
  int n = snprintf (buf, size, "%s/%s%s", dir, STAFF_LOCK_FILE, suffix);
  return n > 0 && (size_t) n < size;
}

void
staff_lock_load (const char *dir, struct staff_lock *lock, long long now,
                 long long max_ms)
{
  char path[4096], text[64];
  *lock = (struct staff_lock) { 0, 0 };
  if (!dir || !*dir || !lock_path (path, sizeof path, dir, ""))
    return;
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return;
  ssize_t n = read (fd, text, sizeof text - 1);
  close (fd);
  int wrong;
  long long until;
  if (n <= 0)
    return;
  text[n] = '\0';
  if (sscanf (text, "%d %lld", &wrong, &until) != 2 || wrong < 0
      || wrong > 1000 || until < 0 || until > now + max_ms)
    return;
  lock->wrong = wrong;
  lock->until = until;
}

void
staff_lock_save (const char *dir, const struct staff_lock *lock)
{
  char path[4096], tmp[4096], text[64];
  if (!dir || !*dir || !lock_path (path, sizeof path, dir, "")
      || !lock_path (tmp, sizeof tmp, dir, ".new"))
    return;
  if (lock->wrong == 0 && lock->until == 0)
    {
      unlink (path);
      return;
    }
  int n = snprintf (text, sizeof text, "%d %lld\n", lock->wrong, lock->until);
  int fd = open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
                 0600);
  if (fd < 0)
    return;
  bool ok = write (fd, text, (size_t) n) == n;
  if (close (fd) != 0 || !ok || rename (tmp, path) != 0)
    unlink (tmp);
}
