/* cmd/pyvm/exc.c: the built-in exception classes (exc.def), raising and
 * fetching the pending exception, tracebacks, and printing an uncaught
 * exception exactly as CPython 3.11's traceback.c does.
 *
 * Stage: pyvm.  reads: the program's source file (co_filename), for the
 * source lines of tracebacks.
 *
 * The caret line under a source line follows CPython 3.11: the
 * instruction's column range as `^`, not shown when it covers the whole
 * stripped line; when the range's text is one binary operation or one
 * subscript, the operands are `~` and the operator (or the `[...]`) `^`,
 * with the anchors where CPython's AST would put them (anchors.c).
 */
#include "cmd/pyvm/import_cache.h"
#include "cmd/pyvm/exc.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/anchors.h"
#include "cmd/pyvm/codecs.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/frame.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/trace.h"
#include "cmd/pyvm/tuple.h"

ExcState vm_exc;

/* ---- exception objects ---- */

static void exc_dealloc(Obj *o)
{
    ExcObj *e = (ExcObj *)o;
    XDECREF(e->dict);
    XDECREF(e->suggest);
    XDECREF(e->args);
    XDECREF(e->tb);
    XDECREF(e->context);
    XDECREF(e->cause);
    vm_obj_free(o);
}

static void exc_traverse(Obj *o, VisitFn visit, void *arg)
{
    ExcObj *e = (ExcObj *)o;
    VISIT(e->dict);
    VISIT(e->args);
    VISIT(e->tb);
    VISIT(e->context);
    VISIT(e->cause);
}

static void exc_gc_clear(Obj *o)
{
    ExcObj *e = (ExcObj *)o;
    CLEAR(e->dict);
    CLEAR(e->tb);
    CLEAR(e->context);
    CLEAR(e->cause);
}

static Obj *eg_new(Type *t, Obj *const *args, size_t nargs);
static int subclass_init(Obj *e, Obj *const *args, size_t npos);

Obj *vm_exc_new(Type *t, Obj *const *args, size_t nargs)
{
    if (vm_is_subtype(t, &vm_exc_BaseExceptionGroup))
        return eg_new(t, args, nargs);
    ExcObj *e = vm_alloc(t, 0);
    e->args = vm_tuple_from(args, (ssize_t)nargs);
    e->tb = e->context = e->cause = NULL;
    e->suppress_context = false;
    e->dict = e->suggest = NULL;
    /* a class statement's subclass (ElementTree's ParseError(SyntaxError))
     * gets no call of the C __init__ (class.c): set msg & co. here */
    if ((t->flags & TF_HEAP) && subclass_init((Obj *)e, args, nargs) < 0) {
        DECREF(e);
        return NULL;
    }
    return (Obj *)e;
}

/* The OSError subclass CPython picks for an errno (PEP 3151); OSError
 * itself for the others. */
Type *vm_oserror_type(int err)
{
    switch (err) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY: case EINPROGRESS: return &vm_exc_BlockingIOError;
    case ECHILD: return &vm_exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &vm_exc_BrokenPipeError;
    case ECONNABORTED: return &vm_exc_ConnectionAbortedError;
    case ECONNREFUSED: return &vm_exc_ConnectionRefusedError;
    case ECONNRESET: return &vm_exc_ConnectionResetError;
    case EEXIST: return &vm_exc_FileExistsError;
    case ENOENT: return &vm_exc_FileNotFoundError;
    case EISDIR: return &vm_exc_IsADirectoryError;
    case ENOTDIR: return &vm_exc_NotADirectoryError;
    case EINTR: return &vm_exc_InterruptedError;
    case EACCES: case EPERM: return &vm_exc_PermissionError;
    case ESRCH: return &vm_exc_ProcessLookupError;
    case ETIMEDOUT: return &vm_exc_TimeoutError;
    default: return &vm_exc_OSError;
    }
}

/* What SyntaxError's and ImportError's __init__ set besides args:
 * SyntaxError(msg, (filename, lineno, offset, text[, end_lineno,
 * end_offset])) the six attributes and msg; ImportError(msg) msg.
 * -1 with the exception pending. */
static int subclass_init(Obj *e, Obj *const *args, size_t npos)
{
    if (vm_is_subtype(TYPE(e), &vm_exc_ImportError))
        return vm_setattr(e, vm_str_intern("msg", 3), npos == 1 ? args[0] : VM_NONE);
    if (!vm_is_subtype(TYPE(e), &vm_exc_SyntaxError) || npos == 0)
        return 0;
    if (vm_setattr(e, vm_str_intern("msg", 3), args[0]) < 0)
        return -1;
    if (npos != 2)
        return 0;
    Obj *l = vm_list_from_iter(args[1]);
    if (!l)
        return -1;
    ssize_t n = LIST_LEN(l);
    if (n < 4 || n > 6) {
        DECREF(l);
        vm_err_fmt(&vm_exc_TypeError, "function takes %s %d arguments (%zd given)",
                   n < 4 ? "at least" : "at most", n < 4 ? 4 : 6, n);
        return -1;
    }
    static const char *const names[] = {"filename", "lineno", "offset", "text",
                                        "end_lineno", "end_offset"};
    int rc = 0;
    for (ssize_t i = 0; i < n && rc == 0; i++)
        rc = vm_setattr(e, vm_str_intern(names[i], strlen(names[i])), LIST_ITEMS(l)[i]);
    DECREF(l);
    return rc;
}

/* ImportError(*args, name=None, path=None): the keywords become attributes. */
static Obj *import_error_construct(Type *t, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t nkw = (size_t)TUPLE_LEN(kwnames), npos = nargs - nkw;
    for (size_t i = 0; i < nkw; i++) {
        Obj *k = TUPLE_ITEMS(kwnames)[i];
        if (!vm_str_eqc(k, "name") && !vm_str_eqc(k, "path"))
            return vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for "
                              "%s()", STR_DATA(k), t->name);
    }
    Obj *e = vm_exc_new(t, args, npos);
    if (e && subclass_init(e, args, npos) < 0)
        CLEAR(e);
    for (size_t i = 0; e && i < nkw; i++)
        if (vm_setattr(e, TUPLE_ITEMS(kwnames)[i], args[npos + i]) < 0)
            CLEAR(e);
    return e;
}

static Obj *exc_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames) && vm_is_subtype((Type *)self, &vm_exc_ImportError))
        return import_error_construct((Type *)self, args, nargs, kwnames);
    if (kwnames && TUPLE_LEN(kwnames))
        return vm_err_fmt(&vm_exc_TypeError, "%s() takes no keyword arguments",
                          ((Type *)self)->name);
    if (vm_is_subtype((Type *)self, &vm_exc_UnicodeError)   /* codecs.c */
        && vm_unicode_error_check((Type *)self, args, nargs) < 0)
        return NULL;
    /* OSError(errno, strerror[, ...]) is the errno's subclass, as CPython
     * (only when OSError itself is called) */
    Type *t = (Type *)self;
    if (t == &vm_exc_OSError && nargs >= 2 && nargs <= 5 && vm_is_subtype(TYPE(args[0]), &vm_int_type)) {
        int64_t en;
        if (vm_int_as_i64(args[0], &en) == 0 && en > 0 && en < 100000)
            t = vm_oserror_type((int)en);
        else
            vm_err_clear();
    }
    /* OSError(errno, strerror, filename[, winerror[, filename2]]): args
     * keep the first two, the names become attributes */
    if (nargs >= 3 && nargs <= 5 && vm_is_subtype(t, &vm_exc_OSError)) {
        Obj *e = vm_exc_new(t, args, 2);
        if (e && vm_setattr(e, vm_str_intern("filename", 8), args[2]) < 0)
            CLEAR(e);
        if (e && nargs == 5 && vm_setattr(e, vm_str_intern("filename2", 9), args[4]) < 0)
            CLEAR(e);
        return e;
    }
    Obj *e = vm_exc_new(t, args, nargs);
    if (e && subclass_init(e, args, nargs) < 0)
        CLEAR(e);
    return e;
}

/* str() of a SyntaxError: "msg (file, line N)" with the file's base name,
 * each part only when the attribute has the right type. */
