/* cmd/pyvm/module.c: module objects and the import system.
 *
 * Stage: pyvm.  `import a.b` follows CPython's importlib (_bootstrap):
 * sys.modules first; then, for a top-level name, the built-in modules of
 * modules.def; then each directory of sys.path (of the parent package's
 * __path__ for a submodule): DIR/b/__init__.py (a package), DIR/b.py (a
 * module), and DIR/b/ without __init__.py (a portion of a namespace
 * package, used when nothing else matches).  A source module is compiled
 * in-process by the front end, its code cached in __pycache__
 * (import_cache.c).  A module is in sys.modules while its body runs, so
 * circular imports see it partially initialised; a failed import removes
 * it again.
 */
#include "cmd/pyvm/module.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libstage/buf.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/gil.h"
#include "cmd/pyvm/import_bootstrap.h"
#include "cmd/pyvm/import_cache.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/main.h"
#include "cmd/pyvm/mod_thread.h"
#include "cmd/pyvm/namespace.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/txtargs.h"

const char *vm_main_dir = ".";
const char *vm_tool_dir = NULL;
const char *vm_stdlib_dir = "/usr/lib/python3.11";

static Obj *modules;        /* sys.modules: name -> module */
static Obj *sys_path;       /* sys.path (a list) */

static Obj *load_source(Obj *name, const char *path, Obj *search);
static Obj *gcd_import(Obj *name);
static bool is_dir(const char *p);

/* A new module object of type t (module or a subclass) named name. */
static Obj *module_alloc(Type *t, const char *name)
{
    ModuleObj *m = vm_alloc(t, 0);
    m->name = vm_str_cstr(name);
    m->dict = vm_dict_new();
    if (vm_dict_set_cstr(m->dict, "__name__", m->name) < 0
        || vm_dict_set_cstr(m->dict, "__doc__", VM_NONE) < 0) {
        DECREF(m);
        return NULL;
    }
    return (Obj *)m;
}

Obj *vm_module_new(const char *name)
{
    return module_alloc(&vm_module_type, name);
}

void vm_module_add(Obj *mod, const char *name, Obj *v)
{
    if (vm_dict_set_cstr(((ModuleObj *)mod)->dict, name, v) < 0)
        ls_die(LS_EXIT_USAGE, "internal error: module setup");
}

void vm_module_add_ints(Obj *mod, const VmIntConst *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        Obj *v = vm_int_from_i64(c[i].value);
        vm_module_add(mod, c[i].name, v);
        DECREF(v);
    }
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
    Obj *d = m->dict;
    Obj *name = vm_dict_get_str(d, vm_str_intern("__name__", 8));
    const char *nm = name && STR_CHECK(name) ? STR_DATA(name) : "?";
    Obj *file = vm_dict_get_str(d, vm_str_intern("__file__", 8));
    Obj *spec = vm_dict_get_str(d, vm_str_intern("__spec__", 8));
    Obj *path = vm_dict_get_str(d, vm_str_intern("__path__", 8));
    if (file && STR_CHECK(file)) {
        buf_printf(&b, "<module '%s' from '%s'>", nm, STR_DATA(file));
    } else if (spec && spec != VM_NONE && path && !file) {
        buf_printf(&b, "<module '%s' (namespace)>", nm);
    } else if (spec && spec != VM_NONE && path && file == VM_NONE) {
        buf_printf(&b, "<module '%s' (namespace)>", nm);
    } else if (spec && spec != VM_NONE) {
        buf_printf(&b, "<module '%s' (built-in)>", nm);
    } else {
        buf_printf(&b, "<module '%s'>", nm);
    }
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
    if (vm_str_eqc(name, "__class__"))
        return vm_newref((Obj *)TYPE(o));
    /* generic lookup: methods and descriptors of the module type */
    if (vm_type_lookup(TYPE(o), name))
        return vm_generic_getattr(o, name);
    /* PEP 562: a module-level __getattr__ */
    Obj *ga = vm_dict_get_str(m->dict, vm_str_intern("__getattr__", 11));
    if (ga)
        return vm_call(ga, &name, 1, NULL);
    Obj *mn = vm_dict_get_str(m->dict, vm_str_intern("__name__", 8));
    if (mn && STR_CHECK(mn)) {
        Obj *spec = vm_dict_get_str(m->dict, vm_str_intern("__spec__", 8));
        Obj *init = spec && spec != VM_NONE && vm_dictptr(spec) && *vm_dictptr(spec)
            ? vm_dict_get_str(*vm_dictptr(spec), vm_str_intern("_initializing", 13)) : NULL;
        if (init == VM_TRUE)
            return vm_err_fmt(&vm_exc_AttributeError,
                              "partially initialized module '%s' has no attribute '%s' "
                              "(most likely due to a circular import)",
                              STR_DATA(mn), STR_DATA(name));
        return vm_err_fmt(&vm_exc_AttributeError, "module '%s' has no attribute '%s'",
                          STR_DATA(mn), STR_DATA(name));
    }
    return vm_err_fmt(&vm_exc_AttributeError, "module has no attribute '%s'", STR_DATA(name));
}

static int module_setattr(Obj *o, Obj *name, Obj *v)
{
    ModuleObj *m = (ModuleObj *)o;
    if (vm_str_eqc(name, "__class__"))
        return vm_set_class(o, v);      /* to a ModuleType subclass (class.c) */
    if (v)
        return vm_dict_set(m->dict, name, v);
    if (vm_dict_del(m->dict, name) < 0) {
        vm_err_clear();
        /* CPython 3.11's generic delete message */
        vm_err_fmt(&vm_exc_AttributeError, "'module' object has no attribute '%s'",
                   STR_DATA(name));
        return -1;
    }
    return 0;
}

/* module.__init__(self, name, doc=None): (re)sets __name__ and __doc__,
 * for a subclass's __init__ calling super().__init__(name) */
