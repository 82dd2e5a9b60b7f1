/* packfile_read.c - read a compiled pack image from its file, for
   packfile_load (packfile.h).  The file's size (fstat) and its header
   come first: a file that is not an image, or too big, is refused
   before the rest of it is read (issue 15, F9); the rest is then
   mapped, when only the running user or root can change the file, and
   read otherwise (issue 17).  An image that is
   refused for what it is, and not for being out of date, is named in a
   message that says why.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "packfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "packfmt.h"
#include "text_safe.h"

/* An image's file, being read.  */
struct pf_file
{
  const char *path;
  int fd;
  struct diags *diags;          /* NULL: no message */
  const char *dir;              /* the pack's YAML */
  enum pf_fault fault;          /* what is wrong with the image itself,
                                   or PF_FINE: nothing (yet) */
};

static void pf_say (struct pf_file *f, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

/* S as one word of a shell command, to be copied and run: as it is
   when every byte of it is one a shell takes as it is, else between
   single quotes (each ' in it as '\''); "./" before a relative S that
   begins with '-', which a program would take for an option.
   @retval a new string, or NULL on memory exhaustion.  */
static char *
pf_shell_word (const char *s)
{
  static const char plain[] = "abcdefghijklmnopqrstuvwxyz"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./+-:@%,=";
  size_t n = strlen (s), quotes = 0;
  for (const char *p = s; *p; p++)
    quotes += *p == '\'';
  bool bare = n > 0 && strspn (s, plain) == n;
  char *w = malloc (2 + 3 + n + 3 * quotes + 1), *o = w;
  if (!w)
    return NULL;
  if (*s == '-')
    o = stpcpy (o, "./");
  if (bare)
    o = stpcpy (o, s);
  else
    {
      *o++ = '\'';
      for (const char *p = s; *p; p++)
        if (*p == '\'')
          o = stpcpy (o, "'\\''");
        else
          *o++ = *p;
      *o++ = '\'';
      *o = '\0';
    }
  return w;
}

/* What to run about F's image, which is at fault (F->fault), as the
   end of a message: a new one compiled by pinav-packc, or, for one too
   big to be pinav-packc's, the file removed.  NULL when nothing.  */
static char *
pf_todo (const struct pf_file *f)
{
  char *cmd = NULL, *todo = NULL, *def = NULL;
  if (f->fault == PF_FINE
      || asprintf (&def, "%s/%s", f->dir, PACKFILE_NAME) < 0)
    return NULL;
  char *dir = pf_shell_word (f->dir), *path = pf_shell_word (f->path);
  int r = !dir || !path ? -1
          : f->fault == PF_TOO_BIG ? asprintf (&cmd, "rm %s", path)
          : strcmp (def, f->path) == 0
          ? asprintf (&cmd, "pinav-packc %s", dir)
          : asprintf (&cmd, "pinav-packc %s %s", dir, path);
  free (def);
  free (dir);
  free (path);
  if (r < 0)
    return NULL;
  if (asprintf (&todo, f->fault == PF_TOO_BIG
                /* TRANSLATORS: the end of a message about a pack.bin
                   over 4 GiB; %s is a command, as in "rm
                   /srv/pack/pack.bin".  */
                ? _("; pinav-packc makes no image this big: remove it "
                    "(%s)")
                /* TRANSLATORS: the end of a message about a faulty
                   pack.bin; %s is a command, as in "pinav-packc
                   /srv/pack".  */
                : _("; to compile it again, run: %s"), cmd) < 0)
    todo = NULL;
  free (cmd);
  return todo;
}

/* Say that F's image is not used, and why (FMT...), and what to run
   when the image itself is at fault.  */
static void
pf_say (struct pf_file *f, const char *fmt, ...)
{
  char *why = NULL, *todo;
  va_list ap;
  if (!f->diags)
    return;
  va_start (ap, fmt);
  if (vasprintf (&why, fmt, ap) < 0)
    why = NULL;
  va_end (ap);
  todo = pf_todo (f);
  diag_add (f->diags, f->path, 0, 0,
            /* TRANSLATORS: the first %s says what is wrong with a
               compiled pack (pack.bin), such as "not a compiled pack";
               the second is empty, or what to run about it.  */
            _("%s; the pack is read from its YAML instead%s"),
            why ? why : "?", todo ? todo : "");
  free (todo);
  free (why);
}

/* Read the N bytes at offset OFF of F into BUF, or say why not.  */
static bool
pf_read_at (struct pf_file *f, unsigned char *buf, size_t n, size_t off)
{
  size_t got = 0;
  while (got < n)
    {
      ssize_t r = pread (f->fd, buf + got, n - got, (off_t) (off + got));
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        pf_say (f, _("cannot read it: %s"), strerror (errno));
      else if (r == 0)
        pf_say (f, "%s", _("cannot read it: the file got shorter while it "
                           "was read"));
      if (r <= 0)
        return false;
      got += (size_t) r;
    }
  return true;
}

/* Say what FAULT is, in the image of SIZE bytes whose header is HDR
   (NULL for PF_NOT_IMAGE); UNSAFE is the character PF_UNSAFE found.  */
static void
pf_say_fault (struct pf_file *f, enum pf_fault fault,
              const unsigned char *hdr, uint64_t size, uint32_t unsafe)
{
  f->fault = fault;
  switch (fault)
    {
    case PF_NOT_IMAGE:
      pf_say (f, "%s", _("not a compiled pack"));
      break;
    case PF_OTHER_VERSION:
      pf_say (f, _("compiled for another version of pinav (format %u, "
                   "not %u)"), (unsigned) pf_get32 (hdr + PF_H_VERSION),
              (unsigned) PF_VERSION);
      break;
    case PF_TOO_BIG:
      pf_say (f, _("too big: %llu bytes, more than the %u MiB a compiled "
                   "pack may have"), (unsigned long long) size,
              (unsigned) (PF_MAX_SIZE >> 20));
      break;
    case PF_WRONG_SIZE:
      pf_say (f, _("damaged: its header says %llu bytes, the file has "
                   "%llu"),
              (unsigned long long) pf_get64 (hdr + PF_H_SIZE),
              (unsigned long long) size);
      break;
    case PF_UNSAFE:
      /* TRANSLATORS: %04X is a code point, as in "U+202E"; the %s names
         it, as in "a control character".  */
      pf_say (f, _("it holds U+%04X (%s), which cannot be shown"),
              (unsigned) unsafe, text_unsafe_name (text_unsafe (unsafe,
                                                                false)));
      break;
    default:
      pf_say (f, "%s", _("damaged: a count, an offset or a string in it "
                         "is wrong"));
      break;
    }
}

/* Whether the image in the file of ST may be mapped rather than read:
   only when no one but the running user and root can change it (its
   owner is one of them, and neither its group nor others may write
   it; an ACL that lets anyone else write shows in the group's bits).
   A mapped file changed in place after it was checked would change
   the pack's text behind that check, and one cut short would raise
   SIGBUS; a file replaced by rename, as a package manager does, leaves
   the mapping whole (docs/security.md, "A damaged install").  */
static bool
pf_may_map (const struct stat *st)
{
  return (st->st_uid == 0 || st->st_uid == geteuid ())
         && (st->st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

/* Give back the mapping of an image (content_pack's backing_free).  */
static void
pf_unmap (void *img, size_t len)
{
  munmap (img, len);
}

/* The SIZE bytes of F, whose header HDR is read, mapped (private, read
   only) into P's backing: NULL, having said why, when they cannot be
   or their header is no longer HDR (the file was changed since).  */
static unsigned char *
pf_map (struct pf_file *f, struct content_pack *p, const unsigned char *hdr,
        size_t size)
{
  void *img = mmap (NULL, size, PROT_READ, MAP_PRIVATE, f->fd, 0);
  if (img == MAP_FAILED)
    {
      pf_say (f, _("cannot read it: %s"), strerror (errno));
      return NULL;
    }
  p->backing = img;
  p->backing_len = size;
  p->backing_free = pf_unmap;
  if (memcmp (img, hdr, PF_HEADER_SIZE) != 0)
    {
      pf_say (f, "%s", _("cannot read it: the file changed while it was "
                         "read"));
      return NULL;
    }
  return img;
}

/* The SIZE bytes of F, whose header HDR is read, read into P's arena:
   NULL, having said why, when they cannot be.  */
static unsigned char *
pf_copy (struct pf_file *f, struct content_pack *p, const unsigned char *hdr,
         size_t size)
{
  unsigned char *buf = arena_alloc (&p->arena, size);
  if (!buf)
    pf_say (f, "%s", _("out of memory"));
  else
    {
      memcpy (buf, hdr, PF_HEADER_SIZE);
      if (!pf_read_at (f, buf + PF_HEADER_SIZE, size - PF_HEADER_SIZE,
                       PF_HEADER_SIZE))
        buf = NULL;
    }
  return buf;
}

/* The pack in F, of ST, an image of SIZE bytes whose header HDR is read
   and checked: the rest is mapped (pf_may_map) or read into the pack's
   arena, and decoded; the pack's strings point into it.  */
static struct content_pack *
pf_read_rest (struct pf_file *f, const struct stat *st,
              const unsigned char *hdr, size_t size)
{
  struct content_pack *p = calloc (1, sizeof *p);
  unsigned char *img = NULL;
  uint32_t unsafe = PF_NONE;
  if (!p)
    pf_say (f, "%s", _("out of memory"));
  else
    img = pf_may_map (st) ? pf_map (f, p, hdr, size)
                          : pf_copy (f, p, hdr, size);
  if (img)
    {
      enum pf_fault fault = pf_decode_image (p, img, size, &unsafe);
      if (fault == PF_FINE)
        return p;
      pf_say_fault (f, fault, hdr, size, unsafe);
    }
  content_free (p);
  return NULL;
}

/* The pack in F, an image of SIZE bytes whose header HDR is read, of
   the YAML in DIR.  The image is read further only once its header is
   found sound, and only when it names the stamp (the files are as they
   were when it was compiled) or the hash of that YAML: an image
   of other YAML is out of date, not damaged (the YAML was edited
   since), and is passed over without a word.  */
static struct content_pack *
pf_read_checked (struct pf_file *f, const char *dir, const struct stat *st,
                 const unsigned char *hdr, uint64_t size)
{
  uint64_t hash, stamp, want = pf_get64 (hdr + PF_H_STAMP);
  enum pf_fault fault = size > SIZE_MAX ? PF_TOO_BIG
                        : pf_check_header (hdr, size);
  if (fault != PF_FINE)
    pf_say_fault (f, fault, hdr, size, PF_NONE);
  else if ((want && packfile_stamp_dir (dir, &stamp) && stamp == want)
           || (packfile_hash_dir (dir, &hash)
               && pf_get64 (hdr + PF_H_HASH) == hash))
    return pf_read_rest (f, st, hdr, (size_t) size);
  return NULL;
}

struct content_pack *
packfile_load (const char *dir, const char *image, struct diags *diags)
{
  char path[PATH_MAX];
  unsigned char hdr[PF_HEADER_SIZE];
  struct stat st;
  struct content_pack *p = NULL;
  if (!image && (size_t) snprintf (path, sizeof path, "%s/%s", dir,
                                   PACKFILE_NAME) >= sizeof path)
    return NULL;
  struct pf_file f = { image ? image : path, -1, diags, dir, PF_FINE };
  f.fd = open (f.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (f.fd < 0)
    {
      if (errno != ENOENT)      /* no image: nothing to say */
        pf_say (&f, _("cannot read it: %s"), strerror (errno));
      return NULL;
    }
  if (fstat (f.fd, &st) != 0)
    pf_say (&f, _("cannot read it: %s"), strerror (errno));
  else if (!S_ISREG (st.st_mode))
    pf_say (&f, "%s", _("not a regular file"));
  else if (st.st_size < PF_HEADER_SIZE)
    pf_say_fault (&f, PF_NOT_IMAGE, NULL, (uint64_t) st.st_size, PF_NONE);
  else if (pf_read_at (&f, hdr, PF_HEADER_SIZE, 0))  /* else it said why */
    p = pf_read_checked (&f, dir, &st, hdr, (uint64_t) st.st_size);
  close (f.fd);
  return p;
}
