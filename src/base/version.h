/* version.h - what --version prints, the same for every program of
   pinav (GNU coding standards, "--version").
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_VERSION_H
#define PINAV_VERSION_H

/** version_print - print PROGRAM's name and version on stdout, as
   "pinav 0.1.0" when PROGRAM is the package's own name and as
   "pinav-packc (pinav) 0.1.0" otherwise, then the copyright, the
   licence and the warranty notice, translated.  */
void version_print (const char *program);

#endif