static Obj *syntax_error_str(ExcObj *e)
{
    Obj *d = e->dict;
    Obj *msg = d ? vm_dict_get_str(d, vm_str_intern("msg", 3)) : NULL;
    Obj *fn = d ? vm_dict_get_str(d, vm_str_intern("filename", 8)) : NULL;
    Obj *ln = d ? vm_dict_get_str(d, vm_str_intern("lineno", 6)) : NULL;
    if (!msg && TUPLE_LEN(e->args) > 0)     /* made in C without attributes */
        msg = TUPLE_ITEMS(e->args)[0];
    Obj *ms = vm_str(msg ? msg : VM_NONE);
    if (!ms)
        return NULL;
    bool has_fn = fn && STR_CHECK(fn), has_ln = ln && INT_CHECK(ln);
    if (!has_fn && !has_ln)
        return ms;
    Buf b = BUF_INIT;
    buf_put(&b, STR_DATA(ms), (size_t)STR_LEN(ms));
    DECREF(ms);
    buf_puts(&b, " (");
    if (has_fn) {
        const char *f = STR_DATA(fn), *slash = strrchr(f, '/');
        buf_puts(&b, slash ? slash + 1 : f);
    }
    if (has_ln) {
        Obj *lr = vm_repr(ln);
        if (!lr) {
            buf_free(&b);
            return NULL;
        }
        buf_printf(&b, "%sline %s", has_fn ? ", " : "", STR_DATA(lr));
        DECREF(lr);
    }
    buf_putc(&b, ')');
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

static Obj *exc_str(Obj *o)
{
    ExcObj *e = (ExcObj *)o;
    ssize_t n = TUPLE_LEN(e->args);
    if (vm_is_subtype(TYPE(o), &vm_exc_SyntaxError))
        return syntax_error_str(e);
    if (e->dict && vm_is_subtype(TYPE(o), &vm_exc_ImportError)) {
        Obj *msg = vm_dict_get_str(e->dict, vm_str_intern("msg", 3));
        if (msg && TYPE(msg) == &vm_str_type)
            return vm_newref(msg);
    }
    if (n == 0)
        return vm_str_new("", 0);
    if ((n == 5 || n == 4) && vm_is_subtype(TYPE(o), &vm_exc_UnicodeError)) {
        Obj *u = vm_unicode_error_str(o);   /* codecs.c: CPython's codec message */
        if (u || vm_err_occurred())
            return u;
    }
    if (n >= 2 && n <= 5 && vm_is_subtype(TYPE(o), &vm_exc_OSError)) {
        /* "[Errno 2] No such file or directory: 'x'" (fileio.c raises these) */
        Obj *const *a = TUPLE_ITEMS(e->args);
        Obj *en = vm_str(a[0]), *msg = en ? vm_str(a[1]) : NULL;
        Obj *fattr = e->dict ? vm_dict_get_str(e->dict, vm_str_intern("filename", 8)) : NULL;
        if (fattr == VM_NONE)
            fattr = NULL;
        if (!fattr && n >= 3 && a[2] != VM_NONE)
            fattr = a[2];
        Obj *fn = msg && fattr ? vm_repr(fattr) : NULL;
        Obj *f2 = e->dict ? vm_dict_get_str(e->dict, vm_str_intern("filename2", 9)) : NULL;
        if (!f2 && n == 5)
            f2 = a[4];
        if (f2 == VM_NONE)
            f2 = NULL;
        Obj *fn2 = fn && f2 ? vm_repr(f2) : NULL;
        Obj *r = NULL;
        if (msg && (!fattr || fn) && (!fn || !f2 || fn2)) {
            Buf b = BUF_INIT;
            buf_printf(&b, "[Errno %s] %s", STR_DATA(en), STR_DATA(msg));
            if (fn)
                buf_printf(&b, ": %s", STR_DATA(fn));
            if (fn2)
                buf_printf(&b, " -> %s", STR_DATA(fn2));
            r = vm_str_new(b.data, b.len);
            buf_free(&b);
        }
        XDECREF(en);
        XDECREF(msg);
        XDECREF(fn);
        XDECREF(fn2);
        return r;
    }
    if (n == 1) {
        if (vm_is_subtype(TYPE(o), &vm_exc_KeyError))
            return vm_repr(TUPLE_ITEMS(e->args)[0]);
        return vm_str(TUPLE_ITEMS(e->args)[0]);
    }
    return vm_repr(e->args);
}

static Obj *exc_repr(Obj *o)
{
    ExcObj *e = (ExcObj *)o;
    Buf b = BUF_INIT;
    buf_puts(&b, vm_tname(o));
    Obj *r;
    if (TUPLE_LEN(e->args) == 1) {
        r = vm_repr(TUPLE_ITEMS(e->args)[0]);
        if (r) {
            buf_putc(&b, '(');
            buf_put(&b, STR_DATA(r), (size_t)STR_LEN(r));
            buf_putc(&b, ')');
        }
    } else {
        r = vm_repr(e->args);
        if (r)
            buf_put(&b, STR_DATA(r), (size_t)STR_LEN(r));
    }
    if (!r) {
        buf_free(&b);
        return NULL;
    }
    DECREF(r);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *exc_getattr(Obj *o, Obj *name)
{
    ExcObj *e = (ExcObj *)o;
    if (vm_str_eqc(name, "args"))
        return vm_newref(e->args);
    if (vm_str_eqc(name, "__cause__"))
        return vm_newref(e->cause ? e->cause : VM_NONE);
    if (vm_str_eqc(name, "__context__"))
        return vm_newref(e->context ? e->context : VM_NONE);
    if (vm_str_eqc(name, "__suppress_context__"))
        return VM_BOOL(e->suppress_context);
    if (vm_str_eqc(name, "__traceback__"))
        return vm_newref(e->tb ? e->tb : VM_NONE);
    if (vm_str_eqc(name, "value") && vm_is_subtype(TYPE(o), &vm_exc_StopIteration))
        return vm_newref(TUPLE_LEN(e->args) ? TUPLE_ITEMS(e->args)[0] : VM_NONE);
    if (vm_is_subtype(TYPE(o), &vm_exc_UnicodeError)) {
        Obj *u = vm_unicode_error_attr(o, name);    /* codecs.c: encoding, start, ... */
        if (u)
            return u;
    }
    if (vm_is_subtype(TYPE(o), &vm_exc_OSError)) {
        /* errno, strerror, filename, filename2 from the arguments */
        ssize_t n = TUPLE_LEN(e->args);
        int k = vm_str_eqc(name, "errno") ? 0 : vm_str_eqc(name, "strerror") ? 1
            : vm_str_eqc(name, "filename") ? 2 : vm_str_eqc(name, "filename2") ? 4 : -1;
        Obj *set = k >= 0 && e->dict ? vm_dict_get_str(e->dict, name) : NULL;
        if (set)
            return vm_newref(set);
        if (k >= 0)
            return vm_newref(n >= 2 && n <= 5 && k < n ? TUPLE_ITEMS(e->args)[k] : VM_NONE);
    }
    if (vm_str_eqc(name, "msg") && vm_is_subtype(TYPE(o), &vm_exc_SyntaxError)
        && !(e->dict && vm_dict_get_str(e->dict, name)) && TUPLE_LEN(e->args) > 0)
        return vm_newref(TUPLE_ITEMS(e->args)[0]);  /* one made in C: its message */
    if (vm_str_eqc(name, "code") && vm_is_subtype(TYPE(o), &vm_exc_SystemExit))
        return vm_newref(TUPLE_LEN(e->args) == 0 ? VM_NONE
                         : TUPLE_LEN(e->args) == 1 ? TUPLE_ITEMS(e->args)[0] : e->args);
    return NULL;
}

static Obj *exc_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ExcObj *e = (ExcObj *)self;
    size_t npos = nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0);
    Obj *t = vm_tuple_from(args, (ssize_t)npos);
    XDECREF(e->args);
    e->args = t;
    if (subclass_init(self, args, npos) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *exc_str_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return exc_str(self);
}

static Obj *exc_repr_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return exc_repr(self);
}

static Obj *exc_with_traceback(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("with_traceback", nargs, 1, 1) < 0)
        return NULL;
    ExcObj *e = (ExcObj *)self;
    Obj *tb = args[0] == VM_NONE ? NULL : args[0];
    if (tb && TYPE(tb) != &vm_tb_type)
        return vm_err_str(&vm_exc_TypeError, "__traceback__ must be a traceback or None");
    XDECREF(e->tb);
    e->tb = tb ? vm_newref(tb) : NULL;
    return vm_newref(self);
}

static Obj *exc_add_note(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("add_note", kwnames) < 0 || vm_argc("add_note", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "note must be a str, not '%s'",
                          vm_tname(args[0]));
    Obj *nm = vm_str_intern("__notes__", 9);
    Obj *notes = vm_generic_getattr(self, nm);
    if (!notes) {
        if (!vm_err_matches(&vm_exc_AttributeError))
            return NULL;
        vm_err_clear();
        notes = vm_list_new(0);
        if (vm_generic_setattr(self, nm, notes) < 0) {
            DECREF(notes);
            return NULL;
        }
    }
    if (!LIST_CHECK(notes)) {
        DECREF(notes);
        return vm_err_str(&vm_exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    vm_list_append(notes, args[0]);
    DECREF(notes);
    return vm_newref(VM_NONE);
}

/* BaseException.__setstate__(state): each item of the dict set as an
 * attribute (pickle's second step) */
static Obj *exc_setstate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__setstate__", kwnames) < 0 || vm_argc("__setstate__", nargs, 1, 1) < 0)
        return NULL;
    if (args[0] == VM_NONE)
        return vm_newref(VM_NONE);
    if (!DICT_CHECK(args[0]))
        return vm_err_str(&vm_exc_TypeError, "state is not a dictionary");
    ssize_t pos = 0;
    Obj *k, *v;
    while (vm_dict_next(args[0], &pos, &k, &v))
        if (vm_setattr(self, k, v) < 0)
            return NULL;
    return vm_newref(VM_NONE);
}

/* BaseException.__reduce__(): (type, args), plus the instance __dict__
 * when it has anything */
static Obj *exc_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__reduce__", kwnames) < 0 || vm_argc("__reduce__", nargs, 0, 0) < 0)
        return NULL;
    Obj **dp = vm_dictptr(self);
    bool with_dict = dp && *dp && DICT_CHECK(*dp) && ((DictObj *)*dp)->used > 0;
    Obj *items[3] = {(Obj *)TYPE(self), ((ExcObj *)self)->args, with_dict ? *dp : NULL};
    return vm_tuple_from(items, with_dict ? 3 : 2);
}

