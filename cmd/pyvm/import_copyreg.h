/* cmd/pyvm/import_copyreg.h: object.__reduce_ex__, object.__reduce__ and
 * object.__getstate__ (the copy and pickle protocols' defaults), which
 * build on the pure-Python copyreg module.
 *
 * Stage: pyvm.
 */
#ifndef VM_IMPORT_COPYREG_H
#define VM_IMPORT_COPYREG_H

#include "cmd/pyvm/object.h"

Obj *vm_object_reduce_ex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *vm_object_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *vm_object_getstate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);

#endif
