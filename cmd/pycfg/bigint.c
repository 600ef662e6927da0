/* cmd/pycfg/bigint.c: arbitrary-precision integers for constant folding.
 *
 * Stage: pycfg.  Sign-magnitude, 32-bit limbs, schoolbook algorithms; the
 * bitwise operators work on two's complement copies as Python defines them
 * for negative numbers (an infinite string of sign bits).
 */
#include "cmd/pycfg/bigint.h"

#include <math.h>
#include <string.h>

static uint32_t *limbs(Arena *a, int n)
{
    return arena_alloc(a, (size_t)(n > 0 ? n : 1) * sizeof(uint32_t));
}

static void trim(CfgBig *x)
{
    while (x->n > 0 && x->d[x->n - 1] == 0)
        x->n--;
    if (x->n == 0)
        x->neg = false;
}

static int mag_cmp(const CfgBig *x, const CfgBig *y)
{
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    for (int i = x->n - 1; i >= 0; i--)
        if (x->d[i] != y->d[i])
            return x->d[i] < y->d[i] ? -1 : 1;
    return 0;
}

static void mag_add(Arena *a, const CfgBig *x, const CfgBig *y, CfgBig *out)
{
    out->neg = false;
    int n = (x->n > y->n ? x->n : y->n) + 1;
    uint32_t *d = limbs(a, n);
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t s = carry + (i < x->n ? x->d[i] : 0) + (i < y->n ? y->d[i] : 0);
        d[i] = (uint32_t)s;
        carry = s >> 32;
    }
    out->d = d;
    out->n = n;
    trim(out);
}

/* |x| - |y|, requires |x| >= |y| */
static void mag_sub(Arena *a, const CfgBig *x, const CfgBig *y, CfgBig *out)
{
    out->neg = false;
    uint32_t *d = limbs(a, x->n);
    int64_t borrow = 0;
    for (int i = 0; i < x->n; i++) {
        int64_t s = (int64_t)x->d[i] - (i < y->n ? y->d[i] : 0) - borrow;
        borrow = s < 0;
        d[i] = (uint32_t)(s + (borrow ? ((int64_t)1 << 32) : 0));
    }
    out->d = d;
    out->n = x->n;
    trim(out);
}

static void mag_mul(Arena *a, const CfgBig *x, const CfgBig *y, CfgBig *out)
{
    out->neg = false;
    int n = x->n + y->n;
    uint32_t *d = limbs(a, n);
    memset(d, 0, (size_t)(n > 0 ? n : 1) * sizeof *d);
    for (int i = 0; i < x->n; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < y->n; j++) {
            uint64_t t = (uint64_t)x->d[i] * y->d[j] + d[i + j] + carry;
            d[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        for (int k = i + y->n; carry; k++) {
            uint64_t t = (uint64_t)d[k] + carry;
            d[k] = (uint32_t)t;
            carry = t >> 32;
        }
    }
    out->d = d;
    out->n = n;
    trim(out);
}

static void mag_shl(Arena *a, const CfgBig *x, long s, CfgBig *out)
{
    out->neg = false;
    int words = (int)(s / 32), bits = (int)(s % 32);
    int n = x->n + words + 1;
    uint32_t *d = limbs(a, n);
    memset(d, 0, (size_t)n * sizeof *d);
    for (int i = 0; i < x->n; i++) {
        uint64_t v = (uint64_t)x->d[i] << bits;
        d[i + words] |= (uint32_t)v;
        d[i + words + 1] |= (uint32_t)(v >> 32);
    }
    out->d = d;
    out->n = n;
    trim(out);
}

static void mag_shr(Arena *a, const CfgBig *x, long s, CfgBig *out)
{
    out->neg = false;
    long words = s / 32;
    int bits = (int)(s % 32);
    if (words >= x->n) {
        out->n = 0;
        out->d = limbs(a, 1);
        out->neg = false;
        return;
    }
    int n = x->n - (int)words;
    uint32_t *d = limbs(a, n);
    for (int i = 0; i < n; i++) {
        uint64_t lo = x->d[i + words];
        uint64_t hi = i + words + 1 < x->n ? x->d[i + words + 1] : 0;
        d[i] = (uint32_t)(((hi << 32) | lo) >> bits);
    }
    out->d = d;
    out->n = n;
    trim(out);
}

long cfg_big_bits(const CfgBig *x)
{
    if (x->n == 0)
        return 0;
    uint32_t top = x->d[x->n - 1];
    int b = 0;
    while (top) {
        b++;
        top >>= 1;
    }
    return (long)(x->n - 1) * 32 + b;
}

/* |x| divided by |y| (y != 0): quotient and remainder magnitudes. */
static void mag_divmod(Arena *a, const CfgBig *x, const CfgBig *y, CfgBig *q, CfgBig *r)
{
    q->neg = r->neg = false;
    if (mag_cmp(x, y) < 0) {
        q->n = 0;
        q->d = limbs(a, 1);
        *r = *x;
        r->neg = false;
        return;
    }
    long bits = cfg_big_bits(x);
    uint32_t *qd = limbs(a, x->n);
    memset(qd, 0, (size_t)x->n * sizeof *qd);
    CfgBig rem = {false, 0, limbs(a, 1)};
    for (long i = bits - 1; i >= 0; i--) {
        CfgBig t;
        mag_shl(a, &rem, 1, &t);
        if ((x->d[i / 32] >> (i % 32)) & 1) {
            if (t.n == 0) {
                t.d = limbs(a, 1);
                t.n = 1;
                t.d[0] = 0;
            }
            t.d[0] |= 1;
        }
        rem = t;
        if (mag_cmp(&rem, y) >= 0) {
            CfgBig s;
            mag_sub(a, &rem, y, &s);
            rem = s;
            qd[i / 32] |= (uint32_t)1 << (i % 32);
        }
    }
    q->d = qd;
    q->n = x->n;
    trim(q);
    *r = rem;
    r->neg = false;
}

void cfg_big_from_i64(Arena *a, int64_t v, CfgBig *out)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    out->d = limbs(a, 2);
    out->d[0] = (uint32_t)m;
    out->d[1] = (uint32_t)(m >> 32);
    out->n = 2;
    out->neg = v < 0;
    trim(out);
}

