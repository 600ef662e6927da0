/* cmd/pyvm/range.c: range(stop), range(start, stop[, step]) and its
 * iterators.
 *
 * Stage: pyvm.  Small ranges (bounds, step and length in int64) compute
 * with C integers; big ones keep int objects and compute with int's
 * arithmetic, so range(10 ** 20)[-1] and 10 ** 19 in range(10 ** 20) work,
 * and len() raises CPython's OverflowError when the length does not fit a
 * C ssize_t.  Operations that are not on a hot path (slicing, repr,
 * equality, hash) go through the int-object form for both kinds.
 */
#include "cmd/pyvm/range.h"

#include <stdlib.h>

#include "libstage/buf.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* indexes of RangeObj.big and fields of fld() */
enum { R_START, R_STOP, R_STEP, R_LEN };

#define IS_BIG(r) ((r)->big[0] != NULL)

static Obj *ival(int64_t v)
{
    return vm_int_from_i64(v);
}

/* a op b on ints, stealing both; a NULL operand gives NULL. */
static Obj *iop(Obj *a, int op, Obj *b)
{
    Obj *r = a && b ? vm_int_binop(a, b, op) : NULL;
    XDECREF(a);
    XDECREF(b);
    return r;
}

static int isign(Obj *o)
{
    IntObj *i = (IntObj *)o;
    if (i->n == 0)
        return (i->v > 0) - (i->v < 0);
    return i->sign;
}

/* Field k (R_*) of a range as an int (new reference). */
static Obj *fld(RangeObj *r, int k)
{
    if (IS_BIG(r))
        return vm_newref(r->big[k]);
    int64_t v[4] = {r->start, r->stop, r->step, r->len};
    return ival(v[k]);
}

/* The number of items of range(start, stop, step) (ints, borrowed). */
static Obj *len_of(Obj *start, Obj *stop, Obj *step)
{
    if (isign(step) > 0) {
        if (vm_int_cmp(start, stop) >= 0)
            return ival(0);
        return iop(iop(iop(iop(vm_newref(stop), NB_SUBTRACT, vm_newref(start)), NB_SUBTRACT,
                           ival(1)), NB_FLOOR_DIVIDE, vm_newref(step)), NB_ADD, ival(1));
    }
    if (vm_int_cmp(start, stop) <= 0)
        return ival(0);
    return iop(iop(iop(iop(vm_newref(start), NB_SUBTRACT, vm_newref(stop)), NB_SUBTRACT,
                       ival(1)), NB_FLOOR_DIVIDE, vm_unary(step, UN_NEG)), NB_ADD, ival(1));
}

/* range(start, stop, step) from ints (borrowed; step != 0). */
static Obj *range_make(Obj *start, Obj *stop, Obj *step)
{
    Obj *len = len_of(start, stop, step);
    if (!len)
        return NULL;
    RangeObj *r = vm_alloc(&vm_range_type, 0);
    for (int k = 0; k < 4; k++)
        r->big[k] = NULL;
    if (INT_IS_SMALL(start) && INT_IS_SMALL(stop) && INT_IS_SMALL(step) && INT_IS_SMALL(len)) {
        r->start = INT_SMALL(start);
        r->stop = INT_SMALL(stop);
        r->step = INT_SMALL(step);
        r->len = INT_SMALL(len);
        DECREF(len);
    } else {
        r->start = r->stop = r->len = 0;
        r->step = 1;
        r->big[R_START] = vm_newref(start);
        r->big[R_STOP] = vm_newref(stop);
        r->big[R_STEP] = vm_newref(step);
        r->big[R_LEN] = len;
    }
    return (Obj *)r;
}

static Obj *range_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("range", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return vm_err_str(&vm_exc_TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3)
        return vm_err_fmt(&vm_exc_TypeError, "range expected at most 3 arguments, got %zu",
                          nargs);
    Obj *start, *stop, *step;
    if (nargs == 1) {
        stop = vm_number_index(args[0]);
        if (!stop)
            return NULL;
        start = ival(0);
        step = ival(1);
    } else {
        start = vm_number_index(args[0]);
        stop = start ? vm_number_index(args[1]) : NULL;
        step = !stop ? NULL : nargs == 3 ? vm_number_index(args[2]) : ival(1);
        if (!step) {
            XDECREF(start);
            XDECREF(stop);
            return NULL;
        }
    }
    Obj *r;
    if (isign(step) == 0)
        r = vm_err_str(&vm_exc_ValueError, "range() arg 3 must not be zero");
    else
        r = range_make(start, stop, step);
    DECREF(start);
    DECREF(stop);
    DECREF(step);
    return r;
}

