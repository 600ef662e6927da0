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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/frame.h"
#include "cmd/pyvm/gc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/structseq.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/unraisable.h"

typedef struct GenObj {
    Obj ob;
    Frame *frame;           /* owned; cleared when finished */
    Obj *name, *qualname;   /* strs */
    Obj *exc_handled;       /* the generator's handled exception while suspended */
    bool running;           /* being resumed right now */
    bool ag_hooks_inited;   /* async generator: the hooks were looked at (first
                               __anext__/asend/athrow/aclose) */
    Obj *ag_finalizer;      /* async generator: sys.get_asyncgen_hooks().finalizer
                               then, called instead of closing it when it dies
                               unfinished; or NULL */
} GenObj;

/* sys.set_asyncgen_hooks(): called with an async generator on its first
 * iteration, and (remembered by it then) when it dies unfinished; or NULL */
static Obj *hook_firstiter, *hook_finalizer;

static Type asyncgen_type;

static bool is_coro(Obj *g)
{
    return TYPE(g) == &vm_coro_type;
}

static bool is_agen(Obj *g)
{
    return TYPE(g) == &asyncgen_type;
}

/* "generator", "coroutine" or "async generator", for messages */
static const char *kind(Obj *g)
{
    return is_coro(g) ? "coroutine" : is_agen(g) ? "async generator" : "generator";
}

Obj *vm_gen_new(FuncObj *fn, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Frame *f = vm_frame_for_call(fn, args, nargs, kwnames, true);
    if (!f)
        return NULL;
    GenObj *g = vm_alloc(fn->code->flags & CO_ASYNC_GENERATOR ? &asyncgen_type
                         : fn->code->flags & CO_COROUTINE ? &vm_coro_type : &vm_gen_type, 0);
    g->frame = f;
    g->name = vm_newref(fn->name);
    g->qualname = vm_newref(fn->qualname);
    g->exc_handled = NULL;
    g->running = false;
    g->ag_hooks_inited = false;
    g->ag_finalizer = NULL;
    return (Obj *)g;
}

static void gen_traverse(Obj *o, VisitFn visit, void *arg)
{
    GenObj *g = (GenObj *)o;
    Frame *f = g->frame;
    VISIT(g->exc_handled);
    VISIT(g->ag_finalizer);
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
    CLEAR(g->ag_finalizer);
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
                       kind((Obj *)g));
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
    bool stop_async = is_agen((Obj *)g) && vm_err_matches(&vm_exc_StopAsyncIteration);
    if (vm_err_matches(&vm_exc_StopIteration) || stop_async) {
        Obj *si = vm_err_fetch();
        vm_err_fmt(&vm_exc_RuntimeError, "%s raised %s", kind((Obj *)g),
                   stop_async ? "StopAsyncIteration" : "StopIteration");
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

/* The exception throw(typ[, val[, tb]]) raises (a new reference). */
static Obj *throw_exc(const char *name, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, 1, 3) < 0)
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
    return exc;
}

