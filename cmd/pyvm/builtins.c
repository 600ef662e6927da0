/* cmd/pyvm/builtins.c: the builtin functions and the builtins namespace.
 *
 * Stage: pyvm.  Each function follows CPython 3.11's signature and error
 * messages; print() writes to the VM's buffered stdout.
 */
#include "cmd/pyvm/builtins.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/complex.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/format.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/gen.h"
#include "cmd/pyvm/import_exec.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/memoryview.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/range.h"
#include "cmd/pyvm/set.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/union.h"
#include "cmd/pyvm/genericalias.h"

/* Split kwnames: the value of keyword name (borrowed) or NULL; -1 on an
 * unknown keyword (TypeError). */
static int kwargs(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                  const char *const *allowed, Obj **values)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    size_t npos = nargs - nkw;
    for (int i = 0; allowed[i]; i++)
        values[i] = NULL;
    for (size_t k = 0; k < nkw; k++) {
        Obj *name = TUPLE_ITEMS(kwnames)[k];
        int i;
        for (i = 0; allowed[i]; i++)
            if (vm_str_eqc(name, allowed[i]))
                break;
        if (!allowed[i]) {
            vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                       STR_DATA(name), fname);
            return -1;
        }
        values[i] = args[npos + k];
    }
    return (int)npos;
}

static Obj *bi_print(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"sep", "end", "file", "flush", NULL};
    Obj *v[4];
    int npos = kwargs("print", args, nargs, kwnames, kw, v);
    if (npos < 0)
        return NULL;
    const char *sep = " ", *end = "\n";
    size_t seplen = 1, endlen = 1;
    if (v[0] && v[0] != VM_NONE) {
        if (!STR_CHECK(v[0]))
            return vm_err_fmt(&vm_exc_TypeError, "sep must be None or a string, not %s",
                              vm_tname(v[0]));
        sep = STR_DATA(v[0]);
        seplen = (size_t)STR_LEN(v[0]);
    }
    if (v[1] && v[1] != VM_NONE) {
        if (!STR_CHECK(v[1]))
            return vm_err_fmt(&vm_exc_TypeError, "end must be None or a string, not %s",
                              vm_tname(v[1]));
        end = STR_DATA(v[1]);
        endlen = (size_t)STR_LEN(v[1]);
    }
    Obj *cur = vm_sys_attr("stdout");      /* sys.stdout as the program set it */
    Obj *file = v[2] && v[2] != VM_NONE ? v[2] : cur && cur != VM_NONE ? cur : vm_sys_stdout;
    if (file == vm_sys_stdout) {
        for (int i = 0; i < npos; i++) {
            Obj *s = vm_str(args[i]);
            if (!s)
                return NULL;
            if (i)
                fwrite(sep, 1, seplen, stdout);
            fwrite(STR_DATA(s), 1, (size_t)STR_LEN(s), stdout);
            DECREF(s);
        }
        fwrite(end, 1, endlen, stdout);
    } else if (file == vm_sys_stderr) {
        void (*wr)(const char *, size_t) = vm_write_stderr;
        Buf line = BUF_INIT;
        for (int i = 0; i < npos; i++) {
            Obj *s = vm_str(args[i]);
            if (!s) {
                buf_free(&line);
                return NULL;
            }
            if (i)
                buf_put(&line, sep, seplen);
            buf_put(&line, STR_DATA(s), (size_t)STR_LEN(s));
            DECREF(s);
        }
        buf_put(&line, end, endlen);
        wr(line.data, line.len);
        buf_free(&line);
    } else {
        Obj *w = vm_getattr(file, vm_str_intern("write", 5));
        if (!w)
            return NULL;
        for (int i = 0; i <= npos; i++) {
            Obj *s = i < npos ? vm_str(args[i]) : vm_str_new(end, endlen);
            if (!s) {
                DECREF(w);
                return NULL;
            }
            if (i && i < npos) {
                Obj *sp = vm_str_new(sep, seplen);
                Obj *r = vm_call(w, &sp, 1, NULL);
                DECREF(sp);
                if (!r) {
                    DECREF(s);
                    DECREF(w);
                    return NULL;
                }
                DECREF(r);
            }
            Obj *r = vm_call(w, &s, 1, NULL);
            DECREF(s);
            if (!r) {
                DECREF(w);
                return NULL;
            }
            DECREF(r);
        }
        DECREF(w);
    }
    if (v[3]) {
        int t = vm_truth(v[3]);
        if (t < 0)
            return NULL;
        if (t)
            fflush(file == vm_sys_stderr ? stderr : stdout);
    }
    return vm_newref(VM_NONE);
}

static Obj *bi_len(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("len", kwnames) < 0 || vm_argc("len", nargs, 1, 1) < 0)
        return NULL;
    ssize_t n = vm_len(args[0]);
    return n < 0 ? NULL : vm_int_from_i64(n);
}

static Obj *bi_repr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("repr", kwnames) < 0 || vm_argc("repr", nargs, 1, 1) < 0)
        return NULL;
    return vm_repr(args[0]);
}

static Obj *bi_ascii(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("ascii", kwnames) < 0 || vm_argc("ascii", nargs, 1, 1) < 0)
        return NULL;
    return vm_ascii(args[0]);
}

static Obj *bi_format(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("format", kwnames) < 0 || vm_argc("format", nargs, 1, 2) < 0)
        return NULL;
    if (nargs > 1 && !STR_CHECK(args[1]))
        return vm_err_fmt(&vm_exc_TypeError, "format() argument 2 must be str, not %s",
                          vm_tname(args[1]));
    return vm_format(args[0], nargs > 1 ? args[1] : NULL);
}

static Obj *bi_abs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("abs", kwnames) < 0 || vm_argc("abs", nargs, 1, 1) < 0)
        return NULL;
    Obj *x = args[0];
    if (FLOAT_CHECK(x))
        return vm_float_new(fabs(FLOAT_VAL(x)));
    if (COMPLEX_CHECK(x)) {
        ComplexObj *c = (ComplexObj *)x;
        double h = hypot(c->re, c->im);
        if (isinf(h) && isfinite(c->re) && isfinite(c->im))
            return vm_err_str(&vm_exc_OverflowError, "absolute value too large");
        return vm_float_new(h);
    }
    if (INT_CHECK(x)) {
        Obj *zero = vm_int_from_i64(0);
        bool neg = vm_int_cmp(x, zero) < 0;
        DECREF(zero);
        return vm_unary(x, neg ? UN_NEG : UN_POS);
    }
    bool found;
    Obj *r = vm_call_special(x, "__abs__", NULL, 0, &found);
    if (found)
        return r;
    return vm_err_fmt(&vm_exc_TypeError, "bad operand type for abs(): '%s'", vm_tname(x));
}

