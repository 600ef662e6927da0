/* cmd/pyparse/parse.c: the parser stage: tokens -> concrete syntax tree.
 *
 * Reads a TokenList (format "tokens"), builds the CST (format "cst") of
 * formats/grammar.txt.  Recursive descent with PEG ordered choice; each
 * function below carries its grammar rule.  Where CPython's grammar needs
 * backtracking (atoms starting with '(', calls with a generator argument,
 * assignment targets) this parser reads the common prefix once and decides
 * afterwards, so it never backtracks over more than a few tokens, except at
 * `with (` and `match`, where it backtracks once per statement.
 *
 * Conventions: every rule function returns true after pushing exactly one
 * node onto the parser's stack, or false after restoring the position and
 * the stack.  reduce(P, RULE, mark) wraps stack[mark..] into a RULE node.
 * Syntax errors raised with a known location longjmp out (raise_at()).
 */
#include "cmd/pyparse/parse.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/common.h"
#include "libstage/unicode.h"

enum {
    MAX_DEPTH = 5900,     /* rule nesting that CPython's parser still accepts */
    MAX_PARENS = 200,     /* CPython's tokenizer MAXLEVEL */
};

typedef struct P {
    const Token *tok;     /* the significant tokens (no NL, COMMENT, ENCODING) */
    int *bcol, *bend;     /* UTF-8 byte columns of each token's start and end */
    int *ecol;            /* start columns for messages: a NEWLINE after a comment
                           * starts at the comment, as CPython's tokenizer has it */
    int n;                /* number of tokens (the last is ENDMARKER) */
    int pos;              /* next token */
    int maxpos;           /* furthest token looked at: where "invalid syntax" points */
    CstNode **leaf;       /* one leaf per token, made when first shifted */
    CstNode **stk;        /* the node stack */
    int sp, cap;
    Arena *a;
    bool collapse;        /* skip single-child nodes while building */
    int depth;            /* rule nesting, against MAX_DEPTH */
    jmp_buf *jb;          /* where raise_at() goes */
    ParseError *err;
    bool in_fstring;      /* parsing the expression of an f-string field */
    bool inv;             /* second pass: try CPython's invalid_* rules */
    int *level;           /* bracket depth after each token, as the tokenizer's */
    unsigned char *done;  /* per token: invalid checks already tried here */
    int badtok;           /* first token the tokenizer would reject (n: none) */
    char badmsg[128];     /* its message ("unmatched ')'") */
    const ParseOptions *opt;
} P;

enum { DONE_NAMED = 1, DONE_EXPR = 2 };

static CstNode *parse_fstring_token(P *p, int ti);

/* --- errors --------------------------------------------------------------- */

static noreturn void raise_tok(P *p, const char *type, int t0, int t1, const char *fmt, ...)
    LS_PRINTF(5, 6);
static void set_msg(P *p, const char *type, const char *fmt, va_list ap);

/* Where CPython's tokens put an error: a NEWLINE after a comment starts at
 * the comment and ends where the line ends; at ENDMARKER the error is on
 * the last line, without a caret. */
static void place(P *p, int t0, int t1)
{
    ParseError *e = p->err;
    const Token *a = &p->tok[t0];
    e->lineno = a->lineno;
    e->col = p->ecol ? p->ecol[t0] : p->bcol[t0];
    e->end_lineno = 0;
    e->end_col = 0;
    bool at_eof = t0 > 0 && !p->in_fstring;
    for (int i = t0; at_eof && i < p->n; i++)
        if (p->tok[i].type != TOK_DEDENT && p->tok[i].type != TOK_ENDMARKER)
            at_eof = false;
    if (at_eof) {
        e->lineno = a->lineno > 1 ? a->lineno - 1 : 1;
        e->col = -1;
        return;
    }
    if (t1 >= 0) {
        if (t1 >= p->n)
            t1 = p->n - 1;
        e->end_lineno = p->tok[t1].end_lineno;
        e->end_col = p->tok[t1].type == TOK_NEWLINE ? p->bcol[t1] : p->bend[t1];
    }
}

/* Raise a SyntaxError spanning tokens t0..t1 (t1 < 0: caret at t0 only). */
static noreturn void raise_tok(P *p, const char *type, int t0, int t1, const char *fmt, ...)
{
    va_list ap;
    ParseError *e = p->err;
    va_start(ap, fmt);
    set_msg(p, type, fmt, ap);
    va_end(ap);
    (void)e;
    if (t0 >= p->n)
        t0 = p->n - 1;
    place(p, t0, t1);
    longjmp(*p->jb, 1);
}

static void set_msg(P *p, const char *type, const char *fmt, va_list ap)
{
    ParseError *e = p->err;
    int k = 0;
    if (p->in_fstring)
        k = snprintf(e->msg, sizeof e->msg, "f-string: ");
    vsnprintf(e->msg + k, sizeof e->msg - (size_t)k, fmt, ap);
    e->type = type;
}

/* A SyntaxError over an explicit range (UTF-8 byte columns). */
static noreturn void raise_at(P *p, int l, int c, int el, int ec, const char *fmt, ...) LS_PRINTF(6, 7);
static noreturn void raise_at(P *p, int l, int c, int el, int ec, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_msg(p, "SyntaxError", fmt, ap);
    va_end(ap);
    p->err->lineno = l;
    p->err->col = c;
    p->err->end_lineno = el;
    p->err->end_col = ec;
    longjmp(*p->jb, 1);
}

static void set_msg_plain(P *p, const char *msg)
{
    snprintf(p->err->msg, sizeof p->err->msg, "%s%s", p->in_fstring ? "f-string: " : "", msg);
    p->err->type = "SyntaxError";
}

/* RAISE_SYNTAX_ERROR(msg): one caret at the furthest token read. */
static noreturn void raise_last(P *p, const char *type, const char *fmt, ...) LS_PRINTF(3, 4);
static noreturn void raise_last(P *p, const char *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_msg(p, type, fmt, ap);
    va_end(ap);
    int t = p->maxpos < p->n ? p->maxpos : p->n - 1;
    /* CPython marks the whole token; an IndentationError shows one caret */
    place(p, t, strcmp(type, "SyntaxError") == 0 ? t : -1);
    longjmp(*p->jb, 1);
}

static const CstNode *n_first(const CstNode *n)
{
    while (n->rule != CST_LEAF)
        n = n->kids[0];
    return n;
}

static const CstNode *n_last(const CstNode *n)
{
    while (n->rule != CST_LEAF)
        n = n->rule == CST_fstring ? n->kids[0] : n->kids[n->nkids - 1];
    return n;
}

/* RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg): from a's start to b's end
 * (b NULL: to a's end; b == a with no_end: one caret). */
static noreturn void raise_nodes(P *p, const CstNode *a, const CstNode *b, const char *fmt, ...)
    LS_PRINTF(4, 5);
static noreturn void raise_nodes(P *p, const CstNode *a, const CstNode *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_msg(p, "SyntaxError", fmt, ap);
    va_end(ap);
    if (!b)
        b = a;
    /* an AST node's span leaves out the parentheses of a group */
    while (a->rule != CST_LEAF && (a->nkids == 1 || a->rule == CST_group))
        a = a->rule == CST_group ? a->kids[1] : a->kids[0];
    while (b->rule != CST_LEAF && (b->nkids == 1 || b->rule == CST_group))
        b = b->rule == CST_group ? b->kids[1] : b->kids[0];
    const CstNode *f = n_first(a), *l = n_last(b);
    p->err->lineno = f->lineno;
    p->err->col = f->col;
    p->err->end_lineno = l->end_lineno;
    p->err->end_col = l->end_col;
    longjmp(*p->jb, 1);
}

/* --- token access ------------------------------------------------------- */

static noreturn void bracket_error(P *p);

static inline const Token *cur(P *p)
{
    if (p->pos > p->maxpos) {
        p->maxpos = p->pos;
        if (LS_UNLIKELY(p->pos >= p->badtok))
            bracket_error(p);
    }
    return &p->tok[p->pos];
}

static inline bool is(P *p, TokType t)
{
    return cur(p)->type == t;
}

static inline bool is_at(P *p, int k, TokType t)
{
    int i = p->pos + k;
    if (i >= p->n)
        return false;
    if (i > p->maxpos) {
        p->maxpos = i;
        if (LS_UNLIKELY(i >= p->badtok))
            bracket_error(p);
    }
    return p->tok[i].type == t;
}

static inline bool tok_is_kw(const Token *t, const char *kw)
{
    return t->type == TOK_NAME && strcmp(t->str, kw) == 0;
}

static inline bool iskw(P *p, const char *kw)
{
    return tok_is_kw(cur(p), kw);
}

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", NULL,
};

static bool is_keyword(const Token *t)
{
    if (t->type != TOK_NAME || t->len < 2 || t->len > 8)
        return false;
    /* keywords are 2..8 characters and start with a-y, F, N or T */
    char c = t->str[0];
    if (!((c >= 'a' && c <= 'y') || c == 'F' || c == 'N' || c == 'T'))
        return false;
    for (int i = 0; keywords[i]; i++)
        if (keywords[i][0] == c && strcmp(t->str, keywords[i]) == 0)
            return true;
    return false;
}

/* A NAME that is not a keyword. */
static inline bool is_name(P *p)
{
    const Token *t = cur(p);
    return t->type == TOK_NAME && !is_keyword(t);
}

static void push(P *p, CstNode *n)
{
    if (p->sp == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 256;
        p->stk = ls_xrealloc(p->stk, (size_t)p->cap * sizeof *p->stk);
    }
    p->stk[p->sp++] = n;
}

static CstNode *make_leaf(P *p, int i)
{
    const Token *t = &p->tok[i];
    CstNode *l = arena_alloc(p->a, sizeof *l);
    l->rule = CST_LEAF;
    l->type = t->type;
    l->str = t->str;
    l->len = t->len;
    l->lineno = t->lineno;
    l->col = p->bcol[i];
    l->end_lineno = t->end_lineno;
    l->end_col = p->bend[i];
    return l;
}

/* Shift the current token as a leaf. */
static void shift(P *p)
{
    int i = p->pos;
    if (!p->leaf[i]) {
        /* One node per token, made once: a leaf, or an f-string's node. */
        CstNode *f = p->tok[i].type == TOK_STRING ? parse_fstring_token(p, i) : NULL;
        p->leaf[i] = f ? f : make_leaf(p, i);
    }
    push(p, p->leaf[i]);
    if (p->pos < p->n - 1)
        p->pos++;
}

static bool eat(P *p, TokType t)
{
    if (!is(p, t))
        return false;
    shift(p);
    return true;
}

static bool eatkw(P *p, const char *kw)
{
    if (!iskw(p, kw))
        return false;
    shift(p);
    return true;
}

/* Wrap stack[mark..sp) into a node of rule r and push it. */
static void reduce(P *p, CstRule r, int mark)
{
    int k = p->sp - mark;
    if (p->collapse && k == 1 && r != CST_file)
        return;
    CstNode *n = arena_alloc(p->a, sizeof *n);
    n->rule = r;
    n->nkids = k;
    n->kids = arena_alloc(p->a, (size_t)(k ? k : 1) * sizeof *n->kids);
    memcpy(n->kids, p->stk + mark, (size_t)k * sizeof *n->kids);
    p->sp = mark;
    push(p, n);
}

static bool fail(P *p, int mark, int save)
{
    p->sp = mark;
    p->pos = save;
    return false;
}

static void enter(P *p)
{
    if (++p->depth > MAX_DEPTH) {
        p->err->type = "MemoryError";
        snprintf(p->err->msg, sizeof p->err->msg, "too many nested expressions");
        p->err->lineno = cur(p)->lineno;
        p->err->col = cur(p)->col;
        longjmp(*p->jb, 1);
    }
}
#define LEAVE(p, v) do { (p)->depth--; return (v); } while (0)

/* A forced token (CPython's &&'x'): "expected 'x'" at the current token. */
static void expect_forced(P *p, TokType t, const char *what)
{
    if (!eat(p, t))
        raise_tok(p, "SyntaxError", p->pos, p->pos, "expected '%s'", what);
}

/* A ':' that CPython's invalid_*_stmt rules ask for: "expected ':'" when
 * the line ends instead (second pass only). */
static bool need_colon(P *p)
{
    if (eat(p, TOK_COLON))
        return true;
    if (p->inv && is(p, TOK_NEWLINE))
        raise_last(p, "SyntaxError", "expected ':'");
    return false;
}


/* --- CPython's invalid_* rules: names and targets ------------------------ */

static const CstNode *skip1(const CstNode *n)
{
    while (n->rule != CST_LEAF && n->nkids == 1)
        n = n->kids[0];
    return n;
}

static bool leaf_kw(const CstNode *n, const char *kw)
{
    return n->rule == CST_LEAF && n->type == TOK_NAME && strcmp(n->str, kw) == 0;
}

static bool is_star_form(const CstNode *n)
{
    return (n->rule == CST_star_expression || n->rule == CST_star_named_expression ||
            n->rule == CST_starred_expression || n->rule == CST_star_target) &&
           n->nkids == 2 && n->kids[0]->rule == CST_LEAF && n->kids[0]->type == TOK_STAR;
}

static bool is_tuple_form(const CstNode *n)
{
    return n->rule == CST_star_expressions || n->rule == CST_star_named_expressions ||
           n->rule == CST_star_targets || n->rule == CST_tuple || n->rule == CST_subject_expr;
}

/* _PyPegen_get_expr_name: what a message calls the expression n. */
static const char *expr_name(const CstNode *n)
{
    n = skip1(n);
    if (n->rule == CST_LEAF) {
        switch (n->type) {
        case TOK_NAME:
            if (strcmp(n->str, "True") == 0 || strcmp(n->str, "False") == 0 ||
                strcmp(n->str, "None") == 0)
                return n->str;
            return "name";
        case TOK_NUMBER: case TOK_STRING: return "literal";
        case TOK_ELLIPSIS: return "ellipsis";
        default: return "expression";
        }
    }
    if (is_star_form(n))
        return "starred";
    if (is_tuple_form(n))
        return "tuple";
    switch (n->rule) {
    case CST_strings:
        for (int i = 0; i < n->nkids; i++)
            if (n->kids[i]->rule == CST_fstring)
                return "f-string expression";
        return "literal";
    case CST_fstring: return "f-string expression";
    case CST_primary:
        if (n->kids[1]->rule == CST_LEAF && n->kids[1]->type == TOK_DOT)
            return "attribute";
        if (n->kids[1]->rule == CST_LEAF && n->kids[1]->type == TOK_LSQB)
            return "subscript";
        return "function call";
    case CST_group: return expr_name(n->kids[1]);
    case CST_list: return "list";
    case CST_listcomp: return "list comprehension";
    case CST_setcomp: return "set comprehension";
    case CST_dictcomp: return "dict comprehension";
    case CST_genexp: return "generator expression";
    case CST_dict: return "dict literal";
    case CST_set: return "set display";
    case CST_expression: return "conditional expression";
    case CST_lambdef: return "lambda";
    case CST_comparison: return "comparison";
    case CST_await_primary: return "await expression";
    case CST_yield_expr: return "yield expression";
    case CST_assignment_expression: return "named expression";
    default: return "expression";
    }
}

enum { TG_STAR, TG_DEL, TG_FOR };

/* _PyPegen_get_invalid_target: the first part of n that cannot be a target. */
static const CstNode *invalid_target(const CstNode *n, int type)
{
    n = skip1(n);
    if (n->rule == CST_LEAF) {
        if (n->type == TOK_NAME && !leaf_kw(n, "True") && !leaf_kw(n, "False") &&
            !leaf_kw(n, "None"))
            return NULL;
        return n;
    }
    if (is_star_form(n))
        return type == TG_DEL ? n : invalid_target(n->kids[1], type);
    if (is_tuple_form(n) || n->rule == CST_list) {
        for (int i = 0; i < n->nkids; i++) {
            const CstNode *k = n->kids[i];
            if (k->rule == CST_LEAF && (k->type == TOK_COMMA || k->type == TOK_LPAR ||
                                        k->type == TOK_RPAR || k->type == TOK_LSQB ||
                                        k->type == TOK_RSQB))
                continue;
            const CstNode *r = invalid_target(k, type);
            if (r)
                return r;
        }
        return NULL;
    }
    switch (n->rule) {
    case CST_group:
        return invalid_target(n->kids[1], type);
    case CST_primary:
        if (n->kids[1]->rule == CST_LEAF &&
            (n->kids[1]->type == TOK_DOT || n->kids[1]->type == TOK_LSQB))
            return NULL;
        return n;
    case CST_comparison:
        if (type == TG_FOR) {
            const CstNode *op = skip1(n->kids[1]);
            if (op->rule == CST_in_bitwise_or)
                return invalid_target(n->kids[0], type);
            return NULL;
        }
        return n;
    default:
        return n;
    }
}