static Obj *gen_throw(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *exc = throw_exc("throw", args, nargs, kwnames);
    if (!exc)
        return NULL;
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

/* The finalizer (run once, before the generator dies: by vm_dealloc or
 * by the cycle collector, gc.c): close() runs pending finally blocks; what
 * it raises goes to sys.unraisablehook.  A coroutine that never ran gets
 * CPython's "never awaited" RuntimeWarning. */
static void gen_finalize(Obj *o)
{
    GenObj *g = (GenObj *)o;
    if (g->frame->cleared || g->running)
        return;
    if (!started(g)) {
        if (is_coro(o))
            vm_warn_unawaited(STR_DATA(g->qualname));
        return;
    }
    if (g->ag_finalizer) {
        /* the event loop's hook: it schedules aclose() */
        Obj *fin = g->ag_finalizer;
        g->ag_finalizer = NULL;
        Obj *r = vm_call(fin, &o, 1, NULL);
        DECREF(fin);
        if (!r)
            vm_unraisable(NULL, o);
        XDECREF(r);
        return;
    }
    if (gen_close_impl(g) < 0)
        vm_unraisable(NULL, o);
}

static void gen_dealloc(Obj *o)
{
    GenObj *g = (GenObj *)o;
    vm_frame_clear(g->frame);
    free(g->frame);
    XDECREF(g->exc_handled);
    XDECREF(g->ag_finalizer);
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
    const char *n = STR_DATA(name);
    char pre[3] = {n[0], n[0] ? n[1] : 0, 0};
    const char *want = is_coro(o) ? "cr" : is_agen(o) ? "ag" : "gi";
    if (STR_LEN(name) > 3 && n[2] == '_' && strcmp(pre, want) == 0) {
        /* gi_running, cr_running, ag_running, ... */
        static char alias[32];
        snprintf(alias, sizeof alias, "gi%s", n + 2);
        name = vm_str_intern(alias, strlen(alias));
        if (vm_str_eqc(name, "gi_await"))
            name = vm_str_intern("gi_yieldfrom", 12);
    }
    if (vm_str_eqc(name, "gi_running") || vm_str_eqc(name, "cr_running"))
        return VM_BOOL(g->running);
    if (!is_agen(o) && vm_str_eqc(name, "gi_suspended"))    /* at a yield (3.11) */
        return VM_BOOL(!g->running && !g->frame->cleared && started(g));
    if (vm_str_eqc(name, "gi_code") || vm_str_eqc(name, "cr_code"))
        return vm_newref((Obj *)g->frame->code);
    if (vm_str_eqc(name, "gi_frame") || vm_str_eqc(name, "cr_frame")) {
        /* None once finished (CPython), else a frame standing for it */
        if (g->frame->cleared)
            return vm_newref(VM_NONE);
        return vm_frame_object(g->frame);
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
    .finalize = gen_finalize,
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
    .finalize = gen_finalize,
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

/* ---- async generators ----
 *
 * An async generator is a GenObj of asyncgen_type whose `yield v` runs
 * ASYNC_GEN_WRAP first, so a yielded value arrives wrapped, while what an
 * `await` inside it yields passes through unwrapped (to the event loop).
 * asend()/__anext__()/athrow()/aclose() return awaitables (AwaitObj) that
 * resume the generator: a wrapped value finishes the awaitable with
 * StopIteration(value); the generator returning ends the iteration with
 * StopAsyncIteration. */

typedef struct WrappedObj {
    Obj ob;
    Obj *v;                 /* the value `yield` gave */
} WrappedObj;

static void wrapped_dealloc(Obj *o)
{
    DECREF(((WrappedObj *)o)->v);
    vm_obj_free(o);
}

static Type wrapped_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "async_generator_wrapped_value",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(WrappedObj),
    .dealloc = wrapped_dealloc,
};

Obj *vm_async_gen_wrap(Obj *v)
{
    WrappedObj *w = vm_alloc(&wrapped_type, 0);
    w->v = v;
    return (Obj *)w;
}

enum { AW_INIT, AW_ITER, AW_CLOSED };

typedef struct AwaitObj {
    Obj ob;
    GenObj *gen;            /* the async generator */
    Obj *arg;               /* asend: the value; athrow: the exception; aclose: NULL */
    int state;              /* AW_* */
    bool athrow;            /* athrow() or aclose() rather than asend() */
} AwaitObj;

static Type asend_type, athrow_type;

static Obj *await_new(GenObj *g, Obj *arg, bool athrow)
{
    AwaitObj *a = vm_alloc(athrow ? &athrow_type : &asend_type, 0);
    a->gen = (GenObj *)vm_newref((Obj *)g);
    a->arg = arg ? vm_newref(arg) : NULL;
    a->state = AW_INIT;
    a->athrow = athrow;
    return (Obj *)a;
}

static void await_dealloc(Obj *o)
{
    AwaitObj *a = (AwaitObj *)o;
    DECREF(a->gen);
    XDECREF(a->arg);
    vm_obj_free(o);
}

/* What resuming the generator (st, r as send_ex) means for the awaitable. */
static Obj *ag_unwrap(AwaitObj *a, int st, Obj *r)
{
    if (st == 1) {
        if (TYPE(r) != &wrapped_type)
            return r;       /* an inner await's yield: to the caller */
        Obj *v = vm_newref(((WrappedObj *)r)->v);
        DECREF(r);
        a->state = AW_CLOSED;
        stop_iteration(v);
        DECREF(v);
        return NULL;
    }
    a->state = AW_CLOSED;
    if (st == 0) {
        DECREF(r);
        vm_err_set((Obj *)&vm_exc_StopAsyncIteration);
    }
    return NULL;
}

/* aclose(): the generator yielding a value ignores GeneratorExit; its end
 * (returning, GeneratorExit, StopAsyncIteration) completes the await. */
static Obj *ag_close_result(AwaitObj *a, int st, Obj *r)
{
    if (st == 1) {
        if (TYPE(r) != &wrapped_type)
            return r;
        DECREF(r);
        a->state = AW_CLOSED;
        return vm_err_str(&vm_exc_RuntimeError, "async generator ignored GeneratorExit");
    }
    a->state = AW_CLOSED;
    if (st == 0)
        DECREF(r);
    else if (!vm_err_matches(&vm_exc_StopAsyncIteration) && !vm_err_matches(&vm_exc_GeneratorExit))
        return NULL;
    vm_err_clear();
    return vm_err_set((Obj *)&vm_exc_StopIteration);
}

static Obj *closed_error(AwaitObj *a)
{
    return vm_err_str(&vm_exc_RuntimeError, a->athrow
                      ? "cannot reuse already awaited aclose()/athrow()"
                      : "cannot reuse already awaited __anext__()/asend()");
}

static Obj *await_send_impl(AwaitObj *a, Obj *v)
{
    if (a->state == AW_CLOSED)
        return closed_error(a);
    GenObj *g = a->gen;
    Obj *r;
    int st;
    if (!a->athrow) {
        if (a->state == AW_INIT) {
            if (v == VM_NONE)
                v = a->arg;
            a->state = AW_ITER;
        }
        st = send_ex(g, v, false, &r);
        return ag_unwrap(a, st, r);
    }
    if (a->state == AW_INIT) {
        if (g->frame->cleared) {
            a->state = AW_CLOSED;
            return vm_err_set(a->arg ? (Obj *)&vm_exc_StopAsyncIteration
                                     : (Obj *)&vm_exc_StopIteration);
        }
        if (v != VM_NONE)
            return vm_err_str(&vm_exc_RuntimeError,
                              "can't send non-None value to a just-started coroutine");
        a->state = AW_ITER;
        if (a->arg) {
            st = throw_impl(g, a->arg, &r);
        } else {
            Obj *exc = vm_exc_new(&vm_exc_GeneratorExit, NULL, 0);
            st = throw_impl(g, exc, &r);
            DECREF(exc);
        }
    } else {
        st = send_ex(g, v, false, &r);
    }
    return a->arg ? ag_unwrap(a, st, r) : ag_close_result(a, st, r);
}

static Obj *await_send(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("send", kwnames) < 0 || vm_argc("send", nargs, 1, 1) < 0)
        return NULL;
    return await_send_impl((AwaitObj *)self, args[0]);
}

static Obj *await_next(Obj *o)
{
    return await_send_impl((AwaitObj *)o, VM_NONE);
}

static Obj *await_throw(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    AwaitObj *a = (AwaitObj *)self;
    if (a->state == AW_CLOSED)
        return closed_error(a);
    Obj *exc = throw_exc("throw", args, nargs, kwnames);
    if (!exc)
        return NULL;
    Obj *r;
    int st = throw_impl(a->gen, exc, &r);
    DECREF(exc);
    return a->athrow && !a->arg ? ag_close_result(a, st, r) : ag_unwrap(a, st, r);
}

static Obj *await_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ((AwaitObj *)self)->state = AW_CLOSED;
    return vm_newref(VM_NONE);
}

