/* cmd/pyvm/gc.c: the cycle collector (gc.h).
 *
 * Stage: pyvm.
 *
 *     +--------------------+------------------------+
 *     | GcHead (24 bytes)  | the object (Obj ...)   |
 *     +--------------------+------------------------+
 *
 * All tracked objects are on one doubly linked list.  During a collection
 * each head's refs field holds the refcount minus internal references;
 * objects found reachable move to a second list, the rest are garbage.
 *
 * Finalizers (the type's finalize slot: __del__, a generator's close) as
 * PEP 442 has them, CPython 3.11's order:
 *   - refcount death (vm_dealloc -> vm_gc_finalize_dealloc): the finalizer
 *     runs with the object alive, before its weak references are cleared;
 *     if it stored the object somewhere, the object lives on;
 *   - a collection: the garbage is held (a snapshot of references), weak
 *     references to it are cleared and the callbacks of those that are not
 *     garbage run, then every finalizer that has not run before, then the
 *     references are counted again: what a finalizer made reachable goes
 *     back to the tracked objects, the rest is cleared and freed;
 *   - either way an object is finalized once: one whose finalizer ran and
 *     that lives on is in the finalized set until its memory is freed.
 * At exit (vm_gc_at_exit) the modules are dropped and collected, so the
 * program's remaining objects are finalized too.
 */
#include "cmd/pyvm/gc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/mod_weakref.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/unraisable.h"

typedef struct GcHead GcHead;
struct GcHead {
    GcHead *next, *prev;    /* the list the object is on */
    intptr_t refs;          /* during a collection: external references */
};

#define HEAD(o) ((GcHead *)(o) - 1)
#define OBJ(h) ((Obj *)((GcHead *)(h) + 1))

static GcHead all = {&all, &all, 0};    /* every tracked object */
static size_t ntracked, threshold = 10000, since_last;
bool vm_gc_enabled = true;
static bool collecting;
bool vm_gc_stress;

static void list_init(GcHead *l)
{
    l->next = l->prev = l;
}

static void list_remove(GcHead *h)
{
    h->prev->next = h->next;
    h->next->prev = h->prev;
}

static void list_append(GcHead *l, GcHead *h)
{
    h->prev = l->prev;
    h->next = l;
    l->prev->next = h;
    l->prev = h;
}

void *vm_gc_alloc(size_t size)
{
    if (!collecting && (vm_gc_stress || (++since_last > threshold && vm_gc_enabled))) {
        since_last = 0;
        vm_gc_collect();
    }
    GcHead *h = vm_mem_alloc(sizeof(GcHead) + size);
    /* zeroed: a collection may traverse it before its fields are all set */
    memset(h, 0, sizeof(GcHead) + size);
    list_append(&all, h);
    h->refs = 0;
    ntracked++;
    return OBJ(h);
}

/* As vm_gc_alloc, but NULL (nothing raised) when a large block finds no
 * memory. */
void *vm_gc_try_alloc(size_t size)
{
    if (size > SIZE_MAX - sizeof(GcHead))
        return NULL;
    if (!collecting && (vm_gc_stress || (++since_last > threshold && vm_gc_enabled))) {
        since_last = 0;
        vm_gc_collect();
    }
    GcHead *h = vm_mem_try_alloc(sizeof(GcHead) + size);
    if (!h)
        return NULL;
    memset(h, 0, sizeof(GcHead) + size);
    list_append(&all, h);
    h->refs = 0;
    ntracked++;
    return OBJ(h);
}

void vm_gc_untrack(Obj *o)
{
    GcHead *h = HEAD(o);
    if (h->next) {
        list_remove(h);
        h->next = h->prev = NULL;
        ntracked--;
    }
}

void vm_gc_track(Obj *o)
{
    GcHead *h = HEAD(o);
    if (!h->next) {
        list_append(&all, h);
        h->refs = 0;
        ntracked++;
    }
}

/* ---- PEP 442: the objects whose finalizer has run ----
 *
 * A finalizer runs once per object: an object whose __del__ resurrected
 * it is remembered here until its memory is given back (vm_gc_free), so
 * that neither its next death nor a collection runs __del__ again.  A set
 * of addresses (open addressing, tombstones), empty in most programs. */
#define FIN_TOMB ((Obj *)1)
static Obj **fin_tab;       /* fin_cap slots: NULL empty, FIN_TOMB deleted */
static size_t fin_cap;      /* a power of two, or 0 */
static size_t fin_used;     /* live entries */
static size_t fin_fill;     /* live entries + tombstones */

static size_t fin_hash(const Obj *o)
{
    uintptr_t h = (uintptr_t)o >> 4;
    h *= (uintptr_t)0x9E3779B97F4A7C15u;
    return (size_t)(h ^ (h >> 31));
}

