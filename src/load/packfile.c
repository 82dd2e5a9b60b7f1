/* packfile.c - decode a compiled pack image (packfmt.h), trusting
   nothing in it: every count, index and string reference is checked
   against the image before it is used, and every string is UTF-8 with
   no character that a terminal must not be given (text_safe.h): a
   string of one line, not even a line break.  packfile_read.c reads an
   image from its file.
   A document's sections (their blocks and strings) are decoded, and
   checked, when the document is first reached (content_doc_sections):
   loading reads only the counts that say which records are whose.  A
   document found bad then is unavailable (read as having no sections,
   its page saying so, a citation of it leading nowhere): the rest of
   the pack is whole, and nothing of the bad records is shown.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "packfile.h"

#include <stdlib.h>
#include <string.h>

#include "packfile_int.h"
#include "packfmt.h"
#include "text_safe.h"

static bool pf_chars_valid (struct pf *r, const char *s, bool block);

/* The block text at REF (a paragraph: pf_text_valid has refused any
   other character a terminal must not be given): NULL for PF_NONE,
   which is bad when REQUIRED.  A reference must be to the start of a
   string of the text.  */
static const char *
pf_check (struct pf *r, uint32_t ref, bool required, bool block)
{
  if (ref == PF_NONE && !required)
    return NULL;
  if (ref >= r->text_size || (ref > 0 && r->text[ref - 1] != '\0')
      || !pf_chars_valid (r, r->text + ref, block))
    {
      r->ok = false;
      return NULL;
    }
  return r->text + ref;
}

const char *
pf_text (struct pf *r, uint32_t ref, bool required)
{
  return pf_check (r, ref, required, true);
}

/* Like pf_text, for text of one line (a title, a name): without a
   line break.  */
const char *
pf_str (struct pf *r, uint32_t ref, bool required)
{
  return pf_check (r, ref, required, false);
}

/* An id: 1 to 64 of a-z, 0-9 and '-' (lc_id_valid in loadctx.c).  */
const char *
pf_id (struct pf *r, uint32_t ref, bool required)
{
  const char *s = pf_str (r, ref, required);
  size_t n = 0;
  for (; s && s[n] && n <= 64; n++)
    if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9')
          || s[n] == '-'))
      break;
  if (s && (s[n] || n == 0 || n > 64))
    r->ok = false;
  return s;
}

/* A list of N strings, the next of STRS, each of one line unless
   BLOCK: *OUT, NULL when empty.  */
size_t
pf_strs (struct pf *r, uint32_t n, bool block, const char ***out)
{
  size_t first;
  n = (uint32_t) pf_span (r, PF_STRS, n, &first);
  *out = n ? &r->strs[first] : NULL;
  for (size_t i = 0; i < n; i++)
    {
      uint32_t ref = W (r->at[PF_STRS], first + i);
      r->strs[first + i] = block ? pf_text (r, ref, true)
                                 : pf_str (r, ref, true);
    }
  return n;
}

static void
pf_block (struct pf *r, const unsigned char *rec, struct content_block *b)
{
  uint32_t kind = W (rec, 0);
  b->kind = (enum block_kind) kind;
  b->text = pf_text (r, W (rec, 1), kind == BLOCK_PARA);
  b->n_items = pf_strs (r, W (rec, 2), true, &b->items);
  if (kind > BLOCK_NUMBERED || (kind == BLOCK_PARA) != (b->text != NULL)
      || (kind == BLOCK_PARA && b->n_items))
    r->ok = false;
}

static void
pf_section (struct pf *r, const unsigned char *rec,
            const struct content_document *d, size_t index,
            struct content_section *s)
{
  size_t first;
  s->id = pf_id (r, W (rec, 0), true);
  s->heading = pf_str (r, W (rec, 1), true);
  s->doc = d;
  s->index = index;
  s->n_blocks = pf_span (r, PF_BLOCK, W (rec, 2), &first);
  s->blocks = s->n_blocks ? &r->blocks[first - r->blocks_base] : NULL;
  for (size_t i = 0; i < s->n_blocks; i++)
    pf_block (r, pf_rec (r, PF_BLOCK, first + i), &s->blocks[i]);
  /* The items that cite it: content_cited_by decodes them, and keeps
     only those that do.  */
  s->n_cited_by = pf_span (r, PF_BREF, W (rec, 3), &first);
  s->cited_by = s->n_cited_by ? arena_array (&r->pack->arena, s->n_cited_by,
                                             sizeof *s->cited_by) : NULL;
  if (s->n_cited_by && !s->cited_by)
    r->ok = false;
  for (size_t i = 0; r->ok && i < s->n_cited_by; i++)
    {
      uint32_t ix = W (r->at[PF_BREF], first + i);
      if (ix >= r->count[PF_ITEM])
        r->ok = false;
      else
        s->cited_by[i] = &r->items[ix];
    }
}

