/* cmd/pycfg/compile.c: code generation, AST + symbol tables -> CFG.
 *
 * Stage: pycfg.  Input: the AST (libstage/ast.h) with its symbol tables
 * (libstage/symtab.h), as read from format "symtab".  Output: a CfgModule
 * (libstage/cfg.h), written as format "cfg" (formats/cfg.md).
 *
 * This follows CPython 3.11's Python/compile.c statement by statement, for
 * this project's instruction set (libstage/opcodes.def): no PRECALL/CACHE,
 * PUSH_NULL emitted before every called non-method callable, jumps by label.
 * Each code object is a "unit": its blocks are laid out in the order the
 * compiler starts them (compiler_use_next_block), each instruction carries
 * the location of the innermost statement or expression being compiled, and
 * optimize.c then removes NOPs, dead blocks and redundant jumps.
 *
 * Errors (SyntaxError found at this stage, "not supported yet") leave by
 * longjmp to cfg_compile(), which returns NULL with the Diag filled.
 */
#include "cmd/pycfg/compile.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/pycfg/fold.h"
#include "cmd/pycfg/optimize.h"
#include "cmd/pycfg/unparse.h"
#include "libstage/buf.h"
#include "libstage/repr.h"

/* CPython keeps stack use of one construct under this many items. */
#define STACK_USE_GUIDELINE 30
#define MAX_FBLOCKS 20

/* Kinds of code units (CPython's COMPILER_SCOPE_*). */
typedef enum UnitKind {
    UNIT_MODULE, UNIT_CLASS, UNIT_FUNCTION, UNIT_ASYNC_FUNCTION,
    UNIT_LAMBDA, UNIT_COMPREHENSION,
} UnitKind;

/* Kinds of frame blocks: what a break/continue/return must unwind. */
typedef enum FBlockKind {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END,
    FB_WITH, FB_ASYNC_WITH, FB_HANDLER_CLEANUP, FB_POP_VALUE,
    FB_EXCEPTION_HANDLER, FB_EXCEPTION_GROUP_HANDLER,
    FB_ASYNC_COMPREHENSION_GENERATOR,
} FBlockKind;

/* One frame block (CPython's fblockinfo). */
typedef struct FBlock {
    FBlockKind kind;        /* what it is */
    CfgBlock *block;        /* loop head (continue target) or body */
    CfgBlock *exit;         /* loop exit (break target) */
    const void *datum;      /* finally body (AstSeq), handler name, with stmt */
} FBlock;

/* An open-addressing hash index over a list: slot value i + 1 for entry i,
 * 0 for an empty slot.  Lists look up by it instead of a linear search. */
typedef struct IdxHash {
    int *slots;             /* cap slots, in the arena */
    int cap;                /* a power of two, or 0: no index yet */
    int n;                  /* entries [0, n) of the list are indexed */
} IdxHash;

/* A name list kept in first-use order. */
typedef struct NameList {
    const char **items;     /* the names */
    int n, cap;             /* used and allocated */
    IdxHash h;              /* index of items by name */
} NameList;

/* The code object being compiled (CPython's compiler_unit). */
typedef struct Unit {
    struct Unit *parent;    /* the enclosing unit */
    UnitKind kind;          /* module, class, function... */
    SymScope *ste;          /* its symbol table scope */
    CfgCode *code;          /* the CFG being built */
    CfgBlock *cur;          /* block receiving instructions */
    LsPos loc;              /* location given to new instructions */
    const char *private_;   /* class name for mangling, or NULL */
    NameList varnames;      /* fast locals: parameters first, then by first use */
    NameList cellvars;      /* cells, sorted (CPython's dictbytype order) */
    NameList freevars;      /* free variables, sorted */
    const Const **consts;   /* co_consts in order of first use, as CPython's */
    CfgCode **const_codes;  /* per consts entry: nested code, or NULL */
    int nconsts, capconsts; /* used and allocated */
    IdxHash consth;         /* index of consts by value or nested code */
    NameList names;         /* co_names in order of first use */
    FBlock fblocks[MAX_FBLOCKS]; /* the frame block stack */
    int nfblocks;           /* its depth */
} Unit;

/* The compiler: one per cfg_compile() call. */
typedef struct Compiler {
    Arena *a;               /* where the CFG lives */
    CfgModule *mod;         /* the result */
    SymTable *st;           /* symbol tables */
    Unit *u;                /* current unit */
    const CfgOptions *opt;  /* options */
    bool future_annotations; /* from __future__ import annotations */
    bool interactive;       /* compiling an Interactive module (PRINT_EXPR) */
    int ff_lineno;          /* line of the last leading `from __future__`
                               import (-1: none); a later one is an error */
    const char *filename;   /* for diagnostics */
    Diag *err;              /* filled on error */
    jmp_buf fail;           /* where errors go */
    struct { int line; const char *msg; } warned[64]; /* warnings given */
    int nwarned;            /* entries of warned */
} Compiler;

typedef AstNode Node;

static void compile_stmt(Compiler *c, Node *s);
static void compile_expr(Compiler *c, Node *e);
static void compile_body_seq(Compiler *c, AstSeq *stmts);

/* ---- errors ---- */

static noreturn void error_at(Compiler *c, const Node *n, const char *msg)
{
    memset(c->err, 0, sizeof *c->err);
    c->err->type = "SyntaxError";
    c->err->msg = msg;
    c->err->filename = c->filename;
    if (n) {
        c->err->lineno = n->lineno;
        c->err->offset = n->col_offset + 1;
        c->err->end_lineno = n->end_lineno > 0 ? n->end_lineno : 0;
        c->err->end_offset = n->end_col_offset >= 0 ? n->end_col_offset + 1 : 0;
    } else if (c->u && c->u->loc.lineno > 0) {
        c->err->lineno = c->u->loc.lineno;
        c->err->offset = c->u->loc.col + 1;
        c->err->end_lineno = c->u->loc.end_lineno;
        c->err->end_offset = c->u->loc.end_col + 1;
    }
    longjmp(c->fail, 1);
}

static noreturn void unsupported(Compiler *c, const Node *n, const char *what)
{
    memset(c->err, 0, sizeof *c->err);
    c->err->type = NULL;
    Buf b = BUF_INIT;
    buf_printf(&b, "%s is not supported yet", what);
    c->err->msg = arena_strdup(c->a, b.data);
    buf_free(&b);
    c->err->filename = c->filename;
    c->err->lineno = n ? n->lineno : 0;
    longjmp(c->fail, 1);
}

/* A SyntaxWarning at the current location, once per message and line. */
static void warn(Compiler *c, const char *msg)
{
    if (!c->opt->warn)
        return;
    int line = c->u->loc.lineno;
    for (int i = 0; i < c->nwarned; i++)
        if (c->warned[i].line == line && strcmp(c->warned[i].msg, msg) == 0)
            return;
    if (c->nwarned < (int)(sizeof c->warned / sizeof c->warned[0])) {
        c->warned[c->nwarned].line = line;
        c->warned[c->nwarned++].msg = msg;
    }
    c->opt->warn(c->filename, line, msg);
}

/* forbidden_name: __debug__ cannot be bound or deleted. */
static void check_forbidden(Compiler *c, const char *name, AstKind ctx)
{
    if (ctx != AST_Load && strcmp(name, "__debug__") == 0)
        error_at(c, NULL, ctx == AST_Del ? "cannot delete __debug__" : "cannot assign to __debug__");
}

/* compiler_check_debug_args: no parameter may be called __debug__. */
static void check_debug_args(Compiler *c, AstNode *args)
{
    AstSeq *lists[] = {args->v.arguments.posonlyargs, args->v.arguments.args,
                       args->v.arguments.kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < lists[k]->len; i++)
            check_forbidden(c, ((AstNode *)lists[k]->items[i])->v.arg.arg, AST_Store);
    if (args->v.arguments.vararg)
        check_forbidden(c, args->v.arguments.vararg->v.arg.arg, AST_Store);
    if (args->v.arguments.kwarg)
        check_forbidden(c, args->v.arguments.kwarg->v.arg.arg, AST_Store);
}

/* An AST no parser makes (hand-edited input): exit-2 class error. */
static noreturn void malformed(Compiler *c, const Node *n, const char *what)
{
    memset(c->err, 0, sizeof *c->err);
    Buf b = BUF_INIT;
    buf_printf(&b, "malformed AST: %s", what);
    c->err->msg = arena_strdup(c->a, b.data);
    buf_free(&b);
    c->err->filename = c->filename;
    c->err->lineno = n ? n->lineno : 0;
    longjmp(c->fail, 1);
}

/* ---- names ---- */

static int cmp_str(const void *x, const void *y);

static unsigned hash_bytes(unsigned h, const void *p, size_t n)
{
    const unsigned char *q = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ q[i]) * 16777619u;
    return h;
}

/* Make room in h for need entries (load at most 1/2); a new table is empty
 * (h->n == 0) and the caller re-adds the entries.  True when it did so. */
static bool idx_reserve(Compiler *c, IdxHash *h, int need)
{
    if (h->cap && need * 2 <= h->cap)
        return false;
    int cap = h->cap ? h->cap : 64;
    while (need * 2 > cap)
        cap *= 2;
    h->slots = arena_alloc(c->a, (size_t)cap * sizeof *h->slots);
    h->cap = cap;
    h->n = 0;
    return true;
}

/* Put entry i with hash hv into h (it is not there yet). */
static void idx_put(IdxHash *h, unsigned hv, int i)
{
    unsigned mask = (unsigned)h->cap - 1, at = hv & mask;
    while (h->slots[at])
        at = (at + 1) & mask;
    h->slots[at] = i + 1;
}

static unsigned name_hash(const char *s)
{
    return hash_bytes(2166136261u, s, strlen(s));
}

/* Bring l's index up to date with its items. */
static void names_index(Compiler *c, NameList *l)
{
    if (l->h.n > l->n)
        l->h.cap = 0;   /* list shrank: start over */
    if (idx_reserve(c, &l->h, l->n + 1))
        l->h.n = 0;
    for (; l->h.n < l->n; l->h.n++)
        idx_put(&l->h, name_hash(l->items[l->h.n]), l->h.n);
}

static int names_find(Compiler *c, NameList *l, const char *s)
{
    if (l->n < 16) {
        for (int i = 0; i < l->n; i++)
            if (strcmp(l->items[i], s) == 0)
                return i;
        return -1;
    }
    names_index(c, l);
    unsigned mask = (unsigned)l->h.cap - 1, at = name_hash(s) & mask;
    for (; l->h.slots[at]; at = (at + 1) & mask) {
        int i = l->h.slots[at] - 1;
        if (strcmp(l->items[i], s) == 0)
            return i;
    }
    return -1;
}

/* Sort l by name (its index is rebuilt on the next look-up). */
static void names_sort(NameList *l)
{
    if (l->n > 1)
        qsort(l->items, (size_t)l->n, sizeof(char *), cmp_str);
    l->h.cap = 0;
    l->h.n = 0;
}

static int names_add(Compiler *c, NameList *l, const char *s)
{
    int i = names_find(c, l, s);
    if (i >= 0)
        return i;
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        const char **p = arena_alloc(c->a, (size_t)cap * sizeof *p);
        if (l->n)
            memcpy(p, l->items, (size_t)l->n * sizeof *p);
        l->items = p;
        l->cap = cap;
    }
    l->items[l->n] = s;
    return l->n++;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static const char *mangle(Compiler *c, const char *name)
{
    return sym_mangle(c->a, c->u->private_, name);
}

/* ---- emitting ---- */

static CfgBlock *new_block(Compiler *c)
{
    return cfg_block_new(c->u->code, c->a);
}

/* Continue in b, laid out after the current block. */
static void use_block(Compiler *c, CfgBlock *b)
{
    c->u->cur->next = b;
    c->u->cur = b;
}

static void set_loc(Compiler *c, const Node *n)
{
    c->u->loc.lineno = n->lineno;
    c->u->loc.end_lineno = n->end_lineno;
    c->u->loc.col = n->col_offset;
    c->u->loc.end_col = n->end_col_offset;
}

static void unset_loc(Compiler *c)
{
    c->u->loc.lineno = c->u->loc.end_lineno = -1;
    c->u->loc.col = c->u->loc.end_col = -1;
}

/* Append an instruction to the current block.  A block ends at a jump or a
 * terminator: anything after one starts a new (unreachable) block, as
 * CPython's NEXT_BLOCK does. */
static CfgInstr *emit(Compiler *c, int op)
{
    CfgBlock *b = c->u->cur;
    if (b->n) {
        int last = b->instrs[b->n - 1].op;
        if (op_has_jump(last) || op_is_terminator(last)) {
            if (!op_is_block_push(last)) {
                b = new_block(c);
                use_block(c, b);
            }
        }
    }
    CfgInstr *i = cfg_block_add(b, c->a);
    i->op = op;
    i->pos = c->u->loc;
    return i;
}

static void emit_i(Compiler *c, int op, int arg)
{
    emit(c, op)->arg = arg;
}

/* _PyCode_ConstantKey equality: same type and value (1, 1.0 and True
 * differ, so do 0.0 and -0.0). */
static bool const_same(const Const *x, const Const *y)
{
    if (x == y)
        return true;
    if (x->kind != y->kind)
        return false;
    switch (x->kind) {
    case CONST_INT: return strcmp(x->u.i, y->u.i) == 0;
    case CONST_FLOAT: return memcmp(&x->u.f, &y->u.f, sizeof x->u.f) == 0;
    case CONST_COMPLEX: return memcmp(&x->u.c, &y->u.c, sizeof x->u.c) == 0;
    case CONST_STR: case CONST_BYTES:
        return x->u.s.len == y->u.s.len && memcmp(x->u.s.data, y->u.s.data, x->u.s.len) == 0;
    case CONST_TUPLE: case CONST_FROZENSET:
        if (x->u.t.len != y->u.t.len)
            return false;
        for (size_t i = 0; i < x->u.t.len; i++)
            if (!const_same(x->u.t.items[i], y->u.t.items[i]))
                return false;
        return true;
    case CONST_CODE: return false;
    default: return true;
    }
}

/* A hash of k consistent with const_same(). */
static unsigned const_hash(const Const *k)
{
    unsigned h = hash_bytes(2166136261u, &k->kind, sizeof k->kind);
    switch (k->kind) {
    case CONST_INT: return hash_bytes(h, k->u.i, strlen(k->u.i));
    case CONST_FLOAT: return hash_bytes(h, &k->u.f, sizeof k->u.f);
    case CONST_COMPLEX: return hash_bytes(h, &k->u.c, sizeof k->u.c);
    case CONST_STR: case CONST_BYTES: return hash_bytes(h, k->u.s.data, k->u.s.len);
    case CONST_TUPLE: case CONST_FROZENSET:
        h = hash_bytes(h, &k->u.t.len, sizeof k->u.t.len);
        for (size_t i = 0; i < k->u.t.len && i < 8; i++) {
            unsigned e = const_hash(k->u.t.items[i]);
            h = hash_bytes(h, &e, sizeof e);
        }
        return h;
    case CONST_CODE: return hash_bytes(h, &k, sizeof k);
    default: return h;
    }
}

/* Hash of the co_consts entry (k, code): nested code by identity. */
static unsigned entry_hash(const Const *k, const CfgCode *code)
{
    return code ? hash_bytes(40503u, &code, sizeof code) : const_hash(k);
}

/* The index of a constant in the unit's co_consts, adding it at the end
 * when new (CPython's compiler_add_const). */
static int unit_const(Compiler *c, Unit *u, const Const *k, CfgCode *code)
{
    IdxHash *h = &u->consth;
    if (h->n > u->nconsts)
        h->cap = 0;     /* co_consts was trimmed: start over */
    if (idx_reserve(c, h, u->nconsts + 1))
        h->n = 0;
    for (; h->n < u->nconsts; h->n++)
        idx_put(h, entry_hash(u->consts[h->n], u->const_codes[h->n]), h->n);
    unsigned hv = entry_hash(k, code), mask = (unsigned)h->cap - 1;
    for (unsigned at = hv & mask; h->slots[at]; at = (at + 1) & mask) {
        int i = h->slots[at] - 1;
        if (code ? u->const_codes[i] == code : (!u->const_codes[i] && const_same(u->consts[i], k)))
            return i;
    }
    if (u->nconsts == u->capconsts) {
        int cap = u->capconsts ? u->capconsts * 2 : 8;
        const Const **p = arena_alloc(c->a, (size_t)cap * sizeof *p);
        CfgCode **q = arena_alloc(c->a, (size_t)cap * sizeof *q);
        if (u->nconsts) {
            memcpy(p, u->consts, (size_t)u->nconsts * sizeof *p);
            memcpy(q, u->const_codes, (size_t)u->nconsts * sizeof *q);
        }
        u->consts = p;
        u->const_codes = q;
        u->capconsts = cap;
    }
    u->consts[u->nconsts] = k;
    u->const_codes[u->nconsts] = code;
    idx_put(h, hv, u->nconsts);
    h->n = u->nconsts + 1;
    return u->nconsts++;
}

