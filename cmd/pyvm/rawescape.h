/* cmd/pyvm/rawescape.h: the raw-unicode-escape codec.
 *
 * Stage: pyvm.  Reached from codecs.c's vm_codec_encode/vm_codec_decode.
 */
#ifndef VM_RAWESCAPE_H
#define VM_RAWESCAPE_H

#include "cmd/pyvm/object.h"

/* Does the encoding name (a str, or NULL) spell raw-unicode-escape? */
bool vm_rawesc_name(Obj *encoding);
/* str -> bytes: Latin-1 with \uXXXX / \UXXXXXXXX for the rest. */
Obj *vm_rawesc_encode(Obj *str) LS_MUST_CHECK;
/* bytes -> str; errors: NULL/strict, ignore or replace. */
Obj *vm_rawesc_decode(const char *data, size_t n, Obj *errors) LS_MUST_CHECK;

#endif
