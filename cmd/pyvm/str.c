/* cmd/pyvm/str.c: str objects, interning and str's methods.
 *
 * Stage: pyvm.  A str is UTF-8 (generalized: lone surrogates as 3 bytes, as
 * const.h) with its code-point length; ASCII strings index in O(1).  The
 * hash is FNV-1a over the bytes: CPython's str hash is randomized per run,
 * so no program output may depend on it.
 */
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/codecs.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/strfmt.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/pool.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/txtargs.h"
#include "cmd/pyvm/ucase.h"

static StrObj *str_alloc(size_t len);

/* A new str of len bytes; NULL with MemoryError when there is no memory. */
static StrObj *str_try_alloc(size_t len)
{
    if (len >= SIZE_MAX / 2) {
        vm_err_nomem();
        return NULL;
    }
    StrObj *s = offsetof(StrObj, s) + len + 1 <= VM_STR_POOL_MAX ? str_alloc(len)
        : vm_try_alloc(&vm_str_type, len + 1);
    if (!s)
        return NULL;
    s->len = (ssize_t)len;
    s->hash = -1;
    s->interned = false;
    s->s[len] = '\0';
    return s;
}

static StrObj *str_alloc(size_t len)
{
    size_t bytes = offsetof(StrObj, s) + len + 1;
    StrObj *s;
    if (bytes <= VM_STR_POOL_MAX) {
        /* perf: short strs from pools without block headers (pool.h);
         * object.c's vm_dealloc gives them back */
        s = vm_pool_alloc(vm_str_pool(bytes));
        s->ob.refcnt = 1;
        s->ob.type = &vm_str_type;
    } else {
        s = vm_alloc(&vm_str_type, len + 1);
    }
    s->len = (ssize_t)len;
    s->hash = -1;
    s->interned = false;
    s->s[len] = '\0';
    return s;
}

/* Code points in s: bytes that are not UTF-8 continuation bytes. */
static ssize_t count_cp(const char *s, size_t len)
{
    ssize_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

/* The first occurrence of needle in hay, or NULL (memmem is not POSIX). */
static const char *find_bytes(const char *hay, size_t hn, const char *needle, size_t nn)
{
    if (nn == 0)
        return hay;
    if (nn > hn)
        return NULL;
    const char *end = hay + hn - nn + 1;
    for (const char *p = hay; p < end; p++) {
        p = memchr(p, needle[0], (size_t)(end - p));
        if (!p)
            return NULL;
        if (memcmp(p, needle, nn) == 0)
            return p;
    }
    return NULL;
}

static Obj *empty_str;

Obj *vm_str_new(const char *s, size_t len)
{
    if (len == 0 && empty_str)
        return vm_newref(empty_str);
    StrObj *o = str_alloc(len);
    memcpy(o->s, s, len);
    o->ulen = count_cp(s, len);
    return (Obj *)o;
}

Obj *vm_str_cstr(const char *s)
{
    return vm_str_new(s, strlen(s));
}

static int64_t hash_bytes(const char *s, size_t len)
{
    if (len == 0)
        return 0;       /* as CPython: the one str hash that is not randomized */
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    int64_t r = (int64_t)(h >> 1);
    return r == -1 ? -2 : r;
}

static int str_hash(Obj *o, int64_t *out)
{
    StrObj *s = (StrObj *)o;
    if (s->hash == -1)
        s->hash = hash_bytes(s->s, (size_t)s->len);
    *out = s->hash;
    return 0;
}

/* ---- interning: an open-addressing set of StrObj * ---- */
static StrObj **itab;
static size_t icap, icount;

Obj *vm_str_intern(const char *s, size_t len)
{
    if (icount * 2 >= icap) {
        size_t ncap = icap ? icap * 2 : 1024;
        StrObj **nt = ls_xcalloc(ncap, sizeof *nt);
        for (size_t i = 0; i < icap; i++)
            if (itab[i]) {
                size_t j = (size_t)itab[i]->hash & (ncap - 1);
                while (nt[j])
                    j = (j + 1) & (ncap - 1);
                nt[j] = itab[i];
            }
        free(itab);
        itab = nt;
        icap = ncap;
    }
    int64_t h = hash_bytes(s, len);
    size_t j = (size_t)h & (icap - 1);
    while (itab[j]) {
        StrObj *e = itab[j];
        if (e->hash == h && (size_t)e->len == len && memcmp(e->s, s, len) == 0)
            return vm_newref((Obj *)e);
        j = (j + 1) & (icap - 1);
    }
    StrObj *o = str_alloc(len);
    memcpy(o->s, s, len);
    o->ulen = count_cp(s, len);
    o->hash = h;
    o->interned = true;
    o->ob.refcnt = OBJ_IMMORTAL;    /* the table owns interned strings */
    itab[j] = o;
    icount++;
    return (Obj *)o;
}

bool vm_str_eq(Obj *a, Obj *b)
{
    if (a == b)
        return true;
    StrObj *x = (StrObj *)a, *y = (StrObj *)b;
    if (x->len != y->len)
        return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return false;
    return memcmp(x->s, y->s, (size_t)x->len) == 0;
}

bool vm_str_eqc(Obj *o, const char *s)
{
    size_t n = strlen(s);
    return (size_t)STR_LEN(o) == n && memcmp(STR_DATA(o), s, n) == 0;
}

Obj *vm_str_concat(Obj *a, Obj *b)
{
    StrObj *x = (StrObj *)a, *y = (StrObj *)b;
    if (y->len == 0 && TYPE(a) == &vm_str_type)
        return vm_newref(a);
    if (x->len == 0 && TYPE(b) == &vm_str_type)
        return vm_newref(b);
    StrObj *o = str_try_alloc((size_t)(x->len + y->len));
    if (!o)
        return NULL;
    memcpy(o->s, x->s, (size_t)x->len);
    memcpy(o->s + x->len, y->s, (size_t)y->len);
    o->ulen = x->ulen + y->ulen;
    return (Obj *)o;
}

/* Decode one code point leniently (surrogates allowed); returns its length. */
static int next_cp(const char *s, size_t len, uint32_t *cp)
{
    unsigned char c = (unsigned char)s[0];
    int n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    if ((size_t)n > len)
        n = (int)len;
    uint32_t v = n == 1 ? c : n == 2 ? (c & 0x1fu) : n == 3 ? (c & 0x0fu) : (c & 0x07u);
    for (int i = 1; i < n; i++)
        v = (v << 6) | ((unsigned char)s[i] & 0x3fu);
    *cp = v;
    return n;
}

Obj *vm_str_repr(Obj *o)
{
    StrObj *s = (StrObj *)o;
    bool has_sq = memchr(s->s, '\'', (size_t)s->len) != NULL;
    bool has_dq = memchr(s->s, '"', (size_t)s->len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    Buf b = BUF_INIT;
    buf_putc(&b, q);
    for (size_t i = 0; i < (size_t)s->len;) {
        uint32_t cp;
        int n = next_cp(s->s + i, (size_t)s->len - i, &cp);
        if (cp == (uint32_t)q || cp == '\\') {
            buf_putc(&b, '\\');
            buf_putc(&b, (int)cp);
        } else if (cp == '\n') {
            buf_puts(&b, "\\n");
        } else if (cp == '\r') {
            buf_puts(&b, "\\r");
        } else if (cp == '\t') {
            buf_puts(&b, "\\t");
        } else if (cp < 0x20 || cp == 0x7f) {
            buf_printf(&b, "\\x%02x", cp);
        } else if (cp < 0x7f) {
            buf_putc(&b, (int)cp);
        } else if ((cp >= 0xd800 && cp < 0xe000) || !ls_uni_isprintable(cp)) {
            if (cp <= 0xff)
                buf_printf(&b, "\\x%02x", cp);
            else if (cp <= 0xffff)
                buf_printf(&b, "\\u%04x", cp);
            else
                buf_printf(&b, "\\U%08x", cp);
        } else {
            buf_put(&b, s->s + i, (size_t)n);
        }
        i += (size_t)n;
    }
    buf_putc(&b, q);
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

Obj *vm_ascii(Obj *o)
{
    Obj *r = vm_repr(o);
    if (!r || ((StrObj *)r)->ulen == STR_LEN(r))
        return r;
    Buf b = BUF_INIT;
    const char *s = STR_DATA(r);
    size_t n = (size_t)STR_LEN(r);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = next_cp(s + i, n - i, &cp);
        if (cp < 0x80)
            buf_putc(&b, (int)cp);
        else if (cp <= 0xff)
            buf_printf(&b, "\\x%02x", cp);
        else if (cp <= 0xffff)
            buf_printf(&b, "\\u%04x", cp);
        else
            buf_printf(&b, "\\U%08x", cp);
        i += (size_t)k;
    }
    DECREF(r);
    r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

static Obj *str_str(Obj *o)
{
    if (TYPE(o) == &vm_str_type)
        return vm_newref(o);
    return vm_str_new(STR_DATA(o), (size_t)STR_LEN(o));
}

static Obj *str_richcmp(Obj *a, Obj *b, int op)
{
    if (!STR_CHECK(a) || !STR_CHECK(b))
        return vm_newref(VM_NOTIMPL);
    if (op == CMP_EQ || op == CMP_NE)
        return VM_BOOL(vm_str_eq(a, b) == (op == CMP_EQ));
    StrObj *x = (StrObj *)a, *y = (StrObj *)b;
    size_t n = (size_t)(x->len < y->len ? x->len : y->len);
    int c = memcmp(x->s, y->s, n);  /* UTF-8 byte order is code point order */
    if (c == 0)
        c = x->len < y->len ? -1 : x->len > y->len;
    bool r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_GT ? c > 0 : c >= 0;
    return VM_BOOL(r);
}

/* s * k (k >= 0). */
static Obj *str_repeat(Obj *s, int64_t k)
{
    if (k <= 0)
        return vm_str_new("", 0);
    StrObj *x = (StrObj *)s;
    if (x->len && (uint64_t)k > (uint64_t)(SSIZE_MAX / 2) / (uint64_t)x->len)
        return vm_err_nomem();
    StrObj *o = str_try_alloc((size_t)(x->len * k));
    if (!o)
        return NULL;
    for (int64_t i = 0; i < k; i++)
        memcpy(o->s + i * x->len, x->s, (size_t)x->len);
    o->ulen = x->ulen * k;
    return (Obj *)o;
}

/* s * n or n * s for the operator (strict false: NotImplemented when n is
 * not a count) or str.__mul__ (strict: TypeError). */
static Obj *str_mul(Obj *s, Obj *n, bool strict)
{
    int64_t k;
    int rc = vm_txt_repeat_count(n, strict, &k);
    if (rc <= 0)
        return rc < 0 ? NULL : vm_newref(VM_NOTIMPL);
    return str_repeat(s, k);
}

Obj *vm_str_join(Obj *sep, Obj *const *items, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (!STR_CHECK(items[i]))
            return vm_err_fmt(&vm_exc_TypeError,
                              "sequence item %zu: expected str instance, %s found", i,
                              vm_tname(items[i]));
        total += (size_t)STR_LEN(items[i]);
    }
    size_t sl = sep ? (size_t)STR_LEN(sep) : 0;
    if (n > 1)
        total += sl * (n - 1);
    StrObj *o = str_try_alloc(total);
    if (!o)
        return NULL;
    char *p = o->s;
    ssize_t ul = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && sl) {
            memcpy(p, STR_DATA(sep), sl);
            p += sl;
            ul += ((StrObj *)sep)->ulen;
        }
        memcpy(p, STR_DATA(items[i]), (size_t)STR_LEN(items[i]));
        p += STR_LEN(items[i]);
        ul += ((StrObj *)items[i])->ulen;
    }
    o->ulen = ul;
    return (Obj *)o;
}

