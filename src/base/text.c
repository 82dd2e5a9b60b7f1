/* text.c - UTF-8 text on GNU libunistring: decoding (u8_mbtoucr),
   display width (uc_width), grapheme clusters (u8_grapheme_breaks,
   UAX #29) and line breaking (u8_possible_linebreaks, UAX #14).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "text.h"
#include "text_safe.h"
#include "text_words.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

/* The encoding libunistring is told about: in UTF-8 the characters
   that legacy CJK encodings make wide (Greek, Cyrillic) are narrow.  */
#define TEXT_ENCODING "UTF-8"

/* The longest UTF-8 character, in bytes.  */
#define CHAR_MAX_BYTES 4

/* Break arrays up to this size live on the stack.  */
#define SMALL_BREAKS 512

/* Whether byte C is an ASCII character (a whole one: UTF-8 never uses
   these bytes inside a longer character).  */
static inline bool
is_ascii (uint8_t c)
{
  return c <= 0x7F;
}

/* The columns of the valid character UC: uc_width's, but one for a
   character a terminal must not be given (text_safe.h), which is shown
   as '?': a control, a separator, a format character such as U+00AD
   SOFT HYPHEN or a bidirectional control.  */
static size_t
char_width (ucs4_t uc)
{
  if (text_unsafe (uc, false) != TEXT_SAFE)
    return 1;
  int w = uc_width (uc, TEXT_ENCODING);
  return w < 0 ? 1 : (size_t) w;
}

/* The character at U (LEN > 0 bytes): its length, and its width in
   *CW.  An invalid or truncated sequence is one byte of one column.  */
static size_t
char_step (const uint8_t *u, size_t len, size_t *cw)
{
  if (is_ascii (u[0]))
    {
      *cw = u[0] != 0;
      return 1;
    }
  ucs4_t uc;
  int n = u8_mbtoucr (&uc, u, len);
  if (n < 0)
    {
      *cw = 1;
      return 1;
    }
  *cw = char_width (uc);
  return (size_t) n;
}

size_t
text_decode (const char *s, size_t len, unsigned *wc)
{
  const uint8_t *u = (const uint8_t *) s;
  ucs4_t uc = u[0];
  int n = is_ascii (u[0]) ? 1 : u8_mbtoucr (&uc, u, len);
  *wc = n < 0 ? 0xFFFD : uc;
  return n < 0 ? 1 : (size_t) n;
}

/* ASCII is measured without a call: most text is ASCII, and a screen's
   text is measured several times as it is painted.  */
size_t
text_width (const char *s, size_t len)
{
  const uint8_t *u = (const uint8_t *) s;
  size_t w = 0;
  for (size_t i = 0; i < len;)
    if (is_ascii (u[i]))
      w += u[i++] != 0;
    else
      {
        size_t cw;
        i += char_step (u + i, len - i, &cw);
        w += cw;
      }
  return w;
}

/* One decoding a character, and printable ASCII without a call.  */
size_t
text_clean (char *out, const char *s, size_t len, size_t *width)
{
  const uint8_t *u = (const uint8_t *) s;
  size_t j = 0, w = 0;
  for (size_t i = 0; i < len;)
    {
      if ((uint8_t) (u[i] - 0x20) < 0x5F)
        {
          out[j++] = s[i++];
          w++;
          continue;
        }
      ucs4_t uc = u[i];
      int n = is_ascii (u[i]) ? 1 : u8_mbtoucr (&uc, u + i, len - i);
      if (n < 0 || text_unsafe (uc, false) != TEXT_SAFE)
        {
          out[j++] = '?';
          w++;
          i += n < 0 ? 1 : (size_t) n;
          continue;
        }
      memmove (out + j, s + i, (size_t) n);
      w += char_width (uc);
      j += (size_t) n;
      i += (size_t) n;
    }
  *width = w;
  return j;
}

/* Grapheme clusters.  */

/* Whether a grapheme cluster begins at byte K (< the text's length)
   of U whatever comes before it: at 0, or between two ASCII characters
   other than CR LF (UAX #29 GB3, GB999: no ASCII character extends a
   cluster, nor takes part in an emoji or flag sequence).  Breaks found
   from such a restart point on are those found from the start.  */
static bool
is_restart (const uint8_t *u, size_t k)
{
  return k == 0 || (is_ascii (u[k]) && is_ascii (u[k - 1])
                    && !(u[k - 1] == '\r' && u[k] == '\n'));
}

/* The last restart point at or before POS (< the text's length).  */
static size_t
restart (const uint8_t *u, size_t pos)
{
  while (!is_restart (u, pos))
    pos--;
  return pos;
}

