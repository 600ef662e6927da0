/* cmd/pyvm/mod_posix_ext.c: more of the posix module (mod_posix_ext.h):
 * the struct sequences stat_result (with its three unnamed int times),
 * statvfs_result, terminal_size and uname_result; pseudo-terminals and
 * the controlling terminal; statvfs/fstatvfs; the Linux descriptor calls
 * (getrandom, memfd_create, eventfd, sendfile, copy_file_range, splice,
 * readv/writev/preadv/pwritev, lockf, posix_fadvise/fallocate); the
 * scheduler queries and sched_param; device numbers, fchdir, fchown,
 * fdatasync, setresuid/setresgid, getgrouplist, initgroups, pidfd_open,
 * chroot, mknod; posix_spawn (mod_posix_spawn.c).
 *
 * Stage: pyvm.  Failing calls raise the OSError subclass for errno, as
 * CPython ("[Errno 25] Inappropriate ioctl for device").  mod_posix.c's
 * Python half builds stat/lstat/fstat, uname and get_terminal_size on
 * _stat_result, uname_result and terminal_size from here.
 */
#include "cmd/pyvm/mod_posix_ext.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fdarg.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/memoryview.h"
#include "cmd/pyvm/mod_mmap.h"
#include "cmd/pyvm/mod_posix_proc.h"
#include "cmd/pyvm/mod_posix_spawn.h"
#include "cmd/pyvm/mod_signal.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/structseq.h"
#include "cmd/pyvm/tuple.h"

/* ---- struct sequences ---- */

static const char *const stat_fields[] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
    NULL, NULL, NULL,           /* the int times, by index only */
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
    "st_blksize", "st_blocks", "st_rdev",
};

/* os.stat_result(seq): a float time not given is its int one */
static void stat_fill(Obj **vals)
{
    for (int i = 0; i < 3; i++)
        if (vals[10 + i] == VM_NONE) {
            DECREF(vals[10 + i]);
            vals[10 + i] = vm_newref(vals[7 + i]);
        }
}

static const StructSeqDesc stat_desc = {"os.stat_result", stat_fields, 19, 10, true};

static const char *const statvfs_fields[] = {
    "f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree",
    "f_favail", "f_flag", "f_namemax", "f_fsid",
};
static const StructSeqDesc statvfs_desc = {"os.statvfs_result", statvfs_fields, 11, 10, true};

static const char *const termsize_fields[] = {"columns", "lines"};
static const StructSeqDesc termsize_desc = {"os.terminal_size", termsize_fields, 2, 2, true};

static const char *const uname_fields[] = {"sysname", "nodename", "release", "version",
                                           "machine"};
static const StructSeqDesc uname_desc = {"posix.uname_result", uname_fields, 5, 5, true};

/* _stat_result(raw): a stat_result from _stat's 13 ints (mode, ino, dev,
 * nlink, uid, gid, size, atime_ns, mtime_ns, ctime_ns, blksize, blocks,
 * rdev) */
static Obj *pe_stat_result(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("_stat_result", kwnames) < 0 || vm_argc("_stat_result", nargs, 1, 1) < 0)
        return NULL;
    Obj *raw = args[0];
    if (!TUPLE_CHECK(raw) || TUPLE_LEN(raw) != 13)
        return vm_err_str(&vm_exc_TypeError, "_stat_result: expected 13 ints");
    int64_t v[13];
    for (int i = 0; i < 13; i++)
        if (vm_clong_arg(TUPLE_ITEMS(raw)[i], &v[i]) < 0)
            return NULL;
    Obj *f[19];
    for (int i = 0; i < 7; i++)
        f[i] = vm_newref(TUPLE_ITEMS(raw)[i]);
    for (int k = 0; k < 3; k++) {
        int64_t ns = v[7 + k], sec = ns / 1000000000, rem = ns % 1000000000;
        if (rem < 0) {
            rem += 1000000000;
            sec -= 1;
        }
        f[7 + k] = vm_int_from_i64(sec);
        f[10 + k] = vm_float_new((double)sec + (double)rem * 1e-9);
        f[13 + k] = vm_newref(TUPLE_ITEMS(raw)[7 + k]);
    }
    for (int i = 0; i < 3; i++)
        f[16 + i] = vm_newref(TUPLE_ITEMS(raw)[10 + i]);
    return vm_structseq_new(&stat_desc, f);
}

/* A str or bytes path, or (when fd_ok) an int descriptor: *fd >= 0 then.
 * The TypeError names fname as CPython's path converter. */
static Obj *path_or_fd(const char *fname, Obj *o, bool fd_ok, int *fd)
{
    *fd = -1;
    if (fd_ok && INT_CHECK(o)) {
        if (vm_cint_arg(o, fd) < 0)
            return NULL;
        return vm_newref(VM_NONE);
    }
    Obj *s = vm_posix_fsencode(o);
    if (!s) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_fmt(&vm_exc_TypeError, fd_ok ? "%s: path should be string, bytes, "
                       "os.PathLike or integer, not %s" : "%s: path should be string, bytes "
                       "or os.PathLike, not %s", fname, vm_tname(o));
        }   /* a NUL stays "embedded null byte", as CPython's statvfs */
    }
    return s;
}

