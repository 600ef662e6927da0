/* cmd/pyvm/mod_marshal.c: the built-in module marshal (dumps, loads,
 * dump, load, version), writing and reading CPython 3.11's marshal format
 * byte for byte.
 *
 * Stage: pyvm.  One type byte per value, then its data, little endian:
 *   N F T . S        None, False, True, Ellipsis, StopIteration
 *   i <int32>        an int in 32 bits; l <int32 n> <n 15-bit digits>
 *                    otherwise (n negative for a negative int)
 *   f <n> <text>     float as %.17g text (versions 0, 1); g <double> (2+)
 *   x / y            complex: two of the float forms
 *   s <int32 n>      bytes (and any other buffer)
 *   u / t <int32 n>  str as UTF-8 (surrogates kept); t: interned (3+)
 *   a A / z Z        version 4 ASCII str: int32 / one-byte length; A Z
 *                    interned
 *   ( <int32 n>      tuple; ) <byte n> a small tuple (version 4)
 *   [ <int32 n>      list; { key value ... 0  dict; < > set, frozenset
 *   r <int32 i>      the i-th value written with FLAG_REF (0x80 on its type
 *                    byte; versions 3+)
 * CPython flags an object for reference only when another reference to it
 * exists (its reference count is above one), which pyvm's counts follow;
 * the objects CPython caches (small ints, empty and one-character str,
 * one-byte bytes, the empty tuple) count as shared, and so do the items
 * of a shared tuple (CPython's compiler shares a constant tuple's items
 * with the code's other constants; pyvm's do not), and a str counts as
 * interned when pyvm interned it and CPython would have (identifier
 * characters only).  Code objects are pyvm's own format (formats/code.md),
 * not CPython's, so dumps() rejects them (ValueError "unmarshallable
 * object") and loads() of CPython code data raises ValueError.
 */
#include "cmd/pyvm/module.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/complex.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/set.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

#define MSH_VERSION 4
#define MSH_MAX_DEPTH 2000      /* CPython's MAX_MARSHAL_STACK_DEPTH */
#define FLAG_REF 0x80

/* ---- writing ---- */

typedef struct MshWriter {
    Buf out;                /* the bytes written */
    int version;            /* format version 0..4 (larger counts as 4) */
    int depth;              /* nesting, against MSH_MAX_DEPTH */
    Obj **keys;             /* the objects flagged for reference (open addressing) */
    int32_t *idx;           /* their reference numbers */
    size_t cap;             /* table size (a power of two), 0 before the first */
    size_t count;           /* objects flagged so far */
    bool in_shared;         /* writing the items of a shared tuple (see above) */
    Obj **cached;           /* the first object written of each cached value */
    size_t ncached, capcached;
} MshWriter;

static void w_byte(MshWriter *w, int c)
{
    buf_putc(&w->out, c);
}

static void w_long(MshWriter *w, int32_t v)
{
    uint32_t u = (uint32_t)v;
    for (int k = 0; k < 4; k++)
        buf_putc(&w->out, (int)((u >> (8 * k)) & 0xFF));
}

static void w_double(MshWriter *w, double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    for (int k = 0; k < 8; k++)
        buf_putc(&w->out, (int)((u >> (8 * k)) & 0xFF));
}

/* The version 0/1 float text: repr-like %.17g, "inf", "-inf", "nan". */
static void w_float_text(MshWriter *w, double d)
{
    char t[40];
    if (isnan(d))
        strcpy(t, "nan");
    else if (isinf(d))
        strcpy(t, d > 0 ? "inf" : "-inf");
    else
        snprintf(t, sizeof t, "%.17g", d);
    size_t n = strlen(t);
    w_byte(w, (int)n);
    buf_put(&w->out, t, n);
}