bool cfg_big_to_double(const CfgBig *x, double *out)
{
    long bits = cfg_big_bits(x);
    if (bits > 1024)
        return false;
    uint64_t m = 0;
    long shift = bits > 64 ? bits - 64 : 0;
    /* the top 64 bits, with a sticky bit for everything below them, so
     * the conversion rounds (half to even) exactly as Python's does */
    for (long i = bits - 1; i >= shift; i--)
        m = (m << 1) | ((x->d[i / 32] >> (i % 32)) & 1);
    for (long i = 0; i < shift && !(m & 1); i++)
        if ((x->d[i / 32] >> (i % 32)) & 1)
            m |= 1;
    double d = ldexp((double)m, (int)shift);
    if (isinf(d))
        return false;
    *out = x->neg ? -d : d;
    return true;
}

bool cfg_big_to_i64(const CfgBig *x, int64_t *out)
{
    if (x->neg && x->n == 2 && x->d[1] == 0x80000000u && x->d[0] == 0) {
        *out = INT64_MIN;
        return true;
    }
    if (cfg_big_bits(x) > 63)
        return false;
    uint64_t m = x->n > 0 ? x->d[0] : 0;
    if (x->n > 1)
        m |= (uint64_t)x->d[1] << 32;
    *out = x->neg ? -(int64_t)m : (int64_t)m;
    return true;
}

bool cfg_big_parse(Arena *a, const char *s, CfgBig *out)
{
    bool neg = false;
    if (*s == '-') {
        neg = true;
        s++;
    }
    if (!*s)
        return false;
    size_t len = strlen(s);
    int n = (int)(len / 9) + 2;
    uint32_t *d = limbs(a, n);
    memset(d, 0, (size_t)n * sizeof *d);
    int used = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        uint64_t carry = (uint64_t)(*p - '0');
        for (int i = 0; i < used; i++) {
            uint64_t t = (uint64_t)d[i] * 10 + carry;
            d[i] = (uint32_t)t;
            carry = t >> 32;
        }
        if (carry)
            d[used++] = (uint32_t)carry;
    }
    out->d = d;
    out->n = used;
    out->neg = neg;
    trim(out);
    return true;
}