static Obj *module_init_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const kw[] = {"name", "doc", NULL};
    Obj *a[2] = {NULL, NULL};
    if (vm_txt_args("module", "__init__", TA_KW, args, nargs, kwnames, 1, 2, kw, a) < 0)
        return NULL;
    if (!STR_CHECK(a[0]))
        return vm_err_fmt(&vm_exc_TypeError, "module.__init__() argument 'name' must be str, not %s",
                          vm_tname(a[0]));
    ModuleObj *m = (ModuleObj *)self;
    if (vm_dict_set_cstr(m->dict, "__name__", a[0]) < 0
        || vm_dict_set_cstr(m->dict, "__doc__", a[1] ? a[1] : VM_NONE) < 0)
        return NULL;
    XDECREF(m->name);
    m->name = vm_newref(a[0]);
    return vm_newref(VM_NONE);
}

static const MethodDef module_methods[] = {
    {"__init__", module_init_m},
    {NULL, NULL},
};

/* types.ModuleType(name, doc=None), or a subclass of it (self) */
static Obj *module_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = (Type *)self;
    if (t != &vm_module_type) {
        /* a subclass: the instance is made here; its __init__ (the
         * subclass's, or module_init_m) runs next */
        Obj *m = module_alloc(t, "?");
        if (m && (vm_dict_set_cstr(((ModuleObj *)m)->dict, "__package__", VM_NONE) < 0
                  || vm_dict_set_cstr(((ModuleObj *)m)->dict, "__loader__", VM_NONE) < 0
                  || vm_dict_set_cstr(((ModuleObj *)m)->dict, "__spec__", VM_NONE) < 0))
            CLEAR(m);
        return m;
    }
    if (vm_nokw("module", kwnames) < 0 || vm_argc("module", nargs, 1, 2) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "module.__init__() argument 'name' must be str, not %s",
                          vm_tname(args[0]));
    Obj *m = vm_module_new(STR_DATA(args[0]));
    if (m && nargs > 1 && vm_dict_set_cstr(((ModuleObj *)m)->dict, "__doc__", args[1]) < 0)
        CLEAR(m);
    if (m && (vm_dict_set_cstr(((ModuleObj *)m)->dict, "__package__", VM_NONE) < 0
              || vm_dict_set_cstr(((ModuleObj *)m)->dict, "__loader__", VM_NONE) < 0
              || vm_dict_set_cstr(((ModuleObj *)m)->dict, "__spec__", VM_NONE) < 0))
        CLEAR(m);
    return m;
}

Type vm_module_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "module",
    .base = &vm_object_type,
    .flags = TF_GC | TF_SUBCONSTRUCT,
    .traverse = module_traverse,
    .basicsize = sizeof(ModuleObj),
    .dictoffset = offsetof(ModuleObj, dict),
    .methods = module_methods,
    .dealloc = module_dealloc,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
    .construct = module_construct,
};

/* ---- module specs ---- */

/* A ModuleSpec: its attributes (name, loader, origin,
 * submodule_search_locations, cached, parent, has_location, and the
 * _initializing flag while the module's body runs) live in its dict. */
typedef struct SpecObj {
    Obj ob;
    Obj *dict;              /* the attributes */
} SpecObj;

static void spec_dealloc(Obj *o)
{
    XDECREF(((SpecObj *)o)->dict);
    vm_obj_free(o);
}

static void spec_traverse(Obj *o, VisitFn visit, void *arg)
{
    VISIT(((SpecObj *)o)->dict);
}

static Obj *spec_attr(Obj *spec, const char *name)   /* borrowed or NULL */
{
    Obj *d = ((SpecObj *)spec)->dict;
    return d ? vm_dict_get_str(d, vm_str_intern(name, strlen(name))) : NULL;
}

static Obj *spec_repr(Obj *o)
{
    Buf b = BUF_INIT;
    const char *keys[] = {"name", "loader", "origin", "submodule_search_locations"};
    buf_puts(&b, "ModuleSpec(");
    for (int i = 0; i < 4; i++) {
        Obj *v = spec_attr(o, keys[i]);
        if (!v || (i >= 2 && v == VM_NONE))
            continue;
        Obj *r = vm_repr(v);
        if (!r) {
            buf_free(&b);
            return NULL;
        }
        buf_printf(&b, "%s%s=%s", i ? ", " : "", keys[i], STR_DATA(r));
        DECREF(r);
    }
    buf_puts(&b, ")");
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

static Type spec_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "ModuleSpec",
    .base = &vm_object_type,
    .flags = TF_GC,
    .basicsize = sizeof(SpecObj),
    .dealloc = spec_dealloc,
    .traverse = spec_traverse,
    .repr = spec_repr,
    .dictoffset = offsetof(SpecObj, dict),
};

/* A spec for module name found at origin (NULL: built-in or namespace);
 * search is the package's __path__ list or NULL. */
static Obj *spec_new(Obj *name, const char *origin, Obj *search, Obj *cached)
{
    SpecObj *s = vm_alloc(&spec_type, 0);
    s->dict = vm_dict_new();
    const char *dot = strrchr(STR_DATA(name), '.');
    Obj *parent = search ? vm_newref(name)
        : vm_str_new(STR_DATA(name), dot ? (size_t)(dot - STR_DATA(name)) : 0);
    Obj *org = origin ? vm_str_cstr(origin) : vm_newref(VM_NONE);
    /* once importlib is loaded, the loader objects CPython's specs have
     * (import_bootstrap.c) */
    Obj *loader = origin ? vm_import_loader_for(name, origin) : NULL;
    if (!loader)
        loader = origin && strcmp(origin, "built-in") == 0
            ? vm_str_cstr("BuiltinImporter") : vm_newref(VM_NONE);
    if (vm_dict_set_cstr(s->dict, "name", name) < 0
        || vm_dict_set_cstr(s->dict, "loader", loader) < 0
        || vm_dict_set_cstr(s->dict, "origin", org) < 0
        || vm_dict_set_cstr(s->dict, "loader_state", VM_NONE) < 0
        || vm_dict_set_cstr(s->dict, "submodule_search_locations", search ? search : VM_NONE) < 0
        || vm_dict_set_cstr(s->dict, "cached", cached ? cached : VM_NONE) < 0
        || vm_dict_set_cstr(s->dict, "parent", parent) < 0
        || vm_dict_set_cstr(s->dict, "has_location",
                            origin && strcmp(origin, "built-in") && strcmp(origin, "frozen")
                            ? VM_TRUE : VM_FALSE) < 0) {
        DECREF(s);
        s = NULL;
    }
    DECREF(parent);
    DECREF(org);
    DECREF(loader);
    return (Obj *)s;
}

