/* mo-mutate.c - damage the build's translation catalogues in many
   ways, each from a fixed seed, and run the real pinav in Chinese on
   each damaged copy (PINAV_LOCALEDIR): it must never crash or hang,
   and must exit 0; when it refuses the catalogue, it says so in one
   line on stderr that names the file, and speaks English.  Prints TAP.

   Usage: mo-mutate [--count=N] [--seed=N] [--jobs=N] [--keep=DIR]
                    PINAV LOCALEDIR DATADIR
   --keep copies each catalogue that failed into DIR.  */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_JOBS 8

/* A catalogue in memory.  */
struct buf
{
  unsigned char *p;
  size_t n;
};

/* The kinds of damage.  */
enum kind { K_BYTES, K_REVISION, K_TABLE, K_HASH, K_INSERT, K_DELETE,
            K_TRUNCATE, K_DIRECTIVE, K_HEADER, K_COUNT, K_SWAP, K_KINDS };
static const char *const kind_names[K_KINDS] = {
  "bytes", "revision", "table", "hash", "insert", "delete", "truncate",
  "directive", "header", "count", "swap"
};

/* What happened to the runs.  */
enum verdict { V_TAKEN, V_REFUSED, V_CRASH, V_HANG, V_STATUS, V_STDERR,
               V_CHINESE, V_VERDICTS };

static const char *const verdict_names[V_VERDICTS] = {
  "taken", "refused", "crashed", "hung", "status", "stderr",
  "not-English"
};

struct job
{
  pid_t pid;
  unsigned long k;              /* the mutation it runs */
  enum kind kind;
  int domain;                   /* 0 pinav.mo, 1 pinav-content.mo */
  char dir[512];                /* its locale directory */
  char file[600];               /* the damaged catalogue */
};

static const char *const domains[2] = { "pinav", "pinav-content" };
static struct buf originals[2];
static const char *pinav, *datadir, *keep;
static char root[] = "/tmp/pinav-mutate.XXXXXX";
static unsigned long counts[V_VERDICTS], by_kind[K_KINDS][V_VERDICTS];

/* --- A random number generator (xorshift64*), one stream a mutation.  */

static uint64_t rng;

static void
rng_seed (uint64_t seed, uint64_t k)
{
  uint64_t z = seed + k * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  rng = (z ^ (z >> 31)) | 1;
}

static uint32_t
rnd (uint32_t n)
{
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return n ? (uint32_t) ((rng * 0x2545F4914F6CDD1DULL) >> 32) % n : 0;
}

/* --- Reading and writing catalogues.  */

static uint32_t
get32 (const struct buf *b, size_t off)
{
  if (off + 4 > b->n)
    return 0;
  return (uint32_t) b->p[off] | (uint32_t) b->p[off + 1] << 8
         | (uint32_t) b->p[off + 2] << 16 | (uint32_t) b->p[off + 3] << 24;
}

static void
put32 (struct buf *b, size_t off, uint32_t w)
{
  for (int i = 0; i < 4 && off + i < b->n; i++)
    b->p[off + i] = (unsigned char) (w >> (8 * i));
}

static bool
read_file (const char *path, struct buf *b)
{
  FILE *f = fopen (path, "rb");
  struct stat st;
  bool ok = f && fstat (fileno (f), &st) == 0
            && (b->p = malloc ((size_t) st.st_size + 1))
            && fread (b->p, 1, (size_t) st.st_size, f)
               == (size_t) st.st_size;
  b->n = ok ? (size_t) st.st_size : 0;
  if (f)
    fclose (f);
  return ok;
}

static bool
write_file (const char *path, const unsigned char *p, size_t n)
{
  FILE *f = fopen (path, "wb");
  bool ok = f && fwrite (p, 1, n, f) == n;
  return f && fclose (f) == 0 && ok;
}

/* At AT in B, DEL bytes taken away and INS random bytes put in.  */
static void
buf_splice (struct buf *b, size_t at, size_t del, size_t ins)
{
  if (at > b->n)
    at = b->n;
  if (del > b->n - at)
    del = b->n - at;
  size_t n = b->n - del + ins;
  unsigned char *p = malloc (n + 1);
  if (!p)
    exit (99);
  memcpy (p, b->p, at);
  for (size_t i = 0; i < ins; i++)
    p[at + i] = (unsigned char) rnd (256);
  memcpy (p + at + ins, b->p + at + del, b->n - at - del);
  free (b->p);
  b->p = p;
  b->n = n;
}

/* --- The damage.  */

