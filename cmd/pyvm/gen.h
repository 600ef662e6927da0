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

#endif
