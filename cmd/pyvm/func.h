/* cmd/pyvm/func.h: code objects as pyvm runs them (decoded once from
 * LsCode at load), functions, builtin functions and methods, bound methods
 * and cells.
 *
 * Stage: pyvm.  reads: libstage/code.h's LsCode (from codeio.c).
 */
#ifndef VM_FUNC_H
#define VM_FUNC_H

#include "libstage/common.h"   /* code.h needs bool first */
#include "libstage/code.h"
#include "cmd/pyvm/object.h"

/* The inline cache of one LOAD_GLOBAL (or module-level LOAD_NAME): valid
 * while neither dict has gained or lost a key (their kversions, dict.h,
 * are unique across dicts); the value is read from the entry remembered. */
typedef struct GlobalCache {
    uint64_t gver, bver;    /* kversions of globals and builtins when filled */
    int64_t ix;             /* entry number in globals, or -1 - entry number in builtins */
} GlobalCache;

/* A code object, with every constant already a VM object. */
typedef struct VmCode {
    Obj ob;
    const uint32_t *code;   /* instruction words (owned copy) */
    size_t ncode;
    Obj **consts;           /* co_consts as objects (owned) */
    size_t nconsts;
    Obj **names;            /* co_names as interned strs */
    size_t nnames;
    Obj **localsplus;       /* co_localsplusnames as interned strs */
    uint8_t *kinds;         /* CO_FAST_* per localsplus entry */
    int nlocalsplus;
    int nfree;              /* free variables (at the end of localsplus) */
    int argcount, posonlyargcount, kwonlyargcount;
    int flags;              /* CO_* */
    int stacksize;          /* max value stack depth */
    int firstlineno;
    Obj *name, *qualname;   /* strs */
    Obj *filename;          /* str */
    LsPos *positions;       /* one per instruction (owned) */
    LsExcEntry *exctable;   /* owned */
    size_t nexc;
    GlobalCache *gcache;    /* one per instruction (used by LOAD_GLOBAL) */
    struct AttrCache *acache; /* one per instruction for the attribute
                               instructions, allocated on first use (attrcache.h) */
} VmCode;

extern Type vm_code_type;

/* Decode an LsCode tree (nested code objects included) into VM objects.
 * Returns NULL with a message in err when an argument is out of range. */
VmCode *vm_code_load(const LsCode *c, char *err, size_t errlen);

/* A Python function. */
typedef struct FuncObj {
    Obj ob;
    VmCode *code;           /* __code__ */
    Obj *globals;           /* __globals__ (a dict) */
    Obj *builtins;          /* the builtins dict */
    Obj *name, *qualname;   /* __name__, __qualname__ */
    Obj *defaults;          /* tuple or NULL */
    Obj *kwdefaults;        /* dict or NULL */
    Obj *closure;           /* tuple of cells or NULL */
    Obj *annotations;       /* dict/tuple or NULL */
    Obj *dict;              /* __dict__ or NULL */
    Obj *module;            /* __module__ (a str) or NULL */
} FuncObj;

extern Type vm_func_type;
#define FUNC_CHECK(o) (TYPE(o) == &vm_func_type)

Obj *vm_func_new(VmCode *code, Obj *globals, Obj *builtins) LS_MUST_CHECK;

/* A function written in C: a plain builtin (self NULL, owner NULL), an
 * unbound method of a builtin type (owner set; the first argument is self),
 * or one bound to self. */
typedef struct BuiltinObj {
    Obj ob;
    const char *name;       /* __name__ */
    CFunc fn;               /* the implementation */
    Obj *self;              /* bound instance or NULL */
    Type *owner;            /* the type of a method, NULL for a function */
} BuiltinObj;

extern Type vm_builtin_type, vm_method_descr_type;

/* The owner type of the method descriptor being called, set just before a
 * builtin method runs (slot wrappers read it on entry). */
extern Type *vm_calling_owner;

Obj *vm_builtin_new(const char *name, CFunc fn, Type *owner) LS_MUST_CHECK;
/* The method descriptor bound to self. */
Obj *vm_builtin_bind(Obj *descr, Obj *self) LS_MUST_CHECK;

/* A Python function bound to an instance. */
typedef struct MethodObj {
    Obj ob;
    Obj *func;              /* __func__ */
    Obj *self;              /* __self__ */
} MethodObj;

extern Type vm_method_type;
Obj *vm_method_new(Obj *func, Obj *self) LS_MUST_CHECK;

/* A cell: a variable shared between scopes. */
typedef struct CellObj {
    Obj ob;
    Obj *ref;               /* the value, or NULL when empty */
} CellObj;

extern Type vm_cell_type;
Obj *vm_cell_new(Obj *v) LS_MUST_CHECK;

#endif
