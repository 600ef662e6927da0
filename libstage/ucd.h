/* libstage/ucd.h: the Unicode character database of CPython 3.11
 * (Unicode 14.0.0, and the 3.2.0 answers of unicodedata.ucd_3_2_0):
 * character properties, decompositions, the named sequences, and the four
 * normalization forms.
 *
 * pyvm's unicodedata module is built on it, and pyast normalizes non-ASCII
 * identifiers with NFKC as CPython's parser does.  The tables
 * (libstage/ucd_tables.inc) are generated from CPython's own unicodedata by
 * libstage/ucd_gen.py.  Character names are cmd/pyast/uninames.h's.
 *
 * Every function takes `old`: true answers as ucd_3_2_0, false as 14.0.0.
 * Code points past U+10FFFF answer as U+10FFFF.
 */
#ifndef LS_UCD_H
#define LS_UCD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "libstage/buf.h"

/* The general category ("Lu", ..., "Cn"). */
const char *ls_ucd_category(uint32_t cp, bool old);
/* The bidirectional class ("L", "AN", ..., or "" when none). */
const char *ls_ucd_bidirectional(uint32_t cp, bool old);
/* The canonical combining class. */
unsigned ls_ucd_combining(uint32_t cp, bool old);
/* The East Asian width ("N", "Na", "A", "W", "H", "F"). */
const char *ls_ucd_east_asian_width(uint32_t cp, bool old);
bool ls_ucd_mirrored(uint32_t cp, bool old);
/* The decimal / digit value, or -1. */
int ls_ucd_decimal(uint32_t cp, bool old);
int ls_ucd_digit(uint32_t cp, bool old);
/* The numeric value into *v; false when cp has none. */
bool ls_ucd_numeric(uint32_t cp, bool old, double *v);
/* Is cp assigned in 14.0.0 but not in 3.2.0 (so ucd_3_2_0 gives it no
 * name, no decomposition, category "Cn")? */
bool ls_ucd_new_since_3_2(uint32_t cp);
/* Append unicodedata.decomposition(cp) to b ("<compat> 0020 0301", or
 * nothing). */
void ls_ucd_decomposition(uint32_t cp, bool old, Buf *b);
/* The named sequence named s[0..len) (case-insensitive), its code points
 * into out: their number (2..4), or 0 when there is none. */
int ls_ucd_named_sequence(const char *s, size_t len, uint32_t out[4]);

/* The normalization forms, in unicodedata.normalize's spelling order. */
typedef enum { LS_NFC, LS_NFD, LS_NFKC, LS_NFKD } LsNormForm;

/* in[0..n) normalized: a new malloc'd array, its length in *outn. */
uint32_t *ls_ucd_normalize(LsNormForm form, bool old, const uint32_t *in, size_t n,
                           size_t *outn);
/* The valid UTF-8 string s[0..len) in NFKC, appended to out as UTF-8 (as
 * CPython normalizes a non-ASCII identifier). */
void ls_ucd_nfkc_utf8(const char *s, size_t len, Buf *out);

#endif
