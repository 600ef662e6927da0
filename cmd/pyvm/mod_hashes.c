/* cmd/pyvm/mod_hashes.c: the built-in hash modules hashlib falls back on
 * without OpenSSL: _md5 (md5), _sha1 (sha1), _sha256 (sha224, sha256),
 * _sha3 (sha3_224/256/384/512, shake_128/256) and _blake2 (blake2b,
 * blake2s).  (_sha512 is mod_sha512.c.)
 *
 * Stage: pyvm.  One object type serves every algorithm: a HashAlgo entry
 * (name, sizes, and the init/feed/final of its family) and a state union.
 * The families:
 *   - Merkle-Damgard with 64-byte blocks (MD5 RFC 1321, SHA-1 and SHA-2
 *     FIPS 180-4): a compression function over 32-bit words, the length
 *     appended in bits (little-endian for MD5, big-endian for SHA);
 *   - Keccak-f[1600] sponges (FIPS 202): rate = 200 - 2 * security bytes,
 *     domain byte 0x06 (SHA-3) or 0x1f (SHAKE, any output length);
 *   - BLAKE2b/BLAKE2s (RFC 7693), sequential mode: digest_size, key, salt
 *     and person; the tree parameters must keep their defaults.
 * The round constants that are square or cube roots, or outputs of an
 * LFSR, are computed once at first use instead of being listed.
 */
#include "cmd/pyvm/module.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/txtargs.h"

/* ---- the state of every family ---- */

typedef union HashState {
    struct {
        uint32_t h[8];              /* chaining value */
        unsigned char block[64];    /* partial block */
        size_t fill;                /* bytes in block */
        uint64_t total;             /* bytes fed */
    } md;                           /* MD5, SHA-1, SHA-224/256 */
    struct {
        uint64_t a[25];             /* the Keccak state, lane x + 5y */
        size_t fill;                /* bytes absorbed into the current block */
    } k;                            /* SHA-3, SHAKE */
    struct {
        uint64_t h[8];              /* chaining value (2s: low 32 bits used) */
        uint64_t t;                 /* bytes compressed so far */
        unsigned char block[128];   /* the last, not yet compressed block */
        size_t fill;                /* bytes in block */
        size_t outlen;              /* digest_size */
    } b2;                           /* BLAKE2b, BLAKE2s */
} HashState;

typedef struct HashAlgo HashAlgo;
struct HashAlgo {
    const char *name;           /* hashlib name: "md5", "sha3_256", ... */
    int digest_size;            /* bytes; 0: chosen at digest() (SHAKE) */
    int block_size;             /* bytes per block (the sponge rate for Keccak) */
    void (*init)(const HashAlgo *a, HashState *s);
    void (*feed)(const HashAlgo *a, HashState *s, const unsigned char *p, size_t n);
    /* out gets n bytes of the digest; s is a copy that may be consumed */
    void (*final)(const HashAlgo *a, HashState *s, unsigned char *out, size_t n);
    const uint32_t *iv;         /* MD family: the initial chaining value */
    void (*compress)(uint32_t h[8], const unsigned char *p);   /* MD family */
    unsigned char pad;          /* Keccak: the domain byte */
    bool little;                /* MD family: little-endian words (MD5) */
};

typedef struct HashObj {
    Obj ob;
    const HashAlgo *algo;       /* what it computes */
    HashState st;               /* where it is */
} HashObj;

static Type hash_type;

#define ROL32(x, n) (((x) << (n)) | ((x) >> (32 - (n))))
#define ROR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define ROL64(x, n) ((n) ? (((x) << (n)) | ((x) >> (64 - (n)))) : (x))
#define ROR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static uint64_t le64(const unsigned char *p)
{
    return (uint64_t)le32(p + 4) << 32 | le32(p);
}

/* ---- constants computed once ---- */

static uint32_t md5_k[64];      /* floor(|sin(i + 1)| * 2^32) */
static uint32_t sha256_k[64];   /* cube roots of the first 64 primes, fraction bits */
static uint32_t sha256_iv[8];   /* square roots of the first 8 primes, fraction bits */
static uint64_t keccak_rc[24];  /* iota's round constants (the LFSR of FIPS 202) */
static bool consts_ready;

