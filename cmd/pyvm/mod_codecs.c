/* cmd/pyvm/mod_codecs.c: the _codecs module: the codec registry (register,
 * lookup, encode, decode) in Python, run as a frozen module; in C, the
 * stateless codec functions of the built-in codecs (utf_8_encode,
 * utf_16_ex_decode, ..., which the encodings package and the incremental
 * codecs call), the charmap functions of the 8-bit codecs, and (codecs.c)
 * the error handler registry (register_error, lookup_error), because the
 * built-in codecs call the handlers.
 *
 * Stage: pyvm.
 */
#include <string.h>

#include "libstage/unicode.h"
#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/codecs.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/txtargs.h"

static const char codecs_src[] =
    "_search = []\n"
    "_cache = {}\n"
    "\n"
    "def register(search_function):\n"
    "    if not callable(search_function):\n"
    "        raise TypeError('argument must be callable')\n"
    "    _search.append(search_function)\n"
    "\n"
    "def unregister(search_function):\n"
    "    if search_function in _search:\n"
    "        _search.remove(search_function)\n"
    "    _cache.clear()\n"
    "\n"
    "def _forget_codec(encoding):\n"
    "    _cache.pop(encoding.lower().replace(' ', '_'), None)\n"
    "\n"
    "def lookup(encoding):\n"
    "    if not isinstance(encoding, str):\n"
    "        raise TypeError('lookup() argument must be str, not %s' % type(encoding).__name__)\n"
    "    key = encoding.lower().replace(' ', '_')\n"
    "    try:\n"
    "        return _cache[key]\n"
    "    except KeyError:\n"
    "        pass\n"
    "    if not _search:\n"
    "        import encodings\n"
    "    for f in _search:\n"
    "        r = f(key)\n"
    "        if r is not None:\n"
    "            if not isinstance(r, tuple) or len(r) != 4:\n"
    "                raise TypeError('codec search functions must return 4-tuples')\n"
    "            _cache[key] = r\n"
    "            return r\n"
    "    raise LookupError('unknown encoding: %s' % encoding)\n"
    "\n"
    "# exceptions without extra state are reworded with the codec's name\n"
    "_SIMPLE = (TypeError, ValueError, LookupError, IndexError, KeyError, ArithmeticError,\n"
    "           OverflowError, ZeroDivisionError, AttributeError, RuntimeError,\n"
    "           NotImplementedError, AssertionError, BufferError, EOFError, UnicodeError)\n"
    "\n"
    "def _call(op, i, obj, encoding, errors):\n"
    "    for arg, v in (('encoding', encoding), ('errors', errors)):\n"
    "        if not isinstance(v, str):\n"
    "            raise TypeError(\"%s() argument '%s' must be str, not %s\"\n"
    "                            % (op[:6], arg, type(v).__name__))\n"
    "    f = lookup(encoding)[i]\n"
    "    try:\n"
    "        r = f(obj, errors)\n"
    "    except _SIMPLE as e:\n"
    "        if type(e) not in _SIMPLE:\n"
    "            raise\n"
    "        raise type(e)(\"%s with '%s' codec failed (%s: %s)\"\n"
    "                      % (op, encoding, type(e).__name__, e)) from e\n"
    "    if not isinstance(r, tuple) or len(r) != 2:\n"
    "        raise TypeError('encoder must return a tuple (object, integer)' if i == 0\n"
    "                        else 'decoder must return a tuple (object,integer)')\n"
    "    return r[0]\n"
    "\n"
    "def encode(obj, encoding='utf-8', errors='strict'):\n"
    "    return _call('encoding', 0, obj, encoding, errors)\n"
    "\n"
    "def decode(obj, encoding='utf-8', errors='strict'):\n"
    "    return _call('decoding', 1, obj, encoding, errors)\n"
    "\n"
    "\n"
    "_ESC = {92: '\\\\\\\\', 39: \"\\\\'\", 9: '\\\\t', 10: '\\\\n', 13: '\\\\r'}\n"
    "\n"
    "def escape_encode(data, errors=None):\n"
    "    if not isinstance(data, bytes):\n"
    "        raise TypeError('escape_encode() argument 1 must be bytes, not %s' % type(data).__name__)\n"
    "    out = []\n"
    "    for c in data:\n"
    "        out.append(_ESC.get(c) or (chr(c) if 32 <= c < 127 else '\\\\x%02x' % c))\n"
    "    return (''.join(out).encode('ascii'), len(data))\n"
    "\n"
    "_UNESC = {'\\\\': 92, \"'\": 39, '\"': 34, 'a': 7, 'b': 8, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11}\n"
    "_HEX = b'0123456789abcdefABCDEF'\n"
    "\n"
    "def escape_decode(data, errors=None):\n"
    "    if isinstance(data, str):\n"
    "        data = data.encode('utf-8')\n"
    "    elif isinstance(data, (bytes, bytearray, memoryview)):\n"
    "        data = bytes(data)\n"
    "    else:\n"
    "        raise TypeError(\"a bytes-like object is required, not '%s'\" % type(data).__name__)\n"
    "    out = bytearray()\n"
    "    i = 0\n"
    "    n = len(data)\n"
    "    while i < n:\n"
    "        c = data[i]\n"
    "        if c != 92:\n"
    "            out.append(c)\n"
    "            i += 1\n"
    "            continue\n"
    "        start = i\n"
    "        i += 1\n"
    "        if i >= n:\n"
    "            raise ValueError('Trailing \\\\ in string')\n"
    "        ch = chr(data[i])\n"
    "        i += 1\n"
    "        if ch == '\\n':\n"
    "            continue\n"
    "        if ch in _UNESC:\n"
    "            out.append(_UNESC[ch])\n"
    "        elif '0' <= ch <= '7':\n"
    "            v = ord(ch) - 48\n"
    "            for _ in range(2):\n"
    "                if i < n and 48 <= data[i] <= 55:\n"
    "                    v = v * 8 + data[i] - 48\n"
    "                    i += 1\n"
    "            out.append(v & 0xff)\n"
    "        elif ch == 'x':\n"
    "            h = data[i:i + 2]\n"
    "            if len(h) == 2 and h[0] in _HEX and h[1] in _HEX:\n"
    "                out.append(int(h, 16))\n"
    "                i += 2\n"
    "            elif errors is None or errors == 'strict':\n"
    "                raise ValueError('invalid \\\\x escape at position %d' % start)\n"
    "            elif errors == 'replace':\n"
    "                out.append(63)\n"
    "                i += len(h) if len(h) == 1 or h[0] in _HEX else 0\n"
    "            elif errors == 'ignore':\n"
    "                i += len(h) if len(h) == 1 or h[0] in _HEX else 0\n"
    "            else:\n"
    "                raise ValueError('decoding error; unknown error handling code: ' + errors)\n"
    "        else:\n"
    "            out.append(92)\n"
    "            out.append(ord(ch))\n"
    "    return (bytes(out), n)\n";

