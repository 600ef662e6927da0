/* cmd/pyvm/mod_posix.c: the posix module, what os.py builds on: stat,
 * lstat, fstat, listdir, scandir, getcwd, mkdir, rmdir, unlink, rename,
 * chdir, access, open/read/write/close/lseek, environ, putenv, unsetenv,
 * strerror, urandom, getpid, fspath, _exit, and the O_* and *_OK constants.
 * fork, exec, wait and the other process functions are in
 * mod_posix_proc.c (vm_posix_proc_add); the struct sequences, terminals,
 * statvfs and the Linux descriptor calls in mod_posix_ext.c.
 *
 * Stage: pyvm.  The system calls are C functions here; stat, uname,
 * get_terminal_size, DirEntry and scandir are written in Python on top of them
 * (import_frozen.c runs that part in the module's namespace).  Failing
 * calls raise the OSError subclass for errno, as CPython
 * ("[Errno 2] No such file or directory: 'x'").
 */
#include "cmd/pyvm/module.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libstage/buf.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/gil.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/mod_posix_proc.h"
#include "cmd/pyvm/mod_posix_ext.h"
#include "cmd/pyvm/mod_signal.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

extern char **environ;

/* os.fspath(p): str and bytes as they are, else p.__fspath__(). */
static Obj *fspath(Obj *p)
{
    if (STR_CHECK(p) || BYTES_CHECK(p))
        return vm_newref(p);
    bool found = false;
    Obj *r = vm_call_special(p, "__fspath__", NULL, 0, &found);
    if (!found && !r) {
        vm_err_clear();
        return vm_err_fmt(&vm_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                          vm_tname(p));
    }
    if (r && !STR_CHECK(r) && !BYTES_CHECK(r)) {
        vm_err_fmt(&vm_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                   vm_tname(p), vm_tname(r));
        DECREF(r);
        return NULL;
    }
    return r;
}

/* A path argument as a C string (borrowed from *keep, which the caller
 * releases). */
static const char *path_arg(Obj *p, Obj **keep, const char *fname)
{
    Obj *s = fspath(p);
    *keep = s;
    if (!s) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_fmt(&vm_exc_TypeError, "%s: path should be string, bytes or os.PathLike, not %s",
                       fname, vm_tname(p));
        }
        return NULL;
    }
    const char *c = STR_CHECK(s) ? STR_DATA(s) : ((BytesObj *)s)->s;
    size_t n = STR_CHECK(s) ? (size_t)STR_LEN(s) : (size_t)((BytesObj *)s)->len;
    if (memchr(c, '\0', n)) {
        DECREF(s);
        *keep = NULL;
        vm_err_fmt(&vm_exc_ValueError, "%s: embedded null character in path", fname);
        return NULL;
    }
    return c;
}

static int int_arg(Obj *o, int64_t *out)
{
    if (!INT_CHECK(o)) {
        vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer", vm_tname(o));
        return -1;
    }
    return vm_int_as_i64(o, out);
}

/* A file descriptor: an int in C int range (CPython's _PyLong_AsInt:
 * OverflowError "too large" whatever the sign), so a huge number never
 * truncates to another descriptor. */
static int fd_arg(Obj *o, int64_t *out)
{
    if (!INT_CHECK(o)) {
        vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer", vm_tname(o));
        return -1;
    }
    int rc = vm_int_as_i64(o, out);
    if (rc < 0 && !vm_err_matches(&vm_exc_OverflowError))
        return -1;
    if (rc < 0 || *out < INT_MIN || *out > INT_MAX) {
        vm_err_clear();
        vm_err_str(&vm_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return 0;
}

/* Positional-only arguments min..max (keywords are not accepted, except
 * that the Python wrappers pass what CPython takes by keyword). */
static int nargs_ok(const char *name, size_t nargs, Obj *kwnames, size_t min, size_t max)
{
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, min, max) < 0)
        return -1;
    return 0;
}

static Obj *none(void)
{
    return vm_newref(VM_NONE);
}

/* _stat(path_or_fd, follow_symlinks): the raw fields for stat_result:
 * (mode, ino, dev, nlink, uid, gid, size, atime_ns, mtime_ns, ctime_ns,
 *  blksize, blocks, rdev) */
static Obj *px_stat_raw(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs_ok("stat", nargs, kwnames, 2, 2) < 0)
        return NULL;
    struct stat st;
    int rc;
    Obj *keep = NULL;
    if (INT_CHECK(args[0])) {
        int64_t fd;
        if (fd_arg(args[0], &fd) < 0)
            return NULL;
        rc = fstat((int)fd, &st);
    } else {
        const char *p = path_arg(args[0], &keep, "stat");
        if (!p)
            return NULL;
        int follow = vm_truth(args[1]);
        rc = follow ? stat(p, &st) : lstat(p, &st);
    }
    if (rc != 0) {
        int e = errno;
        Obj *r = vm_err_errno(e, INT_CHECK(args[0]) ? NULL : args[0]);
        XDECREF(keep);
        return r;
    }
    XDECREF(keep);
    int64_t v[13] = {
        st.st_mode, (int64_t)st.st_ino, (int64_t)st.st_dev, (int64_t)st.st_nlink, st.st_uid,
        st.st_gid, st.st_size,
        (int64_t)st.st_atim.tv_sec * 1000000000 + st.st_atim.tv_nsec,
        (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec,
        (int64_t)st.st_ctim.tv_sec * 1000000000 + st.st_ctim.tv_nsec,
        st.st_blksize, st.st_blocks, (int64_t)st.st_rdev,
    };
    Obj *t = vm_tuple_new(13);
    for (int i = 0; i < 13; i++)
        TUPLE_ITEMS(t)[i] = vm_int_from_i64(v[i]);
    return t;
}