static const MethodDef await_methods[] = {
    {"send", await_send},
    {"throw", await_throw},
    {"close", await_close},
    {"__await__", coro_await},
    {NULL, NULL},
};

static Type asend_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "async_generator_asend",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(AwaitObj),
    .dealloc = await_dealloc,
    .iter = self_iter,
    .iternext = await_next,
    .methods = await_methods,
};

static Type athrow_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "async_generator_athrow",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(AwaitObj),
    .dealloc = await_dealloc,
    .iter = self_iter,
    .iternext = await_next,
    .methods = await_methods,
};

/* An async generator's first __anext__/asend/athrow/aclose: remember the
 * finalizer hook and call the firstiter one (CPython's
 * async_gen_init_hooks).  -1 with the hook's exception. */
static int agen_init_hooks(GenObj *g)
{
    if (g->ag_hooks_inited)
        return 0;
    g->ag_hooks_inited = true;
    if (hook_finalizer)
        g->ag_finalizer = vm_newref(hook_finalizer);
    if (!hook_firstiter)
        return 0;
    Obj *fi = vm_newref(hook_firstiter);
    Obj *r = vm_call(fi, (Obj **)&g, 1, NULL);
    DECREF(fi);
    if (!r)
        return -1;
    DECREF(r);
    return 0;
}

static Obj *agen_aiter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__aiter__", nargs, 0, 0) < 0)
        return NULL;
    return vm_newref(self);
}

static Obj *agen_anext(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("__anext__", nargs, 0, 0) < 0 || agen_init_hooks((GenObj *)self) < 0)
        return NULL;
    return await_new((GenObj *)self, VM_NONE, false);
}

