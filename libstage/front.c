/* libstage/front.c: the compile pipeline in one process (see front.h).
 *
 * Stages: all of the front end.  Calls tok_tokenize, parse_tokens,
 * astb_from_cst, sym_build, cfg_compile, ls_cfg_from_module and
 * asm_assemble in turn, handing each the previous one's in-memory result,
 * and turns each stage's error into an LsSyntaxError with the attributes
 * the stage's main.c would have printed.  Linked into libfront.a with the
 * stage cores (Makefile), not into libstage.a.
 */
#include "libstage/front.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/pyasm/asm.h"
#include "cmd/pyast/build.h"
#include "cmd/pycfg/compile.h"
#include "cmd/pyparse/parse.h"
#include "cmd/pytok/tokenizer.h"
#include "libstage/cfg.h"
#include "libstage/cfgread.h"
#include "libstage/common.h"
#include "libstage/cst.h"
#include "libstage/diag.h"
#include "libstage/symtab.h"
#include "libstage/unicode.h"

/* One compile in progress (for the compiler's warning callback, which
 * has no context argument). */
typedef struct Front {
    const char *src;            /* the source bytes */
    size_t len;                 /* their length */
    const LsCompileOptions *opt;/* the caller's options */
    Arena *a;                   /* the caller's arena */
    bool ast_only;              /* ls_parse_ast: stop after the AST */
    struct AstNode *ast;        /* ls_parse_ast's result */
    struct AstNode *tree;       /* ls_compile_tree: start from this AST */
} Front;

static Front *cur_front;

/* Line lineno (1-based) of the source: start and length, the newline
 * included when there is one.  NULL when there is no such line. */
static const char *src_line(const Front *f, int lineno, size_t *n)
{
    if (lineno <= 0)
        return NULL;
    const char *s = f->src, *end = f->src + f->len;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            return NULL;
        s = nl + 1;
    }
    if (s >= end)
        return NULL;
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    *n = nl ? (size_t)(nl + 1 - s) : (size_t)(end - s);
    return s;
}

/* That line copied into the arena (with its newline), or NULL. */
static char *src_line_dup(const Front *f, int lineno)
{
    size_t n;
    const char *s = src_line(f, lineno, &n);
    return s ? arena_strndup(f->a, s, n) : NULL;
}

static void set_str(char *dst, size_t cap, const char *s)
{
    snprintf(dst, cap, "%s", s ? s : "");
}

/* err from a stage's Diag (text copied to the arena). */
static void from_diag(LsSyntaxError *err, const Diag *d, Arena *a)
{
    set_str(err->type, sizeof err->type, d->type ? d->type : "SyntaxError");
    set_str(err->msg, sizeof err->msg, d->msg);
    err->lineno = d->lineno;
    err->offset = d->offset;
    err->end_lineno = d->end_lineno;
    err->end_offset = d->end_offset;
    err->text = d->text ? arena_strdup(a, d->text) : NULL;
    err->status = 1;
}

/* CPython's tokenizer errors carry the line up to the error without its
 * newline (the tokenizer's text, as is); those CPython raises after
 * tokenizing (indentation, EOF, unclosed brackets) carry the whole line
 * with it, and some an end_offset of -1. */
static void tok_error_attrs(const Front *f, LsSyntaxError *err)
{
    static const char *const whole_line[] = {
        "unindent does not match any outer indentation level",
        "inconsistent use of tabs and spaces in indentation",
        "too many levels of indentation",
        "unexpected EOF while parsing",
        "was never closed",
        "unexpected character after line continuation character",
    };
    bool whole = false;
    for (size_t i = 0; i < sizeof whole_line / sizeof whole_line[0]; i++)
        if (strstr(err->msg, whole_line[i]))
            whole = true;
    if (!whole || !err->text || err->lineno <= 0)
        return;
    if (strcmp(err->msg, whole_line[0]) == 0 || strcmp(err->msg, whole_line[3]) == 0)
        err->end_offset = -1;
    char *line = src_line_dup(f, err->lineno);
    size_t n = line ? strlen(line) : 0;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        n--;
    if (line && n == strlen(err->text) && memcmp(line, err->text, n) == 0)
        err->text = line;
}