static Obj *px_getcwd(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs_ok("getcwd", nargs, kwnames, 0, 0) < 0)
        return NULL;
    char buf[8192];
    if (!getcwd(buf, sizeof buf))
        return vm_err_errno(errno, NULL);
    return vm_str_cstr(buf);
}

static Obj *px_getcwdb(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs_ok("getcwdb", nargs, kwnames, 0, 0) < 0)
        return NULL;
    char buf[8192];
    if (!getcwd(buf, sizeof buf))
        return vm_err_errno(errno, NULL);
    return vm_bytes_new(buf, strlen(buf));
}

static Obj *px_listdir(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs_ok("listdir", nargs, kwnames, 0, 1) < 0)
        return NULL;
    Obj *keep = NULL;
    Obj *arg = nargs && args[0] != VM_NONE ? args[0] : NULL;
    const char *p = arg ? path_arg(arg, &keep, "listdir") : ".";
    if (!p)
        return NULL;
    bool as_bytes = keep && BYTES_CHECK(keep);
    DIR *d = opendir(p);
    if (!d) {
        Obj *r = vm_err_errno(errno, arg ? arg : NULL);
        XDECREF(keep);
        return r;
    }
    Obj *l = vm_list_new(0);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        Obj *n = as_bytes ? vm_bytes_new(e->d_name, strlen(e->d_name)) : vm_str_cstr(e->d_name);
        vm_list_append(l, n);
        DECREF(n);
    }
    closedir(d);
    XDECREF(keep);
    return l;
}

/* One path argument, an int result of a system call: mkdir/rmdir/... */
typedef int (*PathCall)(const char *p, int64_t arg);

static Obj *path_call(const char *name, Obj *const *args, size_t nargs, Obj *kwnames,
                      size_t max, int64_t dflt, PathCall call, bool result_bool)
{
    if (nargs_ok(name, nargs, kwnames, 1, max) < 0)
        return NULL;
    int64_t a = dflt;
    if (nargs > 1 && int_arg(args[1], &a) < 0)
        return NULL;
    Obj *keep;
    const char *p = path_arg(args[0], &keep, name);
    if (!p)
        return NULL;
    int rc = call(p, a);
    int e = errno;
    DECREF(keep);
    if (result_bool)
        return VM_BOOL(rc == 0);
    if (rc != 0)
        return vm_err_errno(e, args[0]);
    return none();
}

static int c_mkdir(const char *p, int64_t mode) { return mkdir(p, (mode_t)mode); }
static int c_rmdir(const char *p, int64_t unused) { return rmdir(p); }
static int c_unlink(const char *p, int64_t unused) { return unlink(p); }
static int c_chdir(const char *p, int64_t unused) { return chdir(p); }
static int c_access(const char *p, int64_t mode) { return access(p, (int)mode); }
static int c_chmod(const char *p, int64_t mode) { return chmod(p, (mode_t)mode); }

static Obj *px_mkdir(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return path_call("mkdir", args, nargs, kwnames, 2, 0777, c_mkdir, false);
}

static Obj *px_rmdir(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return path_call("rmdir", args, nargs, kwnames, 1, 0, c_rmdir, false);
}

static Obj *px_unlink(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return path_call("unlink", args, nargs, kwnames, 1, 0, c_unlink, false);
}

static Obj *px_chdir(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return path_call("chdir", args, nargs, kwnames, 1, 0, c_chdir, false);
}

static Obj *px_access(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return path_call("access", args, nargs, kwnames, 2, F_OK, c_access, true);
}

/* chmod(path, mode, *, dir_fd=None, follow_symlinks=True): shutil.copystat
 * passes follow_symlinks (Linux cannot chmod a link itself). */
static Obj *px_chmod(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        Obj *k = TUPLE_ITEMS(kwnames)[i], *v = args[nargs - nkw + i];
        int t = vm_str_eqc(k, "follow_symlinks") ? vm_truth(v)
            : vm_str_eqc(k, "dir_fd") && v == VM_NONE ? 1 : -2;
        if (t == -2)
            return vm_err_fmt(&vm_exc_TypeError, "chmod() got an unexpected keyword argument "
                              "'%s'", STR_DATA(k));
        if (t < 0)
            return NULL;
        if (t == 0)
            return vm_err_str(&vm_exc_NotImplementedError,
                              "chmod: follow_symlinks unavailable on this platform");
    }
    return path_call("chmod", args, nargs - nkw, NULL, 2, 0, c_chmod, false);
}

static Obj *px_rename(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs_ok("rename", nargs, kwnames, 2, 2) < 0)
        return NULL;
    Obj *k1, *k2;
    const char *a = path_arg(args[0], &k1, "rename");
    if (!a)
        return NULL;
    const char *b = path_arg(args[1], &k2, "rename");
    if (!b) {
        DECREF(k1);
        return NULL;
    }
    int rc = rename(a, b), e = errno;
    DECREF(k1);
    DECREF(k2);
    if (rc != 0)
        return vm_err_errno(e, args[0]);
    return none();
}

/* chown(path, uid, gid), lchown(path, uid, gid) (tarfile extracting as
 * root; shutil.chown) */
