/* cmd/pyvm/fileio.c: open() and file objects.
 *
 * Stage: pyvm.  One object type per io class CPython's open() returns:
 * TextIOWrapper for text modes, BufferedReader ('r'), BufferedWriter
 * ('w', 'a', 'x') and BufferedRandom ('+') for binary ones.  Each owns a
 * descriptor, a read-ahead buffer and a write buffer (flushed before any
 * read, seek, tell or close, and for every open file at exit).  Text
 * files decode and encode utf-8, latin-1 or ascii and translate newlines
 * by the newline argument: None (universal: '\r' and '\r\n' read as '\n',
 * '\n' written as os.linesep), '' (lines end at any of them, untranslated),
 * or one of '\n', '\r', '\r\n'.  tell() is the byte offset.
 */
#include "cmd/pyvm/mod_stringio.h"
#include "cmd/pyvm/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

enum { ENC_UTF8, ENC_LATIN1, ENC_ASCII };
enum { NL_UNIVERSAL, NL_UNTRANSLATED, NL_LF, NL_CR, NL_CRLF };

typedef struct FileObj {
    Obj ob;
    int fd;                 /* the descriptor; -1 once closed */
    bool text;              /* a TextIOWrapper (else a Buffered* object) */
    bool readable;          /* opened for reading */
    bool writable;          /* opened for writing */
    bool closefd;           /* close fd on close() */
    Obj *name;              /* the file argument of open() */
    Obj *mode;              /* .mode (str) */
    Obj *encoding;          /* text: .encoding (str), else NULL */
    int enc;                /* text: ENC_* */
    int nl;                 /* text: NL_* */
    char *rbuf;             /* read-ahead bytes */
    size_t rlen;            /* bytes in rbuf */
    size_t rpos;            /* bytes of rbuf already consumed */
    size_t rcap;            /* allocated size of rbuf */
    Buf wbuf;               /* written bytes not yet given to the descriptor */
    struct FileObj *next;   /* the list of open files (flushed at exit) */
    struct FileObj *prev;   /* its back link */
} FileObj;

static Type text_type, reader_type, writer_type, random_type, raw_type;
static FileObj *open_files;


/* ---- errors ---- */

static Obj *unsupported_cls;

Obj *vm_io_unsupported(void)
{
    if (unsupported_cls)
        return unsupported_cls;
    Obj *bases[2] = {(Obj *)&vm_exc_OSError, (Obj *)&vm_exc_ValueError};
    Obj *args[3];
    args[0] = vm_str_cstr("UnsupportedOperation");
    args[1] = vm_tuple_from(bases, 2);
    args[2] = vm_dict_new();
    Obj *mod = vm_str_cstr("io");
    if (vm_dict_set_cstr(args[2], "__module__", mod) < 0)
        vm_err_clear();
    DECREF(mod);
    unsupported_cls = vm_call((Obj *)&vm_type_type, args, 3, NULL);
    if (!unsupported_cls) {
        /* a class system without multiple exception bases: OSError alone */
        vm_err_clear();
        DECREF(args[1]);
        args[1] = vm_tuple_from(bases, 1);
        unsupported_cls = vm_call((Obj *)&vm_type_type, args, 3, NULL);
    }
    for (int i = 0; i < 3; i++)
        DECREF(args[i]);
    if (!unsupported_cls) {     /* cannot happen; fall back to OSError */
        vm_err_clear();
        unsupported_cls = vm_newref((Obj *)&vm_exc_OSError);
    }
    return unsupported_cls;
}

static Obj *err_unsupported(const char *msg)
{
    Obj *m = vm_str_cstr(msg);
    Obj *e = vm_call(vm_io_unsupported(), &m, 1, NULL);
    DECREF(m);
    if (e) {
        vm_err_set(e);
        DECREF(e);
    }
    return NULL;
}

Obj *vm_err_errno(int err, Obj *filename)
{
    Type *t = &vm_exc_OSError;
    switch (err) {
    case ENOENT: t = &vm_exc_FileNotFoundError; break;
    case EEXIST: t = &vm_exc_FileExistsError; break;
    case EISDIR: t = &vm_exc_IsADirectoryError; break;
    case ENOTDIR: t = &vm_exc_NotADirectoryError; break;
    case EACCES: case EPERM: t = &vm_exc_PermissionError; break;
    case EINTR: t = &vm_exc_InterruptedError; break;
    }
    Obj *args[2] = {vm_int_from_i64(err), vm_str_cstr(strerror(err))};
    Obj *e = vm_exc_new(t, args, 2);
    DECREF(args[0]);
    DECREF(args[1]);
    /* args stay (errno, strerror), as CPython; the name is an attribute */
    if (e && filename && vm_setattr(e, vm_str_intern("filename", 8), filename) < 0)
        CLEAR(e);
    if (e) {
        vm_err_set(e);
        DECREF(e);
    }
    return NULL;
}

