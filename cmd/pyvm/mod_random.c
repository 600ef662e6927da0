/* cmd/pyvm/mod_random.c: the built-in module _random (the C half of the
 * stdlib's random.py): the Random type, a Mersenne Twister (MT19937).
 *
 * Stage: pyvm.  Seeding, random() and getrandbits() consume the
 * generator's 32-bit outputs exactly as CPython's _randommodule.c does,
 * so random.py over this module reproduces CPython's sequences:
 *   seed(n):   init_by_array over the 32-bit words of |n|, least
 *              significant first ([0] for 0); other objects seed by their
 *              hash; None by 624 words from the system's entropy source.
 *   random():  (a * 2^26 + b) / 2^53 with a = next >> 5, b = next >> 6.
 *   getrandbits(k): k bits from ceil(k / 32) outputs, least significant
 *              word first, the last one shifted right to keep its top bits.
 *   getstate() / setstate(): a tuple of the 624 state words and the index.
 */
#include "cmd/pyvm/module.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

#define MT_N 624
#define MT_M 397

typedef struct RandomObj {
    Obj ob;
    int index;              /* next word of state to temper; MT_N: regenerate */
    uint32_t state[MT_N];   /* the generator's state */
} RandomObj;

static Type random_type;

/* ---- the generator (Matsumoto and Nishimura's reference algorithm) ---- */

static void mt_init(RandomObj *r, uint32_t s)
{
    r->state[0] = s;
    for (int i = 1; i < MT_N; i++) {
        uint32_t p = r->state[i - 1];
        r->state[i] = 1812433253u * (p ^ (p >> 30)) + (uint32_t)i;
    }
    r->index = MT_N;
}

