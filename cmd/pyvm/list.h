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
/* list(iterable). */
Obj *vm_list_from_iter(Obj *iterable) LS_MUST_CHECK;
/* list.extend(iterable). */
int vm_list_extend(Obj *list, Obj *iterable) LS_MUST_CHECK;
/* Sort in place with the < operator (stable), optionally by key results. */
int vm_list_sort(Obj *list, Obj *key, bool reverse) LS_MUST_CHECK;

#endif
