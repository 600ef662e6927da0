/* cmd/pyvm/bytesmeth.c: the methods bytes and bytearray share.
 *
 * Stage: pyvm.  Everything here is byte-oriented and ASCII-only, as
 * CPython's bytes methods: whitespace is b' \t\n\r\x0b\x0c', the case
 * mappings and predicates know only A-Z and a-z, splitlines() breaks at
 * \n, \r and \r\n.  Arguments may be bytes or bytearray (find and count
 * also take a byte value as an int); results have self's type.
 */
#include "cmd/pyvm/bytesmeth.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/codecs.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/memoryview.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/txtargs.h"

/* The type name for messages. */
static const char *tn(Obj *self)
{
    return BYTEARRAY_CHECK(self) ? "bytearray" : "bytes";
}

/* A result of self's type. */
static Obj *mk(Obj *self, const char *p, size_t n)
{
    if (BYTEARRAY_CHECK(self))
        return vm_bytearray_new(p, n);
    return vm_bytes_new(p, n);
}

/* self unchanged: bytes itself (immutable), a copy for a bytearray. */
static Obj *same(Obj *self)
{
    if (TYPE(self) == &vm_bytes_type)
        return vm_newref(self);
    const char *p;
    size_t n;
    vm_bytes_buffer(self, &p, &n);
    return mk(self, p, n);
}

/* The result made from b; a MemoryError when b (BUF_INIT_SOFT) could not
 * grow. */
static Obj *mk_buf(Obj *self, Buf *b)
{
    if (b->oom) {
        buf_free(b);
        return vm_err_nomem();
    }
    Obj *r = mk(self, b->data ? b->data : "", b->len);
    buf_free(b);
    return r;
}

static bool bspace(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool blower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool bupper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool bdigit(unsigned char c) { return c >= '0' && c <= '9'; }

/* A bytes-like argument; TypeError naming its type otherwise. */
static int need_buf(Obj *o, const char **p, size_t *n)
{
    if (vm_bytes_buffer(o, p, n))
        return 0;
    return vm_bytes_buffer_error(o, "a bytes-like object is required, not '%s'");
}

/* The sub argument of find/count/index: bytes-like or a byte value. */
static int sub_arg(Obj *o, const char **p, size_t *n, char *byte)
{
    if (vm_bytes_buffer(o, p, n))
        return 0;
    if (INT_CHECK(o) || (TYPE(o)->flags & TF_HEAP)) {
        int64_t v;
        Obj *i = vm_number_index(o);
        if (!i) {
            vm_err_clear();
        } else {
            int rc = vm_int_as_i64(i, &v);
            DECREF(i);
            if (rc < 0 || v < 0 || v > 255) {
                vm_err_clear();
                vm_err_str(&vm_exc_ValueError, "byte must be in range(0, 256)");
                return -1;
            }
            *byte = (char)v;
            *p = byte;
            *n = 1;
            return 0;
        }
    }
    return vm_bytes_buffer_error(o, "argument should be integer or bytes-like object, not "
                                 "'%s'");
}

static const char *find_mem(const char *h, size_t hn, const char *nd, size_t nn)
{
    if (nn == 0)
        return h;
    if (nn > hn)
        return NULL;
    for (size_t i = 0; i + nn <= hn; i++) {
        const char *q = memchr(h + i, nd[0], hn - nn + 1 - i);
        if (!q)
            return NULL;
        i = (size_t)(q - h);
        if (memcmp(q, nd, nn) == 0)
            return q;
    }
    return NULL;
}

static const char *rfind_mem(const char *h, size_t hn, const char *nd, size_t nn)
{
    if (nn > hn)
        return NULL;
    for (size_t i = hn - nn + 1; i-- > 0;)
        if (memcmp(h + i, nd, nn) == 0)
            return h + i;
    return NULL;
}

/* The [start, end) range of optional start/end arguments; false when empty
 * because start > end (after clipping). */
static int range_of(Obj *so, Obj *eo, size_t len, size_t *a, size_t *b, bool *ok)
{
    int64_t start = 0, end = (int64_t)len;
    if (vm_txt_slice_index(so, &start) < 0 || vm_txt_slice_index(eo, &end) < 0)
        return -1;
    if (start < 0 && (start += (int64_t)len) < 0)
        start = 0;
    if (end < 0 && (end += (int64_t)len) < 0)
        end = 0;
    if (end > (int64_t)len)
        end = (int64_t)len;
    *ok = start <= end;
    *a = *ok ? (size_t)start : 0;
    *b = *ok ? (size_t)end : 0;
    return 0;
}

static Obj *find_common(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                        const char *name, bool right, bool raise)
{
    Obj *a[3];
    if (vm_txt_args(tn(self), name, TA_OLD, args, nargs, kwnames, 1, 3, NULL, a) < 0)
        return NULL;
    const char *s, *sub;
    size_t n, sn, ra, rb;
    char byte;
    bool ok;
    vm_bytes_buffer(self, &s, &n);
    if (sub_arg(a[0], &sub, &sn, &byte) < 0 || range_of(a[1], a[2], n, &ra, &rb, &ok) < 0)
        return NULL;
    const char *hit = ok ? (right ? rfind_mem : find_mem)(s + ra, rb - ra, sub, sn) : NULL;
    if (!hit) {
        if (raise)
            return vm_err_str(&vm_exc_ValueError, "subsection not found");
        return vm_int_from_i64(-1);
    }
    return vm_int_from_i64(hit - s);
}

Obj *vm_bm_find(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return find_common(self, args, nargs, kwnames, "find", false, false);
}

Obj *vm_bm_rfind(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return find_common(self, args, nargs, kwnames, "rfind", true, false);
}

Obj *vm_bm_index(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return find_common(self, args, nargs, kwnames, "index", false, true);
}

Obj *vm_bm_rindex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return find_common(self, args, nargs, kwnames, "rindex", true, true);
}