static void range_dealloc(Obj *o)
{
    RangeObj *r = (RangeObj *)o;
    for (int k = 0; k < 4; k++)
        XDECREF(r->big[k]);
    vm_obj_free(o);
}

static Obj *range_repr(Obj *o)
{
    RangeObj *r = (RangeObj *)o;
    Obj *rep[3] = {NULL, NULL, NULL};
    for (int k = 0; k < 3; k++) {
        Obj *v = fld(r, k);
        rep[k] = vm_repr(v);
        DECREF(v);
        if (!rep[k]) {
            for (int j = 0; j < k; j++)
                DECREF(rep[j]);
            return NULL;
        }
    }
    Buf b = BUF_INIT;
    if (vm_str_eqc(rep[2], "1"))
        buf_printf(&b, "range(%s, %s)", STR_DATA(rep[0]), STR_DATA(rep[1]));
    else
        buf_printf(&b, "range(%s, %s, %s)", STR_DATA(rep[0]), STR_DATA(rep[1]),
                   STR_DATA(rep[2]));
    for (int k = 0; k < 3; k++)
        DECREF(rep[k]);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static ssize_t range_length(Obj *o)
{
    RangeObj *r = (RangeObj *)o;
    if (!IS_BIG(r))
        return (ssize_t)r->len;
    if (INT_IS_SMALL(r->big[R_LEN]))
        return (ssize_t)INT_SMALL(r->big[R_LEN]);
    vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

/* A slice bound clipped as slice.indices() does, with ints (borrowed). */
static Obj *clip(Obj *v, Obj *dflt, Obj *lower, Obj *upper, Obj *len)
{
    if (v == VM_NONE)
        return vm_newref(dflt);
    Obj *x = vm_number_index(v);
    if (!x) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_str(&vm_exc_TypeError,
                       "slice indices must be integers or None or have an __index__ method");
        }
        return NULL;
    }
    if (isign(x) < 0) {
        x = iop(x, NB_ADD, vm_newref(len));
        if (x && vm_int_cmp(x, lower) < 0) {
            DECREF(x);
            x = vm_newref(lower);
        }
    } else if (vm_int_cmp(x, upper) > 0) {
        DECREF(x);
        x = vm_newref(upper);
    }
    return x;
}

static Obj *range_slice(RangeObj *r, SliceObj *s)
{
    Obj *step = s->step == VM_NONE ? ival(1) : vm_number_index(s->step);
    if (!step) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_str(&vm_exc_TypeError,
                       "slice indices must be integers or None or have an __index__ method");
        }
        return NULL;
    }
    if (isign(step) == 0) {
        DECREF(step);
        return vm_err_str(&vm_exc_ValueError, "slice step cannot be zero");
    }
    bool neg = isign(step) < 0;
    Obj *len = fld(r, R_LEN);
    Obj *lower = ival(neg ? -1 : 0);
    Obj *upper = neg ? iop(vm_newref(len), NB_SUBTRACT, ival(1)) : vm_newref(len);
    Obj *a = NULL, *b = NULL, *res = NULL;
    if (!upper)
        goto out;
    a = clip(s->start, neg ? upper : lower, lower, upper, len);
    b = a ? clip(s->stop, neg ? lower : upper, lower, upper, len) : NULL;
    if (!b)
        goto out;
    Obj *nstart = iop(fld(r, R_START), NB_ADD, iop(vm_newref(a), NB_MULTIPLY, fld(r, R_STEP)));
    Obj *nstop = iop(fld(r, R_START), NB_ADD, iop(vm_newref(b), NB_MULTIPLY, fld(r, R_STEP)));
    Obj *nstep = iop(vm_newref(step), NB_MULTIPLY, fld(r, R_STEP));
    if (nstart && nstop && nstep)
        res = range_make(nstart, nstop, nstep);
    XDECREF(nstart);
    XDECREF(nstop);
    XDECREF(nstep);
