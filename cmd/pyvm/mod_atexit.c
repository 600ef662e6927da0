/* cmd/pyvm/mod_atexit.c: the atexit module (weakref.finalize registers
 * with it): register, unregister, _clear, _ncallbacks, _run_exitfuncs.
 *
 * Stage: pyvm.  The callbacks are a list kept in Python (a frozen half);
 * vm_atexit_run(), called by pyvm's main when the program ends (after an
 * uncaught exception is printed, as CPython), calls them newest first.  A
 * callback's exception is printed as CPython's "Exception ignored in atexit
 * callback" and the next one runs.
 */
#include "cmd/pyvm/mod_atexit.h"

#include <stdio.h>

#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/unraisable.h"

static const char atexit_src[] =
    "_funcs = []\n"
    "def register(func, *args, **kwargs):\n"
    "    \"\"\"Register a function to be executed upon normal program termination.\"\"\"\n"
    "    if not callable(func):\n"
    "        raise TypeError('the first argument must be callable')\n"
    "    _funcs.append((func, args, kwargs))\n"
    "    return func\n"
    "def unregister(func):\n"
    "    \"\"\"Unregister an exit function which was previously registered.\"\"\"\n"
    "    for i, e in enumerate(_funcs):\n"
    "        if e is not None and e[0] == func:\n"
    "            _funcs[i] = None\n"
    "def _clear():\n"
    "    _funcs.clear()\n"
    "def _ncallbacks():\n"
    "    return len(_funcs)\n"
    "def _pop():\n"
    "    while _funcs:\n"
    "        e = _funcs.pop()\n"
    "        if e is not None:\n"
    "            return (e[0], e[1] + tuple(e[2].values()), tuple(e[2]))\n"
    "def _run_exitfuncs():\n"
    "    _pyvm_run()\n";

/* Call the callbacks of module mod newest first, printing their errors. */
static void run_all(Obj *mod)
{
    Obj *d = ((ModuleObj *)mod)->dict;
    for (;;) {
        Obj *pop = vm_dict_get_str(d, vm_str_intern("_pop", 4));
        if (!pop)
            return;
        Obj *e = vm_call(pop, NULL, 0, NULL);
        if (!e) {
            vm_err_clear();
            return;
        }
        if (e == VM_NONE) {
            DECREF(e);
            return;
        }
        /* e: (func, positional + keyword values, keyword names) */
        Obj *r = NULL;
        if (TUPLE_CHECK(e) && TUPLE_LEN(e) == 3) {
            Obj *all = TUPLE_ITEMS(e)[1], *names = TUPLE_ITEMS(e)[2];
            /* vm_call's nargs counts the keyword values too */
            r = vm_call(TUPLE_ITEMS(e)[0], TUPLE_ITEMS(all), (size_t)TUPLE_LEN(all),
                        TUPLE_LEN(names) ? names : NULL);
        }
        if (r) {
            DECREF(r);
        } else {
            /* sys.unraisablehook (unraisable.c) */
            vm_unraisable("Exception ignored in atexit callback",
                          TUPLE_CHECK(e) && TUPLE_LEN(e) ? TUPLE_ITEMS(e)[0] : NULL);
        }
        DECREF(e);
    }
}

static Obj *ae_run(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("_run_exitfuncs", nargs, 0, 0) < 0)
        return NULL;
    Obj *mods = vm_sys_modules_dict();
    Obj *mod = mods ? vm_dict_get_str(mods, vm_str_intern("atexit", 6)) : NULL;
    if (mod && TYPE(mod) == &vm_module_type)
        run_all(mod);
    return vm_newref(VM_NONE);
}

void vm_atexit_run(void)
{
    Obj *mods = vm_sys_modules_dict();
    Obj *mod = mods ? vm_dict_get_str(mods, vm_str_intern("atexit", 6)) : NULL;
    if (!mod || TYPE(mod) != &vm_module_type)
        return;
    Obj *pending = vm_err_fetch();
    run_all(mod);
    if (pending)
        vm_err_restore(pending);
}

Obj *vm_mod_atexit(void)
{
    Obj *m = vm_module_new("atexit");
    if (!m)
        return NULL;
    vm_module_add_func(m, "_pyvm_run", ae_run);
    if (vm_frozen_exec(m, "atexit", atexit_src) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
