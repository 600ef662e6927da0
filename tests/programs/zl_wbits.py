# wbits: zlib (8..15), raw (-9..-15), gzip (16+N) and automatic (32+N, 0)
# streams; gzip headers with optional fields built by hand; the window
# size in the zlib header.
import struct
import zlib

data = b''.join(b'%d squared is %d; ' % (i, i * i) for i in range(2000))
for wbits in (8, 9, 10, 12, 15, -9, -10, -15, 25, 31):
    c = zlib.compress(data, 6, wbits)
    print(wbits, c[:2] if wbits > 0 else b'', len(c), zlib.crc32(c))
    dw = wbits if wbits != 8 else 9
    print('  back', zlib.decompress(c, dw) == data, end=' ')
    if 8 <= wbits <= 15:
        print(zlib.decompress(c, 0) == data, zlib.decompress(c, 32 + 15) == data, end=' ')
    if wbits > 16:
        print(zlib.decompress(c, 47) == data, zlib.decompress(c, 16) == data, end=' ')
    print()
print(zlib.compress(b'x', 1, 31))
print(zlib.compress(b'x', 9, 31))
print(zlib.compress(b'x', 5, 31))
co = zlib.compressobj(6, zlib.DEFLATED, 31, 8, zlib.Z_HUFFMAN_ONLY)
print(co.compress(b'x') + co.flush())

# a gzip member with FEXTRA, FNAME, FCOMMENT and FHCRC
body = zlib.compress(b'payload ' * 10, 6, -15)
flags = 0x04 | 0x08 | 0x10 | 0x02
head = b'\x1f\x8b\x08' + bytes([flags]) + struct.pack('<I', 1234567) + b'\x02\x03'
head += struct.pack('<H', 5) + b'EXTRA' + b'name.txt\x00' + b'a comment\x00'
head += struct.pack('<H', zlib.crc32(head) & 0xffff)
trail = struct.pack('<II', zlib.crc32(b'payload ' * 10), 80)
member = head + body + trail
print(zlib.decompress(member, 31))
print(zlib.decompress(member + b'second', 47))
d = zlib.decompressobj(31)
print(b''.join(d.decompress(member[i:i + 3]) for i in range(0, len(member), 3)), d.eof)
bad = bytearray(member)
bad[len(head) - 1] ^= 0xff
try:
    zlib.decompress(bytes(bad), 31)
except zlib.error as e:
    print(e)
# a zlib stream with a 512-byte window cannot be read with wbits=8
c = zlib.compress(data, 6, 9)
for wb in (8, 9, 15, 0):
    try:
        print(wb, zlib.decompress(c, wb) == data)
    except zlib.error as e:
        print(wb, e)
