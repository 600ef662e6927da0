/* cmd/pyvm/mod_itertools.c: the itertools module: count, cycle, repeat,
 * accumulate, chain, compress, dropwhile, takewhile, filterfalse, islice,
 * starmap, zip_longest, product, permutations, combinations,
 * combinations_with_replacement, pairwise, groupby and tee.
 *
 * Stage: pyvm.  Every iterator is one ItObj (a few object slots and a few
 * integers, whose meaning each type's comment gives) with its own
 * constructor and next function; the combinatoric ones keep CPython's
 * index arrays (n[]) and yield tuples in CPython's order.
 */
#include "cmd/pyvm/module.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

#define IT_OBJS 5

/* One itertools iterator. */
typedef struct ItObj {
    Obj ob;
    Obj *o[IT_OBJS];        /* the type's objects (iterators, functions, pools) */
    ssize_t a, b, c, d;     /* the type's counters */
    ssize_t *idx;           /* index array (combinatorics), malloc'd, or NULL */
    ssize_t *cyc;           /* permutations' cycles, malloc'd, or NULL */
} ItObj;

static void it_dealloc(Obj *o)
{
    ItObj *it = (ItObj *)o;
    for (int i = 0; i < IT_OBJS; i++)
        XDECREF(it->o[i]);
    free(it->idx);
    free(it->cyc);
    vm_obj_free(o);
}

static void it_traverse(Obj *o, VisitFn visit, void *arg)
{
    ItObj *it = (ItObj *)o;
    for (int i = 0; i < IT_OBJS; i++)
        VISIT(it->o[i]);
}

static void it_clear(Obj *o)
{
    ItObj *it = (ItObj *)o;
    for (int i = 0; i < IT_OBJS; i++)
        CLEAR(it->o[i]);
}

static Obj *it_self(Obj *o)
{
    return vm_newref(o);
}

static ItObj *it_new(Type *t)
{
    ItObj *it = vm_alloc(t, 0);
    for (int i = 0; i < IT_OBJS; i++)
        it->o[i] = NULL;
    it->a = it->b = it->c = it->d = 0;
    it->idx = it->cyc = NULL;
    return it;
}

#define IT_TYPE(var, tname, nextfn, ctor, reprfn) \
    static Type var = { \
        .ob = OBJ_HEAD_INIT(&vm_type_type), \
        .name = tname, \
        .base = &vm_object_type, \
        .flags = TF_GC, \
        .basicsize = sizeof(ItObj), \
        .dealloc = it_dealloc, \
        .traverse = it_traverse, \
        .clear = it_clear, \
        .iter = it_self, \
        .iternext = nextfn, \
        .construct = ctor, \
        .repr = reprfn, \
    }

static int no_kw(const char *name, Obj *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames)) {
        vm_err_fmt(&vm_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

/* Keyword arguments by name: out[i] for names[i] (NULL when absent);
 * *nargsp (all the arguments) becomes the number of positional ones. */
static int kw_only(const char *fname, Obj *const *args, size_t *nargsp, Obj *kwnames,
                   const char *const *names, size_t n, Obj **out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = NULL;
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    size_t nargs = *nargsp - nkw;   /* args: the positional ones, then the keywords' values */
    *nargsp = nargs;
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        size_t i = 0;
        while (i < n && !vm_str_eqc(kn, names[i]))
            i++;
        if (i == n) {
            vm_err_fmt(&vm_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname,
                       STR_DATA(kn));
            return -1;
        }
        out[i] = args[nargs + k];
    }
    return 0;
}

/* ---- count(start=0, step=1): o[0] the next value, o[1] the step ---- */

static Obj *count_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    Obj *r = it->o[0];
    Obj *n = vm_binop(r, it->o[1], NB_ADD);
    if (!n)
        return NULL;
    it->o[0] = n;
    return r;               /* the reference the iterator held */
}

static Obj *count_repr(Obj *o)
{
    ItObj *it = (ItObj *)o;
    Obj *a = vm_repr(it->o[0]);
    if (!a)
        return NULL;
    Buf b = BUF_INIT;
    bool one = INT_CHECK(it->o[1]) && TYPE(it->o[1]) == &vm_int_type
               && INT_IS_SMALL(it->o[1]) && INT_SMALL(it->o[1]) == 1;
    if (one) {
        buf_printf(&b, "count(%s)", STR_DATA(a));
    } else {
        Obj *s = vm_repr(it->o[1]);
        if (!s) {
            DECREF(a);
            return NULL;
        }
        buf_printf(&b, "count(%s, %s)", STR_DATA(a), STR_DATA(s));
        DECREF(s);
    }
    DECREF(a);
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

static Obj *count_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(count_type, "count", count_next, count_new, count_repr);

/* CPython's PyNumber_Check: int, float, complex, or __index__/__int__/__float__ */
static bool is_number(Obj *o)
{
    return INT_CHECK(o) || HAS_FLAG(o, TF_FLOAT) || vm_type_lookup(TYPE(o), vm_str_intern("__index__", 9))
           || vm_type_lookup(TYPE(o), vm_str_intern("__int__", 7))
           || vm_type_lookup(TYPE(o), vm_str_intern("__float__", 9))
           || vm_type_lookup(TYPE(o), vm_str_intern("__complex__", 11))
           || strcmp(vm_tname(o), "complex") == 0;
}

static Obj *count_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"start", "step"};
    Obj *kw[2];
    if (kw_only("count", args, &nargs, kwnames, names, 2, kw) < 0)
        return NULL;
    if (nargs > 2)
        return vm_err_fmt(&vm_exc_TypeError, "count() takes at most 2 arguments (%zu given)", nargs);
    Obj *start = nargs > 0 ? args[0] : kw[0];
    Obj *step = nargs > 1 ? args[1] : kw[1];
    if ((start && !is_number(start)) || (step && !is_number(step)))
        return vm_err_str(&vm_exc_TypeError, "a number is required");
    ItObj *it = it_new(&count_type);
    it->o[0] = start ? vm_newref(start) : vm_int_from_i64(0);
    it->o[1] = step ? vm_newref(step) : vm_int_from_i64(1);
    return (Obj *)it;
}

