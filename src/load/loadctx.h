/* loadctx.h - the loader's shared state and node checks (loadctx.c),
   internal to the loader.

   The loader's files call one another in one direction only, from the
   top down; nothing calls back up:

     load.c          load_pack, load_pack_buffer: reads the files,
      |              starts and finishes a load
      |-> load_kinds.c   a file by its kind: documents, the pack file
      |    `-> load_coll.c   a collection: attributes, items, values
      |-> load_refs.c    once every file is read: the references
      `-> (each of them) loadctx.c   messages, node checks, references
                                      to check, the pack's arrays
                           `-> ytree.c (the tree), the model, base

   load.c alone parses YAML (ytree_parse_values); the others only read
   the tree it gives them.
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
  /* An item's 'independent' list (the value is the item's id; an empty
     list is an error once the pack names its independent collection),
     an entry of it, and a topic item without one (the scope is its
     collection): what they need is known once the file of kind pack
     is read.  */
  REF_INDEP_LIST, REF_INDEP, REF_INDEP_NONE,
  /* The first 'sort' of the items of a collection (the value and the
     scope are its id): only the glossary's items have sort keys; and
     an item without a key in a language (LANG) that other items of
     its collection (the scope) have one in: an error in the glossary,
     and one 'sort' too many elsewhere.  */
  REF_SORT, REF_SORT_NONE,
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
  struct content_link *link;    /* REF_INDEP: filled in when resolved;
                                   REF_INDEP_LIST: its first entry, and
                                   the count in N_LINKS */
  size_t n_links;
  const char *lang;             /* REF_SORT_NONE: the key's language */
};

struct loadctx
{
  struct content_pack *pack;
  struct diags *diags;
  const char *file;
  size_t n_errors;              /* problems found in this pack */
  struct loadref *refs;
  size_t n_refs, cap_refs;
  size_t cap_docs, cap_colls, cap_comps;  /* room in the pack's arrays */
  const char *pack_file;        /* the file of kind pack, once read */
  size_t n_unread;              /* files whose ids could not be read */
  bool unsure_docs;             /* a document's id could not be read */
  bool unsure_colls;            /* a collection's id could not be read */
  bool unsure_comps;            /* a comparison's id could not be read */
  bool unsure_indep;            /* the pack file's 'independent' could not
                                   be read */
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

/** lc_str - the string at KEY of MAP, text of one line (a title, a
   name: lc_one_line); NULL (reported) if not a string, empty or not
   of one line.  */
const char *lc_str (struct loadctx *lc, const struct ynode *map,
                    const char *key);

/** lc_text - like lc_str, for block text (a paragraph), which may
   hold line breaks.  */
const char *lc_text (struct loadctx *lc, const struct ynode *map,
                     const char *key);

/** lc_one_line - check that scalar N holds no line break (U+000A),
   else report where it was written.  (Every other character that
   may not reach a terminal, ytree has refused.)  */
bool lc_one_line (struct loadctx *lc, const struct ynode *n);

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

/** lc_strings - copy the strings of list node SEQ, each of one line
   (lc_one_line), into *OUT.
   @retval the count (0 on error).  */
size_t lc_strings (struct loadctx *lc, const struct ynode *seq,
                   const char ***out);

/** lc_texts - like lc_strings, for entries of block text (a list's
   bullets), which may hold line breaks.  */
size_t lc_texts (struct loadctx *lc, const struct ynode *seq,
                 const char ***out);

/** lc_ref - remember a cross-reference at node N to check later.  */
void lc_ref (struct loadctx *lc, enum ref_kind kind, const struct ynode *n,
             const char *scope, struct content_cite *cite);

/** lc_ref_at - like lc_ref, at node AT (of any type) for the text
   VALUE.  @retval the reference, for the caller to fill in, or NULL
   (reported) when out of memory.  */
struct loadref *lc_ref_at (struct loadctx *lc, enum ref_kind kind,
                           const struct ynode *at, const char *value,
                           const char *scope);

/** lc_unsure - note that the sections (REF_UNSURE_SECTIONS) of document
   ID, or the items or attributes of collection ID, could not all be
   read, so that references to them are not reported missing.  */
void lc_unsure (struct loadctx *lc, enum ref_kind kind, const char *id);

/** lc_id_valid - true when S is a valid id.  */
bool lc_id_valid (const char *s);

/** lc_alloc - zeroed room in the pack's arena for COUNT objects of SIZE
   bytes (at least one); NULL (reported) when out of memory.  */
void *lc_alloc (struct loadctx *lc, size_t count, size_t size);

/** lc_unique - report the later of any two equal ids (the 'id' of each
   mapping of list SEQ) as a duplicate WHAT id: O(n log n).  */
void lc_unique (struct loadctx *lc, const struct ynode *seq,
                const char *what);

/** lc_settle - move the pack's arrays of documents, collections and
   comparisons, which grow in the heap (VEC_ROOM, with the capacities
   above) while the files are read, into its arena, as content_free
   expects, once every file is read.
   @retval false when out of memory (not reported).  */
bool lc_settle (struct loadctx *lc);

#endif
