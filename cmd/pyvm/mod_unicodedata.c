/* cmd/pyvm/mod_unicodedata.c: the unicodedata module: the Unicode 14.0.0
 * character database of CPython 3.11 (category, bidirectional, combining,
 * east_asian_width, mirrored, decomposition, decimal, digit, numeric, name,
 * lookup, normalize, is_normalized) and the UCD object ucd_3_2_0 with the
 * Unicode 3.2.0 answers that stringprep and encodings.idna use.
 *
 * Stage: pyvm.  The database and normalization are libstage/ucd.h's (shared
 * with pyast, which normalizes identifiers); character names and aliases
 * come from the front end's table (cmd/pyast/uninames.h), which pyvm links.
 * This file is the Python binding, with CPython's argument checking and
 * messages.
 */
#include "cmd/pyvm/module.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/pyast/uninames.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/codecs.h"
#include "cmd/pyvm/descr.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/memoryview.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "libstage/buf.h"
#include "libstage/common.h"
#include "libstage/ucd.h"
#include "libstage/unicode.h"

enum {
    UCD_NAME_MAX = 256,     /* lookup(): longer names are "name too long" */
};

/* The UCD type; its one instance is ucd_3_2_0 (the module-level functions
 * get self == NULL and answer for 14.0.0). */
typedef struct UcdObj {
    Obj ob;
} UcdObj;

static Type ucd_type;
static UcdObj ucd_old = {OBJ_HEAD_INIT(&ucd_type)};

static bool is_old(Obj *self)
{
    return self == (Obj *)&ucd_old;
}

/* ---- str <-> code points ---- */

/* Decode the generalized UTF-8 of a str (lone surrogates included) at
 * s[*i], advancing *i. */
static uint32_t u8_next(const unsigned char *s, size_t *i)
{
    uint32_t c = s[*i];
    int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    if (n)
        c &= 0x3Fu >> n;
    (*i)++;
    while (n--)
        c = (c << 6) | (s[(*i)++] & 0x3Fu);
    return c;
}

/* The code points of a str (a malloc'd array of its ulen). */
static uint32_t *str_cps(Obj *s, size_t *n)
{
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    size_t i = 0, len = (size_t)STR_LEN(s), k = 0;
    uint32_t *v = ls_xmalloc(((size_t)((StrObj *)s)->ulen + 1) * sizeof *v);
    while (i < len)
        v[k++] = u8_next(p, &i);
    *n = k;
    return v;
}

static Obj *str_of_cps(const uint32_t *v, size_t n)
{
    Buf b = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        char u[4];
        buf_put(&b, u, (size_t)ls_utf8_encode(v[i], u));
    }
    Obj *s = vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

/* ---- argument checking, with CPython's messages ---- */

/* "unicodedata.f" for the module's functions, "UCD.f" for the methods. */
static const char *qual(Obj *self, const char *fn, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s.%s", self ? "UCD" : "unicodedata", fn);
    return buf;
}

static bool no_kw(Obj *self, const char *fn, Obj *kwnames)
{
    if (!kwnames || TUPLE_LEN(kwnames) == 0)
        return true;
    char q[64];
    vm_err_fmt(&vm_exc_TypeError, "%s() takes no keyword arguments", qual(self, fn, q, sizeof q));
    return false;
}

/* A METH_O function's argument count. */
static bool one_arg(Obj *self, const char *fn, size_t nargs, Obj *kwnames)
{
    if (!no_kw(self, fn, kwnames))
        return false;
    if (nargs == 1)
        return true;
    char q[64];
    vm_err_fmt(&vm_exc_TypeError, "%s() takes exactly one argument (%zu given)",
               qual(self, fn, q, sizeof q), nargs);
    return false;
}

/* Positional-only functions of min..max arguments. */
static bool count_args(Obj *self, const char *fn, size_t nargs, Obj *kwnames, size_t min,
                       size_t max)
{
    if (!no_kw(self, fn, kwnames))
        return false;
    if (min == max && nargs != min) {
        vm_err_fmt(&vm_exc_TypeError, "%s expected %zu arguments, got %zu", fn, min, nargs);
        return false;
    }
    if (nargs < min) {
        vm_err_fmt(&vm_exc_TypeError, "%s expected at least %zu argument%s, got %zu", fn, min,
                   min == 1 ? "" : "s", nargs);
        return false;
    }
    if (nargs > max) {
        vm_err_fmt(&vm_exc_TypeError, "%s expected at most %zu argument%s, got %zu", fn, max,
                   max == 1 ? "" : "s", nargs);
        return false;
    }
    return true;
}