/* ---- sys.path, sys.modules ---- */

static Obj *sys_modules(void)
{
    if (!modules)
        modules = vm_dict_new();
    return modules;
}

Obj *vm_sys_modules_dict(void)
{
    return sys_modules();
}

Obj *vm_sys_attr(const char *name)
{
    Obj *sys = modules ? vm_dict_get_str(modules, vm_str_intern("sys", 3)) : NULL;
    if (!sys || TYPE(sys) != &vm_module_type)
        return NULL;
    return vm_dict_get_str(((ModuleObj *)sys)->dict, vm_str_intern(name, strlen(name)));
}

static void path_add(Obj *list, const char *dir, size_t len)
{
    Obj *s = vm_str_new(dir, len);
    vm_list_append(list, s);
    DECREF(s);
}

Obj *vm_sys_path_list(void)
{
    if (sys_path)
        return sys_path;
    sys_path = vm_list_new(0);
    /* the script's directory, absolute as CPython's sys.path[0] */
    char cwd[4096];
    if (!vm_main_dir[0]) {
        path_add(sys_path, "", 0);     /* -c or stdin: the current directory, as '' */
    } else if (vm_main_dir[0] != '/' && getcwd(cwd, sizeof cwd)) {
        Buf b = BUF_INIT;
        if (strcmp(vm_main_dir, ".") == 0)
            buf_puts(&b, cwd);
        else
            buf_printf(&b, "%s/%s", cwd, vm_main_dir);
        path_add(sys_path, b.data, b.len);
        buf_free(&b);
    } else {
        path_add(sys_path, vm_main_dir, strlen(vm_main_dir));
    }
    const char *pp = getenv("PYTHONPATH");
    while (pp && *pp) {
        const char *colon = strchr(pp, ':');
        size_t n = colon ? (size_t)(colon - pp) : strlen(pp);
        if (n)
            path_add(sys_path, pp, n);
        pp = colon ? colon + 1 : NULL;
    }
    const char *std = getenv("PYVM_STDLIB");
    if (std && *std)
        vm_stdlib_dir = std;
    path_add(sys_path, vm_stdlib_dir, strlen(vm_stdlib_dir));
    /* the site directories Debian's site.py adds, when they exist: the
     * user's (unless PYTHONNOUSERSITE), then the system's (pure-Python
     * packages import; .pth files are not read) */
    const char *home = getenv("HOME"), *nouser = getenv("PYTHONNOUSERSITE");
    char user[4200] = "";
    if (home && *home && !(nouser && *nouser))
        snprintf(user, sizeof user, "%s/.local/lib/python3.11/site-packages", home);
    const char *const site[] = {user, "/usr/local/lib/python3.11/dist-packages",
                                "/usr/lib/python3/dist-packages"};
    for (size_t i = 0; i < sizeof site / sizeof *site; i++)
        if (site[i][0] && is_dir(site[i]))
            path_add(sys_path, site[i], strlen(site[i]));
    return sys_path;
}

static void sys_attr_default(Obj *sys, const char *name, Obj *v)
{
    ModuleObj *m = (ModuleObj *)sys;
    if (!vm_dict_get_str(m->dict, vm_str_intern(name, strlen(name))))
        vm_module_add(sys, name, v);
    DECREF(v);
}

/* sys.audit(event, *args): no audit hooks in pyvm */
static Obj *sys_audit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs < 1)
        return vm_err_str(&vm_exc_TypeError, "audit() missing 1 required positional argument: 'event'");
    return vm_newref(VM_NONE);
}

static Obj *sys_fsencoding(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_str_cstr("utf-8");
}

static Obj *sys_fserrors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_str_cstr("surrogateescape");
}

