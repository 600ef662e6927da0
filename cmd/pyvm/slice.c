/* cmd/pyvm/slice.c: slice objects (BUILD_SLICE) and their clipping.
 *
 * Stage: pyvm.
 */
#include "cmd/pyvm/slice.h"

#include <stdlib.h>

#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

Obj *vm_slice_new(Obj *start, Obj *stop, Obj *step)
{
    SliceObj *s = vm_alloc(&vm_slice_type, 0);
    s->start = vm_newref(start);
    s->stop = vm_newref(stop);
    s->step = vm_newref(step);
    return (Obj *)s;
}

static void slice_dealloc(Obj *o)
{
    SliceObj *s = (SliceObj *)o;
    DECREF(s->start);
    DECREF(s->stop);
    DECREF(s->step);
    vm_obj_free(o);
}

static int get_bound(Obj *v, ssize_t *out)
{
    if (!INT_CHECK(v) && (TYPE(v)->flags & TF_HEAP)
        && vm_type_lookup(TYPE(v), vm_str_intern("__index__", 9))) {
        Obj *iv = vm_number_index(v);
        if (!iv)
            return -1;
        int rc = get_bound(iv, out);
        DECREF(iv);
        return rc;
    }
    if (!INT_CHECK(v)) {
        vm_err_str(&vm_exc_TypeError, "slice indices must be integers or None or have an "
                   "__index__ method");
        return -1;
    }
    if (!INT_IS_SMALL(v)) {
        *out = ((IntObj *)v)->sign < 0 ? -SSIZE_MAX : SSIZE_MAX;
        return 0;
    }
    int64_t x = INT_SMALL(v);
    *out = x > SSIZE_MAX ? SSIZE_MAX : x < -SSIZE_MAX ? -SSIZE_MAX : (ssize_t)x;
    return 0;
}

int vm_slice_indices(Obj *o, ssize_t len, ssize_t *start, ssize_t *stop, ssize_t *step,
                     ssize_t *n)
{
    SliceObj *s = (SliceObj *)o;
    ssize_t st = 1, a, b;
    if (s->step != VM_NONE) {
        if (get_bound(s->step, &st) < 0)
            return -1;
        if (st == 0) {
            vm_err_str(&vm_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
    }
    ssize_t lo = st < 0 ? -1 : 0, hi = st < 0 ? len - 1 : len;
    if (s->start == VM_NONE) {
        a = st < 0 ? hi : lo;
    } else {
        if (get_bound(s->start, &a) < 0)
            return -1;
        if (a < 0) {
            a += len;
            if (a < lo)
                a = lo;
        } else if (a > hi) {
            a = hi;
        }
    }
    if (s->stop == VM_NONE) {
        b = st < 0 ? lo : hi;
    } else {
        if (get_bound(s->stop, &b) < 0)
            return -1;
        if (b < 0) {
            b += len;
            if (b < lo)
                b = lo;
        } else if (b > hi) {
            b = hi;
        }
    }
    *start = a;
    *stop = b;
    *step = st;
    if (st < 0)
        *n = b < a ? (a - b - 1) / (-st) + 1 : 0;
    else
        *n = a < b ? (b - a - 1) / st + 1 : 0;
    return 0;
}

static Obj *slice_repr(Obj *o)
{
    SliceObj *s = (SliceObj *)o;
    Obj *items[3] = {s->start, s->stop, s->step};
    return vm_seq_repr(items, 3, "slice(", ")", false);
}

static Obj *slice_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("slice", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3)
        return vm_err_fmt(&vm_exc_TypeError, nargs ? "slice expected at most 3 arguments, "
                          "got %zu" : "slice expected at least 1 argument, got %zu", nargs);
    if (nargs == 1)
        return vm_slice_new(VM_NONE, args[0], VM_NONE);
    return vm_slice_new(args[0], args[1], nargs == 3 ? args[2] : VM_NONE);
}

/* A slice bound as an int (a new reference): an int, or what __index__
 * gives; NULL with CPython's TypeError otherwise. */
static Obj *bound_int(Obj *v)
{
    if (INT_CHECK(v))
        return vm_newref(v);
    if ((TYPE(v)->flags & TF_HEAP) && vm_type_lookup(TYPE(v), vm_str_intern("__index__", 9)))
        return vm_number_index(v);
    return vm_err_str(&vm_exc_TypeError, "slice indices must be integers or None or have an "
                      "__index__ method");
}

/* One clipped bound of indices(): None -> dflt; negative -> + len; then
 * into [lo, hi].  A new reference, NULL on error. */
static Obj *clip_bound(Obj *v, Obj *dflt, Obj *len, Obj *lo, Obj *hi)
{
    if (v == VM_NONE)
        return vm_newref(dflt);
    Obj *x = bound_int(v);
    if (!x)
        return NULL;
    if (((IntObj *)x)->sign < 0 || (INT_IS_SMALL(x) && INT_SMALL(x) < 0)) {
        Obj *y = vm_int_binop(x, len, NB_ADD);
        DECREF(x);
        if (!y)
            return NULL;
        x = y;
        if (vm_int_cmp(x, lo) < 0) {
            DECREF(x);
            x = vm_newref(lo);
        }
    } else if (vm_int_cmp(x, hi) > 0) {
        DECREF(x);
        x = vm_newref(hi);
    }
    return x;
}

/* slice.indices(length): in arbitrary precision, as CPython (the bounds
 * and length may be any ints). */
static Obj *slice_indices_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("indices", nargs, 1, 1) < 0)
        return NULL;
    SliceObj *s = (SliceObj *)self;
    Obj *len = vm_number_index(args[0]);
    if (!len)
        return NULL;
    Obj *zero = vm_int_from_i64(0), *one = vm_int_from_i64(1);
    Obj *step = NULL, *lo = NULL, *hi = NULL, *a = NULL, *b = NULL, *r = NULL;
    if (vm_int_cmp(len, zero) < 0) {
        vm_err_str(&vm_exc_ValueError, "length should not be negative");
        goto out;
    }
    step = s->step == VM_NONE ? vm_newref(one) : bound_int(s->step);
    if (!step)
        goto out;
    int sg = vm_int_cmp(step, zero);
    if (sg == 0) {
        vm_err_str(&vm_exc_ValueError, "slice step cannot be zero");
        goto out;
    }
    lo = sg < 0 ? vm_int_from_i64(-1) : vm_newref(zero);
    hi = sg < 0 ? vm_int_binop(len, one, NB_SUBTRACT) : vm_newref(len);
    if (!hi)
        goto out;
    a = clip_bound(s->start, sg < 0 ? hi : lo, len, lo, hi);
    b = a ? clip_bound(s->stop, sg < 0 ? lo : hi, len, lo, hi) : NULL;
    if (!b)
        goto out;
    r = vm_tuple_new(3);
    TUPLE_ITEMS(r)[0] = vm_newref(a);
    TUPLE_ITEMS(r)[1] = vm_newref(b);
    TUPLE_ITEMS(r)[2] = vm_newref(step);