static Obj *minmax(Obj *const *args, size_t nargs, Obj *kwnames, bool is_max)
{
    static const char *const kw[] = {"key", "default", NULL};
    const char *name = is_max ? "max" : "min";
    Obj *v[2];
    int npos = kwargs(name, args, nargs, kwnames, kw, v);
    if (npos < 0)
        return NULL;
    Obj *key = v[0] && v[0] != VM_NONE ? v[0] : NULL;
    if (npos == 0)
        return vm_err_fmt(&vm_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    Obj *seq;
    if (npos == 1) {
        seq = vm_list_from_iter(args[0]);
        if (!seq)
            return NULL;
    } else {
        if (v[1])
            return vm_err_fmt(&vm_exc_TypeError, "Cannot specify a default for %s() with "
                              "multiple positional arguments", name);
        seq = vm_list_new(0);
        for (int i = 0; i < npos; i++)
            vm_list_append(seq, args[i]);
    }
    if (LIST_LEN(seq) == 0) {
        DECREF(seq);
        if (v[1])
            return vm_newref(v[1]);
        return vm_err_fmt(&vm_exc_ValueError, "%s() arg is an empty sequence", name);
    }
    Obj *best = NULL, *bestkey = NULL;
    for (ssize_t i = 0; i < LIST_LEN(seq); i++) {
        Obj *item = LIST_ITEMS(seq)[i];
        Obj *k = key ? vm_call(key, &item, 1, NULL) : vm_newref(item);
        if (!k)
            goto fail;
        if (!best) {
            best = item;
            bestkey = k;
            continue;
        }
        Obj *c = vm_richcmp(k, bestkey, is_max ? CMP_GT : CMP_LT);
        if (!c) {
            DECREF(k);
            goto fail;
        }
        int t = vm_truth(c);
        DECREF(c);
        if (t < 0) {
            DECREF(k);
            goto fail;
        }
        if (t) {
            best = item;
            DECREF(bestkey);
            bestkey = k;
        } else {
            DECREF(k);
        }
    }
    INCREF(best);
    DECREF(bestkey);
    DECREF(seq);
    return best;
fail:
    XDECREF(bestkey);
    DECREF(seq);
    return NULL;
}

static Obj *bi_min(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return minmax(args, nargs, kwnames, false);
}

static Obj *bi_max(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return minmax(args, nargs, kwnames, true);
}

static Obj *bi_sum(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"start", NULL};
    Obj *v[1];
    int npos = kwargs("sum", args, nargs, kwnames, kw, v);
    if (npos < 0)
        return NULL;
    if (npos < 1 || npos > 2)
        return vm_err_fmt(&vm_exc_TypeError, "sum() takes at most 2 arguments (%d given)", npos);
    Obj *acc = npos == 2 ? args[1] : v[0] ? v[0] : NULL;
    if (acc && STR_CHECK(acc))
        return vm_err_str(&vm_exc_TypeError,
                          "sum() can't sum strings [use ''.join(seq) instead]");
    if (acc && BYTES_CHECK(acc))
        return vm_err_str(&vm_exc_TypeError,
                          "sum() can't sum bytes [use b''.join(seq) instead]");
    if (acc && BYTEARRAY_CHECK(acc))
        return vm_err_str(&vm_exc_TypeError,
                          "sum() can't sum bytearray [use b''.join(seq) instead]");
    acc = acc ? vm_newref(acc) : vm_int_from_i64(0);
    Obj *it = vm_iter(args[0]);
    if (!it) {
        DECREF(acc);
        return NULL;
    }
    Obj *x;
    while ((x = vm_next(it)) != NULL) {
        Obj *r;
        int64_t z;
        if (TYPE(acc) == &vm_int_type && TYPE(x) == &vm_int_type && INT_IS_SMALL(acc)
            && INT_IS_SMALL(x) && !__builtin_add_overflow(INT_SMALL(acc), INT_SMALL(x), &z))
            r = vm_int_from_i64(z);     /* perf: the common case without vm_binop */
        else if (TYPE(acc) == &vm_float_type && TYPE(x) == &vm_float_type)
            r = vm_float_new(FLOAT_VAL(acc) + FLOAT_VAL(x));
        else
            r = vm_binop(acc, x, NB_ADD);
        DECREF(x);
        DECREF(acc);
        if (!r) {
            DECREF(it);
            return NULL;
        }
        acc = r;
    }
    DECREF(it);
    if (vm_err_occurred()) {
        DECREF(acc);
        return NULL;
    }
    return acc;
}

/* cls's metaclass hook (__instancecheck__/__subclasscheck__) applied to x:
 * 1/0, -1 on error, 2 when the metaclass defines none. */
static int meta_check(Obj *cls, const char *hook, Obj *x)
{
    if (!(TYPE(cls)->flags & TF_HEAP))
        return 2;
    bool found;
    Obj *r = vm_call_special(cls, hook, &x, 1, &found);
    if (!found)
        return 2;
    if (!r)
        return -1;
    int t = vm_truth(r);
    DECREF(r);
    return t;
}

static int issubclass_of(Obj *sub, Obj *cls);

/* isinstance/issubclass with a union (int | str): any of its __args__;
 * a parameterized generic (list[int]) is a TypeError, as CPython. */
static int union_check(Obj *x, Obj *cls, int (*check)(Obj *, Obj *), const char *fname)
{
    if (TYPE(cls) == &vm_generic_alias_type) {
        vm_err_fmt(&vm_exc_TypeError, "%s() argument 2 cannot be a parameterized generic",
                   fname);
        return -1;
    }
    Obj *args = vm_getattr(cls, vm_str_intern("__args__", 8));
    if (!args)
        return -1;
    int r = 0;
    for (ssize_t i = 0; TUPLE_CHECK(args) && i < TUPLE_LEN(args) && r == 0; i++) {
        Obj *a = TUPLE_ITEMS(args)[i];
        if (TYPE(a) == &vm_generic_alias_type) {
            vm_err_fmt(&vm_exc_TypeError, "%s() argument 2 cannot be a parameterized generic",
                       fname);
            r = -1;
        } else {
            r = check(x, a);
        }
    }
    DECREF(args);
    return r;
}

static int isinstance_of(Obj *x, Obj *cls)
{
    if ((Obj *)TYPE(x) == cls)
        return 1;
    int m = meta_check(cls, "__instancecheck__", x);
    if (m != 2)
        return m;
    if (TUPLE_CHECK(cls)) {
        for (ssize_t i = 0; i < TUPLE_LEN(cls); i++) {
            int r = isinstance_of(x, TUPLE_ITEMS(cls)[i]);
            if (r)
                return r;
        }
        return 0;
    }
    if (TYPE(cls) == &vm_union_type || TYPE(cls) == &vm_generic_alias_type)
        return union_check(x, cls, isinstance_of, "isinstance");
    if (!HAS_FLAG(cls, TF_TYPE)) {
        vm_err_str(&vm_exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, "
                   "or a union");
        return -1;
    }
    return vm_is_subtype(TYPE(x), (Type *)cls);
}

static Obj *bi_isinstance(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("isinstance", kwnames) < 0 || vm_argc("isinstance", nargs, 2, 2) < 0)
        return NULL;
    int r = isinstance_of(args[0], args[1]);
    return r < 0 ? NULL : VM_BOOL(r);
}

