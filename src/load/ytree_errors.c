/* ytree_errors.c - say what libyaml's syntax errors mean, in words a
   person editing the pack can act on, at the place the fix goes.
   libyaml names a problem and its context in English; the first rule
   that matches them gives the message.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "ytree_errors.h"

#include <stdbool.h>
#include <string.h>

#include "i18n.h"
#include "ytree_text.h"

/* The first tab in the indentation of LINE, or at LINE:COL; its
   column in *TAB_COL.  */
static bool
yerr_find_tab (const struct ybuild *b, unsigned line, unsigned col,
               unsigned *tab_col)
{
  size_t at = ytext_offset (b, line, col);
  if (at < b->len && b->buf[at] == '\t')
    {
      *tab_col = col;
      return true;
    }
  size_t i = ytext_offset (b, line, 1);
  for (unsigned c = 1; i < b->len && (b->buf[i] == ' ' || b->buf[i] == '\t');
       i++, c++)
    if (b->buf[i] == '\t')
      {
        *tab_col = c;
        return true;
      }
  return false;
}

/* Whether nothing but blanks, line breaks and comments follow M.  */
static bool
yerr_at_end (const struct ybuild *b, const yaml_mark_t *m)
{
  size_t i = ytext_offset (b, (unsigned) m->line + 1,
                           (unsigned) m->column + 1);
  bool comment = false;
  for (; i < b->len; i++)
    {
      unsigned char c = b->buf[i];
      if (c == '\n' || c == '\r')
        comment = false;
      else if (c == '#')
        comment = true;
      else if (!comment && c != ' ' && c != '\t')
        return false;
    }
  return true;
}

static bool
has (const char *s, const char *part)
{
  return s && strstr (s, part);
}

/* What libyaml said went wrong, and where.  */
struct yerr
{
  const yaml_parser_t *p;
  const char *problem;
  const char *context;          /* or NULL */
  unsigned line, col;           /* of the problem */
  unsigned cline, ccol;         /* of its context */
  char ch[8];                   /* the character at the problem, or "" */
};

static void
yerr_init (struct yerr *e, const struct ybuild *b, const yaml_parser_t *p)
{
  const yaml_mark_t *m = &p->problem_mark, *cm = &p->context_mark;
  e->p = p;
  e->problem = p->problem ? p->problem : "unknown problem";
  e->context = p->context;
  e->line = (unsigned) m->line + 1;
  e->col = (unsigned) m->column + 1;
  e->cline = (unsigned) cm->line + 1;
  e->ccol = (unsigned) cm->column + 1;
  e->ch[0] = '\0';
  size_t at = ytext_offset (b, e->line, e->col);
  if (at < b->len)
    {
      size_t w = 1;
      while (at + w < b->len && w < 4 && (b->buf[at + w] & 0xC0) == 0x80)
        w++;
      memcpy (e->ch, b->buf + at, w);
      e->ch[w] = '\0';
    }
}

/* Bad text, a tab, or quotes that never close.
   @retval whether it was one of them (and reported).  */
static bool
yerr_text (struct ybuild *b, const struct yerr *e)
{
  unsigned line, col, tab;
  if (e->p->error == YAML_READER_ERROR)
    {
      ytext_position (b, e->p->problem_offset, &line, &col);
      ybuild_report (b, line, col, true, _("invalid text (%s, byte %zu)"),
                     e->problem, e->p->problem_offset);
    }
  else if (yerr_find_tab (b, e->line, e->col, &tab))
    ybuild_report (b, e->line, tab, true, "%s",
                   _("a tab character: indent with spaces, not tabs"));
  else if (has (e->problem, "end of stream") && has (e->context, "quoted"))
    {
      size_t q = ytext_offset (b, e->cline, e->ccol);
      ybuild_report (b, e->cline, e->ccol, true,
                     _("the quoted text starting here never ends: add the "
                       "closing %s"),
                     q < b->len && b->buf[q] == '\'' ? "'" : "\"");
    }
  else
    return false;
  return true;
}

/* A flow list or mapping ('[...]', '{...}') that is not closed.  */
static bool
yerr_flow (struct ybuild *b, const struct yerr *e)
{
  if (!has (e->problem, "','") || !(has (e->context, "flow sequence")
                                    || has (e->context, "flow mapping")))
    return false;
  bool list = has (e->context, "flow sequence");
  if (yerr_at_end (b, &e->p->problem_mark))
    ybuild_report (b, e->cline, e->ccol, true,
                   list ? _("the list opened here is never closed: add "
                            "']'")
                   : _("the mapping opened here is never closed: add "
                       "'}'"));
  else
    ybuild_report (b, e->line, e->col, true,
                   list ? _("expected ',' or ']' in the list opened at "
                            "line %u")
                   : _("expected ',' or '}' in the mapping opened at "
                       "line %u"), e->cline);
  return true;
}

