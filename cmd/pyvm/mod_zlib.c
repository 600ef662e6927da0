/* cmd/pyvm/mod_zlib.c: the built-in module zlib: adler32, crc32,
 * compress, decompress, compressobj (zlib.Compress), decompressobj
 * (zlib.Decompress), zlib.error and the constants, as CPython 3.11's
 * zlibmodule.c linked with zlib 1.2.13.
 *
 * Stage: pyvm.  The engines are zdeflate.c and zinflate.c (written here,
 * no libz).  CPython hands zlib its output in blocks of growing size
 * (32 KiB, 64 KiB, 256 KiB, ...; OutBuf below) and level-0 output depends
 * on those sizes, so the calls are made as CPython makes them; the error
 * texts are CPython's ("Error -3 while decompressing data: ...").
 */
#include "cmd/pyvm/module.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/descr.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/zdeflate.h"
#include "cmd/pyvm/zinflate.h"

#define DEF_BUF_SIZE 16384
#define MAX_WBITS 15
#define DEF_MEM_LEVEL 8

static Obj *zlib_error_cls;     /* zlib.error */

/* ---- CPython's output buffer: blocks of growing size ---- */

static const size_t block_sizes[] = {
    32u << 10, 64u << 10, 256u << 10, 1u << 20, 4u << 20, 8u << 20, 16u << 20, 16u << 20,
    32u << 20, 32u << 20, 32u << 20, 32u << 20, 64u << 20, 64u << 20, 128u << 20, 128u << 20,
    256u << 20,
};
#define NBLOCK_SIZES (sizeof block_sizes / sizeof block_sizes[0])

typedef struct OutBuf {
    unsigned char *data;    /* the blocks, contiguous */
    size_t allocated;       /* their total size */
    int64_t max_length;     /* the most output wanted, or -1 */
    size_t nblocks;         /* blocks so far */
} OutBuf;

/* The first block: size bytes, or (size 0) the table's first, limited by
 * max_length. */
static int ob_init(OutBuf *ob, int64_t max_length, size_t size, ZStream *z)
{
    if (!size)
        size = max_length >= 0 && (uint64_t)max_length < block_sizes[0] ? (size_t)max_length
                                                                         : block_sizes[0];
    ob->data = malloc(size ? size : 1);
    if (!ob->data) {
        vm_err_nomem();
        return -1;
    }
    ob->allocated = size;
    ob->max_length = max_length;
    ob->nblocks = 1;
    z->next_out = ob->data;
    z->avail_out = size;
    return 0;
}

/* The next block, when the last is full. */
static int ob_grow(OutBuf *ob, ZStream *z)
{
    size_t size = block_sizes[ob->nblocks < NBLOCK_SIZES ? ob->nblocks : NBLOCK_SIZES - 1];
    if (ob->max_length >= 0) {
        size_t rest = (size_t)ob->max_length - ob->allocated;
        if (size > rest)
            size = rest;
    }
    unsigned char *p = realloc(ob->data, ob->allocated + size);
    if (!p) {
        vm_err_nomem();
        return -1;
    }
    ob->data = p;
    z->next_out = p + ob->allocated;
    z->avail_out = size;
    ob->allocated += size;
    ob->nblocks++;
    return 0;
}

static Obj *ob_finish(OutBuf *ob, ZStream *z)
{
    Obj *r = vm_bytes_new((const char *)ob->data, ob->allocated - z->avail_out);
    free(ob->data);
    ob->data = NULL;
    return r;
}

static void ob_free(OutBuf *ob)
{
    free(ob->data);
    ob->data = NULL;
}

/* ---- errors and arguments ---- */

/* zlib.error("Error N <what>: <zlib's message>"), as CPython's zlib_error. */
static Obj *zerr(const ZStream *z, int err, const char *what)
{
    const char *m = z ? z->msg : NULL;
    if (!m) {
        if (err == ZS_BUF_ERROR)
            m = "incomplete or truncated stream";
        else if (err == ZS_STREAM_ERROR)
            m = "inconsistent stream state";
        else if (err == ZS_DATA_ERROR)
            m = "invalid input data";
    }
    if (m)
        return vm_err_fmt((Type *)zlib_error_cls, "Error %d %s: %.200s", err, what, m);
    return vm_err_fmt((Type *)zlib_error_cls, "Error %d %s", err, what);
}