static Obj *agen_asend(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("asend", kwnames) < 0 || vm_argc("asend", nargs, 1, 1) < 0
        || agen_init_hooks((GenObj *)self) < 0)
        return NULL;
    return await_new((GenObj *)self, args[0], false);
}

static Obj *agen_athrow(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *exc = throw_exc("athrow", args, nargs, kwnames);
    if (!exc)
        return NULL;
    if (agen_init_hooks((GenObj *)self) < 0) {
        DECREF(exc);
        return NULL;
    }
    Obj *a = await_new((GenObj *)self, exc, true);
    DECREF(exc);
    return a;
}

static Obj *agen_aclose(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("aclose", nargs, 0, 0) < 0 || agen_init_hooks((GenObj *)self) < 0)
        return NULL;
    return await_new((GenObj *)self, NULL, true);
}

static const MethodDef agen_methods[] = {
    {"__aiter__", agen_aiter},
    {"__anext__", agen_anext},
    {"asend", agen_asend},
    {"athrow", agen_athrow},
    {"aclose", agen_aclose},
    {NULL, NULL},
};

static Type asyncgen_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "async_generator",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS | TF_GC,
    .traverse = gen_traverse,
    .clear = gen_gc_clear,
    .finalize = gen_finalize,
    .basicsize = sizeof(GenObj),
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .getattr = gen_getattr,
    .methods = agen_methods,
};

Obj *vm_get_aiter(Obj *o)
{
    bool found;
    Obj *it = vm_call_special(o, "__aiter__", NULL, 0, &found);
    if (!found)
        return vm_err_fmt(&vm_exc_TypeError,
                          "'async for' requires an object with __aiter__ method, got %s",
                          vm_tname(o));
    if (it && !vm_type_lookup(TYPE(it), vm_str_intern("__anext__", 9))) {
        vm_err_fmt(&vm_exc_TypeError, "'async for' received an object from __aiter__ that "
                   "does not implement __anext__: %s", vm_tname(it));
        DECREF(it);
        return NULL;
    }
    return it;
}

Obj *vm_get_anext(Obj *aiter)
{
    if (TYPE(aiter) == &asyncgen_type)
        return agen_init_hooks((GenObj *)aiter) < 0 ? NULL
                                                    : await_new((GenObj *)aiter, VM_NONE, false);
    bool found;
    Obj *n = vm_call_special(aiter, "__anext__", NULL, 0, &found);
    if (!found)
        return vm_err_fmt(&vm_exc_TypeError,
                          "'async for' requires an iterator with __anext__ method, got %s",
                          vm_tname(aiter));
    if (!n)
        return NULL;
    Obj *aw = vm_get_awaitable(n);
    if (!aw && vm_err_matches(&vm_exc_TypeError)) {
        vm_err_clear();
        vm_err_fmt(&vm_exc_TypeError, "'async for' received an invalid object from __anext__: %s",
                   vm_tname(n));
    }
    DECREF(n);
    return aw;
}

/* ---- sys.set_asyncgen_hooks / sys.get_asyncgen_hooks ---- */

static const char *const hooks_fields[] = {"firstiter", "finalizer"};
static const StructSeqDesc hooks_desc = {"asyncgen_hooks", hooks_fields, 2, 2, false};

/* set_asyncgen_hooks(firstiter=<unchanged>, finalizer=<unchanged>) */
Obj *vm_sys_set_asyncgen_hooks(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"firstiter", "finalizer"};
    static const ClinicSpec spec = {"set_asyncgen_hooks", names, 2, 0, 2, 0};
    Obj *a[2];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 1; i >= 0; i--)
        if (a[i] && a[i] != VM_NONE && !TYPE(a[i])->call)
            return vm_err_fmt(&vm_exc_TypeError, "callable %s expected, got %s", names[i],
                              vm_tname(a[i]));
    Obj **hooks[2] = {&hook_firstiter, &hook_finalizer};
    for (int i = 0; i < 2; i++) {
        if (!a[i])
            continue;
        Obj *old = *hooks[i];
        *hooks[i] = a[i] == VM_NONE ? NULL : vm_newref(a[i]);
        XDECREF(old);
    }
    return vm_newref(VM_NONE);
}

Obj *vm_sys_get_asyncgen_hooks(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("get_asyncgen_hooks", nargs, 0, 0) < 0)
        return NULL;
    Obj *vals[2] = {hook_firstiter ? vm_newref(hook_firstiter) : NULL,
                    hook_finalizer ? vm_newref(hook_finalizer) : NULL};
    return vm_structseq_new(&hooks_desc, vals);
}

