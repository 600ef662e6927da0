/* cmd/pyvm/object.h: pyvm's object model: the common object header, type
 * objects with slots, reference counting, the error contract and the
 * generic protocols (repr, str, hash, compare, operators, items, iteration,
 * attributes, calls) that dispatch through the slots.
 *
 * Stage: pyvm (runs a binary code object, formats/code.md).
 *
 * Error contract (everywhere in pyvm): a function returning Obj * returns
 * NULL with an exception pending (vm_err_*); a function returning int
 * returns -1 with an exception pending.  Results that must be checked are
 * LS_MUST_CHECK.  New references are returned unless a comment says
 * "borrowed".
 */
#ifndef VM_OBJECT_H
#define VM_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <sys/types.h>
#include "libstage/common.h"
#include "cmd/pyvm/alloc.h"

typedef struct Obj Obj;
typedef struct Type Type;

/* Every heap object starts with this header. */
struct Obj {
    intptr_t refcnt;        /* references held; statics start huge (immortal) */
    Type *type;             /* the object's class */
};

#define OBJ_IMMORTAL ((intptr_t)1 << 60)
#define OBJ_HEAD_INIT(t) {OBJ_IMMORTAL, (t)}

void vm_dealloc(Obj *o);

#define INCREF(o) ((void)(((Obj *)(o))->refcnt++))
#define DECREF(o) do { Obj *dec_ = (Obj *)(o); \
        if (--dec_->refcnt == 0) vm_dealloc(dec_); } while (0)
#define XINCREF(o) do { Obj *xi_ = (Obj *)(o); if (xi_) INCREF(xi_); } while (0)
#define XDECREF(o) do { Obj *xd_ = (Obj *)(o); if (xd_) DECREF(xd_); } while (0)
#define CLEAR(o) do { Obj *clr_ = (Obj *)(o); (o) = NULL; XDECREF(clr_); } while (0)

/* Visit each reference an object holds (the cycle collector's traverse). */
typedef void (*VisitFn)(Obj *o, void *arg);
#define VISIT(x) do { if (x) visit((Obj *)(x), arg); } while (0)

/* Builtin C functions, vectorcall style: positional args, then the values of
 * the keyword arguments named by kwnames (a tuple of str, or NULL). */
typedef Obj *(*CFunc)(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);

typedef struct MethodDef {
    const char *name;       /* attribute name */
    CFunc fn;               /* called with self = the instance */
} MethodDef;

/* Comparison operators: the CMP argument of COMPARE_OP. */
enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };

/* Unary operators for the unary slot. */
enum { UN_NEG, UN_POS, UN_INVERT };

/* BINARY_OP arguments: CPython 3.11's NB_* numbering. */
enum {
    NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY,
    NB_MULTIPLY, NB_REMAINDER, NB_OR, NB_POWER, NB_RSHIFT, NB_SUBTRACT,
    NB_TRUE_DIVIDE, NB_XOR, NB_INPLACE_FIRST, NB_COUNT = 26
};

/* Type flags: fast subclass tests and behaviour switches. */
enum {
    TF_INT = 1u << 0,       /* int or a subclass (bool) */
    TF_STR = 1u << 1,
    TF_TUPLE = 1u << 2,
    TF_LIST = 1u << 3,
    TF_DICT = 1u << 4,
    TF_EXC = 1u << 5,       /* BaseException or a subclass */
    TF_TYPE = 1u << 6,      /* type or a subclass */
    TF_FLOAT = 1u << 7,
    TF_NOSUBCLASS = 1u << 8,/* cannot be subclassed (bool, NoneType) */
    TF_HEAP = 1u << 9,      /* created by a class statement (refcounted, freed) */
    TF_GC = 1u << 10,       /* a container: tracked by the cycle collector (gc.h) */
    TF_BASETYPE = 1u << 11, /* a C type a class may derive from: fixed-size instances
                               that need no constructor (zeroed, then __init__ runs),
                               e.g. _random.Random */
    TF_SUBCONSTRUCT = 1u << 12, /* a C type a class may derive from whose construct,
                               called with the subclass as self, allocates the
                               subclass's instance itself (enumerate, zip, ...) */
};

struct Type {
    Obj ob;                 /* a type is an object of type `type` */
    const char *name;       /* __name__ */
    Type *base;             /* __base__; NULL only for object */
    unsigned flags;         /* TF_* */
    size_t basicsize;       /* instance size in bytes */
    void (*dealloc)(Obj *o);                        /* free an instance */
    Obj *(*repr)(Obj *o);                           /* repr(); NULL: <x object at> */
    Obj *(*str)(Obj *o);                            /* str(); NULL: repr */
    int (*hash)(Obj *o, int64_t *out);              /* hash(); NULL: identity */
    Obj *(*richcmp)(Obj *a, Obj *b, int op);        /* may return NotImplemented */
    Obj *(*binop)(Obj *a, Obj *b, int op);          /* NB_* (not in-place); a or b is ours */
    Obj *(*unary)(Obj *a, int op);                  /* UN_* */
    int (*truth)(Obj *o);                           /* bool(); NULL: len or true */
    ssize_t (*len)(Obj *o);                         /* len(); NULL: unsupported */
    Obj *(*getitem)(Obj *o, Obj *key);              /* o[key] */
    int (*setitem)(Obj *o, Obj *key, Obj *v);       /* o[key] = v; v NULL: del */
    int (*contains)(Obj *o, Obj *v);                /* v in o: 1, 0 or -1 */
    Obj *(*iter)(Obj *o);                           /* iter() */
    Obj *(*iternext)(Obj *o);                       /* NULL without error: exhausted */
    CFunc call;                                     /* o(...), self = o */
    CFunc construct;                                /* type(...), self = the type */
    Obj *(*getattr)(Obj *o, Obj *name);             /* NULL: generic lookup */
    int (*setattr)(Obj *o, Obj *name, Obj *v);      /* NULL: generic; v NULL: delete */
    void (*traverse)(Obj *o, VisitFn visit, void *arg); /* TF_GC: visit references */
    void (*clear)(Obj *o);                          /* TF_GC: drop references (cycles) */
    void (*finalize)(Obj *o);                       /* TF_GC: __del__ (PEP 442), run once
                                                       before the object dies: gc.h */
    const MethodDef *methods;                       /* NULL-terminated; into dict at init */
    Obj *dict;                                      /* class attributes (a dict) */
    Obj *mro;               /* heap types: tuple of the MRO; NULL: follow base */
    Obj *bases;             /* heap types: tuple of the bases */
    size_t dictoffset;      /* offset of the instance __dict__ pointer; 0: none */
    Obj *qualname;          /* heap types: __qualname__ (str) */
    Obj *module;            /* heap types: __module__ (str) */
    Obj *slotnames;         /* heap types whose __slots__ (and their bases') leave out
                               __dict__: the names instances may set (a frozenset); else NULL */
};

