/* cmd/pyvm/memoryview.h: memoryview over bytes and bytearray (format 'B',
 * one dimension, any step).
 *
 * Stage: pyvm.
 */
#ifndef VM_MEMORYVIEW_H
#define VM_MEMORYVIEW_H

#include "cmd/pyvm/object.h"

extern Type vm_memoryview_type;

#endif