static Obj *str_binop(Obj *a, Obj *b, int op)
{
    int o = op >= NB_INPLACE_FIRST ? op - NB_INPLACE_FIRST : op;
    if (o == NB_ADD) {
        if (STR_CHECK(a) && STR_CHECK(b))
            return vm_str_concat(a, b);
        if (STR_CHECK(a))
            return vm_err_fmt(&vm_exc_TypeError, "can only concatenate str (not \"%s\") to str",
                              vm_tname(b));
    }
    if (o == NB_REMAINDER && STR_CHECK(a))
        return vm_str_percent(a, b);
    if (o == NB_MULTIPLY)
        return STR_CHECK(a) ? str_mul(a, b, false) : str_mul(b, a, false);
    return vm_newref(VM_NOTIMPL);
}

/* The operator dunders (CPython's slot wrappers): + * % and the reflected
 * forms.  __add__ and __mul__ raise where the operator would try the other
 * operand. */
static Obj *str_add_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__add__", nargs, 1, 1) < 0)
        return NULL;
    return str_binop(self, args[0], NB_ADD);
}

static Obj *str_mul_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__mul__", nargs, 1, 1) < 0)
        return NULL;
    return str_mul(self, args[0], true);
}

static Obj *str_rmul_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__rmul__", nargs, 1, 1) < 0)
        return NULL;
    return str_mul(self, args[0], true);
}

static Obj *str_mod_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__mod__", nargs, 1, 1) < 0)
        return NULL;
    return vm_str_percent(self, args[0]);
}

/* other % self: only a str formats */
static Obj *str_rmod_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__rmod__", nargs, 1, 1) < 0)
        return NULL;
    return STR_CHECK(args[0]) ? vm_str_percent(args[0], self) : vm_newref(VM_NOTIMPL);
}

/* CPython's size of the compact string: the header, then one, two or four
 * bytes per code point (by the widest) and a terminator. */
static Obj *str_sizeof_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__sizeof__", nargs, 0, 0) < 0)
        return NULL;
    StrObj *x = (StrObj *)self;
    if (x->len == x->ulen)
        return vm_int_from_i64(48 + x->len + 1);
    uint32_t widest = 0;
    for (ssize_t i = 0; i < x->len;) {
        uint32_t cp;
        i += next_cp(x->s + i, (size_t)(x->len - i), &cp);
        if (cp > widest)
            widest = cp;
    }
    int64_t unit = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
    return vm_int_from_i64(72 + unit * (x->ulen + 1));
}

static ssize_t str_len(Obj *o)
{
    return ((StrObj *)o)->ulen;
}

/* Byte offset of code point i in s. */
/* The last non-ASCII position looked up: walking on from it makes a scan
 * by index (s[i] for each i, reversed(s)) linear instead of quadratic.
 * The cache holds a reference, so its string cannot be freed and another
 * one reuse its address while the entry stands. */
static StrObj *ix_str;      /* the string, or NULL */
static ssize_t ix_cp;       /* a code point index in it */
static size_t ix_off;       /* the byte offset of that code point */

static size_t cp_offset(StrObj *s, ssize_t i)
{
    if (s->ulen == s->len)
        return (size_t)i;
    if (s != ix_str) {
        StrObj *old = ix_str;
        ix_str = (StrObj *)vm_newref((Obj *)s);
        ix_cp = 0;
        ix_off = 0;
        if (old)
            DECREF((Obj *)old);
    }
    /* start from the nearest of the start, the cached position and the end */
    ssize_t cp = 0;
    size_t off = 0;
    ssize_t dc = ix_cp > i ? ix_cp - i : i - ix_cp;
    if (dc < i) {
        cp = ix_cp;
        off = ix_off;
    }
    if (s->ulen - i < (cp > i ? cp - i : i - cp)) {
        cp = s->ulen;
        off = (size_t)s->len;
    }
    while (cp < i) {
        off++;
        while (off < (size_t)s->len && ((unsigned char)s->s[off] & 0xc0) == 0x80)
            off++;
        cp++;
    }
    while (cp > i) {
        off--;
        while (off > 0 && ((unsigned char)s->s[off] & 0xc0) == 0x80)
            off--;
        cp--;
    }
    ix_cp = cp;
    ix_off = off;
    return off;
}

