/* cmd/pyvm/strfmt.c: `str % args` and str.format().
 *
 * Stage: pyvm.
 *
 *   %[(key)][flags][width|*][.precision|*]type     flags: - + space # 0
 *   {[field][.attr|[key]]...[!r|!s|!a][:spec]}      spec may hold {nested}
 */
#include "cmd/pyvm/strfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/format.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

static int append_formatted(Buf *out, Obj *v, const char *spec)
{
    Obj *s = vm_str_cstr(spec);
    Obj *r = vm_format(v, s);
    DECREF(s);
    if (!r)
        return -1;
    buf_put(out, STR_DATA(r), (size_t)STR_LEN(r));
    DECREF(r);
    return 0;
}

/* %d/%x/%o with a precision: at least prec digits (zero-filled), then the
 * sign and prefix, padded to width (with zeros after them for the 0 flag). */
static int append_int_prec(Buf *out, Obj *n, char t, const char *sign, bool alt, bool left,
                           bool zero, int width, int prec)
{
    char spec[8];
    snprintf(spec, sizeof spec, "%s%s%c", sign, alt ? "#" : "", t);
    Buf tmp = BUF_INIT;
    if (append_formatted(&tmp, n, spec) < 0) {
        buf_free(&tmp);
        return -1;
    }
    const char *s = tmp.data;
    size_t len = tmp.len, head = 0;
    if (len && (s[0] == '+' || s[0] == '-' || s[0] == ' '))
        head = 1;
    if (alt && t != 'd' && len >= head + 2 && s[head] == '0')
        head += 2;
    size_t ndig = len - head;
    size_t zeros = prec > 0 && (size_t)prec > ndig ? (size_t)prec - ndig : 0;
    size_t total = len + zeros;
    size_t pad = width > 0 && (size_t)width > total ? (size_t)width - total : 0;
    if (!left && !zero)
        for (size_t i = 0; i < pad; i++)
            buf_putc(out, ' ');
    buf_put(out, s, head);
    if (!left && zero)
        zeros += pad;
    for (size_t i = 0; i < zeros; i++)
        buf_putc(out, '0');
    buf_put(out, s + head, ndig);
    if (left)
        for (size_t i = 0; i < pad; i++)
            buf_putc(out, ' ');
    buf_free(&tmp);
    return 0;
}