static const char *arg_tname(Obj *o)
{
    return o == VM_NONE ? "None" : vm_tname(o);
}

/* The one-character str argument of fn; argno 0 for a METH_O function
 * ("argument"), else "argument N". */
static bool char_arg(const char *fn, int argno, Obj *o, uint32_t *cp)
{
    if (!STR_CHECK(o) || ((StrObj *)o)->ulen != 1) {
        if (argno)
            vm_err_fmt(&vm_exc_TypeError, "%s() argument %d must be a unicode character, not %s",
                       fn, argno, arg_tname(o));
        else
            vm_err_fmt(&vm_exc_TypeError, "%s() argument must be a unicode character, not %s",
                       fn, arg_tname(o));
        return false;
    }
    size_t i = 0;
    *cp = u8_next((const unsigned char *)STR_DATA(o), &i);
    return true;
}

/* The code point of a METH_O function's argument; false with the error. */
static bool cp_arg(Obj *self, const char *fn, Obj *const *args, size_t nargs, Obj *kwnames,
                   uint32_t *cp)
{
    return one_arg(self, fn, nargs, kwnames) && char_arg(fn, 0, args[0], cp);
}

/* ---- the property functions ---- */

static Obj *ud_category(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    uint32_t cp;
    if (!cp_arg(self, "category", args, nargs, kwnames, &cp))
        return NULL;
    return vm_str_cstr(ls_ucd_category(cp, is_old(self)));
}

static Obj *ud_bidirectional(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    uint32_t cp;
    if (!cp_arg(self, "bidirectional", args, nargs, kwnames, &cp))
        return NULL;
    return vm_str_cstr(ls_ucd_bidirectional(cp, is_old(self)));
}

static Obj *ud_combining(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    uint32_t cp;
    if (!cp_arg(self, "combining", args, nargs, kwnames, &cp))
        return NULL;
    return vm_int_from_i64(ls_ucd_combining(cp, is_old(self)));
}

static Obj *ud_mirrored(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    uint32_t cp;
    if (!cp_arg(self, "mirrored", args, nargs, kwnames, &cp))
        return NULL;
    return vm_int_from_i64(ls_ucd_mirrored(cp, is_old(self)));
}

static Obj *ud_east_asian_width(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    uint32_t cp;
    if (!cp_arg(self, "east_asian_width", args, nargs, kwnames, &cp))
        return NULL;
    return vm_str_cstr(ls_ucd_east_asian_width(cp, is_old(self)));
}

static Obj *ud_decomposition(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    uint32_t cp;
    if (!cp_arg(self, "decomposition", args, nargs, kwnames, &cp))
        return NULL;
    Buf b = BUF_INIT;
    ls_ucd_decomposition(cp, is_old(self), &b);
    Obj *s = vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

/* decimal, digit and numeric: the value, else the default, else ValueError. */
static Obj *number(Obj *self, const char *fn, const char *err, int which, Obj *const *args,
                   size_t nargs, Obj *kwnames)
{
    uint32_t cp;
    if (!count_args(self, fn, nargs, kwnames, 1, 2) || !char_arg(fn, 1, args[0], &cp))
        return NULL;
    bool old = is_old(self);
    int v = which == 0 ? ls_ucd_decimal(cp, old) : which == 1 ? ls_ucd_digit(cp, old) : -1;
    double d;
    if (v >= 0)
        return vm_int_from_i64(v);
    if (which == 2 && ls_ucd_numeric(cp, old, &d))
        return vm_float_new(d);
    if (nargs == 2)
        return vm_newref(args[1]);
    return vm_err_str(&vm_exc_ValueError, err);
}

static Obj *ud_decimal(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return number(self, "decimal", "not a decimal", 0, args, nargs, kwnames);
}

static Obj *ud_digit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return number(self, "digit", "not a digit", 1, args, nargs, kwnames);
}

static Obj *ud_numeric(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return number(self, "numeric", "not a numeric character", 2, args, nargs, kwnames);
}


/* ---- names ---- */

/* The name of cp (as unicodedata.name) into out, or false. */
static bool name_of(uint32_t cp, bool old, char *out, size_t cap)
{
    if (old && ls_ucd_new_since_3_2(cp))
        return false;
    return uni_name(cp, out, cap);
}

