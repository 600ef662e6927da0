/* cmd/pyvm/dict.c: dict and its views (keys, values, items) and iterators.
 *
 * Stage: pyvm.  Layout as CPython 3.6+: entries are appended in insertion
 * order; a power-of-two index table maps hash slots to entry numbers with
 * open addressing (CPython's perturbed probing).  Deleted entries leave a
 * hole that a resize compacts.
 */
#include "cmd/pyvm/dict.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/set.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

uint64_t vm_dict_version;

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)

Obj *vm_dict_new(void)
{
    DictObj *d = vm_alloc(&vm_dict_type, 0);
    vm_dict_init_empty((Obj *)d);
    return (Obj *)d;
}

void vm_dict_init_empty(Obj *o)
{
    DictObj *d = (DictObj *)o;
    d->used = d->nentries = 0;
    d->entcap = 5;
    d->mask = 7;
    d->index = vm_mem_alloc(8 * sizeof(int64_t));
    for (int i = 0; i < 8; i++)
        d->index[i] = IX_EMPTY;
    d->entries = vm_mem_alloc(5 * sizeof(DictEntry));
    d->version = ++vm_dict_version;
    d->kversion = d->version;
}

static void dict_dealloc(Obj *o)
{
    DictObj *d = (DictObj *)o;
    for (ssize_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key) {
            DECREF(d->entries[i].key);
            DECREF(d->entries[i].value);
        }
    vm_mem_free(d->index);
    vm_mem_free(d->entries);
    vm_obj_free(o);
}

static void dict_traverse(Obj *o, VisitFn visit, void *arg)
{
    DictObj *d = (DictObj *)o;
    for (ssize_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key) {
            VISIT(d->entries[i].key);
            VISIT(d->entries[i].value);
        }
}

static void dict_gc_clear(Obj *o)
{
    DictObj *d = (DictObj *)o;
    DictEntry *e = d->entries;
    ssize_t n = d->nentries;
    d->entries = vm_mem_alloc(5 * sizeof(DictEntry));
    d->entcap = 5;
    d->nentries = d->used = 0;
    d->mask = 7;
    vm_mem_free(d->index);
    d->index = vm_mem_alloc(8 * sizeof(int64_t));
    for (int i = 0; i < 8; i++)
        d->index[i] = -1;
    d->version = ++vm_dict_version;
    d->kversion = d->version;
    for (ssize_t i = 0; i < n; i++)
        if (e[i].key) {
            DECREF(e[i].key);
            DECREF(e[i].value);
        }
    vm_mem_free(e);
}

/* Find key: returns the index-table slot holding it (*ix >= 0), or the slot
 * where it would be inserted (*ix = IX_EMPTY).  -1 on error (comparison). */
