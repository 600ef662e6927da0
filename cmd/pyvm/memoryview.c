/* cmd/pyvm/memoryview.c: memoryview(obj) over a bytes or bytearray: a
 * window on the exporter's bytes, read (and, over a bytearray, written) in
 * place, with CPython 3.11's native single-character formats (c b B h H i I
 * l L q Q n N f d ? P), any number of dimensions (cast with a shape) and
 * strided one-dimensional slices.
 *
 * Stage: pyvm.  The view keeps a reference to its exporter (bytes,
 * bytearray, array.array or mmap.mmap) and looks the
 * data up on each access.  A view of a bytearray counts as an export of it
 * (ByteArrayObj.exports) until it is released or freed; bytearray refuses
 * to change its size while exported, so the data does not move under a
 * view.  release() drops the reference, after which every operation raises
 * CPython's ValueError.
 *
 * Item i of dimension k is at byte start + sum(i_k * strides[k]) of the
 * exporter's data; shape and strides live after the struct (2 * ndim
 * ssize_t), so a 1-D view costs two words.
 */
#include "cmd/pyvm/memoryview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/mod_array.h"
#include "cmd/pyvm/mod_mmap.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/txtargs.h"

/* CPython's PyBUF_MAX_NDIM */
#define MV_MAXDIM 64

typedef struct MemViewObj {
    Obj ob;
    Obj *obj;               /* the exporter (bytes or bytearray); NULL once released */
    Obj *flat;              /* bytes: the last contiguous copy vm_memoryview_buffer made of
                               a non-contiguous view (kept alive for the caller), or NULL */
    ssize_t start;          /* byte offset of the first item in the exporter's data */
    ssize_t itemsize;       /* bytes per item */
    int ndim;               /* dimensions: 0 (a single item) .. MV_MAXDIM */
    char code;              /* the format character (a key of the size table) */
    bool at;                /* the format was spelt with CPython's '@' prefix */
    bool readonly;          /* no item assignment (bytes, or toreadonly()) */
    ssize_t dims[];         /* shape[ndim], then strides[ndim] (bytes, may be negative) */
} MemViewObj;

#define MV(o) ((MemViewObj *)(o))
#define SHAPE(m) ((m)->dims)
#define STRIDES(m) ((m)->dims + (m)->ndim)

/* The native formats and their sizes (x86-64 / LP64). */
static ssize_t mv_fmt_size(char c)
{
    switch (c) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': case 'w': return 4;   /* w: array('u') items */
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P':
        return 8;
    default: return 0;
    }
}

#define IS_BYTE_FMT(c) ((c) == 'B' || (c) == 'b' || (c) == 'c')

/* A new view on obj; shape and strides copied from the arrays given (NULL
 * for ndim 0). */
static Obj *mv_new(Obj *obj, ssize_t start, char code, bool at, bool readonly, int ndim,
                   const ssize_t *shape, const ssize_t *strides)
{
    MemViewObj *m = vm_alloc(&vm_memoryview_type, 2 * (size_t)ndim * sizeof(ssize_t));
    m->obj = vm_newref(obj);
    m->flat = NULL;
    m->start = start;
    m->code = code;
    m->at = at;
    m->itemsize = mv_fmt_size(code);
    m->readonly = readonly;
    m->ndim = ndim;
    for (int k = 0; k < ndim; k++) {
        SHAPE(m)[k] = shape[k];
        STRIDES(m)[k] = strides[k];
    }
    if (BYTEARRAY_CHECK(obj))
        ((ByteArrayObj *)obj)->exports++;
    else if (vm_array_check(obj))
        vm_array_export(obj, 1);
    else if (vm_mmap_check(obj))
        vm_mmap_export(obj, 1);
    return (Obj *)m;
}

/* Drop the view's export and its reference to the exporter. */
static void mv_drop(MemViewObj *m)
{
    if (m->obj && BYTEARRAY_CHECK(m->obj))
        ((ByteArrayObj *)m->obj)->exports--;
    else if (m->obj && vm_array_check(m->obj))
        vm_array_export(m->obj, -1);
    else if (m->obj && vm_mmap_check(m->obj))
        vm_mmap_export(m->obj, -1);
    CLEAR(m->obj);
    CLEAR(m->flat);
}

/* The exporter's bytes; NULL with ValueError once released. */
static unsigned char *mv_data(Obj *o)
{
    MemViewObj *m = MV(o);
    if (!m->obj) {
        vm_err_str(&vm_exc_ValueError, "operation forbidden on released memoryview object");
        return NULL;
    }
    const char *d;
    size_t n;
    if (!vm_bytes_buffer(m->obj, &d, &n)) {
        vm_err_str(&vm_exc_SystemError, "memoryview: exporter is not a buffer");
        return NULL;
    }
    return (unsigned char *)d;
}

