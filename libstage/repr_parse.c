/* libstage/repr_parse.c: reading back a constant written as CPython's repr()
 * (ls_parse_const of repr.h).  Used by every reader of a textual format
 * that carries Python values: the AST text (Constant.value, identifiers),
 * the symbol table document, the CFG text.
 *
 * Accepted forms:
 *   str     'x' "x" '''x''' """x""" with optional prefix r/u (any case)
 *   bytes   b'x' and the same quote forms, prefix b/br/rb (any case)
 *   int     [-]digits, any size (kept as decimal text)
 *   float   [-]digits.digits[e[+-]digits], [-]digitse[+-]digits, inf, nan
 *   complex NUMj, (REAL+IMAGj), (REAL-IMAGj), with inf/nan parts
 *   None True False Ellipsis
 *   tuple   () (x,) (x, y, ...) of any of these
 * Escapes: \\ \' \" \a \b \f \n \r \t \v \ooo \xhh, and for str \uXXXX
 * \UXXXXXXXX; a backslash before a newline continues the line.
 */
#include "libstage/repr.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Append code point cp as (generalized) UTF-8: surrogates get their
 * 3-byte form, as const.h says. */
static void put_utf8(Buf *b, unsigned long cp)
{
    if (cp < 0x80) {
        buf_putc(b, (int)cp);
    } else if (cp < 0x800) {
        buf_putc(b, (int)(0xC0 | (cp >> 6)));
        buf_putc(b, (int)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        buf_putc(b, (int)(0xE0 | (cp >> 12)));
        buf_putc(b, (int)(0x80 | ((cp >> 6) & 0x3F)));
        buf_putc(b, (int)(0x80 | (cp & 0x3F)));
    } else {
        buf_putc(b, (int)(0xF0 | (cp >> 18)));
        buf_putc(b, (int)(0x80 | ((cp >> 12) & 0x3F)));
        buf_putc(b, (int)(0x80 | ((cp >> 6) & 0x3F)));
        buf_putc(b, (int)(0x80 | (cp & 0x3F)));
    }
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* A string or bytes literal at *p. */
static bool parse_string(Arena *a, const char **pp, const char *end, Const *out,
                         const char **err)
{
    const char *p = *pp;
    bool bytes = false, raw = false;
    while (p < end && strchr("bBrRuU", *p) && *p) {
        if (*p == 'b' || *p == 'B')
            bytes = true;
        else if (*p == 'r' || *p == 'R')
            raw = true;
        p++;
    }
    if (p >= end || (*p != '\'' && *p != '"')) {
        *err = "expected a string literal";
        return false;
    }
    char q = *p;
    int qlen = 1;
    if (end - p >= 3 && p[1] == q && p[2] == q)
        qlen = 3;
    p += qlen;
    if (qlen == 1) {
        /* fast path: no escape before the closing quote (names, most
         * strings): the text between the quotes is the value */
        const char *s = p;
        while (s < end && *s != q && *s != '\\' && *s != '\n' &&
               !(bytes && (unsigned char)*s >= 0x80))
            s++;
        if (s < end && *s == q) {
            size_t n = (size_t)(s - p);
            char *d = arena_alloc(a, n + 1);
            if (n)
                memcpy(d, p, n);
            d[n] = '\0';
            out->kind = bytes ? CONST_BYTES : CONST_STR;
            out->u.s.len = n;
            out->u.s.data = d;
            *pp = s + 1;
            return true;
        }
    }
    Buf b = BUF_INIT;
    buf_reserve(&b, 16);
    for (;;) {
        if (p >= end) {
            *err = "unterminated string literal";
            buf_free(&b);
            return false;
        }
        char c = *p;
        if (c == q && (qlen == 1 || (end - p >= 3 && p[1] == q && p[2] == q))) {
            p += qlen;
            break;
        }
        if (c == '\n' && qlen == 1) {
            *err = "newline in string literal";
            buf_free(&b);
            return false;
        }
        if (c != '\\' || raw) {
            if (bytes && (unsigned char)c >= 0x80) {
                *err = "non-ASCII character in bytes literal";
                buf_free(&b);
                return false;
            }
            buf_putc(&b, c);
            p++;
            continue;
        }
        p++;
        if (p >= end) {
            *err = "unterminated escape";
            buf_free(&b);
            return false;
        }
        c = *p++;
        unsigned long v;
        int n;
        switch (c) {
        case '\n': break;
        case '\\': buf_putc(&b, '\\'); break;
        case '\'': buf_putc(&b, '\''); break;
        case '"': buf_putc(&b, '"'); break;
        case 'a': buf_putc(&b, '\a'); break;
        case 'b': buf_putc(&b, '\b'); break;
        case 'f': buf_putc(&b, '\f'); break;
        case 'n': buf_putc(&b, '\n'); break;
        case 'r': buf_putc(&b, '\r'); break;
        case 't': buf_putc(&b, '\t'); break;
        case 'v': buf_putc(&b, '\v'); break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
            v = (unsigned long)(c - '0');
            for (n = 1; n < 3 && p < end && *p >= '0' && *p <= '7'; n++)
                v = v * 8 + (unsigned long)(*p++ - '0');
            if (bytes)
                buf_putc(&b, (int)(v & 0xFF));
            else
                put_utf8(&b, v);
            break;
        case 'x': case 'u': case 'U':
            n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            if (bytes && c != 'x') {
                buf_putc(&b, '\\');
                buf_putc(&b, c);
                break;
            }
            v = 0;
            for (int i = 0; i < n; i++) {
                if (p >= end || hexval((unsigned char)*p) < 0) {
                    *err = "truncated \\x, \\u or \\U escape";
                    buf_free(&b);
                    return false;
                }
                v = v * 16 + (unsigned long)hexval((unsigned char)*p++);
            }
            if (v > 0x10FFFF) {
                *err = "escape out of the Unicode range";
                buf_free(&b);
                return false;
            }
            if (bytes)
                buf_putc(&b, (int)v);
            else
                put_utf8(&b, v);
            break;
        default:
            /* unknown escapes stay as written, as Python does */
            buf_putc(&b, '\\');
            buf_putc(&b, c);
            break;
        }
    }
    out->kind = bytes ? CONST_BYTES : CONST_STR;
    out->u.s.len = b.len;
    char *s = arena_alloc(a, b.len + 1);
    if (b.len)
        memcpy(s, b.data, b.len);
    s[b.len] = '\0';
    out->u.s.data = s;
    buf_free(&b);
    *pp = p;
    return true;
}

static bool word_at(const char *p, const char *end, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(end - p) < n || memcmp(p, w, n) != 0)
        return false;
    return p + n == end || !(isalnum((unsigned char)p[n]) || p[n] == '_');
}

/* A real number at *p: [-]inf, [-]nan, or digits with '.'/exponent.
 * Sets *is_float (false: an integer, text in [start, *p)). */
static bool parse_real(const char **pp, const char *end, double *d, bool *is_float)
{
    const char *p = *pp, *start = p;
    if (p < end && (*p == '-' || *p == '+'))
        p++;
    if (end - p >= 3 && (memcmp(p, "inf", 3) == 0 || memcmp(p, "nan", 3) == 0)) {
        bool neg = *start == '-';
        *d = p[0] == 'i' ? (neg ? -(double)INFINITY : (double)INFINITY)
                         : (neg ? -(double)NAN : (double)NAN);
        *is_float = true;
        *pp = p + 3;
        return true;
    }
    const char *digits = p;
    while (p < end && isdigit((unsigned char)*p))
        p++;
    bool fl = false;
    if (p < end && *p == '.') {
        fl = true;
        p++;
        while (p < end && isdigit((unsigned char)*p))
            p++;
    }
    if (p == digits || (p == digits + 1 && *digits == '.'))
        return false;
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < end && (*q == '+' || *q == '-'))
            q++;
        if (q < end && isdigit((unsigned char)*q)) {
            fl = true;
            while (q < end && isdigit((unsigned char)*q))
                q++;
            p = q;
        }
    }
    char tmp[512];
    size_t n = (size_t)(p - start);
    if (!fl && !(p < end && (*p == 'j' || *p == '+' || *p == '-'))) {
        /* an int (not the real or imaginary part of a complex): its value
         * is the text, no strtod() needed */
        *d = 0;
    } else if (n < sizeof tmp) {
        memcpy(tmp, start, n);
        tmp[n] = '\0';
        *d = strtod(tmp, NULL);
    } else {
        *d = 0;
    }
    *is_float = fl;
    *pp = p;
    return true;
}