static int find(DictObj *d, Obj *key, int64_t hash, size_t *slot, int64_t *ix)
{
    size_t mask = d->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    size_t first_dummy = (size_t)-1;
    for (;;) {
        int64_t e = d->index[i];
        if (e == IX_EMPTY) {
            *slot = first_dummy != (size_t)-1 ? first_dummy : i;
            *ix = IX_EMPTY;
            return 0;
        }
        if (e == IX_DUMMY) {
            if (first_dummy == (size_t)-1)
                first_dummy = i;
        } else {
            DictEntry *en = &d->entries[e];
            if (en->key == key) {
                *slot = i;
                *ix = e;
                return 0;
            }
            if (en->hash == hash) {
                Obj *k = en->key;
                INCREF(k);
                uint64_t ver = d->version;
                int eq = vm_eq(k, key);
                DECREF(k);
                if (eq < 0)
                    return -1;
                if (d->version != ver)
                    return find(d, key, hash, slot, ix);    /* mutated: restart */
                if (eq) {
                    *slot = i;
                    *ix = e;
                    return 0;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* New tables for at least minused entries, the live entries compacted
 * into them.  -1 with MemoryError (the dict unchanged) when a huge dict
 * finds no memory for them. */
static int resize(DictObj *d, ssize_t minused)
{
    size_t size = 8;
    while (size * 2 < (size_t)minused * 3)
        size <<= 1;
    ssize_t live = 0;
    for (ssize_t r = 0; r < d->nentries; r++)
        live += d->entries[r].key != NULL;
    ssize_t entcap = (ssize_t)(size * 2 / 3);
    if (entcap < live + 1)
        entcap = live + 1;
    DictEntry *ne = vm_mem_try_alloc((size_t)entcap * sizeof(DictEntry));
    int64_t *ni = ne ? vm_mem_try_alloc(size * sizeof(int64_t)) : NULL;
    if (!ni) {
        if (ne)
            vm_mem_free(ne);
        vm_err_nomem();
        return -1;
    }
    /* compact the entries */
    ssize_t w = 0;
    for (ssize_t r = 0; r < d->nentries; r++)
        if (d->entries[r].key)
            ne[w++] = d->entries[r];
    d->nentries = w;
    d->entcap = entcap;
    vm_mem_free(d->entries);
    d->entries = ne;
    vm_mem_free(d->index);
    d->index = ni;
    for (size_t i = 0; i < size; i++)
        d->index[i] = IX_EMPTY;
    d->mask = size - 1;
    for (ssize_t e = 0; e < w; e++) {
        size_t mask = d->mask, perturb = (size_t)d->entries[e].hash;
        size_t i = perturb & mask;
        while (d->index[i] != IX_EMPTY) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        d->index[i] = e;
    }
    return 0;
}

/* perf: a str's cached hash without the call through vm_hash */
#define KEY_HASH(key, h) (TYPE(key) == &vm_str_type && ((StrObj *)(key))->hash != -1 \
                          ? (*(h) = ((StrObj *)(key))->hash, 0) : vm_hash((key), (h)))

int vm_dict_lookup(Obj *o, Obj *key, Obj **out)
{
    DictObj *d = (DictObj *)o;
    int64_t h;
    if (KEY_HASH(key, &h) < 0)
        return -1;
    size_t slot;
    int64_t ix;
    if (find(d, key, h, &slot, &ix) < 0)
        return -1;
    if (ix < 0)
        return 0;
    *out = d->entries[ix].value;
    return 1;
}

/* The entry number of a str key, or -1 (perf: shared by the attribute
 * caches, which remember where a name was). */
static inline ssize_t str_index(DictObj *d, Obj *key)
{
    int64_t h = ((StrObj *)key)->hash;
    if (h == -1 && vm_hash(key, &h) < 0)
        return -1;
    size_t mask = d->mask, i = (size_t)h & mask, perturb = (size_t)h;
    for (;;) {
        int64_t e = d->index[i];
        if (e == IX_EMPTY)
            return -1;
        if (e >= 0) {
            DictEntry *en = &d->entries[e];
            if (en->key == key)
                return (ssize_t)e;
            if (en->hash == h && STR_CHECK(en->key) && vm_str_eq(en->key, key))
                return (ssize_t)e;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Obj *vm_dict_get_str(Obj *o, Obj *key)
{
    DictObj *d = (DictObj *)o;
    ssize_t e = str_index(d, key);
    return e >= 0 ? d->entries[e].value : NULL;
}

ssize_t vm_dict_str_index(Obj *o, Obj *key)
{
    return str_index((DictObj *)o, key);
}

int vm_dict_set(Obj *o, Obj *key, Obj *value)
{
    DictObj *d = (DictObj *)o;
    int64_t h;
    if (KEY_HASH(key, &h) < 0)
        return -1;
    size_t slot;
    int64_t ix;
    if (find(d, key, h, &slot, &ix) < 0)
        return -1;
    d->version = ++vm_dict_version;
    if (ix >= 0) {
        Obj *old = d->entries[ix].value;
        d->entries[ix].value = vm_newref(value);
        DECREF(old);
        return 0;
    }
    d->kversion = d->version;
    if (d->nentries >= d->entcap) {
        if (resize(d, d->used * 3 + 1) < 0)
            return -1;
        if (find(d, key, h, &slot, &ix) < 0)
            return -1;
    }
    ssize_t e = d->nentries++;
    d->entries[e].hash = h;
    d->entries[e].key = vm_newref(key);
    d->entries[e].value = vm_newref(value);
    d->index[slot] = e;
    d->used++;
    return 0;
}

int vm_dict_set_cstr(Obj *d, const char *name, Obj *value)
{
    Obj *k = vm_str_intern(name, strlen(name));
    int rc = vm_dict_set(d, k, value);
    DECREF(k);
    return rc;
}

int vm_dict_del(Obj *o, Obj *key)
{
    DictObj *d = (DictObj *)o;
    int64_t h;
    if (vm_hash(key, &h) < 0)
        return -1;
    size_t slot;
    int64_t ix;
    if (find(d, key, h, &slot, &ix) < 0)
        return -1;
    if (ix < 0) {
        vm_err_obj(&vm_exc_KeyError, key);
        return -1;
    }
    d->version = ++vm_dict_version;
    d->kversion = d->version;
    Obj *k = d->entries[ix].key, *v = d->entries[ix].value;
    d->entries[ix].key = NULL;
    d->entries[ix].value = NULL;
    d->index[slot] = IX_DUMMY;
    d->used--;
    DECREF(k);
    DECREF(v);
    return 0;
}

bool vm_dict_next(Obj *o, ssize_t *pos, Obj **key, Obj **value)
{
    DictObj *d = (DictObj *)o;
    while (*pos < d->nentries) {
        DictEntry *e = &d->entries[(*pos)++];
        if (e->key) {
            *key = e->key;
            *value = e->value;
            return true;
        }
    }
    return false;
}

int vm_dict_update(Obj *d, Obj *other)
{
    if (DICT_CHECK(other)) {
        ssize_t pos = 0;
        Obj *k, *v;
        while (vm_dict_next(other, &pos, &k, &v))
            if (vm_dict_set(d, k, v) < 0)
                return -1;
        return 0;
    }
    /* a mapping (mappingproxy, a class with keys()): d[k] = other[k] for k in other.keys() */
    Obj *keys = vm_type_lookup(TYPE(other), vm_str_intern("keys", 4)) ? vm_getattr(other, vm_str_intern("keys", 4)) : NULL;
    if (keys) {
        Obj *ks = vm_call(keys, NULL, 0, NULL);
        DECREF(keys);
        Obj *kit = ks ? vm_iter(ks) : NULL;
        XDECREF(ks);
        if (!kit)
            return -1;
        Obj *k;
        int rc = 0;
        while (rc == 0 && (k = vm_next(kit))) {
            Obj *v = vm_getitem(other, k);
            rc = v ? vm_dict_set(d, k, v) : -1;
            XDECREF(v);
            DECREF(k);
        }
        DECREF(kit);
        return rc == 0 && vm_err_occurred() ? -1 : rc;
    }
    if (vm_err_occurred())
        return -1;
    Obj *it = vm_iter(other);
    if (!it)
        return -1;
    Obj *item;
    for (ssize_t idx = 0; (item = vm_next(it)) != NULL; idx++) {
        Obj *pair = TYPE(item)->iter ? vm_list_from_iter(item) : NULL;
        if (!pair && !vm_err_occurred())
            vm_err_fmt(&vm_exc_TypeError, "cannot convert dictionary update sequence element "
                       "#%zd to a sequence", idx);
        DECREF(item);
        if (!pair) {
            DECREF(it);
            return -1;
        }
        if (LIST_LEN(pair) != 2) {
            vm_err_fmt(&vm_exc_ValueError, "dictionary update sequence element #%zd has "
                       "length %zd; 2 is required", idx, LIST_LEN(pair));
            DECREF(pair);
            DECREF(it);
            return -1;
        }
        int rc = vm_dict_set(d, LIST_ITEMS(pair)[0], LIST_ITEMS(pair)[1]);
        DECREF(pair);
        if (rc < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return vm_err_occurred() ? -1 : 0;
}

static Obj *dict_binop(Obj *a, Obj *b, int op)
{
    bool inplace = op >= NB_INPLACE_FIRST;
    int o = inplace ? op - NB_INPLACE_FIRST : op;
    if (o != NB_OR || !DICT_CHECK(a))
        return vm_newref(VM_NOTIMPL);
    if (inplace) {
        if (vm_dict_update(a, b) < 0)
            return NULL;
        return vm_newref(a);
    }
    if (!DICT_CHECK(b))
        return vm_newref(VM_NOTIMPL);
    Obj *d = vm_dict_new();
    if (vm_dict_update(d, a) < 0 || vm_dict_update(d, b) < 0) {
        DECREF(d);
        return NULL;
    }
    return d;
}

/* dict.fromkeys(iterable, value=None), a class method */
Obj *vm_dict_fromkeys(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("fromkeys", kwnames) < 0 || nargs < 2 || nargs > 3)
        return vm_err_occurred() ? NULL
                                 : vm_err_fmt(&vm_exc_TypeError, "fromkeys expected at least 1 "
                                              "argument, got %zu", nargs ? nargs - 1 : 0);
    Obj *cls = args[0];
    Obj *d = cls == (Obj *)&vm_dict_type ? vm_dict_new() : vm_call(cls, NULL, 0, NULL);
    if (!d)
        return NULL;
    Obj *value = nargs > 2 ? args[2] : VM_NONE;
    Obj *it = vm_iter(args[1]);
    if (!it) {
        DECREF(d);
        return NULL;
    }
    Obj *k;
    while ((k = vm_next(it)) != NULL) {
        int rc = vm_setitem(d, k, value);
        DECREF(k);
        if (rc < 0) {
            DECREF(it);
            DECREF(d);
            return NULL;
        }
    }
    DECREF(it);
    if (vm_err_occurred()) {
        DECREF(d);
        return NULL;
    }
    return d;
}

static Obj *dict_repr(Obj *o)
{
    if (vm_repr_enter(o))
        return vm_str_cstr("{...}");
    Buf b = BUF_INIT;
    buf_putc(&b, '{');
    ssize_t pos = 0;
    Obj *k, *v;
    bool first = true, ok = true;
    while (ok && vm_dict_next(o, &pos, &k, &v)) {
        if (!first)
            buf_puts(&b, ", ");
        first = false;
        INCREF(k);
        INCREF(v);
        Obj *kr = vm_repr(k), *vr = kr ? vm_repr(v) : NULL;
        DECREF(k);
        DECREF(v);
        if (!vr) {
            XDECREF(kr);
            ok = false;
            break;
        }
        buf_put(&b, STR_DATA(kr), (size_t)STR_LEN(kr));
        buf_puts(&b, ": ");
        buf_put(&b, STR_DATA(vr), (size_t)STR_LEN(vr));
        DECREF(kr);
        DECREF(vr);
    }
    vm_repr_leave(o);
    buf_putc(&b, '}');
    Obj *r = ok ? vm_str_new(b.data, b.len) : NULL;
    buf_free(&b);
    return r;
}

static ssize_t dict_len(Obj *o)
{
    return ((DictObj *)o)->used;
}

static Obj *dict_getitem(Obj *o, Obj *key)
{
    Obj *v;
    int r = vm_dict_lookup(o, key, &v);
    if (r < 0)
        return NULL;
    if (r == 0) {
        if (TYPE(o) != &vm_dict_type) {
            bool found;
            Obj *m = vm_call_special(o, "__missing__", &key, 1, &found);
            if (found)
                return m;
        }
        return vm_err_obj(&vm_exc_KeyError, key);
    }
    return vm_newref(v);
}

static int dict_setitem(Obj *o, Obj *key, Obj *v)
{
    return v ? vm_dict_set(o, key, v) : vm_dict_del(o, key);
}

static int dict_contains(Obj *o, Obj *key)
{
    Obj *v;
    return vm_dict_lookup(o, key, &v);
}

static Obj *dict_richcmp(Obj *a, Obj *b, int op)
{
    if (!DICT_CHECK(a) || !DICT_CHECK(b) || (op != CMP_EQ && op != CMP_NE))
        return vm_newref(VM_NOTIMPL);
    bool eq = ((DictObj *)a)->used == ((DictObj *)b)->used;
    ssize_t pos = 0;
    Obj *k, *v;
    while (eq && vm_dict_next(a, &pos, &k, &v)) {
        Obj *w;
        int r = vm_dict_lookup(b, k, &w);
        if (r < 0)
            return NULL;
        if (r == 0) {
            eq = false;
            break;
        }
        int e = vm_eq(v, w);
        if (e < 0)
            return NULL;
        eq = e;
    }
    return VM_BOOL(eq == (op == CMP_EQ));
}

/* ---- iterators and views ---- */
enum { DK_KEYS, DK_VALUES, DK_ITEMS };

typedef struct DictIter {
    Obj ob;
    Obj *dict;              /* the dict; NULL when exhausted */
    ssize_t pos;            /* next entry to look at */
    ssize_t used;           /* the dict's size when iteration began */
    int kind;               /* DK_* */
    ssize_t done;           /* items produced so far */
} DictIter;

static void dictiter_dealloc(Obj *o)
{
    XDECREF(((DictIter *)o)->dict);
    vm_obj_free(o);
}

static Obj *dictiter_next(Obj *o)
{
    DictIter *it = (DictIter *)o;
    if (!it->dict)
        return NULL;
    if (((DictObj *)it->dict)->used != it->used) {
        it->used = -1;
        return vm_err_str(&vm_exc_RuntimeError, "dictionary changed size during iteration");
    }
    Obj *k, *v;
    if (!vm_dict_next(it->dict, &it->pos, &k, &v)) {
        CLEAR(it->dict);
        return NULL;
    }
    it->done++;
    if (it->kind == DK_KEYS)
        return vm_newref(k);
    if (it->kind == DK_VALUES)
        return vm_newref(v);
    Obj *t = vm_tuple_new(2);
    TUPLE_ITEMS(t)[0] = vm_newref(k);
    TUPLE_ITEMS(t)[1] = vm_newref(v);
    return t;
}

static Obj *self_iter(Obj *o) { return vm_newref(o); }

/* __length_hint__: the items left while the dict keeps its size, else 0 */
static Obj *dictiter_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    DictIter *it = (DictIter *)self;
    ssize_t n = 0;
    if (it->dict && ((DictObj *)it->dict)->used == it->used)
        n = it->used - it->done;
    return vm_int_from_i64(n);
}

static const MethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_hint},
    {NULL, NULL},
};

static Type dictiter_types[3] = {
    {.ob = OBJ_HEAD_INIT(&vm_type_type), .name = "dict_keyiterator", .base = &vm_object_type,
     .basicsize = sizeof(DictIter), .dealloc = dictiter_dealloc, .iter = self_iter,
     .iternext = dictiter_next, .methods = dictiter_methods},
    {.ob = OBJ_HEAD_INIT(&vm_type_type), .name = "dict_valueiterator", .base = &vm_object_type,
     .basicsize = sizeof(DictIter), .dealloc = dictiter_dealloc, .iter = self_iter,
     .iternext = dictiter_next, .methods = dictiter_methods},
    {.ob = OBJ_HEAD_INIT(&vm_type_type), .name = "dict_itemiterator", .base = &vm_object_type,
     .basicsize = sizeof(DictIter), .dealloc = dictiter_dealloc, .iter = self_iter,
     .iternext = dictiter_next, .methods = dictiter_methods},
};

static Obj *dict_iter_kind(Obj *d, int kind)
{
    DictIter *it = vm_alloc(&dictiter_types[kind], 0);
    it->dict = vm_newref(d);
    it->pos = 0;
    it->used = ((DictObj *)d)->used;
    it->kind = kind;
    it->done = 0;
    return (Obj *)it;
}

static Obj *dict_iter(Obj *o)
{
    return dict_iter_kind(o, DK_KEYS);
}

typedef struct DictView {
    Obj ob;
    Obj *dict;              /* the dict viewed */
    int kind;               /* DK_* */
} DictView;

static void view_dealloc(Obj *o)
{
    DECREF(((DictView *)o)->dict);
    vm_obj_free(o);
}

static Obj *view_iter(Obj *o)
{
    return dict_iter_kind(((DictView *)o)->dict, ((DictView *)o)->kind);
}

static ssize_t view_len(Obj *o)
{
    return ((DictObj *)((DictView *)o)->dict)->used;
}

static Obj *view_repr(Obj *o)
{
    if (vm_repr_enter(o))
        return vm_str_cstr("...");
    Obj *l = vm_list_from_iter(o);
    if (!l) {
        vm_repr_leave(o);
        return NULL;
    }
    Buf b = BUF_INIT;
    buf_printf(&b, "%s(", vm_tname(o));
    Obj *lr = vm_repr(l);
    vm_repr_leave(o);
    DECREF(l);
    if (!lr) {
        buf_free(&b);
        return NULL;
    }
    buf_put(&b, STR_DATA(lr), (size_t)STR_LEN(lr));
    DECREF(lr);
    buf_putc(&b, ')');
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

static int view_contains(Obj *o, Obj *v)
{
    DictView *dv = (DictView *)o;
    if (dv->kind == DK_KEYS)
        return dict_contains(dv->dict, v);
    Obj *it = view_iter(o), *x;
    while ((x = vm_next(it)) != NULL) {
        int eq = vm_eq(x, v);
        DECREF(x);
        if (eq) {
            DECREF(it);
            return eq;
        }
    }
    DECREF(it);
    return vm_err_occurred() ? -1 : 0;
}

static Type view_types[3];

/* Is o a set-like dict view (keys or items)? */
static bool setlike_view(Obj *o)
{
    return TYPE(o) == &view_types[DK_KEYS] || TYPE(o) == &view_types[DK_ITEMS];
}

/* A new set of o's items (o: a set-like view or any iterable). */
static Obj *as_set(Obj *o)
{
    Obj *s = vm_set_new(&vm_set_type);
    if (s && vm_set_update(s, o) < 0)
        CLEAR(s);
    return s;
}

/* keys/items views &, |, -, ^ (either side a view): as sets. */
static Obj *view_binop(Obj *a, Obj *b, int op)
{
    int o = op >= NB_INPLACE_FIRST ? op - NB_INPLACE_FIRST : op;
    if (o != NB_AND && o != NB_OR && o != NB_SUBTRACT && o != NB_XOR)
        return vm_newref(VM_NOTIMPL);
    if (!setlike_view(a) && !setlike_view(b))
        return vm_newref(VM_NOTIMPL);
    if (o == NB_AND) {
        /* CPython's _PyDictView_Intersect: iterate one side, keep what the
         * other contains, in a new set (the order decides the table). */
        Obj *self = setlike_view(a) ? a : b, *other = self == a ? b : a;
        ssize_t ls = vm_len(self), lo = SET_CHECK(other) || setlike_view(other)
            ? vm_len(other) : -1;
        if (ls < 0 || (lo < 0 && vm_err_occurred()))
            return NULL;
        if (setlike_view(other) && lo > ls) {
            Obj *t = self; self = other; other = t;
        }
        Obj *inner = self, *outer = other;
        if (TYPE(other) == &vm_set_type && ls <= lo) {
            inner = other;  /* other.intersection(self) */
            outer = self;
        }
        Obj *r = vm_set_new(&vm_set_type), *it = r ? vm_iter(outer) : NULL, *x;
        if (!it) {
            XDECREF(r);
            return NULL;
        }
        while ((x = vm_next(it)) != NULL) {
            int c = vm_contains(inner, x);
            if (c < 0 || (c && vm_set_add(r, x) < 0)) {
                DECREF(x);
                DECREF(it);
                DECREF(r);
                return NULL;
            }
            DECREF(x);
        }
        DECREF(it);
        if (vm_err_occurred()) {
            DECREF(r);
            return NULL;
        }
        return r;
    }
    /* |, -, ^: a set of the left side, updated in place with the right */
    Obj *sa = as_set(a);
    if (!sa)
        return NULL;
    if (o == NB_OR) {
        if (vm_set_update(sa, b) < 0)
            CLEAR(sa);
        return sa;
    }
    Obj *sb = as_set(b);
    Obj *r = sb ? vm_binop(sa, sb, o + NB_INPLACE_FIRST) : NULL;
    DECREF(sa);
    XDECREF(sb);
    return r;
}

/* Is every item of a contained in b?  -1 on error. */
static int all_in(Obj *a, Obj *b)
{
    Obj *it = vm_iter(a), *x;
    if (!it)
        return -1;
    while ((x = vm_next(it)) != NULL) {
        int c = vm_contains(b, x);
        DECREF(x);
        if (c <= 0) {
            DECREF(it);
            return c;
        }
    }
    DECREF(it);
    return vm_err_occurred() ? -1 : 1;
}

/* Set-like comparison of a keys/items view with a set or such a view. */
static Obj *view_richcmp(Obj *a, Obj *b, int op)
{
    if (!setlike_view(a) || !(setlike_view(b) || SET_CHECK(b)))
        return vm_newref(VM_NOTIMPL);
    ssize_t la = vm_len(a), lb = vm_len(b);
    if (la < 0 || lb < 0)
        return NULL;
    bool size_ok;
    switch (op) {
    case CMP_EQ: case CMP_NE: size_ok = la == lb; break;
    case CMP_LT: size_ok = la < lb; break;
    case CMP_LE: size_ok = la <= lb; break;
    case CMP_GT: size_ok = la > lb; break;
    default: size_ok = la >= lb; break;
    }
    int r = 0;
    if (size_ok)
        r = op == CMP_GT || op == CMP_GE ? all_in(b, a) : all_in(a, b);
    if (r < 0)
        return NULL;
    if (op == CMP_NE)
        r = !r;
    return VM_BOOL(r != 0);
}

/* keys/items view .isdisjoint(other): iterate the smaller side when
 * other is set-like (as CPython), else other. */
static Obj *view_isdisjoint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("isdisjoint", kwnames) < 0 || vm_argc("isdisjoint", nargs, 1, 1) < 0)
        return NULL;
    Obj *other = args[0], *probe = self, *walk = other;
    if (other == self) {
        ssize_t n = vm_len(self);
        return n < 0 ? NULL : VM_BOOL(n == 0);
    }
    if (SET_CHECK(other) || setlike_view(other)) {
        ssize_t ls = vm_len(self), lo = vm_len(other);
        if (ls < 0 || lo < 0)
            return NULL;
        if (lo > ls) {
            probe = other;
            walk = self;
        }
    }
    Obj *it = vm_iter(walk), *x;
    if (!it)
        return NULL;
    while ((x = vm_next(it)) != NULL) {
        int c = vm_contains(probe, x);
        DECREF(x);
        if (c != 0) {
            DECREF(it);
            return c < 0 ? NULL : VM_BOOL(false);
        }
    }
    DECREF(it);
    return vm_err_occurred() ? NULL : VM_BOOL(true);
}

static Obj *dict_reversed_kind(Obj *d, int kind);

static Obj *view_reversed(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    DictView *v = (DictView *)self;
    return dict_reversed_kind(v->dict, v->kind);
}

static int view_nohash(Obj *o, int64_t *out)
{
    vm_err_fmt(&vm_exc_TypeError, "unhashable type: '%s'", vm_tname(o));
    return -1;
}

/* view.mapping: a read-only proxy of the dict viewed */
static Obj *view_getattr(Obj *o, Obj *name)
{
    if (vm_str_eqc(name, "mapping"))
        return vm_mappingproxy_new(((DictView *)o)->dict);
    return NULL;
}

static const MethodDef setlike_view_methods[] = {
    {"isdisjoint", view_isdisjoint},
    {"__reversed__", view_reversed},
    {NULL, NULL},
};

static const MethodDef values_view_methods[] = {
    {"__reversed__", view_reversed},
    {NULL, NULL},
};

static Type view_types[3] = {
    {.ob = OBJ_HEAD_INIT(&vm_type_type), .name = "dict_keys", .base = &vm_object_type,
     .basicsize = sizeof(DictView), .dealloc = view_dealloc, .repr = view_repr,
     .len = view_len, .iter = view_iter, .contains = view_contains, .binop = view_binop,
     .richcmp = view_richcmp, .hash = view_nohash, .getattr = view_getattr, \
     .methods = setlike_view_methods},
    {.ob = OBJ_HEAD_INIT(&vm_type_type), .name = "dict_values", .base = &vm_object_type,
     .basicsize = sizeof(DictView), .dealloc = view_dealloc, .repr = view_repr,
     .len = view_len, .iter = view_iter, .contains = view_contains,
     .hash = view_nohash, .getattr = view_getattr, .methods = values_view_methods},
    {.ob = OBJ_HEAD_INIT(&vm_type_type), .name = "dict_items", .base = &vm_object_type,
     .basicsize = sizeof(DictView), .dealloc = view_dealloc, .repr = view_repr,
     .len = view_len, .iter = view_iter, .contains = view_contains, .binop = view_binop,
     .richcmp = view_richcmp, .hash = view_nohash, .getattr = view_getattr, \
     .methods = setlike_view_methods},
};

static Obj *make_view(Obj *d, int kind, const char *name, size_t nargs, Obj *kwnames)
{
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, 0, 0) < 0)
        return NULL;
    vm_type_ready(&view_types[kind]);
    DictView *v = vm_alloc(&view_types[kind], 0);
    v->dict = vm_newref(d);
    v->kind = kind;
    return (Obj *)v;
}

static Obj *dict_keys(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return make_view(self, DK_KEYS, "keys", nargs, kwnames);
}

static Obj *dict_values(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return make_view(self, DK_VALUES, "values", nargs, kwnames);
}

static Obj *dict_items(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return make_view(self, DK_ITEMS, "items", nargs, kwnames);
}

static Obj *dict_get(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("get", kwnames) < 0 || vm_argc("get", nargs, 1, 2) < 0)
        return NULL;
    Obj *v;
    int r = vm_dict_lookup(self, args[0], &v);
    if (r < 0)
        return NULL;
    return vm_newref(r ? v : nargs > 1 ? args[1] : VM_NONE);
}

static Obj *dict_setdefault(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("setdefault", kwnames) < 0 || vm_argc("setdefault", nargs, 1, 2) < 0)
        return NULL;
    Obj *v;
    int r = vm_dict_lookup(self, args[0], &v);
    if (r < 0)
        return NULL;
    if (r)
        return vm_newref(v);
    v = nargs > 1 ? args[1] : VM_NONE;
    if (vm_dict_set(self, args[0], v) < 0)
        return NULL;
    return vm_newref(v);
}

