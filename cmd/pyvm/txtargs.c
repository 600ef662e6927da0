/* cmd/pyvm/txtargs.c: argument parsing for the str, bytes and bytearray
 * methods (see txtargs.h).
 *
 * Stage: pyvm.
 */
#include "cmd/pyvm/txtargs.h"

#include <string.h>

#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

int vm_txt_args(const char *tname, const char *name, TxtArgKind kind, Obj *const *args,
                size_t nargs, Obj *kwnames, size_t min, size_t max,
                const char *const *kwlist, Obj **out)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    size_t npos = nargs - nkw;
    Obj *tmp[4];
    if (!out)
        out = tmp;
    for (size_t i = 0; i < max; i++)
        out[i] = NULL;
    if (nkw && kind != TA_KW) {
        if (kind == TA_OLD)
            vm_err_fmt(&vm_exc_TypeError, "%s() takes no keyword arguments", name);
        else
            vm_err_fmt(&vm_exc_TypeError, "%s.%s() takes no keyword arguments", tname, name);
        return -1;
    }
    switch (kind) {
    case TA_NOARGS:
        if (npos)
            goto none;
        return 0;
    case TA_ONE:
        if (npos != 1) {
            vm_err_fmt(&vm_exc_TypeError, "%s.%s() takes exactly one argument (%zu given)",
                       tname, name, npos);
            return -1;
        }
        break;
    case TA_POS:
        if (min == max && npos != min) {
            vm_err_fmt(&vm_exc_TypeError, "%s expected %zu argument%s, got %zu", name, min,
                       min == 1 ? "" : "s", npos);
            return -1;
        }
        if (npos < min) {
            vm_err_fmt(&vm_exc_TypeError, "%s expected at least %zu argument%s, got %zu", name,
                       min, min == 1 ? "" : "s", npos);
            return -1;
        }
        if (npos > max) {
            vm_err_fmt(&vm_exc_TypeError, "%s expected at most %zu argument%s, got %zu", name,
                       max, max == 1 ? "" : "s", npos);
            return -1;
        }
        break;
    case TA_OLD:
        if (npos < min || npos > max) {
            vm_err_fmt(&vm_exc_TypeError, "%s() takes at %s %zu argument%s (%zu given)", name,
                       npos < min ? "least" : "most", npos < min ? min : max,
                       (npos < min ? min : max) == 1 ? "" : "s", npos);
            return -1;
        }
        break;
    case TA_KW:
        /* positional-only parameters (named "") that are required */
        for (size_t i = npos; i < min && kwlist[i]; i++)
            if (!kwlist[i][0]) {
                vm_err_fmt(&vm_exc_TypeError, "%s() takes at least %zu positional argument%s "
                           "(%zu given)", name, min, min == 1 ? "" : "s", npos);
                return -1;
            }
        if (nargs > max) {
            vm_err_fmt(&vm_exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", name,
                       max, max == 1 ? "" : "s", nargs);
            return -1;
        }
        break;
    }
    for (size_t i = 0; i < npos; i++)
        out[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        size_t i;
        for (i = 0; i < max && kwlist[i]; i++)
            if (vm_str_eqc(kn, kwlist[i]))
                break;
        if (i >= max || !kwlist[i]) {
            vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                       STR_DATA(kn), name);
            return -1;
        }
        if (out[i]) {
            vm_err_fmt(&vm_exc_TypeError,
                       "argument for %s() given by name ('%s') and position (%zu)", name,
                       kwlist[i], i + 1);
            return -1;
        }
        out[i] = args[npos + k];
    }
    if (kind == TA_KW)
        for (size_t i = 0; i < min; i++)
            if (!out[i]) {
                vm_err_fmt(&vm_exc_TypeError, "%s() missing required argument '%s' (pos %zu)",
                           name, kwlist[i], i + 1);
                return -1;
            }
    return 0;
none:
    vm_err_fmt(&vm_exc_TypeError, "%s.%s() takes no arguments (%zu given)", tname, name, npos);
    return -1;
}

/* The sign of a big int that did not fit in int64_t. */
static int big_sign(Obj *o)
{
    Obj *zero = vm_int_from_i64(0);
    int c = vm_int_cmp(o, zero);
    DECREF(zero);
    return c;
}

int vm_txt_ssize(Obj *o, int64_t *out)
{
    Obj *i = vm_number_index(o);
    if (!i)
        return -1;
    int rc = 0;
    if (INT_IS_SMALL(i)) {
        *out = INT_SMALL(i);
    } else {
        vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C ssize_t");
        rc = -1;
    }
    DECREF(i);
    return rc;
}

int vm_txt_slice_index(Obj *o, int64_t *out)
{
    if (!o || o == VM_NONE)
        return 0;
    if (!INT_CHECK(o) && !(TYPE(o)->flags & TF_HEAP)) {
        vm_err_str(&vm_exc_TypeError,
                   "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    Obj *i = vm_number_index(o);
    if (!i) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_str(&vm_exc_TypeError,
                       "slice indices must be integers or None or have an __index__ method");
        }
        return -1;
    }
    if (INT_IS_SMALL(i))
        *out = INT_SMALL(i);
    else
        *out = big_sign(i) < 0 ? -INT64_MAX : INT64_MAX;
    DECREF(i);
    return 0;
}

int vm_txt_repeat_count(Obj *n, bool strict, int64_t *out)
{
    Obj *i;
    if (INT_CHECK(n)) {
        i = vm_newref(n);
    } else {
        static Obj *index_name;
        if (!index_name)
            index_name = vm_str_intern("__index__", 9);
        if (!strict && !((TYPE(n)->flags & TF_HEAP) && vm_type_lookup(TYPE(n), index_name)))
            return 0;
        if (!(i = vm_number_index(n)))
            return -1;
    }
    int rc = 1;
    if (INT_IS_SMALL(i)) {
        *out = INT_SMALL(i) < 0 ? 0 : INT_SMALL(i);
    } else {
        vm_err_str(&vm_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        rc = -1;
    }
    DECREF(i);
    return rc;
}
