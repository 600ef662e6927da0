/* cmd/pyvm/mod_mmap.c: the mmap module: mmap.mmap over a file descriptor
 * or anonymous memory (fileno -1), with ACCESS_READ / ACCESS_WRITE /
 * ACCESS_COPY or flags and prot; item and slice access, find/rfind,
 * read/readline/read_byte, write/write_byte, seek/tell, move, resize,
 * flush, madvise, size, close and the context manager; the MAP_*,
 * PROT_*, MADV_* and ACCESS_* constants, PAGESIZE and
 * ALLOCATIONGRANULARITY; mmap.error (OSError).
 *
 * Stage: pyvm.  Messages are CPython 3.11's ("mmap can't modify a
 * readonly memory map.", "mmap closed or invalid", ...).  The map is a
 * buffer (mod_mmap.h): memoryview(m), bytes(m), f.write(m).  Iterating
 * yields one-byte bytes objects, indexing ints, as CPython's.
 */
#include "cmd/pyvm/mod_mmap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "libstage/buf.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/descr.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fdarg.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/slice.h"
#include "cmd/pyvm/str.h"

/* How a map may be used: CPython's access_mode values. */
enum { ACCESS_DEFAULT, ACCESS_READ, ACCESS_WRITE, ACCESS_COPY };
static const char *const access_names[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE",
                                           "ACCESS_COPY"};

/* Linux's mremap flag (<sys/mman.h> shows it under _GNU_SOURCE). */
#define MM_MREMAP_MAYMOVE 1

typedef struct MmapObj {
    Obj ob;
    char *data;             /* the mapping; NULL once closed */
    size_t size;            /* its length in bytes */
    size_t pos;             /* the file-like position, 0..size */
    int64_t offset;         /* where in the file the map starts */
    int fd;                 /* a dup of the mapped file's descriptor; -1: anonymous */
    int access;             /* ACCESS_* */
    ssize_t exports;        /* live memoryviews of it: no close or resize meanwhile */
} MmapObj;

#define MM(o) ((MmapObj *)(o))

static Type mmap_type;

bool vm_mmap_check(Obj *o)
{
    return vm_is_subtype(TYPE(o), &mmap_type);
}

bool vm_mmap_buffer(Obj *o, char **data, size_t *len)
{
    if (!MM(o)->data)
        return false;
    *data = MM(o)->data;
    *len = MM(o)->size;
    return true;
}

bool vm_mmap_readonly(Obj *o)
{
    return MM(o)->access == ACCESS_READ;
}

void vm_mmap_export(Obj *o, int delta)
{
    MM(o)->exports += delta;
}

/* A live map, else ValueError. */
static int valid(MmapObj *m)
{
    if (!m->data) {
        vm_err_str(&vm_exc_ValueError, "mmap closed or invalid");
        return -1;
    }
    return 0;
}

/* A live map that may be written, else ValueError / TypeError. */
static int writable(MmapObj *m)
{
    if (valid(m) < 0)
        return -1;
    if (m->access == ACCESS_READ) {
        vm_err_str(&vm_exc_TypeError, "mmap can't modify a readonly memory map.");
        return -1;
    }
    return 0;
}

static Obj *none(void)
{
    return vm_newref(VM_NONE);
}

/* An optional ssize_t argument ("n"); None counts as absent when none_ok. */
static int opt_ssize(Obj *const *a, int i, bool none_ok, int64_t *out)
{
    if (!a[i] || (none_ok && a[i] == VM_NONE))
        return 0;
    return vm_clong_arg(a[i], out);
}

/* Positional-only parameters min..max (CPython's PyArg_ParseTuple). */
static int pos_args(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                    size_t min, size_t max, Obj **out)
{
    if (vm_nokw(fname, kwnames) < 0 || vm_argc(fname, nargs, min, max) < 0)
        return -1;
    for (size_t i = 0; i < max; i++)
        out[i] = i < nargs ? args[i] : NULL;
    return 0;
}

/* ---- construction ---- */

/* mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ,
 *      access=ACCESS_DEFAULT, offset=0) */
