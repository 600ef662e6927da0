/* cmd/pyvm/mod_sys.c: the built-in module sys (argv, exit, recursion
 * limit, stdout/stderr, modules, maxsize, ...).
 *
 * Stage: pyvm.
 */
#include "cmd/pyvm/module.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/main.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

void vm_write_stdout(const char *s, size_t n)
{
    fwrite(s, 1, n, stdout);
}

void vm_write_stderr(const char *s, size_t n)
{
    fflush(stdout);
    fwrite(s, 1, n, stderr);
}

/* sys.stdout and sys.stderr */
typedef struct StreamObj {
    Obj ob;
    bool err;               /* stderr */
} StreamObj;

static Obj *stream_write(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("write", kwnames) < 0 || vm_argc("write", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "write() argument must be str, not %s",
                          vm_tname(args[0]));
    if (((StreamObj *)self)->err)
        vm_write_stderr(STR_DATA(args[0]), (size_t)STR_LEN(args[0]));
    else
        vm_write_stdout(STR_DATA(args[0]), (size_t)STR_LEN(args[0]));
    return vm_int_from_i64(((StrObj *)args[0])->ulen);
}

static Obj *stream_flush(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    fflush(((StreamObj *)self)->err ? stderr : stdout);
    return vm_newref(VM_NONE);
}

static const MethodDef stream_methods[] = {
    {"write", stream_write},
    {"flush", stream_flush},
    {NULL, NULL},
};

static Obj *stream_repr(Obj *o)
{
    return vm_str_cstr(((StreamObj *)o)->err
                       ? "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"
                       : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
}

static Type stream_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "TextIOWrapper",
    .base = &vm_object_type,
    .basicsize = sizeof(StreamObj),
    .repr = stream_repr,
    .methods = stream_methods,
};

static StreamObj stdout_obj = {OBJ_HEAD_INIT(&stream_type), false};
static StreamObj stderr_obj = {OBJ_HEAD_INIT(&stream_type), true};
Obj *vm_sys_stdout = (Obj *)&stdout_obj;
Obj *vm_sys_stderr = (Obj *)&stderr_obj;

/* sys.version_info: a tuple with named fields (a struct sequence) */
typedef struct VersionInfo {
    Obj ob;
    Obj *t;                 /* the tuple (major, minor, micro, releaselevel, serial) */
} VersionInfo;

static const char *const vi_fields[5] = {"major", "minor", "micro", "releaselevel", "serial"};

static Obj *vi_getattr(Obj *o, Obj *name)
{
    for (int i = 0; i < 5; i++)
        if (vm_str_eqc(name, vi_fields[i]))
            return vm_newref(TUPLE_ITEMS(((VersionInfo *)o)->t)[i]);
    return NULL;
}

static Obj *vi_repr(Obj *o)
{
    Obj *t = ((VersionInfo *)o)->t;
    Obj *r4 = vm_repr(TUPLE_ITEMS(t)[3]);
    if (!r4)
        return NULL;
    char buf[200];
    snprintf(buf, sizeof buf, "sys.version_info(major=%lld, minor=%lld, micro=%lld, "
             "releaselevel=%s, serial=%lld)", (long long)INT_SMALL(TUPLE_ITEMS(t)[0]),
             (long long)INT_SMALL(TUPLE_ITEMS(t)[1]), (long long)INT_SMALL(TUPLE_ITEMS(t)[2]),
             STR_DATA(r4), (long long)INT_SMALL(TUPLE_ITEMS(t)[4]));
    DECREF(r4);
    return vm_str_cstr(buf);
}

static Obj *vi_getitem(Obj *o, Obj *k)
{
    return vm_getitem(((VersionInfo *)o)->t, k);
}

static ssize_t vi_len(Obj *o)
{
    return 5;
}

static Obj *vi_iter(Obj *o)
{
    return vm_iter(((VersionInfo *)o)->t);
}

static Obj *vi_richcmp(Obj *a, Obj *b, int op)
{
    Obj *x = TUPLE_CHECK(a) ? a : ((VersionInfo *)a)->t;
    Obj *y = TUPLE_CHECK(b) ? b : TYPE(b) == TYPE(a) ? ((VersionInfo *)b)->t : NULL;
    if (!y)
        return vm_newref(VM_NOTIMPL);
    return vm_richcmp(x, y, op);
}

static Type vi_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "sys.version_info",
    .base = &vm_object_type,
    .basicsize = sizeof(VersionInfo),
    .repr = vi_repr,
    .richcmp = vi_richcmp,
    .len = vi_len,
    .getitem = vi_getitem,
    .iter = vi_iter,
    .getattr = vi_getattr,
};

static Obj *sys_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("exit", kwnames) < 0 || vm_argc("exit", nargs, 0, 1) < 0)
        return NULL;
    Obj *e = vm_exc_new(&vm_exc_SystemExit, args, nargs);
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
        return vm_err_str(&vm_exc_TypeError, "'float' object cannot be interpreted as an integer");
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
    vm_module_add_func(m, "intern", sys_intern);
    vm_module_add(m, "stdout", vm_sys_stdout);
    vm_module_add(m, "stderr", vm_sys_stderr);
    vm_module_add(m, "modules", vm_sys_modules_dict());
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
    VersionInfo *info = vm_alloc(&vi_type, 0);
    info->t = vm_tuple_from(vi, 5);
    for (int i = 0; i < 5; i++)
        DECREF(vi[i]);
    vm_module_add(m, "version_info", (Obj *)info);
    DECREF(info);
    v = vm_str_cstr("3.11.2 (pyvm " LS_VERSION ")");
    vm_module_add(m, "version", v);
    DECREF(v);
    return m;
}
