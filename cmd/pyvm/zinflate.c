/* cmd/pyvm/zinflate.c: the inflate engine (see zinflate.h).
 *
 * Stage: pyvm.  A state machine over the stream's parts (header, block
 * headers, code tables, symbols, trailer) that can stop at any byte when
 * input or output runs out and go on at the next call.  Bits are taken
 * least significant first from a 64-bit accumulator filled a byte at a
 * time, only when a part needs them; while plenty of input and output is
 * left a faster loop decodes symbols, refilling two bytes when fewer than
 * 15 bits remain and giving back whole unused bytes when it stops, the
 * pattern of zlib's inflate_fast, so that input is consumed exactly as
 * zlib consumes it.  Matches reach back into this call's output or, past
 * it, into a window of the last 1 << wbits bytes kept between calls.
 *
 * A Huffman code is decoded through a table indexed by the next ROOT bits
 * (symbol and length per entry); longer codes are decoded bit by bit from
 * the counts of codes per length (RFC 1951 3.2.2's canonical order).
 * Code-length sets are checked as zlib checks them: over-subscribed sets
 * are errors, incomplete ones too except a lone code of one bit.
 */
#include "cmd/pyvm/zinflate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The parts of a stream, in order (comparisons rely on it). */
typedef enum {
    M_HEAD, M_FLAGS, M_TIME, M_OS, M_EXLEN, M_EXTRA, M_NAME, M_COMMENT, M_HCRC,
    M_DICTID, M_DICT, M_TYPE, M_TYPEDO, M_STORED, M_COPY, M_TABLE, M_LENLENS,
    M_CODELENS, M_LEN, M_LENEXT, M_DIST, M_DISTEXT, M_MATCH, M_LIT, M_CHECK,
    M_LENGTH, M_DONE, M_BAD,
} Mode;

#define ROOT 10
#define ROOT_SIZE (1u << ROOT)
#define E_LONG 0            /* table entry: a code longer than ROOT starts here */
#define E_BAD 0xffffu       /* table entry: no code (incomplete set) */

typedef enum { H_CODES, H_LENS, H_DISTS } HuffKind;

/* A decoding table. */
typedef struct Huff {
    uint16_t fast[ROOT_SIZE];   /* by the next ROOT bits: symbol << 4 | length, or E_* */
    uint16_t count[16];         /* codes per length */
    uint16_t symbol[320];       /* symbols in canonical order */
} Huff;

struct ZInflate {
    ZStream strm;               /* the caller's buffers */
    Mode mode;
    int last;                   /* the current block is the last */
    int wrap;                   /* bit 0 zlib, bit 1 gzip, bit 2 verify the check */
    int havedict;               /* a dictionary was given */
    int flags;                  /* gzip header flags (and method); 0 zlib; -1 not known */
    uint32_t check;             /* running check value */
    uint64_t total;             /* output bytes, for gzip's length check */
    unsigned wbits;             /* log2 of the window size (0: from the header) */
    unsigned wsize, whave, wnext;   /* window size, bytes held, next write position */
    unsigned char *window;      /* the last wsize bytes of output */
    uint64_t hold;              /* bit accumulator */
    unsigned bits;              /* bits in hold */
    unsigned length;            /* stored bytes left; match length; literal; header field */
    unsigned offset;            /* match distance */
    unsigned extra;             /* extra bits to read */
    unsigned nlen, ndist, ncode, have;  /* dynamic header counts; lengths read */
    uint16_t lens[320];         /* code lengths being read */
    const Huff *lencode, *distcode;     /* the block's codes */
    Huff dyn_len, dyn_dist;     /* a dynamic block's codes (also the code-length code) */
};

static Huff fixed_len, fixed_dist;
static bool fixed_ready;

static const uint16_t len_base[29] = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
    35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
    257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t dist_extra[30] = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
