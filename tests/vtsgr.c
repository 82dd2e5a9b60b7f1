/* vtsgr.c - which SGR attributes the program has asked for, as sent:
   libvterm 0.1 drops some (SGR 2, dim, has no cell attribute), so the
   byte stream is read for them.  `expect-sgr-never N`.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "vtdrive.h"

#include <stdlib.h>
#include <string.h>

static int state;                       /* 0 text, 1 after ESC, 2 in CSI */
static char params[64];
static size_t n_params;
static int overflow;
static unsigned long long seen;         /* bit N: SGR N was sent */

/* Note each attribute of the SGR parameters P ("1;2", "" for 0); the
   parameters of an extended colour (38;5;N, 38;2;R;G;B, 48, 58) are not
   attributes.  */
static void
sgr_note (const char *p)
{
  if (!*p)
    {
      seen |= 1;
      return;
    }
  while (*p)
    {
      long v = strtol (p, (char **) &p, 10);
      if ((v == 38 || v == 48 || v == 58) && *p == ';')
        {
          long kind = strtol (p + 1, (char **) &p, 10);
          for (int skip = kind == 5 ? 1 : kind == 2 ? 3 : 0;
               skip > 0 && *p == ';'; skip--)
            strtol (p + 1, (char **) &p, 10);
        }
      else if (v >= 0 && v < 64)
        seen |= 1ULL << v;
      if (*p == ';' || *p == ':')
        p++;
      else if (*p)
        return;                         /* not an SGR of numbers */
    }
}

void
sgr_scan (const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      unsigned char c = (unsigned char) s[i];
      if (state == 0)
        state = c == 0x1b ? 1 : 0;
      else if (state == 1)
        {
          state = c == '[' ? 2 : c == 0x1b ? 1 : 0;
          n_params = 0;
          overflow = 0;
        }
      else if (c >= 0x30 && c <= 0x3f)
        {
          if (n_params + 1 < sizeof params)
            params[n_params++] = (char) c;
          else
            overflow = 1;
        }
      else
        {
          params[n_params] = 0;
          if (c == 'm' && !overflow && !strpbrk (params, "<=>?"))
            sgr_note (params);
          state = c == 0x1b ? 1 : 0;
        }
    }
}

int
sgr_seen (int attr)
{
  return attr >= 0 && attr < 64 && (seen >> attr & 1);
}

/* expect-sgr-never N: the program has not sent SGR N (2: dim) since it
   started, after reading all it has written.  */
void
run_sgr_never (const struct cmd *c)
{
  drain_check ();
  if (c->a < 0 || c->a > 63)
    syntax ("%s: N must be 0 to 63", c->spec->name);
  if (sgr_seen ((int) c->a))
    fail ("%s: the program sent SGR %ld", c->spec->name, c->a);
}
