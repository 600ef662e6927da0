/* cmd/pyvm/mod_signal.c: the _signal module behind the standard library's
 * signal.py (imported by unittest, subprocess, asyncio): the SIG*
 * constants of this system, SIG_DFL/SIG_IGN, getsignal/signal,
 * default_int_handler, raise_signal, strsignal, alarm.
 *
 * Stage: pyvm.  The bookkeeping is Python (import_frozen.c); the C
 * functions set a signal's disposition to default or ignore, raise a
 * signal, and name one.  pyvm's eval loop has no point where a Python
 * signal handler could run, so signal() with a Python function raises
 * NotImplementedError ("not supported yet") instead of installing a
 * handler that would never be called; SIG_DFL, SIG_IGN and
 * default_int_handler (pyvm's own KeyboardInterrupt, main.c) are accepted.
 */
#include "cmd/pyvm/module.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"

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
};

static const char signal_src[] =
    "SIG_DFL = 0\n"
    "SIG_IGN = 1\n"
    "_handlers = {}\n"
    "def _check(signalnum):\n"
    "    if not isinstance(signalnum, int):\n"
    "        raise TypeError(\"'%s' object cannot be interpreted as an integer\"\n"
    "                        % type(signalnum).__name__)\n"
    "    if signalnum < 1 or signalnum >= NSIG:\n"
    "        raise ValueError('signal number out of range')\n"
    "def getsignal(signalnum, /):\n"
    "    \"\"\"Return the current action for the given signal.\"\"\"\n"
    "    _check(signalnum)\n"
    "    if signalnum in _handlers:\n"
    "        return _handlers[signalnum]\n"
    "    how = _pyvm_disposition(signalnum, -1)\n"
    "    return default_int_handler if how == 2 else how\n"
    "def signal(signalnum, handler, /):\n"
    "    \"\"\"Set the action for the given signal.\"\"\"\n"
    "    _check(signalnum)\n"
    "    if handler is default_int_handler:\n"
    "        how = 2\n"
    "    elif isinstance(handler, int) and handler in (SIG_DFL, SIG_IGN):\n"
    "        how = int(handler)\n"
    "    elif callable(handler):\n"
    "        raise NotImplementedError('pyvm: Python signal handlers are not supported yet')\n"
    "    else:\n"
    "        raise TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, '\n"
    "                        'or a callable object')\n"
    "    old = getsignal(signalnum)\n"
    "    _pyvm_disposition(signalnum, how)\n"
    "    _handlers[signalnum] = handler\n"
    "    return old\n"
    "def strsignal(signalnum, /):\n"
    "    \"\"\"Return the system description of the given signal.\"\"\"\n"
    "    _check(signalnum)\n"
    "    return _pyvm_strsignal(signalnum)\n"
    "def valid_signals():\n"
    "    \"\"\"Return a set of valid signal numbers on this platform.\"\"\"\n"
    "    return {s for s in range(1, NSIG) if s not in (32, 33)}\n"
    "def set_wakeup_fd(fd, /, *, warn_on_full_buffer=True):\n"
    "    return -1\n";

/* The signal number argument (checked by the Python side). */
static int sig_arg(const char *fname, Obj *const *args, size_t nargs, size_t want, int *out)
{
    if (vm_argc(fname, nargs, want, want) < 0)
        return -1;
    int64_t v;
    if (vm_index(args[0], &v, fname) < 0)
        return -1;
    *out = (int)v;
    return 0;
}

/* pyvm's KeyboardInterrupt handler (main.c's): note the signal; the eval
 * loop raises KeyboardInterrupt. */
static void sig_note(int sig)
{
    (void)sig;
    vm_sigint_pending = 1;
}

/* _pyvm_disposition(signalnum, how): set how 0 SIG_DFL, 1 SIG_IGN, 2
 * default_int_handler (pyvm's KeyboardInterrupt); how -1 only reports the
 * current one in those terms (SIGPIPE and SIGXFSZ count as ignored, as
 * CPython ignores them at start-up). */
static Obj *sig_disposition(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int sig;
    int64_t how;
    if (sig_arg("_pyvm_disposition", args, nargs, 2, &sig) < 0
        || vm_index(args[1], &how, "_pyvm_disposition") < 0)
        return NULL;
    struct sigaction sa;
    if (how < 0) {
        if (sigaction(sig, NULL, &sa) < 0)
            return vm_err_errno(errno, NULL);
        if (sa.sa_handler == SIG_IGN || sig == SIGPIPE || sig == SIGXFSZ)
            return vm_int_from_i64(1);
        return vm_int_from_i64(sa.sa_handler == SIG_DFL ? 0 : 2);
    }
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = how == 2 ? sig_note : how ? SIG_IGN : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) < 0)
        return vm_err_errno(errno, NULL);
    return vm_newref(VM_NONE);
}

/* default_int_handler(signalnum, frame): a builtin, as CPython's */
static Obj *sig_default_int(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("default_int_handler", kwnames) < 0
        || vm_argc("default_int_handler", nargs, 2, 2) < 0)
        return NULL;
    vm_err_set((Obj *)&vm_exc_KeyboardInterrupt);
    return NULL;
}

/* raise_signal(signalnum): in C, so that a KeyboardInterrupt it causes is
 * raised in the caller's frame */
static Obj *sig_raise(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int sig;
    if (sig_arg("raise_signal", args, nargs, 1, &sig) < 0)
        return NULL;
    if (sig < 1 || sig >= NSIG)
        return vm_err_str(&vm_exc_ValueError, "signal number out of range");
    fflush(stdout);
    fflush(stderr);
    if (raise(sig) != 0)
        return vm_err_errno(errno, NULL);
    if (vm_sigint_pending) {    /* default_int_handler ran: raise it here */
        vm_sigint_pending = 0;
        vm_err_set((Obj *)&vm_exc_KeyboardInterrupt);
        return NULL;
    }
    return vm_newref(VM_NONE);
}

static Obj *sig_strsignal(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int sig;
    if (sig_arg("strsignal", args, nargs, 1, &sig) < 0)
        return NULL;
    const char *s = strsignal(sig);
    if (!s || strncmp(s, "Unknown signal", 14) == 0 || strncmp(s, "Real-time", 9) == 0)
        return vm_newref(VM_NONE);
    return vm_str_cstr(s);
}

static Obj *sig_alarm(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int secs;
    if (sig_arg("alarm", args, nargs, 1, &secs) < 0)
        return NULL;
    return vm_int_from_i64(alarm((unsigned)secs));
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
    static const struct {
        const char *name;   /* constant name */
        int value;          /* its value */
    } more[] = {{"NSIG", NSIG}, {"ITIMER_REAL", 0}, {"ITIMER_VIRTUAL", 1}, {"ITIMER_PROF", 2}};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
        Obj *v = vm_int_from_i64(more[i].value);
        vm_module_add(m, more[i].name, v);
        DECREF(v);
    }
    Obj *rt = vm_int_from_i64(SIGRTMIN);
    vm_module_add(m, "SIGRTMIN", rt);
    DECREF(rt);
    rt = vm_int_from_i64(SIGRTMAX);
    vm_module_add(m, "SIGRTMAX", rt);
    DECREF(rt);
    vm_module_add_func(m, "_pyvm_disposition", sig_disposition);
    vm_module_add_func(m, "raise_signal", sig_raise);
    vm_module_add_func(m, "default_int_handler", sig_default_int);
    vm_module_add_func(m, "_pyvm_strsignal", sig_strsignal);
    vm_module_add_func(m, "alarm", sig_alarm);
    if (vm_frozen_exec(m, "_signal", signal_src) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
