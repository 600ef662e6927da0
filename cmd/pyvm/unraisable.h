/* cmd/pyvm/unraisable.h: exceptions that cannot propagate (raised by a
 * __del__, a weakref callback, a generator's close() on dealloc, an atexit
 * callback) go to sys.unraisablehook.
 *
 * Stage: pyvm.
 */
#ifndef VM_UNRAISABLE_H
#define VM_UNRAISABLE_H

#include "cmd/pyvm/object.h"

/* Take the pending exception (nothing happens when there is none) and
 * hand it to sys.unraisablehook with an UnraisableHookArgs record: obj is
 * where it escaped from (e.g. the __del__ function), or NULL; msg the
 * err_msg, or NULL for CPython's default "Exception ignored in".  Leaves
 * no exception pending. */
void vm_unraisable(const char *msg, Obj *obj);

/* sys.unraisablehook's default (also sys.__unraisablehook__): writes
 * "Exception ignored in: repr(object)" and the traceback to sys.stderr. */
Obj *vm_sys_unraisablehook(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
    LS_MUST_CHECK;

#endif
