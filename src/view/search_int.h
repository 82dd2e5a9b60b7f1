/* search_int.h - the search index's insides, shared by the search's
   own files (search_index.c builds them, search.c queries them) and
   by no one else: not the header of any one .c, and not part of the
   API (search.h, search_index.h).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_INT_H
#define PINAV_SEARCH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "content.h"
#include "search.h"
#include "search_blob.h"

/* What is checked of a compiled index when it is read (struct
   search_text's LAZY): the body, its checksums (a u64 for each chunk
   of 1 << SHIFT bytes), and a bit for each chunk already found sound,
   READ of them.  */
struct search_lazy
{
  const unsigned char *body, *sums;
  size_t body_len, chunks, read;
  unsigned shift;
  uint64_t *done;
  bool damaged;
};


/* A page a result leads to.  */
struct search_target
{
  const char *loc;
  const char *title;            /* content strings, untranslated */
  const char *context;
};

/* One string of the pack.  */
struct search_entry
{
  const char *text;             /* the English (source) string */
  const char *label;            /* an attribute's label, or NULL */
  uint32_t target;
  unsigned char rank;           /* enum search_rank */
  bool is_title;                /* TEXT is its target's title */
};

/* The words of one language's folded text (search_vocab.h): every
   token once (a run of bytes none of which is an ASCII byte other than
   a letter or a digit: a word, a number, a run of CJK text), each
   NUL-terminated, one after the other in VOC (VOC_LEN bytes); word W
   starts at VOFF[W], and VOFF[N] = VOC_LEN.  The strings that hold
   word W are POST[PSTART[W]] to POST[PSTART[W + 1] - 1], in order.  VOC
   NULL: there is none (the text is scanned whole).  The arrays are
   malloc'd when OWNED, else borrowed.  */
struct search_vocab
{
  const char *voc;
  size_t voc_len;
  const uint32_t *voff, *pstart, *post;
  size_t n;
  bool owned;
};

/* What a compiled index (search_blob.h) says of each string and each
   target, used where it is in the image, so that the first search
   walks none of the pack: for string I, its target TARGET[I], its
   English text and its attribute's label (offsets in the image's
   text, PF_NONE for none: search_blob_entry checks each as it is
   read), and FLAGS[I] (its rank, and SEARCH_FLAG_TITLE); for target
   G, its location LOCS + LOC[G] (to LOC[G + 1], with its NUL), its
   title and context (offsets in the image's text), and its strings,
   FIRST[G] to FIRST[G + 1] - 1.  TARGET NULL: the
   index has none (the pack is walked: struct search_index's ENTRIES
   and TARGETS, which a compiled index leaves empty until another
   language's text needs every string).  */
struct search_stored
{
  const uint32_t *target, *text, *label;
  const unsigned char *flags;
  const uint32_t *loc, *title, *context, *first;
  const char *locs;
  size_t locs_len, n_targets;
  const char *ptext;            /* the image's text, PTEXT_LEN bytes */
  size_t ptext_len;
};

/* A string's flag besides its rank: it is its target's title.  */
#define SEARCH_FLAG_TITLE 4u

/* The strings of one rank (names, or headings) of a language's text,
   copied one after the other, each NUL-terminated, into BUF (LEN
   bytes, then one more NUL): string J starts at OFF[J] (OFF[N] =
   LEN) and is the text's string STR[J].  Malloc'd when OWNED.  For
   the bounded search (search_bound.h): a scan of them reads no body
   text.  */
struct search_tier
{
  char *buf;
  size_t len;
  uint32_t *off, *str;
  size_t n;
  bool owned;                   /* else borrowed from a compiled index */
};

/* One language's text: the folded strings, each NUL-terminated, one
   after the other in BUF.  String I starts at OFF[I]; OFF[N] = LEN.
   After a match in string I, the strings before NEXT[I] cannot give
   its target a better match (same target, rank no better), so a scan
   goes on from there: at most one match per target and run of ranks.
   The strings of target G are BY_TARGET[TSTART[G]] to
   BY_TARGET[TSTART[G + 1] - 1], in order, TBYTES[G] bytes in all.
   BUF and OFF are malloc'd when OWNED, else borrowed.  A compiled
   index (ST.TARGET not NULL) has none of ENTRY, NEXT, TSTART,
   BY_TARGET and TBYTES: its string I is entry I, and the rest is read
   from ST (search_text_entry, search_text_next, search_text_span).  */
struct search_text
{
  char lang[8];                 /* "" until built */
  const char *buf;
  size_t len;
  const uint32_t *off;
  bool owned;
  size_t *entry;                /* the entry string I comes from */
  size_t *next;
  size_t n;
  size_t longest;
  size_t freq[256];             /* how often each byte occurs in BUF */
  size_t *tstart, *by_target, *tbytes;
  struct search_vocab vocab;
  struct search_tier tier[SEARCH_HEADING + 1];
  struct search_stored st;
  /* A compiled index's checks (search_blob.c), or NULL: its text and
     postings are checked by the chunk when read (search_blob_sound).  */
  struct search_lazy *lazy;
};

