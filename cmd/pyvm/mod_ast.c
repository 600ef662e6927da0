/* cmd/pyvm/mod_ast.c: the _ast module (every AST node class, for ast.py)
 * and compile(..., PyCF_ONLY_AST), which ast.parse calls.
 *
 * Stage: pyvm.  The node classes are not listed here: the Python source of
 * the module is generated from the node descriptor tables that
 * libstage/ast.def expands into (ast_kinds[], ast_fields[]), then run as a
 * frozen module.  The AST base class takes positional and keyword fields
 * as CPython's (missing fields stay absent; optional fields and the
 * end positions default to None through class attributes).
 *
 * vm_ast_parse() builds the front end's AST (ls_parse_ast) and converts it
 * node by node into instances of those classes, through the same tables.
 */
#include "cmd/pyvm/mod_ast.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/pyvm/complex.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/import_cache.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "libstage/ast.h"
#include "libstage/buf.h"

/* The hand-written part: the base class and the compile flags. */
static const char ast_base_src[] =
    "PyCF_ONLY_AST = 1024\n"
    "PyCF_TYPE_COMMENTS = 4096\n"
    "PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192\n"
    "class AST:\n"
    "    _fields = ()\n"
    "    _attributes = ()\n"
    "    __match_args__ = ()\n"
    "    def __init__(self, *args, **kwargs):\n"
    "        fields = type(self)._fields\n"
    "        name = type(self).__name__\n"
    "        if len(args) > len(fields):\n"
    "            raise TypeError('%s constructor takes at most %d positional argument%s'\n"
    "                            % (name, len(fields), '' if len(fields) == 1 else 's'))\n"
    "        for f, v in zip(fields, args):\n"
    "            setattr(self, f, v)\n"
    "        for f, v in kwargs.items():\n"
    "            if f in fields[:len(args)]:\n"
    "                raise TypeError('%s got multiple values for argument %r' % (name, f))\n"
    "            setattr(self, f, v)\n"
    "    def __reduce__(self):\n"
    "        d = getattr(self, '__dict__', None)\n"
    "        return (type(self), (), d) if d else (type(self), ())\n";

/* The tail: every class reports module 'ast', as CPython's. */
static const char ast_tail_src[] =
    "for _v in list(globals().values()):\n"
    "    if isinstance(_v, type) and issubclass(_v, AST):\n"
    "        _v.__module__ = 'ast'\n"
    "del _v\n";

static const char *const pos_attrs = "('lineno', 'col_offset', 'end_lineno', 'end_col_offset')";

/* Does some constructor of sum s carry positions? */
static bool sum_has_pos(AstSum s)
{
    for (int k = 1; k < AST_NKINDS; k++)
        if (ast_kinds[k].sum == s && ast_kinds[k].has_pos)
            return true;
    return false;
}

/* Is sum s a product type (one constructor named as the sum)? */
static bool is_product(AstSum s)
{
    for (int k = 1; k < AST_NKINDS; k++)
        if (ast_kinds[k].sum == s && strcmp(ast_kinds[k].name, ast_sum_names[s]) == 0)
            return true;
    return false;
}

static void put_pos_defaults(Buf *b)
{
    buf_printf(b, "    _attributes = %s\n    end_lineno = None\n    end_col_offset = None\n",
               pos_attrs);
}

