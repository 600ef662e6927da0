/* cmd/pyvm/mod_sys.c: the built-in module sys (argv, exit, recursion
 * limit, stdin/stdout/stderr and their buffers, modules, maxsize,
 * float_info/int_info/hash_info, the int string-conversion limit, ...).
 *
 * Stage: pyvm.
 */
#include "cmd/pyvm/module.h"

#include <errno.h>
#include <float.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/float.h"

#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/frame.h"
#include "cmd/pyvm/gen.h"
#include "cmd/pyvm/gil.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/main.h"
#include "cmd/pyvm/set.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/structseq.h"
#include "cmd/pyvm/trace.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/unraisable.h"

void vm_write_stdout(const char *s, size_t n)
{
    fwrite(s, 1, n, stdout);
}

int vm_stdout_check(void)
{
    if (!ferror(stdout))
        return 0;
    int e = errno ? errno : EIO;
    if (e == EPIPE && vm_sigpipe_was_default) {     /* end quietly, as before (main.h) */
        signal(SIGPIPE, SIG_DFL);
        raise(SIGPIPE);
    }
    clearerr(stdout);
    vm_err_errno(e, NULL);
    return -1;
}

void vm_write_stderr(const char *s, size_t n)
{
    fflush(stdout);
    fwrite(s, 1, n, stderr);
}

/* sys.stdin, sys.stdout, sys.stderr and their .buffer objects, over the C
 * library's stdio streams (which input() and print() share). */
enum { S_STDIN, S_STDOUT, S_STDERR };

typedef struct StreamObj {
    Obj ob;
    int which;              /* S_STDIN, S_STDOUT or S_STDERR */
    bool binary;            /* the .buffer object (bytes), else text */
} StreamObj;

static Type stream_type;

static StreamObj stdin_obj = {OBJ_HEAD_INIT(&stream_type), S_STDIN, false};
static StreamObj stdout_obj = {OBJ_HEAD_INIT(&stream_type), S_STDOUT, false};
static StreamObj stderr_obj = {OBJ_HEAD_INIT(&stream_type), S_STDERR, false};
static StreamObj stdin_buf = {OBJ_HEAD_INIT(&stream_type), S_STDIN, true};
static StreamObj stdout_buf = {OBJ_HEAD_INIT(&stream_type), S_STDOUT, true};
static StreamObj stderr_buf = {OBJ_HEAD_INIT(&stream_type), S_STDERR, true};
Obj *vm_sys_stdout = (Obj *)&stdout_obj;
Obj *vm_sys_stderr = (Obj *)&stderr_obj;

static const char *const stream_names[] = {"<stdin>", "<stdout>", "<stderr>"};
static const char *stdio_errors(void);

static Obj *stream_unsupported(const char *what)
{
    return vm_err_fmt((Type *)vm_io_unsupported(), "%s", what);
}

static Obj *stream_write(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    StreamObj *st = (StreamObj *)self;
    if (vm_nokw("write", kwnames) < 0 || vm_argc("write", nargs, 1, 1) < 0)
        return NULL;
    if (st->which == S_STDIN)
        return stream_unsupported(st->binary ? "write" : "not writable");
    const char *p;
    size_t n;
    int64_t count;
    if (st->binary) {
        if (BYTES_CHECK(args[0])) {
            p = ((BytesObj *)args[0])->s;
            n = (size_t)((BytesObj *)args[0])->len;
        } else if (BYTEARRAY_CHECK(args[0])) {
            p = ((ByteArrayObj *)args[0])->data ? ((ByteArrayObj *)args[0])->data : "";
            n = (size_t)((ByteArrayObj *)args[0])->len;
        } else {
            return vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                              vm_tname(args[0]));
        }
        count = (int64_t)n;
    } else {
        if (!STR_CHECK(args[0]))
            return vm_err_fmt(&vm_exc_TypeError, "write() argument must be str, not %s",
                              vm_tname(args[0]));
        p = STR_DATA(args[0]);
        n = (size_t)STR_LEN(args[0]);
        count = ((StrObj *)args[0])->ulen;
    }
    if (st->which == S_STDERR)
        vm_write_stderr(p, n);
    else
        vm_write_stdout(p, n);
    if (st->which == S_STDOUT && vm_stdout_check() < 0)
        return NULL;
    return vm_int_from_i64(count);
}

static Obj *stream_writelines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("writelines", kwnames) < 0 || vm_argc("writelines", nargs, 1, 1) < 0)
        return NULL;
    Obj *it = vm_iter(args[0]), *x;
    if (!it)
        return NULL;
    while ((x = vm_next(it)) != NULL) {
        Obj *r = stream_write(self, &x, 1, NULL);
        DECREF(x);
        if (!r) {
            DECREF(it);
            return NULL;
        }
        DECREF(r);
    }
    DECREF(it);
    return vm_err_occurred() ? NULL : vm_newref(VM_NONE);
}