Obj *vm_bm_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[3];
    if (vm_txt_args(tn(self), "count", TA_OLD, args, nargs, kwnames, 1, 3, NULL, a) < 0)
        return NULL;
    const char *s, *sub;
    size_t n, sn, ra, rb;
    char byte;
    bool ok;
    vm_bytes_buffer(self, &s, &n);
    if (sub_arg(a[0], &sub, &sn, &byte) < 0 || range_of(a[1], a[2], n, &ra, &rb, &ok) < 0)
        return NULL;
    if (!ok)
        return vm_int_from_i64(0);
    if (sn == 0)
        return vm_int_from_i64((int64_t)(rb - ra) + 1);
    int64_t c = 0;
    const char *p = s + ra, *end = s + rb;
    while ((p = find_mem(p, (size_t)(end - p), sub, sn)) != NULL) {
        c++;
        p += sn;
    }
    return vm_int_from_i64(c);
}

static Obj *affix(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, const char *name,
                  bool start)
{
    Obj *a[3];
    if (vm_txt_args(tn(self), name, TA_OLD, args, nargs, kwnames, 1, 3, NULL, a) < 0)
        return NULL;
    const char *s;
    size_t n, ra, rb;
    bool ok;
    vm_bytes_buffer(self, &s, &n);
    if (range_of(a[1], a[2], n, &ra, &rb, &ok) < 0)
        return NULL;
    bool tuple = TUPLE_CHECK(a[0]);
    Obj *const *c = tuple ? TUPLE_ITEMS(a[0]) : &a[0];
    size_t nc = tuple ? (size_t)TUPLE_LEN(a[0]) : 1;
    for (size_t i = 0; i < nc; i++) {
        const char *p;
        size_t pn;
        if (!vm_bytes_buffer(c[i], &p, &pn)) {
            if (TYPE(c[i]) == &vm_memoryview_type) {    /* released or not contiguous */
                vm_bytes_buffer_error(c[i], "%s");
                return NULL;
            }
            if (tuple)
                return vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not "
                                  "'%s'", vm_tname(c[i]));
            return vm_err_fmt(&vm_exc_TypeError, "%s first arg must be bytes or a tuple of "
                              "bytes, not %s", name, vm_tname(c[i]));
        }
        if (ok && pn <= rb - ra && memcmp(s + (start ? ra : rb - pn), p, pn) == 0)
            return VM_BOOL(true);
    }
    return VM_BOOL(false);
}

Obj *vm_bm_startswith(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return affix(self, args, nargs, kwnames, "startswith", true);
}

Obj *vm_bm_endswith(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return affix(self, args, nargs, kwnames, "endswith", false);
}

static const char *const split_kw[] = {"sep", "maxsplit", NULL};

static void add_part(Obj *list, Obj *self, const char *p, size_t n)
{
    Obj *x = mk(self, p, n);
    vm_list_append(list, x);
    DECREF(x);
}

