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
#include <sys/stat.h>

#include "libstage/front.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/import_cache.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/import_pyc.h"
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

/* Does the last logical line of s (n bytes) start indented, so that the
 * tokenizer has an INDENT open at the end?  A light scan: brackets,
 * strings, comments and backslash continuations, which join lines. */
static bool last_line_indented(const char *s, size_t n)
{
    int depth = 0;
    bool indented = false, joined = false;
    size_t i = 0;
    while (i < n) {
        if (depth == 0 && !joined)     /* a logical line starts here */
            indented = s[i] == ' ' || s[i] == '\t';
        joined = false;
        while (i < n && s[i] != '\n') {
            char c = s[i];
            if (c == '#') {
                while (i < n && s[i] != '\n')
                    i++;
                break;
            }
            if (c == '\\' && i + 1 < n && s[i + 1] == '\n') {
                joined = true;
                i++;
                break;
            }
            if (c == '\'' || c == '"') {
                bool triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
                i += triple ? 3 : 1;
                while (i < n) {
                    if (s[i] == '\\') {
                        i += 2;
                    } else if (triple ? i + 2 < n && s[i] == c && s[i + 1] == c && s[i + 2] == c
                                      : s[i] == c || s[i] == '\n') {
                        i += triple ? 3 : 1;
                        break;
                    } else {
                        i++;
                    }
                }
                continue;
            }
            depth += c == '(' || c == '[' || c == '{';
            depth -= (c == ')' || c == ']' || c == '}') && depth > 0;
            i++;
        }
        i++;
    }
    return indented;
}

/* compile() with PyCF_ALLOW_INCOMPLETE_INPUT: source that ends before its
 * statement does is SyntaxError("incomplete input"), which codeop takes as
 * "read another line".  As CPython's parser, which says so when the error
 * came after the tokenizer reached the end: an open bracket or
 * triple-quoted string, a trailing backslash, a missing block (errors the
 * front end reports at the end, without a column), or an error at the last
 * token of an unterminated last line.  With PyCF_DONT_IMPLY_DEDENT
 * (dont_dedent), an unterminated last line inside a block is incomplete
 * too.  The error keeps the original's place. */
