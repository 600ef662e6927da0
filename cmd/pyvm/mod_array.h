/* cmd/pyvm/mod_array.h: the built-in module array: array.array, a typed
 * sequence of C numbers (typecodes b B u h H i I l L q Q f d) that exports
 * its items as a buffer.
 *
 * Stage: pyvm.  bytearray.c's vm_bytes_buffer hands out an array's bytes
 * (bytes(a), file writes, ...); memoryview.c views an array with its
 * typecode as the format and counts the export, during which the array
 * refuses to change its size (CPython's BufferError).
 */
#ifndef VM_MOD_ARRAY_H
#define VM_MOD_ARRAY_H

#include "cmd/pyvm/object.h"

/* Is o an array.array (or an instance of a class derived from it)? */
bool vm_array_check(Obj *o);
/* An array's item bytes, its item size and typecode (a memoryview shows
 * 'u' arrays with format 'w'). */
void vm_array_buffer(Obj *o, char **data, size_t *len, ssize_t *itemsize, char *code);
/* A memoryview starts (+1) or stops (-1) exporting the array's buffer. */
void vm_array_export(Obj *o, int delta);

#endif