/* Document D (the K-th), left pending: its own record is read, and it
   takes its sections' records and those they take, by the counts it
   holds (the decoder checks that its sections take so many); its
   sections are decoded when first reached (pf_doc_decode).  A
   section's DOC and INDEX are set then, or when a citation of it is
   decoded (pf_sec_doc).  */
static void
pf_document (struct pf *r, size_t k, struct content_document *d)
{
  const unsigned char *rec = pf_take (r, PF_DOC);
  size_t first, f;
  if (!rec)
    return;
  d->id = pf_id (r, W (rec, 0), true);
  d->title = pf_str (r, W (rec, 1), true);
  d->publisher = pf_str (r, W (rec, 2), false);
  d->source = pf_str (r, W (rec, 3), true);
  d->n_sections = pf_span (r, PF_SEC, W (rec, 4), &first);
  d->sections = &r->secs[first];
  if (d->n_sections == 0)
    r->ok = false;
  r->doc_block[k] = r->next[PF_BLOCK];
  r->doc_strs[k] = r->next[PF_STRS];
  r->doc_bref[k] = r->next[PF_BREF];
  pf_span (r, PF_BLOCK, W (rec, 5), &f);
  pf_span (r, PF_STRS, W (rec, 6), &f);
  pf_span (r, PF_BREF, W (rec, 7), &f);
  r->doc_block[k + 1] = r->next[PF_BLOCK];
  r->doc_strs[k + 1] = r->next[PF_STRS];
  r->doc_bref[k + 1] = r->next[PF_BREF];
  d->state = CONTENT_PENDING;
  d->decoder = r->dec;
}

struct content_section *
pf_sec_doc (struct pf *r, uint32_t sec)
{
  struct content_section *s = &r->secs[sec];
  size_t lo = 0, hi = r->count[PF_DOC];
  if (s->doc)
    return s;
  /* The last document whose sections begin at or before SEC: every
     document has one at least (pf_document).  */
  while (hi - lo > 1)
    {
      size_t mid = lo + (hi - lo) / 2;
      if ((size_t) (r->docs[mid].sections - r->secs) <= sec)
        lo = mid;
      else
        hi = mid;
    }
  s->doc = &r->docs[lo];
  s->index = sec - (size_t) (r->docs[lo].sections - r->secs);
  return s;
}

/* The decoder's: decode the sections of D, which pf_document left
   pending, from the image, with the reader CTX that pf_decode_image
   kept.  */
static bool
pf_doc_decode (void *ctx, struct content_document *cd)
{
  struct pf r = *(const struct pf *) ctx;
  size_t k = (size_t) (cd - r.docs), first = (size_t) (cd->sections - r.secs);
  /* Its blocks' room, made now: none for the documents not reached.  */
  r.blocks_base = r.doc_block[k];
  r.blocks = arena_array (&r.pack->arena,
                          (size_t) (r.doc_block[k + 1] - r.blocks_base) + 1,
                          sizeof *r.blocks);
  r.ok = r.blocks != NULL;
  r.next[PF_BLOCK] = r.doc_block[k];
  r.next[PF_STRS] = r.doc_strs[k];
  r.next[PF_BREF] = r.doc_bref[k];
  /* No further than its own records, whatever the counts say now.  */
  r.count[PF_BLOCK] = r.doc_block[k + 1];
  r.count[PF_STRS] = r.doc_strs[k + 1];
  r.count[PF_BREF] = r.doc_bref[k + 1];
  for (size_t i = 0; r.ok && i < cd->n_sections; i++)
    pf_section (&r, pf_rec (&r, PF_SEC, first + i), cd, i,
                &cd->sections[i]);
  return r.ok && r.next[PF_BLOCK] == r.doc_block[k + 1]
         && r.next[PF_STRS] == r.doc_strs[k + 1]
         && r.next[PF_BREF] == r.doc_bref[k + 1];
}

