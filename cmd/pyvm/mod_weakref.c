/* cmd/pyvm/mod_weakref.c: the _weakref module (weakref.py and
 * _weakrefset.py build on it) and the weak references themselves.
 *
 * Stage: pyvm.  ref and proxy are classes written in Python (run as a
 * frozen module) that hold their referent through a side table here, not
 * a reference: when the referent is freed (vm_dealloc calls vm_weak_dead),
 * its refs are cleared (ref() gives None, a proxy raises ReferenceError)
 * and their callbacks run, newest first, with the ref as argument (an
 * exception in a callback goes to sys.unraisablehook, unraisable.h).
 * A ref that dies first just leaves the table.  Objects of the built-in
 * value types, and instances of classes whose __slots__ leave out
 * __weakref__, cannot be referenced (TypeError).
 *
 * The table maps both ways, with raw (uncounted) pointers: a referent to
 * its refs, and a ref to its referent (open addressing on the address).
 */
#include "cmd/pyvm/mod_weakref.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/unraisable.h"

/* One slot of the table: key is a referent (refs lists its refs) or a ref
 * (target is its referent). */
typedef struct WeakSlot {
    Obj *key;          /* NULL: empty slot */
    Obj *target;       /* key is a ref: its referent; else NULL */
    Obj **refs;        /* key is a referent: its refs, oldest first (malloc'd) */
    size_t nrefs;      /* how many */
} WeakSlot;

static WeakSlot *slots;    /* the table, cap slots */
static size_t cap;         /* a power of two, or 0 */
size_t vm_weak_live;       /* slots in use (vm_dealloc's quick test) */

static size_t slot_hash(const Obj *o)
{
    uintptr_t h = (uintptr_t)o;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15u;
    return (size_t)(h ^ (h >> 29));
}

static WeakSlot *find(const Obj *key)
{
    if (!cap)
        return NULL;
    for (size_t i = slot_hash(key) & (cap - 1);; i = (i + 1) & (cap - 1)) {
        if (slots[i].key == key)
            return &slots[i];
        if (!slots[i].key)
            return NULL;
    }
}

static void grow(void);

/* The slot for key, made empty-valued when new. */
static WeakSlot *find_or_add(Obj *key)
{
    WeakSlot *s = find(key);
    if (s)
        return s;
    if ((vm_weak_live + 1) * 2 > cap)
        grow();
    size_t i = slot_hash(key) & (cap - 1);
    while (slots[i].key)
        i = (i + 1) & (cap - 1);
    slots[i] = (WeakSlot){key, NULL, NULL, 0};
    vm_weak_live++;
    return &slots[i];
}

static void grow(void)
{
    WeakSlot *old = slots;
    size_t oldcap = cap;
    cap = cap ? cap * 2 : 64;
    slots = calloc(cap, sizeof *slots);
    if (!slots)
        ls_die(LS_EXIT_USAGE, "pyvm: out of memory");
    vm_weak_live = 0;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key)
            *find_or_add(old[i].key) = old[i];
    free(old);
}

/* Empty slot s, shifting later entries of its run back (no tombstones). */
static void remove_slot(WeakSlot *s)
{
    size_t i = (size_t)(s - slots);
    slots[i].key = NULL;
    vm_weak_live--;
    for (size_t j = (i + 1) & (cap - 1); slots[j].key; j = (j + 1) & (cap - 1)) {
        size_t home = slot_hash(slots[j].key) & (cap - 1);
        /* move j to i when its home is not in (i, j] (cyclically) */
        bool keep = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!keep) {
            slots[i] = slots[j];
            slots[j].key = NULL;
            i = j;
        }
    }
}

/* _link(ref, ob): ref now refers to ob. */
static Obj *wr_link(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("_link", nargs, 2, 2) < 0)
        return NULL;
    Obj *r = args[0], *ob = args[1];
    WeakSlot *s = find_or_add(ob);
    Obj **refs = realloc(s->refs, (s->nrefs + 1) * sizeof *refs);
    if (!refs)
        return vm_err_nomem();
    refs[s->nrefs++] = r;
    s->refs = refs;
    find_or_add(r)->target = ob;    /* may move s: done last */
    return vm_newref(VM_NONE);
}

/* _get(ref): the referent, or None once it died. */
static Obj *wr_get(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("_get", nargs, 1, 1) < 0)
        return NULL;
    WeakSlot *s = find(args[0]);
    return vm_newref(s && s->target ? s->target : VM_NONE);
}

/* The refs to ob (a list): getweakrefs and getweakrefcount. */
static Obj *refs_list(Obj *ob)
{
    Obj *l = vm_list_new(0);
    WeakSlot *s = find(ob);
    for (size_t i = 0; l && s && i < s->nrefs; i++)
        vm_list_append(l, s->refs[i]);
    return l;
}