static Obj *str_getitem(Obj *o, Obj *key)
{
    StrObj *s = (StrObj *)o;
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, s->ulen, &start, &stop, &step, &n) < 0)
            return NULL;
        if (step == 1) {
            size_t a = cp_offset(s, start), b = cp_offset(s, start + n);
            return vm_str_new(s->s + a, b - a);
        }
        Buf b = BUF_INIT;
        if (s->ulen == s->len) {
            for (ssize_t i = 0, k = start; i < n; i++, k += step)
                buf_putc(&b, s->s[k]);
        } else if (n > 0) {
            /* the byte offset of every code point, found once (not per item) */
            size_t *off = ls_xmalloc(((size_t)s->ulen + 1) * sizeof *off);
            size_t c = 0;
            for (size_t j = 0; j < (size_t)s->len; j++)
                if (((unsigned char)s->s[j] & 0xc0) != 0x80)
                    off[c++] = j;
            off[c] = (size_t)s->len;
            for (ssize_t i = 0, k = start; i < n; i++, k += step)
                buf_put(&b, s->s + off[k], off[k + 1] - off[k]);
            free(off);
        }
        Obj *r = vm_str_new(b.data ? b.data : "", b.len);
        buf_free(&b);
        return r;
    }
    int64_t i;
    if (!INT_CHECK(key) && !(TYPE(key)->flags & TF_HEAP))
        return vm_err_fmt(&vm_exc_TypeError, "string indices must be integers, not '%s'",
                          vm_tname(key));
    if (vm_index(key, &i, "string") < 0)
        return NULL;
    if (i < 0)
        i += s->ulen;
    if (i < 0 || i >= s->ulen)
        return vm_err_str(&vm_exc_IndexError, "string index out of range");
    size_t a = cp_offset(s, (ssize_t)i), b = cp_offset(s, (ssize_t)i + 1);
    return vm_str_new(s->s + a, b - a);
}

static int str_contains(Obj *o, Obj *v)
{
    if (!STR_CHECK(v)) {
        vm_err_fmt(&vm_exc_TypeError, "'in <string>' requires string as left operand, not %s",
                   vm_tname(v));
        return -1;
    }
    if (STR_LEN(v) == 0)
        return 1;
    return find_bytes(STR_DATA(o), (size_t)STR_LEN(o), STR_DATA(v), (size_t)STR_LEN(v)) != NULL;
}

/* ---- str iterator ---- */
typedef struct StrIter {
    Obj ob;
    Obj *s;                 /* the str */
    size_t off;             /* byte offset of the next character */
} StrIter;

static void striter_dealloc(Obj *o)
{
    DECREF(((StrIter *)o)->s);
    vm_obj_free(o);
}

static Obj *striter_next(Obj *o)
{
    StrIter *it = (StrIter *)o;
    StrObj *s = (StrObj *)it->s;
    if (it->off >= (size_t)s->len)
        return NULL;
    size_t a = it->off, b = a + 1;
    while (b < (size_t)s->len && ((unsigned char)s->s[b] & 0xc0) == 0x80)
        b++;
    it->off = b;
    return vm_str_new(s->s + a, b - a);
}

static Obj *self_iter(Obj *o) { return vm_newref(o); }

/* __length_hint__: the code points left */
static Obj *striter_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    StrIter *it = (StrIter *)self;
    StrObj *s = (StrObj *)it->s;
    ssize_t n = 0;
    for (size_t b = it->off; b < (size_t)s->len; b++)
        n += ((unsigned char)s->s[b] & 0xc0) != 0x80;
    return vm_int_from_i64(n);
}

static const MethodDef striter_methods[] = {
    {"__length_hint__", striter_hint},
    {NULL, NULL},
};

static Type striter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "str_ascii_iterator",
    .base = &vm_object_type,
    .basicsize = sizeof(StrIter),
    .dealloc = striter_dealloc,
    .iter = self_iter,
    .iternext = striter_next,
    .methods = striter_methods,
};

/* CPython names the iterator of a non-ASCII str differently. */
static Type striter_u_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "str_iterator",
    .base = &vm_object_type,
    .basicsize = sizeof(StrIter),
    .dealloc = striter_dealloc,
    .iter = self_iter,
    .iternext = striter_next,
    .methods = striter_methods,
};

static Obj *str_iter(Obj *o)
{
    StrIter *it = vm_alloc(((StrObj *)o)->ulen == STR_LEN(o) ? &striter_type : &striter_u_type,
                           0);
    it->s = vm_newref(o);
    it->off = 0;
    return (Obj *)it;
}

/* ---- methods ---- */

static bool is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* str.isspace() of chr(cp). */
static bool cp_space(uint32_t cp)
{
    return cp < 0x80 ? is_space((unsigned char)cp) : (vm_uc_flags(cp) & UC_SPACE) != 0;
}

/* Is cp a line boundary for str.splitlines()? */
static bool cp_linebreak(uint32_t cp)
{
    return (cp >= '\n' && cp <= '\r') || (cp >= 0x1c && cp <= 0x1e) || cp == 0x85
        || cp == 0x2028 || cp == 0x2029;
}

/* Byte offset where the code point ending at byte i (i > 0) starts. */
static size_t prev_start(const char *s, size_t i)
{
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
        i--;
    return i;
}

/* Is the code point at s[i..] (n bytes) a space?  Its length in *k. */
static bool space_at(const char *s, size_t n, size_t i, int *k)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *k = 1;
        return is_space(c);
    }
    uint32_t cp;
    *k = next_cp(s + i, n - i, &cp);
    return cp_space(cp);
}

/* Is the code point ending at byte j of s a space?  Its start in *st. */
static bool space_before(const char *s, size_t n, size_t j, size_t *st)
{
    unsigned char c = (unsigned char)s[j - 1];
    if (c < 0x80) {
        *st = j - 1;
        return is_space(c);
    }
    *st = prev_start(s, j);
    uint32_t cp;
    next_cp(s + *st, n - *st, &cp);
    return cp_space(cp);
}

static Obj *str_join_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[1];
    if (vm_txt_args("str", "join", TA_ONE, args, nargs, kwnames, 1, 1, NULL, a) < 0)
        return NULL;
    Obj *seq;
    if (LIST_CHECK(a[0]) || TUPLE_CHECK(a[0])) {
        seq = vm_list_from_iter(a[0]);
    } else {
        Obj *it = vm_iter(a[0]);
        if (!it) {
            if (vm_err_matches(&vm_exc_TypeError)) {
                vm_err_clear();
                vm_err_str(&vm_exc_TypeError, "can only join an iterable");
            }
            return NULL;
        }
        seq = vm_list_from_iter(it);
        DECREF(it);
    }
    if (!seq)
        return NULL;
    ListObj *l = (ListObj *)seq;
    Obj *r = vm_str_join(self, l->items, (size_t)l->len);
    DECREF(seq);
    return r;
}

/* Does the str chars contain the code point cp? */
static bool has_cp(Obj *chars, uint32_t cp)
{
    const char *c = STR_DATA(chars);
    size_t n = (size_t)STR_LEN(chars);
    if (cp < 0x80)
        return memchr(c, (int)cp, n) != NULL;
    for (size_t i = 0; i < n;) {
        uint32_t x;
        i += (size_t)next_cp(c + i, n - i, &x);
        if (x == cp)
            return true;
    }
    return false;
}