static Obj *dict_pop(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("pop", kwnames) < 0 || vm_argc("pop", nargs, 1, 2) < 0)
        return NULL;
    Obj *v;
    int r = vm_dict_lookup(self, args[0], &v);
    if (r < 0)
        return NULL;
    if (!r) {
        if (nargs > 1)
            return vm_newref(args[1]);
        return vm_err_obj(&vm_exc_KeyError, args[0]);
    }
    INCREF(v);
    if (vm_dict_del(self, args[0]) < 0) {
        DECREF(v);
        return NULL;
    }
    return v;
}

static Obj *dict_update_named(const char *fname, Obj *self, Obj *const *args, size_t nargs,
                              Obj *kwnames)
{
    if (vm_argc(fname, nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0), 0, 1) < 0)
        return NULL;
    size_t npos = nargs - (kwnames ? (size_t)TUPLE_LEN(kwnames) : 0);
    if (npos && vm_dict_update(self, args[0]) < 0)
        return NULL;
    for (ssize_t i = 0; kwnames && i < TUPLE_LEN(kwnames); i++)
        if (vm_dict_set(self, TUPLE_ITEMS(kwnames)[i], args[npos + (size_t)i]) < 0)
            return NULL;
    return vm_newref(VM_NONE);
}

static Obj *dict_update_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return dict_update_named("update", self, args, nargs, kwnames);
}

