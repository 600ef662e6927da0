/* cmd/pyvm/mod_math.c: the built-in module math (every function and
 * constant of CPython 3.11's).
 *
 * Stage: pyvm.  The float functions call the C library and map its
 * results to CPython's errors as its math_1 does: a NaN from a non-NaN
 * argument is ValueError("math domain error"); an infinity from a finite
 * argument is OverflowError("math range error") for the functions that can
 * overflow, else the domain error.  log/log2/log10 of big ints work on
 * the int itself (m * 2**e, as CPython); fsum is exact (Shewchuk's partial
 * sums, rounded once); hypot and dist follow CPython 3.11's vector_norm
 * step for step, so they agree to the last bit (tests/gen/num-mathdiff.sh).
 * The integer functions (gcd, lcm, isqrt, comb, perm, factorial, prod)
 * work on arbitrary-precision ints.
 */
#include "cmd/pyvm/module.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/pyvm/class.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

static Obj *domain_error(void)
{
    return vm_err_str(&vm_exc_ValueError, "math domain error");
}

static Obj *range_error(void)
{
    return vm_err_str(&vm_exc_OverflowError, "math range error");
}

/* float(o) for a real number: float, int, or a class with __float__ or
 * __index__.  TypeError "must be real number, not X" otherwise. */
static int to_double(Obj *o, double *out)
{
    if (FLOAT_CHECK(o)) {
        *out = FLOAT_VAL(o);
        return 0;
    }
    if (INT_CHECK(o))
        return vm_int_as_double(o, out);
    if (TYPE(o)->flags & TF_HEAP) {
        bool found;
        Obj *r = vm_call_special(o, "__float__", NULL, 0, &found);
        if (!found)
            r = vm_call_special(o, "__index__", NULL, 0, &found);
        if (found) {
            if (!r)
                return -1;
            int rc = FLOAT_CHECK(r) ? (*out = FLOAT_VAL(r), 0)
                : INT_CHECK(r) ? vm_int_as_double(r, out) : -1;
            if (rc < 0 && !vm_err_occurred())
                vm_err_fmt(&vm_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                           vm_tname(o), vm_tname(r));
            DECREF(r);
            return rc;
        }
    }
    vm_err_fmt(&vm_exc_TypeError, "must be real number, not %s", vm_tname(o));
    return -1;
}

/* CPython's argument-count messages for the one- and two-argument
 * functions; -1 with TypeError. */
static int one_arg(const char *name, size_t nargs, Obj *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames)) {
        vm_err_fmt(&vm_exc_TypeError, "math.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        vm_err_fmt(&vm_exc_TypeError, "math.%s() takes exactly one argument (%zu given)", name,
                   nargs);
        return -1;
    }
    return 0;
}

static int two_args(const char *name, size_t nargs, Obj *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames)) {
        vm_err_fmt(&vm_exc_TypeError, "math.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 2) {
        vm_err_fmt(&vm_exc_TypeError, "%s expected 2 arguments, got %zu", name, nargs);
        return -1;
    }
    return 0;
}

/* An int argument (via __index__); a new reference or NULL. */
static Obj *int_arg(Obj *o)
{
    return vm_number_index(o);
}

static Obj *zero_int(void)
{
    return vm_int_from_i64(0);
}

static int sign_of(Obj *n)
{
    Obj *z = zero_int();
    int c = vm_int_cmp(n, z);
    DECREF(z);
    return c;
}

/* ---- one-argument float functions ---- */

static Obj *unary(Obj *const *args, size_t nargs, Obj *kwnames, const char *name,
                  double (*fn)(double), bool can_overflow)
{
    if (one_arg(name, nargs, kwnames) < 0)
        return NULL;
    double x;
    if (to_double(args[0], &x) < 0)
        return NULL;
    errno = 0;
    double r = fn(x);
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    return vm_float_new(r);
}

#define UNARY(cname, fn, ovf) \
    static Obj *m_##cname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { return unary(args, nargs, kwnames, #cname, fn, ovf); }

