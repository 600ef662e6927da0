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
#include "cmd/pyast/uninames.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/rawescape.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/txtargs.h"

/* The codecs built in. */
typedef enum {
    CD_UTF8, CD_ASCII, CD_LATIN1,
    CD_UTF16, CD_UTF16LE, CD_UTF16BE,
    CD_UTF32, CD_UTF32LE, CD_UTF32BE,
    CD_UNIESC,              /* unicode_escape: Python's escapes, Latin-1 otherwise */
    CD_NOTTEXT, CD_UNKNOWN,
} Codec;

/* Names in messages, by Codec. */
static const char *const codec_names[] = {
    "utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
    "utf-32", "utf-32-le", "utf-32-be", "unicodeescape",
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
    {"unicode_escape", CD_UNIESC},
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

/* The error handlers built in; EH_USER: a name to look up in the registry
 * (codecs.register_error) when an error happens. */
typedef enum {
    EH_STRICT, EH_IGNORE, EH_REPLACE, EH_BACKSLASH, EH_XMLCHAR, EH_SURR_ESCAPE,
    EH_SURR_PASS, EH_NAME, EH_USER,
} Handler;

static Obj *strict_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
static Obj *ignore_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
static Obj *replace_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
static Obj *backslash_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
static Obj *xmlchar_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
static Obj *surr_escape_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
static Obj *surr_pass_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
static Obj *name_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);

/* By Handler: the errors= name and the function codecs.lookup_error gives. */
static const struct {
    const char *name;       /* errors= spelling */
    const char *fname;      /* the function's __name__ */
    CFunc fn;               /* the function (Python-callable) */
} handlers[EH_USER] = {
    {"strict", "strict_errors", strict_errors},
    {"ignore", "ignore_errors", ignore_errors},
    {"replace", "replace_errors", replace_errors},
    {"backslashreplace", "backslashreplace_errors", backslash_errors},
    {"xmlcharrefreplace", "xmlcharrefreplace_errors", xmlchar_errors},
    {"surrogateescape", "surrogateescape", surr_escape_errors},
    {"surrogatepass", "surrogatepass", surr_pass_errors},
    {"namereplace", "namereplace_errors", name_errors},
};

static Handler handler_of(Obj *errors)
{
    if (!errors)
        return EH_STRICT;
    for (int i = 0; i < EH_USER; i++)
        if (vm_str_eqc(errors, handlers[i].name))
            return (Handler)i;
    return EH_USER;
}

/* name -> handler (codecs.register_error), the built-in ones put in first */
static Obj *registry;

static Obj *registry_dict(void)
{
    if (!registry) {
        registry = vm_dict_new();
        for (int i = 0; i < EH_USER; i++) {
            Obj *f = vm_builtin_new(handlers[i].fname, handlers[i].fn, NULL);
            if (vm_dict_set_cstr(registry, handlers[i].name, f) < 0)
                ls_die(LS_EXIT_USAGE, "internal error: codec registry");
            DECREF(f);
        }
    }
    return registry;
}

/* The handler registered as errors (a new reference); LookupError when
 * there is none. */
static Obj *lookup_handler(Obj *errors)
{
    Obj *f;
    int rc = vm_dict_lookup(registry_dict(), errors, &f);
    if (rc < 0)
        return NULL;
    if (rc == 0)
        return vm_err_fmt(&vm_exc_LookupError, "unknown error handler name '%s'",
                          STR_DATA(errors));
    return vm_newref(f);
}

/* A UnicodeError of type t with CPython's five arguments. */
static Obj *unicode_exc(Type *t, const char *enc, Obj *object, int64_t start, int64_t end,
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
    return e;
}

/* Call the handler registered as errors with exc (which it may raise):
 * the replacement (a str, or bytes when encoding) and the position to go
 * on from in an object of len items (negative: from the end).  NULL with
 * the exception set. */
static Obj *call_handler(Obj *errors, Obj *exc, bool encode, int64_t len, int64_t *newpos)
{
    if (!exc)
        return NULL;
    Obj *fn = lookup_handler(errors);
    if (!fn)
        return NULL;
    Obj *r = vm_call(fn, &exc, 1, NULL);
    DECREF(fn);
    if (!r)
        return NULL;
    Obj *const *it = TUPLE_CHECK(r) ? TUPLE_ITEMS(r) : NULL;
    if (!it || TUPLE_LEN(r) != 2 || !(STR_CHECK(it[0]) || (encode && BYTES_CHECK(it[0])))) {
        DECREF(r);
        return vm_err_str(&vm_exc_TypeError, encode
                          ? "encoding error handler must return (str/bytes, int) tuple"
                          : "decoding error handler must return (str, int) tuple");
    }
    int64_t pos;
    if (vm_txt_ssize(it[1], &pos) < 0) {
        DECREF(r);
        return NULL;
    }
    if (pos < 0)
        pos += len;
    if (pos < 0 || pos > len) {
        DECREF(r);
        return vm_err_fmt(&vm_exc_IndexError, "position %lld from error handler out of bounds",
                          (long long)pos);
    }
    *newpos = pos;
    Obj *rep = vm_newref(it[0]);
    DECREF(r);
    return rep;
}