static Obj *strip_common(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                         const char *name, bool left, bool right)
{
    Obj *a[1];
    if (vm_txt_args("str", name, TA_POS, args, nargs, kwnames, 0, 1, NULL, a) < 0)
        return NULL;
    const char *s = STR_DATA(self);
    size_t a0 = 0, b = (size_t)STR_LEN(self), n = b;
    Obj *chars = a[0] && a[0] != VM_NONE ? a[0] : NULL;
    if (chars && !STR_CHECK(chars))
        return vm_err_fmt(&vm_exc_TypeError, "%s arg must be None or str", name);
    while (left && a0 < b) {
        uint32_t cp;
        int k = next_cp(s + a0, n - a0, &cp);
        if (chars ? !has_cp(chars, cp) : !cp_space(cp))
            break;
        a0 += (size_t)k;
    }
    while (right && b > a0) {
        size_t st = prev_start(s, b);
        uint32_t cp;
        next_cp(s + st, n - st, &cp);
        if (chars ? !has_cp(chars, cp) : !cp_space(cp))
            break;
        b = st;
    }
    if (a0 == 0 && b == n && TYPE(self) == &vm_str_type)
        return vm_newref(self);
    return vm_str_new(s + a0, b - a0);
}

static Obj *str_strip(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return strip_common(self, args, nargs, kwnames, "strip", true, true);
}

static Obj *str_lstrip(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return strip_common(self, args, nargs, kwnames, "lstrip", true, false);
}

static Obj *str_rstrip(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return strip_common(self, args, nargs, kwnames, "rstrip", false, true);
}

static const char *const split_kw[] = {"sep", "maxsplit", NULL};

/* The sep and maxsplit arguments of split()/rsplit(); *sep NULL for None. */
static int split_args(const char *name, Obj *const *args, size_t nargs, Obj *kwnames,
                      Obj **sep, int64_t *maxsplit)
{
    Obj *a[2];
    if (vm_txt_args("str", name, TA_KW, args, nargs, kwnames, 0, 2, split_kw, a) < 0)
        return -1;
    *sep = a[0] && a[0] != VM_NONE ? a[0] : NULL;
    *maxsplit = -1;
    if (*sep && !STR_CHECK(*sep)) {
        vm_err_fmt(&vm_exc_TypeError, "must be str or None, not %s", vm_tname(*sep));
        return -1;
    }
    if (a[1] && vm_txt_ssize(a[1], maxsplit) < 0)
        return -1;
    if (*sep && STR_LEN(*sep) == 0) {
        vm_err_str(&vm_exc_ValueError, "empty separator");
        return -1;
    }
    if (*maxsplit < 0)
        *maxsplit = INT64_MAX;
    return 0;
}

static void append_part(Obj *list, const char *s, size_t len)
{
    Obj *part = vm_str_new(s, len);
    vm_list_append(list, part);
    DECREF(part);
}

/* As append_part, but -1 with MemoryError when the list cannot grow (or
 * the reserve was used: alloc.c) -- for split, whose list the input sizes. */
static int try_append_part(Obj *list, const char *s, size_t len)
{
    Obj *part = vm_str_new(s, len);
    if (!part)
        return -1;
    int rc = vm_list_try_append(list, part);
    DECREF(part);
    return rc < 0 ? -1 : vm_mem_check_pending();
}

static Obj *str_split(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *sep;
    int64_t maxsplit;
    if (split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    Obj *list = vm_list_new(0);
    const char *s = STR_DATA(self);
    size_t n = (size_t)STR_LEN(self), i = 0;
    int k;
    if (!sep) {
        while (true) {
            while (i < n && space_at(s, n, i, &k))
                i += (size_t)k;
            if (i >= n)
                break;
            size_t j = i;
            if (maxsplit == 0) {
                append_part(list, s + i, n - i);
                break;
            }
            while (j < n && !space_at(s, n, j, &k))
                j += (size_t)k;
            if (try_append_part(list, s + i, j - i) < 0) {
                DECREF(list);
                return NULL;
            }
            i = j;
            maxsplit--;
        }
        return list;
    }
    size_t sl = (size_t)STR_LEN(sep);
    while (true) {
        const char *hit = maxsplit == 0 ? NULL : find_bytes(s + i, n - i, STR_DATA(sep), sl);
        size_t j = hit ? (size_t)(hit - s) : n;
        if (try_append_part(list, s + i, j - i) < 0) {
            DECREF(list);
            return NULL;
        }
        if (!hit)
            break;
        i = j + sl;
        maxsplit--;
    }
    return list;
}

static Obj *str_rsplit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *sep;
    int64_t maxsplit;
    if (split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    const char *s = STR_DATA(self);
    size_t end = (size_t)STR_LEN(self), n = end;
    Obj *parts = vm_list_new(0);
    if (sep) {
        size_t sl = (size_t)STR_LEN(sep);
        while (maxsplit-- > 0) {
            size_t j;
            bool found = false;
            for (j = end >= sl ? end - sl + 1 : 0; j-- > 0;)
                if (memcmp(s + j, STR_DATA(sep), sl) == 0) {
                    found = true;
                    break;
                }
            if (!found)
                break;
            append_part(parts, s + j + sl, end - j - sl);
            end = j;
        }
        append_part(parts, s, end);
    } else {
        size_t st;
        while (true) {
            while (end > 0 && space_before(s, n, end, &st))
                end = st;
            if (end == 0)
                break;
            size_t j = end;
            if (maxsplit-- <= 0) {
                append_part(parts, s, end);
                break;
            }
            while (j > 0 && !space_before(s, n, j, &st))
                j = st;
            append_part(parts, s + j, end - j);
            end = j;
        }
    }
    ListObj *l = (ListObj *)parts;
    for (ssize_t i = 0, k = l->len - 1; i < k; i++, k--) {
        Obj *t = l->items[i];
        l->items[i] = l->items[k];
        l->items[k] = t;
    }
    return parts;
}

static size_t cp_offset(StrObj *s, ssize_t i);

/* The [start, end) code point range of optional arguments start and end,
 * clipped like a slice, as byte offsets into s; *cpa is the start in code
 * points, or -1 when the range is empty because start > end. */
static int sub_range(Obj *self, Obj *start_o, Obj *end_o, size_t *a, size_t *b, ssize_t *cpa)
{
    StrObj *s = (StrObj *)self;
    int64_t start = 0, end = s->ulen;
    if (vm_txt_slice_index(start_o, &start) < 0 || vm_txt_slice_index(end_o, &end) < 0)
        return -1;
    if (start < 0 && (start += s->ulen) < 0)
        start = 0;
    if (end < 0 && (end += s->ulen) < 0)
        end = 0;
    if (end > s->ulen)
        end = s->ulen;
    if (start > end) {
        *a = *b = 0;
        *cpa = -1;
        return 0;
    }
    *a = cp_offset(s, (ssize_t)start);
    *b = cp_offset(s, (ssize_t)end);
    *cpa = (ssize_t)start;
    return 0;
}

static Obj *affix(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                  const char *name, bool start)
{
    Obj *a[3];
    if (vm_txt_args("str", name, TA_OLD, args, nargs, kwnames, 1, 3, NULL, a) < 0)
        return NULL;
    size_t ra, rb;
    ssize_t cpa;
    if (sub_range(self, a[1], a[2], &ra, &rb, &cpa) < 0)
        return NULL;
    Obj *const *cands = &a[0];
    size_t nc = 1;
    bool tuple = TUPLE_CHECK(a[0]);
    if (tuple) {
        cands = TUPLE_ITEMS(a[0]);
        nc = (size_t)TUPLE_LEN(a[0]);
    }
    for (size_t i = 0; i < nc; i++) {
        Obj *p = cands[i];
        if (!STR_CHECK(p)) {
            if (tuple)
                return vm_err_fmt(&vm_exc_TypeError, "tuple for %s must only contain str, "
                                  "not %s", name, vm_tname(p));
            return vm_err_fmt(&vm_exc_TypeError, "%s first arg must be str or a tuple of str, "
                              "not %s", name, vm_tname(p));
        }
        if (cpa < 0)
            continue;
        size_t pl = (size_t)STR_LEN(p), sl = rb - ra;
        if (pl <= sl
            && memcmp(STR_DATA(self) + ra + (start ? 0 : sl - pl), STR_DATA(p), pl) == 0)
            return VM_BOOL(true);
    }
    return VM_BOOL(false);
}

static Obj *str_startswith(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return affix(self, args, nargs, kwnames, "startswith", true);
}

static Obj *str_endswith(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return affix(self, args, nargs, kwnames, "endswith", false);
}

/* The last occurrence of needle in hay, or NULL. */
static const char *rfind_bytes(const char *hay, size_t hn, const char *needle, size_t nn)
{
    if (nn > hn)
        return NULL;
    for (size_t i = hn - nn + 1; i-- > 0;)
        if (memcmp(hay + i, needle, nn) == 0)
            return hay + i;
    return NULL;
}

/* find, index, rfind, rindex. */
static Obj *str_find_common(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                            const char *name, bool raise, bool right)
{
    Obj *a[3];
    if (vm_txt_args("str", name, TA_OLD, args, nargs, kwnames, 1, 3, NULL, a) < 0)
        return NULL;
    if (!STR_CHECK(a[0]))
        return vm_err_fmt(&vm_exc_TypeError, "must be str, not %s", vm_tname(a[0]));
    size_t ra, rb;
    ssize_t cpa;
    if (sub_range(self, a[1], a[2], &ra, &rb, &cpa) < 0)
        return NULL;
    const char *s = STR_DATA(self), *hit = NULL;
    if (cpa >= 0)
        hit = (right ? rfind_bytes : find_bytes)(s + ra, rb - ra, STR_DATA(a[0]),
                                                 (size_t)STR_LEN(a[0]));
    if (!hit) {
        if (raise)
            return vm_err_str(&vm_exc_ValueError, "substring not found");
        return vm_int_from_i64(-1);
    }
    return vm_int_from_i64(cpa + count_cp(s + ra, (size_t)(hit - s) - ra));
}

static Obj *str_find(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return str_find_common(self, args, nargs, kwnames, "find", false, false);
}

static Obj *str_index(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return str_find_common(self, args, nargs, kwnames, "index", true, false);
}

static Obj *str_rfind(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return str_find_common(self, args, nargs, kwnames, "rfind", false, true);
}

static Obj *str_rindex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return str_find_common(self, args, nargs, kwnames, "rindex", true, true);
}

