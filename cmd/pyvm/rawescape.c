/* cmd/pyvm/rawescape.c: the raw-unicode-escape codec (pickle's protocol 0
 * text): Latin-1, except that code points from U+0100 are written
 * \uXXXX or \UXXXXXXXX (lower-case hex) and read back from those escapes.
 *
 * Stage: pyvm.  codecs.c sends the encoding names here.  Decoding: a
 * backslash followed by u or U starts an escape; a backslash followed by
 * anything else is kept with that character (so "\\u" stays as it is);
 * errors are CPython's ("truncated \uXXXX escape", "\Uxxxxxxxx out of
 * range") under the codec name 'rawunicodeescape'.  Handlers: strict,
 * ignore and replace.
 */
#include "cmd/pyvm/rawescape.h"

#include <ctype.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"

bool vm_rawesc_name(Obj *encoding)
{
    static const char name[] = "raw_unicode_escape";
    if (!encoding || !STR_CHECK(encoding) || STR_LEN(encoding) != (ssize_t)sizeof name - 1)
        return false;
    for (size_t i = 0; i < sizeof name - 1; i++) {
        char c = STR_DATA(encoding)[i];
        c = c == '-' || c == ' ' ? '_' : (char)tolower((unsigned char)c);
        if (c != name[i])
            return false;
    }
    return true;
}

/* The next code point of generalized UTF-8 at s (length n), its length in
 * *len. */
static uint32_t rawesc_cp(const unsigned char *s, size_t n, size_t *len)
{
    uint32_t c = s[0];
    size_t k = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    if (k > n)
        k = n;
    if (k == 1) {
        *len = 1;
        return c;
    }
    uint32_t cp = c & (0x7f >> k);
    for (size_t i = 1; i < k; i++)
        cp = (cp << 6) | (s[i] & 0x3f);
    *len = k;
    return cp;
}

Obj *vm_rawesc_encode(Obj *str)
{
    const unsigned char *s = (const unsigned char *)STR_DATA(str);
    size_t n = (size_t)STR_LEN(str);
    Buf b = BUF_INIT;
    for (size_t i = 0; i < n;) {
        size_t k;
        uint32_t cp = rawesc_cp(s + i, n - i, &k);
        i += k;
        if (cp >= 0x10000)
            buf_printf(&b, "\\U%08x", (unsigned)cp);
        else if (cp >= 0x100)
            buf_printf(&b, "\\u%04x", (unsigned)cp);
        else
            buf_putc(&b, (char)cp);
    }
    Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

/* Append code point cp to b as generalized UTF-8. */
static void rawesc_put(Buf *b, uint32_t cp)
{
    char t[4];
    int n;
    if (cp < 0x80) {
        t[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xc0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        t[0] = (char)(0xe0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        t[2] = (char)(0x80 | (cp & 0x3f));
        n = 3;
    } else {
        t[0] = (char)(0xf0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        t[3] = (char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    buf_put(b, t, (size_t)n);
}

/* Raise UnicodeDecodeError('rawunicodeescape', data, start, end, reason). */
static Obj *rawesc_error(const char *data, size_t n, size_t start, size_t end,
                         const char *reason)
{
    Obj *args[5];
    args[0] = vm_str_cstr("rawunicodeescape");
    args[1] = vm_bytes_new(data, n);
    args[2] = vm_int_from_i64((int64_t)start);
    args[3] = vm_int_from_i64((int64_t)end);
    args[4] = vm_str_cstr(reason);
    Obj *e = vm_exc_new(&vm_exc_UnicodeDecodeError, args, 5);
    for (int i = 0; i < 5; i++)
        DECREF(args[i]);
    if (e)
        vm_err_set(e);
    return NULL;
}

Obj *vm_rawesc_decode(const char *data, size_t n, Obj *errors)
{
    bool ignore = errors && vm_str_eqc(errors, "ignore");
    bool replace = errors && vm_str_eqc(errors, "replace");
    const unsigned char *s = (const unsigned char *)data;
    Buf b = BUF_INIT;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i++];
        if (c != '\\' || i == n) {
            rawesc_put(&b, c);
            continue;
        }
        unsigned char e = s[i];
        if (e != 'u' && e != 'U') {
            rawesc_put(&b, c);
            rawesc_put(&b, e);
            i++;
            continue;
        }
        size_t start = i - 1, count = e == 'u' ? 4 : 8;
        const char *reason = e == 'u' ? "truncated \\uXXXX escape"
                                      : "truncated \\UXXXXXXXX escape";
        uint32_t cp = 0;
        bool bad = false;
        i++;
        for (; count; count--, i++) {
            if (i >= n || !isxdigit(s[i])) {
                bad = true;
                break;
            }
            int h = isdigit(s[i]) ? s[i] - '0' : tolower(s[i]) - 'a' + 10;
            cp = (cp << 4) | (uint32_t)h;
        }
        if (!bad && cp > 0x10ffff) {
            bad = true;
            reason = "\\Uxxxxxxxx out of range";
        }
        if (!bad) {
            rawesc_put(&b, cp);
            continue;
        }
        if (ignore || replace) {
            if (replace)
                rawesc_put(&b, 0xfffd);
            continue;
        }
        buf_free(&b);
        return rawesc_error(data, n, start, i, reason);
    }
    Obj *r = vm_str_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}
