/* cmd/pyvm/memoryview.c: memoryview(obj) over a bytes or bytearray: a
 * window (start, step, length) on the exporter's bytes, read (and, over a
 * bytearray, written) in place; format 'B', itemsize 1, one dimension.
 *
 * Stage: pyvm.  The view keeps a reference to its exporter and looks the
 * data up on each access (a bytearray may move its buffer); release()
 * drops the reference, after which every operation raises CPython's
 * ValueError.
 */
#include "cmd/pyvm/memoryview.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

typedef struct MemViewObj {
    Obj ob;
    Obj *obj;               /* the exporter (bytes or bytearray); NULL once released */
    ssize_t start;          /* offset of item 0 in the exporter's bytes */
    ssize_t step;           /* bytes between items (may be negative) */
    ssize_t len;            /* number of items */
    bool readonly;          /* no item assignment (bytes, or toreadonly()) */
} MemViewObj;

#define MV(o) ((MemViewObj *)(o))

static Obj *mv_new(Obj *obj, ssize_t start, ssize_t step, ssize_t len, bool readonly)
{
    MemViewObj *m = vm_alloc(&vm_memoryview_type, 0);
    m->obj = vm_newref(obj);
    m->start = start;
    m->step = step;
    m->len = len;
    m->readonly = readonly;
    return (Obj *)m;
}

/* The exporter's bytes, checked to still hold the view; NULL with
 * ValueError once released. */
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
    ssize_t last = m->start + (m->len ? (m->len - 1) * m->step : 0);
    if (m->len && (m->start >= (ssize_t)n || last < 0 || last >= (ssize_t)n)) {
        vm_err_str(&vm_exc_BufferError, "memoryview: underlying buffer was resized");
        return NULL;
    }
    return (unsigned char *)d;
}

static Obj *mv_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("memoryview", kwnames) < 0 || vm_argc("memoryview", nargs, 1, 1) < 0)
        return NULL;
    Obj *x = args[0];
    if (TYPE(x) == &vm_memoryview_type) {
        if (!mv_data(x))
            return NULL;
        return mv_new(MV(x)->obj, MV(x)->start, MV(x)->step, MV(x)->len, MV(x)->readonly);
    }
    const char *d;
    size_t n;
    if (!vm_bytes_buffer(x, &d, &n))
        return vm_err_fmt(&vm_exc_TypeError,
                          "memoryview: a bytes-like object is required, not '%s'", vm_tname(x));
    return mv_new(x, 0, 1, (ssize_t)n, !BYTEARRAY_CHECK(x));
}

static void mv_dealloc(Obj *o)
{
    XDECREF(MV(o)->obj);
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
    return mv_data(o) ? MV(o)->len : -1;
}

/* Item index i (negative from the end), checked. */
static int mv_index(Obj *o, Obj *key, ssize_t *out)
{
    int64_t i;
    if (!INT_CHECK(key)) {
        Obj *k = vm_number_index(key);
        if (!k) {
            vm_err_clear();
            vm_err_str(&vm_exc_TypeError, "memoryview: invalid slice key");
            return -1;
        }
        int rc = vm_int_as_i64(k, &i);
        DECREF(k);
        if (rc < 0)
            return -1;
    } else if (vm_int_as_i64(key, &i) < 0) {
        return -1;
    }
    if (i < 0)
        i += MV(o)->len;
    if (i < 0 || i >= MV(o)->len) {
        vm_err_str(&vm_exc_IndexError, "index out of bounds on dimension 1");
        return -1;
    }
    *out = (ssize_t)i;
    return 0;
}

static Obj *mv_getitem(Obj *o, Obj *key)
{
    MemViewObj *m = MV(o);
    unsigned char *d = mv_data(o);
    if (!d)
        return NULL;
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, m->len, &start, &stop, &step, &n) < 0)
            return NULL;
        return mv_new(m->obj, m->start + start * m->step, m->step * step, n, m->readonly);
    }
    if (TYPE(key) == &vm_tuple_type && TUPLE_LEN(key) == 0)
        return mv_new(m->obj, m->start, m->step, m->len, m->readonly);
    ssize_t i;
    if (mv_index(o, key, &i) < 0)
        return NULL;
    return vm_int_from_i64(d[m->start + i * m->step]);
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
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, m->len, &start, &stop, &step, &n) < 0)
            return -1;
        const char *src;
        size_t sn;
        if (!vm_bytes_buffer(v, &src, &sn)) {
            if (TYPE(v) != &vm_memoryview_type) {
                vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                           vm_tname(v));
                return -1;
            }
            /* copy the source view first: it may overlap this one */
            Obj *l = vm_list_from_iter(v);
            if (!l)
                return -1;
            if (LIST_LEN(l) != n) {
                DECREF(l);
                vm_err_str(&vm_exc_ValueError, "memoryview assignment: lvalue and rvalue "
                           "have different structures");
                return -1;
            }
            for (ssize_t k = 0; k < n; k++)
                d[m->start + (start + k * step) * m->step]
                    = (unsigned char)INT_SMALL(LIST_ITEMS(l)[k]);
            DECREF(l);
            return 0;
        }
        if ((ssize_t)sn != n) {
            vm_err_str(&vm_exc_ValueError, "memoryview assignment: lvalue and rvalue have "
                       "different structures");
            return -1;
        }
        unsigned char tmp[256], *copy = sn <= sizeof tmp ? tmp : ls_xmalloc(sn);
        memcpy(copy, src, sn);
        for (ssize_t k = 0; k < n; k++)
            d[m->start + (start + k * step) * m->step] = copy[k];
        if (copy != tmp)
            free(copy);
        return 0;
    }
    ssize_t i;
    if (mv_index(o, key, &i) < 0)
        return -1;
    int64_t x;
    if (!INT_CHECK(v) || vm_int_as_i64(v, &x) < 0 || x < 0 || x > 255) {
        if (INT_CHECK(v))
            vm_err_clear();
        vm_err_fmt(&vm_exc_TypeError, "memoryview: invalid type for format 'B'");
        if (INT_CHECK(v)) {
            vm_err_clear();
            vm_err_str(&vm_exc_ValueError, "memoryview: invalid value for format 'B'");
        }
        return -1;
    }
    d[m->start + i * m->step] = (unsigned char)x;
    return 0;
}

