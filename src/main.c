/* main.c - pinav: a patient-information navigator for the terminal.
   Options, locale set-up, and the choice of front end.
   Copyright (C) 2026 the pinav developers.  GPL-3.0-or-later.  */
#include <config.h>

#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "app.h"
#include "closeout.h"
#include "diag.h"
#include "dump.h"
#include "i18n.h"
#include "journal.h"
#include "packsrc.h"
#include "plain.h"
#include "plainmode.h"
#include "search.h"
#include "speech_dump.h"
#include "speech_synth.h"
#include "staff.h"
#include "text_safe.h"
#include "tui.h"
#include "view.h"
#include "version.h"

enum { EXIT_USAGE = 2, EXIT_DATA = 65 };

enum mode { MODE_AUTO, MODE_PLAIN, MODE_DUMP, MODE_CHECK, MODE_SEARCH };

struct options
{
  enum mode mode;
  const char *data;
  const char *arg;              /* --check DIR, --dump ID, --search WORDS */
  const char *lang;             /* "en", "zh_CN", "ask", or NULL */
  long width;                   /* -1: from COLUMNS */
  bool kiosk;
  long idle;                    /* seconds; -1: the default */
  const char *pin_file;         /* NULL: the default */
  const char *speak;            /* --speak FILE, or NULL */
  bool speech;                  /* --speech: start with speech on */
  long speech_rate;             /* words a minute; 0: the voice's */
  long speech_volume;           /* per cent; -1: the voice's */
};

enum { OPT_DATA = CHAR_MAX + 1, OPT_CHECK, OPT_DUMP, OPT_LANG, OPT_PLAIN,
       OPT_WIDTH, OPT_SEARCH, OPT_KIOSK, OPT_IDLE, OPT_STAFF_PIN_FILE,
       OPT_SPEAK, OPT_SPEECH_RATE, OPT_SPEECH_VOLUME, OPT_SPEECH };

/* An idle time, a kiosk's default, and the name of its staff PIN in
   systemd's credentials directory.  */
#define IDLE_MAX 86400
#define KIOSK_IDLE 120
#define KIOSK_PIN_CREDENTIAL "pinav-staff-pin"

static const struct option long_options[] = {
  { "help", no_argument, NULL, 'h' },
  { "version", no_argument, NULL, 'V' },
  { "data", required_argument, NULL, OPT_DATA },
  { "check", optional_argument, NULL, OPT_CHECK },
  { "dump", optional_argument, NULL, OPT_DUMP },
  { "lang", required_argument, NULL, OPT_LANG },
  { "plain", no_argument, NULL, OPT_PLAIN },
  { "width", required_argument, NULL, OPT_WIDTH },
  { "search", required_argument, NULL, OPT_SEARCH },
  { "kiosk", no_argument, NULL, OPT_KIOSK },
  { "idle", required_argument, NULL, OPT_IDLE },
  { "staff-pin-file", required_argument, NULL, OPT_STAFF_PIN_FILE },
  { "speak", required_argument, NULL, OPT_SPEAK },
  { "speech", no_argument, NULL, OPT_SPEECH },
  { "speech-rate", required_argument, NULL, OPT_SPEECH_RATE },
  { "speech-volume", required_argument, NULL, OPT_SPEECH_VOLUME },
  { NULL, 0, NULL, 0 }
};

static void usage_error (const char *fmt, ...)
  __attribute__ ((format (printf, 1, 2), noreturn));

/* Say what is wrong with the command line (FMT may be NULL), how to get
   help, and exit 2.  */
