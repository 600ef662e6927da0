/* cmd/pyvm/eval.c: the evaluation loop: frames, argument binding, and one
 * handler per instruction of libstage/opcodes.def.
 *
 * Stage: pyvm.  runs: VmCode (func.h), decoded from the binary code object.
 *
 * Dispatch goes through TARGET(op)/DISPATCH() so one body serves computed
 * goto (GCC, Clang) and a plain switch.  Every handler that fails leaves
 * the value stack holding only live references (or NULLs) and jumps to
 * `error`, which adds a traceback entry and looks for a handler in the
 * exception table; with none, the frame is popped and the caller's error
 * path runs, up to the frame vm_eval was entered with.
 *
 * Frame layout (one allocation from the frame stack):
 *
 *     +-------+----------------------------+--------------------+
 *     | Frame | localsplus[nlocalsplus]    | value stack[...]   |
 *     +-------+----------------------------+--------------------+
 */
#include "cmd/pyvm/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/code.h"
#include "libstage/opcodes.h"
#include "cmd/pyvm/attrcache.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/format.h"
#include "cmd/pyvm/frame.h"
#include "cmd/pyvm/gen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/mod_signal.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/range.h"
#include "cmd/pyvm/set.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/trace.h"
#include "cmd/pyvm/tuple.h"

Obj *vm_builtins;
bool vm_trace;
int vm_recursion_limit = 1000;
volatile sig_atomic_t vm_sigint_pending;

/* ---- the frame stack: chunks, allocated LIFO ---- */

typedef struct Chunk Chunk;
struct Chunk {
    Chunk *prev;            /* the chunk below */
    size_t used, cap;       /* bytes */
    max_align_t data[];
};

static Chunk *chunk_top;
static Frame *cur_frame;    /* the innermost running frame (for super()) */
static Chunk *chunk_spare;  /* one freed chunk kept to avoid thrashing */
static int depth;           /* frames alive, for the recursion limit */

/* A frame for code; the caller sets func (or owns code, globals and
 * builtins itself when func is NULL). */
static inline Frame *frame_alloc(VmCode *code, bool heap)
{
    size_t size = sizeof(Frame) + ((size_t)code->nlocalsplus + (size_t)code->stacksize + 1)
        * sizeof(Obj *);
    size = (size + 15) & ~(size_t)15;
    Frame *f;
    if (heap) {
        f = ls_xmalloc(size);
    } else {
        if (LS_UNLIKELY(depth >= vm_recursion_limit)) {
            vm_err_str(&vm_exc_RecursionError, "maximum recursion depth exceeded");
            return NULL;
        }
        Chunk *c = chunk_top;
        if (LS_UNLIKELY(!c || c->used + size > c->cap)) {
            size_t cap = size > (1u << 20) ? size : (1u << 20);
            if (chunk_spare && chunk_spare->cap >= size) {
                c = chunk_spare;
                chunk_spare = NULL;
            } else {
                c = ls_xmalloc(sizeof(Chunk) + cap);
                c->cap = cap;
            }
            c->used = 0;
            c->prev = chunk_top;
            chunk_top = c;
        }
        f = (Frame *)((char *)c->data + c->used);
        c->used += size;
        depth++;
    }
    f->size = size;
    f->heap = heap;
    f->yielded = false;
    f->cleared = false;
    f->ctor = false;
    f->fobj = NULL;
    f->code = code;
    f->func = NULL;
    f->locals = NULL;
    f->entry = false;
    int n = code->nlocalsplus;
    for (int i = 0; i < n; i++)
        f->lp[i] = NULL;
    f->sp = f->lp + n;
    f->ip = code->code;
    return f;
}

void vm_frame_clear(Frame *f)
{
    if (f->cleared)
        return;
    if (LS_UNLIKELY(f->fobj != NULL))
        vm_frame_detach(f);
    f->cleared = true;
    Obj **base = f->lp + f->code->nlocalsplus;
    for (int i = 0; i < f->code->nlocalsplus; i++)
        XDECREF(f->lp[i]);
    for (Obj **p = base; p < f->sp; p++)
        XDECREF(*p);
    f->sp = base;
    if (f->func) {
        DECREF(f->func);
    } else {
        DECREF(f->code);
        DECREF(f->globals);
        DECREF(f->builtins);
    }
    XDECREF(f->locals);
}

/* Drop the frame's references and give its memory back (the top frame of
 * the frame stack; a heap frame's memory belongs to its generator). */
static void frame_free(Frame *f)
{
    vm_frame_clear(f);
    if (f->heap)
        return;
    Chunk *c = chunk_top;
    c->used -= f->size;
    if (c->used == 0 && c->prev) {
        chunk_top = c->prev;
        free(chunk_spare);
        chunk_spare = c;
    }
    depth -= 1 + f->ctor;   /* a class call is one more level (CALL) */
}

void vm_eval_state_save(VmEvalState *s)
{
    s->chunk_top = chunk_top;
    s->chunk_spare = chunk_spare;
    s->cur_frame = cur_frame;
    s->depth = depth;
    vm_trace_state_save(&s->trace);
}

void vm_eval_state_load(const VmEvalState *s)
{
    chunk_top = s->chunk_top;
    chunk_spare = s->chunk_spare;
    cur_frame = s->cur_frame;
    depth = s->depth;
    vm_trace_state_load(s->trace);
}

/* ---- argument binding ---- */

static Obj *positional_count_error(FuncObj *fn, size_t given, size_t ndefaults)
{
    VmCode *co = fn->code;
    int max = co->argcount, min = max - (int)ndefaults;
    const char *q = STR_DATA(fn->qualname);
    if (min == max)
        return vm_err_fmt(&vm_exc_TypeError, "%s() takes %d positional argument%s but %zu %s given",
                          q, max, max == 1 ? "" : "s", given, given == 1 ? "was" : "were");
    return vm_err_fmt(&vm_exc_TypeError, "%s() takes from %d to %d positional arguments but %zu "
                      "%s given", q, min, max, given, given == 1 ? "was" : "were");
}

static Obj *missing_error(FuncObj *fn, Obj **lp, int from, int to, const char *kind)
{
    VmCode *co = fn->code;
    int n = 0;
    for (int i = from; i < to; i++)
        n += lp[i] == NULL;
    Buf b = BUF_INIT;
    int k = 0;
    for (int i = from; i < to; i++) {
        if (lp[i])
            continue;
        if (k > 0)
            buf_puts(&b, n == 2 ? " and " : k == n - 1 ? ", and " : ", ");
        buf_printf(&b, "'%s'", STR_DATA(co->localsplus[i]));
        k++;
    }
    vm_err_fmt(&vm_exc_TypeError, "%s() missing %d required %s argument%s: %s",
               STR_DATA(fn->qualname), n, kind, n == 1 ? "" : "s", b.data);
    buf_free(&b);
    return NULL;
}

/* Bind args (positional, then keyword values named by kwnames) to the
 * parameters in lp, as CPython's calls do, with its TypeErrors. */
static int bind_args(FuncObj *fn, Obj **lp, Obj *const *args, size_t nargs, Obj *kwnames)
{
    VmCode *co = fn->code;
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    size_t npos = nargs - nkw;
    int argc = co->argcount, kwonly = co->kwonlyargcount;
    int total = argc + kwonly;
    bool varargs = co->flags & CO_VARARGS, varkw = co->flags & CO_VARKEYWORDS;
    Obj *kwdict = NULL;
    if (varkw) {
        kwdict = vm_dict_new();
        lp[total + varargs] = kwdict;
    }
    size_t n = npos < (size_t)argc ? npos : (size_t)argc;
    for (size_t i = 0; i < n; i++)
        lp[i] = vm_newref(args[i]);
    if (varargs) {
        Obj *t = vm_tuple_from(args + n, (ssize_t)(npos - n));
        lp[total] = t;
    } else if (npos > (size_t)argc) {
        size_t nd = fn->defaults ? (size_t)TUPLE_LEN(fn->defaults) : 0;
        positional_count_error(fn, npos, nd);
        return -1;
    }
    for (size_t k = 0; k < nkw; k++) {
        Obj *name = TUPLE_ITEMS(kwnames)[k], *v = args[npos + k];
        int j;
        for (j = co->posonlyargcount; j < total; j++)
            if (co->localsplus[j] == name || vm_str_eq(co->localsplus[j], name))
                break;
        if (j >= total) {
            if (kwdict) {
                if (vm_dict_set(kwdict, name, v) < 0)
                    return -1;
                continue;
            }
            for (j = 0; j < co->posonlyargcount; j++)
                if (vm_str_eq(co->localsplus[j], name))
                    break;
            if (j < co->posonlyargcount) {
                /* every positional-only parameter given by keyword, in order */
                Buf b = BUF_INIT;
                for (int p = 0; p < co->posonlyargcount; p++)
                    for (size_t q = 0; q < nkw; q++)
                        if (vm_str_eq(co->localsplus[p], TUPLE_ITEMS(kwnames)[q])) {
                            buf_printf(&b, "%s%s", b.len ? ", " : "",
                                       STR_DATA(co->localsplus[p]));
                            break;
                        }
                vm_err_fmt(&vm_exc_TypeError, "%s() got some positional-only arguments "
                           "passed as keyword arguments: '%s'", STR_DATA(fn->qualname),
                           b.data);
                buf_free(&b);
                return -1;
            }
            vm_err_fmt(&vm_exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                       STR_DATA(fn->qualname), STR_DATA(name));
            return -1;
        }
        if (lp[j]) {
            vm_err_fmt(&vm_exc_TypeError, "%s() got multiple values for argument '%s'",
                       STR_DATA(fn->qualname), STR_DATA(name));
            return -1;
        }
        lp[j] = vm_newref(v);
    }
    if (npos < (size_t)argc) {
        size_t nd = fn->defaults ? (size_t)TUPLE_LEN(fn->defaults) : 0;
        int first_default = argc - (int)nd;
        for (int i = (int)npos; i < argc; i++)
            if (!lp[i] && i >= first_default)
                lp[i] = vm_newref(TUPLE_ITEMS(fn->defaults)[i - first_default]);
        for (int i = (int)npos; i < argc; i++)
            if (!lp[i]) {
                missing_error(fn, lp, (int)npos, argc, "positional");
                return -1;
            }
    }
    for (int i = argc; i < total; i++) {
        if (lp[i])
            continue;
        Obj *d = fn->kwdefaults ? vm_dict_get_str(fn->kwdefaults, co->localsplus[i]) : NULL;
        if (d)
            lp[i] = vm_newref(d);
    }
    for (int i = argc; i < total; i++)
        if (!lp[i]) {
            missing_error(fn, lp, argc, total, "keyword-only");
            return -1;
        }
    return 0;
}

static Frame *frame_for_func(FuncObj *fn, bool heap)
{
    Frame *f = frame_alloc(fn->code, heap);
    if (!f)
        return NULL;
    f->func = (FuncObj *)vm_newref((Obj *)fn);
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    return f;
}

static Obj *eval(Frame *f, bool throwing);

Frame *vm_frame_for_call(FuncObj *fn, Obj *const *args, size_t nargs, Obj *kwnames, bool heap)
{
    Frame *f = frame_for_func(fn, heap);
    if (!f)
        return NULL;
    f->prev = NULL;
    if (bind_args(fn, f->lp, args, nargs, kwnames) < 0) {
        frame_free(f);
        if (heap)
            free(f);
        return NULL;
    }
    return f;
}