static const uint8_t clen_order[19] = {
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

static unsigned reverse_bits(unsigned code, unsigned len)
{
    unsigned r = 0;
    while (len--) {
        r = (r << 1) | (code & 1);
        code >>= 1;
    }
    return r;
}

/* Build h from n code lengths; -1 for a set zlib rejects.  An empty set
 * is accepted: its codes are all invalid, except that an empty
 * code-length code (H_CODES) reads every length as 0 with one bit, as
 * zlib's table does. */
static int huff_build(Huff *h, const uint16_t *lens, unsigned n, HuffKind kind)
{
    memset(h->count, 0, sizeof h->count);
    for (unsigned i = 0; i < n; i++)
        h->count[lens[i]]++;
    unsigned max = 15;
    while (max >= 1 && h->count[max] == 0)
        max--;
    if (max == 0) {
        uint16_t e = kind == H_CODES ? (uint16_t)(0 << 4 | 1) : (uint16_t)E_BAD;
        for (unsigned i = 0; i < ROOT_SIZE; i++)
            h->fast[i] = e;
        h->count[0] = 0;
        return 0;
    }
    int left = 1;
    for (unsigned len = 1; len <= 15; len++) {
        left <<= 1;
        left -= h->count[len];
        if (left < 0)
            return -1;          /* over-subscribed */
    }
    if (left > 0 && (kind == H_CODES || max != 1))
        return -1;              /* incomplete */
    uint16_t offs[16];
    offs[1] = 0;
    for (unsigned len = 1; len < 15; len++)
        offs[len + 1] = (uint16_t)(offs[len] + h->count[len]);
    for (unsigned i = 0; i < n; i++)
        if (lens[i])
            h->symbol[offs[lens[i]]++] = (uint16_t)i;
    for (unsigned i = 0; i < ROOT_SIZE; i++)
        h->fast[i] = E_BAD;
    h->count[0] = 0;
    /* the codes in canonical order: consecutive values within a length */
    unsigned code = 0, k = 0;
    for (unsigned len = 1; len <= 15; len++) {
        for (unsigned c = 0; c < h->count[len]; c++, k++, code++) {
            unsigned rev = reverse_bits(code, len);
            if (len <= ROOT) {
                uint16_t e = (uint16_t)(h->symbol[k] << 4 | len);
                for (unsigned i = rev; i < ROOT_SIZE; i += 1u << len)
                    h->fast[i] = e;
            } else {
                h->fast[rev & (ROOT_SIZE - 1)] = E_LONG;
            }
        }
        code <<= 1;
    }
    return 0;
}

/* Decode a symbol from the low bits of hold (avail of them valid): 1 with
 * *sym and *len, 0 when more bits are needed, -1 for an invalid code. */
static inline int huff_decode(const Huff *h, uint64_t hold, unsigned avail, unsigned *sym,
                              unsigned *len)
{
    unsigned e = h->fast[hold & (ROOT_SIZE - 1)];
    if (e == E_BAD) {
        if (avail < 1)
            return 0;
        *len = 1;
        return -1;
    }
    if (e != E_LONG) {
        if ((e & 15) > avail)
            return 0;
        *sym = e >> 4;
        *len = e & 15;
        return 1;
    }
    int code = 0, first = 0, index = 0;
    for (unsigned l = 1; l <= 15; l++) {
        if (l > avail)
            return 0;
        code |= (int)((hold >> (l - 1)) & 1);
        int count = h->count[l];
        if (code - first < count) {
            *sym = h->symbol[index + code - first];
            *len = l;
            return 1;
        }
        index += count;
        first += count;
        first <<= 1;
        code <<= 1;
    }
    *len = 15;
    return -1;
}

static void fixed_init(void)
{
    uint16_t lens[320];
    unsigned n = 0;
    for (; n < 144; n++)
        lens[n] = 8;
    for (; n < 256; n++)
        lens[n] = 9;
    for (; n < 280; n++)
        lens[n] = 7;
    for (; n < 288; n++)
        lens[n] = 8;
    huff_build(&fixed_len, lens, 288, H_LENS);
    for (n = 0; n < 32; n++)
        lens[n] = 5;
    huff_build(&fixed_dist, lens, 32, H_DISTS);
    fixed_ready = true;
}

/* ---- the interface ---- */

ZInflate *zi_new(int wbits, int *err)
{
    int wrap;
    if (wbits < 0) {
        if (wbits < -15) {
            *err = ZS_STREAM_ERROR;
            return NULL;
        }
        wrap = 0;
        wbits = -wbits;
    } else {
        wrap = (wbits >> 4) + 5;
        if (wbits < 48)
            wbits &= 15;
    }
    if (wbits && (wbits < 8 || wbits > 15)) {
        *err = ZS_STREAM_ERROR;
        return NULL;
    }
    if (!fixed_ready)
        fixed_init();
    ZInflate *z = calloc(1, sizeof *z);
    if (!z) {
        *err = ZS_MEM_ERROR;
        return NULL;
    }
    z->wrap = wrap;
    z->wbits = (unsigned)wbits;
    z->mode = M_HEAD;
    z->flags = -1;
    z->strm.adler = wrap ? (uint32_t)(wrap & 1) : 0;
    *err = ZS_OK;
    return z;
}

ZStream *zi_stream(ZInflate *z)
{
    return &z->strm;
}

void zi_free(ZInflate *z)
{
    if (!z)
        return;
    free(z->window);
    free(z);
}

ZInflate *zi_copy(const ZInflate *src)
{
    ZInflate *z = malloc(sizeof *z);
    if (!z)
        return NULL;
    *z = *src;
    if (src->window) {
        /* allocated with 1 << wbits bytes, which wsize then records */
        z->window = malloc(src->wsize);
        if (!z->window) {
            free(z);
            return NULL;
        }
        memcpy(z->window, src->window, src->wsize);
    }
    if (src->lencode == &src->dyn_len)
        z->lencode = &z->dyn_len;
    if (src->distcode == &src->dyn_dist)
        z->distcode = &z->dyn_dist;
    return z;
}

/* Keep the last wsize bytes of output ending at end (copy of them new). */
static int update_window(ZInflate *z, const unsigned char *end, size_t copy)
{
    if (!z->window) {
        z->window = malloc((size_t)1 << z->wbits);
        if (!z->window)
            return -1;
    }
    if (z->wsize == 0) {
        z->wsize = 1u << z->wbits;
        z->wnext = 0;
        z->whave = 0;
    }
    if (copy >= z->wsize) {
        memcpy(z->window, end - z->wsize, z->wsize);
        z->wnext = 0;
        z->whave = z->wsize;
    } else {
        unsigned dist = z->wsize - z->wnext;
        if (dist > copy)
            dist = (unsigned)copy;
        memcpy(z->window + z->wnext, end - copy, dist);
        copy -= dist;
        if (copy) {
            memcpy(z->window, end - copy, copy);
            z->wnext = (unsigned)copy;
            z->whave = z->wsize;
        } else {
            z->wnext += dist;
            if (z->wnext == z->wsize)
                z->wnext = 0;
            if (z->whave < z->wsize)
                z->whave += dist;
        }
    }
    return 0;
}

int zi_set_dictionary(ZInflate *z, const unsigned char *dict, size_t len)
{
    if (z->wrap != 0 && z->mode != M_DICT)
        return ZS_STREAM_ERROR;
    if (z->mode == M_DICT && zs_adler32(1, dict, len) != z->check)
        return ZS_DATA_ERROR;
    if (update_window(z, dict + len, len) < 0) {
        z->mode = M_BAD;
        return ZS_MEM_ERROR;
    }
    z->havedict = 1;
    return ZS_OK;
}

static uint32_t swap32(uint32_t q)
{
    return (q >> 24) | ((q >> 8) & 0xff00) | ((q & 0xff00) << 8) | (q << 24);
}

/* The local copies of the stream's state the machine works on. */
#define LOAD() do { \
        put = z->strm.next_out; left = z->strm.avail_out; \
        next = z->strm.next_in; have = z->strm.avail_in; \
        hold = z->hold; bits = z->bits; } while (0)
