/* cmd/pyvm/mod_posix_ext.h: the rest of the posix module's surface: the
 * struct sequences stat_result, statvfs_result, terminal_size and
 * uname_result; terminals (openpty, forkpty, login_tty, ttyname,
 * ctermid, tcgetpgrp/tcsetpgrp); statvfs; posix_spawn; the Linux
 * descriptor calls (eventfd, memfd_create, sendfile, splice,
 * copy_file_range, readv/writev, ...).
 *
 * Stage: pyvm.  mod_posix.c's module maker calls vm_posix_ext_add.
 */
#ifndef VM_MOD_POSIX_EXT_H
#define VM_MOD_POSIX_EXT_H

#include "cmd/pyvm/object.h"

/* Add the functions, types and constants to the posix module m (after
 * its Python half has run); -1 with an exception set on failure. */
int vm_posix_ext_add(Obj *m) LS_MUST_CHECK;

#endif