static void emit_const(Compiler *c, const Const *k)
{
    unit_const(c, c->u, k, NULL);
    emit(c, OP_LOAD_CONST)->cst = k;
}

/* Names in co_names are mangled inside a class (CPython's ADDOP_NAME). */
static void emit_name(Compiler *c, int op, const char *name)
{
    if (op_info[op].arg == OPARG_NAME) {
        name = sym_mangle(c->a, c->u->private_, name);
        names_add(c, &c->u->names, name);
    }
    emit(c, op)->name = name;
}

static void emit_jump(Compiler *c, int op, CfgBlock *target)
{
    emit(c, op)->target = target;
}

/* A jump with no location of its own (CPython's ADDOP_JUMP_NOLINE). */
static void emit_jump_noline(Compiler *c, int op, CfgBlock *target)
{
    CfgInstr *i = emit(c, op);
    i->target = target;
    i->pos.lineno = i->pos.end_lineno = i->pos.col = i->pos.end_col = -1;
}

static void emit_noline(Compiler *c, int op)
{
    CfgInstr *i = emit(c, op);
    i->pos.lineno = i->pos.end_lineno = i->pos.col = i->pos.end_col = -1;
}

/* Start a fresh block after a jump (CPython's NEXT_BLOCK). */
static void next_block(Compiler *c)
{
    use_block(c, new_block(c));
}

/* ---- frame blocks ---- */

static void push_fblock(Compiler *c, const Node *at, FBlockKind k, CfgBlock *b,
                        CfgBlock *exit, const void *datum)
{
    if (c->u->nfblocks >= MAX_FBLOCKS)
        error_at(c, at, "too many statically nested blocks");
    FBlock *f = &c->u->fblocks[c->u->nfblocks++];
    f->kind = k;
    f->block = b;
    f->exit = exit;
    f->datum = datum;
}

static void pop_fblock(Compiler *c)
{
    c->u->nfblocks--;
}

/* ---- scopes and name operations ---- */

static void compile_nameop(Compiler *c, const char *name, AstKind ctx)
{
    check_forbidden(c, name, ctx);
    const char *mangled = mangle(c, name);
    int scope = sym_scope_of_name(c->u->ste, mangled);
    bool function = c->u->ste->type == SYM_FUNCTION;
    enum { OPT_NAME, OPT_FAST, OPT_GLOBAL, OPT_DEREF } optype = OPT_NAME;
    switch (scope) {
    case SYM_FREE:
    case SYM_CELL:
        optype = OPT_DEREF;
        break;
    case SYM_LOCAL:
        if (function)
            optype = OPT_FAST;
        break;
    case SYM_GLOBAL_IMPLICIT:
        if (function)
            optype = OPT_GLOBAL;
        break;
    case SYM_GLOBAL_EXPLICIT:
        optype = OPT_GLOBAL;
        break;
    default:
        break;
    }
    int op = 0;
    switch (optype) {
    case OPT_DEREF:
        op = ctx == AST_Load ? (c->u->ste->type == SYM_CLASS ? OP_LOAD_CLASSDEREF : OP_LOAD_DEREF)
           : ctx == AST_Store ? OP_STORE_DEREF : OP_DELETE_DEREF;
        break;
    case OPT_FAST:
        names_add(c, &c->u->varnames, mangled);
        op = ctx == AST_Load ? OP_LOAD_FAST : ctx == AST_Store ? OP_STORE_FAST : OP_DELETE_FAST;
        break;
    case OPT_GLOBAL:
        op = ctx == AST_Load ? OP_LOAD_GLOBAL : ctx == AST_Store ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL;
        break;
    case OPT_NAME:
        op = ctx == AST_Load ? OP_LOAD_NAME : ctx == AST_Store ? OP_STORE_NAME : OP_DELETE_NAME;
        break;
    }
    emit_name(c, op, mangled);
}

/* CPython's compiler_set_qualname. */
static const char *make_qualname(Compiler *c, Unit *u, const char *name)
{
    Unit *p = u->parent;
    if (!p || p->kind == UNIT_MODULE)
        return name;
    bool force_global = false;
    if (u->kind == UNIT_FUNCTION || u->kind == UNIT_ASYNC_FUNCTION || u->kind == UNIT_CLASS) {
        const char *m = sym_mangle(c->a, p->private_, name);
        if (sym_scope_of_name(p->ste, m) == SYM_GLOBAL_EXPLICIT)
            force_global = true;
    }
    if (force_global)
        return name;
    Buf b = BUF_INIT;
    if (p->kind == UNIT_FUNCTION || p->kind == UNIT_ASYNC_FUNCTION || p->kind == UNIT_LAMBDA)
        buf_printf(&b, "%s.<locals>.%s", p->code->qualname, name);
    else
        buf_printf(&b, "%s.%s", p->code->qualname, name);
    const char *q = arena_strdup(c->a, b.data);
    buf_free(&b);
    return q;
}

static void enter_scope(Compiler *c, const char *name, UnitKind kind, const Node *node,
                        int firstlineno)
{
    Unit *u = arena_alloc(c->a, sizeof *u);
    u->parent = c->u;
    u->kind = kind;
    u->ste = sym_scope_of(c->st, node);
    if (!u->ste)
        ls_die(LS_EXIT_USAGE, "%s:%d: no symbol table for %s", c->filename,
               node->lineno, name);
    u->code = cfg_code_new(c->mod, c->a);
    u->code->name = name;
    u->code->firstlineno = firstlineno;
    u->private_ = c->u ? c->u->private_ : NULL;
    for (int i = 0; i < u->ste->nvarnames; i++)
        names_add(c, &u->varnames, u->ste->varnames[i]);
    for (int i = 0; i < u->ste->nsyms; i++) {
        SymEntry *e = &u->ste->syms[i];
        if (e->scope == SYM_CELL)
            names_add(c, &u->cellvars, e->name);
    }
    if (u->ste->needs_class_closure)
        names_add(c, &u->cellvars, "__class__");
    for (int i = 0; i < u->ste->nsyms; i++) {
        SymEntry *e = &u->ste->syms[i];
        if (e->scope == SYM_FREE ||
            (e->scope != SYM_FREE && (e->flags & SYM_DEF_FREE_CLASS) && u->ste->type == SYM_CLASS))
            names_add(c, &u->freevars, e->name);
    }
    names_sort(&u->cellvars);
    names_sort(&u->freevars);
    c->u = u;
    u->code->entry = u->cur = new_block(c);
    u->code->qualname = kind == UNIT_MODULE ? name : make_qualname(c, u, name);
    /* RESUME: the module's is at line 0 (CPython gives it (0, 1, 0, 0)),
     * a function's at its first line. */
    u->loc.lineno = kind == UNIT_MODULE ? 0 : firstlineno;
    u->loc.end_lineno = firstlineno;
    u->loc.col = 0;
    u->loc.end_col = 0;
    emit_i(c, OP_RESUME, 0);
    if (kind == UNIT_MODULE)
        unset_loc(c);
}

/* Finish the unit: implicit return, prologue, localsplus, optimisation. */
static CfgCode *exit_scope(Compiler *c, bool add_none)
{
    Unit *u = c->u;
    CfgBlock *cur = u->cur;
    if (!(cur->n && cur->instrs[cur->n - 1].op == OP_RETURN_VALUE)) {
        unset_loc(c);
        if (add_none)
            emit_const(c, cfg_const_none());
        emit(c, OP_RETURN_VALUE);
    }
    CfgCode *code = u->code;
    SymScope *ste = u->ste;
    int flags = 0;
    if (ste->type == SYM_FUNCTION) {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if (ste->nested)
            flags |= CO_NESTED;
        if (ste->generator && !ste->coroutine)
            flags |= CO_GENERATOR;
        if (!ste->generator && ste->coroutine)
            flags |= CO_COROUTINE;
        if (ste->generator && ste->coroutine)
            flags |= CO_ASYNC_GENERATOR;
        if (ste->varargs)
            flags |= CO_VARARGS;
        if (ste->varkeywords)
            flags |= CO_VARKEYWORDS;
    }
    code->flags = flags;
    /* co_localsplusnames: locals, cells (merged with a parameter of the
     * same name), frees. */
    for (int i = 0; i < u->varnames.n; i++)
        cfg_code_var(code, c->a, u->varnames.items[i], CFG_LOCAL);
    for (int i = 0; i < u->cellvars.n; i++)
        cfg_code_var(code, c->a, u->cellvars.items[i], CFG_CELL);
    for (int i = 0; i < u->freevars.n; i++)
        cfg_code_var(code, c->a, u->freevars.items[i], CFG_FREE);
    /* The prologue (CPython's insert_prefix_instructions), in a block of
     * its own before the entry: COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR. */
    int nprefix = u->cellvars.n + (u->freevars.n ? 1 : 0) +
                  ((flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) ? 2 : 0);
    if (nprefix) {
        CfgBlock *entry = code->entry;
        CfgBlock *pre = new_block(c);
        if (u->freevars.n) {
            CfgInstr *in = cfg_block_add(pre, c->a);
            in->op = OP_COPY_FREE_VARS;
            in->arg = u->freevars.n;
        }
        for (int i = 0; i < code->nvars; i++)
            if (code->varkinds[i] & CFG_CELL) {
                CfgInstr *in = cfg_block_add(pre, c->a);
                in->op = OP_MAKE_CELL;
                in->name = code->vars[i];
            }
        if (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
            CfgInstr *in = cfg_block_add(pre, c->a);
            in->op = OP_RETURN_GENERATOR;
            in->pos.lineno = in->pos.end_lineno = code->firstlineno;
            in = cfg_block_add(pre, c->a);
            in->op = OP_POP_TOP;
            in->pos.lineno = in->pos.end_lineno = code->firstlineno;
        }
        /* Put the prologue in front of the entry block's instructions. */
        for (int i = 0; i < entry->n; i++)
            *cfg_block_add(pre, c->a) = entry->instrs[i];
        entry->instrs = pre->instrs;
        entry->n = pre->n;
        entry->cap = pre->cap;
        pre->n = 0;
    }
    cfg_optimize(code, c->a, c->opt->optimize);
    /* co_consts: constants the optimiser made (folded tuples) go at the
     * end; then CPython's trim_unused_consts drops the unused tail (the
     * first constant, a docstring maybe, always stays). */
    int max_used = 0;
    for (CfgBlock *b = code->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->instrs[i];
            if (in->op != OP_LOAD_CONST && in->op != OP_KW_NAMES)
                continue;
            int k = unit_const(c, u, in->cst, in->code);
            if (k > max_used)
                max_used = k;
        }
    if (u->nconsts > max_used + 1)
        u->nconsts = max_used + 1;
    code->consts = u->consts;
    code->const_codes = u->const_codes;
    code->nconsts = u->nconsts;
    code->names = u->names.items;
    code->nnames = u->names.n;
    c->u = u->parent;
    return code;
}

/* ---- expressions ---- */

static int binop_arg(AstKind op, bool inplace)
{
    int n;
    switch (op) {
    case AST_Add: n = 0; break;
    case AST_BitAnd: n = 1; break;
    case AST_FloorDiv: n = 2; break;
    case AST_LShift: n = 3; break;
    case AST_MatMult: n = 4; break;
    case AST_Mult: n = 5; break;
    case AST_Mod: n = 6; break;
    case AST_BitOr: n = 7; break;
    case AST_Pow: n = 8; break;
    case AST_RShift: n = 9; break;
    case AST_Sub: n = 10; break;
    case AST_Div: n = 11; break;
    case AST_BitXor: n = 12; break;
    default: n = 0; break;
    }
    return inplace ? n + 13 : n;
}

/* ADDOP_COMPARE: COMPARE_OP, IS_OP or CONTAINS_OP. */
static void emit_compare(Compiler *c, const Node *op)
{
    switch (op->kind) {
    case AST_Lt: emit_i(c, OP_COMPARE_OP, 0); break;
    case AST_LtE: emit_i(c, OP_COMPARE_OP, 1); break;
    case AST_Eq: emit_i(c, OP_COMPARE_OP, 2); break;
    case AST_NotEq: emit_i(c, OP_COMPARE_OP, 3); break;
    case AST_Gt: emit_i(c, OP_COMPARE_OP, 4); break;
    case AST_GtE: emit_i(c, OP_COMPARE_OP, 5); break;
    case AST_Is: emit_i(c, OP_IS_OP, 0); break;
    case AST_IsNot: emit_i(c, OP_IS_OP, 1); break;
    case AST_In: emit_i(c, OP_CONTAINS_OP, 0); break;
    case AST_NotIn: emit_i(c, OP_CONTAINS_OP, 1); break;
    default: break;
    }
}

#define SEQ_NODE(seq, i) ((Node *)(seq)->items[i])

static void visit_seq(Compiler *c, AstSeq *s)
{
    for (int i = 0; i < s->len; i++)
        compile_expr(c, SEQ_NODE(s, i));
}

static void check_compare(Compiler *c, Node *e);
static void check_compare_shape(Compiler *c, Node *e);

/* compiler_jump_if: jump to next when e's truth equals cond. */
static void jump_if(Compiler *c, Node *e, CfgBlock *next, bool cond)
{
    switch (e->kind) {
    case AST_UnaryOp:
        if (e->v.UnaryOp.op->kind == AST_Not) {
            jump_if(c, e->v.UnaryOp.operand, next, !cond);
            return;
        }
        break;
    case AST_BoolOp: {
        AstSeq *s = e->v.BoolOp.values;
        if (s->len < 2)
            malformed(c, e, "BoolOp with less than two values");
        int n = s->len - 1;
        bool cond2 = e->v.BoolOp.op->kind == AST_Or;
        CfgBlock *next2 = next;
        if (cond2 != cond)
            next2 = new_block(c);
        for (int i = 0; i < n; i++)
            jump_if(c, SEQ_NODE(s, i), next2, cond2);
        jump_if(c, SEQ_NODE(s, n), next, cond);
        if (next2 != next)
            use_block(c, next2);
        return;
    }
    case AST_IfExp: {
        CfgBlock *end = new_block(c), *next2 = new_block(c);
        jump_if(c, e->v.IfExp.test, next2, false);
        jump_if(c, e->v.IfExp.body, next, cond);
        emit_jump_noline(c, OP_JUMP, end);
        use_block(c, next2);
        jump_if(c, e->v.IfExp.orelse, next, cond);
        use_block(c, end);
        return;
    }
    case AST_Compare: {
        check_compare_shape(c, e);
        int n = e->v.Compare.ops->len - 1;
        /* CPython gives a comparison's jumps the comparison's location,
         * and what follows keeps it until the next statement or expression */
        set_loc(c, e);
        if (n > 0) {
            check_compare(c, e);
            CfgBlock *cleanup = new_block(c);
            compile_expr(c, e->v.Compare.left);
            for (int i = 0; i < n; i++) {
                compile_expr(c, SEQ_NODE(e->v.Compare.comparators, i));
                emit_i(c, OP_SWAP, 2);
                emit_i(c, OP_COPY, 2);
                emit_compare(c, SEQ_NODE(e->v.Compare.ops, i));
                emit_jump(c, OP_POP_JUMP_IF_FALSE, cleanup);
                next_block(c);
            }
            compile_expr(c, SEQ_NODE(e->v.Compare.comparators, n));
            emit_compare(c, SEQ_NODE(e->v.Compare.ops, n));
            emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, next);
            next_block(c);
            CfgBlock *end = new_block(c);
            emit_jump_noline(c, OP_JUMP, end);
            use_block(c, cleanup);
            emit(c, OP_POP_TOP);
            if (!cond)
                emit_jump_noline(c, OP_JUMP, next);
            use_block(c, end);
            return;
        }
        break;
    }
    default:
        break;
    }
    compile_expr(c, e);
    emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, next);
    next_block(c);
}

static bool is_const(const Node *e)
{
    return e && e->kind == AST_Constant;
}

static bool all_const(AstSeq *s, int begin, int end)
{
    for (int i = begin; i < end; i++)
        if (!is_const(SEQ_NODE(s, i)))
            return false;
    return true;
}

static Const *seq_tuple(Compiler *c, AstSeq *s, int begin, int end)
{
    Const **items = arena_alloc(c->a, (size_t)(end - begin + 1) * sizeof *items);
    for (int i = begin; i < end; i++)
        items[i - begin] = SEQ_NODE(s, i)->v.Constant.value;
    return cfg_const_tuple(c->a, items, (size_t)(end - begin));
}

