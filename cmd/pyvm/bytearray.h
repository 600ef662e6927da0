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
    char *data;             /* the bytes (malloc'd), or NULL when cap is 0 */
} ByteArrayObj;

extern Type vm_bytearray_type;

#define BYTEARRAY_CHECK(o) (TYPE(o) == &vm_bytearray_type)

Obj *vm_bytearray_new(const char *s, size_t len) LS_MUST_CHECK;
/* The bytes of a bytes or bytearray object: false for anything else. */
bool vm_bytes_buffer(Obj *o, const char **data, size_t *len);

#endif