/* The slot holding o, or NULL. */
static Obj **fin_find(const Obj *o)
{
    if (!fin_used)
        return NULL;
    for (size_t i = fin_hash(o) & (fin_cap - 1);; i = (i + 1) & (fin_cap - 1)) {
        if (fin_tab[i] == o)
            return &fin_tab[i];
        if (!fin_tab[i])
            return NULL;
    }
}

static bool fin_has(const Obj *o)
{
    return fin_find(o) != NULL;
}

static void fin_insert(Obj **tab, size_t cap, Obj *o)
{
    size_t i = fin_hash(o) & (cap - 1);
    while (tab[i] && tab[i] != FIN_TOMB)
        i = (i + 1) & (cap - 1);
    tab[i] = o;
}

static void fin_add(Obj *o)
{
    if (fin_has(o))
        return;
    if ((fin_fill + 1) * 2 > fin_cap) {
        size_t cap = fin_cap;
        while ((fin_used + 1) * 4 > cap)
            cap = cap ? cap * 2 : 16;
        Obj **tab = vm_mem_alloc(cap * sizeof *tab);
        memset(tab, 0, cap * sizeof *tab);
        for (size_t i = 0; i < fin_cap; i++)
            if (fin_tab[i] && fin_tab[i] != FIN_TOMB)
                fin_insert(tab, cap, fin_tab[i]);
        if (fin_tab)
            vm_mem_free(fin_tab);
        fin_tab = tab;
        fin_cap = cap;
        fin_fill = fin_used;
    }
    size_t i = fin_hash(o) & (fin_cap - 1);
    while (fin_tab[i] && fin_tab[i] != FIN_TOMB)
        i = (i + 1) & (fin_cap - 1);
    if (!fin_tab[i])
        fin_fill++;
    fin_tab[i] = o;
    fin_used++;
}

static void fin_remove(const Obj *o)
{
    Obj **slot = fin_find(o);
    if (slot) {
        *slot = FIN_TOMB;
        fin_used--;
    }
}

/* vm_gc_free when some object is in the finalized set: out of line, so
 * the common path needs no stack frame (perf). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void free_maybe_finalized(Obj *o)
{
    fin_remove(o);
    vm_gc_untrack(o);
    vm_mem_free(HEAD(o));
}

void vm_gc_free(Obj *o)
{
    /* as CPython's count of young objects: a tracked object freed before
     * the next collection takes back its allocation, so short-lived
     * containers do not bring collections on (only net growth does) */
    if (since_last > 0)
        since_last--;
    if (LS_UNLIKELY(fin_used)) {
        free_maybe_finalized(o);
        return;
    }
    vm_gc_untrack(o);
    vm_mem_free(HEAD(o));
}

/* refs < 0 marks "on the reachable list / being kept" during step 3 */
static bool is_tracked(Obj *o)
{
    return (o->type->flags & TF_GC) && o->refcnt < OBJ_IMMORTAL / 2 && HEAD(o)->next;
}

static void visit_decref(Obj *o, void *arg)
{
    if (o && is_tracked(o))
        HEAD(o)->refs--;
}

static void visit_reachable(Obj *o, void *arg)
{
    if (!o || !is_tracked(o))
        return;
    GcHead *h = HEAD(o), *reach = arg;
    if (h->refs == -1)
        return;                 /* already reachable */
    if (h->refs == -2) {
        /* found unreachable so far, but it is reachable: move it back */
        list_remove(h);
        list_append(reach, h);
    }
    h->refs = -1;
}

/* Run o's finalizer (the caller holds a reference), with the pending
 * exception, if any, put aside; what the finalizer raises was reported
 * as unraisable by it. */
static void run_finalizer(Obj *o)
{
    Obj *saved = vm_err_fetch();
    o->type->finalize(o);
    if (vm_err_occurred())
        vm_unraisable(NULL, o);
    if (saved)
        vm_err_restore(saved);
}

bool vm_gc_finalize_dealloc(Obj *o)
{
    if (fin_has(o))
        return false;           /* finalized already: just free it */
    o->refcnt = 1;              /* alive while __del__ runs */
    run_finalizer(o);
    if (--o->refcnt == 0)
        return false;
    fin_add(o);                 /* resurrected: never finalized again */
    return true;
}

/* During the check after finalizers: the garbage candidates' refs are
 * RECHECK + the references from outside the candidates. */
#define RECHECK ((intptr_t)1 << 58)

static bool is_candidate(Obj *o)
{
    return o && is_tracked(o) && HEAD(o)->refs >= RECHECK / 2;
}

static void visit_recheck_decref(Obj *o, void *arg)
{
    if (is_candidate(o))
        HEAD(o)->refs--;
}

static void visit_rescue(Obj *o, void *arg)
{
    if (!is_candidate(o))
        return;
    GcHead *h = HEAD(o);
    list_remove(h);
    list_append(arg, h);
    h->refs = 0;
}

