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
 * references are dropped (the clear slot), which frees it.  Finalizers
 * (__del__, PEP 442) run first, once per object, and objects they make
 * reachable again survive (gc.c has the order).
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
/* o's refcount reached zero and its type has a finalizer (__del__, a
 * generator's close): run it unless it ran before (PEP 442).  True: the
 * finalizer resurrected o (it is alive, and never finalized again); false:
 * free o now.  Called by vm_dealloc before weak references are cleared. */
bool vm_gc_finalize_dealloc(Obj *o);
/* Run a collection now; returns the number of objects freed. */
size_t vm_gc_collect(void);
/* At exit, after the atexit callbacks: drop the modules and collect, so
 * the __del__ of what the program left alive runs (as CPython). */
void vm_gc_at_exit(void);
/* gc.callbacks (a list, set by mod_gc.c): called with ("start", info)
 * and ("stop", info) around each collection. */
extern Obj *vm_gc_callbacks;
/* Collections run and objects they freed, for gc.get_stats(). */
extern size_t vm_gc_collections, vm_gc_collected;
/* gc.is_finalized(o): o's finalizer ran and o lives on (PEP 442). */
bool vm_gc_is_finalized(Obj *o);
/* Call fn on every tracked object (gc.get_objects, gc.get_referrers);
 * fn must not allocate tracked objects or free any. */
void vm_gc_each(void (*fn)(Obj *o, void *arg), void *arg);
/* --gc-stress style testing: collect on every tracked allocation. */
extern bool vm_gc_stress;
/* Automatic collections run (gc.enable/gc.disable; collect() always runs). */
extern bool vm_gc_enabled;

#endif