static const MethodDef exc_methods[] = {
    {"add_note", exc_add_note},
    {"__reduce__", exc_reduce},
    {"__setstate__", exc_setstate},
    {"__init__", exc_init},
    {"__str__", exc_str_m},
    {"__repr__", exc_repr_m},
    {"with_traceback", exc_with_traceback},
    {NULL, NULL},
};

static int exc_setattr(Obj *o, Obj *name, Obj *v)
{
    ExcObj *e = (ExcObj *)o;
    if (!v && (vm_str_eqc(name, "args") || vm_str_eqc(name, "__traceback__")
               || vm_str_eqc(name, "__cause__") || vm_str_eqc(name, "__context__"))) {
        vm_err_fmt(&vm_exc_TypeError, "%s may not be deleted", STR_DATA(name));
        return -1;
    }
    Obj **slot = NULL;
    if (vm_str_eqc(name, "__cause__"))
        slot = &e->cause;
    else if (vm_str_eqc(name, "__context__"))
        slot = &e->context;
    if (slot) {
        if (v && v != VM_NONE && !HAS_FLAG(v, TF_EXC)) {
            vm_err_fmt(&vm_exc_TypeError, "exception %s must be None or derive from "
                       "BaseException", slot == &e->cause ? "cause" : "context");
            return -1;
        }
        XDECREF(*slot);
        *slot = v && v != VM_NONE ? vm_newref(v) : NULL;
        if (slot == &e->cause)
            e->suppress_context = true;
        return 0;
    }
    if (vm_str_eqc(name, "args") && v) {
        Obj *l = vm_list_from_iter(v);
        if (!l)
            return -1;
        Obj *t = vm_tuple_from(LIST_ITEMS(l), LIST_LEN(l));
        DECREF(l);
        XDECREF(e->args);
        e->args = t;
        return 0;
    }
    if (vm_str_eqc(name, "__suppress_context__") && v) {
        int t = vm_truth(v);
        if (t < 0)
            return -1;
        e->suppress_context = t;
        return 0;
    }
    return vm_generic_setattr(o, name, v);
}

/* ---- exception groups ---- */

static bool eg_check(Obj *o)
{
    return vm_is_subtype(TYPE(o), &vm_exc_BaseExceptionGroup);
}

/* A group of t (upgraded to ExceptionGroup when t is BaseExceptionGroup
 * and every member is an Exception) with message msg and members excs. */
static Obj *eg_make(Type *t, Obj *msg, Obj *seq)
{
    if (!STR_CHECK(msg))
        return vm_err_fmt(&vm_exc_TypeError, "argument 1 must be str, not %s", vm_tname(msg));
    if (!TUPLE_CHECK(seq) && !LIST_CHECK(seq))
        return vm_err_str(&vm_exc_TypeError,
                          "second argument (exceptions) must be a sequence");
    Obj *l = vm_list_from_iter(seq);
    if (!l)
        return NULL;
    if (LIST_LEN(l) == 0) {
        DECREF(l);
        return vm_err_str(&vm_exc_ValueError,
                          "second argument (exceptions) must be a non-empty sequence");
    }
    bool all_exc = true;
    for (ssize_t i = 0; i < LIST_LEN(l); i++) {
        Obj *e = LIST_ITEMS(l)[i];
        if (!HAS_FLAG(e, TF_EXC)) {
            DECREF(l);
            return vm_err_fmt(&vm_exc_ValueError, "Item %zd of second argument (exceptions) is "
                              "not an exception", i);
        }
        if (!vm_is_subtype(TYPE(e), &vm_exc_Exception))
            all_exc = false;
    }
    if (t == &vm_exc_BaseExceptionGroup && all_exc)
        t = &vm_exc_ExceptionGroup;
    else if (vm_is_subtype(t, &vm_exc_ExceptionGroup) && !all_exc) {
        DECREF(l);
        return vm_err_str(&vm_exc_TypeError,
                          "Cannot nest BaseExceptions in an ExceptionGroup");
    }
    EgObj *g = vm_alloc(t, 0);
    g->exc.args = vm_tuple_new(2);
    TUPLE_ITEMS(g->exc.args)[0] = vm_newref(msg);
    TUPLE_ITEMS(g->exc.args)[1] = vm_newref(seq);
    g->exc.tb = g->exc.context = g->exc.cause = NULL;
    g->exc.suppress_context = false;
    g->exc.dict = g->exc.suggest = NULL;
    g->msg = vm_newref(msg);
    g->excs = vm_tuple_from(LIST_ITEMS(l), LIST_LEN(l));
    DECREF(l);
    return (Obj *)g;
}

static Obj *eg_new(Type *t, Obj *const *args, size_t nargs)
{
    if (nargs != 2)
        return vm_err_fmt(&vm_exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 "
                          "arguments (%zu given)", nargs);
    return eg_make(t, args[0], args[1]);
}

static void exc_dealloc(Obj *o);

static void eg_dealloc(Obj *o)
{
    EgObj *g = (EgObj *)o;
    XDECREF(g->msg);
    XDECREF(g->excs);
    exc_dealloc(o);
}

static void exc_traverse(Obj *o, VisitFn visit, void *arg);

static void eg_traverse(Obj *o, VisitFn visit, void *arg)
{
    exc_traverse(o, visit, arg);
    VISIT(((EgObj *)o)->excs);
}

static Obj *eg_str(Obj *o)
{
    EgObj *g = (EgObj *)o;
    ssize_t n = TUPLE_LEN(g->excs);
    Buf b = BUF_INIT;
    buf_printf(&b, "%s (%zd sub-exception%s)", STR_DATA(g->msg), n, n == 1 ? "" : "s");
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

/* Copy a group's metadata (traceback, cause, context) to a derived one. */
static void copy_metadata(Obj *from, Obj *to)
{
    ExcObj *a = (ExcObj *)from, *b = (ExcObj *)to;
    XDECREF(b->tb);
    b->tb = a->tb ? vm_newref(a->tb) : NULL;
    XDECREF(b->cause);
    b->cause = a->cause ? vm_newref(a->cause) : NULL;
    XDECREF(b->context);
    b->context = a->context ? vm_newref(a->context) : NULL;
    b->suppress_context = a->suppress_context;
}

typedef int (*LeafMatch)(Obj *exc, void *arg);

/* Split g by match (called on every member that is not itself a group,
 * and on g first): *m, *r new references or None. */
static int eg_split(Obj *g, LeafMatch match, void *arg, Obj **m, Obj **r)
{
    int whole = match(g, arg);
    if (whole < 0)
        return -1;
    if (whole) {
        *m = vm_newref(g);
        *r = vm_newref(VM_NONE);
        return 0;
    }
    EgObj *eg = (EgObj *)g;
    Obj *ml = vm_list_new(0), *rl = vm_list_new(0);
    for (ssize_t i = 0; i < TUPLE_LEN(eg->excs); i++) {
        Obj *e = TUPLE_ITEMS(eg->excs)[i];
        if (eg_check(e)) {
            Obj *sm, *sr;
            if (eg_split(e, match, arg, &sm, &sr) < 0) {
                DECREF(ml);
                DECREF(rl);
                return -1;
            }
            if (sm != VM_NONE)
                vm_list_append(ml, sm);
            if (sr != VM_NONE)
                vm_list_append(rl, sr);
            DECREF(sm);
            DECREF(sr);
        } else {
            int t = match(e, arg);
            if (t < 0) {
                DECREF(ml);
                DECREF(rl);
                return -1;
            }
            vm_list_append(t ? ml : rl, e);
        }
    }
    Obj *parts[2] = {ml, rl}, *out[2];
    for (int k = 0; k < 2; k++) {
        if (LIST_LEN(parts[k]) == 0) {
            out[k] = vm_newref(VM_NONE);
        } else {
            Type *t = eg_check(g) && !(TYPE(g)->flags & TF_HEAP) ? &vm_exc_BaseExceptionGroup
                                                                 : &vm_exc_BaseExceptionGroup;
            out[k] = eg_make(t, eg->msg, parts[k]);
            if (!out[k]) {
                if (k)
                    DECREF(out[0]);
                DECREF(ml);
                DECREF(rl);
                return -1;
            }
            copy_metadata(g, out[k]);
        }
    }
    DECREF(ml);
    DECREF(rl);
    *m = out[0];
    *r = out[1];
    return 0;
}

static int match_cond(Obj *exc, void *arg)
{
    Obj *cond = arg;
    if (HAS_FLAG(cond, TF_TYPE))
        return vm_is_subtype(TYPE(exc), (Type *)cond);
    if (TUPLE_CHECK(cond)) {
        for (ssize_t i = 0; i < TUPLE_LEN(cond); i++)
            if (HAS_FLAG(TUPLE_ITEMS(cond)[i], TF_TYPE)
                && vm_is_subtype(TYPE(exc), (Type *)TUPLE_ITEMS(cond)[i]))
                return 1;
        return 0;
    }
    Obj *r = vm_call(cond, &exc, 1, NULL);
    if (!r)
        return -1;
    int t = vm_truth(r);
    DECREF(r);
    return t;
}

static Obj *eg_split_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("split", nargs, 1, 1) < 0)
        return NULL;
    Obj *m, *r;
    if (eg_split(self, match_cond, args[0], &m, &r) < 0)
        return NULL;
    Obj *t = vm_tuple_new(2);
    TUPLE_ITEMS(t)[0] = m;
    TUPLE_ITEMS(t)[1] = r;
    return t;
}