static Obj *own_call(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                     int (*fn)(const char *, uid_t, gid_t))
{
    int64_t u, g;
    if (nargs_ok(fname, nargs, kwnames, 3, 3) < 0 || int_arg(args[1], &u) < 0
        || int_arg(args[2], &g) < 0)
        return NULL;
    Obj *keep;
    const char *p = path_arg(args[0], &keep, fname);
    if (!p)
        return NULL;
    int rc = fn(p, (uid_t)u, (gid_t)g), e = errno;
    DECREF(keep);
    return rc != 0 ? vm_err_errno(e, args[0]) : none();
}

static Obj *px_chown(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return own_call("chown", args, nargs, kwnames, chown);
}

static Obj *px_lchown(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return own_call("lchown", args, nargs, kwnames, lchown);
}

/* One time of utime(): seconds (int or float, rounded down) or, for
 * ns=, nanoseconds. */
static int utime_part(Obj *o, bool ns, struct timespec *ts)
{
    int64_t v;
    if (ns || INT_CHECK(o)) {
        if (int_arg(o, &v) < 0)
            return -1;
        int64_t unit = ns ? 1000000000 : 1;
        ts->tv_sec = (time_t)(v / unit - (v % unit < 0));
        ts->tv_nsec = (long)(ns ? v - (int64_t)ts->tv_sec * unit : 0);
        return 0;
    }
    if (!FLOAT_CHECK(o)) {
        vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   vm_tname(o));
        return -1;
    }
    double d = ((FloatObj *)o)->v, whole = (double)(int64_t)d;
    if (whole > d)
        whole -= 1;
    ts->tv_sec = (time_t)whole;
    ts->tv_nsec = (long)((d - whole) * 1e9);
    return 0;
}

/* utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)
 * (shutil.copystat, tarfile): times (atime, mtime) in seconds, or ns in
 * nanoseconds; neither: now.  path may be a descriptor. */
static Obj *px_utime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0, npos = nargs - nkw;
    if (vm_argc("utime", npos, 1, 2) < 0)
        return NULL;
    Obj *times = npos > 1 ? args[1] : NULL, *ns = NULL;
    bool follow = true;
    for (size_t i = 0; i < nkw; i++) {
        Obj *k = TUPLE_ITEMS(kwnames)[i], *v = args[npos + i];
        if (vm_str_eqc(k, "times")) {
            times = v;
        } else if (vm_str_eqc(k, "ns")) {
            ns = v;
        } else if (vm_str_eqc(k, "follow_symlinks")) {
            int t = vm_truth(v);
            if (t < 0)
                return NULL;
            follow = t;
        } else if (!vm_str_eqc(k, "dir_fd") || v != VM_NONE) {
            return vm_err_fmt(&vm_exc_TypeError, "utime() got an unexpected keyword argument "
                              "'%s'", STR_DATA(k));
        }
    }
    if (times == VM_NONE)
        times = NULL;
    if (times && ns)
        return vm_err_str(&vm_exc_ValueError,
                          "utime: you may specify either 'times' or 'ns' but not both");
    struct timespec ts[2], *tp = NULL;
    Obj *pair = times ? times : ns;
    if (pair) {
        if (!TUPLE_CHECK(pair) || TUPLE_LEN(pair) != 2)
            return vm_err_str(&vm_exc_TypeError, times
                              ? "utime: 'times' must be either a tuple of two ints or None"
                              : "utime: 'ns' must be a tuple of two ints");
        if (utime_part(TUPLE_ITEMS(pair)[0], ns != NULL, &ts[0]) < 0
            || utime_part(TUPLE_ITEMS(pair)[1], ns != NULL, &ts[1]) < 0)
            return NULL;
        tp = ts;
    }
    int rc, e;
    if (INT_CHECK(args[0])) {
        int64_t fd;
        if (fd_arg(args[0], &fd) < 0)
            return NULL;
        rc = futimens((int)fd, tp);
        e = errno;
    } else {
        Obj *keep;
        const char *p = path_arg(args[0], &keep, "utime");
        if (!p)
            return NULL;
        rc = utimensat(AT_FDCWD, p, tp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
        e = errno;
        DECREF(keep);
    }
    return rc != 0 ? vm_err_errno(e, args[0]) : none();
}

static Obj *px_open(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs_ok("open", nargs, kwnames, 2, 3) < 0)
        return NULL;
    int64_t flags, mode = 0777;
    if (int_arg(args[1], &flags) < 0 || (nargs > 2 && int_arg(args[2], &mode) < 0))
        return NULL;
    Obj *keep;
    const char *p = path_arg(args[0], &keep, "open");
    if (!p)
        return NULL;
    int fd = open(p, (int)flags | O_CLOEXEC, (mode_t)mode), e = errno;
    DECREF(keep);
    if (fd < 0)
        return vm_err_errno(e, args[0]);
    return vm_int_from_i64(fd);
}

static Obj *px_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t fd;
    if (nargs_ok("close", nargs, kwnames, 1, 1) < 0 || fd_arg(args[0], &fd) < 0)
        return NULL;
    if (close((int)fd) != 0)
        return vm_err_errno(errno, NULL);
    return none();
}

