/* cmd/pycfg/fold.c: constant folding on the AST (CPython 3.11's
 * Python/ast_opt.c), before code generation.
 *
 * Stage: pycfg.  Rewrites AST nodes in place (libstage/ast.h).  Folds, like
 * CPython: BinOp and UnaryOp of constants, tuples of constants, `not` into
 * an `is`/`in` comparison, list/set displays after `in` and in `for ... in`
 * into tuples/frozensets, and `__debug__`.  CPython's size limits apply
 * (MAX_INT_SIZE 128 bits, MAX_COLLECTION_SIZE 256, MAX_STR_SIZE 4096).
 *
 * Not folded yet (left for run time, which gives the same value): integer
 * results beyond 64 bits, float // % **, complex arithmetic, str % args,
 * subscripts of constants.
 */
#include "cmd/pycfg/fold.h"

#include "cmd/pycfg/bigint.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INT_SIZE 128         /* bits */
#define MAX_COLLECTION_SIZE 256  /* items */
#define MAX_STR_SIZE 4096        /* characters */

/* ---- constants ---- */

static Const const_none = {CONST_NONE, {0}};
static Const const_true = {CONST_TRUE, {0}};
static Const const_false = {CONST_FALSE, {0}};

Const *cfg_const_none(void)
{
    return &const_none;
}

Const *cfg_const_bool(bool v)
{
    return v ? &const_true : &const_false;
}

Const *cfg_const_int(Arena *a, long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    Const *c = arena_alloc(a, sizeof *c);
    c->kind = CONST_INT;
    c->u.i = arena_strdup(a, buf);
    return c;
}

Const *cfg_const_str(Arena *a, const char *s, size_t len)
{
    Const *c = arena_alloc(a, sizeof *c);
    c->kind = CONST_STR;
    c->u.s.data = arena_strndup(a, s, len);
    c->u.s.len = len;
    return c;
}

Const *cfg_const_tuple(Arena *a, Const **items, size_t n)
{
    Const *c = arena_alloc(a, sizeof *c);
    c->kind = CONST_TUPLE;
    c->u.t.items = items;
    c->u.t.len = n;
    return c;
}

static Const *const_float(Arena *a, double d)
{
    Const *c = arena_alloc(a, sizeof *c);
    c->kind = CONST_FLOAT;
    c->u.f = d;
    return c;
}

int cfg_const_truth(const Const *c)
{
    switch (c->kind) {
    case CONST_NONE: case CONST_FALSE: return 0;
    case CONST_TRUE: case CONST_ELLIPSIS: return 1;
    case CONST_INT: return !(strcmp(c->u.i, "0") == 0 || strcmp(c->u.i, "-0") == 0);
    case CONST_FLOAT: return c->u.f != 0.0;
    case CONST_COMPLEX: return c->u.c.real != 0.0 || c->u.c.imag != 0.0;
    case CONST_STR: case CONST_BYTES: return c->u.s.len != 0;
    case CONST_TUPLE: case CONST_FROZENSET: return c->u.t.len != 0;
    default: return -1;
    }
}

/* An int or bool constant as int64; false when it does not fit. */
static bool as_i64(const Const *c, int64_t *out)
{
    if (c->kind == CONST_TRUE || c->kind == CONST_FALSE) {
        *out = c->kind == CONST_TRUE;
        return true;
    }
    if (c->kind != CONST_INT)
        return false;
    errno = 0;
    char *end;
    long long v = strtoll(c->u.i, &end, 10);
    if (errno || *end)
        return false;
    *out = v;
    return true;
}

static bool is_intlike(const Const *c)
{
    return c->kind == CONST_INT || c->kind == CONST_TRUE || c->kind == CONST_FALSE;
}

/* A number as a double, when exactly representable as Python converts it. */
/* An int or bool constant as a big integer. */
static bool const_big(Arena *a, const Const *c, CfgBig *out)
{
    if (c->kind == CONST_TRUE || c->kind == CONST_FALSE) {
        cfg_big_from_i64(a, c->kind == CONST_TRUE, out);
        return true;
    }
    return c->kind == CONST_INT && cfg_big_parse(a, c->u.i, out);
}