/* Argument Clinic's keyword parsing: kw[i] "" for positional-only
 * parameters (the first nposonly), out[i] NULL when not given. */
static int zl_args(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                   const char *const *kw, size_t nparams, size_t nposonly, size_t nrequired,
                   Obj **out)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    size_t npos = nargs - nkw;
    for (size_t i = 0; i < nparams; i++)
        out[i] = NULL;
    if (npos + nkw > nparams) {
        vm_err_fmt(&vm_exc_TypeError, "%s() takes at most %zu %sargument%s (%zu given)", fname,
                   nparams, npos == 0 ? "keyword " : "", nparams == 1 ? "" : "s", npos + nkw);
        return -1;
    }
    if (npos < nposonly && npos < nrequired) {
        size_t need = nrequired < nposonly ? nrequired : nposonly;
        vm_err_fmt(&vm_exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)",
                   fname, need < nparams ? "at least" : "exactly", need, need == 1 ? "" : "s",
                   npos);
        return -1;
    }
    for (size_t i = 0; i < npos; i++)
        out[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        size_t i;
        for (i = nposonly; i < nparams; i++)
            if (vm_str_eqc(kn, kw[i]))
                break;
        if (i >= nparams) {
            vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                       STR_DATA(kn), fname);
            return -1;
        }
        if (out[i]) {
            vm_err_fmt(&vm_exc_TypeError,
                       "argument for %s() given by name ('%s') and position (%zu)", fname,
                       kw[i], i + 1);
            return -1;
        }
        out[i] = args[npos + k];
    }
    for (size_t i = 0; i < nrequired; i++)
        if (!out[i]) {
            vm_err_fmt(&vm_exc_TypeError, "%s() missing required argument '%s' (pos %zu)", fname,
                       kw[i], i + 1);
            return -1;
        }
    return 0;
}

/* An integer argument within [lo, hi] (C int or ssize_t): CPython's
 * TypeError for a non-integer, OverflowError naming the C type. */
static int zl_int(Obj *o, int64_t lo, int64_t hi, const char *ctype, int64_t *out)
{
    Obj *i = vm_number_index(o);
    if (!i)
        return -1;
    int64_t v;
    int rc = vm_int_as_i64(i, &v);
    DECREF(i);
    if (rc < 0 || v < lo || v > hi) {
        if (rc < 0)
            vm_err_clear();
        vm_err_fmt(&vm_exc_OverflowError, "Python int too large to convert to C %s", ctype);
        return -1;
    }
    *out = v;
    return 0;
}

#define INT_ARG(o, out) zl_int((o), INT32_MIN, INT32_MAX, "int", (out))
#define SSIZE_ARG(o, out) zl_int((o), INT64_MIN, INT64_MAX, "ssize_t", (out))

/* The bytes of a bytes-like argument. */
static int zl_buffer(Obj *o, const unsigned char **p, size_t *n)
{
    const char *d;
    if (!vm_bytes_buffer(o, &d, n))
        return vm_bytes_buffer_error(o, "a bytes-like object is required, not '%s'");
    *p = (const unsigned char *)d;
    return 0;
}

/* ---- adler32, crc32 ---- */

