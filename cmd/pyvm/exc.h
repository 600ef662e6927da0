/* cmd/pyvm/exc.h: exception objects, the pending exception of the thread
 * state, tracebacks, and printing an uncaught exception as CPython 3.11.
 *
 * Stage: pyvm.  The pending exception is set by every failing operation
 * (object.h's error contract) and taken by the eval loop's error path.
 */
#ifndef VM_EXC_H
#define VM_EXC_H

#include <stdarg.h>
#include "cmd/pyvm/object.h"

struct VmCode;

#define EXC(name, base) extern Type vm_exc_##name;
#include "cmd/pyvm/exc.def"
#undef EXC

/* An exception instance. */
typedef struct ExcObj {
    Obj ob;
    Obj *args;              /* tuple of the constructor's arguments */
    Obj *tb;                /* traceback (TbObj chain, outermost first) or NULL */
    Obj *context;           /* __context__ or NULL */
    Obj *cause;             /* __cause__ or NULL */
    bool suppress_context;  /* __suppress_context__ */
    Obj *dict;              /* instance attributes, or NULL */
    Obj *suggest;           /* "Did you mean" name for the message, or NULL */
} ExcObj;

/* CPython's suggestion for a mistyped name among candidates (a list of
 * strs): the closest by its Levenshtein measure, or NULL (borrowed). */
Obj *vm_suggest(Obj *candidates, Obj *name);

/* An exception group (BaseExceptionGroup, ExceptionGroup). */
typedef struct EgObj {
    ExcObj exc;
    Obj *msg;               /* .message (a str) */
    Obj *excs;              /* .exceptions (a tuple) */
} EgObj;

extern Type vm_exc_BaseExceptionGroup, vm_exc_ExceptionGroup;

/* except*: split exc by the exception type(s) in match_type into *match
 * and *rest (None for an empty part); a naked exception that matches is
 * wrapped in an ExceptionGroup.  -1 on error. */
int vm_eg_match(Obj *exc, Obj *match_type, Obj **match, Obj **rest) LS_MUST_CHECK;
/* PREP_RERAISE_STAR: what to re-raise after the except* clauses ran. */
Obj *vm_eg_prep_reraise(Obj *orig, Obj *excs) LS_MUST_CHECK;

/* One traceback entry: a frame's code and the instruction that raised. */
typedef struct TbObj {
    Obj ob;
    Obj *next;              /* the next inner entry, or NULL */
    struct VmCode *code;    /* the frame's code (a reference) */
    int lasti;              /* instruction index in code */
    Obj *globals;           /* the frame's globals (a reference), or NULL */
    Obj *fobj;              /* the frame's frame object, if it had one then, or NULL */
} TbObj;

extern Type vm_tb_type;

/* A "frame" object standing for a frame of code: only f_code is supported
 * (tb_frame, gi_frame); its other attributes say "not supported yet". */
Obj *vm_frame_snapshot(struct VmCode *code, int lasti) LS_MUST_CHECK;
/* A frame object for a live frame: globals, locals and back (the caller's
 * frame object) may be NULL (unknown); all borrowed. */
Obj *vm_frame_snap_new(struct VmCode *code, int lasti, Obj *globals, Obj *locals,
                       Obj *back) LS_MUST_CHECK;

/* The thread state's exception fields. */
typedef struct ExcState {
    Obj *pending;           /* the exception being raised, or NULL */
    Obj *handled;           /* sys.exc_info()'s exception (innermost except block) or NULL */
} ExcState;
extern ExcState vm_exc;

/* Raise an instance of t with args (msg,).  Always returns NULL. */
Obj *vm_err_str(Type *t, const char *msg);
Obj *vm_err_fmt(Type *t, const char *fmt, ...) LS_PRINTF(2, 3);
/* Raise exc (an instance or a class); steals nothing. */
Obj *vm_err_set(Obj *exc);
/* Raise KeyError(key) etc.: an instance of t with args (v,). */
Obj *vm_err_obj(Type *t, Obj *v);
static inline bool vm_err_occurred(void) { return vm_exc.pending != NULL; }
/* Take the pending exception (a new reference), leaving none. */
Obj *vm_err_fetch(void);
/* Make exc (a reference, stolen) pending again. */
void vm_err_restore(Obj *exc);
void vm_err_clear(void);
/* Is the pending exception an instance of t? */
bool vm_err_matches(Type *t);
Obj *vm_err_nomem(void);

/* Add a traceback entry for (code, lasti) to exc (outermost first). */
void vm_tb_add(Obj *exc, struct VmCode *code, int lasti, Obj *globals, Obj *fobj);
/* Whether code stands for CPython's C code ("<frozen NAME>" halves of
 * built-in modules, pyrun's -m start): its frames stay out of tracebacks,
 * f_back chains and sys._getframe(). */
bool vm_hidden_code(struct VmCode *code);
/* CPython's RuntimeWarning for a coroutine dropped before it ran, on
 * stderr, once per location. */
void vm_warn_unawaited(const char *qualname);

/* Make an instance of exception class t from args. */
Obj *vm_exc_new(Type *t, Obj *const *args, size_t nargs) LS_MUST_CHECK;
/* The OSError subclass for an errno value (PEP 3151), or OSError. */
Type *vm_oserror_type(int err);

/* Print exc with its chain and traceback on stderr as CPython's
 * sys.excepthook; flushes stdout first. */
void vm_print_exception(Obj *exc);
/* The same text, appended to out; chain false: without the exceptions
 * it was raised from or while handling (sys.unraisablehook, unraisable.c). */
struct Buf;
void vm_format_exception(struct Buf *out, Obj *exc, bool chain);

void vm_exc_init(void);

#endif