Obj *vm_str_percent(Obj *fmt, Obj *args)
{
    const char *p = STR_DATA(fmt), *end = p + STR_LEN(fmt);
    Obj *const *argv = &args;
    ssize_t argc = 1, ai = 0;
    bool is_tuple = TUPLE_CHECK(args), is_map = DICT_CHECK(args);
    if (is_tuple) {
        argv = TUPLE_ITEMS(args);
        argc = TUPLE_LEN(args);
    }
    Buf out = BUF_INIT;
    bool used_map = false;
    while (p < end) {
        const char *pc = memchr(p, '%', (size_t)(end - p));
        if (!pc) {
            buf_put(&out, p, (size_t)(end - p));
            break;
        }
        buf_put(&out, p, (size_t)(pc - p));
        p = pc + 1;
        if (p >= end) {
            buf_free(&out);
            return vm_err_str(&vm_exc_ValueError, "incomplete format");
        }
        Obj *val = NULL;
        if (*p == '(') {
            const char *q = p + 1;
            int depth = 1;
            while (q < end && depth) {
                if (*q == '(')
                    depth++;
                else if (*q == ')')
                    depth--;
                q++;
            }
            if (depth) {
                buf_free(&out);
                return vm_err_str(&vm_exc_ValueError, "incomplete format key");
            }
            if (!is_map) {
                buf_free(&out);
                return vm_err_str(&vm_exc_TypeError, "format requires a mapping");
            }
            Obj *key = vm_str_new(p + 1, (size_t)(q - 1 - (p + 1)));
            val = vm_getitem(args, key);
            DECREF(key);
            if (!val) {
                buf_free(&out);
                return NULL;
            }
            used_map = true;
            p = q;
        }
        char flags[8] = "";
        int nf = 0;
        while (p < end && strchr("-+ #0", *p) && *p && nf < 6)
            flags[nf++] = *p++;
        flags[nf] = '\0';
        char width[24] = "", prec[24] = "";
        if (p < end && *p == '*') {
            p++;
            if (ai >= argc || !INT_CHECK(argv[ai])) {
                XDECREF(val);
                buf_free(&out);
                return vm_err_str(&vm_exc_TypeError, "* wants int");
            }
            snprintf(width, sizeof width, "%lld", (long long)INT_SMALL(argv[ai++]));
        } else {
            int k = 0;
            while (p < end && *p >= '0' && *p <= '9' && k < 20)
                width[k++] = *p++;
            width[k] = '\0';
        }
        if (p < end && *p == '.') {
            p++;
            int k = 0;
            prec[k++] = '.';
            if (p < end && *p == '*') {
                p++;
                if (ai >= argc || !INT_CHECK(argv[ai])) {
                    XDECREF(val);
                    buf_free(&out);
                    return vm_err_str(&vm_exc_TypeError, "* wants int");
                }
                k += snprintf(prec + k, sizeof prec - (size_t)k, "%lld",
                              (long long)INT_SMALL(argv[ai++]));
            } else {
                while (p < end && *p >= '0' && *p <= '9' && k < 20)
                    prec[k++] = *p++;
                if (k == 1)
                    prec[k++] = '0';
            }
            prec[k] = '\0';
        }
        while (p < end && (*p == 'l' || *p == 'h' || *p == 'L'))
            p++;
        if (p >= end) {
            XDECREF(val);
            buf_free(&out);
            return vm_err_str(&vm_exc_ValueError, "incomplete format");
        }
        char type = *p++;
        if (type == '%') {
            buf_putc(&out, '%');
            XDECREF(val);
            continue;
        }
        if (!val) {
            if (ai >= argc) {
                buf_free(&out);
                return vm_err_str(&vm_exc_TypeError, "not enough arguments for format string");
            }
            val = vm_newref(argv[ai++]);
        }
        bool left = strchr(flags, '-') != NULL, zero = strchr(flags, '0') != NULL;
        bool plus = strchr(flags, '+') != NULL, space = strchr(flags, ' ') != NULL;
        bool alt = strchr(flags, '#') != NULL;
        char spec[80];
        int rc = 0;
        switch (type) {
        case 's':
        case 'r':
        case 'a': {
            Obj *s = type == 's' ? vm_str(val) : type == 'a' ? vm_ascii(val) : vm_repr(val);
            if (!s) {
                rc = -1;
                break;
            }
            snprintf(spec, sizeof spec, "%s%s%s", left ? "<" : ">", width, prec);
            rc = append_formatted(&out, s, spec);
            DECREF(s);
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            Obj *n = NULL;
            if (INT_CHECK(val))
                n = vm_newref(val);
            else if (FLOAT_CHECK(val) && strchr("diu", type))
                n = vm_int_from_double(FLOAT_VAL(val));
            if (!n) {
                if (!vm_err_occurred())
                    vm_err_fmt(&vm_exc_TypeError, strchr("diu", type)
                               ? "%%%c format: a real number is required, not %s"
                               : "%%%c format: an integer is required, not %s",
                               type, vm_tname(val));
                rc = -1;
                break;
            }
            char t = type == 'i' || type == 'u' ? 'd' : type;
            if (prec[0]) {
                rc = append_int_prec(&out, n, t, plus ? "+" : space ? " " : "", alt, left, zero,
                                     atoi(width), atoi(prec + 1));
                DECREF(n);
                break;
            }
            snprintf(spec, sizeof spec, "%s%s%s%s%s%c", left ? "<" : (zero ? "=0" : ""),
                     plus ? "+" : space ? " " : "", alt ? "#" : "", zero && !left ? "" : "",
                     width, t);
            if (zero && !left) {
                snprintf(spec, sizeof spec, "%s%s0%s%c", plus ? "+" : space ? " " : "",
                         alt ? "#" : "", width[0] ? width : "", t);
            }
            rc = append_formatted(&out, n, spec);
            DECREF(n);
            break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            Obj *x = FLOAT_CHECK(val) ? vm_newref(val) : NULL;
            if (!x && INT_CHECK(val)) {
                double d;
                if (vm_int_as_double(val, &d) < 0) {
                    rc = -1;
                    break;
                }
                x = vm_float_new(d);
            }
            if (!x) {
                vm_err_fmt(&vm_exc_TypeError, "must be real number, not %s", vm_tname(val));
                rc = -1;
                break;
            }
            snprintf(spec, sizeof spec, "%s%s%s%s%s%s%c", left ? "<" : "",
                     plus ? "+" : space ? " " : "", alt ? "#" : "", zero && !left ? "0" : "",
                     width, prec[0] ? prec : ".6", type);
            rc = append_formatted(&out, x, spec);
            DECREF(x);
            break;
        }
        case 'c': {
            char u[4];
            int k;
            if (INT_CHECK(val)) {
                int64_t c;
                if (vm_int_as_i64(val, &c) < 0 || c < 0 || c > 0x10ffff) {
                    vm_err_clear();
                    vm_err_str(&vm_exc_OverflowError, "%c arg not in range(0x110000)");
                    rc = -1;
                    break;
                }
                k = ls_utf8_encode((uint32_t)c, u);
            } else if (STR_CHECK(val) && ((StrObj *)val)->ulen == 1) {
                k = (int)STR_LEN(val);
                memcpy(u, STR_DATA(val), (size_t)k);
            } else {
                vm_err_str(&vm_exc_TypeError, "%c requires int or char");
                rc = -1;
                break;
            }
            Obj *s = vm_str_new(u, (size_t)k);
            snprintf(spec, sizeof spec, "%s%s", left ? "<" : ">", width);
            rc = append_formatted(&out, s, spec);
            DECREF(s);
            break;
        }
        default:
            vm_err_fmt(&vm_exc_ValueError, "unsupported format character '%c' (0x%x) at index "
                       "%zd", type, (unsigned)(unsigned char)type,
                       (ssize_t)(p - 1 - STR_DATA(fmt)));
            rc = -1;
        }
        DECREF(val);
        if (rc < 0) {
            buf_free(&out);
            return NULL;
        }
    }
    if (!used_map && ai < argc && !(is_map && argc == 1)) {
        buf_free(&out);
        return vm_err_str(&vm_exc_TypeError,
                          "not all arguments converted during string formatting");
    }
    Obj *r = vm_str_new(out.data ? out.data : "", out.len);
    buf_free(&out);
    return r;
}