static int split_args(Obj *self, const char *name, Obj *const *args, size_t nargs,
                      Obj *kwnames, const char **sep, size_t *sn, int64_t *maxsplit)
{
    Obj *a[2];
    if (vm_txt_args(tn(self), name, TA_KW, args, nargs, kwnames, 0, 2, split_kw, a) < 0)
        return -1;
    *sep = NULL;
    *maxsplit = -1;
    if (a[0] && a[0] != VM_NONE && need_buf(a[0], sep, sn) < 0)
        return -1;
    if (a[1] && vm_txt_ssize(a[1], maxsplit) < 0)
        return -1;
    if (*sep && *sn == 0) {
        vm_err_str(&vm_exc_ValueError, "empty separator");
        return -1;
    }
    if (*maxsplit < 0)
        *maxsplit = INT64_MAX;
    return 0;
}

Obj *vm_bm_split(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    const char *sep, *s;
    size_t sn, n, i = 0;
    int64_t maxsplit;
    if (split_args(self, "split", args, nargs, kwnames, &sep, &sn, &maxsplit) < 0)
        return NULL;
    vm_bytes_buffer(self, &s, &n);
    Obj *list = vm_list_new(0);
    if (!sep) {
        while (true) {
            while (i < n && bspace((unsigned char)s[i]))
                i++;
            if (i >= n)
                break;
            if (maxsplit-- == 0) {
                add_part(list, self, s + i, n - i);
                break;
            }
            size_t j = i;
            while (j < n && !bspace((unsigned char)s[j]))
                j++;
            add_part(list, self, s + i, j - i);
            i = j;
        }
        return list;
    }
    while (true) {
        const char *hit = maxsplit-- == 0 ? NULL : find_mem(s + i, n - i, sep, sn);
        size_t j = hit ? (size_t)(hit - s) : n;
        add_part(list, self, s + i, j - i);
        if (!hit)
            break;
        i = j + sn;
    }
    return list;
}

Obj *vm_bm_rsplit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    const char *sep, *s;
    size_t sn, n;
    int64_t maxsplit;
    if (split_args(self, "rsplit", args, nargs, kwnames, &sep, &sn, &maxsplit) < 0)
        return NULL;
    vm_bytes_buffer(self, &s, &n);
    Obj *list = vm_list_new(0);
    size_t end = n;
    if (!sep) {
        while (true) {
            while (end > 0 && bspace((unsigned char)s[end - 1]))
                end--;
            if (end == 0)
                break;
            if (maxsplit-- == 0) {
                add_part(list, self, s, end);
                break;
            }
            size_t j = end;
            while (j > 0 && !bspace((unsigned char)s[j - 1]))
                j--;
            add_part(list, self, s + j, end - j);
            end = j;
        }
    } else {
        while (true) {
            const char *hit = maxsplit-- == 0 ? NULL : rfind_mem(s, end, sep, sn);
            if (!hit) {
                add_part(list, self, s, end);
                break;
            }
            size_t j = (size_t)(hit - s);
            add_part(list, self, s + j + sn, end - j - sn);
            end = j;
        }
    }
    ListObj *l = (ListObj *)list;
    for (ssize_t i = 0, k = l->len - 1; i < k; i++, k--) {
        Obj *t = l->items[i];
        l->items[i] = l->items[k];
        l->items[k] = t;
    }
    return list;
}

Obj *vm_bm_splitlines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"keepends", NULL};
    Obj *a[1];
    if (vm_txt_args(tn(self), "splitlines", TA_KW, args, nargs, kwnames, 0, 1, kw, a) < 0)
        return NULL;
    int64_t keep = 0;
    if (a[0] && vm_txt_ssize(a[0], &keep) < 0)
        return NULL;
    const char *s;
    size_t n, i = 0;
    vm_bytes_buffer(self, &s, &n);
    Obj *list = vm_list_new(0);
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r')
            j++;
        size_t eol = j;
        if (j < n)
            j += s[j] == '\r' && j + 1 < n && s[j + 1] == '\n' ? 2 : 1;
        add_part(list, self, s + i, (keep ? j : eol) - i);
        i = j;
    }
    return list;
}

