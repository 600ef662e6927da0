# sigwaitinfo and sigtimedwait: a blocked signal taken as a struct_siginfo;
# a timeout gives None; handlers of other signals run during the wait
# and the wait goes on (PEP 475); the errors.
import signal, os
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
os.kill(os.getpid(), signal.SIGUSR1)
r = signal.sigtimedwait([signal.SIGUSR1], 1)
print(type(r).__name__, type(r).__module__, type(r).__mro__[1:], len(r), r.si_signo, r.si_code, r.si_pid == os.getpid(), r.si_uid == os.getuid(), r[0])
print(signal.sigtimedwait([signal.SIGUSR1], 0.01))
for t in (-1, 'x', float('nan')):
    try: signal.sigtimedwait([signal.SIGUSR1], t)
    except Exception as e: print(type(e).__name__, e)
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigwaitinfo({signal.SIGUSR1}).si_signo)
for a in ((), (1, 2)):
    for f in (signal.sigwaitinfo, signal.sigtimedwait):
        try: f(*a)
        except Exception as e: print(type(e).__name__, e)
n = []
signal.signal(signal.SIGALRM, lambda s, f: n.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
print(signal.sigtimedwait([signal.SIGUSR1], 0.2), len(n) > 3)
signal.setitimer(signal.ITIMER_REAL, 0)
print(repr(signal.struct_siginfo((1,2,3,4,5,6,7))))
