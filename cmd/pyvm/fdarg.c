/* cmd/pyvm/fdarg.c: file descriptor and C int arguments for the POSIX
 * modules (fdarg.h), with CPython's TypeErrors and OverflowErrors.
 *
 * Stage: pyvm.
 */
#include "cmd/pyvm/fdarg.h"

#include <limits.h>

#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"

int vm_clong_arg(Obj *o, int64_t *out)
{
    if (!INT_CHECK(o)) {
        vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   vm_tname(o));
        return -1;
    }
    if (vm_int_as_i64(o, out) < 0) {
        if (vm_err_matches(&vm_exc_OverflowError)) {
            vm_err_clear();
            vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C long");
        }
        return -1;
    }
    return 0;
}

int vm_cint_arg(Obj *o, int *out)
{
    int64_t v;
    if (vm_clong_arg(o, &v) < 0) {
        if (vm_err_matches(&vm_exc_OverflowError)) {
            vm_err_clear();
            vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C int");
        }
        return -1;
    }
    if (v < INT_MIN || v > INT_MAX) {
        vm_err_str(&vm_exc_OverflowError, v < 0 ? "Python int too small to convert to C int"
                                                : "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

int vm_fd_arg(Obj *o, int *out)
{
    Obj *v;
    if (INT_CHECK(o)) {
        v = vm_newref(o);
    } else {
        Obj *fn = vm_getattr(o, vm_str_intern("fileno", 6));
        if (!fn) {
            vm_err_clear();
            vm_err_str(&vm_exc_TypeError, "argument must be an int, or have a fileno() method.");
            return -1;
        }
        v = vm_call(fn, NULL, 0, NULL);
        DECREF(fn);
        if (!v)
            return -1;
        if (!INT_CHECK(v)) {
            DECREF(v);
            vm_err_str(&vm_exc_TypeError, "fileno() returned a non-integer");
            return -1;
        }
    }
    /* CPython's _PyLong_AsInt: "too large" whatever the sign */
    int64_t big;
    int rc = vm_int_as_i64(v, &big);
    DECREF(v);
    if (rc < 0 || big < INT_MIN || big > INT_MAX) {
        if (rc < 0 && !vm_err_matches(&vm_exc_OverflowError))
            return -1;
        vm_err_clear();
        vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    int fd = (int)big;
    if (fd < 0) {
        vm_err_fmt(&vm_exc_ValueError, "file descriptor cannot be a negative integer (%d)", fd);
        return -1;
    }
    *out = fd;
    return 0;
}

uint64_t vm_int_low_bits(Obj *o)
{
    IntObj *i = (IntObj *)o;
    if (i->n == 0)
        return (uint64_t)i->v;
    uint64_t mag = i->d[0] | (i->n > 1 ? (uint64_t)i->d[1] << 32 : 0);
    return i->sign < 0 ? (uint64_t)0 - mag : mag;
}
