/* cmd/pyvm/class.c: classes and instances.
 *
 * Stage: pyvm.  A class statement runs its body with a fresh dict as the
 * local namespace (__build_class__), then type(name, bases, ns) makes a
 * heap type: its MRO by C3 linearization, its instances' layout (the
 * nearest builtin base's, plus a __dict__ pointer), and its slots: each
 * slot whose dunder (__add__, __eq__, __len__, ...) the class defines calls
 * that method; the others are inherited from the builtin base.  Attribute
 * lookup is CPython's generic one: data descriptors (property), then the
 * instance __dict__, then other class attributes (functions become bound
 * methods, classmethod binds the class), then __getattr__.
 */
#include "cmd/pyvm/genericalias.h"
#include "cmd/pyvm/import_copyreg.h"
#include "cmd/pyvm/class.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/builtins.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/bytesmeth.h"
#include "cmd/pyvm/complex.h"
#include "cmd/pyvm/descr.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/format.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/set.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/unraisable.h"

/* The interned str for a C string literal (cached by the literal's
 * address: only ever called with literals or the static tables below). */
static Obj *ident(const char *s)
{
    static struct { const char *key; Obj *str; } cache[128];
    size_t h = ((uintptr_t)s >> 3) & 127;
    if (cache[h].key == s)
        return cache[h].str;
    Obj *v = vm_str_intern(s, strlen(s));   /* interned strings are immortal */
    cache[h].key = s;
    cache[h].str = v;
    return v;
}

/* ---- descriptors: property, staticmethod, classmethod ---- */

typedef struct PropertyObj {
    Obj ob;
    Obj *fget, *fset, *fdel;    /* functions or NULL */
    Obj *doc;                   /* or NULL */
    Obj *name;                  /* set by __set_name__ (str) or NULL: for messages */
    bool getter_doc;            /* doc came from fget's __doc__: getter() takes the new one */
} PropertyObj;

typedef struct WrapObj {
    Obj ob;
    Obj *func;                  /* the wrapped callable */
} WrapObj;

static bool is_heap(Type *t)
{
    return (t->flags & TF_HEAP) != 0;
}

static int abstract_check(Type *t);
static Type *static_base(Type *t);
static Type *solid_base(Type *t);
static void classes_add(Type *t);
static void classes_remove(Type *t);

/* ---- member descriptors: the attributes __slots__ declares ---- */

typedef struct MemberObj {
    Obj ob;
    Obj *name;              /* the attribute name (str) */
    Type *owner;            /* the class that declared it (a reference) */
    size_t offset;          /* where instances keep the value pointer (NULL: unset);
                               0: a built-in type's member (descr.h's BDescrObj) */
} MemberObj;

Type vm_member_descr_type;

static void member_dealloc(Obj *o)
{
    MemberObj *m = (MemberObj *)o;
    DECREF(m->name);
    XDECREF(m->owner);
    vm_obj_free(o);
}

static void member_traverse(Obj *o, VisitFn visit, void *arg)
{
    VISIT(((MemberObj *)o)->owner);
}

static void member_clear(Obj *o)
{
    CLEAR(((MemberObj *)o)->owner);
}

static Obj *member_repr(Obj *o)
{
    MemberObj *m = (MemberObj *)o;
    Buf b = BUF_INIT;
    buf_printf(&b, "<member '%s' of '%s' objects>", STR_DATA(m->name),
               m->owner ? m->owner->name : "?");
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

/* The value pointer of member m in obj; NULL and TypeError when obj is not
 * an instance of m's class. */
static Obj **member_slot(MemberObj *m, Obj *obj)
{
    if (!m->owner || !vm_is_subtype(TYPE(obj), m->owner)) {
        vm_err_fmt(&vm_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a "
                   "'%s' object", STR_DATA(m->name), m->owner ? m->owner->name : "?",
                   vm_tname(obj));
        return NULL;
    }
    return (Obj **)((char *)obj + m->offset);
}

static Obj *member_get(MemberObj *m, Obj *obj)
{
    if (m->offset == 0)
        return vm_bdescr_get((Obj *)m, obj);
    Obj **p = member_slot(m, obj);
    if (!p)
        return NULL;
    if (!*p)
        return vm_err_fmt(&vm_exc_AttributeError, "'%s' object has no attribute '%s'",
                          vm_tname(obj), STR_DATA(m->name));
    return vm_newref(*p);
}

/* set (v) or delete (v NULL) */
static int member_set(MemberObj *m, Obj *obj, Obj *v)
{
    if (m->offset == 0)
        return vm_bdescr_set((Obj *)m, obj, v);
    Obj **p = member_slot(m, obj);
    if (!p)
        return -1;
    if (!v && !*p) {
        vm_err_obj(&vm_exc_AttributeError, m->name);
        return -1;
    }
    Obj *old = *p;
    *p = v ? vm_newref(v) : NULL;
    XDECREF(old);
    return 0;
}

static Obj *member_get_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__get__", nargs, 1, 2) < 0)
        return NULL;
    if (args[0] == VM_NONE)
        return vm_newref(self);
    return member_get((MemberObj *)self, args[0]);
}

static Obj *member_set_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__set__", nargs, 2, 2) < 0)
        return NULL;
    return member_set((MemberObj *)self, args[0], args[1]) < 0 ? NULL : vm_newref(VM_NONE);
}

static Obj *member_delete_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__delete__", nargs, 1, 1) < 0)
        return NULL;
    return member_set((MemberObj *)self, args[0], NULL) < 0 ? NULL : vm_newref(VM_NONE);
}

static Obj *member_getattr(Obj *o, Obj *name)
{
    MemberObj *m = (MemberObj *)o;
    if (m->offset == 0)
        return vm_bdescr_getattr(o, name);
    if (vm_str_eqc(name, "__name__") || vm_str_eqc(name, "__qualname__"))
        return vm_newref(m->name);
    if (vm_str_eqc(name, "__objclass__"))
        return vm_newref(m->owner ? (Obj *)m->owner : VM_NONE);
    return NULL;
}

static const MethodDef member_methods[] = {
    {"__get__", member_get_m},
    {"__set__", member_set_m},
    {"__delete__", member_delete_m},
    {NULL, NULL},
};

Type vm_member_descr_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "member_descriptor",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS | TF_GC,
    .basicsize = sizeof(MemberObj),
    .dealloc = member_dealloc,
    .traverse = member_traverse,
    .clear = member_clear,
    .repr = member_repr,
    .getattr = member_getattr,
    .methods = member_methods,
};

Obj *vm_slots_state(Obj *o)
{
    Obj *mro = TYPE(o)->mro;
    if (!mro)
        return vm_newref(VM_NONE);
    Obj *state = NULL;
    for (ssize_t i = 0; i < TUPLE_LEN(mro); i++) {
        Type *k = (Type *)TUPLE_ITEMS(mro)[i];
        if (!(k->flags & TF_HEAP) || !k->dict)
            continue;
        ssize_t pos = 0;
        Obj *key, *v;
        while (vm_dict_next(k->dict, &pos, &key, &v)) {
            if (TYPE(v) != &vm_member_descr_type)
                continue;
            MemberObj *m = (MemberObj *)v;
            Obj *val = *(Obj **)((char *)o + m->offset);
            if (!val)
                continue;
            if (!state)
                state = vm_dict_new();
            if (vm_dict_set(state, m->name, val) < 0) {
                DECREF(state);
                return NULL;
            }
        }
    }
    return state ? state : vm_newref(VM_NONE);
}

/* Does the class of d define __set__ or __delete__ (a data descriptor)? */
static bool is_data_descr(Obj *d)
{
    Type *t = TYPE(d);
    if (t == &vm_property_type || t == &vm_member_descr_type || VM_BDESCR_CHECK(d))
        return true;
    if (is_heap(t) && vm_is_subtype(t, &vm_property_type))
        return true;        /* abc.abstractproperty and the like */
    if (!is_heap(t))
        return false;
    return vm_type_lookup(t, ident("__set__")) || vm_type_lookup(t, ident("__delete__"));
}

/* AttributeError "property 'NAME' of 'TYPE' object has no WHAT" (NAME from
 * __set_name__, left out when unset); returns NULL. */
static Obj *property_error(Obj *prop, Obj *obj, const char *what)
{
    PropertyObj *p = (PropertyObj *)prop;
    if (p->name && STR_CHECK(p->name))
        return vm_err_fmt(&vm_exc_AttributeError, "property '%s' of '%s' object has no %s",
                          STR_DATA(p->name), TYPE(obj)->name, what);
    return vm_err_fmt(&vm_exc_AttributeError, "property of '%s' object has no %s",
                      TYPE(obj)->name, what);
}

static Obj *super_descr_get(Obj *self, Obj *obj);

static Obj *descr_get(Obj *d, Obj *obj, Type *type);

/* A classmethod bound to type.  The 3.9-3.12 chain: a wrapped descriptor
 * (a property, ...) is bound to the class, as func.__get__(type, type). */
static Obj *classmethod_get(Obj *d, Obj *type)
{
    Obj *f = ((WrapObj *)d)->func;
    Type *ft = TYPE(f);
    if (HAS_FLAG(type, TF_TYPE) && (ft == &vm_property_type
                                    || (is_heap(ft) && vm_type_lookup(ft, ident("__get__")))))
        return descr_get(f, type, (Type *)type);
    return vm_method_new(f, type);
}

/* descr.__get__(obj, type); obj NULL for lookup on the class. */
static Obj *descr_get(Obj *d, Obj *obj, Type *type)
{
    Type *t = TYPE(d);
    if (t == &vm_func_type)
        return obj ? vm_method_new(d, obj) : vm_newref(d);
    if (t == &vm_method_descr_type)
        return obj ? vm_builtin_bind(d, obj) : vm_newref(d);
    if (t == &vm_member_descr_type)
        return obj ? member_get((MemberObj *)d, obj) : vm_newref(d);
    if (VM_BDESCR_CHECK(d))     /* a built-in type's data attribute (descr.c) */
        return obj ? vm_bdescr_get(d, obj) : vm_newref(d);
    if (t == &vm_wrapper_descr_type)
        return obj ? vm_wrapper_bind(d, obj) : vm_newref(d);
    /* subclasses of the three (abc.abstractclassmethod, ...) behave as them
     * unless they define their own __get__ */
    if (is_heap(t)) {
        Type *base = vm_is_subtype(t, &vm_staticmethod_type) ? &vm_staticmethod_type
            : vm_is_subtype(t, &vm_classmethod_type) ? &vm_classmethod_type
            : vm_is_subtype(t, &vm_property_type) ? &vm_property_type : NULL;
        Obj *get = base ? vm_type_lookup(t, ident("__get__")) : NULL;
        if (base && (!get || get == vm_type_lookup(base, ident("__get__"))))
            t = base;
    }
    if (t == &vm_staticmethod_type)
        return vm_newref(((WrapObj *)d)->func);
    if (t == &vm_super_type)
        return super_descr_get(d, obj);
    if (t == &vm_classmethod_type)
        return classmethod_get(d, (Obj *)type);
    if (t == &vm_property_type) {
        PropertyObj *p = (PropertyObj *)d;
        if (!obj)
            return vm_newref(d);
        if (!p->fget)
            return property_error(d, obj, "getter");
        return vm_call(p->fget, &obj, 1, NULL);
    }
    if (is_heap(t)) {
        Obj *get = vm_type_lookup(t, ident("__get__"));
        if (get) {
            Obj *argv[3] = {d, obj ? obj : VM_NONE, (Obj *)type};
            return vm_call(get, argv, 3, NULL);
        }
    }
    return vm_newref(d);
}

Obj *vm_call_special(Obj *o, const char *name, Obj *const *args, size_t nargs, bool *found)
{
    Obj *d = vm_type_lookup(TYPE(o), ident(name));
    *found = d != NULL;
    if (!d)
        return NULL;
    if (FUNC_CHECK(d) || vm_cdescr_check(d)) {
        Obj *small[6], **argv = small;
        if (nargs + 1 > 6)
            argv = ls_xmalloc((nargs + 1) * sizeof(Obj *));
        argv[0] = o;
        if (nargs)
            memcpy(argv + 1, args, nargs * sizeof(Obj *));
        Obj *r = vm_call(d, argv, nargs + 1, NULL);
        if (argv != small)
            free(argv);
        return r;
    }
    Obj *bound = descr_get(d, o, TYPE(o));
    if (!bound)
        return NULL;
    Obj *r = vm_call(bound, args, nargs, NULL);
    DECREF(bound);
    return r;
}

/* ---- generic attributes ---- */

/* A descriptor's __get__ raised: should __getattr__ be tried (an
 * AttributeError, in a class defining __getattr__)?  Clears it if so. */
static bool descr_fallback(Type *t)
{
    if (!is_heap(t) || !vm_err_matches(&vm_exc_AttributeError)
        || !vm_type_lookup(t, ident("__getattr__")))
        return false;
    vm_err_clear();
    return true;
}

