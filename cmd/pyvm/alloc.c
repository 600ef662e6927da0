/* cmd/pyvm/alloc.c: the object allocator (alloc.h).
 *
 * Stage: pyvm.  Blocks of up to 512 bytes come in 16-byte size classes;
 * each block has an 8-byte header holding its class (0: a large block from
 * malloc), so vm_mem_free needs no size.  Free blocks of a class form a
 * singly linked list; new ones are cut from 256 KiB slabs that are never
 * returned (a program's steady state reuses them).
 *
 * Running out of memory: an allocation whose size the program chooses (a
 * huge str, list, int) goes through vm_mem_try_alloc or plain malloc and
 * becomes MemoryError where it fails, as in CPython.  The small fixed-size
 * ones (a slab, a frame, a dict of a few keys) cannot fail for their
 * callers: when one does, a reserve of RESERVE bytes set aside at the
 * first slab is given back (ls_oom_hook, also for ls_xmalloc & co.), the
 * allocation is retried, and vm_sigint_pending = VM_PENDING_NOMEM makes
 * the next backward jump or call raise MemoryError; with the reserve gone
 * as well, pyvm ends with "pyvm: out of memory", exit 2.
 */
#include "cmd/pyvm/alloc.h"

#include <stdint.h>
#include <stdlib.h>

#include "libstage/common.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/exc.h"

/* VM_NO_POOL (under AddressSanitizer), NCLASSES, FreeBlock and the free
 * lists are in alloc.h, for its inline fast paths. */
#define SLAB (256u * 1024u)
#define HDR 8u

#define RESERVE (4u * 1024u * 1024u)
static void *reserve;           /* RESERVE bytes to give back on a failure */
static bool reserve_tried;      /* the first attempt to set it aside was made */

/* ls_oom_hook: give the reserve back and have the loop raise MemoryError. */
static bool release_reserve(void)
{
    if (!reserve)
        return false;
    free(reserve);
    reserve = NULL;
    vm_sigint_pending = VM_PENDING_NOMEM;
    return true;
}

/* Set the reserve aside: at the first slab, and again at each later slab
 * (and each vm_mem_check_pending) while it is gone.  When it was used and
 * cannot be had back, memory is still exhausted: another MemoryError is
 * due (a program that caught the first one and goes on allocating). */
static void arm_reserve(void)
{
    if (reserve)
        return;
    bool used = reserve_tried;
    if (!reserve_tried) {
        reserve_tried = true;
        ls_oom_hook = release_reserve;
    }
    reserve = malloc(RESERVE);
    if (!reserve && used)
        vm_sigint_pending = VM_PENDING_NOMEM;
}

int vm_mem_check_pending(void)
{
    if (LS_UNLIKELY(!reserve && reserve_tried))
        arm_reserve();
    if (vm_sigint_pending != VM_PENDING_NOMEM)
        return 0;
    vm_sigint_pending = 0;
    vm_err_nomem();
    return -1;
}

#ifndef VM_NO_POOL
#define freelist vm_mem_freelist
FreeBlock *vm_mem_freelist[NCLASSES + 1];
static char *slab_ptr, *slab_end;
#endif

void *vm_mem_alloc(size_t n)
{
#ifdef VM_NO_POOL
    return ls_xmalloc(n);
#else
    size_t cls = (n + 15) / 16;
    if (cls > NCLASSES) {
        uint64_t *p = ls_xmalloc(n + HDR);
        p[0] = 0;
        return p + 1;
    }
    if (cls == 0)
        cls = 1;
    FreeBlock *b = freelist[cls];
    if (b) {
        freelist[cls] = b->next;
        return b;
    }
    size_t need = cls * 16 + HDR;
    if ((size_t)(slab_end - slab_ptr) < need) {
        arm_reserve();
        slab_ptr = ls_xmalloc(SLAB);
        slab_end = slab_ptr + SLAB;
    }
    uint64_t *p = (uint64_t *)slab_ptr;
    slab_ptr += need;
    p[0] = cls;
    return p + 1;
#endif
}

void *vm_mem_try_alloc(size_t n)
{
#ifdef VM_NO_POOL
    return malloc(n ? n : 1);
#else
    if ((n + 15) / 16 <= NCLASSES)
        return vm_mem_alloc(n);
    if (n > SIZE_MAX - HDR)
        return NULL;
    uint64_t *p = malloc(n + HDR);
    if (!p)
        return NULL;
    p[0] = 0;
    return p + 1;
#endif
}

void vm_mem_free(void *q)
{
#ifdef VM_NO_POOL
    free(q);
#else
    uint64_t *p = (uint64_t *)q - 1;
    size_t cls = (size_t)p[0];
    if (cls == 0) {
        free(p);
        return;
    }
    FreeBlock *b = q;
    b->next = freelist[cls];
    freelist[cls] = b;
#endif
}