static Obj *dict_popitem(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("popitem", nargs, 0, 0) < 0)
        return NULL;
    DictObj *d = (DictObj *)self;
    for (ssize_t i = d->nentries; i-- > 0;) {
        if (!d->entries[i].key)
            continue;
        Obj *t = vm_tuple_new(2);
        TUPLE_ITEMS(t)[0] = vm_newref(d->entries[i].key);
        TUPLE_ITEMS(t)[1] = vm_newref(d->entries[i].value);
        if (vm_dict_del(self, TUPLE_ITEMS(t)[0]) < 0) {
            DECREF(t);
            return NULL;
        }
        return t;
    }
    return vm_err_str(&vm_exc_KeyError, "popitem(): dictionary is empty");
}

static Obj *dict_init_m(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return dict_update_named("dict", self, args, nargs, kwnames);
}

/* reversed(d) and reversed(view): over the live dict's entries from the
 * last, as CPython's dict_reverse*iterator types (a size change raises). */
typedef struct DictRevIter {
    Obj ob;
    Obj *dict;              /* the dict, NULL when done */
    ssize_t pos;            /* next entry to look at, counting down */
    ssize_t used;           /* the dict's size when iteration began */
    ssize_t left;           /* items still to produce */
    int kind;               /* DK_* */
} DictRevIter;