Obj *vm_generic_getattr(Obj *o, Obj *name)
{
    Type *t = TYPE(o);
    Obj *d = vm_type_lookup(t, name);
    if (d && is_data_descr(d)) {
        Obj *r = descr_get(d, o, t);
        if (r || !descr_fallback(t))
            return r;
        goto getattr_hook;
    }
    Obj **dp = vm_dictptr(o);
    if (dp && *dp) {
        Obj *v = vm_dict_get_str(*dp, name);
        if (v)
            return vm_newref(v);
    }
    if (d) {
        Obj *r = descr_get(d, o, t);
        if (r || !descr_fallback(t))
            return r;
        goto getattr_hook;
    }
    if (vm_str_eqc(name, "__class__"))
        return vm_newref((Obj *)t);
    if (vm_str_eqc(name, "__dict__") && dp && !t->slotnames) {
        if (!*dp)
            *dp = vm_dict_new();
        return vm_newref(*dp);
    }
getattr_hook:
    if (is_heap(t)) {
        Obj *ga = vm_type_lookup(t, ident("__getattr__"));
        if (ga) {
            Obj *argv[2] = {o, name};
            if (FUNC_CHECK(ga))
                return vm_call(ga, argv, 2, NULL);
            Obj *b = descr_get(ga, o, t);
            if (!b)
                return NULL;
            Obj *r = vm_call(b, &name, 1, NULL);
            DECREF(b);
            return r;
        }
    }
    if (t == &vm_type_type || (t->flags & TF_TYPE))
        return vm_err_fmt(&vm_exc_AttributeError, "type object '%s' has no attribute '%s'",
                          ((Type *)o)->name, STR_DATA(name));
    return vm_err_fmt(&vm_exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                      STR_DATA(name));
}

/* Do instances of a and b share one memory layout (the same builtin part,
 * the same __slots__, both or neither with a __dict__)? */
static bool same_layout(Type *a, Type *b)
{
    if (a->basicsize != b->basicsize || a->dictoffset != b->dictoffset
        || static_base(a) != static_base(b))
        return false;
    Type *sa = solid_base(a), *sb = solid_base(b);
    while (sa != sb) {
        /* two classes adding __slots__: the same names at the same places */
        if (!is_heap(sa) || !is_heap(sb) || sa->basicsize != sb->basicsize)
            return false;
        ssize_t pos = 0, na = 0, nb = 0;
        Obj *k, *v;
        while (vm_dict_next(sa->dict, &pos, &k, &v)) {
            if (TYPE(v) != &vm_member_descr_type)
                continue;
            na++;
            Obj *w = vm_dict_get_str(sb->dict, k);
            if (!w || TYPE(w) != &vm_member_descr_type
                || ((MemberObj *)w)->offset != ((MemberObj *)v)->offset)
                return false;
        }
        pos = 0;
        while (vm_dict_next(sb->dict, &pos, &k, &v))
            nb += TYPE(v) == &vm_member_descr_type;
        if (na != nb)
            return false;
        sa = solid_base(sa->base);
        sb = solid_base(sb->base);
    }
    return true;
}

/* o.__class__ = v (v NULL: del o.__class__), CPython's rules: both classes
 * user-defined, with the same instance layout. */
static int set_class(Obj *o, Obj *v)
{
    Type *t = TYPE(o);
    if (!v) {
        vm_err_fmt(&vm_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!(TYPE(v)->flags & TF_TYPE) && TYPE(v) != &vm_type_type) {
        vm_err_fmt(&vm_exc_TypeError, "__class__ must be set to a class, not '%s' object",
                   TYPE(v)->name);
        return -1;
    }
    Type *nt = (Type *)v;
    /* a module may become an instance of a ModuleType subclass and back */
    bool modules = static_base(t) == &vm_module_type && static_base(nt) == &vm_module_type;
    if (!modules && (!is_heap(t) || !is_heap(nt))) {
        vm_err_fmt(&vm_exc_TypeError,
                   "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (nt == t)
        return 0;
    if (modules ? t->basicsize != nt->basicsize || t->dictoffset != nt->dictoffset
        : !same_layout(t, nt)) {
        vm_err_fmt(&vm_exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                   nt->name, t->name);
        return -1;
    }
    /* the attribute caches are keyed on the type: a new TYPE(o) misses */
    if (is_heap(nt))
        INCREF(nt);
    o->type = nt;
    if (is_heap(t))
        DECREF(t);
    return 0;
}

int vm_set_class(Obj *o, Obj *v)
{
    return set_class(o, v);
}

/* object.__setattr__ without looking for a user __setattr__. */
static int raw_setattr(Obj *o, Obj *name, Obj *v)
{
    Type *t = TYPE(o);
    if (vm_str_eqc(name, "__class__"))
        return set_class(o, v);
    Obj *dd;
    if (vm_str_eqc(name, "__dict__")
        && (!(dd = vm_type_lookup(t, name)) || VM_BDESCR_CHECK(dd))) {
        /* o.__dict__ = d: the instance's namespace replaced */
        Obj **dp = vm_dictptr(o);
        if (!dp) {
            vm_err_fmt(&vm_exc_AttributeError, "'%s' object has no attribute '__dict__'",
                       t->name);
            return -1;
        }
        if (!v) {       /* del o.__dict__: a fresh one on next use */
            CLEAR(*dp);
            return 0;
        }
        if (!DICT_CHECK(v)) {
            vm_err_fmt(&vm_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                       vm_tname(v));
            return -1;
        }
        Obj *old = *dp;
        *dp = vm_newref(v);
        XDECREF(old);
        return 0;
    }
    Obj *d = vm_type_lookup(t, name);
    if (d && (TYPE(d) == &vm_property_type
              || (is_heap(TYPE(d)) && vm_is_subtype(TYPE(d), &vm_property_type)
                  && !vm_type_lookup(TYPE(d), ident("__set__"))))) {
        PropertyObj *p = (PropertyObj *)d;
        Obj *f = v ? p->fset : p->fdel;
        if (!f) {
            property_error(d, o, v ? "setter" : "deleter");
            return -1;
        }
        Obj *argv[2] = {o, v};
        Obj *r = vm_call(f, argv, v ? 2 : 1, NULL);
        if (!r)
            return -1;
        DECREF(r);
        return 0;
    }
    if (d && TYPE(d) == &vm_member_descr_type)
        return member_set((MemberObj *)d, o, v);
    if (d && VM_BDESCR_CHECK(d))
        return vm_bdescr_set(d, o, v);
    if (d && is_heap(TYPE(d))) {
        Obj *set = vm_type_lookup(TYPE(d), ident(v ? "__set__" : "__delete__"));
        if (set) {
            Obj *argv[3] = {d, o, v};
            Obj *r = vm_call(set, argv, v ? 3 : 2, NULL);
            if (!r)
                return -1;
            DECREF(r);
            return 0;
        }
    }
    Obj **dp = vm_dictptr(o);
    if (dp && t->slotnames) {
        int ok = vm_contains(t->slotnames, name);
        if (ok < 0)
            return -1;
        if (!ok)
            dp = NULL;      /* __slots__: no other instance attributes */
    }
    if (!dp) {
        if (d)
            vm_err_fmt(&vm_exc_AttributeError, "'%s' object attribute '%s' is read-only",
                       t->name, STR_DATA(name));
        else
            vm_err_fmt(&vm_exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                       STR_DATA(name));
        return -1;
    }
    if (!*dp)
        *dp = vm_dict_new();
    if (v)
        return vm_dict_set(*dp, name, v);
    if (vm_dict_del(*dp, name) < 0) {
        vm_err_clear();
        vm_err_fmt(&vm_exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                   STR_DATA(name));
        return -1;
    }
    return 0;
}

int vm_generic_setattr(Obj *o, Obj *name, Obj *v)
{
    Type *t = TYPE(o);
    if (is_heap(t)) {
        Obj *sa = vm_type_lookup(t, ident(v ? "__setattr__" : "__delattr__"));
        if (sa && FUNC_CHECK(sa)) {
            Obj *argv[3] = {o, name, v};
            Obj *r = vm_call(sa, argv, v ? 3 : 2, NULL);
            if (!r)
                return -1;
            DECREF(r);
            return 0;
        }
    }
    return raw_setattr(o, name, v);
}

/* ---- object's methods ---- */

static Obj *object_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_newref(VM_NONE);
}

static Obj *object_repr_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_object_repr_default(self);
}

Obj *vm_object_repr_default(Obj *self)
{
    Type *t = TYPE(self);
    Buf b = BUF_INIT;
    if (t->module && STR_CHECK(t->module) && !vm_str_eqc(t->module, "builtins"))
        buf_printf(&b, "<%s.%s object at %p>", STR_DATA(t->module),
                   t->qualname ? STR_DATA(t->qualname) : t->name, (void *)self);
    else
        buf_printf(&b, "<%s object at %p>", t->name, (void *)self);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *object_str_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_repr(self);
}

static Obj *object_eq(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__eq__", nargs, 1, 1) < 0)
        return NULL;
    return vm_newref(self == args[0] ? VM_TRUE : VM_NOTIMPL);
}

static Obj *object_ne(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__ne__", nargs, 1, 1) < 0)
        return NULL;
    bool found;
    Obj *r = vm_call_special(self, "__eq__", args, 1, &found);
    if (!r)
        return NULL;
    if (r == VM_NOTIMPL)
        return r;
    int t = vm_truth(r);
    DECREF(r);
    return t < 0 ? NULL : VM_BOOL(!t);
}

static Obj *object_hash_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64((int64_t)((uintptr_t)self >> 4));
}

static Obj *object_setattr_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__setattr__", nargs, 2, 2) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_str(&vm_exc_TypeError, "attribute name must be string");
    Obj *name = vm_str_intern(STR_DATA(args[0]), (size_t)STR_LEN(args[0]));
    int rc = raw_setattr(self, name, args[1]);
    return rc < 0 ? NULL : vm_newref(VM_NONE);
}

static Obj *object_delattr_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__delattr__", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_str(&vm_exc_TypeError, "attribute name must be string");
    Obj *name = vm_str_intern(STR_DATA(args[0]), (size_t)STR_LEN(args[0]));
    int rc = raw_setattr(self, name, NULL);
    return rc < 0 ? NULL : vm_newref(VM_NONE);
}

static Obj *object_getattribute_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__getattribute__", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_str(&vm_exc_TypeError, "attribute name must be string");
    Obj *name = vm_str_intern(STR_DATA(args[0]), (size_t)STR_LEN(args[0]));
    /* a built-in type's own lookup (module, function, type: their
     * __doc__, __name__, ... are not in a dict), never a class's hook */
    Type *t = TYPE(self);
    while (t && is_heap(t))
        t = t->base;
    if (t && t != &vm_object_type && t->getattr) {
        Obj *r = t->getattr(self, name);
        if (r || vm_err_occurred())
            return r;
    }
    return vm_generic_getattr(self, name);
}

static Obj *object_format_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__format__", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "__format__() argument must be str, not %s",
                          vm_tname(args[0]));
    if (INT_CHECK(self) || FLOAT_CHECK(self) || STR_CHECK(self))
        return vm_format(self, args[0]);    /* format.c: int/float/str's mini-language */
    if (STR_LEN(args[0]) > 0)
        return vm_err_fmt(&vm_exc_TypeError, "unsupported format string passed to %s.__format__",
                          vm_tname(self));
    return vm_str(self);
}

/* object.__lt__ and the other orderings: NotImplemented, so the
 * reflected operand or the TypeError decides */
static Obj *object_order(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__lt__", nargs, 1, 1) < 0)
        return NULL;
    return vm_newref(VM_NOTIMPL);
}

const MethodDef vm_object_methods[] = {
    {"__init__", object_init},
    {"__repr__", object_repr_m},
    {"__str__", object_str_m},
    {"__eq__", object_eq},
    {"__ne__", object_ne},
    {"__lt__", object_order},
    {"__le__", object_order},
    {"__gt__", object_order},
    {"__ge__", object_order},
    {"__hash__", object_hash_m},
    {"__setattr__", object_setattr_m},
    {"__delattr__", object_delattr_m},
    {"__getattribute__", object_getattribute_m},
    {"__format__", object_format_m},
    {"__reduce_ex__", vm_object_reduce_ex},      /* import_copyreg.c */
    {"__reduce__", vm_object_reduce},
    {"__getstate__", vm_object_getstate},
    {NULL, NULL},
};

/* ---- slots of classes that define dunder methods ---- */

static Obj *call1(Obj *o, const char *name)
{
    bool found;
    Obj *r = vm_call_special(o, name, NULL, 0, &found);
    if (!found && !r)
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object has no %s", vm_tname(o), name);
    return r;
}

static Obj *slot_repr(Obj *o)
{
    Obj *r = call1(o, "__repr__");
    if (r && !STR_CHECK(r)) {
        vm_err_fmt(&vm_exc_TypeError, "__repr__ returned non-string (type %s)", vm_tname(r));
        DECREF(r);
        return NULL;
    }
    return r;
}

static Obj *slot_str(Obj *o)
{
    Obj *r = call1(o, "__str__");
    if (r && !STR_CHECK(r)) {
        vm_err_fmt(&vm_exc_TypeError, "__str__ returned non-string (type %s)", vm_tname(r));
        DECREF(r);
        return NULL;
    }
    return r;
}

