/* cmd/pyvm/mod_math.c: the built-in module math.
 *
 * Stage: pyvm.  Domain and range errors as CPython: ValueError("math
 * domain error"), OverflowError("math range error").
 */
#include "cmd/pyvm/module.h"

#include <errno.h>
#include <math.h>

#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

static int to_double(Obj *o, double *out)
{
    if (FLOAT_CHECK(o)) {
        *out = FLOAT_VAL(o);
        return 0;
    }
    if (INT_CHECK(o))
        return vm_int_as_double(o, out);
    vm_err_fmt(&vm_exc_TypeError, "must be real number, not %s", vm_tname(o));
    return -1;
}

/* A one-argument float function with CPython's error rules. */
static Obj *unary(Obj *const *args, size_t nargs, Obj *kwnames, const char *name,
                  double (*fn)(double), bool can_overflow)
{
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, 1, 1) < 0)
        return NULL;
    double x;
    if (to_double(args[0], &x) < 0)
        return NULL;
    errno = 0;
    double r = fn(x);
    if (isnan(r) && !isnan(x))
        return vm_err_str(&vm_exc_ValueError, "math domain error");
    if (isinf(r) && isfinite(x)) {
        if (can_overflow)
            return vm_err_str(&vm_exc_OverflowError, "math range error");
        return vm_err_str(&vm_exc_ValueError, "math domain error");
    }
    return vm_float_new(r);
}

#define UNARY(cname, fn, ovf) \
    static Obj *m_##cname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { return unary(args, nargs, kwnames, #cname, fn, ovf); }

UNARY(sqrt, sqrt, false)
UNARY(exp, exp, true)
UNARY(sin, sin, false)
UNARY(cos, cos, false)
UNARY(tan, tan, false)
UNARY(asin, asin, false)
UNARY(acos, acos, false)
UNARY(atan, atan, false)
UNARY(sinh, sinh, true)
UNARY(cosh, cosh, true)
UNARY(tanh, tanh, false)
UNARY(fabs, fabs, false)
UNARY(log2, log2, false)
UNARY(log10, log10, false)

static Obj *m_log(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("log", kwnames) < 0 || vm_argc("log", nargs, 1, 2) < 0)
        return NULL;
    double x, b = 0;
    if (to_double(args[0], &x) < 0)
        return NULL;
    if (x <= 0)
        return vm_err_str(&vm_exc_ValueError, "math domain error");
    double r = log(x);
    if (nargs == 2) {
        if (to_double(args[1], &b) < 0)
            return NULL;
        if (b <= 0)
            return vm_err_str(&vm_exc_ValueError, "math domain error");
        if (b == 1)
            return vm_err_str(&vm_exc_ZeroDivisionError, "float division by zero");
        r = r / log(b);
    }
    return vm_float_new(r);
}

static Obj *round_to_int(Obj *const *args, size_t nargs, Obj *kwnames, const char *name,
                         double (*fn)(double))
{
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, 1, 1) < 0)
        return NULL;
    if (INT_CHECK(args[0]))
        return vm_unary(args[0], UN_POS);
    double x;
    if (to_double(args[0], &x) < 0)
        return NULL;
    return vm_int_from_double(fn(x));
}

static Obj *m_floor(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return round_to_int(args, nargs, kwnames, "floor", floor);
}

static Obj *m_ceil(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return round_to_int(args, nargs, kwnames, "ceil", ceil);
}

static Obj *m_trunc(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return round_to_int(args, nargs, kwnames, "trunc", trunc);
}

static Obj *binary(Obj *const *args, size_t nargs, Obj *kwnames, const char *name,
                   double (*fn)(double, double))
{
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, 2, 2) < 0)
        return NULL;
    double x, y;
    if (to_double(args[0], &x) < 0 || to_double(args[1], &y) < 0)
        return NULL;
    double r = fn(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return vm_err_str(&vm_exc_ValueError, "math domain error");
    if (isinf(r) && isfinite(x) && isfinite(y))
        return vm_err_str(&vm_exc_OverflowError, "math range error");
    return vm_float_new(r);
}