static Obj *ud_name(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    uint32_t cp;
    if (!count_args(self, "name", nargs, kwnames, 1, 2) || !char_arg("name", 1, args[0], &cp))
        return NULL;
    char buf[128];
    if (name_of(cp, is_old(self), buf, sizeof buf))
        return vm_str_cstr(buf);
    if (nargs == 2)
        return vm_newref(args[1]);
    return vm_err_str(&vm_exc_ValueError, "no such name");
}

static bool ascii_ieq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'a' && x <= 'z')
            x -= 32;
        if (y >= 'a' && y <= 'z')
            y -= 32;
        if (x != y)
            return false;
    }
    return true;
}

/* lookup(): the code points named s[0..len) into out (at most 4); their
 * number, or 0 when there is no such name.  The front end's uni_lookup
 * knows the names and aliases (CPython's rules); named sequences are
 * lookup()'s own.  ucd_3_2_0 knows neither aliases nor sequences, nor the
 * names of characters assigned after 3.2.0, but computes the Hangul and
 * CJK unified ideograph names of any version. */
static int lookup_name(const char *s, size_t len, bool old, uint32_t *out)
{
    static const char hangul[] = "HANGUL SYLLABLE ", cjk[] = "CJK UNIFIED IDEOGRAPH-";
    int n = old ? 0 : ls_ucd_named_sequence(s, len, out);
    if (n)
        return n;
    uint32_t cp;
    if (!uni_lookup(s, len, &cp))
        return 0;
    bool computed = (len >= sizeof hangul - 1 && memcmp(s, hangul, sizeof hangul - 1) == 0) ||
                    (len >= sizeof cjk - 1 && memcmp(s, cjk, sizeof cjk - 1) == 0);
    char name[128];
    if (old && !computed &&
        (!name_of(cp, true, name, sizeof name) || strlen(name) != len || !ascii_ieq(name, s, len)))
        return 0;
    out[0] = cp;
    return 1;
}

static Obj *ud_lookup(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (!one_arg(self, "lookup", nargs, kwnames))
        return NULL;
    Obj *a = args[0];
    const char *s;
    size_t len;
    if (STR_CHECK(a)) {
        s = STR_DATA(a);
        len = (size_t)STR_LEN(a);
        if (ls_utf8_valid_prefix(s, len) != len) {
            Obj *e = vm_codec_encode(a, NULL, NULL);    /* raises CPython's error */
            if (e) {
                DECREF(e);
                return vm_err_str(&vm_exc_UnicodeEncodeError, "surrogates not allowed");
            }
            return NULL;
        }
    } else if (BYTES_CHECK(a)) {
        s = ((BytesObj *)a)->s;
        len = (size_t)((BytesObj *)a)->len;
    } else if (vm_is_subtype(TYPE(a), &vm_bytearray_type) ||
               vm_is_subtype(TYPE(a), &vm_memoryview_type)) {
        return vm_err_fmt(&vm_exc_TypeError,
                          "lookup() argument must be read-only bytes-like object, not %s",
                          vm_tname(a));
    } else {
        return vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                          vm_tname(a));
    }
    if (len > UCD_NAME_MAX)
        return vm_err_str(&vm_exc_KeyError, "name too long");
    uint32_t cps[4];
    int n = lookup_name(s, len, is_old(self), cps);
    if (n)
        return str_of_cps(cps, (size_t)n);
    /* the message shows the name up to a NUL, as CPython's %s */
    size_t shown = strnlen(s, len);
    Obj *msg = NULL;
    Buf b = BUF_INIT;
    buf_puts(&b, "undefined character name '");
    buf_put(&b, s, shown);
    buf_putc(&b, '\'');
    if (ls_utf8_valid_prefix(b.data, b.len) == b.len)
        msg = vm_str_new(b.data, b.len);
    buf_free(&b);
    if (!msg)
        return vm_err_str(&vm_exc_KeyError, "undefined character name");
    vm_err_obj(&vm_exc_KeyError, msg);
    DECREF(msg);
    return NULL;
}

/* ---- normalization ---- */

static bool parse_form(Obj *form, LsNormForm *f)
{
    static const char *const names[] = {"NFC", "NFD", "NFKC", "NFKD"};
    for (int i = 0; i < 4; i++)
        if (vm_str_eqc(form, names[i])) {
            *f = (LsNormForm)i;
            return true;
        }
    vm_err_str(&vm_exc_ValueError, "invalid normalization form");
    return false;
}

