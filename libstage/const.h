/* libstage/const.h: a Python constant value as the compile stages carry it.
 *
 * Constant.value in the AST, the arguments of LOAD_CONST in the CFG text and
 * the constants of a binary code object are all Const.  Strings are UTF-8;
 * a lone surrogate (which UTF-8 cannot hold) is stored as its 3-byte
 * generalized-UTF-8 form, as Python's "surrogatepass" would write it.
 */
#ifndef LS_CONST_H
#define LS_CONST_H

#include <stddef.h>

struct LsCode;

typedef enum ConstKind {
    CONST_NONE,
    CONST_TRUE,
    CONST_FALSE,
    CONST_ELLIPSIS,
    CONST_INT,        /* u.i: decimal digits, '-' first when negative */
    CONST_FLOAT,      /* u.f */
    CONST_COMPLEX,    /* u.c */
    CONST_STR,        /* u.s: UTF-8 */
    CONST_BYTES,      /* u.s: raw bytes */
    CONST_TUPLE,      /* u.t */
    CONST_FROZENSET,  /* u.t, in the order the compiler chose */
    CONST_CODE,       /* u.code: a nested code object */
} ConstKind;

typedef struct Const Const;
struct Const {
    ConstKind kind;
    union {
        const char *i;                                  /* CONST_INT */
        double f;                                       /* CONST_FLOAT */
        struct { double real, imag; } c;                /* CONST_COMPLEX */
        struct { const char *data; size_t len; } s;     /* CONST_STR, CONST_BYTES */
        struct { Const **items; size_t len; } t;        /* CONST_TUPLE, CONST_FROZENSET */
        struct LsCode *code;                            /* CONST_CODE */
    } u;
};

#endif
