/* cmd/pyvm/zdeflate.c: the deflate engine (see zdeflate.h).
 *
 * Stage: pyvm.  Programs print compressed bytes, so this follows the
 * algorithm zlib 1.2.13 publishes, step for step, to write the same bytes:
 *
 *   - a window of 2 * wsize bytes; 3-byte strings hashed
 *     (h = ((h << shift) ^ c) & mask, hash_bits = mem_level + 7) into
 *     chains (head[] and prev[]); the upper half slides down when the
 *     lookahead runs short, and the chains are rebased;
 *   - per level a configuration (good, lazy, nice, chain) and a matcher:
 *     level 0 stored blocks, 1..3 greedy ("fast"), 4..9 lazy ("slow");
 *     the strategies HUFFMAN_ONLY (literals only) and RLE (distance 1);
 *   - symbols collect in a buffer of lit_bufsize - 1 entries
 *     (lit_bufsize = 1 << (mem_level + 6)); a full buffer ends a block;
 *   - each block is sent stored, with the fixed codes, or with dynamic
 *     codes, whichever its computed length says is shortest; the Huffman
 *     trees are built with a heap (ties broken by subtree depth), lengths
 *     limited to 15 (7 for the code-length code) by zlib's overflow fix;
 *   - bits go out through a 16-bit buffer into a pending buffer that is
 *     copied to the caller's output as room allows; stored blocks at
 *     level 0 depend on that room, as in zlib.
 * Written from the RFCs and the description of zlib's algorithm.
 */
#include "cmd/pyvm/zdeflate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/common.h"

#define MIN_MATCH 3
#define MAX_MATCH 258
#define MIN_LOOKAHEAD (MAX_MATCH + MIN_MATCH + 1)
#define WIN_INIT MAX_MATCH          /* bytes zeroed past the data, for the matcher */
#define TOO_FAR 4096                /* a length-3 match further than this is dropped */
#define MAX_STORED 65535

#define LITERALS 256
#define END_BLOCK 256
#define LENGTH_CODES 29
#define L_CODES (LITERALS + 1 + LENGTH_CODES)
#define D_CODES 30
#define BL_CODES 19
#define HEAP_SIZE (2 * L_CODES + 1)
#define MAX_BITS 15
#define MAX_BL_BITS 7
#define REP_3_6 16
#define REPZ_3_10 17
#define REPZ_11_138 18

enum { ST_INIT, ST_GZIP, ST_BUSY, ST_FINISH };
typedef enum { NEED_MORE, BLOCK_DONE, FINISH_STARTED, FINISH_DONE } BlockState;

/* One node of a Huffman tree: a symbol (index < elems) or an inner node. */
typedef struct TreeNode {
    uint16_t freq;      /* occurrences in the block (inner: sum of the children) */
    uint16_t code;      /* the bit-reversed code, after gen_codes */
    uint16_t dad;       /* parent node while building */
    uint16_t len;       /* code length (inner nodes: depth while building) */
} TreeNode;

/* What is fixed about one kind of tree. */
typedef struct StaticDesc {
    const TreeNode *stree;  /* the fixed-code tree, or NULL (code lengths) */
    const uint8_t *extra;   /* extra bits per symbol from extra_base on */
    int extra_base;
    int elems;              /* symbols */
    int max_length;         /* longest code allowed */
} StaticDesc;

typedef struct TreeDesc {
    TreeNode *dyn;              /* the block's tree */
    int max_code;               /* the largest symbol with a nonzero frequency */
    const StaticDesc *stat;
} TreeDesc;

struct ZDeflate {
    ZStream strm;               /* the caller's buffers */
    int status;                 /* ST_* */
    int wrap;                   /* 0 raw, 1 zlib, 2 gzip; negative once the trailer is out */
    int last_flush;             /* the flush of the previous call (-2: none yet) */
    int level, strategy;

    unsigned char *pending_buf; /* compressed bytes not yet copied out */
    size_t pending_cap;         /* its allocation */
    size_t pending_out;         /* offset of the first byte to copy out */
    size_t pending;             /* bytes waiting at pending_out */
    size_t pending_buf_size;    /* zlib's pending buffer size (4 * lit_bufsize) */

    unsigned w_bits, w_size, w_mask;
    unsigned char *window;      /* 2 * w_size bytes (+ MAX_MATCH of slack) */
    size_t window_size;         /* 2 * w_size */
    uint16_t *prev;             /* prev[pos & w_mask]: the previous string of the same hash */
    uint16_t *head;             /* head[hash]: the latest string of that hash (0: none) */
    unsigned ins_h;             /* hash of the string being inserted */
    unsigned hash_size, hash_bits, hash_mask, hash_shift;
    long block_start;           /* window offset of the current block (negative: slid out) */
    unsigned match_length;      /* length of the best match */
    unsigned prev_match;        /* its position (lazy matching) */
    int match_available;        /* a literal at strstart - 1 waits (lazy matching) */
    unsigned strstart;          /* the string being looked at */
    unsigned match_start;       /* where the match found starts */
    unsigned lookahead;         /* valid bytes from strstart on */
    unsigned prev_length;       /* the previous step's match length (lazy) */
    unsigned max_chain_length;  /* chain links to follow */
    unsigned max_lazy_match;    /* lazy: no search after a match this long; fast: insert limit */
    unsigned good_match;        /* a previous match this long quarters the chain */
    int nice_match;             /* stop searching at a match this long */
    unsigned insert;            /* bytes at the end of the window not yet hashed */
    size_t high_water;          /* bytes of the window initialised */

    TreeNode dyn_ltree[HEAP_SIZE];      /* literals and lengths */
    TreeNode dyn_dtree[2 * D_CODES + 1];/* distances */
    TreeNode bl_tree[2 * BL_CODES + 1]; /* code lengths */
    TreeDesc l_desc, d_desc, bl_desc;
    uint16_t bl_count[MAX_BITS + 1];    /* codes per length */
    int heap[2 * L_CODES + 1];          /* [1..heap_len]: the heap; the tail: sorted nodes */
    int heap_len, heap_max;
    uint8_t depth[2 * L_CODES + 1];     /* subtree depth, for ties */
    unsigned char *sym_buf;             /* 3 bytes a symbol: distance (LE16), length-3 or literal */
    unsigned sym_next;                  /* bytes used in sym_buf */
    unsigned sym_end;                   /* 3 * (lit_bufsize - 1): the block is full */
    unsigned lit_bufsize;
    uint64_t opt_len;                   /* bits of the block with dynamic trees */
    uint64_t static_len;                /* bits with the fixed trees */
    unsigned matches;                   /* matches in the block */
    unsigned bi_buf;                    /* bits waiting to be written (16 used) */
    int bi_valid;                       /* how many */
};

/* ---- the per-level configuration ---- */

typedef BlockState (*CompressFn)(ZDeflate *s, int flush);
static BlockState deflate_stored(ZDeflate *s, int flush);
static BlockState deflate_fast(ZDeflate *s, int flush);
static BlockState deflate_slow(ZDeflate *s, int flush);
static BlockState deflate_rle(ZDeflate *s, int flush);
static BlockState deflate_huff(ZDeflate *s, int flush);

