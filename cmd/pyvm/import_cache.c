/* cmd/pyvm/import_cache.c: compiling source inside pyvm, the __pycache__
 * code cache, and SyntaxError objects made from the front end's reports.
 *
 * Stage: pyvm.  Reads Python source; calls libstage/front.h's ls_compile
 * (the same stages as pytok | ... | pyasm); reads and writes the binary
 * code object (formats/code.md) behind a small header (import_cache.h).
 */
#include "cmd/pyvm/import_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libstage/arena.h"
#include "libstage/buf.h"
#include "libstage/codeio.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

#define CACHE_MAGIC "PYTCACHE"
#define CACHE_TAG ".pytools-0.pyc"
#define HEADER_LEN 40

/* What a cache entry must match: the source and the compiler. */
typedef struct Stamp {
    uint64_t src_mtime, src_size;   /* the source file (mtime in ns) */
    uint64_t exe_mtime, exe_size;   /* the pyvm binary that compiled it */
} Stamp;

void vm_cache_path(const char *path, char *out, size_t outlen)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t dlen = slash ? (size_t)(slash - path) : 0;
    size_t blen = strlen(base);
    if (blen > 3 && strcmp(base + blen - 3, ".py") == 0)
        blen -= 3;
    int n = snprintf(out, outlen, "%.*s%s__pycache__/%.*s%s", (int)dlen, path,
                     slash ? "/" : "", (int)blen, base, CACHE_TAG);
    if (n < 0 || (size_t)n >= outlen)
        out[0] = '\0';
}

static uint64_t mtime_ns(const struct stat *st)
{
    return (uint64_t)st->st_mtim.tv_sec * 1000000000u + (uint64_t)st->st_mtim.tv_nsec;
}

static bool compiler_stamp(Stamp *s)
{
    static bool done, ok;
    static uint64_t m, z;
    if (!done) {
        struct stat st;
        done = true;
        ok = stat("/proc/self/exe", &st) == 0;
        if (ok) {
            m = mtime_ns(&st);
            z = (uint64_t)st.st_size;
        }
    }
    s->exe_mtime = m;
    s->exe_size = z;
    return ok;
}

static void put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void stamp_encode(unsigned char *h, const Stamp *s)
{
    memcpy(h, CACHE_MAGIC, 8);
    put_u64(h + 8, s->src_mtime);
    put_u64(h + 16, s->src_size);
    put_u64(h + 24, s->exe_mtime);
    put_u64(h + 32, s->exe_size);
}

/* Read a whole file into b; false on any error (errno set). */
static bool read_all(const char *path, Buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(b, chunk, n);
    bool ok = !ferror(f);
    fclose(f);
    return ok;
}

/* The cached code for path if the cache matches stamp, else NULL. */
static VmCode *cache_load(const char *cpath, const Stamp *stamp)
{
    Buf b = BUF_INIT;
    VmCode *code = NULL;
    unsigned char want[HEADER_LEN];
    stamp_encode(want, stamp);
    if (read_all(cpath, &b) && b.len > HEADER_LEN && memcmp(b.data, want, HEADER_LEN) == 0) {
        Arena a;
        arena_init(&a);
        char err[256];
        LsCode *lc = ls_code_read(b.data + HEADER_LEN, b.len - HEADER_LEN, &a, err, sizeof err);
        if (lc)
            code = vm_code_load(lc, err, sizeof err);
        arena_free(&a);
    }
    buf_free(&b);
    return code;
}

/* Write the cache; any failure (no permission, full disk) is silent. */
static void cache_store(const char *cpath, const Stamp *stamp, const LsCode *lc)
{
    char dir[4300], tmp[4400];
    const char *slash = strrchr(cpath, '/');
    if (!slash || (size_t)(slash - cpath) >= sizeof dir)
        return;
    memcpy(dir, cpath, (size_t)(slash - cpath));
    dir[slash - cpath] = '\0';
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return;
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", cpath, (long)getpid());
    Buf b = BUF_INIT;
    unsigned char h[HEADER_LEN];
    stamp_encode(h, stamp);
    buf_put(&b, (const char *)h, HEADER_LEN);
    ls_code_write(&b, lc);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    bool ok = fd >= 0;
    if (ok) {
        size_t off = 0;
        while (ok && off < b.len) {
            ssize_t w = write(fd, b.data + off, b.len - off);
            ok = w > 0;
            off += ok ? (size_t)w : 0;
        }
        ok = close(fd) == 0 && ok;
    }
    if (!ok || rename(tmp, cpath) != 0)
        unlink(tmp);
    buf_free(&b);
}