/* The optional errors and mapping arguments of the charmap functions. */
static int charmap_args(const char *name, Obj *const *args, size_t nargs, Obj *kwnames,
                        Obj **errors, Obj **mapping)
{
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, 1, 3) < 0)
        return -1;
    *errors = nargs > 1 && args[1] != VM_NONE ? args[1] : NULL;
    *mapping = nargs > 2 ? args[2] : NULL;
    if (*errors && !STR_CHECK(*errors)) {
        vm_err_fmt(&vm_exc_TypeError, "%s() argument 2 must be str or None, not %s", name,
                   vm_tname(*errors));
        return -1;
    }
    return 0;
}

/* (result, consumed) as the stateless codec functions return them */
static Obj *pair(Obj *r, ssize_t n)
{
    if (!r)
        return NULL;
    Obj *t = vm_tuple_new(2);
    TUPLE_ITEMS(t)[0] = r;
    TUPLE_ITEMS(t)[1] = vm_int_from_i64(n);
    return t;
}

/* _codecs.charmap_decode(data, errors=None, mapping=None) */
static Obj *cm_decode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *errors, *mapping;
    const char *d;
    size_t n;
    if (charmap_args("charmap_decode", args, nargs, kwnames, &errors, &mapping) < 0)
        return NULL;
    if (!vm_bytes_buffer_any(args[0], &d, &n))
        return vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                          vm_tname(args[0]));
    return pair(vm_codec_charmap_decode(d, n, errors, mapping), (ssize_t)n);
}

