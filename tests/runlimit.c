/* runlimit.c - run a command and check it stays within a time and a
   memory bound.  Usage: runlimit SECONDS MEGABYTES COMMAND [ARG]...
   Prints "time=S.SSS rss=N MB" on stderr.  Exits with the command's
   status; 124 when it ran out of time (it is killed), 125 when its
   peak resident memory passed MEGABYTES, 126 when it died of a
   signal.  */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

int
main (int argc, char **argv)
{
  if (argc < 4)
    {
      fprintf (stderr, "usage: runlimit SECONDS MEGABYTES COMMAND...\n");
      return 2;
    }
  double limit = atof (argv[1]);
  long mb = atol (argv[2]);
  double start = now ();
  pid_t pid = fork ();
  if (pid < 0)
    return 2;
  if (pid == 0)
    {
      execvp (argv[3], argv + 3);
      perror (argv[3]);
      _exit (127);
    }
  int status;
  struct rusage ru;
  for (;;)
    {
      pid_t r = wait4 (pid, &status, WNOHANG, &ru);
      if (r == pid)
        break;
      if (r < 0 && errno != EINTR)
        return 2;
      if (now () - start > limit)
        {
          kill (pid, SIGKILL);
          wait4 (pid, &status, 0, &ru);
          fprintf (stderr, "runlimit: killed after %.1f s\n", limit);
          return 124;
        }
      struct timespec pause = { 0, 5 * 1000 * 1000 };
      nanosleep (&pause, NULL);
    }
  double took = now () - start;
  long rss = ru.ru_maxrss / 1024;
  fprintf (stderr, "time=%.3f rss=%ld MB\n", took, rss);
  if (rss > mb)
    return 125;
  if (WIFSIGNALED (status))
    return 126;
  return WEXITSTATUS (status);
}