void vm_sys_import_attrs(Obj *sys)
{
    sys_attr_default(sys, "path", vm_newref(vm_sys_path_list()));
    sys_attr_default(sys, "meta_path", vm_list_new(0));
    sys_attr_default(sys, "path_hooks", vm_list_new(0));
    sys_attr_default(sys, "path_importer_cache", vm_dict_new());
    sys_attr_default(sys, "dont_write_bytecode", vm_newref(VM_FALSE));
    sys_attr_default(sys, "pycache_prefix", vm_newref(VM_NONE));
    Obj *names[64];
    size_t n = 0;
#define MOD(name, maker) names[n++] = vm_str_cstr(#name);
#include "cmd/pyvm/modules.def"
#undef MOD
    Obj *t = vm_tuple_from(names, (ssize_t)n);
    for (size_t i = 0; i < n; i++)
        DECREF(names[i]);
    sys_attr_default(sys, "builtin_module_names", t);

    /* what the pure-Python standard library reads from sys */
    Obj *impl = vm_namespace_new();
    vm_namespace_set(impl, "name", vm_str_cstr("cpython"));
    vm_namespace_set(impl, "cache_tag", vm_newref(VM_NONE));
    Obj *vi = vm_dict_get_str(((ModuleObj *)sys)->dict, vm_str_intern("version_info", 12));
    vm_namespace_set(impl, "version", vm_newref(vi ? vi : VM_NONE));
    vm_namespace_set(impl, "hexversion", vm_int_from_i64(0x030b02f0));
    vm_namespace_set(impl, "_multiarch", vm_str_cstr("x86_64-linux-gnu"));
    sys_attr_default(sys, "implementation", impl);
    Obj *flags = vm_namespace_new();
    static const char *const flag_names[] = {
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
        "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet",
        "hash_randomization", "isolated", "dev_mode", "utf8_mode", "safe_path"};
    for (size_t i = 0; i < sizeof flag_names / sizeof *flag_names; i++)
        vm_namespace_set(flags, flag_names[i], vm_int_from_i64(
            strcmp(flag_names[i], "hash_randomization") == 0));
    vm_namespace_set(flags, "dev_mode", vm_newref(VM_FALSE));
    vm_namespace_set(flags, "safe_path", vm_newref(VM_FALSE));
    vm_namespace_set(flags, "int_max_str_digits", vm_int_from_i64(4300));
    sys_attr_default(sys, "flags", flags);
    /* PYTHONWARNINGS, split at commas (empty items dropped), as CPython */
    Obj *wo = vm_list_new(0);
    const char *pw = getenv("PYTHONWARNINGS");
    while (pw && *pw) {
        const char *comma = strchr(pw, ',');
        size_t n = comma ? (size_t)(comma - pw) : strlen(pw);
        if (n) {
            Obj *item = vm_str_new(pw, n);
            vm_list_append(wo, item);
            DECREF(item);
        }
        pw = comma ? comma + 1 : NULL;
    }
    for (int i = 0; i < vm_nwarnoptions; i++) {
        Obj *item = vm_str_cstr(vm_warnoptions[i]);
        vm_list_append(wo, item);
        DECREF(item);
    }
    sys_attr_default(sys, "warnoptions", wo);
    sys_attr_default(sys, "_xoptions", vm_dict_new());
    sys_attr_default(sys, "prefix", vm_str_cstr("/usr"));
    sys_attr_default(sys, "base_prefix", vm_str_cstr("/usr"));
    sys_attr_default(sys, "exec_prefix", vm_str_cstr("/usr"));
    sys_attr_default(sys, "base_exec_prefix", vm_str_cstr("/usr"));
    Obj *hi = vm_namespace_new();
    vm_namespace_set(hi, "width", vm_int_from_i64(64));
    vm_namespace_set(hi, "modulus", vm_int_from_i64(((int64_t)1 << 61) - 1));
    vm_namespace_set(hi, "inf", vm_int_from_i64(314159));
    vm_namespace_set(hi, "nan", vm_int_from_i64(0));
    vm_namespace_set(hi, "imag", vm_int_from_i64(1000003));
    vm_namespace_set(hi, "algorithm", vm_str_cstr("siphash13"));
    vm_namespace_set(hi, "hash_bits", vm_int_from_i64(64));
    vm_namespace_set(hi, "seed_bits", vm_int_from_i64(128));
    vm_namespace_set(hi, "cutoff", vm_int_from_i64(0));
    sys_attr_default(sys, "hash_info", hi);
    Obj *f = vm_builtin_new("audit", sys_audit, NULL);
    sys_attr_default(sys, "audit", f);
    f = vm_builtin_new("getfilesystemencoding", sys_fsencoding, NULL);
    sys_attr_default(sys, "getfilesystemencoding", f);
    f = vm_builtin_new("getfilesystemencodeerrors", sys_fserrors, NULL);
    sys_attr_default(sys, "getfilesystemencodeerrors", f);
}

/* property fgets for FunctionType.__code__ / __globals__ on the class:
 * the instance's own attribute (func.c's getattr slot answers first). */
static Obj *func_code_get(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("fget", nargs, 1, 1) < 0)
        return NULL;
    return vm_getattr(args[0], vm_str_intern("__code__", 8));
}

static Obj *func_globals_get(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("fget", nargs, 1, 1) < 0)
        return NULL;
    return vm_getattr(args[0], vm_str_intern("__globals__", 11));
}

/* types.py evaluates type(FunctionType.__code__) and
 * type(FunctionType.__globals__) at import: give the function class
 * descriptors for them (properties; CPython's are getset and member
 * descriptors). */
static void func_class_attrs(void)
{
    static const char *const names[] = {"__code__", "__globals__"};
    vm_type_ready(&vm_func_type);
    for (size_t i = 0; i < 2; i++) {
        Obj *n = vm_str_intern(names[i], strlen(names[i]));
        if (vm_dict_get_str(vm_func_type.dict, n))
            continue;
        Obj *f = vm_builtin_new(names[i], i == 0 ? func_code_get : func_globals_get, NULL);
        Obj *p = vm_call((Obj *)&vm_property_type, &f, 1, NULL);
        DECREF(f);
        if (!p || vm_dict_set(vm_func_type.dict, n, p) < 0)
            ls_die(LS_EXIT_USAGE, "internal error: function class setup");
        DECREF(p);
    }
    vm_type_version++;
}

Obj *vm_main_module_dict(Obj *filename)
{
    func_class_attrs();
    Obj *mod = vm_module_new("__main__");
    Obj *d = ((ModuleObj *)mod)->dict;
    Obj *bname = vm_str_intern("builtins", 8);
    Obj *bi = gcd_import(bname);
    Obj *ann = vm_dict_new();
    if (!bi || vm_dict_set_cstr(d, "__package__", VM_NONE) < 0
        || vm_dict_set_cstr(d, "__loader__", VM_NONE) < 0
        || vm_dict_set_cstr(d, "__spec__", VM_NONE) < 0
        || vm_dict_set_cstr(d, "__annotations__", ann) < 0
        || vm_dict_set_cstr(d, "__builtins__", bi) < 0
        || vm_dict_set_cstr(d, "__file__", filename) < 0
        || vm_dict_set_cstr(d, "__cached__", VM_NONE) < 0
        || vm_dict_set_cstr(sys_modules(), "__main__", mod) < 0)
        ls_die(LS_EXIT_USAGE, "internal error: module setup");
    DECREF(bi);
    DECREF(ann);
    DECREF(mod);            /* sys.modules holds it */
    return d;
}

/* ---- finding and loading ---- */

/* ImportError or ModuleNotFoundError with .name and .path set. */
static Obj *import_error(Type *t, Obj *name, const char *path, const char *fmt, ...)
    LS_PRINTF(4, 5);
static Obj *import_error(Type *t, Obj *name, const char *path, const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    Obj *m = vm_str_cstr(msg);
    Obj *e = vm_exc_new(t, &m, 1);
    DECREF(m);
    if (!e)
        return NULL;
    Obj *p = path ? vm_str_cstr(path) : vm_newref(VM_NONE);
    Obj *nm = name ? vm_newref(name) : vm_newref(VM_NONE);
    if (vm_setattr(e, vm_str_intern("name", 4), nm) < 0
        || vm_setattr(e, vm_str_intern("path", 4), p) < 0)
        vm_err_clear();
    DECREF(p);
    DECREF(nm);
    vm_err_set(e);
    DECREF(e);
    return NULL;
}

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Run a module's code in a new module registered as sys.modules[name];
 * returns sys.modules[name] afterwards (a module may replace itself). */
