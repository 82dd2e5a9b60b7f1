/* search.c - the full-text index and queries.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "search.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unistr.h>

#include "i18n.h"
#include "text.h"

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
  size_t target;
  enum search_rank rank;
  bool is_title;                /* TEXT is its target's title */
  const char *label;            /* an attribute's label, or NULL */
};

/* One language's text: the folded strings, each NUL-terminated, one
   after the other in BUF.  String I starts at OFF[I]; OFF[N] = LEN.
   After a match in string I, the strings before NEXT[I] cannot give
   its target a better match (same target, rank no better), so a scan
   goes on from there: at most one match per target and run of ranks.  */
struct search_text
{
  char lang[8];                 /* "" until built */
  char *buf;
  size_t len;
  size_t *off;
  size_t *entry;                /* the entry string I comes from */
  size_t *next;
  size_t n;
  size_t longest;
  size_t freq[256];             /* how often each byte occurs in BUF */
};

/* The best match of one target in the current query.  */
struct search_hit
{
  enum search_rank rank;
  size_t entry;
  size_t pos;                   /* byte offset in the matched string */
  bool translated;              /* in the current language's text */
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
  size_t *slot;                 /* its place in HITS */
  struct search_hit *hits;
  size_t n_hits;
  unsigned gen;
  bool ok;
  struct arena arena;
};

/* Building.  */

static size_t
index_target (struct search_index *ix, const char *loc, const char *title,
              const char *context)
{
  if (ix->n_targets == ix->cap_targets)
    {
      size_t cap = ix->cap_targets ? ix->cap_targets * 2 : 256;
      void *v = realloc (ix->targets, cap * sizeof *ix->targets);
      if (!v)
        {
          ix->ok = false;
          return ix->n_targets ? ix->n_targets - 1 : 0;
        }
      ix->targets = v;
      ix->cap_targets = cap;
    }
  struct search_target *t = &ix->targets[ix->n_targets];
  t->loc = arena_strdup (&ix->arena, loc);
  t->title = title;
  t->context = context;
  if (!t->loc)
    ix->ok = false;
  return ix->n_targets++;
}

/* Index TEXT, an attribute value shown after LABEL (or NULL).  */
static void
index_value (struct search_index *ix, size_t target, enum search_rank rank,
             const char *text, const char *label)
{
  if (!text || !*text || !ix->ok)
    return;
  if (ix->n_entries == ix->cap_entries)
    {
      size_t cap = ix->cap_entries ? ix->cap_entries * 2 : 1024;
      void *v = realloc (ix->entries, cap * sizeof *ix->entries);
      if (!v)
        {
          ix->ok = false;
          return;
        }
      ix->entries = v;
      ix->cap_entries = cap;
    }
  ix->entries[ix->n_entries++] = (struct search_entry) {
    text, target, rank, text == ix->targets[target].title, label
  };
}

static void
index_add (struct search_index *ix, size_t target, enum search_rank rank,
           const char *text)
{
  index_value (ix, target, rank, text, NULL);
}

static void
index_item (struct search_index *ix, const struct content_collection *c,
            const struct content_item *it)
{
  char loc[300];
  snprintf (loc, sizeof loc, "item:%s/%s", c->id, it->id);
  size_t t = index_target (ix, loc, it->name, c->title);
  index_add (ix, t, SEARCH_NAME, it->name);
  index_add (ix, t, SEARCH_BODY, it->summary);
  for (size_t i = 0; i < c->n_attrs && it->values; i++)
    {
      const struct content_attrdef *a = &c->attrs[i];
      const struct content_value *v = &it->values[i];
      if (v->set && a->type == ATTR_TEXT)
        index_value (ix, t, SEARCH_BODY, v->text, a->label);
      for (size_t j = 0; v->set && a->type == ATTR_LIST && j < v->n_list; j++)
        index_value (ix, t, SEARCH_BODY, v->list[j], a->label);
    }
  for (size_t i = 0; i < it->n_claims; i++)
    index_add (ix, t, SEARCH_BODY, it->claims[i].text);
  /* The page shows the names of the items it refers to.  */
  for (size_t i = 0; i < c->n_attrs && it->values; i++)
    {
      const struct content_attrdef *a = &c->attrs[i];
      const struct content_value *v = &it->values[i];
      for (size_t j = 0; v->set && a->type == ATTR_REFS && j < v->n_list; j++)
        {
          const struct content_item *r
            = content_item (ix->pack, a->ref_collection, v->list[j]);
          if (r)
            index_value (ix, t, SEARCH_MENTION, r->name, a->label);
        }
    }
}

