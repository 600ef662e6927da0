/* cmd/pyvm/mod_array.c: the built-in module array (array.array,
 * array.ArrayType, array.typecodes, array._array_reconstructor).
 *
 * Stage: pyvm.  An array keeps its items as packed C values of one
 * typecode (native sizes and byte order, x86-64 / LP64): b B (1 byte),
 * u (a 4-byte wchar_t code point), h H (2), i I f (4), l L q Q d (8).
 * Items convert to and from Python values with CPython 3.11's checks and
 * OverflowError wording, which differ per typecode because CPython parses
 * each through a different C conversion.  The allocation grows as
 * CPython's array_resize (so __sizeof__ and buffer_info agree), and while
 * a memoryview exports the buffer (exports > 0) any change of size raises
 * BufferError.  Pickling uses CPython's machine-format codes: protocol 3+
 * reduces to _array_reconstructor(cls, typecode, mformat, bytes).
 */
#include "cmd/pyvm/mod_array.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/txtargs.h"

/* The typecodes: code, item size, kind (s signed int, u unsigned int,
 * f float, w wide character), CPython's machine format code (little
 * endian) for pickles. */
#define ARR_TYPES(X) \
    X('b', 1, 's', 1) X('B', 1, 'u', 0) X('u', 4, 'w', 20) X('h', 2, 's', 4) \
    X('H', 2, 'u', 2) X('i', 4, 's', 8) X('I', 4, 'u', 6) X('l', 8, 's', 12) \
    X('L', 8, 'u', 10) X('q', 8, 's', 12) X('Q', 8, 'u', 10) X('f', 4, 'f', 14) \
    X('d', 8, 'f', 16)

typedef struct ArrDesc {
    char code;              /* the typecode */
    int size;               /* bytes per item */
    char kind;              /* 's', 'u', 'f' or 'w' (above) */
    int mformat;            /* machine format code of a pickle */
} ArrDesc;

static const ArrDesc arr_descs[] = {
#define X(c, s, k, m) {c, s, k, m},
    ARR_TYPES(X)
#undef X
};
#define ARR_NDESC ((int)(sizeof arr_descs / sizeof *arr_descs))

typedef struct ArrayObj {
    Obj ob;
    const ArrDesc *d;       /* the typecode's description */
    ssize_t len;            /* number of items */
    ssize_t cap;            /* items allocated */
    ssize_t exports;        /* live memoryviews: while > 0 the size may not change */
    char *data;             /* len * d->size bytes (malloc'd), NULL when cap is 0 */
} ArrayObj;

typedef struct ArrIterObj {
    Obj ob;
    Obj *arr;               /* the array; NULL once exhausted */
    ssize_t pos;            /* next index */
} ArrIterObj;

static Type array_type, arriter_type;

#define AR(o) ((ArrayObj *)(o))
#define ITEM(a, i) ((a)->data + (size_t)(i) * (size_t)(a)->d->size)

bool vm_array_check(Obj *o)
{
    return TYPE(o) == &array_type || vm_is_subtype(TYPE(o), &array_type);
}

static const ArrDesc *arr_desc(int c)
{
    for (int k = 0; k < ARR_NDESC; k++)
        if (arr_descs[k].code == c)
            return &arr_descs[k];
    return NULL;
}

/* ---- storage ---- */

/* Set the number of items to n, growing as CPython's array_resize. */
static int arr_resize(ArrayObj *a, ssize_t n)
{
    if (a->exports > 0 && n != a->len) {
        vm_err_str(&vm_exc_BufferError, "cannot resize an array that is exporting buffers");
        return -1;
    }
    if (a->cap >= n && a->len < n + 16 && a->data) {
        a->len = n;
        return 0;
    }
    if (n == 0) {
        free(a->data);
        a->data = NULL;
        a->cap = 0;
        a->len = 0;
        return 0;
    }
    ssize_t cap = (n >> 4) + (a->len < 8 ? 3 : 7) + n;
    if (cap > (ssize_t)(SSIZE_MAX / 2) / a->d->size) {
        vm_err_nomem();
        return -1;
    }
    char *p = realloc(a->data, (size_t)cap * (size_t)a->d->size);
    if (!p) {
        vm_err_nomem();
        return -1;
    }
    a->data = p;
    a->cap = cap;
    a->len = n;
    return 0;
}

/* A new array of type t with n items allocated exactly (uninitialised). */
static ArrayObj *arr_new(Type *t, const ArrDesc *d, ssize_t n)
{
    if (n < 0 || n > (ssize_t)(SSIZE_MAX / 2) / d->size) {
        vm_err_nomem();
        return NULL;
    }
    ArrayObj *a = vm_alloc(t, 0);
    a->d = d;
    a->len = n;
    a->cap = n;
    a->exports = 0;
    a->data = n ? malloc((size_t)n * (size_t)d->size) : NULL;
    if (n && !a->data) {
        a->cap = a->len = 0;
        DECREF(a);
        vm_err_nomem();
        return NULL;
    }
    return a;
}

static void arr_dealloc(Obj *o)
{
    free(AR(o)->data);
    vm_obj_free(o);
}

void vm_array_buffer(Obj *o, char **data, size_t *len, ssize_t *itemsize, char *code)
{
    ArrayObj *a = AR(o);
    *data = a->data ? a->data : (char *)"";
    *len = (size_t)a->len * (size_t)a->d->size;
    if (itemsize)
        *itemsize = a->d->size;
    if (code)
        *code = a->d->code == 'u' ? 'w' : a->d->code;
}

void vm_array_export(Obj *o, int delta)
{
    AR(o)->exports += delta;
}

/* ---- one item: C value <-> Python value ---- */