static Obj *mmap_construct(Obj *cls, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"fileno", "length", "flags", "prot", "access",
                                        "offset"};
    static const ClinicSpec spec = {"mmap", names, 6, 0, 6, 2};
    Obj *a[6];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int fd, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ, access = ACCESS_DEFAULT;
    int64_t length, offset = 0;
    if (vm_cint_arg(a[0], &fd) < 0 || vm_clong_arg(a[1], &length) < 0
        || (a[2] && vm_cint_arg(a[2], &flags) < 0) || (a[3] && vm_cint_arg(a[3], &prot) < 0)
        || (a[4] && vm_cint_arg(a[4], &access) < 0) || (a[5] && vm_clong_arg(a[5], &offset) < 0))
        return NULL;
    if (length < 0)
        return vm_err_str(&vm_exc_OverflowError, "memory mapped length must be positive");
    if (offset < 0)
        return vm_err_str(&vm_exc_OverflowError, "memory mapped offset must be positive");
    if ((flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ)) && access != ACCESS_DEFAULT)
        return vm_err_str(&vm_exc_ValueError, "mmap can't specify both access and flags, prot.");
    switch (access) {
    case ACCESS_READ:
        flags = MAP_SHARED;
        prot = PROT_READ;
        break;
    case ACCESS_WRITE:
        flags = MAP_SHARED;
        prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_COPY:
        flags = MAP_PRIVATE;
        prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_DEFAULT:
        /* the access a prot without both bits amounts to */
        if (!((prot & PROT_READ) && (prot & PROT_WRITE)))
            access = (prot & PROT_WRITE) ? ACCESS_WRITE : ACCESS_READ;
        break;
    default:
        return vm_err_str(&vm_exc_ValueError, "mmap invalid access parameter.");
    }
    if (fd != -1) {
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
            if (length == 0) {
                if (st.st_size == 0)
                    return vm_err_str(&vm_exc_ValueError, "cannot mmap an empty file");
                if (offset >= st.st_size)
                    return vm_err_str(&vm_exc_ValueError,
                                      "mmap offset is greater than file size");
                length = st.st_size - offset;
            } else if (offset > st.st_size || st.st_size - offset < length) {
                return vm_err_str(&vm_exc_ValueError, "mmap length is greater than file size");
            }
        }
    }
    int mfd = -1;
    if (fd != -1) {
        mfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
        if (mfd < 0)
            return vm_err_errno(errno, NULL);
    } else {
        flags |= MAP_ANONYMOUS;
    }
    void *p = mmap(NULL, (size_t)length, prot, flags, mfd, (off_t)offset);
    if (p == MAP_FAILED) {
        int e = errno;
        if (mfd >= 0)
            close(mfd);
        return vm_err_errno(e, NULL);
    }
    MmapObj *m = vm_alloc((Type *)cls, 0);
    m->data = p;
    m->size = (size_t)length;
    m->pos = 0;
    m->offset = offset;
    m->fd = mfd;
    m->access = access;
    m->exports = 0;
    return (Obj *)m;
}

/* mmap.__new__(cls, ...): for subclasses that define __new__ */
static Obj *mmap_new_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = vm_new_cls_arg(&mmap_type, args, nargs, kwnames);     /* class.c */
    if (!t)
        return NULL;
    return mmap_construct((Obj *)t, args + 1, nargs - 1, kwnames);
}

/* ---- methods ---- */

static void unmap(MmapObj *m)
{
    if (m->data)
        munmap(m->data, m->size ? m->size : 1);
    m->data = NULL;
    if (m->fd >= 0)
        close(m->fd);
    m->fd = -1;
}

static Obj *mm_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("close", kwnames) < 0 || vm_argc("close", nargs, 0, 0) < 0)
        return NULL;
    MmapObj *m = MM(self);
    if (m->exports > 0)
        return vm_err_str(&vm_exc_BufferError, "cannot close exported pointers exist");
    unmap(m);
    return none();
}

