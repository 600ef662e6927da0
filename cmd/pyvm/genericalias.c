/* cmd/pyvm/genericalias.c: types.GenericAlias.
 *
 * Stage: pyvm.  An alias remembers its origin class and its arguments (a
 * tuple); calling it calls the origin; repr() is CPython's ("list[int]",
 * "dict[str, list[int]]", "tuple[int, ...]").
 */
#include "cmd/pyvm/genericalias.h"

#include "libstage/buf.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/set.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

typedef struct AliasObj {
    Obj ob;
    Obj *origin;            /* __origin__ */
    Obj *args;              /* __args__ (a tuple) */
} AliasObj;

bool vm_generic_alias_origin(Type *t)
{
    static Type *const origins[] = {&vm_list_type, &vm_dict_type, &vm_tuple_type,
                                    &vm_set_type, &vm_frozenset_type, &vm_type_type};
    for (size_t i = 0; i < sizeof origins / sizeof *origins; i++)
        if (vm_is_subtype(t, origins[i]))
            return true;
    return false;
}

Obj *vm_generic_alias_new(Obj *origin, Obj *args)
{
    AliasObj *a = vm_alloc(&vm_generic_alias_type, 0);
    a->origin = vm_newref(origin);
    a->args = TUPLE_CHECK(args) ? vm_newref(args) : vm_tuple_from(&args, 1);
    return (Obj *)a;
}

static void alias_dealloc(Obj *o)
{
    DECREF(((AliasObj *)o)->origin);
    DECREF(((AliasObj *)o)->args);
    vm_obj_free(o);
}

/* One item of the repr: "..." for Ellipsis, a class by its qualified name
 * (no "builtins."), anything else by repr(). */
static int repr_item(Buf *b, Obj *o)
{
    if (o == &vm_ellipsis_obj) {
        buf_puts(b, "...");
        return 0;
    }
    if (HAS_FLAG(o, TF_TYPE)) {
        Type *t = (Type *)o;
        if (t->module && STR_CHECK(t->module) && !vm_str_eqc(t->module, "builtins"))
            buf_printf(b, "%s.", STR_DATA(t->module));
        buf_puts(b, t->qualname ? STR_DATA(t->qualname) : t->name);
        return 0;
    }
    Obj *r = vm_repr(o);
    if (!r)
        return -1;
    buf_put(b, STR_DATA(r), (size_t)STR_LEN(r));
    DECREF(r);
    return 0;
}

static Obj *alias_repr(Obj *o)
{
    AliasObj *a = (AliasObj *)o;
    Buf b = BUF_INIT;
    int rc = repr_item(&b, a->origin);
    buf_putc(&b, '[');
    if (TUPLE_LEN(a->args) == 0)
        buf_puts(&b, "()");
    for (ssize_t i = 0; rc == 0 && i < TUPLE_LEN(a->args); i++) {
        if (i)
            buf_puts(&b, ", ");
        rc = repr_item(&b, TUPLE_ITEMS(a->args)[i]);
    }
    buf_putc(&b, ']');
    Obj *r = rc == 0 ? vm_str_new(b.data, b.len) : NULL;
    buf_free(&b);
    return r;
}

static Obj *alias_getattr(Obj *o, Obj *name)
{
    AliasObj *a = (AliasObj *)o;
    if (vm_str_eqc(name, "__origin__"))
        return vm_newref(a->origin);
    if (vm_str_eqc(name, "__args__"))
        return vm_newref(a->args);
    if (vm_str_eqc(name, "__parameters__"))
        return vm_tuple_new(0);
    return NULL;
}

static Obj *alias_richcmp(Obj *x, Obj *y, int op)
{
    if (TYPE(y) != &vm_generic_alias_type || (op != CMP_EQ && op != CMP_NE))
        return vm_newref(VM_NOTIMPL);
    AliasObj *a = (AliasObj *)x, *b = (AliasObj *)y;
    int eq = a->origin == b->origin ? vm_eq(a->args, b->args) : 0;
    if (eq < 0)
        return NULL;
    return VM_BOOL(op == CMP_EQ ? eq : !eq);
}

static int alias_hash(Obj *o, int64_t *out)
{
    AliasObj *a = (AliasObj *)o;
    int64_t h1, h2;
    if (vm_hash(a->origin, &h1) < 0 || vm_hash(a->args, &h2) < 0)
        return -1;
    *out = h1 ^ h2;
    if (*out == -1)
        *out = -2;
    return 0;
}

/* list[int](...) is list(...) */
static Obj *alias_call_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_call(((AliasObj *)self)->origin, args, nargs, kwnames);
}

/* GenericAlias.__new__(cls, origin, args): also for subclasses
 * (_collections_abc._CallableGenericAlias); installed by class.c. */
Obj *vm_generic_alias_new_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("GenericAlias", kwnames) < 0 || vm_argc("GenericAlias", nargs, 3, 3) < 0)
        return NULL;
    if (!HAS_FLAG(args[0], TF_TYPE) || !vm_is_subtype((Type *)args[0], &vm_generic_alias_type))
        return vm_err_str(&vm_exc_TypeError, "GenericAlias.__new__(X): X is not a subtype of GenericAlias");
    Obj *a = args[2];
    Obj *t = TUPLE_CHECK(a) ? vm_newref(a) : vm_tuple_from(&a, 1);
    AliasObj *o = vm_alloc((Type *)args[0], 0);
    o->origin = vm_newref(args[1]);
    o->args = t;
    return (Obj *)o;
}

static Obj *alias_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("GenericAlias", kwnames) < 0 || vm_argc("GenericAlias", nargs, 2, 2) < 0)
        return NULL;
    Obj *a[3] = {self, args[0], args[1]};
    return vm_generic_alias_new_m(NULL, a, 3, NULL);
}

/* __reduce__(): (GenericAlias, (origin, args)), for pickle and copy */
static Obj *alias_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__reduce__", kwnames) < 0 || vm_argc("__reduce__", nargs, 0, 0) < 0)
        return NULL;
    AliasObj *a = (AliasObj *)self;
    Obj *inner[2] = {a->origin, a->args};
    Obj *t = vm_tuple_from(inner, 2);
    Obj *outer[2] = {(Obj *)TYPE(self), t};
    Obj *r = vm_tuple_from(outer, 2);
    DECREF(t);
    return r;
}

static const MethodDef alias_methods[] = {
    {"__reduce__", alias_reduce},
    {NULL, NULL},
};

Type vm_generic_alias_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "types.GenericAlias",
    .base = &vm_object_type,
    .flags = 0,
    .construct = alias_construct,
    .basicsize = sizeof(AliasObj),
    .dealloc = alias_dealloc,
    .repr = alias_repr,
    .richcmp = alias_richcmp,
    .hash = alias_hash,
    .getattr = alias_getattr,
    .call = alias_call_m,
    .methods = alias_methods,
};
