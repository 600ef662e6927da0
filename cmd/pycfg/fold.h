/* cmd/pycfg/fold.h: constant folding on the AST, as CPython 3.11's AST
 * optimiser (Python/ast_opt.c), and constructors for Const values.
 *
 * Stage: pycfg, before code generation.  Folds BinOp/UnaryOp of constants
 * (with CPython's size limits), tuples of constants, `not` into comparisons,
 * `x in [..]`/`for x in [..]` displays into tuples, and `__debug__`.
 */
#ifndef PYCFG_FOLD_H
#define PYCFG_FOLD_H

#include "libstage/arena.h"
#include "libstage/ast.h"
#include "libstage/const.h"

/* Fold the tree in place (nodes change kind to Constant/Tuple).  With
 * future_annotations, annotations are left as written (CPython makes
 * strings of them). */
void cfg_fold(AstNode *mod, Arena *a, bool future_annotations);

/* Constant constructors (arena-allocated, shared singletons for None etc.). */
Const *cfg_const_none(void);
Const *cfg_const_bool(bool v);
Const *cfg_const_int(Arena *a, long long v);
Const *cfg_const_str(Arena *a, const char *s, size_t len);
Const *cfg_const_tuple(Arena *a, Const **items, size_t n);
/* Python truth value of a constant; -1 when not known (code objects). */
int cfg_const_truth(const Const *c);

#endif
