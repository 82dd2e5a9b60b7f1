/*
 * vtdrive - run a program in a pseudo-terminal, render everything it writes
 * with libvterm and check what a person would see, following a script.
 * The script language is documented in tests/vtdrive.md.
 * Exit status: 0 script passed, 1 an assertion failed, 2 usage/setup error.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

#define CONT ((uint32_t)-1)     /* chars[0] of the right half of a wide char */
#define NELEM(a) (sizeof (a) / sizeof (a)[0])
#define PRINTF_EXIT __attribute__((noreturn, format(printf, 2, 3)))

enum shape { S_NONE, S_TEXT, S_ROW_TEXT, S_INT, S_POS, S_SIZE, S_KEYS,
             S_HEX, S_EXIT, S_SIG };
enum { M_SCREEN, M_GONE, M_ROW };                  /* text conditions */
enum { AT_REVERSE, AT_BOLD, AT_WIDE, AT_NOT = 8 }; /* cell conditions */

struct cmd;
typedef void runfn(const struct cmd *c);
struct spec { const char *name; enum shape shape; runfn *run; int arg; };
struct cmd {                    /* one parsed script line */
    const struct spec *spec;
    int line;
    long a, b;                  /* row/col, cols/rows, code/within_ms */
    char *text;                 /* text, key list or raw bytes */
    size_t len;
};
struct key { VTermKey key; uint32_t ch; VTermModifier mod; };

static struct {
    VTerm *vt;
    VTermScreen *scr;
    VTermState *st;
    int master;                 /* pty master, -1 after `close` */
    int eof;                    /* read gave EIO: every slave fd is closed */
    pid_t pid;
    int reaped, status;
    char *out;                  /* bytes waiting to be written to the pty */
    size_t outlen, outcap;
    int rows, cols, line;
    double timeout;
    const char *script;
} D = { .master = -1, .rows = 24, .cols = 80, .timeout = 5.0 };

