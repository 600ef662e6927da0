# range: huge bounds, slicing, index/count, in (also for non-int values), len
# overflow, equality and hashing by value, __index__ arguments, errors.
B = 10**30
rs = [range(10), range(3, 20, 4), range(20, 3, -3), range(0), range(5, 5), range(-B, B, 7), range(B, -B, -B // 3), range(2**63 - 5, 2**63 + 5), range(-2**63 - 3, -2**63 + 3, 2)]
for r in rs:
    try:
        n = len(r)
    except OverflowError as e:
        n = str(e)
    print(repr(r), n, bool(r), r.start, r.stop, r.step)
    print(r[0] if r else None, r[-1] if r else None, r[1:3], r[::-1], r[::2], r[-3:], r[5:1:-2], r[:: -B])
    print(3 in r, B - 3 in r, -B in r)
    if abs(r.stop - r.start) < 10**6:
        print(3.0 in r, True in r, 'x' in r)  # not ints: a linear scan
    for v in (3, 7, -B, 2**63, 19):
        try:
            print(r.index(v), end=' ')
        except ValueError as e:
            print(e, end=' ')
        print(r.count(v), end='; ')
    print()
try:
    len(range(-B, B))
except OverflowError as e:
    print(e)
print(range(-B, B)[B], range(-B, B, 3)[-1], range(0, B)[B - 1])
try:
    range(10)[10]
except IndexError as e:
    print(e)
try:
    range(B)[B]
except IndexError as e:
    print(e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
try:
    range()
except TypeError as e:
    print(e)
try:
    range(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    range(10)['a']
except TypeError as e:
    print(e)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(1, 10, 3) == range(1, 11, 3), range(1) == range(1, 2, 9))
print(hash(range(0)) == hash(range(3, 3)), hash(range(1, 10, 3)) == hash(range(1, 11, 3)))
try:
    range(3) < range(4)
except TypeError as e:
    print(e)
big = range(0, 10**100, 3)
print(10**99 * 3 in big, 10**99 * 3 + 1 in big, big.index(10**99 * 3), big.count(3 * 10**98))
print(big[10**90], len(range(0, 10**6, 7)), list(range(0, -10, -3)), list(reversed(range(1, 10, 4))))
print(list(reversed(range(-B, -B + 10, 3))))
print(range(10).index(True), range(5).count(1.0))
class I:
    def __index__(self): return 4
print(range(I()), range(I(), 10, I())[1], range(10)[I()])
try:
    range(3).index(9)
except ValueError as e:
    print(e)
print(str(range(3)), range(1, 2, 1), range(-5, 5, -1))
