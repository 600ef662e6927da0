/* cmd/pyvm/mod_lsprof.c: the _lsprof module (cProfile's engine): the
 * Profiler type and its profiler_entry / profiler_subentry results.
 *
 * Stage: pyvm.  A Profiler, enabled, is the C profile hook (trace.h) that
 * sys.getprofile() shows.  It keeps one entry per function (a Python
 * function by its code object, a built-in by its implementation): calls,
 * recursive calls, total time and time inside the function itself, and
 * per caller the same for each callee ("subcalls").  A stack of contexts
 * follows the running calls; disable() closes those still open, as
 * CPython's, so the call of disable itself is counted.
 */
#include "cmd/pyvm/module.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "libstage/buf.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/frame.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/structseq.h"
#include "cmd/pyvm/trace.h"
#include "cmd/pyvm/tuple.h"

/* The statistics of one callee, under one caller. */
typedef struct SubEntry {
    int callee;             /* the callee's entry index */
    int64_t calls, reccalls;
    double tt, it;          /* total and inline time, in timer units */
    int reclevel;           /* its calls under this caller now running */
} SubEntry;

/* One function's statistics. */
typedef struct Entry {
    const void *key1, *key2; /* code object, NULL; or a builtin's CFunc and name */
    Obj *label;             /* the code object, or the built-in's description (a str) */
    int64_t calls, reccalls;
    double tt, it;
    int reclevel;           /* its calls now running */
    SubEntry *subs;         /* the callees seen under it */
    int nsubs, capsubs;
} Entry;

/* One running call. */
typedef struct Context {
    int entry;              /* its entry index */
    double t0;              /* the timer when it started */
    double subt;            /* time spent in its callees */
} Context;

typedef struct ProfilerObj {
    Obj ob;
    Obj *timer;             /* the timer function, or NULL: a monotonic clock in seconds */
    double timeunit;        /* the timer's unit (0: seconds) */
    bool subcalls, builtins;/* record callees; record built-in functions */
    bool enabled;           /* it is the profile hook */
    Entry *entries;
    int nentries, capentries;
    int *index;             /* open addressing over the keys: entry + 1, 0 empty */
    int capindex;           /* a power of two, > 2 * nentries */
    Context *stack;         /* the running calls, innermost last */
    int depth, capstack;
} ProfilerObj;

static Type profiler_type;

static double now(ProfilerObj *p)
{
    if (!p->timer) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
    }
    Obj *r = vm_call(p->timer, NULL, 0, NULL);
    double d = 0;
    if (!r) {
        vm_err_clear();
        return 0;
    }
    if (FLOAT_CHECK(r))
        d = FLOAT_VAL(r);
    else if (INT_CHECK(r) && vm_int_as_double(r, &d) < 0)
        vm_err_clear();
    DECREF(r);
    return d;
}

/* The description cProfile shows for a built-in (as CPython's
 * normalizeUserObj): a bound method by its type's attribute, a function
 * by the module it is found in. */
static Obj *builtin_label(BuiltinObj *b)
{
    Buf s = BUF_INIT;
    if (b->self) {
        Obj *m = vm_type_lookup(TYPE(b->self), vm_str_intern(b->name, strlen(b->name)));
        if (m) {
            Obj *r = vm_repr(m);
            if (r)
                return r;
            vm_err_clear();
        }
        buf_printf(&s, "<built-in method %s>", b->name);
    } else {
        const char *mod = NULL;
        Obj *mods = vm_sys_modules_dict();
        Obj *name = vm_str_intern(b->name, strlen(b->name));
        Obj *bm = mods ? vm_dict_get_str(mods, vm_str_intern("builtins", 8)) : NULL;
        if (bm && TYPE(bm) == &vm_module_type
            && vm_dict_get_str(((ModuleObj *)bm)->dict, name) == (Obj *)b) {
            mod = "builtins";
        } else if (mods) {
            ssize_t pos = 0;
            Obj *k, *v;
            while (vm_dict_next(mods, &pos, &k, &v))
                if (TYPE(v) == &vm_module_type && STR_CHECK(k)
                    && vm_dict_get_str(((ModuleObj *)v)->dict, name) == (Obj *)b) {
                    mod = STR_DATA(k);
                    break;
                }
        }
        if (mod)
            buf_printf(&s, "<built-in method %s.%s>", mod, b->name);
        else
            buf_printf(&s, "<%s>", b->name);
    }
    Obj *r = vm_str_new(s.data, s.len);
    buf_free(&s);
    return r;
}