static void mt_init_array(RandomObj *r, const uint32_t *key, size_t len)
{
    mt_init(r, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k > 0; k--) {
        uint32_t p = r->state[i - 1];
        r->state[i] = (r->state[i] ^ ((p ^ (p >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            r->state[0] = r->state[MT_N - 1];
            i = 1;
        }
        if (j >= len)
            j = 0;
    }
    for (size_t k = MT_N - 1; k > 0; k--) {
        uint32_t p = r->state[i - 1];
        r->state[i] = (r->state[i] ^ ((p ^ (p >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            r->state[0] = r->state[MT_N - 1];
            i = 1;
        }
    }
    r->state[0] = 0x80000000u;  /* a non-zero initial state for certain */
    r->index = MT_N;
}

static uint32_t mt_next(RandomObj *r)
{
    if (r->index >= MT_N) {
        for (int k = 0; k < MT_N; k++) {
            uint32_t y = (r->state[k] & 0x80000000u) | (r->state[(k + 1) % MT_N] & 0x7fffffffu);
            r->state[k] = r->state[(k + MT_M) % MT_N] ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0);
        }
        r->index = 0;
    }
    uint32_t y = r->state[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

/* ---- seeding ---- */

static void seed_entropy(RandomObj *r)
{
    uint32_t key[MT_N];
    size_t got = 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t k = read(fd, key, sizeof key);
        if (k > 0)
            got = (size_t)k;
        close(fd);
    }
    if (got < sizeof key) {     /* no entropy source: the time and pid */
        uint32_t t = (uint32_t)time(NULL) ^ ((uint32_t)getpid() << 16);
        for (size_t i = 0; i < MT_N; i++)
            key[i] = t = t * 1103515245u + 12345u;
    }
    mt_init_array(r, key, MT_N);
}

/* Seed from a non-negative int: its 32-bit words, least significant first. */
static int seed_int(RandomObj *r, Obj *n)
{
    Obj *absn = vm_unary(n, UN_POS);
    if (!absn)
        return -1;
    Obj *zero = vm_int_from_i64(0);
    if (vm_int_cmp(absn, zero) < 0) {
        Obj *t = vm_unary(absn, UN_NEG);
        DECREF(absn);
        if (!(absn = t)) {
            DECREF(zero);
            return -1;
        }
    }
    DECREF(zero);
    int64_t bits = vm_int_bit_length(absn);
    size_t words = bits == 0 ? 1 : (size_t)((bits - 1) / 32 + 1);
    uint32_t *key = calloc(words, sizeof *key);
    if (!key) {
        DECREF(absn);
        vm_err_nomem();
        return -1;
    }
    if (INT_IS_SMALL(absn)) {
        uint64_t v = (uint64_t)INT_SMALL(absn);
        key[0] = (uint32_t)v;
        if (words > 1)
            key[1] = (uint32_t)(v >> 32);
    } else {
        IntObj *io = (IntObj *)absn;
        for (size_t i = 0; i < words && i < (size_t)io->n; i++)
            key[i] = io->d[i];
    }
    mt_init_array(r, key, words);
    free(key);
    DECREF(absn);
    return 0;
}

static int do_seed(RandomObj *r, Obj *arg)
{
    if (!arg || arg == VM_NONE) {
        seed_entropy(r);
        return 0;
    }
    if (INT_CHECK(arg))
        return seed_int(r, arg);
    int64_t h;
    if (vm_hash(arg, &h) < 0)
        return -1;
    /* the hash as an unsigned 64-bit number (CPython's (size_t)hash) */
    uint64_t u = (uint64_t)h;
    uint32_t key[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
    mt_init_array(r, key, key[1] ? 2 : 1);
    return 0;
}

/* ---- methods ---- */

static Obj *r_seed(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("seed", kwnames) < 0 || vm_argc("seed", nargs, 0, 1) < 0)
        return NULL;
    if (do_seed((RandomObj *)self, nargs ? args[0] : NULL) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *r_random(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("random", kwnames) < 0 || vm_argc("random", nargs, 0, 0) < 0)
        return NULL;
    RandomObj *r = (RandomObj *)self;
    uint32_t a = mt_next(r) >> 5, b = mt_next(r) >> 6;
    return vm_float_new((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static Obj *r_getrandbits(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("getrandbits", kwnames) < 0 || vm_argc("getrandbits", nargs, 1, 1) < 0)
        return NULL;
    int64_t k;
    if (vm_index(args[0], &k, "k") < 0)
        return NULL;
    if (k < 0)
        return vm_err_str(&vm_exc_ValueError, "number of bits must be non-negative");
    RandomObj *r = (RandomObj *)self;
    if (k == 0)
        return vm_int_from_i64(0);
    if (k <= 32)
        return vm_int_from_i64(mt_next(r) >> (32 - k));
    if (k > ((int64_t)1 << 36))
        return vm_err_nomem();
    size_t words = (size_t)((k - 1) / 32 + 1);
    unsigned char *bytes = malloc(words * 4);
    if (!bytes)
        return vm_err_nomem();
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t w = mt_next(r);
        if (k < 32)
            w >>= 32 - k;
        for (int j = 0; j < 4; j++)
            bytes[i * 4 + (size_t)j] = (unsigned char)(w >> (8 * j));
    }
    /* int.from_bytes(bytes, 'little') */
    Obj *v = vm_int_from_i64(0);
    for (size_t i = words * 4; v && i-- > 0;) {
        Obj *sh = vm_int_from_i64(8), *t = vm_binop(v, sh, NB_LSHIFT);
        DECREF(sh);
        DECREF(v);
        if (!t) {
            v = NULL;
            break;
        }
        Obj *b = vm_int_from_i64(bytes[i]);
        v = vm_binop(t, b, NB_OR);
        DECREF(t);
        DECREF(b);
    }
    free(bytes);
    return v;
}

static Obj *r_getstate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("getstate", kwnames) < 0 || vm_argc("getstate", nargs, 0, 0) < 0)
        return NULL;
    RandomObj *r = (RandomObj *)self;
    Obj *t = vm_tuple_new(MT_N + 1);
    for (int i = 0; i < MT_N; i++)
        TUPLE_ITEMS(t)[i] = vm_int_from_i64(r->state[i]);
    TUPLE_ITEMS(t)[MT_N] = vm_int_from_i64(r->index);
    return t;
}

static Obj *r_setstate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("setstate", kwnames) < 0 || vm_argc("setstate", nargs, 1, 1) < 0)
        return NULL;
    Obj *st = args[0];
    if (!TUPLE_CHECK(st))
        return vm_err_str(&vm_exc_TypeError, "state vector must be a tuple");
    if (TUPLE_LEN(st) != MT_N + 1)
        return vm_err_str(&vm_exc_ValueError, "state vector is the wrong size");
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++) {
        Obj *w = TUPLE_ITEMS(st)[i];
        int64_t v;
        if (!INT_CHECK(w))
            return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an "
                              "integer", vm_tname(w));
        if (vm_int_as_i64(w, &v) < 0)
            return NULL;
        if (v < 0 || v > 0xffffffffLL)
            return vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C "
                              "unsigned long");
        words[i] = (uint32_t)v;
    }
    int64_t index;
    if (vm_index(TUPLE_ITEMS(st)[MT_N], &index, "index") < 0)
        return NULL;
    if (index < 0 || index > MT_N)
        return vm_err_str(&vm_exc_ValueError, "invalid state");
    RandomObj *r = (RandomObj *)self;
    memcpy(r->state, words, sizeof words);
    r->index = (int)index;
    return vm_newref(VM_NONE);
}

static Obj *r_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = (Type *)self;
    if (t == &random_type && kwnames && TUPLE_LEN(kwnames))
        return vm_err_str(&vm_exc_TypeError, "Random() takes no keyword arguments");
    if (t == &random_type && nargs > 1)
        return vm_err_fmt(&vm_exc_TypeError, "Random expected at most 1 argument, got %zu",
                          nargs);
    RandomObj *r = vm_alloc(t, 0);
    r->index = MT_N;
    if (do_seed(r, nargs ? args[0] : NULL) < 0) {
        DECREF(r);
        return NULL;
    }
    return (Obj *)r;
}

static const MethodDef random_methods[] = {
    {"seed", r_seed},
    {"random", r_random},
    {"getrandbits", r_getrandbits},
    {"getstate", r_getstate},
    {"setstate", r_setstate},
    {NULL, NULL},
};

static Type random_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "Random",
    .base = &vm_object_type,
    .flags = TF_BASETYPE,
    .basicsize = sizeof(RandomObj),
    .construct = r_construct,
    .methods = random_methods,
};

Obj *vm_mod__random(void)
{
    Obj *m = vm_module_new("_random");
    if (!m)
        return NULL;
    vm_type_ready(&random_type);
    vm_module_add(m, "Random", (Obj *)&random_type);
    return m;
}
