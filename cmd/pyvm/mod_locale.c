/* cmd/pyvm/mod_locale.c: the built-in module _locale, for the C locale.
 *
 * Stage: pyvm.  pyvm never changes the C library's locale (float
 * formatting and the rest stay those of "C"), so this module only keeps
 * the names a program sets: setlocale() accepts the C locale under its
 * names ("C", "POSIX", "C.UTF-8", "C.utf8" and "" when the environment
 * names one of them) and refuses others with locale.Error, as CPython
 * does for a locale the system lacks.  At start-up LC_CTYPE is "C.UTF-8",
 * what CPython's locale coercion makes of the C locale.  localeconv() and
 * nl_langinfo() give the C locale's values.
 */
#include "cmd/pyvm/module.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* The categories, numbered as glibc numbers them. */
enum { CAT_CTYPE, CAT_NUMERIC, CAT_TIME, CAT_COLLATE, CAT_MONETARY, CAT_MESSAGES, CAT_ALL,
       NCATS = 6 };

static const char *const cat_names[NCATS] = {
    "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES",
};

static const char *current[NCATS] = {"C.UTF-8", "C", "C", "C", "C", "C"};
static Obj *error_cls;      /* locale.Error */

static Obj *locale_error(const char *msg)
{
    return vm_err_fmt((Type *)error_cls, "%s", msg);
}

/* The C locale's name for a requested one, or NULL when it is another. */
static const char *c_locale_name(const char *name)
{
    if (!strcmp(name, "C") || !strcmp(name, "POSIX"))
        return "C";
    if (!strcmp(name, "C.UTF-8") || !strcmp(name, "C.utf8"))
        return "C.UTF-8";
    return NULL;
}

/* What "" means for a category: LC_ALL, LC_<category>, LANG, else "C". */
static const char *env_locale(int cat)
{
    const char *v = getenv("LC_ALL");
    if ((!v || !*v) && cat < NCATS)
        v = getenv(cat_names[cat]);
    if (!v || !*v)
        v = getenv("LANG");
    return v && *v ? v : "C";
}

/* The name setlocale(cat) reports (LC_ALL: one name, or glibc's list). */
static Obj *query(int cat)
{
    if (cat != CAT_ALL)
        return vm_str_cstr(current[cat]);
    bool same = true;
    for (int i = 1; i < NCATS; i++)
        same = same && !strcmp(current[i], current[0]);
    if (same)
        return vm_str_cstr(current[0]);
    static const char *const rest[] = {"LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE",
                                       "LC_MEASUREMENT", "LC_IDENTIFICATION"};
    char buf[512];
    size_t n = 0;
    for (int i = 0; i < NCATS; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s=%s", i ? ";" : "", cat_names[i],
                              current[i]);
    for (int i = 0; i < 6; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, ";%s=C", rest[i]);
    return vm_str_new(buf, n < sizeof buf ? n : sizeof buf - 1);
}

/* setlocale(category, locale=None) */
static Obj *lc_setlocale(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("setlocale", kwnames) < 0 || vm_argc("setlocale", nargs, 1, 2) < 0)
        return NULL;
    int64_t cat;
    if (vm_index(args[0], &cat, "category") < 0)
        return NULL;
    Obj *want = nargs > 1 ? args[1] : VM_NONE;
    if (want != VM_NONE && !STR_CHECK(want))
        return vm_err_fmt(&vm_exc_TypeError, "setlocale() argument 2 must be str or None, "
                          "not %s", vm_tname(want));
    if (cat < 0 || cat > CAT_ALL)
        return locale_error(want == VM_NONE ? "locale query failed"
                            : "unsupported locale setting");
    if (want == VM_NONE)
        return query((int)cat);
    for (int i = 0; i < NCATS; i++) {
        if (cat != CAT_ALL && i != cat)
            continue;
        const char *name = STR_DATA(want);
        const char *c = c_locale_name(*name ? name : env_locale(i));
        if (!c)
            return locale_error("unsupported locale setting");
    }
    for (int i = 0; i < NCATS; i++) {
        if (cat != CAT_ALL && i != cat)
            continue;
        const char *name = STR_DATA(want);
        current[i] = c_locale_name(*name ? name : env_locale(i));
    }
    return query((int)cat);
}