static int check_open(FileObj *f)
{
    if (f->fd >= 0)
        return 0;
    vm_err_str(&vm_exc_ValueError, "I/O operation on closed file.");
    return -1;
}

/* The raw file's form of the message (no full stop): fileno, seekable,
 * readable, writable, isatty on a closed file, and a binary tell. */
static int check_open_raw(FileObj *f)
{
    if (f->fd >= 0)
        return 0;
    vm_err_str(&vm_exc_ValueError, "I/O operation on closed file");
    return -1;
}

static int check_readable(FileObj *f, const char *what)
{
    if (check_open(f) < 0)
        return -1;
    if (f->readable)
        return 0;
    err_unsupported(f->text ? "not readable" : what);
    return -1;
}

static int check_writable(FileObj *f, const char *what)
{
    if (check_open(f) < 0)
        return -1;
    if (f->writable)
        return 0;
    err_unsupported(f->text ? "not writable" : what);
    return -1;
}

/* ---- the buffers ---- */

static int write_all(FileObj *f, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t k = write(f->fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            vm_err_errno(errno, NULL);
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

static int flush_writes(FileObj *f)
{
    if (f->wbuf.len == 0)
        return 0;
    int rc = write_all(f, f->wbuf.data, f->wbuf.len);
    f->wbuf.len = 0;
    return rc;
}

/* Give back the read-ahead: move the descriptor to the logical position. */
static int drop_readahead(FileObj *f)
{
    if (f->rpos < f->rlen && lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR) < 0) {
        vm_err_errno(errno, NULL);
        return -1;
    }
    f->rlen = f->rpos = 0;
    return 0;
}

/* Read more bytes into rbuf: the number read, 0 at end of file, -1 error. */
static ssize_t fill(FileObj *f)
{
    if (flush_writes(f) < 0)
        return -1;
    if (f->rpos > 0) {
        memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (f->rcap - f->rlen < 8192) {
        f->rcap = f->rcap * 2 + 8192;
        f->rbuf = ls_xrealloc(f->rbuf, f->rcap);
    }
    for (;;) {
        ssize_t k = read(f->fd, f->rbuf + f->rlen, f->rcap - f->rlen);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            vm_err_errno(errno, NULL);
            return -1;
        }
        f->rlen += (size_t)k;
        return k;
    }
}

/* Ensure n unread bytes when the file has them: 1, 0 (fewer: end of file)
 * or -1. */
static int need(FileObj *f, size_t n)
{
    while (f->rlen - f->rpos < n) {
        ssize_t k = fill(f);
        if (k <= 0)
            return (int)k;
    }
    return 1;
}

/* ---- text decoding ---- */

static Obj *decode_error(FileObj *f, unsigned char byte, const char *why)
{
    static const char *const names[] = {"utf-8", "latin-1", "ascii"};
    return vm_err_fmt(&vm_exc_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in "
                      "position %zu: %s", names[f->enc], byte, f->rpos, why);
}

/* Decode one character at rpos into out.  1 done, 0 end of file, -1. */
static int decode_char(FileObj *f, Buf *out)
{
    int r = need(f, 1);
    if (r <= 0)
        return r;
    unsigned char c = (unsigned char)f->rbuf[f->rpos];
    if (c < 0x80) {
        buf_putc(out, (char)c);
        f->rpos++;
        return 1;
    }
    if (f->enc == ENC_LATIN1) {
        char tmp[4];
        buf_put(out, tmp, (size_t)ls_utf8_encode(c, tmp));
        f->rpos++;
        return 1;
    }
    if (f->enc == ENC_ASCII) {
        decode_error(f, c, "ordinal not in range(128)");
        return -1;
    }
    size_t k = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    if (c < 0xc2 || c > 0xf4) {
        decode_error(f, c, "invalid start byte");
        return -1;
    }
    if (need(f, k) < 0)
        return -1;
    uint32_t cp;
    int got = ls_utf8_decode(f->rbuf + f->rpos, f->rlen - f->rpos, &cp);
    if (got <= 0) {
        if (f->rlen - f->rpos < k)
            decode_error(f, c, "unexpected end of data");
        else
            decode_error(f, c, "invalid continuation byte");
        return -1;
    }
    buf_put(out, f->rbuf + f->rpos, (size_t)got);
    f->rpos += (size_t)got;
    return 1;
}

/* Read up to limit characters (all when limit < 0), stopping after a line
 * end when line is set.  A new str, or NULL. */
static Obj *text_read(FileObj *f, int64_t limit, bool line)
{
    Buf out = BUF_INIT;
    int64_t nch = 0;
    while (limit < 0 || nch < limit) {
        int r = need(f, 1);
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
        char c = f->rbuf[f->rpos];
        if (c == '\r' && (f->nl == NL_UNIVERSAL || f->nl == NL_UNTRANSLATED
                          || f->nl == NL_CRLF)) {
            if ((r = need(f, 2)) < 0)
                goto fail;
            bool crlf = r > 0 && f->rbuf[f->rpos + 1] == '\n';
            if (f->nl == NL_UNIVERSAL) {
                buf_putc(&out, '\n');
                f->rpos += crlf ? 2 : 1;
                nch++;
                if (line)
                    break;
            } else {
                /* untranslated: '\r' is one character; a line ends after it
                 * unless '\n' follows (then after the '\n') */
                buf_putc(&out, '\r');
                f->rpos++;
                nch++;
                if (line && !crlf && f->nl == NL_UNTRANSLATED)
                    break;
            }
            continue;
        }
        if (c == '\r' || c == '\n') {
            bool after_cr = out.len > 0 && out.data[out.len - 1] == '\r';
            buf_putc(&out, c);
            f->rpos++;
            nch++;
            bool ends = c == '\n' ? (f->nl == NL_UNIVERSAL || f->nl == NL_UNTRANSLATED
                                     || f->nl == NL_LF || (f->nl == NL_CRLF && after_cr))
                : f->nl == NL_CR;
            if (line && ends)
                break;
            continue;
        }
        if ((r = decode_char(f, &out)) < 0)
            goto fail;
        if (r == 0)
            break;
        nch++;
    }
    Obj *s = vm_str_new(out.data ? out.data : "", out.len);
    buf_free(&out);
    return s;
fail:
    buf_free(&out);
    return NULL;
}

/* Binary: up to limit bytes (all when limit < 0), or one line. */
static Obj *bin_read(FileObj *f, int64_t limit, bool line)
{
    size_t start;
    for (;;) {
        size_t have = f->rlen - f->rpos;
        if (limit >= 0 && have >= (uint64_t)limit) {
            have = (size_t)limit;
        }
        if (line && have > 0) {
            char *nl = memchr(f->rbuf + f->rpos, '\n', have);
            if (nl) {
                have = (size_t)(nl - (f->rbuf + f->rpos)) + 1;
                start = f->rpos;
                f->rpos += have;
                return vm_bytes_new(f->rbuf + start, have);
            }
        }
        if (limit >= 0 && f->rlen - f->rpos >= (uint64_t)limit)
            break;
        ssize_t k = fill(f);
        if (k < 0)
            return NULL;
        if (k == 0)
            break;
    }
    size_t have = f->rlen - f->rpos;
    if (limit >= 0 && have > (uint64_t)limit)
        have = (size_t)limit;
    start = f->rpos;
    f->rpos += have;
    return vm_bytes_new(have ? f->rbuf + start : "", have);
}

/* ---- argument helpers ---- */

/* Positional-or-keyword arguments: fill vals[i] (borrowed, NULL when
 * absent) for names; TypeError on an unknown or repeated one. */
static int parse_args(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                      const char *const *names, size_t nnames, Obj **vals)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0, npos = nargs - nkw;
    for (size_t i = 0; i < nnames; i++)
        vals[i] = NULL;
    if (npos > nnames) {
        vm_err_fmt(&vm_exc_TypeError, "%s() takes at most %zu arguments (%zu given)", fname,
                   nnames, nargs);
        return -1;
    }
    for (size_t i = 0; i < npos; i++)
        vals[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        size_t i = 0;
        while (i < nnames && !vm_str_eqc(kn, names[i]))
            i++;
        if (i == nnames) {
            vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                       STR_DATA(kn), fname);
            return -1;
        }
        if (vals[i]) {
            vm_err_fmt(&vm_exc_TypeError, "argument for %s() given by name ('%s') and "
                       "position (%zu)", fname, names[i], i + 1);
            return -1;
        }
        vals[i] = args[npos + k];
    }
    return 0;
}