/* _codecs.charmap_encode(str, errors=None, mapping=None) */
static Obj *cm_encode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *errors, *mapping;
    if (charmap_args("charmap_encode", args, nargs, kwnames, &errors, &mapping) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "charmap_encode() argument 1 must be str, not %s",
                          vm_tname(args[0]));
    return pair(vm_codec_charmap_encode(args[0], errors, mapping),
                ((StrObj *)args[0])->ulen);
}

/* _codecs.charmap_build(decoding_table): the encoding map, here a dict
 * {code point: byte} (CPython's is an opaque EncodingMap). */
static Obj *cm_build(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("charmap_build", kwnames) < 0 || vm_argc("charmap_build", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "charmap_build() argument must be str, not %s",
                          vm_tname(args[0]));
    Obj *d = vm_dict_new();
    const char *s = STR_DATA(args[0]);
    size_t n = (size_t)STR_LEN(args[0]);
    int64_t i = 0;
    for (size_t k = 0; k < n; i++) {
        uint32_t cp = 0xfffe;   /* a lone surrogate (never in a table) maps nothing */
        unsigned char lead = (unsigned char)s[k];
        size_t len = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
        if (ls_utf8_decode(s + k, n - k, &cp) <= 0)
            cp = 0xfffe;
        k += len;
        Obj *key = vm_int_from_i64(cp), *v = vm_int_from_i64(i);
        int rc = vm_dict_set(d, key, v);
        DECREF(key);
        DECREF(v);
        if (rc < 0) {
            DECREF(d);
            return NULL;
        }
    }
    return d;
}

/* ---- the stateless codec functions (utf_8_encode, utf_8_decode, ...) ---- */

/* What a chunk may end in that the next one completes (decoding with
 * final false holds it back). */
typedef enum { K_BYTE, K_UTF8, K_UTF16LE, K_UTF16BE, K_UTF32 } Kind;

/* The length of data[0..n) without an incomplete sequence at its end. */
static size_t complete_prefix(Kind k, const unsigned char *d, size_t n)
{
    if (k == K_UTF8) {
        size_t i = n, cont = 0;
        while (cont < 3 && i > 0 && (d[i - 1] & 0xc0) == 0x80) {
            i--;
            cont++;
        }
        if (i == 0)
            return n;
        unsigned char lead = d[i - 1];
        size_t need = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3
            : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
        if (!need || cont + 1 >= need)
            return n;
        if (cont) {     /* the second byte's range depends on the lead */
            unsigned char x = d[i], lo = lead == 0xe0 ? 0xa0 : lead == 0xf0 ? 0x90 : 0x80,
                          hi = lead == 0xed ? 0x9f : lead == 0xf4 ? 0x8f : 0xbf;
            if (x < lo || x > hi)
                return n;
        }
        return i - 1;
    }
    if (k == K_UTF16LE || k == K_UTF16BE) {
        size_t m = n & ~(size_t)1;
        if (m >= 2) {
            unsigned u = k == K_UTF16LE ? (unsigned)(d[m - 1] << 8 | d[m - 2])
                                        : (unsigned)(d[m - 2] << 8 | d[m - 1]);
            if (u >= 0xd800 && u < 0xdc00)
                m -= 2;     /* a high surrogate waits for its low half */
        }
        return m;
    }
    if (k == K_UTF32)
        return n & ~(size_t)3;
    return n;
}

