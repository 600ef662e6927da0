/* cmd/pyvm/eval.h: frames and the evaluation loop.
 *
 * Stage: pyvm.  Calls between Python functions do not recurse in C: CALL
 * pushes a frame (from a stack of chunks) and the same loop continues in
 * it; RETURN_VALUE pops back.  Only calls from C into Python (a builtin
 * calling a key function, ...) enter a new vm_eval.
 */
#ifndef VM_EVAL_H
#define VM_EVAL_H

#include <signal.h>

#include "cmd/pyvm/func.h"
#include "cmd/pyvm/object.h"

/* Run a module's code with the given globals (and locals = globals). */
Obj *vm_run_module(VmCode *code, Obj *globals) LS_MUST_CHECK;
/* Run code (a module, exec or eval code object) with separate globals and
 * locals (exec(), eval()); returns the code's return value. */
Obj *vm_run_code(VmCode *code, Obj *globals, Obj *locals) LS_MUST_CHECK;
/* Call a Python function (the tp call slot of functions). */
Obj *vm_eval_call(Obj *func, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;

/* Run a class body (a function of the class statement) with ns as its
 * local namespace; returns what the body returns (its __class__ cell or
 * None). */
Obj *vm_eval_class_body(Obj *func, Obj *ns) LS_MUST_CHECK;
/* The arguments of a zero-argument super() in the running function:
 * its __class__ cell's value and its first argument (borrowed). */
int vm_super_implicit(Obj **type, Obj **obj) LS_MUST_CHECK;

/* globals() and locals() of the running Python frame (new references). */
/* The running frame's file and line (of its latest call); 0 when none. */
int vm_current_line(const char **filename);
Obj *vm_frame_globals(void) LS_MUST_CHECK;
Obj *vm_frame_locals(void) LS_MUST_CHECK;

/* The builtins dict every frame sees. */
extern Obj *vm_builtins;
/* --trace: print each instruction and the value stack on stderr. */
extern bool vm_trace;
/* sys.getrecursionlimit(). */
extern int vm_recursion_limit;
/* One level of C recursion (a builtin call, a repr) counted with Python
 * frames toward the recursion limit, as CPython: false with RecursionError
 * ("maximum recursion depth exceeded" + where) when the limit is reached;
 * else the caller calls vm_recursion_leave() when done. */
bool vm_recursion_enter(const char *where) LS_MUST_CHECK;
void vm_recursion_leave(void);
/* The eval breaker, as CPython's: set when a caught signal arrives
 * (vm_signal_trip, mod_signal.c) or the allocator used its reserve
 * (VM_PENDING_NOMEM, alloc.h); the loop checks it at RESUME, backward
 * jumps and after calls into C, and calls vm_eval_breaker. */
extern volatile sig_atomic_t vm_sigint_pending;

/* The per-thread part of the evaluator (gil.c): the frame stack, the
 * running frame and the recursion depth.  A thread that drops the GIL
 * saves them; the thread that takes it installs its own. */
typedef struct VmEvalState {
    void *chunk_top;        /* its frame stack's top chunk (eval.c's Chunk) */
    void *chunk_spare;      /* its one freed chunk kept for reuse */
    struct Frame *cur_frame;/* its innermost running frame */
    int depth;              /* its recursion depth */
    struct VmTraceState *trace; /* its sys.settrace/setprofile hooks (trace.h), or NULL */
} VmEvalState;
void vm_eval_state_save(VmEvalState *s);
void vm_eval_state_load(const VmEvalState *s);

#endif
