/* cmd/pyvm/ucase.c: Unicode properties and case mappings by binary search
 * over the generated tables (see ucase.h).
 *
 * Stage: pyvm.
 */
#include "cmd/pyvm/ucase.h"

#include <stdbool.h>
#include <stddef.h>

#include "libstage/unicode.h"

typedef struct UcRun {
    uint32_t lo;    /* first code point of the run */
    uint32_t hi;    /* last code point of the run (inclusive) */
    uint16_t flags; /* UC_* flags shared by the whole run */
} UcRun;

typedef struct UcMap {
    uint32_t cp;    /* the code point */
    uint16_t upper; /* uc_pool offset of its upper-case mapping (0: itself) */
    uint16_t lower; /* ... lower-case mapping */
    uint16_t title; /* ... title-case mapping */
    uint16_t fold;  /* ... case folding */
} UcMap;

#include "cmd/pyvm/ucase_tables.inc"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static unsigned search_flags(uint32_t cp)
{
    size_t lo = 0, hi = NELEM(uc_props);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < uc_props[mid].lo)
            hi = mid;
        else if (cp > uc_props[mid].hi)
            lo = mid + 1;
        else
            return uc_props[mid].flags;
    }
    return 0;
}

unsigned vm_uc_flags(uint32_t cp)
{
    /* ASCII from a table filled on first use */
    static uint16_t ascii[128];
    static bool ready;
    if (cp < 128) {
        if (!ready) {
            for (uint32_t c = 0; c < 128; c++)
                ascii[c] = (uint16_t)search_flags(c);
            ready = true;
        }
        return ascii[cp];
    }
    return search_flags(cp);
}

int vm_uc_decimal(uint32_t cp)
{
    size_t lo = 0, hi = NELEM(uc_props);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < uc_props[mid].lo)
            hi = mid;
        else if (cp > uc_props[mid].hi)
            lo = mid + 1;
        else if (uc_props[mid].flags & UC_DECIMAL)
            return (int)((cp - uc_props[mid].lo) % 10);  /* runs of whole 0..9 sets */
        else
            break;
    }
    return -1;
}

const char *vm_uc_map(uint32_t cp, UcMapKind kind)
{
    size_t lo = 0, hi = NELEM(uc_maps);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < uc_maps[mid].cp) {
            hi = mid;
        } else if (cp > uc_maps[mid].cp) {
            lo = mid + 1;
        } else {
            const UcMap *m = &uc_maps[mid];
            unsigned off = kind == UC_MAP_UPPER ? m->upper : kind == UC_MAP_LOWER ? m->lower
                         : kind == UC_MAP_TITLE ? m->title : m->fold;
            return off ? uc_pool + off : NULL;
        }
    }
    return NULL;
}

void vm_uc_ascii_digits(Buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = ls_utf8_decode(s + i, n - i, &cp);
        if (k <= 0)
            k = 1, cp = 0xfffd;
        int dv = cp >= 0x80 ? vm_uc_decimal(cp) : -1;
        if (dv >= 0)
            buf_putc(b, (char)('0' + dv));
        else if (cp >= 0x80 && (vm_uc_flags(cp) & UC_SPACE))
            buf_putc(b, ' ');
        else
            buf_put(b, s + i, (size_t)k);
        i += (size_t)k;
    }
}