static int slot_hash(Obj *o, int64_t *out)
{
    Obj *h = vm_type_lookup(TYPE(o), ident("__hash__"));
    if (!h || h == VM_NONE) {
        vm_err_fmt(&vm_exc_TypeError, "unhashable type: '%s'", vm_tname(o));
        return -1;
    }
    Obj *r = call1(o, "__hash__");
    if (!r)
        return -1;
    if (!INT_CHECK(r)) {
        DECREF(r);
        vm_err_str(&vm_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* as CPython: a value that fits a machine word is the hash itself
     * (-1 is reserved: -2); a larger int is hashed */
    int rc = vm_int_as_i64(r, out);
    if (rc == 0) {
        if (*out == -1)
            *out = -2;
    } else {
        vm_err_clear();
        rc = vm_hash(r, out);
    }
    DECREF(r);
    return rc;
}

static const char *const cmp_names[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__",
                                         "__ge__"};

static Obj *slot_richcmp(Obj *a, Obj *b, int op)
{
    bool found;
    Obj *r = vm_call_special(a, cmp_names[op], &b, 1, &found);
    if (!found && !r)
        return vm_newref(VM_NOTIMPL);
    return r;
}

static const char *const binop_names[13] = {
    "add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift", "sub",
    "truediv", "xor",
};

/* "__add__", "__radd__", "__iadd__", ... (stable addresses, for ident()) */
static char dunder_names[3][13][16];

static const char *dunder(int kind, int op)
{
    static const char *const pre[3] = {"__%s__", "__r%s__", "__i%s__"};
    if (!dunder_names[kind][op][0])
        snprintf(dunder_names[kind][op], sizeof dunder_names[kind][op], pre[kind],
                 binop_names[op]);
    return dunder_names[kind][op];
}

static Obj *slot_binop(Obj *a, Obj *b, int op)
{
    bool inplace = op >= NB_INPLACE_FIRST, found;
    int base = inplace ? op - NB_INPLACE_FIRST : op;
    Obj *r;
    /* a subclass overriding the reflected method gets the first try */
    bool b_first = TYPE(b)->binop == slot_binop && TYPE(b) != TYPE(a)
        && vm_is_subtype(TYPE(b), TYPE(a));
    if (b_first) {
        Obj *rm = vm_type_lookup(TYPE(b), ident(dunder(1, base)));
        b_first = rm && rm != vm_type_lookup(TYPE(a), ident(dunder(1, base)));
    }
    if (b_first && !inplace) {
        r = vm_call_special(b, dunder(1, base), &a, 1, &found);
        if (found && r != VM_NOTIMPL)
            return r;
    }
    if (TYPE(a)->binop == slot_binop) {
        if (inplace) {
            r = vm_call_special(a, dunder(2, base), &b, 1, &found);
            if (found && r != VM_NOTIMPL)
                return r;
        }
        r = vm_call_special(a, dunder(0, base), &b, 1, &found);
        if (found && r != VM_NOTIMPL)
            return r;
    }
    if (TYPE(b)->binop == slot_binop && TYPE(b) != TYPE(a) && !(b_first && !inplace)) {
        r = vm_call_special(b, dunder(1, base), &a, 1, &found);
        if (found && r != VM_NOTIMPL)
            return r;
    }
    return vm_newref(VM_NOTIMPL);
}

static Obj *slot_unary(Obj *a, int op)
{
    static const char *const names[3] = {"__neg__", "__pos__", "__invert__"};
    bool found;
    Obj *r = vm_call_special(a, names[op], NULL, 0, &found);
    if (!found)
        return vm_newref(VM_NOTIMPL);
    return r;
}

/* a class defining __getattribute__: call it; on AttributeError, __getattr__ */
static Obj *slot_getattribute(Obj *o, Obj *name)
{
    bool found;
    Obj *r = vm_call_special(o, "__getattribute__", &name, 1, &found);
    if (r || !vm_err_matches(&vm_exc_AttributeError))
        return r;
    Obj *ga = vm_type_lookup(TYPE(o), ident("__getattr__"));
    if (!ga)
        return NULL;
    vm_err_clear();
    return vm_call_special(o, "__getattr__", &name, 1, &found);
}

/* A class defining __getattr__ over a C base with a lookup of its own
 * (module): that lookup, then __getattr__ on AttributeError. */
static Obj *slot_getattr_hook(Obj *o, Obj *name)
{
    Type *b = TYPE(o)->base;
    while (b && b->getattr == slot_getattr_hook)
        b = b->base;
    Obj *r = b && b->getattr ? b->getattr(o, name) : NULL;
    if (!r && !vm_err_occurred())
        r = vm_generic_getattr(o, name);
    if (r || !vm_err_matches(&vm_exc_AttributeError))
        return r;
    vm_err_clear();
    bool found;
    return vm_call_special(o, "__getattr__", &name, 1, &found);
}

static ssize_t slot_len(Obj *o)
{
    Obj *r = call1(o, "__len__");
    if (!r)
        return -1;
    if (!INT_CHECK(r)) {
        /* __index__ of the result, as CPython's slot */
        Obj *ix = vm_number_index(r);
        DECREF(r);
        if (!ix)
            return -1;
        r = ix;
    }
    int64_t n;
    int rc = vm_int_as_i64(r, &n);
    if (rc < 0) {
        /* the sign first: a huge negative length is a ValueError */
        Obj *zero = vm_int_from_i64(0);
        bool neg = vm_int_cmp(r, zero) < 0;
        DECREF(zero);
        DECREF(r);
        vm_err_clear();
        if (neg)
            vm_err_str(&vm_exc_ValueError, "__len__() should return >= 0");
        else
            vm_err_str(&vm_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    DECREF(r);
    if (n < 0) {
        vm_err_str(&vm_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return (ssize_t)n;
}

static int slot_truth(Obj *o)
{
    bool found;
    Obj *r = vm_call_special(o, "__bool__", NULL, 0, &found);
    if (found) {
        if (!r)
            return -1;
        if (TYPE(r) != &vm_bool_type) {
            vm_err_fmt(&vm_exc_TypeError, "__bool__ should return bool, returned %s",
                       vm_tname(r));
            DECREF(r);
            return -1;
        }
        int t = r == VM_TRUE;
        DECREF(r);
        return t;
    }
    if (vm_type_lookup(TYPE(o), ident("__len__"))) {
        ssize_t n = slot_len(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

static Obj *slot_getitem(Obj *o, Obj *key)
{
    bool found;
    Obj *r = vm_call_special(o, "__getitem__", &key, 1, &found);
    if (!found)
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not subscriptable", vm_tname(o));
    return r;
}

static int slot_setitem(Obj *o, Obj *key, Obj *v)
{
    bool found;
    Obj *argv[2] = {key, v};
    Obj *r = vm_call_special(o, v ? "__setitem__" : "__delitem__", argv, v ? 2 : 1, &found);
    if (!found) {
        vm_err_fmt(&vm_exc_TypeError, v ? "'%s' object does not support item assignment"
                                        : "'%s' object doesn't support item deletion",
                   vm_tname(o));
        return -1;
    }
    if (!r)
        return -1;
    DECREF(r);
    return 0;
}

/* iteration by __getitem__(0), __getitem__(1), ... until IndexError */
typedef struct GetitemIter {
    Obj ob;
    Obj *seq;               /* NULL when exhausted */
    int64_t i;
} GetitemIter;

static void gi_dealloc(Obj *o)
{
    XDECREF(((GetitemIter *)o)->seq);
    vm_obj_free(o);
}

static Obj *gi_next(Obj *o)
{
    GetitemIter *it = (GetitemIter *)o;
    if (!it->seq)
        return NULL;
    Obj *k = vm_int_from_i64(it->i++);
    Obj *v = vm_getitem(it->seq, k);
    DECREF(k);
    if (!v && (vm_err_matches(&vm_exc_IndexError) || vm_err_matches(&vm_exc_StopIteration))) {
        vm_err_clear();
        CLEAR(it->seq);
    }
    return v;
}

static Obj *self_iter(Obj *o) { return vm_newref(o); }

static Type getitem_iter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "iterator",
    .base = &vm_object_type,
    .basicsize = sizeof(GetitemIter),
    .dealloc = gi_dealloc,
    .iter = self_iter,
    .iternext = gi_next,
};

static Obj *slot_iter(Obj *o)
{
    bool found;
    if (vm_type_lookup(TYPE(o), ident("__iter__")) == VM_NONE)  /* __iter__ = None */
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not iterable", vm_tname(o));
    Obj *r = vm_call_special(o, "__iter__", NULL, 0, &found);
    if (!found) {
        if (vm_type_lookup(TYPE(o), ident("__getitem__"))) {
            GetitemIter *it = vm_alloc(&getitem_iter_type, 0);
            it->seq = vm_newref(o);
            it->i = 0;
            return (Obj *)it;
        }
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not iterable", vm_tname(o));
    }
    if (r && !TYPE(r)->iternext) {
        vm_err_fmt(&vm_exc_TypeError, "iter() returned non-iterator of type '%s'", vm_tname(r));
        DECREF(r);
        return NULL;
    }
    return r;
}

static Obj *slot_iternext(Obj *o)
{
    Obj *r = call1(o, "__next__");
    if (!r && vm_err_matches(&vm_exc_StopIteration))
        vm_err_clear();
    return r;
}

static int slot_contains(Obj *o, Obj *v)
{
    bool found;
    Obj *r = vm_call_special(o, "__contains__", &v, 1, &found);
    if (!found) {
        Obj *it = vm_iter(o);
        if (!it)
            return -1;
        Obj *x;
        while ((x = vm_next(it)) != NULL) {
            int eq = vm_eq(x, v);
            DECREF(x);
            if (eq) {
                DECREF(it);
                return eq;
            }
        }
        DECREF(it);
        return vm_err_occurred() ? -1 : 0;
    }
    if (!r)
        return -1;
    int t = vm_truth(r);
    DECREF(r);
    return t;
}

static Obj *slot_call(Obj *o, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *d = vm_type_lookup(TYPE(o), ident("__call__"));
    if (!d)
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not callable", vm_tname(o));
    Obj *bound = descr_get(d, o, TYPE(o));
    if (!bound)
        return NULL;
    Obj *r = vm_call(bound, args, nargs, kwnames);
    DECREF(bound);
    return r;
}

/* The finalizer of a class that defines __del__ (PEP 442: gc.c runs it
 * once, from vm_dealloc or a collection).  What __del__ raises goes to
 * sys.unraisablehook with the __del__ function as the object. */
static void slot_finalize(Obj *o)
{
    Obj *d = vm_type_lookup(TYPE(o), ident("__del__"));
    if (!d)
        return;
    INCREF(d);
    Obj *r;
    if (FUNC_CHECK(d)) {
        r = vm_call(d, &o, 1, NULL);
    } else {
        Obj *bound = descr_get(d, o, TYPE(o));
        r = bound ? vm_call(bound, NULL, 0, NULL) : NULL;
        XDECREF(bound);
    }
    if (r)
        DECREF(r);
    else
        vm_unraisable(NULL, d);
    DECREF(d);
}

/* The references a class added to its builtin base's layout: its slots
 * (__slots__) and its instance __dict__, all pointers between the base's
 * size and the class's; *var is the __dict__ pointer of a class derived
 * from a variable-size builtin (else NULL). */
static Obj **heap_refs(Obj *o, size_t *n, Obj ***var)
{
    Type *t = TYPE(o), *b = static_base(t);
    *var = t->dictoffset == VM_DICTOFF_VAR ? vm_var_dictptr(o) : NULL;
    *n = t->basicsize > b->basicsize ? (t->basicsize - b->basicsize) / sizeof(Obj *) : 0;
    return (Obj **)((char *)o + b->basicsize);
}

static void heap_traverse(Obj *o, VisitFn visit, void *arg)
{
    Type *t = TYPE(o);
    size_t n;
    Obj **var, **refs = heap_refs(o, &n, &var);
    for (size_t i = 0; i < n; i++)
        VISIT(refs[i]);
    if (var)
        VISIT(*var);
    VISIT(t);
    Type *b = static_base(t);
    if (b->traverse)
        b->traverse(o, visit, arg);
}

static void heap_clear(Obj *o)
{
    size_t n;
    Obj **var, **refs = heap_refs(o, &n, &var);
    for (size_t i = 0; i < n; i++)
        CLEAR(refs[i]);
    if (var)
        CLEAR(*var);
    Type *b = static_base(TYPE(o));
    if (b->clear)
        b->clear(o);
}

static void heap_dealloc(Obj *o)
{
    Type *t = TYPE(o);
    size_t n;
    Obj **var, **refs = heap_refs(o, &n, &var);
    for (size_t i = 0; i < n; i++)
        XDECREF(refs[i]);
    if (var)
        XDECREF(*var);
    Type *b = static_base(t);
    if (b->dealloc)
        b->dealloc(o);
    else
        vm_obj_free(o);
    DECREF(t);
}

/* ---- the type `type` ---- */

void vm_type_traverse(Obj *o, VisitFn visit, void *arg)
{
    Type *t = (Type *)o;
    if (!(t->flags & TF_HEAP))
        return;
    VISIT(t->dict);
    VISIT(t->mro);
    VISIT(t->bases);
    VISIT(t->base);
}

void vm_type_clear(Obj *o)
{
    Type *t = (Type *)o;
    if (!(t->flags & TF_HEAP))
        return;
    vm_type_version++;
    CLEAR(t->mro);
    CLEAR(t->bases);
    if (t->dict)
        t->dict->type->clear(t->dict);
}

void vm_type_dealloc(Obj *o)
{
    Type *t = (Type *)o;
    if (!(t->flags & TF_HEAP))
        return;                 /* static types are immortal */
    classes_remove(t);
    vm_type_version++;
    XDECREF(t->dict);
    XDECREF(t->mro);
    XDECREF(t->bases);
    XDECREF(t->qualname);
    XDECREF(t->module);
    XDECREF(t->slotnames);
    if (t->base)
        DECREF(t->base);
    free((char *)t->name);
    vm_obj_free(o);
}

Obj *vm_type_repr(Obj *o)
{
    Type *t = (Type *)o;
    Buf b = BUF_INIT;
    if (t->module && STR_CHECK(t->module) && !vm_str_eqc(t->module, "builtins"))
        buf_printf(&b, "<class '%s.%s'>", STR_DATA(t->module),
                   t->qualname ? STR_DATA(t->qualname) : t->name);
    else
        buf_printf(&b, "<class '%s'>", t->name);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

/* The class's MRO as a C array (static types: the base chain). */
static Obj *mro_of(Type *t)
{
    if (t->mro)
        return vm_newref(t->mro);
    Obj *l = vm_list_new(0);
    for (Type *k = t; k; k = k->base)
        vm_list_append(l, (Obj *)k);
    Obj *tu = vm_tuple_from(LIST_ITEMS(l), LIST_LEN(l));
    DECREF(l);
    return tu;
}

static bool defines(Type *t, const char *name);

/* Set a class's slots: the base's, or the generic slot calling the dunder
 * method where the class (or a base class) defines one.  Run when the class
 * is made and again when a dunder attribute is assigned to it. */
static void update_slots(Type *t)
{
    Type *best = t->base;
    t->repr = best->repr;
    t->str = best->str;
    t->hash = best->hash;
    t->richcmp = best->richcmp;
    t->binop = best->binop;
    t->unary = best->unary;
    t->truth = best->truth;
    t->len = best->len;
    t->getitem = best->getitem;
    t->setitem = best->setitem;
    t->contains = best->contains;
    t->iter = best->iter;
    t->iternext = best->iternext;
    t->call = best->call;
    t->construct = best->construct;
    t->getattr = best->getattr;
    t->setattr = best->setattr;
    if (defines(t, "__repr__"))
        t->repr = slot_repr;
    if (defines(t, "__str__"))
        t->str = slot_str;
    if (defines(t, "__hash__") || vm_type_lookup(t, ident("__hash__")) == VM_NONE)
        t->hash = slot_hash;
    for (int i = 0; i < 6; i++)
        if (defines(t, cmp_names[i]))
            t->richcmp = slot_richcmp;
    for (int i = 0; i < 13; i++)
        for (int k = 0; k < 3; k++)
            if (defines(t, dunder(k, i)))
                t->binop = slot_binop;
    if (defines(t, "__neg__") || defines(t, "__pos__") || defines(t, "__invert__"))
        t->unary = slot_unary;
    if (defines(t, "__bool__") || defines(t, "__len__"))
        t->truth = slot_truth;
    if (defines(t, "__len__"))
        t->len = slot_len;
    if (defines(t, "__getattribute__"))
        t->getattr = slot_getattribute;
    else if (t->getattr && defines(t, "__getattr__"))
        t->getattr = slot_getattr_hook;
    if (defines(t, "__getitem__"))
        t->getitem = slot_getitem;
    if (defines(t, "__setitem__") || defines(t, "__delitem__"))
        t->setitem = slot_setitem;
    if (defines(t, "__contains__"))
        t->contains = slot_contains;
    if (defines(t, "__iter__") || (defines(t, "__getitem__") && !t->iter))
        t->iter = slot_iter;
    if (defines(t, "__next__"))
        t->iternext = slot_iternext;
    if (defines(t, "__call__"))
        t->call = slot_call;
    if (defines(t, "__getitem__"))
        t->getitem = slot_getitem;
    t->finalize = defines(t, "__del__") ? slot_finalize : best->finalize;
}

/* The names a __slots__ declaration lists (a list of str, private names
 * mangled with the class name), without "__dict__" and "__weakref__",
 * which set *dict and *weakref. */
static Obj *parse_slots(Obj *decl, Obj *clsname, bool *dict, bool *weakref)
{
    Obj *it = STR_CHECK(decl) ? NULL : vm_iter(decl);
    if (!STR_CHECK(decl) && !it)
        return NULL;
    Obj *names = vm_list_new(0);
    for (;;) {
        Obj *n;
        if (it) {
            n = vm_next(it);
            if (!n) {
                if (vm_err_occurred())
                    CLEAR(names);
                break;
            }
        } else {
            n = vm_newref(decl);
        }
        if (!STR_CHECK(n)) {
            vm_err_fmt(&vm_exc_TypeError, "__slots__ items must be strings, not '%s'",
                       vm_tname(n));
            DECREF(n);
            CLEAR(names);
            break;
        }
        const char *c = STR_DATA(n);
        size_t len = (size_t)STR_LEN(n);
        if (vm_str_eqc(n, "__dict__")) {
            *dict = true;
        } else if (vm_str_eqc(n, "__weakref__")) {
            *weakref = true;
        } else if (len > 2 && c[0] == '_' && c[1] == '_' && !(c[len - 1] == '_'
                                                              && c[len - 2] == '_')) {
            /* __x -> _Class__x */
            const char *cn = STR_DATA(clsname);
            while (*cn == '_')
                cn++;
            Buf b = BUF_INIT;
            buf_printf(&b, "_%s%s", cn, c);
            Obj *m = vm_str_intern(b.data, b.len);
            buf_free(&b);
            vm_list_append(names, m);
            DECREF(m);
        } else {
            Obj *m = vm_str_intern(c, len);
            vm_list_append(names, m);
            DECREF(m);
        }
        DECREF(n);
        if (!it)
            break;
    }
    XDECREF(it);
    return names;
}

/* Does the class add slots to its base's layout? */
static bool adds_slots(Type *t)
{
    size_t own = t->dictoffset && t->dictoffset != VM_DICTOFF_VAR
        && t->dictoffset >= t->base->basicsize ? sizeof(Obj *) : 0;
    return t->basicsize > t->base->basicsize + own;
}

/* The nearest ancestor whose instance layout differs from its base's: a
 * builtin, or a class with __slots__. */
static Type *solid_base(Type *t)
{
    while ((t->flags & TF_HEAP) && !adds_slots(t))
        t = t->base;
    /* builtin exceptions that add no fields share their base's layout
     * (class E(LookupError, SystemError) is fine, as in CPython) */
    while (!(t->flags & TF_HEAP) && (t->flags & TF_EXC) && t->base && (t->base->flags & TF_EXC)
           && t->base->basicsize == t->basicsize)
        t = t->base;
    return t;
}

/* C3 linearization of t with bases. */
static Obj *c3_mro(Type *t, Obj *bases)
{
    ssize_t nb = TUPLE_LEN(bases);
    /* sequences to merge: each base's MRO, then the bases themselves */
    ssize_t nseq = nb + 1;
    Obj **seqs = ls_xcalloc((size_t)nseq, sizeof(Obj *));
    ssize_t *pos = ls_xcalloc((size_t)nseq, sizeof(ssize_t));
    for (ssize_t i = 0; i < nb; i++)
        seqs[i] = mro_of((Type *)TUPLE_ITEMS(bases)[i]);
    seqs[nb] = vm_newref(bases);
    Obj *result = vm_list_new(0);
    vm_list_append(result, (Obj *)t);
    for (;;) {
        bool any = false;
        Obj *cand = NULL;
        for (ssize_t i = 0; i < nseq && !cand; i++) {
            if (pos[i] >= TUPLE_LEN(seqs[i]))
                continue;
            any = true;
            Obj *c = TUPLE_ITEMS(seqs[i])[pos[i]];
            /* c must not appear in the tail of any sequence */
            bool in_tail = false;
            for (ssize_t j = 0; j < nseq && !in_tail; j++)
                for (ssize_t k = pos[j] + 1; k < TUPLE_LEN(seqs[j]); k++)
                    if (TUPLE_ITEMS(seqs[j])[k] == c) {
                        in_tail = true;
                        break;
                    }
            if (!in_tail)
                cand = c;
        }
        if (!any)
            break;
        if (!cand) {
            /* CPython names the distinct heads of the sequences left */
            Buf b = BUF_INIT;
            Obj *seen[64];
            size_t nseen = 0;
            for (ssize_t i = 0; i < nseq; i++) {
                if (pos[i] >= TUPLE_LEN(seqs[i]))
                    continue;
                Obj *h = TUPLE_ITEMS(seqs[i])[pos[i]];
                bool dup = false;
                for (size_t k = 0; k < nseen; k++)
                    dup |= seen[k] == h;
                if (dup || nseen == 64)
                    continue;
                seen[nseen++] = h;
                buf_printf(&b, "%s%s", nseen > 1 ? ", " : "", ((Type *)h)->name);
            }
            vm_err_fmt(&vm_exc_TypeError, "Cannot create a consistent method resolution\n"
                       "order (MRO) for bases %s", b.data);
            buf_free(&b);
            CLEAR(result);
            break;
        }
        vm_list_append(result, cand);
        for (ssize_t i = 0; i < nseq; i++)
            if (pos[i] < TUPLE_LEN(seqs[i]) && TUPLE_ITEMS(seqs[i])[pos[i]] == cand)
                pos[i]++;
    }
    for (ssize_t i = 0; i < nseq; i++)
        DECREF(seqs[i]);
    free(seqs);
    free(pos);
    if (!result)
        return NULL;
    Obj *tu = vm_tuple_from(LIST_ITEMS(result), LIST_LEN(result));
    DECREF(result);
    return tu;
}

/* The nearest builtin (static) ancestor. */
static Type *static_base(Type *t)
{
    while (t->flags & TF_HEAP)
        t = t->base;
    return t;
}

static bool var_base(const Type *sb);
static CFunc value_base_new(const Type *sb);

static bool defines(Type *t, const char *name)
{
    Obj *d = vm_type_lookup(t, ident(name));
    /* A built-in type's own method of that name: the C slot inherited does
     * the same.  One stored under another name (enum's IntEnum.__str__ =
     * int.__repr__) must be called. */
    return d && (!vm_cdescr_check(d) || strcmp(((BuiltinObj *)d)->name, name) != 0);
}

/* type.__new__(meta, name, bases, ns, **kw): make a class whose type is
 * meta (type or a subclass); kw goes to __init_subclass__. */
static Obj *type_new_kw(Type *meta, Obj *name, Obj *bases, Obj *ns, Obj *const *kwv,
                        Obj *kwnames);


static Obj *type_new_kw(Type *meta, Obj *name, Obj *bases, Obj *ns, Obj *const *kwv,
                        Obj *kwnames)
{
    if (!STR_CHECK(name) || !TUPLE_CHECK(bases) || !DICT_CHECK(ns)) {
        int bad = !STR_CHECK(name) ? 1 : !TUPLE_CHECK(bases) ? 2 : 3;
        Obj *arg = bad == 1 ? name : bad == 2 ? bases : ns;
        return vm_err_fmt(&vm_exc_TypeError, "type.__new__() argument %d must be %s, not %s",
                          bad, bad == 1 ? "str" : bad == 2 ? "tuple" : "dict", vm_tname(arg));
    }
    Obj *own_bases = NULL;
    if (TUPLE_LEN(bases) == 0) {
        Obj *o = (Obj *)&vm_object_type;
        own_bases = vm_tuple_from(&o, 1);
        bases = own_bases;
    } else {
        own_bases = vm_newref(bases);
    }
    Type *solid = NULL, *best = NULL;
    for (ssize_t i = 0; i < TUPLE_LEN(bases); i++) {
        Obj *b = TUPLE_ITEMS(bases)[i];
        if (!HAS_FLAG(b, TF_TYPE)) {
            DECREF(own_bases);
            return vm_err_str(&vm_exc_TypeError, "bases must be types");
        }
        Type *bt = (Type *)b;
        if (bt->flags & TF_NOSUBCLASS) {
            DECREF(own_bases);
            return vm_err_fmt(&vm_exc_TypeError, "type '%s' is not an acceptable base type",
                              bt->name);
        }
        Type *sb = static_base(bt);
        if (sb != &vm_object_type && !(sb->flags & TF_EXC) && !value_base_new(sb)
            && sb != &vm_type_type && !(sb->flags & (TF_BASETYPE | TF_SUBCONSTRUCT))) {
            DECREF(own_bases);
            return vm_err_fmt(&vm_exc_TypeError, "not supported yet: subclassing '%s'",
                              sb->name);
        }
        sb = solid_base(bt);
        if (sb != &vm_object_type) {
            if (solid && !vm_is_subtype(sb, solid) && !vm_is_subtype(solid, sb)) {
                DECREF(own_bases);
                return vm_err_str(&vm_exc_TypeError,
                                  "multiple bases have instance lay-out conflict");
            }
            if (!solid || vm_is_subtype(sb, solid)) {
                solid = sb;
                best = bt;
            }
        }
    }
    if (!best)
        best = (Type *)TUPLE_ITEMS(bases)[0];
    /* __slots__: the names (mangled), and whether __dict__ is one of them */
    Obj *slots_decl = vm_dict_get_str(ns, ident("__slots__"));
    Obj *slots = NULL;
    bool slot_dict = false, slot_weakref = false;
    if (slots_decl) {
        slots = parse_slots(slots_decl, name, &slot_dict, &slot_weakref);
        if (!slots) {
            DECREF(own_bases);
            return NULL;
        }
        if (LIST_LEN(slots) && var_base(static_base(best))) {
            DECREF(slots);
            DECREF(own_bases);
            return vm_err_fmt(&vm_exc_TypeError,
                              "nonempty __slots__ not supported for subtype of '%s'",
                              best->name);
        }
        for (ssize_t i = 0; i < LIST_LEN(slots); i++) {
            if (vm_dict_get_str(ns, LIST_ITEMS(slots)[i])) {
                vm_err_fmt(&vm_exc_ValueError, "'%s' in __slots__ conflicts with class variable",
                           STR_DATA(LIST_ITEMS(slots)[i]));
                DECREF(slots);
                DECREF(own_bases);
                return NULL;
            }
        }
    }
    bool want_dict = !slots || slot_dict;
    /* as CPython: a secondary base with a __dict__ gives instances one too
     * (minidom's ProcessingInstruction(Childless, Node) with __slots__) */
    for (ssize_t i = 0; !want_dict && i < TUPLE_LEN(bases); i++)
        if (((Type *)TUPLE_ITEMS(bases)[i])->dictoffset)
            want_dict = true;
    Type *t = vm_alloc(meta, 0);
    memset((char *)t + sizeof(Obj), 0, sizeof(Type) - sizeof(Obj));
    vm_type_version++;
    t->name = ls_xstrndup(STR_DATA(name), (size_t)STR_LEN(name));
    t->base = (Type *)vm_newref((Obj *)best);
    t->flags = (best->flags & (TF_EXC | TF_TYPE | TF_LIST | TF_DICT | TF_INT | TF_STR | TF_TUPLE
                               | TF_FLOAT)) | TF_HEAP | TF_GC;
    if (!best->dictoffset && var_base(static_base(best))) {
        t->basicsize = best->basicsize;
        t->dictoffset = want_dict ? VM_DICTOFF_VAR : 0;
    } else if (best->dictoffset || (best->flags & TF_TYPE)) {
        /* a metaclass's instances keep their attributes in Type.dict */
        t->basicsize = best->basicsize;
        t->dictoffset = best->dictoffset;
    } else if (want_dict) {
        t->basicsize = best->basicsize + sizeof(Obj *);
        t->dictoffset = best->basicsize;
    } else {
        t->basicsize = best->basicsize;
        t->dictoffset = 0;
    }
    t->bases = own_bases;
    classes_add(t);
    t->dict = vm_dict_new();
    t->mro = NULL;
    if (vm_dict_update(t->dict, ns) < 0) {
        XDECREF(slots);
        goto fail;
    }
    if (slots) {
        /* one member descriptor per slot, after the base's layout */
        for (ssize_t i = 0; i < LIST_LEN(slots); i++) {
            MemberObj *m = vm_alloc(&vm_member_descr_type, 0);
            m->name = vm_newref(LIST_ITEMS(slots)[i]);
            m->owner = (Type *)vm_newref((Obj *)t);
            m->offset = t->basicsize;
            t->basicsize += sizeof(Obj *);
            int rc = vm_dict_set(t->dict, m->name, (Obj *)m);
            DECREF(m);
            if (rc < 0) {
                DECREF(slots);
                goto fail;
            }
        }
        DECREF(slots);
        if (slot_weakref && !vm_type_lookup(best, ident("__weakref__"))
            && vm_dict_set(t->dict, ident("__weakref__"), VM_NONE) < 0)
            goto fail;
    }
    t->mro = c3_mro(t, bases);
    if (!t->mro)
        goto fail;
    /* __qualname__ and __module__ */
    Obj *qn = vm_dict_get_str(t->dict, ident("__qualname__"));
    t->qualname = vm_newref(qn && STR_CHECK(qn) ? qn : name);
    if (qn && vm_dict_del(t->dict, ident("__qualname__")) < 0)
        goto fail;
    Obj *mod = vm_dict_get_str(t->dict, ident("__module__"));
    if (!mod) {
        /* type(name, bases, ns) called directly: the caller's module */
        Obj *g = vm_frame_globals();
        Obj *gn = g && DICT_CHECK(g) ? vm_dict_get_str(g, ident("__name__")) : NULL;
        if (!g)
            vm_err_clear();
        if (gn && vm_dict_set(t->dict, ident("__module__"), gn) < 0) {
            DECREF(g);
            goto fail;
        }
        mod = gn ? vm_dict_get_str(t->dict, ident("__module__")) : NULL;
        XDECREF(g);
    }
    t->module = mod ? vm_newref(mod) : vm_str_cstr("builtins");
    /* every class has __doc__ (None without a docstring), as CPython */
    if (!vm_dict_get_str(t->dict, ident("__doc__"))
        && vm_dict_set(t->dict, ident("__doc__"), VM_NONE) < 0)
        goto fail;
    /* __new__ is a static method; __eq__ without __hash__: unhashable */
    Obj *nw = vm_dict_get_str(t->dict, ident("__new__"));
    if (nw && FUNC_CHECK(nw)) {
        WrapObj *sm = vm_alloc(&vm_staticmethod_type, 0);
        sm->func = vm_newref(nw);
        int rc = vm_dict_set(t->dict, ident("__new__"), (Obj *)sm);
        DECREF(sm);
        if (rc < 0)
            goto fail;
    }
    /* __init_subclass__ and __class_getitem__ are implicitly class methods */
    static const char *const implicit_cm[] = {"__init_subclass__", "__class_getitem__"};
    for (int i = 0; i < 2; i++) {
        Obj *fn = vm_dict_get_str(t->dict, ident(implicit_cm[i]));
        if (fn && FUNC_CHECK(fn)) {
            WrapObj *cm = vm_alloc(&vm_classmethod_type, 0);
            cm->func = vm_newref(fn);
            int rc = vm_dict_set(t->dict, ident(implicit_cm[i]), (Obj *)cm);
            DECREF(cm);
            if (rc < 0)
                goto fail;
        }
    }
    if (vm_dict_get_str(t->dict, ident("__eq__")) && !vm_dict_get_str(t->dict, ident("__hash__")))
        if (vm_dict_set(t->dict, ident("__hash__"), VM_NONE) < 0)
            goto fail;
    /* slots: inherited from the base, replaced where a dunder is defined */
    t->dealloc = heap_dealloc;
    t->traverse = heap_traverse;
    t->clear = heap_clear;
    vm_type_version++;
    update_slots(t);
    /* __set_name__ of the class's attributes */
    {
        ssize_t pos = 0;
        Obj *k, *v;
        Obj *items = vm_list_new(0);
        while (vm_dict_next(t->dict, &pos, &k, &v)) {
            vm_list_append(items, k);
            vm_list_append(items, v);
        }
        for (ssize_t i = 0; i < LIST_LEN(items); i += 2) {
            Obj *v = LIST_ITEMS(items)[i + 1];
            if (!(TYPE(v)->flags & TF_HEAP) && TYPE(v) != &vm_property_type)
                continue;
            Obj *argv[2] = {(Obj *)t, LIST_ITEMS(items)[i]};
            bool found;
            Obj *r = vm_call_special(v, "__set_name__", argv, 2, &found);
            if (found && !r) {
                DECREF(items);
                goto fail;
            }
            XDECREF(r);
        }
        DECREF(items);
    }
    /* super(t, t).__init_subclass__(**kw) */
    {
        Obj *mro = t->mro;
        Obj *isc = NULL;
        for (ssize_t i = 1; i < TUPLE_LEN(mro) && !isc; i++) {
            Type *k = (Type *)TUPLE_ITEMS(mro)[i];
            isc = k->dict ? vm_dict_get_str(k->dict, ident("__init_subclass__")) : NULL;
        }
        size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
        if (isc && TYPE(isc) == &vm_classmethod_type) {
            Obj **argv = ls_xmalloc((nkw + 1) * sizeof(Obj *));
            argv[0] = (Obj *)t;
            for (size_t i = 0; i < nkw; i++)
                argv[i + 1] = kwv[i];
            Obj *r = vm_call(((WrapObj *)isc)->func, argv, nkw + 1, kwnames);
            free(argv);
            if (!r)
                goto fail;
            DECREF(r);
        } else if (nkw) {
            vm_err_fmt(&vm_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                       t->name);
            goto fail;
        }
    }
    vm_type_version++;      /* forget lookups made while the class was being built */
    return (Obj *)t;
fail:
    DECREF(t);
    return NULL;
}

/* ---- classes derived from the builtin value types ----
 *
 * An instance of class C(int) is a copy of an int made by int's own
 * constructor, with C as its type and room for an instance __dict__
 * pointer: after the fixed-size struct (float, complex) or, for the
 * variable-size ones (int, str, bytes, tuple), after the variable part,
 * rounded up to a pointer (dictoffset VM_DICTOFF_VAR). */

static bool var_base(const Type *sb)
{
    return sb == &vm_int_type || sb == &vm_str_type || sb == &vm_bytes_type
        || sb == &vm_tuple_type;
}

/* Bytes used by the builtin part of o, an instance of (a class derived
 * from) the variable-size builtin sb. */
static size_t var_size(Obj *o, const Type *sb)
{
    if (sb == &vm_int_type)
        return offsetof(IntObj, d) + (size_t)((IntObj *)o)->n * sizeof(uint32_t);
    if (sb == &vm_str_type)
        return offsetof(StrObj, s) + (size_t)STR_LEN(o) + 1;
    if (sb == &vm_bytes_type)
        return offsetof(BytesObj, s) + (size_t)((BytesObj *)o)->len + 1;
    return offsetof(TupleObj, items) + (size_t)TUPLE_LEN(o) * sizeof(Obj *);
}

/* Where the __dict__ pointer of o goes: after its variable part, aligned,
 * and never inside the base's struct. */
static size_t var_dict_offset(Obj *o, const Type *sb)
{
    size_t n = (var_size(o, sb) + sizeof(Obj *) - 1) & ~(sizeof(Obj *) - 1);
    return n < sb->basicsize ? sb->basicsize : n;
}

Obj **vm_var_dictptr(Obj *o)
{
    return (Obj **)((char *)o + var_dict_offset(o, static_base(TYPE(o))));
}

/* An instance of the class t with the value of v, an instance of t's
 * builtin base; steals v (NULL passes through). */
static Obj *as_subclass(Obj *v, Type *t)
{
    if (!v)
        return NULL;
    Type *sb = static_base(t);
    if (!vm_is_subtype(TYPE(v), sb)) {
        vm_err_fmt(&vm_exc_TypeError, "%s.__new__ returned '%s'", sb->name, vm_tname(v));
        DECREF(v);
        return NULL;
    }
    size_t size;
    Obj *o;
    if (var_base(sb)) {
        size = var_size(v, sb);
        size_t off = var_dict_offset(v, sb);
        bool dict = t->dictoffset == VM_DICTOFF_VAR;
        o = vm_alloc(t, off + (dict ? sizeof(Obj *) : 0) - t->basicsize);
        if (dict)
            *(Obj **)((char *)o + off) = NULL;
    } else {
        size = sb->basicsize;
        o = vm_alloc(t, 0);
    }
    memcpy((char *)o + sizeof(Obj), (char *)v + sizeof(Obj), size - sizeof(Obj));
    if (sb == &vm_str_type) {
        ((StrObj *)o)->interned = false;
    } else if (sb == &vm_tuple_type) {
        for (ssize_t i = 0; i < TUPLE_LEN(o); i++)
            INCREF(TUPLE_ITEMS(o)[i]);
    } else if (sb == &vm_staticmethod_type || sb == &vm_classmethod_type) {
        XINCREF(((WrapObj *)o)->func);      /* v's references are copied, v freed */
    } else if (sb == &vm_property_type) {
        PropertyObj *p = (PropertyObj *)o;
        XINCREF(p->fget);
        XINCREF(p->fset);
        XINCREF(p->fdel);
        XINCREF(p->doc);
        XINCREF(p->name);
    }
    DECREF(v);
    return o;
}

Type *vm_new_cls_arg(Type *owner, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    if (nargs - nkw < 1) {
        vm_err_fmt(&vm_exc_TypeError, "%s.__new__(): not enough arguments", owner->name);
        return NULL;
    }
    if (!HAS_FLAG(args[0], TF_TYPE)) {
        vm_err_fmt(&vm_exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                   owner->name, vm_tname(args[0]));
        return NULL;
    }
    Type *t = (Type *)args[0];
    if (!vm_is_subtype(t, owner)) {
        vm_err_fmt(&vm_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                   owner->name, t->name, t->name, owner->name);
        return NULL;
    }
    return t;
}

/* T.__new__(cls, *args) for the builtin T (owner): a T made by T's
 * constructor, as an instance of cls. */
static Obj *builtin_new(Type *owner, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_new_cls_arg(owner, args, nargs, kwnames);
    if (!t)
        return NULL;
    Type *sb = static_base(t);
    if (sb != owner)
        return vm_err_fmt(&vm_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                          owner->name, t->name, sb->name);
    if (!(t->flags & TF_HEAP))
        return owner->construct((Obj *)owner, args + 1, nargs - 1, kwnames);
    if (owner == &vm_list_type || owner == &vm_dict_type || owner == &vm_set_type) {
        /* mutable: an empty one; __init__ fills it */
        Obj *o = vm_alloc(t, 0);
        if (owner == &vm_dict_type)
            vm_dict_init_empty(o);
        else if (owner == &vm_set_type)
            vm_set_init_empty(o);
        return o;
    }
    Obj *v = owner->construct((Obj *)owner, args + 1, nargs - 1, kwnames);
    if (v && owner == &vm_frozenset_type) {
        /* a set's table cannot be shared: fill a fresh one */
        Obj *o = vm_alloc(t, 0);
        vm_set_init_empty(o);
        int rc = vm_set_update(o, v);
        DECREF(v);
        if (rc < 0)
            CLEAR(o);
        return o;
    }
    return as_subclass(v, t);
}

#define BUILTIN_NEW(fn, T) \
    static Obj *fn(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        return builtin_new(&(T), args, nargs, kwnames); \
    }
BUILTIN_NEW(int_new_m, vm_int_type)
BUILTIN_NEW(float_new_m, vm_float_type)
BUILTIN_NEW(str_new_m, vm_str_type)
BUILTIN_NEW(tuple_new_m, vm_tuple_type)
BUILTIN_NEW(list_new_m, vm_list_type)
BUILTIN_NEW(dict_new_m, vm_dict_type)
BUILTIN_NEW(set_new_m, vm_set_type)
BUILTIN_NEW(frozenset_new_m, vm_frozenset_type)
BUILTIN_NEW(bytes_new_m, vm_bytes_type)
BUILTIN_NEW(complex_new_m, vm_complex_type)
BUILTIN_NEW(staticmethod_new_m, vm_staticmethod_type)
BUILTIN_NEW(classmethod_new_m, vm_classmethod_type)
BUILTIN_NEW(property_new_m, vm_property_type)
#undef BUILTIN_NEW

/* T.__getnewargs__(self) for the immutable value types: (T(self),), the
 * arguments copy and pickle give __new__ to rebuild an instance. */
static Obj *value_getnewargs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__getnewargs__", nargs, 0, 0) < 0)
        return NULL;
    Type *sb = static_base(TYPE(self));
    Obj *v = sb->construct((Obj *)sb, &self, 1, NULL);
    if (!v)
        return NULL;
    Obj *t = vm_tuple_from(&v, 1);
    DECREF(v);
    return t;
}

/* The builtins a class statement may derive from, with their __new__. */
static const struct {
    Type *type;             /* the builtin */
    CFunc new_fn;           /* its __new__ */
} value_bases[] = {
    {&vm_int_type, int_new_m},
    {&vm_float_type, float_new_m},
    {&vm_str_type, str_new_m},
    {&vm_tuple_type, tuple_new_m},
    {&vm_list_type, list_new_m},
    {&vm_dict_type, dict_new_m},
    {&vm_set_type, set_new_m},
    {&vm_frozenset_type, frozenset_new_m},
    {&vm_bytes_type, bytes_new_m},
    {&vm_complex_type, complex_new_m},
    {&vm_staticmethod_type, staticmethod_new_m},
    {&vm_classmethod_type, classmethod_new_m},
    {&vm_property_type, property_new_m},
    {&vm_generic_alias_type, vm_generic_alias_new_m},
};

static CFunc value_base_new(const Type *sb)
{
    for (size_t i = 0; i < sizeof value_bases / sizeof value_bases[0]; i++)
        if (value_bases[i].type == sb)
            return value_bases[i].new_fn;
    return NULL;
}

/* Call a class: __new__ (a user one, or the builtin base's allocation),
 * then __init__ when the result is an instance of the class. */
static Obj *heap_type_call(Type *t, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *nw = vm_type_lookup(t, ident("__new__"));
    Obj *obj;
    size_t npos = nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0);
    Obj *small[8], **argv = nargs + 1 <= 8 ? small : ls_xmalloc((nargs + 1) * sizeof(Obj *));
    if (nargs)
        memcpy(argv + 1, args, nargs * sizeof(Obj *));
    if (nw && TYPE(nw) == &vm_staticmethod_type && FUNC_CHECK(((WrapObj *)nw)->func)) {
        argv[0] = (Obj *)t;
        obj = vm_call(((WrapObj *)nw)->func, argv, nargs + 1, kwnames);
    } else {
        Type *sb = static_base(t);
        if (sb->flags & TF_EXC) {
            obj = vm_exc_new(t, args, npos);
        } else if (sb == &vm_type_type) {
            obj = vm_type_construct((Obj *)t, args, nargs, kwnames);
        } else if (sb->flags & TF_SUBCONSTRUCT) {
            obj = sb->construct((Obj *)t, args, nargs, kwnames);
        } else if (value_base_new(sb)) {
            argv[0] = (Obj *)t;
            obj = builtin_new(sb, argv, nargs + 1, kwnames);
        } else {
            Obj *init = vm_type_lookup(t, ident("__init__"));
            if (nargs && (!init || vm_cdescr_check(init))) {
                if (argv != small)
                    free(argv);
                return vm_err_fmt(&vm_exc_TypeError, "%s() takes no arguments", t->name);
            }
            obj = abstract_check(t) < 0 ? NULL : vm_alloc(t, 0);
        }
    }
    if (!obj || !vm_is_subtype(TYPE(obj), t)) {
        if (argv != small)
            free(argv);
        return obj;
    }
    Obj *init = vm_type_lookup(TYPE(obj), ident("__init__"));
    if (init && (FUNC_CHECK(init) || (vm_cdescr_check(init)
                                      && ((BuiltinObj *)init)->owner != &vm_object_type
                                      && !(static_base(t)->flags & TF_EXC)))) {
        argv[0] = obj;
        Obj *r = vm_call(init, argv, nargs + 1, kwnames);
        if (!r) {
            if (argv != small)
                free(argv);
            DECREF(obj);
            return NULL;
        }
        if (r != VM_NONE) {
            vm_err_fmt(&vm_exc_TypeError, "__init__() should return None, not '%s'",
                       vm_tname(r));
            DECREF(r);
            DECREF(obj);
            obj = NULL;
        } else {
            DECREF(r);
        }
    }
    if (argv != small)
        free(argv);
    return obj;
}

Obj *vm_type_call(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = (Type *)self;
    if (t->flags & TF_HEAP)
        return heap_type_call(t, args, nargs, kwnames);
    if (!t->construct)
        return vm_err_fmt(&vm_exc_TypeError, "cannot create '%s' instances", t->name);
    return t->construct(self, args, nargs, kwnames);
}

/* The most derived of meta and the bases' metaclasses (CPython's
 * _PyType_CalculateMetaclass); NULL and TypeError when they conflict. */
static Type *calc_meta(Type *meta, Obj *const *bases, ssize_t n)
{
    Type *winner = meta;
    for (ssize_t i = 0; i < n; i++) {
        Type *mt = TYPE(bases[i]);
        if (vm_is_subtype(winner, mt))
            continue;
        if (vm_is_subtype(mt, winner)) {
            winner = mt;
            continue;
        }
        vm_err_str(&vm_exc_TypeError, "metaclass conflict: the metaclass of a derived class "
                   "must be a (non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

Obj *vm_type_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0, npos = nargs - nkw;
    Type *meta = (Type *)self;
    if (npos == 1 && meta == &vm_type_type) {
        if (nkw)
            return vm_err_str(&vm_exc_TypeError, "type() takes no keyword arguments");
        return vm_newref((Obj *)TYPE(args[0]));
    }
    if (npos != 3)
        return vm_err_str(&vm_exc_TypeError, "type() takes 1 or 3 arguments");
    if (meta == &vm_type_type && TUPLE_CHECK(args[1])) {
        /* type(name, bases, ns) defers to the bases' most derived metaclass */
        Type *winner = calc_meta(meta, TUPLE_ITEMS(args[1]), TUPLE_LEN(args[1]));
        if (!winner)
            return NULL;
        if (winner != meta)
            return vm_call((Obj *)winner, args, nargs, kwnames);
    }
    return type_new_kw(meta, args[0], args[1], args[2], args + 3, nkw ? kwnames : NULL);
}

/* type.__new__(meta, name, bases, ns, **kw), reached through super() */
static Obj *type_new_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs < 1 || !HAS_FLAG(args[0], TF_TYPE)
        || !vm_is_subtype((Type *)args[0], &vm_type_type))
        return vm_err_str(&vm_exc_TypeError, "type.__new__(X): X is not a type object");
    return vm_type_construct(args[0], args + 1, nargs - 1, kwnames);
}

/* type.__call__(cls, *args): what calling a class does */
static Obj *type_call_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = (Type *)self;
    if (t->flags & TF_HEAP)
        return heap_type_call(t, args, nargs, kwnames);
    if (!t->construct)
        return vm_err_fmt(&vm_exc_TypeError, "cannot create '%s' instances", t->name);
    return t->construct(self, args, nargs, kwnames);
}

static Obj *type_init_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_newref(VM_NONE);
}

static Obj *type_mro_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *t = mro_of((Type *)self);
    Obj *l = vm_list_from_iter(t);
    DECREF(t);
    return l;
}

/* Every live class made by a class statement, in creation order (for
 * __subclasses__): weak, a class leaves it in vm_type_dealloc. */
static Type **all_classes;
static size_t nclasses, capclasses;

static void classes_add(Type *t)
{
    if (nclasses == capclasses) {
        capclasses = capclasses ? 2 * capclasses : 64;
        all_classes = ls_xrealloc(all_classes, capclasses * sizeof *all_classes);
    }
    all_classes[nclasses++] = t;
}

static void classes_remove(Type *t)
{
    for (size_t i = nclasses; i > 0; i--)
        if (all_classes[i - 1] == t) {
            memmove(all_classes + i - 1, all_classes + i, (nclasses - i) * sizeof *all_classes);
            nclasses--;
            return;
        }
}

/* type.__subclasses__(): the live classes that name self among their bases */
static Obj *type_subclasses_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__subclasses__", nargs, 0, 0) < 0)
        return NULL;
    Obj *l = vm_list_new(0);
    for (size_t i = 0; i < nclasses; i++) {
        Type *t = all_classes[i];
        bool direct = false;
        if (t->bases && TUPLE_CHECK(t->bases)) {
            for (ssize_t k = 0; k < TUPLE_LEN(t->bases) && !direct; k++)
                direct = TUPLE_ITEMS(t->bases)[k] == self;
        } else {
            direct = (Obj *)t->base == self;
        }
        if (direct)
            vm_list_append(l, (Obj *)t);
    }
    return l;
}

/* type.__getattribute__(cls, name): what a metaclass's own
 * __getattribute__ reaches through super() */
static Obj *type_getattribute_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__getattribute__", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "attribute name must be string, not '%s'",
                          vm_tname(args[0]));
    Obj *name = vm_str_intern(STR_DATA(args[0]), (size_t)STR_LEN(args[0]));
    Obj *r = vm_type_getattr(self, name);
    if (!r && !vm_err_occurred())
        r = vm_generic_getattr(self, name);
    return r;
}

const MethodDef vm_type_methods[] = {
    {"__call__", type_call_m},
    {"__getattribute__", type_getattribute_m},
    {"__init__", type_init_m},
    {"mro", type_mro_m},
    {"__subclasses__", type_subclasses_m},
    {"__instancecheck__", vm_type_instancecheck},
    {"__subclasscheck__", vm_type_subclasscheck},
    {NULL, NULL},
};

static Obj *object_init_subclass(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames))
        return vm_err_fmt(&vm_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                          nargs > (size_t)TUPLE_LEN(kwnames) && HAS_FLAG(args[0], TF_TYPE)
                          ? ((Type *)args[0])->name : "object");
    return vm_newref(VM_NONE);
}

