/* ytree.c - a bounded YAML tree built from libyaml's event parser:
   the checks of the bytes first (ytree_text.c), then libyaml's events
   into nodes (ytree_build.c), or what its errors mean
   (ytree_errors.c).  The ytree*.c files are the only ones that know
   libyaml.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "ytree.h"

#include <string.h>
#include <yaml.h>

#include "i18n.h"
#include "ytree_build.h"
#include "ytree_errors.h"
#include "ytree_text.h"

struct ynode *
ytree_parse (struct arena *arena, const char *file,
             const unsigned char *buf, size_t len, struct diags *diags)
{
  return ytree_parse_values (arena, arena, file, buf, len, diags);
}

struct ynode *
ytree_parse_values (struct arena *arena, struct arena *values,
                    const char *file, const unsigned char *buf, size_t len,
                    struct diags *diags)
{
  /* libyaml, told the encoding, would take a UTF-8 BOM for text.  */
  if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
    {
      buf += 3;
      len -= 3;
    }
  struct ybuild b = { .arena = arena, .values = values, .file = file,
                      .diags = diags,
                      .buf = buf, .len = len };
  if (!ytext_check (&b))
    return NULL;
  yaml_parser_t parser;
  if (!yaml_parser_initialize (&parser))
    {
      diag_add (diags, file, 0, 0, "%s", _("out of memory"));
      return NULL;
    }
  yaml_parser_set_input_string (&parser, buf, len);
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);
  if (!ybuild_parse (&b, &parser))
    yerr_report (&b, &parser);
  ybuild_end (&b);
  yaml_parser_delete (&parser);
  return b.failed ? NULL : b.root;
}

const struct ynode *
ytree_get (const struct ynode *map, const char *key)
{
  if (!map || map->type != YNODE_MAP)
    return NULL;
  for (size_t i = 0; i + 1 < map->n; i += 2)
    if (map->kids[i]->type == YNODE_SCALAR
        && strcmp (map->kids[i]->str, key) == 0)
      return map->kids[i + 1];
  return NULL;
}

const char *
ytree_type_name (enum ynode_type type)
{
  switch (type)
    {
    case YNODE_SCALAR:
      return _("a string");
    case YNODE_SEQ:
      return _("a list");
    default:
      return _("a mapping");
    }
}
