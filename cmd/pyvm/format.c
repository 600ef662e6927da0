/* cmd/pyvm/format.c: format(value, spec) for int, float, complex, str and
 * bool (format-spec mini-language:
 *   [[fill]align][sign][z][#][0][width][grouping][.precision][type]).
 *
 * Stage: pyvm.  Float digits come from the C library's printf, which is
 * correctly rounded (glibc), as CPython's own conversion is; the error
 * messages and their order are CPython's.
 */
#include "cmd/pyvm/format.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/complex.h"
#include "cmd/pyvm/descr.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/str.h"
#include "libstage/unicode.h"

typedef struct Spec {
    char fill[5];           /* UTF-8 fill character */
    size_t filln;           /* its length in bytes (it may be NUL) */
    char align;             /* '<' '>' '^' '=' or 0 */
    char sign;              /* '+' '-' ' ' or 0 */
    bool alt;               /* '#' */
    bool zero;              /* '0' */
    bool zcoerce;           /* 'z': negative zero shown as zero (floats) */
    long width;             /* -1: none */
    char group;             /* ',' '_' or 0 */
    long prec;              /* -1: none */
    char type;              /* presentation type or 0 */
    bool align_given;       /* align came from the spec, not from the '0' flag */
} Spec;

/* Parse decimal digits at s[*i]; ValueError when too many. */
static int parse_num(const char *s, size_t len, size_t *i, long *out)
{
    long v = 0;
    while (*i < len && s[*i] >= '0' && s[*i] <= '9') {
        if (v > (LONG_MAX - 9) / 10) {
            vm_err_str(&vm_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (s[(*i)++] - '0');
    }
    *out = v;
    return 0;
}

static int parse_spec(const char *s, size_t len, Spec *sp, const char *tname, char deftype)
{
    bool fill_given = false;
    memset(sp, 0, sizeof *sp);
    strcpy(sp->fill, " ");
    sp->filln = 1;
    sp->width = sp->prec = -1;
    size_t i = 0;
    /* fill + align: the fill may be a multi-byte character */
    size_t cl = 1;
    if (len > 0 && ((unsigned char)s[0] & 0x80)) {
        while (cl < len && ((unsigned char)s[cl] & 0xc0) == 0x80)
            cl++;
    }
    if (len > cl && strchr("<>^=", s[cl]) && s[cl]) {
        memcpy(sp->fill, s, cl);
        sp->fill[cl] = '\0';
        sp->filln = cl;
        fill_given = true;
        sp->align = s[cl];
        i = cl + 1;
    } else if (len > 0 && strchr("<>^=", s[0]) && s[0]) {
        sp->align = s[0];
        i = 1;
    }
    sp->align_given = sp->align != 0;
    if (i < len && (s[i] == '+' || s[i] == '-' || s[i] == ' '))
        sp->sign = s[i++];
    if (i < len && s[i] == 'z') {
        sp->zcoerce = true;
        i++;
    }
    if (i < len && s[i] == '#') {
        sp->alt = true;
        i++;
    }
    if (i < len && s[i] == '0') {
        sp->zero = true;
        i++;
    }
    if (i < len && s[i] >= '0' && s[i] <= '9' && parse_num(s, len, &i, &sp->width) < 0)
        return -1;
    if (i < len && (s[i] == ',' || s[i] == '_')) {
        sp->group = s[i++];
        if (i < len && (s[i] == ',' || s[i] == '_')) {
            vm_err_str(&vm_exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (i < len && s[i] == '.') {
        i++;
        if (i >= len || !(s[i] >= '0' && s[i] <= '9')) {
            vm_err_str(&vm_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
        if (parse_num(s, len, &i, &sp->prec) < 0)
            return -1;
    }
    if (len - i > 1) {
        vm_err_fmt(&vm_exc_ValueError, "Invalid format specifier '%.*s' for object of type '%s'",
                   (int)len, s, tname);
        return -1;
    }
    if (i < len)
        sp->type = s[i++];
    if (sp->group) {
        switch (sp->type ? sp->type : deftype) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (sp->group == '_')
                break;
            /* fall through */
        default:
            if ((unsigned char)(sp->type ? sp->type : deftype) > 0x20
                && (unsigned char)(sp->type ? sp->type : deftype) < 0x7f)
                vm_err_fmt(&vm_exc_ValueError, "Cannot specify '%c' with '%c'.", sp->group,
                           sp->type ? sp->type : deftype);
            else
                vm_err_fmt(&vm_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", sp->group,
                           (unsigned)(unsigned char)sp->type);
            return -1;
        }
    }
    if (sp->zero && !fill_given) {
        /* '0' without an explicit fill: zeros, and '=' when no alignment
         * was given (the type decides later whether '=' applies) */
        strcpy(sp->fill, "0");
        sp->filln = 1;
        if (!sp->align)
            sp->align = '=';
    }
    return 0;
}

static long ulen(const char *s, size_t n)
{
    long c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

/* Pad body (with its sign/prefix part of length nprefix) to the width. */
static Obj *pad(const Spec *sp, const char *body, size_t n, size_t nprefix, char defalign)
{
    char align = sp->align ? sp->align : defalign;
    long w = ulen(body, n), fillc = sp->width > w ? sp->width - w : 0;
    Buf b = BUF_INIT;
    long left = align == '>' ? fillc : align == '^' ? fillc / 2 : 0;
    long right = fillc - left;
    /* the whole result at once: a huge width is a MemoryError, as in CPython */
    if ((unsigned long)fillc > SIZE_MAX / 4 - n || !buf_try_reserve(&b, n + (size_t)fillc * sp->filln))
        return vm_err_nomem();
    if (align == '=') {
        buf_put(&b, body, nprefix);
        for (long i = 0; i < fillc; i++)
            buf_put(&b, sp->fill, sp->filln);
        buf_put(&b, body + nprefix, n - nprefix);
    } else {
        if (align == '<')
            left = 0, right = fillc;
        for (long i = 0; i < left; i++)
            buf_put(&b, sp->fill, sp->filln);
        buf_put(&b, body, n);
        for (long i = 0; i < right; i++)
            buf_put(&b, sp->fill, sp->filln);
    }
    Obj *r = vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

/* Insert grouping separators every 3 (or 4 for x/o/b) digits of the integer
 * part digits[0..n). */
static void group_digits(Buf *out, const char *d, size_t n, char sep, int every);

/* Grouped digits d[0..n) for a spec that pads with '0' after the sign: the
 * padding zeros are grouped too (CPython: "0,001,234"), so the result may
 * be one character wider than the width. */
static void group_digits_padded(Buf *out, const char *d, size_t n, const Spec *sp,
                                size_t nprefix, size_t nrest, int every)
{
    long minw = sp->width - (long)nprefix - (long)nrest;
    size_t D = n;
    while ((long)(D + (D - 1) / (size_t)every) < minw)
        D++;
    Buf z = BUF_INIT;
    for (size_t i = n; i < D; i++)
        buf_putc(&z, '0');
    buf_put(&z, d, n);
    group_digits(out, z.data, z.len, sp->group, every);
    buf_free(&z);
}

/* Does the spec zero-pad a grouped number ("012,d", "0=12,")? */
static bool zero_grouped(const Spec *sp)
{
    return sp->group && sp->width > 0 && sp->align == '=' && strcmp(sp->fill, "0") == 0;
}

static void group_digits(Buf *out, const char *d, size_t n, char sep, int every)
{
    for (size_t i = 0; i < n; i++) {
        buf_putc(out, d[i]);
        size_t left = n - 1 - i;
        if (sep && left > 0 && left % (size_t)every == 0)
            buf_putc(out, sep);
    }
}

/* ValueError for a presentation type the object's type does not know;
 * CPython shows it as '\xNN' unless it is a visible ASCII character. */
static Obj *unknown_code(char type, const char *tname)
{
    unsigned char c = (unsigned char)type;
    if (c > 32 && c < 127)
        return vm_err_fmt(&vm_exc_ValueError, "Unknown format code '%c' for object of type "
                          "'%s'", type, tname);
    return vm_err_fmt(&vm_exc_ValueError, "Unknown format code '\\x%x' for object of type "
                      "'%s'", (unsigned)c, tname);
}

static Obj *format_float(Obj *v, const Spec *sp);

static Obj *format_int(Obj *v, const Spec *sp)
{
    char type = sp->type ? sp->type : 'd';
    if (strchr("eEfFgG%", type) && type) {
        double d;
        if (vm_int_as_double(v, &d) < 0)
            return NULL;
        Obj *f = vm_float_new(d);
        Obj *r = format_float(f, sp);
        DECREF(f);
        return r;
    }
    if (!strchr("bcdoxXn", type))
        return unknown_code(type, vm_tname(v));
    if (sp->prec >= 0)
        return vm_err_str(&vm_exc_ValueError, "Precision not allowed in integer format specifier");
    if (sp->zcoerce)
        return vm_err_str(&vm_exc_ValueError, "Negative zero coercion (z) not allowed in integer "
                          "format specifier");
    Buf digits = BUF_INIT;
    bool neg = false;
    if (type == 'c') {
        if (sp->sign)
            return vm_err_str(&vm_exc_ValueError,
                              "Sign not allowed with integer format specifier 'c'");
        if (sp->alt)
            return vm_err_str(&vm_exc_ValueError,
                              "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t c;
        if (vm_int_as_i64(v, &c) < 0)
            return NULL;
        if (c < 0 || c > 0x10ffff)
            return vm_err_str(&vm_exc_OverflowError, "%c arg not in range(0x110000)");
        char u[4];
        int k = ls_utf8_encode((uint32_t)c, u);
        return pad(sp, u, (size_t)k, 0, '>');
    }
    if (type == 'd' || type == 'n') {
        if (vm_int_format(&digits, v) < 0) {
            buf_free(&digits);
            return NULL;
        }
    } else if (strchr("xXob", type) && !INT_IS_SMALL(v)) {
        if (vm_int_format_base(&digits, v, type == 'o' ? 8 : type == 'b' ? 2 : 16,
                               type == 'X') < 0) {
            buf_free(&digits);
            return NULL;
        }
    } else if (strchr("xXob", type)) {
        int64_t x;
        if (vm_int_as_i64(v, &x) < 0) {
            buf_free(&digits);
            return NULL;
        }
        uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        if (x < 0)
            buf_putc(&digits, '-');
        char tmp[72];
        int k = 0;
        int base = type == 'o' ? 8 : type == 'b' ? 2 : 16;
        const char *dig = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        do {
            tmp[k++] = dig[m % (uint64_t)base];
            m /= (uint64_t)base;
        } while (m);
        while (k > 0)
            buf_putc(&digits, tmp[--k]);
    } else {
        buf_free(&digits);
        return unknown_code(type, vm_tname(v));
    }
    const char *d = digits.data;
    if (*d == '-') {
        neg = true;
        d++;
    }
    Buf body = BUF_INIT;
    if (neg)
        buf_putc(&body, '-');
    else if (sp->sign == '+' || sp->sign == ' ')
        buf_putc(&body, sp->sign);
    if (sp->alt && strchr("xXob", type)) {
        buf_putc(&body, '0');
        buf_putc(&body, type);
    }
    size_t nprefix = body.len;
    if (zero_grouped(sp))
        group_digits_padded(&body, d, strlen(d), sp, nprefix, 0, strchr("xXob", type) ? 4 : 3);
    else
        group_digits(&body, d, strlen(d), sp->group, strchr("xXob", type) ? 4 : 3);
    Obj *r = pad(sp, body.data, body.len, nprefix, '>');
    buf_free(&body);
    buf_free(&digits);
    return r;
}

static Obj *format_float(Obj *v, const Spec *sp)
{
    double x = FLOAT_VAL(v);
    if (isnan(x))
        x = fabs(x);    /* a NaN prints without its sign */
    char type = sp->type == 'n' ? 'g' : sp->type;   /* 'n': 'g' in the C locale */
    long prec = sp->prec;
    Buf num = BUF_INIT;
    if (!type && prec < 0) {
        vm_float_format(&num, x);
        if (sp->alt && isfinite(x) && !strchr(num.data, '.')) {
            /* '#': repr keeps its point ("1.e-07") */
            char *e = strchr(num.data, 'e');
            size_t at = e ? (size_t)(e - num.data) : num.len;
            Buf t = BUF_INIT;
            buf_put(&t, num.data, at);
            buf_putc(&t, '.');
            buf_put(&t, num.data + at, num.len - at);
            buf_free(&num);
            num = t;
        }
    } else if (!type && isfinite(x)) {
        /* no type with a precision: 'g', but exponent notation as soon as
         * the decimal exponent reaches prec - 1 (room for ".0"), and at
         * least one digit after the point */
        long pr = prec == 0 ? 1 : prec;
        int need = snprintf(NULL, 0, "%.*e", (int)(pr - 1), x);
        if (need < 0) {             /* the C library's own buffer failed */
            buf_free(&num);
            return vm_err_nomem();
        }
        char *tmp = ls_xmalloc((size_t)need + 1);
        snprintf(tmp, (size_t)need + 1, "%.*e", (int)(pr - 1), x);
        long ex = strtol(strchr(tmp, 'e') + 1, NULL, 10);
        if (ex < -4 || ex >= pr - 1) {
            char *e = strchr(tmp, 'e');
            size_t mant = (size_t)(e - tmp);
            if (sp->alt) {
                char alt[64];
                snprintf(alt, sizeof alt, "%#.*e", (int)(pr - 1), x);
                if (pr - 1 < 30)
                    buf_puts(&num, alt);
                else
                    buf_puts(&num, tmp);
            } else {
                if (memchr(tmp, '.', mant))
                    while (mant > 0 && tmp[mant - 1] == '0')
                        mant--;
                if (mant > 0 && tmp[mant - 1] == '.')
                    mant--;
                buf_put(&num, tmp, mant);
                buf_puts(&num, e);
            }
        } else {
            free(tmp);
            need = snprintf(NULL, 0, sp->alt ? "%#.*g" : "%.*g", (int)pr, x);
            if (need < 0) {
                buf_free(&num);
                return vm_err_nomem();
            }
            tmp = ls_xmalloc((size_t)need + 1);
            snprintf(tmp, (size_t)need + 1, sp->alt ? "%#.*g" : "%.*g", (int)pr, x);
            buf_puts(&num, tmp);
            if (!strchr(tmp, '.'))
                buf_puts(&num, ".0");
        }
        free(tmp);
    } else {
        if (!strchr("eEfFgG%", type ? type : 'g')) {
            buf_free(&num);
            return unknown_code(type, "float");
        }
        char t = type ? type : 'g';
        if (prec < 0)
            prec = 6;
        double y = t == '%' ? x * 100 : x;
        char fmt[40];
        char ct = t == '%' ? 'f' : t;
        if (!type && prec == 0)
            prec = 1;
        snprintf(fmt, sizeof fmt, "%%%s.%ld%c", sp->alt ? "#" : "", prec, ct);
        int need = snprintf(NULL, 0, fmt, y);
        if (need < 0) {             /* the C library's own buffer failed */
            buf_free(&num);
            return vm_err_nomem();
        }
        char *tmp = ls_xmalloc((size_t)need + 1);
        snprintf(tmp, (size_t)need + 1, fmt, y);
        buf_puts(&num, tmp);
        if (!type) {
            /* no type: like 'g' but at least one digit after the point */
            bool has = strchr(tmp, '.') || strchr(tmp, 'e') || strchr(tmp, 'n')
                || strchr(tmp, 'i');
            if (!has)
                buf_puts(&num, ".0");
        }
        free(tmp);
        if (t == '%')
            buf_putc(&num, '%');
    }
    const char *d = num.data;
    bool neg = *d == '-';
    if (neg)
        d++;
    if (neg && sp->zcoerce && strchr("eE%", d[strspn(d, "0.")]))
        neg = false;    /* 'z': a rounded negative zero loses its sign */
    Buf body = BUF_INIT;
    if (neg)
        buf_putc(&body, '-');
    else if (sp->sign == '+' || sp->sign == ' ')
        buf_putc(&body, sp->sign);
    size_t nprefix = body.len;
    size_t intlen = strspn(d, "0123456789");
    if (zero_grouped(sp) && intlen)
        group_digits_padded(&body, d, intlen, sp, nprefix, strlen(d + intlen), 3);
    else
        group_digits(&body, d, intlen, sp->group, 3);
    buf_puts(&body, d + intlen);
    Obj *r = pad(sp, body.data, body.len, nprefix, '>');
    buf_free(&body);
    buf_free(&num);
    return r;
}

/* One part of a complex number for format_complex: the text of x in *out
 * (sign first when there is one).  With no type and no precision the part
 * is repr-like without a trailing ".0" (repr(1+2j) is '(1+2j)'). */
static int complex_part(Buf *out, double x, const Spec *sp, char sign)
{
    Spec p = *sp;
    p.width = -1;
    p.align = '<';
    p.sign = sign;
    strcpy(p.fill, " ");
    p.filln = 1;
    Obj *f = vm_float_new(x);
    Obj *r = NULL;
    if (!sp->type && sp->prec < 0) {
        Buf t = BUF_INIT;
        vm_float_format(&t, x);
        size_t n = t.len, st = 0;
        if (n >= 2 && t.data[n - 2] == '.' && t.data[n - 1] == '0')
            n -= 2;
        bool neg = n && t.data[0] == '-';
        if (neg)
            st = 1;
        if (neg && sp->zcoerce && n == 2 && t.data[1] == '0')
            neg = false;
        Buf g = BUF_INIT;
        if (neg)
            buf_putc(&g, '-');
        else if (sign == '+' || sign == ' ')
            buf_putc(&g, sign);
        const char *d = t.data + st;
        size_t dn = n - st, intlen = strspn(d, "0123456789");
        if (intlen > dn)
            intlen = dn;
        group_digits(&g, d, intlen, sp->group, 3);
        const char *e = memchr(d + intlen, 'e', dn - intlen);
        bool dot = memchr(d, '.', dn) != NULL;
        size_t elen = e ? (size_t)(d + dn - e) : 0;
        buf_put(&g, d + intlen, dn - intlen - elen);
        if (sp->alt && !dot && isfinite(x))
            buf_putc(&g, '.');      /* '#': the point stays ("2.", "1.e+20") */
        if (elen)
            buf_put(&g, e, elen);
        r = vm_str_new(g.data ? g.data : "", g.len);
        buf_free(&g);
        buf_free(&t);
    } else {
        if (!p.type)
            p.type = 'g';
        r = format_float(f, &p);
    }
    DECREF(f);
    if (!r)
        return -1;
    buf_put(out, STR_DATA(r), (size_t)STR_LEN(r));
    DECREF(r);
    return 0;
}

static Obj *format_complex(Obj *v, const Spec *sp)
{
    double re = ((ComplexObj *)v)->re, im = ((ComplexObj *)v)->im;
    if (sp->type && !strchr("eEfFgGn", sp->type))
        return unknown_code(sp->type, "complex");
    if (sp->filln == 1 && sp->fill[0] == '0')
        return vm_err_str(&vm_exc_ValueError, "Zero padding is not allowed in complex format "
                          "specifier");
    if (sp->align == '=')
        return vm_err_str(&vm_exc_ValueError, "'=' alignment flag is not allowed in complex "
                          "format specifier");
    bool skip_re = false, parens = false;
    if (!sp->type) {
        skip_re = re == 0 && !signbit(re);
        parens = !skip_re;
    }
    Buf b = BUF_INIT;
    if (parens)
        buf_putc(&b, '(');
    if (!skip_re && complex_part(&b, re, sp, sp->sign) < 0) {
        buf_free(&b);
        return NULL;
    }
    if (complex_part(&b, im, sp, skip_re ? sp->sign : '+') < 0) {
        buf_free(&b);
        return NULL;
    }
    buf_putc(&b, 'j');
    if (parens)
        buf_putc(&b, ')');
    Obj *r = pad(sp, b.data, b.len, 0, '>');
    buf_free(&b);
    return r;
}

Obj *vm_format(Obj *v, Obj *spec)
{
    if (TYPE(v)->flags & TF_HEAP) {
        Obj *d = vm_type_lookup(TYPE(v), vm_str_intern("__format__", 10));
        if (d && !vm_cdescr_check(d)) {
            Obj *sp = spec ? vm_newref(spec) : vm_str_new("", 0);
            bool found;
            Obj *r = vm_call_special(v, "__format__", &sp, 1, &found);
            DECREF(sp);
            if (r && !STR_CHECK(r)) {
                vm_err_fmt(&vm_exc_TypeError, "__format__ must return a str, not %s",
                           vm_tname(r));
                DECREF(r);
                return NULL;
            }
            return r;
        }
    }
    if (!spec || STR_LEN(spec) == 0)
        return vm_str(v);
    if (!INT_CHECK(v) && !FLOAT_CHECK(v) && !COMPLEX_CHECK(v) && !STR_CHECK(v))
        return vm_err_fmt(&vm_exc_TypeError, "unsupported format string passed to "
                          "%s.__format__", vm_tname(v));
    Spec sp;
    if (parse_spec(STR_DATA(spec), (size_t)STR_LEN(spec), &sp, vm_tname(v),
                   INT_CHECK(v) ? 'd' : STR_CHECK(v) ? 's' : 0) < 0)
        return NULL;
    if (INT_CHECK(v)) {
        return format_int(v, &sp);
    }
    if (FLOAT_CHECK(v))
        return format_float(v, &sp);
    if (COMPLEX_CHECK(v))
        return format_complex(v, &sp);
    if (STR_CHECK(v)) {
        if (sp.type && sp.type != 's')
            return unknown_code(sp.type, "str");
        if (sp.sign == ' ')
            return vm_err_str(&vm_exc_ValueError, "Space not allowed in string format specifier");
        if (sp.sign)
            return vm_err_str(&vm_exc_ValueError, "Sign not allowed in string format specifier");
        if (sp.zcoerce)
            return vm_err_str(&vm_exc_ValueError, "Negative zero coercion (z) not allowed in "
                              "string format specifier");
        if (sp.alt)
            return vm_err_str(&vm_exc_ValueError, "Alternate form (#) not allowed in string "
                              "format specifier");
        if (sp.align == '=' && sp.align_given)
            return vm_err_str(&vm_exc_ValueError,
                              "'=' alignment not allowed in string format specifier");
        if (sp.align == '=')
            sp.align = '<';     /* '0' pads strings on the right with zeros */
        size_t n = (size_t)STR_LEN(v);
        if (sp.prec >= 0) {
            /* truncate to prec characters */
            size_t k = 0;
            long c = 0;
            while (k < n && c < sp.prec) {
                k++;
                while (k < n && ((unsigned char)STR_DATA(v)[k] & 0xc0) == 0x80)
                    k++;
                c++;
            }
            n = k;
        }
        return pad(&sp, STR_DATA(v), n, 0, '<');
    }
    return vm_err_fmt(&vm_exc_TypeError, "unsupported format string passed to %s.__format__",
                      vm_tname(v));
}