/* After the finalizers ran: count again the references to each object on
 * the garbage list from outside it; those referenced (a finalizer stored
 * them somewhere) and all they reach go back to the tracked objects. */
static void rescue_resurrected(GcHead *unreach)
{
    for (GcHead *h = unreach->next; h != unreach; h = h->next)
        h->refs = RECHECK + OBJ(h)->refcnt - 1;     /* - the snapshot's reference */
    for (GcHead *h = unreach->next; h != unreach; h = h->next) {
        Obj *o = OBJ(h);
        if (o->type->traverse)
            o->type->traverse(o, visit_recheck_decref, NULL);
    }
    GcHead back;
    list_init(&back);
    for (GcHead *h = unreach->next, *next; h != unreach; h = next) {
        next = h->next;
        if (h->refs > RECHECK) {
            list_remove(h);
            list_append(&back, h);
            h->refs = 0;
        }
    }
    for (GcHead *h = back.next; h != &back; h = h->next) {
        Obj *o = OBJ(h);
        if (o->type->traverse)
            o->type->traverse(o, visit_rescue, &back);
    }
    while (back.next != &back) {
        GcHead *h = back.next;
        list_remove(h);
        list_append(&all, h);
    }
    for (GcHead *h = unreach->next; h != unreach; h = h->next)
        h->refs = -2;
}

/* Between steps 3 and 6 of a collection: o is on the garbage list. */
static bool is_garbage(Obj *o)
{
    return is_tracked(o) && HEAD(o)->refs == -2;
}

/* One collection (collecting is set). */
static size_t collect(void)
{
    /* 1. refs = refcount */
    for (GcHead *h = all.next; h != &all; h = h->next)
        h->refs = OBJ(h)->refcnt;
    /* 2. subtract references from tracked objects */
    for (GcHead *h = all.next; h != &all; h = h->next) {
        Obj *o = OBJ(h);
        if (o->type->traverse)
            o->type->traverse(o, visit_decref, NULL);
    }
    /* 3. those still referenced from outside are reachable, and all they
     * reach; the rest, tentatively unreachable, wait on their own list */
    GcHead reach, unreach;
    list_init(&reach);
    list_init(&unreach);
    while (all.next != &all) {
        GcHead *h = all.next;
        list_remove(h);
        if (h->refs > 0 || h->refs == -1) {
            h->refs = -1;
            list_append(&reach, h);
        } else {
            h->refs = -2;
            list_append(&unreach, h);
        }
    }
    /* propagate: walk the reachable list (it grows as we go) */
    for (GcHead *h = reach.next; h != &reach; h = h->next) {
        Obj *o = OBJ(h);
        if (o->type->traverse)
            o->type->traverse(o, visit_reachable, &reach);
    }
    /* the reachable objects go back on the main list */
    while (reach.next != &reach) {
        GcHead *h = reach.next;
        list_remove(h);
        h->refs = 0;
        list_append(&all, h);
    }
    /* 4. garbage: keep each alive (the snapshot holds a reference) while
     * finalizers run and references are cleared, then let go */
    size_t ngarbage = 0;
    for (GcHead *h = unreach.next; h != &unreach; h = h->next)
        ngarbage++;
    Obj **snap = ngarbage ? vm_mem_alloc(ngarbage * sizeof *snap) : NULL;
    size_t k = 0;
    for (GcHead *h = unreach.next; h != &unreach; h = h->next) {
        INCREF(OBJ(h));
        snap[k++] = OBJ(h);
    }
    /* weak references to garbage die first; callbacks of those that are
     * not garbage themselves run (CPython's handle_weakrefs) */
    if (vm_weak_live)
        for (size_t i = 0; i < ngarbage; i++)
            vm_weak_clear_garbage(snap[i], is_garbage);
    /* 5. PEP 442: each finalizer runs once; what a finalizer made reachable
     * again (stored self or a neighbour somewhere) survives */
    bool ran = false;
    for (size_t i = 0; i < ngarbage; i++) {
        Obj *o = snap[i];
        if (o->type->finalize && !fin_has(o)) {
            fin_add(o);
            run_finalizer(o);
            ran = true;
        }
    }
    if (ran)
        rescue_resurrected(&unreach);
    /* 6. the rest is garbage: break its references */
    size_t n = 0;
    for (GcHead *h = unreach.next; h != &unreach; h = h->next)
        n++;
    for (GcHead *h = unreach.next; h != &unreach; h = h->next) {
        Obj *o = OBJ(h);
        if (o->type->clear)
            o->type->clear(o);
    }
    while (unreach.next != &unreach) {
        GcHead *h = unreach.next;
        list_remove(h);
        list_append(&all, h);   /* so vm_gc_free finds it on a list */
        h->refs = 0;
    }
    for (size_t i = 0; i < ngarbage; i++)
        DECREF(snap[i]);
    if (snap)
        vm_mem_free(snap);
    threshold = ntracked > 10000 ? ntracked : 10000;
    return n;
}