#define RESTORE() do { \
        z->strm.next_out = put; z->strm.avail_out = left; \
        z->strm.next_in = next; z->strm.avail_in = have; \
        z->hold = hold; z->bits = bits; } while (0)
#define PULLBYTE() do { \
        if (have == 0) goto leave; \
        have--; hold += (uint64_t)*next++ << bits; bits += 8; } while (0)
#define NEEDBITS(n) do { while (bits < (unsigned)(n)) PULLBYTE(); } while (0)
#define BITS(n) ((unsigned)hold & ((1u << (n)) - 1))
#define DROPBITS(n) do { hold >>= (n); bits -= (unsigned)(n); } while (0)
#define INITBITS() do { hold = 0; bits = 0; } while (0)
#define BYTEBITS() do { hold >>= bits & 7; bits -= bits & 7; } while (0)
#define BAD(m) do { z->strm.msg = (m); z->mode = M_BAD; } while (0)
#define CRC2(w) do { unsigned char hb_[2] = {(unsigned char)(w), (unsigned char)((w) >> 8)}; \
        z->check = zs_crc32(z->check, hb_, 2); } while (0)
#define CRC4(w) do { unsigned char hb_[4] = {(unsigned char)(w), (unsigned char)((w) >> 8), \
        (unsigned char)((w) >> 16), (unsigned char)((w) >> 24)}; \
        z->check = zs_crc32(z->check, hb_, 4); } while (0)

