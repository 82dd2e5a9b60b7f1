/* text_words.h - the words that line breaking keeps whole.  UAX #14
   lets a line break between any two ideographs, and libunistring's
   u8_wordbreaks (UAX #29) likewise makes each ideograph a word of its
   own: Chinese writes no spaces, so neither knows where a word ends,
   and 骨质疏松症 (osteoporosis) could be cut as 骨 / 质疏松症.  As ICU
   does with a dictionary, the line breaker (text.c) is tailored: a
   break inside a known word is prohibited, the longest known word
   starting at each point winning (forward maximum matching, the
   classic segmentation of Chinese).  The words are the terms a content
   pack itself knows (the view layer gives them), so the dictionary is
   exactly as good as the pack's own terminology.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_TEXT_WORDS_H
#define PINAV_TEXT_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** text_words_clear - forget every word.  */
void text_words_clear (void);

/** text_words_add - add the words of TERM: each run of two or more
   letters outside ASCII (a Chinese term, without its brackets, Latin
   letters or punctuation: 间充质干细胞 of 间充质干细胞（MSC）).  Spaces
   break lines as they always did; only such runs need help.
   @retval false on memory exhaustion (the words so far are kept).  */
bool text_words_add (const char *term);

/** text_words_count - the number of words known.  */
size_t text_words_count (void);

/** text_words_keep - in LB, the line break opportunities of the N
   bytes at U (u8_possible_linebreaks' values), prohibit every break
   inside a known word.  */
void text_words_keep (const uint8_t *u, size_t n, char *lb);

#endif