/* Raise a UnicodeError of type t with CPython's five arguments. */
static Obj *raise_unicode(Type *t, const char *enc, Obj *object, int64_t start, int64_t end,
                          const char *reason)
{
    Obj *e = unicode_exc(t, enc, object, start, end, reason);
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

/* Append the replacement of the unencodable cp that the backslashreplace,
 * namereplace or xmlcharrefreplace handler h makes (ASCII, through the
 * encoder). */
static void emit_escape(Buf *b, Codec c, Handler h, uint32_t cp)
{
    char tmp[160];
    char name[128];
    if (h == EH_XMLCHAR)
        snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)cp);
    else if (h == EH_NAME && uni_name(cp, name, sizeof name))
        snprintf(tmp, sizeof tmp, "\\N{%s}", name);
    else
        snprintf(tmp, sizeof tmp, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x"
                 : "\\U%08x", (unsigned)cp);
    emit_ascii(b, c, tmp);
}

/* The byte offset of code point k in s (n bytes). */
static size_t cp_offset(const char *s, size_t n, int64_t k)
{
    size_t i = 0;
    for (; k > 0 && i < n; k--) {
        uint32_t x;
        i += (size_t)cp_at(s + i, n - i, &x);
    }
    return i;
}

/* Encode the run [pos, end) of str through the user handler registered as
 * errors: append its replacement and set *newpos.  A str replacement must
 * be encodable as is (ASCII for the UTF codecs, as CPython's). */
static int encode_user(Buf *b, Codec c, const char *enc, Obj *str, Obj *errors, int64_t pos,
                       int64_t end, const char *reason, int64_t *newpos)
{
    Obj *exc = unicode_exc(&vm_exc_UnicodeEncodeError, enc, str, pos, end, reason);
    Obj *rep = call_handler(errors, exc, true, ((StrObj *)str)->ulen, newpos);
    XDECREF(exc);
    if (!rep)
        return -1;
    int rc = 0;
    if (BYTES_CHECK(rep)) {
        buf_put(b, ((BytesObj *)rep)->s, (size_t)((BytesObj *)rep)->len);
    } else {
        const char *r = STR_DATA(rep);
        size_t rn = (size_t)STR_LEN(rep);
        uint32_t limit = c == CD_LATIN1 ? 0x100 : 0x80;
        for (size_t t = 0; t < rn && rc == 0;) {
            uint32_t x;
            t += (size_t)cp_at(r + t, rn - t, &x);
            if (x < limit) {
                emit(b, c, x);
            } else {
                raise_unicode(&vm_exc_UnicodeEncodeError, enc, str, pos, end, reason);
                rc = -1;
            }
        }
    }
    DECREF(rep);
    return rc;
}

/* unicode_escape: printable ASCII but the backslash as itself, \t \n \r
 * and \\, the rest as \xXX, \uXXXX or \UXXXXXXXX (never fails). */
static Obj *uniesc_encode(Obj *str)
{
    const char *s = STR_DATA(str);
    size_t n = (size_t)STR_LEN(str);
    Buf b = BUF_INIT;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)cp_at(s + i, n - i, &cp);
        if (cp == '\\')
            buf_puts(&b, "\\\\");
        else if (cp == '\t')
            buf_puts(&b, "\\t");
        else if (cp == '\n')
            buf_puts(&b, "\\n");
        else if (cp == '\r')
            buf_puts(&b, "\\r");
        else if (cp >= 0x20 && cp < 0x7f)
            buf_putc(&b, (int)cp);
        else
            buf_printf(&b, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x",
                       (unsigned)cp);
    }
    Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