static Obj *incomplete_input(VmCode *code, Obj *source, const char *filename, bool dont_dedent)
{
    const char *s = STR_CHECK(source) ? STR_DATA(source)
        : BYTES_CHECK(source) ? ((BytesObj *)source)->s : "";
    size_t n = STR_CHECK(source) ? (size_t)STR_LEN(source)
        : BYTES_CHECK(source) ? (size_t)((BytesObj *)source)->len : 0;
    const char *last = s + n;          /* the last line */
    while (last > s && last[-1] != '\n')
        last--;
    int nlines = 1;
    for (const char *p = s; p < last; p++)
        nlines += *p == '\n';
    bool unterminated = n && s[n - 1] != '\n';
    Obj *info[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    static const char *const names[] = {"filename", "lineno", "offset", "text", "end_lineno",
                                        "end_offset"};
    if (!code) {
        if (!vm_err_matches(&vm_exc_SyntaxError))
            return NULL;
        Obj *exc = vm_err_fetch();
        for (int i = 0; i < 6; i++) {
            info[i] = vm_getattr(exc, vm_str_intern(names[i], strlen(names[i])));
            if (!info[i]) {
                vm_err_clear();
                info[i] = vm_newref(VM_NONE);
            }
        }
        Obj *msg = vm_getattr(exc, vm_str_intern("msg", 3));
        if (!msg)
            vm_err_clear();
        const char *m = msg && STR_CHECK(msg) ? STR_DATA(msg) : "";
        int64_t line = 0, off = 0;
        if (INT_CHECK(info[1]) && vm_int_as_i64(info[1], &line) < 0)
            vm_err_clear();
        if (INT_CHECK(info[2]) && vm_int_as_i64(info[2], &off) < 0)
            vm_err_clear();
        bool at_end = strstr(m, "was never closed") || strcmp(m, "unexpected EOF while parsing") == 0
            || strncmp(m, "unterminated triple-quoted string", 33) == 0 || info[2] == VM_NONE;
        if (!at_end && unterminated && line == nlines && off >= 1
            && (size_t)(off - 1) <= (size_t)(s + n - last)) {
            /* the failing token is the line's last: nothing but it after off */
            const char *p = last + off - 1;
            while (p < s + n && *p != ' ' && *p != '\t')
                p++;
            while (p < s + n && (*p == ' ' || *p == '\t'))
                p++;
            at_end = p == s + n;
        }
        XDECREF(msg);
        if (!at_end) {
            for (int i = 0; i < 6; i++)
                DECREF(info[i]);
            vm_err_restore(exc);
            return NULL;
        }
        DECREF(exc);
    } else {
        bool in_block = dont_dedent && unterminated && last_line_indented(s, n);
        if (!in_block)
            return (Obj *)code;
        DECREF(code);
        info[0] = vm_str_cstr(filename);
        info[1] = vm_int_from_i64(nlines);
        for (int i = 2; i < 6; i++)
            info[i] = vm_newref(VM_NONE);
    }
    Obj *details = vm_tuple_from(info, 6);
    for (int i = 0; i < 6; i++)
        DECREF(info[i]);
    Obj *args[2] = {vm_str_cstr("incomplete input"), details};
    Obj *e = vm_call((Obj *)&vm_exc_SyntaxError, args, 2, NULL);
    DECREF(args[0]);
    DECREF(details);
    if (e) {
        vm_err_set(e);
        DECREF(e);
    }
    return NULL;
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
    VmCode *code = source_code("compile", a[0], STR_DATA(a[1]), mode, false);
    if (flags & 0x4000)     /* PyCF_ALLOW_INCOMPLETE_INPUT: codeop, the REPL */
        return incomplete_input(code, a[0], STR_DATA(a[1]), flags & 0x200);
    return (Obj *)code;
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

/* help(*args, **kwds): pydoc.help, as site.py's help (_sitebuiltins._Helper)
 * calls it; pydoc is imported on the first call */
static Obj *bi_help(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *pydoc = vm_import_abs(vm_str_intern("pydoc", 5));
    if (!pydoc)
        return NULL;
    Obj *h = vm_getattr(pydoc, vm_str_intern("help", 4));
    DECREF(pydoc);
    if (!h)
        return NULL;
    Obj *r = vm_call(h, args, nargs, kwnames);
    DECREF(h);
    return r;
}

Obj *vm_mod_builtins(void)
{
    Obj *m = vm_module_new("builtins");
    if (!m)
        return NULL;
    ModuleObj *mo = (ModuleObj *)m;
    /* the module's namespace is the dict every frame's builtins are */
    Obj *help = vm_builtin_new("help", bi_help, NULL);
    int rc = help ? vm_dict_set_cstr(vm_builtins, "help", help) : -1;
    XDECREF(help);
    if (rc < 0 || vm_dict_set_cstr(vm_builtins, "__name__", mo->name) < 0
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
    size_t flen = (size_t)STR_LEN(file);
    struct stat st;
    bool source = flen > 3 && strcmp(STR_DATA(file) + flen - 3, ".py") == 0
        && stat(STR_DATA(file), &st) == 0 && S_ISREG(st.st_mode);
    Obj *loader = vm_dict_get_str(((ModuleObj *)mod)->dict, vm_str_intern("__loader__", 10));
    if (!source && loader && loader != VM_NONE) {
        /* from a zip file, a .pyc, a program's loader: run it again */
        Obj *em = vm_getattr(loader, vm_str_intern("exec_module", 11));
        Obj *r = em ? vm_call(em, &mod, 1, NULL) : NULL;
        XDECREF(em);
        if (!r)
            return NULL;
        DECREF(r);
        Obj *now = vm_dict_get_str(mods, name);
        return vm_newref(now ? now : mod);
    }
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
    /* each finder on sys.meta_path that has the method (PathFinder clears
     * sys.path_importer_cache's failures) */
    Obj *mp = vm_sys_attr("meta_path");
    Obj *list = mp ? vm_list_from_iter(mp) : NULL;
    if (mp && !list)
        return NULL;
    for (ssize_t i = 0; list && i < LIST_LEN(list); i++) {
        Obj *f = vm_getattr(LIST_ITEMS(list)[i], vm_str_intern("invalidate_caches", 17));
        if (!f) {
            if (!vm_err_matches(&vm_exc_AttributeError)) {
                DECREF(list);
                return NULL;
            }
            vm_err_clear();
            continue;
        }
        Obj *r = vm_call(f, NULL, 0, NULL);
        DECREF(f);
        if (!r) {
            DECREF(list);
            return NULL;
        }
        DECREF(r);
    }
    XDECREF(list);
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
    /* __path__: the standard library's importlib directory, for the
     * submodules pyvm does not build in (metadata, readers, _abc, ...) */
    Obj *path = vm_list_new(0);
    vm_sys_path_list();     /* settles vm_stdlib_dir (PYVM_STDLIB) */
    Obj *dir = vm_str_new(vm_stdlib_dir, strlen(vm_stdlib_dir));
    Obj *sub = vm_str_cstr("/importlib");
    Obj *full = vm_str_concat(dir, sub);
    if (full)
        vm_list_append(path, full);
    XDECREF(full);
    DECREF(sub);
    DECREF(dir);
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

/* get_frozen_object(name, data=None), is_frozen_package(name): pyvm has
 * no frozen modules in CPython's sense */
static Obj *imp_no_frozen(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("get_frozen_object", nargs, 1, 2) < 0)
        return NULL;
    Obj *r = vm_repr(args[0]);
    if (!r)
        return NULL;
    vm_err_fmt(&vm_exc_ImportError, "No such frozen object named %s", STR_DATA(r));
    DECREF(r);
    return NULL;
}

static Obj *imp_none(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_newref(VM_NONE);
}

static Obj *imp_zero(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(0);
}

static Obj *imp_empty_tuple(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_tuple_new(0);
}

/* create_builtin(spec): the built-in module spec.name names */
static Obj *imp_create_builtin(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("create_builtin", kwnames) < 0 || vm_argc("create_builtin", nargs, 1, 1) < 0)
        return NULL;
    Obj *name = vm_getattr(args[0], vm_str_intern("name", 4));
    if (!name)
        return NULL;
    if (!STR_CHECK(name)) {
        DECREF(name);
        return vm_err_str(&vm_exc_TypeError, "name must be string");
    }
    Obj *r = vm_import_abs(name);
    DECREF(name);
    return r;
}

/* _fix_co_filename(code, path) */
static Obj *imp_fix_co_filename(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("_fix_co_filename", kwnames) < 0 || vm_argc("_fix_co_filename", nargs, 2, 2) < 0)
        return NULL;
    if (TYPE(args[0]) != &vm_code_type || !STR_CHECK(args[1]))
        return vm_err_str(&vm_exc_TypeError, "_fix_co_filename() argument 1 must be code");
    vm_code_set_filename((VmCode *)args[0], args[1]);
    return vm_newref(VM_NONE);
}

/* _pyvm_code_to_bytes(code): the binary code object (formats/code.md)
 * that a .pyc written by py_compile holds after its header */
static Obj *imp_code_to_bytes(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("_pyvm_code_to_bytes", kwnames) < 0
        || vm_argc("_pyvm_code_to_bytes", nargs, 1, 1) < 0)
        return NULL;
    if (TYPE(args[0]) != &vm_code_type)
        return vm_err_str(&vm_exc_ValueError, "unmarshallable object");
    return vm_code_to_bytes((VmCode *)args[0]);
}