static Obj *strip_common(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                         const char *name, bool left, bool right)
{
    Obj *a[1];
    if (vm_txt_args(tn(self), name, TA_POS, args, nargs, kwnames, 0, 1, NULL, a) < 0)
        return NULL;
    const char *s, *chars = NULL;
    size_t n, cn = 0;
    vm_bytes_buffer(self, &s, &n);
    if (a[0] && a[0] != VM_NONE && need_buf(a[0], &chars, &cn) < 0)
        return NULL;
    size_t i = 0, j = n;
    while (left && i < j && (chars ? memchr(chars, s[i], cn) != NULL
                             : bspace((unsigned char)s[i])))
        i++;
    while (right && j > i && (chars ? memchr(chars, s[j - 1], cn) != NULL
                              : bspace((unsigned char)s[j - 1])))
        j--;
    if (i == 0 && j == n)
        return same(self);
    return mk(self, s + i, j - i);
}

Obj *vm_bm_strip(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return strip_common(self, args, nargs, kwnames, "strip", true, true);
}

Obj *vm_bm_lstrip(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return strip_common(self, args, nargs, kwnames, "lstrip", true, false);
}

Obj *vm_bm_rstrip(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return strip_common(self, args, nargs, kwnames, "rstrip", false, true);
}

Obj *vm_bm_replace(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[3];
    if (vm_txt_args(tn(self), "replace", TA_POS, args, nargs, kwnames, 2, 3, NULL, a) < 0)
        return NULL;
    const char *s, *old, *new;
    size_t n, on, nn;
    vm_bytes_buffer(self, &s, &n);
    if (need_buf(a[0], &old, &on) < 0 || need_buf(a[1], &new, &nn) < 0)
        return NULL;
    int64_t count = -1;
    if (a[2] && vm_txt_ssize(a[2], &count) < 0)
        return NULL;
    Buf b = BUF_INIT_SOFT;
    size_t i = 0;
    while (i <= n && count != 0) {
        if (on == 0) {
            buf_put(&b, new, nn);
            if (i < n)
                buf_putc(&b, s[i]);
            i++;
            count--;
            continue;
        }
        const char *hit = find_mem(s + i, n - i, old, on);
        if (!hit)
            break;
        buf_put(&b, s + i, (size_t)(hit - s) - i);
        buf_put(&b, new, nn);
        i = (size_t)(hit - s) + on;
        count--;
    }
    if (i < n)
        buf_put(&b, s + i, n - i);
    return mk_buf(self, &b);
}

static Obj *pad(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, const char *name,
                char align)
{
    Obj *a[2];
    if (vm_txt_args(tn(self), name, TA_POS, args, nargs, kwnames, 1, 2, NULL, a) < 0)
        return NULL;
    int64_t w;
    if (vm_txt_ssize(a[0], &w) < 0)
        return NULL;
    char fill = ' ';
    if (a[1]) {
        const char *f;
        size_t fn;
        if (!(BYTES_CHECK(a[1]) || BYTEARRAY_CHECK(a[1])) || !vm_bytes_buffer(a[1], &f, &fn)
            || fn != 1)
            return vm_err_fmt(&vm_exc_TypeError, "%s() argument 2 must be a byte string of "
                              "length 1, not %s", name, vm_tname(a[1]));
        fill = f[0];
    }
    const char *s;
    size_t n;
    vm_bytes_buffer(self, &s, &n);
    if (w <= (int64_t)n)
        return same(self);
    if (w > SSIZE_MAX / 2)
        return vm_err_nomem();
    int64_t total = w - (int64_t)n;
    int64_t left = align == '>' ? total : align == '^' ? total / 2 + (total & w & 1) : 0;
    Buf b = BUF_INIT_SOFT;
    if (!buf_try_reserve(&b, (size_t)w))
        return mk_buf(self, &b);    /* MemoryError at once, as CPython */
    for (int64_t i = 0; i < left; i++)
        buf_putc(&b, fill);
    buf_put(&b, s, n);
    for (int64_t i = left; i < total; i++)
        buf_putc(&b, fill);
    return mk_buf(self, &b);
}

Obj *vm_bm_center(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pad(self, args, nargs, kwnames, "center", '^');
}

Obj *vm_bm_ljust(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pad(self, args, nargs, kwnames, "ljust", '<');
}

Obj *vm_bm_rjust(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pad(self, args, nargs, kwnames, "rjust", '>');
}

