/* cmd/pyvm/mod_syslog.c: the syslog module: openlog, syslog, closelog,
 * setlogmask, LOG_MASK, LOG_UPTO and the LOG_* priorities, options and
 * facilities, as CPython 3.11's.
 *
 * Stage: pyvm.  Calls the C library's syslog(3) family; syslog() before
 * openlog() opens the log under the program's name (the last part of
 * sys.argv[0]), as CPython.  The ident string is kept for the C library,
 * which holds on to the pointer.
 */
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "libstage/common.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fdarg.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"

static char *log_ident;     /* the ident openlog() gave the C library (malloc'd), or NULL */
static bool log_open;       /* openlog() has run (explicitly or by syslog()) */

/* The program's name: the last component of sys.argv[0], or NULL. */
static char *default_ident(void)
{
    Obj *argv = vm_sys_attr("argv");
    if (!argv || !LIST_CHECK(argv) || LIST_LEN(argv) == 0 || !STR_CHECK(LIST_ITEMS(argv)[0]))
        return NULL;
    const char *s = STR_DATA(LIST_ITEMS(argv)[0]);
    const char *slash = strrchr(s, '/');
    return ls_xstrdup(slash ? slash + 1 : s);
}

static void do_openlog(char *ident, int option, int facility)
{
    closelog();
    free(log_ident);
    log_ident = ident;
    openlog(log_ident, option, facility);
    log_open = true;
}

/* openlog(ident=<the program's name>, logoption=0, facility=LOG_USER) */
static Obj *sl_openlog(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"ident", "logoption", "facility"};
    static const ClinicSpec spec = {"openlog", names, 3, 0, 3, 0};
    Obj *a[3];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int opt = 0, fac = LOG_USER;
    if (a[0] && !STR_CHECK(a[0]))
        return vm_err_fmt(&vm_exc_TypeError, "openlog() argument 1 must be str, not %s",
                          a[0] == VM_NONE ? "None" : vm_tname(a[0]));
    if ((a[1] && vm_cint_arg(a[1], &opt) < 0) || (a[2] && vm_cint_arg(a[2], &fac) < 0))
        return NULL;
    char *ident = a[0] ? ls_xstrdup(STR_DATA(a[0])) : default_ident();
    do_openlog(ident, opt, fac);
    return vm_newref(VM_NONE);
}

/* syslog([priority,] message) */
static Obj *sl_syslog(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("syslog", kwnames) < 0)
        return NULL;
    int prio = LOG_INFO;
    Obj *msg = NULL;
    if (nargs == 1 && STR_CHECK(args[0])) {
        msg = args[0];
    } else if (nargs == 2 && INT_CHECK(args[0]) && STR_CHECK(args[1])) {
        if (vm_cint_arg(args[0], &prio) < 0)
            return NULL;
        msg = args[1];
    } else {
        return vm_err_str(&vm_exc_TypeError, "[priority,] message string");
    }
    if (!log_open)
        do_openlog(default_ident(), 0, LOG_USER);
    syslog(prio, "%s", STR_DATA(msg));
    return vm_newref(VM_NONE);
}

static Obj *sl_closelog(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("closelog", kwnames) < 0 || vm_argc("closelog", nargs, 0, 0) < 0)
        return NULL;
    if (log_open) {
        closelog();
        free(log_ident);
        log_ident = NULL;
        log_open = false;
    }
    return vm_newref(VM_NONE);
}

/* setlogmask(maskpri, /): the old mask (0 changes nothing) */
static Obj *sl_setlogmask(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int mask;
    if (vm_nokw("setlogmask", kwnames) < 0 || vm_argc("setlogmask", nargs, 1, 1) < 0
        || vm_cint_arg(args[0], &mask) < 0)
        return NULL;
    return vm_int_from_i64(setlogmask(mask));
}

/* LOG_MASK(pri, /) and LOG_UPTO(pri, /) */
static Obj *sl_log_mask(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int p;
    if (vm_nokw("LOG_MASK", kwnames) < 0 || vm_argc("LOG_MASK", nargs, 1, 1) < 0
        || vm_cint_arg(args[0], &p) < 0)
        return NULL;
    return vm_int_from_i64(LOG_MASK(p));
}

static Obj *sl_log_upto(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int p;
    if (vm_nokw("LOG_UPTO", kwnames) < 0 || vm_argc("LOG_UPTO", nargs, 1, 1) < 0
        || vm_cint_arg(args[0], &p) < 0)
        return NULL;
    return vm_int_from_i64(LOG_UPTO(p));
}

static const MethodDef syslog_funcs[] = {
    {"openlog", sl_openlog}, {"closelog", sl_closelog}, {"syslog", sl_syslog},
    {"setlogmask", sl_setlogmask}, {"LOG_MASK", sl_log_mask}, {"LOG_UPTO", sl_log_upto},
    {NULL, NULL},
};

static const VmIntConst syslog_consts[] = {
    {"LOG_EMERG", LOG_EMERG}, {"LOG_ALERT", LOG_ALERT}, {"LOG_CRIT", LOG_CRIT},
    {"LOG_ERR", LOG_ERR}, {"LOG_WARNING", LOG_WARNING}, {"LOG_NOTICE", LOG_NOTICE},
    {"LOG_INFO", LOG_INFO}, {"LOG_DEBUG", LOG_DEBUG},
    {"LOG_PID", LOG_PID}, {"LOG_CONS", LOG_CONS}, {"LOG_NDELAY", LOG_NDELAY},
    {"LOG_ODELAY", LOG_ODELAY}, {"LOG_NOWAIT", LOG_NOWAIT}, {"LOG_PERROR", LOG_PERROR},
    {"LOG_KERN", LOG_KERN}, {"LOG_USER", LOG_USER}, {"LOG_MAIL", LOG_MAIL},
    {"LOG_DAEMON", LOG_DAEMON}, {"LOG_AUTH", LOG_AUTH}, {"LOG_LPR", LOG_LPR},
    {"LOG_LOCAL0", LOG_LOCAL0}, {"LOG_LOCAL1", LOG_LOCAL1}, {"LOG_LOCAL2", LOG_LOCAL2},
    {"LOG_LOCAL3", LOG_LOCAL3}, {"LOG_LOCAL4", LOG_LOCAL4}, {"LOG_LOCAL5", LOG_LOCAL5},
    {"LOG_LOCAL6", LOG_LOCAL6}, {"LOG_LOCAL7", LOG_LOCAL7}, {"LOG_SYSLOG", LOG_SYSLOG},
    {"LOG_CRON", LOG_CRON}, {"LOG_UUCP", LOG_UUCP}, {"LOG_NEWS", LOG_NEWS},
    {"LOG_AUTHPRIV", LOG_AUTHPRIV},
};

Obj *vm_mod_syslog(void)
{
    Obj *m = vm_module_new("syslog");
    if (!m)
        return NULL;
    for (const MethodDef *f = syslog_funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
    vm_module_add_ints(m, syslog_consts, sizeof syslog_consts / sizeof *syslog_consts);
    return m;
}
