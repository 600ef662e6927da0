data = [(i * 37) % 101 for i in range(300)]
s = sorted(data); print(s[:10], s[-5:], s == sorted(data, reverse=True)[::-1])
recs = [(k % 5, i) for i, k in enumerate(data)]
by = sorted(recs, key=lambda r: r[0]); print(by[:8], all(by[i][1] < by[i + 1][1] for i in range(len(by) - 1) if by[i][0] == by[i + 1][0]))
rev = sorted(recs, key=lambda r: r[0], reverse=True); print(rev[:8], all(rev[i][1] < rev[i + 1][1] for i in range(len(rev) - 1) if rev[i][0] == rev[i + 1][0]))
words = 'The quick brown fox Jumps over the Lazy dog'.split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([3.5, 1, 2.25, -1, True, 0]), sorted([[3, 1], [2], [3, 0], []]), sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
print(sorted(range(20), key=lambda x: (x % 3, -x)))
def cmp(a, b): return (a > b) - (a < b)
class CmpKey:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return cmp(o.v, self.v) < 0
print(sorted([5, 2, 9, 1], key=CmpKey))
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'K%d' % self.v
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5), K(1)]), min([K(3), K(5), K(1)]))
class Bad:
    def __lt__(self, o): raise RuntimeError('no compare')
try: sorted([Bad(), Bad()])
except RuntimeError as e: print(e)
lst = [3, 1, 2]
try: lst.sort(key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e: print(e, lst)
try: [1, None, 'a'].sort()
except TypeError as e: print(e)
try: sorted([1, 2], key=1)
except TypeError as e: print(e)
x = list(range(10)); x.sort(key=lambda v: -v); print(x); x.sort(reverse=False); print(x)
print([].sort(), sorted(()), sorted(iter([2, 1])), sorted('ba', key=None, reverse=True))
big = [(i * 7919) % 10007 for i in range(5000)]
print(sorted(big)[:5], sorted(big)[-3:], sorted(big) == sorted(sorted(big)), len(set(big)))
