/* cmd/pyvm/gen.c: generator and coroutine objects.
 *
 * Stage: pyvm.  A generator owns a heap frame (frame.h).  Each resumption
 * pushes the sent value (except the first, where RETURN_GENERATOR pushes
 * the None its POP_TOP drops) and runs the frame until YIELD_VALUE
 * suspends it, or it returns (StopIteration) or raises.  The exception
 * being handled inside the generator is saved across suspensions, as
 * CPython's gi_exc_state.  throw() and close() are forwarded to the
 * subiterator a `yield from`/`await` is delegating to (found, as in
 * CPython 3.11, by the RESUME 2/3 after the suspension point).
 */
#include "cmd/pyvm/gen.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/frame.h"
#include "cmd/pyvm/gc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

typedef struct GenObj {
    Obj ob;
    Frame *frame;           /* owned; cleared when finished */
    Obj *name, *qualname;   /* strs */
    Obj *exc_handled;       /* the generator's handled exception while suspended */
    bool running;           /* being resumed right now */
} GenObj;

static bool is_coro(Obj *g)
{
    return TYPE(g) == &vm_coro_type;
}

Obj *vm_gen_new(FuncObj *fn, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (fn->code->flags & CO_ASYNC_GENERATOR)
        return vm_err_str(&vm_exc_SystemError, "not supported yet: async generators");
    Frame *f = vm_frame_for_call(fn, args, nargs, kwnames, true);
    if (!f)
        return NULL;
    GenObj *g = vm_alloc(fn->code->flags & CO_COROUTINE ? &vm_coro_type : &vm_gen_type, 0);
    g->frame = f;
    g->name = vm_newref(fn->name);
    g->qualname = vm_newref(fn->qualname);
    g->exc_handled = NULL;
    g->running = false;
    return (Obj *)g;
}

static void gen_traverse(Obj *o, VisitFn visit, void *arg)
{
    GenObj *g = (GenObj *)o;
    Frame *f = g->frame;
    VISIT(g->exc_handled);
    if (g->running || f->cleared)
        return;
    VISIT(f->func);
    VISIT(f->locals);
    for (int i = 0; i < f->code->nlocalsplus; i++)
        VISIT(f->lp[i]);
    for (Obj **p = f->lp + f->code->nlocalsplus; p < f->sp; p++)
        VISIT(*p);
}

static void gen_gc_clear(Obj *o)
{
    GenObj *g = (GenObj *)o;
    if (!g->running)
        vm_frame_clear(g->frame);
    CLEAR(g->exc_handled);
}

static bool started(GenObj *g)
{
    return g->frame->ip != g->frame->code->code;
}

/* The subiterator a suspended `yield from` / `await` delegates to. */
static Obj *gen_yf(GenObj *g)
{
    Frame *f = g->frame;
    if (f->cleared || !started(g))
        return NULL;
    uint32_t next = *f->ip;
    if (INSTR_OP(next) != OP_RESUME || INSTR_ARG(next) < 2)
        return NULL;
    return f->sp[-1];
}