out:
    XDECREF(a);
    XDECREF(b);
    XDECREF(upper);
    DECREF(lower);
    DECREF(len);
    DECREF(step);
    return res;
}

static Obj *range_getitem(Obj *o, Obj *key)
{
    RangeObj *r = (RangeObj *)o;
    if (SLICE_CHECK(key))
        return range_slice(r, (SliceObj *)key);
    if (!IS_BIG(r) && INT_CHECK(key) && INT_IS_SMALL(key)) {
        int64_t i = INT_SMALL(key);
        if (i < 0)
            i += r->len;
        if (i < 0 || i >= r->len)
            return vm_err_str(&vm_exc_IndexError, "range object index out of range");
        return ival(r->start + i * r->step);
    }
    Obj *i = vm_number_index(key);
    if (!i) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_fmt(&vm_exc_TypeError, "range indices must be integers or slices, not %s",
                       vm_tname(key));
        }
        return NULL;
    }
    Obj *len = fld(r, R_LEN);
    if (isign(i) < 0)
        i = iop(i, NB_ADD, vm_newref(len));
    if (i && (isign(i) < 0 || vm_int_cmp(i, len) >= 0)) {
        DECREF(i);
        i = vm_err_str(&vm_exc_IndexError, "range object index out of range");
    }
    DECREF(len);
    if (!i)
        return NULL;
    return iop(fld(r, R_START), NB_ADD, iop(i, NB_MULTIPLY, fld(r, R_STEP)));
}

/* CPython tests ints (and bools) arithmetically; anything else by
 * comparing it with every item. */
static bool exact_int(Obj *v)
{
    return TYPE(v) == &vm_int_type || TYPE(v) == &vm_bool_type;
}

/* Linear search for v: its index (count false) or the number of equal
 * items (count true); -1 when not found (index), -2 on error. */
static int64_t iter_search(Obj *o, Obj *v, bool count)
{
    Obj *it = vm_iter(o);
    if (!it)
        return -2;
    int64_t i = 0, n = 0;
    Obj *x;
    while ((x = vm_next(it)) != NULL) {
        int eq = vm_eq(x, v);
        DECREF(x);
        if (eq < 0) {
            DECREF(it);
            return -2;
        }
        if (eq && !count) {
            DECREF(it);
            return i;
        }
        n += eq;
        i++;
    }
    DECREF(it);
    if (vm_err_occurred())
        return -2;
    return count ? n : -1;
}

static int range_contains(Obj *o, Obj *v)
{
    RangeObj *r = (RangeObj *)o;
    if (!exact_int(v)) {
        int64_t i = iter_search(o, v, false);
        return i == -2 ? -1 : i >= 0;
    }
    if (!IS_BIG(r) && INT_IS_SMALL(v)) {
        int64_t x = INT_SMALL(v);
        if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
            return 0;
        return ((__int128)x - r->start) % r->step == 0;
    }
    Obj *start = fld(r, R_START), *stop = fld(r, R_STOP), *step = fld(r, R_STEP);
    int in;
    if (isign(step) > 0)
        in = vm_int_cmp(v, start) >= 0 && vm_int_cmp(v, stop) < 0;
    else
        in = vm_int_cmp(v, start) <= 0 && vm_int_cmp(v, stop) > 0;
    if (in) {
        Obj *m = iop(iop(vm_newref(v), NB_SUBTRACT, vm_newref(start)), NB_REMAINDER,
                     vm_newref(step));
        in = m ? isign(m) == 0 : -1;
        XDECREF(m);
    }
    DECREF(start);
    DECREF(stop);
    DECREF(step);
    return in;
}

/* An iterator over big ranges (CPython's longrange_iterator). */
typedef struct LongRangeIter {
    Obj ob;
    Obj *next;              /* the next value */
    Obj *step;
    Obj *left;              /* items still to produce */
} LongRangeIter;