static Obj *arr_u64(uint64_t v)
{
    if (v <= (uint64_t)INT64_MAX)
        return vm_int_from_i64((int64_t)v);
    char t[24];
    int n = 0;
    char r[24];
    do {
        r[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (int k = 0; k < n; k++)
        t[k] = r[n - 1 - k];
    return vm_int_from_str(t, (size_t)n, 10);
}

static Obj *arr_char(uint32_t cp)
{
    char u[4];
    int n = ls_utf8_encode(cp, u);
    if (n == 0)     /* (item access goes through chr()'s check in CPython) */
        return vm_err_str(&vm_exc_ValueError, "chr() arg not in range(0x110000)");
    return vm_str_new(u, (size_t)n);
}

/* The item at p of typecode c as a Python value. */
static Obj *arr_get(char c, const char *p)
{
    switch (c) {
    case 'b': return vm_int_from_i64((signed char)*p);
    case 'B': return vm_int_from_i64((unsigned char)*p);
    case 'h': { int16_t v; memcpy(&v, p, 2); return vm_int_from_i64(v); }
    case 'H': { uint16_t v; memcpy(&v, p, 2); return vm_int_from_i64(v); }
    case 'i': { int32_t v; memcpy(&v, p, 4); return vm_int_from_i64(v); }
    case 'I': { uint32_t v; memcpy(&v, p, 4); return vm_int_from_i64(v); }
    case 'l': case 'q': { int64_t v; memcpy(&v, p, 8); return vm_int_from_i64(v); }
    case 'L': case 'Q': { uint64_t v; memcpy(&v, p, 8); return arr_u64(v); }
    case 'f': { float v; memcpy(&v, p, 4); return vm_float_new(v); }
    case 'd': { double v; memcpy(&v, p, 8); return vm_float_new(v); }
    default: { uint32_t v; memcpy(&v, p, 4); return arr_char(v); }
    }
}

static int arr_overflow(const char *msg)
{
    vm_err_str(&vm_exc_OverflowError, msg);
    return -1;
}

/* An int's sign and magnitude: *mag its low 64 bits, *big when it needs
 * more than 64 bits. */
static void arr_int_parts(Obj *k, bool *neg, uint64_t *mag, bool *big)
{
    IntObj *i = (IntObj *)k;
    if (i->n == 0) {
        *neg = i->v < 0;
        *mag = *neg ? (uint64_t)0 - (uint64_t)i->v : (uint64_t)i->v;
        *big = false;
    } else {
        *neg = i->sign < 0;
        *big = i->n > 2;
        *mag = i->d[0] | (i->n >= 2 ? (uint64_t)i->d[1] << 32 : 0);
    }
}

/* Range checks in CPython's order for each integer typecode (the
 * conversions PyArg_Parse "h", "b", "i" and PyLong_As* make). */
static int arr_int_value(char c, Obj *k, uint64_t *raw)
{
    bool neg, big;
    uint64_t mag;
    arr_int_parts(k, &neg, &mag, &big);
    bool fits_long = !big && (neg ? mag <= (uint64_t)1 << 63 : mag < (uint64_t)1 << 63);
    int64_t v = fits_long ? (neg ? (int64_t)((uint64_t)0 - mag) : (int64_t)mag) : 0;
    switch (c) {
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'l':
        if (!fits_long)
            return arr_overflow("Python int too large to convert to C long");
        break;
    case 'q':
        if (!fits_long)
            return arr_overflow("int too big to convert");
        break;
    case 'I': case 'L':
        if (neg)
            return arr_overflow("can't convert negative value to unsigned int");
        if (big)
            return arr_overflow("Python int too large to convert to C unsigned long");
        if (c == 'I' && mag > UINT32_MAX)
            return arr_overflow("unsigned int is greater than maximum");
        *raw = mag;
        return 0;
    case 'Q':
        if (neg)
            return arr_overflow("can't convert negative int to unsigned");
        if (big)
            return arr_overflow("int too big to convert");
        *raw = mag;
        return 0;
    }
    switch (c) {
    case 'b':
    case 'h':
        if (v > INT16_MAX)
            return arr_overflow("signed short integer is greater than maximum");
        if (v < INT16_MIN)
            return arr_overflow("signed short integer is less than minimum");
        if (c == 'b' && v > INT8_MAX)
            return arr_overflow("signed char is greater than maximum");
        if (c == 'b' && v < INT8_MIN)
            return arr_overflow("signed char is less than minimum");
        break;
    case 'B':
        if (v < 0)
            return arr_overflow("unsigned byte integer is less than minimum");
        if (v > UINT8_MAX)
            return arr_overflow("unsigned byte integer is greater than maximum");
        break;
    case 'H':
    case 'i':
        if (v > INT32_MAX)
            return arr_overflow("signed integer is greater than maximum");
        if (v < INT32_MIN)
            return arr_overflow("signed integer is less than minimum");
        if (c == 'H' && v < 0)
            return arr_overflow("unsigned short is less than minimum");
        if (c == 'H' && v > UINT16_MAX)
            return arr_overflow("unsigned short is greater than maximum");
        break;
    default:
        break;
    }
    *raw = (uint64_t)v;
    return 0;
}

/* A float item's value: float, int, or anything with __float__/__index__. */
static int arr_float_value(Obj *v, double *out)
{
    if (FLOAT_CHECK(v)) {
        *out = FLOAT_VAL(v);
        return 0;
    }
    if (INT_CHECK(v))
        return vm_int_as_double(v, out);
    if (!vm_type_lookup(TYPE(v), vm_str_intern("__float__", 9))
        && !vm_type_lookup(TYPE(v), vm_str_intern("__index__", 9))) {
        vm_err_fmt(&vm_exc_TypeError, "must be real number, not %s", vm_tname(v));
        return -1;
    }
    Obj *f = vm_call((Obj *)&vm_float_type, &v, 1, NULL);
    if (!f)
        return -1;
    *out = FLOAT_VAL(f);
    DECREF(f);
    return 0;
}

/* The code point of a one-character str (generalized UTF-8). */
static uint32_t arr_cp(const unsigned char *s, size_t *len)
{
    uint32_t c = s[0];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n > 1) {
        c &= 0x3F >> (n - 1);
        for (size_t k = 1; k < n; k++)
            c = (c << 6) | (s[k] & 0x3F);
    }
    if (len)
        *len = n;
    return c;
}

/* Store Python value v at p as typecode c. */
static int arr_set(char c, char *p, Obj *v)
{
    if (c == 'u') {
        if (!STR_CHECK(v) || ((StrObj *)v)->ulen != 1) {
            vm_err_str(&vm_exc_TypeError, "array item must be unicode character");
            return -1;
        }
        uint32_t cp = arr_cp((const unsigned char *)STR_DATA(v), NULL);
        memcpy(p, &cp, 4);
        return 0;
    }
    if (c == 'f' || c == 'd') {
        double x;
        if (arr_float_value(v, &x) < 0)
            return -1;
        if (c == 'f') {
            float f = (float)x;
            memcpy(p, &f, 4);
        } else {
            memcpy(p, &x, 8);
        }
        return 0;
    }
    Obj *k = INT_CHECK(v) ? vm_newref(v) : vm_number_index(v);
    if (!k)
        return -1;
    uint64_t raw;
    int rc = arr_int_value(c, k, &raw);
    DECREF(k);
    if (rc < 0)
        return -1;
    switch (arr_desc(c)->size) {
    case 1: *p = (char)(uint8_t)raw; break;
    case 2: { uint16_t x = (uint16_t)raw; memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)raw; memcpy(p, &x, 4); break; }
    default: memcpy(p, &raw, 8); break;
    }
    return 0;
}

/* Append one Python value (checked before the array grows). */
static int arr_append1(ArrayObj *a, Obj *v)
{
    char tmp[8];
    if (arr_set(a->d->code, tmp, v) < 0)
        return -1;
    ssize_t n = a->len;
    if (arr_resize(a, n + 1) < 0)
        return -1;
    memcpy(ITEM(a, n), tmp, (size_t)a->d->size);
    return 0;
}

/* ---- bulk operations ---- */