static void check_target(P *p, const CstNode *n, int type)
{
    const CstNode *bad = invalid_target(n, type);
    if (bad)
        raise_nodes(p, bad, NULL, type == TG_DEL ? "cannot delete %s" : "cannot assign to %s",
                    expr_name(bad));
}

/* Is n an expression at the level of bitwise_or (what invalid_named_expression
 * can take as its `a`)? */
static bool bitwise_level(const CstNode *n)
{
    n = skip1(n);
    if (n->rule == CST_LEAF)
        return !leaf_kw(n, "yield");
    if (is_star_form(n) || (is_tuple_form(n) && n->rule != CST_tuple))
        return false;
    switch (n->rule) {
    case CST_comparison: case CST_inversion: case CST_conjunction: case CST_disjunction:
    case CST_expression: case CST_lambdef: case CST_yield_expr:
    case CST_assignment_expression:
        return false;
    default:
        return true;
    }
}

/* !(list | tuple | genexp | 'True' | 'None' | 'False') at n's start. */
static bool starts_excluded(const CstNode *n)
{
    const CstNode *f = n_first(n);
    if (leaf_kw(f, "True") || leaf_kw(f, "None") || leaf_kw(f, "False"))
        return true;
    if (f->type != TOK_LSQB && f->type != TOK_LPAR)
        return false;
    const CstNode *q = n;
    while (q->rule != CST_LEAF && q->kids[0] != f)
        q = q->kids[0];
    return q->rule == CST_list || q->rule == CST_tuple || q->rule == CST_genexp;
}

/* The targets of `T0 = T1 = ... = V`, stack[m..sp): CPython's
 * invalid_named_expression and invalid_assignment messages. */
static void check_assignment(P *p, int m)
{
    int ntargets = (p->sp - m) / 2;
    for (int i = 0; i < ntargets; i++) {
        const CstNode *t = p->stk[m + 2 * i];
        const CstNode *st = skip1(t);
        if (st->rule == CST_yield_expr || leaf_kw(st, "yield"))
            raise_nodes(p, t, NULL, "assignment to yield expression not possible");
        const CstNode *bad = invalid_target(t, TG_STAR);
        if (!bad)
            continue;
        if (i == 0 && bitwise_level(t) && !starts_excluded(t)) {
            const CstNode *next = p->stk[m + 2];
            const CstNode *f = n_first(next);
            bool starts_bitwise = !leaf_kw(f, "yield") && !leaf_kw(f, "lambda") &&
                                  !leaf_kw(f, "not") && f->type != TOK_STAR;
            if (starts_bitwise && (ntargets == 1 || !bitwise_level(next)))
                raise_nodes(p, t, NULL, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                            expr_name(t));
        }
        raise_nodes(p, bad, NULL, "cannot assign to %s", expr_name(bad));
    }
}

/* A single target of an annotated or augmented assignment. */
static bool single_target(const CstNode *n)
{
    n = skip1(n);
    if (n->rule == CST_LEAF)
        return n->type == TOK_NAME && !leaf_kw(n, "True") && !leaf_kw(n, "False") &&
               !leaf_kw(n, "None");
    if (n->rule == CST_group)
        return single_target(n->kids[1]);
    return n->rule == CST_primary && n->kids[1]->rule == CST_LEAF &&
           (n->kids[1]->type == TOK_DOT || n->kids[1]->type == TOK_LSQB);
}

static void check_annotated(P *p, const CstNode *t)
{
    const CstNode *n = skip1(t);
    while (n->rule == CST_group)
        n = skip1(n->kids[1]);
    if (n->rule == CST_list || n->rule == CST_tuple)
        raise_nodes(p, n, NULL, "only single target (not %s) can be annotated",
                    n->rule == CST_list ? "list" : "tuple");
    if (is_tuple_form(n))
        raise_nodes(p, n->kids[0], NULL, "only single target (not tuple) can be annotated");
    if (!single_target(t))
        raise_nodes(p, t, NULL, "illegal target for annotation");
}

/* --- expressions -------------------------------------------------------- */

static bool r_expression(P *p);
static bool r_named_expression(P *p);
static bool r_star_expressions(P *p);
static bool r_star_named_expression(P *p);
static bool r_disjunction(P *p);
static bool r_bitwise_or(P *p);
static bool r_primary(P *p);
static bool r_yield_expr(P *p);
static bool r_for_if_clauses(P *p);
static bool r_slices(P *p);
static bool r_params(P *p, bool lambda);
static bool r_star_targets(P *p);
static bool r_simple_stmts(P *p);

/* strings: STRING+ */
static bool r_strings(P *p)
{
    int m = p->sp;
    while (is(p, TOK_STRING))
        shift(p);
    reduce(p, CST_strings, m);
    return true;
}

/* star_named_expressions: ','.star_named_expression+ [','] (stops before
 * the closing bracket `close`). */
static void r_star_named_expressions_rest(P *p, int m, TokType close)
{
    while (is(p, TOK_COMMA)) {
        shift(p);
        if (is(p, close))
            break;
        if (!r_star_named_expression(p))
            break;
    }
    reduce(p, CST_star_named_expressions, m);
}

/* invalid_comprehension: ('[' | '{') a=star_named_expression ','
 * [star_named_expressions] for_if_clauses, the elements at stack[m]. */
static void comprehension_target(P *p, int m)
{
    int save = p->pos, sp = p->sp;
    const CstNode *el = p->stk[m];
    if (!r_for_if_clauses(p)) {
        p->pos = save;
        p->sp = sp;
        return;
    }
    if (el->rule == CST_star_named_expressions && el->nkids >= 2) {
        const CstNode *a = el->kids[0], *b = el->kids[el->nkids - 1];
        if (el->nkids == 2)
            b = el->kids[1];   /* a ',' */
        else if (b->rule == CST_LEAF && b->type == TOK_COMMA)
            b = el->kids[el->nkids - 2];
        raise_nodes(p, a, b, "did you forget parentheses around the comprehension target?");
    }
    p->pos = save;
    p->sp = sp;
}

/* tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
 * group: '(' (yield_expr | named_expression) ')'
 * genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' */
static bool r_paren_atom(P *p)
{
    int m = p->sp, save = p->pos;
    shift(p);
    if (eat(p, TOK_RPAR)) {
        reduce(p, CST_tuple, m);
        return true;
    }
    if (iskw(p, "yield")) {
        if (!r_yield_expr(p) || !eat(p, TOK_RPAR))
            return fail(p, m, save);
        reduce(p, CST_group, m);
        return true;
    }
    if (p->inv && is(p, TOK_DOUBLESTAR)) {
        /* invalid_group: '(' a='**' expression ')' */
        int d = p->pos;
        shift(p);
        if (r_expression(p) && is(p, TOK_RPAR))
            raise_tok(p, "SyntaxError", d, d, "cannot use double starred expression here");
        return fail(p, m, save);
    }
    if (!r_star_named_expression(p))
        return fail(p, m, save);
    const CstNode *first = p->stk[p->sp - 1];
    bool starred = is_star_form(skip1(first));
    if (iskw(p, "for") || iskw(p, "async")) {
        if (starred) {
            /* invalid_comprehension */
            if (p->inv && r_for_if_clauses(p))
                raise_nodes(p, first, NULL, "iterable unpacking cannot be used in comprehension");
            return fail(p, m, save);
        }
        if (!r_for_if_clauses(p) || !eat(p, TOK_RPAR))
            return fail(p, m, save);
        reduce(p, CST_genexp, m);
        return true;
    }
    if (is(p, TOK_COMMA)) {
        shift(p);
        if (!is(p, TOK_RPAR)) {
            int m2 = p->sp;
            if (!r_star_named_expression(p))
                return fail(p, m, save);
            r_star_named_expressions_rest(p, m2, TOK_RPAR);
        }
        if (!eat(p, TOK_RPAR))
            return fail(p, m, save);
        reduce(p, CST_tuple, m);
        return true;
    }
    if (!is(p, TOK_RPAR))
        return fail(p, m, save);
    if (starred) {
        /* invalid_group: '(' a=starred_expression ')' */
        if (p->inv)
            raise_nodes(p, first, NULL, "cannot use starred expression here");
        return fail(p, m, save);
    }
    shift(p);
    reduce(p, CST_group, m);
    return true;
}

/* list: '[' [star_named_expressions] ']'
 * listcomp: '[' named_expression for_if_clauses ']' */
static bool r_list_atom(P *p)
{
    int m = p->sp, save = p->pos;
    shift(p);
    if (eat(p, TOK_RSQB)) {
        reduce(p, CST_list, m);
        return true;
    }
    int m2 = p->sp;
    if (!r_star_named_expression(p))
        return fail(p, m, save);
    if (iskw(p, "for") || iskw(p, "async")) {
        if (is_star_form(skip1(p->stk[m2]))) {
            if (p->inv && r_for_if_clauses(p))
                raise_nodes(p, p->stk[m2], NULL, "iterable unpacking cannot be used in comprehension");
            return fail(p, m, save);
        }
        if (!r_for_if_clauses(p) || !eat(p, TOK_RSQB))
            return fail(p, m, save);
        reduce(p, CST_listcomp, m);
        return true;
    }
    r_star_named_expressions_rest(p, m2, TOK_RSQB);
    if (p->inv && (iskw(p, "for") || iskw(p, "async")))
        comprehension_target(p, m2);
    if (!eat(p, TOK_RSQB))
        return fail(p, m, save);
    reduce(p, CST_list, m);
    return true;
}

/* double_starred_kvpair: '**' bitwise_or | kvpair
 * kvpair: expression ':' expression */
static bool r_double_starred_kvpair(P *p)
{
    int m = p->sp, save = p->pos;
    if (is(p, TOK_DOUBLESTAR)) {
        shift(p);
        if (!r_bitwise_or(p))
            return fail(p, m, save);
        reduce(p, CST_double_starred_kvpair, m);
        return true;
    }
    if (!r_expression(p) || !eat(p, TOK_COLON) || !r_expression(p))
        return fail(p, m, save);
    reduce(p, CST_kvpair, m);
    reduce(p, CST_double_starred_kvpair, m);
    return true;
}

/* After `expression` at ':' (second pass): invalid_double_starred_kvpairs
 *     | expression ':' a='*' bitwise_or
 *     | expression a=':' &('}'|',') */
static void invalid_kvpair_value(P *p)
{
    int m = p->sp, save = p->pos;
    int colon = p->pos;
    shift(p);
    if (is(p, TOK_RBRACE) || is(p, TOK_COMMA))
        raise_tok(p, "SyntaxError", colon, colon, "expression expected after dictionary key and ':'");
    if (is(p, TOK_STAR)) {
        int star = p->pos;
        shift(p);
        if (r_bitwise_or(p))
            raise_at(p, p->tok[star].lineno, p->bcol[star], cur(p)->lineno, p->bcol[p->pos],
                     "cannot use a starred expression in a dictionary value");
    }
    fail(p, m, save);
}

/* invalid_kvpair, after `kvpair ','` (second pass):
 *     | a=expression !(':')        (caret at a's last character)
 *     | expression ':' ... as above */
static void invalid_kvpair(P *p)
{
    int m = p->sp, save = p->pos;
    if (r_expression(p)) {
        if (!is(p, TOK_COLON)) {
            const CstNode *l = n_last(p->stk[p->sp - 1]);
            p->err->end_lineno = 0;
            set_msg_plain(p, "':' expected after dictionary key");
            p->err->lineno = l->end_lineno;
            p->err->col = l->end_col - 1;
            longjmp(*p->jb, 1);
        }
        invalid_kvpair_value(p);
    }
    fail(p, m, save);
}

/* dict: '{' [double_starred_kvpairs] '}'
 * set: '{' star_named_expressions '}'
 * dictcomp: '{' kvpair for_if_clauses '}'
 * setcomp: '{' named_expression for_if_clauses '}' */
static bool r_brace_atom(P *p)
{
    int m = p->sp, save = p->pos;
    shift(p);
    if (eat(p, TOK_RBRACE)) {
        reduce(p, CST_dict, m);
        return true;
    }
    int m2 = p->sp;
    bool is_dict;
    if (is(p, TOK_DOUBLESTAR)) {
        int d = p->pos;
        if (!r_double_starred_kvpair(p))
            return fail(p, m, save);
        if (p->inv && (iskw(p, "for") || iskw(p, "async")) && r_for_if_clauses(p) &&
            is(p, TOK_RBRACE))
            raise_tok(p, "SyntaxError", d, d, "dict unpacking cannot be used in dict comprehension");
        is_dict = true;
    } else {
        if (!r_star_named_expression(p))
            return fail(p, m, save);
        is_dict = is(p, TOK_COLON);
        if (is_dict) {
            if (p->inv)
                invalid_kvpair_value(p);
            shift(p);
            if (!r_expression(p))
                return fail(p, m, save);
            reduce(p, CST_kvpair, m2);
            if (iskw(p, "for") || iskw(p, "async")) {
                if (!r_for_if_clauses(p) || !eat(p, TOK_RBRACE))
                    return fail(p, m, save);
                reduce(p, CST_dictcomp, m);
                return true;
            }
            reduce(p, CST_double_starred_kvpair, m2);
        } else if (iskw(p, "for") || iskw(p, "async")) {
            if (is_star_form(skip1(p->stk[m2]))) {
                if (p->inv && r_for_if_clauses(p))
                    raise_nodes(p, p->stk[m2], NULL, "iterable unpacking cannot be used in comprehension");
                return fail(p, m, save);
            }
            if (!r_for_if_clauses(p) || !eat(p, TOK_RBRACE))
                return fail(p, m, save);
            reduce(p, CST_setcomp, m);
            return true;
        }
    }
    if (is_dict) {
        while (is(p, TOK_COMMA)) {
            shift(p);
            if (is(p, TOK_RBRACE))
                break;
            if (!r_double_starred_kvpair(p)) {
                if (p->inv)
                    invalid_kvpair(p);
                return fail(p, m, save);
            }
        }
        reduce(p, CST_double_starred_kvpairs, m2);
        if (!eat(p, TOK_RBRACE))
            return fail(p, m, save);
        reduce(p, CST_dict, m);
        return true;
    }
    r_star_named_expressions_rest(p, m2, TOK_RBRACE);
    if (p->inv && (iskw(p, "for") || iskw(p, "async")))
        comprehension_target(p, m2);
    if (!eat(p, TOK_RBRACE))
        return fail(p, m, save);
    reduce(p, CST_set, m);
    return true;
}

/* atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER
 *     | (tuple | group | genexp) | (list | listcomp)
 *     | (dict | set | dictcomp | setcomp) | '...' */
static bool r_atom(P *p)
{
    int m = p->sp;
    const Token *t = cur(p);
    switch (t->type) {
    case TOK_NAME:
        if (is_keyword(t) && !tok_is_kw(t, "True") && !tok_is_kw(t, "False") &&
            !tok_is_kw(t, "None"))
            return false;
        shift(p);
        break;
    case TOK_NUMBER:
    case TOK_ELLIPSIS:
        shift(p);
        break;
    case TOK_STRING:
        r_strings(p);
        break;
    case TOK_LPAR:
        if (!r_paren_atom(p))
            return false;
        break;
    case TOK_LSQB:
        if (!r_list_atom(p))
            return false;
        break;
    case TOK_LBRACE:
        if (!r_brace_atom(p))
            return false;
        break;
    default:
        return false;
    }
    reduce(p, CST_atom, m);
    return true;
}

/* starred_expression: '*' expression */
static bool r_starred_expression(P *p)
{
    int m = p->sp, save = p->pos;
    shift(p);
    if (!r_expression(p))
        return fail(p, m, save);
    reduce(p, CST_starred_expression, m);
    return true;
}

/* arguments: args [','] &')'
 * args: ','.(starred_expression | (assignment_expression | expression
 *             !':=') !'=' | kwarg_or_starred | kwarg_or_double_starred)+
 * (CPython splits keyword arguments into a kwargs rule; here they are items
 * of args, each a kwarg_or_starred / kwarg_or_double_starred node.) */