static Obj *os_error(int err, const char *path)
{
    Obj *args[3] = {vm_int_from_i64(err), vm_str_cstr(strerror(err)), vm_str_cstr(path)};
    Type *t = err == ENOENT ? &vm_exc_FileNotFoundError : &vm_exc_OSError;
    Obj *e = vm_exc_new(t, args, 3);
    for (int i = 0; i < 3; i++)
        DECREF(args[i]);
    if (e) {
        vm_err_set(e);
        DECREF(e);
    }
    return NULL;
}

static VmCode *compile_arena(const char *src, size_t len, const char *filename, LsMode mode,
                             const char *cpath, const Stamp *stamp)
{
    Arena a;
    arena_init(&a);
    LsSyntaxError err;
    memset(&err, 0, sizeof err);
    LsCode *lc = ls_compile(src, len, filename, mode, &a, &err);
    VmCode *code = NULL;
    if (!lc) {
        vm_raise_syntax_error(&err);
    } else {
        char msg[256] = "";
        code = vm_code_load(lc, msg, sizeof msg);
        if (!code)
            vm_err_fmt(&vm_exc_SystemError, "%s: %s", filename, msg);
        else if (cpath && cpath[0])
            cache_store(cpath, stamp, lc);
    }
    arena_free(&a);
    return code;
}

VmCode *vm_compile_module_file(const char *path)
{
    return vm_compile_module_file_as(path, path);
}

VmCode *vm_compile_module_file_as(const char *path, const char *filename)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return (VmCode *)os_error(errno, path);
    Stamp stamp = {mtime_ns(&st), (uint64_t)st.st_size, 0, 0};
    char cpath[4300];
    vm_cache_path(path, cpath, sizeof cpath);
    bool cacheable = cpath[0] && compiler_stamp(&stamp);
    if (cacheable) {
        VmCode *code = cache_load(cpath, &stamp);
        /* the cached code names its file: it must be the name asked for
         * (a stdlib module imported as frozen is "<frozen NAME>") */
        if (code && strcmp(STR_DATA(code->filename), filename) == 0)
            return code;
        XDECREF(code);
    }
    Buf src = BUF_INIT;
    if (!read_all(path, &src)) {
        int e = errno;
        buf_free(&src);
        return (VmCode *)os_error(e, path);
    }
    /* as CPython, PYTHONDONTWRITEBYTECODE (non-empty) stops writing, not reading */
    const char *nowrite = getenv("PYTHONDONTWRITEBYTECODE");
    bool write = cacheable && !(nowrite && *nowrite);
    VmCode *code = compile_arena(src.data ? src.data : "", src.len, filename, LS_MODE_EXEC,
                                 write ? cpath : NULL, &stamp);
    buf_free(&src);
    return code;
}

VmCode *vm_compile_source(const char *src, size_t len, const char *filename, LsMode mode)
{
    return compile_arena(src, len, filename, mode, NULL, NULL);
}

/* ---- SyntaxError objects ---- */

static Type *syntax_type(const char *name)
{
    if (strcmp(name, "IndentationError") == 0)
        return &vm_exc_IndentationError;
    if (strcmp(name, "TabError") == 0)
        return &vm_exc_TabError;
    if (strcmp(name, "RecursionError") == 0)
        return &vm_exc_RecursionError;
    if (strcmp(name, "MemoryError") == 0)
        return &vm_exc_MemoryError;
    return &vm_exc_SyntaxError;
}

static Obj *int_or_none(int v, bool present)
{
    return present ? vm_int_from_i64(v) : vm_newref(VM_NONE);
}

