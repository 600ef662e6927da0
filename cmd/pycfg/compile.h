/* cmd/pycfg/compile.h: the code generator, AST + symbol tables -> CFG.
 *
 * Stage: pycfg.  Reads the in-memory AST (libstage/ast.h) and symbol tables
 * (libstage/symtab.h); builds the control-flow graph (libstage/cfg.h) that
 * cfg_write() prints as format "cfg" (formats/cfg.md).  Library-like: pyvm
 * may link it to compile imports and exec() in-process.
 */
#ifndef PYCFG_COMPILE_H
#define PYCFG_COMPILE_H

#include "libstage/arena.h"
#include "libstage/ast.h"
#include "libstage/cfg.h"
#include "libstage/diag.h"
#include "libstage/symtab.h"

/* Options of one compilation. */
typedef struct CfgOptions {
    int optimize;        /* 0: no folding/peephole (pycfg -O0); 1: as CPython */
    /* Called for each SyntaxWarning CPython's compiler gives (once per
     * message and line); NULL: warnings are dropped. */
    void (*warn)(const char *filename, int lineno, const char *msg);
} CfgOptions;

/* Compile mod (a Module node, with its symbol tables st) into a CFG
 * allocated from a.  On a SyntaxError returns NULL with *err filled
 * (err->type "SyntaxError").  On a construct this compiler does not handle
 * yet returns NULL with err->type NULL and err->msg "... is not supported
 * yet", err->lineno where it is. */
CfgModule *cfg_compile(AstNode *mod, SymTable *st, const char *filename,
                       const CfgOptions *opt, Arena *a, Diag *err);

#endif
