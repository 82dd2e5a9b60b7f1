/* ytree_build.h - the builder of ytree.c's tree: its state, and how
   it turns libyaml's events into nodes (ytree_build.c).  Internal to
   the ytree*.c files, the only ones that see <yaml.h>.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_YTREE_BUILD_H
#define PINAV_YTREE_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "ytree.h"

/* A container under construction: its kids grow in a malloc'd vector
   and move to the arena when it closes.  */
struct yframe
{
  struct ynode *node;
  struct ynode **kids;
  size_t n, cap;
};

/* One parse: its text, the tree being built, what it reported.  */
struct ybuild
{
  struct arena *arena;          /* nodes, keys, kids */
  struct arena *values;         /* the text of other scalars */
  const char *file;
  struct diags *diags;
  const unsigned char *buf;     /* the text after any UTF-8 BOM */
  size_t len;
  bool risky;                   /* the text holds a character that
                                   text_unsafe refuses (ytext_check): any
                                   scalar may, not only those in double
                                   quotes, with escapes */
  size_t at_off;                /* where line AT_LINE begins (0: line 1), */
  unsigned at_line;             /* the last looked up, since events come
                                   in order (ytext_mark) */
  struct yframe stack[YTREE_MAX_DEPTH + 1];
  size_t depth;
  struct ynode *root;
  int documents;
  bool merge_key;               /* the last event was a '<<' key */
  bool failed;                  /* a problem was reported */
  bool stop;                    /* ... and the parse cannot go on */
};

/** ybuild_report - report a problem at LINE:COL of the file being
   read; FATAL when the parse cannot go on past it.  */
void ybuild_report (struct ybuild *b, unsigned line, unsigned col,
                    bool fatal, const char *fmt, ...)
  __attribute__ ((format (printf, 5, 6)));

/** ybuild_parse - build the tree from the events of parser P, to the
   end of the stream or until the parse cannot go on, reporting what
   ytree refuses.
   @retval false when P failed: yerr_report says why.  */
bool ybuild_parse (struct ybuild *b, yaml_parser_t *p);

/** ybuild_end - release what the containers still open hold.  */
void ybuild_end (struct ybuild *b);

#endif
