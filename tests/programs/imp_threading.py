import threading, sys
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
lock = threading.Lock()
with lock:
    print("locked", lock.locked())
rl = threading.RLock()
with rl:
    with rl:
        print("rlock")
ev = threading.Event()
ev.set()
print(ev.is_set(), ev.wait(0))
local = threading.local()
local.x = 5
print(local.x)
print(sys.excepthook is sys.__excepthook__)
try:
    raise ValueError("shown by excepthook")
except ValueError:
    sys.excepthook(*sys.exc_info())
print("end")