/* The parser's IndentationErrors carry, in CPython, the range of the
 * token where the block was expected (at the end of input, see below), or
 * for "unexpected indent" the width of the
 * indentation and end_offset -1; pyparse prints them the same either way
 * (an IndentationError gets one caret).  Columns are characters. */
static void parse_error_attrs(const Front *f, const TokenList *tl, ParseError *pe)
{
    if (pe->type && strcmp(pe->msg, "':' expected after dictionary key") == 0
        && pe->end_lineno == 0) {
        pe->end_lineno = pe->lineno;       /* CPython: end_offset 0 */
        pe->end_col = -1;
    }
    if (!pe->type || strcmp(pe->type, "IndentationError") != 0 || pe->lineno <= 0)
        return;
    size_t n;
    const char *line = src_line(f, pe->lineno, &n);
    if (!line)
        return;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        n--;
    if (strcmp(pe->msg, "unexpected indent") == 0) {
        size_t w = 0;
        while (w < n && (line[w] == ' ' || line[w] == '\t' || line[w] == '\f'))
            w++;
        pe->col = (int)w - 1;
        pe->end_lineno = pe->lineno;
        pe->end_col = -2;
        return;
    }
    if (strncmp(pe->msg, "expected an indented block", 26) != 0)
        return;
    if (pe->col < 0) {
        /* at the end of input: python3 FILE has no offset (no caret);
         * compile() of a str says (len + 1, -1) */
        if (f->opt->text) {
            pe->col = (int)ls_utf8_count(line, n);
            pe->end_lineno = pe->lineno;
            pe->end_col = -2;
        }
        return;
    }
    for (size_t i = 0; i < tl->len; i++) {
        const Token *t = &tl->toks[i];
        if (t->lineno == pe->lineno && t->col == pe->col && t->type != TOK_INDENT
            && t->type != TOK_DEDENT) {
            pe->end_lineno = t->end_lineno;
            pe->end_col = t->end_col;
            return;
        }
    }
}

/* The character column of UTF-8 byte column bcol in text (pyast's rule). */
static int char_col(const char *text, int bcol)
{
    if (!text)
        return bcol;
    size_t len = strlen(text);
    if ((size_t)bcol > len)
        return bcol - (int)(len - ls_utf8_count(text, len));
    return (int)ls_utf8_count(text, (size_t)bcol);
}

