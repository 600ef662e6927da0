/* cmd/pyvm/set.h: set and frozenset, with CPython 3.11's hash table
 * (linear probes, then perturbation; the same growth policy), so a set
 * of ints or tuples iterates and prints in CPython's order.
 *
 * Stage: pyvm.
 */
#ifndef VM_SET_H
#define VM_SET_H

#include "cmd/pyvm/object.h"

typedef struct SetEntry {
    Obj *key;               /* NULL: never used; the dummy: deleted */
    int64_t hash;           /* -1 for a deleted slot */
} SetEntry;

typedef struct SetObj {
    Obj ob;
    ssize_t fill;           /* active + dummy entries */
    ssize_t used;           /* active entries */
    size_t mask;            /* table size - 1 */
    SetEntry *table;        /* mask + 1 entries */
    size_t finger;          /* where pop() looks first */
    int64_t hash;           /* frozenset: cached hash, -1 until computed */
} SetObj;

extern Type vm_set_type, vm_frozenset_type;

/* set, frozenset or a class derived from one */
#define SET_CHECK(o) (TYPE(o) == &vm_set_type || TYPE(o) == &vm_frozenset_type \
    || ((TYPE(o)->flags & TF_HEAP) && (vm_is_subtype(TYPE(o), &vm_set_type) \
                                      || vm_is_subtype(TYPE(o), &vm_frozenset_type))))

/* A new empty set (or frozenset). */
Obj *vm_set_new(Type *t) LS_MUST_CHECK;
/* Set up the empty table of a freshly allocated set (or subclass). */
void vm_set_init_empty(Obj *s);
int vm_set_add(Obj *set, Obj *key) LS_MUST_CHECK;
/* set.update(iterable) */
int vm_set_update(Obj *set, Obj *iterable) LS_MUST_CHECK;

#endif