static void
usage_error (const char *fmt, ...)
{
  if (fmt)
    {
      /* The values quoted come from the command line: escaped, so that
         none can drive the terminal (issue 15, F7).  */
      va_list ap;
      char *msg = NULL, *safe = NULL;
      va_start (ap, fmt);
      if (vasprintf (&msg, fmt, ap) >= 0)
        safe = diag_escape (msg);
      va_end (ap);
      fprintf (stderr, "%s: %s\n", PACKAGE, safe ? safe : "?");
      free (safe);
      free (msg);
    }
  fprintf (stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
  exit (EXIT_USAGE);
}

/* --help's options of speech.  */
static void
print_help_speech (void)
{
  /* TRANSLATORS: --help output, one more option; line it up with the
     others.  */
  fputs (_("      --speak=FILE    with --dump=ID: write that page, spoken, "
           "to the WAV\n"
           "                      file FILE, and exit\n"), stdout);
  /* TRANSLATORS: --help output, one more option; line it up with the
     others.  */
  fputs (_("      --speech        start with speech on: the page is read "
           "aloud, and each\n"
           "                      move says what is chosen (s turns it "
           "off)\n"), stdout);
  /* TRANSLATORS: --help output, the options of speech; line them up
     with the others.  */
  fputs (_("      --speech-rate=WPM\n"
           "                      speak at WPM words a minute (80 to 450, "
           "default 175)\n"
           "      --speech-volume=N\n"
           "                      speak at N per cent of the normal volume "
           "(0 to 200)\n"), stdout);
}

static void
print_help (void)
{
  printf (_("Usage: %s [OPTION]...\n"), PACKAGE);
  fputs (_("Read what marketing documents say about stem cell therapy "
           "for bone\nand joint conditions, as claims traced to their "
           "sources.\n\n"), stdout);
  /* TRANSLATORS: --help output, the options.  Keep the option names
     in English; line them up as in the English.  */
  fputs (_("  -h, --help          display this help and exit\n"
           "  -V, --version       display version information and exit\n"
           "      --data=DIR      read the content pack in DIR\n"
           "      --check[=DIR]   check a content pack (or one file) and "
           "exit\n"
           "      --dump[=ID]     print the whole pack, or one document, "
           "section\n"
           "                      (DOC#SECTION), collection or item "
           "(COLL/ITEM)\n"
           "      --lang=LANG     use language LANG: en, zh_CN, or ask "
           "(begin with a\n"
           "                      choice of language)\n"
           "      --plain         line-by-line mode for screen readers\n"
           "      --width=N       wrap plain text at N columns (0: no "
           "wrapping)\n"), stdout);
  /* TRANSLATORS: --help output, one more option; line it up with the
     others.  */
  fputs (_("      --search=WORDS  print where the pack says WORDS, and "
           "exit\n"), stdout);
  /* TRANSLATORS: --help output, the kiosk's options; line them up
     with the others.  */
  fputs (_("      --kiosk         for a public kiosk: no key leaves, "
           "--lang=ask and\n"
           "                      --idle=120 by default\n"
           "      --idle=SECONDS  after SECONDS without a key, warn for 30 "
           "seconds,\n"
           "                      then start again (0: never)\n"
           "      --staff-pin-file=FILE\n"
           "                      the PIN that lets staff leave a kiosk "
           "(F12)\n"), stdout);
  print_help_speech ();
  fputs ("\n", stdout);
  /* TRANSLATORS: --help output, the exit status.  */
  fputs (_("Exit status:\n"
           "  0   success\n"
           "  1   a failure at run time (no usable terminal), or "
           "--search\n"
           "      found nothing\n"
           "  2   a usage error\n"
           "  65  the content pack has errors\n"), stdout);
  /* pinav has no public address for bug reports yet (configure.ac's
     AC_INIT leaves it empty): then --help names none.  */
  if (*PACKAGE_BUGREPORT)
    {
      fputs ("\n", stdout);
      printf (_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
    }
}


/* Whether S is a whole decimal number from MIN to MAX, then in *N.  */
static bool
number_in (const char *s, long min, long max, long *n)
{
  char *end;
  *n = strtol (s, &end, 10);
  return *s && !*end && *n >= min && *n <= max;
}

static long
parse_width (const char *s)
{
  long n;
  if (!number_in (s, 0, 10000, &n))
    usage_error (_("invalid width '%s': give a number from 0 to 10000"), s);
  return n;
}

static long
parse_idle (const char *s)
{
  long n;
  if (!number_in (s, 0, IDLE_MAX, &n))
    usage_error (_("invalid idle time '%s': give seconds from 0 to %d"), s,
                 IDLE_MAX);
  return n;
}

/* --speech-rate=WPM, --speech-volume=N.  */
static long
parse_speech_rate (const char *s)
{
  long n;
  if (!number_in (s, SPEECH_RATE_MIN, SPEECH_RATE_MAX, &n))
    usage_error (_("invalid speech rate '%s': give words a minute from %d "
                   "to %d"), s, SPEECH_RATE_MIN, SPEECH_RATE_MAX);
  return n;
}

static long
parse_speech_volume (const char *s)
{
  long n;
  if (!number_in (s, 0, SPEECH_VOLUME_MAX, &n))
    /* TRANSLATORS: the volume is a per cent of the voice's normal
       loudness.  */
    usage_error (_("invalid speech volume '%s': give a per cent from 0 to "
                   "%d"), s, SPEECH_VOLUME_MAX);
  return n;
}

/* The words of --search, which its page shows: without a character
   that a terminal must not be given (text_safe.h).  */
static const char *
parse_words (const char *s)
{
  unsigned c;
  size_t len = strlen (s);
  if (text_find_unsafe (s, len, false, &c) < len)
    /* TRANSLATORS: %04X is a code point, as in "U+001B"; the %s names
       it, as in "a control character".  */
    usage_error (_("--search: U+%04X (%s) cannot be shown; remove it"), c,
                 text_unsafe_name (text_unsafe (c, false)));
  return s;
}

static void
set_mode (struct options *o, enum mode m, const char *arg)
{
  if (o->mode != MODE_AUTO && o->mode != MODE_PLAIN)
    usage_error ("%s", _("only one of --check, --dump and --search may be "
                         "given"));
  o->mode = m;
  o->arg = arg;
}

/* --speak: only with --dump=ID, and only when pinav has speech.  */
static void
check_speak (const struct options *o)
{
  if (!speech_available ())
    usage_error ("%s", _("--speak: pinav was built without speech "
                         "(configure --with-speech, with libespeak-ng)"));
  if (o->mode != MODE_DUMP || !o->arg)
    usage_error ("%s", _("--speak needs --dump=ID: the page to speak"));
}

static void
parse_options (int argc, char **argv, struct options *o)
{
  int c;
  opterr = 0;                   /* getopt's messages would quote raw */
  while ((c = getopt_long (argc, argv, ":hV", long_options, NULL)) != -1)
    switch (c)
      {
      case 'h': print_help (); exit (EXIT_SUCCESS);
      case 'V': version_print (PACKAGE); exit (EXIT_SUCCESS);
      case OPT_DATA: o->data = optarg; break;
      case OPT_CHECK: set_mode (o, MODE_CHECK, optarg); break;
      case OPT_DUMP: set_mode (o, MODE_DUMP, optarg); break;
      case OPT_SEARCH: set_mode (o, MODE_SEARCH, parse_words (optarg));
        break;
      case OPT_LANG:
        if (!i18n_supported (optarg) && strcmp (optarg, "ask") != 0)
          usage_error (_("unknown language '%s': use en, zh_CN or ask"),
                       optarg);
        o->lang = optarg;
        break;
      case OPT_PLAIN:
        if (o->mode == MODE_AUTO)
          o->mode = MODE_PLAIN;
        break;
      case OPT_WIDTH: o->width = parse_width (optarg); break;
      case OPT_KIOSK: o->kiosk = true; break;
      case OPT_IDLE: o->idle = parse_idle (optarg); break;
      case OPT_STAFF_PIN_FILE: o->pin_file = optarg; break;
      case OPT_SPEAK: o->speak = optarg; break;
      case OPT_SPEECH:
        if (!speech_available ())
          usage_error ("%s", _("--speech: pinav was built without speech "
                               "(configure --with-speech, with "
                               "libespeak-ng)"));
        o->speech = true;
        break;
      case OPT_SPEECH_RATE: o->speech_rate = parse_speech_rate (optarg);
        break;
      case OPT_SPEECH_VOLUME:
        o->speech_volume = parse_speech_volume (optarg);
        break;
      case ':':
        /* TRANSLATORS: as GNU getopt says it.  */
        usage_error (_("option '%s' requires an argument"), argv[optind - 1]);
      default:
        if (optopt > 0 && optopt <= CHAR_MAX)
          /* TRANSLATORS: as GNU getopt says it.  */
          usage_error (_("invalid option -- '%c'"), optopt);
        /* TRANSLATORS: as GNU getopt says it.  */
        usage_error (_("unrecognized option '%s'"), argv[optind - 1]);
      }
  if (optind < argc && (o->mode == MODE_CHECK || o->mode == MODE_DUMP)
      && !o->arg)
    o->arg = argv[optind++];
  if (optind < argc)
    usage_error (_("unexpected argument '%s'"), argv[optind]);
  if (o->speak)
    check_speak (o);
}

/* The value of environment variable NAME, or NULL when it is unset or
   empty.  */
static const char *
env_dir (const char *name)
{
  const char *env = getenv (name);
  return env && *env ? env : NULL;
}

/* The installed pack, unless PINAV_DATADIR names another: the build
   tree's, for tests and ./pre-inst-env.  No path of the build tree is
   compiled in.  */
static const char *
default_datadir (void)
{
  const char *env = env_dir ("PINAV_DATADIR");
  return env ? env : PKGDATADIR;
}

static const char *
default_localedir (void)
{
  const char *env = env_dir ("PINAV_LOCALEDIR");
  return env ? env : LOCALEDIR;
}

static size_t
plain_width (const struct options *o)
{
  if (o->width >= 0)
    return (size_t) o->width;
  const char *cols = getenv ("COLUMNS");
  long n = cols ? strtol (cols, NULL, 10) : 0;
  return n > 0 && n <= 10000 ? (size_t) n : 80;
}

/* --search: print the results page for QUERY as plain text.
   @retval 0 when something was found, else 1.  */
static int
search_print (const struct content_pack *pack, struct search_index *ix,
              const char *query, size_t width)
{
  struct view_search vs = { ix, true };
  struct view_ctx ctx = { pack, VIEW_PLAIN, false, &vs };
  struct page pg;
  char *loc = NULL;
  if (!ix || asprintf (&loc, "search:%s", query) < 0)
    {
      fprintf (stderr, _("%s: out of memory\n"), PACKAGE);
      return 1;
    }
  view_build (&pg, &ctx, loc);
  plain_render (stdout, &pg, width, false);
  page_free (&pg);
  free (loc);
  return search_query (ix, i18n_language (), query, 0, NULL, 0) > 0
         ? EXIT_SUCCESS : 1;
}

static bool
want_plain (const struct options *o)
{
  const char *term = getenv ("TERM");
  return o->mode == MODE_PLAIN || !term || !*term
         || strcmp (term, "dumb") == 0 || !isatty (STDIN_FILENO)
         || !isatty (STDOUT_FILENO);
}

/* A kiosk: the signals a patient can send from the keyboard are
   ignored (SIGTERM and SIGHUP still end pinav: they come from staff
   or the system).  Set before newterm, which then leaves them so.  */
static void
kiosk_ignore_signals (void)
{
  static const int sigs[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };
  for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
    signal (sigs[i], SIG_IGN);
}

/* The kiosk's staff PIN, into PIN: from --staff-pin-file, else from
   systemd's credentials.  The process is made undumpable first, so
   that the kiosk's user can neither attach a debugger to it nor read
   the PIN out of a core file.  */
static void
kiosk_load_pin (const struct options *o, struct staff_pin *pin)
{
  const char *dir = getenv ("CREDENTIALS_DIRECTORY");
  char *path = NULL;
  prctl (PR_SET_DUMPABLE, 0, 0, 0, 0);
  if (o->pin_file)
    {
      if (*o->pin_file)
        staff_pin_load (pin, o->pin_file, false, stderr);
    }
  else if (dir && *dir
           && asprintf (&path, "%s/%s", dir, KIOSK_PIN_CREDENTIAL) >= 0)
    staff_pin_load (pin, path, true, stderr);
  free (path);
}

/* The idle time of a navigator run with O: seconds, 0 for none.  */
static unsigned
idle_seconds (const struct options *o)
{
  return (unsigned) (o->idle >= 0 ? o->idle : o->kiosk ? KIOSK_IDLE : 0);
}

/* The idle reset's look at the pack (app.h): pack_source_reload.  */
static enum app_reload
main_reload (void *source, struct content_pack **pack, char **what)
{
  switch (pack_source_reload (source, pack, what))
    {
    case PACK_RELOADED: return APP_PACK_RELOADED;
    case PACK_REFUSED: return APP_PACK_REFUSED;
    case PACK_SAME: break;
    }
  return APP_PACK_SAME;
}

/* The first line of a kiosk's journal: what it runs, on what, how.  */
static void
journal_started (const struct app *app, const char *path, bool plain)
{
  char *safe = diag_escape (path);
  bool staff = app->kiosk && !plain && app->pin->set;
  /* TRANSLATORS: the journal, as a kiosk starts: the program and its
     version, the pack's directory, the language, whether each patient
     chooses one ("ask") or not ("fixed"), the idle time in seconds (0:
     none), and whether staff can leave (with a PIN: "yes", or "no").
     Keep ask, fixed, yes and no in English: they are values.  */
  journal_kiosk (N_("start: %s %s, pack %s, language %s (%s), idle reset "
                    "after %u s, staff exit %s"), PACKAGE_NAME,
                 PACKAGE_VERSION, safe ? safe : "?", app->lang,
                 strcmp (app->start, "lang") == 0 ? "ask" : "fixed",
                 app->idle, staff ? "yes" : "no");
  free (safe);
}

/* The navigator, full-screen or plain, on *PACK from SRC (which an
   idle reset may replace).  A kiosk first ignores the keyboard's
   signals and reads its staff PIN.  */
static int
run_navigator (const struct options *o, struct content_pack **pack,
               struct pack_source *src)
{
  static struct staff_pin pin;
  char lang0[8];                /* the language before any switch */
  snprintf (lang0, sizeof lang0, "%s", i18n_language ());
  /* Plain mode leaves the wrapping to the screen reader or braille
     display, unless --width asks for it.  */
  bool plain = want_plain (o);
  struct app app = { *pack, plain ? (size_t) (o->width > 0 ? o->width : 0)
                                  : plain_width (o), o->kiosk,
                     idle_seconds (o),
                     o->lang && strcmp (o->lang, "ask") == 0 ? "lang"
                                                             : "home",
                     lang0, &pin, getenv ("RUNTIME_DIRECTORY"),
                     main_reload, src, o->speech };
  if (o->kiosk)
    {
      kiosk_ignore_signals ();
      kiosk_load_pin (o, &pin);
    }
  /* A kiosk, or any run with an idle reset, says what it does.  */
  journal_start (o->kiosk || app.idle, lang0);
  journal_started (&app, src->path, plain);
  int status = plain ? plainmode_run (&app, stdin, stdout)
                              : tui_run (&app);
  staff_pin_clear (&pin);
  *pack = (struct content_pack *) app.pack;     /* perhaps reloaded */
  return status;
}

/* The language of --lang=LL, looked for before the options are parsed
   so that --help and usage errors speak it too.  */
static const char *
early_language (int argc, char **argv)
{
  for (int i = 1; i < argc && strcmp (argv[i], "--") != 0; i++)
    if (strncmp (argv[i], "--lang=", 7) == 0 && i18n_supported (argv[i] + 7))
      return argv[i] + 7;
  return NULL;
}

int
main (int argc, char **argv)
{
  struct options o = { .mode = MODE_AUTO, .width = -1, .idle = -1,
                       .speech_volume = -1 };
  /* What --help, --version, --dump or --search wrote must arrive, or
     pinav says so and exits 1 (closeout.h).  */
  atexit (close_stdout);
  /* The locale and the text domains come first, for --help too.  */
  i18n_init (default_localedir (), early_language (argc, argv));
  parse_options (argc, argv, &o);
  speech_set_manner ((int) o.speech_rate, (int) o.speech_volume);
  if (o.lang)
    i18n_set_language (o.lang);       /* not "ask": the environment's */
  if (o.kiosk && !o.lang)
    o.lang = "ask";
  const char *path = o.mode == MODE_CHECK && o.arg ? o.arg
                     : o.data ? o.data : default_datadir ();
  /* --check reads the YAML, always.  A navigator with an idle reset
     watches the pack's files, to load it again when they change.  */
  struct pack_source src;
  bool navigator = o.mode == MODE_AUTO || o.mode == MODE_PLAIN;
  struct content_pack *pack
    = pack_source_load (&src, path, o.mode != MODE_CHECK,
                        navigator && idle_seconds (&o) > 0, stderr);
  if (!pack)
    {
      pack_source_free (&src);
      return EXIT_DATA;
    }
  int status = EXIT_SUCCESS;
  /* --search needs the index now; the navigators build theirs at the
     first search, after the first paint (nav.h).  */
  struct search_index *ix = o.mode == MODE_SEARCH
                            ? search_index_build (pack, i18n_language ())
                            : NULL;
  if (o.mode == MODE_CHECK)
    status = EXIT_SUCCESS;
  else if (o.mode == MODE_DUMP && o.speak)
    status = speech_dump (pack, o.arg, o.speak);
  else if (o.mode == MODE_DUMP)
    {
      if (!dump_pack (stdout, pack, o.arg, plain_width (&o)))
        {
          char *safe = diag_escape (o.arg);
          fprintf (stderr, _("%s: nothing is called '%s'\n"), PACKAGE,
                   safe ? safe : "?");
          free (safe);
          status = EXIT_USAGE;
        }
    }
  else if (o.mode == MODE_SEARCH)
    status = search_print (pack, ix, o.arg, plain_width (&o));
  else
    status = run_navigator (&o, &pack, &src);
  search_index_free (ix);
  content_free (pack);
  pack_source_free (&src);
  return status;
}