/* normalize() and is_normalized() arguments; the normalized str, or NULL. */
static Obj *normalized(Obj *self, const char *fn, Obj *const *args, size_t nargs,
                       Obj *kwnames)
{
    if (!count_args(self, fn, nargs, kwnames, 2, 2))
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "%s() argument 1 must be str, not %s", fn,
                          arg_tname(args[0]));
    if (!STR_CHECK(args[1]))
        return vm_err_fmt(&vm_exc_TypeError, "%s() argument 2 must be str, not %s", fn,
                          arg_tname(args[1]));
    LsNormForm f;
    if (!parse_form(args[0], &f))
        return NULL;
    Obj *s = args[1];
    const char *p = STR_DATA(s);
    size_t n = (size_t)STR_LEN(s), i = 0;
    while (i < n && (unsigned char)p[i] < 0x80)
        i++;
    if (i == n)     /* ASCII is in every normal form */
        return vm_newref(s);
    size_t inn, outn;
    uint32_t *in = str_cps(s, &inn);
    uint32_t *d = ls_ucd_normalize(f, is_old(self), in, inn, &outn);
    free(in);
    Obj *r = str_of_cps(d, outn);
    free(d);
    if (r && vm_str_eq(r, s)) {
        DECREF(r);
        return vm_newref(s);
    }
    return r;
}

static Obj *ud_normalize(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return normalized(self, "normalize", args, nargs, kwnames);
}

static Obj *ud_is_normalized(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *r = normalized(self, "is_normalized", args, nargs, kwnames);
    if (!r)
        return NULL;
    bool same = r == args[1];
    DECREF(r);
    return vm_newref(same ? VM_TRUE : VM_FALSE);
}

/* ---- the UCD type and the module ---- */

static const MethodDef ucd_methods[] = {
    {"bidirectional", ud_bidirectional},
    {"category", ud_category},
    {"combining", ud_combining},
    {"decimal", ud_decimal},
    {"decomposition", ud_decomposition},
    {"digit", ud_digit},
    {"east_asian_width", ud_east_asian_width},
    {"is_normalized", ud_is_normalized},
    {"lookup", ud_lookup},
    {"mirrored", ud_mirrored},
    {"name", ud_name},
    {"normalize", ud_normalize},
    {"numeric", ud_numeric},
    {NULL, NULL},
};

static Obj *ucd_getattr(Obj *o, Obj *name)
{
    if (vm_str_eqc(name, "unidata_version"))
        return vm_str_cstr("3.2.0");
    return vm_generic_getattr(o, name);
}

static Type ucd_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "unicodedata.UCD",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(UcdObj),
    .getattr = ucd_getattr,
    .methods = ucd_methods,
};

/* _ucnhash_CAPI: CPython's capsule of the name functions for C code; here
 * an opaque object that only shows itself, as the capsule does. */
static Obj *capsule_repr(Obj *o)
{
    char buf[96];
    snprintf(buf, sizeof buf, "<capsule object \"unicodedata._ucnhash_CAPI\" at %p>", (void *)o);
    return vm_str_cstr(buf);
}

static Type capsule_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "PyCapsule",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(Obj),
    .repr = capsule_repr,
};
static Obj ucd_capsule = OBJ_HEAD_INIT(&capsule_type);

Obj *vm_mod_unicodedata(void)
{
    Obj *m = vm_module_new("unicodedata");
    if (!m)
        return NULL;
    if (!ucd_type.dict) {
        vm_type_ready(&ucd_type);
        vm_type_ready(&capsule_type);
        /* unidata_version: answered by the getattr slot; the descriptor
         * makes UCD.unidata_version a member, as CPython's */
        Obj *md = vm_bdescr_new_member(&ucd_type, "unidata_version");
        int rc = vm_dict_set_cstr(ucd_type.dict, "unidata_version", md);
        DECREF(md);
        if (rc < 0) {
            DECREF(m);
            return NULL;
        }
    }
    for (const MethodDef *d = ucd_methods; d->name; d++)
        vm_module_add_func(m, d->name, d->fn);
    vm_module_add(m, "UCD", (Obj *)&ucd_type);
    vm_module_add(m, "ucd_3_2_0", (Obj *)&ucd_old);
    vm_module_add(m, "_ucnhash_CAPI", &ucd_capsule);
    Obj *v = vm_str_cstr("14.0.0");
    vm_module_add(m, "unidata_version", v);
    DECREF(v);
    return m;
}
