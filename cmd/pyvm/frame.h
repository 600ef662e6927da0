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
    Frame *outer;           /* set by eval() when entered: the frame running then (the
                               caller of a frame whose prev is NULL, for f_back) */
    Obj *fobj;              /* its frame object (sys._getframe()), borrowed: the frame
                               object points back and is detached when the frame dies */
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
    bool ctor;              /* __init__ run inline by CALL of a class: the caller's
                               stack holds the new instance, the result must be None */
    Obj *lp[];              /* localsplus, then the value stack */
};

/* A frame for calling fn, arguments bound; NULL with an exception.  heap:
 * allocated for a generator. */
Frame *vm_frame_for_call(FuncObj *fn, Obj *const *args, size_t nargs, Obj *kwnames,
                         bool heap) LS_MUST_CHECK;
/* Run (or resume) f until it returns, raises or yields.  throwing: resume
 * with the pending exception raised at the suspension point. */
Obj *vm_eval_frame(Frame *f, bool throwing) LS_MUST_CHECK;
/* sys._getframe(depth): the frame object of the depth-th caller of the
 * running frame. */
Obj *vm_getframe(int64_t depth) LS_MUST_CHECK;
/* The frame object of f (made on first use). */
Obj *vm_frame_object(Frame *f) LS_MUST_CHECK;
/* f's locals as a dict: its namespace, or a snapshot of its fast locals. */
Obj *vm_frame_locals_of(Frame *f) LS_MUST_CHECK;
/* exc.c: a frame object for the live frame f, and what happens to it when
 * f dies (it keeps f's last line, globals and locals). */
Obj *vm_frame_snap_live(Frame *f) LS_MUST_CHECK;
void vm_frame_detach(Frame *f);
/* Drop a frame's references (not its memory, for a heap frame). */
void vm_frame_clear(Frame *f);

#endif