static void
index_collection (struct search_index *ix, const struct content_collection *c)
{
  char loc[300];
  snprintf (loc, sizeof loc, "coll:%s", c->id);
  size_t t = index_target (ix, loc, c->title, NULL);
  index_add (ix, t, SEARCH_NAME, c->title);
  index_add (ix, t, SEARCH_BODY, c->intro);
  for (size_t i = 0; i < c->n_items; i++)
    index_item (ix, c, &c->items[i]);
}

static void
index_comparison (struct search_index *ix, const struct content_comparison *m)
{
  char loc[300];
  snprintf (loc, sizeof loc, "cmp:%s", m->id);
  index_add (ix, index_target (ix, loc, m->title, NULL), SEARCH_NAME,
             m->title);
}

static void
index_document (struct search_index *ix, const struct content_document *d)
{
  char loc[300];
  snprintf (loc, sizeof loc, "doc:%s", d->id);
  index_add (ix, index_target (ix, loc, d->title, NULL), SEARCH_NAME,
             d->title);
  for (size_t i = 0; i < d->n_sections; i++)
    {
      const struct content_section *s = &d->sections[i];
      snprintf (loc, sizeof loc, "doc:%s#%s", d->id, s->id);
      size_t t = index_target (ix, loc, s->heading, d->title);
      index_add (ix, t, SEARCH_HEADING, s->heading);
      for (size_t j = 0; j < s->n_blocks; j++)
        {
          const struct content_block *b = &s->blocks[j];
          index_add (ix, t, SEARCH_BODY, b->text);
          for (size_t k = 0; k < b->n_items; k++)
            index_add (ix, t, SEARCH_BODY, b->items[k]);
        }
    }
}

static bool
in_menu (const struct content_pack *p, const char *id)
{
  for (size_t i = 0; i < p->n_menu; i++)
    if (strcmp (p->menu[i], id) == 0)
      return true;
  return false;
}

/* Every string, in the order a reader meets them: the home menu's
   collections and comparisons, the others, the documents, About.  */
static void
index_pack (struct search_index *ix)
{
  const struct content_pack *p = ix->pack;
  for (size_t i = 0; i < p->n_menu; i++)
    {
      const struct content_collection *c = content_collection (p, p->menu[i]);
      const struct content_comparison *m = content_comparison (p, p->menu[i]);
      if (c)
        index_collection (ix, c);
      else if (m)
        index_comparison (ix, m);
    }
  for (size_t i = 0; i < p->n_colls; i++)
    if (!in_menu (p, p->colls[i]->id))
      index_collection (ix, p->colls[i]);
  for (size_t i = 0; i < p->n_comps; i++)
    if (!in_menu (p, p->comps[i]->id))
      index_comparison (ix, p->comps[i]);
  for (size_t i = 0; i < p->n_docs; i++)
    index_document (ix, p->docs[i]);
  size_t t = index_target (ix, "about", NULL, NULL);
  index_add (ix, t, SEARCH_BODY, p->disclaimer);
  for (size_t i = 0; i < p->n_about; i++)
    index_add (ix, t, SEARCH_BODY, p->about[i]);
}

/* Folding.  */

/* The small letter of WC as search folds it: uc_tolower for the
   letters folded so far (Latin-1 and Latin Extended-A, and the
   capitals of basic Greek and Cyrillic), and final sigma as sigma.
   Full case folding and NFKC are for another issue.  */
