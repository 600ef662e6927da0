/* libstage/cst.c: the concrete syntax tree (format "cst", formats/cst.md):
 * rule names, the text writer and reader, the Graphviz writer, collapsing of
 * single-child chains, and the f-string scanner shared by pyparse and pyast.
 */
#include "libstage/cst.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/repr.h"
#include "libstage/unicode.h"

const char *const cst_rule_names[CST_NRULES] = {
    "<token>",
#define CST_NAME_(r) #r,
    CST_RULES(CST_NAME_)
#undef CST_NAME_
};

static const char *const tok_names[TOK_NTYPES] = {
#define TOK(name, str) #name,
#include "libstage/tokens.def"
#undef TOK
};

/* --- rule lookup: a small open-addressing hash table ------------------- */

enum { RULE_HASH = 512 };
static short rule_hash[RULE_HASH];
static bool rule_hash_ready;

static unsigned hash_name(const char *s, size_t len)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

CstRule cst_rule_by_name(const char *s, size_t len)
{
    if (!rule_hash_ready) {
        for (int r = 1; r < CST_NRULES; r++) {
            const char *n = cst_rule_names[r];
            unsigned h = hash_name(n, strlen(n)) % RULE_HASH;
            while (rule_hash[h])
                h = (h + 1) % RULE_HASH;
            rule_hash[h] = (short)r;
        }
        rule_hash_ready = true;
    }
    unsigned h = hash_name(s, len) % RULE_HASH;
    while (rule_hash[h]) {
        const char *n = cst_rule_names[rule_hash[h]];
        if (strlen(n) == len && memcmp(n, s, len) == 0)
            return (CstRule)rule_hash[h];
        h = (h + 1) % RULE_HASH;
    }
    return CST_LEAF;
}

static TokType tok_by_name(const char *s, size_t len)
{
    for (int t = 0; t < TOK_NTYPES; t++)
        if (strlen(tok_names[t]) == len && memcmp(tok_names[t], s, len) == 0)
            return (TokType)t;
    return TOK_NTYPES;
}

/* --- collapse ----------------------------------------------------------- */

/* Follow a chain of single-child nodes down to its end. */
static CstNode *chain_end(CstNode *n)
{
    while (n->rule != CST_LEAF && n->nkids == 1)
        n = n->kids[0];
    return n;
}

CstNode *cst_collapse(CstNode *root)
{
    /* Iterative with an explicit stack of nodes whose kids still need
     * collapsing, so that any depth of tree is safe. */
    size_t cap = 64, top = 0;
    CstNode **stack = ls_xmalloc(cap * sizeof *stack);
    stack[top++] = root;
    while (top > 0) {
        CstNode *n = stack[--top];
        for (int i = 0; i < n->nkids; i++) {
            CstNode *k = chain_end(n->kids[i]);
            n->kids[i] = k;
            if (k->rule == CST_LEAF || k->nkids == 0)
                continue;
            if (top == cap) {
                cap *= 2;
                stack = ls_xrealloc(stack, cap * sizeof *stack);
            }
            stack[top++] = k;
        }
    }
    free(stack);
    return root;
}

/* --- writing ------------------------------------------------------------ */

/* The text writer: a private output buffer, flushed with fwrite. */
typedef struct CstOut {
    FILE *f;
    char *buf;           /* pending bytes */
    size_t len, cap;
    long count;          /* node lines written */
    Buf repr;            /* scratch for a leaf's repr */
} CstOut;

static void out_flush(CstOut *o)
{
    fwrite(o->buf, 1, o->len, o->f);
    o->len = 0;
}

