/* cmd/pyvm/bytearray.c: bytearray.
 *
 * Stage: pyvm.  Storage is a malloc'd buffer grown by doubling.  Item and
 * slice access, the mutating methods (append, extend, pop, insert, remove,
 * clear, reverse) and += are native; the others are bytesmeth.c's, shared
 * with bytes.
 */
#include "cmd/pyvm/bytearray.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/bytesmeth.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/memoryview.h"
#include "cmd/pyvm/mod_array.h"
#include "cmd/pyvm/mod_mmap.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/strfmt.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/txtargs.h"

#define BA(o) ((ByteArrayObj *)(o))

bool vm_bytes_buffer(Obj *o, const char **data, size_t *len)
{
    if (BYTES_CHECK(o)) {
        *data = ((BytesObj *)o)->s;
        *len = (size_t)((BytesObj *)o)->len;
        return true;
    }
    if (BYTEARRAY_CHECK(o)) {
        *data = BA(o)->data ? BA(o)->data : "";
        *len = (size_t)BA(o)->len;
        return true;
    }
    if (TYPE(o) == &vm_memoryview_type && vm_memoryview_c_contiguous(o))
        return vm_memoryview_buffer(o, data, len);
    if (vm_array_check(o)) {    /* array.array (mod_array.h) */
        char *d;
        vm_array_buffer(o, &d, len, NULL, NULL);
        *data = d;
        return true;
    }
    if (vm_mmap_check(o)) {     /* mmap.mmap (mod_mmap.h): false once closed */
        char *d;
        bool live = vm_mmap_buffer(o, &d, len);
        *data = d;
        return live;
    }
    return false;
}

bool vm_bytes_buffer_any(Obj *o, const char **data, size_t *len)
{
    if (vm_bytes_buffer(o, data, len))
        return true;
    return TYPE(o) == &vm_memoryview_type && vm_memoryview_buffer(o, data, len);
}