/* Decode one symbol of table h, pulling bytes as needed (goto leave when
 * the input runs out); r: 1 decoded, -1 invalid (its bits dropped). */
#define DECODE(h, sym, r) do { \
        unsigned dl_; \
        for (;;) { \
            (r) = huff_decode((h), hold, bits, &(sym), &dl_); \
            if ((r) != 0) break; \
            PULLBYTE(); \
        } \
        DROPBITS(dl_); \
    } while (0)

/* Copy a match of z->length at distance z->offset from the window and
 * the output made since out_start; -1 for a distance too far back. */
static inline int copy_match(ZInflate *z, unsigned char **putp, size_t *leftp,
                             const unsigned char *out_start, unsigned len, unsigned dist)
{
    unsigned char *put = *putp;
    size_t made = (size_t)(put - out_start);
    while (len) {
        const unsigned char *from;
        size_t copy;
        if (dist > made) {
            size_t back = dist - made;          /* bytes back in the window */
            if (back > z->whave)
                return -1;
            if (back > z->wnext)
                from = z->window + (z->wsize - (back - z->wnext));
            else
                from = z->window + (z->wnext - back);
            copy = back > z->wnext ? back - z->wnext : back;
            if (copy > len)
                copy = len;
        } else {
            from = put - dist;
            copy = len;
        }
        if (copy > *leftp)
            copy = *leftp;
        if (copy == 0)
            break;
        *leftp -= copy;
        len -= (unsigned)copy;
        made += copy;
        for (size_t i = 0; i < copy; i++)
            put[i] = from[i];
        put += copy;
    }
    *putp = put;
    return 0;
}

static const char msg_far[] = "invalid distance too far back";
static const char msg_dist[] = "invalid distance code";
static const char msg_lit[] = "invalid literal/length code";

/* zlib's inflate_fast: symbols while more than 5 input bytes and 257
 * output bytes are left; ends with whole unused bytes given back. */