/* The most words (parts) of a query, and the forms each may take (a
   word and its synonyms); words beyond are left out.  */
#define SEARCH_MAX_PARTS 8
#define SEARCH_MAX_ALTS 8

/* The best match of one part of the current query in one target.  */
struct search_hit
{
  uint32_t entry;
  uint32_t pos;                 /* byte offset in the folded string */
  uint32_t len;                 /* bytes of the folded match */
  unsigned char rank;           /* enum search_rank */
  bool translated;              /* in the current language's text */
};

/* A target that has every part of the query: how many parts it has at
   each rank, and its best hit, the one its snippet shows.  */
struct search_match
{
  size_t target;
  unsigned char count[SEARCH_MENTION + 1];
  struct search_hit lead;
};

/* A bit of a target's MASK (search_index) besides its parts': every
   part was looked for in all its strings (search_bound.c).  */
#define SEARCH_RESOLVED (1u << 31)

/* A query: its words (parts), each with the forms that count as it
   (the word, then its synonyms), folded.  */
struct search_query_parts
{
  const char *alt[SEARCH_MAX_PARTS][SEARCH_MAX_ALTS];
  size_t alt_len[SEARCH_MAX_PARTS][SEARCH_MAX_ALTS];
  size_t n_alt[SEARCH_MAX_PARTS];
  size_t n;
};

/* One form of a term search knows (search_terms.c), folded; the forms
   of one GROUP (a glossary entry, a termbase line) count as one.  */
struct search_form
{
  char *s;
  size_t len;
  size_t group;
};

/* The terms of English and of the language LANG.  */
struct search_terms
{
  char lang[8];                 /* "" until built */
  struct search_form *forms;
  size_t n, cap, groups;
};

/* The word of the last query that was split into parts (search_split),
   and the parts.  */
struct search_split_info
{
  char whole[128];
  char part[SEARCH_MAX_PARTS][64];
  size_t n;
};

struct search_index
{
  const struct content_pack *pack;
  struct search_target *targets;
  size_t n_targets, cap_targets;
  struct search_entry *entries;
  size_t n_entries, cap_entries;
  struct search_text en, cur;
  /* Per-query scratch, one slot per target.  */
  unsigned *stamp;              /* == GEN: the target has a hit this query */
  unsigned *mask;               /* the parts it has, a bit each */
  struct search_hit *best;      /* SEARCH_MAX_PARTS per target */
  size_t *touched;              /* the targets with a hit, N_TOUCHED */
  size_t n_touched;
  unsigned all;                 /* a bit for each part of the query */
  size_t n_complete;            /* the targets with a hit of each */
  unsigned gen;
  /* The word index's scratch (search_vocab_cand), room for every
     entry: the strings it names, in order, CBYTES bytes; and a bit
     for each string, set when it is named.  */
  size_t *cand;
  uint64_t *cbits;
  size_t cbytes;
  struct search_terms terms;
  struct search_split_info split;
  /* The bounded search (search_bound.h): used when the query's first
     word is in about BOUND_MIN bytes of strings or more; its first
     window, in targets; the bytes a scan of the body may read before
     it goes on in the strings the word index names; whether the last
     query stopped early (its count is then a lower bound); its
     scratch, room for MCAP matches.  */
  size_t bound_min, bound_window, bound_budget;
  bool more;
  /* The compiled index was found damaged: never use it again.  */
  bool unblob;
  struct search_match *mscratch;
  size_t mcap;
  bool ok;
  struct arena arena;
};

struct search_needle;

/** search_text_entry - the entry string I of T comes from.  */
static inline size_t
search_text_entry (const struct search_text *t, size_t i)
{
  return t->entry ? t->entry[i] : i;
}

/** search_blob_ready - search_blob_sound, without a call when the N
   bytes at AT are in one chunk already found sound.  */
static inline bool
search_blob_ready (const struct search_text *t, const void *at, size_t n)
{
  const struct search_lazy *z = t->lazy;
  if (!z)
    return true;
  size_t from = (size_t) ((const unsigned char *) at - z->body);
  size_t k = from >> z->shift;
  if (!z->damaged && n && from < z->body_len && n <= z->body_len - from
      && (from + n - 1) >> z->shift == k
      && z->done[k / 64] & (uint64_t) 1 << (k % 64))
    return true;
  return search_blob_sound (t, at, n);
}

/** search_stored_bad - mark T's compiled index damaged (a value of its
   stored part out of range).  @retval 0.  */
size_t search_stored_bad (const struct search_text *t);