/* starunpack_helper: list/tuple/set displays and *args. */
static void starunpack(Compiler *c, AstSeq *elts, int pushed, int build, int add,
                       int extend, bool tuple)
{
    int n = elts->len;
    if (n > 2 && all_const(elts, 0, n)) {
        Const *folded = seq_tuple(c, elts, 0, n);
        if (tuple && !pushed) {
            emit_const(c, folded);
        } else {
            if (add == OP_SET_ADD)
                folded->kind = CONST_FROZENSET;
            emit_i(c, build, pushed);
            emit_const(c, folded);
            emit_i(c, extend, 1);
            if (tuple)
                emit(c, OP_LIST_TO_TUPLE);
        }
        return;
    }
    bool big = n + pushed > STACK_USE_GUIDELINE;
    bool seen_star = false;
    for (int i = 0; i < n; i++)
        if (SEQ_NODE(elts, i)->kind == AST_Starred)
            seen_star = true;
    if (!seen_star && !big) {
        visit_seq(c, elts);
        emit_i(c, tuple ? OP_BUILD_TUPLE : build, n + pushed);
        return;
    }
    bool built = false;
    if (big) {
        emit_i(c, build, pushed);
        built = true;
    }
    for (int i = 0; i < n; i++) {
        Node *elt = SEQ_NODE(elts, i);
        if (elt->kind == AST_Starred) {
            if (!built) {
                emit_i(c, build, i + pushed);
                built = true;
            }
            compile_expr(c, elt->v.Starred.value);
            emit_i(c, extend, 1);
        } else {
            compile_expr(c, elt);
            if (built)
                emit_i(c, add, 1);
        }
    }
    if (tuple)
        emit(c, OP_LIST_TO_TUPLE);
}

/* unpack_helper + assignment_helper: the targets of a tuple/list store. */
static void assign_unpack(Compiler *c, Node *e, AstSeq *elts)
{
    int n = elts->len;
    bool seen_star = false;
    for (int i = 0; i < n; i++) {
        Node *elt = SEQ_NODE(elts, i);
        if (elt->kind == AST_Starred && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 15))
                error_at(c, e, "too many expressions in star-unpacking assignment");
            emit_i(c, OP_UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = true;
        } else if (elt->kind == AST_Starred) {
            error_at(c, elt, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star)
        emit_i(c, OP_UNPACK_SEQUENCE, n);
    for (int i = 0; i < n; i++) {
        Node *elt = SEQ_NODE(elts, i);
        compile_expr(c, elt->kind == AST_Starred ? elt->v.Starred.value : elt);
    }
}

/* Count characters (code points) of a UTF-8 string. */
static int utf8_len(const char *s)
{
    int n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xc0) != 0x80)
            n++;
    return n;
}

/* CPython's update_start_location_to_match_attr. */
static void attr_loc(Compiler *c, const Node *attr)
{
    if (c->u->loc.lineno != attr->end_lineno) {
        c->u->loc.lineno = attr->end_lineno;
        int len = utf8_len(attr->v.Attribute.attr);
        if (len <= attr->end_col_offset) {
            c->u->loc.col = attr->end_col_offset - len;
        } else {
            c->u->loc.col = -1;
            c->u->loc.end_col = -1;
        }
        if (c->u->loc.end_lineno < c->u->loc.lineno)
            c->u->loc.end_lineno = c->u->loc.lineno;
    }
}

/* KW_NAMES for simple keyword arguments. */
static void kw_names(Compiler *c, AstSeq *kws)
{
    Const **items = arena_alloc(c->a, (size_t)(kws->len + 1) * sizeof *items);
    for (int i = 0; i < kws->len; i++) {
        const char *s = SEQ_NODE(kws, i)->v.keyword.arg;
        items[i] = cfg_const_str(c->a, s, strlen(s));
    }
    Const *t = cfg_const_tuple(c->a, items, (size_t)kws->len);
    unit_const(c, c->u, t, NULL);
    emit(c, OP_KW_NAMES)->cst = t;
}

static void check_keywords(Compiler *c, AstSeq *kws)
{
    for (int i = 0; i < kws->len; i++) {
        Node *k = SEQ_NODE(kws, i);
        if (!k->v.keyword.arg)
            continue;
        check_forbidden(c, k->v.keyword.arg, AST_Store);
        for (int j = i + 1; j < kws->len; j++) {
            Node *o = SEQ_NODE(kws, j);
            if (o->v.keyword.arg && strcmp(k->v.keyword.arg, o->v.keyword.arg) == 0) {
                Buf b = BUF_INIT;
                buf_printf(&b, "keyword argument repeated: %s", k->v.keyword.arg);
                const char *m = arena_strdup(c->a, b.data);
                buf_free(&b);
                error_at(c, o, m);
            }
        }
    }
}

/* compiler_subkwargs: keywords[begin:end] as one dict. */
static void subkwargs(Compiler *c, AstSeq *kws, int begin, int end)
{
    int n = end - begin;
    bool big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        Const **items = arena_alloc(c->a, (size_t)n * sizeof *items);
        for (int i = begin; i < end; i++) {
            Node *k = SEQ_NODE(kws, i);
            compile_expr(c, k->v.keyword.value);
            items[i - begin] = cfg_const_str(c->a, k->v.keyword.arg, strlen(k->v.keyword.arg));
        }
        emit_const(c, cfg_const_tuple(c->a, items, (size_t)n));
        emit_i(c, OP_BUILD_CONST_KEY_MAP, n);
        return;
    }
    /* CPython emits these two without a location (ADDOP_I_NOLINE) */
    if (big)
        emit_noline(c, OP_BUILD_MAP);
    for (int i = begin; i < end; i++) {
        Node *k = SEQ_NODE(kws, i);
        emit_const(c, cfg_const_str(c->a, k->v.keyword.arg, strlen(k->v.keyword.arg)));
        compile_expr(c, k->v.keyword.value);
        if (big) {
            emit_noline(c, OP_MAP_ADD);
            c->u->cur->instrs[c->u->cur->n - 1].arg = 1;
        }
    }
    if (!big)
        emit_i(c, OP_BUILD_MAP, n);
}

/* compiler_call_helper: arguments and the CALL, n values already pushed. */
static void call_helper(Compiler *c, int n, AstSeq *args, AstSeq *kws)
{
    check_keywords(c, kws);
    int nelts = args->len, nkw = kws->len;
    bool ex = nelts + nkw * 2 > STACK_USE_GUIDELINE;
    for (int i = 0; i < nelts && !ex; i++)
        if (SEQ_NODE(args, i)->kind == AST_Starred)
            ex = true;
    for (int i = 0; i < nkw && !ex; i++)
        if (!SEQ_NODE(kws, i)->v.keyword.arg)
            ex = true;
    if (!ex) {
        visit_seq(c, args);
        if (nkw) {
            for (int i = 0; i < nkw; i++)
                compile_expr(c, SEQ_NODE(kws, i)->v.keyword.value);
            kw_names(c, kws);
        }
        emit_i(c, OP_CALL, n + nelts + nkw);
        return;
    }
    if (n == 0 && nelts == 1 && SEQ_NODE(args, 0)->kind == AST_Starred)
        compile_expr(c, SEQ_NODE(args, 0)->v.Starred.value);
    else
        starunpack(c, args, n, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true);
    if (nkw) {
        bool have_dict = false;
        int nseen = 0;
        for (int i = 0; i < nkw; i++) {
            Node *kw = SEQ_NODE(kws, i);
            if (!kw->v.keyword.arg) {
                if (nseen) {
                    subkwargs(c, kws, i - nseen, i);
                    if (have_dict)
                        emit_i(c, OP_DICT_MERGE, 1);
                    have_dict = true;
                    nseen = 0;
                }
                if (!have_dict) {
                    emit_i(c, OP_BUILD_MAP, 0);
                    have_dict = true;
                }
                compile_expr(c, kw->v.keyword.value);
                emit_i(c, OP_DICT_MERGE, 1);
            } else {
                nseen++;
            }
        }
        if (nseen) {
            subkwargs(c, kws, nkw - nseen, nkw);
            if (have_dict)
                emit_i(c, OP_DICT_MERGE, 1);
        }
    }
    emit_i(c, OP_CALL_FUNCTION_EX, nkw > 0);
}

/* infer_type: the type name of a display or constant, or NULL. */
static const char *infer_type(const Node *e)
{
    switch (e->kind) {
    case AST_Tuple: return "tuple";
    case AST_List: case AST_ListComp: return "list";
    case AST_Dict: case AST_DictComp: return "dict";
    case AST_Set: case AST_SetComp: return "set";
    case AST_GeneratorExp: return "generator";
    case AST_Lambda: return "function";
    case AST_JoinedStr: case AST_FormattedValue: return "str";
    case AST_Constant:
        switch (e->v.Constant.value->kind) {
        case CONST_NONE: return "NoneType";
        case CONST_TRUE: case CONST_FALSE: return "bool";
        case CONST_ELLIPSIS: return "ellipsis";
        case CONST_INT: return "int";
        case CONST_FLOAT: return "float";
        case CONST_COMPLEX: return "complex";
        case CONST_STR: return "str";
        case CONST_BYTES: return "bytes";
        case CONST_TUPLE: return "tuple";
        case CONST_FROZENSET: return "frozenset";
        default: return NULL;
        }
    default: return NULL;
    }
}

static void warn_fmt(Compiler *c, const char *fmt, const char *a1, const char *a2)
{
    Buf b = BUF_INIT;
    buf_printf(&b, fmt, a1, a2);
    const char *m = arena_strdup(c->a, b.data);
    buf_free(&b);
    warn(c, m);
}

/* check_caller: calling a literal. */
static void check_caller(Compiler *c, const Node *e)
{
    switch (e->kind) {
    case AST_Constant: case AST_Tuple: case AST_List: case AST_ListComp: case AST_Dict:
    case AST_DictComp: case AST_Set: case AST_SetComp: case AST_GeneratorExp:
    case AST_JoinedStr: case AST_FormattedValue:
        warn_fmt(c, "'%s' object is not callable; perhaps you missed a comma?%s",
                 infer_type(e), "");
        break;
    default:
        break;
    }
}

/* check_subscripter and check_index: subscripting a literal. */
static void check_subscript(Compiler *c, const Node *e, const Node *idx)
{
    ConstKind k;
    switch (e->kind) {
    case AST_Constant:
        k = e->v.Constant.value->kind;
        if (!(k == CONST_NONE || k == CONST_ELLIPSIS || k == CONST_INT || k == CONST_TRUE ||
              k == CONST_FALSE || k == CONST_FLOAT || k == CONST_COMPLEX || k == CONST_FROZENSET))
            break;
        /* fall through */
    case AST_Set: case AST_SetComp: case AST_GeneratorExp: case AST_Lambda:
        warn_fmt(c, "'%s' object is not subscriptable; perhaps you missed a comma?%s",
                 infer_type(e), "");
        return;
    default:
        break;
    }
    const char *itype = infer_type(idx);
    if (!itype || strcmp(itype, "int") == 0 || strcmp(itype, "bool") == 0)
        return;
    switch (e->kind) {
    case AST_Constant:
        k = e->v.Constant.value->kind;
        if (!(k == CONST_STR || k == CONST_BYTES || k == CONST_TUPLE))
            return;
        /* fall through */
    case AST_Tuple: case AST_List: case AST_ListComp: case AST_JoinedStr:
    case AST_FormattedValue:
        warn_fmt(c, "%s indices must be integers or slices, not %s; perhaps you missed a comma?",
                 infer_type(e), itype);
        break;
    default:
        break;
    }
}

/* is_import_originated: is the name bound by an import at module level? */
static bool import_originated(Compiler *c, const Node *e)
{
    if (e->kind != AST_Name)
        return false;
    SymEntry *s = sym_lookup(c->st->top, e->v.Name.id);
    return s && (s->flags & SYM_DEF_IMPORT);
}

static void compile_call(Compiler *c, Node *e)
{
    Node *func = e->v.Call.func;
    AstSeq *args = e->v.Call.args, *kws = e->v.Call.keywords;
    /* maybe_optimize_method_call */
    if (func->kind == AST_Attribute && func->v.Attribute.ctx->kind == AST_Load &&
        !import_originated(c, func->v.Attribute.value) &&
        args->len + kws->len + (kws->len != 0) < STACK_USE_GUIDELINE) {
        bool ok = true;
        for (int i = 0; i < args->len; i++)
            if (SEQ_NODE(args, i)->kind == AST_Starred)
                ok = false;
        for (int i = 0; i < kws->len; i++)
            if (!SEQ_NODE(kws, i)->v.keyword.arg)
                ok = false;
        if (ok) {
            check_keywords(c, kws);
            compile_expr(c, func->v.Attribute.value);
            /* LOAD_METHOD and KW_NAMES at the attribute, CALL at the call */
            LsPos saved = c->u->loc;
            set_loc(c, func);
            attr_loc(c, func);
            emit_name(c, OP_LOAD_METHOD, func->v.Attribute.attr);
            visit_seq(c, args);
            if (kws->len) {
                for (int i = 0; i < kws->len; i++)
                    compile_expr(c, SEQ_NODE(kws, i)->v.keyword.value);
                kw_names(c, kws);
            }
            c->u->loc = saved;
            attr_loc(c, func);
            emit_i(c, OP_CALL, args->len + kws->len);
            return;
        }
    }
    check_caller(c, func);
    set_loc(c, func);
    emit(c, OP_PUSH_NULL);
    set_loc(c, e);
    compile_expr(c, func);
    call_helper(c, 0, args, kws);
}

static void compile_boolop(Compiler *c, Node *e)
{
    int op = e->v.BoolOp.op->kind == AST_And ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    CfgBlock *end = new_block(c);
    AstSeq *s = e->v.BoolOp.values;
    if (s->len < 2)
        malformed(c, e, "BoolOp with less than two values");
    int n = s->len - 1;
    for (int i = 0; i < n; i++) {
        compile_expr(c, SEQ_NODE(s, i));
        emit_jump(c, op, end);
        next_block(c);
    }
    compile_expr(c, SEQ_NODE(s, n));
    use_block(c, end);
}

/* check_is_arg: not a literal other than None, True, False, ... */
static bool is_arg_ok(const Node *e)
{
    if (e->kind != AST_Constant)
        return true;
    ConstKind k = e->v.Constant.value->kind;
    return k == CONST_NONE || k == CONST_TRUE || k == CONST_FALSE || k == CONST_ELLIPSIS;
}

/* check_compare: warn about `is` with a literal. */
static void check_compare(Compiler *c, Node *e)
{
    bool left = is_arg_ok(e->v.Compare.left);
    for (int i = 0; i < e->v.Compare.ops->len; i++) {
        AstKind op = SEQ_NODE(e->v.Compare.ops, i)->kind;
        bool right = is_arg_ok(SEQ_NODE(e->v.Compare.comparators, i));
        if ((op == AST_Is || op == AST_IsNot) && (!right || !left)) {
            warn(c, op == AST_Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                 : "\"is not\" with a literal. Did you mean \"!=\"?");
            return;
        }
        left = right;
    }
}

static void check_compare_shape(Compiler *c, Node *e)
{
    if (!e->v.Compare.ops->len || e->v.Compare.ops->len != e->v.Compare.comparators->len)
        malformed(c, e, "Compare with different numbers of operators and comparators");
}

static void compile_compare(Compiler *c, Node *e)
{
    check_compare_shape(c, e);
    check_compare(c, e);
    compile_expr(c, e->v.Compare.left);
    int n = e->v.Compare.ops->len - 1;
    if (n == 0) {
        compile_expr(c, SEQ_NODE(e->v.Compare.comparators, 0));
        emit_compare(c, SEQ_NODE(e->v.Compare.ops, 0));
        return;
    }
    CfgBlock *cleanup = new_block(c);
    for (int i = 0; i < n; i++) {
        compile_expr(c, SEQ_NODE(e->v.Compare.comparators, i));
        emit_i(c, OP_SWAP, 2);
        emit_i(c, OP_COPY, 2);
        emit_compare(c, SEQ_NODE(e->v.Compare.ops, i));
        emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
        next_block(c);
    }
    compile_expr(c, SEQ_NODE(e->v.Compare.comparators, n));
    emit_compare(c, SEQ_NODE(e->v.Compare.ops, n));
    CfgBlock *end = new_block(c);
    emit_jump_noline(c, OP_JUMP, end);
    use_block(c, cleanup);
    emit_i(c, OP_SWAP, 2);
    emit(c, OP_POP_TOP);
    use_block(c, end);
}

/* compiler_subdict: keys/values [begin, end) of a dict display. */
static void subdict(Compiler *c, Node *e, int begin, int end)
{
    int n = end - begin;
    bool big = n * 2 > STACK_USE_GUIDELINE;
    AstSeq *keys = e->v.Dict.keys, *values = e->v.Dict.values;
    if (n > 1 && !big && all_const(keys, begin, end)) {
        for (int i = begin; i < end; i++)
            compile_expr(c, SEQ_NODE(values, i));
        emit_const(c, seq_tuple(c, keys, begin, end));
        emit_i(c, OP_BUILD_CONST_KEY_MAP, n);
        return;
    }
    if (big)
        emit_i(c, OP_BUILD_MAP, 0);
    for (int i = begin; i < end; i++) {
        compile_expr(c, SEQ_NODE(keys, i));
        compile_expr(c, SEQ_NODE(values, i));
        if (big)
            emit_i(c, OP_MAP_ADD, 1);
    }
    if (!big)
        emit_i(c, OP_BUILD_MAP, n);
}