static void inflate_fast(ZInflate *z, const unsigned char *out_start)
{
    const unsigned char *in = z->strm.next_in;
    const unsigned char *last = in + (z->strm.avail_in - 5);
    unsigned char *out = z->strm.next_out;
    unsigned char *end = out + (z->strm.avail_out - 257);
    uint64_t hold = z->hold;
    unsigned bits = z->bits;
    const Huff *lc = z->lencode, *dc = z->distcode;
    unsigned sym = 0, len = 0, r;
    do {
        if (bits < 15) {
            hold += (uint64_t)*in++ << bits;
            bits += 8;
            hold += (uint64_t)*in++ << bits;
            bits += 8;
        }
        r = (unsigned)huff_decode(lc, hold, bits, &sym, &len);
        hold >>= len;
        bits -= len;
        if (r != 1 || sym > 285) {
            z->strm.msg = msg_lit;
            z->mode = M_BAD;
            break;
        }
        if (sym < 256) {
            *out++ = (unsigned char)sym;
            continue;
        }
        if (sym == 256) {
            z->mode = M_TYPE;
            break;
        }
        sym -= 257;
        unsigned mlen = len_base[sym];
        unsigned op = len_extra[sym];
        if (op) {
            if (bits < op) {
                hold += (uint64_t)*in++ << bits;
                bits += 8;
            }
            mlen += (unsigned)hold & ((1u << op) - 1);
            hold >>= op;
            bits -= op;
        }
        if (bits < 15) {
            hold += (uint64_t)*in++ << bits;
            bits += 8;
            hold += (uint64_t)*in++ << bits;
            bits += 8;
        }
        r = (unsigned)huff_decode(dc, hold, bits, &sym, &len);
        hold >>= len;
        bits -= len;
        if (r != 1 || sym > 29) {
            z->strm.msg = msg_dist;
            z->mode = M_BAD;
            break;
        }
        unsigned dist = dist_base[sym];
        op = dist_extra[sym];
        if (bits < op) {
            hold += (uint64_t)*in++ << bits;
            bits += 8;
            if (bits < op) {
                hold += (uint64_t)*in++ << bits;
                bits += 8;
            }
        }
        dist += (unsigned)hold & ((1u << op) - 1);
        hold >>= op;
        bits -= op;
        if (dist <= (size_t)(out - out_start)) {
            const unsigned char *from = out - dist;
            for (unsigned i = 0; i < mlen; i++)
                out[i] = from[i];
            out += mlen;
        } else {
            size_t room = (size_t)mlen;
            if (copy_match(z, &out, &room, out_start, mlen, dist) < 0) {
                z->strm.msg = msg_far;
                z->mode = M_BAD;
                break;
            }
        }
    } while (in < last && out < end);
    unsigned back = bits >> 3;
    in -= back;
    bits -= back << 3;
    hold &= ((uint64_t)1 << bits) - 1;
    z->strm.avail_in -= (size_t)(in - z->strm.next_in);
    z->strm.next_in = in;
    z->strm.avail_out -= (size_t)(out - z->strm.next_out);
    z->strm.next_out = out;
    z->hold = hold;
    z->bits = bits;
}

