/* cmd/pyvm/mod_gc.c: the gc module: collect() runs pyvm's cycle
 * collector (gc.c) and returns how many objects it freed; disable stops
 * the automatic collections (vm_gc_enabled), enable restarts them,
 * isenabled reports which.
 *
 * Stage: pyvm.
 */
#include "cmd/pyvm/module.h"

#include "cmd/pyvm/gc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"

static Obj *gc_collect(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("collect", nargs, 0, 1) < 0)
        return NULL;
    return vm_int_from_i64((int64_t)vm_gc_collect());
}

static Obj *gc_enable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("enable", kwnames) < 0 || vm_argc("enable", nargs, 0, 0) < 0)
        return NULL;
    vm_gc_enabled = true;
    return vm_newref(VM_NONE);
}

static Obj *gc_disable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("disable", kwnames) < 0 || vm_argc("disable", nargs, 0, 0) < 0)
        return NULL;
    vm_gc_enabled = false;
    return vm_newref(VM_NONE);
}

static Obj *gc_isenabled(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("isenabled", kwnames) < 0 || vm_argc("isenabled", nargs, 0, 0) < 0)
        return NULL;
    return VM_BOOL(vm_gc_enabled);
}

static Obj *gc_is_tracked(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("is_tracked", nargs, 1, 1) < 0)
        return NULL;
    return VM_BOOL(HAS_FLAG(args[0], TF_GC));
}

Obj *vm_mod_gc(void)
{
    Obj *m = vm_module_new("gc");
    if (!m)
        return NULL;
    vm_module_add_func(m, "collect", gc_collect);
    vm_module_add_func(m, "enable", gc_enable);
    vm_module_add_func(m, "disable", gc_disable);
    vm_module_add_func(m, "isenabled", gc_isenabled);
    vm_module_add_func(m, "is_tracked", gc_is_tracked);
    Obj *g = vm_list_new(0);
    vm_module_add(m, "garbage", g);
    DECREF(g);
    g = vm_list_new(0);
    vm_module_add(m, "callbacks", g);
    DECREF(g);
    return m;
}