/* object.__subclasshook__(cls, sub): NotImplemented (abc's default) */
static Obj *object_subclasshook(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_newref(VM_NOTIMPL);
}

/* abc: a class whose __abstractmethods__ is not empty cannot be
 * instantiated (CPython's object_new check); -1 with the TypeError. */
static int abstract_check(Type *t)
{
    Obj *am = vm_type_lookup(t, ident("__abstractmethods__"));
    if (!am || !(t->flags & TF_HEAP))
        return 0;
    Obj *l = vm_list_from_iter(am);
    if (!l)
        return -1;
    if (LIST_LEN(l) == 0) {
        DECREF(l);
        return 0;
    }
    if (vm_list_sort(l, NULL, false) < 0) {
        DECREF(l);
        return -1;
    }
    Obj *names = vm_str_join(vm_str_intern(", ", 2), LIST_ITEMS(l), (size_t)LIST_LEN(l));
    if (names)
        vm_err_fmt(&vm_exc_TypeError, "Can't instantiate abstract class %s with abstract method%s %s",
                   t->name, LIST_LEN(l) > 1 ? "s" : "", STR_DATA(names));
    XDECREF(names);
    DECREF(l);
    return -1;
}

/* object.__new__(cls, *args): a bare instance of cls */
static Obj *object_new_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs < 1 || !HAS_FLAG(args[0], TF_TYPE))
        return vm_err_str(&vm_exc_TypeError, "object.__new__(X): X is not a type object");
    Type *t = (Type *)args[0];
    Type *sb = static_base(t);
    if (sb->flags & TF_EXC)
        return vm_exc_new(t, args + 1, nargs - 1);
    if (!(t->flags & TF_HEAP) || sb != &vm_object_type)
        return vm_err_fmt(&vm_exc_TypeError, "object.__new__(%s) is not safe, use %s.__new__()",
                          t->name, sb->name);
    if (nargs > 1) {
        /* excess arguments: an error unless __init__ is overridden (and
         * __new__ is not) */
        Obj *nw = vm_type_lookup(t, ident("__new__"));
        Obj *init = vm_type_lookup(t, ident("__init__"));
        if (nw && nw != vm_type_lookup(&vm_object_type, ident("__new__")))
            return vm_err_str(&vm_exc_TypeError, "object.__new__() takes exactly one argument "
                              "(the type to instantiate)");
        if (!init || vm_cdescr_check(init))
            return vm_err_fmt(&vm_exc_TypeError, "%s() takes no arguments", t->name);
    }
    if (abstract_check(t) < 0)
        return NULL;
    return vm_alloc(t, 0);
}