static int issubclass_of(Obj *sub, Obj *cls)
{
    int m = meta_check(cls, "__subclasscheck__", sub);
    if (m != 2)
        return m;
    if (TUPLE_CHECK(cls)) {
        for (ssize_t i = 0; i < TUPLE_LEN(cls); i++) {
            int r = issubclass_of(sub, TUPLE_ITEMS(cls)[i]);
            if (r)
                return r;
        }
        return 0;
    }
    if (!HAS_FLAG(sub, TF_TYPE)) {
        vm_err_str(&vm_exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (TYPE(cls) == &vm_union_type || TYPE(cls) == &vm_generic_alias_type)
        return union_check(sub, cls, issubclass_of, "issubclass");
    if (!HAS_FLAG(cls, TF_TYPE)) {
        vm_err_str(&vm_exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, "
                   "or a union");
        return -1;
    }
    return vm_is_subtype((Type *)sub, (Type *)cls);
}

static Obj *bi_issubclass(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("issubclass", kwnames) < 0 || vm_argc("issubclass", nargs, 2, 2) < 0)
        return NULL;
    int r = issubclass_of(args[0], args[1]);
    return r < 0 ? NULL : VM_BOOL(r);
}

typedef struct CallIter {
    Obj ob;
    Obj *func;              /* NULL when exhausted */
    Obj *sentinel;
} CallIter;

static void calliter_dealloc(Obj *o)
{
    CallIter *c = (CallIter *)o;
    XDECREF(c->func);
    DECREF(c->sentinel);
    vm_obj_free(o);
}

static Obj *calliter_next(Obj *o)
{
    CallIter *c = (CallIter *)o;
    if (!c->func)
        return NULL;
    Obj *v = vm_call(c->func, NULL, 0, NULL);
    if (!v) {
        if (vm_err_matches(&vm_exc_StopIteration)) {
            vm_err_clear();
            CLEAR(c->func);
        }
        return NULL;
    }
    int eq = vm_eq(v, c->sentinel);
    if (eq != 0) {
        DECREF(v);
        if (eq > 0)
            CLEAR(c->func);
        return NULL;
    }
    return v;
}

static Obj *self_iter2(Obj *o) { return vm_newref(o); }

static Type calliter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type), .name = "callable_iterator", .base = &vm_object_type,
    .basicsize = sizeof(CallIter), .dealloc = calliter_dealloc, .iter = self_iter2,
    .iternext = calliter_next,
};

static Obj *bi_iter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("iter", kwnames) < 0 || vm_argc("iter", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 2) {
        if (!TYPE(args[0])->call)
            return vm_err_str(&vm_exc_TypeError, "iter(v, w): v must be callable");
        CallIter *c = vm_alloc(&calliter_type, 0);
        c->func = vm_newref(args[0]);
        c->sentinel = vm_newref(args[1]);
        return (Obj *)c;
    }
    return vm_iter(args[0]);
}

static Obj *bi_next(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("next", kwnames) < 0 || vm_argc("next", nargs, 1, 2) < 0)
        return NULL;
    if (!TYPE(args[0])->iternext)
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not an iterator",
                          vm_tname(args[0]));
    if (TYPE(args[0]) == &vm_gen_type) {
        /* a generator's return value becomes StopIteration(value) */
        Obj *r;
        int st = vm_gen_send_any(args[0], VM_NONE, &r);
        if (st == 1)
            return r;
        if (st < 0)
            return NULL;
        if (nargs > 1) {
            DECREF(r);
            return vm_newref(args[1]);
        }
        if (r == VM_NONE)
            vm_err_set((Obj *)&vm_exc_StopIteration);
        else
            vm_err_obj(&vm_exc_StopIteration, r);
        DECREF(r);
        return NULL;
    }
    Obj *r = vm_next(args[0]);
    if (r || vm_err_occurred())
        return r;
    if (nargs > 1)
        return vm_newref(args[1]);
    return vm_err_set((Obj *)&vm_exc_StopIteration);
}

static Obj *bi_sorted(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"key", "reverse", NULL};
    Obj *v[2];
    int npos = kwargs("sort", args, nargs, kwnames, kw, v);
    if (npos < 0)
        return NULL;
    if (npos != 1)
        return vm_err_fmt(&vm_exc_TypeError, "sorted expected 1 argument, got %d", npos);
    Obj *l = vm_list_from_iter(args[0]);
    if (!l)
        return NULL;
    int rev = 0;
    if (v[1] && (rev = vm_truth(v[1])) < 0) {
        DECREF(l);
        return NULL;
    }
    if (vm_list_sort(l, v[0] && v[0] != VM_NONE ? v[0] : NULL, rev) < 0) {
        DECREF(l);
        return NULL;
    }
    return l;
}

static Obj *any_all(Obj *const *args, size_t nargs, Obj *kwnames, bool any)
{
    const char *name = any ? "any" : "all";
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, 1, 1) < 0)
        return NULL;
    Obj *it = vm_iter(args[0]);
    if (!it)
        return NULL;
    Obj *x;
    while ((x = vm_next(it)) != NULL) {
        int t = vm_truth(x);
        DECREF(x);
        if (t < 0) {
            DECREF(it);
            return NULL;
        }
        if (t == any) {
            DECREF(it);
            return VM_BOOL(any);
        }
    }
    DECREF(it);
    if (vm_err_occurred())
        return NULL;
    return VM_BOOL(!any);
}

static Obj *bi_any(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return any_all(args, nargs, kwnames, true);
}

static Obj *bi_all(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return any_all(args, nargs, kwnames, false);
}

static Obj *bi_chr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("chr", kwnames) < 0 || vm_argc("chr", nargs, 1, 1) < 0)
        return NULL;
    Obj *ci = vm_number_index(args[0]);
    if (!ci)
        return NULL;
    int64_t c;
    int crc = vm_int_as_i64(ci, &c);
    DECREF(ci);
    if (crc < 0 || c < INT32_MIN || c > INT32_MAX) {
        vm_err_clear();
        return vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C int");
    }
    if (c < 0 || c > 0x10ffff)
        return vm_err_str(&vm_exc_ValueError, "chr() arg not in range(0x110000)");
    char u[4];
    int n = ls_utf8_encode((uint32_t)c, u);
    return vm_str_new(u, (size_t)n);
}

static Obj *bi_ord(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("ord", kwnames) < 0 || vm_argc("ord", nargs, 1, 1) < 0)
        return NULL;
    if (BYTES_CHECK(args[0]) || BYTEARRAY_CHECK(args[0])) {
        ssize_t n = BYTES_CHECK(args[0]) ? ((BytesObj *)args[0])->len
            : ((ByteArrayObj *)args[0])->len;
        if (n != 1)
            return vm_err_fmt(&vm_exc_TypeError, "ord() expected a character, but string of "
                              "length %zd found", n);
        return vm_int_from_i64((unsigned char)(BYTES_CHECK(args[0]) ? ((BytesObj *)args[0])->s
                                               : ((ByteArrayObj *)args[0])->data)[0]);
    }
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "ord() expected string of length 1, but %s found",
                          vm_tname(args[0]));
    StrObj *s = (StrObj *)args[0];
    if (s->ulen != 1)
        return vm_err_fmt(&vm_exc_TypeError, "ord() expected a character, but string of "
                          "length %zd found", s->ulen);
    unsigned char c = (unsigned char)s->s[0];
    uint32_t cp = c < 0x80 ? c : c < 0xe0 ? (c & 0x1fu) : c < 0xf0 ? (c & 0x0fu) : (c & 0x07u);
    for (ssize_t i = 1; i < s->len; i++)
        cp = (cp << 6) | ((unsigned char)s->s[i] & 0x3fu);
    return vm_int_from_i64(cp);
}

static Obj *divmod_numbers(Obj *const *args);

static Obj *bi_divmod(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("divmod", kwnames) < 0 || vm_argc("divmod", nargs, 2, 2) < 0)
        return NULL;
    if ((TYPE(args[0])->flags | TYPE(args[1])->flags) & TF_HEAP) {
        /* __divmod__ / __rdivmod__ (a subclass's reflected method first) */
        Obj *a = args[0], *b = args[1];
        bool found;
        bool b_first = TYPE(b) != TYPE(a) && vm_is_subtype(TYPE(b), TYPE(a));
        for (int pass = 0; pass < 2; pass++) {
            bool refl = b_first ? pass == 0 : pass == 1;
            if (refl && TYPE(b) == TYPE(a))
                continue;
            Obj *self_ = refl ? b : a, *other = refl ? a : b;
            if (!(TYPE(self_)->flags & TF_HEAP))
                continue;
            Obj *r = vm_call_special(self_, refl ? "__rdivmod__" : "__divmod__", &other, 1,
                                     &found);
            if (found && r != VM_NOTIMPL)
                return r;
        }
    }
    return divmod_numbers(args);
}

