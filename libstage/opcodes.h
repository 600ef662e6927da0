/* libstage/opcodes.h: facts about the instruction set (libstage/opcodes.def),
 * shared by pyasm (lowering, stack depth), pydis (listing) and pyvm.
 *
 * The table op_info[] itself is declared in libstage/code.h; opcodes.c
 * defines it from opcodes.def, together with the functions below.
 */
#ifndef LS_OPCODES_H
#define LS_OPCODES_H

#include <stdbool.h>
#include "libstage/code.h"

/* Net change of the value-stack depth when op runs with argument arg.
 * jump: the effect when the branch is taken (for JUMP-argument ops and the
 * SETUP_* pseudo-ops, whose "branch" is the handler); otherwise the
 * fall-through effect.  As CPython 3.11's stack_effect(), adjusted for this
 * instruction set (no PRECALL: CALL n is -1-n; LOAD_GLOBAL pushes one value). */
int op_stack_effect(int op, int arg, bool jump);

/* How many values must be on the stack for op to run: the values it pops
 * or reads in place (LIST_APPEND n reads the list n+1 deep, COPY n the n-th,
 * WITH_EXCEPT_START the __exit__ 4 deep).  pyasm rejects a smaller depth as
 * a stack underflow; ls_code_read() does too, so pyvm never reads below
 * the bottom of a frame's stack. */
int op_stack_need(int op, int arg);

/* The opcode named name (real or pseudo), or -1. */
int op_by_name(const char *name, size_t len);

/* Does op take a JUMP argument (a branch target, incl. SETUP_* handlers)? */
bool op_has_jump(int op);
/* Does control never continue to the next instruction after op?
 * (unconditional jumps, RETURN_VALUE, RAISE_VARARGS, RERAISE) */
bool op_is_terminator(int op);
/* SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH. */
bool op_is_block_push(int op);

/* The CFG-text spelling of CMP and BINOP arguments ("<", "+=");
 * NULL when out of range. */
const char *op_cmp_name(int arg);
const char *op_binop_name(int arg);
/* Largest co_flags value a code object may carry: the CO_* bits of code.h
 * plus CPython's __future__ bits (CO_FUTURE_DIVISION 0x20000 up to
 * CO_FUTURE_ANNOTATIONS 0x1000000), kept as CPython keeps them. */
#define LS_CO_FLAGS_MAX 0x1ffffff

/* Deepest nesting of constants in a binary code object (a nested code
 * object and each tuple level count one), and the limits pyasm keeps to
 * stay within it: code objects nested at most LS_CODE_MAX_DEPTH deep,
 * tuples at most LS_CONST_MAX_DEPTH. */
#define LS_CONST_MAX_NEST 1000
#define LS_CODE_MAX_DEPTH 500
#define LS_CONST_MAX_DEPTH 400

#define OP_NCMP 6
#define OP_NBINOP 26

#endif
