# PEP 475: time.sleep, os.read on a pipe and a file object's read, when a
# signal interrupts them, run the handler and carry on (the full sleep;
# the data the handler wrote); when the handler raises, they raise it.
import os
import signal
import time

r, w = os.pipe()
count = 0
write_at = None     # the tick at which the handler writes to the pipe


def tick(signum, frame):
    global count
    count += 1
    if count == write_at:
        os.write(w, b'abc')
        signal.setitimer(signal.ITIMER_REAL, 0)


signal.signal(signal.SIGALRM, tick)
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
start = time.monotonic()
time.sleep(0.15)
elapsed = time.monotonic() - start
signal.setitimer(signal.ITIMER_REAL, 0)
print('sleep lasted its time:', elapsed >= 0.14, 'ticks during it:', count >= 3)

count = 0
write_at = 3
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
print(os.read(r, 10), count)
signal.setitimer(signal.ITIMER_REAL, 0)

count = 0
f = os.fdopen(r, 'rb', buffering=0)
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
print(f.read(3), count)
signal.setitimer(signal.ITIMER_REAL, 0)

count = 0
fb = os.fdopen(os.dup(f.fileno()), 'rb')
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
print(fb.read(3), count)
signal.setitimer(signal.ITIMER_REAL, 0)


def stop(signum, frame):
    raise TimeoutError('handler raised')


signal.signal(signal.SIGALRM, stop)
for what, call in (('sleep', lambda: time.sleep(3)), ('os.read', lambda: os.read(f.fileno(), 5)),
                   ('file read', lambda: f.read(5))):
    signal.setitimer(signal.ITIMER_REAL, 0.03)
    try:
        call()
        print(what, 'not interrupted')
    except TimeoutError as e:
        print(what, type(e).__name__, e)
signal.siginterrupt(signal.SIGALRM, False)
signal.signal(signal.SIGALRM, tick)
signal.siginterrupt(signal.SIGALRM, False)
count = 0
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
time.sleep(0.1)
signal.setitimer(signal.ITIMER_REAL, 0)
print('with SA_RESTART the handler still runs:', count >= 1)
