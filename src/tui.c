/* tui.c - placeholder until the curses navigator lands: plain mode.  */
#include <config.h>
#include "tui.h"

#include <stdio.h>

#include "plainmode.h"

int
tui_run (const struct app *app)
{
  return plainmode_run (app, stdin, stdout);
}
