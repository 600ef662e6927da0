/* cmd/pyvm/mod_posix_spawn.c: os.posix_spawn and os.posix_spawnp (path,
 * argv, env, *, file_actions=(), setpgroup=None, resetids=False,
 * setsid=False, setsigmask=(), setsigdef=(), scheduler=None), the
 * POSIX_SPAWN_OPEN/CLOSE/DUP2 file action codes, as CPython 3.11's.
 *
 * Stage: pyvm.  Part of the posix module (mod_posix_ext.c adds it).  The
 * arguments are checked with CPython's messages ("posix_spawn: argv must
 * not be empty", "A close file_action tuple must have 2 elements", ...),
 * then the C library's posix_spawn runs the program; its error number is
 * the OSError naming the path.
 */
#include "cmd/pyvm/mod_posix_spawn.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libstage/common.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fdarg.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/mod_posix_proc.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* glibc's flag for setsid (<spawn.h> shows it under _GNU_SOURCE). */
#ifndef POSIX_SPAWN_SETSID
#define POSIX_SPAWN_SETSID 0x80
#endif

/* The file action codes of the tuples in file_actions. */
enum { SPAWN_OPEN, SPAWN_CLOSE, SPAWN_DUP2 };

/* What one call holds until posix_spawn has run: the converted strings
 * (lists keep them alive) and the C arrays pointing into them. */
typedef struct SpawnArgs {
    Obj *keep;                  /* list of the file actions' path objects */
    Obj *argv_keep, *env_keep;  /* what argv and envp point into (mod_posix_proc.c) */
    char **argv;                /* NULL-terminated */
    char **envp;                /* NULL-terminated "K=V" strings */
} SpawnArgs;

static void spawn_args_free(SpawnArgs *s)
{
    XDECREF(s->keep);
    XDECREF(s->argv_keep);
    XDECREF(s->env_keep);
    free(s->argv);
    free(s->envp);
}

/* argv and env as execve's (the same checks and messages) */
static int conv_argv_env(const char *fname, Obj *argv, Obj *env, SpawnArgs *s)
{
    s->argv = vm_posix_exec_argv(argv, fname, true, &s->argv_keep);
    if (!s->argv)
        return -1;
    Obj *keys_fn = vm_getattr(env, vm_str_intern("keys", 4));
    if (!keys_fn) {
        vm_err_clear();
        vm_err_fmt(&vm_exc_TypeError, "%s: environment must be a mapping object", fname);
        return -1;
    }
    DECREF(keys_fn);
    s->envp = vm_posix_exec_envp(env, &s->env_keep);
    return s->envp ? 0 : -1;
}

/* file_actions: a sequence of (POSIX_SPAWN_OPEN, fd, path, flags, mode),
 * (POSIX_SPAWN_CLOSE, fd) and (POSIX_SPAWN_DUP2, fd, new_fd) */
