/* cmd/pyvm/bytes.c: bytes.
 *
 * Stage: pyvm.  repr() as CPython (libstage/repr.c's ls_repr_bytes), items
 * are ints, slices are bytes; decode() and str.encode() know UTF-8, ASCII
 * and Latin-1 (errors strict, replace, ignore).  Most text-like methods
 * (find, split, strip, replace, ...) and b"..." % args run str's on the
 * bytes read as Latin-1 and turn str results back into bytes; the case
 * methods and predicates are ASCII-only, as CPython's.
 */
#include "cmd/pyvm/bytes.h"

#include <stdio.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/repr.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/strfmt.h"
#include "cmd/pyvm/tuple.h"

Obj *vm_bytes_new(const char *s, size_t len)
{
    BytesObj *b = vm_alloc(&vm_bytes_type, len + 1);
    b->len = (ssize_t)len;
    b->hash = -1;
    if (len)
        memcpy(b->s, s, len);
    b->s[len] = '\0';
    return (Obj *)b;
}

#define BDATA(o) (((BytesObj *)(o))->s)
#define BLEN(o) (((BytesObj *)(o))->len)

static Obj *bytes_repr(Obj *o)
{
    Buf b = BUF_INIT;
    ls_repr_bytes(&b, BDATA(o), (size_t)BLEN(o));
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static int bytes_hash(Obj *o, int64_t *out)
{
    BytesObj *b = (BytesObj *)o;
    if (b->hash == -1) {
        uint64_t h = 0xcbf29ce484222325u;
        for (ssize_t i = 0; i < b->len; i++) {
            h ^= (unsigned char)b->s[i];
            h *= 0x100000001b3u;
        }
        b->hash = (int64_t)(h >> 1);
    }
    *out = b->hash;
    return 0;
}

static Obj *bytes_richcmp(Obj *a, Obj *b, int op)
{
    if (BYTEARRAY_CHECK(b))
        return vm_richcmp(b, a, op == CMP_LT ? CMP_GT : op == CMP_LE ? CMP_GE
                          : op == CMP_GT ? CMP_LT : op == CMP_GE ? CMP_LE : op);
    if (!BYTES_CHECK(a) || !BYTES_CHECK(b))
        return vm_newref(VM_NOTIMPL);
    size_t n = (size_t)(BLEN(a) < BLEN(b) ? BLEN(a) : BLEN(b));
    int c = n ? memcmp(BDATA(a), BDATA(b), n) : 0;
    if (c == 0)
        c = BLEN(a) < BLEN(b) ? -1 : BLEN(a) > BLEN(b);
    bool r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_EQ ? c == 0
        : op == CMP_NE ? c != 0 : op == CMP_GT ? c > 0 : c >= 0;
    return VM_BOOL(r);
}

static Obj *to_text(Obj *a);
static Obj *from_text(Obj *r);
static Obj *latin1_str(const char *s, size_t n);

/* The arguments of b"..." % args as text: bytes become Latin-1 str,
 * except those a %r or %a conversion shows by repr(). */
static Obj *percent_args(const char *f, size_t n, Obj *args)
{
    if (!TUPLE_CHECK(args)) {
        if (DICT_CHECK(args))
            return vm_newref(args);
        const char *q = memchr(f, '%', n);
        while (q && q + 1 < f + n && q[1] == '%')
            q = memchr(q + 2, '%', (size_t)(f + n - q - 2));
        size_t k = q ? (size_t)(q - f) + 1 : n;
        while (k < n && strchr("-+ #0123456789.*", f[k]))
            k++;
        if (k < n && (f[k] == 'r' || f[k] == 'a'))
            return vm_newref(args);
        return to_text(args);
    }
    Obj *t = vm_tuple_new(TUPLE_LEN(args));
    ssize_t ai = 0;
    for (size_t i = 0; i < n; i++) {
        if (f[i] != '%')
            continue;
        if (i + 1 < n && f[i + 1] == '%') {
            i++;
            continue;
        }
        size_t k = i + 1;
        while (k < n && strchr("-+ #0123456789.*", f[k])) {
            if (f[k] == '*')
                ai++;   /* a * width or precision uses an argument (kept as is) */
            k++;
        }
        if (ai < TUPLE_LEN(args) && k < n && (f[k] == 'r' || f[k] == 'a'))
            TUPLE_ITEMS(t)[ai] = vm_newref(TUPLE_ITEMS(args)[ai]);
        else if (ai < TUPLE_LEN(args))
            TUPLE_ITEMS(t)[ai] = NULL;
        ai++;
        i = k;
    }
    for (ssize_t j = 0; j < TUPLE_LEN(args); j++)
        if (!TUPLE_ITEMS(t)[j] && !(TUPLE_ITEMS(t)[j] = to_text(TUPLE_ITEMS(args)[j]))) {
            for (ssize_t m = j + 1; m < TUPLE_LEN(args); m++)
                if (!TUPLE_ITEMS(t)[m])
                    TUPLE_ITEMS(t)[m] = vm_newref(VM_NONE);
            TUPLE_ITEMS(t)[j] = vm_newref(VM_NONE);
            DECREF(t);
            return NULL;
        }
    return t;
}

static Obj *bytes_binop(Obj *a, Obj *b, int op)
{
    int o = op >= NB_INPLACE_FIRST ? op - NB_INPLACE_FIRST : op;
    if (o == NB_REMAINDER && BYTES_CHECK(a)) {
        /* b"..." % args: formatted as Latin-1 text */
        Obj *fmt = latin1_str(BDATA(a), (size_t)BLEN(a));
        Obj *targs = percent_args(BDATA(a), (size_t)BLEN(a), b);
        Obj *r = targs ? vm_str_percent(fmt, targs) : NULL;
        DECREF(fmt);
        XDECREF(targs);
        return r ? from_text(r) : NULL;
    }
    if (o == NB_ADD && BYTES_CHECK(a) && BYTEARRAY_CHECK(b))
        return vm_newref(VM_NOTIMPL);   /* bytearray's binop concatenates */
    if (o == NB_ADD && BYTES_CHECK(a)) {
        if (!BYTES_CHECK(b))
            return vm_err_fmt(&vm_exc_TypeError, "can't concat %s to bytes", vm_tname(b));
        BytesObj *r = vm_alloc(&vm_bytes_type, (size_t)(BLEN(a) + BLEN(b)) + 1);
        r->len = BLEN(a) + BLEN(b);
        r->hash = -1;
        memcpy(r->s, BDATA(a), (size_t)BLEN(a));
        memcpy(r->s + BLEN(a), BDATA(b), (size_t)BLEN(b));
        r->s[r->len] = '\0';
        return (Obj *)r;
    }
    if (o == NB_MULTIPLY && (INT_CHECK(a) || INT_CHECK(b))) {
        Obj *seq = BYTES_CHECK(a) ? a : b, *n = seq == a ? b : a;
        int64_t k;
        if (vm_int_as_i64(n, &k) < 0)
            return NULL;
        if (k < 0)
            k = 0;
        Buf buf = BUF_INIT;
        for (int64_t i = 0; i < k; i++)
            buf_put(&buf, BDATA(seq), (size_t)BLEN(seq));
        Obj *r = vm_bytes_new(buf.data ? buf.data : "", buf.len);
        buf_free(&buf);
        return r;
    }
    return vm_newref(VM_NOTIMPL);
}

static ssize_t bytes_len(Obj *o)
{
    return BLEN(o);
}

static Obj *bytes_getitem(Obj *o, Obj *key)
{
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, BLEN(o), &start, &stop, &step, &n) < 0)
            return NULL;
        Buf b = BUF_INIT;
        for (ssize_t i = 0, k = start; i < n; i++, k += step)
            buf_putc(&b, BDATA(o)[k]);
        Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
        buf_free(&b);
        return r;
    }
    int64_t i;
    if (vm_index(key, &i, "byte") < 0)
        return NULL;
    if (i < 0)
        i += BLEN(o);
    if (i < 0 || i >= BLEN(o))
        return vm_err_str(&vm_exc_IndexError, "index out of range");
    return vm_int_from_i64((unsigned char)BDATA(o)[i]);
}

