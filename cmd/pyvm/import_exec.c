/* cmd/pyvm/import_exec.c: exec(), eval(), compile() and __import__(), and
 * the built-in modules builtins, _imp and importlib (a small C importlib:
 * import_module, reload, invalidate_caches; the real importlib package
 * needs the frozen bootstrap, which pyvm does not have).
 *
 * Stage: pyvm.  Source given to exec/eval/compile is compiled in-process
 * by the front end (import_cache.c); the code object runs in the given
 * globals and locals (eval.c's vm_run_code).
 */
#include "cmd/pyvm/import_exec.h"

#include <string.h>

#include "libstage/front.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/import_cache.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/mod_ast.h"
#include "cmd/pyvm/mod_importlib.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* Bind positional args and keywords to the parameters names[0..n):
 * out[i] NULL when not given.  npos_max: how many may be positional (nargs counts the keywords too, as every CFunc). */
static int bind_args(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                     const char *const *names, size_t n, size_t npos_max, size_t min,
                     Obj **out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = NULL;
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0;
    nargs -= nkw;           /* args: the positional ones, then the keywords' values */
    if (nargs > npos_max) {
        vm_err_fmt(&vm_exc_TypeError, "%s() takes at most %zu arguments (%zu given)", fname,
                   npos_max, nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++)
        out[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        size_t i = 0;
        while (i < n && !vm_str_eqc(kn, names[i]))
            i++;
        if (i == n) {
            vm_err_fmt(&vm_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname,
                       STR_DATA(kn));
            return -1;
        }
        if (out[i]) {
            vm_err_fmt(&vm_exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)",
                       fname, names[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (size_t i = 0; i < min; i++)
        if (!out[i]) {
            vm_err_fmt(&vm_exc_TypeError, "%s() missing required argument '%s' (pos %zu)", fname,
                       names[i], i + 1);
            return -1;
        }
    return 0;
}

/* The code for source (str, bytes or a code object) in mode. */
static VmCode *source_code(const char *fname, Obj *src, const char *filename, LsMode mode,
                           bool strip)
{
    if (TYPE(src) == &vm_code_type)
        return (VmCode *)vm_newref(src);
    const char *s;
    size_t len;
    if (STR_CHECK(src)) {
        s = STR_DATA(src);
        len = (size_t)STR_LEN(src);
    } else if (BYTES_CHECK(src)) {
        s = ((BytesObj *)src)->s;
        len = (size_t)((BytesObj *)src)->len;
    } else {
        if (strcmp(fname, "compile") == 0)
            return (VmCode *)vm_err_str(&vm_exc_TypeError,
                                        "compile() arg 1 must be a string, bytes or AST object");
        return (VmCode *)vm_err_fmt(&vm_exc_TypeError,
                                    "%s() arg 1 must be a string, bytes or code object", fname);
    }
    if (memchr(s, '\0', len))
        return (VmCode *)vm_err_str(&vm_exc_SyntaxError,
                                    "source code string cannot contain null bytes");
    if (strip)
        while (len && (*s == ' ' || *s == '\t')) {
            s++;
            len--;
        }
    return vm_compile_source(s, len, filename, mode);
}

/* Shared by exec and eval: run code in globals/locals (defaults: the
 * caller's). */
static Obj *run_in(const char *fname, VmCode *code, Obj *globals, Obj *locals)
{
    Obj *g, *l;
    if (globals && globals != VM_NONE && !HAS_FLAG(globals, TF_DICT)) {
        DECREF(code);
        return vm_err_fmt(&vm_exc_TypeError, "%s() globals must be a dict, not %s", fname,
                          vm_tname(globals));
    }
    if (locals == VM_NONE)
        locals = NULL;
    if (!globals || globals == VM_NONE) {
        g = vm_frame_globals();
        l = locals ? vm_newref(locals) : vm_frame_locals();
        if (!g || !l) {
            XDECREF(g);
            XDECREF(l);
            DECREF(code);
            return NULL;
        }
    } else {
        g = vm_newref(globals);
        l = vm_newref(locals ? locals : globals);
    }
    if (code->nfree > 0) {
        DECREF(g);
        DECREF(l);
        DECREF(code);
        return vm_err_fmt(&vm_exc_TypeError,
                          "code object passed to %s() may not contain free variables", fname);
    }
    Obj *r = NULL;
    if (!vm_dict_get_str(g, vm_str_intern("__builtins__", 12))
        && vm_dict_set_cstr(g, "__builtins__", vm_builtins) < 0)
        goto out;
    r = vm_run_code(code, g, l);
out:
    DECREF(g);
    DECREF(l);
    DECREF(code);
    return r;
}

Obj *vm_bi_exec(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"source", "globals", "locals", "closure"};
    Obj *a[4];
    if (bind_args("exec", args, nargs, kwnames, names, 4, 3, 1, a) < 0)
        return NULL;
    if (a[3] && a[3] != VM_NONE)
        return vm_err_str(&vm_exc_NotImplementedError, "exec(): closure= is not supported yet");
    VmCode *code = source_code("exec", a[0], "<string>", LS_MODE_EXEC, false);
    if (!code)
        return NULL;
    Obj *r = run_in("exec", code, a[1], a[2]);
    if (!r)
        return NULL;
    DECREF(r);
    return vm_newref(VM_NONE);
}

Obj *vm_bi_eval(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"source", "globals", "locals"};
    Obj *a[3];
    if (vm_nokw("eval", kwnames) < 0 || bind_args("eval", args, nargs, NULL, names, 3, 3, 1, a) < 0)
        return NULL;
    if (a[2] && a[2] != VM_NONE && HAS_FLAG(a[2], TF_INT))
        return vm_err_str(&vm_exc_TypeError, "locals must be a mapping");
    if (TYPE(a[0]) != &vm_code_type && !STR_CHECK(a[0]) && !BYTES_CHECK(a[0]))
        return vm_err_str(&vm_exc_TypeError, "eval() arg 1 must be a string, bytes or code object");
    VmCode *code = source_code("eval", a[0], "<string>", LS_MODE_EVAL, true);
    if (!code)
        return NULL;
    return run_in("eval", code, a[1], a[2]);
}

Obj *vm_bi_compile(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                        "optimize", "_feature_version"};
    Obj *a[7];
    if (bind_args("compile", args, nargs, kwnames, names, 7, 6, 3, a) < 0)
        return NULL;
    if (!STR_CHECK(a[1]))
        return vm_err_fmt(&vm_exc_TypeError,
                          "compile() argument 'filename' must be str, bytes or os.PathLike, not %s",
                          vm_tname(a[1]));
    if (!STR_CHECK(a[2]))
        return vm_err_fmt(&vm_exc_TypeError, "compile() argument 'mode' must be str, not %s",
                          vm_tname(a[2]));
    LsMode mode;
    if (vm_str_eqc(a[2], "exec"))
        mode = LS_MODE_EXEC;
    else if (vm_str_eqc(a[2], "eval"))
        mode = LS_MODE_EVAL;
    else if (vm_str_eqc(a[2], "single"))
        mode = LS_MODE_SINGLE;
    else
        return vm_err_str(&vm_exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    int64_t flags = 0;
    if (a[3] && vm_index(a[3], &flags, "flags") < 0)
        return NULL;
    if (flags & 0x400) {  /* PyCF_ONLY_AST: ast.parse */
        if (STR_CHECK(a[0]))
            return vm_ast_parse(STR_DATA(a[0]), (size_t)STR_LEN(a[0]), true, STR_DATA(a[1]), mode);
        if (BYTES_CHECK(a[0]))
            return vm_ast_parse(((BytesObj *)a[0])->s, (size_t)((BytesObj *)a[0])->len, false,
                                STR_DATA(a[1]), mode);
    }
    if (TYPE(a[0]) == &vm_code_type)
        return vm_newref(a[0]);
    if (vm_is_ast(a[0]))
        return flags & 0x400 ? vm_newref(a[0]) : vm_ast_compile(a[0], STR_DATA(a[1]), mode);
    return (Obj *)source_code("compile", a[0], STR_DATA(a[1]), mode, false);
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0) */
Obj *vm_bi_import(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    static const ClinicSpec spec = {"__import__", names, 5, 0, 5, 1};
    Obj *a[5];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int64_t level = 0;
    if (a[4] && vm_index(a[4], &level, "level") < 0)
        return NULL;
    Obj *g = a[1] && a[1] != VM_NONE && HAS_FLAG(a[1], TF_DICT) ? a[1] : NULL;
    if (level > 0 && !g && STR_CHECK(a[0]))    /* a bad name is reported first */
        return vm_err_str(&vm_exc_KeyError, "'__name__' not in globals");
    return vm_import_ex(a[0], g, a[3], (int)level);
}

/* ---- the builtins module ---- */

Obj *vm_mod_builtins(void)
{
    Obj *m = vm_module_new("builtins");
    if (!m)
        return NULL;
    ModuleObj *mo = (ModuleObj *)m;
    /* the module's namespace is the dict every frame's builtins are */
    if (vm_dict_set_cstr(vm_builtins, "__name__", mo->name) < 0
        || vm_dict_set_cstr(vm_builtins, "__doc__", VM_NONE) < 0) {
        DECREF(m);
        return NULL;
    }
    DECREF(mo->dict);
    mo->dict = vm_newref(vm_builtins);
    return m;
}

/* ---- importlib (the C subset) and _imp ---- */

static Obj *il_import_module(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"name", "package"};
    Obj *a[2];
    if (bind_args("import_module", args, nargs, kwnames, names, 2, 2, 1, a) < 0)
        return NULL;
    if (!STR_CHECK(a[0]))
        return vm_err_fmt(&vm_exc_TypeError, "module name must be str, not %s", vm_tname(a[0]));
    const char *s = STR_DATA(a[0]);
    int level = 0;
    while (s[level] == '.')
        level++;
    if (level == 0)
        return vm_import_abs(a[0]);
    if (!a[1] || a[1] == VM_NONE)
        return vm_err_fmt(&vm_exc_TypeError,
                          "the 'package' argument is required to perform a relative import for '%s'",
                          s);
    Obj *g = vm_dict_new();
    Obj *rest = vm_str_cstr(s + level);
    Obj *r = NULL;
    if (vm_dict_set_cstr(g, "__package__", a[1]) == 0) {
        /* a non-empty fromlist makes __import__ return the module itself */
        Obj *star = vm_str_intern("*", 1);
        Obj *fl = vm_tuple_from(&star, 1);
        r = vm_import_ex(rest, g, fl, level);
        DECREF(fl);
    }
    DECREF(rest);
    DECREF(g);
    return r;
}

static Obj *il_reload(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("reload", kwnames) < 0 || vm_argc("reload", nargs, 1, 1) < 0)
        return NULL;
    Obj *mod = args[0];
    if (TYPE(mod) != &vm_module_type)
        return vm_err_str(&vm_exc_TypeError, "reload() argument must be a module");
    Obj *name = ((ModuleObj *)mod)->name;
    Obj *mods = vm_sys_modules_dict();
    if (vm_dict_get_str(mods, name) != mod)
        return vm_err_fmt(&vm_exc_ImportError, "module %s not in sys.modules", STR_DATA(name));
    Obj *file = vm_dict_get_str(((ModuleObj *)mod)->dict, vm_str_intern("__file__", 8));
    if (!file || !STR_CHECK(file))
        return vm_newref(mod);      /* built-in: nothing to re-run */
    VmCode *code = vm_compile_module_file(STR_DATA(file));
    if (!code)
        return NULL;
    Obj *r = vm_run_module(code, ((ModuleObj *)mod)->dict);
    DECREF(code);
    if (!r)
        return NULL;
    DECREF(r);
    Obj *now = vm_dict_get_str(mods, name);
    return vm_newref(now ? now : mod);
}

