/* search_blob.h - the search index made when a pack is compiled, kept
   in its image (content.h: search_blob), so that the first search
   does not fold every string of a large pack again: the English
   text's folded strings and its word index (search_int.h), as bytes.
   Only English: the other languages' text comes from the message
   catalogue at run time.  The bytes are untrusted, like the rest of
   the image: every count, offset and index is checked, with a
   checksum over them all, and an index that is not sound, or was not
   made from the strings of the pack at hand, is not used (the search
   folds the text then, as without it).

   Layout: the header (48 bytes: the magic "PNVSIX1\n"; u32 the
   strings, the text's bytes without its last NUL, the words, the
   vocabulary's bytes, the postings, the libunistring version (its
   Unicode tables fold the text); u64 the bytes of the English
   strings before folding, u64 the checksum of all that follows); the
   count of each byte of the text (256 u32); the text (each string
   and its NUL, then one more NUL), padded to 4 bytes; each string's
   offset in it (strings + 1 u32); the vocabulary, padded to 4 bytes;
   each word's offset in it (words + 1 u32); where each word's
   postings start (words + 1 u32); the postings (string numbers, u32).
   Every integer is little-endian; the arrays are used where they are
   in the image, on little-endian machines, when it is at a multiple
   of 8 bytes.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_BLOB_H
#define PINAV_SEARCH_BLOB_H

#include <stdbool.h>
#include <stddef.h>

struct search_index;
struct search_text;

/** search_blob_make - the bytes of IX's English text and its word
   index, for a compiled pack's image.
   @retval them, malloc'd, *LEN bytes; NULL when out of memory, when
   IX has no word index, or on a big-endian machine.  */
unsigned char *search_blob_make (const struct search_index *ix,
                                 size_t *len);

/** search_blob_seal - write the checksum of the LEN bytes at BLOB
   into them (search_blob_make does): for the tests, that change them
   as a hostile image could.  */
void search_blob_seal (unsigned char *blob, size_t len);

/** search_blob_strings - how many strings the LEN bytes at BLOB say
   they index, 0 when they say nothing sound: a hint, for room.  */
size_t search_blob_strings (const unsigned char *blob, size_t len);

/** search_blob_read - set T's text, byte counts and word index from
   the LEN bytes at BLOB, borrowed (they must outlive T), when they are
   sound and were made from the strings of IX; T's entries, links and
   groups are the caller's to make.  O(LEN).
   @retval false, with T untouched, when they are not.  */
bool search_blob_read (struct search_text *t, const struct search_index *ix,
                       const unsigned char *blob, size_t len);

#endif
