/* cmd/pyvm/mod_atexit.h: the atexit module's exit hook.
 *
 * Stage: pyvm.
 */
#ifndef VM_MOD_ATEXIT_H
#define VM_MOD_ATEXIT_H

/* Run the atexit callbacks (if the module was imported), newest first. */
void vm_atexit_run(void);

#endif
