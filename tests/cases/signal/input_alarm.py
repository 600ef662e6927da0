# input: 0.4 hello
# input() reading a slow pipe while SIGALRM handlers run: the line comes
# through whole (PEP 475); a handler that raises stops the next input().
import signal

ticks = []
signal.signal(signal.SIGALRM, lambda signum, frame: ticks.append(signum))
signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
print('ready', flush=True)
line = input()
signal.setitimer(signal.ITIMER_REAL, 0)
print(repr(line), len(ticks) > 2)


def stop(signum, frame):
    raise TimeoutError('no more input')


signal.signal(signal.SIGALRM, stop)
signal.setitimer(signal.ITIMER_REAL, 0.1)
input()
