/* cmd/pyvm/import_frozen.c: running a built-in module's Python source.
 *
 * Stage: pyvm.  The source is compiled with ls_compile (import_cache.c's
 * vm_compile_source) as "<frozen NAME>" and run in a fresh module whose
 * __builtins__ is the builtins module.
 */
#include "cmd/pyvm/import_frozen.h"

#include <stdio.h>
#include <string.h>

#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/eval.h"
#include "cmd/pyvm/import_cache.h"
#include "cmd/pyvm/module.h"

int vm_frozen_exec(Obj *mod, const char *name, const char *src)
{
    char fname[256];
    snprintf(fname, sizeof fname, "<frozen %s>", name);
    VmCode *code = vm_compile_source(src, strlen(src), fname, LS_MODE_EXEC);
    if (!code)
        return -1;
    Obj *d = ((ModuleObj *)mod)->dict;
    Obj *r = NULL;
    if (vm_dict_set_cstr(d, "__builtins__", vm_builtins) == 0)
        r = vm_run_module(code, d);
    DECREF(code);
    if (!r)
        return -1;
    DECREF(r);
    return 0;
}

Obj *vm_frozen_module(const char *name, const char *src)
{
    Obj *mod = vm_module_new(name);
    if (mod && vm_frozen_exec(mod, name, src) < 0)
        CLEAR(mod);
    return mod;
}