/* divmod of ints and floats, without looking for __divmod__ */
static Obj *divmod_numbers(Obj *const *args)
{
    if (!(INT_CHECK(args[0]) || FLOAT_CHECK(args[0]))
        || !(INT_CHECK(args[1]) || FLOAT_CHECK(args[1])))
        return vm_err_fmt(&vm_exc_TypeError, "unsupported operand type(s) for divmod(): '%s' "
                          "and '%s'", vm_tname(args[0]), vm_tname(args[1]));
    if ((FLOAT_CHECK(args[0]) || FLOAT_CHECK(args[1]))
        && (FLOAT_CHECK(args[1]) ? FLOAT_VAL(args[1]) == 0
            : INT_IS_SMALL(args[1]) && INT_SMALL(args[1]) == 0))
        return vm_err_str(&vm_exc_ZeroDivisionError, "float divmod()");
    Obj *q = vm_binop(args[0], args[1], NB_FLOOR_DIVIDE);
    if (!q)
        return NULL;
    Obj *r = vm_binop(args[0], args[1], NB_REMAINDER);
    if (!r) {
        DECREF(q);
        return NULL;
    }
    Obj *t = vm_tuple_new(2);
    TUPLE_ITEMS(t)[0] = q;
    TUPLE_ITEMS(t)[1] = r;
    return t;
}

static Obj *bi_pow(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *pv[3];
    if (kwnames && TUPLE_LEN(kwnames)) {
        /* pow(base, exp, mod=None) by keyword */
        static const char *const kw[] = {"base", "exp", "mod"};
        size_t nkw = (size_t)TUPLE_LEN(kwnames), npos = nargs - nkw;
        if (npos > 3)
            return vm_err_fmt(&vm_exc_TypeError, "pow() takes at most 3 arguments (%zu given)",
                              nargs);
        for (size_t i = 0; i < 3; i++)
            pv[i] = i < npos ? args[i] : NULL;
        for (size_t k = 0; k < nkw; k++) {
            Obj *kn = TUPLE_ITEMS(kwnames)[k];
            size_t i = 0;
            while (i < 3 && !vm_str_eqc(kn, kw[i]))
                i++;
            if (i == 3)
                return vm_err_fmt(&vm_exc_TypeError, "pow() got an unexpected keyword "
                                  "argument '%s'", STR_DATA(kn));
            if (pv[i])
                return vm_err_fmt(&vm_exc_TypeError, "argument for pow() given by name "
                                  "('%s') and position (%zu)", kw[i], i + 1);
            pv[i] = args[npos + k];
        }
        for (size_t i = 0; i < 2; i++)
            if (!pv[i])
                return vm_err_fmt(&vm_exc_TypeError, "pow() missing required argument "
                                  "'%s' (pos %zu)", kw[i], i + 1);
        nargs = pv[2] ? 3 : 2;
        args = pv;
        kwnames = NULL;
    }
    if (vm_nokw("pow", kwnames) < 0 || vm_argc("pow", nargs, 2, 3) < 0)
        return NULL;
    if (nargs == 3 && args[2] != VM_NONE && (TYPE(args[0])->flags & TF_HEAP)) {
        bool found;
        Obj *r = vm_call_special(args[0], "__pow__", args + 1, 2, &found);
        if (found && r != VM_NOTIMPL)
            return r;
    }
    if (nargs == 3 && args[2] != VM_NONE) {
        /* modular exponentiation by squaring */
        if (!INT_CHECK(args[0]) || !INT_CHECK(args[1]) || !INT_CHECK(args[2]))
            return vm_err_str(&vm_exc_TypeError, "pow() 3rd argument not allowed unless all "
                              "arguments are integers");
        Obj *zero = vm_int_from_i64(0);
        int neg = vm_int_cmp(args[1], zero) < 0, mz = vm_int_cmp(args[2], zero) == 0;
        DECREF(zero);
        if (mz)
            return vm_err_str(&vm_exc_ValueError, "pow() 3rd argument cannot be 0");
        Obj *m = args[2];
        Obj *result = vm_int_from_i64(1), *base = vm_binop(args[0], m, NB_REMAINDER);
        Obj *e = vm_newref(args[1]);
        if (neg && base) {
            /* the inverse of base modulo m (extended Euclid), then |e| */
            Obj *absm = vm_unary(m, UN_NEG), *mm = vm_int_cmp(m, absm) < 0 ? absm : m;
            Obj *r0 = vm_binop(base, mm, NB_REMAINDER), *r1 = vm_newref(mm);
            Obj *s0 = vm_int_from_i64(1), *s1 = vm_int_from_i64(0);
            Obj *zero = vm_int_from_i64(0);
            while (vm_int_cmp(r1, zero) != 0) {
                Obj *q = vm_binop(r0, r1, NB_FLOOR_DIVIDE);
                Obj *qr = vm_binop(q, r1, NB_MULTIPLY), *r2 = vm_binop(r0, qr, NB_SUBTRACT);
                Obj *qs = vm_binop(q, s1, NB_MULTIPLY), *s2 = vm_binop(s0, qs, NB_SUBTRACT);
                DECREF(q); DECREF(qr); DECREF(qs);
                DECREF(r0); r0 = r1; r1 = r2;
                DECREF(s0); s0 = s1; s1 = s2;
            }
            Obj *one = vm_int_from_i64(1);
            bool invertible = vm_int_cmp(r0, one) == 0;
            DECREF(one);
            DECREF(r0); DECREF(r1); DECREF(s1); DECREF(zero); DECREF(absm);
            DECREF(base);
            if (!invertible) {
                DECREF(s0);
                DECREF(e);
                DECREF(result);
                return vm_err_str(&vm_exc_ValueError, "base is not invertible for the given "
                                  "modulus");
            }
            base = vm_binop(s0, m, NB_REMAINDER);
            DECREF(s0);
            Obj *ne = vm_unary(e, UN_NEG);
            DECREF(e);
            e = ne;
        }
        Obj *two = vm_int_from_i64(2), *one = vm_int_from_i64(1);
        while (base && result) {
            Obj *z = vm_int_from_i64(0);
            int done = vm_int_cmp(e, z) == 0;
            DECREF(z);
            if (done)
                break;
            Obj *bit = vm_binop(e, one, NB_AND);
            if (INT_SMALL(bit)) {
                Obj *t = vm_binop(result, base, NB_MULTIPLY);
                DECREF(result);
                result = t ? vm_binop(t, m, NB_REMAINDER) : NULL;
                XDECREF(t);
            }
            DECREF(bit);
            Obj *ne = vm_binop(e, one, NB_RSHIFT);
            DECREF(e);
            e = ne;
            Obj *sq = vm_binop(base, base, NB_MULTIPLY);
            DECREF(base);
            base = sq ? vm_binop(sq, m, NB_REMAINDER) : NULL;
            XDECREF(sq);
        }
        XDECREF(base);
        DECREF(e);
        DECREF(two);
        DECREF(one);
        if (result && vm_int_cmp(result, m) != 0) {
            /* the result takes the modulus's sign */
            Obj *r2 = vm_binop(result, m, NB_REMAINDER);
            DECREF(result);
            result = r2;
        }
        return result;
    }
    return vm_binop(args[0], args[1], NB_POWER);
}

