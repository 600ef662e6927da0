/* libstage/ucd.c: the Unicode character database (see ucd.h): a two-level
 * page table of deduplicated property records, the runs of code points
 * whose UCD 3.2.0 record differs, decompositions, and normalization.
 *
 * Normalization follows UAX #15: full decomposition (Hangul syllables
 * algorithmically), canonical ordering by combining class, then canonical
 * composition of unblocked pairs into primary composites.  Under 3.2.0 the
 * characters assigned later do not decompose and the NormalizationCorrections
 * are undone, as CPython's ucd_3_2_0 does; the combining classes used for
 * ordering and blocking are 14.0.0's in both, as CPython's.
 */
#include "libstage/ucd.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/common.h"
#include "libstage/unicode.h"

/* One deduplicated set of character properties (the field order is the
 * generator's). */
typedef struct UcdRecord {
    uint8_t cat;            /* index into ucd_cats (0: "Cn") */
    uint8_t bidi;           /* index into ucd_bidis (0: "") */
    uint8_t comb;           /* canonical combining class */
    uint8_t eaw;            /* index into ucd_eaws */
    uint8_t flags;          /* UCD_MIRRORED, UCD_NEW_SINCE_3_2 */
    int8_t dec;             /* decimal value, or -1 */
    int8_t dig;             /* digit value, or -1 */
    uint8_t num;            /* index + 1 into ucd_numeric, 0: not numeric */
    uint16_t decomp;        /* offset + 1 into ucd_decomp, 0: no decomposition */
} UcdRecord;

/* A canonical composition: first + second -> comp. */
typedef struct UcdComp {
    uint32_t first, second; /* the pair, sorted on (first, second) */
    uint32_t comp;          /* the primary composite */
} UcdComp;

/* Code points lo..hi whose UCD 3.2.0 record is ucd_records[rec]. */
typedef struct UcdRun {
    uint32_t lo, hi;        /* inclusive */
    uint16_t rec;           /* the 3.2.0 record */
} UcdRun;

/* A NormalizationCorrection: under 3.2.0, cp decomposes to `to`. */
typedef struct UcdCorr {
    uint32_t cp;            /* the character */
    uint32_t to;            /* its 3.2.0 decomposition */
} UcdCorr;

/* A named character sequence (NamedSequences.txt). */
typedef struct UcdSeq {
    const char *name;       /* upper case */
    uint8_t n;              /* length of the sequence */
    uint32_t cps[4];        /* the code points */
} UcdSeq;

#include "libstage/ucd_tables.inc"

enum {
    UCD_MIRRORED = 1,       /* UcdRecord.flags */
    UCD_NEW_SINCE_3_2 = 2,  /* (a 3.2.0 record) unassigned in 3.2.0 */
};

/* Hangul syllable arithmetic (Unicode chapter 3.12). */
enum {
    H_SBASE = 0xAC00, H_LBASE = 0x1100, H_VBASE = 0x1161, H_TBASE = 0x11A7,
    H_LCOUNT = 19, H_VCOUNT = 21, H_TCOUNT = 28, H_NCOUNT = 21 * 28, H_SCOUNT = 19 * 21 * 28,
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const UcdRecord *rec_of(uint32_t cp, bool old)
{
    if (cp >= 0x110000)
        cp = 0x10FFFF;
    if (old) {
        size_t lo = 0, hi = NELEM(ucd_old_runs);
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (cp < ucd_old_runs[mid].lo)
                hi = mid;
            else if (cp > ucd_old_runs[mid].hi)
                lo = mid + 1;
            else
                return &ucd_records[ucd_old_runs[mid].rec];
        }
    }
    unsigned blk = ucd_index1[cp >> UCD_SHIFT];
    return &ucd_records[ucd_index2[(blk << UCD_SHIFT) + (cp & UCD_MASK)]];
}

const char *ls_ucd_category(uint32_t cp, bool old)
{
    return ucd_cats[rec_of(cp, old)->cat];
}

const char *ls_ucd_bidirectional(uint32_t cp, bool old)
{
    return ucd_bidis[rec_of(cp, old)->bidi];
}