int vm_bytes_buffer_error(Obj *o, const char *fmt)
{
    const char *d;
    size_t n;
    if (TYPE(o) != &vm_memoryview_type)
        vm_err_fmt(&vm_exc_TypeError, fmt, vm_tname(o));
    else if (!vm_memoryview_buffer(o, &d, &n))
        vm_err_str(&vm_exc_ValueError, "operation forbidden on released memoryview object");
    else
        vm_err_str(&vm_exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
    return -1;
}

/* A bytearray a memoryview exports may not change its size (CPython's
 * BufferError); 0 when newlen is allowed. */
static int ba_resizable(ByteArrayObj *b, ssize_t newlen)
{
    if (b->exports > 0 && newlen != b->len) {
        vm_err_str(&vm_exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

static void ba_reserve(ByteArrayObj *b, ssize_t need)
{
    if (need <= b->cap)
        return;
    ssize_t cap = b->cap ? b->cap : 8;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, (size_t)cap);
    if (!p)
        ls_die(LS_EXIT_USAGE, "out of memory");
    b->data = p;
    b->cap = cap;
}

static void ba_append(ByteArrayObj *b, const char *s, size_t n)
{
    ba_reserve(b, b->len + (ssize_t)n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += (ssize_t)n;
}

Obj *vm_bytearray_new(const char *s, size_t len)
{
    ByteArrayObj *b = vm_alloc(&vm_bytearray_type, 0);
    b->len = b->cap = b->exports = 0;
    b->data = NULL;
    ba_append(b, s, len);
    return (Obj *)b;
}

static void ba_dealloc(Obj *o)
{
    free(BA(o)->data);
    vm_obj_free(o);
}

static Obj *ba_repr(Obj *o)
{
    Buf b = BUF_INIT;
    buf_puts(&b, "bytearray(b");
    /* as CPython's: the quote is " only for ' without ", and ' is always
     * escaped (bytearray(b"x\'")) */
    const char *d = BA(o)->data ? BA(o)->data : "";
    size_t n = (size_t)BA(o)->len;
    char q = memchr(d, '\'', n) && !memchr(d, '"', n) ? '"' : '\'';
    buf_putc(&b, q);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (c == '\'' || c == '\\')
            buf_printf(&b, "\\%c", c);
        else if (c == '\t')
            buf_puts(&b, "\\t");
        else if (c == '\n')
            buf_puts(&b, "\\n");
        else if (c == '\r')
            buf_puts(&b, "\\r");
        else if (c < 0x20 || c >= 0x7f)
            buf_printf(&b, "\\x%02x", c);
        else
            buf_putc(&b, c);
    }
    buf_putc(&b, q);
    buf_putc(&b, ')');
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *ba_richcmp(Obj *a, Obj *b, int op)
{
    const char *x, *y;
    size_t xn, yn;
    if (!vm_bytes_buffer(a, &x, &xn) || !vm_bytes_buffer(b, &y, &yn))
        return vm_newref(VM_NOTIMPL);
    size_t n = xn < yn ? xn : yn;
    int c = n ? memcmp(x, y, n) : 0;
    if (c == 0)
        c = xn < yn ? -1 : xn > yn;
    bool r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_EQ ? c == 0
        : op == CMP_NE ? c != 0 : op == CMP_GT ? c > 0 : c >= 0;
    return VM_BOOL(r);
}

static int ba_hash(Obj *o, int64_t *out)
{
    (void)out;
    vm_err_fmt(&vm_exc_TypeError, "unhashable type: '%s'", vm_tname(o));
    return -1;
}

static ssize_t ba_len(Obj *o)
{
    return BA(o)->len;
}

static int ba_truth(Obj *o)
{
    return BA(o)->len != 0;
}

/* A byte value argument (0..255), as CPython's messages. */
static int byte_value(Obj *v, int *out)
{
    int64_t c;
    if (!INT_CHECK(v) && !(TYPE(v)->flags & TF_HEAP)) {
        vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   vm_tname(v));
        return -1;
    }
    if (vm_index(v, &c, "byte") < 0)
        return -1;
    if (c < 0 || c > 255) {
        vm_err_str(&vm_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)c;
    return 0;
}

static int norm_index(ByteArrayObj *b, Obj *key, ssize_t *out, const char *msg)
{
    int64_t i;
    if (vm_index(key, &i, "bytearray") < 0)
        return -1;
    if (i < 0)
        i += b->len;
    if (i < 0 || i >= b->len) {
        vm_err_str(&vm_exc_IndexError, msg);
        return -1;
    }
    *out = (ssize_t)i;
    return 0;
}

static Obj *ba_getitem(Obj *o, Obj *key)
{
    ByteArrayObj *b = BA(o);
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, b->len, &start, &stop, &step, &n) < 0)
            return NULL;
        Obj *r = vm_bytearray_new("", 0);
        for (ssize_t i = 0, k = start; i < n; i++, k += step)
            ba_append(BA(r), b->data + k, 1);
        return r;
    }
    ssize_t i;
    if (norm_index(b, key, &i, "bytearray index out of range") < 0)
        return NULL;
    return vm_int_from_i64((unsigned char)b->data[i]);
}

/* Replace b[start:stop] (step 1) with n bytes from s. */
static void splice(ByteArrayObj *b, ssize_t start, ssize_t stop, const char *s, size_t n)
{
    if (stop < start)
        stop = start;
    ssize_t tail = b->len - stop, newlen = start + (ssize_t)n + tail;
    char *copy = NULL;
    if (n) {
        copy = malloc(n);
        if (!copy)
            ls_die(LS_EXIT_USAGE, "out of memory");
        memcpy(copy, s, n);     /* s may point into b */
    }
    ba_reserve(b, newlen);
    if (tail)
        memmove(b->data + start + (ssize_t)n, b->data + stop, (size_t)tail);
    if (n)
        memcpy(b->data + start, copy, n);
    free(copy);
    b->len = newlen;
}

static int ba_setitem(Obj *o, Obj *key, Obj *v)
{
    ByteArrayObj *b = BA(o);
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, b->len, &start, &stop, &step, &n) < 0)
            return -1;
        if (!v && step != 1) {
            /* delete every step-th byte of the slice */
            ssize_t lo = step > 0 ? start : start + (n - 1) * step, st = step > 0 ? step : -step;
            ssize_t w = lo;
            ssize_t hi = lo + (n - 1) * st;
            if (n <= 0)
                return 0;
            if (ba_resizable(b, b->len - n) < 0)
                return -1;
            for (ssize_t r = lo; r < b->len; r++)
                if (r > hi || (r - lo) % st != 0)
                    b->data[w++] = b->data[r];
            b->len = w;
            return 0;
        }
        if (!v) {
            if (stop > start && ba_resizable(b, b->len - (stop - start)) < 0)
                return -1;
            splice(b, start, stop, "", 0);
            return 0;
        }
        const char *p = "";
        size_t pn = 0;
        Obj *tmp = NULL;
        if (vm_bytes_buffer(v, &p, &pn) && pn && b->data && p >= b->data
            && p < b->data + b->cap) {
            /* b itself or a view of it: copy, as splice may move the bytes */
            tmp = vm_bytes_new(p, pn);
            vm_bytes_buffer(tmp, &p, &pn);
        } else if (!vm_bytes_buffer(v, &p, &pn)) {
            if (INT_CHECK(v) || STR_CHECK(v)) {
                vm_err_str(&vm_exc_TypeError, "can assign only bytes, buffers, or iterables of "
                           "ints in range(0, 256)");
                return -1;
            }
            Obj *cargs[1] = {v};
            tmp = vm_call((Obj *)&vm_bytearray_type, cargs, 1, NULL);
            if (!tmp)
                return -1;
            vm_bytes_buffer(tmp, &p, &pn);
        }
        if (step != 1) {
            if ((ssize_t)pn != n) {
                XDECREF(tmp);
                vm_err_fmt(&vm_exc_ValueError, "attempt to assign bytes of size %zu to extended "
                           "slice of size %zd", pn, n);
                return -1;
            }
            for (ssize_t k = 0; k < n; k++)
                b->data[start + k * step] = p[k];
            XDECREF(tmp);
            return 0;
        }
        if (ba_resizable(b, b->len - (stop > start ? stop - start : 0) + (ssize_t)pn) < 0) {
            XDECREF(tmp);
            return -1;
        }
        splice(b, start, stop, p, pn);
        XDECREF(tmp);
        return 0;
    }
    ssize_t i;
    if (norm_index(b, key, &i, v ? "bytearray index out of range"
                                 : "bytearray index out of range") < 0)
        return -1;
    if (!v) {
        if (ba_resizable(b, b->len - 1) < 0)
            return -1;
        splice(b, i, i + 1, "", 0);
        return 0;
    }
    int c;
    if (byte_value(v, &c) < 0)
        return -1;
    b->data[i] = (char)c;
    return 0;
}

