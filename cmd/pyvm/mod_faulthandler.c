/* cmd/pyvm/mod_faulthandler.c: the faulthandler module: dump_traceback
 * (CPython's layout: "Current thread 0x... (most recent call first):" or
 * "Stack (most recent call first):", then '  File "f", line N in name'
 * lines, innermost first), enable/disable/is_enabled, register/unregister
 * (dump on a signal) and the _sigsegv/_sigabrt/_sigfpe test helpers.
 *
 * Stage: pyvm.  The dumps are written in Python (the module's source
 * below) from sys._getframe, straight to the file's descriptor as
 * CPython's.  enable() installs C handlers for SIGSEGV, SIGFPE, SIGABRT,
 * SIGBUS and SIGILL that write "Fatal Python error: Segmentation fault"
 * (and the like) to the descriptor and die of the signal; they do not
 * walk the Python stack.  dump_traceback_later checks its arguments, then
 * raises NotImplementedError: a watchdog needs the other threads' frames
 * (sys._current_frames), which pyvm does not have yet.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fdarg.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/module.h"

/* The fatal signals enable() handles, with CPython's names for them. */
static const struct {
    int sig;                /* the signal */
    const char *name;       /* what "Fatal Python error: " names */
} fatal_sigs[] = {
    {SIGBUS, "Bus error"}, {SIGILL, "Illegal instruction"},
    {SIGFPE, "Floating point exception"}, {SIGABRT, "Aborted"},
    {SIGSEGV, "Segmentation fault"},
};
#define N_FATAL (sizeof fatal_sigs / sizeof *fatal_sigs)

static volatile sig_atomic_t fatal_fd = -1;    /* where the handlers write; -1: off */
static struct sigaction fatal_old[N_FATAL];     /* the handlers enable() replaced */
static bool fatal_installed;

/* The handler: one line, then the signal again, at its default action
 * (CPython puts the previous handler back; the default is what that is
 * outside a sanitizer, whose own handler would exit 1 instead) */
