/* cmd/pyvm/trace.c: sys.settrace and sys.setprofile: the events the
 * evaluation loop reports (trace.h), the trace attributes of frame
 * objects, and jumps (frame.f_lineno = n from a 'line' event).
 *
 * Stage: pyvm.  As CPython 3.11: the global trace function gets each
 * frame's 'call' and what it returns (not None) becomes the frame's
 * f_trace, which gets the frame's 'line', 'opcode', 'return' and
 * 'exception' events and is replaced by what it returns (None keeps it).
 * A trace function that raises is removed (sys.settrace(None)) and its
 * exception raised where the event happened; likewise a profile function.
 * The profile function gets 'call' and 'return' of Python frames and
 * 'c_call', 'c_return', 'c_exception' around calls of built-in functions.
 */
#include "cmd/pyvm/trace.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/opcodes.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/gen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

VmTraceState vm_tracestate;
int vm_tracing;

static void update(void)
{
    VmTraceState *ts = &vm_tracestate;
    vm_tracing = (ts->tracefunc || ts->profileobj) && ts->running == 0;
}

void vm_trace_state_save(VmTraceState **box)
{
    if (!*box)
        *box = ls_xmalloc(sizeof **box);
    **box = vm_tracestate;
}

void vm_trace_state_load(const VmTraceState *box)
{
    if (box)
        vm_tracestate = *box;
    else
        memset(&vm_tracestate, 0, sizeof vm_tracestate);
    update();
}

/* What frames remember of their last traced instruction is good while
 * the hooks stay on: a new hook makes it stale (frames ran untraced). */
static unsigned epoch = 1;

/* A hook was set: trip the eval breaker, so that the loops running now
 * take their tracing table at their next check point (eval.c). */
static void wake_loops(void)
{
    epoch++;
    if (vm_tracing && !vm_sigint_pending)
        vm_sigint_pending = 1;
}

void vm_trace_mark(Frame *f, const uint32_t *instr)
{
    VmFrameTrace *t = vm_frame_trace(f->fobj);
    t->last = instr;
    t->epoch = epoch;
}

void vm_trace_set(Obj *fn)
{
    Obj *old = vm_tracestate.tracefunc;
    vm_tracestate.tracefunc = fn ? vm_newref(fn) : NULL;
    XDECREF(old);
    update();
    wake_loops();
}

void vm_profile_set(Obj *fn)
{
    Obj *old = vm_tracestate.profileobj;
    vm_tracestate.profileobj = fn ? vm_newref(fn) : NULL;
    vm_tracestate.profilehook = NULL;
    XDECREF(old);
    update();
    wake_loops();
}

void vm_profile_set_hook(VmProfileHook hook, Obj *obj)
{
    vm_profile_set(hook ? obj : NULL);
    vm_tracestate.profilehook = hook;
}

Obj *vm_trace_call_tracing(Obj *fn, Obj *const *args, size_t nargs)
{
    VmTraceState saved = vm_tracestate;
    vm_tracestate.running = 0;
    update();
    Obj *r = vm_call(fn, args, nargs, NULL);
    vm_tracestate.running = saved.running;
    vm_tracestate.what = saved.what;
    update();
    return r;
}

static Obj *event_name(int what)
{
    static const char *const names[] = {
        "call", "exception", "line", "return", "c_call", "c_exception", "c_return", "opcode",
    };
    return vm_str_intern(names[what], strlen(names[what]));
}

/* Hooks run with the events off; what they were is put back after. */
static int enter_hook(int what)
{
    int old = vm_tracestate.what;
    vm_tracestate.running++;
    vm_tracestate.what = what;
    vm_tracing = 0;
    return old;
}

static void leave_hook(int old)
{
    vm_tracestate.running--;
    vm_tracestate.what = old;
    update();
}

/* f_trace = v (NULL or None: none); a live frame then keeps its frame
 * object alive (vm_frame_detach lets go of it). */
static void set_local_trace(Obj *fobj, Obj *v)
{
    VmFrameTrace *t = vm_frame_trace(fobj);
    Obj *old = t->func;
    t->func = v && v != VM_NONE ? vm_newref(v) : NULL;
    if (t->func && !t->owned && vm_frame_live(fobj)) {
        t->owned = true;
        INCREF(fobj);
    }
    XDECREF(old);
}

