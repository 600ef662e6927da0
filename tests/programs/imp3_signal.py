# signal (the _signal module): constants, getsignal/signal with SIG_DFL and
# SIG_IGN, default_int_handler, strsignal, errors.
import signal

print(int(signal.SIGINT), int(signal.SIGTERM), int(signal.SIGKILL), signal.NSIG)
print(repr(signal.SIGTERM), signal.Signals(15).name)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGTERM)), repr(signal.SIG_IGN))
old = signal.signal(signal.SIGTERM, signal.SIG_IGN)
print(repr(old), repr(signal.getsignal(signal.SIGTERM)))
signal.signal(signal.SIGTERM, old)
print(repr(signal.getsignal(signal.SIGTERM)))
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGSEGV))
print(signal.SIGUSR1 in signal.valid_signals(), len(signal.valid_signals()) > 30)
for args in ((99, signal.SIG_DFL), (signal.SIGKILL, signal.SIG_IGN), (signal.SIGINT, 5)):
    try:
        signal.signal(*args)
    except (ValueError, OSError, TypeError) as e:
        print(type(e).__name__, e.args[-1] if isinstance(e, OSError) else e)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print('KeyboardInterrupt')
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print('raised KeyboardInterrupt')
print(sorted(h.name for h in signal.Handlers))
