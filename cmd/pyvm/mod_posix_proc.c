/* cmd/pyvm/mod_posix_proc.c: the process functions of the posix module:
 * fork and register_at_fork, execv/execve, wait, wait3, wait4, waitid,
 * pipe2, closerange, process groups and sessions (getpgid, setpgid,
 * setpgrp, getsid, setsid), nice/getpriority/setpriority, times,
 * sysconf, the uid/gid setters (setreuid, setregid, setgroups, ...),
 * abort; the P_*, WEXITED..., CLD_*, PRIO_* and EX_* constants.
 *
 * Stage: pyvm.  os.py builds spawnv/spawnl/... and os.popen on these
 * (plus waitpid and the W* functions of mod_posix.c); subprocess uses
 * _posixsubprocess (mod_posixsubprocess.c).  Failing calls raise the
 * OSError subclass for errno.  Output pyvm has buffered for stdout is
 * written before fork and exec, so the parent's and the children's
 * output come in program order, as from CPython with PYTHONUNBUFFERED
 * set (as here; a buffered CPython could lose or repeat it).
 */
#include "cmd/pyvm/mod_posix_proc.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>

#include "libstage/common.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/gil.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/mod_resource.h"
#include "cmd/pyvm/mod_signal.h"
#include "cmd/pyvm/mod_thread.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/set.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/structseq.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/unraisable.h"

/* ---- argument helpers ---- */

Obj *vm_posix_fsencode(Obj *o)
{
    Obj *s;
    if (STR_CHECK(o) || BYTES_CHECK(o)) {
        s = vm_newref(o);
    } else {
        bool found = false;
        s = vm_call_special(o, "__fspath__", NULL, 0, &found);
        if (!found && !s) {
            vm_err_clear();
            return vm_err_fmt(&vm_exc_TypeError,
                              "expected str, bytes or os.PathLike object, not %s", vm_tname(o));
        }
        if (!s)
            return NULL;
        if (!STR_CHECK(s) && !BYTES_CHECK(s)) {
            vm_err_fmt(&vm_exc_TypeError, "expected %s.__fspath__() to return str or bytes, "
                       "not %s", vm_tname(o), vm_tname(s));
            DECREF(s);
            return NULL;
        }
    }
    if (memchr(vm_posix_cstr(s), '\0', vm_posix_clen(s))) {
        DECREF(s);
        return vm_err_str(&vm_exc_ValueError, "embedded null byte");
    }
    return s;
}

const char *vm_posix_cstr(Obj *s)
{
    return STR_CHECK(s) ? STR_DATA(s) : ((BytesObj *)s)->s;
}

size_t vm_posix_clen(Obj *s)
{
    return STR_CHECK(s) ? (size_t)STR_LEN(s) : (size_t)((BytesObj *)s)->len;
}

/* The path argument of fname: "execv: path should be ..." for a wrong
 * type (a new reference, or NULL). */
static Obj *path_arg(Obj *o, const char *fname)
{
    if (!STR_CHECK(o) && !BYTES_CHECK(o)) {
        bool found = false;
        Obj *r = vm_call_special(o, "__fspath__", NULL, 0, &found);
        if (!found && !r) {
            vm_err_clear();
            return vm_err_fmt(&vm_exc_TypeError, "%s: path should be string, bytes or "
                              "os.PathLike, not %s", fname, vm_tname(o));
        }
        if (!r)
            return NULL;
        DECREF(r);
    }
    Obj *s = vm_posix_fsencode(o);
    if (!s && vm_err_matches(&vm_exc_ValueError)) {
        vm_err_clear();
        vm_err_fmt(&vm_exc_ValueError, "%s: embedded null character in path", fname);
    }
    return s;
}

static int int_arg(Obj *o, int64_t *out)
{
    if (!INT_CHECK(o)) {
        vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   vm_tname(o));
        return -1;
    }
    return vm_int_as_i64(o, out);
}

/* Positional-only int arguments: exactly n of them, into v. */
static int ints(const char *name, Obj *const *args, size_t nargs, Obj *kwnames, size_t min,
                size_t max, int64_t *v)
{
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, min, max) < 0)
        return -1;
    for (size_t i = 0; i < nargs; i++)
        if (int_arg(args[i], &v[i]) < 0)
            return -1;
    return 0;
}