out:
    DECREF(len);
    DECREF(zero);
    DECREF(one);
    XDECREF(step);
    XDECREF(lo);
    XDECREF(hi);
    XDECREF(a);
    XDECREF(b);
    return r;
}

/* Slices compare as the tuples (start, stop, step). */
static Obj *slice_richcmp(Obj *a, Obj *b, int op)
{
    if (TYPE(b) != &vm_slice_type)
        return vm_newref(VM_NOTIMPL);
    SliceObj *x = (SliceObj *)a, *y = (SliceObj *)b;
    Obj *xi[3] = {x->start, x->stop, x->step}, *yi[3] = {y->start, y->stop, y->step};
    return vm_seq_richcmp(xi, 3, yi, 3, op);
}

static int slice_hash(Obj *o, int64_t *out)
{
    (void)out;
    vm_err_fmt(&vm_exc_TypeError, "unhashable type: '%s'", vm_tname(o));
    return -1;
}

static const MethodDef slice_methods[] = {
    {"indices", slice_indices_m},
    {NULL, NULL},
};

static Obj *slice_getattr(Obj *o, Obj *name)
{
    SliceObj *s = (SliceObj *)o;
    if (vm_str_eqc(name, "start"))
        return vm_newref(s->start);
    if (vm_str_eqc(name, "stop"))
        return vm_newref(s->stop);
    if (vm_str_eqc(name, "step"))
        return vm_newref(s->step);
    return NULL;
}

/* start, stop and step are read-only members; a slice has no __dict__ */
static int slice_setattr(Obj *o, Obj *name, Obj *v)
{
    if (vm_str_eqc(name, "start") || vm_str_eqc(name, "stop") || vm_str_eqc(name, "step"))
        vm_err_str(&vm_exc_AttributeError, "readonly attribute");
    else
        vm_err_fmt(&vm_exc_AttributeError, "'slice' object has no attribute '%s'",
                   STR_DATA(name));
    return -1;
}

Type vm_slice_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "slice",
    .base = &vm_object_type,
    .basicsize = sizeof(SliceObj),
    .dealloc = slice_dealloc,
    .repr = slice_repr,
    .richcmp = slice_richcmp,
    .hash = slice_hash,
    .construct = slice_construct,
    .getattr = slice_getattr,
    .setattr = slice_setattr,
    .methods = slice_methods,
};
