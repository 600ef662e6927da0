/* libstage/symtab.c: the symbol tables of stage pysym (format "symtab",
 * formats/symtab.md): building them from the AST, their text writer and
 * reader, and the lookups pycfg uses.
 *
 * sym_build() follows CPython 3.11's Python/symtable.c:
 *  1. collect: one walk over the AST in symtable.c's visiting order; each
 *     scope gets its names with DEF_* flags in first-seen order, children
 *     in the order their blocks were entered;
 *  2. analyze: analyze_block() down the tree with the sets bound / free /
 *     global, deciding LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL.
 * Errors are CPython's messages at CPython's positions.
 *
 * Names are interned (one pointer per distinct string), so the name sets of
 * the analysis are hash sets of pointers.
 */
#include "libstage/symtab.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/astio.h"
#include "libstage/buf.h"
#include "libstage/io.h"
#include "libstage/repr.h"

/* ------------------------------------------------------------------ */
/* Interned names and pointer sets                                     */

/* An open-addressing hash set of interned name pointers.  A slot holds
 * NULL (empty), TOMB (deleted) or a name. */
typedef struct NameSet {
    const char **slots;          /* cap slots */
    size_t cap;                  /* power of two, or 0 */
    size_t used;                 /* live names + tombstones */
    size_t live;                 /* live names */
} NameSet;

static const char tomb_mark = 0;
#define TOMB (&tomb_mark)

static size_t ptr_hash(const void *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(x ^ (x >> 29));
}

static bool set_has(const NameSet *s, const char *n)
{
    if (!s || !s->cap)
        return false;
    size_t m = s->cap - 1, i = ptr_hash(n) & m;
    for (;;) {
        const char *v = s->slots[i];
        if (!v)
            return false;
        if (v == n)
            return true;
        i = (i + 1) & m;
    }
}

static void set_add(NameSet *s, const char *n);

static void set_grow(NameSet *s)
{
    NameSet old = *s;
    s->cap = old.cap ? old.cap * 2 : 16;
    if (old.cap && old.live * 4 < old.cap)
        s->cap = old.cap;                 /* just drop the tombstones */
    s->slots = ls_xcalloc(s->cap, sizeof *s->slots);
    s->used = s->live = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i] && old.slots[i] != TOMB)
            set_add(s, old.slots[i]);
    free(old.slots);
}

static void set_add(NameSet *s, const char *n)
{
    if ((s->used + 1) * 2 > s->cap)
        set_grow(s);
    size_t m = s->cap - 1, i = ptr_hash(n) & m;
    for (;;) {
        const char *v = s->slots[i];
        if (!v || v == TOMB) {
            /* make sure n is not further along the chain */
            if (v == TOMB && set_has(s, n))
                return;
            if (!v)
                s->used++;
            s->slots[i] = n;
            s->live++;
            return;
        }
        if (v == n)
            return;
        i = (i + 1) & m;
    }
}

static bool set_discard(NameSet *s, const char *n)
{
    if (!s || !s->cap)
        return false;
    size_t m = s->cap - 1, i = ptr_hash(n) & m;
    for (;;) {
        const char *v = s->slots[i];
        if (!v)
            return false;
        if (v == n) {
            s->slots[i] = TOMB;
            s->live--;
            return true;
        }
        i = (i + 1) & m;
    }
}

static void set_union(NameSet *dst, const NameSet *src)
{
    if (!src)
        return;
    for (size_t i = 0; i < src->cap; i++)
        if (src->slots[i] && src->slots[i] != TOMB)
            set_add(dst, src->slots[i]);
}

static void set_free(NameSet *s)
{
    free(s->slots);
    memset(s, 0, sizeof *s);
}

/* The intern table: string -> the one pointer for it (in the arena). */
typedef struct Interner {
    const char **slots;          /* cap slots, NULL = empty */
    size_t cap;                  /* power of two */
    size_t n;                    /* names stored */
    Arena *arena;                /* where the strings live */
} Interner;

static size_t str_hash(const char *s)
{
    size_t h = 1469598103934665603ull & (size_t)-1;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ull;
    return h;
}

static const char *intern(Interner *in, const char *s)
{
    if ((in->n + 1) * 2 > in->cap) {
        size_t ocap = in->cap;
        const char **old = in->slots;
        in->cap = ocap ? ocap * 2 : 256;
        /* from the arena: a reader may exit at any line, leaking nothing */
        in->slots = arena_alloc(in->arena, in->cap * sizeof *in->slots);
        for (size_t i = 0; i < ocap; i++)
            if (old[i]) {
                size_t j = str_hash(old[i]) & (in->cap - 1);
                while (in->slots[j])
                    j = (j + 1) & (in->cap - 1);
                in->slots[j] = old[i];
            }
    }
    size_t j = str_hash(s) & (in->cap - 1);
    while (in->slots[j]) {
        if (strcmp(in->slots[j], s) == 0)
            return in->slots[j];
        j = (j + 1) & (in->cap - 1);
    }
    in->n++;
    return in->slots[j] = arena_strdup(in->arena, s);
}

/* ------------------------------------------------------------------ */
/* Scopes and symbols                                                  */

const char *sym_block_type_name(SymBlockType t)
{
    switch (t) {
    case SYM_FUNCTION: return "function";
    case SYM_CLASS: return "class";
    case SYM_MODULE: return "module";
    case SYM_ANNOTATION: return "annotation";
    }
    return "?";
}

const char *sym_resolved_name(SymResolved r)
{
    static const char *const names[] = {
        "none", "local", "global_explicit", "global_implicit", "free", "cell",
    };
    return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "?";
}

