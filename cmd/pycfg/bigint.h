/* cmd/pycfg/bigint.h: arbitrary-precision integers for constant folding.
 *
 * Stage: pycfg (fold.c).  Python int semantics for + - * // % ** << >> & | ^
 * and ~, on values written as decimal strings (Const's CONST_INT form).
 * Small and simple, not fast: folded constants are at most a few hundred
 * bits (CPython's MAX_INT_SIZE limits what is folded).
 */
#ifndef PYCFG_BIGINT_H
#define PYCFG_BIGINT_H

#include <stdbool.h>
#include <stdint.h>
#include "libstage/arena.h"

/* A Python int: sign and magnitude, 32-bit limbs, least significant first;
 * zero has n == 0 and neg == false. */
typedef struct CfgBig {
    bool neg;          /* negative */
    int n;             /* limbs used (no leading zero limbs) */
    uint32_t *d;       /* the limbs, arena-allocated */
} CfgBig;

/* Parse "-123" (decimal digits, optional '-').  False when malformed. */
bool cfg_big_parse(Arena *a, const char *s, CfgBig *out);
/* The decimal string of x. */
char *cfg_big_str(Arena *a, const CfgBig *x);
void cfg_big_from_i64(Arena *a, int64_t v, CfgBig *out);
/* Bits of |x| (Python's int.bit_length()). */
long cfg_big_bits(const CfgBig *x);
/* x as the nearest double (half to even), as Python's float(x); false
 * when it overflows. */
bool cfg_big_to_double(const CfgBig *x, double *out);
/* x / y correctly rounded, as Python's int true division; false on
 * division by zero or a result out of the float range. */
bool cfg_big_truediv(Arena *a, const CfgBig *x, const CfgBig *y, double *out);
/* x as int64 when it fits. */
bool cfg_big_to_i64(const CfgBig *x, int64_t *out);

/* The operators; op is one of '+', '-', '*', '/' (floor division), '%',
 * 'p' (power, y >= 0), '<', '>' (shifts, y >= 0), '&', '|', '^'.  False when
 * Python would raise (division by zero, negative shift or exponent). */
bool cfg_big_binop(Arena *a, int op, const CfgBig *x, const CfgBig *y, CfgBig *out);
void cfg_big_neg(const CfgBig *x, CfgBig *out);
void cfg_big_invert(Arena *a, const CfgBig *x, CfgBig *out);

#endif