static inline void out_put(CstOut *o, const char *s, size_t n)
{
    if (o->len + n > o->cap) {
        out_flush(o);
        if (n > o->cap) {
            fwrite(s, 1, n, o->f);
            return;
        }
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static inline void out_int(CstOut *o, int v)
{
    char tmp[16];
    int i = (int)sizeof tmp;
    unsigned u = v < 0 ? 0u : (unsigned)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    out_put(o, tmp + i, sizeof tmp - (size_t)i);
}

static void out_indent(CstOut *o, int depth)
{
    static const char spaces[] = "                                                                ";
    while (depth > 0) {
        int k = depth < (int)sizeof spaces - 1 ? depth : (int)sizeof spaces - 1;
        out_put(o, spaces, (size_t)k);
        depth -= k;
    }
}

/* One line for node n at the given depth (its kids are written after). */
static void write_line(CstOut *o, const CstNode *n, int depth)
{
    out_indent(o, depth);
    o->count++;
    if (n->rule != CST_LEAF) {
        const char *name = cst_rule_names[n->rule];
        out_put(o, name, strlen(name));
        out_put(o, "\n", 1);
        return;
    }
    const char *tn = tok_names[n->type];
    out_put(o, tn, strlen(tn));
    out_put(o, " ", 1);
    o->repr.len = 0;
    ls_repr_str(&o->repr, n->str, n->len);
    out_put(o, o->repr.data, o->repr.len);
    out_put(o, " ", 1);
    out_int(o, n->lineno);
    out_put(o, ",", 1);
    out_int(o, n->col);
    out_put(o, "-", 1);
    out_int(o, n->end_lineno);
    out_put(o, ",", 1);
    out_int(o, n->end_col);
    out_put(o, "\n", 1);
}

/* A node being walked: the next kid to visit. */
typedef struct WalkFrame {
    const CstNode *node; /* an interior node whose line is written */
    int next;            /* index of its next kid to write */
    long id;             /* Graphviz writer: the node's id */
} WalkFrame;

/* Grow a walk stack of *cap frames when top has reached it. */
static WalkFrame *walk_grow(WalkFrame *st, size_t top, size_t *cap)
{
    if (top < *cap)
        return st;
    *cap *= 2;
    return ls_xrealloc(st, *cap * sizeof *st);
}

/* Pre-order walk with an explicit stack: any depth of tree is safe. */
static void write_tree(CstOut *o, const CstNode *root)
{
    size_t cap = 64, top = 0;
    WalkFrame *st = ls_xmalloc(cap * sizeof *st);
    write_line(o, root, 0);
    if (root->rule != CST_LEAF)
        st[top++] = (WalkFrame){root, 0, 0};
    while (top > 0) {
        WalkFrame *f = &st[top - 1];
        if (f->next >= f->node->nkids) {
            top--;
            continue;
        }
        const CstNode *k = f->node->kids[f->next++];
        write_line(o, k, (int)top);
        if (k->rule != CST_LEAF) {
            st = walk_grow(st, top, &cap);
            st[top++] = (WalkFrame){k, 0, 0};
        }
    }
    free(st);
}

void cst_write(FILE *out, const CstNode *root)
{
    CstOut o = {out, NULL, 0, 1 << 16, 0, BUF_INIT};
    o.buf = ls_xmalloc(o.cap);
    write_tree(&o, root);
    char tail[32];
    int k = snprintf(tail, sizeof tail, "%%end %ld\n", o.count);
    out_put(&o, tail, (size_t)k);
    out_flush(&o);
    free(o.buf);
    buf_free(&o.repr);
}

/* The Graphviz node line for n, numbered id. */
static void dot_label(FILE *out, const CstNode *n, long id, Buf *b)
{
    if (n->rule != CST_LEAF) {
        fprintf(out, "  n%ld [label=\"%s\"];\n", id, cst_rule_names[n->rule]);
    } else {
        b->len = 0;
        buf_putc(b, 0);
        b->len = 0;
        for (size_t i = 0; i < n->len; i++) {
            char c = n->str[i];
            if (c == '"' || c == '\\')
                buf_putc(b, '\\');
            if (c == '\n')
                buf_puts(b, "\\\\n");
            else
                buf_putc(b, c);
        }
        fprintf(out, "  n%ld [shape=box, label=\"%s\\n%s\"];\n", id,
                tok_names[n->type], b->data);
    }
}

void cst_write_dot(FILE *out, const CstNode *root)
{
    long next = 0;
    Buf b = BUF_INIT;
    buf_putc(&b, 0);
    fputs("digraph cst {\n  node [fontname=\"monospace\"];\n", out);
    /* Pre-order numbering; a node's edge to a kid follows the kid's subtree. */
    size_t cap = 64, top = 0;
    WalkFrame *st = ls_xmalloc(cap * sizeof *st);
    dot_label(out, root, next, &b);
    st[top++] = (WalkFrame){root, 0, next++};
    while (top > 0) {
        WalkFrame *f = &st[top - 1];
        if (f->next < f->node->nkids) {
            const CstNode *k = f->node->kids[f->next++];
            dot_label(out, k, next, &b);
            st = walk_grow(st, top, &cap);
            st[top++] = (WalkFrame){k, 0, next++};
            continue;
        }
        long id = f->id;
        top--;
        if (top > 0)
            fprintf(out, "  n%ld -> n%ld;\n", st[top - 1].id, id);
    }
    free(st);
    fputs("}\n", out);
    buf_free(&b);
}

/* --- reading ------------------------------------------------------------ */

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

const char *cst_read_strrepr(const char **p, const char *end, Buf *b)
{
    const char *q = *p;
    if (q >= end || (*q != '\'' && *q != '"'))
        return "expected a quoted string";
    char quote = *q++;
    for (;;) {
        const char *run = q;
        while (q < end && *q != quote && *q != '\\')
            q++;
        buf_put(b, run, (size_t)(q - run));
        if (q >= end)
            return "unterminated string";
        char c = *q++;
        if (c == quote)
            break;
        if (q >= end)
            return "unterminated string";
        c = *q++;
        int n = 0;
        switch (c) {
        case 'n': buf_putc(b, '\n'); break;
        case 'r': buf_putc(b, '\r'); break;
        case 't': buf_putc(b, '\t'); break;
        case '\\': case '\'': case '"': buf_putc(b, c); break;
        case 'x': n = 2; break;
        case 'u': n = 4; break;
        case 'U': n = 8; break;
        default: return "bad escape in string";
        }
        if (n) {
            uint32_t cp = 0;
            for (int i = 0; i < n; i++) {
                int h = q < end ? hexval((unsigned char)*q) : -1;
                if (h < 0)
                    return "bad escape in string";
                cp = cp * 16 + (uint32_t)h;
                q++;
            }
            char u[4];
            int k = ls_utf8_encode(cp, u);
            if (k == 0)
                return "bad escape in string";
            buf_put(b, u, (size_t)k);
        }
    }
    *p = q;
    return NULL;
}

/* A node being read, with its children collected in a growable array. */
typedef struct Open {
    CstNode *node;
    CstNode **kids;
    int n, cap;
} Open;

/* The sentinel, and the padded empty kids array every leaf points into. */
static CstNode *sentinel_kids[1 + CST_KIDS_PAD];
CstNode cst_sentinel = {CST_LEAF, 0, sentinel_kids + 1, TOK_ERRORTOKEN, "", 0, 0, 0, 0, 0};

static CstNode **padded_kids(Arena *a, CstNode *const *kids, int n)
{
    CstNode **arr = arena_alloc(a, (size_t)(n + 1 + CST_KIDS_PAD) * sizeof *arr);
    for (int i = 0; i < n + 1 + CST_KIDS_PAD; i++)
        arr[i] = &cst_sentinel;
    if (n)
        memcpy(arr + 1, kids, (size_t)n * sizeof *arr);
    return arr + 1;
}

static void close_open(Arena *a, Open *o)
{
    o->node->nkids = o->n;
    o->node->kids = padded_kids(a, o->kids, o->n);
    o->n = 0;
}

static void add_kid(Open *o, CstNode *k)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 8;
        o->kids = ls_xrealloc(o->kids, (size_t)o->cap * sizeof *o->kids);
    }
    o->kids[o->n++] = k;
}

