/* libstage/cfgread.h: reading the CFG text (formats/cfg.md) into the form
 * the assembler works on.
 *
 * Stage: pyasm (the reader; pycfg writes the text with libstage/cfg.c).
 * Names, constants and locals are resolved to table indices while reading
 * (co_consts/co_names in order of first use, after any .const/.nameref
 * lines), jump targets to block numbers; code:ID constants point at the
 * LsCode of section ID.  The assembler (cmd/pyasm) then lays out the
 * instructions, lowers the pseudo-ops, computes the stack depth and the
 * exception table, and fills LsCode.code/positions/exctable/stacksize.
 *
 * Malformed text is reported as "pyasm: NAME:LINE: message" and exits 2.
 */
#ifndef LS_CFGREAD_H
#define LS_CFGREAD_H

#include "libstage/io.h"      /* first: code.h needs stdbool.h */
#include "libstage/arena.h"
#include "libstage/code.h"

/* One instruction as written. */
typedef struct AsmInstr {
    int op;            /* Opcode, real or pseudo */
    int arg;           /* resolved: table index, INT/CMP/BINOP value, or for a
                          JUMP argument the index of the target block */
    LsPos pos;         /* source range; all -1 when absent */
    long line;         /* line of the CFG text, for messages */
} AsmInstr;

/* A basic block.  A block ends at a label, after a jump or after a
 * RETURN_VALUE/RAISE_VARARGS/RERAISE (the reader starts a new, unlabelled
 * block there), or at .end. */
typedef struct AsmBlock {
    int label;         /* N of "LN:"; -1 for an implicit block */
    long line;         /* line of the label (or of its first instruction) */
    AsmInstr *instrs;  /* the instructions */
    size_t n, cap;     /* used and allocated entries */
} AsmBlock;

/* An explicit `.except START END TARGET DEPTH [lasti]` line. */
typedef struct AsmExcept {
    int start, end;    /* block indices: the range is [start block, end block) */
    int target;        /* block index of the handler */
    int depth;         /* stack depth to unwind to */
    bool lasti;        /* push the offset of the raising instruction */
    long line;         /* line of the directive */
} AsmExcept;

/* One code section. */
typedef struct AsmCode {
    int id;            /* .code ID */
    long line;         /* line of .code */
    LsCode *code;      /* name, qualname, filename, counts, flags, consts,
                          names and localsplus filled in; the rest is the
                          assembler's */
    AsmBlock *blocks;  /* in layout order */
    size_t nblocks;
    AsmExcept *excepts;/* explicit exception-table entries, as written */
    size_t nexcepts;
    int stacksize;     /* .stacksize N, or -1 */
} AsmCode;

/* A whole CFG file. */
typedef struct AsmFile {
    const char *source;  /* SOURCE of the header line */
    AsmCode **codes;     /* every section, in file order */
    size_t ncodes;
    AsmCode *module;     /* section 0 */
} AsmFile;

/* Parse the body of in (after the header h).  Exits 2 with a message naming
 * the line on any error. */
AsmFile *ls_cfg_read(const Input *in, const Header *h, Arena *a);

/* The AsmFile ls_cfg_read() would make of cfg_write()'s text of m, built
 * in memory (ls_compile's path); renumbers m's labels as the writer does.
 * Errors as ls_cfg_read's (they mean a compiler bug). */
struct CfgModule;
AsmFile *ls_cfg_from_module(struct CfgModule *m, Arena *a);

/* Report an error at a line of the CFG text in the reader's style
 * ("prog: NAME:LINE: message") and exit 2. */
noreturn void ls_cfg_error(const char *name, long line, const char *fmt, ...) LS_PRINTF(3, 4);

/* Are two constants the same co_consts entry (same type and value, floats
 * compared bit for bit, code objects by identity)? */
bool ls_const_same(const Const *x, const Const *y);

#endif