Obj *vm_bm_zfill(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[1];
    if (vm_txt_args(tn(self), "zfill", TA_ONE, args, nargs, kwnames, 1, 1, NULL, a) < 0)
        return NULL;
    int64_t w;
    if (vm_txt_ssize(a[0], &w) < 0)
        return NULL;
    const char *s;
    size_t n;
    vm_bytes_buffer(self, &s, &n);
    if (w <= (int64_t)n)
        return same(self);
    if (w > SSIZE_MAX / 2)
        return vm_err_nomem();
    Buf b = BUF_INIT_SOFT;
    size_t st = n && (s[0] == '+' || s[0] == '-');
    buf_put(&b, s, st);
    for (int64_t i = (int64_t)n; i < w; i++)
        buf_putc(&b, '0');
    buf_put(&b, s + st, n - st);
    return mk_buf(self, &b);
}

Obj *vm_bm_expandtabs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"tabsize", NULL};
    Obj *a[1];
    if (vm_txt_args(tn(self), "expandtabs", TA_KW, args, nargs, kwnames, 0, 1, kw, a) < 0)
        return NULL;
    int64_t ts = 8;
    if (a[0] && vm_txt_ssize(a[0], &ts) < 0)
        return NULL;
    if (ts > INT_MAX || ts < INT_MIN)   /* tabsize is a C int in CPython */
        return vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C int");
    const char *s;
    size_t n;
    vm_bytes_buffer(self, &s, &n);
    Buf b = BUF_INIT_SOFT;
    int64_t col = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\t') {
            if (ts > 0) {
                int64_t k = ts - col % ts;
                if (k > SSIZE_MAX / 4 - (int64_t)b.len) {
                    buf_free(&b);
                    return vm_err_str(&vm_exc_OverflowError, "result too long");
                }
                for (int64_t j = 0; j < k && !b.oom; j++)
                    buf_putc(&b, ' ');
                col += k;
            }
        } else {
            buf_putc(&b, s[i]);
            col = s[i] == '\n' || s[i] == '\r' ? 0 : col + 1;
        }
    }
    return mk_buf(self, &b);
}

static Obj *partition(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, bool right)
{
    Obj *a[1];
    if (vm_txt_args(tn(self), right ? "rpartition" : "partition", TA_ONE, args, nargs,
                    kwnames, 1, 1, NULL, a) < 0)
        return NULL;
    const char *s, *sep;
    size_t n, sn;
    vm_bytes_buffer(self, &s, &n);
    if (need_buf(a[0], &sep, &sn) < 0)
        return NULL;
    if (sn == 0)
        return vm_err_str(&vm_exc_ValueError, "empty separator");
    const char *hit = (right ? rfind_mem : find_mem)(s, n, sep, sn);
    Obj *t = vm_tuple_new(3);
    if (!hit) {
        TUPLE_ITEMS(t)[right ? 2 : 0] = same(self);
        TUPLE_ITEMS(t)[1] = mk(self, "", 0);
        TUPLE_ITEMS(t)[right ? 0 : 2] = mk(self, "", 0);
        return t;
    }
    TUPLE_ITEMS(t)[0] = mk(self, s, (size_t)(hit - s));
    /* bytes gives back the separator object itself (a bytearray or a
     * memoryview too), as CPython */
    TUPLE_ITEMS(t)[1] = TYPE(self) == &vm_bytes_type ? vm_newref(a[0]) : mk(self, sep, sn);
    TUPLE_ITEMS(t)[2] = mk(self, hit + sn, n - (size_t)(hit - s) - sn);
    return t;
}

Obj *vm_bm_partition(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return partition(self, args, nargs, kwnames, false);
}

Obj *vm_bm_rpartition(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return partition(self, args, nargs, kwnames, true);
}

static Obj *remove_affix(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                         bool prefix)
{
    Obj *a[1];
    if (vm_txt_args(tn(self), prefix ? "removeprefix" : "removesuffix", TA_ONE, args, nargs,
                    kwnames, 1, 1, NULL, a) < 0)
        return NULL;
    const char *s, *p;
    size_t n, pn;
    vm_bytes_buffer(self, &s, &n);
    if (need_buf(a[0], &p, &pn) < 0)
        return NULL;
    if (pn && pn <= n && memcmp(prefix ? s : s + n - pn, p, pn) == 0)
        return mk(self, prefix ? s + pn : s, n - pn);
    return same(self);
}

Obj *vm_bm_removeprefix(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return remove_affix(self, args, nargs, kwnames, true);
}

Obj *vm_bm_removesuffix(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return remove_affix(self, args, nargs, kwnames, false);
}