/* ---- cycle(iterable): o[0] the source (NULL once drained), o[1] the
 * saved items; a: the next index into them ---- */

static Obj *cycle_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    if (it->o[0]) {
        Obj *v = vm_next(it->o[0]);
        if (v) {
            vm_list_append(it->o[1], v);
            return v;
        }
        if (vm_err_occurred())
            return NULL;
        CLEAR(it->o[0]);
    }
    ssize_t n = LIST_LEN(it->o[1]);
    if (n == 0)
        return NULL;
    Obj *v = LIST_ITEMS(it->o[1])[it->a % n];
    it->a = (it->a + 1) % n;
    return vm_newref(v);
}

static Obj *cycle_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(cycle_type, "cycle", cycle_next, cycle_new, NULL);

static Obj *cycle_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (no_kw("cycle", kwnames) < 0)
        return NULL;
    if (nargs != 1)
        return vm_err_fmt(&vm_exc_TypeError, "cycle expected 1 argument, got %zu", nargs);
    Obj *src = vm_iter(args[0]);
    if (!src)
        return NULL;
    ItObj *it = it_new(&cycle_type);
    it->o[0] = src;
    it->o[1] = vm_list_new(0);
    return (Obj *)it;
}

/* ---- repeat(object[, times]): o[0] the object; a: times left, -1 forever ---- */

static Obj *repeat_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    if (it->a == 0)
        return NULL;
    if (it->a > 0)
        it->a--;
    return vm_newref(it->o[0]);
}

static Obj *repeat_repr(Obj *o)
{
    ItObj *it = (ItObj *)o;
    Obj *r = vm_repr(it->o[0]);
    if (!r)
        return NULL;
    Buf b = BUF_INIT;
    if (it->a < 0)
        buf_printf(&b, "repeat(%s)", STR_DATA(r));
    else
        buf_printf(&b, "repeat(%s, %zd)", STR_DATA(r), it->a);
    DECREF(r);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *repeat_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(repeat_type, "repeat", repeat_next, repeat_new, repeat_repr);

static Obj *repeat_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"object", "times"};
    Obj *kw[2];
    if (kw_only("repeat", args, &nargs, kwnames, names, 2, kw) < 0)
        return NULL;
    if (nargs > 2)
        return vm_err_fmt(&vm_exc_TypeError, "repeat() takes at most 2 arguments (%zu given)", nargs);
    Obj *obj = nargs > 0 ? args[0] : kw[0];
    Obj *times = nargs > 1 ? args[1] : kw[1];
    if (!obj)
        return vm_err_str(&vm_exc_TypeError, "repeat() missing required argument 'object' (pos 1)");
    int64_t n = -1;
    if (times) {
        if (!INT_CHECK(times))
            return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              vm_tname(times));
        if (vm_int_as_i64(times, &n) < 0)
            return NULL;
        if (n < 0)
            n = 0;
    }
    ItObj *it = it_new(&repeat_type);
    it->o[0] = vm_newref(obj);
    it->a = (ssize_t)n;
    return (Obj *)it;
}

/* ---- accumulate(iterable, func=None, *, initial=None): o[0] source,
 * o[1] func or NULL, o[2] the running total or NULL, o[3] the initial
 * value still to yield ---- */

static Obj *accumulate_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    if (it->o[3]) {
        Obj *v = it->o[3];
        it->o[3] = NULL;
        it->o[2] = vm_newref(v);
        return v;
    }
    Obj *v = vm_next(it->o[0]);
    if (!v)
        return NULL;
    if (it->o[2]) {
        Obj *t;
        if (it->o[1]) {
            Obj *a[2] = {it->o[2], v};
            t = vm_call(it->o[1], a, 2, NULL);
        } else {
            t = vm_binop(it->o[2], v, NB_ADD);
        }
        DECREF(v);
        if (!t)
            return NULL;
        v = t;
        DECREF(it->o[2]);
    }
    it->o[2] = vm_newref(v);
    return v;
}

static Obj *accumulate_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(accumulate_type, "accumulate", accumulate_next, accumulate_new, NULL);

