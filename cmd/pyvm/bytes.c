/* cmd/pyvm/bytes.c: bytes.
 *
 * Stage: pyvm.  repr() as CPython (libstage/repr.c's ls_repr_bytes), items
 * are ints, slices are bytes; decode() and str.encode() go to codecs.c,
 * the text-like methods are bytesmeth.c's (shared with bytearray) and
 * b"..." % args is strfmt.c's.
 */
#include "cmd/pyvm/bytes.h"

#include <stdio.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/repr.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytesmeth.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/codecs.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/memoryview.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/strfmt.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/txtargs.h"

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
    if (b->hash == -1 && b->len == 0) {
        b->hash = 0;    /* as CPython's hash(b"") */
    } else if (b->hash == -1) {
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

/* seq * k (k >= 0): one allocation that may fail, so a huge result is a
 * MemoryError */
static Obj *bytes_repeat(Obj *seq, int64_t k)
{
    size_t len = (size_t)BLEN(seq);
    if (len && (uint64_t)k > (SIZE_MAX / 2) / len)
        return vm_err_nomem();
    BytesObj *r = vm_try_alloc(&vm_bytes_type, (size_t)k * len + 1);
    if (!r)
        return NULL;
    r->len = (ssize_t)((size_t)k * len);
    r->hash = -1;
    for (int64_t i = 0; i < k; i++)
        memcpy(r->s + (size_t)i * len, BDATA(seq), len);
    r->s[r->len] = '\0';
    return (Obj *)r;
}

static Obj *bytes_binop(Obj *a, Obj *b, int op)
{
    int o = op >= NB_INPLACE_FIRST ? op - NB_INPLACE_FIRST : op;
    if (o == NB_REMAINDER && BYTES_CHECK(a))
        return vm_bytes_percent(BDATA(a), (size_t)BLEN(a), b);
    if (o == NB_ADD && BYTES_CHECK(a) && BYTEARRAY_CHECK(b))
        return vm_newref(VM_NOTIMPL);   /* bytearray's binop concatenates */
    if (o == NB_ADD && BYTES_CHECK(a)) {
        const char *bp;     /* b's bytes: a bytes or a memoryview */
        size_t bn;
        if (!vm_bytes_buffer(b, &bp, &bn))
            return vm_err_fmt(&vm_exc_TypeError, "can't concat %s to bytes", vm_tname(b));
        BytesObj *r = vm_alloc(&vm_bytes_type, (size_t)BLEN(a) + bn + 1);
        r->len = BLEN(a) + (ssize_t)bn;
        r->hash = -1;
        memcpy(r->s, BDATA(a), (size_t)BLEN(a));
        memcpy(r->s + BLEN(a), bp, bn);
        r->s[r->len] = '\0';
        return (Obj *)r;
    }
    if (o == NB_MULTIPLY) {
        Obj *seq = BYTES_CHECK(a) ? a : b, *n = seq == a ? b : a;
        int64_t k;
        int rc = vm_txt_repeat_count(n, false, &k);
        if (rc <= 0)
            return rc < 0 ? NULL : vm_newref(VM_NOTIMPL);
        return bytes_repeat(seq, k);
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
    if (!vm_bytes_buffer(v, &vp, &m))
        return vm_bytes_buffer_error(v, "a bytes-like object is required, not '%s'");
    size_t n = (size_t)BLEN(o);
    if (m == 0)
        return 1;
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(BDATA(o) + i, vp, m) == 0)
            return 1;
    return 0;
}

/* ---- bytes iterator ---- */
typedef struct BytesIter {
    Obj ob;
    Obj *b;                 /* the bytes */
    ssize_t i;              /* index of the next byte */
} BytesIter;

static void bytesiter_dealloc(Obj *o)
{
    DECREF(((BytesIter *)o)->b);
    vm_obj_free(o);
}

static Obj *bytesiter_next(Obj *o)
{
    BytesIter *it = (BytesIter *)o;
    if (it->i >= BLEN(it->b))
        return NULL;
    return vm_int_from_i64((unsigned char)BDATA(it->b)[it->i++]);
}

static Obj *bytesiter_self(Obj *o)
{
    return vm_newref(o);
}

/* __length_hint__: the bytes left */
static Obj *bytesiter_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    BytesIter *it = (BytesIter *)self;
    ssize_t n = BLEN(it->b) - it->i;
    return vm_int_from_i64(n > 0 ? n : 0);
}