static Obj *stream_flush(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    StreamObj *st = (StreamObj *)self;
    if (st->which != S_STDIN)
        fflush(st->which == S_STDERR ? stderr : stdout);
    return vm_newref(VM_NONE);
}

/* Read from stdin: up to limit characters (bytes when binary; all when
 * limit < 0), stopping after a newline when line is set. */
static Obj *stdin_read(StreamObj *st, int64_t limit, bool line)
{
    fflush(stdout);
    Buf b = BUF_INIT;
    int64_t count = 0;
    int c;
    vm_gil_release();       /* the loop touches no Python object (gil.h) */
    while ((limit < 0 || count < limit) && (c = getchar()) != EOF) {
        buf_putc(&b, (char)c);
        if (st->binary || (c & 0xc0) != 0x80)
            count++;
        if (!st->binary && (c & 0xe0) == 0xc0) {
            /* keep a character's continuation bytes with it */
        }
        if (line && c == '\n')
            break;
    }
    vm_gil_acquire();
    Obj *r;
    if (st->binary) {
        r = vm_bytes_new(b.data ? b.data : "", b.len);
    } else {
        size_t valid = ls_utf8_valid_prefix(b.data ? b.data : "", b.len);
        r = vm_str_new(b.data ? b.data : "", valid);
    }
    buf_free(&b);
    return r;
}

static int limit_arg(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                     int64_t *out)
{
    *out = -1;
    if (vm_nokw(fname, kwnames) < 0 || vm_argc(fname, nargs, 0, 1) < 0)
        return -1;
    if (nargs && args[0] != VM_NONE)
        return vm_index(args[0], out, "size");
    return 0;
}

static Obj *stream_read(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    StreamObj *st = (StreamObj *)self;
    int64_t n;
    if (limit_arg("read", args, nargs, kwnames, &n) < 0)
        return NULL;
    if (st->which != S_STDIN)
        return stream_unsupported(st->binary ? "read" : "not readable");
    return stdin_read(st, n, false);
}

static Obj *stream_readline(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    StreamObj *st = (StreamObj *)self;
    int64_t n;
    if (limit_arg("readline", args, nargs, kwnames, &n) < 0)
        return NULL;
    if (st->which != S_STDIN)
        return stream_unsupported(st->binary ? "readline" : "not readable");
    return stdin_read(st, n, true);
}

static Obj *stream_iternext(Obj *self)
{
    StreamObj *st = (StreamObj *)self;
    if (st->which != S_STDIN)
        return stream_unsupported("not readable");
    Obj *line = stdin_read(st, -1, true);
    if (line && vm_len(line) == 0)
        CLEAR(line);
    return line;
}

static Obj *stream_readlines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *l = vm_list_new(0), *x;
    while ((x = stream_iternext(self)) != NULL) {
        vm_list_append(l, x);
        DECREF(x);
    }
    if (vm_err_occurred())
        CLEAR(l);
    return l;
}

static Obj *stream_iter(Obj *self)
{
    return vm_newref(self);
}

static Obj *stream_fileno(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(((StreamObj *)self)->which);
}

static Obj *stream_isatty(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return VM_BOOL(isatty(((StreamObj *)self)->which));
}

static Obj *stream_readable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return VM_BOOL(((StreamObj *)self)->which == S_STDIN);
}

static Obj *stream_writable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return VM_BOOL(((StreamObj *)self)->which != S_STDIN);
}

static Obj *stream_none(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_newref(VM_NONE);
}

/* `with sys.stdout as f:` gives the stream; leaving flushes it (the
 * standard streams stay open in pyvm: closing one is a flush) */
static Obj *stream_enter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_newref(self);
}

static Obj *stream_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return stream_flush(self, NULL, 0, NULL);
}

static Obj *stream_getattr(Obj *o, Obj *name)
{
    StreamObj *st = (StreamObj *)o;
    if (vm_str_eqc(name, "name"))
        return vm_str_cstr(stream_names[st->which]);
    if (vm_str_eqc(name, "mode"))
        return vm_str_cstr(st->which == S_STDIN ? (st->binary ? "rb" : "r")
                           : (st->binary ? "wb" : "w"));
    if (vm_str_eqc(name, "closed"))
        return VM_BOOL(false);
    if (!st->binary && vm_str_eqc(name, "encoding"))
        return vm_str_cstr("utf-8");
    if (!st->binary && vm_str_eqc(name, "errors"))
        return vm_str_cstr(st->which == S_STDERR ? "backslashreplace" : stdio_errors());
    if (!st->binary && vm_str_eqc(name, "buffer"))
        return vm_newref((Obj *)(st->which == S_STDIN ? &stdin_buf
                                 : st->which == S_STDOUT ? &stdout_buf : &stderr_buf));
    if (!st->binary && vm_str_eqc(name, "line_buffering"))
        return VM_BOOL(st->which == S_STDERR);
    return NULL;
}

