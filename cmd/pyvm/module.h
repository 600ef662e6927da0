/* cmd/pyvm/module.h: module objects and `import`: the built-in modules
 * (sys, math, ...), and modules compiled from NAME.py beside the main
 * program by running the sibling pipeline tools.
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

/* IMPORT_NAME: the module (or top package) for `import name`. */
Obj *vm_import(Obj *name, Obj *fromlist, Obj *level) LS_MUST_CHECK;
/* IMPORT_FROM */
Obj *vm_import_from(Obj *mod, Obj *name) LS_MUST_CHECK;
/* IMPORT_STAR: copy the module's public names into ns. */
int vm_import_star(Obj *mod, Obj *ns) LS_MUST_CHECK;

/* sys.modules */
Obj *vm_sys_modules_dict(void);

/* Where the main program lives (for finding NAME.py) and where the
 * pipeline tools are; set by main. */
extern const char *vm_main_dir;
/* pyvm's own library of modules written in Python (cmd/pyvm/lib: collections,
 * itertools, functools, typing, dataclasses), or NULL. */
extern const char *vm_lib_dir;
extern const char *vm_tool_dir;

/* The builtin modules' makers (mod_*.c). */
Obj *vm_mod_sys(void) LS_MUST_CHECK;
Obj *vm_mod_math(void) LS_MUST_CHECK;

/* sys.stdout / sys.stderr writes (print(file=...)); flushes stdout before
 * writing stderr. */
void vm_write_stdout(const char *s, size_t n);
void vm_write_stderr(const char *s, size_t n);
extern Obj *vm_sys_stdout, *vm_sys_stderr;

#endif