static Const *big_const(Arena *a, const CfgBig *x)
{
    Const *c = arena_alloc(a, sizeof *c);
    c->kind = CONST_INT;
    c->u.i = cfg_big_str(a, x);
    return c;
}

/* Integer BinOp with CPython's safe_multiply/safe_power/safe_lshift limits;
 * NULL when not folded. */
static Const *fold_int(Arena *a, AstKind op, const Const *l, const Const *r)
{
    CfgBig x, y, z;
    if (!const_big(a, l, &x) || !const_big(a, r, &y))
        return NULL;
    bool both_bool = l->kind != CONST_INT && r->kind != CONST_INT;
    long xb = cfg_big_bits(&x);
    int64_t w;
    int bop;
    switch (op) {
    case AST_Add: bop = '+'; break;
    case AST_Sub: bop = '-'; break;
    case AST_Mult:
        if (x.n && y.n && xb + cfg_big_bits(&y) > MAX_INT_SIZE)
            return NULL;
        bop = '*';
        break;
    case AST_FloorDiv: bop = '/'; break;
    case AST_Mod: bop = '%'; break;
    case AST_Pow:
        if (y.neg) {
            /* int ** negative int is a float, as float_pow computes it */
            double fx, fy;
            if (!x.n || !cfg_big_to_double(&x, &fx) || !cfg_big_to_double(&y, &fy))
                return NULL;
            double res = pow(fx, fy);
            if (isinf(res) || isnan(res))
                return NULL;
            return const_float(a, res);
        }
        if (x.n && y.n) {
            if (!cfg_big_to_i64(&y, &w) || xb > MAX_INT_SIZE / w)
                return NULL;
        }
        bop = 'p';
        break;
    case AST_LShift:
        if (x.n && y.n) {
            if (y.neg || !cfg_big_to_i64(&y, &w) || w > MAX_INT_SIZE || xb > MAX_INT_SIZE - w)
                return NULL;
        }
        bop = '<';
        break;
    case AST_RShift: bop = '>'; break;
    case AST_BitAnd: bop = '&'; break;
    case AST_BitOr: bop = '|'; break;
    case AST_BitXor: bop = '^'; break;
    case AST_Div: {
        double q;
        if (!cfg_big_truediv(a, &x, &y, &q))
            return NULL;
        return const_float(a, q);
    }
    default:
        return NULL;
    }
    if (!cfg_big_binop(a, bop, &x, &y, &z))
        return NULL;
    if (both_bool && (bop == '&' || bop == '|' || bop == '^'))
        return cfg_const_bool(z.n != 0);
    return big_const(a, &z);
}

/* A number as a double, as Python converts an int to float (correctly
 * rounded); false for non-numbers and ints too big for a float. */
static bool as_double(Arena *a, const Const *c, double *out)
{
    if (c->kind == CONST_FLOAT) {
        *out = c->u.f;
        return true;
    }
    CfgBig b;
    return const_big(a, c, &b) && cfg_big_to_double(&b, out);
}

/* float_floor_div / float_rem: Python's divmod on floats (y != 0). */
static void float_divmod(double x, double y, double *fdiv, double *fmodp)
{
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    if (div) {
        *fdiv = floor(div);
        if (div - *fdiv > 0.5)
            *fdiv += 1.0;
    } else {
        *fdiv = copysign(0.0, x / y);
    }
    *fmodp = mod;
}