static int bytes_contains(Obj *o, Obj *v)
{
    if (INT_CHECK(v)) {
        int64_t c;
        if (vm_int_as_i64(v, &c) < 0)
            return -1;
        if (c < 0 || c > 255) {
            vm_err_str(&vm_exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(BDATA(o), (int)c, (size_t)BLEN(o)) != NULL;
    }
    const char *vp;
    size_t m;
    if (!vm_bytes_buffer(v, &vp, &m)) {
        vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'", vm_tname(v));
        return -1;
    }
    size_t n = (size_t)BLEN(o);
    if (m == 0)
        return 1;
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(BDATA(o) + i, vp, m) == 0)
            return 1;
    return 0;
}

static Obj *bytes_iter(Obj *o)
{
    Obj *l = vm_list_new(BLEN(o));
    for (ssize_t i = 0; i < BLEN(o); i++)
        LIST_ITEMS(l)[i] = vm_int_from_i64((unsigned char)BDATA(o)[i]);
    Obj *it = vm_iter(l);
    DECREF(l);
    return it;
}

static int bytes_truth(Obj *o)
{
    return BLEN(o) != 0;
}

static Obj *bytes_decode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t npos = nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0);
    const char *enc = "utf-8";
    if (npos > 0 && STR_CHECK(args[0]))
        enc = STR_DATA(args[0]);
    bool ascii = strcmp(enc, "ascii") == 0;
    bool latin = strcmp(enc, "latin-1") == 0 || strcmp(enc, "latin1") == 0;
    if (!ascii && !latin && strcmp(enc, "utf-8") != 0 && strcmp(enc, "utf8") != 0)
        return vm_err_fmt(&vm_exc_SystemError, "not supported yet: the %s codec", enc);
    const char *s = BDATA(self);
    size_t n = (size_t)BLEN(self);
    if (latin) {
        Buf b = BUF_INIT;
        for (size_t i = 0; i < n; i++) {
            char u[4];
            int k = ls_utf8_encode((unsigned char)s[i], u);
            buf_put(&b, u, (size_t)k);
        }
        Obj *r = vm_str_new(b.data ? b.data : "", b.len);
        buf_free(&b);
        return r;
    }
    size_t ok = ls_utf8_valid_prefix(s, n);
    if (ascii) {
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)s[i] >= 0x80) {
                ok = i;
                break;
            }
    }
    if (ok < n)
        return vm_err_fmt(&vm_exc_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in "
                          "position %zu: %s", ascii ? "ascii" : "utf-8",
                          (unsigned char)s[ok], ok,
                          ascii ? "ordinal not in range(128)" : "invalid start byte");
    return vm_str_new(s, n);
}