/* A value a damaged word might hold instead of OLD, in B.  */
static uint32_t
odd_value (const struct buf *b, uint32_t old)
{
  switch (rnd (7))
    {
    case 0: return rnd (UINT32_MAX);
    case 1: return (uint32_t) b->n;
    case 2: return (uint32_t) b->n - 1 - rnd (8);
    case 3: return UINT32_MAX - rnd (16);
    case 4: return old + 1 + rnd (16);
    case 5: return old - 1 - rnd (16);
    default: return rnd (2) ? 0 : old ^ (1u << rnd (32));
    }
}

static void
damage_table (struct buf *b)
{
  size_t tab = get32 (b, rnd (2) ? 12 : 16);
  size_t at = tab + 8 * rnd (get32 (b, 8)) + 4 * rnd (2);
  put32 (b, at, odd_value (b, get32 (b, at)));
}

static void
damage_hash (struct buf *b)
{
  uint32_t n = get32 (b, 8), size = get32 (b, 20), hash = get32 (b, 24);
  static const int sizes[] = { 1, -1, 2, -2, 6 };
  switch (rnd (5))
    {
    case 0:
      for (uint32_t i = 0, k = 1 + rnd (8); i < k; i++)
        put32 (b, hash + 4 * rnd (size), rnd (3) ? rnd (n + 1)
                                                 : n + 1 + rnd (100));
      break;
    case 1:                     /* no empty entry left */
      for (uint32_t i = 0; i < size; i++)
        if (!get32 (b, hash + 4 * i))
          put32 (b, hash + 4 * i, 1 + rnd (n));
      break;
    case 2:
      put32 (b, 20, rnd (2) ? size + sizes[rnd (5)] : rnd (2 * size + 8));
      break;
    case 3:
      put32 (b, 24, odd_value (b, hash));
      break;
    default:                    /* two entries swapped */
      {
        uint32_t i = hash + 4 * rnd (size), j = hash + 4 * rnd (size);
        uint32_t w = get32 (b, i);
        put32 (b, i, get32 (b, j));
        put32 (b, j, w);
      }
    }
}

/* A printf directive changed in a translation (where msgfmt put the
   translations: after the originals).  */
static void
damage_directive (struct buf *b)
{
  static const char *const bad[] = { "%n", "%s%s", "%p", "%d", "%9$s",
                                     "%*s", "%ls", "%zu", "%%", "%" };
  uint32_t n = get32 (b, 8), trans = get32 (b, 16), start = UINT32_MAX;
  for (uint32_t i = 0; i < n; i++)
    if (get32 (b, trans + 8 * i + 4) < start)
      start = get32 (b, trans + 8 * i + 4);
  size_t at = SIZE_MAX, seen = 0;
  for (size_t i = start; i < b->n; i++)
    if (b->p[i] == '%' && rnd ((uint32_t) ++seen) == 0)
      at = i;                   /* one '%' of them all, at random */
  if (at == SIZE_MAX)           /* none: somewhere in a translation */
    {
      uint32_t i = rnd (n), len = get32 (b, trans + 8 * i);
      at = get32 (b, trans + 8 * i + 4) + (len > 4 ? rnd (len - 4) : 0);
    }
  const char *s = bad[rnd (sizeof bad / sizeof *bad)];
  for (size_t i = 0; s[i] && at + i < b->n; i++)
    b->p[at + i] = (unsigned char) s[i];
}

/* The header's plural forms or character set changed, in place.  */
static void
damage_header (struct buf *b)
{
  static const char *const plural[] = { "n/0", "n%0", "n?1", "(n)", "9;\n",
                                        "n;\n", "2;\n", "n-1", "((n" };
  static const char *const charset[] = { "UTF-7", "ASCII", "GBK\n\n",
                                         "BIG5 ", "utf-8", "UTF-16" };
  const char *key = rnd (3) ? "plural=" : rnd (2) ? "nplurals=" : "charset=";
  unsigned char *p = memmem (b->p, b->n, key, strlen (key));
  if (!p)
    return;
  p += strlen (key);
  const char *s = key[0] == 'p' ? plural[rnd (9)]
                  : key[0] == 'c' ? charset[rnd (6)]
                  : rnd (2) ? "0" : "9";
  for (size_t i = 0; s[i] && p + i < b->p + b->n; i++)
    p[i] = (unsigned char) s[i];
}

