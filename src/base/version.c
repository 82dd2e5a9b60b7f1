/* version.c - what --version prints (version.h).
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>
#include "version.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

void
version_print (const char *program)
{
  if (strcmp (program, PACKAGE_NAME) == 0)
    printf ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
  else
    printf ("%s (%s) %s\n", program, PACKAGE_NAME, PACKAGE_VERSION);
  fputs (_("Copyright (C) 2026 the pinav developers.\n"
           "License GPLv3+: GNU GPL version 3 or later "
           "<https://gnu.org/licenses/gpl.html>.\n"
           "This is free software: you are free to change and "
           "redistribute it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n"),
         stdout);
}