/* find / rfind(sub[, start[, end]]): start defaults to the position */
static Obj *find_impl(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, bool rev)
{
    const char *fname = rev ? "rfind" : "find";
    Obj *a[3];
    MmapObj *m = MM(self);
    if (pos_args(fname, args, nargs, kwnames, 1, 3, a) < 0 || valid(m) < 0)
        return NULL;
    const char *sub;
    size_t n;
    if (!vm_bytes_buffer(a[0], &sub, &n)) {
        (void)vm_bytes_buffer_error(a[0], "a bytes-like object is required, not '%s'");
        return NULL;
    }
    int64_t start = (int64_t)m->pos, end = (int64_t)m->size, size = (int64_t)m->size;
    if (opt_ssize(a, 1, true, &start) < 0 || opt_ssize(a, 2, true, &end) < 0)
        return NULL;
    if (start < 0 && (start += size) < 0)
        start = 0;
    else if (start > size)
        start = size;
    if (end < 0 && (end += size) < 0)
        end = 0;
    else if (end > size)
        end = size;
    if (end - start < (int64_t)n)
        return vm_int_from_i64(-1);
    if (rev) {
        for (int64_t i = end - (int64_t)n; i >= start; i--)
            if (memcmp(m->data + i, sub, n) == 0)
                return vm_int_from_i64(i);
    } else {
        for (int64_t i = start; i + (int64_t)n <= end; i++)
            if (memcmp(m->data + i, sub, n) == 0)
                return vm_int_from_i64(i);
    }
    return vm_int_from_i64(-1);
}

static Obj *mm_find(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return find_impl(self, args, nargs, kwnames, false);
}

static Obj *mm_rfind(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return find_impl(self, args, nargs, kwnames, true);
}

/* flush([offset[, size]]) */
static Obj *mm_flush(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[2];
    MmapObj *m = MM(self);
    if (pos_args("flush", args, nargs, kwnames, 0, 2, a) < 0 || valid(m) < 0)
        return NULL;
    int64_t off = 0, size = (int64_t)m->size;
    if (opt_ssize(a, 0, false, &off) < 0 || opt_ssize(a, 1, false, &size) < 0)
        return NULL;
    if (size < 0 || off < 0 || (int64_t)m->size - off < size)
        return vm_err_str(&vm_exc_ValueError, "flush values out of range");
    if (m->access == ACCESS_READ || m->access == ACCESS_COPY || size == 0)
        return none();
    /* msync wants a page-aligned start */
    long page = sysconf(_SC_PAGESIZE);
    int64_t lo = off / page * page;
    if (msync(m->data + lo, (size_t)(size + off - lo), MS_SYNC) < 0)
        return vm_err_errno(errno, NULL);
    return none();
}

/* madvise(option[, start[, length]]) */
static Obj *mm_madvise(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[3];
    MmapObj *m = MM(self);
    if (pos_args("madvise", args, nargs, kwnames, 1, 3, a) < 0 || valid(m) < 0)
        return NULL;
    int opt;
    int64_t start = 0, len = (int64_t)m->size;
    if (vm_cint_arg(a[0], &opt) < 0 || opt_ssize(a, 1, false, &start) < 0
        || opt_ssize(a, 2, false, &len) < 0)
        return NULL;
    if (start < 0 || start >= (int64_t)m->size)
        return vm_err_str(&vm_exc_ValueError, "madvise start out of bounds");
    if (len < 0)
        return vm_err_str(&vm_exc_ValueError, "madvise length invalid");
    if (INT64_MAX - start < len)
        return vm_err_str(&vm_exc_OverflowError, "madvise length too large");
    if (start + len > (int64_t)m->size)
        len = (int64_t)m->size - start;
    if (madvise(m->data + start, (size_t)len, opt) < 0)
        return vm_err_errno(errno, NULL);
    return none();
}

/* move(dest, src, count) */
static Obj *mm_move(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[3];
    MmapObj *m = MM(self);
    if (pos_args("move", args, nargs, kwnames, 3, 3, a) < 0)
        return NULL;
    int64_t v[3];
    for (int i = 0; i < 3; i++)
        if (vm_clong_arg(a[i], &v[i]) < 0)
            return NULL;
    if (writable(m) < 0)
        return NULL;
    int64_t size = (int64_t)m->size;
    if (v[0] < 0 || v[1] < 0 || v[2] < 0 || size - v[0] < v[2] || size - v[1] < v[2])
        return vm_err_str(&vm_exc_ValueError, "source, destination, or count out of range");
    memmove(m->data + v[0], m->data + v[1], (size_t)v[2]);
    return none();
}