static int conv_actions(Obj *acts, posix_spawn_file_actions_t *fa, SpawnArgs *s)
{
    Obj *l = vm_list_from_iter(acts);
    if (!l) {
        vm_err_clear();
        vm_err_str(&vm_exc_TypeError, "file_actions must be a sequence or None");
        return -1;
    }
    for (ssize_t i = 0; i < LIST_LEN(l); i++) {
        Obj *a = LIST_ITEMS(l)[i];
        if (!TUPLE_CHECK(a) || TUPLE_LEN(a) == 0) {
            vm_err_str(&vm_exc_TypeError, "Each file_actions element must be a non-empty tuple");
            goto fail;
        }
        Obj *const *it = TUPLE_ITEMS(a);
        ssize_t n = TUPLE_LEN(a);
        int tag, fd, v2;
        if (vm_cint_arg(it[0], &tag) < 0)
            goto fail;
        switch (tag) {
        case SPAWN_OPEN: {
            if (n != 5) {
                vm_err_str(&vm_exc_TypeError, "A open file_action tuple must have 5 elements");
                goto fail;
            }
            int flags, mode;
            if (vm_cint_arg(it[1], &fd) < 0)
                goto fail;
            Obj *p = vm_posix_fsencode(it[2]);
            if (!p || vm_cint_arg(it[3], &flags) < 0 || vm_cint_arg(it[4], &mode) < 0) {
                XDECREF(p);
                goto fail;
            }
            vm_list_append(s->keep, p);
            DECREF(p);
            errno = posix_spawn_file_actions_addopen(fa, fd, vm_posix_cstr(p), flags,
                                                     (mode_t)mode);
            break;
        }
        case SPAWN_CLOSE:
            if (n != 2) {
                vm_err_str(&vm_exc_TypeError, "A close file_action tuple must have 2 elements");
                goto fail;
            }
            if (vm_cint_arg(it[1], &fd) < 0)
                goto fail;
            errno = posix_spawn_file_actions_addclose(fa, fd);
            break;
        case SPAWN_DUP2:
            if (n != 3) {
                vm_err_str(&vm_exc_TypeError, "A dup2 file_action tuple must have 3 elements");
                goto fail;
            }
            if (vm_cint_arg(it[1], &fd) < 0 || vm_cint_arg(it[2], &v2) < 0)
                goto fail;
            errno = posix_spawn_file_actions_adddup2(fa, fd, v2);
            break;
        default:
            vm_err_str(&vm_exc_TypeError, "Unknown file_actions identifier");
            goto fail;
        }
        if (errno) {
            vm_err_errno(errno, NULL);
            goto fail;
        }
    }
    DECREF(l);
    return 0;
fail:
    DECREF(l);
    return -1;
}

/* An iterable of signal numbers into set. */
static int conv_sigset(Obj *o, sigset_t *set)
{
    Obj *l = vm_list_from_iter(o);
    if (!l)
        return -1;
    sigemptyset(set);
    for (ssize_t i = 0; i < LIST_LEN(l); i++) {
        int sig;
        if (vm_cint_arg(LIST_ITEMS(l)[i], &sig) < 0) {
            DECREF(l);
            return -1;
        }
        if (sig < 1 || sig >= NSIG) {
            DECREF(l);
            vm_err_fmt(&vm_exc_ValueError, "signal number %d out of range [1; %d]", sig,
                       NSIG - 1);
            return -1;
        }
        sigaddset(set, sig);
    }
    DECREF(l);
    return 0;
}

/* The keyword arguments, in CPython's order. */
enum { KW_FILE_ACTIONS, KW_SETPGROUP, KW_RESETIDS, KW_SETSID, KW_SETSIGMASK, KW_SETSIGDEF,
       KW_SCHEDULER, KW_COUNT };
static const char *const kw_names[KW_COUNT] = {"file_actions", "setpgroup", "resetids",
                                               "setsid", "setsigmask", "setsigdef",
                                               "scheduler"};