static void drev_dealloc(Obj *o)
{
    XDECREF(((DictRevIter *)o)->dict);
    vm_obj_free(o);
}

static Obj *drev_iter(Obj *o)
{
    return vm_newref(o);
}

static Obj *drev_next(Obj *o)
{
    DictRevIter *r = (DictRevIter *)o;
    if (!r->dict)
        return NULL;
    DictObj *d = (DictObj *)r->dict;
    if (d->used != r->used) {
        r->used = -1;
        return vm_err_str(&vm_exc_RuntimeError, "dictionary changed size during iteration");
    }
    if (r->pos >= d->nentries)     /* entries compacted by a delete and an insert */
        r->pos = d->nentries - 1;
    for (; r->pos >= 0; r->pos--) {
        DictEntry *e = &d->entries[r->pos];
        if (!e->key)
            continue;
        r->pos--;
        r->left--;
        if (r->kind == DK_KEYS)
            return vm_newref(e->key);
        if (r->kind == DK_VALUES)
            return vm_newref(e->value);
        Obj *t = vm_tuple_new(2);
        TUPLE_ITEMS(t)[0] = vm_newref(e->key);
        TUPLE_ITEMS(t)[1] = vm_newref(e->value);
        return t;
    }
    CLEAR(r->dict);
    return NULL;
}