static const uint32_t md5_iv[8] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
static const uint32_t sha1_iv[8] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
                                    0xc3d2e1f0};
/* SHA-224: the second 32 bits of the square roots of the 9th..16th primes */
static const uint32_t sha224_iv[8] = {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                                      0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4};

/* The fraction of r's root (cube when cube) times 2^32, from integer
 * arithmetic: the largest f with (n + f / 2^32)^k <= p, by bisection on
 * exact 128-bit products (n the integer part). */
static uint32_t root_frac(unsigned p, bool cube)
{
    unsigned n = 1;
    while ((cube ? (n + 1) * (n + 1) * (n + 1) : (n + 1) * (n + 1)) <= p)
        n++;
    uint64_t lo = 0, hi = (uint64_t)1 << 32;    /* f in [lo, hi) */
    while (hi - lo > 1) {
        uint64_t mid = (lo + hi) / 2;
        /* x = n * 2^32 + mid; compare x^k with p * 2^(32k) */
        unsigned __int128 x = ((unsigned __int128)n << 32) + mid;
        bool le;
        if (cube) {
            unsigned __int128 x2 = x * x;               /* < 2^70 */
            /* x^3 = x2 * x may pass 2^128: compare x2 * x <= p << 96 as
             * x2 <= (p << 96) / x */
            unsigned __int128 lim = ((unsigned __int128)p << 96) / x;
            le = x2 <= lim;
        } else {
            le = x * x <= ((unsigned __int128)p << 64);
        }
        if (le)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

static void hash_consts(void)
{
    if (consts_ready)
        return;
    for (int i = 0; i < 64; i++)
        md5_k[i] = (uint32_t)(fabs(sin((double)(i + 1))) * 4294967296.0);
    unsigned primes[64], np = 0;
    for (unsigned c = 2; np < 64; c++) {
        bool prime = true;
        for (unsigned d = 2; d * d <= c; d++)
            if (c % d == 0)
                prime = false;
        if (prime)
            primes[np++] = c;
    }
    for (int i = 0; i < 64; i++)
        sha256_k[i] = root_frac(primes[i], true);
    for (int i = 0; i < 8; i++)
        sha256_iv[i] = root_frac(primes[i], false);
    unsigned char lfsr = 1;
    for (int r = 0; r < 24; r++) {
        uint64_t rc = 0;
        for (int j = 0; j < 7; j++) {
            bool bit = lfsr & 1;
            lfsr = (unsigned char)(lfsr & 0x80 ? (lfsr << 1) ^ 0x71 : lfsr << 1);
            if (bit)
                rc |= (uint64_t)1 << ((1 << j) - 1);
        }
        keccak_rc[r] = rc;
    }
    consts_ready = true;
}

/* ---- MD5, SHA-1, SHA-256: 64-byte blocks ---- */

static void md5_compress(uint32_t h[8], const unsigned char *p)
{
    static const unsigned char sh[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20},
                                           {4, 11, 16, 23}, {6, 10, 15, 21}};
    uint32_t m[16];
    for (int i = 0; i < 16; i++)
        m[i] = le32(p + 4 * i);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        switch (i / 16) {
        case 0: f = (b & c) | (~b & d); g = i; break;
        case 1: f = (d & b) | (~d & c); g = (5 * i + 1) % 16; break;
        case 2: f = b ^ c ^ d; g = (3 * i + 5) % 16; break;
        default: f = c ^ (b | ~d); g = (7 * i) % 16; break;
        }
        f += a + md5_k[i] + m[g];
        a = d;
        d = c;
        c = b;
        int s = sh[i / 16][i % 4];
        b += ROL32(f, s);
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
}

static void sha1_compress(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = be32(p + 4 * i);
    for (int i = 16; i < 80; i++) {
        uint32_t x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
        w[i] = ROL32(x, 1);
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t t = ROL32(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = ROL32(b, 30);
        b = a;
        a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

static void sha256_compress(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = be32(p + 4 * i);
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR32(w[i - 15], 7) ^ ROR32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR32(w[i - 2], 17) ^ ROR32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = hh + (ROR32(e, 6) ^ ROR32(e, 11) ^ ROR32(e, 25)) + ((e & f) ^ (~e & g))
            + sha256_k[i] + w[i];
        uint32_t t2 = (ROR32(a, 2) ^ ROR32(a, 13) ^ ROR32(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
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

static void md_init(const HashAlgo *a, HashState *s)
{
    /* SHA-256's IV is computed (hash_consts), so its table entry is NULL */
    memcpy(s->md.h, a->iv == NULL ? sha256_iv : a->iv, sizeof s->md.h);
    s->md.fill = 0;
    s->md.total = 0;
}

static void md_feed(const HashAlgo *a, HashState *s, const unsigned char *p, size_t n)
{
    s->md.total += n;
    while (n > 0) {
        size_t k = 64 - s->md.fill < n ? 64 - s->md.fill : n;
        memcpy(s->md.block + s->md.fill, p, k);
        s->md.fill += k;
        p += k;
        n -= k;
        if (s->md.fill == 64) {
            a->compress(s->md.h, s->md.block);
            s->md.fill = 0;
        }
    }
}

static void md_final(const HashAlgo *a, HashState *s, unsigned char *out, size_t n)
{
    uint64_t bits = s->md.total * 8;
    unsigned char pad[72] = {0x80};
    size_t padlen = s->md.fill < 56 ? 56 - s->md.fill : 120 - s->md.fill;
    unsigned char len[8];
    for (int i = 0; i < 8; i++)
        len[a->little ? i : 7 - i] = (unsigned char)(bits >> (8 * i));
    md_feed(a, s, pad, padlen);
    md_feed(a, s, len, 8);
    for (size_t i = 0; i < n; i++) {
        uint32_t w = s->md.h[i / 4];
        out[i] = (unsigned char)(a->little ? w >> (8 * (i % 4)) : w >> (24 - 8 * (i % 4)));
    }
}

/* ---- Keccak ---- */

static void keccak_f(uint64_t a[25])
{
    for (int r = 0; r < 24; r++) {
        uint64_t c[5], d;
        for (int x = 0; x < 5; x++)
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; x++) {
            d = c[(x + 4) % 5] ^ ROL64(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5)
                a[x + y] ^= d;
        }
        /* rho and pi together: walk (x, y) -> (y, 2x + 3y) from (1, 0) */
        int x = 1, y = 0;
        uint64_t cur = a[x + 5 * y];
        for (int t = 0; t < 24; t++) {
            int rot = ((t + 1) * (t + 2) / 2) % 64;
            int ny = (2 * x + 3 * y) % 5;
            x = y;
            y = ny;
            uint64_t tmp = a[x + 5 * y];
            a[x + 5 * y] = ROL64(cur, rot);
            cur = tmp;
        }
        for (int yy = 0; yy < 25; yy += 5) {
            uint64_t row[5];
            for (int i = 0; i < 5; i++)
                row[i] = a[yy + i];
            for (int i = 0; i < 5; i++)
                a[yy + i] = row[i] ^ (~row[(i + 1) % 5] & row[(i + 2) % 5]);
        }
        a[0] ^= keccak_rc[r];
    }
}

static void keccak_init(const HashAlgo *a, HashState *s)
{
    memset(s->k.a, 0, sizeof s->k.a);
    s->k.fill = 0;
}

/* XOR byte v into byte i of the state (lanes are little-endian). */
static void keccak_xor(HashState *s, size_t i, unsigned char v)
{
    s->k.a[i / 8] ^= (uint64_t)v << (8 * (i % 8));
}

static void keccak_feed(const HashAlgo *a, HashState *s, const unsigned char *p, size_t n)
{
    size_t rate = (size_t)a->block_size;
    for (size_t i = 0; i < n; i++) {
        keccak_xor(s, s->k.fill++, p[i]);
        if (s->k.fill == rate) {
            keccak_f(s->k.a);
            s->k.fill = 0;
        }
    }
}

static void keccak_final(const HashAlgo *a, HashState *s, unsigned char *out, size_t n)
{
    size_t rate = (size_t)a->block_size;
    keccak_xor(s, s->k.fill, a->pad);
    keccak_xor(s, rate - 1, 0x80);
    keccak_f(s->k.a);
    for (size_t i = 0, k = 0; i < n; i++, k++) {
        if (k == rate) {
            keccak_f(s->k.a);
            k = 0;
        }
        out[i] = (unsigned char)(s->k.a[k / 8] >> (8 * (k % 8)));
    }
}

/* ---- BLAKE2 ---- */

static const unsigned char b2_sigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

/* BLAKE2b's IV is SHA-512's */
static const uint64_t b2b_iv[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

/* The column and diagonal steps of a BLAKE2 round: v indexes a, b, c, d. */
static const unsigned char b2_steps[8][4] = {
    {0, 4, 8, 12}, {1, 5, 9, 13}, {2, 6, 10, 14}, {3, 7, 11, 15},
    {0, 5, 10, 15}, {1, 6, 11, 12}, {2, 7, 8, 13}, {3, 4, 9, 14},
};

static void b2b_compress(HashState *s, bool last)
{
    uint64_t m[16], v[16];
    for (int i = 0; i < 16; i++)
        m[i] = le64(s->b2.block + 8 * i);
    for (int i = 0; i < 8; i++) {
        v[i] = s->b2.h[i];
        v[i + 8] = b2b_iv[i];
    }
    v[12] ^= s->b2.t;
    if (last)
        v[14] = ~v[14];
    for (int r = 0; r < 12; r++) {
        const unsigned char *sg = b2_sigma[r % 10];
        for (int k = 0; k < 8; k++) {
            int a = b2_steps[k][0], b = b2_steps[k][1], c = b2_steps[k][2], d = b2_steps[k][3];
            v[a] += v[b] + m[sg[2 * k]];
            v[d] = ROR64(v[d] ^ v[a], 32);
            v[c] += v[d];
            v[b] = ROR64(v[b] ^ v[c], 24);
            v[a] += v[b] + m[sg[2 * k + 1]];
            v[d] = ROR64(v[d] ^ v[a], 16);
            v[c] += v[d];
            v[b] = ROR64(v[b] ^ v[c], 63);
        }
    }
    for (int i = 0; i < 8; i++)
        s->b2.h[i] ^= v[i] ^ v[i + 8];
}

static void b2s_compress(HashState *s, bool last)
{
    uint32_t m[16], v[16];
    for (int i = 0; i < 16; i++)
        m[i] = le32(s->b2.block + 4 * i);
    for (int i = 0; i < 8; i++) {
        v[i] = (uint32_t)s->b2.h[i];
        v[i + 8] = sha256_iv[i];
    }
    v[12] ^= (uint32_t)s->b2.t;
    v[13] ^= (uint32_t)(s->b2.t >> 32);
    if (last)
        v[14] = ~v[14];
    for (int r = 0; r < 10; r++) {
        const unsigned char *sg = b2_sigma[r];
        for (int k = 0; k < 8; k++) {
            int a = b2_steps[k][0], b = b2_steps[k][1], c = b2_steps[k][2], d = b2_steps[k][3];
            v[a] += v[b] + m[sg[2 * k]];
            v[d] = ROR32(v[d] ^ v[a], 16);
            v[c] += v[d];
            v[b] = ROR32(v[b] ^ v[c], 12);
            v[a] += v[b] + m[sg[2 * k + 1]];
            v[d] = ROR32(v[d] ^ v[a], 8);
            v[c] += v[d];
            v[b] = ROR32(v[b] ^ v[c], 7);
        }
    }
    for (int i = 0; i < 8; i++)
        s->b2.h[i] = (uint32_t)s->b2.h[i] ^ v[i] ^ v[i + 8];
}

#define B2_IS_B(a) ((a)->block_size == 128)

static void b2_feed(const HashAlgo *a, HashState *s, const unsigned char *p, size_t n)
{
    size_t bs = (size_t)a->block_size;
    while (n > 0) {
        if (s->b2.fill == bs) {     /* a full block, and more follows: not the last */
            s->b2.t += bs;
            if (B2_IS_B(a))
                b2b_compress(s, false);
            else
                b2s_compress(s, false);
            s->b2.fill = 0;
        }
        size_t k = bs - s->b2.fill < n ? bs - s->b2.fill : n;
        memcpy(s->b2.block + s->b2.fill, p, k);
        s->b2.fill += k;
        p += k;
        n -= k;
    }
}

static void b2_final(const HashAlgo *a, HashState *s, unsigned char *out, size_t n)
{
    size_t bs = (size_t)a->block_size;
    s->b2.t += s->b2.fill;
    memset(s->b2.block + s->b2.fill, 0, bs - s->b2.fill);
    if (B2_IS_B(a))
        b2b_compress(s, true);
    else
        b2s_compress(s, true);
    size_t w = B2_IS_B(a) ? 8 : 4;
    for (size_t i = 0; i < n && i < s->b2.outlen; i++)
        out[i] = (unsigned char)(s->b2.h[i / w] >> (8 * (i % w)));
}

static void b2_init_unused(const HashAlgo *a, HashState *s)
{
    (void)a;
    (void)s;
}

/* ---- the algorithms ---- */

enum { H_MD5, H_SHA1, H_SHA224, H_SHA256, H_SHA3_224, H_SHA3_256, H_SHA3_384, H_SHA3_512,
       H_SHAKE128, H_SHAKE256, H_BLAKE2B, H_BLAKE2S, H_COUNT };

static const HashAlgo algos[H_COUNT] = {
    [H_MD5] = {"md5", 16, 64, md_init, md_feed, md_final, md5_iv, md5_compress, 0, true},
    [H_SHA1] = {"sha1", 20, 64, md_init, md_feed, md_final, sha1_iv, sha1_compress, 0, false},
    [H_SHA224] = {"sha224", 28, 64, md_init, md_feed, md_final, sha224_iv, sha256_compress, 0,
                  false},
    [H_SHA256] = {"sha256", 32, 64, md_init, md_feed, md_final, NULL, sha256_compress, 0, false},
    [H_SHA3_224] = {"sha3_224", 28, 144, keccak_init, keccak_feed, keccak_final, NULL, NULL,
                    0x06, false},
    [H_SHA3_256] = {"sha3_256", 32, 136, keccak_init, keccak_feed, keccak_final, NULL, NULL,
                    0x06, false},
    [H_SHA3_384] = {"sha3_384", 48, 104, keccak_init, keccak_feed, keccak_final, NULL, NULL,
                    0x06, false},
    [H_SHA3_512] = {"sha3_512", 64, 72, keccak_init, keccak_feed, keccak_final, NULL, NULL,
                    0x06, false},
    [H_SHAKE128] = {"shake_128", 0, 168, keccak_init, keccak_feed, keccak_final, NULL, NULL,
                    0x1f, false},
    [H_SHAKE256] = {"shake_256", 0, 136, keccak_init, keccak_feed, keccak_final, NULL, NULL,
                    0x1f, false},
    [H_BLAKE2B] = {"blake2b", 64, 128, b2_init_unused, b2_feed, b2_final, NULL, NULL, 0,
                   false},
    [H_BLAKE2S] = {"blake2s", 32, 64, b2_init_unused, b2_feed, b2_final, NULL, NULL, 0,
                   false},
};

/* ---- the object ---- */

/* Feed a bytes-like object; CPython's TypeErrors for str and others. */
static int hash_feed_obj(HashObj *h, Obj *o)
{
    const char *p;
    size_t n;
    if (STR_CHECK(o)) {
        vm_err_str(&vm_exc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!vm_bytes_buffer(o, &p, &n))
        return vm_bytes_buffer_error(o, "object supporting the buffer API required%.0s");
    h->algo->feed(h->algo, &h->st, (const unsigned char *)p, n);
    return 0;
}

static Obj *hash_update(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("update", kwnames) < 0 || vm_argc("update", nargs, 1, 1) < 0
        || hash_feed_obj((HashObj *)self, args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

/* The digest's length: fixed, or SHAKE's length argument. */
static int hash_outlen(HashObj *h, const char *fname, Obj *const *args, size_t nargs,
                       Obj *kwnames, size_t *out)
{
    if (h->algo->digest_size) {
        if (vm_nokw(fname, kwnames) < 0 || vm_argc(fname, nargs, 0, 0) < 0)
            return -1;
        *out = h->algo == &algos[H_BLAKE2B] || h->algo == &algos[H_BLAKE2S]
            ? h->st.b2.outlen : (size_t)h->algo->digest_size;
        return 0;
    }
    static const char *const kw[] = {"length", NULL};
    Obj *a[1] = {NULL};
    if (vm_txt_args("", fname, TA_KW, args, nargs, kwnames, 1, 1, kw, a) < 0)
        return -1;
    int64_t n;
    if (vm_index(a[0], &n, fname) < 0)
        return -1;
    if (n < 0) {
        vm_err_str(&vm_exc_ValueError, "length must be non-negative");
        return -1;
    }
    if (n > (1 << 26)) {
        vm_err_str(&vm_exc_ValueError, "length is too large");
        return -1;
    }
    *out = (size_t)n;
    return 0;
}

/* The digest (n bytes) into a new buffer; NULL with MemoryError. */
static unsigned char *hash_compute(HashObj *h, size_t n)
{
    unsigned char *out = ls_xmalloc(n ? n : 1);
    HashState copy = h->st;
    h->algo->final(h->algo, &copy, out, n);
    return out;
}

static Obj *hash_digest(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t n;
    if (hash_outlen((HashObj *)self, "digest", args, nargs, kwnames, &n) < 0)
        return NULL;
    unsigned char *out = hash_compute((HashObj *)self, n);
    Obj *r = vm_bytes_new((const char *)out, n);
    free(out);
    return r;
}

static Obj *hash_hexdigest(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t n;
    if (hash_outlen((HashObj *)self, "hexdigest", args, nargs, kwnames, &n) < 0)
        return NULL;
    unsigned char *out = hash_compute((HashObj *)self, n);
    char *hex = ls_xmalloc(2 * n + 1);
    for (size_t i = 0; i < n; i++) {
        hex[2 * i] = "0123456789abcdef"[out[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[out[i] & 15];
    }
    Obj *r = vm_str_new(hex, 2 * n);
    free(out);
    free(hex);
    return r;
}

static Obj *hash_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("copy", kwnames) < 0 || vm_argc("copy", nargs, 0, 0) < 0)
        return NULL;
    HashObj *c = vm_alloc(&hash_type, 0);
    c->algo = ((HashObj *)self)->algo;
    c->st = ((HashObj *)self)->st;
    return (Obj *)c;
}

static Obj *hash_getattr(Obj *o, Obj *name)
{
    HashObj *h = (HashObj *)o;
    if (vm_str_eqc(name, "name"))
        return vm_str_cstr(h->algo->name);
    if (vm_str_eqc(name, "digest_size")) {
        if (h->algo == &algos[H_BLAKE2B] || h->algo == &algos[H_BLAKE2S])
            return vm_int_from_i64((int64_t)h->st.b2.outlen);
        return vm_int_from_i64(h->algo->digest_size);
    }
    if (vm_str_eqc(name, "block_size"))
        return vm_int_from_i64(h->algo->block_size);
    return NULL;
}

static Obj *hash_repr(Obj *o)
{
    char t[96];
    snprintf(t, sizeof t, "<%s HASH object @ %p>", ((HashObj *)o)->algo->name, (void *)o);
    return vm_str_cstr(t);
}

static const MethodDef hash_methods[] = {
    {"update", hash_update},
    {"digest", hash_digest},
    {"hexdigest", hash_hexdigest},
    {"copy", hash_copy},
    {NULL, NULL},
};

static Type hash_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "HASH",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(HashObj),
    .repr = hash_repr,
    .getattr = hash_getattr,
    .methods = hash_methods,
};

static HashObj *hash_new(const HashAlgo *a)
{
    hash_consts();
    HashObj *h = vm_alloc(&hash_type, 0);
    h->algo = a;
    memset(&h->st, 0, sizeof h->st);
    a->init(a, &h->st);
    return h;
}

/* NAME(string=b'', *, usedforsecurity=True), the hashlib constructors */
static Obj *hash_construct(const HashAlgo *a, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"string", "usedforsecurity", NULL};
    Obj *v[2] = {NULL, NULL};
    if (vm_txt_args("", a->name, TA_KW, args, nargs, kwnames, 0, 2, kw, v) < 0)
        return NULL;
    HashObj *h = hash_new(a);
    if (v[0] && hash_feed_obj(h, v[0]) < 0) {
        DECREF(h);
        return NULL;
    }
    return (Obj *)h;
}

#define HASH_CTOR(fn, id) \
    static Obj *fn(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { return hash_construct(&algos[id], args, nargs, kwnames); }
HASH_CTOR(new_md5, H_MD5)
HASH_CTOR(new_sha1, H_SHA1)
HASH_CTOR(new_sha224, H_SHA224)
HASH_CTOR(new_sha256, H_SHA256)
HASH_CTOR(new_sha3_224, H_SHA3_224)
HASH_CTOR(new_sha3_256, H_SHA3_256)
HASH_CTOR(new_sha3_384, H_SHA3_384)
HASH_CTOR(new_sha3_512, H_SHA3_512)
HASH_CTOR(new_shake128, H_SHAKE128)
HASH_CTOR(new_shake256, H_SHAKE256)

/* A bytes-like keyword argument of blake2 (at most max bytes), into out. */
static int b2_bytes_arg(Obj *v, const char *what, size_t max, unsigned char *out, size_t *n)
{
    const char *p;
    size_t len = 0;
    if (v && !vm_bytes_buffer(v, &p, &len)) {
        vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                   vm_tname(v));
        return -1;
    }
    if (len > max) {
        vm_err_fmt(&vm_exc_ValueError, "maximum %s length is %zu bytes", what, max);
        return -1;
    }
    memset(out, 0, max);
    if (len)
        memcpy(out, p, len);
    *n = len;
    return 0;
}

/* blake2b/blake2s(data=b'', *, digest_size, key, salt, person, fanout=1,
 * depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0,
 * last_node=False, usedforsecurity=True); the tree ones only at their
 * defaults. */
static Obj *b2_construct(const HashAlgo *a, Obj *const *args, size_t nargs, Obj *kwnames)
{
    bool big = B2_IS_B(a);
    size_t outmax = big ? 64 : 32, keymax = outmax, saltmax = big ? 16 : 8;
    size_t npos = nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0);
    if (npos > 1)
        return vm_err_fmt(&vm_exc_TypeError, "%s() takes at most 1 positional argument "
                          "(%zu given)", a->name, npos);
    Obj *data = npos ? args[0] : NULL, *dsize = NULL, *key = NULL, *salt = NULL, *person = NULL;
    for (size_t k = 0; kwnames && k < (size_t)TUPLE_LEN(kwnames); k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k], *v = args[npos + k];
        if (vm_str_eqc(kn, "data") || vm_str_eqc(kn, "string"))
            data = v;
        else if (vm_str_eqc(kn, "digest_size"))
            dsize = v;
        else if (vm_str_eqc(kn, "key"))
            key = v;
        else if (vm_str_eqc(kn, "salt"))
            salt = v;
        else if (vm_str_eqc(kn, "person"))
            person = v;
        else if (vm_str_eqc(kn, "usedforsecurity"))
            continue;
        else if (vm_str_eqc(kn, "fanout") || vm_str_eqc(kn, "depth")) {
            if (!INT_CHECK(v) || INT_SMALL(v) != 1)
                return vm_err_str(&vm_exc_NotImplementedError, "pyvm: blake2 tree hashing "
                                  "is not supported yet");
        } else if (vm_str_eqc(kn, "leaf_size") || vm_str_eqc(kn, "node_offset")
                   || vm_str_eqc(kn, "node_depth") || vm_str_eqc(kn, "inner_size")
                   || vm_str_eqc(kn, "last_node")) {
            int t = vm_truth(v);
            if (t < 0)
                return NULL;
            if (t)
                return vm_err_str(&vm_exc_NotImplementedError, "pyvm: blake2 tree hashing "
                                  "is not supported yet");
        } else {
            return vm_err_fmt(&vm_exc_TypeError, "%s() got an unexpected keyword argument "
                              "'%s'", a->name, STR_DATA(kn));
        }
    }
    int64_t outlen = (int64_t)outmax;
    if (dsize && vm_index(dsize, &outlen, "digest_size") < 0)
        return NULL;
    if (outlen < 1 || outlen > (int64_t)outmax)
        return vm_err_fmt(&vm_exc_ValueError, "digest_size must be between 1 and %zu bytes",
                          outmax);
    unsigned char kb[64], sb[16], pb[16];
    size_t kn, sn, pn;
    if (b2_bytes_arg(key, "key", keymax, kb, &kn) < 0
        || b2_bytes_arg(salt, "salt", saltmax, sb, &sn) < 0
        || b2_bytes_arg(person, "person", saltmax, pb, &pn) < 0)
        return NULL;
    HashObj *h = hash_new(a);
    HashState *s = &h->st;
    s->b2.outlen = (size_t)outlen;
    /* the parameter block: digest length, key length, fanout 1, depth 1,
     * then salt and personalization */
    uint64_t p0 = (uint64_t)outlen | (uint64_t)kn << 8 | (uint64_t)1 << 16 | (uint64_t)1 << 24;
    if (big) {
        for (int i = 0; i < 8; i++)
            s->b2.h[i] = b2b_iv[i];
        s->b2.h[0] ^= p0;
        s->b2.h[4] ^= le64(sb);
        s->b2.h[5] ^= le64(sb + 8);
        s->b2.h[6] ^= le64(pb);
        s->b2.h[7] ^= le64(pb + 8);
    } else {
        for (int i = 0; i < 8; i++)
            s->b2.h[i] = sha256_iv[i];
        s->b2.h[0] ^= p0;
        s->b2.h[4] ^= le32(sb);
        s->b2.h[5] ^= le32(sb + 4);
        s->b2.h[6] ^= le32(pb);
        s->b2.h[7] ^= le32(pb + 4);
    }
    if (kn) {
        unsigned char block[128] = {0};
        memcpy(block, kb, kn);
        a->feed(a, s, block, (size_t)a->block_size);
    }
    if (data && hash_feed_obj(h, data) < 0) {
        DECREF(h);
        return NULL;
    }
    return (Obj *)h;
}

static Obj *new_blake2b(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return b2_construct(&algos[H_BLAKE2B], args, nargs, kwnames);
}

static Obj *new_blake2s(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return b2_construct(&algos[H_BLAKE2S], args, nargs, kwnames);
}

/* ---- the modules ---- */

Obj *vm_mod__md5(void)
{
    Obj *m = vm_module_new("_md5");
    if (m)
        vm_module_add_func(m, "md5", new_md5);
    return m;
}

Obj *vm_mod__sha1(void)
{
    Obj *m = vm_module_new("_sha1");
    if (m)
        vm_module_add_func(m, "sha1", new_sha1);
    return m;
}

Obj *vm_mod__sha256(void)
{
    Obj *m = vm_module_new("_sha256");
    if (m) {
        vm_module_add_func(m, "sha224", new_sha224);
        vm_module_add_func(m, "sha256", new_sha256);
    }
    return m;
}

Obj *vm_mod__sha3(void)
{
    Obj *m = vm_module_new("_sha3");
    if (m) {
        vm_module_add_func(m, "sha3_224", new_sha3_224);
        vm_module_add_func(m, "sha3_256", new_sha3_256);
        vm_module_add_func(m, "sha3_384", new_sha3_384);
        vm_module_add_func(m, "sha3_512", new_sha3_512);
        vm_module_add_func(m, "shake_128", new_shake128);
        vm_module_add_func(m, "shake_256", new_shake256);
    }
    return m;
}

Obj *vm_mod__blake2(void)
{
    Obj *m = vm_module_new("_blake2");
    if (m) {
        vm_module_add_func(m, "blake2b", new_blake2b);
        vm_module_add_func(m, "blake2s", new_blake2s);
    }
    return m;
}
