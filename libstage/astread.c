/* libstage/astread.c: the reader of the AST text (format "ast",
 * formats/ast.md), used by pysym and pycfg: ast_read() of astio.h.
 *
 * The text is what ast.dump() prints, with or without attributes, with any
 * indent (or none), fields by keyword or by position:
 *
 *   value  := Kind '(' [arg (',' arg)*] ')'    a node
 *           | '[' [value (',' value)*] ']'     a list
 *           | constant                         repr(): 'x', 1, None, ...
 *   arg    := [name '='] value
 *
 * Generic over the descriptor tables of ast.h (ast_kinds, ast_fields), so a
 * new node kind in ast.def needs no change here.  Fields ast.dump leaves out
 * (None optional fields, absent end positions) keep their defaults: NULL,
 * 0, an empty list, -1 for end positions.
 */
#include "libstage/astio.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/repr.h"

/* Reader state: a cursor over the text. */
typedef struct Reader {
    const char *p;               /* next byte */
    const char *end;             /* one past the last byte */
    long lineno;                 /* input line of p */
    const char *name;            /* input name for messages */
    Arena *arena;                /* where nodes go */
    int depth;                   /* nesting, to refuse absurd depths */
} Reader;

#define MAX_DEPTH 3000

static noreturn void fail(Reader *r, const char *fmt, ...) LS_PRINTF(2, 3);

static noreturn void fail(Reader *r, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ls_die(LS_EXIT_USAGE, "%s:%ld: %s", r->name, r->lineno, msg);
}

static void skip_ws(Reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\t' || *r->p == '\r')) {
        if (*r->p == '\n')
            r->lineno++;
        r->p++;
    }
}

static void expect(Reader *r, char c)
{
    skip_ws(r);
    if (r->p >= r->end)
        fail(r, "unexpected end of input: expected '%c' (truncated AST?)", c);
    if (*r->p != c)
        fail(r, "expected '%c', found '%c'", c, *r->p);
    r->p++;
}

static bool is_ident_start(int c)
{
    return isalpha(c) || c == '_';
}

/* An identifier word at p (ASCII: node kinds and field names). */
static size_t word_len(Reader *r)
{
    const char *q = r->p;
    if (q >= r->end || !is_ident_start((unsigned char)*q))
        return 0;
    while (q < r->end && (isalnum((unsigned char)*q) || *q == '_'))
        q++;
    return (size_t)(q - r->p);
}

/* Count the newlines between a and b (inside constants). */
static void count_lines(Reader *r, const char *a, const char *b)
{
    for (; a < b; a++)
        if (*a == '\n')
            r->lineno++;
}

/* constant := repr() of a Python constant (repr_parse.c) */
static Const *read_const(Reader *r)
{
    skip_ws(r);
    if (r->p >= r->end)
        fail(r, "unexpected end of input: expected a value (truncated AST?)");
    Const *c = arena_alloc(r->arena, sizeof *c);
    const char *err = NULL, *start = r->p;
    if (!ls_parse_const(r->arena, &r->p, r->end, c, &err))
        fail(r, "bad constant: %s", err ? err : "?");
    count_lines(r, start, r->p);
    return c;
}

/* A str constant, returned NUL-terminated (identifiers, strings). */
static const char *read_str(Reader *r, const char *field)
{
    Const *c = read_const(r);
    if (c->kind != CONST_STR)
        fail(r, "field '%s' needs a string", field);
    if (memchr(c->u.s.data, '\0', c->u.s.len))
        fail(r, "field '%s': NUL in a name", field);
    return c->u.s.data;
}

static int read_int(Reader *r, const char *field)
{
    Const *c = read_const(r);
    if (c->kind == CONST_TRUE || c->kind == CONST_FALSE)
        return c->kind == CONST_TRUE;
    if (c->kind != CONST_INT)
        fail(r, "field '%s' needs an int", field);
    const char *s = c->u.i;
    long v = strtol(s, NULL, 10);
    if (strlen(s) > 10 || v > 2147483647L || v < -2147483647L)
        fail(r, "field '%s': int out of range", field);
    return (int)v;
}

