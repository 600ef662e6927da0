/* cmd/pyvm/builtins.h: the builtins namespace (functions, types, exception
 * classes) and the iterator types behind enumerate/zip/map/filter/reversed.
 *
 * Stage: pyvm.
 */
#ifndef VM_BUILTINS_H
#define VM_BUILTINS_H

#include "cmd/pyvm/object.h"

/* A new dict holding every builtin name. */
Obj *vm_builtins_new(void) LS_MUST_CHECK;

/* dir(o)'s names before sorting, ignoring any __dir__: o's __dict__ and
 * its class's (for a class, its own) MRO dicts. New list; NULL on error. */
Obj *vm_dir_default(Obj *o) LS_MUST_CHECK;
/* type.__instancecheck__ and type.__subclasscheck__: isinstance() and
 * issubclass() without the metaclass hook (class.c installs them). */
Obj *vm_type_instancecheck(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *vm_type_subclasscheck(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);

#endif
