/* cmd/pyvm/mod_signal.c: the _signal module behind the standard library's
 * signal.py, and the delivery of signals to Python handlers.
 *
 * Stage: pyvm.  signal(n, handler) with a callable installs the C handler
 * vm_signal_trip, which only records that n arrived (a flag per signal,
 * one flag for any, and the eval breaker vm_sigint_pending).  The eval loop
 * sees the breaker at its check points (RESUME, backward jumps, after a
 * call into C, taken conditional jumps) and calls vm_eval_breaker; C
 * functions interrupted by a signal (EINTR: time.sleep, os.read, file
 * reads and writes, input(), waitpid, pause, sigtimedwait) call
 * vm_signal_check and then retry (PEP 475).  Either runs handler(signum,
 * frame) for each recorded signal in number order, in the interrupted
 * frame; an exception the handler raises propagates from there.  SIGINT
 * is caught from start-up (main.c) with no Python handler recorded: its
 * arrival raises KeyboardInterrupt, as CPython's default_int_handler.
 *
 * Also: getsignal, default_int_handler, alarm, pause, setitimer and
 * getitimer (ItimerError), raise_signal, pthread_kill, pthread_sigmask,
 * sigpending, sigwait, sigwaitinfo, sigtimedwait (struct_siginfo),
 * siginterrupt, set_wakeup_fd, strsignal,
 * valid_signals and the SIG* constants; signal.py builds its enums on
 * them.  Handlers run in the main thread only (gil.h): another thread
 * that sees the breaker leaves the signals recorded.
 */
#include "cmd/pyvm/mod_signal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "cmd/pyvm/alloc.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/frame.h"
#include "cmd/pyvm/gil.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/set.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/structseq.h"
#include "cmd/pyvm/tuple.h"