/* Fill BRK[0..N) for the N bytes at U, which begin at a restart point:
   BRK[i] is 1 when a grapheme cluster begins at byte i.  ASCII needs no
   lookup: u8_grapheme_breaks sees only the stretches from the restart
   point before a non-ASCII byte to the one after it.  */
static void
clusters (const uint8_t *u, size_t n, char *brk)
{
  memset (brk, 1, n);
  for (size_t i = 0; i < n; i++)
    if (!is_ascii (u[i]))
      {
        size_t from = restart (u, i), to = i + 1;
        while (to < n && !is_restart (u, to))
          to++;
        u8_grapheme_breaks (u + from, to - from, brk + from);
        i = to;
      }
    else if (u[i] == '\n' && i > 0 && u[i - 1] == '\r')
      brk[i] = 0;
}

/* An array of N break marks: on the stack when small.  */
struct marks
{
  char small[SMALL_BREAKS];
  char *p;
};

static char *
marks_get (struct marks *m, size_t n)
{
  m->p = n <= sizeof m->small ? m->small : malloc (n);
  return m->p;
}

static void
marks_put (struct marks *m)
{
  if (m->p != m->small)
    free (m->p);
}

/* Out of memory, the cluster starts fall back to the restart points,
   which always are some: a cut comes earlier, but never in a cluster.  */
size_t
text_grapheme_start (const char *s, size_t len, size_t pos)
{
  const uint8_t *u = (const uint8_t *) s;
  if (pos >= len)
    return len;
  size_t from = restart (u, pos);
  if (from == pos)
    return pos;
  /* The break before POS depends on the text before it and on the
     character at POS, whole.  */
  size_t to = len - pos > CHAR_MAX_BYTES ? pos + CHAR_MAX_BYTES : len;
  struct marks m;
  char *brk = marks_get (&m, to - from);
  size_t k = pos;
  if (brk)
    {
      clusters (u + from, to - from, brk);
      while (k > from && !brk[k - from])
        k--;
    }
  else
    k = from;
  marks_put (&m);
  return k;
}

size_t
text_prev_grapheme (const char *s, size_t n)
{
  return n ? text_grapheme_start (s, n, n - 1) : 0;
}

/* A window of the text from its start grows until it holds a break
   whose character it holds whole.  */
size_t
text_next_grapheme (const char *s, size_t n)
{
  const uint8_t *u = (const uint8_t *) s;
  if (n < 2 || is_restart (u, 1))
    return n < 1 ? n : 1;
  for (size_t m = 64;; m *= 2)
    {
      size_t w = m < n ? m : n, k = 1;
      struct marks mk;
      char *brk = marks_get (&mk, w);
      if (!brk)
        {
          unsigned wc;
          return text_decode (s, n, &wc);      /* out of memory */
        }
      clusters (u, w, brk);
      while (k < w && !brk[k])
        k++;
      marks_put (&mk);
      if (w == n || (k < w && w - k >= CHAR_MAX_BYTES))
        return k;
    }
}

size_t
text_fit (const char *s, size_t len, size_t width)
{
  const uint8_t *u = (const uint8_t *) s;
  size_t w = 0;
  for (size_t i = 0; i < len;)
    {
      size_t cw, n = char_step (u + i, len - i, &cw);
      if (w + cw > width)
        return text_grapheme_start (s, len, i);
      w += cw;
      i += n;
    }
  return len;
}

/* Look for the tail among the last 4 WIDTH + 64 bytes first: text
   with many zero-width characters is looked at whole.  */
size_t
text_fit_tail (const char *s, size_t len, size_t width)
{
  const uint8_t *u = (const uint8_t *) s;
  size_t span = 4 * width + 64;
  size_t from = len > span ? restart (u, len - span) : 0;
  size_t rest = text_width (s + from, len - from);
  if (from > 0 && rest <= width)
    from = 0, rest = text_width (s, len);
  if (rest <= width)
    return 0;
  struct marks m;
  char *brk = marks_get (&m, len - from);
  size_t i = from;
  if (brk)
    clusters (u + from, len - from, brk);
  while (i < len && !(rest <= width && (!brk || brk[i - from])))
    {
      size_t cw;
      i += char_step (u + i, len - i, &cw);
      rest -= cw;
    }
  while (!brk && i < len && !is_restart (u, i))
    i++;                        /* out of memory: never mid-cluster */
  marks_put (&m);
  return i;
}

/* Line breaking.  */

/* One paragraph (no '\n') of the text being wrapped or measured, with
   its line break opportunities and cluster starts, from its first
   byte.  Out of memory, both are NULL: no opportunities, and a cluster
   at each restart point.  */
