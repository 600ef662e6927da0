/* cmd/pyvm/union.h: types.UnionType, what `int | str` evaluates to
 * (PEP 604).
 *
 * Stage: pyvm.
 */
#ifndef VM_UNION_H
#define VM_UNION_H

#include "cmd/pyvm/object.h"

extern Type vm_union_type;

/* The binop slot of type (and of unions): a | b for classes, None,
 * generic aliases and unions; NotImplemented for anything else. */
Obj *vm_union_or(Obj *a, Obj *b, int op) LS_MUST_CHECK;

#endif
