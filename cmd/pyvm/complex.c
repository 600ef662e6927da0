/* cmd/pyvm/complex.c: complex numbers.
 *
 * Stage: pyvm.  Arithmetic follows CPython 3.11's complexobject.c: mixed
 * int/float operands are converted to complex with a zero imaginary part,
 * division is Smith's algorithm, integral exponents up to 100 in magnitude
 * use repeated squaring and others the polar form.  repr() writes each part
 * as repr(float) without a trailing ".0", and omits the real part (and the
 * parentheses) when it is +0.0.
 */
#include "cmd/pyvm/complex.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libstage/buf.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/format.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

typedef struct Cx {
    double re;              /* real part */
    double im;              /* imaginary part */
} Cx;

Obj *vm_complex_new(double re, double im)
{
    ComplexObj *c = vm_alloc(&vm_complex_type, 0);
    c->re = re;
    c->im = im;
    return (Obj *)c;
}

static Obj *from_cx(Cx c)
{
    return vm_complex_new(c.re, c.im);
}

/* An operand as complex: 1 ok, 0 not a number type, -1 error. */
static int to_cx(Obj *o, Cx *out)
{
    if (COMPLEX_CHECK(o)) {
        out->re = ((ComplexObj *)o)->re;
        out->im = ((ComplexObj *)o)->im;
        return 1;
    }
    out->im = 0.0;
    if (FLOAT_CHECK(o)) {
        out->re = FLOAT_VAL(o);
        return 1;
    }
    if (INT_CHECK(o))
        return vm_int_as_double(o, &out->re) < 0 ? -1 : 1;
    return 0;
}

static Cx c_prod(Cx a, Cx b)
{
    Cx r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    return r;
}

/* a / b (Smith's algorithm); errno EDOM when b is zero. */
static Cx c_quot(Cx a, Cx b)
{
    Cx r;
    double abs_br = fabs(b.re), abs_bi = fabs(b.im);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            errno = EDOM;
            r.re = r.im = 0.0;
        } else {
            double ratio = b.im / b.re, denom = b.re + b.im * ratio;
            r.re = (a.re + a.im * ratio) / denom;
            r.im = (a.im - a.re * ratio) / denom;
        }
    } else if (abs_bi >= abs_br) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        r.re = (a.re * ratio + a.im) / denom;
        r.im = (a.im * ratio - a.re) / denom;
    } else {
        r.re = r.im = NAN;
    }
    return r;
}

/* a ** b by the polar form; errno EDOM for 0 to a negative/complex power,
 * ERANGE on overflow. */
static Cx c_pow(Cx a, Cx b)
{
    Cx r;
    if (b.re == 0.0 && b.im == 0.0) {
        r.re = 1.0;
        r.im = 0.0;
    } else if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0)
            errno = EDOM;
        r.re = r.im = 0.0;
    } else {
        double vabs = hypot(a.re, a.im), len = pow(vabs, b.re);
        double at = atan2(a.im, a.re), phase = at * b.re;
        if (b.im != 0.0) {
            len /= exp(at * b.im);
            phase += b.im * log(vabs);
        }
        r.re = len * cos(phase);
        r.im = len * sin(phase);
        if (isinf(r.re) || isinf(r.im))
            errno = ERANGE;
    }
    return r;
}

static Cx c_powu(Cx x, long n)
{
    Cx r = {1.0, 0.0}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask)
            r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

static Cx c_powi(Cx x, long n)
{
    if (n > 0)
        return c_powu(x, n);
    Cx one = {1.0, 0.0};
    return c_quot(one, c_powu(x, -n));
}

/* x ** y with CPython's choice of algorithm and errors. */
static Obj *cx_power(Cx a, Cx b)
{
    errno = 0;
    Cx p;
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0)
        p = c_powi(a, (long)b.re);
    else
        p = c_pow(a, b);
    /* as CPython: an infinite part is a range error whatever the inputs
     * were; a finite result clears ERANGE (an underflow in pow()) */
    if (isinf(p.re) || isinf(p.im)) {
        if (errno == 0)
            errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM)
        return vm_err_str(&vm_exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (errno == ERANGE)
        return vm_err_str(&vm_exc_OverflowError, "complex exponentiation");
    return from_cx(p);
}

Obj *vm_complex_pow_dd(double x, double y)
{
    Cx a = {x, 0.0}, b = {y, 0.0};
    return cx_power(a, b);
}

