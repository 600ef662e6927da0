/* cmd/pyvm/gil.c: the global interpreter lock and the thread states
 * (gil.h).
 *
 * Stage: pyvm.  The GIL is a flag (locked) guarded by a mutex, with two
 * condition variables: `released`, signalled when the holder drops it, and
 * `taken`, signalled when some thread took it (a count of switches tells a
 * waiter whether anybody got it meanwhile).  A waiter sleeps on `released`
 * for the switch interval; when that passes with no switch, it sets the
 * drop request and the eval breaker.  The holder drops at its next check
 * point and, if a drop was requested, sleeps on `taken` until another
 * thread got the GIL, so a busy thread cannot take it straight back.
 */
#include "cmd/pyvm/gil.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cmd/pyvm/alloc.h"

double vm_switch_interval = 0.005;

static struct {
    pthread_mutex_t mu;         /* guards the fields below */
    pthread_cond_t released;    /* signalled when the GIL is dropped */
    pthread_cond_t taken;       /* signalled when a thread took it */
    bool locked;                /* some thread holds it */
    unsigned long switches;     /* times it was taken */
    int waiters;                /* threads waiting for it */
    bool finalizing;            /* the interpreter is ending */
} gil = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER,
         true, 0, 0, false};

static atomic_int drop_request;     /* a waiter wants the holder to drop it */
static atomic_bool enabled;         /* threading is on */
static VmThread main_thread;        /* the main thread's state */
static VmThread *main_t = &main_thread; /* the main thread (the forking one after fork) */
static VmThread *threads = &main_thread;/* the living threads */
static _Thread_local VmThread *tcur = &main_thread; /* the running thread */

static void set_breaker(void)
{
    if (vm_sigint_pending != VM_PENDING_NOMEM)
        vm_sigint_pending = 1;
}

/* A deadline `secs` from now on CLOCK_MONOTONIC (the condvars' clock). */
static struct timespec deadline_in(double secs)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    long ns = (long)(secs * 1e9);
    if (ns < 1000)
        ns = 1000;
    ts.tv_sec += ns / 1000000000L;
    ts.tv_nsec += ns % 1000000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    return ts;
}

static void init_conds(void)
{
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&gil.released, &a);
    pthread_cond_init(&gil.taken, &a);
    pthread_condattr_destroy(&a);
}

void vm_gil_enable(void)
{
    if (atomic_load(&enabled))
        return;
    init_conds();
    (void)vm_thread_current();     /* fills in the main thread's ids */
    gil.locked = true;
    atomic_store(&enabled, true);
}

bool vm_gil_enabled(void)
{
    return atomic_load(&enabled);
}

static void save_state(VmThread *t)
{
    vm_eval_state_save(&t->eval);
    t->exc = vm_exc;
}

static void load_state(VmThread *t)
{
    vm_eval_state_load(&t->eval);
    vm_exc = t->exc;
    tcur = t;
    if (t == main_t)
        set_breaker();      /* signals that arrived meanwhile run now (main thread only) */
}

/* Take the GIL (the mutex is not held). */
static void take(VmThread *t)
{
    pthread_mutex_lock(&gil.mu);
    if (gil.locked || gil.finalizing) {
        gil.waiters++;
        while (gil.locked || (gil.finalizing && t != main_t)) {
            if (gil.finalizing && t != main_t) {
                /* the interpreter is ending: this thread never runs again */
                pthread_cond_wait(&gil.released, &gil.mu);
                continue;
            }
            unsigned long seen = gil.switches;
            struct timespec dl = deadline_in(vm_switch_interval);
            int rc = pthread_cond_timedwait(&gil.released, &gil.mu, &dl);
            if (rc == ETIMEDOUT && gil.locked && gil.switches == seen) {
                atomic_store(&drop_request, 1);
                set_breaker();
            }
        }
        gil.waiters--;
    }
    gil.locked = true;
    gil.switches++;
    atomic_store(&drop_request, 0);
    pthread_cond_broadcast(&gil.taken);
    pthread_mutex_unlock(&gil.mu);
    load_state(t);
}

/* Drop the GIL; force: wait until another thread took it (a drop
 * request is being answered). */
static void drop(bool force)
{
    pthread_mutex_lock(&gil.mu);
    gil.locked = false;
    if (gil.finalizing)     /* the stopped threads wait on it too: reach the main one */
        pthread_cond_broadcast(&gil.released);
    else
        pthread_cond_signal(&gil.released);
    if (force && gil.waiters > 0) {
        unsigned long seen = gil.switches;
        while (gil.switches == seen && gil.waiters > 0 && !gil.finalizing)
            pthread_cond_wait(&gil.taken, &gil.mu);
    }
    pthread_mutex_unlock(&gil.mu);
}

