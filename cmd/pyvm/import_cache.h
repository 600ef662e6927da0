/* cmd/pyvm/import_cache.h: compiling source for pyvm (import, exec, eval,
 * compile) with the in-process front end (libstage/front.h), and the
 * __pycache__ code cache of imported modules.
 *
 * Stage: pyvm.  A module's code is cached in DIR/__pycache__/NAME.pytools-0.pyc:
 * a 40-byte header (magic "PYTCACHE", the source's mtime in ns and size,
 * and the pyvm binary's mtime in ns and size, so a rebuilt compiler never
 * trusts an old cache), then the binary code object (formats/code.md).
 * A cache that does not match, or does not verify, is ignored and
 * rewritten; a directory that cannot be written means no cache;
 * PYTHONDONTWRITEBYTECODE (non-empty) stops writing, not reading.
 */
#ifndef VM_IMPORT_CACHE_H
#define VM_IMPORT_CACHE_H

#include <stddef.h>
#include "libstage/buf.h"
#include "libstage/front.h"
#include "cmd/pyvm/func.h"

/* The cache file for source path (written into out), or "" when the
 * path has no directory part that fits. */
void vm_cache_path(const char *path, char *out, size_t outlen);

/* The code of the module source file at path, from the cache when it is
 * fresh, else compiled (and cached).  NULL with SyntaxError, OSError, ...
 * pending. */
VmCode *vm_compile_module_file(const char *path) LS_MUST_CHECK;
/* The same, the code naming its file filename (tracebacks, co_filename). */
VmCode *vm_compile_module_file_as(const char *path, const char *filename) LS_MUST_CHECK;

/* Compile source text as compile() does; NULL with the SyntaxError
 * pending. */
VmCode *vm_compile_source(const char *src, size_t len, const char *filename,
                          LsMode mode) LS_MUST_CHECK;

/* Raise the Python SyntaxError (IndentationError, TabError, ...) that
 * err describes. */
void vm_raise_syntax_error(const LsSyntaxError *err);

/* For the traceback printer: when exc is a SyntaxError, append CPython's
 * `  File "...", line N` block, the source line, the carets and the
 * "SyntaxError: msg" line to out and return true. */
bool vm_syntax_error_render(Buf *out, Obj *exc);

#endif
