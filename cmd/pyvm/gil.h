/* cmd/pyvm/gil.h: real threads and the global interpreter lock.
 *
 * Stage: pyvm.  Every thread that runs Python code holds the one GIL; the
 * state that belongs to a thread (its frame stack, running frame,
 * recursion depth: eval.h's VmEvalState; its pending and handled
 * exceptions: exc.h's vm_exc) lives in globals while the thread holds the
 * GIL and in its VmThread while it does not.  A thread waiting for the GIL
 * longer than the switch interval (sys.setswitchinterval) sets the drop
 * request and the eval breaker; the holder, at its next check point
 * (vm_eval_breaker), drops the GIL and waits until another thread took it.
 * C code releases the GIL around calls that may block (vm_gil_release,
 * vm_gil_acquire), touching no Python object in between.  Until the first
 * thread is started (mod_thread.c) all of this is switched off: releasing
 * and acquiring do nothing, so a single-threaded program pays nothing.
 */
#ifndef VM_GIL_H
#define VM_GIL_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/types.h>
#include <time.h>

#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"

typedef struct VmThread VmThread;
struct VmThread {
    VmEvalState eval;       /* its evaluator state, saved while it lacks the GIL */
    ExcState exc;           /* its pending and handled exceptions, saved likewise */
    unsigned long ident;    /* _thread.get_ident(): its pthread_self() */
    long native_id;         /* _thread.get_native_id(): its kernel thread id */
    Obj *dict;              /* its storage for _thread._local objects (a dict), or NULL */
    Obj *sentinel;          /* _set_sentinel()'s lock, released as it ends, or NULL */
    VmThread *next, *prev;  /* the list of living threads (the main one first) */
};

/* sys.getswitchinterval(): seconds a thread waits for the GIL before it
 * asks the holder to drop it. */
extern double vm_switch_interval;

/* Switch threading on (before the first thread starts): the caller, the
 * main thread, holds the GIL from now on. */
void vm_gil_enable(void);
/* Whether threading is on (some thread was ever started). */
bool vm_gil_enabled(void);
/* Drop and take back the GIL around a blocking call; nothing happens
 * while threading is off.  In between, touch no Python object. */
void vm_gil_release(void);
void vm_gil_acquire(void);
/* The eval breaker's part (vm_eval_breaker): when another thread asked for
 * the GIL, hand it over and wait to get it back. */
void vm_gil_breaker(void);
/* A new thread's first and last steps: register t and take the GIL;
 * unregister it and drop the GIL for good (t's state is dead by then). */
void vm_gil_thread_begin(VmThread *t);
void vm_gil_thread_end(VmThread *t);
/* The running thread; whether it is the main one (signal handlers run
 * only there). */
VmThread *vm_thread_current(void);
bool vm_thread_is_main(void);
/* The interpreter is ending: a thread other than the main one that asks
 * for the GIL from now on waits forever (daemon threads stop there). */
void vm_gil_finalize(void);
/* In the child of fork(): the forking thread is the only one, and the
 * main one. */
void vm_gil_after_fork_child(void);
/* The living threads (a list through next), for their _local storage. */
VmThread *vm_thread_first(void);

/* Blocking system calls made with the GIL released (errno kept): the
 * callers' buffers must be their own (no Python object's memory another
 * thread may resize). */
ssize_t vm_blocking_read(int fd, void *buf, size_t n);
ssize_t vm_blocking_write(int fd, const void *buf, size_t n);
pid_t vm_blocking_waitpid(pid_t pid, int *status, int options);
pid_t vm_blocking_wait4(pid_t pid, int *status, int options, struct rusage *ru);
int vm_blocking_nanosleep(const struct timespec *req, struct timespec *rem);
int vm_blocking_select(int n, fd_set *r, fd_set *w, fd_set *x, struct timeval *tv);
int vm_blocking_poll(struct pollfd *fds, nfds_t n, int ms);
int vm_blocking_epoll_wait(int epfd, struct epoll_event *evs, int max, int ms);

#endif