extern Type vm_type_type, vm_object_type, vm_none_type, vm_notimpl_type,
    vm_ellipsis_type;
extern Obj vm_none_obj, vm_notimpl_obj, vm_ellipsis_obj;
#define VM_NONE (&vm_none_obj)
#define VM_NOTIMPL (&vm_notimpl_obj)

#define TYPE(o) (((Obj *)(o))->type)
#define HAS_FLAG(o, f) ((TYPE(o)->flags & (f)) != 0)

static inline Obj *vm_newref(Obj *o) { INCREF(o); return o; }

/* Allocate an instance of t (basicsize bytes + extra), refcnt 1. */
void *vm_alloc(Type *t, size_t extra);
/* As vm_alloc for a type without TF_GC, but a failed allocation raises
 * MemoryError and returns NULL instead of ending pyvm. */
void *vm_try_alloc(Type *t, size_t extra);
/* Give an object's memory back (the last step of every dealloc). */
void vm_obj_free(Obj *o);

/* Set up every builtin type (method dicts); once, before anything runs. */
void vm_types_init(void);
/* Fill t->dict from t->methods. */
void vm_type_ready(Type *t);
bool vm_is_subtype(const Type *t, const Type *base);

/* ---- generic protocols ---- */
Obj *vm_repr(Obj *o) LS_MUST_CHECK;
Obj *vm_str(Obj *o) LS_MUST_CHECK;
int vm_hash(Obj *o, int64_t *out) LS_MUST_CHECK;
Obj *vm_richcmp(Obj *a, Obj *b, int op) LS_MUST_CHECK;
/* a == b as a C truth value; -1 on error. */
int vm_eq(Obj *a, Obj *b) LS_MUST_CHECK;
int vm_truth(Obj *o) LS_MUST_CHECK;
/* Binary operator NB_* (in-place forms included). */
Obj *vm_binop(Obj *a, Obj *b, int op) LS_MUST_CHECK;
Obj *vm_unary(Obj *a, int op) LS_MUST_CHECK;
ssize_t vm_len(Obj *o) LS_MUST_CHECK;
Obj *vm_getitem(Obj *o, Obj *key) LS_MUST_CHECK;
int vm_setitem(Obj *o, Obj *key, Obj *v) LS_MUST_CHECK;
int vm_contains(Obj *o, Obj *v) LS_MUST_CHECK;
Obj *vm_iter(Obj *o) LS_MUST_CHECK;
/* Next item; NULL and no error pending: exhausted. */
Obj *vm_next(Obj *it) LS_MUST_CHECK;
Obj *vm_getattr(Obj *o, Obj *name) LS_MUST_CHECK;
int vm_setattr(Obj *o, Obj *name, Obj *v) LS_MUST_CHECK;
/* Bumped whenever a class attribute changes (invalidates lookup caches). */
extern uint64_t vm_type_version;
/* Look a name up in t's class dicts along the MRO; borrowed or NULL. */
Obj *vm_type_lookup(Type *t, Obj *name);
/* Attribute lookup without the type's getattr slot: descriptors, the
 * instance __dict__, then __getattr__ (CPython's generic getattr). */
Obj *vm_generic_getattr(Obj *o, Obj *name) LS_MUST_CHECK;
int vm_generic_setattr(Obj *o, Obj *name, Obj *v) LS_MUST_CHECK;
/* dictoffset of a class whose builtin base has a variable size (int, str,
 * bytes, tuple): the instance __dict__ pointer follows the variable part,
 * at an address class.c computes per instance. */
#define VM_DICTOFF_VAR SIZE_MAX
Obj **vm_var_dictptr(Obj *o);
/* Where o's instance __dict__ pointer is, or NULL. */
static inline Obj **vm_dictptr(Obj *o)
{
    size_t off = o->type->dictoffset;
    if (LS_UNLIKELY(off == VM_DICTOFF_VAR))
        return vm_var_dictptr(o);
    return off ? (Obj **)((char *)o + off) : NULL;
}
Obj *vm_call(Obj *f, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;

/* Name of o's type, for messages. */
static inline const char *vm_tname(Obj *o) { return TYPE(o)->name; }

/* Argument checking helpers for builtins: raise CPython's TypeErrors. */
int vm_nokw(const char *fname, Obj *kwnames) LS_MUST_CHECK;
int vm_argc(const char *fname, size_t nargs, size_t min, size_t max) LS_MUST_CHECK;

#endif
