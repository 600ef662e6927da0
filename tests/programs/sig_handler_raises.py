# An exception raised by a signal handler propagates from the interrupted
# point: caught by the code around it, or uncaught with the handler's
# frame in the traceback (here: interrupting time.sleep).
import os
import signal
import time


class Timeout(Exception):
    pass


def expire(signum, frame):
    raise Timeout('expired in %s' % frame.f_code.co_name)


signal.signal(signal.SIGALRM, expire)


def slow():
    time.sleep(5)
    return 'not reached'


signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    slow()
except Timeout as e:
    print('caught:', e)

signal.signal(signal.SIGUSR1, expire)
try:
    os.kill(os.getpid(), signal.SIGUSR1)
    print('not reached')
except Timeout as e:
    print('caught:', e, type(e.__traceback__.tb_next.tb_frame.f_code.co_name))
finally:
    print('finally runs')

signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(5)
print('not reached')