static const struct {
    uint16_t good, lazy, nice, chain;
    CompressFn func;
} config[10] = {
    {0, 0, 0, 0, deflate_stored},
    {4, 4, 8, 4, deflate_fast},
    {4, 5, 16, 8, deflate_fast},
    {4, 6, 32, 32, deflate_fast},
    {4, 4, 16, 16, deflate_slow},
    {8, 16, 32, 32, deflate_slow},
    {8, 16, 128, 128, deflate_slow},
    {8, 32, 128, 256, deflate_slow},
    {32, 128, 258, 1024, deflate_slow},
    {32, 258, 258, 4096, deflate_slow},
};

/* ---- the fixed tables, computed once ---- */

static const uint8_t extra_lbits[LENGTH_CODES] = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint8_t extra_dbits[D_CODES] = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
static const uint8_t extra_blbits[BL_CODES] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7};
/* the order the code-length code's lengths are sent in */
static const uint8_t bl_order[BL_CODES] = {
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

static TreeNode static_ltree[L_CODES + 2];
static TreeNode static_dtree[D_CODES];
static uint8_t dist_code[512];      /* distance-1 < 256: [d]; else [256 + (d >> 7)] */
static uint8_t length_code[MAX_MATCH - MIN_MATCH + 1];
static int base_length[LENGTH_CODES];
static int base_dist[D_CODES];
static bool tables_ready;

static const StaticDesc static_l_desc = {static_ltree, extra_lbits, LITERALS + 1, L_CODES, MAX_BITS};
static const StaticDesc static_d_desc = {static_dtree, extra_dbits, 0, D_CODES, MAX_BITS};
static const StaticDesc static_bl_desc = {NULL, extra_blbits, 0, BL_CODES, MAX_BL_BITS};

static unsigned bit_reverse(unsigned code, int len)
{
    unsigned r = 0;
    do {
        r |= code & 1;
        code >>= 1;
        r <<= 1;
    } while (--len > 0);
    return r >> 1;
}

/* Canonical codes for tree[0..max_code] from their lengths and the count
 * of codes per length (RFC 1951 3.2.2), stored bit-reversed. */
static void gen_codes(TreeNode *tree, int max_code, const uint16_t *bl_count)
{
    uint16_t next_code[MAX_BITS + 1];
    unsigned code = 0;
    for (int bits = 1; bits <= MAX_BITS; bits++) {
        code = (code + bl_count[bits - 1]) << 1;
        next_code[bits] = (uint16_t)code;
    }
    for (int n = 0; n <= max_code; n++) {
        int len = tree[n].len;
        if (len)
            tree[n].code = (uint16_t)bit_reverse(next_code[len]++, len);
    }
}

static void tables_init(void)
{
    int length = 0;
    int code;
    for (code = 0; code < LENGTH_CODES - 1; code++) {
        base_length[code] = length;
        for (int n = 0; n < (1 << extra_lbits[code]); n++)
            length_code[length++] = (uint8_t)code;
    }
    /* length 258 (index 255) has a code of its own, 285, not 284 + 31 */
    length_code[length - 1] = (uint8_t)code;
    int dist = 0;
    for (code = 0; code < 16; code++) {
        base_dist[code] = dist;
        for (int n = 0; n < (1 << extra_dbits[code]); n++)
            dist_code[dist++] = (uint8_t)code;
    }
    dist >>= 7;
    for (; code < D_CODES; code++) {
        base_dist[code] = dist << 7;
        for (int n = 0; n < (1 << (extra_dbits[code] - 7)); n++)
            dist_code[256 + dist++] = (uint8_t)code;
    }
    uint16_t bl_count[MAX_BITS + 1] = {0};
    for (int n = 0; n < L_CODES + 2; n++) {
        int len = n < 144 ? 8 : n < 256 ? 9 : n < 280 ? 7 : 8;
        static_ltree[n].len = (uint16_t)len;
        bl_count[len]++;
    }
    gen_codes(static_ltree, L_CODES + 1, bl_count);
    for (int n = 0; n < D_CODES; n++) {
        static_dtree[n].len = 5;
        static_dtree[n].code = (uint16_t)bit_reverse((unsigned)n, 5);
    }
    tables_ready = true;
}

static inline unsigned d_code(unsigned dist)
{
    return dist < 256 ? dist_code[dist] : dist_code[256 + (dist >> 7)];
}

/* ---- the pending buffer and the bit writer ---- */

/* Room for n more pending bytes (zlib's fixed buffer is shared with the
 * symbols; here it grows instead). */
static void pend_reserve(ZDeflate *s, size_t n)
{
    if (s->pending_out + s->pending + n <= s->pending_cap)
        return;
    if (s->pending_out) {
        memmove(s->pending_buf, s->pending_buf + s->pending_out, s->pending);
        s->pending_out = 0;
        if (s->pending + n <= s->pending_cap)
            return;
    }
    size_t cap = s->pending_cap * 2;
    while (cap < s->pending + n)
        cap *= 2;
    s->pending_buf = ls_xrealloc(s->pending_buf, cap);
    s->pending_cap = cap;
}

static inline void put_byte(ZDeflate *s, unsigned c)
{
    s->pending_buf[s->pending_out + s->pending++] = (unsigned char)c;
}

static inline void put_short(ZDeflate *s, unsigned w)
{
    put_byte(s, w & 0xff);
    put_byte(s, (w >> 8) & 0xff);
}

static void put_short_msb(ZDeflate *s, unsigned b)
{
    put_byte(s, (b >> 8) & 0xff);
    put_byte(s, b & 0xff);
}

/* length bits of value, least significant first, through the 16-bit buffer */
static inline void send_bits(ZDeflate *s, unsigned value, int length)
{
    if (s->bi_valid > 16 - length) {
        s->bi_buf = (s->bi_buf | (value << s->bi_valid)) & 0xffff;
        put_short(s, s->bi_buf);
        s->bi_buf = (value & 0xffff) >> (16 - s->bi_valid);
        s->bi_valid += length - 16;
    } else {
        s->bi_buf = (s->bi_buf | (value << s->bi_valid)) & 0xffff;
        s->bi_valid += length;
    }
}

#define send_code(s, c, tree) send_bits((s), (tree)[c].code, (tree)[c].len)

static void bi_flush(ZDeflate *s)
{
    pend_reserve(s, 2);
    if (s->bi_valid == 16) {
        put_short(s, s->bi_buf);
        s->bi_buf = 0;
        s->bi_valid = 0;
    } else if (s->bi_valid >= 8) {
        put_byte(s, s->bi_buf & 0xff);
        s->bi_buf >>= 8;
        s->bi_valid -= 8;
    }
}

/* Write out the partial byte: the stream is byte-aligned after. */
static void bi_windup(ZDeflate *s)
{
    pend_reserve(s, 2);
    if (s->bi_valid > 8)
        put_short(s, s->bi_buf);
    else if (s->bi_valid > 0)
        put_byte(s, s->bi_buf & 0xff);
    s->bi_buf = 0;
    s->bi_valid = 0;
}

/* Copy what is pending to the caller's output, as far as it has room. */
static void flush_pending(ZDeflate *s)
{
    bi_flush(s);
    ZStream *z = &s->strm;
    size_t len = s->pending < z->avail_out ? s->pending : z->avail_out;
    if (len == 0)
        return;
    memcpy(z->next_out, s->pending_buf + s->pending_out, len);
    z->next_out += len;
    z->avail_out -= len;
    z->total_out += len;
    s->pending_out += len;
    s->pending -= len;
    if (s->pending == 0)
        s->pending_out = 0;
}

/* ---- trees ---- */

static void init_block(ZDeflate *s)
{
    for (int n = 0; n < L_CODES; n++)
        s->dyn_ltree[n].freq = 0;
    for (int n = 0; n < D_CODES; n++)
        s->dyn_dtree[n].freq = 0;
    for (int n = 0; n < BL_CODES; n++)
        s->bl_tree[n].freq = 0;
    s->dyn_ltree[END_BLOCK].freq = 1;
    s->opt_len = s->static_len = 0;
    s->sym_next = s->matches = 0;
}

static void tr_init(ZDeflate *s)
{
    s->l_desc.dyn = s->dyn_ltree;
    s->l_desc.stat = &static_l_desc;
    s->d_desc.dyn = s->dyn_dtree;
    s->d_desc.stat = &static_d_desc;
    s->bl_desc.dyn = s->bl_tree;
    s->bl_desc.stat = &static_bl_desc;
    s->bi_buf = 0;
    s->bi_valid = 0;
    init_block(s);
}

/* n before m in the heap: less frequent, or as frequent and not deeper */
static inline bool smaller(const TreeNode *tree, int n, int m, const uint8_t *depth)
{
    return tree[n].freq < tree[m].freq
        || (tree[n].freq == tree[m].freq && depth[n] <= depth[m]);
}

/* Sift heap[k] down to its place. */
static void pq_down(ZDeflate *s, const TreeNode *tree, int k)
{
    int v = s->heap[k];
    int j = k << 1;
    while (j <= s->heap_len) {
        if (j < s->heap_len && smaller(tree, s->heap[j + 1], s->heap[j], s->depth))
            j++;
        if (smaller(tree, v, s->heap[j], s->depth))
            break;
        s->heap[k] = s->heap[j];
        k = j;
        j <<= 1;
    }
    s->heap[k] = v;
}

/* The code lengths of a built tree: each node's depth, capped at
 * max_length; then zlib's fix for the codes that were too long (move
 * leaves down from the deepest allowed level that has some), and the
 * lengths handed out again in frequency order.  Adds to opt_len and
 * static_len. */
static void gen_bitlen(ZDeflate *s, TreeDesc *desc)
{
    TreeNode *tree = desc->dyn;
    int max_code = desc->max_code;
    const TreeNode *stree = desc->stat->stree;
    const uint8_t *extra = desc->stat->extra;
    int base = desc->stat->extra_base;
    int max_length = desc->stat->max_length;
    int h;
    int overflow = 0;

    for (int bits = 0; bits <= MAX_BITS; bits++)
        s->bl_count[bits] = 0;
    tree[s->heap[s->heap_max]].len = 0;     /* the root */
    for (h = s->heap_max + 1; h < HEAP_SIZE; h++) {
        int n = s->heap[h];
        int bits = tree[tree[n].dad].len + 1;
        if (bits > max_length) {
            bits = max_length;
            overflow++;
        }
        tree[n].len = (uint16_t)bits;
        if (n > max_code)
            continue;           /* an inner node */
        s->bl_count[bits]++;
        int xbits = n >= base ? extra[n - base] : 0;
        unsigned f = tree[n].freq;
        s->opt_len += (uint64_t)f * (unsigned)(bits + xbits);
        if (stree)
            s->static_len += (uint64_t)f * (unsigned)(stree[n].len + xbits);
    }
    if (overflow == 0)
        return;
    do {
        int bits = max_length - 1;
        while (s->bl_count[bits] == 0)
            bits--;
        s->bl_count[bits]--;
        s->bl_count[bits + 1] += 2;
        s->bl_count[max_length]--;
        overflow -= 2;
    } while (overflow > 0);
    for (int bits = max_length; bits != 0; bits--) {
        int n = s->bl_count[bits];
        while (n != 0) {
            int m = s->heap[--h];
            if (m > max_code)
                continue;
            if (tree[m].len != (unsigned)bits) {
                s->opt_len += ((uint64_t)bits - tree[m].len) * tree[m].freq;
                tree[m].len = (uint16_t)bits;
            }
            n--;
        }
    }
}

/* Build the Huffman tree of desc from its frequencies, set its lengths and
 * codes, and desc->max_code. */
static void build_tree(ZDeflate *s, TreeDesc *desc)
{
    TreeNode *tree = desc->dyn;
    const TreeNode *stree = desc->stat->stree;
    int elems = desc->stat->elems;
    int max_code = -1;
    int n, m, node;

    s->heap_len = 0;
    s->heap_max = HEAP_SIZE;
    for (n = 0; n < elems; n++) {
        if (tree[n].freq != 0) {
            s->heap[++s->heap_len] = max_code = n;
            s->depth[n] = 0;
        } else {
            tree[n].len = 0;
        }
    }
    /* at least two codes, so every code has at least one bit */
    while (s->heap_len < 2) {
        node = s->heap[++s->heap_len] = max_code < 2 ? ++max_code : 0;
        tree[node].freq = 1;
        s->depth[node] = 0;
        s->opt_len--;
        if (stree)
            s->static_len -= stree[node].len;
    }
    desc->max_code = max_code;
    for (n = s->heap_len / 2; n >= 1; n--)
        pq_down(s, tree, n);
    node = elems;
    do {
        n = s->heap[1];
        s->heap[1] = s->heap[s->heap_len--];
        pq_down(s, tree, 1);
        m = s->heap[1];
        s->heap[--s->heap_max] = n;
        s->heap[--s->heap_max] = m;
        tree[node].freq = (uint16_t)(tree[n].freq + tree[m].freq);
        s->depth[node] = (uint8_t)((s->depth[n] >= s->depth[m] ? s->depth[n] : s->depth[m]) + 1);
        tree[n].dad = tree[m].dad = (uint16_t)node;
        s->heap[1] = node++;
        pq_down(s, tree, 1);
    } while (s->heap_len >= 2);
    s->heap[--s->heap_max] = s->heap[1];
    gen_bitlen(s, desc);
    gen_codes(tree, max_code, s->bl_count);
}

/* Count the code-length symbols that will send tree's lengths (runs as
 * codes 16, 17, 18) into bl_tree's frequencies. */
static void scan_tree(ZDeflate *s, TreeNode *tree, int max_code)
{
    int prevlen = -1;
    int nextlen = tree[0].len;
    int count = 0;
    int max_count = 7, min_count = 4;
    if (nextlen == 0) {
        max_count = 138;
        min_count = 3;
    }
    tree[max_code + 1].len = 0xffff;        /* guard */
    for (int n = 0; n <= max_code; n++) {
        int curlen = nextlen;
        nextlen = tree[n + 1].len;
        if (++count < max_count && curlen == nextlen)
            continue;
        if (count < min_count) {
            s->bl_tree[curlen].freq = (uint16_t)(s->bl_tree[curlen].freq + count);
        } else if (curlen != 0) {
            if (curlen != prevlen)
                s->bl_tree[curlen].freq++;
            s->bl_tree[REP_3_6].freq++;
        } else if (count <= 10) {
            s->bl_tree[REPZ_3_10].freq++;
        } else {
            s->bl_tree[REPZ_11_138].freq++;
        }
        count = 0;
        prevlen = curlen;
        if (nextlen == 0) {
            max_count = 138;
            min_count = 3;
        } else if (curlen == nextlen) {
            max_count = 6;
            min_count = 3;
        } else {
            max_count = 7;
            min_count = 4;
        }
    }
}

/* Send tree's lengths with the code-length code (the same runs as scan_tree). */
static void send_tree(ZDeflate *s, const TreeNode *tree, int max_code)
{
    int prevlen = -1;
    int nextlen = tree[0].len;
    int count = 0;
    int max_count = 7, min_count = 4;
    if (nextlen == 0) {
        max_count = 138;
        min_count = 3;
    }
    for (int n = 0; n <= max_code; n++) {
        int curlen = nextlen;
        nextlen = tree[n + 1].len;
        if (++count < max_count && curlen == nextlen)
            continue;
        if (count < min_count) {
            do {
                send_code(s, curlen, s->bl_tree);
            } while (--count != 0);
        } else if (curlen != 0) {
            if (curlen != prevlen) {
                send_code(s, curlen, s->bl_tree);
                count--;
            }
            send_code(s, REP_3_6, s->bl_tree);
            send_bits(s, (unsigned)count - 3, 2);
        } else if (count <= 10) {
            send_code(s, REPZ_3_10, s->bl_tree);
            send_bits(s, (unsigned)count - 3, 3);
        } else {
            send_code(s, REPZ_11_138, s->bl_tree);
            send_bits(s, (unsigned)count - 11, 7);
        }
        count = 0;
        prevlen = curlen;
        if (nextlen == 0) {
            max_count = 138;
            min_count = 3;
        } else if (curlen == nextlen) {
            max_count = 6;
            min_count = 3;
        } else {
            max_count = 7;
            min_count = 4;
        }
    }
}

/* The code-length tree; the index in bl_order of the last length sent. */
static int build_bl_tree(ZDeflate *s)
{
    scan_tree(s, s->dyn_ltree, s->l_desc.max_code);
    scan_tree(s, s->dyn_dtree, s->d_desc.max_code);
    build_tree(s, &s->bl_desc);
    int max_blindex;
    for (max_blindex = BL_CODES - 1; max_blindex >= 3; max_blindex--)
        if (s->bl_tree[bl_order[max_blindex]].len != 0)
            break;
    s->opt_len += 3 * ((uint64_t)max_blindex + 1) + 5 + 5 + 4;
    return max_blindex;
}

static void send_all_trees(ZDeflate *s, int lcodes, int dcodes, int blcodes)
{
    send_bits(s, (unsigned)lcodes - 257, 5);
    send_bits(s, (unsigned)dcodes - 1, 5);
    send_bits(s, (unsigned)blcodes - 4, 4);
    for (int rank = 0; rank < blcodes; rank++)
        send_bits(s, s->bl_tree[bl_order[rank]].len, 3);
    send_tree(s, s->dyn_ltree, lcodes - 1);
    send_tree(s, s->dyn_dtree, dcodes - 1);
}

/* The block's symbols with the trees given, then end-of-block. */
static void compress_block(ZDeflate *s, const TreeNode *ltree, const TreeNode *dtree)
{
    unsigned sx = 0;
    while (sx < s->sym_next) {
        unsigned dist = s->sym_buf[sx] | (unsigned)s->sym_buf[sx + 1] << 8;
        unsigned lc = s->sym_buf[sx + 2];
        sx += 3;
        if (dist == 0) {
            send_code(s, lc, ltree);
        } else {
            unsigned code = length_code[lc];
            send_code(s, code + LITERALS + 1, ltree);
            int extra = extra_lbits[code];
            if (extra)
                send_bits(s, lc - (unsigned)base_length[code], extra);
            dist--;
            code = d_code(dist);
            send_code(s, code, dtree);
            extra = extra_dbits[code];
            if (extra)
                send_bits(s, dist - (unsigned)base_dist[code], extra);
        }
    }
    send_code(s, END_BLOCK, ltree);
}

/* A stored block of len bytes from buf (NULL: only the header, for an
 * empty block or one whose length is patched in later). */
static void tr_stored_block(ZDeflate *s, const unsigned char *buf, size_t len, int last)
{
    pend_reserve(s, len + 8);
    send_bits(s, (unsigned)last, 3);            /* type 0 */
    bi_windup(s);
    put_short(s, (unsigned)len & 0xffff);
    put_short(s, ~(unsigned)len & 0xffff);
    if (len)
        memcpy(s->pending_buf + s->pending_out + s->pending, buf, len);
    s->pending += len;
}

/* An empty fixed-code block (Z_PARTIAL_FLUSH). */
static void tr_align(ZDeflate *s)
{
    pend_reserve(s, 8);
    send_bits(s, 1 << 1, 3);
    send_code(s, END_BLOCK, static_ltree);
    bi_flush(s);
}

/* End the current block: stored, fixed or dynamic, the shortest. */
static void tr_flush_block(ZDeflate *s, const unsigned char *buf, size_t stored_len, int last)
{
    uint64_t opt_lenb, static_lenb;
    int max_blindex = 0;
    if (s->level > 0) {
        build_tree(s, &s->l_desc);
        build_tree(s, &s->d_desc);
        max_blindex = build_bl_tree(s);
        opt_lenb = (s->opt_len + 3 + 7) >> 3;
        static_lenb = (s->static_len + 3 + 7) >> 3;
        if (static_lenb <= opt_lenb || s->strategy == ZS_FIXED)
            opt_lenb = static_lenb;
    } else {
        opt_lenb = static_lenb = stored_len + 5;
    }
    if (stored_len + 4 <= opt_lenb && buf) {
        tr_stored_block(s, buf, stored_len, last);
    } else {
        /* a symbol takes at most 48 bits, the trees under 400 bytes */
        pend_reserve(s, (size_t)s->sym_next / 3 * 6 + 512);
        if (static_lenb == opt_lenb) {
            send_bits(s, (1u << 1) + (unsigned)last, 3);
            compress_block(s, static_ltree, static_dtree);
        } else {
            send_bits(s, (2u << 1) + (unsigned)last, 3);
            send_all_trees(s, s->l_desc.max_code + 1, s->d_desc.max_code + 1, max_blindex + 1);
            compress_block(s, s->dyn_ltree, s->dyn_dtree);
        }
    }
    init_block(s);
    if (last)
        bi_windup(s);
}

/* Record a literal; true when the block is full. */
static inline bool tally_lit(ZDeflate *s, unsigned c)
{
    s->sym_buf[s->sym_next++] = 0;
    s->sym_buf[s->sym_next++] = 0;
    s->sym_buf[s->sym_next++] = (unsigned char)c;
    s->dyn_ltree[c].freq++;
    return s->sym_next == s->sym_end;
}

/* Record a match of distance dist and length len + MIN_MATCH. */
static inline bool tally_dist(ZDeflate *s, unsigned dist, unsigned len)
{
    s->sym_buf[s->sym_next++] = (unsigned char)dist;
    s->sym_buf[s->sym_next++] = (unsigned char)(dist >> 8);
    s->sym_buf[s->sym_next++] = (unsigned char)len;
    s->matches++;
    dist--;
    s->dyn_ltree[length_code[len] + LITERALS + 1].freq++;
    s->dyn_dtree[d_code(dist)].freq++;
    return s->sym_next == s->sym_end;
}

/* ---- the window and the hash chains ---- */

#define MAX_DIST(s) ((s)->w_size - MIN_LOOKAHEAD)

static inline void update_hash(ZDeflate *s, unsigned c)
{
    s->ins_h = ((s->ins_h << s->hash_shift) ^ c) & s->hash_mask;
}

/* Hash the string at str into the chains; the previous head of its chain. */
static inline unsigned insert_string(ZDeflate *s, unsigned str)
{
    update_hash(s, s->window[str + (MIN_MATCH - 1)]);
    unsigned head = s->head[s->ins_h];
    s->prev[str & s->w_mask] = (uint16_t)head;
    s->head[s->ins_h] = (uint16_t)str;
    return head;
}

static void clear_hash(ZDeflate *s)
{
    memset(s->head, 0, (size_t)s->hash_size * sizeof *s->head);
}

/* The window slid down by w_size: rebase the chains (lost entries become 0). */
static void slide_hash(ZDeflate *s)
{
    unsigned wsize = s->w_size;
    for (unsigned n = 0; n < s->hash_size; n++)
        s->head[n] = (uint16_t)(s->head[n] >= wsize ? s->head[n] - wsize : 0);
    for (unsigned n = 0; n < wsize; n++)
        s->prev[n] = (uint16_t)(s->prev[n] >= wsize ? s->prev[n] - wsize : 0);
}

/* Take up to size input bytes into buf, updating the check value. */
static unsigned read_buf(ZDeflate *s, unsigned char *buf, unsigned size)
{
    ZStream *z = &s->strm;
    unsigned len = z->avail_in < size ? (unsigned)z->avail_in : size;
    if (len == 0)
        return 0;
    z->avail_in -= len;
    memcpy(buf, z->next_in, len);
    if (s->wrap == 1)
        z->adler = zs_adler32(z->adler, buf, len);
    else if (s->wrap == 2)
        z->adler = zs_crc32(z->adler, buf, len);
    z->next_in += len;
    z->total_in += len;
    return len;
}

/* Read input into the window until the lookahead is MIN_LOOKAHEAD or the
 * input ends, sliding the window down when strstart nears its end. */
static void fill_window(ZDeflate *s)
{
    unsigned wsize = s->w_size;
    do {
        unsigned more = (unsigned)(s->window_size - s->lookahead - s->strstart);
        if (s->strstart >= wsize + MAX_DIST(s)) {
            memcpy(s->window, s->window + wsize, wsize - more);
            s->match_start -= wsize;
            s->strstart -= wsize;
            s->block_start -= (long)wsize;
            if (s->insert > s->strstart)
                s->insert = s->strstart;
            slide_hash(s);
            more += wsize;
        }
        if (s->strm.avail_in == 0)
            break;
        unsigned n = read_buf(s, s->window + s->strstart + s->lookahead, more);
        s->lookahead += n;
        /* hash the bytes left unhashed at the end of the previous input */
        if (s->lookahead + s->insert >= MIN_MATCH) {
            unsigned str = s->strstart - s->insert;
            s->ins_h = s->window[str];
            update_hash(s, s->window[str + 1]);
            while (s->insert) {
                update_hash(s, s->window[str + MIN_MATCH - 1]);
                s->prev[str & s->w_mask] = s->head[s->ins_h];
                s->head[s->ins_h] = (uint16_t)str;
                str++;
                s->insert--;
                if (s->lookahead + s->insert < MIN_MATCH)
                    break;
            }
        }
    } while (s->lookahead < MIN_LOOKAHEAD && s->strm.avail_in != 0);

    /* zero WIN_INIT bytes past the data once, as zlib does: the matcher
     * reads there, and what it reads decides ties */
    if (s->high_water < s->window_size) {
        size_t curr = (size_t)s->strstart + s->lookahead;
        size_t init;
        if (s->high_water < curr) {
            init = s->window_size - curr;
            if (init > WIN_INIT)
                init = WIN_INIT;
            memset(s->window + curr, 0, init);
            s->high_water = curr + init;
        } else if (s->high_water < curr + WIN_INIT) {
            init = curr + WIN_INIT - s->high_water;
            if (init > s->window_size - s->high_water)
                init = s->window_size - s->high_water;
            memset(s->window + s->high_water, 0, init);
            s->high_water += init;
        }
    }
}

/* The longest match for strstart along the chain from cur_match, longer
 * than prev_length; sets match_start.  Bytes 0, 1 and from 3 on are
 * compared (byte 2 agrees when the hashes do). */
static unsigned longest_match(ZDeflate *s, unsigned cur_match)
{
    unsigned chain_length = s->max_chain_length;
    unsigned char *win = s->window;
    unsigned char *scan = win + s->strstart;
    int best_len = (int)s->prev_length;
    int nice_match = s->nice_match;
    unsigned limit = s->strstart > MAX_DIST(s) ? s->strstart - MAX_DIST(s) : 0;
    const uint16_t *prev = s->prev;
    unsigned wmask = s->w_mask;
    unsigned char *strend = scan + MAX_MATCH;
    unsigned char scan_end1 = scan[best_len - 1];
    unsigned char scan_end = scan[best_len];

    if (s->prev_length >= s->good_match)
        chain_length >>= 2;
    if ((unsigned)nice_match > s->lookahead)
        nice_match = (int)s->lookahead;
    do {
        unsigned char *match = win + cur_match;
        if (match[best_len] != scan_end || match[best_len - 1] != scan_end1
            || match[0] != scan[0] || match[1] != scan[1])
            continue;
        unsigned char *p = scan + 2, *q = match + 2;
        /* eight at a time, as zlib's loop: it stops exactly at strend */
        do {
            if (*++p != *++q) break;
            if (*++p != *++q) break;
            if (*++p != *++q) break;
            if (*++p != *++q) break;
            if (*++p != *++q) break;
            if (*++p != *++q) break;
            if (*++p != *++q) break;
            if (*++p != *++q) break;
        } while (p < strend);
        int len = MAX_MATCH - (int)(strend - p);
        if (len > best_len) {
            s->match_start = cur_match;
            best_len = len;
            if (len >= nice_match)
                break;
            scan_end1 = scan[best_len - 1];
            scan_end = scan[best_len];
        }
    } while ((cur_match = prev[cur_match & wmask]) > limit && --chain_length != 0);
    if ((unsigned)best_len <= s->lookahead)
        return (unsigned)best_len;
    return s->lookahead;
}

/* ---- the block makers ---- */

static void flush_block_only(ZDeflate *s, int last)
{
    tr_flush_block(s, s->block_start >= 0 ? s->window + s->block_start : NULL,
                   (size_t)((long)s->strstart - s->block_start), last);
    s->block_start = s->strstart;
    flush_pending(s);
}

#define FLUSH_BLOCK(s, last) do { \
        flush_block_only((s), (last)); \
        if ((s)->strm.avail_out == 0) \
            return (last) ? FINISH_STARTED : NEED_MORE; \
    } while (0)