static int arr_frombytes_raw(ArrayObj *a, const char *s, size_t n)
{
    if (n % (size_t)a->d->size) {
        vm_err_str(&vm_exc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    ssize_t old = a->len, add = (ssize_t)(n / (size_t)a->d->size);
    if (add == 0)
        return 0;
    if (arr_resize(a, old + add) < 0)
        return -1;
    memmove(ITEM(a, old), s, n);
    return 0;
}

static int arr_fromunicode_raw(ArrayObj *a, Obj *s)
{
    ssize_t old = a->len, add = ((StrObj *)s)->ulen;
    if (add == 0)
        return 0;
    if (arr_resize(a, old + add) < 0)
        return -1;
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    for (ssize_t i = 0; i < add; i++) {
        size_t n;
        uint32_t cp = arr_cp(p, &n);
        memcpy(ITEM(a, old + i), &cp, 4);
        p += n;
    }
    return 0;
}

/* Append every item of an iterable (an array of the same typecode is
 * copied); CPython's extend. */
static int arr_extend(ArrayObj *a, Obj *src)
{
    if (vm_array_check(src)) {
        ArrayObj *b = AR(src);
        if (b->d != a->d) {
            vm_err_str(&vm_exc_TypeError, "can only extend with array of same kind");
            return -1;
        }
        ssize_t old = a->len, n = b->len;
        if (arr_resize(a, old + n) < 0)
            return -1;
        if (n)
            memmove(ITEM(a, old), b->data, (size_t)n * (size_t)a->d->size);
        return 0;
    }
    Obj *it = vm_iter(src);
    if (!it)
        return -1;
    Obj *v;
    while ((v = vm_next(it))) {
        int rc = arr_append1(a, v);
        DECREF(v);
        if (rc < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return vm_err_occurred() ? -1 : 0;
}

/* ---- construction ---- */

static const char arr_bad_typecode[] =
    "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)";

static Obj *arr_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = (Type *)self;
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    if (t == &array_type && nkw)
        return vm_err_str(&vm_exc_TypeError, "array.array() takes no keyword arguments");
    nargs -= nkw;
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1)
            return vm_err_fmt(&vm_exc_TypeError, "array() takes at least 1 argument (%zu "
                              "given)", nargs);
        return vm_err_fmt(&vm_exc_TypeError, "array() takes at most 2 arguments (%zu given)",
                          nargs);
    }
    Obj *tc = args[0], *init = nargs > 1 ? args[1] : NULL;
    if (!STR_CHECK(tc) || ((StrObj *)tc)->ulen != 1)
        return vm_err_fmt(&vm_exc_TypeError, "array() argument 1 must be a unicode "
                          "character, not %s", vm_tname(tc));
    int c = STR_LEN(tc) == 1 ? STR_DATA(tc)[0] : -1;
    if (init && STR_CHECK(init) && c != 'u')
        return vm_err_fmt(&vm_exc_TypeError, "cannot use a str to initialize an array with "
                          "typecode '%s'", STR_DATA(tc));
    if (init && vm_array_check(init) && AR(init)->d->code == 'u' && c != 'u')
        return vm_err_fmt(&vm_exc_TypeError, "cannot use a unicode array to initialize an "
                          "array with typecode '%s'", STR_DATA(tc));
    bool seq = init && (LIST_CHECK(init) || TUPLE_CHECK(init));
    Obj *it = NULL;     /* any other initializer is iterated (checked first, as CPython) */
    if (init && !seq && !BYTES_CHECK(init) && !BYTEARRAY_CHECK(init) && !STR_CHECK(init)
        && !(vm_array_check(init) && AR(init)->d->code == c)) {
        it = vm_iter(init);
        if (!it)
            return NULL;
    }
    const ArrDesc *d = arr_desc(c);
    if (!d) {
        XDECREF(it);
        return vm_err_str(&vm_exc_ValueError, arr_bad_typecode);
    }
    /* a list or tuple, and a str for 'u', get their exact size (CPython's
     * allocation, which __sizeof__ shows) */
    ssize_t n0 = seq ? (LIST_CHECK(init) ? LIST_LEN(init) : TUPLE_LEN(init)) : 0;
    ArrayObj *a = arr_new(t, d, STR_CHECK(init ? init : VM_NONE) ? 0 : n0);
    if (!a) {
        XDECREF(it);
        return NULL;
    }
    int rc = 0;
    if (!init) {
        rc = 0;
    } else if (seq) {
        for (ssize_t i = 0; i < a->len && rc == 0; i++) {
            Obj *v = LIST_CHECK(init) ? LIST_ITEMS(init)[i] : TUPLE_ITEMS(init)[i];
            rc = arr_set(d->code, ITEM(a, i), v);
        }
    } else if (BYTES_CHECK(init) || BYTEARRAY_CHECK(init)) {
        const char *s;
        size_t n;
        (void)vm_bytes_buffer(init, &s, &n);
        rc = arr_frombytes_raw(a, s, n);
    } else if (STR_CHECK(init)) {
        ssize_t un = ((StrObj *)init)->ulen;
        if (un) {
            a->data = malloc((size_t)un * 4);
            if (!a->data) {
                DECREF(a);
                return vm_err_nomem();
            }
            a->cap = un;
        }
        rc = arr_fromunicode_raw(a, init);
    } else if (!it) {   /* an array of the same typecode */
        rc = arr_extend(a, init);
    } else {    /* any other iterable, an array of another typecode too */
        Obj *v;
        while ((v = vm_next(it))) {
            rc = arr_append1(a, v);
            DECREF(v);
            if (rc < 0)
                break;
        }
        DECREF(it);
        if (rc == 0 && vm_err_occurred())
            rc = -1;
    }
    if (rc < 0) {
        DECREF(a);
        return NULL;
    }
    return (Obj *)a;
}

/* array.__new__(cls, typecode[, initializer]) */
static Obj *arr_new_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_new_cls_arg(&array_type, args, nargs, kwnames);    /* class.c */
    if (!t)
        return NULL;
    return arr_construct((Obj *)t, args + 1, nargs - 1, kwnames);
}

/* ---- the sequence protocol ---- */

static ssize_t arr_len(Obj *o)
{
    return AR(o)->len;
}

/* An index argument (an int or __index__) as int64; 0: not an index. */
static int arr_index_arg(Obj *key, int64_t *out)
{
    if (!INT_CHECK(key) && !vm_type_lookup(TYPE(key), vm_str_intern("__index__", 9)))
        return 0;
    Obj *k = INT_CHECK(key) ? vm_newref(key) : vm_number_index(key);
    if (!k)
        return -1;
    int rc = vm_int_as_i64(k, out);
    DECREF(k);
    if (rc < 0) {
        if (!vm_err_matches(&vm_exc_OverflowError))
            return -1;
        vm_err_clear();
        vm_err_str(&vm_exc_IndexError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return 1;
}

static Obj *arr_slice_copy(ArrayObj *a, ssize_t start, ssize_t step, ssize_t n)
{
    ArrayObj *r = arr_new(&array_type, a->d, n);
    if (!r)
        return NULL;
    size_t sz = (size_t)a->d->size;
    if (step == 1 && n)
        memcpy(r->data, ITEM(a, start), (size_t)n * sz);
    else
        for (ssize_t i = 0; i < n; i++)
            memcpy(ITEM(r, i), ITEM(a, start + i * step), sz);
    return (Obj *)r;
}

static Obj *arr_getitem(Obj *o, Obj *key)
{
    ArrayObj *a = AR(o);
    int64_t i;
    int k = arr_index_arg(key, &i);
    if (k < 0)
        return NULL;
    if (k) {
        if (i < 0)
            i += a->len;
        if (i < 0 || i >= a->len)
            return vm_err_str(&vm_exc_IndexError, "array index out of range");
        return arr_get(a->d->code, ITEM(a, i));
    }
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, a->len, &start, &stop, &step, &n) < 0)
            return NULL;
        return arr_slice_copy(a, start, step, n);
    }
    return vm_err_str(&vm_exc_TypeError, "array indices must be integers");
}

