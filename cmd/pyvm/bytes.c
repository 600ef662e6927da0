/* cmd/pyvm/bytes.c: bytes.
 *
 * Stage: pyvm.  repr() as CPython (libstage/repr.c's ls_repr_bytes), items
 * are ints, slices are bytes; decode() and str.encode() know UTF-8 (and
 * ASCII, Latin-1 for ASCII data).
 */
#include "cmd/pyvm/bytes.h"

#include <string.h>

#include "libstage/buf.h"
#include "libstage/repr.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
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

static Obj *bytes_binop(Obj *a, Obj *b, int op)
{
    int o = op >= NB_INPLACE_FIRST ? op - NB_INPLACE_FIRST : op;
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
    if (!BYTES_CHECK(v)) {
        vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'", vm_tname(v));
        return -1;
    }
    size_t n = (size_t)BLEN(o), m = (size_t)BLEN(v);
    if (m == 0)
        return 1;
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(BDATA(o) + i, BDATA(v), m) == 0)
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

static const MethodDef bytes_methods[] = {
    {"decode", bytes_decode},
    {"hex", bytes_hex},
    {NULL, NULL},
};

Obj *vm_str_encode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t npos = nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0);
    const char *enc = npos > 0 && STR_CHECK(args[0]) ? STR_DATA(args[0]) : "utf-8";
    if (strcmp(enc, "utf-8") != 0 && strcmp(enc, "utf8") != 0 && strcmp(enc, "ascii") != 0)
        return vm_err_fmt(&vm_exc_SystemError, "not supported yet: the %s codec", enc);
    if (strcmp(enc, "ascii") == 0)
        for (ssize_t i = 0; i < STR_LEN(self); i++)
            if ((unsigned char)STR_DATA(self)[i] >= 0x80)
                return vm_err_str(&vm_exc_UnicodeEncodeError,
                                  "'ascii' codec can't encode character: ordinal not in "
                                  "range(128)");
    return vm_bytes_new(STR_DATA(self), (size_t)STR_LEN(self));
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