static bool at_none(Reader *r)
{
    skip_ws(r);
    if (r->end - r->p >= 4 && memcmp(r->p, "None", 4) == 0 &&
        (r->p + 4 == r->end || !(isalnum((unsigned char)r->p[4]) || r->p[4] == '_'))) {
        r->p += 4;
        return true;
    }
    return false;
}

static AstNode *read_node(Reader *r, AstSum want, const char *field);

/* value := node | constant | None   (one value of field fi, not a list) */
static void read_item(Reader *r, const AstFieldInfo *fi, void *slot, bool may_be_none)
{
    if (fi->type == SUM_int) {
        if (may_be_none && at_none(r)) {
            *(int *)slot = 0;
            return;
        }
        *(int *)slot = read_int(r, fi->name);
        return;
    }
    if (may_be_none && at_none(r)) {
        *(void **)slot = NULL;
        return;
    }
    switch (fi->type) {
    case SUM_identifier: {
        const char *id = read_str(r, fi->name);
        for (const char *q = id; *q; q++)
            if ((unsigned char)*q <= ' ' || *q == 0x7f)
                fail(r, "field '%s': not an identifier", fi->name);
        if (!*id)
            fail(r, "field '%s': empty identifier", fi->name);
        *(const char **)slot = id;
        break;
    }
    case SUM_string:
        *(const char **)slot = read_str(r, fi->name);
        break;
    case SUM_constant:
        *(Const **)slot = read_const(r);
        break;
    default:
        *(AstNode **)slot = read_node(r, fi->type, fi->name);
        break;
    }
}

/* Dict.keys and arguments.kw_defaults may hold None items. */
static bool seq_allows_none(const AstFieldInfo *fi)
{
    return (fi->kind == AST_Dict && strcmp(fi->name, "keys") == 0) ||
           (fi->kind == AST_arguments && strcmp(fi->name, "kw_defaults") == 0);
}

/* list := '[' [value (',' value)*] ']'   (value may be None where allowed) */
static AstSeq *read_seq(Reader *r, const AstFieldInfo *fi)
{
    expect(r, '[');
    void **items = NULL;
    int n = 0, cap = 0;
    skip_ws(r);
    if (r->p < r->end && *r->p == ']') {
        r->p++;
    } else {
        for (;;) {
            if (n == cap) {
                /* from the arena, so that fail() leaks nothing */
                void **bigger = arena_alloc(r->arena, (size_t)(cap ? cap * 2 : 8) * sizeof *items);
                if (n)
                    memcpy(bigger, items, (size_t)n * sizeof *items);
                items = bigger;
                cap = cap ? cap * 2 : 8;
            }
            void *slot = NULL;
            if (fi->type == SUM_int)
                fail(r, "field '%s': unexpected list", fi->name);
            read_item(r, fi, &slot, seq_allows_none(fi));
            items[n++] = slot;
            skip_ws(r);
            if (r->p >= r->end)
                fail(r, "unexpected end of input in a list (truncated AST?)");
            if (*r->p == ',') {
                r->p++;
                continue;
            }
            if (*r->p == ']') {
                r->p++;
                break;
            }
            fail(r, "expected ',' or ']' in the list of '%s', found '%c'", fi->name, *r->p);
        }
    }
    AstSeq *s = ast_seq_new(r->arena, n);
    for (int i = 0; i < n; i++)
        s->items[i] = items[i];
    return s;
}

static const char *const attr_names[] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};

/* node := Kind '(' [arg (',' arg)*] ')'
 * arg  := [name '='] value      (a field, or one of the four attributes) */
