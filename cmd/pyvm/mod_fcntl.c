/* cmd/pyvm/mod_fcntl.c: the fcntl module: fcntl, ioctl, flock, lockf and
 * the F_*, LOCK_*, DN_*, FD_* and F_SEAL_* constants, as CPython 3.11's.
 *
 * Stage: pyvm.  A descriptor argument is an int or an object with
 * fileno() (fdarg.h).  fcntl and ioctl take an int argument (the result
 * is the call's int), or a buffer of at most 1024 bytes copied in and
 * returned as bytes; ioctl with a mutable buffer (bytearray, array) and
 * mutate_flag true lets the call change it in place.  A failing call is
 * the OSError for errno.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fdarg.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/mod_array.h"
#include "cmd/pyvm/mod_signal.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"

/* The largest buffer argument fcntl and ioctl copy. */
#define ARG_MAX_COPY 1024

/* A read-only buffer argument (str as UTF-8, or a bytes-like object):
 * true with its bytes, false (no error) when arg is something else. */
static bool const_buffer(Obj *arg, const char **data, size_t *len)
{
    if (STR_CHECK(arg)) {
        *data = STR_DATA(arg);
        *len = (size_t)STR_LEN(arg);
        return true;
    }
    return vm_bytes_buffer(arg, data, len);
}

/* fcntl(fd, cmd, arg=0, /) */
static Obj *fc_fcntl(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("fcntl.fcntl", kwnames) < 0)
        return NULL;
    if (nargs < 2 || nargs > 3)
        return vm_err_fmt(&vm_exc_TypeError, nargs < 2 ? "fcntl expected at least 2 "
                          "arguments, got %zu" : "fcntl expected at most 3 arguments, got %zu",
                          nargs);
    int fd, cmd;
    if (vm_fd_arg(args[0], &fd) < 0 || vm_cint_arg(args[1], &cmd) < 0)
        return NULL;
    const char *data;
    size_t len;
    if (nargs > 2 && const_buffer(args[2], &data, &len)) {
        if (len > ARG_MAX_COPY)
            return vm_err_str(&vm_exc_ValueError, "fcntl string arg too long");
        char buf[ARG_MAX_COPY];
        memcpy(buf, data, len);
        int rc;
        while ((rc = fcntl(fd, cmd, buf)) < 0 && errno == EINTR)
            if (vm_signal_check() < 0)
                return NULL;
        if (rc < 0)
            return vm_err_errno(errno, NULL);
        return vm_bytes_new(buf, len);
    }
    int arg = 0;
    if (nargs > 2 && vm_cint_arg(args[2], &arg) < 0)
        return NULL;
    int rc;
    while ((rc = fcntl(fd, cmd, arg)) < 0 && errno == EINTR)
        if (vm_signal_check() < 0)
            return NULL;
    if (rc < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(rc);
}

/* ioctl(fd, request, arg=0, mutate_flag=True, /) */
static Obj *fc_ioctl(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("fcntl.ioctl", kwnames) < 0)
        return NULL;
    if (nargs < 2 || nargs > 4)
        return vm_err_fmt(&vm_exc_TypeError, nargs < 2 ? "ioctl expected at least 2 "
                          "arguments, got %zu" : "ioctl expected at most 4 arguments, got %zu",
                          nargs);
    int fd;
    if (vm_fd_arg(args[0], &fd) < 0)
        return NULL;
    if (!INT_CHECK(args[1]))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          vm_tname(args[1]));
    /* "k": the request is an unsigned long, truncated without a check */
    unsigned long req = (unsigned long)vm_int_low_bits(args[1]);
    int mutate = 1;
    if (nargs > 3 && (mutate = vm_truth(args[3])) < 0)
        return NULL;
    int rc;
    if (nargs > 2) {
        Obj *arg = args[2];
        char *wdata = NULL;
        size_t wlen = 0;
        if (BYTEARRAY_CHECK(arg)) {
            wdata = ((ByteArrayObj *)arg)->data;
            wlen = (size_t)((ByteArrayObj *)arg)->len;
        } else if (vm_array_check(arg)) {
            vm_array_buffer(arg, &wdata, &wlen, NULL, NULL);
        }
        char buf[ARG_MAX_COPY + 1];
        if (wdata && mutate) {
            /* the call works on the object's own bytes (a short one
             * through a copy, as CPython, so a call writing a little past
             * the end stays in our buffer) */
            char *p = wdata;
            if (wlen <= ARG_MAX_COPY) {
                memcpy(buf, wdata, wlen);
                buf[wlen] = '\0';
                p = buf;
            }
            rc = ioctl(fd, req, p);
            int e = errno;
            if (rc >= 0 && p == buf)
                memcpy(wdata, buf, wlen);
            if (rc < 0)
                return vm_err_errno(e, NULL);
            return vm_int_from_i64(rc);
        }
        const char *data = wdata;
        size_t len = wlen;
        if (wdata || const_buffer(arg, &data, &len)) {
            if (len > ARG_MAX_COPY)
                return vm_err_str(&vm_exc_ValueError, "ioctl string arg too long");
            memcpy(buf, data, len);
            buf[len] = '\0';
            rc = ioctl(fd, req, buf);
            if (rc < 0)
                return vm_err_errno(errno, NULL);
            return vm_bytes_new(buf, len);
        }
        int iarg;
        if (vm_cint_arg(arg, &iarg) < 0)
            return NULL;
        rc = ioctl(fd, req, (long)iarg);
    } else {
        rc = ioctl(fd, req, 0L);
    }
    if (rc < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(rc);
}

