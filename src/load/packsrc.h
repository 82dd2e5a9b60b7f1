/* packsrc.h - where the pack came from: loaded once as main.c has
   always loaded it (its compiled image when that is current, else its
   YAML), and, for a kiosk, loaded again when its files have changed
   (the idle reset: view/app.h).  Whether they changed is told by a
   stat of each file (its inode, size and modification time) taken
   before the load, so that an unchanged pack costs a directory listing
   and a few stats, and is never parsed again.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_PACKSRC_H
#define PINAV_PACKSRC_H

#include <stdbool.h>
#include <stdio.h>

#include "content.h"

struct pack_stamp;

struct pack_source
{
  const char *path;             /* a pack directory, or one YAML file */
  bool compiled;                /* its pack.bin may be used */
  struct pack_stamp *stamp;     /* the files of the pack in use, when
                                   watched; else NULL */
  struct pack_stamp *tried;     /* the files of the last pack refused, or
                                   NULL: not tried again until they
                                   change */
};

/* What pack_source_reload did.  */
enum pack_reload
{
  PACK_SAME,            /* no file changed (or only back to ones refused) */
  PACK_RELOADED,        /* a new pack, which passed every check */
  PACK_REFUSED          /* the files changed, and the pack they make
                           has errors: the old one stays */
};

/** pack_source_load - the pack at PATH, from its compiled image when
   COMPILED and there is one for its YAML as it is now (or one that
   PINAV_PACKBIN names, for an uninstalled pinav), else from its YAML;
   every problem goes to ERR.  When WATCH, the files are stamped first,
   for pack_source_reload.  SRC keeps PATH (which must outlive it).
   @retval the pack, or NULL when it has errors.  */
struct content_pack *pack_source_load (struct pack_source *src,
                                       const char *path, bool compiled,
                                       bool watch, FILE *err);

/** pack_source_reload - when SRC is watched and a file of its pack
   has changed since it was loaded (a file added, removed, replaced or
   written to), load the pack again as pack_source_load did.  On
   PACK_RELOADED, *PACK is the new pack (the caller frees the old one)
   and *WHAT says which files changed ("changed: d003.yaml, pack.bin;
   added: d005.yaml"); on PACK_REFUSED, *WHAT is the loader's first
   problem, FILE:LINE:COLUMN: message (and how many more there are).
   *WHAT is malloc'd, or NULL.  The same refused files are not loaded
   again.
   @retval what happened.  */
enum pack_reload pack_source_reload (struct pack_source *src,
                                     struct content_pack **pack,
                                     char **what);

/** pack_source_free - forget SRC's stamps (not its pack).  */
void pack_source_free (struct pack_source *src);

#endif