static Obj *str_replace(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[3];
    if (vm_txt_args("str", "replace", TA_POS, args, nargs, kwnames, 2, 3, NULL, a) < 0)
        return NULL;
    Obj *old = a[0], *new = a[1];
    if (!STR_CHECK(old) || !STR_CHECK(new))
        return vm_err_fmt(&vm_exc_TypeError, "replace() argument %d must be str, not %s",
                          STR_CHECK(old) ? 2 : 1, vm_tname(STR_CHECK(old) ? new : old));
    int64_t count = -1;
    if (a[2] && vm_txt_ssize(a[2], &count) < 0)
        return NULL;
    const char *s = STR_DATA(self);
    size_t n = (size_t)STR_LEN(self), ol = (size_t)STR_LEN(old), i = 0;
    Buf b = BUF_INIT_SOFT;
    buf_reserve(&b, n + 1);
    while (i <= n && count != 0) {
        const char *hit;
        if (ol == 0) {
            buf_put(&b, STR_DATA(new), (size_t)STR_LEN(new));
            if (i < n) {
                uint32_t cp;
                int k = next_cp(s + i, n - i, &cp);
                buf_put(&b, s + i, (size_t)k);
                i += (size_t)k;
            } else {
                i = n + 1;
            }
            count--;
            continue;
        }
        hit = find_bytes(s + i, n - i, STR_DATA(old), ol);
        if (!hit)
            break;
        buf_put(&b, s + i, (size_t)(hit - (s + i)));
        buf_put(&b, STR_DATA(new), (size_t)STR_LEN(new));
        i = (size_t)(hit - s) + ol;
        count--;
    }
    if (i < n)
        buf_put(&b, s + i, n - i);
    Obj *r = b.oom ? vm_err_nomem() : vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

static Obj *str_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[3];
    if (vm_txt_args("str", "count", TA_OLD, args, nargs, kwnames, 1, 3, NULL, a) < 0)
        return NULL;
    if (!STR_CHECK(a[0]))
        return vm_err_fmt(&vm_exc_TypeError, "must be str, not %s", vm_tname(a[0]));
    size_t ra, rb;
    ssize_t cpa;
    if (sub_range(self, a[1], a[2], &ra, &rb, &cpa) < 0)
        return NULL;
    if (cpa < 0)
        return vm_int_from_i64(0);
    size_t n = rb - ra, sl = (size_t)STR_LEN(a[0]);
    if (sl == 0)
        return vm_int_from_i64(count_cp(STR_DATA(self) + ra, n) + 1);
    int64_t c = 0;
    const char *s = STR_DATA(self) + ra, *p = s;
    while ((p = find_bytes(p, n - (size_t)(p - s), STR_DATA(a[0]), sl)) != NULL) {
        c++;
        p += sl;
    }
    return vm_int_from_i64(c);
}

static Obj *str_format_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_str_format(self, args, nargs, kwnames);
}