static Obj *statvfs_new(const struct statvfs *s)
{
    int64_t v[11] = {(int64_t)s->f_bsize, (int64_t)s->f_frsize, (int64_t)s->f_blocks,
                     (int64_t)s->f_bfree, (int64_t)s->f_bavail, (int64_t)s->f_files,
                     (int64_t)s->f_ffree, (int64_t)s->f_favail, (int64_t)s->f_flag,
                     (int64_t)s->f_namemax, (int64_t)s->f_fsid};
    Obj *f[11];
    for (int i = 0; i < 11; i++)
        f[i] = vm_int_from_i64(v[i]);
    return vm_structseq_new(&statvfs_desc, f);
}

/* statvfs(path): path may be a descriptor */
static Obj *pe_statvfs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"path"};
    static const ClinicSpec spec = {"statvfs", names, 1, 0, 1, 1};
    Obj *a[1];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int fd;
    Obj *p = path_or_fd("statvfs", a[0], true, &fd);
    if (!p)
        return NULL;
    struct statvfs st;
    int rc = fd >= 0 ? fstatvfs(fd, &st) : statvfs(vm_posix_cstr(p), &st), e = errno;
    DECREF(p);
    if (rc < 0)
        return vm_err_errno(e, fd >= 0 ? NULL : a[0]);
    return statvfs_new(&st);
}

/* fstatvfs(fd, /) */
static Obj *pe_fstatvfs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd;
    if (vm_nokw("fstatvfs", kwnames) < 0 || vm_argc("fstatvfs", nargs, 1, 1) < 0
        || vm_cint_arg(args[0], &fd) < 0)
        return NULL;
    struct statvfs st;
    if (fstatvfs(fd, &st) < 0)
        return vm_err_errno(errno, NULL);
    return statvfs_new(&st);
}

/* ---- terminals ---- */

static Obj *pair(int64_t a, int64_t b)
{
    Obj *v[2] = {vm_int_from_i64(a), vm_int_from_i64(b)};
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

/* openpty(): (master, slave), both non-inheritable: /dev/ptmx, then the
 * slave named by TIOCGPTN once TIOCSPTLCK has unlocked it */
static Obj *pe_openpty(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("openpty", kwnames) < 0 || vm_argc("openpty", nargs, 0, 0) < 0)
        return NULL;
    int m = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m < 0)
        return vm_err_errno(errno, NULL);
    int unlock = 0;
    unsigned int n = 0;
    if (ioctl(m, TIOCSPTLCK, &unlock) < 0 || ioctl(m, TIOCGPTN, &n) < 0) {
        int e = errno;
        close(m);
        return vm_err_errno(e, NULL);
    }
    char name[64];
    snprintf(name, sizeof name, "/dev/pts/%u", n);
    int s = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (s < 0) {
        int e = errno;
        close(m);
        return vm_err_errno(e, NULL);
    }
    return pair(m, s);
}

/* login_tty(fd, /): fd becomes the controlling terminal of a new session
 * and the standard input, output and error */
static Obj *pe_login_tty(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd;
    if (vm_nokw("login_tty", kwnames) < 0 || vm_argc("login_tty", nargs, 1, 1) < 0
        || vm_fd_arg(args[0], &fd) < 0)
        return NULL;
    (void)setsid();
    if (ioctl(fd, TIOCSCTTY, 0) < 0)
        return vm_err_errno(errno, NULL);
    for (int i = 0; i < 3; i++)
        if (dup2(fd, i) < 0)
            return vm_err_errno(errno, NULL);
    if (fd > 2)
        close(fd);
    return vm_newref(VM_NONE);
}

/* ttyname(fd, /) */
static Obj *pe_ttyname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd;
    if (vm_nokw("ttyname", kwnames) < 0 || vm_argc("ttyname", nargs, 1, 1) < 0
        || vm_cint_arg(args[0], &fd) < 0)
        return NULL;
    char buf[256];
    int rc = ttyname_r(fd, buf, sizeof buf);
    if (rc != 0)
        return vm_err_errno(rc, NULL);
    return vm_str_cstr(buf);
}

/* ctermid(): the controlling terminal's name */
static Obj *pe_ctermid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("ctermid", kwnames) < 0 || vm_argc("ctermid", nargs, 0, 0) < 0)
        return NULL;
    return vm_str_cstr("/dev/tty");     /* what ctermid(3) says on Linux */
}

