/* cmd/pyvm/mod_struct.c: the built-in module _struct, which the stdlib's
 * struct.py re-exports: pack, unpack, calcsize, pack_into, unpack_from,
 * iter_unpack, the Struct class and struct.error.
 *
 * Stage: pyvm.  The format parsing and the integer, bytes and bool codes
 * are written in Python (import_frozen.c); the C part converts floats to
 * and from the IEEE 754 binary16/32/64 layouts (_fpack, _funpack), which
 * Python code cannot reach without this module.  Sizes and alignments are
 * those of an LP64 machine (the only kind pyvm is built for).
 */
#include "cmd/pyvm/module.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"

/* x as an IEEE binary16 bit pattern; -1 when it is too large. */
static int st_half_bits(double x, uint16_t *out)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    double a = fabs(x);
    if (isnan(x)) {
        *out = sign | 0x7e00;
        return 0;
    }
    if (isinf(x)) {
        *out = sign | 0x7c00;
        return 0;
    }
    if (a >= 65520.0)       /* rounds to infinity */
        return -1;
    if (a < ldexp(1.0, -14)) {      /* subnormal (or zero): units of 2**-24 */
        *out = sign | (uint16_t)nearbyint(a * ldexp(1.0, 24));
        return 0;
    }
    int k;
    double f = frexp(a, &k);        /* a = f * 2**k, f in [0.5, 1) */
    int e = k - 1;
    double m = nearbyint((f * 2.0 - 1.0) * 1024.0);
    if (m >= 1024.0) {
        m = 0.0;
        e++;
    }
    *out = (uint16_t)(sign | (uint16_t)((e + 15) << 10) | (uint16_t)m);
    return 0;
}

static double st_half_value(uint16_t h)
{
    int e = (h >> 10) & 0x1f;
    int m = h & 0x3ff;
    double v;
    if (e == 0x1f)
        v = m ? NAN : INFINITY;
    else if (e == 0)
        v = ldexp((double)m, -24);
    else
        v = ldexp(1024.0 + m, e - 25);
    return (h & 0x8000) ? -v : v;
}

/* _fpack(x, size, little): the size-byte (2, 4 or 8) encoding of float x. */
static Obj *st_fpack(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    if (vm_nokw("_fpack", kwnames) < 0 || vm_argc("_fpack", nargs, 3, 3) < 0)
        return NULL;
    if (!FLOAT_CHECK(args[0]))
        return vm_err_str(&vm_exc_TypeError, "required argument is not a float");
    double x = FLOAT_VAL(args[0]);
    int64_t size;
    if (vm_int_as_i64(args[1], &size) < 0)
        return NULL;
    bool little = args[2] == VM_TRUE;
    unsigned char b[8];
    uint64_t bits = 0;
    if (size == 2) {
        uint16_t h;
        if (st_half_bits(x, &h) < 0)
            return vm_err_str(&vm_exc_OverflowError, "float too large to pack with e format");
        bits = h;
    } else if (size == 4) {
        float f;
        if (isfinite(x) && fabs(x) > FLT_MAX) {
            /* between FLT_MAX and the halfway point to 2**128 rounds down */
            if (fabs(x) >= ldexp(1.0, 128) - ldexp(1.0, 103))
                return vm_err_str(&vm_exc_OverflowError,
                                  "float too large to pack with f format");
            f = x < 0 ? -FLT_MAX : FLT_MAX;
        } else {
            f = (float)x;
        }
        uint32_t u;
        memcpy(&u, &f, 4);
        bits = u;
    } else {
        size = 8;
        memcpy(&bits, &x, 8);
    }
    for (int64_t i = 0; i < size; i++) {
        unsigned char c = (unsigned char)(bits >> (8 * i));
        b[little ? i : size - 1 - i] = c;
    }
    return vm_bytes_new((const char *)b, (size_t)size);
}