/* The checksum's start value: any int, its low 32 bits. */
static int zl_u32(Obj *o, uint32_t *out)
{
    Obj *i = vm_number_index(o);
    if (!i)
        return -1;
    Obj *mask = vm_int_from_i64(0xffffffff);
    Obj *low = vm_binop(i, mask, NB_AND);
    DECREF(mask);
    DECREF(i);
    if (!low)
        return -1;
    int64_t v;
    int rc = vm_int_as_i64(low, &v);
    DECREF(low);
    if (rc < 0)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

static Obj *zl_checksum(const char *name, Obj *const *args, size_t nargs, Obj *kwnames,
                        uint32_t start, bool crc)
{
    if (kwnames && TUPLE_LEN(kwnames))
        return vm_err_fmt(&vm_exc_TypeError, "zlib.%s() takes no keyword arguments", name);
    if (nargs < 1 || nargs > 2)
        return vm_err_fmt(&vm_exc_TypeError, "%s expected at %s %d argument%s, got %zu", name,
                          nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2,
                          nargs < 1 ? "" : "s", nargs);
    const unsigned char *p = NULL;
    size_t n = 0;
    if (zl_buffer(args[0], &p, &n) < 0)
        return NULL;
    uint32_t v = start;
    if (nargs > 1 && zl_u32(args[1], &v) < 0)
        return NULL;
    v = crc ? zs_crc32(v, p, n) : zs_adler32(v, p, n);
    return vm_int_from_i64((int64_t)v);
}

static Obj *z_adler32(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    return zl_checksum("adler32", args, nargs, kwnames, 1, false);
}

static Obj *z_crc32(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    return zl_checksum("crc32", args, nargs, kwnames, 0, true);
}

/* ---- compress, decompress ---- */

/* compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS) */
static Obj *z_compress(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    static const char *const kw[] = {"", "level", "wbits"};
    Obj *a[3];
    if (zl_args("compress", args, nargs, kwnames, kw, 3, 1, 1, a) < 0)
        return NULL;
    const unsigned char *p = NULL;
    size_t n = 0;
    int64_t level = -1, wbits = MAX_WBITS;
    if (zl_buffer(a[0], &p, &n) < 0 || (a[1] && INT_ARG(a[1], &level) < 0)
        || (a[2] && INT_ARG(a[2], &wbits) < 0))
        return NULL;
    int err;
    ZDeflate *d = zd_new((int)level, (int)wbits, DEF_MEM_LEVEL, ZS_DEFAULT_STRATEGY, &err);
    if (!d) {
        if (err == ZS_MEM_ERROR)
            return vm_err_str(&vm_exc_MemoryError, "Out of memory while compressing data");
        return vm_err_str((Type *)zlib_error_cls, "Bad compression level");
    }
    ZStream *z = zd_stream(d);
    OutBuf ob;
    if (ob_init(&ob, -1, 0, z) < 0) {
        zd_free(d);
        return NULL;
    }
    z->next_in = p;
    z->avail_in = n;
    do {
        if (z->avail_out == 0 && ob_grow(&ob, z) < 0)
            goto fail;
        err = zd_deflate(d, ZS_FINISH);
        if (err == ZS_STREAM_ERROR) {
            zerr(z, err, "while compressing data");
            goto fail;
        }
    } while (z->avail_out == 0);
    Obj *r = ob_finish(&ob, z);
    zd_free(d);
    return r;
fail:
    ob_free(&ob);
    zd_free(d);
    return NULL;
}

/* decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE) */
static Obj *z_decompress(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    static const char *const kw[] = {"", "wbits", "bufsize"};
    Obj *a[3];
    if (zl_args("decompress", args, nargs, kwnames, kw, 3, 1, 1, a) < 0)
        return NULL;
    const unsigned char *p = NULL;
    size_t n = 0;
    int64_t wbits = MAX_WBITS, bufsize = DEF_BUF_SIZE;
    if (zl_buffer(a[0], &p, &n) < 0 || (a[1] && INT_ARG(a[1], &wbits) < 0)
        || (a[2] && SSIZE_ARG(a[2], &bufsize) < 0))
        return NULL;
    if (bufsize < 0)
        return vm_err_str(&vm_exc_ValueError, "bufsize must be non-negative");
    if (bufsize == 0)
        bufsize = 1;
    int err;
    ZInflate *zi = zi_new((int)wbits, &err);
    if (!zi) {
        if (err == ZS_MEM_ERROR)
            return vm_err_str(&vm_exc_MemoryError, "Out of memory while decompressing data");
        return zerr(NULL, err, "while preparing to decompress data");
    }
    ZStream *z = zi_stream(zi);
    OutBuf ob;
    if (ob_init(&ob, -1, (size_t)bufsize, z) < 0) {
        zi_free(zi);
        return NULL;
    }
    z->next_in = p;
    z->avail_in = n;
    do {
        if (z->avail_out == 0 && ob_grow(&ob, z) < 0)
            goto fail;
        err = zi_inflate(zi, ZS_FINISH);
        if (err == ZS_MEM_ERROR) {
            vm_err_str(&vm_exc_MemoryError, "Out of memory while decompressing data");
            goto fail;
        }
        if (err != ZS_OK && err != ZS_BUF_ERROR && err != ZS_STREAM_END) {
            zerr(z, err, "while decompressing data");
            goto fail;
        }
    } while (z->avail_out == 0);
    if (err != ZS_STREAM_END) {
        zerr(z, err, "while decompressing data");
        goto fail;
    }
    Obj *r = ob_finish(&ob, z);
    zi_free(zi);
    return r;
fail:
    ob_free(&ob);
    zi_free(zi);
    return NULL;
}

/* ---- zlib.Compress ---- */

typedef struct CompObj {
    Obj ob;
    ZDeflate *d;            /* the engine (kept after the end for its message) */
    bool ended;             /* flush(Z_FINISH) finished it (deflateEnd) */
} CompObj;

static Type comp_type;

/* deflate(), or the stream error of an ended stream */
static int comp_step(CompObj *c, int flush)
{
    return c->ended ? ZS_STREAM_ERROR : zd_deflate(c->d, flush);
}

static Obj *comp_compress(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CompObj *c = (CompObj *)self;
    static const char *const kw[] = {""};
    Obj *a[1];
    if (zl_args("compress", args, nargs, kwnames, kw, 1, 1, 1, a) < 0)
        return NULL;
    const unsigned char *p = NULL;
    size_t n = 0;
    if (zl_buffer(a[0], &p, &n) < 0)
        return NULL;
    ZStream *z = zd_stream(c->d);
    OutBuf ob;
    if (ob_init(&ob, -1, 0, z) < 0)
        return NULL;
    z->next_in = p;
    z->avail_in = n;
    do {
        if (z->avail_out == 0 && ob_grow(&ob, z) < 0)
            goto fail;
        int err = comp_step(c, ZS_NO_FLUSH);
        if (err == ZS_STREAM_ERROR) {
            zerr(z, err, "while compressing data");
            goto fail;
        }
    } while (z->avail_out == 0);
    z->next_in = NULL;
    return ob_finish(&ob, z);
fail:
    z->next_in = NULL;
    z->avail_in = 0;
    ob_free(&ob);
    return NULL;
}

static Obj *comp_flush(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CompObj *c = (CompObj *)self;
    static const char *const kw[] = {""};
    Obj *a[1];
    int64_t mode = ZS_FINISH;
    if (zl_args("flush", args, nargs, kwnames, kw, 1, 1, 0, a) < 0
        || (a[0] && INT_ARG(a[0], &mode) < 0))
        return NULL;
    if (mode == ZS_NO_FLUSH)
        return vm_bytes_new("", 0);
    ZStream *z = zd_stream(c->d);
    z->avail_in = 0;
    OutBuf ob;
    if (ob_init(&ob, -1, 0, z) < 0)
        return NULL;
    int err;
    do {
        if (z->avail_out == 0 && ob_grow(&ob, z) < 0)
            goto fail;
        err = comp_step(c, (int)mode);
        if (err == ZS_STREAM_ERROR) {
            zerr(z, err, "while flushing");
            goto fail;
        }
    } while (z->avail_out == 0);
    if (err == ZS_STREAM_END && mode == ZS_FINISH) {
        c->ended = true;
    } else if (err != ZS_OK && err != ZS_BUF_ERROR) {
        zerr(z, err, "while flushing");
        goto fail;
    }
    return ob_finish(&ob, z);
fail:
    ob_free(&ob);
    return NULL;
}

static Obj *comp_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)args;
    if (nargs || (kwnames && TUPLE_LEN(kwnames)))
        return vm_err_str(&vm_exc_TypeError, "copy() takes no arguments");
    CompObj *c = (CompObj *)self;
    if (c->ended)
        return vm_err_str(&vm_exc_ValueError, "Inconsistent stream state");
    ZDeflate *d = zd_copy(c->d);
    if (!d)
        return vm_err_str(&vm_exc_MemoryError, "Can't allocate memory for compression object");
    CompObj *r = vm_alloc(&comp_type, 0);
    r->d = d;
    r->ended = false;
    return (Obj *)r;
}