/* A key or a '- ' entry out of line with the others.  */
static bool
yerr_indent (struct ybuild *b, const struct yerr *e)
{
  if (has (e->problem, "expected key") && has (e->context, "block mapping"))
    ybuild_report (b, e->line, e->col, true,
                   _("expected a key at column %u, lined up with line %u: "
                     "check the indentation, or quote the whole value"),
                   e->ccol, e->cline);
  else if (has (e->problem, "'-' indicator") && e->col > e->ccol)
    ybuild_report (b, e->line, e->col, true,
                   _("bad indentation: line this up with the keys of the "
                     "entry above, or start a new entry with '- ' at column "
                     "%u"), e->ccol);
  else if (has (e->problem, "'-' indicator"))
    ybuild_report (b, e->line, e->col, true,
                   _("expected a '- ' entry at column %u, lined up with "
                     "line %u: check the indentation"), e->ccol, e->cline);
  else
    return false;
  return true;
}

/* The other problems, a message each: a rule matches when its PROBLEM
   (if any) is part of libyaml's problem and its CONTEXT (if any) part
   of the context.  */
struct yerr_rule
{
  const char *problem;
  const char *context;
  bool at_context;              /* the message goes at the context */
  const char *msg;              /* NULL: the character at the problem
                                   cannot start a value */
};

static const struct yerr_rule yerr_rules[] = {
  { "mapping values are not allowed", NULL, false,
    N_("unexpected ':' here: quote a value that contains ': ', or check "
       "the indentation") },
  { "block sequence entries are not allowed", NULL, false,
    N_("unexpected '- ' entry here: check the indentation") },
  { "expected ':'", NULL, true,
    N_("a key without ':' (or text that does not belong to the value "
       "above): add ': ' or check the indentation") },
  { NULL, "anchor", false,
    N_("anchors (&) are not allowed: quote text that starts with '&'") },
  { NULL, "alias", false,
    N_("aliases (*) are not allowed: quote text that starts with '*'") },
  { NULL, "tag", false,
    N_("YAML tags (!) are not allowed: quote text that starts with '!'") },
  { "tag", NULL, false,
    N_("YAML tags (!) are not allowed: quote text that starts with '!'") },
  { NULL, "directive", true,
    N_("a line starting with a percent sign is a YAML directive, which is "
       "not allowed: quote the text") },
  { "unknown escape", NULL, false,
    N_("unknown escape sequence in double-quoted text: write '\\\\' for a "
       "backslash, or use single quotes") },
  { "cannot start any token", NULL, false, NULL },
  { "indentation indicator equal to 0", NULL, false,
    N_("after '|' or '>', an indentation digit must be 1 to 9") },
  { "expected comment or line break", "block scalar", false,
    N_("after '|' or '>' the line must end (only '-', '+', an indentation "
       "digit or a comment may follow): start the text on the next "
       "line") },
  { "expected node content", NULL, false, N_("expected a value here") },
  { "<document start>", NULL, false,
    N_("text after the end of the document: check the indentation") },
};

/* The first rule that matches E.  */
static bool
yerr_by_rule (struct ybuild *b, const struct yerr *e)
{
  for (size_t i = 0; i < sizeof yerr_rules / sizeof *yerr_rules; i++)
    {
      const struct yerr_rule *r = &yerr_rules[i];
      if ((r->problem && !has (e->problem, r->problem))
          || (r->context && !has (e->context, r->context))
          || (!r->msg && !e->ch[0]))
        continue;
      if (!r->msg)
        ybuild_report (b, e->line, e->col, true,
                       _("'%s' cannot start a value: quote the text"), e->ch);
      else
        ybuild_report (b, r->at_context ? e->cline : e->line,
                       r->at_context ? e->ccol : e->col, true, "%s",
                       _(r->msg));
      return true;
    }
  return false;
}

void
yerr_report (struct ybuild *b, const yaml_parser_t *p)
{
  struct yerr e;
  yerr_init (&e, b, p);
  if (!yerr_text (b, &e) && !yerr_flow (b, &e) && !yerr_indent (b, &e)
                  && !yerr_by_rule (b, &e))
    ybuild_report (b, e.line, e.col, true, _("YAML syntax error: %s%s%s"),
                   e.problem, e.context ? " " : "",
                   e.context ? e.context : "");
}
