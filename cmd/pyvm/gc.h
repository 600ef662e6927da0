/* cmd/pyvm/gc.h: the cycle collector.
 *
 * Stage: pyvm.  Reference counting frees everything that is not part of a
 * reference cycle; this collector finds the cycles.  Every object of a
 * container type (flag TF_GC: lists, dicts, tuples, sets, functions,
 * cells, instances, classes, generators, ...) carries a header linking it
 * into one list.  A collection (CPython's algorithm): copy each object's
 * refcount, subtract the references coming from other tracked objects
 * (the type's traverse slot), keep what is still referenced from outside
 * and everything reachable from it; what is left is garbage: its
 * references are dropped (the clear slot), which frees it.
 *
 * Collections run from allocation, when the number of tracked objects has
 * grown by max(10000, the survivors of the last collection) since then.
 */
#ifndef VM_GC_H
#define VM_GC_H

#include "cmd/pyvm/object.h"

/* Allocate size bytes for an object of a TF_GC type, tracked. */
void *vm_gc_alloc(size_t size);
/* As vm_gc_alloc, but NULL (nothing raised) when there is no memory. */
void *vm_gc_try_alloc(size_t size);
/* Untrack and free (called for TF_GC types by vm_obj_free). */
void vm_gc_free(Obj *o);
/* Take o off the collector's list (first thing when it is being freed, so
 * a collection that runs during its dealloc never sees it half gone), and
 * put it back (an object resurrected by its dealloc). */
void vm_gc_untrack(Obj *o);
void vm_gc_track(Obj *o);
/* Run a collection now; returns the number of objects freed. */
size_t vm_gc_collect(void);
/* --gc-stress style testing: collect on every tracked allocation. */
extern bool vm_gc_stress;
/* Automatic collections run (gc.enable/gc.disable; collect() always runs). */
extern bool vm_gc_enabled;

#endif