void vm_gil_release(void)
{
    if (!atomic_load_explicit(&enabled, memory_order_relaxed))
        return;
    VmThread *t = tcur;
    save_state(t);
    drop(false);
}

void vm_gil_acquire(void)
{
    if (!atomic_load_explicit(&enabled, memory_order_relaxed))
        return;
    take(tcur);
}

void vm_gil_breaker(void)
{
    if (!atomic_load(&drop_request))
        return;
    VmThread *t = tcur;
    save_state(t);
    drop(true);
    take(t);
}

void vm_gil_thread_begin(VmThread *t)
{
    tcur = t;
    t->ident = (unsigned long)pthread_self();
    t->native_id = (long)syscall(SYS_gettid);
    take(t);
    /* the list is changed with the GIL held */
    t->prev = NULL;
    t->next = threads;
    threads->prev = t;
    threads = t;
}

void vm_gil_thread_end(VmThread *t)
{
    /* its frame stack is empty: give back its chunks */
    vm_eval_state_save(&t->eval);
    free(t->eval.chunk_top);
    free(t->eval.chunk_spare);
    free(t->eval.trace);
    t->eval.chunk_top = t->eval.chunk_spare = NULL;
    t->eval.trace = NULL;
    if (t->prev)
        t->prev->next = t->next;
    else
        threads = t->next;
    if (t->next)
        t->next->prev = t->prev;
    drop(false);
}

VmThread *vm_thread_current(void)
{
    VmThread *t = tcur;
    if (t == &main_thread && !main_thread.ident) {
        main_thread.ident = (unsigned long)pthread_self();
        main_thread.native_id = (long)syscall(SYS_gettid);
    }
    return t;
}

bool vm_thread_is_main(void)
{
    return tcur == main_t;
}

VmThread *vm_thread_first(void)
{
    return threads;
}

void vm_gil_finalize(void)
{
    if (!atomic_load(&enabled))
        return;
    pthread_mutex_lock(&gil.mu);
    gil.finalizing = true;
    pthread_mutex_unlock(&gil.mu);
}

void vm_gil_after_fork_child(void)
{
    if (!atomic_load(&enabled))
        return;
    /* the mutex may have been held by a thread that does not exist here */
    pthread_mutex_init(&gil.mu, NULL);
    init_conds();
    gil.locked = true;
    gil.waiters = 0;
    atomic_store(&drop_request, 0);
    VmThread *t = tcur;
    t->ident = (unsigned long)pthread_self();
    t->native_id = (long)syscall(SYS_gettid);
    /* the other threads' states are gone with their threads (their
     * memory is lost, as CPython's) */
    t->next = t->prev = NULL;
    threads = t;
    main_t = t;
}

/* ---- blocking calls without the GIL ---- */

#define BLOCKING(type, call) do { \
        vm_gil_release(); \
        type r_ = (call); \
        int e_ = errno; \
        vm_gil_acquire(); \
        errno = e_; \
        return r_; \
    } while (0)

ssize_t vm_blocking_read(int fd, void *buf, size_t n)
{
    BLOCKING(ssize_t, read(fd, buf, n));
}

ssize_t vm_blocking_write(int fd, const void *buf, size_t n)
{
    BLOCKING(ssize_t, write(fd, buf, n));
}

pid_t vm_blocking_waitpid(pid_t pid, int *status, int options)
{
    BLOCKING(pid_t, waitpid(pid, status, options));
}

pid_t vm_blocking_wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
    BLOCKING(pid_t, wait4(pid, status, options, ru));
}

int vm_blocking_nanosleep(const struct timespec *req, struct timespec *rem)
{
    BLOCKING(int, nanosleep(req, rem));
}

int vm_blocking_select(int n, fd_set *r, fd_set *w, fd_set *x, struct timeval *tv)
{
    BLOCKING(int, select(n, r, w, x, tv));
}

int vm_blocking_poll(struct pollfd *fds, nfds_t n, int ms)
{
    BLOCKING(int, poll(fds, n, ms));
}

int vm_blocking_epoll_wait(int epfd, struct epoll_event *evs, int max, int ms)
{
    BLOCKING(int, epoll_wait(epfd, evs, max, ms));
}
