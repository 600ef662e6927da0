/* cmd/pyvm/codecs.h: the built-in text codecs (UTF-8, ASCII, Latin-1,
 * UTF-16, UTF-32) with CPython's error handlers, and the UnicodeError
 * message and attributes.
 *
 * Stage: pyvm.  str.encode, bytes.decode, str(b, enc) and bytes(s, enc)
 * come here.  A str holds generalized UTF-8 (lone surrogates as 3-byte
 * sequences), so surrogateescape and surrogatepass round-trip.
 */
#ifndef VM_CODECS_H
#define VM_CODECS_H

#include "cmd/pyvm/object.h"

/* s (a str) encoded; encoding and errors are strs or NULL (utf-8, strict). */
Obj *vm_codec_encode(Obj *s, Obj *encoding, Obj *errors) LS_MUST_CHECK;
/* The n bytes at data decoded into a str. */
Obj *vm_codec_decode(const char *data, size_t n, Obj *encoding, Obj *errors) LS_MUST_CHECK;
/* The charmap codec: mapping is a decoding table (a str of 256 characters,
 * U+FFFE for undefined), a mapping of ints, or None (Latin-1). */
Obj *vm_codec_charmap_decode(const char *data, size_t n, Obj *errors,
                             Obj *mapping) LS_MUST_CHECK;
Obj *vm_codec_charmap_encode(Obj *s, Obj *errors, Obj *mapping) LS_MUST_CHECK;
/* str() of a UnicodeEncodeError/UnicodeDecodeError made with CPython's five
 * arguments (encoding, object, start, end, reason), or a
 * UnicodeTranslateError with the last four; NULL (no error set) when its
 * args are not of that shape. */
Obj *vm_unicode_error_str(Obj *exc) LS_MUST_CHECK;
/* Its encoding/object/start/end/reason attribute (a new reference), or NULL
 * (no error set) for any other name or shape. */
Obj *vm_unicode_error_attr(Obj *exc, Obj *name) LS_MUST_CHECK;
/* Add the error handler registry's register_error and lookup_error to the
 * _codecs module mod.  The built-in handlers (strict, ignore, replace,
 * backslashreplace, xmlcharrefreplace, namereplace, surrogateescape,
 * surrogatepass) are registered from the start; a user handler is called
 * by the codecs here with the UnicodeEncodeError/UnicodeDecodeError and
 * returns (replacement, new position). */
void vm_codec_module_funcs(Obj *mod);
/* The constructor checks of UnicodeEncodeError, UnicodeDecodeError and
 * UnicodeTranslateError (t or a subclass; 0 for other types): the number
 * and types of the arguments, with CPython's TypeErrors. */
int vm_unicode_error_check(Type *t, Obj *const *args, size_t nargs) LS_MUST_CHECK;

#endif
