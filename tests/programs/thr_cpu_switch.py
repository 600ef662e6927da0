# Two CPU-bound threads both make progress: each counts to N; the GIL is
# handed over at the switch interval.  Each also waits until the other has
# started counting, which only works if the GIL switches.
import sys
import threading

N = 200000
started = [False, False]
counts = [0, 0]
def spin(me):
    started[me] = True
    while not started[1 - me]:      # busy-wait: needs a switch to end
        pass
    c = 0
    for _ in range(N):
        c += 1
    counts[me] = c
ts = [threading.Thread(target=spin, args=(i,)) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(counts)
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
started = [False, False]
ts = [threading.Thread(target=spin, args=(i,)) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(counts)