int zi_inflate(ZInflate *z, int flush)
{
    if (!z->strm.next_out || (!z->strm.next_in && z->strm.avail_in != 0))
        return ZS_STREAM_ERROR;
    if (z->mode == M_TYPE)
        z->mode = M_TYPEDO;
    unsigned char *put;
    size_t left;
    const unsigned char *next;
    size_t have;
    uint64_t hold;
    unsigned bits;
    LOAD();
    const unsigned char *out_start = put;
    size_t in0 = have, out0 = left;
    int ret = ZS_OK;
    unsigned sym = 0, len, copy;
    int r;

    for (;;) {
        switch (z->mode) {
        case M_HEAD:
            if (z->wrap == 0) {
                z->mode = M_TYPEDO;
                break;
            }
            NEEDBITS(16);
            if ((z->wrap & 2) && hold == 0x8b1f) {
                if (z->wbits == 0)
                    z->wbits = 15;
                z->check = zs_crc32(0, NULL, 0);
                CRC2(hold);
                INITBITS();
                z->mode = M_FLAGS;
                break;
            }
            if (!(z->wrap & 1) || ((BITS(8) << 8) + (unsigned)(hold >> 8)) % 31) {
                BAD("incorrect header check");
                break;
            }
            if (BITS(4) != 8) {
                BAD("unknown compression method");
                break;
            }
            DROPBITS(4);
            len = BITS(4) + 8;
            if (z->wbits == 0)
                z->wbits = len;
            if (len > 15 || len > z->wbits) {
                BAD("invalid window size");
                break;
            }
            z->flags = 0;
            z->strm.adler = z->check = 1;
            z->mode = hold & 0x200 ? M_DICTID : M_TYPE;
            INITBITS();
            break;
        case M_FLAGS:
            NEEDBITS(16);
            z->flags = (int)hold;
            if ((z->flags & 0xff) != 8) {
                BAD("unknown compression method");
                break;
            }
            if (z->flags & 0xe000) {
                BAD("unknown header flags set");
                break;
            }
            if ((z->flags & 0x0200) && (z->wrap & 4))
                CRC2(hold);
            INITBITS();
            z->mode = M_TIME;
            /* fall through */
        case M_TIME:
            NEEDBITS(32);
            if ((z->flags & 0x0200) && (z->wrap & 4))
                CRC4(hold);
            INITBITS();
            z->mode = M_OS;
            /* fall through */
        case M_OS:
            NEEDBITS(16);
            if ((z->flags & 0x0200) && (z->wrap & 4))
                CRC2(hold);
            INITBITS();
            z->mode = M_EXLEN;
            /* fall through */
        case M_EXLEN:
            if (z->flags & 0x0400) {
                NEEDBITS(16);
                z->length = (unsigned)hold;
                if ((z->flags & 0x0200) && (z->wrap & 4))
                    CRC2(hold);
                INITBITS();
            }
            z->mode = M_EXTRA;
            /* fall through */
        case M_EXTRA:
            if (z->flags & 0x0400) {
                copy = z->length;
                if (copy > have)
                    copy = (unsigned)have;
                if (copy) {
                    if ((z->flags & 0x0200) && (z->wrap & 4))
                        z->check = zs_crc32(z->check, next, copy);
                    have -= copy;
                    next += copy;
                    z->length -= copy;
                }
                if (z->length)
                    goto leave;
            }
            z->length = 0;
            z->mode = M_NAME;
            /* fall through */
        case M_NAME:
        case M_COMMENT:
            if (z->flags & (z->mode == M_NAME ? 0x0800 : 0x1000)) {
                if (have == 0)
                    goto leave;
                copy = 0;
                do {
                    len = next[copy++];
                } while (len && copy < have);
                if ((z->flags & 0x0200) && (z->wrap & 4))
                    z->check = zs_crc32(z->check, next, copy);
                have -= copy;
                next += copy;
                if (len)
                    goto leave;
            }
            z->length = 0;
            z->mode = z->mode == M_NAME ? M_COMMENT : M_HCRC;
            break;
        case M_HCRC:
            if (z->flags & 0x0200) {
                NEEDBITS(16);
                if ((z->wrap & 4) && hold != (z->check & 0xffff)) {
                    BAD("header crc mismatch");
                    break;
                }
                INITBITS();
            }
            z->strm.adler = z->check = 0;
            z->mode = M_TYPE;
            break;
        case M_DICTID:
            NEEDBITS(32);
            z->strm.adler = z->check = swap32((uint32_t)hold);
            INITBITS();
            z->mode = M_DICT;
            /* fall through */
        case M_DICT:
            if (z->havedict == 0) {
                RESTORE();
                return ZS_NEED_DICT;
            }
            z->strm.adler = z->check = 1;
            z->mode = M_TYPE;
            /* fall through */
        case M_TYPE:
            if (flush == ZS_BLOCK || flush == ZS_TREES)
                goto leave;
            /* fall through */
        case M_TYPEDO:
            if (z->last) {
                BYTEBITS();
                z->mode = M_CHECK;
                break;
            }
            NEEDBITS(3);
            z->last = BITS(1);
            DROPBITS(1);
            switch (BITS(2)) {
            case 0:
                z->mode = M_STORED;
                break;
            case 1:
                z->lencode = &fixed_len;
                z->distcode = &fixed_dist;
                z->mode = M_LEN;
                break;
            case 2:
                z->mode = M_TABLE;
                break;
            case 3:
                BAD("invalid block type");
                break;
            }
            DROPBITS(2);
            break;
        case M_STORED:
            BYTEBITS();
            NEEDBITS(32);
            if ((hold & 0xffff) != ((hold >> 16) ^ 0xffff)) {
                BAD("invalid stored block lengths");
                break;
            }
            z->length = (unsigned)hold & 0xffff;
            INITBITS();
            z->mode = M_COPY;
            /* fall through */
        case M_COPY:
            copy = z->length;
            if (copy) {
                if (copy > have)
                    copy = (unsigned)have;
                if (copy > left)
                    copy = (unsigned)left;
                if (copy == 0)
                    goto leave;
                memcpy(put, next, copy);
                have -= copy;
                next += copy;
                left -= copy;
                put += copy;
                z->length -= copy;
                break;
            }
            z->mode = M_TYPE;
            break;
        case M_TABLE:
            NEEDBITS(14);
            z->nlen = BITS(5) + 257;
            DROPBITS(5);
            z->ndist = BITS(5) + 1;
            DROPBITS(5);
            z->ncode = BITS(4) + 4;
            DROPBITS(4);
            if (z->nlen > 286 || z->ndist > 30) {
                BAD("too many length or distance symbols");
                break;
            }
            z->have = 0;
            z->mode = M_LENLENS;
            /* fall through */
        case M_LENLENS:
            while (z->have < z->ncode) {
                NEEDBITS(3);
                z->lens[clen_order[z->have++]] = (uint16_t)BITS(3);
                DROPBITS(3);
            }
            while (z->have < 19)
                z->lens[clen_order[z->have++]] = 0;
            if (huff_build(&z->dyn_len, z->lens, 19, H_CODES) < 0) {
                BAD("invalid code lengths set");
                break;
            }
            z->lencode = &z->dyn_len;
            z->have = 0;
            z->mode = M_CODELENS;
            /* fall through */
        case M_CODELENS:
            while (z->have < z->nlen + z->ndist) {
                unsigned dl;
                for (;;) {
                    r = huff_decode(z->lencode, hold, bits, &sym, &dl);
                    if (r != 0)
                        break;
                    PULLBYTE();
                }
                if (sym < 16) {
                    DROPBITS(dl);
                    z->lens[z->have++] = (uint16_t)sym;
                    continue;
                }
                unsigned rep;
                if (sym == 16) {
                    NEEDBITS(dl + 2);
                    DROPBITS(dl);
                    if (z->have == 0) {
                        BAD("invalid bit length repeat");
                        break;
                    }
                    len = z->lens[z->have - 1];
                    rep = 3 + BITS(2);
                    DROPBITS(2);
                } else if (sym == 17) {
                    NEEDBITS(dl + 3);
                    DROPBITS(dl);
                    len = 0;
                    rep = 3 + BITS(3);
                    DROPBITS(3);
                } else {
                    NEEDBITS(dl + 7);
                    DROPBITS(dl);
                    len = 0;
                    rep = 11 + BITS(7);
                    DROPBITS(7);
                }
                if (z->have + rep > z->nlen + z->ndist) {
                    BAD("invalid bit length repeat");
                    break;
                }
                while (rep--)
                    z->lens[z->have++] = (uint16_t)len;
            }
            if (z->mode == M_BAD)
                break;
            if (z->lens[256] == 0) {
                BAD("invalid code -- missing end-of-block");
                break;
            }
            if (huff_build(&z->dyn_len, z->lens, z->nlen, H_LENS) < 0) {
                BAD("invalid literal/lengths set");
                break;
            }
            if (huff_build(&z->dyn_dist, z->lens + z->nlen, z->ndist, H_DISTS) < 0) {
                BAD("invalid distances set");
                break;
            }
            z->lencode = &z->dyn_len;
            z->distcode = &z->dyn_dist;
            z->mode = M_LEN;
            /* fall through */
        case M_LEN:
            if (have >= 6 && left >= 258) {
                RESTORE();
                inflate_fast(z, out_start);
                LOAD();
                break;
            }
            DECODE(z->lencode, sym, r);
            if (r < 0 || sym > 285) {
                BAD(msg_lit);
                break;
            }
            if (sym < 256) {
                z->length = sym;
                z->mode = M_LIT;
                break;
            }
            if (sym == 256) {
                z->mode = M_TYPE;
                break;
            }
            z->length = len_base[sym - 257];
            z->extra = len_extra[sym - 257];
            z->mode = M_LENEXT;
            /* fall through */
        case M_LENEXT:
            if (z->extra) {
                NEEDBITS(z->extra);
                z->length += BITS(z->extra);
                DROPBITS(z->extra);
            }
            z->mode = M_DIST;
            /* fall through */
        case M_DIST:
            DECODE(z->distcode, sym, r);
            if (r < 0 || sym > 29) {
                BAD(msg_dist);
                break;
            }
            z->offset = dist_base[sym];
            z->extra = dist_extra[sym];
            z->mode = M_DISTEXT;
            /* fall through */
        case M_DISTEXT:
            if (z->extra) {
                NEEDBITS(z->extra);
                z->offset += BITS(z->extra);
                DROPBITS(z->extra);
            }
            z->mode = M_MATCH;
            /* fall through */
        case M_MATCH: {
            if (left == 0)
                goto leave;
            size_t room = left;
            unsigned char *p0 = put;
            /* one call copies what fits: from the window or this output */
            size_t made = (size_t)(put - out_start);
            unsigned n = z->length;
            if (z->offset > made) {
                size_t back = z->offset - made;
                if (back > z->whave) {
                    BAD(msg_far);
                    break;
                }
            }
            if (copy_match(z, &put, &room, out_start, n, z->offset) < 0) {
                BAD(msg_far);
                break;
            }
            left = room;
            z->length -= (unsigned)(put - p0);
            if (z->length == 0)
                z->mode = M_LEN;
            break;
        }
        case M_LIT:
            if (left == 0)
                goto leave;
            *put++ = (unsigned char)z->length;
            left--;
            z->mode = M_LEN;
            break;
        case M_CHECK:
            if (z->wrap) {
                NEEDBITS(32);
                size_t out = out0 - left;
                z->strm.total_out += out;
                z->total += out;
                if ((z->wrap & 4) && out)
                    z->strm.adler = z->check = z->flags
                        ? zs_crc32(z->check, put - out, out)
                        : zs_adler32(z->check, put - out, out);
                out0 = left;
                if ((z->wrap & 4)
                    && (z->flags ? (uint32_t)hold : swap32((uint32_t)hold)) != z->check) {
                    BAD("incorrect data check");
                    break;
                }
                INITBITS();
            }
            z->mode = M_LENGTH;
            /* fall through */
        case M_LENGTH:
            if (z->wrap && z->flags) {
                NEEDBITS(32);
                if ((z->wrap & 4) && hold != (z->total & 0xffffffffu)) {
                    BAD("incorrect length check");
                    break;
                }
                INITBITS();
            }
            z->mode = M_DONE;
            /* fall through */
        case M_DONE:
            ret = ZS_STREAM_END;
            goto leave;
        case M_BAD:
            ret = ZS_DATA_ERROR;
            goto leave;
        }
    }

leave:
    RESTORE();
    if (z->wsize || (out0 != z->strm.avail_out && z->mode < M_BAD
                     && (z->mode < M_CHECK || flush != ZS_FINISH))) {
        size_t made = out0 - z->strm.avail_out;
        if (update_window(z, z->strm.next_out, made) < 0) {
            z->mode = M_BAD;
            return ZS_MEM_ERROR;
        }
    }
    size_t in = in0 - z->strm.avail_in;
    size_t out = out0 - z->strm.avail_out;
    z->strm.total_in += in;
    z->strm.total_out += out;
    z->total += out;
    if ((z->wrap & 4) && out)
        z->strm.adler = z->check = z->flags
            ? zs_crc32(z->check, z->strm.next_out - out, out)
            : zs_adler32(z->check, z->strm.next_out - out, out);
    if (((in == 0 && out == 0) || flush == ZS_FINISH) && ret == ZS_OK)
        ret = ZS_BUF_ERROR;
    return ret;
}