/* Delete the n items start, start + step, ... (step > 0). */
static int arr_del_ext(ArrayObj *a, ssize_t start, ssize_t step, ssize_t n)
{
    size_t sz = (size_t)a->d->size;
    ssize_t w = start;
    for (ssize_t r = start; r < a->len; r++) {
        if (r >= start && (r - start) % step == 0 && (r - start) / step < n)
            continue;
        memmove(ITEM(a, w), ITEM(a, r), sz);
        w++;
    }
    return arr_resize(a, w);
}

/* a[start:stop] = items (n of them, from src, which may be a's data). */
static int arr_replace(ArrayObj *a, ssize_t start, ssize_t stop, const char *src, ssize_t n)
{
    size_t sz = (size_t)a->d->size;
    ssize_t old = a->len, d = n - (stop - start);
    char *copy = NULL;
    if (d != 0 && a->exports > 0)
        return arr_resize(a, old + d);      /* BufferError before anything moves */
    if (n && src >= a->data && src < a->data + (size_t)a->cap * sz) {
        copy = malloc((size_t)n * sz);
        if (!copy) {
            vm_err_nomem();
            return -1;
        }
        memcpy(copy, src, (size_t)n * sz);
        src = copy;
    }
    if (d < 0) {
        memmove(ITEM(a, stop + d), ITEM(a, stop), (size_t)(old - stop) * sz);
        if (arr_resize(a, old + d) < 0) {
            memmove(ITEM(a, stop), ITEM(a, stop + d), (size_t)(old - stop) * sz);
            free(copy);
            return -1;
        }
    } else if (d > 0) {
        if (arr_resize(a, old + d) < 0) {
            free(copy);
            return -1;
        }
        memmove(ITEM(a, stop + d), ITEM(a, stop), (size_t)(old - stop) * sz);
    }
    if (n)
        memcpy(ITEM(a, start), src, (size_t)n * sz);
    free(copy);
    return 0;
}

static int arr_setitem(Obj *o, Obj *key, Obj *v)
{
    ArrayObj *a = AR(o);
    int64_t i;
    int k = arr_index_arg(key, &i);
    if (k < 0)
        return -1;
    if (k) {
        if (i < 0)
            i += a->len;
        if (i < 0 || i >= a->len) {
            vm_err_str(&vm_exc_IndexError, "array assignment index out of range");
            return -1;
        }
        if (v)
            return arr_set(a->d->code, ITEM(a, i), v);
        return arr_replace(a, (ssize_t)i, (ssize_t)i + 1, NULL, 0);
    }
    if (!SLICE_CHECK(key)) {
        vm_err_str(&vm_exc_TypeError, "array indices must be integers");
        return -1;
    }
    ssize_t start, stop, step, n;
    if (vm_slice_indices(key, a->len, &start, &stop, &step, &n) < 0)
        return -1;
    ArrayObj *b = NULL;
    if (v) {
        if (!vm_array_check(v)) {
            vm_err_fmt(&vm_exc_TypeError, "can only assign array (not \"%s\") to array slice",
                       vm_tname(v));
            return -1;
        }
        b = AR(v);
        if (b->d != a->d) {
            vm_err_str(&vm_exc_TypeError, "bad argument type for built-in operation");
            return -1;
        }
    }
    ssize_t m = b ? b->len : 0;
    if (step == 1 || (n == 0 && !b)) {
        if (step == 1)
            return arr_replace(a, start, stop < start ? start : stop, b ? b->data : NULL, m);
        return 0;
    }
    if (!b) {
        if (step < 0) {     /* the same items, walked upwards */
            start += (n - 1) * step;
            step = -step;
        }
        return arr_del_ext(a, start, step, n);
    }
    if (m != n) {
        vm_err_fmt(&vm_exc_ValueError, "attempt to assign array of size %zd to extended "
                   "slice of size %zd", m, n);
        return -1;
    }
    size_t sz = (size_t)a->d->size;
    char *copy = malloc((size_t)m * sz + 1);
    if (!copy) {
        vm_err_nomem();
        return -1;
    }
    if (m)
        memcpy(copy, b->data, (size_t)m * sz);
    for (ssize_t j = 0; j < n; j++)
        memcpy(ITEM(a, start + j * step), copy + (size_t)j * sz, sz);
    free(copy);
    return 0;
}

/* Item i as a Python value compared with v: 1 equal, 0 not, -1 error. */
static int arr_item_eq(ArrayObj *a, ssize_t i, Obj *v)
{
    Obj *x = arr_get(a->d->code, ITEM(a, i));
    if (!x)
        return -1;
    int r = vm_eq(x, v);
    DECREF(x);
    return r;
}

static int arr_contains(Obj *o, Obj *v)
{
    ArrayObj *a = AR(o);
    for (ssize_t i = 0; i < a->len; i++) {
        int r = arr_item_eq(a, i, v);
        if (r)
            return r;
    }
    return 0;
}

/* Comparison as CPython's: lengths decide ==/!=, else the first items
 * that differ, else the lengths. */
static Obj *arr_richcmp(Obj *x, Obj *y, int op)
{
    if (!vm_array_check(x) || !vm_array_check(y))
        return vm_newref(VM_NOTIMPL);
    ArrayObj *a = AR(x), *b = AR(y);
    if (a->len != b->len && (op == CMP_EQ || op == CMP_NE))
        return VM_BOOL(op == CMP_NE);
    ssize_t i;
    Obj *va = NULL, *vb = NULL;
    for (i = 0; i < a->len && i < b->len; i++) {
        va = arr_get(a->d->code, ITEM(a, i));
        vb = va ? arr_get(b->d->code, ITEM(b, i)) : NULL;
        if (!vb) {
            XDECREF(va);
            return NULL;
        }
        int eq = vm_eq(va, vb);
        if (eq < 0) {
            DECREF(va);
            DECREF(vb);
            return NULL;
        }
        if (!eq)
            break;
        CLEAR(va);
        CLEAR(vb);
    }
    if (i >= a->len || i >= b->len) {
        ssize_t p = a->len, q = b->len;
        bool r;
        switch (op) {
        case CMP_LT: r = p < q; break;
        case CMP_LE: r = p <= q; break;
        case CMP_EQ: r = p == q; break;
        case CMP_NE: r = p != q; break;
        case CMP_GT: r = p > q; break;
        default: r = p >= q; break;
        }
        return VM_BOOL(r);
    }
    Obj *r;
    if (op == CMP_EQ)
        r = vm_newref(VM_FALSE);
    else if (op == CMP_NE)
        r = vm_newref(VM_TRUE);
    else
        r = vm_richcmp(va, vb, op);
    DECREF(va);
    DECREF(vb);
    return r;
}

