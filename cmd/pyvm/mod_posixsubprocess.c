/* cmd/pyvm/mod_posixsubprocess.c: the _posixsubprocess module, what
 * subprocess.Popen starts its children with: fork_exec().
 *
 * Stage: pyvm.  fork_exec takes CPython 3.11's 23 positional arguments
 * (see subprocess.py, Popen._execute_child):
 *
 *   args, executable_list, close_fds, fds_to_keep, cwd, env_list,
 *   p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
 *   errpipe_read, errpipe_write, restore_signals, call_setsid,
 *   pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn,
 *   allow_vfork
 *
 * and returns the child's pid.  Everything that can fail with a Python
 * exception (converting the arguments to C strings) happens before the
 * fork; the child only makes system calls, runs preexec_fn if there is
 * one, and execs.  A failure in the child travels back through errpipe as
 * CPython's "OSError:<hex errno>:" (with "noexec" when exec was never
 * reached, e.g. chdir(cwd) failed) or "SubprocessError:0:<message>";
 * subprocess.py turns that into the exception.  pyvm has no threads, so
 * running Python code between fork and exec (preexec_fn) is safe.
 */
#include "cmd/pyvm/module.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/mod_posix_proc.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* The C strings of a list of Python objects, each kept alive by keep. */
typedef struct CStrings {
    char **v;               /* NULL-terminated array of n strings */
    size_t n;               /* how many */
    Obj *keep;              /* a list holding the str/bytes objects v points into */
} CStrings;

/* fork_exec's arguments in C form. */
typedef struct ExecArgs {
    CStrings argv;          /* the child's argv (args) */
    CStrings exec;          /* the paths to try, in order (executable_list) */
    CStrings env;           /* "K=V" strings, or v NULL: inherit environ */
    const char *cwd;        /* chdir here first, or NULL */
    bool close_fds;         /* close every fd >= 3 not in keep_fds */
    int *keep_fds;          /* fds_to_keep, sorted */
    size_t nkeep;           /* how many */
    int fd[8];              /* p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
                               errpipe_read, errpipe_write (-1: none) */
    bool restore_signals;   /* SIGPIPE and SIGXFSZ back to SIG_DFL */
    bool call_setsid;       /* setsid() (start_new_session) */
    int64_t pgid;           /* setpgid(0, pgid) when >= 0 (process_group) */
    bool has_gid, has_uid;  /* gid / uid given */
    gid_t gid;              /* setregid(gid, gid) */
    uid_t uid;              /* setreuid(uid, uid) */
    gid_t *groups;          /* setgroups(ngroups, groups) when groups_set */
    size_t ngroups;         /* how many */
    bool groups_set;        /* extra_groups was not None */
    int64_t umask;          /* umask(umask) when >= 0 */
    Obj *preexec_fn;        /* called in the child before exec, or NULL */
} ExecArgs;

enum { P2CREAD, P2CWRITE, C2PREAD, C2PWRITE, ERRREAD, ERRWRITE, ERRPIPE_READ, ERRPIPE_WRITE };

static void cstrings_free(CStrings *cs)
{
    free(cs->v);
    XDECREF(cs->keep);
    memset(cs, 0, sizeof *cs);
}

/* Convert every item of the iterable seq (bytes_only: as
 * _PySequence_BytesToCharpArray, else as the FS converter); -1 with the
 * exception set. */
static int cstrings_from(Obj *seq, bool bytes_only, const char *notseq, CStrings *cs)
{
    memset(cs, 0, sizeof *cs);
    if (bytes_only && !TYPE(seq)->len) {    /* _PySequence_BytesToCharpArray */
        vm_err_fmt(&vm_exc_TypeError, "object of type '%s' has no len()", vm_tname(seq));
        return -1;
    }
    Obj *items = vm_list_from_iter(seq);
    if (!items) {
        if (notseq && vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_str(&vm_exc_TypeError, notseq);
        }
        return -1;
    }
    size_t n = (size_t)LIST_LEN(items);
    cs->keep = vm_list_new(0);
    cs->v = calloc(n + 1, sizeof *cs->v);
    if (!cs->v) {
        DECREF(items);
        cstrings_free(cs);
        vm_err_nomem();
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        Obj *it = LIST_ITEMS(items)[i], *s;
        if (bytes_only) {
            if (!BYTES_CHECK(it)) {
                vm_err_fmt(&vm_exc_TypeError, "expected bytes, %s found", vm_tname(it));
                s = NULL;
            } else if (memchr(((BytesObj *)it)->s, '\0', (size_t)((BytesObj *)it)->len)) {
                vm_err_str(&vm_exc_ValueError, "embedded null byte");
                s = NULL;
            } else {
                s = vm_newref(it);
            }
        } else {
            s = vm_posix_fsencode(it);
        }
        if (!s) {
            DECREF(items);
            cstrings_free(cs);
            return -1;
        }
        vm_list_append(cs->keep, s);
        cs->v[i] = (char *)vm_posix_cstr(s);
        DECREF(s);
        cs->n++;
    }
    DECREF(items);
    return 0;
}

