# Sorting tuples and lists of objects logs the __eq__/__lt__ calls CPython makes
# (first differing item found with ==, then <); min/max, heapq, bisect too.
import random
log = []
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        log.append(('eq', self.v, o.v)); return self.v == o.v
    def __lt__(self, o):
        log.append(('lt', self.v, o.v)); return self.v < o.v
    def __hash__(self): return hash(self.v)
random.seed(8)
data = [(V(random.randrange(4)), V(random.randrange(4))) for _ in range(40)]
data.sort()
print(len(log), log[:30])
print([(a.v, b.v) for a, b in data])
log.clear()
data = [(random.randrange(3), V(random.randrange(5))) for _ in range(60)]
data.sort()
print(len(log), log[:20])
log.clear()
data = [[V(random.randrange(3))] for _ in range(30)]
data.sort(reverse=True)
print(len(log), log[:20])
log.clear()
ks = [V(random.randrange(10)) for _ in range(100)]
print(min(ks).v, max(ks).v, len(log))
log.clear()
s = sorted(ks, key=lambda k: (k.v % 3, k))
print([k.v for k in s][:20], len(log))
log.clear()
import heapq
h = []
for k in ks[:30]:
    heapq.heappush(h, k)
print([heapq.heappop(h).v for _ in range(10)], len(log))
import bisect
srt = sorted(ks[:50]); log.clear()
print(bisect.bisect_left(srt, V(5)), bisect.bisect_right(srt, V(5)), len(log))
