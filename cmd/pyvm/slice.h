/* cmd/pyvm/slice.h: slice objects and clipping them to a length.
 *
 * Stage: pyvm.
 */
#ifndef VM_SLICE_H
#define VM_SLICE_H

#include "cmd/pyvm/object.h"

typedef struct SliceObj {
    Obj ob;
    Obj *start, *stop, *step;   /* each an object (None when absent) */
} SliceObj;

extern Type vm_slice_type;

#define SLICE_CHECK(o) (TYPE(o) == &vm_slice_type)

Obj *vm_slice_new(Obj *start, Obj *stop, Obj *step) LS_MUST_CHECK;
/* Clip s to a sequence of length len as slice.indices() does; *n is the
 * number of selected items. */
int vm_slice_indices(Obj *s, ssize_t len, ssize_t *start, ssize_t *stop,
                     ssize_t *step, ssize_t *n) LS_MUST_CHECK;

#endif