Obj *vm_bm_join(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[1];
    if (vm_txt_args(tn(self), "join", TA_ONE, args, nargs, kwnames, 1, 1, NULL, a) < 0)
        return NULL;
    Obj *l = vm_list_from_iter(a[0]);
    if (!l) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_str(&vm_exc_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    const char *s;
    size_t n;
    vm_bytes_buffer(self, &s, &n);
    Buf b = BUF_INIT_SOFT;
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
            buf_put(&b, s, n);
        buf_put(&b, xp, xn);
    }
    DECREF(l);
    return mk_buf(self, &b);
}

/* ---- ASCII case mappings and predicates ---- */

/* mode: 'u' upper, 'l' lower, 's' swapcase, 't' title, 'c' capitalize. */
static Obj *casemap(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                    const char *name, char mode)
{
    if (vm_txt_args(tn(self), name, TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    const char *s;
    size_t n;
    vm_bytes_buffer(self, &s, &n);
    Buf b = BUF_INIT_SOFT;
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool up = bupper(c), lo = blower(c);
        bool to_up = mode == 'u' ? lo : mode == 's' ? lo : mode == 't' ? lo && !prev_cased
            : mode == 'c' ? lo && i == 0 : false;
        bool to_lo = mode == 'l' ? up : mode == 's' ? up : mode == 't' ? up && prev_cased
            : mode == 'c' ? up && i > 0 : false;
        buf_putc(&b, to_up || to_lo ? c ^ 0x20 : c);
        prev_cased = up || lo;
    }
    return mk_buf(self, &b);
}

#define BM_CASE(NAME, MODE)                                                        \
    Obj *vm_bm_##NAME(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)     \
    {                                                                              \
        return casemap(self, args, nargs, kwnames, #NAME, MODE);                   \
    }
BM_CASE(upper, 'u')
BM_CASE(lower, 'l')
BM_CASE(swapcase, 's')
BM_CASE(title, 't')
BM_CASE(capitalize, 'c')
#undef BM_CASE

/* which: 'a' alpha, 'n' alnum, 'd' digit, 's' space, 'A' ascii, 'u' upper,
 * 'l' lower, 't' title. */
static Obj *pred(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, const char *name,
                 char which)
{
    if (vm_txt_args(tn(self), name, TA_NOARGS, args, nargs, kwnames, 0, 0, NULL, NULL) < 0)
        return NULL;
    const char *s;
    size_t n;
    vm_bytes_buffer(self, &s, &n);
    bool any_up = false, any_lo = false, prev_cased = false, title_ok = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool up = bupper(c), lo = blower(c);
        any_up |= up;
        any_lo |= lo;
        if (which == 't') {
            if ((up && prev_cased) || (lo && !prev_cased))
                title_ok = false;
            prev_cased = up || lo;
            continue;
        }
        bool ok = which == 'a' ? up || lo : which == 'n' ? up || lo || bdigit(c)
            : which == 'd' ? bdigit(c) : which == 's' ? bspace(c) : which == 'A' ? c < 0x80
            : true;
        if (!ok)
            return VM_BOOL(false);
    }
    switch (which) {
    case 'u':
        return VM_BOOL(any_up && !any_lo);
    case 'l':
        return VM_BOOL(any_lo && !any_up);
    case 't':
        return VM_BOOL(title_ok && (any_up || any_lo));
    case 'A':
        return VM_BOOL(true);
    default:
        return VM_BOOL(n > 0);
    }
}

#define BM_PRED(NAME, WHICH)                                                       \
    Obj *vm_bm_##NAME(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)     \
    {                                                                              \
        return pred(self, args, nargs, kwnames, #NAME, WHICH);                     \
    }
BM_PRED(isalpha, 'a')
BM_PRED(isalnum, 'n')
BM_PRED(isdigit, 'd')
BM_PRED(isspace, 's')
BM_PRED(isascii, 'A')
BM_PRED(isupper, 'u')
BM_PRED(islower, 'l')
BM_PRED(istitle, 't')
#undef BM_PRED

/* ---- hex, decode, translate ---- */

Obj *vm_bm_hex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"sep", "bytes_per_sep", NULL};
    Obj *a[2];
    if (vm_txt_args(tn(self), "hex", TA_KW, args, nargs, kwnames, 0, 2, kw, a) < 0)
        return NULL;
    const char *s;
    size_t n;
    vm_bytes_buffer(self, &s, &n);
    char sep = 0;
    int64_t per = 1;
    if (a[0]) {
        const char *p;
        size_t pn;
        uint32_t cp = 0;
        if (STR_CHECK(a[0])) {
            p = STR_DATA(a[0]);
            pn = (size_t)((StrObj *)a[0])->ulen;
            if (pn == 1 && (unsigned char)p[0] >= 0x80)
                cp = 0x80;
        } else if (!vm_bytes_buffer(a[0], &p, &pn)) {
            return vm_err_fmt(&vm_exc_TypeError, "object of type '%s' has no len()",
                              vm_tname(a[0]));
        }
        if (pn != 1)
            return vm_err_str(&vm_exc_ValueError, "sep must be length 1.");
        if (cp || (unsigned char)p[0] >= 0x80)
            return vm_err_str(&vm_exc_ValueError, "sep must be ASCII.");
        sep = p[0];
    }
    if (a[1] && vm_txt_ssize(a[1], &per) < 0)
        return NULL;
    Buf b = BUF_INIT;
    int64_t g = per < 0 ? -per : per;
    for (size_t i = 0; i < n; i++) {
        if (sep && i > 0 && g > 0) {
            /* groups of g bytes counted from the right (per > 0) or the left */
            size_t from = per > 0 ? n - i : i;
            if (from % (size_t)g == 0)
                buf_putc(&b, sep);
        }
        buf_printf(&b, "%02x", (unsigned char)s[i]);
    }
    Obj *r = vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

Obj *vm_bm_decode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *enc, *errors;
    if (vm_codec_args("decode", args, nargs, kwnames, &enc, &errors) < 0)
        return NULL;
    const char *s;
    size_t n;
    vm_bytes_buffer(self, &s, &n);
    return vm_codec_decode(s, n, enc, errors);
}