static Obj *accumulate_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"iterable", "func", "initial"};
    Obj *kw[3];
    if (kw_only("accumulate", args, &nargs, kwnames, names, 3, kw) < 0)
        return NULL;
    if (nargs > 2)
        return vm_err_fmt(&vm_exc_TypeError, "accumulate() takes at most 2 positional arguments (%zu given)", nargs);
    Obj *iterable = nargs > 0 ? args[0] : kw[0];
    Obj *func = nargs > 1 ? args[1] : kw[1];
    if (!iterable)
        return vm_err_str(&vm_exc_TypeError, "accumulate() missing required argument 'iterable' (pos 1)");
    Obj *src = vm_iter(iterable);
    if (!src)
        return NULL;
    ItObj *it = it_new(&accumulate_type);
    it->o[0] = src;
    it->o[1] = func && func != VM_NONE ? vm_newref(func) : NULL;
    it->o[3] = kw[2] && kw[2] != VM_NONE ? vm_newref(kw[2]) : NULL;
    return (Obj *)it;
}

/* ---- chain(*iterables): o[0] iterator over the iterables, o[1] the
 * current iterator ---- */

static Obj *chain_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    for (;;) {
        if (!it->o[1]) {
            if (!it->o[0])
                return NULL;
            Obj *n = vm_next(it->o[0]);
            if (!n) {
                if (vm_err_occurred())
                    return NULL;
                CLEAR(it->o[0]);
                return NULL;
            }
            it->o[1] = vm_iter(n);
            DECREF(n);
            if (!it->o[1])
                return NULL;
        }
        Obj *v = vm_next(it->o[1]);
        if (v || vm_err_occurred())
            return v;
        CLEAR(it->o[1]);
    }
}

static Obj *chain_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(chain_type, "chain", chain_next, chain_new, NULL);

static Obj *chain_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (no_kw("chain", kwnames) < 0)
        return NULL;
    Obj *t = vm_tuple_from(args, (ssize_t)nargs);
    Obj *src = vm_iter(t);
    DECREF(t);
    if (!src)
        return NULL;
    ItObj *it = it_new(&chain_type);
    it->o[0] = src;
    return (Obj *)it;
}

static Obj *chain_from_iterable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    /* called as a class method: (cls, iterable) */
    if (vm_nokw("from_iterable", kwnames) < 0 || vm_argc("from_iterable", nargs, 2, 2) < 0)
        return NULL;
    Obj *src = vm_iter(args[1]);
    if (!src)
        return NULL;
    ItObj *it = it_new(&chain_type);
    it->o[0] = src;
    return (Obj *)it;
}

/* ---- compress(data, selectors): o[0] data, o[1] selectors ---- */

static Obj *compress_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    for (;;) {
        Obj *d = vm_next(it->o[0]);
        if (!d)
            return NULL;
        Obj *s = vm_next(it->o[1]);
        if (!s) {
            DECREF(d);
            return NULL;
        }
        int t = vm_truth(s);
        DECREF(s);
        if (t > 0)
            return d;
        DECREF(d);
        if (t < 0)
            return NULL;
    }
}

static Obj *compress_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(compress_type, "compress", compress_next, compress_new, NULL);

static Obj *compress_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"data", "selectors"};
    Obj *kw[2];
    if (kw_only("compress", args, &nargs, kwnames, names, 2, kw) < 0)
        return NULL;
    Obj *d = nargs > 0 ? args[0] : kw[0], *s = nargs > 1 ? args[1] : kw[1];
    if (!d || !s || nargs > 2)
        return vm_err_str(&vm_exc_TypeError, "compress() missing required argument");
    Obj *di = vm_iter(d);
    if (!di)
        return NULL;
    Obj *si = vm_iter(s);
    if (!si) {
        DECREF(di);
        return NULL;
    }
    ItObj *it = it_new(&compress_type);
    it->o[0] = di;
    it->o[1] = si;
    return (Obj *)it;
}

/* ---- dropwhile / takewhile / filterfalse(predicate, iterable):
 * o[0] predicate, o[1] source; a: dropwhile done dropping, takewhile stopped ---- */

static int pred_true(Obj *pred, Obj *v)
{
    Obj *r = pred == VM_NONE ? vm_newref(v) : vm_call(pred, &v, 1, NULL);
    if (!r)
        return -1;
    int t = vm_truth(r);
    DECREF(r);
    return t;
}

static Obj *dropwhile_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    for (;;) {
        Obj *v = vm_next(it->o[1]);
        if (!v || it->a)
            return v;
        int t = pred_true(it->o[0], v);
        if (t == 0) {
            it->a = 1;
            return v;
        }
        DECREF(v);
        if (t < 0)
            return NULL;
    }
}

static Obj *takewhile_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    if (it->a)
        return NULL;
    Obj *v = vm_next(it->o[1]);
    if (!v)
        return NULL;
    int t = pred_true(it->o[0], v);
    if (t > 0)
        return v;
    DECREF(v);
    if (t == 0)
        it->a = 1;
    return NULL;
}

static Obj *filterfalse_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    for (;;) {
        Obj *v = vm_next(it->o[1]);
        if (!v)
            return NULL;
        int t = pred_true(it->o[0], v);
        if (t == 0)
            return v;
        DECREF(v);
        if (t < 0)
            return NULL;
    }
}