/* localeconv(): the C locale's conventions, in CPython's key order. */
static Obj *lc_localeconv(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("localeconv", nargs, 0, 0) < 0)
        return NULL;
    static const char *const strs[] = {"int_curr_symbol", "currency_symbol",
                                       "mon_decimal_point", "mon_thousands_sep"};
    static const char *const signs[] = {"positive_sign", "negative_sign"};
    static const char *const chars[] = {"int_frac_digits", "frac_digits", "p_cs_precedes",
                                        "p_sep_by_space", "n_cs_precedes", "n_sep_by_space",
                                        "p_sign_posn", "n_sign_posn"};
    Obj *d = vm_dict_new();
    Obj *empty = vm_str_cstr(""), *cmax = vm_int_from_i64(127);
    int rc = 0;
    for (size_t i = 0; i < 4; i++)
        rc |= vm_dict_set_cstr(d, strs[i], empty);
    Obj *l = vm_list_new(0);
    rc |= vm_dict_set_cstr(d, "mon_grouping", l);
    DECREF(l);
    for (size_t i = 0; i < 2; i++)
        rc |= vm_dict_set_cstr(d, signs[i], empty);
    for (size_t i = 0; i < 8; i++)
        rc |= vm_dict_set_cstr(d, chars[i], cmax);
    Obj *dot = vm_str_cstr(".");
    rc |= vm_dict_set_cstr(d, "decimal_point", dot);
    DECREF(dot);
    rc |= vm_dict_set_cstr(d, "thousands_sep", empty);
    l = vm_list_new(0);
    rc |= vm_dict_set_cstr(d, "grouping", l);
    DECREF(l);
    DECREF(empty);
    DECREF(cmax);
    if (rc < 0) {
        DECREF(d);
        return NULL;
    }
    return d;
}

/* The nl_langinfo keys, with the C library's values for them. */
#define LANGINFO_KEYS(X) \
    X(CODESET) X(D_T_FMT) X(D_FMT) X(T_FMT) X(T_FMT_AMPM) X(AM_STR) X(PM_STR) \
    X(DAY_1) X(DAY_2) X(DAY_3) X(DAY_4) X(DAY_5) X(DAY_6) X(DAY_7) \
    X(ABDAY_1) X(ABDAY_2) X(ABDAY_3) X(ABDAY_4) X(ABDAY_5) X(ABDAY_6) X(ABDAY_7) \
    X(MON_1) X(MON_2) X(MON_3) X(MON_4) X(MON_5) X(MON_6) X(MON_7) X(MON_8) X(MON_9) \
    X(MON_10) X(MON_11) X(MON_12) \
    X(ABMON_1) X(ABMON_2) X(ABMON_3) X(ABMON_4) X(ABMON_5) X(ABMON_6) X(ABMON_7) \
    X(ABMON_8) X(ABMON_9) X(ABMON_10) X(ABMON_11) X(ABMON_12) \
    X(RADIXCHAR) X(THOUSEP) X(YESEXPR) X(NOEXPR) X(CRNCYSTR) \
    X(ERA) X(ERA_D_FMT) X(ERA_D_T_FMT) X(ERA_T_FMT) X(ALT_DIGITS) X(_DATE_FMT)

static const struct { const char *name; int key; } langinfo_keys[] = {
#define KEY(k) {#k, k},
    LANGINFO_KEYS(KEY)
#undef KEY
};

/* nl_langinfo(key) */
static Obj *lc_nl_langinfo(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("nl_langinfo", kwnames) < 0 || vm_argc("nl_langinfo", nargs, 1, 1) < 0)
        return NULL;
    int64_t key;
    if (vm_index(args[0], &key, "key") < 0)
        return NULL;
    for (size_t i = 0; i < sizeof langinfo_keys / sizeof *langinfo_keys; i++) {
        if (langinfo_keys[i].key != key)
            continue;
        if (key == CODESET)     /* the C locale, coerced to UTF-8 as CPython does */
            return vm_str_cstr(strcmp(current[CAT_CTYPE], "C") ? "UTF-8" : "ANSI_X3.4-1968");
        return vm_str_cstr(nl_langinfo((nl_item)key));
    }
    return vm_err_str(&vm_exc_ValueError, "unsupported langinfo constant");
}