/* One event to the trace function (CPython's call_trace through its
 * trampoline): the global function for 'call', else the frame's f_trace. */
static int trace_event(Frame *f, int what, Obj *arg)
{
    VmTraceState *ts = &vm_tracestate;
    if (!ts->tracefunc || ts->running)
        return 0;
    Obj *callback;
    if (what == VM_TRACE_CALL) {
        callback = ts->tracefunc;
    } else {
        if (!f->fobj)
            return 0;
        callback = vm_frame_trace(f->fobj)->func;
        if (!callback)
            return 0;
    }
    Obj *fo = vm_frame_object(f);
    if (!fo)
        return -1;
    INCREF(callback);
    Obj *args[3] = {fo, event_name(what), arg ? arg : VM_NONE};
    int old = enter_hook(what);
    vm_frame_locals_sync(fo, false);
    Obj *r = vm_call(callback, args, 3, NULL);
    vm_frame_locals_sync(fo, true);
    leave_hook(old);
    DECREF(callback);
    if (!r) {
        vm_trace_set(NULL);
        set_local_trace(fo, NULL);
        DECREF(fo);
        return -1;
    }
    if (r != VM_NONE)
        set_local_trace(fo, r);
    DECREF(r);
    DECREF(fo);
    return 0;
}

/* One event to the profile function (or the C profiler). */
static int profile_event(Frame *f, int what, Obj *arg)
{
    VmTraceState *ts = &vm_tracestate;
    if (!ts->profileobj || ts->running)
        return 0;
    Obj *obj = vm_newref(ts->profileobj);
    int rc;
    if (ts->profilehook) {
        VmProfileHook hook = ts->profilehook;
        int old = enter_hook(what);
        rc = hook(obj, f, what, arg);
        leave_hook(old);
    } else {
        Obj *fo = vm_frame_object(f);
        if (!fo) {
            DECREF(obj);
            return -1;
        }
        Obj *args[3] = {fo, event_name(what), arg ? arg : VM_NONE};
        int old = enter_hook(what);
        vm_frame_locals_sync(fo, false);
        Obj *r = vm_call(obj, args, 3, NULL);
        vm_frame_locals_sync(fo, true);
        leave_hook(old);
        DECREF(fo);
        rc = r ? 0 : -1;
        XDECREF(r);
    }
    DECREF(obj);
    if (rc < 0)
        vm_profile_set(NULL);
    return rc;
}

/* An event with the pending exception kept (CPython's call_trace_protected). */
static int protected_event(int (*ev)(Frame *, int, Obj *), Frame *f, int what, Obj *arg)
{
    Obj *saved = vm_err_fetch();
    int rc = ev(f, what, arg);
    if (rc == 0) {
        if (saved)
            vm_err_restore(saved);
    } else {
        XDECREF(saved);
    }
    return rc;
}

/* The Python halves of built-in modules stand for CPython's C code, which
 * has no frames: no events for them (exc.c). */
static bool hidden(const Frame *f)
{
    return vm_hidden_code(f->code);
}

int vm_trace_resume(Frame *f)
{
    if (hidden(f))
        return 0;
    if (protected_event(trace_event, f, VM_TRACE_CALL, NULL) < 0)
        return -1;
    if (f->fobj)
        vm_trace_mark(f, f->ip - 1);
    return protected_event(profile_event, f, VM_TRACE_CALL, NULL);
}

int vm_trace_exit(Frame *f, Obj *retval)
{
    if (hidden(f))
        return 0;
    if (protected_event(trace_event, f, VM_TRACE_RETURN, retval) < 0)
        return -1;
    return protected_event(profile_event, f, VM_TRACE_RETURN, retval);
}

void vm_trace_unwind(Frame *f)
{
    if (vm_trace_exit(f, NULL) < 0) {
        /* the hook's exception is pending instead */
    }
}

/* The index of the first instruction that is traced: the first RESUME
 * (what comes before it sets up cells and generators). */