static Obj *encode_impl(Obj *str, Obj *encoding, Obj *errors)
{
    Codec c;
    if (lookup(encoding, true, &c) < 0)
        return NULL;
    if (c == CD_UNIESC)
        return uniesc_encode(str);
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
        if (h == EH_USER) {
            int64_t np;
            if (encode_user(&b, c, codec_names[name_c], str, errors, pos, end, reason,
                            &np) < 0) {
                buf_free(&b);
                return NULL;
            }
            i = cp_offset(s, n, np);
            pos = np;
            continue;
        }
        for (size_t t = i; t < j;) {
            uint32_t x;
            t += (size_t)cp_at(s + t, j - t, &x);
            switch (h) {
            case EH_IGNORE:
                break;
            case EH_REPLACE:
                emit(&b, c, '?');
                break;
            case EH_BACKSLASH:
            case EH_XMLCHAR:
            case EH_NAME:
                emit_escape(&b, c, h, x);
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
    case EH_USER: {
        if (!d->bytes)
            d->bytes = vm_bytes_new(d->s, d->n);
        Obj *exc = unicode_exc(&vm_exc_UnicodeDecodeError, d->name, d->bytes, (int64_t)start,
                               (int64_t)end, reason);
        int64_t np;
        Obj *rep = call_handler(d->errors, exc, false, (int64_t)d->n, &np);
        XDECREF(exc);
        if (!rep)
            return -1;
        buf_put(&d->out, STR_DATA(rep), (size_t)STR_LEN(rep));
        DECREF(rep);
        d->resume = (size_t)np;
        return 0;
    }
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
    for (size_t i = 0; i < d->n;) {
        unsigned char c = (unsigned char)d->s[i];
        if (c < 0x80 || latin) {
            put_cp(&d->out, c);
            i++;
            continue;
        }
        if (dec_error(d, i, i + 1, "ordinal not in range(128)") < 0)
            return -1;
        i = d->resume;
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

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* unicode_escape: the escapes of a Python string literal (an unknown one
 * stays as it is), every other byte as its Latin-1 character. */
static int dec_uniesc(Dec *d)
{
    const char *s = d->s;
    size_t n = d->n, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c != '\\') {
            put_cp(&d->out, c);
            i++;
            continue;
        }
        if (i + 1 >= n) {
            if (dec_error(d, i, n, "\\ at end of string") < 0)
                return -1;
            i = d->resume;
            continue;
        }
        char e = s[i + 1];
        const char *simple = strchr("\\'\"abfnrtv\n", e);
        if (e && simple) {
            static const char from[] = "\\'\"abfnrtv", to[] = "\\'\"\a\b\f\n\r\t\v";
            const char *k = strchr(from, e);
            if (k)
                put_cp(&d->out, (unsigned char)to[k - from]);    /* "\<newline>": nothing */
            i += 2;
            continue;
        }
        if (e >= '0' && e <= '7') {
            uint32_t v = 0;
            size_t j = i + 1;
            while (j < n && j < i + 4 && s[j] >= '0' && s[j] <= '7')
                v = v * 8 + (uint32_t)(s[j++] - '0');
            put_cp(&d->out, v);
            i = j;
            continue;
        }
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        if (digits) {
            uint32_t v = 0;
            size_t j = i + 2;
            while (j < n && j < i + 2 + (size_t)digits && hexval(s[j]) >= 0)
                v = v * 16 + (uint32_t)hexval(s[j++]);
            const char *why = j < i + 2 + (size_t)digits
                ? (e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape"
                   : "truncated \\UXXXXXXXX escape")
                : v > 0x10ffff ? "illegal Unicode character" : NULL;
            if (!why) {
                put_cp(&d->out, v);
                i = j;
            } else {
                if (dec_error(d, i, j, why) < 0)
                    return -1;
                i = d->resume;
            }
            continue;
        }
        if (e == 'N') {
            size_t j = i + 2;
            const char *why = "malformed \\N character escape";
            uint32_t v;
            if (j < n && s[j] == '{') {
                const char *close = memchr(s + j, '}', n - j);
                if (close) {
                    size_t len = (size_t)(close - (s + j + 1));
                    j = (size_t)(close - s) + (len != 0);   /* "\\N{}": up to the brace */
                    if (len && uni_lookup(s + i + 3, len, &v)) {
                        put_cp(&d->out, v);
                        i = j;
                        continue;
                    }
                    if (len)
                        why = "unknown Unicode character name";
                } else {
                    j = n;
                }
            }
            if (dec_error(d, i, j, why) < 0)
                return -1;
            i = d->resume;
            continue;
        }
        put_cp(&d->out, '\\');  /* an unknown escape stays */
        i++;
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
    case CD_UNIESC:
        rc = dec_uniesc(&d);
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

/* The fields of a codec UnicodeError, in the order of the five arguments
 * of UnicodeEncodeError/UnicodeDecodeError (UnicodeTranslateError takes the
 * last four and has no encoding). */
enum { UE_ENCODING, UE_OBJECT, UE_START, UE_END, UE_REASON, UE_NFIELDS };
static const char *const ue_names[UE_NFIELDS] = {"encoding", "object", "start", "end", "reason"};

/* Field f of exc (borrowed): an assigned attribute (e.start = 0) or the
 * constructor argument; NULL (no error) when exc is not of the shape. */
static Obj *ue_field(Obj *exc, int f)
{
    ExcObj *e = (ExcObj *)exc;
    if (e->dict) {
        Obj *v = vm_dict_get_str(e->dict, vm_str_intern(ue_names[f], strlen(ue_names[f])));
        if (v)
            return v;
    }
    Obj *args = e->args;
    if (!args || !TUPLE_CHECK(args))
        return NULL;
    bool tr = vm_is_subtype(TYPE(exc), &vm_exc_UnicodeTranslateError);
    if (TUPLE_LEN(args) != (tr ? 4 : 5))
        return NULL;
    Obj *const *a = TUPLE_ITEMS(args);
    if (tr && f == UE_ENCODING)
        return VM_NONE;
    Obj *v = a[tr ? f - 1 : f];
    const char *d;
    size_t n;
    bool ok = f == UE_START || f == UE_END ? INT_CHECK(v)
        : f == UE_OBJECT ? (STR_CHECK(v) || vm_bytes_buffer_any(v, &d, &n)) : STR_CHECK(v);
    return ok ? v : NULL;
}

int vm_unicode_error_check(Type *t, Obj *const *args, size_t nargs)
{
    bool tr = vm_is_subtype(t, &vm_exc_UnicodeTranslateError);
    bool dec = vm_is_subtype(t, &vm_exc_UnicodeDecodeError);
    if (!tr && !dec && !vm_is_subtype(t, &vm_exc_UnicodeEncodeError))
        return 0;
    size_t want = tr ? 4 : 5;
    if (nargs != want) {
        vm_err_fmt(&vm_exc_TypeError, "function takes exactly %zu arguments (%zu given)", want,
                   nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        int f = tr ? (int)i + 1 : (int)i;
        const char *d;
        size_t n;
        int64_t x;
        if (f == UE_START || f == UE_END) {
            if (vm_txt_ssize(args[i], &x) < 0)
                return -1;
        } else if (f == UE_OBJECT && dec) {
            if (!vm_bytes_buffer_any(args[i], &d, &n)) {
                vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                           vm_tname(args[i]));
                return -1;
            }
        } else if (!STR_CHECK(args[i])) {
            vm_err_fmt(&vm_exc_TypeError, "argument %zu must be str, not %s", i + 1,
                       vm_tname(args[i]));
            return -1;
        }
    }
    return 0;
}

/* The fields of exc, or false. */
static bool ue_fields(Obj *exc, Obj **enc, Obj **object, int64_t *start, int64_t *end,
                      Obj **reason)
{
    *enc = ue_field(exc, UE_ENCODING);
    *object = ue_field(exc, UE_OBJECT);
    *reason = ue_field(exc, UE_REASON);
    Obj *so = ue_field(exc, UE_START), *eo = ue_field(exc, UE_END);
    if (!*enc || !*object || !*reason || !so || !eo)
        return false;
    if (vm_int_as_i64(so, start) < 0 || vm_int_as_i64(eo, end) < 0) {
        vm_err_clear();
        return false;
    }
    return true;
}

/* The code point at index k of the str o (k in range). */
static uint32_t cp_index(Obj *o, int64_t k)
{
    const char *s = STR_DATA(o);
    size_t n = (size_t)STR_LEN(o), i = cp_offset(s, n, k);
    uint32_t x = 0;
    if (i < n)
        cp_at(s + i, n - i, &x);
    return x;
}

Obj *vm_unicode_error_str(Obj *exc)
{
    Obj *enc, *object, *reason;
    int64_t start, end;
    if (!ue_fields(exc, &enc, &object, &start, &end, &reason))
        return NULL;
    bool encode = vm_is_subtype(TYPE(exc), &vm_exc_UnicodeEncodeError);
    bool decode = vm_is_subtype(TYPE(exc), &vm_exc_UnicodeDecodeError);
    bool translate = vm_is_subtype(TYPE(exc), &vm_exc_UnicodeTranslateError);
    Buf b = BUF_INIT;
    if ((encode || translate) && STR_CHECK(object)) {
        const char *what = encode ? "encode" : "translate";
        if (encode)
            buf_printf(&b, "'%s' codec ", STR_DATA(enc));
        if (start >= 0 && end == start + 1 && start < ((StrObj *)object)->ulen) {
            uint32_t x = cp_index(object, start);
            buf_printf(&b, "can't %s character '", what);
            buf_printf(&b, x < 0x100 ? "\\x%02x" : x < 0x10000 ? "\\u%04x" : "\\U%08x",
                       (unsigned)x);
            buf_printf(&b, "' in position %lld: %s", (long long)start, STR_DATA(reason));
        } else {
            buf_printf(&b, "can't %s characters in position %lld-%lld: %s", what,
                       (long long)start, (long long)(end - 1), STR_DATA(reason));
        }
    } else if (decode && !STR_CHECK(object)) {
        const char *d = "";
        size_t n = 0;
        vm_bytes_buffer_any(object, &d, &n);
        if (start >= 0 && end == start + 1 && start < (int64_t)n)
            buf_printf(&b, "'%s' codec can't decode byte 0x%02x in position %lld: %s",
                       STR_DATA(enc), (unsigned char)d[start], (long long)start,
                       STR_DATA(reason));
        else
            buf_printf(&b, "'%s' codec can't decode bytes in position %lld-%lld: %s",
                       STR_DATA(enc), (long long)start, (long long)(end - 1), STR_DATA(reason));
    } else {
        return NULL;
    }
    Obj *r = vm_str_new(b.data, b.len);
    buf_free(&b);
    return r;
}

Obj *vm_unicode_error_attr(Obj *exc, Obj *name)
{
    if (!vm_is_subtype(TYPE(exc), &vm_exc_UnicodeEncodeError)
        && !vm_is_subtype(TYPE(exc), &vm_exc_UnicodeDecodeError)
        && !vm_is_subtype(TYPE(exc), &vm_exc_UnicodeTranslateError))
        return NULL;
    for (int i = 0; i < UE_NFIELDS; i++)
        if (vm_str_eqc(name, ue_names[i])) {
            Obj *v = ue_field(exc, i);
            const char *d;
            size_t n;
            if (v && i == UE_OBJECT && !STR_CHECK(v) && !BYTES_CHECK(v)
                && vm_bytes_buffer_any(v, &d, &n))
                return vm_bytes_new(d, n);      /* the object as bytes, as CPython keeps it */
            return v ? vm_newref(v) : NULL;
        }
    return NULL;
}

/* ---- the error handlers as functions (codecs.lookup_error) ---- */

/* The exception a handler function was called with, its kind and its
 * range, clamped as CPython's (start in [0, len-1], end in [1, len]);
 * TypeError "don't know how to handle X in error callback" when it is not
 * a codec UnicodeError or not of a kind in `kinds' (1 encode, 2 decode, 4
 * translate). */
static int handler_exc(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                       unsigned kinds, unsigned *kind, Obj **object, int64_t *start,
                       int64_t *end)
{
    if (vm_nokw(fname, kwnames) < 0 || vm_argc(fname, nargs, 1, 1) < 0)
        return -1;
    Obj *exc = args[0];
    *kind = vm_is_subtype(TYPE(exc), &vm_exc_UnicodeEncodeError) ? 1
        : vm_is_subtype(TYPE(exc), &vm_exc_UnicodeDecodeError) ? 2
        : vm_is_subtype(TYPE(exc), &vm_exc_UnicodeTranslateError) ? 4 : 0;
    Obj *enc, *reason;
    if (!(*kind & kinds) || !ue_fields(exc, &enc, object, start, end, &reason)
        || (*kind == 2 ? !BYTES_CHECK(*object) : !STR_CHECK(*object))) {
        vm_err_fmt(&vm_exc_TypeError, "don't know how to handle %s in error callback",
                   vm_tname(exc));
        return -1;
    }
    int64_t len = STR_CHECK(*object) ? ((StrObj *)*object)->ulen : ((BytesObj *)*object)->len;
    if (*start < 0)
        *start = 0;
    if (*start >= len)
        *start = len ? len - 1 : 0;
    if (*end < 1)
        *end = 1;
    if (*end > len)
        *end = len;
    return 0;
}

/* The tuple (replacement, pos) a handler returns; takes rep. */
static Obj *handler_result(Obj *rep, int64_t pos)
{
    if (!rep)
        return NULL;
    Obj *t = vm_tuple_new(2);
    TUPLE_ITEMS(t)[0] = rep;
    TUPLE_ITEMS(t)[1] = vm_int_from_i64(pos);
    return t;
}

/* A str from the text in b (freed). */
static Obj *buf_str(Buf *b)
{
    Obj *r = vm_str_new(b->data ? b->data : "", b->len);
    buf_free(b);
    return r;
}

static Obj *strict_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("strict_errors", kwnames) < 0 || vm_argc("strict_errors", nargs, 1, 1) < 0)
        return NULL;
    if (!HAS_FLAG(args[0], TF_EXC))
        return vm_err_str(&vm_exc_TypeError, "codec must pass exception instance");
    vm_err_set(args[0]);
    return NULL;
}

static Obj *ignore_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    unsigned kind;
    Obj *o;
    int64_t start, end;
    if (handler_exc("ignore_errors", args, nargs, kwnames, 7, &kind, &o, &start, &end) < 0)
        return NULL;
    return handler_result(vm_str_new("", 0), end);
}

static Obj *replace_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    unsigned kind;
    Obj *o;
    int64_t start, end;
    if (handler_exc("replace_errors", args, nargs, kwnames, 7, &kind, &o, &start, &end) < 0)
        return NULL;
    Buf b = BUF_INIT;
    for (int64_t i = kind == 2 ? end - 1 : start; i < end; i++)
        if (kind == 1)
            buf_putc(&b, '?');
        else
            put_cp(&b, 0xfffd);
    return handler_result(buf_str(&b), end);
}