static void compile_dict(Compiler *c, Node *e)
{
    if (e->v.Dict.keys->len != e->v.Dict.values->len)
        malformed(c, e, "Dict with different numbers of keys and values");
    int n = e->v.Dict.values->len, elements = 0;
    bool have_dict = false;
    for (int i = 0; i < n; i++) {
        if (!SEQ_NODE(e->v.Dict.keys, i)) {
            if (elements) {
                subdict(c, e, i - elements, i);
                if (have_dict)
                    emit_i(c, OP_DICT_UPDATE, 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                emit_i(c, OP_BUILD_MAP, 0);
                have_dict = true;
            }
            compile_expr(c, SEQ_NODE(e->v.Dict.values, i));
            emit_i(c, OP_DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            subdict(c, e, i - elements, i + 1);
            if (have_dict)
                emit_i(c, OP_DICT_UPDATE, 1);
            have_dict = true;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        subdict(c, e, n - elements, n);
        if (have_dict)
            emit_i(c, OP_DICT_UPDATE, 1);
        have_dict = true;
    }
    if (!have_dict)
        emit_i(c, OP_BUILD_MAP, 0);
}

static void emit_yield(Compiler *c)
{
    if (c->u->ste->coroutine && c->u->ste->generator)
        emit(c, OP_ASYNC_GEN_WRAP);
    emit(c, OP_YIELD_VALUE);
    emit_i(c, OP_RESUME, 1);
}

/* compiler_add_yield_from: the SEND loop of yield from / await. */
static void yield_from(Compiler *c, bool await)
{
    CfgBlock *start = new_block(c), *resume = new_block(c), *exit = new_block(c);
    use_block(c, start);
    emit_jump(c, OP_SEND, exit);
    use_block(c, resume);
    emit(c, OP_YIELD_VALUE);
    emit_i(c, OP_RESUME, await ? 3 : 2);
    emit_jump(c, OP_JUMP_NO_INTERRUPT, start);
    use_block(c, exit);
}

/* ---- functions, lambdas, classes, comprehensions ---- */

/* compiler_make_closure: closure tuple, code, MAKE_FUNCTION. */
static bool code_same(const CfgCode *x, const CfgCode *y);

/* Are two instructions the same (jump targets by layout position)? */
static bool instr_same(const CfgInstr *p, const CfgInstr *q)
{
    if (p->op != q->op || p->arg != q->arg || memcmp(&p->pos, &q->pos, sizeof p->pos) != 0)
        return false;
    if ((p->name == NULL) != (q->name == NULL) || (p->name && strcmp(p->name, q->name) != 0))
        return false;
    if ((p->code == NULL) != (q->code == NULL) || (p->code && !code_same(p->code, q->code)))
        return false;
    if ((p->cst == NULL) != (q->cst == NULL) || (p->cst && !const_same(p->cst, q->cst)))
        return false;
    if ((p->target == NULL) != (q->target == NULL) ||
        (p->target && p->target->label != q->target->label))
        return false;
    return true;
}

/* code_richcompare: two code objects compiled from the same source (a
 * finally body compiled twice) are equal, and CPython keeps one. */
static bool code_same(const CfgCode *x, const CfgCode *y)
{
    if (x == y)
        return true;
    if (strcmp(x->name, y->name) || strcmp(x->qualname, y->qualname) ||
        x->firstlineno != y->firstlineno || x->argcount != y->argcount ||
        x->posonlyargcount != y->posonlyargcount || x->kwonlyargcount != y->kwonlyargcount ||
        x->flags != y->flags || x->nvars != y->nvars || x->nconsts != y->nconsts ||
        x->nnames != y->nnames)
        return false;
    for (int i = 0; i < x->nvars; i++)
        if (strcmp(x->vars[i], y->vars[i]) || x->varkinds[i] != y->varkinds[i])
            return false;
    for (int i = 0; i < x->nnames; i++)
        if (strcmp(x->names[i], y->names[i]))
            return false;
    for (int i = 0; i < x->nconsts; i++) {
        if ((x->const_codes[i] == NULL) != (y->const_codes[i] == NULL))
            return false;
        if (x->const_codes[i] ? !code_same(x->const_codes[i], y->const_codes[i])
                              : !const_same(x->consts[i], y->consts[i]))
            return false;
    }
    /* number the blocks by layout position, then compare them in order */
    int n = 0;
    for (CfgBlock *b = x->entry; b; b = b->next)
        b->label = n++;
    n = 0;
    for (CfgBlock *b = y->entry; b; b = b->next)
        b->label = n++;
    const CfgBlock *bx = x->entry, *by = y->entry;
    for (; bx && by; bx = bx->next, by = by->next) {
        if (bx->n != by->n)
            return false;
        for (int i = 0; i < bx->n; i++)
            if (!instr_same(&bx->instrs[i], &by->instrs[i]))
                return false;
    }
    return !bx && !by;
}

/* If an equal code object is already a constant of the current unit, use
 * that one and drop code (with the code nested in it, which follows it at
 * the end of the module's list). */
static CfgCode *dedup_code(Compiler *c, CfgCode *code)
{
    Unit *u = c->u;
    for (int i = 0; i < u->nconsts; i++) {
        CfgCode *old = u->const_codes[i];
        if (!old || !code_same(old, code))
            continue;
        CfgModule *m = c->mod;
        CfgCode *prev = NULL;
        for (CfgCode *k = m->first; k && k != code; k = k->next)
            prev = k;
        if (prev && prev->next == code) {
            prev->next = NULL;
            m->last = prev;
        }
        return old;
    }
    return code;
}

static void make_closure(Compiler *c, CfgCode *code, int flags)
{
    code = dedup_code(c, code);
    int nfree = 0;
    for (int i = 0; i < code->nvars; i++)
        if (code->varkinds[i] == CFG_FREE) {
            emit_name(c, OP_LOAD_CLOSURE, code->vars[i]);
            nfree++;
        }
    if (nfree) {
        flags |= 0x08;
        emit_i(c, OP_BUILD_TUPLE, nfree);
    }
    unit_const(c, c->u, NULL, code);
    emit(c, OP_LOAD_CONST)->code = code;
    emit_i(c, OP_MAKE_FUNCTION, flags);
}

/* compiler_default_arguments: defaults tuple and kw-only defaults dict. */
static int default_arguments(Compiler *c, Node *args)
{
    int flags = 0;
    AstSeq *defaults = args->v.arguments.defaults;
    if (defaults->len) {
        visit_seq(c, defaults);
        emit_i(c, OP_BUILD_TUPLE, defaults->len);
        flags |= 0x01;
    }
    AstSeq *kwonly = args->v.arguments.kwonlyargs, *kwd = args->v.arguments.kw_defaults;
    Const **keys = arena_alloc(c->a, (size_t)(kwonly->len + 1) * sizeof *keys);
    int nkeys = 0;
    for (int i = 0; i < kwonly->len; i++) {
        Node *d = i < kwd->len ? SEQ_NODE(kwd, i) : NULL;
        if (!d)
            continue;
        const char *m = mangle(c, SEQ_NODE(kwonly, i)->v.arg.arg);
        keys[nkeys++] = cfg_const_str(c->a, m, strlen(m));
        compile_expr(c, d);
    }
    if (nkeys) {
        emit_const(c, cfg_const_tuple(c->a, keys, (size_t)nkeys));
        emit_i(c, OP_BUILD_CONST_KEY_MAP, nkeys);
        flags |= 0x02;
    }
    return flags;
}

/* compiler_visit_annexpr: an annotation as the string of its source. */
static void annexpr(Compiler *c, Node *ann)
{
    const char *text = cfg_unparse(c->a, ann);
    if (!text)
        malformed(c, ann, "an f-string part that is not a string");
    emit_const(c, cfg_const_str(c->a, text, strlen(text)));
}

static void argannotation(Compiler *c, const char *id, Node *ann, int *len)
{
    if (!ann)
        return;
    const char *m = mangle(c, id);
    emit_const(c, cfg_const_str(c->a, m, strlen(m)));
    if (c->future_annotations) {
        annexpr(c, ann);
    } else if (ann->kind == AST_Starred) {
        compile_expr(c, ann->v.Starred.value);
        emit_i(c, OP_UNPACK_SEQUENCE, 1);
    } else {
        compile_expr(c, ann);
    }
    *len += 2;
}

/* compiler_visit_annotations: a flat tuple (name, value, ...), or 0. */
static int annotations(Compiler *c, Node *args, Node *returns)
{
    int len = 0;
    AstSeq *lists[] = {args->v.arguments.args, args->v.arguments.posonlyargs};
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < lists[k]->len; i++) {
            Node *a = SEQ_NODE(lists[k], i);
            argannotation(c, a->v.arg.arg, a->v.arg.annotation, &len);
        }
    if (args->v.arguments.vararg)
        argannotation(c, args->v.arguments.vararg->v.arg.arg,
                      args->v.arguments.vararg->v.arg.annotation, &len);
    for (int i = 0; i < args->v.arguments.kwonlyargs->len; i++) {
        Node *a = SEQ_NODE(args->v.arguments.kwonlyargs, i);
        argannotation(c, a->v.arg.arg, a->v.arg.annotation, &len);
    }
    if (args->v.arguments.kwarg)
        argannotation(c, args->v.arguments.kwarg->v.arg.arg,
                      args->v.arguments.kwarg->v.arg.annotation, &len);
    argannotation(c, "return", returns, &len);
    if (len) {
        emit_i(c, OP_BUILD_TUPLE, len);
        return 0x04;
    }
    return 0;
}

/* The docstring of a body: its first statement when that is a str constant. */
static Node *docstring(AstSeq *body)
{
    if (!body->len)
        return NULL;
    Node *s = SEQ_NODE(body, 0);
    if (s->kind != AST_Expr)
        return NULL;
    Node *v = s->v.Expr.value;
    if (v->kind == AST_Constant && v->v.Constant.value->kind == CONST_STR)
        return v;
    return NULL;
}

/* The function's first constant: its docstring or None (CPython adds it
 * before compiling the body). */
static void pin_const(Compiler *c, const Const *k)
{
    unit_const(c, c->u, k, NULL);
}

static void set_argcounts(Compiler *c, Node *args)
{
    CfgCode *code = c->u->code;
    code->posonlyargcount = args->v.arguments.posonlyargs->len;
    code->argcount = args->v.arguments.args->len + code->posonlyargcount;
    code->kwonlyargcount = args->v.arguments.kwonlyargs->len;
}

static void apply_decorators(Compiler *c, AstSeq *decos)
{
    LsPos saved = c->u->loc;
    for (int i = decos->len - 1; i >= 0; i--) {
        set_loc(c, SEQ_NODE(decos, i));
        emit_i(c, OP_CALL, 0);
    }
    c->u->loc = saved;
}

static void compile_function(Compiler *c, Node *s, bool is_async)
{
    const char *name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    Node *args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    AstSeq *body = is_async ? s->v.AsyncFunctionDef.body : s->v.FunctionDef.body;
    AstSeq *decos = is_async ? s->v.AsyncFunctionDef.decorator_list : s->v.FunctionDef.decorator_list;
    Node *returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    check_debug_args(c, args);
    visit_seq(c, decos);
    int firstlineno = s->lineno;
    if (decos->len)
        firstlineno = SEQ_NODE(decos, 0)->lineno;
    int flags = default_arguments(c, args);
    flags |= annotations(c, args, returns);
    enter_scope(c, name, is_async ? UNIT_ASYNC_FUNCTION : UNIT_FUNCTION, s, firstlineno);
    Node *doc = docstring(body);
    pin_const(c, doc ? doc->v.Constant.value : cfg_const_none());
    set_argcounts(c, args);
    for (int i = doc ? 1 : 0; i < body->len; i++)
        compile_stmt(c, SEQ_NODE(body, i));
    CfgCode *code = exit_scope(c, true);
    make_closure(c, code, flags);
    apply_decorators(c, decos);
    compile_nameop(c, name, AST_Store);
}

static void compile_lambda(Compiler *c, Node *e)
{
    Node *args = e->v.Lambda.args;
    check_debug_args(c, args);
    int flags = default_arguments(c, args);
    enter_scope(c, "<lambda>", UNIT_LAMBDA, e, e->lineno);
    pin_const(c, cfg_const_none());
    set_argcounts(c, args);
    compile_expr(c, e->v.Lambda.body);
    CfgCode *code;
    if (c->u->ste->generator) {
        code = exit_scope(c, false);
    } else {
        emit(c, OP_RETURN_VALUE);
        code = exit_scope(c, true);
    }
    make_closure(c, code, flags);
}

/* find_ann: does the body hold an annotated assignment (not in nested
 * functions or classes)? */
static bool find_ann(AstSeq *stmts)
{
    for (int i = 0; i < stmts->len; i++) {
        Node *s = SEQ_NODE(stmts, i);
        switch (s->kind) {
        case AST_AnnAssign:
            return true;
        case AST_For: case AST_AsyncFor:
            if (find_ann(s->v.For.body) || find_ann(s->v.For.orelse))
                return true;
            break;
        case AST_While:
            if (find_ann(s->v.While.body) || find_ann(s->v.While.orelse))
                return true;
            break;
        case AST_If:
            if (find_ann(s->v.If.body) || find_ann(s->v.If.orelse))
                return true;
            break;
        case AST_With: case AST_AsyncWith:
            if (find_ann(s->v.With.body))
                return true;
            break;
        case AST_Try: case AST_TryStar:
            for (int j = 0; j < s->v.Try.handlers->len; j++)
                if (find_ann(SEQ_NODE(s->v.Try.handlers, j)->v.ExceptHandler.body))
                    return true;
            if (find_ann(s->v.Try.body) || find_ann(s->v.Try.finalbody) ||
                find_ann(s->v.Try.orelse))
                return true;
            break;
        case AST_Match:
            for (int j = 0; j < s->v.Match.cases->len; j++)
                if (find_ann(SEQ_NODE(s->v.Match.cases, j)->v.match_case.body))
                    return true;
            break;
        default:
            break;
        }
    }
    return false;
}

/* compiler_body: module and class bodies (docstring into __doc__). */
static void compile_body(Compiler *c, AstSeq *stmts)
{
    /* SETUP_ANNOTATIONS gets the line of the module's first statement */
    if (c->u->kind == UNIT_MODULE && stmts->len)
        set_loc(c, SEQ_NODE(stmts, 0));
    if (find_ann(stmts))
        emit(c, OP_SETUP_ANNOTATIONS);
    int i = 0;
    Node *doc = docstring(stmts);
    if (doc) {
        i = 1;
        set_loc(c, SEQ_NODE(stmts, 0));
        compile_expr(c, doc);
        unset_loc(c);
        compile_nameop(c, "__doc__", AST_Store);
    }
    for (; i < stmts->len; i++)
        compile_stmt(c, SEQ_NODE(stmts, i));
}

static void compile_class(Compiler *c, Node *s)
{
    AstSeq *decos = s->v.ClassDef.decorator_list;
    visit_seq(c, decos);
    int firstlineno = s->lineno;
    if (decos->len)
        firstlineno = SEQ_NODE(decos, 0)->lineno;
    enter_scope(c, s->v.ClassDef.name, UNIT_CLASS, s, firstlineno);
    c->u->private_ = s->v.ClassDef.name;
    compile_nameop(c, "__name__", AST_Load);
    compile_nameop(c, "__module__", AST_Store);
    const char *q = c->u->code->qualname;
    emit_const(c, cfg_const_str(c->a, q, strlen(q)));
    compile_nameop(c, "__qualname__", AST_Store);
    compile_body(c, s->v.ClassDef.body);
    unset_loc(c);
    if (c->u->ste->needs_class_closure) {
        emit_name(c, OP_LOAD_CLOSURE, "__class__");
        emit_i(c, OP_COPY, 1);
        compile_nameop(c, "__classcell__", AST_Store);
    } else {
        emit_const(c, cfg_const_none());
    }
    emit(c, OP_RETURN_VALUE);
    CfgCode *code = exit_scope(c, true);
    emit(c, OP_PUSH_NULL);
    emit(c, OP_LOAD_BUILD_CLASS);
    make_closure(c, code, 0);
    const char *name = s->v.ClassDef.name;
    emit_const(c, cfg_const_str(c->a, name, strlen(name)));
    call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords);
    apply_decorators(c, decos);
    compile_nameop(c, name, AST_Store);
}

enum { COMP_GENEXP, COMP_LISTCOMP, COMP_SETCOMP, COMP_DICTCOMP };

static void comprehension_generator(Compiler *c, AstSeq *gens, int gen_index, int depth,
                                    Node *elt, Node *val, int type);

/* The innermost part of a comprehension: add the element. */
static void comprehension_element(Compiler *c, Node *elt, Node *val, int type, int depth)
{
    switch (type) {
    case COMP_GENEXP:
        compile_expr(c, elt);
        emit_yield(c);
        emit(c, OP_POP_TOP);
        break;
    case COMP_LISTCOMP:
        compile_expr(c, elt);
        emit_i(c, OP_LIST_APPEND, depth + 1);
        break;
    case COMP_SETCOMP:
        compile_expr(c, elt);
        emit_i(c, OP_SET_ADD, depth + 1);
        break;
    default:
        compile_expr(c, elt);
        compile_expr(c, val);
        emit_i(c, OP_MAP_ADD, depth + 1);
        break;
    }
}

/* compiler_async_comprehension_generator: `async for` in a comprehension. */
static void async_comprehension_generator(Compiler *c, AstSeq *gens, int gen_index,
                                          int depth, Node *elt, Node *val, int type)
{
    Node *gen = SEQ_NODE(gens, gen_index);
    CfgBlock *start = new_block(c), *except = new_block(c), *if_cleanup = new_block(c);
    if (gen_index == 0) {
        c->u->code->argcount = 1;
        names_add(c, &c->u->varnames, ".0");
        emit_name(c, OP_LOAD_FAST, ".0");
    } else {
        compile_expr(c, gen->v.comprehension.iter);
        emit(c, OP_GET_AITER);
    }
    use_block(c, start);
    push_fblock(c, gen->v.comprehension.iter, FB_ASYNC_COMPREHENSION_GENERATOR, start, NULL, NULL);
    emit_jump(c, OP_SETUP_FINALLY, except);
    emit(c, OP_GET_ANEXT);
    emit_const(c, cfg_const_none());
    yield_from(c, true);
    emit(c, OP_POP_BLOCK);
    compile_expr(c, gen->v.comprehension.target);
    AstSeq *ifs = gen->v.comprehension.ifs;
    for (int i = 0; i < ifs->len; i++)
        jump_if(c, SEQ_NODE(ifs, i), if_cleanup, false);
    depth++;
    if (++gen_index < gens->len)
        comprehension_generator(c, gens, gen_index, depth, elt, val, type);
    if (gen_index >= gens->len)
        comprehension_element(c, elt, val, type, depth);
    use_block(c, if_cleanup);
    emit_jump(c, OP_JUMP, start);
    pop_fblock(c);
    use_block(c, except);
    emit(c, OP_END_ASYNC_FOR);
}

static void comprehension_generator(Compiler *c, AstSeq *gens, int gen_index, int depth,
                                    Node *elt, Node *val, int type)
{
    Node *gen = SEQ_NODE(gens, gen_index);
    if (gen->v.comprehension.is_async) {
        async_comprehension_generator(c, gens, gen_index, depth, elt, val, type);
        return;
    }
    CfgBlock *start = new_block(c), *if_cleanup = new_block(c), *anchor = new_block(c);
    if (gen_index == 0) {
        c->u->code->argcount = 1;
        names_add(c, &c->u->varnames, ".0");
        emit_name(c, OP_LOAD_FAST, ".0");
    } else {
        Node *it = gen->v.comprehension.iter;
        AstSeq *elts = it->kind == AST_List ? it->v.List.elts
                     : it->kind == AST_Tuple ? it->v.Tuple.elts : NULL;
        if (elts && elts->len == 1 && SEQ_NODE(elts, 0)->kind != AST_Starred) {
            compile_expr(c, SEQ_NODE(elts, 0));
            start = NULL;
        }
        if (start) {
            compile_expr(c, it);
            emit(c, OP_GET_ITER);
        }
    }
    if (start) {
        depth++;
        use_block(c, start);
        emit_jump(c, OP_FOR_ITER, anchor);
        next_block(c);
    }
    compile_expr(c, gen->v.comprehension.target);
    AstSeq *ifs = gen->v.comprehension.ifs;
    for (int i = 0; i < ifs->len; i++)
        jump_if(c, SEQ_NODE(ifs, i), if_cleanup, false);
    if (++gen_index < gens->len)
        comprehension_generator(c, gens, gen_index, depth, elt, val, type);
    if (gen_index >= gens->len)
        comprehension_element(c, elt, val, type, depth);
    use_block(c, if_cleanup);
    if (start) {
        emit_jump(c, OP_JUMP, start);
        use_block(c, anchor);
    }
}

static void compile_comprehension(Compiler *c, Node *e, int type, const char *name,
                                  AstSeq *gens, Node *elt, Node *val)
{
    if (!gens->len)
        malformed(c, e, "comprehension without generators");
    Node *outer = SEQ_NODE(gens, 0);
    LsPos loc = c->u->loc;
    UnitKind outer_kind = c->u->kind;
    enter_scope(c, name, UNIT_COMPREHENSION, e, e->lineno);
    c->u->loc = loc;
    bool is_async_generator = c->u->ste->coroutine;
    if (is_async_generator && type != COMP_GENEXP && outer_kind != UNIT_ASYNC_FUNCTION &&
        outer_kind != UNIT_COMPREHENSION)
        error_at(c, e, "asynchronous comprehension outside of an asynchronous function");
    if (type != COMP_GENEXP)
        emit_i(c, type == COMP_LISTCOMP ? OP_BUILD_LIST : type == COMP_SETCOMP ? OP_BUILD_SET : OP_BUILD_MAP, 0);
    comprehension_generator(c, gens, 0, 0, elt, val, type);
    if (type != COMP_GENEXP)
        emit(c, OP_RETURN_VALUE);
    CfgCode *code = exit_scope(c, true);
    make_closure(c, code, 0);
    compile_expr(c, outer->v.comprehension.iter);
    emit(c, outer->v.comprehension.is_async ? OP_GET_AITER : OP_GET_ITER);
    emit_i(c, OP_CALL, 0);
    if (is_async_generator && type != COMP_GENEXP) {
        emit_i(c, OP_GET_AWAITABLE, 0);
        emit_const(c, cfg_const_none());
        yield_from(c, true);
    }
}

/* ---- expressions: the dispatcher ---- */

static void compile_expr1(Compiler *c, Node *e)
{
    switch (e->kind) {
    case AST_NamedExpr:
        compile_expr(c, e->v.NamedExpr.value);
        emit_i(c, OP_COPY, 1);
        compile_expr(c, e->v.NamedExpr.target);
        break;
    case AST_BoolOp:
        compile_boolop(c, e);
        break;
    case AST_BinOp:
        compile_expr(c, e->v.BinOp.left);
        compile_expr(c, e->v.BinOp.right);
        emit_i(c, OP_BINARY_OP, binop_arg(e->v.BinOp.op->kind, false));
        break;
    case AST_UnaryOp:
        compile_expr(c, e->v.UnaryOp.operand);
        switch (e->v.UnaryOp.op->kind) {
        case AST_Invert: emit(c, OP_UNARY_INVERT); break;
        case AST_Not: emit(c, OP_UNARY_NOT); break;
        case AST_UAdd: emit(c, OP_UNARY_POSITIVE); break;
        default: emit(c, OP_UNARY_NEGATIVE); break;
        }
        break;
    case AST_Lambda:
        compile_lambda(c, e);
        break;
    case AST_IfExp: {
        CfgBlock *end = new_block(c), *next = new_block(c);
        jump_if(c, e->v.IfExp.test, next, false);
        compile_expr(c, e->v.IfExp.body);
        emit_jump_noline(c, OP_JUMP, end);
        use_block(c, next);
        compile_expr(c, e->v.IfExp.orelse);
        use_block(c, end);
        break;
    }
    case AST_Dict:
        compile_dict(c, e);
        break;
    case AST_Set:
        starunpack(c, e->v.Set.elts, 0, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE, false);
        break;
    case AST_GeneratorExp:
        compile_comprehension(c, e, COMP_GENEXP, "<genexpr>", e->v.GeneratorExp.generators,
                              e->v.GeneratorExp.elt, NULL);
        break;
    case AST_ListComp:
        compile_comprehension(c, e, COMP_LISTCOMP, "<listcomp>", e->v.ListComp.generators,
                              e->v.ListComp.elt, NULL);
        break;
    case AST_SetComp:
        compile_comprehension(c, e, COMP_SETCOMP, "<setcomp>", e->v.SetComp.generators,
                              e->v.SetComp.elt, NULL);
        break;
    case AST_DictComp:
        compile_comprehension(c, e, COMP_DICTCOMP, "<dictcomp>", e->v.DictComp.generators,
                              e->v.DictComp.key, e->v.DictComp.value);
        break;
    case AST_Yield:
        if (c->u->ste->type != SYM_FUNCTION)
            error_at(c, e, "'yield' outside function");
        if (e->v.Yield.value)
            compile_expr(c, e->v.Yield.value);
        else
            emit_const(c, cfg_const_none());
        emit_yield(c);
        break;
    case AST_YieldFrom:
        if (c->u->ste->type != SYM_FUNCTION)
            error_at(c, e, "'yield' outside function");
        if (c->u->kind == UNIT_ASYNC_FUNCTION)
            error_at(c, e, "'yield from' inside async function");
        compile_expr(c, e->v.YieldFrom.value);
        emit(c, OP_GET_YIELD_FROM_ITER);
        emit_const(c, cfg_const_none());
        yield_from(c, false);
        break;
    case AST_Await:
        if (c->u->ste->type != SYM_FUNCTION)
            error_at(c, e, "'await' outside function");
        if (c->u->kind != UNIT_ASYNC_FUNCTION && c->u->kind != UNIT_COMPREHENSION)
            error_at(c, e, "'await' outside async function");
        compile_expr(c, e->v.Await.value);
        emit_i(c, OP_GET_AWAITABLE, 0);
        emit_const(c, cfg_const_none());
        yield_from(c, true);
        break;
    case AST_Compare:
        compile_compare(c, e);
        break;
    case AST_Call:
        compile_call(c, e);
        break;
    case AST_Constant:
        emit_const(c, e->v.Constant.value);
        break;
    case AST_JoinedStr: {
        AstSeq *vals = e->v.JoinedStr.values;
        if (vals->len > STACK_USE_GUIDELINE) {
            emit_const(c, cfg_const_str(c->a, "", 0));
            emit_name(c, OP_LOAD_METHOD, "join");
            emit_i(c, OP_BUILD_LIST, 0);
            for (int i = 0; i < vals->len; i++) {
                compile_expr(c, SEQ_NODE(vals, i));
                emit_i(c, OP_LIST_APPEND, 1);
            }
            emit_i(c, OP_CALL, 1);
        } else {
            visit_seq(c, vals);
            if (vals->len != 1)
                emit_i(c, OP_BUILD_STRING, vals->len);
        }
        break;
    }
    case AST_FormattedValue: {
        compile_expr(c, e->v.FormattedValue.value);
        int conv = e->v.FormattedValue.conversion;
        int oparg = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
        if (e->v.FormattedValue.format_spec) {
            compile_expr(c, e->v.FormattedValue.format_spec);
            oparg |= 4;
        }
        emit_i(c, OP_FORMAT_VALUE, oparg);
        break;
    }
    case AST_Attribute:
        compile_expr(c, e->v.Attribute.value);
        attr_loc(c, e);
        switch (e->v.Attribute.ctx->kind) {
        case AST_Load: emit_name(c, OP_LOAD_ATTR, e->v.Attribute.attr); break;
        case AST_Store:
            check_forbidden(c, e->v.Attribute.attr, AST_Store);
            emit_name(c, OP_STORE_ATTR, e->v.Attribute.attr);
            break;
        default: emit_name(c, OP_DELETE_ATTR, e->v.Attribute.attr); break;
        }
        break;
    case AST_Subscript:
        if (e->v.Subscript.ctx->kind == AST_Load)
            check_subscript(c, e->v.Subscript.value, e->v.Subscript.slice);
        compile_expr(c, e->v.Subscript.value);
        compile_expr(c, e->v.Subscript.slice);
        switch (e->v.Subscript.ctx->kind) {
        case AST_Load: emit(c, OP_BINARY_SUBSCR); break;
        case AST_Store: emit(c, OP_STORE_SUBSCR); break;
        default: emit(c, OP_DELETE_SUBSCR); break;
        }
        break;
    case AST_Starred:
        if (e->v.Starred.ctx->kind == AST_Store)
            error_at(c, e, "starred assignment target must be in a list or tuple");
        error_at(c, e, "can't use starred expression here");
    case AST_Slice: {
        int n = 2;
        if (e->v.Slice.lower)
            compile_expr(c, e->v.Slice.lower);
        else
            emit_const(c, cfg_const_none());
        if (e->v.Slice.upper)
            compile_expr(c, e->v.Slice.upper);
        else
            emit_const(c, cfg_const_none());
        if (e->v.Slice.step) {
            n++;
            compile_expr(c, e->v.Slice.step);
        }
        emit_i(c, OP_BUILD_SLICE, n);
        break;
    }
    case AST_Name:
        compile_nameop(c, e->v.Name.id, e->v.Name.ctx->kind);
        break;
    case AST_List:
    case AST_Tuple: {
        bool list = e->kind == AST_List;
        AstSeq *elts = list ? e->v.List.elts : e->v.Tuple.elts;
        AstKind ctx = (list ? e->v.List.ctx : e->v.Tuple.ctx)->kind;
        if (ctx == AST_Store)
            assign_unpack(c, e, elts);
        else if (ctx == AST_Load)
            starunpack(c, elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, !list);
        else
            visit_seq(c, elts);
        break;
    }
    default:
        unsupported(c, e, ast_kinds[e->kind].name);
    }
}

static void compile_expr(Compiler *c, Node *e)
{
    LsPos saved = c->u->loc;
    set_loc(c, e);
    compile_expr1(c, e);
    c->u->loc = saved;
}

/* ---- statements ---- */

static void unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop);

