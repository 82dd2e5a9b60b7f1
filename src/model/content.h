/* content.h - the content model: a pack of documents and collections.
   It knows neither YAML nor curses.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_CONTENT_H
#define PINAV_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

enum block_kind { BLOCK_PARA, BLOCK_BULLETS, BLOCK_NUMBERED };

/* Whether a document's sections or a collection's items are there to
   be read: a loader may leave them to be decoded when they are first
   reached (content_doc_sections, content_coll_items).  The YAML
   loader fills everything at once (zero: CONTENT_READY).  */
enum content_state
{
  CONTENT_READY, CONTENT_PENDING, CONTENT_UNAVAILABLE
};

struct content_document;
struct content_collection;

/* How a loader decodes what it left pending: each function fills the
   document's sections or the collection's items (and everything under
   them) and says whether it could; when it could not, they are
   unavailable, and read as none.  The model knows nothing of what CTX
   is.  A pending document's SECTIONS and N_SECTIONS are set; a
   section's DOC and INDEX are set when a citation of it is decoded (so
   that content_cite_section can decode its document), the rest of it
   when the document is, and its sections go into the id index
   (content_section) then.  A pending
   collection's ITEMS and N_ITEMS are set, but not what is in them;
   its items go into the id index when one is first looked up
   (content_item); each section's
   CITED_BY may name them (content_cited_by decodes them), and so may
   links (content_link_item).  A pending document's sections may have
   no CITED_BY until it is decoded (content_cited_by decodes it).  */
struct content_item;
struct content_decoder
{
  bool (*doc_sections) (void *ctx, struct content_document *d);
  bool (*coll_items) (void *ctx, struct content_collection *c);
  /* The collection of IT, an item not yet decoded, or NULL.  */
  struct content_collection *(*item_coll) (void *ctx,
                                           const struct content_item *it);
  /* The id (FIELD 0) or the name (1) of item I of C, read without
     decoding C; NULL when bad.  */
  const char *(*item_str) (void *ctx, const struct content_collection *c,
                           size_t i, int field);
  void *ctx;
  struct content_pack *pack;    /* whose id index gets what is decoded */
};

/* A paragraph (text) or a list (items).  */
struct content_block
{
  enum block_kind kind;
  const char *text;
  const char **items;
  size_t n_items;
};

struct content_document;

struct content_section
{
  const char *id;
  const char *heading;
  struct content_block *blocks;
  size_t n_blocks;
  const struct content_document *doc;
  size_t index;                 /* position in doc->sections */
  /* The items whose claims or sources cite this section, each once, in
     the pack's order (content_backrefs_build).  Read them with
     content_cited_by: they may be pending.  */
  const struct content_item **cited_by;
  size_t n_cited_by;
  bool cited_checked;           /* CITED_BY checked (content_cited_by) */
};

struct content_document
{
  const char *id;
  const char *title;
  const char *publisher;        /* NULL when the document names none */
  const char *source;           /* the seed file it was taken from */
  /* Read them with content_doc_sections: they may be pending.  */
  struct content_section *sections;
  size_t n_sections;
  enum content_state state;
  const struct content_decoder *decoder;        /* when pending */
};

enum attr_type { ATTR_TEXT, ATTR_LIST, ATTR_BOOL, ATTR_REFS };

struct content_attrdef
{
  const char *id;
  const char *label;
  enum attr_type type;
  const char *ref_collection;   /* ATTR_REFS only */
};

/* The value of one attribute of one item.  For ATTR_REFS, LIST holds
   item ids in the attribute's collection.  */
struct content_value
{
  bool set;
  const char *text;
  const char **list;
  size_t n_list;
  bool boolean;
};

/* A citation, "document#section", resolved after loading.  SECTION_ID
   may be NULL, in a pack whose document was pending (content_decoder),
   until the citation is first followed (content_cite_section).  */
struct content_cite
{
  const char *doc_id;
  const char *section_id;
  const struct content_section *section;
};

struct content_claim
{
  const char *text;
  struct content_cite *cites;
  size_t n_cites;
};

