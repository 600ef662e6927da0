/* cmd/pyvm/descr.c: getset and member descriptors of built-in types (their
 * data attributes, listed once in descr.def), and slot wrappers
 * (wrapper_descriptor, method-wrapper).
 *
 * Stage: pyvm.  A built-in type answers its data attributes in its getattr
 * slot (and takes writable ones in its setattr slot); a descriptor here
 * names one such attribute in the type's __dict__ and goes through those
 * slots.  When a slot falls back to the generic lookup, which finds the
 * descriptor again, the descriptor sees the re-entry and answers from the
 * instance __dict__ instead, as the generic code did before descriptors
 * existed.
 */
#include "cmd/pyvm/descr.h"

#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* ---- the table ---- */

enum { GETSET, MEMBER };
enum { RO, RW };

/* One data attribute of a built-in type (a row of descr.def). */
typedef struct BDescrDef BDescrDef;
struct BDescrDef {
    const char *tname;      /* the owner type's tp name */
    const char *name;       /* the attribute */
    int kind;               /* GETSET or MEMBER: which descriptor type */
    int writable;           /* RO or RW */
    const char *doc;        /* __doc__, or NULL: None */
};

static const BDescrDef bdescr_defs[] = {
#define BDESCR(tname, name, kind, rw, doc) {tname, name, kind, rw, doc},
#include "cmd/pyvm/descr.def"
#undef BDESCR
};

/* A member descriptor: class.c's type, whose basicsize is its MemberObj's,
 * with room for the def behind. */
static BDescrObj *member_alloc(void)
{
    return vm_alloc(&vm_member_descr_type, sizeof(BDescrObj) - vm_member_descr_type.basicsize);
}

/* The table's rows come grouped by type; each group's first row and
 * length sit in a small hash table keyed by the type name, built once
 * (type setup runs for every type pyvm readies: one probe each). */
typedef struct DefGroup {
    const char *tname;      /* NULL: an empty slot */
    unsigned first, n;      /* its rows */
} DefGroup;
#define GROUP_SLOTS 256     /* a power of two, well above the number of types */
static DefGroup def_groups[GROUP_SLOTS];
static bool grouped;

static size_t name_slot(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h & (GROUP_SLOTS - 1);
}

static DefGroup *find_group(const char *tname)
{
    size_t i = name_slot(tname);
    while (def_groups[i].tname && strcmp(def_groups[i].tname, tname) != 0)
        i = (i + 1) & (GROUP_SLOTS - 1);
    return &def_groups[i];
}

static void group_defs(void)
{
    const size_t nrows = sizeof bdescr_defs / sizeof *bdescr_defs;
    for (size_t i = 0; i < nrows; i++) {
        DefGroup *g = find_group(bdescr_defs[i].tname);
        if (!g->tname)
            *g = (DefGroup){bdescr_defs[i].tname, (unsigned)i, 0};
        if (g->first + g->n != i)
            ls_die(LS_EXIT_USAGE, "internal error: descr.def: %s's rows are apart", g->tname);
        g->n++;
    }
    grouped = true;
}

void vm_descr_add_attrs(Type *t)
{
    if (!grouped)
        group_defs();
    DefGroup *g = find_group(t->name);
    if (g->tname) {
        for (unsigned i = g->first; i < g->first + g->n; i++) {
            const BDescrDef *def = &bdescr_defs[i];
            Obj *name = vm_str_intern(def->name, strlen(def->name));
            if (vm_dict_get_str(t->dict, name)) {
                DECREF(name);
                continue;
            }
            BDescrObj *d = def->kind == GETSET ? vm_alloc(&vm_getset_descr_type, 0)
                                               : member_alloc();
            d->offset = 0;
            d->def = def;
            d->owner = t;
            d->name = name;
            if (vm_dict_set(t->dict, name, (Obj *)d) < 0)
                ls_die(LS_EXIT_USAGE, "internal error: type setup");
            DECREF(d);
        }
    }
}