static Obj *px_read(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t fd, n;
    if (nargs_ok("read", nargs, kwnames, 2, 2) < 0 || fd_arg(args[0], &fd) < 0
        || int_arg(args[1], &n) < 0)
        return NULL;
    if (n < 0)
        return vm_err_str(&vm_exc_ValueError, "negative count");
    fflush(stdout);
    char *buf = malloc((size_t)n + 1);
    if (!buf)
        return vm_err_nomem();
    ssize_t r;
    while ((r = vm_blocking_read((int)fd, buf, (size_t)n)) < 0 && errno == EINTR) {
        if (vm_signal_check() < 0) {    /* PEP 475: a handler raised, else retry */
            free(buf);
            return NULL;
        }
    }
    if (r < 0) {
        free(buf);
        return vm_err_errno(errno, NULL);
    }
    Obj *b = vm_bytes_new(buf, (size_t)r);
    free(buf);
    return b;
}

static Obj *px_write(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t fd;
    if (nargs_ok("write", nargs, kwnames, 2, 2) < 0 || fd_arg(args[0], &fd) < 0)
        return NULL;
    const char *data;
    size_t len;
    if (!vm_bytes_buffer(args[1], &data, &len)) {
        vm_bytes_buffer_error(args[1], "a bytes-like object is required, not '%s'");
        return NULL;
    }
    if (fd == 1 || fd == 2)
        fflush(stdout);
    ssize_t r;
    while ((r = vm_blocking_write((int)fd, data, len)) < 0 && errno == EINTR)
        if (vm_signal_check() < 0)      /* PEP 475 */
            return NULL;
    if (r < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(r);
}

static Obj *px_lseek(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t fd, pos, how;
    if (nargs_ok("lseek", nargs, kwnames, 3, 3) < 0 || fd_arg(args[0], &fd) < 0
        || int_arg(args[1], &pos) < 0 || int_arg(args[2], &how) < 0)
        return NULL;
    off_t r = lseek((int)fd, (off_t)pos, (int)how);
    if (r < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(r);
}

static Obj *px_isatty(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t fd;
    if (nargs_ok("isatty", nargs, kwnames, 1, 1) < 0 || fd_arg(args[0], &fd) < 0)
        return NULL;
    return VM_BOOL(isatty((int)fd));
}

static Obj *px_strerror(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t code;
    if (nargs_ok("strerror", nargs, kwnames, 1, 1) < 0 || int_arg(args[0], &code) < 0)
        return NULL;
    return vm_str_cstr(strerror((int)code));
}

static Obj *px_urandom(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t n;
    if (nargs_ok("urandom", nargs, kwnames, 1, 1) < 0 || int_arg(args[0], &n) < 0)
        return NULL;
    if (n < 0)
        return vm_err_str(&vm_exc_ValueError, "negative argument not allowed");
    char *buf = malloc((size_t)n + 1);
    if (!buf)
        return vm_err_nomem();
    FILE *f = fopen("/dev/urandom", "rb");
    size_t got = f ? fread(buf, 1, (size_t)n, f) : 0;
    if (f)
        fclose(f);
    if (got != (size_t)n) {
        free(buf);
        return vm_err_errno(f ? EIO : errno, NULL);
    }
    Obj *b = vm_bytes_new(buf, (size_t)n);
    free(buf);
    return b;
}

#define ID_FUNC(fname, expr) \
    static Obj *px_##fname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        if (nargs_ok(#fname, nargs, kwnames, 0, 0) < 0) \
            return NULL; \
        return vm_int_from_i64((int64_t)(expr)); \
    }
ID_FUNC(getpid, getpid())
ID_FUNC(getppid, getppid())
ID_FUNC(getuid, getuid())
ID_FUNC(geteuid, geteuid())
ID_FUNC(getgid, getgid())
ID_FUNC(getegid, getegid())
ID_FUNC(cpu_count, sysconf(_SC_NPROCESSORS_ONLN))
#undef ID_FUNC

static Obj *px_umask(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t m;
    if (nargs_ok("umask", nargs, kwnames, 1, 1) < 0 || int_arg(args[0], &m) < 0)
        return NULL;
    return vm_int_from_i64(umask((mode_t)m));
}

static Obj *px_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t code;
    if (nargs_ok("_exit", nargs, kwnames, 1, 1) < 0 || int_arg(args[0], &code) < 0)
        return NULL;
    fflush(stdout);
    _exit((int)code);
}

/* A str or bytes argument as bytes data (borrowed from *keep). */
static const char *env_arg(Obj *o, Obj **keep)
{
    *keep = fspath(o);
    if (!*keep)
        return NULL;
    return STR_CHECK(*keep) ? STR_DATA(*keep) : ((BytesObj *)*keep)->s;
}

static Obj *px_putenv(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs_ok("putenv", nargs, kwnames, 2, 2) < 0)
        return NULL;
    Obj *k1, *k2;
    const char *k = env_arg(args[0], &k1);
    if (!k)
        return NULL;
    const char *v = env_arg(args[1], &k2);
    if (!v) {
        DECREF(k1);
        return NULL;
    }
    int rc = 0;
    if (!*k || strchr(k, '='))
        vm_err_str(&vm_exc_ValueError, "illegal environment variable name");
    else
        rc = setenv(k, v, 1);
    DECREF(k1);
    DECREF(k2);
    if (vm_err_occurred())
        return NULL;
    if (rc != 0)
        return vm_err_errno(errno, NULL);
    return none();
}

