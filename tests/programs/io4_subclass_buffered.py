import io
class Upper(io.BufferedReader):
    def read(self, n=-1):
        return super().read(n).upper()
r = Upper(io.BytesIO(b'hello world\nsecond line\n'))
print(r.read(5), r.peek(1)[:1], r.readline(), r.read(), r.tell())
b = io.BufferedReader(io.BytesIO(b'abc\ndef\n'), buffer_size=2)
print(list(b), b.closed, repr(b)[:20])
class Raw(io.RawIOBase):
    def __init__(self, data): self.data, self.pos = data, 0
    def readable(self): return True
    def readinto(self, buf):
        n = min(len(buf), 3, len(self.data) - self.pos)
        buf[:n] = self.data[self.pos:self.pos + n]; self.pos += n
        return n
raw = Raw(b'0123456789')
print(raw.read(2), raw.read(), Raw(b'xyz').readall())
br = io.BufferedReader(Raw(b'line1\nline2\nline3'))
print(br.readline(), br.read1(2), br.read(), br.read())
out = io.BytesIO()
w = io.BufferedWriter(out, buffer_size=4)
print(w.write(b'ab'), out.getvalue(), w.write(b'cdef'), out.getvalue())
w.flush(); print(out.getvalue(), w.writable(), w.readable())
class Counting(io.BufferedWriter):
    n = 0
    def write(self, b):
        self.n += 1
        return super().write(b)
c = Counting(io.BytesIO())
c.write(b'x'); c.write(b'yz'); c.flush(); print(c.n, c.raw.getvalue())
rw = io.BufferedRandom(io.BytesIO(b'0123456789'))
print(rw.read(3), rw.write(b'AB'), rw.seek(0), rw.read())
pair = io.BufferedRWPair(io.BytesIO(b'in'), io.BytesIO())
print(pair.read(), pair.write(b'out'))
print(issubclass(Upper, io.BufferedIOBase), isinstance(r, io.IOBase), isinstance(open(__file__, 'rb'), io.BufferedReader))
try: io.BufferedReader(io.BytesIO(), 0)
except ValueError as e: print('ValueError', e)
t = io.TextIOWrapper(io.BufferedReader(io.BytesIO('héllo\nwörld\n'.encode())), encoding='utf-8')
print(t.readlines())
import os, tempfile
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'f')
    with io.FileIO(p, 'w') as f:
        print(f.write(b'raw bytes'), f.mode, f.closefd, f.name == p)
    with io.FileIO(p) as f:
        print(f.read(3), f.readall(), f.tell(), f.seekable())
    with io.BufferedReader(io.FileIO(p)) as f:
        print(f.read(), f.raw.mode)
    class Log(io.FileIO):
        def write(self, b):
            return super().write(b.upper())
    with Log(p, 'w') as f: f.write(b'shout')
    print(open(p, 'rb').read())
    try: io.FileIO(d)
    except IsADirectoryError as e: print('IsADirectoryError', e.errno)
