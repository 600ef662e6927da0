/* cmd/pyvm/strfmt.h: printf-style `str % args` and str.format().
 *
 * Stage: pyvm.  Both translate each field into a format spec handled by
 * format.c, so the number formatting is shared.
 */
#ifndef VM_STRFMT_H
#define VM_STRFMT_H

#include "cmd/pyvm/object.h"

/* fmt % args (args: a tuple, a mapping for %(name)s, or one value). */
Obj *vm_str_percent(Obj *fmt, Obj *args) LS_MUST_CHECK;
/* b"..." % args: the n bytes at fmt formatted into a bytes object. */
Obj *vm_bytes_percent(const char *fmt, size_t n, Obj *args) LS_MUST_CHECK;
/* fmt.format(*args, **kwargs), vectorcall style. */
Obj *vm_str_format(Obj *fmt, Obj *const *args, size_t nargs, Obj *kwnames) LS_MUST_CHECK;
/* fmt.format_map(mapping): keyword fields are mapping[name]. */
Obj *vm_str_format_map(Obj *fmt, Obj *mapping) LS_MUST_CHECK;

#endif