static void call_exit_with_nones(Compiler *c)
{
    emit_const(c, cfg_const_none());
    emit_const(c, cfg_const_none());
    emit_const(c, cfg_const_none());
    emit_i(c, OP_CALL, 2);
}

/* compiler_unwind_fblock: leave one frame block on break/continue/return. */
static void unwind_fblock(Compiler *c, FBlock *f, bool preserve_tos)
{
    switch (f->kind) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
    case FB_ASYNC_COMPREHENSION_GENERATOR:
        return;
    case FB_FOR_LOOP:
        if (preserve_tos)
            emit_i(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP);
        return;
    case FB_TRY_EXCEPT:
        emit(c, OP_POP_BLOCK);
        return;
    case FB_FINALLY_TRY:
        emit(c, OP_POP_BLOCK);
        if (preserve_tos)
            push_fblock(c, NULL, FB_POP_VALUE, NULL, NULL, NULL);
        compile_body_seq(c, (AstSeq *)f->datum);
        if (preserve_tos)
            pop_fblock(c);
        unset_loc(c);
        return;
    case FB_FINALLY_END:
        if (preserve_tos)
            emit_i(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP);
        if (preserve_tos)
            emit_i(c, OP_SWAP, 2);
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_EXCEPT);
        return;
    case FB_WITH:
    case FB_ASYNC_WITH:
        set_loc(c, f->datum);
        emit(c, OP_POP_BLOCK);
        if (preserve_tos)
            emit_i(c, OP_SWAP, 2);
        call_exit_with_nones(c);
        if (f->kind == FB_ASYNC_WITH) {
            emit_i(c, OP_GET_AWAITABLE, 2);
            emit_const(c, cfg_const_none());
            yield_from(c, true);
        }
        emit(c, OP_POP_TOP);
        unset_loc(c);
        return;
    case FB_HANDLER_CLEANUP:
        if (f->datum)
            emit(c, OP_POP_BLOCK);
        if (preserve_tos)
            emit_i(c, OP_SWAP, 2);
        emit(c, OP_POP_BLOCK);
        emit(c, OP_POP_EXCEPT);
        if (f->datum) {
            emit_const(c, cfg_const_none());
            compile_nameop(c, f->datum, AST_Store);
            compile_nameop(c, f->datum, AST_Del);
        }
        return;
    case FB_POP_VALUE:
        if (preserve_tos)
            emit_i(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP);
        return;
    }
}

static void unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop)
{
    Unit *u = c->u;
    if (u->nfblocks == 0)
        return;
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (top->kind == FB_EXCEPTION_GROUP_HANDLER)
        error_at(c, NULL, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop && (top->kind == FB_WHILE_LOOP || top->kind == FB_FOR_LOOP)) {
        *loop = top;
        return;
    }
    FBlock copy = *top;
    u->nfblocks--;
    unwind_fblock(c, &copy, preserve_tos);
    unwind_fblock_stack(c, preserve_tos, loop);
    u->fblocks[u->nfblocks++] = copy;
}

static void compile_return(Compiler *c, Node *s)
{
    Node *v = s->v.Return.value;
    bool preserve_tos = v && v->kind != AST_Constant;
    if (c->u->ste->type != SYM_FUNCTION)
        error_at(c, s, "'return' outside function");
    if (v && c->u->ste->coroutine && c->u->ste->generator)
        error_at(c, s, "'return' with value in async generator");
    if (preserve_tos) {
        compile_expr(c, v);
    } else if (v) {
        set_loc(c, v);
        emit(c, OP_NOP);
    }
    if (!v || v->lineno != s->lineno) {
        set_loc(c, s);
        emit(c, OP_NOP);
    }
    unwind_fblock_stack(c, preserve_tos, NULL);
    if (!v)
        emit_const(c, cfg_const_none());
    else if (!preserve_tos)
        emit_const(c, v->v.Constant.value);
    /* no new block here: a body ending in `return` gets no implicit
     * `return None` (CPython's b_return), not even in co_consts */
    emit(c, OP_RETURN_VALUE);
}