static Const *fold_float(Arena *a, AstKind op, const Const *l, const Const *r)
{
    double x, y, q, m;
    if (!as_double(a, l, &x) || !as_double(a, r, &y))
        return NULL;
    switch (op) {
    case AST_Add: return const_float(a, x + y);
    case AST_Sub: return const_float(a, x - y);
    case AST_Mult: return const_float(a, x * y);
    case AST_Div:
        if (y == 0.0) return NULL;
        return const_float(a, x / y);
    case AST_FloorDiv:
    case AST_Mod:
        if (y == 0.0 || isnan(x) || isnan(y) || isinf(x) || isinf(y))
            return NULL;
        float_divmod(x, y, &q, &m);
        return const_float(a, op == AST_FloorDiv ? q : m);
    case AST_Pow:
        /* the plain cases of float_pow; the rest is left to run time */
        if (y == 0.0)
            return const_float(a, 1.0);
        if (isnan(x) || isnan(y) || isinf(x) || isinf(y) || (x == 0.0 && y < 0.0))
            return NULL;
        if (x < 0.0 && y != floor(y)) {
            /* a complex result, computed as _Py_c_pow does */
            double len = pow(hypot(x, 0.0), y), phase = atan2(0.0, x) * y;
            Const *cr = arena_alloc(a, sizeof *cr);
            cr->kind = CONST_COMPLEX;
            cr->u.c.real = len * cos(phase);
            cr->u.c.imag = len * sin(phase);
            return cr;
        }
        q = pow(x, y);
        if (isinf(q) || isnan(q))
            return NULL;
        return const_float(a, q);
    default: return NULL;
    }
}

/* Characters of a UTF-8 string (code points). */
static size_t utf8_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            k++;
    return k;
}

static Const *repeat_seq(Arena *a, const Const *seq, int64_t n)
{
    if (n < 0)
        n = 0;
    if (seq->kind == CONST_STR || seq->kind == CONST_BYTES) {
        size_t unit = seq->kind == CONST_STR ? utf8_chars(seq->u.s.data, seq->u.s.len) : seq->u.s.len;
        if (unit && (uint64_t)n > MAX_STR_SIZE / unit)
            return NULL;
        size_t len = seq->u.s.len * (size_t)n;
        char *p = arena_alloc(a, len + 1);
        for (int64_t i = 0; i < n; i++)
            memcpy(p + (size_t)i * seq->u.s.len, seq->u.s.data, seq->u.s.len);
        Const *c = arena_alloc(a, sizeof *c);
        c->kind = seq->kind;
        c->u.s.data = p;
        c->u.s.len = len;
        return c;
    }
    if (seq->kind == CONST_TUPLE) {
        if (seq->u.t.len && (uint64_t)n > MAX_COLLECTION_SIZE / seq->u.t.len)
            return NULL;
        size_t len = seq->u.t.len * (size_t)n;
        Const **items = arena_alloc(a, (len + 1) * sizeof *items);
        for (int64_t i = 0; i < n; i++)
            memcpy(items + (size_t)i * seq->u.t.len, seq->u.t.items, seq->u.t.len * sizeof *items);
        return cfg_const_tuple(a, items, len);
    }
    return NULL;
}

static Const *fold_seq(Arena *a, AstKind op, const Const *l, const Const *r)
{
    if (op == AST_Add && l->kind == r->kind &&
        (l->kind == CONST_STR || l->kind == CONST_BYTES)) {
        size_t len = l->u.s.len + r->u.s.len;
        char *p = arena_alloc(a, len + 1);
        memcpy(p, l->u.s.data, l->u.s.len);
        memcpy(p + l->u.s.len, r->u.s.data, r->u.s.len);
        Const *c = arena_alloc(a, sizeof *c);
        c->kind = l->kind;
        c->u.s.data = p;
        c->u.s.len = len;
        return c;
    }
    if (op == AST_Add && l->kind == CONST_TUPLE && r->kind == CONST_TUPLE) {
        size_t len = l->u.t.len + r->u.t.len;
        Const **items = arena_alloc(a, (len + 1) * sizeof *items);
        if (l->u.t.len)
            memcpy(items, l->u.t.items, l->u.t.len * sizeof *items);
        if (r->u.t.len)
            memcpy(items + l->u.t.len, r->u.t.items, r->u.t.len * sizeof *items);
        return cfg_const_tuple(a, items, len);
    }
    if (op == AST_Mult) {
        int64_t n;
        if (is_intlike(r) && as_i64(r, &n))
            return repeat_seq(a, l, n);
        if (is_intlike(l) && as_i64(l, &n))
            return repeat_seq(a, r, n);
    }
    return NULL;
}

