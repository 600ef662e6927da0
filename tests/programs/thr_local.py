# threading.local: each thread sees its own attributes; subclasses with
# __init__ run it once per thread.
import threading

data = threading.local()
data.x = 'main'
out = {}
def work(n):
    print_missing = not hasattr(data, 'x')
    data.x = n
    for _ in range(100):
        pass
    out[n] = (print_missing, data.x)
ts = [threading.Thread(target=work, args=(i,)) for i in range(5)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out.items()))
print(data.x)

class Counter(threading.local):
    initialized = 0
    def __init__(self, start):
        self.value = start
        Counter.initialized += 1
    def bump(self):
        self.value += 1
        return self.value

c = Counter(10)
res = []
def use():
    res.append(c.bump())
    res.append(c.bump())
ts = [threading.Thread(target=use) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res), c.value, Counter.initialized)
try:
    threading.local(1)
except TypeError as e:
    print('TypeError:', e)
del data.x
print(hasattr(data, 'x'))
try:
    data.__dict__ = {}
except AttributeError as e:
    print('AttributeError:', e)
print(type(threading.local()).__name__)