static Obj *pe_tcgetpgrp(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd;
    if (vm_nokw("tcgetpgrp", kwnames) < 0 || vm_argc("tcgetpgrp", nargs, 1, 1) < 0
        || vm_cint_arg(args[0], &fd) < 0)
        return NULL;
    pid_t p = tcgetpgrp(fd);
    if (p < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(p);
}

static Obj *pe_tcsetpgrp(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd, pg;
    if (vm_nokw("tcsetpgrp", kwnames) < 0 || vm_argc("tcsetpgrp", nargs, 2, 2) < 0
        || vm_cint_arg(args[0], &fd) < 0 || vm_cint_arg(args[1], &pg) < 0)
        return NULL;
    if (tcsetpgrp(fd, (pid_t)pg) < 0)
        return vm_err_errno(errno, NULL);
    return vm_newref(VM_NONE);
}

/* ---- Linux descriptor calls ---- */

/* Parameters through the clinic: out[i] NULL when not given. */
#define CLINIC(fname, nposonly, maxpos, nreq, ...) \
    static const char *const names_[] = {__VA_ARGS__}; \
    static const ClinicSpec spec_ = {fname, names_, sizeof names_ / sizeof *names_, nposonly, \
                                     maxpos, nreq}; \
    Obj *a[sizeof names_ / sizeof *names_]; \
    if (vm_clinic_args(&spec_, args, nargs, kwnames, a) < 0) \
        return NULL

/* A non-negative count ("count" in messages) */
static int count_arg(Obj *o, const char *what, int64_t *out)
{
    if (vm_clong_arg(o, out) < 0)
        return -1;
    if (*out < 0) {
        vm_err_fmt(&vm_exc_ValueError, "negative value for '%s' not allowed", what);
        return -1;
    }
    return 0;
}

/* Retry a system call interrupted by a signal (PEP 475). */
#define RETRY(rc, call) \
    while (((rc) = (call)) < 0 && errno == EINTR) \
        if (vm_signal_check() < 0) \
            return NULL

/* getrandom(size, flags=0) */
static Obj *pe_getrandom(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLINIC("getrandom", 0, 2, 1, "size", "flags");
    int64_t size;
    int flags = 0;
    if (vm_clong_arg(a[0], &size) < 0 || (a[1] && vm_cint_arg(a[1], &flags) < 0))
        return NULL;
    if (size < 0)
        return vm_err_errno(EINVAL, NULL);
    char *buf = ls_xmalloc((size_t)size + 1);
    int64_t got = 0;
    while (got < size) {
        long n = syscall(SYS_getrandom, buf + got, (size_t)(size - got), (unsigned)flags);
        if (n < 0) {
            if (errno == EINTR) {
                if (vm_signal_check() < 0) {
                    free(buf);
                    return NULL;
                }
                continue;
            }
            int e = errno;
            free(buf);
            return vm_err_errno(e, NULL);
        }
        got += n;
    }
    Obj *r = vm_bytes_new(buf, (size_t)size);
    free(buf);
    return r;
}

/* memfd_create(name, flags=MFD_CLOEXEC) */
static Obj *pe_memfd_create(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLINIC("memfd_create", 0, 2, 1, "name", "flags");
    int flags = 1;  /* MFD_CLOEXEC */
    if (a[1] && vm_cint_arg(a[1], &flags) < 0)
        return NULL;
    Obj *name = vm_posix_fsencode(a[0]);
    if (!name)
        return NULL;
    long fd = syscall(SYS_memfd_create, vm_posix_cstr(name), (unsigned)flags);
    int e = errno;
    DECREF(name);
    if (fd < 0)
        return vm_err_errno(e, NULL);
    return vm_int_from_i64(fd);
}

/* eventfd(initval, flags=EFD_CLOEXEC) */
static Obj *pe_eventfd(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLINIC("eventfd", 0, 2, 1, "initval", "flags");
    int64_t init;
    int flags = 02000000;   /* EFD_CLOEXEC (O_CLOEXEC) */
    if (vm_clong_arg(a[0], &init) < 0 || (a[1] && vm_cint_arg(a[1], &flags) < 0))
        return NULL;
    if (init < 0)
        return vm_err_str(&vm_exc_ValueError, "value must be positive");
    if (init > UINT32_MAX)
        return vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C "
                          "unsigned long");
    long fd = syscall(SYS_eventfd2, (unsigned)init, flags);
    if (fd < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(fd);
}

/* eventfd_read(fd): the 8-byte counter */
static Obj *pe_eventfd_read(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLINIC("eventfd_read", 0, 1, 1, "fd");
    int fd;
    if (vm_fd_arg(a[0], &fd) < 0)
        return NULL;
    uint64_t v;
    ssize_t n;
    RETRY(n, read(fd, &v, sizeof v));
    if (n < 0)
        return vm_err_errno(errno, NULL);
    if (v > INT64_MAX) {
        char buf[32];
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
        return vm_int_from_str(buf, strlen(buf), 10);
    }
    return vm_int_from_i64((int64_t)v);
}

/* eventfd_write(fd, value) */
static Obj *pe_eventfd_write(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLINIC("eventfd_write", 0, 2, 2, "fd", "value");
    int fd;
    int64_t v;
    if (vm_fd_arg(a[0], &fd) < 0)
        return NULL;
    if (!INT_CHECK(a[1]))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          vm_tname(a[1]));
    if (vm_int_as_i64(a[1], &v) < 0) {
        vm_err_clear();
        return vm_err_str(&vm_exc_OverflowError, "int too big to convert");
    }
    if (v < 0)
        return vm_err_str(&vm_exc_ValueError, "value must be positive");
    uint64_t u = (uint64_t)v;
    ssize_t n;
    RETRY(n, write(fd, &u, sizeof u));
    if (n < 0)
        return vm_err_errno(errno, NULL);
    return vm_newref(VM_NONE);
}

