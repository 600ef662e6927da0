/* libstage/front.h: the whole compile pipeline in one process.
 *
 * Stages: pytok, pyparse, pyast, pysym, pycfg, pyasm, called as libraries
 * (cmd/<stage>/ minus main.c, linked as libfront.a).  Source bytes go in, a
 * finished code object (libstage/code.h) comes out, the same LsCode that
 *
 *     pytok -n NAME | pyparse | pyast | pysym | pycfg | pyasm
 *
 * writes, without printing and re-reading the text formats in between:
 * tokens -> parse tree -> AST -> symbol tables -> CFG -> assembled code.
 * Users: pyrun (runs a script), pyvm (import, exec, eval, compile) and the
 * front-end benchmark (bench/frontend.sh via `pyrun --compile-only`).
 *
 * Nothing is printed and nothing exits: a SyntaxError comes back in an
 * LsSyntaxError; so does any internal failure (ls_die() inside a stage is
 * trapped, see common.h).  Everything is allocated from the caller's Arena.
 * A warning callback may compile again (nested calls are fine); not
 * thread-safe.
 */
#ifndef LS_FRONT_H
#define LS_FRONT_H
#include <stdbool.h>
#include <stddef.h>
#include "libstage/arena.h"
#include "libstage/code.h"

/* What the source is (compile()'s mode argument). */
typedef enum {
    LS_MODE_EXEC,    /* a module: 'exec' */
    LS_MODE_EVAL,    /* one expression; the code returns its value: 'eval' */
    LS_MODE_SINGLE   /* one interactive statement; expression statements
                        print their value (PRINT_EXPR): 'single' */
} LsMode;

/* A SyntaxError (or IndentationError, TabError) with CPython's attributes;
 * also the internal failures (type "RecursionError", "MemoryError", or
 * status 2 for what the pipeline reports as a tool error). */
typedef struct LsSyntaxError {
    char type[24];      /* "SyntaxError", "IndentationError" or "TabError" */
    char msg[512];      /* CPython's message, e.g. "invalid syntax" */
    char filename[1024];
    int lineno, offset, end_lineno, end_offset;  /* as CPython's SyntaxError attributes (1-based; 0 = absent;
                           end_offset is -1 where compile()'s is, e.g. "unexpected indent") */
    char *text;         /* the source line as CPython's .text (with its newline), allocated from the arena; NULL if none */
    int status;         /* exit status the pipeline gives: 1 a Python-level
                           error (print it as CPython: ls_front_format());
                           2 a tool error ("not supported yet", malformed
                           internal data): msg is the tool's message */
} LsSyntaxError;

/* Compile source text (bytes as read from a file: the PEP 263 cookie/BOM rules apply) to a module code object,
 * exactly as the pipeline pytok|...|pyasm would (same LsCode). mode EVAL compiles one expression (its code
 * returns the value), SINGLE is the interactive mode ('single' of compile()). Everything is allocated from a.
 * Returns NULL and fills *err on a SyntaxError (never prints, never exits, never leaks beyond the arena).
 * Internal failures (input nested too deeply, out of memory) also return NULL with err->type set
 * ("RecursionError"/"MemoryError" with CPython's message).
 * SyntaxWarnings are dropped (ls_compile_ex can report them). */
LsCode *ls_compile(const char *src, size_t len, const char *filename, LsMode mode, Arena *a, LsSyntaxError *err);

/* Per-stage cost, summed over calls (for the benchmark). */
typedef struct LsFrontStats {
    double secs[6];      /* CPU seconds in tokenize, parse, ast, symtable,
                            cfg, assemble (LS_FRONT_STAGE_NAMES order) */
    double bytes;        /* source bytes compiled */
    long files;          /* calls */
} LsFrontStats;
#define LS_FRONT_STAGE_NAMES {"tokenize", "parse", "ast", "symtable", "cfg", "assemble"}

/* A SyntaxWarning (tokenizer's "invalid decimal literal", compiler's
 * "'str' object is not callable; ..."): category "SyntaxWarning", the
 * 1-based line, the message, and that source line without its newline
 * (NULL if none). */
typedef void (*LsWarnFn)(void *ctx, const char *filename, int lineno,
                         const char *category, const char *msg, const char *line);

/* Options of ls_compile_ex. */
typedef struct LsCompileOptions {
    int optimize;        /* 1: as CPython (default pipeline); 0: pycfg -O0 */
    LsWarnFn warn;       /* called for each SyntaxWarning; NULL: dropped */
    void *warn_ctx;      /* passed to warn */
    LsFrontStats *stats; /* when non-NULL, time each stage into it */
    bool text;           /* src is decoded text, UTF-8 (compile() of a str):
                            a PEP 263 coding cookie in it is not applied */
} LsCompileOptions;

LsCode *ls_compile_ex(const char *src, size_t len, const char *filename, LsMode mode,
                      const LsCompileOptions *opt, Arena *a, LsSyntaxError *err);

/* A warning printer matching the pipeline (pytok, pycfg): on stderr,
 * "FILE:LINE: SyntaxWarning: MSG" and the stripped source line. */
void ls_front_print_warning(void *ctx, const char *filename, int lineno,
                            const char *category, const char *msg, const char *line);

/* Only the front half, for ast.parse (compile() with PyCF_ONLY_AST): the
 * module's AST (libstage/ast.h) after tokenizing, parsing and building the
 * AST, before the symbol tables (so what only they reject, as CPython's
 * ast.parse, is accepted).  NULL and *err filled on a SyntaxError. */
struct AstNode;
struct AstNode *ls_parse_ast(const char *src, size_t len, const char *filename, LsMode mode,
                             const LsCompileOptions *opt, Arena *a, LsSyntaxError *err);

/* The back half for compile() of an AST object: symbol tables, CFG and
 * assembly of mod (a Module, Expression or Interactive node, as
 * ls_parse_ast gives).  NULL and *err filled on a SyntaxError. */
LsCode *ls_compile_tree(struct AstNode *mod, const char *filename, Arena *a, LsSyntaxError *err);

/* The text python3 prints for err (status 1), malloc'd: "  File ...",
 * the line, the carets, "SyntaxError: msg\n".  For status 2 errors,
 * just "msg\n". */
char *ls_front_format(const LsSyntaxError *err);

#endif
