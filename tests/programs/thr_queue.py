# Producer/consumer over queue.Queue, LifoQueue, PriorityQueue and
# SimpleQueue; task_done/join; Empty and Full.
import queue
import threading

q = queue.Queue(maxsize=3)
results = []
def producer(base):
    for i in range(10):
        q.put(base + i)
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.append(item * 2)
        q.task_done()
prods = [threading.Thread(target=producer, args=(b,)) for b in (0, 100, 200)]
cons = [threading.Thread(target=consumer) for _ in range(2)]
for t in prods + cons: t.start()
for t in prods: t.join()
q.join()
for _ in cons: q.put(None)
for t in cons: t.join()
print(len(results), sorted(results)[:5], sum(results))

try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print('Empty')
full = queue.Queue(1)
full.put(1)
try:
    full.put(2, timeout=0.01)
except queue.Full:
    print('Full')
try:
    full.put_nowait(3)
except queue.Full:
    print('Full nowait')

# ordered hand-off: a pipeline of stages, order preserved
a, b = queue.Queue(), queue.Queue()
def stage():
    while (x := a.get()) is not None:
        b.put(x + 1000)
    b.put(None)
t = threading.Thread(target=stage); t.start()
for i in range(5):
    a.put(i)
a.put(None)
out = []
while (y := b.get()) is not None:
    out.append(y)
t.join()
print(out)

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for v in [3, 1, 2]:
    lq.put(v); pq.put(v)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])
sq = queue.SimpleQueue()
def fill():
    for i in range(4):
        sq.put(i)
t = threading.Thread(target=fill); t.start(); t.join()
print([sq.get() for _ in range(4)], sq.empty())
