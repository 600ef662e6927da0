/* cmd/pyvm/func.c: code objects (loaded from LsCode), functions, builtin
 * functions and method descriptors, bound methods and cells.
 *
 * Stage: pyvm.  reads: LsCode (libstage/code.h) as ls_code_read() returns
 * it.  Loading converts every constant to a VM object once and re-checks
 * each instruction's argument against the tables it indexes, so the eval
 * loop never bounds-checks.
 */
#include "cmd/pyvm/func.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/complex.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/set.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* ---- code objects ---- */

static void code_dealloc(Obj *o)
{
    VmCode *c = (VmCode *)o;
    for (size_t i = 0; i < c->nconsts; i++)
        XDECREF(c->consts[i]);
    for (size_t i = 0; i < c->nnames; i++)
        DECREF(c->names[i]);
    for (int i = 0; i < c->nlocalsplus; i++)
        DECREF(c->localsplus[i]);
    free(c->consts);
    free(c->names);
    free(c->localsplus);
    free(c->kinds);
    free((void *)c->code);
    free(c->positions);
    free(c->exctable);
    free(c->gcache);
    free(c->acache);
    DECREF(c->name);
    DECREF(c->qualname);
    DECREF(c->filename);
    vm_obj_free(o);
}

static Obj *code_repr(Obj *o)
{
    VmCode *c = (VmCode *)o;
    Buf b = BUF_INIT;
    buf_printf(&b, "<code object %s at %p, file \"%s\", line %d>", STR_DATA(c->name),
               (void *)o, STR_DATA(c->filename), c->firstlineno);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *names_tuple(VmCode *c, int mask, int want_args)
{
    Obj *l = vm_tuple_new(0);
    DECREF(l);
    Obj *list[1024];
    int n = 0;
    int nargs = c->argcount + c->kwonlyargcount + !!(c->flags & CO_VARARGS)
        + !!(c->flags & CO_VARKEYWORDS);
    for (int i = 0; i < c->nlocalsplus && n < 1024; i++) {
        if (want_args && i < nargs && (c->kinds[i] & CO_FAST_LOCAL)) {
            list[n++] = c->localsplus[i];
            continue;
        }
        if (c->kinds[i] & mask)
            list[n++] = c->localsplus[i];
    }
    return vm_tuple_from(list, n);
}

static Obj *code_getattr(Obj *o, Obj *name)
{
    VmCode *c = (VmCode *)o;
    if (vm_str_eqc(name, "co_name"))
        return vm_newref(c->name);
    if (vm_str_eqc(name, "co_qualname"))
        return vm_newref(c->qualname);
    if (vm_str_eqc(name, "co_filename"))
        return vm_newref(c->filename);
    if (vm_str_eqc(name, "co_firstlineno"))
        return vm_int_from_i64(c->firstlineno);
    if (vm_str_eqc(name, "co_argcount"))
        return vm_int_from_i64(c->argcount);
    if (vm_str_eqc(name, "co_posonlyargcount"))
        return vm_int_from_i64(c->posonlyargcount);
    if (vm_str_eqc(name, "co_kwonlyargcount"))
        return vm_int_from_i64(c->kwonlyargcount);
    if (vm_str_eqc(name, "co_flags"))
        return vm_int_from_i64(c->flags);
    if (vm_str_eqc(name, "co_nlocals")) {
        int n = 0;
        for (int i = 0; i < c->nlocalsplus; i++)
            n += (c->kinds[i] & CO_FAST_LOCAL) != 0;
        return vm_int_from_i64(n);
    }
    if (vm_str_eqc(name, "co_varnames"))
        return names_tuple(c, CO_FAST_LOCAL, 1);
    if (vm_str_eqc(name, "co_cellvars"))
        return names_tuple(c, CO_FAST_CELL, 0);
    if (vm_str_eqc(name, "co_freevars"))
        return names_tuple(c, CO_FAST_FREE, 0);
    if (vm_str_eqc(name, "co_names"))
        return vm_tuple_from(c->names, (ssize_t)c->nnames);
    if (vm_str_eqc(name, "co_consts"))
        return vm_tuple_from(c->consts, (ssize_t)c->nconsts);
    return NULL;
}

static void *memdup_n(const void *p, size_t n)
{
    void *q = ls_xmalloc(n ? n : 1);
    memcpy(q, p, n);
    return q;
}

/* A copy of c (its own caches, the same constants and names). */
static VmCode *code_copy(const VmCode *c)
{
    VmCode *n = vm_alloc(&vm_code_type, 0);
    n->code = memdup_n(c->code, (c->ncode + 1) * sizeof *c->code);
    n->ncode = c->ncode;
    n->consts = memdup_n(c->consts, (c->nconsts + 1) * sizeof(Obj *));
    n->nconsts = c->nconsts;
    for (size_t i = 0; i < c->nconsts; i++)
        XINCREF(n->consts[i]);
    n->names = memdup_n(c->names, (c->nnames + 1) * sizeof(Obj *));
    n->nnames = c->nnames;
    for (size_t i = 0; i < c->nnames; i++)
        INCREF(n->names[i]);
    n->localsplus = memdup_n(c->localsplus, ((size_t)c->nlocalsplus + 1) * sizeof(Obj *));
    for (int i = 0; i < c->nlocalsplus; i++)
        INCREF(n->localsplus[i]);
    n->kinds = memdup_n(c->kinds, (size_t)c->nlocalsplus + 1);
    n->nlocalsplus = c->nlocalsplus;
    n->nfree = c->nfree;
    n->argcount = c->argcount;
    n->posonlyargcount = c->posonlyargcount;
    n->kwonlyargcount = c->kwonlyargcount;
    n->flags = c->flags;
    n->stacksize = c->stacksize;
    n->firstlineno = c->firstlineno;
    n->name = vm_newref(c->name);
    n->qualname = vm_newref(c->qualname);
    n->filename = vm_newref(c->filename);
    n->positions = memdup_n(c->positions, (c->ncode + 1) * sizeof(LsPos));
    n->nexc = c->nexc;
    n->exctable = memdup_n(c->exctable, (c->nexc + 1) * sizeof(LsExcEntry));
    n->gcache = ls_xcalloc(c->ncode + 1, sizeof(GlobalCache));
    n->acache = NULL;
    return n;
}

/* code.replace(**changes): the fields that need no re-verification of the
 * instructions (co_flags, the names, co_firstlineno). */
static Obj *code_replace_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    if (nargs > nkw)
        return vm_err_fmt(&vm_exc_TypeError, "replace() takes no positional arguments");
    size_t npos = nargs - nkw;
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k], *v = args[npos + k];
        bool is_int = vm_str_eqc(kn, "co_flags") || vm_str_eqc(kn, "co_firstlineno");
        bool is_str = vm_str_eqc(kn, "co_name") || vm_str_eqc(kn, "co_qualname")
            || vm_str_eqc(kn, "co_filename");
        if (!is_int && !is_str) {
            static const char *const known[] = {
                "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
                "co_stacksize", "co_code", "co_consts", "co_names", "co_varnames",
                "co_freevars", "co_cellvars", "co_linetable", "co_exceptiontable", NULL,
            };
            for (const char *const *p = known; *p; p++)
                if (vm_str_eqc(kn, *p))
                    return vm_err_fmt(&vm_exc_NotImplementedError,
                                      "code.replace(%s=...) is not supported yet", *p);
            return vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for replace()",
                              STR_DATA(kn));
        }
        if (is_int && !INT_CHECK(v))
            return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              vm_tname(v));
        if (is_str && !STR_CHECK(v))
            return vm_err_fmt(&vm_exc_TypeError, "replace() argument '%s' must be str, not %s",
                              STR_DATA(kn), vm_tname(v));
    }
    VmCode *n = code_copy((const VmCode *)self);
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k], *v = args[npos + k];
        if (vm_str_eqc(kn, "co_flags") || vm_str_eqc(kn, "co_firstlineno")) {
            int64_t x;
            if (vm_int_as_i64(v, &x) < 0 || x < INT32_MIN || x > INT32_MAX) {
                if (!vm_err_occurred())
                    vm_err_fmt(&vm_exc_OverflowError, "Python int too large to convert to C int");
                DECREF(n);
                return NULL;
            }
            if (vm_str_eqc(kn, "co_flags"))
                n->flags = (int)x;
            else
                n->firstlineno = (int)x;
            continue;
        }
        Obj **slot = vm_str_eqc(kn, "co_name") ? &n->name
            : vm_str_eqc(kn, "co_qualname") ? &n->qualname : &n->filename;
        Obj *old = *slot;
        *slot = vm_newref(v);
        DECREF(old);
    }
    return (Obj *)n;
}