static ssize_t mv_nitems(const MemViewObj *m)
{
    ssize_t n = 1;
    for (int k = 0; k < m->ndim; k++)
        n *= SHAPE(m)[k];
    return n;
}

/* C (row-major) contiguity: the strides are those of a dense array. */
static bool mv_c_contig(const MemViewObj *m)
{
    if (mv_nitems(m) == 0)
        return true;
    ssize_t want = m->itemsize;
    for (int k = m->ndim - 1; k >= 0; k--) {
        if (SHAPE(m)[k] > 1 && STRIDES(m)[k] != want)
            return false;
        want *= SHAPE(m)[k];
    }
    return true;
}

static bool mv_f_contig(const MemViewObj *m)
{
    if (mv_nitems(m) == 0)
        return true;
    ssize_t want = m->itemsize;
    for (int k = 0; k < m->ndim; k++) {
        if (SHAPE(m)[k] > 1 && STRIDES(m)[k] != want)
            return false;
        want *= SHAPE(m)[k];
    }
    return true;
}

/* ---- one item: C bytes <-> Python value ---- */

static Obj *mv_u64_obj(uint64_t v)
{
    if (v <= (uint64_t)INT64_MAX)
        return vm_int_from_i64((int64_t)v);
    char t[24];
    int n = snprintf(t, sizeof t, "%llu", (unsigned long long)v);
    return vm_int_from_str(t, (size_t)n, 10);
}

/* The item at p in format c, as a Python value. */
static Obj *mv_unpack(char c, const unsigned char *p)
{
    switch (c) {
    case 'B': return vm_int_from_i64(*p);
    case 'b': return vm_int_from_i64((signed char)*p);
    case 'c': return vm_bytes_new((const char *)p, 1);
    case '?': return VM_BOOL(*p != 0);
    case 'h': { int16_t v; memcpy(&v, p, 2); return vm_int_from_i64(v); }
    case 'H': { uint16_t v; memcpy(&v, p, 2); return vm_int_from_i64(v); }
    case 'i': { int32_t v; memcpy(&v, p, 4); return vm_int_from_i64(v); }
    case 'I': { uint32_t v; memcpy(&v, p, 4); return vm_int_from_i64(v); }
    case 'l': case 'q': case 'n': { int64_t v; memcpy(&v, p, 8); return vm_int_from_i64(v); }
    case 'L': case 'Q': case 'N': case 'P': {
        uint64_t v;
        memcpy(&v, p, 8);
        return mv_u64_obj(v);
    }
    case 'f': { float v; memcpy(&v, p, 4); return vm_float_new(v); }
    case 'd': { double v; memcpy(&v, p, 8); return vm_float_new(v); }
    default:
        return vm_err_fmt(&vm_exc_NotImplementedError,
                          "memoryview: format %c not supported", c);
    }
}

static int mv_bad_type(char c)
{
    vm_err_fmt(&vm_exc_TypeError, "memoryview: invalid type for format '%c'", c);
    return -1;
}

static int mv_bad_value(char c)
{
    vm_err_fmt(&vm_exc_ValueError, "memoryview: invalid value for format '%c'", c);
    return -1;
}

/* An integer item's value: *neg and the magnitude's low 64 bits; *big when
 * it does not fit 64 bits.  TypeError (the memoryview wording) for a
 * non-integer. */
static int mv_int_parts(char c, Obj *v, bool *neg, uint64_t *mag, bool *big)
{
    Obj *k = INT_CHECK(v) ? vm_newref(v) : vm_number_index(v);
    if (!k) {
        if (!vm_err_matches(&vm_exc_TypeError))
            return -1;
        vm_err_clear();
        return mv_bad_type(c);
    }
    IntObj *i = (IntObj *)k;
    *big = false;
    if (i->n == 0) {
        *neg = i->v < 0;
        *mag = *neg ? (uint64_t)0 - (uint64_t)i->v : (uint64_t)i->v;
    } else {
        *neg = i->sign < 0;
        *big = i->n > 2;
        *mag = i->d[0] | (i->n >= 2 ? (uint64_t)i->d[1] << 32 : 0);
    }
    DECREF(k);
    return 0;
}