static Obj *complex_binop(Obj *a, Obj *b, int op)
{
    Cx x, y;
    int ra = to_cx(a, &x), rb = ra > 0 ? to_cx(b, &y) : 0;
    if (ra < 0 || rb < 0)
        return NULL;
    if (!ra || !rb)
        return vm_newref(VM_NOTIMPL);
    if (op >= NB_INPLACE_FIRST)
        op -= NB_INPLACE_FIRST;
    switch (op) {
    case NB_ADD: return vm_complex_new(x.re + y.re, x.im + y.im);
    case NB_SUBTRACT: return vm_complex_new(x.re - y.re, x.im - y.im);
    case NB_MULTIPLY: return from_cx(c_prod(x, y));
    case NB_TRUE_DIVIDE: {
        errno = 0;
        Cx q = c_quot(x, y);
        if (errno == EDOM)
            return vm_err_str(&vm_exc_ZeroDivisionError, "complex division by zero");
        return from_cx(q);
    }
    case NB_POWER: return cx_power(x, y);
    }
    return vm_newref(VM_NOTIMPL);
}

static Obj *complex_unary(Obj *a, int op)
{
    ComplexObj *c = (ComplexObj *)a;
    if (op == UN_NEG)
        return vm_complex_new(-c->re, -c->im);
    if (op == UN_POS)
        return vm_complex_new(c->re, c->im);
    return vm_newref(VM_NOTIMPL);
}

static Obj *complex_richcmp(Obj *a, Obj *b, int op)
{
    if (op != CMP_EQ && op != CMP_NE)
        return vm_newref(VM_NOTIMPL);
    Obj *self = COMPLEX_CHECK(a) ? a : b, *other = self == a ? b : a;
    ComplexObj *c = (ComplexObj *)self;
    bool eq;
    if (INT_CHECK(other) || FLOAT_CHECK(other)) {
        if (c->im != 0.0) {
            eq = false;
        } else {
            /* exact comparison of the real part with the int or float */
            Obj *re = vm_float_new(c->re);
            Obj *r = vm_richcmp(re, other, CMP_EQ);
            DECREF(re);
            if (!r)
                return NULL;
            eq = r == VM_TRUE;
            DECREF(r);
        }
    } else if (COMPLEX_CHECK(other)) {
        ComplexObj *d = (ComplexObj *)other;
        eq = c->re == d->re && c->im == d->im;
    } else {
        return vm_newref(VM_NOTIMPL);
    }
    return VM_BOOL(op == CMP_EQ ? eq : !eq);
}

static int complex_hash(Obj *o, int64_t *out)
{
    ComplexObj *c = (ComplexObj *)o;
    uint64_t hr = (uint64_t)vm_float_hash(c->re), hi = (uint64_t)vm_float_hash(c->im);
    int64_t h = (int64_t)(hr + 1000003u * hi);
    *out = h == -1 ? -2 : h;
    return 0;
}

static int complex_truth(Obj *o)
{
    ComplexObj *c = (ComplexObj *)o;
    return c->re != 0.0 || c->im != 0.0;
}

/* repr(float) without the ".0" CPython's complex repr leaves off. */
static void put_part(Buf *b, double v)
{
    Buf t = BUF_INIT;
    vm_float_format(&t, v);
    size_t n = t.len;
    if (n >= 2 && t.data[n - 2] == '.' && t.data[n - 1] == '0')
        n -= 2;
    buf_put(b, t.data, n);
    buf_free(&t);
}

static Obj *complex_repr(Obj *o)
{
    ComplexObj *c = (ComplexObj *)o;
    Buf b = BUF_INIT;
    if (c->re == 0.0 && copysign(1.0, c->re) == 1.0) {
        put_part(&b, c->im);
        buf_putc(&b, 'j');
    } else {
        buf_putc(&b, '(');
        put_part(&b, c->re);
        if (isnan(c->im) || !signbit(c->im))
            buf_putc(&b, '+');
        put_part(&b, c->im);
        buf_puts(&b, "j)");
    }
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

static Obj *complex_getattr(Obj *o, Obj *name)
{
    ComplexObj *c = (ComplexObj *)o;
    if (vm_str_eqc(name, "real"))
        return vm_float_new(c->re);
    if (vm_str_eqc(name, "imag"))
        return vm_float_new(c->im);
    return NULL;
}

static Obj *complex_conjugate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("conjugate", kwnames) < 0 || vm_argc("conjugate", nargs, 0, 0) < 0)
        return NULL;
    ComplexObj *c = (ComplexObj *)self;
    return vm_complex_new(c->re, -c->im);
}

static Obj *complex_abs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__abs__", kwnames) < 0 || vm_argc("__abs__", nargs, 0, 0) < 0)
        return NULL;
    ComplexObj *c = (ComplexObj *)self;
    double h = hypot(c->re, c->im);
    if (isinf(h) && isfinite(c->re) && isfinite(c->im))
        return vm_err_str(&vm_exc_OverflowError, "absolute value too large");
    return vm_float_new(h);
}