static Obj *pred_make(Type *t, const char *name, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (no_kw(name, kwnames) < 0)
        return NULL;
    if (nargs != 2)
        return vm_err_fmt(&vm_exc_TypeError, "%s expected 2 arguments, got %zu", name, nargs);
    Obj *src = vm_iter(args[1]);
    if (!src)
        return NULL;
    ItObj *it = it_new(t);
    it->o[0] = vm_newref(args[0]);
    it->o[1] = src;
    return (Obj *)it;
}

static Obj *dropwhile_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
static Obj *takewhile_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
static Obj *filterfalse_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(dropwhile_type, "dropwhile", dropwhile_next, dropwhile_new, NULL);
IT_TYPE(takewhile_type, "takewhile", takewhile_next, takewhile_new, NULL);
IT_TYPE(filterfalse_type, "filterfalse", filterfalse_next, filterfalse_new, NULL);

static Obj *dropwhile_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pred_make(&dropwhile_type, "dropwhile", args, nargs, kwnames);
}

static Obj *takewhile_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pred_make(&takewhile_type, "takewhile", args, nargs, kwnames);
}

static Obj *filterfalse_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pred_make(&filterfalse_type, "filterfalse", args, nargs, kwnames);
}

/* ---- islice(iterable, [start,] stop[, step]): o[0] source; a: the next
 * index to yield, b: stop (-1 none), c: step, d: items consumed ---- */

static Obj *islice_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    if (!it->o[0])
        return NULL;
    while (it->d < it->a) {
        if (it->b >= 0 && it->d >= it->b)
            break;
        Obj *v = vm_next(it->o[0]);
        if (!v) {
            if (!vm_err_occurred())
                CLEAR(it->o[0]);
            return NULL;
        }
        DECREF(v);
        it->d++;
    }
    if (it->b >= 0 && it->d >= it->b) {
        CLEAR(it->o[0]);
        return NULL;
    }
    Obj *v = vm_next(it->o[0]);
    if (!v) {
        if (!vm_err_occurred())
            CLEAR(it->o[0]);
        return NULL;
    }
    it->d++;
    it->a += it->c;
    if (it->b >= 0 && it->a > it->b)
        it->a = it->b;
    return v;
}

static int islice_arg(Obj *v, ssize_t *out, const char *msg)
{
    if (v == VM_NONE)
        return 0;
    int64_t n;
    if (!INT_CHECK(v) || vm_int_as_i64(v, &n) < 0 || n < 0) {
        vm_err_clear();
        vm_err_str(&vm_exc_ValueError, msg);
        return -1;
    }
    *out = (ssize_t)n;
    return 0;
}

static Obj *islice_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(islice_type, "islice", islice_next, islice_new, NULL);

static Obj *islice_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (no_kw("islice", kwnames) < 0)
        return NULL;
    if (nargs < 2 || nargs > 4)
        return vm_err_fmt(&vm_exc_TypeError, "islice expected at %s %d arguments, got %zu",
                          nargs < 2 ? "least" : "most", nargs < 2 ? 2 : 4, nargs);
    ssize_t start = 0, stop = -1, step = 1;
    if (nargs == 2) {
        if (islice_arg(args[1], &stop, "Stop argument for islice() must be None or an integer: "
                       "0 <= x <= sys.maxsize.") < 0)
            return NULL;
    } else {
        if (islice_arg(args[1], &start, "Indices for islice() must be None or an integer: "
                       "0 <= x <= sys.maxsize.") < 0
            || islice_arg(args[2], &stop, "Stop argument for islice() must be None or an integer: "
                          "0 <= x <= sys.maxsize.") < 0)
            return NULL;
        if (nargs == 4 && args[3] != VM_NONE) {
            int64_t s;
            if (!INT_CHECK(args[3]) || vm_int_as_i64(args[3], &s) < 0 || s < 1) {
                vm_err_clear();
                return vm_err_str(&vm_exc_ValueError,
                                  "Step for islice() must be a positive integer or None.");
            }
            step = (ssize_t)s;
        }
    }
    Obj *src = vm_iter(args[0]);
    if (!src)
        return NULL;
    ItObj *it = it_new(&islice_type);
    it->o[0] = src;
    it->a = start;
    it->b = stop;
    it->c = step;
    if (stop >= 0 && start > stop)
        it->a = stop;
    return (Obj *)it;
}

/* ---- starmap(function, iterable): o[0] function, o[1] source ---- */

static Obj *starmap_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    Obj *v = vm_next(it->o[1]);
    if (!v)
        return NULL;
    Obj *t = TUPLE_CHECK(v) ? vm_newref(v) : NULL;
    if (!t) {
        Obj *l = vm_list_from_iter(v);
        if (!l) {
            DECREF(v);
            return NULL;
        }
        t = vm_tuple_from(LIST_ITEMS(l), LIST_LEN(l));
        DECREF(l);
    }
    DECREF(v);
    Obj *r = vm_call(it->o[0], TUPLE_ITEMS(t), (size_t)TUPLE_LEN(t), NULL);
    DECREF(t);
    return r;
}

static Obj *starmap_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(starmap_type, "starmap", starmap_next, starmap_new, NULL);

