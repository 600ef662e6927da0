/* cmd/pyvm/union.c: types.UnionType (int | str): its __args__ (flattened,
 * duplicates dropped, None standing for NoneType), repr "int | str",
 * order-insensitive equality, and isinstance/issubclass through
 * __instancecheck__/__subclasscheck__.
 *
 * Stage: pyvm.  The binop slot of type itself (object.c) is vm_union_or,
 * so `int | None` and `list[int] | str` build one.
 */
#include "cmd/pyvm/union.h"

#include "libstage/buf.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/genericalias.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

typedef struct UnionObj {
    Obj ob;
    Obj *args;              /* __args__: a tuple of classes and aliases */
} UnionObj;

static bool unionable(Obj *o)
{
    return o == VM_NONE || HAS_FLAG(o, TF_TYPE) || TYPE(o) == &vm_generic_alias_type
           || TYPE(o) == &vm_union_type;
}

/* Append o's members to l (a union's args, None as NoneType), without
 * duplicates. */
static int add_member(Obj *l, Obj *o)
{
    if (TYPE(o) == &vm_union_type) {
        Obj *a = ((UnionObj *)o)->args;
        for (ssize_t i = 0; i < TUPLE_LEN(a); i++)
            if (add_member(l, TUPLE_ITEMS(a)[i]) < 0)
                return -1;
        return 0;
    }
    if (o == VM_NONE)
        o = (Obj *)&vm_none_type;
    for (ssize_t i = 0; i < LIST_LEN(l); i++) {
        int eq = vm_eq(LIST_ITEMS(l)[i], o);
        if (eq < 0)
            return -1;
        if (eq)
            return 0;
    }
    vm_list_append(l, o);
    return 0;
}

Obj *vm_union_or(Obj *a, Obj *b, int op)
{
    if (op != NB_OR || !unionable(a) || !unionable(b))
        return vm_newref(VM_NOTIMPL);
    Obj *l = vm_list_new(0);
    if (add_member(l, a) < 0 || add_member(l, b) < 0) {
        DECREF(l);
        return NULL;
    }
    if (LIST_LEN(l) == 1) {
        Obj *r = vm_newref(LIST_ITEMS(l)[0]);
        DECREF(l);
        return r;
    }
    UnionObj *u = vm_alloc(&vm_union_type, 0);
    u->args = vm_tuple_from(LIST_ITEMS(l), LIST_LEN(l));
    DECREF(l);
    return (Obj *)u;
}

static void union_dealloc(Obj *o)
{
    XDECREF(((UnionObj *)o)->args);
    vm_obj_free(o);
}

static void union_traverse(Obj *o, VisitFn visit, void *arg)
{
    VISIT(((UnionObj *)o)->args);
}

static Obj *union_repr(Obj *o)
{
    Obj *a = ((UnionObj *)o)->args;
    Buf b = BUF_INIT;
    for (ssize_t i = 0; i < TUPLE_LEN(a); i++) {
        Obj *x = TUPLE_ITEMS(a)[i];
        if (i)
            buf_puts(&b, " | ");
        if (x == (Obj *)&vm_none_type) {
            buf_puts(&b, "None");
            continue;
        }
        if (HAS_FLAG(x, TF_TYPE)) {
            Type *t = (Type *)x;
            const char *qn = t->qualname && STR_CHECK(t->qualname) ? STR_DATA(t->qualname) : t->name;
            if (t->module && STR_CHECK(t->module) && !vm_str_eqc(t->module, "builtins"))
                buf_printf(&b, "%s.%s", STR_DATA(t->module), qn);
            else
                buf_puts(&b, qn);
            continue;
        }
        Obj *r = vm_repr(x);
        if (!r) {
            buf_free(&b);
            return NULL;
        }
        buf_put(&b, STR_DATA(r), (size_t)STR_LEN(r));
        DECREF(r);
    }
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

/* Does every member of a appear in b? */
static int subset(Obj *a, Obj *b)
{
    for (ssize_t i = 0; i < TUPLE_LEN(a); i++) {
        bool found = false;
        for (ssize_t k = 0; k < TUPLE_LEN(b) && !found; k++) {
            int eq = vm_eq(TUPLE_ITEMS(a)[i], TUPLE_ITEMS(b)[k]);
            if (eq < 0)
                return -1;
            found = eq;
        }
        if (!found)
            return 0;
    }
    return 1;
}

static Obj *union_richcmp(Obj *a, Obj *b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || TYPE(b) != &vm_union_type)
        return vm_newref(VM_NOTIMPL);
    Obj *x = ((UnionObj *)a)->args, *y = ((UnionObj *)b)->args;
    int s1 = subset(x, y), s2 = s1 > 0 ? subset(y, x) : s1;
    if (s1 < 0 || s2 < 0)
        return NULL;
    bool eq = s1 && s2;
    return VM_BOOL(op == CMP_EQ ? eq : !eq);
}

static int union_hash(Obj *o, int64_t *out)
{
    Obj *a = ((UnionObj *)o)->args;
    uint64_t h = 0x345678;
    for (ssize_t i = 0; i < TUPLE_LEN(a); i++) {
        int64_t x;
        if (vm_hash(TUPLE_ITEMS(a)[i], &x) < 0)
            return -1;
        h ^= (uint64_t)x * 0x9e3779b97f4a7c15u;   /* order-insensitive */
    }
    *out = (int64_t)h == -1 ? -2 : (int64_t)h;
    return 0;
}

static Obj *union_getattr(Obj *o, Obj *name)
{
    if (vm_str_eqc(name, "__args__"))
        return vm_newref(((UnionObj *)o)->args);
    if (vm_str_eqc(name, "__parameters__"))
        return vm_tuple_new(0);
    return NULL;
}

/* isinstance(x, int | str): any member */
static Obj *union_check(Obj *self, Obj *x, bool sub)
{
    Obj *a = ((UnionObj *)self)->args;
    for (ssize_t i = 0; i < TUPLE_LEN(a); i++) {
        Obj *t = TUPLE_ITEMS(a)[i];
        if (!HAS_FLAG(t, TF_TYPE))
            return vm_err_str(&vm_exc_TypeError,
                              sub ? "issubclass() argument 2 cannot be a parameterized generic"
                                  : "isinstance() argument 2 cannot be a parameterized generic");
        if (sub ? HAS_FLAG(x, TF_TYPE) && vm_is_subtype((Type *)x, (Type *)t)
                : vm_is_subtype(TYPE(x), (Type *)t))
            return vm_newref(VM_TRUE);
    }
    return vm_newref(VM_FALSE);
}

static Obj *union_instancecheck(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__instancecheck__", nargs, 1, 1) < 0)
        return NULL;
    return union_check(self, args[0], false);
}

static Obj *union_subclasscheck(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__subclasscheck__", nargs, 1, 1) < 0)
        return NULL;
    return union_check(self, args[0], true);
}

static const MethodDef union_methods[] = {
    {"__instancecheck__", union_instancecheck},
    {"__subclasscheck__", union_subclasscheck},
    {NULL, NULL},
};

Type vm_union_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "UnionType",
    .base = &vm_object_type,
    .flags = TF_GC | TF_NOSUBCLASS,
    .basicsize = sizeof(UnionObj),
    .dealloc = union_dealloc,
    .traverse = union_traverse,
    .repr = union_repr,
    .richcmp = union_richcmp,
    .hash = union_hash,
    .binop = vm_union_or,
    .getattr = union_getattr,
    .methods = union_methods,
};