/* An optional size argument: -1 for None or absent. */
static int size_arg(Obj *o, int64_t *out)
{
    *out = -1;
    if (!o || o == VM_NONE)
        return 0;
    if (!INT_CHECK(o)) {
        vm_err_fmt(&vm_exc_TypeError, "argument should be integer or None, not '%s'",
                   vm_tname(o));
        return -1;
    }
    return vm_int_as_i64(o, out);
}

/* ---- methods ---- */

static Obj *f_read(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    static const char *const names[] = {"size"};
    Obj *v[1];
    int64_t n;
    if (parse_args("read", args, nargs, kwnames, names, 1, v) < 0 || size_arg(v[0], &n) < 0)
        return NULL;
    if (!f->text && f->fd < 0)
        return vm_err_str(&vm_exc_ValueError, "read of closed file");
    if (check_readable(f, "read") < 0)
        return NULL;
    return f->text ? text_read(f, n, false) : bin_read(f, n, false);
}

static Obj *f_readline(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    static const char *const names[] = {"size"};
    Obj *v[1];
    int64_t n;
    if (parse_args("readline", args, nargs, kwnames, names, 1, v) < 0
        || size_arg(v[0], &n) < 0)
        return NULL;
    if (!f->text && f->fd < 0)
        return vm_err_str(&vm_exc_ValueError, "readline of closed file");
    if (check_readable(f, "read") < 0)
        return NULL;
    return f->text ? text_read(f, n, true) : bin_read(f, n, true);
}