UNARY(sqrt, sqrt, false)
UNARY(exp, exp, true)
UNARY(exp2, exp2, true)
UNARY(expm1, expm1, true)
UNARY(sin, sin, false)
UNARY(cos, cos, false)
UNARY(tan, tan, false)
UNARY(asin, asin, false)
UNARY(acos, acos, false)
UNARY(atan, atan, false)
UNARY(sinh, sinh, true)
UNARY(cosh, cosh, true)
UNARY(tanh, tanh, false)
UNARY(asinh, asinh, false)
UNARY(acosh, acosh, false)
UNARY(atanh, atanh, false)
UNARY(fabs, fabs, false)
UNARY(cbrt, cbrt, false)
UNARY(erf, erf, false)
UNARY(erfc, erfc, false)
UNARY(log1p, log1p, false)

/* ---- gamma and lgamma: CPython computes these itself (a Lanczos
 * approximation with g = 6.024680040776729583740234375 and 13 terms, and
 * exact values for small integers), so the same method gives the same
 * last bits. ---- */

#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
/* the denominator: the coefficients of x(x+1)...(x+11), highest last */
static const double lanczos_den[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};

static double lanczos_sum(double x)
{
    double num = 0, den = 0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

/* sin(pi * x), exact at the multiples of 1/2 */
static double sinpi(double x)
{
    double y = fmod(fabs(x), 2.0), r;
    switch ((int)round(2.0 * y)) {
    case 0: r = sin(M_PI * y); break;
    case 1: r = cos(M_PI * (y - 0.5)); break;
    case 2: r = sin(M_PI * (1.0 - y)); break;
    case 3: r = -cos(M_PI * (y - 1.5)); break;
    default: r = sin(M_PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

/* Gamma; errno EDOM for a pole or -inf, ERANGE on overflow. */
static double gamma_of(double x)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0) {
        errno = EDOM;
        return 1.0 / x;
    }
    if (x == floor(x)) {
        if (x < 0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= 23) {      /* (x-1)! exactly */
            double f = 1;
            for (int i = 2; i < (int)x; i++)
                f *= i;
            return f;
        }
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (isinf(r))
            errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0)
            return 0.0 / sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    double y = absx + lanczos_g_minus_half, q, z, r;
    if (absx > lanczos_g_minus_half) {
        q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0) {
        r = -M_PI / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double sp = pow(y, absx / 2.0 - 0.25);
            r /= sp;
            r /= sp;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double sp = pow(y, absx / 2.0 - 0.25);
            r *= sp;
            r *= sp;
        }
    }
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double lgamma_of(double x)
{
    if (!isfinite(x))
        return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20)
        return -log(absx);
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0)
        r = log(M_PI) - log(fabs(sinpi(absx))) - log(absx) - r;
    if (isinf(r))
        errno = ERANGE;
    return r;
}

/* CPython's math_1a: errors only from errno. */
static Obj *errno_func(Obj *const *args, size_t nargs, Obj *kwnames, const char *name,
                       double (*fn)(double))
{
    if (one_arg(name, nargs, kwnames) < 0)
        return NULL;
    double x;
    if (to_double(args[0], &x) < 0)
        return NULL;
    errno = 0;
    double r = fn(x);
    if (errno == EDOM)
        return domain_error();
    if (errno == ERANGE && fabs(r) >= 1.5)
        return range_error();
    return vm_float_new(r);
}

static Obj *m_gamma(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return errno_func(args, nargs, kwnames, "gamma", gamma_of);
}

static Obj *m_lgamma(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return errno_func(args, nargs, kwnames, "lgamma", lgamma_of);
}

/* ---- logarithms ---- */

/* log of x (an int or a real) by fn, with big ints handled exactly
 * enough: x = m * 2**e, log(x) = log(m) + e * log(2). */
static int log_of(Obj *x, double (*fn)(double), double *out)
{
    if (INT_CHECK(x)) {
        if (sign_of(x) <= 0) {
            domain_error();
            return -1;
        }
        double d;
        if (vm_int_as_double(x, &d) == 0) {
            *out = fn(d);
            return 0;
        }
        /* too big for a double: x = m * 2**e with m in [0.5, 1), as
         * CPython's loghelper */
        vm_err_clear();
        int64_t e;
        d = vm_int_frexp(x, &e);
        *out = fn(d) + fn(2.0) * (double)e;
        return 0;
    }
    double d;
    if (to_double(x, &d) < 0)
        return -1;
    if (isnan(d)) {
        *out = d;
        return 0;
    }
    if (d <= 0) {
        domain_error();
        return -1;
    }
    *out = fn(d);
    return 0;
}

