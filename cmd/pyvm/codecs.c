/* cmd/pyvm/codecs.c: the built-in text codecs and their error handlers.
 *
 * Stage: pyvm.  Encoding names are normalized as the encodings package does
 * (lower case, runs of other characters than letters, digits and '.' become
 * one '_') and looked up in a small alias table.  Encoders walk the code
 * points of the str; a run of unencodable ones goes to the error handler as
 * CPython's encoders do (one UnicodeEncodeError for the whole run).  Decoders
 * report CPython's error ranges and reasons (the UTF-8 decoder's maximal
 * invalid subparts, "invalid start byte", "invalid continuation byte",
 * "unexpected end of data").
 */
#include "cmd/pyvm/codecs.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "libstage/buf.h"
#include "libstage/unicode.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* The codecs built in. */
typedef enum {
    CD_UTF8, CD_ASCII, CD_LATIN1,
    CD_UTF16, CD_UTF16LE, CD_UTF16BE,
    CD_UTF32, CD_UTF32LE, CD_UTF32BE,
    CD_NOTTEXT, CD_UNKNOWN,
} Codec;

/* Names in messages, by Codec. */
static const char *const codec_names[] = {
    "utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
    "utf-32", "utf-32-le", "utf-32-be",
};

/* Normalized aliases (encodings/aliases.py spellings) of each codec. */
static const struct {
    const char *alias;      /* normalized name */
    Codec codec;            /* what it names */
} aliases[] = {
    {"utf_8", CD_UTF8}, {"utf8", CD_UTF8}, {"u8", CD_UTF8}, {"utf", CD_UTF8},
    {"utf8_ucs2", CD_UTF8}, {"utf8_ucs4", CD_UTF8}, {"cp65001", CD_UTF8},
    {"ascii", CD_ASCII}, {"us_ascii", CD_ASCII}, {"646", CD_ASCII}, {"us", CD_ASCII},
    {"ansi_x3.4_1968", CD_ASCII}, {"ansi_x3_4_1968", CD_ASCII}, {"ansi_x3.4_1986", CD_ASCII},
    {"cp367", CD_ASCII}, {"csascii", CD_ASCII}, {"ibm367", CD_ASCII}, {"iso646_us", CD_ASCII},
    {"iso_646.irv_1991", CD_ASCII}, {"iso_ir_6", CD_ASCII},
    {"latin_1", CD_LATIN1}, {"latin1", CD_LATIN1}, {"latin", CD_LATIN1}, {"l1", CD_LATIN1},
    {"iso_8859_1", CD_LATIN1}, {"iso8859_1", CD_LATIN1}, {"8859", CD_LATIN1},
    {"cp819", CD_LATIN1}, {"iso_ir_100", CD_LATIN1}, {"iso_8859_1_1987", CD_LATIN1},
    {"ibm819", CD_LATIN1}, {"csisolatin1", CD_LATIN1},
    {"utf_16", CD_UTF16}, {"utf16", CD_UTF16}, {"u16", CD_UTF16},
    {"utf_16_le", CD_UTF16LE}, {"utf_16le", CD_UTF16LE},
    {"utf_16_be", CD_UTF16BE}, {"utf_16be", CD_UTF16BE},
    {"utf_32", CD_UTF32}, {"utf32", CD_UTF32}, {"u32", CD_UTF32},
    {"utf_32_le", CD_UTF32LE}, {"utf_32le", CD_UTF32LE},
    {"utf_32_be", CD_UTF32BE}, {"utf_32be", CD_UTF32BE},
    /* bytes-to-bytes and str-to-str codecs of the stdlib */
    {"rot13", CD_NOTTEXT}, {"rot_13", CD_NOTTEXT}, {"hex", CD_NOTTEXT},
    {"hex_codec", CD_NOTTEXT}, {"base64", CD_NOTTEXT}, {"base_64", CD_NOTTEXT},
    {"base64_codec", CD_NOTTEXT}, {"zlib", CD_NOTTEXT}, {"zip", CD_NOTTEXT},
    {"zlib_codec", CD_NOTTEXT}, {"bz2", CD_NOTTEXT}, {"bz2_codec", CD_NOTTEXT},
    {"quopri", CD_NOTTEXT}, {"quotedprintable", CD_NOTTEXT},
    {"quoted_printable", CD_NOTTEXT}, {"quopri_codec", CD_NOTTEXT}, {"uu", CD_NOTTEXT},
    {"uu_codec", CD_NOTTEXT},
};