unsigned ls_ucd_combining(uint32_t cp, bool old)
{
    return rec_of(cp, old)->comb;
}

const char *ls_ucd_east_asian_width(uint32_t cp, bool old)
{
    return ucd_eaws[rec_of(cp, old)->eaw];
}

bool ls_ucd_mirrored(uint32_t cp, bool old)
{
    return rec_of(cp, old)->flags & UCD_MIRRORED;
}

int ls_ucd_decimal(uint32_t cp, bool old)
{
    return rec_of(cp, old)->dec;
}

int ls_ucd_digit(uint32_t cp, bool old)
{
    return rec_of(cp, old)->dig;
}

bool ls_ucd_numeric(uint32_t cp, bool old, double *v)
{
    const UcdRecord *r = rec_of(cp, old);
    if (!r->num)
        return false;
    *v = ucd_numeric[r->num - 1];
    return true;
}

bool ls_ucd_new_since_3_2(uint32_t cp)
{
    return rec_of(cp, true)->flags & UCD_NEW_SINCE_3_2;
}

void ls_ucd_decomposition(uint32_t cp, bool old, Buf *b)
{
    const UcdRecord *r = rec_of(cp, old);
    if (!r->decomp)
        return;
    const uint32_t *d = &ucd_decomp[r->decomp];
    unsigned prefix = d[0] >> 8, n = d[0] & 0xFF;
    buf_puts(b, ucd_prefixes[prefix]);
    for (unsigned i = 1; i <= n; i++)
        buf_printf(b, "%s%04X", i > 1 || prefix ? " " : "", (unsigned)d[i]);
}

static bool ascii_ieq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'a' && x <= 'z')
            x -= 32;
        if (y >= 'a' && y <= 'z')
            y -= 32;
        if (x != y)
            return false;
    }
    return true;
}

int ls_ucd_named_sequence(const char *s, size_t len, uint32_t out[4])
{
    for (size_t i = 0; i < NELEM(ucd_seqs); i++)
        if (strlen(ucd_seqs[i].name) == len && ascii_ieq(ucd_seqs[i].name, s, len)) {
            memcpy(out, ucd_seqs[i].cps, ucd_seqs[i].n * sizeof *out);
            return ucd_seqs[i].n;
        }
    return 0;
}

/* ---- normalization ---- */

/* A growable array of code points. */
typedef struct CpVec {
    uint32_t *v;            /* the code points */
    size_t n, cap;          /* used, allocated */
} CpVec;

static void cp_push(CpVec *a, uint32_t cp)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 64;
        a->v = ls_xrealloc(a->v, a->cap * sizeof *a->v);
    }
    a->v[a->n++] = cp;
}

/* Append the full decomposition of cp (canonical, or compatibility too). */
static void decompose_cp(CpVec *out, uint32_t cp, bool compat, bool old)
{
    uint32_t stack[64];     /* the longest decomposition has 18 characters */
    int sp = 0;
    stack[sp++] = cp;
    while (sp) {
        uint32_t c = stack[--sp];
        if (c >= H_SBASE && c < H_SBASE + H_SCOUNT) {
            uint32_t si = c - H_SBASE;
            cp_push(out, H_LBASE + si / H_NCOUNT);
            cp_push(out, H_VBASE + si % H_NCOUNT / H_TCOUNT);
            if (si % H_TCOUNT)
                cp_push(out, H_TBASE + si % H_TCOUNT);
            continue;
        }
        if (old) {
            bool corrected = false;
            for (size_t i = 0; i < NELEM(ucd_old_norm); i++)
                if (ucd_old_norm[i].cp == c) {
                    stack[sp++] = ucd_old_norm[i].to;
                    corrected = true;
                }
            if (corrected)
                continue;
        }
        const UcdRecord *r = rec_of(c, old);
        const uint32_t *d = r->decomp ? &ucd_decomp[r->decomp] : NULL;
        if (!d || ((d[0] >> 8) && !compat) || sp + (int)(d[0] & 0xFF) > 64) {
            cp_push(out, c);
            continue;
        }
        for (unsigned k = d[0] & 0xFF; k >= 1; k--)
            stack[sp++] = d[k];
    }
}

