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
#include <stdint.h>
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

/* Skips blanks, counting newlines.  The hottest loop of the reader: an
 * indented dump is mostly spaces, so the cursor lives in a register. */
static void skip_ws_slow(Reader *r)
{
    const char *p = r->p, *end = r->end;
    long lineno = r->lineno;
    while (p < end) {
        char c = *p;
        if (c == ' ') {
            /* indentation comes in runs: eight blanks at a time */
            uint64_t w;
            p++;
            while (end - p >= 8 && (memcpy(&w, p, 8), w == 0x2020202020202020u))
                p += 8;
        } else if (c == '\t' || c == '\r')
            p++;
        else if (c == '\n') {
            lineno++;
            p++;
        } else
            break;
    }
    r->p = p;
    r->lineno = lineno;
}

/* Most calls find no blank at all: that test is inlined. */
static inline void skip_ws(Reader *r)
{
    if (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\t' || *r->p == '\r'))
        skip_ws_slow(r);
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

/* ASCII letters, digits and '_' (isalnum() goes through the locale). */
#define W_ 1   /* a letter, '_' or a digit */
#define WD 2   /* a digit */
static const unsigned char word_class[256] = {
    ['0'] = W_ | WD, ['1'] = W_ | WD, ['2'] = W_ | WD, ['3'] = W_ | WD,
    ['4'] = W_ | WD, ['5'] = W_ | WD, ['6'] = W_ | WD, ['7'] = W_ | WD,
    ['8'] = W_ | WD, ['9'] = W_ | WD, ['_'] = W_,
    ['A'] = W_, ['B'] = W_, ['C'] = W_, ['D'] = W_, ['E'] = W_, ['F'] = W_,
    ['G'] = W_, ['H'] = W_, ['I'] = W_, ['J'] = W_, ['K'] = W_, ['L'] = W_,
    ['M'] = W_, ['N'] = W_, ['O'] = W_, ['P'] = W_, ['Q'] = W_, ['R'] = W_,
    ['S'] = W_, ['T'] = W_, ['U'] = W_, ['V'] = W_, ['W'] = W_, ['X'] = W_,
    ['Y'] = W_, ['Z'] = W_,
    ['a'] = W_, ['b'] = W_, ['c'] = W_, ['d'] = W_, ['e'] = W_, ['f'] = W_,
    ['g'] = W_, ['h'] = W_, ['i'] = W_, ['j'] = W_, ['k'] = W_, ['l'] = W_,
    ['m'] = W_, ['n'] = W_, ['o'] = W_, ['p'] = W_, ['q'] = W_, ['r'] = W_,
    ['s'] = W_, ['t'] = W_, ['u'] = W_, ['v'] = W_, ['w'] = W_, ['x'] = W_,
    ['y'] = W_, ['z'] = W_,
};

static bool is_word_char(unsigned char c)
{
    return word_class[c] & W_;
}

/* An identifier word at p (ASCII: node kinds and field names). */
static size_t word_len(Reader *r)
{
    const char *q = r->p;
    if (q >= r->end || word_class[(unsigned char)*q] != W_)
        return 0;
    while (q < r->end && is_word_char((unsigned char)*q))
        q++;
    return (size_t)(q - r->p);
}

/* True when the NUL-terminated name is exactly the w bytes at p. */
static bool name_is(const char *name, const char *p, size_t w)
{
    for (size_t i = 0; i < w; i++)   /* p holds no NUL: stops at name's end */
        if (name[i] != p[i])
            return false;
    return name[w] == '\0';
}

/* Node kind by name: ast_kind_by_name() is a linear scan with strlen();
 * this is an open-addressed hash table over ast_kinds, built on first use. */
#define KIND_TABLE 512
static unsigned short kind_table[KIND_TABLE];  /* AstKind, 0 = empty slot */

static unsigned kind_hash(const char *p, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 16777619u;
    return h;
}

static AstKind kind_by_name(const char *p, size_t n)
{
    if (!kind_table[0]) {
        /* slot 0 doubles as the "built" flag: probing starts elsewhere */
        for (int k = 1; k < AST_NKINDS; k++) {
            const char *name = ast_kinds[k].name;
            unsigned i = kind_hash(name, strlen(name)) % (KIND_TABLE - 1) + 1;
            while (kind_table[i])
                i = i % (KIND_TABLE - 1) + 1;
            kind_table[i] = (unsigned short)k;
        }
        kind_table[0] = 1;
    }
    unsigned i = kind_hash(p, n) % (KIND_TABLE - 1) + 1;
    while (kind_table[i]) {
        if (name_is(ast_kinds[kind_table[i]].name, p, n))
            return (AstKind)kind_table[i];
        i = i % (KIND_TABLE - 1) + 1;
    }
    return AST_NONE_;
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
    /* fast path: a plain decimal of at most 9 digits, as positions are */
    skip_ws(r);
    const char *p = r->p;
    if (p < r->end && *p >= '0' && *p <= '9') {
        int v = 0, nd = 0;
        const char *q = p;
        /* at most 9 digits here: a 10th could overflow int; the slow path
         * below judges longer numbers */
        while (q < r->end && *q >= '0' && *q <= '9' && nd < 9) {
            v = v * 10 + (*q - '0');
            q++;
            nd++;
        }
        if ((*p != '0' || nd == 1) &&
            (q == r->end || *q == ',' || *q == ')' || *q == ']' || *q == ' ' ||
             *q == '\n')) {
            r->p = q;
            return v;
        }
    }
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
    AstKind k = kind_by_name(r->p, n);
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
                /* ast.dump writes the fields, then the attributes, in
                 * order: try the one expected next before searching */
                if (next_pos < nf) {
                    if (name_is(ast_fields[first + next_pos].name, r->p, w))
                        fidx = next_pos;
                } else if (next_pos < nf + 4 && ast_kinds[k].has_pos &&
                           name_is(attr_names[next_pos - nf], r->p, w)) {
                    aidx = next_pos - nf;
                }
                for (int i = 0; fidx < 0 && aidx < 0 && i < nf; i++)
                    if (name_is(ast_fields[first + i].name, r->p, w)) {
                        fidx = i;
                        break;
                    }
                if (fidx < 0 && aidx < 0 && ast_kinds[k].has_pos)
                    for (int i = 0; i < 4; i++)
                        if (name_is(attr_names[i], r->p, w))
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
    AstKind k = n ? kind_by_name(r.p, n) : AST_NONE_;
    if (k == AST_NONE_ || ast_kinds[k].sum != SUM_mod)
        fail(&r, "expected Module, Interactive, Expression or FunctionType");
    AstNode *mod = read_node(&r, SUM_mod, "module");
    skip_ws(&r);
    if (r.p < r.end)
        fail(&r, "unexpected text after the AST");
    return mod;
}