/* The codec an encoding name (a str) names; LookupError when none. */
static int lookup(Obj *encoding, bool encode, Codec *out)
{
    if (!encoding) {
        *out = CD_UTF8;
        return 0;
    }
    const char *s = STR_DATA(encoding);
    size_t n = (size_t)STR_LEN(encoding);
    char norm[64];
    size_t k = 0;
    bool pending = false;
    for (size_t i = 0; i < n && k + 2 < sizeof norm; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) || c == '.') {
            if (pending && k)
                norm[k++] = '_';
            pending = false;
            norm[k++] = (char)tolower(c);
        } else {
            pending = true;
        }
    }
    norm[k] = '\0';
    *out = CD_UNKNOWN;
    if (n < sizeof norm - 2)
        for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
            if (strcmp(norm, aliases[i].alias) == 0)
                *out = aliases[i].codec;
    if (*out == CD_NOTTEXT) {
        vm_err_fmt(&vm_exc_LookupError, "'%s' is not a text encoding; use codecs.%s() to "
                   "handle arbitrary codecs", s, encode ? "encode" : "decode");
        return -1;
    }
    if (*out == CD_UNKNOWN) {
        vm_err_fmt(&vm_exc_LookupError, "unknown encoding: %s", s);
        return -1;
    }
    return 0;
}

/* The error handlers. */
typedef enum {
    EH_STRICT, EH_IGNORE, EH_REPLACE, EH_BACKSLASH, EH_XMLCHAR, EH_SURR_ESCAPE,
    EH_SURR_PASS, EH_NAME, EH_UNKNOWN,
} Handler;

static Handler handler_of(Obj *errors)
{
    static const char *const names[] = {
        "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
        "surrogateescape", "surrogatepass", "namereplace",
    };
    if (!errors)
        return EH_STRICT;
    for (int i = 0; i < EH_UNKNOWN; i++)
        if (vm_str_eqc(errors, names[i]))
            return (Handler)i;
    return EH_UNKNOWN;
}

/* Raise LookupError for an unknown handler (when one is first needed). */
static Obj *unknown_handler(Obj *errors)
{
    return vm_err_fmt(&vm_exc_LookupError, "unknown error handler name '%s'",
                      STR_DATA(errors));
}

/* Raise a UnicodeError of type t with CPython's five arguments. */
static Obj *raise_unicode(Type *t, const char *enc, Obj *object, int64_t start, int64_t end,
                          const char *reason)
{
    Obj *args[5];
    args[0] = vm_str_cstr(enc);
    args[1] = vm_newref(object);
    args[2] = vm_int_from_i64(start);
    args[3] = vm_int_from_i64(end);
    args[4] = vm_str_cstr(reason);
    Obj *e = vm_exc_new(t, args, 5);
    for (int i = 0; i < 5; i++)
        DECREF(args[i]);
    if (e) {
        vm_err_set(e);
        DECREF(e);
    }
    return NULL;
}

/* ---- encoding ---- */

/* Decode one code point of generalized UTF-8 (surrogates allowed). */
static int cp_at(const char *s, size_t len, uint32_t *cp)
{
    unsigned char c = (unsigned char)s[0];
    int n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    if ((size_t)n > len)
        n = (int)len;
    uint32_t v = n == 1 ? c : n == 2 ? (c & 0x1fu) : n == 3 ? (c & 0x0fu) : (c & 0x07u);
    for (int i = 1; i < n; i++)
        v = (v << 6) | ((unsigned char)s[i] & 0x3fu);
    *cp = v;
    return n;
}

static bool is_surrogate(uint32_t cp)
{
    return cp >= 0xd800 && cp < 0xe000;
}

/* Can codec c encode cp without an error handler? */
static bool encodable(Codec c, uint32_t cp)
{
    switch (c) {
    case CD_ASCII:
        return cp < 0x80;
    case CD_LATIN1:
        return cp < 0x100;
    default:
        return !is_surrogate(cp);
    }
}

