/* cmd/pyvm/genericalias.h: types.GenericAlias, what list[int] and the
 * like evaluate to (PEP 585).
 *
 * Stage: pyvm.
 */
#ifndef VM_GENERICALIAS_H
#define VM_GENERICALIAS_H

#include "cmd/pyvm/object.h"

extern Type vm_generic_alias_type;

/* GenericAlias.__new__(cls, origin, args), for subclasses too. */
Obj *vm_generic_alias_new_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
/* origin[args] (args: the subscript as given, a tuple or one item). */
Obj *vm_generic_alias_new(Obj *origin, Obj *args) LS_MUST_CHECK;
/* Does origin (list, dict, tuple, set, frozenset, type or a subclass)
 * support origin[...]? */
bool vm_generic_alias_origin(Type *origin);

#endif
