/* cmd/pyvm/anchors.h: where CPython 3.11's traceback puts the `^` part of
 * a `~~~^^~~~` caret line, from the text of an instruction's source range.
 *
 * Stage: pyvm.  CPython parses the range's text; when it is one expression
 * statement that is a binary operation, the anchors are the operator (from
 * the end of the left operand's AST node to the first non-blank character
 * after it, one or two characters); for a subscript, from the end of the
 * subscripted value to one past the end of the index.  This module finds
 * the same offsets with a small tokenizer and operator-precedence scan.
 */
#ifndef VM_ANCHORS_H
#define VM_ANCHORS_H

#include <stdbool.h>
#include <stddef.h>

/* seg: the range's text (len bytes).  On true, [*left, *right) are the byte
 * offsets in seg to mark with `^` (the rest of the range gets `~`). */
bool vm_anchors(const char *seg, size_t len, int *left, int *right);

#endif