static Obj *f_readlines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    static const char *const names[] = {"hint"};
    Obj *v[1];
    int64_t hint;
    if (parse_args("readlines", args, nargs, kwnames, names, 1, v) < 0
        || size_arg(v[0], &hint) < 0 || check_readable(f, "read") < 0)
        return NULL;
    Obj *list = vm_list_new(0);
    int64_t total = 0;
    for (;;) {
        Obj *line = f->text ? text_read(f, -1, true) : bin_read(f, -1, true);
        if (!line) {
            DECREF(list);
            return NULL;
        }
        int64_t len = f->text ? STR_LEN(line) : ((BytesObj *)line)->len;
        if (len == 0) {
            DECREF(line);
            break;
        }
        vm_list_append(list, line);
        DECREF(line);
        total += len;
        if (hint > 0 && total >= hint)
            break;
    }
    return list;
}

/* Encode a str for a text file (newline translation, the encoding). */
static int text_encode(FileObj *f, Obj *s, Buf *out)
{
    const char *p = STR_DATA(s);
    size_t n = (size_t)STR_LEN(s);
    const char *nl = f->nl == NL_CR ? "\r" : f->nl == NL_CRLF ? "\r\n" : "\n";
    size_t idx = 0;
    for (size_t i = 0; i < n; idx++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '\n') {
            buf_puts(out, nl);
            i++;
            continue;
        }
        if (c < 0x80 || f->enc == ENC_UTF8) {
            size_t k = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
            if (k > n - i)
                k = n - i;
            buf_put(out, p + i, k);
            i += k;
            continue;
        }
        uint32_t cp;
        int k = ls_utf8_decode(p + i, n - i, &cp);
        if (k <= 0)
            k = 1, cp = c;
        uint32_t lim = f->enc == ENC_LATIN1 ? 256 : 128;
        if (cp >= lim) {
            vm_err_fmt(&vm_exc_UnicodeEncodeError, "'%s' codec can't encode character "
                       "'\\u%04x' in position %zu: ordinal not in range(%u)",
                       f->enc == ENC_LATIN1 ? "latin-1" : "ascii", (unsigned)cp, idx, lim);
            return -1;
        }
        buf_putc(out, (char)cp);
        i += (size_t)k;
    }
    return 0;
}

/* The bytes of a bytes-like object (borrowed pointer), or -1 (TypeError). */
static int bytes_like(Obj *o, const char **p, size_t *n)
{
    if (BYTES_CHECK(o)) {
        *p = ((BytesObj *)o)->s;
        *n = (size_t)((BytesObj *)o)->len;
        return 0;
    }
    if (BYTEARRAY_CHECK(o)) {
        *p = ((ByteArrayObj *)o)->data ? ((ByteArrayObj *)o)->data : "";
        *n = (size_t)((ByteArrayObj *)o)->len;
        return 0;
    }
    vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'", vm_tname(o));
    return -1;
}

static int write_obj(FileObj *f, Obj *o, int64_t *count)
{
    if (f->rlen > f->rpos || f->rlen) {
        if (drop_readahead(f) < 0)
            return -1;
    }
    if (f->text) {
        if (!STR_CHECK(o)) {
            vm_err_fmt(&vm_exc_TypeError, "write() argument must be str, not %s",
                       vm_tname(o));
            return -1;
        }
        if (text_encode(f, o, &f->wbuf) < 0)
            return -1;
        *count = ((StrObj *)o)->ulen;
    } else {
        const char *p;
        size_t n;
        if (bytes_like(o, &p, &n) < 0)
            return -1;
        buf_put(&f->wbuf, p, n);
        *count = (int64_t)n;
    }
    if (f->wbuf.len >= 65536 || TYPE(f) == &raw_type)     /* FileIO: unbuffered */
        return flush_writes(f);
    return 0;
}

static Obj *f_write(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (vm_nokw("write", kwnames) < 0 || vm_argc("write", nargs, 1, 1) < 0)
        return NULL;
    if (!f->text && f->fd < 0)
        return vm_err_str(&vm_exc_ValueError, "write to closed file");
    if (check_writable(f, "write") < 0)
        return NULL;
    int64_t n;
    if (write_obj(f, args[0], &n) < 0)
        return NULL;
    return vm_int_from_i64(n);
}