/* The catalogue in the other byte order: still whole.  */
static void
swap_order (struct buf *b)
{
  uint32_t n = get32 (b, 8), orig = get32 (b, 12), trans = get32 (b, 16);
  uint32_t size = get32 (b, 20), hash = get32 (b, 24);
  for (size_t off = 0; off < 28; off += 4)
    put32 (b, off, __builtin_bswap32 (get32 (b, off)));
  for (uint32_t i = 0; i < 2 * n; i++)
    {
      put32 (b, orig + 4 * i, __builtin_bswap32 (get32 (b, orig + 4 * i)));
      put32 (b, trans + 4 * i, __builtin_bswap32 (get32 (b, trans + 4 * i)));
    }
  for (uint32_t i = 0; i < size; i++)
    put32 (b, hash + 4 * i, __builtin_bswap32 (get32 (b, hash + 4 * i)));
}

static void damage (struct buf *b, enum kind kind);

/* A revision word that glibc reads (major 0 or 1) or not, and half the
   time other damage with it.  */
static void
damage_revision (struct buf *b)
{
  static const uint32_t revs[] = { 0x00010000, 0x00000001, 0x00010001,
                                   0x0000ffff, 0x0001ffff, 0x00020000,
                                   0xffffffff };
  static const enum kind also[] = { K_TABLE, K_TRUNCATE, K_INSERT, K_HASH,
                                    K_COUNT, K_BYTES };
  put32 (b, 4, rnd (8) ? revs[rnd (7)] : rnd (UINT32_MAX));
  if (rnd (2))
    damage (b, also[rnd (6)]);
}

static void
damage (struct buf *b, enum kind kind)
{
  uint32_t n = get32 (b, 8);
  switch (kind)
    {
    case K_BYTES:
      for (uint32_t i = 0, k = 1 + rnd (16); i < k; i++)
        b->p[rnd ((uint32_t) b->n)] = (unsigned char) rnd (256);
      break;
    case K_REVISION: damage_revision (b); break;
    case K_TABLE: damage_table (b); break;
    case K_HASH: damage_hash (b); break;
    case K_INSERT:
      buf_splice (b, rnd ((uint32_t) b->n), 0, 1 + rnd (64));
      break;
    case K_DELETE:
      buf_splice (b, rnd ((uint32_t) b->n), 1 + rnd (64), 0);
      break;
    case K_TRUNCATE: b->n = rnd ((uint32_t) b->n); break;
    case K_DIRECTIVE: damage_directive (b); break;
    case K_HEADER: damage_header (b); break;
    case K_COUNT:
      put32 (b, 8, rnd (2) ? n + 1 + rnd (4) : odd_value (b, n));
      break;
    default:
      swap_order (b);
      if (rnd (2))
        damage (b, (enum kind) rnd (K_SWAP));
    }
}

/* --- Running pinav on each.  */

/* Set up J's locale directory for mutation K: the build's catalogues in
   zh_CN, but one damaged, there or (one time in ten) in zh, where
   gettext looks next.  */
static void
job_prepare (struct job *j, unsigned long k, uint64_t seed)
{
  char path[700];
  rng_seed (seed, k);
  j->k = k;
  j->domain = (int) rnd (2);
  j->kind = (enum kind) rnd (K_KINDS);
  bool in_zh = rnd (10) == 0;
  for (int d = 0; d < 2; d++)
    {
      snprintf (path, sizeof path, "%s/zh_CN/LC_MESSAGES/%s.mo", j->dir,
                domains[d]);
      if (!write_file (path, originals[d].p, originals[d].n))
        exit (99);
      snprintf (path, sizeof path, "%s/zh/LC_MESSAGES/%s.mo", j->dir,
                domains[d]);
      unlink (path);
    }
  const struct buf *o = &originals[j->domain];
  struct buf b = { malloc (o->n + 1), o->n };
  if (!b.p)
    exit (99);
  memcpy (b.p, o->p, b.n);
  damage (&b, j->kind);
  snprintf (j->file, sizeof j->file, "%s/%s/LC_MESSAGES/%s.mo", j->dir,
            in_zh ? "zh" : "zh_CN", domains[j->domain]);
  if (!write_file (j->file, b.p, b.n))
    exit (99);
  free (b.p);
}

/* The plain-mode sessions: help and two pages; a search in Chinese;
   four pages.  */
static const char *const sessions[] = {
  "?\n1\n1\nt\n2\n1\nq\n", "/干细胞\nq\n", NULL,
  "1\n1\nt\n3\n1\nt\n4\n1\nq\n"
};
#define N_MODES (sizeof sessions / sizeof *sessions)
static char session_files[N_MODES][600];

/* Start pinav for J: in plain mode with one of the sessions, or
   --help.  */