static int ba_contains(Obj *o, Obj *v)
{
    Obj *tmp = vm_bytes_new(BA(o)->data ? BA(o)->data : "", (size_t)BA(o)->len);
    int r = vm_contains(tmp, v);
    DECREF(tmp);
    return r;
}

/* ---- bytearray_iterator: live, it sees the array's later changes ---- */
typedef struct BaIter {
    Obj ob;
    Obj *ba;                /* the bytearray; NULL once exhausted */
    ssize_t i;              /* index of the next byte */
} BaIter;

static void baiter_dealloc(Obj *o)
{
    XDECREF(((BaIter *)o)->ba);
    vm_obj_free(o);
}

static Obj *baiter_next(Obj *o)
{
    BaIter *it = (BaIter *)o;
    if (!it->ba)
        return NULL;
    if (it->i >= BA(it->ba)->len) {
        CLEAR(it->ba);
        return NULL;
    }
    return vm_int_from_i64((unsigned char)BA(it->ba)->data[it->i++]);
}

static Obj *baiter_self(Obj *o)
{
    return vm_newref(o);
}

/* __length_hint__: the bytes left */
static Obj *baiter_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    BaIter *it = (BaIter *)self;
    ssize_t n = it->ba ? BA(it->ba)->len - it->i : 0;
    return vm_int_from_i64(n > 0 ? n : 0);
}

