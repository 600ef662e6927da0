/* libstage/astio.h: the AST text format (format "ast", formats/ast.md).
 *
 * The body is exactly what `python3 -m ast -a --no-type-comments FILE`
 * prints: ast.dump(tree, include_attributes=True, indent=3).
 * pyast writes it (astwrite.c); pysym and pycfg read it (astread.c).
 */
#ifndef LS_ASTIO_H
#define LS_ASTIO_H

#include <stdio.h>
#include "libstage/ast.h"
#include "libstage/io.h"

#define LS_AST_FORMAT "ast"
#define LS_AST_VERSION 1

/* ast.dump(node, include_attributes=attrs, indent=indent) followed by '\n';
 * indent < 0 means indent=None (one line). */
void ast_write(FILE *out, const AstNode *node, bool attrs, int indent);

/* Parse an ast.dump() text from p to end into a tree allocated from a.
 * first_lineno is the input line number of p, for messages.  On malformed
 * input: "tool: NAME:LINE: message", exit 2. */
AstNode *ast_read(const char *p, const char *end, long first_lineno,
                  const char *name, Arena *a);

#endif
