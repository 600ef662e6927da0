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
 * or one of '\n', '\r', '\r\n'.  Decoding errors go to the errors handler.
 *
 * CPython's text layer decodes 8192-byte chunks and its tell() is a cookie
 * counted from the last chunk's start (the byte offset when the decoder
 * holds nothing back, else a packed integer); we decode one character at
 * a time but keep the same chunk record beside the reader, so tell(),
 * seek(cookie), where a write after a read lands, and when a decoding
 * error is raised are all CPython's.
 *
 * One object per file: a text file's .buffer and a binary file's .raw are
 * views (FileObj.owner) whose methods run on the owner's descriptor and
 * buffers as a binary file (on_file).  The io module's constructible
 * FileIO and Buffered* classes are Python (layers_src below), over any
 * raw object and subclassable; open()'s C types are registered under them.
 *
 * The io module's constructible TextIOWrapper is a separate class written
 * in Python (textwrap_src below): a text layer over any binary file object
 * (tokenize.open, hence linecache and traceback, build one); the C text
 * type is registered under it, so isinstance(open(p), io.TextIOWrapper).
 */
#include "cmd/pyvm/mod_stringio.h"
#include "cmd/pyvm/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/codecs.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/gil.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/memoryview.h"
#include "cmd/pyvm/mod_array.h"
#include "cmd/pyvm/mod_signal.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

enum { ENC_UTF8, ENC_LATIN1, ENC_ASCII };
enum { NL_UNIVERSAL, NL_UNTRANSLATED, NL_LF, NL_CR, NL_CRLF };
/* The errors argument of a text file (ERRH_OTHER: a name the decoder
 * treats as strict; the encoder passes it to the codec). */
enum { ERRH_STRICT, ERRH_REPLACE, ERRH_IGNORE, ERRH_SURROGATEESCAPE, ERRH_BACKSLASHREPLACE,
       ERRH_OTHER };

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
    int errh;               /* text: ERRH_* */
    int seennl;             /* text: line ends met: 1 '\r', 2 '\n', 4 "\r\n" */
    bool lf_after_cr;       /* text: the next '\n' ends a "\r\n" already counted */
    Obj *errors;            /* text: .errors (str), else NULL */
    bool seekable;          /* lseek works: tell() keeps CPython's cookies */
    bool iterating;         /* text: next() is reading, tell() refused */
    bool pending_cr;        /* text: a '\r' before rpos still to be given
                             * (after a seek to a cookie that holds one) */
    char pend[16];          /* text: characters of a bad unit not yet given
                             * (ASCII, or bytes >= 0x80 for surrogateescape) */
    unsigned char pend_n;   /* text: characters in pend */
    unsigned char pend_i;   /* text: of those, given */
    /* CPython's text layer decodes a chunk at a time and tell() counts
     * from the chunk's start: the same record, kept beside our reader. */
    bool snap;              /* text: the chunk record is valid for tell() */
    int64_t snap_pos;       /* file offset of the chunk's input */
    int snap_flags;         /* decoder flags there (1: a '\r' held back) */
    int64_t chunk_end;      /* file offset after the chunk */
    int end_flags;          /* decoder flags after the chunk */
    int end_left;           /* bytes of an unfinished character after it */
    int64_t chunk_chars;    /* characters the chunk decodes to */
    int64_t chars_used;     /* of those, given out */
    double b2c;             /* bytes per character of the last chunk */
    char *rbuf;             /* read-ahead bytes */
    size_t rlen;            /* bytes in rbuf */
    size_t rpos;            /* bytes of rbuf already consumed */
    size_t rcap;            /* allocated size of rbuf */
    Buf wbuf;               /* written bytes not yet given to the descriptor */
    /* The layers: open() makes one object per file, and f.buffer (of a
     * text file) and f.raw (of a binary one) are views of it: objects of
     * the binary types whose methods run on the owner's descriptor and
     * buffers (as binary, whatever the owner is). */
    struct FileObj *owner;  /* a view: the file it shows (a strong reference),
                             * else NULL */
    struct FileObj *buf_view; /* the view f.buffer gave (borrowed; it clears
                               * this when freed), or NULL */
    struct FileObj *raw_view; /* the view f.raw gave (borrowed), or NULL */
    Obj *bmode;             /* the binary layers' mode ('rb', 'wb', 'rb+'...) */
    size_t tstart;          /* text: wbuf[tstart:] is text CPython's layer would
                             * still hold back (it passes text on in 8192-byte
                             * chunks): a write through f.buffer goes before it */
    bool detached;          /* detach() gave the layer below away */
    bool line_buffering;    /* text: flush after a write with a line end */
    bool write_through;     /* text: flush after every write */
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
    Type *t = vm_oserror_type(err);
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

/* read(2) into f's read-ahead at rlen; with threads on (gil.h) it reads
 * into a buffer of its own with the GIL dropped, for another thread may
 * use f meanwhile. */
static ssize_t read_more(FileObj *f)
{
    size_t room = f->rcap - f->rlen;
    if (!vm_gil_enabled())
        return read(f->fd, f->rbuf + f->rlen, room);
    char *tmp = ls_xmalloc(room);
    ssize_t k = vm_blocking_read(f->fd, tmp, room);
    int e = errno;
    if (k > 0) {
        if (f->rcap - f->rlen < (size_t)k) {
            f->rcap = f->rlen + (size_t)k;
            f->rbuf = ls_xrealloc(f->rbuf, f->rcap);
        }
        memcpy(f->rbuf + f->rlen, tmp, (size_t)k);
    }
    free(tmp);
    errno = e;
    return k;
}

