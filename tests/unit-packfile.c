/* unit-packfile.c - the compiled pack (packfile.h), checked by breaking
   its reader on purpose: every assertion here fails for at least one
   deliberate break of src/packfile.c (the list below), and none counts
   "did not crash".  A loop over many images is one assertion, which
   names the first image that broke its rule.

   - Round trips: an image of tests/data/good and of data loads back
     into the pack of the YAML: field by field, byte for byte when
     compiled again, the same --dump in English and in Chinese; from a
     copy of the caller's bytes; and never for another YAML's hash.
   - packfile_load: an image is used only while the YAML beside it is
     unchanged, and the hash sees every byte, name and size.
   - Damage: every truncation, and every change of a header word, a
     count, a string reference, a kind, a citation or a link to a value
     the format forbids, is refused; an image that still loads (a word or a
     byte changed to a value that is allowed) holds a sound pack
     (pack_sound: what the rest of pinav relies on).
   - The search index (search_blob.h): an image that holds one reads
     back with it, and the search uses it and finds what an index built
     from the strings finds; with any byte of it damaged, or cut short,
     it is not used, and the search finds the same; with hostile words
     and the checksum made to fit (under --enable-sanitizers), the
     search reads nothing outside it.
   - Edges: hand-made images, each in a small image and in one that
     fills a block of the arena of its own (so that ASan sees a read
     past its end); packs that packfile_encode writes as it is given
     them but that the reader must refuse.

   Each break of src/packfile.c below was made by hand, and failed the
   assertions named (A: in the --enable-sanitizers build only; V: under
   valgrind only; crash: the reader itself dereferences NULL, or runs
   out of memory, in that assertion's loop):
     magic, version, header size, size, table count or zero word not
       checked; unread records allowed ........ header words
     a table's end unchecked (crash), or one byte past it allowed
       ........................................ truncations; a text one
                                                byte longer (A)
     a table may start inside the header ...... empty table in header
     the text's last NUL not required ......... text without its NUL
     no string length limit, or > made >= ..... a string of 1 MiB
     UTF-8 unchecked; overlong forms, surrogates or code points past
       U+10FFFF accepted; non-ASCII skipped ... the UTF-8 edges
     the 8-byte fast path reading past the text  data loads back, both
                                                images load (A)
     3-byte characters (Chinese) refused ...... round trips
     a reference into a string or just past the text, PF_NONE for a
       required string (crash) or in a list, an id's characters
       ........................................ string references
     an id of 65 characters ................... id of 65 characters
     kind, flags or untraced out of range ..... kinds
     attribute type out of range .............. type past the last
     a citation past the last (crash), or clamped to the last
       ........................................ citations
     sections not all read before citations ... header words (crash)
     a link past the last item (crash), or to an item outside the
       independent collection, or from an untraced item
       ........................................ links; the variant named
     para with items, list with text, document without sections,
       value shapes (boolean, unset text or list, missing text),
       ref_collection on a non-refs attribute . the variant named
     a field swapped or lost (section index, title and source,
       untraced, values' record, sources' count, last item, columns,
       menu's count, glossary, independent, links' item); the caller's
       bytes
       not copied ............................. field by field
     a collection's intro required ............ every image loads
     the hash not compared, or only half of it  any other hash
     packfile_load ignoring the hash .......... YAML edited
     names, sizes, the last file, a file's tail, or 7 lanes of 8 not
       hashed ................................. renamed, sizes, bytes
     an image named explicitly ignored ........ named explicitly
     pack.bin opened blocking (a FIFO hangs), or read when shorter
       than a header (V) ...................... pack.bin not an image
     the characters of text_safe.h not refused in the text, or only
       those of one byte ...................... the F1 and F5 variants
     a line break allowed in a string of one line (pf_text for
       pf_str), or refused in block text ...... F1: a line break
     the search index's checksum not compared (src/view/search_blob.c)
       ........................................ the index damaged
     a posting past the last string allowed ... hostile words (A)
   Not caught, as no test can: "exactly one pack record" (a count of 0
   or 2 fails later anyway) and "pack.bin must be a regular file" (any
   other file open gives is too short to read, or fails to read).  */
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
#include "search.h"
#include "search_blob.h"
#include "search_int.h"
#include "search_stored.h"
#include "text_safe.h"
#include "tap.h"
#include "text.h"

/* The hash that the test's own images name.  */
#define HASH 7

static const char *srcdir;
static FILE *devnull;

static struct content_pack *
load_dir (const char *rel)
{
  char path[4096];
  struct diags d = { 0 };
  snprintf (path, sizeof path, "%s/%s", srcdir, rel);
  struct content_pack *p = load_pack (path, &d);
  diag_print (&d, stdout);
  diag_free (&d);
  return p;
}

/* The whole --dump of P at WIDTH, malloc'd; *LEN bytes.  */
static char *
dump_text (const struct content_pack *p, size_t width, size_t *len)
{
  char *buf = NULL;
  FILE *f = open_memstream (&buf, len);
  if (!f)
    exit (99);
  dump_pack (f, p, NULL, width);
  fclose (f);
  return buf;
}

static bool
same_dump (const struct content_pack *a, const struct content_pack *b,
           size_t width)
{
  size_t la, lb;
  char *x = dump_text (a, width, &la), *y = dump_text (b, width, &lb);
  bool same = la == lb && memcmp (x, y, la) == 0 && la > 0;
  free (x);
  free (y);
  return same;
}

/* The same --dump of A and B, wrapped and not, in English and in
   Chinese; and the Chinese is not the English.  */
static bool
same_dumps (const struct content_pack *a, const struct content_pack *b)
{
  size_t en_len, zh_len;
  bool ok = same_dump (a, b, 80) && same_dump (a, b, 0);
  char *en = dump_text (b, 80, &en_len);
  i18n_set_language ("zh_CN");
  char *zh = dump_text (b, 80, &zh_len);
  ok = ok && same_dump (a, b, 80)
       && (en_len != zh_len || memcmp (en, zh, en_len) != 0);
  i18n_set_language ("en");
  free (en);
  free (zh);
  return ok;
}

/* --- The model, field by field.  */

static bool
same_str (const char *a, const char *b)
{
  return a == b || (a && b && strcmp (a, b) == 0);
}

static bool
same_strs (const char *const *a, size_t na, const char *const *b, size_t nb)
{
  bool ok = na == nb;
  for (size_t i = 0; ok && i < na; i++)
    ok = same_str (a[i], b[i]);
  return ok;
}

static bool
same_cites (const struct content_cite *a, size_t na,
            const struct content_cite *b, size_t nb)
{
  bool ok = na == nb;
  for (size_t i = 0; ok && i < na; i++)
    ok = same_str (a[i].doc_id, b[i].doc_id)
         && content_cite_section (&b[i])
         && same_str (a[i].section_id, b[i].section_id)
         && a[i].section && b[i].section
         && same_str (a[i].section->id, b[i].section->id)
         && a[i].section->index == b[i].section->index
         && same_str (a[i].section->doc->id, b[i].section->doc->id);
  return ok;
}

static bool
same_section (const struct content_section *a, const struct content_section *b)
{
  bool ok = same_str (a->id, b->id) && same_str (a->heading, b->heading)
            && a->n_blocks == b->n_blocks && a->index == b->index
            && same_str (a->doc->id, b->doc->id);
  size_t nb;
  const struct content_item *const *by = content_cited_by (b, &nb);
  ok = ok && a->n_cited_by == nb;
  for (size_t i = 0; ok && i < a->n_blocks; i++)
    ok = a->blocks[i].kind == b->blocks[i].kind
         && same_str (a->blocks[i].text, b->blocks[i].text)
         && same_strs (a->blocks[i].items, a->blocks[i].n_items,
                       b->blocks[i].items, b->blocks[i].n_items);
  for (size_t i = 0; ok && i < a->n_cited_by; i++)
    ok = same_str (a->cited_by[i]->id, by[i]->id)
         && same_str (a->cited_by[i]->coll->id, by[i]->coll->id);
  return ok;
}