static Obj *wr_getweakrefs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("getweakrefs", nargs, 1, 1) < 0)
        return NULL;
    return refs_list(args[0]);
}

static Obj *wr_getweakrefcount(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("getweakrefcount", nargs, 1, 1) < 0)
        return NULL;
    WeakSlot *s = find(args[0]);
    return vm_int_from_i64(s ? (int64_t)s->nrefs : 0);
}

/* Run r.__callback__(r) if it has one; the caller holds r. */
static void run_callback(Obj *r)
{
    Obj *name = vm_str_intern("__callback__", 12);
    Obj *cb = vm_getattr(r, name);
    if (!cb) {
        vm_err_clear();
        return;
    }
    if (cb != VM_NONE) {
        Obj *res = vm_call(cb, &r, 1, NULL);
        if (res)
            DECREF(res);
        else
            vm_unraisable(NULL, cb);    /* sys.unraisablehook (unraisable.c) */
    }
    DECREF(cb);
}

/* Forget that r refers to target (r is dying). */
static void unlink_ref(Obj *r, Obj *target)
{
    WeakSlot *t = find(target);
    for (size_t i = 0; t && i < t->nrefs; i++)
        if (t->refs[i] == r) {
            memmove(t->refs + i, t->refs + i + 1, (t->nrefs - i - 1) * sizeof *t->refs);
            if (--t->nrefs == 0) {
                free(t->refs);
                t->refs = NULL;
                if (!t->target)
                    remove_slot(t);
            }
            return;
        }
}

void vm_weak_dead(Obj *o)
{
    WeakSlot *s = find(o);
    if (!s)
        return;
    /* o may be both a ref and a referent (a ref subclass, WeakMethod) */
    Obj *target = s->target;
    Obj **refs = s->refs;
    size_t n = s->nrefs;
    remove_slot(s);
    if (target)
        unlink_ref(o, target);
    if (!n)
        return;
    /* a referent dies: clear its refs, then call back (newest first) */
    for (size_t i = 0; i < n; i++) {
        WeakSlot *rs = find(refs[i]);
        if (rs) {
            rs->target = NULL;
            if (!rs->nrefs)
                remove_slot(rs);
        }
        INCREF(refs[i]);        /* alive: a dying ref would have left the list */
    }
    Obj *pending = vm_err_fetch();
    for (size_t i = n; i-- > 0;) {
        run_callback(refs[i]);
        DECREF(refs[i]);
    }
    if (pending)
        vm_err_restore(pending);
    free(refs);
}

void vm_weak_clear_garbage(Obj *o, bool (*is_garbage)(Obj *r))
{
    WeakSlot *s = find(o);
    if (!s || !s->nrefs)
        return;
    Obj **refs = s->refs;
    size_t n = s->nrefs;
    s->refs = NULL;
    s->nrefs = 0;
    if (!s->target)
        remove_slot(s);     /* o stays in the table only as a ref itself */
    for (size_t i = 0; i < n; i++) {
        WeakSlot *rs = find(refs[i]);
        if (rs) {
            rs->target = NULL;
            if (!rs->nrefs)
                remove_slot(rs);
        }
        INCREF(refs[i]);
    }
    Obj *pending = vm_err_fetch();
    for (size_t i = n; i-- > 0;) {
        if (!is_garbage(refs[i]))
            run_callback(refs[i]);
        DECREF(refs[i]);
    }
    if (pending)
        vm_err_restore(pending);
    free(refs);
}