static void lri_dealloc(Obj *o)
{
    LongRangeIter *it = (LongRangeIter *)o;
    XDECREF(it->next);
    XDECREF(it->step);
    XDECREF(it->left);
    vm_obj_free(o);
}

static Obj *lri_next(Obj *o)
{
    LongRangeIter *it = (LongRangeIter *)o;
    if (isign(it->left) <= 0)
        return NULL;
    Obj *nx = iop(vm_newref(it->next), NB_ADD, vm_newref(it->step));
    Obj *left = iop(vm_newref(it->left), NB_SUBTRACT, ival(1));
    if (!nx || !left) {
        XDECREF(nx);
        XDECREF(left);
        return NULL;
    }
    Obj *v = it->next;
    it->next = nx;
    DECREF(it->left);
    it->left = left;
    return v;
}

static Obj *self_iter(Obj *o) { return vm_newref(o); }

static Obj *lri_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_newref(((LongRangeIter *)self)->left);
}

static const MethodDef lri_methods[] = {
    {"__length_hint__", lri_hint},
    {NULL, NULL},
};

static Type longrangeiter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "longrange_iterator",
    .base = &vm_object_type,
    .basicsize = sizeof(LongRangeIter),
    .dealloc = lri_dealloc,
    .iter = self_iter,
    .iternext = lri_next,
    .methods = lri_methods,
};

/* An iterator from first with step, for len items (ints, stolen). */
static Obj *long_iter(Obj *first, Obj *step, Obj *len)
{
    if (!first || !step || !len) {
        XDECREF(first);
        XDECREF(step);
        XDECREF(len);
        return NULL;
    }
    LongRangeIter *it = vm_alloc(&longrangeiter_type, 0);
    it->next = first;
    it->step = step;
    it->left = len;
    return (Obj *)it;
}

static Obj *range_iter(Obj *o)
{
    RangeObj *r = (RangeObj *)o;
    if (IS_BIG(r))
        return long_iter(fld(r, R_START), fld(r, R_STEP), fld(r, R_LEN));
    RangeIter *it = vm_alloc(&vm_rangeiter_type, 0);
    it->next = r->start;
    it->step = r->step;
    it->left = r->len;
    return (Obj *)it;
}

/* range.__reversed__(): from the last item down */
static Obj *range_reversed(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__reversed__", nargs, 0, 0) < 0)
        return NULL;
    RangeObj *r = (RangeObj *)self;
    if (!IS_BIG(r) && r->step != INT64_MIN) {
        RangeIter *it = vm_alloc(&vm_rangeiter_type, 0);
        it->next = r->len ? r->start + (r->len - 1) * r->step : r->start;
        it->step = -r->step;
        it->left = r->len;
        return (Obj *)it;
    }
    Obj *last = iop(fld(r, R_START), NB_ADD,
                    iop(iop(fld(r, R_LEN), NB_SUBTRACT, ival(1)), NB_MULTIPLY, fld(r, R_STEP)));
    Obj *step = fld(r, R_STEP);
    Obj *neg = vm_unary(step, UN_NEG);
    DECREF(step);
    return long_iter(last, neg, fld(r, R_LEN));
}

static int range_truth(Obj *o)
{
    RangeObj *r = (RangeObj *)o;
    return IS_BIG(r) ? isign(r->big[R_LEN]) != 0 : r->len != 0;
}

static Obj *range_index(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("index", nargs, 1, 1) < 0)
        return NULL;
    RangeObj *r = (RangeObj *)self;
    Obj *v = args[0];
    if (!exact_int(v)) {
        int64_t i = iter_search(self, v, false);
        if (i == -2)
            return NULL;
        if (i == -1)
            return vm_err_str(&vm_exc_ValueError, "sequence.index(x): x not in sequence");
        return ival(i);
    }
    int c = range_contains(self, v);
    if (c < 0)
        return NULL;
    if (!c) {
        Obj *rep = vm_repr(v);
        if (!rep)
            return NULL;
        vm_err_fmt(&vm_exc_ValueError, "%s is not in range", STR_DATA(rep));
        DECREF(rep);
        return NULL;
    }
    return iop(iop(vm_newref(v), NB_SUBTRACT, fld(r, R_START)), NB_FLOOR_DIVIDE,
               fld(r, R_STEP));
}