CstNode *cst_read(const Input *in, size_t body, Arena *a)
{
    LineCursor c;
    const char *line;
    size_t len;
    Buf b = BUF_INIT;
    Open *stack = NULL;
    int depth = 0, cap = 0;      /* stack[0..depth) are the open nodes */
    CstNode *root = NULL;
    long count = 0;
    bool ended = false;
    const char *err = NULL;
    if (!sentinel_kids[0])
        for (int i = 0; i < 1 + CST_KIDS_PAD; i++)
            sentinel_kids[i] = &cst_sentinel;
    ls_lines_init(&c, in->data + body, in->data + in->len, 2);
    while (ls_lines_next(&c, &line, &len)) {
        const char *p = line, *end = line + len;
        if (ended) {
            err = "text after %end";
            goto bad;
        }
        if (len > 5 && memcmp(line, "%end ", 5) == 0) {
            int n;
            p += 5;
            if (!ls_scan_uint(&p, end, &n) || p != end) {
                err = "bad %end line";
                goto bad;
            }
            if (n != count) {
                err = "node count does not match %end: input damaged";
                goto bad;
            }
            ended = true;
            continue;
        }
        int d = (int)strspn(p, " ");
        if (p + d > end)
            d = (int)(end - p);
        p += d;
        if (p == end) {
            err = "empty line";
            goto bad;
        }
        if (d > CST_MAX_DEPTH) {
            err = "parse tree nested too deeply";
            goto bad;
        }
        if (d > depth || (d == 0 && root)) {
            err = d == 0 ? "a second root node" : "indentation skips a level";
            goto bad;
        }
        while (depth > d) {
            depth--;
            close_open(a, &stack[depth]);
        }
        CstNode *n = arena_alloc(a, sizeof *n);
        count++;
        const char *w = p;
        while (p < end && *p != ' ')
            p++;
        if (*w >= 'a' && *w <= 'z') {
            n->rule = cst_rule_by_name(w, (size_t)(p - w));
            if (n->rule == CST_LEAF || p != end) {
                err = "unknown rule name";
                goto bad;
            }
        } else {
            n->rule = CST_LEAF;
            n->kids = sentinel_kids + 1;
            n->type = tok_by_name(w, (size_t)(p - w));
            if (n->type == TOK_NTYPES || p >= end) {
                err = "unknown token type";
                goto bad;
            }
            p++;
            b.len = 0;
            if ((err = cst_read_strrepr(&p, end, &b)))
                goto bad;
            buf_putc(&b, 0);
            n->str = arena_strndup(a, b.data, b.len - 1);
            n->len = b.len - 1;
            if (p >= end || *p++ != ' ' || !ls_scan_uint(&p, end, &n->lineno) ||
                p >= end || *p++ != ',' || !ls_scan_uint(&p, end, &n->col) ||
                p >= end || *p++ != '-' || !ls_scan_uint(&p, end, &n->end_lineno) ||
                p >= end || *p++ != ',' || !ls_scan_uint(&p, end, &n->end_col) || p != end) {
                err = "expected a position L,C-EL,EC after the token";
                goto bad;
            }
        }
        if (d == 0)
            root = n;
        else
            add_kid(&stack[d - 1], n);
        if (n->rule != CST_LEAF) {
            if (depth == cap) {
                cap = cap ? cap * 2 : 64;
                stack = ls_xrealloc(stack, (size_t)cap * sizeof *stack);
                memset(stack + depth, 0, (size_t)(cap - depth) * sizeof *stack);
            }
            stack[depth].node = n;
            stack[depth].n = 0;
            depth++;
        } else if (d == 0) {
            err = "the root is a token";
            goto bad;
        }
    }
    if (!ended) {
        err = "truncated parse tree: no %end line";
        c.lineno++;
        goto bad;
    }
    if (!root) {
        err = "empty parse tree";
        goto bad;
    }
    while (depth > 0) {
        depth--;
        close_open(a, &stack[depth]);
    }
    for (int i = 0; i < cap; i++)
        free(stack[i].kids);
    free(stack);
    buf_free(&b);
    return root;
bad:
    ls_die(LS_EXIT_USAGE, "%s:%ld: %s", in->name, c.lineno, err);
}