Obj *vm_bdescr_new_member(Type *owner, const char *name)
{
    BDescrDef *def = ls_xcalloc(1, sizeof *def);   /* lives as long as its type */
    def->tname = owner->name;
    def->name = name;
    def->kind = MEMBER;
    def->writable = RO;
    BDescrObj *d = member_alloc();
    d->offset = 0;
    d->def = def;
    d->owner = owner;
    d->name = vm_str_intern(name, strlen(name));
    return (Obj *)d;
}

/* The descriptor being read or written through its owner's slot, so that
 * the slot's fallback to the generic lookup (which finds the descriptor
 * again) is seen. */
static Obj *busy_descr, *busy_obj;

static bool applies(BDescrObj *d, Obj *obj)
{
    if (vm_is_subtype(TYPE(obj), d->owner))
        return true;
    vm_err_fmt(&vm_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' "
               "object", d->def->name, d->owner->name, vm_tname(obj));
    return false;
}

Obj *vm_bdescr_get(Obj *o, Obj *obj)
{
    BDescrObj *d = (BDescrObj *)o;
    if (!applies(d, obj))
        return NULL;
    if (d->owner->getattr && !(busy_descr == o && busy_obj == obj)) {
        Obj *pd = busy_descr, *po = busy_obj;
        busy_descr = o;
        busy_obj = obj;
        Obj *r = d->owner->getattr(obj, d->name);
        busy_descr = pd;
        busy_obj = po;
        if (r || vm_err_occurred())
            return r;
    }
    /* not answered by the slot: the instance __dict__ (where a writable
     * attribute the slot does not keep was stored) */
    Obj **dp = vm_dictptr(obj);
    if (dp && vm_str_eqc(d->name, "__dict__")) {
        if (!*dp)
            *dp = vm_dict_new();
        return vm_newref(*dp);
    }
    if (dp && *dp) {
        Obj *v = vm_dict_get_str(*dp, d->name);
        if (v)
            return vm_newref(v);
    }
    /* an exception's members are T_OBJECT: None until set */
    if (d->def->kind == MEMBER && (d->owner->flags & TF_EXC))
        return vm_newref(VM_NONE);
    if (TYPE(obj)->flags & TF_TYPE)
        return vm_err_fmt(&vm_exc_AttributeError, "type object '%s' has no attribute '%s'",
                          ((Type *)obj)->name, d->def->name);
    return vm_err_fmt(&vm_exc_AttributeError, "'%s' object has no attribute '%s'",
                      vm_tname(obj), d->def->name);
}

static int not_writable(BDescrObj *d)
{
    if (d->def->kind == MEMBER)
        vm_err_str(&vm_exc_AttributeError, "readonly attribute");
    else
        vm_err_fmt(&vm_exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                   d->def->name, d->owner->name);
    return -1;
}

int vm_bdescr_set(Obj *o, Obj *obj, Obj *v)
{
    BDescrObj *d = (BDescrObj *)o;
    if (!applies(d, obj))
        return -1;
    if (d->def->writable == RO)
        return not_writable(d);
    if (d->owner->setattr && !(busy_descr == o && busy_obj == obj)) {
        Obj *pd = busy_descr, *po = busy_obj;
        busy_descr = o;
        busy_obj = obj;
        int r = d->owner->setattr(obj, d->name, v);
        busy_descr = pd;
        busy_obj = po;
        return r;
    }
    /* the slot does not keep it: the instance __dict__ */
    Obj **dp = vm_dictptr(obj);
    if (!dp)
        return not_writable(d);
    if (!v) {
        if (!*dp || !vm_dict_get_str(*dp, d->name)) {
            vm_err_obj(&vm_exc_AttributeError, d->name);
            return -1;
        }
        return vm_dict_del(*dp, d->name);
    }
    if (!*dp)
        *dp = vm_dict_new();
    return vm_dict_set(*dp, d->name, v);
}

static void bdescr_dealloc(Obj *o)
{
    DECREF(((BDescrObj *)o)->name);
    vm_obj_free(o);
}