static Obj *bytes_hex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Buf b = BUF_INIT;
    for (ssize_t i = 0; i < BLEN(self); i++)
        buf_printf(&b, "%02x", (unsigned char)BDATA(self)[i]);
    Obj *r = vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

/* ---- bytes methods by delegation to str's: the bytes are read as Latin-1
 * text, the str method runs, and str results are turned back into bytes. */

/* bytes (Latin-1) -> str */
static Obj *latin1_str(const char *s, size_t n)
{
    Buf b = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        char u[4];
        buf_put(&b, u, (size_t)ls_utf8_encode((unsigned char)s[i], u));
    }
    Obj *r = vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

/* str (all code points < 256) -> bytes */
static Obj *str_latin1(Obj *s)
{
    const char *p = STR_DATA(s);
    size_t n = (size_t)STR_LEN(s);
    Buf b = BUF_INIT;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = ls_utf8_decode(p + i, n - i, &cp);
        if (k <= 0)
            k = 1, cp = '?';
        buf_putc(&b, (int)(cp & 0xff));
        i += (size_t)k;
    }
    Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

/* An argument for the str method: bytes become str, ints (a byte value)
 * become a one-character str; tuples are converted item by item. */
static Obj *to_text(Obj *a)
{
    const char *p;
    size_t n;
    if (vm_bytes_buffer(a, &p, &n))
        return latin1_str(p, n);
    if (TUPLE_CHECK(a)) {
        Obj *t = vm_tuple_new(TUPLE_LEN(a));
        for (ssize_t i = 0; i < TUPLE_LEN(a); i++) {
            Obj *x = to_text(TUPLE_ITEMS(a)[i]);
            if (!x) {
                DECREF(t);
                return NULL;
            }
            TUPLE_ITEMS(t)[i] = x;
        }
        return t;
    }
    if (STR_CHECK(a))
        return vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not 'str'");
    return vm_newref(a);
}

/* A str method's result back as bytes (lists and tuples item by item). */
static Obj *from_text(Obj *r)
{
    if (STR_CHECK(r)) {
        Obj *b = str_latin1(r);
        DECREF(r);
        return b;
    }
    if (LIST_CHECK(r)) {
        for (ssize_t i = 0; i < LIST_LEN(r); i++)
            if (STR_CHECK(LIST_ITEMS(r)[i])) {
                Obj *b = str_latin1(LIST_ITEMS(r)[i]);
                DECREF(LIST_ITEMS(r)[i]);
                LIST_ITEMS(r)[i] = b;
            }
        return r;
    }
    if (TUPLE_CHECK(r)) {
        for (ssize_t i = 0; i < TUPLE_LEN(r); i++)
            if (STR_CHECK(TUPLE_ITEMS(r)[i])) {
                Obj *b = str_latin1(TUPLE_ITEMS(r)[i]);
                DECREF(TUPLE_ITEMS(r)[i]);
                TUPLE_ITEMS(r)[i] = b;
            }
        return r;
    }
    return r;
}

