/* cmd/pyvm/mod_string.c: the _string module (string.Formatter's helpers):
 * formatter_parser and formatter_field_name_split.
 *
 * Stage: pyvm.  Both return iterators over lists built eagerly; the
 * grammar is str.format()'s: literal text with {{ and }} escapes, and
 * replacement fields {name!conv:spec} whose spec may nest fields.
 */
#include "cmd/pyvm/module.h"

#include <string.h>

#include "libstage/buf.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

static int add_item(Obj *list, Obj *lit, Obj *name, Obj *spec, Obj *conv)
{
    Obj *items[4] = {lit, name, spec, conv};
    Obj *t = vm_tuple_from(items, 4);
    for (int i = 0; i < 4; i++)
        DECREF(items[i]);
    if (!t)
        return -1;
    vm_list_append(list, t);
    DECREF(t);
    return 0;
}

/* formatter_parser(str) -> iterator of (literal, field_name, format_spec, conversion) */
static Obj *formatter_parser(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("formatter_parser", kwnames) < 0 || vm_argc("formatter_parser", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "expected str, got %s", vm_tname(args[0]));
    const char *s = STR_DATA(args[0]), *end = s + STR_LEN(args[0]);
    Obj *list = vm_list_new(0);
    Buf lit = BUF_INIT;
    while (s < end) {
        lit.len = 0;
        bool field = false;
        while (s < end) {
            if (*s == '{' && s + 1 < end && s[1] == '{') {
                buf_putc(&lit, '{');
                s += 2;
                /* CPython yields the literal up to and including one brace */
                break;
            }
            if (*s == '}' && s + 1 < end && s[1] == '}') {
                buf_putc(&lit, '}');
                s += 2;
                break;
            }
            if (*s == '}') {
                buf_free(&lit);
                DECREF(list);
                return vm_err_str(&vm_exc_ValueError, "Single '}' encountered in format string");
            }
            if (*s == '{') {
                field = true;
                s++;
                break;
            }
            buf_putc(&lit, *s++);
        }
        Obj *l = vm_str_new(lit.data ? lit.data : "", lit.len);
        if (!field) {
            if (add_item(list, l, vm_newref(VM_NONE), vm_newref(VM_NONE), vm_newref(VM_NONE)) < 0)
                goto fail;
            continue;
        }
        /* the field up to its matching '}' */
        const char *start = s;
        int depth = 1;
        while (s < end) {
            if (*s == '{')
                depth++;
            else if (*s == '}' && --depth == 0)
                break;
            s++;
        }
        if (s >= end) {
            DECREF(l);
            vm_err_str(&vm_exc_ValueError, depth > 1 ? "unmatched '{' in format spec"
                                                     : "expected '}' before end of string");
            goto fail;
        }
        const char *fend = s++;
        const char *p = start;
        int bracket = 0;
        while (p < fend && ((*p != '!' && *p != ':') || bracket)) {
            if (*p == '[')
                bracket = 1;
            else if (*p == ']')
                bracket = 0;
            p++;
        }
        Obj *name = vm_str_new(start, (size_t)(p - start));
        Obj *conv = vm_newref(VM_NONE);
        if (p < fend && *p == '!') {
            if (p + 1 >= fend) {
                DECREF(l);
                DECREF(name);
                DECREF(conv);
                vm_err_str(&vm_exc_ValueError, "end of string while looking for conversion specifier");
                goto fail;
            }
            DECREF(conv);
            conv = vm_str_new(p + 1, 1);
            p += 2;
            if (p < fend && *p != ':') {
                DECREF(l);
                DECREF(name);
                DECREF(conv);
                vm_err_str(&vm_exc_ValueError, "expected ':' after conversion specifier");
                goto fail;
            }
        }
        Obj *spec = p < fend ? vm_str_new(p + 1, (size_t)(fend - p - 1)) : vm_str_new("", 0);
        if (add_item(list, l, name, spec, conv) < 0)
            goto fail;
    }
    buf_free(&lit);
    Obj *it = vm_iter(list);
    DECREF(list);
    return it;
fail:
    buf_free(&lit);
    DECREF(list);
    return NULL;
}

/* A name part: an int when all digits, else a str. */
static Obj *key_obj(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (n > 0 && i == n)
        return vm_int_from_str(s, n, 10);
    return vm_str_new(s, n);
}

/* formatter_field_name_split(name) -> (first, iterator of (is_attr, key)) */
static Obj *field_name_split(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("formatter_field_name_split", kwnames) < 0
        || vm_argc("formatter_field_name_split", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "expected str, got %s", vm_tname(args[0]));
    const char *s = STR_DATA(args[0]), *end = s + STR_LEN(args[0]), *p = s;
    while (p < end && *p != '.' && *p != '[')
        p++;
    Obj *first = key_obj(s, (size_t)(p - s));
    Obj *rest = vm_list_new(0);
    while (first && p < end) {
        bool attr = *p == '.';
        const char *q = ++p;
        if (attr) {
            while (p < end && *p != '.' && *p != '[')
                p++;
            if (p == q) {
                vm_err_str(&vm_exc_ValueError, "Empty attribute in format string");
                goto fail;
            }
        } else {
            while (p < end && *p != ']')
                p++;
            if (p >= end) {
                vm_err_str(&vm_exc_ValueError, "Missing ']' in format string");
                goto fail;
            }
            if (p == q) {
                vm_err_str(&vm_exc_ValueError, "Empty attribute in format string");
                goto fail;
            }
        }
        Obj *items[2] = {VM_BOOL(attr), attr ? vm_str_new(q, (size_t)(p - q)) : key_obj(q, (size_t)(p - q))};
        Obj *t = vm_tuple_from(items, 2);
        DECREF(items[0]);
        DECREF(items[1]);
        vm_list_append(rest, t);
        DECREF(t);
        if (!attr) {
            p++;
            if (p < end && *p != '.' && *p != '[') {
                vm_err_str(&vm_exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
                goto fail;
            }
        }
    }
    if (!first)
        goto fail;
    Obj *it = vm_iter(rest);
    DECREF(rest);
    Obj *pair[2] = {first, it};
    Obj *r = vm_tuple_from(pair, 2);
    DECREF(first);
    DECREF(it);
    return r;
fail:
    XDECREF(first);
    DECREF(rest);
    return NULL;
}

Obj *vm_mod__string(void)
{
    Obj *m = vm_module_new("_string");
    if (!m)
        return NULL;
    vm_module_add_func(m, "formatter_parser", formatter_parser);
    vm_module_add_func(m, "formatter_field_name_split", field_name_split);
    return m;
}
