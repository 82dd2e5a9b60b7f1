/* ytree.h - a bounded YAML tree, built from libyaml's events, with
   the position of every node.  Callers need not include <yaml.h>.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_YTREE_H
#define PINAV_YTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

#define YTREE_MAX_DEPTH 32
#define YTREE_MAX_SCALAR (1024 * 1024)
#define YTREE_MAX_FILE (32 * 1024 * 1024)

enum ynode_type { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

/* A node.  A map's KIDS alternate key, value, key, value...  */
struct ynode
{
  enum ynode_type type;
  unsigned line, col;           /* 1-based */
  bool plain;                   /* an unquoted scalar */
  const char *str;              /* scalars: NUL-terminated text */
  size_t len;
  unsigned nl_line, nl_col;     /* scalars: where the text's first line
                                   break (U+000A) was written, or 0 */
  struct ynode **kids;
  size_t n;                     /* number of kids */
};

/** ytree_parse - parse the LEN bytes of BUF, named FILE in messages.
   Refuses anchors, aliases, tags, several documents, duplicate keys,
   non-scalar keys, anything past the bounds above, and scalars that
   hold a character a terminal must not be given in block text
   (text_unsafe (C, true), text_safe.h); each problem goes to DIAGS.
   Whether a scalar may hold a line break is the caller's to say.
   @retval the root node (in ARENA), or NULL when the file is unusable
   or empty.  */
struct ynode *ytree_parse (struct arena *arena, const char *file,
                           const unsigned char *buf, size_t len,
                           struct diags *diags);

/** ytree_parse_values - ytree_parse, with the text of every scalar
   that is not a mapping key in VALUES, and everything else (the nodes,
   the keys) in TREE: a caller that keeps only the values may free TREE
   once it has read the tree.  */
struct ynode *ytree_parse_values (struct arena *tree, struct arena *values,
                                  const char *file, const unsigned char *buf,
                                  size_t len, struct diags *diags);

/** ytree_get - the value for KEY in map MAP, or NULL.  */
const struct ynode *ytree_get (const struct ynode *map, const char *key);

/** ytree_type_name - a translated name of TYPE, for messages.  */
const char *ytree_type_name (enum ynode_type type);

#endif