/* An optional offset (None: the descriptor's own position). */
static int opt_off(Obj *o, int64_t *v, bool *given)
{
    *given = o && o != VM_NONE;
    return *given ? vm_clong_arg(o, v) : 0;
}

/* sendfile(out_fd, in_fd, offset, count) */
static Obj *pe_sendfile(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLINIC("sendfile", 0, 4, 4, "out_fd", "in_fd", "offset", "count");
    int out, in;
    int64_t off = 0, count;
    bool given;
    if (vm_cint_arg(a[0], &out) < 0 || vm_cint_arg(a[1], &in) < 0
        || opt_off(a[2], &off, &given) < 0 || vm_clong_arg(a[3], &count) < 0)
        return NULL;
    if (count < 0)
        return vm_err_errno(EINVAL, NULL);
    long n;
    RETRY(n, syscall(SYS_sendfile, out, in, given ? &off : NULL, (size_t)count));
    if (n < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(n);
}

/* copy_file_range(src, dst, count, offset_src=None, offset_dst=None) and
 * splice(src, dst, count, offset_src=None, offset_dst=None, flags=0) */
static Obj *two_fd_copy(Obj *const *a, bool is_splice)
{
    int src, dst, flags = 0;
    int64_t count, os_, od;
    bool gs, gd;
    if (vm_cint_arg(a[0], &src) < 0 || vm_cint_arg(a[1], &dst) < 0
        || count_arg(a[2], "count", &count) < 0 || opt_off(a[3], &os_, &gs) < 0
        || opt_off(a[4], &od, &gd) < 0 || (is_splice && a[5] && vm_cint_arg(a[5], &flags) < 0))
        return NULL;
    long n, nr = is_splice ? SYS_splice : SYS_copy_file_range;
    RETRY(n, syscall(nr, src, gs ? &os_ : NULL, dst, gd ? &od : NULL, (size_t)count,
                     is_splice ? (unsigned)flags : 0u));
    if (n < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(n);
}

static Obj *pe_copy_file_range(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLINIC("copy_file_range", 0, 5, 3, "src", "dst", "count", "offset_src", "offset_dst");
    return two_fd_copy(a, false);
}

static Obj *pe_splice(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLINIC("splice", 0, 6, 3, "src", "dst", "count", "offset_src", "offset_dst", "flags");
    return two_fd_copy(a, true);
}

/* The buffers of readv/writev/preadv/pwritev as an iovec array (free it);
 * writable ones (bytearray) for reading. */
static struct iovec *iov_from(const char *fname, Obj *seq, bool for_read, int *cnt, Obj **keep)
{
    if (!TUPLE_CHECK(seq) && !LIST_CHECK(seq)) {
        vm_err_fmt(&vm_exc_TypeError, "%s() arg 2 must be a sequence", fname);
        return NULL;
    }
    Obj *l = vm_list_from_iter(seq);
    if (!l)
        return NULL;
    ssize_t n = LIST_LEN(l);
    struct iovec *iov = calloc((size_t)n + 1, sizeof *iov);
    for (ssize_t i = 0; i < n; i++) {
        Obj *b = LIST_ITEMS(l)[i];
        if (for_read) {
            /* a writable buffer: bytearray, a writable map, a writable view */
            char *w = NULL;
            size_t wlen = 0;
            bool ok = true;
            if (BYTEARRAY_CHECK(b)) {
                w = ((ByteArrayObj *)b)->data;
                wlen = (size_t)((ByteArrayObj *)b)->len;
            } else if (vm_mmap_check(b) && !vm_mmap_readonly(b)) {
                ok = vm_mmap_buffer(b, &w, &wlen);
            } else if (TYPE(b) == &vm_memoryview_type) {
                ok = vm_memoryview_writable(b, &w, &wlen);
            } else {
                ok = false;
            }
            if (!ok) {
                const char *d;
                size_t len;
                if (TYPE(b) == &vm_memoryview_type)
                    vm_err_str(&vm_exc_BufferError,
                               "memoryview: underlying buffer is not writable");
                else if (vm_bytes_buffer(b, &d, &len))
                    vm_err_str(&vm_exc_BufferError, "Object is not writable.");
                else
                    vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                               vm_tname(b));
                goto fail;
            }
            iov[i].iov_base = w;
            iov[i].iov_len = wlen;
        } else {
            const char *d;
            size_t len;
            if (!vm_bytes_buffer(b, &d, &len)) {
                (void)vm_bytes_buffer_error(b, "a bytes-like object is required, not '%s'");
                goto fail;
            }
            iov[i].iov_base = (void *)d;
            iov[i].iov_len = len;
        }
    }
    *cnt = (int)n;
    *keep = l;
    return iov;
fail:
    DECREF(l);
    free(iov);
    return NULL;
}

/* readv/writev(fd, buffers) and preadv/pwritev(fd, buffers, offset, flags=0) */
static Obj *vec_io(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                   bool rd, bool positioned)
{
    if (vm_nokw(fname, kwnames) < 0
        || vm_argc(fname, nargs, positioned ? 3 : 2, positioned ? 4 : 2) < 0)
        return NULL;
    int fd, flags = 0, cnt;
    int64_t off = 0;
    if (vm_cint_arg(args[0], &fd) < 0)
        return NULL;
    Obj *keep;
    struct iovec *iov = iov_from(fname, args[1], rd, &cnt, &keep);
    if (!iov)
        return NULL;
    if (positioned && (vm_clong_arg(args[2], &off) < 0
                       || (nargs > 3 && vm_cint_arg(args[3], &flags) < 0))) {
        free(iov);
        DECREF(keep);
        return NULL;
    }
    long n;
    for (;;) {
        if (positioned)
            n = syscall(rd ? SYS_preadv2 : SYS_pwritev2, fd, iov, cnt, (long)off,
                        (long)((uint64_t)off >> 32 >> 32), flags);
        else
            n = rd ? readv(fd, iov, cnt) : writev(fd, iov, cnt);
        if (n >= 0 || errno != EINTR)
            break;
        if (vm_signal_check() < 0) {
            free(iov);
            DECREF(keep);
            return NULL;
        }
    }
    int e = errno;
    free(iov);
    DECREF(keep);
    if (n < 0)
        return vm_err_errno(e, NULL);
    return vm_int_from_i64(n);
}

static Obj *pe_readv(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vec_io("readv", args, nargs, kwnames, true, false);
}

static Obj *pe_writev(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vec_io("writev", args, nargs, kwnames, false, false);
}

static Obj *pe_preadv(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vec_io("preadv", args, nargs, kwnames, true, true);
}

static Obj *pe_pwritev(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vec_io("pwritev", args, nargs, kwnames, false, true);
}

/* lockf(fd, command, length, /) */
static Obj *pe_lockf(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd, cmd;
    int64_t len;
    if (vm_nokw("lockf", kwnames) < 0 || vm_argc("lockf", nargs, 3, 3) < 0
        || vm_cint_arg(args[0], &fd) < 0 || vm_cint_arg(args[1], &cmd) < 0
        || vm_clong_arg(args[2], &len) < 0)
        return NULL;
    int rc;
    RETRY(rc, lockf(fd, cmd, (off_t)len));
    if (rc < 0)
        return vm_err_errno(errno, NULL);
    return vm_newref(VM_NONE);
}

/* posix_fadvise(fd, offset, len, advice, /), posix_fallocate(fd, offset,
 * len, /): the error number is the result, not errno */
static Obj *pe_posix_fadvise(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd, adv;
    int64_t off, len;
    if (vm_nokw("posix_fadvise", kwnames) < 0 || vm_argc("posix_fadvise", nargs, 4, 4) < 0
        || vm_cint_arg(args[0], &fd) < 0 || vm_clong_arg(args[1], &off) < 0
        || vm_clong_arg(args[2], &len) < 0 || vm_cint_arg(args[3], &adv) < 0)
        return NULL;
    int rc;
    while ((rc = posix_fadvise(fd, (off_t)off, (off_t)len, adv)) == EINTR)
        if (vm_signal_check() < 0)
            return NULL;
    if (rc != 0)
        return vm_err_errno(rc, NULL);
    return vm_newref(VM_NONE);
}

static Obj *pe_posix_fallocate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd;
    int64_t off, len;
    if (vm_nokw("posix_fallocate", kwnames) < 0 || vm_argc("posix_fallocate", nargs, 3, 3) < 0
        || vm_cint_arg(args[0], &fd) < 0 || vm_clong_arg(args[1], &off) < 0
        || vm_clong_arg(args[2], &len) < 0)
        return NULL;
    int rc;
    while ((rc = posix_fallocate(fd, (off_t)off, (off_t)len)) == EINTR)
        if (vm_signal_check() < 0)
            return NULL;
    if (rc != 0)
        return vm_err_errno(rc, NULL);
    return vm_newref(VM_NONE);
}