static Obj *bi_round(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"number", "ndigits", NULL};
    Obj *v[2];
    int npos = kwargs("round", args, nargs, kwnames, kw, v);
    if (npos < 0)
        return NULL;
    Obj *x = npos > 0 ? args[0] : v[0];
    Obj *nd = npos > 1 ? args[1] : v[1];
    if (!x)
        return vm_err_str(&vm_exc_TypeError, "round() missing required argument 'number' (pos 1)");
    if (nd == VM_NONE)
        nd = NULL;
    if (nd && (INT_CHECK(x) || FLOAT_CHECK(x)) && !INT_CHECK(nd)
        && !(TYPE(nd)->flags & TF_HEAP))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          vm_tname(nd));
    if (INT_CHECK(x)) {
        if (!nd)
            return vm_unary(x, UN_POS);
        int64_t n;
        if (vm_index(nd, &n, "ndigits") < 0)
            return NULL;
        if (n >= 0)
            return vm_unary(x, UN_POS);
        /* round to 10**-n, half to even */
        Obj *ten = vm_int_from_i64(10), *ne = vm_int_from_i64(-n);
        Obj *p = vm_binop(ten, ne, NB_POWER);
        DECREF(ten);
        DECREF(ne);
        if (!p)
            return NULL;
        Obj *q = vm_binop(x, p, NB_FLOOR_DIVIDE), *r = q ? vm_binop(x, p, NB_REMAINDER) : NULL;
        Obj *r2 = r ? vm_binop(r, vm_int_from_i64(2), NB_MULTIPLY) : NULL;
        int c = r2 ? vm_int_cmp(r2, p) : 0;
        bool odd = false;
        if (r2 && c == 0) {
            Obj *one = vm_int_from_i64(1), *bit = vm_binop(q, one, NB_AND);
            DECREF(one);
            odd = bit && INT_IS_SMALL(bit) && INT_SMALL(bit) == 1;
            XDECREF(bit);
        }
        if (r2 && (c > 0 || (c == 0 && odd))) {
            Obj *one = vm_int_from_i64(1);
            Obj *q2 = vm_binop(q, one, NB_ADD);
            DECREF(one);
            DECREF(q);
            q = q2;
        }
        Obj *res = q ? vm_binop(q, p, NB_MULTIPLY) : NULL;
        XDECREF(q);
        XDECREF(r);
        XDECREF(r2);
        DECREF(p);
        return res;
    }
    if (FLOAT_CHECK(x)) {
        double d = FLOAT_VAL(x);
        if (!nd) {
            double r = nearbyint(d);
            return vm_int_from_double(r);
        }
        int64_t n;
        if (vm_index(nd, &n, "ndigits") < 0)
            return NULL;
        if (!isfinite(d) || n > 308)
            return vm_float_new(d);
        if (n < -308)
            return vm_float_new(copysign(0.0, d));
        char buf[400];
        if (n >= 0) {
            snprintf(buf, sizeof buf, "%.*f", (int)n, d);
            return vm_float_new(strtod(buf, NULL));
        }
        /* to a multiple of 10**-n: keep e10 + n digits after the first, where
         * e10 is d's decimal exponent; printf rounds the exact value half to even */
        snprintf(buf, sizeof buf, "%.60e", d);
        char *ep = strchr(buf, 'e');
        int64_t prec = (ep ? strtol(ep + 1, NULL, 10) : 0) + n;
        double y;
        if (prec >= 0) {
            snprintf(buf, sizeof buf, "%.*e", (int)prec, d);
            y = strtod(buf, NULL);
        } else if (prec == -1) {
            /* 0 or 10**-n: above half goes up; exactly half goes to 0 (even) */
            const char *q = buf[0] == '-' ? buf + 1 : buf;
            bool up = q[0] > '5';
            if (q[0] == '5')
                for (const char *t = q + 2; t < ep && !up; t++)
                    up = *t != '0';
            y = up ? copysign(pow(10.0, (double)-n), d) : copysign(0.0, d);
        } else {
            y = copysign(0.0, d);
        }
        if (isinf(y))
            return vm_err_str(&vm_exc_OverflowError, "rounded value too large to represent");
        return vm_float_new(y);
    }
    bool found;
    Obj *r = vm_call_special(x, "__round__", nd ? &nd : NULL, nd ? 1 : 0, &found);
    if (found)
        return r;
    return vm_err_fmt(&vm_exc_TypeError, "type %s doesn't define __round__ method", vm_tname(x));
}

static Obj *bi_hash(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("hash", kwnames) < 0 || vm_argc("hash", nargs, 1, 1) < 0)
        return NULL;
    int64_t h;
    if (vm_hash(args[0], &h) < 0)
        return NULL;
    return vm_int_from_i64(h);
}

static Obj *bi_id(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("id", kwnames) < 0 || vm_argc("id", nargs, 1, 1) < 0)
        return NULL;
    return vm_int_from_i64((int64_t)(uintptr_t)args[0]);
}

static Obj *bi_callable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("callable", kwnames) < 0 || vm_argc("callable", nargs, 1, 1) < 0)
        return NULL;
    return VM_BOOL(TYPE(args[0])->call != NULL);
}

static Obj *bi_input(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("input", kwnames) < 0 || vm_argc("input", nargs, 0, 1) < 0)
        return NULL;
    if (nargs) {
        Obj *s = vm_str(args[0]);
        if (!s)
            return NULL;
        fwrite(STR_DATA(s), 1, (size_t)STR_LEN(s), stdout);
        DECREF(s);
    }
    fflush(stdout);
    Buf b = BUF_INIT;
    int c;
    bool any = false;
    while ((c = getchar()) != EOF) {
        any = true;
        if (c == '\n')
            break;
        buf_putc(&b, c);
    }
    if (!any) {
        buf_free(&b);
        return vm_err_str(&vm_exc_EOFError, "EOF when reading a line");
    }
    size_t valid = ls_utf8_valid_prefix(b.data ? b.data : "", b.len);
    Obj *r = vm_str_new(b.data ? b.data : "", valid);
    buf_free(&b);
    return r;
}

/* dir(object): the sorted names of its __dict__ and of its class (or, for
 * a class, its own) MRO's dicts; a class's __dir__ wins. */
static Obj *bi_dir(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("dir", kwnames) < 0 || vm_argc("dir", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0) {
        /* the sorted names of the current scope (its locals) */
        Obj *loc = vm_frame_locals();
        Obj *names = loc ? vm_list_from_iter(loc) : NULL;
        XDECREF(loc);
        if (names && vm_list_sort(names, NULL, false) < 0)
            CLEAR(names);
        return names;
    }
    Obj *o = args[0];
    bool found;
    Obj *l = NULL;
    if (TYPE(o)->flags & TF_HEAP) {
        Obj *r = vm_call_special(o, "__dir__", NULL, 0, &found);
        if (found) {
            if (!r)
                return NULL;
            l = vm_list_from_iter(r);
            DECREF(r);
        }
    }
    if (!l && TYPE(o) == &vm_module_type) {
        /* a module: the names in its namespace */
        l = vm_list_from_iter(((ModuleObj *)o)->dict);
        if (!l)
            return NULL;
    }
    if (!l) {
        Obj *names = vm_set_new(&vm_set_type);
        Obj **dp = vm_dictptr(o);
        int rc = dp && *dp && DICT_CHECK(*dp) ? vm_set_update(names, *dp) : 0;
        Type *t = HAS_FLAG(o, TF_TYPE) ? (Type *)o : TYPE(o);
        if (t->mro && TUPLE_CHECK(t->mro)) {
            for (ssize_t i = 0; rc == 0 && i < TUPLE_LEN(t->mro); i++) {
                Type *m = (Type *)TUPLE_ITEMS(t->mro)[i];
                if (m->dict)
                    rc = vm_set_update(names, m->dict);
            }
        } else {
            for (Type *m = t; rc == 0 && m; m = m->base)
                if (m->dict)
                    rc = vm_set_update(names, m->dict);
        }
        l = rc == 0 ? vm_list_from_iter(names) : NULL;
        DECREF(names);
    }
    if (l && vm_list_sort(l, NULL, false) < 0)
        CLEAR(l);
    return l;
}

