/* cmd/pyvm/mod_binascii.c: the built-in module binascii, which the
 * stdlib's base64.py uses: hexlify/b2a_hex, unhexlify/a2b_hex,
 * b2a_base64, a2b_base64 (strict_mode), crc32, crc_hqx, Error and
 * Incomplete.
 *
 * Stage: pyvm.  The argument checks and the hex and base64 codecs are
 * written in Python (import_frozen.c); the two checksums run in C
 * (_crc32: the reflected polynomial 0xEDB88320 of zlib; _crc_hqx: the
 * CCITT polynomial 0x1021, most significant bit first, as BinHex uses).
 */
#include "cmd/pyvm/module.h"

#include <stdint.h>

#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"

/* The data and starting value of _crc32(data, value) / _crc_hqx(...). */
static int ba_crc_args(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                       const unsigned char **data, size_t *len, uint32_t *start)
{
    if (vm_nokw(fname, kwnames) < 0 || vm_argc(fname, nargs, 2, 2) < 0)
        return -1;
    const char *d;
    if (!vm_bytes_buffer(args[0], &d, len)) {
        vm_err_str(&vm_exc_TypeError, "a bytes-like object is required");
        return -1;
    }
    *data = (const unsigned char *)d;
    int64_t v;
    if (vm_int_as_i64(args[1], &v) < 0)
        return -1;
    *start = (uint32_t)v;
    return 0;
}

static Obj *ba_crc32(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    const unsigned char *p;
    size_t n;
    uint32_t crc;
    if (ba_crc_args("_crc32", args, nargs, kwnames, &p, &n, &crc) < 0)
        return NULL;
    crc = ~crc;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return vm_int_from_i64((int64_t)(uint32_t)~crc);
}