static bool
same_item (const struct content_collection *c, const struct content_item *a,
           const struct content_item *b)
{
  bool ok = same_str (a->id, b->id) && same_str (a->name, b->name)
            && same_str (a->summary, b->summary) && a->index == b->index
            && same_str (a->coll->id, b->coll->id)
            && a->n_claims == b->n_claims
            && same_cites (a->sources, a->n_sources, b->sources,
                           b->n_sources)
            && a->n_independent == b->n_independent
            && same_strs (a->sort, c->n_sort_langs, b->sort,
                          c->n_sort_langs);
  for (size_t i = 0; ok && i < a->n_independent; i++)
    ok = same_str (a->independent[i].id, b->independent[i].id)
         && a->independent[i].item && b->independent[i].item
         && same_str (a->independent[i].item->id,
                      b->independent[i].item->id)
         && same_str (a->independent[i].item->coll->id,
                      b->independent[i].item->coll->id);
  for (size_t i = 0; ok && i < c->n_attrs; i++)
    {
      const struct content_value *x = &a->values[i], *y = &b->values[i];
      ok = x->set == y->set && x->boolean == y->boolean
           && same_str (x->text, y->text)
           && same_strs (x->list, x->n_list, y->list, y->n_list);
    }
  for (size_t i = 0; ok && i < a->n_claims; i++)
    ok = same_str (a->claims[i].text, b->claims[i].text)
         && same_cites (a->claims[i].cites, a->claims[i].n_cites,
                        b->claims[i].cites, b->claims[i].n_cites);
  return ok;
}

static bool
same_collection (const struct content_collection *a,
                 const struct content_collection *b)
{
  bool ok = same_str (a->id, b->id) && same_str (a->title, b->title)
            && same_str (a->intro, b->intro) && a->untraced == b->untraced
            && same_strs (a->related, a->n_related, b->related, b->n_related)
            && a->n_attrs == b->n_attrs && a->n_items == b->n_items
            && same_strs (a->sort_langs, a->n_sort_langs, b->sort_langs,
                          b->n_sort_langs);
  for (size_t i = 0; ok && i < a->n_attrs; i++)
    ok = same_str (a->attrs[i].id, b->attrs[i].id)
         && same_str (a->attrs[i].label, b->attrs[i].label)
         && a->attrs[i].type == b->attrs[i].type
         && same_str (a->attrs[i].ref_collection, b->attrs[i].ref_collection);
  for (size_t i = 0; ok && i < a->n_items; i++)
    ok = same_item (a, &a->items[i], &b->items[i]);
  return ok;
}

/* Every field of A and B, and B's lookups.  */
/* Decode every document and collection of P that a loader left
   pending.  @retval how many are unavailable.  */
static size_t
decode_all (const struct content_pack *p)
{
  size_t n = 0;
  for (size_t i = 0; i < p->n_docs; i++)
    n += content_doc_unavailable (p->docs[i]);
  for (size_t i = 0; i < p->n_colls; i++)
    n += content_coll_unavailable (p->colls[i]);
  return n;
}

static bool
same_pack (const struct content_pack *a, const struct content_pack *b)
{
  bool ok = decode_all (b) == 0 && same_str (a->title, b->title)
            && same_str (a->reviewed, b->reviewed)
            && same_str (a->disclaimer, b->disclaimer)
            && same_strs (a->about, a->n_about, b->about, b->n_about)
            && same_strs (a->menu, a->n_menu, b->menu, b->n_menu)
            && same_str (a->glossary, b->glossary)
            && same_str (a->glossary_also, b->glossary_also)
            && same_str (a->independent, b->independent)
            && a->n_docs == b->n_docs && a->n_colls == b->n_colls
            && a->n_comps == b->n_comps
            && same_strs (a->words, a->n_words, b->words, b->n_words);
  for (size_t i = 0; ok && i < a->n_docs; i++)
    {
      const struct content_document *x = a->docs[i], *y = b->docs[i];
      ok = same_str (x->id, y->id) && same_str (x->title, y->title)
           && same_str (x->publisher, y->publisher)
           && same_str (x->source, y->source)
           && x->n_sections == y->n_sections
           && content_document (b, y->id) == y;
      for (size_t j = 0; ok && j < x->n_sections; j++)
        ok = same_section (&x->sections[j], &y->sections[j])
             && content_section (b, y->id, y->sections[j].id)
                == &y->sections[j];
    }
  for (size_t i = 0; ok && i < a->n_colls; i++)
    ok = same_collection (a->colls[i], b->colls[i])
         && content_collection (b, b->colls[i]->id) == b->colls[i];
  for (size_t i = 0; ok && i < a->n_comps; i++)
    {
      const struct content_comparison *x = a->comps[i], *y = b->comps[i];
      ok = same_str (x->id, y->id) && same_str (x->title, y->title)
           && same_str (x->collection, y->collection)
           && same_strs (x->columns, x->n_columns, y->columns, y->n_columns)
           && content_comparison (b, y->id) == y;
    }
  return ok;
}

/* --- What a loaded pack promises the rest of pinav (content.h): the
   reader must refuse an image whose pack would break any of it.  */

/* Not NULL, UTF-8 (text_decode gives U+FFFD for a bad byte), and
   without a character that a terminal must not be given in block text
   (text_safe.h; issue 15, F1 and F5).  */
static bool
sound_text (const char *s)
{
  size_t n = s ? strlen (s) : 0;
  if (text_find_unsafe (s, n, true, NULL) < n)
    return false;
  for (size_t i = 0; i < n;)
    {
      unsigned wc;
      size_t w = text_decode (s + i, n - i, &wc);
      if (wc == 0xFFFD && strncmp (s + i, "\xEF\xBF\xBD", 3) != 0)
        return false;
      i += w;
    }
  return s != NULL;
}