/* Install fn as a static (or class) method of the builtin type t. */
static void add_static(Type *t, const char *name, CFunc fn, bool classmethod)
{
    Obj *f = vm_builtin_new(name, fn, NULL);
    WrapObj *w = vm_alloc(classmethod ? &vm_classmethod_type : &vm_staticmethod_type, 0);
    w->func = f;
    if (vm_dict_set(t->dict, ident(name), (Obj *)w) < 0)
        ls_die(LS_EXIT_USAGE, "internal error: %s setup", t->name);
    DECREF(w);
}

/* type.__prepare__(name, bases, **kwds): a new empty dict (a class method) */
static Obj *type_prepare(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_dict_new();
}

/* C.__class_getitem__(item) of the built-in generic classes: C[item] is
 * types.GenericAlias(C, item) (PEP 585). */
static Obj *generic_class_getitem(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__class_getitem__", kwnames) < 0 || vm_argc("__class_getitem__", nargs, 2, 2) < 0)
        return NULL;
    return vm_generic_alias_new(args[0], args[1]);
}

/* Called once at start-up: type.__new__ and object.__new__ are static
 * methods, object.__init_subclass__ a class method. */
void vm_class_init(void)
{
    for (size_t i = 0; i < sizeof value_bases / sizeof value_bases[0]; i++) {
        Type *vt = value_bases[i].type;
        add_static(vt, "__new__", value_bases[i].new_fn, false);
        if (vt == &vm_list_type || vt == &vm_dict_type || vt == &vm_set_type
            || vt == &vm_frozenset_type || vt == &vm_staticmethod_type
            || vt == &vm_classmethod_type || vt == &vm_property_type
            || vt == &vm_generic_alias_type || vt == &vm_complex_type)
            continue;       /* none in CPython; complex.c has complex's */
        Obj *gna = vm_builtin_new("__getnewargs__", value_getnewargs, vt);
        if (vm_dict_set(vt->dict, ident("__getnewargs__"), gna) < 0)
            ls_die(LS_EXIT_USAGE, "internal error: %s setup", vt->name);
        DECREF(gna);
    }
    add_static(&vm_str_type, "maketrans", vm_str_maketrans, false);
    add_static(&vm_bytes_type, "fromhex", vm_bytes_fromhex, true);
    add_static(&vm_bytes_type, "maketrans", vm_bytes_maketrans, false);
    add_static(&vm_bytearray_type, "fromhex", vm_bytearray_fromhex, true);
    add_static(&vm_bytearray_type, "maketrans", vm_bytearray_maketrans, false);
    add_static(&vm_float_type, "fromhex", vm_float_fromhex, true);
    add_static(&vm_float_type, "__getformat__", vm_float_getformat, true);
    add_static(&vm_int_type, "from_bytes", vm_int_from_bytes, true);
    add_static(&vm_object_type, "__subclasshook__", object_subclasshook, true);
    add_static(&vm_type_type, "__prepare__", type_prepare, true);
    Type *const generic[] = {&vm_list_type, &vm_dict_type, &vm_tuple_type, &vm_set_type,
                             &vm_frozenset_type, &vm_mappingproxy_type,
                             &vm_exc_BaseExceptionGroup};
    for (size_t i = 0; i < sizeof generic / sizeof *generic; i++)
        add_static(generic[i], "__class_getitem__", generic_class_getitem, true);
    Obj *fk = vm_builtin_new("fromkeys", vm_dict_fromkeys, NULL);
    WrapObj *fkm = vm_alloc(&vm_classmethod_type, 0);
    fkm->func = fk;
    if (vm_dict_set(vm_dict_type.dict, ident("fromkeys"), (Obj *)fkm) < 0)
        ls_die(LS_EXIT_USAGE, "internal error: dict setup");
    DECREF(fkm);
    Obj *onew = vm_builtin_new("__new__", object_new_m, NULL);
    WrapObj *osm = vm_alloc(&vm_staticmethod_type, 0);
    osm->func = onew;
    if (vm_dict_set(vm_object_type.dict, ident("__new__"), (Obj *)osm) < 0)
        ls_die(LS_EXIT_USAGE, "internal error: object setup");
    DECREF(osm);
    Obj *isc = vm_builtin_new("__init_subclass__", object_init_subclass, NULL);
    WrapObj *cm = vm_alloc(&vm_classmethod_type, 0);
    cm->func = isc;
    if (vm_dict_set(vm_object_type.dict, ident("__init_subclass__"), (Obj *)cm) < 0)
        ls_die(LS_EXIT_USAGE, "internal error: object setup");
    DECREF(cm);
    Obj *f = vm_builtin_new("__new__", type_new_m, NULL);
    WrapObj *sm = vm_alloc(&vm_staticmethod_type, 0);
    sm->func = f;
    if (vm_dict_set(vm_type_type.dict, ident("__new__"), (Obj *)sm) < 0)
        ls_die(LS_EXIT_USAGE, "internal error: type setup");
    DECREF(sm);
}

