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
 */
#include "cmd/pyvm/gc.h"

#include <stdlib.h>
#include <string.h>

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

void vm_gc_free(Obj *o)
{
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

size_t vm_gc_collect(void)
{
    if (collecting)
        return 0;
    collecting = true;
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
    /* 4. garbage: keep each alive while clearing, then let go */
    size_t n = 0;
    for (GcHead *h = unreach.next; h != &unreach; h = h->next) {
        INCREF(OBJ(h));
        n++;
    }
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
        DECREF(OBJ(h));
    }
    threshold = ntracked > 10000 ? ntracked : 10000;
    collecting = false;
    return n;
}