/* Resume: 1 yielded *out, 0 returned *out, -1 error. */
static int send_ex(GenObj *g, Obj *v, bool throwing, Obj **out)
{
    Frame *f = g->frame;
    if (g->running) {
        if (throwing)
            vm_err_clear();
        vm_err_str(&vm_exc_ValueError, is_coro((Obj *)g) ? "coroutine already executing"
                                                        : "generator already executing");
        return -1;
    }
    if (f->cleared) {
        if (throwing)
            return -1;
        if (is_coro((Obj *)g)) {
            vm_err_str(&vm_exc_RuntimeError, "cannot reuse already awaited coroutine");
            return -1;
        }
        *out = vm_newref(VM_NONE);
        return 0;
    }
    if (!started(g)) {
        if (v != VM_NONE && !throwing) {
            vm_err_fmt(&vm_exc_TypeError, "can't send non-None value to a just-started %s",
                       is_coro((Obj *)g) ? "coroutine" : "generator");
            return -1;
        }
    } else {
        *f->sp++ = vm_newref(v);
    }
    Obj *saved = vm_exc.handled;
    vm_exc.handled = g->exc_handled;
    g->exc_handled = NULL;
    g->running = true;
    INCREF(g);
    Obj *r = vm_eval_frame(f, throwing);
    g->running = false;
    g->exc_handled = vm_exc.handled;
    vm_exc.handled = saved;
    if (r && f->yielded) {
        DECREF(g);
        *out = r;
        return 1;
    }
    CLEAR(g->exc_handled);
    DECREF(g);
    if (r) {
        *out = r;
        return 0;
    }
    if (vm_err_matches(&vm_exc_StopIteration)) {
        Obj *si = vm_err_fetch();
        vm_err_str(&vm_exc_RuntimeError, is_coro((Obj *)g) ? "coroutine raised StopIteration"
                                                           : "generator raised StopIteration");
        ExcObj *e = (ExcObj *)vm_exc.pending;
        e->cause = si;
        e->suppress_context = true;
        if (!e->context)
            e->context = vm_newref(si);
    }
    return -1;
}

static Obj *stop_iteration(Obj *value)
{
    if (value == VM_NONE)
        return vm_err_set((Obj *)&vm_exc_StopIteration);
    Obj *e = vm_exc_new(&vm_exc_StopIteration, &value, 1);
    vm_err_set(e);
    DECREF(e);
    return NULL;
}

static Obj *gen_iternext(Obj *o)
{
    Obj *r;
    int st = send_ex((GenObj *)o, VM_NONE, false, &r);
    if (st == 1)
        return r;
    if (st == 0)
        DECREF(r);      /* exhausted (next() reports the value: builtins.c) */
    return NULL;
}

static Obj *gen_send(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("send", kwnames) < 0 || vm_argc("send", nargs, 1, 1) < 0)
        return NULL;
    Obj *r;
    int st = send_ex((GenObj *)self, args[0], false, &r);
    if (st == 1)
        return r;
    if (st == 0) {
        stop_iteration(r);
        DECREF(r);
    }
    return NULL;
}

/* The value of the pending StopIteration (None without args); clears it. */
static Obj *fetch_stop_value(void)
{
    Obj *e = vm_err_fetch();
    ExcObj *x = (ExcObj *)e;
    Obj *v = TUPLE_LEN(x->args) ? TUPLE_ITEMS(x->args)[0] : VM_NONE;
    INCREF(v);
    DECREF(e);
    return v;
}

static int gen_close_impl(GenObj *g);

/* throw(exc) into g, delegating to a `yield from` subiterator first. */
static int throw_impl(GenObj *g, Obj *exc, Obj **out)
{
    Obj *yf = gen_yf(g);
    if (yf) {
        INCREF(yf);
        int st;
        Obj *r = NULL;
        if (vm_is_subtype(TYPE(exc), &vm_exc_GeneratorExit)) {
            g->running = true;
            int rc = (TYPE(yf) == &vm_gen_type || TYPE(yf) == &vm_coro_type)
                ? gen_close_impl((GenObj *)yf) : 0;
            g->running = false;
            DECREF(yf);
            if (rc < 0)
                return send_ex(g, VM_NONE, true, out);
            vm_err_set(exc);
            return send_ex(g, VM_NONE, true, out);
        }
        if (TYPE(yf) == &vm_gen_type || TYPE(yf) == &vm_coro_type) {
            g->running = true;
            st = throw_impl((GenObj *)yf, exc, &r);
            g->running = false;
        } else {
            bool found;
            Obj *m = vm_getattr(yf, vm_str_intern("throw", 5));
            if (!m) {
                vm_err_clear();
                DECREF(yf);
                vm_err_set(exc);
                return send_ex(g, VM_NONE, true, out);
            }
            r = vm_call(m, &exc, 1, NULL);
            DECREF(m);
            (void)found;
            st = r ? 1 : -1;
        }
        DECREF(yf);
        if (st == 1) {
            *out = r;
            return 1;
        }
        /* the subiterator finished: pop it and resume after the SEND loop */
        Frame *f = g->frame;
        Obj *v;
        if (st == 0) {
            v = r;
        } else if (vm_err_matches(&vm_exc_StopIteration)) {
            v = fetch_stop_value();
        } else {
            return send_ex(g, VM_NONE, true, out);
        }
        Obj *popped = *--f->sp;
        DECREF(popped);
        const uint32_t *send = f->ip - 2;
        f->ip = f->code->code + INSTR_ARG(*send);
        int rc = send_ex(g, v, false, out);
        DECREF(v);
        return rc;
    }
    vm_err_set(exc);
    return send_ex(g, VM_NONE, true, out);
}

