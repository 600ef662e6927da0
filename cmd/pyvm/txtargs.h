/* cmd/pyvm/txtargs.h: argument parsing for the methods of str, bytes and
 * bytearray, with the TypeErrors CPython raises for each calling convention.
 *
 * Stage: pyvm.  CPython's text methods come in several conventions (no
 * arguments, one argument, positional-only, keyword-capable, and the old
 * find/count style); each words its argument-count errors differently, and
 * a program may print them, so the convention is named per method.
 */
#ifndef VM_TXTARGS_H
#define VM_TXTARGS_H

#include "cmd/pyvm/object.h"

/* How a method parses its arguments (it decides the error messages). */
typedef enum {
    TA_NOARGS,  /* "T.m() takes no arguments (N given)" */
    TA_ONE,     /* "T.m() takes exactly one argument (N given)" */
    TA_POS,     /* positional only: "m expected at most 2 arguments, got 3" */
    TA_OLD,     /* find/count style: "m() takes at most 3 arguments (4 given)" */
    TA_KW,      /* keywords allowed: "'x' is an invalid keyword argument for m()" */
} TxtArgKind;

/* Parse a vectorcall argument list (kwnames values at the end of args) for
 * method name of type tname: out[i] is the i-th parameter (kwlist names them
 * for TA_KW; may be NULL otherwise) or NULL when not given.  At most 4
 * parameters.  -1 with TypeError on a bad call. */
int vm_txt_args(const char *tname, const char *name, TxtArgKind kind, Obj *const *args,
                size_t nargs, Obj *kwnames, size_t min, size_t max,
                const char *const *kwlist, Obj **out) LS_MUST_CHECK;
/* An integer argument (int or __index__) as ssize_t: TypeError "'X' object
 * cannot be interpreted as an integer", OverflowError when too large. */
int vm_txt_ssize(Obj *o, int64_t *out) LS_MUST_CHECK;
/* A start/end argument of find/count/startswith: None leaves *out alone;
 * huge values clamp. */
int vm_txt_slice_index(Obj *o, int64_t *out) LS_MUST_CHECK;
/* The count n of a repetition (seq * n, seq.__mul__(n)), negative counts as
 * 0: 1 with *out set; 0 (no error) when n is neither an int nor has
 * __index__ and strict is false (the operator returns NotImplemented); -1
 * with TypeError (strict) or CPython's OverflowError past ssize_t. */
int vm_txt_repeat_count(Obj *n, bool strict, int64_t *out) LS_MUST_CHECK;

#endif
