/* cmd/pyast/build.h: the AST stage: concrete syntax tree -> AST.
 *
 * Builds the Python 3.11 AST (libstage/ast.h) from a collapsed CST
 * (libstage/cst.h, cst_collapse()), as CPython's parser actions do:
 * positions, ctx, constants, implicit string concatenation and f-strings.
 */
#ifndef BUILD_H
#define BUILD_H

#include "libstage/arena.h"
#include "libstage/ast.h"
#include "libstage/cst.h"

/* A SyntaxError found while building (invalid targets, bad literals). */
typedef struct BuildError {
    char msg[256];       /* CPython's message */
    int lineno, col;     /* start, 1-based line, 0-based UTF-8 byte column */
    int end_lineno, end_col; /* end of the caret range (0: none) */
    bool malformed;      /* not a SyntaxError: the tree is not pyparse's */
} BuildError;

/* Build the Module for the (collapsed) tree rooted at root.  Returns NULL
 * with *err set on a SyntaxError. */
AstNode *astb_from_cst(CstNode *root, Arena *a, BuildError *err);

#endif