#define MIN(a, b) ((a) < (b) ? (a) : (b))

/* Level 0: stored blocks, copied straight to the output when it has room
 * for a worthwhile block, else through the window and pending buffer. */
static BlockState deflate_stored(ZDeflate *s, int flush)
{
    ZStream *z = &s->strm;
    size_t min_block = MIN(s->pending_buf_size - 5, s->w_size);
    size_t len, left, have;
    int last = 0;
    size_t used = z->avail_in;
    do {
        len = MAX_STORED;
        have = (size_t)(s->bi_valid + 42) >> 3;    /* header bytes */
        if (z->avail_out < have)
            break;
        have = z->avail_out - have;
        left = (size_t)((long)s->strstart - s->block_start);
        if (len > left + z->avail_in)
            len = left + z->avail_in;
        if (len > have)
            len = have;
        if (len < min_block && ((len == 0 && flush != ZS_FINISH) || flush == ZS_NO_FLUSH
                                || len != left + z->avail_in))
            break;
        last = flush == ZS_FINISH && len == left + z->avail_in ? 1 : 0;
        tr_stored_block(s, NULL, 0, last);
        unsigned char *hdr = s->pending_buf + s->pending_out + s->pending - 4;
        hdr[0] = (unsigned char)len;
        hdr[1] = (unsigned char)(len >> 8);
        hdr[2] = (unsigned char)~len;
        hdr[3] = (unsigned char)(~len >> 8);
        flush_pending(s);
        if (left) {
            if (left > len)
                left = len;
            memcpy(z->next_out, s->window + s->block_start, left);
            z->next_out += left;
            z->avail_out -= left;
            z->total_out += left;
            s->block_start += (long)left;
            len -= left;
        }
        if (len) {
            read_buf(s, z->next_out, (unsigned)len);
            z->next_out += len;
            z->avail_out -= len;
            z->total_out += len;
        }
    } while (last == 0);

    used -= z->avail_in;
    if (used) {
        if (used >= s->w_size) {
            s->matches = 2;
            memcpy(s->window, z->next_in - s->w_size, s->w_size);
            s->strstart = s->w_size;
            s->insert = s->strstart;
        } else {
            if (s->window_size - s->strstart <= used) {
                s->strstart -= s->w_size;
                memcpy(s->window, s->window + s->w_size, s->strstart);
                if (s->matches < 2)
                    s->matches++;
                if (s->insert > s->strstart)
                    s->insert = s->strstart;
            }
            memcpy(s->window + s->strstart, z->next_in - used, used);
            s->strstart += (unsigned)used;
            s->insert += (unsigned)MIN(used, s->w_size - s->insert);
        }
        s->block_start = s->strstart;
    }
    if (s->high_water < s->strstart)
        s->high_water = s->strstart;
    if (last)
        return FINISH_DONE;
    if (flush != ZS_NO_FLUSH && flush != ZS_FINISH && z->avail_in == 0
        && (long)s->strstart == s->block_start)
        return BLOCK_DONE;

    have = s->window_size - s->strstart;
    if (z->avail_in > have && s->block_start >= (long)s->w_size) {
        s->block_start -= (long)s->w_size;
        s->strstart -= s->w_size;
        memcpy(s->window, s->window + s->w_size, s->strstart);
        if (s->matches < 2)
            s->matches++;
        have += s->w_size;
        if (s->insert > s->strstart)
            s->insert = s->strstart;
    }
    if (have > z->avail_in)
        have = z->avail_in;
    if (have) {
        read_buf(s, s->window + s->strstart, (unsigned)have);
        s->strstart += (unsigned)have;
        s->insert += (unsigned)MIN(have, s->w_size - s->insert);
    }
    if (s->high_water < s->strstart)
        s->high_water = s->strstart;

    have = (size_t)(s->bi_valid + 42) >> 3;
    have = MIN(s->pending_buf_size - have, MAX_STORED);
    min_block = MIN(have, s->w_size);
    left = (size_t)((long)s->strstart - s->block_start);
    if (left >= min_block
        || ((left || flush == ZS_FINISH) && flush != ZS_NO_FLUSH && z->avail_in == 0
            && left <= have)) {
        len = MIN(left, have);
        last = flush == ZS_FINISH && z->avail_in == 0 && len == left ? 1 : 0;
        tr_stored_block(s, s->window + s->block_start, len, last);
        s->block_start += (long)len;
        flush_pending(s);
    }
    return last ? FINISH_STARTED : NEED_MORE;
}