/* _pyvm_code_from_bytes(data): the code object back (any bytes-like) */
static Obj *imp_code_from_bytes(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("_pyvm_code_from_bytes", kwnames) < 0
        || vm_argc("_pyvm_code_from_bytes", nargs, 1, 1) < 0)
        return NULL;
    Obj *b = BYTES_CHECK(args[0]) ? vm_newref(args[0])
        : vm_call((Obj *)&vm_bytes_type, args, 1, NULL);
    if (!b)
        return NULL;
    Obj *r = (Obj *)vm_code_from_bytes(((BytesObj *)b)->s, (size_t)((BytesObj *)b)->len);
    DECREF(b);
    return r;
}

/* SipHash-1-3 of data with the key (k0, k1): CPython's keyed hash of
 * source files for hash-based .pyc files (one compression round per
 * 8-byte block, three finalization rounds). */
static uint64_t rotl64(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

#define SIP_ROUND(v0, v1, v2, v3) do { \
        v0 += v1; v1 = rotl64(v1, 13); v1 ^= v0; v0 = rotl64(v0, 32); \
        v2 += v3; v3 = rotl64(v3, 16); v3 ^= v2; \
        v0 += v3; v3 = rotl64(v3, 21); v3 ^= v0; \
        v2 += v1; v1 = rotl64(v1, 17); v1 ^= v2; v2 = rotl64(v2, 32); \
    } while (0)

