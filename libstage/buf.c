/* libstage/buf.c: a growable byte buffer. */
#include "libstage/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Grows b to hold extra more bytes and the NUL: the capacity doubles, or
 * when the doubled size is not there, what is needed and an eighth more
 * (so that a string grown one byte at a time near the memory limit still
 * reallocates only now and then).  False (and
 * b->oom set) when even that fails or the size overflows; the data stay. */
static bool grow(Buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (extra >= SIZE_MAX - 1 - b->len) {
        b->oom = true;
        return false;
    }
    size_t need = b->len + extra + 1, cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    size_t some = need + (need >> 3 < SIZE_MAX - need ? need >> 3 : 0);
    if (!p && cap > some)
        p = realloc(b->data, cap = some);
    if (!p && cap > need)
        p = realloc(b->data, cap = need);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void buf_reserve(Buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap && b->len + extra + 1 > b->len)
        return;
    if (!grow(b, extra))
        ls_die(LS_EXIT_USAGE, "out of memory");
}

bool buf_try_reserve(Buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap && b->len + extra + 1 > b->len)
        return !b->oom;
    return grow(b, extra);
}

/* Room for n more bytes in a put: exits on failure unless b is soft. */
static bool room(Buf *b, size_t n)
{
    if (b->len + n + 1 <= b->cap && b->len + n + 1 > b->len && !b->oom)
        return true;
    if (grow(b, n))
        return true;
    if (!b->soft)
        ls_die(LS_EXIT_USAGE, "out of memory");
    return false;
}

void buf_put(Buf *b, const void *p, size_t n)
{
    if (!room(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_puts(Buf *b, const char *s)
{
    buf_put(b, s, strlen(s));
}

void buf_putc(Buf *b, int c)
{
    if (b->len + 2 > b->cap && !room(b, 1))
        return;
    b->data[b->len++] = (char)c;
    b->data[b->len] = '\0';
}

/* Formats straight into the spare room (at least 64 bytes made), and only
 * when that was too small a second time after growing: one vsnprintf call
 * for the usual short piece instead of two. */
void buf_vprintf(Buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    if (!room(b, 64))
        return;
    size_t spare = b->cap - b->len;
    va_copy(ap2, ap);
    int n = vsnprintf(b->data + b->len, spare, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= spare) {
        if (!room(b, (size_t)n)) {
            b->data[b->len] = '\0';
            return;
        }
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void buf_free(Buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}

char *buf_take(Buf *b)
{
    if (!b->data)
        buf_reserve(b, 0);
    char *p = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}