static Obj *m_log(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("log", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2)
        return vm_err_str(&vm_exc_TypeError, "math.log requires 1 to 2 arguments");
    double num, den;
    if (log_of(args[0], log, &num) < 0)
        return NULL;
    if (nargs == 2) {
        if (log_of(args[1], log, &den) < 0)
            return NULL;
        if (den == 0)
            return vm_err_str(&vm_exc_ZeroDivisionError, "float division by zero");
        num /= den;
    }
    return vm_float_new(num);
}

static Obj *m_log2(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double r;
    if (one_arg("log2", nargs, kwnames) < 0
        || log_of(args[0], log2, &r) < 0)
        return NULL;
    return vm_float_new(r);
}

static Obj *m_log10(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double r;
    if (one_arg("log10", nargs, kwnames) < 0
        || log_of(args[0], log10, &r) < 0)
        return NULL;
    return vm_float_new(r);
}

/* ---- rounding to ints ---- */

static Obj *round_to_int(Obj *const *args, size_t nargs, Obj *kwnames, const char *name,
                         const char *dunder, double (*fn)(double))
{
    if (one_arg(name, nargs, kwnames) < 0)
        return NULL;
    Obj *x = args[0];
    if (INT_CHECK(x))
        return vm_unary(x, UN_POS);
    if (!FLOAT_CHECK(x) && (TYPE(x)->flags & TF_HEAP)) {
        bool found;
        Obj *r = vm_call_special(x, dunder, NULL, 0, &found);
        if (found)
            return r;
    }
    if (!FLOAT_CHECK(x) && !strcmp(name, "trunc"))
        return vm_err_fmt(&vm_exc_TypeError, "type %s doesn't define __trunc__ method",
                          vm_tname(x));
    double d;
    if (to_double(x, &d) < 0)
        return NULL;
    return vm_int_from_double(fn(d));
}

static Obj *m_floor(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return round_to_int(args, nargs, kwnames, "floor", "__floor__", floor);
}

static Obj *m_ceil(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return round_to_int(args, nargs, kwnames, "ceil", "__ceil__", ceil);
}

static Obj *m_trunc(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return round_to_int(args, nargs, kwnames, "trunc", "__trunc__", trunc);
}

/* ---- two-argument float functions ---- */

static int two_doubles(Obj *const *args, size_t nargs, Obj *kwnames, const char *name,
                       double *x, double *y)
{
    if (two_args(name, nargs, kwnames) < 0)
        return -1;
    if (to_double(args[0], x) < 0 || to_double(args[1], y) < 0)
        return -1;
    return 0;
}