/* The generated module source (malloc'd, NUL-terminated). */
static char *ast_module_src(void)
{
    Buf b = BUF_INIT;
    buf_puts(&b, ast_base_src);
    /* the abstract sum classes */
    for (int s = 0; s < SUM_identifier; s++) {
        if (is_product((AstSum)s))
            continue;
        buf_printf(&b, "class %s(AST):\n    __doc__ = None\n", ast_sum_names[s]);
        if (sum_has_pos((AstSum)s))
            put_pos_defaults(&b);
        else
            buf_puts(&b, "    pass\n");
    }
    /* one class per constructor */
    for (int k = 1; k < AST_NKINDS; k++) {
        const AstKindInfo *ki = &ast_kinds[k];
        bool product = strcmp(ki->name, ast_sum_names[ki->sum]) == 0;
        buf_printf(&b, "class %s(%s):\n", ki->name, product ? "AST" : ast_sum_names[ki->sum]);
        int first = ast_first_field((AstKind)k);
        buf_puts(&b, "    _fields = (");
        for (int i = 0; i < ki->nfields; i++)
            buf_printf(&b, "'%s', ", ast_fields[first + i].name);
        buf_puts(&b, ")\n    __match_args__ = _fields\n");
        /* the docstring: "Name(identifier id, expr_context ctx)" */
        buf_printf(&b, "    __doc__ = '%s", ki->name);
        if (ki->nfields) {
            buf_putc(&b, '(');
            for (int i = 0; i < ki->nfields; i++) {
                const AstFieldInfo *fi = &ast_fields[first + i];
                buf_printf(&b, "%s%s%s %s", i ? ", " : "", ast_sum_names[fi->type],
                           fi->card == CARD_SEQ ? "*" : fi->card == CARD_OPT ? "?" : "",
                           fi->name);
            }
            buf_putc(&b, ')');
        }
        buf_puts(&b, "'\n");
        for (int i = 0; i < ki->nfields; i++)
            if (ast_fields[first + i].card == CARD_OPT)
                buf_printf(&b, "    %s = None\n", ast_fields[first + i].name);
        if (product && ki->has_pos)
            put_pos_defaults(&b);
    }
    buf_puts(&b, ast_tail_src);
    buf_putc(&b, '\0');
    return buf_take(&b);
}

Obj *vm_mod__ast(void)
{
    char *src = ast_module_src();
    Obj *m = vm_frozen_module("_ast", src);
    free(src);
    return m;
}

/* ---- the front end's AST as _ast objects ---- */

/* A constant of the AST as a Python object. */
static Obj *const_obj(const Const *k)
{
    switch (k->kind) {
    case CONST_NONE: return vm_newref(VM_NONE);
    case CONST_TRUE: return vm_newref(VM_TRUE);
    case CONST_FALSE: return vm_newref(VM_FALSE);
    case CONST_ELLIPSIS: return vm_newref(&vm_ellipsis_obj);
    case CONST_INT: return vm_int_from_str(k->u.i, strlen(k->u.i), 10);
    case CONST_FLOAT: return vm_float_new(k->u.f);
    case CONST_COMPLEX: return vm_complex_new(k->u.c.real, k->u.c.imag);
    case CONST_STR: return vm_str_new(k->u.s.data, k->u.s.len);
    case CONST_BYTES: return vm_bytes_new(k->u.s.data, k->u.s.len);
    case CONST_TUPLE: {
        Obj *t = vm_tuple_new((ssize_t)k->u.t.len);
        for (size_t i = 0; i < k->u.t.len; i++) {
            Obj *item = const_obj(k->u.t.items[i]);
            if (!item) {
                DECREF(t);
                return NULL;
            }
            TUPLE_ITEMS(t)[i] = item;
        }
        return t;
    }
    default:
        return vm_err_str(&vm_exc_SystemError, "ast: unexpected constant in the AST");
    }
}

static Obj *node_obj(Obj *ns, const AstNode *n);

/* A str, or None for NULL. */
static Obj *str_or_none(const char *s)
{
    return s ? vm_str_new(s, strlen(s)) : vm_newref(VM_NONE);
}

/* The value of one field (new reference), or NULL with an exception. */
static Obj *field_obj(Obj *ns, const AstNode *n, const AstFieldInfo *fi)
{
    void *p = AST_FIELD_PTR(n, fi);
    bool leaf_str = fi->type == SUM_identifier || fi->type == SUM_string;
    if (fi->card == CARD_SEQ) {
        const AstSeq *seq = *(AstSeq *const *)p;
        int len = seq ? seq->len : 0;
        Obj *list = vm_list_new(0);
        if (!list)
            return NULL;
        for (int i = 0; i < len; i++) {
            Obj *item = leaf_str ? str_or_none(seq->items[i])
                        : seq->items[i] ? node_obj(ns, seq->items[i]) : vm_newref(VM_NONE);
            if (!item) {
                DECREF(list);
                return NULL;
            }
            vm_list_append(list, item);
            DECREF(item);
        }
        return list;
    }
    if (leaf_str)
        return str_or_none(*(const char *const *)p);
    if (fi->type == SUM_int)
        return vm_int_from_i64(*(const int *)p);
    if (fi->type == SUM_constant) {
        const Const *k = *(Const *const *)p;
        return k ? const_obj(k) : vm_newref(VM_NONE);
    }
    const AstNode *child = *(AstNode *const *)p;
    return child ? node_obj(ns, child) : vm_newref(VM_NONE);
}