/** search_entry_target - the target of entry E: from the stored part
   of IX's compiled index while its English text is one (each value
   checked as it is read; one out of range marks the index damaged,
   search_blob_damaged, and reads as 0), else from IX's entries.  */
static inline size_t
search_entry_target (const struct search_index *ix, size_t e)
{
  const struct search_text *t = &ix->en;
  if (!t->st.target)
    return ix->entries[e].target;
  const uint32_t *p = &t->st.target[e];
  return e < t->n && search_blob_ready (t, p, 4) && *p < t->st.n_targets
         ? *p : search_stored_bad (t);
}

/** search_entry_flags - the flags of entry E of IX's compiled index (its
   rank, and SEARCH_FLAG_TITLE), checked as search_entry_target.  */
static inline unsigned
search_entry_flags (const struct search_index *ix, size_t e)
{
  const struct search_text *t = &ix->en;
  const unsigned char *p = &t->st.flags[e];
  return e < t->n && search_blob_ready (t, p, 1)
         && *p <= (SEARCH_MENTION | SEARCH_FLAG_TITLE)
         ? *p : (unsigned) search_stored_bad (t);
}

/** search_entry_rank - the rank of entry E (enum search_rank).  */
static inline unsigned char
search_entry_rank (const struct search_index *ix, size_t e)
{
  return ix->en.st.target ? (unsigned char) (search_entry_flags (ix, e) & 3)
         : ix->entries[e].rank;
}

/** search_target_first - the first entry of target G, or of the first
   target after it that has one (the entries are in their targets'
   order); the entries when G is IX->n_targets.  */
size_t search_target_first (const struct search_index *ix, size_t g);

/** search_entry_get - entry E, into *OUT (from a compiled index, its
   strings checked as they are read: "" when one is not sound).  */
void search_entry_get (const struct search_index *ix, size_t e,
                       struct search_entry *out);

/** search_target_get - target G, into *OUT, as search_entry_get.  */
void search_target_get (const struct search_index *ix, size_t g,
                        struct search_target *out);

/** search_text_next - T's NEXT[I] (see struct search_text).  */
size_t search_text_next (const struct search_index *ix,
                         const struct search_text *t, size_t i);

/** search_text_span - where target G's strings are in T's BY_TARGET
   order: from *FROM to *TO - 1 (search_text_by_target).
   @retval their bytes.  */
size_t search_text_span (const struct search_index *ix,
                         const struct search_text *t, size_t g,
                         size_t *from, size_t *to);

/** search_text_by_target - T's BY_TARGET[K].  */
static inline size_t
search_text_by_target (const struct search_text *t, size_t k)
{
  return t->by_target ? t->by_target[k] : k;
}

/** search_text_find - the first match of ND in string I of T: its
   byte in the string, or SIZE_MAX when there is none or the string's
   part of a compiled index is not sound (search_blob_sound).  */
size_t search_text_find (const struct search_text *t, size_t i,
                         const struct search_needle *nd);

/** search_gallop - the last I from FROM (below END) whose OFF[I] is at
   most AT, OFF rising: the string holding byte AT of a text whose
   strings begin at OFF, at or after string FROM.  A galloping search,
   O(log distance).  */
size_t search_gallop (const uint32_t *off, size_t from, size_t end,
                      size_t at);

/** search_query_split - split the folded query Q (LEN bytes) at spaces
   into QY's parts, each word once, each its only form so far.  */
void search_query_split (struct search_query_parts *qy, char *q,
                         size_t len);

/** search_hit_note - note a match of part PART, LEN bytes, in entry E
   at byte POS of its folded string (in the current language's text
   when TRANSLATED): keep the target's best for that part.  */
void search_hit_note (struct search_index *ix, size_t e, size_t pos,
                      size_t len, bool translated, size_t part);

/** search_scan_targets - scan, for Q (LEN bytes), part PART, only the
   strings of T of the N targets at CAND: each target's, in order,
   skipping after a match as a scan of the whole text does, so that
   each gets the hit a whole scan gives it.  */
void search_scan_targets (struct search_index *ix,
                          const struct search_text *t, const char *q,
                          size_t len, bool translated, size_t part,
                          const size_t *cand, size_t n);

/** search_index_unblob - when IX's English text is a compiled index
   found damaged when read (search_blob_damaged), build it again from
   the strings.  @retval false when that ran out of memory (IX then
   has no English text).  */
bool search_index_unblob (struct search_index *ix);

/** search_has - whether the folded S (LEN bytes) is in IX's English
   text, or in the current language's when OTHER.  */
bool search_has (struct search_index *ix, const char *s, size_t len,
                 bool other);

/** search_text_has - whether the folded S (LEN bytes) is in IX's text,
   English or the current language's, as written.  O(total text).  */
bool search_text_has (const struct search_index *ix, const char *s,
                      size_t len);

#endif