static void fatal_handler(int sig)
{
    size_t i = 0;
    while (i < N_FATAL && fatal_sigs[i].sig != sig)
        i++;
    int fd = fatal_fd;
    if (fd >= 0 && i < N_FATAL) {
        static const char head[] = "Fatal Python error: ";
        ssize_t rc = write(fd, head, sizeof head - 1);
        rc = write(fd, fatal_sigs[i].name, strlen(fatal_sigs[i].name));
        rc = write(fd, "\n\n", 2);
        (void)rc;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/* _enable_fatal(fd): install the handlers (once), writing to fd */
static Obj *fh_enable_fatal(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd;
    if (vm_nokw("_enable_fatal", kwnames) < 0 || vm_argc("_enable_fatal", nargs, 1, 1) < 0
        || vm_cint_arg(args[0], &fd) < 0)
        return NULL;
    fatal_fd = fd;
    if (!fatal_installed) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fatal_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_NODEFER;
        for (size_t i = 0; i < N_FATAL; i++)
            sigaction(fatal_sigs[i].sig, &sa, &fatal_old[i]);
        fatal_installed = true;
    }
    return vm_newref(VM_NONE);
}

/* _disable_fatal(): put the old handlers back */
static Obj *fh_disable_fatal(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    fatal_fd = -1;
    if (fatal_installed) {
        for (size_t i = 0; i < N_FATAL; i++)
            sigaction(fatal_sigs[i].sig, &fatal_old[i], NULL);
        fatal_installed = false;
    }
    return vm_newref(VM_NONE);
}

/* _sigsegv(), _sigabrt(), _sigfpe(): die of the signal (tests) */
static Obj *raise_sig(int sig)
{
    fflush(stdout);
    fflush(stderr);
    raise(sig);
    return vm_newref(VM_NONE);
}

static Obj *fh_sigsegv(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return raise_sig(SIGSEGV);
}

static Obj *fh_sigabrt(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return raise_sig(SIGABRT);
}

static Obj *fh_sigfpe(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return raise_sig(SIGFPE);
}

static const char faulthandler_src[] =
    "import sys as _sys\n"
    "import posix as _posix\n"
    "_enabled = False\n"
    "_file = None\n"
    "_registered = {}\n"
    "_MAX_DEPTH = 100\n"
    "\n"
    "def _get_fileno(file):\n"
    "    if file is None:\n"
    "        file = _sys.stderr\n"
    "        if file is None:\n"
    "            raise RuntimeError('sys.stderr is None')\n"
    "    elif isinstance(file, int):\n"
    "        if file < 0:  # (sic: CPython 3.11's spelling)\n"
    "            raise ValueError('file is not a valid file descripter')\n"
    "        return file, None\n"
    "    fd = file.fileno()\n"
    "    if not isinstance(fd, int):\n"
    "        raise RuntimeError('file.fileno() is not a valid file descriptor')\n"
    "    if fd < 0:\n"
    "        raise ValueError('file is not a valid file descriptor')\n"
    "    try:\n"
    "        file.flush()\n"
    "    except Exception:\n"
    "        pass\n"
    "    return fd, file\n"
    "\n"
    "def _write(fd, text):\n"
    "    try:\n"
    "        _posix.write(fd, text.encode('utf-8', 'backslashreplace'))\n"
    "    except OSError:\n"
    "        pass\n"
    "\n"
    "def _dump(fd, frame, all_threads):\n"
    "    if all_threads:\n"
    "        import _thread\n"
    "        out = ['Current thread 0x%016x (most recent call first):\\n' % _thread.get_ident()]\n"
    "    else:\n"
    "        out = ['Stack (most recent call first):\\n']\n"
    "    depth = 0\n"
    "    if frame is None:\n"
    "        out.append('  <no Python frame>\\n')\n"
    "    while frame is not None:\n"
    "        if depth >= _MAX_DEPTH:\n"
    "            out.append('  ...\\n')\n"
    "            break\n"
    "        code = frame.f_code\n"
    "        line = frame.f_lineno\n"
    "        out.append('  File \"%s\", line %s in %s\\n' % (\n"
    "            code.co_filename, '?' * 3 if line is None or line < 0 else line, code.co_name))\n"
    "        frame = frame.f_back\n"
    "        depth += 1\n"
    "    _write(fd, ''.join(out))\n"
    "\n"
    "def _caller():\n"
    "    # the innermost frame outside this module (pyvm hides this module's\n"
    "    # frames from sys._getframe's count, as CPython has none)\n"
    "    f = _sys._getframe(0)\n"
    "    while f is not None and f.f_code.co_filename == '<frozen faulthandler>':\n"
    "        f = f.f_back\n"
    "    return f\n"
    "\n"
    "def dump_traceback(file=None, all_threads=True):\n"
    "    fd, _ = _get_fileno(file)\n"
    "    _dump(fd, _caller(), all_threads)\n"
    "\n"
    "def enable(file=None, all_threads=True):\n"
    "    global _enabled, _file\n"
    "    fd, f = _get_fileno(file)\n"
    "    _file = f\n"
    "    _enabled = True\n"
    "    _enable_fatal(fd)\n"
    "\n"
    "def disable():\n"
    "    global _enabled, _file\n"
    "    was = _enabled\n"
    "    _enabled = False\n"
    "    _file = None\n"
    "    _disable_fatal()\n"
    "    return was\n"
    "\n"
    "def is_enabled():\n"
    "    return _enabled\n"
    "\n"
    "def dump_traceback_later(timeout, repeat=False, file=None, exit=False):\n"
    "    if timeout <= 0:\n"
    "        raise ValueError('timeout must be greater than 0')\n"
    "    _get_fileno(file)\n"
    "    raise NotImplementedError('faulthandler.dump_traceback_later is not supported yet')\n"
    "\n"
    "def cancel_dump_traceback_later():\n"
    "    pass\n"
    "\n"
    "def _check_signum(signum):\n"
    "    if signum < 1 or signum >= 65:\n"
    "        raise ValueError('signal number out of range')\n"
    "\n"
    "def register(signum, file=None, all_threads=True, chain=False):\n"
    "    import signal\n"
    "    _check_signum(signum)\n"
    "    if signum in (signal.SIGSEGV, signal.SIGFPE, signal.SIGABRT, signal.SIGBUS,\n"
    "                  signal.SIGILL):\n"
    "        raise RuntimeError('signal %d cannot be registered, use enable() instead'\n"
    "                           % signum)\n"
    "    fd, f = _get_fileno(file)\n"
    "    def handler(sig, frame):\n"
    "        _dump(fd, frame, all_threads)\n"
    "        if chain and callable(previous):\n"
    "            previous(sig, frame)\n"
    "    if signum in _registered:\n"
    "        previous = _registered[signum][0]\n"
    "    else:\n"
    "        previous = signal.getsignal(signum)\n"
    "    signal.signal(signum, handler)\n"
    "    _registered[signum] = (previous, f)\n"
    "\n"
    "def unregister(signum):\n"
    "    import signal\n"
    "    _check_signum(signum)\n"
    "    if signum not in _registered:\n"
    "        return False\n"
    "    previous, _ = _registered.pop(signum)\n"
    "    signal.signal(signum, previous)\n"
    "    return True\n";

Obj *vm_mod_faulthandler(void)
{
    Obj *m = vm_module_new("faulthandler");
    if (!m)
        return NULL;
    vm_module_add_func(m, "_enable_fatal", fh_enable_fatal);
    vm_module_add_func(m, "_disable_fatal", fh_disable_fatal);
    vm_module_add_func(m, "_sigsegv", fh_sigsegv);
    vm_module_add_func(m, "_sigabrt", fh_sigabrt);
    vm_module_add_func(m, "_sigfpe", fh_sigfpe);
    if (vm_frozen_exec(m, "faulthandler", faulthandler_src) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
