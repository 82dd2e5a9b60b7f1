/* unit-wrap.c - display width and wrapping.  */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "text.h"

struct lines
{
  char out[20][200];
  size_t n;
  const char *src;
};

static void
collect (const struct text_line *l, void *data)
{
  struct lines *ls = data;
  if (ls->n < 20)
    {
      memcpy (ls->out[ls->n], ls->src + l->start, l->len);
      ls->out[ls->n++][l->len] = '\0';
    }
}

static struct lines
wrap (const char *s, size_t width)
{
  struct lines ls = { .src = s };
  text_wrap (s, strlen (s), width, collect, &ls);
  return ls;
}

int
main (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  tap_ok (text_width ("abc", 3) == 3, "ASCII width");
  tap_ok (text_width ("中文", 6) == 4, "CJK is two columns each");
  tap_ok (text_width ("e\xcc\x81", 3) == 1, "a combining mark has no width");
  struct lines ls = wrap ("the quick brown fox", 10);
  tap_ok (ls.n == 2 && strcmp (ls.out[0], "the quick") == 0
          && strcmp (ls.out[1], "brown fox") == 0, "breaks at a space");
  ls = wrap ("abcdefghijkl", 5);
  tap_ok (ls.n == 3 && strcmp (ls.out[2], "kl") == 0, "a long word is cut");
  ls = wrap ("中文中文中文", 5);
  tap_ok (ls.n == 3 && strcmp (ls.out[0], "中文") == 0,
          "CJK breaks between characters, never splitting one");
  ls = wrap ("骨质疏松症 is common", 12);
  tap_ok (ls.n == 2 && strcmp (ls.out[0], "骨质疏松症") == 0,
          "mixed CJK and Latin");
  ls = wrap ("a\nb", 0);
  tap_ok (ls.n == 2, "width 0 breaks only at newlines");
  ls = wrap ("", 10);
  tap_ok (ls.n == 1 && ls.out[0][0] == '\0', "empty text is one empty line");
  tap_ok (text_fit ("中文x", strlen ("中文x"), 3) == 3,
          "fit stops before a split");
  ls = wrap ("中文中文中，文", 10);
  tap_ok (ls.n == 2 && strcmp (ls.out[0], "中文中文") == 0,
          "no line begins with a CJK comma");
  ls = wrap ("中文中（文）", 8);
  tap_ok (ls.n == 2 && strcmp (ls.out[0], "中文中") == 0
          && strcmp (ls.out[1], "（文）") == 0,
          "no line ends with a CJK opening bracket");
  unsigned wc;
  tap_ok (text_decode ("\xff", 1, &wc) == 1 && wc == 0xFFFD,
          "invalid UTF-8 decodes to U+FFFD");
  tap_ok (text_decode ("\xe4\xb8", 2, &wc) == 1 && wc == 0xFFFD,
          "a truncated sequence is invalid");
  return tap_done ();
}
