/* cmd/pyvm/import_exec.h: the builtins exec, eval, compile and __import__,
 * and the small built-in modules of the import system (builtins, _imp,
 * importlib with the importlib.machinery names inspect reads).
 *
 * Stage: pyvm.
 */
#ifndef VM_IMPORT_EXEC_H
#define VM_IMPORT_EXEC_H

#include "cmd/pyvm/object.h"

Obj *vm_bi_exec(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *vm_bi_eval(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *vm_bi_compile(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *vm_bi_import(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);

#endif
