/* libstage/tokens.c: the token type tables (from tokens.def) and the writer
 * of the token stream (format "tokens", formats/tokens.md), used by pytok.
 *
 * One token line is what Lib/tokenize.py's main() prints with -e:
 *     "%-20s%-15s%-15r" % ("L,C-EL,EC:", TYPE_NAME, string)
 * Padding counts characters (code points), as Python's % formatting does;
 * repr() is libstage/repr.c's ls_repr_str().
 * (The reader, tok_read(), lives in libstage/tokread.c.)
 */
#include "libstage/tokens.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/repr.h"
#include "libstage/unicode.h"

const char *const tok_type_names[TOK_NTYPES] = {
#define TOK(name, str) #name,
#include "libstage/tokens.def"
#undef TOK
};

const char *const tok_type_strings[TOK_NTYPES] = {
#define TOK(name, str) str,
#include "libstage/tokens.def"
#undef TOK
};

TokType tok_exact_type(const char *s, size_t len)
{
    for (int t = 0; t < TOK_NTYPES; t++) {
        const char *op = tok_type_strings[t];
        if (op && strlen(op) == len && memcmp(op, s, len) == 0)
            return (TokType)t;
    }
    return TOK_OP;
}

TokType tok_type_by_name(const char *s, size_t len)
{
    for (int t = 0; t < TOK_NTYPES; t++)
        if (strlen(tok_type_names[t]) == len && memcmp(tok_type_names[t], s, len) == 0)
            return (TokType)t;
    return TOK_NTYPES;
}

/* A small output buffer on the stack that spills to the heap. */
typedef struct LineBuf {
    char *p;          /* the bytes: stack or heap */
    size_t len;       /* bytes used */
    size_t cap;       /* bytes available */
    bool heap;        /* p was malloc'd */
} LineBuf;

static void lb_grow(LineBuf *b, size_t extra)
{
    size_t cap = b->cap * 2 + extra;
    char *q = ls_xmalloc(cap);
    memcpy(q, b->p, b->len);
    if (b->heap)
        free(b->p);
    b->p = q;
    b->cap = cap;
    b->heap = true;
}

static inline void lb_putc(LineBuf *b, char c)
{
    if (b->len == b->cap)
        lb_grow(b, 1);
    b->p[b->len++] = c;
}

static void lb_put(LineBuf *b, const char *s, size_t n)
{
    if (b->cap - b->len < n)
        lb_grow(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void lb_pad(LineBuf *b, size_t have, size_t width)
{
    while (have++ < width)
        lb_putc(b, ' ');
}

/* Decimal digits of v (>= 0) at p, which has room for 10; returns how many. */
static inline size_t put_int(char *p, int v)
{
    char tmp[12];
    size_t n = 0;
    unsigned u = v < 0 ? 0u : (unsigned)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    for (size_t k = 0; k < n; k++)
        p[k] = tmp[n - 1 - k];
    return n;
}

/* Is s plain printable ASCII with no quote or backslash, so that its repr()
 * is just s in single quotes? */
static inline bool plain_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x7F || c == '\\' || c == '\'')
            return false;
    }
    return true;
}

#if defined(__GLIBC__)
#define WRITE_OUT(p, n, f) fwrite_unlocked(p, 1, n, f)
#else
#define WRITE_OUT(p, n, f) fwrite(p, 1, n, f)
#endif

void tok_write(FILE *out, const Token *t)
{
    char stack[256];
    LineBuf b = {stack, 0, sizeof stack, false};
    char *p = stack;                    /* the position part fits: 4 ints */
    size_t w;

    w = put_int(p, t->lineno);
    p[w++] = ',';
    w += put_int(p + w, t->col);
    p[w++] = '-';
    w += put_int(p + w, t->end_lineno);
    p[w++] = ',';
    w += put_int(p + w, t->end_col);
    p[w++] = ':';
    while (w < 20)
        p[w++] = ' ';

    const char *name = (unsigned)t->type < TOK_NTYPES ? tok_type_names[t->type] : "?";
    size_t nl = strlen(name);
    memcpy(p + w, name, nl);            /* names are shorter than 20 */
    w += nl;
    while (nl++ < 15)
        p[w++] = ' ';

    /* repr(string), padded by characters */
    if (t->len < 128 && plain_ascii(t->str, t->len)) {
        /* the common case fits the stack buffer: 20 + 19 + 130 + 13 + 1 */
        p[w++] = '\'';
        memcpy(p + w, t->str, t->len);
        w += t->len;
        p[w++] = '\'';
        for (size_t k = t->len + 2; k < 15; k++)
            p[w++] = ' ';
        p[w++] = '\n';
        WRITE_OUT(p, w, out);
        return;
    } else {
        b.len = w;
        static Buf r = BUF_INIT;        /* kept between calls */
        r.len = 0;
        ls_repr_str(&r, t->str, t->len);
        lb_put(&b, r.data, r.len);
        lb_pad(&b, ls_utf8_count(r.data, r.len), 15);
    }
    lb_putc(&b, '\n');
    WRITE_OUT(b.p, b.len, out);
    if (b.heap)
        free(b.p);
}