/* --- f-string scanner ---------------------------------------------------- */

static void fs_push(FsScan *sc, FsPiece pc)
{
    if (sc->n == sc->cap) {
        sc->cap = sc->cap ? sc->cap * 2 : 8;
        sc->pieces = ls_xrealloc(sc->pieces, (size_t)sc->cap * sizeof *sc->pieces);
    }
    sc->pieces[sc->n++] = pc;
}

static void fs_error(FsScan *sc, const char *msg, size_t at)
{
    if (!sc->err) {
        sc->err = msg;
        sc->err_at = at;
    }
}

static void fs_parse(FsScan *sc, const char *s, size_t *i, size_t end, bool raw, int lvl);

/* One replacement field at s[*i] == '{' (CPython's fstring_find_expr). */
static void fs_field(FsScan *sc, const char *s, size_t *i, size_t end, bool raw, int lvl)
{
    char stackc[200];
    int depth = 0;
    char quote = 0;
    int qlen = 0;
    if (lvl >= 2) {
        fs_error(sc, "f-string: expressions nested too deeply", *i);
        return;
    }
    size_t brace = *i;
    size_t k = ++*i;
    for (; k < end; k++) {
        char ch = s[k];
        if (ch == '\\') {
            fs_error(sc, "f-string expression part cannot include a backslash", k);
            return;
        }
        if (quote) {
            if (ch == quote) {
                if (qlen == 3) {
                    if (k + 2 < end && s[k + 1] == ch && s[k + 2] == ch) {
                        k += 2;
                        quote = 0;
                    }
                } else {
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (k + 2 < end && s[k + 1] == ch && s[k + 2] == ch) {
                qlen = 3;
                k += 2;
            } else {
                qlen = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= 200) {
                fs_error(sc, "f-string: too many nested parenthesis", k);
                return;
            }
            stackc[depth++] = ch;
        } else if (ch == '#') {
            fs_error(sc, "f-string expression part cannot include '#'", k);
            return;
        } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' ||
                                  ch == '=' || ch == '>' || ch == '<')) {
            if (k + 1 < end) {
                char nx = s[k + 1];
                if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && nx == '=') {
                    k++;
                    continue;
                }
            }
            if (ch == '>' || ch == '<')
                continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                fs_error(sc, ch == ']' ? "f-string: unmatched ']'"
                         : ch == ')' ? "f-string: unmatched ')'" : "f-string: unmatched '}'", k);
                return;
            }
            char o = stackc[--depth];
            if (!((o == '(' && ch == ')') || (o == '[' && ch == ']') || (o == '{' && ch == '}'))) {
                fs_error(sc, "f-string: closing parenthesis does not match opening parenthesis", k);
                return;
            }
        }
    }
    size_t expr_end = k;
    if (quote) {
        fs_error(sc, "f-string: unterminated string", k);
        return;
    }
    if (depth) {
        fs_error(sc, stackc[depth - 1] == '(' ? "f-string: unmatched '('"
                 : stackc[depth - 1] == '[' ? "f-string: unmatched '['" : "f-string: unmatched '{'", k);
        return;
    }
    if (k >= end) {
        fs_error(sc, "f-string: expecting '}'", k);
        return;
    }
    size_t q = brace + 1;
    while (q < expr_end && (s[q] == ' ' || s[q] == '\t' || s[q] == '\n' || s[q] == '\f' || s[q] == '\r'))
        q++;
    if (q == expr_end) {
        fs_error(sc, "f-string: empty expression not allowed", k);
        return;
    }
    FsPiece pc = {FS_FIELD, brace + 1, expr_end, brace, 0, -1};
    int at = sc->n;
    fs_push(sc, pc);
    if (s[k] == '=') {
        k++;
        while (k < end && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\f' || s[k] == '\r'))
            k++;
        sc->pieces[at].debug_end = k;
    }
    if (k < end && s[k] == '!') {
        k++;
        if (k >= end) {
            fs_error(sc, "f-string: expecting '}'", k);
            return;
        }
        char conv = s[k++];
        if (conv != 's' && conv != 'r' && conv != 'a') {
            fs_error(sc, "f-string: invalid conversion character: expected 's', 'r', or 'a'", k - 1);
            return;
        }
        sc->pieces[at].conversion = conv;
    }
    if (k >= end) {
        fs_error(sc, "f-string: expecting '}'", k);
        return;
    }
    if (s[k] == ':') {
        k++;
        if (k >= end) {
            fs_error(sc, "f-string: expecting '}'", k);
            return;
        }
        FsPiece sp = {FS_SPEC, k, k, 0, 0, -1};
        fs_push(sc, sp);
        fs_parse(sc, s, &k, end, raw, lvl + 1);
        if (sc->err)
            return;
    } else if (sc->pieces[at].debug_end && sc->pieces[at].conversion < 0) {
        sc->pieces[at].conversion = 'r';
    }
    if (k >= end || s[k] != '}') {
        fs_error(sc, "f-string: expecting '}'", k);
        return;
    }
    FsPiece e = {FS_END, k, k + 1, 0, 0, -1};
    fs_push(sc, e);
    *i = k + 1;
}