struct para
{
  const uint8_t *s;             /* the paragraph */
  size_t n;
  char *lb;                     /* UC_BREAK_POSSIBLE: a break before s[i] */
  char *gb;                     /* 1: a cluster begins at s[i] */
  struct marks m;
};

/* Whether UC is wide (East Asian Wide or Fullwidth).  */
static bool
is_wide (ucs4_t uc)
{
  return char_width (uc) == 2;
}

/* Whether UC ends a number or a clause before a word: ". , : ;".  */
static bool
is_infix (ucs4_t uc)
{
  return uc == '.' || uc == ',' || uc == ':' || uc == ';';
}

/* The character after the one at byte I of the N bytes at U (U+FFFD
   at the end).  */
static ucs4_t
char_after (const uint8_t *u, size_t n, size_t i)
{
  unsigned wc;
  i += text_decode ((const char *) u + i, n - i, &wc);
  if (i >= n)
    return 0xFFFD;
  text_decode ((const char *) u + i, n - i, &wc);
  return wc;
}

/* The opportunity before the character C at byte I of the N bytes at
   U, after P1, itself after P2 (U+FFFD: none), tailored in LB.  Two
   rules of UAX #14 that libunistring 1.0 (Unicode 14) lacks:
   - LB29: no break between ". , : ;" and a letter ("e.g.", "U.S."),
     which libunistring leaves out on purpose before version 1.2;
   - LB19a (Unicode 15.1): between East Asian characters, a break may
     come before an opening quotation mark or after a closing one, as
     Chinese text breaks (never after "“" nor before "”").  */
static void
tailor_char (const uint8_t *u, size_t n, char *lb, size_t i,
             ucs4_t p2, ucs4_t p1, ucs4_t c)
{
  if (lb[i] == UC_BREAK_POSSIBLE)
    {
      if (is_infix (p1) && uc_is_alpha (c) && !is_wide (c))
        lb[i] = UC_BREAK_PROHIBITED;
    }
  else if (is_ascii (u[i]))
    ;                           /* neither a quotation mark nor wide */
  else if (uc_is_general_category (c, UC_CATEGORY_Pi))
    {
      if (is_wide (p1) && !uc_is_general_category (p1, UC_CATEGORY_Ps)
          && is_wide (char_after (u, n, i)))
        lb[i] = UC_BREAK_POSSIBLE;
    }
  else if (uc_is_general_category (p1, UC_CATEGORY_Pf) && is_wide (p2)
           && is_wide (c)
           && (uc_is_alpha (c) || uc_is_general_category (c, UC_CATEGORY_Ps)))
    lb[i] = UC_BREAK_POSSIBLE;
}

/* Tailor libunistring's opportunities LB of the N bytes at U: see
   tailor_char; and a line break character other than '\n' (CR, FF, VT,
   NEL, U+2028, U+2029) only allows a break after it, for it is drawn
   as a character, and only '\n' ends a line.  */
static void
tailor (const uint8_t *u, size_t n, char *lb)
{
  ucs4_t p2 = 0xFFFD, p1 = 0xFFFD;
  for (size_t i = 0; i < n;)
    {
      unsigned c = u[i];
      size_t k = i + (is_ascii (u[i]) ? 1 : text_decode ((const char *) u + i,
                                                          n - i, &c));
      if (lb[i] == UC_BREAK_MANDATORY || lb[i] == UC_BREAK_CR_BEFORE_LF)
        {
          lb[i] = UC_BREAK_PROHIBITED;
          if (k < n)
            lb[k] = UC_BREAK_POSSIBLE;
        }
      else if (i > 0 && (is_infix (p1) || !is_ascii (u[i])
                         || !is_ascii (u[i - 1])))
        tailor_char (u, n, lb, i, p2, p1, c);
      p2 = p1;
      p1 = c;
      i = k;
    }
}

/* Find the opportunities and clusters of the N bytes at S, which
   follow a '\n' or begin the text.  */
static void
para_start (struct para *p, const char *s, size_t n)
{
  p->s = (const uint8_t *) s;
  p->n = n;
  p->lb = marks_get (&p->m, 2 * n);
  p->gb = p->lb ? p->lb + n : NULL;
  if (!p->lb)
    return;
  u8_possible_linebreaks (p->s, n, TEXT_ENCODING, p->lb);
  tailor (p->s, n, p->lb);
  text_words_keep (p->s, n, p->lb);
  clusters (p->s, n, p->gb);
}