static int set_int(Obj *o, const char *name, int v)
{
    Obj *x = vm_int_from_i64(v);
    if (!x)
        return -1;
    int rc = vm_setattr(o, vm_str_intern(name, strlen(name)), x);
    DECREF(x);
    return rc;
}

/* One node as an instance of its class in the _ast namespace ns. */
static Obj *node_obj(Obj *ns, const AstNode *n)
{
    const AstKindInfo *ki = &ast_kinds[n->kind];
    Obj *key = vm_str_intern(ki->name, strlen(ki->name));
    Obj *cls = vm_dict_get_str(ns, key);
    if (!cls)
        return vm_err_fmt(&vm_exc_SystemError, "_ast has no class %s", ki->name);
    Obj *o = vm_call(cls, NULL, 0, NULL);
    if (!o)
        return NULL;
    int first = ast_first_field(n->kind);
    for (int i = 0; i < ki->nfields; i++) {
        const AstFieldInfo *fi = &ast_fields[first + i];
        Obj *v = field_obj(ns, n, fi);
        int rc = v ? vm_setattr(o, vm_str_intern(fi->name, strlen(fi->name)), v) : -1;
        XDECREF(v);
        if (rc < 0) {
            DECREF(o);
            return NULL;
        }
    }
    if (ki->has_pos
        && (set_int(o, "lineno", n->lineno) < 0 || set_int(o, "col_offset", n->col_offset) < 0
            || set_int(o, "end_lineno", n->end_lineno) < 0
            || set_int(o, "end_col_offset", n->end_col_offset) < 0)) {
        DECREF(o);
        return NULL;
    }
    return o;
}

Obj *vm_ast_parse(const char *src, size_t len, bool text, const char *filename, LsMode mode)
{
    Obj *name = vm_str_cstr("_ast");
    if (!name)
        return NULL;
    Obj *mod = vm_import_abs(name);
    DECREF(name);
    if (!mod)
        return NULL;
    Arena a;
    arena_init(&a);
    LsSyntaxError err;
    LsCompileOptions opt = {1, NULL, NULL, NULL, text};
    AstNode *tree = ls_parse_ast(src, len, filename, mode, &opt, &a, &err);
    Obj *res = NULL;
    if (!tree)
        vm_raise_syntax_error(&err);
    else
        res = node_obj(((ModuleObj *)mod)->dict, tree);
    arena_free(&a);
    DECREF(mod);
    return res;
}

/* ---- _ast objects back to the front end's AST (compile() of an AST) ---- */

static AstNode *obj_node(Obj *o, AstSum sum, Arena *a);

/* Attribute name of o, or NULL (no error) when it is absent. */
static Obj *get_opt(Obj *o, const char *name)
{
    Obj *v = vm_getattr(o, vm_str_intern(name, strlen(name)));
    if (!v && vm_err_matches(&vm_exc_AttributeError))
        vm_err_clear();
    return v;
}