static const MethodDef bytesiter_methods[] = {
    {"__length_hint__", bytesiter_hint},
    {NULL, NULL},
};

static Type bytesiter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "bytes_iterator",
    .base = &vm_object_type,
    .basicsize = sizeof(BytesIter),
    .dealloc = bytesiter_dealloc,
    .iter = bytesiter_self,
    .iternext = bytesiter_next,
    .methods = bytesiter_methods,
};

static Obj *bytes_iter(Obj *o)
{
    BytesIter *it = vm_alloc(&bytesiter_type, 0);
    it->b = vm_newref(o);
    it->i = 0;
    return (Obj *)it;
}

static int bytes_truth(Obj *o)
{
    return BLEN(o) != 0;
}

/* The encoding and errors arguments of encode()/decode() (NULL when absent);
 * TypeError when not strs. */
int vm_codec_args(const char *name, Obj *const *args, size_t nargs, Obj *kwnames, Obj **enc,
                  Obj **errors)
{
    static const char *const kw[] = {"encoding", "errors", NULL};
    Obj *a[2];
    if (vm_txt_args("", name, TA_KW, args, nargs, kwnames, 0, 2, kw, a) < 0)
        return -1;
    for (int i = 0; i < 2; i++)
        if (a[i] && !STR_CHECK(a[i])) {
            vm_err_fmt(&vm_exc_TypeError, "%s() argument '%s' must be str, not %s", name, kw[i],
                       vm_tname(a[i]));
            return -1;
        }
    *enc = a[0];
    *errors = a[1];
    return 0;
}

/* bytes.fromhex(string), a class method */
Obj *vm_bytes_fromhex(Obj *cls, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)cls;
    if (vm_txt_args("bytes", "fromhex", TA_ONE, args + 1, nargs - 1, kwnames, 1, 1, NULL, NULL) < 0)
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

/* The operator dunders (CPython's slot wrappers): + * % and the reflected
 * forms; __add__ concatenates any bytes-like object. */
static Obj *bytes_add_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    const char *y;
    size_t yn;
    if (vm_argc("__add__", nargs, 1, 1) < 0)
        return NULL;
    if (BYTES_CHECK(args[0]) || !vm_bytes_buffer(args[0], &y, &yn))
        return bytes_binop(self, args[0], NB_ADD);
    Buf t = BUF_INIT;
    buf_put(&t, BDATA(self), (size_t)BLEN(self));
    buf_put(&t, y, yn);
    Obj *r = vm_bytes_new(t.data ? t.data : "", t.len);
    buf_free(&t);
    return r;
}

static Obj *bytes_mul_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t k;
    if (vm_argc("__mul__", nargs, 1, 1) < 0 || vm_txt_repeat_count(args[0], true, &k) < 0)
        return NULL;
    return bytes_repeat(self, k);
}

static Obj *bytes_rmul_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t k;
    if (vm_argc("__rmul__", nargs, 1, 1) < 0 || vm_txt_repeat_count(args[0], true, &k) < 0)
        return NULL;
    return bytes_repeat(self, k);
}

static Obj *bytes_mod_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__mod__", nargs, 1, 1) < 0)
        return NULL;
    return vm_bytes_percent(BDATA(self), (size_t)BLEN(self), args[0]);
}

/* other % self: only bytes formats */
static Obj *bytes_rmod_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__rmod__", nargs, 1, 1) < 0)
        return NULL;
    if (!BYTES_CHECK(args[0]))
        return vm_newref(VM_NOTIMPL);
    return vm_bytes_percent(BDATA(args[0]), (size_t)BLEN(args[0]), self);
}

/* CPython's size: the header and the bytes with their NUL */
static Obj *bytes_sizeof_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__sizeof__", nargs, 0, 0) < 0)
        return NULL;
    return vm_int_from_i64(33 + BLEN(self));
}