static Obj *pos_int(int v)
{
    return v < 0 ? vm_newref(VM_NONE) : vm_int_from_i64(v);
}

/* code.co_positions(): an iterator of (lineno, end_lineno, col,
 * end_col) per instruction, None where unknown (one per instruction: our
 * f_lasti and tb_lasti are twice the instruction index, as CPython's
 * code units). */
static Obj *code_positions_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("co_positions", kwnames) < 0 || vm_argc("co_positions", nargs, 0, 0) < 0)
        return NULL;
    VmCode *c = (VmCode *)self;
    Obj *l = vm_list_new((ssize_t)c->ncode);
    for (size_t i = 0; i < c->ncode; i++) {
        const LsPos *p = &c->positions[i];
        Obj *t = vm_tuple_new(4);
        TUPLE_ITEMS(t)[0] = pos_int(p->lineno);
        TUPLE_ITEMS(t)[1] = pos_int(p->end_lineno);
        TUPLE_ITEMS(t)[2] = pos_int(p->lineno < 0 ? -1 : p->col);
        TUPLE_ITEMS(t)[3] = pos_int(p->lineno < 0 ? -1 : p->end_col);
        LIST_ITEMS(l)[i] = t;
    }
    Obj *it = vm_iter(l);
    DECREF(l);
    return it;
}

