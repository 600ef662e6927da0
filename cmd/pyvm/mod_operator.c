/* cmd/pyvm/mod_operator.c: the built-in module _operator, so far only
 * index() and _compare_digest() (hmac).
 *
 * Stage: pyvm.  The pure-Python operator.py defines every function and
 * then takes what _operator has ("from _operator import *"); its own
 * index() calls a.__index__() and so raises AttributeError where
 * CPython's raises TypeError ("'str' object cannot be interpreted as an
 * integer"), which random.randrange() and others rely on.
 */
#include "cmd/pyvm/module.h"

#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"

/* index(a): a.__index__(), TypeError when a has none. */
static Obj *op_index(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("index", kwnames) < 0 || vm_argc("index", nargs, 1, 1) < 0)
        return NULL;
    return vm_number_index(args[0]);
}

/* _compare_digest(a, b): a == b for two ASCII strs or two bytes-like
 * objects, looking at every byte whatever the answer (hmac.compare_digest;
 * mv's addition). */
static Obj *op_compare_digest(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("_compare_digest", kwnames) < 0 || vm_argc("_compare_digest", nargs, 2, 2) < 0)
        return NULL;
    const char *p[2];
    size_t n[2];
    bool strs = STR_CHECK(args[0]) && STR_CHECK(args[1]);
    for (int i = 0; i < 2; i++) {
        if (strs) {
            p[i] = STR_DATA(args[i]);
            n[i] = (size_t)STR_LEN(args[i]);
            for (size_t k = 0; k < n[i]; k++)
                if ((unsigned char)p[i][k] >= 0x80)
                    return vm_err_str(&vm_exc_TypeError, "comparing strings with non-ASCII "
                                      "characters is not supported");
        } else if (STR_CHECK(args[i]) || !vm_bytes_buffer(args[i], &p[i], &n[i])) {
            return vm_err_fmt(&vm_exc_TypeError, "unsupported operand types(s) or combination "
                              "of types: '%s' and '%s'", vm_tname(args[0]), vm_tname(args[1]));
        }
    }
    /* over b's length always, so the time does not tell where a differs */
    unsigned diff = n[0] != n[1];
    const char *a = n[0] == n[1] ? p[0] : p[1];
    for (size_t k = 0; k < n[1]; k++)
        diff |= (unsigned)(unsigned char)(a[k] ^ p[1][k]);
    return VM_BOOL(diff == 0);
}

Obj *vm_mod__operator(void)
{
    Obj *m = vm_module_new("_operator");
    if (!m)
        return NULL;
    vm_module_add_func(m, "index", op_index);
    vm_module_add_func(m, "_compare_digest", op_compare_digest);
    return m;
}