/* The pack's words, all of WORDS: one line each.  */
static void
pf_words (struct pf *r)
{
  struct content_pack *p = r->pack;
  size_t first;
  p->n_words = pf_span (r, PF_WORDS, r->count[PF_WORDS], &first);
  p->words = p->n_words ? arena_array (&p->arena, p->n_words,
                                       sizeof *p->words) : NULL;
  if (p->n_words && !p->words)
    r->ok = false;
  for (size_t i = 0; r->ok && i < p->n_words; i++)
    p->words[i] = pf_str (r, W (r->at[PF_WORDS], first + i), true);
}

static void
pf_comparison (struct pf *r, struct content_comparison *m)
{
  const unsigned char *rec = pf_take (r, PF_COMP);
  if (!rec)
    return;
  m->id = pf_id (r, W (rec, 0), true);
  m->title = pf_str (r, W (rec, 1), true);
  m->collection = pf_id (r, W (rec, 2), true);
  m->n_columns = pf_strs (r, W (rec, 3), false, &m->columns);
}

/* The length of the UTF-8 character at S (N bytes left), its value in
   *V; or 0 when it is not one: no overlong forms, surrogates, or code
   points past U+10FFFF.  */
static size_t
utf8_char (const unsigned char *s, size_t n, uint32_t *v)
{
  unsigned c = s[0];
  size_t w = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3
             : c < 0xF5 ? 4 : 0;
  if (w == 0 || w > n)
    return 0;
  *v = w == 1 ? c : c & (0x7F >> w);
  for (size_t k = 1; k < w; k++)
    {
      if ((s[k] & 0xC0) != 0x80)
        return 0;
      *v = *v << 6 | (s[k] & 0x3F);
    }
  if ((w == 3 && (*v < 0x800 || (*v >= 0xD800 && *v <= 0xDFFF)))
      || (w == 4 && (*v < 0x10000 || *v > 0x10FFFF)))
    return 0;
  return w;
}

/* Whether the string at S in the text (which ends with a NUL) is
   UTF-8, no longer than PF_MAX_STRING, without a character that a
   terminal must not be given in block text (text_unsafe), nor a line
   break unless BLOCK: a character refused goes to R->unsafe.  Each
   string is checked when it is decoded, so that a pending document's
   are checked only when it is reached.  Eight bytes at a time up to
   the next byte that is not printable ASCII.  */
static bool
pf_chars_valid (struct pf *r, const char *str, bool block)
{
  const unsigned char *s = (const unsigned char *) str;
  size_t n = r->text_size - (size_t) (str - r->text);
  for (size_t i = 0; i < n;)
    {
      if (i + 8 <= n)
        {
          uint64_t m = text_not_printable8 (s + i);
          if (!m)
            {
              i += 8;
              continue;
            }
          /* Go to the first flagged byte in memory order: never past
             the first byte that needs a closer look.  */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
          i += (size_t) __builtin_clzll (m) / 8;
#else
          i += (size_t) __builtin_ctzll (m) / 8;
#endif
        }
      if (s[i] == '\0')
        return i <= PF_MAX_STRING;
      uint32_t v;
      size_t w = utf8_char (s + i, n - i, &v);
      if (w == 0)
        return false;
      if (text_unsafe (v, true) != TEXT_SAFE || (v == '\n' && !block))
        {
          r->unsafe = v;
          return false;
        }
      i += w;
    }
  return false;
}