static bool parse_value(Arena *a, const char **pp, const char *end, Const *out,
                        const char **err, int depth);

/* '(' already seen at *pp: a complex (REAL+IMAGj) or a tuple. */
static bool parse_paren(Arena *a, const char **pp, const char *end, Const *out,
                        const char **err, int depth)
{
    const char *p = *pp + 1;
    /* complex: (REAL[+-]IMAGj) */
    {
        const char *q = p;
        double re, im;
        bool fl;
        if (parse_real(&q, end, &re, &fl) && q < end && (*q == '+' || *q == '-')) {
            const char *r = q;
            if (parse_real(&r, end, &im, &fl) && r + 1 < end && r[0] == 'j' && r[1] == ')') {
                out->kind = CONST_COMPLEX;
                out->u.c.real = re;
                out->u.c.imag = im;
                *pp = r + 2;
                return true;
            }
        }
    }
    Const **items = NULL;
    size_t n = 0, cap = 0;
    bool ok = false;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\n'))
            p++;
        if (p < end && *p == ')') {
            p++;
            ok = true;
            break;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            items = ls_xrealloc(items, cap * sizeof *items);
        }
        Const *c = arena_alloc(a, sizeof *c);
        if (!parse_value(a, &p, end, c, err, depth + 1))
            break;
        items[n++] = c;
        while (p < end && (*p == ' ' || *p == '\n'))
            p++;
        if (p < end && *p == ',') {
            p++;
            continue;
        }
        if (p < end && *p == ')') {
            if (n == 1) {
                *err = "a one-item tuple needs a comma";
                break;
            }
            p++;
            ok = true;
            break;
        }
        *err = p < end ? "expected ',' or ')' in a tuple" : "unterminated tuple";
        break;
    }
    if (ok) {
        out->kind = CONST_TUPLE;
        out->u.t.len = n;
        out->u.t.items = arena_alloc(a, (n ? n : 1) * sizeof *items);
        if (n)
            memcpy(out->u.t.items, items, n * sizeof *items);
        *pp = p;
    }
    free(items);
    return ok;
}