static const struct { const char *name; int sig; } signames[] = {
    { "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
    { "ILL", SIGILL }, { "ABRT", SIGABRT }, { "FPE", SIGFPE },
    { "KILL", SIGKILL }, { "SEGV", SIGSEGV }, { "PIPE", SIGPIPE },
    { "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "USR1", SIGUSR1 },
    { "USR2", SIGUSR2 }, { "CHLD", SIGCHLD }, { "CONT", SIGCONT },
    { "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "TTIN", SIGTTIN },
    { "TTOU", SIGTTOU }, { "WINCH", SIGWINCH }, { "BUS", SIGBUS },
};
static const struct { const char *name; VTermKey key; } keynames[] = {
    { "Up", VTERM_KEY_UP }, { "Down", VTERM_KEY_DOWN },
    { "Left", VTERM_KEY_LEFT }, { "Right", VTERM_KEY_RIGHT },
    { "Enter", VTERM_KEY_ENTER }, { "Tab", VTERM_KEY_TAB },
    { "Backspace", VTERM_KEY_BACKSPACE }, { "Esc", VTERM_KEY_ESCAPE },
    { "Home", VTERM_KEY_HOME }, { "End", VTERM_KEY_END },
    { "PgUp", VTERM_KEY_PAGEUP }, { "PgDn", VTERM_KEY_PAGEDOWN },
    { "Insert", VTERM_KEY_INS }, { "Delete", VTERM_KEY_DEL },
};
static const char *const shape_usage[] = {
    "", " TEXT", " ROW TEXT", " N", " ROW COL", " COLS ROWS", " KEY...",
    " HEX", " CODE|signal:NAME [WITHIN_MS]", " NAME",
};

/* realloc that exits on failure. */
static void *xrealloc(void *p, size_t n)
{
    if (!(p = realloc(p, n ? n : 1))) {
        fputs("vtdrive: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

/* strdup that exits on failure. */
static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

/* Monotonic clock in seconds. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Sleep MS milliseconds, resuming after signal interruptions. */
static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

/* Milliseconds left until DEADLINE, rounded up, at most CAP. */
static int left_ms(double deadline, int cap)
{
    double ms = (deadline - now()) * 1000;
    return ms <= 0 ? 0 : ms < cap ? (int)ms + 1 : cap;
}

/* Signal number for NAME ("TERM" or "SIGTERM"); 0 if unknown. */
static int sig_num(const char *name)
{
    if (!strncmp(name, "SIG", 3))
        name += 3;
    for (size_t i = 0; i < NELEM(signames); i++)
        if (!strcmp(signames[i].name, name))
            return signames[i].sig;
    return 0;
}

/* Short name of signal SIG ("TERM"), or its number. */
static const char *sig_name(int sig)
{
    static char buf[16];
    for (size_t i = 0; i < NELEM(signames); i++)
        if (signames[i].sig == sig)
            return signames[i].name;
    snprintf(buf, sizeof buf, "%d", sig);
    return buf;
}

/* Decode one UTF-8 character at S into *CP; its length, or -1 if invalid. */
static int utf8_decode(const char *s, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    int len = u[0] < 0x80 ? 1 : u[0] < 0xc2 ? -1 : u[0] < 0xe0 ? 2
            : u[0] < 0xf0 ? 3 : u[0] < 0xf5 ? 4 : -1;
    uint32_t v;
    if (len < 0)
        return -1;
    v = len == 1 ? u[0] : u[0] & (0x7fu >> len);
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xc0) != 0x80)
            return -1;
        v = v << 6 | (u[i] & 0x3f);
    }
    if ((len == 3 && v < 0x800) || (v >= 0xd800 && v < 0xe000)
        || (len == 4 && (v < 0x10000 || v > 0x10ffff)))
        return -1;
    *cp = v;
    return len;
}

/* Append code point CP to S as UTF-8; return the new end. */
static char *put_utf8(char *s, uint32_t cp)
{
    int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    static const unsigned char lead[] = { 0, 0, 0xc0, 0xe0, 0xf0 };
    for (int i = len - 1; i > 0; i--, cp >>= 6)
        s[i] = (char)(0x80 | (cp & 0x3f));
    s[0] = (char)(lead[len] | cp);
    return s + len;
}

/* ------------------------------------------------------------- screen */

/* The libvterm cell at ROW,COL, zeroed first so unused chars are 0. */
static VTermScreenCell get_cell(long row, long col)
{
    VTermScreenCell cell;
    VTermPos pos = { (int)row, (int)col };
    memset(&cell, 0, sizeof cell);
    vterm_screen_get_cell(D.scr, pos, &cell);
    return cell;
}

/* Append the characters of CELL to S, a blank for an empty cell. */
static char *put_cell(char *s, const VTermScreenCell *cell)
{
    if (cell->chars[0] == 0)
        *s++ = ' ';
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell->chars[i]; i++)
        s = put_utf8(s, cell->chars[i]);
    return s;
}

/* Row ROW as malloc'd UTF-8 (wide chars once), trailing blanks trimmed
 * if TRIM. */
static char *row_text(long row, int trim)
{
    char *buf = xrealloc(NULL, (size_t)D.cols * VTERM_MAX_CHARS_PER_CELL * 4 + 1);
    char *s = buf;
    for (int col = 0; col < D.cols; col++) {
        VTermScreenCell cell = get_cell(row, col);
        if (cell.chars[0] != CONT)
            s = put_cell(s, &cell);
    }
    while (trim && s > buf && s[-1] == ' ')
        s--;
    *s = 0;
    return buf;
}

/* The first row containing TEXT, or -1. */
static int find_row(const char *text)
{
    for (int row = 0; row < D.rows; row++) {
        char *t = row_text(row, 0);
        int hit = strstr(t, text) != NULL;
        free(t);
        if (hit)
            return row;
    }
    return -1;
}

/* Print the screen, framed, to F. */
static void dump(FILE *f)
{
    VTermPos cur;
    vterm_state_get_cursorpos(D.st, &cur);
    fprintf(f, "--- screen %dx%d cursor %d,%d ---\n", D.cols, D.rows,
            cur.row, cur.col);
    for (int row = 0; row < D.rows; row++) {
        char *t = row_text(row, 1);
        fprintf(f, "%s\n", t);
        free(t);
    }
    fputs("---\n", f);
    fflush(f);
}

/* Describe CELL in BUF for messages: its text, width and attributes. */
static void cell_desc(const VTermScreenCell *cell, char *buf, size_t n)
{
    char text[64] = "\"";
    if (cell->chars[0] == CONT) {
        snprintf(buf, n, "the right half of a wide character");
        return;
    }
    strcpy(put_cell(text + 1, cell), "\"");
    snprintf(buf, n, "%s, width %d%s%s%s",
             cell->chars[0] ? text : "an empty cell", cell->width,
             cell->attrs.reverse ? ", reverse" : "",
             cell->attrs.bold ? ", bold" : "",
             cell->attrs.underline ? ", underline" : "");
}

/* -------------------------------------------------------------- child */

/* Send SIG to the child's process group (or the child, if none yet). */
static void signal_group(int sig)
{
    if (D.pid > 0 && !D.reaped && kill(-D.pid, sig) < 0)
        kill(D.pid, sig);
}

/* Reap the child if it has exited; never blocks. */
static void check_child(void)
{
    pid_t r;
    if (D.pid <= 0 || D.reaped)
        return;
    do
        r = waitpid(D.pid, &D.status, WNOHANG);
    while (r < 0 && errno == EINTR);
    D.reaped = r == D.pid || (r < 0 && errno == ECHILD);
}

/* Reap descendants orphaned onto us (we are a subreaper), for up to 0.5 s. */
static void reap_orphans(void)
{
    double deadline = now() + 0.5;
    pid_t r;
    while ((r = waitpid(-1, NULL, WNOHANG)) > 0 || (r < 0 && errno == EINTR)
           || (r == 0 && now() < deadline))
        if (r == 0)
            sleep_ms(10);
}

/* SIGKILL the child's process group, reap the child and any orphans. */
static void kill_child(void)
{
    if (D.pid > 0 && !D.reaped) {
        signal_group(SIGKILL);
        while (waitpid(D.pid, &D.status, 0) < 0 && errno == EINTR)
            ;
        D.reaped = 1;
    }
    reap_orphans();
}

/* The child's state in words, for messages. */
static const char *child_state(void)
{
    static char buf[64];
    if (!D.reaped)
        return "is still running";
    if (WIFEXITED(D.status))
        snprintf(buf, sizeof buf, "exited with code %d", WEXITSTATUS(D.status));
    else
        snprintf(buf, sizeof buf, "was killed by signal:%s",
                 sig_name(WTERMSIG(D.status)));
    return buf;
}

/* Print "SCRIPT:LINE: message"; on CODE 1 dump the screen and kill the
 * child; exit CODE. */
static PRINTF_EXIT void report(int code, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: ", D.script, D.line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (code == 1) {
        dump(stderr);
        kill_child();
    }
    exit(code);
}
#define fail(...) report(1, __VA_ARGS__)
#define syntax(...) report(2, __VA_ARGS__)

/* ------------------------------------------------------------ pty I/O */

/* Queue LEN bytes for writing to the child. */
static void queue(const char *s, size_t len)
{
    if (D.outlen + len > D.outcap)
        D.out = xrealloc(D.out, D.outcap = (D.outlen + len) * 2);
    memcpy(D.out + D.outlen, s, len);
    D.outlen += len;
}

/* libvterm output callback (keys, mouse, query replies): queue for child. */
static void on_output(const char *s, size_t len, void *user)
{
    (void)user;
    queue(s, len);
}

/* Feed what the child wrote (at most 64 KiB) to libvterm; 1 if any. */
static int read_child(void)
{
    char buf[4096];
    int got = 0;
    while (got < 16) {
        ssize_t n = read(D.master, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            break;
        if (n <= 0) {           /* EIO: every slave fd is closed */
            D.eof = 1;
            break;
        }
        vterm_input_write(D.vt, buf, (size_t)n);
        got++;
    }
    return got > 0;
}

/* Write queued bytes to the child as far as the pty accepts them. */
static void write_child(void)
{
    while (D.outlen > 0) {
        ssize_t n = write(D.master, D.out, D.outlen);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        if (n <= 0) {           /* the slave side is gone: drop the bytes */
            D.outlen = 0;
            return;
        }
        memmove(D.out, D.out + n, D.outlen - (size_t)n);
        D.outlen -= (size_t)n;
    }
}

/* Exchange data with the child, waiting up to MS ms; 1 if output arrived. */
static int pump(int ms)
{
    struct pollfd p = { D.master, POLLIN, 0 };
    int got = 0;
    if (D.master < 0 || D.eof) {
        if (ms > 0)
            sleep_ms(ms);
        return 0;
    }
    if (D.outlen)
        p.events |= POLLOUT;
    if (poll(&p, 1, ms) <= 0)   /* timeout or EINTR: the caller loops */
        return 0;
    if (p.revents & (POLLIN | POLLHUP | POLLERR))
        got = read_child();
    if (D.outlen && !D.eof)
        write_child();
    return got;
}

/* Take in all output the child has already produced, without blocking. */
static void drain(void)
{
    for (int i = 0; i < 256 && pump(0); i++)
        ;
}

/* Wait up to MS ms for the child to exit, draining the pty meanwhile. */
static void reap_for(int ms)
{
    double deadline = now() + ms / 1000.0;
    for (check_child(); !D.reaped && now() < deadline; check_child())
        pump(10);
}

/* Fail unless the pty can still carry input for command WHAT. */
static void need_pty(const char *what)
{
    if (D.master < 0)
        fail("%s: the terminal was closed by `close`", what);
    if (D.eof) {
        reap_for(1000);
        fail("%s: the program closed the terminal; it %s", what, child_state());
    }
}

/* Push all queued input to the child; fail if it is not taken in time. */
static void flush_input(const char *what)
{
    double deadline = now() + D.timeout;
    while (D.outlen > 0) {
        need_pty(what);
        if (now() >= deadline)
            fail("%s: the program did not read its input within %.1f s",
                 what, D.timeout);
        pump(left_ms(deadline, 50));
    }
}

/* ----------------------------------------------------------- commands */

/* Describe in BUF what text condition C expects. */
static void describe(const struct cmd *c, char *buf, size_t n)
{
    if (c->spec->arg == M_ROW)
        snprintf(buf, n, "\"%s\" on row %ld", c->text, c->a);
    else
        snprintf(buf, n, "\"%s\" %son the screen", c->text,
                 c->spec->arg == M_GONE ? "not " : "");
}

/* Does text condition C hold?  If not, say in WHY what was found. */
static int text_ok(const struct cmd *c, char *why, size_t n)
{
    int row, ok;
    char *t;
    if (c->spec->arg != M_ROW) {
        if (((row = find_row(c->text)) < 0) == (c->spec->arg == M_GONE))
            return 1;
        snprintf(why, n, row < 0 ? "not found" : "it is on row %d", row);
        return 0;
    }
    if (c->a >= D.rows) {
        snprintf(why, n, "the screen has only %d rows", D.rows);
        return 0;
    }
    t = row_text(c->a, 1);
    ok = strstr(t, c->text) != NULL;
    snprintf(why, n, "row %ld is \"%s\"", c->a, t);
    free(t);
    return ok;
}

/* wait, wait-row, wait-gone: read output until the condition holds. */
static void run_wait(const struct cmd *c)
{
    double deadline = now() + D.timeout;
    char why[4096], want[1024];
    describe(c, want, sizeof want);
    drain();
    while (!text_ok(c, why, sizeof why)) {
        if (D.master < 0)
            fail("%s: expected %s, but the terminal was closed by `close`; %s",
                 c->spec->name, want, why);
        if (D.eof) {
            reap_for(1000);
            fail("%s: expected %s, but the program closed the terminal "
                 "(it %s); %s", c->spec->name, want, child_state(), why);
        }
        if (now() >= deadline) {
            check_child();
            fail("%s: expected %s within %.1f s (the program %s); %s",
                 c->spec->name, want, D.timeout, child_state(), why);
        }
        pump(left_ms(deadline, 100));
    }
}

/* expect, expect-not, expect-row: check a text condition right now. */
static void run_expect(const struct cmd *c)
{
    char why[4096], want[1024];
    drain();
    if (text_ok(c, why, sizeof why))
        return;
    describe(c, want, sizeof want);
    fail("%s: expected %s; %s", c->spec->name, want, why);
}

/* Fail unless cell ROW,COL of command C lies on the screen. */
static void check_cell(const struct cmd *c)
{
    if (c->a >= D.rows || c->b >= D.cols)
        fail("%s: cell %ld,%ld is outside the %dx%d screen", c->spec->name,
             c->a, c->b, D.cols, D.rows);
}

/* expect-cursor ROW COL. */
static void run_cursor(const struct cmd *c)
{
    VTermPos p;
    drain();
    vterm_state_get_cursorpos(D.st, &p);
    if (p.row != c->a || p.col != c->b)
        fail("expect-cursor: expected the cursor at %ld,%ld; it is at %d,%d",
             c->a, c->b, p.row, p.col);
}

/* expect-[not-]reverse, expect-[not-]bold, expect-wide ROW COL. */
static void run_attr(const struct cmd *c)
{
    static const char *const what[] = { "reverse video", "bold",
                                         "a double-width character" };
    int kind = c->spec->arg & 7, neg = !!(c->spec->arg & AT_NOT), have;
    VTermScreenCell cell;
    char desc[128];
    drain();
    check_cell(c);
    cell = get_cell(c->a, c->b);
    have = kind == AT_REVERSE ? cell.attrs.reverse
         : kind == AT_BOLD ? cell.attrs.bold : cell.width == 2;
    if (!!have == neg) {
        cell_desc(&cell, desc, sizeof desc);
        fail("%s: expected %s%s at %ld,%ld; the cell holds %s", c->spec->name,
             neg ? "no " : "", what[kind], c->a, c->b, desc);
    }
}

/* Parse key token TOK ("C-Left", "^X", "F5", "q") into K; 0 if valid. */
static int parse_key(const char *tok, struct key *k)
{
    int n;
    memset(k, 0, sizeof *k);
    for (; tok[0] && tok[1] == '-' && tok[2] && strchr("SCM", tok[0]); tok += 2)
        k->mod |= tok[0] == 'S' ? VTERM_MOD_SHIFT
                : tok[0] == 'C' ? VTERM_MOD_CTRL : VTERM_MOD_ALT;
    for (size_t i = 0; i < NELEM(keynames); i++)
        if (!strcmp(tok, keynames[i].name))
            return k->key = keynames[i].key, 0;
    if (!strcmp(tok, "Space"))
        return k->ch = ' ', 0;
    n = tok[0] == 'F' && tok[1] ? atoi(tok + 1) : 0;
    if (n >= 1 && n <= 24 && strspn(tok + 1, "0123456789") == strlen(tok + 1))
        return k->key = VTERM_KEY_FUNCTION(n), 0;
    if (tok[0] == '^' && tok[1] && !tok[2]) {
        n = toupper((unsigned char)tok[1]);
        if (n != '?' && (n < '@' || n > '_'))
            return -1;
        return k->ch = n == '?' ? 0x7f : (uint32_t)(n - '@'), 0;
    }
    n = utf8_decode(tok, &k->ch);
    return n > 0 && !tok[n] && k->ch >= 0x20 ? 0 : -1;
}

/* key NAME...: encode each key with libvterm and send it. */
static void run_key(const struct cmd *c)
{
    char *copy = xstrdup(c->text), *save = NULL, *tok;
    struct key k;
    need_pty("key");
    for (tok = strtok_r(copy, " \t", &save); tok;
         tok = strtok_r(NULL, " \t", &save)) {
        parse_key(tok, &k);
        if (k.key != VTERM_KEY_NONE)
            vterm_keyboard_key(D.vt, k.key, k.mod);
        else
            vterm_keyboard_unichar(D.vt, k.ch, k.mod);
        flush_input("key");
    }
    free(copy);
}

/* type TEXT: send TEXT as typed characters. */
static void run_type(const struct cmd *c)
{
    uint32_t cp;
    need_pty("type");
    for (const char *s = c->text; *s; s += utf8_decode(s, &cp))
        if (utf8_decode(s, &cp) > 0)
            vterm_keyboard_unichar(D.vt, cp, VTERM_MOD_NONE);
    flush_input("type");
}

/* raw HEX: send the bytes as they are. */
static void run_raw(const struct cmd *c)
{
    need_pty("raw");
    queue(c->text, c->len);
    flush_input("raw");
}

/* click ROW COL: left press and release, encoded in the app's mouse mode. */
static void run_click(const struct cmd *c)
{
    need_pty("click");
    check_cell(c);
    vterm_mouse_move(D.vt, (int)c->a, (int)c->b, VTERM_MOD_NONE);
    vterm_mouse_button(D.vt, 1, 1, VTERM_MOD_NONE);
    vterm_mouse_button(D.vt, 1, 0, VTERM_MOD_NONE);
    if (D.outlen == 0)
        fail("click: the program has not enabled mouse reporting");
    flush_input("click");
}

/* resize COLS ROWS: resize libvterm and the pty (the kernel sends SIGWINCH). */
static void run_resize(const struct cmd *c)
{
    struct winsize ws = { .ws_row = (unsigned short)c->b,
                          .ws_col = (unsigned short)c->a };
    need_pty("resize");
    drain();
    vterm_set_size(D.vt, D.rows = (int)c->b, D.cols = (int)c->a);
    if (ioctl(D.master, TIOCSWINSZ, &ws) < 0)
        fail("resize: TIOCSWINSZ: %s", strerror(errno));
}

/* screen: print the screen to stdout. */
static void run_screen(const struct cmd *c)
{
    (void)c;
    drain();
    dump(stdout);
}

/* sleep-ms N: let N ms pass while still processing output (timing tests). */
static void run_sleep(const struct cmd *c)
{
    double deadline = now() + c->a / 1000.0;
    while (now() < deadline)
        pump(left_ms(deadline, 50));
}

/* signal NAME: send a signal to the child process. */
static void run_signal(const struct cmd *c)
{
    check_child();
    if (D.reaped)
        fail("signal: the program already %s", child_state());
    kill(D.pid, (int)c->a);
}

/* close: close the pty master; the terminal goes away. */
static void run_close(const struct cmd *c)
{
    (void)c;
    drain();
    if (D.master >= 0)
        close(D.master);
    D.master = -1;
    D.outlen = 0;
}

/* expect-exit CODE|signal:NAME [WITHIN_MS]. */
static void run_exit(const struct cmd *c)
{
    int ms = c->b >= 0 ? (int)c->b : (int)(D.timeout * 1000), bad;
    char want[64];
    reap_for(ms);
    drain();
    if (c->a >= 0)
        snprintf(want, sizeof want, "exit with code %ld", c->a);
    else
        snprintf(want, sizeof want, "be killed by signal:%s", sig_name((int)-c->a));
    if (!D.reaped)
        fail("expect-exit: expected the program to %s within %d ms; it %s",
             want, ms, child_state());
    bad = c->a >= 0 ? !WIFEXITED(D.status) || WEXITSTATUS(D.status) != c->a
                    : !WIFSIGNALED(D.status) || WTERMSIG(D.status) != -c->a;
    if (bad)
        fail("expect-exit: expected the program to %s; it %s", want,
             child_state());
}

/* expect-running: the child has not exited. */
static void run_running(const struct cmd *c)
{
    (void)c;
    drain();
    check_child();
    if (D.reaped)
        fail("expect-running: expected the program to run; it %s",
             child_state());
}

static const struct spec specs[] = {
    { "wait", S_TEXT, run_wait, M_SCREEN },
    { "wait-row", S_ROW_TEXT, run_wait, M_ROW },
    { "wait-gone", S_TEXT, run_wait, M_GONE },
    { "expect", S_TEXT, run_expect, M_SCREEN },
    { "expect-not", S_TEXT, run_expect, M_GONE },
    { "expect-row", S_ROW_TEXT, run_expect, M_ROW },
    { "expect-cursor", S_POS, run_cursor, 0 },
    { "expect-reverse", S_POS, run_attr, AT_REVERSE },
    { "expect-not-reverse", S_POS, run_attr, AT_REVERSE | AT_NOT },
    { "expect-bold", S_POS, run_attr, AT_BOLD },
    { "expect-not-bold", S_POS, run_attr, AT_BOLD | AT_NOT },
    { "expect-wide", S_POS, run_attr, AT_WIDE },
    { "expect-exit", S_EXIT, run_exit, 0 },
    { "expect-running", S_NONE, run_running, 0 },
    { "key", S_KEYS, run_key, 0 },
    { "type", S_TEXT, run_type, 0 },
    { "raw", S_HEX, run_raw, 0 },
    { "click", S_POS, run_click, 0 },
    { "resize", S_SIZE, run_resize, 0 },
    { "screen", S_NONE, run_screen, 0 },
    { "sleep-ms", S_INT, run_sleep, 0 },
    { "signal", S_SIG, run_signal, 0 },
    { "close", S_NONE, run_close, 0 },
};

/* ------------------------------------------------------------ parsing */

/* Skip blanks at S. */
static char *skip_blank(char *s)
{
    return s + strspn(s, " \t");
}

/* Parse a decimal number 0..MAX at *P, then skip blanks; 0 if valid. */
static int parse_num(char **p, long max, long *out)
{
    char *end;
    if (!isdigit((unsigned char)**p))
        return -1;
    errno = 0;
    *out = strtol(*p, &end, 10);
    if (errno || *out > max || (*end && *end != ' ' && *end != '\t'))
        return -1;
    *p = skip_blank(end);
    return 0;
}

/* Strip trailing blanks and one pair of enclosing double quotes from S. */
static char *unquote(char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = 0;
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"')
        s[n - 1] = 0, s++;
    return s;
}

/* Store non-empty, valid UTF-8 text S in C; an error message or NULL. */
static const char *set_text(struct cmd *c, const char *s)
{
    uint32_t cp;
    int n;
    if (!*s)
        return "missing argument";
    for (const char *p = s; *p; p += n)
        if ((n = utf8_decode(p, &cp)) < 0)
            return "TEXT is not valid UTF-8";
    c->text = xstrdup(s);
    c->len = strlen(s);
    return NULL;
}

/* Check every key name in S and store S in C; an error message or NULL. */
static const char *parse_keys(struct cmd *c, const char *s)
{
    static char msg[96];
    char *copy = xstrdup(s), *save = NULL, *tok;
    struct key k;
    msg[0] = 0;
    for (tok = strtok_r(copy, " \t", &save); tok && !msg[0];
         tok = strtok_r(NULL, " \t", &save))
        if (parse_key(tok, &k))
            snprintf(msg, sizeof msg, "unknown key '%.40s'", tok);
    free(copy);
    return msg[0] ? msg : set_text(c, s);
}

/* Decode hex byte pairs (blanks allowed between) from S into C. */
static const char *parse_hex(struct cmd *c, const char *s)
{
    char pair[3] = "";
    c->text = xrealloc(NULL, strlen(s) / 2 + 1);
    for (; *s; s++) {
        if (isspace((unsigned char)*s))
            continue;
        if (!isxdigit((unsigned char)s[0]) || !isxdigit((unsigned char)s[1]))
            return "HEX must be pairs of hex digits";
        memcpy(pair, s++, 2);
        c->text[c->len++] = (char)strtol(pair, NULL, 16);
    }
    return c->len ? NULL : "missing HEX";
}

/* Parse "CODE|signal:NAME [WITHIN_MS]" into C->a (-signal) and C->b. */
static const char *parse_exit(struct cmd *c, char *s)
{
    c->b = -1;
    if (!strncmp(s, "signal:", 7)) {
        char *end = s + strcspn(s, " \t"), save = *end;
        *end = 0;
        c->a = -sig_num(s + 7);
        *end = save;
        if (!c->a)
            return "unknown signal";
        s = skip_blank(end);
    } else if (parse_num(&s, 255, &c->a)) {
        return "CODE must be 0..255 or signal:NAME";
    }
    if (*s && parse_num(&s, 86400000, &c->b))
        return "bad WITHIN_MS";
    return *s ? "too many arguments" : NULL;
}

/* Fill C's arguments from S by its command's shape; an error or NULL. */
static const char *parse_args(struct cmd *c, char *s)
{
    switch (c->spec->shape) {
    case S_NONE:
        return *s ? "takes no arguments" : NULL;
    case S_INT:
        return parse_num(&s, 86400000, &c->a) || *s ? "bad number" : NULL;
    case S_POS:
    case S_SIZE:
        return parse_num(&s, 9999, &c->a) || parse_num(&s, 9999, &c->b) || *s
             || (c->spec->shape == S_SIZE && (c->a < 1 || c->b < 1))
             ? "bad numbers" : NULL;
    case S_ROW_TEXT:
        if (parse_num(&s, 9999, &c->a))
            return "bad ROW";
        /* fall through */
    case S_TEXT:
        return set_text(c, unquote(s));
    case S_KEYS:
        return parse_keys(c, unquote(s));
    case S_HEX:
        return parse_hex(c, s);
    case S_EXIT:
        return parse_exit(c, unquote(s));
    case S_SIG:
        return (c->a = sig_num(unquote(s))) ? NULL : "unknown signal";
    }
    return "internal error";
}

/* Parse one non-blank script line S into C; exit 2 on a syntax error. */
static void parse_line(struct cmd *c, char *s)
{
    char *rest = s + strcspn(s, " \t");
    const char *err;
    if (*rest)
        *rest++ = 0;
    memset(c, 0, sizeof *c);
    c->line = D.line;
    for (size_t i = 0; i < NELEM(specs); i++)
        if (!strcmp(specs[i].name, s))
            c->spec = &specs[i];
    if (!c->spec)
        syntax("unknown command '%s'", s);
    if ((err = parse_args(c, skip_blank(rest))))
        syntax("%s: %s (usage: %s%s)", s, err, s, shape_usage[c->spec->shape]);
}

/* Read and check the whole script before anything runs. */
static struct cmd *load_script(int *ncmd)
{
    FILE *f = strcmp(D.script, "-") ? fopen(D.script, "r") : stdin;
    char *buf = NULL, *s;
    size_t cap = 0;
    struct cmd *cmds = NULL;
    int n = 0;
    if (!f) {
        fprintf(stderr, "vtdrive: %s: %s\n", D.script, strerror(errno));
        exit(2);
    }
    for (D.line = 1; getline(&buf, &cap, f) >= 0; D.line++) {
        buf[strcspn(buf, "\r\n")] = 0;
        if (*(s = skip_blank(buf)) == 0 || *s == '#')
            continue;
        cmds = xrealloc(cmds, (size_t)(n + 1) * sizeof *cmds);
        parse_line(&cmds[n++], s);
    }
    free(buf);
    if (f != stdin)
        fclose(f);
    *ncmd = n;
    return cmds;
}

/* --------------------------------------------------------------- main */

/* Print usage to stdout (exit 0) or stderr (exit 2). */
static void usage(int code)
{
    fputs("usage: vtdrive [--size=COLSxROWS] [--timeout=SECONDS] [--term=NAME]"
          " SCRIPT -- COMMAND [ARGS...]\n", code ? stderr : stdout);
    exit(code);
}

/* Parse options and SCRIPT; return the index of COMMAND in ARGV. */
static int parse_options(int argc, char **argv, const char **term)
{
    int i;
    char extra, *end;
    for (i = 1; i < argc && !strncmp(argv[i], "--", 2) && argv[i][2]; i++) {
        if (!strncmp(argv[i], "--size=", 7)) {
            if (sscanf(argv[i] + 7, "%dx%d%c", &D.cols, &D.rows, &extra) != 2
                || D.cols < 1 || D.rows < 1 || D.cols > 9999 || D.rows > 9999)
                usage(2);
        } else if (!strncmp(argv[i], "--timeout=", 10)) {
            D.timeout = strtod(argv[i] + 10, &end);
            if (*end || end == argv[i] + 10 || !(D.timeout > 0 && D.timeout < 1e6))
                usage(2);
        } else if (!strncmp(argv[i], "--term=", 7) && argv[i][7]) {
            *term = argv[i] + 7;
        } else {
            usage(strcmp(argv[i], "--help") ? 2 : 0);
        }
    }
    if (argc - i < 3 || strcmp(argv[i + 1], "--"))
        usage(2);
    D.script = argv[i];
    return i + 2;
}

/* In the forked child: clean signals and environment, then exec ARGV. */
static void exec_child(char **argv, const char *term)
{
    static const int reset[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE,
                                 SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH, SIGCHLD };
    sigset_t none;
    for (size_t i = 0; i < NELEM(reset); i++)
        signal(reset[i], SIG_DFL);
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    setenv("TERM", term, 1);
    unsetenv("COLUMNS");
    unsetenv("LINES");
    execvp(argv[0], argv);
    fprintf(stderr, "vtdrive: cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(127);
}

/* If the driver itself is killed, take the child down too. */
static void on_fatal(int sig)
{
    signal_group(SIGKILL);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Create the libvterm terminal and start ARGV on a pty of the same size. */
static void start(char **argv, const char *term)
{
    struct winsize ws = { .ws_row = (unsigned short)D.rows,
                          .ws_col = (unsigned short)D.cols };
    D.vt = vterm_new(D.rows, D.cols);
    vterm_set_utf8(D.vt, 1);
    vterm_output_set_callback(D.vt, on_output, NULL);
    D.scr = vterm_obtain_screen(D.vt);
    vterm_screen_enable_altscreen(D.scr, 1);
    vterm_screen_reset(D.scr, 1);
    D.st = vterm_obtain_state(D.vt);
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGINT, on_fatal);
    signal(SIGTERM, on_fatal);
    signal(SIGHUP, on_fatal);
    if ((D.pid = forkpty(&D.master, NULL, NULL, &ws)) < 0) {
        perror("vtdrive: forkpty");
        exit(2);
    }
    if (D.pid == 0)
        exec_child(argv, term);
    fcntl(D.master, F_SETFL, fcntl(D.master, F_GETFL) | O_NONBLOCK);
}

/* End of script: stop the child if it still runs (TERM, 1 s, KILL), reap. */
static void finish(void)
{
    drain();
    check_child();
    if (!D.reaped) {
        signal_group(SIGTERM);
        signal_group(SIGCONT);
        reap_for(1000);
    }
    kill_child();
    if (D.master >= 0)
        close(D.master);
    vterm_free(D.vt);
    free(D.out);
}

int main(int argc, char **argv)
{
    const char *term = "xterm-256color";
    int first = parse_options(argc, argv, &term), n;
    struct cmd *cmds = load_script(&n);
    start(argv + first, term);
    for (int i = 0; i < n; i++) {
        D.line = cmds[i].line;
        cmds[i].spec->run(&cmds[i]);
    }
    finish();
    for (int i = 0; i < n; i++)
        free(cmds[i].text);
    free(cmds);
    return 0;
}
