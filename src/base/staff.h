/* staff.h - the staff exit of a kiosk: a PIN read once from a file
   that only its owner can read, kept in memory, compared in constant
   time.  No curses here.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef PINAV_STAFF_H
#define PINAV_STAFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define STAFF_PIN_MIN 4         /* digits */
#define STAFF_PIN_MAX 12

/* A PIN, or none.  DIGITS is NUL-padded to its whole size, so that a
   comparison always reads every byte.  */
struct staff_pin
{
  char digits[STAFF_PIN_MAX + 1];
  bool set;
};

/** staff_pin_load - read the PIN in PATH into PIN.  The file must be
   a regular file (not a symbolic link), owned by root or by the user
   running pinav, with no access for its group or others, and hold 4 to
   12 digits and at most one newline.  When it is not, say why on ERR
   and leave PIN unset; a missing file is only reported when
   !QUIET_MISSING.
   @retval true when PIN now holds a PIN.  */
bool staff_pin_load (struct staff_pin *pin, const char *path,
                     bool quiet_missing, FILE *err);

/** staff_pin_matches - whether TYPED (NUL-padded like PIN->digits)
   is the PIN, taking the same time whatever the digits.  */
bool staff_pin_matches (const struct staff_pin *pin,
                        const char typed[STAFF_PIN_MAX + 1]);

/** staff_pin_clear - forget PIN (the memory is wiped).  */
void staff_pin_clear (struct staff_pin *pin);

/* The wrong PINs so far and the end of a lock-out, kept in a file of
   the service's runtime directory so that neither a crash nor a
   restart of pinav clears them.  Times are CLOCK_MONOTONIC
   milliseconds: the same for every process until the machine restarts,
   which also empties the runtime directory.  */
struct staff_lock
{
  int wrong;
  long long until;
};

#define STAFF_LOCK_FILE "pinav-staff-lockout"

/** staff_lock_load - the state kept in DIR (NULL or "": none kept) into
   *LOCK; what cannot be read, or a lock-out longer than MAX_MS from
   NOW, counts as none (a damaged file never locks staff out for ever).  */
void staff_lock_load (const char *dir, struct staff_lock *lock,
                      long long now, long long max_ms);

/** staff_lock_save - keep *LOCK in DIR (when DIR is set), replacing the
   file at once; a state of no wrong PIN and no lock-out removes it.
   Failures are silent: the state is then only in memory, as without a
   runtime directory.  */
void staff_lock_save (const char *dir, const struct staff_lock *lock);

#endif
