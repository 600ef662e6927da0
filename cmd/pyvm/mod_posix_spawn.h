/* cmd/pyvm/mod_posix_spawn.h: os.posix_spawn and os.posix_spawnp.
 *
 * Stage: pyvm.  mod_posix_ext.c adds them (and POSIX_SPAWN_OPEN, _CLOSE,
 * _DUP2: 0, 1, 2) to the posix module.
 */
#ifndef VM_MOD_POSIX_SPAWN_H
#define VM_MOD_POSIX_SPAWN_H

#include "cmd/pyvm/object.h"

Obj *vm_posix_spawn(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;
Obj *vm_posix_spawnp(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;

#endif