static bool
sound_id (const char *s)
{
  size_t n = s ? strlen (s) : 0;
  return n >= 1 && n <= 64
         && strspn (s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

static bool
sound_strs (const char *const *v, size_t n)
{
  bool ok = n == 0 || v != NULL;
  for (size_t i = 0; ok && i < n; i++)
    ok = sound_text (v[i]);
  return ok;
}

/* Citations of sections of P, under those sections' own ids (a
   section of an unavailable document cannot be reached:
   content_cite_section).  */
static bool
sound_cites (const struct content_pack *p, const struct content_cite *c,
             size_t n)
{
  bool ok = n == 0 || c != NULL;
  for (size_t i = 0; ok && i < n; i++)
    {
      const struct content_section *s = c[i].section;
      ok = false;
      for (size_t k = 0; s && k < p->n_docs; k++)
        ok |= s->doc == p->docs[k] && s->index < s->doc->n_sections
              && s == &s->doc->sections[s->index];
      const struct content_section *r = content_cite_section (&c[i]);
      ok = ok && same_str (c[i].doc_id, s->doc->id)
           && (r ? r == s && same_str (c[i].section_id, s->id)
                 : content_doc_unavailable (s->doc));
    }
  return ok;
}

static bool
sound_block (const struct content_block *b)
{
  if (b->kind == BLOCK_PARA)
    return sound_text (b->text) && b->n_items == 0;
  return (b->kind == BLOCK_BULLETS || b->kind == BLOCK_NUMBERED)
         && !b->text && sound_strs (b->items, b->n_items);
}

/* The items that cite S: decoded items of P, each once, each citing
   S in a claim or its sources.  */
static bool
sound_backrefs (const struct content_pack *p, const struct content_section *s)
{
  size_t n;
  const struct content_item *const *by = content_cited_by (s, &n);
  bool ok = n == 0 || by != NULL;
  for (size_t i = 0; ok && i < n; i++)
    {
      const struct content_item *it = by[i];
      bool cites = false, of_p = false;
      for (size_t k = 0; k < p->n_colls; k++)
        of_p |= it->coll == p->colls[k] && it->index < it->coll->n_items
                && it == &it->coll->items[it->index];
      for (size_t k = 0; of_p && k < it->n_claims; k++)
        for (size_t j = 0; j < it->claims[k].n_cites; j++)
          cites |= it->claims[k].cites[j].section == s;
      for (size_t j = 0; of_p && j < it->n_sources; j++)
        cites |= it->sources[j].section == s;
      ok = of_p && cites && (i == 0 || by[i - 1] != it);
    }
  return ok;
}

static bool
sound_doc (const struct content_pack *p, const struct content_document *d)
{
  size_t n;
  const struct content_section *secs = content_doc_sections (d, &n);
  bool ok = sound_id (d->id) && sound_text (d->title)
            && sound_text (d->source)
            && (!d->publisher || sound_text (d->publisher))
            && d->n_sections > 0 && d->sections;
  /* Unavailable (its part of the image is bad): it has no sections.  */
  if (content_doc_unavailable (d))
    return ok && !secs && n == 0;
  for (size_t j = 0; ok && j < n; j++)
    {
      const struct content_section *s = &secs[j];
      ok = sound_id (s->id) && sound_text (s->heading) && s->doc == d
           && s->index == j && (s->n_blocks == 0 || s->blocks);
      for (size_t k = 0; ok && k < s->n_blocks; k++)
        ok = sound_block (&s->blocks[k]);
      ok = ok && sound_backrefs (p, s);
    }
  return ok;
}

static bool
sound_attr (const struct content_attrdef *a)
{
  return sound_id (a->id) && sound_text (a->label)
         && (a->type == ATTR_TEXT || a->type == ATTR_LIST
             || a->type == ATTR_BOOL || a->type == ATTR_REFS)
         && (a->type == ATTR_REFS ? sound_id (a->ref_collection)
                                  : !a->ref_collection);
}

/* Value V of attribute A has the shape of A's type.  */
static bool
sound_value (const struct content_attrdef *a, const struct content_value *v)
{
  bool text = v->set && a->type == ATTR_TEXT;
  return (!v->boolean || (v->set && a->type == ATTR_BOOL))
         && (text ? sound_text (v->text) : !v->text)
         && (v->n_list == 0
             || (v->set && (a->type == ATTR_LIST || a->type == ATTR_REFS)))
         && sound_strs (v->list, v->n_list);
}

/* Links of item IT of C to items of P, of a collection of the id P
   names independent, under those items' own ids (an item of an
   unavailable collection cannot be reached: content_link_item); none
   from an untraced collection.  */
static bool
sound_links (const struct content_pack *p,
             const struct content_collection *c,
             const struct content_item *it)
{
  const struct content_link *l = it->independent;
  size_t n = it->n_independent;
  bool ok = n == 0 || (l != NULL && !c->untraced && p->independent);
  for (size_t i = 0; ok && i < n; i++)
    {
      const struct content_item *t = content_link_item (it, i);
      const struct content_collection *ind
        = p->independent ? content_collection (p, p->independent) : NULL;
      ok = false;
      for (size_t k = 0; t && k < p->n_colls; k++)
        ok |= t->coll == p->colls[k] && t->index < t->coll->n_items
              && t == &t->coll->items[t->index];
      ok = t ? ok && same_str (t->coll->id, p->independent)
               && same_str (l[i].id, t->id) && t == l[i].item
             : ind && content_coll_unavailable (ind);
    }
  return ok;
}

static bool
sound_item (const struct content_pack *p, const struct content_collection *c,
            const struct content_item *items, size_t i)
{
  const struct content_item *it = &items[i];
  bool ok = sound_id (it->id) && sound_text (it->name)
            && sound_text (it->summary) && it->coll == c && it->index == i
            && it->values && (it->n_claims == 0 || it->claims)
            && sound_cites (p, it->sources, it->n_sources)
            && sound_links (p, c, it);
  for (size_t k = 0; ok && k < c->n_attrs; k++)
    ok = sound_value (&c->attrs[k], &it->values[k]);
  for (size_t k = 0; ok && k < it->n_claims; k++)
    ok = sound_text (it->claims[k].text)
         && sound_cites (p, it->claims[k].cites, it->claims[k].n_cites);
  return ok;
}

static bool
sound_coll (const struct content_pack *p, const struct content_collection *c)
{
  size_t n;
  const struct content_item *items = content_coll_items (c, &n);
  bool ok = sound_id (c->id) && sound_text (c->title)
            && (!c->intro || sound_text (c->intro))
            && sound_strs (c->related, c->n_related)
            && (c->n_attrs == 0 || c->attrs)
            && (c->n_items == 0 || c->items);
  for (size_t k = 0; ok && k < c->n_attrs; k++)
    ok = sound_attr (&c->attrs[k]);
  /* Unavailable (its part of the image is bad): it has no items.  */
  if (content_coll_unavailable (c))
    return ok && !items && n == 0;
  for (size_t k = 0; ok && k < n; k++)
    ok = sound_item (p, c, items, k);
  return ok;
}

static bool
pack_sound (const struct content_pack *p)
{
  bool ok = sound_text (p->title) && sound_text (p->reviewed)
            && sound_text (p->disclaimer)
            && sound_strs (p->about, p->n_about)
            && sound_strs (p->menu, p->n_menu)
            && (!p->glossary || sound_id (p->glossary))
            && (!p->glossary_also || sound_id (p->glossary_also))
            && (!p->independent || sound_id (p->independent));
  for (size_t i = 0; ok && i < p->n_docs; i++)
    ok = sound_doc (p, p->docs[i]);
  for (size_t i = 0; ok && i < p->n_colls; i++)
    ok = sound_coll (p, p->colls[i]);
  for (size_t i = 0; ok && i < p->n_comps; i++)
    {
      const struct content_comparison *m = p->comps[i];
      ok = sound_id (m->id) && sound_text (m->title)
           && sound_id (m->collection)
           && sound_strs (m->columns, m->n_columns);
    }
  return ok;
}

/* --- Round trips.  */

/* Whether the image at IMG (LEN bytes, naming HASH) is refused for
   every hash but HASH that differs from it in one bit.  */
static bool
other_hashes_refused (const unsigned char *img, size_t len)
{
  bool ok = true;
  for (int bit = 0; ok && bit < 64; bit++)
    {
      struct content_pack *p
        = packfile_decode (img, len, HASH ^ ((uint64_t) 1 << bit));
      ok = p == NULL;
      content_free (p);
    }
  return ok;
}

/* Whether S is all printable ASCII.  */
static bool
printable_ascii (const char *s)
{
  const unsigned char *u = (const unsigned char *) s;
  for (; *u; u++)
    if (*u < 0x20 || *u >= 0x7F)
      return false;
  return true;
}

/* Whether P's words are the names of its items that are not all
   printable ASCII, each of them, in the pack's order, then the
   glossary's other forms that are not.  */
static bool
words_sound (const struct content_pack *p)
{
  size_t k = 0, n;
  bool ok = true;
  for (size_t i = 0; ok && i < p->n_colls; i++)
    {
      const struct content_item *items = content_coll_items (p->colls[i], &n);
      for (size_t j = 0; ok && j < n; j++)
        if (!printable_ascii (items[j].name))
          ok = k < p->n_words && same_str (p->words[k++], items[j].name);
    }
  const struct content_collection *g
    = p->glossary ? content_collection (p, p->glossary) : NULL;
  int also = g && p->glossary_also ? content_attr_index (g, p->glossary_also)
                                   : -1;
  const struct content_item *items = also >= 0 ? content_coll_items (g, &n)
                                               : NULL;
  for (size_t j = 0; ok && items && j < n; j++)
    {
      const struct content_value *v = &items[j].values[also];
      for (size_t f = 0; ok && v->set && f < v->n_list; f++)
        if (!printable_ascii (v->list[f]))
          ok = k < p->n_words && same_str (p->words[k++], v->list[f]);
    }
  return ok && k == p->n_words;
}

static void
test_round_trip (const char *rel)
{
  struct content_pack *a = load_dir (rel), *b = NULL;
  size_t len = 0, len2 = 0;
  unsigned char *img = a ? packfile_encode (a, HASH, &len) : NULL;
  unsigned char *copy = img ? malloc (len) : NULL;
  if (copy)
    {
      memcpy (copy, img, len);
      b = packfile_decode (copy, len, HASH);
      /* The pack must not point into the caller's bytes.  */
      memset (copy, 'x', len);
    }
  tap_ok (b != NULL, "%s: the image (%zu bytes) loads back", rel, len);
  tap_ok (b && same_pack (a, b), "%s: the same pack, field by field", rel);
  tap_ok (a && b && words_sound (b), "%s: its words (%zu) are the names, "
          "then the glossary's forms, that are not all printable ASCII, in "
          "the pack's order", rel,
          b ? b->n_words : 0);
  unsigned char *again = b ? packfile_encode (b, HASH, &len2) : NULL;
  tap_ok (again && len2 == len && memcmp (again, img, len) == 0,
          "%s: compiled again, the same bytes", rel);
  tap_ok (b && same_dumps (a, b),
          "%s: the same --dump, wrapped and not, in English and in "
          "Chinese (which is not the English)", rel);
  tap_ok (img && other_hashes_refused (img, len),
          "%s: refused for the hash of other YAML (any one bit changed)",
          rel);
  free (again);
  free (copy);
  free (img);
  content_free (a);
  content_free (b);
}

/* --- An image beside its YAML: packfile_load, packfile_hash_dir.  */

static void
copy_file (const char *from, const char *to)
{
  FILE *in = fopen (from, "rb"), *out = fopen (to, "wb");
  char buf[8192];
  size_t n;
  if (!in || !out)
    exit (99);
  while ((n = fread (buf, 1, sizeof buf, in)) > 0)
    fwrite (buf, 1, n, out);
  fclose (in);
  if (fclose (out) != 0)
    exit (99);
}

static void
write_file (const char *path, const void *data, size_t len)
{
  FILE *f = fopen (path, "wb");
  if (!f || fwrite (data, 1, len, f) != len || fclose (f) != 0)
    exit (99);
}

/* Remove every file of DIR.  */
static void
empty_dir (const char *dir)
{
  char path[4096];
  DIR *d = opendir (dir);
  for (struct dirent *e; d && (e = readdir (d)) != NULL;)
    if (strcmp (e->d_name, ".") != 0 && strcmp (e->d_name, "..") != 0)
      {
        snprintf (path, sizeof path, "%s/%s", dir, e->d_name);
        if (unlink (path) != 0)
          rmdir (path);
      }
  if (d)
    closedir (d);
}

/* Whether DIR's pack.bin (or IMAGE) is used, and is DIR's pack.  */
static bool
image_used (const char *dir, const char *image)
{
  struct content_pack *p = packfile_load (dir, image, NULL);
  bool ok = p && strcmp (p->title, "A small test pack") == 0;
  content_free (p);
  return ok;
}

/* Copy tests/data/good into TMP.  @retval an image of it, for its
   YAML's hash: *LEN bytes, malloc'd.  */
static unsigned char *
good_dir (const char *tmp, size_t *len)
{
  char from[4096], to[4096];
  static const char *const files[] = { "doc.yaml", "fruits.yaml",
                                       "pack.yaml", "places.yaml" };
  for (size_t i = 0; i < sizeof files / sizeof *files; i++)
    {
      snprintf (from, sizeof from, "%s/tests/data/good/%s", srcdir, files[i]);
      snprintf (to, sizeof to, "%s/%s", tmp, files[i]);
      copy_file (from, to);
    }
  struct diags dg = { 0 };
  struct content_pack *p = load_pack (tmp, &dg);
  uint64_t hash = 0;
  unsigned char *img = p && packfile_hash_dir (tmp, &hash)
                       ? packfile_encode (p, hash, len) : NULL;
  content_free (p);
  diag_free (&dg);
  if (!img)
    exit (99);
  return img;
}

/* Write "A smell" over "A small" in the title, in place, in the image
   BIN (of the LEN bytes IMG): as only its owner could.  */
static void
scribble (const char *bin, const unsigned char *img, size_t len)
{
  const unsigned char *at = memmem (img, len, "A small test pack", 17);
  FILE *f = fopen (bin, "r+b");
  if (!at || !f || fseek (f, (long) (at - img) + 2, SEEK_SET) != 0
      || fputs ("smell", f) < 0 || fclose (f) != 0)
    exit (99);
}

/* The title of the pack of DIR, from its image of the LEN bytes IMG
   written with MODE (and owner UID, unless -1), once that image has
   been scribbled on after it was loaded.  */
static char *
title_after_write (const char *dir, const unsigned char *img, size_t len,
                   mode_t mode, uid_t uid)
{
  char bin[4096];
  snprintf (bin, sizeof bin, "%s/%s", dir, PACKFILE_NAME);
  unlink (bin);
  write_file (bin, img, len);
  if (chmod (bin, mode) != 0 || (uid != (uid_t) -1 && chown (bin, uid, -1)))
    exit (99);
  struct content_pack *p = packfile_load (dir, NULL, NULL);
  if (!p)
    return strdup ("(not used)");
  scribble (bin, img, len);
  char *title = strdup (p->title);
  content_free (p);
  unlink (bin);
  return title;
}

/* Issue 17: an image is mapped only when no one but the running user
   and root can change it; else it is copied, and a write to the file
   after it was checked cannot reach the pack (docs/security.md).  */
static void
test_mapping (const char *dir, const unsigned char *img, size_t len)
{
  static const struct { mode_t mode; const char *what; bool mapped; }
  modes[] = {
    { 0644, "the running user's, 644: mapped (only its owner can change "
      "it, and an in-place write by the owner shows)", true },
    { 0664, "group-writable: copied, an in-place write does not reach "
      "the pack", false },
    { 0646, "writable by others: copied", false },
  };
  for (size_t i = 0; i < sizeof modes / sizeof *modes; i++)
    {
      char *t = title_after_write (dir, img, len, modes[i].mode, (uid_t) -1);
      tap_ok (strcmp (t, modes[i].mapped ? "A smell test pack"
                                         : "A small test pack") == 0,
              "an image %s (%s)", modes[i].what, t);
      free (t);
    }
  if (geteuid () == 0)          /* root may give the file away */
    {
      char *t = title_after_write (dir, img, len, 0644, 1);
      tap_ok (strcmp (t, "A small test pack") == 0,
              "an image of another user (not root), 644: copied (%s)", t);
      free (t);
    }
}

static void
test_stale (const char *tmp, const unsigned char *img, size_t len)
{
  char bin[4096], to[4096], from[4096];
  snprintf (bin, sizeof bin, "%s/%s", tmp, PACKFILE_NAME);
  snprintf (to, sizeof to, "%s/fruits.yaml", tmp);
  bool none = !image_used (tmp, NULL);
  write_file (bin, img, len);
  tap_ok (none && image_used (tmp, NULL) && !image_used (to, bin),
          "an image of the YAML beside it is used; without one, or for "
          "a single YAML file, none");

  snprintf (to, sizeof to, "%s/doc.yaml", tmp);
  FILE *f = fopen (to, "ab");
  if (!f || fputs ("# edited\n", f) < 0 || fclose (f) != 0)
    exit (99);
  bool edited = !image_used (tmp, NULL);
  snprintf (from, sizeof from, "%s/tests/data/good/doc.yaml", srcdir);
  copy_file (from, to);
  tap_ok (edited && image_used (tmp, NULL),
          "a YAML file edited: the image is not used; edited back, it is");

  snprintf (to, sizeof to, "%s/zz.yaml", tmp);
  write_file (to, "kind: pack\n", 11);
  tap_ok (!image_used (tmp, NULL), "a YAML file added: not used");
  unlink (to);
  snprintf (to, sizeof to, "%s/fruits.yaml", tmp);
  snprintf (from, sizeof from, "%s/fruit.yaml", tmp);
  rename (to, from);
  tap_ok (!image_used (tmp, NULL), "a YAML file renamed: not used");
  rename (from, to);

  snprintf (to, sizeof to, "%s/.hidden.yaml", tmp);
  write_file (to, "x", 1);
  snprintf (from, sizeof from, "%s/notes.txt", tmp);
  write_file (from, "x", 1);
  tap_ok (image_used (tmp, NULL),
          "files the loader does not read do not count");
  unlink (to);
  unlink (from);
}

/* A pack.bin that is no image, and an image named explicitly.  */
static void
test_bad_bins (const char *tmp, const unsigned char *img, size_t len)
{
  char bin[4096], other[4096];
  snprintf (bin, sizeof bin, "%s/%s", tmp, PACKFILE_NAME);
  snprintf (other, sizeof other, "%s/other.img", tmp);
  static const char *const what[] = { "cut short", "empty",
                                      "7 bytes of its magic", "a FIFO",
                                      "a directory" };
  int used = -1;
  for (int i = 0; i < 5 && used < 0; i++)
    {
      unlink (bin);
      if (i < 3)
        write_file (bin, img, i == 0 ? len / 2 : i == 1 ? 0 : 7);
      else if (i == 3 ? mkfifo (bin, 0600) : mkdir (bin, 0700))
        exit (99);
      if (image_used (tmp, NULL))
        used = i;
      rmdir (bin);
    }
  tap_ok (used < 0, "a pack.bin cut short, empty, of 7 bytes, a FIFO or "
          "a directory is not used (nor hangs)%s%s",
          used < 0 ? "" : ": used when ", used < 0 ? "" : what[used]);

  /* DIR's pack.bin and the image named: one good, the other not.  */
  write_file (other, img, len);
  write_file (bin, img, len / 2);
  bool named = image_used (tmp, other);
  write_file (bin, img, len);
  write_file (other, img, len / 2);
  tap_ok (named && !image_used (tmp, other),
          "an image named explicitly is the one read, not DIR's pack.bin");
}

/* Whether the hash of DIR has changed from *LAST; note it there.  */
static bool
hash_changed (const char *dir, uint64_t *last)
{
  uint64_t h = 0;
  if (!packfile_hash_dir (dir, &h))
    exit (99);
  bool changed = h != *last;
  *last = h;
  return changed;
}

static void
test_hash (const char *tmp)
{
  char a[4096], b[4096];
  char text[] = "kind: pack\ntitle: changed byte by byte\n";
  size_t n = sizeof text - 1, same_at = n;
  uint64_t base = 0, h = 0;
  snprintf (a, sizeof a, "%s/a.yaml", tmp);
  snprintf (b, sizeof b, "%s/b.yaml", tmp);
  write_file (a, text, n);
  hash_changed (tmp, &base);
  for (size_t i = 0; i < n && same_at == n; i++)
    {
      text[i] ^= 0x20;
      write_file (a, text, n);
      h = base;
      if (!hash_changed (tmp, &h))
        same_at = i;
      text[i] ^= 0x20;
    }
  char first[40] = "";
  if (same_at < n)
    snprintf (first, sizeof first, ": not byte %zu", same_at);
  tap_ok (!first[0], "every one-byte change of a YAML file (%zu) changes "
          "the hash%s", n, first);

  /* "foo" then b.yaml's "bar", or the same bytes in a.yaml alone.  */
  write_file (a, "foo", 3);
  write_file (b, "bar", 3);
  hash_changed (tmp, &h);
  unlink (b);
  write_file (a, "foob.yaml\0bar", 13);
  tap_ok (hash_changed (tmp, &h),
          "a file's size is hashed: its bytes are not the next file's");
  unlink (a);
}

/* --- Damaged images.  */

enum verdict { REFUSED, SOUND, UNSOUND };

/* Load the LEN bytes of IMG and, when the pack is sound, show every
   page of it.  */
static enum verdict
try_image (const unsigned char *img, size_t len)
{
  struct content_pack *p = packfile_decode (img, len, HASH);
  enum verdict v = !p ? REFUSED : pack_sound (p) ? SOUND : UNSOUND;
  if (v == SOUND)
    dump_pack (devnull, p, NULL, 40);
  /* A document whose records or strings are bad is decoded only when
     it is reached, and then shown unavailable: refused, in part.  */
  if (v == SOUND && decode_all (p))
    v = REFUSED;
  content_free (p);
  return v;
}

/* An image to damage, and what its directory says.  */
struct fixture
{
  unsigned char *img;
  size_t len;
  uint32_t text, text_size, n_secs, n_items;
  bool *indep;                  /* per item of ITEM: in the independent
                                   collection, so a link may name it */
};

static uint32_t
dir_word (const unsigned char *img, int t, int k)
{
  return pf_get32 (img + PF_H_DIR + 8 * t + 4 * k);
}

static struct content_item *
item_of (struct content_pack *p, const char *coll, const char *id)
{
  struct content_item *it = (struct content_item *) content_item (p, coll,
                                                                   id);
  if (!it)
    exit (99);
  return it;
}

/* The good pack, with banana's source moved to the last section (so
   that a document cut short leaves a citation of a section not read)
   and, when BIG, the comparison's title (the text's last string) so
   long that the image, a multiple of 16 bytes, fills a block of the
   arena of its own: ASan then sees any read past its end.  */
static void
fixture_make (struct fixture *f, bool big)
{
  static char title[70000 + 16];
  struct content_pack *a = load_dir ("tests/data/good");
  if (!a)
    exit (99);
  struct content_cite *c = item_of (a, "fruits", "banana")->sources;
  c->section = &a->docs[0]->sections[1];
  c->section_id = c->section->id;
  size_t n = 0;
  f->indep = calloc (64, sizeof *f->indep);
  for (size_t i = 0; f->indep && i < a->n_colls; i++)
    for (size_t j = 0; j < a->colls[i]->n_items && n < 64; j++)
      f->indep[n++] = a->independent
                      && strcmp (a->colls[i]->id, a->independent) == 0;
  memset (title, 'x', sizeof title - 1);
  title[70000] = '\0';
  if (big)
    a->comps[0]->title = title;
  f->img = packfile_encode (a, HASH, &f->len);
  if (big && f->img)
    {
      title[70000] = 'x';
      title[70000 + (16 - f->len % 16) % 16] = '\0';
      free (f->img);
      f->img = packfile_encode (a, HASH, &f->len);
    }
  content_free (a);
  if (!f->img || !f->indep || (big && f->len % 16 != 0))
    exit (99);
  f->text = dir_word (f->img, PF_TEXT, 0);
  f->text_size = dir_word (f->img, PF_TEXT, 1);
  f->n_secs = dir_word (f->img, PF_SEC, 1);
  f->n_items = dir_word (f->img, PF_ITEM, 1);
  if (f->n_items > 64)
    exit (99);
}

/* BAD (room for the image): F cut short; then cut short with the
   header's size made to fit, so that the tables are what is checked.  */
static void
test_truncations (const struct fixture *f, unsigned char *bad)
{
  size_t n = 0, m = PF_HEADER_SIZE;
  while (n < f->len && try_image (f->img, n) == REFUSED)
    n++;
  for (; m < f->len; m++)
    {
      memcpy (bad, f->img, m);
      pf_put64 (bad + PF_H_SIZE, m);
      if (try_image (bad, m) != REFUSED)
        break;
    }
  char first[80] = "";
  if (n < f->len || m < f->len)
    snprintf (first, sizeof first, ": one of %zu bytes loads%s",
              n < f->len ? n : m, n < f->len ? "" : " (size made to fit)");
  tap_ok (!first[0], "every truncation (%zu) is refused, with the header's "
          "size as it was and made to fit%s", f->len, first);
}

/* The words of each table's records (packfmt.h): S a string, s one
   that may be PF_NONE, x one that must be there or not by the record;
   I, i and j the same for an id; n a count; k a block's kind, u
   untraced, t an attribute's type, f a value's flags, m a
   collection's longest name; c a citation, l a link, b a back
   reference.  */
static const char *const fields[PF_TEXT] = {
  [PF_PACK] = "SSSnniii", [PF_DOC] = "ISsSnnnn", [PF_SEC] = "ISnn",
  [PF_BLOCK] = "kxn", [PF_COLL] = "ISsunnnnmnnnnn", [PF_ATTR] = "IStj",
  [PF_ITEM] = "ISSnnn", [PF_VALUE] = "fxn", [PF_CLAIM] = "Sn",
  [PF_CITE] = "c", [PF_LINK] = "l", [PF_COMP] = "ISIn", [PF_STRS] = "S",
  [PF_BREF] = "b", [PF_WORDS] = "S"
};

/* What the word at AT of F is: 'z' in the header's stamp (any value
   decodes: the stamp only tells packfile_load whether to hash the
   YAML), 'h' elsewhere in the header, else a letter of FIELDS.  */
static char
word_kind (const struct fixture *f, size_t at)
{
  if (at >= PF_H_STAMP && at < PF_H_STAMP + 8)
    return 'z';
  if (at < PF_HEADER_SIZE)
    return 'h';
  for (int t = 0; t < PF_TEXT; t++)
    {
      size_t off = dir_word (f->img, t, 0), w = strlen (fields[t]);
      if (at >= off && at < off + 4 * w * dir_word (f->img, t, 1))
        return fields[t][(at - off) / 4 % w];
    }
  exit (99);
}

static bool
is_start (const struct fixture *f, uint32_t ref)
{
  return ref < f->text_size
         && (ref == 0 || f->img[f->text + ref - 1] == '\0');
}

/* Whether the format forbids V in a word of kind K of F.  */
static bool
forbidden (const struct fixture *f, char k, uint32_t v)
{
  switch (k)
    {
    case 'h': case 'n':
      return true;
    case 'z':
      return false;
    case 'c':
      return v >= f->n_secs;
    case 'l':
      return v >= f->n_items || !f->indep[v];
    case 'b':
      return v >= f->n_items;
    case 'k':
      return v > BLOCK_NUMBERED;
    case 'u':
      return v > 1;
    case 't':
      return v > ATTR_REFS;
    case 'f':
      return v > (PF_SET | PF_TRUE);
    case 'm':
      /* Shorter than a name: that name is bad when read (decode_all).  */
      return v == 0 || v > PF_MAX_STRING;
    }
  if (v == PF_NONE)
    return k == 'S' || k == 'I';
  return !is_start (f, v)
         || (strchr ("Iij", k)
             && !sound_id ((const char *) f->img + f->text + v));
}

enum { C_HEADER, C_COUNT, C_REF, C_KIND, C_CITE, C_LINK, C_BREF, C_N };

/* Images of one class of change: how many were tried and loaded, and
   the first that broke its rule.  */
struct tally
{
  size_t tried, loaded;
  char first[100];
};

/* F, in BAD, with the word at AT set to V, into T: it breaks its rule
   when it loads though the format forbids V there, or when its pack
   is not sound.  */
static void
try_word (const struct fixture *f, unsigned char *bad, size_t at,
          uint32_t v, struct tally *t)
{
  char k = word_kind (f, at);
  memcpy (bad, f->img, f->len);
  pf_put32 (bad + at, v);
  enum verdict r = try_image (bad, f->len);
  t->tried++;
  t->loaded += r != REFUSED;
  if (!t->first[0] && (r == UNSOUND || (r == SOUND && forbidden (f, k, v))))
    snprintf (t->first, sizeof t->first,
              ": the word at %zu (%c) set to %#x loads%s", at, k,
              (unsigned) v, r == UNSOUND ? " an unsound pack" : "");
}

static int
word_class (char k)
{
  return strchr ("hz", k) ? C_HEADER : k == 'n' ? C_COUNT : k == 'c' ? C_CITE
         : k == 'l' ? C_LINK : k == 'b' ? C_BREF
         : strchr ("kutfm", k) ? C_KIND : C_REF;
}

/* Every word of class C before the text, set to values that a count,
   an index or a reference could trip on; a reference also to every
   string.  */
static void
test_words (const struct fixture *f, unsigned char *bad, int c)
{
  static const uint32_t odd[] = { 0, 1, 2, 3, 0x7F, 0x80, 0xFFFF, 0x10000,
                                  0x7FFFFFFF, 0x80000000, 0xFFFFFFFE,
                                  0xFFFFFFFF };
  static const char *const what[C_N] = {
    "a header or directory word", "a count",
    "a string reference (into a string, past the text, PF_NONE where "
    "one is needed, or not an id for an id)",
    "a kind, type, flags, untraced or longest name word (out of its "
    "range)",
    "a citation (of a section past the last)",
    "a link (to an item past the last, or not of the independent "
    "collection)",
    "a back reference (to an item past the last; one to an item that "
    "does not cite the section is left out)" };
  struct tally t = { 0 };
  for (size_t at = 0; at < f->text; at += 4)
    {
      uint32_t was = pf_get32 (f->img + at);
      uint32_t more[] = { was - 1, was + 1, f->n_secs - 1, f->n_secs,
                          f->text_size - 1, f->text_size, f->n_items - 1,
                          f->n_items };
      if (word_class (word_kind (f, at)) != c)
        continue;
      for (size_t i = 0; i < sizeof odd / sizeof *odd; i++)
        if (odd[i] != was)
          try_word (f, bad, at, odd[i], &t);
      for (size_t i = 0; i < sizeof more / sizeof *more; i++)
        if (more[i] != was)
          try_word (f, bad, at, more[i], &t);
      for (uint32_t v = 0; c == C_REF && v < f->text_size; v++)
        if (v != was && is_start (f, v))
          try_word (f, bad, at, v, &t);
    }
  tap_ok (t.tried && !t.first[0],
          "every change of %s that the format forbids is refused, and the "
          "rest give sound packs (%zu images, %zu load)%s", what[c],
          t.tried, t.loaded, t.first);
}

static void
test_flips (const struct fixture *f, unsigned char *bad)
{
  uint64_t rng = 0x9E3779B97F4A7C15ULL;
  size_t loaded = 0;
  char first[80] = "";
  for (int i = 0; i < 10000 && !first[0]; i++)
    {
      memcpy (bad, f->img, f->len);
      rng ^= rng << 13;
      rng ^= rng >> 7;
      rng ^= rng << 17;
      size_t at = (size_t) (rng % f->len);
      bad[at] ^= (unsigned char) (1 + (rng >> 32) % 255);
      enum verdict v = try_image (bad, f->len);
      loaded += v != REFUSED;
      if (v == UNSOUND)
        snprintf (first, sizeof first, ": byte %zu set to %#x gives an "
                  "unsound pack", at, (unsigned) bad[at]);
    }
  tap_ok (!first[0], "10000 images with a byte changed: each is refused "
          "or gives a sound pack (%zu load)%s", loaded, first);
}

/* Edge case I of F in BAD (room for F and one byte more), *LEN bytes.
   @retval what it is, or NULL past the last.  */
static const char *
edge_image (int i, const struct fixture *f, unsigned char *bad, size_t *len)
{
  uint32_t first = dir_word (f->img, PF_PACK, 0);
  unsigned char *s = bad + f->text + 1;         /* in the pack's title */
  memcpy (bad, f->img, f->len);
  *len = f->len;
  switch (i)
    {
    case 0:
      bad[f->len - 1] = 'x';
      return "a text without its last NUL";
    case 1:
      bad[(*len)++] = '\0';
      return "a byte past the size the header gives";
    case 2:
      pf_put32 (bad + PF_H_DIR + 8 * PF_TEXT + 4, f->text_size + 1);
      return "a text one byte longer than the image";
    case 3:
      pf_put32 (bad + first, f->text_size);
      return "a string reference just past the text";
    case 4:
      *s = 0xFF;
      return "a byte that is not UTF-8";
    case 5:
      memcpy (s, "\xE0\x80\x80", 3);
      return "an overlong form of a 3-byte character";
    case 6:
      memcpy (s, "\xED\xA0\x80", 3);
      return "a UTF-16 surrogate";
    case 7:
      memcpy (s, "\xF4\x90\x80\x80", 4);
      return "a character past U+10FFFF";
    case 8:
      bad[f->len - 2] = 0xFF;
      return "a byte that is not UTF-8 at the end of the text";
    }
  return NULL;
}

static void
test_edges (const struct fixture *small, const struct fixture *big,
            unsigned char *bad)
{
  size_t len;
  const char *what;
  for (int i = 0; (what = edge_image (i, small, bad, &len)) != NULL; i++)
    {
      bool ok = try_image (bad, len) == REFUSED;
      edge_image (i, big, bad, &len);
      tap_ok (ok && try_image (bad, len) == REFUSED,
              "refused: %s (in images of %zu and %zu bytes)", what,
              small->len, big->len);
    }
  tap_ok (try_image (small->img, small->len) == SOUND
          && try_image (big->img, big->len) == SOUND,
          "and both images themselves load");
}

/* F with an unused string of N bytes after its text.  */
static enum verdict
try_long_string (const struct fixture *f, size_t n)
{
  size_t len = f->len + n + 1;
  unsigned char *img = malloc (len);
  if (!img)
    exit (99);
  memcpy (img, f->img, f->len);
  memset (img + f->len, 'a', n);
  img[len - 1] = '\0';
  pf_put64 (img + PF_H_SIZE, len);
  pf_put32 (img + PF_H_DIR + 8 * PF_TEXT + 4, f->text_size + n + 1);
  pf_put32 (img + PF_H_DIR + 8 * PF_SEARCH, (uint32_t) len);
  /* The pack's title: a string is checked when it is read.  */
  pf_put32 (img + dir_word (img, PF_PACK, 0), f->text_size);
  enum verdict v = try_image (img, len);
  free (img);
  return v;
}

/* F, in BAD, with the kind of the first block (document 0's) out of
   its range: the pack loads, for the document is decoded only when it
   is reached; then it is unavailable, shown with what to do; banana's
   source, a section of it, leads nowhere; the other documents are
   whole.  */
static void
test_unavailable (const struct fixture *f, unsigned char *bad)
{
  memcpy (bad, f->img, f->len);
  pf_put32 (bad + dir_word (bad, PF_BLOCK, 0), 9);
  struct content_pack *p = packfile_decode (bad, f->len, HASH);
  size_t len = 0, n = 1;
  char *dump = p ? dump_text (p, 0, &len) : NULL;
  const struct content_document *d = p ? p->docs[0] : NULL;
  const struct content_cite *c
    = p ? item_of (p, "fruits", "banana")->sources : NULL;
  bool ok = d && content_doc_unavailable (d)
            && !content_doc_sections (d, &n) && n == 0
            && !content_section (p, d->id, "intro")
            && !content_cite_section (c) && pack_sound (p)
            && strstr (dump, "This document cannot be shown");
  for (size_t i = 1; ok && i < p->n_docs; i++)
    ok = !content_doc_unavailable (p->docs[i]);
  tap_ok (ok, "a document with a bad block: the pack loads, the document "
          "is shown unavailable, a citation of it leads nowhere, the other "
          "documents are whole");
  free (dump);
  content_free (p);
}

static void
test_damage (void)
{
  struct fixture small, big;
  fixture_make (&small, false);
  fixture_make (&big, true);
  unsigned char *bad = malloc (big.len + 1);
  if (!bad)
    exit (99);
  test_truncations (&small, bad);
  for (int c = 0; c < C_N; c++)
    test_words (&small, bad, c);
  test_flips (&small, bad);
  test_edges (&small, &big, bad);
  test_unavailable (&small, bad);
  tap_ok (try_long_string (&small, PF_MAX_STRING) == SOUND
          && try_long_string (&small, PF_MAX_STRING + 1) == REFUSED,
          "a string of 1 MiB loads; one of 1 MiB and a byte is refused");
  free (bad);
  free (small.img);
  free (big.img);
  free (small.indep);
  free (big.indep);
}

/* --- Packs that packfile_encode writes as it is given them, and that
   the reader must refuse.  The good pack's first section holds a
   paragraph and a list; apple's values are colour (text), grows-on
   (refs), sweet (bool) and uses (list).  */

static const char id64[] = "a123456789012345678901234567890123456789"
                           "012345678901234567890123";

static struct content_block *
block_of (struct content_pack *p, size_t i)
{
  return &p->docs[0]->sections[0].blocks[i];
}

static struct content_value *
apple (struct content_pack *p, size_t attr)
{
  return &item_of (p, "fruits", "apple")->values[attr];
}

static void
drop_cites (struct content_pack *p)
{
  item_of (p, "fruits", "apple")->claims[0].n_cites = 0;
  item_of (p, "fruits", "banana")->n_sources = 0;
}

static void
no_sections (struct content_pack *p)
{
  p->docs[0]->n_sections = 0;
}

static void
list_with_text (struct content_pack *p)
{
  block_of (p, 1)->text = "Fruit";
}

static void
para_with_items (struct content_pack *p)
{
  block_of (p, 0)->items = block_of (p, 1)->items;
  block_of (p, 0)->n_items = block_of (p, 1)->n_items;
}

static void
id_64 (struct content_pack *p)
{
  item_of (p, "fruits", "banana")->id = id64;
}

static void
id_65 (struct content_pack *p)
{
  static char id65[sizeof id64 + 1];
  snprintf (id65, sizeof id65, "%sx", id64);
  item_of (p, "fruits", "banana")->id = id65;
}

static void
bool_on_text (struct content_pack *p)
{
  apple (p, 0)->boolean = true;
}

static void
bool_unset (struct content_pack *p)
{
  apple (p, 2)->set = false;
}

static void
text_unset (struct content_pack *p)
{
  apple (p, 0)->set = false;
}

static void
list_on_text (struct content_pack *p)
{
  apple (p, 0)->list = apple (p, 3)->list;
  apple (p, 0)->n_list = apple (p, 3)->n_list;
}

static void
text_missing (struct content_pack *p)
{
  apple (p, 0)->text = NULL;
}

static void
coll_on_bool (struct content_pack *p)
{
  struct content_collection *c
    = (struct content_collection *) content_collection (p, "fruits");
  c->attrs[2].ref_collection = "places";
}

static void
unset_uses (struct content_pack *p)
{
  apple (p, 3)->set = false;
  apple (p, 3)->n_list = 0;
}

static void
type_7 (struct content_pack *p)
{
  struct content_collection *c
    = (struct content_collection *) content_collection (p, "fruits");
  c->attrs[3].type = (enum attr_type) 7;
}

static void
drop_claims (struct content_pack *p)
{
  item_of (p, "fruits", "apple")->n_claims = 0;
}

/* The (empty) table of claims at the image's start.  */
static void
claims_at_0 (unsigned char *img)
{
  pf_put32 (img + PF_H_DIR + 8 * PF_CLAIM, 0);
}

/* Issue 15, F1 and F5: text that a terminal must not be given (the
   loader refuses it, so no image of pinav-packc's holds it).  Line
   breaks in block text are allowed: a paragraph, a summary.  */
static void
lines_in_blocks (struct content_pack *p)
{
  p->docs[0]->sections[0].blocks[0].text = "Fruit grows\non plants.";
  item_of (p, "fruits", "apple")->summary = "A round\nfruit.";
}

static struct content_collection *
fruits (struct content_pack *p)
{
  return (struct content_collection *) content_collection (p, "fruits");
}

static void
title_backspaces (struct content_pack *p)
{
  fruits (p)->title = "UNSAFE\b\b\b\b\b\bSAFE  ";
}

static void
title_line_break (struct content_pack *p)
{
  fruits (p)->title = "Fruits\nand more";
}

static void
disclaimer_tab (struct content_pack *p)
{
  p->disclaimer = "Not\tadvice.";
}

static void
list_csi (struct content_pack *p)
{
  apple (p, 3)->list[0] = "pies\xc2\x9b" "2J";
}

static void
name_rlo (struct content_pack *p)
{
  item_of (p, "fruits", "apple")->name = "Apple \xe2\x80\xae" "elppA";
}

static void
para_zwsp (struct content_pack *p)
{
  p->docs[0]->sections[0].blocks[0].text = "zero\xe2\x80\x8bwidth";
}

/* Links that the loader refuses: to an item of a collection other
   than the independent one, from an untraced item, or with no
   independent collection named.  */
static void
link_to_banana (struct content_pack *p)
{
  item_of (p, "fruits", "apple")->independent[0].item
    = item_of (p, "fruits", "banana");
}

static void
link_from_tree (struct content_pack *p)
{
  static struct content_link l;
  struct content_item *tree = item_of (p, "places", "tree");
  l = (struct content_link) { tree->id, tree };
  tree->independent = &l;
  tree->n_independent = 1;
}

static void
no_independent (struct content_pack *p)
{
  p->independent = NULL;
}

struct variant
{
  const char *what;
  void (*prep) (struct content_pack *);  /* for both images, or NULL */
  void (*edit) (struct content_pack *);  /* for the bad one, or NULL */
  void (*poke) (unsigned char *);        /* to its image, or NULL */
};

static const struct variant variants[] = {
  { "a document without sections", drop_cites, no_sections, NULL },
  { "a list with a text", NULL, list_with_text, NULL },
  { "a paragraph with items", NULL, para_with_items, NULL },
  { "an id of 65 characters, not 64", id_64, id_65, NULL },
  { "a boolean value of a text attribute", NULL, bool_on_text, NULL },
  { "a boolean value that is not set", NULL, bool_unset, NULL },
  { "a text in a value that is not set", NULL, text_unset, NULL },
  { "a list in a text attribute's value", NULL, list_on_text, NULL },
  { "a text attribute's value without its text", NULL, text_missing,
    NULL },
  { "a bool attribute that names a collection", NULL, coll_on_bool, NULL },
  { "an attribute of a type past the last (no value set)", unset_uses,
    type_7, NULL },
  { "an empty table that starts in the header", drop_claims, NULL,
    claims_at_0 },
  { "F1: a collection's title with backspaces", lines_in_blocks,
    title_backspaces, NULL },
  { "F1: a line break in a title, not in a paragraph or a summary",
    lines_in_blocks, title_line_break, NULL },
  { "F1: a tab in the disclaimer", NULL, disclaimer_tab, NULL },
  { "F1: a C1 control (CSI, U+009B) in a list value", NULL, list_csi,
    NULL },
  { "F5: a right-to-left override in an item's name", NULL, name_rlo,
    NULL },
  { "F5: a zero width space in a paragraph", NULL, para_zwsp, NULL },
  { "a link to an item not of the independent collection", NULL,
    link_to_banana, NULL },
  { "a link from an item of an untraced collection", NULL, link_from_tree,
    NULL },
  { "a link when the pack names no independent collection", NULL,
    no_independent, NULL },
};

/* The image of variant V of the good pack: the BAD one or not.  */
static unsigned char *
variant_image (const struct variant *v, bool bad, size_t *len)
{
  struct content_pack *p = load_dir ("tests/data/good");
  unsigned char *img = NULL;
  if (p)
    {
      if (v->prep)
        v->prep (p);
      if (bad && v->edit)
        v->edit (p);
      img = packfile_encode (p, HASH, len);
      if (img && bad && v->poke)
        v->poke (img);
    }
  content_free (p);
  return img;
}

static void
test_variants (void)
{
  for (size_t i = 0; i < sizeof variants / sizeof *variants; i++)
    {
      size_t len = 0, bad_len = 0;
      unsigned char *good = variant_image (&variants[i], false, &len);
      unsigned char *bad = variant_image (&variants[i], true, &bad_len);
      tap_ok (good && bad && try_image (good, len) == SOUND
              && try_image (bad, bad_len) == REFUSED,
              "refused: %s (the same pack without it loads)",
              variants[i].what);
      free (good);
      free (bad);
    }
}

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
    {
      memcpy (bad, blob, blen);
      bad[at] ^= 0x20;
      p->search_blob = bad;
      ix = search_index_build (p, "en");
      bool same = ix && same_search (ref, ix);
      wrong += !same;
      found += same && !search_index_compiled (ix);
      search_index_free (ix);
    }
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
    {
      memcpy (bad, blob, blen);
      bad[at] ^= 0x01;
      p->search_blob = bad;
      ix = search_index_build (p, "en");
      bool same = ix && same_search (ref, ix);
      wrong += !same;
      found += same && !search_index_compiled (ix);
      search_index_free (ix);
    }
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
  static const unsigned widths[] = PF_WIDTHS;
  char tmp[] = "/tmp/pinav-packfile.XXXXXX";
  const char *builddir = getenv ("top_builddir");
  char localedir[4096];
  size_t len;
  srcdir = getenv ("top_srcdir");
  if (!srcdir)
    srcdir = ".";
  snprintf (localedir, sizeof localedir, "%s/locale",
            builddir ? builddir : ".");
  i18n_init (getenv ("PINAV_LOCALEDIR") ? getenv ("PINAV_LOCALEDIR")
             : localedir, "en");
  devnull = fopen ("/dev/null", "w");
  for (int t = 0; t < PF_TEXT; t++)
    if (strlen (fields[t]) != widths[t])
      return 99;
  if (!devnull || !mkdtemp (tmp))
    return 99;
  test_round_trip ("tests/data/good");
  test_round_trip ("data");
  unsigned char *img = good_dir (tmp, &len);
  test_stale (tmp, img, len);
  test_bad_bins (tmp, img, len);
  test_mapping (tmp, img, len);
  empty_dir (tmp);
  test_hash (tmp);
  empty_dir (tmp);
  rmdir (tmp);
  free (img);
  test_damage ();
  test_search_blob ();
  test_variants ();
  return tap_done ();
}