static Obj *none(void)
{
    return vm_newref(VM_NONE);
}

static Obj *pair(int64_t a, int64_t b)
{
    Obj *v[2] = {vm_int_from_i64(a), vm_int_from_i64(b)};
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

/* A result of 0 / -1 with errno as None or the OSError. */
static Obj *ok_or_errno(int rc)
{
    return rc < 0 ? vm_err_errno(errno, NULL) : none();
}

/* ---- fork and its hooks ---- */

/* register_at_fork's callables: before (called newest first), then
 * after_in_child / after_in_parent (oldest first). */
enum { HOOK_BEFORE, HOOK_CHILD, HOOK_PARENT, HOOK_COUNT };
static Obj *fork_hooks[HOOK_COUNT];
static const char *const hook_names[HOOK_COUNT] = {"before", "after_in_child",
                                                   "after_in_parent"};

/* register_at_fork(*, before=None, after_in_child=None, after_in_parent=None) */
static Obj *pp_register_at_fork(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    if (nargs > nkw)
        return vm_err_str(&vm_exc_TypeError, "register_at_fork() takes no positional arguments");
    Obj *given[HOOK_COUNT] = {NULL, NULL, NULL};
    for (size_t i = 0; i < nkw; i++) {
        Obj *k = TUPLE_ITEMS(kwnames)[i];
        int h = 0;
        while (h < HOOK_COUNT && !vm_str_eqc(k, hook_names[h]))
            h++;
        if (h == HOOK_COUNT)
            return vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for "
                              "register_at_fork()", STR_DATA(k));
        given[h] = args[nargs - nkw + i] == VM_NONE ? NULL : args[nargs - nkw + i];
    }
    if (!given[0] && !given[1] && !given[2])
        return vm_err_str(&vm_exc_TypeError, "At least one argument is required.");
    for (int h = 0; h < HOOK_COUNT; h++)
        if (given[h] && !TYPE(given[h])->call)
            return vm_err_fmt(&vm_exc_TypeError, "'%s' must be callable, not %s",
                              hook_names[h], vm_tname(given[h]));
    for (int h = 0; h < HOOK_COUNT; h++) {
        if (!given[h])
            continue;
        if (!fork_hooks[h])
            fork_hooks[h] = vm_list_new(0);
        vm_list_append(fork_hooks[h], given[h]);
    }
    return none();
}

/* Call the hooks of kind h; an exception goes to sys.unraisablehook. */
static void run_hooks(int h)
{
    Obj *l = fork_hooks[h];
    if (!l)
        return;
    ssize_t n = LIST_LEN(l);
    for (ssize_t i = 0; i < n && i < LIST_LEN(l); i++) {
        Obj *f = LIST_ITEMS(l)[h == HOOK_BEFORE ? LIST_LEN(l) - 1 - i : i];
        INCREF(f);
        Obj *r = vm_call(f, NULL, 0, NULL);
        if (r)
            DECREF(r);
        else
            vm_unraisable(NULL, f);
        DECREF(f);
    }
}

static Obj *pp_fork(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("posix.fork", kwnames) < 0 || vm_argc("posix.fork", nargs, 0, 0) < 0)
        return NULL;
    run_hooks(HOOK_BEFORE);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    int e = errno;
    if (pid < 0) {
        run_hooks(HOOK_PARENT);
        return vm_err_errno(e, NULL);
    }
    if (pid == 0)
        vm_thread_after_fork();     /* the one thread left (mod_thread.h) */
    run_hooks(pid == 0 ? HOOK_CHILD : HOOK_PARENT);
    return vm_int_from_i64(pid);
}

/* ---- exec ---- */

/* argv for execv/execve: a non-empty tuple or list of paths whose first
 * is not empty.  *keep holds the converted objects; free the array. */