static Obj *do_spawn(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                     bool use_path)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0, npos = nargs - nkw;
    if (npos != 3)
        return vm_err_fmt(&vm_exc_TypeError, "%s() takes exactly 3 positional arguments (%zu "
                          "given)", fname, npos);
    Obj *kw[KW_COUNT] = {NULL};
    for (size_t i = 0; i < nkw; i++) {
        Obj *k = TUPLE_ITEMS(kwnames)[i];
        int j = 0;
        while (j < KW_COUNT && !vm_str_eqc(k, kw_names[j]))
            j++;
        if (j == KW_COUNT)
            return vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for "
                              "%s()", STR_DATA(k), fname);
        kw[j] = args[npos + i];
    }
    Obj *path = vm_posix_fsencode(args[0]);
    if (!path) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_fmt(&vm_exc_TypeError, "%s: path should be string, bytes or os.PathLike, "
                       "not %s", fname, vm_tname(args[0]));
        }
        return NULL;
    }
    SpawnArgs sa = {vm_list_new(0), NULL, NULL, NULL, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    bool have_fa = false, have_attr = false;
    Obj *result = NULL;
    short flags = 0;
    if (conv_argv_env(fname, args[1], args[2], &sa) < 0)
        goto done;
    if (kw[KW_FILE_ACTIONS] && kw[KW_FILE_ACTIONS] != VM_NONE) {
        posix_spawn_file_actions_init(&fa);
        have_fa = true;
        if (conv_actions(kw[KW_FILE_ACTIONS], &fa, &sa) < 0)
            goto done;
    }
    posix_spawnattr_init(&attr);
    have_attr = true;
    if (kw[KW_SETPGROUP] && kw[KW_SETPGROUP] != VM_NONE) {
        int64_t pg;
        if (vm_clong_arg(kw[KW_SETPGROUP], &pg) < 0)
            goto done;
        posix_spawnattr_setpgroup(&attr, (pid_t)pg);
        flags |= POSIX_SPAWN_SETPGROUP;
    }
    for (int k = KW_RESETIDS; k <= KW_SETSID; k++) {
        int on = kw[k] ? vm_truth(kw[k]) : 0;
        if (on < 0)
            goto done;
        if (on)
            flags |= k == KW_RESETIDS ? POSIX_SPAWN_RESETIDS : POSIX_SPAWN_SETSID;
    }
    if (kw[KW_SETSIGMASK]) {
        sigset_t set;
        if (conv_sigset(kw[KW_SETSIGMASK], &set) < 0)
            goto done;
        posix_spawnattr_setsigmask(&attr, &set);
        flags |= POSIX_SPAWN_SETSIGMASK;
    }
    if (kw[KW_SETSIGDEF]) {
        sigset_t set;
        if (conv_sigset(kw[KW_SETSIGDEF], &set) < 0)
            goto done;
        posix_spawnattr_setsigdefault(&attr, &set);
        flags |= POSIX_SPAWN_SETSIGDEF;
    }
    if (kw[KW_SCHEDULER] && kw[KW_SCHEDULER] != VM_NONE) {
        Obj *sc = kw[KW_SCHEDULER];
        Obj *param = TUPLE_CHECK(sc) && TUPLE_LEN(sc) == 2 ? TUPLE_ITEMS(sc)[1] : NULL;
        int policy, prio;
        if (!param || strcmp(vm_tname(param), "sched_param") != 0 || !TUPLE_CHECK(param)
            || TUPLE_LEN(param) != 1) {
            vm_err_str(&vm_exc_TypeError, "must have a sched_param object");
            goto done;
        }
        if (vm_cint_arg(TUPLE_ITEMS(sc)[0], &policy) < 0
            || vm_cint_arg(TUPLE_ITEMS(param)[0], &prio) < 0)
            goto done;
        struct sched_param sp = {.sched_priority = prio};
        posix_spawnattr_setschedpolicy(&attr, policy);
        posix_spawnattr_setschedparam(&attr, &sp);
        flags |= POSIX_SPAWN_SETSCHEDULER | POSIX_SPAWN_SETSCHEDPARAM;
    }
    if (flags && (errno = posix_spawnattr_setflags(&attr, flags)) != 0) {
        vm_err_errno(errno, NULL);
        goto done;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid;
    const char *p = vm_posix_cstr(path);
    int err = use_path ? posix_spawnp(&pid, p, have_fa ? &fa : NULL, &attr, sa.argv, sa.envp)
                       : posix_spawn(&pid, p, have_fa ? &fa : NULL, &attr, sa.argv, sa.envp);
    if (err != 0)
        vm_err_errno(err, args[0]);
    else
        result = vm_int_from_i64(pid);
done:
    if (have_fa)
        posix_spawn_file_actions_destroy(&fa);
    if (have_attr)
        posix_spawnattr_destroy(&attr);
    spawn_args_free(&sa);
    DECREF(path);
    return result;
}

Obj *vm_posix_spawn(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return do_spawn("posix_spawn", args, nargs, kwnames, false);
}

Obj *vm_posix_spawnp(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return do_spawn("posix_spawnp", args, nargs, kwnames, true);
}