static Obj *exec_module(Obj *mod, VmCode *code, Obj *spec)
{
    ModuleObj *m = (ModuleObj *)mod;
    if (vm_dict_set(sys_modules(), m->name, mod) < 0)
        return NULL;
    Obj *init = vm_str_intern("_initializing", 13);
    if (vm_setattr(spec, init, VM_TRUE) < 0)
        return NULL;
    Obj *r = vm_run_module(code, m->dict);
    if (vm_setattr(spec, init, VM_FALSE) < 0)
        vm_err_clear();
    if (!r) {
        Obj *exc = vm_err_fetch();
        if (vm_dict_get_str(sys_modules(), m->name) && vm_dict_del(sys_modules(), m->name) < 0)
            vm_err_clear();
        vm_err_restore(exc);
        return NULL;
    }
    DECREF(r);
    Obj *got = vm_dict_get_str(sys_modules(), m->name);
    if (!got)
        return vm_err_fmt(&vm_exc_ImportError, "Loaded module %s not found in sys.modules",
                          STR_DATA(m->name));
    return vm_newref(got);
}

/* Fill a module's namespace from its spec, in CPython's order. */
static int init_module_attrs(Obj *mod, Obj *spec, Obj *name, bool is_pkg, const char *file,
                             Obj *search)
{
    Obj *d = ((ModuleObj *)mod)->dict;
    Obj *pkg;
    if (is_pkg) {
        pkg = vm_newref(name);
    } else {
        const char *dot = strrchr(STR_DATA(name), '.');
        pkg = vm_str_new(STR_DATA(name), dot ? (size_t)(dot - STR_DATA(name)) : 0);
    }
    int rc = vm_dict_set_cstr(d, "__package__", pkg);
    DECREF(pkg);
    if (rc < 0 || vm_dict_set_cstr(d, "__loader__", spec_attr(spec, "loader")) < 0
        || vm_dict_set_cstr(d, "__spec__", spec) < 0)
        return -1;
    if (search && vm_dict_set_cstr(d, "__path__", search) < 0)
        return -1;
    if (file) {
        Obj *f = vm_str_cstr(file);
        rc = vm_dict_set_cstr(d, "__file__", f);
        DECREF(f);
        Obj *origin = spec_attr(spec, "origin");
        bool frozen = origin && STR_CHECK(origin) && vm_str_eqc(origin, "frozen");
        if (rc < 0 || (!frozen && vm_dict_set_cstr(d, "__cached__", spec_attr(spec, "cached")) < 0))
            return -1;
    } else if (!search) {
        return 0;
    } else if (vm_dict_set_cstr(d, "__file__", VM_NONE) < 0) {
        return -1;
    }
    return 0;
}

/* Load the built-in module called name, or NULL without an error. */
static Obj *load_builtin(Obj *name)
{
    Obj *(*maker)(void) = NULL;
#define MOD(n, mk) if (!maker && vm_str_eqc(name, #n)) maker = mk;
#include "cmd/pyvm/modules.def"
#undef MOD
    if (!maker)
        return NULL;
    Obj *mod = maker();
    if (!mod)
        return NULL;
    Obj *spec = spec_new(name, "built-in", NULL, NULL);
    Obj *d = ((ModuleObj *)mod)->dict;
    int rc = spec ? 0 : -1;
    if (rc == 0 && !vm_dict_get_str(d, vm_str_intern("__package__", 11)))
        rc = vm_dict_set_cstr(d, "__package__", vm_str_intern("", 0));
    if (rc == 0)
        rc = vm_dict_set_cstr(d, "__loader__", spec_attr(spec, "loader"));
    if (rc == 0)
        rc = vm_dict_set_cstr(d, "__spec__", spec);
    XDECREF(spec);
    if (rc == 0)
        rc = vm_dict_set(sys_modules(), name, mod);
    if (rc < 0) {
        DECREF(mod);
        return NULL;
    }
    return mod;
}

/* Find and load module name (absolute; its parent package, if any, is
 * loaded and search is the parent's __path__; NULL: sys.path).  Returns
 * NULL without an error when nothing on the path has it. */
static Obj *load_from_path(Obj *name, Obj *search)
{
    const char *dot = strrchr(STR_DATA(name), '.');
    const char *tail = dot ? dot + 1 : STR_DATA(name);
    if (!search) {
        Obj *mod = load_builtin(name);
        if (mod || vm_err_occurred())
            return mod;
        search = vm_sys_path_list();
    }
    Obj *list = vm_list_from_iter(search);
    if (!list)
        return NULL;
    Obj *portions = NULL;   /* namespace package directories */
    Buf p = BUF_INIT;
    Obj *result = NULL;
    for (ssize_t i = 0; i < LIST_LEN(list); i++) {
        Obj *e = LIST_ITEMS(list)[i];
        if (!STR_CHECK(e))
            continue;
        const char *dir = STR_LEN(e) ? STR_DATA(e) : ".";
        p.len = 0;
        buf_printf(&p, "%s/%s", dir, tail);
        size_t base = p.len;
        bool dir_here = is_dir(p.data);
        if (dir_here) {
            buf_puts(&p, "/__init__.py");
            if (is_file(p.data)) {
                Obj *pkgdir = vm_str_new(p.data, base);
                Obj *paths = vm_list_new(0);
                vm_list_append(paths, pkgdir);
                DECREF(pkgdir);
                result = load_source(name, p.data, paths);
                DECREF(paths);
                goto done;
            }
        }
        p.len = base;
        buf_puts(&p, ".py");
        if (is_file(p.data)) {
            result = load_source(name, p.data, NULL);
            goto done;
        }
        /* DIR/NAME.pyc without source (py_compile's; import_bootstrap.c),
         * and an entry that is no directory: a zip file (path hooks) */
        buf_puts(&p, "c");
        if (is_file(p.data)) {
            result = vm_import_sourceless(name, p.data);
            goto done;
        }
        if (!dir_here && !is_dir(dir)) {
            result = vm_import_path_entry(name, e);
            if (result || vm_err_occurred())
                goto done;
        }
        if (dir_here) {
            if (!portions)
                portions = vm_list_new(0);
            path_add(portions, p.data, base);
        }
    }
    if (portions) {
        /* a namespace package: a module without code, __path__ = portions */
        Obj *spec = spec_new(name, NULL, portions, NULL);
        Obj *mod = vm_module_new(STR_DATA(name));
        if (spec && init_module_attrs(mod, spec, name, true, NULL, portions) == 0
            && vm_dict_set(sys_modules(), name, mod) == 0)
            result = vm_newref(mod);
        XDECREF(spec);
        DECREF(mod);
    }
done:
    buf_free(&p);
    XDECREF(portions);
    DECREF(list);
    return result;
}

