/* cmd/pyvm/alloc.h: memory for VM objects: size classes with free lists
 * carved from large slabs, so creating and dropping small objects (ints,
 * floats, tuples, frames of iterators) costs a few instructions, not a
 * malloc/free pair.
 *
 * Stage: pyvm.  Every object made by vm_alloc() is released with
 * vm_mem_free().  Under AddressSanitizer the pools are bypassed so that
 * use-after-free is still caught.
 */
#ifndef VM_ALLOC_H
#define VM_ALLOC_H

#include <stddef.h>

void *vm_mem_alloc(size_t n);
void vm_mem_free(void *p);

#if defined(__SANITIZE_ADDRESS__)
#define VM_NO_POOL 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VM_NO_POOL 1
#endif
#endif

#define NCLASSES 32             /* 16 .. 512 bytes */

typedef struct FreeBlock {
    struct FreeBlock *next;     /* next free block of the class */
} FreeBlock;

#ifndef VM_NO_POOL
/* The free list of each size class (index: size / 16, rounded up). */
extern FreeBlock *vm_mem_freelist[NCLASSES + 1];
#endif

/* vm_mem_alloc and vm_mem_free with the common case inline (perf): a
 * block of a constant small size taken from or given back to its free
 * list.  A block's class is in the 8 bytes before it. */
static inline void *vm_mem_alloc_fast(size_t n)
{
#ifndef VM_NO_POOL
    size_t cls = (n + 15) / 16;
    if (cls >= 1 && cls <= NCLASSES && vm_mem_freelist[cls]) {
        FreeBlock *b = vm_mem_freelist[cls];
        vm_mem_freelist[cls] = b->next;
        return b;
    }
#endif
    return vm_mem_alloc(n);
}

static inline void vm_mem_free_fast(void *q)
{
#ifndef VM_NO_POOL
    size_t cls = (size_t)((const unsigned long long *)q)[-1];
    if (cls != 0) {
        FreeBlock *b = q;
        b->next = vm_mem_freelist[cls];
        vm_mem_freelist[cls] = b;
        return;
    }
#endif
    vm_mem_free(q);
}
/* As vm_mem_alloc, but NULL (nothing raised) when the system has no memory
 * for a large block, so a huge Python object can become a MemoryError. */
void *vm_mem_try_alloc(size_t n);

/* vm_sigint_pending's value when a small allocation used the reserve
 * (alloc.c): the eval loop raises MemoryError instead of KeyboardInterrupt. */
#define VM_PENDING_NOMEM 2
/* For C loops that run a long time without the eval loop (list(iterable)):
 * -1 with MemoryError when the reserve was used, else 0. */
int vm_mem_check_pending(void);

#endif