Obj *vm_type_getattr(Obj *o, Obj *name)
{
    Type *t = (Type *)o;
    /* a C type named "mod.name" (types.GenericAlias): __name__ is the part
     * after the last dot, __module__ the part before, as CPython's */
    const char *dot = (t->flags & TF_HEAP) ? NULL : strrchr(t->name, '.');
    if (vm_str_eqc(name, "__name__"))
        return vm_str_cstr(dot ? dot + 1 : t->name);
    if (vm_str_eqc(name, "__qualname__"))
        return t->qualname ? vm_newref(t->qualname) : vm_str_cstr(dot ? dot + 1 : t->name);
    if (vm_str_eqc(name, "__module__"))
        return t->module ? vm_newref(t->module)
            : dot ? vm_str_new(t->name, (size_t)(dot - t->name)) : vm_str_cstr("builtins");
    if (vm_str_eqc(name, "__mro__"))
        return mro_of(t);
    if (vm_str_eqc(name, "__bases__")) {
        if (t->bases)
            return vm_newref(t->bases);
        if (!t->base)
            return vm_tuple_new(0);
        Obj *b = (Obj *)t->base;
        return vm_tuple_from(&b, 1);
    }
    if (vm_str_eqc(name, "__base__"))
        return vm_newref(t->base ? (Obj *)t->base : VM_NONE);
    if (vm_str_eqc(name, "__dict__")) {
        vm_type_ready(t);   /* a builtin type nothing has looked into yet */
        return vm_mappingproxy_new(t->dict);
    }
    Obj *d = vm_type_lookup(t, name);
    if (d)
        return descr_get(d, NULL, t);
    /* the metaclass's attributes, bound to the class */
    if (TYPE(o) != &vm_type_type) {
        d = vm_type_lookup(TYPE(o), name);
        if (d)
            return descr_get(d, o, TYPE(o));
    }
    return NULL;
}