char **vm_posix_exec_argv(Obj *seq, const char *fname, bool is_execve, Obj **keep)
{
    *keep = NULL;
    if (!TUPLE_CHECK(seq) && !LIST_CHECK(seq)) {
        vm_err_fmt(&vm_exc_TypeError, is_execve ? "%s: argv must be a tuple or list"
                   : "%s() arg 2 must be a tuple or list", fname);
        return NULL;
    }
    ssize_t n = TUPLE_CHECK(seq) ? TUPLE_LEN(seq) : LIST_LEN(seq);
    if (n == 0) {
        vm_err_fmt(&vm_exc_ValueError, is_execve ? "%s: argv must not be empty"
                   : "%s() arg 2 must not be empty", fname);
        return NULL;
    }
    Obj *items = vm_list_from_iter(seq);
    if (!items)
        return NULL;
    char **v = calloc((size_t)n + 1, sizeof *v);
    Obj *k = vm_list_new(0);
    for (ssize_t i = 0; i < n && i < LIST_LEN(items); i++) {
        Obj *s = vm_posix_fsencode(LIST_ITEMS(items)[i]);
        if (!s)
            goto fail;
        vm_list_append(k, s);
        v[i] = (char *)vm_posix_cstr(s);
        DECREF(s);
        if (i == 0 && !v[0][0]) {
            vm_err_fmt(&vm_exc_ValueError, is_execve ? "%s: argv first element cannot be empty"
                       : "%s() arg 2 first element cannot be empty", fname);
            goto fail;
        }
    }
    DECREF(items);
    *keep = k;
    return v;
fail:
    DECREF(items);
    DECREF(k);
    free(v);
    return NULL;
}

/* envp for execve: "K=V" for every item of the mapping env. */
char **vm_posix_exec_envp(Obj *env, Obj **keep)
{
    *keep = NULL;
    Obj *keys_fn = vm_getattr(env, vm_str_intern("keys", 4));
    if (!keys_fn)
        return NULL;
    Obj *keys = vm_call(keys_fn, NULL, 0, NULL);
    DECREF(keys_fn);
    Obj *kl = keys ? vm_list_from_iter(keys) : NULL;
    XDECREF(keys);
    if (!kl)
        return NULL;
    char **v = calloc((size_t)LIST_LEN(kl) + 1, sizeof *v);
    Obj *k = vm_list_new(0);
    size_t n = 0;
    for (ssize_t i = 0; i < LIST_LEN(kl); i++) {
        Obj *val = vm_getitem(env, LIST_ITEMS(kl)[i]);
        if (!val)
            goto fail;
        Obj *ks = vm_posix_fsencode(LIST_ITEMS(kl)[i]);
        Obj *vs = ks ? vm_posix_fsencode(val) : NULL;
        DECREF(val);
        if (!vs) {
            XDECREF(ks);
            goto fail;
        }
        const char *kc = vm_posix_cstr(ks), *vc = vm_posix_cstr(vs);
        if (!*kc || strchr(kc, '=')) {
            DECREF(ks);
            DECREF(vs);
            vm_err_str(&vm_exc_ValueError, "illegal environment variable name");
            goto fail;
        }
        size_t kn = strlen(kc), vn = strlen(vc);
        char *p = ls_xmalloc(kn + vn + 2);
        memcpy(p, kc, kn);
        p[kn] = '=';
        memcpy(p + kn + 1, vc, vn + 1);
        Obj *kv = vm_bytes_new(p, kn + 1 + vn);
        free(p);
        DECREF(ks);
        DECREF(vs);
        vm_list_append(k, kv);
        v[n++] = ((BytesObj *)kv)->s;
        DECREF(kv);
    }
    DECREF(kl);
    *keep = k;
    return v;
fail:
    DECREF(kl);
    DECREF(k);
    free(v);
    return NULL;
}

