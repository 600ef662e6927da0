/* cmd/pyvm/builtins.c: the builtin functions and the builtins namespace.
 *
 * Stage: pyvm.  Each function follows CPython 3.11's signature and error
 * messages; print() writes to the VM's buffered stdout.
 */
#include "cmd/pyvm/builtins.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/clinic.h"
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
#include "cmd/pyvm/gil.h"
#include "cmd/pyvm/import_exec.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/memoryview.h"
#include "cmd/pyvm/mod_signal.h"
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

/* sys.stdout (borrowed) as the program set it: the process's own while
 * sys is not loaded yet, NULL when the program deleted it */
static Obj *sys_stdout(void)
{
    Obj *cur = vm_sys_attr("stdout");
    if (cur || vm_sys_attr("modules"))
        return cur;
    return vm_sys_stdout;
}

/* obj.NAME() with no arguments; NULL on error */
static Obj *call_method0(Obj *obj, const char *name)
{
    Obj *n = vm_str_intern(name, strlen(name));
    Obj *m = vm_getattr(obj, n);
    DECREF(n);
    if (!m)
        return NULL;
    Obj *r = vm_call(m, NULL, 0, NULL);
    DECREF(m);
    return r;
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
    Obj *file = v[2] && v[2] != VM_NONE ? v[2] : sys_stdout();
    if (!file)
        return vm_err_str(&vm_exc_RuntimeError, "lost sys.stdout");
    if (file == VM_NONE)
        return vm_newref(VM_NONE);  /* sys.stdout = None: print does nothing */
    /* each separator is written before the next str() (which may fail) */
    if (file == vm_sys_stdout) {
        for (int i = 0; i < npos; i++) {
            if (i)
                fwrite(sep, 1, seplen, stdout);
            Obj *s = vm_str(args[i]);
            if (!s)
                return NULL;
            fwrite(STR_DATA(s), 1, (size_t)STR_LEN(s), stdout);
            DECREF(s);
        }
        fwrite(end, 1, endlen, stdout);
        if (vm_stdout_check() < 0)      /* BrokenPipeError */
            return NULL;
    } else if (file == vm_sys_stderr) {
        void (*wr)(const char *, size_t) = vm_write_stderr;
        Buf line = BUF_INIT;
        for (int i = 0; i < npos; i++) {
            if (i)
                buf_put(&line, sep, seplen);
            Obj *s = vm_str(args[i]);
            if (!s) {
                wr(line.data ? line.data : "", line.len);
                buf_free(&line);
                return NULL;
            }
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
            if (i && i < npos) {
                Obj *sp = vm_str_new(sep, seplen);
                Obj *r = vm_call(w, &sp, 1, NULL);
                DECREF(sp);
                if (!r) {
                    DECREF(w);
                    return NULL;
                }
                DECREF(r);
            }
            Obj *s = i < npos ? vm_str(args[i]) : vm_str_new(end, endlen);
            if (!s) {
                DECREF(w);
                return NULL;
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
        if (t && (file == vm_sys_stdout || file == vm_sys_stderr)) {
            fflush(file == vm_sys_stderr ? stderr : stdout);
        } else if (t) {
            Obj *r = call_method0(file, "flush");
            if (!r)
                return NULL;
            DECREF(r);
        }
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
                          args[1] == VM_NONE ? "None" : vm_tname(args[1]));
    return vm_format(args[0], nargs > 1 ? args[1] : NULL);
}

/* abs(x); hooks: look for a class's own __abs__ first (false for the
 * number types' __abs__ itself, so super().__abs__() does not loop) */
static Obj *abs_value(Obj *x, bool hooks)
{
    bool found;
    if (hooks && (TYPE(x)->flags & TF_HEAP)) {
        /* a subclass's own __abs__ wins over the number paths below */
        Obj *r = vm_call_special(x, "__abs__", NULL, 0, &found);
        if (found)
            return r;
    }
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
    return vm_err_fmt(&vm_exc_TypeError, "bad operand type for abs(): '%s'", vm_tname(x));
}

static Obj *bi_abs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("abs", kwnames) < 0 || vm_argc("abs", nargs, 1, 1) < 0)
        return NULL;
    return abs_value(args[0], true);
}