static Obj *gen_throw(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("throw", kwnames) < 0 || vm_argc("throw", nargs, 1, 3) < 0)
        return NULL;
    Obj *typ = args[0], *val = nargs > 1 ? args[1] : VM_NONE, *exc;
    if (HAS_FLAG(typ, TF_TYPE) && vm_is_subtype((Type *)typ, &vm_exc_BaseException)) {
        if (val != VM_NONE && vm_is_subtype(TYPE(val), (Type *)typ))
            exc = vm_newref(val);
        else if (val == VM_NONE)
            exc = vm_call(typ, NULL, 0, NULL);
        else
            exc = vm_call(typ, &val, 1, NULL);
        if (!exc)
            return NULL;
    } else if (HAS_FLAG(typ, TF_EXC)) {
        if (val != VM_NONE)
            return vm_err_str(&vm_exc_TypeError,
                              "instance exception may not have a separate value");
        exc = vm_newref(typ);
    } else {
        return vm_err_fmt(&vm_exc_TypeError, "exceptions must be classes or instances deriving "
                          "from BaseException, not %s", vm_tname(typ));
    }
    Obj *r;
    int st = throw_impl((GenObj *)self, exc, &r);
    DECREF(exc);
    if (st == 1)
        return r;
    if (st == 0) {
        stop_iteration(r);
        DECREF(r);
    }
    return NULL;
}

static int gen_close_impl(GenObj *g)
{
    Frame *f = g->frame;
    if (f->cleared)
        return 0;
    if (!started(g)) {
        vm_frame_clear(f);
        return 0;
    }
    Obj *exc = vm_exc_new(&vm_exc_GeneratorExit, NULL, 0);
    Obj *r;
    int st = throw_impl(g, exc, &r);
    DECREF(exc);
    if (st == 1) {
        DECREF(r);
        vm_err_str(&vm_exc_RuntimeError, is_coro((Obj *)g) ? "coroutine ignored GeneratorExit"
                                                           : "generator ignored GeneratorExit");
        return -1;
    }
    if (st == 0) {
        DECREF(r);
        return 0;
    }
    if (vm_err_matches(&vm_exc_GeneratorExit) || vm_err_matches(&vm_exc_StopIteration)) {
        vm_err_clear();
        return 0;
    }
    return -1;
}

