/* cmd/pyvm/object.c: the generic object protocols (object.h), the type
 * `type`, `object`, None, NotImplemented and Ellipsis.
 *
 * Stage: pyvm.  Each protocol tries the type's slot first and falls back as
 * CPython does (binary operators: left slot, then right slot, then
 * TypeError; comparisons: reflected operator, then identity for == and !=).
 */
#include "cmd/pyvm/union.h"
#include "cmd/pyvm/object.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/builtins.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/complex.h"
#include "cmd/pyvm/descr.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/gc.h"
#include "cmd/pyvm/gen.h"
#include "cmd/pyvm/genericalias.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/mod_weakref.h"
#include "cmd/pyvm/pool.h"
#include "cmd/pyvm/range.h"
#include "cmd/pyvm/set.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

void *vm_alloc(Type *t, size_t extra)
{
    Obj *o = (t->flags & TF_GC) ? vm_gc_alloc(t->basicsize + extra)
                                : vm_mem_alloc(t->basicsize + extra);
    o->refcnt = 1;
    o->type = t;
    if (t->flags & TF_HEAP) {
        /* a class's own slots and __dict__ start empty (the builtin base's
         * part is filled by its constructor) */
        INCREF(t);
        memset((char *)o + sizeof(Obj), 0, t->basicsize - sizeof(Obj));
    }
    return o;
}

void *vm_try_alloc(Type *t, size_t extra)
{
    Obj *o = extra > SIZE_MAX - t->basicsize ? NULL
        : (t->flags & TF_GC) ? vm_gc_try_alloc(t->basicsize + extra)
        : vm_mem_try_alloc(t->basicsize + extra);
    if (!o)
        return vm_err_nomem();
    o->refcnt = 1;
    o->type = t;
    if (t->flags & TF_HEAP) {
        /* a class's own slots and __dict__ start empty (the builtin base's
         * part is filled by its constructor) */
        INCREF(t);
        memset((char *)o + sizeof(Obj), 0, t->basicsize - sizeof(Obj));
    }
    return o;
}

void vm_obj_free(Obj *o)
{
    if (o->type->flags & TF_GC)
        vm_gc_free(o);
    else
        vm_mem_free(o);
}

/* The trashcan: deallocation recurses (a list's dealloc drops its items);
 * past a depth, objects are queued instead and freed when the outermost
 * dealloc returns, so freeing a million-deep nest never overflows the C
 * stack.  The queue is threaded through the dead objects' refcnt field. */
#define DEALLOC_MAX_DEPTH 200
static int dealloc_depth;
static Obj *trash;

void vm_dealloc(Obj *o)
{
    if (!o->type->dealloc && !(o->type->flags & TF_GC)) {
        /* perf: no references held; small ints and floats go back to
         * their pools (pool.h) */
        size_t strbytes;
        if (o->type == &vm_int_type && ((IntObj *)o)->n == 0)
            vm_pool_free(&vm_int_pool, o);
        else if (o->type == &vm_float_type)
            vm_pool_free(&vm_float_pool, o);
        else if (o->type == &vm_str_type
                 && (strbytes = offsetof(StrObj, s) + (size_t)STR_LEN(o) + 1) <= VM_STR_POOL_MAX)
            vm_pool_free(vm_str_pool(strbytes), o);
        else
            vm_mem_free_fast(o);
        return;
    }
    if (o->type->finalize && vm_gc_finalize_dealloc(o))
        return;             /* __del__ resurrected it (gc.c) */
    if (o->type->flags & TF_GC)
        vm_gc_untrack(o);   /* a collection in a weakref callback must not see it */
    if (vm_weak_live)
        vm_weak_dead(o);    /* clear weak references to o (mod_weakref.c) */
    if (dealloc_depth >= DEALLOC_MAX_DEPTH) {
        o->refcnt = (intptr_t)trash;
        trash = o;
        return;
    }
    dealloc_depth++;
    if (o->type->dealloc)
        o->type->dealloc(o);
    else
        vm_obj_free(o);
    dealloc_depth--;
    if (dealloc_depth == 0) {
        while (trash) {
            Obj *t = trash;
            trash = (Obj *)t->refcnt;
            t->refcnt = 0;
            dealloc_depth++;
            if (t->type->flags & TF_GC)
                vm_gc_untrack(t);
            if (t->type->dealloc)
                t->type->dealloc(t);
            else
                vm_obj_free(t);
            dealloc_depth--;
        }
    }
}