/* execv(path, argv, /) and execve(path, argv, env): return only on error. */
static Obj *do_exec(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                    bool is_execve)
{
    if (is_execve) {
        static const char *const names[] = {"path", "argv", "env"};
        static const ClinicSpec spec = {"execve", names, 3, 0, 3, 3};
        Obj *a[3];
        if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
            return NULL;
        args = a;
        Obj *path = path_arg(a[0], fname);
        if (!path)
            return NULL;
        Obj *ka, *ke;
        char **argv = vm_posix_exec_argv(a[1], fname, true, &ka);
        char **envp = argv ? vm_posix_exec_envp(a[2], &ke) : NULL;
        if (envp) {
            fflush(stdout);
            fflush(stderr);
            execve(vm_posix_cstr(path), argv, envp);
            vm_err_errno(errno, a[0]);
            DECREF(ke);
            free(envp);
        }
        if (argv) {
            DECREF(ka);
            free(argv);
        }
        DECREF(path);
        return NULL;
    }
    if (vm_nokw(fname, kwnames) < 0 || vm_argc(fname, nargs, 2, 2) < 0)
        return NULL;
    Obj *path = path_arg(args[0], fname);
    if (!path)
        return NULL;
    Obj *ka;
    char **argv = vm_posix_exec_argv(args[1], fname, false, &ka);
    if (argv) {
        fflush(stdout);
        fflush(stderr);
        execv(vm_posix_cstr(path), argv);
        vm_err_errno(errno, NULL);     /* CPython names no file here */
        DECREF(ka);
        free(argv);
    }
    DECREF(path);
    return NULL;
}

static Obj *pp_execv(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return do_exec("execv", args, nargs, kwnames, false);
}

static Obj *pp_execve(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return do_exec("execve", args, nargs, kwnames, true);
}

/* ---- wait, pipes, descriptors ---- */

static Obj *pp_wait(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("wait", kwnames) < 0 || vm_argc("wait", nargs, 0, 0) < 0)
        return NULL;
    int status = 0;
    pid_t r;
    while ((r = vm_blocking_waitpid(-1, &status, 0)) < 0 && errno == EINTR)
        if (vm_signal_check() < 0)      /* PEP 475 */
            return NULL;
    if (r < 0)
        return vm_err_errno(errno, NULL);
    return pair(r, status);
}

/* wait3(options) and wait4(pid, options): (pid, status, rusage) */
static Obj *wait_rusage(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                        bool has_pid)
{
    int64_t v[2] = {-1, 0};
    size_t n = has_pid ? 2 : 1;
    if (ints(fname, args, nargs, kwnames, n, n, has_pid ? v : v + 1) < 0)
        return NULL;
    int status = 0;
    struct rusage ru;
    pid_t r;
    while ((r = vm_blocking_wait4((pid_t)v[0], &status, (int)v[1], &ru)) < 0 && errno == EINTR)
        if (vm_signal_check() < 0)      /* PEP 475 */
            return NULL;
    if (r < 0)
        return vm_err_errno(errno, NULL);
    if (r == 0)
        memset(&ru, 0, sizeof ru);
    Obj *o[3] = {vm_int_from_i64(r), vm_int_from_i64(status), vm_rusage_new(&ru)};
    Obj *t = vm_tuple_from(o, 3);
    for (int i = 0; i < 3; i++)
        DECREF(o[i]);
    return t;
}

static Obj *pp_wait3(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return wait_rusage("wait3", args, nargs, kwnames, false);
}

static Obj *pp_wait4(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return wait_rusage("wait4", args, nargs, kwnames, true);
}

static const char *const waitid_fields[] = {"si_pid", "si_uid", "si_signo", "si_status",
                                            "si_code"};
static const StructSeqDesc waitid_desc = {"posix.waitid_result", waitid_fields, 5, 5, true};

/* waitid(idtype, id, options, /): a waitid_result, or None when WNOHANG
 * found no child to report */
static Obj *pp_waitid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("waitid", kwnames) < 0)
        return NULL;
    if (nargs != 3)
        return vm_err_fmt(&vm_exc_TypeError, "waitid() takes exactly 3 arguments (%zu given)",
                          nargs);
    int64_t v[3];
    for (int i = 0; i < 3; i++)
        if (int_arg(args[i], &v[i]) < 0)
            return NULL;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    while (waitid((idtype_t)v[0], (id_t)v[1], &si, (int)v[2]) < 0) {
        if (errno != EINTR)
            return vm_err_errno(errno, NULL);
        if (vm_signal_check() < 0)      /* PEP 475 */
            return NULL;
    }
    if (si.si_pid == 0)
        return none();
    int64_t f[5] = {si.si_pid, si.si_uid, si.si_signo, si.si_status, si.si_code};
    Obj *items[5];
    for (int i = 0; i < 5; i++)
        items[i] = vm_int_from_i64(f[i]);
    return vm_structseq_new(&waitid_desc, items);
}