static Obj *f_writelines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (vm_nokw("writelines", kwnames) < 0 || vm_argc("writelines", nargs, 1, 1) < 0
        || check_writable(f, "write") < 0)
        return NULL;
    Obj *it = vm_iter(args[0]), *x;
    if (!it)
        return NULL;
    while ((x = vm_next(it)) != NULL) {
        int64_t n;
        int rc = write_obj(f, x, &n);
        DECREF(x);
        if (rc < 0) {
            DECREF(it);
            return NULL;
        }
    }
    DECREF(it);
    return vm_err_occurred() ? NULL : vm_newref(VM_NONE);
}

static Obj *f_flush(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (vm_nokw("flush", kwnames) < 0 || vm_argc("flush", nargs, 0, 0) < 0)
        return NULL;
    if (check_open(f) < 0)
        return NULL;
    if (flush_writes(f) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static int64_t position(FileObj *f)
{
    if (flush_writes(f) < 0)
        return -1;
    off_t p = lseek(f->fd, 0, SEEK_CUR);
    if (p < 0) {
        vm_err_errno(errno, NULL);
        return -1;
    }
    return (int64_t)p - (int64_t)(f->rlen - f->rpos);
}

static Obj *f_tell(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (vm_nokw("tell", kwnames) < 0 || vm_argc("tell", nargs, 0, 0) < 0
        || (f->text ? check_open(f) : check_open_raw(f)) < 0)
        return NULL;
    int64_t p = position(f);
    return p < 0 ? NULL : vm_int_from_i64(p);
}

static Obj *f_seek(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (vm_nokw("seek", kwnames) < 0 || vm_argc("seek", nargs, 1, 2) < 0
        || check_open(f) < 0)
        return NULL;
    int64_t off, whence = 0;
    if (!INT_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          vm_tname(args[0]));
    if (vm_int_as_i64(args[0], &off) < 0 || (nargs > 1 && vm_index(args[1], &whence,
                                                                     "whence") < 0))
        return NULL;
    if (whence < 0 || whence > 2)
        return vm_err_fmt(&vm_exc_ValueError, f->text ? "invalid whence (%lld, should be 0, 1 "
                          "or 2)" : "whence value %lld unsupported", (long long)whence);
    if (f->text && whence == 1 && off != 0)
        return err_unsupported("can't do nonzero cur-relative seeks");
    if (f->text && whence == 2 && off != 0)
        return err_unsupported("can't do nonzero end-relative seeks");
    if (f->text && whence == 0 && off < 0)
        return vm_err_fmt(&vm_exc_ValueError, "negative seek position %lld", (long long)off);
    if (flush_writes(f) < 0)
        return NULL;
    if (whence == 1) {
        int64_t p = position(f);
        if (p < 0)
            return NULL;
        off += p;
        whence = 0;
    }
    f->rlen = f->rpos = 0;
    off_t p = lseek(f->fd, (off_t)off, whence == 0 ? SEEK_SET : SEEK_END);
    if (p < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64((int64_t)p);
}

static Obj *f_truncate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (vm_nokw("truncate", kwnames) < 0 || vm_argc("truncate", nargs, 0, 1) < 0
        || check_writable(f, "truncate") < 0)
        return NULL;
    int64_t size;
    if (nargs && args[0] != VM_NONE) {
        if (vm_index(args[0], &size, "size") < 0)
            return NULL;
    } else if ((size = position(f)) < 0) {
        return NULL;
    }
    if (flush_writes(f) < 0 || drop_readahead(f) < 0)
        return NULL;
    if (ftruncate(f->fd, (off_t)size) < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(size);
}

static int file_close(FileObj *f)
{
    if (f->fd < 0)
        return 0;
    int rc = flush_writes(f);
    if (f->closefd && close(f->fd) < 0 && rc == 0) {
        vm_err_errno(errno, NULL);
        rc = -1;
    }
    f->fd = -1;
    if (f->prev)
        f->prev->next = f->next;
    else if (open_files == f)
        open_files = f->next;
    if (f->next)
        f->next->prev = f->prev;
    f->next = f->prev = NULL;
    return rc;
}

static Obj *f_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("close", kwnames) < 0 || vm_argc("close", nargs, 0, 0) < 0)
        return NULL;
    return file_close((FileObj *)self) < 0 ? NULL : vm_newref(VM_NONE);
}

static Obj *f_fileno(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (check_open_raw(f) < 0)
        return NULL;
    return vm_int_from_i64(f->fd);
}

static Obj *f_isatty(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (check_open_raw(f) < 0)
        return NULL;
    return VM_BOOL(isatty(f->fd));
}

static Obj *f_readable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    return check_open_raw(f) < 0 ? NULL : VM_BOOL(f->readable);
}

static Obj *f_writable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    return check_open_raw(f) < 0 ? NULL : VM_BOOL(f->writable);
}

static Obj *f_seekable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (check_open_raw(f) < 0)
        return NULL;
    return VM_BOOL(lseek(f->fd, 0, SEEK_CUR) >= 0);
}

static Obj *f_enter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (check_open((FileObj *)self) < 0)
        return NULL;
    return vm_newref(self);
}

