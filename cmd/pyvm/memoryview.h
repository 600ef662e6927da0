/* cmd/pyvm/memoryview.h: memoryview over bytes and bytearray, with the
 * native single-character formats, cast() to N dimensions and strided
 * 1-D slices.
 *
 * Stage: pyvm.
 */
#ifndef VM_MEMORYVIEW_H
#define VM_MEMORYVIEW_H

#include "cmd/pyvm/object.h"

extern Type vm_memoryview_type;

/* The bytes a memoryview o shows, in C order: a pointer into the exporter
 * when the view is C-contiguous, else into a copy the view keeps until the
 * next call.  False (no error pending) when o is released. */
bool vm_memoryview_buffer(Obj *o, const char **data, size_t *len);
/* Is o a live C-contiguous view (what a bytes method takes as an argument)? */
bool vm_memoryview_c_contiguous(Obj *o);

/* The bytes of a live, writable, C-contiguous view, in place (what
 * socket.recv_into writes to); false (no error pending) otherwise. */
bool vm_memoryview_writable(Obj *o, char **data, size_t *len);

#endif