/* The errors argument: None or a str (NULL: strict). */
static int errors_arg(const char *fname, Obj *const *args, size_t nargs, size_t i, Obj **out)
{
    *out = NULL;
    if (nargs <= i || args[i] == VM_NONE)
        return 0;
    if (!STR_CHECK(args[i])) {
        vm_err_fmt(&vm_exc_TypeError, "%s() argument %zu must be str or None, not %s", fname,
                   i + 1, vm_tname(args[i]));
        return -1;
    }
    *out = args[i];
    return 0;
}

/* NAME_encode(str, errors=None) -> (bytes, len(str)) */
static Obj *stateless_encode(const char *fname, const char *enc, Obj *const *args,
                             size_t nargs, Obj *kwnames)
{
    Obj *errors;
    if (vm_nokw(fname, kwnames) < 0 || vm_argc(fname, nargs, 1, 3) < 0
        || errors_arg(fname, args, nargs, 1, &errors) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "%s() argument 1 must be str, not %s", fname,
                          vm_tname(args[0]));
    Obj *e = vm_str_cstr(enc);
    Obj *r = vm_codec_encode(args[0], e, errors);
    DECREF(e);
    return pair(r, ((StrObj *)args[0])->ulen);
}

/* NAME_decode(data, errors=None, final=False) -> (str, bytes consumed);
 * skip bytes are consumed first (a byte order mark) */
static Obj *stateless_decode(const char *fname, const char *enc, Kind k, size_t skip,
                             Obj *const *args, size_t nargs, Obj *kwnames, size_t *consumed)
{
    Obj *errors;
    const char *d;
    size_t n;
    if (vm_nokw(fname, kwnames) < 0 || vm_argc(fname, nargs, 1, 4) < 0
        || errors_arg(fname, args, nargs, 1, &errors) < 0)
        return NULL;
    if (!vm_bytes_buffer_any(args[0], &d, &n))
        return vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                          vm_tname(args[0]));
    size_t fpos = nargs == 4 ? 3 : 2;   /* (the ex_decode forms take a byteorder first) */
    int final = nargs > fpos ? vm_truth(args[fpos]) : strcmp(fname, "utf_8_decode") != 0
        && strncmp(fname, "utf_16", 6) != 0 && strncmp(fname, "utf_32", 6) != 0;
    if (final < 0)
        return NULL;
    if (skip > n)
        skip = n;
    size_t m = final ? n : skip + complete_prefix(k, (const unsigned char *)d + skip, n - skip);
    Obj *e = vm_str_cstr(enc);
    Obj *r = vm_codec_decode(d + skip, m - skip, e, errors);
    DECREF(e);
    *consumed = m;
    return r;
}

#define CODEC_FUNCS(X)                                                               \
    X(utf_8, "utf-8", K_UTF8) X(latin_1, "latin-1", K_BYTE) X(ascii, "ascii", K_BYTE) \
    X(utf_16, "utf-16", K_UTF16LE) X(utf_16_le, "utf-16-le", K_UTF16LE)                 \
    X(utf_16_be, "utf-16-be", K_UTF16BE) X(utf_32, "utf-32", K_UTF32)                  \
    X(utf_32_le, "utf-32-le", K_UTF32) X(utf_32_be, "utf-32-be", K_UTF32)              \
    X(unicode_escape, "unicode_escape", K_BYTE)