/* An 'i' argument of PyArg_ParseTuple. */
static int int_arg(Obj *o, int64_t *out)
{
    if (!INT_CHECK(o)) {
        vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   vm_tname(o));
        return -1;
    }
    if (vm_int_as_i64(o, out) < 0)
        return -1;
    if (*out < -2147483648LL || *out > 2147483647LL) {
        vm_err_str(&vm_exc_OverflowError, *out < 0 ? "signed integer is less than minimum"
                                                   : "signed integer is greater than maximum");
        return -1;
    }
    return 0;
}

/* A uid or gid argument: an int (-1 is allowed and means "unchanged"). */
static int id_arg(Obj *o, const char *what, int64_t *out)
{
    if (!INT_CHECK(o)) {
        vm_err_fmt(&vm_exc_TypeError, "%s should be integer, not %s", what, vm_tname(o));
        return -1;
    }
    if (vm_int_as_i64(o, out) < 0)
        return -1;
    if (*out < -1 || *out > 4294967295LL) {
        vm_err_fmt(&vm_exc_OverflowError, "%s is greater than maximum", what);
        return -1;
    }
    return 0;
}

/* fds_to_keep: a tuple of non-negative ints in increasing order. */
static int keep_fds_arg(Obj *t, ExecArgs *a)
{
    size_t n = (size_t)TUPLE_LEN(t);
    a->keep_fds = calloc(n + 1, sizeof *a->keep_fds);
    if (!a->keep_fds) {
        vm_err_nomem();
        return -1;
    }
    int64_t prev = -1;
    for (size_t i = 0; i < n; i++) {
        Obj *o = TUPLE_ITEMS(t)[i];
        int64_t v;
        if (!INT_CHECK(o) || vm_int_as_i64(o, &v) < 0 || v < 0 || v <= prev || v > 2147483647) {
            vm_err_clear();
            vm_err_str(&vm_exc_ValueError, "bad value(s) in fds_to_keep");
            return -1;
        }
        a->keep_fds[a->nkeep++] = (int)v;
        prev = v;
    }
    return 0;
}

static bool is_kept(const ExecArgs *a, int fd)
{
    for (size_t i = 0; i < a->nkeep; i++)
        if (a->keep_fds[i] == fd)
            return true;
    return false;
}

static void set_cloexec(int fd, bool on)
{
    int fl = fcntl(fd, F_GETFD);
    if (fl >= 0)
        (void)fcntl(fd, F_SETFD, on ? fl | FD_CLOEXEC : fl & ~FD_CLOEXEC);
}

/* Close every descriptor >= 3 not in fds_to_keep: those /proc/self/fd
 * lists, else every number below the descriptor limit. */
static void close_open_fds(const ExecArgs *a)
{
    DIR *d = opendir("/proc/self/fd");
    if (d) {
        int dfd = dirfd(d), fds[1024];
        size_t n;
        do {    /* collect a batch, close it after the scan, rescan */
            n = 0;
            struct dirent *e;
            rewinddir(d);
            while ((e = readdir(d)) && n < sizeof fds / sizeof *fds) {
                if (e->d_name[0] < '0' || e->d_name[0] > '9')
                    continue;
                int fd = atoi(e->d_name);
                if (fd >= 3 && fd != dfd && !is_kept(a, fd))
                    fds[n++] = fd;
            }
            for (size_t i = 0; i < n; i++)
                close(fds[i]);
        } while (n == sizeof fds / sizeof *fds);
        closedir(d);
        return;
    }
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536)
        max = 65536;
    for (int fd = 3; fd < max; fd++)
        if (!is_kept(a, fd))
            close(fd);
}