static void make_const(AstNode *n, Const *v)
{
    n->kind = AST_Constant;
    memset(&n->v, 0, sizeof n->v);
    n->v.Constant.value = v;
    n->v.Constant.kind = NULL;
}

static bool has_starred(AstSeq *elts)
{
    for (int i = 0; i < elts->len; i++)
        if (((AstNode *)elts->items[i])->kind == AST_Starred)
            return true;
    return false;
}

/* A node without a location (CPython's -1 positions). */
static AstNode *new_nopos(Arena *a, AstKind k)
{
    AstNode *n = ast_new(a, k);
    n->lineno = n->col_offset = n->end_lineno = n->end_col_offset = -1;
    return n;
}

/* parse_literal: the text up to the next lone '%', with %% as %. */
static AstNode *format_literal(const char *fmt, size_t len, size_t *ppos, Arena *a)
{
    size_t start = *ppos, pos = start;
    while (pos < len) {
        if (fmt[pos] != '%')
            pos++;
        else if (pos + 1 < len && fmt[pos + 1] == '%')
            pos += 2;
        else
            break;
    }
    *ppos = pos;
    if (pos == start)
        return NULL;
    char *s = arena_alloc(a, pos - start + 1);
    size_t k = 0;
    for (size_t i = start; i < pos; i++) {
        s[k++] = fmt[i];
        if (fmt[i] == '%')
            i++;
    }
    AstNode *c = new_nopos(a, AST_Constant);
    c->v.Constant.value = cfg_const_str(a, s, k);
    return c;
}

/* parse_format: one simple %s, %r or %a unit (flags, width and precision
 * of at most two digits each) as a FormattedValue, or NULL. */
static AstNode *format_unit(const char *fmt, size_t len, size_t *ppos, AstNode *arg, Arena *a)
{
    size_t pos = *ppos;
    int ch, width = -1, prec = -1;
    bool ljust = false;
#define NEXTC do { if (pos >= len) return NULL; ch = (unsigned char)fmt[pos++]; } while (0)
    for (;;) {
        NEXTC;
        if (ch == '-') { ljust = true; continue; }
        if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') continue;
        break;
    }
    if (ch >= '0' && ch <= '9') {
        width = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            width = width * 10 + (ch - '0');
            NEXTC;
            if (++digits >= 3)
                return NULL;
        }
    }
    if (ch == '.') {
        NEXTC;
        prec = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            prec = prec * 10 + (ch - '0');
            NEXTC;
            if (++digits >= 3)
                return NULL;
        }
    }
#undef NEXTC
    if (ch != 's' && ch != 'r' && ch != 'a')
        return NULL;
    *ppos = pos;
    char buf[16], *p = buf;
    if (!ljust && width > 0)
        *p++ = '>';
    if (width >= 0)
        p += snprintf(p, 4, "%d", width);
    if (prec >= 0)
        p += snprintf(p, 5, ".%d", prec);
    AstNode *fv = ast_new(a, AST_FormattedValue);
    fv->lineno = arg->lineno;
    fv->col_offset = arg->col_offset;
    fv->end_lineno = arg->end_lineno;
    fv->end_col_offset = arg->end_col_offset;
    fv->v.FormattedValue.value = arg;
    fv->v.FormattedValue.conversion = ch;
    if (p != buf) {
        AstNode *spec = new_nopos(a, AST_Constant);
        spec->v.Constant.value = cfg_const_str(a, buf, (size_t)(p - buf));
        fv->v.FormattedValue.format_spec = spec;
    }
    return fv;
}

