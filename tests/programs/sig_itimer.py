# setitimer/getitimer: a repeating ITIMER_REAL, the interval read back,
# ITIMER_VIRTUAL and ITIMER_PROF firing during CPU work, ItimerError.
import signal
import time

ticks = {}


def tick(signum, frame):
    ticks[signum] = ticks.get(signum, 0) + 1


signal.signal(signal.SIGALRM, tick)
signal.signal(signal.SIGVTALRM, tick)
signal.signal(signal.SIGPROF, tick)

print(signal.getitimer(signal.ITIMER_REAL))
print(signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02))
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print(0 < delay <= 0.02, interval)
while ticks.get(signal.SIGALRM, 0) < 4:
    time.sleep(0.01)
old = signal.setitimer(signal.ITIMER_REAL, 0)
print('real ticks >= 4:', ticks[signal.SIGALRM] >= 4, old[1], 0 <= old[0] <= 0.02)
print(signal.getitimer(signal.ITIMER_REAL))

for which, sig in ((signal.ITIMER_VIRTUAL, signal.SIGVTALRM),
                   (signal.ITIMER_PROF, signal.SIGPROF)):
    signal.setitimer(which, 0.01, 0.01)
    n = 0
    while ticks.get(sig, 0) < 2:
        n += 1
    signal.setitimer(which, 0)
    print(which, 'fired', ticks[sig] >= 2, signal.getitimer(which))

print(signal.setitimer(signal.ITIMER_REAL, 100, 0.5)[1] == 0.0)
print(signal.setitimer(signal.ITIMER_REAL, 0)[1])
print(signal.ItimerError.__name__, signal.ItimerError.__mro__[1].__name__)
for args in ((99, 1), (signal.ITIMER_REAL, -1), (signal.ITIMER_REAL, 'x'),
             (signal.ITIMER_REAL, float('nan')), (signal.ITIMER_REAL, 1e300)):
    try:
        signal.setitimer(*args)
    except signal.ItimerError as e:
        print('ItimerError', e.errno, e, isinstance(e, OSError))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    signal.getitimer(12)
except OSError as e:
    print(type(e).__name__, e)
