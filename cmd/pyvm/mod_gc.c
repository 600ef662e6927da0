/* cmd/pyvm/mod_gc.c: the gc module: collect() runs pyvm's cycle
 * collector (gc.c) and returns how many objects it freed; disable stops
 * the automatic collections (vm_gc_enabled), enable restarts them,
 * isenabled reports which.  gc.callbacks are called around every
 * collection; is_finalized (PEP 442), get_stats, get_referents,
 * get_referrers, get_objects look at the collector's state; the
 * thresholds, debug flags and freeze are stored or ignored (pyvm has one
 * generation).
 *
 * Stage: pyvm.
 */
#include "cmd/pyvm/module.h"

#include "cmd/pyvm/gc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/tuple.h"

static Obj *gc_collect(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("collect", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1) {
        int64_t g;
        if (vm_index(args[0], &g, "generation") < 0)
            return NULL;
        if (g < 0 || g > 2)
            return vm_err_str(&vm_exc_ValueError, "invalid generation");
    }
    return vm_int_from_i64((int64_t)vm_gc_collect());
}

static Obj *gc_is_finalized(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("is_finalized", kwnames) < 0 || vm_argc("is_finalized", nargs, 1, 1) < 0)
        return NULL;
    return VM_BOOL(HAS_FLAG(args[0], TF_GC) && vm_gc_is_finalized(args[0]));
}

/* The thresholds are CPython's defaults, reported and stored: pyvm has one
 * generation and its own trigger (gc.h). */
static int64_t thresholds[3] = {700, 10, 10};
static int64_t debug_flags;

static Obj *gc_get_threshold(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("get_threshold", kwnames) < 0 || vm_argc("get_threshold", nargs, 0, 0) < 0)
        return NULL;
    Obj *v[3];
    for (int i = 0; i < 3; i++)
        v[i] = vm_int_from_i64(thresholds[i]);
    Obj *t = vm_tuple_from(v, 3);
    for (int i = 0; i < 3; i++)
        DECREF(v[i]);
    return t;
}

static Obj *gc_set_threshold(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("set_threshold", kwnames) < 0 || vm_argc("set_threshold", nargs, 1, 3) < 0)
        return NULL;
    int64_t v[3];
    for (size_t i = 0; i < nargs; i++)
        if (vm_index(args[i], &v[i], "threshold") < 0)
            return NULL;
    for (size_t i = 0; i < nargs; i++)
        thresholds[i] = v[i];
    return vm_newref(VM_NONE);
}

static Obj *gc_get_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("get_count", kwnames) < 0 || vm_argc("get_count", nargs, 0, 0) < 0)
        return NULL;
    Obj *z = vm_int_from_i64(0);
    Obj *v[3] = {z, z, z};
    Obj *t = vm_tuple_from(v, 3);
    DECREF(z);
    return t;
}

static Obj *gc_get_debug(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("get_debug", kwnames) < 0 || vm_argc("get_debug", nargs, 0, 0) < 0)
        return NULL;
    return vm_int_from_i64(debug_flags);
}

static Obj *gc_set_debug(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("set_debug", kwnames) < 0 || vm_argc("set_debug", nargs, 1, 1) < 0)
        return NULL;
    if (vm_index(args[0], &debug_flags, "flags") < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

/* get_stats(): one dict per generation; pyvm's collections are all full
 * ones, counted in the last. */
static Obj *gc_get_stats(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("get_stats", kwnames) < 0 || vm_argc("get_stats", nargs, 0, 0) < 0)
        return NULL;
    Obj *l = vm_list_new(0);
    for (int g = 0; g < 3; g++) {
        Obj *d = vm_dict_new();
        Obj *c = vm_int_from_i64(g == 2 ? (int64_t)vm_gc_collections : 0);
        Obj *n = vm_int_from_i64(g == 2 ? (int64_t)vm_gc_collected : 0);
        Obj *u = vm_int_from_i64(0);
        int rc = vm_dict_set_cstr(d, "collections", c) | vm_dict_set_cstr(d, "collected", n)
                 | vm_dict_set_cstr(d, "uncollectable", u);
        DECREF(c);
        DECREF(n);
        DECREF(u);
        vm_list_append(l, d);
        DECREF(d);
        if (rc < 0) {
            DECREF(l);
            return NULL;
        }
    }
    return l;
}