static uint64_t siphash13(uint64_t k0, uint64_t k1, const unsigned char *p, size_t n)
{
    uint64_t v0 = k0 ^ 0x736f6d6570736575u, v1 = k1 ^ 0x646f72616e646f6du;
    uint64_t v2 = k0 ^ 0x6c7967656e657261u, v3 = k1 ^ 0x7465646279746573u;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t m = 0;
        for (int k = 7; k >= 0; k--)
            m = (m << 8) | p[i + (size_t)k];
        v3 ^= m;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= m;
    }
    uint64_t last = (uint64_t)n << 56;
    for (size_t k = 0; i + k < n; k++)
        last |= (uint64_t)p[i + k] << (8 * k);
    v3 ^= last;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= last;
    v2 ^= 0xff;
    for (int r = 0; r < 3; r++)
        SIP_ROUND(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

/* source_hash(key, source): 8 bytes, little-endian */
static Obj *imp_source_hash(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"key", "source"};
    Obj *a[2];
    if (bind_args("source_hash", args, nargs, kwnames, names, 2, 2, 2, a) < 0)
        return NULL;
    int64_t key;
    if (vm_index(a[0], &key, "key") < 0)
        return NULL;
    Obj *b = BYTES_CHECK(a[1]) ? vm_newref(a[1]) : vm_call((Obj *)&vm_bytes_type, &a[1], 1, NULL);
    if (!b)
        return NULL;
    uint64_t h = siphash13((uint64_t)key, 0, (const unsigned char *)((BytesObj *)b)->s,
                           (size_t)((BytesObj *)b)->len);
    DECREF(b);
    char out[8];
    for (int i = 0; i < 8; i++)
        out[i] = (char)(h >> (8 * i));
    return vm_bytes_new(out, 8);
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
    vm_module_add_func(m, "get_frozen_object", imp_no_frozen);
    vm_module_add_func(m, "is_frozen_package", imp_no_frozen);
    vm_module_add_func(m, "init_frozen", imp_none);
    vm_module_add_func(m, "find_frozen", imp_none);
    vm_module_add_func(m, "_frozen_module_names", imp_empty_tuple);
    vm_module_add_func(m, "_override_frozen_modules_for_tests", imp_none);
    vm_module_add_func(m, "create_builtin", imp_create_builtin);
    vm_module_add_func(m, "exec_builtin", imp_zero);
    vm_module_add_func(m, "_fix_co_filename", imp_fix_co_filename);
    vm_module_add_func(m, "source_hash", imp_source_hash);
    vm_module_add_func(m, "_pyvm_code_to_bytes", imp_code_to_bytes);
    vm_module_add_func(m, "_pyvm_code_from_bytes", imp_code_from_bytes);
    Obj *chk = vm_str_cstr("default");
    vm_module_add(m, "check_hash_based_pycs", chk);
    DECREF(chk);
    return m;
}