static int first_traceable(const VmCode *co)
{
    for (size_t i = 0; i < co->ncode; i++)
        if (INSTR_OP(co->code[i]) == OP_RESUME)
            return (int)i;
    return 0;
}

int vm_trace_line(Frame *f, const uint32_t *cur, const uint32_t *prev)
{
    VmTraceState *ts = &vm_tracestate;
    if (!ts->tracefunc || ts->running || !f->fobj || hidden(f))
        return 0;
    VmFrameTrace *t = vm_frame_trace(f->fobj);
    if (t->epoch == epoch && t->last)
        prev = t->last;
    t->last = cur;
    t->epoch = epoch;
    if (!t->func)
        return 0;
    const VmCode *co = f->code;
    int i = (int)(cur - co->code), first = first_traceable(co);
    if (i < first)
        return 0;
    int p = prev ? (int)(prev - co->code) : -1;
    int lastline = p <= first ? -1 : co->positions[p].lineno;
    int line = co->positions[i].lineno;
    int rc = 0;
    if (line != -1 && !t->nolines) {
        /* a new line, or a jump backward (but not the one of 'yield from') */
        if (line != lastline || (i < p && INSTR_OP(*cur) != OP_SEND))
            rc = trace_event(f, VM_TRACE_LINE, NULL);
    }
    if (rc == 0 && f->fobj && vm_frame_trace(f->fobj)->opcodes)
        rc = trace_event(f, VM_TRACE_OPCODE, NULL);
    return rc;
}

/* 'exception' with (type, value, traceback) of the pending exception. */
static void exception_event(Frame *f, Obj *exc, Obj *tb)
{
    Obj *arg = vm_tuple_new(3);
    TUPLE_ITEMS(arg)[0] = vm_newref((Obj *)TYPE(exc));
    TUPLE_ITEMS(arg)[1] = vm_newref(exc);
    TUPLE_ITEMS(arg)[2] = vm_newref(tb ? tb : VM_NONE);
    int rc = trace_event(f, VM_TRACE_EXCEPTION, arg);
    DECREF(arg);
    if (rc == 0)
        vm_err_restore(exc);
    else
        DECREF(exc);
}

void vm_trace_exception(Frame *f)
{
    if (!vm_tracestate.tracefunc || vm_tracestate.running || !vm_exc.pending || hidden(f))
        return;
    Obj *exc = vm_err_fetch();
    exception_event(f, exc, HAS_FLAG(exc, TF_EXC) ? ((ExcObj *)exc)->tb : NULL);
}

int vm_trace_send_stop(Frame *f, Obj *receiver, Obj *v, Obj *retval)
{
    if (!vm_tracestate.tracefunc || vm_tracestate.running || !f->fobj)
        return 0;
    /* CPython's SEND asks a generator with next() when sending None (a
     * StopIteration only for a value) and others with send() (always) */
    bool raised;
    if (TYPE(receiver) == &vm_gen_type)
        raised = v != VM_NONE || retval != VM_NONE;
    else
        raised = TYPE(receiver) == &vm_coro_type || v != VM_NONE
            || (TYPE(receiver)->flags & TF_HEAP);
    if (!raised)
        return 0;
    Obj *exc = vm_call((Obj *)&vm_exc_StopIteration, &retval, retval == VM_NONE ? 0 : 1, NULL);
    if (!exc)
        return -1;
    exception_event(f, exc, NULL);
    if (vm_exc.pending != exc)
        return -1;      /* the hook raised */
    vm_err_clear();     /* it is reported, not raised */
    return 0;
}

Obj *vm_trace_ccall(Frame *f, Obj *callable, Obj *const *args, size_t nargs, Obj *kwnames)
{
    VmTraceState *ts = &vm_tracestate;
    if (!ts->profileobj || ts->running || hidden(f))
        return vm_call(callable, args, nargs, kwnames);
    Obj *fn;
    if (TYPE(callable) == &vm_builtin_type) {
        fn = vm_newref(callable);
    } else if (TYPE(callable) == &vm_method_descr_type
               && nargs > (size_t)(kwnames ? TUPLE_LEN(kwnames) : 0)) {
        /* reported bound to its self, as CPython's */
        fn = vm_builtin_bind(callable, args[0]);
        if (!fn) {
            vm_err_clear();
            return vm_call(callable, args, nargs, kwnames);
        }
    } else {
        return vm_call(callable, args, nargs, kwnames);
    }
    Obj *r = NULL;
    if (profile_event(f, VM_TRACE_C_CALL, fn) == 0) {
        r = vm_call(callable, args, nargs, kwnames);
        if (ts->profileobj) {
            if (!r) {
                (void)protected_event(profile_event, f, VM_TRACE_C_EXCEPTION, fn);
            } else if (profile_event(f, VM_TRACE_C_RETURN, fn) < 0) {
                DECREF(r);
                r = NULL;
            }
        }
    }
    DECREF(fn);
    return r;
}

