/* cmd/pyvm/format.h: format(value, spec): the format-spec mini-language for
 * int, float and str, as f-strings and format() use it.
 *
 * Stage: pyvm.
 */
#ifndef VM_FORMAT_H
#define VM_FORMAT_H

#include "cmd/pyvm/object.h"

/* format(v, spec); spec may be NULL (same as ''). */
Obj *vm_format(Obj *v, Obj *spec) LS_MUST_CHECK;

#endif
