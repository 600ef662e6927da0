/* cmd/pyvm/descr.h: the descriptor types of built-in types: getset and
 * member descriptors for their data attributes (int.real, slice.start,
 * BaseException.args: one table, descr.def), and slot wrappers
 * (int.__add__, a wrapper_descriptor) with their bound form (method-wrapper).
 *
 * Stage: pyvm.  A built-in type keeps its data attributes in its getattr
 * and setattr slots; the descriptors put them into the type's __dict__ (so
 * dir(), T.__dict__, inspect and T.attr see them as CPython's do) and read
 * and write them through those slots.
 */
#ifndef VM_DESCR_H
#define VM_DESCR_H

#include "cmd/pyvm/func.h"
#include "cmd/pyvm/object.h"

/* A getset_descriptor, or a member_descriptor of a built-in type: the
 * latter is an instance of class.c's vm_member_descr_type (the __slots__
 * descriptors' type, as CPython has one), its fields laid out as class.c's
 * MemberObj up to offset, which is 0 here and never 0 there. */
typedef struct BDescrObj {
    Obj ob;
    Obj *name;              /* __name__ (interned str) */
    Type *owner;            /* __objclass__ (a built-in type: immortal) */
    size_t offset;          /* always 0: tells class.c's members from these */
    const struct BDescrDef *def;    /* its row of descr.def (descr.c) */
} BDescrObj;

extern Type vm_getset_descr_type, vm_member_descr_type;
/* Slot wrappers: unbound (wrapper_descriptor) and bound (method-wrapper);
 * both have BuiltinObj's layout and calling convention (func.h). */
extern Type vm_wrapper_descr_type, vm_method_wrapper_type;

#define VM_BDESCR_CHECK(o) (TYPE(o) == &vm_getset_descr_type \
    || (TYPE(o) == &vm_member_descr_type && ((BDescrObj *)(o))->offset == 0))

/* A method of a built-in type called with self first: a method_descriptor
 * or a wrapper_descriptor. */
static inline bool vm_cdescr_check(Obj *o)
{
    return TYPE(o) == &vm_method_descr_type || TYPE(o) == &vm_wrapper_descr_type;
}

/* descr.__get__(obj, type=None) of a method or wrapper descriptor: itself
 * for obj None, else bind(descr, obj) after checking obj's type. */
Obj *vm_cdescr_get(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                   Obj *(*bind)(Obj *d, Obj *obj)) LS_MUST_CHECK;

/* Add t's rows of descr.def to t->dict (names already there are kept). */
void vm_descr_add_attrs(Type *t);

/* A read-only member descriptor of owner named name (a string that lives
 * as long as pyvm), answered by owner's getattr slot: struct sequence
 * fields. */
Obj *vm_bdescr_new_member(Type *owner, const char *name) LS_MUST_CHECK;

/* The __name__, __qualname__, __objclass__ and __doc__ of one; NULL for
 * other names. */
Obj *vm_bdescr_getattr(Obj *d, Obj *name);

/* descr.__get__(obj) for obj not None; descr.__set__(obj, v) (v NULL:
 * __delete__).  Errors as CPython's. */
Obj *vm_bdescr_get(Obj *d, Obj *obj) LS_MUST_CHECK;
int vm_bdescr_set(Obj *d, Obj *obj, Obj *v) LS_MUST_CHECK;

/* A slot wrapper of type owner named name (a static string). */
Obj *vm_wrapper_new(const char *name, CFunc fn, Type *owner) LS_MUST_CHECK;
/* A wrapper_descriptor bound to self: a method-wrapper. */
Obj *vm_wrapper_bind(Obj *descr, Obj *self) LS_MUST_CHECK;

#endif
