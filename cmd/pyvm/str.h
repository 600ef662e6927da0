/* cmd/pyvm/str.h: str: immutable UTF-8 text with its length in code points
 * and a cached hash; identifiers and constants are interned.
 *
 * Stage: pyvm.  Strings hold valid (generalized) UTF-8; indexing is O(1) when
 * the string is ASCII (ulen == len) and a scan otherwise.
 */
#ifndef VM_STR_H
#define VM_STR_H

#include "cmd/pyvm/object.h"

typedef struct StrObj {
    Obj ob;
    ssize_t len;            /* length in bytes */
    ssize_t ulen;           /* length in code points */
    int64_t hash;           /* cached hash, -1 until computed */
    bool interned;          /* in the intern table (its owner) */
    char s[];               /* the bytes, NUL-terminated */
} StrObj;

extern Type vm_str_type;

#define STR_CHECK(o) HAS_FLAG(o, TF_STR)
#define STR_DATA(o) (((StrObj *)(o))->s)
#define STR_LEN(o) (((StrObj *)(o))->len)

/* A new str from UTF-8 bytes (not validated: the caller guarantees it). */
Obj *vm_str_new(const char *s, size_t len) LS_MUST_CHECK;
Obj *vm_str_cstr(const char *s) LS_MUST_CHECK;
/* The interned str for s (a new reference). */
Obj *vm_str_intern(const char *s, size_t len);
Obj *vm_str_concat(Obj *a, Obj *b) LS_MUST_CHECK;
/* repr() of a str into a new str. */
Obj *vm_str_repr(Obj *o) LS_MUST_CHECK;
bool vm_str_eq(Obj *a, Obj *b);
/* Does o (a str) equal the C string s? */
bool vm_str_eqc(Obj *o, const char *s);
/* ascii(o): repr() with non-ASCII characters escaped. */
Obj *vm_ascii(Obj *o) LS_MUST_CHECK;
/* Join items (str objects) with sep between them. */
Obj *vm_str_join(Obj *sep, Obj *const *items, size_t n) LS_MUST_CHECK;

/* str.maketrans(x[, y[, z]]), installed as a static method by class.c. */
Obj *vm_str_maketrans(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;

void vm_str_init(void);

#endif
