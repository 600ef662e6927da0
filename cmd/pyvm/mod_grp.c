/* cmd/pyvm/mod_grp.c: the grp module: getgrgid, getgrnam, getgrall and
 * struct_group (a struct sequence, structseq.h; gr_mem a list of member
 * names), as CPython 3.11's.
 *
 * Stage: pyvm.  The entries come from the C library's group database;
 * a missing entry is CPython's KeyError ("getgrnam(): name not found:
 * 'x'", "getgrgid(): gid not found: 5").
 */
#include <errno.h>
#include <grp.h>
#include <string.h>
#include <sys/types.h>

#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/structseq.h"
#include "cmd/pyvm/tuple.h"

static const char *const group_fields[] = {"gr_name", "gr_passwd", "gr_gid", "gr_mem"};
static const StructSeqDesc group_desc = {"grp.struct_group", group_fields, 4, 4, true};

/* A struct_group of one database entry. */
static Obj *group_new(const struct group *g)
{
    Obj *mem = vm_list_new(0);
    for (char **p = g->gr_mem; p && *p; p++) {
        Obj *s = vm_str_cstr(*p);
        vm_list_append(mem, s);
        DECREF(s);
    }
    Obj *v[4] = {
        vm_str_cstr(g->gr_name ? g->gr_name : ""), vm_str_cstr(g->gr_passwd ? g->gr_passwd : ""),
        vm_int_from_i64(g->gr_gid == (gid_t)-1 ? -1 : (int64_t)g->gr_gid), mem,
    };
    return vm_structseq_new(&group_desc, v);
}

/* getgrgid(id) */
static Obj *gr_getgrgid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"id"};
    static const ClinicSpec spec = {"getgrgid", names, 1, 0, 1, 1};
    Obj *a[1];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!INT_CHECK(a[0]))
        return vm_err_fmt(&vm_exc_TypeError, "gid should be integer, not %s", vm_tname(a[0]));
    int64_t v;
    if (vm_int_as_i64(a[0], &v) < 0) {
        if (!vm_err_matches(&vm_exc_OverflowError))
            return NULL;
        vm_err_clear();
        v = -2;
    }
    if (v < -1 || v > (int64_t)(gid_t)-1)     /* CPython 3.11 says "less" either way */
        return vm_err_str(&vm_exc_OverflowError, "gid is less than minimum");
    gid_t gid = (gid_t)v;
    errno = 0;
    struct group *g = getgrgid(gid);
    if (!g) {
        if (errno == ENOMEM)
            return vm_err_nomem();
        return vm_err_fmt(&vm_exc_KeyError, "getgrgid(): gid not found: %lld",
                          gid == (gid_t)-1 ? -1LL : (long long)gid);
    }
    return group_new(g);
}

/* getgrnam(name) */
static Obj *gr_getgrnam(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"name"};
    static const ClinicSpec spec = {"getgrnam", names, 1, 0, 1, 1};
    Obj *a[1];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!STR_CHECK(a[0]))
        return vm_err_fmt(&vm_exc_TypeError, "getgrnam() argument 'name' must be str, not %s",
                          vm_tname(a[0]));
    if (memchr(STR_DATA(a[0]), '\0', (size_t)STR_LEN(a[0])))
        return vm_err_str(&vm_exc_ValueError, "embedded null byte");
    errno = 0;
    struct group *g = getgrnam(STR_DATA(a[0]));
    if (!g) {
        if (errno == ENOMEM)
            return vm_err_nomem();
        Obj *r = vm_repr(a[0]);
        if (r) {
            vm_err_fmt(&vm_exc_KeyError, "getgrnam(): name not found: %s", STR_DATA(r));
            DECREF(r);
        }
        return NULL;
    }
    return group_new(g);
}

/* getgrall(): every entry, in the database's order */
static Obj *gr_getgrall(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("getgrall", kwnames) < 0 || vm_argc("getgrall", nargs, 0, 0) < 0)
        return NULL;
    Obj *l = vm_list_new(0);
    setgrent();
    struct group *g;
    while ((g = getgrent())) {
        Obj *e = group_new(g);
        vm_list_append(l, e);
        DECREF(e);
    }
    endgrent();
    return l;
}

Obj *vm_mod_grp(void)
{
    Obj *m = vm_module_new("grp");
    if (!m)
        return NULL;
    vm_module_add_func(m, "getgrgid", gr_getgrgid);
    vm_module_add_func(m, "getgrnam", gr_getgrnam);
    vm_module_add_func(m, "getgrall", gr_getgrall);
    vm_module_add(m, "struct_group", (Obj *)vm_structseq_type(&group_desc));
    return m;
}