static Obj *eg_subgroup_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("subgroup", nargs, 1, 1) < 0)
        return NULL;
    Obj *m, *r;
    if (eg_split(self, match_cond, args[0], &m, &r) < 0)
        return NULL;
    DECREF(r);
    return m;
}

static Obj *eg_derive_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("derive", nargs, 1, 1) < 0)
        return NULL;
    return eg_make(&vm_exc_BaseExceptionGroup, ((EgObj *)self)->msg, args[0]);
}

static Obj *eg_getattr(Obj *o, Obj *name);

int vm_eg_match(Obj *exc, Obj *match_type, Obj **match, Obj **rest)
{
    if (exc == VM_NONE) {
        *match = vm_newref(VM_NONE);
        *rest = vm_newref(VM_NONE);
        return 0;
    }
    /* the type must be an exception class, not an exception group one */
    Obj *const *types = &match_type;
    ssize_t nt = 1;
    if (TUPLE_CHECK(match_type)) {
        types = TUPLE_ITEMS(match_type);
        nt = TUPLE_LEN(match_type);
    }
    for (ssize_t i = 0; i < nt; i++) {
        if (!HAS_FLAG(types[i], TF_TYPE)
            || !vm_is_subtype((Type *)types[i], &vm_exc_BaseException)) {
            vm_err_str(&vm_exc_TypeError, "catching classes that do not inherit from "
                       "BaseException is not allowed");
            return -1;
        }
        if (vm_is_subtype((Type *)types[i], &vm_exc_BaseExceptionGroup)) {
            vm_err_str(&vm_exc_TypeError, "catching ExceptionGroup with except* is not "
                       "allowed. Use except instead.");
            return -1;
        }
    }
    int full = match_cond(exc, match_type);
    if (full < 0)
        return -1;
    if (full) {
        if (eg_check(exc)) {
            *match = vm_newref(exc);
        } else {
            Obj *l = vm_tuple_from(&exc, 1);
            Obj *empty = vm_str_new("", 0);
            Obj *g = eg_make(&vm_exc_BaseExceptionGroup, empty, l);
            DECREF(empty);
            DECREF(l);
            if (!g)
                return -1;
            ExcObj *e = (ExcObj *)exc;
            if (e->tb)
                ((ExcObj *)g)->tb = vm_newref(e->tb);
            *match = g;
        }
        *rest = vm_newref(VM_NONE);
        return 0;
    }
    if (eg_check(exc))
        return eg_split(exc, match_cond, match_type, match, rest);
    *match = vm_newref(VM_NONE);
    *rest = vm_newref(VM_NONE);
    return 0;
}

/* the leaves of an exception (itself, or a group's members, recursively) */
static void collect_leaves(Obj *e, Obj *set_list)
{
    if (eg_check(e)) {
        EgObj *g = (EgObj *)e;
        for (ssize_t i = 0; i < TUPLE_LEN(g->excs); i++)
            collect_leaves(TUPLE_ITEMS(g->excs)[i], set_list);
    } else {
        vm_list_append(set_list, e);
    }
}

static int leaf_in(Obj *exc, void *arg)
{
    Obj *l = arg;
    if (eg_check(exc))
        return 0;
    for (ssize_t i = 0; i < LIST_LEN(l); i++)
        if (LIST_ITEMS(l)[i] == exc)
            return 1;
    return 0;
}

Obj *vm_eg_prep_reraise(Obj *orig, Obj *excs)
{
    ssize_t n = LIST_LEN(excs);
    if (n == 0)
        return vm_newref(VM_NONE);
    if (!eg_check(orig))
        return vm_newref(LIST_ITEMS(excs)[0]);
    Obj *raised = vm_list_new(0), *reraised = vm_list_new(0);
    ExcObj *o = (ExcObj *)orig;
    for (ssize_t i = 0; i < n; i++) {
        Obj *e = LIST_ITEMS(excs)[i];
        if (e == VM_NONE)
            continue;
        ExcObj *x = (ExcObj *)e;
        bool same = x->tb == o->tb && x->cause == o->cause && x->context == o->context;
        vm_list_append(same ? reraised : raised, e);
    }
    Obj *reraised_eg;
    if (LIST_LEN(reraised) == 0) {
        reraised_eg = vm_newref(VM_NONE);
    } else {
        Obj *leaves = vm_list_new(0);
        for (ssize_t i = 0; i < LIST_LEN(reraised); i++)
            collect_leaves(LIST_ITEMS(reraised)[i], leaves);
        Obj *rest;
        int rc = eg_split(orig, leaf_in, leaves, &reraised_eg, &rest);
        DECREF(leaves);
        if (rc < 0) {
            DECREF(raised);
            DECREF(reraised);
            return NULL;
        }
        DECREF(rest);
    }
    Obj *result;
    if (LIST_LEN(raised) == 0) {
        result = reraised_eg;
    } else {
        if (reraised_eg != VM_NONE)
            vm_list_append(raised, reraised_eg);
        DECREF(reraised_eg);
        Obj *empty = vm_str_new("", 0);
        result = eg_make(&vm_exc_BaseExceptionGroup, empty, raised);
        DECREF(empty);
    }
    DECREF(raised);
    DECREF(reraised);
    return result;
}

#define vm_exc_object vm_object_type
#define EXC(N, B) \
    Type vm_exc_##N = { \
        .ob = OBJ_HEAD_INIT(&vm_type_type), \
        .name = #N, \
        .base = &vm_exc_##B, \
        .flags = TF_EXC | TF_GC, \
        .dictoffset = offsetof(ExcObj, dict), \
        .traverse = exc_traverse, \
        .clear = exc_gc_clear, \
        .basicsize = sizeof(ExcObj), \
        .dealloc = exc_dealloc, \
        .repr = exc_repr, \
        .str = exc_str, \
        .construct = exc_construct, \
        .getattr = exc_getattr, \
        .setattr = exc_setattr, \
        .methods = exc_methods, \
    };
#include "cmd/pyvm/exc.def"
#undef EXC
#undef vm_exc_object

static Obj *eg_getattr(Obj *o, Obj *name)
{
    EgObj *g = (EgObj *)o;
    if (vm_str_eqc(name, "message"))
        return vm_newref(g->msg);
    if (vm_str_eqc(name, "exceptions"))
        return vm_newref(g->excs);
    return exc_getattr(o, name);
}

static const MethodDef eg_methods[] = {
    {"split", eg_split_m},
    {"subgroup", eg_subgroup_m},
    {"derive", eg_derive_m},
    {NULL, NULL},
};

Type vm_exc_BaseExceptionGroup = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "BaseExceptionGroup",
    .base = &vm_exc_BaseException,
    .flags = TF_EXC | TF_GC,
    .dictoffset = offsetof(ExcObj, dict),
    .basicsize = sizeof(EgObj),
    .dealloc = eg_dealloc,
    .repr = exc_repr,
    .str = eg_str,
    .construct = exc_construct,
    .getattr = eg_getattr,
    .setattr = exc_setattr,
    .traverse = eg_traverse,
    .clear = exc_gc_clear,
    .methods = eg_methods,
};

Type vm_exc_ExceptionGroup = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "ExceptionGroup",
    .base = &vm_exc_BaseExceptionGroup,
    .flags = TF_EXC | TF_GC,
    .dictoffset = offsetof(ExcObj, dict),
    .basicsize = sizeof(EgObj),
    .dealloc = eg_dealloc,
    .repr = exc_repr,
    .str = eg_str,
    .construct = exc_construct,
    .getattr = eg_getattr,
    .setattr = exc_setattr,
    .traverse = eg_traverse,
    .clear = exc_gc_clear,
    .methods = eg_methods,
};

/* ---- the pending exception ---- */