/* ---- str.format ---- */

/* Field numbering state of one str.format call. */
typedef struct FmtNum {
    size_t next;            /* the next automatic index */
    int mode;               /* 0 not yet known, 1 automatic, 2 manual */
} FmtNum;

static Obj *lookup_field(const char *name, size_t n, Obj *const *args, size_t npos,
                         Obj *kwnames, Obj *mapping, FmtNum *num)
{
    /* the first part: an index, a keyword, or empty (automatic numbering) */
    size_t k = 0;
    while (k < n && name[k] != '.' && name[k] != '[')
        k++;
    Obj *v;
    if (k == 0) {
        if (num->mode == 2)
            return vm_err_str(&vm_exc_ValueError, "cannot switch from manual field "
                              "specification to automatic field numbering");
        num->mode = 1;
        if (num->next >= npos)
            return vm_err_fmt(&vm_exc_IndexError, "Replacement index %zu out of range for "
                              "positional args tuple", num->next);
        v = vm_newref(args[num->next++]);
    } else if (name[0] >= '0' && name[0] <= '9') {
        if (num->mode == 1)
            return vm_err_str(&vm_exc_ValueError, "cannot switch from automatic field "
                              "numbering to manual field specification");
        num->mode = 2;
        size_t idx = (size_t)strtoul(name, NULL, 10);
        if (idx >= npos)
            return vm_err_fmt(&vm_exc_IndexError, "Replacement index %zu out of range for "
                              "positional args tuple", idx);
        v = vm_newref(args[idx]);
    } else if (mapping) {
        Obj *key = vm_str_new(name, k);
        v = vm_getitem(mapping, key);
        DECREF(key);
        if (!v)
            return NULL;
    } else {
        v = NULL;
        size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
        for (size_t i = 0; i < nkw; i++) {
            Obj *kn = TUPLE_ITEMS(kwnames)[i];
            if ((size_t)STR_LEN(kn) == k && memcmp(STR_DATA(kn), name, k) == 0)
                v = vm_newref(args[npos + i]);
        }
        if (!v) {
            Obj *key = vm_str_new(name, k);
            vm_err_obj(&vm_exc_KeyError, key);
            DECREF(key);
            return NULL;
        }
    }
    while (k < n) {
        if (name[k] == '.') {
            size_t s = ++k;
            while (k < n && name[k] != '.' && name[k] != '[')
                k++;
            Obj *attr = vm_str_intern(name + s, k - s);
            Obj *nv = vm_getattr(v, attr);
            DECREF(v);
            if (!(v = nv))
                return NULL;
        } else {
            size_t s = ++k;
            while (k < n && name[k] != ']')
                k++;
            Obj *key;
            if (s < k && name[s] >= '0' && name[s] <= '9')
                key = vm_int_from_i64(strtoll(name + s, NULL, 10));
            else
                key = vm_str_new(name + s, k - s);
            Obj *nv = vm_getitem(v, key);
            DECREF(key);
            DECREF(v);
            if (!(v = nv))
                return NULL;
            k++;
        }
    }
    return v;
}

