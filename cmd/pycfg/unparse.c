/* cmd/pycfg/unparse.c: an expression back to source text, with CPython
 * 3.11's ast_unparse.c precedence and spacing rules.
 *
 * Stage: pycfg (annotations under `from __future__ import annotations`).
 */
#include "cmd/pycfg/unparse.h"

#include <stdbool.h>
#include <string.h>
#include "libstage/buf.h"
#include "libstage/repr.h"

/* Precedence levels, lowest first (ast_unparse.c). */
enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR,
    PR_BOR = PR_EXPR, PR_BXOR, PR_BAND, PR_SHIFT, PR_ARITH, PR_TERM,
    PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM,
};

typedef AstNode Node;
#define ITEM(seq, i) ((Node *)(seq)->items[i])

/* Returns false when the expression holds something not handled yet. */
static bool expr(Buf *b, const Node *e, int level);

static bool seq(Buf *b, AstSeq *s, int level)
{
    for (int i = 0; i < s->len; i++) {
        if (i)
            buf_puts(b, ", ");
        if (!expr(b, ITEM(s, i), level))
            return false;
    }
    return true;
}

static const char *binop_str(AstKind k, int *pr)
{
    switch (k) {
    case AST_Add: *pr = PR_ARITH; return " + ";
    case AST_Sub: *pr = PR_ARITH; return " - ";
    case AST_Mult: *pr = PR_TERM; return " * ";
    case AST_MatMult: *pr = PR_TERM; return " @ ";
    case AST_Div: *pr = PR_TERM; return " / ";
    case AST_Mod: *pr = PR_TERM; return " % ";
    case AST_LShift: *pr = PR_SHIFT; return " << ";
    case AST_RShift: *pr = PR_SHIFT; return " >> ";
    case AST_BitOr: *pr = PR_BOR; return " | ";
    case AST_BitXor: *pr = PR_BXOR; return " ^ ";
    case AST_BitAnd: *pr = PR_BAND; return " & ";
    case AST_FloorDiv: *pr = PR_TERM; return " // ";
    default: *pr = PR_POWER; return " ** ";
    }
}

static const char *cmpop_str(AstKind k)
{
    switch (k) {
    case AST_Eq: return " == ";
    case AST_NotEq: return " != ";
    case AST_Lt: return " < ";
    case AST_LtE: return " <= ";
    case AST_Gt: return " > ";
    case AST_GtE: return " >= ";
    case AST_Is: return " is ";
    case AST_IsNot: return " is not ";
    case AST_In: return " in ";
    default: return " not in ";
    }
}

/* The parameters of a lambda. */
static bool args(Buf *b, const Node *a)
{
    AstSeq *posonly = a->v.arguments.posonlyargs, *pos = a->v.arguments.args;
    AstSeq *defaults = a->v.arguments.defaults;
    int npos = posonly->len + pos->len, first_default = npos - defaults->len;
    bool first = true;
    for (int i = 0; i < npos; i++) {
        const Node *arg = i < posonly->len ? ITEM(posonly, i) : ITEM(pos, i - posonly->len);
        if (!first)
            buf_puts(b, ", ");
        first = false;
        buf_puts(b, arg->v.arg.arg);
        if (i >= first_default) {
            buf_putc(b, '=');
            if (!expr(b, ITEM(defaults, i - first_default), PR_TEST))
                return false;
        }
        if (posonly->len && i == posonly->len - 1)
            buf_puts(b, ", /");
    }
    AstSeq *kwonly = a->v.arguments.kwonlyargs, *kwd = a->v.arguments.kw_defaults;
    if (a->v.arguments.vararg || kwonly->len) {
        if (!first)
            buf_puts(b, ", ");
        first = false;
        buf_putc(b, '*');
        if (a->v.arguments.vararg)
            buf_puts(b, a->v.arguments.vararg->v.arg.arg);
    }
    for (int i = 0; i < kwonly->len; i++) {
        buf_puts(b, ", ");
        buf_puts(b, ITEM(kwonly, i)->v.arg.arg);
        if (i < kwd->len && kwd->items[i]) {
            buf_putc(b, '=');
            if (!expr(b, ITEM(kwd, i), PR_TEST))
                return false;
        }
    }
    if (a->v.arguments.kwarg) {
        if (!first)
            buf_puts(b, ", ");
        buf_puts(b, "**");
        buf_puts(b, a->v.arguments.kwarg->v.arg.arg);
    }
    return true;
}