/* Write s to the error pipe, retrying short writes. */
static void err_write(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

/* The child: set up descriptors and the process, exec; never returns. */
static void child_exec(ExecArgs *a)
{
    int *fd = a->fd;
    const char *err_msg = NULL;
    bool reached_preexec = false;
    int saved = 0;

    static const int parent_ends[3] = {P2CWRITE, C2PREAD, ERRREAD};
    for (int i = 0; i < 3; i++)
        if (fd[parent_ends[i]] != -1)
            close(fd[parent_ends[i]]);
    close(fd[ERRPIPE_READ]);
    for (size_t i = 0; i < a->nkeep; i++)           /* pass_fds become inheritable */
        if (a->keep_fds[i] != fd[ERRPIPE_WRITE])
            set_cloexec(a->keep_fds[i], false);

    /* Move the child's ends out of 0..2 where dup2 below would clobber
     * them before they are used. */
    if (fd[C2PWRITE] == 0) {
        fd[C2PWRITE] = dup(fd[C2PWRITE]);
        if (fd[C2PWRITE] < 0)
            goto error;
        set_cloexec(fd[C2PWRITE], true);
    }
    while (fd[ERRWRITE] == 0 || fd[ERRWRITE] == 1) {
        fd[ERRWRITE] = dup(fd[ERRWRITE]);
        if (fd[ERRWRITE] < 0)
            goto error;
        set_cloexec(fd[ERRWRITE], true);
    }
    static const int which[3] = {P2CREAD, C2PWRITE, ERRWRITE};
    for (int std = 0; std < 3; std++) {
        int f = fd[which[std]];
        if (f == std)
            set_cloexec(f, false);
        else if (f != -1 && dup2(f, std) < 0)
            goto error;
    }

    if (a->cwd && chdir(a->cwd) < 0)
        goto error;
    if (a->umask >= 0)
        umask((mode_t)a->umask);
    if (a->restore_signals) {
        signal(SIGPIPE, SIG_DFL);
        signal(SIGXFSZ, SIG_DFL);
    }
    if (a->call_setsid && setsid() < 0)
        goto error;
    if (a->pgid >= 0 && setpgid(0, (pid_t)a->pgid) < 0)
        goto error;
    if (a->groups_set && setgroups(a->ngroups, a->groups) < 0)
        goto error;
    if (a->has_gid && setregid(a->gid, a->gid) < 0)
        goto error;
    if (a->has_uid && setreuid(a->uid, a->uid) < 0)
        goto error;

    reached_preexec = true;
    if (a->preexec_fn) {
        Obj *r = vm_call(a->preexec_fn, NULL, 0, NULL);
        if (!r) {
            vm_err_clear();
            err_msg = "Exception occurred in preexec_fn.";
            errno = 0;
            goto error;
        }
        DECREF(r);
    }
    if (a->close_fds)
        close_open_fds(a);

    /* Try each path; report the first error that is not "not there". */
    for (size_t i = 0; i < a->exec.n; i++) {
        if (a->env.v)
            execve(a->exec.v[i], a->argv.v, a->env.v);
        else
            execv(a->exec.v[i], a->argv.v);
        if (errno != ENOENT && errno != ENOTDIR && saved == 0)
            saved = errno;
    }
    if (saved)
        errno = saved;

error:
    saved = errno;
    if (saved) {
        char hex[2 * sizeof(int) + 1], *cur = hex + sizeof hex;
        unsigned u = (unsigned)saved;
        while (u && cur > hex) {
            *--cur = "0123456789abcdef"[u % 16];
            u /= 16;
        }
        err_write(fd[ERRPIPE_WRITE], "OSError:", 8);
        err_write(fd[ERRPIPE_WRITE], cur, (size_t)(hex + sizeof hex - cur));
        err_write(fd[ERRPIPE_WRITE], ":", 1);
        if (!reached_preexec)   /* the parent names cwd, not the program */
            err_write(fd[ERRPIPE_WRITE], "noexec", 6);
    } else {
        err_write(fd[ERRPIPE_WRITE], "SubprocessError:0:", 18);
        if (!err_msg)
            err_msg = "Unknown error";
        err_write(fd[ERRPIPE_WRITE], err_msg, strlen(err_msg));
    }
    _exit(255);
}

static void exec_args_free(ExecArgs *a, Obj *cwd_keep)
{
    cstrings_free(&a->argv);
    cstrings_free(&a->exec);
    cstrings_free(&a->env);
    free(a->keep_fds);
    free(a->groups);
    XDECREF(cwd_keep);
}

/* extra_groups: None or a list of gids. */
static int groups_arg(Obj *o, ExecArgs *a)
{
    if (o == VM_NONE)
        return 0;
    if (!LIST_CHECK(o)) {
        vm_err_str(&vm_exc_TypeError, "setgroups argument must be a list");
        return -1;
    }
    size_t n = (size_t)LIST_LEN(o);
    a->groups = calloc(n + 1, sizeof *a->groups);
    if (!a->groups) {
        vm_err_nomem();
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        int64_t g;
        if (!INT_CHECK(LIST_ITEMS(o)[i])) {
            vm_err_str(&vm_exc_TypeError, "groups must be integers");
            return -1;
        }
        if (id_arg(LIST_ITEMS(o)[i], "gid", &g) < 0)
            return -1;
        a->groups[i] = (gid_t)g;
    }
    a->ngroups = n;
    a->groups_set = true;
    return 0;
}

/* fork_exec(...): see the file comment. */
static Obj *ps_fork_exec(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("fork_exec", kwnames) < 0)
        return NULL;
    if (nargs != 23)
        return vm_err_fmt(&vm_exc_TypeError, "fork_exec() takes exactly 23 arguments (%zu given)",
                          nargs);
    ExecArgs a;
    memset(&a, 0, sizeof a);
    Obj *cwd_keep = NULL;
    int64_t v;
    Obj *process_args = args[0], *executable_list = args[1], *cwd = args[4], *env = args[5];
    int ct = vm_truth(args[2]);
    if (ct < 0)
        return NULL;
    a.close_fds = ct;
    if (!TUPLE_CHECK(args[3]))
        return vm_err_fmt(&vm_exc_TypeError, "fork_exec() argument 4 must be tuple, not %s",
                          vm_tname(args[3]));
    for (int i = 0; i < 8; i++) {
        if (int_arg(args[6 + i], &v) < 0)
            return NULL;
        a.fd[i] = (int)v;
    }
    if (int_arg(args[14], &v) < 0)
        return NULL;
    a.restore_signals = v != 0;
    if (int_arg(args[15], &v) < 0)
        return NULL;
    a.call_setsid = v != 0;
    if (int_arg(args[16], &a.pgid) < 0 || int_arg(args[20], &a.umask) < 0)
        return NULL;
    if (vm_truth(args[22]) < 0)
        return NULL;

    if (a.close_fds && a.fd[ERRPIPE_WRITE] < 3)
        return vm_err_str(&vm_exc_ValueError, "errpipe_write must be >= 3");
    if (keep_fds_arg(args[3], &a) < 0)
        goto fail;
    if (cstrings_from(executable_list, true, NULL, &a.exec) < 0)
        goto fail;
    if (process_args != VM_NONE
        && cstrings_from(process_args, false, "argv must be a tuple", &a.argv) < 0)
        goto fail;
    if (!a.argv.v) {
        a.argv.v = calloc(1, sizeof *a.argv.v);
        if (!a.argv.v) {
            vm_err_nomem();
            goto fail;
        }
    }
    if (env != VM_NONE && cstrings_from(env, true, NULL, &a.env) < 0)
        goto fail;
    if (cwd != VM_NONE) {
        cwd_keep = vm_posix_fsencode(cwd);
        if (!cwd_keep)
            goto fail;
        a.cwd = vm_posix_cstr(cwd_keep);
    }
    if (groups_arg(args[18], &a) < 0)
        goto fail;
    if (args[17] != VM_NONE) {
        if (id_arg(args[17], "gid", &v) < 0)
            goto fail;
        a.has_gid = v != -1;
        a.gid = (gid_t)v;
    }
    if (args[19] != VM_NONE) {
        if (id_arg(args[19], "uid", &v) < 0)
            goto fail;
        a.has_uid = v != -1;
        a.uid = (uid_t)v;
    }
    if (args[21] != VM_NONE)
        a.preexec_fn = args[21];

    /* What pyvm buffered for stdout goes out first, so the parent's and
     * the child's output come in program order (as CPython's with
     * PYTHONUNBUFFERED; see mod_posix_proc.c), and the child holds no copy. */
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0)
        child_exec(&a);
    int e = errno;
    exec_args_free(&a, cwd_keep);
    if (pid < 0)
        return vm_err_errno(e, NULL);
    return vm_int_from_i64(pid);

fail:
    exec_args_free(&a, cwd_keep);
    return NULL;
}

static const MethodDef posixsubprocess_funcs[] = {
    {"fork_exec", ps_fork_exec},
    {NULL, NULL},
};

Obj *vm_mod__posixsubprocess(void)
{
    Obj *m = vm_module_new("_posixsubprocess");
    if (!m)
        return NULL;
    for (const MethodDef *f = posixsubprocess_funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
    return m;
}