static Obj *gc_freeze_noop(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("freeze", kwnames) < 0 || vm_argc("freeze", nargs, 0, 0) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *gc_get_freeze_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("get_freeze_count", kwnames) < 0 || vm_argc("get_freeze_count", nargs, 0, 0) < 0)
        return NULL;
    return vm_int_from_i64(0);
}

static void add_referent(Obj *o, void *arg)
{
    if (o)
        vm_list_append(arg, o);
}

static Obj *gc_get_referents(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("get_referents", kwnames) < 0)
        return NULL;
    Obj *l = vm_list_new(0);
    for (size_t i = 0; i < nargs; i++)
        if (HAS_FLAG(args[i], TF_GC) && TYPE(args[i])->traverse)
            TYPE(args[i])->traverse(args[i], add_referent, l);
    return l;
}

typedef struct RefSearch {
    Obj *const *targets;    /* the objects whose referrers are wanted */
    size_t n;
    Obj *out;               /* the result list */
    bool found;             /* the current object refers to a target */
} RefSearch;

static void visit_find(Obj *o, void *arg)
{
    RefSearch *rs = arg;
    for (size_t i = 0; i < rs->n; i++)
        if (o == rs->targets[i])
            rs->found = true;
}

static void check_referrer(Obj *o, void *arg)
{
    RefSearch *rs = arg;
    if (o == rs->out || !TYPE(o)->traverse)
        return;
    rs->found = false;
    TYPE(o)->traverse(o, visit_find, rs);
    if (rs->found)
        vm_list_append(rs->out, o);
}

static Obj *gc_get_referrers(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("get_referrers", kwnames) < 0)
        return NULL;
    RefSearch rs = {args, nargs, vm_list_new(0), false};
    vm_gc_each(check_referrer, &rs);
    return rs.out;
}

static void add_object(Obj *o, void *arg)
{
    if (o != arg)
        vm_list_append(arg, o);
}

static Obj *gc_get_objects(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("get_objects", nargs, 0, 1) < 0)
        return NULL;
    Obj *l = vm_list_new(0);
    vm_gc_each(add_object, l);
    return l;
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
    vm_module_add_func(m, "is_finalized", gc_is_finalized);
    vm_module_add_func(m, "get_threshold", gc_get_threshold);
    vm_module_add_func(m, "set_threshold", gc_set_threshold);
    vm_module_add_func(m, "get_count", gc_get_count);
    vm_module_add_func(m, "get_debug", gc_get_debug);
    vm_module_add_func(m, "set_debug", gc_set_debug);
    vm_module_add_func(m, "get_stats", gc_get_stats);
    vm_module_add_func(m, "freeze", gc_freeze_noop);
    vm_module_add_func(m, "unfreeze", gc_freeze_noop);
    vm_module_add_func(m, "get_freeze_count", gc_get_freeze_count);
    vm_module_add_func(m, "get_referents", gc_get_referents);
    vm_module_add_func(m, "get_referrers", gc_get_referrers);
    vm_module_add_func(m, "get_objects", gc_get_objects);
    static const VmIntConst flags[] = {
        {"DEBUG_STATS", 1}, {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4},
        {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38},
    };
    vm_module_add_ints(m, flags, sizeof flags / sizeof flags[0]);
    Obj *g = vm_list_new(0);
    vm_module_add(m, "garbage", g);
    DECREF(g);
    g = vm_list_new(0);
    vm_module_add(m, "callbacks", g);
    XDECREF(vm_gc_callbacks);
    vm_gc_callbacks = g;        /* kept: gc.c calls them (gc.h) */
    return m;
}