/* optimize_format: 'fmt' % (a, b) with simple units -> an f-string. */
static void optimize_format(AstNode *n, const Const *fmtc, AstSeq *elts, Arena *a)
{
    const char *fmt = fmtc->u.s.data;
    size_t len = fmtc->u.s.len, pos = 0;
    int cnt = 0;
    AstSeq *seq = ast_seq_new(a, elts->len * 2 + 1);
    seq->len = 0;
    for (;;) {
        AstNode *lit = format_literal(fmt, len, &pos, a);
        if (lit)
            seq->items[seq->len++] = lit;
        if (pos >= len)
            break;
        if (cnt >= elts->len)
            return;
        pos++;
        AstNode *fv = format_unit(fmt, len, &pos, elts->items[cnt], a);
        cnt++;
        if (!fv)
            return;
        seq->items[seq->len++] = fv;
    }
    if (cnt < elts->len)
        return;
    n->kind = AST_JoinedStr;
    memset(&n->v, 0, sizeof n->v);
    n->v.JoinedStr.values = seq;
}

static void fold_binop(AstNode *n, Arena *a)
{
    AstNode *l = n->v.BinOp.left, *r = n->v.BinOp.right;
    if (l->kind != AST_Constant)
        return;
    if (n->v.BinOp.op->kind == AST_Mod && r->kind == AST_Tuple &&
        l->v.Constant.value->kind == CONST_STR && !has_starred(r->v.Tuple.elts)) {
        optimize_format(n, l->v.Constant.value, r->v.Tuple.elts, a);
        return;
    }
    if (r->kind != AST_Constant)
        return;
    const Const *lv = l->v.Constant.value, *rv = r->v.Constant.value;
    AstKind op = n->v.BinOp.op->kind;
    Const *res = NULL;
    if ((lv->kind == CONST_COMPLEX || rv->kind == CONST_COMPLEX) &&
        (op == AST_Add || op == AST_Sub || op == AST_Mult)) {
        /* complex literals: 1+2j, 1.5-3j */
        double xr, xi = 0.0, yr, yi = 0.0;
        if (lv->kind == CONST_COMPLEX) {
            xr = lv->u.c.real;
            xi = lv->u.c.imag;
        } else if (!as_double(a, lv, &xr)) {
            return;
        }
        if (rv->kind == CONST_COMPLEX) {
            yr = rv->u.c.real;
            yi = rv->u.c.imag;
        } else if (!as_double(a, rv, &yr)) {
            return;
        }
        res = arena_alloc(a, sizeof *res);
        res->kind = CONST_COMPLEX;
        if (op == AST_Mult) {
            /* _Py_c_prod */
            res->u.c.real = xr * yr - xi * yi;
            res->u.c.imag = xr * yi + xi * yr;
        } else {
            res->u.c.real = op == AST_Add ? xr + yr : xr - yr;
            res->u.c.imag = op == AST_Add ? xi + yi : xi - yi;
        }
    } else if (is_intlike(lv) && is_intlike(rv))
        res = fold_int(a, op, lv, rv);
    else if ((lv->kind == CONST_FLOAT || is_intlike(lv)) && (rv->kind == CONST_FLOAT || is_intlike(rv)))
        res = fold_float(a, op, lv, rv);
    else
        res = fold_seq(a, op, lv, rv);
    if (res)
        make_const(n, res);
}

/* Negate a decimal integer string. */
static Const *neg_int(Arena *a, const Const *c)
{
    const char *s = c->u.i;
    Const *r = arena_alloc(a, sizeof *r);
    r->kind = CONST_INT;
    if (s[0] == '-')
        r->u.i = arena_strdup(a, s + 1);
    else if (strcmp(s, "0") == 0)
        r->u.i = s;
    else {
        size_t n = strlen(s);
        char *p = arena_alloc(a, n + 2);
        p[0] = '-';
        memcpy(p + 1, s, n + 1);
        r->u.i = p;
    }
    return r;
}

