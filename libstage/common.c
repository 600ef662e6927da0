/* libstage/common.c: program name, fatal errors, checked allocation. */
#include "libstage/common.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *ls_progname = "pytools";

void ls_init(const char *progname)
{
    ls_progname = progname;
}

static void vwarn(const char *fmt, va_list ap)
{
    fflush(stdout);
    fprintf(stderr, "%s: ", ls_progname);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void ls_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(fmt, ap);
    va_end(ap);
}

LsDieTrap *ls_die_trap;

noreturn void ls_die(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (ls_die_trap) {
        LsDieTrap *t = ls_die_trap;
        ls_die_trap = NULL;          /* a second failure while unwinding exits */
        vsnprintf(t->msg, sizeof t->msg, fmt, ap);
        va_end(ap);
        t->status = status;
        longjmp(*(jmp_buf *)t->jb, 1);
    }
    vwarn(fmt, ap);
    va_end(ap);
    exit(status);
}

bool (*ls_oom_hook)(void);

static noreturn void oom(void)
{
    ls_die(LS_EXIT_USAGE, "out of memory");
}

/* After a failed allocation: true when the hook freed memory to try again. */
static bool retry(void)
{
    return ls_oom_hook && ls_oom_hook();
}

void *ls_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p && (!retry() || !(p = malloc(n ? n : 1))))
        oom();
    return p;
}

void *ls_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p && (!retry() || !(p = calloc(n ? n : 1, size ? size : 1))))
        oom();
    return p;
}

void *ls_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q && (!retry() || !(q = realloc(p, n ? n : 1))))
        oom();
    return q;
}

char *ls_xstrndup(const char *s, size_t n)
{
    char *p = ls_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *ls_xstrdup(const char *s)
{
    return ls_xstrndup(s, strlen(s));
}