/* Whether a line may break before byte I of P.  */
static bool
para_break (const struct para *p, size_t i)
{
  return p->lb && p->lb[i] == UC_BREAK_POSSIBLE;
}

/* The end of the cluster that begins at byte I of P, and its width
   in *CW.  */
static size_t
para_cluster (const struct para *p, size_t i, size_t *cw)
{
  size_t w;
  i += char_step (p->s + i, p->n - i, cw);
  while (i < p->n && !(p->gb ? p->gb[i] : is_restart (p->s, i)))
    {
      i += char_step (p->s + i, p->n - i, &w);
      *cw += w;
    }
  return i;
}

/* Whether byte I of P is a space that is a cluster by itself (not
   the base of a combining mark).  */
static bool
para_space (const struct para *p, size_t i)
{
  return i < p->n && p->s[i] == ' '
         && (i + 1 == p->n
             || (p->gb ? p->gb[i + 1] : is_restart (p->s, i + 1)));
}

struct wrapper
{
  const char *s;
  size_t width;
  void (*emit) (const struct text_line *, void *);
  void *data;
  size_t lines;
};

/* Emit bytes [START, END) of the text, COLS columns wide, without
   trailing spaces.  */
static void
wrap_emit (struct wrapper *w, size_t start, size_t end, size_t cols)
{
  while (end > start && w->s[end - 1] == ' ')
    end--, cols--;
  struct text_line line = { start, end - start, cols };
  w->emit (&line, w->data);
  w->lines++;
}

/* Wrap paragraph P, bytes [START, START + P->n) of the text: each line
   as long as it can be, up to its last opportunity (a piece's trailing
   spaces count, as in u8_width_linebreaks); a piece wider than the
   line alone is cut between clusters.  */
static void
wrap_para (struct wrapper *w, const struct para *p, size_t start)
{
  size_t line = 0, brk = 0, col = 0, brk_col = 0;
  for (size_t i = 0; i < p->n;)
    {
      size_t cw, j = para_cluster (p, i, &cw);
      if (i > line && para_break (p, i))
        brk = i, brk_col = col;
      if (col + cw > w->width && i > line)
        {
          size_t at = brk > line ? brk : i;
          wrap_emit (w, start + line, start + at, at < i ? brk_col : col);
          for (line = at; para_space (p, line);)
            line++;
          i = line > i ? line : i;
          col = text_width ((const char *) p->s + line, i - line);
          continue;
        }
      col += cw;
      i = j;
    }
  wrap_emit (w, start + line, start + p->n, col);
}

/* The width of the LEN bytes at S, or some width over LIMIT as soon as
   they are seen to take more.  */
static size_t
width_upto (const char *s, size_t len, size_t limit)
{
  const uint8_t *u = (const uint8_t *) s;
  size_t w = 0;
  for (size_t i = 0; i < len && w <= limit;)
    {
      size_t cw;
      i += char_step (u + i, len - i, &cw);
      w += cw;
    }
  return w;
}

size_t
text_wrap (const char *s, size_t len, size_t width,
           void (*emit) (const struct text_line *, void *), void *data)
{
  struct wrapper w = { s, width, emit, data, 0 };
  size_t start = 0;
  for (size_t i = 0; i <= len; i++)
    if (i == len || s[i] == '\n')
      {
        size_t cols = width ? width_upto (s + start, i - start, width)
                            : text_width (s + start, i - start);
        if (!width || cols <= width)
          wrap_emit (&w, start, i, cols);
        else
          {
            struct para p;
            para_start (&p, s + start, i - start);
            wrap_para (&w, &p, start);
            marks_put (&p.m);
          }
        start = i + 1;
      }
  return w.lines;
}

/* The widest piece of paragraph P between its opportunities.  */
static size_t
para_longest (const struct para *p)
{
  size_t best = 0, piece = 0, inked = 0;
  for (size_t i = 0; i < p->n;)
    {
      size_t cw, n = char_step (p->s + i, p->n - i, &cw);
      if (para_break (p, i))
        piece = inked = 0;
      piece += cw;
      if (p->s[i] != ' ')
        inked = piece;
      best = inked > best ? inked : best;
      i += n;
    }
  return best;
}

size_t
text_longest (const char *s, size_t len)
{
  size_t best = 0, start = 0;
  for (size_t i = 0; i <= len; i++)
    if (i == len || s[i] == '\n')
      {
        struct para p;
        para_start (&p, s + start, i - start);
        size_t w = p.lb ? para_longest (&p)
                        : text_width (s + start, i - start);
        best = w > best ? w : best;
        marks_put (&p.m);
        start = i + 1;
      }
  return best;
}
