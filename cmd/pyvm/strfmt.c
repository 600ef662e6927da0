/* cmd/pyvm/strfmt.c: `str % args`, `bytes % args` and str.format().
 *
 * Stage: pyvm.  `%` follows CPython's argument state machine (a tuple, one
 * value, or a mapping for %(key)); bytes formatting adds %b and the 'z'
 * flag.  str.format parses fields as CPython's MarkupIterator (brackets
 * protect ':' and '}', nested specs two levels deep) and formats each
 * value with format.c.
 *
 *   %[(key)][flags][width|*][.precision|*]type     flags: - + space # 0
 *   {[field][.attr|[key]]...[!r|!s|!a][:spec]}      spec may hold {nested}
 */
#include "cmd/pyvm/strfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/format.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* State of one `%` formatting, as CPython's: args is the tuple, one value,
 * or the value a %(key) conversion looked up. */
typedef struct Pct {
    Obj *args;              /* the arguments (or the looked-up value) */
    Obj *owned;             /* a looked-up value we hold, or NULL */
    ssize_t arglen;         /* tuple length, or -1 for a single value */
    ssize_t argidx;         /* next tuple index; -2 before a single value is used */
    Obj *dict;              /* the mapping for %(key), or NULL */
    bool bytes;             /* formatting bytes (b"..." % args) */
} Pct;