static Obj *delegate(const char *name, Obj *self, Obj *const *args, size_t nargs,
                     Obj *kwnames)
{
    Obj *targs[8];
    if (nargs > 8)
        return vm_err_fmt(&vm_exc_TypeError, "%s() takes at most 8 arguments", name);
    size_t done = 0;
    Obj *r = NULL, *s = NULL, *m = NULL;
    for (; done < nargs; done++)
        if (!(targs[done] = to_text(args[done])))
            goto out;
    s = latin1_str(BDATA(self), (size_t)BLEN(self));
    Obj *nm = vm_str_cstr(name);
    m = vm_getattr(s, nm);
    DECREF(nm);
    if (m && (r = vm_call(m, targs, nargs, kwnames)) != NULL)
        r = from_text(r);
out:
    for (size_t i = 0; i < done; i++)
        DECREF(targs[i]);
    XDECREF(s);
    XDECREF(m);
    return r;
}

#define BYTES_DELEGATE(NAME)                                                          \
    static Obj *bytes_##NAME(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    {                                                                                 \
        return delegate(#NAME, self, args, nargs, kwnames);                           \
    }
BYTES_DELEGATE(find)
BYTES_DELEGATE(rfind)
BYTES_DELEGATE(index)
BYTES_DELEGATE(rindex)
BYTES_DELEGATE(count)
BYTES_DELEGATE(split)
BYTES_DELEGATE(rsplit)
BYTES_DELEGATE(splitlines)
BYTES_DELEGATE(strip)
BYTES_DELEGATE(lstrip)
BYTES_DELEGATE(rstrip)
BYTES_DELEGATE(replace)
BYTES_DELEGATE(startswith)
BYTES_DELEGATE(endswith)
BYTES_DELEGATE(partition)
BYTES_DELEGATE(rpartition)
BYTES_DELEGATE(center)
BYTES_DELEGATE(ljust)
BYTES_DELEGATE(rjust)
BYTES_DELEGATE(zfill)
BYTES_DELEGATE(expandtabs)
BYTES_DELEGATE(removeprefix)
BYTES_DELEGATE(removesuffix)
#undef BYTES_DELEGATE

static Obj *bytes_join(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("join", kwnames) < 0 || vm_argc("join", nargs, 1, 1) < 0)
        return NULL;
    Obj *l = vm_list_from_iter(args[0]);
    if (!l)
        return NULL;
    Buf b = BUF_INIT;
    for (ssize_t i = 0; i < LIST_LEN(l); i++) {
        Obj *x = LIST_ITEMS(l)[i];
        const char *xp;
        size_t xn;
        if (!vm_bytes_buffer(x, &xp, &xn)) {
            buf_free(&b);
            vm_err_fmt(&vm_exc_TypeError, "sequence item %zd: expected a bytes-like object, "
                       "%s found", i, vm_tname(x));
            DECREF(l);
            return NULL;
        }
        if (i)
            buf_put(&b, BDATA(self), (size_t)BLEN(self));
        buf_put(&b, xp, xn);
    }
    DECREF(l);
    Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

/* ASCII-only case mappings: mode 'u' upper, 'l' lower, 's' swapcase. */
static Obj *bytes_case(Obj *self, const char *name, size_t nargs, Obj *kwnames, char mode)
{
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, 0, 0) < 0)
        return NULL;
    Obj *r = vm_bytes_new(BDATA(self), (size_t)BLEN(self));
    char *p = BDATA(r);
    for (ssize_t i = 0; i < BLEN(r); i++) {
        bool lo = p[i] >= 'a' && p[i] <= 'z', up = p[i] >= 'A' && p[i] <= 'Z';
        if ((lo && mode != 'l') || (up && mode != 'u'))
            p[i] ^= 0x20;
    }
    return r;
}

static Obj *bytes_upper(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)args;
    return bytes_case(self, "upper", nargs, kwnames, 'u');
}

static Obj *bytes_lower(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)args;
    return bytes_case(self, "lower", nargs, kwnames, 'l');
}