/* Append the encoding of cp (encodable, or a surrogate passed through). */
static void emit(Buf *b, Codec c, uint32_t cp)
{
    char u[4];
    switch (c) {
    case CD_UTF8:
        buf_put(b, u, (size_t)ls_utf8_encode(cp, u));
        return;
    case CD_ASCII:
    case CD_LATIN1:
        buf_putc(b, (int)cp);
        return;
    case CD_UTF16: case CD_UTF16LE: case CD_UTF16BE: {
        bool be = c == CD_UTF16BE;
        uint32_t units[2] = {cp, 0};
        int nu = 1;
        if (cp >= 0x10000) {
            units[0] = 0xd800 + ((cp - 0x10000) >> 10);
            units[1] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
            nu = 2;
        }
        for (int i = 0; i < nu; i++) {
            buf_putc(b, (int)(be ? units[i] >> 8 : units[i] & 0xff));
            buf_putc(b, (int)(be ? units[i] & 0xff : units[i] >> 8));
        }
        return;
    }
    default: {
        bool be = c == CD_UTF32BE;
        for (int i = 0; i < 4; i++)
            buf_putc(b, (int)((cp >> (be ? 24 - 8 * i : 8 * i)) & 0xff));
        return;
    }
    }
}

/* Append ASCII text through the encoder. */
static void emit_ascii(Buf *b, Codec c, const char *text)
{
    for (; *text; text++)
        emit(b, c, (unsigned char)*text);
}

static Obj *encode_impl(Obj *str, Obj *encoding, Obj *errors)
{
    Codec c;
    if (lookup(encoding, true, &c) < 0)
        return NULL;
    const char *s = STR_DATA(str);
    size_t n = (size_t)STR_LEN(str);
    if (c == CD_UTF8 && ((StrObj *)str)->ulen == STR_LEN(str))
        return vm_bytes_new(s, n);
    Handler h = handler_of(errors);
    Buf b = BUF_INIT;
    Codec name_c = c;
    if (c == CD_UTF16) {
        buf_put(&b, "\xff\xfe", 2);
        c = CD_UTF16LE;
    } else if (c == CD_UTF32) {
        buf_put(&b, "\xff\xfe\0\0", 4);
        c = CD_UTF32LE;
    }
    const char *reason = c == CD_ASCII ? "ordinal not in range(128)"
        : c == CD_LATIN1 ? "ordinal not in range(256)" : "surrogates not allowed";
    int64_t pos = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = cp_at(s + i, n - i, &cp);
        if (encodable(c, cp)) {
            emit(&b, c, cp);
            i += (size_t)k;
            pos++;
            continue;
        }
        /* the run of unencodable code points [pos, end) */
        size_t j = i + (size_t)k;
        int64_t end = pos + 1;
        /* the UTF-16/32 encoders report one character at a time */
        while (j < n && (c == CD_UTF8 || c == CD_ASCII || c == CD_LATIN1)) {
            uint32_t x;
            int kk = cp_at(s + j, n - j, &x);
            if (encodable(c, x))
                break;
            j += (size_t)kk;
            end++;
        }
        if (h == EH_UNKNOWN) {
            buf_free(&b);
            return unknown_handler(errors);
        }
        if (h == EH_NAME) {
            buf_free(&b);
            return vm_err_str(&vm_exc_NotImplementedError,
                              "pyvm: the namereplace error handler is not supported yet");
        }
        for (size_t t = i; t < j;) {
            uint32_t x;
            t += (size_t)cp_at(s + t, j - t, &x);
            char tmp[24];
            switch (h) {
            case EH_IGNORE:
                break;
            case EH_REPLACE:
                emit(&b, c, '?');
                break;
            case EH_BACKSLASH:
                snprintf(tmp, sizeof tmp, x < 0x100 ? "\\x%02x" : x < 0x10000 ? "\\u%04x"
                         : "\\U%08x", (unsigned)x);
                emit_ascii(&b, c, tmp);
                break;
            case EH_XMLCHAR:
                snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)x);
                emit_ascii(&b, c, tmp);
                break;
            case EH_SURR_ESCAPE:
                if (x >= 0xdc80 && x <= 0xdcff && (c == CD_UTF8 || c == CD_ASCII || c == CD_LATIN1)) {
                    buf_putc(&b, (int)(x - 0xdc00));
                    break;
                }
                buf_free(&b);
                return raise_unicode(&vm_exc_UnicodeEncodeError, codec_names[name_c], str,
                                     pos, end, reason);
            case EH_SURR_PASS:
                if (is_surrogate(x) && c != CD_ASCII && c != CD_LATIN1) {
                    emit(&b, c, x);
                    break;
                }
                buf_free(&b);
                return raise_unicode(&vm_exc_UnicodeEncodeError, codec_names[name_c], str,
                                     pos, end, reason);
            default:
                buf_free(&b);
                return raise_unicode(&vm_exc_UnicodeEncodeError, codec_names[name_c], str,
                                     pos, end, reason);
            }
            pos++;
        }
        i = j;
    }
    Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