static Obj *gen_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("close", kwnames) < 0 || vm_argc("close", nargs, 0, 0) < 0)
        return NULL;
    if (gen_close_impl((GenObj *)self) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static void gen_dealloc(Obj *o)
{
    GenObj *g = (GenObj *)o;
    if (!g->frame->cleared && started(g)) {
        /* finalize: close() runs pending finally blocks */
        o->refcnt = 1;
        Obj *saved = vm_err_fetch();
        if (gen_close_impl(g) < 0)
            vm_err_clear();
        vm_err_restore(saved);
        if (--o->refcnt > 0) {
            vm_gc_track(o);     /* resurrected */
            return;
        }
    }
    vm_frame_clear(g->frame);
    free(g->frame);
    XDECREF(g->exc_handled);
    DECREF(g->name);
    DECREF(g->qualname);
    vm_obj_free(o);
}

static Obj *gen_repr(Obj *o)
{
    GenObj *g = (GenObj *)o;
    Buf b = BUF_INIT;
    buf_printf(&b, "<%s object %s at %p>", vm_tname(o), STR_DATA(g->qualname), (void *)o);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *gen_getattr(Obj *o, Obj *name)
{
    GenObj *g = (GenObj *)o;
    if (vm_str_eqc(name, "__name__"))
        return vm_newref(g->name);
    if (vm_str_eqc(name, "__qualname__"))
        return vm_newref(g->qualname);
    if (vm_str_eqc(name, "gi_running") || vm_str_eqc(name, "cr_running"))
        return VM_BOOL(g->running);
    if (vm_str_eqc(name, "gi_code") || vm_str_eqc(name, "cr_code"))
        return vm_newref((Obj *)g->frame->code);
    if (vm_str_eqc(name, "gi_frame") || vm_str_eqc(name, "cr_frame")) {
        /* None once finished (CPython), else a frame standing for it */
        if (g->frame->cleared)
            return vm_newref(VM_NONE);
        return vm_frame_snapshot(g->frame->code, (int)(g->frame->ip - g->frame->code->code));
    }
    if (vm_str_eqc(name, "gi_yieldfrom") || vm_str_eqc(name, "cr_await")) {
        Obj *yf = gen_yf(g);
        return vm_newref(yf ? yf : VM_NONE);
    }
    return NULL;
}

static Obj *self_iter(Obj *o) { return vm_newref(o); }

static Obj *coro_await(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_newref(self);
}

static const MethodDef gen_methods[] = {
    {"send", gen_send},
    {"throw", gen_throw},
    {"close", gen_close},
    {NULL, NULL},
};

static const MethodDef coro_methods[] = {
    {"send", gen_send},
    {"throw", gen_throw},
    {"close", gen_close},
    {"__await__", coro_await},
    {NULL, NULL},
};

Type vm_gen_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "generator",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS | TF_GC,
    .traverse = gen_traverse,
    .clear = gen_gc_clear,
    .basicsize = sizeof(GenObj),
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .iter = self_iter,
    .iternext = gen_iternext,
    .getattr = gen_getattr,
    .methods = gen_methods,
};

Type vm_coro_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "coroutine",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS | TF_GC,
    .traverse = gen_traverse,
    .clear = gen_gc_clear,
    .basicsize = sizeof(GenObj),
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .getattr = gen_getattr,
    .methods = coro_methods,
};

int vm_gen_send_any(Obj *receiver, Obj *v, Obj **out)
{
    if (TYPE(receiver) == &vm_gen_type || TYPE(receiver) == &vm_coro_type)
        return send_ex((GenObj *)receiver, v, false, out);
    Obj *r;
    if (v == VM_NONE && TYPE(receiver)->iternext) {
        r = vm_next(receiver);
        if (!r && !vm_err_occurred()) {
            *out = vm_newref(VM_NONE);
            return 0;
        }
    } else {
        Obj *m = vm_getattr(receiver, vm_str_intern("send", 4));
        if (!m)
            return -1;
        r = vm_call(m, &v, 1, NULL);
        DECREF(m);
    }
    if (r) {
        *out = r;
        return 1;
    }
    if (vm_err_matches(&vm_exc_StopIteration)) {
        *out = fetch_stop_value();
        return 0;
    }
    return -1;
}

Obj *vm_get_awaitable(Obj *o)
{
    if (TYPE(o) == &vm_coro_type)
        return vm_newref(o);
    if (TYPE(o) == &vm_gen_type
        && (((GenObj *)o)->frame->code->flags & CO_ITERABLE_COROUTINE))
        return vm_newref(o);
    bool found;
    Obj *r = vm_call_special(o, "__await__", NULL, 0, &found);
    if (!found)
        return vm_err_fmt(&vm_exc_TypeError, "object %s can't be used in 'await' expression",
                          vm_tname(o));
    if (r && !TYPE(r)->iternext) {
        vm_err_fmt(&vm_exc_TypeError, "__await__() returned non-iterator of type '%s'",
                   vm_tname(r));
        DECREF(r);
        return NULL;
    }
    return r;
}
