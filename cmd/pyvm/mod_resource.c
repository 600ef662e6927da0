/* cmd/pyvm/mod_resource.c: the resource module: getrusage (a
 * struct_rusage, the struct sequence of structseq.h), getrlimit, setrlimit
 * and prlimit ((soft, hard) pairs, RLIM_INFINITY as -1), getpagesize, the
 * RLIMIT_* and RUSAGE_* constants, error (OSError).
 *
 * Stage: pyvm.  Errors are CPython's: an unknown resource or who is a
 * ValueError; a limit the process may not set is a ValueError with
 * CPython's message, other failures the OSError for errno.
 */
#include "cmd/pyvm/mod_resource.h"

#include <errno.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/structseq.h"
#include "cmd/pyvm/tuple.h"

static const char *const rusage_fields[] = {
    "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt",
    "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv",
    "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
};
static const StructSeqDesc rusage_desc = {"resource.struct_rusage", rusage_fields, 16, 16, true};

Obj *vm_rusage_new(const struct rusage *ru)
{
    long n[14] = {ru->ru_maxrss, ru->ru_ixrss, ru->ru_idrss, ru->ru_isrss, ru->ru_minflt,
                  ru->ru_majflt, ru->ru_nswap, ru->ru_inblock, ru->ru_oublock, ru->ru_msgsnd,
                  ru->ru_msgrcv, ru->ru_nsignals, ru->ru_nvcsw, ru->ru_nivcsw};
    Obj *v[16];
    v[0] = vm_float_new((double)ru->ru_utime.tv_sec + ru->ru_utime.tv_usec * 1e-6);
    v[1] = vm_float_new((double)ru->ru_stime.tv_sec + ru->ru_stime.tv_usec * 1e-6);
    for (int i = 0; i < 14; i++)
        v[2 + i] = vm_int_from_i64(n[i]);
    return vm_structseq_new(&rusage_desc, v);
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

/* getrusage(who, /) */
static Obj *rs_getrusage(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t who;
    if (vm_nokw("getrusage", kwnames) < 0 || vm_argc("getrusage", nargs, 1, 1) < 0
        || int_arg(args[0], &who) < 0)
        return NULL;
    struct rusage ru;
    if (getrusage((int)who, &ru) < 0) {
        if (errno == EINVAL)
            return vm_err_str(&vm_exc_ValueError, "invalid who parameter");
        return vm_err_errno(errno, NULL);
    }
    return vm_rusage_new(&ru);
}

static int resource_arg(Obj *o, int *out)
{
    int64_t r;
    if (int_arg(o, &r) < 0)
        return -1;
    if (r < 0 || r >= RLIM_NLIMITS) {
        vm_err_str(&vm_exc_ValueError, "invalid resource specified");
        return -1;
    }
    *out = (int)r;
    return 0;
}

static Obj *limit_obj(rlim_t v)
{
    return vm_int_from_i64(v == RLIM_INFINITY ? -1 : (int64_t)v);
}

/* getrlimit(resource, /) -> (soft, hard) */
static Obj *rs_getrlimit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int res;
    if (vm_nokw("getrlimit", kwnames) < 0 || vm_argc("getrlimit", nargs, 1, 1) < 0
        || resource_arg(args[0], &res) < 0)
        return NULL;
    struct rlimit rl;
    if (getrlimit(res, &rl) < 0)
        return vm_err_errno(errno, NULL);
    Obj *v[2] = {limit_obj(rl.rlim_cur), limit_obj(rl.rlim_max)};
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

/* setrlimit(resource, limits, /): limits a sequence (soft, hard) */
static Obj *rs_setrlimit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int res;
    if (vm_nokw("setrlimit", kwnames) < 0 || vm_argc("setrlimit", nargs, 2, 2) < 0
        || resource_arg(args[0], &res) < 0)
        return NULL;
    Obj *l = vm_list_from_iter(args[1]);
    if (!l)
        return NULL;
    if (LIST_LEN(l) != 2) {
        DECREF(l);
        return vm_err_str(&vm_exc_ValueError, "expected a tuple of 2 integers");
    }
    int64_t v[2];
    for (int i = 0; i < 2; i++) {
        if (int_arg(LIST_ITEMS(l)[i], &v[i]) < 0) {
            DECREF(l);
            return NULL;
        }
    }
    DECREF(l);
    struct rlimit rl = {v[0] == -1 ? RLIM_INFINITY : (rlim_t)v[0],
                        v[1] == -1 ? RLIM_INFINITY : (rlim_t)v[1]};
    if (setrlimit(res, &rl) < 0) {
        if (errno == EINVAL)
            return vm_err_str(&vm_exc_ValueError, "current limit exceeds maximum limit");
        if (errno == EPERM)
            return vm_err_str(&vm_exc_ValueError, "not allowed to raise maximum limit");
        return vm_err_errno(errno, NULL);
    }
    return vm_newref(VM_NONE);
}

