/* search_vocab.h - the word index of a language's folded text: its
   vocabulary, and for each word the strings that hold it
   (struct search_vocab in search_int.h), so that a rare word or a
   miss is looked for in the vocabulary (kilobytes) and then only in
   the strings it names, not in the whole text (megabytes).  Matching stays by substring: a query word is found in
   every word of the vocabulary that holds it ("cel" in "cell"), and a
   word without separators can only occur inside one word of the text.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_SEARCH_VOCAB_H
#define PINAV_SEARCH_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

struct search_index;
struct search_text;
struct search_vocab;

/* What the word index says of a folded query word.  */
enum search_vocab_says
{
  SEARCH_VOCAB_NONE,            /* it is nowhere in the text */
  SEARCH_VOCAB_SOME,            /* only the strings at IX->cand may
                                   have it */
  SEARCH_VOCAB_MANY             /* it cannot tell, or they are too
                                   many: scan the whole text */
};

/** search_vocab_build - build T's word index from its text.
   O(T->len).  @retval false on memory exhaustion, or when the
   vocabulary would be a third of the text or more (Chinese text,
   whose runs between separators are whole phrases): T has none then,
   and is scanned whole.  */
bool search_vocab_build (struct search_text *t);

/** search_vocab_cand - the strings of T that may hold the folded word
   Q (LEN bytes), into IX->cand in order, *N of them: those that
   have a word of the vocabulary holding Q's longest piece without
   separators; their bytes in IX->cbytes.  MANY (IX->cbytes T->len)
   when T has no word index, Q has no such piece, those strings are
   over LIMIT bytes, or the words holding the piece are in more
   strings, all told, than T has: then a scan of T is as cheap.  */
enum search_vocab_says search_vocab_cand (struct search_index *ix,
                                          const struct search_text *t,
                                          const char *q, size_t len,
                                          size_t limit, size_t *n);

/** search_vocab_estimate - about how many bytes of T's strings may
   hold the folded word Q (LEN bytes): the postings of the words that
   hold its longest piece, at the text's mean length each; T->len when
   T has no word index or they are more than its strings.  O(the
   vocabulary), where search_vocab_cand is O(the postings) too.  */
size_t search_vocab_estimate (const struct search_text *t, const char *q,
                              size_t len);

/** search_vocab_exact - whether the folded Q (LEN) has no separator,
   so that SOME from search_vocab_cand means it is in the text.  */
bool search_vocab_exact (const char *q, size_t len);

/** search_vocab_free - release W's arrays when it owns them, and
   zero it.  */
void search_vocab_free (struct search_vocab *w);

#endif