/* backslashreplace, xmlcharrefreplace and namereplace as functions */
static Obj *escape_errors(const char *fname, Handler h, unsigned kinds, Obj *const *args,
                          size_t nargs, Obj *kwnames)
{
    unsigned kind;
    Obj *o;
    int64_t start, end;
    if (handler_exc(fname, args, nargs, kwnames, kinds, &kind, &o, &start, &end) < 0)
        return NULL;
    Buf b = BUF_INIT;
    if (kind == 2) {
        for (int64_t i = start; i < end; i++)
            buf_printf(&b, "\\x%02x", (unsigned char)((BytesObj *)o)->s[i]);
    } else {
        const char *s = STR_DATA(o);
        size_t n = (size_t)STR_LEN(o), i = cp_offset(s, n, start);
        for (int64_t k = start; k < end && i < n; k++) {
            uint32_t x;
            i += (size_t)cp_at(s + i, n - i, &x);
            emit_escape(&b, CD_LATIN1, h, x);
        }
    }
    return handler_result(buf_str(&b), end);
}

static Obj *backslash_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return escape_errors("backslashreplace_errors", EH_BACKSLASH, 7, args, nargs, kwnames);
}

static Obj *xmlchar_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return escape_errors("xmlcharrefreplace_errors", EH_XMLCHAR, 1, args, nargs, kwnames);
}