static ucs4_t
fold_char (ucs4_t wc)
{
  if (wc == 0x03C2)
    return 0x03C3;
  if ((wc >= 0x00C0 && wc <= 0x017F) || (wc >= 0x0391 && wc <= 0x03A9)
      || (wc >= 0x0400 && wc <= 0x042F))
    return uc_tolower (wc);
  return wc;
}

/* Fold the LEN bytes at S in place, keeping every character's length
   (a small letter of another length is left alone): capitals to small
   letters, whitespace to spaces.  */
static void
fold (char *s, size_t len)
{
  uint8_t *u = (uint8_t *) s;
  for (size_t i = 0; i < len;)
    {
      ucs4_t c = u[i];
      int n = c <= 0x7F ? 1 : u8_mbtoucr (&c, u + i, len - i);
      if (c >= 'A' && c <= 'Z')
        u[i] = (uint8_t) (c + ('a' - 'A'));
      else if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
        u[i] = ' ';
      else if (n > 1)
        {
          ucs4_t lc = fold_char (c);
          uint8_t b[6];
          if (lc != c && u8_uctomb (b, lc, sizeof b) == n)
            memcpy (u + i, b, (size_t) n);
        }
      i += n > 0 ? (size_t) n : 1;
    }
}

static void
text_free (struct search_text *t)
{
  free (t->buf);
  free (t->off);
  free (t->entry);
  free (t->next);
  memset (t, 0, sizeof *t);
}

/* The string entry E shows in the current language; NULL when that is
   the English one.  */
static const char *
translated (const struct search_entry *e)
{
  const char *s = C_ (e->text);
  return s && s != e->text && strcmp (s, e->text) != 0 ? s : NULL;
}

/* Fill T->next (see struct search_text).  */
static void
text_link (struct search_text *t, const struct search_index *ix)
{
  t->next[t->n] = t->n;
  for (size_t i = t->n; i-- > 0;)
    {
      const struct search_entry *a = &ix->entries[t->entry[i]];
      const struct search_entry *b = i + 1 < t->n
                                     ? &ix->entries[t->entry[i + 1]] : NULL;
      t->next[i] = b && b->target == a->target && b->rank >= a->rank
                   ? t->next[i + 1] : i + 1;
    }
}

/* Build T from the entries of IX: English when TRANSLATE is false,
   else only the strings the current language translates.  */
static bool
text_build (struct search_text *t, const struct search_index *ix,
            bool translate)
{
  text_free (t);
  size_t len = 0, n = 0;
  for (size_t i = 0; i < ix->n_entries; i++)
    {
      const char *s = translate ? translated (&ix->entries[i])
                                : ix->entries[i].text;
      if (s)
        len += strlen (s) + 1, n++;
    }
  t->buf = malloc (len + 1);
  t->off = malloc ((n + 1) * sizeof *t->off);
  t->entry = malloc ((n + 1) * sizeof *t->entry);
  t->next = malloc ((n + 1) * sizeof *t->next);
  if (!t->buf || !t->off || !t->entry || !t->next)
    {
      text_free (t);
      return false;
    }
  for (size_t i = 0; i < ix->n_entries; i++)
    {
      const char *s = translate ? translated (&ix->entries[i])
                                : ix->entries[i].text;
      if (!s)
        continue;
      size_t k = strlen (s);
      t->off[t->n] = t->len;
      t->entry[t->n++] = i;
      memcpy (t->buf + t->len, s, k + 1);
      fold (t->buf + t->len, k);
      t->len += k + 1;
      if (k > t->longest)
        t->longest = k;
    }
  t->off[t->n] = t->len;
  t->buf[t->len] = '\0';
  text_link (t, ix);
  for (size_t i = 0; i < t->len; i++)
    t->freq[(unsigned char) t->buf[i]]++;
  snprintf (t->lang, sizeof t->lang, "%s", translate ? i18n_language ()
                                                      : "en");
  return true;
}