static const MethodDef baiter_methods[] = {
    {"__length_hint__", baiter_hint},
    {NULL, NULL},
};

static Type baiter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "bytearray_iterator",
    .base = &vm_object_type,
    .basicsize = sizeof(BaIter),
    .dealloc = baiter_dealloc,
    .iter = baiter_self,
    .iternext = baiter_next,
    .methods = baiter_methods,
};

static Obj *ba_iter(Obj *o)
{
    BaIter *it = vm_alloc(&baiter_type, 0);
    it->ba = vm_newref(o);
    it->i = 0;
    return (Obj *)it;
}

/* Append every byte of iterable v (bytes-like or ints) to b. */
static int extend_from(ByteArrayObj *b, Obj *v)
{
    const char *p;
    size_t n;
    if (vm_bytes_buffer(v, &p, &n)) {
        if (ba_resizable(b, b->len + (ssize_t)n) < 0)
            return -1;
        if (n && b->data && p >= b->data && p < b->data + b->cap) {
            /* b itself, or a memoryview of it: ba_append may move the bytes */
            char *copy = malloc(n ? n : 1);
            if (!copy)
                ls_die(LS_EXIT_USAGE, "out of memory");
            memcpy(copy, p, n);
            ba_append(b, copy, n);
            free(copy);
        } else {
            ba_append(b, p, n);
        }
        return 0;
    }
    if (STR_CHECK(v)) {
        vm_err_str(&vm_exc_TypeError, "'str' object cannot be interpreted as an integer");
        return -1;
    }
    Obj *l = vm_list_from_iter(v);
    if (!l) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_fmt(&vm_exc_TypeError, "can't extend bytearray with %s", vm_tname(v));
        }
        return -1;
    }
    if (ba_resizable(b, b->len + LIST_LEN(l)) < 0) {
        DECREF(l);
        return -1;
    }
    for (ssize_t i = 0; i < LIST_LEN(l); i++) {
        int c;
        if (byte_value(LIST_ITEMS(l)[i], &c) < 0) {
            DECREF(l);
            return -1;
        }
        char ch = (char)c;
        ba_append(b, &ch, 1);
    }
    DECREF(l);
    return 0;
}

/* A new bytearray: seq's bytes k times (k >= 0); MemoryError when huge. */
static Obj *ba_repeat(Obj *seq, int64_t k)
{
    const char *x;
    size_t xn;
    vm_bytes_buffer(seq, &x, &xn);
    if (xn && (uint64_t)k > (SIZE_MAX / 2) / xn)
        return vm_err_nomem();
    size_t total = (size_t)k * xn;
    char *d = total ? malloc(total) : NULL;
    if (total && !d)
        return vm_err_nomem();
    for (int64_t i = 0; i < k; i++)
        memcpy(d + (size_t)i * xn, x, xn);
    Obj *r = vm_bytearray_new("", 0);
    free(BA(r)->data);
    BA(r)->data = d;
    BA(r)->len = BA(r)->cap = (ssize_t)total;
    return r;
}

/* a *= k in place */
static Obj *ba_irepeat(Obj *a, int64_t k)
{
    ssize_t len = BA(a)->len;   /* the new size: len * k, or -1 for "larger" */
    if (ba_resizable(BA(a), k == 1 ? len : k <= 0 || !len ? 0 : -1) < 0)
        return NULL;
    Obj *r = ba_repeat(a, k);
    if (!r)
        return NULL;
    ByteArrayObj *s = BA(a), *t = BA(r);
    char *d = s->data;
    ssize_t cap = s->cap;
    s->data = t->data;
    s->len = t->len;
    s->cap = t->cap;
    t->data = d;
    t->cap = cap;
    DECREF(r);
    return vm_newref(a);
}