/* read([n]): n None or negative: the rest */
static Obj *mm_read(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[1];
    MmapObj *m = MM(self);
    if (pos_args("read", args, nargs, kwnames, 0, 1, a) < 0 || valid(m) < 0)
        return NULL;
    int64_t n = -1;
    if (opt_ssize(a, 0, true, &n) < 0)
        return NULL;
    size_t left = m->pos < m->size ? m->size - m->pos : 0;
    if (n < 0 || (uint64_t)n > left)
        n = (int64_t)left;
    Obj *r = vm_bytes_new(m->data + m->pos, (size_t)n);
    m->pos += (size_t)n;
    return r;
}

static Obj *mm_read_byte(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    MmapObj *m = MM(self);
    if (vm_nokw("read_byte", kwnames) < 0 || vm_argc("read_byte", nargs, 0, 0) < 0
        || valid(m) < 0)
        return NULL;
    if (m->pos >= m->size)
        return vm_err_str(&vm_exc_ValueError, "read byte out of range");
    return vm_int_from_i64((unsigned char)m->data[m->pos++]);
}

static Obj *mm_readline(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    MmapObj *m = MM(self);
    if (vm_nokw("readline", kwnames) < 0 || vm_argc("readline", nargs, 0, 0) < 0
        || valid(m) < 0)
        return NULL;
    size_t left = m->pos < m->size ? m->size - m->pos : 0;
    const char *nl = left ? memchr(m->data + m->pos, '\n', left) : NULL;
    size_t n = nl ? (size_t)(nl - (m->data + m->pos)) + 1 : left;
    Obj *r = vm_bytes_new(m->data + m->pos, n);
    m->pos += n;
    return r;
}

/* resize(newsize): the file grows or shrinks with the map */
static Obj *mm_resize(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[1];
    MmapObj *m = MM(self);
    if (pos_args("resize", args, nargs, kwnames, 1, 1, a) < 0)
        return NULL;
    int64_t n;
    if (vm_clong_arg(a[0], &n) < 0 || valid(m) < 0)
        return NULL;
    if (m->access != ACCESS_WRITE && m->access != ACCESS_DEFAULT)
        return vm_err_str(&vm_exc_TypeError,
                          "mmap can't resize a readonly or copy-on-write memory map.");
    if (m->exports > 0)
        return vm_err_str(&vm_exc_BufferError, "mmap can't resize with extant buffers exported.");
    if (n < 0 || INT64_MAX - n < m->offset)
        return vm_err_str(&vm_exc_ValueError, "new size out of range");
    if (m->fd >= 0 && ftruncate(m->fd, (off_t)(m->offset + n)) < 0)
        return vm_err_errno(errno, NULL);
    long p = syscall(SYS_mremap, m->data, m->size, (size_t)n, MM_MREMAP_MAYMOVE);
    if (p == -1)
        return vm_err_errno(errno, NULL);
    m->data = (char *)p;
    m->size = (size_t)n;
    return none();
}

/* seek(pos[, whence]) */
static Obj *mm_seek(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[2];
    MmapObj *m = MM(self);
    if (pos_args("seek", args, nargs, kwnames, 1, 2, a) < 0)
        return NULL;
    int64_t dist;
    int how = 0;
    if (vm_clong_arg(a[0], &dist) < 0 || (a[1] && vm_cint_arg(a[1], &how) < 0)
        || valid(m) < 0)
        return NULL;
    int64_t where;
    switch (how) {
    case 0: where = 0; break;
    case 1: where = (int64_t)m->pos; break;
    case 2: where = (int64_t)m->size; break;
    default: return vm_err_str(&vm_exc_ValueError, "unknown seek type");
    }
    if ((dist > 0 && where > INT64_MAX - dist) || where + dist < 0
        || where + dist > (int64_t)m->size)
        return vm_err_str(&vm_exc_ValueError, "seek out of range");
    m->pos = (size_t)(where + dist);
    return none();
}

