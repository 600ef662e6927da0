# Python signal handlers run in the main thread only, even when the signal
# is sent from another thread; _thread.interrupt_main raises
# KeyboardInterrupt in the main thread.
import _thread
import os
import signal
import threading

got = []
def handler(signum, frame):
    got.append((signum == signal.SIGUSR1, threading.current_thread() is threading.main_thread()))
signal.signal(signal.SIGUSR1, handler)

def sender():
    os.kill(os.getpid(), signal.SIGUSR1)
t = threading.Thread(target=sender)
t.start()
t.join()
for _ in range(1000):       # the handler runs at the next check point
    if got:
        break
print(got)

# a thread sends SIGUSR1 while the main thread is blocked on a lock
lock = threading.Lock()
lock.acquire()
got.clear()
def later():
    os.kill(os.getpid(), signal.SIGUSR1)
    lock.release()
t = threading.Thread(target=later)
t.start()
print(lock.acquire(timeout=60))
t.join()
for _ in range(1000):
    if got:
        break
print(got)

# interrupt_main from a thread: KeyboardInterrupt in the main thread
ev = threading.Event()
def interrupter():
    _thread.interrupt_main()
    ev.set()
try:
    t = threading.Thread(target=interrupter)
    t.start()
    ev.wait()
    t.join()
    for _ in range(100000):
        pass
    print('not interrupted')
except KeyboardInterrupt:
    print('KeyboardInterrupt in', threading.current_thread().name)

# a handler that raises: the exception comes out of the main thread's wait
class Stop(Exception):
    pass
def raiser(signum, frame):
    raise Stop('from handler')
signal.signal(signal.SIGUSR2, raiser)
block = threading.Lock()
block.acquire()
def kick():
    os.kill(os.getpid(), signal.SIGUSR2)
t = threading.Thread(target=kick)
try:
    t.start()
    block.acquire()
    print('acquired?')
except Stop as e:
    print('Stop:', e)
t.join()