struct search_index *
search_index_build (const struct content_pack *pack)
{
  struct search_index *ix = calloc (1, sizeof *ix);
  if (!ix)
    return NULL;
  ix->pack = pack;
  ix->ok = true;
  index_pack (ix);
  if (ix->ok)
    {
      ix->stamp = calloc (ix->n_targets + 1, sizeof *ix->stamp);
      ix->slot = malloc ((ix->n_targets + 1) * sizeof *ix->slot);
      ix->hits = malloc ((ix->n_targets + 1) * sizeof *ix->hits);
      ix->ok = ix->stamp && ix->slot && ix->hits;
    }
  if (!ix->ok || !text_build (&ix->en, ix, false))
    {
      search_index_free (ix);
      return NULL;
    }
  search_index_relang (ix);
  return ix;
}

bool
search_index_relang (struct search_index *ix)
{
  const char *lang = i18n_language ();
  if (strcmp (lang, "en") == 0 || strcmp (lang, ix->cur.lang) == 0)
    return true;
  return text_build (&ix->cur, ix, true);
}

const struct content_pack *
search_index_pack (const struct search_index *ix)
{
  return ix->pack;
}

void
search_index_free (struct search_index *ix)
{
  if (!ix)
    return;
  text_free (&ix->en);
  text_free (&ix->cur);
  free (ix->targets);
  free (ix->entries);
  free (ix->stamp);
  free (ix->slot);
  free (ix->hits);
  arena_free (&ix->arena);
  free (ix);
}

/* Queries.  */

static bool
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

const char *
search_trim (const char *query, size_t *len)
{
  while (is_space (*query))
    query++;
  size_t n = strlen (query);
  while (n && is_space (query[n - 1]))
    n--;
  *len = n;
  return query;
}

static bool
valid_utf8 (const char *s, size_t len)
{
  return u8_check ((const uint8_t *) s, len) == NULL;
}

bool
search_query_valid (const char *query)
{
  size_t len;
  const char *q = search_trim (query, &len);
  return len > 0 && valid_utf8 (q, len);
}

/* Note a match of entry E at byte POS: keep the target's best.  */
static void
query_hit (struct search_index *ix, size_t e, size_t pos, bool translated)
{
  const struct search_entry *en = &ix->entries[e];
  size_t t = en->target;
  struct search_hit h = { en->rank, e, pos, translated };
  if (ix->stamp[t] != ix->gen)
    {
      ix->stamp[t] = ix->gen;
      ix->slot[t] = ix->n_hits;
      ix->hits[ix->n_hits++] = h;
      return;
    }
  struct search_hit *old = &ix->hits[ix->slot[t]];
  if (h.rank < old->rank || (h.rank == old->rank && e < old->entry))
    *old = h;
}

/* The string of T holding byte AT, at or after string FROM: a
   galloping search, O(log distance).  */
