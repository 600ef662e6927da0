# os.kill(os.getpid(), sig) and signal.raise_signal run the Python handler
# before the next statement; handlers that change handlers, that signal
# again, and signals delivered in number order.
import os
import signal

log = []


def handler(signum, frame):
    log.append(signal.Signals(signum).name)
    print('handler', signal.Signals(signum).name, frame.f_code.co_name, frame.f_lineno)


signal.signal(signal.SIGUSR1, handler)
signal.signal(signal.SIGUSR2, handler)
print('before')
os.kill(os.getpid(), signal.SIGUSR1)
print('after kill', log)
signal.raise_signal(signal.SIGUSR2)
print('after raise_signal', log)


def inner():
    os.kill(os.getpid(), signal.SIGUSR2)
    print('inner continues', log[-1])
    return len(log)


print('inner returned', inner())


def once(signum, frame):
    print('once: now ignoring', signum)
    signal.signal(signum, signal.SIG_IGN)


signal.signal(signal.SIGUSR1, once)
os.kill(os.getpid(), signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR1)
print(repr(signal.getsignal(signal.SIGUSR1)))


def chain(signum, frame):
    print('chain', signum)
    if signum == signal.SIGUSR1:
        os.kill(os.getpid(), signal.SIGUSR2)
        print('chain: back in the USR1 handler')


signal.signal(signal.SIGUSR1, chain)
signal.signal(signal.SIGUSR2, chain)
os.kill(os.getpid(), signal.SIGUSR1)

# both blocked, then released together: handled in signal number order
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
signal.signal(signal.SIGUSR1, handler)
signal.signal(signal.SIGUSR2, handler)
os.kill(os.getpid(), signal.SIGUSR2)
os.kill(os.getpid(), signal.SIGUSR1)
print('blocked, pending:', sorted(signal.sigpending()))
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1, signal.SIGUSR2])
print('unblocked', log[-2:])

total = 0
for i in range(3):
    os.kill(os.getpid(), signal.SIGUSR1)
    total += i
print('loop', total, log.count('SIGUSR1'))
print([signal.Signals(s).name for s in (signal.SIGUSR1, signal.SIGUSR2)])
