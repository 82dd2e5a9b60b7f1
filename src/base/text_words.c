/* text_words.c - the words that line breaking keeps whole, on
   libunistring (u8_mbtouc, uc_is_general_category): a sorted array,
   searched by a word's first character.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "text_words.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unilbrk.h>
#include <unistr.h>

#include "text_safe.h"
#include "vec.h"

static char **words;
static size_t n_words, cap_words;
static bool sorted = true;

void
text_words_clear (void)
{
  for (size_t i = 0; i < n_words; i++)
    free (words[i]);
  free (words);
  words = NULL;
  n_words = cap_words = 0;
  sorted = true;
}

size_t
text_words_count (void)
{
  return n_words;
}

/* Whether UC belongs in a word: a letter (or a mark on one) outside
   ASCII.  */
static bool
word_char (ucs4_t uc)
{
  return uc > 0x7F && (uc_is_general_category (uc, UC_CATEGORY_L)
                       || uc_is_general_category (uc, UC_CATEGORY_M));
}

/* Add the LEN bytes at S, a run of CHARS word characters.  */
static bool
words_push (const uint8_t *s, size_t len, size_t chars)
{
  if (chars < 2)
    return true;
  char *w = malloc (len + 1);
  if (!w || !VEC_ROOM (words, n_words, cap_words, 64))
    {
      free (w);
      return false;
    }
  memcpy (w, s, len);
  w[len] = '\0';
  words[n_words++] = w;
  sorted = false;
  return true;
}

bool
text_words_add (const char *term)
{
  const uint8_t *u = (const uint8_t *) term;
  size_t n = strlen (term), start = 0, chars = 0, i = 0;
  bool ok = true;
  /* Printable ASCII, most of an English pack, holds no word: eight
     bytes at a time.  */
  while (i + 8 <= n && !text_not_printable8 (u + i))
    i += 8;
  while (i < n && u[i] >= 0x20 && u[i] < 0x7F)
    i++;
  if (i == n)
    return true;
  for (i = 0; i < n;)
    {
      ucs4_t uc = u[i];
      int k = uc <= 0x7F ? 1 : u8_mbtouc (&uc, u + i, n - i);
      if (!word_char (uc))
        {
          ok = words_push (u + start, i - start, chars) && ok;
          chars = 0;
          start = i + (size_t) k;
        }
      else
        chars++;
      i += (size_t) k;
    }
  return words_push (u + start, n - start, chars) && ok;
}

static int
words_cmp (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Sort the words and drop the repeated ones.  */
static void
words_sort (void)
{
  size_t k = 0;
  qsort (words, n_words, sizeof *words, words_cmp);
  for (size_t i = 0; i < n_words; i++)
    if (k && strcmp (words[k - 1], words[i]) == 0)
      free (words[i]);
    else
      words[k++] = words[i];
  n_words = k;
  sorted = true;
}

/* The length of the longest known word at the start of the N bytes at
   U, whose first character takes C bytes; 0 for none.  */
static size_t
longest_at (const uint8_t *u, size_t n, size_t c)
{
  size_t lo = 0, hi = n_words, best = 0;
  while (lo < hi)             /* the first word not before U's char */
    {
      size_t mid = lo + (hi - lo) / 2;
      if (memcmp (words[mid], u, c) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (; lo < n_words && memcmp (words[lo], u, c) == 0; lo++)
    {
      size_t len = strlen (words[lo]);
      if (len > best && len <= n && memcmp (words[lo], u, len) == 0)
        best = len;
    }
  return best;
}

void
text_words_keep (const uint8_t *u, size_t n, char *lb)
{
  if (!n_words)
    return;
  if (!sorted)
    words_sort ();
  for (size_t i = 0; i < n;)
    {
      if (u[i] <= 0x7F)
        {
          i++;
          continue;
        }
      ucs4_t uc;
      size_t c = (size_t) u8_mbtouc (&uc, u + i, n - i);
      size_t len = uc == 0xFFFD ? 0 : longest_at (u + i, n - i, c);
      if (!len)
        {
          i += c;
          continue;
        }
      for (size_t k = i + c; k < i + len;)
        {
          lb[k] = UC_BREAK_PROHIBITED;
          k += (size_t) u8_mbtouc (&uc, u + k, i + len - k);
        }
      i += len;
    }
}