static size_t ref_slot(MshWriter *w, Obj *o)
{
    size_t h = ((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15u;
    size_t i = h & (w->cap - 1);
    while (w->keys[i] && w->keys[i] != o)
        i = (i + 1) & (w->cap - 1);
    return i;
}

/* Is o one of the objects CPython keeps one shared copy of? */
static bool msh_cached(Obj *o)
{
    if (INT_CHECK(o))
        return INT_IS_SMALL(o) && INT_SMALL(o) >= VM_INT_SHARED_MIN
            && INT_SMALL(o) <= VM_INT_SHARED_MAX;
    if (STR_CHECK(o)) {
        if (STR_LEN(o) == 0)
            return true;
        if (((StrObj *)o)->ulen != 1)
            return false;
        unsigned char c = (unsigned char)STR_DATA(o)[0];
        return c < 0x80 || (c == 0xC2 || c == 0xC3);  /* U+0000..U+00FF */
    }
    if (BYTES_CHECK(o))
        return ((BytesObj *)o)->len <= 1;
    if (TYPE(o) == &vm_tuple_type)
        return TUPLE_LEN(o) == 0;
    return false;
}

/* A cached value is one object in CPython: the object already written
 * with the same type and value stands for o (borrowed), else o. */
static Obj *msh_canonical(MshWriter *w, Obj *o)
{
    for (size_t i = 0; i < w->ncached; i++) {
        Obj *c = w->cached[i];
        if (TYPE(c) != TYPE(o))
            continue;
        if (INT_CHECK(o) ? INT_SMALL(c) == INT_SMALL(o)
            : STR_CHECK(o) ? vm_str_eq(c, o)
            : BYTES_CHECK(o) ? ((BytesObj *)c)->len == ((BytesObj *)o)->len
              && memcmp(((BytesObj *)c)->s, ((BytesObj *)o)->s, (size_t)((BytesObj *)o)->len) == 0
            : true)     /* the empty tuple */
            return c;
    }
    if (w->ncached == w->capcached) {
        w->capcached = w->capcached ? 2 * w->capcached : 16;
        w->cached = ls_xrealloc(w->cached, w->capcached * sizeof *w->cached);
    }
    w->cached[w->ncached++] = o;
    return o;
}

/* CPython's w_ref: 1 when o was written before (a reference is out);
 * else 0, with FLAG_REF added to *code when o is shared. */
static int w_ref(MshWriter *w, Obj *o, int *code)
{
    if (w->version < 3)
        return 0;
    bool cached = msh_cached(o);
    if (o->refcnt == 1 && !cached && !w->in_shared)
        return 0;
    if (cached)
        o = msh_canonical(w, o);
    if (w->cap && w->keys[ref_slot(w, o)]) {
        w_byte(w, 'r');
        w_long(w, w->idx[ref_slot(w, o)]);
        return 1;
    }
    if ((w->count + 1) * 2 > w->cap) {
        size_t ncap = w->cap ? w->cap * 2 : 64;
        Obj **ok = w->keys;
        int32_t *oi = w->idx;
        size_t ocap = w->cap;
        w->keys = ls_xmalloc(ncap * sizeof *w->keys);
        w->idx = ls_xmalloc(ncap * sizeof *w->idx);
        memset(w->keys, 0, ncap * sizeof *w->keys);
        w->cap = ncap;
        for (size_t i = 0; i < ocap; i++)
            if (ok[i]) {
                size_t s = ref_slot(w, ok[i]);
                w->keys[s] = ok[i];
                w->idx[s] = oi[i];
            }
        free(ok);
        free(oi);
    }
    size_t s = ref_slot(w, o);
    w->keys[s] = o;
    w->idx[s] = (int32_t)w->count++;
    *code |= FLAG_REF;
    return 0;
}

/* CPython's "interned" for a str (see the header comment). */
static bool msh_interned(Obj *o)
{
    if (!((StrObj *)o)->interned)
        return STR_LEN(o) == 0;
    for (ssize_t i = 0; i < STR_LEN(o); i++) {
        unsigned char c = (unsigned char)STR_DATA(o)[i];
        if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')))
            return false;
    }
    return true;
}

static int w_object(MshWriter *w, Obj *o);

static int w_items(MshWriter *w, Obj *const *items, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++)
        if (w_object(w, items[i]) < 0)
            return -1;
    return 0;
}

/* A set's or frozenset's items, in iteration order. */
static int w_set(MshWriter *w, Obj *o, int code)
{
    Obj *l = vm_list_from_iter(o);
    if (!l)
        return -1;
    w_byte(w, code);
    w_long(w, (int32_t)LIST_LEN(l));
    int rc = w_items(w, LIST_ITEMS(l), LIST_LEN(l));
    DECREF(l);
    return rc;
}

static int w_long_obj(MshWriter *w, Obj *o, int flag)
{
    if (INT_IS_SMALL(o) && INT_SMALL(o) >= INT32_MIN && INT_SMALL(o) <= INT32_MAX) {
        w_byte(w, 'i' | flag);
        w_long(w, (int32_t)INT_SMALL(o));
        return 0;
    }
    /* 15-bit digits of |o|, least significant first */
    Buf hex = BUF_INIT;
    if (vm_int_format_base(&hex, o, 16, false) < 0) {
        buf_free(&hex);
        return -1;
    }
    const char *s = hex.data;
    size_t n = hex.len;
    bool neg = n && s[0] == '-';
    if (neg) {
        s++;
        n--;
    }
    /* bits from the hex digits, lowest first */
    size_t nbits = n * 4, ndig = (nbits + 14) / 15;
    uint16_t *dig = ls_xmalloc((ndig + 1) * sizeof *dig);
    memset(dig, 0, (ndig + 1) * sizeof *dig);
    for (size_t k = 0; k < n; k++) {
        char c = s[n - 1 - k];
        unsigned v = c <= '9' ? (unsigned)(c - '0') : (unsigned)(c - 'a' + 10);
        for (int b = 0; b < 4; b++)
            if (v >> b & 1) {
                size_t bit = k * 4 + (size_t)b;
                dig[bit / 15] |= (uint16_t)(1u << (bit % 15));
            }
    }
    while (ndig > 0 && dig[ndig - 1] == 0)
        ndig--;
    buf_free(&hex);
    w_byte(w, 'l' | flag);
    w_long(w, neg ? -(int32_t)ndig : (int32_t)ndig);
    for (size_t k = 0; k < ndig; k++) {
        w_byte(w, dig[k] & 0xFF);
        w_byte(w, dig[k] >> 8);
    }
    free(dig);
    return 0;
}

static int w_str(MshWriter *w, Obj *o, int flag)
{
    bool interned = w->version >= 3 && msh_interned(o);
    ssize_t n = STR_LEN(o);
    if (w->version >= 4 && ((StrObj *)o)->ulen == n) {    /* ASCII */
        if (n < 256) {
            w_byte(w, (interned ? 'Z' : 'z') | flag);
            w_byte(w, (int)n);
        } else {
            w_byte(w, (interned ? 'A' : 'a') | flag);
            w_long(w, (int32_t)n);
        }
    } else {
        w_byte(w, (interned ? 't' : 'u') | flag);
        w_long(w, (int32_t)n);
    }
    buf_put(&w->out, STR_DATA(o), (size_t)n);
    return 0;
}

static int w_value(MshWriter *w, Obj *o);

/* Every value counts against the nesting limit, as CPython's. */
static int w_object(MshWriter *w, Obj *o)
{
    if (++w->depth > MSH_MAX_DEPTH) {
        w->depth--;
        vm_err_str(&vm_exc_ValueError, "object too deeply nested to marshal");
        return -1;
    }
    int rc = w_value(w, o);
    w->depth--;
    return rc;
}

static int w_value(MshWriter *w, Obj *o)
{
    if (o == VM_NONE) {
        w_byte(w, 'N');
        return 0;
    }
    if (o == (Obj *)&vm_exc_StopIteration) {
        w_byte(w, 'S');
        return 0;
    }
    if (o == &vm_ellipsis_obj) {
        w_byte(w, '.');
        return 0;
    }
    if (o == VM_FALSE || o == VM_TRUE) {
        w_byte(w, o == VM_TRUE ? 'T' : 'F');
        return 0;
    }
    Type *t = TYPE(o);
    bool buffer = t == &vm_bytes_type || t == &vm_bytearray_type;
    const char *bd = NULL;
    size_t bn = 0;
    if (!buffer && t != &vm_int_type && t != &vm_float_type && t != &vm_complex_type
        && t != &vm_str_type && t != &vm_tuple_type && t != &vm_list_type
        && t != &vm_dict_type && t != &vm_set_type && t != &vm_frozenset_type)
        buffer = vm_bytes_buffer(o, &bd, &bn);
    if (!buffer && t != &vm_int_type && t != &vm_float_type && t != &vm_complex_type
        && t != &vm_str_type && t != &vm_tuple_type && t != &vm_list_type
        && t != &vm_dict_type && t != &vm_set_type && t != &vm_frozenset_type) {
        vm_err_str(&vm_exc_ValueError, "unmarshallable object");
        return -1;
    }
    int flag = 0;
    if (w_ref(w, o, &flag))
        return 0;
    bool outer = w->in_shared;
    if (t != &vm_tuple_type)
        w->in_shared = false;
    int rc = 0;
    if (t == &vm_int_type) {
        rc = w_long_obj(w, o, flag);
    } else if (t == &vm_float_type) {
        if (w->version > 1) {
            w_byte(w, 'g' | flag);
            w_double(w, FLOAT_VAL(o));
        } else {
            w_byte(w, 'f' | flag);
            w_float_text(w, FLOAT_VAL(o));
        }
    } else if (t == &vm_complex_type) {
        ComplexObj *c = (ComplexObj *)o;
        if (w->version > 1) {
            w_byte(w, 'y' | flag);
            w_double(w, c->re);
            w_double(w, c->im);
        } else {
            w_byte(w, 'x' | flag);
            w_float_text(w, c->re);
            w_float_text(w, c->im);
        }
    } else if (t == &vm_str_type) {
        rc = w_str(w, o, flag);
    } else if (t == &vm_tuple_type) {
        ssize_t n = TUPLE_LEN(o);
        if (w->version >= 4 && n < 256) {
            w_byte(w, ')' | flag);
            w_byte(w, (int)n);
        } else {
            w_byte(w, '(' | flag);
            w_long(w, (int32_t)n);
        }
        bool outer = w->in_shared;
        w->in_shared = flag != 0;
        rc = w_items(w, TUPLE_ITEMS(o), n);
        w->in_shared = outer;
    } else if (t == &vm_list_type) {
        w_byte(w, '[' | flag);
        w_long(w, (int32_t)LIST_LEN(o));
        /* a copy of the item pointers: the list may not change meanwhile */
        for (ssize_t i = 0; i < LIST_LEN(o) && rc == 0; i++)
            rc = w_object(w, LIST_ITEMS(o)[i]);
    } else if (t == &vm_dict_type) {
        w_byte(w, '{' | flag);
        ssize_t pos = 0;
        Obj *k, *v;
        while (rc == 0 && vm_dict_next(o, &pos, &k, &v)) {
            rc = w_object(w, k);
            if (rc == 0)
                rc = w_object(w, v);
        }
        w_byte(w, '0');
    } else if (t == &vm_set_type || t == &vm_frozenset_type) {
        rc = w_set(w, o, (t == &vm_set_type ? '<' : '>') | flag);
    } else {
        if (t == &vm_bytes_type || t == &vm_bytearray_type)
            (void)vm_bytes_buffer(o, &bd, &bn);
        w_byte(w, 's' | flag);
        w_long(w, (int32_t)bn);
        buf_put(&w->out, bd, bn);
    }
    w->in_shared = outer;
    return rc;
}

static int msh_version_arg(Obj *v, int *out)
{
    int64_t x;
    if (!INT_CHECK(v)) {
        vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   vm_tname(v));
        return -1;
    }
    if (vm_int_as_i64(v, &x) < 0)
        return -1;
    if (x < INT32_MIN || x > INT32_MAX) {
        vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* The marshal bytes of v as a bytes object. */
static Obj *msh_dumps(Obj *v, int version)
{
    MshWriter w = {BUF_INIT, version, 0, NULL, NULL, 0, 0, false, NULL, 0, 0};
    int rc = w_object(&w, v);
    free(w.cached);
    free(w.keys);
    free(w.idx);
    Obj *r = rc < 0 ? NULL : vm_bytes_new(w.out.data ? w.out.data : "", w.out.len);
    buf_free(&w.out);
    return r;
}

static int msh_args(const char *name, Obj *const *args, size_t nargs, Obj *kwnames,
                    size_t min, size_t max)
{
    if (kwnames && TUPLE_LEN(kwnames)) {
        vm_err_fmt(&vm_exc_TypeError, "marshal.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < min) {
        if (min == max)
            vm_err_fmt(&vm_exc_TypeError, "marshal.%s() takes exactly one argument (%zu "
                       "given)", name, nargs);
        else
            vm_err_fmt(&vm_exc_TypeError, "%s expected at least %zu argument%s, got %zu",
                       name, min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        if (min == max)
            vm_err_fmt(&vm_exc_TypeError, "marshal.%s() takes exactly one argument (%zu "
                       "given)", name, nargs);
        else
            vm_err_fmt(&vm_exc_TypeError, "%s expected at most %zu arguments, got %zu",
                       name, max, nargs);
        return -1;
    }
    return 0;
}

static Obj *m_dumps(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (msh_args("dumps", args, nargs, kwnames, 1, 2) < 0)
        return NULL;
    int version = MSH_VERSION;
    if (nargs > 1 && msh_version_arg(args[1], &version) < 0)
        return NULL;
    return msh_dumps(args[0], version);
}

static Obj *msh_call1(Obj *o, const char *name, Obj *arg)
{
    Obj *m = vm_getattr(o, vm_str_intern(name, strlen(name)));
    if (!m)
        return NULL;
    Obj *r = vm_call(m, &arg, arg ? 1 : 0, NULL);
    DECREF(m);
    return r;
}

static Obj *m_dump(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (msh_args("dump", args, nargs, kwnames, 2, 3) < 0)
        return NULL;
    int version = MSH_VERSION;
    if (nargs > 2 && msh_version_arg(args[2], &version) < 0)
        return NULL;
    Obj *b = msh_dumps(args[0], version);
    if (!b)
        return NULL;
    Obj *r = msh_call1(args[1], "write", b);
    DECREF(b);
    if (!r)
        return NULL;
    DECREF(r);
    return vm_newref(VM_NONE);
}

/* ---- reading ---- */

typedef struct MshReader {
    const unsigned char *p;     /* the data (loads) */
    size_t len;                 /* its length */
    size_t pos;                 /* next byte */
    Obj *file;                  /* load(): the file read from, else NULL */
    Obj *chunk;                 /* load(): the last bytes read (keeps p alive) */
    int depth;                  /* nesting */
    Obj **refs;                 /* the values flagged FLAG_REF, in order (NULL: reserved) */
    size_t nrefs, caprefs;
} MshReader;

static int r_short_err(void)
{
    vm_err_str(&vm_exc_EOFError, "marshal data too short");
    return -1;
}

/* The next n bytes; NULL with EOFError when fewer are left. */
static const unsigned char *r_bytes(MshReader *r, size_t n)
{
    if (r->file) {
        Obj *cnt = vm_int_from_i64((int64_t)n);
        Obj *b = msh_call1(r->file, "read", cnt);
        DECREF(cnt);
        if (!b)
            return NULL;
        const char *d;
        size_t got;
        if (!vm_bytes_buffer(b, &d, &got)) {
            vm_err_fmt(&vm_exc_TypeError, "file.read() returned not bytes but %s",
                       vm_tname(b));
            DECREF(b);
            return NULL;
        }
        XDECREF(r->chunk);
        r->chunk = b;
        if (got < n) {
            r_short_err();
            return NULL;
        }
        return (const unsigned char *)d;
    }
    if (r->len - r->pos < n) {
        r->pos = r->len;
        r_short_err();
        return NULL;
    }
    const unsigned char *s = r->p + r->pos;
    r->pos += n;
    return s;
}

/* One byte, or -1 at the end (no error set). */
static int r_byte(MshReader *r)
{
    if (r->file) {
        const unsigned char *s = r_bytes(r, 1);
        if (!s) {
            if (vm_err_matches(&vm_exc_EOFError))
                vm_err_clear();
            return -1;
        }
        return s[0];
    }
    if (r->pos >= r->len)
        return -1;
    return r->p[r->pos++];
}

static int r_long(MshReader *r, int32_t *out)
{
    const unsigned char *s = r_bytes(r, 4);
    if (!s)
        return -1;
    *out = (int32_t)((uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16
                     | (uint32_t)s[3] << 24);
    return 0;
}

static int r_double(MshReader *r, double *out)
{
    const unsigned char *s = r_bytes(r, 8);
    if (!s)
        return -1;
    uint64_t u = 0;
    for (int k = 7; k >= 0; k--)
        u = u << 8 | s[k];
    memcpy(out, &u, 8);
    return 0;
}

static int r_float_text(MshReader *r, double *out)
{
    int n = r_byte(r);
    if (n < 0) {
        if (!vm_err_occurred())
            vm_err_str(&vm_exc_EOFError, "EOF read where object expected");
        return -1;
    }
    const unsigned char *s = r_bytes(r, (size_t)n);
    if (!s)
        return -1;
    Obj *f = vm_float_from_str((const char *)s, (size_t)n);
    if (!f)
        return -1;
    *out = FLOAT_VAL(f);
    DECREF(f);
    return 0;
}

static Obj *r_bad(const char *what)
{
    return vm_err_fmt(&vm_exc_ValueError, "bad marshal data (%s)", what);
}

/* Reserve the next reference number (filled by r_ref_set). */
static size_t r_ref_reserve(MshReader *r)
{
    if (r->nrefs == r->caprefs) {
        r->caprefs = r->caprefs ? r->caprefs * 2 : 16;
        r->refs = ls_xrealloc(r->refs, r->caprefs * sizeof *r->refs);
    }
    r->refs[r->nrefs] = NULL;
    return r->nrefs++;
}

static void r_ref_set(MshReader *r, size_t i, Obj *v)
{
    r->refs[i] = vm_newref(v);
}

static Obj *r_object(MshReader *r);

/* An item of a container: NULL with TypeError for a NULL ('0') item. */
static Obj *r_item(MshReader *r, const char *what)
{
    Obj *v = r_object(r);
    if (!v && !vm_err_occurred())
        vm_err_fmt(&vm_exc_TypeError, "NULL object in marshal data for %s", what);
    return v;
}

/* Can the data still hold n more bytes?  (Only known for loads(): a
 * count larger than the rest fails before anything is allocated.) */
static bool r_room(MshReader *r, size_t n, bool items)
{
    if (r->file || r->len - r->pos >= n)
        return true;
    r->pos = r->len;
    if (items)      /* the error reading the first missing item */
        vm_err_str(&vm_exc_EOFError, "EOF read where object expected");
    else
        r_short_err();
    return false;
}

/* 'l': 15-bit digits, least significant first, turned into hex digits. */
static Obj *r_long_obj(MshReader *r)
{
    int32_t n;
    if (r_long(r, &n) < 0)
        return NULL;
    if (n == INT32_MIN)
        return r_bad("long size out of range");
    size_t nd = (size_t)(n < 0 ? -(int64_t)n : n);
    if (nd == 0)
        return vm_int_from_i64(0);
    if (!r_room(r, 2 * nd, false))
        return NULL;
    size_t nnib = (15 * nd + 3) / 4;
    unsigned char *nib = calloc(nnib, 1);
    if (!nib)
        return vm_err_nomem();
    for (size_t k = 0; k < nd; k++) {
        const unsigned char *s = r_bytes(r, 2);
        unsigned d = s ? ((unsigned)s[0] | (unsigned)s[1] << 8) : 0;
        if (!s || d >= 1u << 15 || (k == nd - 1 && d == 0)) {
            free(nib);
            if (!s)
                return NULL;
            return r_bad(d ? "digit out of range in long" : "unnormalized long data");
        }
        for (unsigned b = 0; b < 15; b++)
            if (d >> b & 1) {
                size_t bit = 15 * k + b;
                nib[bit / 4] |= (unsigned char)(1u << (bit % 4));
            }
    }
    Buf hex = BUF_INIT;
    if (n < 0)
        buf_putc(&hex, '-');
    size_t top = nnib;
    while (top > 1 && nib[top - 1] == 0)
        top--;
    for (size_t i = top; i-- > 0;)
        buf_putc(&hex, "0123456789abcdef"[nib[i]]);
    free(nib);
    Obj *v = vm_int_from_str(hex.data, hex.len, 16);
    buf_free(&hex);
    return v;
}

/* str data: UTF-8 with surrogates allowed (surrogatepass), checked. */
static Obj *r_str(MshReader *r, size_t n, bool ascii)
{
    const unsigned char *s = r_bytes(r, n);
    if (!s)
        return NULL;
    if (ascii) {    /* CPython reads these bytes as Latin-1 */
        Buf b = BUF_INIT;
        for (size_t k = 0; k < n; k++) {
            char u[4];
            buf_put(&b, u, (size_t)ls_utf8_encode(s[k], u));
        }
        Obj *v = vm_str_new(b.data ? b.data : "", b.len);
        buf_free(&b);
        return v;
    }
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int k = ls_utf8_decode((const char *)s + i, n - i, &cp);
        if (k < 0 && n - i >= 3 && s[i] == 0xED && (s[i + 1] & 0xE0) == 0xA0
            && (s[i + 2] & 0xC0) == 0x80)
            k = 3;      /* a surrogate, as CPython's surrogatepass */
        if (k <= 0) {
            Obj *b = vm_bytes_new((const char *)s, n);
            if (!b)
                return NULL;
            Obj *dec = msh_call1(b, "decode", NULL);
            DECREF(b);
            if (dec) {      /* the decoder's own error is the message */
                DECREF(dec);
                vm_err_fmt(&vm_exc_ValueError, "bad marshal data (invalid UTF-8)");
            }
            return NULL;
        }
        i += (size_t)k;
    }
    return vm_str_new((const char *)s, n);
}

static Obj *r_object2(MshReader *r, int code, int flag);

/* A long tuple from a file: its items in a list first, so a bad count does
 * not allocate it up front (a reference to it from inside cannot resolve). */
static Obj *r_big_tuple(MshReader *r, int32_t n)
{
    Obj *l = vm_list_new(0);
    for (int32_t i = 0; i < n; i++) {
        Obj *x = r_item(r, "tuple");
        if (!x) {
            DECREF(l);
            return NULL;
        }
        vm_list_append(l, x);
        DECREF(x);
    }
    Obj *t = vm_tuple_from(LIST_ITEMS(l), LIST_LEN(l));
    DECREF(l);
    return t;
}

static Obj *r_object(MshReader *r)
{
    int c = r_byte(r);
    if (c < 0) {
        if (!vm_err_occurred())
            vm_err_str(&vm_exc_EOFError, "EOF read where object expected");
        return NULL;
    }
    if (++r->depth > MSH_MAX_DEPTH) {
        r->depth--;
        return vm_err_str(&vm_exc_ValueError, "recursion limit exceeded");
    }
    Obj *v = r_object2(r, c & ~FLAG_REF, c & FLAG_REF);
    r->depth--;
    return v;
}

static Obj *r_object2(MshReader *r, int code, int flag)
{
    Obj *v = NULL;
    size_t ref = 0;
    int32_t n;
    switch (code) {
    case '0':
        return NULL;
    case 'N': return vm_newref(VM_NONE);
    case 'F': return vm_newref(VM_FALSE);
    case 'T': return vm_newref(VM_TRUE);
    case '.': return vm_newref(&vm_ellipsis_obj);
    case 'S': return vm_newref((Obj *)&vm_exc_StopIteration);
    case 'i':
        if (r_long(r, &n) < 0)
            return NULL;
        v = vm_int_from_i64(n);
        break;
    case 'I': {
        const unsigned char *s = r_bytes(r, 8);
        if (!s)
            return NULL;
        uint64_t u = 0;
        for (int k = 7; k >= 0; k--)
            u = u << 8 | s[k];
        v = vm_int_from_i64((int64_t)u);
        break;
    }
    case 'l':
        v = r_long_obj(r);
        break;
    case 'f': case 'g': {
        double d;
        if ((code == 'g' ? r_double(r, &d) : r_float_text(r, &d)) < 0)
            return NULL;
        v = vm_float_new(d);
        break;
    }
    case 'x': case 'y': {
        double re, im;
        if (code == 'y' ? (r_double(r, &re) < 0 || r_double(r, &im) < 0)
            : (r_float_text(r, &re) < 0 || r_float_text(r, &im) < 0))
            return NULL;
        v = vm_complex_new(re, im);
        break;
    }
    case 's': {
        if (r_long(r, &n) < 0)
            return NULL;
        if (n < 0)
            return r_bad("bytes object size out of range");
        const unsigned char *s = r_bytes(r, (size_t)n);
        if (!s)
            return NULL;
        v = vm_bytes_new((const char *)s, (size_t)n);
        break;
    }
    case 'u': case 't': case 'a': case 'A': case 'z': case 'Z': {
        size_t len;
        if (code == 'z' || code == 'Z') {
            int b = r_byte(r);
            if (b < 0) {
                if (!vm_err_occurred())
                    r_short_err();
                return NULL;
            }
            len = (size_t)b;
        } else {
            if (r_long(r, &n) < 0)
                return NULL;
            if (n < 0)
                return r_bad("string size out of range");
            len = (size_t)n;
        }
        v = r_str(r, len, code != 'u' && code != 't');
        if (v && code != 'u' && code != 'a') {
            Obj *iv = vm_str_intern(STR_DATA(v), (size_t)STR_LEN(v));
            DECREF(v);
            v = iv;
        }
        break;
    }
    case '(': case ')': {
        if (code == ')') {
            int b = r_byte(r);
            if (b < 0) {
                if (!vm_err_occurred())
                    r_short_err();
                return NULL;
            }
            n = b;
        } else {
            if (r_long(r, &n) < 0)
                return NULL;
            if (n < 0)
                return r_bad("tuple size out of range");
        }
        if (!r_room(r, (size_t)n, true))   /* each item takes a byte at least */
            return NULL;
        if (r->file && n > 65536)       /* an unknown file: a list first */
            return r_big_tuple(r, n);
        Obj *t = vm_tuple_new(n);
        for (int32_t i = 0; i < n; i++)    /* placeholders: a reference to t meanwhile
                                              sees a whole tuple */
            TUPLE_ITEMS(t)[i] = vm_newref(VM_NONE);
        if (flag)       /* before the items, as CPython 3.11 */
            r_ref_set(r, r_ref_reserve(r), t);
        for (int32_t i = 0; i < n; i++) {
            Obj *x = r_item(r, "tuple");
            if (!x) {
                DECREF(t);
                return NULL;
            }
            DECREF(TUPLE_ITEMS(t)[i]);
            TUPLE_ITEMS(t)[i] = x;
        }
        return t;
    }
    case '[': {
        if (r_long(r, &n) < 0)
            return NULL;
        if (n < 0)
            return r_bad("list size out of range");
        if (!r_room(r, (size_t)n, true))
            return NULL;
        Obj *l = vm_list_new(0);
        if (flag)
            r_ref_set(r, r_ref_reserve(r), l);
        for (int32_t i = 0; i < n; i++) {
            Obj *x = r_item(r, "list");
            if (!x) {
                DECREF(l);
                return NULL;
            }
            vm_list_append(l, x);
            DECREF(x);
        }
        return l;
    }
    case '{': {
        Obj *d = vm_dict_new();
        if (flag)
            r_ref_set(r, r_ref_reserve(r), d);
        for (;;) {
            Obj *k = r_object(r);
            if (!k)
                break;
            Obj *x = r_object(r);
            if (!x) {
                DECREF(k);
                break;
            }
            int rc = vm_dict_set(d, k, x);
            DECREF(k);
            DECREF(x);
            if (rc < 0)
                break;
        }
        if (vm_err_occurred()) {
            DECREF(d);
            return NULL;
        }
        return d;
    }
    case '<': case '>': {
        if (r_long(r, &n) < 0)
            return NULL;
        if (n < 0)
            return r_bad("set size out of range");
        if (!r_room(r, (size_t)n, true))
            return NULL;
        bool frozen = code == '>';
        if (flag && frozen)
            ref = r_ref_reserve(r);
        Obj *s = vm_set_new(&vm_set_type);
        if (flag && !frozen)
            r_ref_set(r, r_ref_reserve(r), s);
        for (int32_t i = 0; i < n; i++) {
            Obj *x = r_item(r, "set");
            if (!x || vm_set_add(s, x) < 0) {
                XDECREF(x);
                DECREF(s);
                return NULL;
            }
            DECREF(x);
        }
        if (frozen) {
            Obj *f = vm_set_new(&vm_frozenset_type);
            if (vm_set_update(f, s) < 0) {
                DECREF(f);
                DECREF(s);
                return NULL;
            }
            DECREF(s);
            s = f;
            if (flag)
                r_ref_set(r, ref, s);
        }
        return s;
    }
    case 'r': {
        if (r_long(r, &n) < 0)
            return NULL;
        if (n < 0 || (size_t)n >= r->nrefs || !r->refs[n])
            return r_bad("invalid reference");
        return vm_newref(r->refs[n]);
    }
    case 'c':
        if (!r->file && r->len - r->pos < 20)   /* CPython reads the header first */
        {
            r_short_err();
            return NULL;
        }
        return vm_err_str(&vm_exc_ValueError, "bad marshal data (code objects are not "
                          "supported: pyvm's code objects have their own format)");
    default:
        return r_bad("unknown type code");
    }
    if (v && flag)
        r_ref_set(r, r_ref_reserve(r), v);
    return v;
}

static Obj *msh_read(MshReader *r)
{
    Obj *v = r_object(r);
    if (!v && !vm_err_occurred())
        vm_err_str(&vm_exc_TypeError, "NULL object in marshal data for object");
    for (size_t i = 0; i < r->nrefs; i++)
        XDECREF(r->refs[i]);
    free(r->refs);
    XDECREF(r->chunk);
    return v;
}

static Obj *m_loads(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (msh_args("loads", args, nargs, kwnames, 1, 1) < 0)
        return NULL;
    const char *d;
    size_t n;
    if (!vm_bytes_buffer(args[0], &d, &n)) {
        vm_bytes_buffer_error(args[0], "a bytes-like object is required, not '%s'");
        return NULL;
    }
    /* a copy: the data may belong to a bytearray that reading could change */
    Obj *copy = vm_bytes_new(d, n);
    if (!copy)
        return NULL;
    MshReader r = {(const unsigned char *)((BytesObj *)copy)->s, n, 0, NULL, NULL, 0, NULL,
                   0, 0};
    Obj *v = msh_read(&r);
    DECREF(copy);
    return v;
}

static Obj *m_load(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (msh_args("load", args, nargs, kwnames, 1, 1) < 0)
        return NULL;
    MshReader r = {NULL, 0, 0, args[0], NULL, 0, NULL, 0, 0};
    return msh_read(&r);
}

Obj *vm_mod_marshal(void)
{
    Obj *m = vm_module_new("marshal");
    if (!m)
        return NULL;
    vm_module_add_func(m, "dumps", m_dumps);
    vm_module_add_func(m, "loads", m_loads);
    vm_module_add_func(m, "dump", m_dump);
    vm_module_add_func(m, "load", m_load);
    Obj *v = vm_int_from_i64(MSH_VERSION);
    vm_module_add(m, "version", v);
    DECREF(v);
    return m;
}
