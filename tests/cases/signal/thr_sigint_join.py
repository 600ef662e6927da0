# send: 0.5 INT
# SIGINT from outside while the main thread waits in Thread.join() (a lock
# acquire without the GIL): KeyboardInterrupt comes out of join at once.
# threading then counts the thread as stopped (bpo-45274: it releases the
# thread's lock), so a second join returns; the exit does not wait for the
# daemon thread.
import threading

ev = threading.Event()
t = threading.Thread(target=ev.wait, daemon=True)
t.start()
print('ready', flush=True)
try:
    t.join()
except KeyboardInterrupt:
    print('KeyboardInterrupt in join', flush=True)
t.join()
print('second join returned', flush=True)