/* CPython 3.11 freezes these stdlib modules into the interpreter: their
 * code names its file "<frozen NAME>" (tracebacks show no source line),
 * the spec's origin is 'frozen', and __cached__ is not set.  pyvm reads the
 * same source files, so it gives them the same names. */
static const char *const frozen_names[] = {
    "_collections_abc", "_sitebuiltins", "abc", "codecs", "genericpath", "ntpath", "os",
    "posixpath", "runpy", "site", "stat", "zipimport", "importlib.util", "importlib.machinery",
};

bool vm_frozen_stdlib_name(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof frozen_names / sizeof *frozen_names; i++)
        if (strlen(frozen_names[i]) == len && memcmp(name, frozen_names[i], len) == 0)
            return true;
    return false;
}

static bool frozen_stdlib(Obj *name, const char *path)
{
    const char *s = STR_DATA(name);
    size_t n = strlen(vm_stdlib_dir);
    if (strncmp(path, vm_stdlib_dir, n) != 0 || path[n] != '/'
        || !vm_frozen_stdlib_name(s, strlen(s)))
        return false;
    /* the stdlib file itself: DIR/NAME.py, dots as slashes */
    const char *p = path + n + 1;
    for (; *s; s++, p++)
        if (*p != (*s == '.' ? '/' : *s))
            return false;
    return strcmp(p, ".py") == 0;
}

/* Compile and run the source file at path as module name; search is the
 * package's __path__ (a list) or NULL for a plain module. */
static Obj *load_source(Obj *name, const char *path, Obj *search)
{
    char cached[4300], shown[300];
    vm_cache_path(path, cached, sizeof cached);
    bool frozen = !search && frozen_stdlib(name, path);
    if (frozen)
        snprintf(shown, sizeof shown, "<frozen %s>", STR_DATA(name));
    VmCode *code = vm_compile_module_file_as(path, frozen ? shown : path);
    if (!code)
        return NULL;
    Obj *cpath = cached[0] && !frozen ? vm_str_cstr(cached) : vm_newref(VM_NONE);
    Obj *spec = spec_new(name, frozen ? "frozen" : path, search, cpath);
    DECREF(cpath);
    Obj *mod = vm_module_new(STR_DATA(name));
    Obj *r = NULL;
    Obj *bi = gcd_import(vm_str_intern("builtins", 8));
    if (bi && spec && init_module_attrs(mod, spec, name, search != NULL, path, search) == 0
        && vm_dict_set_cstr(((ModuleObj *)mod)->dict, "__builtins__", bi) == 0)
        r = exec_module(mod, code, spec);
    XDECREF(bi);
    XDECREF(spec);
    DECREF(mod);
    DECREF(code);
    return r;
}

static Obj *find_and_load(Obj *name);

/* The module called name (absolute), imported if it is not yet. */
static Obj *gcd_import(Obj *name)
{
    Obj *m = vm_dict_get_str(sys_modules(), name);
    if (LS_UNLIKELY(vm_gil_enabled()) && (!m || vm_import_busy(name))) {
        /* threads: wait while another thread imports it (mod_thread.h) */
        vm_import_lock(name);
        m = vm_dict_get_str(sys_modules(), name);
        Obj *r = m ? vm_newref(m) : find_and_load(name);
        vm_import_unlock(name);
        if (r == VM_NONE) {
            DECREF(r);
            return import_error(&vm_exc_ModuleNotFoundError, name, NULL,
                                "import of %s halted; None in sys.modules", STR_DATA(name));
        }
        return r;
    }
    if (m) {
        if (m == VM_NONE)
            return import_error(&vm_exc_ModuleNotFoundError, name, NULL,
                                "import of %s halted; None in sys.modules", STR_DATA(name));
        return vm_newref(m);
    }
    return find_and_load(name);
}

static Obj *find_and_load(Obj *name)
{
    const char *s = STR_DATA(name), *dot = strrchr(s, '.');
    Obj *search = NULL, *parent_mod = NULL;
    /* CPython has os (so posixpath and genericpath) loaded at start-up, and
     * their import cycle works only from os; pyvm loads os lazily for a fast
     * start, so the first import of either module brings os in first. */
    if (strcmp(s, "genericpath") == 0 || strcmp(s, "posixpath") == 0) {
        Obj *os = gcd_import(vm_str_intern("os", 2));
        if (!os)
            return NULL;
        DECREF(os);
        Obj *m = vm_dict_get_str(sys_modules(), name);
        if (m)
            return vm_newref(m);
    }
    if (dot) {
        Obj *parent = vm_str_new(s, (size_t)(dot - s));
        parent_mod = gcd_import(parent);
        DECREF(parent);
        if (!parent_mod)
            return NULL;
        Obj *m = vm_dict_get_str(sys_modules(), name);
        if (m) {    /* importing the parent imported it */
            DECREF(parent_mod);
            return vm_newref(m);
        }
        search = vm_getattr(parent_mod, vm_str_intern("__path__", 8));
        if (!search) {
            vm_err_clear();
            DECREF(parent_mod);
            return import_error(&vm_exc_ModuleNotFoundError, name, NULL,
                                "No module named '%s'; '%.*s' is not a package", s,
                                (int)(dot - s), s);
        }
    }
    /* finders a program put on sys.meta_path, before and after pyvm's
     * own search (import_bootstrap.c) */
    Obj *mod = vm_import_meta_path(name, search, false);
    if (!mod && !vm_err_occurred())
        mod = load_from_path(name, search);
    if (!mod && !vm_err_occurred())
        mod = vm_import_meta_path(name, search, true);
    XDECREF(search);
    if (!mod) {
        XDECREF(parent_mod);
        if (vm_err_occurred())
            return NULL;
        return import_error(&vm_exc_ModuleNotFoundError, name, NULL, "No module named '%s'", s);
    }
    if (parent_mod) {
        Obj *child = vm_str_cstr(dot + 1);
        int rc = vm_setattr(parent_mod, child, mod);
        DECREF(child);
        DECREF(parent_mod);
        if (rc < 0) {
            DECREF(mod);
            return NULL;
        }
    }
    return mod;
}

