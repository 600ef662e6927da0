/* cmd/pyvm/range.h: range and its iterators.
 *
 * Stage: pyvm.  A range whose bounds, step and length all fit in int64 is
 * "small" and computes with C integers; any other keeps int objects as
 * well (big), like CPython's longrangeiterator.  The eval loop's FOR_ITER
 * has a fast path for RangeIter (small ranges only).
 */
#ifndef VM_RANGE_H
#define VM_RANGE_H

#include "cmd/pyvm/object.h"

typedef struct RangeObj {
    Obj ob;
    int64_t start, stop, step;  /* step != 0 (small ranges only) */
    int64_t len;                /* number of items (small ranges only) */
    Obj *big[4];                /* big ranges: start, stop, step, len as ints; else NULLs */
} RangeObj;

typedef struct RangeIter {
    Obj ob;
    int64_t next;               /* the next value */
    int64_t step;
    int64_t left;               /* items still to produce */
} RangeIter;

extern Type vm_range_type, vm_rangeiter_type;

#endif