static Obj *pp_pipe2(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[1];
    if (ints("pipe2", args, nargs, kwnames, 1, 1, v) < 0)
        return NULL;
    /* pipe2 itself is _GNU_SOURCE; pyvm has one thread, so pipe and
     * fcntl are as good */
    if (v[0] & ~(int64_t)(O_CLOEXEC | O_NONBLOCK))
        return vm_err_errno(EINVAL, NULL);
    int fds[2];
    if (pipe(fds) < 0)
        return vm_err_errno(errno, NULL);
    for (int i = 0; i < 2; i++) {
        if (v[0] & O_CLOEXEC)
            (void)fcntl(fds[i], F_SETFD, FD_CLOEXEC);
        if (v[0] & O_NONBLOCK)
            (void)fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    }
    return pair(fds[0], fds[1]);
}

/* closerange(fd_low, fd_high): close each, ignoring errors. */
static Obj *pp_closerange(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[2];
    if (ints("closerange", args, nargs, kwnames, 2, 2, v) < 0)
        return NULL;
    if (v[0] < 0)
        v[0] = 0;
    long max = sysconf(_SC_OPEN_MAX);
    if (max > 0 && v[1] > max)
        v[1] = max;
    for (int64_t fd = v[0]; fd < v[1]; fd++)
        close((int)fd);
    return none();
}

/* ---- process groups, sessions, priorities ---- */

static Obj *pp_getpgid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[1];
    if (ints("getpgid", args, nargs, kwnames, 1, 1, v) < 0)
        return NULL;
    pid_t r = getpgid((pid_t)v[0]);
    return r < 0 ? vm_err_errno(errno, NULL) : vm_int_from_i64(r);
}

static Obj *pp_setpgid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[2];
    if (ints("setpgid", args, nargs, kwnames, 2, 2, v) < 0)
        return NULL;
    return ok_or_errno(setpgid((pid_t)v[0], (pid_t)v[1]));
}

static Obj *pp_setpgrp(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("setpgrp", kwnames) < 0 || vm_argc("setpgrp", nargs, 0, 0) < 0)
        return NULL;
    return ok_or_errno(setpgid(0, 0));
}

static Obj *pp_getsid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[1];
    if (ints("getsid", args, nargs, kwnames, 1, 1, v) < 0)
        return NULL;
    pid_t r = getsid((pid_t)v[0]);
    return r < 0 ? vm_err_errno(errno, NULL) : vm_int_from_i64(r);
}

static Obj *pp_setsid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("setsid", kwnames) < 0 || vm_argc("setsid", nargs, 0, 0) < 0)
        return NULL;
    return ok_or_errno(setsid() < 0 ? -1 : 0);
}

static Obj *pp_nice(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[1];
    if (ints("nice", args, nargs, kwnames, 1, 1, v) < 0)
        return NULL;
    errno = 0;
    int r = nice((int)v[0]);
    if (r == -1 && errno != 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(r);
}

static Obj *pp_getpriority(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[2];
    if (ints("getpriority", args, nargs, kwnames, 2, 2, v) < 0)
        return NULL;
    errno = 0;
    int r = getpriority((int)v[0], (id_t)v[1]);
    if (r == -1 && errno != 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(r);
}

static Obj *pp_setpriority(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[3];
    if (ints("setpriority", args, nargs, kwnames, 3, 3, v) < 0)
        return NULL;
    return ok_or_errno(setpriority((int)v[0], (id_t)v[1], (int)v[2]));
}

static Obj *pp_sched_yield(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("sched_yield", kwnames) < 0 || vm_argc("sched_yield", nargs, 0, 0) < 0)
        return NULL;
    sched_yield();
    return none();
}

static const char *const times_fields[] = {"user", "system", "children_user",
                                           "children_system", "elapsed"};
static const StructSeqDesc times_desc = {"posix.times_result", times_fields, 5, 5, true};

/* times(): a times_result of five floats (seconds) */
static Obj *pp_times(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("times", kwnames) < 0 || vm_argc("times", nargs, 0, 0) < 0)
        return NULL;
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1)
        return vm_err_errno(errno, NULL);
    double tick = (double)sysconf(_SC_CLK_TCK);
    Obj *v[5] = {vm_float_new((double)t.tms_utime / tick), vm_float_new((double)t.tms_stime / tick),
                 vm_float_new((double)t.tms_cutime / tick),
                 vm_float_new((double)t.tms_cstime / tick), vm_float_new((double)c / tick)};
    return vm_structseq_new(&times_desc, v);
}

