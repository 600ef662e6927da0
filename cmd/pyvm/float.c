/* cmd/pyvm/float.c: float.
 *
 * Stage: pyvm.  repr() is the shortest decimal string that reads back to
 * the same double, laid out as CPython's float_repr ('r' format: exponent
 * form when the decimal point falls before the 4th place after it or beyond
 * 16 digits); floor division and modulo follow CPython's float_divmod.
 */
#include "cmd/pyvm/float.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libstage/buf.h"
#include "libstage/repr.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/complex.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/pool.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/ucase.h"
#include "libstage/unicode.h"

Obj *vm_float_new(double v)
{
    /* perf: vm_alloc inlined (float is neither a container nor a heap
     * type), from a pool without block headers (pool.h) */
    FloatObj *f = vm_pool_alloc(&vm_float_pool);
    f->ob.refcnt = 1;
    f->ob.type = &vm_float_type;
    f->v = v;
    return (Obj *)f;
}

void vm_float_format(Buf *b, double v)
{
    if (isnan(v)) {
        buf_puts(b, "nan");
        return;
    }
    if (isinf(v)) {
        buf_puts(b, v < 0 ? "-inf" : "inf");
        return;
    }
    if (v == 0) {
        buf_puts(b, signbit(v) ? "-0.0" : "0.0");
        return;
    }
    char digits[24];
    int exp10;
    bool neg = signbit(v);
    int nd = ls_double_digits(fabs(v), digits, &exp10);
    int decpt = exp10 + 1;      /* value = 0.DIGITS * 10^decpt */
    if (neg)
        buf_putc(b, '-');
    if (decpt <= -4 || decpt > 16) {
        buf_putc(b, digits[0]);
        if (nd > 1) {
            buf_putc(b, '.');
            buf_put(b, digits + 1, (size_t)nd - 1);
        }
        buf_printf(b, "e%c%02d", exp10 < 0 ? '-' : '+', abs(exp10));
    } else if (decpt <= 0) {
        buf_puts(b, "0.");
        for (int i = 0; i < -decpt; i++)
            buf_putc(b, '0');
        buf_put(b, digits, (size_t)nd);
    } else {
        for (int i = 0; i < decpt; i++)
            buf_putc(b, i < nd ? digits[i] : '0');
        buf_putc(b, '.');
        if (nd > decpt)
            buf_put(b, digits + decpt, (size_t)(nd - decpt));
        else
            buf_putc(b, '0');
    }
}