static const MethodDef stream_methods[] = {
    {"write", stream_write},
    {"writelines", stream_writelines},
    {"flush", stream_flush},
    {"read", stream_read},
    {"readline", stream_readline},
    {"readlines", stream_readlines},
    {"fileno", stream_fileno},
    {"isatty", stream_isatty},
    {"readable", stream_readable},
    {"writable", stream_writable},
    {"close", stream_none},
    {"__enter__", stream_enter},
    {"__exit__", stream_exit},
    {NULL, NULL},
};

static Obj *stream_repr(Obj *o)
{
    StreamObj *st = (StreamObj *)o;
    char buf[128];
    if (st->binary)
        snprintf(buf, sizeof buf, "<_io.Buffered%s name='%s'>",
                 st->which == S_STDIN ? "Reader" : "Writer", stream_names[st->which]);
    else
        snprintf(buf, sizeof buf, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>",
                 stream_names[st->which], st->which == S_STDIN ? "r" : "w");
    return vm_str_cstr(buf);
}

static Type stream_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "TextIOWrapper",
    .base = &vm_object_type,
    .basicsize = sizeof(StreamObj),
    .repr = stream_repr,
    .iter = stream_iter,
    .iternext = stream_iternext,
    .getattr = stream_getattr,
    .methods = stream_methods,
};

/* sys.float_info, sys.int_info, sys.hash_info: struct sequences (structseq.h) */
static const char *const float_info_fields[] = {
    "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig",
    "epsilon", "radix", "rounds"};
static const StructSeqDesc float_info_desc = {"sys.float_info", float_info_fields, 11, 11, true};
static const char *const int_info_fields[] = {
    "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"};
static const StructSeqDesc int_info_desc = {"sys.int_info", int_info_fields, 4, 4, true};
static const char *const hash_info_fields[] = {
    "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"};
static const StructSeqDesc hash_info_desc = {"sys.hash_info", hash_info_fields, 9, 9, true};

static void add_structseq(Obj *m, const char *name, const StructSeqDesc *d, Obj **vals)
{
    Obj *o = vm_structseq_new(d, vals);
    vm_module_add(m, name, o);
    DECREF(o);
}

static void add_infos(Obj *m)
{
    Obj *fv[11] = {vm_float_new(DBL_MAX), vm_int_from_i64(DBL_MAX_EXP),
                   vm_int_from_i64(DBL_MAX_10_EXP), vm_float_new(DBL_MIN),
                   vm_int_from_i64(DBL_MIN_EXP), vm_int_from_i64(DBL_MIN_10_EXP),
                   vm_int_from_i64(DBL_DIG), vm_int_from_i64(DBL_MANT_DIG),
                   vm_float_new(DBL_EPSILON), vm_int_from_i64(FLT_RADIX), vm_int_from_i64(1)};
    add_structseq(m, "float_info", &float_info_desc, fv);
    Obj *iv[4] = {vm_int_from_i64(30), vm_int_from_i64(4),
                  vm_int_from_i64(VM_INT_MAX_STR_DIGITS), vm_int_from_i64(640)};
    add_structseq(m, "int_info", &int_info_desc, iv);
    Obj *hv[9] = {vm_int_from_i64(64), vm_int_from_i64(((int64_t)1 << 61) - 1),
                  vm_int_from_i64(314159), vm_int_from_i64(0), vm_int_from_i64(1000003),
                  vm_str_cstr("siphash13"), vm_int_from_i64(64), vm_int_from_i64(128),
                  vm_int_from_i64(0)};
    add_structseq(m, "hash_info", &hash_info_desc, hv);
}

static Obj *sys_get_int_max_str_digits(Obj *self, Obj *const *args, size_t nargs,
                                       Obj *kwnames)
{
    if (vm_nokw("get_int_max_str_digits", kwnames) < 0
        || vm_argc("get_int_max_str_digits", nargs, 0, 0) < 0)
        return NULL;
    return vm_int_from_i64(vm_int_max_str_digits);
}