static Obj *range_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("count", nargs, 1, 1) < 0)
        return NULL;
    if (!exact_int(args[0])) {
        int64_t n = iter_search(self, args[0], true);
        return n == -2 ? NULL : ival(n);
    }
    int c = range_contains(self, args[0]);
    return c < 0 ? NULL : ival(c);
}

static Obj *range_getattr(Obj *o, Obj *name)
{
    RangeObj *r = (RangeObj *)o;
    static const char *const names[3] = {"start", "stop", "step"};
    for (int k = 0; k < 3; k++)
        if (vm_str_eqc(name, names[k]))
            return fld(r, k);
    return NULL;
}

static const MethodDef range_methods[] = {
    {"index", range_index},
    {"count", range_count},
    {"__reversed__", range_reversed},
    {NULL, NULL},
};

/* Field k of x and y equal? */
static bool fcmp(RangeObj *x, RangeObj *y, int k)
{
    Obj *fx = fld(x, k), *fy = fld(y, k);
    bool eq = vm_int_cmp(fx, fy) == 0;
    DECREF(fx);
    DECREF(fy);
    return eq;
}

/* Ranges are equal when they give the same sequence (CPython 3.3+). */
static Obj *range_richcmp(Obj *a, Obj *b, int op)
{
    if (TYPE(b) != &vm_range_type || (op != CMP_EQ && op != CMP_NE))
        return vm_newref(VM_NOTIMPL);
    RangeObj *x = (RangeObj *)a, *y = (RangeObj *)b;
    bool eq;
    if (x == y) {
        eq = true;
    } else if (!IS_BIG(x) && !IS_BIG(y)) {
        eq = x->len == y->len && (x->len == 0 || (x->start == y->start
                                                  && (x->len == 1 || x->step == y->step)));
    } else {
        Obj *len = fld(x, R_LEN);
        eq = fcmp(x, y, R_LEN) && (isign(len) == 0
                                   || (fcmp(x, y, R_START)
                                       && (vm_int_cmp(len, VM_TRUE) == 0 || fcmp(x, y, R_STEP))));
        DECREF(len);
    }
    return VM_BOOL(op == CMP_EQ ? eq : !eq);
}

/* hash((len, start or None, step or None)) as CPython */
static int range_hash(Obj *o, int64_t *out)
{
    RangeObj *r = (RangeObj *)o;
    Obj *len = fld(r, R_LEN);
    int nz = isign(len) != 0, many = vm_int_cmp(len, VM_TRUE) > 0;
    Obj *t = vm_tuple_new(3);
    TUPLE_ITEMS(t)[0] = len;
    TUPLE_ITEMS(t)[1] = nz ? fld(r, R_START) : vm_newref(VM_NONE);
    TUPLE_ITEMS(t)[2] = many ? fld(r, R_STEP) : vm_newref(VM_NONE);
    int rc = vm_hash(t, out);
    DECREF(t);
    return rc;
}

Type vm_range_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "range",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(RangeObj),
    .dealloc = range_dealloc,
    .repr = range_repr,
    .richcmp = range_richcmp,
    .hash = range_hash,
    .truth = range_truth,
    .len = range_length,
    .getitem = range_getitem,
    .contains = range_contains,
    .iter = range_iter,
    .construct = range_construct,
    .getattr = range_getattr,
    .methods = range_methods,
};

static Obj *rangeiter_next(Obj *o)
{
    RangeIter *it = (RangeIter *)o;
    if (it->left <= 0)
        return NULL;
    int64_t v = it->next;
    it->left--;
    it->next = (int64_t)((uint64_t)it->next + (uint64_t)it->step);
    return vm_int_from_i64(v);
}

static Obj *rangeiter_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(((RangeIter *)self)->left);
}

static const MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_hint},
    {NULL, NULL},
};

Type vm_rangeiter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "range_iterator",
    .base = &vm_object_type,
    .basicsize = sizeof(RangeIter),
    .iter = self_iter,
    .iternext = rangeiter_next,
    .methods = rangeiter_methods,
};