static Obj *il_invalidate_caches(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("invalidate_caches", kwnames) < 0 || vm_argc("invalidate_caches", nargs, 0, 0) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static const char machinery_src[] =
    "SOURCE_SUFFIXES = ['.py']\n"
    "DEBUG_BYTECODE_SUFFIXES = ['.pyc']\n"
    "OPTIMIZED_BYTECODE_SUFFIXES = ['.pyc']\n"
    "BYTECODE_SUFFIXES = ['.pyc']\n"
    "EXTENSION_SUFFIXES = []\n"
    "def all_suffixes():\n"
    "    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES\n";

Obj *vm_mod_importlib(void)
{
    Obj *m = vm_module_new("importlib");
    if (!m)
        return NULL;
    vm_module_add_func(m, "import_module", il_import_module);
    vm_module_add_func(m, "reload", il_reload);
    vm_module_add_func(m, "invalidate_caches", il_invalidate_caches);
    vm_module_add_func(m, "__import__", vm_bi_import);
    /* importlib.machinery: the names inspect reads (file suffixes); made
     * with its package, so `import importlib.machinery` finds it in
     * sys.modules */
    Obj *path = vm_list_new(0);
    Obj *mach = path ? vm_frozen_module("importlib.machinery", machinery_src) : NULL;
    int rc = mach ? 0 : -1;
    if (rc == 0)
        rc = vm_dict_set_cstr(((ModuleObj *)m)->dict, "__path__", path);
    if (rc == 0)
        rc = vm_dict_set_cstr(((ModuleObj *)m)->dict, "machinery", mach);
    if (rc == 0)
        rc = vm_dict_set_cstr(vm_sys_modules_dict(), "importlib.machinery", mach);
    if (rc == 0)    /* the Python half: machinery's classes, util, abc, resources */
        rc = vm_importlib_add_python(m, mach);
    XDECREF(path);
    XDECREF(mach);
    if (rc < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}

static Obj *imp_false(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_newref(VM_FALSE);
}

static Obj *imp_lock(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_newref(VM_NONE);
}

static Obj *imp_list_empty(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_list_new(0);
}

static Obj *imp_is_builtin(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("is_builtin", nargs, 1, 1) < 0)
        return NULL;
#define MOD(n, mk) if (STR_CHECK(args[0]) && vm_str_eqc(args[0], #n)) return vm_int_from_i64(1);
#include "cmd/pyvm/modules.def"
#undef MOD
    return vm_int_from_i64(0);
}

Obj *vm_mod__imp(void)
{
    Obj *m = vm_module_new("_imp");
    if (!m)
        return NULL;
    vm_module_add_func(m, "is_builtin", imp_is_builtin);
    vm_module_add_func(m, "is_frozen", imp_false);
    vm_module_add_func(m, "lock_held", imp_false);
    vm_module_add_func(m, "acquire_lock", imp_lock);
    vm_module_add_func(m, "release_lock", imp_lock);
    vm_module_add_func(m, "extension_suffixes", imp_list_empty);
    return m;
}