/* size(): the file's size (an anonymous map has no file: EBADF, as
 * CPython's fstat(-1)) */
static Obj *mm_size(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    MmapObj *m = MM(self);
    if (vm_nokw("size", kwnames) < 0 || vm_argc("size", nargs, 0, 0) < 0 || valid(m) < 0)
        return NULL;
    struct stat st;
    if (fstat(m->fd, &st) < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64((int64_t)st.st_size);
}

static Obj *mm_tell(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    MmapObj *m = MM(self);
    if (vm_nokw("tell", kwnames) < 0 || vm_argc("tell", nargs, 0, 0) < 0 || valid(m) < 0)
        return NULL;
    return vm_int_from_i64((int64_t)m->pos);
}

/* write(bytes): the count written */
static Obj *mm_write(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[1];
    MmapObj *m = MM(self);
    if (pos_args("write", args, nargs, kwnames, 1, 1, a) < 0)
        return NULL;
    const char *d;
    size_t n;
    if (!vm_bytes_buffer(a[0], &d, &n)) {
        (void)vm_bytes_buffer_error(a[0], "a bytes-like object is required, not '%s'");
        return NULL;
    }
    if (writable(m) < 0)
        return NULL;
    if (m->pos > m->size || m->size - m->pos < n)
        return vm_err_str(&vm_exc_ValueError, "data out of range");
    memmove(m->data + m->pos, d, n);
    m->pos += n;
    return vm_int_from_i64((int64_t)n);
}

/* write_byte(byte): an int 0..255 ("b") */
static Obj *mm_write_byte(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *a[1];
    MmapObj *m = MM(self);
    if (pos_args("write_byte", args, nargs, kwnames, 1, 1, a) < 0)
        return NULL;
    int64_t v;
    if (vm_clong_arg(a[0], &v) < 0)
        return NULL;
    if (v < 0)
        return vm_err_str(&vm_exc_OverflowError, "unsigned byte integer is less than minimum");
    if (v > 255)
        return vm_err_str(&vm_exc_OverflowError,
                          "unsigned byte integer is greater than maximum");
    if (writable(m) < 0)
        return NULL;
    if (m->pos >= m->size)
        return vm_err_str(&vm_exc_ValueError, "write byte out of range");
    m->data[m->pos++] = (char)v;
    return none();
}

static Obj *mm_enter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (valid(MM(self)) < 0)
        return NULL;
    return vm_newref(self);
}

static Obj *mm_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return mm_close(self, NULL, 0, NULL);
}

/* ---- slots ---- */

static Obj *mm_repr(Obj *o)
{
    MmapObj *m = MM(o);
    Buf b = BUF_INIT;
    /* the type's tp_name: "mmap.mmap", or a subclass's own name */
    const char *tn = TYPE(o) == &mmap_type ? "mmap.mmap" : TYPE(o)->name;
    if (!m->data)
        buf_printf(&b, "<%s closed=True>", tn);
    else
        buf_printf(&b, "<%s closed=False, access=%s, length=%zu, pos=%zu, offset=%lld>", tn,
                   access_names[m->access], m->size, m->pos, (long long)m->offset);
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

static ssize_t mm_len(Obj *o)
{
    if (valid(MM(o)) < 0)
        return -1;
    return (ssize_t)MM(o)->size;
}

static Obj *mm_getitem(Obj *o, Obj *key)
{
    MmapObj *m = MM(o);
    if (valid(m) < 0)
        return NULL;
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, (ssize_t)m->size, &start, &stop, &step, &n) < 0)
            return NULL;
        if (step == 1)
            return vm_bytes_new(m->data + start, (size_t)n);
        Buf b = BUF_INIT;
        for (ssize_t i = 0, k = start; i < n; i++, k += step)
            buf_putc(&b, m->data[k]);
        Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
        buf_free(&b);
        return r;
    }
    if (!INT_CHECK(key))
        return vm_err_str(&vm_exc_TypeError, "mmap indices must be integers");
    int64_t i;
    if (vm_clong_arg(key, &i) < 0)
        return NULL;
    if (i < 0)
        i += (int64_t)m->size;
    if (i < 0 || i >= (int64_t)m->size)
        return vm_err_str(&vm_exc_IndexError, "mmap index out of range");
    return vm_int_from_i64((unsigned char)m->data[i]);
}

