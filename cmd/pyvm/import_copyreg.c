/* cmd/pyvm/import_copyreg.c: the default reduce of objects, as CPython's
 * object.__reduce_ex__: protocol 2 and up gives
 * (copyreg.__newobj__, (cls, *args), state, listitems, dictitems), where
 * args come from __getnewargs__, state from __getstate__ (the instance
 * __dict__, or None), and the items iterators for list and dict
 * subclasses; protocols 0 and 1 call copyreg._reduce_ex.  A class that
 * overrides __reduce__ gets that called instead.
 *
 * Stage: pyvm.  copyreg is imported from the standard library on first use.
 */
#include "cmd/pyvm/import_copyreg.h"

#include <string.h>

#include "cmd/pyvm/class.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/range.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* copyreg.NAME (new reference) */
static Obj *copyreg_attr(const char *name)
{
    Obj *m = vm_import_abs(vm_str_intern("copyreg", 7));
    if (!m)
        return NULL;
    Obj *v = vm_getattr(m, vm_str_intern(name, strlen(name)));
    DECREF(m);
    return v;
}

Obj *vm_object_getstate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__getstate__", kwnames) < 0 || vm_argc("__getstate__", nargs, 0, 0) < 0)
        return NULL;
    Obj **dp = vm_dictptr(self);
    Obj *state = dp && *dp && HAS_FLAG(*dp, TF_DICT) && vm_len(*dp) > 0 ? *dp : VM_NONE;
    /* __slots__ values: (state, {name: value}) */
    Obj *slots = vm_slots_state(self);
    if (!slots)
        return NULL;
    if (slots == VM_NONE) {
        DECREF(slots);
        return vm_newref(state);
    }
    Obj *pair[2] = {state, slots};
    Obj *t = vm_tuple_from(pair, 2);
    DECREF(slots);
    return t;
}

/* Call self.NAME() if its class has it, *found = whether it had. */
static Obj *call_if(Obj *self, const char *name, bool *found)
{
    Obj *n = vm_str_intern(name, strlen(name));
    *found = vm_type_lookup(TYPE(self), n) != NULL;
    if (!*found)
        return NULL;
    Obj *m = vm_getattr(self, n);
    if (!m)
        return NULL;
    Obj *r = vm_call(m, NULL, 0, NULL);
    DECREF(m);
    return r;
}

static Obj *reduce_2(Obj *self)
{
    Type *cls = TYPE(self);
    bool found;
    Obj *args = call_if(self, "__getnewargs__", &found);
    if (found && !args)
        return NULL;
    if (!args)
        args = vm_tuple_new(0);
    if (!TUPLE_CHECK(args)) {
        DECREF(args);
        return vm_err_str(&vm_exc_TypeError, "__getnewargs__ should return a tuple");
    }
    Obj *state = call_if(self, "__getstate__", &found);
    if (found && !state) {
        DECREF(args);
        return NULL;
    }
    if (!state)
        state = vm_newref(VM_NONE);
    Obj *listitems = HAS_FLAG(self, TF_LIST) ? vm_iter(self) : vm_newref(VM_NONE);
    Obj *dictitems = NULL;
    if (HAS_FLAG(self, TF_DICT)) {
        Obj *items = vm_getattr(self, vm_str_intern("items", 5));
        Obj *view = items ? vm_call(items, NULL, 0, NULL) : NULL;
        XDECREF(items);
        dictitems = view ? vm_iter(view) : NULL;
        XDECREF(view);
    } else {
        dictitems = vm_newref(VM_NONE);
    }
    Obj *newobj = copyreg_attr("__newobj__");
    Obj *r = NULL;
    if (listitems && dictitems && newobj) {
        Obj *na = vm_tuple_new(TUPLE_LEN(args) + 1);
        TUPLE_ITEMS(na)[0] = vm_newref((Obj *)cls);
        for (ssize_t i = 0; i < TUPLE_LEN(args); i++)
            TUPLE_ITEMS(na)[i + 1] = vm_newref(TUPLE_ITEMS(args)[i]);
        Obj *items[5] = {newobj, na, state, listitems, dictitems};
        r = vm_tuple_from(items, 5);
        DECREF(na);
    }
    XDECREF(newobj);
    XDECREF(listitems);
    XDECREF(dictitems);
    DECREF(state);
    DECREF(args);
    return r;
}