Obj *vm_gc_callbacks;
size_t vm_gc_collections, vm_gc_collected;

/* Call each of gc.callbacks with (phase, info) (CPython's
 * invoke_gc_callback); what they raise is unraisable. */
static void run_callbacks(const char *phase, size_t collected)
{
    if (!vm_gc_callbacks || !LIST_CHECK(vm_gc_callbacks) || !LIST_LEN(vm_gc_callbacks))
        return;
    Obj *saved = vm_err_fetch();
    Obj *args[2] = {vm_str_cstr(phase), vm_dict_new()};
    Obj *gen = vm_int_from_i64(2), *col = vm_int_from_i64((int64_t)collected),
        *unc = vm_int_from_i64(0);
    if (vm_dict_set_cstr(args[1], "generation", gen) < 0
        || vm_dict_set_cstr(args[1], "collected", col) < 0
        || vm_dict_set_cstr(args[1], "uncollectable", unc) < 0)
        vm_err_clear();
    DECREF(gen);
    DECREF(col);
    DECREF(unc);
    /* a copy: a callback may change the list */
    Obj *cbs = vm_list_new(0);
    for (ssize_t i = 0; i < LIST_LEN(vm_gc_callbacks); i++)
        vm_list_append(cbs, LIST_ITEMS(vm_gc_callbacks)[i]);
    for (ssize_t i = 0; i < LIST_LEN(cbs); i++) {
        Obj *cb = LIST_ITEMS(cbs)[i];
        Obj *r = vm_call(cb, args, 2, NULL);
        if (r)
            DECREF(r);
        else
            vm_unraisable(NULL, cb);
    }
    DECREF(cbs);
    DECREF(args[0]);
    DECREF(args[1]);
    if (saved)
        vm_err_restore(saved);
}

size_t vm_gc_collect(void)
{
    if (collecting)
        return 0;
    collecting = true;
    run_callbacks("start", 0);
    size_t n = collect();
    vm_gc_collections++;
    vm_gc_collected += n;
    run_callbacks("stop", n);
    collecting = false;
    return n;
}

bool vm_gc_is_finalized(Obj *o)
{
    return fin_has(o);
}

void vm_gc_each(void (*fn)(Obj *o, void *arg), void *arg)
{
    for (GcHead *h = all.next; h != &all; h = h->next)
        fn(OBJ(h), arg);
}

/* Interpreter shutdown (after the atexit callbacks), as CPython's
 * finalize_modules does it in the common cases: every module but sys and
 * builtins leaves sys.modules, in import order (after a collection of the
 * cycles that were garbage already), so a module nothing else
 * holds is freed with its globals (their __del__ runs, in the module's
 * dict order); then a collection finalizes what is left in cycles (a
 * module's functions refer to its globals, so __main__'s namespace usually
 * is one), with the globals still intact. */
void vm_gc_at_exit(void)
{
    Obj *mods = vm_sys_modules_dict();
    if (!mods || !HAS_FLAG(mods, TF_DICT))
        return;
    /* perf: with no weak reference and no object that has a finalizer,
     * tearing down shows nothing (files are flushed by fileio.c) */
    bool observable = vm_weak_live != 0;
    for (GcHead *h = all.next; h != &all && !observable; h = h->next)
        observable = OBJ(h)->type->finalize != NULL;
    if (!observable)
        return;
    fflush(stdout);             /* CPython's flush_std_files comes first */
    Obj *pending = vm_err_fetch();
    vm_gc_collect();            /* garbage of the run first (CPython's order) */
    INCREF(mods);
    size_t n = 0, cap = 16;
    Obj **keys = vm_mem_alloc(cap * sizeof *keys);
    ssize_t pos = 0;
    Obj *k, *v;
    while (vm_dict_next(mods, &pos, &k, &v)) {
        if (STR_CHECK(k) && (vm_str_eqc(k, "sys") || vm_str_eqc(k, "builtins")))
            continue;
        if (n == cap) {
            Obj **bigger = vm_mem_alloc(2 * cap * sizeof *keys);
            memcpy(bigger, keys, n * sizeof *keys);
            vm_mem_free(keys);
            keys = bigger;
            cap *= 2;
        }
        keys[n++] = vm_newref(k);
    }
    for (size_t i = 0; i < n; i++) {
        if (vm_dict_del(mods, keys[i]) < 0)
            vm_err_clear();     /* a finalizer took it out already */
        DECREF(keys[i]);
    }
    vm_mem_free(keys);
    DECREF(mods);
    vm_gc_collect();
    vm_err_clear();
    if (pending)
        vm_err_restore(pending);
}
