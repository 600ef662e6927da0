/* libstage/symtab.h: the symbol tables (stage pysym; format "symtab",
 * formats/symtab.md).
 *
 * Built from the AST exactly as CPython 3.11's Python/symtable.c builds them:
 * a first pass collects, per scope, every name with its DEF_* flags (in the
 * order names are first met); a second pass resolves each name to LOCAL,
 * GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL through the nesting.
 *
 * Scopes are CPython's "blocks": the module, each class body, and each
 * function, where lambdas and the four comprehension kinds are functions too
 * (a comprehension's outermost iterable arrives as its parameter ".0").
 *
 * pysym writes the tables (sym_write_tables) followed by the AST; pycfg
 * either builds them itself (sym_build) or reads both back (sym_read), then
 * asks sym_scope_of()/sym_scope_of_name() while it compiles.  Everything
 * lives in the caller's Arena.
 */
#ifndef LS_SYMTAB_H
#define LS_SYMTAB_H

#include <stdio.h>
#include "libstage/ast.h"
#include "libstage/diag.h"

#define LS_SYMTAB_FORMAT "symtab"
#define LS_SYMTAB_VERSION 1

/* The kind of a scope, with CPython's _symtable.TYPE_* values. */
typedef enum SymBlockType {
    SYM_FUNCTION = 0,        /* def, async def, lambda, comprehensions */
    SYM_CLASS = 1,           /* a class body */
    SYM_MODULE = 2,          /* the module ("top") */
    SYM_ANNOTATION = 3,      /* internal: the block of annotations under
                                `from __future__ import annotations`; it is
                                dropped, never part of a SymTable */
} SymBlockType;

/* What kind of comprehension a function scope is (CPython's
 * _Py_comprehension_ty), SYM_COMP_NONE for every other scope. */
typedef enum SymComp {
    SYM_COMP_NONE = 0,
    SYM_COMP_LIST,           /* [x for ...]   scope name "listcomp" */
    SYM_COMP_GEN,            /* (x for ...)   scope name "genexpr" */
    SYM_COMP_SET,            /* {x for ...}   scope name "setcomp" */
    SYM_COMP_DICT,           /* {k: v for ...} scope name "dictcomp" */
} SymComp;

/* The DEF_* flags of a symbol: what the scope does with the name.  Same
 * values as CPython's (symtable.h), so they print as symtable's _flags. */
enum {
    SYM_DEF_GLOBAL = 1,       /* `global name` in this scope */
    SYM_DEF_LOCAL = 2,        /* bound here: assignment, def, for, with, del... */
    SYM_DEF_PARAM = 4,        /* a parameter of this function */
    SYM_DEF_NONLOCAL = 8,     /* `nonlocal name` in this scope */
    SYM_USE = 16,             /* read here */
    SYM_DEF_FREE = 32,        /* (unused by 3.11; kept for the value table) */
    SYM_DEF_FREE_CLASS = 64,  /* free in a method, bound in this class body */
    SYM_DEF_IMPORT = 128,     /* bound by import */
    SYM_DEF_ANNOT = 256,      /* annotated: `name: type` */
    SYM_DEF_COMP_ITER = 512,  /* a comprehension's iteration variable */
    SYM_DEF_BOUND = SYM_DEF_LOCAL | SYM_DEF_PARAM | SYM_DEF_IMPORT,
};

/* CPython stores the resolved scope in the flags word from this bit on. */
#define SYM_SCOPE_OFFSET 11
#define SYM_SCOPE_MASK 15

/* How the compiler must access a name (the analysis result). */
typedef enum SymResolved {
    SYM_SCOPE_NONE = 0,          /* not analysed / unknown name */
    SYM_LOCAL = 1,               /* fast local (function) or namespace name */
    SYM_GLOBAL_EXPLICIT = 2,     /* declared `global` here or above */
    SYM_GLOBAL_IMPLICIT = 3,     /* not bound in any enclosing function */
    SYM_FREE = 4,                /* bound in an enclosing function: a closure cell */
    SYM_CELL = 5,                /* local here, and used by a nested scope */
} SymResolved;

/* One name in one scope. */
typedef struct SymEntry {
    const char *name;            /* the (mangled) name, UTF-8 */
    int flags;                   /* SYM_DEF_* / SYM_USE bits, without the scope */
    SymResolved scope;           /* resolved scope (after analysis) */
    bool implicit;               /* added by the analysis (free only via a child) */
} SymEntry;

typedef struct SymScope SymScope;