/* Levels 1..3: take the longest match found at once; short matches'
 * strings go into the chains. */
static BlockState deflate_fast(ZDeflate *s, int flush)
{
    for (;;) {
        if (s->lookahead < MIN_LOOKAHEAD) {
            fill_window(s);
            if (s->lookahead < MIN_LOOKAHEAD && flush == ZS_NO_FLUSH)
                return NEED_MORE;
            if (s->lookahead == 0)
                break;
        }
        unsigned hash_head = 0;
        if (s->lookahead >= MIN_MATCH)
            hash_head = insert_string(s, s->strstart);
        if (hash_head != 0 && s->strstart - hash_head <= MAX_DIST(s))
            s->match_length = longest_match(s, hash_head);
        bool bflush;
        if (s->match_length >= MIN_MATCH) {
            bflush = tally_dist(s, s->strstart - s->match_start, s->match_length - MIN_MATCH);
            s->lookahead -= s->match_length;
            if (s->match_length <= s->max_lazy_match && s->lookahead >= MIN_MATCH) {
                s->match_length--;
                do {
                    s->strstart++;
                    insert_string(s, s->strstart);
                } while (--s->match_length != 0);
                s->strstart++;
            } else {
                s->strstart += s->match_length;
                s->match_length = 0;
                s->ins_h = s->window[s->strstart];
                update_hash(s, s->window[s->strstart + 1]);
            }
        } else {
            bflush = tally_lit(s, s->window[s->strstart]);
            s->lookahead--;
            s->strstart++;
        }
        if (bflush)
            FLUSH_BLOCK(s, 0);
    }
    s->insert = s->strstart < MIN_MATCH - 1 ? s->strstart : MIN_MATCH - 1;
    if (flush == ZS_FINISH) {
        FLUSH_BLOCK(s, 1);
        return FINISH_DONE;
    }
    if (s->sym_next)
        FLUSH_BLOCK(s, 0);
    return BLOCK_DONE;
}