static Obj *comp_deepcopy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames))
        return vm_err_str(&vm_exc_TypeError, "__deepcopy__() takes no keyword arguments");
    if (nargs != 1)
        return vm_err_fmt(&vm_exc_TypeError, "zlib.Compress.__deepcopy__() takes exactly one "
                          "argument (%zu given)", nargs);
    return comp_copy(self, args, 0, NULL);
}

/* Compress and Decompress objects cannot be pickled (CPython's message) */
static Obj *zl_reduce_ex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    return vm_err_fmt(&vm_exc_TypeError, "cannot pickle '%s' object", vm_tname(self));
}

static void comp_dealloc(Obj *o)
{
    zd_free(((CompObj *)o)->d);
    vm_obj_free(o);
}

static const MethodDef comp_methods[] = {
    {"compress", comp_compress},
    {"flush", comp_flush},
    {"copy", comp_copy},
    {"__copy__", comp_copy},
    {"__deepcopy__", comp_deepcopy},
    {"__reduce_ex__", zl_reduce_ex},
    {NULL, NULL},
};

static Type comp_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "zlib.Compress",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(CompObj),
    .dealloc = comp_dealloc,
    .methods = comp_methods,
};

/* compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS,
 *             memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None) */
static Obj *z_compressobj(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    static const char *const kw[] = {"level", "method", "wbits", "memLevel", "strategy", "zdict"};
    Obj *a[6];
    if (zl_args("compressobj", args, nargs, kwnames, kw, 6, 0, 0, a) < 0)
        return NULL;
    int64_t v[5] = {-1, 8, MAX_WBITS, DEF_MEM_LEVEL, ZS_DEFAULT_STRATEGY};
    for (int i = 0; i < 5; i++)
        if (a[i] && INT_ARG(a[i], &v[i]) < 0)
            return NULL;
    const unsigned char *dict = NULL;
    size_t dlen = 0;
    if (a[5] && a[5] != VM_NONE && zl_buffer(a[5], &dict, &dlen) < 0)
        return NULL;
    int err = ZS_STREAM_ERROR;
    ZDeflate *d = v[1] == 8 ? zd_new((int)v[0], (int)v[2], (int)v[3], (int)v[4], &err) : NULL;
    if (!d) {
        if (err == ZS_MEM_ERROR)
            return vm_err_str(&vm_exc_MemoryError,
                              "Can't allocate memory for compression object");
        return vm_err_str(&vm_exc_ValueError, "Invalid initialization option");
    }
    if (dict && zd_set_dictionary(d, dict, dlen) != ZS_OK) {
        zd_free(d);
        return vm_err_str(&vm_exc_ValueError, "Invalid dictionary");
    }
    CompObj *c = vm_alloc(&comp_type, 0);
    c->d = d;
    c->ended = false;
    return (Obj *)c;
}

