/* cmd/pyvm/mod_stringio.h: io.StringIO and io.BytesIO.
 *
 * Stage: pyvm.
 */
#ifndef VM_MOD_STRINGIO_H
#define VM_MOD_STRINGIO_H

#include "cmd/pyvm/object.h"

/* Define StringIO and BytesIO in the io module's namespace; -1 with the
 * exception pending. */
int vm_io_add_memory_files(Obj *io) LS_MUST_CHECK;

#endif
