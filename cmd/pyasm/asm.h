/* cmd/pyasm/asm.h: the assembler: CFG sections (libstage/cfgread.h) to
 * finished code objects (libstage/code.h).
 *
 * For each section: lay the blocks out in the order written, lower the
 * pseudo-ops (JUMP by direction; the SETUP_ ops and POP_BLOCK into exception-table
 * entries, as CPython 3.11's assembler), resolve jumps to absolute
 * instruction indices, compute the maximum stack depth by walking the
 * graph, and copy the positions.  Errors name the line of the CFG text
 * and exit 2.
 */
#ifndef ASM_ASM_H
#define ASM_ASM_H

#include "libstage/cfgread.h"

/* Assemble every section of f; name is the input name for messages.
 * Afterwards f->module->code is the complete module code object. */
void asm_assemble(AsmFile *f, const char *name, Arena *a);

#endif