struct content_collection;
struct content_item;

/* A link from an item to one of the pack's independent items (what a
   regulator or another independent body says about it), written as
   the item's id and resolved after loading.  */
struct content_link
{
  const char *id;
  const struct content_item *item;      /* in the pack's independent
                                           collection */
};

struct content_item
{
  const char *id;
  const char *name;
  const char *summary;
  struct content_value *values;         /* one per attribute definition */
  struct content_claim *claims;
  size_t n_claims;
  struct content_cite *sources;
  size_t n_sources;
  struct content_link *independent;     /* what independent bodies say:
                                           follow with content_link_item */
  size_t n_independent;
  const char **sort;                    /* its sort keys: one a language
                                           of coll->sort_langs */
  const struct content_collection *coll;
  size_t index;
};

struct content_collection
{
  const char *id;
  const char *title;
  const char *intro;
  bool untraced;
  const char **related;                 /* collection ids */
  size_t n_related;
  struct content_attrdef *attrs;
  size_t n_attrs;
  /* Read them with content_coll_items: they may be pending.  */
  struct content_item *items;
  size_t n_items;
  enum content_state state;
  bool indexed;                         /* its items in the id index */
  size_t longest_name;                  /* the bytes of its items' longest
                                           name, 0 until known (read
                                           with content_coll_longest) */
  const struct content_decoder *decoder;        /* when pending */
  /* The languages ("zh_CN") whose order of the items is not that of
     their names (Chinese: pinyin), in each of which every item has a
     sort key (content_item.sort).  */
  const char **sort_langs;
  size_t n_sort_langs;
};

struct content_comparison
{
  const char *id;
  const char *title;
  const char *collection;
  const char **columns;                 /* attribute ids */
  size_t n_columns;
};

struct content_index;

/* A whole pack.  Every string and array lives in ARENA.  */
/* A term of a termbase and the forms that count as it (its variants),
   in one language (the pack directory's po/LANG-terms.tsv).  */
struct content_term
{
  const char *lang;
  const char **forms;
  size_t n_forms;
};

struct content_pack
{
  const char *title;
  const char *reviewed;
  const char *disclaimer;
  const char **about;
  size_t n_about;
  const char **menu;
  size_t n_menu;
  const char *glossary;         /* the glossary collection, or NULL */
  const char *glossary_also;    /* its list attribute of other forms */
  const char *independent;      /* the collection of what independent
                                   bodies say, which items link, or
                                   NULL */
  struct content_document **docs;
  size_t n_docs;
  struct content_collection **colls;
  size_t n_colls;
  struct content_comparison **comps;
  size_t n_comps;
  struct content_index *index;
  /* The items' names that are not all printable ASCII, in the pack's
     order, then the glossary's other forms that are not
     (content_words_build): those of them the line breaker must know in
     the pack's own language, English (view.c), without every item's
     name read or the glossary decoded.  */
  const char **words;
  size_t n_words;
  struct content_term *terms;   /* the termbases' terms, or NULL */
  size_t n_terms;
  /* The search index made when the pack was compiled, SEARCH_BLOB_LEN
     bytes that the model and the loader do not read (the search
     checks them: src/view/search_blob.h), in the image; or NULL.  */
  const unsigned char *search_blob;
  size_t search_blob_len;
  /* The image's text, every string of a compiled pack, TEXT_LEN bytes
     ending in a NUL (the search blob refers to strings by their
     offset in it, and checks each when read); NULL for a pack read
     from its YAML.  */
  const char *text;
  size_t text_len;
  struct arena arena;
  /* Memory the pack's strings may point into that is not the arena's
     (a compiled image mapped by the loader), and how content_free
     gives it back; NULL when there is none.  */
  void *backing;
  size_t backing_len;
  void (*backing_free) (void *backing, size_t len);
};

/** content_doc_sections - the sections of D, their number in *N;
   decoded now if they were pending.  NULL and 0 when they are
   unavailable (content_doc_unavailable).  */