static Obj *complex_getnewargs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)args;
    if (vm_nokw("__getnewargs__", kwnames) < 0 || vm_argc("__getnewargs__", nargs, 0, 0) < 0)
        return NULL;
    ComplexObj *c = (ComplexObj *)self;
    Obj *parts[2] = {vm_float_new(c->re), vm_float_new(c->im)};
    Obj *t = vm_tuple_from(parts, 2);
    DECREF(parts[0]);
    DECREF(parts[1]);
    return t;
}

/* __complex__(): the value as a plain complex (for a subclass's instance too) */
static Obj *complex_complex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__complex__", kwnames) < 0 || vm_argc("__complex__", nargs, 0, 0) < 0)
        return NULL;
    if (TYPE(self) == &vm_complex_type)
        return vm_newref(self);
    return vm_complex_new(((ComplexObj *)self)->re, ((ComplexObj *)self)->im);
}

/* Parse a float at s (strtod rules restricted to Python's float syntax:
 * digits with '_' between them, '.', exponent, inf/infinity/nan).  Returns
 * the characters used, 0 when none. */
static size_t parse_real(const char *s, size_t n, double *out)
{
    char tmp[256];
    size_t k = 0, i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        tmp[k++] = s[i++];
    const char *words[] = {"infinity", "inf", "nan"};
    for (int w = 0; w < 3; w++) {
        size_t wl = strlen(words[w]);
        if (n - i >= wl && strncasecmp(s + i, words[w], wl) == 0) {
            memcpy(tmp + k, words[w], wl);
            tmp[k + wl] = '\0';
            *out = strtod(tmp, NULL);
            return i + wl;
        }
    }
    bool digits = false, prev_digit = false;
    while (i < n && k < sizeof tmp - 8) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            tmp[k++] = c;
            digits = prev_digit = true;
            i++;
        } else if (c == '_' && prev_digit && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
            i++;
        } else if (c == '.' && !memchr(tmp, '.', k) && !memchr(tmp, 'e', k)) {
            tmp[k++] = c;
            prev_digit = false;
            i++;
        } else if ((c == 'e' || c == 'E') && digits && !memchr(tmp, 'e', k)) {
            size_t j = i + 1;
            if (j < n && (s[j] == '+' || s[j] == '-'))
                j++;
            if (j >= n || s[j] < '0' || s[j] > '9')
                break;
            tmp[k++] = 'e';
            if (s[i + 1] == '+' || s[i + 1] == '-')
                tmp[k++] = s[i + 1];
            i = j;
            prev_digit = false;
        } else {
            break;
        }
    }
    if (!digits)
        return 0;
    tmp[k] = '\0';
    *out = strtod(tmp, NULL);
    return i;
}

/* complex("...") as CPython's complex_from_string_inner. */
static Obj *complex_from_str(Obj *str)
{
    const char *s = STR_DATA(str);
    size_t n = (size_t)STR_LEN(str), i = 0;
    while (i < n && (s[i] == ' ' || (s[i] >= 9 && s[i] <= 13)))
        i++;
    while (n > i && (s[n - 1] == ' ' || (s[n - 1] >= 9 && s[n - 1] <= 13)))
        n--;
    if (i < n && s[i] == '(' && s[n - 1] == ')') {
        i++;
        n--;
        while (i < n && (s[i] == ' ' || (s[i] >= 9 && s[i] <= 13)))
            i++;
        while (n > i && (s[n - 1] == ' ' || (s[n - 1] >= 9 && s[n - 1] <= 13)))
            n--;
    }
    double x = 0.0, y = 0.0, z;
    bool ok = false;
    size_t used = parse_real(s + i, n - i, &z);
    if (used) {
        i += used;
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            /* <real><signed imag>j */
            x = z;
            size_t u2 = parse_real(s + i, n - i, &y);
            if (u2) {
                i += u2;
            } else {
                y = s[i] == '+' ? 1.0 : -1.0;
                i++;
            }
            if (i < n && (s[i] == 'j' || s[i] == 'J')) {
                i++;
                ok = true;
            }
        } else if (i < n && (s[i] == 'j' || s[i] == 'J')) {
            y = z;
            i++;
            ok = true;
        } else {
            x = z;
            ok = true;
        }
    } else if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == 'j' || s[i] == 'J')) {
        /* [+-]j */
        y = s[i] == '-' ? -1.0 : 1.0;
        if (s[i] == '+' || s[i] == '-')
            i++;
        if (i < n && (s[i] == 'j' || s[i] == 'J')) {
            i++;
            ok = true;
        }
    }
    if (!ok || i != n)
        return vm_err_str(&vm_exc_ValueError, "complex() arg is a malformed string");
    return vm_complex_new(x, y);
}

/* One complex() argument as a complex: ints, floats, complex, __complex__,
 * __float__, __index__. */