/* ---- decoding ---- */

/* State of one decode: the input, the output and the error handling. */
typedef struct Dec {
    const char *s;          /* the bytes */
    size_t n;               /* their number */
    Obj *bytes;             /* the bytes object for the exception, made lazily */
    Buf out;                /* the decoded UTF-8 */
    Handler h;              /* the error handler */
    Obj *errors;            /* its name (for the unknown-handler message) */
    const char *name;       /* the codec's name in messages */
    size_t resume;          /* where dec_error() says decoding goes on */
} Dec;

static void put_cp(Buf *b, uint32_t cp)
{
    char u[4];
    buf_put(b, u, (size_t)ls_utf8_encode(cp, u));
}

/* Handle the undecodable bytes [start, end); -1 with the exception set. */
static int dec_error(Dec *d, size_t start, size_t end, const char *reason)
{
    d->resume = end;
    switch (d->h) {
    case EH_IGNORE:
        return 0;
    case EH_REPLACE:
        put_cp(&d->out, 0xfffd);
        return 0;
    case EH_BACKSLASH:
        for (size_t i = start; i < end; i++)
            buf_printf(&d->out, "\\x%02x", (unsigned char)d->s[i]);
        return 0;
    case EH_SURR_ESCAPE: {
        /* as CPython's: escape up to 4 leading bytes >= 0x80 and resume
         * after them; fail when the first is ASCII */
        size_t i;
        for (i = start; i < end && i < start + 4; i++)
            if ((unsigned char)d->s[i] < 0x80)
                break;
        if (i > start) {
            for (size_t k = start; k < i; k++)
                put_cp(&d->out, 0xdc00 + (unsigned char)d->s[k]);
            d->resume = i;
            return 0;
        }
        break;
    }
    case EH_UNKNOWN:
        unknown_handler(d->errors);
        return -1;
    case EH_XMLCHAR:
    case EH_NAME:
        vm_err_str(&vm_exc_TypeError, "don't know how to handle UnicodeDecodeError in error "
                   "callback");
        return -1;
    default:
        break;
    }
    if (!d->bytes)
        d->bytes = vm_bytes_new(d->s, d->n);
    raise_unicode(&vm_exc_UnicodeDecodeError, d->name, d->bytes, (int64_t)start,
                  (int64_t)end, reason);
    return -1;
}

/* The length of the valid continuation of a UTF-8 sequence led by c, and
 * the allowed range of its second byte. */
static int utf8_need(unsigned char c, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf)
        return 2;
    if (c >= 0xe0 && c <= 0xef) {
        if (c == 0xe0)
            *lo = 0xa0;
        else if (c == 0xed)
            *hi = 0x9f;
        return 3;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        if (c == 0xf0)
            *lo = 0x90;
        else if (c == 0xf4)
            *hi = 0x8f;
        return 4;
    }
    return 0;
}

static int dec_utf8(Dec *d)
{
    const char *s = d->s;
    size_t n = d->n, i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n && (unsigned char)s[run] < 0x80)
            run++;
        if (run > i) {
            buf_put(&d->out, s + i, run - i);
            i = run;
            continue;
        }
        unsigned char c = (unsigned char)s[i], lo, hi;
        int need = utf8_need(c, &lo, &hi);
        if (need == 0) {
            if (dec_error(d, i, i + 1, "invalid start byte") < 0)
                return -1;
            i = d->resume;
            continue;
        }
        int got = 1;
        bool bad = false;
        while (got < need) {
            if (i + (size_t)got >= n)
                break;
            unsigned char x = (unsigned char)s[i + (size_t)got];
            unsigned char l = got == 1 ? lo : 0x80, h = got == 1 ? hi : 0xbf;
            if (x < l || x > h) {
                bad = true;
                break;
            }
            got++;
        }
        if (got == need) {
            buf_put(&d->out, s + i, (size_t)need);
            i += (size_t)need;
            continue;
        }
        if (d->h == EH_SURR_PASS && c == 0xed && i + 2 < n
            && ((unsigned char)s[i + 1] & 0xe0) == 0xa0 && ((unsigned char)s[i + 2] & 0xc0) == 0x80) {
            buf_put(&d->out, s + i, 3);
            i += 3;
            continue;
        }
        if (dec_error(d, i, i + (size_t)got, bad ? "invalid continuation byte"
                      : "unexpected end of data") < 0)
            return -1;
        i = d->resume;
    }
    return 0;
}