/* sched_get_priority_min/max(policy), sched_getscheduler(pid): one int
 * in, one int out (the system calls: glibc declares some under
 * _GNU_SOURCE only) */
static Obj *int_syscall(const char *fname, const char *pname, Obj *const *args, size_t nargs,
                        Obj *kwnames, long nr)
{
    const char *const names[] = {pname};
    ClinicSpec spec = {fname, names, 1, 0, 1, 1};
    Obj *a[1];
    int v;
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0 || vm_cint_arg(a[0], &v) < 0)
        return NULL;
    long r = syscall(nr, v);
    if (r < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(r);
}

static Obj *pe_sched_get_priority_min(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return int_syscall("sched_get_priority_min", "policy", args, nargs, kwnames,
                       SYS_sched_get_priority_min);
}

static Obj *pe_sched_get_priority_max(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return int_syscall("sched_get_priority_max", "policy", args, nargs, kwnames,
                       SYS_sched_get_priority_max);
}

static Obj *pe_sched_getscheduler(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("sched_getscheduler", kwnames) < 0
        || vm_argc("sched_getscheduler", nargs, 1, 1) < 0)
        return NULL;
    int pid;
    if (vm_cint_arg(args[0], &pid) < 0)
        return NULL;
    long r = syscall(SYS_sched_getscheduler, pid);
    if (r < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(r);
}

