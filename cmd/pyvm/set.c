/* cmd/pyvm/set.c: set and frozenset.
 *
 * Stage: pyvm.  The table follows CPython 3.11's setobject.c: up to 9
 * linear probes from hash & mask, then the perturbed probe
 * i = i * 5 + 1 + (perturb >>= 5); a table grows when fill * 5 >= mask * 3
 * (to used * 4, or used * 2 above 50000 entries); deleted entries become
 * dummies until the next resize.  Union, intersection, difference and copy
 * walk their operands in the same order CPython does, so the resulting
 * iteration order is the same.
 */
#include "cmd/pyvm/set.h"

#include <stdlib.h>
#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static Obj dummy_obj = OBJ_HEAD_INIT(&vm_object_type);
#define DUMMY (&dummy_obj)

Obj *vm_set_new(Type *t)
{
    SetObj *s = vm_alloc(t, 0);
    vm_set_init_empty((Obj *)s);
    return (Obj *)s;
}

void vm_set_init_empty(Obj *o)
{
    SetObj *s = (SetObj *)o;
    s->fill = s->used = 0;
    s->mask = MINSIZE - 1;
    s->table = ls_xcalloc(MINSIZE, sizeof(SetEntry));
    s->finger = 0;
    s->hash = -1;
}

static void set_dealloc(Obj *o)
{
    SetObj *s = (SetObj *)o;
    for (size_t i = 0; i <= s->mask; i++)
        if (s->table[i].key && s->table[i].key != DUMMY)
            DECREF(s->table[i].key);
    free(s->table);
    vm_obj_free(o);
}

static void set_traverse(Obj *o, VisitFn visit, void *arg)
{
    SetObj *s = (SetObj *)o;
    for (size_t i = 0; i <= s->mask; i++)
        if (s->table[i].key && s->table[i].key != DUMMY)
            VISIT(s->table[i].key);
}

static void set_gc_clear(Obj *o)
{
    SetObj *s = (SetObj *)o;
    SetEntry *old = s->table;
    size_t oldmask = s->mask;
    s->table = ls_xcalloc(MINSIZE, sizeof(SetEntry));
    s->mask = MINSIZE - 1;
    s->fill = s->used = 0;
    for (size_t i = 0; i <= oldmask; i++)
        if (old[i].key && old[i].key != DUMMY)
            DECREF(old[i].key);
    free(old);
}