static Obj *lc_getencoding(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_str_cstr("UTF-8");
}

/* strcoll(a, b): the C locale collates by code point. */
static Obj *lc_strcoll(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("strcoll", kwnames) < 0 || vm_argc("strcoll", nargs, 2, 2) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (!STR_CHECK(args[i]))
            return vm_err_fmt(&vm_exc_TypeError, "strcoll() argument %d must be str, not %s",
                              i + 1, vm_tname(args[i]));
    /* UTF-8 byte order is code point order */
    size_t la = (size_t)STR_LEN(args[0]), lb = (size_t)STR_LEN(args[1]);
    int c = memcmp(STR_DATA(args[0]), STR_DATA(args[1]), la < lb ? la : lb);
    if (c == 0)
        c = la < lb ? -1 : la > lb;
    return vm_int_from_i64(c < 0 ? -1 : c > 0);
}

static Obj *lc_strxfrm(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("strxfrm", kwnames) < 0 || vm_argc("strxfrm", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "strxfrm() argument must be str, not %s",
                          vm_tname(args[0]));
    return vm_newref(args[0]);
}

/* The gettext family: no message catalogues, the text itself. */
static Obj *lc_gettext(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs < 1)
        return vm_err_str(&vm_exc_TypeError, "gettext() takes at least 1 argument");
    return vm_newref(args[nargs == 1 ? 0 : 1]);
}

static Obj *lc_textdomain(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_str_cstr(nargs && STR_CHECK(args[0]) ? STR_DATA(args[0]) : "messages");
}

Obj *vm_mod__locale(void)
{
    Obj *m = vm_module_new("_locale");
    if (!m)
        return NULL;
    if (!error_cls) {
        Obj *bases[1] = {(Obj *)&vm_exc_Exception};
        Obj *targs[3] = {vm_str_cstr("Error"), vm_tuple_from(bases, 1), vm_dict_new()};
        Obj *mod = vm_str_cstr("locale");
        if (vm_dict_set_cstr(targs[2], "__module__", mod) < 0)
            vm_err_clear();
        DECREF(mod);
        error_cls = vm_call((Obj *)&vm_type_type, targs, 3, NULL);
        for (int i = 0; i < 3; i++)
            DECREF(targs[i]);
        if (!error_cls) {
            DECREF(m);
            return NULL;
        }
    }
    vm_module_add(m, "Error", error_cls);
    static const MethodDef funcs[] = {
        {"setlocale", lc_setlocale}, {"localeconv", lc_localeconv},
        {"nl_langinfo", lc_nl_langinfo}, {"getencoding", lc_getencoding},
        {"strcoll", lc_strcoll}, {"strxfrm", lc_strxfrm},
        {"gettext", lc_gettext}, {"dgettext", lc_gettext}, {"dcgettext", lc_gettext},
        {"textdomain", lc_textdomain}, {"bindtextdomain", lc_textdomain},
        {"bind_textdomain_codeset", lc_textdomain}, {NULL, NULL},
    };
    for (const MethodDef *f = funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
    static const struct { const char *name; int v; } ints[] = {
        {"LC_CTYPE", CAT_CTYPE}, {"LC_NUMERIC", CAT_NUMERIC}, {"LC_TIME", CAT_TIME},
        {"LC_COLLATE", CAT_COLLATE}, {"LC_MONETARY", CAT_MONETARY},
        {"LC_MESSAGES", CAT_MESSAGES}, {"LC_ALL", CAT_ALL}, {"CHAR_MAX", 127},
    };
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        Obj *v = vm_int_from_i64(ints[i].v);
        vm_module_add(m, ints[i].name, v);
        DECREF(v);
    }
    for (size_t i = 0; i < sizeof langinfo_keys / sizeof *langinfo_keys; i++) {
        Obj *v = vm_int_from_i64(langinfo_keys[i].key);
        vm_module_add(m, langinfo_keys[i].name, v);
        DECREF(v);
    }
    return m;
}