static Obj *pad_common(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                       const char *name, char align)
{
    Obj *a[2];
    if (vm_txt_args("str", name, TA_POS, args, nargs, kwnames, 1, 2, NULL, a) < 0)
        return NULL;
    int64_t w;
    if (vm_txt_ssize(a[0], &w) < 0)
        return NULL;
    const char *fill = " ";
    size_t fl = 1;
    if (a[1]) {
        if (!STR_CHECK(a[1]))
            return vm_err_fmt(&vm_exc_TypeError, "The fill character must be a unicode "
                              "character, not %s", vm_tname(a[1]));
        if (((StrObj *)a[1])->ulen != 1)
            return vm_err_str(&vm_exc_TypeError,
                              "The fill character must be exactly one character long");
        fill = STR_DATA(a[1]);
        fl = (size_t)STR_LEN(a[1]);
    }
    ssize_t n = ((StrObj *)self)->ulen;
    if (w <= n)
        return TYPE(self) == &vm_str_type ? vm_newref(self)
            : vm_str_new(STR_DATA(self), (size_t)STR_LEN(self));
    if ((uint64_t)(w - n) > (uint64_t)SSIZE_MAX / 4 / fl)
        return vm_err_nomem();
    /* center: the odd extra goes left when both the margin and width are odd */
    int64_t total = w - n;
    int64_t left = align == '>' ? total : align == '^' ? total / 2 + (total & w & 1) : 0;
    int64_t right = total - left;
    Buf b = BUF_INIT;
    if (!buf_try_reserve(&b, (size_t)total * fl + (size_t)STR_LEN(self)))
        return vm_err_nomem();      /* as CPython: the result at once */
    for (int64_t i = 0; i < left; i++)
        buf_put(&b, fill, fl);
    buf_put(&b, STR_DATA(self), (size_t)STR_LEN(self));
    for (int64_t i = 0; i < right; i++)
        buf_put(&b, fill, fl);
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

static Obj *str_ljust(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pad_common(self, args, nargs, kwnames, "ljust", '<');
}

static Obj *str_rjust(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pad_common(self, args, nargs, kwnames, "rjust", '>');
}

static Obj *str_center(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pad_common(self, args, nargs, kwnames, "center", '^');
}

static Obj *str_zfill(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[1];
    if (vm_txt_args("str", "zfill", TA_ONE, args, nargs, kwnames, 1, 1, NULL, a) < 0)
        return NULL;
    int64_t w;
    if (vm_txt_ssize(a[0], &w) < 0)
        return NULL;
    ssize_t n = ((StrObj *)self)->ulen;
    if (w <= n)
        return TYPE(self) == &vm_str_type ? vm_newref(self)
            : vm_str_new(STR_DATA(self), (size_t)STR_LEN(self));
    if (w > SSIZE_MAX / 4)
        return vm_err_nomem();
    const char *s = STR_DATA(self);
    Buf b = BUF_INIT;
    if (!buf_try_reserve(&b, (size_t)(w - n) + (size_t)STR_LEN(self)))
        return vm_err_nomem();      /* as CPython: the result at once */
    size_t start = 0;
    if (STR_LEN(self) > 0 && (s[0] == '+' || s[0] == '-')) {
        buf_putc(&b, s[0]);
        start = 1;
    }
    for (int64_t i = 0; i < w - n; i++)
        buf_putc(&b, '0');
    buf_put(&b, s + start, (size_t)STR_LEN(self) - start);
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

static Obj *str_partition_common(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                                 bool right)
{
    Obj *a[1];
    if (vm_txt_args("str", right ? "rpartition" : "partition", TA_ONE, args, nargs, kwnames,
                    1, 1, NULL, a) < 0)
        return NULL;
    Obj *sep = a[0];
    if (!STR_CHECK(sep))
        return vm_err_fmt(&vm_exc_TypeError, "must be str, not %s", vm_tname(sep));
    if (STR_LEN(sep) == 0)
        return vm_err_str(&vm_exc_ValueError, "empty separator");
    const char *s = STR_DATA(self);
    size_t n = (size_t)STR_LEN(self), sl = (size_t)STR_LEN(sep);
    const char *hit = (right ? rfind_bytes : find_bytes)(s, n, STR_DATA(sep), sl);
    Obj *t = vm_tuple_new(3);
    if (!hit) {
        TUPLE_ITEMS(t)[right ? 2 : 0] = vm_newref(self);     /* CPython: self, even a subclass */
        TUPLE_ITEMS(t)[1] = vm_str_new("", 0);
        TUPLE_ITEMS(t)[right ? 0 : 2] = vm_str_new("", 0);
        return t;
    }
    TUPLE_ITEMS(t)[0] = vm_str_new(s, (size_t)(hit - s));
    TUPLE_ITEMS(t)[1] = TYPE(sep) == &vm_str_type ? vm_newref(sep) : vm_str_new(STR_DATA(sep), sl);
    TUPLE_ITEMS(t)[2] = vm_str_new(hit + sl, n - (size_t)(hit - s) - sl);
    return t;
}

static Obj *str_partition(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return str_partition_common(self, args, nargs, kwnames, false);
}

static Obj *str_rpartition(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return str_partition_common(self, args, nargs, kwnames, true);
}

static Obj *str_splitlines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"keepends", NULL};
    Obj *a[1];
    if (vm_txt_args("str", "splitlines", TA_KW, args, nargs, kwnames, 0, 1, kw, a) < 0)
        return NULL;
    bool keep = false;
    if (a[0]) {
        int64_t v;
        if (vm_txt_ssize(a[0], &v) < 0)
            return NULL;
        keep = v != 0;
    }
    Obj *list = vm_list_new(0);
    const char *s = STR_DATA(self);
    size_t n = (size_t)STR_LEN(self), i = 0;
    while (i < n) {
        size_t j = i, eol = n;
        while (j < n) {
            uint32_t cp;
            int k = next_cp(s + j, n - j, &cp);
            if (cp_linebreak(cp)) {
                eol = j;
                j += (size_t)k;
                if (cp == '\r' && j < n && s[j] == '\n')
                    j++;
                break;
            }
            j += (size_t)k;
        }
        append_part(list, s + i, (keep ? j : eol) - i);
        i = j;
    }
    return list;
}

static Obj *affix_remove(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, bool prefix)
{
    const char *name = prefix ? "removeprefix" : "removesuffix";
    Obj *a[1];
    if (vm_txt_args("str", name, TA_ONE, args, nargs, kwnames, 1, 1, NULL, a) < 0)
        return NULL;
    if (!STR_CHECK(a[0]))
        return vm_err_fmt(&vm_exc_TypeError, "%s() argument must be str, not %s", name,
                          vm_tname(a[0]));
    size_t pl = (size_t)STR_LEN(a[0]), n = (size_t)STR_LEN(self);
    const char *s = STR_DATA(self);
    if (pl && pl <= n && memcmp(prefix ? s : s + n - pl, STR_DATA(a[0]), pl) == 0)
        return vm_str_new(prefix ? s + pl : s, n - pl);
    return TYPE(self) == &vm_str_type ? vm_newref(self) : vm_str_new(s, n);
}

static Obj *str_removeprefix(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return affix_remove(self, args, nargs, kwnames, true);
}

static Obj *str_removesuffix(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return affix_remove(self, args, nargs, kwnames, false);
}

static Obj *str_expandtabs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"tabsize", NULL};
    Obj *a[1];
    if (vm_txt_args("str", "expandtabs", TA_KW, args, nargs, kwnames, 0, 1, kw, a) < 0)
        return NULL;
    int64_t ts = 8;
    if (a[0] && vm_txt_ssize(a[0], &ts) < 0)
        return NULL;
    if (ts > INT_MAX || ts < INT_MIN)   /* tabsize is a C int in CPython */
        return vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C int");
    Buf b = BUF_INIT_SOFT;
    int64_t col = 0;
    const char *s = STR_DATA(self);
    for (ssize_t i = 0; i < STR_LEN(self); i++) {
        char c = s[i];
        if (c == '\t') {
            if (ts > 0) {
                int64_t k = ts - col % ts;
                if (k > SSIZE_MAX / 4 - (int64_t)b.len) {
                    buf_free(&b);
                    return vm_err_str(&vm_exc_OverflowError, "new string is too long");
                }
                for (int64_t j = 0; j < k && !b.oom; j++)
                    buf_putc(&b, ' ');
                col += k;
            }
        } else {
            buf_putc(&b, c);
            if (c == '\n' || c == '\r')
                col = 0;
            else if (((unsigned char)c & 0xc0) != 0x80)
                col++;
        }
    }
    Obj *r = b.oom ? vm_err_nomem() : vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

/* ---- Unicode case mapping and character predicates (ucase.h) ---- */

/* Is the U+03A3 at byte offset i of s (n bytes) word-final (preceded by a
 * cased letter and not followed by one, skipping case-ignorable ones)? */
static bool final_sigma(const char *s, size_t n, size_t i, size_t clen)
{
    size_t j = i;
    bool before = false;
    while (j > 0) {
        size_t k = j - 1;
        while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
            k--;
        uint32_t cp;
        next_cp(s + k, n - k, &cp);
        unsigned f = vm_uc_flags(cp);
        j = k;
        if (f & UC_IGNORABLE)
            continue;
        before = (f & UC_CASED) != 0;
        break;
    }
    if (!before)
        return false;
    for (j = i + clen; j < n;) {
        uint32_t cp;
        j += (size_t)next_cp(s + j, n - j, &cp);
        unsigned f = vm_uc_flags(cp);
        if (f & UC_IGNORABLE)
            continue;
        return (f & UC_CASED) == 0;
    }
    return true;
}