/* Levels 4..9: lazy evaluation; a match is taken only if the next
 * position has no longer one. */
static BlockState deflate_slow(ZDeflate *s, int flush)
{
    for (;;) {
        if (s->lookahead < MIN_LOOKAHEAD) {
            fill_window(s);
            if (s->lookahead < MIN_LOOKAHEAD && flush == ZS_NO_FLUSH)
                return NEED_MORE;
            if (s->lookahead == 0)
                break;
        }
        unsigned hash_head = 0;
        if (s->lookahead >= MIN_MATCH)
            hash_head = insert_string(s, s->strstart);
        s->prev_length = s->match_length;
        s->prev_match = s->match_start;
        s->match_length = MIN_MATCH - 1;
        if (hash_head != 0 && s->prev_length < s->max_lazy_match
            && s->strstart - hash_head <= MAX_DIST(s)) {
            s->match_length = longest_match(s, hash_head);
            if (s->match_length <= 5
                && (s->strategy == ZS_FILTERED
                    || (s->match_length == MIN_MATCH && s->strstart - s->match_start > TOO_FAR)))
                s->match_length = MIN_MATCH - 1;
        }
        if (s->prev_length >= MIN_MATCH && s->match_length <= s->prev_length) {
            unsigned max_insert = s->strstart + s->lookahead - MIN_MATCH;
            bool bflush = tally_dist(s, s->strstart - 1 - s->prev_match,
                                     s->prev_length - MIN_MATCH);
            s->lookahead -= s->prev_length - 1;
            s->prev_length -= 2;
            do {
                if (++s->strstart <= max_insert)
                    insert_string(s, s->strstart);
            } while (--s->prev_length != 0);
            s->match_available = 0;
            s->match_length = MIN_MATCH - 1;
            s->strstart++;
            if (bflush)
                FLUSH_BLOCK(s, 0);
        } else if (s->match_available) {
            if (tally_lit(s, s->window[s->strstart - 1]))
                flush_block_only(s, 0);
            s->strstart++;
            s->lookahead--;
            if (s->strm.avail_out == 0)
                return NEED_MORE;
        } else {
            s->match_available = 1;
            s->strstart++;
            s->lookahead--;
        }
    }
    if (s->match_available) {
        tally_lit(s, s->window[s->strstart - 1]);
        s->match_available = 0;
    }
    s->insert = s->strstart < MIN_MATCH - 1 ? s->strstart : MIN_MATCH - 1;
    if (flush == ZS_FINISH) {
        FLUSH_BLOCK(s, 1);
        return FINISH_DONE;
    }
    if (s->sym_next)
        FLUSH_BLOCK(s, 0);
    return BLOCK_DONE;
}