static Obj *px_unsetenv(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs_ok("unsetenv", nargs, kwnames, 1, 1) < 0)
        return NULL;
    Obj *k1;
    const char *k = env_arg(args[0], &k1);
    if (!k)
        return NULL;
    int rc = unsetenv(k), e = errno;
    DECREF(k1);
    if (rc != 0)
        return vm_err_errno(e, NULL);
    return none();
}

static Obj *px_fspath(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs_ok("fspath", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return fspath(args[0]);
}

/* get_terminal_size's raw part: (columns, lines) of fd */
static Obj *px_termsize(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t fd = 1;
    if (nargs_ok("get_terminal_size", nargs, kwnames, 0, 1) < 0
        || (nargs && fd_arg(args[0], &fd) < 0))
        return NULL;
    struct winsize w;
    if (ioctl((int)fd, TIOCGWINSZ, &w) != 0)
        return vm_err_errno(errno, NULL);
    Obj *v[2] = {vm_int_from_i64(w.ws_col), vm_int_from_i64(w.ws_row)};
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

static Obj *px_device_encoding(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return none();
}

/* ---- descriptors, links and processes ---- */

static int c_truncate(const char *p, int64_t len) { return truncate(p, (off_t)len); }
static int c_mkfifo(const char *p, int64_t mode) { return mkfifo(p, (mode_t)mode); }

static Obj *px_truncate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs == 2 && INT_CHECK(args[0])) {     /* truncate(fd, length) is ftruncate */
        int64_t fd, len;
        if (fd_arg(args[0], &fd) < 0 || int_arg(args[1], &len) < 0)
            return NULL;
        if (ftruncate((int)fd, (off_t)len) != 0)
            return vm_err_errno(errno, NULL);
        return none();
    }
    if (nargs_ok("truncate", nargs, kwnames, 2, 2) < 0)
        return NULL;
    return path_call("truncate", args, nargs, kwnames, 2, 0, c_truncate, false);
}

static Obj *px_mkfifo(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return path_call("mkfifo", args, nargs, kwnames, 2, 0666, c_mkfifo, false);
}

/* The int arguments of a call taking only ints: fill v[0..nargs). */
static int ints(const char *name, Obj *const *args, size_t nargs, Obj *kwnames, size_t min,
                size_t max, int64_t *v)
{
    if (nargs_ok(name, nargs, kwnames, min, max) < 0)
        return -1;
    for (size_t i = 0; i < nargs; i++)
        if (int_arg(args[i], &v[i]) < 0)
            return -1;
    return 0;
}