static void compile_break_continue(Compiler *c, Node *s, bool is_break)
{
    FBlock *loop = NULL;
    emit(c, OP_NOP);
    unwind_fblock_stack(c, false, &loop);
    if (!loop)
        error_at(c, s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    if (is_break) {
        unwind_fblock(c, loop, false);
        emit_jump(c, OP_JUMP, loop->exit);
    } else {
        emit_jump(c, OP_JUMP, loop->block);
    }
    next_block(c);
}

static void compile_if(Compiler *c, Node *s)
{
    CfgBlock *end = new_block(c);
    CfgBlock *next = s->v.If.orelse->len ? new_block(c) : end;
    jump_if(c, s->v.If.test, next, false);
    compile_body_seq(c, s->v.If.body);
    if (s->v.If.orelse->len) {
        emit_jump_noline(c, OP_JUMP, end);
        use_block(c, next);
        compile_body_seq(c, s->v.If.orelse);
    }
    use_block(c, end);
}

static void compile_while(Compiler *c, Node *s)
{
    CfgBlock *loop = new_block(c), *body = new_block(c), *anchor = new_block(c),
             *end = new_block(c);
    use_block(c, loop);
    push_fblock(c, s, FB_WHILE_LOOP, loop, end, NULL);
    jump_if(c, s->v.While.test, anchor, false);
    use_block(c, body);
    compile_body_seq(c, s->v.While.body);
    set_loc(c, s);
    jump_if(c, s->v.While.test, body, true);
    pop_fblock(c);
    use_block(c, anchor);
    compile_body_seq(c, s->v.While.orelse);
    use_block(c, end);
}

static void compile_for(Compiler *c, Node *s)
{
    CfgBlock *start = new_block(c), *body = new_block(c), *cleanup = new_block(c),
             *end = new_block(c);
    push_fblock(c, s, FB_FOR_LOOP, start, end, NULL);
    compile_expr(c, s->v.For.iter);
    emit(c, OP_GET_ITER);
    use_block(c, start);
    emit_jump(c, OP_FOR_ITER, cleanup);
    use_block(c, body);
    compile_expr(c, s->v.For.target);
    compile_body_seq(c, s->v.For.body);
    unset_loc(c);
    emit_jump(c, OP_JUMP, start);
    use_block(c, cleanup);
    pop_fblock(c);
    compile_body_seq(c, s->v.For.orelse);
    use_block(c, end);
}

/* POP_EXCEPT_AND_RERAISE */
static void pop_except_and_reraise(Compiler *c)
{
    emit_i(c, OP_COPY, 3);
    emit(c, OP_POP_EXCEPT);
    emit_i(c, OP_RERAISE, 1);
}

static void compile_try_except(Compiler *c, Node *s)
{
    CfgBlock *body = new_block(c), *except = new_block(c), *end = new_block(c),
             *cleanup = new_block(c);
    emit_jump(c, OP_SETUP_FINALLY, except);
    use_block(c, body);
    push_fblock(c, s, FB_TRY_EXCEPT, body, NULL, NULL);
    compile_body_seq(c, s->v.Try.body);
    pop_fblock(c);
    emit_noline(c, OP_POP_BLOCK);
    compile_body_seq(c, s->v.Try.orelse);
    emit_jump_noline(c, OP_JUMP, end);
    int n = s->v.Try.handlers->len;
    use_block(c, except);
    unset_loc(c);
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    push_fblock(c, s, FB_EXCEPTION_HANDLER, NULL, NULL, NULL);
    for (int i = 0; i < n; i++) {
        Node *h = SEQ_NODE(s->v.Try.handlers, i);
        set_loc(c, h);
        if (!h->v.ExceptHandler.type && i < n - 1)
            error_at(c, h, "default 'except:' must be last");
        except = new_block(c);
        if (h->v.ExceptHandler.type) {
            compile_expr(c, h->v.ExceptHandler.type);
            emit(c, OP_CHECK_EXC_MATCH);
            emit_jump(c, OP_POP_JUMP_IF_FALSE, except);
        }
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            CfgBlock *cleanup_end = new_block(c), *cleanup_body = new_block(c);
            compile_nameop(c, name, AST_Store);
            emit_jump(c, OP_SETUP_CLEANUP, cleanup_end);
            use_block(c, cleanup_body);
            push_fblock(c, h, FB_HANDLER_CLEANUP, cleanup_body, NULL, name);
            compile_body_seq(c, h->v.ExceptHandler.body);
            pop_fblock(c);
            unset_loc(c);
            emit(c, OP_POP_BLOCK);
            emit(c, OP_POP_BLOCK);
            emit(c, OP_POP_EXCEPT);
            emit_const(c, cfg_const_none());
            compile_nameop(c, name, AST_Store);
            compile_nameop(c, name, AST_Del);
            emit_jump(c, OP_JUMP, end);
            use_block(c, cleanup_end);
            unset_loc(c);
            emit_const(c, cfg_const_none());
            compile_nameop(c, name, AST_Store);
            compile_nameop(c, name, AST_Del);
            emit_i(c, OP_RERAISE, 1);
        } else {
            CfgBlock *cleanup_body = new_block(c);
            emit(c, OP_POP_TOP);
            use_block(c, cleanup_body);
            push_fblock(c, h, FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL);
            compile_body_seq(c, h->v.ExceptHandler.body);
            pop_fblock(c);
            unset_loc(c);
            emit(c, OP_POP_BLOCK);
            emit(c, OP_POP_EXCEPT);
            emit_jump(c, OP_JUMP, end);
        }
        use_block(c, except);
    }
    unset_loc(c);
    pop_fblock(c);
    emit_i(c, OP_RERAISE, 0);
    use_block(c, cleanup);
    pop_except_and_reraise(c);
    use_block(c, end);
}

/* compiler_try_star_except: try ... except* ... */
static void compile_try_star_except(Compiler *c, Node *s)
{
    CfgBlock *body = new_block(c), *except = new_block(c), *orelse = new_block(c),
             *end = new_block(c), *cleanup = new_block(c), *reraise_star = new_block(c);
    emit_jump(c, OP_SETUP_FINALLY, except);
    use_block(c, body);
    push_fblock(c, s, FB_TRY_EXCEPT, body, NULL, NULL);
    compile_body_seq(c, s->v.TryStar.body);
    pop_fblock(c);
    emit_noline(c, OP_POP_BLOCK);
    emit_jump_noline(c, OP_JUMP, orelse);
    int n = s->v.TryStar.handlers->len;
    use_block(c, except);
    unset_loc(c);
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    push_fblock(c, s, FB_EXCEPTION_GROUP_HANDLER, NULL, NULL, NULL);
    for (int i = 0; i < n; i++) {
        Node *h = SEQ_NODE(s->v.TryStar.handlers, i);
        set_loc(c, h);
        except = new_block(c);
        CfgBlock *handle_match = new_block(c);
        if (i == 0) {
            /* [exc] -> [orig, [], exc]: the list collects what is reraised */
            emit_i(c, OP_COPY, 1);
            emit_i(c, OP_BUILD_LIST, 0);
            emit_i(c, OP_SWAP, 2);
        }
        if (h->v.ExceptHandler.type) {
            compile_expr(c, h->v.ExceptHandler.type);
            emit(c, OP_CHECK_EG_MATCH);
            emit_i(c, OP_COPY, 1);
            emit_jump(c, OP_POP_JUMP_IF_NOT_NONE, handle_match);
            emit(c, OP_POP_TOP);
            emit_jump(c, OP_JUMP, except);
        }
        use_block(c, handle_match);
        CfgBlock *cleanup_end = new_block(c), *cleanup_body = new_block(c);
        const char *name = h->v.ExceptHandler.name;
        if (name)
            compile_nameop(c, name, AST_Store);
        else
            emit(c, OP_POP_TOP);
        emit_jump(c, OP_SETUP_CLEANUP, cleanup_end);
        use_block(c, cleanup_body);
        push_fblock(c, h, FB_HANDLER_CLEANUP, cleanup_body, NULL, name);
        compile_body_seq(c, h->v.ExceptHandler.body);
        pop_fblock(c);
        unset_loc(c);
        emit(c, OP_POP_BLOCK);
        if (name) {
            emit_const(c, cfg_const_none());
            compile_nameop(c, name, AST_Store);
            compile_nameop(c, name, AST_Del);
        }
        emit_jump(c, OP_JUMP, except);
        use_block(c, cleanup_end);
        if (name) {
            emit_const(c, cfg_const_none());
            compile_nameop(c, name, AST_Store);
            compile_nameop(c, name, AST_Del);
        }
        emit_i(c, OP_LIST_APPEND, 3);   /* the exception raised */
        emit(c, OP_POP_TOP);            /* lasti */
        emit_jump(c, OP_JUMP, except);
        use_block(c, except);
        if (i == n - 1) {
            emit_i(c, OP_LIST_APPEND, 1);
            emit_jump(c, OP_JUMP, reraise_star);
        }
    }
    unset_loc(c);
    pop_fblock(c);
    CfgBlock *reraise = new_block(c);
    use_block(c, reraise_star);
    emit(c, OP_PREP_RERAISE_STAR);
    emit_i(c, OP_COPY, 1);
    emit_jump(c, OP_POP_JUMP_IF_NOT_NONE, reraise);
    emit(c, OP_POP_TOP);
    emit(c, OP_POP_BLOCK);
    emit(c, OP_POP_EXCEPT);
    emit_jump(c, OP_JUMP, end);
    use_block(c, reraise);
    emit(c, OP_POP_BLOCK);
    emit_i(c, OP_SWAP, 2);
    emit(c, OP_POP_EXCEPT);
    emit_i(c, OP_RERAISE, 0);
    use_block(c, cleanup);
    pop_except_and_reraise(c);
    use_block(c, orelse);
    compile_body_seq(c, s->v.TryStar.orelse);
    use_block(c, end);
}

static void compile_try_finally(Compiler *c, Node *s)
{
    CfgBlock *body = new_block(c), *end = new_block(c), *exit = new_block(c),
             *cleanup = new_block(c);
    emit_jump(c, OP_SETUP_FINALLY, end);
    use_block(c, body);
    push_fblock(c, s, FB_FINALLY_TRY, body, end, s->v.Try.finalbody);
    if (s->v.Try.handlers->len && s->kind == AST_TryStar)
        compile_try_star_except(c, s);
    else if (s->v.Try.handlers->len)
        compile_try_except(c, s);
    else
        compile_body_seq(c, s->v.Try.body);
    emit_noline(c, OP_POP_BLOCK);
    pop_fblock(c);
    compile_body_seq(c, s->v.Try.finalbody);
    emit_jump_noline(c, OP_JUMP, exit);
    use_block(c, end);
    unset_loc(c);
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    push_fblock(c, s, FB_FINALLY_END, end, NULL, NULL);
    compile_body_seq(c, s->v.Try.finalbody);
    pop_fblock(c);
    emit_i(c, OP_RERAISE, 0);
    use_block(c, cleanup);
    pop_except_and_reraise(c);
    use_block(c, exit);
}

/* compiler_with_except_finish: after WITH_EXCEPT_START, reraise unless
 * __exit__ returned true. */
static void with_except_finish(Compiler *c, CfgBlock *cleanup)
{
    unset_loc(c);
    CfgBlock *exit = new_block(c);
    emit_jump(c, OP_POP_JUMP_IF_TRUE, exit);
    emit_i(c, OP_RERAISE, 2);
    use_block(c, cleanup);
    pop_except_and_reraise(c);
    use_block(c, exit);
    emit(c, OP_POP_TOP);
    emit(c, OP_POP_BLOCK);
    emit(c, OP_POP_EXCEPT);
    emit(c, OP_POP_TOP);
    emit(c, OP_POP_TOP);
}

static void compile_with(Compiler *c, Node *s, int pos)
{
    Node *item = SEQ_NODE(s->v.With.items, pos);
    CfgBlock *block = new_block(c), *final = new_block(c), *exit = new_block(c),
             *cleanup = new_block(c);
    compile_expr(c, item->v.withitem.context_expr);
    emit(c, OP_BEFORE_WITH);
    emit_jump(c, OP_SETUP_WITH, final);
    use_block(c, block);
    push_fblock(c, s, FB_WITH, block, final, s);
    if (item->v.withitem.optional_vars)
        compile_expr(c, item->v.withitem.optional_vars);
    else
        emit(c, OP_POP_TOP);
    pos++;
    if (pos == s->v.With.items->len)
        compile_body_seq(c, s->v.With.body);
    else
        compile_with(c, s, pos);
    unset_loc(c);
    emit(c, OP_POP_BLOCK);
    pop_fblock(c);
    set_loc(c, s);
    call_exit_with_nones(c);
    emit(c, OP_POP_TOP);
    emit_jump(c, OP_JUMP, exit);
    use_block(c, final);
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    emit(c, OP_WITH_EXCEPT_START);
    with_except_finish(c, cleanup);
    use_block(c, exit);
}

static void compile_async_with(Compiler *c, Node *s, int pos)
{
    if (c->u->kind != UNIT_ASYNC_FUNCTION)
        error_at(c, s, "'async with' outside async function");
    Node *item = SEQ_NODE(s->v.AsyncWith.items, pos);
    CfgBlock *block = new_block(c), *final = new_block(c), *exit = new_block(c),
             *cleanup = new_block(c);
    compile_expr(c, item->v.withitem.context_expr);
    emit(c, OP_BEFORE_ASYNC_WITH);
    emit_i(c, OP_GET_AWAITABLE, 1);
    emit_const(c, cfg_const_none());
    yield_from(c, true);
    emit_jump(c, OP_SETUP_WITH, final);
    use_block(c, block);
    push_fblock(c, s, FB_ASYNC_WITH, block, final, s);
    if (item->v.withitem.optional_vars)
        compile_expr(c, item->v.withitem.optional_vars);
    else
        emit(c, OP_POP_TOP);
    pos++;
    if (pos == s->v.AsyncWith.items->len)
        compile_body_seq(c, s->v.AsyncWith.body);
    else
        compile_async_with(c, s, pos);
    pop_fblock(c);
    emit(c, OP_POP_BLOCK);
    set_loc(c, s);
    call_exit_with_nones(c);
    emit_i(c, OP_GET_AWAITABLE, 2);
    emit_const(c, cfg_const_none());
    yield_from(c, true);
    emit(c, OP_POP_TOP);
    emit_jump(c, OP_JUMP, exit);
    use_block(c, final);
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    emit(c, OP_PUSH_EXC_INFO);
    emit(c, OP_WITH_EXCEPT_START);
    emit_i(c, OP_GET_AWAITABLE, 2);
    emit_const(c, cfg_const_none());
    yield_from(c, true);
    with_except_finish(c, cleanup);
    use_block(c, exit);
}

static void compile_async_for(Compiler *c, Node *s)
{
    if (c->u->kind != UNIT_ASYNC_FUNCTION)
        error_at(c, s, "'async for' outside async function");
    CfgBlock *start = new_block(c), *except = new_block(c), *end = new_block(c);
    compile_expr(c, s->v.AsyncFor.iter);
    emit(c, OP_GET_AITER);
    use_block(c, start);
    push_fblock(c, s, FB_FOR_LOOP, start, end, NULL);
    emit_jump(c, OP_SETUP_FINALLY, except);
    emit(c, OP_GET_ANEXT);
    emit_const(c, cfg_const_none());
    yield_from(c, true);
    emit(c, OP_POP_BLOCK);
    compile_expr(c, s->v.AsyncFor.target);
    compile_body_seq(c, s->v.AsyncFor.body);
    unset_loc(c);
    emit_jump(c, OP_JUMP, start);
    pop_fblock(c);
    use_block(c, except);
    set_loc(c, s->v.AsyncFor.iter);
    emit(c, OP_END_ASYNC_FOR);
    compile_body_seq(c, s->v.AsyncFor.orelse);
    use_block(c, end);
}

static void compile_augassign(Compiler *c, Node *s)
{
    Node *e = s->v.AugAssign.target;
    LsPos saved = c->u->loc;
    set_loc(c, e);
    switch (e->kind) {
    case AST_Attribute:
        compile_expr(c, e->v.Attribute.value);
        emit_i(c, OP_COPY, 1);
        attr_loc(c, e);
        emit_name(c, OP_LOAD_ATTR, e->v.Attribute.attr);
        break;
    case AST_Subscript:
        compile_expr(c, e->v.Subscript.value);
        compile_expr(c, e->v.Subscript.slice);
        emit_i(c, OP_COPY, 2);
        emit_i(c, OP_COPY, 2);
        emit(c, OP_BINARY_SUBSCR);
        break;
    case AST_Name:
        compile_nameop(c, e->v.Name.id, AST_Load);
        break;
    default:
        error_at(c, e, "illegal expression for augmented assignment");
    }
    c->u->loc = saved;
    compile_expr(c, s->v.AugAssign.value);
    emit_i(c, OP_BINARY_OP, binop_arg(s->v.AugAssign.op->kind, true));
    set_loc(c, e);
    switch (e->kind) {
    case AST_Attribute:
        attr_loc(c, e);
        emit_i(c, OP_SWAP, 2);
        emit_name(c, OP_STORE_ATTR, e->v.Attribute.attr);
        break;
    case AST_Subscript:
        emit_i(c, OP_SWAP, 3);
        emit_i(c, OP_SWAP, 2);
        emit(c, OP_STORE_SUBSCR);
        break;
    default:
        compile_nameop(c, e->v.Name.id, AST_Store);
        break;
    }
}

