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

#endif
