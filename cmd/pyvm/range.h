/* cmd/pyvm/range.h: range and its iterator (bounds that fit in int64).
 *
 * Stage: pyvm.  The eval loop's FOR_ITER has a fast path for RangeIter.
 */
#ifndef VM_RANGE_H
#define VM_RANGE_H

#include "cmd/pyvm/object.h"

typedef struct RangeObj {
    Obj ob;
    int64_t start, stop, step;  /* step != 0 */
    int64_t len;                /* number of items */
} RangeObj;

typedef struct RangeIter {
    Obj ob;
    int64_t next;               /* the next value */
    int64_t step;
    int64_t left;               /* items still to produce */
} RangeIter;

extern Type vm_range_type, vm_rangeiter_type;

#endif