static Obj *sys_set_int_max_str_digits(Obj *self, Obj *const *args, size_t nargs,
                                       Obj *kwnames)
{
    Obj *arg = nargs == 1 ? args[0] : NULL;
    if (kwnames && !(TUPLE_LEN(kwnames) == 1 && nargs == 1
                     && vm_str_eqc(TUPLE_ITEMS(kwnames)[0], "maxdigits")))
        return vm_err_str(&vm_exc_TypeError, "set_int_max_str_digits() got an unexpected "
                          "keyword argument");
    if (!arg)
        return vm_err_str(&vm_exc_TypeError, "set_int_max_str_digits() missing required "
                          "argument 'maxdigits' (pos 1)");
    int64_t n;
    if (vm_index(arg, &n, "maxdigits") < 0)
        return NULL;
    if (n != 0 && n < 640)
        return vm_err_str(&vm_exc_ValueError, "maxdigits must be 0 or larger than 640");
    vm_int_max_str_digits = n > INT32_MAX ? INT32_MAX : (int)n;
    return vm_newref(VM_NONE);
}

static Obj *sys_exception(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("exception", kwnames) < 0 || vm_argc("exception", nargs, 0, 0) < 0)
        return NULL;
    Obj *e = vm_exc.handled;
    return vm_newref(e ? e : VM_NONE);
}

/* sys.excepthook(type, value, traceback) (also sys.__excepthook__): print
 * value with its traceback as an uncaught exception is printed. */
static Obj *sys_excepthook(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("excepthook", kwnames) < 0 || vm_argc("excepthook", nargs, 3, 3) < 0)
        return NULL;
    if (HAS_FLAG(args[1], TF_EXC))
        vm_print_exception(args[1]);
    return vm_newref(VM_NONE);
}

static Obj *sys_getdefaultencoding(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_str_cstr("utf-8");
}

/* sys.getsizeof: CPython's sizes for the common types (64-bit build),
 * the type's basic size otherwise. */
static Obj *sys_getsizeof(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("getsizeof", nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0), 1, 2) < 0)
        return NULL;
    Obj *o = args[0];
    Type *t = TYPE(o);
    int64_t size;
    if (t->flags & TF_HEAP) {
        /* a class's instance: its __sizeof__() plus CPython's pre-header,
         * the GC links and, for instances with a __dict__, the dict slot */
        bool found;
        Obj *r = vm_call_special(o, "__sizeof__", NULL, 0, &found);
        if (!found || !r || !INT_CHECK(r) || vm_int_as_i64(r, &size) < 0) {
            if (found && r && !vm_err_occurred())
                vm_err_str(&vm_exc_TypeError, "an integer is required");
            XDECREF(r);
            if (!found)
                vm_err_fmt(&vm_exc_TypeError, "Type %s doesn't define __sizeof__", t->name);
            Obj *dflt = nargs > 1 ? args[1] : NULL;
            if (dflt && vm_err_matches(&vm_exc_TypeError)) {
                vm_err_clear();
                return vm_newref(dflt);
            }
            return NULL;
        }
        DECREF(r);
        if (size < 0)
            return vm_err_str(&vm_exc_ValueError, "__sizeof__() should return >= 0");
        Obj **dp = vm_dictptr(o);
        return vm_int_from_i64(size + 16 + (dp ? 16 : 0));
    }
    if (t == &vm_object_type) {
        size = 16;
    } else if (t == &vm_int_type || t == &vm_bool_type) {
        int64_t bits = vm_int_bit_length(o);
        size = 24 + 4 * (bits == 0 ? 1 : (bits + 29) / 30);
    } else if (t == &vm_float_type) {
        size = 24;
    } else if (STR_CHECK(o)) {
        StrObj *s = (StrObj *)o;
        size = s->len == s->ulen ? 49 + s->len : 74 + 4 * s->ulen;
    } else if (BYTES_CHECK(o)) {
        size = 33 + ((BytesObj *)o)->len;
    } else if (TUPLE_CHECK(o)) {
        size = 40 + 8 * TUPLE_LEN(o);
    } else if (HAS_FLAG(o, TF_LIST)) {
        size = 56 + 8 * LIST_LEN(o);
    } else if (o == VM_NONE) {
        size = 16;
    } else {
        size = (int64_t)t->basicsize + 16;
    }
    return vm_int_from_i64(size);
}

/* sys.version_info: a struct sequence */
static const char *const vi_fields[5] = {"major", "minor", "micro", "releaselevel", "serial"};
static const StructSeqDesc vi_desc = {"sys.version_info", vi_fields, 5, 5, false};

