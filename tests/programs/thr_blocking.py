# A thread blocked in os.read on a pipe, in a lock acquire, in select or in
# time.sleep does not stop the main thread: main does its work, then
# unblocks it.  Ordering-based: no timing is measured.
import os
import select
import threading
import time

r, w = os.pipe()
got = []
reader = threading.Thread(target=lambda: got.append(os.read(r, 100)))
reader.start()
total = sum(i * i for i in range(20000))          # main runs meanwhile
print('main computed', total)
os.write(w, b'hello')
reader.join()
print(got)

lock = threading.Lock()
lock.acquire()
acquired = []
def locker():
    acquired.append(lock.acquire())
    lock.release()
t = threading.Thread(target=locker)
t.start()
print('main still running', sum(range(1000)))
lock.release()
t.join()
print(acquired)

r2, w2 = os.pipe()
sel = []
def selector():
    rl, _, _ = select.select([r2], [], [])
    sel.append(rl == [r2])
t = threading.Thread(target=selector)
t.start()
print('main before write', len(sel))
os.write(w2, b'x')
t.join()
print(sel)

p = select.poll()
r3, w3 = os.pipe()
p.register(r3, select.POLLIN)
polled = []
t = threading.Thread(target=lambda: polled.append(len(p.poll())))
t.start()
os.write(w3, b'y')
t.join()
print(polled)

# a sleeping thread lets the main thread run
ev = threading.Event()
def sleeper():
    time.sleep(0.05)
    ev.set()
t = threading.Thread(target=sleeper)
t.start()
count = 0
while not ev.is_set():
    count += 1
    time.sleep(0.001)
t.join()
print('main ran while the other slept:', count > 0)
for fd in (r, w, r2, w2, r3, w3):
    os.close(fd)
