/* cmd/pyvm/namespace.c: types.SimpleNamespace: attribute access over a
 * dict, keyword construction, namespace(a=1, b=2) repr, equality by
 * attributes.
 *
 * Stage: pyvm.
 */
#include "cmd/pyvm/namespace.h"

#include <stddef.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

Obj *vm_namespace_new(void)
{
    NamespaceObj *n = vm_alloc(&vm_namespace_type, 0);
    n->dict = vm_dict_new();
    return (Obj *)n;
}

void vm_namespace_set(Obj *ns, const char *name, Obj *v)
{
    if (!v || vm_dict_set_cstr(((NamespaceObj *)ns)->dict, name, v) < 0)
        ls_die(LS_EXIT_USAGE, "internal error: namespace setup");
    DECREF(v);
}

static void ns_dealloc(Obj *o)
{
    XDECREF(((NamespaceObj *)o)->dict);
    vm_obj_free(o);
}

static void ns_traverse(Obj *o, VisitFn visit, void *arg)
{
    VISIT(((NamespaceObj *)o)->dict);
}

static void ns_clear(Obj *o)
{
    CLEAR(((NamespaceObj *)o)->dict);
}

static Obj *ns_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0, npos = nargs - nkw;
    if (npos > 0)       /* 3.11: keywords only (a mapping argument is 3.13's) */
        return vm_err_str(&vm_exc_TypeError, "no positional arguments expected");
    Type *t = (Type *)self;
    NamespaceObj *n = vm_alloc(t, 0);
    n->dict = vm_dict_new();
    for (size_t i = 0; i < nkw; i++)
        if (vm_dict_set(n->dict, TUPLE_ITEMS(kwnames)[i], args[npos + i]) < 0) {
            DECREF(n);
            return NULL;
        }
    return (Obj *)n;
}

static Obj *ns_repr(Obj *o)
{
    NamespaceObj *n = (NamespaceObj *)o;
    const char *name = TYPE(o) == &vm_namespace_type ? "namespace" : TYPE(o)->name;
    if (!vm_recursion_enter(" while getting the repr of an object"))
        return NULL;
    Buf b = BUF_INIT;
    buf_printf(&b, "%s(", name);
    ssize_t pos = 0;
    Obj *k, *v;
    bool first = true;
    while (vm_dict_next(n->dict, &pos, &k, &v)) {
        if (!STR_CHECK(k))
            continue;
        Obj *r = vm_repr(v);
        if (!r) {
            buf_free(&b);
            vm_recursion_leave();
            return NULL;
        }
        buf_printf(&b, "%s%s=%s", first ? "" : ", ", STR_DATA(k), STR_DATA(r));
        DECREF(r);
        first = false;
    }
    vm_recursion_leave();
    buf_putc(&b, ')');
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *ns_richcmp(Obj *a, Obj *b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !vm_is_subtype(TYPE(b), &vm_namespace_type)
        || !vm_is_subtype(TYPE(a), &vm_namespace_type))
        return vm_newref(VM_NOTIMPL);
    return vm_richcmp(((NamespaceObj *)a)->dict, ((NamespaceObj *)b)->dict, op);
}

Type vm_namespace_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "SimpleNamespace",
    .base = &vm_object_type,
    .flags = TF_GC,
    .basicsize = sizeof(NamespaceObj),
    .dealloc = ns_dealloc,
    .traverse = ns_traverse,
    .clear = ns_clear,
    .repr = ns_repr,
    .richcmp = ns_richcmp,
    .construct = ns_construct,
    .dictoffset = offsetof(NamespaceObj, dict),
};