static Obj *minmax(Obj *const *args, size_t nargs, Obj *kwnames, bool is_max)
{
    static const char *const kw[] = {"key", "default", NULL};
    const char *name = is_max ? "max" : "min";
    Obj *v[2];
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    /* CPython checks the positional count first, then the keywords */
    if (nargs == nkw)
        return vm_err_fmt(&vm_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nkw > 2)
        return vm_err_fmt(&vm_exc_TypeError, "%s() takes at most 2 keyword arguments (%zu "
                          "given)", name, nkw);
    int npos = kwargs(name, args, nargs, kwnames, kw, v);
    if (npos < 0)
        return NULL;
    Obj *key = v[0] && v[0] != VM_NONE ? v[0] : NULL;
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
    static const char *const kw[] = {"iterable", "start"};
    static const ClinicSpec spec = {"sum", kw, 2, 1, 2, 1};
    Obj *v[2];
    if (vm_clinic_args(&spec, args, nargs, kwnames, v) < 0)
        return NULL;
    Obj *acc = v[1];
    args = v;
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
    Obj *name = vm_str_intern(hook, strlen(hook));
    Obj *d = vm_type_lookup(TYPE(cls), name);
    if (!d || d == vm_type_lookup(&vm_type_type, name))
        return 2;       /* type's own: the plain check */
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
static int isinstance_plain(Obj *x, Obj *cls);

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
    return isinstance_plain(x, cls);
}

/* type.__instancecheck__(cls, x): the check without the metaclass hook */
Obj *vm_type_instancecheck(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__instancecheck__", kwnames) < 0 || vm_argc("__instancecheck__", nargs, 1, 1) < 0)
        return NULL;
    int r = isinstance_plain(args[0], self);
    return r < 0 ? NULL : VM_BOOL(r);
}

