/* search_stored.h - the part of a compiled search index (search_blob.h)
   that says what each string and each target is (struct
   search_stored), so that the first search walks none of the pack:
   writing it, finding it in the blob, and reading it, each value
   checked as it is read.

   Layout (after the tiers, in the blob's body): each string's target
   (strings u32); its English text and its attribute's label (strings
   u32 each: offsets in the image's text, 0xFFFFFFFF for none); its
   flags (strings bytes: its rank, and 4 when it is its target's
   title), padded to 4 bytes; each target's location's offset in the
   locations (targets + 1 u32), its title and its context (targets
   u32 each, offsets in the image's text, 0xFFFFFFFF for none), its
   first string (targets + 1 u32, the last the strings); the
   locations, each NUL-terminated, padded to 4 bytes.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_STORED_H
#define PINAV_SEARCH_STORED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct search_index;
struct search_stored;
struct content_pack;

/** search_stored_size - the bytes of the stored part of an index of N
   strings and NT targets whose locations take LOCS bytes.  */
uint64_t search_stored_size (uint64_t n, uint64_t nt, uint64_t locs);

/** search_stored_locs - the bytes IX's targets' locations take, each
   with its NUL.  */
size_t search_stored_locs (const struct search_index *ix);

/** search_stored_put - write IX's stored part at P (search_stored_size
   bytes, cleared), IX built by walking a pack read from its image:
   its strings are referred to by their offsets in the image's text.
   @retval false when one is not in it (a pack read from its YAML).  */
bool search_stored_put (const struct search_index *ix, unsigned char *p);

/** search_stored_arrays - ST's arrays in the stored part at P, of N
   strings, NT targets and LOCS bytes of locations, and PACK's text.  */
void search_stored_arrays (struct search_stored *st, const unsigned char *p,
                           size_t n, size_t nt, size_t locs,
                           const struct content_pack *pack);

#endif