/* str.format with the keyword fields looked up in mapping when it is not
 * NULL (str.format_map), else in the keyword arguments. */
static Obj *format_impl(Obj *fmt, Obj *const *args, size_t nargs, Obj *kwnames,
                        Obj *mapping, FmtNum *num)
{
    size_t npos = nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0);
    const char *p = STR_DATA(fmt), *end = p + STR_LEN(fmt);
    Buf out = BUF_INIT;
    while (p < end) {
        char c = *p;
        if (c == '}') {
            if (p + 1 < end && p[1] == '}') {
                buf_putc(&out, '}');
                p += 2;
                continue;
            }
            buf_free(&out);
            return vm_err_str(&vm_exc_ValueError, "Single '}' encountered in format string");
        }
        if (c != '{') {
            buf_putc(&out, c);
            p++;
            continue;
        }
        if (p + 1 < end && p[1] == '{') {
            buf_putc(&out, '{');
            p += 2;
            continue;
        }
        if (p + 1 >= end) {
            buf_free(&out);
            return vm_err_str(&vm_exc_ValueError, "Single '{' encountered in format string");
        }
        /* find the matching '}' (specs may nest one level) */
        const char *q = p + 1;
        int depth = 1;
        while (q < end && depth) {
            if (*q == '{')
                depth++;
            else if (*q == '}')
                depth--;
            if (depth)
                q++;
        }
        if (q >= end) {
            buf_free(&out);
            return vm_err_str(&vm_exc_ValueError, "expected '}' before end of string");
        }
        const char *field = p + 1, *fe = field;
        while (fe < q && *fe != '!' && *fe != ':')
            fe++;
        char conv = 0;
        const char *spec = NULL, *se = q;
        if (fe < q && *fe == '!') {
            conv = fe + 1 < q ? fe[1] : 0;
            if (fe + 2 < q && fe[2] == ':')
                spec = fe + 3;
        } else if (fe < q && *fe == ':') {
            spec = fe + 1;
        }
        Obj *v = lookup_field(field, (size_t)(fe - field), args, npos, kwnames, mapping, num);
        if (!v) {
            buf_free(&out);
            return NULL;
        }
        if (conv) {
            Obj *cv = conv == 's' ? vm_str(v) : (conv == 'r' || conv == 'a') ? vm_repr(v) : NULL;
            if (!cv && !vm_err_occurred())
                vm_err_str(&vm_exc_ValueError, "Unknown conversion specifier");
            DECREF(v);
            if (!(v = cv)) {
                buf_free(&out);
                return NULL;
            }
        }
        Obj *specobj;
        if (spec && memchr(spec, '{', (size_t)(se - spec))) {
            Obj *inner = vm_str_new(spec, (size_t)(se - spec));
            specobj = format_impl(inner, args, nargs, kwnames, mapping, num);
            DECREF(inner);
        } else {
            specobj = vm_str_new(spec ? spec : "", spec ? (size_t)(se - spec) : 0);
        }
        if (!specobj) {
            DECREF(v);
            buf_free(&out);
            return NULL;
        }
        Obj *r = vm_format(v, specobj);
        DECREF(specobj);
        DECREF(v);
        if (!r) {
            buf_free(&out);
            return NULL;
        }
        buf_put(&out, STR_DATA(r), (size_t)STR_LEN(r));
        DECREF(r);
        p = q + 1;
    }
    Obj *r = vm_str_new(out.data ? out.data : "", out.len);
    buf_free(&out);
    return r;
}

Obj *vm_str_format(Obj *fmt, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FmtNum num = {0, 0};
    return format_impl(fmt, args, nargs, kwnames, NULL, &num);
}

Obj *vm_str_format_map(Obj *fmt, Obj *mapping)
{
    FmtNum num = {0, 0};
    return format_impl(fmt, NULL, 0, NULL, mapping, &num);
}
