/* cmd/pyvm/trace.h: sys.settrace and sys.setprofile: the hooks the
 * evaluation loop calls, and the trace attributes of frame objects.
 *
 * Stage: pyvm.  Tracing off costs the loop nothing per instruction: eval.c
 * runs its usual dispatch table and tests vm_tracing only where it stops
 * anyway (RESUME, after a call into C, the exception path).  When a hook
 * is set, the loop switches to the table whose every entry is its
 * `trace:` label, which calls vm_trace_resume (RESUME: 'call'),
 * vm_trace_line ('line', 'opcode') and vm_trace_exit ('return'); the
 * exception path calls vm_trace_exception.  Calls of built-in functions
 * go through vm_trace_ccall ('c_call', 'c_return', 'c_exception').
 *
 * A hook runs with the hooks switched off (vm_tracing 0): what it calls
 * is neither traced nor profiled, as CPython's tstate->tracing.
 *
 * All of this state is one thread's: eval.c's vm_eval_state_save/load
 * (gil.c, when the GIL changes hands) keep it with the thread's frames.
 */
#ifndef VM_TRACE_H
#define VM_TRACE_H

#include "cmd/pyvm/frame.h"

/* The events, numbered as CPython's PyTrace_* constants. */
enum {
    VM_TRACE_CALL, VM_TRACE_EXCEPTION, VM_TRACE_LINE, VM_TRACE_RETURN,
    VM_TRACE_C_CALL, VM_TRACE_C_EXCEPTION, VM_TRACE_C_RETURN, VM_TRACE_OPCODE,
};

/* A profiler written in C (_lsprof), called instead of a Python profile
 * function: f the frame of the event (for C events, the caller's), arg
 * the return value or the built-in function called (borrowed, may be
 * NULL).  Returns -1 with an exception to stop profiling. */
typedef int (*VmProfileHook)(Obj *obj, Frame *f, int what, Obj *arg);

typedef struct VmTraceState VmTraceState;
struct VmTraceState {
    Obj *tracefunc;         /* sys.settrace's function (a reference), or NULL */
    Obj *profileobj;        /* sys.setprofile's function, or the C profiler's object
                               (sys.getprofile() shows it), or NULL */
    VmProfileHook profilehook; /* the C profiler, or NULL: call profileobj */
    int running;            /* >0 while a hook runs: no events then */
    int what;               /* the event being delivered (frame.f_lineno's setter) */
};

extern VmTraceState vm_tracestate;
/* The loop's one test: a hook is set and none is running. */
extern int vm_tracing;

/* A thread's hooks kept while it lacks the GIL (eval.c's VmEvalState):
 * saved into *box (made on first use); loaded from box (NULL: none, a new
 * thread's). */
void vm_trace_state_save(VmTraceState **box);
void vm_trace_state_load(const VmTraceState *box);

/* sys.settrace / sys.setprofile (fn NULL: off), and a C profiler. */
void vm_trace_set(Obj *fn);
void vm_profile_set(Obj *fn);
void vm_profile_set_hook(VmProfileHook hook, Obj *obj);

/* sys.call_tracing(fn, args): fn called with the hooks on, even from a
 * hook. */
Obj *vm_trace_call_tracing(Obj *fn, Obj *const *args, size_t nargs) LS_MUST_CHECK;

/* The events.  Each returns 0, or -1 with the exception the hook raised
 * (the hook is then removed, as CPython). */
/* RESUME of f (a call, or a generator resumed): 'call'.  The exception
 * pending (a throw()) is kept. */
int vm_trace_resume(Frame *f) LS_MUST_CHECK;
/* Before instruction cur of f: 'line' when a line starts or a jump goes
 * backward from the instruction f ran before (its frame object keeps it;
 * prev: the guess when it does not know), and 'opcode'.  A 'line' hook
 * may move f->ip (a jump: frame.f_lineno = n). */
int vm_trace_line(Frame *f, const uint32_t *cur, const uint32_t *prev) LS_MUST_CHECK;
/* f (with a frame object) goes on at a handler: instr is where it was. */
void vm_trace_mark(Frame *f, const uint32_t *instr);
/* f returns or yields retval ('return'); retval NULL: f is left by the
 * pending exception, which is kept. */
int vm_trace_exit(Frame *f, Obj *retval) LS_MUST_CHECK;
/* f is left by the pending exception: 'return' None (an error in a hook
 * replaces the exception). */
void vm_trace_unwind(Frame *f);
/* The pending exception was raised in f: 'exception' (an error in the
 * hook replaces it). */
void vm_trace_exception(Frame *f);
/* f calls the C function callable (a builtin, or a method descriptor with
 * self first): 'c_call', then 'c_return' or 'c_exception' around vm_call. */
Obj *vm_trace_ccall(Frame *f, Obj *callable, Obj *const *args, size_t nargs,
                    Obj *kwnames) LS_MUST_CHECK;
/* SEND when tracing: the sub-iterator finished with value retval, as
 * CPython reports it (an 'exception' event for the StopIteration that
 * CPython's SEND sees).  v: the value sent.  -1 with the hook's error. */
int vm_trace_send_stop(Frame *f, Obj *receiver, Obj *v, Obj *retval) LS_MUST_CHECK;

/* ---- the trace attributes of a frame object ---- */

typedef struct VmFrameTrace {
    Obj *func;              /* f_trace: the local trace function (a reference), or NULL */
    bool nolines;           /* not f_trace_lines (which defaults to True) */
    bool opcodes;           /* f_trace_opcodes */
    bool owned;             /* the live frame holds a reference to its frame object
                               (taken when f_trace is set, dropped when the frame dies) */
    const uint32_t *last;   /* the instruction the frame ran last while traced, */
    unsigned epoch;         /* valid while epoch is trace.c's (hooks set anew change it) */
} VmFrameTrace;

/* exc.c: the trace fields of frame object fobj, and its live frame (or NULL). */
VmFrameTrace *vm_frame_trace(Obj *fobj);
Frame *vm_frame_live(Obj *fobj);
/* exc.c, around a hook's call (CPython's PyFrame_FastToLocals and
 * LocalsToFast): a live frame whose f_locals was read gets that dict
 * brought up to date (to_fast false), and what the hook stored in it put
 * back into its fast locals (to_fast true). */
void vm_frame_locals_sync(Obj *fobj, bool to_fast);
/* f_trace, f_trace_lines, f_trace_opcodes of fobj; NULL without an
 * error for another name. */
Obj *vm_trace_frame_getattr(Obj *fobj, Obj *name);
/* Set them, or f_lineno (a jump); 1 for a name that is not theirs. */
int vm_trace_frame_setattr(Obj *fobj, Obj *name, Obj *v);

#endif