static Obj *bdescr_repr(Obj *o)
{
    BDescrObj *d = (BDescrObj *)o;
    Buf b = BUF_INIT;
    buf_printf(&b, "<%s '%s' of '%s' objects>", d->def->kind == GETSET ? "attribute" : "member",
               d->def->name, d->owner->name);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

/* "T.name" */
static Obj *qualname(Type *owner, const char *name)
{
    Buf b = BUF_INIT;
    buf_printf(&b, "%s.%s", owner->name, name);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

Obj *vm_bdescr_getattr(Obj *o, Obj *name)
{
    BDescrObj *d = (BDescrObj *)o;
    if (vm_str_eqc(name, "__name__"))
        return vm_newref(d->name);
    if (vm_str_eqc(name, "__qualname__"))
        return qualname(d->owner, d->def->name);
    if (vm_str_eqc(name, "__objclass__"))
        return vm_newref((Obj *)d->owner);
    if (vm_str_eqc(name, "__doc__"))
        return d->def->doc ? vm_str_cstr(d->def->doc) : vm_newref(VM_NONE);
    return NULL;
}

/* __get__(obj, type=None): the descriptor itself for obj None */
static Obj *bdescr_get_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__get__", kwnames) < 0 || vm_argc("__get__", nargs, 1, 2) < 0)
        return NULL;
    if (args[0] == VM_NONE) {
        if (nargs < 2 || args[1] == VM_NONE)
            return vm_err_str(&vm_exc_TypeError, "__get__(None, None) is invalid");
        return vm_newref(self);
    }
    return vm_bdescr_get(self, args[0]);
}

static Obj *bdescr_set_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__set__", kwnames) < 0 || vm_argc("__set__", nargs, 2, 2) < 0)
        return NULL;
    return vm_bdescr_set(self, args[0], args[1]) < 0 ? NULL : vm_newref(VM_NONE);
}

static Obj *bdescr_delete_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__delete__", kwnames) < 0 || vm_argc("__delete__", nargs, 1, 1) < 0)
        return NULL;
    return vm_bdescr_set(self, args[0], NULL) < 0 ? NULL : vm_newref(VM_NONE);
}

static const MethodDef bdescr_methods[] = {
    {"__get__", bdescr_get_m},
    {"__set__", bdescr_set_m},
    {"__delete__", bdescr_delete_m},
    {NULL, NULL},
};

Type vm_getset_descr_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "getset_descriptor",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(BDescrObj),
    .dealloc = bdescr_dealloc,
    .repr = bdescr_repr,
    .getattr = vm_bdescr_getattr,
    .methods = bdescr_methods,
};

/* ---- slot wrappers ---- */

Obj *vm_wrapper_new(const char *name, CFunc fn, Type *owner)
{
    BuiltinObj *b = vm_alloc(&vm_wrapper_descr_type, 0);
    b->name = name;
    b->fn = fn;
    b->self = NULL;
    b->owner = owner;
    return (Obj *)b;
}

Obj *vm_wrapper_bind(Obj *descr, Obj *self)
{
    BuiltinObj *d = (BuiltinObj *)descr;
    BuiltinObj *b = vm_alloc(&vm_method_wrapper_type, 0);
    b->name = d->name;
    b->fn = d->fn;
    b->self = vm_newref(self);
    b->owner = d->owner;
    return (Obj *)b;
}

static void wrapper_dealloc(Obj *o)
{
    XDECREF(((BuiltinObj *)o)->self);
    vm_obj_free(o);
}

static Obj *wrapper_call(Obj *o, Obj *const *args, size_t nargs, Obj *kwnames)
{
    BuiltinObj *b = (BuiltinObj *)o;
    vm_calling_owner = b->owner;
    if (b->self)
        return b->fn(b->self, args, nargs, kwnames);
    size_t npos = nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0);
    if (npos == 0)
        return vm_err_fmt(&vm_exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                          b->name, b->owner->name);
    if (!vm_is_subtype(TYPE(args[0]), b->owner))
        return vm_err_fmt(&vm_exc_TypeError, "descriptor '%s' requires a '%s' object but "
                          "received a '%s'", b->name, b->owner->name, vm_tname(args[0]));
    return b->fn(args[0], args + 1, nargs - 1, kwnames);
}