/* Store v at p in format c: CPython's TypeError/ValueError wording. */
static int mv_pack(char c, unsigned char *p, Obj *v)
{
    if (c == '?') {
        int t = vm_truth(v);
        if (t < 0)
            return -1;
        *p = (unsigned char)t;
        return 0;
    }
    if (c == 'c') {
        if (!BYTES_CHECK(v))
            return mv_bad_type(c);
        if (((BytesObj *)v)->len != 1)
            return mv_bad_value(c);
        *p = (unsigned char)((BytesObj *)v)->s[0];
        return 0;
    }
    if (c == 'f' || c == 'd') {
        double d;
        if (FLOAT_CHECK(v)) {
            d = FLOAT_VAL(v);
        } else if (INT_CHECK(v)) {
            if (vm_int_as_double(v, &d) < 0) {
                vm_err_clear();
                return mv_bad_value(c);
            }
        } else {
            Obj *f = vm_call((Obj *)&vm_float_type, &v, 1, NULL);
            if (!f) {
                vm_err_clear();
                return mv_bad_type(c);
            }
            d = FLOAT_VAL(f);
            DECREF(f);
        }
        if (c == 'f') {
            float x = (float)d;
            memcpy(p, &x, 4);
        } else {
            memcpy(p, &d, 8);
        }
        return 0;
    }
    bool neg, big;
    uint64_t mag;
    if (mv_int_parts(c, v, &neg, &mag, &big) < 0)
        return -1;
    ssize_t size = mv_fmt_size(c);
    bool is_signed = c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
    int bits = (int)size * 8;
    if (big)
        return mv_bad_value(c);
    uint64_t raw;
    if (is_signed) {
        uint64_t lim = (uint64_t)1 << (bits - 1);  /* |min|; max is lim - 1 */
        if (neg ? mag > lim : mag >= lim)
            return mv_bad_value(c);
        raw = neg ? (uint64_t)0 - mag : mag;
    } else {
        if (neg || (bits < 64 && mag >> bits))
            return mv_bad_value(c);
        raw = mag;
    }
    switch (size) {
    case 1: *p = (unsigned char)raw; break;
    case 2: { uint16_t x = (uint16_t)raw; memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)raw; memcpy(p, &x, 4); break; }
    default: memcpy(p, &raw, 8); break;
    }
    return 0;
}

/* ---- construction ---- */

/* A view of every byte of a bytes or bytearray (format 'B', 1-D). */
static Obj *mv_from_bytes(Obj *x, size_t n)
{
    ssize_t shape = (ssize_t)n, stride = 1;
    if (vm_array_check(x)) {    /* array.array: its items, its typecode the format */
        char *d, code;
        vm_array_buffer(x, &d, &n, &stride, &code);
        shape = (ssize_t)n / stride;
        return mv_new(x, 0, code, false, false, 1, &shape, &stride);
    }
    bool ro = vm_mmap_check(x) ? vm_mmap_readonly(x) : !BYTEARRAY_CHECK(x);
    return mv_new(x, 0, 'B', false, ro, 1, &shape, &stride);
}

static Obj *mv_copy_view(MemViewObj *m)
{
    return mv_new(m->obj, m->start, m->code, m->at, m->readonly, m->ndim, SHAPE(m), STRIDES(m));
}

static Obj *mv_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"object", NULL};
    Obj *a[1] = {NULL};
    if (vm_txt_args("memoryview", "memoryview", TA_KW, args, nargs, kwnames, 1, 1, kw, a) < 0)
        return NULL;
    Obj *x = a[0];
    if (TYPE(x) == &vm_memoryview_type) {
        if (!mv_data(x))
            return NULL;
        return mv_copy_view(MV(x));
    }
    const char *d;
    size_t n;
    if (!vm_bytes_buffer(x, &d, &n))
        return vm_err_fmt(&vm_exc_TypeError,
                          "memoryview: a bytes-like object is required, not '%s'", vm_tname(x));
    return mv_from_bytes(x, n);
}

static void mv_dealloc(Obj *o)
{
    mv_drop(MV(o));
    vm_obj_free(o);
}

