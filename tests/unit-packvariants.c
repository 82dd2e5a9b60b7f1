/* unit-packvariants.c - packs that packfile_encode writes as it is
   given them, but whose image the reader must refuse: each a pack made
   wrong in one way (a shape, a character, a link).
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

int
main (void)
{
  packtest_init ();
  test_variants ();
  return tap_done ();
}
