/* unit-packsearch.c - the search index in a compiled pack:
   read back and used, damaged, cut short, with hostile words, its
   stored part out of range, and checked by the part that is read.
   The rules, and the breaks of the reader each test was checked
   against, are in packtest.h.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dump.h"
#include "i18n.h"
#include "load.h"
#include "packfile.h"
#include "packfmt.h"
#include "packtest.h"
#include "search.h"
#include "search_blob.h"
#include "search_int.h"
#include "search_stored.h"
#include "text_safe.h"
#include "tap.h"
#include "text.h"

/* --- The search index in an image.  */

static struct search_result res_a[SEARCH_MAX_RESULTS];
static struct search_result res_b[SEARCH_MAX_RESULTS];

/* Whether A and B find the same: the count, targets and snippets of
   queries of each kind (words, fragments, two words, misses,
   fullwidth, punctuation, Chinese).  */
static bool
same_search (struct search_index *a, struct search_index *b)
{
  static const char *const q[] = {
    "stem", "cel", "knee pain", "zzqx", "e", "prp", "ＰＲＰ", "osteo",
    "cost insurance", "-", "(", "骨", "bone marrow", "mesenchymal",
  };
  for (size_t i = 0; i < sizeof q / sizeof *q; i++)
    {
      size_t n = search_query (a, "en", q[i], 60, res_a, SEARCH_MAX_RESULTS);
      if (search_query (b, "en", q[i], 60, res_b, SEARCH_MAX_RESULTS) != n)
        return false;
      for (size_t k = 0; k < n && k < SEARCH_MAX_RESULTS; k++)
        if (strcmp (res_a[k].target, res_b[k].target) != 0
            || strcmp (res_a[k].snippet, res_b[k].snippet) != 0)
          return false;
    }
  return true;
}

/* What the search makes of the LEN bytes of IMG: -1 the image is
   refused, 0 its search index is not used (at once, or once found
   damaged as it was read) and it finds what REF finds, 1 its index is
   used and it finds what REF finds, 2 it finds other things.  When
   USED, the index still used after the queries counts as 1 whatever it
   finds (a hostile one, the checksums made to fit: read safely).  */
static int
try_search_used (const unsigned char *img, size_t len,
                 struct search_index *ref, bool used)
{
  struct content_pack *p = packfile_decode (img, len, HASH);
  struct search_index *ix = p ? search_index_build (p, "en") : NULL;
  bool same = ix && same_search (ref, ix);
  int r = !p ? -1 : !ix ? 2 : search_index_compiled (ix) && (same || used)
          ? 1 : same ? 0 : 2;
  search_index_free (ix);
  content_free (p);
  return r;
}

static int
try_search (const unsigned char *img, size_t len, struct search_index *ref)
{
  return try_search_used (img, len, ref, true);
}

/* IMG (LEN bytes, its search index the last BLEN) with the byte at AT
   of the index changed, or cut to AT bytes when CUT, into BAD.
   @retval the new length.  */
static size_t
blob_damage (const unsigned char *img, size_t len, size_t blen,
             unsigned char *bad, size_t at, bool cut)
{
  memcpy (bad, img, len);
  if (!cut)
    {
      bad[len - blen + at] ^= (unsigned char) (1u << (at % 8));
      return len;
    }
  pf_put64 (bad + PF_H_SIZE, len - blen + at);
  pf_put32 (bad + PF_H_DIR + 8 * PF_SEARCH + 4, (uint32_t) at);
  return len - blen + at;
}

/* Every word of the index's header, and words of its arrays, set to
   values a count or an offset could trip on, the checksum made to fit:
   @retval how many images gave an index that was used.  */
static size_t
blob_hostile (const unsigned char *img, size_t len, size_t blen,
              unsigned char *bad, struct search_index *ref, size_t *tried)
{
  static const uint32_t odd[] = { 0, 1, 2, 0x7F, 0x80, 0xFFFF, 0x7FFFFFFF,
                                  0xFFFFFFFE, 0xFFFFFFFF };
  size_t used = 0, step = blen / 300 / 4 * 4 + 4;
  for (size_t at = 8; at < blen; at += at < SEARCH_BLOB_HEADER ? 4 : step)
    for (size_t v = 0; v < sizeof odd / sizeof *odd; v++)
      {
        if (at == 56 || at == 60)
          break;                /* the checksum itself */
        memcpy (bad, img, len);
        pf_put32 (bad + len - blen + at, odd[v]);
        search_blob_seal (bad + len - blen, blen);
        used += try_search (bad, len, ref) == 1;
        ++*tried;
      }
  return used;
}

/* Every value of each array of the stored part of the index in IMG
   (LEN bytes, the index its last BLEN: search_stored.h) out of its
   range, the checksums made to fit, into BAD: each found when read,
   the index given up, and the search finds what REF finds.  */
