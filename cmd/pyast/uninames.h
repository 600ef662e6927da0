/* cmd/pyast/uninames.h: Unicode character names, for "\N{...}" escapes in
 * string literals (pyast's string decoding) and, the other way round, for
 * pyvm's namereplace error handler. */
#ifndef UNINAMES_H
#define UNINAMES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* The code point named s[0..len), or false when there is none: a name or
 * a name alias, matched as CPython's \N{...} and unicodedata.lookup do
 * (case-insensitive, except the computed "HANGUL SYLLABLE " and "CJK
 * UNIFIED IDEOGRAPH-" names). */
bool uni_lookup(const char *s, size_t len, uint32_t *cp);
/* The reverse: the name of code point cp into out (cap bytes, NUL-ended),
 * as unicodedata.name() gives it, or false when cp has none.  pyvm's
 * namereplace error handler uses it (pyvm links the front end). */
bool uni_name(uint32_t cp, char *out, size_t cap);

#endif