static unsigned ccc(uint32_t cp)
{
    return rec_of(cp, false)->comb;
}

/* NFD / NFKD of v[0..n): decomposed and canonically ordered. */
static CpVec decompose(const uint32_t *v, size_t n, bool compat, bool old)
{
    CpVec out = {0};
    for (size_t i = 0; i < n; i++)
        decompose_cp(&out, v[i], compat, old);
    /* canonical ordering: a stable insertion sort of each run of
     * non-starters by combining class */
    for (size_t i = 1; i < out.n; i++) {
        unsigned c = ccc(out.v[i]);
        if (c == 0)
            continue;
        size_t j = i;
        uint32_t x = out.v[i];
        while (j > 0) {
            unsigned p = ccc(out.v[j - 1]);
            if (p == 0 || p <= c)
                break;
            out.v[j] = out.v[j - 1];
            j--;
        }
        out.v[j] = x;
    }
    return out;
}

/* The primary composite of a + b, or 0. */
static uint32_t compose_pair(uint32_t a, uint32_t b)
{
    if (a >= H_LBASE && a < H_LBASE + H_LCOUNT && b >= H_VBASE && b < H_VBASE + H_VCOUNT)
        return H_SBASE + ((a - H_LBASE) * H_VCOUNT + (b - H_VBASE)) * H_TCOUNT;
    if (a >= H_SBASE && a < H_SBASE + H_SCOUNT && (a - H_SBASE) % H_TCOUNT == 0 &&
        b > H_TBASE && b < H_TBASE + H_TCOUNT)
        return a + (b - H_TBASE);
    size_t lo = 0, hi = NELEM(ucd_comp);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const UcdComp *c = &ucd_comp[mid];
        if (c->first < a || (c->first == a && c->second < b))
            lo = mid + 1;
        else if (c->first == a && c->second == b)
            return c->comp;
        else
            hi = mid;
    }
    return 0;
}

/* Canonical composition of a decomposed, ordered sequence, in place: each
 * character joins the last starter when nothing between them blocks it (a
 * starter, or a character of the same or a higher class). */
static void compose(CpVec *a)
{
    size_t out = 0;
    long starter = -1;      /* index in the output of the last starter */
    int last = -1;          /* class of the last character kept after it; -1: none */
    for (size_t i = 0; i < a->n; i++) {
        uint32_t c = a->v[i];
        int cc = (int)ccc(c);
        if (starter >= 0 && (last < 0 || last < cc)) {
            uint32_t comp = compose_pair(a->v[starter], c);
            if (comp) {
                a->v[starter] = comp;
                continue;
            }
        }
        if (cc == 0) {
            starter = (long)out;
            last = -1;
        } else {
            last = cc;
        }
        a->v[out++] = c;
    }
    a->n = out;
}

uint32_t *ls_ucd_normalize(LsNormForm form, bool old, const uint32_t *in, size_t n,
                           size_t *outn)
{
    CpVec d = decompose(in, n, form == LS_NFKC || form == LS_NFKD, old);
    if (form == LS_NFC || form == LS_NFKC)
        compose(&d);
    *outn = d.n;
    return d.v ? d.v : ls_xmalloc(sizeof *d.v);
}

void ls_ucd_nfkc_utf8(const char *s, size_t len, Buf *out)
{
    CpVec in = {0};
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        int k = ls_utf8_decode(s + i, len - i, &cp);
        if (k <= 0) {       /* not valid UTF-8: take the byte as U+FFFD */
            cp = 0xFFFD;
            k = 1;
        }
        cp_push(&in, cp);
        i += (size_t)k;
    }
    size_t n;
    uint32_t *v = ls_ucd_normalize(LS_NFKC, false, in.v, in.n, &n);
    free(in.v);
    for (size_t j = 0; j < n; j++) {
        char u[4];
        buf_put(out, u, (size_t)ls_utf8_encode(v[j], u));
    }
    free(v);
}