static Obj *reduce_proto(Obj *self, int64_t proto)
{
    if (proto >= 2)
        return reduce_2(self);
    Obj *f = copyreg_attr("_reduce_ex");
    if (!f)
        return NULL;
    Obj *a[2] = {self, vm_int_from_i64(proto)};
    Obj *r = vm_call(f, a, 2, NULL);
    DECREF(a[1]);
    DECREF(f);
    return r;
}

/* (cls, (a, b, c)) with a, b, c the attributes named */
static Obj *reduce_attrs(Obj *self, const char *const names[3])
{
    Obj *v[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++)
        if (!(v[i] = vm_getattr(self, vm_str_intern(names[i], strlen(names[i]))))) {
            XDECREF(v[0]);
            XDECREF(v[1]);
            return NULL;
        }
    Obj *t = vm_tuple_from(v, 3);
    for (int i = 0; i < 3; i++)
        DECREF(v[i]);
    Obj *pair[2] = {(Obj *)TYPE(self), t};
    Obj *r = vm_tuple_from(pair, 2);
    DECREF(t);
    return r;
}

/* The reduce of the builtin objects CPython gives their own __reduce__
 * (pickled by name or rebuilt from their attributes); NULL without an
 * error for the others. */
static Obj *reduce_builtin(Obj *self)
{
    static const char *const rs[3] = {"start", "stop", "step"};
    if (self == &vm_ellipsis_obj)
        return vm_str_cstr("Ellipsis");
    if (self == VM_NOTIMPL)
        return vm_str_cstr("NotImplemented");
    if (TYPE(self) == &vm_range_type || TYPE(self) == &vm_slice_type)
        return reduce_attrs(self, rs);
    if (TYPE(self) == &vm_builtin_type) {
        BuiltinObj *b = (BuiltinObj *)self;
        if (!b->self || TYPE(b->self) == &vm_module_type)
            return vm_str_cstr(b->name);
        Obj *bm = vm_import_abs(vm_str_intern("builtins", 8));
        Obj *getattr = bm ? vm_getattr(bm, vm_str_intern("getattr", 7)) : NULL;
        XDECREF(bm);
        if (!getattr)
            return NULL;
        Obj *name = vm_str_cstr(b->name);
        Obj *pa[2] = {b->self, name};
        Obj *t = vm_tuple_from(pa, 2);
        Obj *pair[2] = {getattr, t};
        Obj *r = vm_tuple_from(pair, 2);
        DECREF(t);
        DECREF(name);
        DECREF(getattr);
        return r;
    }
    return NULL;
}

Obj *vm_object_reduce_ex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__reduce_ex__", kwnames) < 0 || vm_argc("__reduce_ex__", nargs, 1, 1) < 0)
        return NULL;
    int64_t proto;
    if (vm_index(args[0], &proto, "protocol") < 0)
        return NULL;
    /* a class's own __reduce__ wins */
    Obj *red = vm_type_lookup(TYPE(self), vm_str_intern("__reduce__", 10));
    Obj *base = vm_type_lookup(&vm_object_type, vm_str_intern("__reduce__", 10));
    if (red && red != base) {
        Obj *m = vm_getattr(self, vm_str_intern("__reduce__", 10));
        if (!m)
            return NULL;
        Obj *r = vm_call(m, NULL, 0, NULL);
        DECREF(m);
        return r;
    }
    Obj *r = reduce_builtin(self);
    if (r || vm_err_occurred())
        return r;
    return reduce_proto(self, proto);
}

Obj *vm_object_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__reduce__", kwnames) < 0 || vm_argc("__reduce__", nargs, 0, 0) < 0)
        return NULL;
    Obj *r = reduce_builtin(self);
    if (r || vm_err_occurred())
        return r;
    return reduce_proto(self, 0);
}