/* ---- zlib.Decompress ---- */

typedef struct DecompObj {
    Obj ob;
    ZInflate *zi;           /* the engine (kept after the end for its message) */
    bool ended;             /* flush() reached the end (inflateEnd) */
    bool eof;               /* the end of the stream was reached */
    Obj *unused_data;       /* bytes after the end of the stream */
    Obj *unconsumed_tail;   /* input not yet used when max_length stopped the output */
    Obj *zdict;             /* the dictionary, or NULL */
} DecompObj;

static Type decomp_type;

static int decomp_set_zdict(DecompObj *d)
{
    const unsigned char *p = NULL;
    size_t n = 0;
    if (zl_buffer(d->zdict, &p, &n) < 0)
        return -1;
    int err = zi_set_dictionary(d->zi, p, n);
    if (err != ZS_OK) {
        zerr(zi_stream(d->zi), err, "while setting zdict");
        return -1;
    }
    return 0;
}

/* After a call: input after the end goes to unused_data, input not used
 * (the output limit) to unconsumed_tail. */
static int save_unconsumed(DecompObj *d, const unsigned char *data, size_t len, int err)
{
    ZStream *z = zi_stream(d->zi);
    if (err == ZS_STREAM_END && z->avail_in > 0) {
        size_t old = (size_t)((BytesObj *)d->unused_data)->len;
        size_t more = (size_t)(data + len - z->next_in);
        char *buf = malloc(old + more + 1);
        if (!buf) {
            vm_err_nomem();
            return -1;
        }
        memcpy(buf, ((BytesObj *)d->unused_data)->s, old);
        memcpy(buf + old, z->next_in, more);
        Obj *nu = vm_bytes_new(buf, old + more);
        free(buf);
        if (!nu)
            return -1;
        DECREF(d->unused_data);
        d->unused_data = nu;
        z->avail_in = 0;
    }
    if (z->avail_in > 0 || ((BytesObj *)d->unconsumed_tail)->len) {
        size_t left = (size_t)(data + len - z->next_in);
        Obj *t = vm_bytes_new((const char *)z->next_in, left);
        if (!t)
            return -1;
        DECREF(d->unconsumed_tail);
        d->unconsumed_tail = t;
    }
    return 0;
}

