/* cmd/pyvm/mod_importlib.h: the Python half of the built-in importlib
 * package (machinery, util, abc, resources).
 *
 * Stage: pyvm.
 */
#ifndef VM_MOD_IMPORTLIB_H
#define VM_MOD_IMPORTLIB_H

#include "cmd/pyvm/object.h"

/* Run importlib.machinery's classes in mach and make importlib.util,
 * importlib.abc and importlib.resources (submodules of pkg, entered in
 * sys.modules).  -1 with the exception pending. */
int vm_importlib_add_python(Obj *pkg, Obj *mach) LS_MUST_CHECK;

#endif
