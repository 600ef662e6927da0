/* cmd/pyvm/pool.h: pools of fixed-size blocks without a header, for the
 * objects made and dropped most often (small ints, floats).
 *
 * Stage: pyvm.  vm_mem_alloc puts an 8-byte size class before each block
 * so that vm_mem_free needs no size; for a type whose every instance has
 * one size the pool knows it, which saves those 8 bytes per object (a
 * list of a million ints holds 8 MB less) and the size-class arithmetic.
 * A block taken from a pool must be given back to the same pool, never to
 * vm_mem_free: object.c's vm_dealloc does that for the types below.
 * Under AddressSanitizer the pools use malloc and free directly.
 */
#ifndef VM_POOL_H
#define VM_POOL_H

#include <stddef.h>
#include <stdlib.h>

#include "cmd/pyvm/alloc.h"

typedef struct VmPool {
    FreeBlock *free;        /* blocks given back */
    char *ptr, *end;        /* the unused rest of the current slab */
    size_t size;            /* block size in bytes (a multiple of 8) */
} VmPool;

/* Small ints (IntObj with n == 0) and floats. */
extern VmPool vm_int_pool, vm_float_pool;
/* Exact strs whose StrObj (text and NUL included) takes at most 48 and at
 * most 64 bytes: the size is known again from the str's length. */
extern VmPool vm_str_pools[2];
#define VM_STR_POOL_MAX 64
static inline VmPool *vm_str_pool(size_t bytes)
{
    return &vm_str_pools[bytes > 48];
}

/* Carve a block from a new or the current slab. */
void *vm_pool_refill(VmPool *p);

static inline void *vm_pool_alloc(VmPool *p)
{
#ifdef VM_NO_POOL
    return vm_mem_alloc(p->size);
#else
    FreeBlock *b = p->free;
    if (b) {
        p->free = b->next;
        return b;
    }
    if ((size_t)(p->end - p->ptr) >= p->size) {
        void *q = p->ptr;
        p->ptr += p->size;
        return q;
    }
    return vm_pool_refill(p);
#endif
}

static inline void vm_pool_free(VmPool *p, void *q)
{
#ifdef VM_NO_POOL
    (void)p;
    vm_mem_free(q);
#else
    FreeBlock *b = q;
    b->next = p->free;
    p->free = b;
#endif
}

#endif
