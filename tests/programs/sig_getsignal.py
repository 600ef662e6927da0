# signal.getsignal and the previous handler returned by signal.signal:
# SIG_DFL, SIG_IGN, default_int_handler, and Python callables of every
# kind (functions, lambdas, bound methods, builtins, callable objects).
import signal
import _signal

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler
      or signal.getsignal(signal.SIGINT) == signal.SIG_IGN)
print(repr(signal.getsignal(signal.SIGUSR1)), repr(signal.getsignal(signal.SIGPIPE)))
print(repr(_signal.getsignal(signal.SIGUSR1)), type(_signal.getsignal(signal.SIGUSR1)).__name__)
print(repr(signal.getsignal(signal.SIGKILL)))


def f(signum, frame):
    pass


class Handler:
    def __call__(self, signum, frame):
        pass

    def method(self, signum, frame):
        pass


h = Handler()
lam = lambda s, fr: None
for handler in (f, lam, h, h.method, print, signal.default_int_handler,
                signal.SIG_IGN, signal.SIG_DFL, _signal.SIG_IGN):
    old = signal.signal(signal.SIGUSR2, handler)
    now = signal.getsignal(signal.SIGUSR2)
    print(type(old).__name__, now is handler or now == handler, type(now).__name__)

print(repr(signal.signal(signal.SIGUSR2, f)))
print(signal.signal(signal.SIGUSR2, signal.SIG_DFL) is f)
print(repr(signal.getsignal(signal.SIGUSR2)))
print(_signal.signal(signal.SIGUSR2, 1), _signal.signal(signal.SIGUSR2, 0))
print(repr(_signal.SIG_DFL), repr(_signal.SIG_IGN), signal.SIG_DFL == 0, signal.SIG_IGN == 1)
print(repr(signal.Handlers.SIG_DFL), repr(signal.Handlers(1)))
print(signal.default_int_handler.__name__, type(signal.default_int_handler).__name__)
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt as e:
    print('KeyboardInterrupt', e.args)

signal.signal(signal.SIGTERM, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGTERM)
except KeyboardInterrupt:
    print('SIGTERM raised KeyboardInterrupt')
signal.signal(signal.SIGTERM, signal.SIG_DFL)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print('SIGINT raised KeyboardInterrupt')
signal.signal(signal.SIGINT, lambda s, fr: print('custom SIGINT handler', s))
signal.raise_signal(signal.SIGINT)
print(signal.siginterrupt(signal.SIGUSR2, False), signal.siginterrupt(signal.SIGUSR2, True))
print(sorted(n for n in dir(signal) if n.startswith('SIG') and '_' not in n)[:8])
print(len(signal.valid_signals()), signal.NSIG, 32 in signal.valid_signals())
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGRTMIN + 1), signal.strsignal(32))