static Obj *name_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return escape_errors("namereplace_errors", EH_NAME, 1, args, nargs, kwnames);
}

/* Raise the handler's exception itself (args[0]): what surrogateescape and
 * surrogatepass do with what they cannot handle. */
static Obj *reraise(Obj *exc)
{
    vm_err_set(exc);
    return NULL;
}

/* Encoding: each lone surrogate U+DC80..U+DCFF back to its byte.
 * Decoding: up to four bytes >= 0x80 to lone surrogates. */
static Obj *surr_escape_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    unsigned kind;
    Obj *o;
    int64_t start, end;
    if (handler_exc("surrogateescape", args, nargs, kwnames, 3, &kind, &o, &start, &end) < 0)
        return NULL;
    Buf b = BUF_INIT;
    if (kind == 2) {
        int64_t i = start;
        for (; i < end && i < start + 4; i++) {
            unsigned char c = (unsigned char)((BytesObj *)o)->s[i];
            if (c < 0x80)
                break;
            put_cp(&b, 0xdc00 + c);
        }
        if (i == start) {
            buf_free(&b);
            return reraise(args[0]);
        }
        return handler_result(buf_str(&b), i);
    }
    for (int64_t k = start; k < end; k++) {
        uint32_t x = cp_index(o, k);
        if (x < 0xdc80 || x > 0xdcff) {
            buf_free(&b);
            return reraise(args[0]);
        }
        buf_putc(&b, (int)(x - 0xdc00));
    }
    Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return handler_result(r, end);
}