static bool comprehensions(Buf *b, AstSeq *gens)
{
    for (int i = 0; i < gens->len; i++) {
        const Node *g = ITEM(gens, i);
        buf_puts(b, g->v.comprehension.is_async ? " async for " : " for ");
        if (!expr(b, g->v.comprehension.target, PR_TUPLE))
            return false;
        buf_puts(b, " in ");
        if (!expr(b, g->v.comprehension.iter, PR_TEST + 1))
            return false;
        for (int k = 0; k < g->v.comprehension.ifs->len; k++) {
            buf_puts(b, " if ");
            if (!expr(b, ITEM(g->v.comprehension.ifs, k), PR_TEST + 1))
                return false;
        }
    }
    return true;
}

/* A constant; inf is written as 1e309 so the text evaluates back. */
static void constant(Buf *b, const Const *c)
{
    if (c->kind == CONST_ELLIPSIS) {
        buf_puts(b, "...");
        return;
    }
    Buf t = BUF_INIT;
    ls_repr_const(&t, c);
    if (c->kind == CONST_FLOAT || c->kind == CONST_COMPLEX || c->kind == CONST_TUPLE) {
        for (size_t i = 0; i < t.len; i++) {
            if (t.len - i >= 3 && memcmp(t.data + i, "inf", 3) == 0 && c->kind != CONST_TUPLE) {
                buf_puts(b, "1e309");
                i += 2;
            } else {
                buf_putc(b, t.data[i]);
            }
        }
    } else {
        buf_put(b, t.data, t.len);
    }
    buf_free(&t);
}

static bool fstring_element(Buf *b, const Node *e, bool is_format_spec);

/* append_formattedvalue: {expr!c:spec} */
static bool formatted_value(Buf *b, const Node *e)
{
    Buf v = BUF_INIT;
    if (!expr(&v, e->v.FormattedValue.value, PR_TEST + 1)) {
        buf_free(&v);
        return false;
    }
    /* an expression starting with a brace is set off by a space */
    buf_puts(b, v.len && v.data[0] == '{' ? "{ " : "{");
    buf_put(b, v.data, v.len);
    buf_free(&v);
    switch (e->v.FormattedValue.conversion) {
    case 'a': buf_puts(b, "!a"); break;
    case 'r': buf_puts(b, "!r"); break;
    case 's': buf_puts(b, "!s"); break;
    default: break;
    }
    if (e->v.FormattedValue.format_spec) {
        buf_putc(b, ':');
        if (!fstring_element(b, e->v.FormattedValue.format_spec, true))
            return false;
    }
    buf_putc(b, '}');
    return true;
}

/* append_joinedstr: f'...' (the body repr'd), or the bare body of a
 * format spec. */
static bool joined_str(Buf *b, const Node *e, bool is_format_spec)
{
    Buf body = BUF_INIT;
    AstSeq *vals = e->v.JoinedStr.values;
    for (int i = 0; i < vals->len; i++)
        if (!fstring_element(&body, ITEM(vals, i), is_format_spec)) {
            buf_free(&body);
            return false;
        }
    if (is_format_spec) {
        buf_put(b, body.data ? body.data : "", body.len);
    } else {
        buf_putc(b, 'f');
        ls_repr_str(b, body.data ? body.data : "", body.len);
    }
    buf_free(&body);
    return true;
}

/* append_fstring_element: literal text has its braces doubled. */
static bool fstring_element(Buf *b, const Node *e, bool is_format_spec)
{
    switch (e->kind) {
    case AST_Constant: {
        const Const *k = e->v.Constant.value;
        if (k->kind != CONST_STR)
            return false;
        for (size_t i = 0; i < k->u.s.len; i++) {
            char ch = k->u.s.data[i];
            buf_putc(b, ch);
            if (ch == '{' || ch == '}')
                buf_putc(b, ch);
        }
        return true;
    }
    case AST_JoinedStr:
        return joined_str(b, e, is_format_spec);
    case AST_FormattedValue:
        return formatted_value(b, e);
    default:
        return false;
    }
}