enum pf_fault
pf_check_header (const unsigned char *img, uint64_t len)
{
  if (len < PF_HEADER_SIZE || memcmp (img + PF_H_MAGIC, PF_MAGIC, 8) != 0)
    return PF_NOT_IMAGE;
  if (pf_get32 (img + PF_H_VERSION) != PF_VERSION)
    return PF_OTHER_VERSION;
  if (len > PF_MAX_SIZE)
    return PF_TOO_BIG;
  if (pf_get64 (img + PF_H_SIZE) != len)
    return PF_WRONG_SIZE;
  if (pf_get32 (img + PF_H_HSIZE) != PF_HEADER_SIZE
      || pf_get32 (img + PF_H_NTABLES) != PF_NTABLES
      || pf_get32 (img + PF_H_ZERO) != 0)
    return PF_DAMAGED;
  /* The tables follow one another from the header's end, as
     pinav-packc writes them (the search index after up to 7 bytes that
     align it): a table moved is refused, even one whose records would
     still read as sound (a back reference is any item).  */
  uint64_t at = PF_HEADER_SIZE;
  for (int t = 0; t < PF_NTABLES; t++)
    {
      uint64_t off = pf_get32 (img + PF_H_DIR + 8 * t);
      uint64_t count = pf_get32 (img + PF_H_DIR + 8 * t + 4);
      uint64_t bytes = count * (pf_widths[t] ? 4 * pf_widths[t] : 1);
      if (off < PF_HEADER_SIZE || off > len || bytes > len - off
          || (t < PF_SEARCH ? off != at : off < at || off - at >= 8))
        return PF_DAMAGED;
      at = off + bytes;
    }
  /* The search index ends the image, at a multiple of 8 (packfmt.h).  */
  uint64_t search = pf_get32 (img + PF_H_DIR + 8 * PF_SEARCH);
  uint64_t n = pf_get32 (img + PF_H_DIR + 8 * PF_SEARCH + 4);
  if (search + n != len || (n && search % 8 != 0))
    return PF_DAMAGED;
  return PF_FINE;
}

/* Check the header and the directory of the LEN bytes at IMG, and
   note where each table is.  */
static bool
pf_open (struct pf *r, const unsigned char *img, size_t len)
{
  if (pf_check_header (img, len) != PF_FINE)
    return false;
  for (int t = 0; t < PF_NTABLES; t++)
    {
      r->at[t] = img + pf_get32 (img + PF_H_DIR + 8 * t);
      r->count[t] = pf_get32 (img + PF_H_DIR + 8 * t + 4);
    }
  r->text = (const char *) r->at[PF_TEXT];
  r->text_size = r->count[PF_TEXT];
  /* Every string ends in the text: pf_chars_valid reads up to a NUL.  */
  return r->count[PF_PACK] == 1 && r->text_size > 0
         && r->text[r->text_size - 1] == '\0';
}

/* Room for every record of every table but BLOCK, whose room each
   document makes when it is decoded (pf_doc_decode); one more of each
   (so that an empty slice still points somewhere).  */
static bool
pf_alloc (struct pf *r)
{
  struct arena *a = &r->pack->arena;
#define PF_ARRAY(field, t) \
  (r->field = arena_array (a, (size_t) r->count[t] + 1, sizeof *r->field))
  return PF_ARRAY (docs, PF_DOC) && PF_ARRAY (secs, PF_SEC)
         && PF_ARRAY (colls, PF_COLL)
         && PF_ARRAY (attrs, PF_ATTR) && PF_ARRAY (items, PF_ITEM)
         && PF_ARRAY (values, PF_VALUE) && PF_ARRAY (claims, PF_CLAIM)
         && PF_ARRAY (cites, PF_CITE) && PF_ARRAY (links, PF_LINK)
         && PF_ARRAY (comps, PF_COMP)
         && PF_ARRAY (strs, PF_STRS)
         && (r->doc_block = arena_array (a, (size_t) r->count[PF_DOC] + 1,
                                         sizeof *r->doc_block))
         && (r->doc_strs = arena_array (a, (size_t) r->count[PF_DOC] + 1,
                                        sizeof *r->doc_strs))
         && (r->doc_bref = arena_array (a, (size_t) r->count[PF_DOC] + 1,
                                        sizeof *r->doc_bref))
         && (r->coll_from = arena_array (a, (size_t) r->count[PF_COLL] + 1,
                                         sizeof *r->coll_from))
         && (r->coll_to = arena_array (a, (size_t) r->count[PF_COLL] + 1,
                                       sizeof *r->coll_to))
;
#undef PF_ARRAY
}