/* _sched_getparam(pid): the priority (the Python half wraps it) */
static Obj *pe_sched_getparam(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int pid;
    if (vm_nokw("sched_getparam", kwnames) < 0 || vm_argc("sched_getparam", nargs, 1, 1) < 0
        || vm_cint_arg(args[0], &pid) < 0)
        return NULL;
    struct sched_param sp;
    if (syscall(SYS_sched_getparam, pid, &sp) < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(sp.sched_priority);
}

/* ---- small descriptor, device and id calls ---- */

/* fchdir(fd), fdatasync(fd): a descriptor (or fileno()) in, None out */
static Obj *fd_call(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                    int (*fn)(int))
{
    const char *const names[] = {"fd"};
    ClinicSpec spec = {fname, names, 1, 0, 1, 1};
    Obj *a[1];
    int fd, rc;
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0 || vm_fd_arg(a[0], &fd) < 0)
        return NULL;
    RETRY(rc, fn(fd));
    if (rc < 0)
        return vm_err_errno(errno, NULL);
    return vm_newref(VM_NONE);
}

static Obj *pe_fchdir(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return fd_call("fchdir", args, nargs, kwnames, fchdir);
}

static Obj *pe_fdatasync(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return fd_call("fdatasync", args, nargs, kwnames, fdatasync);
}

/* fchown(fd, uid, gid) */
static Obj *pe_fchown(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLINIC("fchown", 0, 3, 3, "fd", "uid", "gid");
    int fd, rc;
    int64_t u, g;
    if (vm_cint_arg(a[0], &fd) < 0 || vm_clong_arg(a[1], &u) < 0 || vm_clong_arg(a[2], &g) < 0)
        return NULL;
    RETRY(rc, fchown(fd, (uid_t)u, (gid_t)g));
    if (rc < 0)
        return vm_err_errno(errno, NULL);
    return vm_newref(VM_NONE);
}

/* major(device), minor(device), makedev(major, minor): Linux's dev_t
 * layout (12 bits of major and 20 of minor, split across the word) */
static Obj *pe_major(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("major", kwnames) < 0 || vm_argc("major", nargs, 1, 1) < 0)
        return NULL;
    if (!INT_CHECK(args[0]))
        return vm_err_str(&vm_exc_TypeError, "an integer is required");
    uint64_t d = vm_int_low_bits(args[0]);
    return vm_int_from_i64((int64_t)(((d >> 32) & 0xfffff000u) | ((d >> 8) & 0xfffu)));
}

static Obj *pe_minor(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("minor", kwnames) < 0 || vm_argc("minor", nargs, 1, 1) < 0)
        return NULL;
    if (!INT_CHECK(args[0]))
        return vm_err_str(&vm_exc_TypeError, "an integer is required");
    uint64_t d = vm_int_low_bits(args[0]);
    return vm_int_from_i64((int64_t)(((d >> 12) & 0xffffff00u) | (d & 0xffu)));
}

static Obj *pe_makedev(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int ma, mi;
    if (vm_nokw("makedev", kwnames) < 0 || vm_argc("makedev", nargs, 2, 2) < 0
        || vm_cint_arg(args[0], &ma) < 0 || vm_cint_arg(args[1], &mi) < 0)
        return NULL;
    uint64_t M = (unsigned)ma, m = (unsigned)mi;
    uint64_t d = ((M & 0xfffff000u) << 32) | ((M & 0xfffu) << 8) | ((m & 0xffffff00u) << 12)
        | (m & 0xffu);
    return vm_int_from_i64((int64_t)d);
}

/* setresuid(ruid, euid, suid), setresgid(rgid, egid, sgid): -1 keeps one */
static Obj *set_res(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames, long nr)
{
    if (vm_nokw(fname, kwnames) < 0 || vm_argc(fname, nargs, 3, 3) < 0)
        return NULL;
    int64_t v[3];
    for (int i = 0; i < 3; i++)
        if (vm_clong_arg(args[i], &v[i]) < 0)
            return NULL;
    if (syscall(nr, (unsigned)v[0], (unsigned)v[1], (unsigned)v[2]) < 0)
        return vm_err_errno(errno, NULL);
    return vm_newref(VM_NONE);
}

static Obj *pe_setresuid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return set_res("setresuid", args, nargs, kwnames, SYS_setresuid);
}

static Obj *pe_setresgid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return set_res("setresgid", args, nargs, kwnames, SYS_setresgid);
}

