/* libstage/repr.h: Python's repr() of constants, and reading it back.
 *
 * Every textual format that carries a Python value writes it as CPython's
 * repr() would (token strings, AST constants, CFG constants), so one writer
 * and one reader serve them all.
 */
#ifndef LS_REPR_H
#define LS_REPR_H

#include "libstage/arena.h"
#include "libstage/buf.h"
#include "libstage/const.h"

/* repr(str) for a UTF-8 string: quote choice, escapes and printable-character
 * rules as CPython 3.11 (non-printable code points as \xNN, \uNNNN, \UNNNNNNNN). */
void ls_repr_str(Buf *b, const char *s, size_t len);
/* repr(bytes). */
void ls_repr_bytes(Buf *b, const char *s, size_t len);
/* repr(float): the shortest string that reads back to the same double,
 * laid out as CPython ('1e+16', '1e-05', '0.1', 'inf', 'nan', '-0.0'). */
void ls_repr_float(Buf *b, double d);

/* The digits of repr(d) for finite d > 0: writes the shortest string that
 * reads back as d (no trailing zeros, no point) to digits, sets *exp10 so
 * that d ~ D.DDD * 10**exp10, and returns the number of digits. */
int ls_double_digits(double d, char digits[24], int *exp10);
/* repr(complex): '1j', '(1+2j)', '(-0-1j)', 'infj', ... */
void ls_repr_complex(Buf *b, double real, double imag);
/* repr() of any Const (tuples recursively; code objects as <code NAME>). */
void ls_repr_const(Buf *b, const Const *c);

/* Read one repr'd constant at *p (up to end): a str or bytes literal with any
 * quotes and escapes, an int, a float (incl. inf, nan), a complex, None, True,
 * False, Ellipsis, or a tuple of these.  Advances *p past it.  On error
 * returns false and sets *err to a short message. */
bool ls_parse_const(Arena *a, const char **p, const char *end, Const *out,
                    const char **err);

#endif