static Obj *sys_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("exit", kwnames) < 0 || vm_argc("exit", nargs, 0, 1) < 0)
        return NULL;
    /* as CPython's PyErr_SetObject: None means no args, a tuple is the args */
    Obj *e;
    if (nargs && args[0] == VM_NONE)
        e = vm_exc_new(&vm_exc_SystemExit, NULL, 0);
    else if (nargs && TYPE(args[0]) == &vm_tuple_type)
        e = vm_exc_new(&vm_exc_SystemExit, TUPLE_ITEMS(args[0]), (size_t)TUPLE_LEN(args[0]));
    else
        e = vm_exc_new(&vm_exc_SystemExit, args, nargs);
    vm_err_set(e);
    DECREF(e);
    return NULL;
}

static Obj *sys_setrecursionlimit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("setrecursionlimit", kwnames) < 0
        || vm_argc("setrecursionlimit", nargs, 1, 1) < 0)
        return NULL;
    if (!INT_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          vm_tname(args[0]));
    int64_t n;
    if (vm_int_as_i64(args[0], &n) < 0)
        return NULL;
    if (n < 1)
        return vm_err_str(&vm_exc_ValueError, "recursion limit must be greater or equal than 1");
    vm_recursion_limit = n > 1000000 ? 1000000 : (int)n;
    return vm_newref(VM_NONE);
}

static Obj *sys_getrecursionlimit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(vm_recursion_limit);
}

/* sys._getframe([depth]) (eval.c) */
static Obj *sys_getframe(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("_getframe", kwnames) < 0 || vm_argc("_getframe", nargs, 0, 1) < 0)
        return NULL;
    int64_t depth = 0;
    if (nargs && vm_index(args[0], &depth, "_getframe") < 0)
        return NULL;
    return vm_getframe(depth);
}

static Obj *sys_exc_info(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *t = vm_tuple_new(3);
    Obj *e = vm_exc.handled;
    if (!e || e == VM_NONE) {
        for (int i = 0; i < 3; i++)
            TUPLE_ITEMS(t)[i] = vm_newref(VM_NONE);
        return t;
    }
    TUPLE_ITEMS(t)[0] = vm_newref((Obj *)TYPE(e));
    TUPLE_ITEMS(t)[1] = vm_newref(e);
    Obj *tb = ((ExcObj *)e)->tb;
    TUPLE_ITEMS(t)[2] = vm_newref(tb ? tb : VM_NONE);
    return t;
}

static Obj *sys_intern(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("intern", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "intern() argument must be str, not %s",
                          vm_tname(args[0]));
    return vm_str_intern(STR_DATA(args[0]), (size_t)STR_LEN(args[0]));
}

/* ---- the rest of sys: hooks, interpreter facts, flags ---- */

static int64_t dlopen_flags = 2;        /* RTLD_NOW */
static int64_t coro_depth;

static Obj *sys_getrefcount(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("getrefcount", kwnames) < 0 || vm_argc("getrefcount", nargs, 1, 1) < 0)
        return NULL;
    return vm_int_from_i64((int64_t)args[0]->refcnt);
}

static Obj *sys_false(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return VM_BOOL(false);
}

static Obj *sys_getswitchinterval(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_float_new(vm_switch_interval);   /* gil.h */
}

static Obj *sys_setswitchinterval(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("setswitchinterval", kwnames) < 0
        || vm_argc("setswitchinterval", nargs, 1, 1) < 0)
        return NULL;
    double d;
    if (FLOAT_CHECK(args[0]))
        d = FLOAT_VAL(args[0]);
    else if (INT_CHECK(args[0])) {
        if (vm_int_as_double(args[0], &d) < 0)
            return NULL;
    } else
        return vm_err_fmt(&vm_exc_TypeError, "must be real number, not %s", vm_tname(args[0]));
    if (!(d > 0))
        return vm_err_str(&vm_exc_ValueError, "switch interval must be strictly positive");
    vm_switch_interval = d;
    return vm_newref(VM_NONE);
}

/* sys.settrace, sys.setprofile: the hooks the loop calls (trace.c). */
static Obj *sys_settrace(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("sys.settrace", kwnames) < 0 || vm_argc("sys.settrace", nargs, 1, 1) < 0)
        return NULL;
    vm_trace_set(args[0] == VM_NONE ? NULL : args[0]);
    return vm_newref(VM_NONE);
}

static Obj *sys_setprofile(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("sys.setprofile", kwnames) < 0
        || vm_argc("sys.setprofile", nargs, 1, 1) < 0)
        return NULL;
    vm_profile_set(args[0] == VM_NONE ? NULL : args[0]);
    return vm_newref(VM_NONE);
}

static Obj *sys_gettrace(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *t = vm_tracestate.tracefunc;
    return vm_newref(t ? t : VM_NONE);
}

