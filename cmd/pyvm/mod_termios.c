/* cmd/pyvm/mod_termios.c: the termios module: tcgetattr, tcsetattr,
 * tcsendbreak, tcdrain, tcflush, tcflow, tcgetwinsize, tcsetwinsize,
 * termios.error and the constants of termios.def, as CPython 3.11's.
 *
 * Stage: pyvm.  tcgetattr's result is [iflag, oflag, cflag, lflag,
 * ispeed, ospeed, cc] with cc a list of NCCS one-byte bytes objects (VMIN
 * and VTIME as ints when ICANON is off).  A failing call raises
 * termios.error(errno, strerror) ("(25, 'Inappropriate ioctl for
 * device')" on a descriptor that is not a terminal).
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fdarg.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

static Obj *termios_error;      /* termios.error, a class of the module's Python half */

/* termios.error(errno, strerror(errno)) */
static Obj *tc_err(int e)
{
    Obj *v[2] = {vm_int_from_i64(e), vm_str_cstr(strerror(e))};
    Obj *exc = vm_call(termios_error, v, 2, NULL);
    DECREF(v[0]);
    DECREF(v[1]);
    if (exc) {
        vm_err_set(exc);
        DECREF(exc);
    }
    return NULL;
}

/* The descriptor argument of a one-descriptor function. */
static int fd_and_ints(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                       size_t n, int *fd, int *v)
{
    if (vm_nokw(fname, kwnames) < 0)
        return -1;
    if (nargs != n) {
        if (n == 1)
            vm_err_fmt(&vm_exc_TypeError, "termios.%s() takes exactly one argument (%zu "
                       "given)", fname, nargs);
        else
            vm_err_fmt(&vm_exc_TypeError, "%s expected %zu arguments, got %zu", fname, n,
                       nargs);
        return -1;
    }
    if (vm_fd_arg(args[0], fd) < 0)
        return -1;
    for (size_t i = 1; i < n; i++)
        if (vm_cint_arg(args[i], &v[i - 1]) < 0)
            return -1;
    return 0;
}

/* tcgetattr(fd, /) */
static Obj *tc_tcgetattr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd;
    if (fd_and_ints("tcgetattr", args, nargs, kwnames, 1, &fd, NULL) < 0)
        return NULL;
    struct termios t;
    if (tcgetattr(fd, &t) < 0)
        return tc_err(errno);
    Obj *cc = vm_list_new(0);
    for (int i = 0; i < NCCS; i++) {
        char c = (char)t.c_cc[i];
        Obj *b = vm_bytes_new(&c, 1);
        vm_list_append(cc, b);
        DECREF(b);
    }
    if (!(t.c_lflag & ICANON)) {
        int idx[2] = {VMIN, VTIME};
        for (int k = 0; k < 2; k++) {
            Obj *n = vm_int_from_i64(t.c_cc[idx[k]]);
            DECREF(LIST_ITEMS(cc)[idx[k]]);
            LIST_ITEMS(cc)[idx[k]] = n;
        }
    }
    int64_t f[6] = {t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag, cfgetispeed(&t),
                    cfgetospeed(&t)};
    Obj *l = vm_list_new(0);
    for (int i = 0; i < 6; i++) {
        Obj *n = vm_int_from_i64(f[i]);
        vm_list_append(l, n);
        DECREF(n);
    }
    vm_list_append(l, cc);
    DECREF(cc);
    return l;
}

/* One flag or speed of tcsetattr's list: an int (C long, truncated to
 * the field as CPython). */
static int attr_long(Obj *o, long *out)
{
    int64_t v;
    if (vm_clong_arg(o, &v) < 0)
        return -1;
    *out = (long)v;
    return 0;
}

/* tcsetattr(fd, when, attributes, /) */
static Obj *tc_tcsetattr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd, when;
    if (vm_nokw("tcsetattr", kwnames) < 0)
        return NULL;
    if (nargs != 3)
        return vm_err_fmt(&vm_exc_TypeError, "tcsetattr expected 3 arguments, got %zu", nargs);
    if (vm_fd_arg(args[0], &fd) < 0 || vm_cint_arg(args[1], &when) < 0)
        return NULL;
    Obj *a = args[2];
    if (!LIST_CHECK(a) || LIST_LEN(a) != 7)
        return vm_err_str(&vm_exc_TypeError, "tcsetattr, arg 3: must be 7 element list");
    struct termios t;
    if (tcgetattr(fd, &t) < 0)
        return tc_err(errno);
    long f[6];
    for (int i = 0; i < 6; i++)
        if (attr_long(LIST_ITEMS(a)[i], &f[i]) < 0)
            return NULL;
    Obj *cc = LIST_ITEMS(a)[6];
    if (!LIST_CHECK(cc) || LIST_LEN(cc) != NCCS)
        return vm_err_fmt(&vm_exc_TypeError, "tcsetattr: attributes[6] must be %d element list",
                          NCCS);
    t.c_iflag = (tcflag_t)f[0];
    t.c_oflag = (tcflag_t)f[1];
    t.c_cflag = (tcflag_t)f[2];
    t.c_lflag = (tcflag_t)f[3];
    for (int i = 0; i < NCCS; i++) {
        Obj *c = LIST_ITEMS(cc)[i];
        if (BYTES_CHECK(c) && ((BytesObj *)c)->len == 1) {
            t.c_cc[i] = (cc_t)((BytesObj *)c)->s[0];
        } else if (INT_CHECK(c)) {
            int v;
            if (vm_cint_arg(c, &v) < 0)
                return NULL;
            t.c_cc[i] = (cc_t)v;
        } else {
            return vm_err_str(&vm_exc_TypeError,
                              "tcsetattr: elements of attributes must be characters or integers");
        }
    }
    if (cfsetispeed(&t, (speed_t)f[4]) < 0 || cfsetospeed(&t, (speed_t)f[5]) < 0
        || tcsetattr(fd, when, &t) < 0)
        return tc_err(errno);
    return vm_newref(VM_NONE);
}

