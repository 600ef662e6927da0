# zlib.crc32 and zlib.adler32: start values (any int, its low 32 bits),
# bytes-like arguments, running sums, and CPython's argument errors.
import zlib

data = b'The quick brown fox jumps over the lazy dog'
print(zlib.crc32(b''), zlib.adler32(b''))
print(zlib.crc32(data), zlib.adler32(data))
for start in (0, 1, 12345, 0xffffffff, -1, -12345, 2**32 + 7, 2**70 + 3, -2**40, True):
    print(start, zlib.crc32(data, start), zlib.adler32(data, start))
# adler32's partial reductions with unreduced start values
for n in (0, 1, 2, 15, 16, 17, 5551, 5552, 5553, 11104, 20000):
    block = bytes((i * 7 + 3) % 256 for i in range(n))
    print(n, zlib.adler32(block), zlib.adler32(block, 0xffffffff),
          zlib.adler32(block, 0xfff0fff0), zlib.crc32(block), zlib.crc32(block, 0xdeadbeef))
# running values equal one pass
crc, adl = 0, 1
for i in range(0, len(data), 5):
    crc = zlib.crc32(data[i:i + 5], crc)
    adl = zlib.adler32(data[i:i + 5], adl)
print(crc == zlib.crc32(data), adl == zlib.adler32(data))
print(zlib.crc32(bytearray(data)), zlib.crc32(memoryview(data)[4:9]), zlib.adler32(memoryview(b'abc')))
big = bytes(range(256)) * 4096
print(zlib.crc32(big), zlib.adler32(big))


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


attempt(lambda: zlib.crc32('text'))
attempt(lambda: zlib.crc32(None))
attempt(lambda: zlib.adler32([1, 2]))
attempt(lambda: zlib.crc32(b'a', 1.5))
attempt(lambda: zlib.crc32(b'a', None))
attempt(lambda: zlib.crc32())
attempt(lambda: zlib.adler32(b'a', 1, 2))
attempt(lambda: zlib.adler32(b'a', value=3))
attempt(lambda: zlib.crc32(data=b'a'))