static const MethodDef code_methods[] = {
    {"replace", code_replace_m},
    {"co_positions", code_positions_m},
    {NULL, NULL},
};

Type vm_code_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "code",
    .base = &vm_object_type,
    .basicsize = sizeof(VmCode),
    .dealloc = code_dealloc,
    .repr = code_repr,
    .getattr = code_getattr,
    .methods = code_methods,
};

static Obj *intern_c(const char *s)
{
    return vm_str_intern(s, strlen(s));
}

static Obj *load_const(const Const *k, char *err, size_t errlen)
{
    switch (k->kind) {
    case CONST_NONE: return vm_newref(VM_NONE);
    case CONST_TRUE: return vm_newref(VM_TRUE);
    case CONST_FALSE: return vm_newref(VM_FALSE);
    case CONST_ELLIPSIS: return vm_newref(&vm_ellipsis_obj);
    case CONST_INT: {
        Obj *o = vm_int_from_str(k->u.i, strlen(k->u.i), 10);
        if (!o) {
            vm_err_clear();
            snprintf(err, errlen, "bad int constant '%.40s'", k->u.i);
        }
        return o;
    }
    case CONST_FLOAT: return vm_float_new(k->u.f);
    case CONST_STR: return vm_str_intern(k->u.s.data, k->u.s.len);
    case CONST_TUPLE: {
        Obj *t = vm_tuple_new((ssize_t)k->u.t.len);
        for (size_t i = 0; i < k->u.t.len; i++) {
            Obj *item = load_const(k->u.t.items[i], err, errlen);
            if (!item) {
                DECREF(t);
                return NULL;
            }
            TUPLE_ITEMS(t)[i] = item;
        }
        return t;
    }
    case CONST_CODE: return (Obj *)vm_code_load(k->u.code, err, errlen);
    case CONST_COMPLEX: return vm_complex_new(k->u.c.real, k->u.c.imag);
    case CONST_BYTES: return vm_bytes_new(k->u.s.data, k->u.s.len);
    case CONST_FROZENSET: {
        Obj *fs = vm_set_new(&vm_frozenset_type);
        for (size_t i = 0; i < k->u.t.len; i++) {
            Obj *item = load_const(k->u.t.items[i], err, errlen);
            if (!item || vm_set_add(fs, item) < 0) {
                XDECREF(item);
                vm_err_clear();
                DECREF(fs);
                if (!*err)
                    snprintf(err, errlen, "bad frozenset constant");
                return NULL;
            }
            DECREF(item);
        }
        /* CPython's compiler merges constants by building the frozenset
         * again from its own iteration order: do the same, so the slot
         * order (and what iterating it gives) matches. */
        Obj *fs2 = vm_set_new(&vm_frozenset_type);
        SetObj *so = (SetObj *)fs;
        for (size_t i = 0; i <= so->mask; i++) {
            Obj *key = so->table[i].key;
            if (key && so->table[i].hash != -1 && vm_set_add(fs2, key) < 0) {
                vm_err_clear();
                DECREF(fs2);
                DECREF(fs);
                snprintf(err, errlen, "bad frozenset constant");
                return NULL;
            }
        }
        DECREF(fs);
        return fs2;
    }
    }
    snprintf(err, errlen, "bad constant kind %d", (int)k->kind);
    return NULL;
}

