/* cmd/pyvm/range.c: range(stop), range(start, stop[, step]).
 *
 * Stage: pyvm.  Bounds must fit in int64 ("not supported yet" otherwise).
 */
#include "cmd/pyvm/range.h"

#include <stdlib.h>

#include "libstage/buf.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

static int range_arg(Obj *arg, int64_t *out)
{
    Obj *o = vm_number_index(arg);
    if (!o)
        return -1;
    if (!INT_IS_SMALL(o)) {
        DECREF(o);
        vm_err_str(&vm_exc_OverflowError, "not supported yet: range() bounds beyond 64 bits");
        return -1;
    }
    *out = INT_SMALL(o);
    DECREF(o);
    return 0;
}

static int64_t range_len(int64_t start, int64_t stop, int64_t step)
{
    __int128 n;
    if (step > 0)
        n = start < stop ? ((__int128)stop - start - 1) / step + 1 : 0;
    else
        n = start > stop ? ((__int128)start - stop - 1) / (-(__int128)step) + 1 : 0;
    return (int64_t)n;
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
    int64_t start = 0, stop, step = 1;
    if (nargs == 1) {
        if (range_arg(args[0], &stop) < 0)
            return NULL;
    } else {
        if (range_arg(args[0], &start) < 0 || range_arg(args[1], &stop) < 0)
            return NULL;
        if (nargs == 3 && range_arg(args[2], &step) < 0)
            return NULL;
        if (step == 0)
            return vm_err_str(&vm_exc_ValueError, "range() arg 3 must not be zero");
    }
    RangeObj *r = vm_alloc(&vm_range_type, 0);
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = range_len(start, stop, step);
    return (Obj *)r;
}

static Obj *range_repr(Obj *o)
{
    RangeObj *r = (RangeObj *)o;
    Buf b = BUF_INIT;
    if (r->step == 1)
        buf_printf(&b, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    else
        buf_printf(&b, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                   (long long)r->step);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static ssize_t range_length(Obj *o)
{
    return (ssize_t)((RangeObj *)o)->len;
}

static Obj *range_getitem(Obj *o, Obj *key)
{
    RangeObj *r = (RangeObj *)o;
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, (ssize_t)r->len, &start, &stop, &step, &n) < 0)
            return NULL;
        RangeObj *s = vm_alloc(&vm_range_type, 0);
        s->start = r->start + start * r->step;
        s->stop = r->start + stop * r->step;
        s->step = r->step * step;
        s->len = n;
        return (Obj *)s;
    }
    int64_t i;
    if (vm_index(key, &i, "range") < 0)
        return NULL;
    if (i < 0)
        i += r->len;
    if (i < 0 || i >= r->len)
        return vm_err_str(&vm_exc_IndexError, "range object index out of range");
    return vm_int_from_i64(r->start + i * r->step);
}

static int range_contains(Obj *o, Obj *v)
{
    RangeObj *r = (RangeObj *)o;
    if (!INT_CHECK(v) || !INT_IS_SMALL(v))
        return 0;
    int64_t x = INT_SMALL(v);
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
        return 0;
    return ((__int128)x - r->start) % r->step == 0;
}

static Obj *range_iter(Obj *o)
{
    RangeObj *r = (RangeObj *)o;
    RangeIter *it = vm_alloc(&vm_rangeiter_type, 0);
    it->next = r->start;
    it->step = r->step;
    it->left = r->len;
    return (Obj *)it;
}

static int range_truth(Obj *o)
{
    return ((RangeObj *)o)->len != 0;
}

static Obj *range_index(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("index", nargs, 1, 1) < 0)
        return NULL;
    RangeObj *r = (RangeObj *)self;
    int c = range_contains(self, args[0]);
    if (c < 0)
        return NULL;
    if (!c) {
        Obj *rep = vm_repr(args[0]);
        if (!rep)
            return NULL;
        vm_err_fmt(&vm_exc_ValueError, "%s is not in range", STR_DATA(rep));
        DECREF(rep);
        return NULL;
    }
    return vm_int_from_i64((INT_SMALL(args[0]) - r->start) / r->step);
}

static Obj *range_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("count", nargs, 1, 1) < 0)
        return NULL;
    int c = range_contains(self, args[0]);
    return c < 0 ? NULL : vm_int_from_i64(c);
}

static Obj *range_getattr(Obj *o, Obj *name)
{
    RangeObj *r = (RangeObj *)o;
    if (vm_str_eqc(name, "start"))
        return vm_int_from_i64(r->start);
    if (vm_str_eqc(name, "stop"))
        return vm_int_from_i64(r->stop);
    if (vm_str_eqc(name, "step"))
        return vm_int_from_i64(r->step);
    return NULL;
}

static const MethodDef range_methods[] = {
    {"index", range_index},
    {"count", range_count},
    {NULL, NULL},
};

/* Ranges are equal when they give the same sequence (CPython 3.3+). */
static Obj *range_richcmp(Obj *a, Obj *b, int op)
{
    if (TYPE(b) != &vm_range_type || (op != CMP_EQ && op != CMP_NE))
        return vm_newref(VM_NOTIMPL);
    RangeObj *x = (RangeObj *)a, *y = (RangeObj *)b;
    bool eq = x->len == y->len && (x->len == 0 || (x->start == y->start
                                                   && (x->len == 1 || x->step == y->step)));
    return VM_BOOL(op == CMP_EQ ? eq : !eq);
}

/* hash((len, start or None, step or None)) as CPython */
static int range_hash(Obj *o, int64_t *out)
{
    RangeObj *r = (RangeObj *)o;
    Obj *t = vm_tuple_new(3);
    TUPLE_ITEMS(t)[0] = vm_int_from_i64(r->len);
    TUPLE_ITEMS(t)[1] = r->len ? vm_int_from_i64(r->start) : vm_newref(VM_NONE);
    TUPLE_ITEMS(t)[2] = r->len > 1 ? vm_int_from_i64(r->step) : vm_newref(VM_NONE);
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

static Obj *self_iter(Obj *o) { return vm_newref(o); }

Type vm_rangeiter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "range_iterator",
    .base = &vm_object_type,
    .basicsize = sizeof(RangeIter),
    .iter = self_iter,
    .iternext = rangeiter_next,
};