/* One scope (CPython's PySTEntryObject). */
struct SymScope {
    int id;                      /* index in SymTable.scopes: preorder, 0 = module */
    SymBlockType type;           /* module, class or function */
    SymComp comp;                /* which comprehension, or SYM_COMP_NONE */
    const char *name;            /* "top", the def/class name, "lambda",
                                    "listcomp", "genexpr", "setcomp", "dictcomp" */
    int lineno;                  /* first line (module: 0) */
    int col_offset;              /* 0-based UTF-8 column of the node */
    const AstNode *node;         /* the node that creates the scope (Module,
                                    FunctionDef, AsyncFunctionDef, ClassDef,
                                    Lambda, ListComp, SetComp, DictComp,
                                    GeneratorExp); NULL until attached */
    AstKind node_kind;           /* that node's kind (known before attaching) */
    int end_lineno;              /* the node's end_lineno (-1: unknown) */
    int end_col_offset;          /* the node's end_col_offset (-1: unknown) */
    SymScope *parent;            /* enclosing scope; NULL for the module */
    SymEntry *syms;              /* symbols in CPython's insertion order */
    int nsyms;                   /* number of syms */
    int syms_cap;                /* allocated slots of syms */
    int *sym_index;              /* hash index into syms (slot: index + 1,
                                    0 empty), built as symbols are added */
    int sym_index_cap;           /* slots of sym_index: 0 or a power of two */
    const char **varnames;       /* parameter names in order (CPython's
                                    ste_varnames: posonly, args, kwonly,
                                    *vararg, **kwarg) */
    int nvarnames;               /* number of varnames */
    int varnames_cap;            /* allocated slots of varnames */
    SymScope **children;         /* nested scopes in CPython's order */
    int nchildren;               /* number of children */
    int children_cap;            /* allocated slots of children */
    bool nested;                 /* inside a function (directly or not) */
    bool generator;              /* contains yield, or is a generator expression */
    bool coroutine;              /* async def, or an async comprehension / await */
    bool varargs;                /* has *args */
    bool varkeywords;            /* has **kwargs */
    bool returns_value;          /* has `return EXPR` */
    bool has_free;               /* some name here is free (ste_free) */
    bool child_free;             /* some child scope has free names */
    bool needs_class_closure;    /* class: a method uses __class__/super() */
    /* collect-pass state, meaningless after sym_build() returns */
    bool comp_iter_target;       /* visiting a comprehension target */
    int comp_iter_expr;          /* depth inside a comprehension's iterable */
    struct SymDirective *directives; /* global/nonlocal statements, for errors */
};

/* A `global`/`nonlocal` (or walrus-implied) declaration, kept to place an
 * analysis error at the statement.  Internal to symtab.c. */
typedef struct SymDirective {
    const char *name;            /* the mangled name declared */
    int lineno, col_offset;      /* the statement's start */
    int end_lineno, end_col_offset; /* and end */
    struct SymDirective *next;   /* next declaration of the same scope */
} SymDirective;

/* The symbol tables of one module. */
typedef struct SymTable {
    Arena *arena;                /* where every scope and string lives */
    const char *filename;        /* SOURCE from the header, for messages */
    SymScope *top;               /* the module scope (scopes[0]) */
    SymScope **scopes;           /* all scopes in preorder (= creation order) */
    int nscopes;                 /* number of scopes */
    int scopes_cap;              /* allocated slots of scopes */
    bool future_annotations;     /* `from __future__ import annotations` */
    AstNode *ast;                /* the Module node (set by sym_read/sym_build) */
} SymTable;

/* Build the symbol tables of mod (a Module, Interactive or Expression node).
 * Returns NULL on a SyntaxError and fills *err (type, msg, lineno, offset,
 * end_lineno, end_offset; filename = filename; text = NULL: the caller fills
 * the source line if it can). */
SymTable *sym_build(AstNode *mod, const char *filename, Arena *a, Diag *err);

/* The scope the node creates (FunctionDef, AsyncFunctionDef, ClassDef,
 * Lambda, ListComp, SetComp, DictComp, GeneratorExp, Module), or NULL. */
SymScope *sym_scope_of(SymTable *t, const AstNode *node);

/* The resolved scope of name in s (SYM_LOCAL...), SYM_SCOPE_NONE if s has no
 * such symbol.  name must already be mangled (sym_mangle). */
int sym_scope_of_name(SymScope *s, const char *name);

/* The symbol entry of name in s, or NULL. */
SymEntry *sym_lookup(SymScope *s, const char *name);

/* CPython's _Py_Mangle: "__x" inside class "C" is "_C__x".  Returns name
 * itself when no mangling applies; otherwise a string from a.  classname
 * may be NULL (outside any class). */
const char *sym_mangle(Arena *a, const char *classname, const char *name);

/* Names for the text format and --tree. */
const char *sym_block_type_name(SymBlockType t);   /* "module" ... */
const char *sym_resolved_name(SymResolved r);      /* "local" ... */

/* Write the tables (the "scope"/"info"/"varnames"/"sym" records of
 * formats/symtab.md, without header and without the AST). */
void sym_write_tables(FILE *out, const SymTable *t);

/* Write a person-readable indented tree of the scopes (pysym --tree). */
void sym_write_tree(FILE *out, const SymTable *t);

/* A complete "symtab" document is: the header line (ls_write_header), the
 * tables (sym_write_tables), one line "ast", then the AST text (format
 * "ast" body).  pysym copies its input AST text through unchanged. */

/* Read the body of a "symtab" document (everything after the header line,
 * p..end; first_lineno is the input line of p, name is for messages): the
 * tables and the AST, with every scope attached to its AST node.  Malformed
 * input: "tool: NAME:LINE: message", exit 2. */
SymTable *sym_read(const char *p, const char *end, long first_lineno,
                   const char *name, Arena *a);

#endif
