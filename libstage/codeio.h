/* libstage/codeio.h: the binary code object (formats/code.md).
 *
 * pyasm writes it; pyvm and pydis read it.  It starts with a magic number,
 * the format version and a sentinel that catches text-mode corruption, and
 * ends with a checksum, so truncated or garbled input is always detected.
 */
#ifndef LS_CODEIO_H
#define LS_CODEIO_H

#include <stdio.h>
#include "libstage/buf.h"
#include "libstage/code.h"

/* Serialize the module code object (nested code objects are constants). */
void ls_code_write(Buf *out, const LsCode *code);

/* Parse and verify a binary code object.  Returns NULL and fills err
 * (a message naming the byte offset) when the data is not a valid code
 * object.  Everything is allocated from a. */
LsCode *ls_code_read(const char *data, size_t len, Arena *a, char *err, size_t errlen);

/* Does the data start with the code object magic? */
bool ls_code_is_binary(const char *data, size_t len);

#endif