static bool expr(Buf *b, const Node *e, int level)
{
    int pr;
    switch (e->kind) {
    case AST_BoolOp: {
        bool is_and = e->v.BoolOp.op->kind == AST_And;
        pr = is_and ? PR_AND : PR_OR;
        if (level > pr)
            buf_putc(b, '(');
        AstSeq *v = e->v.BoolOp.values;
        for (int i = 0; i < v->len; i++) {
            if (i)
                buf_puts(b, is_and ? " and " : " or ");
            if (!expr(b, ITEM(v, i), pr + 1))
                return false;
        }
        if (level > pr)
            buf_putc(b, ')');
        return true;
    }
    case AST_BinOp: {
        const char *op = binop_str(e->v.BinOp.op->kind, &pr);
        int rassoc = pr == PR_POWER;
        if (level > pr)
            buf_putc(b, '(');
        if (!expr(b, e->v.BinOp.left, pr + rassoc))
            return false;
        buf_puts(b, op);
        if (!expr(b, e->v.BinOp.right, pr + !rassoc))
            return false;
        if (level > pr)
            buf_putc(b, ')');
        return true;
    }
    case AST_UnaryOp: {
        AstKind k = e->v.UnaryOp.op->kind;
        const char *op = k == AST_Invert ? "~" : k == AST_Not ? "not " : k == AST_UAdd ? "+" : "-";
        pr = k == AST_Not ? PR_NOT : PR_FACTOR;
        if (level > pr)
            buf_putc(b, '(');
        buf_puts(b, op);
        if (!expr(b, e->v.UnaryOp.operand, pr))
            return false;
        if (level > pr)
            buf_putc(b, ')');
        return true;
    }
    case AST_Lambda: {
        if (level > PR_TEST)
            buf_putc(b, '(');
        const Node *a = e->v.Lambda.args;
        bool any = a->v.arguments.posonlyargs->len || a->v.arguments.args->len ||
                   a->v.arguments.vararg || a->v.arguments.kwonlyargs->len || a->v.arguments.kwarg;
        buf_puts(b, "lambda");
        if (any) {
            buf_putc(b, ' ');
            if (!args(b, a))
                return false;
        }
        buf_puts(b, ": ");
        if (!expr(b, e->v.Lambda.body, PR_TEST))
            return false;
        if (level > PR_TEST)
            buf_putc(b, ')');
        return true;
    }
    case AST_IfExp:
        if (level > PR_TEST)
            buf_putc(b, '(');
        if (!expr(b, e->v.IfExp.body, PR_TEST + 1))
            return false;
        buf_puts(b, " if ");
        if (!expr(b, e->v.IfExp.test, PR_TEST + 1))
            return false;
        buf_puts(b, " else ");
        if (!expr(b, e->v.IfExp.orelse, PR_TEST))
            return false;
        if (level > PR_TEST)
            buf_putc(b, ')');
        return true;
    case AST_Dict: {
        buf_putc(b, '{');
        AstSeq *k = e->v.Dict.keys, *v = e->v.Dict.values;
        for (int i = 0; i < v->len; i++) {
            if (i)
                buf_puts(b, ", ");
            if (k->items[i]) {
                if (!expr(b, ITEM(k, i), PR_TEST))
                    return false;
                buf_puts(b, ": ");
                if (!expr(b, ITEM(v, i), PR_TEST))
                    return false;
            } else {
                buf_puts(b, "**");
                if (!expr(b, ITEM(v, i), PR_EXPR))
                    return false;
            }
        }
        buf_putc(b, '}');
        return true;
    }
    case AST_Set:
        buf_putc(b, '{');
        if (!seq(b, e->v.Set.elts, PR_TEST))
            return false;
        buf_putc(b, '}');
        return true;
    case AST_GeneratorExp:
        buf_putc(b, '(');
        if (!expr(b, e->v.GeneratorExp.elt, PR_TEST) || !comprehensions(b, e->v.GeneratorExp.generators))
            return false;
        buf_putc(b, ')');
        return true;
    case AST_ListComp:
        buf_putc(b, '[');
        if (!expr(b, e->v.ListComp.elt, PR_TEST) || !comprehensions(b, e->v.ListComp.generators))
            return false;
        buf_putc(b, ']');
        return true;
    case AST_SetComp:
        buf_putc(b, '{');
        if (!expr(b, e->v.SetComp.elt, PR_TEST) || !comprehensions(b, e->v.SetComp.generators))
            return false;
        buf_putc(b, '}');
        return true;
    case AST_DictComp:
        buf_putc(b, '{');
        if (!expr(b, e->v.DictComp.key, PR_TEST))
            return false;
        buf_puts(b, ": ");
        if (!expr(b, e->v.DictComp.value, PR_TEST) || !comprehensions(b, e->v.DictComp.generators))
            return false;
        buf_putc(b, '}');
        return true;
    case AST_Yield:
        if (!e->v.Yield.value) {
            buf_puts(b, "(yield)");
            return true;
        }
        buf_puts(b, "(yield ");
        if (!expr(b, e->v.Yield.value, PR_TEST))
            return false;
        buf_putc(b, ')');
        return true;
    case AST_YieldFrom:
        buf_puts(b, "(yield from ");
        if (!expr(b, e->v.YieldFrom.value, PR_TEST))
            return false;
        buf_putc(b, ')');
        return true;
    case AST_Await:
        if (level > PR_AWAIT)
            buf_putc(b, '(');
        buf_puts(b, "await ");
        if (!expr(b, e->v.Await.value, PR_ATOM))
            return false;
        if (level > PR_AWAIT)
            buf_putc(b, ')');
        return true;
    case AST_Compare:
        if (level > PR_CMP)
            buf_putc(b, '(');
        if (!expr(b, e->v.Compare.left, PR_CMP + 1))
            return false;
        for (int i = 0; i < e->v.Compare.ops->len; i++) {
            buf_puts(b, cmpop_str(ITEM(e->v.Compare.ops, i)->kind));
            if (!expr(b, ITEM(e->v.Compare.comparators, i), PR_CMP + 1))
                return false;
        }
        if (level > PR_CMP)
            buf_putc(b, ')');
        return true;
    case AST_Call: {
        if (!expr(b, e->v.Call.func, PR_ATOM))
            return false;
        AstSeq *a = e->v.Call.args, *kw = e->v.Call.keywords;
        if (a->len == 1 && !kw->len && ITEM(a, 0)->kind == AST_GeneratorExp)
            return expr(b, ITEM(a, 0), PR_TEST);
        buf_putc(b, '(');
        bool first = true;
        for (int i = 0; i < a->len; i++) {
            if (!first)
                buf_puts(b, ", ");
            first = false;
            if (!expr(b, ITEM(a, i), PR_TEST))
                return false;
        }
        for (int i = 0; i < kw->len; i++) {
            const Node *k = ITEM(kw, i);
            if (!first)
                buf_puts(b, ", ");
            first = false;
            if (k->v.keyword.arg) {
                buf_puts(b, k->v.keyword.arg);
                buf_putc(b, '=');
            } else {
                buf_puts(b, "**");
            }
            if (!expr(b, k->v.keyword.value, PR_TEST))
                return false;
        }
        buf_putc(b, ')');
        return true;
    }
    case AST_Constant:
        if (e->v.Constant.kind && e->v.Constant.value->kind != CONST_ELLIPSIS)
            buf_putc(b, 'u');
        constant(b, e->v.Constant.value);
        return true;
    case AST_Attribute: {
        const Node *v = e->v.Attribute.value;
        if (!expr(b, v, PR_ATOM))
            return false;
        buf_puts(b, v->kind == AST_Constant && v->v.Constant.value->kind == CONST_INT ? " ." : ".");
        buf_puts(b, e->v.Attribute.attr);
        return true;
    }
    case AST_Subscript:
        if (!expr(b, e->v.Subscript.value, PR_ATOM))
            return false;
        buf_putc(b, '[');
        if (!expr(b, e->v.Subscript.slice, PR_TUPLE))
            return false;
        buf_putc(b, ']');
        return true;
    case AST_Starred:
        buf_putc(b, '*');
        return expr(b, e->v.Starred.value, PR_EXPR);
    case AST_Name:
        buf_puts(b, e->v.Name.id);
        return true;
    case AST_List:
        buf_putc(b, '[');
        if (!seq(b, e->v.List.elts, PR_TEST))
            return false;
        buf_putc(b, ']');
        return true;
    case AST_Tuple: {
        AstSeq *elts = e->v.Tuple.elts;
        if (!elts->len) {
            buf_puts(b, "()");
            return true;
        }
        if (level > PR_TUPLE)
            buf_putc(b, '(');
        if (!seq(b, elts, PR_TEST))
            return false;
        if (elts->len == 1)
            buf_putc(b, ',');
        if (level > PR_TUPLE)
            buf_putc(b, ')');
        return true;
    }
    case AST_Slice:
        if (e->v.Slice.lower && !expr(b, e->v.Slice.lower, PR_TEST))
            return false;
        buf_putc(b, ':');
        if (e->v.Slice.upper && !expr(b, e->v.Slice.upper, PR_TEST))
            return false;
        if (e->v.Slice.step) {
            buf_putc(b, ':');
            if (!expr(b, e->v.Slice.step, PR_TEST))
                return false;
        }
        return true;
    case AST_NamedExpr:
        if (level > PR_TUPLE)
            buf_putc(b, '(');
        if (!expr(b, e->v.NamedExpr.target, PR_ATOM))
            return false;
        buf_puts(b, " := ");
        if (!expr(b, e->v.NamedExpr.value, PR_ATOM))
            return false;
        if (level > PR_TUPLE)
            buf_putc(b, ')');
        return true;
    case AST_JoinedStr:
        return joined_str(b, e, false);
    case AST_FormattedValue:
        return formatted_value(b, e);
    default:
        return false;
    }
}

const char *cfg_unparse(Arena *a, const AstNode *e)
{
    Buf b = BUF_INIT;
    const char *r = NULL;
    if (expr(&b, e, PR_TEST)) {
        buf_putc(&b, '\0');
        r = arena_strndup(a, b.data, b.len - 1);
    }
    buf_free(&b);
    return r;
}