static void fold_unaryop(AstNode *n, Arena *a)
{
    AstNode *arg = n->v.UnaryOp.operand;
    AstKind op = n->v.UnaryOp.op->kind;
    if (arg->kind != AST_Constant) {
        /* not (a is b) -> a is not b, and the same for in */
        if (op == AST_Not && arg->kind == AST_Compare && arg->v.Compare.ops->len == 1) {
            AstNode *cmp = arg->v.Compare.ops->items[0];
            AstKind inv = AST_NONE_;
            switch (cmp->kind) {
            case AST_Is: inv = AST_IsNot; break;
            case AST_IsNot: inv = AST_Is; break;
            case AST_In: inv = AST_NotIn; break;
            case AST_NotIn: inv = AST_In; break;
            default: break;
            }
            if (inv != AST_NONE_) {
                AstNode *newop = ast_new(a, inv);
                arg->v.Compare.ops->items[0] = newop;
                *n = *arg;
            }
        }
        return;
    }
    const Const *v = arg->v.Constant.value;
    Const *res = NULL;
    switch (op) {
    case AST_Not: {
        int t = cfg_const_truth(v);
        if (t >= 0)
            res = cfg_const_bool(!t);
        break;
    }
    case AST_USub:
        if (v->kind == CONST_INT)
            res = neg_int(a, v);
        else if (v->kind == CONST_TRUE || v->kind == CONST_FALSE)
            res = cfg_const_int(a, v->kind == CONST_TRUE ? -1 : 0);
        else if (v->kind == CONST_FLOAT)
            res = const_float(a, -v->u.f);
        else if (v->kind == CONST_COMPLEX) {
            res = arena_alloc(a, sizeof *res);
            res->kind = CONST_COMPLEX;
            res->u.c.real = -v->u.c.real;
            res->u.c.imag = -v->u.c.imag;
        }
        break;
    case AST_UAdd:
        if (v->kind == CONST_INT || v->kind == CONST_FLOAT || v->kind == CONST_COMPLEX)
            res = (Const *)v;
        else if (v->kind == CONST_TRUE || v->kind == CONST_FALSE)
            res = cfg_const_int(a, v->kind == CONST_TRUE);
        break;
    case AST_Invert: {
        CfgBig b, r;
        if (const_big(a, v, &b)) {
            cfg_big_invert(a, &b, &r);
            res = big_const(a, &r);
        }
        break;
    }
    default:
        break;
    }
    if (res)
        make_const(n, res);
}

/* make_const_tuple: the elements as a constant tuple, or NULL. */
static Const *const_tuple_of(AstSeq *elts, Arena *a)
{
    Const **items = arena_alloc(a, (size_t)(elts->len + 1) * sizeof *items);
    for (int i = 0; i < elts->len; i++) {
        AstNode *e = elts->items[i];
        if (e->kind != AST_Constant)
            return NULL;
        items[i] = e->v.Constant.value;
    }
    return cfg_const_tuple(a, items, (size_t)elts->len);
}

/* fold_iter: a list or set display being iterated or searched. */
static void fold_iter(AstNode *arg, Arena *a)
{
    Const *v = NULL;
    if (arg->kind == AST_List) {
        if (has_starred(arg->v.List.elts))
            return;
        AstSeq *elts = arg->v.List.elts;
        AstNode *ctx = arg->v.List.ctx;
        arg->kind = AST_Tuple;
        arg->v.Tuple.elts = elts;
        arg->v.Tuple.ctx = ctx;
        v = const_tuple_of(elts, a);
    } else if (arg->kind == AST_Set) {
        v = const_tuple_of(arg->v.Set.elts, a);
        if (v)
            v->kind = CONST_FROZENSET;
    }
    if (v)
        make_const(arg, v);
}