static int dec_ascii(Dec *d, bool latin)
{
    for (size_t i = 0; i < d->n; i++) {
        unsigned char c = (unsigned char)d->s[i];
        if (c < 0x80 || latin)
            put_cp(&d->out, c);
        else if (dec_error(d, i, i + 1, "ordinal not in range(128)") < 0)
            return -1;
    }
    return 0;
}

static int dec_utf16(Dec *d, Codec c)
{
    const unsigned char *s = (const unsigned char *)d->s;
    size_t n = d->n, i = 0;
    bool be = c == CD_UTF16BE;
    if (c == CD_UTF16 && n >= 2) {
        if (s[0] == 0xff && s[1] == 0xfe) {
            i = 2;
        } else if (s[0] == 0xfe && s[1] == 0xff) {
            i = 2;
            be = true;
        }
    }
    d->name = be ? "utf-16-be" : "utf-16-le";
    while (i < n) {
        if (i + 1 >= n) {
            if (dec_error(d, i, n, "truncated data") < 0)
                return -1;
            i = d->resume;
            continue;
        }
        uint32_t u = be ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
        if (u < 0xd800 || u >= 0xe000) {
            put_cp(&d->out, u);
            i += 2;
            continue;
        }
        bool pass = d->h == EH_SURR_PASS;
        if (u >= 0xdc00 && pass) {
            put_cp(&d->out, u);
            i += 2;
            continue;
        }
        if (u >= 0xdc00) {
            if (dec_error(d, i, i + 2, "illegal encoding") < 0)
                return -1;
            i = d->resume;
            continue;
        }
        if (i + 3 >= n && pass) {
            put_cp(&d->out, u);     /* a lone high surrogate passes */
            i += 2;
            continue;
        }
        if (i + 3 >= n) {
            if (dec_error(d, i, n, "unexpected end of data") < 0)
                return -1;
            i = d->resume;
            continue;
        }
        uint32_t v = be ? (uint32_t)(s[i + 2] << 8 | s[i + 3])
            : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
        if ((v < 0xdc00 || v >= 0xe000) && pass) {
            put_cp(&d->out, u);
            i += 2;
            continue;
        }
        if (v < 0xdc00 || v >= 0xe000) {
            if (dec_error(d, i, i + 2, "illegal UTF-16 surrogate") < 0)
                return -1;
            i = d->resume;
            continue;
        }
        put_cp(&d->out, 0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00));
        i += 4;
    }
    return 0;
}

static int dec_utf32(Dec *d, Codec c)
{
    const unsigned char *s = (const unsigned char *)d->s;
    size_t n = d->n, i = 0;
    bool be = c == CD_UTF32BE;
    if (c == CD_UTF32 && n >= 4) {
        if (s[0] == 0xff && s[1] == 0xfe && s[2] == 0 && s[3] == 0) {
            i = 4;
        } else if (s[0] == 0 && s[1] == 0 && s[2] == 0xfe && s[3] == 0xff) {
            i = 4;
            be = true;
        }
    }
    d->name = be ? "utf-32-be" : "utf-32-le";
    while (i < n) {
        if (i + 3 >= n) {
            if (dec_error(d, i, n, "truncated data") < 0)
                return -1;
            i = d->resume;
            continue;
        }
        uint32_t u = be ? (uint32_t)s[i] << 24 | (uint32_t)s[i + 1] << 16
                          | (uint32_t)s[i + 2] << 8 | s[i + 3]
                        : (uint32_t)s[i + 3] << 24 | (uint32_t)s[i + 2] << 16
                          | (uint32_t)s[i + 1] << 8 | s[i];
        if (u > 0x10ffff || (is_surrogate(u) && d->h != EH_SURR_PASS)) {
            if (dec_error(d, i, i + 4, u > 0x10ffff ? "code point not in range(0x110000)"
                          : "code point in surrogate code point range(0xd800, 0xe000)") < 0)
                return -1;
            i = d->resume;
            continue;
        }
        put_cp(&d->out, u);
        i += 4;
    }
    return 0;
}