static Obj *mv_repr(Obj *o)
{
    Buf b = BUF_INIT;
    buf_printf(&b, "<%smemory at %p>", MV(o)->obj ? "" : "released ", (void *)o);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static ssize_t mv_len(Obj *o)
{
    if (!mv_data(o))
        return -1;
    return MV(o)->ndim == 0 ? 1 : SHAPE(MV(o))[0];
}

/* ---- copying out: C order, Fortran order, nested lists ---- */

/* Append the items of dimension k on, from byte p, to b in C order. */
static void mv_put_c(const MemViewObj *m, int k, const unsigned char *p, Buf *b)
{
    if (k == m->ndim) {
        buf_put(b, (const char *)p, (size_t)m->itemsize);
        return;
    }
    for (ssize_t i = 0; i < SHAPE(m)[k]; i++)
        mv_put_c(m, k + 1, p + i * STRIDES(m)[k], b);
}

/* The same, Fortran order (first index varies fastest). */
static void mv_put_f(const MemViewObj *m, int k, const unsigned char *p, Buf *b)
{
    if (k < 0) {
        buf_put(b, (const char *)p, (size_t)m->itemsize);
        return;
    }
    for (ssize_t i = 0; i < SHAPE(m)[k]; i++)
        mv_put_f(m, k - 1, p + i * STRIDES(m)[k], b);
}

/* The viewed bytes in C order into b (empty on entry); -1 if released. */
static int mv_flatten(Obj *o, Buf *b)
{
    unsigned char *d = mv_data(o);
    if (!d)
        return -1;
    mv_put_c(MV(o), 0, d + MV(o)->start, b);
    return 0;
}

static Obj *mv_tobytes(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"order", NULL};
    Obj *a[1] = {NULL};
    if (vm_txt_args("memoryview", "tobytes", TA_KW, args, nargs, kwnames, 0, 1, kw, a) < 0)
        return NULL;
    unsigned char *d = mv_data(self);
    if (!d)
        return NULL;
    bool fortran = false;
    if (a[0] && a[0] != VM_NONE) {
        if (!STR_CHECK(a[0]))
            return vm_err_fmt(&vm_exc_TypeError, "tobytes() argument 'order' must be str or "
                              "None, not %s", vm_tname(a[0]));
        if (vm_str_eqc(a[0], "F"))
            fortran = true;
        else if (vm_str_eqc(a[0], "A"))
            fortran = !mv_c_contig(MV(self)) && mv_f_contig(MV(self));
        else if (!vm_str_eqc(a[0], "C"))
            return vm_err_str(&vm_exc_ValueError, "order must be 'C', 'F' or 'A'");
    }
    MemViewObj *m = MV(self);
    Buf b = BUF_INIT;
    if (fortran)
        mv_put_f(m, m->ndim - 1, d + m->start, &b);
    else
        mv_put_c(m, 0, d + m->start, &b);
    Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

/* Nested lists of the items of dimension k on, from byte p. */
static Obj *mv_list_rec(const MemViewObj *m, int k, const unsigned char *p)
{
    if (k == m->ndim)
        return mv_unpack(m->code, p);
    Obj *l = vm_list_new(0);
    for (ssize_t i = 0; i < SHAPE(m)[k]; i++) {
        Obj *v = mv_list_rec(m, k + 1, p + i * STRIDES(m)[k]);
        if (!v) {
            DECREF(l);
            return NULL;
        }
        vm_list_append(l, v);
        DECREF(v);
    }
    return l;
}

static Obj *mv_tolist(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("memoryview", "tolist", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL,
                    NULL) < 0)
        return NULL;
    unsigned char *d = mv_data(self);
    if (!d)
        return NULL;
    return mv_list_rec(MV(self), 0, d + MV(self)->start);
}

static Obj *mv_hex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Buf fb = BUF_INIT;
    if (mv_flatten(self, &fb) < 0)
        return NULL;
    Obj *b = vm_bytes_new(fb.data ? fb.data : "", fb.len);
    buf_free(&fb);
    if (!b)
        return NULL;
    Obj *m = vm_getattr(b, vm_str_intern("hex", 3));
    DECREF(b);
    if (!m)
        return NULL;
    Obj *r = vm_call(m, args, nargs, kwnames);
    DECREF(m);
    return r;
}

/* ---- items ---- */