static AstNode *read_node(Reader *r, AstSum want, const char *field)
{
    skip_ws(r);
    if (r->p >= r->end)
        fail(r, "unexpected end of input: expected a node (truncated AST?)");
    size_t n = word_len(r);
    if (!n)
        fail(r, "expected a node for '%s', found '%c'", field, *r->p);
    AstKind k = ast_kind_by_name(r->p, n);
    if (k == AST_NONE_)
        fail(r, "unknown node kind '%.*s'", (int)n, r->p);
    if (ast_kinds[k].sum != want)
        fail(r, "field '%s' holds %s nodes, not %s (%s)", field, ast_sum_names[want],
             ast_kinds[k].name, ast_sum_names[ast_kinds[k].sum]);
    r->p += n;
    if (++r->depth > MAX_DEPTH)
        fail(r, "AST nested too deeply");
    AstNode *node = ast_new(r->arena, k);
    int first = ast_first_field(k), nf = ast_kinds[k].nfields;
    bool seen[16] = {false};
    bool seen_attr[4] = {false};
    int next_pos = 0;              /* for positional fields */
    expect(r, '(');
    skip_ws(r);
    if (r->p < r->end && *r->p == ')') {
        r->p++;
    } else {
        for (;;) {
            skip_ws(r);
            size_t w = word_len(r);
            const char *q = r->p + w;
            while (q < r->end && *q == ' ')
                q++;
            int fidx = -1, aidx = -1;
            if (w && q < r->end && *q == '=') {
                for (int i = 0; i < nf; i++)
                    if (strlen(ast_fields[first + i].name) == w &&
                        memcmp(ast_fields[first + i].name, r->p, w) == 0)
                        fidx = i;
                if (fidx < 0 && ast_kinds[k].has_pos)
                    for (int i = 0; i < 4; i++)
                        if (strlen(attr_names[i]) == w && memcmp(attr_names[i], r->p, w) == 0)
                            aidx = i;
                if (fidx < 0 && aidx < 0)
                    fail(r, "%s has no field '%.*s'", ast_kinds[k].name, (int)w, r->p);
                r->p = q + 1;
            } else {
                fidx = next_pos;
                if (fidx >= nf) {
                    /* positional attributes follow the fields */
                    aidx = fidx - nf;
                    fidx = -1;
                    if (!ast_kinds[k].has_pos || aidx >= 4)
                        fail(r, "too many values for %s", ast_kinds[k].name);
                }
            }
            if (fidx >= 0) {
                const AstFieldInfo *fi = &ast_fields[first + fidx];
                if (seen[fidx])
                    fail(r, "field '%s' given twice", fi->name);
                seen[fidx] = true;
                void *slot = AST_FIELD_PTR(node, fi);
                if (fi->card == CARD_SEQ)
                    *(AstSeq **)slot = read_seq(r, fi);
                else
                    read_item(r, fi, slot, fi->card == CARD_OPT);
                next_pos = fidx + 1;
            } else {
                if (seen_attr[aidx])
                    fail(r, "attribute '%s' given twice", attr_names[aidx]);
                seen_attr[aidx] = true;
                int v = at_none(r) ? -1 : read_int(r, attr_names[aidx]);
                int *slots[4] = {&node->lineno, &node->col_offset, &node->end_lineno,
                                 &node->end_col_offset};
                *slots[aidx] = v;
                next_pos = nf + aidx + 1;
            }
            skip_ws(r);
            if (r->p >= r->end)
                fail(r, "unexpected end of input in %s (truncated AST?)", ast_kinds[k].name);
            if (*r->p == ',') {
                r->p++;
                continue;
            }
            if (*r->p == ')') {
                r->p++;
                break;
            }
            fail(r, "expected ',' or ')' in %s, found '%c'", ast_kinds[k].name, *r->p);
        }
    }
    for (int i = 0; i < nf; i++) {
        const AstFieldInfo *fi = &ast_fields[first + i];
        if (seen[i])
            continue;
        if (fi->card == CARD_SEQ)
            *(AstSeq **)AST_FIELD_PTR(node, fi) = ast_seq_new(r->arena, 0);
        else if (fi->card == CARD_ONE && fi->type != SUM_int)
            fail(r, "%s lacks its field '%s'", ast_kinds[k].name, fi->name);
    }
    r->depth--;
    return node;
}

AstNode *ast_read(const char *p, const char *end, long first_lineno,
                  const char *name, Arena *a)
{
    Reader r = {p, end, first_lineno, name, a, 0};
    skip_ws(&r);
    if (r.p >= r.end)
        fail(&r, "empty AST");
    size_t n = word_len(&r);
    AstKind k = n ? ast_kind_by_name(r.p, n) : AST_NONE_;
    if (k == AST_NONE_ || ast_kinds[k].sum != SUM_mod)
        fail(&r, "expected Module, Interactive, Expression or FunctionType");
    AstNode *mod = read_node(&r, SUM_mod, "module");
    skip_ws(&r);
    if (r.p < r.end)
        fail(&r, "unexpected text after the AST");
    return mod;
}