const struct content_section *
content_doc_sections (const struct content_document *d, size_t *n);

/** content_coll_items - the items of C, their number in *N; decoded
   now if they were pending.  NULL and 0 when there are none or they
   are unavailable (content_coll_unavailable).  */
const struct content_item *
content_coll_items (const struct content_collection *c, size_t *n);

/** content_cited_by - the items that cite S (its CITED_BY), their
   number in *N; S's document decoded now if it was pending, and the
   items too; those that could not be, or that do not cite S (a
   loader's list is checked), are left out.  */
const struct content_item *const *
content_cited_by (const struct content_section *s, size_t *n);

/** content_link_item - the item that link I of IT leads to, decoded
   now if it was pending; NULL when it could not be.  */
const struct content_item *
content_link_item (const struct content_item *it, size_t i);

/** content_coll_item_name - the name of item I of C, without decoding
   C's items if they are pending; NULL when it cannot be read.  */
const char *content_coll_item_name (const struct content_collection *c,
                                    size_t i);

/** content_coll_longest - the bytes of the longest of C's items' names
   (no fewer than its display columns), without reading them when C is
   pending (a compiled pack records it, and a name found longer is bad:
   its collection is unavailable); SIZE_MAX when C has no items or is
   unavailable.  */
size_t content_coll_longest (const struct content_collection *c);

/** content_coll_item_id - the id of item I of C, as
   content_coll_item_name.  */
const char *content_coll_item_id (const struct content_collection *c,
                                  size_t i);

/** content_coll_state - whether C's items are read, pending (not yet
   decoded) or unavailable; without decoding them.  */
enum content_state content_coll_state (const struct content_collection *c);

/** content_cite_section - the section C cites, decoding its document
   if it was pending (and setting C's SECTION_ID); NULL when there is
   none or the document is unavailable.  */
const struct content_section *
content_cite_section (const struct content_cite *c);

/** content_doc_unavailable - whether D's sections could not be read
   (decoding them if they were pending).  */
bool content_doc_unavailable (const struct content_document *d);

/** content_coll_unavailable - whether C's items could not be read
   (decoding them if they were pending).  */
bool content_coll_unavailable (const struct content_collection *c);

/** content_index_build - build the id index of PACK (O(n)).
   @retval false on memory exhaustion.  */
bool content_index_build (struct content_pack *pack);

/** content_backrefs_build - fill each section's CITED_BY from the
   resolved citations of every item (O(n)), so that a document can list
   what cites it without a search of the pack.
   @retval false on memory exhaustion.  */
bool content_backrefs_build (struct content_pack *pack);

/** content_words_build - fill PACK's WORDS from its items' names and
   its glossary's other forms (for a loader that decodes every item;
   the content index must be built).
   @retval false on memory exhaustion.  */
bool content_words_build (struct content_pack *pack);

/** content_document - the document with ID, or NULL.  O(1).  */
const struct content_document *
content_document (const struct content_pack *pack, const char *id);

/** content_collection - the collection with ID, or NULL.  O(1).  */
const struct content_collection *
content_collection (const struct content_pack *pack, const char *id);

/** content_comparison - the comparison with ID, or NULL.  O(1).  */
const struct content_comparison *
content_comparison (const struct content_pack *pack, const char *id);

/** content_section - section SEC of document DOC, or NULL.  O(1).  */
const struct content_section *
content_section (const struct content_pack *pack, const char *doc,
                 const char *sec);

/** content_item - item ITEM of collection COLL, or NULL.  O(1).  */
const struct content_item *
content_item (const struct content_pack *pack, const char *coll,
              const char *item);

/** content_attr_index - the position of attribute ATTR in COLL, or -1.  */
int content_attr_index (const struct content_collection *coll,
                        const char *attr);

/** content_sort_key - the sort key of IT for language LANG, or NULL
   when its collection has none in LANG.  */
const char *content_sort_key (const struct content_item *it,
                              const char *lang);

/** content_free - release PACK and everything in it, its backing
   too (backing_free).  */
void content_free (struct content_pack *pack);

#endif