static int mm_setitem(Obj *o, Obj *key, Obj *v)
{
    MmapObj *m = MM(o);
    if (valid(m) < 0)
        return -1;
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (vm_slice_indices(key, (ssize_t)m->size, &start, &stop, &step, &n) < 0)
            return -1;
        if (!v) {
            vm_err_str(&vm_exc_TypeError, "mmap object doesn't support slice deletion");
            return -1;
        }
        const char *d;
        size_t len;
        if (!vm_bytes_buffer(v, &d, &len))
            return vm_bytes_buffer_error(v, "a bytes-like object is required, not '%s'");
        if ((ssize_t)len != n) {
            vm_err_str(&vm_exc_IndexError, "mmap slice assignment is wrong size");
            return -1;
        }
        if (writable(m) < 0)
            return -1;
        if (step == 1)
            memmove(m->data + start, d, len);
        else
            for (ssize_t i = 0, k = start; i < n; i++, k += step)
                m->data[k] = d[i];
        return 0;
    }
    if (!INT_CHECK(key)) {
        vm_err_str(&vm_exc_TypeError, "mmap indices must be integer");
        return -1;
    }
    int64_t i, b;
    if (vm_clong_arg(key, &i) < 0)
        return -1;
    if (i < 0)
        i += (int64_t)m->size;
    if (i < 0 || i >= (int64_t)m->size) {
        vm_err_str(&vm_exc_IndexError, "mmap index out of range");
        return -1;
    }
    if (!v) {
        vm_err_str(&vm_exc_TypeError, "mmap doesn't support item deletion");
        return -1;
    }
    if (!INT_CHECK(v)) {
        vm_err_str(&vm_exc_TypeError, "mmap item value must be an int");
        return -1;
    }
    if (vm_int_as_i64(v, &b) < 0 || b < 0 || b > 255) {
        vm_err_clear();
        vm_err_str(&vm_exc_ValueError, "mmap item value must be in range(0, 256)");
        return -1;
    }
    if (writable(m) < 0)
        return -1;
    m->data[i] = (char)b;
    return 0;
}

/* v in m: a one-byte bytes object among the bytes (iteration's items) */
static int mm_contains(Obj *o, Obj *v)
{
    MmapObj *m = MM(o);
    if (valid(m) < 0)
        return -1;
    if (!BYTES_CHECK(v) || ((BytesObj *)v)->len != 1)
        return 0;
    return m->size && memchr(m->data, ((BytesObj *)v)->s[0], m->size) != NULL;
}

/* iter(m): the bytes as one-byte bytes objects (CPython's sequence
 * iterator over sq_item), from a snapshot */
static Obj *mm_iter(Obj *o)
{
    MmapObj *m = MM(o);
    if (valid(m) < 0)
        return NULL;
    Obj *l = vm_list_new(0);
    for (size_t i = 0; i < m->size; i++) {
        Obj *b = vm_bytes_new(m->data + i, 1);
        vm_list_append(l, b);
        DECREF(b);
    }
    Obj *it = vm_iter(l);
    DECREF(l);
    return it;
}

static Obj *mm_getattr(Obj *o, Obj *name)
{
    if (vm_str_eqc(name, "closed"))
        return VM_BOOL(MM(o)->data == NULL);
    return vm_generic_getattr(o, name);
}

static void mm_dealloc(Obj *o)
{
    unmap(MM(o));
    vm_obj_free(o);
}

static const MethodDef mmap_methods[] = {
    {"close", mm_close}, {"find", mm_find}, {"rfind", mm_rfind}, {"flush", mm_flush},
    {"madvise", mm_madvise}, {"move", mm_move}, {"read", mm_read},
    {"read_byte", mm_read_byte}, {"readline", mm_readline}, {"resize", mm_resize},
    {"seek", mm_seek}, {"size", mm_size}, {"tell", mm_tell}, {"write", mm_write},
    {"write_byte", mm_write_byte}, {"__enter__", mm_enter}, {"__exit__", mm_exit},
    {NULL, NULL},
};