/* The repeat count of a * n: 1 set, 0 not an int (NotImplemented). */
static int arr_repeat(ArrayObj *a, Obj *n, int64_t *k)
{
    int r = vm_txt_repeat_count(n, false, k);
    if (r <= 0)
        return r;
    if (*k < 0)
        *k = 0;
    if (*k && a->len > (SSIZE_MAX / 2) / a->d->size / *k) {
        vm_err_nomem();
        return -1;
    }
    return 1;
}

static Obj *arr_binop(Obj *x, Obj *y, int op)
{
    bool inplace = op >= NB_INPLACE_FIRST;
    int o = inplace ? op - NB_INPLACE_FIRST : op;
    if (o == NB_ADD) {
        if (!vm_array_check(x))
            return vm_newref(VM_NOTIMPL);
        ArrayObj *a = AR(x);
        if (!vm_array_check(y)) {
            if (inplace)
                return vm_err_fmt(&vm_exc_TypeError, "can only extend array with array (not "
                                  "\"%s\")", vm_tname(y));
            return vm_err_fmt(&vm_exc_TypeError, "can only append array (not \"%s\") to array",
                              vm_tname(y));
        }
        ArrayObj *b = AR(y);
        if (b->d != a->d) {
            if (inplace)
                return vm_err_str(&vm_exc_TypeError, "can only extend with array of same kind");
            return vm_err_str(&vm_exc_TypeError, "bad argument type for built-in operation");
        }
        if (inplace) {
            if (arr_extend(a, y) < 0)
                return NULL;
            return vm_newref(x);
        }
        ArrayObj *r = arr_new(&array_type, a->d, a->len + b->len);
        if (!r)
            return NULL;
        size_t sz = (size_t)a->d->size;
        if (a->len)
            memcpy(r->data, a->data, (size_t)a->len * sz);
        if (b->len)
            memcpy(ITEM(r, a->len), b->data, (size_t)b->len * sz);
        return (Obj *)r;
    }
    if (o == NB_MULTIPLY) {
        bool left = vm_array_check(x);
        Obj *arr = left ? x : y, *n = left ? y : x;
        if (inplace && !left)
            return vm_newref(VM_NOTIMPL);
        if (!left && (STR_CHECK(n) || LIST_CHECK(n) || TUPLE_CHECK(n) || BYTES_CHECK(n)
                      || BYTEARRAY_CHECK(n)))
            return vm_newref(VM_NOTIMPL);   /* the other sequence's error names the array */
        ArrayObj *a = AR(arr);
        int64_t k;
        int r = arr_repeat(a, n, &k);
        if (r < 0)
            return NULL;
        if (r == 0)
            return vm_err_fmt(&vm_exc_TypeError, "can't multiply sequence by non-int of type "
                              "'%s'", vm_tname(n));
        size_t sz = (size_t)a->d->size, blk = (size_t)a->len * sz;
        if (inplace) {
            ssize_t old = a->len;
            if (k == 0 || old == 0) {
                if (arr_resize(a, 0) < 0)
                    return NULL;
                return vm_newref(arr);
            }
            if (arr_resize(a, old * (ssize_t)k) < 0)
                return NULL;
            for (int64_t j = 1; j < k; j++)
                memcpy(a->data + (size_t)j * blk, a->data, blk);
            return vm_newref(arr);
        }
        ArrayObj *res = arr_new(&array_type, a->d, a->len * (ssize_t)k);
        if (!res)
            return NULL;
        for (int64_t j = 0; blk && j < k; j++)
            memcpy(res->data + (size_t)j * blk, a->data, blk);
        return (Obj *)res;
    }
    return vm_newref(VM_NOTIMPL);
}

VM_BINOP_METHOD(arr_iadd_m, "__iadd__", arr_binop, NB_INPLACE_FIRST + NB_ADD, false)
VM_BINOP_METHOD(arr_imul_m, "__imul__", arr_binop, NB_INPLACE_FIRST + NB_MULTIPLY, false)
VM_BINOP_METHOD(arr_rmul_m, "__rmul__", arr_binop, NB_MULTIPLY, true)

/* ---- repr ---- */