static Obj *px_pipe(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fds[2];
    if (nargs_ok("pipe", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (pipe(fds) != 0)
        return vm_err_errno(errno, NULL);
    (void)fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    (void)fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    Obj *v[2] = {vm_int_from_i64(fds[0]), vm_int_from_i64(fds[1])};
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

static Obj *px_dup(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[1];
    if (ints("dup", args, nargs, kwnames, 1, 1, v) < 0)
        return NULL;
    int fd = fcntl((int)v[0], F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(fd);
}

static Obj *px_dup2(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[3] = {0, 0, 1};
    if (ints("dup2", args, nargs, kwnames, 2, 3, v) < 0)
        return NULL;
    if (dup2((int)v[0], (int)v[1]) < 0)
        return vm_err_errno(errno, NULL);
    if (!v[2])
        (void)fcntl((int)v[1], F_SETFD, FD_CLOEXEC);
    return vm_int_from_i64(v[1]);
}

/* fsync(fd) and friends: fd -> 0 or -1 with errno */
static Obj *fd_op(const char *name, Obj *const *args, size_t nargs, Obj *kwnames,
                  int (*op)(int))
{
    int64_t v[1];
    if (nargs_ok(name, nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!INT_CHECK(args[0])) {      /* an object with fileno() */
        Obj *fn = vm_getattr(args[0], vm_str_intern("fileno", 6));
        if (!fn) {
            vm_err_clear();
            return vm_err_fmt(&vm_exc_TypeError, "argument must be an int, or have a "
                              "fileno() method, not %s", vm_tname(args[0]));
        }
        Obj *r = vm_call(fn, NULL, 0, NULL);
        DECREF(fn);
        if (!r)
            return NULL;
        int rc = int_arg(r, &v[0]);
        DECREF(r);
        if (rc < 0)
            return NULL;
    } else if (int_arg(args[0], &v[0]) < 0) {
        return NULL;
    }
    if (op((int)v[0]) != 0)
        return vm_err_errno(errno, NULL);
    return none();
}

static Obj *px_fsync(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return fd_op("fsync", args, nargs, kwnames, fsync);
}

static Obj *px_ftruncate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[2];
    if (ints("ftruncate", args, nargs, kwnames, 2, 2, v) < 0)
        return NULL;
    if (ftruncate((int)v[0], (off_t)v[1]) != 0)
        return vm_err_errno(errno, NULL);
    return none();
}

static Obj *px_get_inheritable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[1];
    if (ints("get_inheritable", args, nargs, kwnames, 1, 1, v) < 0)
        return NULL;
    int fl = fcntl((int)v[0], F_GETFD);
    if (fl < 0)
        return vm_err_errno(errno, NULL);
    return VM_BOOL(!(fl & FD_CLOEXEC));
}

static Obj *px_set_inheritable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[2];
    if (ints("set_inheritable", args, nargs, kwnames, 2, 2, v) < 0)
        return NULL;
    int fl = fcntl((int)v[0], F_GETFD);
    if (fl < 0 || fcntl((int)v[0], F_SETFD, v[1] ? fl & ~FD_CLOEXEC : fl | FD_CLOEXEC) < 0)
        return vm_err_errno(errno, NULL);
    return none();
}

static Obj *px_get_blocking(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[1];
    if (ints("get_blocking", args, nargs, kwnames, 1, 1, v) < 0)
        return NULL;
    int fl = fcntl((int)v[0], F_GETFL);
    if (fl < 0)
        return vm_err_errno(errno, NULL);
    return VM_BOOL(!(fl & O_NONBLOCK));
}

static Obj *px_set_blocking(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[2];
    if (ints("set_blocking", args, nargs, kwnames, 2, 2, v) < 0)
        return NULL;
    int fl = fcntl((int)v[0], F_GETFL);
    if (fl < 0 || fcntl((int)v[0], F_SETFL, v[1] ? fl & ~O_NONBLOCK : fl | O_NONBLOCK) < 0)
        return vm_err_errno(errno, NULL);
    return none();
}

static Obj *px_fchmod(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[2];
    if (ints("fchmod", args, nargs, kwnames, 2, 2, v) < 0)
        return NULL;
    if (fchmod((int)v[0], (mode_t)v[1]) != 0)
        return vm_err_errno(errno, NULL);
    return none();
}

/* pread(fd, n, offset) */
static Obj *px_pread(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[3];
    if (ints("pread", args, nargs, kwnames, 3, 3, v) < 0)
        return NULL;
    if (v[1] < 0)
        return vm_err_str(&vm_exc_ValueError, "negative buffersize in pread");
    char *b = ls_xmalloc((size_t)v[1] + 1);
    ssize_t n = pread((int)v[0], b, (size_t)v[1], (off_t)v[2]);
    if (n < 0) {
        free(b);
        return vm_err_errno(errno, NULL);
    }
    Obj *r = vm_bytes_new(b, (size_t)n);
    free(b);
    return r;
}

/* pwrite(fd, data, offset) */
static Obj *px_pwrite(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t fd, off;
    if (nargs_ok("pwrite", nargs, kwnames, 3, 3) < 0 || fd_arg(args[0], &fd) < 0
        || int_arg(args[2], &off) < 0)
        return NULL;
    if (!BYTES_CHECK(args[1]))
        return vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                          vm_tname(args[1]));
    ssize_t n = pwrite((int)fd, ((BytesObj *)args[1])->s, (size_t)((BytesObj *)args[1])->len,
                       (off_t)off);
    if (n < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(n);
}

/* link(src, dst), symlink(src, dst) */
static Obj *two_paths(const char *name, Obj *const *args, size_t nargs, Obj *kwnames,
                      int (*op)(const char *, const char *))
{
    if (nargs_ok(name, nargs, kwnames, 2, 2) < 0)
        return NULL;
    Obj *k1, *k2;
    const char *a = path_arg(args[0], &k1, name);
    if (!a)
        return NULL;
    const char *b = path_arg(args[1], &k2, name);
    if (!b) {
        DECREF(k1);
        return NULL;
    }
    int rc = op(a, b), e = errno;
    DECREF(k1);
    DECREF(k2);
    if (rc != 0) {
        /* CPython names both: "[Errno 17] File exists: 'a' -> 'b'" */
        Obj *ra = vm_repr(args[0]), *rb = ra ? vm_repr(args[1]) : NULL;
        if (rb)
            vm_err_fmt(vm_oserror_type(e), "[Errno %d] %s: %s -> %s",
                       e, strerror(e), STR_DATA(ra), STR_DATA(rb));
        XDECREF(ra);
        XDECREF(rb);
        return NULL;
    }
    return none();
}

static Obj *px_link(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return two_paths("link", args, nargs, kwnames, link);
}

static Obj *px_symlink(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return two_paths("symlink", args, nargs, kwnames, symlink);
}

static Obj *px_readlink(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs_ok("readlink", nargs, kwnames, 1, 1) < 0)
        return NULL;
    Obj *keep;
    const char *p = path_arg(args[0], &keep, "readlink");
    if (!p)
        return NULL;
    char buf[4096];
    ssize_t n = readlink(p, buf, sizeof buf);
    int e = errno;
    bool bytes = BYTES_CHECK(keep);
    DECREF(keep);
    if (n < 0)
        return vm_err_errno(e, args[0]);
    return bytes ? vm_bytes_new(buf, (size_t)n) : vm_str_new(buf, (size_t)n);
}

static Obj *px_kill(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[2];
    if (ints("kill", args, nargs, kwnames, 2, 2, v) < 0)
        return NULL;
    if (kill((pid_t)v[0], (int)v[1]) != 0)
        return vm_err_errno(errno, NULL);
    return none();
}

static Obj *px_killpg(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[2];
    if (ints("killpg", args, nargs, kwnames, 2, 2, v) < 0)
        return NULL;
    if (killpg((pid_t)v[0], (int)v[1]) != 0)
        return vm_err_errno(errno, NULL);
    return none();
}

static Obj *px_getpgrp(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(getpgrp());
}

/* system(command): the shell's wait status */
static Obj *px_system(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"command"};
    static const ClinicSpec spec = {"system", names, 1, 0, 1, 1};
    Obj *a[1];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    Obj *cmd = vm_posix_fsencode(a[0]);     /* str, bytes or os.PathLike */
    if (!cmd)
        return NULL;
    fflush(stdout);
    fflush(stderr);
    int st = system(vm_posix_cstr(cmd));
    DECREF(cmd);
    return vm_int_from_i64(st);
}