/* Is every instruction's opcode real and its argument in range? */
static bool check_code(const VmCode *c, char *err, size_t errlen)
{
    for (size_t i = 0; i < c->ncode; i++) {
        int op = INSTR_OP(c->code[i]);
        size_t arg = (size_t)INSTR_ARG(c->code[i]);
        if (op >= OP_NREAL) {
            snprintf(err, errlen, "%s: instruction %zu: bad opcode %d",
                     STR_DATA(c->qualname), i, op);
            return false;
        }
        size_t lim = (size_t)-1;
        switch (op_info[op].arg) {
        case OPARG_CONST: lim = c->nconsts; break;
        case OPARG_NAME: lim = c->nnames; break;
        case OPARG_LOCAL: case OPARG_DEREF: lim = (size_t)c->nlocalsplus; break;
        case OPARG_JUMP: lim = c->ncode; break;
        case OPARG_CMP: lim = 6; break;
        case OPARG_BINOP: lim = NB_COUNT; break;
        default: break;
        }
        if (arg >= lim) {
            snprintf(err, errlen, "%s: instruction %zu: %s argument %zu out of range",
                     STR_DATA(c->qualname), i, op_info[op].name, arg);
            return false;
        }
    }
    if (c->ncode == 0 || INSTR_OP(c->code[c->ncode - 1]) == OP_NOP) {
        /* the last instruction must not fall off the end: checked loosely */
    }
    for (size_t i = 0; i < c->nexc; i++)
        if (c->exctable[i].target >= c->ncode || c->exctable[i].end > c->ncode
            || c->exctable[i].depth > (uint32_t)c->stacksize) {
            snprintf(err, errlen, "%s: exception table entry %zu out of range",
                     STR_DATA(c->qualname), i);
            return false;
        }
    return true;
}