static Obj *bi_getattr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("getattr", kwnames) < 0 || vm_argc("getattr", nargs, 2, 3) < 0)
        return NULL;
    if (!STR_CHECK(args[1]))
        return vm_err_fmt(&vm_exc_TypeError, "attribute name must be string, not '%s'",
                          vm_tname(args[1]));
    Obj *name = vm_str_intern(STR_DATA(args[1]), (size_t)STR_LEN(args[1]));
    Obj *r = vm_getattr(args[0], name);
    DECREF(name);
    if (!r && nargs == 3 && vm_err_matches(&vm_exc_AttributeError)) {
        vm_err_clear();
        return vm_newref(args[2]);
    }
    return r;
}

static Obj *bi_hasattr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("hasattr", kwnames) < 0 || vm_argc("hasattr", nargs, 2, 2) < 0)
        return NULL;
    if (!STR_CHECK(args[1]))
        return vm_err_fmt(&vm_exc_TypeError, "attribute name must be string, not '%s'",
                          vm_tname(args[1]));
    Obj *name = vm_str_intern(STR_DATA(args[1]), (size_t)STR_LEN(args[1]));
    Obj *r = vm_getattr(args[0], name);
    DECREF(name);
    if (r) {
        DECREF(r);
        return VM_BOOL(true);
    }
    if (vm_err_matches(&vm_exc_AttributeError)) {
        vm_err_clear();
        return VM_BOOL(false);
    }
    return NULL;
}

static Obj *bi_setattr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("setattr", kwnames) < 0 || vm_argc("setattr", nargs, 3, 3) < 0)
        return NULL;
    if (!STR_CHECK(args[1]))
        return vm_err_fmt(&vm_exc_TypeError, "attribute name must be string, not '%s'",
                          vm_tname(args[1]));
    Obj *name = vm_str_intern(STR_DATA(args[1]), (size_t)STR_LEN(args[1]));
    if (vm_setattr(args[0], name, args[2]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *bi_delattr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("delattr", kwnames) < 0 || vm_argc("delattr", nargs, 2, 2) < 0)
        return NULL;
    if (!STR_CHECK(args[1]))
        return vm_err_fmt(&vm_exc_TypeError, "attribute name must be string, not '%s'",
                          vm_tname(args[1]));
    Obj *name = vm_str_intern(STR_DATA(args[1]), (size_t)STR_LEN(args[1]));
    if (vm_setattr(args[0], name, NULL) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *bi_globals(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("globals", nargs, 0, 0) < 0)
        return NULL;
    return vm_frame_globals();
}

static Obj *bi_locals(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("locals", nargs, 0, 0) < 0)
        return NULL;
    return vm_frame_locals();
}

static Obj *bi_vars(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("vars", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return vm_frame_locals();
    Obj *d = vm_getattr(args[0], vm_str_intern("__dict__", 8));
    if (!d && vm_err_matches(&vm_exc_AttributeError)) {
        vm_err_clear();
        return vm_err_str(&vm_exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* iter(callable, sentinel) */
static Obj *int_to_base(Obj *const *args, size_t nargs, Obj *kwnames, const char *name,
                        const char *spec)
{
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, 1, 1) < 0)
        return NULL;
    Obj *n = vm_number_index(args[0]);
    if (!n)
        return NULL;
    Obj *s = vm_str_cstr(spec);
    Obj *r = vm_format(n, s);
    DECREF(s);
    DECREF(n);
    return r;
}

static Obj *bi_hex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return int_to_base(args, nargs, kwnames, "hex", "#x");
}

static Obj *bi_oct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return int_to_base(args, nargs, kwnames, "oct", "#o");
}

static Obj *bi_bin(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return int_to_base(args, nargs, kwnames, "bin", "#b");
}

/* ---- iterator types: enumerate, zip, map, filter, reversed ---- */

typedef struct MultiIter {
    Obj ob;
    Obj *func;              /* map/filter function, or NULL */
    Obj **iters;            /* the underlying iterators (owned) */
    int n;                  /* how many */
    int64_t count;          /* enumerate's counter; zip: 1 when strict=True */
    bool done;              /* exhausted */
} MultiIter;

static void multi_dealloc(Obj *o)
{
    MultiIter *m = (MultiIter *)o;
    XDECREF(m->func);
    for (int i = 0; i < m->n; i++)
        DECREF(m->iters[i]);
    free(m->iters);
    vm_obj_free(o);
}

static Obj *self_iter(Obj *o) { return vm_newref(o); }

static Obj *enumerate_next(Obj *o)
{
    MultiIter *m = (MultiIter *)o;
    Obj *v = vm_next(m->iters[0]);
    if (!v)
        return NULL;
    Obj *idx;
    if (!m->func && m->count == INT64_MAX)
        m->func = vm_int_from_i64(INT64_MAX);   /* count on in a big int */
    if (m->func) {
        /* enumerate's counter past int64: func holds it */
        Obj *one = vm_int_from_i64(1);
        idx = vm_newref(m->func);
        Obj *nx = vm_binop(m->func, one, NB_ADD);
        DECREF(one);
        if (!nx) {
            DECREF(idx);
            DECREF(v);
            return NULL;
        }
        DECREF(m->func);
        m->func = nx;
    } else {
        idx = vm_int_from_i64(m->count++);
    }
    Obj *t = vm_tuple_new(2);
    TUPLE_ITEMS(t)[0] = idx;
    TUPLE_ITEMS(t)[1] = v;
    return t;
}

/* zip(strict=True): iterator i ran out; are the others exhausted too? */
static Obj *zip_strict_check(MultiIter *m, int i)
{
    if (i > 0)
        return vm_err_fmt(&vm_exc_ValueError, "zip() argument %d is shorter than argument%s%d",
                          i + 1, i == 1 ? " " : "s 1-", i);
    for (int j = 1; j < m->n; j++) {
        Obj *v = vm_next(m->iters[j]);
        if (v) {
            DECREF(v);
            return vm_err_fmt(&vm_exc_ValueError, "zip() argument %d is longer than "
                              "argument%s%d", j + 1, j == 1 ? " " : "s 1-", j);
        }
        if (vm_err_occurred())
            return NULL;
    }
    return NULL;
}

static Obj *zip_next(Obj *o)
{
    MultiIter *m = (MultiIter *)o;
    if (m->done || m->n == 0)
        return NULL;
    Obj *t = vm_tuple_new(m->n);
    for (int i = 0; i < m->n; i++) {
        Obj *v = vm_next(m->iters[i]);
        if (!v) {
            m->done = true;
            DECREF(t);
            if (m->count && !vm_err_occurred())
                return zip_strict_check(m, i);
            return NULL;
        }
        TUPLE_ITEMS(t)[i] = v;
    }
    return t;
}

static Obj *map_next(Obj *o)
{
    MultiIter *m = (MultiIter *)o;
    Obj *small[8];
    if (m->n > 8)
        return vm_err_str(&vm_exc_SystemError, "not supported yet: map() over more than 8 "
                          "iterables");
    for (int i = 0; i < m->n; i++) {
        small[i] = vm_next(m->iters[i]);
        if (!small[i]) {
            for (int j = 0; j < i; j++)
                DECREF(small[j]);
            return NULL;
        }
    }
    Obj *r = vm_call(m->func, small, (size_t)m->n, NULL);
    for (int i = 0; i < m->n; i++)
        DECREF(small[i]);
    return r;
}