static Obj *f_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return file_close((FileObj *)self) < 0 ? NULL : vm_newref(VM_NONE);
}

static Obj *f_iter(Obj *self)
{
    if (check_open((FileObj *)self) < 0)
        return NULL;
    return vm_newref(self);
}

static Obj *f_iternext(Obj *self)
{
    FileObj *f = (FileObj *)self;
    if (check_readable(f, "read") < 0)
        return NULL;
    Obj *line = f->text ? text_read(f, -1, true) : bin_read(f, -1, true);
    if (!line)
        return NULL;
    if ((f->text ? STR_LEN(line) : ((BytesObj *)line)->len) == 0) {
        DECREF(line);
        return NULL;
    }
    return line;
}

static Obj *f_getattr(Obj *o, Obj *name)
{
    FileObj *f = (FileObj *)o;
    if (vm_str_eqc(name, "closed"))
        return VM_BOOL(f->fd < 0);
    if (vm_str_eqc(name, "name"))
        return vm_newref(f->name);
    if (vm_str_eqc(name, "mode"))
        return vm_newref(f->mode);
    if (f->text && vm_str_eqc(name, "encoding"))
        return vm_newref(f->encoding);
    if (f->text && vm_str_eqc(name, "errors"))
        return vm_str_cstr("strict");
    if (f->text && vm_str_eqc(name, "line_buffering"))
        return VM_BOOL(false);
    return NULL;
}