static Obj *float_repr(Obj *o)
{
    Buf b = BUF_INIT;
    vm_float_format(&b, FLOAT_VAL(o));
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

int64_t vm_float_hash(double v)
{
    if (isinf(v))
        return v > 0 ? 314159 : -314159;
    if (isnan(v))
        return 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    int64_t r = (int64_t)x * sign;
    return r == -1 ? -2 : r;
}

static int float_hash(Obj *o, int64_t *out)
{
    double v = FLOAT_VAL(o);
    *out = isnan(v) ? (int64_t)((uintptr_t)o >> 4) : vm_float_hash(v);
    return 0;
}

/* Convert an operand to double: 1 ok, 0 not a number type, -1 error. */
static int to_double(Obj *o, double *out)
{
    if (FLOAT_CHECK(o)) {
        *out = FLOAT_VAL(o);
        return 1;
    }
    if (INT_CHECK(o))
        return vm_int_as_double(o, out) < 0 ? -1 : 1;
    return 0;
}

static Obj *float_binop(Obj *a, Obj *b, int op)
{
    double x, y;
    int ra = to_double(a, &x), rb = ra > 0 ? to_double(b, &y) : 0;
    if (ra < 0 || rb < 0)
        return NULL;
    if (!ra || !rb)
        return vm_newref(VM_NOTIMPL);
    if (op >= NB_INPLACE_FIRST)
        op -= NB_INPLACE_FIRST;
    switch (op) {
    case NB_ADD: return vm_float_new(x + y);
    case NB_SUBTRACT: return vm_float_new(x - y);
    case NB_MULTIPLY: return vm_float_new(x * y);
    case NB_TRUE_DIVIDE:
        if (y == 0)
            return vm_err_str(&vm_exc_ZeroDivisionError, "float division by zero");
        return vm_float_new(x / y);
    case NB_FLOOR_DIVIDE:
    case NB_REMAINDER: {
        if (y == 0)
            return vm_err_str(&vm_exc_ZeroDivisionError, op == NB_REMAINDER
                              ? "float modulo" : "float floor division by zero");
        double mod = fmod(x, y), div = (x - mod) / y, fd;
        if (mod) {
            if ((y < 0) != (mod < 0)) {
                mod += y;
                div -= 1.0;
            }
        } else {
            mod = copysign(0.0, y);
        }
        if (div) {
            fd = floor(div);
            if (div - fd > 0.5)
                fd += 1.0;
        } else {
            fd = copysign(0.0, x / y);
        }
        return vm_float_new(op == NB_REMAINDER ? mod : fd);
    }
    case NB_POWER: {
        if (x == 0 && y < 0)
            return vm_err_str(&vm_exc_ZeroDivisionError,
                              "0.0 cannot be raised to a negative power");
        if (x < 0 && isfinite(x) && y != floor(y) && isfinite(y))
            return vm_complex_pow_dd(x, y);     /* a complex result, as CPython */
        errno = 0;
        double r = pow(x, y);
        if (isinf(r) && isfinite(x) && isfinite(y))
            return vm_err_str(&vm_exc_OverflowError, "(34, 'Numerical result out of range')");
        return vm_float_new(r);
    }
    }
    return vm_newref(VM_NOTIMPL);
}

static Obj *float_unary(Obj *a, int op)
{
    if (op == UN_NEG)
        return vm_float_new(-FLOAT_VAL(a));
    if (op == UN_POS)
        return vm_float_new(FLOAT_VAL(a));
    return vm_newref(VM_NOTIMPL);
}

/* Compare double x with int n exactly: -1, 0, 1; 2 when x is nan. */
static int cmp_float_int(double x, Obj *n)
{
    if (isnan(x))
        return 2;
    if (isinf(x))
        return x > 0 ? 1 : -1;
    if (INT_IS_SMALL(n) && llabs(INT_SMALL(n)) <= ((int64_t)1 << 53)) {
        double y = (double)INT_SMALL(n);
        return x < y ? -1 : x > y;
    }
    double fl = floor(x);
    Obj *i = vm_int_from_double(fl);
    if (!i)
        return 0;
    int c = vm_int_cmp(i, n);
    DECREF(i);
    if (c == 0 && x > fl)
        c = 1;
    return c;
}

static Obj *float_richcmp(Obj *a, Obj *b, int op)
{
    int c;
    if (FLOAT_CHECK(a) && FLOAT_CHECK(b)) {
        double x = FLOAT_VAL(a), y = FLOAT_VAL(b);
        c = (isnan(x) || isnan(y)) ? 2 : x < y ? -1 : x > y;
    } else if (FLOAT_CHECK(a) && INT_CHECK(b)) {
        c = cmp_float_int(FLOAT_VAL(a), b);
    } else if (INT_CHECK(a) && FLOAT_CHECK(b)) {
        c = cmp_float_int(FLOAT_VAL(b), a);
        if (c != 2)
            c = -c;
    } else {
        return vm_newref(VM_NOTIMPL);
    }
    bool r;
    if (c == 2) {
        r = op == CMP_NE;
    } else {
        switch (op) {
        case CMP_LT: r = c < 0; break;
        case CMP_LE: r = c <= 0; break;
        case CMP_EQ: r = c == 0; break;
        case CMP_NE: r = c != 0; break;
        case CMP_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    return VM_BOOL(r);
}

static int float_truth(Obj *o)
{
    return FLOAT_VAL(o) != 0;
}

Obj *vm_float_from_str(const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    while (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r')))
        p++;
    while (end > p && (end[-1] == ' ' || (end[-1] >= '\t' && end[-1] <= '\r')))
        end--;
    char *tmp = ls_xmalloc((size_t)(end - p) + 1);
    size_t n = 0;
    bool ok = p < end;
    for (const char *q = p; q < end; q++) {
        if (*q == '_') {
            /* only between digits */
            if (q == p || q + 1 >= end || !(q[-1] >= '0' && q[-1] <= '9')
                || !(q[1] >= '0' && q[1] <= '9'))
                ok = false;
            continue;
        }
        tmp[n++] = *q;
    }
    tmp[n] = '\0';
    double v = 0;
    if (ok) {
        const char *t = tmp + (tmp[0] == '+' || tmp[0] == '-');
        bool word = strcasecmp(t, "inf") == 0 || strcasecmp(t, "infinity") == 0
            || strcasecmp(t, "nan") == 0;
        bool hexish = strchr(t, 'x') || strchr(t, 'X');
        if (!word && (hexish || !((t[0] >= '0' && t[0] <= '9') || t[0] == '.')))
            ok = false;
        if (ok) {
            char *q;
            v = strtod(tmp, &q);
            ok = *q == '\0';
        }
    }
    free(tmp);
    if (!ok) {
        Obj *str = vm_str_new(s, len);
        if (!str)
            return NULL;
        Obj *r = vm_str_repr(str);
        DECREF(str);
        if (!r)
            return NULL;
        vm_err_fmt(&vm_exc_ValueError, "could not convert string to float: %s", STR_DATA(r));
        DECREF(r);
        return NULL;
    }
    return vm_float_new(v);
}

static Obj *float_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("float", kwnames) < 0 || vm_argc("float", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return vm_float_new(0.0);
    Obj *x = args[0];
    if (FLOAT_CHECK(x))
        return vm_float_new(FLOAT_VAL(x));
    if (INT_CHECK(x)) {
        double d;
        if (vm_int_as_double(x, &d) < 0)
            return NULL;
        return vm_float_new(d);
    }
    if (STR_CHECK(x) && ((StrObj *)x)->ulen != STR_LEN(x)) {
        /* Unicode decimal digits and spaces read as their ASCII forms */
        const char *p = STR_DATA(x);
        size_t n = (size_t)STR_LEN(x);
        Buf b = BUF_INIT;
        vm_uc_ascii_digits(&b, p, n);
        Obj *r = vm_float_from_str(b.data, b.len);
        buf_free(&b);
        if (!r && vm_err_matches(&vm_exc_ValueError)) {
            vm_err_clear();
            Obj *rep = vm_repr(x);
            if (rep) {
                vm_err_fmt(&vm_exc_ValueError, "could not convert string to float: %s",
                           STR_DATA(rep));
                DECREF(rep);
            }
        }
        return r;
    }
    if (STR_CHECK(x))
        return vm_float_from_str(STR_DATA(x), (size_t)STR_LEN(x));
    if (BYTES_CHECK(x) || BYTEARRAY_CHECK(x)) {
        /* float(b'2.5'): the ASCII text; the message shows the bytes' repr */
        const char *p = BYTES_CHECK(x) ? ((BytesObj *)x)->s : ((ByteArrayObj *)x)->data;
        size_t n = (size_t)(BYTES_CHECK(x) ? ((BytesObj *)x)->len : ((ByteArrayObj *)x)->len);
        bool ascii = true;
        for (size_t i = 0; i < n; i++)
            ascii &= (unsigned char)p[i] < 0x80;
        Obj *r = ascii ? vm_float_from_str(n ? p : "", n) : NULL;
        if (!r && (!ascii || vm_err_matches(&vm_exc_ValueError))) {
            vm_err_clear();
            Obj *rep = vm_repr(x);
            if (rep) {
                vm_err_fmt(&vm_exc_ValueError, "could not convert string to float: %s",
                           STR_DATA(rep));
                DECREF(rep);
            }
        }
        return r;
    }
    if (TYPE(x)->flags & TF_HEAP) {
        bool found;
        Obj *r = vm_call_special(x, "__float__", NULL, 0, &found);
        if (found && r && !FLOAT_CHECK(r)) {
            vm_err_fmt(&vm_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                       vm_tname(x), vm_tname(r));
            DECREF(r);
            return NULL;
        }
        if (!found)
            r = vm_call_special(x, "__index__", NULL, 0, &found);
        if (found) {
            if (r && INT_CHECK(r)) {
                double d;
                int rc = vm_int_as_double(r, &d);
                DECREF(r);
                return rc < 0 ? NULL : vm_float_new(d);
            }
            if (r && !FLOAT_CHECK(r)) {
                vm_err_fmt(&vm_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                           vm_tname(x), vm_tname(r));
                DECREF(r);
                return NULL;
            }
            return r;
        }
    }
    return vm_err_fmt(&vm_exc_TypeError, "float() argument must be a string or a real number, "
                      "not '%s'", vm_tname(x));
}

static Obj *float_is_integer(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("is_integer", kwnames) < 0 || vm_argc("is_integer", nargs, 0, 0) < 0)
        return NULL;
    double v = FLOAT_VAL(self);
    return VM_BOOL(isfinite(v) && v == floor(v));
}

static Obj *float_getattr(Obj *o, Obj *name)
{
    if (vm_str_eqc(name, "real"))
        return vm_float_new(FLOAT_VAL(o));
    if (vm_str_eqc(name, "imag"))
        return vm_float_new(0.0);
    return NULL;
}

/* float.as_integer_ratio() */
static Obj *float_as_integer_ratio(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("as_integer_ratio", kwnames) < 0
        || vm_argc("as_integer_ratio", nargs, 0, 0) < 0)
        return NULL;
    double x = FLOAT_VAL(self);
    if (isinf(x))
        return vm_err_str(&vm_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return vm_err_str(&vm_exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    Obj *num = vm_int_from_double(m), *den = vm_int_from_i64(1);
    Obj *sh = vm_int_from_i64(e < 0 ? -e : e);
    Obj **target = e < 0 ? &den : &num;
    Obj *shifted = num && den && sh ? vm_binop(*target, sh, NB_LSHIFT) : NULL;
    XDECREF(sh);
    if (!shifted) {
        XDECREF(num);
        XDECREF(den);
        return NULL;
    }
    DECREF(*target);
    *target = shifted;
    Obj *t = vm_tuple_new(2);
    TUPLE_ITEMS(t)[0] = num;
    TUPLE_ITEMS(t)[1] = den;
    return t;
}

/* float.hex(): [-]0xh.hhhhhhhhhhhhhp±e as CPython */
static Obj *float_hex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("hex", kwnames) < 0 || vm_argc("hex", nargs, 0, 0) < 0)
        return NULL;
    double x = FLOAT_VAL(self);
    if (isnan(x))
        return vm_str_cstr("nan");
    if (isinf(x))
        return vm_str_cstr(x < 0 ? "-inf" : "inf");
    Buf b = BUF_INIT;
    if (signbit(x))
        buf_putc(&b, '-');
    x = fabs(x);
    if (x == 0.0) {
        buf_puts(&b, "0x0.0p+0");
    } else {
        int e;
        double m = frexp(x, &e);
        int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
        m = ldexp(m, shift);
        e -= shift;
        static const char hexd[] = "0123456789abcdef";
        int lead = (int)m;
        m -= lead;
        buf_printf(&b, "0x%c.", hexd[lead]);
        for (int i = 0; i < (DBL_MANT_DIG - 2) / 4 + 1; i++) {
            m *= 16.0;
            int dg = (int)m;
            buf_putc(&b, hexd[dg]);
            m -= dg;
        }
        buf_printf(&b, "p%+d", e);
    }
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

/* float.fromhex(string), a class method (args[0] is the class) */
/* float.__getformat__(typestr), a class method: the C double's layout */
Obj *vm_float_getformat(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("__getformat__", kwnames) < 0 || vm_argc("__getformat__", nargs, 2, 2) < 0)
        return NULL;
    Obj *t = args[1];
    if (!STR_CHECK(t))
        return vm_err_fmt(&vm_exc_TypeError, "__getformat__() argument must be str, not %s",
                          vm_tname(t));
    if (!vm_str_eqc(t, "double") && !vm_str_eqc(t, "float"))
        return vm_err_str(&vm_exc_ValueError,
                          "__getformat__() argument 1 must be 'double' or 'float'");
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return vm_str_cstr("IEEE, big-endian");
#else
    return vm_str_cstr("IEEE, little-endian");
#endif
}

Obj *vm_float_fromhex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    if (vm_nokw("fromhex", kwnames) < 0 || vm_argc("fromhex", nargs - 1, 1, 1) < 0)
        return NULL;
    Obj *s = args[1];
    if (!STR_CHECK(s))
        return vm_err_str(&vm_exc_TypeError, "bad argument type for built-in operation");
    const char *p = STR_DATA(s), *end = p + STR_LEN(s);
    while (p < end && (*p == ' ' || (*p >= 9 && *p <= 13)))
        p++;
    while (end > p && (end[-1] == ' ' || (end[-1] >= 9 && end[-1] <= 13)))
        end--;
    Buf b = BUF_INIT;
    const char *q = p;
    if (q < end && (*q == '+' || *q == '-'))
        buf_putc(&b, *q++);
    bool named = end - q >= 3 && (strncasecmp(q, "inf", 3) == 0 || strncasecmp(q, "nan", 3) == 0);
    if (!named && !(end - q >= 2 && q[0] == '0' && (q[1] | 0x20) == 'x'))
        buf_puts(&b, "0x");
    buf_put(&b, q, (size_t)(end - q));
    bool ok = b.len > 0 && memchr(b.data, '\0', b.len) == NULL && !memchr(b.data, '_', b.len);
    for (size_t i = 0; ok && i < b.len; i++)
        ok = b.data[i] != ' ';
    double v = 0;
    char *stop = NULL;
    if (ok) {
        errno = 0;
        v = strtod(b.data, &stop);
        ok = stop == b.data + b.len && stop != b.data;
    }
    bool overflow = ok && errno == ERANGE && isinf(v);
    buf_free(&b);
    if (overflow)
        return vm_err_str(&vm_exc_OverflowError, "hexadecimal value too large to represent "
                          "as a float");
    if (!ok)
        return vm_err_str(&vm_exc_ValueError, "invalid hexadecimal floating-point string");
    Obj *r = vm_float_new(v), *cls = args[0];
    if (r && HAS_FLAG(cls, TF_TYPE) && cls != (Obj *)&vm_float_type) {
        /* F.fromhex(s) on a subclass is F(float.fromhex(s)) */
        Obj *sub = vm_call(cls, &r, 1, NULL);
        DECREF(r);
        r = sub;
    }
    return r;
}

static Obj *float_conjugate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("conjugate", kwnames) < 0 || vm_argc("conjugate", nargs, 0, 0) < 0)
        return NULL;
    return vm_float_new(FLOAT_VAL(self));
}