/* prlimit(pid, resource, limits=None, /): the old (soft, hard), setting
 * limits when given (the system call: glibc's wrapper is _GNU_SOURCE) */
static Obj *rs_prlimit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int res;
    int64_t pid;
    if (vm_nokw("prlimit", kwnames) < 0 || vm_argc("prlimit", nargs, 2, 3) < 0
        || int_arg(args[0], &pid) < 0 || resource_arg(args[1], &res) < 0)
        return NULL;
    uint64_t newl[2], old[2];
    bool set = nargs > 2 && args[2] != VM_NONE;
    if (set) {
        Obj *l = vm_list_from_iter(args[2]);
        if (!l)
            return NULL;
        if (LIST_LEN(l) != 2) {
            DECREF(l);
            return vm_err_str(&vm_exc_ValueError, "expected a tuple of 2 integers");
        }
        for (int i = 0; i < 2; i++) {
            int64_t v;
            if (int_arg(LIST_ITEMS(l)[i], &v) < 0) {
                DECREF(l);
                return NULL;
            }
            newl[i] = v == -1 ? (uint64_t)RLIM_INFINITY : (uint64_t)v;
        }
        DECREF(l);
    }
    if (syscall(SYS_prlimit64, (pid_t)pid, res, set ? newl : NULL, old) < 0) {
        if (errno == EINVAL)
            return vm_err_str(&vm_exc_ValueError, "current limit exceeds maximum limit");
        return vm_err_errno(errno, NULL);
    }
    Obj *v[2] = {limit_obj((rlim_t)old[0]), limit_obj((rlim_t)old[1])};
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

static Obj *rs_getpagesize(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("getpagesize", kwnames) < 0 || vm_argc("getpagesize", nargs, 0, 0) < 0)
        return NULL;
    return vm_int_from_i64(sysconf(_SC_PAGESIZE));
}

static const MethodDef resource_funcs[] = {
    {"getrusage", rs_getrusage},
    {"getrlimit", rs_getrlimit},
    {"setrlimit", rs_setrlimit},
    {"prlimit", rs_prlimit},
    {"getpagesize", rs_getpagesize},
    {NULL, NULL},
};

static const VmIntConst resource_consts[] = {
    {"RLIMIT_CPU", RLIMIT_CPU}, {"RLIMIT_FSIZE", RLIMIT_FSIZE}, {"RLIMIT_DATA", RLIMIT_DATA},
    {"RLIMIT_STACK", RLIMIT_STACK}, {"RLIMIT_CORE", RLIMIT_CORE}, {"RLIMIT_RSS", RLIMIT_RSS},
    {"RLIMIT_NPROC", RLIMIT_NPROC}, {"RLIMIT_NOFILE", RLIMIT_NOFILE},
    {"RLIMIT_OFILE", RLIMIT_NOFILE}, {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK},
    {"RLIMIT_AS", RLIMIT_AS}, {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
    {"RLIMIT_NICE", RLIMIT_NICE}, {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},
    {"RLIMIT_RTTIME", RLIMIT_RTTIME}, {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
    {"RLIM_INFINITY", -1}, {"RUSAGE_SELF", RUSAGE_SELF}, {"RUSAGE_CHILDREN", RUSAGE_CHILDREN},
    {"RUSAGE_THREAD", 1},   /* Linux's; <sys/resource.h> shows it under _GNU_SOURCE */
};

Obj *vm_mod_resource(void)
{
    Obj *m = vm_module_new("resource");
    if (!m)
        return NULL;
    for (const MethodDef *f = resource_funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
    vm_module_add_ints(m, resource_consts, sizeof resource_consts / sizeof *resource_consts);
    vm_module_add(m, "error", (Obj *)&vm_exc_OSError);
    vm_module_add(m, "struct_rusage", (Obj *)vm_structseq_type(&rusage_desc));
    return m;
}