static Obj *bytes_swapcase(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)args;
    return bytes_case(self, "swapcase", nargs, kwnames, 's');
}

/* ASCII-only predicates: which is "alpha", "digit", "space", "alnum",
 * "upper", "lower". */
static Obj *bytes_pred(Obj *self, size_t nargs, Obj *kwnames, const char *which)
{
    if (vm_nokw(which, kwnames) < 0 || vm_argc(which, nargs, 0, 0) < 0)
        return NULL;
    bool any_up = false, any_lo = false;
    for (ssize_t i = 0; i < BLEN(self); i++) {
        int c = (unsigned char)BDATA(self)[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z', dg = c >= '0' && c <= '9';
        bool sp = c == ' ' || (c >= 9 && c <= 13);
        any_up |= up;
        any_lo |= lo;
        bool ok = which[2] == 'a' && which[3] == 'l' && which[4] == 'p' ? up || lo
                : which[2] == 'd' ? dg : which[2] == 's' ? sp
                : which[2] == 'a' ? up || lo || dg : true;
        if (!ok)
            return VM_BOOL(false);
    }
    if (which[2] == 'u')
        return VM_BOOL(any_up && !any_lo);
    if (which[2] == 'l')
        return VM_BOOL(any_lo && !any_up);
    return VM_BOOL(BLEN(self) > 0);
}

#define BYTES_PRED(NAME)                                                              \
    static Obj *bytes_##NAME(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    {                                                                                 \
        (void)args;                                                                   \
        return bytes_pred(self, nargs, kwnames, #NAME);                               \
    }
BYTES_PRED(isalpha)
BYTES_PRED(isdigit)
BYTES_PRED(isspace)
BYTES_PRED(isalnum)
BYTES_PRED(isupper)
BYTES_PRED(islower)
#undef BYTES_PRED

/* bytes.fromhex(string), a class method */
Obj *vm_bytes_fromhex(Obj *cls, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)cls;
    if (vm_nokw("fromhex", kwnames) < 0 || vm_argc("fromhex", nargs - 1, 1, 1) < 0)
        return NULL;
    args++;     /* args[0] is the class */
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "fromhex() argument must be str, not %s",
                          vm_tname(args[0]));
    const char *s = STR_DATA(args[0]);
    size_t n = (size_t)STR_LEN(args[0]);
    Buf b = BUF_INIT;
    for (size_t i = 0; i < n;) {
        if (s[i] == ' ' || (s[i] >= 9 && s[i] <= 13)) {
            i++;
            continue;
        }
        int v[2];
        for (int k = 0; k < 2; k++) {
            char c = i + (size_t)k < n ? s[i + (size_t)k] : 0;
            v[k] = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f'
                 ? (c | 0x20) - 'a' + 10 : -1;
            if (v[k] < 0) {
                buf_free(&b);
                return vm_err_fmt(&vm_exc_ValueError, "non-hexadecimal number found in "
                                  "fromhex() arg at position %zu", i + (size_t)k);
            }
        }
        buf_putc(&b, v[0] * 16 + v[1]);
        i += 2;
    }
    Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

static const MethodDef bytes_methods[] = {
    {"decode", bytes_decode},
    {"hex", bytes_hex},
    {"find", bytes_find},
    {"rfind", bytes_rfind},
    {"index", bytes_index},
    {"rindex", bytes_rindex},
    {"count", bytes_count},
    {"split", bytes_split},
    {"rsplit", bytes_rsplit},
    {"splitlines", bytes_splitlines},
    {"strip", bytes_strip},
    {"lstrip", bytes_lstrip},
    {"rstrip", bytes_rstrip},
    {"replace", bytes_replace},
    {"startswith", bytes_startswith},
    {"endswith", bytes_endswith},
    {"partition", bytes_partition},
    {"rpartition", bytes_rpartition},
    {"center", bytes_center},
    {"ljust", bytes_ljust},
    {"rjust", bytes_rjust},
    {"zfill", bytes_zfill},
    {"expandtabs", bytes_expandtabs},
    {"removeprefix", bytes_removeprefix},
    {"removesuffix", bytes_removesuffix},
    {"join", bytes_join},
    {"upper", bytes_upper},
    {"lower", bytes_lower},
    {"swapcase", bytes_swapcase},
    {"isalpha", bytes_isalpha},
    {"isdigit", bytes_isdigit},
    {"isspace", bytes_isspace},
    {"isalnum", bytes_isalnum},
    {"isupper", bytes_isupper},
    {"islower", bytes_islower},
    {NULL, NULL},
};