static int decomp_step(DecompObj *d, int flush)
{
    return d->ended ? ZS_STREAM_ERROR : zi_inflate(d->zi, flush);
}

static Obj *decomp_decompress(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    DecompObj *d = (DecompObj *)self;
    static const char *const kw[] = {"", "max_length"};
    Obj *a[2];
    if (zl_args("decompress", args, nargs, kwnames, kw, 2, 1, 1, a) < 0)
        return NULL;
    const unsigned char *p = NULL;
    size_t n = 0;
    int64_t max_length = 0;
    if (zl_buffer(a[0], &p, &n) < 0 || (a[1] && SSIZE_ARG(a[1], &max_length) < 0))
        return NULL;
    if (max_length < 0)
        return vm_err_str(&vm_exc_ValueError, "max_length must be non-negative");
    if (max_length == 0)
        max_length = -1;
    /* the input may be our own unconsumed_tail: keep it alive */
    Obj *hold = vm_newref(a[0]);
    ZStream *z = zi_stream(d->zi);
    OutBuf ob;
    if (ob_init(&ob, max_length, 0, z) < 0) {
        DECREF(hold);
        return NULL;
    }
    z->next_in = p;
    z->avail_in = n;
    int err = ZS_OK;
    do {
        if (z->avail_out == 0) {
            if ((int64_t)ob.allocated == max_length)
                break;
            if (ob_grow(&ob, z) < 0)
                goto fail;
        }
        err = decomp_step(d, ZS_SYNC_FLUSH);
        if (err == ZS_NEED_DICT && d->zdict) {
            if (decomp_set_zdict(d) < 0)
                goto fail;
        } else if (err != ZS_OK && err != ZS_BUF_ERROR && err != ZS_STREAM_END) {
            break;
        }
    } while (z->avail_out == 0 || err == ZS_NEED_DICT);
    if (save_unconsumed(d, p, n, err) < 0)
        goto fail;
    if (err == ZS_STREAM_END)
        d->eof = true;
    else if (err != ZS_OK && err != ZS_BUF_ERROR) {
        zerr(z, err, "while decompressing data");
        goto fail;
    }
    z->next_in = NULL;
    z->avail_in = 0;
    DECREF(hold);
    return ob_finish(&ob, z);
fail:
    z->next_in = NULL;
    z->avail_in = 0;
    ob_free(&ob);
    DECREF(hold);
    return NULL;
}

static Obj *decomp_flush(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    DecompObj *d = (DecompObj *)self;
    static const char *const kw[] = {""};
    Obj *a[1];
    int64_t length = DEF_BUF_SIZE;
    if (zl_args("flush", args, nargs, kwnames, kw, 1, 1, 0, a) < 0
        || (a[0] && SSIZE_ARG(a[0], &length) < 0))
        return NULL;
    if (length <= 0)
        return vm_err_str(&vm_exc_ValueError, "length must be greater than zero");
    Obj *tail = vm_newref(d->unconsumed_tail);
    const unsigned char *p = (const unsigned char *)((BytesObj *)tail)->s;
    size_t n = (size_t)((BytesObj *)tail)->len;
    ZStream *z = zi_stream(d->zi);
    OutBuf ob;
    if (ob_init(&ob, -1, (size_t)length, z) < 0) {
        DECREF(tail);
        return NULL;
    }
    z->next_in = p;
    z->avail_in = n;
    int err = ZS_OK;
    do {
        if (z->avail_out == 0 && ob_grow(&ob, z) < 0)
            goto fail;
        err = decomp_step(d, ZS_FINISH);
        if (err == ZS_NEED_DICT && d->zdict) {
            if (decomp_set_zdict(d) < 0)
                goto fail;
        } else if (err != ZS_OK && err != ZS_BUF_ERROR && err != ZS_STREAM_END) {
            break;
        }
    } while (z->avail_out == 0 || err == ZS_NEED_DICT);
    if (save_unconsumed(d, p, n, err) < 0)
        goto fail;
    if (err == ZS_STREAM_END) {
        d->eof = true;
        d->ended = true;
    }
    z->next_in = NULL;
    z->avail_in = 0;
    DECREF(tail);
    return ob_finish(&ob, z);
fail:
    z->next_in = NULL;
    z->avail_in = 0;
    ob_free(&ob);
    DECREF(tail);
    return NULL;
}

