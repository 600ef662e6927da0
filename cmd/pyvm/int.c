/* cmd/pyvm/int.c: int and bool.
 *
 * Stage: pyvm.  Small values (int64) take the fast paths; anything larger is
 * a sign and magnitude of base-2^32 digits (int.h).  Big arithmetic works on
 * temporary magnitudes (Big) and normalizes the result back, so a result
 * that fits in int64 is always small again.  Division is Knuth's algorithm D;
 * floor division and modulo follow Python (rounding toward minus infinity).
 * Three-argument pow (pow(a, b, m), int.__pow__(a, b, m)) dispatches as
 * CPython's ternary_op over the three types and lives here too.
 */
#include "cmd/pyvm/int.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/descr.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/complex.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/pool.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/ucase.h"
#include "libstage/unicode.h"

#define SMALL_MIN VM_INT_SHARED_MIN
#define SMALL_MAX VM_INT_SHARED_MAX
static IntObj small_ints[SMALL_MAX - SMALL_MIN + 1];

int vm_int_max_str_digits = VM_INT_MAX_STR_DIGITS;

/* A temporary view of an int's magnitude. */
typedef struct Big {
    int sign;               /* -1, 0, +1 */
    size_t n;               /* digits in use */
    uint32_t *d;            /* the digits (borrowed or buf or malloc'd) */
    uint32_t buf[2];        /* storage for a small value's magnitude */
} Big;

static void big_load(Obj *o, Big *b)
{
    IntObj *i = (IntObj *)o;
    if (i->n == 0) {
        int64_t v = i->v;
        uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        b->sign = v < 0 ? -1 : v > 0;
        b->buf[0] = (uint32_t)m;
        b->buf[1] = (uint32_t)(m >> 32);
        b->d = b->buf;
        b->n = m == 0 ? 0 : b->buf[1] ? 2 : 1;
    } else {
        b->sign = i->sign;
        b->n = (size_t)i->n;
        b->d = i->d;
    }
}

Obj *vm_int_from_i64(int64_t v)
{
    if (v >= SMALL_MIN && v <= SMALL_MAX) {
        Obj *o = (Obj *)&small_ints[v - SMALL_MIN];
        INCREF(o);
        return o;
    }
    /* perf: vm_alloc inlined (int is neither a container nor a heap
     * type); small ones come from a pool without block headers (pool.h) */
    IntObj *i = vm_pool_alloc(&vm_int_pool);
    i->ob.refcnt = 1;
    i->ob.type = &vm_int_type;
    i->v = v;
    i->n = 0;
    i->sign = 0;
    return (Obj *)i;
}

/* An int from a sign and a magnitude (copied); normalizes. */
static Obj *int_make(int sign, const uint32_t *d, size_t n)
{
    while (n > 0 && d[n - 1] == 0)
        n--;
    if (n == 0)
        return vm_int_from_i64(0);
    if (n <= 2) {
        uint64_t m = d[0] | (n == 2 ? (uint64_t)d[1] << 32 : 0);
        if (m <= (uint64_t)INT64_MAX)
            return vm_int_from_i64(sign < 0 ? -(int64_t)m : (int64_t)m);
        if (sign < 0 && m == (uint64_t)1 << 63)
            return vm_int_from_i64(INT64_MIN);
    }
    if (n > (size_t)INT32_MAX / 2)
        return vm_err_nomem();
    IntObj *i = vm_try_alloc(&vm_int_type, n * sizeof(uint32_t));
    if (!i)
        return NULL;            /* MemoryError */
    i->v = 0;
    i->n = (int32_t)n;
    i->sign = sign < 0 ? -1 : 1;
    memcpy(i->d, d, n * sizeof(uint32_t));
    return (Obj *)i;
}

/* ---- magnitude arithmetic ---- */