static Obj *decode_impl(const char *data, size_t n, Obj *encoding, Obj *errors)
{
    Codec c;
    if (lookup(encoding, false, &c) < 0)
        return NULL;
    if (c == CD_UTF8 && ls_utf8_valid_prefix(data, n) == n)
        return vm_str_new(data, n);
    Dec d = {data, n, NULL, BUF_INIT, handler_of(errors), errors, codec_names[c], 0};
    int rc;
    switch (c) {
    case CD_UTF8:
        rc = dec_utf8(&d);
        break;
    case CD_ASCII:
    case CD_LATIN1:
        rc = dec_ascii(&d, c == CD_LATIN1);
        break;
    case CD_UTF16: case CD_UTF16LE: case CD_UTF16BE:
        rc = dec_utf16(&d, c);
        break;
    default:
        rc = dec_utf32(&d, c);
        break;
    }
    XDECREF(d.bytes);
    Obj *r = rc < 0 ? NULL : vm_str_new(d.out.data ? d.out.data : "", d.out.len);
    buf_free(&d.out);
    return r;
}

/* ---- UnicodeError ---- */

/* The five arguments of a codec UnicodeError, or NULL. */
static Obj *const *ue_args(Obj *exc)
{
    Obj *args = ((ExcObj *)exc)->args;
    if (!args || !TUPLE_CHECK(args) || TUPLE_LEN(args) != 5)
        return NULL;
    Obj *const *a = TUPLE_ITEMS(args);
    if (!STR_CHECK(a[0]) || !INT_CHECK(a[2]) || !INT_CHECK(a[3]) || !STR_CHECK(a[4]))
        return NULL;
    return a;
}

Obj *vm_unicode_error_str(Obj *exc)
{
    Obj *const *a = ue_args(exc);
    if (!a)
        return NULL;
    int64_t start, end;
    if (vm_int_as_i64(a[2], &start) < 0 || vm_int_as_i64(a[3], &end) < 0) {
        vm_err_clear();
        return NULL;
    }
    bool enc = vm_is_subtype(TYPE(exc), &vm_exc_UnicodeEncodeError);
    bool dec = vm_is_subtype(TYPE(exc), &vm_exc_UnicodeDecodeError);
    Buf b = BUF_INIT;
    if (enc && STR_CHECK(a[1])) {
        StrObj *o = (StrObj *)a[1];
        if (start >= 0 && end == start + 1 && start < o->ulen) {
            const char *p = o->s;
            for (int64_t i = 0; i < start; i++) {
                uint32_t x;
                p += cp_at(p, (size_t)(o->s + o->len - p), &x);
            }
            uint32_t x;
            cp_at(p, (size_t)(o->s + o->len - p), &x);
            buf_printf(&b, "'%s' codec can't encode character '", STR_DATA(a[0]));
            buf_printf(&b, x < 0x100 ? "\\x%02x" : x < 0x10000 ? "\\u%04x" : "\\U%08x",
                       (unsigned)x);
            buf_printf(&b, "' in position %lld: %s", (long long)start, STR_DATA(a[4]));
        } else {
            buf_printf(&b, "'%s' codec can't encode characters in position %lld-%lld: %s",
                       STR_DATA(a[0]), (long long)start, (long long)(end - 1), STR_DATA(a[4]));
        }
    } else if (dec && BYTES_CHECK(a[1])) {
        BytesObj *o = (BytesObj *)a[1];
        if (start >= 0 && end == start + 1 && start < o->len)
            buf_printf(&b, "'%s' codec can't decode byte 0x%02x in position %lld: %s",
                       STR_DATA(a[0]), (unsigned char)o->s[start], (long long)start,
                       STR_DATA(a[4]));
        else
            buf_printf(&b, "'%s' codec can't decode bytes in position %lld-%lld: %s",
                       STR_DATA(a[0]), (long long)start, (long long)(end - 1), STR_DATA(a[4]));
    } else {
        return NULL;
    }
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

Obj *vm_unicode_error_attr(Obj *exc, Obj *name)
{
    static const char *const names[] = {"encoding", "object", "start", "end", "reason"};
    if (!vm_is_subtype(TYPE(exc), &vm_exc_UnicodeEncodeError)
        && !vm_is_subtype(TYPE(exc), &vm_exc_UnicodeDecodeError))
        return NULL;
    Obj *const *a = ue_args(exc);
    if (!a)
        return NULL;
    for (int i = 0; i < 5; i++)
        if (vm_str_eqc(name, names[i]))
            return vm_newref(a[i]);
    return NULL;
}

/* Is the encoding name one of CPython's C fast paths (utf-8, latin-1,
 * ascii, utf-16, utf-32 spelled simply)?  Other spellings go through the
 * codec registry, which rewords simple errors raised inside the codec. */
static bool fast_path(Obj *encoding)
{
    static const char *const names[] = {
        "utf8", "utf_8", "utf16", "utf_16", "utf32", "utf_32", "ascii", "us_ascii", "latin1",
        "latin_1", "iso_8859_1", "iso8859_1", NULL,
    };
    if (!encoding)
        return true;
    char low[16];
    size_t n = (size_t)STR_LEN(encoding);
    if (n >= sizeof low)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = STR_DATA(encoding)[i];
        low[i] = c == '-' ? '_' : (char)tolower((unsigned char)c);
    }
    low[n] = '\0';
    for (int i = 0; names[i]; i++)
        if (strcmp(low, names[i]) == 0)
            return true;
    return false;
}

