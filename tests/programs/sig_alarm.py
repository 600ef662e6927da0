# signal.alarm: a SIGALRM handler runs in the main program while it waits
# in signal.pause(), in a busy loop, and in time.sleep(); alarm() returns
# the seconds left of the previous alarm.
import signal
import time

calls = []


def on_alarm(signum, frame):
    calls.append(signum)
    print('alarm handler:', signum == signal.SIGALRM, frame.f_code.co_name)


print(repr(signal.signal(signal.SIGALRM, on_alarm)))
print('previous alarm:', signal.alarm(1))
signal.pause()
print('after pause:', len(calls))

print(signal.alarm(5), signal.alarm(0))     # 0, then about 5 seconds left

signal.setitimer(signal.ITIMER_REAL, 0.05)
n = 0
while not calls[1:]:
    n += 1
print('busy loop interrupted:', len(calls), n > 0)


def wait_in_function():
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    time.sleep(0.5)
    return 'slept'


start = time.monotonic()
print(wait_in_function(), len(calls), time.monotonic() - start >= 0.45)
print(signal.alarm(0))
