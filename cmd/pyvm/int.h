/* cmd/pyvm/int.h: int (arbitrary precision, with an int64 fast path) and
 * bool.
 *
 * Stage: pyvm.  A value that fits in int64_t is always stored small
 * (n == 0, in v); larger ones as a sign and a magnitude of base-2^32 digits,
 * least significant first, with no leading zero digit.  So two equal ints
 * have the same form, and the fast paths only test n.
 */
#ifndef VM_INT_H
#define VM_INT_H

#include "cmd/pyvm/object.h"

typedef struct IntObj {
    Obj ob;
    int64_t v;              /* the value, when n == 0 */
    int32_t n;              /* 0: small; else the number of magnitude digits */
    int32_t sign;           /* -1 or +1 when n > 0 */
    uint32_t d[];           /* the magnitude, least significant digit first */
} IntObj;

extern Type vm_int_type, vm_bool_type;
extern IntObj vm_true_obj, vm_false_obj;
#define VM_TRUE ((Obj *)&vm_true_obj)
#define VM_FALSE ((Obj *)&vm_false_obj)
#define VM_BOOL(c) ((c) ? vm_newref(VM_TRUE) : vm_newref(VM_FALSE))

#define INT_CHECK(o) HAS_FLAG(o, TF_INT)
#define INT_IS_SMALL(o) (((IntObj *)(o))->n == 0)
#define INT_SMALL(o) (((IntObj *)(o))->v)
/* The values with one shared object each (made once, as CPython's small
 * ints): an operation whose result is in this range returns that object. */
#define VM_INT_SHARED_MIN (-5)
#define VM_INT_SHARED_MAX 256

/* Limits of CPython 3.11's int/str conversion (sys.int_info). */
#define VM_INT_MAX_STR_DIGITS 4300
/* The current limit (sys.set_int_max_str_digits); 0: none. */
extern int vm_int_max_str_digits;

Obj *vm_int_from_i64(int64_t v) LS_MUST_CHECK;
/* Parse digits (int() rules: spaces, sign, underscores, base prefixes when
 * base is 0).  ValueError naming the literal on failure. */
Obj *vm_int_from_str(const char *s, size_t len, int base) LS_MUST_CHECK;
/* The int nearest below a finite double (int(3.7) == 3); errors for inf/nan. */
Obj *vm_int_from_double(double d) LS_MUST_CHECK;
/* Value as int64; -1 with OverflowError when it does not fit. */
int vm_int_as_i64(Obj *o, int64_t *out) LS_MUST_CHECK;
/* Value as a double; -1 with OverflowError when too large. */
int vm_int_as_double(Obj *o, double *out) LS_MUST_CHECK;
/* frexp of an int of any size: m in [0.5, 1) (signed), correctly rounded
 * to 53 bits, with o ~ m * 2**(*e); 0 gives 0.0 and 0. */
double vm_int_frexp(Obj *o, int64_t *e);
/* Compare two ints: -1, 0, 1. */
int vm_int_cmp(Obj *a, Obj *b);
/* Decimal text of an int appended to a Buf; -1 with ValueError over the limit. */
struct Buf;
int vm_int_format(struct Buf *b, Obj *o) LS_MUST_CHECK;
/* Digits of an int in base 2, 8 or 16 (sign first, no prefix). */
int vm_int_format_base(struct Buf *b, Obj *o, int base, bool upper) LS_MUST_CHECK;
/* Index for sequences: o must be an int (or bool).  TypeError otherwise. */
int vm_index(Obj *o, int64_t *out, const char *what) LS_MUST_CHECK;
/* operator.index(o) as an int64 clamped to [-INT64_MAX, INT64_MAX] (as
 * CPython's PyNumber_AsSsize_t(o, NULL)): round()'s ndigits. */
int vm_index_clamped(Obj *o, int64_t *out) LS_MUST_CHECK;
/* operator.index(o): o itself when an int, else its __index__() result (a
 * new reference); TypeError "'X' object cannot be interpreted as an
 * integer" when o has none. */
Obj *vm_number_index(Obj *o) LS_MUST_CHECK;
/* The int's arithmetic, for the float and eval fast paths. */
Obj *vm_int_binop(Obj *a, Obj *b, int op) LS_MUST_CHECK;

/* pow(v, w, z) with CPython's three-way dispatch (v's type, then w's,
 * then z's); z None is plain v ** w.  pow(int, int, int) is modular
 * exponentiation (int.c); float's and complex's refuse a modulus. */
Obj *vm_number_pow3(Obj *v, Obj *w, Obj *z) LS_MUST_CHECK;
/* The body of owner.__pow__(self, value, mod=None) (reflected: __rpow__)
 * for int, bool, float and complex. */
Obj *vm_number_pow_method(Type *owner, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames, bool reflected) LS_MUST_CHECK;

/* Number of bits of |o| (int.bit_length()). */
int64_t vm_int_bit_length(Obj *o);

void vm_int_init(void);

/* int.from_bytes(bytes, byteorder, *, signed), installed as a class method
 * by class.c. */
Obj *vm_int_from_bytes(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;

#endif
