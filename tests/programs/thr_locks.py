# Lock, RLock, Condition, Semaphore, BoundedSemaphore, Barrier and Event
# semantics; timeouts that expire return False (no timing is printed).
import threading
import _thread

l = threading.Lock()
print(repr(l).startswith('<unlocked _thread.lock object at 0x'))
print(l.acquire(), l.locked(), repr(l).startswith('<locked _thread.lock'))
print(l.acquire(False), l.acquire(timeout=0.01), l.acquire(True, 0))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print('RuntimeError:', e)
for args, kw in [((False, 1), {}), ((True, -2), {}), ((), {'timeout': 1e20}), ((), {'x': 1})]:
    try:
        l.acquire(*args, **kw)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ':', e)
with l:
    print('in with', l.locked())
print(l.locked())

r = threading.RLock()
print(repr(r).startswith('<unlocked _thread.RLock object owner=0 count=0 at 0x'))
r.acquire(); r.acquire()
print(r._is_owned(), repr(r).startswith("<locked _thread.RLock object owner="), "count=2" in repr(r))
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError:', e)
# another thread cannot take a held RLock, nor release it
r.acquire()
out = []
def other():
    out.append(r.acquire(timeout=0.01))
    try:
        r.release()
    except RuntimeError as e:
        out.append(str(e))
t = threading.Thread(target=other); t.start(); t.join()
print(out)
r.release()

# Condition: a consumer waits for items a producer adds
cond = threading.Condition()
items = []
got = []
def consumer():
    with cond:
        while len(got) < 5:
            while not items:
                cond.wait()
            got.append(items.pop(0))
c = threading.Thread(target=consumer); c.start()
for i in range(5):
    with cond:
        items.append(i)
        cond.notify()
c.join()
print(got)
with cond:
    print(cond.wait(timeout=0.01))
    print(cond.wait_for(lambda: False, timeout=0.01))

# Semaphore: never more than 2 inside at once
sem = threading.Semaphore(2)
inside = [0]; peak = [0]; mu = threading.Lock()
def guarded():
    with sem:
        with mu:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        for _ in range(2000):
            pass
        with mu:
            inside[0] -= 1
ts = [threading.Thread(target=guarded) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print('peak <= 2:', peak[0] <= 2, inside[0])
print(sem.acquire(timeout=0.01), sem.acquire(blocking=False), sem.acquire(False))
bs = threading.BoundedSemaphore(1)
bs.acquire(); bs.release()
try:
    bs.release()
except ValueError as e:
    print('ValueError:', e)

# Barrier: everybody passes together; indices are a permutation
bar = threading.Barrier(4)
idx = []
def party():
    idx.append(bar.wait())
ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts: t.start()
idx.append(bar.wait())
for t in ts: t.join()
print(sorted(idx), bar.broken, bar.n_waiting)
b2 = threading.Barrier(2)
try:
    b2.wait(timeout=0.01)
except threading.BrokenBarrierError:
    print('BrokenBarrierError', b2.broken)

# Event
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
seen = []
def waiter():
    seen.append(ev.wait())
ts = [threading.Thread(target=waiter) for _ in range(3)]
for t in ts: t.start()
ev.set()
for t in ts: t.join()
print(seen, ev.is_set())
ev.clear()
print(ev.is_set())
