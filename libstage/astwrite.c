/* libstage/astwrite.c: the writer of the AST text (format "ast",
 * formats/ast.md): exactly what CPython 3.11's ast.dump(node,
 * include_attributes=attrs, indent=indent) returns.
 *
 * Layout rules of Lib/ast.py's dump(): a field that is None and optional is
 * left out; a value is "simple" when it is a constant, an identifier, an
 * empty list or a node written without arguments; a node whose arguments are
 * all simple and at most three goes on one line; otherwise every argument
 * goes on its own line, indented one level deeper.  Whether a node goes on
 * one line depends only on the shape of its fields, so the text is written
 * in one pass, straight into an output buffer.
 */
#include "libstage/astio.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/repr.h"

typedef struct W {
    Buf out;             /* the text so far (flushed to f when large) */
    FILE *f;
    bool attrs;          /* include_attributes */
    int indent;          /* spaces per level; < 0: one line (indent=None) */
} W;

static void flush_some(W *w)
{
    if (w->out.len >= (1 << 16)) {
        fwrite(w->out.data, 1, w->out.len, w->f);
        w->out.len = 0;
    }
}

static inline void put(W *w, const char *s, size_t n)
{
    buf_put(&w->out, s, n);
}

static inline void puts_(W *w, const char *s)
{
    buf_put(&w->out, s, strlen(s));
}

static void put_int(W *w, long v)
{
    char tmp[24];
    int i = (int)sizeof tmp;
    bool neg = v < 0;
    unsigned long u = neg ? 0UL - (unsigned long)v : (unsigned long)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg)
        tmp[--i] = '-';
    put(w, tmp + i, sizeof tmp - (size_t)i);
}

/* The separator before an argument or list item at depth `level`. */
static void sep(W *w, int level, bool first)
{
    static const char spaces[] = "                                                                ";
    if (w->indent < 0) {
        if (!first)
            put(w, ", ", 2);
        return;
    }
    put(w, first ? "\n" : ",\n", first ? 1 : 2);
    long n = (long)w->indent * level;
    while (n > 0) {
        long k = n < (long)sizeof spaces - 1 ? n : (long)sizeof spaces - 1;
        put(w, spaces, (size_t)k);
        n -= k;
    }
}

static bool field_present(const AstFieldInfo *fi, const void *slot)
{
    return !(fi->card == CARD_OPT && fi->type != SUM_int && *(const void *const *)slot == NULL);
}

/* Number of arguments dump() writes for n. */
static int nargs_of(const W *w, const AstNode *n)
{
    const AstKindInfo *k = &ast_kinds[n->kind];
    int f0 = ast_first_field(n->kind), c = 0;
    for (int i = 0; i < k->nfields; i++) {
        const AstFieldInfo *fi = &ast_fields[f0 + i];
        if (field_present(fi, AST_FIELD_PTR((AstNode *)n, fi)))
            c++;
    }
    if (w->attrs && k->has_pos)
        c += n->end_lineno < 0 ? 2 : 4;
    return c;
}

/* Is the value of field fi in slot "simple" for dump()? */
static bool value_simple(const W *w, const AstFieldInfo *fi, const void *slot)
{
    if (fi->card == CARD_SEQ) {
        const AstSeq *s = *(const AstSeq *const *)slot;
        return !s || s->len == 0;
    }
    switch (fi->type) {
    case SUM_identifier: case SUM_string: case SUM_constant: case SUM_int:
        return true;
    default: {
        const AstNode *n = *(const AstNode *const *)slot;
        return !n || nargs_of(w, n) == 0;
    }
    }
}

static void write_node(W *w, const AstNode *n, int level);

static void write_value(W *w, AstSum type, const void *slot, int level)
{
    switch (type) {
    case SUM_identifier:
    case SUM_string: {
        const char *s = *(const char *const *)slot;
        if (!s)
            puts_(w, "None");
        else
            ls_repr_str(&w->out, s, strlen(s));
        return;
    }
    case SUM_constant: {
        const Const *c = *(const Const *const *)slot;
        if (!c)
            puts_(w, "None");
        else
            ls_repr_const(&w->out, c);
        return;
    }
    case SUM_int:
        put_int(w, *(const int *)slot);
        return;
    default: {
        const AstNode *n = *(const AstNode *const *)slot;
        if (!n)
            puts_(w, "None");
        else
            write_node(w, n, level);
        return;
    }
    }
}

static void write_seq(W *w, AstSum type, const AstSeq *s, int level)
{
    if (!s || s->len == 0) {
        put(w, "[]", 2);
        return;
    }
    int lv = w->indent >= 0 ? level + 1 : level;
    put(w, "[", 1);
    for (int i = 0; i < s->len; i++) {
        sep(w, lv, i == 0);
        write_value(w, type, &s->items[i], lv);
    }
    put(w, "]", 1);
}

static void write_node(W *w, const AstNode *n, int level)
{
    const AstKindInfo *k = &ast_kinds[n->kind];
    int lv = w->indent >= 0 ? level + 1 : level;
    int f0 = ast_first_field(n->kind);
    int nargs = 0;
    bool allsimple = true;
    for (int i = 0; i < k->nfields; i++) {
        const AstFieldInfo *fi = &ast_fields[f0 + i];
        const void *slot = AST_FIELD_PTR((AstNode *)n, fi);
        if (!field_present(fi, slot))
            continue;
        nargs++;
        if (allsimple && !value_simple(w, fi, slot))
            allsimple = false;
    }
    bool pos = w->attrs && k->has_pos;
    if (pos)
        nargs += n->end_lineno < 0 ? 2 : 4;
    bool oneline = allsimple && nargs <= 3;
    puts_(w, k->name);
    put(w, "(", 1);
    int a = 0;
    for (int i = 0; i < k->nfields; i++) {
        const AstFieldInfo *fi = &ast_fields[f0 + i];
        const void *slot = AST_FIELD_PTR((AstNode *)n, fi);
        if (!field_present(fi, slot))
            continue;
        if (oneline) {
            if (a)
                put(w, ", ", 2);
        } else {
            sep(w, lv, a == 0);
        }
        a++;
        puts_(w, fi->name);
        put(w, "=", 1);
        if (fi->card == CARD_SEQ)
            write_seq(w, fi->type, *(const AstSeq *const *)slot, lv);
        else
            write_value(w, fi->type, slot, lv);
    }
    if (pos) {
        static const char *const names[4] = {"lineno=", "col_offset=", "end_lineno=", "end_col_offset="};
        int vals[4] = {n->lineno, n->col_offset, n->end_lineno, n->end_col_offset};
        for (int i = 0; i < 4; i++) {
            if (i >= 2 && vals[i] < 0)
                continue;
            if (oneline) {
                if (a)
                    put(w, ", ", 2);
            } else {
                sep(w, lv, a == 0);
            }
            a++;
            puts_(w, names[i]);
            put_int(w, vals[i]);
        }
    }
    put(w, ")", 1);
    flush_some(w);
}

void ast_write(FILE *out, const AstNode *node, bool attrs, int indent)
{
    W w = {BUF_INIT, out, attrs, indent};
    buf_reserve(&w.out, 1 << 17);
    write_node(&w, node, 0);
    put(&w, "\n", 1);
    fwrite(w.out.data, 1, w.out.len, out);
    buf_free(&w.out);
}