static void check_ann_expr(Compiler *c, Node *e)
{
    compile_expr(c, e);
    emit(c, OP_POP_TOP);
}

static void compile_annassign(Compiler *c, Node *s)
{
    Node *targ = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        compile_expr(c, s->v.AnnAssign.value);
        compile_expr(c, targ);
    }
    bool module_or_class = c->u->kind == UNIT_MODULE || c->u->kind == UNIT_CLASS;
    switch (targ->kind) {
    case AST_Name:
        if (s->v.AnnAssign.simple && module_or_class) {
            if (c->future_annotations) {
                annexpr(c, s->v.AnnAssign.annotation);
            } else {
                compile_expr(c, s->v.AnnAssign.annotation);
            }
            emit_name(c, OP_LOAD_NAME, "__annotations__");
            const char *m = mangle(c, targ->v.Name.id);
            emit_const(c, cfg_const_str(c->a, m, strlen(m)));
            emit(c, OP_STORE_SUBSCR);
        }
        break;
    case AST_Attribute:
        if (!s->v.AnnAssign.value)
            check_ann_expr(c, targ->v.Attribute.value);
        break;
    case AST_Subscript:
        if (!s->v.AnnAssign.value) {
            check_ann_expr(c, targ->v.Subscript.value);
            Node *sl = targ->v.Subscript.slice;
            if (sl->kind == AST_Slice) {
                if (sl->v.Slice.lower) check_ann_expr(c, sl->v.Slice.lower);
                if (sl->v.Slice.upper) check_ann_expr(c, sl->v.Slice.upper);
                if (sl->v.Slice.step) check_ann_expr(c, sl->v.Slice.step);
            } else if (sl->kind == AST_Tuple) {
                for (int i = 0; i < sl->v.Tuple.elts->len; i++)
                    check_ann_expr(c, SEQ_NODE(sl->v.Tuple.elts, i));
            } else {
                check_ann_expr(c, sl);
            }
        }
        break;
    default:
        error_at(c, targ, "invalid node type for annotated assignment");
    }
    if (!s->v.AnnAssign.simple && module_or_class && !c->future_annotations)
        check_ann_expr(c, s->v.AnnAssign.annotation);
}

static void compile_import(Compiler *c, Node *s)
{
    AstSeq *names = s->v.Import.names;
    for (int i = 0; i < names->len; i++) {
        Node *al = SEQ_NODE(names, i);
        const char *name = al->v.alias.name;
        emit_const(c, cfg_const_int(c->a, 0));
        emit_const(c, cfg_const_none());
        emit_name(c, OP_IMPORT_NAME, name);
        const char *dot = strchr(name, '.');
        if (al->v.alias.asname) {
            if (dot) {
                const char *p = dot + 1;
                for (;;) {
                    const char *q = strchr(p, '.');
                    size_t len = q ? (size_t)(q - p) : strlen(p);
                    emit_name(c, OP_IMPORT_FROM, arena_strndup(c->a, p, len));
                    if (!q)
                        break;
                    emit_i(c, OP_SWAP, 2);
                    emit(c, OP_POP_TOP);
                    p = q + 1;
                }
                compile_nameop(c, al->v.alias.asname, AST_Store);
                emit(c, OP_POP_TOP);
            } else {
                compile_nameop(c, al->v.alias.asname, AST_Store);
            }
        } else {
            const char *store = dot ? arena_strndup(c->a, name, (size_t)(dot - name)) : name;
            compile_nameop(c, store, AST_Store);
        }
    }
}

static const char late_future[] =
    "from __future__ imports must occur at the beginning of the file";

static void compile_from_import(Compiler *c, Node *s)
{
    AstSeq *names = s->v.ImportFrom.names;
    int n = names->len;
    if (s->lineno > c->ff_lineno && s->v.ImportFrom.module
        && strcmp(s->v.ImportFrom.module, "__future__") == 0)
        error_at(c, s, late_future);
    emit_const(c, cfg_const_int(c->a, s->v.ImportFrom.level));
    Const **items = arena_alloc(c->a, (size_t)(n + 1) * sizeof *items);
    for (int i = 0; i < n; i++) {
        const char *nm = SEQ_NODE(names, i)->v.alias.name;
        items[i] = cfg_const_str(c->a, nm, strlen(nm));
    }
    emit_const(c, cfg_const_tuple(c->a, items, (size_t)n));
    const char *module = s->v.ImportFrom.module;
    emit_name(c, OP_IMPORT_NAME, module ? module : "");
    for (int i = 0; i < n; i++) {
        Node *al = SEQ_NODE(names, i);
        if (i == 0 && al->v.alias.name[0] == '*') {
            if (c->u->kind != UNIT_MODULE)
                error_at(c, s, "import * only allowed at module level");
            emit(c, OP_IMPORT_STAR);
            return;
        }
        emit_name(c, OP_IMPORT_FROM, al->v.alias.name);
        compile_nameop(c, al->v.alias.asname ? al->v.alias.asname : al->v.alias.name, AST_Store);
    }
    emit(c, OP_POP_TOP);
}


/* ---- match statements (CPython's compiler_pattern_*) ---- */

/* The state of one pattern being compiled (CPython's pattern_context). */
typedef struct PatternCtx {
    const char **stores;      /* names captured so far, in stack order */
    int nstores, capstores;   /* used and allocated */
    bool allow_irrefutable;   /* may this pattern match anything? */
    CfgBlock **fail_pop;      /* fail_pop[n]: pop n items, then fail */
    int fail_pop_size;        /* blocks in fail_pop */
    int on_top;               /* items on the stack above the captures */
} PatternCtx;

static void compile_pattern(Compiler *c, Node *p, PatternCtx *pc);

#define WILDCARD_CHECK(n) ((n)->kind == AST_MatchAs && !(n)->v.MatchAs.pattern && !(n)->v.MatchAs.name)
#define WILDCARD_STAR_CHECK(n) ((n)->kind == AST_MatchStar && !(n)->v.MatchStar.name)

static int stores_index(PatternCtx *pc, const char *name)
{
    for (int i = 0; i < pc->nstores; i++)
        if (strcmp(pc->stores[i], name) == 0)
            return i;
    return -1;
}

static void stores_insert(Compiler *c, PatternCtx *pc, int at, const char *name)
{
    if (pc->nstores == pc->capstores) {
        int cap = pc->capstores ? pc->capstores * 2 : 8;
        const char **p = arena_alloc(c->a, (size_t)cap * sizeof *p);
        if (pc->nstores)
            memcpy(p, pc->stores, (size_t)pc->nstores * sizeof *p);
        pc->stores = p;
        pc->capstores = cap;
    }
    memmove(pc->stores + at + 1, pc->stores + at, (size_t)(pc->nstores - at) * sizeof *pc->stores);
    pc->stores[at] = name;
    pc->nstores++;
}

static noreturn void duplicate_store(Compiler *c, const char *name)
{
    Buf b = BUF_INIT;
    buf_puts(&b, "multiple assignments to name ");
    ls_repr_str(&b, name, strlen(name));
    buf_puts(&b, " in pattern");
    const char *m = arena_strdup(c->a, b.data);
    buf_free(&b);
    error_at(c, NULL, m);
}

static void ensure_fail_pop(Compiler *c, PatternCtx *pc, int n)
{
    int size = n + 1;
    if (size <= pc->fail_pop_size)
        return;
    CfgBlock **p = arena_alloc(c->a, (size_t)size * sizeof *p);
    if (pc->fail_pop_size)
        memcpy(p, pc->fail_pop, (size_t)pc->fail_pop_size * sizeof *p);
    pc->fail_pop = p;
    while (pc->fail_pop_size < size)
        pc->fail_pop[pc->fail_pop_size++] = new_block(c);
}

static void jump_to_fail_pop(Compiler *c, PatternCtx *pc, int op)
{
    int pops = pc->on_top + pc->nstores;
    ensure_fail_pop(c, pc, pops);
    emit_jump(c, op, pc->fail_pop[pops]);
}

static void emit_and_reset_fail_pop(Compiler *c, PatternCtx *pc)
{
    if (!pc->fail_pop_size)
        return;
    while (--pc->fail_pop_size) {
        use_block(c, pc->fail_pop[pc->fail_pop_size]);
        emit(c, OP_POP_TOP);
    }
    use_block(c, pc->fail_pop[0]);
    pc->fail_pop = NULL;
}

static void pattern_rotate(Compiler *c, int count)
{
    while (1 < count)
        emit_i(c, OP_SWAP, count--);
}

static void pattern_store_name(Compiler *c, const char *name, PatternCtx *pc)
{
    if (!name) {
        emit(c, OP_POP_TOP);
        return;
    }
    if (stores_index(pc, name) >= 0)
        duplicate_store(c, name);
    pattern_rotate(c, pc->on_top + pc->nstores + 1);
    stores_insert(c, pc, pc->nstores, name);
}

static void pattern_subpattern(Compiler *c, Node *p, PatternCtx *pc)
{
    bool allow = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    compile_pattern(c, p, pc);
    pc->allow_irrefutable = allow;
}

static void pattern_sequence(Compiler *c, Node *p, PatternCtx *pc)
{
    AstSeq *pats = p->v.MatchSequence.patterns;
    int size = pats->len, star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; i++) {
        Node *q = SEQ_NODE(pats, i);
        if (q->kind == AST_MatchStar) {
            if (star >= 0)
                error_at(c, NULL, "multiple starred names in sequence pattern");
            star_wildcard = WILDCARD_STAR_CHECK(q);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= WILDCARD_CHECK(q);
    }
    pc->on_top++;
    emit(c, OP_MATCH_SEQUENCE);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    if (star < 0) {
        emit(c, OP_GET_LEN);
        emit_const(c, cfg_const_int(c->a, size));
        emit_i(c, OP_COMPARE_OP, 2);
        jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    } else {
        emit(c, OP_GET_LEN);
        emit_const(c, cfg_const_int(c->a, size - 1));
        emit_i(c, OP_COMPARE_OP, 5);
        jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    }
    pc->on_top--;
    if (only_wildcard) {
        emit(c, OP_POP_TOP);
    } else if (star_wildcard) {
        /* pattern_helper_sequence_subscr */
        pc->on_top++;
        for (int i = 0; i < size; i++) {
            Node *q = SEQ_NODE(pats, i);
            if (WILDCARD_CHECK(q) || i == star)
                continue;
            emit_i(c, OP_COPY, 1);
            if (i < star) {
                emit_const(c, cfg_const_int(c->a, i));
            } else {
                emit(c, OP_GET_LEN);
                emit_const(c, cfg_const_int(c->a, size - i));
                emit_i(c, OP_BINARY_OP, 10);
            }
            emit(c, OP_BINARY_SUBSCR);
            pattern_subpattern(c, q, pc);
        }
        pc->on_top--;
        emit(c, OP_POP_TOP);
    } else {
        /* pattern_helper_sequence_unpack */
        bool seen_star = false;
        for (int i = 0; i < size; i++)
            if (SEQ_NODE(pats, i)->kind == AST_MatchStar && !seen_star) {
                if (i >= (1 << 8) || size - i - 1 >= (1 << 15))
                    error_at(c, NULL, "too many expressions in star-unpacking sequence pattern");
                emit_i(c, OP_UNPACK_EX, i + ((size - i - 1) << 8));
                seen_star = true;
            }
        if (!seen_star)
            emit_i(c, OP_UNPACK_SEQUENCE, size);
        pc->on_top += size;
        for (int i = 0; i < size; i++) {
            pc->on_top--;
            pattern_subpattern(c, SEQ_NODE(pats, i), pc);
        }
    }
}

static bool const_equal(const Const *x, const Const *y)
{
    if (x->kind != y->kind)
        return false;
    switch (x->kind) {
    case CONST_INT: return strcmp(x->u.i, y->u.i) == 0;
    case CONST_FLOAT: return x->u.f == y->u.f;
    case CONST_STR: case CONST_BYTES:
        return x->u.s.len == y->u.s.len && memcmp(x->u.s.data, y->u.s.data, x->u.s.len) == 0;
    case CONST_COMPLEX: return x->u.c.real == y->u.c.real && x->u.c.imag == y->u.c.imag;
    case CONST_TUPLE: case CONST_FROZENSET:
        if (x->u.t.len != y->u.t.len)
            return false;
        for (size_t i = 0; i < x->u.t.len; i++)
            if (!const_equal(x->u.t.items[i], y->u.t.items[i]))
                return false;
        return true;
    default: return true;
    }
}

static void pattern_mapping(Compiler *c, Node *p, PatternCtx *pc)
{
    AstSeq *keys = p->v.MatchMapping.keys, *pats = p->v.MatchMapping.patterns;
    int size = keys->len;
    if (size != pats->len)
        malformed(c, p, "MatchMapping with different numbers of keys and patterns");
    for (int i = 0; i < size; i++)
        if (!keys->items[i])
            error_at(c, NULL, "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
    const char *star_target = p->v.MatchMapping.rest;
    pc->on_top++;
    emit(c, OP_MATCH_MAPPING);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    if (!size && !star_target) {
        pc->on_top--;
        emit(c, OP_POP_TOP);
        return;
    }
    if (size) {
        emit(c, OP_GET_LEN);
        emit_const(c, cfg_const_int(c->a, size));
        emit_i(c, OP_COMPARE_OP, 5);
        jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    }
    for (int i = 0; i < size; i++) {
        Node *key = SEQ_NODE(keys, i);
        if (key->kind == AST_Constant) {
            for (int j = 0; j < i; j++) {
                Node *k2 = SEQ_NODE(keys, j);
                if (k2->kind == AST_Constant &&
                    const_equal(k2->v.Constant.value, key->v.Constant.value)) {
                    Buf b = BUF_INIT;
                    buf_puts(&b, "mapping pattern checks duplicate key (");
                    ls_repr_const(&b, key->v.Constant.value);
                    buf_puts(&b, ")");
                    const char *m = arena_strdup(c->a, b.data);
                    buf_free(&b);
                    error_at(c, NULL, m);
                }
            }
        } else if (key->kind != AST_Attribute) {
            error_at(c, NULL, "mapping pattern keys may only match literals and attribute lookups");
        }
        compile_expr(c, key);
    }
    emit_i(c, OP_BUILD_TUPLE, size);
    emit(c, OP_MATCH_KEYS);
    pc->on_top += 2;
    emit_i(c, OP_COPY, 1);
    emit_const(c, cfg_const_none());
    emit_i(c, OP_IS_OP, 1);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    emit_i(c, OP_UNPACK_SEQUENCE, size);
    pc->on_top += size - 1;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        pattern_subpattern(c, SEQ_NODE(pats, i), pc);
    }
    pc->on_top -= 2;
    if (star_target) {
        emit_i(c, OP_BUILD_MAP, 0);
        emit_i(c, OP_SWAP, 3);
        emit_i(c, OP_DICT_UPDATE, 2);
        emit_i(c, OP_UNPACK_SEQUENCE, size);
        while (size) {
            emit_i(c, OP_COPY, 1 + size--);
            emit_i(c, OP_SWAP, 2);
            emit(c, OP_DELETE_SUBSCR);
        }
        pattern_store_name(c, star_target, pc);
    } else {
        emit(c, OP_POP_TOP);
        emit(c, OP_POP_TOP);
    }
}

static void pattern_class(Compiler *c, Node *p, PatternCtx *pc)
{
    AstSeq *pats = p->v.MatchClass.patterns, *attrs = p->v.MatchClass.kwd_attrs;
    AstSeq *kpats = p->v.MatchClass.kwd_patterns;
    int nargs = pats->len, nattrs = attrs->len;
    if (nattrs != kpats->len)
        malformed(c, p, "MatchClass with different numbers of keyword names and patterns");
    if (nattrs) {
        for (int i = 0; i < nattrs; i++) {
            const char *attr = attrs->items[i];
            for (int j = i + 1; j < nattrs; j++)
                if (strcmp(attr, (const char *)attrs->items[j]) == 0) {
                    set_loc(c, SEQ_NODE(kpats, j));
                    Buf b = BUF_INIT;
                    buf_printf(&b, "attribute name repeated in class pattern: %s", attr);
                    const char *m = arena_strdup(c->a, b.data);
                    buf_free(&b);
                    error_at(c, NULL, m);
                }
        }
        set_loc(c, p);
    }
    compile_expr(c, p->v.MatchClass.cls);
    Const **names = arena_alloc(c->a, (size_t)(nattrs + 1) * sizeof *names);
    for (int i = 0; i < nattrs; i++) {
        const char *a = attrs->items[i];
        names[i] = cfg_const_str(c->a, a, strlen(a));
    }
    emit_const(c, cfg_const_tuple(c->a, names, (size_t)nattrs));
    emit_i(c, OP_MATCH_CLASS, nargs);
    emit_i(c, OP_COPY, 1);
    emit_const(c, cfg_const_none());
    emit_i(c, OP_IS_OP, 1);
    pc->on_top++;
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    emit_i(c, OP_UNPACK_SEQUENCE, nargs + nattrs);
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        Node *q = i < nargs ? SEQ_NODE(pats, i) : SEQ_NODE(kpats, i - nargs);
        if (WILDCARD_CHECK(q)) {
            emit(c, OP_POP_TOP);
            continue;
        }
        pattern_subpattern(c, q, pc);
    }
}