VmCode *vm_code_load(const LsCode *lc, char *err, size_t errlen)
{
    VmCode *c = vm_alloc(&vm_code_type, 0);
    uint32_t *code = ls_xmalloc((lc->ncode + 1) * sizeof *code);
    memcpy(code, lc->code, lc->ncode * sizeof *code);
    code[lc->ncode] = INSTR_MAKE(OP_RETURN_VALUE, 0);   /* never reached: a guard */
    c->code = code;
    c->ncode = lc->ncode;
    c->nconsts = lc->nconsts;
    c->consts = ls_xcalloc(lc->nconsts + 1, sizeof(Obj *));
    c->nnames = lc->nnames;
    c->names = ls_xcalloc(lc->nnames + 1, sizeof(Obj *));
    for (size_t i = 0; i < lc->nnames; i++)
        c->names[i] = intern_c(lc->names[i]);
    c->nlocalsplus = (int)lc->nlocalsplus;
    c->localsplus = ls_xcalloc(lc->nlocalsplus + 1, sizeof(Obj *));
    c->kinds = ls_xcalloc(lc->nlocalsplus + 1, 1);
    c->nfree = 0;
    for (size_t i = 0; i < lc->nlocalsplus; i++) {
        c->localsplus[i] = intern_c(lc->localsplus[i]);
        c->kinds[i] = lc->localspluskinds[i];
        if (c->kinds[i] & CO_FAST_FREE)
            c->nfree++;
    }
    c->argcount = lc->argcount;
    c->posonlyargcount = lc->posonlyargcount;
    c->kwonlyargcount = lc->kwonlyargcount;
    c->flags = lc->flags;
    c->stacksize = lc->stacksize;
    c->firstlineno = lc->firstlineno;
    c->name = intern_c(lc->name);
    c->qualname = intern_c(lc->qualname);
    c->filename = intern_c(lc->filename);
    c->positions = ls_xmalloc((lc->ncode + 1) * sizeof(LsPos));
    if (lc->positions)
        memcpy(c->positions, lc->positions, lc->ncode * sizeof(LsPos));
    else
        for (size_t i = 0; i < lc->ncode; i++)
            c->positions[i] = (LsPos){-1, -1, -1, -1};
    c->gcache = ls_xcalloc(lc->ncode + 1, sizeof(GlobalCache));
    c->acache = NULL;
    c->nexc = lc->nexc;
    c->exctable = ls_xmalloc((lc->nexc + 1) * sizeof(LsExcEntry));
    memcpy(c->exctable, lc->exctable, lc->nexc * sizeof(LsExcEntry));
    for (size_t i = 0; i < lc->nconsts; i++) {
        c->consts[i] = load_const(lc->consts[i], err, errlen);
        if (!c->consts[i]) {
            DECREF(c);
            return NULL;
        }
    }
    if (c->argcount + c->kwonlyargcount + !!(c->flags & CO_VARARGS)
        + !!(c->flags & CO_VARKEYWORDS) > c->nlocalsplus) {
        snprintf(err, errlen, "%s: more parameters than locals", lc->qualname);
        DECREF(c);
        return NULL;
    }
    if (!check_code(c, err, errlen)) {
        DECREF(c);
        return NULL;
    }
    return c;
}

/* ---- functions ---- */

Obj *vm_func_new(VmCode *code, Obj *globals, Obj *builtins)
{
    FuncObj *f = vm_alloc(&vm_func_type, 0);
    f->code = (VmCode *)vm_newref((Obj *)code);
    f->globals = vm_newref(globals);
    f->builtins = vm_newref(builtins);
    f->name = vm_newref(code->name);
    f->qualname = vm_newref(code->qualname);
    f->defaults = f->kwdefaults = f->closure = f->annotations = f->dict = NULL;
    f->module = NULL;
    return (Obj *)f;
}

static void func_dealloc(Obj *o)
{
    FuncObj *f = (FuncObj *)o;
    DECREF(f->code);
    DECREF(f->globals);
    DECREF(f->builtins);
    DECREF(f->name);
    DECREF(f->qualname);
    XDECREF(f->defaults);
    XDECREF(f->kwdefaults);
    XDECREF(f->closure);
    XDECREF(f->annotations);
    XDECREF(f->dict);
    XDECREF(f->module);
    vm_obj_free(o);
}

static void func_traverse(Obj *o, VisitFn visit, void *arg)
{
    FuncObj *f = (FuncObj *)o;
    VISIT(f->globals);
    VISIT(f->builtins);
    VISIT(f->defaults);
    VISIT(f->kwdefaults);
    VISIT(f->closure);
    VISIT(f->annotations);
    VISIT(f->dict);
    VISIT(f->module);
}

static void func_gc_clear(Obj *o)
{
    FuncObj *f = (FuncObj *)o;
    CLEAR(f->defaults);
    CLEAR(f->kwdefaults);
    CLEAR(f->closure);
    CLEAR(f->annotations);
    CLEAR(f->dict);
    CLEAR(f->module);
}