static Obj *pp_abort(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("abort", kwnames) < 0 || vm_argc("abort", nargs, 0, 0) < 0)
        return NULL;
    fflush(stdout);
    fflush(stderr);
    abort();
}

static Obj *pp_getgroups(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("getgroups", kwnames) < 0 || vm_argc("getgroups", nargs, 0, 0) < 0)
        return NULL;
    int n = getgroups(0, NULL);
    if (n < 0)
        return vm_err_errno(errno, NULL);
    gid_t *g = calloc((size_t)n + 1, sizeof *g);
    if (!g)
        return vm_err_nomem();
    n = getgroups(n, g);
    if (n < 0) {
        free(g);
        return vm_err_errno(errno, NULL);
    }
    Obj *l = vm_list_new(0);
    for (int i = 0; i < n; i++) {
        Obj *x = vm_int_from_i64(g[i]);
        vm_list_append(l, x);
        DECREF(x);
    }
    free(g);
    return l;
}

/* setuid(uid) and the other one-id setters; what is "uid" or "gid" */
#define ID_SETTER(fname, call, idtype, what) \
    static Obj *pp_##fname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        int64_t v; \
        if (vm_nokw(#fname, kwnames) < 0 || vm_argc(#fname, nargs, 1, 1) < 0) \
            return NULL; \
        if (!INT_CHECK(args[0])) \
            return vm_err_fmt(&vm_exc_TypeError, what " should be integer, not %s", \
                              vm_tname(args[0])); \
        if (vm_int_as_i64(args[0], &v) < 0) \
            return NULL; \
        return ok_or_errno(call((idtype)v)); \
    }
ID_SETTER(setuid, setuid, uid_t, "uid")
ID_SETTER(seteuid, seteuid, uid_t, "uid")
ID_SETTER(setgid, setgid, gid_t, "gid")
ID_SETTER(setegid, setegid, gid_t, "gid")
#undef ID_SETTER

/* getresuid() / getresgid(): (real, effective, saved); the libc wrappers
 * are _GNU_SOURCE, the system calls are not */
static Obj *res_ids(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames, long nr)
{
    if (vm_nokw(fname, kwnames) < 0 || vm_argc(fname, nargs, 0, 0) < 0)
        return NULL;
    unsigned int id[3];     /* uid_t and gid_t are 32-bit on Linux */
    if (syscall(nr, &id[0], &id[1], &id[2]) < 0)
        return vm_err_errno(errno, NULL);
    Obj *v[3] = {vm_int_from_i64(id[0]), vm_int_from_i64(id[1]), vm_int_from_i64(id[2])};
    Obj *t = vm_tuple_from(v, 3);
    for (int i = 0; i < 3; i++)
        DECREF(v[i]);
    return t;
}

static Obj *pp_getresuid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return res_ids("getresuid", args, nargs, kwnames, SYS_getresuid);
}

static Obj *pp_getresgid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return res_ids("getresgid", args, nargs, kwnames, SYS_getresgid);
}

/* sched_getaffinity(pid): the set of CPUs pid may run on */
static Obj *pp_sched_getaffinity(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[1];
    if (ints("sched_getaffinity", args, nargs, kwnames, 1, 1, v) < 0)
        return NULL;
    unsigned long mask[1024 / (8 * sizeof(unsigned long))];
    long n = syscall(SYS_sched_getaffinity, (pid_t)v[0], sizeof mask, mask);
    if (n < 0)
        return vm_err_errno(errno, NULL);
    Obj *set = vm_set_new(&vm_set_type);
    size_t bits = 8 * sizeof(unsigned long);
    for (size_t cpu = 0; cpu < (size_t)n * 8; cpu++) {
        if (!(mask[cpu / bits] >> (cpu % bits) & 1))
            continue;
        Obj *c = vm_int_from_i64((int64_t)cpu);
        int rc = vm_set_add(set, c);
        DECREF(c);
        if (rc < 0) {
            DECREF(set);
            return NULL;
        }
    }
    return set;
}