int vm_type_setattr(Obj *o, Obj *name, Obj *v)
{
    Type *t = (Type *)o;
    if (!(t->flags & TF_HEAP)) {
        vm_err_fmt(&vm_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                   STR_DATA(name), t->name);
        return -1;
    }
    vm_type_version++;
    /* __name__ and __qualname__ are the class's own, not in its __dict__ */
    if (v && (vm_str_eqc(name, "__name__") || vm_str_eqc(name, "__qualname__"))) {
        if (!STR_CHECK(v)) {
            vm_err_fmt(&vm_exc_TypeError, "can only assign string to %s.%s, not '%s'", t->name,
                       STR_DATA(name), vm_tname(v));
            return -1;
        }
        if (vm_str_eqc(name, "__qualname__")) {
            XDECREF(t->qualname);
            t->qualname = vm_newref(v);
        } else {
            free((char *)t->name);
            t->name = ls_xstrndup(STR_DATA(v), (size_t)STR_LEN(v));
        }
        return 0;
    }
    if (v && vm_str_eqc(name, "__module__")) {
        /* kept both in the __dict__ (as CPython) and where repr() reads it */
        XDECREF(t->module);
        t->module = vm_newref(v);
    }
    if (v) {
        int rc = vm_dict_set(t->dict, name, v);
        const char *n = STR_DATA(name);
        size_t nl = (size_t)STR_LEN(name);
        if (rc == 0 && nl > 4 && n[0] == '_' && n[1] == '_' && n[nl - 1] == '_'
            && n[nl - 2] == '_') {
            vm_type_version++;
            update_slots(t);
        }
        return rc;
    }
    if (vm_dict_del(t->dict, name) < 0) {
        vm_err_clear();
        vm_err_fmt(&vm_exc_AttributeError, "type object '%s' has no attribute '%s'", t->name,
                   STR_DATA(name));
        return -1;
    }
    return 0;
}

/* ---- __build_class__ ---- */

/* The bases after __mro_entries__ (PEP 560): bases itself (a new
 * reference) when no base has one, else a new tuple. */
static Obj *mro_entries(Obj *bases)
{
    Obj *l = NULL;          /* created at the first base that has one */
    for (ssize_t i = 0; i < TUPLE_LEN(bases); i++) {
        Obj *b = TUPLE_ITEMS(bases)[i];
        /* looked up on the object itself: typing.NamedTuple is a function
         * with the attribute */
        Obj *f = HAS_FLAG(b, TF_TYPE) ? NULL : vm_getattr(b, ident("__mro_entries__"));
        if (!f) {
            if (vm_err_occurred()) {
                if (!vm_err_matches(&vm_exc_AttributeError)) {
                    XDECREF(l);
                    return NULL;
                }
                vm_err_clear();
            }
            if (l)
                vm_list_append(l, b);
            continue;
        }
        if (!l) {
            l = vm_list_new(0);
            for (ssize_t k = 0; k < i; k++)
                vm_list_append(l, TUPLE_ITEMS(bases)[k]);
        }
        Obj *r = vm_call(f, &bases, 1, NULL);
        DECREF(f);
        if (r && !TUPLE_CHECK(r)) {
            vm_err_str(&vm_exc_TypeError, "__mro_entries__ must return a tuple");
            CLEAR(r);
        }
        if (!r) {
            DECREF(l);
            return NULL;
        }
        for (ssize_t k = 0; k < TUPLE_LEN(r); k++)
            vm_list_append(l, TUPLE_ITEMS(r)[k]);
        DECREF(r);
    }
    if (!l)
        return vm_newref(bases);
    Obj *t = vm_tuple_from(LIST_ITEMS(l), LIST_LEN(l));
    DECREF(l);
    return t;
}

Obj *vm_build_class(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0, npos = nargs - nkw;
    if (npos < 2 || !FUNC_CHECK(args[0]) || !STR_CHECK(args[1]))
        return vm_err_str(&vm_exc_TypeError, "__build_class__: bad arguments");
    Obj *meta = NULL;
    Obj *kwn = NULL, **kwv = ls_xmalloc((nkw + 4) * sizeof(Obj *));
    size_t nk = 0;
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        if (vm_str_eqc(kn, "metaclass"))
            meta = args[npos + k];
        else
            kwv[3 + nk++] = args[npos + k];
    }
    if (nk) {
        kwn = vm_tuple_new((ssize_t)nk);
        size_t j = 0;
        for (size_t k = 0; k < nkw; k++)
            if (!vm_str_eqc(TUPLE_ITEMS(kwnames)[k], "metaclass"))
                TUPLE_ITEMS(kwn)[j++] = vm_newref(TUPLE_ITEMS(kwnames)[k]);
    }
    /* PEP 560: a base that is no class but has __mro_entries__ (typing's
     * Generic[T], Protocol[T], ...) is replaced by what that returns */
    Obj *orig_bases = vm_tuple_from(args + 2, (ssize_t)(npos - 2));
    Obj *bases = mro_entries(orig_bases);
    if (!bases) {
        DECREF(orig_bases);
        XDECREF(kwn);
        free(kwv);
        return NULL;
    }
    if (bases == orig_bases)
        CLEAR(orig_bases);
    if (!meta || HAS_FLAG(meta, TF_TYPE)) {
        /* the most derived metaclass of the given one and the bases' */
        Type *w = calc_meta(meta ? (Type *)meta : &vm_type_type, TUPLE_ITEMS(bases),
                            TUPLE_LEN(bases));
        if (!w) {
            XDECREF(orig_bases);
            DECREF(bases);
            XDECREF(kwn);
            free(kwv);
            return NULL;
        }
        meta = (Obj *)w;
    }
    Obj *ns = NULL;
    /* the namespace: meta.__prepare__(name, bases, **kw) when it has one */
    Obj *prep = HAS_FLAG(meta, TF_TYPE) ? vm_type_lookup((Type *)meta, ident("__prepare__"))
                                        : NULL;
    if (prep && prep != vm_type_lookup(&vm_type_type, ident("__prepare__"))) {
        Obj *pf = vm_getattr(meta, ident("__prepare__"));
        if (pf) {
            kwv[1] = args[1];
            kwv[2] = bases;
            ns = vm_call(pf, kwv + 1, 2 + nk, kwn);
            DECREF(pf);
        }
        if (ns && !DICT_CHECK(ns)) {
            vm_err_fmt(&vm_exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                       ((Type *)meta)->name, vm_tname(ns));
            CLEAR(ns);
        }
    } else {
        ns = vm_dict_new();
    }
    if (ns && orig_bases && vm_setitem(ns, ident("__orig_bases__"), orig_bases) < 0)
        CLEAR(ns);
    XDECREF(orig_bases);
    Obj *cell = ns ? vm_eval_class_body(args[0], ns) : NULL;
    if (!cell) {
        XDECREF(ns);
        DECREF(bases);
        XDECREF(kwn);
        free(kwv);
        return NULL;
    }
    kwv[0] = args[1];
    kwv[1] = bases;
    kwv[2] = ns;
    Obj *cls = vm_call(meta, kwv, 3 + nk, kwn);
    XDECREF(kwn);
    free(kwv);
    DECREF(bases);
    DECREF(ns);
    if (cls && TYPE(cell) == &vm_cell_type) {
        CellObj *c = (CellObj *)cell;
        XDECREF(c->ref);
        c->ref = vm_newref(cls);
    }
    DECREF(cell);
    return cls;
}

