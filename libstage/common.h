/* libstage/common.h: what every tool shares: program name, fatal errors,
 * checked allocation.
 *
 * Exit statuses (DESIGN.md): 0 success; 1 a Python-level error; 2 usage, I/O
 * or malformed input.  Messages go to stderr as "tool: place: message".
 */
#ifndef LS_COMMON_H
#define LS_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdnoreturn.h>

#define LS_VERSION "0.1.0"

enum { LS_EXIT_OK = 0, LS_EXIT_PYERR = 1, LS_EXIT_USAGE = 2 };

#if defined(__GNUC__) || defined(__clang__)
#define LS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define LS_MUST_CHECK __attribute__((warn_unused_result))
#define LS_LIKELY(x) __builtin_expect(!!(x), 1)
#define LS_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define LS_PRINTF(f, a)
#define LS_MUST_CHECK
#define LS_LIKELY(x) (x)
#define LS_UNLIKELY(x) (x)
#endif

extern const char *ls_progname;          /* set by ls_init(): "pytok", ... */

void ls_init(const char *progname);
/* "prog: message" on stderr, then exit(status) -- or, while a trap is set
 * (ls_die_trap, below), no output: the message and status go into the trap
 * and ls_die() longjmps to it. */
noreturn void ls_die(int status, const char *fmt, ...) LS_PRINTF(2, 3);

/* An in-process caller of the stages (libstage/front.c: ls_compile) sets
 * ls_die_trap around them so that a fatal error (malformed internal data,
 * out of memory) returns to it instead of ending the process.  Everything
 * the stages allocate lives in the caller's Arena, so the jump leaks
 * nothing but scratch buffers.  NULL (the default): ls_die() exits. */
typedef struct LsDieTrap {
    void *jb;                /* a jmp_buf * (setjmp.h), where ls_die() jumps */
    int status;              /* the status ls_die() was given */
    char msg[512];           /* its message, without "prog: " */
} LsDieTrap;
extern LsDieTrap *ls_die_trap;
/* "prog: message" on stderr. */
void ls_warn(const char *fmt, ...) LS_PRINTF(1, 2);

/* Allocation that never returns NULL: on failure the tool says
 * "out of memory" and exits 2 -- unless ls_oom_hook, called first, frees
 * memory (returns true), when the allocation is tried once more.  pyvm's
 * hook gives back its reserve and has the next instruction raise
 * MemoryError (cmd/pyvm/alloc.c). */
extern bool (*ls_oom_hook)(void);
void *ls_xmalloc(size_t n);
void *ls_xcalloc(size_t n, size_t size);
void *ls_xrealloc(void *p, size_t n);
char *ls_xstrdup(const char *s);
char *ls_xstrndup(const char *s, size_t n);

#endif
