/* packfile.h - a compiled content pack: a loaded, checked pack in one
   compact binary image, which loads without parsing YAML (as msgfmt
   compiles a .po).  The YAML stays the source of truth: an image names
   the hash of the YAML files it was compiled from, and is used only
   while they are unchanged.  An image that is truncated, corrupt or
   hostile is refused, and never crashes the reader.  No YAML, no
   curses: the model only.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_PACKFILE_H
#define PINAV_PACKFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content.h"
#include "diag.h"

/* The name of the image in a pack's directory.  */
#define PACKFILE_NAME "pack.bin"

/** packfile_hash_dir - the hash of the pack in directory DIR: FNV-1a
   64 (in eight interleaved lanes) over the name, the size and the
   bytes of each of its *.yaml files (the files load_pack reads), in
   name order.
   @retval false when DIR or one of those files cannot be read, or is
   not a regular file.  */
bool packfile_hash_dir (const char *dir, uint64_t *hash);

/** packfile_stamp_dir - the stamp of the pack in directory DIR: a
   hash of the name, size, inode, modification and change times of
   each of its *.yaml files, in name order, from stat alone (no file is
   read).  As make trusts a target newer than its sources, an image
   whose stamp is the YAML's is used without hashing the YAML; any
   other stamp (the files were copied, installed, touched or edited
   since) means the YAML is hashed, and the image used when its hash
   is the YAML's (packfile_hash_dir).  The change time, which no
   program can set back, catches a file written and given its old
   modification time again.
   @retval false when DIR or one of those files cannot be examined, or
   is not a regular file.  */
bool packfile_stamp_dir (const char *dir, uint64_t *stamp);

/** packfile_set_stamp - record STAMP (packfile_stamp_dir) in the LEN
   bytes of the image IMG, which packfile_encode wrote.  */
void packfile_set_stamp (unsigned char *img, size_t len, uint64_t stamp);

/** packfile_encode - PACK (loaded by load_pack, without errors) as an
   image that names HASH, the hash of its YAML (packfile_hash_dir).
   @retval the image, malloc'd, of *LEN bytes; NULL when out of
   memory or when the pack is too large for the format.  */
unsigned char *packfile_encode (const struct content_pack *pack,
                                uint64_t hash, size_t *len);

/** packfile_attach_search - the image IMG (*LEN bytes, written by
   packfile_encode without a search index) with the BLEN bytes at BLOB
   as its search index (content.h: search_blob), at a multiple of 8 at
   its end; *LEN is then its length.  The search index refers to the
   image's strings by their offsets in its text, so it is made from
   the image read back (packfile_decode), then attached.
   @retval the image, realloc'd from IMG; NULL, with IMG untouched,
   when out of memory, when the image would be too large, or when IMG
   has a search index already.  */
unsigned char *packfile_attach_search (unsigned char *img, size_t *len,
                                       const unsigned char *blob,
                                       size_t blen);

/** packfile_decode - the pack in the LEN bytes of IMAGE, which are
   copied, when it is a valid image that names HASH.  Every offset,
   count, index and string of the image is checked.
   @retval the pack (free it with content_free), or NULL.  */
struct content_pack *packfile_decode (const unsigned char *image, size_t len,
                                      uint64_t hash);

/** packfile_load - the pack in directory DIR, from the image at IMAGE
   (DIR/pack.bin when IMAGE is NULL) when that is valid and was
   compiled from exactly the YAML files DIR holds now.  The file's size
   and the image's header are checked first; the YAML files are read
   and hashed only when those are sound and the image's stamp is not
   theirs (packfile_stamp_dir), and the rest of the image only when
   the hash is the YAML's: mapped (read-only, private: the pack's
   backing, unmapped by content_free) when no one but the running user
   and root can change the file, and read once into the pack's arena
   otherwise (docs/security.md).  An
   image that is there but cannot be read, is not an image, is too big
   or damaged, or holds a character that a terminal must not be given
   (text_safe.h), is named in DIAGS (when not NULL) with the reason;
   one that is missing, or out of date, is not.
   @retval the pack, or NULL: the caller then loads the YAML.  */
struct content_pack *packfile_load (const char *dir, const char *image,
                                    struct diags *diags);

#endif