/* Z_RLE: matches of distance 1 only (runs of a byte). */
static BlockState deflate_rle(ZDeflate *s, int flush)
{
    for (;;) {
        if (s->lookahead <= MAX_MATCH) {
            fill_window(s);
            if (s->lookahead <= MAX_MATCH && flush == ZS_NO_FLUSH)
                return NEED_MORE;
            if (s->lookahead == 0)
                break;
        }
        s->match_length = 0;
        if (s->lookahead >= MIN_MATCH && s->strstart > 0) {
            unsigned char *scan = s->window + s->strstart - 1;
            unsigned char prev = *scan;
            if (prev == scan[1] && prev == scan[2] && prev == scan[3]) {
                unsigned char *strend = s->window + s->strstart + MAX_MATCH;
                scan += 3;
                do {
                    if (prev != *++scan) break;
                    if (prev != *++scan) break;
                    if (prev != *++scan) break;
                    if (prev != *++scan) break;
                    if (prev != *++scan) break;
                    if (prev != *++scan) break;
                    if (prev != *++scan) break;
                    if (prev != *++scan) break;
                } while (scan < strend);
                s->match_length = MAX_MATCH - (unsigned)(strend - scan);
                if (s->match_length > s->lookahead)
                    s->match_length = s->lookahead;
            }
        }
        bool bflush;
        if (s->match_length >= MIN_MATCH) {
            bflush = tally_dist(s, 1, s->match_length - MIN_MATCH);
            s->lookahead -= s->match_length;
            s->strstart += s->match_length;
            s->match_length = 0;
        } else {
            bflush = tally_lit(s, s->window[s->strstart]);
            s->lookahead--;
            s->strstart++;
        }
        if (bflush)
            FLUSH_BLOCK(s, 0);
    }
    s->insert = 0;
    if (flush == ZS_FINISH) {
        FLUSH_BLOCK(s, 1);
        return FINISH_DONE;
    }
    if (s->sym_next)
        FLUSH_BLOCK(s, 0);
    return BLOCK_DONE;
}