static int write_all(FileObj *f, const char *p, size_t n)
{
    char *own = NULL;       /* with threads on: a copy of p, written without the GIL */
    if (vm_gil_enabled() && n > 0) {
        own = ls_xmalloc(n);
        memcpy(own, p, n);
        p = own;
    }
    while (n > 0) {
        ssize_t k = own ? vm_blocking_write(f->fd, p, n) : write(f->fd, p, n);
        if (k < 0) {
            if (errno == EINTR) {
                if (vm_signal_check() < 0) {    /* PEP 475: a handler raised, else retry */
                    free(own);
                    return -1;
                }
                continue;
            }
            vm_err_errno(errno, NULL);
            free(own);
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    free(own);
    return 0;
}

static int flush_writes(FileObj *f)
{
    if (f->wbuf.len == 0)
        return 0;
    int rc = write_all(f, f->wbuf.data, f->wbuf.len);
    f->wbuf.len = 0;
    f->tstart = 0;
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
        ssize_t k = read_more(f);
        if (k < 0 && errno == EINTR) {
            if (vm_signal_check() < 0)      /* PEP 475: a handler raised, else retry */
                return -1;
            continue;
        }
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

static int64_t position(FileObj *f);

/* ---- text decoding ---- */

/* One unit of encoded text: a character, or a run of bytes the codec
 * refuses (what the error handler sees at once). */
typedef struct DecUnit {
    size_t len;             /* bytes in the unit; 0: an unfinished character */
    bool bad;               /* the bytes do not decode */
    const char *why;        /* for a bad unit: CPython's reason */
} DecUnit;

/* Look at the unit at p (n bytes there; final: no more will come). */
static DecUnit dec_unit(int enc, const unsigned char *p, size_t n, bool final)
{
    DecUnit u = {1, false, NULL};
    unsigned char c = p[0];
    if (c < 0x80 || enc == ENC_LATIN1)
        return u;
    u.bad = true;
    if (enc == ENC_ASCII) {
        u.why = "ordinal not in range(128)";
        return u;
    }
    size_t want = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    if (c < 0xc2 || c > 0xf4) {
        u.why = "invalid start byte";
        return u;
    }
    /* the second byte's range depends on the first (no overlongs, no
     * surrogates, nothing above U+10FFFF); the others are 80..BF */
    unsigned char lo = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf;
    size_t k = 1;
    for (; k < want; k++) {
        if (k >= n) {
            if (!final) {
                u.len = 0;
                return u;
            }
            u.len = k;
            u.why = "unexpected end of data";
            return u;
        }
        unsigned char d = p[k];
        if (k == 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) {
            u.len = k;
            u.why = "invalid continuation byte";
            return u;
        }
    }
    u.len = want;
    u.bad = false;
    return u;
}

/* The characters the error handler gives for a bad unit of len bytes. */
static int64_t bad_chars(int errh, size_t len)
{
    switch (errh) {
    case ERRH_IGNORE: return 0;
    case ERRH_REPLACE: return 1;
    case ERRH_BACKSLASHREPLACE: return 4 * (int64_t)len;
    default: return (int64_t)len;       /* surrogateescape; strict raises */
    }
}

static bool universal(FileObj *f)
{
    return f->nl == NL_UNIVERSAL || f->nl == NL_UNTRANSLATED;
}

/* A unit the strict handler refuses. */
typedef struct BadUnit {
    int64_t at;             /* its offset in the input; -1: none */
    DecUnit u;              /* its length and reason */
} BadUnit;

/* What CPython's incremental decoder (with its newline decoder when newline
 * is None or '') makes of n bytes, starting with *flags (1: a '\r' held
 * back): the number of characters; *flags and *left (the bytes of an
 * unfinished character kept for later) afterwards; *bad (when not NULL)
 * the first unit a strict decoder refuses. */
static int64_t sim_decode_bad(FileObj *f, const unsigned char *p, size_t n, bool final,
                              int *flags, size_t *left, BadUnit *bad)
{
    bool univ = universal(f), cr = univ && (*flags & 1);
    int64_t count = 0;
    if (bad)
        bad->at = -1;
    size_t i = 0;
    *left = 0;
    while (i < n) {
        if (p[i] < 0x80 && p[i] != '\r' && p[i] != '\n' && !cr) {
            count++;            /* the common case, quickly */
            i++;
            continue;
        }
        DecUnit u = dec_unit(f->enc, p + i, n - i, final);
        if (u.len == 0) {
            *left = n - i;
            break;
        }
        if (u.bad && bad && bad->at < 0 && (f->errh == ERRH_STRICT || f->errh == ERRH_OTHER)) {
            bad->at = (int64_t)i;
            bad->u = u;
        }
        int64_t k = u.bad ? bad_chars(f->errh, u.len) : 1;
        bool after_cr = cr && k > 0;
        if (cr && k > 0) {
            cr = false;
            if (bad)
                f->seennl |= p[i] == '\n' ? 4 : 1;
            if (p[i] == '\n' && f->nl == NL_UNIVERSAL) {
                count++;                /* "\r\n" read as one '\n' */
                i += u.len;
                continue;
            }
            count++;
        }
        if (bad && univ && p[i] == '\n' && !after_cr)
            f->seennl |= 2;
        if (univ && !u.bad && p[i] == '\r')
            cr = true;
        else
            count += k;
        i += u.len;
    }
    if (cr && final) {
        if (bad)
            f->seennl |= 1;
        count++;
        cr = false;
    }
    *flags = cr;
    return count;
}

static int64_t sim_decode(FileObj *f, const unsigned char *p, size_t n, bool final,
                          int *flags, size_t *left)
{
    return sim_decode_bad(f, p, n, final, flags, left, NULL);
}

/* Raise UnicodeDecodeError for len bytes at offset at of the decoder's
 * input p (n bytes). */
static Obj *raise_decode_error(FileObj *f, const unsigned char *p, size_t n, int64_t at,
                               size_t len, const char *why)
{
    static const char *const names[] = {"utf-8", "latin-1", "ascii"};
    Obj *args[5] = {vm_str_cstr(names[f->enc]), vm_bytes_new((const char *)p, n),
                    vm_int_from_i64(at), vm_int_from_i64(at + (int64_t)len), vm_str_cstr(why)};
    Obj *e = vm_exc_new(&vm_exc_UnicodeDecodeError, args, 5);
    for (int i = 0; i < 5; i++)
        DECREF(args[i]);
    if (e) {
        vm_err_set(e);
        DECREF(e);
    }
    return NULL;
}

/* Read n bytes at file offset off into a new buffer (fewer at the end);
 * *got is the number read.  NULL (error set) on failure. */
static unsigned char *read_at(FileObj *f, int64_t off, size_t n, size_t *got)
{
    unsigned char *p = ls_xmalloc(n ? n : 1);
    size_t have = 0;
    while (have < n) {
        ssize_t k = pread(f->fd, p + have, n - have, (off_t)(off + (int64_t)have));
        if (k < 0 && errno == EINTR) {
            if (vm_signal_check() < 0) {    /* PEP 475 */
                free(p);
                return NULL;
            }
            continue;
        }
        if (k < 0) {
            free(p);
            vm_err_errno(errno, NULL);
            return NULL;
        }
        if (k == 0)
            break;
        have += (size_t)k;
    }
    *got = have;
    return p;
}

/* The file's size (for bounding a chunk), or -1 (error set). */
static int64_t file_size(FileObj *f)
{
    struct stat st;
    if (fstat(f->fd, &st) < 0) {
        vm_err_errno(errno, NULL);
        return -1;
    }
    return (int64_t)st.st_size;
}

/* CPython's text layer reads a chunk (max(8192, hint) bytes) whenever its
 * decoded characters run out, and remembers where the chunk began and the
 * decoder's state there.  We decode character by character, but keep the
 * same record so that tell() gives CPython's numbers: called before each
 * character is taken; hint as CPython's (characters still wanted, 0 for
 * readline).  0 or -1. */
static int chunk_need(FileObj *f, int64_t hint)
{
    if (!f->seekable || f->chars_used < f->chunk_chars)
        return 0;
    for (;;) {
        if (flush_writes(f) < 0)
            return -1;
        int64_t size = 8192;
        if (hint > 0) {
            double h = (f->b2c > 1.0 ? f->b2c : 1.0) * (double)hint;
            if (h > (double)size)
                size = h > 1e15 ? (int64_t)1e15 : (int64_t)h;
        }
        int64_t fsz = file_size(f);
        if (fsz < 0)
            return -1;
        int64_t avail = fsz > f->chunk_end ? fsz - f->chunk_end : 0;
        if (size > avail)
            size = avail;
        int64_t start = f->chunk_end - f->end_left;
        size_t got;
        unsigned char *p = read_at(f, start, (size_t)(f->end_left + size), &got);
        if (!p)
            return -1;
        int64_t nbytes = (int64_t)got - f->end_left;
        if (nbytes < 0)
            nbytes = 0;
        bool eof = nbytes == 0;
        int flags = f->end_flags;
        size_t left;
        BadUnit bad;
        int64_t n = sim_decode_bad(f, p, got, eof, &flags, &left, &bad);
        if (bad.at >= 0) {
            /* CPython decodes the chunk at once: the error comes now */
            raise_decode_error(f, p, got, bad.at, bad.u.len, bad.u.why);
            free(p);
            /* the chunk is gone from the buffer all the same */
            f->snap = false;
            f->chunk_end = start + (int64_t)got;
            f->end_flags = 0;
            f->end_left = 0;
            f->chunk_chars = f->chars_used = 0;
            f->rlen = f->rpos = 0;
            if (lseek(f->fd, (off_t)f->chunk_end, SEEK_SET) < 0)
                errno = 0;
            return -1;
        }
        free(p);
        f->snap = !f->iterating;
        f->snap_pos = start;
        f->snap_flags = f->end_flags;
        f->chunk_end = start + (int64_t)got;
        f->end_flags = flags;
        f->end_left = (int)left;
        f->chunk_chars = n;
        f->chars_used = 0;
        f->b2c = n > 0 ? (double)nbytes / (double)n : 0.0;
        if (n > 0 || eof)
            return 0;
    }
}

/* Forget the chunk: the text layer's position is now the file's (after
 * open, read(), a write, a seek to the end). */
static void chunk_reset(FileObj *f, int64_t pos)
{
    f->snap = false;
    f->chunk_end = pos;
    f->end_flags = 0;
    f->end_left = 0;
    f->chunk_chars = f->chars_used = 0;
    f->pending_cr = false;
    f->lf_after_cr = false;
    f->pend_n = f->pend_i = 0;
}

/* Raise UnicodeDecodeError for the len bad bytes at rbuf[rpos] as CPython
 * reports them: positions within the chunk being decoded. */
static Obj *decode_error(FileObj *f, size_t len, const char *why)
{
    int64_t here = -1;
    off_t cur = lseek(f->fd, 0, SEEK_CUR);
    if (cur >= 0)
        here = (int64_t)cur - (int64_t)(f->rlen - f->rpos);
    /* the decoder's input began at the chunk's start, or (read() of the
     * rest) where the last chunk ended */
    int64_t base = f->chars_used < f->chunk_chars ? f->snap_pos : f->chunk_end - f->end_left;
    int64_t size = f->seekable ? file_size(f) : -1;
    if (f->seekable && here >= base && size >= here) {
        size_t got;
        unsigned char *p = read_at(f, base, (size_t)(size - base), &got);
        if (!p)
            return NULL;
        raise_decode_error(f, p, got, here - base, len, why);
        free(p);
        return NULL;
    }
    return raise_decode_error(f, (const unsigned char *)f->rbuf + f->rpos, f->rlen - f->rpos,
                              0, len, why);
}

/* Append one character of a bad unit's replacement (or all of the
 * surrogateescape ones, which come one per byte) to out: a bad unit
 * of len bytes at rbuf[rpos]. */
static void bad_replacement(FileObj *f, size_t len, Buf *out)
{
    const unsigned char *p = (const unsigned char *)f->rbuf + f->rpos;
    char tmp[4];
    if (f->errh == ERRH_REPLACE) {
        buf_put(out, tmp, (size_t)ls_utf8_encode(0xfffd, tmp));
        return;
    }
    if (f->errh == ERRH_BACKSLASHREPLACE) {
        /* four characters a byte: the first now, the rest kept in pend */
        static const char hex[] = "0123456789abcdef";
        f->pend_n = f->pend_i = 0;
        for (size_t i = 0; i < len; i++) {
            f->pend[f->pend_n++] = '\\';
            f->pend[f->pend_n++] = 'x';
            f->pend[f->pend_n++] = hex[p[i] >> 4];
            f->pend[f->pend_n++] = hex[p[i] & 15];
        }
        buf_putc(out, f->pend[f->pend_i++]);
        return;
    }
    /* surrogateescape: U+DC80..U+DCFF, one a byte (len is 1 unless the
     * unit is an unfinished sequence: then the others wait in pend as
     * raw bytes, marked by the high bit) */
    for (size_t i = 1; i < len && f->pend_n < sizeof f->pend; i++)
        f->pend[f->pend_n++] = (char)p[i];
    buf_put(out, tmp, (size_t)ls_utf8_encode(0xdc00 + p[0], tmp));
}

/* Give one pending character (of a bad unit) into out. */
static void give_pending(FileObj *f, Buf *out)
{
    unsigned char c = (unsigned char)f->pend[f->pend_i++];
    if (c >= 0x80) {
        char tmp[4];
        buf_put(out, tmp, (size_t)ls_utf8_encode(0xdc00 + c, tmp));
    } else {
        buf_putc(out, (char)c);
    }
    if (f->pend_i == f->pend_n)
        f->pend_i = f->pend_n = 0;
}

/* Decode the next character into out: 1 done, 0 end of file, 2 a unit the
 * error handler drops (no character), -1 error.  *ends: the character ends
 * a line (for readline). */
static int next_char(FileObj *f, Buf *out, bool *ends)
{
    *ends = false;
    if (f->pend_i < f->pend_n) {
        give_pending(f, out);
        return 1;
    }
    bool cr = f->pending_cr;
    int r;
    if (!cr) {
        if ((r = need(f, 1)) <= 0)
            return r;
        cr = f->rbuf[f->rpos] == '\r' && (universal(f) || f->nl == NL_CRLF);
        if (cr)
            f->rpos++;
    }
    f->pending_cr = false;
    if (cr) {
        /* a '\r': with newline=None it and a '\n' after it read as one
         * '\n'; with '' or '\r\n' it is itself, and ends a line (for '')
         * unless a '\n' follows */
        if ((r = need(f, 1)) < 0)
            return -1;
        bool crlf = r > 0 && f->rbuf[f->rpos] == '\n';
        f->seennl |= crlf ? 4 : 1;
        f->lf_after_cr = crlf && f->nl != NL_UNIVERSAL;
        if (f->nl == NL_UNIVERSAL) {
            buf_putc(out, '\n');
            f->rpos += crlf;
            *ends = true;
        } else {
            buf_putc(out, '\r');
            *ends = !crlf && f->nl == NL_UNTRANSLATED;
        }
        return 1;
    }
    char c = f->rbuf[f->rpos];
    if (c == '\r' || c == '\n') {
        if (!(c == '\n' && f->lf_after_cr))
            f->seennl |= c == '\n' ? 2 : 1;
        f->lf_after_cr = false;
        bool after_cr = out->len > 0 && out->data[out->len - 1] == '\r';
        buf_putc(out, c);
        f->rpos++;
        *ends = c == '\n' ? (f->nl != NL_CR && (f->nl != NL_CRLF || after_cr)) : f->nl == NL_CR;
        return 1;
    }
    if ((unsigned char)c < 0x80) {
        buf_putc(out, c);
        f->rpos++;
        return 1;
    }
    if ((r = need(f, 4)) < 0)
        return -1;
    DecUnit u = dec_unit(f->enc, (const unsigned char *)f->rbuf + f->rpos,
                         f->rlen - f->rpos, true);
    if (!u.bad) {
        if (f->enc == ENC_LATIN1) {
            char tmp[4];
            buf_put(out, tmp, (size_t)ls_utf8_encode((unsigned char)c, tmp));
        } else {
            buf_put(out, f->rbuf + f->rpos, u.len);
        }
        f->rpos += u.len;
        return 1;
    }
    if (f->errh == ERRH_STRICT || f->errh == ERRH_OTHER) {
        decode_error(f, u.len, u.why);
        return -1;
    }
    if (f->errh == ERRH_IGNORE) {
        f->rpos += u.len;
        return 2;
    }
    bad_replacement(f, u.len, out);
    f->rpos += u.len;
    return 1;
}

/* Read up to limit characters (all when limit < 0), stopping after a line
 * end when line is set.  A new str, or NULL. */
static Obj *text_read(FileObj *f, int64_t limit, bool line)
{
    Buf out = BUF_INIT;
    int64_t nch = 0;
    bool chunks = !(limit < 0 && !line);
    while (limit < 0 || nch < limit) {
        /* read() without a size decodes the rest at once: no chunks */
        if (chunks && chunk_need(f, line ? 0 : limit - nch) < 0)
            goto fail;
        /* a run of plain ASCII (no line end) is copied at once, within
         * the limit and the chunk */
        if (!f->pending_cr && f->pend_i == f->pend_n && f->rpos < f->rlen) {
            int64_t room = limit < 0 ? INT64_MAX : limit - nch;
            if (chunks && f->seekable && f->chunk_chars - f->chars_used < room)
                room = f->chunk_chars - f->chars_used;
            const unsigned char *p = (const unsigned char *)f->rbuf + f->rpos;
            size_t avail = f->rlen - f->rpos, k = 0;
            if ((uint64_t)room < avail)
                avail = (size_t)room;
            while (k < avail && p[k] < 0x80 && p[k] != '\r' && p[k] != '\n')
                k++;
            if (k > 1) {
                k--;            /* the last one goes the slow way (line ends, chunks) */
                buf_put(&out, (const char *)p, k);
                f->rpos += k;
                nch += (int64_t)k;
                f->chars_used += (int64_t)k;
                continue;
            }
        }
        bool ends;
        int r = next_char(f, &out, &ends);
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
        if (r == 2)
            continue;
        nch++;
        f->chars_used++;
        if (line && ends)
            break;
    }
    if (limit < 0 && !line && f->seekable) {
        int64_t p = position(f);
        if (p < 0)
            goto fail;
        chunk_reset(f, p);
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

/* Encode a str for a text file (newline translation, then the encoding
 * with the errors handler, as CPython: so an error's position counts the
 * translated text).  UTF-8 without surrogates is copied as it is. */
static int text_encode(FileObj *f, Obj *s, Buf *out)
{
    const char *p = STR_DATA(s);
    size_t n = (size_t)STR_LEN(s);
    const char *nl = f->nl == NL_CR ? "\r" : f->nl == NL_CRLF ? "\r\n" : "\n";
    bool plain = f->enc == ENC_UTF8 || ((StrObj *)s)->ulen == (int64_t)n;
    for (size_t i = 0; plain && i + 1 < n; i++)
        if ((unsigned char)p[i] == 0xed && (unsigned char)p[i + 1] >= 0xa0)
            plain = false;      /* a lone surrogate: the codec decides */
    Buf tmp = BUF_INIT;
    Buf *dst = plain ? out : &tmp;
    for (size_t i = 0; i < n;) {
        const char *q = memchr(p + i, '\n', n - i);
        size_t k = q ? (size_t)(q - (p + i)) : n - i;
        buf_put(dst, p + i, k);
        i += k;
        if (q) {
            buf_puts(dst, nl);
            i++;
        }
    }
    if (plain)
        return 0;
    Obj *str = vm_str_new(tmp.data ? tmp.data : "", tmp.len);
    buf_free(&tmp);
    if (!str)
        return -1;
    Obj *b = vm_codec_encode(str, f->encoding, f->errors);
    DECREF(str);
    if (!b)
        return -1;
    buf_put(out, ((BytesObj *)b)->s, (size_t)((BytesObj *)b)->len);
    DECREF(b);
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
    if (TYPE(o) == &vm_memoryview_type && vm_memoryview_buffer(o, p, n))
        return 0;
    if (vm_array_check(o)) {    /* array.array (mod_array.h) */
        char *d;
        vm_array_buffer(o, &d, n, NULL, NULL);
        *p = d;
        return 0;
    }
    vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'", vm_tname(o));
    return -1;
}

static int write_obj(FileObj *f, Obj *o, int64_t *count)
{
    if (f->text && !STR_CHECK(o)) {
        vm_err_fmt(&vm_exc_TypeError, "write() argument must be str, not %s", vm_tname(o));
        return -1;
    }
    /* CPython's text layer has read whole chunks: it writes where the
     * last chunk ended, not where the reading stopped */
    bool track = f->text && f->readable && f->seekable;
    if (track && f->wbuf.len == 0 && (f->rlen || f->chunk_chars || f->snap)) {
        f->rlen = f->rpos = 0;
        if (lseek(f->fd, (off_t)f->chunk_end, SEEK_SET) < 0) {
            vm_err_errno(errno, NULL);
            return -1;
        }
    }
    if (f->rlen > f->rpos || f->rlen) {
        if (drop_readahead(f) < 0)
            return -1;
    }
    if (f->text) {
        size_t before = f->wbuf.len;
        if (text_encode(f, o, &f->wbuf) < 0)
            return -1;
        *count = ((StrObj *)o)->ulen;
        /* CPython's pending text: passed on first when the new text would
         * make it more than a chunk, and the whole once it is a chunk */
        if (f->tstart > before || before - f->tstart + (f->wbuf.len - before) > 8192)
            f->tstart = before;
        if (f->wbuf.len - f->tstart >= 8192)
            f->tstart = f->wbuf.len;
        if (track)
            chunk_reset(f, f->chunk_end + (int64_t)(f->wbuf.len - before));
    } else {
        const char *p;
        size_t n;
        if (bytes_like(o, &p, &n) < 0)
            return -1;
        if (f->encoding && f->tstart < f->wbuf.len) {
            /* f.buffer.write of a text file: before the text held back */
            size_t tail = f->wbuf.len - f->tstart;
            buf_put(&f->wbuf, p, n);
            memmove(f->wbuf.data + f->tstart + n, f->wbuf.data + f->tstart, tail);
            memcpy(f->wbuf.data + f->tstart, p, n);
            f->tstart += n;
        } else {
            buf_put(&f->wbuf, p, n);
            f->tstart = f->wbuf.len;
        }
        *count = (int64_t)n;
    }
    if (f->wbuf.len >= 65536 || TYPE(f) == &raw_type)     /* FileIO: unbuffered */
        return flush_writes(f);
    if (f->text && (f->write_through
                    || (f->line_buffering
                        && (memchr(STR_DATA(o), '\n', (size_t)STR_LEN(o))
                            || memchr(STR_DATA(o), '\r', (size_t)STR_LEN(o))))))
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

/* ---- text tell() and seek(): CPython's cookies ---- */

/* A cookie packs, low bits first: the byte offset of a point where the
 * decoder holds no bytes (64 bits), its flags there (32), the bytes to
 * feed it from there (32), the characters to skip of what they decode to
 * (32), and whether to decode them as the end of the file (8). */
typedef struct Cookie {
    int64_t start;          /* byte offset of the safe start point */
    int64_t flags;          /* decoder flags there (1: a '\r' held) */
    int64_t feed;           /* bytes to decode from there */
    int64_t skip;           /* characters of those to skip */
    int64_t eof;            /* decode them as final */
} Cookie;

static Obj *cookie_int(const Cookie *c)
{
    if (c->flags == 0 && c->feed == 0 && c->skip == 0 && c->eof == 0)
        return vm_int_from_i64(c->start);
    char hex[64];
    int n = snprintf(hex, sizeof hex, "%02x%08x%08x%08x%016llx", (unsigned)(c->eof & 0xff),
                     (unsigned)c->skip, (unsigned)c->feed, (unsigned)c->flags,
                     (unsigned long long)c->start);
    return vm_int_from_str(hex, (size_t)n, 16);
}

/* The fields of a cookie (a non-negative int); -1 when it does not fit. */
static int cookie_parse(Obj *o, Cookie *c)
{
    memset(c, 0, sizeof *c);
    int64_t v;
    if (vm_int_as_i64(o, &v) == 0) {
        c->start = v;
        return 0;
    }
    vm_err_clear();
    Buf b = BUF_INIT;
    if (vm_int_format_base(&b, o, 16, false) < 0) {
        buf_free(&b);
        return -1;
    }
    /* split the hex digits from the right: 16, 8, 8, 8, 2 */
    static const int widths[5] = {16, 8, 8, 8, 2};
    int64_t *fields[5] = {&c->start, &c->flags, &c->feed, &c->skip, &c->eof};
    size_t end = b.len;
    for (int i = 0; i < 5 && end > 0; i++) {
        size_t w = (size_t)widths[i] < end ? (size_t)widths[i] : end;
        char tmp[20];
        memcpy(tmp, b.data + end - w, w);
        tmp[w] = 0;
        *fields[i] = (int64_t)strtoull(tmp, NULL, 16);
        end -= w;
    }
    buf_free(&b);
    if (end > 0) {
        vm_err_str(&vm_exc_OverflowError, "int too big to convert");
        return -1;
    }
    if (c->flags > INT32_MAX)
        c->flags -= (int64_t)1 << 32;
    return 0;
}

/* tell() of a text file: where the chunk began, moved forward over what
 * has been read of it, as CPython finds it (a quick guess from the
 * chunk's bytes per character, then byte by byte). */
static Obj *text_tell(FileObj *f)
{
    if (!f->seekable)
        return err_unsupported("underlying stream is not seekable");
    if (f->iterating)
        return vm_err_str(&vm_exc_OSError, "telling position disabled by next() call");
    if (flush_writes(f) < 0)
        return NULL;
    if (!f->snap) {
        int64_t p = position(f);
        return p < 0 ? NULL : vm_int_from_i64(p);
    }
    Cookie c = {f->snap_pos, f->snap_flags, 0, 0, 0};
    int64_t skip = f->chars_used;
    if (skip == 0)
        return cookie_int(&c);
    size_t n;
    unsigned char *in = read_at(f, f->snap_pos, (size_t)(f->chunk_end - f->snap_pos), &n);
    if (!in)
        return NULL;
    int flags = (int)c.flags;
    size_t left;
    int64_t sb = (int64_t)(f->b2c * (double)skip), back = 1;
    if (sb > (int64_t)n)
        sb = (int64_t)n;
    while (sb > 0) {
        int fl = (int)c.flags;
        int64_t got = sim_decode(f, in, (size_t)sb, false, &fl, &left);
        if (got <= skip) {
            if (left == 0) {
                flags = fl;
                skip -= got;
                break;
            }
            sb -= (int64_t)left;
            back = 1;
        } else {
            sb -= back;
            back *= 2;
        }
    }
    if (sb <= 0) {
        sb = 0;
        flags = (int)c.flags;
    }
    c.start += sb;
    c.flags = flags;
    if (skip > 0) {
        int64_t fed = 0, dec = 0;
        size_t held = 0;
        int fl = flags;
        size_t i = (size_t)sb;
        for (; i < n; i++) {
            dec += sim_decode(f, in + i - held, held + 1, false, &fl, &left);
            held = left;
            fed++;
            if (held == 0 && dec <= skip) {
                c.start += fed;
                skip -= dec;
                c.flags = fl;
                fed = dec = 0;
            }
            if (dec >= skip)
                break;
        }
        if (i >= n) {
            dec += sim_decode(f, in + n - held, held, true, &fl, &left);
            c.eof = 1;
            if (dec < skip) {
                free(in);
                return vm_err_str(&vm_exc_OSError, "can't reconstruct logical file position");
            }
        }
        c.feed = fed;
        c.skip = skip;
    }
    free(in);
    return cookie_int(&c);
}

/* seek(cookie) of a text file: back to the safe start point, then decode
 * and skip as the cookie says. */
static Obj *text_seek_cookie(FileObj *f, Obj *cookie)
{
    Cookie c;
    if (cookie_parse(cookie, &c) < 0)
        return NULL;
    f->rlen = f->rpos = 0;
    if (lseek(f->fd, (off_t)c.start, SEEK_SET) < 0)
        return vm_err_errno(errno, NULL);
    chunk_reset(f, c.start);
    f->iterating = false;
    if (universal(f))
        f->end_flags = (int)(c.flags & 1);
    f->snap = true;
    f->snap_pos = c.start;
    f->snap_flags = f->end_flags;
    /* the reader starts at the start point, a held '\r' first */
    f->pending_cr = universal(f) && (c.flags & 1);
    if (c.skip > 0) {
        size_t got;
        unsigned char *p = read_at(f, c.start, (size_t)c.feed, &got);
        if (!p)
            return NULL;
        int fl = f->end_flags;
        size_t left;
        int64_t n = sim_decode(f, p, got, c.eof != 0, &fl, &left);
        free(p);
        if (n < c.skip)
            return vm_err_str(&vm_exc_OSError, "can't restore logical file position");
        f->chunk_end = c.start + (int64_t)got;
        f->end_flags = fl;
        f->end_left = (int)left;
        f->chunk_chars = n;
        Obj *s = text_read(f, c.skip, false);
        if (!s)
            return NULL;
        DECREF(s);
    }
    return vm_newref(cookie);
}

static Obj *f_tell(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (vm_nokw("tell", kwnames) < 0 || vm_argc("tell", nargs, 0, 0) < 0
        || (f->text ? check_open(f) : check_open_raw(f)) < 0)
        return NULL;
    if (f->text)
        return text_tell(f);
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
    if (nargs > 1 && vm_index(args[1], &whence, "whence") < 0)
        return NULL;
    /* a text file's cookie may be wider than 64 bits: only its sign here */
    if (vm_int_as_i64(args[0], &off) < 0) {
        if (!f->text || whence != 0)
            return NULL;
        vm_err_clear();
        Obj *zero = vm_int_from_i64(0);
        off = vm_int_cmp(args[0], zero) < 0 ? -1 : 0;
        DECREF(zero);
    }
    if (whence < 0 || whence > (f->text ? 2 : 4))     /* 3, 4: SEEK_DATA, SEEK_HOLE */
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
    if (f->text) {
        if (!f->seekable)
            return err_unsupported("underlying stream is not seekable");
        if (whence == 0)
            return text_seek_cookie(f, args[0]);
        if (whence == 1) {
            Obj *here = text_tell(f);
            if (!here)
                return NULL;
            Obj *r = text_seek_cookie(f, here);
            DECREF(here);
            return r;
        }
        f->rlen = f->rpos = 0;
        off_t e = lseek(f->fd, 0, SEEK_END);
        if (e < 0)
            return vm_err_errno(errno, NULL);
        chunk_reset(f, (int64_t)e);
        f->iterating = false;
        return vm_int_from_i64((int64_t)e);
    }
    if (whence == 1) {
        int64_t p = position(f);
        if (p < 0)
            return NULL;
        off += p;
        whence = 0;
    }
    f->rlen = f->rpos = 0;
    off_t p = lseek(f->fd, (off_t)off, whence == 0 ? SEEK_SET : whence == 2 ? SEEK_END
                    : (int)whence);     /* Linux's SEEK_DATA 3, SEEK_HOLE 4 */
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
    /* a text file: CPython truncates its buffer, whose position is where
     * the last chunk ended, and keeps the characters it has decoded */
    bool text = f->text && f->seekable;
    if (nargs && args[0] != VM_NONE) {
        if (vm_index(args[0], &size, "size") < 0)
            return NULL;
    } else if (text) {
        if (flush_writes(f) < 0)
            return NULL;
        size = f->chunk_end;
    } else if ((size = position(f)) < 0) {
        return NULL;
    }
    if (flush_writes(f) < 0 || (!text && drop_readahead(f) < 0))
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

/* A BufferedReader has no writable() of its own and a BufferedWriter no
 * readable(): io's base class answers False even when closed. */
static Obj *f_readable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (TYPE(f) != &raw_type && !f->readable)
        return VM_BOOL(false);
    return check_open_raw(f) < 0 ? NULL : VM_BOOL(f->readable);
}

static Obj *f_writable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (TYPE(f) != &raw_type && !f->writable)
        return VM_BOOL(false);
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

static Obj *view_of(FileObj *o, Type *t);
static Type *buffer_type(FileObj *o);
static Obj *err_detached(FileObj *f);

static Obj *f_iter(Obj *self)
{
    FileObj *f = (FileObj *)self;
    if (f->detached)
        return err_detached(f);
    if (check_open(f->owner ? f->owner : f) < 0)
        return NULL;
    return vm_newref(self);
}

static Obj *file_next(FileObj *f);

static Obj *f_iternext(Obj *self)
{
    FileObj *v = (FileObj *)self;
    if (v->detached)
        return err_detached(v);
    if (!v->owner) {
        if (v->text)
            v->tstart = v->wbuf.len;
        return file_next(v);
    }
    bool text = v->owner->text;
    v->owner->text = false;
    Obj *r = file_next(v->owner);
    v->owner->text = text;
    return r;
}

static Obj *file_next(FileObj *f)
{
    if (check_readable(f, "read") < 0)
        return NULL;
    if (f->text) {
        f->iterating = true;
        f->snap = false;
    }
    Obj *line = f->text ? text_read(f, -1, true) : bin_read(f, -1, true);
    if (!line)
        return NULL;
    if ((f->text ? STR_LEN(line) : ((BytesObj *)line)->len) == 0) {
        f->iterating = false;
        f->snap = false;
        DECREF(line);
        return NULL;
    }
    return line;
}

/* The data attributes (methods are found after this says NULL): every
 * method lookup comes here first, so names are told apart by length and
 * bytes, not by strcmp. */
static Obj *f_getattr(Obj *o, Obj *name)
{
    FileObj *f = (FileObj *)o;
    const char *s = STR_DATA(name);
    size_t len = (size_t)STR_LEN(name);
#define IS(lit) (len == sizeof lit - 1 && memcmp(s, lit, len) == 0)
    /* the lengths of the names below: 3, 4, 6, 7, 8, 13, 14 */
    if (len > 14 || !((1u << len) & 0x61d8u))
        return NULL;
    if (f->owner) {         /* a view: f.buffer, f.raw */
        FileObj *own = f->owner;
        if (IS("closed"))
            return VM_BOOL(own->fd < 0);
        if (IS("name"))
            return vm_newref(own->name);
        if (IS("mode"))
            return vm_newref(f->mode);
        if (TYPE(o) == &raw_type && IS("closefd"))
            return VM_BOOL(own->closefd);
        if (TYPE(o) != &raw_type && IS("raw"))
            return f->detached ? err_detached(f) : view_of(own, &raw_type);
        return NULL;
    }
    if (f->detached && (IS("buffer") || IS("raw") || IS("closed") || IS("name")))
        return err_detached(f);
    if (IS("closed"))
        return VM_BOOL(f->fd < 0);
    if (IS("name"))
        return vm_newref(f->name);
    if (IS("mode"))
        return vm_newref(f->mode);
    if (!f->text) {
        if (TYPE(o) != &raw_type && IS("raw"))
            return view_of(f, &raw_type);
        if (TYPE(o) == &raw_type && IS("closefd"))
            return VM_BOOL(f->closefd);
        return NULL;
    }
    if (IS("buffer"))
        return view_of(f, buffer_type(f));
    if (IS("encoding"))
        return vm_newref(f->encoding);
    if (IS("errors"))
        return vm_newref(f->errors);
    if (IS("line_buffering"))
        return VM_BOOL(f->line_buffering);
    if (IS("write_through"))
        return VM_BOOL(f->write_through);
    if (IS("newlines")) {
        /* the kinds of line end the decoder has met (newline None or '') */
        static const char *const kinds[] = {"\r", "\n", "\r\n"};
        Obj *seen[3];
        int n = 0;
        for (int i = 0; i < 3; i++)
            if (f->seennl & (1 << i))
                seen[n++] = vm_str_cstr(kinds[i]);
        if (n == 0 || !universal(f))
            return vm_newref(VM_NONE);
        if (n == 1)
            return seen[0];
        Obj *t = vm_tuple_from(seen, n);
        for (int i = 0; i < n; i++)
            DECREF(seen[i]);
        return t;
    }
    return NULL;
#undef IS
}

/* f.name = x (tempfile renames its file objects); other attributes are
 * read-only. */
static int f_setattr(Obj *o, Obj *name, Obj *v)
{
    FileObj *f = (FileObj *)o;
    FileObj *root = f->owner ? f->owner : f;
    if (v && vm_str_eqc(name, "name")) {
        Obj *old = root->name;
        root->name = vm_newref(v);
        DECREF(old);
        return 0;
    }
    vm_err_fmt(&vm_exc_AttributeError, "'%s' object attribute '%s' is read-only",
               vm_tname(o), STR_DATA(name));
    return -1;
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
    XDECREF(f->errors);
    XDECREF(f->bmode);
    if (f->owner) {
        if (f->owner->buf_view == f)
            f->owner->buf_view = NULL;
        if (f->owner->raw_view == f)
            f->owner->raw_view = NULL;
        DECREF(f->owner);
    }
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

/* ---- binary extras: readinto, peek, read1, readall ---- */

static Obj *f_readinto(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (vm_nokw("readinto", kwnames) < 0 || vm_argc("readinto", nargs, 1, 1) < 0)
        return NULL;
    if (f->fd < 0)
        return vm_err_str(&vm_exc_ValueError, "readinto of closed file");
    if (check_readable(f, "read") < 0)
        return NULL;
    char *dst;
    size_t room;
    if (BYTEARRAY_CHECK(args[0])) {
        dst = ((ByteArrayObj *)args[0])->data;
        room = (size_t)((ByteArrayObj *)args[0])->len;
    } else if (vm_array_check(args[0])) {      /* array.array (mod_array.h) */
        vm_array_buffer(args[0], &dst, &room, NULL, NULL);
    } else {
        return vm_err_fmt(&vm_exc_TypeError, "readinto() argument must be read-write "
                          "bytes-like object, not %s", vm_tname(args[0]));
    }
    Obj *got = bin_read(f, (int64_t)room, false);
    if (!got)
        return NULL;
    size_t n = (size_t)((BytesObj *)got)->len;
    if (n)
        memcpy(dst, ((BytesObj *)got)->s, n);
    DECREF(got);
    return vm_int_from_i64((int64_t)n);
}

/* peek(): the read-ahead bytes, filling it when empty (one read). */
static Obj *f_peek(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (vm_nokw("peek", kwnames) < 0 || vm_argc("peek", nargs, 0, 1) < 0
        || check_readable(f, "read") < 0)
        return NULL;
    if (f->rlen == f->rpos && fill(f) < 0)
        return NULL;
    return vm_bytes_new(f->rbuf ? f->rbuf + f->rpos : "", f->rlen - f->rpos);
}

/* read1(size=-1): what the read-ahead holds, else one read. */
static Obj *f_read1(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (vm_nokw("read1", kwnames) < 0 || vm_argc("read1", nargs, 0, 1) < 0)
        return NULL;
    int64_t n;
    if (size_arg(nargs ? args[0] : NULL, &n) < 0 || check_readable(f, "read") < 0)
        return NULL;
    if (n == 0)
        return vm_bytes_new("", 0);
    if (f->rlen == f->rpos && fill(f) < 0)
        return NULL;
    size_t have = f->rlen - f->rpos;
    if (n >= 0 && (uint64_t)n < have)
        have = (size_t)n;
    Obj *b = vm_bytes_new(have ? f->rbuf + f->rpos : "", have);
    f->rpos += have;
    return b;
}

static Obj *f_readall(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (vm_argc("readall", nargs, 0, 0) < 0 || check_readable(f, "read") < 0)
        return NULL;
    return bin_read(f, -1, false);
}

/* ---- the layers: f.buffer, f.raw, detach(), reconfigure() ---- */

/* The view of o (a file open() made) as a binary object of type t:
 * f.buffer (a Buffered* type) or f.raw (FileIO).  Made once and kept
 * while it lives. */
static Obj *view_of(FileObj *o, Type *t)
{
    FileObj **slot = t == &raw_type ? &o->raw_view : &o->buf_view;
    if (*slot)
        return vm_newref((Obj *)*slot);
    vm_type_ready(t);
    FileObj *v = vm_alloc(t, 0);
    memset((char *)v + sizeof(Obj), 0, sizeof *v - sizeof(Obj));
    v->fd = -1;             /* the owner's; never closed through the view */
    v->owner = (FileObj *)vm_newref((Obj *)o);
    v->readable = o->readable;
    v->writable = o->writable;
    v->closefd = o->closefd;
    v->seekable = o->seekable;
    v->name = vm_newref(o->name);
    v->mode = vm_newref(o->bmode);
    v->wbuf = (Buf)BUF_INIT;
    *slot = v;
    return (Obj *)v;
}

/* The buffered type for a file's binary layer. */
static Type *buffer_type(FileObj *o)
{
    return o->readable && o->writable ? &random_type : o->readable ? &reader_type : &writer_type;
}

static Obj *err_detached(FileObj *f)
{
    return vm_err_str(&vm_exc_ValueError, f->text ? "underlying buffer has been detached"
                                                  : "raw stream has been detached");
}

/* Run method fn for self: on the file itself, or for a view on its owner
 * seen as a binary file. */
static Obj *on_file(CFunc fn, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *v = (FileObj *)self;
    if (v->detached)
        return err_detached(v);
    if (!v->owner) {
        if (v->text && fn != f_write && fn != f_writelines)
            v->tstart = v->wbuf.len;    /* the text held back goes on */
        return fn(self, args, nargs, kwnames);
    }
    FileObj *o = v->owner;
    bool text = o->text;
    o->text = false;
    Obj *r = fn((Obj *)o, args, nargs, kwnames);
    o->text = text;
    if (r == (Obj *)o) {    /* __enter__ gives the view itself */
        DECREF(r);
        r = vm_newref(self);
    }
    return r;
}

/* detach(): the layer below (a text file's buffer, a buffered file's
 * raw file), flushed; this object is then unusable. */
static Obj *f_detach(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    if (vm_nokw("detach", kwnames) < 0 || vm_argc("detach", nargs, 0, 0) < 0)
        return NULL;
    if (f->detached)
        return err_detached(f);
    FileObj *o = f->owner ? f->owner : f;
    if (TYPE(f) == &raw_type)
        return err_unsupported("detach");
    if (o->fd >= 0 && flush_writes(o) < 0)
        return NULL;
    Obj *below = view_of(o, f->text ? buffer_type(o) : &raw_type);
    f->detached = true;
    return below;
}

/* reconfigure(*, encoding, errors, newline, line_buffering, write_through)
 * of a text file. */
static Obj *f_reconfigure(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FileObj *f = (FileObj *)self;
    static const char *const names[] = {"encoding", "errors", "newline", "line_buffering",
                                        "write_through"};
    Obj *v[5];
    if (nargs > (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0))
        return vm_err_str(&vm_exc_TypeError, "reconfigure() takes no positional arguments");
    if (parse_args("reconfigure", args, nargs, kwnames, names, 5, v) < 0)
        return NULL;
    if (!f->text)
        return vm_err_fmt(&vm_exc_AttributeError, "'%s' object has no attribute 'reconfigure'",
                          vm_tname(self));
    if (check_open(f) < 0)
        return NULL;
    int enc = f->enc, nl = f->nl;
    if (v[0] && v[0] != VM_NONE) {
        if (!STR_CHECK(v[0]))
            return vm_err_fmt(&vm_exc_TypeError, "reconfigure() argument 'encoding' must be str "
                              "or None, not %s", vm_tname(v[0]));
        char low[32];
        const char *e = STR_DATA(v[0]);
        size_t i = 0;
        for (; e[i] && i < sizeof low - 1; i++)
            low[i] = (char)(e[i] >= 'A' && e[i] <= 'Z' ? e[i] + 32 : e[i] == '_' ? '-' : e[i]);
        low[i] = 0;
        if (!strcmp(low, "utf-8") || !strcmp(low, "utf8"))
            enc = ENC_UTF8;
        else if (!strcmp(low, "latin-1") || !strcmp(low, "latin1") || !strcmp(low, "iso-8859-1"))
            enc = ENC_LATIN1;
        else if (!strcmp(low, "ascii") || !strcmp(low, "us-ascii"))
            enc = ENC_ASCII;
        else
            return vm_err_fmt(&vm_exc_LookupError, "unknown encoding: %s", e);
    }
    if (v[1] && v[1] != VM_NONE && !STR_CHECK(v[1]))
        return vm_err_fmt(&vm_exc_TypeError, "reconfigure() argument 'errors' must be str or "
                          "None, not %s", vm_tname(v[1]));
    if (v[2]) {
        const char *s = v[2] == VM_NONE ? NULL : STR_CHECK(v[2]) ? STR_DATA(v[2]) : "?";
        if (v[2] != VM_NONE && !STR_CHECK(v[2]))
            return vm_err_fmt(&vm_exc_TypeError, "reconfigure() argument 'newline' must be str "
                              "or None, not %s", vm_tname(v[2]));
        nl = !s ? NL_UNIVERSAL : !strcmp(s, "") ? NL_UNTRANSLATED : !strcmp(s, "\n") ? NL_LF
            : !strcmp(s, "\r") ? NL_CR : !strcmp(s, "\r\n") ? NL_CRLF : -1;
        if (nl < 0)
            return vm_err_fmt(&vm_exc_ValueError, "illegal newline value: %s", s);
    }
    if ((enc != f->enc || nl != f->nl) && (f->rlen || f->snap || f->chunk_chars))
        return err_unsupported("It is not possible to set the encoding or newline of stream "
                               "after the first read");
    if (flush_writes(f) < 0)
        return NULL;
    if (v[0] && v[0] != VM_NONE) {
        DECREF(f->encoding);
        f->encoding = vm_newref(v[0]);
        f->enc = enc;
        if (!v[1] || v[1] == VM_NONE) {
            DECREF(f->errors);
            f->errors = vm_str_cstr("strict");
            f->errh = ERRH_STRICT;
        }
    }
    if (v[1] && v[1] != VM_NONE) {
        static const char *const handlers[] = {"strict", "replace", "ignore",
                                               "surrogateescape", "backslashreplace"};
        DECREF(f->errors);
        f->errors = vm_newref(v[1]);
        f->errh = ERRH_OTHER;
        for (int i = 0; i < 5; i++)
            if (vm_str_eqc(f->errors, handlers[i]))
                f->errh = i;
    }
    f->nl = nl;
    for (int i = 3; i < 5; i++) {
        if (!v[i] || v[i] == VM_NONE)
            continue;
        int t = vm_truth(v[i]);
        if (t < 0)
            return NULL;
        *(i == 3 ? &f->line_buffering : &f->write_through) = t;
    }
    return vm_newref(VM_NONE);
}

/* The methods, each through on_file (X(python name, C function)). */
#define FILE_METHODS(X) \
    X(read, f_read) X(readinto, f_readinto) X(peek, f_peek) X(read1, f_read1) \
    X(readall, f_readall) X(readline, f_readline) X(readlines, f_readlines) \
    X(write, f_write) X(writelines, f_writelines) X(flush, f_flush) X(tell, f_tell) \
    X(seek, f_seek) X(truncate, f_truncate) X(close, f_close) X(fileno, f_fileno) \
    X(isatty, f_isatty) X(readable, f_readable) X(writable, f_writable) \
    X(seekable, f_seekable) X(reconfigure, f_reconfigure) X(__enter__, f_enter) \
    X(__exit__, f_exit)
#define WRAP(name, fn) \
    static Obj *m_##name(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        return on_file(fn, self, args, nargs, kwnames); \
    }
FILE_METHODS(WRAP)
#undef WRAP

static const MethodDef file_methods[] = {
#define ENTRY(name, fn) {#name, m_##name},
    FILE_METHODS(ENTRY)
#undef ENTRY
    {"detach", f_detach},
    {NULL, NULL},
};

#define FILE_TYPE(var, tname) \
    static Type var = { \
        .ob = OBJ_HEAD_INIT(&vm_type_type), .name = tname, .base = &vm_object_type, \
        .flags = TF_NOSUBCLASS, .basicsize = sizeof(FileObj), .dealloc = f_dealloc, \
        .repr = f_repr, .iter = f_iter, .iternext = f_iternext, .getattr = f_getattr, .setattr = f_setattr, \
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
        else if (!strcmp(low, "locale"))    /* io.text_encoding(None): the locale's */
            encname = NULL;
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
    if (fd < 0) {
        int flags = (r && !plus) ? O_RDONLY : (plus ? O_RDWR : O_WRONLY);
        if (w)
            flags |= O_CREAT | O_TRUNC;
        if (a)
            flags |= O_CREAT | O_APPEND;
        if (x)
            flags |= O_CREAT | O_EXCL;
        if (v[7] && v[7] != VM_NONE) {
            /* opener(file, flags) gives the descriptor (tempfile's) */
            Obj *ca[2] = {shown, vm_int_from_i64(flags | O_CLOEXEC)};
            Obj *got = vm_call(v[7], ca, 2, NULL);
            DECREF(ca[1]);
            if (!got)
                return NULL;
            int64_t n = -1;
            int rc = INT_CHECK(got) ? vm_int_as_i64(got, &n) : -1;
            if (!INT_CHECK(got))
                vm_err_str(&vm_exc_TypeError, "expected integer from opener");
            DECREF(got);
            if (rc < 0)
                return NULL;
            if (n < 0 || n > INT32_MAX)
                return vm_err_fmt(&vm_exc_ValueError, "opener returned %lld", (long long)n);
            fd = (int)n;
        } else {
            fd = open(STR_DATA(file), flags | O_CLOEXEC, 0666);
        }
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
    char m[8];
    int k = 0;
    /* CPython's FileIO.mode: 'rb', 'wb', 'ab', 'xb'; with '+' reading and
     * writing: 'rb+' (for r+ and w+), 'ab+', 'xb+' */
    m[k++] = a ? 'a' : x ? 'x' : (r || plus) ? 'r' : 'w';
    m[k++] = 'b';
    if (plus)
        m[k++] = '+';
    m[k] = 0;
    f->bmode = vm_str_cstr(m);
    if (b) {
        f->mode = vm_newref(f->bmode);
    } else {
        f->mode = vm_str_cstr(mode);
        f->encoding = encname ? vm_newref(v[3]) : vm_str_cstr("UTF-8");
        f->errors = v[4] && v[4] != VM_NONE ? vm_newref(v[4]) : vm_str_cstr("strict");
        static const char *const handlers[] = {"strict", "replace", "ignore",
                                               "surrogateescape", "backslashreplace"};
        f->errh = ERRH_OTHER;
        for (int i = 0; i < 5; i++)
            if (vm_str_eqc(f->errors, handlers[i]))
                f->errh = i;
    }
    f->seekable = lseek(fd, 0, SEEK_CUR) >= 0;
    f->line_buffering = !b && buffering == 1;
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
    off_t here = lseek(fd, 0, SEEK_CUR);
    f->chunk_end = here >= 0 ? (int64_t)here : 0;
    return (Obj *)f;
}

/* The io module's Python half: the file types registered under the
 * abstract classes, and the small functions. */
static const char io_src[] =
    "for _c, _ts in ((RawIOBase, (FileIO,)),\n"
    "                (BufferedIOBase, (BufferedReader, BufferedWriter, BufferedRandom)),\n"
    "                (TextIOBase, (TextIOWrapper,))):\n"
    "    for _t in _ts:\n"
    "        _c.register(_t)\n"
    "        IOBase.register(_t)\n"
    "del _c, _ts, _t\n"
    "BlockingIOError = BlockingIOError\n"
    "def open_code(path):\n"
    "    if not isinstance(path, str):\n"
    "        raise TypeError(\"open_code() argument 'path' must be str, not %s\"\n"
    "                        % type(path).__name__)\n"
    "    return open(path, 'rb')\n"
    "def text_encoding(encoding, stacklevel=2):\n"
    "    return 'locale' if encoding is None else encoding\n"
    "class IncrementalNewlineDecoder:\n"
    "    # Wraps an incremental decoder (or None: the input is already str),\n"
    "    # holding back a final '\\r' until it knows whether '\\n' follows;\n"
    "    # seennl records the kinds of newline seen: 1 '\\n', 2 '\\r', 4 '\\r\\n'.\n"
    "    def __init__(self, decoder, translate, errors='strict'):\n"
    "        self.decoder = decoder\n"
    "        self.translate = translate\n"
    "        self.errors = errors\n"
    "        self.seennl = 0\n"
    "        self.pendingcr = False\n"
    "    def decode(self, input, final=False):\n"
    "        out = input if self.decoder is None else self.decoder.decode(input, final=final)\n"
    "        if not isinstance(out, str):\n"
    "            raise TypeError('decoder should return a string result, not %r'\n"
    "                            % type(out).__name__)\n"
    "        if self.pendingcr and (out or final):\n"
    "            out = '\\r' + out\n"
    "            self.pendingcr = False\n"
    "        if not final and out.endswith('\\r'):\n"
    "            out = out[:-1]\n"
    "            self.pendingcr = True\n"
    "        crlf = out.count('\\r\\n')\n"
    "        cr = out.count('\\r') - crlf\n"
    "        lf = out.count('\\n') - crlf\n"
    "        self.seennl |= (1 if lf else 0) | (2 if cr else 0) | (4 if crlf else 0)\n"
    "        if self.translate and (cr or crlf):\n"
    "            out = out.replace('\\r\\n', '\\n').replace('\\r', '\\n')\n"
    "        return out\n"
    "    def getstate(self):\n"
    "        buf, flag = (b'', 0) if self.decoder is None else self.decoder.getstate()\n"
    "        return buf, (flag << 1) | (1 if self.pendingcr else 0)\n"
    "    def setstate(self, state):\n"
    "        buf, flag = state\n"
    "        self.pendingcr = bool(flag & 1)\n"
    "        if self.decoder is not None:\n"
    "            self.decoder.setstate((buf, flag >> 1))\n"
    "    def reset(self):\n"
    "        self.seennl = 0\n"
    "        self.pendingcr = False\n"
    "        if self.decoder is not None:\n"
    "            self.decoder.reset()\n"
    "    @property\n"
    "    def newlines(self):\n"
    "        return (None, '\\n', '\\r', ('\\r', '\\n'), '\\r\\n', ('\\n', '\\r\\n'),\n"
    "                ('\\r', '\\r\\n'), ('\\r', '\\n', '\\r\\n'))[self.seennl]\n"
    "IncrementalNewlineDecoder.__module__ = '_io'\n";

/* The io classes as Python classes (FileIO, BufferedReader, BufferedWriter,
 * BufferedRandom, BufferedRWPair over any raw object; subclassable), and
 * what CPython's IOBase, RawIOBase and BufferedIOBase give every stream. */
static const char layers_src[] =
    "# The io classes as Python classes, for programs that build a stream\n"
    "# themselves: io.FileIO(path), io.BufferedReader(raw) over any raw object,\n"
    "# and subclasses of them (tarfile's ExFileObject).  open() returns the C\n"
    "# types above (one object per file, fast), registered as virtual\n"
    "# subclasses, so isinstance(open(p, 'rb'), io.BufferedReader) holds.\n"
    "_CFileIO, _CBufferedReader, _CBufferedWriter, _CBufferedRandom = (\n"
    "    FileIO, BufferedReader, BufferedWriter, BufferedRandom)\n"
    "\n"
    "\n"
    "def _closed_check(self, msg='I/O operation on closed file.'):\n"
    "    if self.closed:\n"
    "        raise ValueError(msg)\n"
    "\n"
    "\n"
    "def _iob_closed(self):\n"
    "    return self.__dict__.get('_iob_closed', False)\n"
    "\n"
    "\n"
    "def _iob_close(self):\n"
    "    if not self.__dict__.get('_iob_closed', False):\n"
    "        try:\n"
    "            self.flush()\n"
    "        finally:\n"
    "            self._iob_closed = True\n"
    "\n"
    "\n"
    "def _iob_flush(self):\n"
    "    _closed_check(self)\n"
    "\n"
    "\n"
    "def _iob_readline(self, size=-1):\n"
    "    if size is None:\n"
    "        size = -1\n"
    "    peek = getattr(self, 'peek', None)\n"
    "    out = bytearray()\n"
    "    while size < 0 or len(out) < size:\n"
    "        n = 1\n"
    "        if peek is not None:\n"
    "            ahead = peek(1)\n"
    "            if not ahead:\n"
    "                break\n"
    "            i = ahead.find(b'\\n') + 1\n"
    "            n = i if i > 0 else len(ahead)\n"
    "            if size >= 0:\n"
    "                n = min(n, size - len(out))\n"
    "        b = self.read(n)\n"
    "        if not b:\n"
    "            break\n"
    "        out += b\n"
    "        if out.endswith(b'\\n'):\n"
    "            break\n"
    "    return bytes(out)\n"
    "\n"
    "\n"
    "def _iob_readlines(self, hint=None):\n"
    "    if hint is None or hint <= 0:\n"
    "        return list(self)\n"
    "    lines, n = [], 0\n"
    "    for line in self:\n"
    "        lines.append(line)\n"
    "        n += len(line)\n"
    "        if n >= hint:\n"
    "            break\n"
    "    return lines\n"
    "\n"
    "\n"
    "def _iob_iter(self):\n"
    "    _closed_check(self)\n"
    "    return self\n"
    "\n"
    "\n"
    "def _iob_next(self):\n"
    "    line = self.readline()\n"
    "    if not line:\n"
    "        raise StopIteration\n"
    "    return line\n"
    "\n"
    "\n"
    "def _iob_writelines(self, lines):\n"
    "    _closed_check(self)\n"
    "    for line in lines:\n"
    "        self.write(line)\n"
    "\n"
    "\n"
    "def _unsupported(name):\n"
    "    def method(self, *args):\n"
    "        raise UnsupportedOperation(name)\n"
    "    method.__name__ = name\n"
    "    return method\n"
    "\n"
    "\n"
    "def _iob_isatty(self):\n"
    "    _closed_check(self)\n"
    "    return False\n"
    "\n"
    "\n"
    "# what CPython's IOBase gives every stream (StringIO and BytesIO have\n"
    "# their own)\n"
    "IOBase.closed = property(_iob_closed)\n"
    "IOBase.close = _iob_close\n"
    "IOBase.flush = _iob_flush\n"
    "IOBase.readline = _iob_readline\n"
    "IOBase.readlines = _iob_readlines\n"
    "IOBase.__iter__ = _iob_iter\n"
    "IOBase.__next__ = _iob_next\n"
    "IOBase.writelines = _iob_writelines\n"
    "IOBase.isatty = _iob_isatty\n"
    "for _n in ('fileno', 'seek', 'truncate'):\n"
    "    setattr(IOBase, _n, _unsupported(_n))\n"
    "IOBase.tell = lambda self: self.seek(0, 1)\n"
    "IOBase._checkClosed = _closed_check\n"
    "del _n\n"
    "\n"
    "\n"
    "def _iob_checker(what):\n"
    "    def check(self, msg=None):\n"
    "        if not getattr(self, what)():\n"
    "            raise UnsupportedOperation('File or stream is not %s.' % what\n"
    "                                       if msg is None else msg)\n"
    "    return check\n"
    "\n"
    "\n"
    "# what socket.SocketIO and other Python raw streams call\n"
    "IOBase._checkReadable = _iob_checker('readable')\n"
    "IOBase._checkWritable = _iob_checker('writable')\n"
    "IOBase._checkSeekable = _iob_checker('seekable')\n"
    "\n"
    "\n"
    "def _raw_read(self, size=-1):\n"
    "    if size is None:\n"
    "        size = -1\n"
    "    if size < 0:\n"
    "        return self.readall()\n"
    "    b = bytearray(size)\n"
    "    n = self.readinto(b)\n"
    "    if n is None:\n"
    "        return None\n"
    "    del b[n:]\n"
    "    return bytes(b)\n"
    "\n"
    "\n"
    "def _raw_readall(self):\n"
    "    out = bytearray()\n"
    "    while True:\n"
    "        data = self.read(DEFAULT_BUFFER_SIZE)\n"
    "        if not data:\n"
    "            break\n"
    "        out += data\n"
    "    if not out and data is None:\n"
    "        return None\n"
    "    return bytes(out)\n"
    "\n"
    "\n"
    "RawIOBase.read = _raw_read\n"
    "RawIOBase.readall = _raw_readall\n"
    "RawIOBase.readinto = _unsupported('readinto')\n"
    "RawIOBase.write = _unsupported('write')\n"
    "\n"
    "\n"
    "def _bio_readinto(self, b, one=False):\n"
    "    m = memoryview(b).cast('B')\n"
    "    data = (self.read1 if one else self.read)(len(m))\n"
    "    n = len(data)\n"
    "    m[:n] = data\n"
    "    return n\n"
    "\n"
    "\n"
    "BufferedIOBase.readinto = _bio_readinto\n"
    "BufferedIOBase.readinto1 = lambda self, b: _bio_readinto(self, b, True)\n"
    "BufferedIOBase.read = _unsupported('read')\n"
    "BufferedIOBase.read1 = _unsupported('read1')\n"
    "BufferedIOBase.write = _unsupported('write')\n"
    "BufferedIOBase.detach = _unsupported('detach')\n"
    "\n"
    "\n"
    "class FileIO(RawIOBase):\n"
    "    \"\"\"A raw file: reads and writes go straight to the descriptor.\"\"\"\n"
    "\n"
    "    def __init__(self, file, mode='r', closefd=True, opener=None):\n"
    "        import os\n"
    "        self._fd = -1\n"
    "        if isinstance(file, float):\n"
    "            raise TypeError('integer argument expected, got float')\n"
    "        if not isinstance(mode, str):\n"
    "            raise TypeError(\"FileIO() argument 'mode' must be str, not %s\" % type(mode).__name__)\n"
    "        if isinstance(file, int):\n"
    "            if file < 0:\n"
    "                raise ValueError('negative file descriptor')\n"
    "            fd = file\n"
    "        else:\n"
    "            fd = -1\n"
    "            os.fspath(file)\n"
    "        chars = set(mode)\n"
    "        if not chars <= set('rwax+b') or len(chars) != len(mode):\n"
    "            raise ValueError('invalid mode: %s' % mode)\n"
    "        if sum(c in chars for c in 'rwax') != 1 or mode.count('+') > 1:\n"
    "            raise ValueError('Must have exactly one of create/read/write/append mode and '\n"
    "                             'at most one plus')\n"
    "        plus = '+' in chars\n"
    "        self._readable = 'r' in chars or plus\n"
    "        self._writable = 'r' not in chars or plus\n"
    "        self._append = 'a' in chars\n"
    "        self._created = 'x' in chars\n"
    "        flags = os.O_RDWR if plus else os.O_RDONLY if 'r' in chars else os.O_WRONLY\n"
    "        if 'w' in chars:\n"
    "            flags |= os.O_CREAT | os.O_TRUNC\n"
    "        elif 'a' in chars:\n"
    "            flags |= os.O_CREAT | os.O_APPEND\n"
    "        elif 'x' in chars:\n"
    "            flags |= os.O_CREAT | os.O_EXCL\n"
    "        flags |= os.O_CLOEXEC\n"
    "        if fd < 0:\n"
    "            if not closefd:\n"
    "                raise ValueError('Cannot use closefd=False with file name')\n"
    "            if opener is None:\n"
    "                fd = os.open(file, flags, 0o666)\n"
    "            else:\n"
    "                fd = opener(file, flags)\n"
    "                if not isinstance(fd, int):\n"
    "                    raise TypeError('expected integer from opener')\n"
    "                if fd < 0:\n"
    "                    raise ValueError('opener returned %d' % fd)\n"
    "        self._closefd = bool(closefd)\n"
    "        try:\n"
    "            import stat\n"
    "            if stat.S_ISDIR(os.fstat(fd).st_mode):\n"
    "                import errno\n"
    "                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), file)\n"
    "        except BaseException:\n"
    "            if self._closefd:\n"
    "                os.close(fd)\n"
    "            raise\n"
    "        self._fd = fd\n"
    "        self.name = file\n"
    "        if self._append:\n"
    "            try:\n"
    "                os.lseek(fd, 0, 2)\n"
    "            except OSError:\n"
    "                pass\n"
    "\n"
    "    def _check(self, can=None, what=None):\n"
    "        if self._fd < 0:\n"
    "            raise ValueError('I/O operation on closed file')\n"
    "        if can is not None and not can:\n"
    "            raise UnsupportedOperation('File not open for %s' % what)\n"
    "\n"
    "    @property\n"
    "    def closed(self):\n"
    "        return self._fd < 0\n"
    "\n"
    "    @property\n"
    "    def closefd(self):\n"
    "        return self._closefd\n"
    "\n"
    "    @property\n"
    "    def mode(self):\n"
    "        if self._created:\n"
    "            m = 'xb'\n"
    "        elif self._append:\n"
    "            m = 'ab'\n"
    "        elif self._readable:\n"
    "            m = 'rb' if not self._writable else 'rb+'\n"
    "            return m\n"
    "        else:\n"
    "            m = 'wb'\n"
    "        return m + '+' if self._readable else m\n"
    "\n"
    "    def __repr__(self):\n"
    "        if self._fd < 0:\n"
    "            return '<_io.FileIO [closed]>'\n"
    "        try:\n"
    "            name = self.name\n"
    "        except AttributeError:\n"
    "            return '<_io.FileIO fd=%d mode=%r closefd=%r>' % (self._fd, self.mode, self._closefd)\n"
    "        return '<_io.FileIO name=%r mode=%r closefd=%r>' % (name, self.mode, self._closefd)\n"
    "\n"
    "    def fileno(self):\n"
    "        self._check()\n"
    "        return self._fd\n"
    "\n"
    "    def readable(self):\n"
    "        self._check()\n"
    "        return self._readable\n"
    "\n"
    "    def writable(self):\n"
    "        self._check()\n"
    "        return self._writable\n"
    "\n"
    "    def seekable(self):\n"
    "        self._check()\n"
    "        import os\n"
    "        try:\n"
    "            os.lseek(self._fd, 0, 1)\n"
    "        except OSError:\n"
    "            return False\n"
    "        return True\n"
    "\n"
    "    def isatty(self):\n"
    "        self._check()\n"
    "        import os\n"
    "        return os.isatty(self._fd)\n"
    "\n"
    "    def read(self, size=-1):\n"
    "        self._check(self._readable, 'reading')\n"
    "        if size is None or size < 0:\n"
    "            return self.readall()\n"
    "        import os\n"
    "        try:\n"
    "            return os.read(self._fd, size)\n"
    "        except BlockingIOError:\n"
    "            return None\n"
    "\n"
    "    def readall(self):\n"
    "        self._check(self._readable, 'reading')\n"
    "        import os\n"
    "        out = bytearray()\n"
    "        while True:\n"
    "            try:\n"
    "                data = os.read(self._fd, 65536)\n"
    "            except BlockingIOError:\n"
    "                if out:\n"
    "                    break\n"
    "                return None\n"
    "            if not data:\n"
    "                break\n"
    "            out += data\n"
    "        return bytes(out)\n"
    "\n"
    "    def readinto(self, b):\n"
    "        m = memoryview(b).cast('B')\n"
    "        data = self.read(len(m))\n"
    "        if data is None:\n"
    "            return None\n"
    "        m[:len(data)] = data\n"
    "        return len(data)\n"
    "\n"
    "    def write(self, b):\n"
    "        self._check(self._writable, 'writing')\n"
    "        import os\n"
    "        try:\n"
    "            return os.write(self._fd, b)\n"
    "        except BlockingIOError:\n"
    "            return None\n"
    "\n"
    "    def seek(self, pos, whence=0):\n"
    "        if isinstance(pos, float):\n"
    "            raise TypeError('an integer is required')\n"
    "        self._check()\n"
    "        import os\n"
    "        return os.lseek(self._fd, pos, whence)\n"
    "\n"
    "    def tell(self):\n"
    "        self._check()\n"
    "        import os\n"
    "        return os.lseek(self._fd, 0, 1)\n"
    "\n"
    "    def truncate(self, size=None):\n"
    "        self._check(self._writable, 'writing')\n"
    "        import os\n"
    "        if size is None:\n"
    "            size = self.tell()\n"
    "        os.ftruncate(self._fd, size)\n"
    "        return size\n"
    "\n"
    "    def close(self):\n"
    "        if self._fd >= 0:\n"
    "            try:\n"
    "                RawIOBase.close(self)\n"
    "            finally:\n"
    "                fd, self._fd = self._fd, -1\n"
    "                if self._closefd:\n"
    "                    import os\n"
    "                    os.close(fd)\n"
    "\n"
    "    def __getstate__(self):\n"
    "        raise TypeError(\"cannot pickle 'FileIO' instances\")\n"
    "\n"
    "\n"
    "class _Buffered(BufferedIOBase):\n"
    "    # the part of BufferedReader, BufferedWriter and BufferedRandom they share:\n"
    "    # a raw stream, a read-ahead buffer (_rb from _rp) and pending writes (_wb)\n"
    "\n"
    "    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):\n"
    "        self._check_raw(raw)\n"
    "        if buffer_size <= 0:\n"
    "            raise ValueError('buffer size must be strictly positive')\n"
    "        self._raw = raw\n"
    "        self.buffer_size = buffer_size\n"
    "        self._rb = b''\n"
    "        self._rp = 0\n"
    "        self._wb = bytearray()\n"
    "\n"
    "    def _check_raw(self, raw):\n"
    "        pass\n"
    "\n"
    "    def _r(self):\n"
    "        if self.__dict__.get('_raw') is None:\n"
    "            if '_raw' in self.__dict__:\n"
    "                raise ValueError('raw stream has been detached')\n"
    "            raise ValueError('I/O operation on uninitialized object')\n"
    "        return self._raw\n"
    "\n"
    "    raw = property(lambda self: self._r())\n"
    "    closed = property(lambda self: self._r().closed)\n"
    "    name = property(lambda self: self._r().name)\n"
    "    mode = property(lambda self: self._r().mode)\n"
    "\n"
    "    def __repr__(self):\n"
    "        cls = type(self)\n"
    "        qual = cls.__qualname__ if cls.__module__ in ('_io', 'io') else \\\n"
    "            '%s.%s' % (cls.__module__, cls.__qualname__)\n"
    "        if cls.__module__ in ('_io', 'io'):\n"
    "            qual = '_io.' + qual\n"
    "        try:\n"
    "            name = self.name\n"
    "        except AttributeError:\n"
    "            return '<%s>' % qual\n"
    "        return '<%s name=%r>' % (qual, name)\n"
    "\n"
    "    def fileno(self):\n"
    "        return self._r().fileno()\n"
    "\n"
    "    def isatty(self):\n"
    "        return self._r().isatty()\n"
    "\n"
    "    def seekable(self):\n"
    "        return self._r().seekable()\n"
    "\n"
    "    def readable(self):\n"
    "        return self._r().readable()\n"
    "\n"
    "    def writable(self):\n"
    "        return self._r().writable()\n"
    "\n"
    "    def _check_open(self, what=None):\n"
    "        if self._r().closed:\n"
    "            raise ValueError('I/O operation on closed file.' if what is None\n"
    "                             else what + ' of closed file')\n"
    "\n"
    "    def flush(self):\n"
    "        self._check_open()\n"
    "        self._flush_writes()\n"
    "\n"
    "    def _flush_writes(self):\n"
    "        raw = self._r()\n"
    "        while self._wb:\n"
    "            n = raw.write(bytes(self._wb))\n"
    "            if n is None:\n"
    "                raise BlockingIOError(11, 'write could not complete without blocking', 0)\n"
    "            del self._wb[:n]\n"
    "\n"
    "    def close(self):\n"
    "        raw = self._r()\n"
    "        if raw.closed:\n"
    "            return\n"
    "        try:\n"
    "            self.flush()\n"
    "        finally:\n"
    "            raw.close()\n"
    "\n"
    "    def detach(self):\n"
    "        raw = self._r()\n"
    "        self.flush()\n"
    "        self._raw = None\n"
    "        return raw\n"
    "\n"
    "    def __del__(self):\n"
    "        try:\n"
    "            if self.__dict__.get('_raw') is not None and not self._raw.closed:\n"
    "                self.close()\n"
    "        except Exception:\n"
    "            pass\n"
    "\n"
    "    def __getstate__(self):\n"
    "        raise TypeError(\"cannot pickle '%s' instances\" % type(self).__name__)\n"
    "\n"
    "    def tell(self):\n"
    "        pos = self._r().tell() - (len(self._rb) - self._rp) + len(self._wb)\n"
    "        if pos < 0:\n"
    "            raise OSError('Raw stream returned invalid position %d' % pos)\n"
    "        return pos\n"
    "\n"
    "    def seek(self, pos, whence=0):\n"
    "        if whence not in (0, 1, 2):\n"
    "            raise ValueError('whence value %r unsupported' % (whence,))\n"
    "        self._check_open()\n"
    "        self._flush_writes()\n"
    "        if whence == 1:\n"
    "            pos -= len(self._rb) - self._rp\n"
    "        self._rb, self._rp = b'', 0\n"
    "        return self._r().seek(pos, whence)\n"
    "\n"
    "    def truncate(self, pos=None):\n"
    "        self._check_open()\n"
    "        self._flush_writes()\n"
    "        if pos is None:\n"
    "            pos = self.tell()\n"
    "        self._drop_readahead()\n"
    "        return self._r().truncate(pos)\n"
    "\n"
    "    def _drop_readahead(self):\n"
    "        # give the raw stream back the bytes read ahead but not used\n"
    "        left = len(self._rb) - self._rp\n"
    "        if left:\n"
    "            self._r().seek(-left, 1)\n"
    "        self._rb, self._rp = b'', 0\n"
    "\n"
    "    # ---- reading ----\n"
    "    def _raw_read(self, n):\n"
    "        data = self._r().read(n)\n"
    "        if data is not None and not isinstance(data, (bytes, bytearray, memoryview)):\n"
    "            raise TypeError('read() should return bytes')\n"
    "        return data\n"
    "\n"
    "    def read(self, size=-1):\n"
    "        self._check_open('read')\n"
    "        if size is None:\n"
    "            size = -1\n"
    "        elif not isinstance(size, int):\n"
    "            raise TypeError(\"argument should be integer or None, not '%s'\" % type(size).__name__)\n"
    "        if size < -1:\n"
    "            raise ValueError('read length must be non-negative or -1')\n"
    "        self._flush_writes()\n"
    "        have = self._rb[self._rp:]\n"
    "        if size >= 0 and len(have) >= size:\n"
    "            self._rp += size\n"
    "            return have[:size]\n"
    "        self._rb, self._rp = b'', 0\n"
    "        parts = [have]\n"
    "        n = len(have)\n"
    "        while size < 0 or n < size:\n"
    "            want = self.buffer_size if size < 0 else max(self.buffer_size, size - n)\n"
    "            data = self._raw_read(want)\n"
    "            if data is None:\n"
    "                if n == 0:\n"
    "                    return None\n"
    "                break\n"
    "            if not data:\n"
    "                break\n"
    "            data = bytes(data)\n"
    "            parts.append(data)\n"
    "            n += len(data)\n"
    "        out = b''.join(parts)\n"
    "        if size >= 0 and len(out) > size:\n"
    "            self._rb, self._rp = out, size\n"
    "            return out[:size]\n"
    "        return out\n"
    "\n"
    "    def read1(self, size=-1):\n"
    "        self._check_open('read')\n"
    "        if size is None or size < 0:\n"
    "            size = self.buffer_size\n"
    "        if size == 0:\n"
    "            return b''\n"
    "        self._flush_writes()\n"
    "        if self._rp < len(self._rb):\n"
    "            out = self._rb[self._rp:self._rp + size]\n"
    "            self._rp += len(out)\n"
    "            return out\n"
    "        data = self._raw_read(max(size, self.buffer_size))\n"
    "        if not data:\n"
    "            return b''\n"
    "        data = bytes(data)\n"
    "        self._rb, self._rp = data, min(size, len(data))\n"
    "        return data[:size]\n"
    "\n"
    "    def peek(self, size=0):\n"
    "        self._check_open('peek')\n"
    "        self._flush_writes()\n"
    "        if self._rp >= len(self._rb):\n"
    "            data = self._raw_read(self.buffer_size)\n"
    "            self._rb, self._rp = bytes(data or b''), 0\n"
    "        return self._rb[self._rp:]\n"
    "\n"
    "    def readline(self, size=-1):\n"
    "        self._check_open('readline')\n"
    "        if size is None:\n"
    "            size = -1\n"
    "        out = bytearray()\n"
    "        while size < 0 or len(out) < size:\n"
    "            ahead = self.peek(1)\n"
    "            if not ahead:\n"
    "                break\n"
    "            i = ahead.find(b'\\n')\n"
    "            take = len(ahead) if i < 0 else i + 1\n"
    "            if size >= 0:\n"
    "                take = min(take, size - len(out))\n"
    "            out += ahead[:take]\n"
    "            self._rp += take\n"
    "            if i >= 0 and take == i + 1:\n"
    "                break\n"
    "        return bytes(out)\n"
    "\n"
    "    # ---- writing ----\n"
    "    def write(self, b):\n"
    "        self._check_open()\n"
    "        if isinstance(b, str):\n"
    "            raise TypeError(\"a bytes-like object is required, not 'str'\")\n"
    "        data = bytes(b)\n"
    "        if self._rp < len(self._rb):\n"
    "            self._drop_readahead()\n"
    "        else:\n"
    "            self._rb, self._rp = b'', 0\n"
    "        if len(self._wb) + len(data) <= self.buffer_size:\n"
    "            self._wb += data\n"
    "            return len(data)\n"
    "        self._flush_writes()\n"
    "        if len(data) > self.buffer_size:\n"
    "            self._wb += data\n"
    "            self._flush_writes()\n"
    "        else:\n"
    "            self._wb += data\n"
    "        return len(data)\n"
    "\n"
    "\n"
    "class BufferedReader(_Buffered):\n"
    "    \"\"\"A buffered reader over a raw stream.\"\"\"\n"
    "\n"
    "    def _check_raw(self, raw):\n"
    "        if not raw.readable():\n"
    "            raise OSError('\"raw\" argument must be readable.')\n"
    "\n"
    "    def write(self, b):\n"
    "        raise UnsupportedOperation('write')\n"
    "\n"
    "    def truncate(self, pos=None):\n"
    "        raise UnsupportedOperation('truncate')\n"
    "\n"
    "    def writable(self):\n"
    "        return False\n"
    "\n"
    "\n"
    "class BufferedWriter(_Buffered):\n"
    "    \"\"\"A buffered writer over a raw stream.\"\"\"\n"
    "\n"
    "    def _check_raw(self, raw):\n"
    "        if not raw.writable():\n"
    "            raise OSError('\"raw\" argument must be writable.')\n"
    "\n"
    "    def read(self, size=-1):\n"
    "        raise UnsupportedOperation('read')\n"
    "\n"
    "    def read1(self, size=-1):\n"
    "        raise UnsupportedOperation('read1')\n"
    "\n"
    "    def peek(self, size=0):\n"
    "        raise UnsupportedOperation('peek')\n"
    "\n"
    "    def readinto(self, b):\n"
    "        raise UnsupportedOperation('readinto')\n"
    "\n"
    "    def readline(self, size=-1):\n"
    "        raise UnsupportedOperation('readline')\n"
    "\n"
    "    def readable(self):\n"
    "        return False\n"
    "\n"
    "\n"
    "class BufferedRandom(_Buffered):\n"
    "    \"\"\"A buffered reader and writer over one seekable raw stream.\"\"\"\n"
    "\n"
    "    def _check_raw(self, raw):\n"
    "        if not raw.seekable():\n"
    "            raise UnsupportedOperation('File or stream is not seekable.')\n"
    "        if not raw.readable():\n"
    "            raise OSError('\"raw\" argument must be readable.')\n"
    "        if not raw.writable():\n"
    "            raise OSError('\"raw\" argument must be writable.')\n"
    "\n"
    "\n"
    "class BufferedRWPair(BufferedIOBase):\n"
    "    \"\"\"A reader and a writer (two raw streams) as one stream.\"\"\"\n"
    "\n"
    "    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):\n"
    "        self.reader = BufferedReader(reader, buffer_size)\n"
    "        self.writer = BufferedWriter(writer, buffer_size)\n"
    "\n"
    "    def read(self, size=-1):\n"
    "        return self.reader.read(size)\n"
    "\n"
    "    def read1(self, size=-1):\n"
    "        return self.reader.read1(size)\n"
    "\n"
    "    def peek(self, size=0):\n"
    "        return self.reader.peek(size)\n"
    "\n"
    "    def readinto(self, b):\n"
    "        return self.reader.readinto(b)\n"
    "\n"
    "    def readline(self, size=-1):\n"
    "        return self.reader.readline(size)\n"
    "\n"
    "    def write(self, b):\n"
    "        return self.writer.write(b)\n"
    "\n"
    "    def flush(self):\n"
    "        return self.writer.flush()\n"
    "\n"
    "    def readable(self):\n"
    "        return self.reader.readable()\n"
    "\n"
    "    def writable(self):\n"
    "        return self.writer.writable()\n"
    "\n"
    "    def isatty(self):\n"
    "        return self.reader.isatty() or self.writer.isatty()\n"
    "\n"
    "    def close(self):\n"
    "        try:\n"
    "            self.writer.close()\n"
    "        finally:\n"
    "            self.reader.close()\n"
    "\n"
    "    @property\n"
    "    def closed(self):\n"
    "        return self.writer.closed\n"
    "\n"
    "\n"
    "for _py, _c in ((FileIO, _CFileIO), (BufferedReader, _CBufferedReader),\n"
    "                (BufferedWriter, _CBufferedWriter), (BufferedRandom, _CBufferedRandom)):\n"
    "    _py.__module__ = '_io'\n"
    "    _py.register(_c)\n"
    "BufferedRWPair.__module__ = '_io'\n"
    "del _py, _c\n"
    ;

/* io.TextIOWrapper as a constructible class: a text layer (decoding,
 * newline translation, line reads) over any binary file object, as
 * tokenize.open and linecache need.  open()'s own text files stay the C
 * type above, registered so that isinstance(f, io.TextIOWrapper) holds. */
static const char textwrap_src[] =
    "_CTextIOWrapper = TextIOWrapper\n"
    "_MISSING = object()\n"
    "class TextIOWrapper(TextIOBase):\n"
    "    # a text layer over any binary file object (open()'s own text files\n"
    "    # are the C type registered below, which counts as an instance)\n"
    "    _CHUNK = 8192\n"
    "    def __init__(self, buffer=_MISSING, encoding=None, errors=None, newline=None,\n"
    "                 line_buffering=False, write_through=False):\n"
    "        if buffer is _MISSING:\n"
    "            raise TypeError(\"TextIOWrapper() missing required argument 'buffer' (pos 1)\")\n"
    "        if newline is not None and not isinstance(newline, str):\n"
    "            raise TypeError('TextIOWrapper() argument \\'newline\\' must be str or None, not %s'\n"
    "                            % type(newline).__name__)\n"
    "        if newline not in (None, '', '\\n', '\\r', '\\r\\n'):\n"
    "            raise ValueError('illegal newline value: %s' % newline)\n"
    "        if encoding is None or encoding == 'locale':\n"
    "            encoding = 'UTF-8'\n"
    "        elif not isinstance(encoding, str):\n"
    "            raise TypeError('TextIOWrapper() argument \\'encoding\\' must be str or None, not %s'\n"
    "                            % type(encoding).__name__)\n"
    "        if errors is None:\n"
    "            errors = 'strict'\n"
    "        elif not isinstance(errors, str):\n"
    "            raise TypeError('TextIOWrapper() argument \\'errors\\' must be str or None, not %s'\n"
    "                            % type(errors).__name__)\n"
    "        'x'.encode(encoding)\n"
    "        self._buffer = buffer\n"
    "        self._encoding = encoding\n"
    "        self._errors = errors\n"
    "        self._newline = newline\n"
    "        self._line_buffering = bool(line_buffering)\n"
    "        self._write_through = bool(write_through)\n"
    "        self._setup()\n"
    "    def _setup(self):\n"
    "        low = self._encoding.lower().replace('_', '-')\n"
    "        self._utf8 = low in ('utf-8', 'utf8', 'utf-8-sig', 'utf8-sig')\n"
    "        self._sig = low in ('utf-8-sig', 'utf8-sig')\n"
    "        self._dec = 'utf-8' if self._utf8 else self._encoding\n"
    "        self._text = ''\n"
    "        self._raw = b''\n"
    "        self._eof = False\n"
    "        self._start = True\n"
    "        self._seen = 0\n"
    "        self._cr_last = False\n"
    "    def __repr__(self):\n"
    "        r = '<_io.TextIOWrapper'\n"
    "        try:\n"
    "            r += ' name=%r' % (self.name,)\n"
    "        except AttributeError:\n"
    "            pass\n"
    "        try:\n"
    "            r += ' mode=%r' % (self.mode,)\n"
    "        except AttributeError:\n"
    "            pass\n"
    "        return r + ' encoding=%r>' % (self._encoding,)\n"
    "    def _buf(self):\n"
    "        if self._buffer is None:\n"
    "            raise ValueError('underlying buffer has been detached')\n"
    "        return self._buffer\n"
    "    def _check(self):\n"
    "        if self._buf().closed:\n"
    "            raise ValueError('I/O operation on closed file.')\n"
    "    buffer = property(lambda self: self._buf())\n"
    "    encoding = property(lambda self: self._encoding)\n"
    "    errors = property(lambda self: self._errors)\n"
    "    line_buffering = property(lambda self: self._line_buffering)\n"
    "    write_through = property(lambda self: self._write_through)\n"
    "    closed = property(lambda self: self._buf().closed)\n"
    "    name = property(lambda self: self._buf().name)\n"
    "    @property\n"
    "    def newlines(self):\n"
    "        return (None, '\\r', '\\n', ('\\r', '\\n'), '\\r\\n', ('\\r', '\\r\\n'), ('\\n', '\\r\\n'),\n"
    "                ('\\r', '\\n', '\\r\\n'))[self._seen]\n"
    "    def readable(self):\n"
    "        return self._buf().readable()\n"
    "    def writable(self):\n"
    "        return self._buf().writable()\n"
    "    def seekable(self):\n"
    "        return self._buf().seekable()\n"
    "    def fileno(self):\n"
    "        return self._buf().fileno()\n"
    "    def isatty(self):\n"
    "        return self._buf().isatty()\n"
    "    def flush(self):\n"
    "        self._check()\n"
    "        self._buffer.flush()\n"
    "    def close(self):\n"
    "        b = self._buf()\n"
    "        if not b.closed:\n"
    "            try:\n"
    "                b.flush()\n"
    "            finally:\n"
    "                b.close()\n"
    "    def detach(self):\n"
    "        b = self._buf()\n"
    "        b.flush()\n"
    "        self._buffer = None\n"
    "        return b\n"
    "    def __del__(self):\n"
    "        # CPython's IOBase finalizer: close, its errors silenced\n"
    "        try:\n"
    "            b = self.__dict__.get('_buffer')\n"
    "            if b is not None and not b.closed:\n"
    "                self.close()\n"
    "        except Exception:\n"
    "            pass\n"
    "    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis,\n"
    "                    line_buffering=None, write_through=None):\n"
    "        if newline is not Ellipsis and newline not in (None, '', '\\n', '\\r', '\\r\\n'):\n"
    "            raise ValueError('illegal newline value: %s' % newline)\n"
    "        self.flush()\n"
    "        if encoding is not None:\n"
    "            self._encoding = encoding\n"
    "            if errors is None:\n"
    "                errors = 'strict'\n"
    "        if errors is not None:\n"
    "            self._errors = errors\n"
    "        if newline is not Ellipsis:\n"
    "            self._newline = newline\n"
    "        if line_buffering is not None:\n"
    "            self._line_buffering = bool(line_buffering)\n"
    "        if write_through is not None:\n"
    "            self._write_through = bool(write_through)\n"
    "        text, raw = self._text, self._raw\n"
    "        self._setup()\n"
    "        self._text, self._raw = text, raw\n"
    "    def __getstate__(self):\n"
    "        raise TypeError(\"cannot pickle 'TextIOWrapper' instances\")\n"
    "    # ---- reading ----\n"
    "    def _note(self, s):\n"
    "        # record the line ends met in raw text s (for .newlines)\n"
    "        if '\\r' in s:\n"
    "            n = s.count('\\r\\n')\n"
    "            if n:\n"
    "                self._seen |= 4\n"
    "            if s.count('\\r') > n:\n"
    "                self._seen |= 1\n"
    "            if s.count('\\n') > n:\n"
    "                self._seen |= 2\n"
    "        elif '\\n' in s:\n"
    "            self._seen |= 2\n"
    "    def _fill(self):\n"
    "        # decode one more chunk onto _text; False at end of file\n"
    "        if self._eof:\n"
    "            return False\n"
    "        b = self._buf()\n"
    "        if not b.readable():\n"
    "            raise UnsupportedOperation('not readable')\n"
    "        rd = getattr(b, 'read1', None) or b.read\n"
    "        data = rd(self._CHUNK)\n"
    "        if data is None:\n"
    "            data = b''\n"
    "        data = self._raw + bytes(data)\n"
    "        final = not data or len(data) == len(self._raw)\n"
    "        if final:\n"
    "            self._eof = True\n"
    "            keep = b''\n"
    "        else:\n"
    "            keep = b''\n"
    "            if self._utf8:\n"
    "                i = len(data) - 1\n"
    "                while i >= 0 and i >= len(data) - 3 and data[i] & 0xC0 == 0x80:\n"
    "                    i -= 1\n"
    "                if i >= 0 and data[i] >= 0xC0:\n"
    "                    need = 2 if data[i] < 0xE0 else 3 if data[i] < 0xF0 else 4\n"
    "                    if len(data) - i < need:\n"
    "                        keep = data[i:]\n"
    "                        data = data[:i]\n"
    "        self._raw = keep\n"
    "        s = data.decode(self._dec, self._errors)\n"
    "        if self._start and s:\n"
    "            self._start = False\n"
    "            if self._sig and s[0] == '\\ufeff':\n"
    "                s = s[1:]\n"
    "        if self._newline is None:\n"
    "            if self._cr_last:\n"
    "                self._cr_last = False\n"
    "                if s.startswith('\\n'):\n"
    "                    s = s[1:]\n"
    "                    self._seen |= 4\n"
    "                else:\n"
    "                    self._seen |= 1\n"
    "            if s.endswith('\\r') and not self._eof:\n"
    "                self._cr_last = True\n"
    "                s = s[:-1]\n"
    "                self._note(s)\n"
    "                s = s.replace('\\r\\n', '\\n').replace('\\r', '\\n') + '\\n'\n"
    "            else:\n"
    "                self._note(s)\n"
    "                s = s.replace('\\r\\n', '\\n').replace('\\r', '\\n')\n"
    "        elif self._newline == '':\n"
    "            self._note(s)\n"
    "        self._text += s\n"
    "        return True\n"
    "    def read(self, size=-1):\n"
    "        self._check()\n"
    "        if size is None:\n"
    "            size = -1\n"
    "        elif not isinstance(size, int):\n"
    "            raise TypeError(\"argument should be integer or None, not '%s'\" % type(size).__name__)\n"
    "        if size < 0:\n"
    "            while self._fill():\n"
    "                pass\n"
    "            s, self._text = self._text, ''\n"
    "            return s\n"
    "        while len(self._text) < size and self._fill():\n"
    "            pass\n"
    "        s, self._text = self._text[:size], self._text[size:]\n"
    "        return s\n"
    "    def _line_end(self, start):\n"
    "        # the end of the first line in _text at or after start, or -1\n"
    "        t = self._text\n"
    "        nl = self._newline\n"
    "        if nl is None or nl == '\\n':\n"
    "            i = t.find('\\n', start)\n"
    "            return -1 if i < 0 else i + 1\n"
    "        if nl == '':\n"
    "            for i in range(start, len(t)):\n"
    "                c = t[i]\n"
    "                if c == '\\n':\n"
    "                    return i + 1\n"
    "                if c == '\\r':\n"
    "                    if i + 1 < len(t):\n"
    "                        return i + 2 if t[i + 1] == '\\n' else i + 1\n"
    "                    return i + 1 if self._eof else -1\n"
    "            return -1\n"
    "        i = t.find(nl, start)\n"
    "        return -1 if i < 0 else i + len(nl)\n"
    "    def readline(self, size=-1):\n"
    "        self._check()\n"
    "        if size is None:\n"
    "            size = -1\n"
    "        start = 0\n"
    "        while True:\n"
    "            e = self._line_end(start)\n"
    "            if e >= 0 or (0 <= size <= len(self._text)):\n"
    "                break\n"
    "            start = max(0, len(self._text) - 2)\n"
    "            if not self._fill():\n"
    "                e = len(self._text)\n"
    "                break\n"
    "        if e < 0:\n"
    "            e = len(self._text)\n"
    "        if 0 <= size < e:\n"
    "            e = size\n"
    "        s, self._text = self._text[:e], self._text[e:]\n"
    "        return s\n"
    "    def readlines(self, hint=-1):\n"
    "        if hint is None or hint <= 0:\n"
    "            return list(self)\n"
    "        lines, n = [], 0\n"
    "        for line in self:\n"
    "            lines.append(line)\n"
    "            n += len(line)\n"
    "            if n >= hint:\n"
    "                break\n"
    "        return lines\n"
    "    def __iter__(self):\n"
    "        self._check()\n"
    "        return self\n"
    "    def __next__(self):\n"
    "        line = self.readline()\n"
    "        if not line:\n"
    "            raise StopIteration\n"
    "        return line\n"
    "    # ---- writing ----\n"
    "    def write(self, s):\n"
    "        self._check()\n"
    "        if not isinstance(s, str):\n"
    "            raise TypeError('write() argument must be str, not %s' % type(s).__name__)\n"
    "        b = self._buf()\n"
    "        if not b.writable():\n"
    "            raise UnsupportedOperation('not writable')\n"
    "        n = len(s)\n"
    "        nl = self._newline\n"
    "        haslf = '\\n' in s\n"
    "        if haslf and nl not in (None, '', '\\n'):\n"
    "            s = s.replace('\\n', nl)\n"
    "        data = s.encode(self._encoding, self._errors)\n"
    "        if self._text or self._raw:\n"
    "            # a write after a read lands where the reader stands\n"
    "            if b.seekable():\n"
    "                b.seek(self.tell())\n"
    "            self._text = ''\n"
    "            self._raw = b''\n"
    "            self._eof = False\n"
    "        b.write(data)\n"
    "        if self._write_through or (self._line_buffering and (haslf or '\\r' in s)):\n"
    "            b.flush()\n"
    "        return n\n"
    "    def writelines(self, lines):\n"
    "        for line in lines:\n"
    "            self.write(line)\n"
    "    # ---- positioning ----\n"
    "    def tell(self):\n"
    "        self._check()\n"
    "        b = self._buf()\n"
    "        if not b.seekable():\n"
    "            raise UnsupportedOperation('underlying stream is not seekable')\n"
    "        b.flush()\n"
    "        pos = b.tell()\n"
    "        if not self._text and not self._raw:\n"
    "            return pos\n"
    "        if self._newline is None and '\\n' in self._text:\n"
    "            raise OSError(\"can't reconstruct logical file position\")\n"
    "        return pos - len(self._raw) - len(self._text.encode(self._dec, self._errors))\n"
    "    def seek(self, cookie, whence=0):\n"
    "        self._check()\n"
    "        b = self._buf()\n"
    "        if not b.seekable():\n"
    "            raise UnsupportedOperation('underlying stream is not seekable')\n"
    "        if whence == 1:\n"
    "            if cookie != 0:\n"
    "                raise UnsupportedOperation(\"can't do nonzero cur-relative seeks\")\n"
    "            cookie = self.tell()\n"
    "            whence = 0\n"
    "        elif whence == 2:\n"
    "            if cookie != 0:\n"
    "                raise UnsupportedOperation(\"can't do nonzero end-relative seeks\")\n"
    "        elif whence != 0:\n"
    "            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)\n"
    "        elif cookie < 0:\n"
    "            raise ValueError('negative seek position %r' % (cookie,))\n"
    "        b.flush()\n"
    "        pos = b.seek(cookie, whence)\n"
    "        seen = self._seen\n"
    "        self._setup()\n"
    "        self._seen = seen\n"
    "        self._start = pos == 0\n"
    "        return pos\n"
    "    def truncate(self, pos=None):\n"
    "        self.flush()\n"
    "        if pos is None:\n"
    "            pos = self.tell()\n"
    "        return self._buf().truncate(pos)\n"
    "TextIOWrapper.__module__ = '_io'\n"
    "TextIOWrapper.register(_CTextIOWrapper)\n"
    "def _reg_stdio():\n"
    "    import sys\n"
    "    for _s in (sys.__stdin__, sys.__stdout__, sys.__stderr__):\n"
    "        if _s is not None and type(_s).__name__ == 'TextIOWrapper':\n"
    "            TextIOWrapper.register(type(_s))\n"
    "            TextIOBase.register(type(_s))\n"
    "            IOBase.register(type(_s))\n"
    "_reg_stdio()\n"
    "del _reg_stdio\n";

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
    if (vm_io_add_memory_files(m) < 0      /* StringIO, BytesIO (mod_stringio.c) */
        || vm_frozen_exec(m, "io", io_src) < 0
        || vm_frozen_exec(m, "io", layers_src) < 0
        || vm_frozen_exec(m, "io", textwrap_src) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
