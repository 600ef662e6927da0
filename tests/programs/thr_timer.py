# threading.Timer runs its function once after the interval; cancel()
# stops one that has not fired.
import threading

fired = []
t = threading.Timer(0.01, fired.append, args=('first',))
t.start()
t.join()
print(fired)
c = threading.Timer(60, fired.append, args=('never',))
c.start()
c.cancel()
c.join()
print(fired, c.finished.is_set())
ev = threading.Event()
t = threading.Timer(0.01, ev.set)
t.start()
print(ev.wait(30))
t.join()