static Obj *sys_getprofile(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *p = vm_tracestate.profileobj;
    return vm_newref(p ? p : VM_NONE);
}

/* sys.displayhook(value): the interactive echo: repr to stdout, kept in
 * builtins._ (None prints nothing). */
static Obj *sys_displayhook(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("displayhook", kwnames) < 0 || vm_argc("displayhook", nargs, 1, 1) < 0)
        return NULL;
    if (args[0] == VM_NONE)
        return vm_newref(VM_NONE);
    Obj *under = vm_str_intern("_", 1);
    if (vm_builtins && vm_dict_set(vm_builtins, under, VM_NONE) < 0)
        return NULL;
    Obj *out = vm_sys_attr("stdout");
    if (!out || out == VM_NONE)
        return vm_err_str(&vm_exc_RuntimeError, "lost sys.stdout");
    Obj *r = vm_repr(args[0]);
    if (!r)
        return NULL;
    if (out == vm_sys_stdout) {
        vm_write_stdout(STR_DATA(r), (size_t)STR_LEN(r));
        vm_write_stdout("\n", 1);
    } else {    /* a replaced sys.stdout (doctest's): its write method */
        Obj *nl = vm_str_new("\n", 1), *parts[2] = {r, nl};
        Obj *write = vm_getattr(out, vm_str_intern("write", 5));
        for (int i = 0; write && i < 2; i++) {
            Obj *w = vm_call(write, &parts[i], 1, NULL);
            if (!w) {
                DECREF(write);
                write = NULL;
            }
            XDECREF(w);
        }
        DECREF(nl);
        if (!write) {
            DECREF(r);
            return NULL;
        }
        DECREF(write);
    }
    DECREF(r);
    if (vm_builtins && vm_dict_set(vm_builtins, under, args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *sys_call_tracing(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("call_tracing", kwnames) < 0 || vm_argc("call_tracing", nargs, 2, 2) < 0)
        return NULL;
    if (!TUPLE_CHECK(args[1]))
        return vm_err_fmt(&vm_exc_TypeError, "call_tracing() argument 2 must be tuple, not %s",
                          vm_tname(args[1]));
    /* traced even when called by a trace function (pdb's debug command) */
    return vm_trace_call_tracing(args[0], TUPLE_ITEMS(args[1]), (size_t)TUPLE_LEN(args[1]));
}

static Obj *sys_getdlopenflags(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(dlopen_flags);
}

static Obj *sys_setdlopenflags(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("setdlopenflags", kwnames) < 0 || vm_argc("setdlopenflags", nargs, 1, 1) < 0
        || vm_index(args[0], &dlopen_flags, "flags") < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *sys_getallocatedblocks(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(0);
}

static Obj *sys_get_coro_depth(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(coro_depth);
}

static Obj *sys_set_coro_depth(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t d;
    if (vm_argc("set_coroutine_origin_tracking_depth", nargs, 1, 1) < 0
        || vm_index(args[0], &d, "depth") < 0)
        return NULL;
    if (d < 0)
        return vm_err_str(&vm_exc_ValueError, "depth must be >= 0");
    coro_depth = d;
    return vm_newref(VM_NONE);
}

static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
    "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
    "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
    "warn_default_encoding", "safe_path", "int_max_str_digits"};
static const StructSeqDesc flags_desc = {"sys.flags", flags_fields, 18, 18, false};
static const char *const thread_info_fields[] = {"name", "lock", "version"};
static const StructSeqDesc thread_info_desc = {"sys.thread_info", thread_info_fields, 3, 3, true};

/* An environment variable as CPython's start-up reads a flag from it:
 * unset or empty 0, a number that number, anything else 1. */
static int64_t env_flag(const char *name)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return 0;
    char *end;
    long n = strtol(v, &end, 10);
    return *end ? 1 : n < 1 ? 1 : n;
}

/* The executable: pyrun beside this pyvm (what runs a .py file). */
static Obj *executable_path(void)
{
    char path[4096];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 8);
    if (n <= 0)
        return vm_str_cstr("");
    path[n] = 0;
    char *slash = strrchr(path, '/');
    if (slash)
        strcpy(slash + 1, "pyrun");
    return vm_str_cstr(path);
}