static const char weakref_src[] =
    "_NOWEAK = (int, float, complex, str, bytes, tuple, list, dict, bool,\n"
    "           type(None), bytearray, range, slice)\n"
    "\n"
    "def _check(ob):\n"
    "    t = type(ob)\n"
    "    if t in _NOWEAK or t is ReferenceType or t is ProxyType or isinstance(ob, (int, tuple, bytes)):\n"
    "        raise TypeError(\"cannot create weak reference to '%s' object\" % t.__name__)\n"
    "    for k in t.__mro__:\n"
    "        if k is object:\n"
    "            continue\n"
    "        s = k.__dict__.get('__slots__')\n"
    "        if s is None or '__weakref__' in ((s,) if isinstance(s, str) else s):\n"
    "            return\n"
    "    raise TypeError(\"cannot create weak reference to '%s' object\" % t.__name__)\n"
    "\n"
    "class ReferenceType:\n"
    "    def __new__(cls, ob, callback=None, *args, **kwargs):\n"
    "        _check(ob)\n"
    "        if cls is ReferenceType and callback is None:\n"
    "            for r in getweakrefs(ob):\n"
    "                if type(r) is ReferenceType and r.__callback__ is None:\n"
    "                    return r\n"
    "        self = object.__new__(cls)\n"
    "        object.__setattr__(self, '__callback__', callback)\n"
    "        _link(self, ob)\n"
    "        return self\n"
    "    def __init__(self, ob, callback=None, *args, **kwargs):\n"
    "        pass\n"
    "    def __call__(self):\n"
    "        return _get(self)\n"
    "    def __hash__(self):\n"
    "        h = self.__dict__.get('_pyvm_hash')\n"
    "        if h is None:\n"
    "            ob = _get(self)\n"
    "            if ob is None:\n"
    "                raise TypeError('weak object has gone away')\n"
    "            h = hash(ob)\n"
    "            object.__setattr__(self, '_pyvm_hash', h)\n"
    "        return h\n"
    "    def __eq__(self, other):\n"
    "        if isinstance(other, ReferenceType):\n"
    "            a, b = _get(self), _get(other)\n"
    "            if a is None or b is None:\n"
    "                return self is other\n"
    "            return a == b\n"
    "        return NotImplemented\n"
    "    def __ne__(self, other):\n"
    "        if isinstance(other, ReferenceType):\n"
    "            a, b = _get(self), _get(other)\n"
    "            if a is None or b is None:\n"
    "                return self is not other\n"
    "            return a != b\n"
    "        return NotImplemented\n"
    "    def __repr__(self):\n"
    "        ob = _get(self)\n"
    "        if ob is None:\n"
    "            return '<weakref at %#x; dead>' % id(self)\n"
    "        return '<weakref at %#x; to %r at %#x>' % (id(self), type(ob).__name__, id(ob))\n"
    "    def __class_getitem__(cls, item):\n"
    "        return cls\n"
    "ReferenceType.__module__ = 'weakref'\n"
    "ref = ReferenceType\n"
    "\n"
    "def _live(p):\n"
    "    ob = _get(p)\n"
    "    if ob is None:\n"
    "        raise ReferenceError('weakly-referenced object no longer exists')\n"
    "    return ob\n"
    "\n"
    "class ProxyType:\n"
    "    def __init__(self, ob, callback=None):\n"
    "        _check(ob)\n"
    "        object.__setattr__(self, '__callback__', callback)\n"
    "        _link(self, ob)\n"
    "    def __getattr__(self, name):\n"
    "        return getattr(_live(self), name)\n"
    "    def __setattr__(self, name, value):\n"
    "        setattr(_live(self), name, value)\n"
    "    def __delattr__(self, name):\n"
    "        delattr(_live(self), name)\n"
    "    def __repr__(self):\n"
    "        ob = _get(self)\n"
    "        if ob is None:\n"
    "            return '<weakproxy at %#x; dead>' % id(self)\n"
    "        return '<weakproxy at %#x; to %r at %#x>' % (id(self), type(ob).__name__, id(ob))\n"
    "    def __str__(self):\n"
    "        return str(_live(self))\n"
    "    def __bool__(self):\n"
    "        return bool(_live(self))\n"
    "    def __len__(self):\n"
    "        return len(_live(self))\n"
    "    def __iter__(self):\n"
    "        return iter(_live(self))\n"
    "    def __getitem__(self, key):\n"
    "        return _live(self)[key]\n"
    "    def __setitem__(self, key, value):\n"
    "        _live(self)[key] = value\n"
    "    def __contains__(self, item):\n"
    "        return item in _live(self)\n"
    "    def __eq__(self, other):\n"
    "        return _live(self) == other\n"
    "    def __call__(self, *args, **kwargs):\n"
    "        return _live(self)(*args, **kwargs)\n"
    "    __hash__ = None\n"
    "ProxyType.__module__ = 'weakref'\n"
    "CallableProxyType = ProxyType\n"
    "\n"
    "def proxy(ob, callback=None):\n"
    "    return ProxyType(ob, callback)\n"
    "\n"
    "def _remove_dead_weakref(d, key):\n"
    "    try:\n"
    "        wr = d[key]\n"
    "    except KeyError:\n"
    "        return\n"
    "    if wr() is None:\n"
    "        del d[key]\n";

Obj *vm_mod__weakref(void)
{
    Obj *m = vm_module_new("_weakref");
    if (!m)
        return NULL;
    vm_module_add_func(m, "_link", wr_link);
    vm_module_add_func(m, "_get", wr_get);
    vm_module_add_func(m, "getweakrefs", wr_getweakrefs);
    vm_module_add_func(m, "getweakrefcount", wr_getweakrefcount);
    if (vm_frozen_exec(m, "_weakref", weakref_src) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
