/* cmd/pyvm/frame.h: the frame of a running code object.
 *
 * Stage: pyvm.  Frames of ordinary calls live on a stack of chunks
 * (eval.c) and die when the call returns; a generator's frame is a
 * separate allocation owned by the generator object (gen.c), suspended at
 * each yield.
 *
 *     +-------+----------------------------+--------------------+
 *     | Frame | localsplus[nlocalsplus]    | value stack[...]   |
 *     +-------+----------------------------+--------------------+
 */
#ifndef VM_FRAME_H
#define VM_FRAME_H

#include "cmd/pyvm/func.h"

typedef struct Frame Frame;
struct Frame {
    Frame *prev;            /* the caller */
    VmCode *code;           /* borrowed from func, or owned when func is NULL */
    FuncObj *func;          /* a reference; NULL for module code */
    Obj *globals;           /* borrowed from func, or owned when func is NULL */
    Obj *builtins;          /* borrowed from func, or owned when func is NULL */
    Obj *locals;            /* a reference: the dict of LOAD_NAME, or NULL */
    const uint32_t *ip;     /* next instruction, saved across calls */
    Obj **sp;               /* value stack top, saved across calls */
    size_t size;            /* bytes of this allocation */
    bool entry;             /* returning from it leaves vm_eval */
    bool heap;              /* owned by a generator, not on the frame stack */
    bool yielded;           /* set by YIELD_VALUE when it suspends the frame */
    bool cleared;           /* its references are gone (returned or raised) */
    Obj *lp[];              /* localsplus, then the value stack */
};

/* A frame for calling fn, arguments bound; NULL with an exception.  heap:
 * allocated for a generator. */
Frame *vm_frame_for_call(FuncObj *fn, Obj *const *args, size_t nargs, Obj *kwnames,
                         bool heap) LS_MUST_CHECK;
/* Run (or resume) f until it returns, raises or yields.  throwing: resume
 * with the pending exception raised at the suspension point. */
Obj *vm_eval_frame(Frame *f, bool throwing) LS_MUST_CHECK;
/* Drop a frame's references (not its memory, for a heap frame). */
void vm_frame_clear(Frame *f);

#endif
