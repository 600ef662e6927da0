/* libstage/code.h: a code object as pyasm writes it and pyvm/pydis read it.
 *
 * The binary form is documented in formats/code.md (written and read by
 * codeio.c); this is the in-memory form.  Instructions are 32-bit words:
 *
 *      31                     8 7        0
 *     +------------------------+----------+
 *     |   argument (24 bits)   |  opcode  |
 *     +------------------------+----------+
 *
 * opcodes numbered by their order in opcodes.def.
 */
#ifndef LS_CODE_H
#define LS_CODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "libstage/arena.h"
#include "libstage/const.h"

typedef enum Opcode {
#define OP(name, arg) OP_##name,
#define PSEUDO(name, arg)
#include "libstage/opcodes.def"
#undef OP
#undef PSEUDO
    OP_NREAL,                       /* number of real opcodes */
    OP_PSEUDO_FIRST_ = OP_NREAL - 1,
#define OP(name, arg)
#define PSEUDO(name, arg) OP_##name,
#include "libstage/opcodes.def"
#undef OP
#undef PSEUDO
    OP_NALL                         /* real + pseudo */
} Opcode;

typedef enum OpArg {
    OPARG_NONE, OPARG_INT, OPARG_CONST, OPARG_NAME, OPARG_LOCAL,
    OPARG_DEREF, OPARG_JUMP, OPARG_CMP, OPARG_BINOP
} OpArg;

typedef struct OpInfo {
    const char *name;   /* "LOAD_CONST" */
    OpArg arg;          /* what its argument means */
    bool pseudo;        /* CFG-only */
} OpInfo;

extern const OpInfo op_info[OP_NALL];   /* in opcodes.c */

#define INSTR_OP(w) ((int)((w) & 0xffu))
#define INSTR_ARG(w) ((int)((w) >> 8))
#define INSTR_MAKE(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_ARG_MAX 0xffffff

/* co_flags, with CPython's values. */
enum {
    CO_OPTIMIZED = 0x0001,
    CO_NEWLOCALS = 0x0002,
    CO_VARARGS = 0x0004,
    CO_VARKEYWORDS = 0x0008,
    CO_NESTED = 0x0010,
    CO_GENERATOR = 0x0020,
    CO_COROUTINE = 0x0080,
    CO_ITERABLE_COROUTINE = 0x0100,
    CO_ASYNC_GENERATOR = 0x0200,
};

/* Kinds of fast locals, CPython 3.11's values (co_localspluskinds). */
enum {
    CO_FAST_LOCAL = 0x20,   /* a local variable (parameters too) */
    CO_FAST_CELL = 0x40,    /* a cell: captured by an inner scope */
    CO_FAST_FREE = 0x80,    /* a free variable: the closure's cell */
};

/* Source position of one instruction; -1 where unknown. */
typedef struct LsPos {
    int lineno, end_lineno;
    int col, end_col;       /* 0-based, UTF-8 bytes, as the AST */
} LsPos;

/* One entry of the exception table (as 3.11's co_exceptiontable). */
typedef struct LsExcEntry {
    uint32_t start, end;    /* instruction indices covered: [start, end) */
    uint32_t target;        /* handler's instruction index */
    uint32_t depth;         /* stack depth to unwind to */
    bool lasti;             /* push the offset of the raising instruction */
} LsExcEntry;

typedef struct LsCode LsCode;
struct LsCode {
    const char *name;          /* co_name: "fib", "<module>", "<lambda>" */
    const char *qualname;      /* co_qualname: "C.method.<locals>.f" */
    const char *filename;      /* co_filename, as tracebacks print it */
    int firstlineno;           /* co_firstlineno */
    int argcount;              /* positional parameters, posonly included */
    int posonlyargcount;
    int kwonlyargcount;
    int stacksize;             /* max value-stack depth */
    int flags;                 /* CO_* */

    uint32_t *code;            /* instruction words */
    size_t ncode;
    LsPos *positions;          /* ncode entries */

    Const **consts;            /* co_consts; CONST_CODE for nested code */
    size_t nconsts;
    const char **names;        /* co_names: globals, attributes, imports */
    size_t nnames;
    const char **localsplus;   /* co_localsplusnames: locals, then cells, then frees */
    uint8_t *localspluskinds;  /* CO_FAST_* per localsplus entry */
    size_t nlocalsplus;

    LsExcEntry *exctable;      /* co_exceptiontable, sorted by start */
    size_t nexc;
};

#endif