/* The signal constants CPython's _signal has on Linux. */
static const struct {
    const char *name;       /* "SIGINT" */
    int value;              /* its number here */
} sig_consts[] = {
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
#ifdef SIGSTKFLT
    {"SIGSTKFLT", SIGSTKFLT},
#endif
    {"SIGCHLD", SIGCHLD},
#ifdef SIGCLD
    {"SIGCLD", SIGCLD},
#endif
    {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN},
    {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
    {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH},
#ifdef SIGIO
    {"SIGIO", SIGIO},
#endif
#ifdef SIGPOLL
    {"SIGPOLL", SIGPOLL},
#endif
#ifdef SIGPWR
    {"SIGPWR", SIGPWR},
#endif
    {"SIGSYS", SIGSYS},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    {"SIG_DFL", 0}, {"SIG_IGN", 1}, {"NSIG", NSIG},
    {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
    {"ITIMER_PROF", ITIMER_PROF},
};

/* signal.ItimerError: an OSError subclass named itimer_error, as CPython's
 * (made once by Python code, then kept in sig_itimer_error). */
static const char signal_src[] =
    "class itimer_error(OSError):\n"
    "    __module__ = 'signal'\n"
    "ItimerError = itimer_error\n"
    "del itimer_error\n";

/* ---- the state: what arrived, and who handles it ---- */

static volatile sig_atomic_t sig_tripped[NSIG];  /* signal n arrived, handler not yet run */
static volatile sig_atomic_t sig_any;            /* some sig_tripped[n] is set */
static volatile sig_atomic_t sig_wakeup = -1;    /* set_wakeup_fd's fd, or -1 */
static Obj *sig_handler[NSIG];      /* what signal() installed (a reference): a callable, or
                                       the int 0 (SIG_DFL) or 1 (SIG_IGN); NULL: never set */
static Obj *sig_itimer_error;       /* the ItimerError class (a reference) */
static Obj *sig_default_int;        /* the default_int_handler builtin (a reference) */

void vm_signal_trip(int sig)
{
    int saved = errno;
    if (sig > 0 && sig < NSIG)
        sig_tripped[sig] = 1;
    sig_any = 1;
    /* the allocator's MemoryError request stays: the breaker sees both */
    if (vm_sigint_pending != VM_PENDING_NOMEM)
        vm_sigint_pending = 1;
    int fd = sig_wakeup;
    if (fd >= 0) {
        unsigned char b = (unsigned char)sig;
        ssize_t w = write(fd, &b, 1);
        (void)w;
    }
    errno = saved;
}

/* handler is the int 0 or 1 (SIG_DFL, SIG_IGN) exactly, as CPython
 * compares (not True, not Handlers.SIG_IGN) */
static int handler_int(Obj *h)
{
    if (TYPE(h) != &vm_int_type || !INT_IS_SMALL(h))
        return -1;
    int64_t v = INT_SMALL(h);
    return v == 0 || v == 1 ? (int)v : -1;
}

int vm_signal_check(void)
{
    /* not while an exception is on its way (a write interrupted as a
     * traceback is printed): the next check runs them */
    if (!sig_any || vm_err_occurred())
        return 0;
    if (!vm_thread_is_main())   /* the main thread runs them when it next takes the GIL */
        return 0;
    sig_any = 0;
    for (int i = 1; i < NSIG; i++) {
        if (!sig_tripped[i])
            continue;
        sig_tripped[i] = 0;
        Obj *h = sig_handler[i];
        if (!h) {
            if (i != SIGINT)
                continue;
            vm_err_set((Obj *)&vm_exc_KeyboardInterrupt);   /* start-up SIGINT */
            goto failed;
        }
        if (handler_int(h) >= 0)    /* set to SIG_DFL/SIG_IGN since it arrived */
            continue;
        Obj *frame = vm_getframe(0);
        if (!frame) {
            vm_err_clear();
            frame = vm_newref(VM_NONE);
        }
        Obj *args[2] = {vm_int_from_i64(i), frame};
        INCREF(h);                  /* the handler may replace itself */
        Obj *r = vm_call(h, args, 2, NULL);
        DECREF(h);
        DECREF(args[0]);
        DECREF(frame);
        if (!r)
            goto failed;
        DECREF(r);
    }
    return 0;
failed:
    /* the rest of the arrived signals run at the next check */
    sig_any = 1;
    if (vm_sigint_pending != VM_PENDING_NOMEM)
        vm_sigint_pending = 1;
    return -1;
}

int vm_eval_breaker(void)
{
    if (vm_mem_check_pending() < 0) {
        if (sig_any)
            vm_sigint_pending = 1;
        return -1;
    }
    vm_sigint_pending = 0;
    vm_gil_breaker();       /* another thread asked for the GIL (gil.h) */
    return vm_signal_check();
}

/* ---- arguments ---- */

/* o as a C int (CPython's "i" converter): TypeError for a non-integer,
 * OverflowError outside int. */
static int c_int(Obj *o, int *out)
{
    Obj *i = vm_number_index(o);
    if (!i)
        return -1;
    int64_t v = 0;
    bool ok = INT_IS_SMALL(i) && INT_SMALL(i) >= INT_MIN && INT_SMALL(i) <= INT_MAX;
    if (ok)
        v = INT_SMALL(i);
    DECREF(i);
    if (!ok) {
        vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* A signal number argument: an int in 1..NSIG-1. */
static int sig_number(Obj *o, int *out)
{
    if (c_int(o, out) < 0)
        return -1;
    if (*out < 1 || *out >= NSIG) {
        vm_err_str(&vm_exc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

/* warnings.warn(msg, RuntimeWarning), from the running Python frame;
 * -1 when it raised (warnings made errors). */
static int runtime_warning(const char *msg)
{
    Obj *mod = vm_import_abs(vm_str_intern("warnings", 8));
    if (!mod)
        return -1;
    Obj *warn = vm_getattr(mod, vm_str_intern("warn", 4));
    DECREF(mod);
    if (!warn)
        return -1;
    Obj *a[2] = {vm_str_cstr(msg), (Obj *)&vm_exc_RuntimeWarning};
    Obj *r = a[0] ? vm_call(warn, a, 2, NULL) : NULL;
    XDECREF(a[0]);
    DECREF(warn);
    if (!r)
        return -1;
    DECREF(r);
    return 0;
}

/* A set of signals (an iterable of signal numbers) as a sigset_t. */
static int sigset_arg(Obj *o, sigset_t *mask)
{
    sigemptyset(mask);
    Obj *it = vm_iter(o);
    if (!it)
        return -1;
    Obj *x;
    while ((x = vm_next(it))) {
        int s;
        int rc = c_int(x, &s);
        DECREF(x);
        if (rc == 0 && (s < 1 || s >= NSIG)) {
            vm_err_fmt(&vm_exc_ValueError, "signal number %d out of range [1; %d]", s, NSIG - 1);
            rc = -1;
        }
        if (rc < 0) {
            DECREF(it);
            return -1;
        }
        /* the C library's own signals (32, 33) are refused: left out
         * with CPython's warning (range(1, NSIG) stays usable) */
        if (sigaddset(mask, s) < 0) {
            char msg[80];
            snprintf(msg, sizeof msg, "invalid signal number %d, please use valid_signals()", s);
            if (runtime_warning(msg) < 0) {
                DECREF(it);
                return -1;
            }
        }
    }
    DECREF(it);
    return vm_err_occurred() ? -1 : 0;
}

/* The signals of mask as a set of ints. */
static Obj *sigset_to_set(const sigset_t *mask)
{
    Obj *set = vm_set_new(&vm_set_type);
    if (!set)
        return NULL;
    for (int i = 1; i < NSIG; i++) {
        if (sigismember(mask, i) != 1)
            continue;
        Obj *n = vm_int_from_i64(i);
        int rc = vm_set_add(set, n);
        DECREF(n);
        if (rc < 0) {
            DECREF(set);
            return NULL;
        }
    }
    return set;
}

/* ---- signal, getsignal, default_int_handler ---- */

/* What getsignal reports for a signal signal() never set: the disposition
 * pyvm started with (SIGPIPE and SIGXFSZ ignored, as CPython sets them). */
static Obj *initial_handler(int sig)
{
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) < 0)
        return vm_newref(VM_NONE);
    if (sa.sa_handler == vm_signal_trip)
        return vm_newref(sig_default_int);
    if (sa.sa_handler == SIG_IGN || sig == SIGPIPE || sig == SIGXFSZ)
        return vm_int_from_i64(1);
    if (sa.sa_handler == SIG_DFL)
        return vm_int_from_i64(0);
    return vm_newref(VM_NONE);
}

static Obj *current_handler(int sig)
{
    return sig_handler[sig] ? vm_newref(sig_handler[sig]) : initial_handler(sig);
}

/* signal(signalnum, handler, /) */
static Obj *sig_signal(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("_signal.signal", kwnames) < 0 || vm_argc("signal", nargs, 2, 2) < 0)
        return NULL;
    int sig;
    if (sig_number(args[0], &sig) < 0)
        return NULL;
    Obj *h = args[1];
    int ival = handler_int(h);
    void (*action)(int);
    if (ival == 1)
        action = SIG_IGN;
    else if (ival == 0)
        action = SIG_DFL;
    else if (TYPE(h)->call)
        action = vm_signal_trip;
    else
        return vm_err_str(&vm_exc_TypeError, "signal handler must be signal.SIG_IGN, "
                          "signal.SIG_DFL, or a callable object");
    Obj *old = current_handler(sig);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = action;     /* no SA_RESTART: calls fail with EINTR (siginterrupt) */
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) < 0) {
        DECREF(old);
        return vm_err_errno(errno, NULL);
    }
    Obj *prev = sig_handler[sig];
    sig_handler[sig] = vm_newref(h);
    XDECREF(prev);
    return old;
}

/* getsignal(signalnum, /) */
static Obj *sig_getsignal(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int sig;
    if (vm_nokw("_signal.getsignal", kwnames) < 0
        || vm_argc("_signal.getsignal", nargs, 1, 1) < 0 || sig_number(args[0], &sig) < 0)
        return NULL;
    return current_handler(sig);
}

/* default_int_handler(signalnum, frame): raises KeyboardInterrupt */
static Obj *sig_default_int_handler(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("default_int_handler", kwnames) < 0
        || vm_argc("default_int_handler", nargs, 2, 2) < 0)
        return NULL;
    vm_err_set((Obj *)&vm_exc_KeyboardInterrupt);
    return NULL;
}

/* siginterrupt(signalnum, flag, /): whether system calls the signal
 * interrupts fail with EINTR (true) or restart (false) */
static Obj *sig_siginterrupt(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int sig, flag;
    if (vm_nokw("_signal.siginterrupt", kwnames) < 0
        || vm_argc("siginterrupt", nargs, 2, 2) < 0 || sig_number(args[0], &sig) < 0
        || c_int(args[1], &flag) < 0)
        return NULL;
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) < 0)
        return vm_err_errno(errno, NULL);
    if (flag)
        sa.sa_flags &= ~SA_RESTART;
    else
        sa.sa_flags |= SA_RESTART;
    if (sigaction(sig, &sa, NULL) < 0)
        return vm_err_errno(errno, NULL);
    return vm_newref(VM_NONE);
}