static Type anext_type;

void vm_gen_types_init(void)
{
    vm_type_ready(&anext_type);
    vm_type_ready(&asyncgen_type);
    vm_type_ready(&asend_type);
    vm_type_ready(&athrow_type);
    vm_type_ready(&wrapped_type);
}

/* ---- aiter() and anext() ---- */

/* anext(it, default): the awaitable of it.__anext__() with
 * StopAsyncIteration turned into the default value */
typedef struct AnextObj {
    Obj ob;
    Obj *wrapped;           /* the iterator of the __anext__() awaitable */
    Obj *dflt;              /* the default value */
} AnextObj;

static void anext_dealloc(Obj *o)
{
    AnextObj *a = (AnextObj *)o;
    DECREF(a->wrapped);
    DECREF(a->dflt);
    vm_obj_free(o);
}

static Obj *anext_result(AnextObj *a, int st, Obj *r)
{
    if (st == 1)
        return r;
    if (st == 0) {
        stop_iteration(r);
        DECREF(r);
        return NULL;
    }
    if (vm_err_matches(&vm_exc_StopAsyncIteration)) {
        vm_err_clear();
        stop_iteration(a->dflt);
    }
    return NULL;
}

static Obj *anext_send_impl(AnextObj *a, Obj *v)
{
    Obj *r;
    int st = vm_gen_send_any(a->wrapped, v, &r);
    return anext_result(a, st, r);
}

static Obj *anext_next(Obj *o)
{
    return anext_send_impl((AnextObj *)o, VM_NONE);
}

static Obj *anext_send(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("send", kwnames) < 0 || vm_argc("send", nargs, 1, 1) < 0)
        return NULL;
    return anext_send_impl((AnextObj *)self, args[0]);
}

static Obj *anext_throw(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    AnextObj *a = (AnextObj *)self;
    Obj *m = vm_getattr(a->wrapped, vm_str_intern("throw", 5));
    if (!m)
        return NULL;
    Obj *r = vm_call(m, args, nargs, kwnames);
    DECREF(m);
    return anext_result(a, r ? 1 : -1, r);
}

static Obj *anext_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *m = vm_getattr(((AnextObj *)self)->wrapped, vm_str_intern("close", 5));
    if (!m) {
        vm_err_clear();
        return vm_newref(VM_NONE);
    }
    Obj *r = vm_call(m, NULL, 0, NULL);
    DECREF(m);
    return r;
}

static const MethodDef anext_methods[] = {
    {"send", anext_send},
    {"throw", anext_throw},
    {"close", anext_close},
    {"__await__", coro_await},
    {NULL, NULL},
};

static Type anext_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "anext_awaitable",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(AnextObj),
    .dealloc = anext_dealloc,
    .iter = self_iter,
    .iternext = anext_next,
    .methods = anext_methods,
};

Obj *vm_builtin_aiter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("aiter", kwnames) < 0 || vm_argc("aiter", nargs, 1, 1) < 0)
        return NULL;
    bool found;
    Obj *it = vm_call_special(args[0], "__aiter__", NULL, 0, &found);
    if (!found)
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not an async iterable",
                          vm_tname(args[0]));
    if (it && !vm_type_lookup(TYPE(it), vm_str_intern("__anext__", 9))) {
        vm_err_fmt(&vm_exc_TypeError, "aiter() returned not an async iterator of type '%s'",
                   vm_tname(it));
        DECREF(it);
        return NULL;
    }
    return it;
}

Obj *vm_builtin_anext(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("anext", kwnames) < 0 || vm_argc("anext", nargs, 1, 2) < 0)
        return NULL;
    Obj *it = args[0];
    if (TYPE(it) != &asyncgen_type && !vm_type_lookup(TYPE(it), vm_str_intern("__anext__", 9)))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object is not an async iterator",
                          vm_tname(it));
    Obj *aw;
    if (TYPE(it) == &asyncgen_type) {
        aw = await_new((GenObj *)it, VM_NONE, false);
    } else {
        bool found;
        aw = vm_call_special(it, "__anext__", NULL, 0, &found);
    }
    if (!aw || nargs == 1)
        return aw;
    Obj *awi = vm_get_awaitable(aw);
    DECREF(aw);
    if (!awi)
        return NULL;
    AnextObj *a = vm_alloc(&anext_type, 0);
    a->wrapped = awi;
    a->dflt = vm_newref(args[1]);
    return (Obj *)a;
}