static size_t key_hash(const void *k1, const void *k2)
{
    uint64_t h = (uint64_t)(uintptr_t)k1 * 0x9e3779b97f4a7c15u ^ (uint64_t)(uintptr_t)k2;
    return (size_t)(h ^ (h >> 29));
}

/* Put entry ix into the index (grown first when half full). */
static void index_add(ProfilerObj *p, int ix)
{
    if (2 * (p->nentries + 1) >= p->capindex) {
        free(p->index);
        p->capindex = p->capindex ? 2 * p->capindex : 64;
        p->index = ls_xmalloc((size_t)p->capindex * sizeof *p->index);
        memset(p->index, 0, (size_t)p->capindex * sizeof *p->index);
        for (int i = 0; i < p->nentries; i++)
            if (i != ix)
                index_add(p, i);
    }
    size_t m = (size_t)p->capindex - 1;
    size_t h = key_hash(p->entries[ix].key1, p->entries[ix].key2) & m;
    while (p->index[h])
        h = (h + 1) & m;
    p->index[h] = ix + 1;
}

/* The entry of a function (made on first sight). */
static int entry_of(ProfilerObj *p, const void *k1, const void *k2, Obj *userobj)
{
    if (p->capindex) {
        size_t m = (size_t)p->capindex - 1;
        for (size_t h = key_hash(k1, k2) & m; p->index[h]; h = (h + 1) & m) {
            Entry *e = &p->entries[p->index[h] - 1];
            if (e->key1 == k1 && e->key2 == k2)
                return p->index[h] - 1;
        }
    }
    if (p->nentries == p->capentries) {
        p->capentries = p->capentries ? 2 * p->capentries : 32;
        p->entries = ls_xrealloc(p->entries, (size_t)p->capentries * sizeof *p->entries);
    }
    Entry *e = &p->entries[p->nentries];
    memset(e, 0, sizeof *e);
    e->key1 = k1;
    e->key2 = k2;
    if (TYPE(userobj) == &vm_builtin_type) {
        e->label = builtin_label((BuiltinObj *)userobj);
        if (!e->label) {
            vm_err_clear();
            e->label = vm_str_cstr(((BuiltinObj *)userobj)->name);
        }
    } else {
        e->label = vm_newref(userobj);
    }
    int ix = p->nentries;
    index_add(p, ix);
    p->nentries++;
    return ix;
}

static SubEntry *sub_of(Entry *caller, int callee, bool make)
{
    for (int i = 0; i < caller->nsubs; i++)
        if (caller->subs[i].callee == callee)
            return &caller->subs[i];
    if (!make)
        return NULL;
    if (caller->nsubs == caller->capsubs) {
        caller->capsubs = caller->capsubs ? 2 * caller->capsubs : 4;
        caller->subs = ls_xrealloc(caller->subs, (size_t)caller->capsubs * sizeof *caller->subs);
    }
    SubEntry *s = &caller->subs[caller->nsubs++];
    memset(s, 0, sizeof *s);
    s->callee = callee;
    return s;
}

static void enter_call(ProfilerObj *p, int ix)
{
    if (p->depth == p->capstack) {
        p->capstack = p->capstack ? 2 * p->capstack : 64;
        p->stack = ls_xrealloc(p->stack, (size_t)p->capstack * sizeof *p->stack);
    }
    Context *c = &p->stack[p->depth++];
    c->entry = ix;
    c->subt = 0;
    p->entries[ix].reclevel++;
    if (p->subcalls && p->depth > 1)
        sub_of(&p->entries[c[-1].entry], ix, true)->reclevel++;
    c->t0 = now(p);
}