Obj *vm_import_abs(Obj *name)
{
    return gcd_import(name);
}

/* The absolute name for a relative import of name at level from the
 * module whose globals are given (CPython's _calc___package__ and
 * _resolve_name). */
static Obj *resolve_name(Obj *name, Obj *globals, int level)
{
    Obj *pkg = globals ? vm_dict_get_str(globals, vm_str_intern("__package__", 11)) : NULL;
    Obj *spec = globals ? vm_dict_get_str(globals, vm_str_intern("__spec__", 8)) : NULL;
    Obj *base = NULL;
    if (pkg && pkg != VM_NONE) {
        if (!STR_CHECK(pkg))
            return vm_err_str(&vm_exc_TypeError, "package must be a string");
        base = vm_newref(pkg);
    } else if (spec && spec != VM_NONE) {
        base = vm_getattr(spec, vm_str_intern("parent", 6));
        if (!base)
            return NULL;
    } else {
        Obj *nm = globals ? vm_dict_get_str(globals, vm_str_intern("__name__", 8)) : NULL;
        if (!nm || !STR_CHECK(nm))
            return vm_err_str(&vm_exc_KeyError, "'__name__' not in globals");
        if (vm_dict_get_str(globals, vm_str_intern("__path__", 8))) {
            base = vm_newref(nm);
        } else {
            const char *d = strrchr(STR_DATA(nm), '.');
            base = vm_str_new(STR_DATA(nm), d ? (size_t)(d - STR_DATA(nm)) : 0);
        }
    }
    if (!STR_CHECK(base) || STR_LEN(base) == 0) {
        DECREF(base);
        return import_error(&vm_exc_ImportError, NULL, NULL,
                            "attempted relative import with no known parent package");
    }
    /* drop level-1 trailing components */
    const char *b = STR_DATA(base);
    size_t len = (size_t)STR_LEN(base);
    for (int i = 1; i < level; i++) {
        const char *d = NULL;
        for (size_t k = len; k > 0; k--)
            if (b[k - 1] == '.') {
                d = b + k - 1;
                break;
            }
        if (!d) {
            DECREF(base);
            return import_error(&vm_exc_ImportError, NULL, NULL,
                                "attempted relative import beyond top-level package");
        }
        len = (size_t)(d - b);
    }
    Buf r = BUF_INIT;
    buf_put(&r, b, len);
    if (STR_LEN(name))
        buf_printf(&r, ".%s", STR_DATA(name));
    Obj *res = vm_str_new(r.data, r.len);
    buf_free(&r);
    DECREF(base);
    return res;
}

/* from package import a, b: import package.a, ... when they are not
 * attributes yet (CPython's _handle_fromlist). */
static int handle_fromlist(Obj *mod, Obj *fromlist, bool recursive)
{
    Obj *it = vm_iter(fromlist);
    if (!it)
        return -1;
    Obj *x;
    Obj *mname = vm_getattr(mod, vm_str_intern("__name__", 8));
    if (!mname) {
        DECREF(it);
        return -1;
    }
    int rc = 0;
    while (rc == 0 && (x = vm_next(it))) {
        if (!STR_CHECK(x)) {
            vm_err_fmt(&vm_exc_TypeError, "Item in %s must be str, not %s",
                       recursive ? "``from list''" : "``from list''", vm_tname(x));
            rc = -1;
        } else if (vm_str_eqc(x, "*")) {
            if (!recursive) {
                Obj *all = vm_getattr(mod, vm_str_intern("__all__", 7));
                if (all) {
                    rc = handle_fromlist(mod, all, true);
                    DECREF(all);
                } else {
                    vm_err_clear();
                }
            }
        } else {
            Obj *v = vm_getattr(mod, x);
            if (v) {
                DECREF(v);
            } else if (!vm_err_matches(&vm_exc_AttributeError)) {
                rc = -1;
            } else {
                vm_err_clear();
                Buf b = BUF_INIT;
                buf_printf(&b, "%s.%s", STR_DATA(mname), STR_DATA(x));
                Obj *full = vm_str_new(b.data, b.len);
                buf_free(&b);
                Obj *sub = gcd_import(full);
                if (sub) {
                    DECREF(sub);
                } else if (vm_err_matches(&vm_exc_ModuleNotFoundError)) {
                    /* swallowed when it is this very module that is missing */
                    Obj *exc = vm_err_fetch();
                    Obj *en = vm_getattr(exc, vm_str_intern("name", 4));
                    Obj *in = vm_dict_get_str(sys_modules(), full);
                    bool same = en && STR_CHECK(en) && vm_str_eq(en, full) && in != VM_NONE;
                    if (!en)
                        vm_err_clear();
                    XDECREF(en);
                    if (same)
                        DECREF(exc);
                    else {
                        vm_err_restore(exc);
                        rc = -1;
                    }
                } else {
                    rc = -1;
                }
                DECREF(full);
            }
        }
        DECREF(x);
    }
    DECREF(it);
    DECREF(mname);
    if (rc == 0 && vm_err_occurred())
        rc = -1;
    return rc;
}