/* The four one-call functions: fd plus an int (or none). */
static Obj *tc_simple(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames, int op)
{
    int fd, v[1] = {0};
    if (fd_and_ints(fname, args, nargs, kwnames, op == 1 ? 1 : 2, &fd, v) < 0)
        return NULL;
    int rc = op == 0 ? tcsendbreak(fd, v[0]) : op == 1 ? tcdrain(fd)
        : op == 2 ? tcflush(fd, v[0]) : tcflow(fd, v[0]);
    if (rc < 0)
        return tc_err(errno);
    return vm_newref(VM_NONE);
}

static Obj *tc_tcsendbreak(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return tc_simple("tcsendbreak", args, nargs, kwnames, 0);
}

static Obj *tc_tcdrain(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return tc_simple("tcdrain", args, nargs, kwnames, 1);
}

static Obj *tc_tcflush(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return tc_simple("tcflush", args, nargs, kwnames, 2);
}

static Obj *tc_tcflow(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return tc_simple("tcflow", args, nargs, kwnames, 3);
}

/* tcgetwinsize(fd, /): (rows, columns) */
static Obj *tc_tcgetwinsize(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd;
    if (fd_and_ints("tcgetwinsize", args, nargs, kwnames, 1, &fd, NULL) < 0)
        return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0)
        return tc_err(errno);
    Obj *v[2] = {vm_int_from_i64(w.ws_row), vm_int_from_i64(w.ws_col)};
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

/* tcsetwinsize(fd, winsize, /): winsize a two-item sequence (rows, columns) */
static Obj *tc_tcsetwinsize(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int fd;
    if (vm_nokw("tcsetwinsize", kwnames) < 0)
        return NULL;
    if (nargs != 2)
        return vm_err_fmt(&vm_exc_TypeError, "tcsetwinsize expected 2 arguments, got %zu",
                          nargs);
    if (vm_fd_arg(args[0], &fd) < 0)
        return NULL;
    Obj *l = NULL;
    if (TUPLE_CHECK(args[1]) || LIST_CHECK(args[1]))
        l = vm_list_from_iter(args[1]);
    if (!l || LIST_LEN(l) != 2) {
        XDECREF(l);
        return vm_err_str(&vm_exc_TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
    }
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) {
        DECREF(l);
        return tc_err(errno);
    }
    int64_t rc[2];
    for (int i = 0; i < 2; i++) {
        if (vm_clong_arg(LIST_ITEMS(l)[i], &rc[i]) < 0) {
            DECREF(l);
            return NULL;
        }
        if (rc[i] < 0 || rc[i] > 0xffff) {
            DECREF(l);
            return vm_err_str(&vm_exc_OverflowError, "winsize value(s) out of range.");
        }
    }
    DECREF(l);
    w.ws_row = (unsigned short)rc[0];
    w.ws_col = (unsigned short)rc[1];
    if (ioctl(fd, TIOCSWINSZ, &w) < 0)
        return tc_err(errno);
    return vm_newref(VM_NONE);
}

static const MethodDef termios_funcs[] = {
    {"tcgetattr", tc_tcgetattr}, {"tcsetattr", tc_tcsetattr},
    {"tcsendbreak", tc_tcsendbreak}, {"tcdrain", tc_tcdrain}, {"tcflush", tc_tcflush},
    {"tcflow", tc_tcflow}, {"tcgetwinsize", tc_tcgetwinsize},
    {"tcsetwinsize", tc_tcsetwinsize},
    {NULL, NULL},
};

static const VmIntConst termios_consts[] = {
#define TC(name) {#name, (long)(name)},
#include "cmd/pyvm/termios.def"
#undef TC
#ifdef VSWTC
    {"VSWTCH", VSWTC},
#endif
};

static const char termios_src[] =
    "class error(Exception):\n"
    "    pass\n"
    "error.__module__ = 'termios'\n";

Obj *vm_mod_termios(void)
{
    Obj *m = vm_module_new("termios");
    if (!m)
        return NULL;
    for (const MethodDef *f = termios_funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
    vm_module_add_ints(m, termios_consts, sizeof termios_consts / sizeof *termios_consts);
    if (vm_frozen_exec(m, "termios", termios_src) < 0) {
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
    XDECREF(termios_error);
    termios_error = vm_newref(err);
    return m;
}