Obj *vm_bm_translate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"", "delete", NULL};
    Obj *a[2];
    if (vm_txt_args(tn(self), "translate", TA_KW, args, nargs, kwnames, 1, 2, kw, a) < 0)
        return NULL;
    const char *table = NULL, *del = "", *s;
    size_t tn_, dn = 0, n;
    if (a[0] != VM_NONE) {
        if (need_buf(a[0], &table, &tn_) < 0)
            return NULL;
        if (tn_ != 256)
            return vm_err_str(&vm_exc_ValueError,
                              "translation table must be 256 characters long");
    }
    if (a[1] && need_buf(a[1], &del, &dn) < 0)
        return NULL;
    vm_bytes_buffer(self, &s, &n);
    Buf b = BUF_INIT_SOFT;
    for (size_t i = 0; i < n; i++) {
        if (dn && memchr(del, s[i], dn))
            continue;
        buf_putc(&b, table ? table[(unsigned char)s[i]] : s[i]);
    }
    return mk_buf(self, &b);
}

static Obj *maketrans(const char *tname, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[2];
    if (vm_txt_args(tname, "maketrans", TA_POS, args, nargs, kwnames, 2, 2, NULL, a) < 0)
        return NULL;
    const char *f, *t;
    size_t fn, tn_;
    if (need_buf(a[0], &f, &fn) < 0 || need_buf(a[1], &t, &tn_) < 0)
        return NULL;
    if (fn != tn_)
        return vm_err_str(&vm_exc_ValueError, "maketrans arguments must have same length");
    char table[256];
    for (int i = 0; i < 256; i++)
        table[i] = (char)i;
    for (size_t i = 0; i < fn; i++)
        table[(unsigned char)f[i]] = t[i];
    return vm_bytes_new(table, 256);
}

Obj *vm_bytes_maketrans(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    return maketrans("bytes", args, nargs, kwnames);
}

Obj *vm_bytearray_maketrans(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    return maketrans("bytearray", args, nargs, kwnames);
}

Obj *vm_bytearray_fromhex(Obj *cls, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_txt_args("bytearray", "fromhex", TA_ONE, args + 1, nargs - 1, kwnames, 1, 1, NULL,
                    NULL) < 0)
        return NULL;
    Obj *b = vm_bytes_fromhex(cls, args, nargs, kwnames);
    if (!b)
        return NULL;
    const char *p;
    size_t n;
    vm_bytes_buffer(b, &p, &n);
    Obj *r = vm_bytearray_new(p, n);
    DECREF(b);
    return r;
}