/* getgrouplist(user, group, /): the user's groups, group among them */
static Obj *pe_getgrouplist(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("getgrouplist", kwnames) < 0 || vm_argc("getgrouplist", nargs, 2, 2) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "getgrouplist() argument 1 must be str, not %s",
                          vm_tname(args[0]));
    int64_t base;
    if (vm_clong_arg(args[1], &base) < 0)
        return NULL;
    int n = 64;
    gid_t *g = NULL;
    for (;;) {
        g = realloc(g, (size_t)n * sizeof *g);
        int got = n;
        if (getgrouplist(STR_DATA(args[0]), (gid_t)base, g, &got) >= 0) {
            n = got;
            break;
        }
        n = got > n ? got : 2 * n;
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

/* initgroups(username, gid, /) */
static Obj *pe_initgroups(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("initgroups", kwnames) < 0 || vm_argc("initgroups", nargs, 2, 2) < 0)
        return NULL;
    Obj *u = vm_posix_fsencode(args[0]);
    int64_t gid;
    if (!u)
        return NULL;
    if (vm_clong_arg(args[1], &gid) < 0) {
        DECREF(u);
        return NULL;
    }
    int rc = initgroups(vm_posix_cstr(u), (gid_t)gid), e = errno;
    DECREF(u);
    if (rc < 0)
        return vm_err_errno(e, NULL);
    return vm_newref(VM_NONE);
}

