/* vtdrive.h - what the parts of tests/vtdrive share: the driver's state,
   a parsed script line, and the functions of each part.
     vtdrive.c   the pty, the child, libvterm's screen, main
     vtscript.c  reading and checking a script; key names
     vtcmds.c    the commands of tests/vtdrive.md
     vtfault.c   the commands for terminal faults (stall, flood, ...)
     vtproc.c    the commands about child processes, files, latency
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#ifndef VTDRIVE_H
#define VTDRIVE_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <vterm.h>

#define CONT ((uint32_t) -1)    /* chars[0] of a wide char's right half */
#define NELEM(a) (sizeof (a) / sizeof (a)[0])
/* libvterm's width for a COLS-wide pty: libvterm 0.1.4 writes past the
   edge of a 1-column screen when a double-width character comes (and
   may crash), so its screen is at least 2 wide; checks read COLS.  */
#define VT_COLS(cols) ((cols) < 2 ? 2 : (cols))
#define fail(...) report (1, __VA_ARGS__)
#define syntax(...) report (2, __VA_ARGS__)

enum shape { S_NONE, S_TEXT, S_ROW_TEXT, S_INT, S_POS, S_SIZE, S_PTYSIZE, S_KEYS,
             S_HEX, S_EXIT, S_SIG, S_N_KEYS, S_MS_PCT, S_MS_TEXT };
enum { M_SCREEN, M_GONE, M_ROW, M_WAIT = 4 };      /* text conditions */
enum { AT_REVERSE, AT_BOLD, AT_WIDE, AT_NOT = 8, AT_WAIT = 16 }; /* cells */

struct cmd;
typedef void runfn (const struct cmd *c);
struct spec { const char *name; enum shape shape; runfn *run; int arg; };
struct cmd                      /* one parsed script line */
{
  const struct spec *spec;
  int line;
  long a, b;                    /* row/col, cols/rows, code/within_ms */
  char *text;                   /* text, key list or raw bytes */
};

struct vtdrive
{
  VTerm *vt;
  VTermScreen *scr;
  VTermState *st;
  int master;                   /* pty master; -1 after `close` */
  int eof;                      /* read gave EIO: all slave fds closed */
  int mouse;                    /* VTERM_PROP_MOUSE_*: the app's mode */
  int altscreen, cursor_hidden; /* as the app set them */
  int appkeys;                  /* the app set the cursor-key mode */
  char mode[48];                /* a "CSI ? Pm" seen so far, or "" */
  pid_t pid;
  int reaped, status;
  int status_checked;           /* an expect-exit passed */
  int clean_exit;               /* --require-clean-exit */
  char *out;                    /* bytes waiting to be written to the pty */
  size_t outlen, outcap;
  int rows, cols, line;
  double timeout;
  double scale;                 /* --time-scale: WITHIN_MS is multiplied */
  double stall_until;           /* `stall`: the pty is not read till then */
  double sent_at;               /* when the last input was all written */
  double waited_at;             /* when the last wait* was met */
  const char *script;
};
extern struct vtdrive D;

/* vtdrive.c */
void *xrealloc (void *p, size_t n);
char *xstrdup (const char *s);
double now (void);
void sleep_ms (int ms);
int left_ms (double deadline, int cap);
VTermScreenCell get_cell (long row, long col);
char *put_cell (char *s, const VTermScreenCell *cell);
char *row_text (long row, int trim);
int find_row (const char *text);
void dump (FILE *f);
void check_child (void);
const char *child_state (void);
void report (int code, const char *fmt, ...)
  __attribute__ ((noreturn, format (printf, 2, 3)));
void queue (const char *s, size_t len);
int pump (int ms);
void drain (void);
void feed (const char *s, size_t n);
void reap_for (int ms);
void need_pty (const char *what);
void flush_input (const char *what);

/* vtrace.c */
/** race_init - read VTDRIVE_RACE (early, late or unset).  */
void race_init (void);
/** race_hold - early: keep the N bytes at S back; 1 if kept.  */
int race_hold (const char *s, size_t n);
/** race_next - give libvterm the next byte kept back; 1 if any.  */
int race_next (void);
/** race_no_drain - whether drain must take in nothing now.  */
int race_no_drain (void);
/** race_fed - count N bytes given to libvterm.  */
void race_fed (size_t n);
/** race_sent - note that input has just been written.  */
void race_sent (void);
/** race_stale - early: note a wait WHAT met (MET) before any output.  */
void race_stale (const char *what, int held);
/** race_queue - note what the program has read before an input.  */
void race_queue (void);
/** run_wait_idle - wait-idle: the program has drawn all its answer.  */
runfn run_wait_idle;
/** drain_check - take in output before an expect* (late: till quiet).  */
void drain_check (void);

/* vtsgr.c */
/** sgr_scan - read the N bytes the program wrote at S for the SGR
   attributes it asks for.  */
void sgr_scan (const char *s, size_t n);
/** sgr_seen - whether the program has sent SGR ATTR (0 to 63).  */
int sgr_seen (int attr);
runfn run_sgr_never;

/* vtscript.c */
int sig_num (const char *name);
const char *sig_name (int sig);
int do_key (const char *tok, int send);
const char *each_key (const char *s, int send);
struct cmd *load_script (int *ncmd);

/* vtcmds.c */
runfn run_text, run_cursor, run_attr, run_key, run_send, run_click,
  run_resize, run_resize_pty, run_screen, run_sleep, run_signal, run_close, run_exit,
  run_running, run_down_to, run_snap, run_expect_snap;

/* vtfault.c */
runfn run_stall, run_wait_blocked, run_flood, run_wait_keypad, run_cpu_idle,
  run_sane;

/* vtproc.c */
runfn run_children, run_file_grows, run_file_still, run_within;

#endif