char *cfg_big_str(Arena *a, const CfgBig *x)
{
    int n = x->n;
    uint32_t *t = limbs(a, n);
    if (n > 0)
        memcpy(t, x->d, (size_t)n * sizeof *t);
    size_t cap = (size_t)n * 10 + 3;
    char *buf = arena_alloc(a, cap), *p = buf + cap - 1;
    *p = '\0';
    if (n == 0)
        *--p = '0';
    while (n > 0) {
        uint64_t rem = 0;
        for (int i = n - 1; i >= 0; i--) {
            uint64_t cur = (rem << 32) | t[i];
            t[i] = (uint32_t)(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        while (n > 0 && t[n - 1] == 0)
            n--;
        for (int k = 0; k < 9 && (n > 0 || rem); k++) {
            *--p = (char)('0' + rem % 10);
            rem /= 10;
        }
    }
    if (x->neg)
        *--p = '-';
    return p;
}

void cfg_big_neg(const CfgBig *x, CfgBig *out)
{
    *out = *x;
    out->neg = x->n ? !x->neg : false;
}

static const CfgBig big_one = {false, 1, (uint32_t[]){1}};

static void big_add(Arena *a, const CfgBig *x, const CfgBig *y, CfgBig *out)
{
    if (x->neg == y->neg) {
        mag_add(a, x, y, out);
        out->neg = x->neg;
    } else if (mag_cmp(x, y) >= 0) {
        mag_sub(a, x, y, out);
        out->neg = x->neg;
    } else {
        mag_sub(a, y, x, out);
        out->neg = y->neg;
    }
    trim(out);
}

void cfg_big_invert(Arena *a, const CfgBig *x, CfgBig *out)
{
    /* ~x == -(x + 1) */
    CfgBig t;
    big_add(a, x, &big_one, &t);
    cfg_big_neg(&t, out);
}

/* x in two's complement over n limbs. */
static uint32_t *twos(Arena *a, const CfgBig *x, int n)
{
    uint32_t *d = limbs(a, n);
    for (int i = 0; i < n; i++)
        d[i] = i < x->n ? x->d[i] : 0;
    if (x->neg) {
        uint64_t carry = 1;
        for (int i = 0; i < n; i++) {
            uint64_t t = (uint64_t)(uint32_t)~d[i] + carry;
            d[i] = (uint32_t)t;
            carry = t >> 32;
        }
    }
    return d;
}

bool cfg_big_binop(Arena *a, int op, const CfgBig *x, const CfgBig *y, CfgBig *out)
{
    switch (op) {
    case '+':
        big_add(a, x, y, out);
        return true;
    case '-': {
        CfgBig ny;
        cfg_big_neg(y, &ny);
        big_add(a, x, &ny, out);
        return true;
    }
    case '*':
        mag_mul(a, x, y, out);
        out->neg = x->neg != y->neg;
        trim(out);
        return true;
    case '/':
    case '%': {
        if (y->n == 0)
            return false;
        CfgBig q, r;
        mag_divmod(a, x, y, &q, &r);
        bool differ = x->neg != y->neg;
        if (op == '/') {
            if (differ && r.n) {
                CfgBig t;
                mag_add(a, &q, &big_one, &t);
                q = t;
            }
            q.neg = differ;
            trim(&q);
            *out = q;
        } else {
            if (differ && r.n) {
                CfgBig t;
                mag_sub(a, y, &r, &t);
                r = t;
            }
            r.neg = y->neg;
            trim(&r);
            *out = r;
        }
        return true;
    }
    case 'p': {
        if (y->neg)
            return false;
        int64_t e;
        if (!cfg_big_to_i64(y, &e))
            return false;
        CfgBig result = big_one, base = *x;
        while (e > 0) {
            if (e & 1) {
                CfgBig t;
                cfg_big_binop(a, '*', &result, &base, &t);
                result = t;
            }
            e >>= 1;
            if (e) {
                CfgBig t;
                cfg_big_binop(a, '*', &base, &base, &t);
                base = t;
            }
        }
        *out = result;
        return true;
    }
    case '<':
    case '>': {
        int64_t s;
        if (y->neg || !cfg_big_to_i64(y, &s))
            return false;
        if (op == '<') {
            mag_shl(a, x, (long)s, out);
            out->neg = x->neg;
        } else if (!x->neg) {
            mag_shr(a, x, (long)s, out);
        } else {
            /* floor: -((|x| - 1) >> s) - 1 */
            CfgBig m = *x, t, u;
            m.neg = false;
            mag_sub(a, &m, &big_one, &t);
            mag_shr(a, &t, (long)s, &u);
            big_add(a, &u, &big_one, out);
            out->neg = true;
        }
        trim(out);
        return true;
    }
    case '&':
    case '|':
    case '^': {
        int n = (x->n > y->n ? x->n : y->n) + 1;
        uint32_t *dx = twos(a, x, n), *dy = twos(a, y, n), *d = limbs(a, n);
        for (int i = 0; i < n; i++)
            d[i] = op == '&' ? dx[i] & dy[i] : op == '|' ? dx[i] | dy[i] : dx[i] ^ dy[i];
        bool neg = (d[n - 1] >> 31) & 1;
        if (neg) {
            /* magnitude = ~d + 1 */
            uint64_t carry = 1;
            for (int i = 0; i < n; i++) {
                uint64_t t = (uint64_t)(uint32_t)~d[i] + carry;
                d[i] = (uint32_t)t;
                carry = t >> 32;
            }
        }
        out->d = d;
        out->n = n;
        out->neg = neg;
        trim(out);
        return true;
    }
    default:
        return false;
    }
}

bool cfg_big_truediv(Arena *a, const CfgBig *x, const CfgBig *y, double *out)
{
    if (y->n == 0)
        return false;
    bool neg = x->neg != y->neg;
    if (x->n == 0) {
        *out = neg ? -0.0 : 0.0;
        return true;
    }
    CfgBig mx = *x, my = *y, num, den, q, r;
    mx.neg = my.neg = false;
    /* q = floor(|x| * 2**s / |y|) with 55 or 56 bits, the remainder kept
     * as a sticky bit, so converting q to double rounds correctly */
    long s = 55 + cfg_big_bits(&my) - cfg_big_bits(&mx);
    if (s >= 0) {
        mag_shl(a, &mx, s, &num);
        den = my;
    } else {
        num = mx;
        mag_shl(a, &my, -s, &den);
    }
    mag_divmod(a, &num, &den, &q, &r);
    int64_t qi;
    if (!cfg_big_to_i64(&q, &qi))
        return false;
    uint64_t m = (uint64_t)qi;
    if (r.n)
        m |= 1;
    if (s > 1000 || s < -1000)
        return false;   /* subnormal or huge: leave it to run time */
    double d = ldexp((double)m, (int)-s);
    if (isinf(d))
        return false;
    *out = neg ? -d : d;
    return true;
}
