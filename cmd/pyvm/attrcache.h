/* cmd/pyvm/attrcache.h: inline caches of the attribute instructions
 * (LOAD_ATTR, STORE_ATTR, LOAD_METHOD): one entry per instruction of a code
 * object, filled on the first execution and checked on each later one.
 *
 * Stage: pyvm.  An entry remembers what the generic lookup found for one
 * type: the class attribute (borrowed from the class dict) and how to use
 * it.  It is valid while vm_type_version is unchanged (any change to any
 * class dict, and any class's death, bumps it), so the borrowed pointers
 * stay alive.  Module attributes are keyed instead by the version of the
 * module's dict (dict versions are unique, dict.h).  Values stored in an
 * instance __dict__ are found through a hint: the entry number where the
 * name last was, checked by key identity (attribute names are interned).
 * Every fast path returns exactly what vm_getattr/vm_setattr would; the
 * slow paths call them.
 */
#ifndef VM_ATTRCACHE_H
#define VM_ATTRCACHE_H

#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/module.h"

/* The fast paths are few instructions; the eval loop is too big for the
 * compiler's own inlining decisions to reach them. */
#if defined(__GNUC__) || defined(__clang__)
#define VM_ALWAYS_INLINE static inline __attribute__((always_inline))
#else
#define VM_ALWAYS_INLINE static inline
#endif

/* What a filled entry does (AC_NONE: never matches). */
enum {
    AC_NONE,
    AC_DICT,        /* no class attribute: the instance dict, else slow */
    AC_FUNC,        /* a function in the class: dict, else a bound method */
    AC_MDESCR,      /* a builtin method descriptor: dict, else bound */
    AC_PLAIN,       /* a class attribute that is no descriptor: dict, else it */
    AC_METHOD,      /* LOAD_METHOD: function or descriptor to call unbound */
    AC_STORE,       /* STORE_ATTR: set in the instance dict */
    AC_MODULE,      /* a module attribute; tver is the module dict's version */
    AC_CTOR,        /* CALL of a class (type): descr is its Python __init__ */
};

typedef struct AttrCache {
    Type *type;             /* the owner's type when filled; NULL: empty */
    uint64_t tver;          /* vm_type_version (module dict version for AC_MODULE) */
    Obj *descr;             /* borrowed: the class attribute, or the module value */
    int32_t kind;           /* AC_* */
    int32_t hint;           /* instance dict entry number where the name last was */
} AttrCache;

/* The cache entry of instruction i of co, allocating the code's table on
 * first use. */
AttrCache *vm_ic_entry(VmCode *co, size_t i);

/* The instance dict value of name, using and refreshing the hint;
 * borrowed or NULL. */
Obj *vm_ic_dict_get_slow(AttrCache *c, Obj *dict, Obj *name);
VM_ALWAYS_INLINE Obj *vm_ic_dict_get(AttrCache *c, Obj *dict, Obj *name)
{
    DictObj *d = (DictObj *)dict;
    if ((uint64_t)c->hint < (uint64_t)d->nentries && d->entries[c->hint].key == name)
        return d->entries[c->hint].value;
    return vm_ic_dict_get_slow(c, dict, name);
}

Obj *vm_ic_load_attr_slow(VmCode *co, size_t i, Obj *o, Obj *name) LS_MUST_CHECK;
/* Set name in o's instance dict (made when missing), refreshing the hint. */
int vm_ic_store_dict(AttrCache *c, Obj *o, Obj *name, Obj *v) LS_MUST_CHECK;
int vm_ic_store_attr_slow(VmCode *co, size_t i, Obj *o, Obj *name, Obj *v) LS_MUST_CHECK;
Obj *vm_ic_load_method_slow(VmCode *co, size_t i, Obj *o, Obj *name, bool *unbound)
    LS_MUST_CHECK;

/* o.name (a new reference, or NULL with an exception). */
VM_ALWAYS_INLINE Obj *vm_ic_load_attr(VmCode *co, size_t i, Obj *o, Obj *name)
{
    AttrCache *c = co->acache ? &co->acache[i] : NULL;
    if (c && c->type == TYPE(o)) {
        if (c->kind == AC_MODULE) {
            if (((DictObj *)((ModuleObj *)o)->dict)->version == c->tver)
                return vm_newref(c->descr);
        } else if (c->tver == vm_type_version) {
            Obj **dp = vm_dictptr(o);
            if (dp && *dp) {
                Obj *v = vm_ic_dict_get(c, *dp, name);
                if (v)
                    return vm_newref(v);
            }
            switch (c->kind) {
            case AC_FUNC: return vm_method_new(c->descr, o);
            case AC_MDESCR: return vm_builtin_bind(c->descr, o);
            case AC_PLAIN: return vm_newref(c->descr);
            default: break;
            }
        }
    }
    return vm_ic_load_attr_slow(co, i, o, name);
}

/* o.name = v (v borrowed); 0, or -1 with an exception. */
VM_ALWAYS_INLINE int vm_ic_store_attr(VmCode *co, size_t i, Obj *o, Obj *name, Obj *v)
{
    AttrCache *c = co->acache ? &co->acache[i] : NULL;
    if (c && c->type == TYPE(o) && c->tver == vm_type_version && c->kind == AC_STORE) {
        DictObj *d = *(DictObj **)((char *)o + c->type->dictoffset);
        if (d && (uint64_t)c->hint < (uint64_t)d->nentries && d->entries[c->hint].key == name) {
            Obj *old = d->entries[c->hint].value;
            d->entries[c->hint].value = vm_newref(v);
            d->version = ++vm_dict_version;
            DECREF(old);
            return 0;
        }
        return vm_ic_store_dict(c, o, name, v);
    }
    return vm_ic_store_attr_slow(co, i, o, name, v);
}

/* LOAD_METHOD: *unbound true: the result is the function to call with o
 * as its first argument; false: the attribute itself.  New reference, or
 * NULL with an exception. */
VM_ALWAYS_INLINE Obj *vm_ic_load_method(VmCode *co, size_t i, Obj *o, Obj *name, bool *unbound)
{
    AttrCache *c = co->acache ? &co->acache[i] : NULL;
    if (c && c->type == TYPE(o)) {
        if (c->kind == AC_METHOD && c->tver == vm_type_version) {
            Obj **dp = vm_dictptr(o);
            if (!dp || !*dp || !vm_dict_get_str(*dp, name)) {
                *unbound = true;
                return vm_newref(c->descr);
            }
        } else if (c->kind == AC_MODULE
                   && ((DictObj *)((ModuleObj *)o)->dict)->version == c->tver) {
            *unbound = false;
            return vm_newref(c->descr);
        }
    }
    return vm_ic_load_method_slow(co, i, o, name, unbound);
}

/* CALL of callable: when it is a class whose instances are made by
 * object's allocation and set up by a Python __init__ (no __new__, no
 * metaclass), that __init__ (borrowed); else NULL.  The caller allocates
 * the instance (vm_alloc) and runs __init__ itself. */
FuncObj *vm_ic_ctor_init_slow(VmCode *co, size_t i, Obj *callable);
VM_ALWAYS_INLINE FuncObj *vm_ic_ctor_init(VmCode *co, size_t i, Obj *callable)
{
    AttrCache *c = co->acache ? &co->acache[i] : NULL;
    if (c && c->type == (Type *)callable && c->kind == AC_CTOR && c->tver == vm_type_version)
        return (FuncObj *)c->descr;
    if (TYPE(callable) != &vm_type_type)
        return NULL;
    return vm_ic_ctor_init_slow(co, i, callable);
}

#endif
