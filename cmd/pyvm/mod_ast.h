/* cmd/pyvm/mod_ast.h: the _ast module and ast.parse's half of compile().
 *
 * Stage: pyvm.
 */
#ifndef VM_MOD_AST_H
#define VM_MOD_AST_H

#include <stdbool.h>
#include <stddef.h>
#include "libstage/front.h"
#include "cmd/pyvm/object.h"

/* compile(src, filename, mode, PyCF_ONLY_AST): the module's AST as _ast
 * node objects (text: src is a decoded str, not bytes); NULL with a
 * SyntaxError pending. */
Obj *vm_ast_parse(const char *src, size_t len, bool text, const char *filename,
                  LsMode mode) LS_MUST_CHECK;

/* Is o an instance of ast.AST? */
bool vm_is_ast(Obj *o);
/* compile() of an AST object (Module for 'exec', Expression for 'eval',
 * Interactive for 'single'): its code object, or NULL with TypeError
 * (a malformed tree, CPython's messages) or SyntaxError pending. */
Obj *vm_ast_compile(Obj *tree, const char *filename, LsMode mode) LS_MUST_CHECK;

#endif