static Obj *arr_tounicode_obj(ArrayObj *a)
{
    Buf b = BUF_INIT;
    for (ssize_t i = 0; i < a->len; i++) {
        uint32_t cp;
        memcpy(&cp, ITEM(a, i), 4);
        char u[4];
        int n = ls_utf8_encode(cp, u);
        if (n == 0) {
            buf_free(&b);
            return vm_err_fmt(&vm_exc_ValueError, "character U+%x is not in range "
                              "[U+0000; U+10ffff]", (unsigned)cp);
        }
        buf_put(&b, u, (size_t)n);
    }
    Obj *s = vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

static Obj *arr_tolist_obj(ArrayObj *a)
{
    Obj *l = vm_list_new(0);
    for (ssize_t i = 0; i < a->len; i++) {
        Obj *v = arr_get(a->d->code, ITEM(a, i));
        if (!v) {
            DECREF(l);
            return NULL;
        }
        vm_list_append(l, v);
        DECREF(v);
    }
    return l;
}

static const char *arr_type_name(Obj *o)
{
    const char *n = vm_tname(o);
    if (TYPE(o) == &array_type)
        return "array";
    return n;
}

static Obj *arr_repr(Obj *o)
{
    ArrayObj *a = AR(o);
    Buf b = BUF_INIT;
    buf_printf(&b, "%s('%c'", arr_type_name(o), a->d->code);
    if (a->len) {
        Obj *v = a->d->code == 'u' ? arr_tounicode_obj(a) : arr_tolist_obj(a);
        Obj *r = v ? vm_repr(v) : NULL;
        XDECREF(v);
        if (!r) {
            buf_free(&b);
            return NULL;
        }
        buf_puts(&b, ", ");
        buf_put(&b, STR_DATA(r), (size_t)STR_LEN(r));
        DECREF(r);
    }
    buf_putc(&b, ')');
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

/* ---- methods ---- */

#define ARGS(name, kind, lo, hi, out) \
    if (vm_txt_args("array", name, kind, args, nargs, kwnames, lo, hi, NULL, out) < 0) \
        return NULL

static Obj *arr_append(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("append", TA_ONE, 1, 1, NULL);
    if (arr_append1(AR(self), args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *arr_extend_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("extend", TA_ONE, 1, 1, NULL);
    if (arr_extend(AR(self), args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *arr_insert(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("insert", kwnames) < 0)
        return NULL;
    if (nargs != 2)
        return vm_err_fmt(&vm_exc_TypeError, "insert expected 2 arguments, got %zu", nargs);
    ArrayObj *a = AR(self);
    int64_t i;
    if (vm_txt_ssize(args[0], &i) < 0)
        return NULL;
    char tmp[8];
    if (arr_set(a->d->code, tmp, args[1]) < 0)
        return NULL;
    if (i < 0) {
        i += a->len;
        if (i < 0)
            i = 0;
    }
    if (i > a->len)
        i = a->len;
    if (arr_replace(a, (ssize_t)i, (ssize_t)i, tmp, 1) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *arr_pop(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a0[1] = {NULL};
    ARGS("pop", TA_POS, 0, 1, a0);
    ArrayObj *a = AR(self);
    int64_t i = -1;
    if (a0[0] && vm_txt_ssize(a0[0], &i) < 0)
        return NULL;
    if (a->len == 0)
        return vm_err_str(&vm_exc_IndexError, "pop from empty array");
    if (i < 0)
        i += a->len;
    if (i < 0 || i >= a->len)
        return vm_err_str(&vm_exc_IndexError, "pop index out of range");
    Obj *v = arr_get(a->d->code, ITEM(a, i));
    if (!v)
        return NULL;
    if (arr_replace(a, (ssize_t)i, (ssize_t)i + 1, NULL, 0) < 0) {
        DECREF(v);
        return NULL;
    }
    return v;
}

static Obj *arr_remove(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("remove", TA_ONE, 1, 1, NULL);
    ArrayObj *a = AR(self);
    for (ssize_t i = 0; i < a->len; i++) {
        int r = arr_item_eq(a, i, args[0]);
        if (r < 0)
            return NULL;
        if (r) {
            if (arr_replace(a, i, i + 1, NULL, 0) < 0)
                return NULL;
            return vm_newref(VM_NONE);
        }
    }
    return vm_err_str(&vm_exc_ValueError, "array.remove(x): x not in array");
}

static Obj *arr_index(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a0[3] = {NULL, NULL, NULL};
    ARGS("index", TA_POS, 1, 3, a0);
    ArrayObj *a = AR(self);
    int64_t start = 0, stop = INT64_MAX;
    if (a0[1] && vm_txt_slice_index(a0[1], &start) < 0)
        return NULL;
    if (a0[2] && vm_txt_slice_index(a0[2], &stop) < 0)
        return NULL;
    if (start < 0) {
        start += a->len;
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += a->len;
        if (stop < 0)
            stop = 0;
    }
    for (int64_t i = start; i < stop && i < a->len; i++) {
        int r = arr_item_eq(a, (ssize_t)i, a0[0]);
        if (r < 0)
            return NULL;
        if (r)
            return vm_int_from_i64(i);
    }
    return vm_err_str(&vm_exc_ValueError, "array.index(x): x not in array");
}

static Obj *arr_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("count", TA_ONE, 1, 1, NULL);
    ArrayObj *a = AR(self);
    int64_t n = 0;
    for (ssize_t i = 0; i < a->len; i++) {
        int r = arr_item_eq(a, i, args[0]);
        if (r < 0)
            return NULL;
        n += r;
    }
    return vm_int_from_i64(n);
}

static Obj *arr_reverse(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("reverse", TA_NOARGS, 0, 0, NULL);
    ArrayObj *a = AR(self);
    size_t sz = (size_t)a->d->size;
    char tmp[8];
    for (ssize_t i = 0, j = a->len - 1; i < j; i++, j--) {
        memcpy(tmp, ITEM(a, i), sz);
        memcpy(ITEM(a, i), ITEM(a, j), sz);
        memcpy(ITEM(a, j), tmp, sz);
    }
    return vm_newref(VM_NONE);
}

static Obj *arr_byteswap(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("byteswap", TA_NOARGS, 0, 0, NULL);
    ArrayObj *a = AR(self);
    int sz = a->d->size;
    for (ssize_t i = 0; i < a->len; i++) {
        char *p = ITEM(a, i);
        for (int k = 0; k < sz / 2; k++) {
            char t = p[k];
            p[k] = p[sz - 1 - k];
            p[sz - 1 - k] = t;
        }
    }
    return vm_newref(VM_NONE);
}

static Obj *arr_buffer_info(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("buffer_info", TA_NOARGS, 0, 0, NULL);
    Obj *t = vm_tuple_new(2);
    TUPLE_ITEMS(t)[0] = vm_int_from_i64((int64_t)(intptr_t)AR(self)->data);
    TUPLE_ITEMS(t)[1] = vm_int_from_i64(AR(self)->len);
    return t;
}

static Obj *arr_tobytes(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("tobytes", TA_NOARGS, 0, 0, NULL);
    ArrayObj *a = AR(self);
    return vm_bytes_new(a->data ? a->data : "", (size_t)a->len * (size_t)a->d->size);
}

static Obj *arr_frombytes(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("frombytes", TA_ONE, 1, 1, NULL);
    const char *s;
    size_t n;
    if (!vm_bytes_buffer(args[0], &s, &n)) {
        vm_bytes_buffer_error(args[0], "a bytes-like object is required, not '%s'");
        return NULL;
    }
    if (args[0] == self) {      /* a.frombytes(a): copy first */
        Obj *b = vm_bytes_new(s, n);
        if (!b)
            return NULL;
        int rc = arr_frombytes_raw(AR(self), ((BytesObj *)b)->s, n);
        DECREF(b);
        return rc < 0 ? NULL : vm_newref(VM_NONE);
    }
    if (arr_frombytes_raw(AR(self), s, n) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *arr_tolist(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("tolist", TA_NOARGS, 0, 0, NULL);
    return arr_tolist_obj(AR(self));
}

static Obj *arr_fromlist(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("fromlist", TA_ONE, 1, 1, NULL);
    if (!LIST_CHECK(args[0]))
        return vm_err_str(&vm_exc_TypeError, "arg must be list");
    ArrayObj *a = AR(self);
    Obj *l = args[0];
    ssize_t n = LIST_LEN(l), old = a->len;
    if (n == 0)
        return vm_newref(VM_NONE);
    if (arr_resize(a, old + n) < 0)
        return NULL;
    for (ssize_t i = 0; i < n; i++) {
        if (i >= LIST_LEN(l) || arr_set(a->d->code, ITEM(a, old + i), LIST_ITEMS(l)[i]) < 0) {
            if (!vm_err_occurred())
                vm_err_str(&vm_exc_RuntimeError, "list changed size during iteration");
            (void)arr_resize(a, old);
            return NULL;
        }
    }
    return vm_newref(VM_NONE);
}

static Obj *arr_tounicode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("tounicode", TA_NOARGS, 0, 0, NULL);
    if (AR(self)->d->code != 'u')
        return vm_err_str(&vm_exc_ValueError, "tounicode() may only be called on unicode "
                          "type arrays");
    return arr_tounicode_obj(AR(self));
}

static Obj *arr_fromunicode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("fromunicode", TA_ONE, 1, 1, NULL);
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "fromunicode() argument must be str, not %s",
                          vm_tname(args[0]));
    if (AR(self)->d->code != 'u')
        return vm_err_str(&vm_exc_ValueError, "fromunicode() may only be called on unicode "
                          "type arrays");
    if (arr_fromunicode_raw(AR(self), args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *arr_call_method(Obj *o, const char *name, Obj *arg)
{
    Obj *m = vm_getattr(o, vm_str_intern(name, strlen(name)));
    if (!m)
        return NULL;
    Obj *r = vm_call(m, &arg, 1, NULL);
    DECREF(m);
    return r;
}

/* tofile(f): f.write() of the bytes, in blocks of 64 KiB as CPython. */
static Obj *arr_tofile(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("tofile", TA_ONE, 1, 1, NULL);
    ArrayObj *a = AR(self);
    size_t total = (size_t)a->len * (size_t)a->d->size, blk = 64 * 1024;
    if (total == 0)
        return vm_newref(VM_NONE);
    for (size_t off = 0; off < total; off += blk) {
        size_t n = total - off < blk ? total - off : blk;
        Obj *b = vm_bytes_new(a->data + off, n);
        if (!b)
            return NULL;
        Obj *r = arr_call_method(args[0], "write", b);
        DECREF(b);
        if (!r)
            return NULL;
        DECREF(r);
        total = (size_t)a->len * (size_t)a->d->size;
    }
    return vm_newref(VM_NONE);
}

/* fromfile(f, n): f.read(n * itemsize); EOFError when fewer came (the
 * whole items read are kept). */
static Obj *arr_fromfile(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("fromfile", kwnames) < 0)
        return NULL;
    if (nargs != 2)
        return vm_err_fmt(&vm_exc_TypeError, "fromfile expected 2 arguments, got %zu", nargs);
    ArrayObj *a = AR(self);
    int64_t n;
    if (vm_txt_ssize(args[1], &n) < 0)
        return NULL;
    if (n < 0)
        return vm_err_str(&vm_exc_ValueError, "negative count");
    if (n > INT64_MAX / a->d->size)
        return vm_err_nomem();
    Obj *cnt = vm_int_from_i64(n * a->d->size);
    Obj *b = arr_call_method(args[0], "read", cnt);
    DECREF(cnt);
    if (!b)
        return NULL;
    if (!BYTES_CHECK(b)) {
        DECREF(b);
        return vm_err_str(&vm_exc_TypeError, "read() didn't return bytes");
    }
    size_t got = (size_t)((BytesObj *)b)->len, want = (size_t)(n * a->d->size);
    size_t use = got - got % (size_t)a->d->size;
    int rc = arr_frombytes_raw(a, ((BytesObj *)b)->s, use);
    DECREF(b);
    if (rc < 0)
        return NULL;
    if (got != want)
        return vm_err_str(&vm_exc_EOFError, "read() didn't return enough bytes");
    return vm_newref(VM_NONE);
}

static Obj *arr_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ArrayObj *a = AR(self);
    return arr_slice_copy(a, 0, 1, a->len);
}

static Obj *arr_sizeof(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ARGS("__sizeof__", TA_NOARGS, 0, 0, NULL);
    return vm_int_from_i64(64 + AR(self)->cap * AR(self)->d->size);
}

/* __reduce_ex__(protocol): (cls, (typecode, list), dict) before protocol
 * 3, else (_array_reconstructor, (cls, typecode, mformat, bytes), dict). */
static Obj *arr_reconstructor_fn;

static Obj *arr_reduce_ex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__reduce_ex__", kwnames) < 0)
        return NULL;
    if (nargs != 1)
        return vm_err_fmt(&vm_exc_TypeError, "__reduce_ex__() takes exactly 1 positional "
                          "argument (%zu given)", nargs);
    int64_t proto;
    if (vm_txt_ssize(args[0], &proto) < 0)
        return NULL;
    ArrayObj *a = AR(self);
    Obj *dict = NULL;
    Obj **dp = vm_dictptr(self);
    if (dp && *dp && vm_len(*dp) > 0)
        dict = vm_newref(*dp);
    else
        dict = vm_newref(VM_NONE);
    char tc[2] = {a->d->code, 0};
    Obj *r = vm_tuple_new(3);
    Obj *inner;
    if (proto < 3) {
        inner = vm_tuple_new(2);
        TUPLE_ITEMS(inner)[0] = vm_str_cstr(tc);
        TUPLE_ITEMS(inner)[1] = arr_tolist_obj(a);
        TUPLE_ITEMS(r)[0] = vm_newref((Obj *)TYPE(self));
    } else {
        inner = vm_tuple_new(4);
        TUPLE_ITEMS(inner)[0] = vm_newref((Obj *)TYPE(self));
        TUPLE_ITEMS(inner)[1] = vm_str_cstr(tc);
        TUPLE_ITEMS(inner)[2] = vm_int_from_i64(a->d->mformat);
        TUPLE_ITEMS(inner)[3] = vm_bytes_new(a->data ? a->data : "",
                                             (size_t)a->len * (size_t)a->d->size);
        TUPLE_ITEMS(r)[0] = vm_newref(arr_reconstructor_fn);
    }
    TUPLE_ITEMS(r)[1] = inner;
    TUPLE_ITEMS(r)[2] = dict;
    for (ssize_t k = 0; k < TUPLE_LEN(inner); k++)
        if (!TUPLE_ITEMS(inner)[k]) {
            DECREF(r);
            return NULL;
        }
    return r;
}

/* ---- _array_reconstructor ---- */

/* CPython's machine formats 0..21: size, signedness/float, big endian. */
static void arr_mformat(int m, int *size, char *kind, bool *be)
{
    static const int sizes[] = {1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8, 4, 4, 8, 8, 2, 2,
                                4, 4};
    *size = sizes[m];
    *be = m >= 2 && (m % 2) == 1;
    if (m == 0)
        *kind = 'u';
    else if (m == 1)
        *kind = 's';
    else if (m >= 14 && m <= 17)
        *kind = 'f';
    else if (m >= 18)
        *kind = 'w';
    else
        *kind = ((m - 2) / 2) % 2 ? 's' : 'u';
}

/* Item j of raw bytes in machine format m as a Python value. */
static Obj *arr_mitem(const unsigned char *p, int size, char kind, bool be)
{
    unsigned char b[8];
    for (int k = 0; k < size; k++)
        b[k] = be ? p[size - 1 - k] : p[k];
    uint64_t v = 0;
    for (int k = size - 1; k >= 0; k--)
        v = (v << 8) | b[k];
    if (kind == 'f') {
        if (size == 4) {
            float f;
            uint32_t w = (uint32_t)v;
            memcpy(&f, &w, 4);
            return vm_float_new(f);
        }
        double d;
        memcpy(&d, &v, 8);
        return vm_float_new(d);
    }
    if (kind == 'w')
        return arr_char((uint32_t)v);
    if (kind == 's' && size < 8 && (v >> (size * 8 - 1)) & 1)
        v |= ~(uint64_t)0 << (size * 8);
    if (kind == 's')
        return vm_int_from_i64((int64_t)v);
    return arr_u64(v);
}

static Obj *arr_reconstructor(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("_array_reconstructor", kwnames) < 0)
        return NULL;
    if (nargs != 4)
        return vm_err_fmt(&vm_exc_TypeError, "_array_reconstructor expected 4 arguments, got "
                          "%zu", nargs);
    Obj *cls = args[0], *tc = args[1], *mf = args[2], *items = args[3];
    if (!HAS_FLAG(cls, TF_TYPE))
        return vm_err_fmt(&vm_exc_TypeError, "first argument must be a type object, not %s",
                          vm_tname(cls));
    if (!vm_is_subtype((Type *)cls, &array_type))
        return vm_err_fmt(&vm_exc_TypeError, "%s is not a subtype of array.array",
                          ((Type *)cls)->name);
    if (!STR_CHECK(tc) || ((StrObj *)tc)->ulen != 1)
        return vm_err_fmt(&vm_exc_TypeError, "_array_reconstructor() argument 2 must be a "
                          "unicode character, not %s", vm_tname(tc));
    const ArrDesc *d = STR_LEN(tc) == 1 ? arr_desc(STR_DATA(tc)[0]) : NULL;
    if (!d)
        return vm_err_str(&vm_exc_ValueError, "second argument must be a valid type code");
    int64_t m;
    if (vm_txt_ssize(mf, &m) < 0)
        return NULL;
    if (m < 0 || m > 21)
        return vm_err_str(&vm_exc_ValueError, "third argument must be a valid machine format "
                          "code.");
    if (!BYTES_CHECK(items))
        return vm_err_fmt(&vm_exc_TypeError, "fourth argument should be bytes, not %s",
                          vm_tname(items));
    Obj *tcargs[2] = {tc, NULL};
    if (m == d->mformat) {
        tcargs[1] = items;
        return vm_call(cls, tcargs, 2, NULL);
    }
    int size;
    char kind;
    bool be;
    arr_mformat((int)m, &size, &kind, &be);
    BytesObj *b = (BytesObj *)items;
    if (b->len % size)
        return vm_err_str(&vm_exc_ValueError, "string length not a multiple of item size");
    Obj *l = vm_list_new(0);
    for (ssize_t i = 0; i + size <= b->len; i += size) {
        Obj *v;
        if (kind == 'w' && size == 2) {
            uint16_t u = be ? (uint16_t)((unsigned char)b->s[i] << 8 | (unsigned char)b->s[i + 1])
                : (uint16_t)((unsigned char)b->s[i + 1] << 8 | (unsigned char)b->s[i]);
            v = arr_char(u);
        } else {
            v = arr_mitem((const unsigned char *)b->s + i, size, kind, be);
        }
        if (!v) {
            DECREF(l);
            return NULL;
        }
        vm_list_append(l, v);
        DECREF(v);
    }
    /* the result's typecode: the first native one of the format's size and
     * kind, as CPython's */
    const ArrDesc *nd = NULL;
    for (int k = 0; k < ARR_NDESC && !nd; k++)
        if (arr_descs[k].kind == kind && (kind == 'w' || arr_descs[k].size == size))
            nd = &arr_descs[k];
    char code[2] = {nd ? nd->code : d->code, 0};
    tcargs[0] = vm_str_cstr(code);
    tcargs[1] = l;
    Obj *r = vm_call(cls, tcargs, 2, NULL);
    DECREF(tcargs[0]);
    DECREF(l);
    return r;
}

/* ---- attributes ---- */

static Obj *arr_getattr(Obj *o, Obj *name)
{
    if (vm_str_eqc(name, "typecode")) {
        char tc[2] = {AR(o)->d->code, 0};
        return vm_str_cstr(tc);
    }
    if (vm_str_eqc(name, "itemsize"))
        return vm_int_from_i64(AR(o)->d->size);
    return NULL;
}

static int arr_hash(Obj *o, int64_t *out)
{
    vm_err_fmt(&vm_exc_TypeError, "unhashable type: '%s'", vm_tname(o));
    return -1;
}

/* ---- the iterator ---- */

static Obj *arr_iter(Obj *o)
{
    ArrIterObj *it = vm_alloc(&arriter_type, 0);
    it->arr = vm_newref(o);
    it->pos = 0;
    return (Obj *)it;
}

static Obj *arriter_next(Obj *o)
{
    ArrIterObj *it = (ArrIterObj *)o;
    if (!it->arr)
        return NULL;
    ArrayObj *a = AR(it->arr);
    if (it->pos >= a->len) {
        CLEAR(it->arr);
        return NULL;
    }
    Obj *v = arr_get(a->d->code, ITEM(a, it->pos));
    it->pos++;
    return v;
}

static Obj *arriter_self(Obj *o)
{
    return vm_newref(o);
}

static void arriter_dealloc(Obj *o)
{
    XDECREF(((ArrIterObj *)o)->arr);
    vm_obj_free(o);
}

static const MethodDef arr_methods[] = {
    {"append", arr_append},
    {"buffer_info", arr_buffer_info},
    {"byteswap", arr_byteswap},
    {"count", arr_count},
    {"extend", arr_extend_m},
    {"frombytes", arr_frombytes},
    {"fromfile", arr_fromfile},
    {"fromlist", arr_fromlist},
    {"fromunicode", arr_fromunicode},
    {"index", arr_index},
    {"insert", arr_insert},
    {"pop", arr_pop},
    {"remove", arr_remove},
    {"reverse", arr_reverse},
    {"tobytes", arr_tobytes},
    {"tofile", arr_tofile},
    {"tolist", arr_tolist},
    {"tounicode", arr_tounicode},
    {"__copy__", arr_copy},
    {"__deepcopy__", arr_copy},
    {"__reduce_ex__", arr_reduce_ex},
    {"__sizeof__", arr_sizeof},
    {"__iadd__", arr_iadd_m},
    {"__imul__", arr_imul_m},
    {"__rmul__", arr_rmul_m},
    {NULL, NULL},
};

static Type array_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "array.array",
    .base = &vm_object_type,
    .flags = TF_SUBCONSTRUCT,
    .basicsize = sizeof(ArrayObj),
    .dealloc = arr_dealloc,
    .repr = arr_repr,
    .hash = arr_hash,
    .richcmp = arr_richcmp,
    .binop = arr_binop,
    .len = arr_len,
    .getitem = arr_getitem,
    .setitem = arr_setitem,
    .contains = arr_contains,
    .iter = arr_iter,
    .construct = arr_construct,
    .getattr = arr_getattr,
    .methods = arr_methods,
};

static Type arriter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "array.arrayiterator",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(ArrIterObj),
    .dealloc = arriter_dealloc,
    .iter = arriter_self,
    .iternext = arriter_next,
};

Obj *vm_mod_array(void)
{
    Obj *m = vm_module_new("array");
    if (!m)
        return NULL;
    vm_type_ready(&array_type);
    vm_type_ready(&arriter_type);
    vm_module_add(m, "array", (Obj *)&array_type);
    vm_module_add(m, "ArrayType", (Obj *)&array_type);
    if (!arr_reconstructor_fn) {
        arr_reconstructor_fn = vm_builtin_new("_array_reconstructor", arr_reconstructor, NULL);
        /* __new__ (a static method, for subclasses) and __hash__ = None */
        Obj *f = vm_builtin_new("__new__", arr_new_m, NULL);
        Obj *sm = vm_call((Obj *)&vm_staticmethod_type, &f, 1, NULL);
        DECREF(f);
        if (!sm || vm_dict_set_cstr(array_type.dict, "__new__", sm) < 0
            || vm_dict_set_cstr(array_type.dict, "__hash__", VM_NONE) < 0) {
            XDECREF(sm);
            DECREF(m);
            return NULL;
        }
        DECREF(sm);
    }
    vm_module_add(m, "_array_reconstructor", arr_reconstructor_fn);
    Obj *tc = vm_str_cstr("bBuhHiIlLqQfd");
    vm_module_add(m, "typecodes", tc);
    DECREF(tc);
    return m;
}
