/* cmd/pyvm/fileio.h: open() and the file objects it returns (the io
 * module's TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom).
 *
 * Stage: pyvm.  A file object owns a POSIX descriptor with its own read
 * and write buffers; text files decode (utf-8, latin-1, ascii) and
 * translate newlines as CPython's io module does.
 */
#ifndef VM_FILEIO_H
#define VM_FILEIO_H

#include "cmd/pyvm/object.h"

/* The builtin open(file, mode='r', buffering=-1, encoding=None,
 * errors=None, newline=None, closefd=True, opener=None). */
Obj *vm_open(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;

/* io.UnsupportedOperation (a class derived from OSError and ValueError),
 * created on first use; borrowed. */
Obj *vm_io_unsupported(void);

/* Raise the OSError subclass for errno err with filename (or NULL):
 * "[Errno 2] No such file or directory: 'x'".  Returns NULL. */
Obj *vm_err_errno(int err, Obj *filename);

/* The built-in module io (open, UnsupportedOperation, the file types). */
Obj *vm_mod_io(void) LS_MUST_CHECK;

#endif