static Obj *decomp_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)args;
    if (nargs || (kwnames && TUPLE_LEN(kwnames)))
        return vm_err_str(&vm_exc_TypeError, "copy() takes no arguments");
    DecompObj *d = (DecompObj *)self;
    if (d->ended)
        return vm_err_str(&vm_exc_ValueError, "Inconsistent stream state");
    ZInflate *zi = zi_copy(d->zi);
    if (!zi)
        return vm_err_str(&vm_exc_MemoryError,
                          "Can't allocate memory for decompression object");
    DecompObj *r = vm_alloc(&decomp_type, 0);
    r->zi = zi;
    r->ended = false;
    r->eof = d->eof;
    r->unused_data = vm_newref(d->unused_data);
    r->unconsumed_tail = vm_newref(d->unconsumed_tail);
    r->zdict = d->zdict;
    XINCREF(r->zdict);
    return (Obj *)r;
}

static Obj *decomp_deepcopy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames))
        return vm_err_str(&vm_exc_TypeError, "__deepcopy__() takes no keyword arguments");
    if (nargs != 1)
        return vm_err_fmt(&vm_exc_TypeError, "zlib.Decompress.__deepcopy__() takes exactly one "
                          "argument (%zu given)", nargs);
    return decomp_copy(self, args, 0, NULL);
}

static Obj *decomp_getattr(Obj *o, Obj *name)
{
    DecompObj *d = (DecompObj *)o;
    if (vm_str_eqc(name, "unused_data"))
        return vm_newref(d->unused_data);
    if (vm_str_eqc(name, "unconsumed_tail"))
        return vm_newref(d->unconsumed_tail);
    if (vm_str_eqc(name, "eof"))
        return vm_newref(d->eof ? VM_TRUE : VM_FALSE);
    return NULL;
}

static int decomp_setattr(Obj *o, Obj *name, Obj *v)
{
    if (vm_str_eqc(name, "unused_data") || vm_str_eqc(name, "unconsumed_tail")
        || vm_str_eqc(name, "eof")) {
        vm_err_str(&vm_exc_AttributeError, "readonly attribute");
        return -1;
    }
    return vm_generic_setattr(o, name, v);
}

static void decomp_dealloc(Obj *o)
{
    DecompObj *d = (DecompObj *)o;
    zi_free(d->zi);
    XDECREF(d->unused_data);
    XDECREF(d->unconsumed_tail);
    XDECREF(d->zdict);
    vm_obj_free(o);
}

static const MethodDef decomp_methods[] = {
    {"decompress", decomp_decompress},
    {"flush", decomp_flush},
    {"copy", decomp_copy},
    {"__copy__", decomp_copy},
    {"__deepcopy__", decomp_deepcopy},
    {"__reduce_ex__", zl_reduce_ex},
    {NULL, NULL},
};

static Type decomp_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "zlib.Decompress",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(DecompObj),
    .dealloc = decomp_dealloc,
    .getattr = decomp_getattr,
    .setattr = decomp_setattr,
    .methods = decomp_methods,
};

/* decompressobj(wbits=MAX_WBITS, zdict=b'') */
static Obj *z_decompressobj(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    static const char *const kw[] = {"wbits", "zdict"};
    Obj *a[2];
    if (zl_args("decompressobj", args, nargs, kwnames, kw, 2, 0, 0, a) < 0)
        return NULL;
    int64_t wbits = MAX_WBITS;
    if (a[0] && INT_ARG(a[0], &wbits) < 0)
        return NULL;
    if (a[1]) {
        const char *dp;
        size_t dn;
        if (!vm_bytes_buffer(a[1], &dp, &dn))
            return vm_err_str(&vm_exc_TypeError,
                              "zdict argument must support the buffer protocol");
    }
    int err;
    ZInflate *zi = zi_new((int)wbits, &err);
    if (!zi) {
        if (err == ZS_MEM_ERROR)
            return vm_err_str(&vm_exc_MemoryError,
                              "Can't allocate memory for decompression object");
        return vm_err_str(&vm_exc_ValueError, "Invalid initialization option");
    }
    DecompObj *d = vm_alloc(&decomp_type, 0);
    d->zi = zi;
    d->ended = false;
    d->eof = false;
    d->unused_data = vm_bytes_new("", 0);
    d->unconsumed_tail = vm_bytes_new("", 0);
    d->zdict = a[1];
    XINCREF(d->zdict);
    if (d->zdict && wbits < 0 && decomp_set_zdict(d) < 0) {
        DECREF(d);
        return NULL;
    }
    return (Obj *)d;
}