bool vm_is_subtype(const Type *t, const Type *base)
{
    if (t->mro) {
        for (ssize_t i = 0; i < TUPLE_LEN(t->mro); i++)
            if ((const Type *)TUPLE_ITEMS(t->mro)[i] == base)
                return true;
        return false;
    }
    for (; t; t = t->base)
        if (t == base)
            return true;
    return false;
}

int vm_nokw(const char *fname, Obj *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames) > 0) {
        vm_err_fmt(&vm_exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int vm_argc(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max && min == 0)
        vm_err_fmt(&vm_exc_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    else if (min == max && min == 1)
        vm_err_fmt(&vm_exc_TypeError, "%s() takes exactly one argument (%zu given)", fname,
                   nargs);
    else if (min == max)
        vm_err_fmt(&vm_exc_TypeError, "%s expected %zu argument%s, got %zu", fname, min,
                   min == 1 ? "" : "s", nargs);
    else if (nargs < min)
        vm_err_fmt(&vm_exc_TypeError, "%s expected at least %zu argument%s, got %zu", fname,
                   min, min == 1 ? "" : "s", nargs);
    else
        vm_err_fmt(&vm_exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname,
                   max, max == 1 ? "" : "s", nargs);
    return -1;
}

/* ---- repr, str, hash ---- */

/* Recursion through C (nested containers compared, hashed or repr'd) is
 * bounded like Python recursion, so it can never overflow the C stack. */
static int c_depth;
#define C_DEPTH_MAX 3000

static bool enter_c(const char *where)
{
    if (c_depth >= C_DEPTH_MAX) {
        vm_err_fmt(&vm_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return false;
    }
    c_depth++;
    return true;
}

/* repr(o); counted toward the recursion limit as CPython's PyObject_Repr,
 * unless it is str()'s fallback (CPython's object_str calls the repr slot
 * directly). */
static Obj *repr_impl(Obj *o, bool counted)
{
    if (TYPE(o)->repr) {
        if (!enter_c(" while getting the repr of an object"))
            return NULL;
        if (counted && !vm_recursion_enter(" while getting the repr of an object")) {
            c_depth--;
            return NULL;
        }
        Obj *r = TYPE(o)->repr(o);
        if (counted)
            vm_recursion_leave();
        c_depth--;
        return r;
    }
    return vm_object_repr_default(o);
}

Obj *vm_repr(Obj *o)
{
    return repr_impl(o, true);
}

Obj *vm_str(Obj *o)
{
    if (TYPE(o) == &vm_str_type)
        return vm_newref(o);
    if (TYPE(o)->str)
        return TYPE(o)->str(o);
    return repr_impl(o, false);
}

int vm_hash(Obj *o, int64_t *out)
{
    if (TYPE(o)->hash) {
        if (!enter_c(""))
            return -1;
        int r = TYPE(o)->hash(o, out);
        c_depth--;
        return r;
    }
    uint64_t p = (uint64_t)(uintptr_t)o;
    *out = (int64_t)((p >> 4) | (p << 60));
    if (*out == -1)
        *out = -2;
    return 0;
}

/* ---- comparison ---- */

static const int swapped_op[6] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
static const char *const cmp_sym[6] = {"<", "<=", "==", "!=", ">", ">="};

static Obj *richcmp(Obj *a, Obj *b, int op);

Obj *vm_richcmp(Obj *a, Obj *b, int op)
{
    if ((TYPE(a)->flags | TYPE(b)->flags) & TF_HEAP) {
        /* a class's dunder may run: one level of the recursion limit, as
         * CPython's comparisons */
        if (!vm_recursion_enter(" in comparison"))
            return NULL;
        Obj *r = richcmp(a, b, op);
        vm_recursion_leave();
        return r;
    }
    if (!enter_c(" in comparison"))
        return NULL;
    Obj *r = richcmp(a, b, op);
    c_depth--;
    return r;
}

static Obj *richcmp(Obj *a, Obj *b, int op)
{
    Type *ta = TYPE(a), *tb = TYPE(b);
    bool reflected_first = ta != tb && vm_is_subtype(tb, ta) && tb->richcmp;
    Obj *r;
    if (reflected_first) {
        r = tb->richcmp(b, a, swapped_op[op]);
        if (r != VM_NOTIMPL)
            return r;
        /* NotImplemented is immortal: no DECREF needed */
    }
    if (ta->richcmp) {
        r = ta->richcmp(a, b, op);
        if (r != VM_NOTIMPL)
            return r;
        /* NotImplemented is immortal: no DECREF needed */
    }
    if (!reflected_first && tb->richcmp) {
        r = tb->richcmp(b, a, swapped_op[op]);
        if (r != VM_NOTIMPL)
            return r;
        /* NotImplemented is immortal: no DECREF needed */
    }
    if (op == CMP_EQ)
        return VM_BOOL(a == b);
    if (op == CMP_NE)
        return VM_BOOL(a != b);
    return vm_err_fmt(&vm_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                      cmp_sym[op], ta->name, tb->name);
}

int vm_eq(Obj *a, Obj *b)
{
    if (a == b)
        return 1;
    Obj *r = vm_richcmp(a, b, CMP_EQ);
    if (!r)
        return -1;
    int t = r == VM_TRUE ? 1 : r == VM_FALSE ? 0 : vm_truth(r);
    DECREF(r);
    return t;
}

int vm_truth(Obj *o)
{
    if (o == VM_TRUE)
        return 1;
    if (o == VM_FALSE || o == VM_NONE)
        return 0;
    Type *t = TYPE(o);
    if (t->truth)
        return t->truth(o);
    if (t->len) {
        ssize_t n = t->len(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ---- operators ---- */

static const char *const binop_sym[NB_COUNT] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "** or pow()", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};

Obj *vm_binop(Obj *a, Obj *b, int op)
{
    Type *ta = TYPE(a), *tb = TYPE(b);
    Obj *r;
    /* a subclass of a's type with its own slot goes first (CPython's rule);
     * so does a class's __radd__ against the built-in sequences, whose +
     * is CPython's sq_concat, tried only after both operands' nb_add */
    bool b_first = tb != ta && tb->binop && tb->binop != ta->binop
        && (vm_is_subtype(tb, ta)
            || ((op == NB_ADD || op == NB_INPLACE_FIRST + NB_ADD) && (tb->flags & TF_HEAP)
                && (STR_CHECK(a) || LIST_CHECK(a) || TUPLE_CHECK(a) || BYTES_CHECK(a)
                    || BYTEARRAY_CHECK(a))));
    if (b_first && op == NB_INPLACE_FIRST + NB_ADD && !vm_is_subtype(tb, ta)) {
        r = tb->binop(a, b, NB_ADD);    /* nb_add of b: its __radd__ */
        if (r != VM_NOTIMPL)
            return r;
        b_first = false;
    }
    if (b_first) {
        r = tb->binop(a, b, op);
        if (r != VM_NOTIMPL)
            return r;
    }
    if (ta->binop) {
        r = ta->binop(a, b, op);
        if (r != VM_NOTIMPL)
            return r;
        /* NotImplemented is immortal: no DECREF needed */
    }
    if (tb->binop && tb->binop != ta->binop && !b_first) {
        r = tb->binop(a, b, op);
        if (r != VM_NOTIMPL)
            return r;
        /* NotImplemented is immortal: no DECREF needed */
    }
    if (op == NB_ADD || op == NB_INPLACE_FIRST + NB_ADD)
        if (STR_CHECK(a) && !STR_CHECK(b))
            return vm_err_fmt(&vm_exc_TypeError, "can only concatenate str (not \"%s\") to str",
                              tb->name);
    if (op == NB_MULTIPLY || op == NB_INPLACE_FIRST + NB_MULTIPLY) {
        bool sa = STR_CHECK(a) || LIST_CHECK(a) || TUPLE_CHECK(a) || BYTES_CHECK(a)
            || BYTEARRAY_CHECK(a);
        bool sb = STR_CHECK(b) || LIST_CHECK(b) || TUPLE_CHECK(b) || BYTES_CHECK(b)
            || BYTEARRAY_CHECK(b);
        Obj *other = sa ? b : a;
        if ((sa || sb) && (TYPE(other)->flags & TF_HEAP)
            && vm_type_lookup(TYPE(other), vm_str_intern("__index__", 9))) {
            /* seq * obj with __index__: repeat by its value */
            Obj *n = vm_number_index(other);
            if (!n)
                return NULL;
            r = sa ? vm_binop(a, n, op) : vm_binop(n, b, op);
            DECREF(n);
            return r;
        }
        if (sa || sb)
            return vm_err_fmt(&vm_exc_TypeError, "can't multiply sequence by non-int of type "
                              "'%s'", sa ? tb->name : ta->name);
    }
    return vm_err_fmt(&vm_exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                      binop_sym[op], ta->name, tb->name);
}

Obj *vm_unary(Obj *a, int op)
{
    static const char *const names[] = {"unary -", "unary +", "unary ~"};
    if (TYPE(a)->unary) {
        Obj *r = TYPE(a)->unary(a, op);
        if (r != VM_NOTIMPL)
            return r;
        /* NotImplemented is immortal: no DECREF needed */
    }
    return vm_err_fmt(&vm_exc_TypeError, "bad operand type for %s: '%s'", names[op],
                      vm_tname(a));
}

/* ---- containers ---- */

ssize_t vm_len(Obj *o)
{
    if (TYPE(o)->len)
        return TYPE(o)->len(o);
    vm_err_fmt(&vm_exc_TypeError, "object of type '%s' has no len()", vm_tname(o));
    return -1;
}

Obj *vm_getitem(Obj *o, Obj *key)
{
    if (TYPE(o)->getitem)
        return TYPE(o)->getitem(o, key);
    if (HAS_FLAG(o, TF_TYPE)) {
        Obj *cg = vm_type_lookup((Type *)o, vm_str_intern("__class_getitem__", 17));
        if (cg) {
            Obj *m = vm_getattr(o, vm_str_intern("__class_getitem__", 17));
            if (!m)
                return NULL;
            Obj *r = vm_call(m, &key, 1, NULL);
            DECREF(m);
            return r;
        }
        if (vm_generic_alias_origin((Type *)o))
            return vm_generic_alias_new(o, key);    /* list[int] and the like */
        return vm_err_fmt(&vm_exc_TypeError, "type '%s' is not subscriptable",
                          ((Type *)o)->name);
    }
    return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not subscriptable", vm_tname(o));
}

int vm_setitem(Obj *o, Obj *key, Obj *v)
{
    if (TYPE(o)->setitem)
        return TYPE(o)->setitem(o, key, v);
    if (v)
        vm_err_fmt(&vm_exc_TypeError, "'%s' object does not support item assignment",
                   vm_tname(o));
    else    /* CPython's wording differs for a sequence with an int key */
        vm_err_fmt(&vm_exc_TypeError, TYPE(o)->getitem && INT_CHECK(key)
                   ? "'%s' object doesn't support item deletion"
                   : "'%s' object does not support item deletion", vm_tname(o));
    return -1;
}

int vm_contains(Obj *o, Obj *v)
{
    if (TYPE(o)->contains)
        return TYPE(o)->contains(o, v);
    if (!TYPE(o)->iter) {
        vm_err_fmt(&vm_exc_TypeError, "argument of type '%s' is not iterable", vm_tname(o));
        return -1;
    }
    Obj *it = vm_iter(o);
    if (!it) {
        /* CPython words any TypeError of iter() so */
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_fmt(&vm_exc_TypeError, "argument of type '%s' is not iterable", vm_tname(o));
        }
        return -1;
    }
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

Obj *vm_iter(Obj *o)
{
    if (TYPE(o)->iter)
        return TYPE(o)->iter(o);
    return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not iterable", vm_tname(o));
}

Obj *vm_next(Obj *it)
{
    if (TYPE(it)->iternext)
        return TYPE(it)->iternext(it);
    return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not an iterator", vm_tname(it));
}

/* ---- attributes ---- */

/* The method cache: (type, interned name) -> lookup result, valid while
 * vm_type_version is unchanged (bumped whenever a class's dict changes or a
 * class dies), as CPython's type attribute cache. */
#define MCACHE_SIZE 4096
typedef struct MCacheEntry {
    Type *type;             /* key */
    Obj *name;              /* key: an interned str */
    Obj *value;             /* borrowed result, NULL for "not found" */
    uint64_t version;       /* vm_type_version when stored */
} MCacheEntry;
static MCacheEntry mcache[MCACHE_SIZE];
uint64_t vm_type_version = 1;

static Obj *type_lookup_uncached(Type *t, Obj *name)
{
    if (t->mro) {
        for (ssize_t i = 0; i < TUPLE_LEN(t->mro); i++) {
            Type *k = (Type *)TUPLE_ITEMS(t->mro)[i];
            if (!k->dict)
                vm_type_ready(k);   /* a builtin type first looked into now */
            Obj *v = vm_dict_get_str(k->dict, name);
            if (v)
                return v;
        }
        return NULL;
    }
    for (; t; t = t->base) {
        if (!t->dict)
            vm_type_ready(t);       /* a builtin type first looked into now */
        Obj *v = vm_dict_get_str(t->dict, name);
        if (v)
            return v;
    }
    return NULL;
}

Obj *vm_type_lookup(Type *t, Obj *name)
{
    if (!((StrObj *)name)->interned)
        return type_lookup_uncached(t, name);
    size_t h = (((uintptr_t)t >> 4) ^ ((uintptr_t)name >> 3)) & (MCACHE_SIZE - 1);
    MCacheEntry *e = &mcache[h];
    if (e->type == t && e->name == name && e->version == vm_type_version)
        return e->value;
    Obj *v = type_lookup_uncached(t, name);
    e->type = t;
    e->name = name;
    e->value = v;
    e->version = vm_type_version;
    return v;
}

Obj *vm_getattr(Obj *o, Obj *name)
{
    Type *t = TYPE(o);
    if (t->getattr) {
        Obj *r = t->getattr(o, name);
        if (r || vm_err_occurred())
            return r;
    }
    return vm_generic_getattr(o, name);
}

int vm_setattr(Obj *o, Obj *name, Obj *v)
{
    if (TYPE(o)->setattr)
        return TYPE(o)->setattr(o, name, v);
    return vm_generic_setattr(o, name, v);
}

Obj *vm_call(Obj *f, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (TYPE(f)->call)
        return TYPE(f)->call(f, args, nargs, kwnames);
    return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not callable", vm_tname(f));
}

/* ---- type ---- */

static int type_hash(Obj *o, int64_t *out)
{
    *out = (int64_t)((uintptr_t)o >> 4);
    return 0;
}

Type vm_type_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "type",
    .base = &vm_object_type,
    .flags = TF_TYPE | TF_GC,
    .traverse = vm_type_traverse,
    .clear = vm_type_clear,
    .basicsize = sizeof(Type),
    .dealloc = vm_type_dealloc,
    .repr = vm_type_repr,
    .hash = type_hash,
    .binop = vm_union_or,       /* int | str (union.c) */
    .call = vm_type_call,
    .construct = vm_type_construct,
    .getattr = vm_type_getattr,
    .methods = vm_type_methods,
    .setattr = vm_type_setattr,
};

static Obj *object_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs)
        return vm_err_str(&vm_exc_TypeError, "object() takes no arguments");
    return vm_alloc(&vm_object_type, 0);
}

Type vm_object_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "object",
    .basicsize = sizeof(Obj),
    .construct = object_construct,
    .methods = vm_object_methods,
};

/* ---- singletons ---- */

static Obj *none_repr(Obj *o) { return vm_str_cstr("None"); }
static Obj *notimpl_repr(Obj *o) { return vm_str_cstr("NotImplemented"); }
static Obj *ellipsis_repr(Obj *o) { return vm_str_cstr("Ellipsis"); }
static int false_truth(Obj *o) { return 0; }

Type vm_none_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "NoneType",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(Obj),
    .repr = none_repr,
    .truth = false_truth,
};

