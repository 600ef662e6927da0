/* cmd/pycfg/unparse.h: an expression back to source text, as CPython's
 * Python/ast_unparse.c writes it (for `from __future__ import annotations`,
 * where every annotation becomes the string of its source).
 *
 * Stage: pycfg.  Reads AST nodes (libstage/ast.h).
 */
#ifndef PYCFG_UNPARSE_H
#define PYCFG_UNPARSE_H

#include "libstage/arena.h"
#include "libstage/ast.h"

/* The text of e (as at CPython's PR_TEST level), allocated from a; NULL
 * for an expression no parser makes (a non-str constant in an f-string). */
const char *cfg_unparse(Arena *a, const AstNode *e);

#endif
