/* cmd/pyvm/clinic.h: argument parsing for built-in functions with
 * positional-only, positional-or-keyword and keyword-only parameters, with
 * the TypeErrors CPython's Argument Clinic raises.
 *
 * Stage: pyvm.  Used by math (isclose, prod) and int (to_bytes,
 * from_bytes); txtargs.h covers the text methods' older conventions.
 */
#ifndef VM_CLINIC_H
#define VM_CLINIC_H

#include "cmd/pyvm/object.h"

/* One function's parameters, in order. */
typedef struct ClinicSpec {
    const char *fname;          /* the name in messages ("isclose") */
    const char *const *names;   /* the parameter names */
    size_t nparams;             /* how many */
    size_t nposonly;            /* the first nposonly are positional-only */
    size_t maxpos;              /* at most maxpos by position (the rest keyword-only) */
    size_t nreq;                /* the first nreq are required */
} ClinicSpec;

/* Parse a vectorcall argument list (kwnames' values at the end of args):
 * out[i] is the i-th parameter, NULL when not given.  Checks, in CPython's
 * order: too many arguments, too many or too few positional ones, a
 * required one missing, a keyword given twice or unknown.  -1 with
 * TypeError. */
int vm_clinic_args(const ClinicSpec *spec, Obj *const *args, size_t nargs, Obj *kwnames,
                   Obj **out) LS_MUST_CHECK;

#endif