static bool parse_value(Arena *a, const char **pp, const char *end, Const *out,
                        const char **err, int depth)
{
    const char *p = *pp;
    memset(out, 0, sizeof *out);
    if (depth > 200) {
        *err = "constant nested too deeply";
        return false;
    }
    if (p >= end) {
        *err = "expected a constant, found the end of the input";
        return false;
    }
    char c = *p;
    if (c == '\'' || c == '"' ||
        ((strchr("bBrRuU", c) && c) && p + 1 < end &&
         (p[1] == '\'' || p[1] == '"' ||
          (strchr("bBrR", p[1]) && p[1] && p + 2 < end && (p[2] == '\'' || p[2] == '"')))))
        return parse_string(a, pp, end, out, err);
    if (c == '(')
        return parse_paren(a, pp, end, out, err, depth);
    static const struct { const char *w; ConstKind k; } words[] = {
        {"None", CONST_NONE}, {"True", CONST_TRUE}, {"False", CONST_FALSE},
        {"Ellipsis", CONST_ELLIPSIS},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (word_at(p, end, words[i].w)) {
            out->kind = words[i].k;
            *pp = p + strlen(words[i].w);
            return true;
        }
    const char *start = p;
    double d;
    bool fl;
    if (!parse_real(&p, end, &d, &fl)) {
        *err = "expected a constant";
        return false;
    }
    if (p < end && p[0] == 'j') {
        out->kind = CONST_COMPLEX;
        out->u.c.real = 0.0;
        out->u.c.imag = d;
        p++;
    } else if (fl) {
        out->kind = CONST_FLOAT;
        out->u.f = d;
    } else {
        const char *s = start;
        if (*s == '+')
            s++;
        out->kind = CONST_INT;
        out->u.i = arena_strndup(a, s, (size_t)(p - s));
    }
    if (p < end && (isalnum((unsigned char)*p) || *p == '_' || *p == '.')) {
        *err = "malformed number";
        return false;
    }
    *pp = p;
    return true;
}

bool ls_parse_const(Arena *a, const char **p, const char *end, Const *out,
                    const char **err)
{
    return parse_value(a, p, end, out, err, 0);
}
