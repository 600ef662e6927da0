/* cmd/pyvm/float.h: float (an IEEE double) with CPython's repr (shortest
 * round-trip), arithmetic, comparisons with ints and hashing.
 *
 * Stage: pyvm.
 */
#ifndef VM_FLOAT_H
#define VM_FLOAT_H

#include "cmd/pyvm/object.h"

typedef struct FloatObj {
    Obj ob;
    double v;               /* the value */
} FloatObj;

extern Type vm_float_type;

#define FLOAT_CHECK(o) HAS_FLAG(o, TF_FLOAT)
#define FLOAT_VAL(o) (((FloatObj *)(o))->v)

Obj *vm_float_new(double v) LS_MUST_CHECK;
/* repr(float) appended to a Buf. */
struct Buf;
void vm_float_format(struct Buf *b, double v);
/* Parse float() text; ValueError on failure. */
Obj *vm_float_from_str(const char *s, size_t len) LS_MUST_CHECK;
/* Hash of a double as CPython (integral values hash as the int). */
int64_t vm_float_hash(double v);

/* float.fromhex(string), installed as a class method by class.c. */
Obj *vm_float_fromhex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;
Obj *vm_float_getformat(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;

#endif