/* Append the kind mapping of the code point cp found at byte offset i. */
static void put_mapped(Buf *b, const char *s, size_t n, size_t i, size_t clen,
                       uint32_t cp, UcMapKind kind)
{
    if (cp < 0x80) {
        char c = (char)cp;
        if (kind == UC_MAP_UPPER || kind == UC_MAP_TITLE) {
            if (c >= 'a' && c <= 'z')
                c = (char)(c - 32);
        } else if (c >= 'A' && c <= 'Z') {
            c = (char)(c + 32);
        }
        buf_putc(b, c);
        return;
    }
    if (cp == 0x3A3 && kind == UC_MAP_LOWER && final_sigma(s, n, i, clen)) {
        buf_put(b, "\xcf\x82", 2);
        return;
    }
    const char *m = vm_uc_map(cp, kind);
    if (m)
        buf_put(b, m, strlen(m));
    else
        buf_put(b, s + i, clen);
}

/* The whole string mapped by kind; mode 1 is title(), 2 capitalize(),
 * 3 swapcase(). */
static Obj *case_map(Obj *self, UcMapKind kind, int mode)
{
    const char *s = STR_DATA(self);
    size_t n = (size_t)STR_LEN(self);
    if (mode == 0 && (kind == UC_MAP_UPPER || kind == UC_MAP_LOWER) && n > 0
        && ((StrObj *)self)->ulen == (ssize_t)n) {
        /* perf: ASCII text maps byte for byte */
        StrObj *r = str_alloc(n);
        char lo = kind == UC_MAP_UPPER ? 'a' : 'A', d = kind == UC_MAP_UPPER ? -32 : 32;
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            r->s[i] = (char)(c >= lo && c <= lo + 25 ? c + d : c);
        }
        r->ulen = (ssize_t)n;
        return (Obj *)r;
    }
    Buf b = BUF_INIT;
    bool prev_cased = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t clen = (size_t)next_cp(s + i, n - i, &cp);
        UcMapKind k = kind;
        unsigned f = vm_uc_flags(cp);
        if (mode == 1)
            k = prev_cased ? UC_MAP_LOWER : UC_MAP_TITLE;
        else if (mode == 2)
            k = i == 0 ? UC_MAP_TITLE : UC_MAP_LOWER;
        if (mode == 3) {
            if (f & UC_UPPER)
                put_mapped(&b, s, n, i, clen, cp, UC_MAP_LOWER);
            else if (f & UC_LOWER)
                put_mapped(&b, s, n, i, clen, cp, UC_MAP_UPPER);
            else
                buf_put(&b, s + i, clen);
        } else {
            put_mapped(&b, s, n, i, clen, cp, k);
        }
        prev_cased = (f & UC_CASED) != 0;
        i += clen;
    }
    Obj *r = vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

static Obj *str_upper(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "upper", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    return case_map(self, UC_MAP_UPPER, 0);
}

static Obj *str_lower(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "lower", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    return case_map(self, UC_MAP_LOWER, 0);
}

static Obj *str_casefold(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "casefold", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    return case_map(self, UC_MAP_FOLD, 0);
}

static Obj *str_title(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "title", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    return case_map(self, UC_MAP_TITLE, 1);
}

static Obj *str_capitalize(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "capitalize", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    return case_map(self, UC_MAP_TITLE, 2);
}

static Obj *str_swapcase(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "swapcase", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    return case_map(self, UC_MAP_LOWER, 3);
}

/* Does every code point have one of the flags in mask (False when empty)? */
static Obj *str_pred(Obj *self, unsigned mask)
{
    const char *s = STR_DATA(self);
    size_t n = (size_t)STR_LEN(self);
    if (n == 0)
        return VM_BOOL(false);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)next_cp(s + i, n - i, &cp);
        if (!(vm_uc_flags(cp) & mask))
            return VM_BOOL(false);
    }
    return VM_BOOL(true);
}

#define STR_PRED(NAME, MASK)                                                        \
    static Obj *str_##NAME(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    {                                                                               \
        if (vm_txt_args("str", #NAME, TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, \
                        NULL) < 0)                                                  \
            return NULL;                                                            \
        return str_pred(self, MASK);                                                \
    }
STR_PRED(isalpha, UC_ALPHA)
STR_PRED(isdigit, UC_DIGIT)
STR_PRED(isdecimal, UC_DECIMAL)
STR_PRED(isnumeric, UC_NUMERIC)
STR_PRED(isspace, UC_SPACE)
STR_PRED(isalnum, UC_ALPHA | UC_DECIMAL | UC_DIGIT | UC_NUMERIC)
#undef STR_PRED

/* isupper (upper true) / islower: no character of the other case or title
 * case, and at least one of this case. */
static Obj *str_case_pred(Obj *self, bool upper)
{
    const char *s = STR_DATA(self);
    size_t n = (size_t)STR_LEN(self);
    unsigned yes = upper ? UC_UPPER : UC_LOWER, no = (upper ? UC_LOWER : UC_UPPER) | UC_TITLE;
    bool cased = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)next_cp(s + i, n - i, &cp);
        unsigned f = vm_uc_flags(cp);
        if (f & no)
            return VM_BOOL(false);
        cased |= (f & yes) != 0;
    }
    return VM_BOOL(cased);
}

static Obj *str_isupper(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "isupper", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    return str_case_pred(self, true);
}

static Obj *str_islower(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "islower", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    return str_case_pred(self, false);
}

static Obj *str_istitle(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "istitle", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    const char *s = STR_DATA(self);
    size_t n = (size_t)STR_LEN(self);
    bool cased = false, prev_cased = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)next_cp(s + i, n - i, &cp);
        unsigned f = vm_uc_flags(cp);
        if (f & (UC_UPPER | UC_TITLE)) {
            if (prev_cased)
                return VM_BOOL(false);
            prev_cased = cased = true;
        } else if (f & UC_LOWER) {
            if (!prev_cased)
                return VM_BOOL(false);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return VM_BOOL(cased);
}

static Obj *str_isascii(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "isascii", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    return VM_BOOL(((StrObj *)self)->ulen == STR_LEN(self));
}

static Obj *str_isidentifier(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "isidentifier", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    const char *s = STR_DATA(self);
    size_t n = (size_t)STR_LEN(self);
    if (n == 0)
        return VM_BOOL(false);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        bool first = i == 0;
        i += (size_t)next_cp(s + i, n - i, &cp);
        if (!(first ? ls_uni_is_xid_start(cp) || cp == '_' : ls_uni_is_xid_continue(cp)))
            return VM_BOOL(false);
    }
    return VM_BOOL(true);
}

static Obj *str_isprintable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "isprintable", TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    const char *s = STR_DATA(self);
    size_t n = (size_t)STR_LEN(self);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)next_cp(s + i, n - i, &cp);
        if (!ls_uni_isprintable(cp))
            return VM_BOOL(false);
    }
    return VM_BOOL(true);
}

static Obj *str_format_map(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "format_map", TA_ONE, args, nargs, kwnames, 1, 1, NULL, NULL) < 0)
        return NULL;
    return vm_str_format_map(self, args[0]);
}