static size_t
text_string_at (const struct search_text *t, size_t from, size_t at)
{
  size_t lo = from, step = 1, hi = from + 1;
  while (hi < t->n && t->off[hi] <= at)
    {
      lo = hi;
      hi = step < t->n - lo ? lo + step : t->n;
      step *= 2;
    }
  while (hi - lo > 1)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (t->off[mid] <= at)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* A needle and its two rarest bytes in a text, at K1 and K2.  */
struct needle
{
  const char *q;
  size_t len, k1, k2;
};

static struct needle
needle_make (const struct search_text *t, const char *q, size_t len)
{
  struct needle nd = { q, len, 0, 0 };
  for (size_t i = 1; i < len; i++)
    if (t->freq[(unsigned char) q[i]] < t->freq[(unsigned char) q[nd.k1]])
      nd.k1 = i;
  nd.k2 = nd.k1 ? 0 : len > 1;
  for (size_t i = 0; i < len; i++)
    if (i != nd.k1
        && t->freq[(unsigned char) q[i]] < t->freq[(unsigned char) q[nd.k2]])
      nd.k2 = i;
  return nd;
}

typedef unsigned char search_vec __attribute__ ((vector_size (16)));

/* The first occurrence of ND in the N bytes at HAY, or NULL.  Like
   memmem, but 16 places at a time are tested for the needle's two
   rarest bytes (GCC vectors: SSE2 or NEON), and only those places
   that have both are compared whole.  */
static const char *
find (const char *hay, size_t n, const struct needle *nd)
{
  if (n < nd->len)
    return NULL;
  const unsigned char b1 = (unsigned char) nd->q[nd->k1];
  const unsigned char b2 = (unsigned char) nd->q[nd->k2];
  size_t places = n - nd->len + 1, i = 0;
  for (; i + 16 <= places; i += 16)
    {
      search_vec a, b, m;
      uint64_t w[2];
      memcpy (&a, hay + i + nd->k1, 16);
      memcpy (&b, hay + i + nd->k2, 16);
      m = (search_vec) ((a == b1) & (b == b2));
      memcpy (w, &m, 16);
      if (w[0] | w[1])
        for (size_t j = 0; j < 16; j++)
          if (m[j] && memcmp (hay + i + j, nd->q, nd->len) == 0)
            return hay + i + j;
    }
  for (; i < places; i++)
    if ((unsigned char) hay[i + nd->k1] == b1
        && (unsigned char) hay[i + nd->k2] == b2
        && memcmp (hay + i, nd->q, nd->len) == 0)
      return hay + i;
  return NULL;
}

/* Scan T for the folded query Q (LEN bytes): one pass over the
   buffer; after a match, go on from T->next of its string.  */
static void
query_scan (struct search_index *ix, const struct search_text *t,
            const char *q, size_t len, bool translated)
{
  if (!t->buf || len > t->longest)
    return;
  const struct needle nd = needle_make (t, q, len);
  const char *m;
  size_t i = 0;
  while (i < t->n
         && (m = find (t->buf + t->off[i], t->len - t->off[i], &nd)))
    {
      size_t at = (size_t) (m - t->buf);
      i = text_string_at (t, i, at);
      query_hit (ix, t->entry[i], at - t->off[i], translated);
      i = t->next[i];
    }
}

static int
hit_cmp (const void *a, const void *b)
{
  const struct search_hit *x = a, *y = b;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* The bytes of S (LEN) that fit in COLS columns and SIZE bytes, never
   splitting a grapheme cluster.  */
static size_t
fit (const char *s, size_t len, size_t cols, size_t size)
{
  size_t n = text_fit (s, len, cols);
  return n <= size ? n : text_grapheme_start (s, len, size);
}

/* The start of the text before byte POS of S that fits in COLS
   columns (and a quarter of SIZE bytes), at a grapheme cluster.  */
static size_t
fit_back (const char *s, size_t pos, size_t cols, size_t size)
{
  size_t p = text_fit_tail (s, pos, cols);
  if (pos - p > size / 4)
    {
      size_t lo = pos - size / 4;
      p = text_grapheme_start (s, pos, lo);
      if (p < lo)
        p += text_next_grapheme (s + p, pos - p);
    }
  return p;
}

static void
snip_put (struct search_result *r, size_t *n, const char *s, size_t len)
{
  for (size_t i = 0; i < len && *n + 1 < sizeof r->snippet; i++)
    {
      unsigned char c = (unsigned char) s[i];
      r->snippet[(*n)++] = c < 0x20 || c == 0x7F ? ' ' : (char) c;
    }
  r->snippet[*n] = '\0';
}

/* Where a snippet of S (TOTAL bytes) around the match of LEN bytes at
   POS starts and ends: the whole string when it fits, else 2/5 of
   the room before the match and the rest after it, moved to spaces
   when the cut would fall in a word.  */
static void
snippet_span (const char *s, size_t total, size_t pos, size_t len,
              size_t size, size_t *startp, size_t *endp)
{
  const size_t cols = SEARCH_SNIPPET_COLS, dots = 3;
  size_t start = 0, end = total;
  if (text_width (s, total) > cols || total > size)
    {
      size_t avail = cols - 2 * dots;
      size_t mw = text_width (s + pos, len);
      start = mw >= avail ? pos
              : fit_back (s, pos, (avail - mw) * 2 / 5, size);
      if (start > 0 && s[start - 1] != ' ')
        {
          const char *sp = memchr (s + start, ' ', pos - start);
          if (sp)
            start = (size_t) (sp + 1 - s);
        }
      while (start < pos && s[start] == ' ')
        start++;
      size_t room = cols - (start ? dots : 0)
                    - text_width (s + start, pos - start);
      if (text_width (s + pos, total - pos) > room || total - start > size)
        {
          end = pos + fit (s + pos, total - pos, room - dots,
                           size - (pos - start));
          if (end < total && s[end] != ' ')
            for (size_t k = end; k > pos + len && end - k < 20; k--)
              if (s[k - 1] == ' ')
                {
                  end = k - 1;
                  break;
                }
        }
    }
  while (end > pos + len && s[end - 1] == ' ')
    end--;
  *startp = start;
  *endp = end;
}

/* Fill R's snippet: at most SEARCH_SNIPPET_COLS columns of S around
   its match of LEN bytes at POS.  */
static void
snippet (struct search_result *r, const char *s, size_t pos, size_t len)
{
  static const char dots[] = "...";
  size_t total = strlen (s), start, end, n = 0;
  snippet_span (s, total, pos, len, sizeof r->snippet - 8, &start, &end);
  if (start > 0)
    snip_put (r, &n, dots, sizeof dots - 1);
  r->hl_start = n + (pos - start);
  snip_put (r, &n, s + start, end - start);
  r->hl_len = pos + len <= end ? len : end > pos ? end - pos : 0;
  if (s[end + strspn (s + end, " ")] != '\0')
    snip_put (r, &n, dots, sizeof dots - 1);
}

static void
query_result (const struct search_index *ix, const struct search_hit *h,
              struct search_result *r, size_t len)
{
  const struct search_entry *e = &ix->entries[h->entry];
  const struct search_target *t = &ix->targets[e->target];
  const char *s = h->translated ? C_ (e->text) : e->text;
  char *joined = NULL;
  size_t pos = h->pos;
  memset (r, 0, sizeof *r);
  r->target = t->loc;
  r->title = t->title ? C_ (t->title) : _("About this information");
  r->context = t->context ? C_ (t->context) : NULL;
  r->rank = e->rank;
  r->in_title = e->is_title && (h->translated || s == C_ (e->text));
  r->title_hl = r->in_title ? h->pos : 0;
  /* TRANSLATORS: an attribute in a search result: its label, then
     the value that matched.  */
  if (e->label && asprintf (&joined, _("%s: %s"), C_ (e->label), s) >= 0)
    {
      const char *at = strstr (joined, s);
      if (at)
        {
          pos += (size_t) (at - joined);
          s = joined;
        }
    }
  snippet (r, s, pos, len);
  free (joined);
}

size_t
search_query (struct search_index *ix, const char *query,
              struct search_result *res, size_t max)
{
  char small[256], *q = small;
  size_t len;
  const char *trimmed = search_trim (query, &len);
  if (!ix || len == 0 || !valid_utf8 (trimmed, len))
    return 0;
  bool other = strcmp (i18n_language (), "en") != 0;
  if (other)
    search_index_relang (ix);
  if (len > ix->en.longest && (!other || len > ix->cur.longest))
    return 0;
  if (len > sizeof small && !(q = malloc (len)))
    return 0;
  memcpy (q, trimmed, len);
  fold (q, len);
  if (++ix->gen == 0)
    {
      memset (ix->stamp, 0, ix->n_targets * sizeof *ix->stamp);
      ix->gen = 1;
    }
  ix->n_hits = 0;
  if (other)
    query_scan (ix, &ix->cur, q, len, true);
  query_scan (ix, &ix->en, q, len, false);
  if (q != small)
    free (q);
  qsort (ix->hits, ix->n_hits, sizeof *ix->hits, hit_cmp);
  for (size_t i = 0; i < ix->n_hits && i < max; i++)
    query_result (ix, &ix->hits[i], &res[i], len);
  return ix->n_hits;
}
