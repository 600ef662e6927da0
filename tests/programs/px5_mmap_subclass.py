# px5: mmap.mmap subclasses (__init__, __new__ through super()), their repr,
# the buffer protocol and methods on them.
import mmap
class M(mmap.mmap):
    def __init__(self, *a, **k):
        self.tag = 'x'
    def first(self):
        return self[0]
m = M(-1, 4)
m[0] = 7
print(type(m).__name__, m.first(), m.tag, len(m), isinstance(m, mmap.mmap), bytes(memoryview(m)))
print(repr(m)[:20])
m.close()
print(m.closed)
class N(mmap.mmap):
    def __new__(cls, n):
        return super().__new__(cls, -1, n)
print(len(N(3)), type(N(2)).__mro__)
with N(5) as n:
    n.write(b'abc')
    print(n.tell(), n[:], n.find(b'c'), repr(n)[:10])
print(n.closed, repr(n))