static Obj *wrapper_repr(Obj *o)
{
    BuiltinObj *b = (BuiltinObj *)o;
    Buf s = BUF_INIT;
    if (b->self)
        buf_printf(&s, "<method-wrapper '%s' of %s object at %p>", b->name, vm_tname(b->self),
                   (void *)b->self);
    else
        buf_printf(&s, "<slot wrapper '%s' of '%s' objects>", b->name, b->owner->name);
    Obj *r = vm_str_new(s.data, s.len);
    buf_free(&s);
    return r;
}

static Obj *wrapper_getattr(Obj *o, Obj *name)
{
    BuiltinObj *b = (BuiltinObj *)o;
    if (vm_str_eqc(name, "__name__"))
        return vm_str_cstr(b->name);
    if (vm_str_eqc(name, "__qualname__"))
        return qualname(b->owner, b->name);
    if (vm_str_eqc(name, "__objclass__"))
        return vm_newref((Obj *)b->owner);
    if (vm_str_eqc(name, "__self__") && b->self)
        return vm_newref(b->self);
    if (vm_str_eqc(name, "__text_signature__"))
        return vm_newref(VM_NONE);
    return NULL;
}

Obj *vm_cdescr_get(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                   Obj *(*bind)(Obj *d, Obj *obj))
{
    if (vm_nokw("__get__", kwnames) < 0 || vm_argc("__get__", nargs, 1, 2) < 0)
        return NULL;
    BuiltinObj *b = (BuiltinObj *)self;
    if (args[0] == VM_NONE) {
        if (nargs < 2 || args[1] == VM_NONE)
            return vm_err_str(&vm_exc_TypeError, "__get__(None, None) is invalid");
        return vm_newref(self);
    }
    if (!vm_is_subtype(TYPE(args[0]), b->owner))
        return vm_err_fmt(&vm_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply "
                          "to a '%s' object", b->name, b->owner->name, vm_tname(args[0]));
    return bind(self, args[0]);
}

/* wrapper_descriptor.__get__(obj, type=None) */
static Obj *wrapper_get_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_cdescr_get(self, args, nargs, kwnames, vm_wrapper_bind);
}

static const MethodDef wrapper_methods[] = {
    {"__get__", wrapper_get_m},
    {NULL, NULL},
};

Type vm_wrapper_descr_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "wrapper_descriptor",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(BuiltinObj),
    .dealloc = wrapper_dealloc,
    .repr = wrapper_repr,
    .call = wrapper_call,
    .getattr = wrapper_getattr,
    .methods = wrapper_methods,
};

/* method-wrapper: equal when bound to the same object by the same
 * wrapper, as CPython's */
static Obj *mwrapper_richcmp(Obj *a, Obj *b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || TYPE(b) != &vm_method_wrapper_type)
        return vm_newref(VM_NOTIMPL);
    BuiltinObj *x = (BuiltinObj *)a, *y = (BuiltinObj *)b;
    bool eq = x->self == y->self && x->fn == y->fn && x->owner == y->owner;
    return VM_BOOL(op == CMP_EQ ? eq : !eq);
}

static int mwrapper_hash(Obj *o, int64_t *out)
{
    BuiltinObj *b = (BuiltinObj *)o;
    int64_t h;
    if (vm_hash(b->self, &h) < 0)
        return -1;
    *out = h ^ (int64_t)((uintptr_t)b->fn >> 4);
    if (*out == -1)
        *out = -2;
    return 0;
}

Type vm_method_wrapper_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "method-wrapper",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(BuiltinObj),
    .dealloc = wrapper_dealloc,
    .repr = wrapper_repr,
    .richcmp = mwrapper_richcmp,
    .hash = mwrapper_hash,
    .call = wrapper_call,
    .getattr = wrapper_getattr,
};
