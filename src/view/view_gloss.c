/* view_gloss.c - link the glossary terms a text mentions.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* A term folded on the stack when it is this short.  */
#define FORM_SMALL 256

static char
fold (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

static bool
is_word (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
         || (c >= 'A' && c <= 'Z') || c == '-';
}

/* Does folded TEXT contain the LEN bytes of folded FORM?  Latin forms
   must stand as a whole word (a plural -s or -es may follow).  */
static bool
gloss_match (const char *text, const char *form, size_t len)
{
  bool latin = (unsigned char) form[0] < 0x80;
  if (len < 3)
    return false;
  for (const char *p = text; (p = strstr (p, form)) != NULL; p++)
    {
      if (!latin)
        return true;
      const char *e = p + len;
      if (e[0] == 'e' && e[1] == 's')
        e += 2;
      else if (e[0] == 's')
        e++;
      if ((p == text || !is_word (p[-1])) && !is_word (*e))
        return true;
    }
  return false;
}

/* Try FORM (LEN bytes) against folded TEXT.  FORM is translated: it
   may be of any length.  */
static bool
gloss_try (const char *text, const char *form, size_t len)
{
  char small[FORM_SMALL], *buf = small;
  while (len && form[len - 1] == ' ')
    len--;
  while (len && *form == ' ')
    form++, len--;
  if (len == 0 || (len >= sizeof small && !(buf = malloc (len + 1))))
    return false;
  for (size_t i = 0; i < len; i++)
    buf[i] = fold (form[i]);
  buf[len] = '\0';
  bool found = gloss_match (text, buf, len);
  if (buf != small)
    free (buf);
  return found;
}

/* Does folded TEXT mention the term NAME: all of it, the part before
   its brackets, or what its brackets hold ("Osteoarthritis (OA)")?  */
static bool
gloss_name (const char *text, const char *name)
{
  const char *open = strstr (name, " (");
  size_t skip = 2;
  if (!open)
    open = strstr (name, "（"), skip = strlen ("（");
  if (gloss_try (text, name, strlen (name)))
    return true;
  if (!open)
    return false;
  const char *in = open + skip;
  size_t n = strcspn (in, ")）");
  return gloss_try (text, name, (size_t) (open - name))
         || gloss_try (text, in, n);
}

/* Do the LEN bytes of A, without the spaces around them, spell B (of
   BLEN bytes, trimmed too), ignoring the case of Latin letters?  */
static bool
same_form (const char *a, size_t len, const char *b, size_t blen)
{
  while (len && a[len - 1] == ' ')
    len--;
  while (len && *a == ' ')
    a++, len--;
  while (blen && b[blen - 1] == ' ')
    blen--;
  while (blen && *b == ' ')
    b++, blen--;
  if (len != blen || len == 0)
    return false;
  for (size_t i = 0; i < len; i++)
    if (fold (a[i]) != fold (b[i]))
      return false;
  return true;
}

bool
view_gloss_same_form (const char *a, const char *b)
{
  return a && b && same_form (a, strlen (a), b, strlen (b));
}

bool
view_gloss_headword_form (const char *name, const char *form)
{
  if (!name || !form)
    return false;
  size_t flen = strlen (form);
  if (same_form (name, strlen (name), form, flen))
    return true;
  const char *open = strstr (name, " ("), *close = ")";
  size_t skip = 2;
  if (!open)
    open = strstr (name, "（"), skip = strlen ("（"), close = "）";
  if (!open)
    return false;
  const char *in = open + skip;
  const char *end = strstr (in, close);
  return same_form (name, (size_t) (open - name), form, flen)
         || same_form (in, end ? (size_t) (end - in) : strlen (in),
                       form, flen);
}

static bool
gloss_mentions (const char *text, const struct content_item *it, int also)
{
  if (gloss_name (text, C_ (it->name)))
    return true;
  const struct content_value *v = also >= 0 ? &it->values[also] : NULL;
  for (size_t i = 0; v && v->set && i < v->n_list; i++)
    {
      const char *f = C_ (v->list[i]);
      if (gloss_try (text, f, strlen (f)))
        return true;
    }
  return false;
}

void
view_gloss_links (struct page *pg, const struct view_ctx *ctx,
                  const char *text)
{
  const struct content_pack *p = ctx->pack;
  const struct content_collection *g
    = p->glossary ? content_collection (p, p->glossary) : NULL;
  if (!g || !text)
    return;
  int also = p->glossary_also ? content_attr_index (g, p->glossary_also) : -1;
  char *folded = strdup (text);
  if (!folded)
    return;
  for (char *c = folded; *c; c++)
    *c = fold (*c);
  size_t n;
  const struct content_item *items = content_coll_items (g, &n);
  for (size_t i = 0; i < n; i++)
    {
      const struct content_item *it = &items[i];
      char loc[200];
      /* The text first: few terms match it, and page_links_to reads
         the whole page.  */
      if (!gloss_mentions (folded, it, also))
        continue;
      snprintf (loc, sizeof loc, "item:%s/%s", g->id, it->id);
      if (page_links_to (pg, loc))
        continue;
      /* TRANSLATORS: a link to a word's meaning in the glossary.  */
      struct pblock *b = page_addf (pg, PB_LINK, _("Glossary: %s"),
                                    C_ (it->name));
      if (b)
        b->target = page_strdup (pg, loc);
    }
  free (folded);
}
