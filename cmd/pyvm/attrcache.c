/* cmd/pyvm/attrcache.c: filling the inline caches of LOAD_ATTR, STORE_ATTR
 * and LOAD_METHOD (the fast paths are in attrcache.h).
 *
 * Stage: pyvm.  Each slow path decides from the type alone (its slots, the
 * class attribute found along the MRO) whether later executions may skip
 * the generic lookup, records that in the entry, and then does the
 * operation the generic way, so a first execution behaves as without a
 * cache.  A kind is chosen only where the generic code (class.c's
 * vm_generic_getattr, raw_setattr and descr_get; eval.c's LOAD_METHOD) is
 * known to give the same result.
 */
#include "cmd/pyvm/attrcache.h"

#include <stdlib.h>

#include "libstage/common.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/descr.h"
#include "cmd/pyvm/str.h"

/* An interned name, looked up once. */
static Obj *ident(Obj **slot, const char *s, size_t len)
{
    if (!*slot)
        *slot = vm_str_intern(s, len);
    return *slot;
}

AttrCache *vm_ic_entry(VmCode *co, size_t i)
{
    if (!co->acache)
        co->acache = ls_xcalloc(co->ncode + 1, sizeof(AttrCache));
    return &co->acache[i];
}

Obj *vm_ic_dict_get_slow(AttrCache *c, Obj *dict, Obj *name)
{
    ssize_t e = vm_dict_str_index(dict, name);
    if (e < 0)
        return NULL;
    if (e <= INT32_MAX)
        c->hint = (int32_t)e;
    return ((DictObj *)dict)->entries[e].value;
}

/* A class attribute that descr_get returns unchanged and that is no data
 * descriptor: not a heap object (whose class could define __get__ or
 * __set__), and none of the builtin descriptor types. */
static bool plain_class_attr(Obj *d)
{
    Type *t = TYPE(d);
    return !(t->flags & TF_HEAP) && t != &vm_func_type && t != &vm_method_descr_type
        && t != &vm_staticmethod_type && t != &vm_classmethod_type && t != &vm_property_type
        && t != &vm_member_descr_type && t != &vm_super_type && t != &vm_getset_descr_type
        && t != &vm_wrapper_descr_type;
}

static void fill(AttrCache *c, Type *t, int kind, Obj *descr, uint64_t tver)
{
    c->type = t;
    c->kind = kind;
    c->descr = descr;
    c->tver = tver;
    c->hint = -1;
}

/* Fill c for loading name from instances of t (or from the module o). */
static void fill_load(AttrCache *c, Obj *o, Obj *name)
{
    Type *t = TYPE(o);
    c->type = NULL;
    if (!STR_CHECK(name) || !((StrObj *)name)->interned)
        return;
    if (t == &vm_module_type) {
        Obj *dict = ((ModuleObj *)o)->dict;
        Obj *v = TYPE(dict) == &vm_dict_type ? vm_dict_get_str(dict, name) : NULL;
        if (v)
            fill(c, t, AC_MODULE, v, ((DictObj *)dict)->version);
        return;
    }
    if (t->getattr)
        return;
    Obj *d = vm_type_lookup(t, name);
    if (!d)
        fill(c, t, AC_DICT, NULL, vm_type_version);
    else if (TYPE(d) == &vm_func_type)
        fill(c, t, AC_FUNC, d, vm_type_version);
    else if (TYPE(d) == &vm_method_descr_type)
        fill(c, t, AC_MDESCR, d, vm_type_version);
    else if (plain_class_attr(d))
        fill(c, t, AC_PLAIN, d, vm_type_version);
}

Obj *vm_ic_load_attr_slow(VmCode *co, size_t i, Obj *o, Obj *name)
{
    fill_load(vm_ic_entry(co, i), o, name);
    return vm_getattr(o, name);
}

