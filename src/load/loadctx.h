/* loadctx.h - the loader's shared state and node checks (internal to
   load.c and load_kinds.c).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_LOADCTX_H
#define PINAV_LOADCTX_H

#include <stdbool.h>

#include "content.h"
#include "diag.h"
#include "ytree.h"

enum ref_kind
{
  REF_CITE, REF_ITEM, REF_COLLECTION, REF_MENU, REF_ATTR,
  /* The sections of a document, the items or the attributes of a
     collection, that could not all be read: a reference to one of them
     that seems missing may not be.  */
  REF_UNSURE_SECTIONS, REF_UNSURE_ITEMS, REF_UNSURE_ATTRS,
  REF_DEF_DOC, REF_DEF_COLL, REF_DEF_COMP  /* definitions, for duplicates */
};

/* A cross-reference to check once every file is read.  */
struct loadref
{
  enum ref_kind kind;
  const char *file;
  unsigned line, col;
  const char *value;            /* the text written */
  const char *scope;            /* REF_ITEM, REF_ATTR: the collection */
  struct content_cite *cite;    /* REF_CITE: filled in when resolved */
};

struct loadctx
{
  struct content_pack *pack;
  struct diags *diags;
  const char *file;
  size_t n_errors;              /* problems found in this pack */
  struct loadref *refs;
  size_t n_refs, cap_refs;
  size_t cap_docs, cap_colls, cap_comps;
  const char *pack_file;        /* the file of kind pack, once read */
  size_t n_unread;              /* files whose ids could not be read */
  bool unsure_docs;             /* a document's id could not be read */
  bool unsure_colls;            /* a collection's id could not be read */
  bool unsure_comps;            /* a comparison's id could not be read */
};

/** lc_error - report a problem at node N (or the file when N is NULL).  */
void lc_error (struct loadctx *lc, const struct ynode *n, const char *fmt,
               ...) __attribute__ ((format (printf, 3, 4)));

/** lc_show - S clipped to a short quotation for a message.  */
const char *lc_show (struct loadctx *lc, const char *s);

/** lc_keys - check MAP is a mapping whose keys are all in ALLOWED and
   that has every key in REQUIRED (both NULL-terminated).
   @retval false when MAP is not a mapping.  */
bool lc_keys (struct loadctx *lc, const struct ynode *map,
              const char *const *allowed, const char *const *required);

/** lc_str - the string at KEY of MAP; NULL (reported) if not a string.  */
const char *lc_str (struct loadctx *lc, const struct ynode *map,
                    const char *key);

/** lc_id - like lc_str, and checks the id syntax (NULL when invalid):
   for references to an id.  */
const char *lc_id (struct loadctx *lc, const struct ynode *map,
                   const char *key);

/** lc_defid - like lc_id, but an invalid id (reported) is returned as
   written: for the id a thing defines, so that references to it do
   not report it missing too.  */
const char *lc_defid (struct loadctx *lc, const struct ynode *map,
                      const char *key);

/** lc_value - the value of KEY in MAP when it is of type T; NULL when
   there is none, or (reported) when it is of another type.  */
const struct ynode *lc_value (struct loadctx *lc, const struct ynode *map,
                              const char *key, enum ynode_type t);

/** lc_type - check N is of type T, else report it (at the value of KEY
   when KEY is not NULL).  */
bool lc_type (struct loadctx *lc, const struct ynode *n, enum ynode_type t,
              const char *key);

/** lc_seq - the list at KEY of MAP, or NULL (reported if not a list).  */
const struct ynode *lc_seq (struct loadctx *lc, const struct ynode *map,
                            const char *key);

/** lc_strings - copy the strings of list node SEQ into *OUT.
   @retval the count (0 on error).  */
size_t lc_strings (struct loadctx *lc, const struct ynode *seq,
                   const char ***out);

/** lc_ref - remember a cross-reference at node N to check later.  */
void lc_ref (struct loadctx *lc, enum ref_kind kind, const struct ynode *n,
             const char *scope, struct content_cite *cite);

/** lc_unsure - note that the sections (REF_UNSURE_SECTIONS) of document
   ID, or the items or attributes of collection ID, could not all be
   read, so that references to them are not reported missing.  */
void lc_unsure (struct loadctx *lc, enum ref_kind kind, const char *id);

/** lc_id_valid - true when S is a valid id.  */
bool lc_id_valid (const char *s);

/** load_document - read a node of kind document.  */
void load_document (struct loadctx *lc, const struct ynode *root);

/** load_collection - read a node of kind collection.  */
void load_collection (struct loadctx *lc, const struct ynode *root);

/** load_packinfo - read a node of kind pack.  */
void load_packinfo (struct loadctx *lc, const struct ynode *root);

/** load_refs_check - once every file is read and the pack's index is
   built, report every cross-reference that names nothing, and what is
   defined twice.  */
void load_refs_check (struct loadctx *lc);

#endif