/* Close the innermost running call. */
static void leave_call(ProfilerObj *p)
{
    if (p->depth == 0)
        return;
    Context *c = &p->stack[--p->depth];
    double tt = now(p) - c->t0, it = tt - c->subt;
    Entry *e = &p->entries[c->entry];
    if (p->depth > 0)
        c[-1].subt += tt;
    if (--e->reclevel == 0)
        e->tt += tt;
    else
        e->reccalls++;
    e->it += it;
    e->calls++;
    if (p->subcalls && p->depth > 0) {
        SubEntry *s = sub_of(&p->entries[c[-1].entry], c->entry, false);
        if (s) {
            if (--s->reclevel == 0)
                s->tt += tt;
            else
                s->reccalls++;
            s->it += it;
            s->calls++;
        }
    }
}

/* The profile hook. */
static int hook(Obj *obj, Frame *f, int what, Obj *arg)
{
    ProfilerObj *p = (ProfilerObj *)obj;
    switch (what) {
    case VM_TRACE_CALL:
        enter_call(p, entry_of(p, f->code, NULL, (Obj *)f->code));
        break;
    case VM_TRACE_RETURN:
        leave_call(p);
        break;
    case VM_TRACE_C_CALL:
        if (p->builtins && arg && TYPE(arg) == &vm_builtin_type) {
            BuiltinObj *b = (BuiltinObj *)arg;
            enter_call(p, entry_of(p, (const void *)b->fn, b->name, arg));
        }
        break;
    case VM_TRACE_C_RETURN:
    case VM_TRACE_C_EXCEPTION:
        if (p->builtins && arg && TYPE(arg) == &vm_builtin_type && p->depth > 0) {
            BuiltinObj *b = (BuiltinObj *)arg;
            Entry *e = &p->entries[p->stack[p->depth - 1].entry];
            if (e->key1 == (const void *)b->fn && e->key2 == b->name)
                leave_call(p);
        }
        break;
    default:
        break;
    }
    return 0;
}

static void clear_entries(ProfilerObj *p)
{
    for (int i = 0; i < p->nentries; i++) {
        DECREF(p->entries[i].label);
        free(p->entries[i].subs);
    }
    free(p->entries);
    p->entries = NULL;
    p->nentries = p->capentries = 0;
    free(p->index);
    p->index = NULL;
    p->capindex = 0;
    p->depth = 0;
}

static int flag_arg(Obj *v, bool *out)
{
    if (!v)
        return 0;
    int t = vm_truth(v);
    if (t < 0)
        return -1;
    *out = t;
    return 0;
}

static Obj *prof_enable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"subcalls", "builtins"};
    static const ClinicSpec spec = {"enable", names, 2, 0, 2, 0};
    Obj *a[2];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    ProfilerObj *p = (ProfilerObj *)self;
    if (flag_arg(a[0], &p->subcalls) < 0 || flag_arg(a[1], &p->builtins) < 0)
        return NULL;
    vm_profile_set_hook(hook, self);
    p->enabled = true;
    return vm_newref(VM_NONE);
}

static void stop(ProfilerObj *p)
{
    if (p->enabled && vm_tracestate.profileobj == (Obj *)p)
        vm_profile_set(NULL);
    p->enabled = false;
    while (p->depth > 0)
        leave_call(p);
}

static Obj *prof_disable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("disable", kwnames) < 0 || vm_argc("disable", nargs, 0, 0) < 0)
        return NULL;
    stop((ProfilerObj *)self);
    return vm_newref(VM_NONE);
}

static Obj *prof_clear(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("clear", kwnames) < 0 || vm_argc("clear", nargs, 0, 0) < 0)
        return NULL;
    clear_entries((ProfilerObj *)self);
    return vm_newref(VM_NONE);
}

static const char *const entry_fields[] = {
    "code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls",
};
static const StructSeqDesc entry_desc = {"_lsprof.profiler_entry", entry_fields, 6, 6, true};
static const StructSeqDesc subentry_desc = {"_lsprof.profiler_subentry", entry_fields, 5, 5,
                                            true};