static Type mmap_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "mmap",
    .base = &vm_object_type,
    .flags = TF_SUBCONSTRUCT,      /* mmap_construct allocates a subclass's instance */
    .basicsize = sizeof(MmapObj),
    .dealloc = mm_dealloc,
    .repr = mm_repr,
    .len = mm_len,
    .getitem = mm_getitem,
    .setitem = mm_setitem,
    .contains = mm_contains,
    .iter = mm_iter,
    .construct = mmap_construct,
    .getattr = mm_getattr,
    .methods = mmap_methods,
};

/* ---- the module ---- */

static const VmIntConst mmap_consts[] = {
    {"ACCESS_DEFAULT", ACCESS_DEFAULT}, {"ACCESS_READ", ACCESS_READ},
    {"ACCESS_WRITE", ACCESS_WRITE}, {"ACCESS_COPY", ACCESS_COPY},
    {"PROT_READ", PROT_READ}, {"PROT_WRITE", PROT_WRITE}, {"PROT_EXEC", PROT_EXEC},
    {"MAP_SHARED", MAP_SHARED}, {"MAP_PRIVATE", MAP_PRIVATE},
    {"MAP_ANON", MAP_ANONYMOUS}, {"MAP_ANONYMOUS", MAP_ANONYMOUS},
    /* Linux's values: <sys/mman.h> shows these under _GNU_SOURCE */
    {"MAP_DENYWRITE", 0x800}, {"MAP_EXECUTABLE", 0x1000}, {"MAP_POPULATE", 0x8000},
    {"MAP_STACK", 0x20000},
    {"MADV_NORMAL", 0}, {"MADV_RANDOM", 1}, {"MADV_SEQUENTIAL", 2}, {"MADV_WILLNEED", 3},
    {"MADV_DONTNEED", 4}, {"MADV_FREE", 8}, {"MADV_REMOVE", 9}, {"MADV_DONTFORK", 10},
    {"MADV_DOFORK", 11}, {"MADV_MERGEABLE", 12}, {"MADV_UNMERGEABLE", 13},
    {"MADV_HUGEPAGE", 14}, {"MADV_NOHUGEPAGE", 15}, {"MADV_DONTDUMP", 16},
    {"MADV_DODUMP", 17}, {"MADV_HWPOISON", 100},
};

Obj *vm_mod_mmap(void)
{
    Obj *m = vm_module_new("mmap");
    if (!m)
        return NULL;
    if (!mmap_type.dict) {
        vm_type_ready(&mmap_type);
        mmap_type.module = vm_str_cstr("mmap");
        /* closed: answered by the getattr slot; the descriptor is for dir() */
        Obj *md = vm_bdescr_new_member(&mmap_type, "closed");
        int rc = vm_dict_set_cstr(mmap_type.dict, "closed", md);
        DECREF(md);
        Obj *f = vm_builtin_new("__new__", mmap_new_m, NULL);
        Obj *sm = vm_call((Obj *)&vm_staticmethod_type, &f, 1, NULL);
        DECREF(f);
        if (!sm || vm_dict_set_cstr(mmap_type.dict, "__new__", sm) < 0)
            rc = -1;
        XDECREF(sm);
        if (rc < 0) {
            DECREF(m);
            return NULL;
        }
    }
    vm_module_add(m, "mmap", (Obj *)&mmap_type);
    vm_module_add(m, "error", (Obj *)&vm_exc_OSError);
    vm_module_add_ints(m, mmap_consts, sizeof mmap_consts / sizeof *mmap_consts);
    Obj *ps = vm_int_from_i64(sysconf(_SC_PAGESIZE));
    vm_module_add(m, "PAGESIZE", ps);
    vm_module_add(m, "ALLOCATIONGRANULARITY", ps);
    DECREF(ps);
    return m;
}