static Obj *starmap_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pred_make(&starmap_type, "starmap", args, nargs, kwnames);
}

/* ---- zip_longest(*iterables, fillvalue=None): o[0] list of iterators
 * (None when exhausted), o[1] fillvalue; a: how many still active ---- */

static Obj *zip_longest_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    ssize_t n = LIST_LEN(it->o[0]);
    if (n == 0 || it->a == 0)
        return NULL;
    Obj *t = vm_tuple_new(n);
    for (ssize_t i = 0; i < n; i++) {
        Obj *src = LIST_ITEMS(it->o[0])[i];
        Obj *v = NULL;
        if (src != VM_NONE) {
            v = vm_next(src);
            if (!v) {
                if (vm_err_occurred()) {
                    for (ssize_t k = i; k < n; k++)
                        TUPLE_ITEMS(t)[k] = vm_newref(VM_NONE);
                    DECREF(t);
                    return NULL;
                }
                LIST_ITEMS(it->o[0])[i] = vm_newref(VM_NONE);
                DECREF(src);
                if (--it->a == 0) {
                    for (ssize_t k = i; k < n; k++)
                        TUPLE_ITEMS(t)[k] = vm_newref(VM_NONE);
                    DECREF(t);
                    return NULL;
                }
            }
        }
        TUPLE_ITEMS(t)[i] = v ? v : vm_newref(it->o[1]);
    }
    return t;
}

static Obj *zip_longest_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(zip_longest_type, "zip_longest", zip_longest_next, zip_longest_new, NULL);

static Obj *zip_longest_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"fillvalue"};
    Obj *kw[1];
    if (kw_only("zip_longest", args, &nargs, kwnames, names, 1, kw) < 0)
        return NULL;
    Obj *l = vm_list_new(0);
    for (size_t i = 0; i < nargs; i++) {
        Obj *src = vm_iter(args[i]);
        if (!src) {
            DECREF(l);
            return NULL;
        }
        vm_list_append(l, src);
        DECREF(src);
    }
    ItObj *it = it_new(&zip_longest_type);
    it->o[0] = l;
    it->o[1] = vm_newref(kw[0] ? kw[0] : VM_NONE);
    it->a = (ssize_t)nargs;
    return (Obj *)it;
}

/* ---- pairwise(iterable): o[0] source, o[1] the previous item ---- */

static Obj *pairwise_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    if (!it->o[0])
        return NULL;
    if (!it->o[1]) {
        it->o[1] = vm_next(it->o[0]);
        if (!it->o[1]) {
            if (!vm_err_occurred())
                CLEAR(it->o[0]);
            return NULL;
        }
    }
    Obj *v = vm_next(it->o[0]);
    if (!v) {
        if (!vm_err_occurred()) {
            CLEAR(it->o[0]);
            CLEAR(it->o[1]);
        }
        return NULL;
    }
    Obj *pair[2] = {it->o[1], v};
    Obj *t = vm_tuple_from(pair, 2);
    DECREF(it->o[1]);
    it->o[1] = v;
    return t;
}

static Obj *pairwise_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(pairwise_type, "pairwise", pairwise_next, pairwise_new, NULL);

static Obj *pairwise_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (no_kw("pairwise", kwnames) < 0)
        return NULL;
    if (nargs != 1)
        return vm_err_fmt(&vm_exc_TypeError, "pairwise expected 1 argument, got %zu", nargs);
    Obj *src = vm_iter(args[0]);
    if (!src)
        return NULL;
    ItObj *it = it_new(&pairwise_type);
    it->o[0] = src;
    return (Obj *)it;
}

/* ---- the combinatoric iterators: o[0] the pool (a tuple), o[1] the
 * last result (NULL before the first); a: r, b: 1 when exhausted;
 * idx: indices (product: per pool position) ---- */

static Obj *result_from(ItObj *it, ssize_t r)
{
    Obj *pool = it->o[0];
    Obj *t = vm_tuple_new(r);
    for (ssize_t i = 0; i < r; i++)
        TUPLE_ITEMS(t)[i] = vm_newref(TUPLE_ITEMS(pool)[it->idx[i]]);
    return t;
}

/* product: o[0] tuple of pool tuples, expanded for repeat; a = len */
static Obj *product_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    if (it->b)
        return NULL;
    Obj *pools = it->o[0];
    ssize_t n = TUPLE_LEN(pools);
    if (it->c) {            /* not the first: advance like an odometer */
        ssize_t i = n - 1;
        for (; i >= 0; i--) {
            ssize_t len = TUPLE_LEN(TUPLE_ITEMS(pools)[i]);
            if (++it->idx[i] < len)
                break;
            it->idx[i] = 0;
        }
        if (i < 0) {
            it->b = 1;
            return NULL;
        }
    } else {
        it->c = 1;
        for (ssize_t i = 0; i < n; i++)
            if (TUPLE_LEN(TUPLE_ITEMS(pools)[i]) == 0) {
                it->b = 1;
                return NULL;
            }
    }
    Obj *t = vm_tuple_new(n);
    for (ssize_t i = 0; i < n; i++)
        TUPLE_ITEMS(t)[i] = vm_newref(TUPLE_ITEMS(TUPLE_ITEMS(pools)[i])[it->idx[i]]);
    return t;
}

