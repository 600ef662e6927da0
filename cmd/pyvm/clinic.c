/* cmd/pyvm/clinic.c: Argument Clinic-style argument parsing (clinic.h).
 *
 * Stage: pyvm.
 */
#include "cmd/pyvm/clinic.h"

#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

int vm_clinic_args(const ClinicSpec *spec, Obj *const *args, size_t nargs, Obj *kwnames,
                   Obj **out)
{
    const char *fname = spec->fname;
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0, npos = nargs - nkw;
    size_t maxpos = spec->maxpos, nposonly = spec->nposonly;
    size_t minpos = spec->nreq < maxpos ? spec->nreq : maxpos;
    size_t minposonly = nposonly < minpos ? nposonly : minpos;
    if (nargs > spec->nparams) {
        /* "keyword" when none came by position, as CPython (bpo-31229) */
        vm_err_fmt(&vm_exc_TypeError, "%s() takes at most %zu %sargument%s (%zu given)", fname,
                   spec->nparams, npos == 0 ? "keyword " : "", spec->nparams == 1 ? "" : "s",
                   nargs);
        return -1;
    }
    if (npos > maxpos || npos < minposonly) {
        size_t want = npos > maxpos ? maxpos : minposonly;
        if (want == 0)
            vm_err_fmt(&vm_exc_TypeError, "%s() takes no positional arguments", fname);
        else
            vm_err_fmt(&vm_exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)",
                       fname, minpos == maxpos ? "exactly"
                       : npos > maxpos ? "at most" : "at least",
                       want, want == 1 ? "" : "s", npos);
        return -1;
    }
    size_t used = 0;
    for (size_t i = 0; i < spec->nparams; i++) {
        out[i] = i < npos ? args[i] : NULL;
        for (size_t k = 0; !out[i] && i >= nposonly && k < nkw; k++)
            if (vm_str_eqc(TUPLE_ITEMS(kwnames)[k], spec->names[i])) {
                out[i] = args[npos + k];
                used++;
            }
        if (!out[i] && i < spec->nreq) {
            vm_err_fmt(&vm_exc_TypeError, "%s() missing required argument '%s' (pos %zu)",
                       fname, spec->names[i], i + 1);
            return -1;
        }
    }
    /* the keywords not taken: given twice, or unknown */
    for (size_t k = 0; used < nkw && k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        size_t i = 0;
        while (i < spec->nparams && !vm_str_eqc(kn, spec->names[i]))
            i++;
        if (i < npos && i >= nposonly)
            vm_err_fmt(&vm_exc_TypeError, "argument for %s() given by name ('%s') and "
                       "position (%zu)", fname, spec->names[i], i + 1);
        else if (i == spec->nparams || i < nposonly)
            vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                       STR_DATA(kn), fname);
        else
            continue;
        return -1;
    }
    return 0;
}
