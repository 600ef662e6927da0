/* libstage/repr.c: the writer half of repr.h: Python's repr() of constants,
 * as CPython 3.11 prints them (token strings, AST constants, CFG constants).
 * The reader half, ls_parse_const(), is in repr_parse.c.
 */
#include "libstage/repr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/code.h"
#include "libstage/unicode.h"

void ls_repr_str(Buf *b, const char *s, size_t len)
{
    bool sq = memchr(s, '\'', len) != NULL, dq = memchr(s, '"', len) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    buf_reserve(b, len + 2);
    buf_putc(b, quote);
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        /* a run of printable ASCII that needs no escape, copied at once */
        size_t j = i;
        while (j < len && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7f &&
               s[j] != quote && s[j] != '\\')
            j++;
        if (j > i) {
            buf_put(b, s + i, j - i);
            i = j;
            continue;
        }
        if (c < 0x80) {
            if (c == (unsigned char)quote || c == '\\') {
                buf_putc(b, '\\');
                buf_putc(b, (char)c);
            } else if (c == '\n') {
                buf_puts(b, "\\n");
            } else if (c == '\r') {
                buf_puts(b, "\\r");
            } else if (c == '\t') {
                buf_puts(b, "\\t");
            } else if (c < 0x20 || c == 0x7f) {
                buf_printf(b, "\\x%02x", c);
            } else {
                buf_putc(b, (char)c);
            }
            i++;
            continue;
        }
        uint32_t cp;
        int k = ls_utf8_decode(s + i, len - i, &cp);
        if (k <= 0) {
            /* A lone surrogate, stored as its 3-byte generalized UTF-8. */
            if (c == 0xed && len - i >= 3) {
                cp = ((uint32_t)(c & 0x0f) << 12) | ((uint32_t)(s[i + 1] & 0x3f) << 6) |
                     (uint32_t)(s[i + 2] & 0x3f);
                buf_printf(b, "\\u%04x", (unsigned)cp);
                i += 3;
            } else {
                buf_printf(b, "\\x%02x", c);
                i++;
            }
            continue;
        }
        if (ls_uni_isprintable(cp))
            buf_put(b, s + i, (size_t)k);
        else if (cp < 0x100)
            buf_printf(b, "\\x%02x", (unsigned)cp);
        else if (cp < 0x10000)
            buf_printf(b, "\\u%04x", (unsigned)cp);
        else
            buf_printf(b, "\\U%08x", (unsigned)cp);
        i += (size_t)k;
    }
    buf_putc(b, quote);
}

void ls_repr_bytes(Buf *b, const char *s, size_t len)
{
    bool sq = memchr(s, '\'', len) != NULL, dq = memchr(s, '"', len) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    buf_putc(b, 'b');
    buf_putc(b, quote);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)quote || c == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)c);
        } else if (c == '\n') {
            buf_puts(b, "\\n");
        } else if (c == '\r') {
            buf_puts(b, "\\r");
        } else if (c == '\t') {
            buf_puts(b, "\\t");
        } else if (c < 0x20 || c >= 0x7f) {
            buf_printf(b, "\\x%02x", c);
        } else {
            buf_putc(b, (char)c);
        }
    }
    buf_putc(b, quote);
}

/* CPython's float_repr_style 'r': the shortest digits that read back, in
 * fixed notation when -4 < exponent <= 16, else scientific.  dot0 adds ".0"
 * to integral fixed output (float repr; complex parts do not); sign forces
 * a '+' on non-negative numbers. */
/* The shortest digit string that reads back as d (finite, > 0), and among
 * strings of that length the closest to d, as CPython's repr: at each length
 * the correctly rounded string, else its neighbour on d's other side (which
 * can read back when the rounded one does not, e.g. for 2**-24). */