/* A Python constant as a Const, or NULL with TypeError. */
static Const *obj_const(Obj *v, Arena *a)
{
    Const *k = arena_alloc(a, sizeof *k);
    memset(k, 0, sizeof *k);
    if (v == VM_NONE) {
        k->kind = CONST_NONE;
    } else if (v == VM_TRUE || v == VM_FALSE) {
        k->kind = v == VM_TRUE ? CONST_TRUE : CONST_FALSE;
    } else if (v == &vm_ellipsis_obj) {
        k->kind = CONST_ELLIPSIS;
    } else if (INT_CHECK(v)) {
        Obj *s = vm_repr(v);
        if (!s)
            return NULL;
        k->kind = CONST_INT;
        k->u.i = arena_strdup(a, STR_DATA(s));
        DECREF(s);
    } else if (FLOAT_CHECK(v)) {
        k->kind = CONST_FLOAT;
        k->u.f = FLOAT_VAL(v);
    } else if (COMPLEX_CHECK(v)) {
        k->kind = CONST_COMPLEX;
        k->u.c.real = ((ComplexObj *)v)->re;
        k->u.c.imag = ((ComplexObj *)v)->im;
    } else if (STR_CHECK(v) || BYTES_CHECK(v)) {
        bool str = STR_CHECK(v);
        const char *d = str ? STR_DATA(v) : ((BytesObj *)v)->s;
        size_t n = str ? (size_t)STR_LEN(v) : (size_t)((BytesObj *)v)->len;
        char *c = arena_alloc(a, n + 1);
        memcpy(c, d, n);
        c[n] = '\0';
        k->kind = str ? CONST_STR : CONST_BYTES;
        k->u.s.data = c;
        k->u.s.len = n;
    } else if (TUPLE_CHECK(v)) {
        k->kind = CONST_TUPLE;
        k->u.t.len = (size_t)TUPLE_LEN(v);
        k->u.t.items = arena_alloc(a, (k->u.t.len + 1) * sizeof *k->u.t.items);
        for (size_t i = 0; i < k->u.t.len; i++)
            if (!(k->u.t.items[i] = obj_const(TUPLE_ITEMS(v)[i], a)))
                return NULL;
    } else {
        vm_err_fmt(&vm_exc_TypeError, "got an invalid type in Constant: %s", vm_tname(v));
        return NULL;
    }
    return k;
}

/* A str attribute value as arena text. */
static const char *obj_text(Obj *v, const char *field, Arena *a)
{
    if (!STR_CHECK(v)) {
        vm_err_fmt(&vm_exc_TypeError, "AST %s must be of type str", field);
        return NULL;
    }
    return arena_strdup(a, STR_DATA(v));
}

/* Read field fi of o into node n. */
static int obj_field(Obj *o, AstNode *n, const AstFieldInfo *fi, const char *owner, Arena *a)
{
    void *p = AST_FIELD_PTR(n, fi);
    Obj *v = get_opt(o, fi->name);
    if (!v && vm_err_occurred())
        return -1;
    if (fi->card == CARD_SEQ) {
        if (!v) {
            *(AstSeq **)p = ast_seq_new(a, 0);
            return 0;
        }
        if (!LIST_CHECK(v)) {
            vm_err_fmt(&vm_exc_TypeError, "%s field \"%s\" must be a list, not a %s", owner,
                       fi->name, vm_tname(v));
            DECREF(v);
            return -1;
        }
        AstSeq *seq = ast_seq_new(a, (int)LIST_LEN(v));
        for (int i = 0; i < seq->len; i++) {
            Obj *item = LIST_ITEMS(v)[i];
            if (fi->type == SUM_identifier || fi->type == SUM_string)
                seq->items[i] = item == VM_NONE ? NULL
                                                : (void *)obj_text(item, fi->name, a);
            else
                seq->items[i] = item == VM_NONE ? NULL : obj_node(item, fi->type, a);
            if (!seq->items[i] && item != VM_NONE) {
                DECREF(v);
                return -1;
            }
        }
        *(AstSeq **)p = seq;
        DECREF(v);
        return 0;
    }
    if (!v || v == VM_NONE) {
        bool none_ok = fi->card == CARD_OPT || (fi->type == SUM_constant && v);
        XDECREF(v);
        if (!none_ok) {
            vm_err_fmt(&vm_exc_TypeError, "required field \"%s\" missing from %s", fi->name,
                       owner);
            return -1;
        }
        if (fi->type == SUM_constant)
            *(Const **)p = obj_const(VM_NONE, a);
        return 0;
    }
    int rc = 0;
    if (fi->type == SUM_identifier || fi->type == SUM_string) {
        const char *s = obj_text(v, fi->name, a);
        *(const char **)p = s;
        rc = s ? 0 : -1;
    } else if (fi->type == SUM_int) {
        int64_t x;
        rc = vm_index(v, &x, fi->name);
        *(int *)p = (int)x;
    } else if (fi->type == SUM_constant) {
        Const *k = obj_const(v, a);
        *(Const **)p = k;
        rc = k ? 0 : -1;
    } else {
        AstNode *c = obj_node(v, fi->type, a);
        *(AstNode **)p = c;
        rc = c ? 0 : -1;
    }
    DECREF(v);
    return rc;
}

