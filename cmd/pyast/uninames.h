/* cmd/pyast/uninames.h: Unicode character names, for "\N{...}" escapes in
 * string literals (pyast's string decoding). */
#ifndef UNINAMES_H
#define UNINAMES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* The code point named s[0..len) (case-insensitive, as CPython's lookup for
 * \N{...}), or false when there is none. */
bool uni_lookup(const char *s, size_t len, uint32_t *cp);

#endif