static Obj *product_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(product_type, "product", product_next, product_new, NULL);

static Obj *as_tuple(Obj *iterable)
{
    if (TYPE(iterable) == &vm_tuple_type)
        return vm_newref(iterable);
    Obj *l = vm_list_from_iter(iterable);
    if (!l)
        return NULL;
    Obj *t = vm_tuple_from(LIST_ITEMS(l), LIST_LEN(l));
    DECREF(l);
    return t;
}

static Obj *product_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"repeat"};
    Obj *kw[1];
    if (kw_only("product", args, &nargs, kwnames, names, 1, kw) < 0)
        return NULL;
    int64_t rep = 1;
    if (kw[0] && (!INT_CHECK(kw[0]) || vm_int_as_i64(kw[0], &rep) < 0)) {
        if (!vm_err_occurred())
            vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       vm_tname(kw[0]));
        return NULL;
    }
    if (rep < 0)
        return vm_err_str(&vm_exc_ValueError, "repeat argument cannot be negative");
    if (nargs && rep > (int64_t)(((size_t)1 << 28) / nargs))
        return vm_err_str(&vm_exc_OverflowError, "repeat argument too large");
    Obj *small[64], **base = nargs <= 64 ? small : ls_xmalloc(nargs * sizeof(Obj *));
    for (size_t i = 0; i < nargs; i++) {
        base[i] = as_tuple(args[i]);
        if (!base[i]) {
            for (size_t k = 0; k < i; k++)
                DECREF(base[k]);
            if (base != small)
                free(base);
            return NULL;
        }
    }
    ssize_t n = (ssize_t)nargs * (ssize_t)rep;
    Obj *pools = vm_tuple_new(n);
    for (ssize_t i = 0; i < n; i++)
        TUPLE_ITEMS(pools)[i] = vm_newref(base[i % (ssize_t)nargs]);
    for (size_t i = 0; i < nargs; i++)
        DECREF(base[i]);
    if (base != small)
        free(base);
    ItObj *it = it_new(&product_type);
    it->o[0] = pools;
    it->idx = calloc((size_t)n + 1, sizeof *it->idx);
    if (!it->idx)
        ls_die(LS_EXIT_USAGE, "out of memory");
    return (Obj *)it;
}

/* combinations(iterable, r): CPython's index-advancing order */
static Obj *combinations_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    if (it->b)
        return NULL;
    ssize_t n = TUPLE_LEN(it->o[0]), r = it->a;
    if (!it->c) {
        it->c = 1;
        if (r > n) {
            it->b = 1;
            return NULL;
        }
        return result_from(it, r);
    }
    ssize_t i = r - 1;
    while (i >= 0 && it->idx[i] == i + n - r)
        i--;
    if (i < 0) {
        it->b = 1;
        return NULL;
    }
    it->idx[i]++;
    for (ssize_t j = i + 1; j < r; j++)
        it->idx[j] = it->idx[j - 1] + 1;
    return result_from(it, r);
}

/* combinations_with_replacement(iterable, r) */
static Obj *cwr_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    if (it->b)
        return NULL;
    ssize_t n = TUPLE_LEN(it->o[0]), r = it->a;
    if (!it->c) {
        it->c = 1;
        if (n == 0 && r > 0) {
            it->b = 1;
            return NULL;
        }
        return result_from(it, r);
    }
    ssize_t i = r - 1;
    while (i >= 0 && it->idx[i] == n - 1)
        i--;
    if (i < 0) {
        it->b = 1;
        return NULL;
    }
    ssize_t v = it->idx[i] + 1;
    for (ssize_t j = i; j < r; j++)
        it->idx[j] = v;
    return result_from(it, r);
}

/* permutations(iterable, r=None): indices and cycles as CPython */
static Obj *permutations_next(Obj *o)
{
    ItObj *it = (ItObj *)o;
    if (it->b)
        return NULL;
    ssize_t n = TUPLE_LEN(it->o[0]), r = it->a;
    if (!it->c) {
        it->c = 1;
        if (r > n) {
            it->b = 1;
            return NULL;
        }
        return result_from(it, r);
    }
    if (n == 0) {
        it->b = 1;
        return NULL;
    }
    ssize_t i = r - 1;
    for (; i >= 0; i--) {
        it->cyc[i]--;
        if (it->cyc[i] == 0) {
            /* rotate idx[i:] left by one */
            ssize_t first = it->idx[i];
            for (ssize_t j = i; j < n - 1; j++)
                it->idx[j] = it->idx[j + 1];
            it->idx[n - 1] = first;
            it->cyc[i] = n - i;
        } else {
            ssize_t j = it->cyc[i];
            ssize_t tmp = it->idx[i];
            it->idx[i] = it->idx[n - j];
            it->idx[n - j] = tmp;
            return result_from(it, r);
        }
    }
    it->b = 1;
    return NULL;
}

static Obj *combinations_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
static Obj *cwr_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
static Obj *permutations_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(combinations_type, "combinations", combinations_next, combinations_new, NULL);
IT_TYPE(cwr_type, "combinations_with_replacement", cwr_next, cwr_new, NULL);
IT_TYPE(permutations_type, "permutations", permutations_next, permutations_new, NULL);