static Obj *m_pow(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double x, y;
    if (two_doubles(args, nargs, kwnames, "pow", &x, &y) < 0)
        return NULL;
    if (x == 0 && y < 0 && isfinite(y))
        return domain_error();
    double r = pow(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    if (isinf(r) && isfinite(x) && isfinite(y))
        return range_error();
    return vm_float_new(r);
}

static Obj *m_atan2(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double x, y;
    if (two_doubles(args, nargs, kwnames, "atan2", &x, &y) < 0)
        return NULL;
    return vm_float_new(atan2(x, y));
}

static Obj *m_copysign(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double x, y;
    if (two_doubles(args, nargs, kwnames, "copysign", &x, &y) < 0)
        return NULL;
    return vm_float_new(copysign(x, y));
}

static Obj *m_fmod(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double x, y;
    if (two_doubles(args, nargs, kwnames, "fmod", &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return vm_float_new(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    return vm_float_new(r);
}

static Obj *m_remainder(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double x, y;
    if (two_doubles(args, nargs, kwnames, "remainder", &x, &y) < 0)
        return NULL;
    if (isnan(x) || isnan(y))
        return vm_float_new(NAN);
    if (isinf(x) || y == 0)
        return domain_error();
    if (isinf(y))
        return vm_float_new(x);
    return vm_float_new(remainder(x, y));
}

static Obj *m_nextafter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double x, y;
    if (two_doubles(args, nargs, kwnames, "nextafter", &x, &y) < 0)
        return NULL;
    return vm_float_new(nextafter(x, y));
}

static Obj *m_ulp(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double x;
    if (one_arg("ulp", nargs, kwnames) < 0
        || to_double(args[0], &x) < 0)
        return NULL;
    if (isnan(x))
        return vm_float_new(x);
    x = fabs(x);
    if (isinf(x))
        return vm_float_new(x);
    double up = nextafter(x, INFINITY);
    if (isinf(up))
        return vm_float_new(x - nextafter(x, -INFINITY));
    return vm_float_new(up - x);
}

static Obj *m_ldexp(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (two_args("ldexp", nargs, kwnames) < 0)
        return NULL;
    double x;
    if (to_double(args[0], &x) < 0)
        return NULL;
    if (!INT_CHECK(args[1]))
        return vm_err_str(&vm_exc_TypeError, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (vm_int_as_i64(args[1], &e) < 0) {
        vm_err_clear();
        e = sign_of(args[1]) > 0 ? INT64_MAX : INT64_MIN;
    }
    if (x == 0 || !isfinite(x))
        return vm_float_new(x);
    if (e > 100000)
        return range_error();
    if (e < -100000)
        return vm_float_new(copysign(0.0, x));
    double r = ldexp(x, (int)e);
    if (isinf(r))
        return range_error();
    return vm_float_new(r);
}

static Obj *m_frexp(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double x;
    if (one_arg("frexp", nargs, kwnames) < 0
        || to_double(args[0], &x) < 0)
        return NULL;
    int e = 0;
    double m = isfinite(x) && x != 0 ? frexp(x, &e) : x;
    Obj *v[2] = {vm_float_new(m), vm_int_from_i64(e)};
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

static Obj *m_modf(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double x;
    if (one_arg("modf", nargs, kwnames) < 0
        || to_double(args[0], &x) < 0)
        return NULL;
    double ip, fp;
    if (isinf(x)) {
        ip = x;
        fp = copysign(0.0, x);
    } else {
        fp = modf(x, &ip);
    }
    Obj *v[2] = {vm_float_new(fp), vm_float_new(ip)};
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

static Obj *pred(Obj *const *args, size_t nargs, Obj *kwnames, const char *name, int which)
{
    double x;
    if (one_arg(name, nargs, kwnames) < 0
        || to_double(args[0], &x) < 0)
        return NULL;
    return VM_BOOL(which == 0 ? isinf(x) : which == 1 ? isnan(x) : isfinite(x));
}

static Obj *m_isinf(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pred(args, nargs, kwnames, "isinf", 0);
}

static Obj *m_isnan(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pred(args, nargs, kwnames, "isnan", 1);
}

static Obj *m_isfinite(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return pred(args, nargs, kwnames, "isfinite", 2);
}

static Obj *m_degrees(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double x;
    if (one_arg("degrees", nargs, kwnames) < 0
        || to_double(args[0], &x) < 0)
        return NULL;
    return vm_float_new(x * (180.0 / M_PI));
}

static Obj *m_radians(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double x;
    if (one_arg("radians", nargs, kwnames) < 0
        || to_double(args[0], &x) < 0)
        return NULL;
    return vm_float_new(x * (M_PI / 180.0));
}

static Obj *m_isclose(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    /* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
    static const char *const kw[] = {"a", "b", "rel_tol", "abs_tol"};
    static const ClinicSpec spec = {"isclose", kw, 4, 0, 2, 2};
    Obj *v[4];
    if (vm_clinic_args(&spec, args, nargs, kwnames, v) < 0)
        return NULL;
    double a, b, rel = 1e-9, abs_tol = 0;
    if (to_double(v[0], &a) < 0 || to_double(v[1], &b) < 0
        || (v[2] && to_double(v[2], &rel) < 0) || (v[3] && to_double(v[3], &abs_tol) < 0))
        return NULL;
    if (rel < 0 || abs_tol < 0)
        return vm_err_str(&vm_exc_ValueError, "tolerances must be non-negative");
    if (a == b)
        return VM_BOOL(true);
    if (isinf(a) || isinf(b))
        return VM_BOOL(false);
    double diff = fabs(b - a);
    return VM_BOOL((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || (diff <= abs_tol));
}

/* ---- norms ---- */

/* sqrt of the sum of squares as CPython 3.11 computes it, so that results
 * agree to the last bit.  Every value is scaled by the power of two that
 * brings the largest into [0.5, 1); each scaled x is split (Dekker, at 27
 * bits) into hi + lo so that hi*hi, 2*hi*lo and lo*lo are exact; the
 * squares are summed onto a running total that starts at 1.0 (so the
 * total always dominates the addend and the rounding error of each sum,
 * (old - new) + addend, is exact), with the errors kept in three side
 * sums.  The root h of that sum is then corrected once: h*h is taken off
 * the total the same way, and h += residual / (2h) (the first term of
 * sqrt(h*h + x)'s series).  Values whose largest is subnormal are first
 * divided by DBL_MIN. */
static double vector_norm(double *v, size_t n, double max, bool nan_seen)
{
    const double split = 134217729.0;   /* 2**27 + 1 */
    if (isinf(max))
        return max;
    if (nan_seen)
        return NAN;
    if (max == 0 || n <= 1)
        return max;
    int e;
    frexp(max, &e);
    if (e < -1023) {
        for (size_t i = 0; i < n; i++)
            v[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(v, n, max / DBL_MIN, false);
    }
    double scale = ldexp(1.0, -e);
    double csum = 1.0, f1 = 0.0, f2 = 0.0, f3 = 0.0, old, x, t, hi, lo;
    for (size_t i = 0; i < n; i++) {
        x = v[i] * scale;
        t = x * split;
        hi = t - (t - x);
        lo = x - hi;
        x = hi * hi;
        old = csum;
        csum += x;
        f1 += (old - csum) + x;
        x = 2.0 * hi * lo;
        old = csum;
        csum += x;
        f2 += (old - csum) + x;
        f3 += lo * lo;
    }
    double h = sqrt(csum - 1.0 + (f1 + f2 + f3));
    t = h * split;
    hi = t - (t - h);
    lo = h - hi;
    x = -hi * hi;
    old = csum;
    csum += x;
    f1 += (old - csum) + x;
    x = -2.0 * hi * lo;
    old = csum;
    csum += x;
    f2 += (old - csum) + x;
    x = -lo * lo;
    old = csum;
    csum += x;
    f3 += (old - csum) + x;
    x = csum - 1.0 + (f1 + f2 + f3);
    return (h + x / (2.0 * h)) / scale;
}

/* The largest magnitude of v (NaNs aside) and whether a NaN is there. */
static double vector_max(const double *v, size_t n, bool *nan_seen)
{
    double max = 0;
    *nan_seen = false;
    for (size_t i = 0; i < n; i++) {
        double a = fabs(v[i]);
        if (isnan(a))
            *nan_seen = true;
        else if (a > max)
            max = a;
    }
    return max;
}

static Obj *m_hypot(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("math.hypot", kwnames) < 0)
        return NULL;
    double small[16], *v = nargs <= 16 ? small : malloc(nargs * sizeof *v);
    if (!v)
        return vm_err_nomem();
    for (size_t i = 0; i < nargs; i++) {
        if (to_double(args[i], &v[i]) < 0) {
            if (v != small)
                free(v);
            return NULL;
        }
    }
    bool nan_seen;
    double max = vector_max(v, nargs, &nan_seen);
    double r = vector_norm(v, nargs, max, nan_seen);
    if (v != small)
        free(v);
    return vm_float_new(r);
}

/* A sequence argument as a new tuple. */
static Obj *as_tuple(Obj *o)
{
    if (TUPLE_CHECK(o))
        return vm_newref(o);
    Obj *it = vm_iter(o), *x;
    if (!it)
        return NULL;
    Obj *l = vm_list_new(0);
    while ((x = vm_next(it)) != NULL) {
        vm_list_append(l, x);
        DECREF(x);
    }
    DECREF(it);
    if (vm_err_occurred()) {
        DECREF(l);
        return NULL;
    }
    Obj *t = vm_tuple_from(LIST_ITEMS(l), LIST_LEN(l));
    DECREF(l);
    return t;
}

static Obj *m_dist(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (two_args("dist", nargs, kwnames) < 0)
        return NULL;
    Obj *p = as_tuple(args[0]), *q = p ? as_tuple(args[1]) : NULL;
    if (!q) {
        XDECREF(p);
        return NULL;
    }
    Obj *r = NULL;
    ssize_t n = TUPLE_LEN(p);
    if (n != TUPLE_LEN(q)) {
        vm_err_str(&vm_exc_ValueError, "both points must have the same number of dimensions");
    } else {
        double *v = malloc(((size_t)n + 1) * sizeof *v);
        ssize_t i = 0;
        for (; i < n; i++) {
            double a, b;
            if (to_double(TUPLE_ITEMS(p)[i], &a) < 0 || to_double(TUPLE_ITEMS(q)[i], &b) < 0)
                break;
            v[i] = fabs(a - b);
        }
        bool nan_seen;
        double max = vector_max(v, (size_t)n, &nan_seen);
        if (i == n)
            r = vm_float_new(vector_norm(v, (size_t)n, max, nan_seen));
        free(v);
    }
    DECREF(p);
    DECREF(q);
    return r;
}

/* ---- fsum: exact partial sums (Shewchuk), rounded once ---- */

static Obj *m_fsum(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (one_arg("fsum", nargs, kwnames) < 0)
        return NULL;
    Obj *it = vm_iter(args[0]), *item;
    if (!it)
        return NULL;
    size_t n = 0, cap = 32;
    double *p = malloc(cap * sizeof *p);
    double special = 0, inf_sum = 0;
    Obj *result = NULL;
    while ((item = vm_next(it)) != NULL) {
        double x;
        int rc = to_double(item, &x);
        DECREF(item);
        if (rc < 0)
            goto done;
        double xsave = x;
        size_t k = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0)
                p[k++] = lo;
            x = hi;
        }
        n = k;
        if (!isfinite(x)) {
            /* an infinity or NaN among the inputs, or an overflow */
            if (isfinite(xsave)) {
                vm_err_str(&vm_exc_OverflowError, "intermediate overflow in fsum");
                goto done;
            }
            if (isinf(xsave))
                inf_sum += xsave;
            special += xsave;
            n = 0;
        } else if (x != 0) {
            /* a zero is never kept, so fsum([-0.0]) is 0.0 as in 3.11 */
            if (n == cap) {
                cap *= 2;
                p = realloc(p, cap * sizeof *p);
            }
            p[n++] = x;
        }
    }
    if (vm_err_occurred())
        goto done;
    if (special != 0) {
        if (isnan(inf_sum))
            vm_err_str(&vm_exc_ValueError, "-inf + inf in fsum");
        else
            result = vm_float_new(special);
        goto done;
    }
    double hi = 0;
    if (n > 0) {
        hi = p[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0)
                break;
        }
        /* round half-even correctly when the rest would tip it */
        if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
            double y = lo * 2, x = hi + y, yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    result = vm_float_new(hi);
done:
    free(p);
    DECREF(it);
    return result;
}

/* ---- integer functions ---- */

static Obj *int_abs(Obj *a)
{
    return sign_of(a) < 0 ? vm_unary(a, UN_NEG) : vm_newref(a);
}

static Obj *gcd2(Obj *x, Obj *y)
{
    Obj *a = int_abs(x), *b = a ? int_abs(y) : NULL;
    if (!b) {
        XDECREF(a);
        return NULL;
    }
    while (sign_of(b) != 0) {
        Obj *r = vm_binop(a, b, NB_REMAINDER);
        DECREF(a);
        a = b;
        if (!(b = r)) {
            DECREF(a);
            return NULL;
        }
    }
    DECREF(b);
    return a;
}

static Obj *m_gcd(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("math.gcd", kwnames) < 0)
        return NULL;
    Obj *g = zero_int();
    for (size_t i = 0; i < nargs && g; i++) {
        Obj *a = int_arg(args[i]);
        if (!a) {
            DECREF(g);
            return NULL;
        }
        Obj *t = gcd2(g, a);
        DECREF(a);
        DECREF(g);
        g = t;
    }
    return g;
}

static Obj *m_lcm(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("math.lcm", kwnames) < 0)
        return NULL;
    Obj *l = vm_int_from_i64(1);
    for (size_t i = 0; i < nargs && l; i++) {
        Obj *a = int_arg(args[i]);
        if (!a) {
            DECREF(l);
            return NULL;
        }
        Obj *r;
        if (sign_of(a) == 0 || sign_of(l) == 0) {
            r = zero_int();
        } else {
            Obj *g = gcd2(l, a), *q = g ? vm_binop(l, g, NB_FLOOR_DIVIDE) : NULL;
            Obj *m = q ? vm_binop(q, a, NB_MULTIPLY) : NULL;
            r = m ? int_abs(m) : NULL;
            XDECREF(g);
            XDECREF(q);
            XDECREF(m);
        }
        DECREF(a);
        DECREF(l);
        l = r;
    }
    return l;
}

/* The product lo * (lo+1) * ... * hi by halves (balanced big products). */
static Obj *range_product(int64_t lo, int64_t hi)
{
    if (lo > hi)
        return vm_int_from_i64(1);
    if (hi - lo < 8) {
        Obj *r = vm_int_from_i64(lo);
        for (int64_t i = lo + 1; i <= hi && r; i++) {
            Obj *k = vm_int_from_i64(i), *t = vm_binop(r, k, NB_MULTIPLY);
            DECREF(k);
            DECREF(r);
            r = t;
        }
        return r;
    }
    int64_t mid = lo + (hi - lo) / 2;
    Obj *a = range_product(lo, mid), *b = a ? range_product(mid + 1, hi) : NULL;
    Obj *r = b ? vm_binop(a, b, NB_MULTIPLY) : NULL;
    XDECREF(a);
    XDECREF(b);
    return r;
}

static Obj *factorial_of(Obj *arg)
{
    if (!INT_CHECK(arg) && !(TYPE(arg)->flags & TF_HEAP))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          vm_tname(arg));
    Obj *n = int_arg(arg);
    if (!n)
        return NULL;
    int64_t v;
    int rc = vm_int_as_i64(n, &v);
    int s = sign_of(n);
    DECREF(n);
    if (s < 0)
        return vm_err_str(&vm_exc_ValueError, "factorial() not defined for negative values");
    if (rc < 0) {
        vm_err_clear();
        return vm_err_str(&vm_exc_OverflowError, "factorial() argument should not exceed "
                          "9223372036854775807");
    }
    return range_product(2, v < 2 ? 1 : v);
}

static Obj *m_factorial(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (one_arg("factorial", nargs, kwnames) < 0)
        return NULL;
    return factorial_of(args[0]);
}

/* The n and k arguments of comb/perm as ints with their checks. */
static int nk_args(Obj *const *args, Obj **n, Obj **k)
{
    *n = int_arg(args[0]);
    *k = *n ? int_arg(args[1]) : NULL;
    if (!*k) {
        if (*n)
            CLEAR(*n);
        return -1;
    }
    const char *bad = sign_of(*n) < 0 ? "n must be a non-negative integer"
        : sign_of(*k) < 0 ? "k must be a non-negative integer" : NULL;
    if (bad) {
        CLEAR(*n);
        CLEAR(*k);
        vm_err_str(&vm_exc_ValueError, bad);
        return -1;
    }
    return 0;
}

/* perm(n, k) = n * (n-1) * ... * (n-k+1); comb divides by k! as it goes. */
static Obj *perm_comb(Obj *n, Obj *k, bool comb)
{
    if (vm_int_cmp(k, n) > 0)
        return zero_int();
    if (comb) {     /* comb(n, k) == comb(n, n - k): use the smaller */
        Obj *nk = vm_binop(n, k, NB_SUBTRACT);
        if (!nk)
            return NULL;
        if (vm_int_cmp(nk, k) < 0)
            k = nk;
        else
            CLEAR(nk);
        int64_t kv;
        if (vm_int_as_i64(k, &kv) < 0) {
            XDECREF(nk);
            vm_err_clear();
            return vm_err_fmt(&vm_exc_OverflowError, "min(n - k, k) must not exceed %lld",
                              (long long)INT64_MAX);
        }
        Obj *r = vm_int_from_i64(1);
        for (int64_t i = 0; i < kv && r; i++) {
            Obj *iv = vm_int_from_i64(i), *f = vm_binop(n, iv, NB_SUBTRACT);
            DECREF(iv);
            Obj *t = f ? vm_binop(r, f, NB_MULTIPLY) : NULL;
            XDECREF(f);
            DECREF(r);
            Obj *d = vm_int_from_i64(i + 1);
            r = t ? vm_binop(t, d, NB_FLOOR_DIVIDE) : NULL;
            XDECREF(t);
            DECREF(d);
        }
        XDECREF(nk);
        return r;
    }
    int64_t kv;
    if (vm_int_as_i64(k, &kv) < 0) {
        vm_err_clear();
        return vm_err_fmt(&vm_exc_OverflowError, "k must not exceed %lld",
                          (long long)INT64_MAX);
    }
    Obj *r = vm_int_from_i64(1);
    for (int64_t i = 0; i < kv && r; i++) {
        Obj *iv = vm_int_from_i64(i), *f = vm_binop(n, iv, NB_SUBTRACT);
        DECREF(iv);
        Obj *t = f ? vm_binop(r, f, NB_MULTIPLY) : NULL;
        XDECREF(f);
        DECREF(r);
        r = t;
    }
    return r;
}

static Obj *m_comb(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (two_args("comb", nargs, kwnames) < 0)
        return NULL;
    Obj *n, *k;
    if (nk_args(args, &n, &k) < 0)
        return NULL;
    Obj *r = perm_comb(n, k, true);
    DECREF(n);
    DECREF(k);
    return r;
}

static Obj *m_perm(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("math.perm", kwnames) < 0 || vm_argc("perm", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1 || args[1] == VM_NONE)
        return factorial_of(args[0]);
    Obj *n, *k;
    if (nk_args(args, &n, &k) < 0)
        return NULL;
    Obj *r = perm_comb(n, k, false);
    DECREF(n);
    DECREF(k);
    return r;
}

static Obj *m_isqrt(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (one_arg("isqrt", nargs, kwnames) < 0)
        return NULL;
    Obj *n = int_arg(args[0]);
    if (!n)
        return NULL;
    int c = sign_of(n);
    if (c <= 0) {
        DECREF(n);
        if (c < 0)
            return vm_err_str(&vm_exc_ValueError, "isqrt() argument must be nonnegative");
        return zero_int();
    }
    /* Newton from a power of two above the root: decreases to the floor */
    int64_t bits = vm_int_bit_length(n);
    Obj *one = vm_int_from_i64(1), *sh = vm_int_from_i64((bits + 1) / 2 + 1);
    Obj *x = vm_binop(one, sh, NB_LSHIFT);
    DECREF(sh);
    while (x) {
        Obj *q = vm_binop(n, x, NB_FLOOR_DIVIDE);
        Obj *s = q ? vm_binop(x, q, NB_ADD) : NULL;
        XDECREF(q);
        Obj *y = s ? vm_binop(s, one, NB_RSHIFT) : NULL;
        XDECREF(s);
        if (!y)
            CLEAR(x);
        else if (vm_int_cmp(y, x) >= 0) {
            DECREF(y);
            break;
        } else {
            DECREF(x);
            x = y;
        }
    }
    DECREF(one);
    DECREF(n);
    return x;
}

static Obj *m_prod(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    /* prod(iterable, /, *, start=1) */
    static const char *const kw[] = {"iterable", "start"};
    static const ClinicSpec spec = {"prod", kw, 2, 1, 1, 1};
    Obj *v[2];
    if (vm_clinic_args(&spec, args, nargs, kwnames, v) < 0)
        return NULL;
    Obj *start = v[1];
    Obj *it = vm_iter(args[0]);
    if (!it)
        return NULL;
    Obj *acc = start ? vm_newref(start) : vm_int_from_i64(1), *x;
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
    static const MethodDef funcs[] = {
        {"acos", m_acos}, {"acosh", m_acosh}, {"asin", m_asin}, {"asinh", m_asinh},
        {"atan", m_atan}, {"atan2", m_atan2}, {"atanh", m_atanh}, {"cbrt", m_cbrt},
        {"ceil", m_ceil}, {"comb", m_comb}, {"copysign", m_copysign}, {"cos", m_cos},
        {"cosh", m_cosh}, {"degrees", m_degrees}, {"dist", m_dist}, {"erf", m_erf},
        {"erfc", m_erfc}, {"exp", m_exp}, {"exp2", m_exp2}, {"expm1", m_expm1},
        {"fabs", m_fabs}, {"factorial", m_factorial}, {"floor", m_floor}, {"fmod", m_fmod},
        {"frexp", m_frexp}, {"fsum", m_fsum}, {"gamma", m_gamma}, {"gcd", m_gcd},
        {"hypot", m_hypot}, {"isclose", m_isclose}, {"isfinite", m_isfinite},
        {"isinf", m_isinf}, {"isnan", m_isnan}, {"isqrt", m_isqrt}, {"lcm", m_lcm},
        {"ldexp", m_ldexp}, {"lgamma", m_lgamma}, {"log", m_log}, {"log10", m_log10},
        {"log1p", m_log1p}, {"log2", m_log2}, {"modf", m_modf}, {"nextafter", m_nextafter},
        {"perm", m_perm}, {"pow", m_pow}, {"prod", m_prod}, {"radians", m_radians},
        {"remainder", m_remainder}, {"sin", m_sin}, {"sinh", m_sinh}, {"sqrt", m_sqrt},
        {"tan", m_tan}, {"tanh", m_tanh}, {"trunc", m_trunc}, {"ulp", m_ulp},
        {NULL, NULL},
    };
    for (const MethodDef *f = funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
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
