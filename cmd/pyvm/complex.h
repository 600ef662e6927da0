/* cmd/pyvm/complex.h: complex, a pair of IEEE doubles, with CPython's
 * arithmetic (Smith's division, integer powers by squaring), repr and hash.
 *
 * Stage: pyvm.
 */
#ifndef VM_COMPLEX_H
#define VM_COMPLEX_H

#include "cmd/pyvm/object.h"

typedef struct ComplexObj {
    Obj ob;
    double re;              /* the real part */
    double im;              /* the imaginary part */
} ComplexObj;

extern Type vm_complex_type;

/* complex or a class derived from it */
#define COMPLEX_CHECK(o) (TYPE(o) == &vm_complex_type \
    || ((TYPE(o)->flags & TF_HEAP) && vm_is_subtype(TYPE(o), &vm_complex_type)))

Obj *vm_complex_new(double re, double im) LS_MUST_CHECK;
/* x ** y for doubles as complex numbers (float's power with a negative base
 * and a fractional exponent). */
Obj *vm_complex_pow_dd(double x, double y) LS_MUST_CHECK;

#endif