const char *sym_mangle(Arena *a, const char *classname, const char *name)
{
    if (!classname || name[0] != '_' || name[1] != '_')
        return name;
    size_t n = strlen(name);
    if ((n >= 2 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name;
    while (*classname == '_')
        classname++;
    if (!*classname)
        return name;
    size_t c = strlen(classname);
    char *r = arena_alloc(a, 1 + c + n + 1);
    r[0] = '_';
    memcpy(r + 1, classname, c);
    memcpy(r + 1 + c, name, n + 1);
    return r;
}

SymEntry *sym_lookup(SymScope *s, const char *name)
{
    if (!s->sym_index_cap)
        return NULL;
    size_t m = (size_t)s->sym_index_cap - 1, j = str_hash(name) & m;
    for (int k; (k = s->sym_index[j]) != 0; j = (j + 1) & m)
        if (s->syms[k - 1].name == name || strcmp(s->syms[k - 1].name, name) == 0)
            return &s->syms[k - 1];
    return NULL;
}

/* Put syms[i] into the hash index of s. */
static void index_put(SymScope *s, int i)
{
    size_t m = (size_t)s->sym_index_cap - 1, j = str_hash(s->syms[i].name) & m;
    while (s->sym_index[j])
        j = (j + 1) & m;
    s->sym_index[j] = i + 1;
}

/* Make room in the index of s for one more symbol (from the arena). */
static void index_reserve(Arena *a, SymScope *s)
{
    if ((s->nsyms + 1) * 2 <= s->sym_index_cap)
        return;
    s->sym_index_cap = s->sym_index_cap ? s->sym_index_cap * 2 : 16;
    s->sym_index = arena_alloc(a, (size_t)s->sym_index_cap * sizeof *s->sym_index);
    for (int i = 0; i < s->nsyms; i++)
        index_put(s, i);
}

int sym_scope_of_name(SymScope *s, const char *name)
{
    SymEntry *e = sym_lookup(s, name);
    return e ? (int)e->scope : SYM_SCOPE_NONE;
}

SymScope *sym_scope_of(SymTable *t, const AstNode *node)
{
    for (int i = 0; i < t->nscopes; i++)
        if (t->scopes[i]->node == node)
            return t->scopes[i];
    return NULL;
}

/* Make room for one more item in arr, from the arena (the old array is
 * abandoned there; doubling keeps the waste bounded). */
static void *arena_grow(Arena *a, void *arr, int n, int *cap, size_t size)
{
    if (n < *cap)
        return arr;
    int ncap = *cap ? *cap * 2 : 8;
    void *p = arena_alloc(a, (size_t)ncap * size);
    if (n)
        memcpy(p, arr, (size_t)n * size);
    *cap = ncap;
    return p;
}
#define AGROW(a, arr, n, cap) ((arr) = arena_grow((a), (arr), (n), &(cap), sizeof *(arr)))

#define GROW(arr, n, cap)                                                   \
    do {                                                                    \
        if ((n) == (cap)) {                                                 \
            (cap) = (cap) ? (cap) * 2 : 8;                                  \
            (arr) = ls_xrealloc((arr), (size_t)(cap) * sizeof *(arr));      \
        }                                                                   \
    } while (0)

static SymScope *scope_new(SymTable *t, SymScope *parent, SymBlockType type,
                           const char *name, const AstNode *node)
{
    SymScope *s = arena_alloc(t->arena, sizeof *s);
    s->type = type;
    s->name = name;
    s->node = node;
    s->node_kind = node ? node->kind : AST_NONE_;
    s->lineno = node && type != SYM_MODULE ? node->lineno : 0;
    s->col_offset = node && type != SYM_MODULE ? node->col_offset : 0;
    s->end_lineno = node && type != SYM_MODULE ? node->end_lineno : -1;
    s->end_col_offset = node && type != SYM_MODULE ? node->end_col_offset : -1;
    s->parent = parent;
    return s;
}

/* Register s as a child of its parent and in the preorder list. */
static void scope_link(SymTable *t, SymScope *s)
{
    if (s->parent) {
        AGROW(t->arena, s->parent->children, s->parent->nchildren, s->parent->children_cap);
        s->parent->children[s->parent->nchildren++] = s;
    }
    AGROW(t->arena, t->scopes, t->nscopes, t->scopes_cap);
    s->id = t->nscopes;
    t->scopes[t->nscopes++] = s;
}

/* Find or append name in s; returns its entry. */
static SymEntry *scope_entry(Arena *a, SymScope *s, const char *name, bool *created)
{
    SymEntry *e = sym_lookup(s, name);
    if (e) {
        if (created)
            *created = false;
        return e;
    }
    index_reserve(a, s);
    AGROW(a, s->syms, s->nsyms, s->syms_cap);
    e = &s->syms[s->nsyms++];
    memset(e, 0, sizeof *e);
    e->name = name;
    index_put(s, s->nsyms - 1);
    if (created)
        *created = true;
    return e;
}

/* ------------------------------------------------------------------ */
/* The collect pass                                                    */

/* Where an error is, as CPython's (lineno, col_offset, end_lineno,
 * end_col_offset) of a node. */
typedef struct Loc {
    int lineno, col, end_lineno, end_col;
} Loc;

/* State of one sym_build() run. */
typedef struct Builder {
    SymTable *t;                 /* the tables being built */
    Interner names;              /* interned identifiers */
    SymScope *cur;               /* the scope being filled */
    SymScope **stack;            /* the open scopes, outermost first */
    int depth;                   /* entries in stack */
    int stack_cap;               /* allocated slots of stack */
    const char *private_name;    /* class name for mangling, or NULL */
    Diag *err;                   /* where an error goes */
    bool failed;                 /* an error was recorded */
    char msgbuf[512];            /* text of err->msg */
    const char *id_class;        /* interned "__class__" */
    int annotation_depth;        /* open annotation blocks (future annotations) */
} Builder;

static Loc loc_of(const AstNode *n)
{
    Loc l = {n->lineno, n->col_offset, n->end_lineno, n->end_col_offset};
    return l;
}

/* Record a SyntaxError (the first one wins) at loc. */
static void error_at(Builder *b, Loc loc, const char *fmt, const char *name)
{
    if (b->failed)
        return;
    b->failed = true;
    snprintf(b->msgbuf, sizeof b->msgbuf, fmt, name ? name : "");
    b->err->type = "SyntaxError";
    b->err->msg = arena_strdup(b->t->arena, b->msgbuf);
    b->err->filename = b->t->filename;
    b->err->lineno = loc.lineno;
    b->err->offset = loc.col + 1;
    b->err->end_lineno = loc.end_lineno;
    b->err->end_offset = loc.end_col + 1;
    b->err->text = NULL;
}

static const char *mangled(Builder *b, const char *name)
{
    return intern(&b->names, sym_mangle(b->t->arena, b->private_name, name));
}

static void push_scope(Builder *b, SymScope *s)
{
    GROW(b->stack, b->depth, b->stack_cap);
    b->stack[b->depth++] = s;
    b->cur = s;
}

static void pop_scope(Builder *b)
{
    b->depth--;
    b->cur = b->depth ? b->stack[b->depth - 1] : NULL;
}

/* symtable_enter_block: a new scope as a child of the current one.  An
 * annotation block (future annotations) is not linked into the tree. */
static SymScope *enter_block(Builder *b, const char *name, SymBlockType type,
                             const AstNode *node, bool annotation)
{
    SymScope *prev = b->cur;
    SymScope *s = scope_new(b->t, prev, type, name, node);
    if (prev && (prev->nested || prev->type == SYM_FUNCTION))
        s->nested = true;
    if (prev)
        s->comp_iter_expr = prev->comp_iter_expr;
    if (annotation || b->annotation_depth > 0) {
        /* an annotation block, and every scope inside one, is dropped, as
         * CPython never links it into the tree */
        if (annotation) {
            s->parent = NULL;
            b->annotation_depth++;
        }
    } else {
        scope_link(b->t, s);
    }
    push_scope(b, s);
    return s;
}

static const char *GLOBAL_PARAM = "name '%s' is parameter and global";
static const char *NONLOCAL_PARAM = "name '%s' is parameter and nonlocal";
static const char *GLOBAL_AFTER_ASSIGN = "name '%s' is assigned to before global declaration";
static const char *NONLOCAL_AFTER_ASSIGN = "name '%s' is assigned to before nonlocal declaration";
static const char *GLOBAL_AFTER_USE = "name '%s' is used prior to global declaration";
static const char *NONLOCAL_AFTER_USE = "name '%s' is used prior to nonlocal declaration";
static const char *GLOBAL_ANNOT = "annotated name '%s' can't be global";
static const char *NONLOCAL_ANNOT = "annotated name '%s' can't be nonlocal";
static const char *IMPORT_STAR_WARNING = "import * only allowed at module level";
static const char *NAMED_EXPR_COMP_IN_CLASS =
    "assignment expression within a comprehension cannot be used in a class body";
static const char *NAMED_EXPR_COMP_CONFLICT =
    "assignment expression cannot rebind comprehension iteration variable '%s'";
static const char *NAMED_EXPR_COMP_INNER_LOOP_CONFLICT =
    "comprehension inner loop cannot rebind assignment expression target '%s'";
static const char *NAMED_EXPR_COMP_ITER_EXPR =
    "assignment expression cannot be used in a comprehension iterable expression";
static const char *ANNOTATION_NOT_ALLOWED = "'%s' can not be used within an annotation";
static const char *DUPLICATE_ARGUMENT = "duplicate argument '%s' in function definition";

/* symtable_add_def_helper: add flag to the (already mangled) name in s. */
static bool add_def_in(Builder *b, const char *name, int flag, SymScope *s, Loc loc)
{
    bool created;
    SymEntry *e = scope_entry(b->t->arena, s, name, &created);
    int val = e->flags;
    if (!created) {
        if ((flag & SYM_DEF_PARAM) && (val & SYM_DEF_PARAM)) {
            error_at(b, loc, DUPLICATE_ARGUMENT, name);
            return false;
        }
        val |= flag;
    } else {
        val = flag;
    }
    if (s->comp_iter_target) {
        if (val & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) {
            error_at(b, loc, NAMED_EXPR_COMP_INNER_LOOP_CONFLICT, name);
            return false;
        }
        val |= SYM_DEF_COMP_ITER;
    }
    e->flags = val;
    if (flag & SYM_DEF_PARAM) {
        AGROW(b->t->arena, s->varnames, s->nvarnames, s->varnames_cap);
        s->varnames[s->nvarnames++] = name;
    } else if (flag & SYM_DEF_GLOBAL) {
        /* the module's own entry for the name learns DEF_GLOBAL too */
        SymEntry *g = scope_entry(b->t->arena, b->t->top, name, NULL);
        g->flags |= flag;
    }
    return true;
}

static bool add_def(Builder *b, const char *name, int flag, Loc loc)
{
    return add_def_in(b, mangled(b, name), flag, b->cur, loc);
}

static int lookup_flags(Builder *b, SymScope *s, const char *name)
{
    (void)b;
    SymEntry *e = sym_lookup(s, name);
    return e ? e->flags : 0;
}

static void record_directive(Builder *b, const char *name, Loc loc)
{
    SymDirective *d = arena_alloc(b->t->arena, sizeof *d);
    d->name = mangled(b, name);
    d->lineno = loc.lineno;
    d->col_offset = loc.col;
    d->end_lineno = loc.end_lineno;
    d->end_col_offset = loc.end_col;
    /* keep declaration order: append */
    SymDirective **pp = &b->cur->directives;
    while (*pp)
        pp = &(*pp)->next;
    *pp = d;
}

static AstNode *item(const AstSeq *s, int i)
{
    return (AstNode *)s->items[i];
}

static bool visit_stmt(Builder *b, AstNode *s);
static bool visit_expr(Builder *b, AstNode *e);
static bool visit_pattern(Builder *b, AstNode *p);

static bool visit_stmts(Builder *b, const AstSeq *seq)
{
    if (seq)
        for (int i = 0; i < seq->len; i++)
            if (item(seq, i) && !visit_stmt(b, item(seq, i)))
                return false;
    return true;
}

/* VISIT_SEQ / VISIT_SEQ_WITH_NULL over expressions. */
static bool visit_exprs(Builder *b, const AstSeq *seq)
{
    if (seq)
        for (int i = 0; i < seq->len; i++)
            if (item(seq, i) && !visit_expr(b, item(seq, i)))
                return false;
    return true;
}

static bool visit_patterns(Builder *b, const AstSeq *seq)
{
    if (seq)
        for (int i = 0; i < seq->len; i++)
            if (item(seq, i) && !visit_pattern(b, item(seq, i)))
                return false;
    return true;
}

static bool visit_keywords(Builder *b, const AstSeq *seq)
{
    if (seq)
        for (int i = 0; i < seq->len; i++)
            if (item(seq, i) && !visit_expr(b, item(seq, i)->v.keyword.value))
                return false;
    return true;
}

/* symtable_visit_annotation: one annotation, in its own (dropped) block
 * under `from __future__ import annotations`. */
static bool visit_annotation(Builder *b, AstNode *ann)
{
    if (b->t->future_annotations)
        enter_block(b, "_annotation", SYM_ANNOTATION, ann, true);
    bool ok = visit_expr(b, ann);
    if (b->t->future_annotations) {
        pop_scope(b);
        b->annotation_depth--;
    }
    return ok;
}

static bool visit_argannotations(Builder *b, const AstSeq *args)
{
    if (args)
        for (int i = 0; i < args->len; i++) {
            AstNode *a = item(args, i);
            if (a && a->v.arg.annotation && !visit_expr(b, a->v.arg.annotation))
                return false;
        }
    return true;
}

/* symtable_visit_annotations: a function's parameter and return annotations. */
static bool visit_annotations(Builder *b, AstNode *fn, AstNode *args, AstNode *returns)
{
    if (b->t->future_annotations)
        enter_block(b, "_annotation", SYM_ANNOTATION, fn, true);
    bool ok = visit_argannotations(b, args->v.arguments.posonlyargs) &&
              visit_argannotations(b, args->v.arguments.args);
    if (ok && args->v.arguments.vararg && args->v.arguments.vararg->v.arg.annotation)
        ok = visit_expr(b, args->v.arguments.vararg->v.arg.annotation);
    if (ok && args->v.arguments.kwarg && args->v.arguments.kwarg->v.arg.annotation)
        ok = visit_expr(b, args->v.arguments.kwarg->v.arg.annotation);
    if (ok)
        ok = visit_argannotations(b, args->v.arguments.kwonlyargs);
    if (b->t->future_annotations) {
        pop_scope(b);
        b->annotation_depth--;
    }
    if (ok && returns)
        ok = visit_annotation(b, returns);
    return ok;
}

static bool visit_params(Builder *b, const AstSeq *args)
{
    if (args)
        for (int i = 0; i < args->len; i++) {
            AstNode *a = item(args, i);
            if (a && !add_def(b, a->v.arg.arg, SYM_DEF_PARAM, loc_of(a)))
                return false;
        }
    return true;
}

/* symtable_visit_arguments: the parameters, inside the function's block. */
static bool visit_arguments(Builder *b, AstNode *a)
{
    if (!visit_params(b, a->v.arguments.posonlyargs) ||
        !visit_params(b, a->v.arguments.args) ||
        !visit_params(b, a->v.arguments.kwonlyargs))
        return false;
    if (a->v.arguments.vararg) {
        if (!add_def(b, a->v.arguments.vararg->v.arg.arg, SYM_DEF_PARAM,
                     loc_of(a->v.arguments.vararg)))
            return false;
        b->cur->varargs = true;
    }
    if (a->v.arguments.kwarg) {
        if (!add_def(b, a->v.arguments.kwarg->v.arg.arg, SYM_DEF_PARAM,
                     loc_of(a->v.arguments.kwarg)))
            return false;
        b->cur->varkeywords = true;
    }
    return true;
}

/* FunctionDef / AsyncFunctionDef. */
static bool visit_funcdef(Builder *b, AstNode *s, bool is_async)
{
    const char *name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    AstNode *args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    AstNode *returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    AstSeq *decos = is_async ? s->v.AsyncFunctionDef.decorator_list : s->v.FunctionDef.decorator_list;
    AstSeq *body = is_async ? s->v.AsyncFunctionDef.body : s->v.FunctionDef.body;
    if (!add_def(b, name, SYM_DEF_LOCAL, loc_of(s)))
        return false;
    if (!visit_exprs(b, args->v.arguments.defaults) ||
        !visit_exprs(b, args->v.arguments.kw_defaults) ||
        !visit_annotations(b, s, args, returns) ||
        !visit_exprs(b, decos))
        return false;
    enter_block(b, intern(&b->names, name), SYM_FUNCTION, s, false);
    if (is_async)
        b->cur->coroutine = true;
    if (!visit_arguments(b, args) || !visit_stmts(b, body))
        return false;
    pop_scope(b);
    return true;
}

/* Global and Nonlocal statements. */
static bool visit_declaration(Builder *b, AstNode *s, bool global)
{
    AstSeq *names = global ? s->v.Global.names : s->v.Nonlocal.names;
    for (int i = 0; names && i < names->len; i++) {
        const char *raw = (const char *)names->items[i];
        const char *name = mangled(b, raw);
        int cur = lookup_flags(b, b->cur, name);
        if (cur & (SYM_DEF_PARAM | SYM_DEF_LOCAL | SYM_USE | SYM_DEF_ANNOT)) {
            const char *msg;
            if (cur & SYM_DEF_PARAM)
                msg = global ? GLOBAL_PARAM : NONLOCAL_PARAM;
            else if (cur & SYM_USE)
                msg = global ? GLOBAL_AFTER_USE : NONLOCAL_AFTER_USE;
            else if (cur & SYM_DEF_ANNOT)
                msg = global ? GLOBAL_ANNOT : NONLOCAL_ANNOT;
            else
                msg = global ? GLOBAL_AFTER_ASSIGN : NONLOCAL_AFTER_ASSIGN;
            error_at(b, loc_of(s), msg, raw);
            return false;
        }
        if (!add_def(b, raw, global ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL, loc_of(s)))
            return false;
        record_directive(b, raw, loc_of(s));
    }
    return true;
}

/* An alias of import / from-import: binds the first dotted component. */
static bool visit_alias(Builder *b, AstNode *a)
{
    const char *name = a->v.alias.asname ? a->v.alias.asname : a->v.alias.name;
    if (strcmp(name, "*") == 0) {
        if (b->cur->type != SYM_MODULE) {
            error_at(b, loc_of(a), IMPORT_STAR_WARNING, NULL);
            return false;
        }
        return true;
    }
    const char *dot = strchr(name, '.');
    const char *store = dot ? arena_strndup(b->t->arena, name, (size_t)(dot - name)) : name;
    return add_def(b, store, SYM_DEF_IMPORT, loc_of(a));
}

static bool visit_stmt(Builder *b, AstNode *s)
{
    switch (s->kind) {
    case AST_FunctionDef:
        return visit_funcdef(b, s, false);
    case AST_AsyncFunctionDef:
        return visit_funcdef(b, s, true);
    case AST_ClassDef: {
        if (!add_def(b, s->v.ClassDef.name, SYM_DEF_LOCAL, loc_of(s)) ||
            !visit_exprs(b, s->v.ClassDef.bases) ||
            !visit_keywords(b, s->v.ClassDef.keywords) ||
            !visit_exprs(b, s->v.ClassDef.decorator_list))
            return false;
        enter_block(b, intern(&b->names, s->v.ClassDef.name), SYM_CLASS, s, false);
        const char *saved = b->private_name;
        b->private_name = s->v.ClassDef.name;
        if (!visit_stmts(b, s->v.ClassDef.body))
            return false;
        b->private_name = saved;
        pop_scope(b);
        return true;
    }
    case AST_Return:
        if (s->v.Return.value) {
            if (!visit_expr(b, s->v.Return.value))
                return false;
            b->cur->returns_value = true;
        }
        return true;
    case AST_Delete:
        return visit_exprs(b, s->v.Delete.targets);
    case AST_Assign:
        return visit_exprs(b, s->v.Assign.targets) && visit_expr(b, s->v.Assign.value);
    case AST_AnnAssign: {
        AstNode *target = s->v.AnnAssign.target;
        if (target->kind == AST_Name) {
            const char *name = mangled(b, target->v.Name.id);
            int cur = lookup_flags(b, b->cur, name);
            if ((cur & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) && b->cur != b->t->top &&
                s->v.AnnAssign.simple) {
                error_at(b, loc_of(s), (cur & SYM_DEF_GLOBAL) ? GLOBAL_ANNOT : NONLOCAL_ANNOT,
                         target->v.Name.id);
                return false;
            }
            if (s->v.AnnAssign.simple) {
                if (!add_def(b, target->v.Name.id, SYM_DEF_ANNOT | SYM_DEF_LOCAL, loc_of(target)))
                    return false;
            } else if (s->v.AnnAssign.value) {
                if (!add_def(b, target->v.Name.id, SYM_DEF_LOCAL, loc_of(target)))
                    return false;
            }
        } else if (!visit_expr(b, target)) {
            return false;
        }
        if (!visit_annotation(b, s->v.AnnAssign.annotation))
            return false;
        return !s->v.AnnAssign.value || visit_expr(b, s->v.AnnAssign.value);
    }
    case AST_AugAssign:
        return visit_expr(b, s->v.AugAssign.target) && visit_expr(b, s->v.AugAssign.value);
    case AST_For:
        return visit_expr(b, s->v.For.target) && visit_expr(b, s->v.For.iter) &&
               visit_stmts(b, s->v.For.body) && visit_stmts(b, s->v.For.orelse);
    case AST_AsyncFor:
        return visit_expr(b, s->v.AsyncFor.target) && visit_expr(b, s->v.AsyncFor.iter) &&
               visit_stmts(b, s->v.AsyncFor.body) && visit_stmts(b, s->v.AsyncFor.orelse);
    case AST_While:
        return visit_expr(b, s->v.While.test) && visit_stmts(b, s->v.While.body) &&
               visit_stmts(b, s->v.While.orelse);
    case AST_If:
        return visit_expr(b, s->v.If.test) && visit_stmts(b, s->v.If.body) &&
               visit_stmts(b, s->v.If.orelse);
    case AST_Match: {
        if (!visit_expr(b, s->v.Match.subject))
            return false;
        AstSeq *cases = s->v.Match.cases;
        for (int i = 0; cases && i < cases->len; i++) {
            AstNode *c = item(cases, i);
            if (!visit_pattern(b, c->v.match_case.pattern))
                return false;
            if (c->v.match_case.guard && !visit_expr(b, c->v.match_case.guard))
                return false;
            if (!visit_stmts(b, c->v.match_case.body))
                return false;
        }
        return true;
    }
    case AST_Raise:
        if (s->v.Raise.exc) {
            if (!visit_expr(b, s->v.Raise.exc))
                return false;
            if (s->v.Raise.cause && !visit_expr(b, s->v.Raise.cause))
                return false;
        }
        return true;
    case AST_Try:
    case AST_TryStar: {
        AstSeq *body = s->kind == AST_Try ? s->v.Try.body : s->v.TryStar.body;
        AstSeq *orelse = s->kind == AST_Try ? s->v.Try.orelse : s->v.TryStar.orelse;
        AstSeq *handlers = s->kind == AST_Try ? s->v.Try.handlers : s->v.TryStar.handlers;
        AstSeq *final = s->kind == AST_Try ? s->v.Try.finalbody : s->v.TryStar.finalbody;
        if (!visit_stmts(b, body) || !visit_stmts(b, orelse))
            return false;
        for (int i = 0; handlers && i < handlers->len; i++) {
            AstNode *h = item(handlers, i);
            if (h->v.ExceptHandler.type && !visit_expr(b, h->v.ExceptHandler.type))
                return false;
            if (h->v.ExceptHandler.name &&
                !add_def(b, h->v.ExceptHandler.name, SYM_DEF_LOCAL, loc_of(h)))
                return false;
            if (!visit_stmts(b, h->v.ExceptHandler.body))
                return false;
        }
        return visit_stmts(b, final);
    }
    case AST_Assert:
        return visit_expr(b, s->v.Assert.test) &&
               (!s->v.Assert.msg || visit_expr(b, s->v.Assert.msg));
    case AST_Import:
    case AST_ImportFrom: {
        AstSeq *names = s->kind == AST_Import ? s->v.Import.names : s->v.ImportFrom.names;
        for (int i = 0; names && i < names->len; i++)
            if (!visit_alias(b, item(names, i)))
                return false;
        return true;
    }
    case AST_Global:
        return visit_declaration(b, s, true);
    case AST_Nonlocal:
        return visit_declaration(b, s, false);
    case AST_Expr:
        return visit_expr(b, s->v.Expr.value);
    case AST_With:
    case AST_AsyncWith: {
        AstSeq *items = s->kind == AST_With ? s->v.With.items : s->v.AsyncWith.items;
        for (int i = 0; items && i < items->len; i++) {
            AstNode *w = item(items, i);
            if (!visit_expr(b, w->v.withitem.context_expr))
                return false;
            if (w->v.withitem.optional_vars && !visit_expr(b, w->v.withitem.optional_vars))
                return false;
        }
        return visit_stmts(b, s->kind == AST_With ? s->v.With.body : s->v.AsyncWith.body);
    }
    default:
        return true;       /* Pass, Break, Continue */
    }
}

static bool raise_if_annotation_block(Builder *b, const char *what, AstNode *e)
{
    if (b->cur->type == SYM_ANNOTATION) {
        error_at(b, loc_of(e), ANNOTATION_NOT_ALLOWED, what);
        return false;
    }
    return true;
}

/* symtable_extend_namedexpr_scope: a walrus target inside a comprehension
 * binds in the nearest enclosing function (or module). */
static bool extend_namedexpr_scope(Builder *b, AstNode *target)
{
    const char *name = mangled(b, target->v.Name.id);
    Loc loc = loc_of(target);
    for (int i = b->depth - 1; i >= 0; i--) {
        SymScope *ste = b->stack[i];
        if (ste->comp) {
            if (lookup_flags(b, ste, name) & SYM_DEF_COMP_ITER) {
                error_at(b, loc, NAMED_EXPR_COMP_CONFLICT, target->v.Name.id);
                return false;
            }
            continue;
        }
        if (ste->type == SYM_FUNCTION) {
            int flag = (lookup_flags(b, ste, name) & SYM_DEF_GLOBAL) ? SYM_DEF_GLOBAL
                                                                    : SYM_DEF_NONLOCAL;
            if (!add_def(b, target->v.Name.id, flag, loc))
                return false;
            record_directive(b, target->v.Name.id, loc);
            return add_def_in(b, name, SYM_DEF_LOCAL, ste, loc);
        }
        if (ste->type == SYM_MODULE) {
            if (!add_def(b, target->v.Name.id, SYM_DEF_GLOBAL, loc))
                return false;
            record_directive(b, target->v.Name.id, loc);
            return add_def_in(b, name, SYM_DEF_GLOBAL, ste, loc);
        }
        if (ste->type == SYM_CLASS) {
            error_at(b, loc, NAMED_EXPR_COMP_IN_CLASS, NULL);
            return false;
        }
    }
    return true;
}

static bool handle_namedexpr(Builder *b, AstNode *e)
{
    if (b->cur->comp_iter_expr > 0) {
        error_at(b, loc_of(e), NAMED_EXPR_COMP_ITER_EXPR, NULL);
        return false;
    }
    if (b->cur->comp && e->v.NamedExpr.target->kind == AST_Name &&
        !extend_namedexpr_scope(b, e->v.NamedExpr.target))
        return false;
    return visit_expr(b, e->v.NamedExpr.value) && visit_expr(b, e->v.NamedExpr.target);
}

static bool visit_comprehension(Builder *b, AstNode *c)
{
    b->cur->comp_iter_target = true;
    if (!visit_expr(b, c->v.comprehension.target))
        return false;
    b->cur->comp_iter_target = false;
    b->cur->comp_iter_expr++;
    if (!visit_expr(b, c->v.comprehension.iter))
        return false;
    b->cur->comp_iter_expr--;
    if (!visit_exprs(b, c->v.comprehension.ifs))
        return false;
    if (c->v.comprehension.is_async)
        b->cur->coroutine = true;
    return true;
}

/* symtable_handle_comprehension: the outermost iterable in the current
 * scope, the rest in a new function scope with parameter ".0". */
static bool handle_comprehension(Builder *b, AstNode *e, const char *scope_name,
                                 SymComp comp, AstSeq *gens, AstNode *elt, AstNode *value)
{
    bool is_generator = e->kind == AST_GeneratorExp;
    if (!gens || gens->len == 0 || !item(gens, 0))
        return true;
    AstNode *outer = item(gens, 0);
    b->cur->comp_iter_expr++;
    if (!visit_expr(b, outer->v.comprehension.iter))
        return false;
    b->cur->comp_iter_expr--;
    enter_block(b, scope_name, SYM_FUNCTION, e, false);
    b->cur->comp = comp;
    if (outer->v.comprehension.is_async)
        b->cur->coroutine = true;
    if (!add_def_in(b, intern(&b->names, ".0"), SYM_DEF_PARAM, b->cur, loc_of(e)))
        return false;
    b->cur->comp_iter_target = true;
    if (!visit_expr(b, outer->v.comprehension.target))
        return false;
    b->cur->comp_iter_target = false;
    if (!visit_exprs(b, outer->v.comprehension.ifs))
        return false;
    for (int i = 1; i < gens->len; i++)
        if (item(gens, i) && !visit_comprehension(b, item(gens, i)))
            return false;
    if (value && !visit_expr(b, value))
        return false;
    if (!visit_expr(b, elt))
        return false;
    b->cur->generator = is_generator;
    bool is_async = b->cur->coroutine && !is_generator;
    pop_scope(b);
    if (is_async)
        b->cur->coroutine = true;
    return true;
}

static bool raise_if_comprehension_block(Builder *b, AstNode *e)
{
    SymComp c = b->cur->comp;
    error_at(b, loc_of(e),
             c == SYM_COMP_LIST ? "'yield' inside list comprehension" :
             c == SYM_COMP_SET ? "'yield' inside set comprehension" :
             c == SYM_COMP_DICT ? "'yield' inside dict comprehension" :
             "'yield' inside generator expression", NULL);
    return false;
}

static bool visit_expr(Builder *b, AstNode *e)
{
    switch (e->kind) {
    case AST_NamedExpr:
        return raise_if_annotation_block(b, "named expression", e) && handle_namedexpr(b, e);
    case AST_BoolOp:
        return visit_exprs(b, e->v.BoolOp.values);
    case AST_BinOp:
        return visit_expr(b, e->v.BinOp.left) && visit_expr(b, e->v.BinOp.right);
    case AST_UnaryOp:
        return visit_expr(b, e->v.UnaryOp.operand);
    case AST_Lambda: {
        AstNode *args = e->v.Lambda.args;
        if (!visit_exprs(b, args->v.arguments.defaults) ||
            !visit_exprs(b, args->v.arguments.kw_defaults))
            return false;
        enter_block(b, intern(&b->names, "lambda"), SYM_FUNCTION, e, false);
        if (!visit_arguments(b, args) || !visit_expr(b, e->v.Lambda.body))
            return false;
        pop_scope(b);
        return true;
    }
    case AST_IfExp:
        return visit_expr(b, e->v.IfExp.test) && visit_expr(b, e->v.IfExp.body) &&
               visit_expr(b, e->v.IfExp.orelse);
    case AST_Dict:
        return visit_exprs(b, e->v.Dict.keys) && visit_exprs(b, e->v.Dict.values);
    case AST_Set:
        return visit_exprs(b, e->v.Set.elts);
    case AST_GeneratorExp:
        return handle_comprehension(b, e, "genexpr", SYM_COMP_GEN, e->v.GeneratorExp.generators,
                                    e->v.GeneratorExp.elt, NULL);
    case AST_ListComp:
        return handle_comprehension(b, e, "listcomp", SYM_COMP_LIST, e->v.ListComp.generators,
                                    e->v.ListComp.elt, NULL);
    case AST_SetComp:
        return handle_comprehension(b, e, "setcomp", SYM_COMP_SET, e->v.SetComp.generators,
                                    e->v.SetComp.elt, NULL);
    case AST_DictComp:
        return handle_comprehension(b, e, "dictcomp", SYM_COMP_DICT, e->v.DictComp.generators,
                                    e->v.DictComp.key, e->v.DictComp.value);
    case AST_Yield:
    case AST_YieldFrom: {
        if (!raise_if_annotation_block(b, "yield expression", e))
            return false;
        AstNode *v = e->kind == AST_Yield ? e->v.Yield.value : e->v.YieldFrom.value;
        if (v && !visit_expr(b, v))
            return false;
        b->cur->generator = true;
        if (b->cur->comp)
            return raise_if_comprehension_block(b, e);
        return true;
    }
    case AST_Await:
        if (!raise_if_annotation_block(b, "await expression", e) ||
            !visit_expr(b, e->v.Await.value))
            return false;
        b->cur->coroutine = true;
        return true;
    case AST_Compare:
        return visit_expr(b, e->v.Compare.left) && visit_exprs(b, e->v.Compare.comparators);
    case AST_Call:
        return visit_expr(b, e->v.Call.func) && visit_exprs(b, e->v.Call.args) &&
               visit_keywords(b, e->v.Call.keywords);
    case AST_FormattedValue:
        return visit_expr(b, e->v.FormattedValue.value) &&
               (!e->v.FormattedValue.format_spec ||
                visit_expr(b, e->v.FormattedValue.format_spec));
    case AST_JoinedStr:
        return visit_exprs(b, e->v.JoinedStr.values);
    case AST_Attribute:
        return visit_expr(b, e->v.Attribute.value);
    case AST_Subscript:
        return visit_expr(b, e->v.Subscript.value) && visit_expr(b, e->v.Subscript.slice);
    case AST_Starred:
        return visit_expr(b, e->v.Starred.value);
    case AST_Slice:
        return (!e->v.Slice.lower || visit_expr(b, e->v.Slice.lower)) &&
               (!e->v.Slice.upper || visit_expr(b, e->v.Slice.upper)) &&
               (!e->v.Slice.step || visit_expr(b, e->v.Slice.step));
    case AST_Name: {
        bool load = e->v.Name.ctx && e->v.Name.ctx->kind == AST_Load;
        if (!add_def(b, e->v.Name.id, load ? SYM_USE : SYM_DEF_LOCAL, loc_of(e)))
            return false;
        if (load && b->cur->type == SYM_FUNCTION && strcmp(e->v.Name.id, "super") == 0)
            return add_def_in(b, b->id_class, SYM_USE, b->cur, loc_of(e));
        return true;
    }
    case AST_List:
        return visit_exprs(b, e->v.List.elts);
    case AST_Tuple:
        return visit_exprs(b, e->v.Tuple.elts);
    default:
        return true;       /* Constant */
    }
}

static bool visit_pattern(Builder *b, AstNode *p)
{
    switch (p->kind) {
    case AST_MatchValue:
        return visit_expr(b, p->v.MatchValue.value);
    case AST_MatchSequence:
        return visit_patterns(b, p->v.MatchSequence.patterns);
    case AST_MatchStar:
        return !p->v.MatchStar.name || add_def(b, p->v.MatchStar.name, SYM_DEF_LOCAL, loc_of(p));
    case AST_MatchMapping:
        return visit_exprs(b, p->v.MatchMapping.keys) &&
               visit_patterns(b, p->v.MatchMapping.patterns) &&
               (!p->v.MatchMapping.rest ||
                add_def(b, p->v.MatchMapping.rest, SYM_DEF_LOCAL, loc_of(p)));
    case AST_MatchClass:
        return visit_expr(b, p->v.MatchClass.cls) &&
               visit_patterns(b, p->v.MatchClass.patterns) &&
               visit_patterns(b, p->v.MatchClass.kwd_patterns);
    case AST_MatchAs:
        return (!p->v.MatchAs.pattern || visit_pattern(b, p->v.MatchAs.pattern)) &&
               (!p->v.MatchAs.name || add_def(b, p->v.MatchAs.name, SYM_DEF_LOCAL, loc_of(p)));
    case AST_MatchOr:
        return visit_patterns(b, p->v.MatchOr.patterns);
    default:
        return true;       /* MatchSingleton */
    }
}

/* ------------------------------------------------------------------ */
/* The analysis pass                                                   */

static SymDirective *find_directive(SymScope *s, const char *name)
{
    for (SymDirective *d = s->directives; d; d = d->next)
        if (d->name == name)
            return d;
    return NULL;
}

static void error_at_directive(Builder *b, SymScope *s, const char *msg, const char *name)
{
    SymDirective *d = find_directive(s, name);
    Loc loc = {0, -1, 0, -1};
    if (d) {
        loc.lineno = d->lineno;
        loc.col = d->col_offset;
        loc.end_lineno = d->end_lineno;
        loc.end_col = d->end_col_offset;
    }
    error_at(b, loc, msg, name);
}

/* analyze_name: the resolved scope of one symbol. */
static bool analyze_name(Builder *b, SymScope *ste, SymEntry *e, NameSet *bound,
                         NameSet *local, NameSet *fr, NameSet *global)
{
    const char *name = e->name;
    int flags = e->flags;
    if (flags & SYM_DEF_GLOBAL) {
        if (flags & SYM_DEF_NONLOCAL) {
            error_at_directive(b, ste, "name '%s' is nonlocal and global", name);
            return false;
        }
        e->scope = SYM_GLOBAL_EXPLICIT;
        set_add(global, name);
        if (bound)
            set_discard(bound, name);
        return true;
    }
    if (flags & SYM_DEF_NONLOCAL) {
        if (!bound) {
            error_at_directive(b, ste, "nonlocal declaration not allowed at module level", name);
            return false;
        }
        if (!set_has(bound, name)) {
            error_at_directive(b, ste, "no binding for nonlocal '%s' found", name);
            return false;
        }
        e->scope = SYM_FREE;
        ste->has_free = true;
        set_add(fr, name);
        return true;
    }
    if (flags & SYM_DEF_BOUND) {
        e->scope = SYM_LOCAL;
        set_add(local, name);
        set_discard(global, name);
        return true;
    }
    if (bound && set_has(bound, name)) {
        e->scope = SYM_FREE;
        ste->has_free = true;
        set_add(fr, name);
        return true;
    }
    if (global && set_has(global, name)) {
        e->scope = SYM_GLOBAL_IMPLICIT;
        return true;
    }
    if (ste->nested)
        ste->has_free = true;
    e->scope = SYM_GLOBAL_IMPLICIT;
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* update_symbols: free names of children not known here become FREE here
 * (unless global); a class keeps its own binding but marks DEF_FREE_CLASS.
 * New names are appended sorted (CPython's order there is a set's). */
static void update_symbols(Arena *arena, SymScope *ste, NameSet *bound, NameSet *fr, bool classflag)
{
    const char **add = NULL;
    size_t nadd = 0;
    for (size_t i = 0; i < fr->cap; i++) {
        const char *name = fr->slots[i];
        if (!name || name == TOMB)
            continue;
        SymEntry *e = sym_lookup(ste, name);
        if (e) {
            if (classflag && (e->flags & (SYM_DEF_BOUND | SYM_DEF_GLOBAL)))
                e->flags |= SYM_DEF_FREE_CLASS;
            continue;
        }
        if (bound && !set_has(bound, name))
            continue;
        add = ls_xrealloc(add, (nadd + 1) * sizeof *add);
        add[nadd++] = name;
    }
    if (nadd > 1)
        qsort(add, nadd, sizeof *add, cmp_str);
    for (size_t i = 0; i < nadd; i++) {
        SymEntry *e = scope_entry(arena, ste, add[i], NULL);
        e->flags = 0;
        e->scope = SYM_FREE;
        e->implicit = true;
    }
    free(add);
}

static bool analyze_block(Builder *b, SymScope *ste, NameSet *bound, NameSet *fr,
                          NameSet *global);

/* analyze_child_block: the child works on copies of the sets. */
static bool analyze_child_block(Builder *b, SymScope *ste, NameSet *bound, NameSet *fr,
                                NameSet *global, NameSet *child_free)
{
    NameSet tb = {0}, tf = {0}, tg = {0};
    set_union(&tb, bound);
    set_union(&tf, fr);
    set_union(&tg, global);
    bool ok = analyze_block(b, ste, &tb, &tf, &tg);
    if (ok)
        set_union(child_free, &tf);
    set_free(&tb);
    set_free(&tf);
    set_free(&tg);
    return ok;
}

static bool analyze_block(Builder *b, SymScope *ste, NameSet *bound, NameSet *fr,
                          NameSet *global)
{
    NameSet local = {0}, newglobal = {0}, newfree = {0}, newbound = {0}, allfree = {0};
    bool ok = false;
    if (ste->type == SYM_CLASS) {
        set_union(&newglobal, global);
        if (bound)
            set_union(&newbound, bound);
    }
    for (int i = 0; i < ste->nsyms; i++)
        if (!analyze_name(b, ste, &ste->syms[i], bound, &local, fr, global))
            goto out;
    if (ste->type != SYM_CLASS) {
        if (ste->type == SYM_FUNCTION)
            set_union(&newbound, &local);
        if (bound)
            set_union(&newbound, bound);
        set_union(&newglobal, global);
    } else {
        set_add(&newbound, b->id_class);
    }
    for (int i = 0; i < ste->nchildren; i++) {
        SymScope *c = ste->children[i];
        if (!analyze_child_block(b, c, &newbound, &newfree, &newglobal, &allfree))
            goto out;
        if (c->has_free || c->child_free)
            ste->child_free = true;
    }
    set_union(&newfree, &allfree);
    if (ste->type == SYM_FUNCTION) {
        /* analyze_cells: locals used by children become cells */
        for (int i = 0; i < ste->nsyms; i++) {
            SymEntry *e = &ste->syms[i];
            if (e->scope == SYM_LOCAL && set_has(&newfree, e->name)) {
                e->scope = SYM_CELL;
                set_discard(&newfree, e->name);
            }
        }
    } else if (ste->type == SYM_CLASS) {
        if (set_discard(&newfree, b->id_class))
            ste->needs_class_closure = true;
    }
    update_symbols(b->t->arena, ste, bound, &newfree, ste->type == SYM_CLASS);
    set_union(fr, &newfree);
    ok = true;
out:
    set_free(&local);
    set_free(&newglobal);
    set_free(&newfree);
    set_free(&newbound);
    set_free(&allfree);
    return ok;
}

/* Does the module start with `from __future__ import annotations` (after
 * an optional docstring, among other future imports)? */
static bool has_future_annotations(const AstNode *mod)
{
    if (mod->kind != AST_Module || !mod->v.Module.body)
        return false;
    const AstSeq *body = mod->v.Module.body;
    for (int i = 0; i < body->len; i++) {
        const AstNode *s = item(body, i);
        if (!s)
            return false;
        if (i == 0 && s->kind == AST_Expr && s->v.Expr.value->kind == AST_Constant &&
            s->v.Expr.value->v.Constant.value &&
            s->v.Expr.value->v.Constant.value->kind == CONST_STR)
            continue;
        if (s->kind != AST_ImportFrom || !s->v.ImportFrom.module ||
            strcmp(s->v.ImportFrom.module, "__future__") != 0)
            return false;
        const AstSeq *names = s->v.ImportFrom.names;
        for (int j = 0; names && j < names->len; j++)
            if (strcmp(item(names, j)->v.alias.name, "annotations") == 0)
                return true;
    }
    return false;
}

SymTable *sym_build(AstNode *mod, const char *filename, Arena *a, Diag *err)
{
    SymTable *t = arena_alloc(a, sizeof *t);
    t->arena = a;
    t->filename = filename;
    t->ast = mod;
    t->future_annotations = has_future_annotations(mod);
    Builder b;
    memset(&b, 0, sizeof b);
    b.t = t;
    b.names.arena = a;
    b.err = err;
    b.id_class = intern(&b.names, "__class__");
    memset(err, 0, sizeof *err);

    SymScope *top = enter_block(&b, intern(&b.names, "top"), SYM_MODULE, mod, false);
    t->top = top;
    bool ok = true;
    switch (mod->kind) {
    case AST_Module:
        ok = visit_stmts(&b, mod->v.Module.body);
        break;
    case AST_Interactive:
        ok = visit_stmts(&b, mod->v.Interactive.body);
        break;
    case AST_Expression:
        ok = visit_expr(&b, mod->v.Expression.body);
        break;
    default:
        ok = false;
        error_at(&b, (Loc){0, -1, 0, -1}, "not a module: %s", ast_kinds[mod->kind].name);
        break;
    }
    if (ok) {
        NameSet global = {0}, free = {0};
        ok = analyze_block(&b, top, NULL, &free, &global);
        set_free(&global);
        set_free(&free);
    }
    free(b.stack);
    return ok && !b.failed ? t : NULL;
}

/* ------------------------------------------------------------------ */
/* The text format                                                      */

/* Flag names in bit order, as formats/symtab.md lists them. */
static const char *const flag_names[] = {
    "global", "local", "param", "nonlocal", "use", "def_free", "free_class",
    "import", "annot", "comp_iter",
};
#define NFLAGS ((int)(sizeof flag_names / sizeof flag_names[0]))

static void put_flags(FILE *out, int flags)
{
    bool any = false;
    for (int i = 0; i < NFLAGS; i++)
        if (flags & (1 << i)) {
            fprintf(out, "%s%s", any ? "," : "", flag_names[i]);
            any = true;
        }
    if (!any)
        fputc('-', out);
}

/* Symbols in output order: collected ones in insertion order, then those
 * the analysis added, sorted (they already are, per scope). */
void sym_write_tables(FILE *out, const SymTable *t)
{
    for (int i = 0; i < t->nscopes; i++) {
        const SymScope *s = t->scopes[i];
        fprintf(out, "scope %d %d %s %s %d %s%s\n", s->id, s->parent ? s->parent->id : -1,
                sym_block_type_name(s->type), s->name, s->lineno,
                s->nested ? "nested" : "-", s->type == SYM_FUNCTION ? ",optimized" : "");
        fprintf(out, "info %d %s %d %d %d %d", s->id,
                s->node_kind ? ast_kinds[s->node_kind].name : "?", s->lineno, s->col_offset,
                s->end_lineno, s->end_col_offset);
        static const struct { size_t off; const char *name; } facts[] = {
            {offsetof(SymScope, generator), "generator"},
            {offsetof(SymScope, coroutine), "coroutine"},
            {offsetof(SymScope, varargs), "varargs"},
            {offsetof(SymScope, varkeywords), "varkeywords"},
            {offsetof(SymScope, returns_value), "returns_value"},
            {offsetof(SymScope, has_free), "free"},
            {offsetof(SymScope, child_free), "child_free"},
            {offsetof(SymScope, needs_class_closure), "class_closure"},
        };
        bool any = false;
        fputc(' ', out);
        for (size_t k = 0; k < sizeof facts / sizeof facts[0]; k++)
            if (*(const bool *)((const char *)s + facts[k].off)) {
                fprintf(out, "%s%s", any ? "," : "", facts[k].name);
                any = true;
            }
        if (!any)
            fputc('-', out);
        fputc('\n', out);
        fprintf(out, "varnames %d", s->id);
        for (int k = 0; k < s->nvarnames; k++)
            fprintf(out, " %s", s->varnames[k]);
        fputc('\n', out);
        for (int k = 0; k < s->nsyms; k++) {
            const SymEntry *e = &s->syms[k];
            fprintf(out, "sym %d %s %s %s ", s->id, s->name, e->name, sym_resolved_name(e->scope));
            put_flags(out, e->flags);
            fputc('\n', out);
        }
    }
}

static void tree_scope(FILE *out, const SymScope *s, int depth)
{
    fprintf(out, "%*s%s %s", depth * 4, "", sym_block_type_name(s->type), s->name);
    if (s->type != SYM_MODULE)
        fprintf(out, " (line %d)", s->lineno);
    if (s->nested)
        fputs(" nested", out);
    if (s->generator)
        fputs(" generator", out);
    if (s->coroutine)
        fputs(" coroutine", out);
    fputc('\n', out);
    for (int k = 0; k < s->nsyms; k++) {
        const SymEntry *e = &s->syms[k];
        fprintf(out, "%*s  %-20s %-15s", depth * 4, "", e->name, sym_resolved_name(e->scope));
        static const char *const roles[] = {
            "declared-global", "assigned", "parameter", "nonlocal", "referenced",
            "def-free", "free-in-method", "imported", "annotated", "comprehension-target",
        };
        for (int i = 0; i < NFLAGS; i++)
            if (e->flags & (1 << i))
                fprintf(out, " %s", roles[i]);
        /* symtable's is_namespace(): a nested scope carries the name */
        for (int i = 0; i < s->nchildren; i++)
            if (strcmp(s->children[i]->name, e->name) == 0) {
                fputs(" namespace", out);
                break;
            }
        fputc('\n', out);
    }
    for (int i = 0; i < s->nchildren; i++)
        tree_scope(out, s->children[i], depth + 1);
}

void sym_write_tree(FILE *out, const SymTable *t)
{
    tree_scope(out, t->top, 0);
}

/* ------------------------------------------------------------------ */
/* The reader                                                          */

/* Reader state for sym_read(). */
typedef struct SymReader {
    const char *name;            /* input name for messages */
    long lineno;                 /* line being read */
    SymTable *t;                 /* tables being rebuilt */
} SymReader;

static noreturn void rfail(SymReader *r, const char *msg, const char *arg)
{
    ls_die(LS_EXIT_USAGE, "%s:%ld: %s%s%s", r->name, r->lineno, msg, arg ? ": " : "",
           arg ? arg : "");
}

/* Split line (len bytes) into at most max space-separated words (NUL-
 * terminated copies in the arena).  Returns the count. */
static int split_words(Arena *a, const char *line, size_t len, char **w, int max)
{
    int n = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && line[i] == ' ')
            i++;
        if (i >= len)
            break;
        size_t j = i;
        while (j < len && line[j] != ' ')
            j++;
        if (n == max)
            return max + 1;
        w[n++] = arena_strndup(a, line + i, j - i);
        i = j;
    }
    return n;
}

static int parse_int_word(SymReader *r, const char *w)
{
    char *e;
    long v = strtol(w, &e, 10);
    if (!*w || *e || v < -1 || v > 100000000)
        rfail(r, "bad number", w);
    return (int)v;
}

static int parse_flag_word(SymReader *r, const char *w)
{
    if (strcmp(w, "-") == 0)
        return 0;
    int flags = 0;
    const char *p = w;
    while (*p) {
        const char *c = strchr(p, ',');
        size_t n = c ? (size_t)(c - p) : strlen(p);
        int i;
        for (i = 0; i < NFLAGS; i++)
            if (strlen(flag_names[i]) == n && memcmp(flag_names[i], p, n) == 0)
                break;
        if (i == NFLAGS)
            rfail(r, "unknown symbol flag", w);
        flags |= 1 << i;
        p += n;
        if (*p == ',')
            p++;
    }
    return flags;
}

/* Does the comma-separated list w contain word? */
static bool has_word(const char *w, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = w; (p = strstr(p, word)); p += n)
        if ((p == w || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
            return true;
    return false;
}

static SymScope *scope_by_id(SymReader *r, const char *w)
{
    int id = parse_int_word(r, w);
    if (id < 0 || id >= r->t->nscopes)
        rfail(r, "no scope with this id", w);
    return r->t->scopes[id];
}

static bool creates_scope(AstKind k)
{
    return k == AST_FunctionDef || k == AST_AsyncFunctionDef || k == AST_ClassDef ||
           k == AST_Lambda || k == AST_ListComp || k == AST_SetComp || k == AST_DictComp ||
           k == AST_GeneratorExp;
}

/* Preorder walk collecting the scope-creating nodes. */
static void collect_scope_nodes(AstNode *n, AstNode ***v, int *len, int *cap)
{
    if (!n)
        return;
    if (creates_scope(n->kind)) {
        GROW(*v, *len, *cap);
        (*v)[(*len)++] = n;
    }
    int first = ast_first_field(n->kind);
    for (int i = 0; i < ast_kinds[n->kind].nfields; i++) {
        const AstFieldInfo *fi = &ast_fields[first + i];
        if (fi->type >= SUM_identifier)
            continue;
        void *slot = AST_FIELD_PTR(n, fi);
        if (fi->card == CARD_SEQ) {
            AstSeq *s = *(AstSeq **)slot;
            for (int j = 0; s && j < s->len; j++)
                collect_scope_nodes((AstNode *)s->items[j], v, len, cap);
        } else {
            collect_scope_nodes(*(AstNode **)slot, v, len, cap);
        }
    }
}

/* Attach each scope to its node: same kind and position, first unused. */
static void attach_nodes(SymReader *r, AstNode *mod)
{
    AstNode **v = NULL;
    int len = 0, cap = 0;
    collect_scope_nodes(mod, &v, &len, &cap);
    bool *used = ls_xcalloc((size_t)len + 1, sizeof *used);
    SymTable *t = r->t;
    t->top->node = mod;
    for (int i = 1; i < t->nscopes; i++) {
        SymScope *s = t->scopes[i];
        int j;
        for (j = 0; j < len; j++)
            if (!used[j] && v[j]->kind == s->node_kind && v[j]->lineno == s->lineno &&
                v[j]->col_offset == s->col_offset && v[j]->end_lineno == s->end_lineno &&
                v[j]->end_col_offset == s->end_col_offset)
                break;
        if (j == len) {
            char what[96];
            snprintf(what, sizeof what, "scope %d (%s at %d:%d)", s->id,
                     ast_kinds[s->node_kind].name, s->lineno, s->col_offset);
            free(v);
            free(used);
            r->lineno = 0;
            ls_die(LS_EXIT_USAGE, "%s: %s has no node in the AST", r->name, what);
        }
        used[j] = true;
        s->node = v[j];
    }
    /* A scope-making node may have no scope record: under `from __future__
     * import annotations` CPython 3.11 does not visit annotations, so a
     * lambda or comprehension there gets no scope (and is never compiled:
     * the annotation becomes a string).  pycfg says so if it needs one. */
    free(v);
    free(used);
}

SymTable *sym_read(const char *p, const char *end, long first_lineno,
                   const char *name, Arena *a)
{
    SymTable *t = arena_alloc(a, sizeof *t);
    t->arena = a;
    t->filename = name;
    SymReader r = {name, first_lineno - 1, t};
    Interner names = {NULL, 0, 0, a};
    LineCursor c;
    ls_lines_init(&c, p, end, first_lineno);
    const char *line;
    size_t len;
    bool saw_ast = false;
    SymScope *info_expected = NULL;
    while (ls_lines_next(&c, &line, &len)) {
        r.lineno = c.lineno;
        char *w[16];
        if (len == 3 && memcmp(line, "ast", 3) == 0) {
            saw_ast = true;
            break;
        }
        if (len >= 9 && memcmp(line, "varnames ", 9) == 0) {
            /* any number of names */
            char **vw = arena_alloc(a, (len / 2 + 2) * sizeof *vw);
            int n = split_words(a, line, len, vw, (int)(len / 2 + 1));
            if (n < 2)
                rfail(&r, "a varnames record needs a scope id", NULL);
            SymScope *s = scope_by_id(&r, vw[1]);
            for (int i = 2; i < n; i++) {
                AGROW(a, s->varnames, s->nvarnames, s->varnames_cap);
                s->varnames[s->nvarnames++] = intern(&names, vw[i]);
            }
            continue;
        }
        int n = split_words(a, line, len, w, 16);
        if (n == 0)
            rfail(&r, "empty line", NULL);
        if (info_expected && strcmp(w[0], "info") != 0)
            rfail(&r, "expected the info record of the scope above", NULL);
        if (strcmp(w[0], "scope") == 0) {
            if (n != 7)
                rfail(&r, "a scope record has 7 fields", NULL);
            int id = parse_int_word(&r, w[1]), parent = parse_int_word(&r, w[2]);
            if (id != t->nscopes)
                rfail(&r, "scope ids must count up from 0", w[1]);
            if ((id == 0) != (parent == -1) || parent >= id)
                rfail(&r, "bad parent scope id", w[2]);
            SymBlockType type;
            if (strcmp(w[3], "module") == 0)
                type = SYM_MODULE;
            else if (strcmp(w[3], "class") == 0)
                type = SYM_CLASS;
            else if (strcmp(w[3], "function") == 0)
                type = SYM_FUNCTION;
            else
                rfail(&r, "unknown scope type", w[3]);
            if ((id == 0) != (type == SYM_MODULE))
                rfail(&r, "the first scope, and only it, is the module", NULL);
            SymScope *s = scope_new(t, parent >= 0 ? t->scopes[parent] : NULL, type,
                                    intern(&names, w[4]), NULL);
            s->lineno = parse_int_word(&r, w[5]);
            s->nested = has_word(w[6], "nested");
            static const char *const comps[] = {"", "listcomp", "genexpr", "setcomp", "dictcomp"};
            for (int i = 1; i < 5; i++)
                if (type == SYM_FUNCTION && strcmp(s->name, comps[i]) == 0)
                    s->comp = (SymComp)i;
            scope_link(t, s);
            if (id == 0)
                t->top = s;
            info_expected = s;
        } else if (strcmp(w[0], "info") == 0) {
            if (n != 8)
                rfail(&r, "an info record has 8 fields", NULL);
            SymScope *s = scope_by_id(&r, w[1]);
            if (s != info_expected)
                rfail(&r, "info record out of place", w[1]);
            info_expected = NULL;
            size_t kl = strlen(w[2]);
            s->node_kind = strcmp(w[2], "?") == 0 ? AST_NONE_ : ast_kind_by_name(w[2], kl);
            if (s->id > 0 && !creates_scope(s->node_kind))
                rfail(&r, "not a scope-creating node kind", w[2]);
            s->lineno = parse_int_word(&r, w[3]);
            s->col_offset = parse_int_word(&r, w[4]);
            s->end_lineno = parse_int_word(&r, w[5]);
            s->end_col_offset = parse_int_word(&r, w[6]);
            s->generator = has_word(w[7], "generator");
            s->coroutine = has_word(w[7], "coroutine");
            s->varargs = has_word(w[7], "varargs");
            s->varkeywords = has_word(w[7], "varkeywords");
            s->returns_value = has_word(w[7], "returns_value");
            s->has_free = has_word(w[7], "free");
            s->child_free = has_word(w[7], "child_free");
            s->needs_class_closure = has_word(w[7], "class_closure");
        } else if (strcmp(w[0], "sym") == 0) {
            if (n != 6)
                rfail(&r, "a sym record has 6 fields", NULL);
            SymScope *s = scope_by_id(&r, w[1]);
            if (strcmp(w[2], s->name) != 0)
                rfail(&r, "the scope name does not match the scope id", w[2]);
            const char *nm = intern(&names, w[3]);
            bool created;
            SymEntry *e = scope_entry(a, s, nm, &created);
            if (!created)
                rfail(&r, "symbol listed twice", w[3]);
            int k;
            for (k = 1; k <= SYM_CELL; k++)
                if (strcmp(w[4], sym_resolved_name((SymResolved)k)) == 0)
                    break;
            if (k > SYM_CELL)
                rfail(&r, "unknown resolved scope", w[4]);
            e->scope = (SymResolved)k;
            e->flags = parse_flag_word(&r, w[5]);
            e->implicit = e->flags == 0;
        } else {
            rfail(&r, "unknown record", w[0]);
        }
    }
    if (info_expected)
        rfail(&r, "truncated: the last scope has no info record", NULL);
    if (!saw_ast || t->nscopes == 0)
        ls_die(LS_EXIT_USAGE, "%s:%ld: truncated input: %s", name, c.lineno,
               t->nscopes == 0 ? "no scope records" : "no \"ast\" line before the AST");
    AstNode *mod = ast_read(c.p, c.end, c.lineno + 1, name, a);
    t->ast = mod;
    attach_nodes(&r, mod);
    return t;
}
