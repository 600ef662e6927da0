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
/* As vm_mem_alloc, but NULL (nothing raised) when the system has no memory
 * for a large block, so a huge Python object can become a MemoryError. */
void *vm_mem_try_alloc(size_t n);

#endif