bool vm_recursion_enter(const char *where)
{
    if (LS_UNLIKELY(depth >= vm_recursion_limit)) {
        vm_err_fmt(&vm_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return false;
    }
    depth++;
    return true;
}

void vm_recursion_leave(void)
{
    depth--;
}

/* Whether a call of the builtin b counts toward the recursion limit as in
 * CPython 3.11, whose CALL runs len() and isinstance() inline, and whose
 * "fast call" builtins (these names) enter no recursion level. */
static bool counts_as_c_call(const BuiltinObj *b)
{
    static const char *const uncounted[] = {
        "len", "isinstance", "issubclass", "getattr", "hasattr", "setattr", "delattr",
        "divmod", "format", "iter", "next", "anext", "pow", "round", "sorted", "sum",
        "vars", "print", "input", "eval", "exec", "compile", NULL,
    };
    static CFunc last_fn;       /* the last builtin asked about, and its answer */
    static bool last_counts;
    if (b->self || b->owner)
        return false;
    if (b->fn == last_fn)
        return last_counts;
    bool counts = true;
    for (const char *const *n = uncounted; *n; n++)
        if (strcmp(b->name, *n) == 0)
            counts = false;
    last_fn = b->fn;
    last_counts = counts;
    return counts;
}

Obj *vm_eval_frame(Frame *f, bool throwing)
{
    if (LS_UNLIKELY(depth >= vm_recursion_limit)) {
        if (throwing)
            vm_err_clear();
        return vm_err_str(&vm_exc_RecursionError, "maximum recursion depth exceeded");
    }
    depth++;
    f->entry = true;
    f->yielded = false;
    Obj *r = eval(f, throwing);
    depth--;
    return r;
}

#define GEN_FLAGS (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)

Obj *vm_eval_call(Obj *func, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FuncObj *fn = (FuncObj *)func;
    if (fn->code->flags & GEN_FLAGS)
        return vm_gen_new(fn, args, nargs, kwnames);
    Frame *f = vm_frame_for_call(fn, args, nargs, kwnames, false);
    if (!f)
        return NULL;
    f->entry = true;
    return eval(f, false);
}

Obj *vm_eval_class_body(Obj *func, Obj *ns)
{
    FuncObj *fn = (FuncObj *)func;
    Frame *f = frame_for_func(fn, false);
    if (!f)
        return NULL;
    f->prev = NULL;
    f->locals = vm_newref(ns);
    f->entry = true;
    return eval(f, false);
}

int vm_super_implicit(Obj **type, Obj **obj)
{
    Frame *f = cur_frame;
    if (!f || f->code->argcount == 0 || f->code->nlocalsplus == 0) {
        vm_err_str(&vm_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    VmCode *co = f->code;
    Obj *first = f->lp[0];
    if (first && (co->kinds[0] & CO_FAST_CELL) && TYPE(first) == &vm_cell_type)
        first = ((CellObj *)first)->ref;
    if (!first) {
        vm_err_str(&vm_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->nlocalsplus; i++) {
        if ((co->kinds[i] & CO_FAST_FREE) && vm_str_eqc(co->localsplus[i], "__class__")) {
            Obj *cell = f->lp[i];
            Obj *cls = cell && TYPE(cell) == &vm_cell_type ? ((CellObj *)cell)->ref : NULL;
            if (!cls) {
                vm_err_str(&vm_exc_RuntimeError, "super(): empty __class__ cell");
                return -1;
            }
            *type = cls;
            *obj = first;
            return 0;
        }
    }
    vm_err_str(&vm_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

int vm_current_line(const char **filename)
{
    Frame *f = cur_frame;
    if (!f)
        return 0;
    int lasti = (int)(f->ip - f->code->code) - 1;
    *filename = STR_DATA(f->code->filename);
    return f->code->positions[lasti < 0 ? 0 : lasti].lineno;
}

Obj *vm_frame_globals(void)
{
    if (!cur_frame)
        return vm_err_str(&vm_exc_SystemError, "globals(): no frame");
    return vm_newref(cur_frame->globals);
}

static Obj *locals_of(Frame *f);

Obj *vm_getframe(int64_t depth)
{
    Frame *f = cur_frame;
    while (f && depth > 0) {
        f = f->prev ? f->prev : f->outer;
        /* callers standing for CPython's C code are not counted (the
         * frame asking is: warnings.warn's stacklevel counts from it) */
        while (f && vm_hidden_code(f->code))
            f = f->prev ? f->prev : f->outer;
        depth--;
    }
    if (!f)
        return vm_err_str(&vm_exc_ValueError, "call stack is not deep enough");
    return vm_frame_object(f);
}

/* Add f's entry to the pending exception's traceback; its tb_frame is f's
 * frame object (made now: it follows the frame, and keeps its locals when
 * the frame is gone). */
static void tb_add_frame(Frame *f, VmCode *code, int lasti)
{
    Obj *saved = vm_err_fetch();
    Obj *fo = vm_frame_object(f);
    if (!fo)
        vm_err_clear();
    vm_err_restore(saved);
    vm_tb_add(vm_exc.pending, code, lasti, f->globals, fo);
    XDECREF(fo);
}

Obj *vm_frame_object(Frame *f)
{
    if (f->fobj)
        return vm_newref(f->fobj);
    return vm_frame_snap_live(f);
}

Obj *vm_frame_locals_of(Frame *f)
{
    return locals_of(f);
}

Obj *vm_frame_locals(void)
{
    Frame *f = cur_frame;
    if (!f)
        return vm_err_str(&vm_exc_SystemError, "locals(): no frame");
    return locals_of(f);
}

/* The frame's locals: its namespace dict, or a snapshot of its fast
 * locals (CPython 3.11's locals() in a function). */
static Obj *locals_of(Frame *f)
{
    if (f->locals)
        return vm_newref(f->locals);
    Obj *d = vm_dict_new();
    VmCode *co = f->code;
    for (int i = 0; i < co->nlocalsplus; i++) {
        Obj *v = f->lp[i];
        if (v && (co->kinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) && TYPE(v) == &vm_cell_type)
            v = ((CellObj *)v)->ref;
        if (v && vm_dict_set(d, co->localsplus[i], v) < 0) {
            DECREF(d);
            return NULL;
        }
    }
    return d;
}

Obj *vm_run_module(VmCode *code, Obj *globals)
{
    return vm_run_code(code, globals, globals);
}

Obj *vm_run_code(VmCode *code, Obj *globals, Obj *locals)
{
    Frame *f = frame_alloc(code, false);
    if (!f)
        return NULL;
    f->prev = NULL;
    INCREF(code);
    f->globals = vm_newref(globals);
    f->builtins = vm_newref(vm_builtins);
    f->locals = vm_newref(locals);
    f->entry = true;
    return eval(f, false);
}

/* ---- helpers of the instruction handlers ---- */

/* The dispatch: a table of label addresses where the compiler has them. */
#if defined(__GNUC__) || defined(__clang__)
#define USE_COMPUTED_GOTO 1
#else
#define USE_COMPUTED_GOTO 0
#endif

#if !USE_COMPUTED_GOTO
/* The switch's default: an opcode the verifier let through unhandled. */
static noreturn void unsupported(Frame *f, const uint32_t *ip)
{
    int op = INSTR_OP(ip[-1]);
    LsPos pos = f->code->positions[ip - 1 - f->code->code];
    fflush(stdout);
    ls_die(LS_EXIT_USAGE, "not supported yet: instruction %s (%s, line %d)", op_info[op].name,
           STR_DATA(f->code->filename), pos.lineno);
}
#endif

static Obj *dict_keys_list(Obj *d)
{
    Obj *l = vm_list_new(0);
    ssize_t pos = 0;
    Obj *k, *v;
    while (vm_dict_next(d, &pos, &k, &v))
        vm_list_append(l, k);
    return l;
}

/* NameError, with CPython's "Did you mean" from the frame's locals, then
 * its globals, then the builtins. */
static Obj *name_error(Obj *name, Frame *f)
{
    vm_err_fmt(&vm_exc_NameError, "name '%s' is not defined", STR_DATA(name));
    Obj *cands[3] = {NULL, NULL, NULL};
    if (f->locals) {
        cands[0] = dict_keys_list(f->locals);
    } else {
        cands[0] = vm_list_new(0);
        VmCode *co = f->code;
        for (int i = 0; i < co->nlocalsplus; i++) {
            Obj *v = f->lp[i];
            if (v && (co->kinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) && TYPE(v) == &vm_cell_type)
                v = ((CellObj *)v)->ref;
            if (v)
                vm_list_append(cands[0], co->localsplus[i]);
        }
    }
    cands[1] = dict_keys_list(f->globals);
    cands[2] = dict_keys_list(f->builtins);
    Obj *sg = NULL;
    for (int i = 0; i < 3 && !sg; i++)
        sg = vm_suggest(cands[i], name);
    if (sg && vm_exc.pending)
        ((ExcObj *)vm_exc.pending)->suggest = vm_newref(sg);
    for (int i = 0; i < 3; i++)
        DECREF(cands[i]);
    return NULL;
}

static int unpack(Obj *seq, int before, int after, bool star, Obj **out)
{
    /* out[0] is the deepest slot: items are stored last-first so that the
     * first item ends on top */
    int want = before + after;
    Obj **items = NULL;
    ssize_t n = 0;
    Obj *list = NULL;
    if (TYPE(seq) == &vm_tuple_type || TYPE(seq) == &vm_list_type) {
        items = TUPLE_CHECK(seq) ? TUPLE_ITEMS(seq) : LIST_ITEMS(seq);
        n = TUPLE_CHECK(seq) ? TUPLE_LEN(seq) : LIST_LEN(seq);
    } else {
        if (!TYPE(seq)->iter) {
            vm_err_fmt(&vm_exc_TypeError, "cannot unpack non-iterable %s object",
                       vm_tname(seq));
            return -1;
        }
        Obj *it = vm_iter(seq);
        if (!it)
            return -1;
        list = vm_list_new(0);
        Obj *v;
        while ((!star ? LIST_LEN(list) <= want : true) && (v = vm_next(it)) != NULL) {
            vm_list_append(list, v);
            DECREF(v);
        }
        DECREF(it);
        if (vm_err_occurred()) {
            DECREF(list);
            return -1;
        }
        items = LIST_ITEMS(list);
        n = LIST_LEN(list);
    }
    if (!star && n != want) {
        if (n < want)
            vm_err_fmt(&vm_exc_ValueError, "not enough values to unpack (expected %d, got %zd)",
                       want, n);
        else
            vm_err_fmt(&vm_exc_ValueError, "too many values to unpack (expected %d)", want);
        XDECREF(list);
        return -1;
    }
    if (star && n < want) {
        vm_err_fmt(&vm_exc_ValueError, "not enough values to unpack (expected at least %d, "
                   "got %zd)", want, n);
        XDECREF(list);
        return -1;
    }
    int total = want + (star ? 1 : 0);
    int k = total - 1;
    for (int i = 0; i < before; i++)
        out[k--] = vm_newref(items[i]);
    if (star) {
        ssize_t m = n - want;
        Obj *l = vm_list_new(m);
        for (ssize_t i = 0; i < m; i++)
            LIST_ITEMS(l)[i] = vm_newref(items[before + i]);
        out[k--] = l;
    }
    for (ssize_t i = n - after; i < n; i++)
        out[k--] = vm_newref(items[i]);
    XDECREF(list);
    return 0;
}

static Obj *build_string(Obj **items, int n)
{
    for (int i = 0; i < n; i++)     /* hand-made code: see wrong_container() */
        if (!STR_CHECK(items[i]))
            return vm_err_fmt(&vm_exc_SystemError, "BUILD_STRING: bad operand (%s)",
                              vm_tname(items[i]));
    return vm_str_join(NULL, items, (size_t)n);
}

/* As wrong_container(), for the exception an exception-handling
 * instruction expects (None allowed if none_ok). */
static bool wrong_exception(Obj *o, bool none_ok, int op)
{
    if (HAS_FLAG(o, TF_EXC) || (none_ok && o == VM_NONE))
        return false;
    vm_err_fmt(&vm_exc_SystemError, "%s: bad operand (%s)", op_info[op].name, vm_tname(o));
    return true;
}

/* Code that passed the verifier (which checks depths, not types) but was
 * made by hand can leave anything where these instructions expect the
 * list, set or dict they build: that is a SystemError, not a crash
 * (tests/gen/robust-vm-mutate.py).  Sets it and returns true if o is
 * wrong for op. */
static bool wrong_container(Obj *o, int op)
{
    bool ok;
    switch (op) {
    case OP_LIST_APPEND: case OP_LIST_EXTEND: case OP_LIST_TO_TUPLE: ok = LIST_CHECK(o); break;
    case OP_SET_ADD: case OP_SET_UPDATE: ok = SET_CHECK(o); break;
    default: ok = DICT_CHECK(o); break;
    }
    if (!ok)
        vm_err_fmt(&vm_exc_SystemError, "%s: bad operand (%s)", op_info[op].name, vm_tname(o));
    return !ok;
}

static Obj *format_value(Obj *v, int flags, Obj *spec)
{
    Obj *s;
    switch (flags & 3) {
    case 1: s = vm_str(v); break;
    case 2: s = vm_repr(v); break;
    case 3: s = vm_ascii(v); break;
    default: s = vm_newref(v); break;
    }
    if (!s)
        return NULL;
    Obj *r = vm_format(s, spec);
    DECREF(s);
    return r;
}

static bool exc_match(Obj *exc, Obj *type, int *err)
{
    *err = 0;
    if (TUPLE_CHECK(type)) {
        for (ssize_t i = 0; i < TUPLE_LEN(type); i++)
            if (exc_match(exc, TUPLE_ITEMS(type)[i], err) || *err)
                return !*err;
        return false;
    }
    if (!HAS_FLAG(type, TF_TYPE) || !vm_is_subtype((Type *)type, &vm_exc_BaseException)) {
        vm_err_str(&vm_exc_TypeError,
                   "catching classes that do not inherit from BaseException is not allowed");
        *err = 1;
        return false;
    }
    return vm_is_subtype(TYPE(exc), (Type *)type);
}

/* raise [exc [from cause]]: 1 to re-raise without a new traceback entry. */
static int do_raise(Obj *exc, Obj *cause)
{
    if (!exc) {
        if (!vm_exc.handled || vm_exc.handled == VM_NONE) {
            vm_err_str(&vm_exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        vm_err_restore(vm_newref(vm_exc.handled));
        return 1;
    }
    Obj *value;
    if (HAS_FLAG(exc, TF_TYPE) && vm_is_subtype((Type *)exc, &vm_exc_BaseException)) {
        value = vm_call(exc, NULL, 0, NULL);
        if (!value)
            return 0;
        if (!HAS_FLAG(value, TF_EXC)) {
            vm_err_fmt(&vm_exc_TypeError, "calling %s should have returned an instance of "
                       "BaseException, not %s", ((Type *)exc)->name, vm_tname(value));
            DECREF(value);
            return 0;
        }
    } else if (HAS_FLAG(exc, TF_EXC)) {
        value = vm_newref(exc);
    } else {
        vm_err_str(&vm_exc_TypeError, "exceptions must derive from BaseException");
        return 0;
    }
    if (cause) {
        Obj *c;
        if (cause == VM_NONE) {
            c = NULL;
        } else if (HAS_FLAG(cause, TF_TYPE)
                   && vm_is_subtype((Type *)cause, &vm_exc_BaseException)) {
            c = vm_call(cause, NULL, 0, NULL);
            if (!c) {
                DECREF(value);
                return 0;
            }
        } else if (HAS_FLAG(cause, TF_EXC)) {
            c = vm_newref(cause);
        } else {
            DECREF(value);
            vm_err_str(&vm_exc_TypeError, "exception causes must derive from BaseException");
            return 0;
        }
        ExcObj *e = (ExcObj *)value;
        XDECREF(e->cause);
        e->cause = c;
        e->suppress_context = true;
    }
    vm_err_set(value);
    DECREF(value);
    return 0;
}

/* MATCH_CLASS: the tuple of attributes cls(<nargs positional>, kwd...)
 * extracts from subject; NULL (no error) when it does not match. */
static Obj *match_class(Obj *subject, Obj *cls, int nargs, Obj *kwd)
{
    if (!HAS_FLAG(cls, TF_TYPE))
        return vm_err_str(&vm_exc_TypeError, "called match pattern must be a class");
    Type *t = (Type *)cls;
    if (!vm_is_subtype(TYPE(subject), t))
        return NULL;
    ssize_t nkw = TUPLE_LEN(kwd);
    Obj *res = vm_tuple_new(nargs + nkw);
    Obj *match_args = NULL;
    bool self_match = false;
    if (nargs) {
        match_args = vm_type_lookup(t, vm_str_intern("__match_args__", 14));
        if (!match_args) {
            /* CPython's _Py_TPFLAGS_MATCH_SELF types (subclasses inherit it) */
            static Type *const selfs[] = {&vm_bool_type, &vm_bytearray_type, &vm_bytes_type,
                                          &vm_dict_type, &vm_float_type, &vm_frozenset_type,
                                          &vm_int_type, &vm_list_type, &vm_set_type,
                                          &vm_str_type, &vm_tuple_type};
            for (size_t i = 0; i < sizeof selfs / sizeof *selfs; i++)
                if (vm_is_subtype(t, selfs[i]))
                    self_match = true;
            if (!self_match && nargs > 0) {
                DECREF(res);
                return vm_err_fmt(&vm_exc_TypeError, "%s() accepts 0 positional sub-patterns "
                                  "(%d given)", t->name, nargs);
            }
        } else if (!TUPLE_CHECK(match_args)) {
            DECREF(res);
            return vm_err_fmt(&vm_exc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                              t->name, vm_tname(match_args));
        }
        if (self_match) {
            if (nargs > 1) {
                DECREF(res);
                return vm_err_fmt(&vm_exc_TypeError, "%s() accepts 1 positional sub-pattern "
                                  "(%d given)", t->name, nargs);
            }
            TUPLE_ITEMS(res)[0] = vm_newref(subject);
        } else {
            if (nargs > TUPLE_LEN(match_args)) {
                DECREF(res);
                return vm_err_fmt(&vm_exc_TypeError, "%s() accepts %zd positional sub-pattern%s "
                                  "(%d given)", t->name, TUPLE_LEN(match_args),
                                  TUPLE_LEN(match_args) == 1 ? "" : "s", nargs);
            }
            for (int i = 0; i < nargs; i++) {
                Obj *name = TUPLE_ITEMS(match_args)[i];
                if (!STR_CHECK(name)) {
                    DECREF(res);
                    return vm_err_fmt(&vm_exc_TypeError, "__match_args__ elements must be "
                                      "strings (got %s)", vm_tname(name));
                }
                Obj *iname = vm_str_intern(STR_DATA(name), (size_t)STR_LEN(name));
                Obj *v = vm_getattr(subject, iname);
                if (!v) {
                    DECREF(res);
                    if (vm_err_matches(&vm_exc_AttributeError)) {
                        vm_err_clear();
                        return NULL;
                    }
                    return NULL;
                }
                TUPLE_ITEMS(res)[i] = v;
            }
        }
    }
    for (ssize_t k = 0; k < nkw; k++) {
        Obj *v = vm_getattr(subject, TUPLE_ITEMS(kwd)[k]);
        if (!v) {
            DECREF(res);
            if (vm_err_matches(&vm_exc_AttributeError)) {
                vm_err_clear();
                return NULL;
            }
            return NULL;
        }
        TUPLE_ITEMS(res)[nargs + k] = v;
    }
    return res;
}

static Obj *make_function(Obj *codeobj, int flags, Obj **sp, Obj *globals, Obj *builtins)
{
    /* The verifier checks depths, not types: hand-made code can put
     * anything here, which must not be taken for a code object or a
     * closure (tests/gen/robust-vm-mutate.py). */
    int k = 1;
    const char *bad = TYPE(codeobj) != &vm_code_type ? "a code object" : NULL;
    if (!bad && (flags & 0x08)) {
        Obj *c = sp[-k++];
        bool ok = TUPLE_CHECK(c);
        for (ssize_t i = 0; ok && i < TUPLE_LEN(c); i++)
            ok = TYPE(TUPLE_ITEMS(c)[i]) == &vm_cell_type;
        bad = ok ? NULL : "a tuple of cells (closure)";
    }
    if (!bad && (flags & 0x04))
        bad = TUPLE_CHECK(sp[-k]) || DICT_CHECK(sp[-k]) ? NULL : "a tuple or dict (annotations)";
    k += (flags & 0x04) != 0;
    if (!bad && (flags & 0x02))
        bad = DICT_CHECK(sp[-k]) ? NULL : "a dict (keyword defaults)";
    k += (flags & 0x02) != 0;
    if (!bad && (flags & 0x01))
        bad = TUPLE_CHECK(sp[-k]) ? NULL : "a tuple (defaults)";
    if (bad)
        return vm_err_fmt(&vm_exc_SystemError, "MAKE_FUNCTION: expected %s", bad);
    FuncObj *fn = (FuncObj *)vm_func_new((VmCode *)codeobj, globals, builtins);
    /* below the code object: closure, annotations, kwdefaults, defaults */
    k = 1;
    if (flags & 0x08)
        fn->closure = vm_newref(sp[-k++]);
    if (flags & 0x04)
        fn->annotations = vm_newref(sp[-k++]);
    if (flags & 0x02)
        fn->kwdefaults = vm_newref(sp[-k++]);
    if (flags & 0x01)
        fn->defaults = vm_newref(sp[-k++]);
    Obj *mod = vm_dict_get_str(globals, vm_str_intern("__name__", 8));
    if (mod)
        fn->module = vm_newref(mod);
    return (Obj *)fn;
}

/* --trace: "qualname  index OPNAME arg (meaning)  [stack, top last]" */
static void trace_instr(Frame *f, const uint32_t *ip, Obj **sp)
{
    uint32_t w = *ip;
    int op = INSTR_OP(w), arg = INSTR_ARG(w);
    VmCode *co = f->code;
    Buf b = BUF_INIT;
    buf_printf(&b, "%s %4td %-20s", STR_DATA(co->qualname), ip - co->code, op_info[op].name);
    char what[64] = "";
    switch (op_info[op].arg) {
    case OPARG_NONE: break;
    case OPARG_CONST: {
        Obj *r = vm_repr(co->consts[arg]);
        if (r) {
            snprintf(what, sizeof what, STR_LEN(r) > 30 ? "(%.27s...)" : "(%s)", STR_DATA(r));
            DECREF(r);
        } else {
            vm_err_clear();
        }
        break;
    }
    case OPARG_NAME: snprintf(what, sizeof what, "(%.40s)", STR_DATA(co->names[arg])); break;
    case OPARG_LOCAL:
    case OPARG_DEREF:
        snprintf(what, sizeof what, "(%.40s)", STR_DATA(co->localsplus[arg]));
        break;
    case OPARG_JUMP: snprintf(what, sizeof what, "(to %d)", arg); break;
    case OPARG_CMP: snprintf(what, sizeof what, "(%s)", op_cmp_name(arg)); break;
    case OPARG_BINOP: snprintf(what, sizeof what, "(%s)", op_binop_name(arg)); break;
    default: break;
    }
    if (op_info[op].arg != OPARG_NONE)
        buf_printf(&b, " %-4d %-16s", arg, what);
    else
        buf_printf(&b, " %-21s", "");
    buf_puts(&b, " [");
    Obj **base = f->lp + co->nlocalsplus;
    for (Obj **p = base; p < sp; p++) {
        if (p > base)
            buf_puts(&b, ", ");
        if (!*p) {
            buf_puts(&b, "NULL");
            continue;
        }
        Obj *r = vm_repr(*p);
        if (!r) {
            vm_err_clear();
            buf_printf(&b, "<%s>", vm_tname(*p));
            continue;
        }
        if (STR_LEN(r) > 40)
            buf_printf(&b, "%.37s...", STR_DATA(r));
        else
            buf_puts(&b, STR_DATA(r));
        DECREF(r);
    }
    buf_puts(&b, "]\n");
    fflush(stdout);
    fputs(b.data, stderr);
    buf_free(&b);
}

/* The lookup of LOAD_GLOBAL (globals, then builtins) through its cache
 * (func.h): borrowed, or NULL with NameError. */
static inline Obj *global_lookup(GlobalCache *gc, Frame *f, Obj *name)
{
    DictObj *g = (DictObj *)f->globals, *b = (DictObj *)f->builtins;
    if (LS_LIKELY(gc->gver == g->kversion && gc->bver == b->kversion))
        return gc->ix >= 0 ? g->entries[gc->ix].value : b->entries[-1 - gc->ix].value;
    ssize_t e = vm_dict_str_index(f->globals, name);
    Obj *v;
    if (e >= 0) {
        gc->ix = e;
        v = g->entries[e].value;
    } else {
        e = vm_dict_str_index(f->builtins, name);
        if (e < 0) {
            name_error(name, f);
            return NULL;
        }
        gc->ix = -1 - (int64_t)e;
        v = b->entries[e].value;
    }
    gc->gver = g->kversion;
    gc->bver = b->kversion;
    return v;
}

/* dict[name] = v (v borrowed) for STORE_GLOBAL and module-level
 * STORE_NAME: while the dict's keys are as when the cache (func.h) was
 * filled, the value is replaced in the entry remembered. */
static inline int global_store(GlobalCache *gc, Obj *dict, Obj *name, Obj *v)
{
    DictObj *d = (DictObj *)dict;
    if (LS_LIKELY(gc->gver == d->kversion)) {
        Obj *old = d->entries[gc->ix].value;
        d->entries[gc->ix].value = vm_newref(v);
        d->version = ++vm_dict_version;
        DECREF(old);
        return 0;
    }
    if (vm_dict_set(dict, name, v) < 0)
        return -1;
    ssize_t e = vm_dict_str_index(dict, name);
    if (e >= 0) {
        gc->ix = e;
        gc->gver = d->kversion;
    }
    return 0;
}

/* ---- the loop ---- */

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define JUMPTO(x) (ip = first_instr + (x))
#define INSTR_INDEX() ((int)(ip - first_instr) - 1)

#define LOAD_FRAME() do { \
        cur_frame = f; \
        code = f->code; \
        first_instr = code->code; \
        ip = f->ip; \
        sp = f->sp; \
        lp = f->lp; \
        consts = code->consts; \
        names = code->names; \
    } while (0)
#define SAVE_FRAME() do { f->ip = ip; f->sp = sp; } while (0)
/* Before what may run Python code (a dunder method, a property): the
 * frame's place, for its frame object's f_lineno (CPython's frames know
 * it at every instruction; here the slow paths say it). */
#define SAVE_IP() (f->ip = ip)
/* The eval breaker (RESUME, backward jumps, after a call into C): when a
 * signal arrived or memory ran out, run the Python signal handlers
 * (mod_signal.c) here; what they raise, the current instruction raises. */
#define CHECK_BREAKER() do { \
        if (LS_UNLIKELY(vm_sigint_pending)) { \
            SAVE_FRAME(); \
            if (vm_eval_breaker() < 0) \
                goto error; \
            CHECK_TRACING(); \
        } \
    } while (0)
/* A conditional jump taken: a check point too (CPython checks its backward
 * ones); what the handlers raise comes from the instruction before the
 * target, as CPython's. */
#define JUMPTO_CHECK(x) do { JUMPTO(x); CHECK_BREAKER(); } while (0)

#if USE_COMPUTED_GOTO
/* --trace swaps in a table whose every entry is the tracing label, so the
 * normal dispatch pays nothing for it. */
#define TARGET(op) TARGET_##op:
#define DISPATCH() do { \
        word = *ip++; oparg = INSTR_ARG(word); \
        goto *table[INSTR_OP(word)]; \
    } while (0)
/* the instruction in word, past the `trace:` label */
#define DISPATCH_UNTRACED() goto *targets[INSTR_OP(word)]
/* DISPATCH() from past the handlers (the exception path) */
#define DISPATCH_OUTSIDE() DISPATCH()
/* sys.settrace/setprofile (trace.h): the loop takes the tracing table at
 * its check points (RESUME, after a call into C) once a hook is set, and
 * leaves it at the next instruction after the hooks are gone */
#define CHECK_TRACING() do { \
        if (LS_UNLIKELY(vm_tracing) && table == targets) \
            table = trace_targets; \
    } while (0)
#else
#define TARGET(op) case OP_##op:
#define DISPATCH() continue
#define DISPATCH_UNTRACED() goto dispatch_switch
#define DISPATCH_OUTSIDE() goto dispatch_next
#define CHECK_TRACING() do { } while (0)
#endif
/* A call of a C function: through the profile hook when one is set. */
#define CALL_C(fn, args, n, kw) (LS_UNLIKELY(vm_tracing) ? vm_trace_ccall(f, fn, args, n, kw) \
                                 : vm_call(fn, args, n, kw))

/* BEFORE_WITH / BEFORE_ASYNC_WITH: mgr's bound __exit__ (__aexit__) in
 * *exitf and the result of __enter__ (__aenter__), or NULL with an error
 * (CPython's TypeErrors for a manager that lacks either method). */
static Obj *enter_context(Obj *mgr, bool async, Obj **exitf)
{
    const char *kind = async ? "asynchronous context manager" : "context manager";
    const char *enter = async ? "__aenter__" : "__enter__";
    const char *exit = async ? "__aexit__" : "__exit__";
    if (!vm_type_lookup(TYPE(mgr), vm_str_intern(enter, strlen(enter)))) {
        vm_err_fmt(&vm_exc_TypeError, "'%s' object does not support the %s protocol",
                   vm_tname(mgr), kind);
        return NULL;
    }
    *exitf = vm_getattr(mgr, vm_str_intern(exit, strlen(exit)));
    if (!*exitf) {
        vm_err_clear();
        vm_err_fmt(&vm_exc_TypeError, "'%s' object does not support the %s protocol "
                   "(missed %s method)", vm_tname(mgr), kind, exit);
        return NULL;
    }
    bool found;
    Obj *res = vm_call_special(mgr, enter, NULL, 0, &found);
    if (!res)
        DECREF(*exitf);
    return res;
}

static Obj *eval(Frame *f, bool throwing)
{
    VmCode *code;
    const uint32_t *first_instr, *ip;
    Obj **sp, **lp;
    Obj **consts, **names;
    uint32_t word;
    int oparg;
    Obj *kwnames = NULL;    /* set by KW_NAMES for the next CALL (borrowed) */
    int frame_lasti = -1;   /* set by RERAISE: where the frame appears to be */

#if USE_COMPUTED_GOTO
    static void *const targets[256] = {
#define OP(name, arg) [OP_##name] = &&TARGET_##name,
#define PSEUDO(name, arg)
#include "libstage/opcodes.def"
#undef OP
#undef PSEUDO
    };
    static void *const trace_targets[256] = {
#define OP(name, arg) [OP_##name] = &&trace,
#define PSEUDO(name, arg)
#include "libstage/opcodes.def"
#undef OP
#undef PSEUDO
    };
    void *const *table = (vm_trace | vm_tracing) ? trace_targets : targets;
#endif

    Frame *outer_frame = cur_frame;   /* restored when this eval returns */
    f->outer = outer_frame;
    LOAD_FRAME();
    if (throwing) {
        if (LS_UNLIKELY(vm_tracing)) {
            /* generator.throw(): 'call', then the exception is raised here */
            SAVE_FRAME();
            if (vm_trace_resume(f) < 0)
                goto exit_unwind;
        }
        goto error;
    }
#if USE_COMPUTED_GOTO
    DISPATCH();
#else
    for (;;) {
    dispatch_next:
        word = *ip++;
        oparg = INSTR_ARG(word);
        if (LS_UNLIKELY(vm_trace || vm_tracing))
            goto trace;
    dispatch_switch:
        switch (INSTR_OP(word)) {
#endif

    TARGET(NOP) DISPATCH();
    TARGET(RESUME) {
        if (LS_UNLIKELY(vm_sigint_pending)) {
            SAVE_FRAME();
            if (vm_eval_breaker() < 0)
                goto error;
#if USE_COMPUTED_GOTO
            if (vm_tracing && table == targets) {
                /* a hook was set (which trips the breaker, trace.c):
                 * this frame's 'call' and what follows */
                table = trace_targets;
                goto trace;
            }
#endif
        }
        DISPATCH();
    }

    TARGET(POP_TOP) {
        Obj *v = POP();
        XDECREF(v);
        DISPATCH();
    }
    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }
    TARGET(COPY) {
        Obj *v = PEEK(oparg);
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(SWAP) {
        Obj *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        Obj *retval = POP();
        SAVE_FRAME();
        Frame *caller = f->prev;
        bool entry = f->entry, ctor = f->ctor;
        frame_free(f);
        if (entry) {
            cur_frame = outer_frame;
            return retval;
        }
        f = caller;
        LOAD_FRAME();
        if (LS_UNLIKELY(ctor)) {
            /* an __init__ run by CALL: the instance is in place already */
            if (retval != VM_NONE) {
                vm_err_fmt(&vm_exc_TypeError, "__init__() should return None, not '%s'",
                           vm_tname(retval));
                DECREF(retval);
                goto error;
            }
            DECREF(retval);
            DISPATCH();
        }
        PUSH(retval);
        DISPATCH();
    }
    TARGET(PRINT_EXPR) {
        /* an expression statement in 'single' mode: sys.displayhook(value) */
        Obj *v = POP();
        Obj *hook = vm_sys_attr("displayhook");
        if (!hook) {
            DECREF(v);
            vm_err_fmt(&vm_exc_RuntimeError, "lost sys.displayhook");
            goto error;
        }
        Obj *res = vm_call(hook, &v, 1, NULL);
        DECREF(v);
        if (!res)
            goto error;
        DECREF(res);
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        Obj *v = consts[oparg];
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        Obj *name = names[oparg], *v = NULL;
        if (f->locals == f->globals) {
            /* module level: the lookup LOAD_GLOBAL makes, with its cache */
            v = global_lookup(&code->gcache[ip - 1 - first_instr], f, name);
            if (!v)
                goto error;
            INCREF(v);
            PUSH(v);
            DISPATCH();
        }
        if (f->locals && TYPE(f->locals) != &vm_dict_type) {
            /* any mapping (exec() locals, a __prepare__ namespace) */
            Obj *got = vm_getitem(f->locals, name);
            if (got) {
                PUSH(got);
                DISPATCH();
            }
            if (!vm_err_matches(&vm_exc_KeyError))
                goto error;
            vm_err_clear();
        } else if (f->locals) {
            v = vm_dict_get_str(f->locals, name);
        }
        if (!v)
            v = vm_dict_get_str(f->globals, name);
        if (!v)
            v = vm_dict_get_str(f->builtins, name);
        if (!v) {
            name_error(name, f);
            goto error;
        }
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        Obj *v = POP();
        Obj *ns = f->locals ? f->locals : f->globals;
        /* a class namespace from __prepare__ or exec()'s locals may be any
         * mapping: its own __setitem__ runs (enum's _EnumDict) */
        int rc = ns == f->globals
            ? global_store(&code->gcache[ip - 1 - first_instr], ns, names[oparg], v)
            : TYPE(ns) == &vm_dict_type ? vm_dict_set(ns, names[oparg], v)
            : vm_setitem(ns, names[oparg], v);
        DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        Obj *ns = f->locals ? f->locals : f->globals;
        if ((TYPE(ns) == &vm_dict_type ? vm_dict_del(ns, names[oparg])
                                       : vm_setitem(ns, names[oparg], NULL)) < 0) {
            vm_err_clear();
            name_error(names[oparg], f);
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        Obj *v = global_lookup(&code->gcache[ip - 1 - first_instr], f, names[oparg]);
        if (!v)
            goto error;
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        Obj *v = POP();
        int rc = global_store(&code->gcache[ip - 1 - first_instr], f->globals, names[oparg], v);
        DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        if (vm_dict_del(f->globals, names[oparg]) < 0) {
            vm_err_clear();
            name_error(names[oparg], f);
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_FAST) {
        Obj *v = lp[oparg];
        if (LS_UNLIKELY(!v)) {
            vm_err_fmt(&vm_exc_UnboundLocalError, "cannot access local variable '%s' where it "
                       "is not associated with a value", STR_DATA(code->localsplus[oparg]));
            goto error;
        }
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        Obj *old = lp[oparg];
        lp[oparg] = POP();
        XDECREF(old);
        DISPATCH();
    }
    TARGET(DELETE_FAST) {
        if (!lp[oparg]) {
            vm_err_fmt(&vm_exc_UnboundLocalError, "cannot access local variable '%s' where it "
                       "is not associated with a value", STR_DATA(code->localsplus[oparg]));
            goto error;
        }
        CLEAR(lp[oparg]);
        DISPATCH();
    }
    TARGET(MAKE_CELL) {
        Obj *v = lp[oparg];
        lp[oparg] = vm_cell_new(v);
        XDECREF(v);
        DISPATCH();
    }
    TARGET(COPY_FREE_VARS) {
        Obj *closure = f->func ? f->func->closure : NULL;
        if (!closure || TUPLE_LEN(closure) < oparg) {
            vm_err_str(&vm_exc_SystemError, "COPY_FREE_VARS without a closure");
            goto error;
        }
        int off = code->nlocalsplus - oparg;
        for (int i = 0; i < oparg; i++)
            lp[off + i] = vm_newref(TUPLE_ITEMS(closure)[i]);
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
        Obj *c = lp[oparg];
        if (!c) {
            vm_err_str(&vm_exc_SystemError, "LOAD_CLOSURE of an empty slot");
            goto error;
        }
        INCREF(c);
        PUSH(c);
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        Obj *c = lp[oparg];
        Obj *v = c && TYPE(c) == &vm_cell_type ? ((CellObj *)c)->ref : NULL;
        if (!v) {
            if (code->kinds[oparg] & CO_FAST_FREE)
                vm_err_fmt(&vm_exc_NameError, "cannot access free variable '%s' where it is not "
                           "associated with a value in enclosing scope",
                           STR_DATA(code->localsplus[oparg]));
            else
                vm_err_fmt(&vm_exc_UnboundLocalError, "cannot access local variable '%s' where "
                           "it is not associated with a value",
                           STR_DATA(code->localsplus[oparg]));
            goto error;
        }
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        Obj *v = POP();
        CellObj *c = (CellObj *)lp[oparg];
        Obj *old = c->ref;
        c->ref = v;
        XDECREF(old);
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        CellObj *c = (CellObj *)lp[oparg];
        if (!c->ref) {
            vm_err_fmt(&vm_exc_UnboundLocalError, "cannot access local variable '%s' where it "
                       "is not associated with a value", STR_DATA(code->localsplus[oparg]));
            goto error;
        }
        CLEAR(c->ref);
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF) {
        Obj *name = code->localsplus[oparg];
        Obj *v = f->locals ? vm_dict_get_str(f->locals, name) : NULL;
        if (!v)
            v = ((CellObj *)lp[oparg])->ref;
        if (!v) {
            vm_err_fmt(&vm_exc_NameError, "cannot access free variable '%s' where it is not "
                       "associated with a value in enclosing scope", STR_DATA(name));
            goto error;
        }
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        Obj *owner = TOP();
        SAVE_IP();
        Obj *res = vm_ic_load_attr(code, (size_t)(ip - 1 - first_instr), owner, names[oparg]);
        DECREF(owner);
        SET_TOP(res);
        if (!res)
            goto error;
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        Obj *owner = POP(), *v = POP();
        SAVE_IP();
        int rc = vm_ic_store_attr(code, (size_t)(ip - 1 - first_instr), owner, names[oparg], v);
        DECREF(owner);
        DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        Obj *owner = POP();
        int rc = vm_setattr(owner, names[oparg], NULL);
        DECREF(owner);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        /* a function or method descriptor of the class not shadowed by an
         * instance attribute is pushed unbound, with obj as its first
         * argument; anything else as the attribute (attrcache.c) */
        Obj *obj = TOP();
        bool unbound;
        SAVE_IP();
        Obj *attr = vm_ic_load_method(code, (size_t)(ip - 1 - first_instr), obj, names[oparg],
                                      &unbound);
        if (unbound) {
            SET_TOP(attr);
            PUSH(obj);
            DISPATCH();
        }
        DECREF(obj);
        SET_TOP(NULL);
        if (!attr)
            goto error;
        PUSH(attr);
        DISPATCH();
    }
    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(vm_newref((Obj *)&vm_exc_AssertionError));
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        Obj *bc = vm_dict_get_str(f->builtins, vm_str_intern("__build_class__", 15));
        if (!bc) {
            vm_err_str(&vm_exc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(vm_newref(bc));
        DISPATCH();
    }
    TARGET(SETUP_ANNOTATIONS) {
        Obj *ns = f->locals ? f->locals : f->globals;
        Obj *key = vm_str_intern("__annotations__", 15);
        if (!vm_dict_get_str(ns, key)) {
            Obj *d = vm_dict_new();
            int rc = vm_dict_set(ns, key, d);
            DECREF(d);
            if (rc < 0)
                goto error;
        }
        DISPATCH();
    }

    /* +x, -x, ~x: one body, the operator from the table in vm_unary */
#define UNARY_TARGET(op, un)                       \
    TARGET(op) {                                   \
        SAVE_IP();                                 \
        Obj *v = TOP(), *r = vm_unary(v, un);      \
        DECREF(v);                                 \
        SET_TOP(r);                                \
        if (!r)                                    \
            goto error;                            \
        DISPATCH();                                \
    }
    UNARY_TARGET(UNARY_POSITIVE, UN_POS)
    UNARY_TARGET(UNARY_NEGATIVE, UN_NEG)
    UNARY_TARGET(UNARY_INVERT, UN_INVERT)
#undef UNARY_TARGET
    TARGET(UNARY_NOT) {
        Obj *v = TOP();
        int t = vm_truth(v);
        DECREF(v);
        if (t < 0) {
            SET_TOP(NULL);
            goto error;
        }
        SET_TOP(VM_BOOL(!t));
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        Obj *r = SECOND(), *l = TOP(), *res;
        Obj *a = r, *b = l;     /* a op b: a is deeper */
        if (TYPE(a) == &vm_int_type && TYPE(b) == &vm_int_type && INT_IS_SMALL(a)
            && INT_IS_SMALL(b)) {
            int64_t x = INT_SMALL(a), y = INT_SMALL(b), z;
            switch (oparg) {
            case NB_ADD: case NB_INPLACE_FIRST + NB_ADD:
                if (!__builtin_add_overflow(x, y, &z))
                    goto small_result;
                break;
            case NB_SUBTRACT: case NB_INPLACE_FIRST + NB_SUBTRACT:
                if (!__builtin_sub_overflow(x, y, &z))
                    goto small_result;
                break;
            case NB_MULTIPLY: case NB_INPLACE_FIRST + NB_MULTIPLY:
                if (!__builtin_mul_overflow(x, y, &z))
                    goto small_result;
                break;
            case NB_REMAINDER: case NB_INPLACE_FIRST + NB_REMAINDER:
                if (y > 0 && x >= 0) {
                    z = x % y;
                    goto small_result;
                }
                break;
            case NB_FLOOR_DIVIDE: case NB_INPLACE_FIRST + NB_FLOOR_DIVIDE:
                if (y > 0 && x >= 0) {
                    z = x / y;
                    goto small_result;
                }
                break;
            case NB_AND: case NB_INPLACE_FIRST + NB_AND:
                z = x & y;
                goto small_result;
            case NB_OR: case NB_INPLACE_FIRST + NB_OR:
                z = x | y;
                goto small_result;
            case NB_XOR: case NB_INPLACE_FIRST + NB_XOR:
                z = x ^ y;
                goto small_result;
            }
            goto slow_binop;
        small_result:
            if (a->refcnt == 1 && (z < VM_INT_SHARED_MIN || z > VM_INT_SHARED_MAX)) {
                /* perf: a temporary only the stack holds becomes the result */
                INT_SMALL(a) = z;
                DECREF(b);
                sp--;
                DISPATCH();
            }
            res = vm_int_from_i64(z);
            DECREF(a);
            DECREF(b);
            sp--;
            SET_TOP(res);
            DISPATCH();
        }
        if (TYPE(a) == &vm_float_type && TYPE(b) == &vm_float_type) {
            double x = FLOAT_VAL(a), y = FLOAT_VAL(b), z;
            switch (oparg) {
            case NB_ADD: case NB_INPLACE_FIRST + NB_ADD: z = x + y; break;
            case NB_SUBTRACT: case NB_INPLACE_FIRST + NB_SUBTRACT: z = x - y; break;
            case NB_MULTIPLY: case NB_INPLACE_FIRST + NB_MULTIPLY: z = x * y; break;
            case NB_TRUE_DIVIDE: case NB_INPLACE_FIRST + NB_TRUE_DIVIDE:
                if (y == 0)
                    goto slow_binop;
                z = x / y;
                break;
            default: goto slow_binop;
            }
            if (a->refcnt == 1) {
                /* perf: a temporary only the stack holds becomes the result */
                FLOAT_VAL(a) = z;
                DECREF(b);
                sp--;
                DISPATCH();
            }
            res = vm_float_new(z);
            DECREF(a);
            DECREF(b);
            sp--;
            SET_TOP(res);
            DISPATCH();
        }
    slow_binop:
        SAVE_IP();
        res = vm_binop(a, b, oparg);
        DECREF(a);
        DECREF(b);
        sp--;
        SET_TOP(res);
        if (!res)
            goto error;
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        Obj *a = SECOND(), *b = TOP(), *res;
        if (TYPE(a) == &vm_int_type && TYPE(b) == &vm_int_type && INT_IS_SMALL(a)
            && INT_IS_SMALL(b)) {
            int64_t x = INT_SMALL(a), y = INT_SMALL(b);
            bool c;
            switch (oparg) {
            case CMP_LT: c = x < y; break;
            case CMP_LE: c = x <= y; break;
            case CMP_EQ: c = x == y; break;
            case CMP_NE: c = x != y; break;
            case CMP_GT: c = x > y; break;
            default: c = x >= y; break;
            }
            /* perf: a conditional jump right after takes the C truth
             * value, without a bool on the stack or a dispatch (not with
             * --trace, which shows every instruction; a sys.settrace hook
             * misses only the jump's 'opcode' event: it has the
             * comparison's line) */
            uint32_t next = *ip;
            int nop = INSTR_OP(next);
            if ((nop == OP_POP_JUMP_IF_FALSE || nop == OP_POP_JUMP_IF_TRUE) && !vm_trace) {
                DECREF(a);
                DECREF(b);
                sp -= 2;
                ip++;
                if (c == (nop == OP_POP_JUMP_IF_TRUE))
                    JUMPTO(INSTR_ARG(next));
                DISPATCH();
            }
            res = VM_BOOL(c);
        } else {
            SAVE_IP();
            res = vm_richcmp(a, b, oparg);
        }
        DECREF(a);
        DECREF(b);
        sp--;
        SET_TOP(res);
        if (!res)
            goto error;
        DISPATCH();
    }
    TARGET(IS_OP) {
        Obj *a = SECOND(), *b = TOP();
        bool c = (a == b) ^ (oparg != 0);
        DECREF(a);
        DECREF(b);
        sp--;
        SET_TOP(VM_BOOL(c));
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        Obj *item = SECOND(), *container = TOP();
        SAVE_IP();
        int c = vm_contains(container, item);
        DECREF(item);
        DECREF(container);
        sp--;
        if (c < 0) {
            SET_TOP(NULL);
            goto error;
        }
        SET_TOP(VM_BOOL(c ^ (oparg != 0)));
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        Obj *container = SECOND(), *sub = TOP(), *res;
        if (TYPE(container) == &vm_list_type && TYPE(sub) == &vm_int_type && INT_IS_SMALL(sub)
            && (uint64_t)INT_SMALL(sub) < (uint64_t)LIST_LEN(container)) {
            res = vm_newref(LIST_ITEMS(container)[INT_SMALL(sub)]);
        } else {
            SAVE_IP();
            res = vm_getitem(container, sub);
        }
        DECREF(container);
        DECREF(sub);
        sp--;
        SET_TOP(res);
        if (!res)
            goto error;
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        Obj *sub = TOP(), *container = SECOND(), *v = THIRD();
        SAVE_IP();
        int rc = vm_setitem(container, sub, v);
        DECREF(sub);
        DECREF(container);
        DECREF(v);
        sp -= 3;
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        Obj *sub = TOP(), *container = SECOND();
        SAVE_IP();
        int rc = vm_setitem(container, sub, NULL);
        DECREF(sub);
        DECREF(container);
        sp -= 2;
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        Obj *step = oparg == 3 ? POP() : vm_newref(VM_NONE);
        Obj *stop = POP(), *start = TOP();
        Obj *s = vm_slice_new(start, stop, step);
        DECREF(start);
        DECREF(stop);
        DECREF(step);
        SET_TOP(s);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        Obj *t = vm_tuple_new(oparg);
        for (int i = oparg; i-- > 0;)
            TUPLE_ITEMS(t)[i] = POP();
        PUSH(t);
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        Obj *l = vm_list_new(oparg);
        for (int i = oparg; i-- > 0;)
            LIST_ITEMS(l)[i] = POP();
        PUSH(l);
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        Obj *set = vm_set_new(&vm_set_type);
        int rc = 0;
        for (int i = oparg; i > 0; i--)
            if (rc == 0)
                rc = vm_set_add(set, PEEK(i));
        for (int i = 0; i < oparg; i++)
            DECREF(POP());
        if (rc < 0) {
            DECREF(set);
            goto error;
        }
        PUSH(set);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        Obj *d = vm_dict_new();
        int rc = 0;
        for (int i = 0; i < oparg && rc == 0; i++)
            rc = vm_dict_set(d, PEEK(2 * (oparg - i)), PEEK(2 * (oparg - i) - 1));
        for (int i = 0; i < 2 * oparg; i++)
            DECREF(POP());
        if (rc < 0) {
            DECREF(d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }
    TARGET(BUILD_CONST_KEY_MAP) {
        Obj *keys = POP();
        if (!TUPLE_CHECK(keys) || TUPLE_LEN(keys) != oparg) {    /* hand-made code */
            DECREF(keys);
            vm_err_str(&vm_exc_SystemError, "BUILD_CONST_KEY_MAP: bad keys");
            goto error;
        }
        Obj *d = vm_dict_new();
        int rc = 0;
        for (int i = 0; i < oparg && rc == 0; i++)
            rc = vm_dict_set(d, TUPLE_ITEMS(keys)[i], PEEK(oparg - i));
        for (int i = 0; i < oparg; i++)
            DECREF(POP());
        DECREF(keys);
        if (rc < 0) {
            DECREF(d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        Obj *s = build_string(sp - oparg, oparg);
        for (int i = 0; i < oparg; i++)
            DECREF(POP());
        if (!s)
            goto error;
        PUSH(s);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        if (wrong_container(PEEK(oparg + 1), OP_LIST_APPEND))
            goto error;
        Obj *v = POP();
        int rc = vm_list_try_append(PEEK(oparg), v);
        DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(SET_ADD) {
        if (wrong_container(PEEK(oparg + 1), OP_SET_ADD))
            goto error;
        Obj *v = POP();
        int rc = vm_set_add(PEEK(oparg), v);
        DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        if (wrong_container(PEEK(oparg + 2), OP_MAP_ADD))
            goto error;
        Obj *v = POP(), *k = POP();
        int rc = vm_dict_set(PEEK(oparg), k, v);
        DECREF(k);
        DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        if (wrong_container(PEEK(oparg + 1), OP_LIST_EXTEND))
            goto error;
        Obj *it = POP();
        if (!TYPE(it)->iter) {
            vm_err_fmt(&vm_exc_TypeError, "Value after * must be an iterable, not %s",
                       vm_tname(it));
            DECREF(it);
            goto error;
        }
        int rc = vm_list_extend(PEEK(oparg), it);
        DECREF(it);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        if (wrong_container(PEEK(oparg + 1), OP_SET_UPDATE))
            goto error;
        Obj *it = POP();
        int rc = vm_set_update(PEEK(oparg), it);
        DECREF(it);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        if (wrong_container(PEEK(oparg + 1), OP_DICT_UPDATE))
            goto error;
        Obj *u = POP();
        if (!DICT_CHECK(u) && !vm_type_lookup(TYPE(u), vm_str_intern("keys", 4))) {
            vm_err_fmt(&vm_exc_TypeError, "'%s' object is not a mapping", vm_tname(u));
            DECREF(u);
            goto error;
        }
        int rc = vm_dict_update(PEEK(oparg), u);
        DECREF(u);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        if (wrong_container(PEEK(oparg + 1), OP_DICT_MERGE))
            goto error;
        Obj *u = POP(), *d = PEEK(oparg);
        if (!DICT_CHECK(u) && !vm_type_lookup(TYPE(u), vm_str_intern("keys", 4))) {
            /* named as in the multiple-values message below */
            Obj *fn = PEEK(oparg + 2);
            const char *fname = fn && FUNC_CHECK(fn) ? STR_DATA(((FuncObj *)fn)->qualname)
                : fn && TYPE(fn) == &vm_builtin_type ? ((BuiltinObj *)fn)->name : NULL;
            Obj *fmod = fn && FUNC_CHECK(fn) ? ((FuncObj *)fn)->module : NULL;
            bool qual = fmod && STR_CHECK(fmod) && !vm_str_eqc(fmod, "builtins");
            vm_err_fmt(&vm_exc_TypeError, "%s%s%s%sargument after ** must be a mapping, not %s",
                       qual ? STR_DATA(fmod) : "", qual ? "." : "", fname ? fname : "",
                       fname ? "() " : "", vm_tname(u));
            DECREF(u);
            goto error;
        }
        if (!DICT_CHECK(u)) {
            /* a mapping with keys(): its items, through a dict */
            Obj *ud = vm_dict_new();
            int urc = vm_dict_update(ud, u);
            DECREF(u);
            u = ud;
            if (urc < 0) {
                DECREF(u);
                goto error;
            }
        }
        ssize_t pos = 0;
        Obj *k, *v;
        while (vm_dict_next(u, &pos, &k, &v)) {
            Obj *old;
            int r = vm_dict_lookup(d, k, &old);
            if (r == 0)
                r = vm_dict_set(d, k, v);
            else if (r > 0) {
                Obj *fn = PEEK(oparg + 2);
                const char *fname = fn && FUNC_CHECK(fn) ? STR_DATA(((FuncObj *)fn)->qualname)
                    : fn && TYPE(fn) == &vm_builtin_type ? ((BuiltinObj *)fn)->name : NULL;
                /* as CPython's _PyObject_FunctionStr: module-qualified */
                Obj *fmod = fn && FUNC_CHECK(fn) ? ((FuncObj *)fn)->module : NULL;
                bool qual = fmod && STR_CHECK(fmod) && !vm_str_eqc(fmod, "builtins");
                if (!STR_CHECK(k))
                    vm_err_str(&vm_exc_TypeError, "keywords must be strings");
                else if (fname)
                    vm_err_fmt(&vm_exc_TypeError, "%s%s%s() got multiple values for keyword "
                               "argument '%s'", qual ? STR_DATA(fmod) : "", qual ? "." : "",
                               fname, STR_DATA(k));
                else
                    vm_err_fmt(&vm_exc_TypeError, "got multiple values for keyword argument "
                               "'%s'", STR_DATA(k));
                r = -1;
            }
            if (r < 0) {
                DECREF(u);
                goto error;
            }
        }
        DECREF(u);
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        if (wrong_container(PEEK(1), OP_LIST_TO_TUPLE))
            goto error;
        Obj *l = TOP();
        Obj *t = vm_tuple_from(LIST_ITEMS(l), LIST_LEN(l));
        DECREF(l);
        SET_TOP(t);
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        Obj *seq = POP();
        if (TYPE(seq) == &vm_tuple_type && TUPLE_LEN(seq) == oparg) {
            for (int i = oparg; i-- > 0;)
                PUSH(vm_newref(TUPLE_ITEMS(seq)[i]));
            DECREF(seq);
            DISPATCH();
        }
        int rc = unpack(seq, oparg, 0, false, sp);
        DECREF(seq);
        if (rc < 0)
            goto error;
        sp += oparg;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        Obj *seq = POP();
        int before = oparg & 0xff, after = oparg >> 8;
        int rc = unpack(seq, before, after, true, sp);
        DECREF(seq);
        if (rc < 0)
            goto error;
        sp += before + after + 1;
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        Obj *spec = (oparg & 4) ? POP() : NULL;
        Obj *v = TOP();
        Obj *r = format_value(v, oparg, spec);
        XDECREF(spec);
        DECREF(v);
        SET_TOP(r);
        if (!r)
            goto error;
        DISPATCH();
    }

    TARGET(KW_NAMES) {
        kwnames = consts[oparg];
        DISPATCH();
    }
    TARGET(CALL) {
        int is_meth = PEEK(oparg + 2) != NULL;
        Obj *callable = is_meth ? PEEK(oparg + 2) : PEEK(oparg + 1);
        Obj *kw = kwnames;
        kwnames = NULL;
        if (!is_meth && TYPE(callable) == &vm_method_type) {
            /* a bound method: call its function with self in front */
            MethodObj *m = (MethodObj *)callable;
            PEEK(oparg + 2) = vm_newref(m->func);
            PEEK(oparg + 1) = vm_newref(m->self);
            DECREF(callable);
            callable = PEEK(oparg + 2);
            is_meth = 1;
        }
        if (!is_meth && TYPE(callable) == &vm_type_type) {
            FuncObj *init = vm_ic_ctor_init(code, (size_t)(ip - 1 - first_instr), callable);
            if (init) {
                /* a class set up by a Python __init__ (attrcache.c): the
                 * new instance takes the class's place on the stack and
                 * __init__ runs in a frame of this loop; its RETURN_VALUE
                 * leaves the instance as the result */
                /* as CPython's call of a class: one level, then the
                 * __init__ frame's (given back by frame_free) */
                if (!vm_recursion_enter(" while calling a Python object"))
                    goto error;
                Frame *nf = frame_for_func(init, false);
                if (!nf) {
                    depth--;
                    goto error;
                }
                nf->ctor = true;
                Obj *obj = vm_alloc((Type *)callable, 0);
                Obj **base = sp - oparg - 1;
                base[0] = obj;
                VmCode *nc = init->code;
                if (!kw && (size_t)oparg + 1 == (size_t)nc->argcount && nc->kwonlyargcount == 0
                    && !(nc->flags & (CO_VARARGS | CO_VARKEYWORDS))) {
                    nf->lp[0] = vm_newref(obj);
                    for (int i = 0; i < oparg; i++)
                        nf->lp[i + 1] = base[i + 1];
                } else if (bind_args(init, nf->lp, base, (size_t)oparg + 1, kw) < 0) {
                    nf->prev = NULL;
                    frame_free(nf);
                    DECREF(callable);
                    goto error;
                } else {
                    for (int i = 1; i <= oparg; i++)
                        DECREF(base[i]);
                }
                base[-1] = obj;     /* over the NULL */
                sp = base;
                DECREF(callable);
                SAVE_FRAME();
                nf->prev = f;
                f = nf;
                LOAD_FRAME();
                DISPATCH();
            }
        }
        Obj **args = sp - oparg - is_meth;
        size_t total = (size_t)oparg + (size_t)is_meth;
        if (FUNC_CHECK(callable) && !(((FuncObj *)callable)->code->flags & GEN_FLAGS)) {
            FuncObj *fn = (FuncObj *)callable;
            Frame *nf = frame_for_func(fn, false);
            if (!nf)
                goto error;
            VmCode *nc = fn->code;
            if (!kw && total == (size_t)nc->argcount && nc->kwonlyargcount == 0
                && !(nc->flags & (CO_VARARGS | CO_VARKEYWORDS))) {
                /* the common case: move the arguments into the new frame */
                for (size_t i = 0; i < total; i++)
                    nf->lp[i] = args[i];
                sp -= total;
                for (int i = is_meth; i < 2; i++) {
                    Obj *rest = POP();      /* the callable, and the NULL */
                    XDECREF(rest);
                }
                SAVE_FRAME();
                nf->prev = f;
                f = nf;
                LOAD_FRAME();
                DISPATCH();
            }
            if (bind_args(fn, nf->lp, args, total, kw) < 0) {
                nf->prev = NULL;
                frame_free(nf);
                goto error;
            }
            for (int i = 0; i < oparg + 2; i++)
                XDECREF(POP());
            SAVE_FRAME();
            nf->prev = f;
            f = nf;
            LOAD_FRAME();
            DISPATCH();
        }
        Obj *res;
        f->ip = ip;     /* the calling line, for sys._getframe() and f_back.f_lineno */
        if ((TYPE(callable) == &vm_builtin_type && counts_as_c_call((BuiltinObj *)callable))
            || (HAS_FLAG(callable, TF_TYPE) && (((Type *)callable)->flags & TF_HEAP))) {
            /* as CPython's builtin calls: one level of the recursion limit */
            if (vm_recursion_enter(" while calling a Python object")) {
                res = CALL_C(callable, args, total, kw);
                vm_recursion_leave();
            } else {
                res = NULL;
            }
        } else {
            res = CALL_C(callable, args, total, kw);
        }
        for (int i = 0; i < oparg + 2; i++) {
            Obj *v = POP();
            XDECREF(v);
        }
        if (!res)
            goto error;
        PUSH(res);
        CHECK_BREAKER();
        CHECK_TRACING();
        DISPATCH();
    }
    TARGET(CALL_FUNCTION_EX) {
        Obj *kwargs = (oparg & 1) ? POP() : NULL;
        Obj *callargs = POP();
        Obj *func = POP();
        Obj *null = POP();
        XDECREF(null);
        Obj *res = NULL;
        Obj *pos = TUPLE_CHECK(callargs) ? vm_newref(callargs) : NULL;
        if (!pos) {
            Obj *l = TYPE(callargs)->iter ? vm_list_from_iter(callargs) : NULL;
            if (!l && !vm_err_occurred())
                vm_err_fmt(&vm_exc_TypeError, "%s argument after * must be an iterable, not %s",
                           "function", vm_tname(callargs));
            if (l) {
                pos = vm_tuple_from(LIST_ITEMS(l), LIST_LEN(l));
                DECREF(l);
            }
        }
        if (pos) {
            ssize_t npos = TUPLE_LEN(pos), nkw = kwargs ? ((DictObj *)kwargs)->used : 0;
            Obj **argv = ls_xmalloc((size_t)(npos + nkw + 1) * sizeof(Obj *));
            memcpy(argv, TUPLE_ITEMS(pos), (size_t)npos * sizeof(Obj *));
            Obj *kwn = NULL;
            if (nkw) {
                kwn = vm_tuple_new(nkw);
                ssize_t p = 0, i = 0;
                Obj *k, *v;
                while (vm_dict_next(kwargs, &p, &k, &v)) {
                    if (!STR_CHECK(k)) {
                        DECREF(kwn);
                        free(argv);
                        DECREF(pos);
                        XDECREF(kwargs);
                        DECREF(callargs);
                        DECREF(func);
                        vm_err_str(&vm_exc_TypeError, "keywords must be strings");
                        goto error;
                    }
                    TUPLE_ITEMS(kwn)[i] = vm_newref(k);
                    argv[npos + i] = v;
                    i++;
                }
            }
            f->ip = ip;
            res = CALL_C(func, argv, (size_t)(npos + nkw), kwn);
            XDECREF(kwn);
            free(argv);
            DECREF(pos);
        }
        XDECREF(kwargs);
        DECREF(callargs);
        DECREF(func);
        if (!res)
            goto error;
        PUSH(res);
        CHECK_BREAKER();
        CHECK_TRACING();
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION) {
        Obj *co = POP();
        Obj *fn = make_function(co, oparg, sp, f->globals, f->builtins);
        DECREF(co);
        int n = ((oparg & 1) != 0) + ((oparg & 2) != 0) + ((oparg & 4) != 0) + ((oparg & 8) != 0);
        for (int i = 0; i < n; i++)
            DECREF(POP());
        if (!fn)
            goto error;
        PUSH(fn);
        DISPATCH();
    }

    TARGET(JUMP_FORWARD) {
        JUMPTO(oparg);
        DISPATCH();
    }
    TARGET(JUMP_BACKWARD) {
        CHECK_BREAKER();
        JUMPTO(oparg);
        DISPATCH();
    }
    TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
        JUMPTO(oparg);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        Obj *v = POP();
        if (v == VM_FALSE) {
            DECREF(v);
            JUMPTO_CHECK(oparg);
        } else if (v != VM_TRUE) {
            int t = vm_truth(v);
            DECREF(v);
            if (t < 0)
                goto error;
            if (!t)
                JUMPTO_CHECK(oparg);
        } else {
            DECREF(v);
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        Obj *v = POP();
        if (v == VM_TRUE) {
            DECREF(v);
            JUMPTO_CHECK(oparg);
        } else if (v != VM_FALSE) {
            int t = vm_truth(v);
            DECREF(v);
            if (t < 0)
                goto error;
            if (t)
                JUMPTO_CHECK(oparg);
        } else {
            DECREF(v);
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NONE) {
        Obj *v = POP();
        bool jump = v == VM_NONE;
        DECREF(v);
        if (jump)
            JUMPTO_CHECK(oparg);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NOT_NONE) {
        Obj *v = POP();
        bool jump = v != VM_NONE;
        DECREF(v);
        if (jump)
            JUMPTO_CHECK(oparg);
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        int t = vm_truth(TOP());
        if (t < 0)
            goto error;
        if (!t) {
            JUMPTO(oparg);
        } else {
            Obj *v = POP();
            DECREF(v);
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        int t = vm_truth(TOP());
        if (t < 0)
            goto error;
        if (t) {
            JUMPTO(oparg);
        } else {
            Obj *v = POP();
            DECREF(v);
        }
        DISPATCH();
    }
    TARGET(GET_ITER) {
        Obj *v = TOP();
        SAVE_IP();
        Obj *it = vm_iter(v);
        DECREF(v);
        SET_TOP(it);
        if (!it)
            goto error;
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        Obj *it = TOP();
        if (TYPE(it) == &vm_rangeiter_type) {
            RangeIter *r = (RangeIter *)it;
            if (r->left > 0) {
                int64_t v = r->next;
                r->left--;
                r->next = (int64_t)((uint64_t)r->next + (uint64_t)r->step);
                PUSH(vm_int_from_i64(v));
                DISPATCH();
            }
        } else {
            SAVE_IP();
            Obj *next = vm_next(it);
            if (next) {
                PUSH(next);
                DISPATCH();
            }
            if (vm_err_occurred()) {
                if (!vm_err_matches(&vm_exc_StopIteration))
                    goto error;
                vm_err_clear();
            }
        }
        sp--;
        DECREF(it);
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(PUSH_EXC_INFO) {
        if (wrong_exception(TOP(), false, OP_PUSH_EXC_INFO))
            goto error;
        Obj *value = POP();
        Obj *prev = vm_exc.handled ? vm_exc.handled : vm_newref(VM_NONE);
        PUSH(prev);
        vm_exc.handled = vm_newref(value);
        PUSH(value);
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        if (wrong_exception(TOP(), true, OP_POP_EXCEPT))
            goto error;
        Obj *value = POP();
        Obj *old = vm_exc.handled;
        if (value == VM_NONE) {
            DECREF(value);
            vm_exc.handled = NULL;
        } else {
            vm_exc.handled = value;
        }
        XDECREF(old);
        DISPATCH();
    }
    TARGET(RERAISE) {
        if (wrong_exception(TOP(), false, OP_RERAISE))
            goto error;
        Obj *v = POP();
        if (oparg) {
            /* the frame appears to be at the original raise (for the lasti an
             * outer handler gets); the handler is looked up from here */
            Obj *li = PEEK(oparg);
            if (INT_CHECK(li) && INT_IS_SMALL(li)) {
                int64_t x = INT_SMALL(li);
                if (x >= 0 && (size_t)x < code->ncode)
                    frame_lasti = (int)x;
            }
        }
        vm_err_restore(v);
        goto exception_unwind;
    }
    TARGET(RAISE_VARARGS) {
        Obj *cause = oparg == 2 ? POP() : NULL;
        Obj *exc = oparg >= 1 ? POP() : NULL;
        int re = do_raise(exc, cause);
        XDECREF(exc);
        XDECREF(cause);
        if (re)
            goto exception_unwind;
        goto error;
    }
    TARGET(CHECK_EXC_MATCH) {
        Obj *type = POP();
        int err;
        bool m = exc_match(TOP(), type, &err);
        DECREF(type);
        if (err)
            goto error;
        PUSH(VM_BOOL(m));
        DISPATCH();
    }
    TARGET(CHECK_EG_MATCH) {
        Obj *match_type = POP(), *exc = TOP(), *match, *rest;
        int rc = vm_eg_match(exc, match_type, &match, &rest);
        DECREF(match_type);
        if (rc < 0)
            goto error;
        if (match == VM_NONE) {
            DECREF(rest);
            PUSH(match);
        } else {
            /* [exc] -> [rest, match]; match becomes the handled exception */
            SET_TOP(rest);
            PUSH(match);
            Obj *old = vm_exc.handled;
            vm_exc.handled = vm_newref(match);
            XDECREF(old);
            DECREF(exc);
        }
        DISPATCH();
    }
    TARGET(PREP_RERAISE_STAR) {
        Obj *excs = POP(), *orig = POP();
        Obj *val = vm_eg_prep_reraise(orig, excs);
        DECREF(excs);
        DECREF(orig);
        if (!val)
            goto error;
        PUSH(val);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        /* [exit, lasti, prev_exc, exc] -> exit(type(exc), exc, tb) pushed */
        Obj *exit = PEEK(4), *val = TOP();
        if (wrong_exception(val, false, OP_WITH_EXCEPT_START))
            goto error;
        Obj *tb = ((ExcObj *)val)->tb;
        Obj *argv[3] = {(Obj *)TYPE(val), val, tb ? tb : VM_NONE};
        Obj *res = vm_call(exit, argv, 3, NULL);
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    }
    TARGET(BEFORE_WITH)
    TARGET(BEFORE_ASYNC_WITH) {
        /* replace the manager by its bound __exit__ (__aexit__), push the
         * result of __enter__ (__aenter__) */
        Obj *mgr = TOP();
        Obj *exitf;
        Obj *res = enter_context(mgr, INSTR_OP(word) == OP_BEFORE_ASYNC_WITH, &exitf);
        if (!res)
            goto error;
        SET_TOP(exitf);
        DECREF(mgr);
        PUSH(res);
        DISPATCH();
    }
    TARGET(RETURN_GENERATOR) {
        /* the generator object was made by the call; here, on the first
         * resumption, only the value POP_TOP discards is left to push */
        PUSH(vm_newref(VM_NONE));
        DISPATCH();
    }
    TARGET(YIELD_VALUE) {
        Obj *retval = POP();
        SAVE_FRAME();
        f->yielded = true;
        cur_frame = outer_frame;
        return retval;
    }
    TARGET(SEND) {
        Obj *v = POP(), *receiver = TOP(), *retval;
        int st = vm_gen_send_any(receiver, v, &retval);
        if (st == 0 && LS_UNLIKELY(vm_tracing)) {
            SAVE_FRAME();
            if (vm_trace_send_stop(f, receiver, v, retval) < 0) {
                DECREF(retval);
                st = -1;
            }
        }
        DECREF(v);
        if (st < 0)
            goto error;
        if (st == 0) {
            DECREF(receiver);
            SET_TOP(retval);
            JUMPTO(oparg);
            DISPATCH();
        }
        PUSH(retval);
        DISPATCH();
    }
    TARGET(GET_YIELD_FROM_ITER) {
        Obj *it = TOP();
        if (TYPE(it) == &vm_coro_type && !(code->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
            vm_err_str(&vm_exc_TypeError, "cannot 'yield from' a coroutine object in a "
                       "non-coroutine generator");
            goto error;
        }
        if (TYPE(it) != &vm_gen_type && TYPE(it) != &vm_coro_type) {
            Obj *i2 = vm_iter(it);
            DECREF(it);
            SET_TOP(i2);
            if (!i2)
                goto error;
        }
        DISPATCH();
    }
    TARGET(GET_AWAITABLE) {
        Obj *it = TOP();
        Obj *aw = vm_get_awaitable(it);
        DECREF(it);
        SET_TOP(aw);
        if (!aw)
            goto error;
        DISPATCH();
    }
    TARGET(GET_AITER) {
        Obj *o = TOP();
        Obj *it = vm_get_aiter(o);
        DECREF(o);
        SET_TOP(it);
        if (!it)
            goto error;
        DISPATCH();
    }
    TARGET(GET_ANEXT) {
        Obj *aw = vm_get_anext(TOP());
        if (!aw)
            goto error;
        PUSH(aw);
        DISPATCH();
    }
    TARGET(END_ASYNC_FOR) {
        /* [aiter, exc]: StopAsyncIteration ends the loop; others propagate */
        Obj *exc = POP();
        if (vm_is_subtype(TYPE(exc), &vm_exc_StopAsyncIteration)) {
            DECREF(exc);
            Obj *aiter = POP();
            DECREF(aiter);
            DISPATCH();
        }
        vm_err_restore(exc);
        goto exception_unwind;
    }
    TARGET(ASYNC_GEN_WRAP) {
        SET_TOP(vm_async_gen_wrap(TOP()));
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        Obj *fromlist = POP(), *level = TOP();
        Obj *m = vm_import(names[oparg], fromlist, level);
        DECREF(fromlist);
        DECREF(level);
        SET_TOP(m);
        if (!m)
            goto error;
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        Obj *v = vm_import_from(TOP(), names[oparg]);
        if (!v)
            goto error;
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        Obj *m = POP();
        int rc = vm_import_star(m, f->locals ? f->locals : f->globals);
        DECREF(m);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(MATCH_CLASS) {
        Obj *kwd = POP(), *cls = POP(), *subject = TOP();
        Obj *attrs = match_class(subject, cls, oparg, kwd);
        DECREF(kwd);
        DECREF(cls);
        DECREF(subject);
        if (!attrs) {
            if (vm_err_occurred()) {
                SET_TOP(NULL);
                goto error;
            }
            attrs = vm_newref(VM_NONE);
        }
        SET_TOP(attrs);
        DISPATCH();
    }
    TARGET(MATCH_MAPPING) {
        Obj *subject = TOP();
        PUSH(VM_BOOL(DICT_CHECK(subject)));
        DISPATCH();
    }
    TARGET(MATCH_SEQUENCE) {
        Obj *subject = TOP();
        Type *t = TYPE(subject);
        bool seq = LIST_CHECK(subject) || TUPLE_CHECK(subject) || t == &vm_range_type;
        PUSH(VM_BOOL(seq));
        DISPATCH();
    }
    TARGET(MATCH_KEYS) {
        Obj *keys = TOP(), *subject = SECOND();
        Obj *values = vm_tuple_new(TUPLE_LEN(keys));
        bool ok = true;
        for (ssize_t i = 0; i < TUPLE_LEN(keys); i++) {
            Obj *v;
            int r = vm_dict_lookup(subject, TUPLE_ITEMS(keys)[i], &v);
            if (r < 0) {
                DECREF(values);
                goto error;
            }
            if (!r) {
                ok = false;
                break;
            }
            TUPLE_ITEMS(values)[i] = vm_newref(v);
        }
        if (!ok) {
            DECREF(values);
            values = vm_newref(VM_NONE);
        }
        PUSH(values);
        DISPATCH();
    }
    TARGET(GET_LEN) {
        ssize_t n = vm_len(TOP());
        if (n < 0)
            goto error;
        PUSH(vm_int_from_i64(n));
        DISPATCH();
    }

#if !USE_COMPUTED_GOTO
        default:
            unsupported(f, ip);
        }
    }
#endif

trace:
    /* every instruction comes here while --trace or a hook is on (the
     * tracing table); word is the instruction, ip is past it */
    if (LS_UNLIKELY(vm_trace))
        trace_instr(f, ip - 1, sp);
    if (vm_tracing) {
        int top = INSTR_OP(word);
        SAVE_FRAME();
        if (top == OP_RESUME) {
            if (vm_trace_resume(f) < 0)
                goto error;
            DISPATCH_UNTRACED();
        }
        if (top == OP_MAKE_CELL || top == OP_COPY_FREE_VARS || top == OP_RETURN_GENERATOR
            || (top == OP_POP_TOP && ip - 1 > first_instr
                && INSTR_OP(ip[-2]) == OP_RETURN_GENERATOR))
            DISPATCH_UNTRACED();    /* before the frame's RESUME: not traced */
        /* the instruction before, for a frame whose last one is not known */
        if (vm_trace_line(f, ip - 1, ip - 1 > first_instr ? ip - 2 : NULL) < 0)
            goto error;
        if (f->ip != ip) {
            /* the hook set f_lineno: go on at the instruction it chose */
            ip = f->ip - 1;
            sp = f->sp;
            word = *ip++;
            oparg = INSTR_ARG(word);
            DISPATCH_UNTRACED();
        }
        if ((top == OP_RETURN_VALUE || top == OP_YIELD_VALUE) && vm_trace_exit(f, TOP()) < 0)
            goto exit_unwind;
    }
#if USE_COMPUTED_GOTO
    else if (!vm_trace) {
        table = targets;
    }
#endif
    DISPATCH_UNTRACED();

error:
    if (!vm_exc.pending)
        vm_err_str(&vm_exc_SystemError, "error return without exception set");
    tb_add_frame(f, code, INSTR_INDEX());
    if (LS_UNLIKELY(vm_tracing)) {
        SAVE_FRAME();
        vm_trace_exception(f);
    }
exception_unwind:
    kwnames = NULL;
    for (;;) {
        int lasti = INSTR_INDEX();
        const LsExcEntry *h = NULL;
        for (size_t i = 0; i < code->nexc; i++) {
            const LsExcEntry *e = &code->exctable[i];
            if ((uint32_t)lasti >= e->start && (uint32_t)lasti < e->end) {
                h = e;
                break;
            }
        }
        if (h) {
            Obj **base = lp + code->nlocalsplus;
            while (sp > base + h->depth) {
                Obj *v = POP();
                XDECREF(v);
            }
            /* Hand-made code can raise below the handler's depth, or leave
             * the NULL of a failed instruction there (the verifier keeps
             * NULL slots of calls above it): make the handler see objects. */
            while (sp < base + h->depth)
                PUSH(vm_newref(VM_NONE));
            for (Obj **p = base; p < sp; p++)
                if (!*p)
                    *p = vm_newref(VM_NONE);
            if (h->lasti)
                PUSH(vm_int_from_i64(frame_lasti >= 0 ? frame_lasti : lasti));
            frame_lasti = -1;
            PUSH(vm_err_fetch());
            if (LS_UNLIKELY(vm_tracing) && f->fobj)
                vm_trace_mark(f, first_instr + lasti);  /* 'line' sees the jump from here */
            JUMPTO(h->target);
            DISPATCH_OUTSIDE();
        }
        if (LS_UNLIKELY(vm_tracing)) {
            /* the frame is left by the exception: 'return' None, where
             * a RERAISE says the frame is */
            SAVE_FRAME();
            if (frame_lasti >= 0)
                f->ip = first_instr + frame_lasti + 1;
            vm_trace_unwind(f);
        }
exit_unwind:
        frame_lasti = -1;
        SAVE_FRAME();
        Frame *caller = f->prev;
        bool entry = f->entry;
        frame_free(f);
        if (entry) {
            cur_frame = outer_frame;
            return NULL;
        }
        f = caller;
        LOAD_FRAME();
        tb_add_frame(f, code, INSTR_INDEX());
        if (LS_UNLIKELY(vm_tracing))
            vm_trace_exception(f);
    }
}