/* x an instance of the class cls, by its type or its __class__ */
static int isinstance_plain(Obj *x, Obj *cls)
{
    if (vm_is_subtype(TYPE(x), (Type *)cls))
        return 1;
    if (!(TYPE(x)->flags & TF_HEAP))
        return 0;
    /* an instance whose __class__ claims another class (a proxy, a mock) */
    Obj *cn = vm_str_intern("__class__", 9);
    Obj *icls = vm_getattr(x, cn);
    DECREF(cn);
    if (!icls) {
        if (!vm_err_matches(&vm_exc_AttributeError))
            return -1;
        vm_err_clear();
        return 0;
    }
    int r = icls != (Obj *)TYPE(x) && HAS_FLAG(icls, TF_TYPE)
        && vm_is_subtype((Type *)icls, (Type *)cls);
    DECREF(icls);
    return r;
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

/* type.__subclasscheck__(cls, sub): the check without the metaclass hook */
Obj *vm_type_subclasscheck(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__subclasscheck__", kwnames) < 0 || vm_argc("__subclasscheck__", nargs, 1, 1) < 0)
        return NULL;
    if (!HAS_FLAG(args[0], TF_TYPE))
        return vm_err_str(&vm_exc_TypeError, "issubclass() arg 1 must be a class");
    return VM_BOOL(HAS_FLAG(self, TF_TYPE) && vm_is_subtype((Type *)args[0], (Type *)self));
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
    static const char *const kw[] = {"key", "reverse"};
    static const ClinicSpec spec = {"sort", kw, 2, 0, 0, 0};
    Obj *v[2];
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    if (nargs - nkw != 1)
        return vm_err_fmt(&vm_exc_TypeError, "sorted expected 1 argument, got %zu",
                          nargs - nkw);
    Obj *l = vm_list_from_iter(args[0]);
    if (!l)
        return NULL;
    /* then the keywords, as list.sort's (keyword-only) */
    if (vm_clinic_args(&spec, args + 1, nargs - 1, kwnames, v) < 0) {
        DECREF(l);
        return NULL;
    }
    int rev = 0;
    if (v[1] && (rev = vm_sort_reverse_arg(v[1])) < 0) {
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
    static const char *const kw[] = {"base", "exp", "mod"};
    static const ClinicSpec spec = {"pow", kw, 3, 0, 3, 2};
    Obj *pv[3];
    if (vm_clinic_args(&spec, args, nargs, kwnames, pv) < 0)
        return NULL;
    nargs = pv[2] ? 3 : 2;
    args = pv;
    if (nargs == 3)
        return vm_number_pow3(args[0], args[1], args[2]);   /* int.c */
    return vm_binop(args[0], args[1], NB_POWER);
}

static Obj *round_value(Obj *x, Obj *nd, bool hooks);

static Obj *bi_round(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"number", "ndigits"};
    static const ClinicSpec spec = {"round", kw, 2, 0, 2, 1};
    Obj *v[2];
    if (vm_clinic_args(&spec, args, nargs, kwnames, v) < 0)
        return NULL;
    return round_value(v[0], v[1], true);
}

/* round(x, nd); nd NULL or None: to an int.  hooks: a class's own
 * __round__ first (false for the number types' __round__ itself, which a
 * subclass's super().__round__() reaches) */
static Obj *round_value(Obj *x, Obj *nd, bool hooks)
{
    if (nd == VM_NONE)
        nd = NULL;
    bool found;
    if (hooks && (TYPE(x)->flags & TF_HEAP)) {
        /* a subclass's own __round__ first */
        Obj *r = vm_call_special(x, "__round__", nd ? &nd : NULL, nd ? 1 : 0, &found);
        if (found)
            return r;
    }
    if (nd && (INT_CHECK(x) || FLOAT_CHECK(x)) && !INT_CHECK(nd)
        && !(TYPE(nd)->flags & TF_HEAP))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          vm_tname(nd));
    if (INT_CHECK(x)) {
        if (!nd)
            return vm_unary(x, UN_POS);
        int64_t n;
        if (vm_index_clamped(nd, &n) < 0)
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
        if (vm_index_clamped(nd, &n) < 0)
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
    if (!(TYPE(x)->flags & TF_HEAP)) {
        Obj *r = vm_call_special(x, "__round__", nd ? &nd : NULL, nd ? 1 : 0, &found);
        if (found)
            return r;
    }
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

/* input() when sys.stdin or sys.stdout is not the process's own: the
 * prompt goes to fout.write, then fout.flush(), and the line comes from
 * fin.readline() (CPython's non-interactive path) */
static Obj *input_via_objects(Obj *fin, Obj *fout, Obj *prompt)
{
    if (prompt) {
        Obj *s = vm_str(prompt);
        if (!s)
            return NULL;
        Obj *wn = vm_str_intern("write", 5);
        Obj *w = vm_getattr(fout, wn);
        DECREF(wn);
        Obj *r = w ? vm_call(w, &s, 1, NULL) : NULL;
        XDECREF(w);
        DECREF(s);
        if (!r)
            return NULL;
        DECREF(r);
    }
    Obj *fl = call_method0(fout, "flush");
    if (fl)
        DECREF(fl);
    else
        vm_err_clear();
    Obj *line = call_method0(fin, "readline");
    if (!line)
        return NULL;
    if (!STR_CHECK(line)) {
        DECREF(line);
        return vm_err_str(&vm_exc_TypeError, "object.readline() returned non-string");
    }
    if (STR_LEN(line) == 0) {
        DECREF(line);
        return vm_err_str(&vm_exc_EOFError, "EOF when reading a line");
    }
    if (STR_DATA(line)[STR_LEN(line) - 1] == '\n') {
        Obj *cut = vm_str_new(STR_DATA(line), (size_t)STR_LEN(line) - 1);
        DECREF(line);
        line = cut;
    }
    return line;
}

static Obj *bi_input(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("input", kwnames) < 0 || vm_argc("input", nargs, 0, 1) < 0)
        return NULL;
    Obj *fin = vm_sys_attr("stdin"), *fout = sys_stdout();
    if (vm_sys_attr("modules") && (!fin || fin == VM_NONE))
        return vm_err_str(&vm_exc_RuntimeError, "input(): lost sys.stdin");
    if (!fout || fout == VM_NONE)
        return vm_err_str(&vm_exc_RuntimeError, "input(): lost sys.stdout");
    if ((fin && fin != vm_sys_attr("__stdin__")) || fout != vm_sys_stdout)
        return input_via_objects(fin, fout, nargs ? args[0] : NULL);
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
    vm_gil_release();       /* the loop touches no Python object (gil.h) */
    for (;;) {
        errno = 0;
        c = getchar();
        if (c == EOF && ferror(stdin) && errno == EINTR) {
            clearerr(stdin);
            vm_gil_acquire();
            int rc = vm_signal_check();
            vm_gil_release();
            if (rc < 0) {    /* PEP 475: a handler raised, else read on */
                vm_gil_acquire();
                buf_free(&b);
                return NULL;
            }
            continue;
        }
        if (c == EOF)
            break;
        any = true;
        if (c == '\n')
            break;
        buf_putc(&b, c);
    }
    vm_gil_acquire();
    if (!any) {
        buf_free(&b);
        return vm_err_str(&vm_exc_EOFError, "EOF when reading a line");
    }
    size_t valid = ls_utf8_valid_prefix(b.data ? b.data : "", b.len);
    Obj *r = vm_str_new(b.data ? b.data : "", valid);
    buf_free(&b);
    return r;
}

/* object.__dir__ and type.__dir__ (object.c) and dir()'s default: the
 * names of o's __dict__ and of its class's (a class: its own) MRO dicts,
 * unsorted */
Obj *vm_dir_default(Obj *o)
{
    Obj *l = NULL;
    if (TYPE(o) == &vm_module_type) {
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
            for (Type *m = t; rc == 0 && m; m = m->base) {
                if (!m->dict)
                    vm_type_ready(m);   /* a builtin type first looked into now */
                rc = vm_set_update(names, m->dict);
            }
        }
        /* object's __class__ and, where instances have one, __dict__: data
         * descriptors CPython keeps in the type dicts */
        for (int k = 0; k < 2 && rc == 0; k++) {
            if (k == 1 && !t->dictoffset)
                break;
            Obj *nm = k ? vm_str_intern("__dict__", 8) : vm_str_intern("__class__", 9);
            rc = vm_set_add(names, nm);
            DECREF(nm);
        }
        l = rc == 0 ? vm_list_from_iter(names) : NULL;
        DECREF(names);
    }
    return l;
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
    if (!l)
        l = vm_dir_default(o);
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
    if (vm_nokw("globals", kwnames) < 0 || vm_argc("globals", nargs, 0, 0) < 0)
        return NULL;
    return vm_frame_globals();
}

