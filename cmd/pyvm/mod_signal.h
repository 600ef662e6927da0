/* cmd/pyvm/mod_signal.h: signals delivered to Python handlers.
 *
 * Stage: pyvm.  A signal with a Python handler (and SIGINT, whose default
 * is KeyboardInterrupt) is caught by vm_signal_trip, which only notes it
 * and sets the eval breaker (vm_sigint_pending, eval.h).  The eval loop
 * calls vm_eval_breaker at RESUME, at backward and taken conditional jumps
 * and after a call into C; C code whose system call failed with EINTR
 * calls vm_signal_check and retries when it returns 0 (PEP 475).  Handlers run in signal number
 * order, as handler(signum, frame), in the interrupted frame.
 */
#ifndef VM_MOD_SIGNAL_H
#define VM_MOD_SIGNAL_H

#include "cmd/pyvm/object.h"

/* The C handler of every caught signal (async-signal-safe): records sig,
 * sets the eval breaker, writes the wakeup fd's byte. */
void vm_signal_trip(int sig);

/* Run the Python handlers of the signals that arrived since the last
 * check: 0, or -1 with the exception a handler raised (the signals not yet
 * handled stay pending for the next check). */
int vm_signal_check(void) LS_MUST_CHECK;

/* The eval loop's slow path when vm_sigint_pending is set: MemoryError
 * when the allocator used its reserve (alloc.c), else the signal handlers;
 * 0, or -1 with the exception to raise at the current instruction. */
int vm_eval_breaker(void) LS_MUST_CHECK;

#endif
