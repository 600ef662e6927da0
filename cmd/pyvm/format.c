/* cmd/pyvm/format.c: format(value, spec) for int, float, str and bool
 * (format-spec mini-language:
 *   [[fill]align][sign][z][#][0][width][grouping][.precision][type]).
 *
 * Stage: pyvm.
 */
#include "cmd/pyvm/format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/str.h"
#include "libstage/unicode.h"

typedef struct Spec {
    char fill[5];           /* UTF-8 fill character */
    char align;             /* '<' '>' '^' '=' or 0 */
    char sign;              /* '+' '-' ' ' or 0 */
    bool alt;               /* '#' */
    bool zero;              /* '0' */
    bool zcoerce;           /* 'z': negative zero shown as zero (floats) */
    long width;             /* -1: none */
    char group;             /* ',' '_' or 0 */
    long prec;              /* -1: none */
    char type;              /* presentation type or 0 */
} Spec;

static int parse_spec(const char *s, size_t len, Spec *sp)
{
    memset(sp, 0, sizeof *sp);
    strcpy(sp->fill, " ");
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
        sp->align = s[cl];
        i = cl + 1;
    } else if (len > 0 && strchr("<>^=", s[0]) && s[0]) {
        sp->align = s[0];
        i = 1;
    }
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
    if (i < len && s[i] >= '0' && s[i] <= '9') {
        sp->width = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            sp->width = sp->width * 10 + (s[i++] - '0');
    }
    if (i < len && (s[i] == ',' || s[i] == '_'))
        sp->group = s[i++];
    if (i < len && s[i] == '.') {
        i++;
        if (i >= len || !(s[i] >= '0' && s[i] <= '9')) {
            vm_err_str(&vm_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
        sp->prec = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            sp->prec = sp->prec * 10 + (s[i++] - '0');
    }
    if (i < len)
        sp->type = s[i++];
    if (i < len) {
        vm_err_str(&vm_exc_ValueError, "Invalid format specifier");
        return -1;
    }
    if (sp->zero && !sp->align) {
        strcpy(sp->fill, "0");
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
    if (align == '=') {
        buf_put(&b, body, nprefix);
        for (long i = 0; i < fillc; i++)
            buf_puts(&b, sp->fill);
        buf_put(&b, body + nprefix, n - nprefix);
    } else {
        if (align == '<')
            left = 0, right = fillc;
        for (long i = 0; i < left; i++)
            buf_puts(&b, sp->fill);
        buf_put(&b, body, n);
        for (long i = 0; i < right; i++)
            buf_puts(&b, sp->fill);
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
    if (sp->prec >= 0)
        return vm_err_str(&vm_exc_ValueError, "Precision not allowed in integer format specifier");
    if (sp->zcoerce)
        return vm_err_str(&vm_exc_ValueError, "Negative zero coercion (z) not allowed in integer "
                          "format specifier");
    Buf digits = BUF_INIT;
    bool neg = false;
    if (type == 'c') {
        int64_t c;
        if (vm_int_as_i64(v, &c) < 0)
            return NULL;
        char u[4];
        int k = ls_utf8_encode((uint32_t)c, u);
        return pad(sp, u, (size_t)k, 0, '<');
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
        return vm_err_fmt(&vm_exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                          type, vm_tname(v));
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
    char type = sp->type == 'n' ? 'g' : sp->type;   /* 'n': 'g' in the C locale */
    long prec = sp->prec;
    Buf num = BUF_INIT;
    if (!type && prec < 0) {
        vm_float_format(&num, x);
    } else {
        if (!strchr("eEfFgG%", type ? type : 'g')) {
            buf_free(&num);
            return vm_err_fmt(&vm_exc_ValueError,
                              "Unknown format code '%c' for object of type 'float'", type);
        }
        char t = type ? type : 'g';
        if (prec < 0)
            prec = 6;
        double y = t == '%' ? x * 100 : x;
        char fmt[40], tmp[512];
        char ct = t == '%' ? 'f' : t;
        if (!type && prec == 0)
            prec = 1;
        snprintf(fmt, sizeof fmt, "%%%s.%ld%c", sp->alt ? "#" : "", prec, ct);
        if (fabs(y) >= 1e300 && (ct == 'f' || ct == 'F'))
            snprintf(tmp, sizeof tmp, "%.0f", y);
        snprintf(tmp, sizeof tmp, fmt, y);
        buf_puts(&num, tmp);
        if (!type) {
            /* no type: like 'g' but at least one digit after the point */
            bool has = strchr(tmp, '.') || strchr(tmp, 'e') || strchr(tmp, 'n')
                || strchr(tmp, 'i');
            if (!has)
                buf_puts(&num, ".0");
        }
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

Obj *vm_format(Obj *v, Obj *spec)
{
    if (TYPE(v)->flags & TF_HEAP) {
        Obj *d = vm_type_lookup(TYPE(v), vm_str_intern("__format__", 10));
        if (d && TYPE(d) != &vm_method_descr_type) {
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
    Spec sp;
    if (parse_spec(STR_DATA(spec), (size_t)STR_LEN(spec), &sp) < 0)
        return NULL;
    if (INT_CHECK(v)) {
        if (TYPE(v) == &vm_bool_type && !sp.type) {
            Obj *s = vm_str(v);
            if (!s)
                return NULL;
            Obj *r = pad(&sp, STR_DATA(s), (size_t)STR_LEN(s), 0, '<');
            DECREF(s);
            return r;
        }
        return format_int(v, &sp);
    }
    if (FLOAT_CHECK(v))
        return format_float(v, &sp);
    if (STR_CHECK(v)) {
        if (sp.type && sp.type != 's')
            return vm_err_fmt(&vm_exc_ValueError,
                              "Unknown format code '%c' for object of type 'str'", sp.type);
        if (sp.sign)
            return vm_err_str(&vm_exc_ValueError, "Sign not allowed in string format specifier");
        if (sp.align == '=')
            return vm_err_str(&vm_exc_ValueError,
                              "'=' alignment not allowed in string format specifier");
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