/* ---- frame objects: f_trace, f_trace_lines, f_trace_opcodes ---- */

Obj *vm_trace_frame_getattr(Obj *fobj, Obj *name)
{
    VmFrameTrace *t = vm_frame_trace(fobj);
    if (vm_str_eqc(name, "f_trace"))
        return vm_newref(t->func ? t->func : VM_NONE);
    if (vm_str_eqc(name, "f_trace_lines"))
        return VM_BOOL(!t->nolines);
    if (vm_str_eqc(name, "f_trace_opcodes"))
        return VM_BOOL(t->opcodes);
    return NULL;
}

static int frame_jump(Obj *fobj, Obj *v);

int vm_trace_frame_setattr(Obj *fobj, Obj *name, Obj *v)
{
    VmFrameTrace *t = vm_frame_trace(fobj);
    if (vm_str_eqc(name, "f_trace")) {
        set_local_trace(fobj, v);
        return 0;
    }
    bool lines = vm_str_eqc(name, "f_trace_lines");
    if (lines || vm_str_eqc(name, "f_trace_opcodes")) {
        if (!v) {
            vm_err_str(&vm_exc_TypeError, "can't delete numeric/char attribute");
            return -1;
        }
        if (TYPE(v) != &vm_bool_type) {
            vm_err_str(&vm_exc_TypeError, "attribute value type must be bool");
            return -1;
        }
        if (lines)
            t->nolines = v == VM_FALSE;
        else
            t->opcodes = v == VM_TRUE;
        return 0;
    }
    if (vm_str_eqc(name, "f_lineno"))
        return frame_jump(fobj, v);
    return 1;
}

/* ---- jumps: frame.f_lineno = n ---- */

/* What a jump may cross is decided, as CPython's frame_setlineno, from the
 * kinds of the values on the stack before each instruction, found by
 * following every path through the code: a jump must not land where the
 * stack holds more (or other) than where it starts.  A stack is an int64
 * of 3-bit kinds, the top in the low bits; at most 21 deep. */
enum { K_ITER = 1, K_EXCEPT, K_OBJECT, K_NULL, K_LASTI };
#define ST_UNKNOWN (-2)     /* not reached (yet) */
#define ST_OVERFLOW (-1)    /* too deep to follow */

static int64_t st_push(int64_t st, int k)
{
    if (st < 0)
        return st;
    if (st >= ((int64_t)1 << 60))
        return ST_OVERFLOW;
    return (st << 3) | k;
}

static int64_t st_pop(int64_t st)
{
    return st < 0 ? st : st >> 3;
}

static int st_top(int64_t st)
{
    return (int)(st & 7);
}

static int st_depth(int64_t st)
{
    int n = 0;
    for (; st > 0; st >>= 3)
        n++;
    return n;
}

static int64_t st_adjust(int64_t st, int n)
{
    for (; n > 0; n--)
        st = st_push(st, K_OBJECT);
    for (; n < 0; n++)
        st = st_pop(st);
    return st;
}

/* Whether an instruction that pops leaves a new value on top (a call's
 * result over its NULL slot, an operator's result, ...). */
static bool leaves_result(int op)
{
    static const char *const none[] = {"POP_", "STORE_", "DELETE_", "RETURN", "RAISE",
                                       "RERAISE", "LIST_APPEND", "SET_ADD", "MAP_ADD",
                                       "LIST_EXTEND", "SET_UPDATE", "DICT_UPDATE",
                                       "DICT_MERGE", "PRINT_EXPR", "IMPORT_STAR", "UNPACK_",
                                       "END_ASYNC_FOR", "JUMP_IF_"};
    const char *n = op_info[op].name;
    for (size_t i = 0; i < sizeof none / sizeof *none; i++)
        if (strncmp(n, none[i], strlen(none[i])) == 0)
            return false;
    return true;
}

