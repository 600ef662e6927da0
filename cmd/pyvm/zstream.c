/* cmd/pyvm/zstream.c: the check values of the zlib and gzip formats.
 *
 * Stage: pyvm.  CRC-32 runs eight bytes a step over eight 256-entry tables
 * (table k gives the CRC of a byte followed by k zero bytes), built once;
 * Adler-32 sums in runs of at most 5552 bytes, the longest run whose sums
 * cannot overflow 32 bits before the reduction modulo 65521.
 */
#include "cmd/pyvm/zstream.h"

#include <stdbool.h>

static uint32_t crc_tab[8][256];    /* [0]: one byte; [k]: then k zero bytes */
static bool crc_ready;

static void crc_init(void)
{
    for (uint32_t b = 0; b < 256; b++) {
        uint32_t c = b;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
        crc_tab[0][b] = c;
    }
    for (uint32_t b = 0; b < 256; b++)
        for (int k = 1; k < 8; k++)
            crc_tab[k][b] = (crc_tab[k - 1][b] >> 8) ^ crc_tab[0][crc_tab[k - 1][b] & 0xff];
    crc_ready = true;
}

uint32_t zs_crc32(uint32_t crc, const unsigned char *p, size_t n)
{
    if (!crc_ready)
        crc_init();
    uint32_t c = ~crc;
    while (n >= 8) {
        c ^= (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
        c = crc_tab[7][c & 0xff] ^ crc_tab[6][(c >> 8) & 0xff] ^ crc_tab[5][(c >> 16) & 0xff]
            ^ crc_tab[4][c >> 24] ^ crc_tab[3][p[4]] ^ crc_tab[2][p[5]] ^ crc_tab[1][p[6]]
            ^ crc_tab[0][p[7]];
        p += 8;
        n -= 8;
    }
    while (n--)
        c = (c >> 8) ^ crc_tab[0][(c ^ *p++) & 0xff];
    return ~c;
}

#define ADLER_MOD 65521u
#define ADLER_RUN 5552

/* The sums over n bytes (no reduction: n is at most a run).  Sixteen
 * bytes x0..x15 add sum(x) to a and 16a + sum((16 - i) x_i) to b, which
 * the compiler can compute in parallel; the integers are exact, so the
 * order does not change the result. */
static void adler_run(uint32_t *pa, uint32_t *pb, const unsigned char *p, size_t n)
{
    uint32_t a = *pa, b = *pb;
    while (n >= 16) {
        uint32_t s1 = 0, s2 = 0;
        for (int i = 0; i < 16; i++) {
            s1 += p[i];
            s2 += (uint32_t)(16 - i) * p[i];
        }
        b += 16 * a + s2;
        a += s1;
        p += 16;
        n -= 16;
    }
    while (n--) {
        a += *p++;
        b += a;
    }
    *pa = a;
    *pb = b;
}

/* The reductions happen where zlib's adler32 makes them, so that a start
 * value whose halves are not reduced (adler32(data, 0xffffffff)) gives
 * zlib's result: one byte, or fewer than 16, reduce only partly. */
uint32_t zs_adler32(uint32_t adler, const unsigned char *p, size_t n)
{
    uint32_t a = adler & 0xffff, b = adler >> 16;
    if (n == 1) {
        a += p[0];
        if (a >= ADLER_MOD)
            a -= ADLER_MOD;
        b += a;
        if (b >= ADLER_MOD)
            b -= ADLER_MOD;
        return b << 16 | a;
    }
    if (n < 16) {
        while (n--) {
            a += *p++;
            b += a;
        }
        if (a >= ADLER_MOD)
            a -= ADLER_MOD;
        return (b % ADLER_MOD) << 16 | a;
    }
    while (n >= ADLER_RUN) {
        n -= ADLER_RUN;
        adler_run(&a, &b, p, ADLER_RUN);
        p += ADLER_RUN;
        a %= ADLER_MOD;
        b %= ADLER_MOD;
    }
    if (n) {
        adler_run(&a, &b, p, n);
        a %= ADLER_MOD;
        b %= ADLER_MOD;
    }
    return b << 16 | a;
}