/* Shared constructor: iterable and r (required unless r_optional). */
static Obj *combi_make(Type *t, const char *name, Obj *const *args, size_t nargs, Obj *kwnames,
                       bool r_optional)
{
    static const char *const names[] = {"iterable", "r"};
    Obj *kw[2];
    if (kw_only(name, args, &nargs, kwnames, names, 2, kw) < 0)
        return NULL;
    if (nargs > 2)
        return vm_err_fmt(&vm_exc_TypeError, "%s() takes at most 2 arguments (%zu given)", name, nargs);
    Obj *iterable = nargs > 0 ? args[0] : kw[0];
    Obj *robj = nargs > 1 ? args[1] : kw[1];
    if (!iterable)
        return vm_err_fmt(&vm_exc_TypeError, "%s() missing required argument 'iterable' (pos 1)", name);
    if (!robj && !r_optional)
        return vm_err_fmt(&vm_exc_TypeError, "%s() missing required argument 'r' (pos 2)", name);
    Obj *pool = as_tuple(iterable);
    if (!pool)
        return NULL;
    ssize_t n = TUPLE_LEN(pool);
    int64_t r = n;
    if (robj && robj != VM_NONE) {
        if (!INT_CHECK(robj)) {
            DECREF(pool);
            return vm_err_fmt(&vm_exc_TypeError, "Expected int as r");
        }
        if (vm_int_as_i64(robj, &r) < 0) {
            DECREF(pool);
            return NULL;
        }
        if (r < 0) {
            DECREF(pool);
            return vm_err_str(&vm_exc_ValueError, "r must be non-negative");
        }
    }
    ItObj *it = it_new(t);
    it->o[0] = pool;
    it->a = (ssize_t)r;
    size_t m = (size_t)(n > r ? n : r) + 1;
    it->idx = calloc(m, sizeof *it->idx);
    it->cyc = calloc(m, sizeof *it->cyc);
    if (!it->idx || !it->cyc)
        ls_die(LS_EXIT_USAGE, "out of memory");
    bool with_repl = t == &cwr_type;
    for (ssize_t i = 0; i < (ssize_t)m - 1; i++)
        it->idx[i] = with_repl ? 0 : i;
    for (ssize_t i = 0; i < r && i < n; i++)
        it->cyc[i] = n - i;
    return (Obj *)it;
}

static Obj *combinations_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return combi_make(&combinations_type, "combinations", args, nargs, kwnames, false);
}

static Obj *cwr_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return combi_make(&cwr_type, "combinations_with_replacement", args, nargs, kwnames, false);
}

static Obj *permutations_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return combi_make(&permutations_type, "permutations", args, nargs, kwnames, true);
}

/* ---- groupby(iterable, key=None): o[0] source, o[1] key function or
 * NULL, o[2] the current key, o[3] the current value (NULL: fetch),
 * o[4] the current _grouper; a: exhausted.
 * _grouper: o[0] its groupby, o[1] its key ---- */

static Type grouper_type;

/* Advance the groupby to its next item; 0 at the end. */
static int groupby_step(ItObj *g)
{
    Obj *v = vm_next(g->o[0]);
    if (!v) {
        if (vm_err_occurred())
            return -1;
        g->a = 1;
        return 0;
    }
    Obj *k = g->o[1] ? vm_call(g->o[1], &v, 1, NULL) : vm_newref(v);
    if (!k) {
        DECREF(v);
        return -1;
    }
    XDECREF(g->o[2]);
    XDECREF(g->o[3]);
    g->o[2] = k;
    g->o[3] = v;
    return 1;
}

static Obj *groupby_next(Obj *o)
{
    ItObj *g = (ItObj *)o;
    if (g->a)
        return NULL;
    /* skip the rest of the current group */
    Obj *tgt = g->o[4] ? ((ItObj *)g->o[4])->o[1] : NULL;
    if (tgt)
        INCREF(tgt);
    for (;;) {
        if (!g->o[3]) {
            int s = groupby_step(g);
            if (s <= 0) {
                XDECREF(tgt);
                return NULL;
            }
        }
        if (!tgt)
            break;
        int eq = vm_eq(tgt, g->o[2]);
        if (eq < 0) {
            DECREF(tgt);
            return NULL;
        }
        if (!eq)
            break;
        CLEAR(g->o[3]);
    }
    XDECREF(tgt);
    ItObj *gr = it_new(&grouper_type);
    gr->o[0] = vm_newref(o);
    gr->o[1] = vm_newref(g->o[2]);
    XDECREF(g->o[4]);
    g->o[4] = vm_newref((Obj *)gr);
    Obj *pair[2] = {g->o[2], (Obj *)gr};
    Obj *t = vm_tuple_from(pair, 2);
    DECREF(gr);
    return t;
}

static Obj *grouper_next(Obj *o)
{
    ItObj *gr = (ItObj *)o;
    ItObj *g = (ItObj *)gr->o[0];
    if (g->o[4] != o || g->a)
        return NULL;
    if (!g->o[3]) {
        int s = groupby_step(g);
        if (s <= 0)
            return NULL;
    }
    int eq = vm_eq(gr->o[1], g->o[2]);
    if (eq <= 0)
        return NULL;
    Obj *v = g->o[3];
    g->o[3] = NULL;
    return v;
}

