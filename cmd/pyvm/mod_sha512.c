/* cmd/pyvm/mod_sha512.c: the built-in module _sha512 (sha512 and sha384
 * objects: update, digest, hexdigest, copy), which the stdlib's random.py
 * uses to seed from a str or bytes, and hashlib.
 *
 * Stage: pyvm.  SHA-512 as FIPS 180-4 defines it: 1024-bit blocks, 80
 * rounds; the round constants and initial values below are the first 64
 * bits of the fractional parts of the cube roots of the first 80 primes
 * and of the square roots of the first 8 primes.
 */
#include "cmd/pyvm/module.h"

#include <string.h>

#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

static const uint64_t sha_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static const uint64_t sha_h0[8] = {
    0x6a09e667f3bcc908ULL,
    0xbb67ae8584caa73bULL,
    0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL,
    0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL,
    0x5be0cd19137e2179ULL,
};

typedef struct ShaObj {
    Obj ob;
    uint64_t h[8];          /* the chaining state */
    unsigned char block[128]; /* the partial block */
    size_t fill;            /* bytes in block */
    uint64_t total;         /* bytes hashed so far */
    int size;               /* digest bytes: 64 (sha512) or 48 (sha384) */
} ShaObj;

/* SHA-384: the first 64 bits of the square roots of the 9th..16th primes */
static const uint64_t sha384_h0[8] = {
    0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL,
    0x152fecd8f70e5939ULL, 0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
    0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL,
};

static Type sha_type;

#define ROR(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static void compress(uint64_t h[8], const unsigned char *p)
{
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        uint64_t v = 0;
        for (int j = 0; j < 8; j++)
            v = (v << 8) | p[i * 8 + j];
        w[i] = v;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ROR(w[i - 15], 1) ^ ROR(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ROR(w[i - 2], 19) ^ ROR(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t S1 = ROR(e, 14) ^ ROR(e, 18) ^ ROR(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + S1 + ch + sha_k[i] + w[i];
        uint64_t S0 = ROR(a, 28) ^ ROR(a, 34) ^ ROR(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = S0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha_feed(ShaObj *s, const unsigned char *p, size_t n)
{
    s->total += n;
    while (n > 0) {
        size_t k = 128 - s->fill < n ? 128 - s->fill : n;
        memcpy(s->block + s->fill, p, k);
        s->fill += k;
        p += k;
        n -= k;
        if (s->fill == 128) {
            compress(s->h, s->block);
            s->fill = 0;
        }
    }
}

static void sha_final(const ShaObj *s, unsigned char out[64])
{
    ShaObj t = *s;
    uint64_t bits = t.total * 8;
    unsigned char pad[128 + 17] = {0x80};
    size_t padlen = (t.fill < 112 ? 112 - t.fill : 240 - t.fill);
    unsigned char len[16] = {0};
    for (int i = 0; i < 8; i++)
        len[15 - i] = (unsigned char)(bits >> (8 * i));
    sha_feed(&t, pad, padlen);
    sha_feed(&t, len, 16);
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++)
            out[i * 8 + j] = (unsigned char)(t.h[i] >> (56 - 8 * j));
}

static int feed_obj(ShaObj *s, Obj *o)
{
    if (STR_CHECK(o)) {
        vm_err_str(&vm_exc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    const char *p;
    size_t n;
    if (vm_bytes_buffer(o, &p, &n)) {     /* bytes, bytearray, memoryview */
        sha_feed(s, (const unsigned char *)p, n);
        return 0;
    }
    return vm_bytes_buffer_error(o, "object supporting the buffer API required%.0s");
}

static Obj *sha_update(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("update", kwnames) < 0 || vm_argc("update", nargs, 1, 1) < 0
        || feed_obj((ShaObj *)self, args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *sha_digest(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    unsigned char out[64];
    sha_final((ShaObj *)self, out);
    return vm_bytes_new((const char *)out, (size_t)((ShaObj *)self)->size);
}

static Obj *sha_hexdigest(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    unsigned char out[64];
    char hex[129];
    sha_final((ShaObj *)self, out);
    int size = ((ShaObj *)self)->size;
    for (int i = 0; i < size; i++) {
        hex[2 * i] = "0123456789abcdef"[out[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[out[i] & 15];
    }
    return vm_str_new(hex, 2 * (size_t)size);
}

static Obj *sha_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ShaObj *c = vm_alloc(&sha_type, 0);
    memcpy((char *)c + sizeof(Obj), (char *)self + sizeof(Obj), sizeof(ShaObj) - sizeof(Obj));
    return (Obj *)c;
}

static Obj *sha_getattr(Obj *o, Obj *name)
{
    int size = ((ShaObj *)o)->size;
    if (vm_str_eqc(name, "name"))
        return vm_str_cstr(size == 48 ? "sha384" : "sha512");
    if (vm_str_eqc(name, "digest_size"))
        return vm_int_from_i64(size);
    if (vm_str_eqc(name, "block_size"))
        return vm_int_from_i64(128);
    return NULL;
}

static const MethodDef sha_methods[] = {
    {"update", sha_update},
    {"digest", sha_digest},
    {"hexdigest", sha_hexdigest},
    {"copy", sha_copy},
    {NULL, NULL},
};

static Type sha_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "sha512",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(ShaObj),
    .getattr = sha_getattr,
    .methods = sha_methods,
};

/* sha512(string=b'', *, usedforsecurity=True), and sha384 (size 48) */
static Obj *sha_new(const char *fname, int size, Obj *const *args, size_t nargs,
                    Obj *kwnames)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0, npos = nargs - nkw;
    if (npos > 1)
        return vm_err_fmt(&vm_exc_TypeError, "%s() takes at most 1 argument (%zu given)",
                          fname, npos);
    Obj *data = npos ? args[0] : NULL;
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        if (vm_str_eqc(kn, "string"))
            data = args[npos + k];
        else if (!vm_str_eqc(kn, "usedforsecurity"))
            return vm_err_fmt(&vm_exc_TypeError, "%s() got an unexpected keyword "
                              "argument '%s'", fname, STR_DATA(kn));
    }
    vm_type_ready(&sha_type);
    ShaObj *s = vm_alloc(&sha_type, 0);
    memcpy(s->h, size == 48 ? sha384_h0 : sha_h0, sizeof s->h);
    s->size = size;
    s->fill = 0;
    s->total = 0;
    if (data && feed_obj(s, data) < 0) {
        DECREF(s);
        return NULL;
    }
    return (Obj *)s;
}

static Obj *sha512_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return sha_new("sha512", 64, args, nargs, kwnames);
}

static Obj *sha384_new(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return sha_new("sha384", 48, args, nargs, kwnames);
}

Obj *vm_mod__sha512(void)
{
    Obj *m = vm_module_new("_sha512");
    if (!m)
        return NULL;
    vm_module_add_func(m, "sha512", sha512_new);
    vm_module_add_func(m, "sha384", sha384_new);
    return m;
}