static Obj *ba_crc_hqx(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    const unsigned char *p;
    size_t n;
    uint32_t crc;
    if (ba_crc_args("_crc_hqx", args, nargs, kwnames, &p, &n, &crc) < 0)
        return NULL;
    crc &= 0xffff;
    for (size_t i = 0; i < n; i++) {
        crc ^= (uint32_t)p[i] << 8;
        for (int k = 0; k < 8; k++)
            crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    return vm_int_from_i64((int64_t)crc);
}

static const char binascii_src[] =
    "class Error(ValueError):\n"
    "    __module__ = 'binascii'\n"
    "\n"
    "class Incomplete(Exception):\n"
    "    __module__ = 'binascii'\n"
    "\n"
    "_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'\n"
    "_B64REV = [-1] * 256\n"
    "for _i, _c in enumerate(_B64):\n"
    "    _B64REV[_c] = _i\n"
    "_HEXREV = [-1] * 256\n"
    "for _i, _c in enumerate(b'0123456789abcdef'):\n"
    "    _HEXREV[_c] = _i\n"
    "    _HEXREV[b'0123456789ABCDEF'[_i]] = _i\n"
    "del _i, _c\n"
    "\n"
    "def _wbuf(data):\n"
    "    if isinstance(data, str):\n"
    "        raise TypeError(\"a bytes-like object is required, not 'str'\")\n"
    "    if isinstance(data, bytes):\n"
    "        return data\n"
    "    try:\n"
    "        return bytes(memoryview(data))\n"
    "    except TypeError:\n"
    "        raise TypeError(\"a bytes-like object is required, not '%s'\"\n"
    "                        % type(data).__name__) from None\n"
    "\n"
    "def _abuf(data):\n"
    "    if isinstance(data, str):\n"
    "        if not data.isascii():\n"
    "            raise ValueError('string argument should contain only ASCII characters')\n"
    "        return data.encode('ascii')\n"
    "    if isinstance(data, bytes):\n"
    "        return data\n"
    "    try:\n"
    "        return bytes(memoryview(data))\n"
    "    except TypeError:\n"
    "        raise TypeError(\"argument should be bytes, buffer or ASCII string, not '%s'\"\n"
    "                        % type(data).__name__) from None\n"
    "\n"
    "_NOSEP = object()\n"
    "\n"
    "def hexlify(data, sep=_NOSEP, bytes_per_sep=1):\n"
    "    data = _wbuf(data)\n"
    "    if sep is _NOSEP:\n"
    "        return data.hex().encode('ascii')\n"
    "    return data.hex(sep, bytes_per_sep).encode('ascii')\n"
    "\n"
    "def b2a_hex(data, sep=_NOSEP, bytes_per_sep=1):\n"
    "    return hexlify(data, sep, bytes_per_sep)\n"
    "\n"
    "def unhexlify(hexstr):\n"
    "    data = _abuf(hexstr)\n"
    "    if len(data) % 2:\n"
    "        raise Error('Odd-length string')\n"
    "    out = bytearray()\n"
    "    rev = _HEXREV\n"
    "    for i in range(0, len(data), 2):\n"
    "        hi = rev[data[i]]\n"
    "        lo = rev[data[i + 1]]\n"
    "        if hi < 0 or lo < 0:\n"
    "            raise Error('Non-hexadecimal digit found')\n"
    "        out.append(hi * 16 + lo)\n"
    "    return bytes(out)\n"
    "\n"
    "def a2b_hex(hexstr):\n"
    "    return unhexlify(hexstr)\n"
    "\n"
    "def b2a_base64(data, *, newline=True):\n"
    "    data = _wbuf(data)\n"
    "    out = bytearray()\n"
    "    n = len(data)\n"
    "    tab = _B64\n"
    "    for i in range(0, n - n % 3, 3):\n"
    "        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]\n"
    "        out += bytes((tab[v >> 18], tab[(v >> 12) & 63], tab[(v >> 6) & 63], tab[v & 63]))\n"
    "    rest = n % 3\n"
    "    if rest == 1:\n"
    "        v = data[n - 1] << 16\n"
    "        out += bytes((tab[v >> 18], tab[(v >> 12) & 63], 61, 61))\n"
    "    elif rest == 2:\n"
    "        v = (data[n - 2] << 16) | (data[n - 1] << 8)\n"
    "        out += bytes((tab[v >> 18], tab[(v >> 12) & 63], tab[(v >> 6) & 63], 61))\n"
    "    if newline:\n"
    "        out.append(10)\n"
    "    return bytes(out)\n"
    "\n"
    "def a2b_base64(data, *, strict_mode=False):\n"
    "    data = _abuf(data)\n"
    "    strict_mode = bool(strict_mode)\n"
    "    out = bytearray()\n"
    "    quad = 0\n"
    "    left = 0\n"
    "    pads = 0\n"
    "    padding_started = False\n"
    "    if strict_mode and data[:1] == b'=':\n"
    "        raise Error('Leading padding not allowed')\n"
    "    n = len(data)\n"
    "    rev = _B64REV\n"
    "    i = 0\n"
    "    while i < n:\n"
    "        c = data[i]\n"
    "        i += 1\n"
    "        if c == 61:\n"
    "            padding_started = True\n"
    "            if quad >= 2:\n"
    "                pads += 1\n"
    "                if quad + pads >= 4:\n"
    "                    if strict_mode and i < n:\n"
    "                        raise Error('Excess data after padding')\n"
    "                    return bytes(out)\n"
    "            continue\n"
    "        v = rev[c]\n"
    "        if v < 0:\n"
    "            if strict_mode:\n"
    "                raise Error('Only base64 data is allowed')\n"
    "            continue\n"
    "        if strict_mode and padding_started:\n"
    "            raise Error('Discontinuous padding not allowed')\n"
    "        pads = 0\n"
    "        if quad == 0:\n"
    "            quad = 1\n"
    "            left = v\n"
    "        elif quad == 1:\n"
    "            quad = 2\n"
    "            out.append(((left << 2) | (v >> 4)) & 255)\n"
    "            left = v & 15\n"
    "        elif quad == 2:\n"
    "            quad = 3\n"
    "            out.append(((left << 4) | (v >> 2)) & 255)\n"
    "            left = v & 3\n"
    "        else:\n"
    "            quad = 0\n"
    "            out.append(((left << 6) | v) & 255)\n"
    "            left = 0\n"
    "    if quad == 1:\n"
    "        raise Error('Invalid base64-encoded string: number of data characters (%d) '\n"
    "                    'cannot be 1 more than a multiple of 4' % (len(out) // 3 * 4 + 1))\n"
    "    if quad:\n"
    "        raise Error('Incorrect padding')\n"
    "    return bytes(out)\n"
    "\n"
    "def crc32(data, crc=0):\n"
    "    return _crc32(_wbuf(data), crc & 0xffffffff)\n"
    "\n"
    "def crc_hqx(data, crc):\n"
    "    return _crc_hqx(_wbuf(data), crc & 0xffff)\n"
    ;

Obj *vm_mod_binascii(void)
{
    Obj *m = vm_module_new("binascii");
    if (!m)
        return NULL;
    vm_module_add_func(m, "_crc32", ba_crc32);
    vm_module_add_func(m, "_crc_hqx", ba_crc_hqx);
    if (vm_frozen_exec(m, "binascii", binascii_src) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
