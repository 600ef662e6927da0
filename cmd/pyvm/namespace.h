/* cmd/pyvm/namespace.h: types.SimpleNamespace (the type of
 * sys.implementation, sys.flags-like records of pyvm).
 *
 * Stage: pyvm.
 */
#ifndef VM_NAMESPACE_H
#define VM_NAMESPACE_H

#include "cmd/pyvm/object.h"

typedef struct NamespaceObj {
    Obj ob;
    Obj *dict;              /* the attributes */
} NamespaceObj;

extern Type vm_namespace_type;

/* A new empty namespace. */
Obj *vm_namespace_new(void) LS_MUST_CHECK;
/* Set an attribute (for C callers building records); steals v. */
void vm_namespace_set(Obj *ns, const char *name, Obj *v);

#endif
