/* libstage/cfg.h: the control-flow graph, in memory, and its text writer.
 *
 * Stage: pycfg builds it (cmd/pycfg/compile.c) from the AST and symbol
 * tables and writes it with cfg_write() as format "cfg" (formats/cfg.md);
 * pyasm reads that text back (libstage/cfgread.c, a separate reader).
 *
 * A CfgModule holds every code object of one source file: code 0 is the
 * module, the others are nested code (functions, lambdas, comprehensions,
 * class bodies), referenced from a LOAD_CONST as `code:ID`.  A code object
 * is a list of basic blocks in layout order; a block is a list of symbolic
 * instructions: names are strings, constants are Const values, jump targets
 * are blocks.  Everything lives in one Arena.
 */
#ifndef LS_CFG_H
#define LS_CFG_H

#include <stdbool.h>
#include <stdio.h>
#include "libstage/arena.h"
#include "libstage/code.h"
#include "libstage/const.h"
#include "libstage/opcodes.h"

#define LS_CFG_FORMAT "cfg"
#define LS_CFG_VERSION 1

typedef struct CfgBlock CfgBlock;
typedef struct CfgCode CfgCode;

/* One symbolic instruction. */
typedef struct CfgInstr {
    int op;                 /* Opcode (real or pseudo) */
    int arg;                /* INT, CMP and BINOP arguments */
    const char *name;       /* NAME, LOCAL and DEREF arguments */
    const Const *cst;       /* CONST argument (unless code is set) */
    CfgCode *code;          /* CONST argument that is nested code: code:ID */
    CfgBlock *target;       /* JUMP argument */
    LsPos pos;              /* source range; lineno < 0: none */
} CfgInstr;

/* A basic block: straight-line code, entered at the top only. */
struct CfgBlock {
    int label;              /* L<label> in the text; unique per code object */
    CfgInstr *instrs;       /* the instructions (an arena array, copied when it grows) */
    int n, cap;             /* used and allocated instruction slots */
    CfgBlock *next;         /* the next block in layout order (fall-through) */
    CfgBlock *alloc_next;   /* every block of the code object, allocation order */
    int preds;              /* predecessor count (computed by the optimiser) */
    bool visited;           /* scratch mark for graph walks */
    bool except_handler;    /* target of a SETUP_* (reached by an exception) */
};

/* Kinds of .local/.cell/.free entries. */
enum { CFG_LOCAL = 1, CFG_CELL = 2, CFG_FREE = 4 };

/* One code object. */
struct CfgCode {
    int id;                 /* .code ID: 0 for the module */
    const char *name;       /* co_name */
    const char *qualname;   /* co_qualname */
    int firstlineno;        /* co_firstlineno */
    int argcount;           /* positional parameters, posonly included */
    int posonlyargcount;    /* positional-only parameters */
    int kwonlyargcount;     /* keyword-only parameters */
    int flags;              /* CO_* (code.h) */
    const char **vars;      /* localsplus names, in co_localsplusnames order */
    int *varkinds;          /* CFG_LOCAL|CFG_CELL|CFG_FREE per entry */
    int nvars, capvars;     /* used and allocated entries */
    const Const **consts;   /* co_consts in order (.const lines) */
    CfgCode **const_codes;  /* per consts entry: the nested code it is, or NULL */
    int nconsts;            /* how many */
    const char **names;     /* co_names in order (.nameref lines) */
    int nnames;             /* how many */
    CfgBlock *entry;        /* first block in layout order */
    CfgBlock *blocks;       /* every block ever allocated (alloc_next chain) */
    int nlabels;            /* labels handed out so far */
    CfgCode *next;          /* next code object in the module, output order */
};

/* A compiled source file. */
typedef struct CfgModule {
    const char *filename;   /* SOURCE of the header line */
    CfgCode *first;         /* code 0 (the module) first, then nested code */
    CfgCode *last;          /* tail of that list */
    int ncodes;             /* code objects so far (next id) */
} CfgModule;

/* Building. */
CfgCode *cfg_code_new(CfgModule *m, Arena *a);
CfgBlock *cfg_block_new(CfgCode *c, Arena *a);
CfgInstr *cfg_block_add(CfgBlock *b, Arena *a);
/* Index of NAME among the code's localsplus entries, adding it (with kind)
 * when absent; an existing entry gains the kind bits. */
int cfg_code_var(CfgCode *c, Arena *a, const char *name, int kind);
/* Index of NAME, or -1. */
int cfg_code_find_var(const CfgCode *c, const char *name);

/* The text form (formats/cfg.md): header line, then every code object. */
void cfg_write(FILE *out, const CfgModule *m);
/* Graphviz: one cluster per code object, blocks as boxes, fall-through and
 * jump edges solid, exception-handler edges dashed. */
void cfg_write_dot(FILE *out, const CfgModule *m);

#endif
