/* cmd/pyvm/bytesmeth.h: the methods bytes and bytearray share (find, split,
 * strip, replace, the ASCII case mappings and predicates, hex, ...).
 *
 * Stage: pyvm.  Each works on the bytes of self (a bytes or a bytearray)
 * and makes results of self's type, as CPython does.
 */
#ifndef VM_BYTESMETH_H
#define VM_BYTESMETH_H

#include "cmd/pyvm/object.h"

/* The shared methods, once: X(name) defines vm_bm_<name>. */
#define VM_BYTES_COMMON(X)                                                       \
    X(capitalize) X(center) X(count) X(decode) X(endswith) X(expandtabs) X(find) \
    X(hex) X(index) X(isalnum) X(isalpha) X(isascii) X(isdigit) X(islower)      \
    X(isspace) X(istitle) X(isupper) X(join) X(ljust) X(lower) X(lstrip)        \
    X(partition) X(removeprefix) X(removesuffix) X(replace) X(rfind) X(rindex)  \
    X(rjust) X(rpartition) X(rsplit) X(rstrip) X(split) X(splitlines)           \
    X(startswith) X(strip) X(swapcase) X(title) X(translate) X(upper) X(zfill)

#define VM_BM_DECL(NAME) \
    Obj *vm_bm_##NAME(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;
VM_BYTES_COMMON(VM_BM_DECL)
#undef VM_BM_DECL

/* bytes.maketrans(frm, to) and bytes.fromhex / bytearray.fromhex (class
 * methods: args[0] is the class). */
Obj *vm_bytes_maketrans(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;
Obj *vm_bytearray_maketrans(Obj *self, Obj *const *args, size_t nargs,
                            Obj *kwnames) LS_MUST_CHECK;
Obj *vm_bytearray_fromhex(Obj *cls, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;

#endif
