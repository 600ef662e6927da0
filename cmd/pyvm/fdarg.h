/* cmd/pyvm/fdarg.h: argument helpers shared by the POSIX modules of
 * mod_fcntl.c, mod_termios.c, mod_mmap.c and mod_posix_ext.c: a file
 * descriptor (an int or an object's fileno()) and C ints with CPython's
 * range errors.
 *
 * Stage: pyvm.
 */
#ifndef VM_FDARG_H
#define VM_FDARG_H

#include "cmd/pyvm/object.h"

/* PyObject_AsFileDescriptor: an int, or what o.fileno() returns; a
 * negative one is ValueError "file descriptor cannot be a negative
 * integer (-1)".  -1 with the exception. */
int vm_fd_arg(Obj *o, int *out) LS_MUST_CHECK;
/* An int argument into a C int ("i"): TypeError for a non-int,
 * OverflowError "Python int too large to convert to C int". */
int vm_cint_arg(Obj *o, int *out) LS_MUST_CHECK;
/* An int argument into an int64_t ("l"/"L"): OverflowError "Python int
 * too large to convert to C long" when it does not fit. */
int vm_clong_arg(Obj *o, int64_t *out) LS_MUST_CHECK;

/* An int's low 64 bits, two's complement ("k": no range check). */
uint64_t vm_int_low_bits(Obj *o);

#endif
