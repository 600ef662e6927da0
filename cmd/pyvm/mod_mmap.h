/* cmd/pyvm/mod_mmap.h: the mmap module: mmap.mmap, a memory-mapped file
 * or anonymous mapping, and a buffer exporter.
 *
 * Stage: pyvm.  bytearray.c's vm_bytes_buffer hands out a live map's
 * bytes (bytes(m), file writes, bytes methods); memoryview.c views them
 * (read-only for ACCESS_READ) and counts the export, during which the map
 * refuses to close or resize (CPython's BufferError).
 */
#ifndef VM_MOD_MMAP_H
#define VM_MOD_MMAP_H

#include "cmd/pyvm/object.h"

/* Is o an mmap.mmap? */
bool vm_mmap_check(Obj *o);
/* A live map's bytes; false (no error) once it is closed. */
bool vm_mmap_buffer(Obj *o, char **data, size_t *len);
/* Was the map made with ACCESS_READ (no writes through a view)? */
bool vm_mmap_readonly(Obj *o);
/* A memoryview starts (+1) or stops (-1) exporting the map's bytes. */
void vm_mmap_export(Obj *o, int delta);

#endif