/* ---- property, staticmethod, classmethod ---- */

static void property_traverse(Obj *o, VisitFn visit, void *arg)
{
    PropertyObj *p = (PropertyObj *)o;
    VISIT(p->fget);
    VISIT(p->fset);
    VISIT(p->fdel);
    VISIT(p->doc);
    VISIT(p->name);
}

static Obj *property_getattr(Obj *o, Obj *name)
{
    PropertyObj *p = (PropertyObj *)o;
    Obj *v = vm_str_eqc(name, "fget") ? p->fget : vm_str_eqc(name, "fset") ? p->fset
        : vm_str_eqc(name, "fdel") ? p->fdel : vm_str_eqc(name, "__doc__") ? p->doc
        : (Obj *)&vm_none_obj;
    if (v == &vm_none_obj)
        return NULL;
    return vm_newref(v ? v : VM_NONE);
}

static void property_dealloc(Obj *o)
{
    PropertyObj *p = (PropertyObj *)o;
    XDECREF(p->fget);
    XDECREF(p->fset);
    XDECREF(p->fdel);
    XDECREF(p->doc);
    XDECREF(p->name);
    vm_obj_free(o);
}

static Obj *property_make(Obj *fget, Obj *fset, Obj *fdel, Obj *doc)
{
    PropertyObj *p = vm_alloc(&vm_property_type, 0);
    p->fget = fget && fget != VM_NONE ? vm_newref(fget) : NULL;
    p->fset = fset && fset != VM_NONE ? vm_newref(fset) : NULL;
    p->fdel = fdel && fdel != VM_NONE ? vm_newref(fdel) : NULL;
    p->doc = doc && doc != VM_NONE ? vm_newref(doc) : NULL;
    if (!p->doc && p->fget) {
        /* the getter's docstring */
        Obj *d = vm_getattr(p->fget, ident("__doc__"));
        if (!d)
            vm_err_clear();
        else if (d == VM_NONE)
            DECREF(d);
        else
            p->doc = d;
        p->getter_doc = true;
    }
    return (Obj *)p;
}

static Obj *property_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"fget", "fset", "fdel", "doc"};
    Obj *v[4] = {NULL, NULL, NULL, NULL};
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0, npos = nargs - nkw;
    if (npos > 4)
        return vm_err_fmt(&vm_exc_TypeError, "property() takes at most 4 arguments (%zu given)",
                          nargs);
    for (size_t i = 0; i < npos; i++)
        v[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        int i;
        for (i = 0; i < 4; i++)
            if (vm_str_eqc(TUPLE_ITEMS(kwnames)[k], kw[i]))
                break;
        if (i == 4)
            return vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for "
                              "property()", STR_DATA(TUPLE_ITEMS(kwnames)[k]));
        v[i] = args[npos + k];
    }
    return property_make(v[0], v[1], v[2], v[3]);
}

/* getter()/setter()/deleter(): a copy with one function replaced (which
 * 0, 1, 2); a doc taken from the old getter is taken from the new one */
static Obj *property_copy(Obj *self, Obj *const *args, size_t nargs, int which)
{
    static const char *const names[] = {"getter", "setter", "deleter"};
    PropertyObj *p = (PropertyObj *)self;
    if (vm_argc(names[which], nargs, 1, 1) < 0)
        return NULL;
    Obj *f[3] = {p->fget, p->fset, p->fdel};
    f[which] = args[0];
    PropertyObj *r = (PropertyObj *)property_make(f[0], f[1], f[2],
                                                  p->getter_doc ? NULL : p->doc);
    r->name = p->name ? vm_newref(p->name) : NULL;
    return (Obj *)r;
}

static Obj *property_getter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return property_copy(self, args, nargs, 0);
}

static Obj *property_setter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return property_copy(self, args, nargs, 1);
}

static Obj *property_deleter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return property_copy(self, args, nargs, 2);
}

/* __set_name__(owner, name): remembered for the error messages */
static Obj *property_set_name(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__set_name__", nargs, 2, 2) < 0)
        return NULL;
    PropertyObj *p = (PropertyObj *)self;
    XDECREF(p->name);
    p->name = vm_newref(args[1]);
    return vm_newref(VM_NONE);
}

/* __get__(obj, type=None), __set__(obj, value), __delete__(obj) called by name */
static Obj *property_dget(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__get__", nargs, 1, 2) < 0)
        return NULL;
    if (args[0] == VM_NONE)
        return vm_newref(self);
    PropertyObj *p = (PropertyObj *)self;
    if (!p->fget)
        return property_error(self, args[0], "getter");
    return vm_call(p->fget, args, 1, NULL);
}

static Obj *property_dset_any(Obj *self, Obj *const *args, size_t nargs, bool del)
{
    if (vm_argc(del ? "__delete__" : "__set__", nargs, del ? 1 : 2, del ? 1 : 2) < 0)
        return NULL;
    PropertyObj *p = (PropertyObj *)self;
    Obj *f = del ? p->fdel : p->fset;
    if (!f)
        return property_error(self, args[0], del ? "deleter" : "setter");
    return vm_call(f, args, nargs, NULL);
}

static Obj *property_dset(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return property_dset_any(self, args, nargs, false);
}

static Obj *property_ddel(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return property_dset_any(self, args, nargs, true);
}

static const MethodDef property_methods[] = {
    {"getter", property_getter},
    {"setter", property_setter},
    {"deleter", property_deleter},
    {"__set_name__", property_set_name},
    {"__get__", property_dget},
    {"__set__", property_dset},
    {"__delete__", property_ddel},
    {NULL, NULL},
};

Type vm_property_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "property",
    .base = &vm_object_type,
    .flags = TF_GC,
    .traverse = property_traverse,
    .basicsize = sizeof(PropertyObj),
    .dealloc = property_dealloc,
    .construct = property_construct,
    .getattr = property_getattr,
    .methods = property_methods,
};

static void wrap_traverse(Obj *o, VisitFn visit, void *arg)
{
    VISIT(((WrapObj *)o)->func);
}

static void wrap_dealloc(Obj *o)
{
    DECREF(((WrapObj *)o)->func);
    vm_obj_free(o);
}

static Obj *wrap_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = (Type *)self;
    if (vm_nokw(t->name, kwnames) < 0)
        return NULL;
    if (nargs != 1)
        return vm_err_fmt(&vm_exc_TypeError, "%s expected 1 argument, got %zu", t->name, nargs);
    WrapObj *w = vm_alloc(t, 0);
    w->func = vm_newref(args[0]);
    return (Obj *)w;
}

static Obj *wrap_getattr(Obj *o, Obj *name)
{
    if (vm_str_eqc(name, "__func__") || vm_str_eqc(name, "__wrapped__"))
        return vm_newref(((WrapObj *)o)->func);
    return NULL;
}

/* staticmethod.__get__ and classmethod.__get__ called by name:
 * __get__(obj, type=None) */
static Obj *wrap_get_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__get__", kwnames) < 0 || vm_argc("__get__", nargs, 1, 2) < 0)
        return NULL;
    Obj *obj = args[0] == VM_NONE ? NULL : args[0];
    Obj *type = nargs > 1 && args[1] != VM_NONE ? args[1] : NULL;
    if (!obj && !type)
        return vm_err_str(&vm_exc_TypeError, "__get__(None, None) is invalid");
    if (vm_is_subtype(TYPE(self), &vm_staticmethod_type))
        return vm_newref(((WrapObj *)self)->func);
    return classmethod_get(self, type ? type : (Obj *)TYPE(obj));
}

static const MethodDef wrap_methods[] = {
    {"__get__", wrap_get_m},
    {NULL, NULL},
};

/* a staticmethod is callable (3.10): it calls the function */
static Obj *staticmethod_call(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_call(((WrapObj *)self)->func, args, nargs, kwnames);
}

Type vm_staticmethod_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "staticmethod",
    .base = &vm_object_type,
    .flags = TF_GC,
    .traverse = wrap_traverse,
    .basicsize = sizeof(WrapObj),
    .dealloc = wrap_dealloc,
    .call = staticmethod_call,
    .construct = wrap_construct,
    .getattr = wrap_getattr,
    .methods = wrap_methods,
};

Type vm_classmethod_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "classmethod",
    .base = &vm_object_type,
    .flags = TF_GC,
    .traverse = wrap_traverse,
    .basicsize = sizeof(WrapObj),
    .dealloc = wrap_dealloc,
    .construct = wrap_construct,
    .getattr = wrap_getattr,
    .methods = wrap_methods,
};

/* ---- super ---- */

typedef struct SuperObj {
    Obj ob;
    Type *type;             /* the class whose MRO successors are searched */
    Obj *obj;               /* the instance (or class) bound to; NULL: unbound super(C) */
    Type *obj_type;         /* whose MRO is used; NULL when unbound */
} SuperObj;

static void super_dealloc(Obj *o)
{
    SuperObj *s = (SuperObj *)o;
    DECREF(s->type);
    XDECREF(s->obj);
    XDECREF(s->obj_type);
    vm_obj_free(o);
}

/* super(type, obj) bound: the class whose MRO is searched (obj's class, or
 * obj when it is a subclass of type), or NULL with CPython's TypeError */
static Type *super_obj_type(Obj *type, Obj *obj)
{
    if (HAS_FLAG(obj, TF_TYPE) && vm_is_subtype((Type *)obj, (Type *)type))
        return (Type *)obj;
    if (vm_is_subtype(TYPE(obj), (Type *)type))
        return TYPE(obj);
    vm_err_str(&vm_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static Obj *super_make(Obj *type, Obj *obj, Type *ot)
{
    SuperObj *s = vm_alloc(&vm_super_type, 0);
    s->type = (Type *)vm_newref(type);
    s->obj = obj ? vm_newref(obj) : NULL;
    s->obj_type = ot ? (Type *)vm_newref((Obj *)ot) : NULL;
    return (Obj *)s;
}

/* super(C) is a descriptor: fetched through an instance it binds to it */
static Obj *super_descr_get(Obj *self, Obj *obj)
{
    SuperObj *s = (SuperObj *)self;
    if (!obj || obj == VM_NONE || s->obj)
        return vm_newref(self);
    Type *ot = super_obj_type((Obj *)s->type, obj);
    return ot ? super_make((Obj *)s->type, obj, ot) : NULL;
}

static Obj *super_get_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("", nargs, 1, 2) < 0)      /* CPython's message names no function */
        return NULL;
    return super_descr_get(self, args[0]);
}

static Obj *super_repr(Obj *o)
{
    SuperObj *s = (SuperObj *)o;
    Buf b = BUF_INIT;
    if (s->obj_type)
        buf_printf(&b, "<super: <class '%s'>, <%s object>>", s->type->name, s->obj_type->name);
    else
        buf_printf(&b, "<super: <class '%s'>, NULL>", s->type->name);
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

static const MethodDef super_methods[] = {
    {"__get__", super_get_m},
    {NULL, NULL},
};

static Obj *super_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("super", kwnames) < 0)
        return NULL;
    Obj *type, *obj;
    if (nargs > 2)
        return vm_err_fmt(&vm_exc_TypeError, "super() expected at most 2 arguments, got %zu",
                          nargs);
    if (nargs == 0) {
        if (vm_super_implicit(&type, &obj) < 0)
            return NULL;
    } else {
        type = args[0];
        obj = nargs == 2 && args[1] != VM_NONE ? args[1] : NULL;   /* super(C): unbound */
    }
    if (!HAS_FLAG(type, TF_TYPE))
        return vm_err_fmt(&vm_exc_TypeError, "super() argument 1 must be a type, not %s",
                          vm_tname(type));
    Type *ot = obj ? super_obj_type(type, obj) : NULL;
    if (obj && !ot)
        return NULL;
    return super_make(type, obj, ot);
}

static Obj *super_getattr(Obj *o, Obj *name)
{
    SuperObj *s = (SuperObj *)o;
    /* the super object's own attributes */
    if (vm_str_eqc(name, "__thisclass__"))
        return vm_newref((Obj *)s->type);
    if (vm_str_eqc(name, "__self__"))
        return vm_newref(s->obj ? s->obj : VM_NONE);
    if (vm_str_eqc(name, "__self_class__"))
        return vm_newref(s->obj_type ? (Obj *)s->obj_type : VM_NONE);
    if (!s->obj_type || vm_str_eqc(name, "__class__"))
        return NULL;        /* unbound: no MRO to search; the generic lookup */
    Obj *mro = mro_of(s->obj_type);
    ssize_t i = 0, n = TUPLE_LEN(mro);
    while (i < n && TUPLE_ITEMS(mro)[i] != (Obj *)s->type)
        i++;
    for (i++; i < n; i++) {
        Type *k = (Type *)TUPLE_ITEMS(mro)[i];
        Obj *d = k->dict ? vm_dict_get_str(k->dict, name) : NULL;
        if (d) {
            DECREF(mro);
            bool on_class = s->obj == (Obj *)s->obj_type;
            return descr_get(d, on_class ? NULL : s->obj, s->obj_type);
        }
    }
    DECREF(mro);
    return NULL;            /* the super object's own (__get__, ...): generic lookup */
}

Type vm_super_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "super",
    .base = &vm_object_type,
    .basicsize = sizeof(SuperObj),
    .dealloc = super_dealloc,
    .repr = super_repr,
    .construct = super_construct,
    .getattr = super_getattr,
    .methods = super_methods,
};