static Obj *px_waitpid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[2];
    if (ints("waitpid", args, nargs, kwnames, 2, 2, v) < 0)
        return NULL;
    int status = 0;
    pid_t r;
    while ((r = vm_blocking_waitpid((pid_t)v[0], &status, (int)v[1])) < 0 && errno == EINTR)
        if (vm_signal_check() < 0)      /* PEP 475 */
            return NULL;
    if (r < 0)
        return vm_err_errno(errno, NULL);
    Obj *o[2] = {vm_int_from_i64(r), vm_int_from_i64(status)};
    Obj *t = vm_tuple_from(o, 2);
    DECREF(o[0]);
    DECREF(o[1]);
    return t;
}

/* waitstatus_to_exitcode(status): the exit code, or -signal */
static Obj *px_waitstatus(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t v[1];
    if (ints("waitstatus_to_exitcode", args, nargs, kwnames, 1, 1, v) < 0)
        return NULL;
    int st = (int)v[0];
    if (WIFEXITED(st))
        return vm_int_from_i64(WEXITSTATUS(st));
    if (WIFSIGNALED(st))
        return vm_int_from_i64(-WTERMSIG(st));
    if (WIFSTOPPED(st))
        return vm_err_fmt(&vm_exc_ValueError, "process stopped by delivery of signal %d",
                          WSTOPSIG(st));
    return vm_err_fmt(&vm_exc_ValueError, "invalid wait status: %d", st);
}

/* The W* macros, one function each: status -> int or bool. */
#define WAIT_MACROS(X) X(WIFEXITED, 1) X(WEXITSTATUS, 0) X(WIFSIGNALED, 1) X(WTERMSIG, 0) \
    X(WIFSTOPPED, 1) X(WSTOPSIG, 0) X(WCOREDUMP, 1) X(WIFCONTINUED, 1)
static int wait_status_arg(const char *name, Obj *const *args, size_t nargs, Obj *kwnames,
                           int64_t *v)
{
    static const char *const names[] = {"status"};
    ClinicSpec spec = {name, names, 1, 0, 1, 1};
    Obj *a[1];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return -1;
    return int_arg(a[0], v);
}

