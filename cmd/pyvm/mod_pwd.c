/* cmd/pyvm/mod_pwd.c: the pwd module: getpwuid, getpwnam, getpwall and
 * struct_passwd (a struct sequence, structseq.h), as CPython 3.11's.
 *
 * Stage: pyvm.  The entries come from the C library's password database
 * (getpwuid/getpwnam/getpwent); a missing entry is CPython's KeyError
 * ("getpwnam(): name not found: 'x'", "getpwuid(): uid not found: 5").
 */
#include <errno.h>
#include <pwd.h>
#include <string.h>
#include <sys/types.h>

#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/structseq.h"
#include "cmd/pyvm/tuple.h"

static const char *const passwd_fields[] = {"pw_name", "pw_passwd", "pw_uid", "pw_gid",
                                            "pw_gecos", "pw_dir", "pw_shell"};
static const StructSeqDesc passwd_desc = {"pwd.struct_passwd", passwd_fields, 7, 7, true};

static Obj *cstr_or_empty(const char *s)
{
    return vm_str_cstr(s ? s : "");
}

/* A struct_passwd of one database entry. */
static Obj *passwd_new(const struct passwd *p)
{
    Obj *v[7] = {
        cstr_or_empty(p->pw_name), cstr_or_empty(p->pw_passwd),
        vm_int_from_i64(p->pw_uid == (uid_t)-1 ? -1 : (int64_t)p->pw_uid),
        vm_int_from_i64(p->pw_gid == (gid_t)-1 ? -1 : (int64_t)p->pw_gid),
        cstr_or_empty(p->pw_gecos), cstr_or_empty(p->pw_dir), cstr_or_empty(p->pw_shell),
    };
    return vm_structseq_new(&passwd_desc, v);
}

/* getpwuid(uid, /) */
static Obj *pw_getpwuid(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("pwd.getpwuid", kwnames) < 0)
        return NULL;
    if (nargs != 1)
        return vm_err_fmt(&vm_exc_TypeError, "pwd.getpwuid() takes exactly one argument "
                          "(%zu given)", nargs);
    if (!INT_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "uid should be integer, not %s",
                          vm_tname(args[0]));
    int64_t v;
    if (vm_int_as_i64(args[0], &v) < 0) {
        if (!vm_err_matches(&vm_exc_OverflowError))
            return NULL;
        vm_err_clear();
        v = -2;     /* out of range: no such uid */
    }
    if (v < -1 || v > (int64_t)(uid_t)-1)
        return vm_err_str(&vm_exc_KeyError, "getpwuid(): uid not found");
    uid_t uid = (uid_t)v;
    errno = 0;
    struct passwd *p = getpwuid(uid);
    if (!p) {
        if (errno == ENOMEM)
            return vm_err_nomem();
        return vm_err_fmt(&vm_exc_KeyError, "getpwuid(): uid not found: %lld",
                          uid == (uid_t)-1 ? -1LL : (long long)uid);
    }
    return passwd_new(p);
}

/* getpwnam(name, /) */
static Obj *pw_getpwnam(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("pwd.getpwnam", kwnames) < 0)
        return NULL;
    if (nargs != 1)
        return vm_err_fmt(&vm_exc_TypeError, "pwd.getpwnam() takes exactly one argument "
                          "(%zu given)", nargs);
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "getpwnam() argument must be str, not %s",
                          vm_tname(args[0]));
    if (memchr(STR_DATA(args[0]), '\0', (size_t)STR_LEN(args[0])))
        return vm_err_str(&vm_exc_ValueError, "embedded null byte");
    errno = 0;
    struct passwd *p = getpwnam(STR_DATA(args[0]));
    if (!p) {
        if (errno == ENOMEM)
            return vm_err_nomem();
        Obj *r = vm_repr(args[0]);
        if (r) {
            vm_err_fmt(&vm_exc_KeyError, "getpwnam(): name not found: %s", STR_DATA(r));
            DECREF(r);
        }
        return NULL;
    }
    return passwd_new(p);
}

/* getpwall(): every entry, in the database's order */
static Obj *pw_getpwall(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("pwd.getpwall", kwnames) < 0 || vm_argc("pwd.getpwall", nargs, 0, 0) < 0)
        return NULL;
    Obj *l = vm_list_new(0);
    setpwent();
    struct passwd *p;
    while ((p = getpwent())) {
        Obj *e = passwd_new(p);
        vm_list_append(l, e);
        DECREF(e);
    }
    endpwent();
    return l;
}

Obj *vm_mod_pwd(void)
{
    Obj *m = vm_module_new("pwd");
    if (!m)
        return NULL;
    vm_module_add_func(m, "getpwuid", pw_getpwuid);
    vm_module_add_func(m, "getpwnam", pw_getpwnam);
    vm_module_add_func(m, "getpwall", pw_getpwall);
    vm_module_add(m, "struct_passwd", (Obj *)vm_structseq_type(&passwd_desc));
    return m;
}