/* fold_subscr: constant[constant] for str, bytes and tuple with an int index. */
static void fold_subscr(AstNode *n, Arena *a)
{
    AstNode *v = n->v.Subscript.value, *sl = n->v.Subscript.slice;
    if (v->kind != AST_Constant || sl->kind != AST_Constant || n->v.Subscript.ctx->kind != AST_Load)
        return;
    const Const *cv = v->v.Constant.value, *ci = sl->v.Constant.value;
    int64_t i;
    if (!is_intlike(ci) || !as_i64(ci, &i))
        return;
    if (cv->kind == CONST_TUPLE) {
        int64_t len = (int64_t)cv->u.t.len;
        if (i < 0)
            i += len;
        if (i < 0 || i >= len)
            return;
        make_const(n, cv->u.t.items[i]);
    } else if (cv->kind == CONST_BYTES) {
        int64_t len = (int64_t)cv->u.s.len;
        if (i < 0)
            i += len;
        if (i < 0 || i >= len)
            return;
        make_const(n, cfg_const_int(a, (unsigned char)cv->u.s.data[i]));
    } else if (cv->kind == CONST_STR) {
        const char *s = cv->u.s.data;
        size_t n8 = cv->u.s.len;
        int64_t len = (int64_t)utf8_chars(s, n8);
        if (i < 0)
            i += len;
        if (i < 0 || i >= len)
            return;
        size_t k = 0;
        int64_t ch = -1;
        while (k < n8) {
            if (((unsigned char)s[k] & 0xc0) != 0x80 && ++ch == i)
                break;
            k++;
        }
        size_t e = k + 1;
        while (e < n8 && ((unsigned char)s[e] & 0xc0) == 0x80)
            e++;
        make_const(n, cfg_const_str(a, s + k, e - k));
    }
}

static void fold_node(AstNode *n, Arena *a);

static bool skip_annotations;   /* from __future__ import annotations */

static bool is_annotation_field(const AstFieldInfo *fi)
{
    return (fi->kind == AST_arg && strcmp(fi->name, "annotation") == 0) ||
           (fi->kind == AST_AnnAssign && strcmp(fi->name, "annotation") == 0) ||
           ((fi->kind == AST_FunctionDef || fi->kind == AST_AsyncFunctionDef) &&
            strcmp(fi->name, "returns") == 0);
}

static void fold_children(AstNode *n, Arena *a)
{
    const AstKindInfo *k = &ast_kinds[n->kind];
    int first = ast_first_field(n->kind);
    for (int f = 0; f < k->nfields; f++) {
        const AstFieldInfo *fi = &ast_fields[first + f];
        if (fi->type >= SUM_identifier || (skip_annotations && is_annotation_field(fi)))
            continue;
        void *p = AST_FIELD_PTR(n, fi);
        if (fi->card == CARD_SEQ) {
            AstSeq *s = *(AstSeq **)p;
            for (int i = 0; s && i < s->len; i++)
                if (s->items[i])
                    fold_node(s->items[i], a);
        } else {
            AstNode *c = *(AstNode **)p;
            if (c)
                fold_node(c, a);
        }
    }
}

static void fold_node(AstNode *n, Arena *a)
{
    fold_children(n, a);
    switch (n->kind) {
    case AST_BinOp:
        fold_binop(n, a);
        break;
    case AST_UnaryOp:
        fold_unaryop(n, a);
        break;
    case AST_Subscript:
        fold_subscr(n, a);
        break;
    case AST_Tuple:
        if (n->v.Tuple.ctx->kind == AST_Load) {
            Const *v = const_tuple_of(n->v.Tuple.elts, a);
            if (v)
                make_const(n, v);
        }
        break;
    case AST_Compare: {
        AstSeq *ops = n->v.Compare.ops;
        /* a hand-made AST may have no operators, or fewer comparators:
         * compile.c rejects it later, with a message */
        if (ops->len == 0 || ops->len != n->v.Compare.comparators->len)
            break;
        AstKind last = ((AstNode *)ops->items[ops->len - 1])->kind;
        if (last == AST_In || last == AST_NotIn)
            fold_iter(n->v.Compare.comparators->items[ops->len - 1], a);
        break;
    }
    case AST_For:
    case AST_AsyncFor:
        fold_iter(n->v.For.iter, a);
        break;
    case AST_comprehension:
        fold_iter(n->v.comprehension.iter, a);
        break;
    case AST_Name:
        if (n->v.Name.ctx->kind == AST_Load && strcmp(n->v.Name.id, "__debug__") == 0)
            make_const(n, cfg_const_bool(true));
        break;
    default:
        break;
    }
}

void cfg_fold(AstNode *mod, Arena *a, bool future_annotations)
{
    skip_annotations = future_annotations;
    fold_node(mod, a);
}