static Obj *filter_next(Obj *o)
{
    MultiIter *m = (MultiIter *)o;
    for (;;) {
        Obj *v = vm_next(m->iters[0]);
        if (!v)
            return NULL;
        int t;
        if (m->func) {
            Obj *r = vm_call(m->func, &v, 1, NULL);
            if (!r) {
                DECREF(v);
                return NULL;
            }
            t = vm_truth(r);
            DECREF(r);
        } else {
            t = vm_truth(v);
        }
        if (t > 0)
            return v;
        DECREF(v);
        if (t < 0)
            return NULL;
    }
}

static Obj *multi_new(Type *t, Obj *func, Obj *const *iterables, int n);

static Obj *enumerate_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"iterable", "start", NULL};
    Obj *v[2];
    int npos = kwargs("enumerate", args, nargs, kwnames, kw, v);
    if (npos < 0)
        return NULL;
    Obj *it = npos > 0 ? args[0] : v[0];
    Obj *start = npos > 1 ? args[1] : v[1];
    if (!it)
        return vm_err_str(&vm_exc_TypeError, "enumerate() missing required argument 'iterable' "
                          "(pos 1)");
    Obj *sv = NULL;
    if (start) {
        if (!INT_CHECK(start) && !(TYPE(start)->flags & TF_HEAP))
            return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an "
                              "integer", vm_tname(start));
        if (!(sv = vm_number_index(start)))
            return NULL;
    }
    MultiIter *m = (MultiIter *)multi_new((Type *)self, NULL, &it, 1);
    if (m && sv && vm_int_as_i64(sv, &m->count) < 0) {
        vm_err_clear();
        m->func = vm_newref(sv);    /* a big start: counted in func */
    }
    XDECREF(sv);
    return (Obj *)m;
}

static Obj *zip_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    bool strict = false;
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    if (nkw > 1)
        return vm_err_fmt(&vm_exc_TypeError, "zip() takes at most 1 keyword argument (%zu "
                          "given)", nkw);
    for (size_t i = 0; i < nkw; i++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[i];
        if (!vm_str_eqc(kn, "strict"))
            return vm_err_fmt(&vm_exc_TypeError, "zip() got an unexpected keyword argument "
                              "'%s'", STR_DATA(kn));
        int t = vm_truth(args[nargs - nkw + i]);
        if (t < 0)
            return NULL;
        strict = t;
    }
    Obj *z = multi_new((Type *)self, NULL, args, (int)(nargs - nkw));
    if (z)
        ((MultiIter *)z)->count = strict;
    return z;
}

static Obj *map_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("map", kwnames) < 0)
        return NULL;
    if (nargs < 2)
        return vm_err_str(&vm_exc_TypeError, "map() must have at least two arguments.");
    return multi_new((Type *)self, args[0], args + 1, (int)nargs - 1);
}

static Obj *filter_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("filter", kwnames) < 0)
        return NULL;
    if (nargs != 2)
        return vm_err_fmt(&vm_exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
    return multi_new((Type *)self, args[0] == VM_NONE ? NULL : args[0], args + 1, 1);
}

static Type enumerate_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type), .name = "enumerate", .base = &vm_object_type,
    .basicsize = sizeof(MultiIter), .dealloc = multi_dealloc, .iter = self_iter,
    .iternext = enumerate_next, .construct = enumerate_construct,
};
static Type zip_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type), .name = "zip", .base = &vm_object_type,
    .basicsize = sizeof(MultiIter), .dealloc = multi_dealloc, .iter = self_iter,
    .iternext = zip_next, .construct = zip_construct,
};
static Type map_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type), .name = "map", .base = &vm_object_type,
    .basicsize = sizeof(MultiIter), .dealloc = multi_dealloc, .iter = self_iter,
    .iternext = map_next, .construct = map_construct,
};
static Type filter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type), .name = "filter", .base = &vm_object_type,
    .basicsize = sizeof(MultiIter), .dealloc = multi_dealloc, .iter = self_iter,
    .iternext = filter_next, .construct = filter_construct,
};

static Obj *multi_new(Type *t, Obj *func, Obj *const *iterables, int n)
{
    Obj **iters = ls_xcalloc((size_t)n + 1, sizeof(Obj *));
    for (int i = 0; i < n; i++) {
        iters[i] = vm_iter(iterables[i]);
        if (!iters[i]) {
            for (int j = 0; j < i; j++)
                DECREF(iters[j]);
            free(iters);
            return NULL;
        }
    }
    MultiIter *m = vm_alloc(t, 0);
    m->func = func ? vm_newref(func) : NULL;
    m->iters = iters;
    m->n = n;
    m->count = 0;
    m->done = false;
    return (Obj *)m;
}

/* reversed(): over a snapshot list of a sequence */
typedef struct RevIter {
    Obj ob;
    Obj *seq;               /* the sequence */
    ssize_t i;              /* next index, counting down */
} RevIter;

static void rev_dealloc(Obj *o)
{
    XDECREF(((RevIter *)o)->seq);
    vm_obj_free(o);
}

static Obj *rev_next(Obj *o)
{
    RevIter *r = (RevIter *)o;
    if (!r->seq || r->i < 0)
        return NULL;
    ssize_t n = vm_len(r->seq);
    if (n < 0)
        return NULL;
    if (r->i >= n) {
        r->i = -1;
        return NULL;
    }
    Obj *k = vm_int_from_i64(r->i--);
    Obj *v = vm_getitem(r->seq, k);
    DECREF(k);
    return v;
}

static Obj *reversed_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("reversed", kwnames) < 0 || vm_argc("reversed", nargs, 1, 1) < 0)
        return NULL;
    Obj *s = args[0];
    bool found;
    if (vm_type_lookup(TYPE(s), vm_str_intern("__reversed__", 12)) == VM_NONE)
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not reversible", vm_tname(s));
    Obj *rv = vm_call_special(s, "__reversed__", NULL, 0, &found);
    if (found)
        return rv;
    if ((DICT_CHECK(s) || (strncmp(TYPE(s)->name, "dict_", 5) == 0 && TYPE(s)->len))
        && TYPE(s)->iter) {
        /* a dict or one of its views: over a snapshot of its items */
        Obj *l = vm_list_from_iter(s);
        if (!l)
            return NULL;
        RevIter *r = vm_alloc((Type *)self, 0);
        r->i = LIST_LEN(l) - 1;
        r->seq = l;
        return (Obj *)r;
    }
    if (!TYPE(s)->getitem || !TYPE(s)->len || DICT_CHECK(s))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not reversible", vm_tname(s));
    ssize_t n = vm_len(s);
    if (n < 0)
        return NULL;
    RevIter *r = vm_alloc((Type *)self, 0);
    r->seq = vm_newref(s);
    r->i = n - 1;
    return (Obj *)r;
}

static Type reversed_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type), .name = "reversed", .base = &vm_object_type,
    .basicsize = sizeof(RevIter), .dealloc = rev_dealloc, .iter = self_iter,
    .iternext = rev_next, .construct = reversed_construct,
};

/* exit(code=None), quit(code=None): what the site module's Quitter
 * objects do (raise SystemExit(code)) */
static Obj *bi_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("exit", kwnames) < 0 || vm_argc("exit", nargs, 0, 1) < 0)
        return NULL;
    Obj *e = vm_exc_new(&vm_exc_SystemExit, args, nargs && args[0] != VM_NONE ? 1 : 0);
    vm_err_set(e);
    DECREF(e);
    return NULL;
}

/* ---- the namespace ---- */