/* "decoding with 'X' codec failed (TypeError: ...)" for a TypeError or
 * LookupError raised inside a codec reached through the registry. */
static Obj *wrap_error(Obj *encoding, const char *what)
{
    if (fast_path(encoding) || !(vm_err_matches(&vm_exc_TypeError)
                                 || vm_err_matches(&vm_exc_LookupError)))
        return NULL;
    Obj *e = vm_err_fetch();
    Obj *msg = vm_str(e);
    if (msg) {
        Type *t = TYPE(e);
        vm_err_fmt(t, "%s with '%s' codec failed (%s: %s)", what, STR_DATA(encoding), t->name,
                   STR_DATA(msg));
        DECREF(msg);
    } else {
        vm_err_restore(vm_newref(e));
    }
    DECREF(e);
    return NULL;
}

Obj *vm_codec_encode(Obj *str, Obj *encoding, Obj *errors)
{
    Codec c;
    if (lookup(encoding, true, &c) < 0)
        return NULL;
    Obj *r = encode_impl(str, encoding, errors);
    return r ? r : wrap_error(encoding, "encoding");
}

Obj *vm_codec_decode(const char *data, size_t n, Obj *encoding, Obj *errors)
{
    Codec c;
    if (lookup(encoding, false, &c) < 0)
        return NULL;
    Obj *r = decode_impl(data, n, encoding, errors);
    return r ? r : wrap_error(encoding, "decoding");
}

/* ---- charmap (the tables of the encodings package's 8-bit codecs) ---- */

/* mapping[key] as a new reference; NULL without an error when undefined
 * (missing key, None, or U+FFFE in a decoding-table str). */
static Obj *map_get(Obj *mapping, uint32_t key)
{
    Obj *k = vm_int_from_i64(key);
    Obj *v = vm_getitem(mapping, k);
    DECREF(k);
    if (!v) {
        if (vm_err_matches(&vm_exc_LookupError))
            vm_err_clear();
        return NULL;
    }
    if (v == VM_NONE) {
        DECREF(v);
        return NULL;
    }
    return v;
}

