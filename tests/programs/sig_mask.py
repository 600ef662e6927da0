# pthread_sigmask, sigpending and sigwait: a blocked signal stays pending
# (its handler does not run) until it is unblocked or taken by sigwait.
import os
import signal

seen = []
signal.signal(signal.SIGUSR1, lambda s, f: seen.append(s))
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))
old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1, signal.SIGUSR2})
print('old mask', sorted(old))
print('now', sorted(int(s) for s in signal.pthread_sigmask(signal.SIG_BLOCK, [])))
os.kill(os.getpid(), signal.SIGUSR1)
print('blocked: handler ran', seen, 'pending', [int(s) for s in signal.sigpending()])
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print('unblocked: handler ran', seen, 'pending', sorted(signal.sigpending()))

os.kill(os.getpid(), signal.SIGUSR2)
print('pending', [int(s) for s in signal.sigpending()])
got = signal.sigwait([signal.SIGUSR2])
print('sigwait ->', int(got), type(got).__name__, got == signal.SIGUSR2)
print('pending', sorted(signal.sigpending()))
previous = signal.pthread_sigmask(signal.SIG_SETMASK, [])
print('setmask returned', sorted(int(s) for s in previous))
full = signal.pthread_sigmask(signal.SIG_SETMASK, range(1, signal.NSIG))
print(sorted(full))
blocked = signal.pthread_sigmask(signal.SIG_SETMASK, [])
print(signal.SIGKILL in blocked, signal.SIGSTOP in blocked, signal.SIGUSR1 in blocked,
      len(blocked))
print(signal.Sigmasks.SIG_BLOCK == 0, [m.name for m in signal.Sigmasks])