/* The viewed bytes, in order, as a new C buffer of m->len bytes. */
static char *mv_copy(Obj *o)
{
    unsigned char *d = mv_data(o);
    if (!d)
        return NULL;
    MemViewObj *m = MV(o);
    char *out = ls_xmalloc((size_t)m->len + 1);
    for (ssize_t i = 0; i < m->len; i++)
        out[i] = (char)d[m->start + i * m->step];
    return out;
}

static Obj *mv_tobytes(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    char *c = mv_copy(self);
    if (!c)
        return NULL;
    Obj *b = vm_bytes_new(c, (size_t)MV(self)->len);
    free(c);
    return b;
}

static Obj *mv_tolist(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    unsigned char *d = mv_data(self);
    if (!d)
        return NULL;
    MemViewObj *m = MV(self);
    Obj *l = vm_list_new(0);
    for (ssize_t i = 0; i < m->len; i++) {
        Obj *v = vm_int_from_i64(d[m->start + i * m->step]);
        vm_list_append(l, v);
        DECREF(v);
    }
    return l;
}

static Obj *mv_hex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *b = mv_tobytes(self, NULL, 0, NULL);
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

static Obj *mv_release(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLEAR(MV(self)->obj);
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
    MemViewObj *m = MV(self);
    return mv_new(m->obj, m->start, m->step, m->len, true);
}

static const MethodDef mv_methods[] = {
    {"tobytes", mv_tobytes},
    {"tolist", mv_tolist},
    {"hex", mv_hex},
    {"release", mv_release},
    {"toreadonly", mv_toreadonly},
    {"__enter__", mv_enter},
    {"__exit__", mv_release},
    {NULL, NULL},
};

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
    case 1: return vm_int_from_i64(m->len);
    case 2: return VM_BOOL(m->readonly);
    case 3: return vm_int_from_i64(1);
    case 4: return vm_str_cstr("B");
    case 5: return vm_int_from_i64(1);
    case 6:
    case 7: {
        Obj *v = vm_int_from_i64(k == 6 ? m->len : m->step);
        Obj *t = vm_tuple_from(&v, 1);
        DECREF(v);
        return t;
    }
    case 11: return vm_tuple_new(0);
    default: return VM_BOOL(m->step == 1 || m->len <= 1);
    }
}

static Obj *mv_iter(Obj *o)
{
    Obj *l = mv_tolist(o, NULL, 0, NULL);
    if (!l)
        return NULL;
    Obj *it = vm_seq_iter(l);
    DECREF(l);
    return it;
}

/* == with another buffer: the same byte values */
static Obj *mv_richcmp(Obj *a, Obj *b, int op)
{
    if (op != CMP_EQ && op != CMP_NE)
        return vm_newref(VM_NOTIMPL);
    if (!MV(a)->obj)
        return VM_BOOL((a == b) == (op == CMP_EQ));
    const char *bd;
    size_t bn;
    char *bcopy = NULL;
    if (TYPE(b) == &vm_memoryview_type) {
        if (!MV(b)->obj)
            return VM_BOOL(op == CMP_NE);
        bcopy = mv_copy(b);
        if (!bcopy)
            return NULL;
        bd = bcopy;
        bn = (size_t)MV(b)->len;
    } else if (!vm_bytes_buffer(b, &bd, &bn)) {
        return vm_newref(VM_NOTIMPL);
    }
    char *ac = mv_copy(a);
    if (!ac) {
        free(bcopy);
        return NULL;
    }
    bool eq = (size_t)MV(a)->len == bn && memcmp(ac, bd, bn) == 0;
    free(ac);
    free(bcopy);
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
    Obj *b = mv_tobytes(o, NULL, 0, NULL);
    if (!b)
        return -1;
    int rc = vm_hash(b, out);
    DECREF(b);
    return rc;
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