/* __length_hint__: the items left while the dict keeps its size, else 0 */
static Obj *drev_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    DictRevIter *r = (DictRevIter *)self;
    bool live = r->dict && ((DictObj *)r->dict)->used == r->used;
    return vm_int_from_i64(live && r->left > 0 ? r->left : 0);
}

static const MethodDef drev_methods[] = {
    {"__length_hint__", drev_hint},
    {NULL, NULL},
};

#define DREV_TYPE(nm) {.ob = OBJ_HEAD_INIT(&vm_type_type), .name = nm, \
    .base = &vm_object_type, .flags = TF_NOSUBCLASS, .basicsize = sizeof(DictRevIter), \
    .dealloc = drev_dealloc, .iter = drev_iter, .iternext = drev_next, \
    .methods = drev_methods}
static Type drev_types[3] = {
    DREV_TYPE("dict_reversekeyiterator"),
    DREV_TYPE("dict_reversevalueiterator"),
    DREV_TYPE("dict_reverseitemiterator"),
};

static Obj *dict_reversed_kind(Obj *d, int kind)
{
    vm_type_ready(&drev_types[kind]);
    DictRevIter *r = vm_alloc(&drev_types[kind], 0);
    r->dict = vm_newref(d);
    r->pos = ((DictObj *)d)->nentries - 1;
    r->used = ((DictObj *)d)->used;
    r->left = r->used;
    r->kind = kind;
    return (Obj *)r;
}

