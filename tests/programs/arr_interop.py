# array.array where CPython takes any buffer: files, hashes, codecs, binascii, int.from_bytes, bytes methods
from array import array
import binascii, hashlib, io, os, tempfile
a = array('B', b'hello')
h = array('h', [1, 2])
print(hashlib.sha256(a).hexdigest()[:16], hashlib.md5(h).hexdigest()[:16])
print(binascii.hexlify(h), binascii.crc32(a), a.tobytes().hex())
print(int.from_bytes(h, 'little'), str(a, 'ascii'), a.tobytes().decode('ascii'), bytes(a).upper())
print(b'-'.join([a, h]), b'hello'.startswith(array('b', b'he')), b'xhellox'.find(a), bytearray(b'ab') + h)
bio = io.BytesIO(); bio.write(h); print(bio.getvalue())
path = os.path.join(tempfile.mkdtemp(), 'arr.bin')
with open(path, 'wb') as f:
    f.write(array('i', [1, 2, 3]))
    array('d', [0.5]).tofile(f)
with open(path, 'rb') as f:
    back = array('i'); back.fromfile(f, 3); dd = array('d'); dd.fromfile(f, 1)
print(back, dd, os.path.getsize(path))
with open(path, 'rb') as f:
    buf = array('b', bytes(4)); n = f.readinto(buf); print(n, buf)
ba = bytearray(8); mv = memoryview(ba); mv[:4] = memoryview(array('B', [1, 2, 3, 4])); print(ba)
