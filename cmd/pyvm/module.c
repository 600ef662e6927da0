/* cmd/pyvm/module.c: modules and import.
 *
 * Stage: pyvm.  `import NAME` looks in sys.modules, then the built-in
 * modules (sys, math), then NAME.py in the main program's directory,
 * which is compiled by the sibling tools (pytok | pyparse | pyast | pysym
 * | pycfg | pyasm, found beside the pyvm binary) and run as a new module.
 */
#include "cmd/pyvm/module.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libstage/buf.h"
#include "libstage/codeio.h"
#include "libstage/io.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

const char *vm_main_dir = ".";
const char *vm_tool_dir = NULL;
const char *vm_lib_dir = NULL;

static Obj *modules;        /* sys.modules: name -> module */

Obj *vm_module_new(const char *name)
{
    ModuleObj *m = vm_alloc(&vm_module_type, 0);
    m->name = vm_str_cstr(name);
    m->dict = vm_dict_new();
    if (vm_dict_set_cstr(m->dict, "__name__", m->name) < 0
        || vm_dict_set_cstr(m->dict, "__doc__", VM_NONE) < 0) {
        DECREF(m);
        return NULL;
    }
    return (Obj *)m;
}

void vm_module_add(Obj *mod, const char *name, Obj *v)
{
    if (vm_dict_set_cstr(((ModuleObj *)mod)->dict, name, v) < 0)
        ls_die(LS_EXIT_USAGE, "internal error: module setup");
}

void vm_module_add_func(Obj *mod, const char *name, CFunc fn)
{
    Obj *f = vm_builtin_new(name, fn, NULL);
    vm_module_add(mod, name, f);
    DECREF(f);
}

static void module_dealloc(Obj *o)
{
    ModuleObj *m = (ModuleObj *)o;
    DECREF(m->name);
    DECREF(m->dict);
    vm_obj_free(o);
}

static void module_traverse(Obj *o, VisitFn visit, void *arg)
{
    VISIT(((ModuleObj *)o)->dict);
}

static Obj *module_repr(Obj *o)
{
    ModuleObj *m = (ModuleObj *)o;
    Buf b = BUF_INIT;
    Obj *file = vm_dict_get_str(m->dict, vm_str_intern("__file__", 8));
    if (file && STR_CHECK(file))
        buf_printf(&b, "<module '%s' from '%s'>", STR_DATA(m->name), STR_DATA(file));
    else
        buf_printf(&b, "<module '%s' (built-in)>", STR_DATA(m->name));
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Obj *module_getattr(Obj *o, Obj *name)
{
    ModuleObj *m = (ModuleObj *)o;
    Obj *v = vm_dict_get_str(m->dict, name);
    if (v)
        return vm_newref(v);
    if (vm_str_eqc(name, "__dict__"))
        return vm_newref(m->dict);
    return vm_err_fmt(&vm_exc_AttributeError, "module '%s' has no attribute '%s'",
                      STR_DATA(m->name), STR_DATA(name));
}

static int module_setattr(Obj *o, Obj *name, Obj *v)
{
    ModuleObj *m = (ModuleObj *)o;
    if (v)
        return vm_dict_set(m->dict, name, v);
    if (vm_dict_del(m->dict, name) < 0) {
        vm_err_clear();
        vm_err_fmt(&vm_exc_AttributeError, "module '%s' has no attribute '%s'",
                   STR_DATA(m->name), STR_DATA(name));
        return -1;
    }
    return 0;
}

Type vm_module_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "module",
    .base = &vm_object_type,
    .flags = TF_GC,
    .traverse = module_traverse,
    .basicsize = sizeof(ModuleObj),
    .dealloc = module_dealloc,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
};

/* ---- import ---- */

static Obj *sys_modules(void)
{
    if (!modules)
        modules = vm_dict_new();
    return modules;
}

/* Compile dir/name.py with the pipeline tools into a code object. */
static VmCode *compile_file(const char *path, char *err, size_t errlen)
{
    if (!vm_tool_dir) {
        snprintf(err, errlen, "the pipeline tools were not found");
        return NULL;
    }
    Buf cmd = BUF_INIT;
    const char *tools[] = {"pyparse", "pyast", "pysym", "pycfg", "pyasm"};
    buf_printf(&cmd, "'%s/pytok' '%s'", vm_tool_dir, path);
    for (int i = 0; i < 5; i++)
        buf_printf(&cmd, " | '%s/%s'", vm_tool_dir, tools[i]);
    fflush(stdout);
    FILE *p = popen(cmd.data, "r");
    buf_free(&cmd);
    if (!p) {
        snprintf(err, errlen, "cannot run the compiler pipeline");
        return NULL;
    }
    Buf data = BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        buf_put(&data, chunk, n);
    pclose(p);
    if (data.len == 0 || ls_is_error_record(data.data, data.len)) {
        buf_free(&data);
        snprintf(err, errlen, "syntax error");   /* already printed by the stage */
        return NULL;
    }
    Arena a;
    arena_init(&a);
    LsCode *lc = ls_code_read(data.data, data.len, &a, err, errlen);
    VmCode *code = lc ? vm_code_load(lc, err, errlen) : NULL;
    arena_free(&a);
    buf_free(&data);
    return code;
}

