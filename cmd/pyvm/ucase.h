/* cmd/pyvm/ucase.h: Unicode character properties and full case mappings
 * for the str methods (upper, lower, casefold, title, isalpha, ...).
 *
 * Stage: pyvm.  The tables (cmd/pyvm/ucase_tables.inc) are generated from
 * CPython 3.11's unicodedata by cmd/pyvm/ucase_gen.py.
 */
#ifndef VM_UCASE_H
#define VM_UCASE_H

#include <stdint.h>
#include "libstage/buf.h"

/* Property flags of one code point (bit values fixed by ucase_gen.py). */
enum {
    UC_ALPHA = 1,       /* str.isalpha */
    UC_DECIMAL = 2,     /* str.isdecimal */
    UC_DIGIT = 4,       /* str.isdigit */
    UC_NUMERIC = 8,     /* str.isnumeric */
    UC_SPACE = 16,      /* str.isspace */
    UC_UPPER = 32,      /* Uppercase (str.isupper) */
    UC_LOWER = 64,      /* Lowercase (str.islower) */
    UC_TITLE = 128,     /* general category Lt */
    UC_CASED = 256,     /* Cased */
    UC_IGNORABLE = 512, /* Case_Ignorable */
};

/* Which case mapping vm_uc_map() looks up. */
typedef enum { UC_MAP_UPPER, UC_MAP_LOWER, UC_MAP_TITLE, UC_MAP_FOLD } UcMapKind;

unsigned vm_uc_flags(uint32_t cp);
/* The value of the decimal digit cp (0..9), or -1. */
int vm_uc_decimal(uint32_t cp);

/* Append the UTF-8 text s[0..n) to b with Unicode decimal digits and
 * white space replaced by their ASCII forms, as int() and float() read
 * numbers (invalid UTF-8 becomes U+FFFD). */
void vm_uc_ascii_digits(Buf *b, const char *s, size_t n);
/* The full mapping of cp as a NUL-terminated UTF-8 string, or NULL when cp
 * maps to itself. */
const char *vm_uc_map(uint32_t cp, UcMapKind kind);

#endif
