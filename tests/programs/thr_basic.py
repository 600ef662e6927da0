# Threads start, run their targets with args and kwargs, and join; results
# are collected and printed after join.
import threading
import _thread

results = {}
lock = threading.Lock()

def work(n, scale=1):
    total = sum(range(n)) * scale
    with lock:
        results[n] = total

threads = [threading.Thread(target=work, args=(1000 * (i + 1),), kwargs={'scale': i})
           for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(results):
    print(k, results[k])
print(all(not t.is_alive() for t in threads))
print(threading.active_count())
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())

# idents differ between threads, and get_ident matches Thread.ident
idents = []
def rec():
    idents.append((threading.get_ident(), threading.current_thread().ident))
t = threading.Thread(target=rec, name='worker-x')
t.start()
t.join()
print(idents[0][0] == idents[0][1], idents[0][0] != threading.get_ident())
print(t.name, repr(t).startswith("<Thread(worker-x, stopped"))
print(isinstance(threading.get_native_id(), int))

# subclassing Thread, run() override
class Sq(threading.Thread):
    def __init__(self, x):
        super().__init__()
        self.x = x
        self.out = None
    def run(self):
        self.out = self.x * self.x
ts = [Sq(i) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([t.out for t in ts])

# raw _thread API
done = _thread.allocate_lock()
done.acquire()
box = []
def raw(a, b=0):
    box.append(a + b)
    done.release()
_thread.start_new_thread(raw, (40,), {'b': 2})
done.acquire()
print(box)
for bad in [(1, ()), (print, []), (print, (), [])]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print('TypeError:', e)
print(_thread.TIMEOUT_MAX, _thread.error is RuntimeError)
print(type(_thread.allocate_lock()).__name__, _thread.LockType)
try:
    _thread.stack_size(100)
except ValueError as e:
    print('ValueError:', e)
print(_thread.stack_size())
t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print('RuntimeError:', e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print('RuntimeError:', e)
t.join()