static void st_set(int64_t *stacks, size_t i, int64_t st, bool *changed)
{
    if (stacks[i] == ST_UNKNOWN && st != ST_UNKNOWN) {
        stacks[i] = st;
        *changed = true;
    }
}

/* The stack before each instruction of co (ncode entries, malloc'd). */
static int64_t *mark_stacks(const VmCode *co)
{
    size_t n = co->ncode;
    int64_t *stacks = ls_xmalloc((n + 1) * sizeof *stacks);
    for (size_t i = 0; i <= n; i++)
        stacks[i] = ST_UNKNOWN;
    stacks[0] = 0;
    bool changed = true;
    while (changed) {
        changed = false;
        for (size_t i = 0; i < n; i++) {
            int64_t st = stacks[i];
            if (st == ST_UNKNOWN)
                continue;
            int op = INSTR_OP(co->code[i]), arg = INSTR_ARG(co->code[i]);
            for (size_t e = 0; e < co->nexc; e++) {
                const LsExcEntry *x = &co->exctable[e];
                if (i < x->start || i >= x->end)
                    continue;
                int64_t h = st;
                while (st_depth(h) > (int)x->depth)
                    h = st_pop(h);
                if (x->lasti)
                    h = st_push(h, K_LASTI);
                st_set(stacks, x->target, st_push(h, K_EXCEPT), &changed);
            }
            size_t target = (size_t)arg < n ? (size_t)arg : n;
            switch (op) {
            case OP_JUMP_FORWARD: case OP_JUMP_BACKWARD: case OP_JUMP_BACKWARD_NO_INTERRUPT:
                st_set(stacks, target, st, &changed);
                break;
            case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
            case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE:
                st_set(stacks, target, st_pop(st), &changed);
                st_set(stacks, i + 1, st_pop(st), &changed);
                break;
            case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP:
                st_set(stacks, target, st, &changed);
                st_set(stacks, i + 1, st_pop(st), &changed);
                break;
            case OP_FOR_ITER:
                st_set(stacks, target, st_pop(st), &changed);
                st_set(stacks, i + 1, st_push(st, K_OBJECT), &changed);
                break;
            case OP_SEND:
                st_set(stacks, target, st_push(st_pop(st_pop(st)), K_OBJECT), &changed);
                st_set(stacks, i + 1, st, &changed);
                break;
            case OP_GET_ITER:
                st_set(stacks, i + 1, st_push(st_pop(st), K_ITER), &changed);
                break;
            case OP_PUSH_EXC_INFO:
                st_set(stacks, i + 1, st_push(st, K_EXCEPT), &changed);
                break;
            case OP_PUSH_NULL:
                st_set(stacks, i + 1, st_push(st, K_NULL), &changed);
                break;
            case OP_RETURN_VALUE: case OP_RAISE_VARARGS: case OP_RERAISE:
                break;
            default: {
                int net = op_stack_effect(op, arg, false);
                int64_t next = st_adjust(st, net);
                if (net < 0 && next > 0 && leaves_result(op))
                    next = st_push(st_pop(next), K_OBJECT);
                st_set(stacks, i + 1, next, &changed);
                break;
            }
            }
        }
    }
    return stacks;
}

/* Whether the stack from may be cut down to the stack to. */
static bool compatible_stack(int64_t from, int64_t to)
{
    if (from < 0 || to < 0)
        return false;
    while (st_depth(from) > st_depth(to))
        from = st_pop(from);
    while (from) {
        int a = st_top(from), b = st_top(to);
        bool ok = b == K_OBJECT ? a != K_NULL : b == K_NULL ? true : a == b;
        if (!ok)
            return false;
        from = st_pop(from);
        to = st_pop(to);
    }
    return to == 0;
}