static Obj *bi_locals(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("locals", kwnames) < 0 || vm_argc("locals", nargs, 0, 0) < 0)
        return NULL;
    return vm_frame_locals();
}

static Obj *bi_vars(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("vars", kwnames) < 0 || vm_argc("vars", nargs, 0, 1) < 0)
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
    Obj *small[8], **argv = m->n <= 8 ? small : ls_xmalloc((size_t)m->n * sizeof(Obj *));
    Obj *r = NULL;
    int got = 0;
    while (got < m->n && (argv[got] = vm_next(m->iters[got])) != NULL)
        got++;
    if (got == m->n)
        r = vm_call(m->func, argv, (size_t)m->n, NULL);
    for (int i = 0; i < got; i++)
        DECREF(argv[i]);
    if (argv != small)
        free(argv);
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

static Type enumerate_type;

static Obj *enumerate_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    /* CPython 3.11's own parsing (enum_vectorcall): with two arguments a
     * keyword must be start= (or both iterable= and start=), with one it
     * must be iterable=; the first other name is reported */
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0, npos = nargs - nkw;
    Obj *it, *start;
    if (self != (Obj *)&enumerate_type) {
        /* a subclass: the Argument Clinic parser of enumerate.__new__ */
        static const char *const kw[] = {"iterable", "start"};
        static const ClinicSpec spec = {"enumerate", kw, 2, 0, 2, 1};
        Obj *v[2];
        if (vm_clinic_args(&spec, args, nargs, kwnames, v) < 0)
            return NULL;
        it = v[0];
        start = v[1];
        goto parsed;
    }
    if (nargs > 2 || nargs == 0) {
        if (npos == 0)
            return vm_err_str(&vm_exc_TypeError, "enumerate() missing required argument "
                              "'iterable'");
        return vm_err_fmt(&vm_exc_TypeError, "enumerate() takes at most 2 arguments (%zu "
                          "given)", nargs);
    }
    it = npos > 0 ? args[0] : NULL;
    start = npos > 1 ? args[1] : NULL;
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        if (vm_str_eqc(kn, "start") && nargs == 2)
            start = args[npos + k];
        else if (vm_str_eqc(kn, "iterable") && npos == 0)
            it = args[npos + k];
        else
            return vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for "
                              "enumerate()", STR_DATA(kn));
    }