static int arg_cx(Obj *o, Cx *out, const char *which)
{
    int r = to_cx(o, out);
    if (r)
        return r < 0 ? -1 : 0;
    if (TYPE(o)->flags & TF_HEAP) {
        static const char *const names[] = {"__complex__", "__float__", "__index__"};
        for (int i = 0; i < 3; i++) {
            bool found;
            Obj *v = vm_call_special(o, names[i], NULL, 0, &found);
            if (!found)
                continue;
            if (!v)
                return -1;
            int rc = to_cx(v, out);
            if (rc <= 0 || (i == 0 && !COMPLEX_CHECK(v))) {
                if (rc == 0 || i == 0)
                    vm_err_fmt(&vm_exc_TypeError, "%s returned non-%s (type %s)", names[i],
                               i == 0 ? "complex" : i == 1 ? "float" : "int", vm_tname(v));
                DECREF(v);
                return -1;
            }
            DECREF(v);
            return 0;
        }
    }
    vm_err_fmt(&vm_exc_TypeError, "complex() %s must be %sa number, not '%s'", which,
               strncmp(which, "first", 5) == 0 ? "a string or " : "", vm_tname(o));
    return -1;
}

/* complex(real=0, imag=0) */
static Obj *complex_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    size_t npos = nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0);
    Obj *real = NULL, *imag = NULL;
    if (npos > 2)
        return vm_err_fmt(&vm_exc_TypeError, "complex() takes at most 2 arguments (%zu given)",
                          nargs);
    if (npos > 0)
        real = args[0];
    if (npos > 1)
        imag = args[1];
    for (size_t i = npos; i < nargs; i++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[i - npos];
        if (vm_str_eqc(kn, "real") && !real)
            real = args[i];
        else if (vm_str_eqc(kn, "imag") && !imag)
            imag = args[i];
        else
            return vm_err_fmt(&vm_exc_TypeError, "complex() got an unexpected keyword argument "
                              "'%s'", STR_DATA(kn));
    }
    if (real && STR_CHECK(real)) {
        if (imag)
            return vm_err_str(&vm_exc_TypeError, "complex() can't take second arg if first is a "
                              "string");
        return complex_from_str(real);
    }
    if (imag && STR_CHECK(imag))
        return vm_err_str(&vm_exc_TypeError, "complex() second arg can't be a string");
    if (real && !imag && !COMPLEX_CHECK(real)) {
        /* complex(x) with x.__complex__() */
        bool found;
        Obj *c = vm_call_special(real, "__complex__", NULL, 0, &found);
        if (found) {
            if (c && !COMPLEX_CHECK(c)) {
                vm_err_fmt(&vm_exc_TypeError, "__complex__ returned non-complex (type %s)",
                           vm_tname(c));
                CLEAR(c);
            }
            return c;
        }
    }
    Cx r = {0.0, 0.0}, i = {0.0, 0.0};
    if (real && arg_cx(real, &r, "first argument") < 0)
        return NULL;
    if (imag && arg_cx(imag, &i, "second argument") < 0)
        return NULL;
    if (real && COMPLEX_CHECK(real) && !imag)
        return vm_newref(real);
    /* (r.re + r.im j) + (i.re + i.im j) j, adding only complex parts */
    double re = r.re, im = i.re;
    if (imag && COMPLEX_CHECK(imag))
        re -= i.im;
    if (real && COMPLEX_CHECK(real) && imag)
        im += r.im;
    else if (real && COMPLEX_CHECK(real))
        im = r.im;
    return vm_complex_new(re, im);
}

static Obj *complex_format_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__format__", kwnames) < 0 || vm_argc("__format__", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_str(&vm_exc_TypeError, "format spec must be a str");
    if (STR_LEN(args[0]) == 0)
        return complex_repr(self);
    return vm_format(self, args[0]);   /* format.c knows complex specs */
}

static Obj *complex_pow_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_number_pow_method(&vm_complex_type, self, args, nargs, kwnames, false);
}

static Obj *complex_rpow_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_number_pow_method(&vm_complex_type, self, args, nargs, kwnames, true);
}

static const MethodDef complex_methods[] = {
    {"__pow__", complex_pow_m},
    {"__rpow__", complex_rpow_m},
    {"conjugate", complex_conjugate},
    {"__abs__", complex_abs},
    {"__format__", complex_format_m},
    {"__getnewargs__", complex_getnewargs},
    {"__complex__", complex_complex},
    {NULL, NULL},
};

Type vm_complex_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "complex",
    .base = &vm_object_type,
    .basicsize = sizeof(ComplexObj),
    .repr = complex_repr,
    .hash = complex_hash,
    .richcmp = complex_richcmp,
    .binop = complex_binop,
    .unary = complex_unary,
    .truth = complex_truth,
    .construct = complex_construct,
    .getattr = complex_getattr,
    .methods = complex_methods,
};