static void insert_clean(SetEntry *table, size_t mask, Obj *key, int64_t hash)
{
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        if (!e->key)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (!e->key)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

/* A new table for more than minused keys; -1 with MemoryError (the set
 * unchanged) when a huge set finds no memory for it. */
static int table_resize(SetObj *s, ssize_t minused)
{
    size_t newsize = MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    SetEntry *old = s->table;
    size_t oldmask = s->mask;
    SetEntry *nt = calloc(newsize, sizeof(SetEntry));
    if (!nt) {
        vm_err_nomem();
        return -1;
    }
    s->mask = newsize - 1;
    s->table = nt;
    s->fill = s->used;
    for (size_t i = 0; i <= oldmask; i++)
        if (old[i].key && old[i].key != DUMMY)
            insert_clean(nt, s->mask, old[i].key, old[i].hash);
    free(old);
    return 0;
}

static int keys_equal(Obj *a, Obj *b)
{
    if (a == b)
        return 1;
    if (TYPE(a) == &vm_str_type && TYPE(b) == &vm_str_type)
        return vm_str_eq(a, b);
    return vm_eq(a, b);
}

/* The entry holding key, or NULL; -1 on error. */
static int lookup(SetObj *s, Obj *key, int64_t hash, SetEntry **out)
{
    size_t perturb = (size_t)hash, mask = s->mask, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (!e->key) {
                *out = NULL;
                return 0;
            }
            if (e->hash == hash && e->key != DUMMY) {
                int eq = keys_equal(e->key, key);
                if (eq < 0)
                    return -1;
                if (eq) {
                    *out = e;
                    return 0;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int add_entry(SetObj *s, Obj *key, int64_t hash)
{
    size_t perturb, mask, i;
    SetEntry *freeslot;
restart:
    perturb = (size_t)hash;
    mask = s->mask;
    i = (size_t)hash & mask;
    freeslot = NULL;
    for (;;) {
        SetEntry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key == NULL) {
                if (freeslot) {
                    s->used++;
                    freeslot->key = vm_newref(key);
                    freeslot->hash = hash;
                    return 0;
                }
                s->fill++;
                s->used++;
                e->key = vm_newref(key);
                e->hash = hash;
                if ((size_t)s->fill * 5 < mask * 3)
                    return 0;
                return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
            }
            if (e->hash == hash && e->key != DUMMY) {
                Obj *start = e->key;
                SetEntry *table = s->table;
                INCREF(start);
                int eq = keys_equal(start, key);
                DECREF(start);
                if (eq < 0)
                    return -1;
                if (eq)
                    return 0;
                if (table != s->table || e->key != start)
                    goto restart;
                mask = s->mask;
            } else if (e->hash == -1) {     /* the last dummy passed, as CPython 3.11 */
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int vm_set_add(Obj *set, Obj *key)
{
    int64_t h;
    if (vm_hash(key, &h) < 0)
        return -1;
    return add_entry((SetObj *)set, key, h);
}

static int contains_key(SetObj *s, Obj *key)
{
    int64_t h;
    if (vm_hash(key, &h) < 0)
        return -1;
    SetEntry *e;
    if (lookup(s, key, h, &e) < 0)
        return -1;
    return e != NULL;
}

/* 1 removed, 0 absent, -1 error */
static int discard_key(SetObj *s, Obj *key)
{
    int64_t h;
    if (vm_hash(key, &h) < 0)
        return -1;
    SetEntry *e;
    if (lookup(s, key, h, &e) < 0)
        return -1;
    if (!e)
        return 0;
    Obj *old = e->key;
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    DECREF(old);
    return 1;
}

static bool set_next(SetObj *s, size_t *pos, SetEntry **out)
{
    while (*pos <= s->mask) {
        SetEntry *e = &s->table[(*pos)++];
        if (e->key && e->key != DUMMY) {
            *out = e;
            return true;
        }
    }
    return false;
}

/* Merge another set into s (CPython's set_merge). */
static int merge(SetObj *s, SetObj *o)
{
    if (o == s || o->used == 0)
        return 0;
    if ((size_t)(s->fill + o->used) * 5 >= s->mask * 3
        && table_resize(s, (s->used + o->used) * 2) < 0)
        return -1;
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {  /* no dummies */
        for (size_t i = 0; i <= o->mask; i++) {
            Obj *k = o->table[i].key;
            if (k && k != DUMMY) {
                s->table[i].key = vm_newref(k);
                s->table[i].hash = o->table[i].hash;
            }
        }
        s->fill = s->used = o->used;
        return 0;
    }
    if (s->fill == 0) {
        s->fill = s->used = o->used;
        for (size_t i = 0; i <= o->mask; i++) {
            Obj *k = o->table[i].key;
            if (k && k != DUMMY)
                insert_clean(s->table, s->mask, vm_newref(k), o->table[i].hash);
        }
        return 0;
    }
    for (size_t i = 0; i <= o->mask; i++) {
        Obj *k = o->table[i].key;
        if (k && k != DUMMY && add_entry(s, k, o->table[i].hash) < 0)
            return -1;
    }
    return 0;
}

int vm_set_update(Obj *set, Obj *it)
{
    SetObj *s = (SetObj *)set;
    if (SET_CHECK(it))
        return merge(s, (SetObj *)it);
    if (DICT_CHECK(it)) {
        ssize_t n = ((DictObj *)it)->used;
        if ((size_t)(s->fill + n) * 5 >= s->mask * 3
            && table_resize(s, (s->used + n) * 2) < 0)
            return -1;
        ssize_t pos = 0;
        Obj *k, *v;
        while (vm_dict_next(it, &pos, &k, &v))
            if (vm_set_add(set, k) < 0)
                return -1;
        return 0;
    }
    Obj *iter = vm_iter(it);
    if (!iter)
        return -1;
    Obj *x;
    while ((x = vm_next(iter)) != NULL) {
        int rc = vm_set_add(set, x);
        DECREF(x);
        if (rc < 0) {
            DECREF(iter);
            return -1;
        }
    }
    DECREF(iter);
    return vm_err_occurred() ? -1 : 0;
}

static Obj *set_copy_of(Type *t, Obj *src)
{
    if (t->flags & TF_HEAP)     /* a class derived from set: results are sets */
        t = vm_is_subtype(t, &vm_frozenset_type) ? &vm_frozenset_type : &vm_set_type;
    Obj *r = vm_set_new(t);
    if (vm_set_update(r, src) < 0) {
        DECREF(r);
        return NULL;
    }
    return r;
}

/* ---- protocols ---- */

static Obj *set_repr_items(Obj *o, SetObj *s, bool frozen);

static Obj *set_repr(Obj *o)
{
    SetObj *s = (SetObj *)o;
    bool frozen = TYPE(o) == &vm_frozenset_type;
    if (vm_repr_enter(o)) {
        Buf b = BUF_INIT;
        buf_printf(&b, "%s(...)", vm_tname(o));
        Obj *r = vm_str_new(b.data, b.len);
        buf_free(&b);
        return r;
    }
    Obj *r = set_repr_items(o, s, frozen);
    vm_repr_leave(o);
    return r;
}

static Obj *set_repr_items(Obj *o, SetObj *s, bool frozen)
{
    if (TYPE(o)->flags & TF_HEAP) {
        /* a derived class: Name({...}) */
        Obj *in = NULL;
        if (s->used) {
            Obj *l = vm_list_new(0);
            size_t pos = 0;
            SetEntry *e;
            while (set_next(s, &pos, &e))
                vm_list_append(l, e->key);
            in = vm_seq_repr(LIST_ITEMS(l), LIST_LEN(l), "{", "}", false);
            DECREF(l);
            if (!in)
                return NULL;
        }
        Buf b = BUF_INIT;
        buf_printf(&b, "%s(%s)", vm_tname(o), in ? STR_DATA(in) : "");
        XDECREF(in);
        Obj *r = vm_str_new(b.data, b.len);
        buf_free(&b);
        return r;
    }
    if (s->used == 0)
        return vm_str_cstr(frozen ? "frozenset()" : "set()");
    Obj *l = vm_list_new(0);
    size_t pos = 0;
    SetEntry *e;
    while (set_next(s, &pos, &e))
        vm_list_append(l, e->key);
    Obj *r = vm_seq_repr(LIST_ITEMS(l), LIST_LEN(l), frozen ? "frozenset({" : "{",
                         frozen ? "})" : "}", false);
    DECREF(l);
    return r;
}

static ssize_t set_len(Obj *o)
{
    return ((SetObj *)o)->used;
}

static int set_contains(Obj *o, Obj *v)
{
    int r = contains_key((SetObj *)o, v);
    if (r < 0 && SET_CHECK(v) && vm_err_matches(&vm_exc_TypeError)) {
        /* a set key is looked up as the frozenset of its items */
        vm_err_clear();
        Obj *f = set_copy_of(&vm_frozenset_type, v);
        if (!f)
            return -1;
        r = contains_key((SetObj *)o, f);
        DECREF(f);
    }
    return r;
}

static bool issubset(SetObj *a, SetObj *b, int *err)
{
    *err = 0;
    if (a->used > b->used)
        return false;
    size_t pos = 0;
    SetEntry *e;
    while (set_next(a, &pos, &e)) {
        SetEntry *f;
        if (lookup(b, e->key, e->hash, &f) < 0) {
            *err = 1;
            return false;
        }
        if (!f)
            return false;
    }
    return true;
}

static Obj *set_richcmp(Obj *a, Obj *b, int op)
{
    if (!SET_CHECK(a) || !SET_CHECK(b))
        return vm_newref(VM_NOTIMPL);
    SetObj *x = (SetObj *)a, *y = (SetObj *)b;
    int err = 0;
    bool r;
    switch (op) {
    case CMP_EQ: r = x->used == y->used && issubset(x, y, &err); break;
    case CMP_NE: r = !(x->used == y->used && issubset(x, y, &err)); break;
    case CMP_LE: r = issubset(x, y, &err); break;
    case CMP_GE: r = issubset(y, x, &err); break;
    case CMP_LT: r = x->used < y->used && issubset(x, y, &err); break;
    default: r = y->used < x->used && issubset(y, x, &err); break;
    }
    if (err)
        return NULL;
    return VM_BOOL(r);
}

static Obj *intersection(Obj *a, Obj *b)
{
    Obj *result = vm_set_new(TYPE(a) == &vm_frozenset_type ? &vm_frozenset_type : &vm_set_type);
    SetObj *so = (SetObj *)a;
    if (SET_CHECK(b)) {
        SetObj *other = (SetObj *)b;
        if (other->used > so->used) {
            SetObj *t = so;
            so = other;
            other = t;
        }
        size_t pos = 0;
        SetEntry *e;
        while (set_next(other, &pos, &e)) {
            SetEntry *f;
            if (lookup(so, e->key, e->hash, &f) < 0 || (f && add_entry((SetObj *)result, e->key,
                                                                         e->hash) < 0)) {
                DECREF(result);
                return NULL;
            }
        }
        return result;
    }
    Obj *it = vm_iter(b);
    if (!it) {
        DECREF(result);
        return NULL;
    }
    Obj *x;
    while ((x = vm_next(it)) != NULL) {
        int c = contains_key(so, x);
        if (c < 0 || (c && vm_set_add(result, x) < 0)) {
            DECREF(x);
            DECREF(it);
            DECREF(result);
            return NULL;
        }
        DECREF(x);
    }
    DECREF(it);
    if (vm_err_occurred()) {
        DECREF(result);
        return NULL;
    }
    return result;
}

/* Discard every item of the iterable b from s (difference_update). */
/* s -= b, s.difference_update(b) (CPython's set_difference_update_internal):
 * discard every item of b (all of s when b is s), then rebuild the table
 * when more than a quarter of its slots are dummies; that rebuild is what
 * the iteration order shows afterwards. */
static int discard_all(SetObj *s, Obj *b)
{
    if ((Obj *)s == b) {
        set_gc_clear((Obj *)s);
        return 0;
    }
    Obj *it = vm_iter(b), *x;
    if (!it)
        return -1;
    while ((x = vm_next(it)) != NULL) {
        int rc = discard_key(s, x);
        DECREF(x);
        if (rc < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    if (vm_err_occurred())
        return -1;
    if ((size_t)(s->fill - s->used) <= s->mask / 4)
        return 0;
    return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

static Obj *difference(Obj *a, Obj *b)
{
    SetObj *so = (SetObj *)a;
    Type *t = TYPE(a);
    ssize_t other_size = SET_CHECK(b) ? ((SetObj *)b)->used
        : DICT_CHECK(b) ? ((DictObj *)b)->used : -1;
    if (other_size < 0 || (so->used >> 2) > other_size) {
        Obj *r = set_copy_of(t, a);
        if (!r)
            return NULL;
        Obj *it = vm_iter(b);
        if (!it) {
            DECREF(r);
            return NULL;
        }
        Obj *x;
        while ((x = vm_next(it)) != NULL) {
            int rc = discard_key((SetObj *)r, x);
            DECREF(x);
            if (rc < 0) {
                DECREF(it);
                DECREF(r);
                return NULL;
            }
        }
        DECREF(it);
        return r;
    }
    Obj *r = vm_set_new(t);
    size_t pos = 0;
    SetEntry *e;
    while (set_next(so, &pos, &e)) {
        int c;
        if (SET_CHECK(b)) {
            SetEntry *f;
            c = lookup((SetObj *)b, e->key, e->hash, &f) < 0 ? -1 : f != NULL;
        } else {
            Obj *v;
            c = vm_dict_lookup(b, e->key, &v);
        }
        if (c < 0 || (!c && add_entry((SetObj *)r, e->key, e->hash) < 0)) {
            DECREF(r);
            return NULL;
        }
    }
    return r;
}

static int symdiff_update(Obj *s, Obj *other)
{
    Obj *o = SET_CHECK(other) ? vm_newref(other) : set_copy_of(&vm_set_type, other);
    if (!o)
        return -1;
    size_t pos = 0;
    SetEntry *e;
    while (set_next((SetObj *)o, &pos, &e)) {
        int r = discard_key((SetObj *)s, e->key);
        if (r < 0 || (r == 0 && add_entry((SetObj *)s, e->key, e->hash) < 0)) {
            DECREF(o);
            return -1;
        }
    }
    DECREF(o);
    return 0;
}

static Obj *set_binop(Obj *a, Obj *b, int op)
{
    bool inplace = op >= NB_INPLACE_FIRST;
    int o = inplace ? op - NB_INPLACE_FIRST : op;
    if (!SET_CHECK(a) || !SET_CHECK(b))
        return vm_newref(VM_NOTIMPL);
    if (o != NB_OR && o != NB_AND && o != NB_SUBTRACT && o != NB_XOR)
        return vm_newref(VM_NOTIMPL);
    Obj *r;
    switch (o) {
    case NB_OR:
        if (inplace && vm_is_subtype(TYPE(a), &vm_set_type)) {
            if (vm_set_update(a, b) < 0)
                return NULL;
            return vm_newref(a);
        }
        r = set_copy_of(TYPE(a), a);
        if (r && vm_set_update(r, b) < 0)
            CLEAR(r);
        return r;
    case NB_AND:
        r = intersection(a, b);
        break;
    case NB_SUBTRACT:
        if (inplace && vm_is_subtype(TYPE(a), &vm_set_type)) {
            /* a -= b discards in place (as CPython) */
            if (discard_all((SetObj *)a, b) < 0)
                return NULL;
            return vm_newref(a);
        }
        r = difference(a, b);
        break;
    default:
        if (inplace && vm_is_subtype(TYPE(a), &vm_set_type)) {
            if (symdiff_update(a, b) < 0)
                return NULL;
            return vm_newref(a);
        }
        r = set_copy_of(TYPE(a), b);
        if (r && symdiff_update(r, a) < 0)
            CLEAR(r);
        if (r && TYPE(r) != TYPE(a)) {
            Obj *r2 = set_copy_of(TYPE(a), r);
            DECREF(r);
            r = r2;
        }
        return r;
    }
    if (r && inplace && vm_is_subtype(TYPE(a), &vm_set_type)) {
        /* replace a's contents with r's */
        SetObj *x = (SetObj *)a, *y = (SetObj *)r;
        SetObj tmp = *x;
        x->fill = y->fill; x->used = y->used; x->mask = y->mask; x->table = y->table;
        x->finger = 0;
        y->fill = tmp.fill; y->used = tmp.used; y->mask = tmp.mask; y->table = tmp.table;
        DECREF(r);
        return vm_newref(a);
    }
    return r;
}

static int set_truth(Obj *o)
{
    return ((SetObj *)o)->used != 0;
}

static int set_nohash(Obj *o, int64_t *out)
{
    vm_err_str(&vm_exc_TypeError, "unhashable type: 'set'");
    return -1;
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

static int frozenset_hash(Obj *o, int64_t *out)
{
    SetObj *s = (SetObj *)o;
    if (s->hash != -1) {
        *out = s->hash;
        return 0;
    }
    uint64_t hash = 0;
    for (size_t i = 0; i <= s->mask; i++)
        if (s->table[i].key && s->table[i].key != DUMMY)
            hash ^= shuffle_bits((uint64_t)s->table[i].hash);
    /* CPython xors in the empty and dummy slots too and then cancels an
     * odd count of each: the net effect is the live entries alone. */
    hash ^= ((uint64_t)s->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == (uint64_t)-1)
        hash = 590923713ULL;
    s->hash = (int64_t)hash;
    *out = s->hash;
    return 0;
}

/* ---- iterator ---- */
typedef struct SetIter {
    Obj ob;
    Obj *set;               /* NULL when exhausted */
    size_t pos;
    ssize_t used;           /* size when iteration began */
    ssize_t done;           /* items produced so far */
} SetIter;

static void setiter_dealloc(Obj *o)
{
    XDECREF(((SetIter *)o)->set);
    vm_obj_free(o);
}

static Obj *setiter_next(Obj *o)
{
    SetIter *it = (SetIter *)o;
    if (!it->set)
        return NULL;
    SetObj *s = (SetObj *)it->set;
    if (s->used != it->used) {
        it->used = -1;
        return vm_err_str(&vm_exc_RuntimeError, "Set changed size during iteration");
    }
    SetEntry *e;
    if (!set_next(s, &it->pos, &e)) {
        CLEAR(it->set);
        return NULL;
    }
    it->done++;
    return vm_newref(e->key);
}

static Obj *self_iter(Obj *o) { return vm_newref(o); }

/* __length_hint__: the items left while the set keeps its size, else 0 */
static Obj *setiter_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    SetIter *it = (SetIter *)self;
    ssize_t n = 0;
    if (it->set && ((SetObj *)it->set)->used == it->used)
        n = it->used - it->done;
    return vm_int_from_i64(n);
}

static const MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_hint},
    {NULL, NULL},
};

static Type setiter_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "set_iterator",
    .base = &vm_object_type,
    .basicsize = sizeof(SetIter),
    .dealloc = setiter_dealloc,
    .iter = self_iter,
    .iternext = setiter_next,
    .methods = setiter_methods,
};

static Obj *set_iter(Obj *o)
{
    SetIter *it = vm_alloc(&setiter_type, 0);
    it->set = vm_newref(o);
    it->pos = 0;
    it->used = ((SetObj *)o)->used;
    it->done = 0;
    return (Obj *)it;
}

/* ---- methods ---- */

static Obj *m_add(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("add", kwnames) < 0 || vm_argc("set.add", nargs, 1, 1) < 0)
        return NULL;
    if (vm_set_add(self, args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

/* discard_key, but an unhashable set key is looked for as the frozenset
 * of its items (as set_contains) */
static int discard_key_or_frozen(SetObj *s, Obj *key)
{
    int r = discard_key(s, key);
    if (r < 0 && SET_CHECK(key) && vm_err_matches(&vm_exc_TypeError)) {
        vm_err_clear();
        Obj *f = set_copy_of(&vm_frozenset_type, key);
        if (!f)
            return -1;
        r = discard_key(s, f);
        DECREF(f);
    }
    return r;
}

static Obj *m_remove(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("remove", kwnames) < 0 || vm_argc("set.remove", nargs, 1, 1) < 0)
        return NULL;
    int r = discard_key_or_frozen((SetObj *)self, args[0]);
    if (r < 0)
        return NULL;
    if (r == 0)
        return vm_err_obj(&vm_exc_KeyError, args[0]);
    return vm_newref(VM_NONE);
}

static Obj *m_discard(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("discard", kwnames) < 0 || vm_argc("set.discard", nargs, 1, 1) < 0)
        return NULL;
    if (discard_key_or_frozen((SetObj *)self, args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *m_pop(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("pop", kwnames) < 0 || vm_argc("pop", nargs, 0, 0) < 0)
        return NULL;
    SetObj *s = (SetObj *)self;
    if (s->used == 0)
        return vm_err_str(&vm_exc_KeyError, "pop from an empty set");
    SetEntry *e = s->table + (s->finger & s->mask), *limit = s->table + s->mask;
    while (!e->key || e->key == DUMMY) {
        e++;
        if (e > limit)
            e = s->table;
    }
    Obj *key = e->key;
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    s->finger = (size_t)(e - s->table) + 1;
    return key;
}

static Obj *m_clear(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("clear", kwnames) < 0 || vm_argc("clear", nargs, 0, 0) < 0)
        return NULL;
    SetObj *s = (SetObj *)self;
    SetEntry *old = s->table;
    size_t oldmask = s->mask;
    s->table = ls_xcalloc(MINSIZE, sizeof(SetEntry));
    s->mask = MINSIZE - 1;
    s->fill = s->used = 0;
    for (size_t i = 0; i <= oldmask; i++)
        if (old[i].key && old[i].key != DUMMY)
            DECREF(old[i].key);
    free(old);
    return vm_newref(VM_NONE);
}

static Obj *m_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("copy", kwnames) < 0 || vm_argc("copy", nargs, 0, 0) < 0)
        return NULL;
    if (TYPE(self) == &vm_frozenset_type)
        return vm_newref(self);
    return set_copy_of(TYPE(self), self);
}

static Obj *m_update(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("update", kwnames) < 0)
        return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (vm_set_update(self, args[i]) < 0)
            return NULL;
    return vm_newref(VM_NONE);
}

static Obj *m_union(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("union", kwnames) < 0)
        return NULL;
    Obj *r = set_copy_of(TYPE(self), self);
    for (size_t i = 0; r && i < nargs; i++)
        if (vm_set_update(r, args[i]) < 0)
            CLEAR(r);
    return r;
}

static Obj *m_intersection(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("intersection", kwnames) < 0)
        return NULL;
    Obj *r = vm_newref(self);
    if (nargs == 0) {
        DECREF(r);
        return set_copy_of(TYPE(self), self);
    }
    for (size_t i = 0; r && i < nargs; i++) {
        Obj *n = intersection(r, args[i]);
        DECREF(r);
        r = n;
    }
    return r;
}

static Obj *m_difference(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("difference", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return set_copy_of(TYPE(self), self);
    /* as CPython: a new set from the first, then discards for the rest */
    Obj *r = difference(self, args[0]);
    for (size_t i = 1; r && i < nargs; i++)
        if (discard_all((SetObj *)r, args[i]) < 0)
            CLEAR(r);
    return r;
}

static Obj *m_difference_update(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("difference_update", kwnames) < 0)
        return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (discard_all((SetObj *)self, args[i]) < 0)
            return NULL;
    return vm_newref(VM_NONE);
}

static Obj *m_intersection_update(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("intersection_update", kwnames) < 0)
        return NULL;
    Obj *r = vm_newref(self);
    for (size_t i = 0; r && i < nargs; i++) {
        Obj *n = intersection(r, args[i]);
        DECREF(r);
        r = n;
    }
    if (!r)
        return NULL;
    if (r != self) {
        /* take r's table (CPython swaps the bodies) */
        SetObj *x = (SetObj *)self, *y = (SetObj *)r;
        SetObj tmp = *x;
        x->fill = y->fill; x->used = y->used; x->mask = y->mask; x->table = y->table;
        x->finger = 0;
        y->fill = tmp.fill; y->used = tmp.used; y->mask = tmp.mask; y->table = tmp.table;
    }
    DECREF(r);
    return vm_newref(VM_NONE);
}

static Obj *m_symdiff_update(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("symmetric_difference_update", kwnames) < 0
        || vm_argc("symmetric_difference_update", nargs, 1, 1) < 0)
        return NULL;
    Obj *o = SET_CHECK(args[0]) ? vm_newref(args[0]) : set_copy_of(&vm_set_type, args[0]);
    if (!o)
        return NULL;
    if (o == self) {
        /* s ^= s empties it */
        DECREF(o);
        return m_clear(self, NULL, 0, NULL);
    }
    int rc = symdiff_update(self, o);
    DECREF(o);
    return rc < 0 ? NULL : vm_newref(VM_NONE);
}