/* pyast reads the line without its newline for the column conversion. */
static int char_col_line(const Front *f, int lineno, int bcol)
{
    size_t n;
    const char *s = src_line(f, lineno, &n);
    if (!s)
        return bcol;
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    char *t = arena_strndup(f->a, s, n);
    return char_col(t, bcol);
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The compiler's SyntaxWarning hook. */
static void cfg_warn(const char *filename, int lineno, const char *msg)
{
    Front *f = cur_front;
    if (!f || !f->opt->warn)
        return;
    char *line = NULL;
    if (filename && filename[0] != '<') {
        line = src_line_dup(f, lineno);
        if (line) {
            size_t n = strlen(line);
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                line[--n] = '\0';
        }
    }
    f->opt->warn(f->opt->warn_ctx, filename, lineno, "SyntaxWarning", msg, line);
}

void ls_front_print_warning(void *ctx, const char *filename, int lineno,
                            const char *category, const char *msg, const char *line)
{
    (void)ctx;
    fflush(stdout);
    fprintf(stderr, "%s:%d: %s: %s\n", filename, lineno, category, msg);
    if (line) {
        const char *p = line, *e = line + strlen(line);
        while (*p == ' ' || *p == '\t' || *p == '\f')
            p++;
        while (e > p && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        fprintf(stderr, "  %.*s\n", (int)(e - p), p);
    }
}

char *ls_front_format(const LsSyntaxError *err)
{
    if (err->status == 2) {
        size_t n = strlen(err->msg);
        char *s = ls_xmalloc(n + 2);
        memcpy(s, err->msg, n);
        s[n] = '\n';
        s[n + 1] = '\0';
        return s;
    }
    Diag d;
    memset(&d, 0, sizeof d);
    d.type = err->type;
    d.msg = err->msg;
    d.filename = err->filename;
    d.lineno = err->lineno;
    d.offset = err->offset;
    d.end_lineno = err->end_lineno;
    d.end_offset = err->end_offset;
    d.text = err->text;
    return ls_diag_format(&d);
}

/* A compound statement (one that ends a 'single' input by itself)? */
static bool is_compound(const AstNode *s)
{
    switch (s->kind) {
    case AST_FunctionDef: case AST_AsyncFunctionDef: case AST_ClassDef:
    case AST_For: case AST_AsyncFor: case AST_While: case AST_If:
    case AST_With: case AST_AsyncWith: case AST_Match: case AST_Try:
    case AST_TryStar:
        return true;
    default:
        return false;
    }
}

/* "invalid syntax" at token t. */
static void invalid_tok(Front *f, const Token *t, LsSyntaxError *err)
{
    set_str(err->type, sizeof err->type, "SyntaxError");
    set_str(err->msg, sizeof err->msg, "invalid syntax");
    err->status = 1;
    err->lineno = t->lineno;
    err->offset = t->col + 1;
    err->end_lineno = t->end_lineno;
    err->end_offset = t->end_col + 1;
    err->text = src_line_dup(f, t->lineno);
}

/* "invalid syntax" at the first significant token at or after line
 * lineno, UTF-8 byte column bcol (where the parser of the mode's grammar
 * would stop); the end of input when there is none. */
static void invalid_at(Front *f, const TokenList *tl, int lineno, int bcol, LsSyntaxError *err)
{
    set_str(err->type, sizeof err->type, "SyntaxError");
    set_str(err->msg, sizeof err->msg, "invalid syntax");
    err->status = 1;
    int ccol = char_col_line(f, lineno, bcol);
    for (size_t i = 0; i < tl->len; i++) {
        const Token *t = &tl->toks[i];
        if (t->type == TOK_NL || t->type == TOK_COMMENT || t->type == TOK_ENCODING
            || t->type == TOK_NEWLINE || t->type == TOK_INDENT || t->type == TOK_DEDENT
            || t->type == TOK_ENDMARKER)
            continue;
        if (t->lineno < lineno || (t->lineno == lineno && t->col < ccol))
            continue;
        invalid_tok(f, t, err);
        return;
    }
}

/* Turn the parsed Module into what the mode compiles: the Module itself,
 * an Expression (eval) or an Interactive (single).  NULL with err set
 * when the source is not what the mode accepts: the module grammar is
 * parsed, then held to eval_input / single_input, with CPython's errors
 * placed at the token where its parser of those rules stops. */
static AstNode *apply_mode(Front *f, const TokenList *tl, AstNode *mod, LsMode mode,
                           LsSyntaxError *err)
{
    AstSeq *body = mod->v.Module.body;
    if (mode == LS_MODE_EXEC)
        return mod;
    if (body->len == 0) {
        set_str(err->type, sizeof err->type, "SyntaxError");
        set_str(err->msg, sizeof err->msg, "invalid syntax");
        err->status = 1;
        err->text = arena_strdup(f->a, "");
        return NULL;
    }
    AstNode *first = body->items[0];
    if (mode == LS_MODE_EVAL) {
        /* a ';' only ever separates statements: eval_input has none */
        bool semi = false;
        for (size_t i = 0; i < tl->len && !semi; i++)
            semi = tl->toks[i].type == TOK_SEMI;
        if (body->len == 1 && first->kind == AST_Expr && !semi) {
            AstNode *e = ast_new(f->a, AST_Expression);
            e->v.Expression.body = first->v.Expr.value;
            return e;
        }
        const AstNode *at = first;     /* where the expression stops */
        int line = first->lineno, col = first->col_offset;
        if (first->kind == AST_Expr) {
            /* the first token after the expression (NEWLINEs skipped) */
            line = first->end_lineno;
            col = first->end_col_offset;
        } else if (first->kind == AST_Assign) {
            at = first->v.Assign.targets->items[0];
            line = at->end_lineno;
            col = at->end_col_offset;
        } else if (first->kind == AST_AugAssign || first->kind == AST_AnnAssign) {
            at = first->kind == AST_AugAssign ? first->v.AugAssign.target
                                              : first->v.AnnAssign.target;
            line = at->end_lineno;
            col = at->end_col_offset;
        }
        invalid_at(f, tl, line, col, err);
        return NULL;
    }
    /* single: one compound statement, or the simple statements of the
     * first logical line */
    int n = 1;
    while (n < body->len && !is_compound(first)
           && ((AstNode *)body->items[n])->lineno == ((AstNode *)body->items[n - 1])->end_lineno
           && !is_compound(body->items[n]))
        n++;
    if (n < body->len) {
        if (is_compound(first)) {
            AstNode *next = body->items[1];
            invalid_at(f, tl, next->lineno, next->col_offset, err);
            return NULL;
        }
        AstNode *last = body->items[n - 1];
        set_str(err->type, sizeof err->type, "SyntaxError");
        set_str(err->msg, sizeof err->msg,
                "multiple statements found while compiling a single statement");
        err->status = 1;
        err->lineno = err->end_lineno = last->end_lineno;
        err->offset = err->end_offset =
            char_col_line(f, last->end_lineno, last->end_col_offset) + 1;
        err->text = src_line_dup(f, last->end_lineno);
        return NULL;
    }
    AstNode *i = ast_new(f->a, AST_Interactive);
    i->v.Interactive.body = body;
    return i;
}

/* Is the parse tree deeper than pyparse writes (CST_MAX_DEPTH, counted
 * on the uncollapsed tree)?  A chain of single-child nodes never repeats
 * a rule (that would be a left recursion that consumes nothing), so the
 * uncollapsed depth is at most CST_NRULES times the collapsed one; only
 * when that bound passes the limit is the tree parsed again, uncollapsed,
 * to count exactly. */
static bool too_deep(Front *f, const TokenList *tl, const CstNode *root)
{
    int d = cst_depth(root, CST_MAX_DEPTH);
    if ((long)d * CST_NRULES <= CST_MAX_DEPTH)
        return false;
    if (d > CST_MAX_DEPTH)
        return true;
    Arena tmp;
    arena_init(&tmp);
    ParseOptions o = {false, f->src, f->len};
    ParseError pe;
    CstNode *full = parse_tokens(tl, &tmp, &o, &pe);
    bool deep = full && cst_depth(full, CST_MAX_DEPTH) > CST_MAX_DEPTH;
    free(pe.text);
    arena_free(&tmp);
    return deep;
}

/* The back half, from an AST: symbol tables, CFG, assembly.  t0 is the
 * CPU time the stage timing (opt->stats) continues from; srclen the source
 * bytes the stats count. */
static LsCode *back_stages(Front *f, AstNode *mod, const char *filename, LsSyntaxError *err,
                           double t0, size_t srclen)
{
    Arena *a = f->a;
    LsFrontStats *st = f->opt->stats;
    Diag d;
    double t1;
#define LAP(i)                            \
    do {                                  \
        if (st) {                         \
            t1 = cpu_now();               \
            st->secs[i] += t1 - t0;       \
            t0 = t1;                      \
        }                                 \
    } while (0)

    /* symbol tables */
    memset(&d, 0, sizeof d);
    SymTable *symt = sym_build(mod, filename, a, &d);
    if (!symt) {
        from_diag(err, &d, a);
        err->text = src_line_dup(f, d.lineno);
        return NULL;
    }
    LAP(3);

    /* control-flow graph */
    CfgOptions copt = {f->opt->optimize, cfg_warn};
    memset(&d, 0, sizeof d);
    CfgModule *m = cfg_compile(mod, symt, filename, &copt, a, &d);
    if (!m) {
        if (!d.type) {
            snprintf(err->msg, sizeof err->msg, "pycfg: %s:%d: %s", filename, d.lineno, d.msg);
            set_str(err->type, sizeof err->type, "SyntaxError");
            err->status = 2;
            return NULL;
        }
        from_diag(err, &d, a);
        err->text = src_line_dup(f, d.lineno);
        return NULL;
    }
    LAP(4);

    /* assembled code */
    AsmFile *af = ls_cfg_from_module(m, a);
    asm_assemble(af, filename, a);
    LAP(5);
#undef LAP
    if (st) {
        st->bytes += (double)srclen;
        st->files++;
    }
    return af->module->code;
}

/* The stages proper; errors return NULL with *err filled (status 1 or 2). */
static LsCode *run_stages(Front *f, const char *filename, LsMode mode, LsSyntaxError *err)
{
    Arena *a = f->a;
    LsFrontStats *st = f->opt->stats;
    size_t srclen = f->len;
    double t0 = st ? cpu_now() : 0, t1;
#define LAP(i)                            \
    do {                                  \
        if (st) {                         \
            t1 = cpu_now();               \
            st->secs[i] += t1 - t0;       \
            t0 = t1;                      \
        }                                 \
    } while (0)

    /* tokens */
    TokenList toks;
    Diag d;
    memset(&d, 0, sizeof d);
    TokWarning *warnings = NULL;
    TokStatus ts = (f->opt->text ? tok_tokenize_text : tok_tokenize)(f->src, f->len, filename,
                                                                    a, &toks, &d, &warnings);
    if (f->opt->warn)
        for (TokWarning *w = warnings; w; w = w->next)
            f->opt->warn(f->opt->warn_ctx, filename, w->lineno, w->category, w->msg,
                         filename[0] == '<' ? NULL : w->text);
    if (ts == TOK_STATUS_UNSUPPORTED) {
        snprintf(err->msg, sizeof err->msg, "pytok: %s: %s", filename, d.msg);
        set_str(err->type, sizeof err->type, "SyntaxError");
        err->status = 2;
        free(toks.toks);
        return NULL;
    }
    if (ts == TOK_STATUS_ERROR) {
        from_diag(err, &d, a);
        tok_error_attrs(f, err);
        free(toks.toks);
        return NULL;
    }
    LAP(0);
    /* from here on, source lines (SyntaxError texts) are the decoded text
     * of a source in another encoding (CPython's .text is a str); a UTF-8
     * source stays as it is, BOM included, as python3 FILE shows it */
    if (toks.text && toks.encoding && strcmp(toks.encoding, "utf-8") != 0) {
        f->src = toks.text;
        f->len = toks.text_len;
    }

    /* parse tree */
    /* the parser collapses single-child chains as it goes (what pyast's
     * cst_collapse does to pyparse's output) */
    ParseOptions popt = {true, f->src, f->len};
    ParseError pe;
    CstNode *root = parse_tokens(&toks, a, &popt, &pe);
    if (!root) {
        parse_error_attrs(f, &toks, &pe);
        free(toks.toks);
        if (pe.type && strcmp(pe.type, "MemoryError") == 0) {
            set_str(err->type, sizeof err->type, "MemoryError");
            err->status = 1;
            free(pe.text);
            return NULL;
        }
        set_str(err->type, sizeof err->type, pe.type ? pe.type : "SyntaxError");
        set_str(err->msg, sizeof err->msg, pe.msg);
        err->lineno = pe.lineno;
        err->offset = pe.col + 1;
        err->end_lineno = pe.end_lineno;
        err->end_offset = pe.end_lineno ? pe.end_col + 1 : 0;
        if (pe.text && !pe.text_is_local)
            err->text = src_line_dup(f, pe.lineno);
        if (pe.text && !err->text) {
            /* an f-string field's "(expr)": CPython's text ends in a newline */
            size_t n = strlen(pe.text);
            char *t = arena_alloc(a, n + 2);
            memcpy(t, pe.text, n);
            if (pe.text_is_local && (n == 0 || pe.text[n - 1] != '\n'))
                t[n++] = '\n';
            t[n] = '\0';
            err->text = t;
        }
        err->status = 1;
        free(pe.text);
        return NULL;
    }
    if (too_deep(f, &toks, root)) {
        free(toks.toks);
        set_str(err->type, sizeof err->type, "RecursionError");
        set_str(err->msg, sizeof err->msg, "maximum recursion depth exceeded during compilation");
        err->status = 1;
        return NULL;
    }
    LAP(1);

    /* AST */
    BuildError be;
    memset(&be, 0, sizeof be);
    AstNode *mod = astb_from_cst(root, a, &be);
    if (!mod) {
        free(toks.toks);
        set_str(err->type, sizeof err->type, "SyntaxError");
        set_str(err->msg, sizeof err->msg, be.msg);
        err->status = be.malformed ? 2 : 1;
        err->lineno = be.lineno;
        err->offset = char_col_line(f, be.lineno, be.col) + 1;
        err->end_lineno = be.end_lineno;
        if (be.end_lineno)
            err->end_offset = char_col_line(f, be.end_lineno, be.end_col) + 1;
        else {
            /* CPython's location of a single token: the end is the start */
            err->end_lineno = err->lineno;
            err->end_offset = err->offset;
        }
        err->text = src_line_dup(f, be.lineno);
        return NULL;
    }
    mod = apply_mode(f, &toks, mod, mode, err);
    free(toks.toks);
    if (!mod)
        return NULL;
    LAP(2);
    if (f->ast_only) {
        f->ast = mod;
        return NULL;
    }
#undef LAP
    return back_stages(f, mod, filename, err, t0, srclen);
}

/* run_stages under a trap for ls_die(): on a jump, *err describes it. */
static LsCode *run_trapped(Front *f, const char *filename, LsMode mode, LsSyntaxError *err)
{
    jmp_buf jb;
    LsDieTrap trap;
    memset(&trap, 0, sizeof trap);
    trap.jb = &jb;
    LsDieTrap *outer = ls_die_trap;
    ls_die_trap = &trap;
    if (setjmp(jb) == 0) {
        LsCode *code = f->tree ? back_stages(f, f->tree, filename, err, 0, 0)
                               : run_stages(f, filename, mode, err);
        ls_die_trap = outer;
        return code;
    }
    /* a stage called ls_die(): out of memory, or data it refuses */
    ls_die_trap = outer;
    memset(err->type, 0, sizeof err->type);
    err->lineno = err->offset = err->end_lineno = err->end_offset = 0;
    err->text = NULL;
    if (strcmp(trap.msg, "out of memory") == 0) {
        set_str(err->type, sizeof err->type, "MemoryError");
        err->msg[0] = '\0';
        err->status = 1;
    } else {
        set_str(err->type, sizeof err->type, "SyntaxError");
        snprintf(err->msg, sizeof err->msg, "%s", trap.msg);
        err->status = 2;
    }
    return NULL;
}

LsCode *ls_compile_ex(const char *src, size_t len, const char *filename, LsMode mode,
                      const LsCompileOptions *opt, Arena *a, LsSyntaxError *err)
{
    static const LsCompileOptions defaults = {1, NULL, NULL, NULL, false};
    memset(err, 0, sizeof *err);
    const char *name = filename ? filename : "<string>";
    set_str(err->filename, sizeof err->filename, name);
    Front f = {src, len, opt ? opt : &defaults, a, false, NULL, NULL};
    Front *saved = cur_front;
    cur_front = &f;
    LsCode *code = run_trapped(&f, arena_strdup(a, name), mode, err);
    cur_front = saved;
    return code;
}

LsCode *ls_compile_tree(struct AstNode *mod, const char *filename, Arena *a, LsSyntaxError *err)
{
    static const LsCompileOptions defaults = {1, NULL, NULL, NULL, false};
    memset(err, 0, sizeof *err);
    const char *name = filename ? filename : "<string>";
    set_str(err->filename, sizeof err->filename, name);
    Front f = {"", 0, &defaults, a, false, NULL, mod};
    Front *saved = cur_front;
    cur_front = &f;
    LsCode *code = run_trapped(&f, arena_strdup(a, name), LS_MODE_EXEC, err);
    cur_front = saved;
    return code;
}

struct AstNode *ls_parse_ast(const char *src, size_t len, const char *filename, LsMode mode,
                             const LsCompileOptions *opt, Arena *a, LsSyntaxError *err)
{
    static const LsCompileOptions defaults = {1, NULL, NULL, NULL, false};
    memset(err, 0, sizeof *err);
    const char *name = filename ? filename : "<string>";
    set_str(err->filename, sizeof err->filename, name);
    Front f = {src, len, opt ? opt : &defaults, a, true, NULL, NULL};
    Front *saved = cur_front;
    cur_front = &f;
    (void)run_trapped(&f, arena_strdup(a, name), mode, err);
    cur_front = saved;
    return err->type[0] || err->msg[0] ? NULL : f.ast;
}

LsCode *ls_compile(const char *src, size_t len, const char *filename, LsMode mode, Arena *a,
                   LsSyntaxError *err)
{
    return ls_compile_ex(src, len, filename, mode, NULL, a, err);
}