/* The next argument (borrowed), or NULL with TypeError. */
static Obj *next_arg(Pct *st)
{
    if (st->argidx < st->arglen) {
        ssize_t i = st->argidx++;
        return st->arglen < 0 ? st->args : TUPLE_ITEMS(st->args)[i];
    }
    vm_err_str(&vm_exc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* Append n spaces (or other fill bytes). */
static void put_fill(Buf *b, char c, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        buf_putc(b, c);
}

/* Append text (len bytes, ulen characters) padded to width. */
static void put_padded(Buf *out, const char *s, size_t len, int64_t ulen, int64_t width,
                       bool left)
{
    if (!left && width > ulen)
        put_fill(out, ' ', width - ulen);
    buf_put(out, s, len);
    if (left && width > ulen)
        put_fill(out, ' ', width - ulen);
}

/* An int for %d (int(), __int__, __index__, float truncation) or for
 * %x/%o (__index__ only); a new reference or NULL with TypeError. */
static Obj *pct_int(Obj *v, char type)
{
    bool real = type == 'd' || type == 'i' || type == 'u';
    if (INT_CHECK(v))
        return vm_newref(v);
    if (real && FLOAT_CHECK(v))
        return vm_int_from_double(FLOAT_VAL(v));
    if (TYPE(v)->flags & TF_HEAP) {
        bool found = false;
        Obj *r = NULL;
        if (real)
            r = vm_call_special(v, "__int__", NULL, 0, &found);
        if (!found)
            r = vm_call_special(v, "__index__", NULL, 0, &found);
        if (found) {
            if (r && !INT_CHECK(r)) {
                vm_err_fmt(&vm_exc_TypeError, "__%s__ returned non-int (type %s)",
                           real ? "int" : "index", vm_tname(r));
                DECREF(r);
                return NULL;
            }
            return r;
        }
    }
    return vm_err_fmt(&vm_exc_TypeError, real ? "%%%c format: a real number is required, not %s"
                      : "%%%c format: an integer is required, not %s", type, vm_tname(v));
}

/* A float for %e/%f/%g; a new reference or NULL with TypeError. */
static Obj *pct_float(Obj *v)
{
    if (FLOAT_CHECK(v) && isnan(FLOAT_VAL(v)) && signbit(FLOAT_VAL(v)))
        return vm_float_new(fabs(FLOAT_VAL(v)));    /* a NaN prints without its sign */
    if (FLOAT_CHECK(v))
        return vm_newref(v);
    if (INT_CHECK(v)) {
        double d;
        if (vm_int_as_double(v, &d) < 0)
            return NULL;
        return vm_float_new(d);
    }
    if (TYPE(v)->flags & TF_HEAP) {
        bool found;
        Obj *r = vm_call_special(v, "__float__", NULL, 0, &found);
        if (!found)
            r = vm_call_special(v, "__index__", NULL, 0, &found);
        if (found) {
            if (r && INT_CHECK(r)) {
                Obj *f = pct_float(r);
                DECREF(r);
                return f;
            }
            if (r && !FLOAT_CHECK(r)) {
                vm_err_fmt(&vm_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                           vm_tname(v), vm_tname(r));
                DECREF(r);
                return NULL;
            }
            return r;
        }
    }
    return vm_err_fmt(&vm_exc_TypeError, "must be real number, not %s", vm_tname(v));
}

/* %d %i %u %o %x %X of the int n into out. */
static int put_int(Buf *out, Obj *n, char type, bool left, bool zero, bool plus, bool space,
                   bool alt, int64_t width, int64_t prec)
{
    Buf d = BUF_INIT;
    int rc = type == 'd' ? vm_int_format(&d, n)
        : vm_int_format_base(&d, n, type == 'o' ? 8 : 16, type == 'X');
    if (rc < 0) {
        buf_free(&d);
        return -1;
    }
    const char *digits = d.data;
    size_t nd = d.len;
    bool neg = nd && digits[0] == '-';
    if (neg) {
        digits++;
        nd--;
    }
    char head[4];
    size_t hn = 0;
    if (neg)
        head[hn++] = '-';
    else if (plus)
        head[hn++] = '+';
    else if (space)
        head[hn++] = ' ';
    if (alt && type != 'd') {
        head[hn++] = '0';
        head[hn++] = type == 'o' ? 'o' : type;
    }
    int64_t zeros = prec > (int64_t)nd ? prec - (int64_t)nd : 0;
    int64_t total = (int64_t)hn + zeros + (int64_t)nd;
    if (width > total && !left && zero) {
        zeros += width - total;
        total = width;
    }
    if (width > total && !left)
        put_fill(out, ' ', width - total);
    buf_put(out, head, hn);
    put_fill(out, '0', zeros);
    buf_put(out, digits, nd);
    if (width > total && left)
        put_fill(out, ' ', width - total);
    buf_free(&d);
    return 0;
}

/* Characters in s (UTF-8 of a str, or bytes). */
static int64_t nchars(const char *s, size_t n, bool bytes)
{
    return bytes ? (int64_t)n : (int64_t)ls_utf8_count(s, n);
}

/* Byte length of the first k characters of s. */
static size_t prefix_len(const char *s, size_t n, int64_t k, bool bytes)
{
    if (bytes)
        return (size_t)k < n ? (size_t)k : n;
    size_t i = 0;
    while (i < n && k > 0) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
            i++;
        k--;
    }
    return i;
}

/* The text of a %s/%r/%a/%b conversion of v: a new str or bytes. */
static Obj *pct_text(Pct *st, Obj *v, char type)
{
    if (!st->bytes)
        return type == 's' ? vm_str(v) : type == 'r' ? vm_repr(v) : vm_ascii(v);
    if (type == 'r' || type == 'a') {
        Obj *s = vm_ascii(v);
        if (!s)
            return NULL;
        Obj *b = vm_bytes_new(STR_DATA(s), (size_t)STR_LEN(s));
        DECREF(s);
        return b;
    }
    const char *p;
    size_t n;
    if (vm_bytes_buffer_any(v, &p, &n))
        return vm_bytes_new(p, n);
    if (TYPE(v)->flags & TF_HEAP) {
        bool found;
        Obj *r = vm_call_special(v, "__bytes__", NULL, 0, &found);
        if (found) {
            if (r && !BYTES_CHECK(r)) {
                vm_err_fmt(&vm_exc_TypeError, "__bytes__ returned non-bytes (type %s)",
                           vm_tname(r));
                DECREF(r);
                return NULL;
            }
            return r;
        }
    }
    return vm_err_fmt(&vm_exc_TypeError, "%%b requires a bytes-like object, or an object that "
                      "implements __bytes__, not '%s'", vm_tname(v));
}

/* An int argument of a * width or precision. */
static int star_arg(Pct *st, int64_t *out)
{
    Obj *v = next_arg(st);
    if (!v)
        return -1;
    if (!INT_CHECK(v)) {
        vm_err_str(&vm_exc_TypeError, "* wants int");
        return -1;
    }
    if (!INT_IS_SMALL(v) || INT_SMALL(v) > INT32_MAX || INT_SMALL(v) < -INT32_MAX) {
        vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = INT_SMALL(v);
    return 0;
}

/* Format the n bytes at f (UTF-8 text, or bytes when bytes) with args into
 * *out; -1 with an exception. */
static int percent(Buf *out, const char *f, size_t n, Obj *args, bool bytes)
{
    Pct st = {args, NULL, -1, -2, NULL, bytes};
    if (TUPLE_CHECK(args)) {
        st.arglen = TUPLE_LEN(args);
        st.argidx = 0;
    }
    if (!TUPLE_CHECK(args) && !STR_CHECK(args) && !BYTES_CHECK(args) && !BYTEARRAY_CHECK(args)
        && (TYPE(args)->getitem || DICT_CHECK(args)))
        st.dict = args;
    const char *p = f, *end = f + n;
    int rc = -1;
    while (p < end) {
        const char *pc = memchr(p, '%', (size_t)(end - p));
        if (!pc) {
            buf_put(out, p, (size_t)(end - p));
            break;
        }
        buf_put(out, p, (size_t)(pc - p));
        p = pc + 1;
        if (p < end && *p == '%') {
            buf_putc(out, '%');
            p++;
            continue;
        }
        if (p < end && *p == '(') {
            const char *q = ++p;
            int depth = 1;
            while (q < end) {
                if (*q == '(')
                    depth++;
                else if (*q == ')' && --depth == 0)
                    break;
                q++;
            }
            if (q >= end) {
                vm_err_str(&vm_exc_ValueError, "incomplete format key");
                goto done;
            }
            if (!st.dict) {
                vm_err_str(&vm_exc_TypeError, "format requires a mapping");
                goto done;
            }
            Obj *key = bytes ? vm_bytes_new(p, (size_t)(q - p)) : vm_str_new(p, (size_t)(q - p));
            Obj *v = vm_getitem(st.dict, key);
            DECREF(key);
            if (!v)
                goto done;
            XDECREF(st.owned);
            st.owned = v;
            st.args = v;
            st.arglen = -1;
            st.argidx = -2;
            p = q + 1;
        }
        bool left = false, zero = false, plus = false, space = false, alt = false;
        bool zneg = false;
        for (; p < end; p++) {
            if (*p == 'z' && bytes)
                zneg = true;    /* 3.11's bytes formatting takes 'z' as a flag */
            else if (*p == '-')
                left = true;
            else if (*p == '0')
                zero = true;
            else if (*p == '+')
                plus = true;
            else if (*p == ' ')
                space = true;
            else if (*p == '#')
                alt = true;
            else
                break;
        }
        int64_t width = -1, prec = -1;
        if (p < end && *p == '*') {
            if (star_arg(&st, &width) < 0)
                goto done;
            if (width < 0) {
                left = true;
                width = -width;
            }
            p++;
        } else {
            while (p < end && *p >= '0' && *p <= '9') {
                width = (width < 0 ? 0 : width) * 10 + (*p++ - '0');
                if (width > INT32_MAX) {
                    vm_err_str(&vm_exc_ValueError, "width too big");
                    goto done;
                }
            }
        }
        if (p < end && *p == '.') {
            p++;
            prec = 0;
            if (p < end && *p == '*') {
                if (star_arg(&st, &prec) < 0)
                    goto done;
                if (prec < 0)
                    prec = 0;
                p++;
            } else {
                while (p < end && *p >= '0' && *p <= '9') {
                    prec = prec * 10 + (*p++ - '0');
                    if (prec > INT32_MAX) {
                        vm_err_str(&vm_exc_ValueError, "precision too big");
                        goto done;
                    }
                }
            }
        }
        while (p < end && (*p == 'h' || *p == 'l' || *p == 'L'))
            p++;
        if (p >= end) {
            vm_err_str(&vm_exc_ValueError, "incomplete format");
            goto done;
        }
        const char *tp = p;
        uint32_t type = (unsigned char)*p++;
        if (!bytes && type >= 0x80) {
            p = tp;
            while (p + 1 < end && ((unsigned char)p[1] & 0xc0) == 0x80)
                p++;
            ls_utf8_decode(tp, (size_t)(end - tp), &type);
            p++;
        }
        Obj *v = next_arg(&st);
        if (!v)
            goto done;
        switch (type) {
        case 's': case 'r': case 'a': case 'b': {
            if (type == 'b' && !bytes)
                goto bad_type;
            Obj *t = pct_text(&st, v, type == 'b' ? 's' : (char)type);
            if (!t)
                goto done;
            const char *s = bytes ? ((BytesObj *)t)->s : STR_DATA(t);
            size_t sl = bytes ? (size_t)((BytesObj *)t)->len : (size_t)STR_LEN(t);
            if (prec >= 0)
                sl = prefix_len(s, sl, prec, bytes);
            put_padded(out, s, sl, nchars(s, sl, bytes), width, left);
            DECREF(t);
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
            Obj *num = pct_int(v, bytes && type == 'i' ? 'd' : (char)type);
            if (!num)
                goto done;
            int r = put_int(out, num, type == 'i' || type == 'u' ? 'd' : (char)type, left, zero,
                            plus, space, alt, width, prec);
            DECREF(num);
            if (r < 0)
                goto done;
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            Obj *x = pct_float(v);
            if (!x && bytes && vm_err_matches(&vm_exc_TypeError)) {
                vm_err_clear();
                vm_err_fmt(&vm_exc_TypeError, "float argument required, not %s", vm_tname(v));
            }
            if (!x)
                goto done;
            char spec[64];
            snprintf(spec, sizeof spec, "%s%s%s%s%s%lld.%lld%c", left ? "<" : "",
                     plus ? "+" : space ? " " : "", zneg ? "z" : "", alt ? "#" : "",
                     zero && !left ? "0" : "",
                     (long long)(width < 0 ? 0 : width), (long long)(prec < 0 ? 6 : prec),
                     (char)type);
            Obj *sp = vm_str_cstr(spec);
            Obj *r = vm_format(x, sp);
            DECREF(sp);
            DECREF(x);
            if (!r)
                goto done;
            buf_put(out, STR_DATA(r), (size_t)STR_LEN(r));
            DECREF(r);
            break;
        }
        case 'c': {
            char u[4];
            size_t k;
            const char *bp;
            size_t bn;
            if (INT_CHECK(v)) {
                int64_t c = 0;
                bool ok = INT_IS_SMALL(v) && (c = INT_SMALL(v)) >= 0
                          && c < (bytes ? 256 : 0x110000);
                if (!ok) {
                    vm_err_str(&vm_exc_OverflowError, bytes ? "%c arg not in range(256)"
                               : "%c arg not in range(0x110000)");
                    goto done;
                }
                if (bytes) {
                    u[0] = (char)c;
                    k = 1;
                } else {
                    k = (size_t)ls_utf8_encode((uint32_t)c, u);
                }
            } else if (!bytes && STR_CHECK(v) && ((StrObj *)v)->ulen == 1) {
                k = (size_t)STR_LEN(v);
                memcpy(u, STR_DATA(v), k);
            } else if (bytes && (BYTES_CHECK(v) || BYTEARRAY_CHECK(v))
                       && vm_bytes_buffer(v, &bp, &bn) && bn == 1) {
                u[0] = bp[0];
                k = 1;
            } else {
                vm_err_str(&vm_exc_TypeError, bytes ? "%c requires an integer in range(256) or "
                           "a single byte" : "%c requires int or char");
                goto done;
            }
            put_padded(out, u, k, 1, width, left);
            break;
        }
        default:
        bad_type:
            if (bytes && type >= 0x80)
                vm_err_str(&vm_exc_ValueError, "");    /* as CPython 3.11 */
            else if (bytes || (type >= 31 && type <= 126))
                vm_err_fmt(&vm_exc_ValueError, "unsupported format character '%c' (0x%x) at "
                           "index %lld", (char)type, (unsigned)type,
                           (long long)nchars(f, (size_t)(tp - f), bytes));
            else
                vm_err_fmt(&vm_exc_ValueError, "unsupported format character '?' (0x%x) at "
                           "index %lld", (unsigned)type,
                           (long long)nchars(f, (size_t)(tp - f), bytes));
            goto done;
        }
    }
    if (st.argidx < st.arglen && !st.dict) {
        vm_err_str(&vm_exc_TypeError, bytes ? "not all arguments converted during bytes "
                   "formatting" : "not all arguments converted during string formatting");
        goto done;
    }
    rc = 0;
done:
    XDECREF(st.owned);
    return rc;
}

Obj *vm_str_percent(Obj *fmt, Obj *args)
{
    Buf out = BUF_INIT;
    if (percent(&out, STR_DATA(fmt), (size_t)STR_LEN(fmt), args, false) < 0) {
        buf_free(&out);
        return NULL;
    }
    Obj *r = vm_str_new(out.data ? out.data : "", out.len);
    buf_free(&out);
    return r;
}

Obj *vm_bytes_percent(const char *fmt, size_t n, Obj *args)
{
    Buf out = BUF_INIT;
    if (percent(&out, fmt, n, args, true) < 0) {
        buf_free(&out);
        return NULL;
    }
    Obj *r = vm_bytes_new(out.data ? out.data : "", out.len);
    buf_free(&out);
    return r;
}

/* ---- str.format ---- */

/* Field numbering state of one str.format call. */
typedef struct FmtNum {
    size_t next;            /* the next automatic index */
    int mode;               /* 0 not yet known, 1 automatic, 2 manual */
} FmtNum;

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return n > 0;
}

/* The object a field name (arg_name ("." attr | "[" key "]")*) names. */
static Obj *lookup_field(const char *name, size_t n, Obj *const *args, size_t npos,
                         Obj *kwnames, Obj *mapping, FmtNum *num)
{
    /* the first part: an index, a keyword, or empty (automatic numbering) */
    size_t k = 0;
    while (k < n && name[k] != '.' && name[k] != '[')
        k++;
    Obj *v;
    if (k == 0 || all_digits(name, k)) {
        size_t idx;
        if (k == 0) {
            if (num->mode == 2)
                return vm_err_str(&vm_exc_ValueError, "cannot switch from manual field "
                                  "specification to automatic field numbering");
            num->mode = 1;
            idx = num->next++;
        } else {
            if (num->mode == 1)
                return vm_err_str(&vm_exc_ValueError, "cannot switch from automatic field "
                                  "numbering to manual field specification");
            num->mode = 2;
            if (k > 18)
                return vm_err_str(&vm_exc_ValueError, "Too many decimal digits in format "
                                  "string");
            idx = (size_t)strtoull(name, NULL, 10);
        }
        if (!args)
            return vm_err_str(&vm_exc_ValueError, "Format string contains positional fields");
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
        Obj *nv;
        if (name[k] == '.') {
            size_t s = ++k;
            while (k < n && name[k] != '.' && name[k] != '[')
                k++;
            if (k == s) {
                DECREF(v);
                return vm_err_str(&vm_exc_ValueError, "Empty attribute in format string");
            }
            Obj *attr = vm_str_new(name + s, k - s);
            nv = vm_getattr(v, attr);
            DECREF(attr);
        } else if (name[k] == '[') {
            size_t s = ++k;
            while (k < n && name[k] != ']')
                k++;
            if (k == s) {
                DECREF(v);
                return vm_err_str(&vm_exc_ValueError, "Empty attribute in format string");
            }
            Obj *key = all_digits(name + s, k - s) && k - s < 19
                ? vm_int_from_i64(strtoll(name + s, NULL, 10)) : vm_str_new(name + s, k - s);
            nv = vm_getitem(v, key);
            DECREF(key);
            k++;
            if (nv && k < n && name[k] != '.' && name[k] != '[') {
                DECREF(nv);
                nv = vm_err_str(&vm_exc_ValueError, "Only '.' or '[' may follow ']' in format "
                                "field specifier");
            }
        } else {
            nv = vm_err_str(&vm_exc_ValueError, "Only '.' or '[' may follow ']' in format field "
                            "specifier");
        }
        DECREF(v);
        if (!(v = nv))
            return NULL;
    }
    return v;
}

/* str.format with the keyword fields looked up in mapping when it is not
 * NULL (str.format_map), else in the keyword arguments; depth counts down
 * the nesting of replacement fields in format specs. */
static Obj *format_impl(Obj *fmt, Obj *const *args, size_t nargs, Obj *kwnames,
                        Obj *mapping, FmtNum *num, int depth)
{
    if (depth <= 0)
        return vm_err_str(&vm_exc_ValueError, "Max string recursion exceeded");
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
            const char *q = p;
            while (q < end && *q != '{' && *q != '}')
                q++;
            buf_put(&out, p, (size_t)(q - p));
            p = q;
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
        /* the field name: up to '!', ':' or '}' outside [...] */
        const char *field = p + 1, *q = field;
        const char *err = NULL;
        while (q < end && *q != '!' && *q != ':' && *q != '}') {
            if (*q == '{') {
                err = "unexpected '{' in field name";
                break;
            }
            if (*q == '[') {
                while (q < end && *q != ']')
                    q++;
                if (q >= end)
                    break;
            }
            q++;
        }
        if (!err && q >= end)
            err = "expected '}' before end of string";
        const char *fe = q, *spec = NULL, *se = NULL;
        char conv = 0;
        if (!err && *q == '!') {
            if (q + 1 >= end) {
                err = "end of string while looking for conversion specifier";
            } else {
                conv = q[1];
                q += 2;
                if (q >= end)
                    err = "unmatched '{' in format spec";
                else if (*q != ':' && *q != '}')
                    err = "expected ':' after conversion specifier";
            }
        }
        if (!err && *q == ':') {
            spec = ++q;
            int count = 1;
            while (q < end) {
                if (*q == '{')
                    count++;
                else if (*q == '}' && --count == 0)
                    break;
                q++;
            }
            if (q >= end)
                err = "unmatched '{' in format spec";
            se = q;
        }
        if (err) {
            buf_free(&out);
            return vm_err_str(&vm_exc_ValueError, err);
        }
        Obj *v = lookup_field(field, (size_t)(fe - field), args, npos, kwnames, mapping, num);
        if (!v) {
            buf_free(&out);
            return NULL;
        }
        if (conv) {
            Obj *cv = conv == 's' ? vm_str(v) : conv == 'r' ? vm_repr(v)
                : conv == 'a' ? vm_ascii(v) : NULL;
            if (!cv && !vm_err_occurred()) {
                if ((unsigned char)conv >= 0x20 && (unsigned char)conv < 0x7f)
                    vm_err_fmt(&vm_exc_ValueError, "Unknown conversion specifier %c", conv);
                else
                    vm_err_fmt(&vm_exc_ValueError, "Unknown conversion specifier \\x%x",
                               (unsigned)(unsigned char)conv);
            }
            DECREF(v);
            if (!(v = cv)) {
                buf_free(&out);
                return NULL;
            }
        }
        Obj *specobj;
        if (spec && memchr(spec, '{', (size_t)(se - spec))) {
            Obj *inner = vm_str_new(spec, (size_t)(se - spec));
            specobj = format_impl(inner, args, nargs, kwnames, mapping, num, depth - 1);
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
    return format_impl(fmt, args, nargs, kwnames, NULL, &num, 2);
}

Obj *vm_str_format_map(Obj *fmt, Obj *mapping)
{
    FmtNum num = {0, 0};
    return format_impl(fmt, NULL, 0, NULL, mapping, &num, 2);
}
