/* cmd/pyvm/unraisable.c: unraisable exceptions and sys.unraisablehook
 * (unraisable.h).
 *
 * Stage: pyvm.  An exception raised where nobody can catch it (a __del__,
 * a weakref callback, a generator closed by its dealloc, an atexit
 * callback) is wrapped in an UnraisableHookArgs record (exc_type,
 * exc_value, exc_traceback, err_msg, object: CPython's structseq, read by
 * attribute or index) and passed to sys.unraisablehook.  The default hook
 * writes CPython's text to sys.stderr:
 *
 *     Exception ignored in: <function C.__del__ at 0x...>
 *     Traceback (most recent call last):
 *       ...
 *     ZeroDivisionError: division by zero
 *
 * If a replaced hook raises, its own exception is written the default way
 * under "Exception ignored in sys.unraisablehook: <hook>".
 */
#include "cmd/pyvm/unraisable.h"

#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"

/* The hook's argument: the fields in CPython's order. */
enum { UA_TYPE, UA_VALUE, UA_TB, UA_MSG, UA_OBJECT, UA_N };
static const char *const ua_names[UA_N] = {
    "exc_type", "exc_value", "exc_traceback", "err_msg", "object",
};

typedef struct UnraisableArgs {
    Obj ob;
    Obj *f[UA_N];           /* the fields, each a reference (None when absent) */
} UnraisableArgs;

static Type ua_type;

static void ua_dealloc(Obj *o)
{
    UnraisableArgs *u = (UnraisableArgs *)o;
    for (int i = 0; i < UA_N; i++)
        XDECREF(u->f[i]);
    vm_obj_free(o);
}

static Obj *ua_getattr(Obj *o, Obj *name)
{
    UnraisableArgs *u = (UnraisableArgs *)o;
    for (int i = 0; i < UA_N; i++)
        if (vm_str_eqc(name, ua_names[i]))
            return vm_newref(u->f[i]);
    return vm_generic_getattr(o, name);
}

static Obj *ua_getitem(Obj *o, Obj *key)
{
    if (!HAS_FLAG(key, TF_INT))
        return vm_err_fmt(&vm_exc_TypeError, "tuple indices must be integers or slices, not %s",
                          vm_tname(key));
    int64_t i;
    if (vm_int_as_i64(key, &i) < 0 || i < -UA_N || i >= UA_N) {
        vm_err_clear();
        return vm_err_str(&vm_exc_IndexError, "tuple index out of range");
    }
    return vm_newref(((UnraisableArgs *)o)->f[i < 0 ? i + UA_N : i]);
}

static ssize_t ua_len(Obj *o)
{
    return UA_N;
}

static Obj *ua_repr(Obj *o)
{
    UnraisableArgs *u = (UnraisableArgs *)o;
    Buf b = BUF_INIT;
    buf_puts(&b, "UnraisableHookArgs(");
    for (int i = 0; i < UA_N; i++) {
        Obj *r = vm_repr(u->f[i]);
        if (!r) {
            buf_free(&b);
            return NULL;
        }
        buf_printf(&b, "%s%s=%s", i ? ", " : "", ua_names[i], STR_DATA(r));
        DECREF(r);
    }
    buf_putc(&b, ')');
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Type ua_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "UnraisableHookArgs",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(UnraisableArgs),
    .dealloc = ua_dealloc,
    .repr = ua_repr,
    .getattr = ua_getattr,
    .getitem = ua_getitem,
    .len = ua_len,
};

/* Write text to sys.stderr (the C stream when it is pyvm's own; nothing
 * when it is None or missing). */
static void write_stderr(const char *s, size_t n)
{
    Obj *f = vm_sys_attr("stderr");
    if (!f || f == VM_NONE)
        return;
    if (f == vm_sys_stderr) {
        vm_write_stderr(s, n);
        return;
    }
    Obj *str = vm_str_new(s, n);
    if (!str) {
        vm_err_clear();
        return;
    }
    Obj *w = vm_getattr(f, vm_str_intern("write", 5));
    Obj *r = w ? vm_call(w, &str, 1, NULL) : NULL;
    XDECREF(w);
    XDECREF(r);
    DECREF(str);
    vm_err_clear();
}

