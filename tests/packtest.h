/* packtest.h - the tests of the compiled pack (packfile.h), in four
   programs (unit-packfile: round trips and an image beside its YAML;
   unit-packdamage: damage and edges; unit-packvariants: packs the
   reader must refuse; unit-packsearch: the search index), and what
   they share.  The compiled pack is checked by breaking its reader on
   purpose: every assertion here fails for at least one
   deliberate break of src/packfile.c (the list below), and none counts
   "did not crash".  A loop over many images is one assertion, which
   names the first image that broke its rule.

   - Round trips: an image of tests/data/good and of data loads back
     into the pack of the YAML: field by field, byte for byte when
     compiled again, the same --dump in English and in Chinese; from a
     copy of the caller's bytes; and never for another YAML's hash.
   - packfile_load: an image is used only while the YAML beside it is
     unchanged, and the hash sees every byte, name and size.
   - Damage: every truncation, and every change of a header word, a
     count, a string reference, a kind, a citation or a link to a value
     the format forbids, is refused; an image that still loads (a word or a
     byte changed to a value that is allowed) holds a sound pack
     (pack_sound: what the rest of pinav relies on).
   - The search index (search_blob.h): an image that holds one reads
     back with it, and the search uses it and finds what an index built
     from the strings finds; with any byte of it damaged, or cut short,
     it is not used, and the search finds the same; with hostile words
     and the checksum made to fit (under --enable-sanitizers), the
     search reads nothing outside it.
   - Edges: hand-made images, each in a small image and in one that
     fills a block of the arena of its own (so that ASan sees a read
     past its end); packs that packfile_encode writes as it is given
     them but that the reader must refuse.

   Each break of src/packfile.c below was made by hand, and failed the
   assertions named (A: in the --enable-sanitizers build only; V: under
   valgrind only; crash: the reader itself dereferences NULL, or runs
   out of memory, in that assertion's loop):
     magic, version, header size, size, table count or zero word not
       checked; unread records allowed ........ header words
     a table's end unchecked (crash), or one byte past it allowed
       ........................................ truncations; a text one
                                                byte longer (A)
     a table may start inside the header ...... empty table in header
     the text's last NUL not required ......... text without its NUL
     no string length limit, or > made >= ..... a string of 1 MiB
     UTF-8 unchecked; overlong forms, surrogates or code points past
       U+10FFFF accepted; non-ASCII skipped ... the UTF-8 edges
     the 8-byte fast path reading past the text  data loads back, both
                                                images load (A)
     3-byte characters (Chinese) refused ...... round trips
     a reference into a string or just past the text, PF_NONE for a
       required string (crash) or in a list, an id's characters
       ........................................ string references
     an id of 65 characters ................... id of 65 characters
     kind, flags or untraced out of range ..... kinds
     attribute type out of range .............. type past the last
     a citation past the last (crash), or clamped to the last
       ........................................ citations
     sections not all read before citations ... header words (crash)
     a link past the last item (crash), or to an item outside the
       independent collection, or from an untraced item
       ........................................ links; the variant named
     para with items, list with text, document without sections,
       value shapes (boolean, unset text or list, missing text),
       ref_collection on a non-refs attribute . the variant named
     a field swapped or lost (section index, title and source,
       untraced, values' record, sources' count, last item, columns,
       menu's count, glossary, independent, links' item); the caller's
       bytes
       not copied ............................. field by field
     a collection's intro required ............ every image loads
     the hash not compared, or only half of it  any other hash
     packfile_load ignoring the hash .......... YAML edited
     names, sizes, the last file, a file's tail, or 7 lanes of 8 not
       hashed ................................. renamed, sizes, bytes
     an image named explicitly ignored ........ named explicitly
     pack.bin opened blocking (a FIFO hangs), or read when shorter
       than a header (V) ...................... pack.bin not an image
     the characters of text_safe.h not refused in the text, or only
       those of one byte ...................... the F1 and F5 variants
     a line break allowed in a string of one line (pf_text for
       pf_str), or refused in block text ...... F1: a line break
     the search index's checksum not compared (src/view/search_blob.c)
       ........................................ the index damaged
     a posting past the last string allowed ... hostile words (A)
   Not caught, as no test can: "exactly one pack record" (a count of 0
   or 2 fails later anyway) and "pack.bin must be a regular file" (any
   other file open gives is too short to read, or fails to read).  */
#ifndef PINAV_PACKTEST_H
#define PINAV_PACKTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "content.h"

/* The hash that the tests' own images name.  */
#define HASH 7

/* The source tree (top_srcdir), and /dev/null open for writing.  */
extern const char *srcdir;
extern FILE *devnull;

/** packtest_init - set SRCDIR and DEVNULL, and the interface in English
   with the build tree's catalogues (PINAV_LOCALEDIR, else
   top_builddir/locale); exits 99 when it cannot.  */
void packtest_init (void);

/** load_dir - the pack in SRCDIR/REL, read from its YAML; its
   diagnostics printed.  */
struct content_pack *load_dir (const char *rel);

/** dump_text - the whole --dump of P at WIDTH, malloc'd; *LEN bytes.  */
char *dump_text (const struct content_pack *p, size_t width, size_t *len);

/** same_dumps - the same --dump of A and B, wrapped and not, in English
   and in Chinese; and the Chinese is not the English.  */
bool same_dumps (const struct content_pack *a, const struct content_pack *b);

/** same_str - A and B both NULL, or equal.  */
bool same_str (const char *a, const char *b);

/** decode_all - decode every document and collection of P that is
   pending.  @retval how many are unavailable.  */
size_t decode_all (const struct content_pack *p);

/** same_pack - A and B the same pack, field by field (B decoded).  */
bool same_pack (const struct content_pack *a, const struct content_pack *b);

/** sound_id - S an id: 1 to 64 of a-z, 0-9 and '-'.  */
bool sound_id (const char *s);

/** pack_sound - P keeps what a loaded pack promises the rest of pinav
   (content.h).  */
bool pack_sound (const struct content_pack *p);

enum verdict { REFUSED, SOUND, UNSOUND };

/** try_image - load the LEN bytes of IMG and, when the pack is sound,
   show every page of it; a pack with a part unavailable is REFUSED.  */
enum verdict try_image (const unsigned char *img, size_t len);

/** item_of - item ID of collection COLL of P (exits 99 if none).  */
struct content_item *item_of (struct content_pack *p, const char *coll,
                              const char *id);

#endif