/* setreuid(ruid, euid), setregid(rgid, egid): -1 leaves one as it is */
static Obj *two_ids(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                    const char *what, int (*call)(unsigned, unsigned))
{
    if (vm_nokw(fname, kwnames) < 0 || vm_argc(fname, nargs, 2, 2) < 0)
        return NULL;
    int64_t v[2];
    for (int i = 0; i < 2; i++) {
        if (!INT_CHECK(args[i]))
            return vm_err_fmt(&vm_exc_TypeError, "%s should be integer, not %s", what,
                              vm_tname(args[i]));
        if (vm_int_as_i64(args[i], &v[i]) < 0)
            return NULL;
    }
    return ok_or_errno(call((unsigned)v[0], (unsigned)v[1]));
}

static int c_setreuid(unsigned r, unsigned e) { return setreuid((uid_t)r, (uid_t)e); }
static int c_setregid(unsigned r, unsigned e) { return setregid((gid_t)r, (gid_t)e); }

static Obj *pp_setreuid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return two_ids("setreuid", args, nargs, kwnames, "uid", c_setreuid);
}

static Obj *pp_setregid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return two_ids("setregid", args, nargs, kwnames, "gid", c_setregid);
}

/* setgroups(groups): a sequence of gids */
static Obj *pp_setgroups(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("setgroups", kwnames) < 0 || vm_argc("setgroups", nargs, 1, 1) < 0)
        return NULL;
    Obj *l = vm_list_from_iter(args[0]);
    if (!l) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_str(&vm_exc_TypeError, "setgroups argument must be a sequence");
        }
        return NULL;
    }
    size_t n = (size_t)LIST_LEN(l);
    gid_t *g = calloc(n + 1, sizeof *g);
    for (size_t i = 0; i < n; i++) {
        int64_t v;
        Obj *o = LIST_ITEMS(l)[i];
        if (!INT_CHECK(o)) {
            vm_err_str(&vm_exc_TypeError, "groups must be integers");
            goto fail;
        }
        if (vm_int_as_i64(o, &v) < 0)
            goto fail;
        g[i] = (gid_t)v;
    }
    DECREF(l);
    int rc = setgroups(n, g);
    free(g);
    return ok_or_errno(rc);
fail:
    DECREF(l);
    free(g);
    return NULL;
}

/* ---- sysconf ---- */