static void add_more(Obj *m)
{
    static const struct { const char *name; CFunc fn; } funcs[] = {
        {"getrefcount", sys_getrefcount}, {"is_finalizing", sys_false},
        {"getswitchinterval", sys_getswitchinterval},
        {"setswitchinterval", sys_setswitchinterval},
        {"settrace", sys_settrace}, {"gettrace", sys_gettrace},
        {"setprofile", sys_setprofile}, {"getprofile", sys_getprofile},
        {"displayhook", sys_displayhook}, {"call_tracing", sys_call_tracing},
        {"getdlopenflags", sys_getdlopenflags}, {"setdlopenflags", sys_setdlopenflags},
        {"getallocatedblocks", sys_getallocatedblocks},
        {"get_coroutine_origin_tracking_depth", sys_get_coro_depth},
        {"set_coroutine_origin_tracking_depth", sys_set_coro_depth},
    };
    for (size_t i = 0; i < sizeof funcs / sizeof *funcs; i++)
        vm_module_add_func(m, funcs[i].name, funcs[i].fn);
    Obj *dh = vm_dict_get_str(((ModuleObj *)m)->dict, vm_str_intern("displayhook", 11));
    vm_module_add(m, "__displayhook__", dh);

    static const struct { const char *name; const char *v; } strs[] = {
        {"abiflags", ""}, {"platlibdir", "lib"}, {"float_repr_style", "short"},
        {"_stdlib_dir", "/usr/lib/python3.11"}, {"_framework", ""},
        {"copyright", "Copyright (c) 2001-2023 Python Software Foundation.\n"
         "All Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"
         "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n"
         "All Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, "
         "Amsterdam.\nAll Rights Reserved."},
    };
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++) {
        Obj *v = vm_str_cstr(strs[i].v);
        vm_module_add(m, strs[i].name, v);
        DECREF(v);
    }
    Obj *v = vm_int_from_i64(1013);
    vm_module_add(m, "api_version", v);
    DECREF(v);
    v = vm_int_from_i64(0x030b02f0);
    vm_module_add(m, "hexversion", v);
    DECREF(v);
    v = executable_path();
    vm_module_add(m, "executable", v);
    vm_module_add(m, "_base_executable", v);
    Obj *orig = vm_list_new(0);
    vm_list_append(orig, v);
    DECREF(v);
    Obj *argv = vm_dict_get_str(((ModuleObj *)m)->dict, vm_str_intern("argv", 4));
    for (ssize_t i = 0; argv && i < LIST_LEN(argv); i++)
        vm_list_append(orig, LIST_ITEMS(argv)[i]);
    vm_module_add(m, "orig_argv", orig);
    DECREF(orig);

    Obj *names = vm_set_new(&vm_frozenset_type);
#define NAME(s) do { Obj *n_ = vm_str_cstr(s); if (vm_set_add(names, n_) < 0) vm_err_clear(); \
    DECREF(n_); } while (0);
#include "cmd/pyvm/stdlib_names.def"
#undef NAME
    vm_module_add(m, "stdlib_module_names", names);
    DECREF(names);

    /* sys.flags, from the environment as CPython's start-up reads it */
    const char *seed = getenv("PYTHONHASHSEED");
    const char *digits = getenv("PYTHONINTMAXSTRDIGITS");
    const char *utf8 = getenv("PYTHONUTF8");
    Obj *fv[18] = {
        vm_int_from_i64(env_flag("PYTHONDEBUG")), vm_int_from_i64(env_flag("PYTHONINSPECT")),
        vm_int_from_i64(0), vm_int_from_i64(env_flag("PYTHONOPTIMIZE")),
        vm_int_from_i64(env_flag("PYTHONDONTWRITEBYTECODE") != 0),
        vm_int_from_i64(env_flag("PYTHONNOUSERSITE") != 0), vm_int_from_i64(0),
        vm_int_from_i64(0), vm_int_from_i64(env_flag("PYTHONVERBOSE")), vm_int_from_i64(0),
        vm_int_from_i64(0), vm_int_from_i64(!(seed && !strcmp(seed, "0"))),
        vm_int_from_i64(0), VM_BOOL(env_flag("PYTHONDEVMODE") != 0),
        vm_int_from_i64(utf8 && !strcmp(utf8, "1")),
        vm_int_from_i64(env_flag("PYTHONWARNDEFAULTENCODING") != 0),
        VM_BOOL(env_flag("PYTHONSAFEPATH") != 0),
        vm_int_from_i64(digits && *digits ? atoi(digits) : -1)};
    add_structseq(m, "flags", &flags_desc, fv);
    v = VM_BOOL(env_flag("PYTHONDONTWRITEBYTECODE") != 0);
    vm_module_add(m, "dont_write_bytecode", v);
    DECREF(v);
    Obj *tv[3] = {vm_str_cstr("pthread"), vm_str_cstr("semaphore"), vm_str_cstr("NPTL 2.36")};
    add_structseq(m, "thread_info", &thread_info_desc, tv);
}

