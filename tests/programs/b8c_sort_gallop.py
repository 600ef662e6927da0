# Merges that gallop: the comparison count (and min_gallop's adaptation)
# must equal CPython's on block-structured data.
import random

count = 0
class C:
    __slots__ = ('v',)
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        global count
        count += 1
        return self.v < o.v

def cnt(data):
    global count
    count = 0
    l = [C(x) for x in data]
    l.sort()
    assert [c.v for c in l] == sorted(data)
    return count

random.seed(2024)
print(cnt(list(range(1000)) + list(range(1000))))
print(cnt(list(range(0, 2000, 2)) + list(range(1, 2000, 2))))
print(cnt(list(range(500, 1000)) + list(range(500))))
print(cnt(list(range(1000)) + [5]))
print(cnt([5] + list(range(1000))))
blocks = []
for b in range(40):
    base = random.randrange(10000)
    blocks.extend(range(base, base + random.randrange(1, 60)))
print(len(blocks), cnt(blocks))
chunks = [sorted(random.sample(range(5000), 300)) for _ in range(6)]
flat = [x for c in chunks for x in c]
print(cnt(flat))
mixed = []
for i in range(30):
    if i % 3 == 0:
        mixed.extend(random.randrange(100) for _ in range(20))
    else:
        s = sorted(random.randrange(1000) for _ in range(50))
        mixed.extend(s if i % 2 else s[::-1])
print(len(mixed), cnt(mixed))
for n in (64, 65, 127, 128, 129, 1023, 1024, 1025):
    d = list(range(n))
    random.shuffle(d)
    print(n, cnt(d), cnt(sorted(d)), cnt(sorted(d, reverse=True)))