parsed:;
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
            return vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for "
                              "zip()", STR_DATA(kn));
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
    .flags = TF_SUBCONSTRUCT, .basicsize = sizeof(MultiIter), .dealloc = multi_dealloc, .iter = self_iter,
    .iternext = enumerate_next, .construct = enumerate_construct,
};
static Type zip_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type), .name = "zip", .base = &vm_object_type,
    .flags = TF_SUBCONSTRUCT, .basicsize = sizeof(MultiIter), .dealloc = multi_dealloc, .iter = self_iter,
    .iternext = zip_next, .construct = zip_construct,
};
static Type map_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type), .name = "map", .base = &vm_object_type,
    .flags = TF_SUBCONSTRUCT, .basicsize = sizeof(MultiIter), .dealloc = multi_dealloc, .iter = self_iter,
    .iternext = map_next, .construct = map_construct,
};
static Type filter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type), .name = "filter", .base = &vm_object_type,
    .flags = TF_SUBCONSTRUCT, .basicsize = sizeof(MultiIter), .dealloc = multi_dealloc, .iter = self_iter,
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
    if (vm_nokw("reversed", kwnames) < 0)
        return NULL;
    if (nargs != 1)
        return vm_err_fmt(&vm_exc_TypeError, "reversed expected 1 argument, got %zu", nargs);
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
    if (!TYPE(s)->getitem || DICT_CHECK(s))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not reversible", vm_tname(s));
    if (!TYPE(s)->len)      /* a sequence without len(): as CPython */
        return vm_err_fmt(&vm_exc_TypeError, "object of type '%s' has no len()", vm_tname(s));
    ssize_t n = vm_len(s);
    if (n < 0)
        return NULL;
    RevIter *r = vm_alloc((Type *)self, 0);
    r->seq = vm_newref(s);
    r->i = n - 1;
    return (Obj *)r;
}

/* __length_hint__: index + 1, or 0 once the sequence is shorter */
static Obj *rev_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    RevIter *r = (RevIter *)self;
    if (!r->seq || r->i < 0)
        return vm_int_from_i64(0);
    ssize_t n = vm_len(r->seq);
    if (n < 0)
        return NULL;
    return vm_int_from_i64(n < r->i + 1 ? 0 : r->i + 1);
}

static const MethodDef rev_methods[] = {
    {"__length_hint__", rev_hint},
    {NULL, NULL},
};

static Type reversed_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type), .name = "reversed", .base = &vm_object_type,
    .flags = TF_SUBCONSTRUCT, .basicsize = sizeof(RevIter), .dealloc = rev_dealloc, .iter = self_iter,
    .iternext = rev_next, .construct = reversed_construct, .methods = rev_methods,
};

/* enumerate.__new__(cls, ...) and the others': construct an instance of
 * cls, a subclass (TF_SUBCONSTRUCT) */
static Obj *iter_type_new(Type *owner, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_new_cls_arg(owner, args, nargs, kwnames);   /* class.c */
    if (!t)
        return NULL;
    return owner->construct((Obj *)t, args + 1, nargs - 1, kwnames);
}

#define ITER_NEW(fn, T) \
    static Obj *fn(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        return iter_type_new(&(T), args, nargs, kwnames); \
    }
ITER_NEW(enumerate_new_m, enumerate_type)
ITER_NEW(zip_new_m, zip_type)
ITER_NEW(map_new_m, map_type)
ITER_NEW(filter_new_m, filter_type)
ITER_NEW(reversed_new_m, reversed_type)
#undef ITER_NEW

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
    return abs_value(self, false);
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
    return round_value(self, nargs ? args[0] : NULL, false);
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
    /* the mutable types say they are unhashable as CPython's do (__hash__ =
     * None in the class dict), which collections.abc.Hashable checks */
    Type *const unhashable[] = {
        &vm_list_type, &vm_dict_type, &vm_set_type, &vm_bytearray_type, &vm_slice_type,
    };
    for (size_t i = 0; i < sizeof unhashable / sizeof *unhashable; i++)
        rc |= vm_dict_set_cstr(unhashable[i]->dict, "__hash__", VM_NONE);
    /* the iterator types' __new__ (static methods), for their subclasses */
    Type *const iter_types[] = {&enumerate_type, &zip_type, &map_type, &filter_type,
                                &reversed_type};
    const CFunc iter_news[] = {enumerate_new_m, zip_new_m, map_new_m, filter_new_m,
                               reversed_new_m};
    for (size_t i = 0; i < sizeof iter_types / sizeof *iter_types; i++) {
        Obj *f = vm_builtin_new("__new__", iter_news[i], NULL);
        Obj *sm = vm_call((Obj *)&vm_staticmethod_type, &f, 1, NULL);
        DECREF(f);
        rc |= !sm || vm_dict_set_cstr(iter_types[i]->dict, "__new__", sm);
        XDECREF(sm);
    }
#define EXC(name, base) rc |= vm_dict_set_cstr(d, #name, (Obj *)&vm_exc_##name);
#include "cmd/pyvm/exc.def"
#undef EXC
    /* the old names of OSError (PEP 3151) */
    rc |= vm_dict_set_cstr(d, "IOError", (Obj *)&vm_exc_OSError);
    rc |= vm_dict_set_cstr(d, "EnvironmentError", (Obj *)&vm_exc_OSError);
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