/* _funpack(data, little): the float that 2, 4 or 8 bytes encode. */
static Obj *st_funpack(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    (void)self;
    if (vm_nokw("_funpack", kwnames) < 0 || vm_argc("_funpack", nargs, 2, 2) < 0)
        return NULL;
    const char *data;
    size_t len;
    if (!vm_bytes_buffer(args[0], &data, &len) || (len != 2 && len != 4 && len != 8))
        return vm_err_str(&vm_exc_TypeError, "_funpack needs 2, 4 or 8 bytes");
    bool little = args[1] == VM_TRUE;
    uint64_t bits = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[little ? i : len - 1 - i];
        bits |= (uint64_t)c << (8 * i);
    }
    if (len == 2)
        return vm_float_new(st_half_value((uint16_t)bits));
    if (len == 4) {
        uint32_t u = (uint32_t)bits;
        float f;
        memcpy(&f, &u, 4);
        return vm_float_new((double)f);
    }
    double d;
    memcpy(&d, &bits, 8);
    return vm_float_new(d);
}

static const char struct_src[] =
    "class error(Exception):\n"
    "    __module__ = 'struct'\n"
    "\n"
    "_NATIVE = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2,\n"
    "           'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'n': 8, 'N': 8,\n"
    "           'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1, 'P': 8}\n"
    "_STD = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2,\n"
    "        'i': 4, 'I': 4, 'l': 4, 'L': 4, 'q': 8, 'Q': 8,\n"
    "        'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}\n"
    "_NAMES = {'b': 'byte', 'B': 'ubyte', 'h': 'short', 'H': 'ushort'}\n"
    "_SIGNED = 'bhilqn'\n"
    "\n"
    "def _parse(fmt):\n"
    "    if isinstance(fmt, bytes):\n"
    "        fmt = fmt.decode('latin-1')\n"
    "    elif not isinstance(fmt, str):\n"
    "        raise TypeError(\"Struct() argument 1 must be a str or bytes object, not %s\"\n"
    "                        % type(fmt).__name__)\n"
    "    order = '@'\n"
    "    i = 0\n"
    "    if fmt and fmt[0] in '@=<>!':\n"
    "        order = fmt[0]\n"
    "        i = 1\n"
    "    native = order == '@'\n"
    "    little = order == '<' or (order in '@=' and _sys_little)\n"
    "    table = _NATIVE if native else _STD\n"
    "    items = []\n"
    "    offset = 0\n"
    "    nitems = 0\n"
    "    n = len(fmt)\n"
    "    while i < n:\n"
    "        ch = fmt[i]\n"
    "        if ch.isspace():\n"
    "            i += 1\n"
    "            continue\n"
    "        count = 1\n"
    "        if '0' <= ch <= '9':\n"
    "            count = 0\n"
    "            while i < n and '0' <= fmt[i] <= '9':\n"
    "                count = count * 10 + ord(fmt[i]) - 48\n"
    "                i += 1\n"
    "            if i >= n:\n"
    "                raise error('repeat count given without format specifier')\n"
    "            ch = fmt[i]\n"
    "        if ch not in table:\n"
    "            raise error('bad char in struct format')\n"
    "        size = table[ch]\n"
    "        if native and offset % size and ch not in 'spxc?bB':\n"
    "            offset += size - offset % size\n"
    "        if ch in 'sp':\n"
    "            items.append((ch, count, offset, size))\n"
    "            offset += count\n"
    "            nitems += 1\n"
    "        elif ch == 'x':\n"
    "            offset += count\n"
    "        else:\n"
    "            for _ in range(count):\n"
    "                items.append((ch, 1, offset, size))\n"
    "                offset += size\n"
    "            nitems += count\n"
    "        i += 1\n"
    "    return fmt, little, items, offset, nitems\n"
    "\n"
    "def _int_arg(v):\n"
    "    if isinstance(v, int):\n"
    "        return int(v)\n"
    "    if hasattr(type(v), '__index__') and not isinstance(v, float):\n"
    "        return type(v).__index__(v)\n"
    "    raise error('required argument is not an integer')\n"
    "\n"
    "def _pack_int(ch, v, size, little):\n"
    "    v = _int_arg(v)\n"
    "    signed = ch in _SIGNED\n"
    "    bits = size * 8\n"
    "    lo = -(1 << (bits - 1)) if signed else 0\n"
    "    hi = (1 << (bits - 1)) - 1 if signed else (1 << bits) - 1\n"
    "    if v < lo or v > hi:\n"
    "        if size == 8 or v < -(1 << 63) or v >= (1 << 63) or (v < 0 and size == 4 and not signed):\n"
    "            raise error('argument out of range')\n"
    "        if ch in _NAMES:\n"
    "            raise error('%s format requires %d <= number <= %d' % (_NAMES[ch], lo, hi))\n"
    "        raise error(\"'%s' format requires %d <= number <= %d\" % (ch, lo, hi))\n"
    "    return v.to_bytes(size, 'little' if little else 'big', signed=signed)\n"
    "\n"
    "def _pack_one(ch, cnt, size, v, little):\n"
    "    if ch in 'bBhHiIlLqQnNP':\n"
    "        return _pack_int(ch, v, size, little)\n"
    "    if ch == 'c':\n"
    "        if not isinstance(v, (bytes, bytearray)) or len(v) != 1:\n"
    "            raise error('char format requires a bytes object of length 1')\n"
    "        return bytes(v)\n"
    "    if ch == '?':\n"
    "        return b'\\x01' if v else b'\\x00'\n"
    "    if ch in 'efd':\n"
    "        if not isinstance(v, float):\n"
    "            if hasattr(type(v), '__float__') or hasattr(type(v), '__index__'):\n"
    "                v = float(v)\n"
    "            else:\n"
    "                raise error('required argument is not a float')\n"
    "        return _fpack(v, size, little)\n"
    "    if not isinstance(v, (bytes, bytearray)):\n"
    "        raise error(\"argument for '%s' must be a bytes object\" % ch)\n"
    "    if ch == 's':\n"
    "        return bytes(v[:cnt]) + bytes(max(0, cnt - len(v)))\n"
    "    if cnt == 0:\n"
    "        return b''\n"
    "    body = bytes(v[:cnt - 1])\n"
    "    return bytes([min(len(v), cnt - 1, 255)]) + body + bytes(cnt - 1 - len(body))\n"
    "\n"
    "def _unpack_one(ch, cnt, size, buf, off, little):\n"
    "    if ch in 'bBhHiIlLqQnNP':\n"
    "        return int.from_bytes(buf[off:off + size], 'little' if little else 'big',\n"
    "                              signed=ch in _SIGNED)\n"
    "    if ch == 'c':\n"
    "        return bytes(buf[off:off + 1])\n"
    "    if ch == '?':\n"
    "        return buf[off] != 0\n"
    "    if ch in 'efd':\n"
    "        return _funpack(bytes(buf[off:off + size]), little)\n"
    "    if ch == 's':\n"
    "        return bytes(buf[off:off + cnt])\n"
    "    if cnt == 0:\n"
    "        return b''\n"
    "    n = min(buf[off], cnt - 1)\n"
    "    return bytes(buf[off + 1:off + 1 + n])\n"
    "\n"
    "def _buflen(buf):\n"
    "    if not isinstance(buf, (bytes, bytearray, memoryview)):\n"
    "        raise TypeError(\"a bytes-like object is required, not '%s'\" % type(buf).__name__)\n"
    "    return len(buf)\n"
    "\n"
    "def _bview(buf):\n"
    "    # another buffer (array.array, a typed memoryview) as its bytes\n"
    "    if isinstance(buf, (bytes, bytearray)):\n"
    "        return buf\n"
    "    try:\n"
    "        return memoryview(buf).cast('B')\n"
    "    except TypeError:\n"
    "        return buf\n"
    "\n"
    "class Struct:\n"
    "    __module__ = '_struct'\n"
    "    def __init__(self, format):\n"
    "        self._fmt, self._little, self._items, self.size, self._n = _parse(format)\n"
    "        self.format = self._fmt\n"
    "    def pack(self, *args):\n"
    "        if len(args) != self._n:\n"
    "            raise error('pack expected %d items for packing (got %d)' % (self._n, len(args)))\n"
    "        out = bytearray(self.size)\n"
    "        for (ch, cnt, off, size), v in zip(self._items, args):\n"
    "            b = _pack_one(ch, cnt, size, v, self._little)\n"
    "            out[off:off + len(b)] = b\n"
    "        return bytes(out)\n"
    "    def pack_into(self, buffer, offset, *args):\n"
    "        if len(args) != self._n:\n"
    "            raise error('pack expected %d items for packing (got %d)' % (self._n, len(args)))\n"
    "        offset = _int_arg(offset)\n"
    "        buffer = _bview(buffer)\n"
    "        blen = len(buffer)\n"
    "        if offset < 0:\n"
    "            if offset + self.size > 0:\n"
    "                raise error('no space to pack %d bytes at offset %d' % (self.size, offset))\n"
    "            if offset + blen < 0:\n"
    "                raise error('offset %d out of range for %d-byte buffer' % (offset, blen))\n"
    "            offset += blen\n"
    "        if blen - offset < self.size:\n"
    "            raise error('pack_into requires a buffer of at least %d bytes for packing %d '\n"
    "                        'bytes at offset %d (actual buffer size is %d)'\n"
    "                        % (self.size + offset, self.size, offset, blen))\n"
    "        buffer[offset:offset + self.size] = self.pack(*args)\n"
    "    def unpack(self, buffer):\n"
    "        buffer = _bview(buffer)\n"
    "        if _buflen(buffer) != self.size:\n"
    "            raise error('unpack requires a buffer of %d bytes' % self.size)\n"
    "        return self._unpack_at(buffer, 0)\n"
    "    def _unpack_at(self, buf, base):\n"
    "        lt = self._little\n"
    "        return tuple([_unpack_one(ch, cnt, size, buf, base + off, lt)\n"
    "                      for ch, cnt, off, size in self._items])\n"
    "    def unpack_from(self, buffer, offset=0):\n"
    "        buffer = _bview(buffer)\n"
    "        blen = _buflen(buffer)\n"
    "        offset = _int_arg(offset)\n"
    "        if offset < 0:\n"
    "            if offset + blen < 0:\n"
    "                raise error('offset %d out of range for %d-byte buffer' % (offset, blen))\n"
    "            if offset + self.size > 0:\n"
    "                raise error('not enough data to unpack %d bytes at offset %d'\n"
    "                            % (self.size, offset))\n"
    "            offset += blen\n"
    "        if blen - offset < self.size:\n"
    "            raise error('unpack_from requires a buffer of at least %d bytes for unpacking %d '\n"
    "                        'bytes at offset %d (actual buffer size is %d)'\n"
    "                        % (self.size + offset, self.size, offset, blen))\n"
    "        return self._unpack_at(buffer, offset)\n"
    "    def iter_unpack(self, buffer):\n"
    "        buffer = _bview(buffer)\n"
    "        blen = _buflen(buffer)\n"
    "        if self.size == 0:\n"
    "            raise error('cannot iteratively unpack with a struct of length 0')\n"
    "        if blen % self.size:\n"
    "            raise error('iterative unpacking requires a buffer of a multiple of %d bytes'\n"
    "                        % self.size)\n"
    "        return self._iter(buffer, blen)\n"
    "    def _iter(self, buffer, blen):\n"
    "        for base in range(0, blen, self.size):\n"
    "            yield self._unpack_at(buffer, base)\n"
    "\n"
    "_cache = {}\n"
    "\n"
    "def _get(fmt):\n"
    "    s = _cache.get(fmt)\n"
    "    if s is None:\n"
    "        if len(_cache) > 100:\n"
    "            _cache.clear()\n"
    "        s = _cache[fmt] = Struct(fmt)\n"
    "    return s\n"
    "\n"
    "def _clearcache():\n"
    "    _cache.clear()\n"
    "\n"
    "def calcsize(format):\n"
    "    return _get(format).size\n"
    "\n"
    "def pack(format, *args):\n"
    "    return _get(format).pack(*args)\n"
    "\n"
    "def pack_into(format, buffer, offset, *args):\n"
    "    return _get(format).pack_into(buffer, offset, *args)\n"
    "\n"
    "def unpack(format, buffer):\n"
    "    return _get(format).unpack(buffer)\n"
    "\n"
    "def unpack_from(format, buffer, offset=0):\n"
    "    return _get(format).unpack_from(buffer, offset)\n"
    "\n"
    "def iter_unpack(format, buffer):\n"
    "    return _get(format).iter_unpack(buffer)\n"
    "\n"
    "__doc__ = 'Functions to convert between Python values and C structs.'\n"
    ;

Obj *vm_mod__struct(void)
{
    Obj *m = vm_module_new("_struct");
    if (!m)
        return NULL;
    vm_module_add_func(m, "_fpack", st_fpack);
    vm_module_add_func(m, "_funpack", st_funpack);
    uint16_t one = 1;
    unsigned char first;
    memcpy(&first, &one, 1);
    vm_module_add(m, "_sys_little", first ? VM_TRUE : VM_FALSE);
    if (vm_frozen_exec(m, "_struct", struct_src) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