static Obj *f_repr(Obj *o)
{
    FileObj *f = (FileObj *)o;
    Obj *nr = vm_repr(f->name);
    if (!nr)
        return NULL;
    Buf b = BUF_INIT;
    buf_printf(&b, "<_io.%s name=%s", TYPE(o)->name, STR_DATA(nr));
    DECREF(nr);
    if (TYPE(o) == &raw_type)
        buf_printf(&b, " mode='%s' closefd=%s", STR_DATA(f->mode),
                   f->closefd ? "True" : "False");
    if (f->text) {
        Obj *mr = vm_repr(f->mode), *er = mr ? vm_repr(f->encoding) : NULL;
        if (er)
            buf_printf(&b, " mode=%s encoding=%s", STR_DATA(mr), STR_DATA(er));
        XDECREF(mr);
        if (!er) {
            buf_free(&b);
            return NULL;
        }
        DECREF(er);
    }
    buf_putc(&b, '>');
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static void f_dealloc(Obj *o)
{
    FileObj *f = (FileObj *)o;
    if (file_close(f) < 0)
        vm_err_clear();
    XDECREF(f->name);
    XDECREF(f->mode);
    XDECREF(f->encoding);
    free(f->rbuf);
    buf_free(&f->wbuf);
    vm_obj_free(o);
}

static void flush_all_at_exit(void)
{
    for (FileObj *f = open_files; f; f = f->next)
        if (f->wbuf.len)
            (void)!write(f->fd, f->wbuf.data, f->wbuf.len);
}

static const MethodDef file_methods[] = {
    {"read", f_read},
    {"readline", f_readline},
    {"readlines", f_readlines},
    {"write", f_write},
    {"writelines", f_writelines},
    {"flush", f_flush},
    {"tell", f_tell},
    {"seek", f_seek},
    {"truncate", f_truncate},
    {"close", f_close},
    {"fileno", f_fileno},
    {"isatty", f_isatty},
    {"readable", f_readable},
    {"writable", f_writable},
    {"seekable", f_seekable},
    {"__enter__", f_enter},
    {"__exit__", f_exit},
    {NULL, NULL},
};

#define FILE_TYPE(var, tname) \
    static Type var = { \
        .ob = OBJ_HEAD_INIT(&vm_type_type), .name = tname, .base = &vm_object_type, \
        .flags = TF_NOSUBCLASS, .basicsize = sizeof(FileObj), .dealloc = f_dealloc, \
        .repr = f_repr, .iter = f_iter, .iternext = f_iternext, .getattr = f_getattr, \
        .methods = file_methods, \
    }
FILE_TYPE(text_type, "TextIOWrapper");
FILE_TYPE(reader_type, "BufferedReader");
FILE_TYPE(writer_type, "BufferedWriter");
FILE_TYPE(random_type, "BufferedRandom");
FILE_TYPE(raw_type, "FileIO");

/* ---- open() ---- */

static Obj *err_value(const char *msg)
{
    return vm_err_str(&vm_exc_ValueError, msg);
}

static Obj *open_named(Obj *path, Obj *shown, Obj **v);

Obj *vm_open(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener"};
    Obj *v[8];
    if (parse_args("open", args, nargs, kwnames, names, 8, v) < 0)
        return NULL;
    if (!v[0])
        return vm_err_str(&vm_exc_TypeError,
                          "open() missing required argument 'file' (pos 1)");
    Obj *file = v[0];
    int fd = -1;
    if (INT_CHECK(file)) {
        int64_t n;
        if (vm_int_as_i64(file, &n) < 0)
            return NULL;
        fd = (int)n;
        if (n < 0)
            return err_value("negative file descriptor");
    } else if (!STR_CHECK(file)) {
        /* bytes names, and os.PathLike objects (pathlib) by __fspath__ */
        Obj *path = NULL;
        if (BYTES_CHECK(file)) {
            path = vm_str_new(((BytesObj *)file)->s, (size_t)((BytesObj *)file)->len);
        } else if (TYPE(file)->flags & TF_HEAP) {
            bool found;
            path = vm_call_special(file, "__fspath__", NULL, 0, &found);
            if (!found)
                path = NULL;
            else if (!path)
                return NULL;
            else if (!STR_CHECK(path)) {
                vm_err_fmt(&vm_exc_TypeError, "expected %s.__fspath__() to return str or "
                           "bytes, not %s", vm_tname(file), vm_tname(path));
                DECREF(path);
                return NULL;
            }
        }
        if (!path)
            return vm_err_fmt(&vm_exc_TypeError, "expected str, bytes or os.PathLike object, "
                              "not %s", vm_tname(file));
        Obj *r = open_named(path, BYTES_CHECK(file) ? file : path, v);
        DECREF(path);
        return r;
    }
    return open_named(fd < 0 ? file : NULL, file, v);
}

/* open() once the file is known: path (a str) to open, or NULL for the
 * descriptor in fd_obj; shown is what f.name reports. */
static Obj *open_named(Obj *path, Obj *shown, Obj **v)
{
    Obj *file = path;
    int fd = -1;
    if (!path) {
        int64_t n;
        if (vm_int_as_i64(shown, &n) < 0)
            return NULL;
        fd = (int)n;
    }
    const char *mode = "r";
    if (v[1]) {
        if (!STR_CHECK(v[1]))
            return vm_err_fmt(&vm_exc_TypeError, "open() argument 'mode' must be str, not %s",
                              vm_tname(v[1]));
        mode = STR_DATA(v[1]);
    }
    bool r = false, w = false, a = false, x = false, plus = false, b = false, t = false;
    for (const char *p = mode; *p; p++) {
        bool *flag = *p == 'r' ? &r : *p == 'w' ? &w : *p == 'a' ? &a : *p == 'x' ? &x
            : *p == '+' ? &plus : *p == 'b' ? &b : *p == 't' ? &t : NULL;
        if (!flag || *flag)
            return vm_err_fmt(&vm_exc_ValueError, "invalid mode: '%s'", mode);
        *flag = true;
    }
    if (b && t)
        return err_value("can't have text and binary mode at once");
    if (r + w + a + x != 1)
        return err_value(r + w + a + x == 0 && !plus
                         ? "Must have exactly one of create/read/write/append mode and at "
                           "most one plus"
                         : "must have exactly one of create/read/write/append mode");
    const char *encname = NULL;
    if (v[3] && v[3] != VM_NONE) {
        if (!STR_CHECK(v[3]))
            return vm_err_fmt(&vm_exc_TypeError, "open() argument 'encoding' must be str or "
                              "None, not %s", vm_tname(v[3]));
        encname = STR_DATA(v[3]);
    }
    if (v[4] && v[4] != VM_NONE && !STR_CHECK(v[4]))
        return vm_err_fmt(&vm_exc_TypeError, "open() argument 'errors' must be str or None, "
                          "not %s", vm_tname(v[4]));
    const char *newline = NULL;
    if (v[5] && v[5] != VM_NONE) {
        if (!STR_CHECK(v[5]))
            return vm_err_fmt(&vm_exc_TypeError, "open() argument 'newline' must be str or "
                              "None, not %s", vm_tname(v[5]));
        newline = STR_DATA(v[5]);
    }
    if (b && encname)
        return err_value("binary mode doesn't take an encoding argument");
    if (b && v[4] && v[4] != VM_NONE)
        return err_value("binary mode doesn't take an errors argument");
    if (b && newline)
        return err_value("binary mode doesn't take a newline argument");
    int nl = NL_UNIVERSAL;
    if (newline) {
        if (!strcmp(newline, ""))
            nl = NL_UNTRANSLATED;
        else if (!strcmp(newline, "\n"))
            nl = NL_LF;
        else if (!strcmp(newline, "\r"))
            nl = NL_CR;
        else if (!strcmp(newline, "\r\n"))
            nl = NL_CRLF;
        else {
            return vm_err_fmt(&vm_exc_ValueError, "illegal newline value: %s", newline);
        }
    }
    int enc = ENC_UTF8;
    if (encname) {
        char low[32];
        size_t i = 0;
        for (; encname[i] && i < sizeof low - 1; i++)
            low[i] = (char)(encname[i] >= 'A' && encname[i] <= 'Z' ? encname[i] + 32
                            : encname[i] == '_' ? '-' : encname[i]);
        low[i] = 0;
        if (!strcmp(low, "utf-8") || !strcmp(low, "utf8"))
            enc = ENC_UTF8;
        else if (!strcmp(low, "latin-1") || !strcmp(low, "latin1")
                 || !strcmp(low, "iso-8859-1") || !strcmp(low, "iso8859-1"))
            enc = ENC_LATIN1;
        else if (!strcmp(low, "ascii") || !strcmp(low, "us-ascii"))
            enc = ENC_ASCII;
        else
            return vm_err_fmt(&vm_exc_LookupError, "unknown encoding: %s", encname);
    }
    int64_t buffering = -1;
    if (v[2] && v[2] != VM_NONE) {
        if (!INT_CHECK(v[2]))
            return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an "
                              "integer", vm_tname(v[2]));
        if (vm_int_as_i64(v[2], &buffering) < 0)
            return NULL;
    }
    if (buffering == 0 && !b)
        return err_value("can't have unbuffered text I/O");
    bool closefd = true;
    if (v[6]) {
        int tr = vm_truth(v[6]);
        if (tr < 0)
            return NULL;
        closefd = tr;
    }
    if (!closefd && fd < 0)
        return err_value("Cannot use closefd=False with file name");
    if (v[7] && v[7] != VM_NONE)
        return vm_err_str(&vm_exc_NotImplementedError, "open(): opener not supported yet");
    if (fd < 0) {
        int flags = (r && !plus) ? O_RDONLY : (plus ? O_RDWR : O_WRONLY);
        if (w)
            flags |= O_CREAT | O_TRUNC;
        if (a)
            flags |= O_CREAT | O_APPEND;
        if (x)
            flags |= O_CREAT | O_EXCL;
        fd = open(STR_DATA(file), flags | O_CLOEXEC, 0666);
        if (fd < 0)
            return vm_err_errno(errno, shown);
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            return vm_err_errno(EISDIR, shown);
        }
    }
    Type *type = !b ? &text_type : buffering == 0 ? &raw_type
        : plus ? &random_type : r ? &reader_type : &writer_type;
    vm_type_ready(type);
    FileObj *f = vm_alloc(type, 0);
    memset((char *)f + sizeof(Obj), 0, sizeof *f - sizeof(Obj));
    f->fd = fd;
    f->text = !b;
    f->readable = r || plus;
    f->writable = w || a || x || plus;
    f->closefd = closefd;
    f->name = vm_newref(shown);
    if (b) {
        char m[8];
        int k = 0;
        /* CPython's FileIO.mode: 'rb', 'wb', 'ab', 'xb'; with '+' reading and
         * writing: 'rb+' (for r+ and w+), 'ab+', 'xb+' */
        m[k++] = a ? 'a' : x ? 'x' : (r || plus) ? 'r' : 'w';
        m[k++] = 'b';
        if (plus)
            m[k++] = '+';
        m[k] = 0;
        f->mode = vm_str_cstr(m);
    } else {
        f->mode = vm_str_cstr(mode);
        f->encoding = encname ? vm_newref(v[3]) : vm_str_cstr("UTF-8");
    }
    f->enc = enc;
    f->nl = nl;
    f->wbuf = (Buf)BUF_INIT;
    static bool registered;
    if (!registered) {
        atexit(flush_all_at_exit);
        registered = true;
    }
    f->next = open_files;
    if (open_files)
        open_files->prev = f;
    open_files = f;
    if (a && lseek(fd, 0, SEEK_END) < 0)
        errno = 0;      /* a pipe: nothing to do */
    return (Obj *)f;
}

