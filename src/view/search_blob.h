/* search_blob.h - the search index made when a pack is compiled, kept
   in its image (content.h: search_blob), so that the first search
   does not fold every string of a large pack again: the English
   text's folded strings, its word index and its names and headings
   kept apart (search_int.h), as bytes.  Only English: the other
   languages' text comes from the message catalogue at run time.  The
   bytes are untrusted, like the rest of the image, and checked by the
   part that is read, when it is read, not whole at the first search
   (1.25 GB at 1 GB of YAML): a checksum for every chunk of 64 KiB, the
   table of them checked with the header; the offsets, the
   vocabulary and the tiers' offsets and strings (a few percent of it)
   checked, and their chunks (but the offsets'), before the index is
   used; a chunk of the text, of its offsets, of the postings or of
   the stored part when a search first reads it, and each posting and
   stored value as it is read.  An index whose header, counts or
   offsets are not sound is not used (the search folds the text then, as without
   it); one found damaged as it is read is given up, and the search
   that found it is done again on the text folded from the strings.

   Layout: the header (72 bytes: the magic "PNVSIX3\n"; u32 the
   strings, the text's bytes without its last NUL, the words, the
   vocabulary's bytes, the postings, the libunistring version (its
   Unicode tables fold the text), the longest string's bytes, the
   names and their bytes, the headings and their bytes, the log2 of a
   chunk's bytes (8 to 24); u64 the checksum of the chunks'
   checksums; u32 the targets and their locations' bytes); the chunks' checksums (u64 each); then the body, whose
   chunks they are: the count of each byte of the text (256 u32); the
   text (each string and its NUL, then one more NUL), padded to 4
   bytes; each string's offset in it (strings + 1 u32); the
   vocabulary, padded to 4 bytes; each word's offset in it (words + 1
   u32); where each word's postings start (words + 1 u32); the
   postings (string numbers, u32); then for the names, then the
   headings: their text (as the text's), padded to 4 bytes, their
   offsets (+ 1 u32), and the number of the text's string each is
   (u32, rising); then the stored part (search_stored.h): what each
   string and each target is.  Every integer is little-endian; the arrays are used
   where they are in the image, on little-endian machines, when it is
   at a multiple of 8 bytes.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_BLOB_H
#define PINAV_SEARCH_BLOB_H

#include <stdbool.h>
#include <stddef.h>

/* The bytes of a compiled index's header.  */
#define SEARCH_BLOB_HEADER 72

struct content_pack;
struct search_index;
struct search_text;

/** search_blob_make - the bytes of IX's English text and its word
   index, for a compiled pack's image.
   @retval them, malloc'd, *LEN bytes; NULL when out of memory, when
   IX has no word index, or on a big-endian machine.  */
unsigned char *search_blob_make (const struct search_index *ix,
                                 size_t *len);

/** search_blob_make_chunked - search_blob_make, with a checksum for
   each 1 << SHIFT bytes (8 to 24; search_blob_make's are 64 KiB):
   for the tests, that check the index by the part that is read.  */
unsigned char *search_blob_make_chunked (const struct search_index *ix,
                                         unsigned shift, size_t *len);

/** search_blob_chunks_read - how many of the *CHUNKS chunks of T's
   compiled index were checked so far (0 of 0 for a text built from
   the strings).  */
size_t search_blob_chunks_read (const struct search_text *t,
                                size_t *chunks);

/** search_blob_seal - write the checksum of the LEN bytes at BLOB
   into them (search_blob_make does): for the tests, that change them
   as a hostile image could.  */
void search_blob_seal (unsigned char *blob, size_t len);

/** search_blob_strings - how many strings the LEN bytes at BLOB say
   they index, 0 when they say nothing sound: a hint, for room.  */
size_t search_blob_strings (const unsigned char *blob, size_t len);

/** search_blob_sound - whether the N bytes at AT, of T's compiled
   index, may be read: their chunks' checksums were found right, now
   or before (always true for a text built from the strings).  A wrong
   one marks T damaged (search_blob_damaged), and every call after
   says false.  */
bool search_blob_sound (const struct search_text *t, const void *at,
                        size_t n);

/** search_blob_damage - mark T's compiled index damaged: a value read
   from it (a posting) was found out of its range.  */
void search_blob_damage (const struct search_text *t);

/** search_blob_damaged - whether T's compiled index was found damaged
   when read: what was searched with it may be wrong, and T must be
   built again from the strings.  */
bool search_blob_damaged (const struct search_text *t);

/** search_blob_forget - release what search_blob_read kept of T's
   checks.  */
void search_blob_forget (struct search_text *t);

/** search_blob_read - set T's text, byte counts, word index, tiers
   and stored part (search_stored.h: each string's target, rank and
   text, each target's location, title and context) from the LEN bytes
   at BLOB, borrowed (they must outlive T), when what is checked before
   use is sound; PACK, whose image holds BLOB, has the strings the
   stored part names.  O(strings + words + tiers), not O(LEN): the
   text, the postings and the stored part are checked when read
   (search_blob_sound).
   @retval false, with T untouched, when they are not.  */
bool search_blob_read (struct search_text *t,
                       const struct content_pack *pack,
                       const unsigned char *blob, size_t len);

#endif