static Obj *dict_reversed(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return dict_reversed_kind(self, DK_KEYS);
}

static Obj *dict_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("copy", kwnames) < 0 || vm_argc("copy", nargs, 0, 0) < 0)
        return NULL;
    Obj *d = vm_dict_new();
    if (vm_dict_update(d, self) < 0) {
        DECREF(d);
        return NULL;
    }
    return d;
}

static Obj *dict_clear(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("clear", kwnames) < 0 || vm_argc("clear", nargs, 0, 0) < 0)
        return NULL;
    DictObj *d = (DictObj *)self;
    ssize_t pos = 0;
    Obj *k, *v;
    Obj *keys = vm_list_new(0);
    while (vm_dict_next(self, &pos, &k, &v))
        vm_list_append(keys, k);
    for (ssize_t i = 0; i < LIST_LEN(keys); i++)
        if (vm_dict_del(self, LIST_ITEMS(keys)[i]) < 0)
            vm_err_clear();
    DECREF(keys);
    if (resize(d, 0) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

VM_BINOP_METHOD(dict_ior_m, "__ior__", dict_binop, NB_INPLACE_FIRST + NB_OR, false)
VM_BINOP_METHOD(dict_ror_m, "__ror__", dict_binop, NB_OR, true)

static const MethodDef dict_methods[] = {
    {"__ior__", dict_ior_m},
    {"__ror__", dict_ror_m},
    {"keys", dict_keys},
    {"values", dict_values},
    {"items", dict_items},
    {"get", dict_get},
    {"setdefault", dict_setdefault},
    {"pop", dict_pop},
    {"update", dict_update_m},
    {"copy", dict_copy},
    {"clear", dict_clear},
    {"__init__", dict_init_m},
    {"popitem", dict_popitem},
    {"__reversed__", dict_reversed},
    {NULL, NULL},
};

static Obj *dict_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *d = vm_dict_new();
    Obj *r = dict_update_named("dict", d, args, nargs, kwnames);
    if (!r) {
        DECREF(d);
        return NULL;
    }
    DECREF(r);
    return d;
}

static int dict_truth(Obj *o)
{
    return ((DictObj *)o)->used != 0;
}

static int nohash(Obj *o, int64_t *out)
{
    vm_err_fmt(&vm_exc_TypeError, "unhashable type: '%s'", vm_tname(o));
    return -1;
}

Type vm_dict_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "dict",
    .base = &vm_object_type,
    .flags = TF_DICT | TF_GC,
    .traverse = dict_traverse,
    .clear = dict_gc_clear,
    .basicsize = sizeof(DictObj),
    .dealloc = dict_dealloc,
    .repr = dict_repr,
    .hash = nohash,
    .richcmp = dict_richcmp,
    .binop = dict_binop,
    .truth = dict_truth,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains,
    .iter = dict_iter,
    .construct = dict_construct,
    .methods = dict_methods,
};