/* One position attribute; absent end_* are -1. */
static int obj_pos(Obj *o, const char *name, const char *owner, bool required, int *out)
{
    Obj *v = get_opt(o, name);
    if (!v && vm_err_occurred())
        return -1;
    *out = -1;
    if (!v || v == VM_NONE) {
        XDECREF(v);
        if (required) {
            vm_err_fmt(&vm_exc_TypeError, "required field \"%s\" missing from %s", name, owner);
            return -1;
        }
        return 0;
    }
    int64_t x;
    int rc = vm_index(v, &x, name);
    DECREF(v);
    *out = (int)x;
    return rc;
}

static AstNode *obj_node(Obj *o, AstSum sum, Arena *a)
{
    /* the node kind: the class, or the nearest base, named as one */
    AstKind kind = AST_NONE_;
    for (Type *t = TYPE(o); t && kind == AST_NONE_; t = t->base)
        kind = ast_kind_by_name(t->name, strlen(t->name));
    bool pos = kind != AST_NONE_ ? ast_kinds[kind].has_pos : sum_has_pos(sum);
    const char *owner = ast_sum_names[sum];
    int lineno = 0, col = 0, end_lineno = -1, end_col = -1;
    if (pos && (obj_pos(o, "lineno", owner, true, &lineno) < 0
                || obj_pos(o, "col_offset", owner, true, &col) < 0
                || obj_pos(o, "end_lineno", owner, false, &end_lineno) < 0
                || obj_pos(o, "end_col_offset", owner, false, &end_col) < 0))
        return NULL;
    if (kind == AST_NONE_ || ast_kinds[kind].sum != sum) {
        Obj *r = vm_repr(o);
        vm_err_fmt(&vm_exc_TypeError, "expected some sort of %s, but got %s", owner,
                   r ? STR_DATA(r) : "?");
        XDECREF(r);
        return NULL;
    }
    AstNode *n = ast_new(a, kind);
    n->lineno = lineno;
    n->col_offset = col;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col;
    int first = ast_first_field(kind);
    for (int i = 0; i < ast_kinds[kind].nfields; i++)
        if (obj_field(o, n, &ast_fields[first + i], ast_kinds[kind].name, a) < 0)
            return NULL;
    return n;
}

bool vm_is_ast(Obj *o)
{
    Obj *mods = vm_sys_modules_dict();
    Obj *mod = mods ? vm_dict_get_str(mods, vm_str_intern("_ast", 4)) : NULL;
    if (!mod || TYPE(mod) != &vm_module_type)
        return false;     /* no AST object can exist before _ast */
    Obj *base = vm_dict_get_str(((ModuleObj *)mod)->dict, vm_str_intern("AST", 3));
    return base && HAS_FLAG(base, TF_TYPE) && vm_is_subtype(TYPE(o), (Type *)base);
}

Obj *vm_ast_compile(Obj *tree, const char *filename, LsMode mode)
{
    static const char *const want[] = {"Module", "Expression", "Interactive"};
    LsMode modes[] = {LS_MODE_EXEC, LS_MODE_EVAL, LS_MODE_SINGLE};
    for (int i = 0; i < 3; i++)
        if (modes[i] == mode && strcmp(TYPE(tree)->name, want[i]) != 0)
            return vm_err_fmt(&vm_exc_TypeError, "expected %s node, got %s", want[i],
                              TYPE(tree)->name);
    Arena a;
    arena_init(&a);
    AstNode *mod = obj_node(tree, SUM_mod, &a);
    Obj *res = NULL;
    if (mod) {
        LsSyntaxError err;
        LsCode *lc = ls_compile_tree(mod, filename, &a, &err);
        if (!lc) {
            vm_raise_syntax_error(&err);
        } else {
            char msg[256] = "";
            res = (Obj *)vm_code_load(lc, msg, sizeof msg);
            if (!res)
                vm_err_fmt(&vm_exc_SystemError, "%s: %s", filename, msg);
        }
    }
    arena_free(&a);
    return res;
}
