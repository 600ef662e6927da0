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
/* The cycle collector found o unreachable (gc.c): clear its refs before
 * any finalizer runs, and call back those that are not garbage too. */
void vm_weak_clear_garbage(Obj *o, bool (*is_garbage)(Obj *r));

#endif