/* Literal text and fields until the end (lvl 0) or a '}' (a format spec). */
static void fs_parse(FsScan *sc, const char *s, size_t *i, size_t end, bool raw, int lvl)
{
    size_t k = *i;
    while (k < end && !sc->err) {
        size_t start = k;
        while (k < end) {
            char ch = s[k];
            if (!raw && ch == '\\' && k + 1 < end) {
                k += 2;
                if (s[k - 1] == 'N' && k < end && s[k] == '{') {
                    while (k < end && s[k] != '}')
                        k++;
                    if (k < end)
                        k++;
                }
                continue;
            }
            if (ch == '{' || ch == '}') {
                if (lvl == 0) {
                    if (k + 1 < end && s[k + 1] == ch) {
                        FsPiece pc = {FS_LITERAL, start, k + 1, 0, 0, -1};
                        fs_push(sc, pc);
                        k += 2;
                        start = k;
                        continue;
                    }
                    if (ch == '}') {
                        fs_error(sc, "f-string: single '}' is not allowed", k);
                        return;
                    }
                }
                break;
            }
            k++;
        }
        if (k > start) {
            FsPiece pc = {FS_LITERAL, start, k, 0, 0, -1};
            fs_push(sc, pc);
        }
        if (k >= end)
            break;
        if (s[k] == '}')
            break;  /* the end of a format spec */
        fs_field(sc, s, &k, end, raw, lvl);
    }
    *i = k;
}