/* The UTF codec exc.encoding names (CPython's "standard encodings" of
 * surrogatepass), or CD_UNKNOWN. */
static Codec utf_codec(Obj *exc)
{
    Obj *enc = ue_field(exc, UE_ENCODING);
    Codec c;
    if (!enc || !STR_CHECK(enc) || lookup(enc, true, &c) < 0) {
        vm_err_clear();
        return CD_UNKNOWN;
    }
    if (c == CD_UTF16)
        c = CD_UTF16LE;
    if (c == CD_UTF32)
        c = CD_UTF32LE;
    return c == CD_ASCII || c == CD_LATIN1 || c == CD_UNIESC ? CD_UNKNOWN : c;
}

/* Surrogates encoded and decoded as if they were characters (UTF codecs). */
static Obj *surr_pass_errors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    unsigned kind;
    Obj *o;
    int64_t start, end;
    if (handler_exc("surrogatepass", args, nargs, kwnames, 3, &kind, &o, &start, &end) < 0)
        return NULL;
    Codec c = utf_codec(args[0]);
    if (c == CD_UNKNOWN)
        return reraise(args[0]);
    if (kind == 1) {
        Buf b = BUF_INIT;
        for (int64_t k = start; k < end; k++) {
            uint32_t x = cp_index(o, k);
            if (!is_surrogate(x)) {
                buf_free(&b);
                return reraise(args[0]);
            }
            emit(&b, c, x);
        }
        Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
        buf_free(&b);
        return handler_result(r, end);
    }
    const unsigned char *p = (const unsigned char *)((BytesObj *)o)->s + start;
    int64_t avail = ((BytesObj *)o)->len - start;
    uint32_t x = 0;
    int k = 0;
    if (c == CD_UTF8 && avail >= 3 && (p[0] & 0xf0) == 0xe0 && (p[1] & 0xc0) == 0x80
        && (p[2] & 0xc0) == 0x80) {
        x = (uint32_t)(p[0] & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
        k = 3;
    } else if ((c == CD_UTF16LE || c == CD_UTF16BE) && avail >= 2) {
        x = c == CD_UTF16LE ? (uint32_t)(p[1] << 8 | p[0]) : (uint32_t)(p[0] << 8 | p[1]);
        k = 2;
    } else if ((c == CD_UTF32LE || c == CD_UTF32BE) && avail >= 4) {
        x = c == CD_UTF32LE ? (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]
                            : (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
        k = 4;
    }
    if (!k || !is_surrogate(x))
        return reraise(args[0]);
    Buf b = BUF_INIT;
    put_cp(&b, x);
    return handler_result(buf_str(&b), start + k);
}

/* ---- the registry's functions (_codecs) ---- */

static Obj *register_error(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("register_error", kwnames) < 0)
        return NULL;
    if (nargs != 2)
        return vm_err_fmt(&vm_exc_TypeError, "register_error expected 2 arguments, got %zu",
                          nargs);
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "register_error() argument 1 must be str, not %s",
                          vm_tname(args[0]));
    if (!TYPE(args[1])->call)
        return vm_err_str(&vm_exc_TypeError, "handler must be callable");
    if (vm_dict_set(registry_dict(), args[0], args[1]) < 0)
        return NULL;
    return vm_newref(VM_NONE);
}

static Obj *lookup_error(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("lookup_error", kwnames) < 0 || vm_argc("lookup_error", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "lookup_error() argument must be str, not %s",
                          vm_tname(args[0]));
    return lookup_handler(args[0]);
}