Type vm_notimpl_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "NotImplementedType",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(Obj),
    .repr = notimpl_repr,
};

Type vm_ellipsis_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "ellipsis",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(Obj),
    .repr = ellipsis_repr,
};

Obj vm_none_obj = OBJ_HEAD_INIT(&vm_none_type);
Obj vm_notimpl_obj = OBJ_HEAD_INIT(&vm_notimpl_type);
Obj vm_ellipsis_obj = OBJ_HEAD_INIT(&vm_ellipsis_type);

/* ---- slot wrappers: a builtin type's slots as dunder methods, so that
 * dict.__repr__(self), super().__getitem__(k) and the like work ---- */

static Obj *w_repr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_calling_owner;
    if (vm_argc("__repr__", nargs, 0, 0) < 0)
        return NULL;
    return t->repr(self);
}

static Obj *w_str(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_calling_owner;
    if (vm_argc("__str__", nargs, 0, 0) < 0)
        return NULL;
    return t->str(self);
}

static Obj *w_hash(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_calling_owner;
    int64_t h;
    if (vm_argc("__hash__", nargs, 0, 0) < 0 || t->hash(self, &h) < 0)
        return NULL;
    return vm_int_from_i64(h);
}

static Obj *w_len(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_calling_owner;
    if (vm_argc("__len__", nargs, 0, 0) < 0)
        return NULL;
    ssize_t n = t->len(self);
    return n < 0 ? NULL : vm_int_from_i64(n);
}

