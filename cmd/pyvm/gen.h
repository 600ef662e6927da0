/* cmd/pyvm/gen.h: generators and coroutines: a suspended frame of their
 * own, resumed by next()/send()/throw()/close(), `yield from` and `await`.
 *
 * Stage: pyvm.
 */
#ifndef VM_GEN_H
#define VM_GEN_H

#include "cmd/pyvm/func.h"
#include "cmd/pyvm/object.h"

extern Type vm_gen_type, vm_coro_type;

/* Call a generator (or coroutine) function: bind the arguments into a new
 * suspended frame and return the generator object. */
Obj *vm_gen_new(FuncObj *fn, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;
/* SEND: resume receiver with v: 1 it yielded *out, 0 it returned *out,
 * -1 an error. */
int vm_gen_send_any(Obj *receiver, Obj *v, Obj **out) LS_MUST_CHECK;
/* GET_AWAITABLE: the iterator `await o` drives. */
Obj *vm_get_awaitable(Obj *o) LS_MUST_CHECK;

/* GET_AITER: o.__aiter__(), checked to have __anext__ (CPython's TypeErrors). */
Obj *vm_get_aiter(Obj *o) LS_MUST_CHECK;
/* GET_ANEXT: the awaitable of aiter.__anext__(). */
Obj *vm_get_anext(Obj *aiter) LS_MUST_CHECK;
/* ASYNC_GEN_WRAP: mark v (stolen) as an async generator's yielded value. */
Obj *vm_async_gen_wrap(Obj *v);
/* builtins aiter(x) and anext(it[, default]) */
Obj *vm_builtin_aiter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;
Obj *vm_builtin_anext(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;
/* sys.set_asyncgen_hooks(firstiter=, finalizer=) and
 * sys.get_asyncgen_hooks(): the hooks an event loop installs (asyncio's
 * shutdown_asyncgens); an async generator calls firstiter on its first
 * iteration and, dying unfinished, the finalizer instead of closing. */
Obj *vm_sys_set_asyncgen_hooks(Obj *self, Obj *const *args, size_t nargs,
                               Obj *kwnames) LS_MUST_CHECK;
Obj *vm_sys_get_asyncgen_hooks(Obj *self, Obj *const *args, size_t nargs,
                               Obj *kwnames) LS_MUST_CHECK;
/* Set up the async generator types; once, at start-up. */
void vm_gen_types_init(void);

#endif
