# send: 0.5 TERM
# A Python SIGTERM handler runs while the program sleeps in a loop.
import signal
import time

done = []
signal.signal(signal.SIGTERM, lambda signum, frame: done.append(signum))
print('ready', flush=True)
n = 0
while not done:
    time.sleep(0.01)
    n += 1
print('terminated by', done, n > 10)
