/* vtproc.c - vtdrive's commands about what the program does besides
   its screen (tests/vtdrive.md): its child processes (wait-children,
   expect-children), a file it writes (wait-file-grows,
   expect-file-still), and how soon it answered a key (expect-within).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vtdrive.h"

/* How many processes have the program as their parent (zombies not
   yet reaped among them), from each /proc/PID/stat; -1 when /proc
   cannot be read.  */
static int
count_children (void)
{
  DIR *d = opendir ("/proc");
  struct dirent *e;
  int n = 0;
  if (!d)
    return -1;
  while ((e = readdir (d)))
    {
      char path[300], buf[1024], *p;
      int ppid;
      size_t got;
      FILE *f;
      if (e->d_name[0] < '1' || e->d_name[0] > '9')
        continue;
      snprintf (path, sizeof path, "/proc/%s/stat", e->d_name);
      if (!(f = fopen (path, "r")))
        continue;               /* it has just gone */
      got = fread (buf, 1, sizeof buf - 1, f);
      fclose (f);
      buf[got] = 0;
      /* After the command name, in parentheses: state, then ppid.  */
      if ((p = strrchr (buf, ')')) && sscanf (p + 1, " %*c %d", &ppid) == 1
          && ppid == (int) D.pid)
        n++;
    }
  closedir (d);
  return n;
}

/* wait-children N (c->spec->arg 1), expect-children N: the program has
   N child processes; a child killed but not yet reaped still counts.  */
void
run_children (const struct cmd *c)
{
  double deadline = now () + (c->spec->arg ? D.timeout : 0);
  int n;
  drain ();
  check_child ();
  if (D.reaped)
    fail ("%s: the program already %s", c->spec->name, child_state ());
  while ((n = count_children ()) != c->a)
    {
      check_child ();
      if (n < 0 || D.reaped || now () >= deadline)
        {
          if (n < 0)
            fail ("%s: /proc cannot be read", c->spec->name);
          fail ("%s: expected %ld child processes of the program%s; it has "
                "%d; the program %s", c->spec->name, c->a,
                c->spec->arg ? " in time" : "", n, child_state ());
        }
      pump (left_ms (deadline, 10));
    }
}

/* FILE's size in bytes, 0 when it is not there.  */
static long long
file_size (const char *file)
{
  struct stat st;
  return stat (file, &st) == 0 ? (long long) st.st_size : 0;
}

/* wait-file-grows FILE: FILE grows past the size it had when the
   command began (no file counts as an empty one).  */
void
run_file_grows (const struct cmd *c)
{
  double deadline = now () + D.timeout;
  long long was = file_size (c->text), is;
  while ((is = file_size (c->text)) <= was)
    {
      check_child ();
      if (now () >= deadline)
        fail ("wait-file-grows: expected %s to grow past %lld bytes within "
              "%.1f s; it has not; the program %s", c->text, was, D.timeout,
              child_state ());
      pump (left_ms (deadline, 10));
    }
}

/* expect-file-still MS FILE: over the next MS ms (output still read),
   FILE's size does not change.  */
void
run_file_still (const struct cmd *c)
{
  double deadline = now () + c->a / 1000.0;
  long long was = file_size (c->text), is;
  while (now () < deadline)
    {
      pump (left_ms (deadline, 10));
      if ((is = file_size (c->text)) != was)
        fail ("expect-file-still: expected %s to stay at %lld bytes for %ld "
              "ms; it went to %lld", c->text, was, c->a, is);
    }
}

/* expect-within MS: the last wait* was met at most MS ms (times
   --time-scale) after the last input was written; the time is printed
   on standard output.  */
void
run_within (const struct cmd *c)
{
  double ms = (D.waited_at - D.sent_at) * 1000;
  if (D.sent_at <= 0 || D.waited_at < D.sent_at)
    fail ("expect-within: no wait has been met since the last input");
  printf ("%s:%d: expect-within: the wait was met %.1f ms after the input\n",
          D.script, c->line, ms);
  fflush (stdout);
  if (ms > c->a * D.scale)
    fail ("expect-within: expected the wait met within %.0f ms of the "
          "input; it took %.1f ms", c->a * D.scale, ms);
}