/* __trunc__, __int__, __floor__, __ceil__: the int by C's rounding function */
#define FLOAT_TO_INT(cname, pyname, fn) \
    static Obj *cname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        if (vm_nokw(pyname, kwnames) < 0 || vm_argc(pyname, nargs, 0, 0) < 0) \
            return NULL; \
        return vm_int_from_double(fn(FLOAT_VAL(self))); \
    }
FLOAT_TO_INT(float_trunc, "__trunc__", trunc)
FLOAT_TO_INT(float_int, "__int__", trunc)
FLOAT_TO_INT(float_floor, "__floor__", floor)
FLOAT_TO_INT(float_ceil, "__ceil__", ceil)

static Obj *float_pow_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_number_pow_method(&vm_float_type, self, args, nargs, kwnames, false);
}

static Obj *float_rpow_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_number_pow_method(&vm_float_type, self, args, nargs, kwnames, true);
}

static const MethodDef float_methods[] = {
    {"__pow__", float_pow_m},
    {"__rpow__", float_rpow_m},
    {"conjugate", float_conjugate},
    {"__float__", float_conjugate},
    {"__trunc__", float_trunc},
    {"__int__", float_int},
    {"__floor__", float_floor},
    {"__ceil__", float_ceil},
    {"is_integer", float_is_integer},
    {"as_integer_ratio", float_as_integer_ratio},
    {"hex", float_hex},
    {NULL, NULL},
};

Type vm_float_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "float",
    .base = &vm_object_type,
    .flags = TF_FLOAT,
    .basicsize = sizeof(FloatObj),
    .repr = float_repr,
    .hash = float_hash,
    .richcmp = float_richcmp,
    .binop = float_binop,
    .unary = float_unary,
    .truth = float_truth,
    .construct = float_construct,
    .getattr = float_getattr,
    .methods = float_methods,
};