static void
test_search_stored (const unsigned char *img, size_t len, size_t blen,
                    unsigned char *bad, struct search_index *ref)
{
  const unsigned char *blob = img + len - blen;
  size_t n = pf_get32 (blob + 8), nt = pf_get32 (blob + 64);
  size_t locs = pf_get32 (blob + 68), text = 0;
  struct content_pack *p = packfile_decode (img, len, HASH);
  if (!p)
    exit (99);
  text = p->text_len;
  content_free (p);
  size_t at = blen - (size_t) search_stored_size (n, nt, locs);
  /* Each array: where, how many values of how many bytes, and a value
     out of range (a string's: past the text, or inside a string).  */
  const struct
  {
    const char *what;
    size_t from, count, width;
    uint32_t value;
  } arr[] = {
    { "targets", at, n, 4, (uint32_t) nt },
    { "strings (past the text)", at + 4 * n, n, 4, (uint32_t) text },
    { "strings (inside one)", at + 4 * n, n, 4, 1 },
    { "labels", at + 8 * n, n, 4, (uint32_t) text + 5 },
    { "flags", at + 12 * n, n, 1, 0xFF },
    { "locations", at + 12 * n + (n + 3) / 4 * 4, nt + 1, 4,
      (uint32_t) locs + 1 },
    { "titles", at + 12 * n + (n + 3) / 4 * 4 + 4 * (nt + 1), nt, 4,
      (uint32_t) text },
    { "contexts", at + 12 * n + (n + 3) / 4 * 4 + 4 * (nt + 1) + 4 * nt, nt,
      4, 7 },
    { "first strings", at + 12 * n + (n + 3) / 4 * 4 + 4 * (nt + 1) + 8 * nt,
      nt + 1, 4, (uint32_t) n + 1 },
  };
  for (size_t a = 0; a < sizeof arr / sizeof *arr; a++)
    {
      memcpy (bad, img, len);
      for (size_t k = 0; k < arr[a].count; k++)
        {
          unsigned char *v = bad + len - blen + arr[a].from + k * arr[a].width;
          if (arr[a].width == 4)
            pf_put32 (v, arr[a].value);
          else
            *v = (unsigned char) arr[a].value;
        }
      search_blob_seal (bad + len - blen, blen);
      tap_ok (try_search_used (bad, len, ref, false) == 0, "the index's %s "
              "(%zu) all out of range: found when read, the search finds "
              "the same", arr[a].what, arr[a].count);
    }
}

/* P's search index BLOB (BLEN bytes) with its byte AT flipped by MASK,
   in BAD: one more of *WRONG when the search does not find what REF
   finds, one more of *FOUND when it does, the damage found (the index
   given up for one built from the strings).  */
static void
damage_byte (struct content_pack *p, const unsigned char *blob, size_t blen,
             unsigned char *bad, size_t at, unsigned char mask,
             struct search_index *ref, size_t *wrong, size_t *found)
{
  memcpy (bad, blob, blen);
  bad[at] ^= mask;
  p->search_blob = bad;
  struct search_index *ix = search_index_build (p, "en");
  bool same = ix && same_search (ref, ix);
  *wrong += !same;
  *found += same && !search_index_compiled (ix);
  search_index_free (ix);
}

/* The index checked by the part that is read, when it is read: with a
   checksum for every 256 bytes, building the index checks only its
   offsets, vocabulary and tiers, and a rare word reads a few chunks
   more; a byte of the text damaged anywhere is found by a query that
   reads it, and the search then finds what REF finds, the index built
   again from the strings.  */