static Obj *func_repr(Obj *o)
{
    Buf b = BUF_INIT;
    buf_printf(&b, "<function %s at %p>", STR_DATA(((FuncObj *)o)->qualname), (void *)o);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *func_getattr(Obj *o, Obj *name)
{
    FuncObj *f = (FuncObj *)o;
    if (vm_str_eqc(name, "__name__"))
        return vm_newref(f->name);
    if (vm_str_eqc(name, "__qualname__"))
        return vm_newref(f->qualname);
    if (vm_str_eqc(name, "__code__"))
        return vm_newref((Obj *)f->code);
    if (vm_str_eqc(name, "__defaults__"))
        return vm_newref(f->defaults ? f->defaults : VM_NONE);
    if (vm_str_eqc(name, "__globals__"))
        return vm_newref(f->globals);
    if (vm_str_eqc(name, "__module__"))
        return vm_newref(f->module ? f->module : VM_NONE);
    if (vm_str_eqc(name, "__annotations__")) {
        /* MAKE_FUNCTION leaves a tuple (name, value, ...): made a dict on first use */
        if (!f->annotations || TUPLE_CHECK(f->annotations)) {
            Obj *d = vm_dict_new();
            if (f->annotations)
                for (ssize_t i = 0; i + 1 < TUPLE_LEN(f->annotations); i += 2)
                    if (vm_dict_set(d, TUPLE_ITEMS(f->annotations)[i],
                                    TUPLE_ITEMS(f->annotations)[i + 1]) < 0) {
                        DECREF(d);
                        return NULL;
                    }
            XDECREF(f->annotations);
            f->annotations = d;
        }
        return vm_newref(f->annotations);
    }
    if (vm_str_eqc(name, "__closure__"))
        return vm_newref(f->closure ? f->closure : VM_NONE);
    if (vm_str_eqc(name, "__kwdefaults__"))
        return vm_newref(f->kwdefaults ? f->kwdefaults : VM_NONE);
    if (vm_str_eqc(name, "__doc__")) {
        Obj *d = f->dict ? vm_dict_get_str(f->dict, name) : NULL;
        if (d)
            return vm_newref(d);
        Obj *c0 = f->code->nconsts > 0 ? f->code->consts[0] : NULL;
        return vm_newref(c0 && STR_CHECK(c0) ? c0 : VM_NONE);
    }
    return NULL;
}

static int func_setattr(Obj *o, Obj *name, Obj *v)
{
    FuncObj *f = (FuncObj *)o;
    Obj **slot = vm_str_eqc(name, "__name__") ? &f->name
        : vm_str_eqc(name, "__qualname__") ? &f->qualname : NULL;
    if (slot) {
        if (!v || !STR_CHECK(v)) {
            vm_err_fmt(&vm_exc_TypeError, "%s must be set to a string object", STR_DATA(name));
            return -1;
        }
        Obj *old = *slot;
        *slot = vm_newref(v);
        DECREF(old);
        return 0;
    }
    if (vm_str_eqc(name, "__defaults__")) {
        if (v && v != VM_NONE && !TUPLE_CHECK(v)) {
            vm_err_str(&vm_exc_TypeError, "__defaults__ must be set to a tuple object");
            return -1;
        }
        Obj *old = f->defaults;
        f->defaults = v && v != VM_NONE ? vm_newref(v) : NULL;
        XDECREF(old);
        return 0;
    }
    if (vm_str_eqc(name, "__code__")) {
        if (!v || TYPE(v) != &vm_code_type) {
            vm_err_str(&vm_exc_TypeError, "__code__ must be set to a code object");
            return -1;
        }
        VmCode *nc = (VmCode *)v;
        ssize_t have = f->closure ? TUPLE_LEN(f->closure) : 0;
        if (nc->nfree != have) {
            vm_err_fmt(&vm_exc_ValueError,
                       "%s() requires a code object with %zd free vars, not %d",
                       STR_DATA(f->name), have, nc->nfree);
            return -1;
        }
        VmCode *old = f->code;
        f->code = (VmCode *)vm_newref(v);
        DECREF(old);
        return 0;
    }
    if (vm_str_eqc(name, "__module__")) {
        Obj *old = f->module;
        f->module = v ? vm_newref(v) : NULL;
        XDECREF(old);
        return 0;
    }
    return vm_generic_setattr(o, name, v);
}

/* vm_call() on a function runs it in a new frame: eval.c. */
Obj *vm_eval_call(Obj *func, Obj *const *args, size_t nargs, Obj *kwnames);

/* function.__get__(obj, type=None): a bound method, or the function
 * itself when obj is None */
static Obj *func_get_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__get__", kwnames) < 0 || vm_argc("__get__", nargs, 1, 2) < 0)
        return NULL;
    if (args[0] == VM_NONE)
        return vm_newref(self);
    return vm_method_new(self, args[0]);
}