/* The errors handler of stdin and stdout: surrogateescape under the C
 * locale and its UTF-8 forms (as CPython's locale coercion), else strict. */
static const char *stdio_errors(void)
{
    const char *loc = getenv("LC_ALL");
    if (!loc || !*loc)
        loc = getenv("LC_CTYPE");
    if (!loc || !*loc)
        loc = getenv("LANG");
    if (!loc || !*loc || !strcmp(loc, "C") || !strcmp(loc, "POSIX") || !strcmp(loc, "C.UTF-8")
        || !strcmp(loc, "C.utf8") || !strcmp(loc, "UTF-8"))
        return "surrogateescape";
    return "strict";
}

Obj *vm_mod_sys(void)
{
    Obj *m = vm_module_new("sys");
    if (!m)
        return NULL;
    vm_type_ready(&stream_type);
    Obj *argv = vm_list_new(0);
    Obj *a0 = vm_str_cstr(vm_argv0 ? vm_argv0 : "");
    vm_list_append(argv, a0);
    DECREF(a0);
    for (int i = 0; i < vm_nargs; i++) {
        Obj *a = vm_str_cstr(vm_args[i]);
        vm_list_append(argv, a);
        DECREF(a);
    }
    vm_module_add(m, "argv", argv);
    DECREF(argv);
    vm_module_add_func(m, "exit", sys_exit);
    vm_module_add_func(m, "setrecursionlimit", sys_setrecursionlimit);
    vm_module_add_func(m, "getrecursionlimit", sys_getrecursionlimit);
    vm_module_add_func(m, "exc_info", sys_exc_info);
    vm_module_add_func(m, "_getframe", sys_getframe);
    vm_module_add_func(m, "intern", sys_intern);
    vm_module_add(m, "stdin", (Obj *)&stdin_obj);
    vm_module_add(m, "stdout", vm_sys_stdout);
    vm_module_add(m, "stderr", vm_sys_stderr);
    vm_module_add(m, "__stdin__", (Obj *)&stdin_obj);
    vm_module_add(m, "__stdout__", vm_sys_stdout);
    vm_module_add(m, "__stderr__", vm_sys_stderr);
    vm_module_add(m, "modules", vm_sys_modules_dict());
    vm_module_add_func(m, "get_int_max_str_digits", sys_get_int_max_str_digits);
    vm_module_add_func(m, "set_int_max_str_digits", sys_set_int_max_str_digits);
    vm_module_add_func(m, "exception", sys_exception);
    vm_module_add_func(m, "set_asyncgen_hooks", vm_sys_set_asyncgen_hooks);
    vm_module_add_func(m, "get_asyncgen_hooks", vm_sys_get_asyncgen_hooks);
    vm_module_add_func(m, "getdefaultencoding", sys_getdefaultencoding);
    vm_module_add_func(m, "getfilesystemencoding", sys_getdefaultencoding);
    vm_module_add_func(m, "getsizeof", sys_getsizeof);
    vm_module_add_func(m, "excepthook", sys_excepthook);
    vm_module_add(m, "__excepthook__", vm_dict_get_str(((ModuleObj *)m)->dict,
                                                       vm_str_intern("excepthook", 10)));
    vm_module_add_func(m, "unraisablehook", vm_sys_unraisablehook);   /* unraisable.c */
    vm_module_add(m, "__unraisablehook__", vm_dict_get_str(((ModuleObj *)m)->dict,
                                                           vm_str_intern("unraisablehook", 14)));
    add_infos(m);
    Obj *v = vm_int_from_i64(INT64_MAX);
    vm_module_add(m, "maxsize", v);
    DECREF(v);
    v = vm_int_from_i64(0x10ffff);
    vm_module_add(m, "maxunicode", v);
    DECREF(v);
    v = vm_str_cstr("linux");
    vm_module_add(m, "platform", v);
    DECREF(v);
    v = vm_str_cstr("little");
    vm_module_add(m, "byteorder", v);
    DECREF(v);
    Obj *vi[5] = {vm_int_from_i64(3), vm_int_from_i64(11), vm_int_from_i64(2),
                  vm_str_cstr("final"), vm_int_from_i64(0)};
    add_structseq(m, "version_info", &vi_desc, vi);
    /* in CPython's layout, "VERSION (BUILD, DATE, TIME) [COMPILER]", which
     * platform.python_build() and friends parse */
    v = vm_str_cstr("3.11.2 (pyvm-" LS_VERSION ", Nov 26 2026, 00:00:00) [C11]");
    vm_module_add(m, "version", v);
    DECREF(v);
    add_more(m);
    vm_sys_import_attrs(m);     /* path, meta_path, builtin_module_names, ... (module.c) */
    return m;
}