Obj *vm_codec_charmap_decode(const char *data, size_t n, Obj *errors, Obj *mapping)
{
    if (!mapping || mapping == VM_NONE) {
        Obj *enc = vm_str_cstr("latin-1");
        Obj *r = vm_codec_decode(data, n, enc, errors);
        DECREF(enc);
        return r;
    }
    Dec d = {data, n, NULL, BUF_INIT, handler_of(errors), errors, "charmap", 0};
    int rc = 0;
    /* a decoding table str: the i-th character decodes byte i */
    uint32_t table[256];
    bool is_table = STR_CHECK(mapping);
    size_t tn = 0;
    if (is_table) {
        const char *t = STR_DATA(mapping), *te = t + STR_LEN(mapping);
        while (t < te && tn < 256) {
            t += cp_at(t, (size_t)(te - t), &table[tn]);
            tn++;
        }
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        unsigned char c = (unsigned char)data[i];
        if (is_table) {
            if (c < tn && table[c] != 0xfffe)
                put_cp(&d.out, table[c]);
            else
                rc = dec_error(&d, i, i + 1, "character maps to <undefined>");
            continue;
        }
        Obj *v = map_get(mapping, c);
        if (!v && vm_err_occurred()) {
            rc = -1;
        } else if (!v) {
            rc = dec_error(&d, i, i + 1, "character maps to <undefined>");
        } else if (STR_CHECK(v)) {
            buf_put(&d.out, STR_DATA(v), (size_t)STR_LEN(v));
        } else if (INT_CHECK(v) && INT_IS_SMALL(v) && INT_SMALL(v) >= 0
                   && INT_SMALL(v) <= 0x10ffff) {
            if (INT_SMALL(v) != 0xfffe)
                put_cp(&d.out, (uint32_t)INT_SMALL(v));
            else
                rc = dec_error(&d, i, i + 1, "character maps to <undefined>");
        } else if (INT_CHECK(v)) {
            vm_err_str(&vm_exc_TypeError, "character mapping must be in range(0x110000)");
            rc = -1;
        } else {
            vm_err_str(&vm_exc_TypeError, "character mapping must return integer, None or str");
            rc = -1;
        }
        XDECREF(v);
    }
    XDECREF(d.bytes);
    Obj *r = rc < 0 ? NULL : vm_str_new(d.out.data ? d.out.data : "", d.out.len);
    buf_free(&d.out);
    return r;
}

/* Append the charmap encoding of cp; 0 done, 1 undefined, -1 error. */
static int charmap_put(Buf *b, Obj *mapping, uint32_t cp)
{
    Obj *v = map_get(mapping, cp);
    if (!v)
        return vm_err_occurred() ? -1 : 1;
    const char *p;
    size_t pn;
    int rc = 0;
    if (INT_CHECK(v) && INT_IS_SMALL(v) && INT_SMALL(v) >= 0 && INT_SMALL(v) < 256) {
        buf_putc(b, (int)INT_SMALL(v));
    } else if (vm_bytes_buffer(v, &p, &pn)) {
        buf_put(b, p, pn);
    } else if (INT_CHECK(v)) {
        vm_err_str(&vm_exc_TypeError, "character mapping must be in range(256)");
        rc = -1;
    } else {
        vm_err_str(&vm_exc_TypeError, "character mapping must return integer, bytes or None, "
                   "not str");
        rc = -1;
    }
    DECREF(v);
    return rc;
}

Obj *vm_codec_charmap_encode(Obj *str, Obj *errors, Obj *mapping)
{
    if (!mapping || mapping == VM_NONE) {
        Obj *enc = vm_str_cstr("latin-1");
        Obj *r = vm_codec_encode(str, enc, errors);
        DECREF(enc);
        return r;
    }
    Handler h = handler_of(errors);
    const char *s = STR_DATA(str);
    size_t n = (size_t)STR_LEN(str);
    Buf b = BUF_INIT;
    int64_t pos = 0;
    for (size_t i = 0; i < n; pos++) {
        uint32_t cp;
        i += (size_t)cp_at(s + i, n - i, &cp);
        int rc = charmap_put(&b, mapping, cp);
        if (rc < 0) {
            buf_free(&b);
            return NULL;
        }
        if (rc == 0)
            continue;
        char tmp[24] = "";
        if (h == EH_REPLACE)
            strcpy(tmp, "?");
        else if (h == EH_BACKSLASH)
            snprintf(tmp, sizeof tmp, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x"
                     : "\\U%08x", (unsigned)cp);
        else if (h == EH_XMLCHAR)
            snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)cp);
        else if (h == EH_UNKNOWN) {
            buf_free(&b);
            return unknown_handler(errors);
        } else if (h != EH_IGNORE) {
            buf_free(&b);
            return raise_unicode(&vm_exc_UnicodeEncodeError, "charmap", str, pos, pos + 1,
                                 "character maps to <undefined>");
        }
        for (const char *t = tmp; *t; t++)
            if ((rc = charmap_put(&b, mapping, (unsigned char)*t)) != 0) {
                buf_free(&b);
                return rc < 0 ? NULL : raise_unicode(&vm_exc_UnicodeEncodeError, "charmap", str,
                                                     pos, pos + 1,
                                                     "character maps to <undefined>");
            }
    }
    Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}