static const MethodDef func_methods[] = {
    {"__get__", func_get_m},
    {NULL, NULL},
};

Type vm_func_type = {
    .methods = func_methods,
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "function",
    .base = &vm_object_type,
    .flags = TF_GC,
    .traverse = func_traverse,
    .clear = func_gc_clear,
    .basicsize = sizeof(FuncObj),
    .dealloc = func_dealloc,
    .repr = func_repr,
    .call = vm_eval_call,
    .getattr = func_getattr,
    .setattr = func_setattr,
    .dictoffset = offsetof(FuncObj, dict),
};

/* ---- builtins ---- */

Obj *vm_builtin_new(const char *name, CFunc fn, Type *owner)
{
    BuiltinObj *b = vm_alloc(owner ? &vm_method_descr_type : &vm_builtin_type, 0);
    b->name = name;
    b->fn = fn;
    b->self = NULL;
    b->owner = owner;
    return (Obj *)b;
}

Obj *vm_builtin_bind(Obj *descr, Obj *self)
{
    BuiltinObj *d = (BuiltinObj *)descr;
    BuiltinObj *b = vm_alloc(&vm_builtin_type, 0);
    b->name = d->name;
    b->fn = d->fn;
    b->self = vm_newref(self);
    b->owner = d->owner;
    return (Obj *)b;
}

static void builtin_dealloc(Obj *o)
{
    XDECREF(((BuiltinObj *)o)->self);
    vm_obj_free(o);
}

Type *vm_calling_owner;

static Obj *builtin_call(Obj *o, Obj *const *args, size_t nargs, Obj *kwnames)
{
    BuiltinObj *b = (BuiltinObj *)o;
    vm_calling_owner = b->owner;
    if (b->self)
        return b->fn(b->self, args, nargs, kwnames);
    if (b->owner) {
        size_t npos = nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0);
        if (npos == 0)
            return vm_err_fmt(&vm_exc_TypeError, "unbound method %s.%s() needs an argument",
                              b->owner->name, b->name);
        if (!vm_is_subtype(TYPE(args[0]), b->owner))
            return vm_err_fmt(&vm_exc_TypeError, "descriptor '%s' for '%s' objects doesn't "
                              "apply to a '%s' object", b->name, b->owner->name,
                              vm_tname(args[0]));
        return b->fn(args[0], args + 1, nargs - 1, kwnames);
    }
    return b->fn(NULL, args, nargs, kwnames);
}

static Obj *builtin_repr(Obj *o)
{
    BuiltinObj *b = (BuiltinObj *)o;
    Buf s = BUF_INIT;
    if (TYPE(o) == &vm_method_descr_type)
        buf_printf(&s, "<method '%s' of '%s' objects>", b->name, b->owner->name);
    else if (b->self)
        buf_printf(&s, "<built-in method %s of %s object at %p>", b->name, vm_tname(b->self),
                   (void *)b->self);
    else
        buf_printf(&s, "<built-in function %s>", b->name);
    Obj *r = vm_str_new(s.data, s.len);
    buf_free(&s);
    return r;
}

/* __name__, __qualname__, __self__ of builtins and method descriptors */
static Obj *builtin_getattr(Obj *o, Obj *name)
{
    BuiltinObj *b = (BuiltinObj *)o;
    if (vm_str_eqc(name, "__name__"))
        return vm_str_cstr(b->name);
    if (vm_str_eqc(name, "__qualname__")) {
        if (!b->owner)
            return vm_str_cstr(b->name);
        Buf q = BUF_INIT;
        buf_printf(&q, "%s.%s", b->owner->name, b->name);
        Obj *s = vm_str_new(q.data, q.len);
        buf_free(&q);
        return s;
    }
    if (vm_str_eqc(name, "__self__") && TYPE(o) == &vm_builtin_type)
        return vm_newref(b->self ? b->self : VM_NONE);
    if (vm_str_eqc(name, "__objclass__") && b->owner && TYPE(o) == &vm_method_descr_type)
        return vm_newref((Obj *)b->owner);
    return NULL;
}

