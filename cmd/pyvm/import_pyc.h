/* cmd/pyvm/import_pyc.h: code objects as the bytes of formats/code.md, for
 * the .pyc files of py_compile/compileall and SourcelessFileLoader.
 *
 * Stage: pyvm.
 */
#ifndef VM_IMPORT_PYC_H
#define VM_IMPORT_PYC_H

#include <stddef.h>
#include "cmd/pyvm/func.h"

/* The binary code object of code (a new bytes); NULL with ValueError
 * when a constant cannot be written. */
Obj *vm_code_to_bytes(const VmCode *code) LS_MUST_CHECK;

/* The code object in data (as vm_code_to_bytes writes it); NULL with
 * ValueError when it does not verify. */
VmCode *vm_code_from_bytes(const char *data, size_t len) LS_MUST_CHECK;

/* Set co_filename of code and of every code object nested in it
 * (_imp._fix_co_filename). */
void vm_code_set_filename(VmCode *code, Obj *filename);

#endif