Obj *vm_import_ex(Obj *name, Obj *globals, Obj *fromlist, int level)
{
    if (!STR_CHECK(name))
        return vm_err_str(&vm_exc_TypeError, "module name must be a string");   /* __import__ */
    if (level < 0)
        return vm_err_str(&vm_exc_ValueError, "level must be >= 0");
    Obj *absname;
    if (level > 0) {
        absname = resolve_name(name, globals, level);
        if (!absname)
            return NULL;
    } else {
        if (STR_LEN(name) == 0)
            return vm_err_str(&vm_exc_ValueError, "Empty module name");
        absname = vm_newref(name);
    }
    Obj *mod = gcd_import(absname);
    if (!mod) {
        DECREF(absname);
        return NULL;
    }
    int nfrom = 0;
    if (fromlist && fromlist != VM_NONE) {
        nfrom = vm_truth(fromlist);
        if (nfrom < 0) {
            DECREF(absname);
            DECREF(mod);
            return NULL;
        }
    }
    if (!nfrom) {
        /* `import a.b.c` binds a: the top package (or, relative, the
         * package the dotted name starts in) */
        const char *dot = strchr(STR_DATA(name), '.');
        if (!dot) {
            DECREF(absname);
            return mod;
        }
        Obj *top;
        if (level == 0) {
            top = vm_str_new(STR_DATA(name), (size_t)(dot - STR_DATA(name)));
        } else {
            size_t cut = (size_t)STR_LEN(name) - (size_t)(dot - STR_DATA(name));
            top = vm_str_new(STR_DATA(absname), (size_t)STR_LEN(absname) - cut);
        }
        DECREF(mod);
        DECREF(absname);
        mod = gcd_import(top);
        DECREF(top);
        return mod;
    }
    DECREF(absname);
    Obj *path = vm_getattr(mod, vm_str_intern("__path__", 8));
    if (path) {
        DECREF(path);
        if (handle_fromlist(mod, fromlist, false) < 0) {
            DECREF(mod);
            return NULL;
        }
    } else {
        vm_err_clear();
    }
    return mod;
}

Obj *vm_import(Obj *name, Obj *fromlist, Obj *level)
{
    int64_t lv = 0;
    if (level && INT_CHECK(level) && vm_int_as_i64(level, &lv) < 0)
        return NULL;
    Obj *globals = NULL;
    if (lv > 0 && !(globals = vm_frame_globals()))
        return NULL;
    Obj *r = vm_import_ex(name, globals, fromlist, (int)lv);
    XDECREF(globals);
    return r;
}

/* Is mod being initialised (its body running)? */
static bool initializing(Obj *mod)
{
    if (TYPE(mod) != &vm_module_type)
        return false;
    Obj *spec = vm_dict_get_str(((ModuleObj *)mod)->dict, vm_str_intern("__spec__", 8));
    if (!spec || TYPE(spec) != &spec_type)
        return false;
    Obj *v = spec_attr(spec, "_initializing");
    return v == VM_TRUE;
}

Obj *vm_import_from(Obj *mod, Obj *name)
{
    Obj *v = vm_getattr(mod, name);
    if (v || !vm_err_matches(&vm_exc_AttributeError))
        return v;
    vm_err_clear();
    /* a submodule imported during a circular import is in sys.modules
     * before it is bound in its package */
    Obj *pkgname = vm_getattr(mod, vm_str_intern("__name__", 8));
    if (!pkgname)
        vm_err_clear();
    if (pkgname && STR_CHECK(pkgname)) {
        Buf b = BUF_INIT;
        buf_printf(&b, "%s.%s", STR_DATA(pkgname), STR_DATA(name));
        Obj *full = vm_str_new(b.data, b.len);
        buf_free(&b);
        Obj *sub = vm_dict_get_str(sys_modules(), full);
        DECREF(full);
        if (sub) {
            DECREF(pkgname);
            return vm_newref(sub);
        }
    }
    const char *mn = pkgname && STR_CHECK(pkgname) ? STR_DATA(pkgname) : "<unknown module name>";
    Obj *file = TYPE(mod) == &vm_module_type
        ? vm_dict_get_str(((ModuleObj *)mod)->dict, vm_str_intern("__file__", 8)) : NULL;
    const char *fs = file && STR_CHECK(file) ? STR_DATA(file) : NULL;
    Obj *r;
    if (initializing(mod))
        r = import_error(&vm_exc_ImportError, pkgname, fs,
                         "cannot import name '%s' from partially initialized module '%s' "
                         "(most likely due to a circular import) (%s)",
                         STR_DATA(name), mn, fs ? fs : "unknown location");
    else
        r = import_error(&vm_exc_ImportError, pkgname, fs, "cannot import name '%s' from '%s' (%s)",
                         STR_DATA(name), mn, fs ? fs : "unknown location");
    XDECREF(pkgname);
    return r;
}

int vm_import_star(Obj *mod, Obj *ns)
{
    Obj *all = vm_getattr(mod, vm_str_intern("__all__", 7));
    if (all) {
        Obj *it = vm_iter(all);
        DECREF(all);
        if (!it)
            return -1;
        Obj *x;
        int rc = 0;
        while (rc == 0 && (x = vm_next(it))) {
            if (!STR_CHECK(x)) {
                Obj *mn = vm_getattr(mod, vm_str_intern("__name__", 8));
                vm_err_clear();
                vm_err_fmt(&vm_exc_TypeError, "Item in %s.__all__ must be str, not %s",
                           mn && STR_CHECK(mn) ? STR_DATA(mn) : "?", vm_tname(x));
                XDECREF(mn);
                rc = -1;
            } else {
                Obj *v = vm_getattr(mod, x);
                rc = v ? vm_setitem(ns, x, v) : -1;
                XDECREF(v);
            }
            DECREF(x);
        }
        DECREF(it);
        return rc == 0 && vm_err_occurred() ? -1 : rc;
    }
    if (!vm_err_matches(&vm_exc_AttributeError))
        return -1;
    vm_err_clear();
    Obj **dp = TYPE(mod) == &vm_module_type ? &((ModuleObj *)mod)->dict : vm_dictptr(mod);
    if (!dp || !*dp) {
        vm_err_str(&vm_exc_ImportError, "from-import-* object has no __dict__ and no __all__");
        return -1;
    }
    ssize_t pos = 0;
    Obj *k, *v;
    Obj *d = *dp;
    while (vm_dict_next(d, &pos, &k, &v))
        if (STR_CHECK(k) && STR_DATA(k)[0] != '_' && vm_setitem(ns, k, v) < 0)
            return -1;
    return 0;
}