void vm_raise_syntax_error(const LsSyntaxError *err)
{
    Type *t = syntax_type(err->type);
    if (err->status == 2) {
        vm_err_fmt(&vm_exc_SystemError, "compile: %s", err->msg);
        return;
    }
    if (t == &vm_exc_RecursionError || t == &vm_exc_MemoryError) {
        vm_err_str(t, err->msg);
        return;
    }
    Obj *msg = vm_str_cstr(err->msg);
    Obj *det[6] = {
        vm_str_cstr(err->filename), int_or_none(err->lineno, true),
        int_or_none(err->offset, err->offset > 0),
        err->text ? vm_str_cstr(err->text) : vm_newref(VM_NONE),
        int_or_none(err->end_lineno, err->end_lineno > 0),
        int_or_none(err->end_offset, err->end_offset > 0),
    };
    Obj *dt = vm_tuple_from(det, 6);
    Obj *args[2] = {msg, dt};
    Obj *e = vm_exc_new(t, args, 2);
    static const char *const names[] = {"filename", "lineno", "offset", "text",
                                        "end_lineno", "end_offset"};
    if (e) {
        int rc = vm_setattr(e, vm_str_intern("msg", 3), msg);
        for (int i = 0; i < 6 && rc == 0; i++)
            rc = vm_setattr(e, vm_str_intern(names[i], strlen(names[i])), det[i]);
        if (rc == 0)
            rc = vm_setattr(e, vm_str_intern("print_file_and_line", 19), VM_NONE);
        if (rc < 0)
            vm_err_clear();
        vm_err_set(e);
        DECREF(e);
    }
    for (int i = 0; i < 6; i++)
        DECREF(det[i]);
    DECREF(dt);
    DECREF(msg);
}

/* An int attribute of exc, or 0. */
static int int_attr(Obj *exc, const char *name)
{
    Obj *v = vm_getattr(exc, vm_str_intern(name, strlen(name)));
    int64_t n = 0;
    if (!v || !INT_CHECK(v) || vm_int_as_i64(v, &n) < 0)
        n = 0;
    if (!v || vm_err_occurred())
        vm_err_clear();
    XDECREF(v);
    return n > INT32_MAX || n < INT32_MIN ? 0 : (int)n;
}

static void str_attr(Obj *exc, const char *name, char *out, size_t n)
{
    Obj *v = vm_getattr(exc, vm_str_intern(name, strlen(name)));
    out[0] = '\0';
    if (!v) {
        vm_err_clear();
        return;
    }
    if (STR_CHECK(v))
        snprintf(out, n, "%s", STR_DATA(v));
    DECREF(v);
}

bool vm_syntax_error_render(Buf *out, Obj *exc)
{
    if (!vm_is_subtype(TYPE(exc), &vm_exc_SyntaxError))
        return false;
    Obj *fn = vm_getattr(exc, vm_str_intern("filename", 8));
    if (!fn) {
        vm_err_clear();
        return false;       /* a SyntaxError raised by hand: the plain line */
    }
    bool has_file = STR_CHECK(fn);
    DECREF(fn);
    if (!has_file)
        return false;
    LsSyntaxError e;
    memset(&e, 0, sizeof e);
    snprintf(e.type, sizeof e.type, "%s", TYPE(exc)->name);
    str_attr(exc, "msg", e.msg, sizeof e.msg);
    str_attr(exc, "filename", e.filename, sizeof e.filename);
    e.lineno = int_attr(exc, "lineno");
    e.offset = int_attr(exc, "offset");
    e.end_lineno = int_attr(exc, "end_lineno");
    e.end_offset = int_attr(exc, "end_offset");
    Obj *text = vm_getattr(exc, vm_str_intern("text", 4));
    if (!text)
        vm_err_clear();
    else if (STR_CHECK(text))
        e.text = STR_DATA(text);
    e.status = 1;
    char *s = ls_front_format(&e);
    XDECREF(text);
    if (!s)
        return false;
    buf_puts(out, s);
    free(s);
    return true;
}
