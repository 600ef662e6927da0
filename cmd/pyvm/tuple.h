/* cmd/pyvm/tuple.h: tuple, an immutable array of references.
 *
 * Stage: pyvm.
 */
#ifndef VM_TUPLE_H
#define VM_TUPLE_H

#include "cmd/pyvm/object.h"

typedef struct TupleObj {
    Obj ob;
    ssize_t len;            /* number of items */
    int64_t hash;           /* cached hash, -1 until computed */
    Obj *items[];           /* owned references */
} TupleObj;

extern Type vm_tuple_type;

#define TUPLE_CHECK(o) HAS_FLAG(o, TF_TUPLE)
#define TUPLE_LEN(o) (((TupleObj *)(o))->len)
#define TUPLE_ITEMS(o) (((TupleObj *)(o))->items)

/* A tuple of n items, all NULL: the caller fills every slot. */
Obj *vm_tuple_new(ssize_t n) LS_MUST_CHECK;
/* A tuple of copies of n references. */
Obj *vm_tuple_from(Obj *const *items, ssize_t n) LS_MUST_CHECK;
/* repr() of a sequence of items between open and close, for tuple and list. */
Obj *vm_seq_repr(Obj *const *items, ssize_t n, const char *open, const char *close,
                 bool one_comma) LS_MUST_CHECK;
/* CPython's Py_ReprEnter/Py_ReprLeave: 1 when o's repr is already in
 * progress (the caller prints "..."), else 0 and o is marked until
 * vm_repr_leave(o).  Depth is bounded by vm_repr's recursion check. */
int vm_repr_enter(Obj *o);
void vm_repr_leave(Obj *o);
/* A method calling a type's binop slot: an in-place (__iadd__: op +
 * NB_INPLACE_FIRST) or reflected (__rmul__: REFL true, self on the right)
 * operator dunder that object.c's slot wrappers do not provide. */
#define VM_BINOP_METHOD(FN, DUNDER, SLOT, OP, REFL)                                 \
    static Obj *FN(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)         \
    {                                                                               \
        if (vm_nokw(DUNDER, kwnames) < 0 || vm_argc(DUNDER, nargs, 1, 1) < 0)       \
            return NULL;                                                            \
        return (REFL) ? SLOT(args[0], self, (OP)) : SLOT(self, args[0], (OP));      \
    }
/* Lexicographic rich comparison of two item arrays. */
/* An iterator over a tuple or list. */
Obj *vm_seq_iter(Obj *seq) LS_MUST_CHECK;

Obj *vm_seq_richcmp(Obj *const *a, ssize_t an, Obj *const *b, ssize_t bn, int op) LS_MUST_CHECK;

#endif