static const MethodDef builtin_functions[] = {
    {"exit", bi_exit},
    {"aiter", vm_builtin_aiter},
    {"anext", vm_builtin_anext},
    {"quit", bi_exit},
    {"print", bi_print},
    {"len", bi_len},
    {"repr", bi_repr},
    {"ascii", bi_ascii},
    {"format", bi_format},
    {"abs", bi_abs},
    {"min", bi_min},
    {"max", bi_max},
    {"sum", bi_sum},
    {"isinstance", bi_isinstance},
    {"issubclass", bi_issubclass},
    {"iter", bi_iter},
    {"next", bi_next},
    {"sorted", bi_sorted},
    {"any", bi_any},
    {"all", bi_all},
    {"chr", bi_chr},
    {"ord", bi_ord},
    {"divmod", bi_divmod},
    {"dir", bi_dir},
    {"pow", bi_pow},
    {"round", bi_round},
    {"hash", bi_hash},
    {"id", bi_id},
    {"callable", bi_callable},
    {"input", bi_input},
    {"getattr", bi_getattr},
    {"hasattr", bi_hasattr},
    {"hex", bi_hex},
    {"oct", bi_oct},
    {"bin", bi_bin},
    {"__build_class__", vm_build_class},
    {"setattr", bi_setattr},
    {"delattr", bi_delattr},
    {"globals", bi_globals},
    {"locals", bi_locals},
    {"vars", bi_vars},
    {"open", vm_open},
    {"exec", vm_bi_exec},
    {"eval", vm_bi_eval},
    {"compile", vm_bi_compile},
    {"__import__", vm_bi_import},
    {NULL, NULL},
};

/* ---- the number dunders int, float and complex share (__abs__, __neg__,
 * __round__, __divmod__, ...), for code that calls them by name ---- */

static Obj *num_abs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__abs__", kwnames) < 0 || vm_argc("__abs__", nargs, 0, 0) < 0)
        return NULL;
    return bi_abs(NULL, &self, 1, NULL);
}

#define NUM_UNARY(fn, pyname, op) \
    static Obj *fn(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        if (vm_nokw(pyname, kwnames) < 0 || vm_argc(pyname, nargs, 0, 0) < 0) \
            return NULL; \
        Type *t = vm_calling_owner;     /* the builtin's own slot: no redispatch */ \
        return t && t->unary ? t->unary(self, op) : vm_unary(self, op); \
    }
NUM_UNARY(num_neg, "__neg__", UN_NEG)
NUM_UNARY(num_pos, "__pos__", UN_POS)
NUM_UNARY(num_invert, "__invert__", UN_INVERT)
#undef NUM_UNARY

static Obj *num_bool(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__bool__", kwnames) < 0 || vm_argc("__bool__", nargs, 0, 0) < 0)
        return NULL;
    Type *owner = vm_calling_owner;    /* the builtin's own slot: no redispatch */
    int t = owner && owner->truth ? owner->truth(self) : vm_truth(self);
    return t < 0 ? NULL : VM_BOOL(t);
}

static Obj *num_round(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__round__", kwnames) < 0 || vm_argc("__round__", nargs, 0, 1) < 0)
        return NULL;
    Obj *a[2] = {self, nargs ? args[0] : VM_NONE};
    return bi_round(NULL, a, 2, NULL);
}

/* int.__divmod__ takes ints; float.__divmod__ ints and floats */
static bool divmod_operand(Obj *self, Obj *o)
{
    return INT_CHECK(o) || (FLOAT_CHECK(self) && FLOAT_CHECK(o));
}

static Obj *num_divmod(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__divmod__", kwnames) < 0 || vm_argc("__divmod__", nargs, 1, 1) < 0)
        return NULL;
    if (!divmod_operand(self, args[0]))
        return vm_newref(VM_NOTIMPL);
    Obj *a[2] = {self, args[0]};
    return divmod_numbers(a);
}

static Obj *num_rdivmod(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__rdivmod__", kwnames) < 0 || vm_argc("__rdivmod__", nargs, 1, 1) < 0)
        return NULL;
    if (!divmod_operand(self, args[0]))
        return vm_newref(VM_NOTIMPL);
    Obj *a[2] = {args[0], self};
    return divmod_numbers(a);
}

static void add_number_methods(Type *t, bool real, bool integral)
{
    static const MethodDef all[] = {
        {"__abs__", num_abs}, {"__neg__", num_neg}, {"__pos__", num_pos},
        {"__bool__", num_bool}, {NULL, NULL},
    };
    static const MethodDef reals[] = {
        {"__round__", num_round}, {"__divmod__", num_divmod}, {"__rdivmod__", num_rdivmod},
        {NULL, NULL},
    };
    static const MethodDef ints[] = {{"__invert__", num_invert}, {NULL, NULL}};
    const MethodDef *tables[3] = {all, real ? reals : NULL, integral ? ints : NULL};
    vm_type_ready(t);
    for (int k = 0; k < 3; k++) {
        for (const MethodDef *m = tables[k]; m && m->name; m++) {
            if (vm_dict_get_str(t->dict, vm_str_intern(m->name, strlen(m->name))))
                continue;
            Obj *f = vm_builtin_new(m->name, m->fn, t);
            if (vm_dict_set_cstr(t->dict, m->name, f) < 0)
                ls_die(LS_EXIT_USAGE, "internal error: builtins setup");
            DECREF(f);
        }
    }
}

Obj *vm_builtins_new(void)
{
    add_number_methods(&vm_int_type, true, true);
    add_number_methods(&vm_float_type, true, false);
    add_number_methods(&vm_complex_type, false, false);
    Obj *d = vm_dict_new();
    int rc = 0;
    for (const MethodDef *m = builtin_functions; m->name; m++) {
        Obj *f = vm_builtin_new(m->name, m->fn, NULL);
        rc |= vm_dict_set_cstr(d, m->name, f);
        DECREF(f);
    }
    Type *const types[] = {
        &vm_int_type, &vm_bool_type, &vm_float_type, &vm_str_type, &vm_list_type,
        &vm_tuple_type, &vm_dict_type, &vm_range_type, &vm_object_type, &vm_type_type,
        &vm_slice_type, &vm_property_type, &vm_staticmethod_type, &vm_classmethod_type,
        &vm_super_type, &vm_bytes_type, &vm_bytearray_type, &vm_complex_type, &vm_set_type, &vm_frozenset_type, &enumerate_type, &zip_type, &map_type, &filter_type, &reversed_type,
        &vm_memoryview_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        vm_type_ready(types[i]);
        rc |= vm_dict_set_cstr(d, types[i]->name, (Obj *)types[i]);
    }
#define EXC(name, base) rc |= vm_dict_set_cstr(d, #name, (Obj *)&vm_exc_##name);
#include "cmd/pyvm/exc.def"
#undef EXC
    rc |= vm_dict_set_cstr(d, "BaseExceptionGroup", (Obj *)&vm_exc_BaseExceptionGroup);
    rc |= vm_dict_set_cstr(d, "ExceptionGroup", (Obj *)&vm_exc_ExceptionGroup);
    rc |= vm_dict_set_cstr(d, "Ellipsis", &vm_ellipsis_obj);
    rc |= vm_dict_set_cstr(d, "NotImplemented", VM_NOTIMPL);
    rc |= vm_dict_set_cstr(d, "None", VM_NONE);
    rc |= vm_dict_set_cstr(d, "True", VM_TRUE);
    rc |= vm_dict_set_cstr(d, "False", VM_FALSE);
    if (rc)
        ls_die(LS_EXIT_USAGE, "internal error: builtins setup");
    return d;
}