Obj *vm_str_encode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t npos = nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0);
    const char *enc = npos > 0 && STR_CHECK(args[0]) ? STR_DATA(args[0]) : "utf-8";
    const char *errors = npos > 1 && STR_CHECK(args[1]) ? STR_DATA(args[1]) : "strict";
    for (size_t i = npos; i < nargs; i++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[i - npos];
        if (vm_str_eqc(kn, "encoding") && STR_CHECK(args[i]))
            enc = STR_DATA(args[i]);
        else if (vm_str_eqc(kn, "errors") && STR_CHECK(args[i]))
            errors = STR_DATA(args[i]);
    }
    bool ascii = strcmp(enc, "ascii") == 0;
    bool latin = strcmp(enc, "latin-1") == 0 || strcmp(enc, "latin1") == 0
                 || strcmp(enc, "iso-8859-1") == 0;
    if (!ascii && !latin && strcmp(enc, "utf-8") != 0 && strcmp(enc, "utf8") != 0)
        return vm_err_fmt(&vm_exc_SystemError, "not supported yet: the %s codec", enc);
    if (!ascii && !latin)
        return vm_bytes_new(STR_DATA(self), (size_t)STR_LEN(self));
    unsigned limit = ascii ? 0x80 : 0x100;
    const char *s = STR_DATA(self);
    size_t n = (size_t)STR_LEN(self);
    Buf b = BUF_INIT;
    size_t pos = 0;
    for (size_t i = 0; i < n; pos++) {
        uint32_t cp;
        int k = ls_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) {
            k = 1;
            cp = 0xdc80;
        }
        if (cp < limit) {
            buf_putc(&b, (int)cp);
        } else if (strcmp(errors, "replace") == 0) {
            buf_putc(&b, '?');
        } else if (strcmp(errors, "ignore") != 0) {
            buf_free(&b);
            char esc[16];
            snprintf(esc, sizeof esc, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x"
                     : "\\U%08x", (unsigned)cp);
            vm_err_fmt(&vm_exc_UnicodeEncodeError, "'%s' codec can't encode character '%s' in "
                       "position %zu: ordinal not in range(%u)", ascii ? "ascii" : "latin-1",
                       esc, pos, limit);
            return NULL;
        }
        i += (size_t)k;
    }
    Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

static Obj *bytes_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs == 0)
        return vm_bytes_new("", 0);
    Obj *x = args[0];
    if (STR_CHECK(x)) {
        if (nargs < 2)
            return vm_err_str(&vm_exc_TypeError, "string argument without an encoding");
        return vm_str_encode(x, args + 1, nargs - 1, kwnames);
    }
    if (INT_CHECK(x)) {
        int64_t n;
        if (vm_int_as_i64(x, &n) < 0)
            return NULL;
        if (n < 0)
            return vm_err_str(&vm_exc_ValueError, "negative count");
        BytesObj *b = vm_alloc(&vm_bytes_type, (size_t)n + 1);
        b->len = n;
        b->hash = -1;
        memset(b->s, 0, (size_t)n + 1);
        return (Obj *)b;
    }
    if (BYTES_CHECK(x))
        return vm_newref(x);
    if (BYTEARRAY_CHECK(x)) {
        const char *p;
        size_t n;
        vm_bytes_buffer(x, &p, &n);
        return vm_bytes_new(p, n);
    }
    Obj *l = vm_list_from_iter(x);
    if (!l)
        return NULL;
    Buf b = BUF_INIT;
    for (ssize_t i = 0; i < LIST_LEN(l); i++) {
        int64_t c;
        Obj *item = LIST_ITEMS(l)[i];
        if (!INT_CHECK(item)) {
            buf_free(&b);
            DECREF(l);
            return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an "
                              "integer", vm_tname(item));
        }
        if (vm_int_as_i64(item, &c) < 0 || c < 0 || c > 255) {
            vm_err_clear();
            buf_free(&b);
            DECREF(l);
            return vm_err_str(&vm_exc_ValueError, "bytes must be in range(0, 256)");
        }
        buf_putc(&b, (int)c);
    }
    DECREF(l);
    Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

Type vm_bytes_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "bytes",
    .base = &vm_object_type,
    .basicsize = sizeof(BytesObj),
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcmp = bytes_richcmp,
    .binop = bytes_binop,
    .truth = bytes_truth,
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .iter = bytes_iter,
    .construct = bytes_construct,
    .methods = bytes_methods,
};
