/* cmd/pyvm/mod_resource.h: the resource module (getrusage, getrlimit,
 * setrlimit, getpagesize, struct_rusage, the RLIMIT_* and RUSAGE_*
 * constants).
 *
 * Stage: pyvm.  os.wait3 and os.wait4 (mod_posix_proc.c) return their
 * rusage as a resource.struct_rusage made here.
 */
#ifndef VM_MOD_RESOURCE_H
#define VM_MOD_RESOURCE_H

#include <sys/resource.h>

#include "cmd/pyvm/object.h"

/* A resource.struct_rusage holding ru. */
Obj *vm_rusage_new(const struct rusage *ru) LS_MUST_CHECK;

#endif
