# slice.indices with small and huge bounds/lengths, slice errors, equality,
# hashing, slicing of list/tuple/str/bytes and slice assignment.
B = 10**25
sl = [slice(None), slice(3), slice(1, 5), slice(1, 10, 2), slice(-3, None), slice(None, None, -1), slice(10, -10, -3), slice(-B, B), slice(B, -B, -1), slice(2, 2), slice(None, -1, None)]
for s in sl:
    for n in (0, 1, 5, 10, 17):
        print(s.indices(n), end=' ')
    print(repr(s), s.start, s.stop, s.step)
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print(e)
try:
    slice('a', 2).indices(5)
except TypeError as e:
    print(e)
try:
    slice(1, 2).indices('x')
except TypeError as e:
    print(e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) < slice(1, 3), slice(1, 2, 3) > slice(1, 2, 2))
try:
    slice(1, 2, 3) > slice(1, 2)
except TypeError as e:
    print(e)
try:
    hash(slice(1, 2))
    print('hashable')
except TypeError as e:
    print(e)
print(slice('a', [1], {}), slice(1.5, 2.5))
l = list(range(20))
print(l[slice(2, 15, 3)], l[B:], l[-B:3], l[::B], l[::-B])
t = tuple(l)
print(t[5:-5:2], t[::-4], 'abcdefgh'[slice(1, None, 3)], b'abcdef'[::-2])
class I:
    def __index__(self): return 3
print(slice(I(), I()).indices(10), l[I():I() + 4 if False else 7], slice(None, None, I()).indices(10))
try:
    l[1.5:2]
except TypeError as e:
    print(e)
try:
    l[::0]
except ValueError as e:
    print(e)
m = list(range(10))
m[2:5] = 'ab'; print(m)
m[::2] = range(5); print(m)
try:
    m[::2] = [1]
except ValueError as e:
    print(e)
del m[::3]; print(m)
m[1:1] = (7, 8); print(m)
m[-B:B] = [0]; print(m)
print(slice(1, 2).__reduce__(), slice(1))
print(type(slice).__name__, slice.__name__)
try:
    slice()
except TypeError as e:
    print(e)
try:
    slice(1, 2, 3, 4)
except TypeError as e:
    print(e)
B = 10**30
print(slice(1, 2).indices(B), slice(None).indices(B), slice(-5, None, -1).indices(B), slice(-B, B, B).indices(2**64))
print(slice(None, None, B).indices(5), slice(None, None, -B).indices(5), slice(B, None, -1).indices(7))