static Obj *m_pow(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return binary(args, nargs, kwnames, "pow", pow);
}

static Obj *m_atan2(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return binary(args, nargs, kwnames, "atan2", atan2);
}

static Obj *m_hypot(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return binary(args, nargs, kwnames, "hypot", hypot);
}

static Obj *m_copysign(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return binary(args, nargs, kwnames, "copysign", copysign);
}

static Obj *m_fmod(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return binary(args, nargs, kwnames, "fmod", fmod);
}

static Obj *pred(Obj *const *args, size_t nargs, const char *name, int which)
{
    if (vm_argc(name, nargs, 1, 1) < 0)
        return NULL;
    double x;
    if (to_double(args[0], &x) < 0)
        return NULL;
    return VM_BOOL(which == 0 ? isinf(x) : which == 1 ? isnan(x) : isfinite(x));
}

static Obj *m_isinf(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pred(args, nargs, "isinf", 0);
}

static Obj *m_isnan(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pred(args, nargs, "isnan", 1);
}

static Obj *m_isfinite(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pred(args, nargs, "isfinite", 2);
}

static Obj *int_arg(Obj *o, const char *name)
{
    if (!INT_CHECK(o))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          vm_tname(o));
    return o;
}

static Obj *m_gcd(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("gcd", kwnames) < 0)
        return NULL;
    Obj *g = vm_int_from_i64(0);
    for (size_t i = 0; i < nargs; i++) {
        if (!int_arg(args[i], "gcd")) {
            DECREF(g);
            return NULL;
        }
        Obj *a = vm_newref(g), *b = vm_newref(args[i]);
        /* Euclid on absolute values */
        Obj *zero = vm_int_from_i64(0);
        if (vm_int_cmp(b, zero) < 0) {
            Obj *nb = vm_unary(b, UN_NEG);
            DECREF(b);
            b = nb;
        }
        while (vm_int_cmp(b, zero) != 0) {
            Obj *r = vm_binop(a, b, NB_REMAINDER);
            DECREF(a);
            a = b;
            b = r;
        }
        DECREF(b);
        DECREF(zero);
        DECREF(g);
        g = a;
    }
    return g;
}

static Obj *m_factorial(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("factorial", kwnames) < 0 || vm_argc("factorial", nargs, 1, 1) < 0)
        return NULL;
    if (!INT_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          vm_tname(args[0]));
    int64_t n;
    if (vm_int_as_i64(args[0], &n) < 0)
        return NULL;
    if (n < 0)
        return vm_err_str(&vm_exc_ValueError, "factorial() not defined for negative values");
    Obj *r = vm_int_from_i64(1);
    for (int64_t i = 2; i <= n && r; i++) {
        Obj *k = vm_int_from_i64(i);
        Obj *t = vm_binop(r, k, NB_MULTIPLY);
        DECREF(k);
        DECREF(r);
        r = t;
    }
    return r;
}

static Obj *m_isqrt(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("isqrt", kwnames) < 0 || vm_argc("isqrt", nargs, 1, 1) < 0)
        return NULL;
    Obj *n = args[0];
    if (!int_arg(n, "isqrt"))
        return NULL;
    Obj *zero = vm_int_from_i64(0);
    int c = vm_int_cmp(n, zero);
    DECREF(zero);
    if (c < 0)
        return vm_err_str(&vm_exc_ValueError, "isqrt() argument must be nonnegative");
    if (c == 0)
        return vm_int_from_i64(0);
    /* Newton from a power of two above the root */
    int64_t bits = vm_int_bit_length(n);
    Obj *one = vm_int_from_i64(1), *sh = vm_int_from_i64((bits + 1) / 2 + 1);
    Obj *x = vm_binop(one, sh, NB_LSHIFT);
    DECREF(sh);
    for (;;) {
        Obj *q = vm_binop(n, x, NB_FLOOR_DIVIDE);
        Obj *s = vm_binop(x, q, NB_ADD);
        DECREF(q);
        Obj *y = vm_binop(s, one, NB_RSHIFT);
        DECREF(s);
        if (vm_int_cmp(y, x) >= 0) {
            DECREF(y);
            break;
        }
        DECREF(x);
        x = y;
    }
    DECREF(one);
    return x;
}