/* pidfd_open(pid, flags=0) */
static Obj *pe_pidfd_open(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLINIC("pidfd_open", 0, 2, 1, "pid", "flags");
    int64_t pid;
    int flags = 0;
    if (vm_clong_arg(a[0], &pid) < 0 || (a[1] && vm_cint_arg(a[1], &flags) < 0))
        return NULL;
    long fd = syscall(434 /* SYS_pidfd_open */, (int)pid, (unsigned)flags);
    if (fd < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(fd);
}

/* chroot(path) */
static Obj *pe_chroot(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLINIC("chroot", 0, 1, 1, "path");
    int fd;
    Obj *p = path_or_fd("chroot", a[0], false, &fd);
    if (!p)
        return NULL;
    int rc = chroot(vm_posix_cstr(p)), e = errno;
    DECREF(p);
    if (rc < 0)
        return vm_err_errno(e, a[0]);
    return vm_newref(VM_NONE);
}

/* mknod(path, mode=0o600, device=0, *, dir_fd=None): CPython 3.11's
 * error names no file */
static Obj *pe_mknod(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CLINIC("mknod", 0, 3, 1, "path", "mode", "device", "dir_fd");
    int fd, mode = 0600;
    int64_t dev = 0;
    if ((a[1] && vm_cint_arg(a[1], &mode) < 0) || (a[2] && vm_clong_arg(a[2], &dev) < 0))
        return NULL;
    if (a[3] && a[3] != VM_NONE)
        return vm_err_str(&vm_exc_NotImplementedError, "dir_fd unavailable on this platform");
    Obj *p = path_or_fd("mknod", a[0], false, &fd);
    if (!p)
        return NULL;
    int rc = mknod(vm_posix_cstr(p), (mode_t)mode, (dev_t)dev), e = errno;
    DECREF(p);
    if (rc < 0)
        return vm_err_errno(e, NULL);
    return vm_newref(VM_NONE);
}

/* ---- the module part ---- */

static const MethodDef ext_funcs[] = {
    {"_stat_result", pe_stat_result},
    {"statvfs", pe_statvfs}, {"fstatvfs", pe_fstatvfs},
    {"openpty", pe_openpty}, {"login_tty", pe_login_tty}, {"ttyname", pe_ttyname},
    {"ctermid", pe_ctermid}, {"tcgetpgrp", pe_tcgetpgrp}, {"tcsetpgrp", pe_tcsetpgrp},
    {"getrandom", pe_getrandom}, {"memfd_create", pe_memfd_create},
    {"eventfd", pe_eventfd}, {"eventfd_read", pe_eventfd_read},
    {"eventfd_write", pe_eventfd_write}, {"sendfile", pe_sendfile},
    {"copy_file_range", pe_copy_file_range}, {"splice", pe_splice},
    {"readv", pe_readv}, {"writev", pe_writev}, {"preadv", pe_preadv},
    {"pwritev", pe_pwritev}, {"lockf", pe_lockf}, {"posix_fadvise", pe_posix_fadvise},
    {"posix_fallocate", pe_posix_fallocate},
    {"sched_get_priority_min", pe_sched_get_priority_min},
    {"sched_get_priority_max", pe_sched_get_priority_max},
    {"sched_getscheduler", pe_sched_getscheduler}, {"_sched_getparam", pe_sched_getparam},
    {"posix_spawn", vm_posix_spawn}, {"posix_spawnp", vm_posix_spawnp},
    {"fchdir", pe_fchdir}, {"fdatasync", pe_fdatasync}, {"fchown", pe_fchown},
    {"major", pe_major}, {"minor", pe_minor}, {"makedev", pe_makedev},
    {"setresuid", pe_setresuid}, {"setresgid", pe_setresgid},
    {"getgrouplist", pe_getgrouplist}, {"initgroups", pe_initgroups},
    {"pidfd_open", pe_pidfd_open}, {"chroot", pe_chroot}, {"mknod", pe_mknod},
    {NULL, NULL},
};

static const VmIntConst ext_consts[] = {
    {"ST_RDONLY", 1}, {"ST_NOSUID", 2}, {"ST_NODEV", 4}, {"ST_NOEXEC", 8},
    {"ST_SYNCHRONOUS", 16}, {"ST_MANDLOCK", 64}, {"ST_WRITE", 128}, {"ST_APPEND", 256},
    {"ST_NOATIME", 1024}, {"ST_NODIRATIME", 2048}, {"ST_RELATIME", 4096},
    /* Linux's values of flags <fcntl.h>, <sys/mman.h>, <sys/eventfd.h>,
     * <sys/random.h> and <sched.h> show only under _GNU_SOURCE */
    {"GRND_NONBLOCK", 1}, {"GRND_RANDOM", 2},
    {"MFD_CLOEXEC", 1}, {"MFD_ALLOW_SEALING", 2}, {"MFD_HUGETLB", 4},
    {"MFD_HUGE_SHIFT", 26}, {"MFD_HUGE_MASK", 63}, {"MFD_HUGE_64KB", 16L << 26},
    {"MFD_HUGE_512KB", 19L << 26}, {"MFD_HUGE_1MB", 20L << 26}, {"MFD_HUGE_2MB", 21L << 26},
    {"MFD_HUGE_8MB", 23L << 26}, {"MFD_HUGE_16MB", 24L << 26}, {"MFD_HUGE_32MB", 25L << 26},
    {"MFD_HUGE_256MB", 28L << 26}, {"MFD_HUGE_512MB", 29L << 26},
    {"MFD_HUGE_1GB", 30L << 26}, {"MFD_HUGE_2GB", 31L << 26}, {"MFD_HUGE_16GB", 34L << 26},
    {"EFD_CLOEXEC", 02000000}, {"EFD_NONBLOCK", 04000}, {"EFD_SEMAPHORE", 1},
    {"SPLICE_F_MOVE", 1}, {"SPLICE_F_NONBLOCK", 2}, {"SPLICE_F_MORE", 4},
    {"RWF_HIPRI", 1}, {"RWF_DSYNC", 2}, {"RWF_SYNC", 4}, {"RWF_NOWAIT", 8},
    {"RWF_APPEND", 16},
    {"F_ULOCK", F_ULOCK}, {"F_LOCK", F_LOCK}, {"F_TLOCK", F_TLOCK}, {"F_TEST", F_TEST},
    {"POSIX_FADV_NORMAL", POSIX_FADV_NORMAL}, {"POSIX_FADV_RANDOM", POSIX_FADV_RANDOM},
    {"POSIX_FADV_SEQUENTIAL", POSIX_FADV_SEQUENTIAL},
    {"POSIX_FADV_WILLNEED", POSIX_FADV_WILLNEED},
    {"POSIX_FADV_DONTNEED", POSIX_FADV_DONTNEED}, {"POSIX_FADV_NOREUSE", POSIX_FADV_NOREUSE},
    {"SCHED_OTHER", 0}, {"SCHED_FIFO", 1}, {"SCHED_RR", 2}, {"SCHED_BATCH", 3},
    {"SCHED_IDLE", 5}, {"SCHED_RESET_ON_FORK", 0x40000000},
    {"POSIX_SPAWN_OPEN", 0}, {"POSIX_SPAWN_CLOSE", 1}, {"POSIX_SPAWN_DUP2", 2},
};

/* forkpty in Python over openpty, fork (its at-fork hooks) and login_tty */
static const char ext_src[] =
    "def forkpty():\n"
    "    master, slave = openpty()\n"
    "    pid = fork()\n"
    "    if pid == 0:\n"
    "        close(master)\n"
    "        login_tty(slave)\n"
    "        return 0, -1\n"
    "    close(slave)\n"
    "    return pid, master\n"
    "\n"
    "class sched_param(tuple):\n"
    "    n_sequence_fields = 1\n"
    "    n_fields = 1\n"
    "    n_unnamed_fields = 0\n"
    "    __match_args__ = ('sched_priority',)\n"
    "    def __new__(cls, sched_priority):\n"
    "        return tuple.__new__(cls, (sched_priority,))\n"
    "    sched_priority = property(lambda self: self[0])\n"
    "    def __repr__(self):\n"
    "        return 'posix.sched_param(sched_priority=%r)' % (self[0],)\n"
    "    def __reduce__(self):\n"
    "        return (sched_param, (self[0],))\n"
    "sched_param.__module__ = 'posix'\n"
    "\n"
    "def sched_getparam(pid, /):\n"
    "    return sched_param(_sched_getparam(pid))\n";

int vm_posix_ext_add(Obj *m)
{
    for (const MethodDef *f = ext_funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
    vm_module_add_ints(m, ext_consts, sizeof ext_consts / sizeof *ext_consts);
    vm_structseq_set_fill(&stat_desc, stat_fill);
    vm_module_add(m, "stat_result", (Obj *)vm_structseq_type(&stat_desc));
    vm_module_add(m, "statvfs_result", (Obj *)vm_structseq_type(&statvfs_desc));
    vm_module_add(m, "terminal_size", (Obj *)vm_structseq_type(&termsize_desc));
    vm_module_add(m, "uname_result", (Obj *)vm_structseq_type(&uname_desc));
    return vm_frozen_exec(m, "posix", ext_src);
}