/* Z_HUFFMAN_ONLY: literals only. */
static BlockState deflate_huff(ZDeflate *s, int flush)
{
    for (;;) {
        if (s->lookahead == 0) {
            fill_window(s);
            if (s->lookahead == 0) {
                if (flush == ZS_NO_FLUSH)
                    return NEED_MORE;
                break;
            }
        }
        s->match_length = 0;
        bool bflush = tally_lit(s, s->window[s->strstart]);
        s->lookahead--;
        s->strstart++;
        if (bflush)
            FLUSH_BLOCK(s, 0);
    }
    s->insert = 0;
    if (flush == ZS_FINISH) {
        FLUSH_BLOCK(s, 1);
        return FINISH_DONE;
    }
    if (s->sym_next)
        FLUSH_BLOCK(s, 0);
    return BLOCK_DONE;
}

/* ---- the interface ---- */

static void lm_init(ZDeflate *s)
{
    s->window_size = 2 * (size_t)s->w_size;
    clear_hash(s);
    s->max_lazy_match = config[s->level].lazy;
    s->good_match = config[s->level].good;
    s->nice_match = config[s->level].nice;
    s->max_chain_length = config[s->level].chain;
    s->strstart = 0;
    s->block_start = 0;
    s->lookahead = 0;
    s->insert = 0;
    s->match_length = s->prev_length = MIN_MATCH - 1;
    s->match_available = 0;
    s->ins_h = 0;
}

ZDeflate *zd_new(int level, int wbits, int mem_level, int strategy, int *err)
{
    int wrap = 1;
    if (level == -1)
        level = 6;
    if (wbits < 0) {
        wrap = 0;
        if (wbits < -15) {
            *err = ZS_STREAM_ERROR;
            return NULL;
        }
        wbits = -wbits;
    } else if (wbits > 15) {
        wrap = 2;
        wbits -= 16;
    }
    if (mem_level < 1 || mem_level > 9 || wbits < 8 || wbits > 15 || level < 0 || level > 9
        || strategy < 0 || strategy > ZS_FIXED || (wbits == 8 && wrap != 1)) {
        *err = ZS_STREAM_ERROR;
        return NULL;
    }
    if (wbits == 8)
        wbits = 9;      /* zlib 1.2.13 writes a 512-byte window for 8 */
    if (!tables_ready)
        tables_init();
    ZDeflate *s = calloc(1, sizeof *s);
    if (!s) {
        *err = ZS_MEM_ERROR;
        return NULL;
    }
    s->wrap = wrap;
    s->w_bits = (unsigned)wbits;
    s->w_size = 1u << s->w_bits;
    s->w_mask = s->w_size - 1;
    s->hash_bits = (unsigned)mem_level + 7;
    s->hash_size = 1u << s->hash_bits;
    s->hash_mask = s->hash_size - 1;
    s->hash_shift = (s->hash_bits + MIN_MATCH - 1) / MIN_MATCH;
    s->lit_bufsize = 1u << (mem_level + 6);
    s->pending_buf_size = (size_t)s->lit_bufsize * 4;
    s->pending_cap = s->pending_buf_size + 64;
    s->window = calloc(2 * (size_t)s->w_size + MAX_MATCH, 1);
    s->prev = calloc(s->w_size, sizeof *s->prev);
    s->head = calloc(s->hash_size, sizeof *s->head);
    s->sym_buf = malloc((size_t)s->lit_bufsize * 3);
    s->pending_buf = malloc(s->pending_cap);
    if (!s->window || !s->prev || !s->head || !s->sym_buf || !s->pending_buf) {
        zd_free(s);
        *err = ZS_MEM_ERROR;
        return NULL;
    }
    s->sym_end = (s->lit_bufsize - 1) * 3;
    s->level = level;
    s->strategy = strategy;
    /* deflateReset */
    s->status = wrap == 2 ? ST_GZIP : ST_INIT;
    s->strm.adler = wrap == 2 ? 0 : 1;
    s->last_flush = -2;
    tr_init(s);
    lm_init(s);
    *err = ZS_OK;
    return s;
}

ZStream *zd_stream(ZDeflate *d)
{
    return &d->strm;
}

void zd_free(ZDeflate *s)
{
    if (!s)
        return;
    free(s->window);
    free(s->prev);
    free(s->head);
    free(s->sym_buf);
    free(s->pending_buf);
    free(s);
}

static void *dup_mem(const void *p, size_t n)
{
    void *q = malloc(n ? n : 1);
    if (q)
        memcpy(q, p, n);
    return q;
}

