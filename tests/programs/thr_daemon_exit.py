# At exit the non-daemon threads are joined (threading._shutdown) before
# atexit callbacks run; daemon threads are left blocked.
import atexit
import threading
import time

release = threading.Event()
order = []
atexit.register(lambda: print('atexit sees', order))

def non_daemon():
    release.wait()
    order.append('non-daemon finished')
    print('non-daemon thread done')

def daemon():
    threading.Event().wait()     # never set: blocks until the process ends

threading.Thread(target=daemon, daemon=True).start()
t = threading.Thread(target=non_daemon)
t.start()
print('main ends; daemon alive', threading.active_count())
release.set()
