/* cmd/pyvm/mod_thread.h: the _thread module (real threads, locks).
 *
 * Stage: pyvm.  The GIL and the thread states are gil.h's.
 */
#ifndef VM_MOD_THREAD_H
#define VM_MOD_THREAD_H

#include "cmd/pyvm/object.h"

/* The _thread module (modules.def). */
Obj *vm_mod__thread(void) LS_MUST_CHECK;
/* In the child of os.fork(): the forking thread is the only one left. */
void vm_thread_after_fork(void);
/* At exit, before the atexit callbacks: threading._shutdown() joins the
 * non-daemon threads (when threading was imported); then any other
 * thread that asks for the GIL stops for good (gil.h). */
void vm_thread_shutdown(void);
/* Import locks (module.c, with threading on): whether another thread is
 * importing the module called name; take its lock (waiting while another
 * thread imports it, unless that would deadlock: then without owning
 * it) and give it back after the import. */
bool vm_import_busy(Obj *name);
void vm_import_lock(Obj *name);
void vm_import_unlock(Obj *name);

#endif
