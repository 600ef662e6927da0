/* cmd/pyvm/mod_posix_proc.h: the process half of the posix module: fork,
 * exec, wait, process groups and sessions, priorities, times, sysconf.
 *
 * Stage: pyvm.  mod_posix.c's module maker calls vm_posix_proc_add.
 */
#ifndef VM_MOD_POSIX_PROC_H
#define VM_MOD_POSIX_PROC_H

#include "cmd/pyvm/object.h"

/* Add the functions and constants to the posix module m; -1 with an
 * exception set on failure. */
int vm_posix_proc_add(Obj *m) LS_MUST_CHECK;

/* CPython's PyUnicode_FSConverter: str, bytes or os.PathLike -> a str or
 * bytes object without NUL bytes (a new reference), else TypeError
 * ("expected str, bytes or os.PathLike object, not int") or ValueError
 * ("embedded null byte"). */
Obj *vm_posix_fsencode(Obj *o) LS_MUST_CHECK;
/* The bytes of a str or bytes object (NUL-terminated) and their length. */
const char *vm_posix_cstr(Obj *s);
size_t vm_posix_clen(Obj *s);

/* argv for exec and posix_spawn: a non-empty tuple or list of paths whose
 * first is not empty (is_execve: "FNAME: argv ..." messages, else
 * "FNAME() arg 2 ...").  envp: "K=V" for every item of the mapping env.
 * Both return a NULL-terminated malloc'd array pointing into the objects
 * of *keep (a new list); NULL with the exception. */
char **vm_posix_exec_argv(Obj *seq, const char *fname, bool is_execve, Obj **keep);
char **vm_posix_exec_envp(Obj *env, Obj **keep);

#endif
