/* cmd/pyvm/bytearray.h: bytearray, a mutable sequence of byte values.
 *
 * Stage: pyvm.  The non-mutating methods are bytesmeth.c's, shared with
 * bytes; they return bytearrays.
 */
#ifndef VM_BYTEARRAY_H
#define VM_BYTEARRAY_H

#include "cmd/pyvm/object.h"

typedef struct ByteArrayObj {
    Obj ob;
    ssize_t len;            /* number of bytes */
    ssize_t cap;            /* allocated size of data */
    ssize_t exports;        /* live memoryviews of it (memoryview.c): while > 0 its
                               size may not change (BufferError) */
    char *data;             /* the bytes (malloc'd), or NULL when cap is 0 */
} ByteArrayObj;

extern Type vm_bytearray_type;

#define BYTEARRAY_CHECK(o) (TYPE(o) == &vm_bytearray_type)

Obj *vm_bytearray_new(const char *s, size_t len) LS_MUST_CHECK;
/* The bytes of a bytes-like object as CPython's simple buffer request
 * gives them: bytes, bytearray or a C-contiguous memoryview; false (no
 * error) for anything else, a released or a non-contiguous view. */
bool vm_bytes_buffer(Obj *o, const char **data, size_t *len);
/* As vm_bytes_buffer, and any live memoryview (its items in C order, a
 * copy): what bytes(), bytearray() and b"%b" take. */
bool vm_bytes_buffer_any(Obj *o, const char **data, size_t *len);
/* Raise the error for o that vm_bytes_buffer refused: TypeError fmt (one
 * %s: o's type name) or, for a memoryview, CPython's ValueError (released)
 * or BufferError (not C-contiguous).  Returns -1. */
int vm_bytes_buffer_error(Obj *o, const char *fmt);

#endif