static Obj *groupby_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
IT_TYPE(groupby_type, "groupby", groupby_next, groupby_new, NULL);
IT_TYPE(grouper_type, "_grouper", grouper_next, NULL, NULL);

static Obj *groupby_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"iterable", "key"};
    Obj *kw[2];
    if (kw_only("groupby", args, &nargs, kwnames, names, 2, kw) < 0)
        return NULL;
    if (nargs > 2)
        return vm_err_fmt(&vm_exc_TypeError, "groupby() takes at most 2 arguments (%zu given)", nargs);
    Obj *iterable = nargs > 0 ? args[0] : kw[0];
    Obj *key = nargs > 1 ? args[1] : kw[1];
    if (!iterable)
        return vm_err_str(&vm_exc_TypeError, "groupby() missing required argument 'iterable' (pos 1)");
    Obj *src = vm_iter(iterable);
    if (!src)
        return NULL;
    ItObj *it = it_new(&groupby_type);
    it->o[0] = src;
    it->o[1] = key && key != VM_NONE ? vm_newref(key) : NULL;
    return (Obj *)it;
}

/* ---- tee(iterable, n=2): each tee iterator has o[0] the shared buffer
 * (a list: [source iterator, items...]) and a: its next item's index ---- */

static Obj *tee_next(Obj *o)
{
    ItObj *t = (ItObj *)o;
    Obj *buf = t->o[0];
    if (t->a + 1 < LIST_LEN(buf))
        return vm_newref(LIST_ITEMS(buf)[++t->a]);
    Obj *src = LIST_ITEMS(buf)[0];
    if (src == VM_NONE)
        return NULL;
    Obj *v = vm_next(src);
    if (!v)
        return NULL;
    vm_list_append(buf, v);
    t->a++;
    return v;
}

static Obj *tee_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
static const MethodDef tee_methods[] = {
    {"__copy__", tee_copy},
    {NULL, NULL},
};

static Type tee_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "_tee",
    .base = &vm_object_type,
    .flags = TF_GC,
    .basicsize = sizeof(ItObj),
    .dealloc = it_dealloc,
    .traverse = it_traverse,
    .clear = it_clear,
    .iter = it_self,
    .iternext = tee_next,
    .methods = tee_methods,
};

static Obj *tee_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ItObj *t = it_new(&tee_type);
    t->o[0] = vm_newref(((ItObj *)self)->o[0]);
    t->a = ((ItObj *)self)->a;
    return (Obj *)t;
}

static Obj *it_tee(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("tee", kwnames) < 0 || vm_argc("tee", nargs, 1, 2) < 0)
        return NULL;
    int64_t n = 2;
    if (nargs > 1 && (!INT_CHECK(args[1]) || vm_int_as_i64(args[1], &n) < 0)) {
        if (!vm_err_occurred())
            vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       vm_tname(args[1]));
        return NULL;
    }
    if (n < 0)
        return vm_err_str(&vm_exc_ValueError, "n must be >= 0");
    Obj *src = vm_iter(args[0]);
    if (!src)
        return NULL;
    Obj *buf = vm_list_new(0);
    vm_list_append(buf, src);
    DECREF(src);
    Obj *r = vm_tuple_new((ssize_t)n);
    for (int64_t i = 0; i < n; i++) {
        ItObj *t = it_new(&tee_type);
        t->o[0] = vm_newref(buf);
        TUPLE_ITEMS(r)[i] = (Obj *)t;
    }
    DECREF(buf);
    return r;
}

/* ---- the module ---- */

Obj *vm_mod_itertools(void)
{
    Obj *m = vm_module_new("itertools");
    if (!m)
        return NULL;
    Type *const types[] = {
        &count_type, &cycle_type, &repeat_type, &accumulate_type, &chain_type, &compress_type,
        &dropwhile_type, &takewhile_type, &filterfalse_type, &islice_type, &starmap_type,
        &zip_longest_type, &pairwise_type, &product_type, &combinations_type, &cwr_type,
        &permutations_type, &groupby_type, &grouper_type, &tee_type,
    };
    Obj *modname = vm_str_cstr("itertools");
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        Type *t = types[i];
        vm_type_ready(t);
        if (!t->module)
            t->module = vm_newref(modname);
        if (t->name[0] != '_')
            vm_module_add(m, t->name, (Obj *)t);
    }
    DECREF(modname);
    /* chain.from_iterable: a class method */
    static bool cm_done;
    if (!cm_done) {
        cm_done = true;
        Obj *f = vm_builtin_new("from_iterable", chain_from_iterable, NULL);
        Obj *cm = vm_call((Obj *)&vm_classmethod_type, &f, 1, NULL);
        DECREF(f);
        if (!cm || vm_dict_set_cstr(chain_type.dict, "from_iterable", cm) < 0)
            ls_die(LS_EXIT_USAGE, "internal error: itertools setup");
        DECREF(cm);
    }
    vm_module_add_func(m, "tee", it_tee);
    return m;
}