/* Set exc pending, with __context__ the exception being handled. */
static void set_pending(Obj *exc)
{
    Obj *h = vm_exc.handled;
    if (h && h != exc && !((ExcObj *)exc)->context) {
        /* avoid a cycle: cut exc out of h's context chain */
        Obj *o = h;
        while (o) {
            ExcObj *oe = (ExcObj *)o;
            if (oe->context == exc) {
                CLEAR(oe->context);
                break;
            }
            o = oe->context;
        }
        ((ExcObj *)exc)->context = vm_newref(h);
    }
    XDECREF(vm_exc.pending);
    vm_exc.pending = exc;
}

Obj *vm_err_set(Obj *exc)
{
    if (TYPE(exc) == &vm_type_type || HAS_FLAG(exc, TF_TYPE)) {
        Obj *inst = vm_exc_new((Type *)exc, NULL, 0);
        set_pending(inst);
    } else {
        set_pending(vm_newref(exc));
    }
    return NULL;
}

Obj *vm_err_obj(Type *t, Obj *v)
{
    set_pending(vm_exc_new(t, &v, 1));
    return NULL;
}

Obj *vm_err_str(Type *t, const char *msg)
{
    Obj *s = vm_str_cstr(msg);
    vm_err_obj(t, s);
    DECREF(s);
    return NULL;
}

Obj *vm_err_fmt(Type *t, const char *fmt, ...)
{
    Buf b = BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    Obj *s = vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    vm_err_obj(t, s);
    DECREF(s);
    return NULL;
}

Obj *vm_err_nomem(void)
{
    set_pending(vm_exc_new(&vm_exc_MemoryError, NULL, 0));
    return NULL;
}

Obj *vm_err_fetch(void)
{
    Obj *e = vm_exc.pending;
    vm_exc.pending = NULL;
    return e;
}

void vm_err_restore(Obj *exc)
{
    XDECREF(vm_exc.pending);
    vm_exc.pending = exc;
}

void vm_err_clear(void)
{
    CLEAR(vm_exc.pending);
}

bool vm_err_matches(Type *t)
{
    return vm_exc.pending && vm_is_subtype(TYPE(vm_exc.pending), t);
}

/* ---- suggestions (CPython 3.11's suggestions.c) ---- */

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1