/* set_wakeup_fd(fd, /, *, warn_on_full_buffer=True): the fd each caught
 * signal's number is written to (a byte); -1 for none; the old fd.  A
 * write that fails (a full pipe) is dropped silently: CPython's warning
 * for it is not printed, so warn_on_full_buffer is only checked. */
static Obj *sig_set_wakeup_fd(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"fd", "warn_on_full_buffer"};
    static const ClinicSpec spec = {"set_wakeup_fd", names, 2, 1, 1, 1};
    Obj *a[2];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int fd;
    if (c_int(a[0], &fd) < 0)
        return NULL;
    if (a[1] && vm_truth(a[1]) < 0)
        return NULL;
    if (fd != -1) {
        struct stat st;
        if (fstat(fd, &st) < 0)
            return vm_err_errno(errno, NULL);
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0)
            return vm_err_errno(errno, NULL);
        if (!(fl & O_NONBLOCK))
            return vm_err_fmt(&vm_exc_ValueError, "the fd %d must be in non-blocking mode", fd);
    }
    int old = sig_wakeup;
    sig_wakeup = fd;
    return vm_int_from_i64(old);
}

/* ---- raising and waiting ---- */

/* raise_signal(signalnum, /): its handler runs before this returns */
static Obj *sig_raise_signal(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int sig;
    if (vm_nokw("_signal.raise_signal", kwnames) < 0
        || vm_argc("_signal.raise_signal", nargs, 1, 1) < 0 || c_int(args[0], &sig) < 0)
        return NULL;
    fflush(stdout);
    fflush(stderr);
    if (raise(sig) != 0)
        return vm_err_errno(errno, NULL);
    if (vm_signal_check() < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

/* pthread_kill(thread_id, signalnum, /): the one thread is _thread's
 * get_ident() 1 */
static Obj *sig_pthread_kill(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int sig;
    if (vm_nokw("_signal.pthread_kill", kwnames) < 0
        || vm_argc("pthread_kill", nargs, 2, 2) < 0)
        return NULL;
    Obj *tid = vm_number_index(args[0]);
    if (!tid)
        return NULL;
    bool self_thread = INT_IS_SMALL(tid) && INT_SMALL(tid) == 1;
    DECREF(tid);
    if (c_int(args[1], &sig) < 0)
        return NULL;
    int err = self_thread ? pthread_kill(pthread_self(), sig) : ESRCH;
    if (err)
        return vm_err_errno(err, NULL);
    if (vm_signal_check() < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

/* pthread_sigmask(how, mask, /): the old mask, as a set */
static Obj *sig_pthread_sigmask(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int how;
    sigset_t mask, old;
    if (vm_nokw("_signal.pthread_sigmask", kwnames) < 0
        || vm_argc("pthread_sigmask", nargs, 2, 2) < 0 || c_int(args[0], &how) < 0
        || sigset_arg(args[1], &mask) < 0)
        return NULL;
    int err = pthread_sigmask(how, &mask, &old);
    if (err)
        return vm_err_errno(err, NULL);
    /* a signal just unblocked may have arrived: its handler runs now */
    if (vm_signal_check() < 0)
        return NULL;
    return sigset_to_set(&old);
}

/* sigpending(): the blocked signals that arrived, as a set */
static Obj *sig_sigpending(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("_signal.sigpending", kwnames) < 0
        || vm_argc("_signal.sigpending", nargs, 0, 0) < 0)
        return NULL;
    sigset_t mask;
    if (sigpending(&mask) < 0)
        return vm_err_errno(errno, NULL);
    return sigset_to_set(&mask);
}

/* sigwait(sigset, /): wait for one of the (blocked) signals; its number */
static Obj *sig_sigwait(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    sigset_t mask;
    if (vm_nokw("_signal.sigwait", kwnames) < 0
        || vm_argc("_signal.sigwait", nargs, 1, 1) < 0 || sigset_arg(args[0], &mask) < 0)
        return NULL;
    fflush(stdout);
    int sig = 0;
    int err = sigwait(&mask, &sig);
    if (err)
        return vm_err_errno(err, NULL);
    return vm_int_from_i64(sig);
}

static int timeval_arg(Obj *o, struct timeval *tv);

/* signal.struct_siginfo: what sigwaitinfo and sigtimedwait return */
static const char *const siginfo_fields[7] = {
    "si_signo", "si_code", "si_errno", "si_pid", "si_uid", "si_status", "si_band",
};
static const StructSeqDesc siginfo_desc = {"signal.struct_siginfo", siginfo_fields, 7, 7, true};

static Obj *siginfo_new(const siginfo_t *si)
{
    Obj *v[7] = {
        vm_int_from_i64(si->si_signo), vm_int_from_i64(si->si_code),
        vm_int_from_i64(si->si_errno), vm_int_from_i64(si->si_pid),
        vm_int_from_i64(si->si_uid), vm_int_from_i64(si->si_status),
        vm_int_from_i64(si->si_band),
    };
    return vm_structseq_new(&siginfo_desc, v);
}

/* sigwaitinfo(sigset, /) and sigtimedwait(sigset, timeout, /): wait for one
 * of the (blocked) signals; its struct_siginfo, or None when the timeout
 * passed.  A handled signal that interrupts the wait runs its handler and
 * the wait goes on for the time left (PEP 475). */
static Obj *sig_wait_common(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                            bool timed)
{
    char nokw[40];
    snprintf(nokw, sizeof nokw, "_signal.%s", fname);
    sigset_t mask;
    if (vm_nokw(nokw, kwnames) < 0
        || (timed ? vm_argc(fname, nargs, 2, 2) : vm_argc(nokw, nargs, 1, 1)) < 0
        || sigset_arg(args[0], &mask) < 0)
        return NULL;
    struct timespec left = {0, 0}, deadline = {0, 0};
    if (timed) {
        struct timeval tv;
        if (timeval_arg(args[1], &tv) < 0)
            return NULL;
        if (tv.tv_sec < 0)
            return vm_err_str(&vm_exc_ValueError, "timeout must be non-negative");
        left.tv_sec = tv.tv_sec;
        left.tv_nsec = (long)tv.tv_usec * 1000;
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        deadline.tv_sec += left.tv_sec;
        deadline.tv_nsec += left.tv_nsec;
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
    }
    fflush(stdout);
    siginfo_t si;
    for (;;) {
        int r = timed ? sigtimedwait(&mask, &si, &left) : sigwaitinfo(&mask, &si);
        if (r >= 0)
            return siginfo_new(&si);
        if (timed && errno == EAGAIN)
            return vm_newref(VM_NONE);
        if (errno != EINTR)
            return vm_err_errno(errno, NULL);
        if (vm_signal_check() < 0)
            return NULL;
        if (timed) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            left.tv_sec = deadline.tv_sec - now.tv_sec;
            left.tv_nsec = deadline.tv_nsec - now.tv_nsec;
            if (left.tv_nsec < 0) {
                left.tv_sec--;
                left.tv_nsec += 1000000000L;
            }
            if (left.tv_sec < 0)
                return vm_newref(VM_NONE);
        }
    }
}

static Obj *sig_sigwaitinfo(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return sig_wait_common("sigwaitinfo", args, nargs, kwnames, false);
}

static Obj *sig_sigtimedwait(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return sig_wait_common("sigtimedwait", args, nargs, kwnames, true);
}

/* pause(): sleep until a signal arrives, then run its handler */
static Obj *sig_pause(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("_signal.pause", kwnames) < 0 || vm_argc("_signal.pause", nargs, 0, 0) < 0)
        return NULL;
    fflush(stdout);
    pause();
    if (vm_signal_check() < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

/* alarm(seconds, /): the seconds left of the previous alarm */
static Obj *sig_alarm(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int secs;
    if (vm_nokw("_signal.alarm", kwnames) < 0 || vm_argc("_signal.alarm", nargs, 1, 1) < 0
        || c_int(args[0], &secs) < 0)
        return NULL;
    return vm_int_from_i64(alarm((unsigned)secs));
}

/* ---- interval timers ---- */

/* ItimerError(err, strerror(err)) raised */
static Obj *itimer_error(int err)
{
    Obj *a[2] = {vm_int_from_i64(err), vm_str_cstr(strerror(err))};
    Obj *e = vm_call(sig_itimer_error, a, 2, NULL);
    DECREF(a[0]);
    DECREF(a[1]);
    if (e) {
        vm_err_set(e);
        DECREF(e);
    }
    return NULL;
}

/* A seconds argument (int or float) as a timeval, rounded up to the
 * microsecond, as CPython's setitimer; negative ones stay negative (the
 * system refuses them). */
static int timeval_arg(Obj *o, struct timeval *tv)
{
    double d;
    if (FLOAT_CHECK(o)) {
        d = FLOAT_VAL(o);
    } else {
        Obj *i = vm_number_index(o);
        if (!i)
            return -1;
        int rc = vm_int_as_double(i, &d);
        DECREF(i);
        if (rc < 0)
            return -1;
    }
    if (isnan(d)) {
        vm_err_str(&vm_exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    if (!(fabs(d) < 9.2e9)) {
        vm_err_str(&vm_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    double secs = floor(d);
    double us = ceil((d - secs) * 1e6);
    if (us >= 1e6) {
        secs += 1;
        us -= 1e6;
    }
    tv->tv_sec = (time_t)secs;
    tv->tv_usec = (suseconds_t)us;
    return 0;
}

/* (delay, interval) of a timer as floats */
static Obj *itimer_tuple(const struct itimerval *v)
{
    Obj *o[2] = {
        vm_float_new((double)v->it_value.tv_sec + (double)v->it_value.tv_usec / 1e6),
        vm_float_new((double)v->it_interval.tv_sec + (double)v->it_interval.tv_usec / 1e6),
    };
    Obj *t = o[0] && o[1] ? vm_tuple_from(o, 2) : NULL;
    XDECREF(o[0]);
    XDECREF(o[1]);
    return t;
}

/* setitimer(which, seconds, interval=0.0, /): the old (delay, interval) */
static Obj *sig_setitimer(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int which;
    struct itimerval nv, old;
    memset(&nv, 0, sizeof nv);
    if (vm_nokw("_signal.setitimer", kwnames) < 0 || vm_argc("setitimer", nargs, 2, 3) < 0
        || c_int(args[0], &which) < 0 || timeval_arg(args[1], &nv.it_value) < 0
        || (nargs > 2 && timeval_arg(args[2], &nv.it_interval) < 0))
        return NULL;
    if (setitimer(which, &nv, &old) < 0)
        return itimer_error(errno);
    return itimer_tuple(&old);
}

/* getitimer(which, /): (delay, interval) */
static Obj *sig_getitimer(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int which;
    struct itimerval v;
    if (vm_nokw("_signal.getitimer", kwnames) < 0
        || vm_argc("_signal.getitimer", nargs, 1, 1) < 0 || c_int(args[0], &which) < 0)
        return NULL;
    if (getitimer(which, &v) < 0)
        return itimer_error(errno);
    return itimer_tuple(&v);
}

/* ---- names ---- */

/* strsignal(signalnum, /): the system's description, None when unknown */
static Obj *sig_strsignal(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int sig;
    if (vm_nokw("_signal.strsignal", kwnames) < 0
        || vm_argc("_signal.strsignal", nargs, 1, 1) < 0 || sig_number(args[0], &sig) < 0)
        return NULL;
    errno = 0;
    const char *s = strsignal(sig);
    if (errno || !s || strstr(s, "Unknown signal"))
        return vm_newref(VM_NONE);
    return vm_str_cstr(s);
}

/* valid_signals(): every signal number this system accepts */
static Obj *sig_valid_signals(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("_signal.valid_signals", kwnames) < 0
        || vm_argc("_signal.valid_signals", nargs, 0, 0) < 0)
        return NULL;
    sigset_t mask;
    sigfillset(&mask);
    return sigset_to_set(&mask);
}

Obj *vm_mod__signal(void)
{
    Obj *m = vm_module_new("_signal");
    if (!m)
        return NULL;
    for (size_t i = 0; i < sizeof sig_consts / sizeof sig_consts[0]; i++) {
        Obj *v = vm_int_from_i64(sig_consts[i].value);
        vm_module_add(m, sig_consts[i].name, v);
        DECREF(v);
    }
    Type *sit = vm_structseq_type(&siginfo_desc);
    if (!sit) {
        DECREF(m);
        return NULL;
    }
    vm_module_add(m, "struct_siginfo", (Obj *)sit);
    Obj *rt = vm_int_from_i64(SIGRTMIN);
    vm_module_add(m, "SIGRTMIN", rt);
    DECREF(rt);
    rt = vm_int_from_i64(SIGRTMAX);
    vm_module_add(m, "SIGRTMAX", rt);
    DECREF(rt);
    static const struct {
        const char *name;   /* the Python name */
        CFunc fn;           /* its C function */
    } funcs[] = {
        {"signal", sig_signal}, {"getsignal", sig_getsignal},
        {"default_int_handler", sig_default_int_handler},
        {"siginterrupt", sig_siginterrupt}, {"set_wakeup_fd", sig_set_wakeup_fd},
        {"raise_signal", sig_raise_signal}, {"pthread_kill", sig_pthread_kill},
        {"pthread_sigmask", sig_pthread_sigmask}, {"sigpending", sig_sigpending},
        {"sigwait", sig_sigwait}, {"pause", sig_pause}, {"alarm", sig_alarm},
        {"setitimer", sig_setitimer}, {"getitimer", sig_getitimer},
        {"strsignal", sig_strsignal}, {"valid_signals", sig_valid_signals},
        {"sigwaitinfo", sig_sigwaitinfo}, {"sigtimedwait", sig_sigtimedwait},
    };
    for (size_t i = 0; i < sizeof funcs / sizeof funcs[0]; i++)
        vm_module_add_func(m, funcs[i].name, funcs[i].fn);
    Obj *dih = vm_getattr(m, vm_str_intern("default_int_handler", 19));
    if (!dih || vm_frozen_exec(m, "_signal", signal_src) < 0) {
        XDECREF(dih);
        DECREF(m);
        return NULL;
    }
    Obj *ie = vm_getattr(m, vm_str_intern("ItimerError", 11));
    if (!ie) {
        DECREF(dih);
        DECREF(m);
        return NULL;
    }
    /* a second import (the module deleted from sys.modules) replaces them */
    XDECREF(sig_default_int);
    sig_default_int = dih;
    XDECREF(sig_itimer_error);
    sig_itimer_error = ie;
    return m;
}