static Obj *import_file(const char *name)
{
    Buf path = BUF_INIT;
    buf_printf(&path, "%s/%s.py", vm_main_dir, name);
    if (access(path.data, R_OK) != 0 && vm_lib_dir) {
        path.len = 0;
        buf_printf(&path, "%s/%s.py", vm_lib_dir, name);
    }
    if (access(path.data, R_OK) != 0) {
        buf_free(&path);
        return NULL;
    }
    char err[256] = "";
    VmCode *code = compile_file(path.data, err, sizeof err);
    if (!code) {
        vm_err_fmt(&vm_exc_ImportError, "cannot compile %s: %s", path.data, err);
        buf_free(&path);
        return NULL;
    }
    Obj *mod = vm_module_new(name);
    ModuleObj *m = (ModuleObj *)mod;
    Obj *file = vm_str_cstr(path.data);
    buf_free(&path);
    vm_module_add(mod, "__file__", file);
    DECREF(file);
    if (vm_dict_set(sys_modules(), m->name, mod) < 0) {
        DECREF(code);
        DECREF(mod);
        return NULL;
    }
    Obj *r = vm_run_module(code, m->dict);
    DECREF(code);
    if (!r) {
        if (vm_dict_del(sys_modules(), m->name) < 0)
            vm_err_clear();
        DECREF(mod);
        return NULL;
    }
    DECREF(r);
    return mod;
}

Obj *vm_import(Obj *name, Obj *fromlist, Obj *level)
{
    if (level && INT_CHECK(level) && !(INT_IS_SMALL(level) && INT_SMALL(level) == 0))
        return vm_err_str(&vm_exc_ImportError, "not supported yet: relative imports");
    Obj *mods = sys_modules();
    Obj *m = vm_dict_get_str(mods, name);
    if (m)
        return vm_newref(m);
    if (memchr(STR_DATA(name), '.', (size_t)STR_LEN(name)))
        return vm_err_fmt(&vm_exc_ModuleNotFoundError, "No module named '%.*s'",
                          (int)(strchr(STR_DATA(name), '.') - STR_DATA(name)), STR_DATA(name));
    Obj *mod = NULL;
    if (vm_str_eqc(name, "sys"))
        mod = vm_mod_sys();
    else if (vm_str_eqc(name, "math"))
        mod = vm_mod_math();
    if (mod) {
        if (vm_dict_set(mods, name, mod) < 0) {
            DECREF(mod);
            return NULL;
        }
        return mod;
    }
    mod = import_file(STR_DATA(name));
    if (mod || vm_err_occurred())
        return mod;
    return vm_err_fmt(&vm_exc_ModuleNotFoundError, "No module named '%s'", STR_DATA(name));
}

Obj *vm_import_from(Obj *mod, Obj *name)
{
    Obj *v = vm_getattr(mod, name);
    if (v || !vm_err_matches(&vm_exc_AttributeError))
        return v;
    vm_err_clear();
    const char *mn = TYPE(mod) == &vm_module_type ? STR_DATA(((ModuleObj *)mod)->name) : "?";
    Obj *file = TYPE(mod) == &vm_module_type
        ? vm_dict_get_str(((ModuleObj *)mod)->dict, vm_str_intern("__file__", 8)) : NULL;
    return vm_err_fmt(&vm_exc_ImportError, "cannot import name '%s' from '%s' (%s)",
                      STR_DATA(name), mn, file && STR_CHECK(file) ? STR_DATA(file)
                                                              : "unknown location");
}

int vm_import_star(Obj *mod, Obj *ns)
{
    if (TYPE(mod) != &vm_module_type) {
        vm_err_str(&vm_exc_TypeError, "import * from a non-module");
        return -1;
    }
    ssize_t pos = 0;
    Obj *k, *v;
    Obj *d = ((ModuleObj *)mod)->dict;
    while (vm_dict_next(d, &pos, &k, &v))
        if (STR_CHECK(k) && STR_DATA(k)[0] != '_' && vm_dict_set(ns, k, v) < 0)
            return -1;
    return 0;
}

Obj *vm_sys_modules_dict(void)
{
    return sys_modules();
}