static void
test_search_lazy (struct content_pack *p, struct search_index *ref)
{
  size_t blen = 0, total = 0, read, rare, n = 0, wrong = 0, found = 0;
  unsigned char *blob = search_blob_make_chunked (ref, 8, &blen);
  unsigned char *bad = blob ? malloc (blen) : NULL;
  if (!bad)
    exit (99);
  p->search_blob = blob;
  p->search_blob_len = blen;
  struct search_index *ix = search_index_build (p, "en");
  read = ix ? search_blob_chunks_read (&ix->en, &total) : 0;
  search_query (ix, "en", "mesenchymal", 60, res_a, SEARCH_MAX_RESULTS);
  rare = ix ? search_blob_chunks_read (&ix->en, &total) : 0;
  tap_ok (ix && search_index_compiled (ix) && read < total / 2
          && rare > read && rare < total / 2 && same_search (ref, ix)
          && search_index_compiled (ix), "an index of %zu chunks of 256 "
          "bytes: %zu checked to build it, %zu after a rare word; it finds "
          "what one built from the strings finds", total, read, rare);
  search_index_free (ix);
  /* A byte of the folded text: in the strings, past the byte counts.  */
  size_t from = (size_t) ((unsigned char *) memmem (blob, blen, "stem", 4)
                          - blob);
  for (size_t at = from; at < from + 100000 && at < blen; at += 997, n++)
    damage_byte (p, blob, blen, bad, at, 0x20, ref, &wrong, &found);
  tap_ok (n > 20 && wrong == 0 && found == n, "%zu bytes of its text "
          "damaged, one at a time: each found when read, the search then "
          "finds the same (%zu not; %zu found)", n, wrong, found);
  /* A byte of the text's offsets, whose chunks are checked when read
     (their values before the index is used).  */
  size_t offs = SEARCH_BLOB_HEADER + 8 * total + 256 * 4
                + (pf_get32 (blob + 12) + 1 + 3) / 4 * 4;
  size_t strings = pf_get32 (blob + 8);
  n = wrong = found = 0;
  for (size_t at = offs; at < offs + 4 * strings; at += 4 * 37 + 1, n++)
    damage_byte (p, blob, blen, bad, at, 0x01, ref, &wrong, &found);
  tap_ok (n > 20 && wrong == 0 && found == n, "%zu bytes of its strings' "
          "offsets damaged, one at a time: each found when read or before, "
          "the search then finds the same (%zu not; %zu found)", n, wrong,
          found);
  p->search_blob = NULL;
  free (bad);
  free (blob);
}

static void
test_search_blob (void)
{
  struct content_pack *yaml = load_dir ("data");
  size_t blen = 0, len = 0;
  /* As pinav-packc makes it: the image, read back, indexed by walking
     it, the index attached.  */
  unsigned char *img = yaml ? packfile_encode (yaml, HASH, &len) : NULL;
  struct content_pack *p = img ? packfile_decode (img, len, HASH) : NULL;
  struct search_index *ref = p ? search_index_build (p, "en") : NULL;
  struct search_index *yref = yaml ? search_index_build (yaml, "en") : NULL;
  unsigned char *blob = ref ? search_blob_make (ref, &blen) : NULL;
  size_t ylen = 0;
  unsigned char *yblob = yref ? search_blob_make (yref, &ylen) : NULL;
  tap_ok (yref && !yblob, "no index is made from a pack read from its YAML "
          "(its strings are not an image's)");
  free (yblob);
  search_index_free (yref);
  content_free (yaml);
  img = blob ? packfile_attach_search (img, &len, blob, blen) : NULL;
  unsigned char *bad = malloc (len);
  struct content_pack *back = img ? packfile_decode (img, len, HASH) : NULL;
  if (!bad || !back)
    exit (99);
  tap_ok (back->search_blob_len == blen
          && memcmp (back->search_blob, blob, blen) == 0
          && (len - blen) % 8 == 0 && try_search (img, len, ref) == 1
          && try_search (img, len, ref) == 1, "an image with a search "
          "index of %zu bytes reads back with it, at a multiple of 8, and "
          "the search uses it", blen);
  struct search_index *ix = search_index_build (back, "en");
  tap_ok (ix && search_index_compiled (ix) && same_search (ref, ix),
          "and finds what an index built from the strings finds");
  size_t n = 0, wrong = 0, first = SIZE_MAX, used = 0;
  /* Each byte of the header, then bytes all through: the header is
     checked before the index is used, the rest when it is read.  */
  for (size_t at = 0; at < blen; at += at < SEARCH_BLOB_HEADER ? 1 : 601, n++)
    for (int cut = 0; cut < 2; cut++)
      {
        int r = try_search_used (bad, blob_damage (img, len, blen, bad, at,
                                                   cut), ref, false);
        used += r == 1;
        if (r != 0 && (r != 1 || at < SEARCH_BLOB_HEADER || cut))
          {
            wrong++;
            first = first < at ? first : at;
          }
      }
  char where[64] = "";
  if (wrong)
    snprintf (where, sizeof where, "; the first at byte %zu", first);
  tap_ok (wrong == 0, "%zu bytes of the index damaged, and it cut short "
          "there: never used when in its header or cut, else given up "
          "when read (%zu not read by the queries); the search finds the "
          "same (%zu not%s)", n, used, wrong, where);
  size_t tried = 0;
  used = blob_hostile (img, len, blen, bad, ref, &tried);
  tap_ok (tried > 500, "%zu hostile words with the checksum made to fit: "
          "the search reads nothing outside the index (%zu were used)",
          tried, used);
  search_index_free (ix);
  test_search_stored (img, len, blen, bad, ref);
  test_search_lazy (p, ref);
  search_index_free (ref);
  content_free (back);
  p->search_blob = NULL;
  content_free (p);
  free (blob);
  free (img);
  free (bad);
}

int
main (void)
{
  packtest_init ();
  test_search_blob ();
  return tap_done ();
}