/* str.maketrans(x[, y[, z]]), a static method */
Obj *vm_str_maketrans(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    Obj *ma[3];
    if (vm_txt_args("str", "maketrans", TA_POS, args, nargs, kwnames, 1, 3, NULL, ma) < 0)
        return NULL;
    Obj *d = vm_dict_new();
    if (nargs == 1) {
        if (!DICT_CHECK(args[0])) {
            DECREF(d);
            return vm_err_str(&vm_exc_TypeError, "if you give only one argument to maketrans "
                              "it must be a dict");
        }
        ssize_t pos = 0;
        Obj *k, *v;
        while (vm_dict_next(args[0], &pos, &k, &v)) {
            Obj *key = NULL;
            if (STR_CHECK(k) && ((StrObj *)k)->ulen == 1) {
                uint32_t cp;
                next_cp(STR_DATA(k), (size_t)STR_LEN(k), &cp);
                key = vm_int_from_i64(cp);
            } else if (INT_CHECK(k)) {
                key = vm_newref(k);
            } else if (STR_CHECK(k)) {
                vm_err_str(&vm_exc_ValueError, "string keys in translate table must be of "
                           "length 1");
            } else {
                vm_err_str(&vm_exc_TypeError, "keys in translate table must be strings or "
                           "integers");
            }
            int rc = key ? vm_dict_set(d, key, v) : -1;
            XDECREF(key);
            if (rc < 0) {
                DECREF(d);
                return NULL;
            }
        }
        return d;
    }
    for (size_t a = 1; a < nargs; a++)
        if (!STR_CHECK(args[a])) {
            DECREF(d);
            return vm_err_fmt(&vm_exc_TypeError, "maketrans() argument %zu must be str, not %s",
                              a + 1, vm_tname(args[a]));
        }
    if (!STR_CHECK(args[0])) {
        DECREF(d);
        return vm_err_str(&vm_exc_TypeError, "first maketrans argument must be a string if "
                          "there is a second argument");
    }
    if (((StrObj *)args[0])->ulen != ((StrObj *)args[1])->ulen) {
        DECREF(d);
        return vm_err_str(&vm_exc_ValueError, "the first two maketrans arguments must have "
                          "equal length");
    }
    const char *x = STR_DATA(args[0]), *y = STR_DATA(args[1]);
    size_t xn = (size_t)STR_LEN(args[0]), yn = (size_t)STR_LEN(args[1]);
    for (size_t i = 0, j = 0; i < xn;) {
        uint32_t a, b;
        i += (size_t)next_cp(x + i, xn - i, &a);
        j += (size_t)next_cp(y + j, yn - j, &b);
        Obj *k = vm_int_from_i64(a), *v = vm_int_from_i64(b);
        int rc = vm_dict_set(d, k, v);
        DECREF(k);
        DECREF(v);
        if (rc < 0) {
            DECREF(d);
            return NULL;
        }
    }
    if (nargs == 3) {
        const char *z = STR_DATA(args[2]);
        size_t zn = (size_t)STR_LEN(args[2]);
        for (size_t i = 0; i < zn;) {
            uint32_t a;
            i += (size_t)next_cp(z + i, zn - i, &a);
            Obj *k = vm_int_from_i64(a);
            int rc = vm_dict_set(d, k, VM_NONE);
            DECREF(k);
            if (rc < 0) {
                DECREF(d);
                return NULL;
            }
        }
    }
    return d;
}

static Obj *str_translate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("str", "translate", TA_ONE, args, nargs, kwnames, 1, 1, NULL, NULL) < 0)
        return NULL;
    const char *s = STR_DATA(self);
    size_t n = (size_t)STR_LEN(self);
    Buf b = BUF_INIT;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t clen = (size_t)next_cp(s + i, n - i, &cp);
        Obj *k = vm_int_from_i64(cp);
        Obj *v = vm_getitem(args[0], k);
        DECREF(k);
        if (!v) {
            if (!vm_err_matches(&vm_exc_LookupError)) {
                buf_free(&b);
                return NULL;
            }
            vm_err_clear();
            buf_put(&b, s + i, clen);
        } else if (v == VM_NONE) {
            DECREF(v);
        } else if (STR_CHECK(v)) {
            buf_put(&b, STR_DATA(v), (size_t)STR_LEN(v));
            DECREF(v);
        } else if (INT_CHECK(v)) {
            int64_t c;
            int rc = vm_index(v, &c, "character mapping");
            DECREF(v);
            if (rc < 0 || c < 0 || c > 0x10ffff) {
                buf_free(&b);
                return rc < 0 ? NULL : vm_err_str(&vm_exc_ValueError, "character mapping must "
                                                  "be in range(0x110000)");
            }
            char u[4];
            buf_put(&b, u, (size_t)ls_utf8_encode((uint32_t)c, u));
        } else {
            Obj *r = vm_err_str(&vm_exc_TypeError, "character mapping must return integer, "
                                "None or str");
            DECREF(v);
            buf_free(&b);
            return r;
        }
        i += clen;
    }
    Obj *r = vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

static const MethodDef str_methods[] = {
    {"__add__", str_add_m},
    {"__mul__", str_mul_m},
    {"__rmul__", str_rmul_m},
    {"__mod__", str_mod_m},
    {"__rmod__", str_rmod_m},
    {"__sizeof__", str_sizeof_m},
    {"casefold", str_casefold},
    {"expandtabs", str_expandtabs},
    {"format", str_format_m},
    {"encode", vm_str_encode},
    {"ljust", str_ljust},
    {"rjust", str_rjust},
    {"center", str_center},
    {"zfill", str_zfill},
    {"title", str_title},
    {"capitalize", str_capitalize},
    {"swapcase", str_swapcase},
    {"partition", str_partition},
    {"rpartition", str_rpartition},
    {"splitlines", str_splitlines},
    {"rfind", str_rfind},
    {"rindex", str_rindex},
    {"rsplit", str_rsplit},
    {"isalnum", str_isalnum},
    {"isupper", str_isupper},
    {"islower", str_islower},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
    {"join", str_join_m},
    {"strip", str_strip},
    {"lstrip", str_lstrip},
    {"rstrip", str_rstrip},
    {"split", str_split},
    {"upper", str_upper},
    {"lower", str_lower},
    {"startswith", str_startswith},
    {"endswith", str_endswith},
    {"find", str_find},
    {"index", str_index},
    {"replace", str_replace},
    {"count", str_count},
    {"isdigit", str_isdigit},
    {"isalpha", str_isalpha},
    {"isspace", str_isspace},
    {"isdecimal", str_isdecimal},
    {"isnumeric", str_isnumeric},
    {"istitle", str_istitle},
    {"isascii", str_isascii},
    {"isidentifier", str_isidentifier},
    {"isprintable", str_isprintable},
    {"format_map", str_format_map},
    {"translate", str_translate},
    {NULL, NULL},
};

/* str(object='') */
static Obj *str_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"object", "encoding", "errors", NULL};
    Obj *a[3];
    if (vm_txt_args("", "str", TA_KW, args, nargs, kwnames, 0, 3, kw, a) < 0)
        return NULL;
    if (!a[1] && !a[2])
        return a[0] ? vm_str(a[0]) : vm_str_new("", 0);
    for (int i = 1; i < 3; i++)
        if (a[i] && !STR_CHECK(a[i]))
            return vm_err_fmt(&vm_exc_TypeError, "str() argument '%s' must be str, not %s",
                              kw[i], vm_tname(a[i]));
    if (!a[0])
        return vm_str_new("", 0);
    const char *data;
    size_t n;
    if (vm_bytes_buffer(a[0], &data, &n))
        return vm_codec_decode(data, n, a[1], a[2]);
    if (STR_CHECK(a[0]))
        return vm_err_str(&vm_exc_TypeError, "decoding str is not supported");
    return vm_err_fmt(&vm_exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                      vm_tname(a[0]));
}

Type vm_str_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "str",
    .base = &vm_object_type,
    .flags = TF_STR,
    .basicsize = sizeof(StrObj),
    .repr = vm_str_repr,
    .str = str_str,
    .hash = str_hash,
    .richcmp = str_richcmp,
    .binop = str_binop,
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .iter = str_iter,
    .construct = str_construct,
    .methods = str_methods,
};

void vm_str_init(void)
{
    empty_str = vm_str_intern("", 0);
}
