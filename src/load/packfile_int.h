/* packfile_int.h - the reader of a compiled pack image, shared by
   packfile.c (the pack, its documents) and packfile_coll.c (its
   collections and items); internal to them.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_PACKFILE_INT_H
#define PINAV_PACKFILE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content.h"
#include "packfmt.h"

static const unsigned pf_widths[PF_NTABLES] = PF_WIDTHS;

/* An image being read into a pack.  */
struct pf
{
  const char *text;
  uint32_t text_size;
  const unsigned char *at[PF_NTABLES];  /* each table's first record */
  uint32_t count[PF_NTABLES];           /* its records */
  uint32_t next[PF_NTABLES];            /* its next record to read */
  struct content_pack *pack;
  struct content_document *docs;
  struct content_section *secs;
  struct content_block *blocks;         /* the decoded document's */
  uint32_t blocks_base;                 /* the BLOCK index of its first */
  struct content_collection *colls;
  struct content_attrdef *attrs;
  struct content_item *items;
  struct content_value *values;
  struct content_claim *claims;
  struct content_cite *cites;
  struct content_link *links;
  struct content_comparison *comps;
  const char **strs;
  bool ok;
  uint32_t unsafe;              /* a character refused, or PF_NONE */
  /* Per document, and one past the last: its first BLOCK and STRS
     (pf_document), for pf_doc_decode.  */
  uint32_t *doc_block;
  uint32_t *doc_strs;
  uint32_t *doc_bref;
  /* Per collection: where each table stood when its items began, and
     when they ended (pf_collection), for pf_coll_decode.  */
  uint32_t (*coll_from)[PF_NTABLES];
  uint32_t (*coll_to)[PF_NTABLES];
  struct content_decoder decoder;       /* the kept reader's */
  const struct content_decoder *dec;    /* it */
};

/* Word I of record REC.  */
#define W(rec, i) pf_get32 ((rec) + 4 * (i))

/* The next record of table T, or NULL (the image is bad).  */
static inline const unsigned char *
pf_take (struct pf *r, enum pf_table t)
{
  if (!r->ok || r->next[t] >= r->count[t])
    {
      r->ok = false;
      return NULL;
    }
  return r->at[t] + 4 * pf_widths[t] * (size_t) r->next[t]++;
}

/* Record I of table T, which pf_span has taken.  */
static inline const unsigned char *
pf_rec (const struct pf *r, enum pf_table t, size_t i)
{
  return r->at[t] + 4 * pf_widths[t] * i;
}

/* Take N records of table T at once: the index of the first, in
   *FIRST.  @retval N, or 0 when there are not that many left.  */
static inline size_t
pf_span (struct pf *r, enum pf_table t, uint32_t n, size_t *first)
{
  *first = r->next[t];
  if (!r->ok || n > r->count[t] - r->next[t])
    {
      r->ok = false;
      return 0;
    }
  r->next[t] += n;
  return n;
}

/** pf_text - the string at REF of R's text, of any number of lines:
   NULL for PF_NONE, which is bad (R->ok false) when REQUIRED; bad too
   when REF is not the start of a string, or the string is not UTF-8 or
   holds a character a terminal must not be given.  */
const char *pf_text (struct pf *r, uint32_t ref, bool required);

/** pf_str - like pf_text, for text of one line (a title, a name).  */
const char *pf_str (struct pf *r, uint32_t ref, bool required);

/** pf_id - like pf_str, for an id: 1 to 64 of a-z, 0-9 and '-'.  */
const char *pf_id (struct pf *r, uint32_t ref, bool required);

/** pf_strs - a list of N strings, the next of STRS, each of one line
   unless BLOCK: *OUT, NULL when empty.  @retval N, or 0 when bad.  */
size_t pf_strs (struct pf *r, uint32_t n, bool block, const char ***out);

/** pf_sec_doc - section SEC of SEC (below its count), its DOC and
   INDEX set if they were not: every document is read.  */
struct content_section *pf_sec_doc (struct pf *r, uint32_t sec);

/** pf_collection - read the next collection's record into C and its
   attributes; its items, and the records they take by the counts it
   holds, are decoded when first reached (pf_coll_decode).  K is its
   index.  */
void pf_collection (struct pf *r, size_t k, struct content_collection *c);

/** pf_colls_finish - once every collection is read: check each link
   (to an item of the collection the pack names independent) and set
   it.  @retval false on a bad image.  */
bool pf_colls_finish (struct pf *r);

/** pf_coll_decode - the decoder's (content_decoder.coll_items): decode
   the items of C, which pf_collection left pending, with the reader
   CTX.  */
bool pf_coll_decode (void *ctx, struct content_collection *c);

/** pf_item_coll - the decoder's: the collection of IT, an item of the
   reader CTX's ITEM, or NULL.  */
struct content_collection *pf_item_coll (void *ctx,
                                         const struct content_item *it);

/** pf_item_str - the decoder's: the id (FIELD 0) or the name (1) of
   item I of C, read from its record without decoding C; NULL when it
   is bad.  */
const char *pf_item_str (void *ctx, const struct content_collection *c,
                         size_t i, int field);

#endif
