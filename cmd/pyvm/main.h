/* cmd/pyvm/main.h: pyvm's command line (nothing to export: the program's
 * entry point is main()).
 *
 * Stage: pyvm.  reads: a binary code object (formats/code.md) written by
 * pyasm; writes: whatever the program prints.
 */
#ifndef VM_MAIN_H
#define VM_MAIN_H

#include <stdbool.h>

/* sys.argv[0] and the program's arguments, as given on the command line. */
extern const char *vm_argv0;
extern char **vm_args;
extern int vm_nargs;

/* -W options (pyvm --warnoption ARG, as pyrun passes python3's -W): they
 * follow PYTHONWARNINGS's in sys.warnoptions. */
extern const char **vm_warnoptions;
extern int vm_nwarnoptions;

/* SIGPIPE was at its default when pyvm started (main.c then ignores it,
 * as CPython): a closed stdout then still ends pyvm quietly by SIGPIPE
 * (vm_stdout_check), while other pipes raise BrokenPipeError. */
extern bool vm_sigpipe_was_default;

#endif