Obj *vm_mod_io(void)
{
    Obj *m = vm_module_new("io");
    if (!m)
        return NULL;
    Obj *bopen = vm_builtins ? vm_dict_get_str(vm_builtins, vm_str_intern("open", 4)) : NULL;
    if (bopen)
        vm_module_add(m, "open", bopen);     /* io.open is open */
    else
        vm_module_add_func(m, "open", vm_open);
    vm_module_add(m, "UnsupportedOperation", vm_io_unsupported());
    Type *const types[] = {&text_type, &reader_type, &writer_type, &random_type, &raw_type};
    for (size_t i = 0; i < 5; i++) {
        vm_type_ready(types[i]);
        vm_module_add(m, types[i]->name, (Obj *)types[i]);
    }
    static const struct { const char *name; int v; } ints[] = {
        {"SEEK_SET", 0}, {"SEEK_CUR", 1}, {"SEEK_END", 2}, {"DEFAULT_BUFFER_SIZE", 8192},
    };
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        Obj *n = vm_int_from_i64(ints[i].v);
        vm_module_add(m, ints[i].name, n);
        DECREF(n);
    }
    if (vm_io_add_memory_files(m) < 0) {   /* StringIO, BytesIO (mod_stringio.c) */
        DECREF(m);
        return NULL;
    }
    return m;
}