static Obj *prof_getstats(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("getstats", kwnames) < 0 || vm_argc("getstats", nargs, 0, 0) < 0)
        return NULL;
    ProfilerObj *p = (ProfilerObj *)self;
    double unit = p->timer && p->timeunit > 0 ? p->timeunit : 1.0;
    Obj *list = vm_list_new(0);
    for (int i = 0; i < p->nentries; i++) {
        Entry *e = &p->entries[i];
        if (e->calls == 0)
            continue;
        Obj *calls;
        if (e->nsubs) {     /* None for a function that called none */
            calls = vm_list_new(0);
            for (int k = 0; k < e->nsubs; k++) {
                SubEntry *s = &e->subs[k];
                if (s->calls == 0)
                    continue;
                Obj *v[5] = {vm_newref(p->entries[s->callee].label), vm_int_from_i64(s->calls),
                             vm_int_from_i64(s->reccalls), vm_float_new(s->tt * unit),
                             vm_float_new(s->it * unit)};
                Obj *se = vm_structseq_new(&subentry_desc, v);
                if (!se) {
                    DECREF(calls);
                    DECREF(list);
                    return NULL;
                }
                vm_list_append(calls, se);
                DECREF(se);
            }
        } else {
            calls = vm_newref(VM_NONE);
        }
        Obj *v[6] = {vm_newref(e->label), vm_int_from_i64(e->calls),
                     vm_int_from_i64(e->reccalls), vm_float_new(e->tt * unit),
                     vm_float_new(e->it * unit), calls};
        Obj *en = vm_structseq_new(&entry_desc, v);
        if (!en) {
            DECREF(list);
            return NULL;
        }
        vm_list_append(list, en);
        DECREF(en);
    }
    return list;
}

static Obj *prof_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"timer", "timeunit", "subcalls", "builtins"};
    static const ClinicSpec spec = {"Profiler", names, 4, 0, 4, 0};
    Obj *a[4];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    double unit = 0;
    if (a[1] && (FLOAT_CHECK(a[1]) ? (unit = FLOAT_VAL(a[1]), 0)
                 : INT_CHECK(a[1]) ? vm_int_as_double(a[1], &unit)
                 : (vm_err_fmt(&vm_exc_TypeError, "must be real number, not %s",
                               vm_tname(a[1])), -1)) < 0)
        return NULL;
    ProfilerObj *p = vm_alloc((Type *)self, 0);
    p->timer = a[0] && a[0] != VM_NONE ? vm_newref(a[0]) : NULL;
    p->timeunit = unit;
    p->subcalls = p->builtins = true;
    p->enabled = false;
    p->entries = NULL;
    p->nentries = p->capentries = 0;
    p->index = NULL;
    p->capindex = 0;
    p->stack = NULL;
    p->depth = p->capstack = 0;
    if (flag_arg(a[2], &p->subcalls) < 0 || flag_arg(a[3], &p->builtins) < 0) {
        DECREF(p);
        return NULL;
    }
    return (Obj *)p;
}

static void prof_dealloc(Obj *o)
{
    ProfilerObj *p = (ProfilerObj *)o;
    if (vm_tracestate.profileobj == o)
        vm_profile_set(NULL);
    clear_entries(p);
    free(p->stack);
    XDECREF(p->timer);
    vm_obj_free(o);
}

static const MethodDef profiler_methods[] = {
    {"enable", prof_enable},
    {"disable", prof_disable},
    {"clear", prof_clear},
    {"getstats", prof_getstats},
    {NULL, NULL},
};

static Type profiler_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "_lsprof.Profiler",
    .base = &vm_object_type,
    .flags = TF_BASETYPE | TF_SUBCONSTRUCT,
    .basicsize = sizeof(ProfilerObj),
    .construct = prof_construct,
    .dealloc = prof_dealloc,
    .methods = profiler_methods,
};

Obj *vm_mod__lsprof(void)
{
    Obj *m = vm_module_new("_lsprof");
    if (!m)
        return NULL;
    vm_type_ready(&profiler_type);
    vm_module_add(m, "Profiler", (Obj *)&profiler_type);
    vm_module_add(m, "profiler_entry", (Obj *)vm_structseq_type(&entry_desc));
    vm_module_add(m, "profiler_subentry", (Obj *)vm_structseq_type(&subentry_desc));
    return m;
}
