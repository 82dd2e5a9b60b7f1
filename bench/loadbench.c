/* loadbench.c - how long loading a pack takes, against the floor: a
   bare libyaml event parse of the same files (read, parse, drop every
   event).  Each measurement runs in a fresh child process, as pinav
   does at start, so that neither the page cache of the allocator nor
   the peak memory of one run leaks into the next; the two kinds
   alternate (ABAB...).  Also reports the peak RSS of each kind.  With
   IMAGE, a compiled pack of DIR (packfile.h), packfile_load is timed
   too, as pinav loads it (ABCABC...).

   usage: loadbench DIR [RUNS [IMAGE]]
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#include "benchutil.h"
#include "content.h"
#include "diag.h"
#include "load.h"
#include "packfile.h"

struct result
{
  double ms;            /* wall time of the work */
  long rss_kb;          /* peak RSS of the child */
  size_t count;         /* events parsed, or items + sections loaded */
};

static char **files;
static size_t n_files, yaml_bytes;
static const char *image;       /* a compiled pack of DIR, or NULL */

static int
name_cmp (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The *.yaml files of DIR, in name order, and their total size.  */
static void
list_files (const char *dir)
{
  DIR *d = opendir (dir);
  struct dirent *e;
  if (!d)
    bench_die ("loadbench: %s: %s", dir, strerror (errno));
  while ((e = readdir (d)) != NULL)
    {
      size_t n = strlen (e->d_name);
      struct stat st;
      if (e->d_name[0] == '.' || n < 6 || strcmp (e->d_name + n - 5, ".yaml"))
        continue;
      files = bench_xrealloc (files, (n_files + 1) * sizeof *files);
      if (asprintf (&files[n_files], "%s/%s", dir, e->d_name) < 0)
        bench_die ("loadbench: out of memory");
      if (stat (files[n_files], &st) == 0)
        yaml_bytes += (size_t) st.st_size;
      n_files++;
    }
  closedir (d);
  qsort (files, n_files, sizeof *files, name_cmp);
}

/* Read FILE whole into a malloc'd buffer, as the loader does.  */
static unsigned char *
read_file (const char *file, size_t *len)
{
  int fd = open (file, O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat (fd, &st) < 0)
    bench_die ("loadbench: %s: %s", file, strerror (errno));
  unsigned char *buf = bench_xrealloc (NULL, (size_t) st.st_size + 1);
  size_t got = 0;
  while (got < (size_t) st.st_size)
    {
      ssize_t r = read (fd, buf + got, (size_t) st.st_size - got);
      if (r <= 0)
        bench_die ("loadbench: %s: short read", file);
      got += (size_t) r;
    }
  close (fd);
  *len = got;
  return buf;
}

/* The floor: every event of every file, dropped at once.  */
static size_t
bare_parse (void)
{
  size_t events = 0;
  for (size_t i = 0; i < n_files; i++)
    {
      size_t len;
      unsigned char *buf = read_file (files[i], &len);
      yaml_parser_t p;
      yaml_event_t e;
      if (!yaml_parser_initialize (&p))
        bench_die ("loadbench: out of memory");
      yaml_parser_set_input_string (&p, buf, len);
      yaml_parser_set_encoding (&p, YAML_UTF8_ENCODING);
      for (bool done = false; !done; events++)
        {
          if (!yaml_parser_parse (&p, &e))
            bench_die ("loadbench: %s: %s", files[i], p.problem);
          done = e.type == YAML_STREAM_END_EVENT;
          yaml_event_delete (&e);
        }
      yaml_parser_delete (&p);
      free (buf);
    }
  return events;
}

/* The items and sections of P, which stays loaded: peak RSS is taken
   with the pack still loaded, as in pinav.  */
static size_t
pack_things (const struct content_pack *p)
{
  size_t n = 0;
  for (size_t i = 0; i < p->n_colls; i++)
    n += p->colls[i]->n_items;
  for (size_t i = 0; i < p->n_docs; i++)
    n += p->docs[i]->n_sections;
  return n;
}

static size_t
pinav_load (const char *dir)
{
  struct diags diags = { 0 };
  struct content_pack *p = load_pack (dir, &diags);
  diag_print (&diags, stderr);
  diag_free (&diags);
  if (!p)
    bench_die ("loadbench: %s does not load", dir);
  return pack_things (p);
}

/* As pinav does when it finds IMAGE: hash DIR's YAML, load IMAGE.  */
static size_t
image_load (const char *dir)
{
  struct content_pack *p = packfile_load (dir, image, NULL);
  if (!p)
    bench_die ("loadbench: %s is not a compiled pack of %s", image, dir);
  return pack_things (p);
}

/* Run KIND (0 bare, 1 load, 2 nothing, 3 the image) in a child.  */
static struct result
measure (int kind, const char *dir)
{
  int fd[2];
  struct result r = { 0 };
  if (pipe (fd) < 0)
    bench_die ("loadbench: pipe: %s", strerror (errno));
  pid_t pid = fork ();
  if (pid < 0)
    bench_die ("loadbench: fork: %s", strerror (errno));
  if (pid == 0)
    {
      struct rusage ru;
      double t0 = bench_now ();
      r.count = kind == 0 ? bare_parse () : kind == 1 ? pinav_load (dir)
                : kind == 3 ? image_load (dir) : 0;
      r.ms = (bench_now () - t0) * 1000;
      getrusage (RUSAGE_SELF, &ru);
      r.rss_kb = ru.ru_maxrss;
      if (write (fd[1], &r, sizeof r) != (ssize_t) sizeof r)
        _exit (1);
      _exit (0);
    }
  close (fd[1]);
  if (read (fd[0], &r, sizeof r) != (ssize_t) sizeof r)
    bench_die ("loadbench: the child failed");
  close (fd[0]);
  waitpid (pid, NULL, 0);
  return r;
}

int
main (int argc, char **argv)
{
  if (argc < 2 || argc > 4)
    {
      fputs ("usage: loadbench DIR [RUNS [IMAGE]]\n", stderr);
      return 2;
    }
  int runs = argc >= 3 ? atoi (argv[2]) : 11;
  image = argc == 4 ? argv[3] : NULL;
  if (runs < 1)
    runs = 1;
  list_files (argv[1]);
  if (!n_files)
    bench_die ("loadbench: %s: no *.yaml files", argv[1]);
  double *bare = bench_xrealloc (NULL, runs * sizeof *bare);
  double *load = bench_xrealloc (NULL, runs * sizeof *load);
  double *img = bench_xrealloc (NULL, runs * sizeof *img);
  long rss_bare = 0, rss_load = 0, rss_none = measure (2, argv[1]).rss_kb;
  long rss_img = 0;
  size_t events = 0, things = 0;
  for (int i = 0; i < runs; i++)
    {
      struct result a = measure (0, argv[1]), b = measure (1, argv[1]);
      bare[i] = a.ms;
      load[i] = b.ms;
      events = a.count;
      things = b.count;
      rss_bare = a.rss_kb > rss_bare ? a.rss_kb : rss_bare;
      rss_load = b.rss_kb > rss_load ? b.rss_kb : rss_load;
      if (image)
        {
          struct result c = measure (3, argv[1]);
          img[i] = c.ms;
          rss_img = c.rss_kb > rss_img ? c.rss_kb : rss_img;
        }
    }
  double mb = bench_median (bare, runs), ml = bench_median (load, runs);
  double ysize = yaml_bytes / 1e6;
  printf ("load %s: %zu files, %.2f MB of YAML, %zu events, "
          "%zu items + sections; %d runs each, alternating\n",
          argv[1], n_files, ysize, events, things, runs);
  printf ("  bare libyaml parse  median %8.2f ms  (%.0f MB/s)\n", mb,
          ysize / (mb / 1000));
  printf ("  load_pack           median %8.2f ms  ratio load/parse %.2f\n",
          ml, ml / mb);
  printf ("  peak RSS: load_pack %.1f MB = %.2f x the YAML; "
          "bare parse %.1f MB; an idle child %.1f MB\n",
          rss_load / 1024.0, rss_load * 1024.0 / yaml_bytes,
          rss_bare / 1024.0, rss_none / 1024.0);
  if (image)
    {
      double mi = bench_median (img, runs);
      printf ("  packfile_load       median %8.2f ms  ratio image/parse %.2f, "
              "load/image %.1f; peak RSS %.1f MB\n", mi, mi / mb, ml / mi,
              rss_img / 1024.0);
    }
  free (img);
  free (bare);
  free (load);
  return 0;
}
