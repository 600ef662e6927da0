/* cmd/pyvm/class.h: classes: the type `type` (class creation with C3 MRO,
 * calling a class), instances of classes (generic attributes with
 * descriptors and __dict__), the dunder-method slots of classes, and
 * property, staticmethod, classmethod and super.
 *
 * Stage: pyvm.
 */
#ifndef VM_CLASS_H
#define VM_CLASS_H

#include "cmd/pyvm/object.h"

extern Type vm_property_type, vm_staticmethod_type, vm_classmethod_type, vm_super_type;
/* The attributes __slots__ declares (data descriptors over a pointer in the
 * instance). */
extern Type vm_member_descr_type;
/* The values of o's set __slots__ attributes as a dict, or None when it
 * has none (object.__getstate__). */
Obj *vm_slots_state(Obj *o) LS_MUST_CHECK;
extern const MethodDef vm_object_methods[];

/* The slots of `type` itself. */
void vm_type_dealloc(Obj *o);
Obj *vm_type_repr(Obj *o);
void vm_type_traverse(Obj *o, VisitFn visit, void *arg);
void vm_type_clear(Obj *o);
Obj *vm_type_call(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *vm_type_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
/* The cls of T.__new__(cls, ...) for the built-in T (owner), checked as
 * CPython checks it (a type, a subtype of owner); NULL with TypeError. */
Type *vm_new_cls_arg(Type *owner, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *vm_type_getattr(Obj *o, Obj *name);
int vm_type_setattr(Obj *o, Obj *name, Obj *v);

extern const MethodDef vm_type_methods[];
void vm_class_init(void);

/* builtins.__build_class__(func, name, *bases, metaclass=None) */
Obj *vm_build_class(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);

/* o.__class__ = v with CPython's checks (same layout; heap classes, or a
 * module and ModuleType subclasses); -1 with TypeError. */
int vm_set_class(Obj *o, Obj *v);

/* Call the special method name of o's class with args; *found false (and
 * NULL returned, no error) when the class has none. */
Obj *vm_call_special(Obj *o, const char *name, Obj *const *args, size_t nargs,
                     bool *found) LS_MUST_CHECK;

/* object.__repr__: "<MODULE.QUALNAME object at 0x...>" (no module for builtins). */
Obj *vm_object_repr_default(Obj *self);

#endif