static void pattern_or(Compiler *c, Node *p, PatternCtx *pc)
{
    CfgBlock *end = new_block(c);
    AstSeq *alts = p->v.MatchOr.patterns;
    int size = alts->len;
    PatternCtx old = *pc;
    const char **control = NULL;
    int ncontrol = 0;
    for (int i = 0; i < size; i++) {
        Node *alt = SEQ_NODE(alts, i);
        set_loc(c, alt);
        pc->stores = NULL;
        pc->nstores = pc->capstores = 0;
        pc->allow_irrefutable = (i == size - 1) && old.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        emit_i(c, OP_COPY, 1);
        compile_pattern(c, alt, pc);
        int nstores = pc->nstores;
        if (!i) {
            control = pc->stores;
            ncontrol = nstores;
        } else if (nstores != ncontrol) {
            error_at(c, NULL, "alternative patterns bind different names");
        } else if (nstores) {
            for (int icontrol = nstores - 1; icontrol >= 0; icontrol--) {
                int istores = stores_index(pc, control[icontrol]);
                if (istores < 0)
                    error_at(c, NULL, "alternative patterns bind different names");
                if (icontrol != istores) {
                    int rotations = istores + 1;
                    /* rotated = stores[:rotations]; del stores[:rotations];
                     * stores[icontrol-istores:icontrol-istores] = rotated */
                    const char **rotated = arena_alloc(c->a, (size_t)rotations * sizeof *rotated);
                    memcpy(rotated, pc->stores, (size_t)rotations * sizeof *rotated);
                    memmove(pc->stores, pc->stores + rotations,
                            (size_t)(pc->nstores - rotations) * sizeof *pc->stores);
                    pc->nstores -= rotations;
                    for (int k = 0; k < rotations; k++)
                        stores_insert(c, pc, icontrol - istores + k, rotated[k]);
                    while (rotations--)
                        pattern_rotate(c, icontrol + 1);
                }
            }
        }
        emit_jump(c, OP_JUMP, end);
        emit_and_reset_fail_pop(c, pc);
    }
    *pc = old;
    emit(c, OP_POP_TOP);
    jump_to_fail_pop(c, pc, OP_JUMP);
    use_block(c, end);
    int nrots = ncontrol + 1 + pc->on_top + pc->nstores;
    for (int i = 0; i < ncontrol; i++) {
        pattern_rotate(c, nrots);
        if (stores_index(pc, control[i]) >= 0)
            duplicate_store(c, control[i]);
        stores_insert(c, pc, pc->nstores, control[i]);
    }
    emit(c, OP_POP_TOP);
}

static void compile_pattern(Compiler *c, Node *p, PatternCtx *pc)
{
    set_loc(c, p);
    switch (p->kind) {
    case AST_MatchValue: {
        Node *v = p->v.MatchValue.value;
        if (v->kind != AST_Constant && v->kind != AST_Attribute)
            error_at(c, NULL, "patterns may only match literals and attribute lookups");
        compile_expr(c, v);
        emit_i(c, OP_COMPARE_OP, 2);
        jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
        break;
    }
    case AST_MatchSingleton:
        emit_const(c, p->v.MatchSingleton.value);
        emit_i(c, OP_IS_OP, 0);
        jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
        break;
    case AST_MatchSequence:
        pattern_sequence(c, p, pc);
        break;
    case AST_MatchMapping:
        pattern_mapping(c, p, pc);
        break;
    case AST_MatchClass:
        pattern_class(c, p, pc);
        break;
    case AST_MatchStar:
        pattern_store_name(c, p->v.MatchStar.name, pc);
        break;
    case AST_MatchAs:
        if (!p->v.MatchAs.pattern) {
            if (!pc->allow_irrefutable) {
                if (p->v.MatchAs.name) {
                    Buf b = BUF_INIT;
                    buf_puts(&b, "name capture ");
                    ls_repr_str(&b, p->v.MatchAs.name, strlen(p->v.MatchAs.name));
                    buf_puts(&b, " makes remaining patterns unreachable");
                    const char *m = arena_strdup(c->a, b.data);
                    buf_free(&b);
                    error_at(c, NULL, m);
                }
                error_at(c, NULL, "wildcard makes remaining patterns unreachable");
            }
            pattern_store_name(c, p->v.MatchAs.name, pc);
            break;
        }
        pc->on_top++;
        emit_i(c, OP_COPY, 1);
        compile_pattern(c, p->v.MatchAs.pattern, pc);
        pc->on_top--;
        pattern_store_name(c, p->v.MatchAs.name, pc);
        break;
    case AST_MatchOr:
        pattern_or(c, p, pc);
        break;
    default:
        unsupported(c, p, ast_kinds[p->kind].name);
    }
}

static void compile_match(Compiler *c, Node *s)
{
    if (!s->v.Match.cases->len)
        malformed(c, s, "Match without cases");
    compile_expr(c, s->v.Match.subject);
    CfgBlock *end = new_block(c);
    AstSeq *cases = s->v.Match.cases;
    int n = cases->len;
    Node *m = SEQ_NODE(cases, n - 1);
    int has_default = WILDCARD_CHECK(m->v.match_case.pattern) && 1 < n;
    PatternCtx pc;
    memset(&pc, 0, sizeof pc);
    for (int i = 0; i < n - has_default; i++) {
        m = SEQ_NODE(cases, i);
        set_loc(c, m->v.match_case.pattern);
        if (i != n - has_default - 1)
            emit_i(c, OP_COPY, 1);
        pc.stores = NULL;
        pc.nstores = pc.capstores = 0;
        pc.allow_irrefutable = m->v.match_case.guard != NULL || i == n - 1;
        pc.fail_pop = NULL;
        pc.fail_pop_size = 0;
        pc.on_top = 0;
        compile_pattern(c, m->v.match_case.pattern, &pc);
        for (int k = 0; k < pc.nstores; k++)
            compile_nameop(c, pc.stores[k], AST_Store);
        if (m->v.match_case.guard) {
            ensure_fail_pop(c, &pc, 0);
            jump_if(c, m->v.match_case.guard, pc.fail_pop[0], false);
        }
        if (i != n - has_default - 1)
            emit(c, OP_POP_TOP);
        compile_body_seq(c, m->v.match_case.body);
        emit_jump(c, OP_JUMP, end);
        set_loc(c, m->v.match_case.pattern);
        emit_and_reset_fail_pop(c, &pc);
    }
    if (has_default) {
        m = SEQ_NODE(cases, n - 1);
        set_loc(c, m->v.match_case.pattern);
        if (n == 1)
            emit(c, OP_POP_TOP);
        else
            emit(c, OP_NOP);
        if (m->v.match_case.guard)
            jump_if(c, m->v.match_case.guard, end, false);
        compile_body_seq(c, m->v.match_case.body);
    }
    use_block(c, end);
}

static void compile_stmt(Compiler *c, Node *s)
{
    set_loc(c, s);
    switch (s->kind) {
    case AST_FunctionDef:
        compile_function(c, s, false);
        break;
    case AST_AsyncFunctionDef:
        compile_function(c, s, true);
        break;
    case AST_ClassDef:
        compile_class(c, s);
        break;
    case AST_Return:
        compile_return(c, s);
        break;
    case AST_Delete:
        visit_seq(c, s->v.Delete.targets);
        break;
    case AST_Assign: {
        AstSeq *t = s->v.Assign.targets;
        compile_expr(c, s->v.Assign.value);
        for (int i = 0; i < t->len; i++) {
            if (i < t->len - 1)
                emit_i(c, OP_COPY, 1);
            compile_expr(c, SEQ_NODE(t, i));
        }
        break;
    }
    case AST_AugAssign:
        compile_augassign(c, s);
        break;
    case AST_AnnAssign:
        compile_annassign(c, s);
        break;
    case AST_For:
        compile_for(c, s);
        break;
    case AST_While:
        compile_while(c, s);
        break;
    case AST_If:
        compile_if(c, s);
        break;
    case AST_Raise: {
        int n = 0;
        if (s->v.Raise.exc) {
            compile_expr(c, s->v.Raise.exc);
            n++;
            if (s->v.Raise.cause) {
                compile_expr(c, s->v.Raise.cause);
                n++;
            }
        }
        emit_i(c, OP_RAISE_VARARGS, n);
        next_block(c);
        break;
    }
    case AST_Try:
        if (s->v.Try.finalbody->len)
            compile_try_finally(c, s);
        else
            compile_try_except(c, s);
        break;
    case AST_TryStar:
        if (s->v.TryStar.finalbody->len)
            compile_try_finally(c, s);
        else
            compile_try_star_except(c, s);
        break;
    case AST_Assert: {
        Node *t = s->v.Assert.test;
        if (t->kind == AST_Tuple && t->v.Tuple.elts->len > 0)
            warn(c, "assertion is always true, perhaps remove parentheses?");
        CfgBlock *end = new_block(c);
        jump_if(c, s->v.Assert.test, end, true);
        emit(c, OP_LOAD_ASSERTION_ERROR);
        if (s->v.Assert.msg) {
            compile_expr(c, s->v.Assert.msg);
            emit_i(c, OP_CALL, 0);
        }
        emit_i(c, OP_RAISE_VARARGS, 1);
        use_block(c, end);
        break;
    }
    case AST_Import:
        compile_import(c, s);
        break;
    case AST_ImportFrom:
        compile_from_import(c, s);
        break;
    case AST_Global:
    case AST_Nonlocal:
        break;
    case AST_Expr: {
        Node *v = s->v.Expr.value;
        if (c->interactive && c->u->kind == UNIT_MODULE) {
            compile_expr(c, v);
            emit(c, OP_PRINT_EXPR);
            break;
        }
        if (v->kind == AST_Constant) {
            emit(c, OP_NOP);
            break;
        }
        compile_expr(c, v);
        unset_loc(c);
        emit(c, OP_POP_TOP);
        break;
    }
    case AST_Pass:
        emit(c, OP_NOP);
        break;
    case AST_Break:
        compile_break_continue(c, s, true);
        break;
    case AST_Continue:
        compile_break_continue(c, s, false);
        break;
    case AST_With:
    case AST_AsyncWith:
        if (!s->v.With.items->len)
            malformed(c, s, "with statement without items");
        if (s->kind == AST_With)
            compile_with(c, s, 0);
        else
            compile_async_with(c, s, 0);
        break;
    case AST_Match:
        compile_match(c, s);
        break;
    case AST_AsyncFor:
        compile_async_for(c, s);
        break;
    default:
        unsupported(c, s, ast_kinds[s->kind].name);
    }
}

static void compile_body_seq(Compiler *c, AstSeq *stmts)
{
    for (int i = 0; i < stmts->len; i++)
        compile_stmt(c, SEQ_NODE(stmts, i));
}

static void mark_code(CfgCode *code, bool *live)
{
    if (live[code->id])
        return;
    live[code->id] = true;
    for (int i = 0; i < code->nconsts; i++)
        if (code->const_codes[i])
            mark_code(code->const_codes[i], live);
}

/* Code objects whose only use was optimised away (a def after `raise`)
 * are not constants of anything, as in CPython: drop their sections. */
static void drop_unreachable_code(CfgModule *m)
{
    bool *live = ls_xcalloc((size_t)m->ncodes + 1, sizeof *live);
    mark_code(m->first, live);
    CfgCode *prev = m->first;
    for (CfgCode *k = m->first->next; k; k = k->next) {
        if (live[k->id]) {
            prev->next = k;
            prev = k;
        }
    }
    prev->next = NULL;
    m->last = prev;
    free(live);
}

/* Does the module begin (after its docstring) with
 * `from __future__ import annotations`?  (CPython's future.c) */
static bool future_annotations(Node *mod)
{
    AstSeq *body = mod->v.Module.body;
    for (int i = docstring(body) ? 1 : 0; i < body->len; i++) {
        Node *s = SEQ_NODE(body, i);
        if (s->kind != AST_ImportFrom || !s->v.ImportFrom.module ||
            strcmp(s->v.ImportFrom.module, "__future__") != 0)
            break;
        for (int k = 0; k < s->v.ImportFrom.names->len; k++)
            if (strcmp(SEQ_NODE(s->v.ImportFrom.names, k)->v.alias.name, "annotations") == 0)
                return true;
    }
    return false;
}

/* A SyntaxError at the start of statement s only (CPython's
 * PyErr_SyntaxLocationObject: end line, no end column).  CPython's future.c
 * passes the column 1-based for a bad feature but 0-based for a late
 * import (shift 1 or 0). */
static noreturn void error_at_start(Compiler *c, const Node *s, const char *msg, int shift)
{
    memset(c->err, 0, sizeof *c->err);
    c->err->type = "SyntaxError";
    c->err->msg = msg;
    c->err->filename = c->filename;
    c->err->lineno = s->lineno;
    c->err->offset = s->col_offset + shift;
    c->err->end_lineno = s->lineno;
    longjmp(c->fail, 1);
}

/* CPython's future.c: the leading `from __future__ import` statements
 * (after the docstring): their features must exist, and one after a
 * non-future statement on the same line is an error here (later lines are
 * compile_from_import's).  Sets c->ff_lineno. */
static void future_parse(Compiler *c, AstSeq *body)
{
    static const char *const features[] = {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",
        "annotations",
    };
    bool done = false;
    int prev_line = 0;
    c->ff_lineno = -1;
    for (int i = docstring(body) ? 1 : 0; i < body->len; i++) {
        Node *s = SEQ_NODE(body, i);
        if (done && s->lineno > prev_line)
            return;
        prev_line = s->lineno;
        if (s->kind != AST_ImportFrom || !s->v.ImportFrom.module
            || strcmp(s->v.ImportFrom.module, "__future__") != 0) {
            done = true;
            continue;
        }
        if (done)
            error_at_start(c, s, late_future, 0);
        for (int k = 0; k < s->v.ImportFrom.names->len; k++) {
            const char *name = SEQ_NODE(s->v.ImportFrom.names, k)->v.alias.name;
            size_t f = 0;
            while (f < sizeof features / sizeof features[0] && strcmp(features[f], name) != 0)
                f++;
            if (f < sizeof features / sizeof features[0])
                continue;
            if (strcmp(name, "braces") == 0)
                error_at_start(c, s, "not a chance", 1);
            Buf b = BUF_INIT;
            buf_printf(&b, "future feature %.100s is not defined", name);
            const char *msg = arena_strdup(c->a, b.data);
            buf_free(&b);
            error_at_start(c, s, msg, 1);
        }
        c->ff_lineno = s->lineno;
    }
}

CfgModule *cfg_compile(AstNode *mod, SymTable *st, const char *filename,
                       const CfgOptions *opt, Arena *a, Diag *err)
{
    Compiler *c = arena_alloc(a, sizeof *c);
    c->a = a;
    c->st = st;
    c->opt = opt;
    c->filename = filename;
    c->err = err;
    c->mod = arena_alloc(a, sizeof *c->mod);
    c->mod->filename = filename;
    c->ff_lineno = -1;
    if (setjmp(c->fail))
        return NULL;
    if (mod->kind == AST_Expression) {
        /* eval(): the value of one expression */
        if (opt->optimize)
            cfg_fold(mod, a, false);
        enter_scope(c, "<module>", UNIT_MODULE, mod, 1);
        compile_expr(c, mod->v.Expression.body);
        exit_scope(c, false);
        return c->mod;
    }
    if (mod->kind == AST_Interactive) {
        /* the REPL: expression statements print their value */
        if (opt->optimize)
            cfg_fold(mod, a, false);
        c->interactive = true;
        future_parse(c, mod->v.Interactive.body);
        enter_scope(c, "<module>", UNIT_MODULE, mod, 1);
        compile_body_seq(c, mod->v.Interactive.body);
        exit_scope(c, true);
        return c->mod;
    }
    if (mod->kind != AST_Module)
        unsupported(c, NULL, "this kind of module");
    future_parse(c, mod->v.Module.body);
    c->future_annotations = st->future_annotations || future_annotations(mod);
    if (opt->optimize)
        cfg_fold(mod, a, c->future_annotations);
    enter_scope(c, "<module>", UNIT_MODULE, mod, 1);
    compile_body(c, mod->v.Module.body);
    exit_scope(c, true);
    drop_unreachable_code(c->mod);
    return c->mod;
}