/* The pack's own record, and its arrays of pointers.  */
static bool
pf_pack (struct pf *r)
{
  struct content_pack *p = r->pack;
  const unsigned char *rec = pf_take (r, PF_PACK);
  if (!rec)
    return false;
  p->title = pf_str (r, W (rec, 0), true);
  p->reviewed = pf_str (r, W (rec, 1), true);
  p->disclaimer = pf_text (r, W (rec, 2), true);
  p->n_about = pf_strs (r, W (rec, 3), true, &p->about);
  p->n_menu = pf_strs (r, W (rec, 4), false, &p->menu);
  p->glossary = pf_id (r, W (rec, 5), false);
  p->glossary_also = pf_id (r, W (rec, 6), false);
  p->independent = pf_id (r, W (rec, 7), false);
  p->n_docs = r->count[PF_DOC];
  p->n_colls = r->count[PF_COLL];
  p->n_comps = r->count[PF_COMP];
  p->docs = arena_array (&p->arena, p->n_docs + 1, sizeof *p->docs);
  p->colls = arena_array (&p->arena, p->n_colls + 1, sizeof *p->colls);
  p->comps = arena_array (&p->arena, p->n_comps + 1, sizeof *p->comps);
  if (!p->docs || !p->colls || !p->comps)
    return false;
  for (size_t i = 0; i < p->n_docs; i++)
    p->docs[i] = &r->docs[i];
  for (size_t i = 0; i < p->n_colls; i++)
    p->colls[i] = &r->colls[i];
  for (size_t i = 0; i < p->n_comps; i++)
    p->comps[i] = &r->comps[i];
  return r->ok;
}

enum pf_fault
pf_decode_image (struct content_pack *pack, const unsigned char *img,
                 size_t len, uint32_t *unsafe)
{
  /* The reader lives as long as the pack: its documents' decoder.  */
  struct pf *lazy = arena_alloc (&pack->arena, sizeof *lazy);
  struct pf r = { .pack = pack, .ok = true, .unsafe = PF_NONE,
                  .dec = lazy ? &lazy->decoder : NULL };
  bool ok = lazy && pf_open (&r, img, len) && pf_alloc (&r)
            && pf_pack (&r);
  for (size_t i = 0; ok && r.ok && i < pack->n_docs; i++)
    pf_document (&r, i, &r.docs[i]);
  /* Citations point at sections: all of them must be read first.  */
  ok = ok && r.next[PF_SEC] == r.count[PF_SEC];
  for (size_t i = 0; ok && r.ok && i < pack->n_colls; i++)
    pf_collection (&r, i, &r.colls[i]);
  /* Links and citations point at items: all of them taken first.  */
  ok = ok && r.next[PF_ITEM] == r.count[PF_ITEM]
       && r.next[PF_LINK] == r.count[PF_LINK];
  ok = ok && r.ok && pf_colls_finish (&r);
  for (size_t i = 0; ok && r.ok && i < pack->n_comps; i++)
    pf_comparison (&r, &r.comps[i]);
  if (ok && r.ok)
    pf_words (&r);
  for (int t = 0; ok && t < PF_TEXT; t++)
    ok = r.next[t] == r.count[t];
  *unsafe = r.unsafe;
  if (r.unsafe != PF_NONE)
    return PF_UNSAFE;
  /* Handed on unread: the search checks it (packfmt.h).  */
  pack->search_blob = r.count[PF_SEARCH] ? r.at[PF_SEARCH] : NULL;
  pack->search_blob_len = r.count[PF_SEARCH];
  pack->text = r.text;
  pack->text_len = r.text_size;
  r.decoder = (struct content_decoder) { pf_doc_decode, pf_coll_decode,
                                         pf_item_coll, pf_item_str, lazy,
                                         pack };
  if (lazy)
    *lazy = r;
  return ok && r.ok && content_index_build (pack) ? PF_FINE : PF_DAMAGED;
}

struct content_pack *
packfile_decode (const unsigned char *image, size_t len, uint64_t hash)
{
  struct content_pack *p = calloc (1, sizeof *p);
  unsigned char *buf = p && len >= PF_HEADER_SIZE && len <= PF_MAX_SIZE
                       ? arena_alloc (&p->arena, len) : NULL;
  uint32_t unsafe;
  if (buf)
    memcpy (buf, image, len);
  if (!buf || pf_get64 (buf + PF_H_HASH) != hash
      || pf_decode_image (p, buf, len, &unsafe) != PF_FINE)
    {
      content_free (p);
      return NULL;
    }
  return p;
}
