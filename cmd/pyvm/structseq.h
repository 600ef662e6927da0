/* cmd/pyvm/structseq.h: struct sequences (CPython's structseq): tuple
 * subclasses with named fields, such as sys.flags, sys.float_info,
 * time.struct_time and os.stat_result.
 *
 * Stage: pyvm.  An instance is a tuple of the first n_seq fields (what
 * len(), indexing, unpacking and comparison see); the fields after those
 * (struct_time's tm_zone, stat_result's st_atime) are kept behind them in
 * the same item array and read by name only.
 */
#ifndef VM_STRUCTSEQ_H
#define VM_STRUCTSEQ_H

#include "cmd/pyvm/object.h"

/* One struct sequence type: its table. */
typedef struct StructSeqDesc {
    const char *name;           /* tp name, "sys.flags" (module.qualname) */
    const char *const *fields;  /* the n_fields field names; NULL: an unnamed field
                                   (visible by index only: stat_result's int times) */
    int n_fields;               /* all fields */
    int n_seq;                  /* the leading fields the tuple shows */
    bool constructible;         /* T(sequence, dict=None) makes instances */
} StructSeqDesc;

/* The type of desc, made and readied on first use (then the same one). */
Type *vm_structseq_type(const StructSeqDesc *desc);
/* An instance of desc's type holding vals[0..n_fields) (references
 * stolen; NULL entries become None). */
/* Have T(sequence, dict=None) of desc's type run fill on the n_fields
 * values (None where not given; fill may replace them, owning each):
 * stat_result's float times from its int ones. */
void vm_structseq_set_fill(const StructSeqDesc *desc, void (*fill)(Obj **vals));
Obj *vm_structseq_new(const StructSeqDesc *desc, Obj **vals) LS_MUST_CHECK;

#endif
