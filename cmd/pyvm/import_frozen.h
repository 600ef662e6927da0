/* cmd/pyvm/import_frozen.h: built-in modules written in Python: their
 * source is a C string compiled by the in-process front end when the
 * module is first imported (CPython's frozen modules, as source).
 *
 * Stage: pyvm.
 */
#ifndef VM_IMPORT_FROZEN_H
#define VM_IMPORT_FROZEN_H

#include "cmd/pyvm/object.h"

/* A module called name made by running src (its __file__ is not set;
 * tracebacks name the code "<frozen NAME>"). */
Obj *vm_frozen_module(const char *name, const char *src) LS_MUST_CHECK;
/* Run src in the namespace of the module mod (a C module's Python half);
 * -1 with the exception pending. */
int vm_frozen_exec(Obj *mod, const char *name, const char *src) LS_MUST_CHECK;

#endif
