/* cmd/pyvm/list.h: list, a growable array of references.
 *
 * Stage: pyvm.
 */
#ifndef VM_LIST_H
#define VM_LIST_H

#include "cmd/pyvm/object.h"

typedef struct ListObj {
    Obj ob;
    ssize_t len;            /* items in use */
    ssize_t cap;            /* items allocated */
    Obj **items;            /* owned references */
} ListObj;

extern Type vm_list_type;

#define LIST_CHECK(o) HAS_FLAG(o, TF_LIST)
#define LIST_LEN(o) (((ListObj *)(o))->len)
#define LIST_ITEMS(o) (((ListObj *)(o))->items)

/* A list of n items, all NULL (the caller fills every slot) when n > 0. */
Obj *vm_list_new(ssize_t n) LS_MUST_CHECK;
/* Append v (not stolen). */
void vm_list_append(Obj *list, Obj *v);
/* As vm_list_append, but -1 with MemoryError when the list cannot grow
 * (vm_list_append ends pyvm with "out of memory"). */
int vm_list_try_append(Obj *list, Obj *v) LS_MUST_CHECK;
/* list(iterable). */
Obj *vm_list_from_iter(Obj *iterable) LS_MUST_CHECK;
/* list.extend(iterable). */
int vm_list_extend(Obj *list, Obj *iterable) LS_MUST_CHECK;
/* Sort in place with the < operator (stable), optionally by key results. */
int vm_list_sort(Obj *list, Obj *key, bool reverse) LS_MUST_CHECK;
/* The reverse= argument of sort()/sorted(): an int (or __index__), as
 * CPython's; 1, 0, or -1 with TypeError ("'NoneType' object cannot be
 * interpreted as an integer"). */
int vm_sort_reverse_arg(Obj *v) LS_MUST_CHECK;
/* A start/stop argument of list/tuple/range index(): an int or __index__,
 * clamped to the ssize_t range (CPython's _PyEval_SliceIndexNotNone). */
int vm_clamped_index(Obj *o, int64_t *out) LS_MUST_CHECK;
/* A repeat count for seq * n: OverflowError "cannot fit 'int' into an
 * index-sized integer" when n is out of range. */
int vm_repeat_count(Obj *n, int64_t *out) LS_MUST_CHECK;

#endif