/* The default hook's text for (msg, obj, exc), either may be None/NULL. */
static void write_default(Obj *msg, Obj *obj, Obj *exc)
{
    Buf b = BUF_INIT;
    bool has_msg = msg && msg != VM_NONE && STR_CHECK(msg);
    if (obj && obj != VM_NONE) {
        if (has_msg)
            buf_printf(&b, "%s: ", STR_DATA(msg));
        else
            buf_puts(&b, "Exception ignored in: ");
        Obj *r = vm_repr(obj);
        if (r) {
            buf_put(&b, STR_DATA(r), (size_t)STR_LEN(r));
            DECREF(r);
        } else {
            vm_err_clear();
            buf_puts(&b, "<object repr() failed>");
        }
        buf_putc(&b, '\n');
    } else if (has_msg) {
        buf_printf(&b, "%s:\n", STR_DATA(msg));
    }
    if (exc && HAS_FLAG(exc, TF_EXC))
        vm_format_exception(&b, exc, false);   /* CPython prints no chain here */
    write_stderr(b.data ? b.data : "", b.len);
    buf_free(&b);
}

static bool is_default_hook(Obj *hook)
{
    return TYPE(hook) == &vm_builtin_type && ((BuiltinObj *)hook)->fn == vm_sys_unraisablehook;
}

Obj *vm_sys_unraisablehook(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("unraisablehook", kwnames) < 0 || vm_argc("unraisablehook", nargs, 1, 1) < 0)
        return NULL;
    if (TYPE(args[0]) != &ua_type)
        return vm_err_str(&vm_exc_TypeError, "sys.unraisablehook argument type "
                          "must be UnraisableHookArgs");
    UnraisableArgs *u = (UnraisableArgs *)args[0];
    write_default(u->f[UA_MSG], u->f[UA_OBJECT], u->f[UA_VALUE]);
    return vm_newref(VM_NONE);
}

void vm_unraisable(const char *msg, Obj *obj)
{
    Obj *exc = vm_err_fetch();
    if (!exc)
        return;
    vm_type_ready(&ua_type);
    UnraisableArgs *u = vm_alloc(&ua_type, 0);
    u->f[UA_TYPE] = vm_newref((Obj *)TYPE(exc));
    u->f[UA_VALUE] = vm_newref(exc);
    Obj *tb = HAS_FLAG(exc, TF_EXC) ? ((ExcObj *)exc)->tb : NULL;
    u->f[UA_TB] = vm_newref(tb ? tb : VM_NONE);
    u->f[UA_MSG] = msg ? vm_str_cstr(msg) : vm_newref(VM_NONE);
    u->f[UA_OBJECT] = vm_newref(obj ? obj : VM_NONE);
    if (!u->f[UA_MSG]) {
        vm_err_clear();
        u->f[UA_MSG] = vm_newref(VM_NONE);
    }
    Obj *hook = vm_sys_attr("unraisablehook");
    if (hook && hook != VM_NONE && !is_default_hook(hook)) {
        INCREF(hook);
        Obj *a = (Obj *)u;
        Obj *r = vm_call(hook, &a, 1, NULL);
        if (r) {
            DECREF(r);
        } else {
            Obj *e2 = vm_err_fetch();
            Obj *m = vm_str_cstr("Exception ignored in sys.unraisablehook");
            write_default(m, hook, e2);
            XDECREF(m);
            XDECREF(e2);
        }
        DECREF(hook);
    } else {
        write_default(u->f[UA_MSG], obj, exc);
    }
    vm_err_clear();
    DECREF(u);
    DECREF(exc);
}
