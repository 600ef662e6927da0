/* cmd/pyvm/mod_weakref.h: weak references (the _weakref module).
 *
 * Stage: pyvm.
 */
#ifndef VM_MOD_WEAKREF_H
#define VM_MOD_WEAKREF_H

#include <stddef.h>
#include "cmd/pyvm/object.h"

/* Entries in the weak reference table; 0 when nothing was ever weakly
 * referenced (vm_dealloc skips the lookup). */
extern size_t vm_weak_live;
/* o is being freed: if it is a referent, clear its refs and run their
 * callbacks; if it is a ref, forget it. */
void vm_weak_dead(Obj *o);

#endif