/* An index argument as a position in dimension k (negative from the end). */
static int mv_dim_index(const MemViewObj *m, Obj *key, int k, ssize_t *out)
{
    int64_t i;
    Obj *ki = INT_CHECK(key) ? vm_newref(key) : vm_number_index(key);
    if (!ki)
        return -1;
    int rc = vm_int_as_i64(ki, &i);
    DECREF(ki);
    if (rc < 0) {
        if (!vm_err_matches(&vm_exc_OverflowError))
            return -1;
        vm_err_clear();
        vm_err_fmt(&vm_exc_IndexError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (i < 0)
        i += SHAPE(m)[k];
    if (i < 0 || i >= SHAPE(m)[k]) {
        vm_err_fmt(&vm_exc_IndexError, "index out of bounds on dimension %d", k + 1);
        return -1;
    }
    *out = (ssize_t)i;
    return 0;
}

/* Has an __index__ (int, bool or a class defining it). */
static bool mv_indexable(Obj *key)
{
    if (INT_CHECK(key))
        return true;
    if (FLOAT_CHECK(key) || STR_CHECK(key) || TYPE(key) == &vm_tuple_type
        || SLICE_CHECK(key))
        return false;
    return vm_type_lookup(TYPE(key), vm_str_intern("__index__", 9)) != NULL;
}

/* A tuple of integers (a full index); 1: yes, 0: no. */
static int mv_tuple_kind(Obj *key, bool *all_slices)
{
    bool ints = true, slices = true;
    for (ssize_t i = 0; i < TUPLE_LEN(key); i++) {
        Obj *x = TUPLE_ITEMS(key)[i];
        if (!mv_indexable(x))
            ints = false;
        if (!SLICE_CHECK(x))
            slices = false;
    }
    *all_slices = slices;
    return ints;
}

/* The address of the item at the tuple index key (as long as ndim). */
static unsigned char *mv_tuple_ptr(const MemViewObj *m, unsigned char *d, Obj *key)
{
    ssize_t n = TUPLE_LEN(key);
    if (n < m->ndim) {
        vm_err_str(&vm_exc_NotImplementedError, "sub-views are not implemented");
        return NULL;
    }
    if (n > m->ndim) {
        vm_err_fmt(&vm_exc_TypeError, "cannot index %d-dimension view with %zd-element tuple",
                   m->ndim, n);
        return NULL;
    }
    unsigned char *p = d + m->start;
    for (int k = 0; k < m->ndim; k++) {
        ssize_t i;
        if (mv_dim_index(m, TUPLE_ITEMS(key)[k], k, &i) < 0)
            return NULL;
        p += i * STRIDES(m)[k];
    }
    return p;
}

static Obj *mv_getitem(Obj *o, Obj *key)
{
    MemViewObj *m = MV(o);
    unsigned char *d = mv_data(o);
    if (!d)
        return NULL;
    if (m->ndim == 0) {
        if (TYPE(key) == &vm_tuple_type && TUPLE_LEN(key) == 0)
            return mv_unpack(m->code, d + m->start);
        if (key == &vm_ellipsis_obj)
            return vm_newref(o);
        return vm_err_str(&vm_exc_TypeError, "invalid indexing of 0-dim memory");
    }
    if (mv_indexable(key)) {
        if (m->ndim > 1)
            return vm_err_str(&vm_exc_NotImplementedError,
                              "multi-dimensional sub-views are not implemented");
        ssize_t i;
        if (mv_dim_index(m, key, 0, &i) < 0)
            return NULL;
        return mv_unpack(m->code, d + m->start + i * STRIDES(m)[0]);
    }
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, SHAPE(m)[0], &start, &stop, &step, &n) < 0)
            return NULL;
        MemViewObj *r = MV(mv_copy_view(m));
        r->start = m->start + start * STRIDES(m)[0];
        SHAPE(r)[0] = n;
        STRIDES(r)[0] = STRIDES(m)[0] * step;
        return (Obj *)r;
    }
    if (TYPE(key) == &vm_tuple_type) {
        bool slices;
        if (mv_tuple_kind(key, &slices)) {
            unsigned char *p = mv_tuple_ptr(m, d, key);
            return p ? mv_unpack(m->code, p) : NULL;
        }
        if (slices)
            return vm_err_str(&vm_exc_NotImplementedError,
                              "multi-dimensional slicing is not implemented");
    }
    return vm_err_str(&vm_exc_TypeError, "memoryview: invalid slice key");
}

/* A bytes-like value as a view (a new reference), for slice assignment
 * and comparison; NULL and no error when v is not a buffer. */
static Obj *mv_view_of(Obj *v)
{
    if (TYPE(v) == &vm_memoryview_type)
        return vm_newref(v);
    const char *d;
    size_t n;
    if (!vm_bytes_buffer(v, &d, &n))
        return NULL;
    return mv_from_bytes(v, n);
}

static bool mv_same_shape(const MemViewObj *a, const MemViewObj *b)
{
    if (a->ndim != b->ndim)
        return false;
    for (int k = 0; k < a->ndim; k++)
        if (SHAPE(a)[k] != SHAPE(b)[k])
            return false;
    return true;
}

/* dst[start::step] (n items, 1-D) = the items of view src, which may
 * overlap it: copied out first. */
static int mv_assign_slice(MemViewObj *m, unsigned char *d, ssize_t start, ssize_t step,
                           ssize_t n, Obj *v)
{
    Obj *sv = mv_view_of(v);
    if (!sv) {
        vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                   vm_tname(v));
        return -1;
    }
    MemViewObj *s = MV(sv);
    Buf b = BUF_INIT;
    if (mv_flatten(sv, &b) < 0) {
        DECREF(sv);
        return -1;
    }
    int rc = 0;
    if (s->code != m->code || s->ndim != 1 || SHAPE(s)[0] != n) {
        vm_err_str(&vm_exc_ValueError, "memoryview assignment: lvalue and rvalue have "
                   "different structures");
        rc = -1;
    } else {
        unsigned char *p = d + m->start + start * STRIDES(m)[0];
        for (ssize_t k = 0; k < n; k++)
            memcpy(p + k * step * STRIDES(m)[0], b.data + k * m->itemsize,
                   (size_t)m->itemsize);
    }
    buf_free(&b);
    DECREF(sv);
    return rc;
}