int vm_ic_store_dict(AttrCache *c, Obj *o, Obj *name, Obj *v)
{
    Obj **dp = (Obj **)((char *)o + c->type->dictoffset);
    if (!*dp)
        *dp = vm_dict_new();
    if (vm_dict_set(*dp, name, v) < 0)
        return -1;
    DictObj *d = (DictObj *)*dp;
    if (!d)
        return 0;
    ssize_t e = d->nentries - 1;
    if (e < 0 || d->entries[e].key != name)
        e = vm_dict_str_index((Obj *)d, name);
    if (e >= 0 && e <= INT32_MAX)
        c->hint = (int32_t)e;
    return 0;
}

int vm_ic_store_attr_slow(VmCode *co, size_t i, Obj *o, Obj *name, Obj *v)
{
    AttrCache *c = vm_ic_entry(co, i);
    Type *t = TYPE(o);
    bool ok = c->type == t && c->tver == vm_type_version && c->kind == AC_STORE;
    if (!ok) {
        /* as vm_generic_setattr and raw_setattr: no __setattr__ of the
         * class, no property or heap descriptor, a plain instance dict */
        c->type = NULL;
        if (t->setattr || !t->dictoffset || t->dictoffset == VM_DICTOFF_VAR || t->slotnames
            || !STR_CHECK(name) || !((StrObj *)name)->interned || vm_str_eqc(name, "__class__")
            || vm_str_eqc(name, "__dict__"))
            return vm_setattr(o, name, v);
        if (t->flags & TF_HEAP) {
            static Obj *s_setattr;
            Obj *sa = vm_type_lookup(t, ident(&s_setattr, "__setattr__", 11));
            if (sa && FUNC_CHECK(sa))
                return vm_setattr(o, name, v);
        }
        Obj *d = vm_type_lookup(t, name);
        if (d && (TYPE(d) == &vm_property_type || TYPE(d) == &vm_member_descr_type
                  || VM_BDESCR_CHECK(d) || (TYPE(d)->flags & TF_HEAP)))
            return vm_setattr(o, name, v);
        fill(c, t, AC_STORE, NULL, vm_type_version);
    }
    int rc = vm_setattr(o, name, v);
    Obj *dict = *(Obj **)((char *)o + t->dictoffset);
    if (rc == 0 && dict) {
        ssize_t e = vm_dict_str_index(dict, name);
        if (e >= 0 && e <= INT32_MAX)
            c->hint = (int32_t)e;
    }
    return rc;
}

FuncObj *vm_ic_ctor_init_slow(VmCode *co, size_t i, Obj *callable)
{
    /* as class.c's heap_type_call for a class whose static base is
     * object and whose __new__ is object's */
    static Obj *s_new, *s_init;
    Type *t = (Type *)callable;
    if (!(t->flags & TF_HEAP))
        return NULL;
    Type *sb = t;
    while (sb->flags & TF_HEAP)
        sb = sb->base;
    if (sb != &vm_object_type)
        return NULL;
    Obj *nw = vm_type_lookup(t, ident(&s_new, "__new__", 7));
    if (nw && nw != vm_type_lookup(&vm_object_type, s_new))
        return NULL;
    Obj *init = vm_type_lookup(t, ident(&s_init, "__init__", 8));
    if (!init || !FUNC_CHECK(init)
        || (((FuncObj *)init)->code->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)))
        return NULL;
    fill(vm_ic_entry(co, i), t, AC_CTOR, init, vm_type_version);
    return (FuncObj *)init;
}

Obj *vm_ic_load_method_slow(VmCode *co, size_t i, Obj *o, Obj *name, bool *unbound)
{
    AttrCache *c = vm_ic_entry(co, i);
    Type *t = TYPE(o);
    Obj *meth = t->getattr ? NULL : vm_type_lookup(t, name);
    c->type = NULL;
    if (meth && (vm_cdescr_check(meth) || FUNC_CHECK(meth))) {
        if (STR_CHECK(name) && ((StrObj *)name)->interned)
            fill(c, t, AC_METHOD, meth, vm_type_version);
        Obj **dp = vm_dictptr(o);
        if (!dp || !*dp || !vm_dict_get_str(*dp, name)) {
            *unbound = true;
            return vm_newref(meth);
        }
    } else {
        fill_load(c, o, name);
        if (c->kind != AC_MODULE)
            c->type = NULL;
    }
    *unbound = false;
    return vm_getattr(o, name);
}
