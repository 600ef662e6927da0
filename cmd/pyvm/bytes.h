/* cmd/pyvm/bytes.h: bytes, an immutable sequence of byte values.
 *
 * Stage: pyvm.
 */
#ifndef VM_BYTES_H
#define VM_BYTES_H

#include "cmd/pyvm/object.h"

typedef struct BytesObj {
    Obj ob;
    ssize_t len;            /* number of bytes */
    int64_t hash;           /* cached hash, -1 until computed */
    char s[];               /* the bytes (NUL after them) */
} BytesObj;

extern Type vm_bytes_type;

/* bytes or a class derived from it */
#define BYTES_CHECK(o) (TYPE(o) == &vm_bytes_type \
    || ((TYPE(o)->flags & TF_HEAP) && vm_is_subtype(TYPE(o), &vm_bytes_type)))

Obj *vm_bytes_new(const char *s, size_t len) LS_MUST_CHECK;
/* The encoding and errors arguments of encode()/decode() (NULL when absent);
 * TypeError when not strs. */
int vm_codec_args(const char *name, Obj *const *args, size_t nargs, Obj *kwnames, Obj **enc,
                  Obj **errors) LS_MUST_CHECK;
/* str.encode(encoding='utf-8', errors='strict'). */
Obj *vm_str_encode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;

/* bytes.fromhex(string), installed as a class method by class.c. */
Obj *vm_bytes_fromhex(Obj *cls, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;

#endif
