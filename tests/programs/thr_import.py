# Several threads import the same modules at once: each waits for the
# thread that is running a module body instead of seeing it half made.
import threading
res = []
def imp(name):
    m = __import__(name)
    res.append((name, hasattr(m, '__name__')))
names = ['json', 'decimal', 'fractions', 'json', 'decimal', 'statistics', 'fractions', 'statistics']
ts = [threading.Thread(target=imp, args=(n,)) for n in names]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res))
import decimal, statistics
print(decimal.Decimal('1.1') + 1, statistics.mean([1, 2, 3]))