static Obj *ba_binop(Obj *a, Obj *b, int op)
{
    bool inplace = op >= NB_INPLACE_FIRST;
    int o = inplace ? op - NB_INPLACE_FIRST : op;
    const char *x = "", *y = "";
    size_t xn = 0, yn = 0;
    if (o == NB_REMAINDER && BYTEARRAY_CHECK(a)) {
        vm_bytes_buffer(a, &x, &xn);
        Obj *r = vm_bytes_percent(x, xn, b);
        if (!r)
            return NULL;
        vm_bytes_buffer(r, &y, &yn);
        Obj *ba = vm_bytearray_new(y, yn);
        DECREF(r);
        return ba;
    }
    if (o == NB_ADD && BYTEARRAY_CHECK(a)) {
        if (inplace && a == b)     /* CPython holds b's buffer while it resizes a */
            return vm_err_str(&vm_exc_BufferError,
                              "Existing exports of data: object cannot be re-sized");
        if (!vm_bytes_buffer(b, &y, &yn))
            return vm_err_fmt(&vm_exc_TypeError, "can't concat %s to bytearray", vm_tname(b));
        if (inplace) {
            if (extend_from(BA(a), b) < 0)
                return NULL;
            return vm_newref(a);
        }
        vm_bytes_buffer(a, &x, &xn);
        Obj *r = vm_bytearray_new(x, xn);
        ba_append(BA(r), y, yn);
        return r;
    }
    if (o == NB_ADD && BYTES_CHECK(a) && vm_bytes_buffer(b, &y, &yn)) {
        vm_bytes_buffer(a, &x, &xn);
        Buf t = BUF_INIT;
        buf_put(&t, x, xn);
        buf_put(&t, y, yn);
        Obj *r = vm_bytes_new(t.data ? t.data : "", t.len);
        buf_free(&t);
        return r;
    }
    if (o == NB_MULTIPLY) {
        Obj *seq = BYTEARRAY_CHECK(a) ? a : b, *n = seq == a ? b : a;
        int64_t k;
        int rc = vm_txt_repeat_count(n, false, &k);
        if (rc <= 0)
            return rc < 0 ? NULL : vm_newref(VM_NOTIMPL);
        return inplace && seq == a ? ba_irepeat(a, k) : ba_repeat(seq, k);
    }
    return vm_newref(VM_NOTIMPL);
}

/* bytearray(), bytearray(int), bytearray(bytes-like or iterable of ints),
 * bytearray(str, encoding) */
static Obj *ba_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    if (nargs == 0)
        return vm_bytearray_new("", 0);
    Obj *x = args[0];
    if (STR_CHECK(x)) {
        if (nargs < 2)
            return vm_err_str(&vm_exc_TypeError, "string argument without an encoding");
        Obj *b = vm_str_encode(x, args + 1, nargs - 1, kwnames);
        if (!b)
            return NULL;
        Obj *r = vm_bytearray_new(((BytesObj *)b)->s, (size_t)((BytesObj *)b)->len);
        DECREF(b);
        return r;
    }
    if (vm_nokw("bytearray", kwnames) < 0 || vm_argc("bytearray", nargs, 0, 1) < 0)
        return NULL;
    if (INT_CHECK(x)) {
        int64_t n;
        if (vm_int_as_i64(x, &n) < 0)
            return NULL;
        if (n < 0)
            return vm_err_str(&vm_exc_ValueError, "negative count");
        Obj *r = vm_bytearray_new("", 0);
        if (n > BA(r)->cap) {      /* may fail: a huge size is a MemoryError */
            char *p = (uint64_t)n < SIZE_MAX / 2 ? realloc(BA(r)->data, (size_t)n) : NULL;
            if (!p) {
                DECREF(r);
                return vm_err_nomem();
            }
            BA(r)->data = p;
            BA(r)->cap = (ssize_t)n;
        }
        if (n)
            memset(BA(r)->data, 0, (size_t)n);
        BA(r)->len = (ssize_t)n;
        return r;
    }
    Obj *r = vm_bytearray_new("", 0);
    if (extend_from(BA(r), x) < 0) {
        DECREF(r);
        if (vm_err_matches(&vm_exc_TypeError) && !TYPE(x)->iter) {
            vm_err_clear();
            return vm_err_fmt(&vm_exc_TypeError, "cannot convert '%s' object to bytearray",
                              vm_tname(x));
        }
        return NULL;
    }
    return r;
}

