/* cmd/pyvm/dict.h: dict, an insertion-ordered hash table (CPython's compact
 * layout: a sparse index table over a dense array of entries), and its views.
 *
 * Stage: pyvm.  Also the namespace of modules (globals) and builtins.
 */
#ifndef VM_DICT_H
#define VM_DICT_H

#include "cmd/pyvm/object.h"

typedef struct DictEntry {
    int64_t hash;           /* the key's hash */
    Obj *key;               /* NULL: deleted */
    Obj *value;
} DictEntry;

typedef struct DictObj {
    Obj ob;
    ssize_t used;           /* live entries */
    ssize_t nentries;       /* entries filled (live + deleted) */
    ssize_t entcap;         /* entries allocated */
    size_t mask;            /* index table size - 1 (a power of two minus 1) */
    int64_t *index;         /* -1 empty, -2 deleted, else an entry number */
    DictEntry *entries;     /* in insertion order */
    uint64_t version;       /* a fresh vm_dict_version on every change (for caches) */
    uint64_t kversion;      /* the same, changed only when a key is added or removed
                               (so entries[] keep their keys and places while it holds) */
} DictObj;

extern Type vm_dict_type;
/* The last version number given to any dict: versions are unique across
 * dicts, so (version) alone identifies a dict state. */
extern uint64_t vm_dict_version;

#define DICT_CHECK(o) HAS_FLAG(o, TF_DICT)

Obj *vm_dict_new(void) LS_MUST_CHECK;
/* Set up the empty table of a freshly allocated dict (or subclass). */
void vm_dict_init_empty(Obj *d);
/* 1 found (*out borrowed), 0 missing, -1 error. */
int vm_dict_lookup(Obj *d, Obj *key, Obj **out) LS_MUST_CHECK;
/* Lookup by an interned str key; borrowed or NULL (never an error). */
Obj *vm_dict_get_str(Obj *d, Obj *key);
/* The entries[] number holding a str key, or -1 (never an error). */
ssize_t vm_dict_str_index(Obj *d, Obj *key);
int vm_dict_set(Obj *d, Obj *key, Obj *value) LS_MUST_CHECK;
/* Delete; 0, or -1 with KeyError when missing (or another error). */
int vm_dict_del(Obj *d, Obj *key) LS_MUST_CHECK;
/* Iterate: *pos starts at 0; borrowed key/value. */
bool vm_dict_next(Obj *d, ssize_t *pos, Obj **key, Obj **value);
int vm_dict_update(Obj *d, Obj *other) LS_MUST_CHECK;
/* Set d[name] for a C string name. */
int vm_dict_set_cstr(Obj *d, const char *name, Obj *value) LS_MUST_CHECK;
/* dict.fromkeys (installed as a class method). */
Obj *vm_dict_fromkeys(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);

/* A read-only mappingproxy over mapping (a class's __dict__). */
extern Type vm_mappingproxy_type;
Obj *vm_mappingproxy_new(Obj *mapping) LS_MUST_CHECK;

#endif
