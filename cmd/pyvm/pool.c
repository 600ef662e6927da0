/* cmd/pyvm/pool.c: the slabs of the fixed-size pools (pool.h).
 *
 * Stage: pyvm.  Slabs are never returned: a program's steady state reuses
 * its blocks, as alloc.c's size classes do.
 */
#include "cmd/pyvm/pool.h"

#include "libstage/common.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"

#define POOL_SLAB (64u * 1024u)

VmPool vm_int_pool = {NULL, NULL, NULL, sizeof(IntObj)};
VmPool vm_float_pool = {NULL, NULL, NULL, sizeof(FloatObj)};
VmPool vm_str_pools[2] = {{NULL, NULL, NULL, 48}, {NULL, NULL, NULL, 64}};

void *vm_pool_refill(VmPool *p)
{
    p->ptr = ls_xmalloc(POOL_SLAB);
    p->end = p->ptr + POOL_SLAB;
    void *q = p->ptr;
    p->ptr += p->size;
    return q;
}
