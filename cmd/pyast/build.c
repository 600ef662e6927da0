/* cmd/pyast/build.c: the AST stage: concrete syntax tree -> AST.
 *
 * Reads the collapsed CST (format "cst", every node with one child replaced
 * by the child) and builds CPython 3.11's AST with CPython's positions: a
 * node spans its first to its last significant token (NEWLINE, INDENT and
 * DEDENT do not count); parentheses of a group are not part of the inner
 * expression; f-string parts take the position of the whole string group.
 */
#include "cmd/pyast/build.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/common.h"
#include "libstage/ucd.h"
#include "libstage/unicode.h"
#include "cmd/pyast/uninames.h"

typedef struct B {
    Arena *a;            /* where the AST's nodes go */
    jmp_buf jb;          /* where berror() goes */
    BuildError *err;     /* the caller's error */
} B;

/* A growable list of items, turned into an AstSeq at the end. */
typedef struct Vec {
    void **items;        /* heap array (tracked as "live", below) */
    int n, cap;          /* items used, allocated */
} Vec;

/* Heap blocks and buffers of the build in progress (Vec arrays, f-string
 * scans, string buffers), freed when a SyntaxError longjmps out of it.
 * (One build at a time: pyast is single-threaded.) */
static void **live;
static int nlive, caplive;
static Buf *live_bufs[16];
static int nlive_bufs;

static void live_add(void *p)
{
    if (nlive == caplive) {
        caplive = caplive ? caplive * 2 : 64;
        live = ls_xrealloc(live, (size_t)caplive * sizeof *live);
    }
    live[nlive++] = p;
}

static void live_del(void *p)
{
    for (int i = nlive - 1; i >= 0; i--)
        if (live[i] == p) {
            live[i] = live[--nlive];
            return;
        }
}

static void live_buf(Buf *b)
{
    if (nlive_bufs < (int)(sizeof live_bufs / sizeof live_bufs[0]))
        live_bufs[nlive_bufs++] = b;
}

static void live_buf_done(Buf *b)
{
    if (nlive_bufs > 0 && live_bufs[nlive_bufs - 1] == b)
        nlive_bufs--;
    buf_free(b);
}

static void live_free_all(void)
{
    for (int i = 0; i < nlive; i++)
        free(live[i]);
    for (int i = 0; i < nlive_bufs; i++)
        buf_free(live_bufs[i]);
    free(live);
    live = NULL;
    nlive = caplive = nlive_bufs = 0;
}

static void vpush(Vec *v, void *x)
{
    if (v->n == v->cap) {
        void *old = v->items;
        v->cap = v->cap ? v->cap * 2 : 8;
        v->items = ls_xrealloc(v->items, (size_t)v->cap * sizeof *v->items);
        if (old)
            live_del(old);
        live_add(v->items);
    }
    v->items[v->n++] = x;
}

static void vfree(Vec *v)
{
    if (v->items) {
        live_del(v->items);
        free(v->items);
    }
    v->items = NULL;
    v->n = v->cap = 0;
}

static AstSeq *vseq(B *b, Vec *v)
{
    AstSeq *s = ast_seq_new(b->a, v->n);
    if (v->n)
        memcpy(s->items, v->items, (size_t)v->n * sizeof(void *));
    vfree(v);
    return s;
}

static AstSeq *empty(B *b)
{
    return ast_seq_new(b->a, 0);
}

/* --- CST helpers ---------------------------------------------------------- */

static inline bool is_leaf(const CstNode *n)
{
    return n->rule == CST_LEAF;
}

static inline bool leaf_is(const CstNode *n, TokType t)
{
    return n->rule == CST_LEAF && n->type == t;
}

static inline bool kw_is(const CstNode *n, const char *kw)
{
    return n->rule == CST_LEAF && n->type == TOK_NAME && strcmp(n->str, kw) == 0;
}

static bool skippable(const CstNode *n)
{
    return n->rule == CST_LEAF && (n->type == TOK_NEWLINE || n->type == TOK_INDENT ||
                                   n->type == TOK_DEDENT || n->type == TOK_ENDMARKER);
}

static const CstNode *first_leaf(const CstNode *n)
{
    while (!is_leaf(n)) {
        int i = 0;
        while (i < n->nkids - 1 && skippable(n->kids[i]))
            i++;
        n = n->kids[i];
    }
    return n;
}

static const CstNode *last_leaf(const CstNode *n)
{
    if (is_leaf(n))
        return n;
    if (n->rule == CST_fstring)   /* its STRING token, not the fields in it */
        return n->kids[0];
    for (int i = n->nkids - 1; i >= 0; i--) {
        const CstNode *k = n->kids[i];
        if (skippable(k))
            continue;
        const CstNode *l = last_leaf(k);
        if (l)
            return l;
    }
    return NULL;
}

static void pos_span(AstNode *x, const CstNode *from, const CstNode *to)
{
    const CstNode *f = first_leaf(from), *l = last_leaf(to);
    if (!l)
        l = f;
    x->lineno = f->lineno;
    x->col_offset = f->col;
    x->end_lineno = l->end_lineno;
    x->end_col_offset = l->end_col;
}

static void pos(AstNode *x, const CstNode *n)
{
    pos_span(x, n, n);
}

static AstNode *mk(B *b, AstKind k, const CstNode *n)
{
    AstNode *x = ast_new(b->a, k);
    if (n)
        pos(x, n);
    return x;
}

static noreturn void berror(B *b, const CstNode *n, const char *fmt, ...) LS_PRINTF(3, 4);

static noreturn void berror(B *b, const CstNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->err->msg, sizeof b->err->msg, fmt, ap);
    va_end(ap);
    const CstNode *f = first_leaf(n), *l = last_leaf(n);
    b->err->lineno = f->lineno;
    b->err->col = f->col;
    b->err->end_lineno = l ? l->end_lineno : 0;
    b->err->end_col = l ? l->end_col : 0;
    longjmp(b->jb, 1);
}

static noreturn void berror_ast(B *b, const AstNode *x, const char *fmt, ...) LS_PRINTF(3, 4);
static noreturn void berror_after(B *b, const CstNode *n, const char *fmt, ...) LS_PRINTF(3, 4);

/* An error CPython raises while decoding a string: one caret where the
 * token after the string group starts (here: where the group ends). */
static noreturn void berror_after(B *b, const CstNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->err->msg, sizeof b->err->msg, fmt, ap);
    va_end(ap);
    const CstNode *l = last_leaf(n);
    b->err->lineno = l->end_lineno;
    b->err->col = l->end_col;
    b->err->end_lineno = 0;
    b->err->end_col = 0;
    longjmp(b->jb, 1);
}

static noreturn void berror_ast(B *b, const AstNode *x, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->err->msg, sizeof b->err->msg, fmt, ap);
    va_end(ap);
    b->err->lineno = x->lineno;
    b->err->col = x->col_offset;
    b->err->end_lineno = x->end_lineno;
    b->err->end_col = x->end_col_offset;
    longjmp(b->jb, 1);
}

/* The tree does not have the shape pyparse gives it: exit 2, not a
 * SyntaxError.  (Reached through cst_sentinel or an unexpected node.) */
static noreturn void bad_tree(B *b, const CstNode *n)
{
    const CstNode *f = n->rule == CST_LEAF ? n : first_leaf(n);
    snprintf(b->err->msg, sizeof b->err->msg, "malformed parse tree");
    b->err->malformed = true;
    b->err->lineno = f->lineno;
    longjmp(b->jb, 1);
}

/* An identifier's text in the arena: a non-ASCII one in NFKC, as CPython's
 * parser stores identifiers (libstage/ucd.h). */
static const char *ident_str(B *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            Buf t = BUF_INIT;
            ls_ucd_nfkc_utf8(s, len, &t);
            const char *r = arena_strndup(b->a, t.data ? t.data : "", t.len);
            buf_free(&t);
            return r;
        }
    return arena_strndup(b->a, s, len);
}

static const char *ident(B *b, const CstNode *n)
{
    if (n->rule != CST_LEAF || n->type != TOK_NAME)
        bad_tree(b, n);
    return ident_str(b, n->str, n->len);
}

static AstNode *op_node(B *b, AstKind k)
{
    if (k == AST_NONE_)
        bad_tree(b, &cst_sentinel);
    return ast_new(b->a, k);
}

/* --- constants ------------------------------------------------------------ */

static Const *new_const(B *b, ConstKind k)
{
    Const *c = arena_alloc(b->a, sizeof *c);
    c->kind = k;
    return c;
}