ZDeflate *zd_copy(const ZDeflate *d)
{
    ZDeflate *s = malloc(sizeof *s);
    if (!s)
        return NULL;
    *s = *d;
    s->l_desc.dyn = s->dyn_ltree;
    s->d_desc.dyn = s->dyn_dtree;
    s->bl_desc.dyn = s->bl_tree;
    s->window = dup_mem(d->window, 2 * (size_t)d->w_size + MAX_MATCH);
    s->prev = dup_mem(d->prev, (size_t)d->w_size * sizeof *d->prev);
    s->head = dup_mem(d->head, (size_t)d->hash_size * sizeof *d->head);
    s->sym_buf = dup_mem(d->sym_buf, (size_t)d->lit_bufsize * 3);
    s->pending_buf = dup_mem(d->pending_buf, d->pending_cap);
    if (!s->window || !s->prev || !s->head || !s->sym_buf || !s->pending_buf) {
        zd_free(s);
        return NULL;
    }
    return s;
}

int zd_set_dictionary(ZDeflate *s, const unsigned char *dict, size_t len)
{
    ZStream *z = &s->strm;
    int wrap = s->wrap;
    if (wrap == 2 || (wrap == 1 && s->status != ST_INIT) || s->lookahead)
        return ZS_STREAM_ERROR;
    if (wrap == 1)
        z->adler = zs_adler32(z->adler, dict, len);
    s->wrap = 0;                /* no check value over the dictionary */
    if (len >= s->w_size) {
        if (wrap == 0) {
            clear_hash(s);
            s->strstart = 0;
            s->block_start = 0;
            s->insert = 0;
        }
        dict += len - s->w_size;
        len = s->w_size;
    }
    size_t avail = z->avail_in;
    const unsigned char *next = z->next_in;
    z->avail_in = len;
    z->next_in = dict;
    fill_window(s);
    while (s->lookahead >= MIN_MATCH) {
        unsigned str = s->strstart;
        unsigned n = s->lookahead - (MIN_MATCH - 1);
        do {
            update_hash(s, s->window[str + MIN_MATCH - 1]);
            s->prev[str & s->w_mask] = s->head[s->ins_h];
            s->head[s->ins_h] = (uint16_t)str;
            str++;
        } while (--n);
        s->strstart = str;
        s->lookahead = MIN_MATCH - 1;
        fill_window(s);
    }
    s->strstart += s->lookahead;
    s->block_start = (long)s->strstart;
    s->insert = s->lookahead;
    s->lookahead = 0;
    s->match_length = s->prev_length = MIN_MATCH - 1;
    s->match_available = 0;
    z->next_in = next;
    z->avail_in = avail;
    s->wrap = wrap;
    return ZS_OK;
}

/* zlib orders flushes so that a weaker one after a stronger is no-op */
static int flush_rank(int f)
{
    return f * 2 - (f > 4 ? 9 : 0);
}

static const char msg_stream_error[] = "stream error";
static const char msg_buf_error[] = "buffer error";

int zd_deflate(ZDeflate *s, int flush)
{
    ZStream *z = &s->strm;
    if (flush > ZS_BLOCK || flush < 0)
        return ZS_STREAM_ERROR;
    if (!z->next_out || (z->avail_in != 0 && !z->next_in)
        || (s->status == ST_FINISH && flush != ZS_FINISH)) {
        z->msg = msg_stream_error;
        return ZS_STREAM_ERROR;
    }
    if (z->avail_out == 0) {
        z->msg = msg_buf_error;
        return ZS_BUF_ERROR;
    }
    int old_flush = s->last_flush;
    s->last_flush = flush;

    if (s->pending != 0) {
        flush_pending(s);
        if (z->avail_out == 0) {
            s->last_flush = -1;
            return ZS_OK;
        }
    } else if (z->avail_in == 0 && flush_rank(flush) <= flush_rank(old_flush)
               && flush != ZS_FINISH) {
        z->msg = msg_buf_error;
        return ZS_BUF_ERROR;
    }
    if (s->status == ST_FINISH && z->avail_in != 0) {
        z->msg = msg_buf_error;
        return ZS_BUF_ERROR;
    }

    if (s->status == ST_INIT && s->wrap == 0)
        s->status = ST_BUSY;
    if (s->status == ST_INIT) {
        unsigned header = (8 + ((s->w_bits - 8) << 4)) << 8;
        unsigned level_flags;
        if (s->strategy >= ZS_HUFFMAN_ONLY || s->level < 2)
            level_flags = 0;
        else if (s->level < 6)
            level_flags = 1;
        else if (s->level == 6)
            level_flags = 2;
        else
            level_flags = 3;
        header |= level_flags << 6;
        if (s->strstart != 0)
            header |= 0x20;             /* FDICT */
        header += 31 - header % 31;
        pend_reserve(s, 8);
        put_short_msb(s, header);
        if (s->strstart != 0) {
            put_short_msb(s, z->adler >> 16);
            put_short_msb(s, z->adler & 0xffff);
        }
        z->adler = 1;
        s->status = ST_BUSY;
        flush_pending(s);
        if (s->pending != 0) {
            s->last_flush = -1;
            return ZS_OK;
        }
    }
    if (s->status == ST_GZIP) {
        z->adler = 0;
        pend_reserve(s, 10);
        put_byte(s, 31);
        put_byte(s, 139);
        put_byte(s, 8);
        for (int i = 0; i < 5; i++)
            put_byte(s, 0);             /* flags, mtime */
        put_byte(s, s->level == 9 ? 2
                 : (s->strategy >= ZS_HUFFMAN_ONLY || s->level < 2 ? 4 : 0));
        put_byte(s, 3);                 /* OS: Unix */
        s->status = ST_BUSY;
        flush_pending(s);
        if (s->pending != 0) {
            s->last_flush = -1;
            return ZS_OK;
        }
    }

    if (z->avail_in != 0 || s->lookahead != 0
        || (flush != ZS_NO_FLUSH && s->status != ST_FINISH)) {
        BlockState bstate = s->level == 0 ? deflate_stored(s, flush)
            : s->strategy == ZS_HUFFMAN_ONLY ? deflate_huff(s, flush)
            : s->strategy == ZS_RLE ? deflate_rle(s, flush)
            : config[s->level].func(s, flush);
        if (bstate == FINISH_STARTED || bstate == FINISH_DONE)
            s->status = ST_FINISH;
        if (bstate == NEED_MORE || bstate == FINISH_STARTED) {
            if (z->avail_out == 0)
                s->last_flush = -1;
            return ZS_OK;
        }
        if (bstate == BLOCK_DONE) {
            if (flush == ZS_PARTIAL_FLUSH) {
                tr_align(s);
            } else if (flush != ZS_BLOCK) {
                tr_stored_block(s, NULL, 0, 0);
                if (flush == ZS_FULL_FLUSH) {
                    clear_hash(s);
                    if (s->lookahead == 0) {
                        s->strstart = 0;
                        s->block_start = 0;
                        s->insert = 0;
                    }
                }
            }
            flush_pending(s);
            if (z->avail_out == 0) {
                s->last_flush = -1;
                return ZS_OK;
            }
        }
    }

    if (flush != ZS_FINISH)
        return ZS_OK;
    if (s->wrap <= 0)
        return ZS_STREAM_END;
    pend_reserve(s, 8);
    if (s->wrap == 2) {
        uint32_t c = z->adler, t = (uint32_t)z->total_in;
        for (int i = 0; i < 4; i++)
            put_byte(s, (c >> (8 * i)) & 0xff);
        for (int i = 0; i < 4; i++)
            put_byte(s, (t >> (8 * i)) & 0xff);
    } else {
        put_short_msb(s, z->adler >> 16);
        put_short_msb(s, z->adler & 0xffff);
    }
    flush_pending(s);
    if (s->wrap > 0)
        s->wrap = -s->wrap;
    return s->pending != 0 ? ZS_OK : ZS_STREAM_END;
}