static Obj *m_isclose(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0, npos = nargs - nkw;
    if (npos != 2)
        return vm_err_fmt(&vm_exc_TypeError, "isclose() takes exactly 2 positional arguments "
                          "(%zu given)", npos);
    double a, b, rel = 1e-9, abs_tol = 0;
    if (to_double(args[0], &a) < 0 || to_double(args[1], &b) < 0)
        return NULL;
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        double *dst = vm_str_eqc(kn, "rel_tol") ? &rel : vm_str_eqc(kn, "abs_tol") ? &abs_tol
                                                                                   : NULL;
        if (!dst)
            return vm_err_fmt(&vm_exc_TypeError, "isclose() got an unexpected keyword argument "
                              "'%s'", STR_DATA(kn));
        if (to_double(args[npos + k], dst) < 0)
            return NULL;
    }
    if (a == b)
        return VM_BOOL(true);
    if (isinf(a) || isinf(b))
        return VM_BOOL(false);
    double diff = fabs(b - a);
    return VM_BOOL((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || (diff <= abs_tol));
}

static Obj *m_degrees(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("degrees", nargs, 1, 1) < 0)
        return NULL;
    double x;
    if (to_double(args[0], &x) < 0)
        return NULL;
    return vm_float_new(x * (180.0 / M_PI));
}

static Obj *m_radians(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("radians", nargs, 1, 1) < 0)
        return NULL;
    double x;
    if (to_double(args[0], &x) < 0)
        return NULL;
    return vm_float_new(x * (M_PI / 180.0));
}

static Obj *m_prod(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("prod", nargs, 1, 1) < 0)
        return NULL;
    Obj *it = vm_iter(args[0]);
    if (!it)
        return NULL;
    Obj *acc = vm_int_from_i64(1), *x;
    while ((x = vm_next(it)) != NULL) {
        Obj *t = vm_binop(acc, x, NB_MULTIPLY);
        DECREF(x);
        DECREF(acc);
        if (!(acc = t)) {
            DECREF(it);
            return NULL;
        }
    }
    DECREF(it);
    if (vm_err_occurred()) {
        DECREF(acc);
        return NULL;
    }
    return acc;
}

Obj *vm_mod_math(void)
{
    Obj *m = vm_module_new("math");
    if (!m)
        return NULL;
    static const struct { const char *name; CFunc fn; } funcs[] = {
        {"sqrt", m_sqrt}, {"exp", m_exp}, {"sin", m_sin}, {"cos", m_cos}, {"tan", m_tan},
        {"asin", m_asin}, {"acos", m_acos}, {"atan", m_atan}, {"sinh", m_sinh},
        {"cosh", m_cosh}, {"tanh", m_tanh}, {"fabs", m_fabs}, {"log2", m_log2},
        {"log10", m_log10}, {"log", m_log}, {"floor", m_floor}, {"ceil", m_ceil},
        {"trunc", m_trunc}, {"pow", m_pow}, {"atan2", m_atan2}, {"hypot", m_hypot},
        {"copysign", m_copysign}, {"fmod", m_fmod}, {"isinf", m_isinf}, {"isnan", m_isnan},
        {"isfinite", m_isfinite}, {"gcd", m_gcd}, {"factorial", m_factorial},
        {"isqrt", m_isqrt}, {"isclose", m_isclose}, {"degrees", m_degrees},
        {"radians", m_radians}, {"prod", m_prod},
    };
    for (size_t i = 0; i < sizeof funcs / sizeof *funcs; i++)
        vm_module_add_func(m, funcs[i].name, funcs[i].fn);
    static const struct { const char *name; double v; } consts[] = {
        {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN},
    };
    for (size_t i = 0; i < sizeof consts / sizeof *consts; i++) {
        Obj *f = vm_float_new(consts[i].v);
        vm_module_add(m, consts[i].name, f);
        DECREF(f);
    }
    return m;
}