/* ---- methods ---- */

static Obj *ba_append_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("bytearray", "append", TA_ONE, args, nargs, kwnames, 1, 1, NULL, NULL) < 0)
        return NULL;
    int c;
    if (byte_value(args[0], &c) < 0)
        return NULL;
    char ch = (char)c;
    if (ba_resizable(BA(self), BA(self)->len + 1) < 0)
        return NULL;
    ba_append(BA(self), &ch, 1);
    return vm_newref(VM_NONE);
}

static Obj *ba_extend_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("bytearray", "extend", TA_ONE, args, nargs, kwnames, 1, 1, NULL, NULL) < 0)
        return NULL;
    if (extend_from(BA(self), args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *ba_pop_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("bytearray", "pop", TA_POS, args, nargs, kwnames, 0, 1, NULL, NULL) < 0)
        return NULL;
    ByteArrayObj *b = BA(self);
    if (b->len == 0)
        return vm_err_str(&vm_exc_IndexError, "pop from empty bytearray");
    ssize_t i = b->len - 1;
    if (nargs == 1 && norm_index(b, args[0], &i, "pop index out of range") < 0)
        return NULL;
    int c = (unsigned char)b->data[i];
    if (ba_resizable(b, b->len - 1) < 0)
        return NULL;
    splice(b, i, i + 1, "", 0);
    return vm_int_from_i64(c);
}

static Obj *ba_insert_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("bytearray", "insert", TA_POS, args, nargs, kwnames, 2, 2, NULL, NULL) < 0)
        return NULL;
    ByteArrayObj *b = BA(self);
    int64_t i;
    int c;
    if (vm_index(args[0], &i, "insert") < 0 || byte_value(args[1], &c) < 0)
        return NULL;
    if (i < 0)
        i += b->len;
    if (i < 0)
        i = 0;
    if (i > b->len)
        i = b->len;
    char ch = (char)c;
    if (ba_resizable(b, b->len + 1) < 0)
        return NULL;
    splice(b, (ssize_t)i, (ssize_t)i, &ch, 1);
    return vm_newref(VM_NONE);
}

static Obj *ba_remove_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("bytearray", "remove", TA_ONE, args, nargs, kwnames, 1, 1, NULL, NULL) < 0)
        return NULL;
    ByteArrayObj *b = BA(self);
    int c;
    if (byte_value(args[0], &c) < 0)
        return NULL;
    char *p = b->len ? memchr(b->data, c, (size_t)b->len) : NULL;
    if (!p)
        return vm_err_str(&vm_exc_ValueError, "value not found in bytearray");
    ssize_t i = p - b->data;
    if (ba_resizable(b, b->len - 1) < 0)
        return NULL;
    splice(b, i, i + 1, "", 0);
    return vm_newref(VM_NONE);
}

static Obj *ba_clear_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("bytearray", "clear", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    if (ba_resizable(BA(self), 0) < 0)
        return NULL;
    BA(self)->len = 0;
    return vm_newref(VM_NONE);
}

static Obj *ba_reverse_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("bytearray", "reverse", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    ByteArrayObj *b = BA(self);
    for (ssize_t i = 0, j = b->len - 1; i < j; i++, j--) {
        char t = b->data[i];
        b->data[i] = b->data[j];
        b->data[j] = t;
    }
    return vm_newref(VM_NONE);
}