static const struct {
    const char *name;       /* "SC_PAGESIZE" */
    int value;              /* _SC_PAGESIZE */
} sysconf_table[] = {
    {"SC_ARG_MAX", _SC_ARG_MAX}, {"SC_CHILD_MAX", _SC_CHILD_MAX},
    {"SC_CLK_TCK", _SC_CLK_TCK}, {"SC_NGROUPS_MAX", _SC_NGROUPS_MAX},
    {"SC_OPEN_MAX", _SC_OPEN_MAX}, {"SC_PAGESIZE", _SC_PAGESIZE},
    {"SC_PAGE_SIZE", _SC_PAGE_SIZE}, {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF},
    {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN}, {"SC_PHYS_PAGES", _SC_PHYS_PAGES},
    {"SC_LINE_MAX", _SC_LINE_MAX}, {"SC_HOST_NAME_MAX", _SC_HOST_NAME_MAX},
    {"SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX}, {"SC_IOV_MAX", _SC_IOV_MAX},
    {"SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX}, {"SC_TTY_NAME_MAX", _SC_TTY_NAME_MAX},
    {"SC_VERSION", _SC_VERSION}, {"SC_STREAM_MAX", _SC_STREAM_MAX},
    {"SC_TZNAME_MAX", _SC_TZNAME_MAX}, {"SC_SYMLOOP_MAX", _SC_SYMLOOP_MAX},
};

/* sysconf(name): a name of sysconf_names or an int */
static Obj *pp_sysconf(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("sysconf", kwnames) < 0 || vm_argc("sysconf", nargs, 1, 1) < 0)
        return NULL;
    int64_t name = -1;
    if (STR_CHECK(args[0])) {
        size_t i = 0, n = sizeof sysconf_table / sizeof *sysconf_table;
        while (i < n && !vm_str_eqc(args[0], sysconf_table[i].name))
            i++;
        if (i == n)
            return vm_err_str(&vm_exc_ValueError, "unrecognized configuration name");
        name = sysconf_table[i].value;
    } else if (INT_CHECK(args[0])) {
        if (vm_int_as_i64(args[0], &name) < 0)
            return NULL;
    } else {
        return vm_err_str(&vm_exc_TypeError, "configuration names must be strings or integers");
    }
    errno = 0;
    long r = sysconf((int)name);
    if (r == -1 && errno != 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(r);
}

/* ---- the module part ---- */

static const MethodDef proc_funcs[] = {
    {"fork", pp_fork}, {"register_at_fork", pp_register_at_fork},
    {"execv", pp_execv}, {"execve", pp_execve}, {"wait", pp_wait}, {"waitid", pp_waitid},
    {"wait3", pp_wait3}, {"wait4", pp_wait4},
    {"pipe2", pp_pipe2}, {"closerange", pp_closerange},
    {"getpgid", pp_getpgid}, {"setpgid", pp_setpgid}, {"setpgrp", pp_setpgrp},
    {"getsid", pp_getsid}, {"setsid", pp_setsid},
    {"nice", pp_nice}, {"getpriority", pp_getpriority}, {"setpriority", pp_setpriority},
    {"sched_yield", pp_sched_yield}, {"times", pp_times}, {"abort", pp_abort},
    {"getgroups", pp_getgroups}, {"setuid", pp_setuid}, {"seteuid", pp_seteuid},
    {"setgid", pp_setgid}, {"setegid", pp_setegid}, {"sysconf", pp_sysconf},
    {"getresuid", pp_getresuid}, {"getresgid", pp_getresgid},
    {"setreuid", pp_setreuid}, {"setregid", pp_setregid}, {"setgroups", pp_setgroups},
    {"sched_getaffinity", pp_sched_getaffinity},
    {NULL, NULL},
};

static const VmIntConst proc_consts[] = {
    {"P_PID", P_PID}, {"P_PGID", P_PGID}, {"P_ALL", P_ALL},
    {"WEXITED", WEXITED}, {"WSTOPPED", WSTOPPED}, {"WNOWAIT", WNOWAIT},
    {"CLD_EXITED", CLD_EXITED}, {"CLD_KILLED", CLD_KILLED}, {"CLD_DUMPED", CLD_DUMPED},
    {"CLD_TRAPPED", CLD_TRAPPED}, {"CLD_STOPPED", CLD_STOPPED},
    {"CLD_CONTINUED", CLD_CONTINUED},
    {"PRIO_PROCESS", PRIO_PROCESS}, {"PRIO_PGRP", PRIO_PGRP}, {"PRIO_USER", PRIO_USER},
    /* <sysexits.h> */
    {"EX_USAGE", 64}, {"EX_DATAERR", 65}, {"EX_NOINPUT", 66}, {"EX_NOUSER", 67},
    {"EX_NOHOST", 68}, {"EX_UNAVAILABLE", 69}, {"EX_SOFTWARE", 70}, {"EX_OSERR", 71},
    {"EX_OSFILE", 72}, {"EX_CANTCREAT", 73}, {"EX_IOERR", 74}, {"EX_TEMPFAIL", 75},
    {"EX_PROTOCOL", 76}, {"EX_NOPERM", 77}, {"EX_CONFIG", 78},
};

int vm_posix_proc_add(Obj *m)
{
    for (const MethodDef *f = proc_funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
    vm_module_add_ints(m, proc_consts, sizeof proc_consts / sizeof *proc_consts);
    Obj *names = vm_dict_new();
    for (size_t i = 0; i < sizeof sysconf_table / sizeof *sysconf_table; i++) {
        Obj *v = vm_int_from_i64(sysconf_table[i].value);
        int rc = vm_dict_set_cstr(names, sysconf_table[i].name, v);
        DECREF(v);
        if (rc < 0) {
            DECREF(names);
            return -1;
        }
    }
    vm_module_add(m, "sysconf_names", names);
    DECREF(names);
    vm_module_add(m, "times_result", (Obj *)vm_structseq_type(&times_desc));
    vm_module_add(m, "waitid_result", (Obj *)vm_structseq_type(&waitid_desc));
    return 0;
}