/* assignment_expression | expression !':=' (a call argument, a genexp's
 * element: no invalid_named_expression here) */
static bool r_arg_expression(P *p)
{
    int m = p->sp, save = p->pos;
    if (is_name(p) && is_at(p, 1, TOK_COLONEQUAL)) {
        shift(p);
        shift(p);
        if (!r_expression(p))
            return fail(p, m, save);
        reduce(p, CST_assignment_expression, m);
        return true;
    }
    if (!r_expression(p))
        return false;
    if (is(p, TOK_COLONEQUAL))
        return fail(p, m, save);
    return true;
}

/* invalid_kwarg (second pass), at the start of an argument. */
static void invalid_kwarg(P *p)
{
    int m = p->sp, save = p->pos;
    const Token *t = cur(p);
    if ((tok_is_kw(t, "True") || tok_is_kw(t, "False") || tok_is_kw(t, "None")) &&
        is_at(p, 1, TOK_EQUAL))
        raise_tok(p, "SyntaxError", p->pos, p->pos + 1, "cannot assign to %s", t->str);
    if (is_name(p) && is_at(p, 1, TOK_EQUAL)) {
        int a = p->pos;
        shift(p);
        shift(p);
        if (r_expression(p) && (iskw(p, "for") || iskw(p, "async")) && r_for_if_clauses(p))
            raise_tok(p, "SyntaxError", a, a + 1,
                      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        fail(p, m, save);
        return;
    }
    if (r_expression(p) && is(p, TOK_EQUAL)) {
        const CstNode *e = p->stk[p->sp - 1];
        const CstNode *f = n_first(e);
        raise_at(p, f->lineno, f->col, cur(p)->end_lineno, p->bend[p->pos],
                 "expression cannot contain assignment, perhaps you meant \"==\"?");
    }
    fail(p, m, save);
}

/* arguments: args [','] &')'
 * args: ','.(starred_expression | (assignment_expression | expression
 *             !':=') !'=')+ [',' kwargs] | kwargs
 * kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
 *       | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+
 * (CPython's kwargs level is flattened: keyword arguments are items of args,
 * each a kwarg_or_starred / kwarg_or_double_starred node.)  Parses the
 * longest prefix in CPython's order: positional, then keywords and '*',
 * then keywords and '**'.  *dstar tells whether a '**' was seen. */
static bool r_args_items(P *p, int m, bool *dstar)
{
    int state = 0;   /* 0: positional; 1: after a keyword; 2: after '**' */
    for (;;) {
        int mi = p->sp, save = p->pos;
        if (p->inv)
            invalid_kwarg(p);
        if (is(p, TOK_STAR)) {
            if (state == 2 || !r_starred_expression(p))
                goto stop;
        } else if (is(p, TOK_DOUBLESTAR)) {
            shift(p);
            if (!r_expression(p)) {
                fail(p, mi, save);
                goto stop;
            }
            reduce(p, CST_kwarg_or_double_starred, mi);
            state = 2;
        } else if (is_name(p) && is_at(p, 1, TOK_EQUAL)) {
            shift(p);
            shift(p);
            if (!r_expression(p)) {
                fail(p, mi, save);
                goto stop;
            }
            reduce(p, state == 2 ? CST_kwarg_or_double_starred : CST_kwarg_or_starred, mi);
            if (state == 0)
                state = 1;
        } else {
            if (state != 0 || !r_arg_expression(p) || is(p, TOK_EQUAL)) {
                fail(p, mi, save);
                goto stop;
            }
        }
        if (!is(p, TOK_COMMA) || is_at(p, 1, TOK_RPAR))
            break;
        shift(p);
        continue;
    stop:
        /* give back the ',' before the item that does not fit */
        if (p->sp == m)
            return false;
        p->sp--;
        p->pos--;
        break;
    }
    if (dstar)
        *dstar = state == 2;
    reduce(p, CST_args, m);
    return true;
}

/* The positional arguments of an args node (or a single item). */
static const CstNode *last_positional(const CstNode *a, int *count)
{
    const CstNode *last = NULL;
    *count = 0;
    const CstNode *one[1] = {a};
    const CstNode *const *k = one;
    int n = 1;
    if (a->rule == CST_args) {
        k = (const CstNode *const *)a->kids;
        n = a->nkids;
    }
    for (int i = 0; i < n; i++) {
        const CstNode *x = k[i];
        if (x->rule == CST_LEAF && x->type == TOK_COMMA)
            continue;
        if (x->rule == CST_kwarg_or_starred || x->rule == CST_kwarg_or_double_starred)
            continue;
        last = x;
        (*count)++;
    }
    return last;
}

/* invalid_arguments (second pass), at the first token after '('. */
static void invalid_arguments(P *p)
{
    int m = p->sp, save = p->pos;
    /* a=expression b=for_if_clauses ',' [args | expression for_if_clauses] */
    if (r_expression(p) && (iskw(p, "for") || iskw(p, "async")) && r_for_if_clauses(p) &&
        is(p, TOK_COMMA))
        raise_nodes(p, p->stk[m], p->stk[p->sp - 1], "Generator expression must be parenthesized");
    fail(p, m, save);
    /* a=NAME b='=' expression for_if_clauses */
    if (is_name(p) && is_at(p, 1, TOK_EQUAL)) {
        int a = p->pos;
        shift(p);
        shift(p);
        if (r_expression(p) && (iskw(p, "for") || iskw(p, "async")) && r_for_if_clauses(p))
            raise_tok(p, "SyntaxError", a, a + 1,
                      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        fail(p, m, save);
    }
    bool dstar = false;
    if (!r_args_items(p, m, &dstar))
        return;
    const CstNode *a = p->stk[m];
    /* a=args ',' '*' */
    if (is(p, TOK_COMMA) && is_at(p, 1, TOK_STAR))
        raise_nodes(p, a, NULL, "iterable argument unpacking follows keyword argument unpacking");
    /* a=args b=for_if_clauses */
    if (iskw(p, "for") || iskw(p, "async")) {
        int mc = p->sp;
        if (r_for_if_clauses(p)) {
            int cnt;
            const CstNode *last = last_positional(a, &cnt);
            if (cnt > 1)
                raise_nodes(p, last, p->stk[mc], "Generator expression must be parenthesized");
        }
        fail(p, m, save);
        return;
    }
    if (eat(p, TOK_COMMA)) {
        int ma = p->sp, sa = p->pos;
        /* args ',' a=expression b=for_if_clauses */
        if (r_expression(p) && (iskw(p, "for") || iskw(p, "async")) && r_for_if_clauses(p))
            raise_nodes(p, p->stk[ma], p->stk[p->sp - 1], "Generator expression must be parenthesized");
        fail(p, ma, sa);
        /* a=args ',' args */
        if (r_args_items(p, ma, NULL))
            raise_last(p, "SyntaxError", dstar ? "positional argument follows keyword argument unpacking"
                                               : "positional argument follows keyword argument");
    }
    fail(p, m, save);
}

/* primary:
 *     | primary '.' NAME
 *     | primary genexp
 *     | primary '(' [arguments] ')'
 *     | primary '[' slices ']'
 *     | atom */
static bool r_primary(P *p)
{
    int m = p->sp;
    if (!r_atom(p))
        return false;
    for (;;) {
        int save = p->pos;
        if (is(p, TOK_DOT)) {
            if (!(is_at(p, 1, TOK_NAME) && !is_keyword(&p->tok[p->pos + 1])))
                break;
            shift(p);
            shift(p);
            reduce(p, CST_primary, m);
        } else if (is(p, TOK_LPAR)) {
            int mc = p->sp;
            shift(p);
            if (eat(p, TOK_RPAR)) {
                reduce(p, CST_primary, m);
                continue;
            }
            int ma = p->sp, sa = p->pos;
            bool simple = !is(p, TOK_STAR) && !is(p, TOK_DOUBLESTAR) &&
                          !(is_name(p) && is_at(p, 1, TOK_EQUAL));
            if (p->inv) {
                /* CPython tries invalid_arguments when `arguments` fails:
                 * try the plain parse first, then the invalid rules. */
                int ms = p->sp;
                bool ok = r_args_items(p, ma, NULL);
                if (ok) {
                    eat(p, TOK_COMMA);
                    ok = is(p, TOK_RPAR);
                }
                p->sp = ms;
                p->pos = sa;
                if (!ok && !((iskw(p, "for") || iskw(p, "async"))))
                    invalid_arguments(p);
                p->sp = ms;
                p->pos = sa;
            }
            if (simple) {
                if (!r_arg_expression(p)) {
                    p->sp = m + 1;
                    p->pos = save;
                    break;
                }
                if (iskw(p, "for") || iskw(p, "async")) {
                    if (!r_for_if_clauses(p) || !eat(p, TOK_RPAR)) {
                        p->sp = m + 1;
                        p->pos = save;
                        break;
                    }
                    reduce(p, CST_genexp, mc);
                    reduce(p, CST_primary, m);
                    continue;
                }
                if (is(p, TOK_COMMA) && !is_at(p, 1, TOK_RPAR)) {
                    shift(p);
                    if (!r_args_items(p, ma, NULL)) {
                        p->sp = m + 1;
                        p->pos = save;
                        break;
                    }
                } else {
                    reduce(p, CST_args, ma);
                }
            } else if (!r_args_items(p, ma, NULL)) {
                p->sp = m + 1;
                p->pos = save;
                break;
            }
            eat(p, TOK_COMMA);
            reduce(p, CST_arguments, ma);
            if (!eat(p, TOK_RPAR)) {
                p->sp = m + 1;
                p->pos = save;
                break;
            }
            reduce(p, CST_primary, m);
        } else if (is(p, TOK_LSQB)) {
            shift(p);
            if (!r_slices(p) || !eat(p, TOK_RSQB)) {
                p->sp = m + 1;
                p->pos = save;
                break;
            }
            reduce(p, CST_primary, m);
        } else {
            break;
        }
    }
    reduce(p, CST_primary, m);
    return true;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static bool r_slice(P *p)
{
    int m = p->sp, save = p->pos;
    if (!is(p, TOK_COLON)) {
        if (!r_named_expression(p))
            return false;
        if (!is(p, TOK_COLON)) {
            reduce(p, CST_slice, m);
            return true;
        }
    }
    shift(p);
    if (!is(p, TOK_COLON) && !is(p, TOK_COMMA) && !is(p, TOK_RSQB))
        if (!r_expression(p))
            return fail(p, m, save);
    if (is(p, TOK_COLON)) {
        shift(p);
        if (!is(p, TOK_COMMA) && !is(p, TOK_RSQB))
            if (!r_expression(p))
                return fail(p, m, save);
    }
    reduce(p, CST_slice, m);
    return true;
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static bool r_slices(P *p)
{
    int m = p->sp, save = p->pos;
    for (;;) {
        if (is(p, TOK_STAR)) {
            if (!r_starred_expression(p))
                return fail(p, m, save);
        } else if (!r_slice(p)) {
            return fail(p, m, save);
        }
        if (!is(p, TOK_COMMA))
            break;
        shift(p);
        if (is(p, TOK_RSQB))
            break;
    }
    reduce(p, CST_slices, m);
    return true;
}

/* await_primary: AWAIT primary | primary */
static bool r_await_primary(P *p)
{
    int m = p->sp, save = p->pos;
    if (iskw(p, "await")) {
        shift(p);
        if (!r_primary(p))
            return fail(p, m, save);
    } else if (!r_primary(p)) {
        return false;
    }
    reduce(p, CST_await_primary, m);
    return true;
}

static bool r_factor(P *p);

/* power: await_primary '**' factor | await_primary */
static bool r_power(P *p)
{
    int m = p->sp;
    if (!r_await_primary(p))
        return false;
    if (is(p, TOK_DOUBLESTAR)) {
        int save = p->pos;
        shift(p);
        if (!r_factor(p)) {
            p->sp = m + 1;
            p->pos = save;
        }
    }
    reduce(p, CST_power, m);
    return true;
}

/* factor: '+' factor | '-' factor | '~' factor | power */
static bool r_factor(P *p)
{
    int m = p->sp, save = p->pos;
    enter(p);
    if (is(p, TOK_PLUS) || is(p, TOK_MINUS) || is(p, TOK_TILDE)) {
        shift(p);
        if (!r_factor(p)) {
            fail(p, m, save);
            LEAVE(p, false);
        }
    } else if (!r_power(p)) {
        LEAVE(p, false);
    }
    reduce(p, CST_factor, m);
    LEAVE(p, true);
}

/* A left-associative binary level: rule: rule OP sub | sub. */
typedef bool (*SubFn)(P *);

static bool binary_level(P *p, CstRule rule, SubFn sub, const TokType *ops, int nops)
{
    int m = p->sp;
    if (!sub(p))
        return false;
    reduce(p, rule, m);
    for (;;) {
        bool found = false;
        for (int i = 0; i < nops; i++)
            if (is(p, ops[i]))
                found = true;
        if (!found)
            break;
        int save = p->pos;
        shift(p);
        if (!sub(p)) {
            p->sp = m + 1;
            p->pos = save;
            break;
        }
        reduce(p, rule, m);
        /* Keep the invariant: stack[m] is a `rule` node. */
    }
    return true;
}

/* term: term ('*' | '/' | '//' | '%' | '@') factor | factor */
static bool r_term(P *p)
{
    static const TokType ops[] = {TOK_STAR, TOK_SLASH, TOK_DOUBLESLASH, TOK_PERCENT, TOK_AT};
    return binary_level(p, CST_term, r_factor, ops, 5);
}

/* sum: sum ('+' | '-') term | term */
static bool r_sum(P *p)
{
    static const TokType ops[] = {TOK_PLUS, TOK_MINUS};
    return binary_level(p, CST_sum, r_term, ops, 2);
}

/* shift_expr: shift_expr ('<<' | '>>') sum | sum */
static bool r_shift_expr(P *p)
{
    static const TokType ops[] = {TOK_LEFTSHIFT, TOK_RIGHTSHIFT};
    return binary_level(p, CST_shift_expr, r_sum, ops, 2);
}

/* bitwise_and: bitwise_and '&' shift_expr | shift_expr */
static bool r_bitwise_and(P *p)
{
    static const TokType ops[] = {TOK_AMPER};
    return binary_level(p, CST_bitwise_and, r_shift_expr, ops, 1);
}

/* bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and */
static bool r_bitwise_xor(P *p)
{
    static const TokType ops[] = {TOK_CIRCUMFLEX};
    return binary_level(p, CST_bitwise_xor, r_bitwise_and, ops, 1);
}

/* bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor */
static bool r_bitwise_or(P *p)
{
    static const TokType ops[] = {TOK_VBAR};
    return binary_level(p, CST_bitwise_or, r_bitwise_xor, ops, 1);
}

/* comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
 * compare_op_bitwise_or_pair: eq_bitwise_or | noteq_bitwise_or | ...
 *     eq_bitwise_or: '==' bitwise_or      notin_bitwise_or: 'not' 'in' bitwise_or
 *     isnot_bitwise_or: 'is' 'not' bitwise_or   (and so on) */
static bool r_comparison(P *p)
{
    int m = p->sp;
    if (!r_bitwise_or(p))
        return false;
    for (;;) {
        int mp = p->sp, save = p->pos;
        CstRule r;
        const Token *t = cur(p);
        switch (t->type) {
        case TOK_EQEQUAL: r = CST_eq_bitwise_or; shift(p); break;
        case TOK_NOTEQUAL: r = CST_noteq_bitwise_or; shift(p); break;
        case TOK_LESSEQUAL: r = CST_lte_bitwise_or; shift(p); break;
        case TOK_LESS: r = CST_lt_bitwise_or; shift(p); break;
        case TOK_GREATEREQUAL: r = CST_gte_bitwise_or; shift(p); break;
        case TOK_GREATER: r = CST_gt_bitwise_or; shift(p); break;
        case TOK_NAME:
            if (tok_is_kw(t, "in")) {
                r = CST_in_bitwise_or;
                shift(p);
            } else if (tok_is_kw(t, "not") && p->pos + 1 < p->n &&
                       tok_is_kw(&p->tok[p->pos + 1], "in")) {
                r = CST_notin_bitwise_or;
                shift(p);
                shift(p);
            } else if (tok_is_kw(t, "is")) {
                shift(p);
                r = eatkw(p, "not") ? CST_isnot_bitwise_or : CST_is_bitwise_or;
            } else {
                goto done;
            }
            break;
        default:
            goto done;
        }
        if (!r_bitwise_or(p)) {
            fail(p, mp, save);
            break;
        }
        reduce(p, r, mp);
        reduce(p, CST_compare_op_bitwise_or_pair, mp);
    }
done:
    reduce(p, CST_comparison, m);
    return true;
}

/* inversion: 'not' inversion | comparison */
static bool r_inversion(P *p)
{
    int m = p->sp, save = p->pos;
    enter(p);
    if (iskw(p, "not")) {
        shift(p);
        if (!r_inversion(p)) {
            fail(p, m, save);
            LEAVE(p, false);
        }
    } else if (!r_comparison(p)) {
        LEAVE(p, false);
    }
    reduce(p, CST_inversion, m);
    LEAVE(p, true);
}

/* conjunction: inversion ('and' inversion)+ | inversion */
static bool r_conjunction(P *p)
{
    int m = p->sp;
    if (!r_inversion(p))
        return false;
    while (iskw(p, "and")) {
        int save = p->pos, k = p->sp;
        shift(p);
        if (!r_inversion(p)) {
            fail(p, k, save);
            break;
        }
    }
    reduce(p, CST_conjunction, m);
    return true;
}

/* disjunction: conjunction ('or' conjunction)+ | conjunction */
static bool r_disjunction(P *p)
{
    int m = p->sp;
    if (!r_conjunction(p))
        return false;
    while (iskw(p, "or")) {
        int save = p->pos, k = p->sp;
        shift(p);
        if (!r_conjunction(p)) {
            fail(p, k, save);
            break;
        }
    }
    reduce(p, CST_disjunction, m);
    return true;
}

/* lambdef: 'lambda' [lambda_params] ':' expression */
static bool r_lambdef(P *p)
{
    int m = p->sp, save = p->pos;
    shift(p);
    if (!is(p, TOK_COLON) && !r_params(p, true))
        return fail(p, m, save);
    if (!eat(p, TOK_COLON) || !r_expression(p))
        return fail(p, m, save);
    reduce(p, CST_lambdef, m);
    return true;
}

static bool is_legacy(const CstNode *a)
{
    a = skip1(a);
    return leaf_kw(a, "print") || leaf_kw(a, "exec");
}

/* invalid_expression and invalid_legacy_expression (second pass, once per
 * position):
 *     | !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
 *     | a=disjunction 'if' b=disjunction !('else'|':')
 *     | a=NAME !'(' b=star_expressions      (print and exec) */
static void invalid_expression(P *p)
{
    if (p->done[p->pos] & DONE_EXPR)
        return;
    p->done[p->pos] |= DONE_EXPR;
    int m = p->sp, save = p->pos;
    const Token *t = cur(p);
    bool soft = t->type == TOK_NAME && (strcmp(t->str, "match") == 0 ||
                                        strcmp(t->str, "case") == 0 || strcmp(t->str, "_") == 0);
    bool name_string = is_name(p) && is_at(p, 1, TOK_STRING);
    if (!soft && !name_string && r_disjunction(p)) {
        const CstNode *a = p->stk[p->sp - 1];
        p->inv = false;
        bool ok = r_expression(p);
        p->inv = true;
        if (ok && !is_legacy(a) && p->level[p->pos - 1] != 0)
            raise_nodes(p, a, p->stk[p->sp - 1], "invalid syntax. Perhaps you forgot a comma?");
    }
    fail(p, m, save);
    if (r_disjunction(p) && iskw(p, "if")) {
        const CstNode *a = p->stk[p->sp - 1];
        shift(p);
        if (r_disjunction(p) && !iskw(p, "else") && !is(p, TOK_COLON))
            raise_nodes(p, a, p->stk[p->sp - 1], "expected 'else' after 'if' expression");
    }
    fail(p, m, save);
    /* the rule parses star_expressions after any NAME; only its action
     * looks for print and exec */
    if (is_name(p) && !is_at(p, 1, TOK_LPAR)) {
        shift(p);
        const CstNode *a = p->stk[p->sp - 1];
        if (r_star_expressions(p) && is_legacy(a))
            raise_nodes(p, a, p->stk[p->sp - 1], "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                        a->str, a->str);
    }
    fail(p, m, save);
}

/* expression:
 *     | disjunction 'if' disjunction 'else' expression
 *     | disjunction
 *     | lambdef */
static bool r_expression(P *p)
{
    int m = p->sp;
    enter(p);
    if (p->inv)
        invalid_expression(p);
    if (iskw(p, "lambda")) {
        if (!r_lambdef(p))
            LEAVE(p, false);
        reduce(p, CST_expression, m);
        LEAVE(p, true);
    }
    if (!r_disjunction(p))
        LEAVE(p, false);
    if (iskw(p, "if")) {
        int save = p->pos;
        shift(p);
        if (!r_disjunction(p) || !eatkw(p, "else") || !r_expression(p)) {
            p->sp = m + 1;
            p->pos = save;
        }
    }
    reduce(p, CST_expression, m);
    LEAVE(p, true);
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
static bool r_yield_expr(P *p)
{
    int m = p->sp, save = p->pos;
    shift(p);
    if (iskw(p, "from")) {
        shift(p);
        if (!r_expression(p))
            return fail(p, m, save);
    } else if (!is(p, TOK_RPAR) && !is(p, TOK_RSQB) && !is(p, TOK_RBRACE) &&
               !is(p, TOK_NEWLINE) && !is(p, TOK_SEMI) && !is(p, TOK_EQUAL) &&
               !is(p, TOK_COLON) && !is(p, TOK_ENDMARKER)) {
        int k = p->sp, s2 = p->pos;
        if (!r_star_expressions(p))
            fail(p, k, s2);
    }
    reduce(p, CST_yield_expr, m);
    return true;
}

/* star_expression: '*' bitwise_or | expression */
static bool r_star_expression(P *p)
{
    int m = p->sp, save = p->pos;
    if (is(p, TOK_STAR)) {
        shift(p);
        if (!r_bitwise_or(p))
            return fail(p, m, save);
    } else if (!r_expression(p)) {
        return false;
    }
    reduce(p, CST_star_expression, m);
    return true;
}

/* Can an expression start at the current token? */
static bool starts_expr(P *p)
{
    const Token *t = cur(p);
    switch (t->type) {
    case TOK_NAME:
        return !is_keyword(t) || tok_is_kw(t, "True") || tok_is_kw(t, "False") ||
               tok_is_kw(t, "None") || tok_is_kw(t, "not") || tok_is_kw(t, "lambda") ||
               tok_is_kw(t, "await");
    case TOK_NUMBER: case TOK_STRING: case TOK_LPAR: case TOK_LSQB:
    case TOK_LBRACE: case TOK_MINUS: case TOK_PLUS: case TOK_TILDE:
    case TOK_ELLIPSIS: case TOK_STAR:
        return true;
    default:
        return false;
    }
}

/* star_expressions:
 *     | star_expression (',' star_expression)+ [',']
 *     | star_expression ','
 *     | star_expression */
static bool r_star_expressions(P *p)
{
    int m = p->sp;
    if (!r_star_expression(p))
        return false;
    while (is(p, TOK_COMMA)) {
        shift(p);
        if (!starts_expr(p))
            break;
        if (!r_star_expression(p))
            return fail(p, m, p->pos);
    }
    reduce(p, CST_star_expressions, m);
    return true;
}

/* invalid_named_expression (second pass; tried once per position):
 *     | a=expression ':=' expression
 *     | a=NAME '=' b=bitwise_or !('='|':=')
 *     | !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=') */
static void invalid_named_expression(P *p)
{
    if (p->done[p->pos] & DONE_NAMED)
        return;
    p->done[p->pos] |= DONE_NAMED;
    int m = p->sp, save = p->pos;
    if (r_expression(p) && is(p, TOK_COLONEQUAL)) {
        const CstNode *a = p->stk[p->sp - 1];
        shift(p);
        if (r_expression(p))
            raise_nodes(p, a, NULL, "cannot use assignment expressions with %s", expr_name(a));
    }
    fail(p, m, save);
    if (is_name(p) && is_at(p, 1, TOK_EQUAL)) {
        shift(p);
        const CstNode *a = p->stk[p->sp - 1];
        shift(p);
        if (r_bitwise_or(p) && !is(p, TOK_EQUAL) && !is(p, TOK_COLONEQUAL))
            raise_nodes(p, a, p->stk[p->sp - 1],
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    fail(p, m, save);
    if (r_bitwise_or(p) && is(p, TOK_EQUAL)) {
        const CstNode *a = p->stk[p->sp - 1];
        if (!starts_excluded(a)) {
            shift(p);
            if (r_bitwise_or(p) && !is(p, TOK_EQUAL) && !is(p, TOK_COLONEQUAL))
                raise_nodes(p, a, NULL, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                            expr_name(a));
        }
    }
    fail(p, m, save);
}

/* assignment_expression: NAME ':=' ~ expression
 * named_expression: assignment_expression | invalid_named_expression | expression !':=' */
static bool r_named_expression(P *p)
{
    int m = p->sp, save = p->pos;
    if (is_name(p) && is_at(p, 1, TOK_COLONEQUAL)) {
        shift(p);
        shift(p);
        if (!r_expression(p))
            return fail(p, m, save);
        reduce(p, CST_assignment_expression, m);
        reduce(p, CST_named_expression, m);
        return true;
    }
    if (p->inv)
        invalid_named_expression(p);
    if (!r_expression(p))
        return false;
    reduce(p, CST_named_expression, m);
    return true;
}

/* star_named_expression: '*' bitwise_or | named_expression */
static bool r_star_named_expression(P *p)
{
    int m = p->sp, save = p->pos;
    if (is(p, TOK_STAR)) {
        shift(p);
        if (!r_bitwise_or(p))
            return fail(p, m, save);
    } else if (!r_named_expression(p)) {
        return false;
    }
    reduce(p, CST_star_named_expression, m);
    return true;
}

/* star_target: '*' (!'*' star_target) | target
 * (a target is a primary, checked by the AST stage's rules) */
static bool r_star_target(P *p)
{
    int m = p->sp, save = p->pos;
    if (is(p, TOK_STAR)) {
        shift(p);
        if (is(p, TOK_STAR) || !r_star_target(p))
            return fail(p, m, save);
        reduce(p, CST_star_target, m);
        return true;
    }
    if (!r_primary(p))
        return false;
    reduce(p, CST_star_target, m);
    return true;
}

/* star_targets: star_target (',' star_target)* [','] */
static bool r_star_targets(P *p)
{
    int m = p->sp;
    if (!r_star_target(p))
        return false;
    while (is(p, TOK_COMMA)) {
        shift(p);
        if (!is(p, TOK_STAR) && !(cur(p)->type == TOK_NAME && !is_keyword(cur(p))) &&
            !is(p, TOK_LPAR) && !is(p, TOK_LSQB))
            break;
        if (!r_star_target(p))
            return fail(p, m, p->pos);
    }
    reduce(p, CST_star_targets, m);
    return true;
}

/* for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
 * for_if_clauses: for_if_clause+ */
static bool r_for_if_clauses(P *p)
{
    int m = p->sp;
    while (iskw(p, "for") || (iskw(p, "async") && p->pos + 1 < p->n &&
                              tok_is_kw(&p->tok[p->pos + 1], "for"))) {
        int mc = p->sp, save = p->pos;
        if (iskw(p, "async"))
            shift(p);
        shift(p);
        int mt = p->sp, st = p->pos;
        if (!r_star_targets(p) || !eatkw(p, "in")) {
            if (p->inv) {
                p->sp = mt;
                p->pos = st;
                if (r_star_expressions(p))
                    check_target(p, p->stk[p->sp - 1], TG_FOR);
            }
            fail(p, m, save);
            return false;
        }
        check_target(p, p->stk[mt], TG_FOR);
        if (!r_disjunction(p)) {
            fail(p, m, save);
            return false;
        }
        while (iskw(p, "if")) {
            int k = p->sp, s2 = p->pos;
            shift(p);
            if (!r_disjunction(p)) {
                fail(p, k, s2);
                break;
            }
        }
        reduce(p, CST_for_if_clause, mc);
    }
    if (p->sp == m)
        return false;
    reduce(p, CST_for_if_clauses, m);
    return true;
}

/* --- parameters (def and lambda) --------------------------------------- */

/* param: NAME annotation?   annotation: ':' expression
 * param_star_annotation: NAME star_annotation   star_annotation: ':' star_expression
 * default: '=' expression */
static bool r_param(P *p, bool lambda, bool star_ann)
{
    int m = p->sp;
    if (!is_name(p))
        return false;
    shift(p);
    if (!lambda && is(p, TOK_COLON)) {
        int ma = p->sp, save = p->pos;
        shift(p);
        if (star_ann && is(p, TOK_STAR)) {
            if (!r_star_expression(p))
                return fail(p, m, save);
            reduce(p, CST_star_annotation, ma);
            reduce(p, CST_param_star_annotation, m);
            return true;
        }
        if (!r_expression(p))
            return fail(p, m, save);
        reduce(p, CST_annotation, ma);
    }
    reduce(p, lambda ? CST_lambda_param : CST_param, m);
    return true;
}

/* One parameter with its optional default and its ',' (or before the
 * closing token).  Returns the kind of node made, or CST_LEAF on failure. */
static CstRule r_param_item(P *p, bool lambda, bool after_star, bool star_ann, bool *has_default)
{
    int m = p->sp, save = p->pos;
    TokType close = lambda ? TOK_COLON : TOK_RPAR;
    if (!r_param(p, lambda, star_ann))
        return CST_LEAF;
    *has_default = false;
    if (is(p, TOK_EQUAL)) {
        int md = p->sp;
        if (p->inv && (is_at(p, 1, TOK_RPAR) || is_at(p, 1, TOK_COMMA)))
            raise_tok(p, "SyntaxError", p->pos, p->pos, "expected default value expression");
        shift(p);
        if (!r_expression(p))
            return fail(p, m, save), CST_LEAF;
        reduce(p, CST_default, md);
        *has_default = true;
    }
    if (!eat(p, TOK_COMMA) && !is(p, close))
        return fail(p, m, save), CST_LEAF;
    CstRule r;
    if (after_star)
        r = lambda ? CST_lambda_param_maybe_default : CST_param_maybe_default;
    else if (*has_default)
        r = lambda ? CST_lambda_param_with_default : CST_param_with_default;
    else
        r = lambda ? CST_lambda_param_no_default : CST_param_no_default;
    reduce(p, r, m);
    return r;
}

/* params: parameters
 * parameters:
 *     | slash_no_default param_no_default* param_with_default* [star_etc]
 *     | slash_with_default param_with_default* [star_etc]
 *     | param_no_default+ param_with_default* [star_etc]
 *     | param_with_default+ [star_etc]
 *     | star_etc
 * slash_no_default: param_no_default+ '/' (',' | &')')
 * slash_with_default: param_no_default* param_with_default+ '/' (',' | &')')
 * star_etc:
 *     | '*' param_no_default param_maybe_default* [kwds]
 *     | '*' param_no_default_star_annotation param_maybe_default* [kwds]
 *     | '*' ',' param_maybe_default+ [kwds]
 *     | kwds
 * kwds: '**' param_no_default
 * (and the same with lambda_ names, without annotations, ending at ':') */
static bool r_params(P *p, bool lambda)
{
    int m = p->sp, save = p->pos;
    TokType close = lambda ? TOK_COLON : TOK_RPAR;
    bool seen_default = false, seen_slash = false;
    int group = p->sp;   /* first item not yet in a slash group */
    for (;;) {
        if (p->inv && is(p, TOK_LPAR)) {
            /* invalid_parameters: param_no_default* '(' param_no_default+ ','? ')' */
            int lp = p->pos, ms = p->sp;
            shift(p);
            bool any = false;
            while (is_name(p) && r_param(p, lambda, false)) {
                any = true;
                if (!eat(p, TOK_COMMA))
                    break;
            }
            if (any && is(p, TOK_RPAR))
                raise_tok(p, "SyntaxError", lp, p->pos, lambda
                          ? "Lambda expression parameters cannot be parenthesized"
                          : "Function parameters cannot be parenthesized");
            p->sp = ms;
            p->pos = lp;
        }
        if (!is_name(p))
            break;
        bool d;
        int at = p->pos;
        CstRule r = r_param_item(p, lambda, false, false, &d);
        if (r == CST_LEAF)
            return fail(p, m, save);
        if (d) {
            seen_default = true;
        } else if (seen_default) {
            raise_tok(p, "SyntaxError", at, at, "non-default argument follows default argument");
        }
        if (is(p, TOK_SLASH)) {
            if (seen_slash)
                raise_tok(p, "SyntaxError", p->pos, p->pos, "/ may appear only once");
            shift(p);
            if (p->inv && is(p, TOK_STAR))
                raise_tok(p, "SyntaxError", p->pos, p->pos, "expected comma between / and *");
            if (!eat(p, TOK_COMMA) && !is(p, close))
                return fail(p, m, save);
            reduce(p, seen_default ? (lambda ? CST_lambda_slash_with_default : CST_slash_with_default)
                                   : (lambda ? CST_lambda_slash_no_default : CST_slash_no_default),
                   group);
            seen_slash = true;
            group = p->sp;
        }
    }
    if (is(p, TOK_SLASH) && p->sp == m && is_at(p, 1, TOK_COMMA))
        raise_tok(p, "SyntaxError", p->pos, p->pos, "at least one argument must precede /");
    if (is(p, TOK_STAR) || is(p, TOK_DOUBLESTAR)) {
        int ms = p->sp;
        int star = p->pos;
        if (eat(p, TOK_STAR)) {
            if (is(p, close) || (is(p, TOK_COMMA) && (is_at(p, 1, close) || is_at(p, 1, TOK_DOUBLESTAR)))) {
                if (lambda)
                    raise_last(p, "SyntaxError", "named arguments must follow bare *");
                raise_tok(p, "SyntaxError", star, star, "named arguments must follow bare *");
            }
            if (eat(p, TOK_COMMA)) {
                if (is(p, TOK_SLASH))
                    raise_tok(p, "SyntaxError", p->pos, p->pos, "/ must be ahead of *");
                if (!is_name(p))
                    return fail(p, m, save);
            } else {
                int mp = p->sp, s2 = p->pos;
                if (!r_param(p, lambda, !lambda))
                    return fail(p, m, save);
                if (is(p, TOK_EQUAL))
                    raise_tok(p, "SyntaxError", p->pos, p->pos, "var-positional argument cannot have default value");
                if (!eat(p, TOK_COMMA) && !is(p, close))
                    return fail(p, m, save);
                (void)s2;
                reduce(p, lambda ? CST_lambda_param_no_default : CST_param_no_default, mp);
            }
            while (is_name(p)) {
                bool d;
                if (r_param_item(p, lambda, true, false, &d) == CST_LEAF)
                    return fail(p, m, save);
            }
            if (is(p, TOK_SLASH))
                raise_tok(p, "SyntaxError", p->pos, p->pos, "/ must be ahead of *");
            if (is(p, TOK_STAR))
                raise_tok(p, "SyntaxError", p->pos, p->pos, "* argument may appear only once");
        }
        if (is(p, TOK_DOUBLESTAR)) {
            int mk = p->sp;
            shift(p);
            int mp = p->sp;
            if (!r_param(p, lambda, false))
                return fail(p, m, save);
            if (is(p, TOK_EQUAL))
                raise_tok(p, "SyntaxError", p->pos, p->pos, "var-keyword argument cannot have default value");
            if (!eat(p, TOK_COMMA) && !is(p, close))
                return fail(p, m, save);
            reduce(p, lambda ? CST_lambda_param_no_default : CST_param_no_default, mp);
            reduce(p, lambda ? CST_lambda_kwds : CST_kwds, mk);
            if (!is(p, close) && (is_name(p) || is(p, TOK_STAR) || is(p, TOK_DOUBLESTAR)))
                raise_tok(p, "SyntaxError", p->pos, p->pos, "arguments cannot follow var-keyword argument");
        }
        reduce(p, lambda ? CST_lambda_star_etc : CST_star_etc, ms);
    }
    if (p->sp == m)
        return fail(p, m, save);
    reduce(p, lambda ? CST_lambda_parameters : CST_parameters, m);
    reduce(p, lambda ? CST_lambda_params : CST_params, m);
    return true;
}

/* --- statements --------------------------------------------------------- */

static bool r_statement(P *p);

/* The name of the statement a block belongs to, for IndentationError. */
static noreturn void no_block(P *p, int kwtok, const char *what)
{
    const Token *k = &p->tok[kwtok];
    raise_last(p, "IndentationError", "expected an indented block after %s on line %d",
               what, k->lineno);
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
static bool r_block_for(P *p, int kwtok, const char *what)
{
    int m = p->sp, save = p->pos;
    if (is(p, TOK_NEWLINE)) {
        shift(p);
        if (!is(p, TOK_INDENT)) {
            if (what)
                no_block(p, kwtok, what);
            return fail(p, m, save);
        }
        shift(p);
        int ms = p->sp;
        while (!is(p, TOK_DEDENT) && !is(p, TOK_ENDMARKER)) {
            if (!r_statement(p))
                return fail(p, m, save);
        }
        reduce(p, CST_statements, ms);
        if (!eat(p, TOK_DEDENT))
            return fail(p, m, save);
        reduce(p, CST_block, m);
        return true;
    }
    if (!r_simple_stmts(p))
        return fail(p, m, save);
    reduce(p, CST_block, m);
    return true;
}

/* dotted_name: NAME ('.' NAME)* */
static bool r_dotted_name(P *p)
{
    int m = p->sp;
    if (!is_name(p))
        return false;
    shift(p);
    while (is(p, TOK_DOT) && p->pos + 1 < p->n && p->tok[p->pos + 1].type == TOK_NAME &&
           !is_keyword(&p->tok[p->pos + 1])) {
        shift(p);
        shift(p);
    }
    reduce(p, CST_dotted_name, m);
    return true;
}

/* import_name: 'import' dotted_as_names
 * dotted_as_names: ','.dotted_as_name+
 * dotted_as_name: dotted_name ['as' NAME] */
static bool r_import_name(P *p)
{
    int m = p->sp, save = p->pos;
    shift(p);
    int ml = p->sp;
    for (;;) {
        int mi = p->sp;
        if (!r_dotted_name(p))
            return fail(p, m, save);
        if (eatkw(p, "as")) {
            if (!is_name(p))
                return fail(p, m, save);
            shift(p);
        }
        reduce(p, CST_dotted_as_name, mi);
        if (!eat(p, TOK_COMMA))
            break;
    }
    reduce(p, CST_dotted_as_names, ml);
    reduce(p, CST_import_name, m);
    reduce(p, CST_import_stmt, m);
    return true;
}

/* import_from:
 *     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
 *     | 'from' ('.' | '...')+ 'import' import_from_targets
 * import_from_targets: '(' import_from_as_names [','] ')'
 *     | import_from_as_names !',' | '*'
 * import_from_as_names: ','.import_from_as_name+
 * import_from_as_name: NAME ['as' NAME] */
static bool r_import_from(P *p)
{
    int m = p->sp, save = p->pos;
    shift(p);
    int dots = 0;
    while (is(p, TOK_DOT) || is(p, TOK_ELLIPSIS)) {
        shift(p);
        dots++;
    }
    if ((!iskw(p, "import") || dots == 0) && !r_dotted_name(p))
        return fail(p, m, save);
    if (!eatkw(p, "import"))
        return fail(p, m, save);
    int mt = p->sp;
    if (is(p, TOK_STAR)) {
        shift(p);
    } else {
        bool paren = is(p, TOK_LPAR);
        if (paren)
            shift(p);
        int ml = p->sp;
        for (;;) {
            int mi = p->sp;
            if (!is_name(p))
                return fail(p, m, save);
            shift(p);
            if (eatkw(p, "as")) {
                if (!is_name(p))
                    return fail(p, m, save);
                shift(p);
            }
            reduce(p, CST_import_from_as_name, mi);
            if (!is(p, TOK_COMMA))
                break;
            if (paren && is_at(p, 1, TOK_RPAR))
                break;
            if (!paren && is_at(p, 1, TOK_NEWLINE))
                raise_last(p, "SyntaxError",
                           "trailing comma not allowed without surrounding parentheses");
            shift(p);
        }
        reduce(p, CST_import_from_as_names, ml);
        if (paren) {
            eat(p, TOK_COMMA);
            if (!eat(p, TOK_RPAR))
                return fail(p, m, save);
        }
    }
    reduce(p, CST_import_from_targets, mt);
    reduce(p, CST_import_from, m);
    reduce(p, CST_import_stmt, m);
    return true;
}

/* annotated_rhs: yield_expr | star_expressions */
static bool r_annotated_rhs(P *p)
{
    int m = p->sp;
    bool ok = iskw(p, "yield") ? r_yield_expr(p) : r_star_expressions(p);
    if (!ok)
        return false;
    reduce(p, CST_annotated_rhs, m);
    return true;
}

static bool is_augassign(TokType t)
{
    switch (t) {
    case TOK_PLUSEQUAL: case TOK_MINEQUAL: case TOK_STAREQUAL: case TOK_ATEQUAL:
    case TOK_SLASHEQUAL: case TOK_PERCENTEQUAL: case TOK_AMPEREQUAL:
    case TOK_VBAREQUAL: case TOK_CIRCUMFLEXEQUAL: case TOK_LEFTSHIFTEQUAL:
    case TOK_RIGHTSHIFTEQUAL: case TOK_DOUBLESTAREQUAL: case TOK_DOUBLESLASHEQUAL:
        return true;
    default:
        return false;
    }
}

/* invalid_assignment (second pass), the part that reads ahead before any
 * message: `star_named_expression ',' star_named_expressions*`, whose
 * repetition starts a new element wherever a comma is missing (so that
 * invalid_named_expression is tried there). */
/* Would one of assignment's own alternatives match here (so that CPython
 * never tries invalid_assignment)?
 *     | NAME ':' ...            | single_target augassign ...
 *     | (star_targets '=')+ (yield_expr | star_expressions) !'=' */
static bool assignment_matches(P *p)
{
    int m = p->sp, save = p->pos;
    bool ok = false;
    if (is_name(p) && is_at(p, 1, TOK_COLON))
        return true;
    int n = 0;
    for (;;) {
        int mt = p->sp, st = p->pos;
        p->inv = false;
        bool t = r_star_targets(p);
        p->inv = true;
        if (!t || invalid_target(p->stk[p->sp - 1], TG_STAR)) {
            fail(p, mt, st);
            break;
        }
        if (n == 0 && is_augassign(cur(p)->type) && single_target(p->stk[p->sp - 1])) {
            fail(p, m, save);
            return true;
        }
        if (!eat(p, TOK_EQUAL)) {
            fail(p, mt, st);
            break;
        }
        n++;
    }
    if (n > 0) {
        bool v = iskw(p, "yield") ? r_yield_expr(p) : r_star_expressions(p);
        ok = v && !is(p, TOK_EQUAL);
    }
    fail(p, m, save);
    return ok;
}

static void invalid_assignment_targets(P *p)
{
    int m = p->sp, save = p->pos;
    if (assignment_matches(p))
        return;
    if (r_star_named_expression(p) && eat(p, TOK_COMMA)) {
        for (;;) {
            int before = p->pos;
            if (!r_star_named_expression(p))
                break;
            while (eat(p, TOK_COMMA))
                if (!r_star_named_expression(p))
                    break;
            if (p->pos == before)
                break;
        }
    }
    fail(p, m, save);
}

/* simple_stmt:
 *     | assignment | star_expressions | return_stmt | import_stmt
 *     | raise_stmt | 'pass' | del_stmt | yield_stmt | assert_stmt
 *     | 'break' | 'continue' | global_stmt | nonlocal_stmt
 * assignment:
 *     | star_expressions ':' expression ['=' annotated_rhs]
 *     | (star_expressions '=')+ (yield_expr | star_expressions)
 *     | star_expressions augassign (yield_expr | star_expressions)
 * (targets are parsed as star_expressions; the AST stage gives them ctx) */
static bool r_simple_stmt(P *p)
{
    int m = p->sp, save = p->pos;
    const Token *t = cur(p);
    if (t->type == TOK_NAME) {
        if (tok_is_kw(t, "pass") || tok_is_kw(t, "break") || tok_is_kw(t, "continue")) {
            shift(p);
            goto done;
        }
        if (tok_is_kw(t, "return")) {
            shift(p);
            if (starts_expr(p) && !r_star_expressions(p))
                return fail(p, m, save);
            reduce(p, CST_return_stmt, m);
            goto done;
        }
        if (tok_is_kw(t, "raise")) {
            shift(p);
            if (starts_expr(p)) {
                if (!r_expression(p))
                    return fail(p, m, save);
                if (eatkw(p, "from") && !r_expression(p))
                    return fail(p, m, save);
            }
            reduce(p, CST_raise_stmt, m);
            goto done;
        }
        if (tok_is_kw(t, "global") || tok_is_kw(t, "nonlocal")) {
            bool g = tok_is_kw(t, "global");
            shift(p);
            for (;;) {
                if (!is_name(p))
                    return fail(p, m, save);
                shift(p);
                if (!eat(p, TOK_COMMA))
                    break;
            }
            reduce(p, g ? CST_global_stmt : CST_nonlocal_stmt, m);
            goto done;
        }
        if (tok_is_kw(t, "del")) {
            shift(p);
            int md = p->sp;
            for (;;) {
                if (!r_primary(p)) {
                    if (p->inv) {
                        /* invalid_del_stmt: 'del' a=star_expressions */
                        p->sp = md;
                        p->pos = save + 1;
                        if (r_star_expressions(p))
                            check_target(p, p->stk[p->sp - 1], TG_DEL);
                    }
                    return fail(p, m, save);
                }
                check_target(p, p->stk[p->sp - 1], TG_DEL);
                if (!is(p, TOK_COMMA))
                    break;
                shift(p);
                if (is(p, TOK_NEWLINE) || is(p, TOK_SEMI))
                    break;
            }
            reduce(p, CST_del_targets, md);
            if (!is(p, TOK_NEWLINE) && !is(p, TOK_SEMI)) {
                if (p->inv) {
                    p->sp = md;
                    p->pos = save + 1;
                    if (r_star_expressions(p))
                        check_target(p, p->stk[p->sp - 1], TG_DEL);
                }
                return fail(p, m, save);
            }
            reduce(p, CST_del_stmt, m);
            goto done;
        }
        if (tok_is_kw(t, "assert")) {
            shift(p);
            if (!r_expression(p))
                return fail(p, m, save);
            if (eat(p, TOK_COMMA) && !r_expression(p))
                return fail(p, m, save);
            reduce(p, CST_assert_stmt, m);
            goto done;
        }
        if (tok_is_kw(t, "import")) {
            if (!r_import_name(p))
                return false;
            goto done;
        }
        if (tok_is_kw(t, "from")) {
            if (!r_import_from(p))
                return false;
            goto done;
        }
        if (tok_is_kw(t, "yield")) {
            if (!r_yield_expr(p))
                return false;
            if (is(p, TOK_EQUAL) || is_augassign(cur(p)->type))
                goto assign;
            reduce(p, CST_yield_stmt, m);
            goto done;
        }
    }
    if (p->inv)
        invalid_assignment_targets(p);
    if (!r_star_expressions(p))
        return false;
assign:
    if (is(p, TOK_COLON)) {
        /* CPython's assignment takes only a single target before ':';
         * the others are invalid_assignment's (second pass) */
        if (!single_target(p->stk[m]) && !p->inv)
            return fail(p, m, save);
        shift(p);
        if (!r_expression(p))
            return fail(p, m, save);
        check_annotated(p, p->stk[m]);
        if (is(p, TOK_EQUAL)) {
            shift(p);
            if (!r_annotated_rhs(p))
                return fail(p, m, save);
        }
        reduce(p, CST_assignment, m);
    } else if (is(p, TOK_EQUAL)) {
        while (is(p, TOK_EQUAL)) {
            shift(p);
            bool ok = iskw(p, "yield") ? r_yield_expr(p) : r_star_expressions(p);
            if (!ok)
                return fail(p, m, save);
        }
        check_assignment(p, m);
        reduce(p, CST_assignment, m);
    } else if (is_augassign(cur(p)->type)) {
        if (!single_target(p->stk[m]))
            raise_nodes(p, p->stk[m], NULL, "'%s' is an illegal expression for augmented assignment",
                        expr_name(p->stk[m]));
        int ma = p->sp;
        shift(p);
        reduce(p, CST_augassign, ma);
        bool ok = iskw(p, "yield") ? r_yield_expr(p) : r_star_expressions(p);
        if (!ok)
            return fail(p, m, save);
        reduce(p, CST_assignment, m);
    }
done:
    reduce(p, CST_simple_stmt, m);
    return true;
}

/* simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
static bool r_simple_stmts(P *p)
{
    int m = p->sp, save = p->pos;
    for (;;) {
        if (!r_simple_stmt(p))
            return fail(p, m, save);
        if (!eat(p, TOK_SEMI))
            break;
        if (is(p, TOK_NEWLINE))
            break;
    }
    if (!eat(p, TOK_NEWLINE))
        return fail(p, m, save);
    reduce(p, CST_simple_stmts, m);
    return true;
}

/* decorators: ('@' named_expression NEWLINE)+ */
static bool r_decorators(P *p)
{
    int m = p->sp, save = p->pos;
    while (is(p, TOK_AT)) {
        shift(p);
        if (!r_named_expression(p) || !eat(p, TOK_NEWLINE))
            return fail(p, m, save);
    }
    reduce(p, CST_decorators, m);
    return true;
}

/* function_def_raw:
 *     | 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
 *     | ASYNC 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block */
static bool r_function_def_raw(P *p)
{
    int m = p->sp, save = p->pos;
    eatkw(p, "async");
    int kw = p->pos;
    if (!eatkw(p, "def") || !is_name(p))
        return fail(p, m, save);
    shift(p);
    expect_forced(p, TOK_LPAR, "(");
    if (!is(p, TOK_RPAR) && !r_params(p, false))
        return fail(p, m, save);
    if (!eat(p, TOK_RPAR))
        return fail(p, m, save);
    if (is(p, TOK_RARROW)) {
        shift(p);
        if (!r_expression(p))
            return fail(p, m, save);
    }
    expect_forced(p, TOK_COLON, ":");
    if (!r_block_for(p, kw, "function definition"))
        return fail(p, m, save);
    reduce(p, CST_function_def_raw, m);
    return true;
}

/* class_def_raw: 'class' NAME ['(' [arguments] ')'] &&':' block */
static bool r_class_def_raw(P *p)
{
    int m = p->sp, save = p->pos;
    int kw = p->pos;
    shift(p);
    if (!is_name(p))
        return fail(p, m, save);
    shift(p);
    if (is(p, TOK_LPAR)) {
        shift(p);
        if (!is(p, TOK_RPAR)) {
            int ma = p->sp;
            if (!r_args_items(p, ma, NULL))
                return fail(p, m, save);
            eat(p, TOK_COMMA);
            reduce(p, CST_arguments, ma);
        }
        if (!eat(p, TOK_RPAR))
            return fail(p, m, save);
    }
    if (!need_colon(p))
        return fail(p, m, save);
    if (!r_block_for(p, kw, "class definition"))
        return fail(p, m, save);
    reduce(p, CST_class_def_raw, m);
    return true;
}

/* else_block: 'else' &&':' block */
static bool r_else_block(P *p)
{
    int m = p->sp, save = p->pos;
    int kw = p->pos;
    shift(p);
    expect_forced(p, TOK_COLON, ":");
    if (!r_block_for(p, kw, "'else' statement"))
        return fail(p, m, save);
    reduce(p, CST_else_block, m);
    return true;
}

/* if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
 * elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block]) */
static bool r_if_stmt(P *p, bool elif)
{
    int m = p->sp, save = p->pos;
    int kw = p->pos;
    enter(p);   /* elif chains recurse */
    p->depth--;
    shift(p);
    if (!r_named_expression(p))
        return fail(p, m, save);
    if (!need_colon(p))
        return fail(p, m, save);
    if (!r_block_for(p, kw, elif ? "'elif' statement" : "'if' statement"))
        return fail(p, m, save);
    if (iskw(p, "elif")) {
        p->depth++;
        bool ok = r_if_stmt(p, true);
        p->depth--;
        if (!ok)
            return fail(p, m, save);
    } else if (iskw(p, "else")) {
        if (!r_else_block(p))
            return fail(p, m, save);
    }
    reduce(p, elif ? CST_elif_stmt : CST_if_stmt, m);
    return true;
}

/* while_stmt: 'while' named_expression ':' block [else_block] */
static bool r_while_stmt(P *p)
{
    int m = p->sp, save = p->pos;
    int kw = p->pos;
    shift(p);
    if (!r_named_expression(p))
        return fail(p, m, save);
    if (!need_colon(p))
        return fail(p, m, save);
    if (!r_block_for(p, kw, "'while' statement"))
        return fail(p, m, save);
    if (iskw(p, "else") && !r_else_block(p))
        return fail(p, m, save);
    reduce(p, CST_while_stmt, m);
    return true;
}

/* for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions &&':' block [else_block] */
static bool r_for_stmt(P *p)
{
    int m = p->sp, save = p->pos;
    eatkw(p, "async");
    int kw = p->pos;
    shift(p);
    int mt = p->sp, st = p->pos;
    if (!r_star_targets(p) || !eatkw(p, "in")) {
        if (p->inv) {
            /* invalid_for_target: ASYNC? 'for' a=star_expressions */
            p->sp = mt;
            p->pos = st;
            if (r_star_expressions(p))
                check_target(p, p->stk[p->sp - 1], TG_FOR);
        }
        return fail(p, m, save);
    }
    check_target(p, p->stk[mt], TG_FOR);
    if (!r_star_expressions(p))
        return fail(p, m, save);
    if (!need_colon(p))
        return fail(p, m, save);
    if (!r_block_for(p, kw, "'for' statement"))
        return fail(p, m, save);
    if (iskw(p, "else") && !r_else_block(p))
        return fail(p, m, save);
    reduce(p, CST_for_stmt, m);
    return true;
}

/* with_item: expression 'as' star_target &(',' | ')' | ':') | expression */
static bool r_with_item(P *p)
{
    int m = p->sp, save = p->pos;
    if (!r_expression(p))
        return false;
    if (iskw(p, "as")) {
        shift(p);
        if (!r_star_target(p))
            return fail(p, m, save);
        if (!is(p, TOK_COMMA) && !is(p, TOK_RPAR) && !is(p, TOK_COLON))
            return fail(p, m, save);
        check_target(p, p->stk[p->sp - 1], TG_STAR);
    }
    reduce(p, CST_with_item, m);
    return true;
}

/* with_stmt:
 *     | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
 *     | [ASYNC] 'with' ','.with_item+ ':' block */
static bool r_with_stmt(P *p)
{
    int m = p->sp, save = p->pos;
    eatkw(p, "async");
    int kw = p->pos;
    shift(p);
    int after = p->pos, ma = p->sp;
    if (is(p, TOK_LPAR)) {
        shift(p);
        bool ok = true;
        for (;;) {
            if (!r_with_item(p)) {
                ok = false;
                break;
            }
            if (!eat(p, TOK_COMMA))
                break;
            if (is(p, TOK_RPAR))
                break;
        }
        bool closed = ok && eat(p, TOK_RPAR);
        if (closed && p->inv && is(p, TOK_NEWLINE))
            raise_last(p, "SyntaxError", "expected ':'");
        if (closed && is(p, TOK_COLON)) {
            shift(p);
            if (!r_block_for(p, kw, "'with' statement"))
                return fail(p, m, save);
            reduce(p, CST_with_stmt, m);
            return true;
        }
        p->sp = ma;
        p->pos = after;
    }
    for (;;) {
        if (!r_with_item(p))
            return fail(p, m, save);
        if (!eat(p, TOK_COMMA))
            break;
    }
    if (!need_colon(p))
        return fail(p, m, save);
    if (!r_block_for(p, kw, "'with' statement"))
        return fail(p, m, save);
    reduce(p, CST_with_stmt, m);
    return true;
}

/* try_stmt:
 *     | 'try' &&':' block finally_block
 *     | 'try' &&':' block except_block+ [else_block] [finally_block]
 *     | 'try' &&':' block except_star_block+ [else_block] [finally_block]
 * except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
 * except_star_block: 'except' '*' expression ['as' NAME] ':' block
 * finally_block: 'finally' &&':' block */
static bool r_try_stmt(P *p)
{
    int m = p->sp, save = p->pos;
    int kw = p->pos;
    shift(p);
    expect_forced(p, TOK_COLON, ":");
    if (!r_block_for(p, kw, "'try' statement"))
        return fail(p, m, save);
    int nexc = 0, nstar = 0;
    while (iskw(p, "except")) {
        int me = p->sp, ekw = p->pos;
        shift(p);
        bool star = eat(p, TOK_STAR);
        if (!is(p, TOK_COLON)) {
            if (!r_expression(p))
                return fail(p, m, save);
            if (is(p, TOK_COMMA)) {
                /* RAISE_SYNTAX_ERROR_STARTING_FROM(type): up to the ':' */
                const CstNode *ty = n_first(p->stk[p->sp - 1]);
                while (eat(p, TOK_COMMA))
                    if (!r_expression(p))
                        return fail(p, m, save);
                if (eatkw(p, "as") && !eat(p, TOK_NAME))
                    return fail(p, m, save);
                if (!is(p, TOK_COLON))
                    return fail(p, m, save);
                raise_at(p, ty->lineno, ty->col, cur(p)->lineno, p->bcol[p->pos],
                         "multiple exception types must be parenthesized");
            }
            if (eatkw(p, "as")) {
                if (!is_name(p))
                    return fail(p, m, save);
                shift(p);
            }
        } else if (star) {
            raise_last(p, "SyntaxError", "expected one or more exception types");
        }
        if (!need_colon(p))
            return fail(p, m, save);
        if (!r_block_for(p, ekw, star ? "'except*' statement" : "'except' statement"))
            return fail(p, m, save);
        reduce(p, star ? CST_except_star_block : CST_except_block, me);
        if (star)
            nstar++;
        else
            nexc++;
        if (nstar && nexc)
            raise_tok(p, "SyntaxError", ekw, star ? ekw + 1 : ekw,
                      "cannot have both 'except' and 'except*' on the same 'try'");
    }
    bool fin = false;
    if (nexc + nstar && iskw(p, "else") && !r_else_block(p))
        return fail(p, m, save);
    if (iskw(p, "finally")) {
        int mf = p->sp, fkw = p->pos;
        shift(p);
        expect_forced(p, TOK_COLON, ":");
        if (!r_block_for(p, fkw, "'finally' statement"))
            return fail(p, m, save);
        reduce(p, CST_finally_block, mf);
        fin = true;
    }
    if (!fin && nexc + nstar == 0)
        raise_last(p, "SyntaxError", "expected 'except' or 'finally' block");
    reduce(p, CST_try_stmt, m);
    return true;
}

/* --- match statement and patterns --------------------------------------- */

static bool r_pattern(P *p);
static bool r_closed_pattern(P *p);

/* signed_number: NUMBER | '-' NUMBER
 * complex_number: signed_real_number ('+' | '-') imaginary_number */
static bool r_number_pattern(P *p)
{
    int m = p->sp, save = p->pos;
    if (is(p, TOK_MINUS))
        shift(p);
    if (!is(p, TOK_NUMBER))
        return fail(p, m, save);
    shift(p);
    reduce(p, CST_signed_number, m);
    if (is(p, TOK_PLUS) || is(p, TOK_MINUS)) {
        if (!is_at(p, 1, TOK_NUMBER))
            return fail(p, m, save);
        shift(p);
        shift(p);
        reduce(p, CST_complex_number, m);
    }
    return true;
}

/* name_or_attr: attr | NAME     attr: name_or_attr '.' NAME */
static void r_name_or_attr(P *p)
{
    int m = p->sp;
    shift(p);
    while (is(p, TOK_DOT) && p->pos + 1 < p->n && p->tok[p->pos + 1].type == TOK_NAME) {
        shift(p);
        shift(p);
        reduce(p, CST_attr, m);
    }
}

/* maybe_star_pattern: star_pattern | pattern
 * star_pattern: '*' pattern_capture_target | '*' wildcard_pattern */
static bool r_maybe_star_pattern(P *p)
{
    int m = p->sp, save = p->pos;
    if (is(p, TOK_STAR)) {
        shift(p);
        if (!is_name(p))
            return fail(p, m, save);
        shift(p);
        reduce(p, CST_star_pattern, m);
    } else if (!r_pattern(p)) {
        return false;
    }
    reduce(p, CST_maybe_star_pattern, m);
    return true;
}

/* maybe_sequence_pattern: ','.maybe_star_pattern+ ','? */
static bool r_maybe_sequence_pattern(P *p, TokType close)
{
    int m = p->sp, save = p->pos;
    for (;;) {
        if (!r_maybe_star_pattern(p))
            return fail(p, m, save);
        if (!eat(p, TOK_COMMA) || is(p, close))
            break;
    }
    reduce(p, CST_maybe_sequence_pattern, m);
    return true;
}

/* closed_pattern:
 *     | literal_pattern | capture_pattern | wildcard_pattern | value_pattern
 *     | group_pattern | sequence_pattern | mapping_pattern | class_pattern */
static bool r_closed_pattern(P *p)
{
    int m = p->sp, save = p->pos;
    const Token *t = cur(p);
    if (t->type == TOK_NUMBER || t->type == TOK_MINUS) {
        if (!r_number_pattern(p))
            return false;
        reduce(p, CST_literal_pattern, m);
        return true;
    }
    if (t->type == TOK_STRING) {
        r_strings(p);
        reduce(p, CST_literal_pattern, m);
        return true;
    }
    if (tok_is_kw(t, "None") || tok_is_kw(t, "True") || tok_is_kw(t, "False")) {
        shift(p);
        reduce(p, CST_literal_pattern, m);
        return true;
    }
    if (t->type == TOK_NAME) {
        if (is_keyword(t))
            return false;
        r_name_or_attr(p);
        if (is(p, TOK_LPAR)) {
            /* class_pattern: name_or_attr '(' [positional_patterns ','] [keyword_patterns] ','? ')' */
            shift(p);
            int mp = p->sp;
            bool kw = false;
            int mk = -1;
            while (!is(p, TOK_RPAR)) {
                if (is_name(p) && is_at(p, 1, TOK_EQUAL)) {
                    if (!kw) {
                        if (p->sp > mp) {
                            /* close positional_patterns, keep the comma out */
                            CstNode *comma = p->stk[p->sp - 1];
                            p->sp--;
                            reduce(p, CST_positional_patterns, mp);
                            push(p, comma);
                        }
                        mk = p->sp;
                        kw = true;
                    }
                    int mi = p->sp;
                    shift(p);
                    shift(p);
                    if (!r_pattern(p))
                        return fail(p, m, save);
                    reduce(p, CST_keyword_pattern, mi);
                } else {
                    if (kw)
                        raise_tok(p, "SyntaxError", p->pos, p->pos,
                                  "positional patterns follow keyword patterns");
                    if (!r_pattern(p))
                        return fail(p, m, save);
                }
                if (!is(p, TOK_COMMA))
                    break;
                shift(p);
            }
            if (!is(p, TOK_RPAR))
                return fail(p, m, save);
            /* a trailing ',' before ')' stays a child of class_pattern */
            CstNode *trail = NULL;
            if (p->sp > mp && p->stk[p->sp - 1]->rule == CST_LEAF &&
                p->stk[p->sp - 1]->type == TOK_COMMA) {
                trail = p->stk[--p->sp];
            }
            if (kw)
                reduce(p, CST_keyword_patterns, mk);
            else if (p->sp > mp)
                reduce(p, CST_positional_patterns, mp);
            if (trail)
                push(p, trail);
            shift(p);
            reduce(p, CST_class_pattern, m);
            return true;
        }
        if (p->sp - m == 1) {
            const Token *nt = &p->tok[p->pos - 1];
            reduce(p, strcmp(nt->str, "_") == 0 ? CST_wildcard_pattern : CST_capture_pattern, m);
        } else {
            reduce(p, CST_value_pattern, m);
        }
        return true;
    }
    if (t->type == TOK_LPAR) {
        shift(p);
        if (eat(p, TOK_RPAR)) {
            reduce(p, CST_sequence_pattern, m);
            return true;
        }
        int m2 = p->sp;
        if (!r_maybe_star_pattern(p))
            return fail(p, m, save);
        if (is(p, TOK_RPAR) && p->stk[p->sp - 1]->rule != CST_star_pattern &&
            !(p->stk[p->sp - 1]->rule == CST_maybe_star_pattern &&
              p->stk[p->sp - 1]->kids[0]->rule == CST_star_pattern)) {
            shift(p);
            reduce(p, CST_group_pattern, m);
            return true;
        }
        p->sp = m2;
        p->pos = save + 1;
        if (!r_maybe_sequence_pattern(p, TOK_RPAR) || !eat(p, TOK_RPAR))
            return fail(p, m, save);
        reduce(p, CST_sequence_pattern, m);
        return true;
    }
    if (t->type == TOK_LSQB) {
        shift(p);
        if (!is(p, TOK_RSQB) && !r_maybe_sequence_pattern(p, TOK_RSQB))
            return fail(p, m, save);
        if (!eat(p, TOK_RSQB))
            return fail(p, m, save);
        reduce(p, CST_sequence_pattern, m);
        return true;
    }
    if (t->type == TOK_LBRACE) {
        /* mapping_pattern: '{' [items_pattern ','] [double_star_pattern ','?] '}' */
        shift(p);
        int mi = p->sp;
        bool items = false;
        while (!is(p, TOK_RBRACE)) {
            if (is(p, TOK_DOUBLESTAR)) {
                if (items && p->sp > mi) {
                    CstNode *comma = p->stk[--p->sp];
                    reduce(p, CST_items_pattern, mi);
                    push(p, comma);
                    items = false;
                }
                int md = p->sp;
                shift(p);
                if (!is_name(p))
                    return fail(p, m, save);
                shift(p);
                reduce(p, CST_double_star_pattern, md);
                eat(p, TOK_COMMA);
                break;
            }
            int mk = p->sp;
            const Token *k = cur(p);
            if (k->type == TOK_NUMBER || k->type == TOK_MINUS) {
                if (!r_number_pattern(p))
                    return fail(p, m, save);
            } else if (k->type == TOK_STRING) {
                r_strings(p);
            } else if (tok_is_kw(k, "None") || tok_is_kw(k, "True") || tok_is_kw(k, "False")) {
                shift(p);
            } else if (k->type == TOK_NAME && !is_keyword(k)) {
                r_name_or_attr(p);
                if (p->sp - mk == 1 && p->stk[mk]->rule == CST_LEAF)
                    return fail(p, m, save);
            } else {
                return fail(p, m, save);
            }
            if (!eat(p, TOK_COLON) || !r_pattern(p))
                return fail(p, m, save);
            reduce(p, CST_key_value_pattern, mk);
            items = true;
            if (!eat(p, TOK_COMMA))
                break;
        }
        if (items) {
            CstNode *comma = NULL;
            if (p->stk[p->sp - 1]->rule == CST_LEAF && p->stk[p->sp - 1]->type == TOK_COMMA)
                comma = p->stk[--p->sp];
            reduce(p, CST_items_pattern, mi);
            if (comma)
                push(p, comma);
        }
        if (!eat(p, TOK_RBRACE))
            return fail(p, m, save);
        reduce(p, CST_mapping_pattern, m);
        return true;
    }
    return false;
}

/* or_pattern: '|'.closed_pattern+ */
static bool r_or_pattern(P *p)
{
    int m = p->sp, save = p->pos;
    for (;;) {
        if (!r_closed_pattern(p))
            return fail(p, m, save);
        if (!eat(p, TOK_VBAR))
            break;
    }
    reduce(p, CST_or_pattern, m);
    return true;
}

/* pattern: as_pattern | or_pattern
 * as_pattern: or_pattern 'as' pattern_capture_target */
static bool r_pattern(P *p)
{
    int m = p->sp, save = p->pos;
    enter(p);
    if (!r_or_pattern(p))
        LEAVE(p, false);
    if (iskw(p, "as")) {
        shift(p);
        if (!is_name(p)) {
            /* invalid_as_pattern: or_pattern 'as' !NAME a=expression */
            if (p->inv && r_expression(p))
                raise_nodes(p, p->stk[p->sp - 1], NULL, "invalid pattern target");
            fail(p, m, save);
            LEAVE(p, false);
        }
        if (strcmp(cur(p)->str, "_") == 0)
            raise_tok(p, "SyntaxError", p->pos, p->pos, "cannot use '_' as a target");
        shift(p);
        reduce(p, CST_as_pattern, m);
    }
    LEAVE(p, true);
}

/* patterns: open_sequence_pattern | pattern */
static bool r_patterns(P *p)
{
    int m = p->sp, save = p->pos;
    if (!r_maybe_star_pattern(p))
        return false;
    if (is(p, TOK_COMMA)) {
        while (eat(p, TOK_COMMA)) {
            if (is(p, TOK_COLON) || iskw(p, "if"))
                break;
            if (!r_maybe_star_pattern(p))
                return fail(p, m, save);
        }
    } else if (p->stk[p->sp - 1]->rule == CST_star_pattern ||
               (p->stk[p->sp - 1]->rule == CST_maybe_star_pattern &&
                p->stk[p->sp - 1]->kids[0]->rule == CST_star_pattern)) {
        return fail(p, m, save);
    }
    reduce(p, CST_patterns, m);
    return true;
}

/* match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
 * subject_expr: star_named_expression ',' star_named_expressions? | named_expression
 * case_block: "case" patterns guard? ':' block
 * guard: 'if' named_expression */
static bool r_match_stmt(P *p)
{
    int m = p->sp, save = p->pos;
    int kw = p->pos;
    shift(p);
    int ms = p->sp;
    if (!r_star_named_expression(p))
        return fail(p, m, save);
    if (is(p, TOK_COMMA)) {
        while (eat(p, TOK_COMMA)) {
            if (is(p, TOK_COLON))
                break;
            if (!r_star_named_expression(p))
                return fail(p, m, save);
        }
    }
    reduce(p, CST_subject_expr, ms);
    if (!need_colon(p))
        return fail(p, m, save);
    if (!eat(p, TOK_NEWLINE))
        return fail(p, m, save);
    if (!eat(p, TOK_INDENT))
        raise_tok(p, "IndentationError", p->pos, p->pos,
                  "expected an indented block after 'match' statement on line %d",
                  p->tok[kw].lineno);
    while (iskw(p, "case")) {
        int mc = p->sp, ckw = p->pos;
        shift(p);
        if (!r_patterns(p))
            return fail(p, m, save);
        if (iskw(p, "if")) {
            int mg = p->sp;
            shift(p);
            if (!r_named_expression(p))
                return fail(p, m, save);
            reduce(p, CST_guard, mg);
        }
        if (!need_colon(p))
            return fail(p, m, save);
        if (!r_block_for(p, ckw, "'case' statement"))
            return fail(p, m, save);
        reduce(p, CST_case_block, mc);
    }
    if (!eat(p, TOK_DEDENT))
        return fail(p, m, save);
    reduce(p, CST_match_stmt, m);
    return true;
}

/* compound_stmt:
 *     | &('def' | '@' | ASYNC) function_def | &'if' if_stmt
 *     | &('class' | '@') class_def | &('with' | ASYNC) with_stmt
 *     | &('for' | ASYNC) for_stmt | &'try' try_stmt | &'while' while_stmt
 *     | match_stmt
 * function_def: decorators function_def_raw | function_def_raw
 * class_def: decorators class_def_raw | class_def_raw */
static bool r_compound_stmt(P *p)
{
    int m = p->sp, save = p->pos;
    const Token *t = cur(p);
    if (t->type == TOK_AT) {
        if (!r_decorators(p))
            return false;
        if (iskw(p, "class")) {
            if (!r_class_def_raw(p))
                return fail(p, m, save);
            reduce(p, CST_class_def, m);
        } else if (iskw(p, "def") || iskw(p, "async")) {
            if (!r_function_def_raw(p))
                return fail(p, m, save);
            reduce(p, CST_function_def, m);
        } else {
            return fail(p, m, save);
        }
    } else if (tok_is_kw(t, "def")) {
        if (!r_function_def_raw(p))
            return false;
        reduce(p, CST_function_def, m);
    } else if (tok_is_kw(t, "async")) {
        const Token *n = p->pos + 1 < p->n ? &p->tok[p->pos + 1] : t;
        if (p->pos + 1 < p->n && p->pos + 1 > p->maxpos)
            p->maxpos = p->pos + 1;   /* CPython reads the token after ASYNC */
        if (tok_is_kw(n, "def")) {
            if (!r_function_def_raw(p))
                return false;
            reduce(p, CST_function_def, m);
        } else if (tok_is_kw(n, "with")) {
            if (!r_with_stmt(p))
                return false;
        } else if (tok_is_kw(n, "for")) {
            if (!r_for_stmt(p))
                return false;
        } else {
            return false;
        }
    } else if (tok_is_kw(t, "if")) {
        if (!r_if_stmt(p, false))
            return false;
    } else if (tok_is_kw(t, "class")) {
        if (!r_class_def_raw(p))
            return false;
        reduce(p, CST_class_def, m);
    } else if (tok_is_kw(t, "with")) {
        if (!r_with_stmt(p))
            return false;
    } else if (tok_is_kw(t, "for")) {
        if (!r_for_stmt(p))
            return false;
    } else if (tok_is_kw(t, "try")) {
        if (!r_try_stmt(p))
            return false;
    } else if (tok_is_kw(t, "while")) {
        if (!r_while_stmt(p))
            return false;
    } else if (tok_is_kw(t, "match")) {
        if (!r_match_stmt(p))
            return false;
    } else {
        return false;
    }
    reduce(p, CST_compound_stmt, m);
    return true;
}

/* statement: compound_stmt | simple_stmts */
static bool r_statement(P *p)
{
    int m = p->sp;
    enter(p);
    if (!r_compound_stmt(p)) {
        if (!r_simple_stmts(p))
            LEAVE(p, false);
    }
    reduce(p, CST_statement, m);
    LEAVE(p, true);
}

/* file: [statements] ENDMARKER
 * statements: statement+ */
static bool r_file(P *p)
{
    int m = p->sp;
    int ms = p->sp;
    while (!is(p, TOK_ENDMARKER)) {
        if (is(p, TOK_INDENT))
            raise_tok(p, "IndentationError", p->pos, p->pos, "unexpected indent");
        if (!r_statement(p))
            return false;
    }
    if (p->sp > ms)
        reduce(p, CST_statements, ms);
    shift(p);
    reduce(p, CST_file, m);
    return true;
}

/* --- f-strings ---------------------------------------------------------- */

/* A tiny tokenizer for the expression of an f-string field. */
typedef struct SubTok {
    Token *toks;
    int n, cap;
} SubTok;

static void sub_push(SubTok *st, Arena *a, TokType type, const char *s, size_t len,
                     int l, int c, int el, int ec)
{
    if (st->n == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 16;
        st->toks = ls_xrealloc(st->toks, (size_t)st->cap * sizeof *st->toks);
    }
    Token *t = &st->toks[st->n++];
    t->type = type;
    t->str = arena_strndup(a, s, len);
    t->len = len;
    t->lineno = l;
    t->col = c;
    t->end_lineno = el;
    t->end_col = ec;
}

static const char *const type_strs[TOK_NTYPES] = {
#define TOK(name, str) str,
#include "libstage/tokens.def"
#undef TOK
};

static TokType exact_type(const char *s, size_t len)
{
    for (int k = 0; k < TOK_NTYPES; k++)
        if (type_strs[k] && strlen(type_strs[k]) == len && memcmp(type_strs[k], s, len) == 0)
            return (TokType)k;
    return TOK_OP;
}

static bool ident_start(unsigned char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool ident_char(unsigned char c)
{
    return ident_start(c) || (c >= '0' && c <= '9');
}

static const char *const ops3[] = {"**=", "//=", ">>=", "<<=", "...", NULL};
static const char *const ops2[] = {"!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//",
                                   "/=", ":=", "<<", "<=", "==", ">=", ">>", "@=", "^=",
                                   "|=", NULL};

/* Tokenize src (the "(expr)" text); positions are line (1-based) and byte
 * column within src.  Returns false on a character it cannot take. */
static bool sub_tokenize(const char *src, size_t len, Arena *a, SubTok *st)
{
    size_t i = 0;
    int line = 1;
    size_t line_start = 0;
    while (i < len) {
        unsigned char c = (unsigned char)src[i];
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
            i++;
            continue;
        }
        if (c == '\n') {
            i++;
            line++;
            line_start = i;
            continue;
        }
        size_t s = i;
        int col = (int)(i - line_start), sline = line;
        TokType type;
        if (ident_start(c)) {
            while (i < len && ident_char((unsigned char)src[i]))
                i++;
            /* string prefix? */
            if (i < len && (src[i] == '\'' || src[i] == '"') && i - s <= 2) {
                goto string;
            }
            type = TOK_NAME;
        } else if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < len && src[i + 1] >= '0' && src[i + 1] <= '9')) {
            while (i < len) {
                unsigned char d = (unsigned char)src[i];
                if ((d == 'e' || d == 'E') && i + 1 < len && (src[i + 1] == '+' || src[i + 1] == '-') &&
                    !(src[s] == '0' && s + 1 < len && (src[s + 1] == 'x' || src[s + 1] == 'X'))) {
                    i += 2;
                    continue;
                }
                if (ident_char(d) || d == '.')
                    i++;
                else
                    break;
            }
            type = TOK_NUMBER;
        } else if (c == '\'' || c == '"') {
        string:;
            char q = src[i];
            size_t ql = (i + 2 < len && src[i + 1] == q && src[i + 2] == q) ? 3 : 1;
            i += ql;
            for (;;) {
                if (i >= len)
                    return false;
                if (src[i] == '\\') {
                    i += 2;
                    continue;
                }
                if (src[i] == '\n') {
                    if (ql == 1)
                        return false;
                    line++;
                    line_start = i + 1;
                }
                if (src[i] == q && (ql == 1 || (i + 2 < len && src[i + 1] == q && src[i + 2] == q))) {
                    i += ql;
                    break;
                }
                i++;
            }
            type = TOK_STRING;
        } else {
            type = TOK_OP;
            for (int k = 0; ops3[k]; k++)
                if (i + 3 <= len && memcmp(src + i, ops3[k], 3) == 0) {
                    i += 3;
                    goto op;
                }
            for (int k = 0; ops2[k]; k++)
                if (i + 2 <= len && memcmp(src + i, ops2[k], 2) == 0) {
                    i += 2;
                    goto op;
                }
            if (!strchr("()[]{}:,;+-*/|&<>=.%~^@", c))
                return false;
            i++;
        op:
            type = exact_type(src + s, i - s);
            if (type == TOK_OP)
                return false;
        }
        sub_push(st, a, type, src + s, i - s, sline, col, line, (int)(i - line_start));
    }
    sub_push(st, a, TOK_NEWLINE, "", 0, line, (int)(i - line_start), line, (int)(i - line_start));
    sub_push(st, a, TOK_ENDMARKER, "", 0, line + 1, 0, line + 1, 0);
    return true;
}

/* The tokenizer's bracket errors, raised when the parser reaches the token
 * (as CPython's tokenizer raises them when asked for it). */
static void check_brackets(P *p)
{
    int *open = ls_xmalloc(((size_t)p->n + 1) * sizeof(int));
    int d = 0;
    p->badtok = p->n + 1;
    for (int i = 0; i < p->n; i++) {
        TokType t = p->tok[i].type;
        if (t == TOK_LPAR || t == TOK_LSQB || t == TOK_LBRACE) {
            if (d >= MAX_PARENS) {
                snprintf(p->badmsg, sizeof p->badmsg, "too many nested parentheses");
                p->badtok = i;
                break;
            }
            open[d++] = i;
        } else if (t == TOK_RPAR || t == TOK_RSQB || t == TOK_RBRACE) {
            char c = *p->tok[i].str;
            if (d == 0) {
                snprintf(p->badmsg, sizeof p->badmsg, "unmatched '%c'", c);
                p->badtok = i;
                break;
            }
            const Token *o = &p->tok[open[--d]];
            char oc = *o->str;
            if ((oc == '(' && c != ')') || (oc == '[' && c != ']') || (oc == '{' && c != '}')) {
                if (o->lineno != p->tok[i].lineno)
                    snprintf(p->badmsg, sizeof p->badmsg,
                             "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                             c, oc, o->lineno);
                else
                    snprintf(p->badmsg, sizeof p->badmsg,
                             "closing parenthesis '%c' does not match opening parenthesis '%c'", c, oc);
                p->badtok = i;
                break;
            }
        }
    }
    free(open);
}

static noreturn void bracket_error(P *p)
{
    int t = p->badtok;
    p->badtok = p->n + 1;
    raise_tok(p, "SyntaxError", t, -1, "%s", p->badmsg);
}

/* Bracket depth after each token, as CPython's tokenizer counts it. */
static int *bracket_levels(const Token *toks, int n)
{
    int *lv = ls_xmalloc(((size_t)n + 1) * sizeof(int));
    int d = 0;
    for (int i = 0; i < n; i++) {
        TokType t = toks[i].type;
        if (t == TOK_LPAR || t == TOK_LSQB || t == TOK_LBRACE)
            d++;
        else if ((t == TOK_RPAR || t == TOK_RSQB || t == TOK_RBRACE) && d > 0)
            d--;
        lv[i] = d;
    }
    return lv;
}

typedef bool (*StartRule)(P *);

/* Run a start rule over q's tokens in CPython's two passes: the second, with
 * the invalid_* rules, only when the first fails.  Returns the tree, or
 * raises (longjmp to *q->jb). */
static CstNode *two_pass(P *q, StartRule start, bool (*done)(P *))
{
    q->level = bracket_levels(q->tok, q->n);
    q->done = ls_xcalloc((size_t)q->n + 1, 1);
    int first_max = 0;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1)
            first_max = q->maxpos;
        q->inv = pass == 1;
        q->pos = 0;
        q->sp = 0;
        q->depth = 0;
        memset(q->leaf, 0, (size_t)q->n * sizeof *q->leaf);
        if (start(q) && done(q)) {
            CstNode *r = q->stk[0];
            free(q->level);
            free(q->done);
            q->level = NULL;
            q->done = NULL;
            return r;
        }
    }
    /* CPython: the generic error points at the furthest token of the first
     * pass, unless tokenizing the rest of the file finds a tokenizer error. */
    if (q->badtok <= q->n)
        bracket_error(q);
    int at = first_max < q->n ? first_max : q->n - 1;
    const Token *t = &q->tok[at];
    if (t->type == TOK_INDENT)
        raise_tok(q, "IndentationError", at, -1, "unexpected indent");
    if (t->type == TOK_DEDENT)
        raise_tok(q, "IndentationError", at, -1, "unexpected unindent");
    raise_tok(q, "SyntaxError", at, at, "invalid syntax");
}

static bool at_newline(P *p)
{
    return is(p, TOK_NEWLINE);
}

/* Move a sub-parse tree from "(expr)" coordinates to the file's. */
static void shift_positions(CstNode *n, int base_line, int base_col)
{
    if (n->rule != CST_LEAF) {
        for (int i = 0; i < n->nkids; i++)
            shift_positions(n->kids[i], base_line, base_col);
        return;
    }
    if (n->lineno == 1)
        n->col += base_col;
    if (n->end_lineno == 1)
        n->end_col += base_col;
    n->lineno += base_line - 1;
    n->end_lineno += base_line - 1;
}

/* Parse the expression text of one f-string field as CPython 3.11 does: the
 * text in parentheses, parsed with `fstring: star_expressions`, positioned
 * at the field (Parser/string_parser.c's fstring_find_expr_location). */
static CstNode *parse_field(P *p, const Token *t, int tcol, const char *s, FsPiece *pc)
{
    size_t elen = pc->end - pc->start;
    char *src = arena_alloc(p->a, elen + 3);
    src[0] = '(';
    memcpy(src + 1, s + pc->start, elen);
    src[elen + 1] = ')';
    src[elen + 2] = '\0';
    volatile int lines = 0, cols = 0;
    bool nl_after = true;
    for (size_t k = pc->brace + 1; k < pc->end && s[k] != '}' && s[k] != '\n'; k++)
        if (s[k] != ' ' && s[k] != '\t' && s[k] != '\f') {
            nl_after = false;
            break;
        }
    if (!nl_after) {
        size_t k = pc->brace;
        while (k > 0 && s[k] != '\n')
            k--;
        cols = (int)(pc->brace - k);
        if (s[k] == '\n')
            cols--;
    }
    for (size_t k = 0; k < pc->brace; k++)
        if (s[k] == '\n')
            lines++;
    volatile int base_line = t->lineno + lines;
    volatile int base_col = lines == 0 ? tcol + cols : cols;
    SubTok st = {NULL, 0, 0};
    bool ok = sub_tokenize(src, elen + 2, p->a, &st);
    if (!ok) {
        free(st.toks);
        raise_last(p, "SyntaxError", "f-string: invalid syntax");
    }
    int *bc = ls_xmalloc((size_t)st.n * sizeof(int));
    int *be = ls_xmalloc((size_t)st.n * sizeof(int));
    for (int k = 0; k < st.n; k++) {
        bc[k] = st.toks[k].col;
        be[k] = st.toks[k].end_col;
    }
    P q = *p;
    q.tok = st.toks;
    q.n = st.n;
    q.maxpos = 0;
    q.bcol = bc;
    q.bend = be;
    q.ecol = NULL;
    q.leaf = ls_xcalloc((size_t)st.n, sizeof(CstNode *));
    q.stk = NULL;
    q.sp = q.cap = 0;
    q.in_fstring = true;
    q.collapse = p->collapse;
    q.badtok = st.n + 1;
    jmp_buf jb;
    q.jb = &jb;
    CstNode *r = NULL;
    if (setjmp(jb) == 0) {
        r = two_pass(&q, r_star_expressions, at_newline);
    } else {
        /* The error is reported on the "(expr)" text, as CPython does. */
        ParseError *e = p->err;
        int rel = e->lineno;
        const char *line = src;
        for (int k = 1; k < rel; k++) {
            const char *nl = strchr(line, '\n');
            if (!nl)
                break;
            line = nl + 1;
        }
        const char *nl = strchr(line, '\n');
        free(e->text);
        e->text = ls_xstrndup(line, nl ? (size_t)(nl - line) : strlen(line));
        e->text_is_local = true;
        e->lineno = rel + base_line - 1;
        if (e->end_lineno)
            e->end_lineno += base_line - 1;
        free(st.toks);
        free(bc);
        free(be);
        free(q.leaf);
        free(q.stk);
        free(q.level);
        free(q.done);
        longjmp(*p->jb, 1);
    }
    shift_positions(r, base_line, base_col);
    CstNode *wrap = arena_alloc(p->a, sizeof *wrap);
    wrap->rule = CST_fstring_expr;
    wrap->nkids = 1;
    wrap->kids = arena_alloc(p->a, sizeof *wrap->kids);
    wrap->kids[0] = r;
    free(q.stk);
    free(q.leaf);
    free(st.toks);
    free(bc);
    free(be);
    return p->collapse ? r : wrap;
}

/* An f-string token becomes fstring: STRING fstring_expr*, the fields'
 * expressions parsed in order.  Other strings stay leaves (NULL). */
static CstNode *parse_fstring_token(P *p, int ti)
{
    const Token *t = &p->tok[ti];
    const char *s = t->str;
    size_t k = 0;
    bool f = false;
    while (k < t->len && s[k] != '\'' && s[k] != '"') {
        if (s[k] == 'f' || s[k] == 'F')
            f = true;
        k++;
    }
    if (!f)
        return NULL;
    FsScan sc;
    cst_fstring_scan(s, t->len, &sc);
    if (sc.err) {
        free(sc.pieces);
        /* CPython reports it after reading the whole string group. */
        int j = ti;
        while (j + 1 < p->n && p->tok[j].type == TOK_STRING)
            j++;
        if (j > p->maxpos)
            p->maxpos = j;
        raise_last(p, "SyntaxError", "%s", sc.err);
    }
    /* The fields, copied to the arena: parse_field() may longjmp. */
    int nf = 0;
    for (int i = 0; i < sc.n; i++)
        nf += sc.pieces[i].kind == FS_FIELD;
    FsPiece *fields = arena_alloc(p->a, (size_t)(nf ? nf : 1) * sizeof *fields);
    nf = 0;
    for (int i = 0; i < sc.n; i++)
        if (sc.pieces[i].kind == FS_FIELD)
            fields[nf++] = sc.pieces[i];
    free(sc.pieces);
    CstNode *r = arena_alloc(p->a, sizeof *r);
    r->rule = CST_fstring;
    r->nkids = nf + 1;
    r->kids = arena_alloc(p->a, (size_t)(nf + 1) * sizeof *r->kids);
    r->kids[0] = make_leaf(p, ti);
    for (int i = 0; i < nf; i++)
        r->kids[i + 1] = parse_field(p, t, p->bcol[ti], s, &fields[i]);
    return r;
}

/* --- entry ------------------------------------------------------------- */

/* UTF-8 byte columns from tokenize's character columns: between tokens on
 * a line there is only ASCII whitespace, so the byte column of a token is
 * the byte end of the previous token on its line plus the character gap. */
static void byte_columns(const TokenList *tl, int *bcol, int *bend)
{
    int line = -1, cchar = 0, cbyte = 0;
    for (size_t i = 0; i < tl->len; i++) {
        const Token *t = &tl->toks[i];
        if (t->lineno != line) {
            line = t->lineno;
            cchar = cbyte = 0;
        }
        int b = cbyte + (t->col - cchar);
        if (t->col < cchar)
            b = t->col;
        bcol[i] = b;
        int e;
        if (t->end_lineno == t->lineno) {
            if (t->type == TOK_NEWLINE || t->type == TOK_NL)
                e = b + (t->end_col - t->col);
            else
                e = b + (int)t->len;
        } else {
            const char *nl = NULL;
            for (size_t k = 0; k < t->len; k++)
                if (t->str[k] == '\n')
                    nl = t->str + k;
            e = nl ? (int)(t->str + t->len - nl - 1) : t->end_col;
        }
        bend[i] = e;
        line = t->end_lineno;
        cchar = t->end_col;
        cbyte = e;
    }
}

/* The character column of byte column bcol in the UTF-8 line text. */
static int to_chars(const char *text, int bcol)
{
    if (!text)
        return bcol;
    size_t len = strlen(text);
    if ((size_t)bcol > len)
        return (int)ls_utf8_count(text, len) + (bcol - (int)len);
    return (int)ls_utf8_count(text, (size_t)bcol);
}

/* Line lineno of the source, or rebuilt from the tokens on it. */
static char *line_text(const TokenList *tl, const ParseOptions *opt, int lineno)
{
    if (opt->source_text) {
        const char *s = opt->source_text, *end = s + opt->source_len;
        for (int line = 1; line < lineno && s < end; line++) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            s = nl ? nl + 1 : end;
        }
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t l = nl ? (size_t)(nl - s) : (size_t)(end - s);
        if (l && s[l - 1] == '\r')
            l--;
        return ls_xstrndup(s, l);
    }
    Buf b = BUF_INIT;
    int col = 0;
    for (size_t i = 0; i < tl->len; i++) {
        const Token *t = &tl->toks[i];
        if (t->lineno != lineno || t->type == TOK_NEWLINE || t->type == TOK_NL ||
            t->type == TOK_DEDENT || t->type == TOK_ENDMARKER)
            continue;
        if (t->type == TOK_INDENT) {
            buf_put(&b, t->str, t->len);
            col = t->end_col;
            continue;
        }
        while (col < t->col) {
            buf_putc(&b, ' ');
            col++;
        }
        const char *nl = memchr(t->str, '\n', t->len);
        buf_put(&b, t->str, nl ? (size_t)(nl - t->str) : t->len);
        col = t->end_col;
        if (nl)
            break;
    }
    buf_putc(&b, 0);
    return buf_take(&b);
}

/* Is every character of t's text one that may continue an identifier? */
static bool all_xid_continue(const Token *t)
{
    size_t i = 0;
    if (t->len == 0)
        return false;
    while (i < t->len) {
        uint32_t cp;
        int k = ls_utf8_decode(t->str + i, t->len - i, &cp);
        if (k <= 0 || !ls_uni_is_xid_continue(cp))
            return false;
        i += (size_t)k;
    }
    return true;
}

static bool r_file(P *p);

static bool at_end(P *p)
{
    (void)p;
    return true;
}

CstNode *parse_tokens(const TokenList *tl, Arena *a, const ParseOptions *opt, ParseError *err)
{
    P p;
    memset(&p, 0, sizeof p);
    memset(err, 0, sizeof *err);
    int *bc = ls_xmalloc((tl->len + 1) * sizeof(int));
    int *be = ls_xmalloc((tl->len + 1) * sizeof(int));
    byte_columns(tl, bc, be);
    Token *toks = ls_xmalloc((tl->len + 1) * sizeof(Token));
    int n = 0;
    p.bcol = ls_xmalloc((tl->len + 1) * sizeof(int));
    p.bend = ls_xmalloc((tl->len + 1) * sizeof(int));
    p.ecol = ls_xmalloc((tl->len + 1) * sizeof(int));
    for (size_t i = 0; i < tl->len; i++) {
        TokType ty = tl->toks[i].type;
        if (ty == TOK_NL || ty == TOK_COMMENT || ty == TOK_ENCODING || ty == TOK_TYPE_COMMENT)
            continue;
        p.bcol[n] = bc[i];
        p.bend[n] = be[i];
        p.ecol[n] = bc[i];
        if (ty == TOK_NEWLINE && i > 0 && tl->toks[i - 1].type == TOK_COMMENT &&
            tl->toks[i - 1].lineno == tl->toks[i].lineno)
            p.ecol[n] = bc[i - 1];
        toks[n] = tl->toks[i];
        if (ty == TOK_NAME) {
            /* tokenize splits an identifier at a character that `\w` does not
             * match but the language allows (a combining mark: XID_Continue),
             * making it an ERRORTOKEN; CPython's tokenizer keeps one NAME. */
            size_t j = i + 1;
            while (j < tl->len && tl->toks[j].lineno == toks[n].end_lineno &&
                   tl->toks[j].col == toks[n].end_col &&
                   (tl->toks[j].type == TOK_NAME || tl->toks[j].type == TOK_NUMBER ||
                    (tl->toks[j].type == TOK_ERRORTOKEN && all_xid_continue(&tl->toks[j])))) {
                char *joined = arena_alloc(a, toks[n].len + tl->toks[j].len + 1);
                memcpy(joined, toks[n].str, toks[n].len);
                memcpy(joined + toks[n].len, tl->toks[j].str, tl->toks[j].len);
                toks[n].str = joined;
                toks[n].len += tl->toks[j].len;
                toks[n].end_col = tl->toks[j].end_col;
                p.bend[n] = be[j];
                j++;
            }
            i = j - 1;
        }
        n++;
    }
    free(bc);
    free(be);
    p.tok = toks;
    p.n = n;
    p.a = a;
    p.collapse = opt->collapse;
    p.err = err;
    p.opt = opt;
    p.leaf = ls_xcalloc((size_t)n + 1, sizeof(CstNode *));
    jmp_buf jb;
    p.jb = &jb;
    CstNode *root = NULL;
    if (setjmp(jb) == 0) {
        if (n == 0 || toks[n - 1].type != TOK_ENDMARKER) {
            snprintf(err->msg, sizeof err->msg, "token stream without ENDMARKER");
            err->type = "SyntaxError";
        } else {
            check_brackets(&p);
            /* tokenize makes an ERRORTOKEN of the blank before a stray
             * character too; CPython points at the character */
            for (int i = 0; i < n; i++)
                if (toks[i].type == TOK_ERRORTOKEN && toks[i].len > 0
                    && strspn(toks[i].str, " \t\f") < toks[i].len)
                    raise_tok(&p, "SyntaxError", i, i, "invalid syntax");
            root = two_pass(&p, r_file, at_end);
        }
    }
    if (!root && err->lineno > 0) {
        if (!err->text_is_local) {
            free(err->text);
            err->text = line_text(tl, opt, err->lineno);
        }
        if (err->end_lineno == err->lineno)
            err->end_col = to_chars(err->text, err->end_col);
        if (err->col >= 0)
            err->col = to_chars(err->text, err->col);
    }
    free(p.stk);
    free(p.leaf);
    free(p.bcol);
    free(p.bend);
    free(p.ecol);
    free(p.level);
    free(p.done);
    free(toks);
    return root;
}