static const char *explain_incompatible(int64_t to)
{
    if (to == ST_OVERFLOW)
        return "stack is too deep to analyze";
    if (to == ST_UNKNOWN)
        return "can't jump into an exception handler, or code may be unreachable";
    switch (st_top(to)) {
    case K_EXCEPT: return "can't jump into an 'except' block as there's no exception";
    case K_LASTI: return "can't jump into a re-raising block as there's no location";
    case K_ITER: return "can't jump into the body of a for loop";
    default: return "can't jump into the middle of a block";
    }
}

static int frame_jump(Obj *fobj, Obj *v)
{
    if (!v) {
        vm_err_str(&vm_exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (TYPE(v) != &vm_int_type) {
        vm_err_str(&vm_exc_ValueError, "lineno must be an integer");
        return -1;
    }
    Frame *f = vm_frame_live(fobj);
    switch (vm_tracestate.what) {
    case VM_TRACE_LINE:
        break;
    case VM_TRACE_CALL:
        vm_err_str(&vm_exc_ValueError, "can't jump from the 'call' trace event of a new frame");
        return -1;
    default:
        vm_err_str(&vm_exc_ValueError, "can only jump from a 'line' trace event");
        return -1;
    }
    if (!vm_frame_trace(fobj)->func || !f) {
        vm_err_str(&vm_exc_ValueError, "f_lineno can only be set by a trace function");
        return -1;
    }
    int64_t want;
    if (vm_int_as_i64(v, &want) < 0 || want > INT32_MAX || want < INT32_MIN) {
        vm_err_clear();
        vm_err_str(&vm_exc_ValueError, "lineno out of range");
        return -1;
    }
    const VmCode *co = f->code;
    if (want < co->firstlineno) {
        vm_err_fmt(&vm_exc_ValueError, "line %d comes before the current code block", (int)want);
        return -1;
    }
    /* where lines start (a change of line in code order), and the first
     * line at or after the one asked for that starts somewhere */
    int *starts = ls_xmalloc((co->ncode + 1) * sizeof *starts);
    int line = -1, last = -1;
    for (size_t i = 0; i < co->ncode; i++) {
        int l = co->positions[i].lineno;
        starts[i] = -1;
        if (l != last && l != -1) {
            starts[i] = last = l;
            if (l >= want && (line < 0 || l < line))
                line = l;
        }
    }
    if (line < 0) {
        free(starts);
        vm_err_fmt(&vm_exc_ValueError, "line %d comes after the current code block", (int)want);
        return -1;
    }
    int64_t *stacks = mark_stacks(co);
    int lasti = (int)(f->ip - co->code) - 1;
    int64_t start = stacks[lasti < 0 ? 0 : lasti], best_stack = ST_OVERFLOW;
    int best = -1, err = -1;
    const char *msg = "cannot find bytecode for specified line";
    for (size_t i = 0; i < co->ncode; i++) {
        if (starts[i] != line)
            continue;
        if (compatible_stack(start, stacks[i])) {
            err = 0;
            if (stacks[i] > best_stack) {
                best_stack = stacks[i];
                best = (int)i;
            }
        } else if (err < 0) {
            if (start == ST_OVERFLOW) {
                msg = "stack to deep to analyze";
            } else if (start == ST_UNKNOWN) {
                msg = "can't jump from unreachable code";
            } else {
                msg = explain_incompatible(stacks[i]);
                err = 1;
            }
        }
    }
    free(stacks);
    free(starts);
    if (err) {
        vm_err_str(&vm_exc_ValueError, msg);
        return -1;
    }
    /* pop what the target does not have: an except block's exception goes
     * back to sys.exc_info() */
    Obj **base = f->lp + co->nlocalsplus;
    while (start > best_stack && f->sp > base) {
        Obj *top = *--f->sp;
        if (st_top(start) == K_EXCEPT) {
            Obj *old = vm_exc.handled;
            vm_exc.handled = top && top != VM_NONE ? top : NULL;
            if (top == VM_NONE)
                DECREF(top);
            XDECREF(old);
        } else {
            XDECREF(top);
        }
        start = st_pop(start);
    }
    f->ip = co->code + best + 1;
    vm_trace_mark(f, f->ip - 1);
    return 0;
}