static void
job_start (struct job *j)
{
  char out[700], err[700], data[700];
  size_t m = j->k % N_MODES;
  const char *in_file = sessions[m] ? session_files[m] : "/dev/null";
  snprintf (out, sizeof out, "%s/out", j->dir);
  snprintf (err, sizeof err, "%s/err", j->dir);
  snprintf (data, sizeof data, "--data=%s", datadir);
  j->pid = fork ();
  if (j->pid < 0)
    exit (99);
  if (j->pid > 0)
    return;
  int in = open (in_file, O_RDONLY);
  int o = open (out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int e = open (err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (in < 0 || o < 0 || e < 0 || dup2 (in, 0) < 0 || dup2 (o, 1) < 0
      || dup2 (e, 2) < 0 || setenv ("PINAV_LOCALEDIR", j->dir, 1) != 0)
    _exit (99);
  alarm (20);                   /* a hang: SIGALRM */
  if (sessions[m])
    execl (pinav, pinav, data, "--lang=zh_CN", "--plain", "--width=72",
           (char *) NULL);
  else
    execl (pinav, pinav, "--lang=zh_CN", "--help", (char *) NULL);
  _exit (127);
}

/* What J's run came to, by its wait STATUS.  */
static enum verdict
job_judge (const struct job *j, int status)
{
  char path[700];
  struct buf err = { 0 }, out = { 0 };
  enum verdict v = V_REFUSED;
  if (WIFSIGNALED (status))
    return WTERMSIG (status) == SIGALRM ? V_HANG : V_CRASH;
  if (WEXITSTATUS (status) != 0)
    return V_STATUS;
  snprintf (path, sizeof path, "%s/err", j->dir);
  if (!read_file (path, &err) || err.n == 0)
    v = err.p ? V_TAKEN : V_STDERR;
  else
    {
      err.p[err.n] = '\0';
      char *nl = strchr ((char *) err.p, '\n');
      if (!nl || nl[1] || !strstr ((char *) err.p, j->file)
          || !strstr ((char *) err.p, ": a damaged translation file"))
        v = V_STDERR;
      /* English: the prompt, or --help's first line.  */
      const char *english = sessions[j->k % N_MODES]
                            ? "\nType a number from 1 to " : "Usage: pinav ";
      snprintf (path, sizeof path, "%s/out", j->dir);
      if (v == V_REFUSED && read_file (path, &out))
        {
          out.p[out.n] = '\0';
          if (!strstr ((char *) out.p, english))
            v = V_CHINESE;
        }
    }
  free (err.p);
  free (out.p);
  return v;
}

/* Keep J's damaged catalogue in the --keep directory.  */
static void
job_keep (const struct job *j, enum verdict v)
{
  struct buf b;
  char path[900];
  if (!keep || (mkdir (keep, 0700) != 0 && errno != EEXIST)
      || !read_file (j->file, &b))
    return;
  snprintf (path, sizeof path, "%s/%06lu-%s-%s-%s.mo", keep, j->k,
            kind_names[j->kind], domains[j->domain], verdict_names[v]);
  write_file (path, b.p, b.n);
  free (b.p);
}

static void
job_dirs (struct job *jobs, int n)
{
  char path[700];
  for (int i = 0; i < n; i++)
    {
      snprintf (jobs[i].dir, sizeof jobs[i].dir, "%s/job%d", root, i);
      static const char *const sub[] = { "", "/zh_CN", "/zh_CN/LC_MESSAGES",
                                         "/zh", "/zh/LC_MESSAGES" };
      for (int s = 0; s < 5; s++)
        {
          snprintf (path, sizeof path, "%s%s", jobs[i].dir, sub[s]);
          if (mkdir (path, 0700) != 0)
            exit (99);
        }
    }
  for (size_t m = 0; m < N_MODES; m++)
    {
      snprintf (session_files[m], sizeof session_files[m], "%s/session%zu",
                root, m);
      if (sessions[m] && !write_file (session_files[m],
                                      (const unsigned char *) sessions[m],
                                      strlen (sessions[m])))
        exit (99);
    }
}

/* Run COUNT mutations from SEED, JOBS at a time; count the verdicts.  */
static void
run_all (unsigned long count, uint64_t seed, int n_jobs)
{
  struct job jobs[MAX_JOBS];
  unsigned long next = 0, done = 0, said = 0;
  job_dirs (jobs, n_jobs);
  for (int i = 0; i < n_jobs; i++)
    jobs[i].pid = 0;
  while (done < count)
    {
      for (int i = 0; i < n_jobs && next < count; i++)
        if (jobs[i].pid == 0)
          {
            job_prepare (&jobs[i], next++, seed);
            job_start (&jobs[i]);
          }
      int status, i;
      pid_t pid = wait (&status);
      for (i = 0; i < n_jobs && jobs[i].pid != pid; i++)
        continue;
      if (pid < 0 || i == n_jobs)
        exit (99);
      enum verdict v = job_judge (&jobs[i], status);
      counts[v]++;
      by_kind[jobs[i].kind][v]++;
      if (v >= V_CRASH && said++ < 10)
        printf ("# mutation %lu (%s, %s.mo): %s, %s %d\n", jobs[i].k,
                kind_names[jobs[i].kind], domains[jobs[i].domain],
                verdict_names[v], WIFSIGNALED (status) ? "signal" : "status",
                WIFSIGNALED (status) ? WTERMSIG (status)
                                     : WEXITSTATUS (status));
      if (v >= V_CRASH)
        job_keep (&jobs[i], v);
      jobs[i].pid = 0;
      done++;
    }
}

static void
report (unsigned long count, uint64_t seed)
{
  int n = 0;
  printf ("# %lu refused, %lu taken (the damage changed only text)\n",
          counts[V_REFUSED], counts[V_TAKEN]);
  for (int k = 0; k < K_KINDS; k++)
    printf ("# %-9s %4lu refused %4lu taken %4lu crashed %lu hung\n",
            kind_names[k], by_kind[k][V_REFUSED], by_kind[k][V_TAKEN],
            by_kind[k][V_CRASH], by_kind[k][V_HANG]);
  printf ("%s %d - F3: %lu damaged catalogues (seed %llu): %lu crashes\n",
          counts[V_CRASH] ? "not ok" : "ok", ++n, count,
          (unsigned long long) seed, counts[V_CRASH]);
  printf ("%s %d - F3: no hang (20 s each): %lu hung\n",
          counts[V_HANG] ? "not ok" : "ok", ++n, counts[V_HANG]);
  printf ("%s %d - F3: exit 0 every time (ASan finds nothing): %lu did "
          "not\n", counts[V_STATUS] ? "not ok" : "ok", ++n,
          counts[V_STATUS]);
  printf ("%s %d - F3: a refused catalogue: one line on stderr naming it "
          "(%lu not)\n", counts[V_STDERR] ? "not ok" : "ok", ++n,
          counts[V_STDERR]);
  printf ("%s %d - F3: a refused catalogue: English (%lu in Chinese)\n",
          counts[V_CHINESE] ? "not ok" : "ok", ++n, counts[V_CHINESE]);
  printf ("1..%d\n", n);
}

/* The value of option S if it is NAME, else NULL.  */
static const char *
opt (const char *s, const char *name)
{
  size_t n = strlen (name);
  return strncmp (s, name, n) == 0 ? s + n : NULL;
}

int
main (int argc, char **argv)
{
  unsigned long count = 2000;
  uint64_t seed = 20261204;
  int n_jobs = 2, i = 1;
  const char *v;
  for (; i < argc && argv[i][0] == '-'; i++)
    if ((v = opt (argv[i], "--count=")))
      count = strtoul (v, NULL, 10);
    else if ((v = opt (argv[i], "--seed=")))
      seed = strtoull (v, NULL, 10);
    else if ((v = opt (argv[i], "--jobs=")))
      n_jobs = atoi (v) < 1 ? 1 : atoi (v) > MAX_JOBS ? MAX_JOBS : atoi (v);
    else if ((v = opt (argv[i], "--keep=")))
      keep = v;
  if (argc - i != 3)
    {
      fprintf (stderr, "usage: mo-mutate [--count=N] [--seed=N] [--jobs=N] "
               "[--keep=DIR] PINAV LOCALEDIR DATADIR\n");
      return 2;
    }
  pinav = argv[i];
  datadir = argv[i + 2];
  for (int d = 0; d < 2; d++)
    {
      char path[700];
      snprintf (path, sizeof path, "%s/zh_CN/LC_MESSAGES/%s.mo", argv[i + 1],
                domains[d]);
      if (!read_file (path, &originals[d]))
        return 99;
    }
  if (!mkdtemp (root))
    return 99;
  run_all (count, seed, n_jobs);
  report (count, seed);
  char cmd[600];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", root);
  if (system (cmd) != 0)
    return 99;
  return counts[V_CRASH] + counts[V_HANG] + counts[V_STATUS]
         + counts[V_STDERR] + counts[V_CHINESE] ? 1 : 0;
}