/* flock(fd, operation, /) */
static Obj *fc_flock(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("flock", kwnames) < 0 || vm_argc("flock", nargs, 2, 2) < 0)
        return NULL;
    int fd, op;
    if (vm_fd_arg(args[0], &fd) < 0 || vm_cint_arg(args[1], &op) < 0)
        return NULL;
    int rc;
    while ((rc = flock(fd, op)) < 0 && errno == EINTR)
        if (vm_signal_check() < 0)
            return NULL;
    if (rc < 0)
        return vm_err_errno(errno, NULL);
    return vm_newref(VM_NONE);
}

/* lockf(fd, cmd, len=0, start=0, whence=0, /): LOCK_UN, or LOCK_SH /
 * LOCK_EX (with LOCK_NB: do not wait) as an fcntl record lock */
static Obj *fc_lockf(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("lockf", kwnames) < 0)
        return NULL;
    if (nargs < 2 || nargs > 5)
        return vm_err_fmt(&vm_exc_TypeError, nargs < 2 ? "lockf expected at least 2 "
                          "arguments, got %zu" : "lockf expected at most 5 arguments, got %zu",
                          nargs);
    int fd, code, whence = 0;
    int64_t len = 0, start = 0;
    if (vm_fd_arg(args[0], &fd) < 0 || vm_cint_arg(args[1], &code) < 0
        || (nargs > 2 && vm_clong_arg(args[2], &len) < 0)
        || (nargs > 3 && vm_clong_arg(args[3], &start) < 0)
        || (nargs > 4 && vm_cint_arg(args[4], &whence) < 0))
        return NULL;
    struct flock l;
    memset(&l, 0, sizeof l);
    if (code == LOCK_UN)
        l.l_type = F_UNLCK;
    else if (code & LOCK_SH)
        l.l_type = F_RDLCK;
    else if (code & LOCK_EX)
        l.l_type = F_WRLCK;
    else
        return vm_err_str(&vm_exc_ValueError, "unrecognized lockf argument");
    l.l_start = (off_t)start;
    l.l_len = (off_t)len;
    l.l_whence = (short)whence;
    int rc;
    while ((rc = fcntl(fd, (code & LOCK_NB) ? F_SETLK : F_SETLKW, &l)) < 0 && errno == EINTR)
        if (vm_signal_check() < 0)
            return NULL;
    if (rc < 0)
        return vm_err_errno(errno, NULL);
    return vm_newref(VM_NONE);
}

static const MethodDef fcntl_funcs[] = {
    {"fcntl", fc_fcntl}, {"ioctl", fc_ioctl}, {"flock", fc_flock}, {"lockf", fc_lockf},
    {NULL, NULL},
};

/* Linux's values: <fcntl.h> shows several of these only under
 * _GNU_SOURCE, so the table spells them out. */
static const VmIntConst fcntl_consts[] = {
    {"LOCK_SH", 1}, {"LOCK_EX", 2}, {"LOCK_NB", 4}, {"LOCK_UN", 8}, {"LOCK_MAND", 32},
    {"LOCK_READ", 64}, {"LOCK_WRITE", 128}, {"LOCK_RW", 192},
    {"F_DUPFD", 0}, {"F_DUPFD_CLOEXEC", 1030}, {"F_GETFD", 1}, {"F_SETFD", 2},
    {"F_GETFL", 3}, {"F_SETFL", 4}, {"F_GETLK", 5}, {"F_SETLK", 6}, {"F_SETLKW", 7},
    {"F_OFD_GETLK", 36}, {"F_OFD_SETLK", 37}, {"F_OFD_SETLKW", 38},
    {"F_GETOWN", 9}, {"F_SETOWN", 8}, {"F_GETSIG", 11}, {"F_SETSIG", 10},
    {"F_RDLCK", 0}, {"F_WRLCK", 1}, {"F_UNLCK", 2},
    {"F_GETLK64", 5}, {"F_SETLK64", 6}, {"F_SETLKW64", 7}, {"FASYNC", 8192},
    {"F_SETLEASE", 1024}, {"F_GETLEASE", 1025}, {"F_NOTIFY", 1026},
    {"F_EXLCK", 4}, {"F_SHLCK", 8}, {"F_SETPIPE_SZ", 1031}, {"F_GETPIPE_SZ", 1032},
    {"FD_CLOEXEC", 1}, {"DN_ACCESS", 1}, {"DN_MODIFY", 2}, {"DN_CREATE", 4},
    {"DN_DELETE", 8}, {"DN_RENAME", 16}, {"DN_ATTRIB", 32}, {"DN_MULTISHOT", 2147483648L},
    {"F_ADD_SEALS", 1033}, {"F_GET_SEALS", 1034}, {"F_SEAL_SEAL", 1},
    {"F_SEAL_SHRINK", 2}, {"F_SEAL_GROW", 4}, {"F_SEAL_WRITE", 8},
};

Obj *vm_mod_fcntl(void)
{
    Obj *m = vm_module_new("fcntl");
    if (!m)
        return NULL;
    for (const MethodDef *f = fcntl_funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
    vm_module_add_ints(m, fcntl_consts, sizeof fcntl_consts / sizeof *fcntl_consts);
    return m;
}
