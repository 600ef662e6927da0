/* libstage/unicode.h: the Unicode facts the stages need, as CPython 3.11
 * (Unicode 14.0) defines them, and UTF-8 encoding and decoding.
 *
 * The character tables are generated from /usr/bin/python3's unicodedata by
 * libstage/unicode_gen.py into libstage/unicode_tables.inc (checked in).
 */
#ifndef LS_UNICODE_H
#define LS_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* str.isprintable() of the one-character string chr(cp). */
bool ls_uni_isprintable(uint32_t cp);
/* May cp start an identifier?  XID_Start, plus '_' (as str.isidentifier()). */
bool ls_uni_is_xid_start(uint32_t cp);
/* May cp continue an identifier?  XID_Continue (includes '_' and digits). */
bool ls_uni_is_xid_continue(uint32_t cp);
/* Does cp match \w in Python's re module (str.isalnum() or '_')? */
bool ls_uni_is_word(uint32_t cp);

/* Decode one UTF-8 sequence at s (len bytes available, len >= 1) into *cp.
 * Returns its length 1..4, or -1 when the bytes there are not valid UTF-8
 * (bad lead byte, bad or missing continuation byte, overlong form, surrogate,
 * beyond U+10FFFF), and 0 when len is 0.  Strict, like CPython's decoder. */
int ls_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp (<= 0x10FFFF; surrogates are encoded as-is) into out; returns
 * the number of bytes written, 1..4, or 0 when cp is out of range. */
int ls_utf8_encode(uint32_t cp, char out[4]);
/* Length of the valid UTF-8 prefix of s (bytes), stopping at the first
 * invalid sequence. */
size_t ls_utf8_valid_prefix(const char *s, size_t len);
/* Number of code points in the valid UTF-8 string s (len bytes): each byte
 * that is not a continuation byte (10xxxxxx) counts once. */
size_t ls_utf8_count(const char *s, size_t len);

#endif