static int mag_cmp(const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
    if (an != bn)
        return an < bn ? -1 : 1;
    for (size_t i = an; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* out (max(an, bn) + 1 digits) = a + b */
static size_t mag_add(const uint32_t *a, size_t an, const uint32_t *b, size_t bn, uint32_t *out)
{
    if (an < bn) {
        const uint32_t *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    uint64_t carry = 0;
    for (size_t i = 0; i < an; i++) {
        carry += (uint64_t)a[i] + (i < bn ? b[i] : 0);
        out[i] = (uint32_t)carry;
        carry >>= 32;
    }
    out[an] = (uint32_t)carry;
    return an + 1;
}

/* out (an digits) = a - b, where a >= b */
static size_t mag_sub(const uint32_t *a, size_t an, const uint32_t *b, size_t bn, uint32_t *out)
{
    int64_t borrow = 0;
    for (size_t i = 0; i < an; i++) {
        int64_t t = (int64_t)a[i] - (i < bn ? b[i] : 0) - borrow;
        borrow = t < 0;
        out[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
    }
    return an;
}

/* out (an + bn digits) = a * b, schoolbook */
static void mag_mul_basic(const uint32_t *a, size_t an, const uint32_t *b, size_t bn,
                          uint32_t *out)
{
    memset(out, 0, (an + bn) * sizeof *out);
    for (size_t i = 0; i < an; i++) {
        uint64_t carry = 0, ai = a[i];
        if (ai == 0)
            continue;
        for (size_t j = 0; j < bn; j++) {
            carry += ai * b[j] + out[i + j];
            out[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        out[i + bn] = (uint32_t)carry;
    }
}

/* Operands at least this long (in 32-bit digits) multiply by Karatsuba. */
#define KARATSUBA_CUTOFF 48

/* acc (an digits, room for the carry) += x (xn digits, xn <= an) */
static void mag_add_into(uint32_t *acc, size_t an, const uint32_t *x, size_t xn)
{
    uint64_t c = 0;
    size_t i = 0;
    for (; i < xn; i++) {
        c += (uint64_t)acc[i] + x[i];
        acc[i] = (uint32_t)c;
        c >>= 32;
    }
    for (; c && i < an; i++) {
        c += acc[i];
        acc[i] = (uint32_t)c;
        c >>= 32;
    }
}

/* acc (an digits) -= x (xn digits); the result is known to be >= 0 */
static void mag_sub_into(uint32_t *acc, size_t an, const uint32_t *x, size_t xn)
{
    int64_t borrow = 0;
    size_t i = 0;
    for (; i < xn; i++) {
        int64_t t = (int64_t)acc[i] - x[i] - borrow;
        borrow = t < 0;
        acc[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
    }
    for (; borrow && i < an; i++) {
        int64_t t = (int64_t)acc[i] - borrow;
        borrow = t < 0;
        acc[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
    }
}

static void mag_mul_any(const uint32_t *a, size_t an, const uint32_t *b, size_t bn,
                        uint32_t *out);

/* Karatsuba for an >= bn, an < 2 * bn: with a = a1 B^h + a0, b = b1 B^h + b0,
 * a b = z2 B^2h + ((a0 + a1)(b0 + b1) - z2 - z0) B^h + z0. */
static void mag_mul_karatsuba(const uint32_t *a, size_t an, const uint32_t *b, size_t bn,
                              uint32_t *out)
{
    size_t h = an / 2;
    if (h >= bn)
        h = bn - 1;
    const uint32_t *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
    size_t a0n = h, a1n = an - h, b0n = h, b1n = bn - h;
    memset(out, 0, (an + bn) * sizeof *out);
    mag_mul_any(a0, a0n, b0, b0n, out);                 /* z0 at 0 */
    uint32_t *z2 = ls_xmalloc((a1n + b1n) * sizeof *z2);
    mag_mul_any(a1, a1n, b1, b1n, z2);
    size_t sa = (a1n > a0n ? a1n : a0n) + 1, sb = (b1n > b0n ? b1n : b0n) + 1;
    uint32_t *as = ls_xcalloc(sa, sizeof *as), *bs = ls_xcalloc(sb, sizeof *bs);
    memcpy(as, a1, a1n * sizeof *as);
    mag_add_into(as, sa, a0, a0n);
    memcpy(bs, b1, b1n * sizeof *bs);
    mag_add_into(bs, sb, b0, b0n);
    while (sa > 1 && as[sa - 1] == 0)
        sa--;
    while (sb > 1 && bs[sb - 1] == 0)
        sb--;
    uint32_t *z1 = ls_xmalloc((sa + sb) * sizeof *z1);
    if (sa >= sb)
        mag_mul_any(as, sa, bs, sb, z1);
    else
        mag_mul_any(bs, sb, as, sa, z1);
    size_t z1n = sa + sb, z2n = a1n + b1n, z0n = a0n + b0n;
    while (z2n > 0 && z2[z2n - 1] == 0)
        z2n--;
    while (z0n > 0 && out[z0n - 1] == 0)
        z0n--;
    /* z1 >= z2 and z1 >= z0 as numbers, so the trimmed lengths fit */
    mag_sub_into(z1, z1n, z2, z2n);
    mag_sub_into(z1, z1n, out, z0n);
    while (z1n > 0 && z1[z1n - 1] == 0)
        z1n--;
    mag_add_into(out + 2 * h, an + bn - 2 * h, z2, z2n);
    mag_add_into(out + h, an + bn - h, z1, z1n);
    free(z1);
    free(z2);
    free(as);
    free(bs);
}

/* out (an + bn digits) = a * b for an >= bn >= 1 */
static void mag_mul_any(const uint32_t *a, size_t an, const uint32_t *b, size_t bn,
                        uint32_t *out)
{
    if (bn == 1) {
        /* perf: by one digit (n * small, as in a factorial), one pass */
        uint64_t carry = 0, m = b[0];
        for (size_t i = 0; i < an; i++) {
            carry += a[i] * m;
            out[i] = (uint32_t)carry;
            carry >>= 32;
        }
        out[an] = (uint32_t)carry;
        return;
    }
    if (bn < KARATSUBA_CUTOFF) {
        mag_mul_basic(a, an, b, bn, out);
        return;
    }
    if (an < 2 * bn) {
        mag_mul_karatsuba(a, an, b, bn, out);
        return;
    }
    /* unbalanced: a in slices of bn digits */
    memset(out, 0, (an + bn) * sizeof *out);
    uint32_t *tmp = ls_xmalloc(2 * bn * sizeof *tmp);
    for (size_t off = 0; off < an; off += bn) {
        size_t len = an - off < bn ? an - off : bn;
        if (len >= bn)
            mag_mul_any(a + off, len, b, bn, tmp);
        else
            mag_mul_any(b, bn, a + off, len, tmp);
        size_t tn = len + bn;
        mag_add_into(out + off, an + bn - off, tmp, tn);
    }
    free(tmp);
}

/* out (an + bn digits) = a * b */
static size_t mag_mul(const uint32_t *a, size_t an, const uint32_t *b, size_t bn, uint32_t *out)
{
    if (an == 0 || bn == 0) {
        memset(out, 0, (an + bn) * sizeof *out);
        return an + bn;
    }
    if (an >= bn)
        mag_mul_any(a, an, b, bn, out);
    else
        mag_mul_any(b, bn, a, an, out);
    return an + bn;
}

/* q (an digits) = a / b, returns a % b, for a one-digit b != 0. */
static uint32_t mag_div1(const uint32_t *a, size_t an, uint32_t b, uint32_t *q)
{
    uint64_t r = 0;
    for (size_t i = an; i-- > 0;) {
        uint64_t cur = (r << 32) | a[i];
        q[i] = (uint32_t)(cur / b);
        r = cur % b;
    }
    return (uint32_t)r;
}

/* Knuth D: q (an - bn + 1 digits) = a / b, r (bn digits) = a % b;
 * an >= bn >= 2, b[bn-1] != 0. */
static void mag_divmod(const uint32_t *a, size_t an, const uint32_t *b, size_t bn,
                       uint32_t *q, uint32_t *r)
{
    int s = __builtin_clz(b[bn - 1]);
    uint32_t *un = ls_xcalloc(an + 1, sizeof *un);
    uint32_t *vn = ls_xcalloc(bn, sizeof *vn);
    for (size_t i = bn; i-- > 0;)
        vn[i] = (b[i] << s) | (s && i > 0 ? b[i - 1] >> (32 - s) : 0);
    un[an] = s ? a[an - 1] >> (32 - s) : 0;
    for (size_t i = an; i-- > 0;)
        un[i] = (a[i] << s) | (s && i > 0 ? a[i - 1] >> (32 - s) : 0);
    const uint64_t B = (uint64_t)1 << 32;
    for (size_t j = an - bn + 1; j-- > 0;) {
        uint64_t num = ((uint64_t)un[j + bn] << 32) | un[j + bn - 1];
        uint64_t qhat = num / vn[bn - 1], rhat = num % vn[bn - 1];
        while (qhat >= B || qhat * vn[bn - 2] > ((rhat << 32) | un[j + bn - 2])) {
            qhat--;
            rhat += vn[bn - 1];
            if (rhat >= B)
                break;
        }
        int64_t k = 0, t;
        for (size_t i = 0; i < bn; i++) {
            uint64_t p = qhat * vn[i];
            t = (int64_t)un[i + j] - k - (int64_t)(p & 0xffffffffu);
            un[i + j] = (uint32_t)t;
            k = (int64_t)(p >> 32) - (t >> 32);
        }
        t = (int64_t)un[j + bn] - k;
        un[j + bn] = (uint32_t)t;
        q[j] = (uint32_t)qhat;
        if (t < 0) {
            q[j]--;
            uint64_t c = 0;
            for (size_t i = 0; i < bn; i++) {
                c += (uint64_t)un[i + j] + vn[i];
                un[i + j] = (uint32_t)c;
                c >>= 32;
            }
            un[j + bn] += (uint32_t)c;
        }
    }
    for (size_t i = 0; i < bn; i++)
        r[i] = (un[i] >> s) | (s ? un[i + 1] << (32 - s) : 0);
    free(un);
    free(vn);
}

/* ---- big operations on objects ---- */

/* Results up to this many digits are built in a buffer on the C stack. */
#define BIG_STACK_DIGITS 512

static Obj *big_addsub(Obj *x, Obj *y, bool sub)
{
    Big a, b;
    big_load(x, &a);
    big_load(y, &b);
    int bs = sub ? -b.sign : b.sign;
    size_t n = (a.n > b.n ? a.n : b.n) + 1;
    uint32_t stackbuf[BIG_STACK_DIGITS];    /* perf: no malloc for the common sizes */
    uint32_t *out = n <= BIG_STACK_DIGITS ? stackbuf : ls_xmalloc(n * sizeof *out);
    Obj *r;
    if (a.sign == 0 || bs == 0 || a.sign == bs) {
        size_t m = mag_add(a.d, a.n, b.d, b.n, out);
        r = int_make(a.sign ? a.sign : bs, out, m);
    } else {
        int c = mag_cmp(a.d, a.n, b.d, b.n);
        if (c >= 0)
            r = int_make(a.sign, out, mag_sub(a.d, a.n, b.d, b.n, out));
        else
            r = int_make(bs, out, mag_sub(b.d, b.n, a.d, a.n, out));
    }
    if (out != stackbuf)
        free(out);
    return r;
}

static Obj *big_mul(Obj *x, Obj *y)
{
    Big a, b;
    big_load(x, &a);
    big_load(y, &b);
    if (a.sign == 0 || b.sign == 0)
        return vm_int_from_i64(0);
    uint32_t stackbuf[BIG_STACK_DIGITS];    /* perf: no malloc for the common sizes */
    uint32_t *out = a.n + b.n <= BIG_STACK_DIGITS ? stackbuf
        : malloc((a.n + b.n) * sizeof *out);
    if (!out)
        return vm_err_nomem();
    size_t n = mag_mul(a.d, a.n, b.d, b.n, out);
    Obj *r = int_make(a.sign * b.sign, out, n);
    if (out != stackbuf)
        free(out);
    return r;
}

/* Floor division and modulo of big (or mixed) ints; either output may be NULL. */
static int big_divmod(Obj *x, Obj *y, Obj **qp, Obj **rp)
{
    Big a, b;
    big_load(x, &a);
    big_load(y, &b);
    if (b.sign == 0) {
        vm_err_str(&vm_exc_ZeroDivisionError, "integer division or modulo by zero");
        return -1;
    }
    size_t qn = a.n >= b.n ? a.n - b.n + 1 : 1;
    uint32_t *q = ls_xcalloc(qn + 1, sizeof *q);
    uint32_t *r = ls_xcalloc(b.n + 1, sizeof *r);
    size_t rn = b.n;
    if (mag_cmp(a.d, a.n, b.d, b.n) < 0) {
        memcpy(r, a.d, a.n * sizeof *r);
        rn = a.n;
        qn = 0;
    } else if (b.n == 1) {
        r[0] = mag_div1(a.d, a.n, b.d[0], q);
        rn = 1;
    } else {
        mag_divmod(a.d, a.n, b.d, b.n, q, r);
    }
    bool rzero = true;
    for (size_t i = 0; i < rn; i++)
        if (r[i])
            rzero = false;
    int qsign = a.sign * b.sign, rsign = a.sign;
    if (!rzero && a.sign != b.sign) {
        /* floor: q = -(|q| + 1), r = sign(b) * (|b| - |r|) */
        uint32_t one = 1;
        uint32_t *q2 = ls_xcalloc(qn + 2, sizeof *q2);
        qn = mag_add(q, qn, &one, 1, q2);
        free(q);
        q = q2;
        qsign = -1;
        uint32_t *r2 = ls_xcalloc(b.n + 1, sizeof *r2);
        rn = mag_sub(b.d, b.n, r, rn, r2);
        free(r);
        r = r2;
        rsign = b.sign;
    }
    int rc = 0;
    if (qp && !(*qp = int_make(qsign, q, qn)))
        rc = -1;
    if (rp && rc == 0 && !(*rp = int_make(rsign, r, rn))) {
        if (qp)
            CLEAR(*qp);
        rc = -1;
    }
    free(q);
    free(r);
    return rc;
}

/* Two's complement of b in n digits. */
static void to_twos(const Big *b, uint32_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = i < b->n ? b->d[i] : 0;
    if (b->sign < 0) {
        uint64_t c = 1;
        for (size_t i = 0; i < n; i++) {
            c += (uint32_t)~out[i];
            out[i] = (uint32_t)c;
            c >>= 32;
        }
    }
}

static Obj *big_bitop(Obj *x, Obj *y, int op)
{
    Big a, b;
    big_load(x, &a);
    big_load(y, &b);
    size_t n = (a.n > b.n ? a.n : b.n) + 1;
    uint32_t *u = ls_xmalloc(n * sizeof *u), *v = ls_xmalloc(n * sizeof *v);
    to_twos(&a, u, n);
    to_twos(&b, v, n);
    for (size_t i = 0; i < n; i++)
        u[i] = op == NB_AND ? u[i] & v[i] : op == NB_OR ? u[i] | v[i] : u[i] ^ v[i];
    int sign = 1;
    if (u[n - 1] >> 31) {
        sign = -1;
        Big m = {1, n, u, {0, 0}};
        m.sign = -1;
        to_twos(&m, v, n);      /* negate back to a magnitude */
        memcpy(u, v, n * sizeof *u);
    }
    Obj *r = int_make(sign, u, n);
    free(u);
    free(v);
    return r;
}

static Obj *big_lshift(Obj *x, int64_t k)
{
    Big a;
    big_load(x, &a);
    if (a.sign == 0)
        return vm_int_from_i64(0);
    if (k > (int64_t)1 << 31)
        return vm_err_nomem();
    size_t ds = (size_t)(k / 32), bs = (size_t)(k % 32), n = a.n + ds + 1;
    uint32_t *out = calloc(n, sizeof *out);
    if (!out)
        return vm_err_nomem();
    for (size_t i = 0; i < a.n; i++) {
        uint64_t w = (uint64_t)a.d[i] << bs;
        out[i + ds] |= (uint32_t)w;
        out[i + ds + 1] |= (uint32_t)(w >> 32);
    }
    Obj *r = int_make(a.sign, out, n);
    free(out);
    return r;
}

/* Arithmetic right shift (floor). */
static Obj *big_rshift(Obj *x, int64_t k)
{
    Big a;
    big_load(x, &a);
    if (a.sign < 0) {
        /* -((|a| - 1) >> k) - 1 */
        Obj *one = vm_int_from_i64(1);
        Obj *neg = vm_int_binop(x, one, NB_ADD);       /* a + 1 = -(|a| - 1) */
        if (!neg) { DECREF(one); return NULL; }
        Obj *pos = vm_unary(neg, UN_NEG);
        DECREF(neg);
        if (!pos) { DECREF(one); return NULL; }
        Obj *sh = big_rshift(pos, k);
        DECREF(pos);
        if (!sh) { DECREF(one); return NULL; }
        Obj *ng = vm_unary(sh, UN_NEG);
        DECREF(sh);
        if (!ng) { DECREF(one); return NULL; }
        Obj *r = vm_int_binop(ng, one, NB_SUBTRACT);
        DECREF(ng);
        DECREF(one);
        return r;
    }
    size_t ds = (size_t)(k / 32), bs = (size_t)(k % 32);
    if ((uint64_t)k >= (uint64_t)a.n * 32)
        return vm_int_from_i64(0);
    size_t n = a.n - ds;
    uint32_t *out = ls_xcalloc(n, sizeof *out);
    for (size_t i = 0; i < n; i++) {
        uint64_t w = a.d[i + ds] | (i + ds + 1 < a.n ? (uint64_t)a.d[i + ds + 1] << 32 : 0);
        out[i] = (uint32_t)(w >> bs);
    }
    Obj *r = int_make(1, out, n);
    free(out);
    return r;
}

static Obj *int_pow(Obj *a, Obj *b)
{
    Big e;
    big_load(b, &e);
    if (e.sign < 0) {
        double x, y;
        if (vm_int_as_double(a, &x) < 0 || vm_int_as_double(b, &y) < 0)
            return NULL;
        if (x == 0)
            return vm_err_str(&vm_exc_ZeroDivisionError,
                              "0.0 cannot be raised to a negative power");
        return vm_float_new(pow(x, y));
    }
    if (!INT_IS_SMALL(b)) {
        Big base;
        big_load(a, &base);
        if (base.n <= 1 && (base.n == 0 || base.d[0] == 1)) {
            if (base.sign < 0 && (e.d[0] & 1) == 0)
                return vm_int_from_i64(1);
            return vm_newref(a);
        }
        return vm_err_nomem();
    }
    int64_t n = INT_SMALL(b);
    /* A result bigger than the memory there is (2 ** 10 ** 10 under
     * ulimit -v) is a MemoryError at once, as in CPython, not an "out of
     * memory" exit halfway: ask for its size first. */
    Big ab;
    big_load(a, &ab);
    if (ab.n && n > 1) {
        double bits = (double)(ab.n - 1) * 32 + 32 - __builtin_clz(ab.d[ab.n - 1]);
        double bytes = bits * (double)n / 8;
        if (bytes > 64e6) {
            void *trial = bytes < 1e18 ? malloc((size_t)bytes) : NULL;
            if (!trial)
                return vm_err_nomem();
            free(trial);
        }
    }
    Obj *result = vm_int_from_i64(1), *base = vm_newref(a);
    while (n > 0) {
        if (n & 1) {
            Obj *t = vm_int_binop(result, base, NB_MULTIPLY);
            DECREF(result);
            if (!(result = t)) { DECREF(base); return NULL; }
        }
        n >>= 1;
        if (n) {
            Obj *t = vm_int_binop(base, base, NB_MULTIPLY);
            DECREF(base);
            if (!(base = t)) { DECREF(result); return NULL; }
        }
    }
    DECREF(base);
    return result;
}

/* a / b correctly rounded for any ints (CPython's long_true_divide): a
 * 55-bit quotient of suitably shifted operands, rounded half to even with
 * the remainder as a sticky bit, then scaled. */
static Obj *int_unary(Obj *a, int op);

static Obj *truediv_big(Obj *a, Obj *b)
{
    Obj *zero = vm_int_from_i64(0);
    int ca = vm_int_cmp(a, zero);
    bool na = ca < 0, nb = vm_int_cmp(b, zero) < 0;
    DECREF(zero);
    bool negate = na != nb;
    if (ca == 0)
        return vm_float_new(negate ? -0.0 : 0.0);
    Obj *x = na ? int_unary(a, UN_NEG) : vm_newref(a);
    Obj *y = nb ? int_unary(b, UN_NEG) : vm_newref(b);
    int64_t diff = vm_int_bit_length(x) - vm_int_bit_length(y);
    if (diff > DBL_MAX_EXP) {
        DECREF(x);
        DECREF(y);
        return vm_err_str(&vm_exc_OverflowError, "integer division result too large for a float");
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        DECREF(x);
        DECREF(y);
        return vm_float_new(negate ? -0.0 : 0.0);
    }
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    Obj *sh = vm_int_from_i64(shift < 0 ? -shift : shift), *xs;
    if (shift <= 0) {
        xs = vm_int_binop(x, sh, NB_LSHIFT);
    } else {
        xs = vm_int_binop(x, sh, NB_RSHIFT);
        Obj *back = xs ? vm_int_binop(xs, sh, NB_LSHIFT) : NULL;
        inexact = back && vm_int_cmp(back, x) != 0;
        XDECREF(back);
    }
    DECREF(sh);
    DECREF(x);
    Obj *q = xs ? vm_int_binop(xs, y, NB_FLOOR_DIVIDE) : NULL;
    Obj *qy = q ? vm_int_binop(q, y, NB_MULTIPLY) : NULL;
    if (qy && vm_int_cmp(qy, xs) != 0)
        inexact = true;
    XDECREF(qy);
    XDECREF(xs);
    DECREF(y);
    int64_t qv;
    if (!q || vm_int_as_i64(q, &qv) < 0) {
        XDECREF(q);
        return NULL;
    }
    int64_t qbits = vm_int_bit_length(q);
    DECREF(q);
    int64_t extra = (qbits > DBL_MIN_EXP - shift ? qbits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra - 1), low = (uint64_t)qv | (inexact ? 1u : 0u);
    if ((low & mask) && (low & (3 * mask - 1)))
        low += mask;
    low &= ~(2 * mask - 1);
    double r = ldexp((double)low, (int)shift);
    if (isinf(r))
        return vm_err_str(&vm_exc_OverflowError, "integer division result too large for a float");
    return vm_float_new(negate ? -r : r);
}

static Obj *int_truediv(Obj *a, Obj *b)
{
    double x, y;
    Big bb;
    big_load(b, &bb);
    if (bb.sign == 0)
        return vm_err_str(&vm_exc_ZeroDivisionError, "division by zero");
    if (INT_IS_SMALL(a) && INT_IS_SMALL(b) && llabs(INT_SMALL(a)) <= ((int64_t)1 << 53)
        && llabs(INT_SMALL(b)) <= ((int64_t)1 << 53))
        return vm_float_new((double)INT_SMALL(a) / (double)INT_SMALL(b));
    if (vm_int_as_double(a, &x) == 0 && vm_int_as_double(b, &y) == 0 && fabs(x) < 0x1p53
        && fabs(y) < 0x1p53)
        return vm_float_new(x / y);     /* both exact: one correctly rounded division */
    vm_err_clear();
    return truediv_big(a, b);
}

static int64_t floordiv64(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static int64_t mod64(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

Obj *vm_int_binop(Obj *a, Obj *b, int op)
{
    if (!INT_CHECK(a) || !INT_CHECK(b))
        return vm_newref(VM_NOTIMPL);
    if (op >= NB_INPLACE_FIRST)
        op -= NB_INPLACE_FIRST;
    bool small = INT_IS_SMALL(a) && INT_IS_SMALL(b);
    int64_t x = INT_SMALL(a), y = INT_SMALL(b), r;
    switch (op) {
    case NB_ADD:
        if (small && !__builtin_add_overflow(x, y, &r))
            return vm_int_from_i64(r);
        return big_addsub(a, b, false);
    case NB_SUBTRACT:
        if (small && !__builtin_sub_overflow(x, y, &r))
            return vm_int_from_i64(r);
        return big_addsub(a, b, true);
    case NB_MULTIPLY:
        if (small && !__builtin_mul_overflow(x, y, &r))
            return vm_int_from_i64(r);
        return big_mul(a, b);
    case NB_FLOOR_DIVIDE:
    case NB_REMAINDER:
        if (small && y != 0 && !(x == INT64_MIN && y == -1))
            return vm_int_from_i64(op == NB_FLOOR_DIVIDE ? floordiv64(x, y) : mod64(x, y));
        if (small && y == 0)
            return vm_err_str(&vm_exc_ZeroDivisionError,
                              op == NB_FLOOR_DIVIDE ? "integer division or modulo by zero"
                                                    : "integer modulo by zero");
        {
            Obj *q = NULL, *m = NULL;
            if (big_divmod(a, b, op == NB_FLOOR_DIVIDE ? &q : NULL,
                           op == NB_REMAINDER ? &m : NULL) < 0)
                return NULL;
            return op == NB_FLOOR_DIVIDE ? q : m;
        }
    case NB_TRUE_DIVIDE:
        return int_truediv(a, b);
    case NB_POWER:
        if (small && y >= 0 && y < 64) {
            int64_t acc = 1, base = x, e = y;
            bool ovf = false;
            while (e > 0 && !ovf) {
                if (e & 1)
                    ovf |= __builtin_mul_overflow(acc, base, &acc);
                e >>= 1;
                if (e)
                    ovf |= __builtin_mul_overflow(base, base, &base);
            }
            if (!ovf)
                return vm_int_from_i64(acc);
        }
        return int_pow(a, b);
    case NB_AND:
    case NB_OR:
    case NB_XOR:
        if (small)
            return vm_int_from_i64(op == NB_AND ? (x & y) : op == NB_OR ? (x | y) : (x ^ y));
        return big_bitop(a, b, op);
    case NB_LSHIFT:
    case NB_RSHIFT: {
        Big bb;
        big_load(b, &bb);
        if (bb.sign < 0)
            return vm_err_str(&vm_exc_ValueError, "negative shift count");
        if (!INT_IS_SMALL(b)) {
            Big ab;
            big_load(a, &ab);
            if (ab.sign == 0 || op == NB_LSHIFT)
                return ab.sign == 0 ? vm_int_from_i64(0)
                    : vm_err_str(&vm_exc_OverflowError, "too many digits in integer");
            return vm_int_from_i64(ab.sign < 0 ? -1 : 0);
        }
        if (op == NB_RSHIFT) {
            if (INT_IS_SMALL(a))
                return vm_int_from_i64(y >= 64 ? (x < 0 ? -1 : 0) : (x >> y));
            return big_rshift(a, y);
        }
        if (INT_IS_SMALL(a) && y < 63) {
            if (x == 0)
                return vm_int_from_i64(0);
            int64_t lim = INT64_MAX >> y;
            if (x <= lim && x >= -lim)
                return vm_int_from_i64((int64_t)((uint64_t)x << y));
        }
        if (y > ((int64_t)1 << 36) && !(INT_IS_SMALL(a) && x == 0))
            return vm_err_nomem();      /* over 8 GB of digits */
        return big_lshift(a, y);
    }
    default:
        return vm_newref(VM_NOTIMPL);
    }
}

static Obj *int_unary(Obj *a, int op)
{
    IntObj *i = (IntObj *)a;
    switch (op) {
    case UN_POS:
        if (TYPE(a) == &vm_int_type)
            return vm_newref(a);
        return i->n ? int_make(i->sign, i->d, (size_t)i->n) : vm_int_from_i64(i->v);
    case UN_NEG:
        if (i->n == 0 && i->v != INT64_MIN)
            return vm_int_from_i64(-i->v);
        {
            Big b;
            big_load(a, &b);
            return int_make(-b.sign, b.d, b.n);
        }
    case UN_INVERT: {
        /* ~x == -x - 1 */
        if (i->n == 0)
            return vm_int_from_i64(~i->v);
        Obj *m1 = vm_int_from_i64(-1);
        Obj *neg = int_unary(a, UN_NEG);
        Obj *r = neg ? vm_int_binop(neg, m1, NB_ADD) : NULL;
        XDECREF(neg);
        DECREF(m1);
        return r;
    }
    }
    return vm_newref(VM_NOTIMPL);
}

/* ---- three-argument pow ---- */

/* The inverse of a modulo m (m > 1), by the extended Euclidean algorithm;
 * ValueError when gcd(a, m) != 1. */
static Obj *int_invmod(Obj *a, Obj *m)
{
    Obj *r0 = vm_int_binop(a, m, NB_REMAINDER), *r1 = vm_newref(m);
    Obj *s0 = vm_int_from_i64(1), *s1 = vm_int_from_i64(0);
    if (!r0)
        goto fail;
    for (;;) {
        Big rb;
        big_load(r1, &rb);
        if (rb.sign == 0)
            break;
        Obj *q = NULL, *r2 = NULL;
        if (big_divmod(r0, r1, &q, &r2) < 0)
            goto fail;
        Obj *qs = vm_int_binop(q, s1, NB_MULTIPLY);
        DECREF(q);
        Obj *s2 = qs ? vm_int_binop(s0, qs, NB_SUBTRACT) : NULL;
        XDECREF(qs);
        if (!s2) {
            DECREF(r2);
            goto fail;
        }
        DECREF(r0);
        r0 = r1;
        r1 = r2;
        DECREF(s0);
        s0 = s1;
        s1 = s2;
    }
    bool unit = INT_IS_SMALL(r0) && INT_SMALL(r0) == 1;
    DECREF(r0);
    DECREF(r1);
    DECREF(s1);
    if (!unit) {
        DECREF(s0);
        return vm_err_str(&vm_exc_ValueError, "base is not invertible for the given modulus");
    }
    Obj *inv = vm_int_binop(s0, m, NB_REMAINDER);
    DECREF(s0);
    return inv;
fail:
    XDECREF(r0);
    DECREF(r1);
    DECREF(s0);
    DECREF(s1);
    return NULL;
}

/* x * y % m for ints already reduced modulo m. */
static Obj *mulmod(Obj *x, Obj *y, Obj *m)
{
    Obj *p = vm_int_binop(x, y, NB_MULTIPLY);
    if (!p)
        return NULL;
    Obj *r = vm_int_binop(p, m, NB_REMAINDER);
    DECREF(p);
    return r;
}

/* pow(a, b, c) for ints (CPython's long_pow with a modulus): c == 0 is a
 * ValueError; |c| == 1 gives 0; a negative b takes the inverse of a; the
 * result has c's sign.  NotImplemented unless all three are ints. */
static Obj *int_pow3(Obj *a, Obj *b, Obj *c)
{
    if (!INT_CHECK(a) || !INT_CHECK(b) || !INT_CHECK(c))
        return vm_newref(VM_NOTIMPL);
    Big cb, eb;
    big_load(c, &cb);
    if (cb.sign == 0)
        return vm_err_str(&vm_exc_ValueError, "pow() 3rd argument cannot be 0");
    if (cb.n == 1 && cb.d[0] == 1)
        return vm_int_from_i64(0);
    Obj *m = cb.sign < 0 ? int_unary(c, UN_NEG) : vm_newref(c);
    if (!m)
        return NULL;
    big_load(b, &eb);
    Obj *base, *e;
    if (eb.sign < 0) {
        base = int_invmod(a, m);
        e = base ? int_unary(b, UN_NEG) : NULL;
    } else {
        base = vm_int_binop(a, m, NB_REMAINDER);
        e = base ? vm_newref(b) : NULL;
    }
    if (!e) {
        XDECREF(base);
        DECREF(m);
        return NULL;
    }
    big_load(e, &eb);
    Obj *r = NULL;
    if (INT_IS_SMALL(m) && INT_SMALL(m) <= (int64_t)UINT32_MAX) {
        /* perf: a modulus below 2**32 keeps every product in 64 bits */
        uint64_t mv = (uint64_t)INT_SMALL(m), bv = (uint64_t)INT_SMALL(base), acc = 1 % mv;
        for (size_t i = eb.n; i-- > 0;)
            for (int k = 31; k >= 0; k--) {
                acc = acc * acc % mv;
                if (eb.d[i] >> k & 1)
                    acc = acc * bv % mv;
            }
        r = vm_int_from_i64((int64_t)acc);
    } else {
        /* left-to-right square and multiply over e's bits */
        r = vm_int_from_i64(1);
        bool started = false;
        for (size_t i = eb.n; r && i-- > 0;)
            for (int k = 31; r && k >= 0; k--) {
                if (started) {
                    Obj *t = mulmod(r, r, m);
                    DECREF(r);
                    r = t;
                }
                if (r && (eb.d[i] >> k & 1)) {
                    Obj *t = mulmod(r, base, m);
                    DECREF(r);
                    r = t;
                    started = true;
                }
            }
    }
    DECREF(base);
    DECREF(e);
    if (r && cb.sign < 0 && !(INT_IS_SMALL(r) && INT_SMALL(r) == 0)) {
        Obj *t = vm_int_binop(r, m, NB_SUBTRACT);
        DECREF(r);
        r = t;
    }
    DECREF(m);
    return r;
}

/* Which power a type has, as CPython's nb_power slot: none, the class's
 * own __pow__/__rpow__ (a Python method), or int's, float's or complex's. */
enum { POW_NONE, POW_CLASS, POW_INT, POW_FLOAT, POW_COMPLEX };

static bool class_defines(Type *t, const char *name)
{
    Obj *d = vm_type_lookup(t, vm_str_intern(name, strlen(name)));
    return d && !vm_cdescr_check(d);
}

static int pow_kind(Type *t)
{
    if ((t->flags & TF_HEAP) && (class_defines(t, "__pow__") || class_defines(t, "__rpow__")))
        return POW_CLASS;
    if (vm_is_subtype(t, &vm_int_type))
        return POW_INT;
    if (vm_is_subtype(t, &vm_float_type))
        return POW_FLOAT;
    if (vm_is_subtype(t, &vm_complex_type))
        return POW_COMPLEX;
    return POW_NONE;
}

static bool is_number(Obj *o)
{
    return INT_CHECK(o) || FLOAT_CHECK(o) || COMPLEX_CHECK(o);
}

/* One type's power applied to (v, w, z), z not None. */
static Obj *pow3_by(int kind, Obj *v, Obj *w, Obj *z)
{
    switch (kind) {
    case POW_CLASS:
        /* three-argument power calls only v's own __pow__, never __rpow__ */
        if (pow_kind(TYPE(v)) == POW_CLASS) {
            Obj *argv[2] = {w, z};
            bool found;
            Obj *r = vm_call_special(v, "__pow__", argv, 2, &found);
            if (!found)
                return vm_err_str(&vm_exc_AttributeError, "__pow__");
            return r;
        }
        break;
    case POW_INT:
        return int_pow3(v, w, z);
    case POW_FLOAT:
        /* float's power refuses any modulus before looking at v and w */
        return vm_err_str(&vm_exc_TypeError, "pow() 3rd argument not allowed unless all "
                          "arguments are integers");
    case POW_COMPLEX:
        if (is_number(v) && is_number(w))
            return vm_err_str(&vm_exc_ValueError, "complex modulo");
        break;
    }
    return vm_newref(VM_NOTIMPL);
}

Obj *vm_number_pow3(Obj *v, Obj *w, Obj *z)
{
    if (z == VM_NONE)
        return vm_binop(v, w, NB_POWER);
    int kv = pow_kind(TYPE(v)), kw = pow_kind(TYPE(w)), kz = pow_kind(TYPE(z));
    if (TYPE(w) == TYPE(v) || kw == kv)
        kw = POW_NONE;
    if (TYPE(z) == TYPE(v) || TYPE(z) == TYPE(w) || kz == kv || kz == kw)
        kz = POW_NONE;
    Obj *r;
    if (kv != POW_NONE) {
        if (kw != POW_NONE && vm_is_subtype(TYPE(w), TYPE(v))) {
            r = pow3_by(kw, v, w, z);
            if (r != VM_NOTIMPL)
                return r;
            kw = POW_NONE;
        }
        r = pow3_by(kv, v, w, z);
        if (r != VM_NOTIMPL)
            return r;
    }
    if (kw != POW_NONE) {
        r = pow3_by(kw, v, w, z);
        if (r != VM_NOTIMPL)
            return r;
    }
    if (kz != POW_NONE) {
        r = pow3_by(kz, v, w, z);
        if (r != VM_NOTIMPL)
            return r;
    }
    return vm_err_fmt(&vm_exc_TypeError, "unsupported operand type(s) for ** or pow(): "
                      "'%s', '%s', '%s'", vm_tname(v), vm_tname(w), vm_tname(z));
}

Obj *vm_number_pow_method(Type *owner, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames, bool reflected)
{
    if (kwnames && TUPLE_LEN(kwnames))
        return vm_err_fmt(&vm_exc_TypeError, "wrapper %s() takes no keyword arguments",
                          reflected ? "__rpow__" : "__pow__");
    if (vm_argc("", nargs, 1, 2) < 0)
        return NULL;
    Obj *v = reflected ? args[0] : self, *w = reflected ? self : args[0];
    if (nargs == 1 || args[1] == VM_NONE)
        return owner->binop(v, w, NB_POWER);
    return pow3_by(pow_kind(owner) == POW_CLASS ? POW_NONE : pow_kind(owner), v, w, args[1]);
}

static Obj *int_pow_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_number_pow_method(&vm_int_type, self, args, nargs, kwnames, false);
}

static Obj *int_rpow_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_number_pow_method(&vm_int_type, self, args, nargs, kwnames, true);
}

static Obj *bool_pow_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_number_pow_method(&vm_bool_type, self, args, nargs, kwnames, false);
}

static Obj *bool_rpow_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_number_pow_method(&vm_bool_type, self, args, nargs, kwnames, true);
}

int vm_int_cmp(Obj *a, Obj *b)
{
    if (INT_IS_SMALL(a) && INT_IS_SMALL(b))
        return INT_SMALL(a) < INT_SMALL(b) ? -1 : INT_SMALL(a) > INT_SMALL(b);
    Big x, y;
    big_load(a, &x);
    big_load(b, &y);
    if (x.sign != y.sign)
        return x.sign < y.sign ? -1 : 1;
    int c = mag_cmp(x.d, x.n, y.d, y.n);
    return x.sign < 0 ? -c : c;
}

static Obj *int_richcmp(Obj *a, Obj *b, int op)
{
    if (!INT_CHECK(a) || !INT_CHECK(b))
        return vm_newref(VM_NOTIMPL);
    int c = vm_int_cmp(a, b);
    bool r = false;
    switch (op) {
    case CMP_LT: r = c < 0; break;
    case CMP_LE: r = c <= 0; break;
    case CMP_EQ: r = c == 0; break;
    case CMP_NE: r = c != 0; break;
    case CMP_GT: r = c > 0; break;
    case CMP_GE: r = c >= 0; break;
    }
    return VM_BOOL(r);
}

/* Hash modulo the Mersenne prime 2^61 - 1, as CPython. */
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

static int int_hash(Obj *o, int64_t *out)
{
    if (INT_IS_SMALL(o)) {
        int64_t v = INT_SMALL(o);
        if (v > -(int64_t)HASH_MODULUS && v < (int64_t)HASH_MODULUS) {
            *out = v == -1 ? -2 : v;
            return 0;
        }
    }
    Big b;
    big_load(o, &b);
    uint64_t h = 0;
    for (size_t i = b.n; i-- > 0;) {
        unsigned __int128 t = ((unsigned __int128)h << 32) | b.d[i];
        h = (uint64_t)(t % HASH_MODULUS);
    }
    int64_t r = b.sign < 0 ? -(int64_t)h : (int64_t)h;
    *out = r == -1 ? -2 : r;
    return 0;
}

int vm_int_format(Buf *out, Obj *o)
{
    if (INT_IS_SMALL(o)) {
        buf_printf(out, "%lld", (long long)INT_SMALL(o));
        return 0;
    }
    Big b;
    big_load(o, &b);
    /* CPython's early check, on its 30-bit digits: too many before converting */
    int limit = vm_int_max_str_digits;
    int64_t bits = (int64_t)(b.n - 1) * 32 + 32 - __builtin_clz(b.d[b.n - 1]);
    if (limit > 0 && (bits + 29) / 30 >= 10 * (int64_t)limit / 90 + 2) {
        vm_err_fmt(&vm_exc_ValueError, "Exceeds the limit (%d digits) for integer string "
                   "conversion; use sys.set_int_max_str_digits() to increase the limit",
                   limit);
        return -1;
    }
    uint32_t *t = ls_xmalloc(b.n * sizeof *t);
    memcpy(t, b.d, b.n * sizeof *t);
    size_t n = b.n, nch = 0;
    uint32_t *chunks = ls_xmalloc((b.n * 10 / 9 + 2) * sizeof *chunks);
    while (n > 0) {
        chunks[nch++] = mag_div1(t, n, 1000000000u, t);
        while (n > 0 && t[n - 1] == 0)
            n--;
    }
    Buf tmp = BUF_INIT;
    buf_printf(&tmp, "%u", chunks[nch - 1]);
    for (size_t i = nch - 1; i-- > 0;)
        buf_printf(&tmp, "%09u", chunks[i]);
    free(t);
    free(chunks);
    if (limit > 0 && tmp.len > (size_t)limit) {
        buf_free(&tmp);
        vm_err_fmt(&vm_exc_ValueError, "Exceeds the limit (%d digits) for integer string "
                   "conversion; use sys.set_int_max_str_digits() to increase the limit",
                   limit);
        return -1;
    }
    if (b.sign < 0)
        buf_putc(out, '-');
    buf_put(out, tmp.data, tmp.len);
    buf_free(&tmp);
    return 0;
}

int vm_int_format_base(Buf *out, Obj *o, int base, bool upper)
{
    Big b;
    big_load(o, &b);
    if (b.sign == 0) {
        buf_putc(out, '0');
        return 0;
    }
    int bits = base == 16 ? 4 : base == 8 ? 3 : 1;
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    size_t total = b.n * 32, nd = (total + (size_t)bits - 1) / (size_t)bits;
    char *tmp = ls_xmalloc(nd + 1);
    size_t k = 0;
    for (size_t pos = 0; pos < total; pos += (size_t)bits) {
        unsigned v = 0;
        for (int j = 0; j < bits; j++) {
            size_t bit = pos + (size_t)j;
            if (bit < total && ((b.d[bit / 32] >> (bit % 32)) & 1u))
                v |= 1u << j;
        }
        tmp[k++] = dig[v];
    }
    while (k > 1 && tmp[k - 1] == '0')
        k--;
    if (b.sign < 0)
        buf_putc(out, '-');
    while (k > 0)
        buf_putc(out, tmp[--k]);
    free(tmp);
    return 0;
}

/* The decimal digits of v, written backwards ending at end; returns the
 * first character (perf: snprintf's format parsing costs more than this). */
static char *fmt_i64(char *end, int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char *p = end;
    do {
        *--p = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (v < 0)
        *--p = '-';
    return p;
}

static Obj *int_repr(Obj *o)
{
    char tmp[32];
    if (INT_IS_SMALL(o)) {
        char *p = fmt_i64(tmp + sizeof tmp, INT_SMALL(o));
        return vm_str_new(p, (size_t)(tmp + sizeof tmp - p));
    }
    Buf b = BUF_INIT;
    if (vm_int_format(&b, o) < 0) {
        buf_free(&b);
        return NULL;
    }
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *bool_repr(Obj *o)
{
    return vm_str_cstr(INT_SMALL(o) ? "True" : "False");
}

static int int_truth(Obj *o)
{
    return !(INT_IS_SMALL(o) && INT_SMALL(o) == 0);
}

int vm_int_as_i64(Obj *o, int64_t *out)
{
    if (!INT_IS_SMALL(o)) {
        vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = INT_SMALL(o);
    return 0;
}

/* The top 55 bits of a big magnitude with a sticky bit for the rest, so
 * that the one rounding (uint64 to double) is correct, half to even:
 * |b| ~ m * 2**shift.  *nbits is b's bit length. */
static uint64_t big_top55(const Big *b, int64_t *nbits, int64_t *shift)
{
    int64_t nb = (int64_t)(b->n - 1) * 32 + 32 - __builtin_clz(b->d[b->n - 1]);
    int64_t sh = nb > 55 ? nb - 55 : 0;
    uint64_t m = 0;
    for (int64_t k = nb - 1; k >= sh; k--)
        m = (m << 1) | ((b->d[k / 32] >> (k % 32)) & 1u);
    bool sticky = sh % 32 && (b->d[sh / 32] & ((1u << (sh % 32)) - 1));
    for (int64_t w = 0; w < sh / 32 && !sticky; w++)
        sticky = b->d[w] != 0;
    *nbits = nb;
    *shift = sh;
    return m | sticky;
}

int vm_int_as_double(Obj *o, double *out)
{
    if (INT_IS_SMALL(o)) {
        *out = (double)INT_SMALL(o);
        return 0;
    }
    Big b;
    big_load(o, &b);
    if (b.n > 33) {
        vm_err_str(&vm_exc_OverflowError, "int too large to convert to float");
        return -1;
    }
    int64_t nbits, shift;
    uint64_t m = big_top55(&b, &nbits, &shift);
    double d = nbits > 1024 ? INFINITY : ldexp((double)m, (int)shift);
    if (isinf(d)) {
        vm_err_str(&vm_exc_OverflowError, "int too large to convert to float");
        return -1;
    }
    *out = b.sign < 0 ? -d : d;
    return 0;
}

double vm_int_frexp(Obj *o, int64_t *e)
{
    Big b;
    big_load(o, &b);
    if (b.sign == 0) {
        *e = 0;
        return 0.0;
    }
    int64_t nbits, shift;
    uint64_t m = big_top55(&b, &nbits, &shift);
    double d = ldexp((double)m, (int)(shift - nbits));
    if (d == 1.0) {
        d = 0.5;
        nbits++;
    }
    *e = nbits;
    return b.sign < 0 ? -d : d;
}

Obj *vm_number_index(Obj *o)
{
    if (INT_CHECK(o))
        return vm_newref(o);
    if (TYPE(o)->flags & TF_HEAP) {
        bool found;
        Obj *r = vm_call_special(o, "__index__", NULL, 0, &found);
        if (found) {
            if (r && !INT_CHECK(r)) {
                vm_err_fmt(&vm_exc_TypeError, "__index__ returned non-int (type %s)",
                           vm_tname(r));
                DECREF(r);
                return NULL;
            }
            return r;
        }
    }
    return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      vm_tname(o));
}

int vm_index(Obj *o, int64_t *out, const char *what)
{
    if (!INT_CHECK(o) && (TYPE(o)->flags & TF_HEAP)) {
        bool found;
        Obj *r = vm_call_special(o, "__index__", NULL, 0, &found);
        if (found) {
            if (!r)
                return -1;
            if (!INT_CHECK(r)) {
                vm_err_fmt(&vm_exc_TypeError, "__index__ returned non-int (type %s)",
                           vm_tname(r));
                DECREF(r);
                return -1;
            }
            int rc = vm_index(r, out, what);
            DECREF(r);
            return rc;
        }
    }
    if (!INT_CHECK(o)) {
        vm_err_fmt(&vm_exc_TypeError, "%s indices must be integers or slices, not %s",
                   what, vm_tname(o));
        return -1;
    }
    if (!INT_IS_SMALL(o)) {
        vm_err_fmt(&vm_exc_IndexError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    *out = INT_SMALL(o);
    return 0;
}

int vm_index_clamped(Obj *o, int64_t *out)
{
    Obj *i = vm_number_index(o);
    if (!i)
        return -1;
    if (INT_IS_SMALL(i)) {
        *out = INT_SMALL(i) < -INT64_MAX ? -INT64_MAX : INT_SMALL(i);
    } else {
        Big b;
        big_load(i, &b);
        *out = b.sign < 0 ? -INT64_MAX : INT64_MAX;
    }
    DECREF(i);
    return 0;
}

Obj *vm_int_from_double(double d)
{
    if (isinf(d))
        return vm_err_str(&vm_exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d))
        return vm_err_str(&vm_exc_ValueError, "cannot convert float NaN to integer");
    d = trunc(d);
    if (d >= -9.2e18 && d <= 9.2e18)
        return vm_int_from_i64((int64_t)d);
    int e;
    double m = frexp(fabs(d), &e);      /* fabs(d) = m * 2^e, 0.5 <= m < 1 */
    uint64_t mant = (uint64_t)ldexp(m, 64);
    uint32_t dg[2] = {(uint32_t)mant, (uint32_t)(mant >> 32)};
    Obj *t = int_make(d < 0 ? -1 : 1, dg, 2);
    if (!t)
        return NULL;
    Obj *r = e >= 64 ? big_lshift(t, e - 64) : big_rshift(t, 64 - e);
    DECREF(t);
    return r;
}

static int digit_value(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

Obj *vm_int_from_str(const char *s, size_t len, int base)
{
    const char *p = s, *end = s + len;
    while (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r')))
        p++;
    while (end > p && (end[-1] == ' ' || (end[-1] >= '\t' && end[-1] <= '\r')))
        end--;
    int sign = 1;
    if (p < end && (*p == '+' || *p == '-'))
        sign = *p++ == '-' ? -1 : 1;
    int b = base;
    if (p + 1 < end && p[0] == '0') {
        int c = p[1] | 0x20;
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            b = pb;
            p += 2;
            if (p < end && *p == '_')
                p++;
        }
    }
    if (b == 0)
        b = 10;
    bool ok = p < end;
    bool leading_zero = base == 0 && p < end && *p == '0';
    uint32_t *d = ls_xcalloc(len / 4 + 2, sizeof *d);
    size_t n = 0, ndig = 0;
    bool prev_us = true, nonzero = false;
    /* digits are gathered in chunks: d = d * mult + chunk, mult = b**k < 2**32 */
    uint64_t chunk = 0, mult = 1;
    for (const char *q = p; q <= end && ok; q++) {
        if (q < end && *q == '_') {
            if (prev_us) ok = false;
            prev_us = true;
            continue;
        }
        int v = 0;
        if (q < end) {
            v = digit_value((unsigned char)*q);
            if (v >= b) { ok = false; break; }
            prev_us = false;
            ndig++;
            nonzero |= v != 0;
            chunk = chunk * (uint64_t)b + (uint64_t)v;
            mult *= (uint64_t)b;
        }
        if (mult * (uint64_t)b >= ((uint64_t)1 << 32) || (q == end && mult > 1)) {
            uint64_t carry = chunk;
            for (size_t i = 0; i < n; i++) {
                carry += (uint64_t)d[i] * mult;
                d[i] = (uint32_t)carry;
                carry >>= 32;
            }
            if (carry)
                d[n++] = (uint32_t)carry;
            chunk = 0;
            mult = 1;
        }
    }
    if (prev_us)
        ok = false;
    if (ok && leading_zero && b == 10 && nonzero)
        ok = false;         /* int('010', 0) */
    if (!ok) {
        free(d);
        Obj *str = vm_str_new(s, len);
        if (!str)
            return NULL;
        Obj *r = vm_str_repr(str);
        DECREF(str);
        if (!r)
            return NULL;
        vm_err_fmt(&vm_exc_ValueError, "invalid literal for int() with base %d: %s",
                   base, STR_DATA(r));
        DECREF(r);
        return NULL;
    }
    if ((b & (b - 1)) != 0 && vm_int_max_str_digits > 0 && ndig > 640
        && ndig > (size_t)vm_int_max_str_digits) {
        free(d);
        return vm_err_fmt(&vm_exc_ValueError, "Exceeds the limit (%d digits) for integer "
                          "string conversion: value has %zu digits; use "
                          "sys.set_int_max_str_digits() to increase the limit",
                          vm_int_max_str_digits, ndig);
    }
    Obj *r = int_make(sign, d, n);
    free(d);
    return r;
}

/* int(s, base) for a str s: Unicode decimal digits and white space are
 * read as their ASCII equivalents first, as CPython does. */
static Obj *int_from_ustr(Obj *x, int base)
{
    const char *s = STR_DATA(x);
    size_t n = (size_t)STR_LEN(x);
    if (((StrObj *)x)->ulen == STR_LEN(x))
        return vm_int_from_str(s, n, base);
    Buf b = BUF_INIT;
    vm_uc_ascii_digits(&b, s, n);
    Obj *r = vm_int_from_str(b.data, b.len, base);
    buf_free(&b);
    if (!r && vm_err_matches(&vm_exc_ValueError)) {
        vm_err_clear();
        Obj *rep = vm_str_repr(x);
        if (!rep)
            return NULL;
        vm_err_fmt(&vm_exc_ValueError, "invalid literal for int() with base %d: %s", base,
                   STR_DATA(rep));
        DECREF(rep);
    }
    return r;
}

/* int(b'12', base): the bytes as ASCII text; the message shows their repr. */
static Obj *int_from_bytes_text(Obj *x, int base)
{
    const char *p = BYTES_CHECK(x) ? ((BytesObj *)x)->s : ((ByteArrayObj *)x)->data;
    size_t n = (size_t)(BYTES_CHECK(x) ? ((BytesObj *)x)->len : ((ByteArrayObj *)x)->len);
    Obj *r = vm_int_from_str(n ? p : "", n, base);
    if (!r && vm_err_matches(&vm_exc_ValueError)) {
        vm_err_clear();
        Obj *rep = vm_repr(x);
        if (!rep)
            return NULL;
        vm_err_fmt(&vm_exc_ValueError, "invalid literal for int() with base %d: %s", base,
                   STR_DATA(rep));
        DECREF(rep);
    }
    return r;
}

/* int(x=0, base=10) */
static Obj *int_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *argv2[2];
    if (kwnames && TUPLE_LEN(kwnames) == 1 && vm_str_eqc(TUPLE_ITEMS(kwnames)[0], "base")
        && nargs == 2) {
        argv2[0] = args[0];
        argv2[1] = args[1];
        args = argv2;
        kwnames = NULL;
    }
    if (nargs > 2)
        return vm_err_fmt(&vm_exc_TypeError, "int() takes at most 2 arguments (%zu given)",
                          nargs);
    for (ssize_t i = 0; kwnames && i < TUPLE_LEN(kwnames); i++)
        if (!vm_str_eqc(TUPLE_ITEMS(kwnames)[i], "base"))
            return vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for "
                              "int()", STR_DATA(TUPLE_ITEMS(kwnames)[i]));
    if (kwnames && TUPLE_LEN(kwnames))
        return vm_err_str(&vm_exc_TypeError, "int() missing string argument");
    if (nargs == 0)
        return vm_int_from_i64(0);
    Obj *x = args[0];
    if (nargs == 2) {
        int64_t base;
        if (!STR_CHECK(x) && !BYTES_CHECK(x) && !BYTEARRAY_CHECK(x))
            return vm_err_str(&vm_exc_TypeError,
                              "int() can't convert non-string with explicit base");
        if (!INT_CHECK(args[1]) && !(TYPE(args[1])->flags & TF_HEAP))
            return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an "
                              "integer", vm_tname(args[1]));
        if (vm_index(args[1], &base, "base") < 0)
            return NULL;
        if ((base != 0 && base < 2) || base > 36)
            return vm_err_str(&vm_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return STR_CHECK(x) ? int_from_ustr(x, (int)base) : int_from_bytes_text(x, (int)base);
    }
    if (INT_CHECK(x))
        return int_unary(x, UN_POS);
    if (FLOAT_CHECK(x))
        return vm_int_from_double(FLOAT_VAL(x));
    if (STR_CHECK(x))
        return int_from_ustr(x, 10);
    if (BYTES_CHECK(x) || BYTEARRAY_CHECK(x))
        return int_from_bytes_text(x, 10);
    if (TYPE(x)->flags & TF_HEAP) {
        static const char *const names[] = {"__int__", "__index__", "__trunc__"};
        for (int i = 0; i < 3; i++) {
            bool found;
            Obj *r = vm_call_special(x, names[i], NULL, 0, &found);
            if (found) {
                if (r && !INT_CHECK(r)) {
                    vm_err_fmt(&vm_exc_TypeError, "%s returned non-int (type %s)", names[i],
                               vm_tname(r));
                    DECREF(r);
                    return NULL;
                }
                return r;
            }
        }
    }
    return vm_err_fmt(&vm_exc_TypeError, "int() argument must be a string, a bytes-like "
                      "object or a real number, not '%s'", vm_tname(x));
}

static Obj *bool_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("bool", kwnames) < 0 || vm_argc("bool", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return VM_BOOL(false);
    int t = vm_truth(args[0]);
    return t < 0 ? NULL : VM_BOOL(t);
}

static Obj *bool_binop(Obj *a, Obj *b, int op)
{
    int o = op >= NB_INPLACE_FIRST ? op - NB_INPLACE_FIRST : op;
    if ((o == NB_AND || o == NB_OR || o == NB_XOR) && TYPE(a) == &vm_bool_type
        && TYPE(b) == &vm_bool_type) {
        int64_t x = INT_SMALL(a), y = INT_SMALL(b);
        return VM_BOOL(o == NB_AND ? (x & y) : o == NB_OR ? (x | y) : (x ^ y));
    }
    return vm_int_binop(a, b, op);
}

int64_t vm_int_bit_length(Obj *o)
{
    Big b;
    big_load(o, &b);
    if (b.n == 0)
        return 0;
    return (int64_t)(b.n - 1) * 32 + 32 - __builtin_clz(b.d[b.n - 1]);
}

static Obj *int_bit_length(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("bit_length", kwnames) < 0 || vm_argc("bit_length", nargs, 0, 0) < 0)
        return NULL;
    return vm_int_from_i64(vm_int_bit_length(self));
}

static Obj *int_getattr(Obj *o, Obj *name)
{
    if (vm_str_eqc(name, "real") || vm_str_eqc(name, "numerator"))
        return int_unary(o, UN_POS);
    if (vm_str_eqc(name, "imag"))
        return vm_int_from_i64(0);
    if (vm_str_eqc(name, "denominator"))
        return vm_int_from_i64(1);
    return NULL;
}

/* The byteorder and signed arguments of to_bytes/from_bytes (already
 * parsed, NULL when not given).  -1 on error. */
static int bytes_opts(const char *fname, Obj *order, Obj *sgn, bool *little, bool *is_signed)
{
    *little = false;
    if (order) {
        if (!STR_CHECK(order)) {
            vm_err_fmt(&vm_exc_TypeError, "%s() argument 'byteorder' must be str, not %s",
                       fname, vm_tname(order));
            return -1;
        }
        if (vm_str_eqc(order, "little"))
            *little = true;
        else if (!vm_str_eqc(order, "big")) {
            vm_err_str(&vm_exc_ValueError, "byteorder must be either 'little' or 'big'");
            return -1;
        }
    }
    *is_signed = false;
    if (sgn) {
        int t = vm_truth(sgn);
        if (t < 0)
            return -1;
        *is_signed = t;
    }
    return 0;
}

/* int.to_bytes(length=1, byteorder='big', *, signed=False) */
static Obj *int_to_bytes(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    static const ClinicSpec spec = {"to_bytes", names, 3, 0, 2, 0};
    Obj *v[3];
    bool little, is_signed;
    if (vm_clinic_args(&spec, args, nargs, kwnames, v) < 0
        || bytes_opts("to_bytes", v[1], v[2], &little, &is_signed) < 0)
        return NULL;
    Obj *lenobj = v[0];
    int64_t len = 1;
    if (lenobj && !INT_CHECK(lenobj) && !(TYPE(lenobj)->flags & TF_HEAP))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          vm_tname(lenobj));
    if (lenobj && vm_index(lenobj, &len, "length") < 0)
        return NULL;
    if (len < 0)
        return vm_err_str(&vm_exc_ValueError, "length argument must be non-negative");
    Big b;
    big_load(self, &b);
    bool neg = b.sign < 0;
    if (neg && !is_signed)
        return vm_err_str(&vm_exc_OverflowError, "can't convert negative int to unsigned");
    /* fits: |self| < 2**(8*len) unsigned, < 2**(8*len-1) signed, and
     * -2**(8*len-1) itself when negative */
    int64_t bits = b.n ? (int64_t)(b.n - 1) * 32 + 32 - __builtin_clz(b.d[b.n - 1]) : 0;
    int64_t room = 8 * len - (is_signed ? 1 : 0);
    bool fits = bits <= room;
    if (!fits && neg && bits == room + 1) {
        /* a power of two: only the top bit set */
        fits = (b.d[b.n - 1] & (b.d[b.n - 1] - 1)) == 0;
        for (size_t i = 0; fits && i + 1 < b.n; i++)
            fits = b.d[i] == 0;
    }
    if (!fits)
        return vm_err_str(&vm_exc_OverflowError, "int too big to convert");
    unsigned char *buf = ls_xcalloc(len ? (size_t)len : 1, 1);
    unsigned carry = 1;     /* two's complement of a negative: ~|x| + 1 */
    for (int64_t i = 0; i < len; i++) {
        size_t w = (size_t)(i / 4);
        unsigned byte = w < b.n ? (b.d[w] >> (8 * (i % 4))) & 0xff : 0;
        if (neg) {
            byte = (~byte & 0xff) + carry;
            carry = byte >> 8;
            byte &= 0xff;
        }
        buf[little ? i : len - 1 - i] = (unsigned char)byte;
    }
    Obj *r = vm_bytes_new((const char *)buf, (size_t)len);
    free(buf);
    return r;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False), a class method
 * (args[0] is the class) */
Obj *vm_int_from_bytes(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    static const ClinicSpec spec = {"from_bytes", names, 3, 0, 2, 1};
    Obj *v[3];
    bool little, is_signed;
    if (nargs < 1)
        return vm_err_str(&vm_exc_TypeError, "from_bytes() needs its class");
    if (vm_clinic_args(&spec, args + 1, nargs - 1, kwnames, v) < 0
        || bytes_opts("from_bytes", v[1], v[2], &little, &is_signed) < 0)
        return NULL;
    Obj *src = v[0];
    /* the bytes: a bytes-like object, or an iterable of ints in range(256) */
    Buf raw = BUF_INIT;
    const char *bd;
    size_t bn;
    if (BYTES_CHECK(src)) {
        buf_put(&raw, ((BytesObj *)src)->s, (size_t)((BytesObj *)src)->len);
    } else if (BYTEARRAY_CHECK(src)) {
        if (((ByteArrayObj *)src)->len)
            buf_put(&raw, ((ByteArrayObj *)src)->data, (size_t)((ByteArrayObj *)src)->len);
    } else if (!STR_CHECK(src) && vm_bytes_buffer(src, &bd, &bn)) {   /* array.array, ... */
        buf_put(&raw, bd, bn);
    } else if (STR_CHECK(src) || !(TYPE(src)->iter || TYPE(src)->getitem
                                   || (TYPE(src)->flags & TF_HEAP))) {
        return vm_err_fmt(&vm_exc_TypeError, "cannot convert '%s' object to bytes",
                          vm_tname(src));
    } else {
        Obj *data = vm_list_from_iter(src);
        if (!data)
            return NULL;
        for (ssize_t i = 0; i < LIST_LEN(data); i++) {
            Obj *b = LIST_ITEMS(data)[i];
            int64_t bv;
            if (!INT_CHECK(b)) {
                vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                           vm_tname(b));
                DECREF(data);
                buf_free(&raw);
                return NULL;
            }
            if (vm_int_as_i64(b, &bv) < 0 || bv < 0 || bv > 255) {
                vm_err_clear();
                vm_err_str(&vm_exc_ValueError, "bytes must be in range(0, 256)");
                DECREF(data);
                buf_free(&raw);
                return NULL;
            }
            buf_putc(&raw, (char)bv);
        }
        DECREF(data);
    }
    /* digits of 32 bits, least significant first; two's complement if signed */
    size_t n = raw.len, nd = n / 4 + 1;
    uint32_t *d = ls_xcalloc(nd, sizeof *d);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)raw.data[little ? i : n - 1 - i];
        d[i / 4] |= (uint32_t)c << (8 * (i % 4));
    }
    bool neg = is_signed && n > 0
        && ((unsigned char)raw.data[little ? n - 1 : 0] & 0x80);
    if (neg) {
        /* sign-extend to whole digits, then negate the magnitude */
        for (size_t i = n; i < nd * 4; i++)
            d[i / 4] |= (uint32_t)0xff << (8 * (i % 4));
        uint64_t c = 1;
        for (size_t i = 0; i < nd; i++) {
            c += (uint32_t)~d[i];
            d[i] = (uint32_t)c;
            c >>= 32;
        }
    }
    size_t m = nd;
    while (m > 0 && d[m - 1] == 0)
        m--;
    Obj *val = int_make(neg ? -1 : 1, d, m);
    free(d);
    buf_free(&raw);
    /* int.from_bytes called on a subclass (bool, a class): cls(value) */
    Obj *cls = args[0];
    if (val && HAS_FLAG(cls, TF_TYPE) && cls != (Obj *)&vm_int_type) {
        Obj *r = vm_call(cls, &val, 1, NULL);
        DECREF(val);
        val = r;
    }
    return val;
}

static Obj *int_bit_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("bit_count", kwnames) < 0 || vm_argc("bit_count", nargs, 0, 0) < 0)
        return NULL;
    Big b;
    big_load(self, &b);
    int64_t c = 0;
    for (size_t i = 0; i < b.n; i++)
        c += __builtin_popcount(b.d[i]);
    return vm_int_from_i64(c);
}

static Obj *int_as_integer_ratio(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("as_integer_ratio", kwnames) < 0
        || vm_argc("as_integer_ratio", nargs, 0, 0) < 0)
        return NULL;
    Obj *v[2] = {int_unary(self, UN_POS), vm_int_from_i64(1)};
    if (!v[0]) {
        DECREF(v[1]);
        return NULL;
    }
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

static Obj *int_conjugate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("conjugate", kwnames) < 0 || vm_argc("conjugate", nargs, 0, 0) < 0)
        return NULL;
    return int_unary(self, UN_POS);
}