int ls_double_digits(double d, char digits[24], int *exp10)
{
    int nd = 0;
    for (int prec = 1; prec <= 17; prec++) {
        char tmp[48];
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
        const char *p = tmp;
        nd = 0;
        for (; *p && *p != 'e'; p++)
            if (*p != '.')
                digits[nd++] = *p;
        *exp10 = atoi(p + 1);
        double back = strtod(tmp, NULL);
        if (back == d || prec == 17)
            break;
        /* the neighbour: one unit up or down in the last digit */
        char alt[24];
        memcpy(alt, digits, (size_t)nd);
        int aexp = *exp10, i = nd - 1;
        if (back < d) {
            while (i >= 0 && alt[i] == '9')
                alt[i--] = '0';
            if (i >= 0)
                alt[i]++;
            else {
                alt[0] = '1';   /* 9.99 -> 10.0: one more decade */
                aexp++;
            }
        } else {
            while (i >= 0 && alt[i] == '0')
                alt[i--] = '9';
            if (i < 0 || (i == 0 && alt[0] == '1'))
                continue;       /* 1.00 -> 0.999: not of this length */
            alt[i]--;
        }
        snprintf(tmp, sizeof tmp, "%c.%.*se%d", alt[0], nd - 1, alt + 1, aexp);
        if (strtod(tmp, NULL) == d) {
            memcpy(digits, alt, (size_t)nd);
            *exp10 = aexp;
            break;
        }
    }
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    return nd;
}

static void put_double(Buf *b, double d, bool dot0, bool sign)
{
    if (isnan(d)) {
        buf_puts(b, sign ? "+nan" : "nan");
        return;
    }
    if (isinf(d)) {
        buf_puts(b, d < 0 ? "-inf" : sign ? "+inf" : "inf");
        return;
    }
    if (signbit(d))
        buf_putc(b, '-');
    else if (sign)
        buf_putc(b, '+');
    d = fabs(d);
    if (d == 0) {
        buf_puts(b, dot0 ? "0.0" : "0");
        return;
    }
    char digits[32];
    int exp;
    int nd = ls_double_digits(d, digits, &exp);
    digits[nd] = '\0';
    int decpt = exp + 1;
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            buf_puts(b, "0.");
            for (int i = 0; i < -decpt; i++)
                buf_putc(b, '0');
            buf_puts(b, digits);
        } else if (decpt >= nd) {
            buf_puts(b, digits);
            for (int i = nd; i < decpt; i++)
                buf_putc(b, '0');
            if (dot0)
                buf_puts(b, ".0");
        } else {
            buf_put(b, digits, (size_t)decpt);
            buf_putc(b, '.');
            buf_puts(b, digits + decpt);
        }
    } else {
        buf_putc(b, digits[0]);
        if (nd > 1) {
            buf_putc(b, '.');
            buf_puts(b, digits + 1);
        }
        buf_printf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
}

void ls_repr_float(Buf *b, double d)
{
    put_double(b, d, true, false);
}

void ls_repr_complex(Buf *b, double real, double imag)
{
    if (real == 0 && !signbit(real)) {
        put_double(b, imag, false, false);
        buf_putc(b, 'j');
        return;
    }
    buf_putc(b, '(');
    put_double(b, real, false, false);
    put_double(b, imag, false, true);
    buf_puts(b, "j)");
}

void ls_repr_const(Buf *b, const Const *c)
{
    switch (c->kind) {
    case CONST_NONE: buf_puts(b, "None"); break;
    case CONST_TRUE: buf_puts(b, "True"); break;
    case CONST_FALSE: buf_puts(b, "False"); break;
    case CONST_ELLIPSIS: buf_puts(b, "Ellipsis"); break;
    case CONST_INT: buf_puts(b, c->u.i); break;
    case CONST_FLOAT: ls_repr_float(b, c->u.f); break;
    case CONST_COMPLEX: ls_repr_complex(b, c->u.c.real, c->u.c.imag); break;
    case CONST_STR: ls_repr_str(b, c->u.s.data, c->u.s.len); break;
    case CONST_BYTES: ls_repr_bytes(b, c->u.s.data, c->u.s.len); break;
    case CONST_TUPLE:
        buf_putc(b, '(');
        for (size_t i = 0; i < c->u.t.len; i++) {
            if (i)
                buf_puts(b, ", ");
            ls_repr_const(b, c->u.t.items[i]);
        }
        if (c->u.t.len == 1)
            buf_putc(b, ',');
        buf_putc(b, ')');
        break;
    case CONST_FROZENSET:
        if (c->u.t.len == 0) {
            buf_puts(b, "frozenset()");
            break;
        }
        buf_puts(b, "frozenset({");
        for (size_t i = 0; i < c->u.t.len; i++) {
            if (i)
                buf_puts(b, ", ");
            ls_repr_const(b, c->u.t.items[i]);
        }
        buf_puts(b, "})");
        break;
    case CONST_CODE:
        buf_printf(b, "<code %s>", c->u.code && c->u.code->name ? c->u.code->name : "?");
        break;
    }
}