static int mv_setitem(Obj *o, Obj *key, Obj *v)
{
    MemViewObj *m = MV(o);
    unsigned char *d = mv_data(o);
    if (!d)
        return -1;
    if (m->readonly) {
        vm_err_str(&vm_exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!v) {
        vm_err_str(&vm_exc_TypeError, "cannot delete memory");
        return -1;
    }
    if (m->ndim == 0) {
        if (key == &vm_ellipsis_obj || (TYPE(key) == &vm_tuple_type && TUPLE_LEN(key) == 0))
            return mv_pack(m->code, d + m->start, v);
        vm_err_str(&vm_exc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (mv_indexable(key)) {
        if (m->ndim > 1) {
            vm_err_str(&vm_exc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        ssize_t i;
        if (mv_dim_index(m, key, 0, &i) < 0)
            return -1;
        return mv_pack(m->code, d + m->start + i * STRIDES(m)[0], v);
    }
    if (SLICE_CHECK(key) && m->ndim == 1) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, SHAPE(m)[0], &start, &stop, &step, &n) < 0)
            return -1;
        return mv_assign_slice(m, d, start, step, n, v);
    }
    bool slices = false;
    if (TYPE(key) == &vm_tuple_type && mv_tuple_kind(key, &slices)) {
        unsigned char *p = mv_tuple_ptr(m, d, key);
        return p ? mv_pack(m->code, p, v) : -1;
    }
    if (SLICE_CHECK(key) || slices) {
        vm_err_str(&vm_exc_NotImplementedError,
                   "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    vm_err_str(&vm_exc_TypeError, "memoryview: invalid slice key");
    return -1;
}

/* ---- methods ---- */

static Obj *mv_release(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    mv_drop(MV(self));
    return vm_newref(VM_NONE);
}

static Obj *mv_enter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (!mv_data(self))
        return NULL;
    return vm_newref(self);
}

static Obj *mv_toreadonly(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (!mv_data(self))
        return NULL;
    MemViewObj *r = MV(mv_copy_view(MV(self)));
    r->readonly = true;
    return (Obj *)r;
}

/* The format character of a cast() format: native, single, optional '@'. */
static int mv_cast_fmt(Obj *f, char *code, bool *at)
{
    size_t n = (size_t)STR_LEN(f);
    const char *s = STR_DATA(f);
    *at = n == 2 && s[0] == '@';
    if (*at) {
        s++;
        n--;
    }
    if (n != 1 || !mv_fmt_size(s[0])) {
        vm_err_str(&vm_exc_ValueError, "memoryview: destination format must be a native "
                   "single character format prefixed with an optional '@'");
        return -1;
    }
    *code = s[0];
    return 0;
}

/* memoryview.cast(format, shape=<1-D>): CPython's rules, checked in its
 * order: C-contiguous source; 1-D -> N-D or N-D -> 1-D; one side a byte
 * format; the sizes agree. */
static Obj *mv_cast(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"format", "shape", NULL};
    Obj *a[2] = {NULL, NULL};
    if (vm_txt_args("memoryview", "cast", TA_KW, args, nargs, kwnames, 1, 2, kw, a) < 0)
        return NULL;
    if (!STR_CHECK(a[0]))
        return vm_err_fmt(&vm_exc_TypeError, "cast() argument 'format' must be str, not %s",
                          vm_tname(a[0]));
    MemViewObj *m = MV(self);
    if (!mv_data(self))
        return NULL;
    Obj *shape = a[1];
    if (!mv_c_contig(m))
        return vm_err_str(&vm_exc_TypeError, "memoryview: casts are restricted to C-contiguous "
                          "views");
    if ((shape || m->ndim != 1) && mv_nitems(m) == 0)
        return vm_err_str(&vm_exc_TypeError, "memoryview: cannot cast view with zeros in "
                          "shape or strides");
    ssize_t ndim = 1;
    Obj *const *sitems = NULL;
    if (shape) {
        if (TYPE(shape) == &vm_tuple_type) {
            ndim = TUPLE_LEN(shape);
            sitems = TUPLE_ITEMS(shape);
        } else if (HAS_FLAG(shape, TF_LIST)) {
            ndim = LIST_LEN(shape);
            sitems = LIST_ITEMS(shape);
        } else {
            return vm_err_str(&vm_exc_TypeError, "shape must be a list or a tuple");
        }
        if (m->ndim != 1 && ndim != 1)
            return vm_err_str(&vm_exc_TypeError, "memoryview: cast must be 1D -> ND or "
                              "ND -> 1D");
        if (ndim > MV_MAXDIM)
            return vm_err_fmt(&vm_exc_ValueError, "memoryview: number of dimensions must not "
                              "exceed %d", MV_MAXDIM);
    }
    char code;
    bool at;
    if (mv_cast_fmt(a[0], &code, &at) < 0)
        return NULL;
    ssize_t size = mv_fmt_size(code);
    ssize_t nbytes = mv_nitems(m) * m->itemsize;
    if (!IS_BYTE_FMT(m->code) && !IS_BYTE_FMT(code))
        return vm_err_str(&vm_exc_TypeError, "memoryview: cannot cast between two non-byte "
                          "formats");
    if (nbytes % size)
        return vm_err_str(&vm_exc_TypeError, "memoryview: length is not a multiple of "
                          "itemsize");
    ssize_t dims[2 * MV_MAXDIM];
    if (!shape) {
        dims[0] = nbytes / size;
        dims[1] = size;
    } else {
        ssize_t prod = 1;
        for (ssize_t k = 0; k < ndim; k++) {
            Obj *x = sitems[k];
            if (!INT_CHECK(x) || !INT_IS_SMALL(x) || INT_SMALL(x) <= 0)
                return vm_err_str(&vm_exc_ValueError, "memoryview.cast(): elements of shape "
                                  "must be integers > 0");
            if (INT_SMALL(x) > SSIZE_MAX / prod)
                return vm_err_str(&vm_exc_ValueError, "memoryview.cast(): product(shape) > "
                                  "SSIZE_MAX");
            dims[k] = (ssize_t)INT_SMALL(x);
            prod *= dims[k];
        }
        if (prod * size != nbytes)
            return vm_err_str(&vm_exc_TypeError, "memoryview: product(shape) * itemsize != "
                              "buffer size");
        ssize_t st = size;
        for (ssize_t k = ndim - 1; k >= 0; k--) {
            dims[ndim + k] = st;
            st *= dims[k];
        }
    }
    return mv_new(m->obj, m->start, code, at, m->readonly, (int)ndim, dims, dims + ndim);
}

static const MethodDef mv_methods[] = {
    {"cast", mv_cast},
    {"tobytes", mv_tobytes},
    {"tolist", mv_tolist},
    {"hex", mv_hex},
    {"release", mv_release},
    {"toreadonly", mv_toreadonly},
    {"__enter__", mv_enter},
    {"__exit__", mv_release},
    {NULL, NULL},
};

static Obj *mv_ssize_tuple(const ssize_t *v, int n)
{
    Obj *t = vm_tuple_new(n);
    for (int k = 0; k < n; k++)
        TUPLE_ITEMS(t)[k] = vm_int_from_i64(v[k]);
    return t;
}

static Obj *mv_getattr(Obj *o, Obj *name)
{
    MemViewObj *m = MV(o);
    static const char *const attrs[] = {"obj", "nbytes", "readonly", "itemsize", "format",
                                        "ndim", "shape", "strides", "c_contiguous",
                                        "f_contiguous", "contiguous", "suboffsets"};
    int k = -1;
    for (int i = 0; i < (int)(sizeof attrs / sizeof *attrs); i++)
        if (vm_str_eqc(name, attrs[i]))
            k = i;
    if (k < 0)
        return NULL;
    if (!mv_data(o))
        return NULL;
    switch (k) {
    case 0: return vm_newref(m->obj);
    case 1: return vm_int_from_i64(mv_nitems(m) * m->itemsize);
    case 2: return VM_BOOL(m->readonly);
    case 3: return vm_int_from_i64(m->itemsize);
    case 4: {
        char f[3] = {'@', m->code, 0};
        return vm_str_cstr(m->at ? f : f + 1);
    }
    case 5: return vm_int_from_i64(m->ndim);
    case 6: return mv_ssize_tuple(SHAPE(m), m->ndim);
    case 7: return mv_ssize_tuple(STRIDES(m), m->ndim);
    case 8: return VM_BOOL(mv_c_contig(m));
    case 9: return VM_BOOL(mv_f_contig(m));
    case 10: return VM_BOOL(mv_c_contig(m) || mv_f_contig(m));
    default: return vm_tuple_new(0);
    }
}

static Obj *mv_iter(Obj *o)
{
    MemViewObj *m = MV(o);
    if (!mv_data(o))
        return NULL;
    if (m->ndim == 0)
        return vm_err_str(&vm_exc_TypeError, "invalid indexing of 0-dim memory");
    if (m->ndim > 1)
        return vm_err_str(&vm_exc_NotImplementedError,
                          "multi-dimensional sub-views are not implemented");
    Obj *l = mv_tolist(o, NULL, 0, NULL);
    if (!l)
        return NULL;
    Obj *it = vm_seq_iter(l);
    DECREF(l);
    return it;
}

/* Items of a and b (same shape) equal, dimension k on, from bytes pa, pb;
 * 1, 0 or -1. */
static int mv_eq_rec(const MemViewObj *a, const unsigned char *pa, const MemViewObj *b,
                     const unsigned char *pb, int k)
{
    if (k == a->ndim) {
        if (a->code == b->code && a->code != 'f' && a->code != 'd')
            return memcmp(pa, pb, (size_t)a->itemsize) == 0;
        Obj *x = mv_unpack(a->code, pa);
        if (!x)
            return -1;
        Obj *y = mv_unpack(b->code, pb);
        if (!y) {
            DECREF(x);
            return -1;
        }
        int r = vm_eq(x, y);
        DECREF(x);
        DECREF(y);
        return r;
    }
    for (ssize_t i = 0; i < SHAPE(a)[k]; i++) {
        int r = mv_eq_rec(a, pa + i * STRIDES(a)[k], b, pb + i * STRIDES(b)[k], k + 1);
        if (r != 1)
            return r;
    }
    return 1;
}

/* == and != with another buffer: the same shape and equal item values. */
static Obj *mv_richcmp(Obj *a, Obj *b, int op)
{
    if (op != CMP_EQ && op != CMP_NE)
        return vm_newref(VM_NOTIMPL);
    if (!MV(a)->obj || (TYPE(b) == &vm_memoryview_type && !MV(b)->obj))
        return VM_BOOL((a == b) == (op == CMP_EQ));
    Obj *bv = mv_view_of(b);
    if (!bv)
        return vm_newref(VM_NOTIMPL);
    const unsigned char *da = mv_data(a), *db = mv_data(bv);
    int eq = 0;
    if (mv_same_shape(MV(a), MV(bv)))
        eq = mv_eq_rec(MV(a), da + MV(a)->start, MV(bv), db + MV(bv)->start, 0);
    DECREF(bv);
    if (eq < 0)
        return NULL;
    return VM_BOOL(op == CMP_EQ ? eq : !eq);
}

static int mv_hash(Obj *o, int64_t *out)
{
    if (!mv_data(o))
        return -1;
    if (!MV(o)->readonly) {
        vm_err_str(&vm_exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (!IS_BYTE_FMT(MV(o)->code)) {
        vm_err_str(&vm_exc_ValueError, "memoryview: hashing is restricted to formats 'B', "
                   "'b' or 'c'");
        return -1;
    }
    if (BYTEARRAY_CHECK(MV(o)->obj)) {     /* the exporter must be hashable too */
        vm_err_str(&vm_exc_TypeError, "unhashable type: 'bytearray'");
        return -1;
    }
    Buf fb = BUF_INIT;
    if (mv_flatten(o, &fb) < 0)
        return -1;
    Obj *b = vm_bytes_new(fb.data ? fb.data : "", fb.len);
    buf_free(&fb);
    if (!b)
        return -1;
    int rc = vm_hash(b, out);
    DECREF(b);
    return rc;
}

/* (txt: for bytes methods, which take only C-contiguous buffers) */
bool vm_memoryview_c_contiguous(Obj *o)
{
    return MV(o)->obj && mv_c_contig(MV(o));
}

bool vm_memoryview_buffer(Obj *o, const char **data, size_t *len)
{
    MemViewObj *m = MV(o);
    unsigned char *d = m->obj ? mv_data(o) : NULL;
    if (!d)
        return false;
    if (mv_c_contig(m)) {
        *data = (const char *)d + m->start;
        *len = (size_t)(mv_nitems(m) * m->itemsize);
        return true;
    }
    Buf b = BUF_INIT;
    mv_put_c(m, 0, d + m->start, &b);
    Obj *flat = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    if (!flat) {
        vm_err_clear();
        return false;
    }
    XDECREF(m->flat);
    m->flat = flat;
    *data = ((BytesObj *)flat)->s;
    *len = (size_t)((BytesObj *)flat)->len;
    return true;
}

bool vm_memoryview_writable(Obj *o, char **data, size_t *len)
{
    MemViewObj *m = MV(o);
    unsigned char *d = m->obj && !m->readonly ? mv_data(o) : NULL;
    if (!d || !mv_c_contig(m))
        return false;
    *data = (char *)d + m->start;
    *len = (size_t)(mv_nitems(m) * m->itemsize);
    return true;
}

Type vm_memoryview_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "memoryview",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(MemViewObj),
    .dealloc = mv_dealloc,
    .repr = mv_repr,
    .hash = mv_hash,
    .richcmp = mv_richcmp,
    .len = mv_len,
    .getitem = mv_getitem,
    .setitem = mv_setitem,
    .iter = mv_iter,
    .construct = mv_construct,
    .getattr = mv_getattr,
    .methods = mv_methods,
};