static Obj *w_getitem(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_calling_owner;
    if (vm_argc("__getitem__", nargs, 1, 1) < 0)
        return NULL;
    return t->getitem(self, args[0]);
}

static Obj *w_setitem(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_calling_owner;
    if (vm_argc("__setitem__", nargs, 2, 2) < 0 || t->setitem(self, args[0], args[1]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *w_delitem(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_calling_owner;
    if (vm_argc("__delitem__", nargs, 1, 1) < 0 || t->setitem(self, args[0], NULL) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *w_contains(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_calling_owner;
    if (vm_argc("__contains__", nargs, 1, 1) < 0)
        return NULL;
    int r = t->contains(self, args[0]);
    return r < 0 ? NULL : VM_BOOL(r);
}

static Obj *w_iter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_calling_owner;
    if (vm_argc("__iter__", nargs, 0, 0) < 0)
        return NULL;
    return t->iter(self);
}

static Obj *w_next(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_calling_owner;
    if (vm_argc("__next__", nargs, 0, 0) < 0)
        return NULL;
    Obj *r = t->iternext(self);
    if (!r && !vm_err_occurred())
        vm_err_set((Obj *)&vm_exc_StopIteration);
    return r;
}

#define W_CMP(nm, op) \
    static Obj *w_##nm(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        Type *t = vm_calling_owner; \
        if (vm_argc("__" #nm "__", nargs, 1, 1) < 0) \
            return NULL; \
        return t->richcmp(self, args[0], op); \
    }
W_CMP(lt, CMP_LT)
W_CMP(le, CMP_LE)
W_CMP(eq, CMP_EQ)
W_CMP(ne, CMP_NE)
W_CMP(gt, CMP_GT)
W_CMP(ge, CMP_GE)

#define W_BIN(nm, op) \
    static Obj *w_##nm(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        Type *t = vm_calling_owner; \
        if (vm_argc("__" #nm "__", nargs, 1, 1) < 0) \
            return NULL; \
        return t->binop(self, args[0], op); \
    }
W_BIN(add, NB_ADD)
W_BIN(sub, NB_SUBTRACT)
W_BIN(mul, NB_MULTIPLY)
W_BIN(mod, NB_REMAINDER)
W_BIN(or, NB_OR)
W_BIN(and, NB_AND)
W_BIN(truediv, NB_TRUE_DIVIDE)
W_BIN(floordiv, NB_FLOOR_DIVIDE)
W_BIN(pow, NB_POWER)
W_BIN(lshift, NB_LSHIFT)
W_BIN(rshift, NB_RSHIFT)
W_BIN(xor, NB_XOR)

/* the reflected forms: other OP self */
#define W_RBIN(nm, op) \
    static Obj *w_r##nm(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        Type *t = vm_calling_owner; \
        if (vm_argc("__r" #nm "__", nargs, 1, 1) < 0) \
            return NULL; \
        return t->binop(args[0], self, op); \
    }
#define NUM_BINOPS(X) \
    X(add, NB_ADD) X(sub, NB_SUBTRACT) X(mul, NB_MULTIPLY) X(mod, NB_REMAINDER) \
    X(or, NB_OR) X(and, NB_AND) X(truediv, NB_TRUE_DIVIDE) X(floordiv, NB_FLOOR_DIVIDE) \
    X(pow, NB_POWER) X(lshift, NB_LSHIFT) X(rshift, NB_RSHIFT) X(xor, NB_XOR)
NUM_BINOPS(W_RBIN)
#undef W_RBIN

/* Put make(name, fn, t) into t's dict unless t has the name. */
static void add_descr(Type *t, const char *name, CFunc fn,
                      Obj *(*make)(const char *name, CFunc fn, Type *owner))
{
    Obj *key = vm_str_intern(name, strlen(name));
    if (vm_dict_get_str(t->dict, key))
        return;
    Obj *f = make(name, fn, t);
    if (vm_dict_set(t->dict, key, f) < 0)
        ls_die(LS_EXIT_USAGE, "internal error: type setup");
    DECREF(f);
}

/* A slot wrapper (wrapper_descriptor) unless t has the name. */
static void add_wrapper(Type *t, const char *name, CFunc fn)
{
    add_descr(t, name, fn, vm_wrapper_new);
}

/* A method descriptor (not a slot wrapper) unless t has the name. */
static void add_method(Type *t, const char *name, CFunc fn)
{
    add_descr(t, name, fn, vm_builtin_new);
}

static Obj *w_bool(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_calling_owner;
    if (vm_argc("__bool__", nargs, 0, 0) < 0)
        return NULL;
    int r = t->truth(self);
    return r < 0 ? NULL : VM_BOOL(r);
}

/* object.__sizeof__: the instance's fixed size in bytes (pyvm's layout,
 * not CPython's numbers) */
static Obj *w_sizeof(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__sizeof__", nargs, 0, 0) < 0)
        return NULL;
    return vm_int_from_i64((int64_t)TYPE(self)->basicsize);
}

/* object.__dir__ and type.__dir__: dir()'s names, unsorted (builtins.c) */
static Obj *w_dir(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__dir__", nargs, 0, 0) < 0)
        return NULL;
    return vm_dir_default(self);
}

/* Which operator dunders each builtin type shows, as CPython's: one bit per
 * NUM_BINOPS entry for the forward and for the reflected form, plus the
 * slots a type has in pyvm but CPython does not expose. A type not listed
 * gets no operator wrappers (str, bytes and bytearray list theirs in their
 * methods). */
enum {
#define OP_BIT(nm, op) OPB_##nm,
    NUM_BINOPS(OP_BIT)
#undef OP_BIT
};
#define OP(nm) (1u << OPB_##nm)
#define OPS_ALL ((1u << (OPB_xor + 1)) - 1)
#define OPS_FLOAT (OP(add) | OP(sub) | OP(mul) | OP(mod) | OP(truediv) | OP(floordiv) | OP(pow))
#define OPS_COMPLEX (OP(add) | OP(sub) | OP(mul) | OP(truediv) | OP(pow))
#define OPS_SET (OP(and) | OP(or) | OP(sub) | OP(xor))
#define SW_BOOL 1u          /* expose the truth slot as __bool__ */
#define SW_NOCONTAINS 2u    /* hide the contains slot (dict_values) */

static const struct {
    const char *name;       /* the type's tp name */
    unsigned ops;           /* forward operator dunders (OP bits) */
    unsigned rops;          /* reflected __r*__ forms (OP bits) */
    unsigned flags;         /* SW_* */
} type_ops[] = {
    {"int", OPS_ALL, OPS_ALL, 0},
    {"bool", OPS_ALL, OPS_ALL, 0},
    {"float", OPS_FLOAT, OPS_FLOAT, 0},
    {"complex", OPS_COMPLEX, OPS_COMPLEX, 0},
    {"list", OP(add) | OP(mul), OP(mul), 0},
    {"tuple", OP(add) | OP(mul), OP(mul), 0},
    {"dict", OP(or), OP(or), 0},
    {"set", OPS_SET, OPS_SET, 0},
    {"frozenset", OPS_SET, OPS_SET, 0},
    {"dict_keys", OPS_SET, OPS_SET, 0},
    {"dict_items", OPS_SET, OPS_SET, 0},
    {"dict_values", 0, 0, SW_NOCONTAINS},
    {"type", OP(or), OP(or), 0},
    {"UnionType", OP(or), OP(or), 0},
    {"range", 0, 0, SW_BOOL},
    {"NoneType", 0, 0, SW_BOOL},
};

static void add_op_wrappers(Type *t)
{
    unsigned ops = 0, rops = 0, flags = 0;
    for (size_t i = 0; i < sizeof type_ops / sizeof *type_ops; i++)
        if (strcmp(type_ops[i].name, t->name) == 0) {
            ops = type_ops[i].ops;
            rops = type_ops[i].rops;
            flags = type_ops[i].flags;
            break;
        }
    if (t->binop) {
#define ADD_OP(nm, op) \
        if (ops & OP(nm)) \
            add_wrapper(t, "__" #nm "__", w_##nm); \
        if (rops & OP(nm)) \
            add_wrapper(t, "__r" #nm "__", w_r##nm);
        NUM_BINOPS(ADD_OP)
#undef ADD_OP
    }
    if ((flags & SW_BOOL) && t->truth)
        add_wrapper(t, "__bool__", w_bool);
    if (t->contains && !(flags & SW_NOCONTAINS))
        add_wrapper(t, "__contains__", w_contains);
}

static Obj *w_call(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_calling_owner;
    return t->call(self, args, nargs, kwnames);
}

/* method_descriptor.__get__(obj, type=None): bound to obj, or itself */
static Obj *w_mdescr_get(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_cdescr_get(self, args, nargs, kwnames, vm_builtin_bind);
}

static void add_slot_wrappers(Type *t)
{
    if (t == &vm_method_descr_type)
        add_wrapper(t, "__get__", w_mdescr_get);
    if (t->repr)
        add_wrapper(t, "__repr__", w_repr);
    if (t->str)
        add_wrapper(t, "__str__", w_str);
    if (t->hash && t != &vm_list_type && t != &vm_dict_type && t != &vm_set_type)
        add_wrapper(t, "__hash__", w_hash);
    if (t->len)
        add_wrapper(t, "__len__", w_len);
    if (t->getitem)
        add_wrapper(t, "__getitem__", w_getitem);
    if (t->setitem) {
        add_wrapper(t, "__setitem__", w_setitem);
        add_wrapper(t, "__delitem__", w_delitem);
    }
    if (t->call)
        add_wrapper(t, "__call__", w_call);
    if (t->iter)
        add_wrapper(t, "__iter__", w_iter);
    if (t->iternext)
        add_wrapper(t, "__next__", w_next);
    if (t->richcmp) {
        add_wrapper(t, "__lt__", w_lt);
        add_wrapper(t, "__le__", w_le);
        add_wrapper(t, "__eq__", w_eq);
        add_wrapper(t, "__ne__", w_ne);
        add_wrapper(t, "__gt__", w_gt);
        add_wrapper(t, "__ge__", w_ge);
    }
    add_op_wrappers(t);
}

/* The dunders CPython defines through type slots: a built-in type's own
 * method of one of these names is a slot wrapper (wrapper_descriptor), the
 * others are method descriptors. */
static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_slot_name(const char *name)
{
    static const char *const slots[] = {
        "__getattribute__", "__getattr__", "__setattr__", "__delattr__", "__repr__",
        "__hash__", "__call__", "__str__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__",
        "__ge__", "__iter__", "__next__", "__get__", "__set__", "__delete__", "__init__",
        "__del__", "__await__", "__aiter__", "__anext__", "__add__", "__radd__", "__sub__",
        "__rsub__", "__mul__", "__rmul__", "__mod__", "__rmod__", "__divmod__",
        "__rdivmod__", "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__", "__bool__",
        "__invert__", "__lshift__", "__rlshift__", "__rshift__", "__rrshift__", "__and__",
        "__rand__", "__xor__", "__rxor__", "__or__", "__ror__", "__int__", "__float__",
        "__iadd__", "__isub__", "__imul__", "__imod__", "__ipow__", "__ilshift__",
        "__irshift__", "__iand__", "__ixor__", "__ior__", "__floordiv__", "__rfloordiv__",
        "__truediv__", "__rtruediv__", "__ifloordiv__", "__itruediv__", "__index__",
        "__matmul__", "__rmatmul__", "__imatmul__", "__len__", "__getitem__",
        "__setitem__", "__delitem__", "__contains__",
    };
    enum { NSLOTS = sizeof slots / sizeof *slots };
    static const char *sorted[NSLOTS];     /* slots, sorted once for bsearch */
    if (name[0] != '_' || name[1] != '_')
        return false;
    if (!sorted[0]) {
        memcpy(sorted, slots, sizeof slots);
        qsort(sorted, NSLOTS, sizeof *sorted, cmp_cstr);
    }
    return bsearch(&name, sorted, NSLOTS, sizeof *sorted, cmp_cstr) != NULL;
}

void vm_type_ready(Type *t)
{
    if (t->dict)
        return;
    t->dict = vm_dict_new();
    /* __doc__ exists on every type (None: pyvm keeps no docstrings for builtins) */
    if (vm_dict_set_cstr(t->dict, "__doc__", VM_NONE) < 0)
        ls_die(LS_EXIT_USAGE, "internal error: type setup");
    for (const MethodDef *m = t->methods; m && m->name; m++) {
        Obj *f = is_slot_name(m->name) && !(t->flags & TF_HEAP) ? vm_wrapper_new(m->name, m->fn, t)
                                                                : vm_builtin_new(m->name, m->fn, t);
        if (vm_dict_set_cstr(t->dict, m->name, f) < 0)
            ls_die(LS_EXIT_USAGE, "internal error: type setup");
        DECREF(f);
    }
    if (t->flags & TF_HEAP)
        return;
    vm_descr_add_attrs(t);
    if (t == &vm_object_type || t == &vm_type_type) {
        add_method(t, "__dir__", w_dir);
        add_method(t, "__sizeof__", w_sizeof);
        if (t == &vm_type_type)
            add_op_wrappers(t);
    } else {
        add_slot_wrappers(t);
    }
}

void vm_types_init(void)
{
    vm_int_init();
    vm_str_init();
    static Type *const types[] = {
        &vm_type_type, &vm_object_type, &vm_none_type, &vm_notimpl_type, &vm_ellipsis_type,
        &vm_int_type, &vm_bool_type, &vm_float_type, &vm_str_type, &vm_list_type,
        &vm_tuple_type, &vm_dict_type, &vm_range_type, &vm_slice_type, &vm_func_type,
        &vm_builtin_type, &vm_method_descr_type, &vm_method_type, &vm_cell_type,
        &vm_member_descr_type,
        &vm_code_type, &vm_property_type, &vm_staticmethod_type, &vm_classmethod_type,
        &vm_super_type, &vm_bytes_type, &vm_gen_type, &vm_coro_type, &vm_set_type, &vm_frozenset_type,
        &vm_mappingproxy_type, &vm_complex_type, &vm_bytearray_type, &vm_generic_alias_type,
        &vm_getset_descr_type, &vm_wrapper_descr_type,
        &vm_method_wrapper_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        vm_type_ready(types[i]);
    vm_gen_types_init();
    vm_exc_init();
    vm_class_init();
}