static size_t substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return MOVE_COST;
    if (a == b)
        return 0;
    if ('A' <= a && a <= 'Z')
        a = (char)(a + ('a' - 'A'));
    if ('A' <= b && b <= 'Z')
        b = (char)(b + ('a' - 'A'));
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t levenshtein(const char *a, size_t an, const char *b, size_t bn, size_t max_cost,
                          size_t *buffer)
{
    if (a == b)
        return 0;
    while (an && bn && a[0] == b[0]) {
        a++;
        an--;
        b++;
        bn--;
    }
    while (an && bn && a[an - 1] == b[bn - 1]) {
        an--;
        bn--;
    }
    if (an == 0 || bn == 0)
        return (an + bn) * MOVE_COST;
    if (an > MAX_STRING_SIZE || bn > MAX_STRING_SIZE)
        return max_cost + 1;
    if (bn < an) {
        const char *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    if ((bn - an) * MOVE_COST > max_cost)
        return max_cost + 1;
    size_t tmp = MOVE_COST;
    for (size_t i = 0; i < an; i++) {
        buffer[i] = tmp;
        tmp += MOVE_COST;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < bn; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = (size_t)-1;
        for (size_t i = 0; i < an; i++) {
            size_t substitute = distance + substitution_cost(code, a[i]);
            distance = buffer[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

Obj *vm_suggest(Obj *dir, Obj *name)
{
    ssize_t n = LIST_LEN(dir);
    if (n >= MAX_CANDIDATE_ITEMS)
        return NULL;
    size_t best_dist = (size_t)-1 >> 1;
    Obj *best = NULL;
    size_t buffer[MAX_STRING_SIZE];
    const char *ns = STR_DATA(name);
    size_t nl = (size_t)STR_LEN(name);
    for (ssize_t i = 0; i < n; i++) {
        Obj *item = LIST_ITEMS(dir)[i];
        if (!STR_CHECK(item) || vm_str_eq(item, name))
            continue;
        size_t il = (size_t)STR_LEN(item);
        size_t max_dist = (nl + il + 3) * MOVE_COST / 6;
        if (best_dist - 1 < max_dist)
            max_dist = best_dist - 1;
        size_t d = levenshtein(ns, nl, STR_DATA(item), il, max_dist, buffer);
        if (d > max_dist)
            continue;
        if (!best || d < best_dist) {
            best = item;
            best_dist = d;
        }
    }
    return best;
}

/* ---- tracebacks ---- */

static void tb_traverse(Obj *o, VisitFn visit, void *arg)
{
    TbObj *tb = (TbObj *)o;
    VISIT(tb->next);
    VISIT(tb->globals);
    VISIT(tb->fobj);
}

static void tb_clear(Obj *o)
{
    TbObj *tb = (TbObj *)o;
    CLEAR(tb->next);
    CLEAR(tb->globals);
    CLEAR(tb->fobj);
}

static void tb_dealloc(Obj *o)
{
    TbObj *tb = (TbObj *)o;
    XDECREF(tb->next);
    XDECREF(tb->globals);
    XDECREF(tb->fobj);
    DECREF(tb->code);
    vm_obj_free(o);
}

/* Frame objects: snapshots of a frame (sys._getframe(), tb.tb_frame,
 * gi_frame): its code and instruction, and, when made from a live frame,
 * its globals, a copy of its locals and its caller's snapshot. */
typedef struct FrameSnap {
    Obj ob;
    VmCode *code;           /* the frame's code (a reference) */
    int lasti;              /* instruction index in code */
    Obj *globals;           /* f_globals, or NULL when unknown (a traceback's frame) */
    Obj *locals;            /* f_locals (a dict), or NULL when unknown */
    Obj *back;              /* f_back's snapshot, or NULL */
    Frame *live;            /* the running frame it stands for (its fobj), or NULL */
    VmFrameTrace tr;        /* f_trace, f_trace_lines, f_trace_opcodes (trace.c) */
} FrameSnap;

VmFrameTrace *vm_frame_trace(Obj *fobj)
{
    return &((FrameSnap *)fobj)->tr;
}

Frame *vm_frame_live(Obj *fobj)
{
    return ((FrameSnap *)fobj)->live;
}

static void snap_dealloc(Obj *o)
{
    FrameSnap *f = (FrameSnap *)o;
    if (f->live)
        f->live->fobj = NULL;
    DECREF(f->code);
    XDECREF(f->globals);
    XDECREF(f->locals);
    XDECREF(f->back);
    XDECREF(f->tr.func);
    vm_obj_free(o);
}

static void snap_traverse(Obj *o, VisitFn visit, void *arg)
{
    FrameSnap *f = (FrameSnap *)o;
    VISIT(f->globals);
    VISIT(f->locals);
    VISIT(f->back);
    VISIT(f->tr.func);
}

static void snap_clear(Obj *o)
{
    FrameSnap *f = (FrameSnap *)o;
    CLEAR(f->globals);
    CLEAR(f->locals);
    CLEAR(f->back);
    CLEAR(f->tr.func);
}

/* The frame that called (or resumed) f; NULL for a generator's frame
 * that is not running (suspended or not started). */
static Frame *frame_caller(Frame *f)
{
    if (f->heap && (f->yielded || f->ip == f->code->code))
        return NULL;
    Frame *b = f->prev ? f->prev : f->outer;
    while (b && vm_hidden_code(b->code))   /* CPython's C code: no frame */
        b = b->prev ? b->prev : b->outer;
    return b;
}

/* f_locals of a live function frame: one dict per frame object, brought
 * up to date with the fast locals at each read and keeping the keys a
 * debugger adds (bdb's __return__), as CPython's. */
static Obj *live_locals(FrameSnap *s)
{
    Frame *f = s->live;
    Obj *fresh = vm_frame_locals_of(f);
    if (!fresh || f->locals || !s->locals || TYPE(s->locals) != &vm_dict_type) {
        if (fresh && !f->locals) {
            XDECREF(s->locals);
            s->locals = vm_newref(fresh);
        }
        return fresh;
    }
    VmCode *co = f->code;
    for (int i = 0; i < co->nlocalsplus; i++) {
        Obj *k = co->localsplus[i], *v = vm_dict_get_str(fresh, k);
        if (v ? vm_dict_set(s->locals, k, v) < 0 : vm_dict_del(s->locals, k) < 0)
            vm_err_clear();
    }
    DECREF(fresh);
    return vm_newref(s->locals);
}

void vm_frame_locals_sync(Obj *fobj, bool to_fast)
{
    FrameSnap *s = (FrameSnap *)fobj;
    Frame *f = s->live;
    if (!f || f->locals || !s->locals || TYPE(s->locals) != &vm_dict_type)
        return;
    if (!to_fast) {
        Obj *saved = vm_err_fetch();
        Obj *d = live_locals(s);
        if (d)
            DECREF(d);
        else
            vm_err_clear();
        if (saved)
            vm_err_restore(saved);
        return;
    }
    VmCode *co = f->code;
    for (int i = 0; i < co->nlocalsplus; i++) {
        Obj **slot = &f->lp[i];
        if (co->kinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) {
            if (!*slot || TYPE(*slot) != &vm_cell_type)
                continue;       /* its cell is not made yet */
            slot = &((CellObj *)*slot)->ref;
        }
        Obj *v = vm_dict_get_str(s->locals, co->localsplus[i]);
        if (*slot == v)
            continue;
        Obj *old = *slot;
        *slot = v ? vm_newref(v) : NULL;
        XDECREF(old);
    }
}

/* The attributes of a frame object whose frame is still alive. */
static Obj *live_getattr(FrameSnap *s, Obj *name)
{
    Frame *f = s->live;
    if (vm_str_eqc(name, "f_lineno") || vm_str_eqc(name, "f_lasti")) {
        int lasti = (int)(f->ip - f->code->code) - 1;
        if (lasti < 0)
            lasti = 0;
        return vm_int_from_i64(vm_str_eqc(name, "f_lasti") ? lasti * 2
                               : f->code->positions[lasti].lineno);
    }
    if (vm_str_eqc(name, "f_locals"))
        return live_locals(s);
    if (vm_str_eqc(name, "f_globals"))
        return vm_newref(f->globals);
    if (vm_str_eqc(name, "f_back")) {
        Frame *b = frame_caller(f);
        return b ? vm_frame_object(b) : vm_newref(VM_NONE);
    }
    return NULL;
}

Obj *vm_frame_snap_live(Frame *f)
{
    FrameSnap *s = (FrameSnap *)vm_frame_snap_new(f->code, 0, NULL, NULL, NULL);
    s->live = f;
    f->fobj = (Obj *)s;
    return (Obj *)s;
}

void vm_frame_detach(Frame *f)
{
    FrameSnap *s = (FrameSnap *)f->fobj;
    int lasti = (int)(f->ip - f->code->code) - 1;
    s->lasti = lasti < 0 ? 0 : lasti;
    XDECREF(s->globals);
    s->globals = vm_newref(f->globals);
    Obj *saved = vm_err_fetch();
    Obj *loc = vm_frame_locals_of(f);
    if (!loc)
        vm_err_clear();
    vm_err_restore(saved);
    XDECREF(s->locals);
    s->locals = loc;
    Frame *b = frame_caller(f);
    if (b && !b->cleared && !s->back)
        s->back = vm_frame_object(b);
    s->live = NULL;
    f->fobj = NULL;
    if (s->tr.owned) {
        /* the frame kept its traced frame object alive (trace.c) */
        s->tr.owned = false;
        DECREF(s);
    }
}

static Obj *snap_getattr(Obj *o, Obj *name)
{
    FrameSnap *f = (FrameSnap *)o;
    if (f->live) {
        Obj *r = live_getattr(f, name);
        if (r || vm_err_occurred())
            return r;
    }
    Obj *tr = vm_trace_frame_getattr(o, name);
    if (tr)
        return tr;
    if (vm_str_eqc(name, "f_code"))
        return vm_newref((Obj *)f->code);
    if (vm_str_eqc(name, "f_lineno"))
        return vm_int_from_i64(f->code->positions[f->lasti].lineno);
    if (vm_str_eqc(name, "f_lasti"))
        return vm_int_from_i64(f->lasti * 2);
    if (vm_str_eqc(name, "f_back") && (f->back || f->globals))
        return vm_newref(f->back ? f->back : VM_NONE);
    if (vm_str_eqc(name, "f_globals") && f->globals)
        return vm_newref(f->globals);
    if (vm_str_eqc(name, "f_locals") && f->locals)
        return vm_newref(f->locals);
    if (vm_str_eqc(name, "f_builtins") && f->globals) {
        Obj *b = vm_dict_get_str(f->globals, vm_str_intern("__builtins__", 12));
        if (b && TYPE(b) != &vm_dict_type) {
            Obj *d = vm_getattr(b, vm_str_intern("__dict__", 8));
            if (d)
                return d;
            vm_err_clear();
        }
        return vm_newref(b ? b : VM_NONE);
    }
    static const char *const live[] = {"f_back", "f_locals", "f_globals", "f_builtins"};
    for (size_t i = 0; i < sizeof live / sizeof *live; i++)
        if (vm_str_eqc(name, live[i]))
            return vm_err_fmt(&vm_exc_SystemError, "not supported yet: frame.%s", live[i]);
    return NULL;
}

static Obj *snap_repr(Obj *o)
{
    FrameSnap *f = (FrameSnap *)o;
    Buf b = BUF_INIT;
    buf_printf(&b, "<frame at %p, file '%s', line %d, code %s>", (void *)o,
               STR_DATA(f->code->filename), f->code->positions[f->lasti].lineno,
               STR_DATA(f->code->name));
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

/* f_trace, f_trace_lines, f_trace_opcodes and f_lineno (trace.c); the
 * other attributes are read-only. */
static int snap_setattr(Obj *o, Obj *name, Obj *v)
{
    int rc = vm_trace_frame_setattr(o, name, v);
    if (rc <= 0)
        return rc;
    static const char *const ro[] = {"f_back", "f_builtins", "f_code", "f_globals", "f_lasti",
                                     "f_locals"};
    for (size_t i = 0; i < sizeof ro / sizeof *ro; i++)
        if (vm_str_eqc(name, ro[i])) {
            vm_err_fmt(&vm_exc_AttributeError, "attribute '%s' of 'frame' objects is not "
                       "writable", ro[i]);
            return -1;
        }
    vm_err_fmt(&vm_exc_AttributeError, "'frame' object has no attribute '%s'", STR_DATA(name));
    return -1;
}

/* frame.clear(): drop a finished frame's locals (traceback.clear_frames);
 * a frame still running (or a suspended generator's) refuses. */
static Obj *snap_clear_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("clear", kwnames) < 0 || vm_argc("clear", nargs, 0, 0) < 0)
        return NULL;
    FrameSnap *f = (FrameSnap *)self;
    if (f->live)
        return vm_err_str(&vm_exc_RuntimeError, "cannot clear an executing frame");
    CLEAR(f->locals);
    return vm_newref(VM_NONE);
}

static const MethodDef snap_methods[] = {
    {"clear", snap_clear_m},
    {NULL, NULL},
};

static Type frame_snap_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "frame",
    .methods = snap_methods,
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS | TF_GC,
    .basicsize = sizeof(FrameSnap),
    .dealloc = snap_dealloc,
    .traverse = snap_traverse,
    .clear = snap_clear,
    .repr = snap_repr,
    .getattr = snap_getattr,
    .setattr = snap_setattr,
};

Obj *vm_frame_snap_new(VmCode *code, int lasti, Obj *globals, Obj *locals, Obj *back)
{
    FrameSnap *f = vm_alloc(&frame_snap_type, 0);
    f->code = (VmCode *)vm_newref((Obj *)code);
    f->lasti = lasti;
    f->globals = globals ? vm_newref(globals) : NULL;
    f->locals = locals ? vm_newref(locals) : NULL;
    f->back = back ? vm_newref(back) : NULL;
    f->live = NULL;
    memset(&f->tr, 0, sizeof f->tr);
    return (Obj *)f;
}

Obj *vm_frame_snapshot(VmCode *code, int lasti)
{
    return vm_frame_snap_new(code, lasti, NULL, NULL, NULL);
}

static Obj *tb_getattr(Obj *o, Obj *name)
{
    TbObj *tb = (TbObj *)o;
    if (vm_str_eqc(name, "tb_frame")) {
        /* the frame's own object when it had one (sys._getframe()),
         * else a snapshot knowing the globals */
        if (tb->fobj)
            return vm_newref(tb->fobj);
        return vm_frame_snap_new(tb->code, tb->lasti, tb->globals, NULL, NULL);
    }
    if (vm_str_eqc(name, "tb_next"))
        return vm_newref(tb->next ? tb->next : VM_NONE);
    if (vm_str_eqc(name, "tb_lineno"))
        return vm_int_from_i64(tb->code->positions[tb->lasti].lineno);
    if (vm_str_eqc(name, "tb_lasti"))
        return vm_int_from_i64(tb->lasti * 2);
    return NULL;
}

/* tb.tb_next = None or another traceback (unittest cuts its own frames
 * off a traceback); the other attributes are read-only. */
static int tb_setattr(Obj *o, Obj *name, Obj *v)
{
    TbObj *tb = (TbObj *)o;
    if (!vm_str_eqc(name, "tb_next")) {
        bool known = vm_str_eqc(name, "tb_frame") || vm_str_eqc(name, "tb_lineno")
            || vm_str_eqc(name, "tb_lasti");
        if (known)
            vm_err_str(&vm_exc_AttributeError, "readonly attribute");
        else
            vm_err_fmt(&vm_exc_AttributeError, "'traceback' object has no attribute '%s'",
                       STR_DATA(name));
        return -1;
    }
    if (!v) {
        vm_err_str(&vm_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v != VM_NONE && TYPE(v) != &vm_tb_type) {
        vm_err_fmt(&vm_exc_TypeError, "expected traceback object or None, got '%s'",
                   vm_tname(v));
        return -1;
    }
    for (Obj *c = v; c != VM_NONE && c; c = ((TbObj *)c)->next)
        if (c == o) {
            vm_err_str(&vm_exc_ValueError, "traceback loop detected");
            return -1;
        }
    Obj *old = tb->next;
    tb->next = v == VM_NONE ? NULL : vm_newref(v);
    XDECREF(old);
    return 0;
}

Type vm_tb_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "traceback",
    .setattr = tb_setattr,
    .base = &vm_object_type,
    .flags = TF_GC,
    .traverse = tb_traverse,
    .clear = tb_clear,
    .getattr = tb_getattr,
    .basicsize = sizeof(TbObj),
    .dealloc = tb_dealloc,
};

/* Functions of the stdlib's pure-Python files that pyvm runs where
 * CPython runs C (warnings.py stands for _warnings): no frames either. */
static bool stands_for_c(const char *file, const char *func)
{
    static const struct { const char *file, *func; } table[] = {
        {"warnings.py", "warn"},
        {"warnings.py", "warn_explicit"},
    };
    size_t n = strlen(vm_stdlib_dir);
    if (strncmp(file, vm_stdlib_dir, n) != 0 || file[n] != '/')
        return false;
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (strcmp(file + n + 1, table[i].file) == 0 && strcmp(func, table[i].func) == 0)
            return true;
    return false;
}

/* The Python halves of built-in modules ("<frozen _asyncio>", "<frozen
 * io>", ...) stand for CPython's C code, which has no frames: they stay
 * out of tracebacks.  importlib's, zipimport's and the stdlib modules
 * CPython freezes (os, runpy, ...: module.c) are frozen Python in CPython
 * too, and show. */
bool vm_hidden_code(VmCode *code)
{
    const char *f = STR_DATA(code->filename);
    if (strncmp(f, "<frozen ", 8) != 0)
        return stands_for_c(f, STR_DATA(code->name));
    f += 8;
    size_t n = strlen(f);
    return strncmp(f, "importlib", 9) != 0 && strncmp(f, "zipimport", 9) != 0
        && !(n > 0 && f[n - 1] == '>' && vm_frozen_stdlib_name(f, n - 1));
}

void vm_tb_add(Obj *exc, VmCode *code, int lasti, Obj *globals, Obj *fobj)
{
    if (vm_hidden_code(code))
        return;
    ExcObj *e = (ExcObj *)exc;
    TbObj *tb = vm_alloc(&vm_tb_type, 0);
    tb->next = e->tb;
    tb->code = (VmCode *)vm_newref((Obj *)code);
    tb->lasti = lasti;
    tb->globals = globals ? vm_newref(globals) : NULL;
    tb->fobj = fobj ? vm_newref(fobj) : NULL;
    e->tb = (Obj *)tb;
}

/* ---- printing ---- */

/* Line lineno (1-based) of the file, without its '\n'; NULL if unreadable. */
static char *source_line(const char *path, int lineno)
{
    FILE *f = fopen(path, "rb");
    if (!f || lineno < 1) {
        if (f)
            fclose(f);
        return NULL;
    }
    Buf b = BUF_INIT;
    int c, line = 1;
    while ((c = getc(f)) != EOF) {
        if (line == lineno) {
            if (c == '\n')
                break;
            buf_putc(&b, c);
        }
        if (c == '\n' && ++line > lineno)
            break;
    }
    fclose(f);
    if (line < lineno) {
        buf_free(&b);
        return NULL;
    }
    if (!b.data)
        buf_puts(&b, "");
    if (b.len && b.data[b.len - 1] == '\r')
        b.data[--b.len] = '\0';
    return buf_take(&b);
}

/* Characters (code points) in the first nbytes of s. */
static long char_offset(const char *s, long nbytes)
{
    long n = 0, len = (long)strlen(s);
    if (nbytes > len)
        nbytes = len + 1;
    for (long i = 0; i < nbytes && i < len; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    if (nbytes > len)
        n++;
    return n;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\f';
}

/* Where an exception is being printed: inside exception groups, lines
 * get an indent and a "| " margin (CPython's exception_print_context). */
typedef struct PrintCtx {
    int depth;              /* exception group nesting */
    bool need_close;        /* the group's closing line is still due */
    Obj *seen[64];          /* exceptions already printed (chains) */
    int nseen;
} PrintCtx;

#define EXC_INDENT(c) (2 * (c)->depth)
#define EXC_MARGIN(c) ((c)->depth ? "| " : "")

static void indent(Buf *out, int n)
{
    while (n-- > 0)
        buf_putc(out, ' ');
}

static void margin(Buf *out, PrintCtx *c)
{
    indent(out, EXC_INDENT(c));
    buf_puts(out, EXC_MARGIN(c));
}

static void print_tb_entry(Buf *out, TbObj *tb, PrintCtx *c)
{
    VmCode *code = tb->code;
    LsPos pos = code->positions[tb->lasti];
    margin(out, c);
    buf_printf(out, "  File \"%s\", line %d, in %s\n", STR_DATA(code->filename), pos.lineno,
               STR_DATA(code->name));
    char *line = source_line(STR_DATA(code->filename), pos.lineno);
    if (!line)
        return;
    long i = 0;
    while (line[i] && is_ws(line[i]))
        i++;
    const char *stripped = line + i;
    if (!*stripped) {
        free(line);
        return;
    }
    margin(out, c);
    buf_printf(out, "    %s\n", stripped);
    long truncation = char_offset(line, i) - 4;
    if (pos.lineno < 0 || pos.end_lineno < 0 || pos.col < 0 || pos.end_col < 0) {
        free(line);
        return;
    }
    long start = char_offset(line, pos.col), end;
    long left_end = -1, right_start = -1;
    const char *primary = "^", *secondary = "^";
    if (pos.lineno == pos.end_lineno) {
        end = char_offset(line, pos.end_col);
        int la, ra;
        size_t llen = strlen(line);
        if ((size_t)pos.col <= llen && (size_t)pos.end_col <= llen && pos.col <= pos.end_col
            && vm_anchors(line + pos.col, (size_t)(pos.end_col - pos.col), &la, &ra)) {
            const char *seg = line + pos.col;
            left_end = start + char_offset(seg, la) - (la > (long)strlen(seg) ? 1 : 0);
            right_start = start + char_offset(seg, ra) - (ra > (long)strlen(seg) ? 1 : 0);
            primary = "~";
            secondary = "^";
        }
    } else {
        long n = (long)strlen(line);
        while (--n >= 0 && (line[n] == ' ' || line[n] == '\t' || line[n] == '\f'
                            || line[n] == '\n' || line[n] == '\r'))
            ;
        end = n + 1;
    }
    long stripped_len = char_offset(line, (long)strlen(line)) - char_offset(line, i);
    bool special = left_end != -1 || right_start != -1;
    if (!(end - start == stripped_len && !special)) {
        margin(out, c);
        for (long off = truncation + 1; off <= end; off++) {
            if (off <= start)
                buf_putc(out, ' ');
            else if (special && left_end < off && off <= right_start)
                buf_puts(out, secondary);
            else
                buf_puts(out, primary);
        }
        buf_putc(out, '\n');
    }
    free(line);
}

#define TB_LIMIT 1000
#define TB_RECURSIVE_CUTOFF 3

static void print_tb(Buf *out, Obj *tbo, PrintCtx *pc)
{
    long depth = 0;
    for (Obj *t = tbo; t; t = ((TbObj *)t)->next)
        depth++;
    while (tbo && depth > TB_LIMIT) {
        tbo = ((TbObj *)tbo)->next;
        depth--;
    }
    Obj *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tbo; tbo = ((TbObj *)tbo)->next) {
        TbObj *tb = (TbObj *)tbo;
        int line = tb->code->positions[tb->lasti].lineno;
        if (!last_file || tb->code->filename != last_file || last_line == -1
            || line != last_line || tb->code->name != last_name) {
            if (cnt > TB_RECURSIVE_CUTOFF) {
                long c = cnt - TB_RECURSIVE_CUTOFF;
                margin(out, pc);
                buf_printf(out, "  [Previous line repeated %ld more time%s]\n", c,
                           c > 1 ? "s" : "");
            }
            last_file = tb->code->filename;
            last_line = line;
            last_name = tb->code->name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF)
            print_tb_entry(out, tb, pc);
    }
    if (cnt > TB_RECURSIVE_CUTOFF) {
        long c = cnt - TB_RECURSIVE_CUTOFF;
        margin(out, pc);
        buf_printf(out, "  [Previous line repeated %ld more time%s]\n", c, c > 1 ? "s" : "");
    }
}

/* The last line: "TypeName: message". */
/* The exception's __notes__ (add_note()), one line each, under its message. */
static void print_notes(Buf *out, Obj *exc, PrintCtx *pc)
{
    Obj *nm = vm_str_intern("__notes__", 9);
    Obj **dp = vm_dictptr(exc);
    if (!dp || !*dp)
        return;
    Obj *notes = vm_generic_getattr(exc, nm);
    if (!notes) {
        vm_err_clear();
        return;
    }
    Obj *l = LIST_CHECK(notes) || TUPLE_CHECK(notes) ? vm_list_from_iter(notes) : NULL;
    if (!l) {
        vm_err_clear();
        Obj *r = vm_repr(notes);
        margin(out, pc);
        if (r) {
            buf_put(out, STR_DATA(r), (size_t)STR_LEN(r));
            DECREF(r);
        } else {
            vm_err_clear();
            buf_puts(out, "<__notes__ repr() failed>");
        }
        buf_putc(out, '\n');
        DECREF(notes);
        return;
    }
    for (ssize_t i = 0; i < LIST_LEN(l); i++) {
        Obj *s = vm_str(LIST_ITEMS(l)[i]);
        if (!s) {
            vm_err_clear();
            margin(out, pc);
            buf_puts(out, "<note str() failed>\n");
            continue;
        }
        const char *p = STR_DATA(s), *end = p + STR_LEN(s);
        do {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *e = nl ? nl : end;
            margin(out, pc);
            buf_put(out, p, (size_t)(e - p));
            buf_putc(out, '\n');
            p = nl ? nl + 1 : end;
        } while (p < end);
        DECREF(s);
    }
    DECREF(l);
    DECREF(notes);
}

static void print_exc_line(Buf *out, Obj *exc, PrintCtx *pc)
{
    Type *t = TYPE(exc);
    margin(out, pc);
    /* a SyntaxError with a location: the File block, line and carets */
    if (vm_syntax_error_render(out, exc)) {
        print_notes(out, exc, pc);
        return;
    }
    if (t->module && STR_CHECK(t->module) && !vm_str_eqc(t->module, "builtins")
        && !vm_str_eqc(t->module, "__main__"))
        buf_printf(out, "%s.", STR_DATA(t->module));
    buf_puts(out, t->qualname ? STR_DATA(t->qualname) : t->name);
    Obj *s = vm_str(exc);
    if (!s) {
        vm_err_clear();
        buf_puts(out, ": <exception str() failed>");
    } else {
        if (STR_LEN(s) > 0) {
            buf_puts(out, ": ");
            buf_put(out, STR_DATA(s), (size_t)STR_LEN(s));
        }
        DECREF(s);
    }
    Obj *sg = ((ExcObj *)exc)->suggest;
    if (sg && STR_CHECK(sg))
        buf_printf(out, ". Did you mean: '%s'?", STR_DATA(sg));
    buf_putc(out, '\n');
    print_notes(out, exc, pc);
}

static bool is_group(Obj *exc)
{
    return vm_is_subtype(TYPE(exc), &vm_exc_BaseExceptionGroup);
}

/* The traceback of one exception (with the group header at depth 1). */
static void print_exc_tb(Buf *out, Obj *exc, PrintCtx *c)
{
    ExcObj *e = (ExcObj *)exc;
    if (!e->tb)
        return;
    indent(out, EXC_INDENT(c));
    if (is_group(exc)) {
        buf_puts(out, c->depth == 1 ? "+ " : EXC_MARGIN(c));
        buf_puts(out, "Exception Group Traceback (most recent call last):\n");
    } else {
        buf_puts(out, EXC_MARGIN(c));
        buf_puts(out, "Traceback (most recent call last):\n");
    }
    print_tb(out, e->tb, c);
}

static void print_recursive(Buf *out, Obj *exc, PrintCtx *c);

#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

static void print_group(Buf *out, Obj *exc, PrintCtx *c)
{
    if (c->depth > MAX_GROUP_DEPTH) {
        margin(out, c);
        buf_printf(out, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return;
    }
    if (c->depth == 0)
        c->depth++;
    print_exc_tb(out, exc, c);
    print_exc_line(out, exc, c);
    Obj *excs = ((EgObj *)exc)->excs;
    ssize_t num = TUPLE_LEN(excs);
    ssize_t n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    c->need_close = false;
    for (ssize_t i = 0; i < n; i++) {
        bool last = i == n - 1;
        if (last)
            c->need_close = true;
        indent(out, EXC_INDENT(c));
        bool truncated = i >= MAX_GROUP_WIDTH;
        if (!truncated)
            buf_printf(out, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ",
                       i + 1);
        else
            buf_printf(out, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        c->depth++;
        if (!truncated) {
            print_recursive(out, TUPLE_ITEMS(excs)[i], c);
        } else {
            ssize_t rem = num - MAX_GROUP_WIDTH;
            margin(out, c);
            buf_printf(out, "and %zd more exception%s\n", rem, rem > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            indent(out, EXC_INDENT(c));
            buf_puts(out, "+------------------------------------\n");
            c->need_close = false;
        }
        c->depth--;
    }
    if (c->depth == 1)
        c->depth--;
}

static void print_recursive(Buf *out, Obj *exc, PrintCtx *c)
{
    ExcObj *e = (ExcObj *)exc;
    if (c->nseen < 64) {
        c->seen[c->nseen++] = exc;
        Obj *prev = NULL;
        const char *msg = NULL;
        if (e->cause) {
            prev = e->cause;
            msg = "The above exception was the direct cause of the following exception:\n";
        } else if (e->context && !e->suppress_context) {
            prev = e->context;
            msg = "During handling of the above exception, another exception occurred:\n";
        }
        for (int i = 0; prev && i < c->nseen; i++)
            if (c->seen[i] == prev)
                prev = NULL;
        if (prev && HAS_FLAG(prev, TF_EXC)) {
            bool need_close = c->need_close;
            print_recursive(out, prev, c);
            c->need_close = need_close;
            margin(out, c);
            buf_putc(out, '\n');
            margin(out, c);
            buf_puts(out, msg);
            margin(out, c);
            buf_putc(out, '\n');
        }
    }
    if (!is_group(exc)) {
        print_exc_tb(out, exc, c);
        print_exc_line(out, exc, c);
    } else {
        print_group(out, exc, c);
    }
}

/* A location a warning was printed for (the default filter shows each
 * warning once per location). */
typedef struct WarnSeen {
    struct WarnSeen *next;
    char *key;              /* "file:line:message" */
} WarnSeen;

static WarnSeen *warn_seen;

void vm_warn_unawaited(const char *qualname)
{
    const char *file = NULL;
    int line = vm_current_line(&file);
    if (!line)
        return;
    Buf key = BUF_INIT;
    buf_printf(&key, "%s:%d:coroutine '%s' was never awaited", file, line, qualname);
    for (WarnSeen *w = warn_seen; w; w = w->next)
        if (strcmp(w->key, key.data) == 0) {
            buf_free(&key);
            return;
        }
    WarnSeen *w = ls_xmalloc(sizeof *w);
    w->key = buf_take(&key);
    w->next = warn_seen;
    warn_seen = w;
    Buf out = BUF_INIT;
    buf_printf(&out, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n", file, line,
               qualname);
    char *src = source_line(file, line);
    if (src) {
        const char *p = src;
        while (is_ws(*p))
            p++;
        if (*p)
            buf_printf(&out, "  %s\n", p);
        free(src);
    }
    buf_puts(&out, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    fflush(stdout);
    fwrite(out.data, 1, out.len, stderr);
    fflush(stderr);
    buf_free(&out);
}

void vm_format_exception(Buf *out, Obj *exc, bool chain)
{
    PrintCtx ctx;
    ctx.depth = 0;
    ctx.need_close = false;
    ctx.nseen = chain ? 0 : 64;     /* a full seen list: no chain printed */
    print_recursive(out, exc, &ctx);
}

void vm_print_exception(Obj *exc)
{
    fflush(stdout);
    Buf out = BUF_INIT;
    PrintCtx ctx;
    ctx.depth = 0;
    ctx.need_close = false;
    ctx.nseen = 0;
    print_recursive(&out, exc, &ctx);
    fwrite(out.data, 1, out.len, stderr);
    fflush(stderr);
    buf_free(&out);
}

void vm_exc_init(void)
{
    vm_type_ready(&vm_exc_BaseExceptionGroup);
    vm_type_ready(&vm_exc_ExceptionGroup);
    /* ExceptionGroup(BaseExceptionGroup, Exception) */
    Obj *mro[5] = {(Obj *)&vm_exc_ExceptionGroup, (Obj *)&vm_exc_BaseExceptionGroup,
                   (Obj *)&vm_exc_Exception, (Obj *)&vm_exc_BaseException,
                   (Obj *)&vm_object_type};
    vm_exc_ExceptionGroup.mro = vm_tuple_from(mro, 5);
#define EXC(name, base) vm_type_ready(&vm_exc_##name);
#include "cmd/pyvm/exc.def"
#undef EXC
}