Type vm_builtin_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "builtin_function_or_method",
    .base = &vm_object_type,
    .basicsize = sizeof(BuiltinObj),
    .dealloc = builtin_dealloc,
    .repr = builtin_repr,
    .call = builtin_call,
    .getattr = builtin_getattr,
};

Type vm_method_descr_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "method_descriptor",
    .base = &vm_object_type,
    .basicsize = sizeof(BuiltinObj),
    .dealloc = builtin_dealloc,
    .repr = builtin_repr,
    .call = builtin_call,
    .getattr = builtin_getattr,
};

/* ---- bound methods ---- */

Obj *vm_method_new(Obj *func, Obj *self)
{
    MethodObj *m = vm_alloc(&vm_method_type, 0);
    m->func = vm_newref(func);
    m->self = vm_newref(self);
    return (Obj *)m;
}

static void method_dealloc(Obj *o)
{
    DECREF(((MethodObj *)o)->func);
    DECREF(((MethodObj *)o)->self);
    vm_obj_free(o);
}

static void method_traverse(Obj *o, VisitFn visit, void *arg)
{
    VISIT(((MethodObj *)o)->func);
    VISIT(((MethodObj *)o)->self);
}

static Obj *method_getattr(Obj *o, Obj *name)
{
    MethodObj *m = (MethodObj *)o;
    if (vm_str_eqc(name, "__self__"))
        return vm_newref(m->self);
    if (vm_str_eqc(name, "__func__"))
        return vm_newref(m->func);
    return vm_getattr(m->func, name);
}

static Obj *method_call(Obj *o, Obj *const *args, size_t nargs, Obj *kwnames)
{
    MethodObj *m = (MethodObj *)o;
    Obj *small[8], **buf = small;
    if (nargs + 1 > 8)
        buf = ls_xmalloc((nargs + 1) * sizeof(Obj *));
    buf[0] = m->self;
    if (nargs)
        memcpy(buf + 1, args, nargs * sizeof(Obj *));
    Obj *r = vm_call(m->func, buf, nargs + 1, kwnames);
    if (buf != small)
        free(buf);
    return r;
}

/* types.MethodType(func, self) (weakref.WeakMethod makes its methods so) */
static Obj *method_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("method", kwnames) < 0 || vm_argc("method", nargs, 2, 2) < 0)
        return NULL;
    if (!TYPE(args[0])->call)
        return vm_err_str(&vm_exc_TypeError, "first argument must be callable");
    if (args[1] == VM_NONE)
        return vm_err_str(&vm_exc_TypeError, "instance must not be None");
    return vm_method_new(args[0], args[1]);
}

Type vm_method_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "method",
    .construct = method_construct,
    .base = &vm_object_type,
    .flags = TF_GC,
    .traverse = method_traverse,
    .getattr = method_getattr,
    .basicsize = sizeof(MethodObj),
    .dealloc = method_dealloc,
    .call = method_call,
};

/* ---- cells ---- */

Obj *vm_cell_new(Obj *v)
{
    CellObj *c = vm_alloc(&vm_cell_type, 0);
    c->ref = v;
    XINCREF(v);
    return (Obj *)c;
}

static void cell_traverse(Obj *o, VisitFn visit, void *arg)
{
    VISIT(((CellObj *)o)->ref);
}

static void cell_gc_clear(Obj *o)
{
    CLEAR(((CellObj *)o)->ref);
}

static Obj *cell_getattr(Obj *o, Obj *name)
{
    if (vm_str_eqc(name, "cell_contents")) {
        Obj *v = ((CellObj *)o)->ref;
        if (!v)
            return vm_err_str(&vm_exc_ValueError, "Cell is empty");
        return vm_newref(v);
    }
    return NULL;
}

static void cell_dealloc(Obj *o)
{
    XDECREF(((CellObj *)o)->ref);
    vm_obj_free(o);
}

Type vm_cell_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "cell",
    .base = &vm_object_type,
    .flags = TF_GC,
    .traverse = cell_traverse,
    .getattr = cell_getattr,
    .clear = cell_gc_clear,
    .basicsize = sizeof(CellObj),
    .dealloc = cell_dealloc,
};