static Obj *m_symdiff(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("symmetric_difference", kwnames) < 0
        || vm_argc("symmetric_difference", nargs, 1, 1) < 0)
        return NULL;
    Obj *r = set_copy_of(TYPE(self), args[0]);
    if (r && symdiff_update(r, self) < 0)
        CLEAR(r);
    return r;
}

/* set.issubset / set.issuperset: the argument may be any iterable; super
 * swaps the operands of the subset test. */
static Obj *subset_method(const char *name, bool super, Obj *self, Obj *const *args,
                          size_t nargs, Obj *kwnames)
{
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, 1, 1) < 0)
        return NULL;
    Obj *o = SET_CHECK(args[0]) ? vm_newref(args[0]) : set_copy_of(&vm_set_type, args[0]);
    if (!o)
        return NULL;
    int err;
    bool r = super ? issubset((SetObj *)o, (SetObj *)self, &err)
                   : issubset((SetObj *)self, (SetObj *)o, &err);
    DECREF(o);
    return err ? NULL : VM_BOOL(r);
}

static Obj *m_issubset(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return subset_method("issubset", false, self, args, nargs, kwnames);
}

static Obj *m_issuperset(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return subset_method("issuperset", true, self, args, nargs, kwnames);
}

static Obj *m_isdisjoint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("isdisjoint", kwnames) < 0 || vm_argc("isdisjoint", nargs, 1, 1) < 0)
        return NULL;
    Obj *i = intersection(self, args[0]);
    if (!i)
        return NULL;
    bool r = ((SetObj *)i)->used == 0;
    DECREF(i);
    return VM_BOOL(r);
}