static Obj *ba_copy_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("bytearray", "copy", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    return vm_bytearray_new(BA(self)->data ? BA(self)->data : "", (size_t)BA(self)->len);
}

/* The operator dunders (CPython's slot wrappers): + * % with the reflected
 * and in-place forms; + takes any bytes-like object. */
static Obj *ba_add_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__add__", nargs, 1, 1) < 0)
        return NULL;
    return ba_binop(self, args[0], NB_ADD);
}

static Obj *ba_iadd_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__iadd__", nargs, 1, 1) < 0)
        return NULL;
    return ba_binop(self, args[0], NB_INPLACE_FIRST + NB_ADD);
}

static Obj *ba_mul_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t k;
    if (vm_argc("__mul__", nargs, 1, 1) < 0 || vm_txt_repeat_count(args[0], true, &k) < 0)
        return NULL;
    return ba_repeat(self, k);
}

static Obj *ba_rmul_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t k;
    if (vm_argc("__rmul__", nargs, 1, 1) < 0 || vm_txt_repeat_count(args[0], true, &k) < 0)
        return NULL;
    return ba_repeat(self, k);
}

static Obj *ba_imul_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t k;
    if (vm_argc("__imul__", nargs, 1, 1) < 0 || vm_txt_repeat_count(args[0], true, &k) < 0)
        return NULL;
    return ba_irepeat(self, k);
}

static Obj *ba_mod_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__mod__", nargs, 1, 1) < 0)
        return NULL;
    return ba_binop(self, args[0], NB_REMAINDER);
}

/* other % self: only a bytearray formats */
static Obj *ba_rmod_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__rmod__", nargs, 1, 1) < 0)
        return NULL;
    if (!BYTEARRAY_CHECK(args[0]))
        return vm_newref(VM_NOTIMPL);
    return ba_binop(args[0], self, NB_REMAINDER);
}

/* CPython's allocated size as it is right after construction (the bytes
 * and a NUL; 0 when empty): pyvm's own growth policy differs. */
static int64_t ba_alloc_size(Obj *self)
{
    return BA(self)->len ? BA(self)->len + 1 : 0;
}

static Obj *ba_alloc_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__alloc__", nargs, 0, 0) < 0)
        return NULL;
    return vm_int_from_i64(ba_alloc_size(self));
}

static Obj *ba_sizeof_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__sizeof__", nargs, 0, 0) < 0)
        return NULL;
    return vm_int_from_i64(56 + ba_alloc_size(self));
}

static const MethodDef ba_methods[] = {
    {"__add__", ba_add_m},
    {"__iadd__", ba_iadd_m},
    {"__mul__", ba_mul_m},
    {"__rmul__", ba_rmul_m},
    {"__imul__", ba_imul_m},
    {"__mod__", ba_mod_m},
    {"__rmod__", ba_rmod_m},
    {"__alloc__", ba_alloc_m},
    {"__sizeof__", ba_sizeof_m},
    {"append", ba_append_m},
    {"extend", ba_extend_m},
    {"pop", ba_pop_m},
    {"insert", ba_insert_m},
    {"remove", ba_remove_m},
    {"clear", ba_clear_m},
    {"reverse", ba_reverse_m},
    {"copy", ba_copy_m},
#define BA_ENTRY(NAME) {#NAME, vm_bm_##NAME},
    VM_BYTES_COMMON(BA_ENTRY)
#undef BA_ENTRY
    {NULL, NULL},
};

Type vm_bytearray_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "bytearray",
    .base = &vm_object_type,
    .basicsize = sizeof(ByteArrayObj),
    .dealloc = ba_dealloc,
    .repr = ba_repr,
    .hash = ba_hash,
    .richcmp = ba_richcmp,
    .binop = ba_binop,
    .truth = ba_truth,
    .len = ba_len,
    .getitem = ba_getitem,
    .setitem = ba_setitem,
    .contains = ba_contains,
    .iter = ba_iter,
    .construct = ba_construct,
    .methods = ba_methods,
};
