/* packfmt.h - the layout of a compiled pack image, and what
   packfile.c tells packfile_read.c (internal to packfile*.c).

   Every integer is a little-endian u32, except the header's size,
   hash and stamp (u64).  The image is:

     header       magic "PINAVPK\n", version, header size, total size,
                  the YAML's hash, the number of tables, 0, the YAML's
                  stamp (packfile.h: packfile_stamp_dir; 0 for none)
     directory    for each table: its offset and its count of records
     tables       fixed-size records of u32 words (PF_WIDTH), then the
                  text: every string, NUL-terminated, one after another
     search       the search index made when the pack was compiled
                  (content.h: search_blob), at an offset that is a
                  multiple of 8, to the image's end (or empty, at its
                  end, for none); bytes that the loader hands on
                  without reading them (the search checks them, and
                  builds its index without them when they are not
                  sound: src/view/search_blob.h); empty for none.  It
                  names strings by their offsets in the text
                  (packfile_attach_search; src/view/search_stored.h)

   A string is the offset of its first byte in the text (PF_NONE for
   none); a reference is valid only at the start of a string.  Records
   hold no offsets of other records: each table is read in order, and a
   record's count (a document's sections, a section's blocks...) takes
   that many of the next records of the table it names, so that every
   record belongs to exactly one owner.  A document's and a
   collection's records also say how many records of each table all
   their sections' or items' records take, so that loading can pass
   over them without reading them (a 1 GB pack's are 70 MB), and
   decoding one checks that they take exactly so many.  The tables are read in this
   order: the pack's about and menu (STRS); then each document, its
   sections (SEC), each section's blocks (BLOCK), each list's entries
   (STRS), and the items that cite the section (BREF: each once, in the
   pack's order, as content_backrefs_build makes them; read when the
   document is decoded, so that loading builds none); each collection, its related collections (STRS), the
   languages of its sort keys (STRS), attributes (ATTR) and items
   (ITEM), and for each item one value (VALUE) an attribute, with its
   list (STRS), one sort key (STRS) a language, its claims (CLAIM) with their
   citations (CITE), its sources (CITE), then its links to what
   independent bodies say (LINK); then each comparison and its columns
   (STRS); last the pack's words (WORDS).  The items' names come first
   in the text, side by side (view.c reads them all in a translated
   language).  A citation is the index of its section in SEC; a link the
   index in ITEM of an item of the collection the pack names
   independent, resolved once every item is read; a back reference the
   index in ITEM of an item (content_cited_by keeps it only if the item
   does cite the section).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_PACKFMT_H
#define PINAV_PACKFMT_H

#include <stddef.h>
#include <stdint.h>

#define PF_MAGIC "PINAVPK\n"
#define PF_VERSION 8
#define PF_NONE UINT32_MAX

/* The largest image: what the format can address, every offset in it
   being a u32 (the bundled pack's is 0.1 MiB; a 1 GB pack's is mapped,
   and the arrays it loads into take about a third of its size); and the
   longest string (ytree's limit for a scalar, YTREE_MAX_SCALAR).  */
#define PF_MAX_SIZE ((uint64_t) 4096 * 1024 * 1024)
#define PF_MAX_STRING (1024 * 1024)

/* The header's fields: byte offsets.  */
enum
{
  PF_H_MAGIC = 0, PF_H_VERSION = 8, PF_H_HSIZE = 12, PF_H_SIZE = 16,
  PF_H_HASH = 24, PF_H_NTABLES = 32, PF_H_ZERO = 36, PF_H_STAMP = 40,
  PF_H_DIR = 48
};

enum pf_table
{
  PF_PACK, PF_DOC, PF_SEC, PF_BLOCK, PF_COLL, PF_ATTR, PF_ITEM, PF_VALUE,
  PF_CLAIM, PF_CITE, PF_LINK, PF_COMP, PF_STRS, PF_BREF, PF_WORDS,
  PF_TEXT, PF_SEARCH, PF_NTABLES
};

#define PF_HEADER_SIZE (PF_H_DIR + 8 * PF_NTABLES)

/* The words of a record of each table (the text and the search
   index: bytes, width 0).
   PACK      title, reviewed, disclaimer, n_about, n_menu, glossary,
             glossary_also, independent
   DOC       id, title, publisher, source, n_sections, and the records
             its sections take: n_blocks, n_strs, n_brefs
   SEC       id, heading, n_blocks, n_cited_by
   BLOCK     kind, text, n_items
   COLL      id, title, intro, untraced, n_related, n_attrs, n_items,
             n_sort_langs, longest_name (the bytes of the longest of its
             items' names: a list is laid out before they are read), and
             the records its items take: n_values, n_strs, n_claims,
             n_cites, n_links
   ATTR      id, label, type, ref_collection
   ITEM      id, name, summary, n_claims, n_sources, n_independent
   VALUE     flags (PF_SET, PF_TRUE), text, n_list
   CLAIM     text, n_cites
   CITE      section
   LINK      item
   COMP      id, title, collection, n_columns
   STRS      string
   BREF      item (one that cites the section: its back reference)
   WORDS     string (content_pack.words: names, then the glossary's
             other forms, that are not all printable ASCII)  */
#define PF_WIDTHS { 8, 8, 4, 3, 14, 4, 6, 3, 2, 1, 1, 4, 1, 1, 1, 0, 0 }

enum { PF_SET = 1, PF_TRUE = 2 };

/* What is wrong with an image, for packfile_load's message.  */
enum pf_fault
{
  PF_FINE, PF_NOT_IMAGE, PF_OTHER_VERSION, PF_TOO_BIG, PF_WRONG_SIZE,
  PF_DAMAGED, PF_UNSAFE
};

struct content_pack;

/** pf_check_header - what is wrong with the header and the directory,
   at IMG (PF_HEADER_SIZE bytes), of an image of LEN bytes (packfile.c):
   they can be checked before the rest is read.  */
enum pf_fault pf_check_header (const unsigned char *img, uint64_t len);

/** pf_decode_image - read the LEN-byte image at IMG, which lives as
   long as PACK (in its arena, or its backing), into PACK (packfile.c).  The hash is not looked at.
   @retval PF_FINE; PF_UNSAFE, with the character that a terminal must
   not be given in *UNSAFE; or another fault.  */
enum pf_fault pf_decode_image (struct content_pack *pack,
                               const unsigned char *img, size_t len,
                               uint32_t *unsafe);

static inline uint32_t
pf_get32 (const unsigned char *p)
{
  return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16
         | (uint32_t) p[3] << 24;
}

static inline uint64_t
pf_get64 (const unsigned char *p)
{
  return pf_get32 (p) | (uint64_t) pf_get32 (p + 4) << 32;
}

static inline void
pf_put32 (unsigned char *p, uint32_t v)
{
  p[0] = (unsigned char) v;
  p[1] = (unsigned char) (v >> 8);
  p[2] = (unsigned char) (v >> 16);
  p[3] = (unsigned char) (v >> 24);
}

static inline void
pf_put64 (unsigned char *p, uint64_t v)
{
  pf_put32 (p, (uint32_t) v);
  pf_put32 (p + 4, (uint32_t) (v >> 32));
}

#endif