static Obj *m_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("set", kwnames) < 0 || vm_argc("set", nargs, 0, 1) < 0)
        return NULL;
    Obj *r = m_clear(self, NULL, 0, NULL);
    if (!r)
        return NULL;
    DECREF(r);
    if (nargs && vm_set_update(self, args[0]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

VM_BINOP_METHOD(set_ior_m, "__ior__", set_binop, NB_INPLACE_FIRST + NB_OR, false)
VM_BINOP_METHOD(set_iand_m, "__iand__", set_binop, NB_INPLACE_FIRST + NB_AND, false)
VM_BINOP_METHOD(set_isub_m, "__isub__", set_binop, NB_INPLACE_FIRST + NB_SUBTRACT, false)
VM_BINOP_METHOD(set_ixor_m, "__ixor__", set_binop, NB_INPLACE_FIRST + NB_XOR, false)
VM_BINOP_METHOD(set_ror_m, "__ror__", set_binop, NB_OR, true)
VM_BINOP_METHOD(set_rand_m, "__rand__", set_binop, NB_AND, true)
VM_BINOP_METHOD(set_rsub_m, "__rsub__", set_binop, NB_SUBTRACT, true)
VM_BINOP_METHOD(set_rxor_m, "__rxor__", set_binop, NB_XOR, true)

/* the reflected operators, for set and frozenset */
#define SET_REFLECTED_METHODS \
    {"__ror__", set_ror_m}, {"__rand__", set_rand_m}, {"__rsub__", set_rsub_m}, \
    {"__rxor__", set_rxor_m}

static const MethodDef set_methods[] = {
    {"__ior__", set_ior_m},
    {"__iand__", set_iand_m},
    {"__isub__", set_isub_m},
    {"__ixor__", set_ixor_m},
    SET_REFLECTED_METHODS,
    {"__init__", m_init},
    {"add", m_add},
    {"remove", m_remove},
    {"discard", m_discard},
    {"pop", m_pop},
    {"clear", m_clear},
    {"copy", m_copy},
    {"update", m_update},
    {"difference_update", m_difference_update},
    {"intersection_update", m_intersection_update},
    {"symmetric_difference_update", m_symdiff_update},
    {"union", m_union},
    {"intersection", m_intersection},
    {"difference", m_difference},
    {"symmetric_difference", m_symdiff},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"isdisjoint", m_isdisjoint},
    {NULL, NULL},
};

static const MethodDef frozenset_methods[] = {
    SET_REFLECTED_METHODS,
    {"copy", m_copy},
    {"union", m_union},
    {"intersection", m_intersection},
    {"difference", m_difference},
    {"symmetric_difference", m_symdiff},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"isdisjoint", m_isdisjoint},
    {NULL, NULL},
};

static Obj *set_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Type *t = (Type *)self;
    if (vm_nokw(t->name, kwnames) < 0 || vm_argc(t->name, nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return vm_set_new(t);
    if (t == &vm_frozenset_type && TYPE(args[0]) == &vm_frozenset_type)
        return vm_newref(args[0]);
    return set_copy_of(t, args[0]);
}

Type vm_set_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "set",
    .base = &vm_object_type,
    .flags = TF_GC,
    .traverse = set_traverse,
    .clear = set_gc_clear,
    .basicsize = sizeof(SetObj),
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = set_nohash,
    .richcmp = set_richcmp,
    .binop = set_binop,
    .truth = set_truth,
    .len = set_len,
    .contains = set_contains,
    .iter = set_iter,
    .construct = set_construct,
    .methods = set_methods,
};

Type vm_frozenset_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "frozenset",
    .base = &vm_object_type,
    .flags = TF_GC,
    .traverse = set_traverse,
    .clear = set_gc_clear,
    .basicsize = sizeof(SetObj),
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcmp = set_richcmp,
    .binop = set_binop,
    .truth = set_truth,
    .len = set_len,
    .contains = set_contains,
    .iter = set_iter,
    .construct = set_construct,
    .methods = frozenset_methods,
};