/* a bytes object exactly (a copy when self is of a subclass) */
static Obj *bytes_bytes_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__bytes__", nargs, 0, 0) < 0)
        return NULL;
    if (TYPE(self) == &vm_bytes_type)
        return vm_newref(self);
    return vm_bytes_new(BDATA(self), (size_t)BLEN(self));
}

static const MethodDef bytes_methods[] = {
    {"__add__", bytes_add_m},
    {"__mul__", bytes_mul_m},
    {"__rmul__", bytes_rmul_m},
    {"__mod__", bytes_mod_m},
    {"__rmod__", bytes_rmod_m},
    {"__sizeof__", bytes_sizeof_m},
    {"__bytes__", bytes_bytes_m},
#define BM_ENTRY(NAME) {#NAME, vm_bm_##NAME},
    VM_BYTES_COMMON(BM_ENTRY)
#undef BM_ENTRY
    {NULL, NULL},
};

Obj *vm_str_encode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *enc, *errors;
    if (vm_codec_args("encode", args, nargs, kwnames, &enc, &errors) < 0)
        return NULL;
    return vm_codec_encode(self, enc, errors);
}

static Obj *bytes_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"source", "encoding", "errors", NULL};
    Obj *a[3];
    if (vm_txt_args("", "bytes", TA_KW, args, nargs, kwnames, 0, 3, kw, a) < 0)
        return NULL;
    for (int i = 1; i < 3; i++)
        if (a[i] && !STR_CHECK(a[i]))
            return vm_err_fmt(&vm_exc_TypeError, "bytes() argument '%s' must be str, not %s",
                              kw[i], vm_tname(a[i]));
    Obj *x = a[0];
    if (!x) {
        if (a[1] || a[2])
            return vm_err_fmt(&vm_exc_TypeError, "%s without a string argument",
                              a[1] ? "encoding" : "errors");
        return vm_bytes_new("", 0);
    }
    if (STR_CHECK(x)) {
        if (!a[1])
            return vm_err_str(&vm_exc_TypeError, "string argument without an encoding");
        return vm_codec_encode(x, a[1], a[2]);
    }
    if (a[1] || a[2])
        return vm_err_fmt(&vm_exc_TypeError, "%s without a string argument",
                          a[1] ? "encoding" : "errors");
    if (TYPE(x)->flags & TF_HEAP) {
        /* __bytes__, then __index__ (a count), then iteration */
        bool found;
        Obj *r = vm_call_special(x, "__bytes__", NULL, 0, &found);
        if (found) {
            if (r && !BYTES_CHECK(r)) {
                vm_err_fmt(&vm_exc_TypeError, "__bytes__ returned non-bytes (type %s)",
                           vm_tname(r));
                DECREF(r);
                return NULL;
            }
            return r;
        }
        r = vm_call_special(x, "__index__", NULL, 0, &found);
        if (found) {
            if (!r)
                return NULL;
            Obj *args1[1] = {r};
            Obj *b = INT_CHECK(r) ? bytes_construct(self, args1, 1, NULL)
                : vm_err_fmt(&vm_exc_TypeError, "__index__ returned non-int (type %s)",
                             vm_tname(r));
            DECREF(r);
            return b;
        }
    }
    if (!INT_CHECK(x) && !(TYPE(x)->flags & TF_HEAP) && !TYPE(x)->iter)
        return vm_err_fmt(&vm_exc_TypeError, "cannot convert '%s' object to bytes",
                          vm_tname(x));
    if (INT_CHECK(x)) {
        int64_t n;
        if (vm_int_as_i64(x, &n) < 0)
            return NULL;
        if (n < 0)
            return vm_err_str(&vm_exc_ValueError, "negative count");
        BytesObj *b = vm_try_alloc(&vm_bytes_type, (size_t)n + 1);
        if (!b)
            return NULL;            /* MemoryError */
        b->len = n;
        b->hash = -1;
        memset(b->s, 0, (size_t)n + 1);
        return (Obj *)b;
    }
    if (TYPE(x) == &vm_bytes_type)
        return vm_newref(x);
    const char *p;
    size_t n;
    if (vm_bytes_buffer_any(x, &p, &n))   /* bytes-like, array.array too */
        return vm_bytes_new(p, n);     /* (a released memoryview fails in iteration) */
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