void vm_codec_module_funcs(Obj *mod)
{
    vm_module_add_func(mod, "register_error", register_error);
    vm_module_add_func(mod, "lookup_error", lookup_error);
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

/* An exception a registry codec raised, wrapped as CPython does when it
 * carries nothing but a message (a class without __init__/__new__ of its
 * own, no attributes, at most one str argument): the same type with
 * "encoding with 'idna' codec failed (UnicodeError: ...)", caused by the
 * original.  Other exceptions pass unchanged. */
static Obj *wrap_codec_failure(Obj *encoding, const char *what)
{
    static Type *const rich[] = {
        &vm_exc_SystemExit, &vm_exc_StopIteration, &vm_exc_ImportError, &vm_exc_NameError,
        &vm_exc_AttributeError, &vm_exc_OSError, &vm_exc_SyntaxError,
        &vm_exc_UnicodeEncodeError, &vm_exc_UnicodeDecodeError, &vm_exc_UnicodeTranslateError,
        &vm_exc_BaseExceptionGroup,
    };
    if (!vm_err_occurred())
        return NULL;
    Obj *e = vm_err_fetch();
    ExcObj *x = (ExcObj *)e;
    Type *t = TYPE(e);
    bool plain = HAS_FLAG(e, TF_EXC) && (!x->dict || ((DictObj *)x->dict)->used == 0);
    for (Type *k = t; plain && k && (k->flags & TF_HEAP); k = k->base)
        if (vm_dict_get_str(k->dict, vm_str_intern("__init__", 8)) ||
            vm_dict_get_str(k->dict, vm_str_intern("__new__", 7)))
            plain = false;
    for (size_t i = 0; plain && i < sizeof rich / sizeof rich[0]; i++)
        if (vm_is_subtype(t, rich[i]))
            plain = false;
    if (plain && x->args && (TUPLE_LEN(x->args) > 1 ||
                             (TUPLE_LEN(x->args) == 1 && TYPE(TUPLE_ITEMS(x->args)[0]) != &vm_str_type)))
        plain = false;
    Obj *msg = plain ? vm_str(e) : NULL;
    if (!msg) {
        if (plain)
            vm_err_clear();
        vm_err_restore(e);
        return NULL;
    }
    const char *dot = strrchr(t->name, '.');
    vm_err_fmt(t, "%s with '%s' codec failed (%s: %s)", what, STR_DATA(encoding),
               dot && !(t->flags & TF_HEAP) ? dot + 1 : t->name, STR_DATA(msg));
    DECREF(msg);
    ExcObj *w = (ExcObj *)vm_err_fetch();
    w->cause = e;
    w->suppress_context = true;
    w->tb = x->tb ? vm_newref(x->tb) : NULL;
    vm_err_restore((Obj *)w);
    return NULL;
}

/* Encode or decode obj through the codec registry (_codecs.lookup: the
 * encodings package, codecs.register) for an encoding not built in, with
 * CPython's checks of what the codec returns. */
static Obj *registry_codec(Obj *obj, Obj *encoding, Obj *errors, bool encode)
{
    Obj *modname = vm_str_cstr("_codecs");
    Obj *mod = vm_import_abs(modname);
    DECREF(modname);
    if (!mod)
        return NULL;
    Obj *lk = vm_getattr(mod, vm_str_intern("lookup", 6));
    DECREF(mod);
    if (!lk)
        return NULL;
    Obj *info = vm_call(lk, &encoding, 1, NULL);
    DECREF(lk);
    if (!info)
        return NULL;
    Obj *text = vm_getattr(info, vm_str_intern("_is_text_encoding", 17));
    int is_text = text ? vm_truth(text) : 1;
    XDECREF(text);
    if (!text)
        vm_err_clear();
    if (is_text == 0) {
        DECREF(info);
        return vm_err_fmt(&vm_exc_LookupError, "'%s' is not a text encoding; use codecs.%s() "
                          "to handle arbitrary codecs", STR_DATA(encoding),
                          encode ? "encode" : "decode");
    }
    Obj *idx = vm_int_from_i64(encode ? 0 : 1);
    Obj *fn = is_text < 0 ? NULL : vm_getitem(info, idx);
    DECREF(idx);
    DECREF(info);
    if (!fn)
        return NULL;
    Obj *strict = errors ? NULL : vm_str_cstr("strict");
    Obj *args[2] = {obj, errors ? errors : strict};
    Obj *r = vm_call(fn, args, 2, NULL);
    DECREF(fn);
    XDECREF(strict);
    if (!r)
        return wrap_codec_failure(encoding, encode ? "encoding" : "decoding");
    if (!TUPLE_CHECK(r) || TUPLE_LEN(r) != 2) {
        DECREF(r);
        return vm_err_str(&vm_exc_TypeError, encode
                          ? "encoder must return a tuple (object, integer)"
                          : "decoder must return a tuple (object,integer)");
    }
    Obj *v = vm_newref(TUPLE_ITEMS(r)[0]);
    DECREF(r);
    if (encode ? !BYTES_CHECK(v) : !STR_CHECK(v)) {
        vm_err_fmt(&vm_exc_TypeError, "'%s' %s returned '%s' instead of '%s'; use codecs.%s() "
                   "to %s to arbitrary types", STR_DATA(encoding),
                   encode ? "encoder" : "decoder", vm_tname(v), encode ? "bytes" : "str",
                   encode ? "encode" : "decode", encode ? "encode" : "decode");
        DECREF(v);
        return NULL;
    }
    return v;
}

Obj *vm_codec_encode(Obj *str, Obj *encoding, Obj *errors)
{
    if (vm_rawesc_name(encoding))       /* rawescape.c */
        return vm_rawesc_encode(str);
    Codec c;
    if (lookup(encoding, true, &c) < 0) {
        if (c != CD_UNKNOWN)
            return NULL;
        vm_err_clear();
        return registry_codec(str, encoding, errors, true);
    }
    Obj *r = encode_impl(str, encoding, errors);
    return r ? r : wrap_error(encoding, "encoding");
}

Obj *vm_codec_decode(const char *data, size_t n, Obj *encoding, Obj *errors)
{
    if (vm_rawesc_name(encoding))
        return vm_rawesc_decode(data, n, errors);
    Codec c;
    if (lookup(encoding, false, &c) < 0) {
        if (c != CD_UNKNOWN)
            return NULL;
        vm_err_clear();
        Obj *b = vm_bytes_new(data, n);
        Obj *r = registry_codec(b, encoding, errors, false);
        DECREF(b);
        return r;
    }
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
            else if ((rc = dec_error(&d, i, i + 1, "character maps to <undefined>")) == 0)
                i = d.resume - 1;
            continue;
        }
        Obj *v = map_get(mapping, c);
        if (!v && vm_err_occurred()) {
            rc = -1;
        } else if (!v) {
            if ((rc = dec_error(&d, i, i + 1, "character maps to <undefined>")) == 0)
                i = d.resume - 1;
        } else if (STR_CHECK(v)) {
            buf_put(&d.out, STR_DATA(v), (size_t)STR_LEN(v));
        } else if (INT_CHECK(v) && INT_IS_SMALL(v) && INT_SMALL(v) >= 0
                   && INT_SMALL(v) <= 0x10ffff) {
            if (INT_SMALL(v) != 0xfffe)
                put_cp(&d.out, (uint32_t)INT_SMALL(v));
            else if ((rc = dec_error(&d, i, i + 1, "character maps to <undefined>")) == 0)
                i = d.resume - 1;
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
        size_t i0 = i;
        i += (size_t)cp_at(s + i, n - i, &cp);
        int rc = charmap_put(&b, mapping, cp);
        if (rc < 0) {
            buf_free(&b);
            return NULL;
        }
        if (rc == 0)
            continue;
        /* the run [pos, end) of unmapped characters, bytes [i0, i) */
        int64_t end = pos + 1;
        while (i < n) {
            uint32_t x;
            int k = cp_at(s + i, n - i, &x);
            Obj *v = map_get(mapping, x);
            if (v || vm_err_occurred()) {
                XDECREF(v);
                if (!v) {
                    buf_free(&b);
                    return NULL;
                }
                break;
            }
            i += (size_t)k;
            end++;
        }
        /* the replacement text, each character through the mapping */
        Buf t = BUF_INIT;
        if (h == EH_REPLACE || h == EH_BACKSLASH || h == EH_XMLCHAR || h == EH_NAME) {
            for (size_t k = i0; k < i;) {
                uint32_t x;
                k += (size_t)cp_at(s + k, i - k, &x);
                if (h == EH_REPLACE)
                    buf_putc(&t, '?');
                else
                    emit_escape(&t, CD_LATIN1, h, x);
            }
        } else if (h == EH_USER) {
            Obj *exc = unicode_exc(&vm_exc_UnicodeEncodeError, "charmap", str, pos, end,
                                   "character maps to <undefined>");
            int64_t np;
            Obj *rep = call_handler(errors, exc, true, ((StrObj *)str)->ulen, &np);
            XDECREF(exc);
            if (!rep) {
                buf_free(&b);
                return NULL;
            }
            if (BYTES_CHECK(rep))
                buf_put(&b, ((BytesObj *)rep)->s, (size_t)((BytesObj *)rep)->len);
            else
                buf_put(&t, STR_DATA(rep), (size_t)STR_LEN(rep));
            DECREF(rep);
            i = cp_offset(s, n, np);
            end = np;
        } else if (h != EH_IGNORE) {
            buf_free(&b);
            return raise_unicode(&vm_exc_UnicodeEncodeError, "charmap", str, pos, end,
                                 "character maps to <undefined>");
        }
        rc = 0;
        for (size_t k = 0; k < t.len && rc == 0;) {
            uint32_t x;
            k += (size_t)cp_at(t.data + k, t.len - k, &x);
            rc = charmap_put(&b, mapping, x);
        }
        buf_free(&t);
        if (rc != 0) {
            buf_free(&b);
            return rc < 0 ? NULL : raise_unicode(&vm_exc_UnicodeEncodeError, "charmap", str,
                                                 pos, end, "character maps to <undefined>");
        }
        pos = end - 1;      /* the loop steps past the run */
    }
    Obj *r = vm_bytes_new(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}