#define WAIT_FN(m, isbool) \
    static Obj *px_##m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        int64_t v[1]; \
        if (wait_status_arg(#m, args, nargs, kwnames, v) < 0) \
            return NULL; \
        int st = (int)v[0]; \
        return isbool ? VM_BOOL(m(st)) : vm_int_from_i64(m(st)); \
    }
WAIT_MACROS(WAIT_FN)
#undef WAIT_FN

static Obj *px_getloadavg(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    double l[3];
    if (getloadavg(l, 3) != 3)
        return vm_err_str(&vm_exc_OSError, "Load averages are unobtainable");
    Obj *v[3] = {vm_float_new(l[0]), vm_float_new(l[1]), vm_float_new(l[2])};
    Obj *t = vm_tuple_from(v, 3);
    for (int i = 0; i < 3; i++)
        DECREF(v[i]);
    return t;
}

static Obj *px_sync(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    sync();
    return none();
}

/* _uname(): the five fields for uname_result */
static Obj *px_uname_raw(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    struct utsname u;
    if (uname(&u) != 0)
        return vm_err_errno(errno, NULL);
    Obj *v[5] = {vm_str_cstr(u.sysname), vm_str_cstr(u.nodename), vm_str_cstr(u.release),
                 vm_str_cstr(u.version), vm_str_cstr(u.machine)};
    Obj *t = vm_tuple_from(v, 5);
    for (int i = 0; i < 5; i++)
        DECREF(v[i]);
    return t;
}

static const MethodDef posix_funcs[] = {
    {"_stat", px_stat_raw},
    {"getcwd", px_getcwd},
    {"getcwdb", px_getcwdb},
    {"listdir", px_listdir},
    {"mkdir", px_mkdir},
    {"rmdir", px_rmdir},
    {"unlink", px_unlink},
    {"remove", px_unlink},
    {"rename", px_rename},
    {"replace", px_rename},
    {"chdir", px_chdir},
    {"chmod", px_chmod},
    {"chown", px_chown},
    {"lchown", px_lchown},
    {"utime", px_utime},
    {"access", px_access},
    {"open", px_open},
    {"close", px_close},
    {"read", px_read},
    {"write", px_write},
    {"lseek", px_lseek},
    {"isatty", px_isatty},
    {"strerror", px_strerror},
    {"urandom", px_urandom},
    {"getpid", px_getpid},
    {"getppid", px_getppid},
    {"getuid", px_getuid},
    {"geteuid", px_geteuid},
    {"getgid", px_getgid},
    {"getegid", px_getegid},
    {"cpu_count", px_cpu_count},
    {"umask", px_umask},
    {"_exit", px_exit},
    {"putenv", px_putenv},
    {"unsetenv", px_unsetenv},
    {"fspath", px_fspath},
    {"_terminal_size", px_termsize},
    {"device_encoding", px_device_encoding},
    {"truncate", px_truncate}, {"mkfifo", px_mkfifo}, {"pipe", px_pipe}, {"dup", px_dup},
    {"dup2", px_dup2}, {"fsync", px_fsync}, {"ftruncate", px_ftruncate},
    {"get_inheritable", px_get_inheritable}, {"set_inheritable", px_set_inheritable},
    {"get_blocking", px_get_blocking}, {"set_blocking", px_set_blocking},
    {"fchmod", px_fchmod}, {"pread", px_pread}, {"pwrite", px_pwrite}, {"link", px_link},
    {"symlink", px_symlink}, {"readlink", px_readlink}, {"kill", px_kill},
    {"killpg", px_killpg}, {"getpgrp", px_getpgrp}, {"system", px_system},
    {"waitpid", px_waitpid}, {"waitstatus_to_exitcode", px_waitstatus},
#define WAIT_ENTRY(m, isbool) {#m, px_##m},
    WAIT_MACROS(WAIT_ENTRY)
#undef WAIT_ENTRY
    {"getloadavg", px_getloadavg}, {"sync", px_sync}, {"_uname", px_uname_raw},
    {NULL, NULL},
};

static const VmIntConst posix_consts[] = {
    {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
    {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC}, {"O_APPEND", O_APPEND},
    {"O_NONBLOCK", O_NONBLOCK}, {"O_CLOEXEC", O_CLOEXEC}, {"O_NOCTTY", O_NOCTTY},
    {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_SYNC", O_SYNC},
    {"O_ACCMODE", O_ACCMODE}, {"EX_OK", 0}, {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED},
    {"WCONTINUED", WCONTINUED}, {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR},
    {"SEEK_END", SEEK_END},
};

/* The Python half: stat/lstat/fstat, uname, get_terminal_size, scandir (the
 * struct sequences they return are mod_posix_ext.c's). */
static const char posix_src[] =
    "error = OSError\n"
    "_have_functions = []\n"
    "\n"
    "def stat(path, *, dir_fd=None, follow_symlinks=True):\n"
    "    return _stat_result(_stat(path, follow_symlinks))\n"
    "\n"
    "def lstat(path, *, dir_fd=None):\n"
    "    return _stat_result(_stat(path, False))\n"
    "\n"
    "def fstat(fd):\n"
    "    return _stat_result(_stat(fd, True))\n"
    "\n"
    "def uname():\n"
    "    return uname_result(_uname())\n"
    "\n"
    "def get_terminal_size(fd=1):\n"
    "    return terminal_size(_terminal_size(fd))\n"
    "\n"
    "class DirEntry:\n"
    "    def __init__(self, dirpath, name):\n"
    "        self.name = name\n"
    "        if isinstance(dirpath, bytes):\n"
    "            self.path = name if dirpath == b'.' else dirpath.rstrip(b'/') + b'/' + name\n"
    "        else:\n"
    "            self.path = name if dirpath == '.' else dirpath.rstrip('/') + '/' + name\n"
    "        self._lstat = None\n"
    "    def __fspath__(self):\n"
    "        return self.path\n"
    "    def __repr__(self):\n"
    "        return '<DirEntry %r>' % (self.name,)\n"
    "    def stat(self, *, follow_symlinks=True):\n"
    "        if follow_symlinks:\n"
    "            return stat(self.path)\n"
    "        if self._lstat is None:\n"
    "            self._lstat = lstat(self.path)\n"
    "        return self._lstat\n"
    "    def inode(self):\n"
    "        return self.stat(follow_symlinks=False).st_ino\n"
    "    def _mode(self, follow_symlinks):\n"
    "        try:\n"
    "            return self.stat(follow_symlinks=follow_symlinks).st_mode\n"
    "        except FileNotFoundError:\n"
    "            return 0\n"
    "    def is_dir(self, *, follow_symlinks=True):\n"
    "        return self._mode(follow_symlinks) & 0o170000 == 0o040000\n"
    "    def is_file(self, *, follow_symlinks=True):\n"
    "        return self._mode(follow_symlinks) & 0o170000 == 0o100000\n"
    "    def is_symlink(self):\n"
    "        return self._mode(False) & 0o170000 == 0o120000\n"
    "DirEntry.__module__ = 'posix'\n"
    "\n"
    "class _ScandirIterator:\n"
    "    def __init__(self, path):\n"
    "        self._path = path\n"
    "        self._it = iter(listdir(path))\n"
    "    def __iter__(self):\n"
    "        return self\n"
    "    def __next__(self):\n"
    "        return DirEntry(self._path, next(self._it))\n"
    "    def close(self):\n"
    "        self._it = iter(())\n"
    "    def __enter__(self):\n"
    "        return self\n"
    "    def __exit__(self, *args):\n"
    "        self.close()\n"
    "\n"
    "def scandir(path='.'):\n"
    "    return _ScandirIterator(fspath(path))\n";

Obj *vm_mod_posix(void)
{
    Obj *m = vm_module_new("posix");
    if (!m)
        return NULL;
    for (const MethodDef *f = posix_funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
    vm_module_add_ints(m, posix_consts, sizeof posix_consts / sizeof *posix_consts);
    Obj *env = vm_dict_new();
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e)
            continue;
        Obj *k = vm_bytes_new(*e, (size_t)(eq - *e));
        Obj *v = vm_bytes_new(eq + 1, strlen(eq + 1));
        int rc = vm_dict_set(env, k, v);
        DECREF(k);
        DECREF(v);
        if (rc < 0) {
            DECREF(env);
            DECREF(m);
            return NULL;
        }
    }
    vm_module_add(m, "environ", env);
    DECREF(env);
    if (vm_frozen_exec(m, "posix", posix_src) < 0 || vm_posix_proc_add(m) < 0
        || vm_posix_ext_add(m) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