/* ---- mappingproxy: the read-only view a class's __dict__ returns ---- */

typedef struct MappingProxy {
    Obj ob;
    Obj *mapping;           /* the dict viewed */
} MappingProxy;

static void mp_dealloc(Obj *o)
{
    DECREF(((MappingProxy *)o)->mapping);
    vm_obj_free(o);
}

static Obj *mp_repr(Obj *o)
{
    Obj *r = vm_repr(((MappingProxy *)o)->mapping);
    if (!r)
        return NULL;
    Buf b = BUF_INIT;
    buf_puts(&b, "mappingproxy(");
    buf_put(&b, STR_DATA(r), (size_t)STR_LEN(r));
    buf_putc(&b, ')');
    DECREF(r);
    Obj *s = vm_str_new(b.data, b.len);
    buf_free(&b);
    return s;
}

/* str(proxy) is str(mapping) */
static Obj *mp_str(Obj *o) { return vm_str(((MappingProxy *)o)->mapping); }

static ssize_t mp_len(Obj *o) { return vm_len(((MappingProxy *)o)->mapping); }
static Obj *mp_getitem(Obj *o, Obj *k) { return vm_getitem(((MappingProxy *)o)->mapping, k); }
static int mp_contains(Obj *o, Obj *k) { return vm_contains(((MappingProxy *)o)->mapping, k); }
static Obj *mp_iter(Obj *o) { return vm_iter(((MappingProxy *)o)->mapping); }

static Obj *mp_richcmp(Obj *a, Obj *b, int op)
{
    Obj *x = TYPE(a) == &vm_mappingproxy_type ? ((MappingProxy *)a)->mapping : a;
    Obj *y = TYPE(b) == &vm_mappingproxy_type ? ((MappingProxy *)b)->mapping : b;
    return vm_richcmp(x, y, op);
}

/* proxy | other and other | proxy: the mappings' |; |= is refused */
static Obj *mp_binop(Obj *a, Obj *b, int op)
{
    if (op == NB_INPLACE_FIRST + NB_OR)
        return vm_err_str(&vm_exc_TypeError,
                          "'|=' is not supported by mappingproxy; use '|' instead");
    if (op != NB_OR)
        return vm_newref(VM_NOTIMPL);
    Obj *x = TYPE(a) == &vm_mappingproxy_type ? ((MappingProxy *)a)->mapping : a;
    Obj *y = TYPE(b) == &vm_mappingproxy_type ? ((MappingProxy *)b)->mapping : b;
    return vm_binop(x, y, NB_OR);
}

/* keys(), values(), items(), get(), copy(): the dict's */
static Obj *mp_forward(const char *name, Obj *self, Obj *const *args, size_t nargs,
                       Obj *kwnames)
{
    Obj *nm = vm_str_cstr(name);
    Obj *m = vm_getattr(((MappingProxy *)self)->mapping, nm);
    DECREF(nm);
    if (!m)
        return NULL;
    Obj *r = vm_call(m, args, nargs, kwnames);
    DECREF(m);
    return r;
}

#define MP_FORWARD(NAME)                                                              \
    static Obj *mp_##NAME(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)  \
    {                                                                                 \
        return mp_forward(#NAME, self, args, nargs, kwnames);                         \
    }
MP_FORWARD(keys)
MP_FORWARD(values)
MP_FORWARD(items)
MP_FORWARD(get)
MP_FORWARD(copy)
MP_FORWARD(__reversed__)
#undef MP_FORWARD

VM_BINOP_METHOD(mp_or_m, "__or__", mp_binop, NB_OR, false)
VM_BINOP_METHOD(mp_ror_m, "__ror__", mp_binop, NB_OR, true)
VM_BINOP_METHOD(mp_ior_m, "__ior__", mp_binop, NB_INPLACE_FIRST + NB_OR, false)

static const MethodDef mp_methods[] = {
    {"__or__", mp_or_m},
    {"__ror__", mp_ror_m},
    {"__ior__", mp_ior_m},
    {"keys", mp_keys},
    {"values", mp_values},
    {"items", mp_items},
    {"get", mp_get},
    {"copy", mp_copy},
    {"__reversed__", mp___reversed__},
    {NULL, NULL},
};

/* types.MappingProxyType(mapping) */
static Obj *mp_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("mappingproxy", kwnames) < 0 || vm_argc("mappingproxy", nargs, 1, 1) < 0)
        return NULL;
    Obj *m = args[0];
    if (!vm_type_lookup(TYPE(m), vm_str_intern("__getitem__", 11)) || LIST_CHECK(m) || TUPLE_CHECK(m))
        return vm_err_fmt(&vm_exc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                          vm_tname(m));
    return vm_mappingproxy_new(m);
}

Type vm_mappingproxy_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "mappingproxy",
    .construct = mp_construct,
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(MappingProxy),
    .dealloc = mp_dealloc,
    .repr = mp_repr,
    .str = mp_str,
    .richcmp = mp_richcmp,
    .len = mp_len,
    .getitem = mp_getitem,
    .contains = mp_contains,
    .binop = mp_binop,
    .iter = mp_iter,
    .methods = mp_methods,
};

Obj *vm_mappingproxy_new(Obj *mapping)
{
    MappingProxy *p = vm_alloc(&vm_mappingproxy_type, 0);
    p->mapping = vm_newref(mapping);
    return (Obj *)p;
}
