/* cmd/pyvm/module.h: module objects and the import system: the built-in
 * modules (modules.def), sys.path and sys.modules, packages (with
 * __init__.py, and namespace packages), relative imports, module specs,
 * and modules compiled from source (cached in __pycache__, import_cache.c).
 *
 * Stage: pyvm.
 */
#ifndef VM_MODULE_H
#define VM_MODULE_H

#include "cmd/pyvm/object.h"

typedef struct ModuleObj {
    Obj ob;
    Obj *name;              /* __name__ */
    Obj *dict;              /* the module's namespace */
} ModuleObj;

extern Type vm_module_type;

/* A new module named name with an empty namespace (but __name__). */
Obj *vm_module_new(const char *name) LS_MUST_CHECK;
/* Add a builtin function to a module. */
void vm_module_add_func(Obj *mod, const char *name, CFunc fn);
void vm_module_add(Obj *mod, const char *name, Obj *v);

/* A module's int constant ("O_RDONLY", O_RDONLY): tables of them are
 * added by vm_module_add_ints(). */
typedef struct VmIntConst {
    const char *name;       /* its name in the module */
    long value;             /* its value */
} VmIntConst;

void vm_module_add_ints(Obj *mod, const VmIntConst *c, size_t n);

/* IMPORT_NAME: the module (or top package) for `import name`; relative
 * imports resolve against the running frame's globals. */
Obj *vm_import(Obj *name, Obj *fromlist, Obj *level) LS_MUST_CHECK;
/* __import__(name, globals, locals, fromlist, level): globals may be NULL. */
Obj *vm_import_ex(Obj *name, Obj *globals, Obj *fromlist, int level) LS_MUST_CHECK;
/* import a module by its absolute dotted name (importlib.import_module). */
Obj *vm_import_abs(Obj *name) LS_MUST_CHECK;
/* IMPORT_FROM */
Obj *vm_import_from(Obj *mod, Obj *name) LS_MUST_CHECK;
/* IMPORT_STAR: copy the module's public names into ns. */
int vm_import_star(Obj *mod, Obj *ns) LS_MUST_CHECK;

/* sys.modules (borrowed) */
Obj *vm_sys_modules_dict(void);
/* sys.NAME as the program sees it now (borrowed), or NULL. */
Obj *vm_sys_attr(const char *name);
/* sys.path (a list, borrowed): the main program's directory, $PYTHONPATH,
 * then vm_stdlib_dir. */
Obj *vm_sys_path_list(void);
/* Add the import system's attributes to the sys module (path, meta_path,
 * path_hooks, path_importer_cache, builtin_module_names, ...) when they are
 * not there yet. */
void vm_sys_import_attrs(Obj *sys);
/* Make the __main__ module for the program file and register it in
 * sys.modules; returns its namespace (borrowed). */
Obj *vm_main_module_dict(Obj *filename);

/* The directory of CPython's pure-Python standard library: $PYVM_STDLIB,
 * default /usr/lib/python3.11. */
extern const char *vm_stdlib_dir;
/* Whether name (len bytes) is one of the stdlib modules CPython 3.11
 * freezes (os, runpy, ...), whose code pyvm names "<frozen NAME>". */
bool vm_frozen_stdlib_name(const char *name, size_t len);

/* Where the main program lives (for finding NAME.py) and where the
 * pipeline tools are; set by main. */
extern const char *vm_main_dir;
extern const char *vm_tool_dir;

/* The builtin modules' makers (mod_*.c), one per line of modules.def. */
#define MOD(name, maker) Obj *maker(void) LS_MUST_CHECK;
#include "cmd/pyvm/modules.def"
#undef MOD

/* sys.stdout / sys.stderr writes (print(file=...)); flushes stdout before
 * writing stderr. */
void vm_write_stdout(const char *s, size_t n);
void vm_write_stderr(const char *s, size_t n);
/* After writes to stdout: 0, or -1 with the OSError (BrokenPipeError when
 * the reader has gone: SIGPIPE is ignored) when the C stream failed. */
int vm_stdout_check(void) LS_MUST_CHECK;
extern Obj *vm_sys_stdout, *vm_sys_stderr;

#endif