void cst_fstring_scan(const char *s, size_t len, FsScan *sc)
{
    memset(sc, 0, sizeof *sc);
    size_t i = 0;
    bool raw = false;
    while (i < len && s[i] != '\'' && s[i] != '"') {
        if (s[i] == 'r' || s[i] == 'R')
            raw = true;
        i++;
    }
    if (i >= len)
        return;
    size_t q = (i + 2 < len && s[i + 1] == s[i] && s[i + 2] == s[i]) ? 3 : 1;
    size_t start = i + q, end = len >= q ? len - q : 0;
    if (end < start)
        end = start;
    size_t k = start;
    fs_parse(sc, s, &k, end, raw, 0);
    if (!sc->err && k < end)
        fs_error(sc, "f-string: single '}' is not allowed", k);
}

/* ---- depth ---- */

int cst_depth(const CstNode *root, int limit)
{
    typedef struct { const CstNode *n; int next; } Frame; /* node, next kid */
    size_t cap = 64, top = 0;
    Frame *st = ls_xmalloc(cap * sizeof *st);
    int deepest = 0;
    st[top++] = (Frame){root, 0};
    while (top > 0 && deepest <= limit) {
        Frame *f = &st[top - 1];
        if (f->n->rule == CST_LEAF || f->next >= f->n->nkids) {
            top--;
            continue;
        }
        const CstNode *k = f->n->kids[f->next++];
        if (top == cap) {
            cap *= 2;
            st = ls_xrealloc(st, cap * sizeof *st);
        }
        st[top++] = (Frame){k, 0};
        if ((int)top - 1 > deepest)
            deepest = (int)top - 1;
    }
    free(st);
    return deepest;
}