static Obj *int_to_float_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double d;
    if (vm_nokw("__float__", kwnames) < 0 || vm_argc("__float__", nargs, 0, 0) < 0
        || vm_int_as_double(self, &d) < 0)
        return NULL;
    return vm_float_new(d);
}

static const MethodDef int_methods[] = {
    {"__index__", int_conjugate},
    {"__int__", int_conjugate},
    {"__trunc__", int_conjugate},
    {"__floor__", int_conjugate},
    {"__ceil__", int_conjugate},
    {"__float__", int_to_float_m},
    {"bit_length", int_bit_length},
    {"bit_count", int_bit_count},
    {"as_integer_ratio", int_as_integer_ratio},
    {"conjugate", int_conjugate},
    {"to_bytes", int_to_bytes},
    {"__pow__", int_pow_m},
    {"__rpow__", int_rpow_m},
    {NULL, NULL},
};

static const MethodDef bool_methods[] = {
    {"__pow__", bool_pow_m},
    {"__rpow__", bool_rpow_m},
    {NULL, NULL},
};

Type vm_int_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "int",
    .base = &vm_object_type,
    .flags = TF_INT,
    .basicsize = sizeof(IntObj),
    .repr = int_repr,
    .hash = int_hash,
    .richcmp = int_richcmp,
    .binop = vm_int_binop,
    .unary = int_unary,
    .truth = int_truth,
    .construct = int_construct,
    .getattr = int_getattr,
    .methods = int_methods,
};

Type vm_bool_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "bool",
    .base = &vm_int_type,
    .flags = TF_INT | TF_NOSUBCLASS,
    .basicsize = sizeof(IntObj),
    .repr = bool_repr,
    .hash = int_hash,
    .richcmp = int_richcmp,
    .binop = bool_binop,
    .unary = int_unary,
    .truth = int_truth,
    .construct = bool_construct,
    .getattr = int_getattr,
    .methods = bool_methods,
};

IntObj vm_true_obj = {OBJ_HEAD_INIT(&vm_bool_type), 1, 0, 0};
IntObj vm_false_obj = {OBJ_HEAD_INIT(&vm_bool_type), 0, 0, 0};

void vm_int_init(void)
{
    for (int i = SMALL_MIN; i <= SMALL_MAX; i++) {
        IntObj *o = &small_ints[i - SMALL_MIN];
        o->ob.refcnt = OBJ_IMMORTAL;
        o->ob.type = &vm_int_type;
        o->v = i;
    }
}