/* ---- the module ---- */

static const struct {
    const char *name;
    int value;
} zlib_consts[] = {
    {"MAX_WBITS", MAX_WBITS}, {"DEFLATED", 8}, {"DEF_MEM_LEVEL", DEF_MEM_LEVEL},
    {"DEF_BUF_SIZE", DEF_BUF_SIZE},
    {"Z_NO_COMPRESSION", 0}, {"Z_BEST_SPEED", 1}, {"Z_BEST_COMPRESSION", 9},
    {"Z_DEFAULT_COMPRESSION", -1},
    {"Z_FILTERED", ZS_FILTERED}, {"Z_HUFFMAN_ONLY", ZS_HUFFMAN_ONLY}, {"Z_RLE", ZS_RLE},
    {"Z_FIXED", ZS_FIXED}, {"Z_DEFAULT_STRATEGY", ZS_DEFAULT_STRATEGY},
    {"Z_NO_FLUSH", ZS_NO_FLUSH}, {"Z_PARTIAL_FLUSH", ZS_PARTIAL_FLUSH},
    {"Z_SYNC_FLUSH", ZS_SYNC_FLUSH}, {"Z_FULL_FLUSH", ZS_FULL_FLUSH}, {"Z_FINISH", ZS_FINISH},
    {"Z_BLOCK", ZS_BLOCK}, {"Z_TREES", ZS_TREES},
};

static const char zlib_src[] =
    "class error(Exception):\n"
    "    pass\n";

Obj *vm_mod_zlib(void)
{
    Obj *m = vm_module_new("zlib");
    if (!m)
        return NULL;
    vm_type_ready(&comp_type);
    if (!decomp_type.dict) {
        vm_type_ready(&decomp_type);
        /* the three data attributes, for dir() and the type's __dict__ */
        static const char *const members[] = {"unused_data", "unconsumed_tail", "eof"};
        for (int i = 0; i < 3; i++) {
            Obj *md = vm_bdescr_new_member(&decomp_type, members[i]);
            if (vm_dict_set_cstr(decomp_type.dict, members[i], md) < 0) {
                DECREF(md);
                DECREF(m);
                return NULL;
            }
            DECREF(md);
        }
    }
    vm_module_add_func(m, "adler32", z_adler32);
    vm_module_add_func(m, "crc32", z_crc32);
    vm_module_add_func(m, "compress", z_compress);
    vm_module_add_func(m, "decompress", z_decompress);
    vm_module_add_func(m, "compressobj", z_compressobj);
    vm_module_add_func(m, "decompressobj", z_decompressobj);
    for (size_t i = 0; i < sizeof zlib_consts / sizeof zlib_consts[0]; i++) {
        Obj *v = vm_int_from_i64(zlib_consts[i].value);
        vm_module_add(m, zlib_consts[i].name, v);
        DECREF(v);
    }
    Obj *ver = vm_str_cstr("1.2.13");
    vm_module_add(m, "ZLIB_VERSION", ver);
    vm_module_add(m, "ZLIB_RUNTIME_VERSION", ver);
    DECREF(ver);
    ver = vm_str_cstr("1.0");
    vm_module_add(m, "__version__", ver);
    DECREF(ver);
    if (vm_frozen_exec(m, "zlib", zlib_src) < 0) {
        DECREF(m);
        return NULL;
    }
    Obj *key = vm_str_cstr("error");
    Obj *err = NULL;
    int found = vm_dict_lookup(((ModuleObj *)m)->dict, key, &err);
    DECREF(key);
    if (found <= 0) {
        DECREF(m);
        return NULL;
    }
    XDECREF(zlib_error_cls);
    zlib_error_cls = vm_newref(err);
    /* the Python half is only the class statement: no __builtins__ left */
    key = vm_str_cstr("__builtins__");
    int rc = vm_dict_del(((ModuleObj *)m)->dict, key);
    DECREF(key);
    if (rc < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
