# a signal during select/poll/epoll/wait: the handler runs, the call is
# retried with what is left of its timeout (PEP 475) or the handler's
# exception propagates
import signal
import select
import os
import time
import subprocess

got = []
signal.signal(signal.SIGALRM, lambda s, f: got.append(s))
r, w = os.pipe()
signal.setitimer(signal.ITIMER_REAL, 0.1)
t0 = time.monotonic()
print(select.select([r], [], [], 0.6))
print(got, time.monotonic() - t0 >= 0.6)


class Boom(Exception):
    pass


def boom(s, f):
    raise Boom()


signal.signal(signal.SIGALRM, boom)
p = select.poll()
p.register(r, select.POLLIN)
signal.setitimer(signal.ITIMER_REAL, 0.1)
try:
    p.poll(3000)
except Boom:
    print('poll interrupted')
e = select.epoll()
e.register(r, select.EPOLLIN)
signal.setitimer(signal.ITIMER_REAL, 0.1)
try:
    e.poll(3)
except Boom:
    print('epoll interrupted')
e.close()
signal.setitimer(signal.ITIMER_REAL, 0.1)
try:
    subprocess.run(['/bin/sleep', '3'])
except Boom:
    print('run interrupted')
signal.setitimer(signal.ITIMER_REAL, 0.1)
try:
    os.read(r, 10)
except Boom:
    print('read interrupted')
signal.signal(signal.SIGALRM, lambda s, f: got.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.1)
print(subprocess.run(['/bin/sh', '-c', 'sleep 0.3; echo slept'], capture_output=True).stdout)
print(got)
