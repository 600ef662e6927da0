# set_wakeup_fd: each caught signal's number is written to the fd as a
# byte (the fd must be non-blocking); -1 turns it off and the old fd is
# returned.
import os
import signal

r, w = os.pipe()
os.set_blocking(w, False)
os.set_blocking(r, False)
print(signal.set_wakeup_fd(w) == -1)
signal.signal(signal.SIGUSR1, lambda s, f: print('handler', s))
signal.signal(signal.SIGUSR2, lambda s, f: print('handler', s))
os.kill(os.getpid(), signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR2)
data = os.read(r, 10)
print(list(data))
print(signal.set_wakeup_fd(-1) == w)
os.kill(os.getpid(), signal.SIGUSR1)
try:
    os.read(r, 10)
except BlockingIOError as e:
    print('nothing written:', type(e).__name__, e.errno)
print(signal.set_wakeup_fd(-1))