/* Digits of an integer literal in base 2, 8 or 16, as decimal. */
static const char *int_to_decimal(B *b, const char *s, size_t len, int base)
{
    /* Little-endian limbs of 10^9. */
    uint32_t *limb = ls_xcalloc(len + 2, sizeof *limb);
    int n = 1;
    for (size_t i = 0; i < len; i++) {
        int c = (unsigned char)s[i], d;
        if (c == '_')
            continue;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else
            d = c - 'A' + 10;
        uint64_t carry = (uint64_t)d;
        for (int k = 0; k < n; k++) {
            uint64_t v = (uint64_t)limb[k] * (uint64_t)base + carry;
            limb[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry) {
            limb[n++] = (uint32_t)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    Buf out = BUF_INIT;
    buf_printf(&out, "%u", limb[n - 1]);
    for (int k = n - 2; k >= 0; k--)
        buf_printf(&out, "%09u", limb[k]);
    free(limb);
    char *r = arena_strdup(b->a, out.data);
    buf_free(&out);
    return r;
}

static Const *number_const(B *b, const CstNode *n)
{
    const char *s = n->str;
    size_t len = n->len;
    char *clean = ls_xmalloc(len + 1);
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] != '_')
            clean[k++] = s[i];
    clean[k] = '\0';
    if (k == 0) {
        free(clean);
        bad_tree(b, n);
    }
    Const *c;
    if (k > 1 && clean[0] == '0' && (clean[1] == 'x' || clean[1] == 'X' || clean[1] == 'o' ||
                                     clean[1] == 'O' || clean[1] == 'b' || clean[1] == 'B')) {
        int base = (clean[1] == 'x' || clean[1] == 'X') ? 16 : (clean[1] == 'o' || clean[1] == 'O') ? 8 : 2;
        c = new_const(b, CONST_INT);
        c->u.i = int_to_decimal(b, clean + 2, k - 2, base);
    } else if (clean[k - 1] == 'j' || clean[k - 1] == 'J') {
        clean[k - 1] = '\0';
        c = new_const(b, CONST_COMPLEX);
        c->u.c.real = 0;
        c->u.c.imag = strtod(clean, NULL);
    } else if (strpbrk(clean, ".eE")) {
        c = new_const(b, CONST_FLOAT);
        c->u.f = strtod(clean, NULL);
    } else {
        c = new_const(b, CONST_INT);
        const char *p = clean;
        while (p[0] == '0' && p[1])
            p++;
        c->u.i = arena_strdup(b->a, p);
    }
    free(clean);
    return c;
}

/* --- string literals ------------------------------------------------------ */

typedef struct StrPrefix {
    bool raw, bytes, fmt, u;
    size_t body, body_end;   /* the text between the quotes */
} StrPrefix;

static StrPrefix str_prefix(const CstNode *n)
{
    StrPrefix sp = {false, false, false, false, 0, 0};
    const char *s = n->str;
    size_t i = 0;
    while (i < n->len && s[i] != '\'' && s[i] != '"') {
        switch (s[i]) {
        case 'r': case 'R': sp.raw = true; break;
        case 'b': case 'B': sp.bytes = true; break;
        case 'f': case 'F': sp.fmt = true; break;
        case 'u': case 'U': sp.u = true; break;
        }
        i++;
    }
    if (i >= n->len) {           /* not a string literal at all */
        sp.body = sp.body_end = n->len;
        return sp;
    }
    size_t q = (i + 2 < n->len && s[i + 1] == s[i] && s[i + 2] == s[i]) ? 3 : 1;
    sp.body = i + q;
    sp.body_end = n->len >= q ? n->len - q : sp.body;
    if (sp.body_end < sp.body)
        sp.body_end = sp.body;
    return sp;
}

/* Decode the escapes of s[0..len) into out (str: UTF-8; bytes: raw). */
static void decode_escapes(B *b, const CstNode *at, Buf *out, const char *s, size_t len,
                           bool raw, bool bytes)
{
    const size_t esc_base = 0;   /* offset of s in the decoded text, for messages */
    size_t i = 0;
    while (i < len) {
        char c = s[i];
        if (c != '\\' || raw) {
            if (c == '\r') {
                /* the tokenizer turns \r\n into \n */
                if (i + 1 < len && s[i + 1] == '\n') {
                    i++;
                    continue;
                }
                buf_putc(out, '\n');
                i++;
                continue;
            }
            buf_putc(out, c);
            i++;
            continue;
        }
        if (i + 1 >= len) {
            buf_putc(out, '\\');
            i++;
            continue;
        }
        char e = s[i + 1];
        i += 2;
        uint32_t cp;
        int nd;
        switch (e) {
        case '\n': break;
        case '\r': if (i < len && s[i] == '\n') i++; break;
        case '\\': buf_putc(out, '\\'); break;
        case '\'': buf_putc(out, '\''); break;
        case '"': buf_putc(out, '"'); break;
        case 'a': buf_putc(out, '\a'); break;
        case 'b': buf_putc(out, '\b'); break;
        case 'f': buf_putc(out, '\f'); break;
        case 'n': buf_putc(out, '\n'); break;
        case 'r': buf_putc(out, '\r'); break;
        case 't': buf_putc(out, '\t'); break;
        case 'v': buf_putc(out, '\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            cp = (uint32_t)(e - '0');
            for (nd = 1; nd < 3 && i < len && s[i] >= '0' && s[i] <= '7'; nd++, i++)
                cp = cp * 8 + (uint32_t)(s[i] - '0');
            goto put;
        case 'x': nd = 2; goto hex;
        case 'u': nd = bytes ? 0 : 4; goto hex;
        case 'U': nd = bytes ? 0 : 8; goto hex;
        case 'N':
            if (!bytes) {
                /* \N{name} */
                size_t q = i;
                if (q < len && s[q] == '{') {
                    const char *close = memchr(s + q, '}', len - q);
                    if (close && uni_lookup(s + q + 1, (size_t)(close - s - q - 1), &cp)) {
                        i = (size_t)(close - s) + 1;
                        goto put;
                    }
                }
                berror_after(b, at, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                       "position %zu-%zu: %s", i - 2 + esc_base,
                       (q < len && s[q] == '{' && memchr(s + q, '}', len - q)
                            ? (size_t)((const char *)memchr(s + q, '}', len - q) - s) : len - 1) + esc_base,
                       q < len && s[q] == '{' && memchr(s + q, '}', len - q)
                           ? "unknown Unicode character name" : "malformed \\N character escape");
            }
            /* fall through */
        default:
            buf_putc(out, '\\');
            buf_putc(out, e);
            break;
        hex:
            if (nd == 0) {
                buf_putc(out, '\\');
                buf_putc(out, e);
                break;
            }
            cp = 0;
            for (int k = 0; k < nd; k++) {
                int h = i < len ? s[i] : 0;
                int v = (h >= '0' && h <= '9') ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                        : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
                if (v < 0) {
                    size_t start = i - 2 - (size_t)k;
                    if (bytes)
                        berror_after(b, at, "(value error) invalid \\x escape at position %zu",
                                     start + esc_base);
                    berror_after(b, at, "(unicode error) 'unicodeescape' codec can't decode bytes "
                                 "in position %zu-%zu: truncated \\%c%s escape",
                                 start + esc_base, i - 1 + esc_base, e,
                                 e == 'x' ? "XX" : e == 'u' ? "XXXX" : "XXXXXXXX");
                }
                cp = cp * 16 + (uint32_t)v;
                i++;
            }
            if (!bytes && cp > 0x10FFFF)
                berror_after(b, at, "(unicode error) 'unicodeescape' codec can't decode bytes "
                             "in position %zu-%zu: illegal Unicode character",
                             i - 2 - (size_t)nd + esc_base, i - 1 + esc_base);
        put:
            if (bytes) {
                buf_putc(out, (char)(cp & 0xff));
            } else {
                char u[4];
                int k = ls_utf8_encode(cp, u);
                if (!k)
                    berror_after(b, at, "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character");
                buf_put(out, u, (size_t)k);
            }
            break;
        }
    }
}

static Const *str_const(B *b, Buf *s, bool bytes)
{
    Const *c = new_const(b, bytes ? CONST_BYTES : CONST_STR);
    c->u.s.data = arena_strndup(b->a, s->data ? s->data : "", s->len);
    c->u.s.len = s->len;
    return c;
}

static AstNode *b_expr(B *b, const CstNode *n, AstKind ctx);

/* State of a string concatenation (CPython's FstringParser). */
typedef struct StrState {
    Buf last;            /* pending literal text */
    bool have_last;      /* last holds text (possibly empty) */
    Vec values;          /* JoinedStr values so far */
    const CstNode *first, *lastn; /* the tokens whose span the parts take */
    const char *kind;    /* "u" when the first token starts with 'u' */
} StrState;

static void flush_last(B *b, StrState *st)
{
    if (st->have_last && st->last.len > 0) {
        AstNode *c = ast_new(b->a, AST_Constant);
        pos_span(c, st->first, st->lastn);
        c->v.Constant.value = str_const(b, &st->last, false);
        c->v.Constant.kind = st->kind;
        vpush(&st->values, c);
    }
    st->last.len = 0;
    st->have_last = false;
}

/* Pieces of one f-string token from index *i up to the end (spec: to the
 * FS_END of the field).  kids points at the next parsed field expression. */
static void fs_pieces(B *b, StrState *st, const CstNode *tok, const StrPrefix *sp,
                      FsScan *sc, int *i, const CstNode *const **kids, bool spec)
{
    const char *s = tok->str;
    while (*i < sc->n) {
        FsPiece *pc = &sc->pieces[*i];
        if (pc->kind == FS_END) {
            if (spec)
                return;
            (*i)++;
            continue;
        }
        (*i)++;
        if (pc->kind == FS_LITERAL) {
            decode_escapes(b, tok, &st->last, s + pc->start, pc->end - pc->start, sp->raw, false);
            st->have_last = true;
            continue;
        }
        if (pc->kind != FS_FIELD)
            continue;
        const CstNode *e = **kids;
        (*kids)++;
        if (pc->debug_end) {
            buf_put(&st->last, s + pc->start, pc->debug_end - pc->start);
            st->have_last = true;
        }
        flush_last(b, st);
        AstNode *fv = ast_new(b->a, AST_FormattedValue);
        pos_span(fv, st->first, st->lastn);
        fv->v.FormattedValue.value = b_expr(b, e, AST_Load);
        fv->v.FormattedValue.conversion = pc->conversion;
        if (*i < sc->n && sc->pieces[*i].kind == FS_SPEC) {
            (*i)++;
            StrState sub;
            memset(&sub, 0, sizeof sub);
            live_buf(&sub.last);
            sub.first = st->first;   /* parts span the whole group; */
            sub.lastn = st->lastn;   /* the spec itself spans its token */
            sub.kind = st->kind;
            fs_pieces(b, &sub, tok, sp, sc, i, kids, true);
            sub.first = sub.lastn = tok;   /* CPython's Finish(t, t) */
            sub.kind = tok->str[0] == 'u' ? "u" : NULL;
            flush_last(b, &sub);
            live_buf_done(&sub.last);
            AstNode *js = ast_new(b->a, AST_JoinedStr);
            pos(js, tok);
            js->v.JoinedStr.values = vseq(b, &sub.values);
            fv->v.FormattedValue.format_spec = js;
        }
        /* skip the field's FS_END */
        if (*i < sc->n && sc->pieces[*i].kind == FS_END)
            (*i)++;
        vpush(&st->values, fv);
    }
}

/* strings: STRING+ (each an f-string node or a STRING leaf) */
static AstNode *b_strings(B *b, const CstNode *n)
{
    const CstNode *one[1] = {n};
    const CstNode *const *toks = one;
    int ntoks = 1;
    if (n->rule == CST_strings) {
        toks = (const CstNode *const *)n->kids;
        ntoks = n->nkids;
    }
    StrState st;
    memset(&st, 0, sizeof st);
    live_buf(&st.last);
    st.first = toks[0];
    st.lastn = toks[ntoks - 1];
    const CstNode *t0 = toks[0]->rule == CST_fstring ? toks[0]->kids[0] : toks[0];
    if (!leaf_is(t0, TOK_STRING))
        bad_tree(b, t0);
    st.kind = t0->str[0] == 'u' ? "u" : NULL;
    bool fmode = false, bytes = false;
    for (int k = 0; k < ntoks; k++) {
        const CstNode *t = toks[k];
        const CstNode *tok = t->rule == CST_fstring ? t->kids[0] : t;
        if (!leaf_is(tok, TOK_STRING))
            bad_tree(b, t);
        StrPrefix sp = str_prefix(tok);
        if (k == 0)
            bytes = sp.bytes;
        else if (bytes != sp.bytes)
            berror_after(b, n, "cannot mix bytes and nonbytes literals");
        if (!sp.fmt) {
            decode_escapes(b, tok, &st.last, tok->str + sp.body, sp.body_end - sp.body, sp.raw, sp.bytes);
            st.have_last = true;
            continue;
        }
        fmode = true;
        FsScan sc;
        cst_fstring_scan(tok->str, tok->len, &sc);
        if (sc.err) {
            free(sc.pieces);
            berror(b, tok, "%s", sc.err);
        }
        if (sc.pieces)
            live_add(sc.pieces);
        /* one parsed expression per field: a hand-edited tree may have
         * fewer (or a bare STRING with an f prefix and fields) */
        int nfields = 0;
        for (int j = 0; j < sc.n; j++)
            nfields += sc.pieces[j].kind == FS_FIELD;
        if (nfields != (t->rule == CST_fstring ? t->nkids - 1 : 0)) {
            if (sc.pieces)
                live_del(sc.pieces);
            free(sc.pieces);
            bad_tree(b, t);
        }
        const CstNode *const *kids = (const CstNode *const *)(t->rule == CST_fstring ? t->kids + 1 : NULL);
        int i = 0;
        fs_pieces(b, &st, tok, &sp, &sc, &i, &kids, false);
        if (sc.pieces)
            live_del(sc.pieces);
        free(sc.pieces);
    }
    AstNode *r;
    if (!fmode) {
        r = mk(b, AST_Constant, n);
        pos_span(r, st.first, st.lastn);
        r->v.Constant.value = str_const(b, &st.last, bytes);
        r->v.Constant.kind = st.kind;
    } else {
        flush_last(b, &st);
        r = ast_new(b->a, AST_JoinedStr);
        pos_span(r, st.first, st.lastn);
        r->v.JoinedStr.values = vseq(b, &st.values);
    }
    live_buf_done(&st.last);
    vfree(&st.values);
    return r;
}

/* --- targets ------------------------------------------------------------- */

static const char *expr_name(const AstNode *e)
{
    switch (e->kind) {
    case AST_Attribute: return "attribute";
    case AST_Subscript: return "subscript";
    case AST_Starred: return "starred";
    case AST_Name: return "name";
    case AST_List: return "list";
    case AST_Tuple: return "tuple";
    case AST_Lambda: return "lambda";
    case AST_Call: return "function call";
    case AST_BoolOp: case AST_BinOp: case AST_UnaryOp: return "expression";
    case AST_GeneratorExp: return "generator expression";
    case AST_Yield: case AST_YieldFrom: return "yield expression";
    case AST_Await: return "await expression";
    case AST_ListComp: return "list comprehension";
    case AST_SetComp: return "set comprehension";
    case AST_DictComp: return "dict comprehension";
    case AST_Dict: return "dict literal";
    case AST_Set: return "set display";
    case AST_JoinedStr: case AST_FormattedValue: return "f-string expression";
    case AST_Constant: {
        const Const *c = e->v.Constant.value;
        if (c->kind == CONST_NONE) return "None";
        if (c->kind == CONST_TRUE) return "True";
        if (c->kind == CONST_FALSE) return "False";
        if (c->kind == CONST_ELLIPSIS) return "ellipsis";
        return "literal";
    }
    case AST_Compare: return "comparison";
    case AST_IfExp: return "conditional expression";
    case AST_NamedExpr: return "named expression";
    default: return "expression";
    }
}

/* Check that e may be a target with ctx (Store or Del); top is true for the
 * whole target of an assignment statement, where CPython suggests '=='. */
static void check_target(B *b, const AstNode *e, AstKind ctx, bool top_assign)
{
    switch (e->kind) {
    case AST_Name: case AST_Attribute: case AST_Subscript:
        return;
    case AST_Starred:
        if (ctx == AST_Del)
            berror_ast(b, e, "cannot delete starred");
        check_target(b, e->v.Starred.value, ctx, false);
        return;
    case AST_Tuple: case AST_List: {
        AstSeq *s = e->kind == AST_Tuple ? e->v.Tuple.elts : e->v.List.elts;
        for (int i = 0; i < s->len; i++)
            check_target(b, s->items[i], ctx, false);
        return;
    }
    default:
        break;
    }
    const char *what = expr_name(e);
    if (ctx == AST_Del)
        berror_ast(b, e, "cannot delete %s", what);
    if (top_assign && e->kind != AST_Constant)
        berror_ast(b, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", what);
    if (top_assign && e->kind == AST_Constant && strcmp(what, "literal") == 0)
        berror_ast(b, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", what);
    berror_ast(b, e, "cannot assign to %s", what);
}

/* Give e (built with Load) the context ctx, as CPython's set_expr_context. */
static void set_ctx(B *b, AstNode *e, AstKind ctx)
{
    AstNode *c = op_node(b, ctx);
    switch (e->kind) {
    case AST_Name: e->v.Name.ctx = c; break;
    case AST_Attribute: e->v.Attribute.ctx = c; break;
    case AST_Subscript: e->v.Subscript.ctx = c; break;
    case AST_Starred: e->v.Starred.ctx = c; set_ctx(b, e->v.Starred.value, ctx); break;
    case AST_List:
        e->v.List.ctx = c;
        for (int i = 0; i < e->v.List.elts->len; i++)
            set_ctx(b, e->v.List.elts->items[i], ctx);
        break;
    case AST_Tuple:
        e->v.Tuple.ctx = c;
        for (int i = 0; i < e->v.Tuple.elts->len; i++)
            set_ctx(b, e->v.Tuple.elts->items[i], ctx);
        break;
    default:
        break;
    }
}

static AstNode *b_target(B *b, const CstNode *n, AstKind ctx, bool top_assign)
{
    AstNode *e = b_expr(b, n, AST_Load);
    check_target(b, e, ctx, top_assign);
    set_ctx(b, e, ctx);
    return e;
}

/* --- expressions ---------------------------------------------------------- */

/* The items of a comma-separated list node (or the node itself). */
static void items_of(const CstNode *n, CstRule list_rule, Vec *v)
{
    if (n->rule == list_rule) {
        for (int i = 0; i < n->nkids; i++)
            if (!leaf_is(n->kids[i], TOK_COMMA))
                vpush(v, n->kids[i]);
    } else {
        vpush(v, (void *)n);
    }
}

static AstSeq *b_elts(B *b, const CstNode *const *kids, int nk, AstKind ctx)
{
    Vec v = {0};
    for (int i = 0; i < nk; i++) {
        const CstNode *k = kids[i];
        if (leaf_is(k, TOK_COMMA))
            continue;
        if (k->rule == CST_star_named_expressions || k->rule == CST_star_expressions ||
            k->rule == CST_star_targets) {
            for (int j = 0; j < k->nkids; j++)
                if (!leaf_is(k->kids[j], TOK_COMMA))
                    vpush(&v, b_expr(b, k->kids[j], ctx));
        } else {
            vpush(&v, b_expr(b, k, ctx));
        }
    }
    return vseq(b, &v);
}

static AstNode *b_arguments(B *b, const CstNode *n, bool lambda);

static AstSeq *b_comprehensions(B *b, const CstNode *n)
{
    Vec v = {0};
    Vec clauses = {0};
    items_of(n, CST_for_if_clauses, &clauses);
    for (int c = 0; c < clauses.n; c++) {
        const CstNode *k = clauses.items[c];
        AstNode *x = ast_new(b->a, AST_comprehension);
        int i = 0;
        if (kw_is(k->kids[0], "async")) {
            x->v.comprehension.is_async = 1;
            i++;
        }
        i++;  /* 'for' */
        x->v.comprehension.target = b_target(b, k->kids[i++], AST_Store, false);
        i++;  /* 'in' */
        x->v.comprehension.iter = b_expr(b, k->kids[i++], AST_Load);
        Vec ifs = {0};
        while (i + 1 < k->nkids) {
            i++;  /* 'if' */
            vpush(&ifs, b_expr(b, k->kids[i++], AST_Load));
        }
        x->v.comprehension.ifs = vseq(b, &ifs);
        vpush(&v, x);
    }
    vfree(&clauses);
    return vseq(b, &v);
}

/* The arguments of a call between its parentheses. */
static void b_call_args(B *b, const CstNode *n, AstNode *call)
{
    Vec items = {0}, args = {0}, kws = {0};
    if (n->rule == CST_arguments) {
        for (int i = 0; i < n->nkids; i++)
            if (!leaf_is(n->kids[i], TOK_COMMA))
                items_of(n->kids[i], CST_args, &items);
    } else {
        items_of(n, CST_args, &items);
    }
    bool seen_kw = false, seen_dstar = false;
    for (int i = 0; i < items.n; i++) {
        const CstNode *k = items.items[i];
        if (k->rule == CST_kwarg_or_starred || k->rule == CST_kwarg_or_double_starred) {
            AstNode *kw = mk(b, AST_keyword, k);
            if (leaf_is(k->kids[0], TOK_DOUBLESTAR)) {
                kw->v.keyword.value = b_expr(b, k->kids[1], AST_Load);
                seen_dstar = true;
            } else {
                kw->v.keyword.arg = ident(b, k->kids[0]);
                kw->v.keyword.value = b_expr(b, k->kids[2], AST_Load);
                seen_kw = true;
            }
            vpush(&kws, kw);
        } else if (k->rule == CST_starred_expression) {
            if (seen_dstar)
                berror(b, k, "iterable argument unpacking follows keyword argument unpacking");
            vpush(&args, b_expr(b, k, AST_Load));
        } else {
            if (seen_dstar)
                berror(b, k, "positional argument follows keyword argument unpacking");
            if (seen_kw)
                berror(b, k, "positional argument follows keyword argument");
            vpush(&args, b_expr(b, k, AST_Load));
        }
    }
    vfree(&items);
    call->v.Call.args = vseq(b, &args);
    call->v.Call.keywords = vseq(b, &kws);
}

static AstNode *b_slice(B *b, const CstNode *n)
{
    if (leaf_is(n, TOK_COLON)) {
        return mk(b, AST_Slice, n);
    }
    if (n->rule != CST_slice)
        return b_expr(b, n, AST_Load);
    AstNode *x = mk(b, AST_Slice, n);
    int part = 0;
    for (int i = 0; i < n->nkids; i++) {
        const CstNode *k = n->kids[i];
        if (leaf_is(k, TOK_COLON)) {
            part++;
            continue;
        }
        AstNode *e = b_expr(b, k, AST_Load);
        if (part == 0)
            x->v.Slice.lower = e;
        else if (part == 1)
            x->v.Slice.upper = e;
        else
            x->v.Slice.step = e;
    }
    return x;
}

static AstNode *b_slices(B *b, const CstNode *n)
{
    if (n->rule == CST_starred_expression) {
        /* a[*b]: slices' second form, a tuple even with one element */
        AstNode *t = mk(b, AST_Tuple, n);
        AstSeq *s = ast_seq_new(b->a, 1);
        s->items[0] = b_expr(b, n, AST_Load);
        t->v.Tuple.elts = s;
        t->v.Tuple.ctx = op_node(b, AST_Load);
        return t;
    }
    if (n->rule != CST_slices)
        return b_slice(b, n);
    AstNode *t = mk(b, AST_Tuple, n);
    Vec v = {0};
    for (int i = 0; i < n->nkids; i++)
        if (!leaf_is(n->kids[i], TOK_COMMA))
            vpush(&v, b_slice(b, n->kids[i]));
    t->v.Tuple.elts = vseq(b, &v);
    t->v.Tuple.ctx = op_node(b, AST_Load);
    return t;
}

static AstKind binop_kind(TokType t)
{
    switch (t) {
    case TOK_PLUS: return AST_Add;
    case TOK_MINUS: return AST_Sub;
    case TOK_STAR: return AST_Mult;
    case TOK_SLASH: return AST_Div;
    case TOK_DOUBLESLASH: return AST_FloorDiv;
    case TOK_PERCENT: return AST_Mod;
    case TOK_AT: return AST_MatMult;
    case TOK_LEFTSHIFT: return AST_LShift;
    case TOK_RIGHTSHIFT: return AST_RShift;
    case TOK_AMPER: return AST_BitAnd;
    case TOK_VBAR: return AST_BitOr;
    case TOK_CIRCUMFLEX: return AST_BitXor;
    case TOK_DOUBLESTAR: return AST_Pow;
    case TOK_PLUSEQUAL: return AST_Add;
    case TOK_MINEQUAL: return AST_Sub;
    case TOK_STAREQUAL: return AST_Mult;
    case TOK_SLASHEQUAL: return AST_Div;
    case TOK_DOUBLESLASHEQUAL: return AST_FloorDiv;
    case TOK_PERCENTEQUAL: return AST_Mod;
    case TOK_ATEQUAL: return AST_MatMult;
    case TOK_LEFTSHIFTEQUAL: return AST_LShift;
    case TOK_RIGHTSHIFTEQUAL: return AST_RShift;
    case TOK_AMPEREQUAL: return AST_BitAnd;
    case TOK_VBAREQUAL: return AST_BitOr;
    case TOK_CIRCUMFLEXEQUAL: return AST_BitXor;
    case TOK_DOUBLESTAREQUAL: return AST_Pow;
    default: return AST_NONE_;
    }
}

static AstNode *b_expr(B *b, const CstNode *n, AstKind ctx)
{
    AstNode *x;
    if (is_leaf(n)) {
        switch (n->type) {
        case TOK_NAME:
            if (strcmp(n->str, "True") == 0 || strcmp(n->str, "False") == 0 ||
                strcmp(n->str, "None") == 0) {
                x = mk(b, AST_Constant, n);
                x->v.Constant.value = new_const(b, n->str[0] == 'T' ? CONST_TRUE
                                                   : n->str[0] == 'F' ? CONST_FALSE : CONST_NONE);
                return x;
            }
            if (strcmp(n->str, "yield") == 0)
                return mk(b, AST_Yield, n);
            x = mk(b, AST_Name, n);
            x->v.Name.id = ident(b, n);
            x->v.Name.ctx = op_node(b, ctx);
            return x;
        case TOK_NUMBER:
            x = mk(b, AST_Constant, n);
            x->v.Constant.value = number_const(b, n);
            return x;
        case TOK_STRING:
            return b_strings(b, n);
        case TOK_ELLIPSIS:
            x = mk(b, AST_Constant, n);
            x->v.Constant.value = new_const(b, CONST_ELLIPSIS);
            return x;
        default:
            bad_tree(b, n);
        }
    }
    const CstNode *const *k = (const CstNode *const *)n->kids;
    int nk = n->nkids;
    switch (n->rule) {
    case CST_strings:
    case CST_fstring:
        return b_strings(b, n);
    case CST_star_expressions:
    case CST_star_named_expressions:
    case CST_star_targets:
    case CST_subject_expr:
        x = mk(b, AST_Tuple, n);
        x->v.Tuple.elts = b_elts(b, k, nk, ctx);
        x->v.Tuple.ctx = op_node(b, ctx);
        return x;
    case CST_star_expression:
    case CST_star_named_expression:
    case CST_starred_expression:
    case CST_star_target:
        x = mk(b, AST_Starred, n);
        x->v.Starred.value = b_expr(b, k[1], ctx);
        x->v.Starred.ctx = op_node(b, ctx);
        return x;
    case CST_expression:
        x = mk(b, AST_IfExp, n);
        x->v.IfExp.body = b_expr(b, k[0], AST_Load);
        x->v.IfExp.test = b_expr(b, k[2], AST_Load);
        x->v.IfExp.orelse = b_expr(b, k[4], AST_Load);
        return x;
    case CST_assignment_expression: {
        x = mk(b, AST_NamedExpr, n);
        AstNode *t = mk(b, AST_Name, k[0]);
        t->v.Name.id = ident(b, k[0]);
        t->v.Name.ctx = op_node(b, AST_Store);
        x->v.NamedExpr.target = t;
        x->v.NamedExpr.value = b_expr(b, k[2], AST_Load);
        return x;
    }
    case CST_disjunction:
    case CST_conjunction: {
        x = mk(b, AST_BoolOp, n);
        x->v.BoolOp.op = op_node(b, n->rule == CST_disjunction ? AST_Or : AST_And);
        Vec v = {0};
        for (int i = 0; i < nk; i += 2)
            vpush(&v, b_expr(b, k[i], AST_Load));
        x->v.BoolOp.values = vseq(b, &v);
        return x;
    }
    case CST_inversion:
        x = mk(b, AST_UnaryOp, n);
        x->v.UnaryOp.op = op_node(b, AST_Not);
        x->v.UnaryOp.operand = b_expr(b, k[1], AST_Load);
        return x;
    case CST_comparison: {
        x = mk(b, AST_Compare, n);
        x->v.Compare.left = b_expr(b, k[0], AST_Load);
        Vec ops = {0}, cmps = {0};
        for (int i = 1; i < nk; i++) {
            const CstNode *pr = k[i];
            AstKind op;
            switch (pr->rule) {
            case CST_eq_bitwise_or: op = AST_Eq; break;
            case CST_noteq_bitwise_or: op = AST_NotEq; break;
            case CST_lte_bitwise_or: op = AST_LtE; break;
            case CST_lt_bitwise_or: op = AST_Lt; break;
            case CST_gte_bitwise_or: op = AST_GtE; break;
            case CST_gt_bitwise_or: op = AST_Gt; break;
            case CST_notin_bitwise_or: op = AST_NotIn; break;
            case CST_in_bitwise_or: op = AST_In; break;
            case CST_isnot_bitwise_or: op = AST_IsNot; break;
            default: op = AST_Is; break;
            }
            vpush(&ops, op_node(b, op));
            vpush(&cmps, b_expr(b, pr->kids[pr->nkids - 1], AST_Load));
        }
        x->v.Compare.ops = vseq(b, &ops);
        x->v.Compare.comparators = vseq(b, &cmps);
        return x;
    }
    case CST_bitwise_or: case CST_bitwise_xor: case CST_bitwise_and:
    case CST_shift_expr: case CST_sum: case CST_term: case CST_power:
        x = mk(b, AST_BinOp, n);
        x->v.BinOp.left = b_expr(b, k[0], AST_Load);
        x->v.BinOp.op = op_node(b, binop_kind(k[1]->type));
        x->v.BinOp.right = b_expr(b, k[2], AST_Load);
        return x;
    case CST_factor:
        x = mk(b, AST_UnaryOp, n);
        x->v.UnaryOp.op = op_node(b, k[0]->type == TOK_PLUS ? AST_UAdd
                                     : k[0]->type == TOK_MINUS ? AST_USub : AST_Invert);
        x->v.UnaryOp.operand = b_expr(b, k[1], AST_Load);
        return x;
    case CST_await_primary:
        x = mk(b, AST_Await, n);
        x->v.Await.value = b_expr(b, k[1], AST_Load);
        return x;
    case CST_primary:
        if (k[1]->rule == CST_genexp) {
            x = mk(b, AST_Call, n);
            x->v.Call.func = b_expr(b, k[0], AST_Load);
            AstSeq *s = ast_seq_new(b->a, 1);
            s->items[0] = b_expr(b, k[1], AST_Load);
            x->v.Call.args = s;
            x->v.Call.keywords = empty(b);
            return x;
        }
        switch (k[1]->type) {
        case TOK_DOT:
            x = mk(b, AST_Attribute, n);
            x->v.Attribute.value = b_expr(b, k[0], AST_Load);
            x->v.Attribute.attr = ident(b, k[2]);
            x->v.Attribute.ctx = op_node(b, ctx);
            return x;
        case TOK_LPAR:
            x = mk(b, AST_Call, n);
            x->v.Call.func = b_expr(b, k[0], AST_Load);
            if (nk == 3) {
                x->v.Call.args = empty(b);
                x->v.Call.keywords = empty(b);
            } else {
                b_call_args(b, k[2], x);
            }
            return x;
        default:
            x = mk(b, AST_Subscript, n);
            x->v.Subscript.value = b_expr(b, k[0], AST_Load);
            x->v.Subscript.slice = b_slices(b, k[2]);
            x->v.Subscript.ctx = op_node(b, ctx);
            return x;
        }
    case CST_group:
        return b_expr(b, k[1], ctx);
    case CST_tuple:
        x = mk(b, AST_Tuple, n);
        x->v.Tuple.elts = b_elts(b, k + 1, nk - 2, ctx);
        x->v.Tuple.ctx = op_node(b, ctx);
        return x;
    case CST_list:
        x = mk(b, AST_List, n);
        x->v.List.elts = b_elts(b, k + 1, nk - 2, ctx);
        x->v.List.ctx = op_node(b, ctx);
        return x;
    case CST_set:
        x = mk(b, AST_Set, n);
        x->v.Set.elts = b_elts(b, k + 1, nk - 2, AST_Load);
        return x;
    case CST_dict: {
        x = mk(b, AST_Dict, n);
        Vec keys = {0}, vals = {0}, items = {0};
        if (nk == 3)
            items_of(k[1], CST_double_starred_kvpairs, &items);
        for (int i = 0; i < items.n; i++) {
            const CstNode *it = items.items[i];
            if (it->rule == CST_kvpair) {
                vpush(&keys, b_expr(b, it->kids[0], AST_Load));
                vpush(&vals, b_expr(b, it->kids[2], AST_Load));
            } else {
                vpush(&keys, NULL);
                vpush(&vals, b_expr(b, it->kids[1], AST_Load));
            }
        }
        vfree(&items);
        x->v.Dict.keys = vseq(b, &keys);
        x->v.Dict.values = vseq(b, &vals);
        return x;
    }
    case CST_listcomp:
        x = mk(b, AST_ListComp, n);
        x->v.ListComp.elt = b_expr(b, k[1], AST_Load);
        x->v.ListComp.generators = b_comprehensions(b, k[2]);
        return x;
    case CST_setcomp:
        x = mk(b, AST_SetComp, n);
        x->v.SetComp.elt = b_expr(b, k[1], AST_Load);
        x->v.SetComp.generators = b_comprehensions(b, k[2]);
        return x;
    case CST_genexp:
        x = mk(b, AST_GeneratorExp, n);
        x->v.GeneratorExp.elt = b_expr(b, k[1], AST_Load);
        x->v.GeneratorExp.generators = b_comprehensions(b, k[2]);
        return x;
    case CST_dictcomp:
        x = mk(b, AST_DictComp, n);
        x->v.DictComp.key = b_expr(b, k[1]->kids[0], AST_Load);
        x->v.DictComp.value = b_expr(b, k[1]->kids[2], AST_Load);
        x->v.DictComp.generators = b_comprehensions(b, k[2]);
        return x;
    case CST_lambdef:
        x = mk(b, AST_Lambda, n);
        x->v.Lambda.args = nk == 4 ? b_arguments(b, k[1], true) : b_arguments(b, NULL, true);
        x->v.Lambda.body = b_expr(b, k[nk - 1], AST_Load);
        return x;
    case CST_yield_expr:
        if (nk == 3) {
            x = mk(b, AST_YieldFrom, n);
            x->v.YieldFrom.value = b_expr(b, k[2], AST_Load);
        } else {
            x = mk(b, AST_Yield, n);
            if (nk == 2)
                x->v.Yield.value = b_expr(b, k[1], AST_Load);
        }
        return x;
    case CST_slice:
    case CST_slices:
        return b_slices(b, n);
    default:
        bad_tree(b, n);
    }
}

/* --- parameters ---------------------------------------------------------- */

static AstNode *b_arg(B *b, const CstNode *n)
{
    /* n: NAME, or param (NAME annotation), or param_star_annotation */
    AstNode *x = ast_new(b->a, AST_arg);
    if (is_leaf(n)) {
        pos(x, n);
        x->v.arg.arg = ident(b, n);
        return x;
    }
    pos(x, n);
    x->v.arg.arg = ident(b, n->kids[0]);
    const CstNode *ann = n->kids[1];   /* annotation / star_annotation: ':' expr */
    x->v.arg.annotation = b_expr(b, ann->kids[1], AST_Load);
    return x;
}

/* Split a parameter item (param_no_default etc. or a collapsed form) into
 * its param part and its default expression (or NULL). */
static void param_parts(const CstNode *it, const CstNode **param, const CstNode **dflt)
{
    *dflt = NULL;
    switch (it->rule) {
    case CST_param_no_default: case CST_param_with_default: case CST_param_maybe_default:
    case CST_lambda_param_no_default: case CST_lambda_param_with_default:
    case CST_lambda_param_maybe_default:
        *param = it->kids[0];
        if (it->nkids > 1 && it->kids[1]->rule == CST_default)
            *dflt = it->kids[1]->kids[1];
        return;
    default:
        *param = it;
        return;
    }
}

static AstNode *b_arguments(B *b, const CstNode *n, bool lambda)
{
    AstNode *x = ast_new(b->a, AST_arguments);
    Vec posonly = {0}, args = {0}, kwonly = {0}, kwdef = {0}, defs = {0};
    Vec items = {0};
    if (n) {
        if (n->rule == CST_params || n->rule == CST_parameters || n->rule == CST_lambda_params ||
            n->rule == CST_lambda_parameters) {
            for (int i = 0; i < n->nkids; i++)
                vpush(&items, n->kids[i]);
        } else {
            vpush(&items, (void *)n);
        }
    }
    for (int i = 0; i < items.n; i++) {
        const CstNode *it = items.items[i];
        if (leaf_is(it, TOK_COMMA))
            continue;
        if (it->rule == CST_slash_no_default || it->rule == CST_slash_with_default ||
            it->rule == CST_lambda_slash_no_default || it->rule == CST_lambda_slash_with_default) {
            for (int j = 0; j < it->nkids; j++) {
                const CstNode *q = it->kids[j], *pp, *d;
                if (leaf_is(q, TOK_SLASH) || leaf_is(q, TOK_COMMA))
                    continue;
                param_parts(q, &pp, &d);
                vpush(&posonly, b_arg(b, pp));
                if (d)
                    vpush(&defs, b_expr(b, d, AST_Load));
            }
            continue;
        }
        if (it->rule == CST_star_etc || it->rule == CST_lambda_star_etc ||
            it->rule == CST_kwds || it->rule == CST_lambda_kwds) {
            const CstNode *one[1] = {it};
            const CstNode *const *sk = (const CstNode *const *)it->kids;
            int snk = it->nkids;
            if (it->rule == CST_kwds || it->rule == CST_lambda_kwds) {
                sk = one;
                snk = 1;
            }
            for (int j = 0; j < snk; j++) {
                const CstNode *q = sk[j], *pp, *d;
                if (leaf_is(q, TOK_COMMA))
                    continue;
                if (leaf_is(q, TOK_STAR)) {
                    if (j + 1 < snk && !leaf_is(sk[j + 1], TOK_COMMA)) {
                        param_parts(sk[j + 1], &pp, &d);
                        x->v.arguments.vararg = b_arg(b, pp);
                        j++;
                    }
                    continue;
                }
                if (q->rule == CST_kwds || q->rule == CST_lambda_kwds) {
                    param_parts(q->kids[1], &pp, &d);
                    x->v.arguments.kwarg = b_arg(b, pp);
                    continue;
                }
                param_parts(q, &pp, &d);
                vpush(&kwonly, b_arg(b, pp));
                vpush(&kwdef, d ? b_expr(b, d, AST_Load) : NULL);
            }
            continue;
        }
        const CstNode *pp, *d;
        param_parts(it, &pp, &d);
        vpush(&args, b_arg(b, pp));
        if (d)
            vpush(&defs, b_expr(b, d, AST_Load));
    }
    vfree(&items);
    (void)lambda;
    x->v.arguments.posonlyargs = vseq(b, &posonly);
    x->v.arguments.args = vseq(b, &args);
    x->v.arguments.kwonlyargs = vseq(b, &kwonly);
    x->v.arguments.kw_defaults = vseq(b, &kwdef);
    x->v.arguments.defaults = vseq(b, &defs);
    return x;
}

/* --- patterns ------------------------------------------------------------ */

static AstNode *b_pattern(B *b, const CstNode *n);

/* A literal or value in a pattern, as an expression. */
static AstNode *b_pattern_expr(B *b, const CstNode *n)
{
    AstNode *x;
    switch (n->rule) {
    case CST_signed_number:
        x = mk(b, AST_UnaryOp, n);
        x->v.UnaryOp.op = op_node(b, AST_USub);
        x->v.UnaryOp.operand = b_expr(b, n->kids[1], AST_Load);
        return x;
    case CST_complex_number:
        x = mk(b, AST_BinOp, n);
        x->v.BinOp.left = b_pattern_expr(b, n->kids[0]);
        x->v.BinOp.op = op_node(b, n->kids[1]->type == TOK_PLUS ? AST_Add : AST_Sub);
        x->v.BinOp.right = b_expr(b, n->kids[2], AST_Load);
        return x;
    case CST_attr:
    case CST_value_pattern:
        x = mk(b, AST_Attribute, n);
        x->v.Attribute.value = b_pattern_expr(b, n->kids[0]);
        x->v.Attribute.attr = ident(b, n->kids[2]);
        x->v.Attribute.ctx = op_node(b, AST_Load);
        return x;
    default:
        return b_expr(b, n, AST_Load);
    }
}

static void pattern_items(B *b, const CstNode *const *k, int nk, Vec *out)
{
    for (int i = 0; i < nk; i++) {
        const CstNode *q = k[i];
        if (leaf_is(q, TOK_COMMA))
            continue;
        if (q->rule == CST_maybe_sequence_pattern || q->rule == CST_patterns) {
            pattern_items(b, (const CstNode *const *)q->kids, q->nkids, out);
            continue;
        }
        vpush(out, b_pattern(b, q));
    }
}

static AstNode *b_pattern(B *b, const CstNode *n)
{
    AstNode *x;
    if (is_leaf(n)) {
        if (n->type == TOK_NAME) {
            if (strcmp(n->str, "None") == 0 || strcmp(n->str, "True") == 0 ||
                strcmp(n->str, "False") == 0) {
                x = mk(b, AST_MatchSingleton, n);
                x->v.MatchSingleton.value = new_const(b, n->str[0] == 'T' ? CONST_TRUE
                                                         : n->str[0] == 'F' ? CONST_FALSE : CONST_NONE);
                return x;
            }
            x = mk(b, AST_MatchAs, n);
            if (strcmp(n->str, "_") != 0)
                x->v.MatchAs.name = ident(b, n);
            return x;
        }
        x = mk(b, AST_MatchValue, n);
        x->v.MatchValue.value = b_expr(b, n, AST_Load);
        return x;
    }
    const CstNode *const *k = (const CstNode *const *)n->kids;
    int nk = n->nkids;
    switch (n->rule) {
    case CST_strings: case CST_fstring: case CST_signed_number: case CST_complex_number:
    case CST_attr: case CST_value_pattern:
        x = mk(b, AST_MatchValue, n);
        x->v.MatchValue.value = b_pattern_expr(b, n);
        return x;
    case CST_as_pattern:
        x = mk(b, AST_MatchAs, n);
        x->v.MatchAs.pattern = b_pattern(b, k[0]);
        x->v.MatchAs.name = ident(b, k[2]);
        return x;
    case CST_or_pattern: {
        x = mk(b, AST_MatchOr, n);
        Vec v = {0};
        for (int i = 0; i < nk; i += 2)
            vpush(&v, b_pattern(b, k[i]));
        x->v.MatchOr.patterns = vseq(b, &v);
        return x;
    }
    case CST_group_pattern:
        return b_pattern(b, k[1]);
    case CST_sequence_pattern: {
        x = mk(b, AST_MatchSequence, n);
        Vec v = {0};
        pattern_items(b, k + 1, nk - 2, &v);
        x->v.MatchSequence.patterns = vseq(b, &v);
        return x;
    }
    case CST_patterns:
    case CST_maybe_sequence_pattern: {
        x = mk(b, AST_MatchSequence, n);
        Vec v = {0};
        pattern_items(b, k, nk, &v);
        x->v.MatchSequence.patterns = vseq(b, &v);
        return x;
    }
    case CST_star_pattern:
        x = mk(b, AST_MatchStar, n);
        if (strcmp(k[1]->str, "_") != 0)
            x->v.MatchStar.name = ident(b, k[1]);
        return x;
    case CST_mapping_pattern: {
        x = mk(b, AST_MatchMapping, n);
        Vec keys = {0}, pats = {0};
        for (int i = 1; i < nk - 1; i++) {
            const CstNode *q = k[i];
            if (leaf_is(q, TOK_COMMA))
                continue;
            if (q->rule == CST_double_star_pattern) {
                x->v.MatchMapping.rest = ident(b, q->kids[1]);
                continue;
            }
            Vec kv = {0};
            items_of(q, CST_items_pattern, &kv);
            for (int j = 0; j < kv.n; j++) {
                const CstNode *p = kv.items[j];
                vpush(&keys, b_pattern_expr(b, p->kids[0]));
                vpush(&pats, b_pattern(b, p->kids[2]));
            }
            vfree(&kv);
        }
        x->v.MatchMapping.keys = vseq(b, &keys);
        x->v.MatchMapping.patterns = vseq(b, &pats);
        return x;
    }
    case CST_class_pattern: {
        x = mk(b, AST_MatchClass, n);
        x->v.MatchClass.cls = b_pattern_expr(b, k[0]);
        Vec pats = {0}, kattrs = {0}, kpats = {0};
        for (int i = 2; i < nk - 1; i++) {
            const CstNode *q = k[i];
            if (leaf_is(q, TOK_COMMA))
                continue;
            if (q->rule == CST_keyword_patterns || q->rule == CST_keyword_pattern) {
                Vec kv = {0};
                items_of(q, CST_keyword_patterns, &kv);
                for (int j = 0; j < kv.n; j++) {
                    const CstNode *p = kv.items[j];
                    vpush(&kattrs, (void *)ident(b, p->kids[0]));
                    vpush(&kpats, b_pattern(b, p->kids[2]));
                }
                vfree(&kv);
                continue;
            }
            if (q->rule == CST_positional_patterns) {
                for (int j = 0; j < q->nkids; j++)
                    if (!leaf_is(q->kids[j], TOK_COMMA))
                        vpush(&pats, b_pattern(b, q->kids[j]));
                continue;
            }
            vpush(&pats, b_pattern(b, q));
        }
        x->v.MatchClass.patterns = vseq(b, &pats);
        x->v.MatchClass.kwd_attrs = vseq(b, &kattrs);
        x->v.MatchClass.kwd_patterns = vseq(b, &kpats);
        return x;
    }
    case CST_maybe_star_pattern:
    case CST_literal_pattern:
        return b_pattern(b, k[0]);
    default:
        bad_tree(b, n);
    }
}

/* --- statements ---------------------------------------------------------- */

static void b_stmts(B *b, const CstNode *n, Vec *out);

static AstSeq *b_block(B *b, const CstNode *n)
{
    Vec v = {0};
    b_stmts(b, n, &v);
    return vseq(b, &v);
}

static AstNode *b_funcdef(B *b, const CstNode *n, AstSeq *decos)
{
    int i = 0;
    bool async = kw_is(n->kids[0], "async");
    if (async)
        i++;
    AstNode *x = ast_new(b->a, async ? AST_AsyncFunctionDef : AST_FunctionDef);
    pos_span(x, n->kids[0], n);
    i++;  /* def */
    x->v.FunctionDef.name = ident(b, n->kids[i++]);
    i++;  /* ( */
    if (leaf_is(n->kids[i], TOK_RPAR)) {
        x->v.FunctionDef.args = b_arguments(b, NULL, false);
    } else {
        x->v.FunctionDef.args = b_arguments(b, n->kids[i++], false);
    }
    i++;  /* ) */
    if (leaf_is(n->kids[i], TOK_RARROW)) {
        x->v.FunctionDef.returns = b_expr(b, n->kids[i + 1], AST_Load);
        i += 2;
    }
    i++;  /* : */
    x->v.FunctionDef.body = b_block(b, n->kids[i]);
    x->v.FunctionDef.decorator_list = decos ? decos : empty(b);
    return x;
}

static AstNode *b_classdef(B *b, const CstNode *n, AstSeq *decos)
{
    AstNode *x = mk(b, AST_ClassDef, n);
    x->v.ClassDef.name = ident(b, n->kids[1]);
    if (leaf_is(n->kids[2], TOK_LPAR) && !leaf_is(n->kids[3], TOK_RPAR)) {
        AstNode tmp;
        memset(&tmp, 0, sizeof tmp);
        b_call_args(b, n->kids[3], &tmp);
        x->v.ClassDef.bases = tmp.v.Call.args;
        x->v.ClassDef.keywords = tmp.v.Call.keywords;
    } else {
        x->v.ClassDef.bases = empty(b);
        x->v.ClassDef.keywords = empty(b);
    }
    x->v.ClassDef.body = b_block(b, n->kids[n->nkids - 1]);
    x->v.ClassDef.decorator_list = decos ? decos : empty(b);
    return x;
}

static AstSeq *b_decorators(B *b, const CstNode *n)
{
    Vec v = {0};
    for (int i = 1; i < n->nkids; i += 3)
        vpush(&v, b_expr(b, n->kids[i], AST_Load));
    return vseq(b, &v);
}

/* if_stmt / elif_stmt: 'if' test ':' block [elif_stmt | else_block] */
static AstNode *b_if(B *b, const CstNode *n)
{
    AstNode *x = mk(b, AST_If, n);
    x->v.If.test = b_expr(b, n->kids[1], AST_Load);
    x->v.If.body = b_block(b, n->kids[3]);
    if (n->nkids > 4) {
        const CstNode *e = n->kids[4];
        if (e->rule == CST_elif_stmt) {
            AstSeq *s = ast_seq_new(b->a, 1);
            s->items[0] = b_if(b, e);
            x->v.If.orelse = s;
        } else {
            x->v.If.orelse = b_block(b, e->kids[2]);
        }
    } else {
        x->v.If.orelse = empty(b);
    }
    return x;
}

static AstNode *b_alias(B *b, const CstNode *n)
{
    /* dotted_as_name / import_from_as_name / dotted_name / NAME */
    AstNode *x = mk(b, AST_alias, n);
    const CstNode *name = n;
    if (n->rule == CST_dotted_as_name || n->rule == CST_import_from_as_name) {
        name = n->kids[0];
        x->v.alias.asname = ident(b, n->kids[2]);
    }
    if (leaf_is(name, TOK_STAR)) {
        x->v.alias.name = "*";
    } else if (is_leaf(name)) {
        x->v.alias.name = ident(b, name);
    } else {
        /* dotted_name: NAME ('.' NAME)*, nothing else (a hand-edited
         * tree may have no kids or other nodes here) */
        if (name->rule != CST_dotted_name || name->nkids % 2 == 0)
            bad_tree(b, name);
        for (int i = 0; i < name->nkids; i++)
            if (!leaf_is(name->kids[i], i % 2 ? TOK_DOT : TOK_NAME))
                bad_tree(b, name->kids[i]);
        Buf s = BUF_INIT;
        for (int i = 0; i < name->nkids; i++)
            buf_put(&s, name->kids[i]->str, name->kids[i]->len);
        x->v.alias.name = ident_str(b, s.data ? s.data : "", s.len);
        buf_free(&s);
    }
    return x;
}

static AstNode *b_simple(B *b, const CstNode *n)
{
    AstNode *x;
    if (is_leaf(n) && n->type == TOK_NAME) {
        if (strcmp(n->str, "pass") == 0)
            return mk(b, AST_Pass, n);
        if (strcmp(n->str, "break") == 0)
            return mk(b, AST_Break, n);
        if (strcmp(n->str, "continue") == 0)
            return mk(b, AST_Continue, n);
        if (strcmp(n->str, "return") == 0)
            return mk(b, AST_Return, n);
        if (strcmp(n->str, "raise") == 0)
            return mk(b, AST_Raise, n);
    }
    const CstNode *const *k = (const CstNode *const *)n->kids;
    int nk = n->nkids;
    switch (n->rule) {
    case CST_assignment:
        if (leaf_is(k[1], TOK_COLON)) {
            x = mk(b, AST_AnnAssign, n);
            AstNode *t = b_expr(b, k[0], AST_Load);
            if (t->kind == AST_Tuple || t->kind == AST_List) {
                if (k[0]->rule == CST_star_expressions)
                    berror_ast(b, t, "only single target (not tuple) can be annotated");
                berror_ast(b, t, "only single target (not %s) can be annotated",
                           t->kind == AST_Tuple ? "tuple" : "list");
            }
            if (t->kind != AST_Name && t->kind != AST_Attribute && t->kind != AST_Subscript)
                berror_ast(b, t, "illegal target for annotation");
            set_ctx(b, t, AST_Store);
            x->v.AnnAssign.target = t;
            x->v.AnnAssign.annotation = b_expr(b, k[2], AST_Load);
            if (nk > 3)
                x->v.AnnAssign.value = b_expr(b, k[4], AST_Load);
            x->v.AnnAssign.simple = is_leaf(k[0]) && k[0]->type == TOK_NAME;
            return x;
        }
        if (leaf_is(k[1], TOK_EQUAL)) {
            x = mk(b, AST_Assign, n);
            Vec v = {0};
            for (int i = 0; i + 1 < nk; i += 2) {
                if (k[i]->rule == CST_yield_expr || kw_is(k[i], "yield"))
                    berror(b, k[i], "assignment to yield expression not possible");
                vpush(&v, b_target(b, k[i], AST_Store, true));
            }
            x->v.Assign.targets = vseq(b, &v);
            x->v.Assign.value = b_expr(b, k[nk - 1], AST_Load);
            return x;
        }
        {
            x = mk(b, AST_AugAssign, n);
            AstNode *t = b_expr(b, k[0], AST_Load);
            if (t->kind != AST_Name && t->kind != AST_Attribute && t->kind != AST_Subscript)
                berror_ast(b, t, "'%s' is an illegal expression for augmented assignment", expr_name(t));
            set_ctx(b, t, AST_Store);
            x->v.AugAssign.target = t;
            x->v.AugAssign.op = op_node(b, binop_kind(k[1]->type));
            x->v.AugAssign.value = b_expr(b, k[2], AST_Load);
            return x;
        }
    case CST_return_stmt:
        x = mk(b, AST_Return, n);
        x->v.Return.value = b_expr(b, k[1], AST_Load);
        return x;
    case CST_raise_stmt:
        x = mk(b, AST_Raise, n);
        x->v.Raise.exc = b_expr(b, k[1], AST_Load);
        if (nk > 2)
            x->v.Raise.cause = b_expr(b, k[3], AST_Load);
        return x;
    case CST_global_stmt:
    case CST_nonlocal_stmt: {
        bool g = n->rule == CST_global_stmt;
        x = mk(b, g ? AST_Global : AST_Nonlocal, n);
        Vec v = {0};
        for (int i = 1; i < nk; i += 2)
            vpush(&v, (void *)ident(b, k[i]));
        if (g)
            x->v.Global.names = vseq(b, &v);
        else
            x->v.Nonlocal.names = vseq(b, &v);
        return x;
    }
    case CST_del_stmt: {
        x = mk(b, AST_Delete, n);
        Vec items = {0}, v = {0};
        items_of(k[1], CST_del_targets, &items);
        for (int i = 0; i < items.n; i++)
            vpush(&v, b_target(b, items.items[i], AST_Del, false));
        vfree(&items);
        x->v.Delete.targets = vseq(b, &v);
        return x;
    }
    case CST_assert_stmt:
        x = mk(b, AST_Assert, n);
        x->v.Assert.test = b_expr(b, k[1], AST_Load);
        if (nk > 2)
            x->v.Assert.msg = b_expr(b, k[3], AST_Load);
        return x;
    case CST_import_stmt:
    case CST_import_name:
        if (n->rule == CST_import_name || kw_is(k[0], "import")) {
            x = mk(b, AST_Import, n);
            Vec items = {0}, v = {0};
            items_of(k[1], CST_dotted_as_names, &items);
            for (int i = 0; i < items.n; i++)
                vpush(&v, b_alias(b, items.items[i]));
            vfree(&items);
            x->v.Import.names = vseq(b, &v);
            return x;
        }
        /* fall through */
    case CST_import_from: {
        x = mk(b, AST_ImportFrom, n);
        int level = 0, i = 1;
        for (; i < nk && (leaf_is(k[i], TOK_DOT) || leaf_is(k[i], TOK_ELLIPSIS)); i++)
            level += k[i]->type == TOK_DOT ? 1 : 3;
        if (!kw_is(k[i], "import")) {
            const CstNode *m = k[i];
            if (is_leaf(m)) {
                x->v.ImportFrom.module = ident(b, m);
            } else {
                Buf s = BUF_INIT;
                for (int j = 0; j < m->nkids; j++)
                    buf_put(&s, m->kids[j]->str, m->kids[j]->len);
                x->v.ImportFrom.module = ident_str(b, s.data ? s.data : "", s.len);
                buf_free(&s);
            }
            i++;
        }
        i++;  /* import */
        const CstNode *t = k[i];
        Vec items = {0}, v = {0};
        if (t->rule == CST_import_from_targets) {
            for (int j = 0; j < t->nkids; j++) {
                const CstNode *q = t->kids[j];
                if (leaf_is(q, TOK_LPAR) || leaf_is(q, TOK_RPAR) || leaf_is(q, TOK_COMMA))
                    continue;
                items_of(q, CST_import_from_as_names, &items);
            }
        } else {
            items_of(t, CST_import_from_as_names, &items);
        }
        for (int j = 0; j < items.n; j++)
            vpush(&v, b_alias(b, items.items[j]));
        vfree(&items);
        x->v.ImportFrom.names = vseq(b, &v);
        x->v.ImportFrom.level = level;
        return x;
    }
    default:
        x = mk(b, AST_Expr, n);
        x->v.Expr.value = b_expr(b, n, AST_Load);
        return x;
    }
}

static AstNode *b_handler(B *b, const CstNode *n)
{
    AstNode *x = mk(b, AST_ExceptHandler, n);
    int i = 1;
    if (leaf_is(n->kids[i], TOK_STAR))
        i++;
    if (!leaf_is(n->kids[i], TOK_COLON)) {
        x->v.ExceptHandler.type = b_expr(b, n->kids[i++], AST_Load);
        if (kw_is(n->kids[i], "as")) {
            x->v.ExceptHandler.name = ident(b, n->kids[i + 1]);
            i += 2;
        }
    }
    x->v.ExceptHandler.body = b_block(b, n->kids[n->nkids - 1]);
    return x;
}

static AstNode *b_compound(B *b, const CstNode *n)
{
    AstNode *x;
    const CstNode *const *k = (const CstNode *const *)n->kids;
    int nk = n->nkids;
    switch (n->rule) {
    case CST_function_def:
        return b_funcdef(b, k[1], b_decorators(b, k[0]));
    case CST_function_def_raw:
        return b_funcdef(b, n, NULL);
    case CST_class_def:
        return b_classdef(b, k[1], b_decorators(b, k[0]));
    case CST_class_def_raw:
        return b_classdef(b, n, NULL);
    case CST_if_stmt:
        return b_if(b, n);
    case CST_while_stmt:
        x = mk(b, AST_While, n);
        x->v.While.test = b_expr(b, k[1], AST_Load);
        x->v.While.body = b_block(b, k[3]);
        x->v.While.orelse = nk > 4 ? b_block(b, k[4]->kids[2]) : empty(b);
        return x;
    case CST_for_stmt: {
        int i = 0;
        bool async = kw_is(k[0], "async");
        if (async)
            i++;
        x = mk(b, async ? AST_AsyncFor : AST_For, n);
        x->v.For.target = b_target(b, k[i + 1], AST_Store, false);
        x->v.For.iter = b_expr(b, k[i + 3], AST_Load);
        x->v.For.body = b_block(b, k[i + 5]);
        x->v.For.orelse = nk > i + 6 ? b_block(b, k[i + 6]->kids[2]) : empty(b);
        return x;
    }
    case CST_with_stmt: {
        int i = 0;
        bool async = kw_is(k[0], "async");
        if (async)
            i++;
        x = mk(b, async ? AST_AsyncWith : AST_With, n);
        i++;
        Vec v = {0};
        for (; i < nk && !leaf_is(k[i], TOK_COLON); i++) {
            const CstNode *q = k[i];
            if (leaf_is(q, TOK_LPAR) || leaf_is(q, TOK_RPAR) || leaf_is(q, TOK_COMMA))
                continue;
            AstNode *w = ast_new(b->a, AST_withitem);
            if (q->rule == CST_with_item) {
                w->v.withitem.context_expr = b_expr(b, q->kids[0], AST_Load);
                w->v.withitem.optional_vars = b_target(b, q->kids[2], AST_Store, false);
            } else {
                w->v.withitem.context_expr = b_expr(b, q, AST_Load);
            }
            vpush(&v, w);
        }
        x->v.With.items = vseq(b, &v);
        x->v.With.body = b_block(b, k[nk - 1]);
        return x;
    }
    case CST_try_stmt: {
        bool star = false;
        for (int i = 0; i < nk; i++)
            if (k[i]->rule == CST_except_star_block)
                star = true;
        x = mk(b, star ? AST_TryStar : AST_Try, n);
        x->v.Try.body = b_block(b, k[2]);
        Vec h = {0};
        x->v.Try.orelse = empty(b);
        x->v.Try.finalbody = empty(b);
        for (int i = 3; i < nk; i++) {
            const CstNode *q = k[i];
            if (q->rule == CST_except_block || q->rule == CST_except_star_block)
                vpush(&h, b_handler(b, q));
            else if (q->rule == CST_else_block)
                x->v.Try.orelse = b_block(b, q->kids[2]);
            else if (q->rule == CST_finally_block)
                x->v.Try.finalbody = b_block(b, q->kids[2]);
        }
        x->v.Try.handlers = vseq(b, &h);
        return x;
    }
    case CST_match_stmt: {
        x = mk(b, AST_Match, n);
        x->v.Match.subject = b_expr(b, k[1], AST_Load);
        Vec cases = {0};
        for (int i = 5; i < nk - 1; i++) {
            const CstNode *c = k[i];
            AstNode *mc = ast_new(b->a, AST_match_case);
            mc->v.match_case.pattern = b_pattern(b, c->kids[1]);
            int j = 2;
            if (c->kids[j]->rule == CST_guard) {
                mc->v.match_case.guard = b_expr(b, c->kids[j]->kids[1], AST_Load);
                j++;
            }
            mc->v.match_case.body = b_block(b, c->kids[c->nkids - 1]);
            vpush(&cases, mc);
        }
        x->v.Match.cases = vseq(b, &cases);
        return x;
    }
    default:
        return NULL;
    }
}

static void b_stmts(B *b, const CstNode *n, Vec *out)
{
    if (skippable(n) || leaf_is(n, TOK_SEMI))
        return;
    switch (n->rule) {
    case CST_file: case CST_statements: case CST_statement: case CST_simple_stmts:
    case CST_simple_stmt: case CST_compound_stmt: case CST_block:
        for (int i = 0; i < n->nkids; i++)
            b_stmts(b, n->kids[i], out);
        return;
    default:
        break;
    }
    AstNode *x = b_compound(b, n);
    if (!x)
        x = b_simple(b, n);
    vpush(out, x);
}

AstNode *astb_from_cst(CstNode *root, Arena *a, BuildError *err)
{
    B b;
    b.a = a;
    b.err = err;
    memset(err, 0, sizeof *err);
    if (setjmp(b.jb)) {
        live_free_all();
        return NULL;
    }
    AstNode *m = ast_new(a, AST_Module);
    m->v.Module.body = b_block(&b, root);
    m->v.Module.type_ignores = empty(&b);
    live_free_all();
    return m;
}