#define DEF_CODEC_FUNCS(NAME, ENC, KIND)                                                 \
    static Obj *NAME##_encode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)  \
    {                                                                                   \
        return stateless_encode(#NAME "_encode", ENC, args, nargs, kwnames);            \
    }                                                                                   \
    static Obj *NAME##_decode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)  \
    {                                                                                   \
        size_t used = 0;                                                                \
        Obj *r = stateless_decode(#NAME "_decode", ENC, KIND, 0, args, nargs, kwnames,  \
                                  &used);                                               \
        return pair(r, (ssize_t)used);                                                  \
    }
CODEC_FUNCS(DEF_CODEC_FUNCS)
#undef DEF_CODEC_FUNCS

/* utf_16_ex_decode / utf_32_ex_decode(data, errors=None, byteorder=0,
 * final=False) -> (str, consumed, byteorder): byteorder 0 looks for a byte
 * order mark (-1 little endian, 1 big endian, 0 none: little endian). */
static Obj *ex_decode(const char *fname, int unit, Obj *const *args, size_t nargs,
                      Obj *kwnames)
{
    const char *d = "";
    size_t n = 0;
    int64_t bo = 0;
    if (nargs >= 1 && !vm_bytes_buffer_any(args[0], &d, &n))
        return vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                          vm_tname(args[0]));
    if (nargs >= 3 && vm_txt_ssize(args[2], &bo) < 0)
        return NULL;
    size_t skip = 0;
    const unsigned char *u = (const unsigned char *)d;
    if (bo == 0 && unit == 2 && n >= 2 && u[0] == 0xff && u[1] == 0xfe)
        bo = -1, skip = 2;
    else if (bo == 0 && unit == 2 && n >= 2 && u[0] == 0xfe && u[1] == 0xff)
        bo = 1, skip = 2;
    else if (bo == 0 && unit == 4 && n >= 4 && memcmp(u, "\xff\xfe\0\0", 4) == 0)
        bo = -1, skip = 4;
    else if (bo == 0 && unit == 4 && n >= 4 && memcmp(u, "\0\0\xfe\xff", 4) == 0)
        bo = 1, skip = 4;
    const char *enc = unit == 2 ? (bo > 0 ? "utf-16-be" : "utf-16-le")
        : (bo > 0 ? "utf-32-be" : "utf-32-le");
    Kind k = unit == 4 ? K_UTF32 : bo > 0 ? K_UTF16BE : K_UTF16LE;
    size_t used = 0;
    Obj *r = stateless_decode(fname, enc, k, skip, args, nargs, kwnames, &used);
    if (!r)
        return NULL;
    Obj *t = vm_tuple_new(3);
    TUPLE_ITEMS(t)[0] = r;
    TUPLE_ITEMS(t)[1] = vm_int_from_i64((int64_t)used);
    TUPLE_ITEMS(t)[2] = vm_int_from_i64(bo);
    return t;
}

static Obj *utf_16_ex_decode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return ex_decode("utf_16_ex_decode", 2, args, nargs, kwnames);
}

static Obj *utf_32_ex_decode(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return ex_decode("utf_32_ex_decode", 4, args, nargs, kwnames);
}

Obj *vm_mod__codecs(void)
{
    Obj *m = vm_module_new("_codecs");
    if (!m)
        return NULL;
    vm_codec_module_funcs(m);
    vm_module_add_func(m, "charmap_decode", cm_decode);
    vm_module_add_func(m, "charmap_encode", cm_encode);
    vm_module_add_func(m, "charmap_build", cm_build);
#define ADD_CODEC_FUNCS(NAME, ENC, KIND)                      \
    vm_module_add_func(m, #NAME "_encode", NAME##_encode);   \
    vm_module_add_func(m, #NAME "_decode", NAME##_decode);
    CODEC_FUNCS(ADD_CODEC_FUNCS)
#undef ADD_CODEC_FUNCS
    vm_module_add_func(m, "utf_16_ex_decode", utf_16_ex_decode);
    vm_module_add_func(m, "utf_32_ex_decode", utf_32_ex_decode);
    if (vm_frozen_exec(m, "_codecs", codecs_src) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
